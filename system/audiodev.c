/*
 * -audiodev: an audio back end, in the key=value form
 * (DRIVER,id=ID,in.voices=1,...) or in JSON. This program has no sound
 * device, so the only back end is "none"; its options are checked as
 * QEMU 7.2 checks them (the member order of its Audiodev type decides
 * which error is reported first). Other drivers QEMU knows are refused
 * as QEMU refuses a driver that cannot start.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "sysemu/vl.h"

/* QEMU 7.2's AudiodevDriver values */
static const char *const audio_drivers[] = {
    "none", "alsa", "coreaudio", "dbus",  "dsound", "jack", "oss",
    "pa",   "sdl",  "sndio",     "spice", "wav",    NULL,
};

static const char *const audio_formats[] = { "u8",  "s8",  "u16", "s16",
                                             "u32", "s32", "f32", NULL };

typedef enum { AK_BOOL, AK_U32, AK_FORMAT } AudioKeyType;

/* AudiodevPerDirectionOptions, in QEMU's member order */
static const struct {
    const char *name;
    AudioKeyType type;
} audio_dir_keys[] = {
    { "mixing-engine", AK_BOOL }, { "fixed-settings", AK_BOOL },
    { "frequency", AK_U32 },      { "channels", AK_U32 },
    { "voices", AK_U32 },         { "format", AK_FORMAT },
    { "buffer-length", AK_U32 },
};

/*
 * A uint32 member @name (@full: with its parent, "in.voices"). QEMU's
 * texts differ by form: a keyval string that is no number names the full
 * path, one out of range the member only; a JSON non-number "uint64".
 */
static bool audio_check_u32(JsonNode *v, const char *name, const char *full,
                            bool is_json, Error **errp)
{
    const char *str;
    uint64_t n;
    bool neg;

    if (is_json) {
        if (!JSON_NODE_HOLDS_VALUE(v) ||
            json_node_get_value_type(v) != G_TYPE_INT64) {
            error_setg(errp, "Parameter '%s' expects uint64", full);
            return false;
        }
        if (json_node_get_int(v) < 0 || json_node_get_int(v) > UINT32_MAX) {
            error_setg(errp, "Parameter '%s' expects uint32_t", name);
            return false;
        }
        return true;
    }
    /* a negative number wraps around: out of range, as in QEMU */
    str = json_node_get_string(v);
    neg = str[0] == '-' && g_ascii_isdigit(str[1]);
    if (qemu_strtou64(neg ? str + 1 : str, NULL, 0, &n) < 0) {
        error_setg(errp, "Parameter '%s' expects integer", full);
        return false;
    }
    if ((neg && n) || n > UINT32_MAX) {
        error_setg(errp, "Parameter '%s' expects uint32_t", name);
        return false;
    }
    return true;
}

static bool audio_check_bool(JsonNode *v, const char *full, bool is_json,
                             Error **errp)
{
    bool b;

    if (is_json) {
        if (!JSON_NODE_HOLDS_VALUE(v) ||
            json_node_get_value_type(v) != G_TYPE_BOOLEAN) {
            error_setg(errp,
                       "Invalid parameter type for '%s', expected: boolean",
                       full);
            return false;
        }
        return true;
    }
    return qapi_bool_parse(full, json_node_get_string(v), &b, errp);
}

static const char *node_str(JsonNode *v)
{
    return JSON_NODE_HOLDS_VALUE(v) &&
                   json_node_get_value_type(v) == G_TYPE_STRING
               ? json_node_get_string(v)
               : NULL;
}

/* "in" or "out" */
static bool audio_check_dir(JsonObject *opts, const char *dir, bool is_json,
                            Error **errp)
{
    JsonNode *node = json_object_get_member(opts, dir);
    g_autoptr(GList) members = NULL;
    JsonObject *o;
    /* fixed-settings defaults to the mixing-engine value (default on) */
    bool mixing = true, fixed = true, has_fixed = false, has_settings = false;

    if (!node) {
        return true;
    }
    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: object",
                   dir);
        return false;
    }
    o = json_node_get_object(node);
    for (size_t i = 0; i < G_N_ELEMENTS(audio_dir_keys); i++) {
        const char *name = audio_dir_keys[i].name;
        g_autofree char *full = g_strdup_printf("%s.%s", dir, name);
        JsonNode *v = json_object_get_member(o, name);
        const char *s;

        if (!v) {
            continue;
        }
        has_settings |= !strcmp(name, "frequency") ||
                        !strcmp(name, "channels") || !strcmp(name, "format");
        switch (audio_dir_keys[i].type) {
        case AK_BOOL:
            if (!audio_check_bool(v, full, is_json, errp)) {
                return false;
            }
            s = node_str(v);
            if (!strcmp(name, "fixed-settings")) {
                fixed = s ? strcmp(s, "off") != 0 : json_node_get_boolean(v);
                has_fixed = true;
            } else {
                mixing = s ? strcmp(s, "off") != 0 : json_node_get_boolean(v);
            }
            break;
        case AK_U32:
            if (!audio_check_u32(v, name, full, is_json, errp)) {
                return false;
            }
            break;
        case AK_FORMAT:
            s = node_str(v);
            if (!s) {
                error_setg(errp,
                           "Invalid parameter type for '%s', expected: string",
                           full);
                return false;
            }
            if (!g_strv_contains(audio_formats, s)) {
                error_setg(errp,
                           "Parameter 'format' does not accept value '%s'", s);
                return false;
            }
            break;
        }
    }
    members = json_object_get_members(o);
    for (GList *m = members; m; m = m->next) {
        size_t i = 0;

        while (i < G_N_ELEMENTS(audio_dir_keys) &&
               strcmp(audio_dir_keys[i].name, m->data)) {
            i++;
        }
        if (i == G_N_ELEMENTS(audio_dir_keys)) {
            error_setg(errp, "Parameter '%s.%s' is unexpected", dir,
                       (char *)m->data);
            return false;
        }
    }
    if (!has_fixed) {
        fixed = mixing;
    }
    if (!fixed && has_settings) {
        error_setg(errp, "You can't use frequency, channels or format with "
                         "fixed-settings=off");
        return false;
    }
    return true;
}

static bool audio_check_str(JsonObject *opts, const char *key, const char **val,
                            Error **errp)
{
    JsonNode *v = json_object_get_member(opts, key);

    if (!v) {
        error_setg(errp, "Parameter '%s' is missing", key);
        return false;
    }
    *val = node_str(v);
    if (!*val) {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   key);
        return false;
    }
    return true;
}

bool vl_audiodev_add(const char *arg, char **unavailable, Error **errp)
{
    static const char *const top_keys[] = { "id", "driver", "timer-period",
                                            "in", "out",    NULL };
    g_autoptr(JsonObject) opts = NULL;
    g_autoptr(GList) members = NULL;
    const char *id, *driver;
    JsonNode *period;
    bool is_json = false;

    opts = keyval_parse_any(arg, "driver", NULL, &is_json, errp);
    if (!opts || !audio_check_str(opts, "id", &id, errp) ||
        !audio_check_str(opts, "driver", &driver, errp)) {
        return false;
    }
    if (!g_strv_contains(audio_drivers, driver)) {
        error_setg(errp, "Parameter 'driver' does not accept value '%s'",
                   driver);
        return false;
    }
    period = json_object_get_member(opts, "timer-period");
    if (period && !audio_check_u32(period, "timer-period", "timer-period",
                                   is_json, errp)) {
        return false;
    }
    if (strcmp(driver, "none")) {
        /* QEMU starts its back end after reading the command line */
        if (!*unavailable) {
            *unavailable = g_strdup(driver);
        }
        return true;
    }
    if (!audio_check_dir(opts, "in", is_json, errp) ||
        !audio_check_dir(opts, "out", is_json, errp)) {
        return false;
    }
    members = json_object_get_members(opts);
    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(top_keys, m->data)) {
            error_setg(errp, "Parameter '%s' is unexpected", (char *)m->data);
            return false;
        }
    }
    return true;
}

void vl_audiodev_help(void)
{
    printf("Available audio drivers:\nnone\n");
}
