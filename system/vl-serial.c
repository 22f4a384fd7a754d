/*
 * -serial, -monitor, -qmp and the default console and monitor, as QEMU
 * 7.2 makes them:
 *  - each -serial DEV (legacy syntax, "mon:DEV" puts a monitor on it too)
 *    is a chardev "serialN"; "none" makes none. The machine puts its
 *    consoles on them (s390x: serial0 sclpconsole, serial1 sclplmconsole).
 *  - -monitor DEV is a human monitor on chardev "compat_monitorN"
 *    (numbered with -qmp's), "none" none.
 *  - without -nodefaults, with no -serial there is "serial0", with no
 *    monitor option (-monitor, -qmp, -mon, -serial mon:) a human monitor:
 *    on "vc" (a sink here: no display) or, with -nographic, on stdio;
 *    both at once on stdio are one mux=on chardev "serial0" (Ctrl-A c).
 * Monitors come first, then the serial chardevs (QEMU's order: its
 * errors come in that order too).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/boards.h"
#include "sysemu/vl.h"
#include "chardev/char.h"
#include "monitor/monitor.h"

static bool is_none(const char *arg)
{
    return !strncmp(arg, "none", 4); /* QEMU looks at the prefix only */
}

void vl_serial_scan_option(VlConfig *cfg, const VlOpt *opt)
{
    switch (opt->index) {
    case QEMU_OPTION_serial:
        cfg->has_serial = true;
        if (g_str_has_prefix(opt->arg, "mon:")) {
            cfg->has_monitor = true;
        }
        break;
    case QEMU_OPTION_monitor:
        cfg->has_monitor = true;
        break;
    default:
        break;
    }
}

bool vl_default_serial(VlConfig *cfg)
{
    MachineClass *mc = cfg->machine ? MACHINE_GET_CLASS(cfg->machine) : NULL;

    return !cfg->nodefaults && !cfg->has_serial && !(mc && mc->no_serial);
}

bool vl_default_monitor(VlConfig *cfg)
{
    return !cfg->nodefaults && !cfg->has_monitor;
}

/* A chardev failure: its own error if any (the caller's line follows) */
static void chr_fail(Error *err)
{
    if (err) {
        error_report_err(err);
    }
}

static bool monitor_on(VlConfig *cfg, const char *dev, bool qmp, bool pretty)
{
    g_autofree char *label = g_strdup_printf("compat_monitor%d", cfg->nr_qmp++);
    Error *err = NULL;
    Chardev *chr;
    bool mux = false;

    if (g_str_has_prefix(dev, "chardev:")) {
        chr = qemu_chr_find(dev + 8);
        if (!chr) {
            error_report("chardev \"%s\" not found", dev + 8);
            return false;
        }
    } else {
        chr = qemu_chr_new_legacy(label, dev, !qmp, &mux, &err);
        if (!chr) {
            chr_fail(err);
            error_report("parse error: %s", dev);
            return false;
        }
    }
    if (qmp ? !monitor_init_qmp(chr, pretty, &err)
            : !monitor_init_hmp(chr, &err)) {
        error_report_err(err);
        return false;
    }
    return true;
}

static bool serial_on(VlConfig *cfg, const char *dev)
{
    g_autofree char *label = NULL;
    Error *err = NULL;
    Chardev *chr;
    bool mux = false;

    if (is_none(dev)) {
        return true;
    }
    label = g_strdup_printf("serial%d", serial_hd_count());
    chr = qemu_chr_new_legacy(label, dev, true, &mux, &err);
    if (!chr) {
        chr_fail(err);
        error_report("could not connect serial device to character backend "
                     "'%s'",
                     dev);
        return false;
    }
    if (mux && !monitor_init_hmp(chr, &err)) {
        error_report_err(err);
        return false;
    }
    serial_hd_add(chr);
    return true;
}

/* -qmp, -qmp-pretty and -monitor, in command-line order */
static bool create_monitors(VlConfig *cfg)
{
    Location loc;
    bool ok = true;

    loc_push_none(&loc);
    for (guint i = 0; ok && i < cfg->opts->len; i++) {
        const VlOpt *opt = &g_array_index(cfg->opts, VlOpt, i);

        vl_opt_set_location(cfg, opt);
        switch (opt->index) {
        case QEMU_OPTION_qmp:
        case QEMU_OPTION_qmp_pretty:
            ok = monitor_on(cfg, opt->arg, true,
                            opt->index == QEMU_OPTION_qmp_pretty);
            break;
        case QEMU_OPTION_monitor:
            ok = is_none(opt->arg) || monitor_on(cfg, opt->arg, false, false);
            break;
        default:
            break;
        }
    }
    loc_pop(&loc);
    return ok;
}

static bool create_serials(VlConfig *cfg)
{
    Location loc;
    bool ok = true;

    loc_push_none(&loc);
    for (guint i = 0; ok && i < cfg->opts->len; i++) {
        const VlOpt *opt = &g_array_index(cfg->opts, VlOpt, i);

        if (opt->index == QEMU_OPTION_serial) {
            vl_opt_set_location(cfg, opt);
            ok = serial_on(cfg, opt->arg);
        }
    }
    loc_pop(&loc);
    return ok;
}

bool vl_create_monitors_and_serials(VlConfig *cfg)
{
    bool def_serial = vl_default_serial(cfg);
    bool def_monitor = vl_default_monitor(cfg);

    if (!create_monitors(cfg)) {
        return false;
    }
    if (cfg->nographic && def_serial && def_monitor) {
        return serial_on(cfg, "mon:stdio");
    }
    if (def_monitor &&
        !monitor_on(cfg, cfg->nographic ? "stdio" : "vc", false, false)) {
        return false;
    }
    if (!create_serials(cfg)) {
        return false;
    }
    return !def_serial || serial_on(cfg, cfg->nographic ? "stdio" : "vc");
}
