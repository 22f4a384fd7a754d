/*
 * qtest server: QEMU's line protocol for test programs, served on a
 * chardev (-qtest CHR).  A test plays the guest CPU: it reads and writes
 * guest memory and drives the virtual clock.  The protocol is described in
 * docs/devel/qtest.rst.
 *
 * Target code adds its own commands with qtest_register_command() (from a
 * module_init()/type_init() constructor or any time before the client
 * sends them).  A command handler gets the chardev and the words of the
 * line (split on single spaces, NULL-terminated, words[0] is the command)
 * and must send exactly one reply line starting with "OK", "FAIL" or
 * "ERR".  Lines the server sends on its own (notifications) must start
 * with another word, e.g. "IRQ raise 3".
 */
#ifndef SYSEMU_QTEST_H
#define SYSEMU_QTEST_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"

typedef void QTestCommandFunc(Chardev *chr, gchar **words);

/* Largest buffer a read/write/b64read/b64write/memset may move. */
#define QTEST_MAX_BUF (128 * MiB)
/*
 * Longest command line the server buffers: a write of QTEST_MAX_BUF bytes
 * in hex (the longest legal command) with room for its other words. A
 * longer line is a protocol error that closes the connection.
 */
#define QTEST_MAX_LINE (2 * QTEST_MAX_BUF + 4096)

/*
 * Select the qtest accelerator: the virtual clock becomes manual and the
 * clock_step / clock_set commands become available.  vl.c calls this
 * when the accelerator is qtest (QEMU's default accelerator when -qtest
 * is given without -accel).
 */
void qtest_enable(void);

/*
 * Start the server for -qtest @qtest_chrdev: legacy chardev syntax
 * ("unix:PATH" connects to a listening test, "stdio", ...) or
 * "chardev:ID" for a chardev created with -chardev.
 * @qtest_log (-qtest-log): a file to log every command and reply to,
 * "none" for no log; NULL logs to stderr, as QEMU does.
 */
bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp);

/* Stop serving and close the log (at exit). */
void qtest_server_cleanup(void);

/* Add a command; @name must not exist yet. */
void qtest_register_command(const char *name, QTestCommandFunc *fn);

/* Send @str (which should end in "\n") as is, logging it. */
void qtest_send(Chardev *chr, const char *str);
void qtest_sendf(Chardev *chr, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * Argument helpers for command handlers: parse words[@idx] as an unsigned
 * (base 0: decimal, 0x hex, 0 octal; "-1" wraps, as QEMU) or signed
 * integer; qtest_arg_missing() only checks that words[@idx] exists.
 * On a missing or malformed argument they reply "ERR ..." and
 * return false; the handler then returns without replying again.
 */
bool qtest_arg_missing(Chardev *chr, gchar **words, int idx);
bool qtest_arg_u64(Chardev *chr, gchar **words, int idx, uint64_t *val);
bool qtest_arg_i64(Chardev *chr, gchar **words, int idx, int64_t *val);

/* Manual virtual clock: advance to @dest running due timers (qtest). */
void qtest_clock_warp(int64_t dest);

#endif
