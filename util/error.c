/*
 * Error objects: what went wrong (class, message, hint) and where it was
 * raised, and how a new error reaches the destination its raiser was
 * given (a caller's variable, nowhere, process exit or abort).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

struct Error {
    ErrorClass klass;
    GString *text; /* the message, as error_get_pretty() returns it */
    GString *hint; /* NULL until error_append_hint() */
    ErrorOrigin origin;
};

Error *error_fatal;
Error *error_abort;

/* What a destination pointer asks for. */
typedef enum ErrorDest {
    ERR_DEST_DROP,  /* NULL: the caller does not care */
    ERR_DEST_VAR,   /* a caller's Error * */
    ERR_DEST_EXIT,  /* &error_fatal */
    ERR_DEST_ABORT, /* &error_abort */
} ErrorDest;

static ErrorDest dest_of(Error **errp)
{
    if (errp == NULL) {
        return ERR_DEST_DROP;
    }
    if (errp == &error_abort) {
        return ERR_DEST_ABORT;
    }
    return errp == &error_fatal ? ERR_DEST_EXIT : ERR_DEST_VAR;
}

/* The error a hint or prefix may be added to, or NULL. */
static Error *amendable(Error **errp)
{
    return dest_of(errp) == ERR_DEST_VAR ? *errp : NULL;
}

const char *error_class_name(ErrorClass klass)
{
    switch (klass) {
    case ERROR_CLASS_COMMAND_NOT_FOUND:
        return "CommandNotFound";
    case ERROR_CLASS_DEVICE_NOT_ACTIVE:
        return "DeviceNotActive";
    case ERROR_CLASS_DEVICE_NOT_FOUND:
        return "DeviceNotFound";
    case ERROR_CLASS_KVM_MISSING_CAP:
        return "KVMMissingCap";
    case ERROR_CLASS_GENERIC_ERROR:
    default:
        return "GenericError";
    }
}

/* A programming error: say where it came from, then dump core. */
static void G_GNUC_NORETURN die_unexpected(Error *err)
{
    /* the monitor may be the sink; a dying process writes to stderr */
    error_set_sink(NULL, NULL);
    error_printf("Unexpected error in %s() at %s:%d:\n", err->origin.func,
                 err->origin.file, err->origin.line);
    error_report_err(err);
    abort();
}

/* Give @err to @errp's owner; an error already held there wins. */
static void deliver(Error **errp, Error *err)
{
    switch (dest_of(errp)) {
    case ERR_DEST_ABORT:
        die_unexpected(err);
    case ERR_DEST_EXIT:
        error_report_err(err);
        exit(EXIT_FAILURE);
    case ERR_DEST_VAR:
        if (*errp == NULL) {
            *errp = err;
            return;
        }
        break;
    case ERR_DEST_DROP:
        break;
    }
    error_free(err);
}

void error_raise(Error **errp, ErrorOrigin origin, ErrorClass klass,
                 int os_errno, const char *fmt, ...)
{
    int errno_on_entry = errno;
    Error *err;
    va_list ap;

    if (dest_of(errp) == ERR_DEST_DROP) {
        return;
    }
    /* a second error into the same variable loses the first: a bug */
    g_assert(dest_of(errp) != ERR_DEST_VAR || *errp == NULL);

    err = g_new0(Error, 1);
    err->klass = klass;
    err->origin = origin;
    err->text = g_string_new(NULL);
    va_start(ap, fmt);
    g_string_vprintf(err->text, fmt, ap);
    va_end(ap);
    if (os_errno) {
        g_string_append_printf(err->text, ": %s", g_strerror(os_errno));
    }
    deliver(errp, err);
    errno = errno_on_entry;
}

void error_propagate(Error **dst_errp, Error *local_err)
{
    if (local_err) {
        deliver(dst_errp, local_err);
    }
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    Error *err = amendable(errp);
    g_autofree char *prefix = NULL;
    va_list ap;

    if (!err) {
        return;
    }
    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_string_prepend(err->text, prefix);
}

void error_append_hint(Error **errp, const char *fmt, ...)
{
    Error *err = amendable(errp);
    va_list ap;

    if (!err) {
        return;
    }
    err->hint = err->hint ? err->hint : g_string_new(NULL);
    va_start(ap, fmt);
    g_string_append_vprintf(err->hint, fmt, ap);
    va_end(ap);
}

const char *error_get_pretty(const Error *err)
{
    return err->text->str;
}

const char *error_get_hint(const Error *err)
{
    return err->hint ? err->hint->str : NULL;
}

ErrorClass error_get_class(const Error *err)
{
    return err->klass;
}

static GString *gstring_dup(const GString *s)
{
    return s ? g_string_new_len(s->str, s->len) : NULL;
}

Error *error_copy(const Error *err)
{
    Error *dup = g_new(Error, 1);

    *dup = *err;
    dup->text = gstring_dup(err->text);
    dup->hint = gstring_dup(err->hint);
    return dup;
}

void error_free(Error *err)
{
    if (!err) {
        return;
    }
    g_string_free(err->text, TRUE);
    if (err->hint) {
        g_string_free(err->hint, TRUE);
    }
    g_free(err);
}

void error_free_or_abort(Error **errp)
{
    g_assert(errp && *errp);
    g_clear_pointer(errp, error_free);
}

/* The hint is printed as it is, after the located message line. */
static void print_and_free(Error *err, bool warning)
{
    if (warning) {
        warn_report("%s", err->text->str);
    } else {
        error_report("%s", err->text->str);
    }
    if (err->hint) {
        error_printf("%s", err->hint->str);
    }
    error_free(err);
}

void error_report_err(Error *err)
{
    print_and_free(err, false);
}

void warn_report_err(Error *err)
{
    print_and_free(err, true);
}
