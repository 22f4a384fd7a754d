/*
 * The virtual css bridge, its "virtual-css" bus, and hot-plug of ccw
 * devices: a device added or removed after start-up makes the css
 * queue a channel report word (CRW) for the guest.
 */
#include "qemu/osdep.h"
#include "hw/s390x/css-bridge.h"
#include "hw/s390x/ccw-device.h"
#include "hw/hotplug.h"

static bool css_bridge_plug(HotplugHandler *hh, DeviceState *dev, Error **errp)
{
    CcwDevice *ccw = CCW_DEVICE(dev);

    if (dev->hotplugged) {
        css_sch_report(ccw->sch);
    }
    return true;
}

static bool css_bridge_unplug(HotplugHandler *hh, DeviceState *dev,
                              Error **errp)
{
    CcwDevice *ccw = CCW_DEVICE(dev);

    if (ccw->sch) {
        css_sch_report(ccw->sch);
    }
    if (dev->realized) {
        qdev_unrealize(dev);
    }
    return true;
}

static char *virtual_css_bus_get_dev_path(DeviceState *dev)
{
    return css_dev_id_print(&CCW_DEVICE(dev)->dev_id);
}

static void virtual_css_bus_class_init(ObjectClass *oc, void *data)
{
    BusClass *bc = BUS_CLASS(oc);

    bc->get_dev_path = virtual_css_bus_get_dev_path;
    bc->get_fw_dev_path = virtual_css_bus_get_dev_path;
}

static void css_bridge_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    dc->desc = "virtual channel subsystem bridge";
    dc->user_creatable = false;
    dc->hotpluggable = false;
    hc->plug = css_bridge_plug;
    hc->unplug = css_bridge_unplug;
}

BusState *virtual_css_bus_init(Error **errp)
{
    DeviceState *dev;
    BusState *bus;

    css_init();
    dev = qdev_new(TYPE_VIRTUAL_CSS_BRIDGE);
    object_property_add_child(qdev_get_machine(), TYPE_VIRTUAL_CSS_BRIDGE,
                              OBJECT(dev));
    bus = qbus_new(TYPE_VIRTUAL_CSS_BUS, dev, VIRTUAL_CSS_BUS_NAME);
    qbus_set_hotplug_handler(bus, OBJECT(dev));
    if (!sysbus_realize_and_unref(dev, errp)) {
        return NULL;
    }
    return bus;
}

static const TypeInfo css_bridge_types[] = {
    {
        .name = TYPE_VIRTUAL_CSS_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = css_bridge_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_HOTPLUG_HANDLER }, { NULL } },
    },
    {
        .name = TYPE_VIRTUAL_CSS_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_init = virtual_css_bus_class_init,
    },
};

DEFINE_TYPES(css_bridge_types)
