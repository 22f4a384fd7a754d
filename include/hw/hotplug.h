/*
 * Hot-plug handler interface.
 *
 * An object implementing TYPE_HOTPLUG_HANDLER (a bridge device, a bus
 * owner, the machine) is told about devices plugged into what it
 * controls:
 *   pre_plug        before the device's realize (may refuse),
 *   plug            after a successful realize (may still refuse: the
 *                   device is then unrealized again),
 *   unplug_request  asynchronous removal asked for (device_del): the
 *                   handler finishes later with hotplug_handler_unplug()
 *                   + object_unparent(),
 *   unplug          synchronous removal, the device is unparented after.
 * Every callback is optional.
 */
#ifndef HW_HOTPLUG_H
#define HW_HOTPLUG_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/qdev-core.h"

#define TYPE_HOTPLUG_HANDLER "hotplug-handler"

typedef bool HotplugFn(HotplugHandler *plug_handler, DeviceState *dev,
                       Error **errp);

typedef struct HotplugHandlerClass {
    InterfaceClass parent;

    HotplugFn *pre_plug;
    HotplugFn *plug;
    HotplugFn *unplug_request;
    HotplugFn *unplug;
    /* whether @bus accepts hot-plug at all (default: yes) */
    bool (*is_hotpluggable_bus)(HotplugHandler *plug_handler, BusState *bus);
} HotplugHandlerClass;

static inline HotplugHandler *HOTPLUG_HANDLER(void *obj)
{
    return INTERFACE_CHECK(HotplugHandler, obj, TYPE_HOTPLUG_HANDLER);
}

static inline HotplugHandlerClass *HOTPLUG_HANDLER_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(HotplugHandlerClass, klass, TYPE_HOTPLUG_HANDLER);
}

static inline HotplugHandlerClass *HOTPLUG_HANDLER_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(HotplugHandlerClass, obj, TYPE_HOTPLUG_HANDLER);
}

bool hotplug_handler_pre_plug(HotplugHandler *plug_handler, DeviceState *dev,
                              Error **errp);
bool hotplug_handler_plug(HotplugHandler *plug_handler, DeviceState *dev,
                          Error **errp);
bool hotplug_handler_unplug_request(HotplugHandler *plug_handler,
                                    DeviceState *dev, Error **errp);
bool hotplug_handler_unplug(HotplugHandler *plug_handler, DeviceState *dev,
                            Error **errp);

#endif
