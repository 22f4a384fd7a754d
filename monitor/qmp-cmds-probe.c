/*
 * QMP commands a management tool asks while probing what the program
 * can do (libvirt's capability probe): target, KVM, migration
 * capabilities, CPU models, TPM. Answers follow QEMU 7.2 for what this
 * program has: no KVM, no migration, no TPM, the "qemu" and "max" CPU
 * models (docs/devel/qmp.rst).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"

static const char *const no_args[] = { NULL };

static JsonNode *take_object(JsonObject *obj)
{
    JsonNode *node = json_node_init_object(json_node_alloc(), obj);

    json_object_unref(obj);
    return node;
}

static JsonNode *take_array(JsonArray *arr)
{
    JsonNode *node = json_node_init_array(json_node_alloc(), arr);

    json_array_unref(arr);
    return node;
}

static bool qmp_query_target(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    o = json_object_new();
    json_object_set_string_member(o, "arch", "s390x");
    *ret = take_object(o);
    return true;
}

static bool qmp_query_kvm(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonObject *o;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    o = json_object_new();
    json_object_set_boolean_member(o, "enabled", false);
    json_object_set_boolean_member(o, "present", false);
    *ret = take_object(o);
    return true;
}

/* QEMU 7.2's MigrationCapability values, in its order */
static const char *const migration_caps[] = { "xbzrle",
                                              "rdma-pin-all",
                                              "auto-converge",
                                              "zero-blocks",
                                              "compress",
                                              "events",
                                              "postcopy-ram",
                                              "x-colo",
                                              "release-ram",
                                              "block",
                                              "return-path",
                                              "pause-before-switchover",
                                              "multifd",
                                              "dirty-bitmaps",
                                              "postcopy-blocktime",
                                              "late-block-activate",
                                              "x-ignore-shared",
                                              "validate-uuid",
                                              "background-snapshot",
                                              "zero-copy-send",
                                              "postcopy-preempt",
                                              NULL };

/* What migrate-set-capabilities set (no migration runs here) */
static bool migration_cap_state[G_N_ELEMENTS(migration_caps) - 1];

static int migration_cap_find(const char *name)
{
    for (int i = 0; migration_caps[i]; i++) {
        if (!strcmp(migration_caps[i], name)) {
            return i;
        }
    }
    return -1;
}

/* One {"capability": NAME, "state": BOOL} of the list, at @i */
static bool migrate_cap_parse(JsonNode *el, guint i, int *cap, bool *state,
                              Error **errp)
{
    static const char *const allowed[] = { "capability", "state", NULL };
    g_autofree char *prefix = g_strdup_printf("capabilities[%u]", i);
    g_autoptr(Error) inner = NULL;
    JsonObject *o;
    const char *name = NULL;

    if (!JSON_NODE_HOLDS_OBJECT(el)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: object",
                   prefix);
        return false;
    }
    o = json_node_get_object(el);
    /* QEMU names the member with its path: 'capabilities[0].state' */
    if (!json_object_has_member(o, "capability")) {
        error_setg(errp, "Parameter '%s.capability' is missing", prefix);
        return false;
    }
    if (!qmp_arg_str(o, "capability", true, &name, NULL, NULL)) {
        error_setg(errp,
                   "Invalid parameter type for '%s.capability', expected: "
                   "string",
                   prefix);
        return false;
    }
    *cap = migration_cap_find(name);
    if (*cap < 0) {
        error_setg(errp, "Parameter 'capability' does not accept value '%s'",
                   name);
        return false;
    }
    if (!json_object_has_member(o, "state")) {
        error_setg(errp, "Parameter '%s.state' is missing", prefix);
        return false;
    }
    if (!qmp_arg_bool(o, "state", true, state, NULL, NULL)) {
        error_setg(errp,
                   "Invalid parameter type for '%s.state', expected: boolean",
                   prefix);
        return false;
    }
    if (!qmp_args_check(o, allowed, &inner)) {
        g_autoptr(GList) members = json_object_get_members(o);

        for (GList *m = members; m; m = m->next) {
            if (!g_strv_contains(allowed, m->data)) {
                error_setg(errp, "Parameter '%s.%s' is unexpected", prefix,
                           (char *)m->data);
                return false;
            }
        }
    }
    return true;
}

/*
 * migrate-set-capabilities: every entry is checked before any is set.
 * QEMU's checks between capabilities (which need a migration transport
 * this program lacks) are not made.
 */
static bool qmp_migrate_set_caps(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "capabilities", NULL };
    JsonNode *node = json_object_get_member(args, "capabilities");
    g_autofree bool *want = NULL;
    g_autofree int *caps = NULL;
    JsonArray *arr;
    guint n;

    if (!qmp_args_check(args, allowed, errp)) {
        return false;
    }
    if (!node) {
        error_setg(errp, "Parameter 'capabilities' is missing");
        return false;
    }
    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        error_setg(
            errp, "Invalid parameter type for 'capabilities', expected: array");
        return false;
    }
    arr = json_node_get_array(node);
    n = json_array_get_length(arr);
    caps = g_new0(int, n + 1);
    want = g_new0(bool, n + 1);
    for (guint i = 0; i < n; i++) {
        if (!migrate_cap_parse(json_array_get_element(arr, i), i, &caps[i],
                               &want[i], errp)) {
            return false;
        }
    }
    for (guint i = 0; i < n; i++) {
        migration_cap_state[caps[i]] = want[i];
    }
    return true;
}

static bool qmp_query_migrate_caps(JsonObject *args, JsonNode **ret,
                                   Error **errp)
{
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = json_array_new();
    for (int i = 0; migration_caps[i]; i++) {
        JsonObject *o = json_object_new();

        json_object_set_boolean_member(o, "state", migration_cap_state[i]);
        json_object_set_string_member(o, "capability", migration_caps[i]);
        json_array_add_object_element(arr, o);
    }
    *ret = take_array(arr);
    return true;
}

/* The CPU models -cpu accepts (system/vl-values.c) */
typedef struct ProbeCpuModel {
    const char *name;
    bool migration_safe;
} ProbeCpuModel;

static const ProbeCpuModel cpu_models[] = {
    { "qemu", true },
    { "max", false },
};

static const ProbeCpuModel *cpu_model_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(cpu_models); i++) {
        if (!strcmp(cpu_models[i].name, name)) {
            return &cpu_models[i];
        }
    }
    return NULL;
}

static bool qmp_query_cpu_defs(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = json_array_new();
    for (size_t i = 0; i < G_N_ELEMENTS(cpu_models); i++) {
        JsonObject *o = json_object_new();
        g_autofree char *type = g_strdup_printf("%s-s390x-cpu",
                                                cpu_models[i].name);

        json_object_set_string_member(o, "name", cpu_models[i].name);
        json_object_set_string_member(o, "typename", type);
        json_object_set_array_member(o, "unavailable-features",
                                     json_array_new());
        json_object_set_boolean_member(o, "static", false);
        json_object_set_boolean_member(o, "migration-safe",
                                       cpu_models[i].migration_safe);
        json_object_set_boolean_member(o, "deprecated", false);
        json_array_add_object_element(arr, o);
    }
    *ret = take_array(arr);
    return true;
}

/* The model's name from {"model": {"name": ...}}; QEMU's texts */
static const char *expansion_model(JsonObject *args, Error **errp)
{
    JsonNode *model = json_object_get_member(args, "model");
    const char *name = NULL;

    if (!model) {
        error_setg(errp, "Parameter 'model' is missing");
        return NULL;
    }
    if (!JSON_NODE_HOLDS_OBJECT(model)) {
        error_setg(errp,
                   "Invalid parameter type for 'model', expected: object");
        return NULL;
    }
    if (!qmp_arg_str(json_node_get_object(model), "name", true, &name, NULL,
                     errp)) {
        return NULL;
    }
    return name;
}

static bool qmp_cpu_model_expansion(JsonObject *args, JsonNode **ret,
                                    Error **errp)
{
    static const char *const allowed[] = { "type", "model", NULL };
    const char *type = NULL, *name;
    JsonObject *result, *model;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "type", true, &type, NULL, errp)) {
        return false;
    }
    if (strcmp(type, "static") && strcmp(type, "full")) {
        error_setg(errp, "Parameter 'type' does not accept value '%s'", type);
        return false;
    }
    name = expansion_model(args, errp);
    if (!name) {
        return false;
    }
    if (!cpu_model_find(name)) {
        /* QEMU under TCG has no "host" model either */
        error_setg(errp, "The CPU definition '%s' is unknown.", name);
        return false;
    }
    model = json_object_new();
    json_object_set_string_member(model, "name", name);
    json_object_set_object_member(model, "props", json_object_new());
    result = json_object_new();
    json_object_set_object_member(result, "model", model);
    *ret = take_object(result);
    return true;
}

static bool qmp_empty_list(JsonObject *args, JsonNode **ret, Error **errp)
{
    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    *ret = take_array(json_array_new());
    return true;
}

static void qmp_probe_cmds_register(void)
{
    qmp_register_command("query-target", qmp_query_target, QCO_NO_FLAGS);
    qmp_register_command("query-kvm", qmp_query_kvm, QCO_NO_FLAGS);
    qmp_register_command("migrate-set-capabilities", qmp_migrate_set_caps,
                         QCO_NO_FLAGS);
    qmp_register_command("query-migrate-capabilities", qmp_query_migrate_caps,
                         QCO_NO_FLAGS);
    qmp_register_command("query-cpu-definitions", qmp_query_cpu_defs,
                         QCO_NO_FLAGS);
    qmp_register_command("query-cpu-model-expansion", qmp_cpu_model_expansion,
                         QCO_NO_FLAGS);
    /* no TPM: empty lists, as QEMU built without TPM back ends */
    qmp_register_command("query-tpm-models", qmp_empty_list, QCO_NO_FLAGS);
    qmp_register_command("query-tpm-types", qmp_empty_list, QCO_NO_FLAGS);
}

module_init(qmp_probe_cmds_register)
