/*
 * The virtio core: what every virtio device has whatever its transport
 * (virtio 1.x, "Basic Facilities of a Virtio Device"): the device
 * status byte, 64-bit feature negotiation, the device-specific
 * configuration space, split virtqueues in guest memory, reset, and the
 * broken (DEVICE_NEEDS_RESET) state a malformed ring puts it in.
 *
 * A device model (hw/virtio/virtio-rng.c, ...) embeds a VirtIODevice,
 * fills it with virtio_init() and virtio_add_queue(), and is called back
 * through VirtIODeviceOps. A transport (hw/s390x/virtio-ccw.c) owns the
 * guest's side: it moves features, status and config bytes, installs
 * the queue addresses, calls virtio_queue_notify() when the guest kicks a
 * queue, and delivers the notifications the core asks for through
 * VirtIOTransportOps. docs/devel/virtio.rst describes the API.
 */
#ifndef HW_VIRTIO_VIRTIO_H
#define HW_VIRTIO_VIRTIO_H

#include "qemu/osdep.h"
#include "exec/memory.h"

/* device ids (virtio 1.x "Device Types") */
#define VIRTIO_ID_NET     1
#define VIRTIO_ID_BLOCK   2
#define VIRTIO_ID_RNG     4
#define VIRTIO_ID_BALLOON 5

/* device status bits */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER      0x02
#define VIRTIO_STATUS_DRIVER_OK   0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED      0x80

/* transport and ring feature bits */
#define VIRTIO_F_NOTIFY_ON_EMPTY    24
#define VIRTIO_F_ANY_LAYOUT         27
#define VIRTIO_RING_F_INDIRECT_DESC 28
#define VIRTIO_RING_F_EVENT_IDX     29
#define VIRTIO_F_VERSION_1          32
#define VIRTIO_F_ACCESS_PLATFORM    33
#define VIRTIO_F_RING_PACKED        34

#define VIRTIO_QUEUE_MAX     1024   /* queues a device may have */
#define VIRTQUEUE_MAX_SIZE   1024   /* entries of one queue */
#define VIRTIO_CONFIG_VECTOR 0xffff /* notify(): configuration changed */

typedef struct VirtIODevice VirtIODevice;
typedef struct VirtQueue VirtQueue;

/* One guest buffer of a request: guest physical address and length. */
typedef struct VirtBuf {
    hwaddr addr;
    uint32_t len;
} VirtBuf;

/*
 * A request popped from an available ring: the device-readable buffers
 * (out) then the device-writable ones (in), each already checked to lie
 * in guest memory. Free with g_free() (one allocation).
 */
typedef struct VirtQueueElement {
    unsigned int index; /* head descriptor: the id in the used ring */
    unsigned int out_num;
    unsigned int in_num;
    uint64_t out_len; /* sum of the out buffers */
    uint64_t in_len;
    VirtBuf *out;
    VirtBuf *in;
} VirtQueueElement;

/* A device model's queue handler: the guest kicked @vq. */
typedef void VirtIOHandleOutput(VirtIODevice *vdev, VirtQueue *vq);

typedef struct VirtIODeviceOps {
    /* fill vdev->config (endian helpers below) before the guest reads */
    void (*get_config)(VirtIODevice *vdev);
    /* the guest wrote vdev->config */
    void (*set_config)(VirtIODevice *vdev);
    /* the guest changed the status byte (after the core did) */
    void (*set_status)(VirtIODevice *vdev, uint8_t status);
    /* features the driver accepted (FEATURES_OK, or legacy WRITE) */
    void (*set_features)(VirtIODevice *vdev, uint64_t features);
    /* back to the initial state (queues and features are the core's) */
    void (*reset)(VirtIODevice *vdev);
} VirtIODeviceOps;

/* What the core needs from the transport. */
typedef struct VirtIOTransportOps {
    /* notify the driver: a queue's vector, or VIRTIO_CONFIG_VECTOR */
    void (*notify)(VirtIODevice *vdev, uint16_t vector);
} VirtIOTransportOps;

struct VirtQueue {
    VirtIODevice *vdev;
    uint16_t index;
    uint16_t max_num; /* size the device supports */
    uint16_t num;     /* size the driver chose; 0 = not set up */
    bool enabled;     /* addresses installed */
    hwaddr desc;
    hwaddr avail;
    hwaddr used;
    uint16_t last_avail_idx; /* next available entry to take */
    uint16_t used_idx;       /* our copy of used->idx */
    uint16_t signalled_used; /* used->idx at the last notification */
    bool signalled_used_valid;
    unsigned int inuse; /* popped, not yet pushed */
    VirtIOHandleOutput *handle;
};

struct VirtIODevice {
    const char *name; /* "virtio-rng", for messages */
    uint16_t device_id;
    uint8_t status;
    bool modern; /* the transport runs virtio 1.x: config little-endian */
    bool broken; /* a malformed ring: no queue work until reset */
    uint64_t host_features;
    uint64_t guest_features;
    size_t config_len;
    uint8_t *config;
    unsigned int nvqs;
    VirtQueue *vq;
    AddressSpace *as;
    const VirtIODeviceOps *ops;
    const VirtIOTransportOps *transport;
    void *opaque;           /* the device model */
    void *transport_opaque; /* the transport */
};

/* ---- set-up (device models) ---- */

/*
 * @config_len bytes of config space; @host_features offered (the core
 * adds VERSION_1). Queues are added afterwards.
 */
void virtio_init(VirtIODevice *vdev, const char *name, uint16_t device_id,
                 size_t config_len, uint64_t host_features,
                 const VirtIODeviceOps *ops, void *opaque);
VirtQueue *virtio_add_queue(VirtIODevice *vdev, uint16_t max_num,
                            VirtIOHandleOutput *handle);
void virtio_cleanup(VirtIODevice *vdev);

static inline bool virtio_has_feature(uint64_t features, unsigned int bit)
{
    return bit < 64 && (features & (1ull << bit));
}

static inline bool virtio_vdev_has_feature(const VirtIODevice *vdev,
                                           unsigned int bit)
{
    return virtio_has_feature(vdev->guest_features, bit);
}

/* Legacy (no VERSION_1, legacy transport): the ring and config in the guest's (big) endian */
static inline bool virtio_is_big_endian(const VirtIODevice *vdev)
{
    return !vdev->modern && !virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1);
}

/* ---- the transport's side ---- */

/* Driver features; the offered subset is kept. */
void virtio_set_features(VirtIODevice *vdev, uint64_t features);
/*
 * Write the status byte: 0 resets; FEATURES_OK is refused (false, status
 * unchanged) when the features are not acceptable (@modern: VERSION_1
 * needed).
 */
bool virtio_set_status(VirtIODevice *vdev, uint8_t status, bool modern);
void virtio_reset(VirtIODevice *vdev);
/* Refresh config space (the device model's get_config). */
void virtio_config_refresh(VirtIODevice *vdev);
/* The guest wrote @len bytes at @offset (bounds already checked). */
void virtio_config_written(VirtIODevice *vdev);

VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned int n);
/*
 * Install queue @vq: @num entries (power of two, <= max_num) at the
 * three areas; @num 0 or @desc 0 disables it. False: refused.
 */
bool virtio_queue_set_rings(VirtQueue *vq, uint16_t num, hwaddr desc,
                            hwaddr avail, hwaddr used);
/* The guest kicked queue @n (out-of-range: ignored). */
void virtio_queue_notify(VirtIODevice *vdev, unsigned int n);

/* ---- device models: requests ---- */

/* The next available request, or NULL (none, or the device broke). */
VirtQueueElement *virtqueue_pop(VirtQueue *vq);
/* Return @elem to the used ring with @len bytes written (frees it). */
void virtqueue_push(VirtQueue *vq, VirtQueueElement *elem, uint32_t len);
/* Give @elem back to the available ring, unused (frees it). */
void virtqueue_unpop(VirtQueue *vq, VirtQueueElement *elem);
/* Notify the driver if it wants to be (flags / event index). */
void virtio_notify(VirtIODevice *vdev, VirtQueue *vq);
/* Any request waiting? */
bool virtqueue_empty(VirtQueue *vq);
/*
 * Copy to/from the request's buffers starting @offset bytes in: the
 * bytes copied (short at the end of the buffers, or when guest memory
 * fails).
 */
size_t virtqueue_elem_read(const VirtQueueElement *elem, VirtIODevice *vdev,
                           size_t offset, void *buf, size_t len);
size_t virtqueue_elem_write(const VirtQueueElement *elem, VirtIODevice *vdev,
                            size_t offset, const void *buf, size_t len);

/*
 * The guest broke the protocol: say why (guest-error log), set
 * DEVICE_NEEDS_RESET and tell the driver (config change) when it is
 * running; the queues do nothing until reset.
 */
void virtio_error(VirtIODevice *vdev, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* ---- config space fields in the negotiated endian ---- */
void virtio_config_set16(VirtIODevice *vdev, size_t off, uint16_t v);
void virtio_config_set32(VirtIODevice *vdev, size_t off, uint32_t v);
void virtio_config_set64(VirtIODevice *vdev, size_t off, uint64_t v);
uint32_t virtio_config_get32(VirtIODevice *vdev, size_t off);

/* the ring and request fields in the negotiated endian */
uint16_t virtio_lduw(VirtIODevice *vdev, const void *p);
uint32_t virtio_ldl(VirtIODevice *vdev, const void *p);
uint64_t virtio_ldq(VirtIODevice *vdev, const void *p);
void virtio_stw(VirtIODevice *vdev, void *p, uint16_t v);
void virtio_stl(VirtIODevice *vdev, void *p, uint32_t v);
void virtio_stq(VirtIODevice *vdev, void *p, uint64_t v);

#endif
