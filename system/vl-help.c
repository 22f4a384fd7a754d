/*
 * "help" requests on the command line: -machine help, -M TYPE,help,
 * -device help, -device DRIVER,help, -object help, -object TYPE,help,
 * -accel help, -cpu help, -display help, -chardev help, -audiodev help,
 * -rtc help, -boot help.
 * Each prints what QEMU prints for the same request and start-up ends.
 */
#include "qemu/osdep.h"
#include "net/net.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "qemu/cutils.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/boards.h"
#include "monitor/qdev.h"
#include "sysemu/vl.h"
#include "target/s390x/facilities.h"
#include "trace-events.h"
#include "qemu/log.h"

/* "  name=<type>            - description (default: x)" like QEMU */
static void vl_print_class_properties(ObjectClass *klass, const char *header)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);

    object_class_property_iter_init(&iter, klass);
    while ((prop = object_property_iter_next(&iter))) {
        g_autofree char *left = NULL;

        if (!prop->set) {
            continue; /* read-only: not settable from the command line */
        }
        left = g_strdup_printf("%s=<%s>", prop->name, prop->type);
        g_ptr_array_add(lines,
                        g_strdup_printf("  %-22s%s%s", left,
                                        prop->description ? " - " : "",
                                        prop->description ? prop->description
                                                          : ""));
    }
    g_ptr_array_sort(lines, (GCompareFunc)g_strcmp0);
    printf("%s options:\n", header);
    for (guint i = 0; i < lines->len; i++) {
        printf("%s\n", (char *)lines->pdata[i]);
    }
    g_ptr_array_free(lines, true);
}

static bool machine_opts_help(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false;
    const char *type;
    MachineClass *mc;

    opts = qemu_opts_parse_legacy(arg, "type", &help, NULL);
    if (!opts) {
        return false;
    }
    type = keyval_get_str(opts, "type");
    if ((help && !type) || (type && is_help_option(type))) {
        machine_help_print();
        return true;
    }
    if (!help) {
        return false;
    }
    mc = type ? find_machine(type) : find_default_machine();
    if (!mc) {
        error_report("unsupported machine type");
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    vl_print_class_properties(OBJECT_CLASS(mc),
                              object_class_get_name(OBJECT_CLASS(mc)));
    return true;
}

static bool object_help(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false, is_json = false;
    const char *type;
    ObjectClass *oc;

    opts = keyval_parse_any(arg, "qom-type", &help, &is_json, NULL);
    if (!opts || is_json) {
        return false;
    }
    type = keyval_get_str(opts, "qom-type");
    if (!type && help) {
        GSList *list = object_class_get_list_sorted(TYPE_USER_CREATABLE, false);

        printf("List of user creatable objects:\n");
        for (GSList *l = list; l; l = l->next) {
            printf("  %s\n", object_class_get_name(l->data));
        }
        g_slist_free(list);
        return true;
    }
    if (!help || !type) {
        return false;
    }
    oc = object_class_by_name(type);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_USER_CREATABLE) ||
        object_class_is_abstract(oc)) {
        error_report("invalid object type: %s", type);
        exit(1);
    }
    vl_print_class_properties(oc, type);
    return true;
}

static bool device_help(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false, is_json = false;

    opts = qemu_opts_parse_any(arg, "driver", &help, &is_json, NULL);
    if (!opts || !help) {
        return false;
    }
    if (!json_object_has_member(opts, "driver")) {
        qdev_list_devices();
        return true;
    }
    json_object_set_boolean_member(opts, "help", true);
    return qdev_device_help(opts);
}

static void trace_help(void)
{
    printf(
        "Trace points (enable with -trace PATTERN or -d trace:PATTERN, * matches any text):\n");
    for (int i = 0; trace_event_names[i]; i++) {
        printf("%s\n", trace_event_names[i]);
    }
}

static bool is_help(const char *arg)
{
    return !strcmp(arg, "help") || !strcmp(arg, "?");
}

void vl_chardev_help(void)
{
    printf("Available chardev backend types: \n"
           "  file\n  null\n  pipe\n  pty\n  socket\n  stdio\n  vc\n");
}

/* -rtc ...,help: QEMU lists the keys and, as for a bad option, exits 1 */
static bool rtc_help(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false;

    opts = qemu_opts_parse_legacy(arg, NULL, &help, NULL);
    if (!opts || !help) {
        return false;
    }
    printf("rtc options:\n  base=<str>\n  clock=<str>\n  driftfix=<str>\n");
    exit(1);
}

static bool boot_help(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false;

    opts = keyval_parse(arg, "order", &help, NULL);
    if (!opts || !help) {
        return false;
    }
    printf("boot-opts options:\n"
           "  menu=<bool (on/off)>\n"
           "  once=<str>\n"
           "  order=<str>\n"
           "  reboot-timeout=<num>\n"
           "  splash-time=<num>\n"
           "  splash=<str>\n"
           "  strict=<bool (on/off)>\n");
    return true;
}

bool vl_opt_help(VlConfig *cfg, const VlOpt *opt)
{
    switch (opt->index) {
    case QEMU_OPTION_machine:
        return machine_opts_help(opt->arg);
    case QEMU_OPTION_object:
        return object_help(opt->arg);
    case QEMU_OPTION_device:
        return device_help(opt->arg);
    case QEMU_OPTION_chardev:
        if (is_help(opt->arg)) {
            vl_chardev_help();
            return true;
        }
        return false;
    case QEMU_OPTION_accel:
        if (is_help(opt->arg)) {
            printf("Accelerators supported in QEMU binary:\nqtest\ntcg\n");
            return true;
        }
        return false;
    case QEMU_OPTION_cpu:
        if (is_help(opt->arg)) {
            printf(
                "Available CPUs:\n"
                "s390 qemu            QEMU Virtual CPU\n"
                "s390 max             All features this program implements\n");
            s390_cpu_features_help();
            return true;
        }
        return false;
    case QEMU_OPTION_d:
        if (is_help(opt->arg)) {
            qemu_print_log_usage(stdout);
            return true;
        }
        return false;
    case QEMU_OPTION_trace:
        if (is_help(opt->arg) || !strcmp(opt->arg, "enable=help")) {
            trace_help();
            return true;
        }
        return false;
    case QEMU_OPTION_display:
        if (is_help(opt->arg)) {
            printf("Available display backend types:\nnone\n");
            return true;
        }
        return false;
    case QEMU_OPTION_rtc:
        return rtc_help(opt->arg);
    case QEMU_OPTION_boot:
        return boot_help(opt->arg);
    case QEMU_OPTION_audiodev:
        if (is_help(opt->arg)) {
            vl_audiodev_help();
            return true;
        }
        return false;
    case QEMU_OPTION_netdev:
        if (is_help(opt->arg)) {
            net_netdev_help();
            return true;
        }
        return false;
    default:
        return false;
    }
}
