/*
 * Command line scanning and the options that only set start-up values.
 */
#include "qemu/osdep.h"
#include "qemu/fdset.h"
#include "sysemu/block-backend.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "sysemu/sysemu.h"
#include "sysemu/runstate.h"
#include "sysemu/watchdog.h"
#include "sysemu/vl.h"
#include "sysemu/sandbox.h"
#include "hw/qdev-properties.h"
#include "qemu/log.h"
#include "sysemu/daemonize.h"
#include "hw/boards.h"

#include <fcntl.h>
#include <sys/file.h>

static char *pidfile_written;

static void version(void)
{
    printf("QEMU emulator version " QEMU_COMPAT_VERSION
           " (qemu-s390x-passthrough " QEMU_VERSION "%s)\n"
           "Copyright (c) the qemu-s390x-passthrough developers\n",
           QEMU_PKGVERSION);
}

static void help(void)
{
    version();
    qemu_options_print_help(stdout, error_get_progname());
}

void vl_opt_set_location(VlConfig *cfg, const VlOpt *opt)
{
    loc_set_cmdline(cfg->argv, opt->argi, opt->nargs);
}

void vl_parse_cmdline(VlConfig *cfg, int argc, char **argv)
{
    int i = 1;

    cfg->argv = argv;
    cfg->opts = g_array_new(false, true, sizeof(VlOpt));
    while (i < argc) {
        const QEMUOption *o;
        VlOpt opt = { .argi = i, .nargs = 1 };

        if (argv[i][0] != '-' || !argv[i][1]) {
            /* QEMU treats a bare argument as a disk image: we have none */
            loc_set_cmdline(argv, i, 1);
            error_report(
                "disk image arguments are not supported; use -device and -object");
            exit(1);
        }
        o = qemu_options_find(argv[i]);
        if (!o) {
            loc_set_cmdline(argv, i, 1);
            error_report("invalid option");
            exit(1);
        }
        opt.index = o->index;
        if (o->flags & HAS_ARG) {
            if (i + 1 >= argc) {
                loc_set_cmdline(argv, i, 1);
                error_report("requires an argument");
                exit(1);
            }
            opt.arg = argv[i + 1];
            opt.nargs = 2;
        }
        if (o->flags & QEMU_OPT_UNSUPPORTED) {
            loc_set_cmdline(argv, i, opt.nargs);
            error_report("option '-%s' is not supported by this program",
                         o->name);
            exit(1);
        }
        i += opt.nargs;

        /* These act at once, like QEMU's */
        switch (opt.index) {
        case QEMU_OPTION_h:
            help();
            exit(0);
        case QEMU_OPTION_version:
            version();
            exit(0);
        default:
            break;
        }
        g_array_append_val(cfg->opts, opt);
    }
    loc_set_none();
}

static bool write_pidfile(const char *path, Error **errp)
{
    g_autofree char *text = g_strdup_printf("%d\n", (int)getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot open pid file");
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        error_setg(errp, "cannot lock pid file: another instance is running");
        close(fd);
        return false;
    }
    if (ftruncate(fd, 0) < 0 || write(fd, text, strlen(text)) < 0) {
        error_setg_errno(errp, errno, "cannot write pid file");
        close(fd);
        return false;
    }
    /* keep fd open: the lock lives as long as we do; -daemonize changes
     * the directory, so remember where the file is */
    pidfile_written = realpath(path, NULL);
    if (!pidfile_written) {
        pidfile_written = g_strdup(path);
    }
    return true;
}

void vl_pidfile_cleanup(void)
{
    if (pidfile_written) {
        unlink(pidfile_written);
        free(pidfile_written); /* realpath()'s or g_strdup()'s: both malloc */
        pidfile_written = NULL;
    }
}

/*
 * -device in the key=value form is an option group with ids, as in QEMU:
 * a repeated id is refused while the command line is read, before any
 * device exists. (The JSON form is checked when the device is created.)
 */
static bool check_device_id(VlConfig *cfg, const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;
    const char *id;

    if (arg[0] == '{') {
        return true;
    }
    opts = qemu_opts_parse_legacy(arg, "driver", NULL, errp);
    if (!opts) {
        return false;
    }
    id = keyval_get_str(opts, "id");
    if (!id) {
        return true;
    }
    if (!cfg->device_ids) {
        cfg->device_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                NULL);
    }
    if (!g_hash_table_add(cfg->device_ids, g_strdup(id))) {
        error_setg(errp, "Duplicate ID '%s' for device", id);
        return false;
    }
    return true;
}

/* Merge one -machine argument into cfg->machine_opts */
static bool merge_machine_opts(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(opt->arg, "type", NULL,
                                                        errp);
    GList *members;

    if (!opts) {
        return false;
    }
    if (!cfg->machine_opts) {
        cfg->machine_opts = json_object_new();
    }
    members = json_object_get_members(opts);
    for (GList *m = members; m; m = m->next) {
        json_object_set_member(cfg->machine_opts, m->data,
                               json_object_dup_member(opts, m->data));
    }
    g_list_free(members);
    cfg->machine_opt = opt;
    return true;
}

static bool add_accel(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(opt->arg, "accel", NULL,
                                                        errp);
    VlAccel acc = { .opt = opt };
    const char *name;

    if (!opts) {
        return false;
    }
    name = keyval_get_str(opts, "accel");
    if (!name) {
        error_setg(errp, "Parameter 'accel' is missing");
        return false;
    }
    acc.name = g_strdup(name);
    g_array_append_val(cfg->accels, acc);
    return true;
}

static bool apply_option(VlConfig *cfg, const VlOpt *opt, Error **errp)
{
    switch (opt->index) {
    case QEMU_OPTION_S:
        cfg->start_stopped = true;
        return true;
    case QEMU_OPTION_nodefaults:
        cfg->nodefaults = true;
        return true;
    case QEMU_OPTION_no_shutdown:
        no_shutdown = true;
        return true;
    case QEMU_OPTION_no_reboot:
        no_reboot = true;
        return true;
    case QEMU_OPTION_watchdog_action:
        return watchdog_set_action_name(opt->arg, errp);
    case QEMU_OPTION_kernel:
        cfg->kernel = opt->arg;
        return true;
    case QEMU_OPTION_initrd:
        cfg->initrd = opt->arg;
        return true;
    case QEMU_OPTION_append:
        cfg->append = opt->arg;
        return true;
    case QEMU_OPTION_m:
        return vl_parse_memory(cfg, opt->arg, errp);
    case QEMU_OPTION_smp:
        return vl_parse_smp(cfg, opt->arg, errp);
    case QEMU_OPTION_cpu:
        cfg->cpu_model = opt->arg; /* checked with the machine, as QEMU */
        return true;
    case QEMU_OPTION_name:
        return vl_parse_name(opt->arg, errp);
    case QEMU_OPTION_uuid:
        return vl_parse_uuid(opt->arg, errp);
    case QEMU_OPTION_msg:
        return vl_parse_msg(opt->arg, errp);
    case QEMU_OPTION_display:
        return vl_parse_display(opt->arg, errp);
    case QEMU_OPTION_overcommit:
        return vl_parse_overcommit(opt->arg, errp);
    case QEMU_OPTION_add_fd:
        return qemu_fdset_add_opt(opt->arg, errp);
    case QEMU_OPTION_qtest:
        cfg->qtest_chrdev = opt->arg;
        return true;
    case QEMU_OPTION_qtest_log:
        cfg->qtest_log = opt->arg;
        return true;
    case QEMU_OPTION_d:
        return qemu_set_log_items(opt->arg, errp);
    case QEMU_OPTION_D:
        return qemu_set_log_filename(opt->arg, errp);
    case QEMU_OPTION_trace:
        return trace_opt_parse(opt->arg, errp);
    case QEMU_OPTION_pidfile:
        cfg->pidfile = opt->arg;
        return true;
    case QEMU_OPTION_sandbox:
        return sandbox_setup(opt->arg, errp);
    case QEMU_OPTION_machine:
        return merge_machine_opts(cfg, opt, errp);
    case QEMU_OPTION_accel:
        return add_accel(cfg, opt, errp);
    case QEMU_OPTION_device:
        return check_device_id(cfg, opt->arg, errp);
    case QEMU_OPTION_global:
        return qdev_global_parse(opt->arg, errp);
    case QEMU_OPTION_drive:
        return blk_drive_add(opt->arg, errp);
    case QEMU_OPTION_blockdev:
        return blk_blockdev_add(opt->arg, errp);
    case QEMU_OPTION_rtc:
        return vl_rtc_add(opt->arg, errp);
    case QEMU_OPTION_boot:
        return vl_boot_add(opt->arg, errp);
    case QEMU_OPTION_audiodev:
        return vl_audiodev_add(opt->arg, &cfg->audio_unavailable, errp);
    case QEMU_OPTION_nographic:
        cfg->nographic = true;
        return true;
    case QEMU_OPTION_daemonize: /* acted on before this loop */
        return true;
    default:
        /* -no-user-config: nothing to do (documented) */
        return true;
    }
}

/* Options that others depend on, looked at before any takes effect. */
static void scan_early_options(VlConfig *cfg)
{
    for (guint i = 0; i < cfg->opts->len; i++) {
        vl_serial_scan_option(cfg, &g_array_index(cfg->opts, VlOpt, i));
        switch (g_array_index(cfg->opts, VlOpt, i).index) {
        case QEMU_OPTION_daemonize:
            cfg->daemonize = true;
            break;
        case QEMU_OPTION_qmp:
        case QEMU_OPTION_qmp_pretty:
        case QEMU_OPTION_mon:
            cfg->has_monitor = true;
            break;
        default:
            break;
        }
    }
}

/*
 * As QEMU: -nographic puts the default console and monitor on stdio,
 * which a daemon has not; it is refused unless -nodefaults or the
 * board's lack of a console and an explicit monitor leave nothing there.
 */
bool vl_check_daemonize(VlConfig *cfg, Error **errp)
{
    bool default_console = vl_default_serial(cfg);
    bool default_monitor = vl_default_monitor(cfg);

    if (cfg->daemonize && cfg->nographic &&
        (default_console || default_monitor)) {
        error_setg(errp, "-nographic cannot be used with -daemonize");
        return false;
    }
    return true;
}

void vl_apply_simple_options(VlConfig *cfg)
{
    Location loc;
    Error *err = NULL;

    cfg->accels = g_array_new(false, true, sizeof(VlAccel));
    scan_early_options(cfg);
    if (cfg->daemonize) {
        /* before -sandbox, whose spawn=deny forbids fork */
        daemonize_start();
    }
    loc_push_none(&loc);
    for (guint i = 0; i < cfg->opts->len; i++) {
        const VlOpt *opt = &g_array_index(cfg->opts, VlOpt, i);

        vl_opt_set_location(cfg, opt);
        if (!apply_option(cfg, opt, &err)) {
            error_report_err(err);
            exit(1);
        }
    }
    loc_pop(&loc);
    if (!vl_rtc_boot_check(&err) || !vl_overcommit_apply(&err)) {
        error_report_err(err);
        exit(1);
    }
    if (cfg->audio_unavailable) {
        /* QEMU's audio layer says this, without the program name */
        fprintf(stderr, "audio: Could not init `%s' audio driver\n",
                cfg->audio_unavailable);
        exit(1);
    }
    if (cfg->pidfile && !write_pidfile(cfg->pidfile, &err)) {
        error_prepend(&err, "cannot create PID file: ");
        error_report_err(err);
        exit(1);
    }
}
