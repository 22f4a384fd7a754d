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
    char *argv[] = { (char *)"qemu-system-s390x", (char *)"-device",
                     (char *)"foo", (char *)"-S", NULL };
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
    char *argv[] = { (char *)"x", (char *)"-m", (char *)"1Q", NULL };
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
    g_assert_cmpstr(
        text, ==,
        "qemu-system-s390x: -m 1Q: Parameter 'size' expects a size\nYou may use k, M, G or T suffixes.\n"
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
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z qemu-system-s390x: hi\n$",
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

/* errno is the caller's after error_setg_errno(), whatever it passes */
static void test_errno_preserved(void)
{
    Error *err = NULL;

    errno = EINTR;
    error_setg_errno(&err, EACCES, "can't open %s", "f");
    g_assert_cmpint(errno, ==, EINTR);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "can't open f: Permission denied");
    error_free(err);
    err = NULL;
    errno = ENOSPC;
    error_setg(&err, "plain");
    g_assert_cmpint(errno, ==, ENOSPC);
    error_free(err);
    errno = ENOMEM;
    error_setg_errno(NULL, EIO, "dropped");
    g_assert_cmpint(errno, ==, ENOMEM);
}

static void test_class_names(void)
{
    g_assert_cmpstr(error_class_name(ERROR_CLASS_DEVICE_NOT_ACTIVE), ==,
                    "DeviceNotActive");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_KVM_MISSING_CAP), ==,
                    "KVMMissingCap");
    g_assert_cmpstr(error_class_name((ErrorClass)99), ==, "GenericError");
}

/* A hint or prefix for an error that is not kept anywhere is a no-op. */
static void test_amend_nothing(void)
{
    Error *err = NULL;

    error_prepend(NULL, "x");
    error_append_hint(NULL, "x\n");
    error_prepend(&error_fatal, "x");
    error_append_hint(&error_fatal, "x\n");
    error_prepend(&error_abort, "x");
    error_append_hint(&error_abort, "x\n");
    error_append_hint(&err, "x\n");
    g_assert_null(err);
    g_assert_null(error_fatal);
    g_assert_null(error_abort);
    error_propagate(NULL, NULL);
    error_propagate(&error_abort, NULL);
    error_propagate(&error_fatal, NULL);
}

/* The error already in the destination wins, with its class and hint. */
static void test_propagate_keeps_first(void)
{
    Error *dst = NULL, *late = NULL;

    error_set(&dst, ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'a' not found");
    error_append_hint(&dst, "first hint\n");
    error_setg(&late, "later");
    error_append_hint(&late, "late hint\n");
    error_propagate(&dst, late);
    g_assert_cmpint(error_get_class(dst), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(dst), ==, "Device 'a' not found");
    g_assert_cmpstr(error_get_hint(dst), ==, "first hint\n");
    error_free(dst);
}

/* Prefixes stack outside-in; the hint is untouched; copies are deep. */
static void test_prepend_copy_independent(void)
{
    Error *err = NULL, *copy;

    error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND,
              "The command %s has not been found", "nope");
    error_prepend(&err, "%d%%: ", 50);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "50%: The command nope has not been found");
    copy = error_copy(err);
    error_prepend(&err, "more: ");
    error_append_hint(&err, "only the original\n");
    g_assert_cmpstr(error_get_pretty(copy), ==,
                    "50%: The command nope has not been found");
    g_assert_null(error_get_hint(copy));
    g_assert_cmpint(error_get_class(copy), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_hint(err), ==, "only the original\n");
    error_free(err);
    error_free(copy);
}

/* Each report reaches a sink as one complete piece, hint separately. */
static void test_report_pieces(void)
{
    g_autofree char *text = NULL;
    Error *err = NULL;

    capture_start();
    error_report("%s-%d", "a", 1);
    g_assert_cmpint(sink_calls, ==, 1);
    error_setg(&err, "with hint");
    error_append_hint(&err, "line one\n");
    error_append_hint(&err, "line %s\n", "two");
    error_report_err(err);
    g_assert_cmpint(sink_calls, ==, 3);
    error_printf("raw %d", 5);
    text = capture_end();
    g_assert_cmpstr(text, ==,
                    "qemu-system-s390x: a-1\n"
                    "qemu-system-s390x: with hint\nline one\nline two\n"
                    "raw 5");
}

/*
 * Pushed locations hide the ones below until popped; loc_save() /
 * loc_restore() carry one across.
 */
static void test_location_stack(void)
{
    char *argv[] = { (char *)"qemu-system-s390x",
                     (char *)"-device",
                     (char *)"x,y",
                     (char *)"-object",
                     (char *)"memory-backend-ram,id=m,size=0",
                     NULL };
    g_autofree char *text = NULL;
    Location outer, inner, saved;

    capture_start();
    loc_push_none(&outer);
    loc_set_cmdline(argv, 1, 2);
    error_report("msg");
    loc_push_none(&inner);
    error_report("inner is empty");
    loc_set_cmdline(argv, 3, 2);
    error_report("inner");
    loc_save(&saved);
    g_assert_true(loc_pop(&inner) == &inner);
    error_report("outer again");
    loc_restore(&saved);
    warn_report("restored into outer");
    g_assert_true(loc_pop(&outer) == &outer);
    error_report("bottom");
    text = capture_end();
    g_assert_cmpstr(
        text, ==,
        "qemu-system-s390x: -device x,y: msg\n"
        "qemu-system-s390x: inner is empty\n"
        "qemu-system-s390x: -object memory-backend-ram,id=m,size=0: inner\n"
        "qemu-system-s390x: -device x,y: outer again\n"
        "qemu-system-s390x: -object memory-backend-ram,id=m,size=0: warning: restored into outer\n"
        "qemu-system-s390x: bottom\n");
}

static void test_progname_plain(void)
{
    error_set_progname("qemu-kvm");
    g_assert_cmpstr(error_get_progname(), ==, "qemu-kvm");
    error_set_progname("qemu-system-s390x");
}

/* Popping a location that is not on top is a bug: it aborts. */
static void test_loc_pop_mismatch(void)
{
    Location a, b;

    if (g_test_subprocess()) {
        loc_push_none(&a);
        loc_push_none(&b);
        loc_pop(&a);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
}

/* Raising a second error into a variable that holds one is a bug. */
static void test_overwrite_aborts(void)
{
    Error *err = NULL;

    if (g_test_subprocess()) {
        error_setg(&err, "first");
        error_setg(&err, "second");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
}

/* &error_fatal prints the location, message and hint, then exits. */
static void test_fatal_location_hint(void)
{
    char *argv[] = { (char *)"qemu-system-s390x", (char *)"-device",
                     (char *)"x,y", NULL };
    Location loc;

    if (g_test_subprocess()) {
        loc_push_none(&loc);
        loc_set_cmdline(argv, 1, 2);
        error_setg_errno(&error_fatal, ENOENT, "can't open %s", "/nope");
        loc_pop(&loc);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "qemu-system-s390x: -device x,y: can't open /nope: No such file or directory\n");
}

static void raise_with_hint(Error **errp)
{
    error_setg(errp, "bad value");
    error_append_hint(errp, "Try another.\n");
}

/* Propagated to &error_fatal: the prefix and hint added on the way show. */
static void test_fatal_propagated_hint(void)
{
    Error *err = NULL;

    if (g_test_subprocess()) {
        raise_with_hint(&err);
        error_prepend(&err, "prefix: ");
        error_propagate(&error_fatal, err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-s390x: prefix: bad value\n"
                              "Try another.\n");
}

/* &error_abort names the raising function, file and line, then aborts. */
static void test_abort_origin(void)
{
    if (g_test_subprocess()) {
        raise_with_hint(&error_abort);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "Unexpected error in raise_with_hint() at *test-error.c:*:\n"
        "qemu-system-s390x: bad value\n");
}

/* Propagating onto &error_abort reports where the error was raised. */
static void test_abort_propagated(void)
{
    Error *err = NULL;

    if (g_test_subprocess()) {
        raise_with_hint(&err);
        error_propagate(&error_abort, err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "Unexpected error in raise_with_hint() at *qemu-system-s390x: bad value\nTry another.\n");
}

/* The abort report goes to stderr even while a sink takes reports. */
static void test_abort_bypasses_sink(void)
{
    if (g_test_subprocess()) {
        capture_start();
        error_setg(&error_abort, "under a sink");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*qemu-system-s390x: under a sink\n");
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
    g_test_add_func("/error/errno-preserved", test_errno_preserved);
    g_test_add_func("/error/class-names", test_class_names);
    g_test_add_func("/error/amend-nothing", test_amend_nothing);
    g_test_add_func("/error/propagate-keeps-first", test_propagate_keeps_first);
    g_test_add_func("/error/prepend-copy-independent",
                    test_prepend_copy_independent);
    g_test_add_func("/error/report/pieces", test_report_pieces);
    g_test_add_func("/error/report/location-stack", test_location_stack);
    g_test_add_func("/error/report/progname-plain", test_progname_plain);
    g_test_add_func("/error/loc-pop-mismatch", test_loc_pop_mismatch);
    g_test_add_func("/error/overwrite-aborts", test_overwrite_aborts);
    g_test_add_func("/error/fatal-location-hint", test_fatal_location_hint);
    g_test_add_func("/error/fatal-propagated-hint", test_fatal_propagated_hint);
    g_test_add_func("/error/abort-origin", test_abort_origin);
    g_test_add_func("/error/abort-propagated", test_abort_propagated);
    g_test_add_func("/error/abort-bypasses-sink", test_abort_bypasses_sink);
    return g_test_run();
}
