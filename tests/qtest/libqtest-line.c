/*
 * libqtest: the qtest line protocol.  Every command is one line; its reply
 * is the next line whose first word is OK, FAIL or ERR.  Other lines are
 * notifications, kept in order for qtest_get_async_line().
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "libqtest-priv.h"

void qtest_sendf(QTestState *s, const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qt_send(s, s->qtest_fd, line, strlen(line));
}

gchar *qtest_recv_line(QTestState *s)
{
    return g_strdup(qt_read_line(s, s->qtest_fd, &s->qtest_rx));
}

/* The length of the first word of @line. */
static size_t first_word_len(const char *line)
{
    return strcspn(line, " ");
}

static bool starts_reply(const char *line)
{
    static const char *const verdicts[] = { "OK", "FAIL", "ERR" };
    size_t n = first_word_len(line);

    for (size_t i = 0; i < G_N_ELEMENTS(verdicts); i++) {
        if (n == strlen(verdicts[i]) && !memcmp(line, verdicts[i], n)) {
            return true;
        }
    }
    return false;
}

/* The next reply line, in the receive buffer (valid until the next read). */
static const char *next_reply(QTestState *s)
{
    const char *line = qt_read_line(s, s->qtest_fd, &s->qtest_rx);

    while (!starts_reply(line)) {
        g_queue_push_tail(&s->async_lines, g_strdup(line));
        line = qt_read_line(s, s->qtest_fd, &s->qtest_rx);
    }
    return line;
}

gchar *qtest_recv_reply(QTestState *s)
{
    return g_strdup(next_reply(s));
}

gchar *qtest_get_async_line(QTestState *s)
{
    return g_queue_pop_head(&s->async_lines);
}

const char *qt_reply_ok(QTestState *s, const char *cmd)
{
    const char *line = next_reply(s);

    if (first_word_len(line) != 2 || strncmp(line, "OK", 2)) {
        g_error("libqtest: '%s' failed: %s", cmd, line);
    }
    line += 2;
    return *line == ' ' ? line + 1 : line;
}

/* clock_step / clock_set answer with the clock value in ns. */
static int64_t clock_reply(QTestState *s, const char *cmd)
{
    return g_ascii_strtoll(qt_reply_ok(s, cmd), NULL, 0);
}

int64_t qtest_clock_step(QTestState *s, int64_t step)
{
    qtest_sendf(s, "clock_step %" PRIi64 "\n", step);
    return clock_reply(s, "clock_step");
}

int64_t qtest_clock_step_next(QTestState *s)
{
    qtest_sendf(s, "clock_step\n");
    return clock_reply(s, "clock_step");
}

int64_t qtest_clock_set(QTestState *s, int64_t val)
{
    qtest_sendf(s, "clock_set %" PRIi64 "\n", val);
    return clock_reply(s, "clock_set");
}

bool qtest_big_endian(QTestState *s)
{
    qtest_sendf(s, "endianness\n");
    return strcmp(qt_reply_ok(s, "endianness"), "big") == 0;
}
