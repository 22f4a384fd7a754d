/*
 * system_reset on the s390-ccw-virtio machine returns CPU 0 to its
 * initial state (the machine reaches the CPU model through the reset
 * hook the CPU model registers, include/hw/s390x/cpu-reset.h).
 */
#include "css-test.h"

static void expect_reply(QTestState *s, const char *line, const char *want)
{
    g_autofree gchar *reply = cmd(s, "%s", line);

    g_assert_cmpstr(reply, ==, want);
}

static void test_cr6_cleared(void)
{
    QTestState *s = start(NULL);
    JsonObject *ev;

    expect_reply(s, "s390_cr6", "OK 0x0000000000000000");
    expect_reply(s, "s390_cr6 0x10000000", "OK 0x0000000010000000");
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    ev = qtest_qmp_eventwait_ref(s, "RESET");
    json_object_unref(ev);
    expect_reply(s, "s390_cr6", "OK 0x0000000000000000");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390/reset/cr6-cleared", test_cr6_cleared);
    return g_test_run();
}
