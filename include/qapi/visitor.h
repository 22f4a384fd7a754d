/*
 * Scalar value visitors.
 *
 * A property accessor is written once against a Visitor and then serves
 * every source of values:
 *   - qobject_input_visitor_new(): JSON values with strict types (QMP,
 *     JSON command-line forms);
 *   - qobject_input_visitor_new_keyval(): JSON values whose scalars are
 *     strings parsed per visited type (key=value command-line options);
 *   - string_input_visitor_new(): one string (object_property_parse,
 *     -global);
 *   - qobject_output_visitor_new(): produces a JsonNode (qom-get).
 *
 * Only the root value is visited: @name is the name used in error
 * messages ("Parameter 'NAME' expects integer"); NULL reads as "null".
 *
 * Every visit_type_*() returns true on success. An input visitor stores
 * the value into *obj only on success; an output visitor reads *obj.
 */
#ifndef QAPI_VISITOR_H
#define QAPI_VISITOR_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h" /* qapi_bool_parse() */
#include <json-glib/json-glib.h>

typedef struct Visitor Visitor;

typedef enum VisitorType {
    VISITOR_INPUT = 1,
    VISITOR_OUTPUT = 2,
} VisitorType;

/*
 * An enumeration's names, index = value. @array may be NULL-terminated:
 * when @size is 0 the size is the number of entries before the NULL.
 */
typedef struct QEnumLookup {
    const char *const *array;
    int size;
} QEnumLookup;

/* Number of names in @lookup. */
int qapi_enum_size(const QEnumLookup *lookup);
/* Name of @val, or NULL when out of range. */
const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);
/* Value named @buf; @def when @buf is NULL; else -1, "Invalid parameter 'X'". */
int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp);
/* Input visitor over @root (a new reference is taken). */
Visitor *qobject_input_visitor_new(JsonNode *root);
Visitor *qobject_input_visitor_new_keyval(JsonNode *root);
/* Input visitor over a copy of @str. */
Visitor *string_input_visitor_new(const char *str);
/*
 * Output visitor; visit_complete(v, result) stores a new reference to the
 * produced value in *result (the same pointer given here).
 */
Visitor *qobject_output_visitor_new(JsonNode **result);

/* Finish an output visit: store the result (see above). No-op for input. */
void visit_complete(Visitor *v, void *opaque);
void visit_free(Visitor *v);

bool visit_is_input(Visitor *v);

bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp);
bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp);
bool visit_type_int16(Visitor *v, const char *name, int16_t *obj, Error **errp);
bool visit_type_int32(Visitor *v, const char *name, int32_t *obj, Error **errp);
bool visit_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp);
bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj, Error **errp);
bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp);
bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp);
bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp);
/* Sizes: like uint64; keyval/string forms accept suffixes (512M, 1.5G). */
bool visit_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp);
bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp);
/*
 * Strings. Input: *obj receives a new string (g_free it). Output: *obj
 * is read (NULL is output as "").
 */
bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp);
/* Enumerations as their names from @lookup. */
bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp);
/*
 * Any JSON value. Input: *obj receives a new reference to the value.
 * Output: *obj is copied into the result.
 */
bool visit_type_any(Visitor *v, const char *name, JsonNode **obj, Error **errp);

#endif
