/*
 * qemu-system-s390x: main() and start-up sequencing.
 *
 * The command line is first scanned into a list of (option, argument)
 * pairs (system/vl-opts.c), then processed in phases that mirror QEMU's
 * order: immediate help/version requests, accelerator and machine
 * selection, chardevs and monitors, user-creatable objects, machine
 * init, -device, and finally the main loop.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "monitor/qdev.h"
#include "hw/qdev-properties.h"
#include "qemu/log.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "sysemu/qtest.h"
#include "sysemu/vl.h"
#include "chardev/char.h"
#include "monitor/monitor.h"
#include "exec/memory.h"
#include "sysemu/daemonize.h"
#include "net/net.h"

static void vl_cleanup(void)
{
    qtest_server_cleanup();
    monitor_cleanup();
    net_cleanup();
    serial_hds_clear();
    qemu_chr_cleanup();
    vl_pidfile_cleanup();
}

/* Ctrl-A x: as QEMU, the pid file and socket paths go, status 0 */
static void vl_mux_exit(void)
{
    vl_cleanup();
    exit(0);
}

/* Run fn(opts, errp) for every option of @index, with its location set. */
typedef bool VlOptFunc(VlConfig *cfg, const VlOpt *opt, Error **errp);

static void foreach_opt(VlConfig *cfg, int index, VlOptFunc *fn)
{
    Location loc;
    Error *err = NULL;

    loc_push_none(&loc);
    for (guint i = 0; i < cfg->opts->len; i++) {
        const VlOpt *opt = &g_array_index(cfg->opts, VlOpt, i);

        if (opt->index != index) {
            continue;
        }
        vl_opt_set_location(cfg, opt);
        if (!fn(cfg, opt, &err)) {
            error_report_err(err);
            vl_cleanup();
            exit(1);
        }
    }
    loc_pop(&loc);
}

static bool create_chardev(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;
    bool help = false;

    opts = qemu_opts_parse_legacy(opt->arg, "backend", &help, errp);
    if (!opts) {
        return false;
    }
    if (help) {
        vl_chardev_help();
        exit(0);
    }
    return qemu_chr_new_from_opts(opts, errp) != NULL;
}

static bool create_mon(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;

    opts = qemu_opts_parse_legacy(opt->arg, "chardev", NULL, errp);
    return opts && monitor_init_opts(opts, errp);
}

static bool create_object(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    return vl_object_add(opt->arg, errp);
}

static bool create_netdev(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    return net_netdev_add_arg(opt->arg, errp);
}

static bool create_device(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;
    bool is_json = false;
    DeviceState *dev;

    opts = qemu_opts_parse_any(opt->arg, "driver", NULL, &is_json, errp);
    if (!opts) {
        return false;
    }
    dev = qdev_device_add_from_qdict(opts, is_json, errp);
    if (!dev) {
        return false;
    }
    object_unref(OBJECT(dev));
    return true;
}

static void print_help_requests(VlConfig *cfg)
{
    Location loc;
    bool printed = false;

    loc_push_none(&loc);
    for (guint i = 0; i < cfg->opts->len; i++) {
        const VlOpt *opt = &g_array_index(cfg->opts, VlOpt, i);

        vl_opt_set_location(cfg, opt);
        printed |= vl_opt_help(cfg, opt);
    }
    loc_pop(&loc);
    if (printed) {
        exit(0);
    }
}

static void create_machine(VlConfig *cfg)
{
    Error *err = NULL;

    cfg->machine = vl_machine_create(cfg, &err);
    if (!cfg->machine || !vl_check_daemonize(cfg, &err)) {
        error_report_err(err);
        vl_cleanup();
        exit(1);
    }
}

static void machine_reset_handler(void *opaque)
{
    machine_reset(opaque);
}

static void vm_state_changed(void *opaque, bool running, RunState state)
{
    if (running) {
        cpu_enable_ticks();
    } else {
        cpu_disable_ticks();
    }
}

static void init_machine(VlConfig *cfg)
{
    Error *err = NULL;

    qemu_register_reset(machine_reset_handler, cfg->machine);
    if (!machine_run_init(cfg->machine, &err)) {
        error_report_err(err);
        vl_cleanup();
        exit(1);
    }
}

static int main_loop(void)
{
    int status = 0;

    while (!main_loop_should_exit(&status)) {
        g_main_context_iteration(NULL, TRUE);
    }
    return status;
}

int main(int argc, char **argv)
{
    VlConfig cfg = { 0 };
    int status;

    error_set_progname(argv[0]);
    vl_parse_cmdline(&cfg, argc, argv);
    print_help_requests(&cfg);
    vl_apply_simple_options(&cfg);
    vl_configure_accelerator(&cfg);

    object_get_objects_root(); /* /objects exists even when empty */
    memory_system_init();
    qemu_timers_init();
    runstate_init_signals();
    qemu_chr_set_mux_exit(vl_mux_exit);

    foreach_opt(&cfg, QEMU_OPTION_chardev, create_chardev);
    create_machine(&cfg);
    foreach_opt(&cfg, QEMU_OPTION_mon, create_mon);
    if (!vl_create_monitors_and_serials(&cfg)) {
        vl_cleanup();
        exit(1);
    }
    vl_start_qtest(&cfg);
    foreach_opt(&cfg, QEMU_OPTION_object, create_object);
    init_machine(&cfg);
    foreach_opt(&cfg, QEMU_OPTION_netdev, create_netdev);
    foreach_opt(&cfg, QEMU_OPTION_device, create_device);
    net_check_peers();
    qdev_machine_creation_done();
    qdev_prop_check_globals();
    vl_boot_menu_setup(object_get_typename(OBJECT(cfg.machine)));
    qemu_add_vm_change_state_handler(vm_state_changed, NULL);

    if (cfg.start_stopped) {
        runstate_set(RUN_STATE_PRELAUNCH);
    } else {
        vm_start();
    }
    daemonize_done();
    status = main_loop();
    vl_cleanup();
    return status;
}
