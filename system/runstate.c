/*
 * Run state, reset handlers and the shutdown/reset requests the main
 * loop serves. Also the machine identity globals (sysemu.h).
 */
#include "qemu/osdep.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "monitor/qmp.h"
#include "qemu/error-report.h"
#include <glib-unix.h>
#include <signal.h>

typedef struct Handler {
    void (*fn)(void);
    void *cb;
    void *opaque;
} Handler;

bool no_shutdown;
bool no_reboot;
PanicAction panic_action = PANIC_ACTION_SHUTDOWN;
static bool exit_failure; /* a panic with action exit-failure: status 1 */
static GList *powerdown_notifiers; /* PowerdownNotifier * */
uint8_t qemu_uuid[16];
bool qemu_uuid_set;

static char *qemu_name;
static RunState current_state = RUN_STATE_PRELAUNCH;
static GArray *state_handlers; /* Handler */
static GArray *reset_handlers; /* Handler */
static ShutdownCause shutdown_requested;
static ShutdownCause reset_requested;
static bool signals_installed;

static const char *const runstate_names[RUN_STATE__MAX] = {
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_INMIGRATE] = "inmigrate",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_WATCHDOG] = "watchdog",
};

static const char *const cause_names[] = {
    [SHUTDOWN_CAUSE_NONE] = "none",
    [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
    [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
    [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
    [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
};

const char *qemu_get_name(void)
{
    return qemu_name;
}

void qemu_set_name(const char *name)
{
    g_free(qemu_name);
    qemu_name = g_strdup(name);
}

bool qemu_uuid_parse(const char *str, uint8_t uuid[16])
{
    int n = 0;

    if (strlen(str) != 36) {
        return false;
    }
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (str[i] == '-') || (!dash && !g_ascii_isxdigit(str[i]))) {
            return false;
        }
    }
    for (int i = 0; i < 36; i += 2) {
        if (str[i] == '-') {
            i--;
            continue;
        }
        uuid[n++] = g_ascii_xdigit_value(str[i]) << 4 |
                    g_ascii_xdigit_value(str[i + 1]);
    }
    return n == 16;
}

void qemu_uuid_unparse(const uint8_t uuid[16], char *out)
{
    const uint8_t *u = uuid;

    sprintf(
        out,
        "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
        u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10],
        u[11], u[12], u[13], u[14], u[15]);
}

const char *runstate_name(RunState state)
{
    return state < RUN_STATE__MAX ? runstate_names[state] : "unknown";
}

RunState runstate_get(void)
{
    return current_state;
}

bool runstate_is_running(void)
{
    return current_state == RUN_STATE_RUNNING;
}

void runstate_set(RunState state)
{
    current_state = state;
    for (guint i = 0; state_handlers && i < state_handlers->len; i++) {
        Handler *h = &g_array_index(state_handlers, Handler, i);
        ((VMChangeStateHandler *)h->cb)(h->opaque, runstate_is_running(),
                                        state);
    }
}

void qemu_add_vm_change_state_handler(VMChangeStateHandler *cb, void *opaque)
{
    Handler h = { .cb = (void *)cb, .opaque = opaque };

    if (!state_handlers) {
        state_handlers = g_array_new(FALSE, TRUE, sizeof(Handler));
    }
    g_array_append_val(state_handlers, h);
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    runstate_set(RUN_STATE_RUNNING);
    qmp_send_event("RESUME", NULL);
}

void vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        return;
    }
    runstate_set(state);
    qmp_send_event("STOP", NULL);
}

void qemu_register_reset(QEMUResetHandler *func, void *opaque)
{
    Handler h = { .cb = (void *)func, .opaque = opaque };

    if (!reset_handlers) {
        reset_handlers = g_array_new(FALSE, TRUE, sizeof(Handler));
    }
    g_array_append_val(reset_handlers, h);
}

void qemu_unregister_reset(QEMUResetHandler *func, void *opaque)
{
    for (guint i = 0; reset_handlers && i < reset_handlers->len; i++) {
        Handler *h = &g_array_index(reset_handlers, Handler, i);
        if (h->cb == (void *)func && h->opaque == opaque) {
            g_array_remove_index(reset_handlers, i);
            return;
        }
    }
}

void qemu_system_reset(void)
{
    for (guint i = 0; reset_handlers && i < reset_handlers->len; i++) {
        Handler *h = &g_array_index(reset_handlers, Handler, i);
        ((QEMUResetHandler *)h->cb)(h->opaque);
    }
}

static void wake_main_loop(void)
{
    g_main_context_wakeup(NULL);
}

void qemu_system_shutdown_request(ShutdownCause cause)
{
    shutdown_requested = cause;
    wake_main_loop();
}

void qemu_system_reset_request(ShutdownCause cause)
{
    /* as QEMU: under -no-reboot every reset request becomes a shutdown */
    if (no_reboot) {
        shutdown_requested = cause;
    } else {
        reset_requested = cause;
    }
    wake_main_loop();
}

bool runstate_needs_reset(void)
{
    return current_state == RUN_STATE_SHUTDOWN ||
           current_state == RUN_STATE_GUEST_PANICKED;
}

void qemu_system_guest_panicked(JsonObject *info)
{
    JsonObject *data = json_object_new();
    /* as QEMU 7.2: "shutdown" pauses when shutdowns pause (-no-shutdown) */
    bool pause = panic_action == PANIC_ACTION_PAUSE ||
                 (panic_action == PANIC_ACTION_SHUTDOWN && no_shutdown);
    bool off = !pause && (panic_action == PANIC_ACTION_SHUTDOWN ||
                          panic_action == PANIC_ACTION_EXIT_FAILURE);

    json_object_set_string_member(data, "action",
                                  pause ? "pause"
                                  : off ? "poweroff"
                                        : "run");
    if (info) {
        json_object_set_object_member(data, "info", info);
    }
    qmp_send_event("GUEST_PANICKED", data);
    if (!pause && !off) {
        return; /* panic=none: the guest goes on */
    }
    if (runstate_is_running()) {
        runstate_set(RUN_STATE_GUEST_PANICKED);
        qmp_send_event("STOP", NULL);
    } else {
        runstate_set(RUN_STATE_GUEST_PANICKED);
    }
    if (off) {
        exit_failure |= panic_action == PANIC_ACTION_EXIT_FAILURE;
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_PANIC);
    }
}

typedef struct PowerdownNotifier {
    void (*fn)(void *opaque);
    void *opaque;
} PowerdownNotifier;

void qemu_register_powerdown_notifier(void (*fn)(void *opaque), void *opaque)
{
    PowerdownNotifier *n = g_new(PowerdownNotifier, 1);

    n->fn = fn;
    n->opaque = opaque;
    powerdown_notifiers = g_list_append(powerdown_notifiers, n);
}

void qemu_system_powerdown_request(void)
{
    qmp_send_event("POWERDOWN", NULL);
    for (GList *l = powerdown_notifiers; l; l = l->next) {
        PowerdownNotifier *n = l->data;

        n->fn(n->opaque);
    }
}

static JsonObject *cause_data(ShutdownCause cause)
{
    JsonObject *data = json_object_new();
    bool guest = cause == SHUTDOWN_CAUSE_GUEST_SHUTDOWN ||
                 cause == SHUTDOWN_CAUSE_GUEST_RESET ||
                 cause == SHUTDOWN_CAUSE_GUEST_PANIC;

    json_object_set_boolean_member(data, "guest", guest);
    json_object_set_string_member(data, "reason", cause_names[cause]);
    return data;
}

static void serve_reset(ShutdownCause cause)
{
    qemu_system_reset();
    qmp_send_event("RESET", cause_data(cause));
}

bool main_loop_should_exit(int *status)
{
    ShutdownCause cause;

    if (reset_requested) {
        cause = reset_requested;
        reset_requested = SHUTDOWN_CAUSE_NONE;
        serve_reset(cause);
        /* as QEMU: a VM that was not running waits in prelaunch */
        if (runstate_needs_reset()) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (!shutdown_requested) {
        return false;
    }
    cause = shutdown_requested;
    shutdown_requested = SHUTDOWN_CAUSE_NONE;
    qmp_send_event("SHUTDOWN", cause_data(cause));
    /* as QEMU: quit and signals exit even under -no-shutdown */
    if (no_shutdown && cause != SHUTDOWN_CAUSE_HOST_QMP_QUIT &&
        cause != SHUTDOWN_CAUSE_HOST_SIGNAL &&
        cause != SHUTDOWN_CAUSE_HOST_ERROR) {
        if (current_state != RUN_STATE_GUEST_PANICKED) {
            vm_stop(RUN_STATE_SHUTDOWN);
        }
        return false;
    }
    *status = exit_failure ? 1 : 0;
    return true;
}

static gboolean on_signal(gpointer data)
{
    error_report("terminating on signal %d", GPOINTER_TO_INT(data));
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_SIGNAL);
    return G_SOURCE_CONTINUE;
}

/* SIGINT/SIGTERM/SIGHUP request a shutdown ("host-signal"). */
void runstate_init_signals(void)
{
    if (signals_installed) {
        return;
    }
    signals_installed = true;
    g_unix_signal_add(SIGINT, on_signal, GINT_TO_POINTER(SIGINT));
    g_unix_signal_add(SIGTERM, on_signal, GINT_TO_POINTER(SIGTERM));
    g_unix_signal_add(SIGHUP, on_signal, GINT_TO_POINTER(SIGHUP));
}
