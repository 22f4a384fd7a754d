/*
 * The JSON form of option arguments ("-device '{...}'") and the
 * conversion of a parsed option back to "key=val,..." text.
 */
#include "qemu/osdep.h"
#include "qemu/keyval.h"
#include "qobject/qjson.h"

/* QEMU's JSON dialect and error texts ("JSON parse error, premature EOI") */
static JsonObject *opts_parse_json(const char *arg, Error **errp)
{
    g_autoptr(JsonNode) root = qjson_parse_string(arg, errp);

    if (!root) {
        return NULL;
    }
    if (!JSON_NODE_HOLDS_OBJECT(root)) {
        error_setg(errp, "JSON value must be an object");
        return NULL;
    }
    return json_object_ref(json_node_get_object(root));
}

typedef JsonObject *OptsParseFunc(const char *params, const char *implied_key,
                                  bool *p_help, Error **errp);

static JsonObject *opts_parse_any(OptsParseFunc *fn, const char *arg,
                                  const char *implied_key, bool *p_help,
                                  bool *is_json, Error **errp)
{
    bool json = arg[0] == '{';

    if (is_json) {
        *is_json = json;
    }
    if (!json) {
        return fn(arg, implied_key, p_help, errp);
    }
    if (p_help) {
        *p_help = false;
    }
    return opts_parse_json(arg, errp);
}

JsonObject *qemu_opts_parse_any(const char *arg, const char *implied_key,
                                bool *p_help, bool *is_json, Error **errp)
{
    return opts_parse_any(qemu_opts_parse_legacy, arg, implied_key, p_help,
                          is_json, errp);
}

JsonObject *keyval_parse_any(const char *arg, const char *implied_key,
                             bool *p_help, bool *is_json, Error **errp)
{
    return opts_parse_any(keyval_parse, arg, implied_key, p_help, is_json,
                          errp);
}

const char *keyval_get_str(JsonObject *obj, const char *key)
{
    JsonNode *node = json_object_get_member(obj, key);

    if (!node || !JSON_NODE_HOLDS_VALUE(node) ||
        json_node_get_value_type(node) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(node);
}

static void append_escaped(GString *out, const char *s)
{
    for (; *s; s++) {
        if (*s == ',') {
            g_string_append_c(out, ',');
        }
        g_string_append_c(out, *s);
    }
}

static void append_value(GString *out, JsonNode *node)
{
    g_autofree char *text = NULL;

    if (JSON_NODE_HOLDS_VALUE(node) &&
        json_node_get_value_type(node) == G_TYPE_STRING) {
        append_escaped(out, json_node_get_string(node));
    } else if (JSON_NODE_HOLDS_VALUE(node) &&
               json_node_get_value_type(node) == G_TYPE_BOOLEAN) {
        g_string_append(out, json_node_get_boolean(node) ? "on" : "off");
    } else if (qjson_node_is_big_uint(node)) {
        text = g_strdup_printf("%" PRIu64, (uint64_t)json_node_get_int(node));
        append_escaped(out, text);
    } else {
        text = json_to_string(node, false);
        append_escaped(out, text);
    }
}

static void append_members(GString *out, const char *prefix, JsonObject *obj)
{
    g_autoptr(GList) names = json_object_get_members(obj);
    GList *l;

    for (l = names; l; l = l->next) {
        JsonNode *node = json_object_get_member(obj, l->data);
        g_autofree char *key = prefix ? g_strconcat(prefix, ".", l->data, NULL)
                                      : g_strdup(l->data);

        if (JSON_NODE_HOLDS_OBJECT(node)) {
            append_members(out, key, json_node_get_object(node));
            continue;
        }
        if (out->len) {
            g_string_append_c(out, ',');
        }
        append_escaped(out, key);
        g_string_append_c(out, '=');
        append_value(out, node);
    }
}

char *keyval_to_string(JsonObject *obj)
{
    GString *out = g_string_new(NULL);

    append_members(out, NULL, obj);
    return g_string_free(out, false);
}
