/*
 * qdev: devices and buses on top of QOM.
 *
 * Lifecycle: qdev_new() (instance_init, cannot fail), set properties,
 * qdev_realize(dev, bus, errp) (acquires resources; on failure the device
 * is left unrealized and can be destroyed), qdev_unrealize() (releases in
 * reverse), object_unparent()/object_unref() to destroy.
 *
 * Realize of a device whose hotplug handler exists (the machine's, else
 * the parent bus's) runs: handler pre_plug, class realize, child buses
 * realize, handler plug.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

typedef struct DeviceState DeviceState;
typedef struct DeviceClass DeviceClass;
typedef struct BusState BusState;
typedef struct BusClass BusClass;
typedef struct BusChild BusChild;
typedef struct Property Property;
typedef struct PropertyInfo PropertyInfo;
typedef struct HotplugHandler HotplugHandler;

#define TYPE_DEVICE "device"
#define TYPE_BUS    "bus"

/* Sections of -device help, in print order. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

typedef bool DeviceRealize(DeviceState *dev, Error **errp);
typedef void DeviceUnrealize(DeviceState *dev);
typedef void DeviceReset(DeviceState *dev);

struct DeviceClass {
    ObjectClass parent_class;

    const char *desc;
    unsigned long categories; /* bit mask of 1 << DeviceCategory */
    Property *props;          /* static properties (class chain) */
    /* -device / device_add may create it (default true) */
    bool user_creatable;
    /* may be added/removed after machine init (default true) */
    bool hotpluggable;
    const char *bus_type; /* NULL: the device has no parent bus */

    DeviceRealize *realize;
    DeviceUnrealize *unrealize;
    DeviceReset *reset;
    /*
     * -device / device_add options that stand for several devices (vfio-pci's
     * extended host=): create them all on @bus and return the one the id
     * names, with a reference for the caller (NULL and @errp on failure,
     * nothing left behind).  *@handled = false: the options are for one
     * device and the usual path follows.  Optional.
     */
    DeviceState *(*add_expanded)(DeviceClass *dc, JsonObject *opts,
                                 bool from_json, BusState *bus, bool *handled,
                                 Error **errp);
};

struct DeviceState {
    Object parent_obj;

    char *id;             /* NULL for anonymous devices */
    char *canonical_path; /* recorded at realize, for events */
    bool realized;
    bool pending_deleted_event;
    bool hotplugged; /* created after machine init */
    bool allow_unplug_during_migration;
    BusState *parent_bus;
    GList *bus_link;   /* this device's entry in parent_bus->children */
    GSList *child_bus; /* BusState *, creation order */
    int num_child_bus;
    int instance_id_alias;
    Error *globals_err; /* a -global that failed to apply */
};

struct BusChild {
    DeviceState *child;
    int index;
};

struct BusClass {
    ObjectClass parent_class;

    /* "fe.0.1234" style path of @dev on this bus (g_free'd by caller) */
    char *(*get_dev_path)(DeviceState *dev);
    char *(*get_fw_dev_path)(DeviceState *dev);
    /* refuse @dev's address before it is added to the bus */
    bool (*check_address)(BusState *bus, DeviceState *dev, Error **errp);
    void (*reset)(BusState *bus);
    int max_dev;       /* 0: unlimited */
    int automatic_ids; /* counter for "name.N" bus names */
};

struct BusState {
    Object obj;

    DeviceState *parent;
    char *name;
    HotplugHandler *hotplug_handler;
    int max_index;
    bool realized;
    int num_children;
    GList *children; /* BusChild *, insertion order */
    GList *children_tail;
};

static inline DeviceState *DEVICE(void *obj)
{
    return OBJECT_CHECK(DeviceState, obj, TYPE_DEVICE);
}

static inline DeviceClass *DEVICE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(DeviceClass, klass, TYPE_DEVICE);
}

static inline DeviceClass *DEVICE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(DeviceClass, obj, TYPE_DEVICE);
}

static inline BusState *BUS(void *obj)
{
    return OBJECT_CHECK(BusState, obj, TYPE_BUS);
}

static inline BusClass *BUS_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(BusClass, klass, TYPE_BUS);
}

static inline BusClass *BUS_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(BusClass, obj, TYPE_BUS);
}

/* ---- devices ---- */

/* New unrealized device (aborts for unknown or abstract types). */
DeviceState *qdev_new(const char *name);
/* NULL when @name is not a device type. */
DeviceState *qdev_try_new(const char *name);
/*
 * Put @dev on @bus (NULL for bus-less devices) and realize it. A device
 * without a QOM parent is placed at /machine/unattached/device[N]. On
 * failure it is taken off the bus again and stays unrealized.
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
/* qdev_realize() then drop the caller's reference (the tree keeps one). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
void qdev_unrealize(DeviceState *dev);

/*
 * Give @dev its place in the tree: /machine/peripheral/@id, or
 * /machine/peripheral-anon/device[N] when @id is NULL. Takes ownership
 * of @id. Returns the child property name, NULL with "Duplicate device
 * ID 'X'".
 */
const char *qdev_set_id(DeviceState *dev, char *id, Error **errp);

/* "/machine" (NULL before the machine exists) and its containers. */
Object *qdev_get_machine(void);
Object *qdev_get_peripheral(void);
Object *qdev_get_peripheral_anon(void);

BusState *qdev_get_parent_bus(DeviceState *dev);
/*
 * Attach @dev to @bus (before realize): the bus type must match the
 * device's bus_type, the bus must have room ("Bus 'X' is full") and its
 * check_address must accept the device.
 */
bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp);
/* Detach @dev from its parent bus (no-op when it has none). */
void qdev_unset_parent_bus(DeviceState *dev);
/* Child bus of @dev named @name, or NULL. */
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
/* Bus-specific path ("fe.0.1234"), or NULL. g_free it. */
char *qdev_get_dev_path(DeviceState *dev);

/* Reset: the devices on @dev's child buses (depth first), then @dev. */
void device_reset(DeviceState *dev);

/*
 * Hot-unplug @dev: the handler's unplug_request when it has one (async,
 * the handler later calls its own completion), else unplug and unparent.
 * "Bus 'X' does not support hotplugging",
 * "Device 'X' does not support hotplugging".
 */
bool qdev_unplug(DeviceState *dev, Error **errp);
/* Handler responsible for @dev: the machine's, else the parent bus's. */
HotplugHandler *qdev_get_hotplug_handler(DeviceState *dev);
HotplugHandler *qdev_get_machine_hotplug_handler(DeviceState *dev);
/* "Device 'X' does not support hotplugging" when the machine is ready. */
bool qdev_hotplug_allowed(DeviceState *dev, Error **errp);

/*
 * Set once the machine has been initialized: later devices are
 * "hotplugged" and must be hotpluggable.
 */
extern bool qdev_hotplug;
void qdev_machine_creation_done(void);

/*
 * Called with (id or NULL, canonical path) when a device that was
 * realized is finalized (QMP sends DEVICE_DELETED from it). Only one
 * sink; NULL removes it.
 */
typedef void QdevDeletedFunc(const char *id, const char *path);
void qdev_set_deleted_sink(QdevDeletedFunc *fn);

/* Alias names accepted by -device (e.g. "virtio-net" for a ccw type). */
void qdev_register_alias(const char *typename, const char *alias);
const char *qdev_alias_to_typename(const char *alias);
const char *qdev_typename_to_alias(const char *typename);

/* ---- buses ---- */

/*
 * New bus of @typename as child of @parent (may be NULL) named @name or,
 * when NULL, "<parent id>.N" / "<type>.N". The parent holds the bus.
 */
BusState *qbus_new(const char *typename, DeviceState *parent, const char *name);
/* Same, for a bus embedded in the caller's memory of @size bytes. */
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);
bool qbus_realize(BusState *bus, Error **errp);
void qbus_unrealize(BusState *bus);
void qbus_set_hotplug_handler(BusState *bus, Object *handler);
bool qbus_is_hotpluggable(BusState *bus);
bool qbus_is_full(BusState *bus);
/* Reset every device below @bus (depth first) and the bus itself. */
void qbus_reset_all(BusState *bus);
/* Call @fn on each child device, in insertion order; stops on non-0. */
int qbus_walk_children(BusState *bus, int (*fn)(DeviceState *, void *),
                       void *opaque);

/*
 * Find a bus as -device bus= accepts it: "NAME" (any bus in the tree)
 * or "/dev/bus/dev/..." from the system bus; a trailing device name
 * means its only child bus. Errors: "Bus 'X' not found",
 * "Device 'X' not found", "Device 'X' has no child bus",
 * "Device 'X' has multiple child buses", "Bus 'X' is full".
 */
BusState *qbus_find(const char *path, Error **errp);
/*
 * First bus below @bus (included) with name @name (when non-NULL) and of
 * @type (when non-NULL); full buses are skipped when @name is NULL.
 */
BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *type);

/* ---- the system bus ---- */

#define TYPE_SYSTEM_BUS     "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"

/* "main-system-bus" at /machine/unattached/sysbus (created on demand). */
BusState *sysbus_get_default(void);
/* Realize a sys-bus-device on the main system bus. */
bool sysbus_realize(DeviceState *dev, Error **errp);
bool sysbus_realize_and_unref(DeviceState *dev, Error **errp);

#endif
