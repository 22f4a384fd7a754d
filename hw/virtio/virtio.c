/*
 * The virtio core, device side: feature negotiation, the status byte,
 * config space, reset and the broken state. The split rings are in
 * virtqueue.c. API: include/hw/virtio/virtio.h, docs/devel/virtio.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "hw/virtio/virtio.h"

/* ---- endian helpers: modern little, legacy big (s390 native) ---- */

static uint64_t virtio_load(VirtIODevice *vdev, const void *p, int size)
{
    const uint8_t *b = p;
    uint64_t v = 0;

    for (int i = 0; i < size; i++) {
        int shift = virtio_is_big_endian(vdev) ? 8 * (size - 1 - i) : 8 * i;

        v |= (uint64_t)b[i] << shift;
    }
    return v;
}

static void virtio_store(VirtIODevice *vdev, void *p, int size, uint64_t v)
{
    uint8_t *b = p;

    for (int i = 0; i < size; i++) {
        int shift = virtio_is_big_endian(vdev) ? 8 * (size - 1 - i) : 8 * i;

        b[i] = v >> shift;
    }
}

uint16_t virtio_lduw(VirtIODevice *vdev, const void *p)
{
    return virtio_load(vdev, p, 2);
}

uint32_t virtio_ldl(VirtIODevice *vdev, const void *p)
{
    return virtio_load(vdev, p, 4);
}

uint64_t virtio_ldq(VirtIODevice *vdev, const void *p)
{
    return virtio_load(vdev, p, 8);
}

void virtio_stw(VirtIODevice *vdev, void *p, uint16_t v)
{
    virtio_store(vdev, p, 2, v);
}

void virtio_stl(VirtIODevice *vdev, void *p, uint32_t v)
{
    virtio_store(vdev, p, 4, v);
}

void virtio_stq(VirtIODevice *vdev, void *p, uint64_t v)
{
    virtio_store(vdev, p, 8, v);
}

static bool config_fits(VirtIODevice *vdev, size_t off, size_t size)
{
    return off <= vdev->config_len && size <= vdev->config_len - off;
}

void virtio_config_set16(VirtIODevice *vdev, size_t off, uint16_t v)
{
    if (config_fits(vdev, off, 2)) {
        virtio_stw(vdev, vdev->config + off, v);
    }
}

void virtio_config_set32(VirtIODevice *vdev, size_t off, uint32_t v)
{
    if (config_fits(vdev, off, 4)) {
        virtio_stl(vdev, vdev->config + off, v);
    }
}

void virtio_config_set64(VirtIODevice *vdev, size_t off, uint64_t v)
{
    if (config_fits(vdev, off, 8)) {
        virtio_stq(vdev, vdev->config + off, v);
    }
}

uint32_t virtio_config_get32(VirtIODevice *vdev, size_t off)
{
    return config_fits(vdev, off, 4) ? virtio_ldl(vdev, vdev->config + off) : 0;
}

/* ---- set-up ---- */

void virtio_init(VirtIODevice *vdev, const char *name, uint16_t device_id,
                 size_t config_len, uint64_t host_features,
                 const VirtIODeviceOps *ops, void *opaque)
{
    vdev->name = name;
    vdev->device_id = device_id;
    vdev->config_len = config_len;
    vdev->config = g_malloc0(MAX(config_len, 1));
    vdev->host_features = host_features | 1ull << VIRTIO_F_VERSION_1;
    vdev->ops = ops;
    vdev->opaque = opaque;
    vdev->as = &address_space_memory;
    vdev->vq = g_new0(VirtQueue, VIRTIO_QUEUE_MAX);
    vdev->nvqs = 0;
}

VirtQueue *virtio_add_queue(VirtIODevice *vdev, uint16_t max_num,
                            VirtIOHandleOutput *handle)
{
    VirtQueue *vq;

    g_assert(vdev->nvqs < VIRTIO_QUEUE_MAX);
    g_assert(max_num && max_num <= VIRTQUEUE_MAX_SIZE);
    vq = &vdev->vq[vdev->nvqs];
    vq->vdev = vdev;
    vq->index = vdev->nvqs++;
    vq->max_num = max_num;
    vq->handle = handle;
    return vq;
}

void virtio_cleanup(VirtIODevice *vdev)
{
    g_clear_pointer(&vdev->config, g_free);
    g_clear_pointer(&vdev->vq, g_free);
    vdev->nvqs = 0;
}

VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned int n)
{
    return n < vdev->nvqs ? &vdev->vq[n] : NULL;
}

/* ---- negotiation and status ---- */

void virtio_set_features(VirtIODevice *vdev, uint64_t features)
{
    vdev->guest_features = features & vdev->host_features;
}

static bool virtio_features_ok(VirtIODevice *vdev, bool modern)
{
    return !modern || virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1);
}

static void virtio_queue_clear(VirtQueue *vq)
{
    vq->num = 0;
    vq->enabled = false;
    vq->desc = vq->avail = vq->used = 0;
    vq->last_avail_idx = 0;
    vq->used_idx = 0;
    vq->signalled_used = 0;
    vq->signalled_used_valid = false;
    vq->inuse = 0;
}

void virtio_reset(VirtIODevice *vdev)
{
    if (vdev->ops && vdev->ops->reset) {
        vdev->ops->reset(vdev);
    }
    vdev->status = 0;
    vdev->broken = false;
    vdev->guest_features = 0;
    for (unsigned int i = 0; i < vdev->nvqs; i++) {
        virtio_queue_clear(&vdev->vq[i]);
    }
}

bool virtio_set_status(VirtIODevice *vdev, uint8_t status, bool modern)
{
    bool new_features_ok = (status & VIRTIO_STATUS_FEATURES_OK) &&
                           !(vdev->status & VIRTIO_STATUS_FEATURES_OK);

    trace_point("virtio_set_status", "%s 0x%02x -> 0x%02x", vdev->name,
                vdev->status, status);
    if (!status) {
        virtio_reset(vdev);
        return true;
    }
    if (new_features_ok && !virtio_features_ok(vdev, modern)) {
        return false;
    }
    if (new_features_ok && vdev->ops && vdev->ops->set_features) {
        vdev->ops->set_features(vdev, vdev->guest_features);
    }
    /* the device's own bit stays until reset */
    vdev->status = status | (vdev->status & VIRTIO_STATUS_NEEDS_RESET);
    if (vdev->ops && vdev->ops->set_status) {
        vdev->ops->set_status(vdev, vdev->status);
    }
    return true;
}

void virtio_config_refresh(VirtIODevice *vdev)
{
    if (vdev->ops && vdev->ops->get_config) {
        vdev->ops->get_config(vdev);
    }
}

void virtio_config_written(VirtIODevice *vdev)
{
    if (vdev->ops && vdev->ops->set_config) {
        vdev->ops->set_config(vdev);
    }
}

void virtio_error(VirtIODevice *vdev, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_log_mask(LOG_GUEST_ERROR, "%s: %s\n", vdev->name, msg);
    if (vdev->broken) {
        return;
    }
    vdev->broken = true;
    vdev->status |= VIRTIO_STATUS_NEEDS_RESET;
    if ((vdev->status & VIRTIO_STATUS_DRIVER_OK) && vdev->transport) {
        vdev->transport->notify(vdev, VIRTIO_CONFIG_VECTOR);
    }
}
