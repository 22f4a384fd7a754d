/*
 * Unit tests of QMP dispatch, argument helpers, and a QMP monitor on a
 * unix socket chardev driven through the GLib main context.
 */
#include "qemu/osdep.h"
#include "monitor/qmp.h"
#include "monitor/monitor.h"
#include "qobject/qjson.h"
#include "chardev/char.h"
#include <sys/socket.h>
#include <sys/un.h>

static char *dispatch(const char *req, bool negotiated)
{
    g_autoptr(JsonNode) node = qjson_parse_string(req, &error_abort);
    g_autoptr(JsonObject) reply = qmp_dispatch(node, negotiated);
    g_autoptr(JsonNode) rn = json_node_init_object(json_node_alloc(), reply);

    return qjson_to_string(rn, false);
}

static void check(const char *req, bool negotiated, const char *want)
{
    g_autofree char *got = dispatch(req, negotiated);

    g_assert_cmpstr(got, ==, want);
}

#define ERR(cls, desc)                                                         \
    "{\"error\": {\"class\": \"" cls "\", \"desc\": \"" desc "\"}}"

/* test-args: echoes its typed arguments back. */
static bool qmp_test_args(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "s", "b", "i", NULL };
    const char *s = "none";
    bool b = false, has_b;
    int64_t i = 0;
    JsonObject *o;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "s", true, &s, NULL, errp) ||
        !qmp_arg_bool(args, "b", false, &b, &has_b, errp) ||
        !qmp_arg_int(args, "i", false, &i, NULL, errp)) {
        return false;
    }
    o = json_object_new();
    json_object_set_string_member(o, "s", s);
    json_object_set_boolean_member(o, "b", b);
    json_object_set_boolean_member(o, "has-b", has_b);
    json_object_set_int_member(o, "i", i);
    *ret = json_node_init_object(json_node_alloc(), o);
    json_object_unref(o);
    return true;
}

static bool qmp_test_fail(JsonObject *args, JsonNode **ret, Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'x' not found");
    return false;
}

static void test_negotiation(void)
{
    check("{\"execute\":\"query-status\"}", false,
          ERR("CommandNotFound",
              "Expecting capabilities negotiation with 'qmp_capabilities'"));
    check("{\"execute\":\"nope\",\"id\":1}", false,
          "{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", \"desc\": "
          "\"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
    check("{\"execute\":\"qmp_capabilities\"}", false, "{\"return\": {}}");
    check(
        "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}",
        false, "{\"return\": {}}");
    check(
        "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"foo\"]}}",
        false,
        ERR("GenericError", "Parameter 'null' does not accept value 'foo'"));
    check("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"xx\":1}}", false,
          ERR("GenericError", "Parameter 'xx' is unexpected"));
    check("{\"execute\":\"qmp_capabilities\"}", true,
          ERR("CommandNotFound",
              "Capabilities negotiation is already complete, command ignored"));
}

static void test_unknown_and_shapes(void)
{
    check("{\"execute\":\"nope\",\"id\":\"a\"}", true,
          "{\"id\": \"a\", \"error\": {\"class\": \"CommandNotFound\", "
          "\"desc\": \"The command nope has not been found\"}}");
    check("[]", true, ERR("GenericError", "QMP input must be a JSON object"));
    check("3", true, ERR("GenericError", "QMP input must be a JSON object"));
    check("{\"execute\":3}", true,
          ERR("GenericError", "QMP input member 'execute' must be a string"));
    check("{\"execute\":\"quit\",\"arguments\":[]}", true,
          ERR("GenericError",
              "QMP input member 'arguments' must be an object"));
    check("{\"foo\":1}", true,
          ERR("GenericError", "QMP input member 'foo' is unexpected"));
    check("{}", true, ERR("GenericError", "QMP input lacks member 'execute'"));
    check("{\"exec-oob\":\"query-status\"}", true,
          ERR("GenericError", "QMP input member 'exec-oob' is unexpected"));
}

static void test_id_and_return(void)
{
    check(
        "{\"execute\":\"test-args\",\"arguments\":{\"s\":\"x\"},\"id\":[1,{\"a\":null}]}",
        true,
        "{\"return\": {\"s\": \"x\", \"b\": false, \"has-b\": false, \"i\": 0}, \"id\": [1, {\"a\": null}]}");
    check("{\"execute\":\"query-status\",\"id\":{\"x\":1.5}}", true,
          "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, "
          "\"running\": false}, \"id\": {\"x\": 1.5}}");
    check("{\"execute\":\"query-name\"}", true, "{\"return\": {}}");
    check(
        "{\"execute\":\"test-fail\",\"id\":7}", true,
        "{\"id\": 7, \"error\": {\"class\": \"DeviceNotFound\", \"desc\": \"Device 'x' not found\"}}");
}

static void test_arg_helpers(void)
{
    check("{\"execute\":\"test-args\"}", true,
          ERR("GenericError", "Parameter 's' is missing"));
    check("{\"execute\":\"test-args\",\"arguments\":{\"s\":1}}", true,
          ERR("GenericError",
              "Invalid parameter type for 's', expected: string"));
    check("{\"execute\":\"test-args\",\"arguments\":{\"s\":\"a\",\"b\":1}}",
          true,
          ERR("GenericError",
              "Invalid parameter type for 'b', expected: boolean"));
    check("{\"execute\":\"test-args\",\"arguments\":{\"s\":\"a\",\"i\":1.5}}",
          true,
          ERR("GenericError",
              "Invalid parameter type for 'i', expected: integer"));
    check("{\"execute\":\"test-args\",\"arguments\":{\"s\":\"a\",\"z\":1}}",
          true, ERR("GenericError", "Parameter 'z' is unexpected"));
    check(
        "{\"execute\":\"test-args\",\"arguments\":{\"s\":\"a\",\"b\":true,\"i\":-3}}",
        true,
        "{\"return\": {\"s\": \"a\", \"b\": true, \"has-b\": true, \"i\": -3}}");
}

static void test_query_commands(void)
{
    g_autofree char *got = dispatch("{\"execute\":\"query-commands\"}", true);

    g_assert_nonnull(strstr(got, "{\"name\": \"qmp_capabilities\"}"));
    g_assert_nonnull(strstr(got, "{\"name\": \"test-args\"}"));
}

/* Read one CR LF terminated line from @fd, iterating the main context. */
static char *read_line(int fd)
{
    GString *line = g_string_new(NULL);
    char c;

    while (!g_str_has_suffix(line->str, "\r\n")) {
        ssize_t n = recv(fd, &c, 1, MSG_DONTWAIT);
        if (n == 1) {
            g_string_append_c(line, c);
        } else {
            g_assert_true(n < 0 && errno == EAGAIN);
            g_main_context_iteration(NULL, TRUE);
        }
    }
    g_string_truncate(line, line->len - 2);
    return g_string_free(line, FALSE);
}

static int client_connect(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(sa.sun_path, path, sizeof(sa.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    return fd;
}

static void send_str(int fd, const char *s)
{
    g_assert_cmpint(write(fd, s, strlen(s)), ==, strlen(s));
}

static void expect_line(int fd, const char *want)
{
    g_autofree char *got = read_line(fd);

    g_assert_cmpstr(got, ==, want);
}

static void session(const char *path)
{
    int fd = client_connect(path);
    g_autofree char *greeting = read_line(fd);

    g_assert_true(
        g_str_has_prefix(greeting,
                         "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": "));
    g_assert_true(g_str_has_suffix(greeting, "\"capabilities\": [\"oob\"]}}"));
    send_str(fd, "{\"execute\":\"query-name\"}");
    expect_line(
        fd, ERR("CommandNotFound",
                "Expecting capabilities negotiation with 'qmp_capabilities'"));
    /* fragmented, two values in one chunk, garbage in between */
    send_str(fd, "{\"execute\":\"qmp_capa");
    send_str(fd, "bilities\"}@{\"execute\":\"query-name\",\"id\":1}");
    expect_line(fd, "{\"return\": {}}");
    expect_line(fd, ERR("GenericError", "JSON parse error, stray '@'"));
    expect_line(fd, "{\"return\": {}, \"id\": 1}");
    qmp_send_event("TEST_EVENT", NULL);
    {
        g_autofree char *ev = read_line(fd);
        g_assert_true(g_str_has_prefix(ev, "{\"timestamp\": {\"seconds\": "));
        g_assert_true(g_str_has_suffix(ev, "\"event\": \"TEST_EVENT\"}"));
    }
    close(fd);
}

static void test_monitor_socket(void)
{
    g_autofree char *dir = g_dir_make_tmp("qmp-test-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "m.sock", NULL);
    g_autoptr(JsonObject) opts = json_object_new();
    Chardev *chr;

    json_object_set_string_member(opts, "backend", "socket");
    json_object_set_string_member(opts, "id", "mon0");
    json_object_set_string_member(opts, "path", path);
    json_object_set_string_member(opts, "server", "on");
    json_object_set_string_member(opts, "wait", "off");
    chr = qemu_chr_new_from_opts(opts, &error_abort);
    g_assert_true(monitor_init_qmp(chr, false, &error_abort));
    g_assert_false(monitor_init_qmp(chr, false, NULL));
    session(path);
    /* a new client gets a new greeting and must negotiate again */
    session(path);
    monitor_cleanup();
    qemu_chr_cleanup();
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

static void test_chardev_errors(void)
{
    static const struct {
        const char *json, *err;
    } cases[] = {
        { "{\"backend\":\"foo\",\"id\":\"x\"}",
          "'foo' is not a valid char driver name" },
        { "{\"backend\":\"null\"}", "chardev: no id specified" },
        { "{\"backend\":\"null\",\"id\":\"1x\"}",
          "Parameter 'id' expects an identifier" },
        { "{\"backend\":\"null\",\"id\":\"x\",\"bogus\":\"1\"}",
          "Invalid parameter 'bogus'" },
        { "{\"backend\":\"socket\",\"id\":\"x\",\"path\":\"/p\",\"server\":\"maybe\"}",
          "Parameter 'server' expects 'on' or 'off'" },
        { "{\"backend\":\"socket\",\"id\":\"x\",\"fd\":\"abc\"}",
          "Unable to parse FD number abc" },
        { "{\"backend\":\"file\",\"id\":\"x\"}",
          "chardev: file: no filename given" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(JsonNode) n = qjson_parse_string(cases[i].json, &error_abort);
        Error *err = NULL;

        g_assert_null(qemu_chr_new_from_opts(json_node_get_object(n), &err));
        g_assert_nonnull(err);
        g_assert_cmpstr(error_get_pretty(err), ==, cases[i].err);
        error_free(err);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qmp_register_command("test-args", qmp_test_args, QCO_NO_FLAGS);
    qmp_register_command("test-fail", qmp_test_fail, QCO_NO_FLAGS);
    g_test_add_func("/qmp/dispatch/negotiation", test_negotiation);
    g_test_add_func("/qmp/dispatch/unknown-and-shapes",
                    test_unknown_and_shapes);
    g_test_add_func("/qmp/dispatch/id-and-return", test_id_and_return);
    g_test_add_func("/qmp/dispatch/arg-helpers", test_arg_helpers);
    g_test_add_func("/qmp/dispatch/query-commands", test_query_commands);
    g_test_add_func("/qmp/monitor/socket", test_monitor_socket);
    g_test_add_func("/chardev/errors", test_chardev_errors);
    return g_test_run();
}
