/*
 * The diag288 watchdog and -watchdog-action, driven over qtest
 * (s390_diag288, docs/devel/qtest-s390x.rst) so that clock_step makes it
 * expire at once: the refused functions and operands, the timer on the
 * virtual clock, each action with the WATCHDOG event, whether the
 * watchdog is disarmed after it, system_reset disarming it, and QMP
 * set-action.
 */
#include <glib.h>
#include <string.h>
#include <sys/wait.h>
#include "libqtest.h"
#include "sclp-test.h"

#define SEC INT64_C(1000000000)

static const char *diag288(QTestState *s, unsigned fn, uint64_t timeout,
                           uint64_t action)
{
    static char buf[64];
    g_autofree char *r = NULL;

    qtest_sendf(s,
                "s390_diag288 %u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
                fn, timeout, action);
    r = qtest_recv_reply(s);
    g_strlcpy(buf, r, sizeof(buf));
    return buf;
}

#define REFUSED "OK pgm 0x0006"

static QTestState *wd_start(const char *action)
{
    g_autofree char *args = g_strdup_printf("-device diag288,id=wd%s%s",
                                            action ? " -watchdog-action " : "",
                                            action ? action : "");

    return qtest_init(args);
}

/* Arm for 15 s, step past it: the WATCHDOG event names @action */
static void fire(QTestState *s, const char *action)
{
    JsonObject *ev, *data;

    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, "OK 0");
    qtest_clock_step(s, 15 * SEC);
    ev = qtest_qmp_eventwait_ref(s, "WATCHDOG");
    data = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(data, "action"), ==, action);
    g_assert_cmpuint(json_object_get_size(data), ==, 1);
    json_object_unref(ev);
}

static void test_refused(void)
{
    QTestState *s = qtest_init(NULL);

    /* no device */
    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, REFUSED);
    qtest_quit(s);

    s = qtest_init("-device diag288 -device diag288");
    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, REFUSED);
    qtest_quit(s);

    s = wd_start(NULL);
    g_assert_cmpstr(diag288(s, 1, 30, 0), ==, REFUSED); /* change, disarmed */
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, REFUSED);  /* cancel, disarmed */
    g_assert_cmpstr(diag288(s, 0, 14, 0), ==, REFUSED); /* under 15 s */
    g_assert_cmpstr(diag288(s, 0, 15, 1), ==, REFUSED); /* an action */
    g_assert_cmpstr(diag288(s, 3, 15, 0), ==, REFUSED);
    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, "OK 0");
    g_assert_cmpstr(diag288(s, 0, 20, 0), ==, "OK 0"); /* init again */
    g_assert_cmpstr(diag288(s, 1, 15, 0), ==, "OK 0");
    g_assert_cmpstr(diag288(s, 1, 14, 0), ==, REFUSED);
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, "OK 0");
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, REFUSED);
    qtest_quit(s);
}

/* The virtual clock: 14 s do not expire a 15 s timer, 15 do; reset */
static void test_timer_reset(void)
{
    QTestState *s = wd_start(NULL);
    JsonObject *ev, *data;

    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, "OK 0");
    qtest_clock_step(s, 14 * SEC);
    /* still armed: change works (an expiry would have disarmed it) */
    g_assert_cmpstr(diag288(s, 1, 15, 0), ==, "OK 0");
    qtest_clock_step(s, 14 * SEC);
    g_assert_cmpstr(diag288(s, 1, 15, 0), ==, "OK 0");
    qtest_clock_step(s, 15 * SEC);
    ev = qtest_qmp_eventwait_ref(s, "WATCHDOG");
    data = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(data, "action"), ==, "reset");
    json_object_unref(ev);
    ev = qtest_qmp_eventwait_ref(s, "RESET");
    data = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(data, "reason"), ==,
                    "guest-reset");
    g_assert_true(json_object_get_boolean_member(data, "guest"));
    json_object_unref(ev);
    g_assert_cmpstr(diag288(s, 1, 15, 0), ==, REFUSED); /* disarmed */

    /* system_reset disarms it */
    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, "OK 0");
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(s, "RESET");
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, REFUSED);
    qtest_quit(s);
}

static void test_pause(void)
{
    QTestState *s = wd_start("pause");

    fire(s, "pause");
    qtest_qmp_eventwait(s, "STOP");
    g_assert_cmpstr(qtest_query_status(s), ==, "watchdog");
    /* pause leaves it armed */
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, "OK 0");
    qtest_qmp_assert_success(s, "{'execute': 'cont'}");
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    qtest_quit(s);
}

static void test_debug_none(void)
{
    static const char *const actions[] = { "debug", "none" };

    for (unsigned i = 0; i < G_N_ELEMENTS(actions); i++) {
        QTestState *s = wd_start(actions[i]);

        fire(s, actions[i]);
        g_assert_cmpstr(qtest_query_status(s), ==, "running");
        g_assert_cmpstr(diag288(s, 2, 0, 0), ==, "OK 0"); /* still armed */
        qtest_quit(s);
    }
}

static void test_shutdown_nmi(void)
{
    QTestState *s = wd_start("shutdown");
    bool pending;

    /* the guest hears of it as of system_powerdown: signal quiesce */
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_QUIESCE), 0, NULL), ==, 0x0020);
    fire(s, "shutdown");
    qtest_qmp_eventwait(s, "POWERDOWN");
    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x0020);
    g_assert_cmphex(qtest_readb(s, SCCB + 10), ==, EV_QUIESCE);
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, REFUSED); /* disarmed */
    qtest_quit(s);

    /* no CPU under qtest: the NMI reaches none */
    s = wd_start("inject-nmi");
    fire(s, "inject-nmi");
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, REFUSED);
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    qtest_quit(s);
}

static void test_poweroff(void)
{
    QTestState *s = wd_start("poweroff");
    int st;

    g_assert_cmpstr(diag288(s, 0, 15, 0), ==, "OK 0");
    qtest_sendf(s, "clock_step %" G_GINT64_FORMAT "\n", 15 * SEC);
    st = qtest_wait_qemu(s, NULL);
    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
    qtest_quit(s);
}

/* QMP set-action: the watchdog action, and reboot=shutdown */
static void test_set_action(void)
{
    QTestState *s = wd_start(NULL);
    JsonObject *rsp, *ev;

    rsp = qtest_qmp(s, "{'execute': 'set-action', "
                       "'arguments': {'watchdog': 'bogus'}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "Parameter 'watchdog' does not accept value 'bogus'");
    json_object_unref(rsp);
    /* nothing takes effect when one value is refused */
    qmp_expect_error_and_unref(
        qtest_qmp(s, "{'execute': 'set-action', 'arguments': "
                     "{'watchdog': 'pause', 'reboot': 'halt'}}"),
        "GenericError");
    qmp_expect_error_and_unref(
        qtest_qmp(s, "{'execute': 'set-action', 'arguments': "
                     "{'watchdog': 'pause', 'panic': 'halt'}}"),
        "GenericError");
    fire(s, "reset");
    qtest_qmp_eventwait(s, "RESET");

    qtest_qmp_assert_success(s, "{'execute': 'set-action', "
                                "'arguments': {'watchdog': 'pause'}}");
    fire(s, "pause");
    qtest_qmp_eventwait(s, "STOP");
    g_assert_cmpstr(qtest_query_status(s), ==, "watchdog");
    qtest_qmp_assert_success(s, "{'execute': 'cont'}");
    g_assert_cmpstr(diag288(s, 2, 0, 0), ==, "OK 0");

    /* reboot=shutdown: the watchdog's reset becomes a shutdown */
    qtest_qmp_assert_success(s, "{'execute': 'set-action', 'arguments': "
                                "{'watchdog': 'reset', 'reboot': 'shutdown'}}");
    fire(s, "reset");
    ev = qtest_qmp_eventwait_ref(s, "SHUTDOWN");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(ev, "data"), "reason"),
                    ==, "guest-reset");
    json_object_unref(ev);
    qtest_wait_qemu(s, NULL);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/diag288/refused", test_refused);
    g_test_add_func("/diag288/timer-reset", test_timer_reset);
    g_test_add_func("/diag288/pause", test_pause);
    g_test_add_func("/diag288/debug-none", test_debug_none);
    g_test_add_func("/diag288/shutdown-nmi", test_shutdown_nmi);
    g_test_add_func("/diag288/poweroff", test_poweroff);
    g_test_add_func("/diag288/set-action", test_set_action);
    return g_test_run();
}
