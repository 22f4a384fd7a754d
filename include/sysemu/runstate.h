/*
 * Run state of the machine and the main-loop requests that change it.
 * Names follow QMP's RunState enum ("running", "paused", "prelaunch",
 * "shutdown", ...).
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

#include "qemu/osdep.h"
#include <json-glib/json-glib.h>

typedef enum RunState {
    RUN_STATE_PRELAUNCH, /* -S given, never run yet */
    RUN_STATE_RUNNING,
    RUN_STATE_PAUSED,   /* stopped by QMP stop */
    RUN_STATE_SHUTDOWN, /* guest shut down with -no-shutdown */
    RUN_STATE_INMIGRATE,
    RUN_STATE_GUEST_PANICKED, /* the guest panicked (s390x: disabled wait) */
    RUN_STATE_WATCHDOG,       /* stopped by -watchdog-action pause */
    RUN_STATE__MAX,
} RunState;

const char *runstate_name(RunState state);
RunState runstate_get(void);
void runstate_set(RunState state);
bool runstate_is_running(void);

/* Start / stop the guest (fires run state change notifiers). */
void vm_start(void);
void vm_stop(RunState state);

/* Notified on every change with the new state. */
typedef void VMChangeStateHandler(void *opaque, bool running, RunState state);
void qemu_add_vm_change_state_handler(VMChangeStateHandler *cb, void *opaque);

/* System reset: handlers run in registration order on each reset. */
typedef void QEMUResetHandler(void *opaque);
void qemu_register_reset(QEMUResetHandler *func, void *opaque);
void qemu_unregister_reset(QEMUResetHandler *func, void *opaque);
void qemu_system_reset(void);

/* Requests are served by the main loop, not on the caller's stack. */
typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
} ShutdownCause;
void qemu_system_shutdown_request(ShutdownCause cause);
void qemu_system_reset_request(ShutdownCause cause);
/* Called by the main loop: serve pending requests; true when it should exit. */
bool main_loop_should_exit(int *status);

/* Turn SIGINT/SIGTERM/SIGHUP into shutdown requests ("host-signal"). */
void runstate_init_signals(void);

/* -no-shutdown: a guest shutdown stops instead of exiting. */
extern bool no_shutdown;
/* -no-reboot: a reset request shuts down instead. */
extern bool no_reboot;

/* set-action's panic= (QEMU 7.2's PanicAction) */
typedef enum PanicAction {
    PANIC_ACTION_PAUSE,
    PANIC_ACTION_SHUTDOWN, /* the default */
    PANIC_ACTION_EXIT_FAILURE,
    PANIC_ACTION_NONE,
} PanicAction;
extern PanicAction panic_action;

/*
 * The guest panicked (@info: the GUEST_PANICKED event's "info" member,
 * taken over; may be NULL). As QEMU's default panic action: the event
 * with action "poweroff", the VM stops in "guest-panicked" and shuts
 * down (cause "guest-panic"); with -no-shutdown the action is "pause"
 * and the VM stays stopped. panic=pause: "pause" always; exit-failure:
 * as the default, and the program exits with status 1; none: the event
 * with action "run", nothing else.
 */
void qemu_system_guest_panicked(JsonObject *info);
/*
 * system_powerdown: the POWERDOWN event, then every notifier (the SCLP's
 * signal-quiesce event source) asks the guest to shut down.
 */
void qemu_system_powerdown_request(void);
void qemu_register_powerdown_notifier(void (*fn)(void *opaque), void *opaque);

/* "shutdown" or "guest-panicked": only a reset lets the VM run again. */
bool runstate_needs_reset(void);

#endif
