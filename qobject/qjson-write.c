/*
 * Format json-glib nodes as QEMU prints JSON on QMP.
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qjson.h"

static void append_indent(GString *out, bool pretty, int level)
{
    if (pretty) {
        g_string_append_c(out, '\n');
        for (int i = 0; i < level; i++) {
            g_string_append(out, "    ");
        }
    }
}

static void append_u(GString *out, gunichar c)
{
    if (c >= 0x10000) {
        c -= 0x10000;
        g_string_append_printf(out, "\\u%04X\\u%04X", 0xd800 + (c >> 10),
                               0xdc00 + (c & 0x3ff));
    } else {
        g_string_append_printf(out, "\\u%04X", c);
    }
}

static void append_string(GString *out, const char *s)
{
    static const char esc_from[] = "\"\\\b\f\n\r\t";
    static const char esc_to[] = "\"\\bfnrt";

    g_string_append_c(out, '"');
    while (*s) {
        unsigned char c = *s;
        const char *e = strchr(esc_from, c);

        if (e) {
            g_string_append_c(out, '\\');
            g_string_append_c(out, esc_to[e - esc_from]);
            s++;
        } else if (c >= 0x20 && c < 0x7f) {
            g_string_append_c(out, c);
            s++;
        } else if (c == 0xc0 && (unsigned char)s[1] == 0x80) {
            g_string_append(out, "\\u0000");
            s += 2;
        } else if (c < 0x80) {
            append_u(out, c);
            s++;
        } else {
            gunichar u = g_utf8_get_char_validated(s, -1);
            if (u == (gunichar)-1 || u == (gunichar)-2) {
                g_string_append(out, "\\uFFFD");
                s++;
            } else {
                append_u(out, u);
                s = g_utf8_next_char(s);
            }
        }
    }
    g_string_append_c(out, '"');
}

static void append_double(GString *out, double d)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (!isfinite(d)) {
        /* not representable in JSON; the parser never produces one */
        g_string_append(out, "null");
        return;
    }
    g_ascii_formatd(buf, sizeof(buf), "%.17g", d);
    g_string_append(out, buf);
}

static void append_node(GString *out, JsonNode *node, bool pretty, int level);

static void append_object(GString *out, JsonObject *obj, bool pretty, int level)
{
    g_autoptr(GList) members = json_object_get_members(obj);
    const char *sep = pretty ? "," : ", ";

    g_string_append_c(out, '{');
    for (GList *l = members; l; l = l->next) {
        append_indent(out, pretty, level + 1);
        append_string(out, l->data);
        g_string_append(out, ": ");
        append_node(out, json_object_get_member(obj, l->data), pretty,
                    level + 1);
        if (l->next) {
            g_string_append(out, sep);
        }
    }
    append_indent(out, pretty, level);
    g_string_append_c(out, '}');
}

static void append_array(GString *out, JsonArray *arr, bool pretty, int level)
{
    guint n = json_array_get_length(arr);
    const char *sep = pretty ? "," : ", ";

    g_string_append_c(out, '[');
    for (guint i = 0; i < n; i++) {
        append_indent(out, pretty, level + 1);
        append_node(out, json_array_get_element(arr, i), pretty, level + 1);
        if (i + 1 < n) {
            g_string_append(out, sep);
        }
    }
    append_indent(out, pretty, level);
    g_string_append_c(out, ']');
}

static void append_value(GString *out, JsonNode *node)
{
    switch (json_node_get_value_type(node)) {
    case G_TYPE_STRING:
        append_string(out, json_node_get_string(node));
        break;
    case G_TYPE_BOOLEAN:
        g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
        break;
    case G_TYPE_DOUBLE:
        append_double(out, json_node_get_double(node));
        break;
    default:
        if (qjson_node_is_big_uint(node)) {
            g_string_append_printf(out, "%" G_GUINT64_FORMAT,
                                   (guint64)json_node_get_int(node));
            break;
        }
        g_string_append_printf(out, "%" G_GINT64_FORMAT,
                               json_node_get_int(node));
        break;
    }
}

static void append_node(GString *out, JsonNode *node, bool pretty, int level)
{
    switch (node ? JSON_NODE_TYPE(node) : JSON_NODE_NULL) {
    case JSON_NODE_OBJECT:
        append_object(out, json_node_get_object(node), pretty, level);
        break;
    case JSON_NODE_ARRAY:
        append_array(out, json_node_get_array(node), pretty, level);
        break;
    case JSON_NODE_VALUE:
        append_value(out, node);
        break;
    default:
        g_string_append(out, "null");
        break;
    }
}

void qjson_append(GString *out, JsonNode *node, bool pretty)
{
    append_node(out, node, pretty, 0);
}

char *qjson_to_string(JsonNode *node, bool pretty)
{
    GString *out = g_string_sized_new(128);

    qjson_append(out, node, pretty);
    return g_string_free(out, FALSE);
}
