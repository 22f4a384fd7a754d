/*
 * query-qmp-schema: the introspection of the QMP interface, generated at
 * build time from qapi/schema.json by scripts/qapi-introspect.py.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"

#include "qmp-schema.inc"

static const char *const no_args[] = { NULL };

static bool qmp_query_qmp_schema(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(GError) gerr = NULL;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    *ret = json_from_string(qmp_schema_json, &gerr);
    if (!*ret) {
        error_setg(errp, "schema: %s", gerr->message);
        return false;
    }
    return true;
}

static void qmp_schema_cmds_register(void)
{
    qmp_register_command("query-qmp-schema", qmp_query_qmp_schema,
                         QCO_NO_FLAGS);
}

module_init(qmp_schema_cmds_register)
