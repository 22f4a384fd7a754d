/*
 * Debug logging and trace points.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/error-report.h"

int qemu_loglevel;
static FILE *logfile;
static GPtrArray *trace_patterns; /* of char*, "-" prefix = disable */
static unsigned trace_generation = 1;
static bool trace_any;

typedef struct LogItem {
    int mask;
    const char *name;
    const char *help;
} LogItem;

static const LogItem log_items[] = {
    { LOG_GUEST_ERROR, "guest_errors",
      "log when the guest does something invalid (a channel program or PCI instruction that fails)" },
    { LOG_UNIMP, "unimp", "log when the guest uses an unimplemented function" },
    { LOG_TRACE, "trace:PATTERN", "enable trace points matching PATTERN" },
    { 0, NULL, NULL },
};

void qemu_log(const char *fmt, ...)
{
    FILE *f = logfile ? logfile : stderr;
    va_list ap;

    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fflush(f);
}

void qemu_print_log_usage(FILE *f)
{
    fprintf(f, "Log items (comma separated):\n");
    for (const LogItem *item = log_items; item->name; item++) {
        fprintf(f, "%-15s %s\n", item->name, item->help);
    }
}

bool qemu_set_log_items(const char *str, Error **errp)
{
    g_auto(GStrv) items = g_strsplit(str, ",", 0);
    int mask = 0;

    for (int i = 0; items[i]; i++) {
        const char *it = items[i];
        const LogItem *item;

        if (g_str_has_prefix(it, "trace:")) {
            trace_enable_pattern(it + 6, true);
            mask |= LOG_TRACE;
            continue;
        }
        for (item = log_items; item->name; item++) {
            if (item->mask != LOG_TRACE && !strcmp(it, item->name)) {
                break;
            }
        }
        if (!item->name) {
            error_setg(errp, "Invalid -d option \"%s\"", it);
            error_append_hint(errp, "Use -d help to list the log items\n");
            return false;
        }
        mask |= item->mask;
    }
    qemu_loglevel |= mask;
    return true;
}

bool qemu_set_log_filename(const char *filename, Error **errp)
{
    FILE *f = fopen(filename, "a");

    if (!f) {
        error_setg_errno(errp, errno, "could not open log file '%s'", filename);
        return false;
    }
    if (logfile) {
        fclose(logfile);
    }
    logfile = f;
    return true;
}

void trace_enable_pattern(const char *pattern, bool enable)
{
    if (!trace_patterns) {
        trace_patterns = g_ptr_array_new_with_free_func(g_free);
    }
    g_ptr_array_add(trace_patterns,
                    g_strconcat(enable ? "" : "-", pattern, NULL));
    trace_generation++;
    trace_any = true;
    qemu_loglevel |= LOG_TRACE;
}

static bool read_events_file(const char *path, Error **errp)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GError *gerr = NULL;

    if (!g_file_get_contents(path, &text, NULL, &gerr)) {
        error_setg(errp, "could not read trace events file: %s", gerr->message);
        g_error_free(gerr);
        return false;
    }
    lines = g_strsplit(text, "\n", 0);
    for (int i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);

        if (*l && *l != '#') {
            trace_enable_pattern(l[0] == '-' ? l + 1 : l, l[0] != '-');
        }
    }
    return true;
}

bool trace_opt_parse(const char *optarg, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(optarg, ",", 0);

    for (int i = 0; parts[i]; i++) {
        const char *p = parts[i];

        if (g_str_has_prefix(p, "enable=")) {
            trace_enable_pattern(p + 7, true);
        } else if (g_str_has_prefix(p, "events=")) {
            if (!read_events_file(p + 7, errp)) {
                return false;
            }
        } else if (g_str_has_prefix(p, "file=")) {
            if (!qemu_set_log_filename(p + 5, errp)) {
                return false;
            }
        } else if (strchr(p, '=')) {
            error_setg(errp, "Invalid parameter '%.*s'",
                       (int)(strchr(p, '=') - p), p);
            return false;
        } else if (i == 0) {
            trace_enable_pattern(p, true);
        } else {
            error_setg(errp, "Invalid parameter '%s'", p);
            return false;
        }
    }
    return true;
}

bool trace_event_check(TraceEvent *ev)
{
    if (!trace_any) {
        return false;
    }
    if (ev->generation != trace_generation) {
        ev->enabled = false;
        for (guint i = 0; i < trace_patterns->len; i++) {
            const char *pat = trace_patterns->pdata[i];
            bool enable = pat[0] != '-';

            if (g_pattern_match_simple(enable ? pat : pat + 1, ev->name)) {
                ev->enabled = enable;
            }
        }
        ev->generation = trace_generation;
    }
    return ev->enabled;
}

void trace_event_emit(TraceEvent *ev, const char *fmt, ...)
{
    FILE *f = logfile ? logfile : stderr;
    va_list ap;

    fprintf(f, "%d@%" PRId64 ".%06" PRId64 ":%s ", (int)getpid(),
            g_get_real_time() / G_USEC_PER_SEC,
            g_get_real_time() % G_USEC_PER_SEC, ev->name);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fflush(f);
}
