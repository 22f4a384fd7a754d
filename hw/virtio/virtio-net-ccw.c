/*
 * virtio-net-ccw: virtio-net (hw/virtio/virtio-net.c) inside the
 * virtio-ccw transport. The NIC's name for set_link is the device id.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/virtio-ccw.h"
#include "hw/virtio/virtio-net.h"

#define TYPE_VIRTIO_NET_CCW "virtio-net-ccw"

typedef struct VirtIONetCcw {
    VirtioCcwDevice parent_obj;
    VirtIONet net;
} VirtIONetCcw;

static VirtIONetCcw *VIRTIO_NET_CCW(void *obj)
{
    return OBJECT_CHECK(VirtIONetCcw, obj, TYPE_VIRTIO_NET_CCW);
}

static bool net_ccw_realize(VirtioCcwDevice *dev, Error **errp)
{
    VirtIONetCcw *n = VIRTIO_NET_CCW(dev);

    n->net.type_name = TYPE_VIRTIO_NET_CCW;
    if (!virtio_net_realize(&n->net, DEVICE(dev)->id, errp)) {
        return false;
    }
    dev->vdev = &n->net.vdev;
    return true;
}

static void net_ccw_unrealize(VirtioCcwDevice *dev)
{
    virtio_net_unrealize(&VIRTIO_NET_CCW(dev)->net);
}

static Property net_ccw_props[] = {
    DEFINE_PROP_STRING("netdev", VirtIONetCcw, net.netdev),
    DEFINE_PROP_STRING("mac", VirtIONetCcw, net.mac_str),
    DEFINE_PROP_BOOL("mq", VirtIONetCcw, net.mq, false),
    DEFINE_PROP_BOOL("mrg_rxbuf", VirtIONetCcw, net.mrg_rxbuf, true),
    DEFINE_PROP_BOOL("status", VirtIONetCcw, net.status_prop, true),
    DEFINE_PROP_UINT16("rx_queue_size", VirtIONetCcw, net.rx_queue_size, 256),
    DEFINE_PROP_UINT16("tx_queue_size", VirtIONetCcw, net.tx_queue_size, 256),
    DEFINE_PROP_INT32("bootindex", VirtIONetCcw, net.bootindex, -1),
    DEFINE_PROP_END_OF_LIST(),
};

static void net_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_CLASS(oc);

    dc->desc = "virtio network device on the channel subsystem";
    dc->categories |= 1UL << DEVICE_CATEGORY_NETWORK;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, net_ccw_props);
    virtio_net_describe(oc);
    vc->vdev_realize = net_ccw_realize;
    vc->vdev_unrealize = net_ccw_unrealize;
}

static const TypeInfo net_ccw_types[] = {
    {
        .name = TYPE_VIRTIO_NET_CCW,
        .parent = TYPE_VIRTIO_CCW_DEVICE,
        .instance_size = sizeof(VirtIONetCcw),
        .class_init = net_ccw_class_init,
    },
};

DEFINE_TYPES(net_ccw_types)
