/*
 * virtio-ccw: the virtio transport over a channel-subsystem device
 * (virtio 1.x "Virtio Over Channel I/O"). SENSE ID shows control unit
 * type 0x3832 with the virtio device id as its model; the driver talks
 * to the device with the virtio CCW commands (revision, features,
 * status, config, queues, indicators); the device notifies through
 * classic indicators plus an I/O interruption of the subchannel, or
 * through adapter indicators plus an adapter interruption; the driver
 * notifies a queue with DIAGNOSE 0x500 subcode 3.
 *
 * Concrete devices (virtio-balloon-ccw, virtio-rng-ccw) subclass
 * TYPE_VIRTIO_CCW_DEVICE and give it their VirtIODevice in
 * vdev_realize. Guest-visible behaviour: docs/system/s390x/virtio.rst.
 */
#ifndef HW_S390X_VIRTIO_CCW_H
#define HW_S390X_VIRTIO_CCW_H

#include "hw/s390x/ccw-device.h"
#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_CCW_DEVICE "virtio-ccw-device"

#define VIRTIO_CCW_CU_TYPE      0x3832
#define VIRTIO_CCW_MAX_REVISION 2

/* the virtio CCW command codes */
#define CCW_CMD_SET_VQ          0x13
#define CCW_CMD_VDEV_RESET      0x33
#define CCW_CMD_READ_FEAT       0x12
#define CCW_CMD_WRITE_FEAT      0x11
#define CCW_CMD_READ_CONF       0x22
#define CCW_CMD_WRITE_CONF      0x21
#define CCW_CMD_WRITE_STATUS    0x31
#define CCW_CMD_READ_VQ_CONF    0x32
#define CCW_CMD_READ_STATUS     0x72
#define CCW_CMD_SET_IND         0x43
#define CCW_CMD_SET_CONF_IND    0x53
#define CCW_CMD_SET_IND_ADAPTER 0x73
#define CCW_CMD_SET_VIRTIO_REV  0x83

/* DIAGNOSE 0x500 function codes (general register 1) */
#define DIAG500_VIRTIO_CCW_NOTIFY 3

typedef struct VirtioCcwDevice {
    CcwDevice parent_obj;

    VirtIODevice *vdev;
    /* properties */
    uint32_t max_revision;
    uint64_t ring_features; /* event_idx=, indirect_desc=, ... */
    bool ioeventfd;
    bool packed;
    bool iommu_platform;
    /* negotiated with the driver */
    int revision; /* -1 until SET_VIRTIO_REV or another virtio command */
    uint8_t sense[32];
    /* classic indicators: 64-bit words the queues / config set bits in */
    uint64_t ind_addr;
    uint64_t conf_ind_addr;
    /* adapter indicators */
    bool thinint;
    uint64_t summary_addr;
    uint64_t airq_addr;
    uint64_t airq_bit;
    uint8_t isc;
} VirtioCcwDevice;

typedef struct VirtioCcwDeviceClass {
    CcwDeviceClass parent_class;

    /* realize the device model and set dev->vdev */
    bool (*vdev_realize)(VirtioCcwDevice *dev, Error **errp);
    void (*vdev_unrealize)(VirtioCcwDevice *dev);
} VirtioCcwDeviceClass;

static inline VirtioCcwDevice *VIRTIO_CCW_DEVICE(void *obj)
{
    return OBJECT_CHECK(VirtioCcwDevice, obj, TYPE_VIRTIO_CCW_DEVICE);
}

static inline VirtioCcwDeviceClass *VIRTIO_CCW_DEVICE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(VirtioCcwDeviceClass, klass,
                              TYPE_VIRTIO_CCW_DEVICE);
}

static inline VirtioCcwDeviceClass *VIRTIO_CCW_DEVICE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(VirtioCcwDeviceClass, obj, TYPE_VIRTIO_CCW_DEVICE);
}

/* The transport ops the core calls (virtio-ccw-notify.c). */
extern const VirtIOTransportOps virtio_ccw_transport_ops;

/* Drop the indicators (reset). */
void virtio_ccw_indicators_reset(VirtioCcwDevice *dev);

/*
 * DIAGNOSE 0x500 with function code @subcode (general register 1) and
 * registers 2-4: 0 with *@r2_out the value for general register 2, or
 * -6 (specification exception) for a function code not provided.
 * Subcode 3: @r2 is a subsystem-identification word, @r3 the queue;
 * r2 becomes 0, or -EINVAL for no such virtio-ccw subchannel or queue.
 */
int virtio_ccw_diag500(uint64_t subcode, uint64_t r2, uint64_t r3, uint64_t r4,
                       uint64_t *r2_out);

#endif
