/*
 * set-action: what the VM does on a reboot request, a guest shutdown
 * and a watchdog expiry, QEMU's command with its values:
 * "reboot" reset | shutdown (shutdown is -no-reboot), "shutdown"
 * poweroff | pause (pause is -no-shutdown), "watchdog" the
 * -watchdog-action values. "panic" is not taken: the panic action
 * follows the shutdown action here (docs/system/s390x/cpu.rst). Every
 * value is checked before any takes effect.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "sysemu/runstate.h"
#include "sysemu/watchdog.h"

static const char *const set_action_args[] = { "reboot", "shutdown", "watchdog",
                                               NULL };

/* The index of @arg's value in @values (-1: absent; -2: refused) */
static int action_arg(JsonObject *args, const char *arg,
                      const char *const *values, Error **errp)
{
    const char *v;
    bool present;

    if (!qmp_arg_str(args, arg, false, &v, &present, errp)) {
        return -2;
    }
    if (!present) {
        return -1;
    }
    for (int i = 0; values[i]; i++) {
        if (!strcmp(v, values[i])) {
            return i;
        }
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'", arg, v);
    return -2;
}

static bool qmp_set_action(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const reboot_values[] = { "reset", "shutdown", NULL };
    static const char *const shutdown_values[] = { "poweroff", "pause", NULL };
    const char *wd_name = NULL;
    int reboot, shutdown, wd = -1;

    if (!qmp_args_check(args, set_action_args, errp)) {
        return false;
    }
    reboot = action_arg(args, "reboot", reboot_values, errp);
    if (reboot == -2) {
        return false;
    }
    shutdown = action_arg(args, "shutdown", shutdown_values, errp);
    if (shutdown == -2) {
        return false;
    }
    if (!qmp_arg_str(args, "watchdog", false, &wd_name, NULL, errp)) {
        return false;
    }
    if (wd_name) {
        wd = watchdog_action_lookup(wd_name, errp);
        if (wd < 0) {
            return false;
        }
    }
    if (reboot >= 0) {
        no_reboot = reboot == 1;
    }
    if (shutdown >= 0) {
        no_shutdown = shutdown == 1;
    }
    if (wd >= 0) {
        watchdog_set_action(wd);
    }
    return true;
}

static void qmp_action_cmds_register(void)
{
    qmp_register_command("set-action", qmp_set_action, QCO_NO_FLAGS);
}

module_init(qmp_action_cmds_register)
