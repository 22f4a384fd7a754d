/*
 * Option strings "value0,key=val,..." -> JsonObject, in QEMU 7.2's two
 * dialects (keyval and QemuOpts), and the JSON form "{...}".
 */
#include "qemu/osdep.h"
#include "qemu/keyval.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

/* QEMU limits each key fragment to fewer than 128 characters. */
#define KEYVAL_FRAGMENT_MAX 127

/*
 * Read a value starting at @s up to a single ',' (",," is a literal
 * comma) or the end of the string; returns it, *end is past the ','.
 */
static char *opt_read_value(const char *s, const char **end)
{
    GString *val = g_string_new(NULL);

    while (*s) {
        if (*s == ',') {
            if (s[1] != ',') {
                s++;
                break;
            }
            s++;
        }
        g_string_append_c(val, *s++);
    }
    *end = s;
    return g_string_free(val, false);
}

/* Skip an element of @len characters and the ',' after it. */
static const char *opt_skip(const char *s, size_t len)
{
    s += len;
    return *s == ',' ? s + 1 : s;
}

static bool opt_is_help(const char *s, size_t len)
{
    return (len == 4 && !strncmp(s, "help", 4)) || (len == 1 && *s == '?');
}

/* Length of the key fragment at @s, 0 if it is not well formed. */
static size_t keyval_fragment_len(const char *s, bool first)
{
    size_t n = 0;

    if (!first && g_ascii_isdigit(*s)) {
        while (g_ascii_isdigit(s[n])) {
            n++;
        }
        return n;
    }
    if (!g_ascii_isalpha(*s)) {
        return 0;
    }
    while (g_ascii_isalnum(s[n]) || s[n] == '-' || s[n] == '_') {
        n++;
    }
    return n;
}

/* Check the key s..key_end: fragments separated by '.'. */
static bool keyval_check_key(const char *key, const char *key_end, Error **errp)
{
    const char *s = key;
    size_t n;

    for (;;) {
        n = keyval_fragment_len(s, s == key);
        if (!n || (s + n < key_end && s[n] != '.')) {
            error_setg(errp, "Invalid parameter '%.*s'", (int)(key_end - key),
                       key);
            return false;
        }
        if (n > KEYVAL_FRAGMENT_MAX) {
            error_setg(errp, "Parameter%s '%.*s' is too long",
                       s != key || s + n != key_end ? " fragment" : "", (int)n,
                       s);
            return false;
        }
        s += n;
        if (s == key_end) {
            return true;
        }
        s++; /* '.' */
    }
}

/* Store @val (consumed) under the dotted key s..key_end of @root. */
static bool keyval_put(JsonObject *root, const char *key, const char *key_end,
                       char *val, Error **errp)
{
    JsonObject *cur = root;
    const char *s = key, *dot;
    JsonNode *old;

    for (;;) {
        dot = memchr(s, '.', key_end - s);
        g_autofree char *frag = g_strndup(s, (dot ? dot : key_end) - s);

        old = json_object_get_member(cur, frag);
        if (old && JSON_NODE_HOLDS_OBJECT(old) != !!dot) {
            error_setg(errp, "Parameters '%.*s.*' used inconsistently",
                       (int)((dot ? dot : key_end) - key), key);
            g_free(val);
            return false;
        }
        if (!dot) {
            json_object_set_string_member(cur, frag, val);
            g_free(val);
            return true;
        }
        if (!old) {
            json_object_set_object_member(cur, frag, json_object_new());
        }
        cur = json_object_get_object_member(cur, frag);
        s = dot + 1;
    }
}

/* One "key=value" element at *ps (keyval dialect). */
static bool keyval_parse_pair(JsonObject *obj, const char **ps, Error **errp)
{
    const char *key = *ps;
    const char *key_end = key + strcspn(key, "=,");

    if (!keyval_check_key(key, key_end, errp)) {
        return false;
    }
    if (*key_end != '=') {
        error_setg(errp, "Expected '=' after parameter '%.*s'",
                   (int)(key_end - key), key);
        return false;
    }
    return keyval_put(obj, key, key_end, opt_read_value(key_end + 1, ps), errp);
}

JsonObject *keyval_parse(const char *params, const char *implied_key,
                         bool *p_help, Error **errp)
{
    g_autoptr(JsonObject) obj = json_object_new();
    const char *s = params;
    bool help = false;
    size_t len;

    for (; *s; implied_key = NULL) {
        len = strcspn(s, "=,");
        if (len && s[len] != '=') {
            if (opt_is_help(s, len)) {
                help = true;
                s = opt_skip(s, len);
                continue;
            }
            if (implied_key) {
                g_autofree char *val = opt_read_value(s, &s);

                json_object_set_string_member(obj, implied_key, val);
                continue;
            }
        }
        if (!keyval_parse_pair(obj, &s, errp)) {
            return NULL;
        }
    }
    if (p_help) {
        *p_help = help;
    } else if (help) {
        error_setg(errp, "Help is not available for this option");
        return NULL;
    }
    return g_steal_pointer(&obj);
}

/* A bare "flag" or "noflag" in QemuOpts: stored as on/off, with 7.2's
 * deprecation warning. */
static void opts_put_flag(JsonObject *obj, const char *s, size_t len)
{
    g_autofree char *name = g_strndup(s, len);
    bool neg = g_str_has_prefix(name, "no");
    const char *key = neg ? name + 2 : name;
    const char *val = neg ? "off" : "on";

    json_object_set_string_member(obj, key, val);
    if (is_help_option(name)) {
        return;
    }
    warn_report("short-form boolean option '%s' deprecated", name);
    if (!strcmp(key, "delay")) {
        error_printf("Please use nodelay=%s instead\n", neg ? "on" : "off");
    } else {
        error_printf("Please use %s=%s instead\n", key, val);
    }
}

/* Append {"str": @val} to the array member @name of @obj (made if absent) */
static void opts_append_list(JsonObject *obj, const char *name, const char *val)
{
    JsonObject *elt = json_object_new();
    JsonNode *old = json_object_get_member(obj, name);

    if (!old || !JSON_NODE_HOLDS_ARRAY(old)) {
        json_object_set_array_member(obj, name, json_array_new());
    }
    json_object_set_string_member(elt, "str", val);
    json_array_add_object_element(json_object_get_array_member(obj, name), elt);
}

JsonObject *qemu_opts_parse_legacy(const char *params, const char *implied_key,
                                   bool *p_help, Error **errp)
{
    return qemu_opts_parse_legacy_lists(params, implied_key, NULL, p_help,
                                        errp);
}

JsonObject *qemu_opts_parse_legacy_lists(const char *params,
                                         const char *implied_key,
                                         const char *const *list_keys,
                                         bool *p_help, Error **errp)
{
    JsonObject *obj = json_object_new();
    const char *s = params;
    bool help = false;
    size_t len;

    for (; *s; implied_key = NULL) {
        len = strcspn(s, "=,");
        if (s[len] == '=') {
            g_autofree char *name = g_strndup(s, len);
            g_autofree char *val = opt_read_value(s + len + 1, &s);

            if (list_keys && g_strv_contains(list_keys, name)) {
                opts_append_list(obj, name, val);
            } else {
                json_object_set_string_member(obj, name, val);
            }
        } else if (implied_key) {
            g_autofree char *val = opt_read_value(s, &s);

            if (p_help && is_help_option(val)) {
                help = true;
            } else {
                json_object_set_string_member(obj, implied_key, val);
            }
        } else if (p_help && opt_is_help(s, len)) {
            help = true;
            s = opt_skip(s, len);
        } else {
            opts_put_flag(obj, s, len);
            s = opt_skip(s, len);
        }
    }
    if (p_help) {
        *p_help = help;
    }
    return obj;
}
