/*
 * Debug logging (-d, -D) and trace points (-trace, -d trace:PATTERN).
 *
 * Everything here is off by default. Log output goes to stderr or to the
 * file given with -D. Trace points are named "<layer>_<event>" (e.g.
 * "qmp_dispatch", "qtest_command") and switched on by glob patterns.
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define LOG_GUEST_ERROR (1 << 0) /* the guest did something invalid */
#define LOG_UNIMP       (1 << 1) /* the guest used something unimplemented */
#define LOG_TRACE       (1 << 2) /* output of enabled trace points */

extern int qemu_loglevel;

static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

void qemu_log(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
#define qemu_log_mask(mask, ...)                                               \
    do {                                                                       \
        if (G_UNLIKELY(qemu_loglevel_mask(mask))) {                            \
            qemu_log(__VA_ARGS__);                                             \
        }                                                                      \
    } while (0)

/*
 * Parse a -d argument ("guest_errors,unimp,trace:qmp_*"); "help" prints
 * the items. Trace patterns found are enabled as with -trace.
 */
bool qemu_set_log_items(const char *str, Error **errp);
void qemu_print_log_usage(FILE *f);
bool qemu_set_log_filename(const char *filename, Error **errp);

/* -trace [enable=]PATTERN | events=FILE | file=FILE */
bool trace_opt_parse(const char *optarg, Error **errp);
void trace_enable_pattern(const char *pattern, bool enable);

typedef struct TraceEvent {
    const char *name;
    unsigned generation; /* of the pattern set it was last checked at */
    bool enabled;
} TraceEvent;

bool trace_event_check(TraceEvent *ev);
void trace_event_emit(TraceEvent *ev, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* A trace point: trace_point("qmp_dispatch", "cmd=%s", name); */
#define trace_point(name, ...)                                                 \
    do {                                                                       \
        static TraceEvent trace_ev_ = { name, 0, false };                      \
        if (G_UNLIKELY(trace_event_check(&trace_ev_))) {                       \
            trace_event_emit(&trace_ev_, __VA_ARGS__);                         \
        }                                                                      \
    } while (0)

#endif
