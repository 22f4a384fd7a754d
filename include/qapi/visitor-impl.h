/*
 * Visitor internals, for the visitor implementations in qapi/ only.
 */
#ifndef QAPI_VISITOR_IMPL_H
#define QAPI_VISITOR_IMPL_H

#include "qapi/visitor.h"

typedef enum VisitorMode {
    VISIT_MODE_STRICT, /* JSON types must match */
    VISIT_MODE_KEYVAL, /* scalars are strings, parsed per type */
    VISIT_MODE_STRING, /* one string (string input visitor) */
    VISIT_MODE_OUTPUT,
} VisitorMode;

struct Visitor {
    VisitorType type;
    VisitorMode mode;
    JsonNode *root;     /* input value, or produced output */
    JsonNode **resultp; /* output: where visit_complete stores */
};

/* Scalar access used by qapi-visit-core.c; @name for error messages. */
bool input_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp);
bool input_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp);
bool input_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp);
bool input_type_bool(Visitor *v, const char *name, bool *obj, Error **errp);
bool input_type_str(Visitor *v, const char *name, char **obj, Error **errp);
bool input_type_any(Visitor *v, const char *name, JsonNode **obj, Error **errp);

void output_set_node(Visitor *v, JsonNode *node);

/* "Parameter 'NAME' expects WHAT" */
void visit_error_expects(Error **errp, const char *name, const char *what);

#endif
