/*
 * What happens when a guest watchdog expires (-watchdog-action), as in
 * QEMU: reset (the default), shutdown, poweroff, pause, debug, none or
 * inject-nmi, each announced by the QMP event WATCHDOG {"action": A}.
 */
#ifndef SYSEMU_WATCHDOG_H
#define SYSEMU_WATCHDOG_H

#include "qemu/osdep.h"
#include "qapi/error.h"

typedef enum WatchdogAction {
    WATCHDOG_ACTION_RESET,
    WATCHDOG_ACTION_SHUTDOWN,
    WATCHDOG_ACTION_POWEROFF,
    WATCHDOG_ACTION_PAUSE,
    WATCHDOG_ACTION_DEBUG,
    WATCHDOG_ACTION_NONE,
    WATCHDOG_ACTION_INJECT_NMI,
    WATCHDOG_ACTION__MAX,
} WatchdogAction;

/* -watchdog-action NAME; an unknown name is an error naming it */
bool watchdog_set_action_name(const char *name, Error **errp);
/* The action called @name, or -1 with that error */
int watchdog_action_lookup(const char *name, Error **errp);
void watchdog_set_action(WatchdogAction action);
WatchdogAction watchdog_get_action(void);
/* The watchdog expired: the event, then the action */
void watchdog_perform_action(void);
/* What inject-nmi does on this machine (s390x: a restart of CPU 0) */
void watchdog_set_nmi_handler(void (*fn)(void));
/* QMP inject-nmi: the machine's NMI; false: it has none (-machine none) */
bool watchdog_inject_nmi(void);

#endif
