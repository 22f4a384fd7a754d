/*
 * Command line scanning and the options that only set start-up values.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "sysemu/sysemu.h"
#include "sysemu/runstate.h"
#include "sysemu/vl.h"
#include "hw/qdev-properties.h"
#include "qemu/log.h"

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
            error_report("disk image arguments are not supported; "
                         "use -device and -object");
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

/* -m [size=]N[,slots=N,maxmem=N] */
static bool parse_memory(VlConfig *cfg, const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "size", NULL,
                                                         errp);
    const char *size;
    uint64_t sz;

    if (!opts) {
        return false;
    }
    size = keyval_get_str(opts, "size");
    if (!size) {
        error_setg(errp, "missing 'size' option value");
        return false;
    }
    if (qemu_strtosz_MiB(size, NULL, &sz) < 0) {
        error_setg(errp, "Parameter 'size' expects a non-negative number "
                   "below 2^64");
        error_append_hint(errp, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\nand exabytes,"
                          " respectively.\n");
        return false;
    }
    if (json_object_has_member(opts, "slots") ||
        json_object_has_member(opts, "maxmem")) {
        error_setg(errp, "memory hotplug (slots, maxmem) is not supported "
                   "by this machine");
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

/* -smp [cpus=]N[,maxcpus=N][,drawers=,books=,sockets=,cores=,threads=] */
static bool parse_smp(VlConfig *cfg, const char *arg, Error **errp)
{
    static const char *const topo[] = {
        "drawers", "books", "sockets", "dies", "clusters", "cores",
        "threads",
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
            error_setg(errp, "Invalid CPU topology: CPU topology parameters "
                       "must be greater than zero");
            return false;
        }
        product *= v;
    }
    if (!cpus) {
        cpus = maxcpus ? maxcpus : product;
    }
    if (!maxcpus) {
        maxcpus = MAX(cpus, product);
    }
    if (maxcpus < cpus) {
        error_setg(errp, "Invalid CPU topology: maxcpus must be equal to or "
                   "greater than smp");
        return false;
    }
    cfg->smp_cpus = cpus;
    cfg->smp_max_cpus = maxcpus;
    return true;
}

/* -name [guest=]NAME[,process=P][,debug-threads=on|off] */
static bool parse_name(const char *arg, Error **errp)
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
    for (GList *l = json_object_get_members(opts), *m = l; m; m = m->next) {
        const char *k = m->data;

        if (strcmp(k, "guest") && strcmp(k, "process") &&
            strcmp(k, "debug-threads")) {
            error_setg(errp, "Invalid parameter '%s'", k);
            g_list_free(l);
            return false;
        }
        if (!m->next) {
            g_list_free(l);
        }
    }
    qemu_set_name(keyval_get_str(opts, "guest"));
    return true;
}

static bool parse_uuid(const char *arg, Error **errp)
{
    if (!qemu_uuid_parse(arg, qemu_uuid)) {
        error_setg(errp, "failed to parse UUID string: wrong format");
        return false;
    }
    qemu_uuid_set = true;
    return true;
}

/* -msg timestamp=on|off[,guest-name=on|off] */
static bool parse_msg(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, NULL, NULL,
                                                         errp);
    const char *ts, *gn;
    bool b;

    if (!opts) {
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
    return true;
}

/* -display none; every graphical display is absent from this build */
static bool parse_display(const char *arg, Error **errp)
{
    static const char *const known[] = {
        "gtk", "sdl", "vnc", "curses", "egl-headless", "spice-app",
        "dbus", "cocoa", "default",
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

static bool parse_overcommit(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, NULL, NULL,
                                                         errp);
    GList *members;
    bool ok = true;

    if (!opts) {
        return false;
    }
    members = json_object_get_members(opts);
    for (GList *m = members; m && ok; m = m->next) {
        const char *key = m->data;
        bool on;

        if (strcmp(key, "mem-lock") && strcmp(key, "cpu-pm")) {
            error_setg(errp, "Invalid parameter '%s'", key);
            ok = false;
        } else if (!qapi_bool_parse(key, keyval_get_str(opts, key), &on,
                                    errp)) {
            ok = false;
        } else if (on) {
            error_setg(errp, "%s=on is not supported by this program", key);
            ok = false;
        }
    }
    g_list_free(members);
    return ok;
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
    /* keep fd open: the lock lives as long as we do */
    pidfile_written = g_strdup(path);
    return true;
}

void vl_pidfile_cleanup(void)
{
    if (pidfile_written) {
        unlink(pidfile_written);
        g_clear_pointer(&pidfile_written, g_free);
    }
}

/*
 * -cpu MODEL: the guest CPU is the qtest client (and later the
 * interpreter), which implements the "qemu" and "max" models.
 */
bool vl_cpu_model_check(const char *arg, Error **errp)
{
    g_autofree char *model = g_strndup(arg, strcspn(arg, ","));

    if (strcmp(model, "qemu") && strcmp(model, "max")) {
        if (g_regex_match_simple("^(z[0-9]|gen1[5-9]|host$)", model, 0, 0)) {
            error_setg(errp, "CPU model '%s' is not supported by this "
                       "program; use 'qemu' or 'max'", model);
        } else {
            error_setg(errp, "unable to find CPU model '%s'", model);
        }
        return false;
    }
    if (arg[strlen(model)]) {
        error_setg(errp, "CPU model features are not supported by this "
                   "program");
        return false;
    }
    return true;
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
        cfg->device_ids = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                g_free, NULL);
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
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(opt->arg, "type",
                                                         NULL, errp);
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
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(opt->arg, "accel",
                                                         NULL, errp);
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
    case QEMU_OPTION_m:
        return parse_memory(cfg, opt->arg, errp);
    case QEMU_OPTION_smp:
        return parse_smp(cfg, opt->arg, errp);
    case QEMU_OPTION_cpu:
        cfg->cpu_model = opt->arg;   /* checked with the machine, as QEMU */
        return true;
    case QEMU_OPTION_name:
        return parse_name(opt->arg, errp);
    case QEMU_OPTION_uuid:
        return parse_uuid(opt->arg, errp);
    case QEMU_OPTION_msg:
        return parse_msg(opt->arg, errp);
    case QEMU_OPTION_display:
        return parse_display(opt->arg, errp);
    case QEMU_OPTION_overcommit:
        return parse_overcommit(opt->arg, errp);
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
    case QEMU_OPTION_machine:
        return merge_machine_opts(cfg, opt, errp);
    case QEMU_OPTION_accel:
        return add_accel(cfg, opt, errp);
    case QEMU_OPTION_device:
        return check_device_id(cfg, opt->arg, errp);
    case QEMU_OPTION_global:
        return qdev_global_parse(opt->arg, errp);
    default:
        /* -nographic, -no-user-config: nothing to do (documented) */
        return true;
    }
}

void vl_apply_simple_options(VlConfig *cfg)
{
    Location loc;
    Error *err = NULL;

    cfg->accels = g_array_new(false, true, sizeof(VlAccel));
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
    if (cfg->pidfile && !write_pidfile(cfg->pidfile, &err)) {
        error_prepend(&err, "cannot create PID file: ");
        error_report_err(err);
        exit(1);
    }
}
