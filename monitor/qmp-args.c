/*
 * Typed access to QMP command arguments, with QMP's error texts.
 */
#include "qemu/osdep.h"
#include "monitor/qmp.h"
#include "qobject/qjson.h"

/* Look up @name; false with an error when required and missing. */
static bool arg_lookup(JsonObject *args, const char *name, bool required,
                       JsonNode **node, bool *present, Error **errp)
{
    *node = json_object_get_member(args, name);
    if (present) {
        *present = *node != NULL;
    }
    if (!*node && required) {
        error_setg(errp, "Parameter '%s' is missing", name);
        return false;
    }
    return true;
}

static bool arg_type_error(const char *name, const char *type, Error **errp)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s", name,
               type);
    return false;
}

static bool holds(JsonNode *node, GType type)
{
    return JSON_NODE_HOLDS_VALUE(node) &&
           json_node_get_value_type(node) == type;
}

bool qmp_arg_str(JsonObject *args, const char *name, bool required,
                 const char **value, bool *present, Error **errp)
{
    JsonNode *node;

    if (!arg_lookup(args, name, required, &node, present, errp)) {
        return false;
    }
    if (!node) {
        return true;
    }
    if (!holds(node, G_TYPE_STRING)) {
        return arg_type_error(name, "string", errp);
    }
    *value = json_node_get_string(node);
    return true;
}

bool qmp_arg_bool(JsonObject *args, const char *name, bool required,
                  bool *value, bool *present, Error **errp)
{
    JsonNode *node;

    if (!arg_lookup(args, name, required, &node, present, errp)) {
        return false;
    }
    if (!node) {
        return true;
    }
    if (!holds(node, G_TYPE_BOOLEAN)) {
        return arg_type_error(name, "boolean", errp);
    }
    *value = json_node_get_boolean(node);
    return true;
}

bool qmp_arg_int(JsonObject *args, const char *name, bool required,
                 int64_t *value, bool *present, Error **errp)
{
    JsonNode *node;

    if (!arg_lookup(args, name, required, &node, present, errp)) {
        return false;
    }
    if (!node) {
        return true;
    }
    /* an unsigned value above INT64_MAX is no int64 */
    if (!holds(node, G_TYPE_INT64) || qjson_node_is_big_uint(node)) {
        return arg_type_error(name, "integer", errp);
    }
    *value = json_node_get_int(node);
    return true;
}

bool qmp_args_check(JsonObject *args, const char *const *allowed, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(args);

    for (GList *l = members; l; l = l->next) {
        const char *const *a = allowed;

        while (*a && strcmp(*a, l->data)) {
            a++;
        }
        if (!*a) {
            error_setg(errp, "Parameter '%s' is unexpected",
                       (const char *)l->data);
            return false;
        }
    }
    return true;
}
