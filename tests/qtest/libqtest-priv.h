/*
 * libqtest internals shared by its compilation units:
 *   libqtest-proc.c   starting, watching and stopping the emulator
 *   libqtest-run.c    running the binary to completion (command-line tests)
 *   libqtest-chan.c   the two sockets: listen, accept, send, buffered reads
 *   libqtest-line.c   the qtest line protocol (replies, clock, endianness)
 *   libqtest-mem.c    guest memory access over the line protocol
 *   libqtest-json.c   JSON text from the printf-like QMP templates
 *   libqtest-qmp.c    the QMP client (framing, replies, events)
 * Tests include only libqtest.h.
 */
#ifndef LIBQTEST_PRIV_H
#define LIBQTEST_PRIV_H

#include "libqtest.h"

/* Bytes received on one socket and not yet handed out. */
typedef struct QtRxBuf {
    GString *data;
    size_t consumed; /* data->str[0..consumed) was handed out */
} QtRxBuf;

struct QTestState {
    pid_t pid;
    bool exited;
    int wstatus;
    int expected_status;
    int qtest_fd;
    int qmp_fd;
    char *tmpdir;
    QtRxBuf qtest_rx;
    QtRxBuf qmp_rx;
    GQueue async_lines; /* qtest notifications (gchar *) */
    GQueue qmp_events;  /* QMP events not asked for yet (JsonObject *) */
};

/* ---- libqtest-proc.c ---- */

/* Milliseconds every wait may last ($QTEST_TIMEOUT seconds, default 60). */
int qt_timeout_ms(void);
/* Monotonic clock in milliseconds. */
int64_t qt_now_ms(void);
/* Collect the emulator's exit status if it has one (@block: wait for it). */
void qt_reap(QTestState *s, bool block, struct rusage *ru);
/* The emulator let us down: report @what and its state, kill it, abort. */
void G_GNUC_NORETURN qt_fail(QTestState *s, const char *what);
/* Append the words of @args (shell quoting) to @argv. */
void qt_args_append(GPtrArray *argv, const char *args);
/* $QTEST_QEMU_BINARY, or exit with a message. */
const char *qt_default_binary(void);

/* ---- libqtest-chan.c ---- */

/* A listening unix socket at @path. */
int qt_listen(const char *path);
/* Accept the emulator's connection on @lfd (qt_fail with @what if it
 * does not come); the connection gets a receive timeout. */
int qt_accept(QTestState *s, int lfd, const char *what);
/* Send all of @buf or qt_fail. */
void qt_send(QTestState *s, int fd, const char *buf, size_t len);
/* Receive at least one more byte into @rx or qt_fail with @what. */
void qt_receive(QTestState *s, int fd, QtRxBuf *rx, const char *what);
/* The unread bytes of @rx. */
const char *qt_rx_unread(const QtRxBuf *rx, size_t *len);
/* Mark @len bytes of @rx handed out (they stay valid until the next read). */
void qt_rx_consume(QtRxBuf *rx, size_t len);
/*
 * The next line of @rx without its newline, reading more as needed.
 * The string lives in @rx and is valid until the next read.
 */
char *qt_read_line(QTestState *s, int fd, QtRxBuf *rx);

/* ---- libqtest-line.c ---- */

/* The rest of the reply to @cmd, which must start with "OK". */
const char *qt_reply_ok(QTestState *s, const char *cmd);

#endif
