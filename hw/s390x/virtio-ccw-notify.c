/*
 * virtio-ccw notifications in both directions.
 *
 * Device to driver: a queue's notification sets bit (1 << queue) of the
 * 64-bit classic indicator word (big-endian, SET_IND) and makes the
 * subchannel alert status pending; with adapter indicators
 * (SET_IND_ADAPTER) it sets bit airq_bit + queue of the indicator area,
 * counted from the leftmost bit of its first byte, and, when that bit
 * was clear, the summary byte becomes 1 and an adapter interruption is
 * made pending at the ISC if the summary was 0. A configuration change
 * sets bit 0 of the word SET_CONF_IND gave and makes the subchannel
 * alert status pending. Indicators outside guest memory are ignored.
 *
 * Driver to device: DIAGNOSE 0x500 function 3 (virtio_ccw_diag500()).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/s390x/virtio-ccw.h"

static AddressSpace *as(void)
{
    return &address_space_memory;
}

/* OR @bits into the 64-bit word at @addr; false: not in guest memory. */
static bool ind_or64(uint64_t addr, uint64_t bits)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_be(as(), addr, MEMTXATTRS_UNSPECIFIED, &r);

    if (r != MEMTX_OK) {
        return false;
    }
    address_space_stq_be(as(), addr, v | bits, MEMTXATTRS_UNSPECIFIED, &r);
    return r == MEMTX_OK;
}

/* OR @mask into the byte at @addr; the old byte, or -1. */
static int ind_or8(uint64_t addr, uint8_t mask)
{
    MemTxResult r;
    uint8_t v = address_space_ldub(as(), addr, MEMTXATTRS_UNSPECIFIED, &r);

    if (r != MEMTX_OK) {
        return -1;
    }
    address_space_stb(as(), addr, v | mask, MEMTXATTRS_UNSPECIFIED, &r);
    return r == MEMTX_OK ? v : -1;
}

static void vccw_notify_adapter(VirtioCcwDevice *dev, uint16_t queue)
{
    uint64_t bit = dev->airq_bit + queue;
    int old;

    if (bit < dev->airq_bit || dev->airq_addr + bit / 8 < dev->airq_addr) {
        return;
    }
    old = ind_or8(dev->airq_addr + bit / 8, 0x80 >> (bit % 8));
    if (old < 0 || (old & (0x80 >> (bit % 8)))) {
        return; /* not storable, or the driver has not seen it yet */
    }
    if (ind_or8(dev->summary_addr, 0x01) == 0) {
        css_adapter_intr_queue(dev->isc);
    }
}

static void vccw_notify(VirtIODevice *vdev, uint16_t vector)
{
    VirtioCcwDevice *dev = vdev->transport_opaque;
    SubchDev *sch = CCW_DEVICE(dev)->sch;

    trace_point("virtio_ccw_notify", "%x.%x.%04x vector %u", sch->cssid,
                sch->ssid, sch->devno, vector);
    if (vector == VIRTIO_CONFIG_VECTOR) {
        if (dev->conf_ind_addr && ind_or64(dev->conf_ind_addr, 1)) {
            css_sch_alert(sch);
        }
        return;
    }
    if (dev->thinint) {
        vccw_notify_adapter(dev, vector);
    } else if (dev->ind_addr && vector < 64 &&
               ind_or64(dev->ind_addr, 1ull << vector)) {
        css_sch_alert(sch);
    }
}

const VirtIOTransportOps virtio_ccw_transport_ops = {
    .notify = vccw_notify,
};

void virtio_ccw_indicators_reset(VirtioCcwDevice *dev)
{
    dev->ind_addr = 0;
    dev->conf_ind_addr = 0;
    dev->thinint = false;
    dev->summary_addr = 0;
    dev->airq_addr = 0;
    dev->airq_bit = 0;
    dev->isc = 0;
}

/* ---- DIAGNOSE 0x500 ---- */

#define SID_ONE   0x00010000u
#define SID_M     0x00080000u
#define SID_RSVD  0x00f00000u
#define PGM_SPECI 0x0006

static VirtioCcwDevice *vccw_find(uint64_t sid)
{
    SubchDev *sch;
    Object *obj;

    if ((sid >> 32) || !(sid & SID_ONE) || (sid & SID_RSVD)) {
        return NULL;
    }
    sch = css_find_sch_guest(sid & SID_M, sid >> 24, (sid >> 17) & 3,
                             sid & 0xffff);
    if (!sch || !sch->opaque) {
        return NULL;
    }
    obj = object_dynamic_cast(sch->opaque, TYPE_VIRTIO_CCW_DEVICE);
    return obj ? VIRTIO_CCW_DEVICE(obj) : NULL;
}

int virtio_ccw_diag500(uint64_t subcode, uint64_t r2, uint64_t r3, uint64_t r4,
                       uint64_t *r2_out)
{
    VirtioCcwDevice *dev;

    if (subcode != DIAG500_VIRTIO_CCW_NOTIFY) {
        return -PGM_SPECI;
    }
    dev = vccw_find(r2);
    trace_point("virtio_ccw_diag500",
                "sid 0x%" PRIx64 " queue %" PRIu64 " -> %s", r2, r3,
                dev ? "ok" : "no device");
    if (!dev || !dev->vdev || r3 >= VIRTIO_QUEUE_MAX) {
        *r2_out = (uint64_t)-EINVAL;
        return 0;
    }
    virtio_queue_notify(dev->vdev, r3);
    *r2_out = 0;
    return 0;
}
