/*
 * -sandbox in the emulator: with every group denied it still starts and
 * serves QMP, the kernel reports the filter on the process
 * (/proc/PID/status "Seccomp: 2"), "off" installs none, and bad arguments
 * exit 1 with QEMU's messages.  (What the filter denies is checked in
 * tests/unit/test-sandbox.c.)  Without libseccomp the option is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config-host.h"
#include "libqtest.h"

#define PFX "qemu-system-s390x: "
#define ALL_DENIED                                                             \
    "-sandbox on,obsolete=deny,elevateprivileges=deny,"                        \
    "spawn=deny,resourcecontrol=deny"

#ifdef CONFIG_SECCOMP

/* The "Seccomp:" mode of the emulator's process: 0 none, 2 filter. */
static int seccomp_mode(QTestState *s)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status",
                                            (int)qtest_pid(s));
    g_autofree char *text = NULL;
    const char *field;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    field = strstr(text, "\nSeccomp:");
    g_assert_nonnull(field);
    return atoi(field + strlen("\nSeccomp:"));
}

/*
 * LeakSanitizer stops the world at exit with a clone() that is not a
 * thread, which spawn=deny kills: no leak check for sandboxed emulators.
 */
static void no_leak_check_in_emulator(void)
{
    const char *cur = getenv("ASAN_OPTIONS");
    g_autofree char *opts = g_strdup_printf("%s%sdetect_leaks=0",
                                            cur ? cur : "", cur ? ":" : "");

    g_setenv("ASAN_OPTIONS", opts, TRUE);
}

static void check_serves_qmp(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");

    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    rsp = qtest_qmp(
        s,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine', 'property': 'type'}}");
    g_assert_cmpstr(json_object_get_string_member(rsp, "return"), ==,
                    "s390-ccw-virtio-7.2-machine");
    json_object_unref(rsp);
}

static void test_all_denied_serves_qmp(void)
{
    QTestState *s;

    no_leak_check_in_emulator();
    s = qtest_init("-machine s390-ccw-virtio " ALL_DENIED);
    g_assert_cmpint(seccomp_mode(s), ==, 2);
    check_serves_qmp(s);
    /* a QMP quit: the sandboxed process exits normally */
    qtest_qmp_send(s, "{'execute': 'quit'}");
    g_assert_true(WIFEXITED(qtest_wait_qemu(s, NULL)));
    g_assert_cmpint(WEXITSTATUS(qtest_wait_qemu(s, NULL)), ==, 0);
    qtest_quit(s);
}

/* Repeated -sandbox options stack their filters, as in QEMU. */
static void test_repeated(void)
{
    QTestState *s;

    no_leak_check_in_emulator();
    s = qtest_init(
        "-machine s390-ccw-virtio -sandbox on -sandbox on,spawn=deny");
    g_assert_cmpint(seccomp_mode(s), ==, 2);
    check_serves_qmp(s);
    qtest_quit(s);
}

static void test_off(void)
{
    QTestState *s = qtest_init("-machine s390-ccw-virtio -sandbox off");

    g_assert_cmpint(seccomp_mode(s), ==, 0);
    check_serves_qmp(s);
    qtest_quit(s);
}

#endif

static void check_refused(const char *arg, const char *msg)
{
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S -sandbox %s",
        arg);
    g_autofree char *want = g_strdup_printf(PFX "-sandbox %s: %s\n", arg, msg);
    g_autofree gchar *out = NULL;
    g_autofree gchar *err = NULL;
    int status;

    out = qtest_run_cmdline(args, &status, &err);
    g_test_message("-sandbox %s -> status %d, stderr: %s", arg, status, err);
    g_assert_cmpint(status, ==, 1);
    g_assert_cmpstr(err, ==, want);
}

static void test_bad_arguments(void)
{
#ifdef CONFIG_SECCOMP
    check_refused("on,spawn=maybe", "invalid argument for spawn");
    check_refused("on,elevateprivileges=no",
                  "invalid argument for elevateprivileges");
    check_refused("on,obsolete=x,resourcecontrol=y",
                  "invalid argument for obsolete");
    check_refused("on,fork=deny", "Invalid parameter 'fork'");
    check_refused("maybe", "Parameter 'enable' expects 'on' or 'off'");
#else
    /* without libseccomp even "off" is refused, as in QEMU */
    check_refused("on", "option '-sandbox' is not supported by this program");
    check_refused("off", "option '-sandbox' is not supported by this program");
#endif
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#ifdef CONFIG_SECCOMP
    g_test_add_func("/sandbox/all-denied-serves-qmp",
                    test_all_denied_serves_qmp);
    g_test_add_func("/sandbox/repeated", test_repeated);
    g_test_add_func("/sandbox/off", test_off);
#endif
    g_test_add_func("/sandbox/bad-arguments", test_bad_arguments);
    return g_test_run();
}
