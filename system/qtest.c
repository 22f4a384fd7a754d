/*
 * qtest server: reads command lines from a chardev, runs them against the
 * guest address space and the virtual clock, and replies one line each.
 * Protocol: docs/devel/qtest.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "sysemu/qtest.h"
#include "qemu/timer.h"
#include "qemu/error-report.h"
#include "qemu/module.h"

#define QTEST_MAX_WORDS 64

typedef struct QTestServer {
    Chardev *chr;
    FILE *log;
    bool log_is_stderr;
    bool opened;
    int64_t start_ns;
    GString *inbuf;
    size_t scanned; /* leading bytes of inbuf without a newline */
} QTestServer;

static QTestServer server;
static bool qtest_allowed;
static GHashTable *qtest_commands;

void qtest_enable(void)
{
    qtest_allowed = true;
    qemu_clock_set_virtual_manual();
}

void qtest_clock_warp(int64_t dest)
{
    qemu_clock_warp_virtual(dest);
}

void qtest_register_command(const char *name, QTestCommandFunc *fn)
{
    if (!qtest_commands) {
        qtest_commands = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_assert(!g_hash_table_contains(qtest_commands, name));
    g_hash_table_insert(qtest_commands, (gpointer)name, fn);
}

/* ---- log and replies ---- */

static double qtest_elapsed(void)
{
    return (get_clock() - server.start_ns) / 1e9;
}

static void qtest_log_words(gchar **words)
{
    int i;

    fprintf(server.log, "[R +%.6f]", qtest_elapsed());
    for (i = 0; words[i]; i++) {
        fprintf(server.log, " %s", words[i]);
    }
    fputc('\n', server.log);
}

void qtest_send(Chardev *chr, const char *str)
{
    if (server.log) {
        fprintf(server.log, "[S +%.6f] %s", qtest_elapsed(), str);
    }
    qemu_chr_fe_write_all(chr, str, strlen(str));
}

void qtest_sendf(Chardev *chr, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < sizeof(buf)) {
        qtest_send(chr, buf);
        return;
    }
    va_start(ap, fmt);
    g_autofree char *big = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_send(chr, big);
}

/* ---- arguments ---- */

static bool qtest_parse_u64(const char *s, uint64_t *val)
{
    char *end;

    if (!*s || g_ascii_isspace(*s)) {
        return false;
    }
    errno = 0;
    *val = strtoull(s, &end, 0);
    return errno == 0 && *end == '\0';
}

bool qtest_arg_missing(Chardev *chr, gchar **words, int idx)
{
    int i;

    for (i = 0; i <= idx; i++) {
        if (!words[i]) {
            qtest_sendf(chr, "ERR missing argument %d to '%s'\n", idx,
                        words[0]);
            return true;
        }
    }
    return false;
}

bool qtest_arg_u64(Chardev *chr, gchar **words, int idx, uint64_t *val)
{
    if (qtest_arg_missing(chr, words, idx)) {
        return false;
    }
    if (!qtest_parse_u64(words[idx], val)) {
        qtest_sendf(chr, "ERR invalid number '%s'\n", words[idx]);
        return false;
    }
    return true;
}

bool qtest_arg_i64(Chardev *chr, gchar **words, int idx, int64_t *val)
{
    char *end;

    if (qtest_arg_missing(chr, words, idx)) {
        return false;
    }
    errno = 0;
    *val = strtoll(words[idx], &end, 0);
    if (!*words[idx] || errno || *end) {
        qtest_sendf(chr, "ERR invalid number '%s'\n", words[idx]);
        return false;
    }
    return true;
}

/* ---- virtual clock (qtest accelerator only) ---- */

static void qtest_reply_clock(Chardev *chr)
{
    qtest_sendf(chr, "OK %" PRIi64 "\n", qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
}

/*
 * clock_step [NS]: by NS, or to the next timer deadline. The virtual
 * clock never goes back and cannot pass INT64_MAX: a step beyond it stops
 * the clock there (and a negative or zero step leaves it alone).
 */
static void qtest_cmd_clock_step(Chardev *chr, gchar **words)
{
    int64_t ns, dest;

    if (words[1]) {
        if (!qtest_arg_i64(chr, words, 1, &ns)) {
            return;
        }
    } else {
        ns = qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL);
    }
    if (ns > 0) {
        if (__builtin_add_overflow(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ns,
                                   &dest)) {
            dest = INT64_MAX;
        }
        qtest_clock_warp(dest);
    }
    qtest_reply_clock(chr);
}

static void qtest_cmd_clock_set(Chardev *chr, gchar **words)
{
    int64_t ns;

    if (!qtest_arg_i64(chr, words, 1, &ns)) {
        return;
    }
    qtest_clock_warp(ns);
    qtest_reply_clock(chr);
}

/* ---- line handling ---- */

static void qtest_process_command(Chardev *chr, gchar **words)
{
    QTestCommandFunc *fn;

    if (server.log) {
        qtest_log_words(words);
    }
    if (!words[0]) {
        qtest_send(chr, "FAIL Unknown command ''\n");
        return;
    }
    if (!qtest_allowed &&
        (!strcmp(words[0], "clock_step") || !strcmp(words[0], "clock_set"))) {
        fn = NULL;
    } else {
        fn = g_hash_table_lookup(qtest_commands, words[0]);
    }
    if (!fn) {
        qtest_sendf(chr, "FAIL Unknown command '%s'\n", words[0]);
        return;
    }
    trace_point("qtest_command", "%s", words[0]);
    fn(chr, words);
}

/* Split @line in place on single spaces, as g_strsplit(line, " ", 0). */
static void qtest_process_line(Chardev *chr, char *line)
{
    gchar *words[QTEST_MAX_WORDS + 1];
    int n = 0;
    char *p = line;
    size_t len = strlen(line);

    if (len && line[len - 1] == '\r') {
        line[len - 1] = '\0';
    }
    if (*line) {
        words[n++] = p;
        while ((p = strchr(p, ' ')) && n < QTEST_MAX_WORDS) {
            *p++ = '\0';
            words[n++] = p;
        }
    }
    words[n] = NULL;
    qtest_process_command(chr, words);
}

/*
 * Run the complete lines waiting in inbuf, stopping while the chardev's
 * output backlog is over its bound (the client is not reading: the rest
 * waits for drained()). server.scanned bytes at the start of inbuf are
 * known to hold no newline, so a long line arriving in many reads is
 * scanned once, not once per read.
 */
static void qtest_run_lines(void)
{
    GString *in = server.inbuf;
    size_t known = server.scanned;
    char *line = in->str;
    char *nl;

    while (!qemu_chr_fe_throttled(server.chr)) {
        size_t left = in->len - (line - in->str);

        nl = memchr(line + known, '\n', left - known);
        if (!nl) {
            known = left;
            break;
        }
        *nl = '\0';
        qtest_process_line(server.chr, line);
        line = nl + 1;
        known = 0;
    }
    g_string_erase(in, 0, line - in->str);
    server.scanned = known;
}

static void qtest_read(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(server.inbuf, (const char *)buf, len);
    qtest_run_lines();
    /*
     * What is left without a newline is the start of one line: past the
     * longest legal command it is garbage or a client that lost framing,
     * and is not buffered without bound.
     */
    if (server.scanned > QTEST_MAX_LINE) {
        error_report("qtest: command line longer than %" PRId64
                     " bytes without a newline: closing the connection",
                     QTEST_MAX_LINE);
        if (server.log) {
            fprintf(server.log, "[I +%.6f] line too long\n", qtest_elapsed());
        }
        /* give back what the line grew the buffer to */
        g_string_free(server.inbuf, TRUE);
        server.inbuf = g_string_sized_new(256);
        server.scanned = 0;
        qemu_chr_fe_disconnect(server.chr);
    }
}

static void qtest_drained(void *opaque)
{
    qtest_run_lines();
}

static void qtest_event(void *opaque, ChrEvent event)
{
    switch (event) {
    case CHR_EVENT_OPENED:
        server.opened = true;
        server.start_ns = get_clock();
        g_string_truncate(server.inbuf, 0);
        server.scanned = 0;
        if (server.log) {
            fprintf(server.log, "[I %.6f] OPENED\n", qtest_elapsed());
        }
        break;
    case CHR_EVENT_CLOSED:
        server.opened = false;
        if (server.log) {
            fprintf(server.log, "[I +%.6f] CLOSED\n", qtest_elapsed());
        }
        break;
    default: /* mux focus and breaks: nothing to do */
        break;
    }
}

static const CharFrontendOps qtest_fe_ops = {
    .read = qtest_read,
    .event = qtest_event,
    .drained = qtest_drained,
};

static void qtest_register_builtins(void)
{
    static const struct {
        const char *name;
        QTestCommandFunc *fn;
    } cmds[] = {
        { "clock_step", qtest_cmd_clock_step },
        { "clock_set", qtest_cmd_clock_set },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cmds); i++) {
        qtest_register_command(cmds[i].name, cmds[i].fn);
    }
}

module_init(qtest_register_builtins)

static bool qtest_open_log(const char *qtest_log, Error **errp)
{
    if (!qtest_log) {
        server.log = stderr;
        server.log_is_stderr = true;
        return true;
    }
    /* /dev/null is the same as none, without formatting every line */
    if (!strcmp(qtest_log, "none") || !strcmp(qtest_log, "/dev/null")) {
        return true;
    }
    server.log = fopen(qtest_log, "w+");
    if (!server.log) {
        error_setg_errno(errp, errno, "-qtest-log %s", qtest_log);
        return false;
    }
    setvbuf(server.log, NULL, _IOLBF, 0);
    return true;
}

bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp)
{
    Chardev *chr;

    g_assert(!server.chr);
    if (g_str_has_prefix(qtest_chrdev, "chardev:")) {
        chr = qemu_chr_find(qtest_chrdev + strlen("chardev:"));
        if (!chr) {
            error_setg(errp, "chardev '%s' not found",
                       qtest_chrdev + strlen("chardev:"));
            return false;
        }
    } else {
        chr = qemu_chr_new("qtest", qtest_chrdev, errp);
        if (!chr) {
            return false;
        }
    }
    if (!qtest_open_log(qtest_log, errp)) {
        return false;
    }
    server.inbuf = g_string_sized_new(256);
    server.start_ns = get_clock();
    server.chr = chr;
    if (!qemu_chr_fe_set_handlers(chr, &qtest_fe_ops, NULL, errp)) {
        server.chr = NULL;
        qtest_server_cleanup();
        return false;
    }
    if (!server.opened && qemu_chr_fe_is_connected(chr)) {
        qtest_event(NULL, CHR_EVENT_OPENED);
    }
    return true;
}

void qtest_server_cleanup(void)
{
    if (server.chr) {
        qemu_chr_fe_deinit(server.chr);
        server.chr = NULL;
    }
    if (server.log && !server.log_is_stderr) {
        fclose(server.log);
    }
    server.log = NULL;
    if (server.inbuf) {
        g_string_free(server.inbuf, TRUE);
        server.inbuf = NULL;
    }
    server.opened = false;
}
