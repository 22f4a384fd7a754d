/*
 * Clocks and timers driven by the GLib main loop.
 *
 * Each clock keeps its armed timers in a singly linked list sorted by
 * expiry time (ties keep arming order).  Running the expired timers pops
 * the head one at a time, so a callback may arm, delete or free any timer.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"

struct QEMUTimer {
    int64_t expire_time; /* ns; -1 when not armed */
    QEMUClockType type;
    int scale;
    QEMUTimerCB *cb;
    void *opaque;
    QEMUTimer *next;
};

typedef struct VirtualClock {
    bool manual;    /* qtest: moves only by qemu_clock_warp_virtual() */
    bool ticking;   /* VM running (automatic mode only) */
    int64_t offset; /* while ticking: virtual = host monotonic + offset */
    int64_t frozen; /* value while not ticking, or the manual value */
} VirtualClock;

static QEMUTimer *active_timers[QEMU_CLOCK_MAX];
static VirtualClock vclock;
static GSource *timer_source;

static int64_t host_wall_ns(void)
{
    return g_get_real_time() * SCALE_US;
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_VIRTUAL:
        if (!vclock.manual && vclock.ticking) {
            return get_clock() + vclock.offset;
        }
        return vclock.frozen;
    case QEMU_CLOCK_HOST:
        return host_wall_ns();
    default:
        g_assert_not_reached();
    }
}

void cpu_enable_ticks(void)
{
    if (!vclock.ticking) {
        vclock.offset = vclock.frozen - get_clock();
        vclock.ticking = true;
    }
}

void cpu_disable_ticks(void)
{
    if (vclock.ticking) {
        if (!vclock.manual) {
            vclock.frozen = get_clock() + vclock.offset;
        }
        vclock.ticking = false;
    }
}

void qemu_clock_set_virtual_manual(void)
{
    if (!vclock.manual) {
        vclock.frozen = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
        vclock.manual = true;
    }
}

bool qemu_clock_virtual_is_manual(void)
{
    return vclock.manual;
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    g_assert(type >= 0 && type < QEMU_CLOCK_MAX);
    ts->type = type;
    ts->scale = scale;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->expire_time = -1;
    return ts;
}

static void timer_unlink(QEMUTimer *ts)
{
    QEMUTimer **pt;

    for (pt = &active_timers[ts->type]; *pt; pt = &(*pt)->next) {
        if (*pt == ts) {
            *pt = ts->next;
            break;
        }
    }
    ts->next = NULL;
    ts->expire_time = -1;
}

void timer_del(QEMUTimer *ts)
{
    if (ts->expire_time >= 0) {
        timer_unlink(ts);
    }
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time)
{
    QEMUTimer **pt;

    timer_del(ts);
    ts->expire_time = MAX(expire_time, 0);
    for (pt = &active_timers[ts->type]; *pt; pt = &(*pt)->next) {
        if ((*pt)->expire_time > ts->expire_time) {
            break;
        }
    }
    ts->next = *pt;
    *pt = ts;
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    int64_t ns;

    if (__builtin_mul_overflow(expire_time, (int64_t)ts->scale, &ns)) {
        ns = expire_time < 0 ? 0 : INT64_MAX;
    }
    timer_mod_ns(ts, ns);
}

/* now + @delay_ns on @type's clock, saturated at INT64_MAX */
static int64_t clock_ns_after(QEMUClockType type, uint64_t delay_ns)
{
    int64_t now = qemu_clock_get_ns(type);

    if (delay_ns > (uint64_t)(INT64_MAX - MAX(now, 0))) {
        return INT64_MAX;
    }
    return now + (int64_t)delay_ns;
}

void timer_mod_in_ns(QEMUTimer *ts, uint64_t delay_ns)
{
    timer_mod_ns(ts, clock_ns_after(ts->type, delay_ns));
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return ts->expire_time >= 0;
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    return ts->expire_time;
}

static bool clock_is_running(QEMUClockType type)
{
    return type != QEMU_CLOCK_VIRTUAL || (!vclock.manual && vclock.ticking);
}

int64_t qemu_clock_deadline_ns(QEMUClockType type)
{
    QEMUTimer *head = active_timers[type];

    if (!head) {
        return -1;
    }
    return MAX(head->expire_time - qemu_clock_get_ns(type), 0);
}

static bool run_timers_until(QEMUClockType type, int64_t now)
{
    QEMUTimer *ts;
    bool ran = false;

    while ((ts = active_timers[type]) && ts->expire_time <= now) {
        active_timers[type] = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;
        ts->cb(ts->opaque); /* may free ts */
        ran = true;
    }
    return ran;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    return run_timers_until(type, qemu_clock_get_ns(type));
}

void qemu_clock_warp_virtual(int64_t dest)
{
    QEMUTimer *ts;

    g_assert(vclock.manual);
    while ((ts = active_timers[QEMU_CLOCK_VIRTUAL]) &&
           ts->expire_time <= dest) {
        vclock.frozen = MAX(vclock.frozen, ts->expire_time);
        run_timers_until(QEMU_CLOCK_VIRTUAL, vclock.frozen);
    }
    vclock.frozen = MAX(vclock.frozen, dest);
}

/* Smallest deadline over the clocks that run by themselves, or -1. */
static int64_t timers_deadline_ns(void)
{
    int64_t best = -1;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        int64_t d;

        if (!clock_is_running(type)) {
            continue;
        }
        d = qemu_clock_deadline_ns(type);
        if (d >= 0 && (best < 0 || d < best)) {
            best = d;
        }
    }
    return best;
}

static gboolean timer_source_prepare(GSource *source, gint *timeout)
{
    int64_t ns = timers_deadline_ns();

    if (ns < 0) {
        *timeout = -1;
    } else {
        /* round up so we never wake just before the deadline */
        *timeout = (gint)MIN((ns + SCALE_MS - 1) / SCALE_MS, G_MAXINT);
    }
    return ns == 0;
}

static gboolean timer_source_check(GSource *source)
{
    return timers_deadline_ns() == 0;
}

static gboolean timer_source_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        if (clock_is_running(type)) {
            qemu_clock_run_timers(type);
        }
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_source_funcs = {
    .prepare = timer_source_prepare,
    .check = timer_source_check,
    .dispatch = timer_source_dispatch,
};

void qemu_timers_init(void)
{
    if (timer_source) {
        return;
    }
    timer_source = g_source_new(&timer_source_funcs, sizeof(GSource));
    g_source_set_name(timer_source, "qemu-timers");
    g_source_attach(timer_source, NULL);
}
