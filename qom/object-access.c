/*
 * QOM: getting and setting properties by visitor, JSON, string or C type.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    Error *err = NULL;

    if (!prop) {
        return false;
    }
    if (!prop->get) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return false;
    }
    prop->get(obj, v, name, prop->opaque, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    Error *err = NULL;

    if (!prop) {
        return false;
    }
    if (!prop->set) {
        error_setg(errp, "Property '%s.%s' is not writable",
                   object_get_typename(obj), name);
        return false;
    }
    prop->set(obj, v, name, prop->opaque, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static bool set_with_visitor(Object *obj, const char *name, Visitor *v,
                             Error **errp)
{
    bool ok = object_property_set(obj, name, v, errp);

    visit_free(v);
    return ok;
}

bool object_property_set_qobject(Object *obj, const char *name,
                                 JsonNode *value, Error **errp)
{
    return set_with_visitor(obj, name, qobject_input_visitor_new(value),
                            errp);
}

bool object_property_set_keyval(Object *obj, const char *name,
                                JsonNode *value, Error **errp)
{
    return set_with_visitor(obj, name,
                            qobject_input_visitor_new_keyval(value), errp);
}

bool object_property_parse(Object *obj, const char *name, const char *string,
                           Error **errp)
{
    return set_with_visitor(obj, name, string_input_visitor_new(string),
                            errp);
}

JsonNode *object_property_get_qobject(Object *obj, const char *name,
                                      Error **errp)
{
    JsonNode *ret = NULL;
    Visitor *v = qobject_output_visitor_new(&ret);

    if (object_property_get(obj, name, v, errp)) {
        visit_complete(v, &ret);
    }
    visit_free(v);
    return ret;
}

static bool set_node(Object *obj, const char *name, JsonNode *node,
                     Error **errp)
{
    bool ok = object_property_set_qobject(obj, name, node, errp);

    json_node_unref(node);
    return ok;
}

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp)
{
    return set_node(obj, name, json_node_init_string(json_node_alloc(), value),
                    errp);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    return set_node(obj, name,
                    json_node_init_boolean(json_node_alloc(), value), errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    return set_node(obj, name, json_node_init_int(json_node_alloc(), value),
                    errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    /* the strict uint64 input accepts the wrapped int64 */
    return set_node(obj, name,
                    json_node_init_int(json_node_alloc(), (int64_t)value),
                    errp);
}

/* The value as a scalar of GType @want, or NULL with a type error. */
static JsonNode *get_scalar(Object *obj, const char *name, GType want,
                            const char *what, Error **errp)
{
    JsonNode *node = object_property_get_qobject(obj, name, errp);
    GType t;

    if (!node) {
        return NULL;
    }
    t = JSON_NODE_HOLDS_VALUE(node) ? json_node_get_value_type(node)
                                    : G_TYPE_INVALID;
    if (t != want && !(want == G_TYPE_INT64 && t == G_TYPE_DOUBLE &&
                       g_str_equal(what, "uint"))) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   name, what);
        json_node_unref(node);
        return NULL;
    }
    return node;
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = get_scalar(obj, name, G_TYPE_STRING, "string", errp);
    char *ret;

    if (!node) {
        return NULL;
    }
    ret = g_strdup(json_node_get_string(node));
    json_node_unref(node);
    return ret;
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = get_scalar(obj, name, G_TYPE_BOOLEAN, "boolean", errp);
    bool ret;

    if (!node) {
        return false;
    }
    ret = json_node_get_boolean(node);
    json_node_unref(node);
    return ret;
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = get_scalar(obj, name, G_TYPE_INT64, "int", errp);
    int64_t ret;

    if (!node) {
        return -1;
    }
    ret = json_node_get_int(node);
    json_node_unref(node);
    return ret;
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    JsonNode *node = get_scalar(obj, name, G_TYPE_INT64, "uint", errp);
    uint64_t ret;

    if (!node) {
        return 0;
    }
    if (json_node_get_value_type(node) == G_TYPE_DOUBLE) {
        ret = (uint64_t)json_node_get_double(node);
    } else {
        ret = (uint64_t)json_node_get_int(node);
    }
    json_node_unref(node);
    return ret;
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    g_autofree char *path = NULL;

    if (value) {
        path = object_get_canonical_path(value);
    }
    return object_property_set_str(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name, Error **errp)
{
    g_autofree char *str = object_property_get_str(obj, name, errp);
    Object *target = NULL;

    if (str && *str) {
        target = object_resolve_path(str, NULL);
        if (!target) {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", str);
        }
    }
    return target;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}
