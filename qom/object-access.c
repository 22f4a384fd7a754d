/*
 * QOM: reading and writing properties through a visitor, as JSON, from a
 * string, or as a C value.
 *
 * Everything funnels into qom_prop_access(): find the property, pick the
 * accessor for the direction, run it on the visitor. The C-typed setters
 * build a JSON scalar and write it strictly; the C-typed getters read the
 * JSON value and check its kind.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qobject/qjson.h"

typedef enum QomDirection {
    QOM_READ,
    QOM_WRITE,
} QomDirection;

static bool qom_prop_access(Object *obj, const char *name, Visitor *v,
                            QomDirection dir, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    ObjectPropertyAccessor *fn;
    Error *failure = NULL;

    if (!prop) {
        return false;
    }
    fn = dir == QOM_READ ? prop->get : prop->set;
    if (!fn) {
        error_setg(errp, "Property '%s.%s' is not %s", object_get_typename(obj),
                   name, dir == QOM_READ ? "readable" : "writable");
        return false;
    }
    fn(obj, v, name, prop->opaque, &failure);
    if (failure) {
        error_propagate(errp, failure);
        return false;
    }
    return true;
}

bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    return qom_prop_access(obj, name, v, QOM_READ, errp);
}

bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    return qom_prop_access(obj, name, v, QOM_WRITE, errp);
}

/* Write through @input, which is consumed. */
static bool qom_write_with(Object *obj, const char *name, Visitor *input,
                           Error **errp)
{
    bool done = qom_prop_access(obj, name, input, QOM_WRITE, errp);

    visit_free(input);
    return done;
}

bool object_property_set_qobject(Object *obj, const char *name, JsonNode *value,
                                 Error **errp)
{
    return qom_write_with(obj, name, qobject_input_visitor_new(value), errp);
}

bool object_property_set_keyval(Object *obj, const char *name, JsonNode *value,
                                Error **errp)
{
    Visitor *input = qobject_input_visitor_new_keyval(value);

    return qom_write_with(obj, name, input, errp);
}

bool object_property_parse(Object *obj, const char *name, const char *string,
                           Error **errp)
{
    return qom_write_with(obj, name, string_input_visitor_new(string), errp);
}

JsonNode *object_property_get_qobject(Object *obj, const char *name,
                                      Error **errp)
{
    JsonNode *value = NULL;
    Visitor *output = qobject_output_visitor_new(&value);

    if (qom_prop_access(obj, name, output, QOM_READ, errp)) {
        visit_complete(output, &value);
    }
    visit_free(output);
    return value;
}

/* ---- C values in ---- */

/* Write the scalar @node strictly, then drop it. */
static bool qom_write_node(Object *obj, const char *name, JsonNode *node,
                           Error **errp)
{
    bool done = object_property_set_qobject(obj, name, node, errp);

    json_node_unref(node);
    return done;
}

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp)
{
    JsonNode *node = json_node_init_string(json_node_alloc(), value);

    return qom_write_node(obj, name, node, errp);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    JsonNode *node = json_node_init_boolean(json_node_alloc(), value);

    return qom_write_node(obj, name, node, errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    JsonNode *node = json_node_init_int(json_node_alloc(), value);

    return qom_write_node(obj, name, node, errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    /* carried as int64; the uint64 input visitor takes it back */
    JsonNode *node = json_node_init_int(json_node_alloc(), (int64_t)value);

    return qom_write_node(obj, name, node, errp);
}

/* ---- C values out ---- */

typedef enum QomScalar {
    QOM_SCALAR_STR,
    QOM_SCALAR_BOOL,
    QOM_SCALAR_INT,
    QOM_SCALAR_UINT,
} QomScalar;

static const char *const qom_scalar_label[] = {
    [QOM_SCALAR_STR] = "string",
    [QOM_SCALAR_BOOL] = "boolean",
    [QOM_SCALAR_INT] = "int",
    [QOM_SCALAR_UINT] = "uint",
};

static bool qom_scalar_fits(JsonNode *node, QomScalar want)
{
    GType held;

    if (!JSON_NODE_HOLDS_VALUE(node)) {
        return false;
    }
    held = json_node_get_value_type(node);
    switch (want) {
    case QOM_SCALAR_STR:
        return held == G_TYPE_STRING;
    case QOM_SCALAR_BOOL:
        return held == G_TYPE_BOOLEAN;
    case QOM_SCALAR_INT:
        /* an unsigned value above INT64_MAX is no int64 */
        return held == G_TYPE_INT64 && !qjson_node_is_big_uint(node);
    case QOM_SCALAR_UINT:
        /* above INT64_MAX: unsigned nodes (qjson.h), or doubles */
        return held == G_TYPE_INT64 || held == G_TYPE_DOUBLE;
    }
    return false;
}

/* The property's value if it is of kind @want; NULL with an error. */
static JsonNode *qom_read_scalar(Object *obj, const char *name, QomScalar want,
                                 Error **errp)
{
    JsonNode *node = object_property_get_qobject(obj, name, errp);

    if (node && !qom_scalar_fits(node, want)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s", name,
                   qom_scalar_label[want]);
        g_clear_pointer(&node, json_node_unref);
    }
    return node;
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    g_autoptr(JsonNode) node = qom_read_scalar(obj, name, QOM_SCALAR_STR, errp);

    return node ? g_strdup(json_node_get_string(node)) : NULL;
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    g_autoptr(JsonNode) node = qom_read_scalar(obj, name, QOM_SCALAR_BOOL,
                                               errp);

    return node && json_node_get_boolean(node);
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    g_autoptr(JsonNode) node = qom_read_scalar(obj, name, QOM_SCALAR_INT, errp);

    return node ? json_node_get_int(node) : -1;
}

uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp)
{
    g_autoptr(JsonNode) node = qom_read_scalar(obj, name, QOM_SCALAR_UINT,
                                               errp);

    if (!node) {
        return 0;
    }
    if (json_node_get_value_type(node) == G_TYPE_DOUBLE) {
        return (uint64_t)json_node_get_double(node);
    }
    return (uint64_t)json_node_get_int(node);
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}
