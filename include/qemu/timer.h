/*
 * Clocks and timers.
 *
 * QEMU_CLOCK_REALTIME follows the host monotonic clock at all times.
 * QEMU_CLOCK_VIRTUAL is guest time: it starts at 0, follows the host
 * monotonic clock while the VM runs (cpu_enable_ticks) and stands still
 * while it is stopped (cpu_disable_ticks).  In manual mode (qtest) it moves
 * only when qemu_clock_warp_virtual() moves it.
 * QEMU_CLOCK_HOST is the host's wall clock (CLOCK_REALTIME).
 *
 * Timers fire from the GLib main loop (default context) once
 * qemu_timers_init() has attached the timer source.  Callbacks may re-arm,
 * delete or free any timer, including their own.  Single-threaded: call
 * everything from the main loop thread.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

#include "qemu/osdep.h"
#include <time.h>

#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

#define NANOSECONDS_PER_SECOND 1000000000LL

typedef enum QEMUClockType {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_MAX
} QEMUClockType;

typedef void QEMUTimerCB(void *opaque);

typedef struct QEMUTimer QEMUTimer;

/* Current time of @type in nanoseconds. */
int64_t qemu_clock_get_ns(QEMUClockType type);

static inline int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

static inline int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

/*
 * Nanoseconds from now until the earliest pending timer of @type expires
 * (0 if one is already due), or -1 when no timer of @type is pending.
 */
int64_t qemu_clock_deadline_ns(QEMUClockType type);

/* Run the expired timers of @type in expiry order; true if any ran. */
bool qemu_clock_run_timers(QEMUClockType type);

/*
 * A timer on @type whose expiry times are counted in units of @scale ns.
 * It starts unarmed.
 */
QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque);

static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_NS, cb, opaque);
}

static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_US, cb, opaque);
}

static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_MS, cb, opaque);
}

/* Arm (or re-arm) @ts to fire when its clock reaches @expire_time (ns). */
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time);
/* Same with @expire_time in the timer's own scale. */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
/*
 * Arm (or re-arm) @ts to fire @delay_ns from now on its clock. Devices use
 * this rather than adding a delay to a clock reading themselves: a
 * deadline past INT64_MAX (a clock set near its end, a huge delay
 * property) is INT64_MAX, where the clocks stop, instead of wrapping.
 */
void timer_mod_in_ns(QEMUTimer *ts, uint64_t delay_ns);
/* Disarm @ts (no-op if not armed). */
void timer_del(QEMUTimer *ts);
/* Disarm and free @ts; NULL is accepted. */
void timer_free(QEMUTimer *ts);
bool timer_pending(QEMUTimer *ts);
/* Expiry time in ns, or -1 when not armed. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

/* Attach the timer GSource to the default main context (idempotent). */
void qemu_timers_init(void);

/* VM run state hooks: the virtual clock runs only between these. */
void cpu_enable_ticks(void);
void cpu_disable_ticks(void);

/*
 * Manual mode (qtest): from now on QEMU_CLOCK_VIRTUAL moves only through
 * qemu_clock_warp_virtual(), whatever the run state.
 */
void qemu_clock_set_virtual_manual(void);
bool qemu_clock_virtual_is_manual(void);

/*
 * Move the manual virtual clock forward to @dest, running each timer that
 * expires on the way at its own expiry time, in order.  A @dest in the
 * past leaves the clock where it is.
 */
void qemu_clock_warp_virtual(int64_t dest);

/* Host monotonic time in ns. */
static inline int64_t get_clock(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

#endif
