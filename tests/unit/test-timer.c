/*
 * Unit tests for clocks and timers (util/qemu-timer.c).
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"

typedef struct Log {
    GString *s;
    int64_t when[16];
    int n;
} Log;

static Log tlog;

static void log_reset(void)
{
    if (tlog.s) {
        g_string_free(tlog.s, TRUE);
    }
    memset(&tlog, 0, sizeof(tlog));
    tlog.s = g_string_new("");
}

static void log_cb(void *opaque)
{
    g_string_append(tlog.s, opaque);
    if (tlog.n < 16) {
        tlog.when[tlog.n++] = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    }
}

static void test_manual_ordering(void)
{
    int64_t base;
    QEMUTimer *a, *b, *c, *d;

    qemu_clock_set_virtual_manual();
    log_reset();
    base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    a = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"a");
    b = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"b");
    c = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"c");
    d = timer_new_us(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"d");
    timer_mod(c, base + 300);
    timer_mod(a, base + 100);
    timer_mod(b, base + 200);
    timer_mod(d, (base + 2000) / SCALE_US + 1);
    g_assert_true(timer_pending(a));
    g_assert_cmpint(timer_expire_time_ns(b), ==, base + 200);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 100);

    qemu_clock_warp_virtual(base + 250);
    g_assert_cmpstr(tlog.s->str, ==, "ab");
    g_assert_cmpint(tlog.when[0], ==, base + 100);
    g_assert_cmpint(tlog.when[1], ==, base + 200);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, base + 250);
    g_assert_false(timer_pending(a));
    g_assert_true(timer_pending(c));

    /* warping backwards does nothing */
    qemu_clock_warp_virtual(base);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, base + 250);

    qemu_clock_warp_virtual(base + 10000);
    g_assert_cmpstr(tlog.s->str, ==, "abcd");
    g_assert_cmpint(tlog.when[3], ==, ((base + 2000) / SCALE_US + 1) * 1000);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    timer_free(a);
    timer_free(b);
    timer_free(c);
    timer_free(d);
}

static void test_same_deadline_fifo(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    QEMUTimer *t[3];
    static const char *names[] = { "x", "y", "z" };
    int i;

    log_reset();
    for (i = 0; i < 3; i++) {
        t[i] = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)names[i]);
        timer_mod(t[i], base + 50);
    }
    /* re-arming moves y behind z */
    timer_mod(t[1], base + 50);
    qemu_clock_warp_virtual(base + 50);
    g_assert_cmpstr(tlog.s->str, ==, "xzy");
    for (i = 0; i < 3; i++) {
        timer_free(t[i]);
    }
}

typedef struct Rearm {
    QEMUTimer *t;
    int count;
    int64_t period;
} Rearm;

static void rearm_cb(void *opaque)
{
    Rearm *r = opaque;

    r->count++;
    if (r->count < 5) {
        timer_mod(r->t, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + r->period);
    }
}

static void test_rearm_from_callback(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    Rearm r = { .period = 10 };

    r.t = timer_new_ns(QEMU_CLOCK_VIRTUAL, rearm_cb, &r);
    timer_mod(r.t, base + 10);
    qemu_clock_warp_virtual(base + 35);
    g_assert_cmpint(r.count, ==, 3);
    g_assert_cmpint(timer_expire_time_ns(r.t), ==, base + 40);
    qemu_clock_warp_virtual(base + 1000);
    g_assert_cmpint(r.count, ==, 5);
    g_assert_false(timer_pending(r.t));
    timer_free(r.t);
}

/* A delay past the end of the clock arms the timer at INT64_MAX. */
static void test_mod_in_saturates(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    QEMUTimer *a = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"a");
    QEMUTimer *b = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"b");
    QEMUTimer *c = timer_new_ms(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"c");

    log_reset();
    timer_mod_in_ns(a, 100);
    g_assert_cmpint(timer_expire_time_ns(a), ==, base + 100);
    timer_mod_in_ns(b, UINT64_MAX);
    g_assert_cmpint(timer_expire_time_ns(b), ==, INT64_MAX);
    /* in the timer's scale: no wrap either */
    timer_mod(c, INT64_MAX / 1000);
    g_assert_cmpint(timer_expire_time_ns(c), ==, INT64_MAX);
    qemu_clock_warp_virtual(INT64_MAX - 50);
    g_assert_cmpstr(tlog.s->str, ==, "a");
    timer_mod_in_ns(a, 100);
    g_assert_cmpint(timer_expire_time_ns(a), ==, INT64_MAX);
    timer_mod_in_ns(b, INT64_MAX);
    g_assert_cmpint(timer_expire_time_ns(b), ==, INT64_MAX);
    qemu_clock_warp_virtual(INT64_MAX - 1);
    g_assert_cmpstr(tlog.s->str, ==, "a");
    /* the clock's end is reached: they run there */
    qemu_clock_warp_virtual(INT64_MAX);
    g_assert_cmpstr(tlog.s->str, ==, "acab");
    timer_free(a);
    timer_free(b);
    timer_free(c);
}

typedef struct Killer {
    QEMUTimer *self;
    QEMUTimer *victim;
    bool free_self;
} Killer;

static void killer_cb(void *opaque)
{
    Killer *k = opaque;

    g_string_append(tlog.s, "k");
    timer_del(k->victim);
    if (k->free_self) {
        timer_free(k->self);
        k->self = NULL;
    }
}

static void test_delete_in_callback(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    Killer k = { .free_self = true };
    QEMUTimer *after;

    log_reset();
    k.self = timer_new_ns(QEMU_CLOCK_VIRTUAL, killer_cb, &k);
    k.victim = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"v");
    after = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_cb, (void *)"w");
    timer_mod(k.self, base + 5);
    timer_mod(k.victim, base + 5); /* same deadline, behind the killer */
    timer_mod(after, base + 6);
    qemu_clock_warp_virtual(base + 100);
    g_assert_cmpstr(tlog.s->str, ==, "kw");
    g_assert_null(k.self);
    g_assert_false(timer_pending(k.victim));
    timer_del(k.victim); /* deleting twice is harmless */
    timer_free(k.victim);
    timer_free(after);
    timer_free(NULL);
}

static void test_realtime_main_loop(void)
{
    QEMUTimer *t;
    int64_t start = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    int64_t deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    log_reset();
    qemu_timers_init();
    qemu_timers_init();
    t = timer_new_ms(QEMU_CLOCK_REALTIME, log_cb, (void *)"r");
    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 20);
    while (timer_pending(t) && g_get_monotonic_time() < deadline) {
        g_main_context_iteration(NULL, TRUE);
    }
    g_assert_cmpstr(tlog.s->str, ==, "r");
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_REALTIME) - start, >=,
                    20 * SCALE_MS);
    timer_free(t);
}

static void test_host_clock(void)
{
    int64_t wall = qemu_clock_get_ns(QEMU_CLOCK_HOST);

    g_assert_cmpint(wall / NANOSECONDS_PER_SECOND, >, 1600000000);
    g_assert_cmpint(qemu_clock_get_ms(QEMU_CLOCK_HOST), >=, wall / SCALE_MS);
}

/* Runs first: the automatic virtual clock, before manual mode is set. */
static void test_virtual_follows_runstate(void)
{
    int64_t v0, v1, v2;

    g_assert_false(qemu_clock_virtual_is_manual());
    v0 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, v0);

    cpu_enable_ticks();
    g_usleep(2000);
    v1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(v1 - v0, >=, 2 * SCALE_MS);
    cpu_disable_ticks();
    v2 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, v2);
    cpu_enable_ticks();
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) - v2, <,
                    1000 * SCALE_MS);

    /* manual mode freezes it whatever the run state */
    qemu_clock_set_virtual_manual();
    v1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, v1);
    cpu_disable_ticks();
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, v1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timer/virtual/runstate", test_virtual_follows_runstate);
    g_test_add_func("/timer/virtual/ordering", test_manual_ordering);
    g_test_add_func("/timer/virtual/fifo", test_same_deadline_fifo);
    g_test_add_func("/timer/virtual/rearm", test_rearm_from_callback);
    g_test_add_func("/timer/virtual/delete", test_delete_in_callback);
    /* last of the virtual ones: it leaves the clock at its end */
    g_test_add_func("/timer/virtual/saturate", test_mod_in_saturates);
    g_test_add_func("/timer/realtime/main-loop", test_realtime_main_loop);
    g_test_add_func("/timer/host", test_host_clock);
    return g_test_run();
}
