/*
 * Unit tests for the generated option table and -h text.
 */
#include "qemu/osdep.h"
#include "sysemu/qemu-options.h"

static void test_find(void)
{
    const QEMUOption *o;

    o = qemu_options_find("device");
    g_assert_nonnull(o);
    g_assert_cmpint(o->index, ==, QEMU_OPTION_device);
    g_assert_cmpint(o->flags, ==, HAS_ARG);
    o = qemu_options_find("--nodefaults");
    g_assert_nonnull(o);
    g_assert_cmpint(o->index, ==, QEMU_OPTION_nodefaults);
    g_assert_cmpint(o->flags, ==, 0);
    g_assert_cmpint(qemu_options_find("-M")->index, ==, QEMU_OPTION_machine);
    g_assert_cmpint(qemu_options_find("help")->index, ==, QEMU_OPTION_h);
    g_assert_cmpint(qemu_options_find("no-user-config")->index, ==,
                    QEMU_OPTION_no_user_config);
    g_assert_cmpint(qemu_options_find("qtest-log")->flags, ==, HAS_ARG);
    o = qemu_options_find("hda");
    g_assert_nonnull(o);
    g_assert_true(o->flags & QEMU_OPT_UNSUPPORTED);
    g_assert_cmpint(qemu_options_find("drive")->flags, ==, HAS_ARG);
    g_assert_true(qemu_options_find("snapshot")->flags & QEMU_OPT_UNSUPPORTED);
    /* implemented since libvirt's capability probe needs it */
    g_assert_cmpint(qemu_options_find("daemonize")->flags, ==, 0);
    g_assert_null(qemu_options_find("no-such-option"));
    g_assert_null(qemu_options_find(""));
}

static void test_table(void)
{
    static const char *const needed[] = {
        "machine",     "accel",      "m",       "device",    "object",
        "global",      "nodefaults", "display", "nographic", "S",
        "name",        "uuid",       "smp",     "cpu",       "chardev",
        "mon",         "qmp",        "qtest",   "qtest-log", "no-user-config",
        "no-shutdown", "msg",        "version", "h",         "d",
        "D",           "trace",      "pidfile", "sandbox",
    };
    const QEMUOption *o;
    size_t i, n = 0;

    for (i = 0; i < ARRAY_SIZE(needed); i++) {
        g_assert_nonnull(qemu_options_find(needed[i]));
    }
    for (o = qemu_options_table(); o->name; o++) {
        g_assert_cmpint(o->index, <, QEMU_OPTION__MAX);
        n++;
    }
    g_assert_cmpuint(n, >, ARRAY_SIZE(needed));
}

static void test_help_text(void)
{
    const char *text = qemu_options_help_text();

    g_assert_true(g_str_has_prefix(text, "\nStandard options:\n"));
    g_assert_nonnull(strstr(text, "\n-device driver[,prop[=value][,...]]\n"));
    g_assert_nonnull(strstr(text, "s390-map-css=on|off"));
    g_assert_nonnull(strstr(text, "\n\nDevice options:\n"));
    g_assert_null(strstr(text, "-hda"));
    g_assert_nonnull(strstr(text, "\n-drive file=file,if=none,id=name"));
#ifdef CONFIG_SECCOMP
    g_assert_nonnull(strstr(text, "\n-sandbox "));
#else
    g_assert_null(strstr(text, "-sandbox"));
#endif
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qemu-options/find", test_find);
    g_test_add_func("/qemu-options/table", test_table);
    g_test_add_func("/qemu-options/help-text", test_help_text);
    return g_test_run();
}
