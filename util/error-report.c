/*
 * Messages for humans on stderr (or on a sink that took its place):
 *   [timestamp ][guest-name ]program: [location: ][severity: ]message
 * where the location is the command-line option being processed.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"

bool message_with_timestamp;
bool error_with_guest_name;
static char *error_guest_name;

static char *progname;

static ErrorSink *sink_fn;
static void *sink_opaque;

/* The stack of locations; the bottom one is never popped. */
static Location loc_bottom;
static Location *loc_top = &loc_bottom;

void error_set_guest_name(const char *name)
{
    g_free(error_guest_name);
    error_guest_name = g_strdup(name);
}

void error_set_progname(const char *argv0)
{
    g_free(progname);
    progname = g_path_get_basename(argv0);
}

const char *error_get_progname(void)
{
    return progname ? progname : "qemu-system-s390x";
}

void error_set_sink(ErrorSink *sink, void *opaque)
{
    sink_fn = sink;
    sink_opaque = opaque;
}

/* Everything printed goes out here, one complete piece at a time. */
static void put_text(const char *text)
{
    if (sink_fn) {
        sink_fn(text, sink_opaque);
    } else {
        fputs(text, stderr);
    }
}

void error_vprintf(const char *fmt, va_list ap)
{
    g_autofree char *text = g_strdup_vprintf(fmt, ap);

    put_text(text);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprintf(fmt, ap);
    va_end(ap);
}

/* Point @loc at @n command-line words (none when @words is NULL). */
static void loc_point(Location *loc, char *const *words, int n)
{
    loc->words = words;
    loc->nwords = words ? n : 0;
}

Location *loc_push_none(Location *loc)
{
    loc_point(loc, NULL, 0);
    loc->below = loc_top;
    loc_top = loc;
    return loc;
}

Location *loc_pop(Location *loc)
{
    /* pops must match pushes, and the bottom stays */
    g_assert(loc == loc_top && loc != &loc_bottom);
    loc_top = loc->below;
    loc->below = NULL;
    return loc;
}

void loc_set_none(void)
{
    loc_point(loc_top, NULL, 0);
}

void loc_set_cmdline(char **argv, int idx, int cnt)
{
    loc_point(loc_top, argv + idx, cnt);
}

Location *loc_save(Location *loc)
{
    loc_point(loc, loc_top->words, loc_top->nwords);
    loc->below = NULL;
    return loc;
}

void loc_restore(Location *loc)
{
    loc_point(loc_top, loc->words, loc->nwords);
}

/* "2026-12-01T23:28:16.123456Z " (UTC, microseconds), as -msg timestamp=on */
static void add_timestamp(GString *line)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    g_autofree char *secs = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S");

    g_string_append_printf(line, "%s.%06dZ ", secs,
                           g_date_time_get_microsecond(now));
}

/* "-device foo: " for the words of the current location, if any. */
static void add_location(GString *line)
{
    if (!loc_top->nwords) {
        return;
    }
    for (int i = 0; i < loc_top->nwords; i++) {
        g_string_append(line, loc_top->words[i]);
        g_string_append_c(line, i + 1 < loc_top->nwords ? ' ' : ':');
    }
    g_string_append_c(line, ' ');
}

/* Print @msg as one report line; @severity is "" or e.g. "warning: ". */
static void put_report(const char *severity, const char *msg)
{
    g_autoptr(GString) line = g_string_new(NULL);

    if (message_with_timestamp) {
        add_timestamp(line);
    }
    if (error_with_guest_name && error_guest_name) {
        g_string_append_printf(line, "%s ", error_guest_name);
    }
    g_string_append_printf(line, "%s: ", error_get_progname());
    add_location(line);
    g_string_append_printf(line, "%s%s\n", severity, msg);
    put_text(line->str);
}

/* Format the caller's message, then print it as a report line. */
static void G_GNUC_PRINTF(2, 0)
    put_vreport(const char *severity, const char *fmt, va_list ap)
{
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);

    put_report(severity, msg);
}

void error_report(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    put_vreport("", format, args);
    va_end(args);
}

void warn_report(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    put_vreport("warning: ", format, args);
    va_end(args);
}

void info_report(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    put_vreport("info: ", format, args);
    va_end(args);
}
