/*
 * The action of an expired guest watchdog (sysemu/watchdog.h). The QMP
 * event WATCHDOG comes first, with the action's name; then:
 * reset       a guest reset request (RESET, reason "guest-reset");
 * shutdown    a power-down request, as system_powerdown: the POWERDOWN
 *             event and the SCLP's signal-quiesce event for the guest;
 * poweroff    the process exits at once with status 0;
 * pause       the VM stops in the run state "watchdog" (STOP);
 * debug       "watchdog: timer fired" on stderr;
 * none        nothing;
 * inject-nmi  the machine's NMI (s390x: restart interruption of CPU 0).
 */
#include "qemu/osdep.h"
#include "sysemu/watchdog.h"
#include "sysemu/runstate.h"
#include "monitor/qmp.h"

static const char *const watchdog_action_names[WATCHDOG_ACTION__MAX] = {
    [WATCHDOG_ACTION_RESET] = "reset",
    [WATCHDOG_ACTION_SHUTDOWN] = "shutdown",
    [WATCHDOG_ACTION_POWEROFF] = "poweroff",
    [WATCHDOG_ACTION_PAUSE] = "pause",
    [WATCHDOG_ACTION_DEBUG] = "debug",
    [WATCHDOG_ACTION_NONE] = "none",
    [WATCHDOG_ACTION_INJECT_NMI] = "inject-nmi",
};

static WatchdogAction watchdog_action = WATCHDOG_ACTION_RESET;
static void (*watchdog_nmi)(void);

int watchdog_action_lookup(const char *name, Error **errp)
{
    for (unsigned i = 0; i < WATCHDOG_ACTION__MAX; i++) {
        if (!strcmp(name, watchdog_action_names[i])) {
            return i;
        }
    }
    error_setg(errp, "Parameter 'watchdog' does not accept value '%s'", name);
    return -1;
}

void watchdog_set_action(WatchdogAction action)
{
    watchdog_action = action;
}

bool watchdog_set_action_name(const char *name, Error **errp)
{
    int a = watchdog_action_lookup(name, errp);

    if (a < 0) {
        return false;
    }
    watchdog_action = a;
    return true;
}

WatchdogAction watchdog_get_action(void)
{
    return watchdog_action;
}

void watchdog_set_nmi_handler(void (*fn)(void))
{
    watchdog_nmi = fn;
}

bool watchdog_inject_nmi(void)
{
    if (!watchdog_nmi) {
        return false;
    }
    watchdog_nmi();
    return true;
}

void watchdog_perform_action(void)
{
    JsonObject *data = json_object_new();

    json_object_set_string_member(data, "action",
                                  watchdog_action_names[watchdog_action]);
    qmp_send_event("WATCHDOG", data);
    switch (watchdog_action) {
    case WATCHDOG_ACTION_RESET:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        break;
    case WATCHDOG_ACTION_SHUTDOWN:
        qemu_system_powerdown_request();
        break;
    case WATCHDOG_ACTION_POWEROFF:
        exit(0);
    case WATCHDOG_ACTION_PAUSE:
        vm_stop(RUN_STATE_WATCHDOG);
        break;
    case WATCHDOG_ACTION_DEBUG:
        fprintf(stderr, "watchdog: timer fired\n");
        break;
    case WATCHDOG_ACTION_INJECT_NMI:
        if (watchdog_nmi) {
            watchdog_nmi();
        }
        break;
    default:
        break;
    }
}
