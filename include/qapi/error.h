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

extern Error *error_fatal;
extern Error *error_abort;

/* The QMP name of @klass, e.g. "GenericError". */
const char *error_class_name(ErrorClass klass);

/* Set *errp (if errp is non-NULL) to a new GenericError. *errp must be NULL. */
#define error_setg(errp, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, __VA_ARGS__)
/* Like error_setg() and append ": strerror(os_errno)". */
#define error_setg_errno(errp, os_errno, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), __VA_ARGS__)
#define error_set(errp, klass, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, (klass), \
                       __VA_ARGS__)

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...) G_GNUC_PRINTF(6, 7);
void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass klass,
                        const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Prepend text to the message of *errp (no-op when errp or *errp is NULL). */
void error_prepend(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Append a hint printed on its own line after the message by error_report_err. */
void error_append_hint(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * Move @local_err into @dst_errp; handles &error_fatal / &error_abort.
 * If *dst_errp is already set, @local_err is freed.
 */
void error_propagate(Error **dst_errp, Error *local_err);

const char *error_get_pretty(const Error *err);
const char *error_get_hint(const Error *err);
ErrorClass error_get_class(const Error *err);
Error *error_copy(const Error *err);
void error_free(Error *err);
void error_free_or_abort(Error **errp);

/* Print "qemu-system-s390x: <location>: <message>\n<hint>" and free it. */
void error_report_err(Error *err);
/* Same, prefix with "warning: ". */
void warn_report_err(Error *err);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif
