/*
 * Reports on stderr with the program name and the current location.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"

static Location std_loc = {.kind = LOC_NONE};
static Location *cur_loc = &std_loc;
static char *progname;
static ErrorSink *error_sink;
static void *error_sink_opaque;
bool message_with_timestamp;

void error_set_progname(const char *argv0)
{
    const char *slash = strrchr(argv0, '/');

    g_free(progname);
    progname = g_strdup(slash ? slash + 1 : argv0);
}

const char *error_get_progname(void)
{
    return progname ? progname : "qemu-system-s390x";
}

void error_set_sink(ErrorSink *sink, void *opaque)
{
    error_sink = sink;
    error_sink_opaque = opaque;
}

void error_vprintf(const char *fmt, va_list ap)
{
    if (error_sink) {
        char *text = g_strdup_vprintf(fmt, ap);
        error_sink(text, error_sink_opaque);
        g_free(text);
        return;
    }
    vfprintf(stderr, fmt, ap);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprintf(fmt, ap);
    va_end(ap);
}

Location *loc_push_none(Location *loc)
{
    loc->kind = LOC_NONE;
    loc->prev = cur_loc;
    cur_loc = loc;
    return loc;
}

Location *loc_pop(Location *loc)
{
    assert(cur_loc == loc && loc->prev);
    cur_loc = loc->prev;
    loc->prev = NULL;
    return loc;
}

Location *loc_save(Location *loc)
{
    *loc = *cur_loc;
    loc->prev = NULL;
    return loc;
}

void loc_restore(Location *loc)
{
    Location *prev = cur_loc->prev;

    *cur_loc = *loc;
    cur_loc->prev = prev;
}

void loc_set_none(void)
{
    cur_loc->kind = LOC_NONE;
}

void loc_set_cmdline(char **argv, int idx, int cnt)
{
    cur_loc->kind = LOC_CMDLINE;
    cur_loc->num = cnt;
    cur_loc->ptr = argv + idx;
}

static void append_loc(GString *out)
{
    const char *sep = "";
    char *const *argp;
    int i;

    g_string_append_printf(out, "%s: ", error_get_progname());
    if (cur_loc->kind == LOC_CMDLINE) {
        argp = cur_loc->ptr;
        for (i = 0; i < cur_loc->num; i++) {
            g_string_append_printf(out, "%s%s", sep, argp[i]);
            sep = " ";
        }
        g_string_append(out, ": ");
    }
}

static void append_timestamp(GString *out)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    g_autofree char *text = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S");

    g_string_append_printf(out, "%s.%06dZ ", text,
                           g_date_time_get_microsecond(now));
}

/* Compose the whole report first so a sink receives it in one piece. */
static void G_GNUC_PRINTF(2, 0)
    vreport(const char *prefix, const char *fmt, va_list ap)
{
    g_autoptr(GString) out = g_string_new(NULL);

    if (message_with_timestamp) {
        append_timestamp(out);
    }
    append_loc(out);
    if (prefix) {
        g_string_append(out, prefix);
    }
    g_string_append_vprintf(out, fmt, ap);
    g_string_append_c(out, '\n');
    error_printf("%s", out->str);
}

void error_vreport(const char *fmt, va_list ap)
{
    vreport(NULL, fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(NULL, fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("warning: ", fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("info: ", fmt, ap);
    va_end(ap);
}
