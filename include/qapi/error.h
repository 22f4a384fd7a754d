/*
 * Error reporting with Error objects.
 *
 * A function that can fail takes `Error **errp` as its last argument and
 * returns bool (true on success), a pointer (NULL on failure) or a
 * negative errno.  On failure it sets *errp with error_setg() and does not
 * print anything itself.  Callers pass:
 *   - NULL to ignore the error,
 *   - &error_fatal to report it and exit(1) (start-up configuration only),
 *   - &error_abort for "cannot happen" (aborts),
 *   - the address of a local `Error *err = NULL` to inspect it.
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

#include "qemu/osdep.h"

/* The error classes QMP reports in {"error": {"class": ...}} */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR = 0,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
} ErrorClass;

typedef struct Error Error;

/*
 * Destinations with a meaning of their own: only their addresses are
 * used, the variables always stay NULL.
 */
extern Error *error_fatal;
extern Error *error_abort;

/* The source line that raised an error, shown when &error_abort fires. */
typedef struct ErrorOrigin {
    const char *file;
    const char *func;
    int line;
} ErrorOrigin;

#define ERROR_ORIGIN_HERE                                                      \
    ((ErrorOrigin){ .file = __FILE__, .func = __func__, .line = __LINE__ })

/* The QMP name of @klass, e.g. "GenericError". */
const char *error_class_name(ErrorClass klass);

/*
 * Raise an error of class @klass with a printf-style message; a non-zero
 * @os_errno appends ": <strerror(os_errno)>".  *errp must be NULL (unless
 * errp is NULL, &error_fatal or &error_abort).  errno is preserved.
 * Normally used through the macros below.
 */
void error_raise(Error **errp, ErrorOrigin origin, ErrorClass klass,
                 int os_errno, const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* A new GenericError. */
#define error_setg(errp, ...)                                                  \
    error_raise((errp), ERROR_ORIGIN_HERE, ERROR_CLASS_GENERIC_ERROR, 0,       \
                __VA_ARGS__)
/* Like error_setg() and append ": strerror(os_errno)" (none for 0). */
#define error_setg_errno(errp, os_errno, ...)                                  \
    error_raise((errp), ERROR_ORIGIN_HERE, ERROR_CLASS_GENERIC_ERROR,          \
                (os_errno), __VA_ARGS__)
/* An error of another QMP class. */
#define error_set(errp, klass, ...)                                            \
    error_raise((errp), ERROR_ORIGIN_HERE, (klass), 0, __VA_ARGS__)

/* Prepend text to the message of *errp (no-op when errp or *errp is NULL). */
void error_prepend(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/*
 * Append to the hint that error_report_err() prints after the message
 * (no-op when errp or *errp is NULL).  Hints end with a newline.
 */
void error_append_hint(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * Hand @local_err (may be NULL) to @dst_errp as if it had been raised
 * there: &error_fatal and &error_abort act on it, NULL drops it.  When
 * *dst_errp already holds an error, that one is kept and @local_err freed.
 */
void error_propagate(Error **dst_errp, Error *local_err);

const char *error_get_pretty(const Error *err);
/* The appended hint, NULL if none. */
const char *error_get_hint(const Error *err);
ErrorClass error_get_class(const Error *err);
Error *error_copy(const Error *err);
void error_free(Error *err);
/* Free *errp, which must hold an error, and clear it. */
void error_free_or_abort(Error **errp);

/* Print "qemu-system-s390x: <location>: <message>\n<hint>" and free it. */
void error_report_err(Error *err);
/* Same, with "warning: " before the message. */
void warn_report_err(Error *err);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif
