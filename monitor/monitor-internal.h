/*
 * Internals shared by the QMP monitor, the dispatcher and the commands.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

/* Per-connection negotiation state. */
typedef struct QmpSession {
    bool negotiated;
    bool oob; /* client enabled the "oob" capability */
} QmpSession;

/* Dispatch @request on @s (qmp_capabilities updates it). */
JsonObject *qmp_dispatch_session(JsonNode *request, QmpSession *s);
/* The session of the request being dispatched (NULL outside dispatch). */
QmpSession *qmp_current_session(void);
/* Longest "desc" of an error reply (longer ones are cut, "..." added). */
#define QMP_ERROR_DESC_MAX 1024
/* {"id": ID, "error": {"class": ..., "desc": ...}}; @id may be NULL. */
JsonObject *qmp_error_reply(Error *err, JsonNode *id);
/* The "package" string of the greeting and query-version. */
const char *qmp_package_string(void);
/* {"qemu": {"micro", "minor", "major"}, "package": ...} (new object). */
JsonObject *qmp_version_info(void);

#endif
