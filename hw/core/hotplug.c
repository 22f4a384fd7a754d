/*
 * Hot-plug handler interface and hot-unplug of devices.
 */
#include "qemu/osdep.h"
#include "hw/hotplug.h"
#include "hw/boards.h"
#include "qapi/error.h"
#include "qemu/module.h"

bool hotplug_handler_pre_plug(HotplugHandler *plug_handler, DeviceState *dev,
                              Error **errp)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_GET_CLASS(plug_handler);

    return !hc->pre_plug || hc->pre_plug(plug_handler, dev, errp);
}

bool hotplug_handler_plug(HotplugHandler *plug_handler, DeviceState *dev,
                          Error **errp)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_GET_CLASS(plug_handler);

    return !hc->plug || hc->plug(plug_handler, dev, errp);
}

bool hotplug_handler_unplug_request(HotplugHandler *plug_handler,
                                    DeviceState *dev, Error **errp)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_GET_CLASS(plug_handler);

    return !hc->unplug_request || hc->unplug_request(plug_handler, dev, errp);
}

bool hotplug_handler_unplug(HotplugHandler *plug_handler, DeviceState *dev,
                            Error **errp)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_GET_CLASS(plug_handler);

    return !hc->unplug || hc->unplug(plug_handler, dev, errp);
}

HotplugHandler *qdev_get_hotplug_handler(DeviceState *dev)
{
    HotplugHandler *handler = qdev_get_machine_hotplug_handler(dev);

    if (!handler && dev->parent_bus) {
        handler = dev->parent_bus->hotplug_handler;
    }
    return handler;
}

bool qdev_hotplug_allowed(DeviceState *dev, Error **errp)
{
    if (qdev_hotplug && !DEVICE_GET_CLASS(dev)->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    return true;
}

bool qdev_unplug(DeviceState *dev, Error **errp)
{
    HotplugHandler *handler;
    HotplugHandlerClass *hc;

    if (dev->parent_bus && !qbus_is_hotpluggable(dev->parent_bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   dev->parent_bus->name);
        return false;
    }
    if (!DEVICE_GET_CLASS(dev)->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    handler = qdev_get_hotplug_handler(dev);
    if (!handler) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    hc = HOTPLUG_HANDLER_GET_CLASS(handler);
    if (hc->unplug_request) {
        return hotplug_handler_unplug_request(handler, dev, errp);
    }
    if (!hotplug_handler_unplug(handler, dev, errp)) {
        return false;
    }
    object_unparent(OBJECT(dev));
    return true;
}

static const TypeInfo hotplug_handler_info = {
    .name = TYPE_HOTPLUG_HANDLER,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(HotplugHandlerClass),
};

static void hotplug_register_types(void)
{
    type_register_static(&hotplug_handler_info);
}

type_init(hotplug_register_types)
