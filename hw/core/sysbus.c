/*
 * The main system bus and the sys-bus-device base type.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qemu/module.h"

static BusState *main_system_bus;

BusState *sysbus_get_default(void)
{
    if (!main_system_bus) {
        Object *unattached = container_get(qdev_get_machine(), "/unattached");

        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        object_property_add_child(unattached, "sysbus",
                                  OBJECT(main_system_bus));
        object_unref(OBJECT(main_system_bus));
        main_system_bus->realized = true;
    }
    return main_system_bus;
}

bool sysbus_realize(DeviceState *dev, Error **errp)
{
    return qdev_realize(dev, sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(DeviceState *dev, Error **errp)
{
    return qdev_realize_and_unref(dev, sysbus_get_default(), errp);
}

static void sysbus_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /* board code creates them; -device only where a class allows it */
    dc->user_creatable = false;
}

static const TypeInfo sysbus_types[] = {
    {
        .name = TYPE_SYSTEM_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_size = sizeof(BusClass),
    },
    {
        .name = TYPE_SYS_BUS_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .abstract = true,
        .class_size = sizeof(DeviceClass),
        .class_init = sysbus_device_class_init,
    },
};

DEFINE_TYPES(sysbus_types)
