/*
 * libFuzzer target for the command-line option parsers, without a
 * machine. An input is one selector byte (which option, modulo the
 * table below) and the option's argument (up to the first NUL).
 *
 * -device, -object, -machine: the key=value form (QemuOpts for -device
 *   and -machine, keyval for -object) or the JSON form; when the type
 *   names a class of the right kind, an instance is created and every
 *   property set from the option the way start-up does it (strings
 *   parsed per property type, or typed JSON), then dropped unrealized;
 * -accel, -chardev, -mon, -m, -smp, -name, -uuid, -msg, -display,
 *   -overcommit, -cpu, -global: the value parsers of system/vl-values.c
 *   and their friends;
 * bare keyval and QemuOpts strings.
 *
 * Besides crashes and sanitizer reports it checks that keyval stores only
 * well-formed keys and that what the parsers accept survives a round trip: keyval_to_string() of a parsed option
 * parses back to the same object, in both dialects, and the JSON form
 * prints and parses back to the same value.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/keyval.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "monitor/monitor.h"
#include "sysemu/vl.h"

typedef JsonObject *OptParser(const char *params, const char *implied_key,
                              bool *p_help, Error **errp);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* parse(keyval_to_string(opts)) must give @opts back. */
static void check_round_trip(OptParser *parse, JsonObject *opts)
{
    g_autofree char *text = keyval_to_string(opts);
    g_autoptr(JsonObject) again = NULL;
    Error *err = NULL;
    bool help = false;

    again = parse(text, NULL, &help, &err);
    if (!again || help || !json_object_equal(opts, again)) {
        fprintf(stderr, "fuzz-cmdline: '%s' does not parse back%s%s\n", text,
                err ? ": " : "", err ? error_get_pretty(err) : "");
        abort();
    }
}

static void check_json_round_trip(JsonObject *opts)
{
    g_autoptr(JsonNode) node = json_node_init_object(json_node_alloc(), opts);
    g_autofree char *text = qjson_to_string(node, false);
    g_autoptr(JsonNode) again = NULL;
    Error *err = NULL;

    again = qjson_parse_string(text, &err);
    if (!again || !json_node_equal(node, again)) {
        fprintf(stderr, "fuzz-cmdline: JSON '%s' does not parse back%s%s\n",
                text, err ? ": " : "", err ? error_get_pretty(err) : "");
        abort();
    }
}

/*
 * Every key keyval_parse() stores is a name (a letter, then letters,
 * digits, '-', '_'), below the nesting level also a number, of at most
 * 127 characters.
 */
static void check_keyval_keys(JsonObject *obj, bool top)
{
    g_autoptr(GList) members = json_object_get_members(obj);

    for (GList *m = members; m; m = m->next) {
        const char *key = m->data;
        JsonNode *value = json_object_get_member(obj, key);
        size_t len = strlen(key);
        bool name =
            g_ascii_isalpha(key[0]) &&
            strspn(
                key,
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
                len;
        bool number = !top && len && strspn(key, "0123456789") == len;

        if ((!name && !number) || len > 127) {
            fprintf(stderr, "fuzz-cmdline: keyval stored the key '%s'\n", key);
            abort();
        }
        if (JSON_NODE_HOLDS_OBJECT(value)) {
            check_keyval_keys(json_node_get_object(value), false);
        }
    }
}

/*
 * Parse @arg as -device/-object do: JSON when it starts with '{', else
 * with @parse; check the round trips.
 */
static JsonObject *parse_any(OptParser *parse, const char *arg,
                             const char *implied, bool *is_json)
{
    JsonObject *opts;
    Error *err = NULL;
    bool help = false;

    opts = parse == keyval_parse
               ? keyval_parse_any(arg, implied, &help, is_json, &err)
               : qemu_opts_parse_any(arg, implied, &help, is_json, &err);
    if (!opts) {
        error_free(err);
        return NULL;
    }
    if (*is_json) {
        check_json_round_trip(opts);
        return opts;
    }
    if (parse == keyval_parse) {
        check_keyval_keys(opts, true);
    }
    check_round_trip(parse, opts);
    return opts;
}

/* Set every member of @opts but the @skip ones on @obj, stop at an error. */
static void set_props(Object *obj, JsonObject *opts, bool is_json,
                      const char *const *skip)
{
    g_autoptr(GList) members = json_object_get_members(opts);
    Error *err = NULL;

    for (GList *m = members; m; m = m->next) {
        JsonNode *value = json_object_get_member(opts, m->data);
        bool ok;

        if (g_strv_contains(skip, m->data)) {
            continue;
        }
        ok = is_json ? object_property_set_qobject(obj, m->data, value, &err)
                     : object_property_set_keyval(obj, m->data, value, &err);
        if (!ok) {
            error_free(err);
            return;
        }
    }
}

/* A concrete class named by member @key of @opts deriving from @parent. */
static const char *concrete_type(JsonObject *opts, const char *key,
                                 const char *parent)
{
    const char *name = keyval_get_str(opts, key);
    ObjectClass *oc;

    if (name && !object_class_by_name(name) && qdev_alias_to_typename(name)) {
        name = qdev_alias_to_typename(name);
    }
    oc = name ? object_class_by_name(name) : NULL;
    if (!oc || !object_class_dynamic_cast(oc, parent) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return name;
}

static void opt_device(const char *arg)
{
    static const char *const skip[] = { "driver", "bus", "id", NULL };
    bool is_json = false;
    g_autoptr(JsonObject) opts = parse_any(qemu_opts_parse_legacy, arg,
                                           "driver", &is_json);
    const char *type = opts ? concrete_type(opts, "driver", TYPE_DEVICE) : NULL;
    Object *obj;

    if (!type || !DEVICE_CLASS(object_class_by_name(type))->user_creatable) {
        return;
    }
    obj = object_new(type);
    set_props(obj, opts, is_json, skip);
    object_unref(obj);
}

static void opt_object(const char *arg)
{
    static const char *const skip[] = { "qom-type", "id", NULL };
    bool is_json = false;
    g_autoptr(JsonObject) opts = parse_any(keyval_parse, arg, "qom-type",
                                           &is_json);
    const char *type = opts ? concrete_type(opts, "qom-type",
                                            TYPE_USER_CREATABLE)
                            : NULL;
    Object *obj;

    if (!type) {
        return;
    }
    obj = object_new(type);
    set_props(obj, opts, is_json, skip);
    object_unref(obj);
}

static void opt_machine(const char *arg)
{
    static const char *const skip[] = { "type", "accel", NULL };
    g_autoptr(JsonObject) opts = NULL;
    const char *type;
    MachineClass *mc;
    Object *obj;
    Error *err = NULL;

    opts = qemu_opts_parse_legacy(arg, "type", NULL, &err);
    if (!opts) {
        error_free(err);
        return;
    }
    check_round_trip(qemu_opts_parse_legacy, opts);
    type = keyval_get_str(opts, "type");
    mc = type ? find_machine(type) : find_default_machine();
    if (!mc) {
        return;
    }
    obj = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    set_props(obj, opts, false, skip);
    object_unref(obj);
}

/* Options that only parse: the QemuOpts dialect with an implied key. */
static void opt_legacy(const char *arg, const char *implied)
{
    g_autoptr(JsonObject) opts = NULL;
    Error *err = NULL;
    bool help = false;

    opts = qemu_opts_parse_legacy(arg, implied, &help, &err);
    if (opts) {
        check_round_trip(qemu_opts_parse_legacy, opts);
    }
    error_free(err);
}

static void opt_keyval(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    Error *err = NULL;
    bool help = false;

    opts = keyval_parse(arg, NULL, &help, &err);
    if (opts) {
        check_keyval_keys(opts, true);
        check_round_trip(keyval_parse, opts);
    }
    error_free(err);
}

static void opt_mon(const char *arg)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "chardev", NULL,
                                                        NULL);
    Error *err = NULL;

    /* no chardev exists, so this stops at the checks */
    if (monitor_init_opts(opts, &err)) {
        abort();
    }
    error_free(err);
}

typedef bool ValueParser(const char *arg, Error **errp);

static void opt_value(ValueParser *fn, const char *arg)
{
    Error *err = NULL;

    fn(arg, &err);
    error_free(err);
}

static void opt_config(bool (*fn)(VlConfig *, const char *, Error **),
                       const char *arg)
{
    VlConfig cfg = { 0 };
    Error *err = NULL;

    fn(&cfg, arg, &err);
    error_free(err);
}

static void opt_global(const char *arg)
{
    Error *err = NULL;

    qdev_global_parse(arg, &err);
    error_free(err);
    qdev_prop_reset_globals();
}

static void run_option(unsigned which, const char *arg)
{
    switch (which % 16) {
    case 0:
        opt_device(arg);
        break;
    case 1:
        opt_object(arg);
        break;
    case 2:
        opt_machine(arg);
        break;
    case 3:
        opt_legacy(arg, "accel");
        break;
    case 4:
        opt_legacy(arg, "backend");
        break;
    case 5:
        opt_mon(arg);
        break;
    case 6:
        opt_config(vl_parse_memory, arg);
        break;
    case 7:
        opt_config(vl_parse_smp, arg);
        break;
    case 8:
        opt_value(vl_parse_name, arg);
        break;
    case 9:
        opt_value(vl_parse_uuid, arg);
        break;
    case 10:
        opt_value(vl_parse_msg, arg);
        break;
    case 11:
        opt_value(vl_parse_display, arg);
        break;
    case 12:
        opt_value(vl_parse_overcommit, arg);
        break;
    case 13:
        opt_value(vl_cpu_model_check, arg);
        break;
    case 14:
        opt_global(arg);
        break;
    default:
        opt_keyval(arg);
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *arg = NULL;

    if (size < 1 || size > 16 * KiB) {
        return -1;
    }
    arg = g_strndup((const char *)data + 1, size - 1);
    run_option(data[0], arg);
    return 0;
}
