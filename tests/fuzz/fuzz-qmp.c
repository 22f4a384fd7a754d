/*
 * libFuzzer target for the QMP server: the byte stream of one client
 * connection, through the chardev, the JSON streamer and parser, the
 * dispatcher and every command.
 *
 * Input: one mode byte, then the payload.
 *   mode bit 0: the target negotiates first ({"execute":
 *               "qmp_capabilities"}), so the payload starts in command
 *               mode; otherwise the payload must negotiate itself;
 *   mode bit 1: the payload is read by the request generator
 *               (fuzz-qmp-gen.c: every registered command with generated
 *               arguments); otherwise it is sent as is (framing, JSON
 *               syntax, nesting, sizes);
 *   mode bit 2: the connection is to the -qmp-pretty monitor.
 *
 * Each input runs on a new connection (greeting, negotiation state and
 * streamer start afresh) to a machine started once. Afterwards the
 * virtual clock moves on by a second (delayed unplugs and I/O complete),
 * what the main loop would serve is served (system_reset is carried out,
 * quit is dropped), every device, object and netdev the input created
 * is removed, the machine is set running again and the scratch directory
 * is emptied. What an input changes in objects that exist from the start
 * (qom-set on /machine, say) stays: the fuzzer tolerates it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/qdev-core.h"
#include "monitor/monitor.h"
#include "net/net.h"
#include "sysemu/qtest.h"
#include "sysemu/runstate.h"
#include "fuzz-chr-pipe.h"
#include "fuzz-machine.h"
#include "fuzz-qmp-gen.h"
#include "fuzz-sandbox.h"

#define QMP_FUZZ_MAX_INPUT (64 * KiB)

enum {
    MODE_NEGOTIATE = 1 << 0,
    MODE_GENERATE = 1 << 1,
    MODE_PRETTY = 1 << 2,
};

static FuzzChrPipe *pipe_to_qmp[2]; /* plain, pretty */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Error *err = NULL;

    fuzz_sandbox_enter(argc, argv);
    fuzz_machine_start(NULL, NULL);
    for (int i = 0; i < 2; i++) {
        g_autofree char *id = g_strdup_printf("qmp%d", i);

        pipe_to_qmp[i] = fuzz_chr_pipe_new_server(id);
        if (!monitor_init_qmp(fuzz_chr_pipe_chardev(pipe_to_qmp[i]), i, &err)) {
            error_report_err(err);
            abort();
        }
    }
    qmp_gen_init();
    return 0;
}

/*
 * Without Landlock, inputs that could name a host file are skipped: the
 * properties that take a path, JSON escapes that could spell one, and
 * tap back ends (netdev_add would open /dev/net/tun and make interfaces).
 */
static bool unconfined_risky(const uint8_t *data, size_t size)
{
    static const char *const risky[] = { "mem-path", "file", "\\u", "tap",
                                         NULL };

    if (fuzz_sandbox_confined()) {
        return false;
    }
    for (int i = 0; risky[i]; i++) {
        if (memmem(data, size, risky[i], strlen(risky[i]))) {
            return true;
        }
    }
    return false;
}

static int unparent_child(Object *child, void *opaque)
{
    object_unparent(child);
    return 0;
}

/* Undo what the input created; devices first, they may use objects. */
static void qmp_fuzz_cleanup(void)
{
    object_child_foreach(qdev_get_peripheral(), unparent_child, NULL);
    object_child_foreach(qdev_get_peripheral_anon(), unparent_child, NULL);
    user_creatable_cleanup();
    net_cleanup(); /* netdev_add's back ends, with their sockets */
    if (!runstate_is_running()) {
        vm_start();
    }
    fuzz_sandbox_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char negotiate[] = "{\"execute\":\"qmp_capabilities\"}\n";
    g_autoptr(GString) generated = NULL;
    FuzzChrPipe *conn;
    uint8_t mode;

    if (size < 1 || size > QMP_FUZZ_MAX_INPUT) {
        return -1;
    }
    mode = data[0];
    data++;
    size--;
    if (mode & MODE_GENERATE) {
        generated = qmp_gen_requests(data, size);
        data = (const uint8_t *)generated->str;
        size = generated->len;
    }
    if (unconfined_risky(data, size)) {
        return -1;
    }
    conn = pipe_to_qmp[!!(mode & MODE_PRETTY)];
    fuzz_chr_pipe_connect(conn);
    if (mode & MODE_NEGOTIATE) {
        fuzz_chr_pipe_feed(conn, (const uint8_t *)negotiate, strlen(negotiate));
    }
    fuzz_chr_pipe_feed(conn, data, size);
    fuzz_chr_pipe_hangup(conn);
    qtest_clock_warp(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                     NANOSECONDS_PER_SECOND);
    fuzz_main_loop_settle();
    qmp_fuzz_cleanup();
    fuzz_main_loop_settle();
    return 0;
}
