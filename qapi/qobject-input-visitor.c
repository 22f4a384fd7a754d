/*
 * Input visitors: strict JSON, keyval JSON (string scalars) and a single
 * string. Only the root value is visited.
 */
#include "qemu/osdep.h"
#include "qapi/visitor-impl.h"
#include "qemu/cutils.h"
#include "qobject/qjson.h"

static Visitor *input_visitor_new(VisitorMode mode, JsonNode *root)
{
    Visitor *v = g_new0(Visitor, 1);

    v->type = VISITOR_INPUT;
    v->mode = mode;
    v->root = json_node_ref(root);
    return v;
}

Visitor *qobject_input_visitor_new(JsonNode *root)
{
    return input_visitor_new(VISIT_MODE_STRICT, root);
}

Visitor *qobject_input_visitor_new_keyval(JsonNode *root)
{
    return input_visitor_new(VISIT_MODE_KEYVAL, root);
}

Visitor *string_input_visitor_new(const char *str)
{
    JsonNode *node = json_node_alloc();
    Visitor *v;

    json_node_init_string(node, str);
    v = input_visitor_new(VISIT_MODE_STRING, node);
    json_node_unref(node);
    return v;
}

static void error_type(Error **errp, const char *name, const char *expected)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               name ? name : "null", expected);
}

static GType scalar_type(JsonNode *node)
{
    if (JSON_NODE_HOLDS_VALUE(node)) {
        return json_node_get_value_type(node);
    }
    return G_TYPE_INVALID;
}

/* Keyval/string modes: the scalar as a string, or an error. */
static const char *input_get_string(Visitor *v, const char *name, Error **errp)
{
    if (scalar_type(v->root) != G_TYPE_STRING) {
        error_type(errp, name, "string");
        return NULL;
    }
    return json_node_get_string(v->root);
}

bool input_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    const char *str;

    if (v->mode == VISIT_MODE_STRICT) {
        /* an unsigned value above INT64_MAX is no int64 (QEMU alike) */
        if (scalar_type(v->root) != G_TYPE_INT64 ||
            qjson_node_is_big_uint(v->root)) {
            error_type(errp, name, "integer");
            return false;
        }
        *obj = json_node_get_int(v->root);
        return true;
    }
    str = input_get_string(v, name, errp);
    if (!str) {
        return false;
    }
    if (qemu_strtoi64(str, NULL, 0, obj) < 0) {
        visit_error_expects(errp, name,
                            v->mode == VISIT_MODE_KEYVAL ? "integer" : "int64");
        return false;
    }
    return true;
}

bool input_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp)
{
    const char *str;

    if (v->mode == VISIT_MODE_STRICT) {
        if (scalar_type(v->root) != G_TYPE_INT64) {
            visit_error_expects(errp, name, "uint64");
            return false;
        }
        /* negative values are accepted and wrap, as QEMU does */
        *obj = (uint64_t)json_node_get_int(v->root);
        return true;
    }
    str = input_get_string(v, name, errp);
    if (!str) {
        return false;
    }
    if (qemu_strtou64(str, NULL, 0, obj) < 0) {
        visit_error_expects(errp, name,
                            v->mode == VISIT_MODE_KEYVAL ? "integer"
                                                         : "uint64");
        return false;
    }
    return true;
}

bool input_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp)
{
    const char *str;

    if (v->mode == VISIT_MODE_STRICT) {
        return input_type_uint64(v, name, obj, errp);
    }
    str = input_get_string(v, name, errp);
    if (!str) {
        return false;
    }
    if (qemu_strtosz(str, NULL, obj) < 0) {
        visit_error_expects(errp, name, "a size value");
        return false;
    }
    return true;
}

bool input_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    const char *str;

    if (v->mode == VISIT_MODE_STRICT) {
        if (scalar_type(v->root) != G_TYPE_BOOLEAN) {
            error_type(errp, name, "boolean");
            return false;
        }
        *obj = json_node_get_boolean(v->root);
        return true;
    }
    str = input_get_string(v, name, errp);
    return str && qapi_bool_parse(name ? name : "null", str, obj, errp);
}

bool input_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    if (scalar_type(v->root) != G_TYPE_STRING) {
        error_type(errp, name, "string");
        return false;
    }
    *obj = g_strdup(json_node_get_string(v->root));
    return true;
}

bool input_type_any(Visitor *v, const char *name, JsonNode **obj, Error **errp)
{
    *obj = json_node_ref(v->root);
    return true;
}
