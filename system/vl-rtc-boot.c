/*
 * -rtc and -boot: options a management tool (libvirt) writes on every
 * command line. Both are option groups whose repetitions merge (a later
 * key wins); their keys are checked while the command line is read, their
 * values once it has been read, so, as in QEMU 7.2, a bad value is
 * reported without the option in front of it.
 *
 * Neither changes the guest: the s390x TOD clock runs from the host clock
 * whatever the -rtc base, and the machine starts what -kernel loads (no
 * IPL from a device yet, and s390x has no PC boot order). As QEMU's
 * s390x machine, menu=on without a device that has a bootindex is
 * reported at start and at each reset.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "qemu/error-report.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "sysemu/runstate.h"
#include "sysemu/vl.h"

static JsonObject *rtc_opts;
static JsonObject *boot_opts;

/* Copy every member of @from into *@into (created on first use). */
static void merge_into(JsonObject **into, JsonObject *from)
{
    g_autoptr(GList) members = json_object_get_members(from);

    if (!*into) {
        *into = json_object_new();
    }
    for (GList *m = members; m; m = m->next) {
        json_object_set_member(*into, m->data,
                               json_object_dup_member(from, m->data));
    }
}

bool vl_rtc_add(const char *arg, Error **errp)
{
    static const char *const keys[] = { "base", "clock", "driftfix", NULL };
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, NULL, NULL, errp);
    g_autoptr(GList) members = NULL;

    if (!opts) {
        return false;
    }
    members = json_object_get_members(opts);
    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(keys, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
    }
    merge_into(&rtc_opts, opts);
    return true;
}

/*
 * base=DATE: it starts with "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DD"; as in
 * QEMU 7.2 the fields are not range-checked and what follows is ignored
 */
static bool rtc_date_valid(const char *s)
{
    int y, mo, d, h, mi, sec;

    return sscanf(s, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) == 6 ||
           sscanf(s, "%d-%d-%d", &y, &mo, &d) == 3;
}

static bool rtc_check(Error **errp)
{
    static const char *const clocks[] = { "host", "rt", "vm", NULL };
    static const char *const driftfixes[] = { "slew", "none", NULL };
    const char *base, *clock, *driftfix;

    if (!rtc_opts) {
        return true;
    }
    base = keyval_get_str(rtc_opts, "base");
    clock = keyval_get_str(rtc_opts, "clock");
    driftfix = keyval_get_str(rtc_opts, "driftfix");
    if (base && strcmp(base, "utc") && strcmp(base, "localtime") &&
        !rtc_date_valid(base)) {
        error_setg(errp, "invalid datetime format");
        error_append_hint(
            errp, "valid formats: '2006-06-17T16:01:21' or '2006-06-17'\n");
        return false;
    }
    if (clock && !g_strv_contains(clocks, clock)) {
        error_setg(errp, "invalid option value '%s'", clock);
        return false;
    }
    if (driftfix && !g_strv_contains(driftfixes, driftfix)) {
        error_setg(errp, "invalid option value '%s'", driftfix);
        return false;
    }
    return true;
}

bool vl_boot_add(const char *arg, Error **errp)
{
    /* QEMU 7.2 parses it as the machine's "boot" property: keyval ("help"
     * was answered by vl-help.c) */
    bool help = false;
    g_autoptr(JsonObject) opts = keyval_parse(arg, "order", &help, errp);

    if (!opts) {
        return false;
    }
    merge_into(&boot_opts, opts);
    return true;
}

/* Drive letters a..p, each at most once */
static bool boot_devices_valid(const char *devices, Error **errp)
{
    unsigned seen = 0;

    for (const char *p = devices; *p; p++) {
        unsigned bit;

        if (*p < 'a' || *p > 'p') {
            error_setg(errp, "Invalid boot device '%c'", *p);
            return false;
        }
        bit = 1u << (*p - 'a');
        if (seen & bit) {
            error_setg(errp, "Boot device '%c' was given twice", *p);
            return false;
        }
        seen |= bit;
    }
    return true;
}

typedef enum { BOOT_STR, BOOT_BOOL, BOOT_INT } BootKeyType;

static const struct {
    const char *name;
    BootKeyType type;
} boot_keys[] = {
    { "order", BOOT_STR },       { "once", BOOT_STR },
    { "menu", BOOT_BOOL },       { "splash", BOOT_STR },
    { "splash-time", BOOT_INT }, { "reboot-timeout", BOOT_INT },
    { "strict", BOOT_BOOL },
};

/* The values in the order of QEMU's BootConfiguration members. */
static bool boot_check_values(Error **errp)
{
    for (size_t i = 0; i < G_N_ELEMENTS(boot_keys); i++) {
        const char *val = keyval_get_str(boot_opts, boot_keys[i].name);
        g_autofree char *name = g_strdup_printf("boot.%s", boot_keys[i].name);
        int64_t n;
        bool b;

        if (!val && json_object_has_member(boot_opts, boot_keys[i].name)) {
            /* a dotted key made it an object: order.x=1 */
            error_setg(errp, "Parameters '%s.*' are unexpected", name);
            return false;
        }
        if (!val) {
            continue;
        }
        if (boot_keys[i].type == BOOT_BOOL &&
            !qapi_bool_parse(name, val, &b, errp)) {
            return false;
        }
        if (boot_keys[i].type == BOOT_INT &&
            qemu_strtoi64(val, NULL, 0, &n) < 0) {
            error_setg(errp, "Parameter '%s' expects integer", name);
            return false;
        }
    }
    return true;
}

static bool boot_check(Error **errp)
{
    g_autoptr(GList) members = NULL;
    const char *order, *once;

    if (!boot_opts) {
        return true;
    }
    if (!boot_check_values(errp)) {
        return false;
    }
    members = json_object_get_members(boot_opts);
    for (GList *m = members; m; m = m->next) {
        size_t i = 0;

        while (i < G_N_ELEMENTS(boot_keys) &&
               strcmp(boot_keys[i].name, m->data)) {
            i++;
        }
        if (i == G_N_ELEMENTS(boot_keys)) {
            error_setg(errp, "Parameter 'boot.%s' is unexpected",
                       (char *)m->data);
            return false;
        }
    }
    order = keyval_get_str(boot_opts, "order");
    once = keyval_get_str(boot_opts, "once");
    if (order && !boot_devices_valid(order, errp)) {
        return false;
    }
    if (once && !boot_devices_valid(once, errp)) {
        return false;
    }
    if (once) {
        /* as QEMU's s390x machine: it has no boot order to change */
        error_setg(errp, "no function defined to set boot device list for "
                         "this architecture");
        return false;
    }
    return true;
}

bool vl_rtc_boot_check(Error **errp)
{
    return rtc_check(errp) && boot_check(errp);
}

static int has_bootindex(Object *obj, void *opaque)
{
    return object_property_find(obj, "bootindex") &&
           object_property_get_int(obj, "bootindex", NULL) >= 0;
}

static void boot_menu_check(void *opaque)
{
    if (!object_child_foreach_recursive(qdev_get_machine(), has_bootindex,
                                        NULL)) {
        error_report("boot menu requires a bootindex to be specified for "
                     "the IPL device");
    }
}

void vl_boot_menu_setup(const char *machine_type)
{
    const char *menu = boot_opts ? keyval_get_str(boot_opts, "menu") : NULL;
    bool on = false;

    if (!menu || !qapi_bool_parse("menu", menu, &on, NULL) || !on ||
        !g_str_has_prefix(machine_type, "s390-ccw-virtio")) {
        return;
    }
    boot_menu_check(NULL);
    qemu_register_reset(boot_menu_check, NULL);
}
