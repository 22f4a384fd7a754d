/*
 * QMP protocol: greeting, capabilities negotiation, error replies with
 * QEMU's classes and texts, "id" echo, malformed input that must leave
 * the session usable, the basic query commands, run-state commands and
 * their events, several monitors at once, and quit.
 *
 * QTEST_REAL_QEMU=1 (with QTEST_QEMU_BINARY pointing at Debian's
 * qemu-system-s390x) runs the same checks against QEMU 7.2 itself, so
 * the expected texts are verified; tests that need a running VM without
 * a guest are skipped there.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libqtest.h"

static bool real_qemu;

static QTestState *start_opts(bool handshake, const char *extra)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu,
                              .no_handshake = !handshake };
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s %s",
                        real_qemu ? "-accel tcg -S" : "", extra ? extra : "");

    return qtest_init_opts(&opts, args);
}

static QTestState *start(const char *extra)
{
    return start_opts(true, extra);
}

/* Assert an error reply of @klass whose "desc" is @desc; unref it. */
static void assert_error(JsonObject *rsp, const char *klass, const char *desc)
{
    JsonObject *err;

    g_assert_nonnull(rsp);
    g_assert_true(json_object_has_member(rsp, "error"));
    err = json_object_get_object_member(rsp, "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, klass);
    if (desc) {
        g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    }
    json_object_unref(rsp);
}

static JsonObject *ret_object(JsonObject *rsp)
{
    g_assert_true(json_object_has_member(rsp, "return"));
    return json_object_get_object_member(rsp, "return");
}

static const char *query_status(QTestState *s, bool *running)
{
    static char status[32];
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");
    JsonObject *ret = ret_object(rsp);

    g_strlcpy(status, json_object_get_string_member(ret, "status"),
              sizeof(status));
    *running = json_object_get_boolean_member(ret, "running");
    json_object_unref(rsp);
    return status;
}

static void test_greeting(void)
{
    QTestState *s = start_opts(false, NULL);
    JsonObject *greet = qtest_qmp_receive_dict(s);
    JsonObject *qmp, *version, *qemu;

    qmp = json_object_get_object_member(greet, "QMP");
    g_assert_nonnull(qmp);
    version = json_object_get_object_member(qmp, "version");
    qemu = json_object_get_object_member(version, "qemu");
    g_assert_cmpint(json_object_get_int_member(qemu, "major"), ==, 7);
    g_assert_cmpint(json_object_get_int_member(qemu, "minor"), ==, 2);
    g_assert_cmpint(json_object_get_int_member(qemu, "micro"), >=, 0);
    g_assert_nonnull(json_object_get_string_member(version, "package"));
    g_assert_nonnull(json_object_get_array_member(qmp, "capabilities"));
    json_object_unref(greet);

    assert_error(qtest_qmp(s, "{'execute': 'query-status'}"), "CommandNotFound",
                 "Expecting capabilities negotiation with 'qmp_capabilities'");
    qtest_qmp_assert_success(s, "{'execute': 'qmp_capabilities'}");
    assert_error(
        qtest_qmp(s, "{'execute': 'qmp_capabilities'}"), "CommandNotFound",
        "Capabilities negotiation is already complete, command ignored");
    qtest_qmp_assert_success(s, "{'execute': 'query-status'}");
    qtest_quit(s);
}

static void test_unknown_and_id(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp;
    JsonObject *id;

    rsp = qtest_qmp(s, "{'execute': 'foo', 'id': 'x1'}");
    g_assert_cmpstr(json_object_get_string_member(rsp, "id"), ==, "x1");
    assert_error(rsp, "CommandNotFound", "The command foo has not been found");

    rsp = qtest_qmp(s, "{'execute': 'query-status', 'id': 42}");
    g_assert_true(json_object_has_member(rsp, "return"));
    g_assert_cmpint(json_object_get_int_member(rsp, "id"), ==, 42);
    json_object_unref(rsp);

    rsp = qtest_qmp(s, "{'execute': 'query-status', 'id': {'a': [1]}}");
    g_assert_true(json_object_has_member(rsp, "return"));
    id = json_object_get_object_member(rsp, "id");
    g_assert_nonnull(id);
    g_assert_cmpint(
        json_array_get_int_element(json_object_get_array_member(id, "a"), 0),
        ==, 1);
    json_object_unref(rsp);

    rsp = qtest_qmp(s, "{'execute': 'query-status'}");
    g_assert_false(json_object_has_member(rsp, "id"));
    json_object_unref(rsp);
    qtest_quit(s);
}

/* A JSON parse error reply: class GenericError, "JSON parse error, ..." */
static void assert_parse_error(JsonObject *rsp)
{
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==,
                    "GenericError");
    g_assert_true(g_str_has_prefix(json_object_get_string_member(err, "desc"),
                                   "JSON parse error"));
    json_object_unref(rsp);
}

static void test_malformed(void)
{
    QTestState *s = start(NULL);

    assert_parse_error(qtest_qmp_raw(s, "}\n"));
    qtest_qmp_assert_success(s, "{'execute': 'query-name'}");
    assert_parse_error(qtest_qmp_raw(s, "{\"execute\": \"query-status\n"));
    qtest_qmp_assert_success(s, "{'execute': 'query-name'}");
    assert_error(qtest_qmp_raw(s, "[1]\n"), "GenericError",
                 "QMP input must be a JSON object");
    assert_error(qtest_qmp_raw(s, "42\n"), "GenericError",
                 "QMP input must be a JSON object");
    assert_error(qtest_qmp(s, "{'foo': 1}"), "GenericError",
                 "QMP input member 'foo' is unexpected");
    assert_error(qtest_qmp(s, "{'execute': 1}"), "GenericError",
                 "QMP input member 'execute' must be a string");
    assert_error(qtest_qmp(s, "{'arguments': {}}"), "GenericError",
                 "QMP input lacks member 'execute'");
    assert_error(qtest_qmp(s, "{'execute': 'query-status', 'arguments': []}"),
                 "GenericError",
                 "QMP input member 'arguments' must be an object");
    qtest_qmp_assert_success(s, "{'execute': 'query-status'}");
    qtest_quit(s);
}

static void test_arguments(void)
{
    QTestState *s = start(NULL);

    assert_error(
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': 42}}"),
        "GenericError", "Invalid parameter type for 'path', expected: string");
    assert_error(qtest_qmp(s, "{'execute': 'qom-list'}"), "GenericError",
                 "Parameter 'path' is missing");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-list', 'arguments': {'path': '/', 'extra': 1}}"),
        "GenericError", "Parameter 'extra' is unexpected");
    assert_error(qtest_qmp(s,
                           "{'execute': 'query-name', 'arguments': {'x': 1}}"),
                 "GenericError", "Parameter 'x' is unexpected");
    qtest_qmp_assert_success(
        s, "{'execute': 'qom-list', 'arguments': {'path': '/'}}");
    qtest_quit(s);
}

static void test_query_version(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-version'}");
    JsonObject *ret = ret_object(rsp);
    JsonObject *qemu = json_object_get_object_member(ret, "qemu");
    const char *package = json_object_get_string_member(ret, "package");

    g_assert_cmpint(json_object_get_int_member(qemu, "major"), ==, 7);
    g_assert_cmpint(json_object_get_int_member(qemu, "minor"), ==, 2);
    g_assert_nonnull(package);
    if (!real_qemu) {
        g_assert_cmpint(json_object_get_int_member(qemu, "micro"), ==, 0);
        g_assert_nonnull(strstr(package, "qemu-s390x-passthrough"));
    }
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_query_name(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-name'}");

    g_assert_false(json_object_has_member(ret_object(rsp), "name"));
    json_object_unref(rsp);
    qtest_quit(s);

    s = start("-name guest=vm1,debug-threads=on");
    rsp = qtest_qmp(s, "{'execute': 'query-name'}");
    g_assert_cmpstr(json_object_get_string_member(ret_object(rsp), "name"), ==,
                    "vm1");
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_query_commands(void)
{
    static const char *const needed[] = {
        "qmp_capabilities",
        "query-version",
        "query-commands",
        "query-status",
        "query-name",
        "query-machines",
        "stop",
        "cont",
        "system_reset",
        "quit",
        "device_add",
        "device_del",
        "qom-list",
        "qom-get",
        "qom-set",
        "qom-list-types",
        "device-list-properties",
        "object-add",
        "object-del",
        NULL,
    };
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-commands'}");
    JsonArray *cmds = json_object_get_array_member(rsp, "return");
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    guint i;

    g_assert_nonnull(cmds);
    for (i = 0; i < json_array_get_length(cmds); i++) {
        JsonObject *c = json_array_get_object_element(cmds, i);

        g_hash_table_add(names,
                         (gpointer)json_object_get_string_member(c, "name"));
    }
    for (i = 0; needed[i]; i++) {
        if (!g_hash_table_contains(names, needed[i])) {
            g_error("query-commands lacks %s", needed[i]);
        }
    }
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_status_prelaunch(void)
{
    QTestState *s = start(real_qemu ? NULL : "-S");
    bool running = true;

    g_assert_cmpstr(query_status(s, &running), ==, "prelaunch");
    g_assert_false(running);
    qtest_quit(s);
}

/* Without a guest to run, only our emulator can sit in "running". */
static void test_stop_cont(void)
{
    QTestState *s;
    bool running = false;

    if (real_qemu) {
        g_test_skip("QEMU without a guest panics once running");
        return;
    }
    s = start(NULL);
    g_assert_cmpstr(query_status(s, &running), ==, "running");
    g_assert_true(running);
    qtest_qmp_assert_success(s, "{'execute': 'stop'}");
    qtest_qmp_eventwait(s, "STOP");
    g_assert_cmpstr(query_status(s, &running), ==, "paused");
    g_assert_false(running);
    qtest_qmp_assert_success(s, "{'execute': 'cont'}");
    qtest_qmp_eventwait(s, "RESUME");
    g_assert_cmpstr(query_status(s, &running), ==, "running");
    g_assert_true(running);
    qtest_quit(s);
}

static void test_system_reset(void)
{
    QTestState *s = start(NULL);
    JsonObject *ev, *data, *ts;

    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    ev = qtest_qmp_eventwait_ref(s, "RESET");
    data = json_object_get_object_member(ev, "data");
    g_assert_false(json_object_get_boolean_member(data, "guest"));
    g_assert_cmpstr(json_object_get_string_member(data, "reason"), ==,
                    "host-qmp-system-reset");
    ts = json_object_get_object_member(ev, "timestamp");
    g_assert_cmpint(json_object_get_int_member(ts, "seconds"), >, 0);
    g_assert_true(json_object_has_member(ts, "microseconds"));
    json_object_unref(ev);
    qtest_quit(s);
}

/* ---- a second monitor: a plain QMP client on a unix socket ---- */

typedef struct RawClient {
    int fd;
    GString *in;
} RawClient;

static void raw_connect(RawClient *c, const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int tries;

    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    c->in = g_string_new("");
    for (tries = 0; tries < 500; tries++) {
        c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
        g_assert_cmpint(c->fd, >=, 0);
        if (connect(c->fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            return;
        }
        close(c->fd);
        g_usleep(10 * 1000);
    }
    g_error("cannot connect to %s: %s", path, g_strerror(errno));
}

/* Next JSON object (one per line, as QEMU sends them). */
static JsonObject *raw_receive(RawClient *c)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    char buf[4096], *nl;
    g_autofree char *line = NULL;
    ssize_t n;

    while (!(nl = strchr(c->in->str, '\n'))) {
        n = read(c->fd, buf, sizeof(buf));
        if (n <= 0) {
            g_error("second monitor: connection closed");
        }
        g_string_append_len(c->in, buf, n);
    }
    line = g_strndup(c->in->str, nl - c->in->str);
    g_string_erase(c->in, 0, nl + 1 - c->in->str);
    g_assert_true(json_parser_load_from_data(parser, line, -1, NULL));
    return json_object_ref(json_node_get_object(json_parser_get_root(parser)));
}

static void raw_send(RawClient *c, const char *text)
{
    g_assert_cmpint(write(c->fd, text, strlen(text)), ==, strlen(text));
}

/* Skip other messages until event @name arrives. */
static void raw_eventwait(RawClient *c, const char *name)
{
    for (;;) {
        JsonObject *msg = raw_receive(c);
        bool found = json_object_has_member(msg, "event") &&
                     g_str_equal(json_object_get_string_member(msg, "event"),
                                 name);

        json_object_unref(msg);
        if (found) {
            return;
        }
    }
}

static void test_two_monitors(void)
{
    g_autofree char *dir = g_dir_make_tmp("qmp-test-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "mon2.sock", NULL);
    g_autofree char *args = g_strdup_printf("-qmp unix:%s,server=on,wait=off",
                                            path);
    QTestState *s = start(args);
    RawClient c;
    JsonObject *msg;

    raw_connect(&c, path);
    msg = raw_receive(&c);
    g_assert_true(json_object_has_member(msg, "QMP"));
    json_object_unref(msg);
    raw_send(&c, "{\"execute\": \"qmp_capabilities\"}\n");
    msg = raw_receive(&c);
    g_assert_true(json_object_has_member(msg, "return"));
    json_object_unref(msg);

    /* an event caused on one monitor reaches both */
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(s, "RESET");
    raw_eventwait(&c, "RESET");

    /* and the second monitor's commands work on their own */
    raw_send(&c, "{\"execute\": \"query-status\", \"id\": \"m2\"}\n");
    msg = raw_receive(&c);
    g_assert_cmpstr(json_object_get_string_member(msg, "id"), ==, "m2");
    g_assert_true(json_object_has_member(msg, "return"));
    json_object_unref(msg);

    close(c.fd);
    g_string_free(c.in, TRUE);
    qtest_quit(s);
    unlink(path);
    rmdir(dir);
}

static void test_quit(void)
{
    QTestState *s = start(NULL);
    JsonObject *ev, *data;
    int status;

    qtest_qmp_assert_success(s, "{'execute': 'quit'}");
    ev = qtest_qmp_eventwait_ref(s, "SHUTDOWN");
    data = json_object_get_object_member(ev, "data");
    g_assert_false(json_object_get_boolean_member(data, "guest"));
    g_assert_cmpstr(json_object_get_string_member(data, "reason"), ==,
                    "host-qmp-quit");
    json_object_unref(ev);
    status = qtest_wait_qemu(s, NULL);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/qmp/greeting", test_greeting);
    g_test_add_func("/qmp/unknown-and-id", test_unknown_and_id);
    g_test_add_func("/qmp/malformed", test_malformed);
    g_test_add_func("/qmp/arguments", test_arguments);
    g_test_add_func("/qmp/query-version", test_query_version);
    g_test_add_func("/qmp/query-name", test_query_name);
    g_test_add_func("/qmp/query-commands", test_query_commands);
    g_test_add_func("/qmp/status-prelaunch", test_status_prelaunch);
    g_test_add_func("/qmp/stop-cont", test_stop_cont);
    g_test_add_func("/qmp/system-reset", test_system_reset);
    g_test_add_func("/qmp/two-monitors", test_two_monitors);
    g_test_add_func("/qmp/quit", test_quit);
    return g_test_run();
}
