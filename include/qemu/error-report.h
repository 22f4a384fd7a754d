/*
 * Human-readable error reports on stderr, in QEMU's form:
 *   qemu-system-s390x: -device foo: 'foo' is not a valid device model name
 * The "-device foo" part is the current location, set by whoever is
 * processing configuration (the command-line option being handled).
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

#include "qemu/osdep.h"

/*
 * Where the configuration being processed came from, for the prefix of
 * reports.  Locations form a stack: loc_push_none() puts a caller-owned
 * Location on top, loc_set_*() change the top one, loc_pop() removes it.
 */
typedef struct Location {
    /* private to util/error-report.c */
    char *const *words; /* command-line words shown; NULL: no location */
    int nwords;
    struct Location *below; /* the location pushed before this one */
} Location;

/* Push a new (empty) location; returns @loc. */
Location *loc_push_none(Location *loc);
/* Pop @loc, which must be the current location; returns @loc. */
Location *loc_pop(Location *loc);
/* Make the current location argv[idx..idx+cnt-1] ("-device foo"). */
void loc_set_cmdline(char **argv, int idx, int cnt);
/* Make the current location empty (no prefix but the program name). */
void loc_set_none(void);
/* Copy the current location into @loc, to loc_restore() it later. */
Location *loc_save(Location *loc);
/* Make the current location what loc_save() put into @loc. */
void loc_restore(Location *loc);

/* The program name in messages ("qemu-system-s390x" by default). */
void error_set_progname(const char *argv0);
const char *error_get_progname(void);

/* When true, each report is prefixed with an ISO 8601 timestamp (-msg timestamp=on). */
extern bool message_with_timestamp;
/* -msg guest-name=on: reports start with the guest's name (-name), when
 * it has one */
extern bool error_with_guest_name;
/* The name for that (copied; NULL: none) */
void error_set_guest_name(const char *name);

void error_vprintf(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);
void error_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void error_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void warn_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void info_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/*
 * Redirect error_printf output (e.g. into a monitor); NULL restores stderr.
 * The sink gets complete messages.
 */
typedef void ErrorSink(const char *text, void *opaque);
void error_set_sink(ErrorSink *sink, void *opaque);

#endif
