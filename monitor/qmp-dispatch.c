/*
 * QMP command registry and request dispatch.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "monitor/qmp.h"
#include "monitor/monitor-internal.h"

typedef struct QmpCommand {
    QmpCommandFunc *fn;
    QmpCommandFlags flags;
} QmpCommand;

/* Created on first use: registration runs from constructors. */
static GHashTable *qmp_commands;
static QmpSession *cur_session;

void qmp_register_command(const char *name, QmpCommandFunc *fn,
                          QmpCommandFlags flags)
{
    QmpCommand *cmd = g_new0(QmpCommand, 1);

    if (!qmp_commands) {
        qmp_commands = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                             g_free);
    }
    cmd->fn = fn;
    cmd->flags = flags;
    g_hash_table_replace(qmp_commands, g_strdup(name), cmd);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *qmp_command_names(void)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter it;
    gpointer key;

    if (qmp_commands) {
        g_hash_table_iter_init(&it, qmp_commands);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            g_ptr_array_add(names, g_strdup(key));
        }
    }
    g_ptr_array_sort(names, compare_names);
    return names;
}

QmpSession *qmp_current_session(void)
{
    return cur_session;
}

static bool is_string(JsonNode *node)
{
    return JSON_NODE_HOLDS_VALUE(node) &&
           json_node_get_value_type(node) == G_TYPE_STRING;
}

/* Check the members of a request; returns the command name or NULL. */
static const char *check_request(JsonObject *req, QmpSession *s, bool *oob,
                                 Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(req);
    const char *name = NULL;

    for (GList *l = members; l; l = l->next) {
        const char *key = l->data;
        JsonNode *val = json_object_get_member(req, key);

        if (!strcmp(key, "execute") || (!strcmp(key, "exec-oob") && s->oob)) {
            if (!is_string(val)) {
                error_setg(errp, "QMP input member '%s' must be a string", key);
                return NULL;
            }
            name = json_node_get_string(val);
            *oob = key[4] == '-';
        } else if (!strcmp(key, "arguments")) {
            if (!JSON_NODE_HOLDS_OBJECT(val)) {
                error_setg(errp,
                           "QMP input member 'arguments' must be an object");
                return NULL;
            }
        } else if (strcmp(key, "id")) {
            error_setg(errp, "QMP input member '%s' is unexpected", key);
            return NULL;
        }
    }
    if (!name) {
        error_setg(errp, "QMP input lacks member 'execute'");
    }
    return name;
}

static const QmpCommand *lookup(const char *name, QmpSession *s, bool oob,
                                Error **errp)
{
    QmpCommand *cmd = qmp_commands ? g_hash_table_lookup(qmp_commands, name)
                                   : NULL;
    bool caps = !strcmp(name, "qmp_capabilities");

    if (!s->negotiated && !caps) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Expecting capabilities negotiation with 'qmp_capabilities'");
        return NULL;
    }
    if (s->negotiated && caps) {
        error_set(
            errp, ERROR_CLASS_COMMAND_NOT_FOUND,
            "Capabilities negotiation is already complete, command ignored");
        return NULL;
    }
    if (!cmd) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %s has not been found", name);
        return NULL;
    }
    if (oob) {
        error_setg(errp, "The command %s does not support OOB", name);
        return NULL;
    }
    return cmd;
}

static JsonNode *run_request(JsonObject *req, QmpSession *s, Error **errp)
{
    g_autoptr(JsonObject) empty = json_object_new();
    JsonObject *args = empty;
    const QmpCommand *cmd;
    const char *name;
    JsonNode *ret = NULL;
    bool oob = false;

    name = check_request(req, s, &oob, errp);
    if (!name || !(cmd = lookup(name, s, oob, errp))) {
        return NULL;
    }
    if (json_object_has_member(req, "arguments")) {
        args = json_object_get_object_member(req, "arguments");
    }
    trace_point("qmp_command", "%s", name);
    if (!cmd->fn(args, &ret, errp)) {
        return NULL;
    }
    return ret ? ret : json_node_init_object(json_node_alloc(), empty);
}

/*
 * An error text quotes the client's input at times (a command or member
 * name): never send back more than QMP_ERROR_DESC_MAX bytes of it.
 */
static char *bound_desc(const char *desc)
{
    size_t n = strlen(desc);

    if (n <= QMP_ERROR_DESC_MAX) {
        return g_strdup(desc);
    }
    n = QMP_ERROR_DESC_MAX;
    while (n > 0 && ((unsigned char)desc[n] & 0xc0) == 0x80) {
        n--;
    }
    return g_strdup_printf("%.*s...", (int)n, desc);
}

JsonObject *qmp_error_reply(Error *err, JsonNode *id)
{
    g_autofree char *bounded_desc = bound_desc(error_get_pretty(err));
    JsonObject *reply = json_object_new();
    JsonObject *eobj = json_object_new();

    if (id) {
        json_object_set_member(reply, "id", json_node_copy(id));
    }
    json_object_set_string_member(eobj, "class",
                                  error_class_name(error_get_class(err)));
    json_object_set_string_member(eobj, "desc", bounded_desc);
    json_object_set_object_member(reply, "error", eobj);
    return reply;
}

JsonObject *qmp_dispatch_session(JsonNode *request, QmpSession *s)
{
    JsonObject *req = NULL;
    JsonNode *id = NULL, *ret;
    JsonObject *reply;
    QmpSession *saved = cur_session;
    Error *err = NULL;

    if (!JSON_NODE_HOLDS_OBJECT(request)) {
        error_setg(&err, "QMP input must be a JSON object");
    } else {
        req = json_node_get_object(request);
        id = json_object_get_member(req, "id");
    }
    cur_session = s;
    ret = req ? run_request(req, s, &err) : NULL;
    cur_session = saved;
    if (!ret) {
        reply = qmp_error_reply(err, id);
        error_free(err);
        return reply;
    }
    reply = json_object_new();
    json_object_set_member(reply, "return", ret);
    if (id) {
        json_object_set_member(reply, "id", json_node_copy(id));
    }
    return reply;
}

JsonObject *qmp_dispatch(JsonNode *request, bool negotiated)
{
    QmpSession s = { .negotiated = negotiated };

    return qmp_dispatch_session(request, &s);
}
