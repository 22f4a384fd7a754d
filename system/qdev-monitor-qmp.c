/*
 * QMP commands of qdev: device_add, device_del, device-list-properties,
 * query-machines, and the DEVICE_DELETED event.
 */
#include "qemu/osdep.h"
#include "monitor/qdev.h"
#include "monitor/qmp.h"
#include "qobject/qjson.h"
#include "hw/boards.h"
#include "qapi/error.h"
#include "qemu/module.h"

/* device_add takes scalars of any type and parses them like -device. */
static JsonNode *qmp_scalar_to_string(const char *key, JsonNode *value,
                                      Error **errp)
{
    GType type;

    if (JSON_NODE_TYPE(value) != JSON_NODE_VALUE) {
        error_setg(errp, "Invalid parameter type for '%s', expected: scalar",
                   key);
        return NULL;
    }
    type = json_node_get_value_type(value);
    if (type == G_TYPE_BOOLEAN) {
        return json_node_init_string(json_node_alloc(),
                                     json_node_get_boolean(value) ? "on"
                                                                  : "off");
    }
    if (type == G_TYPE_INT64) {
        /* an unsigned value above INT64_MAX as its unsigned digits */
        g_autofree char *s =
            qjson_node_is_big_uint(value)
                ? g_strdup_printf("%" PRIu64,
                                  (uint64_t)json_node_get_int(value))
                : g_strdup_printf("%" PRId64, json_node_get_int(value));

        return json_node_init_string(json_node_alloc(), s);
    }
    if (type == G_TYPE_DOUBLE) {
        g_autofree char *s = g_strdup_printf("%g", json_node_get_double(value));

        return json_node_init_string(json_node_alloc(), s);
    }
    return json_node_copy(value);
}

static bool qmp_device_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(JsonObject) opts = json_object_new();
    g_autoptr(GList) members = json_object_get_members(args);
    DeviceState *dev;
    GList *l;

    for (l = members; l; l = l->next) {
        JsonNode *s = qmp_scalar_to_string(l->data,
                                           json_object_get_member(args,
                                                                  l->data),
                                           errp);

        if (!s) {
            return false;
        }
        json_object_set_member(opts, l->data, s);
    }
    dev = qdev_device_add_from_qdict(opts, false, errp);
    if (!dev) {
        return false;
    }
    object_unref(OBJECT(dev));
    return true;
}

static bool qmp_device_del(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "id", NULL };
    const char *id;

    return qmp_args_check(args, allowed, errp) &&
           qmp_arg_str(args, "id", true, &id, NULL, errp) &&
           qdev_device_del(id, errp);
}

static bool qmp_device_list_properties(JsonObject *args, JsonNode **ret,
                                       Error **errp)
{
    static const char *const allowed[] = { "typename", NULL };
    const char *typename;
    JsonArray *list;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "typename", true, &typename, NULL, errp)) {
        return false;
    }
    list = qdev_list_properties(typename, errp);
    if (!list) {
        return false;
    }
    *ret = json_node_init_array(json_node_alloc(), list);
    json_array_unref(list);
    return true;
}

static JsonObject *machine_info(MachineClass *mc)
{
    JsonObject *info = json_object_new();

    json_object_set_string_member(info, "name", mc->name);
    if (mc->alias) {
        json_object_set_string_member(info, "alias", mc->alias);
    }
    if (mc->is_default) {
        json_object_set_boolean_member(info, "is-default", true);
    }
    json_object_set_int_member(info, "cpu-max", mc->max_cpus);
    json_object_set_boolean_member(info, "hotpluggable-cpus",
                                   mc->has_hotpluggable_cpus);
    json_object_set_boolean_member(info, "numa-mem-supported",
                                   mc->numa_mem_supported);
    json_object_set_boolean_member(info, "deprecated",
                                   mc->deprecation_reason != NULL);
    if (mc->default_cpu_type) {
        json_object_set_string_member(info, "default-cpu-type",
                                      mc->default_cpu_type);
    }
    if (mc->default_ram_id) {
        json_object_set_string_member(info, "default-ram-id",
                                      mc->default_ram_id);
    }
    return info;
}

static bool qmp_query_machines(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { NULL };
    g_autoptr(GSList) list = NULL;
    JsonArray *arr;
    GSList *l;

    if (!qmp_args_check(args, allowed, errp)) {
        return false;
    }
    list = machine_class_list();
    arr = json_array_new();
    for (l = list; l; l = l->next) {
        json_array_add_object_element(arr, machine_info(l->data));
    }
    *ret = json_node_init_array(json_node_alloc(), arr);
    json_array_unref(arr);
    return true;
}

static void qdev_deleted_event(const char *id, const char *path)
{
    JsonObject *data = json_object_new();

    if (id) {
        json_object_set_string_member(data, "device", id);
    }
    json_object_set_string_member(data, "path", path);
    qmp_send_event("DEVICE_DELETED", data);
}

static void qdev_qmp_register(void)
{
    qmp_register_command("device_add", qmp_device_add, QCO_NO_FLAGS);
    qmp_register_command("device_del", qmp_device_del, QCO_NO_FLAGS);
    qmp_register_command("device-list-properties", qmp_device_list_properties,
                         QCO_NO_FLAGS);
    qmp_register_command("query-machines", qmp_query_machines, QCO_NO_FLAGS);
    qdev_set_deleted_sink(qdev_deleted_event);
}

module_init(qdev_qmp_register)
