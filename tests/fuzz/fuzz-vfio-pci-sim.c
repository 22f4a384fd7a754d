/*
 * libFuzzer target for the vfio-pci host ops table over the simulated
 * host (hw/vfio/pci-sim*.c, hw/sim/sim-pci-dev.c): the calls a vfio-pci
 * front end makes with guest-derived values (BAR and config offsets and
 * lengths from PCILG/PCISTG/PCISTB, DMA registers, map/unmap ranges from
 * RPCIT, interrupt sets), in any order.  The object layer is replaced by
 * one static function (no QOM), so only the device and back end run.
 *
 * Input: 4 bytes of set-up (MSI-X vectors, DMA limit, flags), then
 * operations of 16 bytes each:
 *   0     the operation (mod FZ_OPS)
 *   1     a region / irq index
 *   2-3   a length
 *   4-11  an offset or I/O address (little endian)
 *   12-15 a value (size in pages, flags, register value)
 * Checked beyond the sanitizers: a region call returns its length or a
 * negative errno; an info call never writes past argsz; DMA_AVAIL plus
 * the mappings made is the limit; no DMA reaches outside the memory pool
 * (ASan: the pool is a heap block).
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"
#include "exec/memory.h"
#include <sys/eventfd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_POOL_PAGES 16
#define FZ_OPS        12
#define FZ_MAX_OPS    256

static SimPciFunction fz_fn;
static bool fz_fn_live;
static int fz_efd = -1;

/* ---- what hw/sim/sim-pci.c provides, for one function ---- */

SimPciFunction *sim_pci_find(uint16_t domain, uint8_t bus, uint8_t slot,
                             uint8_t func)
{
    return fz_fn_live && !domain && !bus && slot == 1 && !func ? &fz_fn : NULL;
}

bool sim_pci_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                          uint8_t slot, uint8_t *present, Error **errp)
{
    *present = sim_pci_find(domain, bus, slot, 0) ? 1 : 0;
    return true;
}

Object *object_ref(void *obj)
{
    return obj;
}

void object_unref(void *obj)
{
}

/* ---- what system/memory.c provides: no guest RAM region is watched for
 * writes here (no decode cache), so a device's DMA write has nobody to tell */

void memory_ram_notify_host_write(const void *host, hwaddr len)
{
}

/* ---- helpers ---- */

static uint64_t fz_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

static void fz_setup(const uint8_t *cfg)
{
    memset(&fz_fn, 0, sizeof(fz_fn));
    fz_fn.host = (char *)"0000:00:01.0";
    fz_fn.vendor_id = 0x1014;
    fz_fn.device_id = 0x5343;
    fz_fn.msix_vectors = 1 + cfg[0] % SIM_PCI_MAX_VECTORS;
    fz_fn.dma_limit = cfg[1] % 8;
    fz_fn.start_dma = UINT64_C(0x100000000);
    fz_fn.end_dma = cfg[2] & 1 ? UINT64_C(0x1000ffff)
                               : UINT64_C(0x1ffffffffffffff);
    fz_fn.cap_base = cfg[2] & 2;
    fz_fn.cap_group = cfg[2] & 4;
    fz_fn.refresh = true;
    fz_fn.noi = 128;
    fz_fn.maxstbl = 128;
    fz_fn.gid = 0xff;
    fz_fn.util_str = cfg[2] & 8 ? (char *)"UTIL" : NULL;
    fz_fn.pfip = cfg[2] & 16 ? (char *)"01" : NULL;
    fz_fn.pfip_len = 1;
    fz_fn.pfip_bytes[0] = 1;
    fz_fn.fail_dma = cfg[3] & 1;
    fz_fn.fail_reset = cfg[3] & 2;
    fz_fn.realized = true;
    fz_fn.func = 0;
    fz_fn.slot = 1;
    sim_pci_dev_init(&fz_fn);
    fz_fn_live = true;
}

static uint32_t fz_avail(VFIOPCIHost *h)
{
    uint8_t buf[256];
    struct vfio_iommu_type1_info *info = (void *)buf;
    const struct vfio_iommu_type1_info_dma_avail *a;

    memset(buf, 0, sizeof(buf));
    info->argsz = sizeof(buf);
    assert(vfio_pci_sim_ops.get_iommu_info(h, info) == 0);
    a = (const void *)vfio_pci_host_find_cap(info, info->argsz,
                                             info->cap_offset,
                                             VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL,
                                             sizeof(*a));
    assert(a);
    return a->avail;
}

/* An info call into a heap block of exactly argsz bytes */
static void fz_info(VFIOPCIHost *h, bool iommu, uint16_t argsz)
{
    uint8_t *buf = g_malloc0(MAX(argsz, 4));
    uint32_t a = argsz;

    memcpy(buf, &a, sizeof(a));
    if (iommu) {
        if (vfio_pci_sim_ops.get_iommu_info(h, (void *)buf) == 0) {
            assert(argsz >= sizeof(struct vfio_iommu_type1_info));
        }
    } else if (vfio_pci_sim_ops.get_device_info(h, (void *)buf) == 0) {
        const struct vfio_device_info *d = (const void *)buf;

        assert(argsz >= sizeof(*d));
        assert(d->cap_offset == 0 || d->cap_offset < argsz);
    }
    g_free(buf);
}

static void fz_set_irqs(VFIOPCIHost *h, const uint8_t *op)
{
    uint8_t buf[sizeof(struct vfio_irq_set) + 8 * sizeof(int32_t)];
    struct vfio_irq_set *s = (void *)buf;

    memset(buf, 0, sizeof(buf));
    s->argsz = sizeof(*s) + op[2] % (8 * sizeof(int32_t) + 1);
    s->flags = fz_le(op + 12, 4);
    s->index = op[1] % 8;
    s->start = op[4] % 140;
    s->count = op[5] % 10;
    /* only -1 or our eventfd: the front end passes its own eventfds */
    for (unsigned i = 0; i < 8; i++) {
        int32_t fd = op[6] & (1u << i) ? fz_efd : -1;

        memcpy(s->data + i * sizeof(fd), &fd, sizeof(fd));
    }
    if ((s->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) == VFIO_IRQ_SET_DATA_BOOL) {
        memcpy(s->data, op + 6, 6);
    }
    vfio_pci_sim_ops.set_irqs(h, s);
}

static void fz_one(VFIOPCIHost *h, uint8_t *pool, const uint8_t *op,
                   unsigned *maps)
{
    uint8_t buf[SIM_PCI_BAR0_SIZE + 16];
    unsigned index = op[1] % 10, len = fz_le(op + 2, 2) % sizeof(buf);
    uint64_t off = fz_le(op + 4, 8);
    uint32_t val = fz_le(op + 12, 4);
    ssize_t r;

    switch (op[0] % FZ_OPS) {
    case 0:
        r = vfio_pci_sim_ops.region_read(h, index, off % 0x2100, buf, len);
        assert(r == len || r < 0);
        break;
    case 1:
        memcpy(buf, op + 12, 4);
        r = vfio_pci_sim_ops.region_write(h, index, off % 0x2100, buf, len);
        assert(r == len || r < 0);
        break;
    case 2: {
        /* a register write as PCISTG would make it */
        uint64_t v = val;

        vfio_pci_sim_ops.region_write(h, 0, off % 0x40 & ~3ull, &v,
                                      op[2] & 1 ? 8 : 4);
        break;
    }
    case 3: {
        struct vfio_iommu_type1_dma_map m = {
            .argsz = sizeof(m),
            .flags = op[1] & 7,
            .iova = off,
            .size = (uint64_t)(1 + val % 4) * 4096,
            .vaddr = (uintptr_t)(pool + (op[2] % (FZ_POOL_PAGES - 4)) * 4096),
        };

        if (op[3] & 1) {
            m.iova = UINT64_C(0x100000000) + (off % 64) * 4096;
        }
        if (vfio_pci_sim_ops.dma_map(h, &m) == 0) {
            (*maps)++;
        }
        break;
    }
    case 4: {
        struct vfio_iommu_type1_dma_unmap u = {
            .argsz = sizeof(u),
            .flags = op[1] & 3,
            .iova = op[3] & 1 ? UINT64_C(0x100000000) + (off % 64) * 4096 : off,
            .size = (uint64_t)(val % 70) * 4096,
        };

        /* mappings are of 1-4 pages: count them again afterwards */
        vfio_pci_sim_ops.dma_unmap(h, &u);
        *maps = fz_fn.dma_limit - fz_avail(h);
        break;
    }
    case 5:
        fz_set_irqs(h, op);
        break;
    case 6:
        vfio_pci_sim_ops.reset(h);
        break;
    case 7:
        fz_info(h, false, fz_le(op + 2, 2) % 512);
        break;
    case 8:
        fz_info(h, true, fz_le(op + 2, 2) % 256);
        break;
    case 9: {
        struct vfio_region_info ri = { .argsz = val % 64, .index = op[1] };
        struct vfio_irq_info ii = { .argsz = val % 32, .index = op[1] };

        vfio_pci_sim_ops.get_region_info(h, &ri);
        vfio_pci_sim_ops.get_irq_info(h, &ii);
        break;
    }
    case 10:
        fz_fn.fail_dma = op[1] & 1;
        fz_fn.fail_reset = op[1] & 2;
        fz_fn.removed = op[1] & 4;
        break;
    default:
        /* a DMA from the registers, as a driver would start one */
        {
            uint64_t v;

            v = op[3] & 1 ? UINT64_C(0x100000000) + (off % 64) * 4096 +
                                (op[2] & 0xff8)
                          : off;
            vfio_pci_sim_ops.region_write(h, 0, SIM_PCI_REG_DMA_IOVA, &v, 8);
            v = 1 + val % SIM_PCI_BUF_SIZE + (op[1] & 0x80 ? 4096 : 0);
            vfio_pci_sim_ops.region_write(h, 0, SIM_PCI_REG_DMA_LEN, &v, 4);
            v = 1 + (op[1] & 1);
            vfio_pci_sim_ops.region_write(h, 0, SIM_PCI_REG_DMA_CMD, &v, 4);
        }
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *pool;
    VFIOPCIHost *h;
    unsigned maps = 0, n;
    uint64_t drain;

    if (size < 4) {
        return 0;
    }
    if (fz_efd < 0) {
        fz_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        assert(fz_efd >= 0);
    }
    fz_setup(data);
    h = vfio_pci_sim_ops.open("0000:00:01.0", NULL, NULL);
    assert(h);
    if (posix_memalign((void **)&pool, 4096, FZ_POOL_PAGES * 4096)) {
        abort();
    }
    memset(pool, 0, FZ_POOL_PAGES * 4096);
    /* memory decode and bus mastering on, MSI-X enabled */
    {
        uint32_t cmd = 6, ctrl = 0x8000;

        vfio_pci_sim_ops.region_write(h, VFIO_PCI_CONFIG_REGION_INDEX, 4, &cmd,
                                      2);
        vfio_pci_sim_ops.region_write(h, VFIO_PCI_CONFIG_REGION_INDEX,
                                      SIM_PCI_MSIX_CAP + 2, &ctrl, 2);
    }
    n = MIN((size - 4) / 16, FZ_MAX_OPS);
    for (unsigned i = 0; i < n; i++) {
        fz_one(h, pool, data + 4 + 16 * i, &maps);
        if (!fz_fn.removed) {
            assert(fz_avail(h) + maps == fz_fn.dma_limit);
        }
    }
    fz_fn.removed = false;
    vfio_pci_sim_ops.close(h);
    fz_fn_live = false;
    free(pool);
    while (read(fz_efd, &drain, sizeof(drain)) == sizeof(drain)) {
    }
    return 0;
}
