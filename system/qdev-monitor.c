/*
 * Devices created by -device and device_add, and removed by device_del.
 *
 * device_add runs as a sequence of checks that each either passes or
 * sets the error QEMU gives for it: the driver, the id, the bus, the
 * hot-plug rules; only then is the device created, and a failure after
 * that (a property value, realize) destroys it again, so that a refused
 * request leaves nothing behind.
 */
#include "qemu/osdep.h"
#include "monitor/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"
#include "qapi/error.h"
#include "qemu/cutils.h"

/* ---- the driver ---- */

static bool driver_is_pluggable(DeviceClass *dc)
{
    return dc->user_creatable && (!qdev_hotplug || dc->hotpluggable);
}

/*
 * The device class -device @*name asks for. An alias is accepted when no
 * type has that name; @*name is then replaced by the type name.
 */
static DeviceClass *driver_lookup(const char **name, Error **errp)
{
    const char *asked = *name;
    ObjectClass *oc = object_class_by_name(asked);

    if (!oc && qdev_alias_to_typename(asked)) {
        *name = qdev_alias_to_typename(asked);
        oc = object_class_by_name(*name);
    }
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        if (*name == asked) {
            error_setg(errp, "'%s' is not a valid device model name", asked);
        } else {
            error_setg(errp,
                       "'%s' (alias '%s') is not a valid device model name",
                       *name, asked);
        }
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp,
                   "Parameter 'driver' expects a non-abstract device type");
        return NULL;
    }
    if (!driver_is_pluggable(DEVICE_CLASS(oc))) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device type");
        return NULL;
    }
    return DEVICE_CLASS(oc);
}

/* ---- the bus ---- */

static BusState *bus_from_path(const char *driver, DeviceClass *dc,
                               const char *path, Error **errp)
{
    BusState *bus = qbus_find(path, errp);

    if (bus &&
        !(dc->bus_type && object_dynamic_cast(OBJECT(bus), dc->bus_type))) {
        error_setg(errp, "Device '%s' can't go on %s bus", driver,
                   object_get_typename(OBJECT(bus)));
        return NULL;
    }
    return bus;
}

/* The first bus of the device's type that has room, in tree order. */
static BusState *bus_by_type(const char *driver, DeviceClass *dc, Error **errp)
{
    BusState *bus = qbus_find_recursive(sysbus_get_default(), NULL,
                                        dc->bus_type);

    if (!bus) {
        error_setg(errp, "No '%s' bus found for device '%s'", dc->bus_type,
                   driver);
    }
    return bus;
}

/*
 * Where the device goes: @*busp is NULL for a device without a bus.
 * Once the machine runs, the bus must also take hot-plugged devices.
 */
static bool bus_choose(const char *driver, DeviceClass *dc, const char *path,
                       BusState **busp, Error **errp)
{
    BusState *bus = NULL;

    if (path) {
        bus = bus_from_path(driver, dc, path, errp);
    } else if (dc->bus_type) {
        bus = bus_by_type(driver, dc, errp);
    } else {
        *busp = NULL;
        return true;
    }
    if (!bus) {
        return false;
    }
    if (qdev_hotplug && !qbus_is_hotpluggable(bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging", bus->name);
        return false;
    }
    *busp = bus;
    return true;
}

/* ---- the options ---- */

/* A string member of @opts, NULL when absent or of another type. */
static const char *opt_string(JsonObject *opts, const char *key)
{
    JsonNode *node = json_object_get_member(opts, key);

    if (!node || !JSON_NODE_HOLDS_VALUE(node) ||
        json_node_get_value_type(node) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(node);
}

static bool id_acceptable(const char *id, Error **errp)
{
    if (!id || id_wellformed(id)) {
        return true;
    }
    error_setg(errp, "Parameter 'id' expects an identifier");
    error_append_hint(
        errp,
        "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n");
    return false;
}

/* Keys that place the device rather than configure it. */
static bool opt_is_placement(const char *key)
{
    static const char *const keys[] = { "driver", "bus", "id", NULL };

    return g_strv_contains(keys, key);
}

static bool opts_apply(DeviceState *dev, JsonObject *opts, bool typed,
                       Error **errp)
{
    g_autoptr(GList) keys = json_object_get_members(opts);
    GList *k;

    for (k = keys; k; k = k->next) {
        const char *key = k->data;
        JsonNode *val = json_object_get_member(opts, key);
        bool ok;

        if (opt_is_placement(key)) {
            continue;
        }
        if (typed) {
            ok = object_property_set_qobject(OBJECT(dev), key, val, errp);
        } else {
            ok = object_property_set_keyval(OBJECT(dev), key, val, errp);
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* ---- device_add ---- */

/* After machine init a device without a bus needs the machine's handler. */
static bool hotplug_permitted(DeviceState *dev, const char *driver,
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

/* Configure and realize @dev, which is already in the tree. */
static bool device_bring_up(DeviceState *dev, BusState *bus, JsonObject *opts,
                            bool typed, Error **errp)
{
    return opts_apply(dev, opts, typed, errp) && qdev_realize(dev, bus, errp);
}

DeviceState *qdev_device_add_from_qdict(JsonObject *opts, bool from_json,
                                        Error **errp)
{
    const char *driver = opt_string(opts, "driver");
    const char *id = opt_string(opts, "id");
    BusState *bus = NULL;
    DeviceClass *dc;
    DeviceState *dev;

    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = driver_lookup(&driver, errp);
    if (!dc || !id_acceptable(id, errp) ||
        !bus_choose(driver, dc, opt_string(opts, "bus"), &bus, errp)) {
        return NULL;
    }
    if (dc->add_expanded) {
        bool handled = false;

        dev = dc->add_expanded(dc, opts, from_json, bus, &handled, errp);
        if (handled) {
            return dev;
        }
    }
    dev = qdev_new(driver);
    if (!hotplug_permitted(dev, driver, bus, errp) ||
        !qdev_set_id(dev, g_strdup(id), errp)) {
        object_unref(OBJECT(dev));
        return NULL;
    }
    if (!device_bring_up(dev, bus, opts, from_json, errp)) {
        /* out of the tree, then the caller's reference */
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        return NULL;
    }
    return dev;
}

/* ---- device_del ---- */

/* What device_del @id names: an id under /machine/peripheral, or a path. */
static DeviceState *unplug_target(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_at(qdev_get_peripheral(), id);

    if (obj && object_dynamic_cast(obj, TYPE_DEVICE)) {
        return DEVICE(obj);
    }
    if (obj) {
        error_setg(errp, "%s is not a hotpluggable device", id);
    } else {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  id);
    }
    return NULL;
}

bool qdev_device_del(const char *id, Error **errp)
{
    DeviceState *dev = unplug_target(id, errp);

    if (dev && dev->pending_deleted_event) {
        error_setg(errp, "Device %s is already in the process of unplug", id);
        return false;
    }
    return dev && qdev_unplug(dev, errp);
}
