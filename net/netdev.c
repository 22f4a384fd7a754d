/*
 * -netdev and QMP netdev_add / netdev_del / set_link: QEMU 7.2's option
 * forms and messages. "-netdev TYPE,id=ID,..." is parsed as QemuOpts
 * (unknown keys: "Invalid parameter 'K'"), except dgram and stream,
 * which QEMU parses as keyval; the JSON form and QMP go through QEMU's
 * QAPI visitor ("Parameter 'K' is unexpected"). Back ends: socket,
 * stream, dgram (net/socket.c) and tap (net/tap.c); every other type of QEMU,
 * user included, is refused as QEMU refuses a type it was built without.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "net/net.h"
#include "qobject/qjson.h"

typedef NetClientState *NetdevNew(const char *id, JsonObject *opts,
                                  Error **errp);

static const struct {
    const char *type;
    NetdevNew *create;
} netdev_types[] = {
    { "socket", net_socket_new }, { "stream", net_stream_new },
    { "dgram", net_dgram_new },   { "tap", net_tap_new },
#ifdef CONFIG_SLIRP
    { "user", net_user_new },
#endif
};

const char *net_opt_str(JsonObject *opts, const char *key)
{
    JsonNode *n = json_object_get_member(opts, key);
    static char num[32];

    if (!n || !JSON_NODE_HOLDS_VALUE(n)) {
        return NULL;
    }
    if (json_node_get_value_type(n) == G_TYPE_STRING) {
        return json_node_get_string(n);
    }
    if (qjson_node_is_big_uint(n)) {
        g_snprintf(num, sizeof(num), "%" PRIu64,
                   (uint64_t)json_node_get_int(n));
        return num;
    }
    if (json_node_get_value_type(n) == G_TYPE_INT64) {
        g_snprintf(num, sizeof(num), "%" PRId64, json_node_get_int(n));
        return num;
    }
    return NULL;
}

bool net_opt_bool(JsonObject *opts, const char *key, bool *val, Error **errp)
{
    JsonNode *n = json_object_get_member(opts, key);
    const char *s;

    if (!n) {
        return true;
    }
    if (JSON_NODE_HOLDS_VALUE(n) &&
        json_node_get_value_type(n) == G_TYPE_BOOLEAN) {
        *val = json_node_get_boolean(n);
        return true;
    }
    s = net_opt_str(opts, key);
    if (s && (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "true"))) {
        *val = true;
        return true;
    }
    if (s && (!strcmp(s, "off") || !strcmp(s, "no") || !strcmp(s, "false"))) {
        *val = false;
        return true;
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", key);
    return false;
}

/* the form being parsed: QAPI (JSON, QMP, keyval types) or QemuOpts */
static bool parsing_qapi;

bool net_opt_qapi(void)
{
    return parsing_qapi;
}

bool net_opt_check(JsonObject *opts, const char *const *allowed, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *l = members; l; l = l->next) {
        const char *key = l->data;

        if (!strcmp(key, "type") || !strcmp(key, "id") ||
            g_strv_contains(allowed, key)) {
            continue;
        }
        if (parsing_qapi) {
            error_setg(errp, "Parameter '%s' is unexpected", key);
        } else {
            error_setg(errp, "Invalid parameter '%s'", key);
        }
        return false;
    }
    return true;
}

void net_netdev_help(void)
{
    printf("Available netdev backend types:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(netdev_types); i++) {
        printf("%s\n", netdev_types[i].type);
    }
}

/*
 * @qapi: the QAPI form (JSON, QMP, keyval types): its texts for an
 * unknown member and a duplicate id.
 */
static bool netdev_add(JsonObject *opts, bool qapi, Error **errp)
{
    const char *type = net_opt_str(opts, "type");
    const char *id = net_opt_str(opts, "id");
    NetClientState *nc;
    NetdevNew *create = NULL;

    if (!qapi && !id) {
        /* QemuOpts wants the id before the type is looked at */
        error_setg(errp, "Parameter 'id' is missing");
        return false;
    }
    if (!type) {
        error_setg(errp, "Parameter 'type' is missing");
        return false;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(netdev_types); i++) {
        if (!strcmp(type, netdev_types[i].type)) {
            create = netdev_types[i].create;
        }
    }
    if (!create) {
        error_setg(errp, "Parameter 'type' does not accept value '%s'", type);
        return false;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return false;
    }
    if (!id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                                "'-', '.', '_', starting with a letter.\n");
        return false;
    }
    if (net_client_find(id)) {
        if (qapi) {
            error_setg(errp, "Duplicate ID '%s'", id);
        } else {
            error_setg(errp, "Duplicate ID '%s' for netdev", id);
        }
        return false;
    }
    parsing_qapi = qapi;
    nc = create(id, opts, errp);
    return nc != NULL;
}

bool net_netdev_add(JsonObject *opts, Error **errp)
{
    return netdev_add(opts, true, errp);
}

bool net_netdev_add_arg(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;
    bool json = arg[0] == '{';
    bool modern = json || g_str_has_prefix(arg, "dgram,") ||
                  g_str_has_prefix(arg, "stream,") ||
                  g_str_has_prefix(arg, "type=dgram") ||
                  g_str_has_prefix(arg, "type=stream");
    bool help = false;

    if (json) {
        opts = keyval_parse_any(arg, "type", NULL, NULL, errp);
    } else if (modern) {
        opts = keyval_parse(arg, "type", &help, errp);
    } else {
        /* the string lists of -netdev: each repetition adds an element */
        static const char *const lists[] = { "hostfwd", NULL };

        opts = qemu_opts_parse_legacy_lists(arg, "type", lists, &help, errp);
    }
    if (!opts) {
        return false;
    }
    if (help) {
        net_netdev_help();
        exit(0);
    }
    return netdev_add(opts, modern, errp);
}

bool net_netdev_del(const char *id, Error **errp)
{
    NetClientState *nc = net_client_find(id);

    if (!nc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  id);
        return false;
    }
    if (nc->ops->is_nic) {
        error_setg(errp, "Device '%s' is not a netdev", id);
        return false;
    }
    net_client_free(nc);
    return true;
}

/* ---- QMP ---- */

static bool qmp_netdev_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    return net_netdev_add(args, errp);
}

static bool qmp_netdev_del(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "id", NULL };
    const char *id;

    return qmp_args_check(args, allowed, errp) &&
           qmp_arg_str(args, "id", true, &id, NULL, errp) &&
           net_netdev_del(id, errp);
}

static bool qmp_set_link(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "name", "up", NULL };
    const char *name;
    bool up;

    return qmp_args_check(args, allowed, errp) &&
           qmp_arg_str(args, "name", true, &name, NULL, errp) &&
           qmp_arg_bool(args, "up", true, &up, NULL, errp) &&
           net_set_link(name, up, errp);
}

static void net_qmp_register(void)
{
    qmp_register_command("netdev_add", qmp_netdev_add, QCO_NO_FLAGS);
    qmp_register_command("netdev_del", qmp_netdev_del, QCO_NO_FLAGS);
    qmp_register_command("set_link", qmp_set_link, QCO_NO_FLAGS);
}

module_init(net_qmp_register)
