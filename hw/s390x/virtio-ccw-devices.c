/*
 * The virtio-ccw devices: a device model (hw/virtio) inside the
 * virtio-ccw transport. virtio-balloon-ccw (libvirt adds one to every
 * s390 domain), virtio-blk-ccw and virtio-rng-ccw.
 */
#include "qemu/osdep.h"
#include "qapi/visitor.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/virtio-ccw.h"
#include "hw/virtio/virtio-balloon.h"
#include "hw/virtio/virtio-blk.h"
#include "hw/virtio/virtio-rng.h"

#define TYPE_VIRTIO_BALLOON_CCW "virtio-balloon-ccw"
#define TYPE_VIRTIO_RNG_CCW     "virtio-rng-ccw"
#define TYPE_VIRTIO_BLK_CCW     "virtio-blk-ccw"

typedef struct VirtIOBlkCcw {
    VirtioCcwDevice parent_obj;
    VirtIOBlock blk;
} VirtIOBlkCcw;

typedef struct VirtIOBalloonCcw {
    VirtioCcwDevice parent_obj;
    VirtIOBalloon balloon;
} VirtIOBalloonCcw;

typedef struct VirtIORngCcw {
    VirtioCcwDevice parent_obj;
    VirtIORng rng;
} VirtIORngCcw;

static VirtIOBalloonCcw *VIRTIO_BALLOON_CCW(void *obj)
{
    return OBJECT_CHECK(VirtIOBalloonCcw, obj, TYPE_VIRTIO_BALLOON_CCW);
}

static VirtIORngCcw *VIRTIO_RNG_CCW(void *obj)
{
    return OBJECT_CHECK(VirtIORngCcw, obj, TYPE_VIRTIO_RNG_CCW);
}

static VirtIOBlkCcw *VIRTIO_BLK_CCW(void *obj)
{
    return OBJECT_CHECK(VirtIOBlkCcw, obj, TYPE_VIRTIO_BLK_CCW);
}

/* ---- virtio-blk-ccw ---- */

static bool blk_ccw_realize(VirtioCcwDevice *dev, Error **errp)
{
    VirtIOBlkCcw *b = VIRTIO_BLK_CCW(dev);

    g_autofree char *path = NULL;

    b->blk.type_name = TYPE_VIRTIO_BLK_CCW;
    if (!virtio_blk_realize(&b->blk, errp)) {
        return false;
    }
    dev->vdev = &b->blk.vdev;
    /* QEMU's virtio-blk is a child "virtio-backend" of the CCW proxy:
     * query-block names that one as the drive's device */
    path = object_get_canonical_path(OBJECT(dev));
    if (path) {
        g_autofree char *qdev = g_strdup_printf("%s/virtio-backend", path);

        blk_set_qdev(b->blk.blk, qdev);
    }
    return true;
}

static void blk_ccw_unrealize(VirtioCcwDevice *dev)
{
    virtio_blk_unrealize(&VIRTIO_BLK_CCW(dev)->blk);
}

static Property blk_ccw_props[] = {
    DEFINE_PROP_STRING("drive", VirtIOBlkCcw, blk.drive),
    DEFINE_PROP_STRING("serial", VirtIOBlkCcw, blk.serial),
    DEFINE_PROP_UINT16("num-queues", VirtIOBlkCcw, blk.num_queues,
                       VIRTIO_BLK_AUTO_NUM_QUEUES),
    DEFINE_PROP_UINT16("queue-size", VirtIOBlkCcw, blk.queue_size, 256),
    DEFINE_PROP_BOOL("config-wce", VirtIOBlkCcw, blk.config_wce, true),
    DEFINE_PROP_ENUM("write-cache", VirtIOBlkCcw, blk.write_cache,
                     VIRTIO_BLK_WC_AUTO, virtio_blk_prop_write_cache),
    VIRTIO_BLK_SIZE_PROPS(VirtIOBlkCcw, blk),
    DEFINE_PROP_BOOL("share-rw", VirtIOBlkCcw, blk.share_rw, false),
    DEFINE_PROP_INT32("bootindex", VirtIOBlkCcw, blk.bootindex, -1),
    DEFINE_PROP_END_OF_LIST(),
};

static void blk_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_CLASS(oc);

    dc->desc = "virtio block device on the channel subsystem";
    dc->categories |= 1UL << DEVICE_CATEGORY_STORAGE;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, blk_ccw_props);
    vc->vdev_realize = blk_ccw_realize;
    vc->vdev_unrealize = blk_ccw_unrealize;
}

/* ---- virtio-balloon-ccw ---- */

static bool balloon_ccw_realize(VirtioCcwDevice *dev, Error **errp)
{
    VirtIOBalloonCcw *b = VIRTIO_BALLOON_CCW(dev);

    if (!virtio_balloon_realize(&b->balloon, errp)) {
        return false;
    }
    dev->vdev = &b->balloon.vdev;
    return true;
}

static void balloon_ccw_unrealize(VirtioCcwDevice *dev)
{
    virtio_balloon_unrealize(&VIRTIO_BALLOON_CCW(dev)->balloon);
}

static Property balloon_ccw_props[] = {
    DEFINE_PROP_BOOL("deflate-on-oom", VirtIOBalloonCcw, balloon.deflate_on_oom,
                     false),
    DEFINE_PROP_BOOL("free-page-hint", VirtIOBalloonCcw, balloon.free_page_hint,
                     false),
    DEFINE_PROP_BOOL("free-page-reporting", VirtIOBalloonCcw,
                     balloon.free_page_reporting, false),
    DEFINE_PROP_BOOL("page-poison", VirtIOBalloonCcw, balloon.page_poison,
                     true),
    DEFINE_PROP_BOOL("qemu-4-0-config-size", VirtIOBalloonCcw,
                     balloon.qemu_4_0_config_size, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void balloon_ccw_get_interval(Object *obj, Visitor *v, const char *name,
                                     void *opaque, Error **errp)
{
    visit_type_int(v, name,
                   &VIRTIO_BALLOON_CCW(obj)->balloon.stats_poll_interval, errp);
}

static void balloon_ccw_set_interval(Object *obj, Visitor *v, const char *name,
                                     void *opaque, Error **errp)
{
    int64_t value;

    if (visit_type_int(v, name, &value, errp)) {
        virtio_balloon_set_poll_interval(&VIRTIO_BALLOON_CCW(obj)->balloon,
                                         value, errp);
    }
}

static void balloon_ccw_get_stats(Object *obj, Visitor *v, const char *name,
                                  void *opaque, Error **errp)
{
    JsonNode *n = virtio_balloon_guest_stats(&VIRTIO_BALLOON_CCW(obj)->balloon);

    visit_type_any(v, name, &n, errp);
    if (n) {
        json_node_unref(n);
    }
}

static void balloon_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_CLASS(oc);

    dc->desc = "virtio memory balloon on the channel subsystem";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, balloon_ccw_props);
    object_class_property_add(oc, "guest-stats-polling-interval", "int",
                              balloon_ccw_get_interval,
                              balloon_ccw_set_interval, NULL, NULL);
    object_class_property_add(oc, "guest-stats", "guest statistics",
                              balloon_ccw_get_stats, NULL, NULL, NULL);
    vc->vdev_realize = balloon_ccw_realize;
    vc->vdev_unrealize = balloon_ccw_unrealize;
}

/* ---- virtio-rng-ccw ---- */

static bool rng_ccw_realize(VirtioCcwDevice *dev, Error **errp)
{
    VirtIORngCcw *r = VIRTIO_RNG_CCW(dev);

    if (!virtio_rng_realize(&r->rng, errp)) {
        return false;
    }
    dev->vdev = &r->rng.vdev;
    return true;
}

static void rng_ccw_unrealize(VirtioCcwDevice *dev)
{
    virtio_rng_unrealize(&VIRTIO_RNG_CCW(dev)->rng);
}

static Property rng_ccw_props[] = {
    DEFINE_PROP_LINK("rng", VirtIORngCcw, rng.rng, TYPE_RNG_BACKEND,
                     RngBackend *),
    DEFINE_PROP_UINT64("max-bytes", VirtIORngCcw, rng.max_bytes, INT64_MAX),
    DEFINE_PROP_UINT32("period", VirtIORngCcw, rng.period_ms, 1 << 16),
    DEFINE_PROP_END_OF_LIST(),
};

static void rng_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_CLASS(oc);

    dc->desc = "virtio entropy source on the channel subsystem";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, rng_ccw_props);
    vc->vdev_realize = rng_ccw_realize;
    vc->vdev_unrealize = rng_ccw_unrealize;
}

static const TypeInfo vccw_device_types[] = {
    {
        .name = TYPE_VIRTIO_BALLOON_CCW,
        .parent = TYPE_VIRTIO_CCW_DEVICE,
        .instance_size = sizeof(VirtIOBalloonCcw),
        .class_init = balloon_ccw_class_init,
    },
    {
        .name = TYPE_VIRTIO_BLK_CCW,
        .parent = TYPE_VIRTIO_CCW_DEVICE,
        .instance_size = sizeof(VirtIOBlkCcw),
        .class_init = blk_ccw_class_init,
    },
    {
        .name = TYPE_VIRTIO_RNG_CCW,
        .parent = TYPE_VIRTIO_CCW_DEVICE,
        .instance_size = sizeof(VirtIORngCcw),
        .class_init = rng_ccw_class_init,
    },
};

DEFINE_TYPES(vccw_device_types)
