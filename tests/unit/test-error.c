/*
 * Unit tests for Error objects and error reports.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

static GString *sink_text;
static int sink_calls;

static void sink(const char *text, void *opaque)
{
    g_string_append(sink_text, text);
    sink_calls++;
}

static void capture_start(void)
{
    sink_text = g_string_new(NULL);
    sink_calls = 0;
    error_set_sink(sink, NULL);
}

/* Stop capturing and return what was printed. */
static char *capture_end(void)
{
    error_set_sink(NULL, NULL);
    return g_string_free(sink_text, false);
}

static void test_setg(void)
{
    Error *err = NULL;

    error_setg(&err, "value %d is out of range %s", 7, "1..5");
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "value 7 is out of range 1..5");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_null(error_get_hint(err));
    error_free_or_abort(&err);
    g_assert_null(err);

    error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
              "z0");
    g_assert_cmpstr(error_class_name(error_get_class(err)), ==,
                    "DeviceNotFound");
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'z0' not found");
    error_free(err);

    g_assert_cmpstr(error_class_name(ERROR_CLASS_GENERIC_ERROR), ==,
                    "GenericError");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_COMMAND_NOT_FOUND), ==,
                    "CommandNotFound");
    /* a NULL errp ignores the error */
    error_setg(NULL, "ignored");
    error_free(NULL);
}

static void test_setg_errno(void)
{
    Error *err = NULL;

    errno = 0;
    error_setg_errno(&err, ENOENT, "Could not open '%s'", "/x");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Could not open '/x': No such file or directory");
    g_assert_cmpint(errno, ==, 0);
    error_free(err);
    err = NULL;
    error_setg_errno(&err, 0, "no errno");
    g_assert_cmpstr(error_get_pretty(err), ==, "no errno");
    error_free(err);
}

static void test_propagate(void)
{
    Error *dst = NULL, *local = NULL, *second = NULL;

    error_propagate(&dst, NULL);
    g_assert_null(dst);
    error_setg(&local, "first");
    error_propagate(&dst, local);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");
    /* the first error wins, the second is freed */
    error_setg(&second, "second");
    error_propagate(&dst, second);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");
    error_free(dst);
    /* propagating into NULL frees it */
    local = NULL;
    error_setg(&local, "dropped");
    error_propagate(NULL, local);
}

static void test_prepend_hint_copy(void)
{
    Error *err = NULL, *copy;

    error_prepend(&err, "nothing happens: ");
    g_assert_null(err);
    error_setg(&err, "base");
    error_prepend(&err, "%s: ", "-device zpci");
    error_prepend(&err, "outer ");
    g_assert_cmpstr(error_get_pretty(err), ==, "outer -device zpci: base");
    error_append_hint(&err, "Valid values: %d..%d\n", 1, 65535);
    error_append_hint(&err, "second line\n");
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Valid values: 1..65535\nsecond line\n");
    copy = error_copy(err);
    error_free(err);
    g_assert_cmpstr(error_get_pretty(copy), ==, "outer -device zpci: base");
    g_assert_cmpstr(error_get_hint(copy), ==,
                    "Valid values: 1..65535\nsecond line\n");
    error_free(copy);
}

static void test_report_location(void)
{
    char *argv[] = {(char *)"qemu-system-s390x", (char *)"-device",
                    (char *)"foo", (char *)"-S", NULL};
    g_autofree char *text = NULL;
    Location loc;

    capture_start();
    error_report("plain %s", "message");
    loc_push_none(&loc);
    loc_set_cmdline(argv, 1, 2);
    error_report("'%s' is not a valid device model name", "foo");
    g_assert_cmpint(sink_calls, ==, 2);
    warn_report("careful");
    info_report("fyi");
    loc_set_cmdline(argv, 3, 1);
    error_report("one");
    loc_set_none();
    error_report("none");
    loc_pop(&loc);
    text = capture_end();
    g_assert_cmpstr(text, ==,
                    "qemu-system-s390x: plain message\n"
                    "qemu-system-s390x: -device foo: 'foo' is not a valid "
                    "device model name\n"
                    "qemu-system-s390x: -device foo: warning: careful\n"
                    "qemu-system-s390x: -device foo: info: fyi\n"
                    "qemu-system-s390x: -S: one\n"
                    "qemu-system-s390x: none\n");
}

static void test_report_err_hint(void)
{
    char *argv[] = {(char *)"x", (char *)"-m", (char *)"1Q", NULL};
    g_autofree char *text = NULL;
    Error *err = NULL;
    Location loc, saved;

    loc_push_none(&loc);
    loc_set_cmdline(argv, 1, 2);
    loc_save(&saved);
    loc_set_none();
    error_setg(&err, "Parameter 'size' expects a size");
    error_append_hint(&err, "You may use k, M, G or T suffixes.\n");
    capture_start();
    loc_restore(&saved);
    error_report_err(err);
    err = NULL;
    error_setg(&err, "just a warning");
    warn_report_err(err);
    text = capture_end();
    loc_pop(&loc);
    g_assert_cmpstr(text, ==,
                    "qemu-system-s390x: -m 1Q: Parameter 'size' expects a "
                    "size\nYou may use k, M, G or T suffixes.\n"
                    "qemu-system-s390x: -m 1Q: warning: just a warning\n");
}

static void test_report_timestamp_progname(void)
{
    g_autofree char *text = NULL;
    g_autofree char *text2 = NULL;

    capture_start();
    message_with_timestamp = true;
    error_report("hi");
    message_with_timestamp = false;
    text = capture_end();
    g_assert_true(g_regex_match_simple(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z "
        "qemu-system-s390x: hi\n$",
        text, 0, 0));

    error_set_progname("/usr/local/bin/my-qemu");
    g_assert_cmpstr(error_get_progname(), ==, "my-qemu");
    capture_start();
    error_report("x");
    text2 = capture_end();
    error_set_progname("qemu-system-s390x");
    g_assert_cmpstr(text2, ==, "my-qemu: x\n");
}

static void test_fatal(void)
{
    if (g_test_subprocess()) {
        error_setg(&error_fatal, "boom %d", 1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-s390x: boom 1\n");
}

static void test_abort(void)
{
    if (g_test_subprocess()) {
        error_setg(&error_abort, "impossible");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*Unexpected error in *impossible*");
}

static void test_propagate_fatal(void)
{
    Error *err = NULL;

    if (g_test_subprocess()) {
        error_setg(&err, "late");
        error_propagate(&error_fatal, err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-s390x: late\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error/setg", test_setg);
    g_test_add_func("/error/setg-errno", test_setg_errno);
    g_test_add_func("/error/propagate", test_propagate);
    g_test_add_func("/error/prepend-hint-copy", test_prepend_hint_copy);
    g_test_add_func("/error/report/location", test_report_location);
    g_test_add_func("/error/report/err-hint", test_report_err_hint);
    g_test_add_func("/error/report/timestamp", test_report_timestamp_progname);
    g_test_add_func("/error/fatal", test_fatal);
    g_test_add_func("/error/abort", test_abort);
    g_test_add_func("/error/propagate-fatal", test_propagate_fatal);
    return g_test_run();
}
