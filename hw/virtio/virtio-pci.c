/*
 * virtio-pci, modern only (virtio 1.x "Virtio Over PCI Bus"): a PCI
 * function (vendor 0x1af4, device 0x1040 + type, revision 1) whose
 * vendor capabilities point at four windows of BAR 4 (common
 * configuration, ISR status, device configuration, queue notification),
 * with the MSI-X table and PBA in BAR 1. Rings and buffers are reached
 * through the function's DMA address space (on s390x: the zPCI
 * translation the guest registered), so a ring the guest did not map is
 * a ring error (DEVICE_NEEDS_RESET), never an access to guest memory.
 *
 * The device types virtio-blk-pci, virtio-net-pci, virtio-rng-pci and
 * virtio-serial-pci put a device model
 * (hw/virtio) inside this transport.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/pci/msix.h"
#include "hw/pci/pci.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio-blk.h"
#include "hw/virtio/virtio-net.h"
#include "hw/virtio/virtio-rng.h"
#include "hw/virtio/virtio-serial.h"
#include "hw/virtio/virtio.h"
#include "qemu/module.h"

#define TYPE_VIRTIO_PCI     "virtio-pci"
#define TYPE_VIRTIO_BLK_PCI "virtio-blk-pci"
#define TYPE_VIRTIO_RNG_PCI "virtio-rng-pci"
#define TYPE_VIRTIO_NET_PCI "virtio-net-pci"

#define VPCI_VENDOR_ID      0x1af4
#define VPCI_DEVICE_ID_BASE 0x1040
#define VPCI_REVISION       1
#define VPCI_NO_VECTOR      0xffff

/* vendor capability cfg_type values */
enum {
    VPCI_CAP_COMMON = 1,
    VPCI_CAP_NOTIFY = 2,
    VPCI_CAP_ISR = 3,
    VPCI_CAP_DEVICE = 4,
};

/* vendor capability fields: vndr, next, len, cfg_type, bar, id, pad[2],
 * offset le32, length le32; the notify one adds the multiplier le32 */
#define VPCI_CAP_LEN        16
#define VPCI_NOTIFY_CAP_LEN 20

/* BAR 4: one 4 KiB page per window */
#define VPCI_BAR         4
#define VPCI_MSIX_BAR    1
#define VPCI_WIN_SIZE    0x1000
#define VPCI_COMMON_OFF  0x0000
#define VPCI_ISR_OFF     0x1000
#define VPCI_DEVICE_OFF  0x2000
#define VPCI_NOTIFY_OFF  0x3000
#define VPCI_BAR_SIZE    0x4000
#define VPCI_NOTIFY_MULT 4
#define VPCI_MSIX_SIZE   0x1000
#define VPCI_PBA_OFF     0x800

/* common configuration structure */
enum {
    CC_DFSELECT = 0x00,
    CC_DF = 0x04,
    CC_GFSELECT = 0x08,
    CC_GF = 0x0c,
    CC_MSIX = 0x10,
    CC_NUMQ = 0x12,
    CC_STATUS = 0x14,
    CC_CFGGEN = 0x15,
    CC_QSELECT = 0x16,
    CC_QSIZE = 0x18,
    CC_QMSIX = 0x1a,
    CC_QENABLE = 0x1c,
    CC_QNOFF = 0x1e,
    CC_QDESC = 0x20,
    CC_QAVAIL = 0x28,
    CC_QUSED = 0x30,
    CC_SIZE = 0x38,
};

#define VPCI_ISR_QUEUE  0x1
#define VPCI_ISR_CONFIG 0x2

/* what the driver programmed for one queue before enabling it */
typedef struct VPciQueue {
    uint16_t size;
    uint16_t vector;
    bool enabled;
    uint64_t desc, avail, used;
} VPciQueue;

typedef struct VirtIOPCIProxy VirtIOPCIProxy;

typedef struct VirtIOPCIClass {
    PCIDeviceClass parent_class;
    /* realize the device model, set proxy->vdev */
    bool (*vdev_realize)(VirtIOPCIProxy *p, Error **errp);
    void (*vdev_unrealize)(VirtIOPCIProxy *p);
    /* vectors=' default (unset: 2, as QEMU's for a device with one queue) */
    uint32_t (*default_vectors)(VirtIOPCIProxy *p);
    uint16_t class_code;
} VirtIOPCIClass;

/* vectors= not given: the device type's default */
#define VPCI_VECTORS_UNSET UINT32_MAX
/* the transport's MSI-X table holds at most this many */
#define VPCI_VECTORS_MAX 128

struct VirtIOPCIProxy {
    PCIDevice parent_obj;

    /* properties */
    uint32_t vectors;
    int disable_legacy; /* OnOffAuto: off is refused, auto means on */
    bool disable_modern;
    bool iommu_platform;

    VirtIODevice *vdev;
    MemoryRegion bar_mr;
    MemoryRegion common_mr, isr_mr, device_mr, notify_mr;
    MemoryRegion msix_mr;

    uint32_t dfselect, gfselect;
    uint64_t guest_features;
    uint16_t msix_config;
    uint16_t qselect;
    uint8_t isr;
    uint8_t config_generation;
    VPciQueue *queues; /* vdev->nvqs */
};

static VirtIOPCIProxy *VIRTIO_PCI(void *obj)
{
    return OBJECT_CHECK(VirtIOPCIProxy, obj, TYPE_VIRTIO_PCI);
}

static VirtIOPCIClass *VIRTIO_PCI_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(VirtIOPCIClass, obj, TYPE_VIRTIO_PCI);
}

static VirtIOPCIClass *VIRTIO_PCI_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(VirtIOPCIClass, klass, TYPE_VIRTIO_PCI);
}

/* ---- notifications ---- */

static void vpci_fire(VirtIOPCIProxy *p, uint16_t vector)
{
    PCIDevice *dev = PCI_DEVICE(p);

    if (vector != VPCI_NO_VECTOR && msix_enabled(dev) &&
        vector < msix_nr_vectors(dev)) {
        msix_notify(dev, vector);
    }
}

static void vpci_notify(VirtIODevice *vdev, uint16_t vector)
{
    VirtIOPCIProxy *p = vdev->transport_opaque;

    if (vector == VIRTIO_CONFIG_VECTOR) {
        p->isr |= VPCI_ISR_CONFIG;
        p->config_generation++;
        vpci_fire(p, p->msix_config);
        return;
    }
    if (vector < vdev->nvqs) {
        p->isr |= VPCI_ISR_QUEUE;
        vpci_fire(p, p->queues[vector].vector);
    }
}

static const VirtIOTransportOps vpci_transport_ops = {
    .notify = vpci_notify,
};

/* ---- common configuration ---- */

static void vpci_state_reset(VirtIOPCIProxy *p)
{
    p->dfselect = p->gfselect = 0;
    p->guest_features = 0;
    p->msix_config = VPCI_NO_VECTOR;
    p->qselect = 0;
    p->isr = 0;
    for (unsigned i = 0; p->vdev && i < p->vdev->nvqs; i++) {
        p->queues[i] = (VPciQueue){
            .size = p->vdev->vq[i].max_num,
            .vector = VPCI_NO_VECTOR,
        };
    }
}

static VPciQueue *vpci_selected(VirtIOPCIProxy *p)
{
    return p->qselect < p->vdev->nvqs ? &p->queues[p->qselect] : NULL;
}

static uint64_t vpci_common_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;
    VPciQueue *q = vpci_selected(p);

    switch (addr) {
    case CC_DFSELECT:
        return p->dfselect;
    case CC_DF:
        return p->dfselect < 2
                   ? (uint32_t)(vdev->host_features >> (32 * p->dfselect))
                   : 0;
    case CC_GFSELECT:
        return p->gfselect;
    case CC_GF:
        return p->gfselect < 2
                   ? (uint32_t)(p->guest_features >> (32 * p->gfselect))
                   : 0;
    case CC_MSIX:
        return p->msix_config;
    case CC_NUMQ:
        return vdev->nvqs;
    case CC_STATUS:
        return vdev->status;
    case CC_CFGGEN:
        return p->config_generation;
    case CC_QSELECT:
        return p->qselect;
    case CC_QSIZE:
        return q ? q->size : 0;
    case CC_QMSIX:
        return q ? q->vector : VPCI_NO_VECTOR;
    case CC_QENABLE:
        return q ? q->enabled : 0;
    case CC_QNOFF:
        return q ? p->qselect : 0;
    case CC_QDESC:
    case CC_QDESC + 4:
        return q ? (uint32_t)(q->desc >> (addr - CC_QDESC) * 8) : 0;
    case CC_QAVAIL:
    case CC_QAVAIL + 4:
        return q ? (uint32_t)(q->avail >> (addr - CC_QAVAIL) * 8) : 0;
    case CC_QUSED:
    case CC_QUSED + 4:
        return q ? (uint32_t)(q->used >> (addr - CC_QUSED) * 8) : 0;
    default:
        return 0;
    }
}

static void vpci_set_half(uint64_t *reg, bool high, uint32_t val)
{
    if (high) {
        *reg = (*reg & 0xffffffffULL) | (uint64_t)val << 32;
    } else {
        *reg = (*reg & ~0xffffffffULL) | val;
    }
}

/* a vector the table has, else NO_VECTOR (the driver reads it back) */
static uint16_t vpci_vector(VirtIOPCIProxy *p, uint16_t v)
{
    return v < msix_nr_vectors(PCI_DEVICE(p)) ? v : VPCI_NO_VECTOR;
}

static void vpci_queue_enable(VirtIOPCIProxy *p, VPciQueue *q)
{
    VirtQueue *vq = virtio_get_queue(p->vdev, p->qselect);

    if (q->enabled || !vq) {
        return;
    }
    if (!virtio_queue_set_rings(vq, q->size, q->desc, q->avail, q->used)) {
        virtio_error(p->vdev, "queue %u: size %u or ring addresses refused",
                     p->qselect, q->size);
        return;
    }
    q->enabled = true;
}

static void vpci_set_status(VirtIOPCIProxy *p, uint8_t status)
{
    VirtIODevice *vdev = p->vdev;

    if (!status) {
        virtio_reset(vdev);
        vpci_state_reset(p);
        return;
    }
    if ((status & VIRTIO_STATUS_FEATURES_OK) &&
        !(vdev->status & VIRTIO_STATUS_FEATURES_OK)) {
        virtio_set_features(vdev, p->guest_features);
    }
    /* refused FEATURES_OK: the bit stays clear, the driver reads it back */
    if (!virtio_set_status(vdev, status, true)) {
        virtio_set_status(vdev, status & ~VIRTIO_STATUS_FEATURES_OK, true);
    }
}

static void vpci_common_write(void *opaque, hwaddr addr, uint64_t val64,
                              unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VPciQueue *q = vpci_selected(p);
    uint32_t val = (uint32_t)val64;
    bool live = p->vdev->status & VIRTIO_STATUS_DRIVER_OK;

    switch (addr) {
    case CC_DFSELECT:
        p->dfselect = val;
        break;
    case CC_GFSELECT:
        p->gfselect = val;
        break;
    case CC_GF:
        if (p->gfselect < 2 && !(p->vdev->status & VIRTIO_STATUS_FEATURES_OK)) {
            vpci_set_half(&p->guest_features, p->gfselect == 1, val);
        }
        break;
    case CC_MSIX:
        p->msix_config = vpci_vector(p, val);
        break;
    case CC_STATUS:
        vpci_set_status(p, val & 0xff);
        break;
    case CC_QSELECT:
        p->qselect = val;
        break;
    case CC_QSIZE:
        if (q && !q->enabled && !live) {
            q->size = val;
        }
        break;
    case CC_QMSIX:
        if (q) {
            q->vector = vpci_vector(p, val);
        }
        break;
    case CC_QENABLE:
        if (q && val == 1) {
            vpci_queue_enable(p, q);
        }
        break;
    case CC_QDESC:
    case CC_QDESC + 4:
        if (q && !q->enabled) {
            vpci_set_half(&q->desc, addr != CC_QDESC, val);
        }
        break;
    case CC_QAVAIL:
    case CC_QAVAIL + 4:
        if (q && !q->enabled) {
            vpci_set_half(&q->avail, addr != CC_QAVAIL, val);
        }
        break;
    case CC_QUSED:
    case CC_QUSED + 4:
        if (q && !q->enabled) {
            vpci_set_half(&q->used, addr != CC_QUSED, val);
        }
        break;
    default:
        break; /* read-only fields */
    }
}

/* fields are 1, 2 or 4 bytes; the 64-bit ones are written as two halves */
static const MemoryRegionOps vpci_common_ops = {
    .read = vpci_common_read,
    .write = vpci_common_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---- ISR status: reading clears it ---- */

static uint64_t vpci_isr_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    uint8_t v = p->isr;

    p->isr = 0;
    return v;
}

static void vpci_isr_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps vpci_isr_ops = {
    .read = vpci_isr_read,
    .write = vpci_isr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

/* ---- device configuration ---- */

static uint64_t vpci_device_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;

    if (addr + size > vdev->config_len) {
        return 0;
    }
    virtio_config_refresh(vdev);
    return pci_le_get(vdev->config + addr, size);
}

static void vpci_device_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;

    if (addr + size > vdev->config_len) {
        return;
    }
    pci_le_set(vdev->config + addr, size, val);
    virtio_config_written(vdev);
}

static const MemoryRegionOps vpci_device_ops = {
    .read = vpci_device_read,
    .write = vpci_device_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---- notification: queue n at n * multiplier, the value is n ---- */

static uint64_t vpci_notify_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void vpci_notify_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    unsigned int n = addr / VPCI_NOTIFY_MULT;

    if (n < p->vdev->nvqs && p->queues[n].enabled) {
        virtio_queue_notify(p->vdev, n);
    }
}

static const MemoryRegionOps vpci_notify_ops = {
    .read = vpci_notify_read,
    .write = vpci_notify_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---- lifecycle ---- */

static bool vpci_add_cap(PCIDevice *dev, uint8_t type, uint32_t off,
                         uint32_t len, Error **errp)
{
    uint8_t clen = type == VPCI_CAP_NOTIFY ? VPCI_NOTIFY_CAP_LEN : VPCI_CAP_LEN;
    uint8_t pos = pci_add_capability(dev, PCI_CAP_ID_VNDR, 0, clen, errp);

    if (!pos) {
        return false;
    }
    pci_set(dev, pos + 2, 1, clen);
    pci_set(dev, pos + 3, 1, type);
    pci_set(dev, pos + 4, 1, VPCI_BAR);
    pci_set(dev, pos + 8, 4, off);
    pci_set(dev, pos + 12, 4, len);
    if (type == VPCI_CAP_NOTIFY) {
        pci_set(dev, pos + 16, 4, VPCI_NOTIFY_MULT);
    }
    return true;
}

static void vpci_regions_free(VirtIOPCIProxy *p)
{
    memory_region_finalize(&p->common_mr);
    memory_region_finalize(&p->isr_mr);
    memory_region_finalize(&p->device_mr);
    memory_region_finalize(&p->notify_mr);
    memory_region_finalize(&p->bar_mr);
    memory_region_finalize(&p->msix_mr);
}

static bool vpci_realize(PCIDevice *dev, Error **errp)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(dev);
    VirtIOPCIClass *vc = VIRTIO_PCI_GET_CLASS(dev);
    const char *type = object_get_typename(OBJECT(dev));
    VirtIODevice *vdev;
    MSIXLayout l = {
        .table_bar = VPCI_MSIX_BAR,
        .table_offset = 0,
        .pba_bar = VPCI_MSIX_BAR,
        .pba_offset = VPCI_PBA_OFF,
    };

    if (p->disable_modern) {
        error_setg(errp,
                   "%s: disable-modern=on is not supported: this "
                   "transport is virtio 1.x (modern) only",
                   type);
        return false;
    }
    if (p->disable_legacy == ON_OFF_AUTO_OFF) {
        error_setg(errp,
                   "%s: disable-legacy=off is not supported: this "
                   "transport has no legacy interface",
                   type);
        return false;
    }
    p->disable_legacy = ON_OFF_AUTO_ON;
    if (p->vectors == VPCI_VECTORS_UNSET) {
        p->vectors = vc->default_vectors ? vc->default_vectors(p) : 2;
    }
    if (p->vectors < 1 || p->vectors > VPCI_VECTORS_MAX) {
        error_setg(errp, "%s: vectors must be in 1..%d", type,
                   VPCI_VECTORS_MAX);
        return false;
    }
    l.vectors = p->vectors;
    if (!vc->vdev_realize(p, errp)) {
        return false;
    }
    vdev = p->vdev;
    vdev->modern = true;
    vdev->host_features |= 1ull << VIRTIO_F_VERSION_1;
    vdev->host_features |= 1ull << VIRTIO_F_ACCESS_PLATFORM;
    vdev->as = pci_get_dma_as(dev);
    vdev->transport = &vpci_transport_ops;
    vdev->transport_opaque = p;
    p->queues = g_new0(VPciQueue, vdev->nvqs);
    vpci_state_reset(p);

    pci_set(dev, PCI_DEVICE_ID, 2, VPCI_DEVICE_ID_BASE + vdev->device_id);
    /* QEMU's subsystem id is the virtio device type */
    pci_set(dev, PCI_SUBSYSTEM_ID, 2, vdev->device_id);
    memory_region_init(&p->bar_mr, p, "virtio-pci", VPCI_BAR_SIZE);
    memory_region_init_io(&p->common_mr, p, &vpci_common_ops, p,
                          "virtio-pci-common", VPCI_WIN_SIZE);
    memory_region_init_io(&p->isr_mr, p, &vpci_isr_ops, p, "virtio-pci-isr",
                          VPCI_WIN_SIZE);
    memory_region_init_io(&p->device_mr, p, &vpci_device_ops, p,
                          "virtio-pci-device", VPCI_WIN_SIZE);
    memory_region_init_io(&p->notify_mr, p, &vpci_notify_ops, p,
                          "virtio-pci-notify", VPCI_WIN_SIZE);
    memory_region_add_subregion(&p->bar_mr, VPCI_COMMON_OFF, &p->common_mr);
    memory_region_add_subregion(&p->bar_mr, VPCI_ISR_OFF, &p->isr_mr);
    memory_region_add_subregion(&p->bar_mr, VPCI_DEVICE_OFF, &p->device_mr);
    memory_region_add_subregion(&p->bar_mr, VPCI_NOTIFY_OFF, &p->notify_mr);
    memory_region_init(&p->msix_mr, p, "virtio-pci-msix", VPCI_MSIX_SIZE);
    pci_register_bar(dev, VPCI_MSIX_BAR, PCI_BASE_ADDRESS_SPACE_MEMORY,
                     &p->msix_mr);
    pci_register_bar(dev, VPCI_BAR,
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                         PCI_BASE_ADDRESS_MEM_PREFETCH,
                     &p->bar_mr);
    if (!msix_init(dev, &l, errp) ||
        !vpci_add_cap(dev, VPCI_CAP_COMMON, VPCI_COMMON_OFF, CC_SIZE, errp) ||
        !vpci_add_cap(dev, VPCI_CAP_ISR, VPCI_ISR_OFF, 1, errp) ||
        !vpci_add_cap(dev, VPCI_CAP_DEVICE, VPCI_DEVICE_OFF,
                      MAX(vdev->config_len, 1), errp) ||
        !vpci_add_cap(dev, VPCI_CAP_NOTIFY, VPCI_NOTIFY_OFF,
                      vdev->nvqs * VPCI_NOTIFY_MULT, errp)) {
        vc->vdev_unrealize(p);
        g_clear_pointer(&p->queues, g_free);
        vpci_regions_free(p);
        return false;
    }
    return true;
}

static void vpci_unrealize(PCIDevice *dev)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(dev);

    VIRTIO_PCI_GET_CLASS(dev)->vdev_unrealize(p);
    g_clear_pointer(&p->queues, g_free);
    vpci_regions_free(p);
}

static void vpci_reset(PCIDevice *dev)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(dev);

    if (p->vdev) {
        virtio_reset(p->vdev);
        vpci_state_reset(p);
    }
}

static void vpci_class_init(ObjectClass *oc, void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    pc->vendor_id = VPCI_VENDOR_ID;
    pc->device_id = VPCI_DEVICE_ID_BASE;
    pc->revision = VPCI_REVISION;
    pc->class_id = PCI_CLASS_OTHERS;
    pc->subsystem_vendor_id = VPCI_VENDOR_ID;
    pc->realize = vpci_realize;
    pc->unrealize = vpci_unrealize;
    pc->reset = vpci_reset;
}

/* the transport's properties, as QEMU names them */
#define VPCI_PROPS(_t)                                                         \
    DEFINE_PROP_UINT32("vectors", _t, parent_obj.vectors, VPCI_VECTORS_UNSET), \
        DEFINE_PROP_ON_OFF_AUTO("disable-legacy", _t,                          \
                                parent_obj.disable_legacy, ON_OFF_AUTO_AUTO),  \
        DEFINE_PROP_BOOL("disable-modern", _t, parent_obj.disable_modern,      \
                         false),                                               \
        DEFINE_PROP_BOOL("iommu_platform", _t, parent_obj.iommu_platform,      \
                         true)

static void vpci_describe(ObjectClass *oc)
{
    object_class_property_set_description(
        oc, "vectors",
        "MSI-X vectors (1..128; default: one per queue and one for "
        "configuration changes)");
    object_class_property_set_description(
        oc, "disable-legacy",
        "on or auto (which becomes on): the transport has no legacy "
        "interface");
    object_class_property_set_description(
        oc, "disable-modern", "must stay off: the transport is modern only");
    object_class_property_set_description(
        oc, "iommu_platform",
        "accepted; DMA always goes through the zPCI translation");
}

/* ---- virtio-blk-pci ---- */

typedef struct VirtIOBlkPci {
    VirtIOPCIProxy parent_obj;
    VirtIOBlock blk;
} VirtIOBlkPci;

static VirtIOBlkPci *VIRTIO_BLK_PCI(void *obj)
{
    return OBJECT_CHECK(VirtIOBlkPci, obj, TYPE_VIRTIO_BLK_PCI);
}

/*
 * As QEMU: num-queues=auto is one queue per CPU (here at most one fewer
 * than the vectors the table holds), vectors one per queue and one more.
 */
static void blk_pci_resolve_queues(VirtIOBlkPci *b)
{
    if (b->blk.num_queues == VIRTIO_BLK_AUTO_NUM_QUEUES) {
        MachineState *ms = MACHINE(qdev_get_machine());

        b->blk.num_queues = MAX(1, MIN(ms->smp_cpus, VPCI_VECTORS_MAX - 1));
    }
}

static uint32_t blk_pci_default_vectors(VirtIOPCIProxy *p)
{
    VirtIOBlkPci *b = VIRTIO_BLK_PCI(p);

    blk_pci_resolve_queues(b);
    return b->blk.num_queues + 1u;
}

static bool blk_pci_realize(VirtIOPCIProxy *p, Error **errp)
{
    VirtIOBlkPci *b = VIRTIO_BLK_PCI(p);
    g_autofree char *path = NULL;

    b->blk.type_name = TYPE_VIRTIO_BLK_PCI;
    blk_pci_resolve_queues(b);
    if (!virtio_blk_realize(&b->blk, errp)) {
        return false;
    }
    p->vdev = &b->blk.vdev;
    /* query-block names QEMU's child "virtio-backend" as the device */
    path = object_get_canonical_path(OBJECT(p));
    if (path) {
        g_autofree char *qdev = g_strdup_printf("%s/virtio-backend", path);

        blk_set_qdev(b->blk.blk, qdev);
    }
    return true;
}

static void blk_pci_unrealize(VirtIOPCIProxy *p)
{
    virtio_blk_unrealize(&VIRTIO_BLK_PCI(p)->blk);
}

static Property blk_pci_props[] = {
    DEFINE_PROP_STRING("drive", VirtIOBlkPci, blk.drive),
    DEFINE_PROP_STRING("serial", VirtIOBlkPci, blk.serial),
    DEFINE_PROP_UINT16("num-queues", VirtIOBlkPci, blk.num_queues,
                       VIRTIO_BLK_AUTO_NUM_QUEUES),
    DEFINE_PROP_UINT16("queue-size", VirtIOBlkPci, blk.queue_size, 256),
    DEFINE_PROP_BOOL("config-wce", VirtIOBlkPci, blk.config_wce, true),
    DEFINE_PROP_ENUM("write-cache", VirtIOBlkPci, blk.write_cache,
                     VIRTIO_BLK_WC_AUTO, virtio_blk_prop_write_cache),
    VIRTIO_BLK_SIZE_PROPS(VirtIOBlkPci, blk),
    DEFINE_PROP_BOOL("share-rw", VirtIOBlkPci, blk.share_rw, false),
    DEFINE_PROP_INT32("bootindex", VirtIOBlkPci, blk.bootindex, -1),
    VPCI_PROPS(VirtIOBlkPci),
    DEFINE_PROP_END_OF_LIST(),
};

static void blk_pci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtIOPCIClass *vc = VIRTIO_PCI_CLASS(oc);

    dc->desc = "virtio block device on PCI (modern, over zPCI)";
    dc->categories |= 1UL << DEVICE_CATEGORY_STORAGE;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, blk_pci_props);
    vpci_describe(oc);
    vc->parent_class.class_id = 0x0100; /* mass storage, SCSI */
    vc->vdev_realize = blk_pci_realize;
    vc->vdev_unrealize = blk_pci_unrealize;
    vc->default_vectors = blk_pci_default_vectors;
}

/* ---- virtio-net-pci ---- */

typedef struct VirtIONetPci {
    VirtIOPCIProxy parent_obj;
    VirtIONet net;
} VirtIONetPci;

static VirtIONetPci *VIRTIO_NET_PCI(void *obj)
{
    return OBJECT_CHECK(VirtIONetPci, obj, TYPE_VIRTIO_NET_PCI);
}

static bool net_pci_realize(VirtIOPCIProxy *p, Error **errp)
{
    VirtIONetPci *n = VIRTIO_NET_PCI(p);

    n->net.type_name = TYPE_VIRTIO_NET_PCI;
    if (!virtio_net_realize(&n->net, DEVICE(p)->id, errp)) {
        return false;
    }
    p->vdev = &n->net.vdev;
    return true;
}

static void net_pci_unrealize(VirtIOPCIProxy *p)
{
    virtio_net_unrealize(&VIRTIO_NET_PCI(p)->net);
}

static Property net_pci_props[] = {
    DEFINE_PROP_STRING("netdev", VirtIONetPci, net.netdev),
    DEFINE_PROP_STRING("mac", VirtIONetPci, net.mac_str),
    DEFINE_PROP_BOOL("mq", VirtIONetPci, net.mq, false),
    DEFINE_PROP_BOOL("mrg_rxbuf", VirtIONetPci, net.mrg_rxbuf, true),
    DEFINE_PROP_BOOL("status", VirtIONetPci, net.status_prop, true),
    DEFINE_PROP_UINT16("rx_queue_size", VirtIONetPci, net.rx_queue_size, 256),
    DEFINE_PROP_UINT16("tx_queue_size", VirtIONetPci, net.tx_queue_size, 256),
    DEFINE_PROP_INT32("bootindex", VirtIONetPci, net.bootindex, -1),
    VPCI_PROPS(VirtIONetPci),
    DEFINE_PROP_END_OF_LIST(),
};

static void net_pci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtIOPCIClass *vc = VIRTIO_PCI_CLASS(oc);

    dc->desc = "virtio network device on PCI (modern, over zPCI)";
    dc->categories |= 1UL << DEVICE_CATEGORY_NETWORK;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, net_pci_props);
    vpci_describe(oc);
    virtio_net_describe(oc);
    vc->parent_class.class_id = 0x0200; /* network, Ethernet */
    vc->vdev_realize = net_pci_realize;
    vc->vdev_unrealize = net_pci_unrealize;
}

/* ---- virtio-rng-pci ---- */

typedef struct VirtIORngPci {
    VirtIOPCIProxy parent_obj;
    VirtIORng rng;
} VirtIORngPci;

static VirtIORngPci *VIRTIO_RNG_PCI(void *obj)
{
    return OBJECT_CHECK(VirtIORngPci, obj, TYPE_VIRTIO_RNG_PCI);
}

static bool rng_pci_realize(VirtIOPCIProxy *p, Error **errp)
{
    VirtIORngPci *r = VIRTIO_RNG_PCI(p);

    if (!virtio_rng_realize(&r->rng, errp)) {
        return false;
    }
    p->vdev = &r->rng.vdev;
    return true;
}

static void rng_pci_unrealize(VirtIOPCIProxy *p)
{
    virtio_rng_unrealize(&VIRTIO_RNG_PCI(p)->rng);
}

static Property rng_pci_props[] = {
    DEFINE_PROP_LINK("rng", VirtIORngPci, rng.rng, TYPE_RNG_BACKEND,
                     RngBackend *),
    DEFINE_PROP_UINT64("max-bytes", VirtIORngPci, rng.max_bytes, INT64_MAX),
    DEFINE_PROP_UINT32("period", VirtIORngPci, rng.period_ms, 1 << 16),
    VPCI_PROPS(VirtIORngPci),
    DEFINE_PROP_END_OF_LIST(),
};

static void rng_pci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtIOPCIClass *vc = VIRTIO_PCI_CLASS(oc);

    dc->desc = "virtio entropy source on PCI (modern, over zPCI)";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, rng_pci_props);
    vpci_describe(oc);
    vc->vdev_realize = rng_pci_realize;
    vc->vdev_unrealize = rng_pci_unrealize;
}

/* ---- virtio-serial-pci ---- */

#define TYPE_VIRTIO_SERIAL_PCI "virtio-serial-pci"

typedef struct VirtIOSerialPci {
    VirtIOPCIProxy parent_obj;
    VirtIOSerial vser;
} VirtIOSerialPci;

static VirtIOSerialPci *VIRTIO_SERIAL_PCI(void *obj)
{
    return OBJECT_CHECK(VirtIOSerialPci, obj, TYPE_VIRTIO_SERIAL_PCI);
}

static bool serial_pci_realize(VirtIOPCIProxy *p, Error **errp)
{
    VirtIOSerialPci *s = VIRTIO_SERIAL_PCI(p);

    s->vser.type_name = TYPE_VIRTIO_SERIAL_PCI;
    if (!virtio_serial_realize(&s->vser, DEVICE(p), errp)) {
        return false;
    }
    p->vdev = &s->vser.vdev;
    return true;
}

static void serial_pci_unrealize(VirtIOPCIProxy *p)
{
    virtio_serial_unrealize(&VIRTIO_SERIAL_PCI(p)->vser);
}

static Property serial_pci_props[] = {
    DEFINE_PROP_UINT32("max_ports", VirtIOSerialPci, vser.max_ports,
                       VSER_DEFAULT_PORTS),
    DEFINE_PROP_BOOL("emergency-write", VirtIOSerialPci, vser.emergency_write,
                     true),
    VPCI_PROPS(VirtIOSerialPci),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_pci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtIOPCIClass *vc = VIRTIO_PCI_CLASS(oc);

    dc->desc = "virtio serial (console and channels) on PCI (modern, over "
               "zPCI)";
    dc->categories |= 1UL << DEVICE_CATEGORY_INPUT;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, serial_pci_props);
    vpci_describe(oc);
    object_class_property_set_description(
        oc, "vectors",
        "MSI-X vectors (1..128; default: 2, the queues share one)");
    virtio_serial_describe(oc);
    vc->parent_class.class_id = 0x0780; /* communication, other */
    vc->vdev_realize = serial_pci_realize;
    vc->vdev_unrealize = serial_pci_unrealize;
}

static const TypeInfo vpci_types[] = {
    {
        .name = TYPE_VIRTIO_PCI,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(VirtIOPCIProxy),
        .class_size = sizeof(VirtIOPCIClass),
        .class_init = vpci_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_VIRTIO_BLK_PCI,
        .parent = TYPE_VIRTIO_PCI,
        .instance_size = sizeof(VirtIOBlkPci),
        .class_init = blk_pci_class_init,
    },
    {
        .name = TYPE_VIRTIO_RNG_PCI,
        .parent = TYPE_VIRTIO_PCI,
        .instance_size = sizeof(VirtIORngPci),
        .class_init = rng_pci_class_init,
    },
    {
        .name = TYPE_VIRTIO_NET_PCI,
        .parent = TYPE_VIRTIO_PCI,
        .instance_size = sizeof(VirtIONetPci),
        .class_init = net_pci_class_init,
    },
    {
        .name = TYPE_VIRTIO_SERIAL_PCI,
        .parent = TYPE_VIRTIO_PCI,
        .instance_size = sizeof(VirtIOSerialPci),
        .class_init = serial_pci_class_init,
    },
};

DEFINE_TYPES(vpci_types)
