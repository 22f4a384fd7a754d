/*
 * QMP commands libvirt runs while it starts a domain: query-chardev,
 * query-iothreads, set-action, query-stats, system_powerdown, balloon and
 * query-balloon; query-jobs when it reconnects to a running domain;
 * inject-nmi. Replies
 * have QEMU 7.2's shapes (docs/devel/qmp.rst).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "chardev/char.h"
#include "sysemu/runstate.h"
#include "sysemu/watchdog.h"
#include "hw/virtio/virtio-balloon.h"

static const char *const no_args[] = { NULL };

static JsonNode *take_array(JsonArray *arr)
{
    JsonNode *node = json_node_init_array(json_node_alloc(), arr);

    json_array_unref(arr);
    return node;
}

static bool qmp_query_chardev(JsonObject *args, JsonNode **ret, Error **errp)
{
    const GPtrArray *all = qemu_chr_all();
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = json_array_new();
    for (guint i = 0; all && i < all->len; i++) {
        Chardev *chr = all->pdata[i];
        JsonObject *o = json_object_new();
        g_autofree char *filename = qemu_chr_info_filename(chr);

        json_object_set_boolean_member(o, "frontend-open",
                                       qemu_chr_fe_is_open(chr));
        json_object_set_string_member(o, "filename", filename);
        json_object_set_string_member(o, "label", qemu_chr_get_id(chr));
        json_array_add_object_element(arr, o);
    }
    *ret = take_array(arr);
    return true;
}

/* No iothread objects exist: I/O runs in the main loop */
static bool qmp_query_iothreads(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    *ret = take_array(json_array_new());
    return true;
}

/* @name's value, one of @values (NULL-terminated); -1 when absent */
static bool action_arg(JsonObject *args, const char *name,
                       const char *const *values, int *idx, Error **errp)
{
    const char *v = NULL;
    bool present = false;

    *idx = -1;
    if (!qmp_arg_str(args, name, false, &v, &present, errp)) {
        return false;
    }
    if (!present) {
        return true;
    }
    for (int i = 0; values[i]; i++) {
        if (!strcmp(values[i], v)) {
            *idx = i;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'", name, v);
    return false;
}

static bool qmp_set_action(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "reboot", "shutdown", "panic",
                                           "watchdog", NULL };
    static const char *const reboot[] = { "reset", "shutdown", NULL };
    static const char *const shutdown[] = { "poweroff", "pause", NULL };
    /* in PanicAction's order (sysemu/runstate.h) */
    static const char *const panic[] = { "pause", "shutdown", "exit-failure",
                                         "none", NULL };
    const char *wd_name = NULL;
    int r, s, p, w = -1;

    /* QEMU 7.2 checks all of them before it changes any */
    if (!qmp_args_check(args, allowed, errp) ||
        !action_arg(args, "reboot", reboot, &r, errp) ||
        !action_arg(args, "shutdown", shutdown, &s, errp) ||
        !action_arg(args, "panic", panic, &p, errp) ||
        !qmp_arg_str(args, "watchdog", false, &wd_name, NULL, errp)) {
        return false;
    }
    /* the -watchdog-action values (sysemu/watchdog.h), same text */
    if (wd_name && (w = watchdog_action_lookup(wd_name, errp)) < 0) {
        return false;
    }
    if (r >= 0) {
        no_reboot = r == 1; /* as -no-reboot */
    }
    if (s >= 0) {
        no_shutdown = s == 1; /* as -no-shutdown */
    }
    if (p >= 0) {
        panic_action = (PanicAction)p;
    }
    if (w >= 0) {
        watchdog_set_action(w);
    }
    return true;
}

/* @node is a list of strings; errors name it @path as QEMU does */
static bool stats_check_str_list(JsonNode *node, const char *path, Error **errp)
{
    JsonArray *arr;

    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: array",
                   path);
        return false;
    }
    arr = json_node_get_array(node);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonNode *el = json_array_get_element(arr, i);

        if (!JSON_NODE_HOLDS_VALUE(el) ||
            json_node_get_value_type(el) != G_TYPE_STRING) {
            error_setg(errp,
                       "Invalid parameter type for '%s[%u]', expected: string",
                       path, i);
            return false;
        }
    }
    return true;
}

/* providers[i]: {"provider": "kvm", "*names": ["str"]} */
static bool stats_check_provider(JsonNode *el, guint i, Error **errp)
{
    g_autofree char *path = g_strdup_printf("providers[%u]", i);
    g_autofree char *names_path = g_strdup_printf("%s.names", path);
    g_autoptr(GList) members = NULL;
    JsonObject *o;
    JsonNode *prov, *names;

    if (!JSON_NODE_HOLDS_OBJECT(el)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: object",
                   path);
        return false;
    }
    o = json_node_get_object(el);
    prov = json_object_get_member(o, "provider");
    if (!prov) {
        error_setg(errp, "Parameter '%s.provider' is missing", path);
        return false;
    }
    if (!JSON_NODE_HOLDS_VALUE(prov) ||
        json_node_get_value_type(prov) != G_TYPE_STRING) {
        error_setg(errp,
                   "Invalid parameter type for '%s.provider', expected: "
                   "string",
                   path);
        return false;
    }
    if (strcmp(json_node_get_string(prov), "kvm")) {
        error_setg(errp, "Parameter 'provider' does not accept value '%s'",
                   json_node_get_string(prov));
        return false;
    }
    names = json_object_get_member(o, "names");
    if (names && !stats_check_str_list(names, names_path, errp)) {
        return false;
    }
    members = json_object_get_members(o);
    for (GList *m = members; m; m = m->next) {
        if (strcmp(m->data, "provider") && strcmp(m->data, "names")) {
            error_setg(errp, "Parameter '%s.%s' is unexpected", path,
                       (char *)m->data);
            return false;
        }
    }
    return true;
}

/*
 * query-stats: the statistics come from KVM in QEMU 7.2 (its only
 * provider); without KVM the answer is the empty list. The arguments
 * are checked as QEMU checks them.
 */
static bool stats_check_providers(JsonObject *args, Error **errp)
{
    JsonNode *node = json_object_get_member(args, "providers");
    JsonNode *vcpus = json_object_get_member(args, "vcpus");
    JsonArray *arr;

    if (vcpus && !stats_check_str_list(vcpus, "vcpus", errp)) {
        return false;
    }
    if (!node) {
        return true;
    }
    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        error_setg(errp,
                   "Invalid parameter type for 'providers', expected: array");
        return false;
    }
    arr = json_node_get_array(node);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        if (!stats_check_provider(json_array_get_element(arr, i), i, errp)) {
            return false;
        }
    }
    return true;
}

static bool qmp_query_stats(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const vm_args[] = { "target", "providers", NULL };
    static const char *const vcpu_args[] = { "target", "providers", "vcpus",
                                             NULL };
    const char *target = NULL;

    if (!qmp_arg_str(args, "target", true, &target, NULL, errp)) {
        return false;
    }
    if (strcmp(target, "vm") && strcmp(target, "vcpu")) {
        error_setg(errp, "Parameter 'target' does not accept value '%s'",
                   target);
        return false;
    }
    if (!qmp_args_check(args, strcmp(target, "vm") ? vcpu_args : vm_args,
                        errp) ||
        !stats_check_providers(args, errp)) {
        return false;
    }
    *ret = take_array(json_array_new());
    return true;
}

static bool qmp_query_stats_schemas(JsonObject *args, JsonNode **ret,
                                    Error **errp)
{
    static const char *const allowed[] = { "provider", NULL };
    const char *prov = NULL;
    bool present = false;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "provider", false, &prov, &present, errp)) {
        return false;
    }
    if (present && strcmp(prov, "kvm")) {
        error_setg(errp, "Parameter 'provider' does not accept value '%s'",
                   prov);
        return false;
    }
    *ret = take_array(json_array_new());
    return true;
}

static bool qmp_system_powerdown(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    qemu_system_powerdown_request();
    return true;
}

static VirtIOBalloon *balloon_or_error(Error **errp)
{
    VirtIOBalloon *b = virtio_balloon_active();

    if (!b) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_ACTIVE,
                  "No balloon device has been activated");
    }
    return b;
}

/* The guest's target size in bytes; libvirt sets it at every start */
static bool qmp_balloon(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "value", NULL };
    VirtIOBalloon *b;
    int64_t value = 0;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_int(args, "value", true, &value, NULL, errp) ||
        !(b = balloon_or_error(errp))) {
        return false;
    }
    if (value <= 0) {
        error_setg(errp, "Parameter 'target' expects a size");
        return false;
    }
    virtio_balloon_set_target(b, value);
    return true;
}

static bool qmp_query_balloon(JsonObject *args, JsonNode **ret, Error **errp)
{
    VirtIOBalloon *b;
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp) || !(b = balloon_or_error(errp))) {
        return false;
    }
    o = json_object_new();
    json_object_set_int_member(o, "actual", virtio_balloon_guest_size(b));
    *ret = json_node_init_object(json_node_alloc(), o);
    json_object_unref(o);
    return true;
}

/* virsh inject-nmi; s390x: a restart interruption of CPU 0 */
static bool qmp_inject_nmi(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    if (!watchdog_inject_nmi()) {
        error_setg(errp, "this feature or command is not currently supported");
        return false;
    }
    return true;
}

/* No block or other jobs run here: libvirt asks when it reconnects */
static bool qmp_query_jobs(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    *ret = take_array(json_array_new());
    return true;
}

static void qmp_cmds_domain_register(void)
{
    qmp_register_command("query-jobs", qmp_query_jobs, QCO_NO_FLAGS);
    qmp_register_command("inject-nmi", qmp_inject_nmi, QCO_NO_FLAGS);
    qmp_register_command("balloon", qmp_balloon, QCO_NO_FLAGS);
    qmp_register_command("query-balloon", qmp_query_balloon, QCO_NO_FLAGS);
    qmp_register_command("query-chardev", qmp_query_chardev, QCO_NO_FLAGS);
    qmp_register_command("query-iothreads", qmp_query_iothreads, QCO_NO_FLAGS);
    qmp_register_command("set-action", qmp_set_action, QCO_NO_FLAGS);
    qmp_register_command("query-stats", qmp_query_stats, QCO_NO_FLAGS);
    qmp_register_command("query-stats-schemas", qmp_query_stats_schemas,
                         QCO_NO_FLAGS);
    qmp_register_command("system_powerdown", qmp_system_powerdown,
                         QCO_NO_FLAGS);
}

module_init(qmp_cmds_domain_register)
