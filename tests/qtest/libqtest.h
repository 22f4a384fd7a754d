/*
 * libqtest: the client side of the qtest and QMP protocols, for functional
 * tests and benchmarks.  Starts $QTEST_QEMU_BINARY the way QEMU's libqtest
 * does: the test listens on two unix sockets (qtest and QMP) and the
 * emulator connects to both.
 *
 * Every wait has a timeout (QTEST_TIMEOUT seconds, default 60).  If the
 * emulator dies or stops answering, the test reports how and aborts (the
 * emulator is killed first), so a broken emulator fails a test instead of
 * hanging it.  Set QTEST_LOG=1 to see the emulator's qtest log on stderr.
 */
#ifndef LIBQTEST_H
#define LIBQTEST_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

typedef struct QTestState QTestState;

/* ---- starting and stopping ---- */

/*
 * Start $QTEST_QEMU_BINARY with "-accel qtest" and @extra_args (split like
 * a shell would: quotes work), read the QMP greeting and negotiate
 * capabilities.
 */
QTestState *qtest_init(const char *extra_args);
/* Same without reading the greeting or negotiating. */
QTestState *qtest_init_without_qmp_handshake(const char *extra_args);

typedef struct QTestInitOptions {
    const char *binary;  /* NULL: $QTEST_QEMU_BINARY */
    bool no_accel_qtest; /* do not add "-accel qtest" (e.g. real QEMU) */
    bool no_handshake;   /* leave the QMP greeting unread */
    bool keep_fds; /* the emulator inherits descriptors not close-on-exec */
} QTestInitOptions;
QTestState *qtest_init_opts(const QTestInitOptions *opts,
                            const char *extra_args);

/* Exit status qtest_quit() expects (default 0). */
void qtest_set_expected_status(QTestState *s, int status);
/*
 * Stop the emulator (SIGTERM unless it exited already), wait for it,
 * check its exit status and free @s.  NULL is accepted.
 */
void qtest_quit(QTestState *s);
/*
 * Wait (with the timeout) for the emulator to exit by itself, e.g. after
 * a QMP "quit"; returns the wait status, fills @ru if non-NULL.
 */
int qtest_wait_qemu(QTestState *s, struct rusage *ru);
pid_t qtest_pid(QTestState *s);
/* Is the emulator still running? */
bool qtest_probe_child(QTestState *s);

/*
 * Run $QTEST_QEMU_BINARY @args to completion (for command-line tests) and
 * return its stdout.  *exit_status: the exit code, or -SIGNAL if it died
 * from a signal.  @stderr_text (if non-NULL) gets its stderr.  Killed
 * after the timeout (exit status -SIGKILL).
 */
gchar *qtest_run_cmdline(const char *args, int *exit_status,
                         gchar **stderr_text);
/* Same with an explicit binary path. */
gchar *qtest_run_binary(const char *binary, const char *args, int *exit_status,
                        gchar **stderr_text);

/* ---- qtest protocol ---- */

/* Send a raw command line (printf format; add the "\n" yourself). */
void qtest_sendf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Next line from the qtest socket, without its newline (g_free it). */
gchar *qtest_recv_line(QTestState *s);
/*
 * Next reply line (first word OK, FAIL or ERR); other lines are
 * notifications and are queued for qtest_get_async_line().
 */
gchar *qtest_recv_reply(QTestState *s);
/* Oldest queued notification line or NULL (g_free it). */
gchar *qtest_get_async_line(QTestState *s);

uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);
/* Hex forms (read/write). */
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
/* Base64 forms (b64read/b64write). */
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t pattern, size_t size);
/* Advance the virtual clock by @step ns (or to the next deadline with
 * qtest_clock_step_next); returns the new clock value. */
int64_t qtest_clock_step(QTestState *s, int64_t step);
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_set(QTestState *s, int64_t val);
bool qtest_big_endian(QTestState *s);

/* ---- QMP ---- */

/*
 * Send a command built from @fmt and wait for its reply ({"return": ...}
 * or {"error": ...}; json_object_unref it).  Events that arrive meanwhile
 * are queued for qtest_qmp_eventwait().
 * @fmt is JSON where single quotes may stand for double quotes, and
 * outside strings %s inserts a JSON string (NULL: null), %d %i %u %ld
 * %lu %lld %llu %" PRId64 " %" PRIu64 " an integer, %f %g a number, %%
 * a percent sign.  Inside a string %s inserts escaped text and %d etc.
 * the digits.
 */
JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* query-status's "status" (a buffer overwritten by the next call) */
const char *qtest_query_status(QTestState *s);
JsonObject *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
/* Send only. */
void qtest_qmp_send(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Send @text byte for byte (malformed JSON tests). */
void qtest_qmp_send_raw(QTestState *s, const char *text);
/* Send @text byte for byte and wait for the reply. */
JsonObject *qtest_qmp_raw(QTestState *s, const char *text);
/* Next reply (queueing events). */
JsonObject *qtest_qmp_receive(QTestState *s);
/* Next message of any kind, events included (none queued first). */
JsonObject *qtest_qmp_receive_dict(QTestState *s);
/* Wait for event @name (queued ones first) and return it / drop it. */
JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *name);
void qtest_qmp_eventwait(QTestState *s, const char *name);
/* Run the command and assert a {"return": ...} reply. */
void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/* Reply helpers. */
bool qmp_rsp_is_err(JsonObject *rsp);
/* The error class of an error reply, or NULL. */
const char *qmp_rsp_error_class(JsonObject *rsp);
/* Assert an error reply of @klass (NULL: any), then unref @rsp. */
void qmp_expect_error_and_unref(JsonObject *rsp, const char *klass);
/* The reply as compact JSON text (g_free it). */
gchar *qmp_to_string(JsonObject *obj);

/*
 * qom-get PATH PROPERTY: the value (caller unrefs). A missing return fails
 * the test with the reply.
 */
JsonNode *qtest_qom_get(QTestState *s, const char *path, const char *prop);

/* Build JSON text from @fmt as qtest_qmp() does (g_free it). */
gchar *qtest_json_vformat(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

#endif
