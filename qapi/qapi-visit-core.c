/*
 * visit_type_*(): dispatch to the input or output side, range checks.
 */
#include "qemu/osdep.h"
#include "qapi/visitor-impl.h"
#include "qobject/qjson.h"

static JsonNode *node_int(int64_t val)
{
    JsonNode *node = json_node_alloc();

    return json_node_init_int(node, val);
}

static bool visit_intN(Visitor *v, const char *name, int64_t *obj, int64_t min,
                       int64_t max, const char *what, Error **errp)
{
    int64_t val;

    if (v->type == VISITOR_OUTPUT) {
        output_set_node(v, node_int(*obj));
        return true;
    }
    if (!input_type_int64(v, name, &val, errp)) {
        return false;
    }
    if (val < min || val > max) {
        visit_error_expects(errp, name, what);
        return false;
    }
    *obj = val;
    return true;
}

static void output_uint(Visitor *v, uint64_t val)
{
    /* above INT64_MAX: unsigned, as QEMU prints it */
    output_set_node(v, qjson_node_new_uint(val));
}

static bool visit_uintN(Visitor *v, const char *name, uint64_t *obj,
                        uint64_t max, const char *what, Error **errp)
{
    uint64_t val;

    if (v->type == VISITOR_OUTPUT) {
        output_uint(v, *obj);
        return true;
    }
    if (!input_type_uint64(v, name, &val, errp)) {
        return false;
    }
    if (val > max) {
        visit_error_expects(errp, name, what);
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    return visit_intN(v, name, obj, INT64_MIN, INT64_MAX, "int64_t", errp);
}

bool visit_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    return visit_type_int(v, name, obj, errp);
}

bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp)
{
    int64_t val = *obj;

    if (!visit_intN(v, name, &val, INT8_MIN, INT8_MAX, "int8_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_int16(Visitor *v, const char *name, int16_t *obj, Error **errp)
{
    int64_t val = *obj;

    if (!visit_intN(v, name, &val, INT16_MIN, INT16_MAX, "int16_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_int32(Visitor *v, const char *name, int32_t *obj, Error **errp)
{
    int64_t val = *obj;

    if (!visit_intN(v, name, &val, INT32_MIN, INT32_MAX, "int32_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj, Error **errp)
{
    uint64_t val = *obj;

    if (!visit_uintN(v, name, &val, UINT8_MAX, "uint8_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp)
{
    uint64_t val = *obj;

    if (!visit_uintN(v, name, &val, UINT16_MAX, "uint16_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp)
{
    uint64_t val = *obj;

    if (!visit_uintN(v, name, &val, UINT32_MAX, "uint32_t", errp)) {
        return false;
    }
    *obj = val;
    return true;
}

bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp)
{
    return visit_uintN(v, name, obj, UINT64_MAX, "uint64_t", errp);
}

bool visit_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp)
{
    if (v->type == VISITOR_OUTPUT) {
        output_uint(v, *obj);
        return true;
    }
    return input_type_size(v, name, obj, errp);
}

bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    if (v->type == VISITOR_OUTPUT) {
        output_set_node(v, json_node_init_boolean(json_node_alloc(), *obj));
        return true;
    }
    return input_type_bool(v, name, obj, errp);
}

bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    if (v->type == VISITOR_OUTPUT) {
        output_set_node(v, json_node_init_string(json_node_alloc(),
                                                 *obj ? *obj : ""));
        return true;
    }
    return input_type_str(v, name, obj, errp);
}

/* An enum value travels as its name; an unnamed value is our own bug. */
static void enum_to_output(Visitor *v, int value, const QEnumLookup *lookup)
{
    const char *label = qapi_enum_lookup(lookup, value);

    g_assert(label != NULL);
    output_set_node(v, json_node_init_string(json_node_alloc(), label));
}

static bool enum_from_input(Visitor *v, const char *name, int *value,
                            const QEnumLookup *lookup, Error **errp)
{
    g_autofree char *label = NULL;
    int found;

    if (!input_type_str(v, name, &label, errp)) {
        return false;
    }
    found = qapi_enum_parse(lookup, label, -1, NULL);
    if (found >= 0) {
        *value = found;
        return true;
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'",
               name ? name : "null", label);
    return false;
}

bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp)
{
    if (v->type == VISITOR_INPUT) {
        return enum_from_input(v, name, obj, lookup, errp);
    }
    enum_to_output(v, *obj, lookup);
    return true;
}

bool visit_type_any(Visitor *v, const char *name, JsonNode **obj, Error **errp)
{
    if (v->type == VISITOR_OUTPUT) {
        output_set_node(v, json_node_copy(*obj));
        return true;
    }
    return input_type_any(v, name, obj, errp);
}
