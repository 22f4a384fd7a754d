/*
 * Core QMP commands: negotiation, identity, run state, reset, quit.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "monitor/monitor-internal.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"

static const char *const no_args[] = { NULL };

static JsonNode *object_node(JsonObject *obj)
{
    JsonNode *node = json_node_init_object(json_node_alloc(), obj);

    json_object_unref(obj);
    return node;
}

const char *qmp_package_string(void)
{
    return QEMU_PKGVERSION[0] ? QEMU_PKGVERSION
                              : " (qemu-s390x-passthrough " QEMU_VERSION ")";
}

/* Also used by the greeting, which links these commands in. */
JsonObject *qmp_version_info(void)
{
    JsonObject *ver = json_object_new();
    JsonObject *qemu = json_object_new();

    json_object_set_int_member(qemu, "micro", QEMU_VERSION_MICRO);
    json_object_set_int_member(qemu, "minor", QEMU_VERSION_MINOR);
    json_object_set_int_member(qemu, "major", QEMU_VERSION_MAJOR);
    json_object_set_object_member(ver, "qemu", qemu);
    json_object_set_string_member(ver, "package", qmp_package_string());
    return ver;
}

static bool check_enable(JsonObject *args, bool *oob, Error **errp)
{
    JsonNode *node = json_object_get_member(args, "enable");
    JsonArray *arr;

    if (!node) {
        return true;
    }
    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        error_setg(errp,
                   "Invalid parameter type for 'enable', expected: array");
        return false;
    }
    arr = json_node_get_array(node);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonNode *el = json_array_get_element(arr, i);
        const char *s = JSON_NODE_HOLDS_VALUE(el) &&
                                json_node_get_value_type(el) == G_TYPE_STRING
                            ? json_node_get_string(el)
                            : NULL;
        if (!s) {
            error_setg(
                errp,
                "Invalid parameter type for 'enable[%u]', expected: string", i);
            return false;
        }
        if (strcmp(s, "oob")) {
            error_setg(errp, "Parameter 'null' does not accept value '%s'", s);
            return false;
        }
        *oob = true;
    }
    return true;
}

static bool qmp_capabilities(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "enable", NULL };
    QmpSession *s = qmp_current_session();
    bool oob = false;

    if (!qmp_args_check(args, allowed, errp) ||
        !check_enable(args, &oob, errp)) {
        return false;
    }
    if (s) {
        s->negotiated = true;
        s->oob = oob;
    }
    return true;
}

static bool qmp_query_version(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    *ret = object_node(qmp_version_info());
    return true;
}

static bool qmp_query_commands(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(GPtrArray) names = qmp_command_names();
    JsonArray *arr = json_array_new();

    if (!qmp_args_check(args, no_args, errp)) {
        json_array_unref(arr);
        return false;
    }
    for (guint i = 0; i < names->len; i++) {
        JsonObject *o = json_object_new();
        json_object_set_string_member(o, "name", names->pdata[i]);
        json_array_add_object_element(arr, o);
    }
    *ret = json_node_init_array(json_node_alloc(), arr);
    json_array_unref(arr);
    return true;
}

static bool qmp_query_status(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    o = json_object_new();
    json_object_set_string_member(o, "status", runstate_name(runstate_get()));
    json_object_set_boolean_member(o, "singlestep", false);
    json_object_set_boolean_member(o, "running", runstate_is_running());
    *ret = object_node(o);
    return true;
}

static bool qmp_query_name(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    o = json_object_new();
    if (qemu_get_name()) {
        json_object_set_string_member(o, "name", qemu_get_name());
    }
    *ret = object_node(o);
    return true;
}

static bool qmp_query_uuid(JsonObject *args, JsonNode **ret, Error **errp)
{
    char buf[37];
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    qemu_uuid_unparse(qemu_uuid, buf);
    o = json_object_new();
    json_object_set_string_member(o, "UUID", buf);
    *ret = object_node(o);
    return true;
}

static bool qmp_stop(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    vm_stop(RUN_STATE_PAUSED);
    return true;
}

static bool qmp_cont(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    if (runstate_needs_reset()) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return false;
    }
    vm_start();
    return true;
}

static bool qmp_system_reset(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    return true;
}

static bool qmp_quit(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    return true;
}

static void qmp_cmds_register(void)
{
    qmp_register_command("qmp_capabilities", qmp_capabilities,
                         QCO_ALLOW_BEFORE_NEGOTIATION);
    qmp_register_command("query-version", qmp_query_version, QCO_NO_FLAGS);
    qmp_register_command("query-commands", qmp_query_commands, QCO_NO_FLAGS);
    qmp_register_command("query-status", qmp_query_status, QCO_NO_FLAGS);
    qmp_register_command("query-name", qmp_query_name, QCO_NO_FLAGS);
    qmp_register_command("query-uuid", qmp_query_uuid, QCO_NO_FLAGS);
    qmp_register_command("stop", qmp_stop, QCO_NO_FLAGS);
    qmp_register_command("cont", qmp_cont, QCO_NO_FLAGS);
    qmp_register_command("system_reset", qmp_system_reset, QCO_NO_FLAGS);
    qmp_register_command("quit", qmp_quit, QCO_NO_FLAGS);
}

module_init(qmp_cmds_register)
