/*
 * QMP: command registry, events, argument access.
 *
 * Wire format (docs/devel/qmp.rst): the server greets with
 * {"QMP": {"version": ..., "capabilities": []}}; a client sends
 * {"execute": "NAME", "arguments": {...}, "id": ANY} and gets
 * {"return": VALUE, "id": ANY} or
 * {"error": {"class": "GenericError", "desc": "..."}, "id": ANY}.
 */
#ifndef MONITOR_QMP_H
#define MONITOR_QMP_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

/*
 * A command handler. @args is the "arguments" object (never NULL: an
 * empty object when the client sent none). On success set *ret to the
 * return value (NULL means {}), return true. On failure set errp.
 */
typedef bool QmpCommandFunc(JsonObject *args, JsonNode **ret, Error **errp);

typedef enum QmpCommandFlags {
    QCO_NO_FLAGS = 0,
    /* allowed before qmp_capabilities (only qmp_capabilities itself) */
    QCO_ALLOW_BEFORE_NEGOTIATION = 1 << 0,
} QmpCommandFlags;

/* Register a command (typically from a module_init() function). */
void qmp_register_command(const char *name, QmpCommandFunc *fn,
                          QmpCommandFlags flags);
/* Names of all registered commands, sorted (for query-commands). */
GPtrArray *qmp_command_names(void);

/*
 * Run one request object on behalf of a monitor; returns the reply
 * object (with "id" copied) or NULL when there is no reply.
 * @negotiated: whether qmp_capabilities has been run on this session.
 * Exposed for tests; monitors call it for each complete JSON value.
 */
JsonObject *qmp_dispatch(JsonNode *request, bool negotiated);

/* Send {"event": NAME, "data": DATA, "timestamp": {...}} to every
 * negotiated QMP monitor. Takes ownership of @data (may be NULL). */
void qmp_send_event(const char *name, JsonObject *data);

/*
 * Argument helpers with QMP's error texts:
 *   "Parameter 'NAME' is missing"
 *   "Invalid parameter type for 'NAME', expected: string"
 * They return false and set errp on a type mismatch or a missing
 * required argument; an absent optional argument leaves *value alone
 * and sets *present (when non-NULL) to false.
 */
bool qmp_arg_str(JsonObject *args, const char *name, bool required,
                 const char **value, bool *present, Error **errp);
bool qmp_arg_bool(JsonObject *args, const char *name, bool required,
                  bool *value, bool *present, Error **errp);
bool qmp_arg_int(JsonObject *args, const char *name, bool required,
                 int64_t *value, bool *present, Error **errp);
/* Fails with "Parameter 'NAME' is unexpected" for a member not in the
 * NULL-terminated @allowed list. */
bool qmp_args_check(JsonObject *args, const char *const *allowed, Error **errp);

#endif
