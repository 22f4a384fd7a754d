/*
 * The values of the start-up options that only set something: -m, -smp,
 * -name, -uuid, -msg, -display, -overcommit, -cpu. Each takes the option
 * argument and reports errors in QEMU's words.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "sysemu/sysemu.h"
#include "sysemu/vl.h"
#include "target/s390x/facilities.h"

#include <sys/mman.h>
#include <sys/prctl.h>

/* "Invalid parameter 'K'" for a key of @opts not in @allowed */
static bool check_keys(JsonObject *opts, const char *const *allowed,
                       Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(allowed, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
    }
    return true;
}

/*
 * QemuOpts checks an option's keys in the order they are written: the first
 * unknown key or bad value (checked by @check for @checked_key) wins.
 */
static bool check_keys_in_order(JsonObject *opts, const char *const *allowed,
                                const char *checked_key,
                                bool (*check)(const char *val, Error **errp),
                                Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(allowed, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
        if (check && !strcmp(m->data, checked_key) &&
            !check(keyval_get_str(opts, m->data), errp)) {
            return false;
        }
    }
    return true;
}

static const char *const name_keys[] = { "guest", "process", "debug-threads",
                                         NULL };

static bool check_memory_size(const char *size, Error **errp)
{
    uint64_t sz;

    if (qemu_strtosz_MiB(size, NULL, &sz) < 0) {
        error_setg(errp,
                   "Parameter 'size' expects a non-negative number below 2^64");
        error_append_hint(
            errp,
            "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes,"
            " respectively.\n");
        return false;
    }
    return true;
}

/* -m [size=]N[,slots=N,maxmem=N] */
bool vl_parse_memory(VlConfig *cfg, const char *arg, Error **errp)
{
    static const char *const keys[] = { "size", "slots", "maxmem", NULL };
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "size", NULL,
                                                        errp);
    const char *size;
    uint64_t sz;

    if (!opts ||
        !check_keys_in_order(opts, keys, "size", check_memory_size, errp)) {
        return false;
    }
    size = keyval_get_str(opts, "size");
    if (!size) {
        error_setg(errp, "missing 'size' option value");
        return false;
    }
    if (qemu_strtosz_MiB(size, NULL, &sz) < 0) {
        return check_memory_size(size, errp);
    }
    if (json_object_has_member(opts, "slots") ||
        json_object_has_member(opts, "maxmem")) {
        error_setg(
            errp,
            "memory hotplug (slots, maxmem) is not supported by this machine");
        return false;
    }
    cfg->ram_size = sz;
    return true;
}

static bool parse_smp_value(JsonObject *opts, const char *key, unsigned *val,
                            Error **errp)
{
    const char *s = keyval_get_str(opts, key);
    unsigned v;

    if (!s) {
        return true;
    }
    if (qemu_strtoui(s, NULL, 10, &v) < 0) {
        error_setg(errp, "Parameter 'smp.%s' expects integer", key);
        return false;
    }
    *val = v;
    return true;
}

/* QEMU's keyval visitor: an unknown key is reported after the values */
static bool smp_check_keys(JsonObject *opts, const char *const *topo,
                           size_t ntopo, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *m = members; m; m = m->next) {
        const char *key = m->data;
        bool known = !strcmp(key, "cpus") || !strcmp(key, "maxcpus");

        for (size_t i = 0; i < ntopo && !known; i++) {
            known = !strcmp(key, topo[i]);
        }
        if (!known) {
            error_setg(errp, "Parameter 'smp.%s' is unexpected", key);
            return false;
        }
    }
    return true;
}

/* -smp [cpus=]N[,maxcpus=N][,drawers=,books=,sockets=,cores=,threads=] */
bool vl_parse_smp(VlConfig *cfg, const char *arg, Error **errp)
{
    static const char *const topo[] = {
        "drawers", "books", "sockets", "dies", "clusters", "cores", "threads",
    };
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "cpus", NULL,
                                                        errp);
    unsigned cpus = 0, maxcpus = 0, product = 1;

    if (!opts || !parse_smp_value(opts, "cpus", &cpus, errp) ||
        !parse_smp_value(opts, "maxcpus", &maxcpus, errp)) {
        return false;
    }
    for (size_t i = 0; i < ARRAY_SIZE(topo); i++) {
        unsigned v = 1;

        if (!parse_smp_value(opts, topo[i], &v, errp)) {
            return false;
        }
        if (v == 0) {
            error_setg(
                errp,
                "Invalid CPU topology: CPU topology parameters must be greater than zero");
            return false;
        }
        product *= v;
    }
    if (!smp_check_keys(opts, topo, ARRAY_SIZE(topo), errp)) {
        return false;
    }
    if (!cpus) {
        cpus = maxcpus ? maxcpus : product;
    }
    if (!maxcpus) {
        maxcpus = MAX(cpus, product);
    }
    if (maxcpus < cpus) {
        error_setg(
            errp,
            "Invalid CPU topology: maxcpus must be equal to or greater than smp");
        return false;
    }
    cfg->smp_cpus = cpus;
    cfg->smp_max_cpus = maxcpus;
    return true;
}

/* -name [guest=]NAME[,process=P][,debug-threads=on|off] */
bool vl_parse_name(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "guest", NULL,
                                                        errp);
    const char *dt;
    bool b;

    if (!opts) {
        return false;
    }
    dt = keyval_get_str(opts, "debug-threads");
    if (dt && !qapi_bool_parse("debug-threads", dt, &b, errp)) {
        return false;
    }
    if (!check_keys(opts, name_keys, errp)) {
        return false;
    }
    if (keyval_get_str(opts, "process")) {
        /* the name ps and top show for the process (15 characters) */
        prctl(PR_SET_NAME, keyval_get_str(opts, "process"), 0, 0, 0);
    }
    qemu_set_name(keyval_get_str(opts, "guest"));
    error_set_guest_name(qemu_get_name());
    return true;
}

bool vl_parse_uuid(const char *arg, Error **errp)
{
    if (!qemu_uuid_parse(arg, qemu_uuid)) {
        error_setg(errp, "failed to parse UUID string: wrong format");
        return false;
    }
    qemu_uuid_set = true;
    return true;
}

static bool check_msg_timestamp(const char *val, Error **errp)
{
    bool b;

    return qapi_bool_parse("timestamp", val, &b, errp);
}

/* -msg timestamp=on|off[,guest-name=on|off] */
bool vl_parse_msg(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, NULL, NULL, errp);
    static const char *const keys[] = { "timestamp", "guest-name", NULL };
    const char *ts, *gn;
    bool b;

    if (!opts || !check_keys_in_order(opts, keys, "timestamp",
                                      check_msg_timestamp, errp)) {
        return false;
    }
    ts = keyval_get_str(opts, "timestamp");
    gn = keyval_get_str(opts, "guest-name");
    if (ts) {
        if (!qapi_bool_parse("timestamp", ts, &b, errp)) {
            return false;
        }
        message_with_timestamp = b;
    }
    if (gn && !qapi_bool_parse("guest-name", gn, &b, errp)) {
        return false;
    }
    if (gn) {
        error_with_guest_name = b; /* the name comes from -name */
    }
    return true;
}

/* -display none; every graphical display is absent from this build */
bool vl_parse_display(const char *arg, Error **errp)
{
    static const char *const known[] = {
        "gtk",       "sdl",  "vnc",   "curses",  "egl-headless",
        "spice-app", "dbus", "cocoa", "default",
    };
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "type", NULL,
                                                        errp);
    const char *type;

    if (!opts) {
        return false;
    }
    type = keyval_get_str(opts, "type");
    if (type && !strcmp(type, "none")) {
        return true;
    }
    for (size_t i = 0; type && i < ARRAY_SIZE(known); i++) {
        if (!strcmp(type, known[i])) {
            error_setg(errp, "Display '%s' is not available.", type);
            return false;
        }
    }
    error_setg(errp, "Parameter 'type' does not accept value '%s'",
               type ? type : "");
    return false;
}

/*
 * -overcommit mem-lock=on|off,cpu-pm=on|off. mem-lock=on locks the
 * process's memory, present and future (guest RAM included), as QEMU
 * does once the command line is read (vl_overcommit_apply). cpu-pm only
 * changes how x86 KVM guests idle: accepted, nothing to do here.
 */
static bool overcommit_mem_lock;

bool vl_parse_overcommit(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, NULL, NULL, errp);
    static const char *const keys[] = { "mem-lock", "cpu-pm", NULL };

    if (!opts || !check_keys(opts, keys, errp)) {
        return false;
    }
    for (int i = 0; keys[i]; i++) {
        const char *val = keyval_get_str(opts, keys[i]);
        bool on;

        if (!val) {
            continue;
        }
        if (!qapi_bool_parse(keys[i], val, &on, errp)) {
            return false;
        }
        if (i == 0) {
            overcommit_mem_lock = on;
        }
    }
    return true;
}

bool vl_overcommit_apply(Error **errp)
{
    if (overcommit_mem_lock && mlockall(MCL_CURRENT | MCL_FUTURE) < 0) {
        /* QEMU's two lines: the call's error, then the conclusion */
        error_report("mlockall: %s", strerror(errno));
        error_setg(errp, "locking memory failed");
        return false;
    }
    return true;
}

/*
 * -cpu MODEL[,FEATURE=on|off...]: the guest CPU is the interpreter
 * (-accel tcg) or the qtest client; both implement the "qemu" and "max"
 * models, with the feature properties of target/s390x/cpu-features.c.
 */
bool vl_cpu_model_check(const char *arg, Error **errp)
{
    g_autofree char *model = g_strndup(arg, strcspn(arg, ","));

    if (strcmp(model, "qemu") && strcmp(model, "max")) {
        if (g_regex_match_simple("^(z[0-9]|gen1[5-9]|host$)", model, 0, 0)) {
            error_setg(
                errp,
                "CPU model '%s' is not supported by this program; use 'qemu' or 'max'",
                model);
        } else {
            error_setg(errp, "unable to find CPU model '%s'", model);
        }
        return false;
    }
    /* the feature properties after the model: checked, not applied */
    return s390_cpu_features_parse(arg, false, errp);
}
