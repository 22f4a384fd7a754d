/*
 * query-command-line-options: the option groups of the command line and
 * the parameters this program accepts in each, as QEMU 7.2 names them.
 * A group is listed only when its option is in the option table and not
 * refused as unsupported (so "sandbox" only with libseccomp).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "sysemu/qemu-options.h"

typedef struct CmdlineParam {
    const char *name;
    const char *type; /* string, boolean, number, size */
} CmdlineParam;

typedef struct CmdlineGroup {
    const char *group;          /* QEMU's name of the group */
    const char *option;         /* the option that fills it */
    const CmdlineParam *params; /* NULL-named end; NULL: any keys */
} CmdlineGroup;

static const CmdlineParam machine_params[] = { { "type", "string" },
                                               { "accel", "string" },
                                               { "dump-guest-core", "boolean" },
                                               { "memory-backend", "string" },
                                               { "s390-map-css", "boolean" },
                                               { NULL, NULL } };
static const CmdlineParam sandbox_params[] = {
    { "enable", "boolean" },           { "obsolete", "string" },
    { "elevateprivileges", "string" }, { "spawn", "string" },
    { "resourcecontrol", "string" },   { NULL, NULL }
};
static const CmdlineParam name_params[] = { { "guest", "string" },
                                            { "process", "string" },
                                            { "debug-threads", "boolean" },
                                            { NULL, NULL } };
static const CmdlineParam msg_params[] = { { "timestamp", "boolean" },
                                           { "guest-name", "boolean" },
                                           { NULL, NULL } };
static const CmdlineParam overcommit_params[] = { { "mem-lock", "boolean" },
                                                  { "cpu-pm", "boolean" },
                                                  { NULL, NULL } };
static const CmdlineParam smp_params[] = {
    { "cpus", "number" },     { "sockets", "number" }, { "dies", "number" },
    { "clusters", "number" }, { "cores", "number" },   { "threads", "number" },
    { "maxcpus", "number" },  { NULL, NULL }
};
static const CmdlineParam memory_params[] = { { "size", "size" },
                                              { "slots", "number" },
                                              { "maxmem", "size" },
                                              { NULL, NULL } };
static const CmdlineParam mon_params[] = { { "mode", "string" },
                                           { "chardev", "string" },
                                           { "pretty", "boolean" },
                                           { NULL, NULL } };
static const CmdlineParam trace_params[] = { { "enable", "string" },
                                             { "events", "string" },
                                             { "file", "string" },
                                             { NULL, NULL } };
static const CmdlineParam chardev_params[] = {
    { "backend", "string" }, { "path", "string" },  { "fd", "string" },
    { "server", "boolean" }, { "wait", "boolean" }, { "signal", "boolean" },
    { "append", "boolean" }, { NULL, NULL }
};
static const CmdlineParam rtc_params[] = { { "driftfix", "string" },
                                           { "clock", "string" },
                                           { "base", "string" },
                                           { NULL, NULL } };
static const CmdlineParam boot_params[] = {
    { "strict", "boolean" },     { "reboot-timeout", "number" },
    { "splash-time", "number" }, { "splash", "string" },
    { "menu", "boolean" },       { "once", "string" },
    { "order", "string" },       { NULL, NULL }
};
static const CmdlineParam no_params[] = { { NULL, NULL } };

static const CmdlineGroup groups[] = {
    { "machine", "machine", machine_params },
    { "accel", "accel", no_params },
    { "sandbox", "sandbox", sandbox_params },
    { "name", "name", name_params },
    { "msg", "msg", msg_params },
    { "overcommit", "overcommit", overcommit_params },
    { "smp-opts", "smp", smp_params },
    { "memory", "m", memory_params },
    { "mon", "mon", mon_params },
    { "trace", "trace", trace_params },
    { "chardev", "chardev", chardev_params },
    { "device", "device", no_params },
    { "object", "object", no_params },
    { "global", "global", no_params },
    { "rtc", "rtc", rtc_params },
    { "boot-opts", "boot", boot_params },
};

static bool group_available(const CmdlineGroup *g)
{
    const QEMUOption *o = qemu_options_find(g->option);

    return o && !(o->flags & QEMU_OPT_UNSUPPORTED);
}

static JsonObject *group_info(const CmdlineGroup *g)
{
    JsonObject *o = json_object_new();
    JsonArray *params = json_array_new();

    for (const CmdlineParam *p = g->params; p->name; p++) {
        JsonObject *po = json_object_new();

        json_object_set_string_member(po, "name", p->name);
        json_object_set_string_member(po, "type", p->type);
        json_array_add_object_element(params, po);
    }
    json_object_set_array_member(o, "parameters", params);
    json_object_set_string_member(o, "option", g->group);
    return o;
}

static bool qmp_query_cmdline_options(JsonObject *args, JsonNode **ret,
                                      Error **errp)
{
    static const char *const allowed[] = { "option", NULL };
    const char *only = NULL;
    JsonArray *arr;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "option", false, &only, NULL, errp)) {
        return false;
    }
    arr = json_array_new();
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++) {
        if (group_available(&groups[i]) &&
            (!only || !strcmp(only, groups[i].group))) {
            json_array_add_object_element(arr, group_info(&groups[i]));
        }
    }
    if (only && !json_array_get_length(arr)) {
        json_array_unref(arr);
        error_setg(errp, "invalid option name: %s", only);
        return false;
    }
    *ret = json_node_init_array(json_node_alloc(), arr);
    json_array_unref(arr);
    return true;
}

static void qmp_cmdline_cmds_register(void)
{
    qmp_register_command("query-command-line-options",
                         qmp_query_cmdline_options, QCO_NO_FLAGS);
}

module_init(qmp_cmdline_cmds_register)
