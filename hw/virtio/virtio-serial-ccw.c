/*
 * virtio-serial-ccw: virtio-serial (hw/virtio/virtio-serial.c) inside the
 * virtio-ccw transport. Its ports' bus is "<id>.0" (libvirt's
 * bus=virtio-serial0.0).
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/virtio-ccw.h"
#include "hw/virtio/virtio-serial.h"

#define TYPE_VIRTIO_SERIAL_CCW "virtio-serial-ccw"

typedef struct VirtIOSerialCcw {
    VirtioCcwDevice parent_obj;
    VirtIOSerial vser;
} VirtIOSerialCcw;

static VirtIOSerialCcw *VIRTIO_SERIAL_CCW(void *obj)
{
    return OBJECT_CHECK(VirtIOSerialCcw, obj, TYPE_VIRTIO_SERIAL_CCW);
}

static bool serial_ccw_realize(VirtioCcwDevice *dev, Error **errp)
{
    VirtIOSerialCcw *s = VIRTIO_SERIAL_CCW(dev);

    s->vser.type_name = TYPE_VIRTIO_SERIAL_CCW;
    if (!virtio_serial_realize(&s->vser, DEVICE(dev), errp)) {
        return false;
    }
    dev->vdev = &s->vser.vdev;
    return true;
}

static void serial_ccw_unrealize(VirtioCcwDevice *dev)
{
    virtio_serial_unrealize(&VIRTIO_SERIAL_CCW(dev)->vser);
}

static Property serial_ccw_props[] = {
    DEFINE_PROP_UINT32("max_ports", VirtIOSerialCcw, vser.max_ports,
                       VSER_DEFAULT_PORTS),
    DEFINE_PROP_BOOL("emergency-write", VirtIOSerialCcw, vser.emergency_write,
                     true),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_CLASS(oc);

    dc->desc = "virtio serial (console and channels) on the channel subsystem";
    dc->categories |= 1UL << DEVICE_CATEGORY_INPUT;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, serial_ccw_props);
    virtio_serial_describe(oc);
    vc->vdev_realize = serial_ccw_realize;
    vc->vdev_unrealize = serial_ccw_unrealize;
}

static const TypeInfo serial_ccw_types[] = {
    {
        .name = TYPE_VIRTIO_SERIAL_CCW,
        .parent = TYPE_VIRTIO_CCW_DEVICE,
        .instance_size = sizeof(VirtIOSerialCcw),
        .class_init = serial_ccw_class_init,
    },
};

DEFINE_TYPES(serial_ccw_types)
