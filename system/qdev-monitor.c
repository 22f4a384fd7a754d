/*
 * Device creation from -device and device_add; device help output.
 */
#include "qemu/osdep.h"
#include "monitor/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

/* ---- driver and bus lookup ---- */

static DeviceClass *qdev_get_device_class(const char **driver, Error **errp)
{
    const char *original = *driver;
    ObjectClass *oc = object_class_by_name(*driver);
    DeviceClass *dc;

    if (!oc && qdev_alias_to_typename(*driver)) {
        *driver = qdev_alias_to_typename(*driver);
        oc = object_class_by_name(*driver);
    }
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        if (*driver != original) {
            error_setg(errp,
                       "'%s' (alias '%s') is not a valid device model name",
                       *driver, original);
        } else {
            error_setg(errp, "'%s' is not a valid device model name", *driver);
        }
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp,
                   "Parameter 'driver' expects a non-abstract device type");
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable || (qdev_hotplug && !dc->hotpluggable)) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device type");
        return NULL;
    }
    return dc;
}

static bool qdev_find_bus(const char *driver, DeviceClass *dc, const char *path,
                          BusState **busp, Error **errp)
{
    BusState *bus = NULL;

    if (path) {
        bus = qbus_find(path, errp);
        if (!bus) {
            return false;
        }
        if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus", driver,
                       object_get_typename(OBJECT(bus)));
            return false;
        }
    } else if (dc->bus_type) {
        bus = qbus_find_recursive(sysbus_get_default(), NULL, dc->bus_type);
        if (!bus || qbus_is_full(bus)) {
            error_setg(errp, "No '%s' bus found for device '%s'", dc->bus_type,
                       driver);
            return false;
        }
    }
    if (qdev_hotplug && bus && !qbus_is_hotpluggable(bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging", bus->name);
        return false;
    }
    *busp = bus;
    return true;
}

/* ---- device creation ---- */

static const char *opts_get_str(JsonObject *opts, const char *key)
{
    JsonNode *node = json_object_get_member(opts, key);

    if (!node || JSON_NODE_TYPE(node) != JSON_NODE_VALUE ||
        json_node_get_value_type(node) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(node);
}

static bool qdev_set_props(DeviceState *dev, JsonObject *opts, bool from_json,
                           Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);
    GList *l;

    for (l = members; l; l = l->next) {
        const char *key = l->data;
        JsonNode *value = json_object_get_member(opts, key);
        bool ok;

        if (!strcmp(key, "driver") || !strcmp(key, "bus") ||
            !strcmp(key, "id")) {
            continue;
        }
        ok = from_json
                 ? object_property_set_qobject(OBJECT(dev), key, value, errp)
                 : object_property_set_keyval(OBJECT(dev), key, value, errp);
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool qdev_check_placement(DeviceState *dev, const char *driver,
                                 BusState *bus, Error **errp)
{
    if (!qdev_hotplug) {
        return true;
    }
    if (!qdev_hotplug_allowed(dev, errp)) {
        return false;
    }
    if (!bus && !qdev_get_machine_hotplug_handler(dev)) {
        error_setg(errp, "Device '%s' can not be hotplugged on this machine",
                   driver);
        return false;
    }
    return true;
}

static bool qdev_check_id(const char *id, Error **errp)
{
    if (id && !id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                                "'-', '.', '_', starting with a letter.\n");
        return false;
    }
    return true;
}

DeviceState *qdev_device_add_from_qdict(JsonObject *opts, bool from_json,
                                        Error **errp)
{
    const char *driver = opts_get_str(opts, "driver");
    const char *id = opts_get_str(opts, "id");
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus = NULL;

    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = qdev_get_device_class(&driver, errp);
    if (!dc || !qdev_check_id(id, errp) ||
        !qdev_find_bus(driver, dc, opts_get_str(opts, "bus"), &bus, errp)) {
        return NULL;
    }
    dev = qdev_new(driver);
    if (!qdev_check_placement(dev, driver, bus, errp) ||
        !qdev_set_id(dev, g_strdup(id), errp)) {
        object_unref(OBJECT(dev));
        return NULL;
    }
    if (!qdev_set_props(dev, opts, from_json, errp) ||
        !qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        return NULL;
    }
    return dev;
}

/* ---- device_del ---- */

bool qdev_device_del(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_at(qdev_get_peripheral(), id);
    DeviceState *dev;

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  id);
        return false;
    }
    dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    if (!dev) {
        error_setg(errp, "%s is not a hotpluggable device", id);
        return false;
    }
    if (dev->pending_deleted_event) {
        error_setg(errp, "Device %s is already in the process of unplug", id);
        return false;
    }
    return qdev_unplug(dev, errp);
}

/* ---- device-list-properties ---- */

static bool qdev_prop_hidden(const char *name)
{
    static const char *const hidden[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus", NULL};
    int i;

    for (i = 0; hidden[i]; i++) {
        if (!strcmp(name, hidden[i])) {
            return true;
        }
    }
    return g_str_has_prefix(name, "legacy-");
}

static JsonObject *qdev_prop_info(ObjectProperty *prop)
{
    JsonObject *info = json_object_new();

    json_object_set_string_member(info, "name", prop->name);
    json_object_set_string_member(info, "type", prop->type);
    if (prop->description) {
        json_object_set_string_member(info, "description", prop->description);
    }
    if (prop->defval) {
        json_object_set_member(info, "default-value",
                               json_node_copy(prop->defval));
    }
    return info;
}

JsonArray *qdev_list_properties(const char *typename, Error **errp)
{
    ObjectClass *oc = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    JsonArray *list;
    Object *obj;

    if (!oc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp,
                   "Parameter 'typename' expects a non-abstract device type");
        return NULL;
    }
    list = json_array_new();
    obj = object_new(typename);
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (!qdev_prop_hidden(prop->name)) {
            json_array_add_object_element(list, qdev_prop_info(prop));
        }
    }
    object_unref(obj);
    return list;
}

/* ---- help ---- */

static char *qdev_prop_help_line(JsonObject *info)
{
    GString *str = g_string_new(NULL);
    const char *desc = json_object_has_member(info, "description")
                           ? json_object_get_string_member(info, "description")
                           : NULL;
    JsonNode *def = json_object_get_member(info, "default-value");

    g_string_append_printf(str, "  %s=<%s>",
                           json_object_get_string_member(info, "name"),
                           json_object_get_string_member(info, "type"));
    if (desc || def) {
        while (str->len < 24) {
            g_string_append_c(str, ' ');
        }
        g_string_append_printf(str, " - %s", desc ? desc : "");
    }
    if (def) {
        g_autofree char *json = json_to_string(def, false);

        g_string_append_printf(str, " (default: %s)", json);
    }
    return g_string_free(str, false);
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void qdev_print_props(const char *driver, JsonArray *list)
{
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
    guint i;

    for (i = 0; i < json_array_get_length(list); i++) {
        g_ptr_array_add(
            lines, qdev_prop_help_line(json_array_get_object_element(list, i)));
    }
    g_ptr_array_sort(lines, cmp_str);
    if (lines->len) {
        printf("%s options:\n", driver);
    } else {
        printf("There are no options for %s.\n", driver);
    }
    for (i = 0; i < lines->len; i++) {
        printf("%s\n", (char *)g_ptr_array_index(lines, i));
    }
}

bool qdev_device_help(JsonObject *opts)
{
    const char *driver = opts_get_str(opts, "driver");
    Error *err = NULL;
    JsonArray *list;

    if (driver && is_help_option(driver)) {
        qdev_list_devices();
        return true;
    }
    if (!driver || (!json_object_has_member(opts, "help") &&
                    !json_object_has_member(opts, "?"))) {
        return false;
    }
    if (!object_class_by_name(driver) && qdev_alias_to_typename(driver)) {
        driver = qdev_alias_to_typename(driver);
    }
    list = qdev_list_properties(driver, &err);
    if (!list) {
        error_report_err(err);
        return true;
    }
    qdev_print_props(driver, list);
    json_array_unref(list);
    return true;
}

static const char *const category_names[DEVICE_CATEGORY_MAX + 1] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
    [DEVICE_CATEGORY_MAX] = "Uncategorized",
};

static void qdev_print_devinfo(DeviceClass *dc)
{
    const char *name = object_class_get_name(OBJECT_CLASS(dc));
    const char *alias = qdev_typename_to_alias(name);

    printf("name \"%s\"", name);
    if (dc->bus_type) {
        printf(", bus %s", dc->bus_type);
    }
    if (alias) {
        printf(", alias \"%s\"", alias);
    }
    if (dc->desc) {
        printf(", desc \"%s\"", dc->desc);
    }
    printf("\n");
}

static bool qdev_in_category(DeviceClass *dc, int cat)
{
    unsigned long all = (1UL << DEVICE_CATEGORY_MAX) - 1;

    if (cat == DEVICE_CATEGORY_MAX) {
        return !(dc->categories & all);
    }
    return dc->categories & (1UL << cat);
}

void qdev_list_devices(void)
{
    g_autoptr(GSList) list = object_class_get_list_sorted(TYPE_DEVICE, false);
    int cat;

    for (cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool printed = false;
        GSList *l;

        for (l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);

            if (!dc->user_creatable || !qdev_in_category(dc, cat)) {
                continue;
            }
            if (!printed) {
                printf("%s%s devices:\n", cat ? "\n" : "", category_names[cat]);
                printed = true;
            }
            qdev_print_devinfo(dc);
        }
    }
}
