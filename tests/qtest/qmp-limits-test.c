/*
 * QMP input limits: a number, keyword or message past the streamer's
 * bounds gets QEMU's error reply (short: the input is not echoed), the
 * buffered text is freed, and the session keeps answering.
 */
#include <stdio.h>
#include <string.h>

#include "libqtest.h"

/* Over QEMU's 64 MiB bound on the text of one JSON value. */
#define BIG_INPUT ((64u << 20) + (1u << 20))

static QTestState *start(void)
{
    return qtest_init("-machine s390-ccw-virtio -nodefaults");
}

/* Resident set of @pid in KiB, from /proc. */
static long rss_kib(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status", (int)pid);
    g_autofree char *text = NULL;
    const char *p;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    p = strstr(text, "VmRSS:");
    g_assert_nonnull(p);
    return strtol(p + strlen("VmRSS:"), NULL, 10);
}

static void assert_status_ok(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s,
                                "{'execute': 'query-status', 'id': 'after'}");

    g_assert_true(json_object_has_member(rsp, "return"));
    g_assert_cmpstr(json_object_get_string_member(rsp, "id"), ==, "after");
    json_object_unref(rsp);
}

/* Send @n bytes of @fill and a newline; expect the size error reply. */
static void send_oversized(QTestState *s, char fill)
{
    g_autofree char *big = g_malloc(BIG_INPUT + 2);
    g_autofree char *line = NULL;
    JsonObject *rsp, *err;

    memset(big, fill, BIG_INPUT);
    big[BIG_INPUT] = '\n';
    big[BIG_INPUT + 1] = '\0';
    qtest_qmp_send_raw(s, big);
    rsp = qtest_qmp_receive(s);
    line = qmp_to_string(rsp);
    /* the reply must not carry the input back */
    g_assert_cmpuint(strlen(line), <, 256);
    g_assert_true(json_object_has_member(rsp, "error"));
    err = json_object_get_object_member(rsp, "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==,
                    "GenericError");
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==,
                    "JSON token size limit exceeded");
    json_object_unref(rsp);
}

static void test_huge_number(void)
{
    QTestState *s = start();
    long before = rss_kib(qtest_pid(s));

    send_oversized(s, '7');
    assert_status_ok(s);
    /*
     * what the number filled is given back, not kept for the session
     * (under ASan freed memory stays in its quarantine)
     */
    if (!g_strcmp0(g_getenv("QTEST_ASAN"), "1")) {
        g_test_message("ASan build: memory given back not checked");
    } else {
        g_assert_cmpint(rss_kib(qtest_pid(s)) - before, <, 32 * 1024);
    }
    qtest_quit(s);
}

static void test_huge_keyword(void)
{
    QTestState *s = start();

    send_oversized(s, 'k');
    assert_status_ok(s);
    qtest_quit(s);
}

/* A long unknown command name: the error text is cut, not echoed whole. */
static void test_long_command_name(void)
{
    QTestState *s = start();
    g_autofree char *name = g_strnfill(1 << 20, 'c');
    g_autofree char *req = g_strdup_printf("{\"execute\": \"%s\"}\n", name);
    JsonObject *rsp, *err;
    const char *desc;

    qtest_qmp_send_raw(s, req);
    rsp = qtest_qmp_receive(s);
    err = json_object_get_object_member(rsp, "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==,
                    "CommandNotFound");
    desc = json_object_get_string_member(err, "desc");
    g_assert_true(g_str_has_prefix(desc, "The command ccc"));
    g_assert_true(g_str_has_suffix(desc, "..."));
    g_assert_cmpuint(strlen(desc), <=, 1024 + 3);
    json_object_unref(rsp);
    assert_status_ok(s);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-limits/huge-number", test_huge_number);
    g_test_add_func("/qmp-limits/huge-keyword", test_huge_keyword);
    g_test_add_func("/qmp-limits/long-command-name", test_long_command_name);
    return g_test_run();
}
