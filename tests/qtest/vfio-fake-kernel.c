/*
 * A fake VFIO kernel for the emulator, loaded with LD_PRELOAD by
 * vfio-pci-linux-test, over the frame of vfio-fake-common.c (the fake
 * /dev/vfio, its group and container, the calls passed through).
 *
 * The one function (0000:00:05.0), as a Linux host that is not s390x shows it: no zPCI
 * capabilities, 4 MSI-X vectors, no ERR interrupt (not PCI Express); IOVA
 * ranges as an x86-64 IOMMU gives (a hole under 4 GiB, up to 2^39), the
 * DMA mappings available.  BAR 0 (4 KiB) holds a scratch register at 0
 * and a small DMA engine: IOVA at 0x10, length at 0x18, writing 1 to
 * 0x1c copies that many bytes of the buffer at 0x100 to the IOVA through
 * the mappings (the process's memory at their vaddr), status at 0x20
 * (1 done, 2 fault); the live mapping count at 0x28; writing N to 0x2c
 * signals MSI-X vector N's eventfd.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "vfio-fake-common.h"

#define NMAPS        1024
#define BAR_SIZE     4096u
#define MSIX_VECTORS 4

typedef struct FakeMap {
    uint64_t iova, size, vaddr;
    bool used;
} FakeMap;

static uint8_t config[256];
static uint8_t bar0[BAR_SIZE];
static FakeMap maps[NMAPS];
static int msix_fd[MSIX_VECTORS] = { -1, -1, -1, -1 };

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;

    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        p[i] = v >> (8 * i);
    }
}

static void fake_init(void)
{
    put16(config + 0, 0x8086); /* vendor */
    put16(config + 2, 0x10d3); /* device */
    config[8] = 0x01;          /* revision */
    config[0xb] = 0x02;        /* class: network */
    put16(config + 0x2c, 0x8086);
    put16(config + 0x2e, 0x0001);
    /* MSI-X (what s390 requires): 4 vectors, table and PBA in BAR 0 */
    put16(config + 6, 0x0010); /* status: capability list */
    config[0x34] = 0x40;
    config[0x40] = 0x11;
    put16(config + 0x42, MSIX_VECTORS - 1);
    config[0x45] = 0x08; /* table at 0x800, BIR 0 */
    config[0x49] = 0x0c; /* PBA at 0xc00, BIR 0 */
}

static FakeMap *map_at(uint64_t iova)
{
    for (int i = 0; i < NMAPS; i++) {
        if (maps[i].used && iova >= maps[i].iova &&
            iova - maps[i].iova < maps[i].size) {
            return &maps[i];
        }
    }
    return NULL;
}

static unsigned live_maps(void)
{
    unsigned n = 0;

    for (int i = 0; i < NMAPS; i++) {
        n += maps[i].used;
    }
    return n;
}

/* The IOMMU info with IOVA_RANGE (two ranges) and DMA_AVAIL */
static int iommu_info(struct vfio_iommu_type1_info *info)
{
    struct vfio_iommu_type1_info_cap_iova_range r = {
        .header = { .id = VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, .version = 1 },
        .nr_iovas = 2,
    };
    static const struct vfio_iova_range ranges[2] = {
        { 0, 0xfedfffff },
        { 0xfef00000, 0x7fffffffffull },
    };
    struct vfio_iommu_type1_info_dma_avail av = {
        .header = { .id = VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, .version = 1 },
        .avail = 65535 - live_maps(),
    };
    uint32_t at_r = sizeof(*info);
    uint32_t at_av = at_r + sizeof(r) + sizeof(ranges);
    uint32_t need = at_av + sizeof(av);
    uint8_t *buf = (uint8_t *)info;

    if (info->argsz < offsetof(struct vfio_iommu_type1_info, cap_offset)) {
        return vfio_fake_fail(EINVAL);
    }
    info->flags = VFIO_IOMMU_INFO_PGSIZES | VFIO_IOMMU_INFO_CAPS;
    info->iova_pgsizes = 4096;
    if (info->argsz < need) {
        info->argsz = need;
        info->cap_offset = 0;
        return 0;
    }
    r.header.next = at_av;
    memcpy(buf + at_r, &r, sizeof(r));
    memcpy(buf + at_r + sizeof(r), ranges, sizeof(ranges));
    memcpy(buf + at_av, &av, sizeof(av));
    info->cap_offset = at_r;
    return 0;
}

/* The type 1 IOMMU's info, DMA map and unmap */
static int container_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_IOMMU_GET_INFO:
        return iommu_info(arg);
    case VFIO_IOMMU_MAP_DMA: {
        struct vfio_iommu_type1_dma_map *m = arg;

        if (!m->size || ((m->iova | m->size | m->vaddr) & 4095)) {
            return vfio_fake_fail(EINVAL);
        }
        for (int i = 0; i < NMAPS; i++) {
            if (maps[i].used && m->iova < maps[i].iova + maps[i].size &&
                maps[i].iova < m->iova + m->size) {
                return vfio_fake_fail(EEXIST);
            }
        }
        for (int i = 0; i < NMAPS; i++) {
            if (!maps[i].used) {
                maps[i] = (FakeMap){ m->iova, m->size, m->vaddr, true };
                return 0;
            }
        }
        return vfio_fake_fail(ENOSPC);
    }
    case VFIO_IOMMU_UNMAP_DMA: {
        struct vfio_iommu_type1_dma_unmap *u = arg;
        uint64_t done = 0;

        if (u->flags) {
            return vfio_fake_fail(EINVAL);
        }
        for (int i = 0; i < NMAPS; i++) {
            if (maps[i].used && maps[i].iova >= u->iova &&
                maps[i].iova + maps[i].size <= u->iova + u->size) {
                done += maps[i].size;
                maps[i].used = false;
            }
        }
        u->size = done;
        return 0;
    }
    default:
        return vfio_fake_fail(ENOTTY);
    }
}

static int region_info(struct vfio_region_info *ri)
{
    if (ri->index >= VFIO_PCI_VGA_REGION_INDEX) {
        return vfio_fake_fail(EINVAL);
    }
    ri->size = ri->index == VFIO_PCI_CONFIG_REGION_INDEX ? sizeof(config)
               : ri->index == 0                          ? BAR_SIZE
                                                         : 0;
    ri->flags = ri->size
                    ? VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE |
                          VFIO_REGION_INFO_FLAG_MMAP
                    : 0;
    return 0;
}

static uint32_t irq_count(uint32_t index)
{
    return index == VFIO_PCI_MSIX_IRQ_INDEX  ? MSIX_VECTORS
           : index == VFIO_PCI_REQ_IRQ_INDEX ? 1
                                             : 0;
}

static int set_irqs(struct vfio_irq_set *s)
{
    /* as the kernel: an index without interrupts refuses eventfds */
    if (s->index != VFIO_PCI_REQ_IRQ_INDEX &&
        s->index != VFIO_PCI_MSIX_IRQ_INDEX &&
        !(s->flags & VFIO_IRQ_SET_DATA_NONE && !s->count)) {
        return vfio_fake_fail(EINVAL);
    }
    if (s->index != VFIO_PCI_MSIX_IRQ_INDEX) {
        return 0;
    }
    if (s->flags & VFIO_IRQ_SET_DATA_NONE && !s->count) {
        for (int i = 0; i < MSIX_VECTORS; i++) {
            msix_fd[i] = -1;
        }
        return 0;
    }
    if (!(s->flags & VFIO_IRQ_SET_DATA_EVENTFD) ||
        s->start + s->count > MSIX_VECTORS) {
        return vfio_fake_fail(EINVAL);
    }
    for (uint32_t i = 0; i < s->count; i++) {
        int32_t fd;

        memcpy(&fd, s->data + 4 * i, 4);
        msix_fd[s->start + i] = fd;
    }
    return 0;
}

static void reset(void)
{
    memset(bar0, 0, sizeof(bar0));
}

/* The DMA engine: the buffer to memory through the mappings */
static void fake_dma(void)
{
    uint64_t iova = get64(bar0 + 0x10);
    uint32_t len = bar0[0x18] | bar0[0x19] << 8;
    FakeMap *m = map_at(iova);

    if (len > BAR_SIZE - 0x100 || !m || len > m->iova + m->size - iova) {
        bar0[0x20] = 2;
        return;
    }
    memcpy((void *)(uintptr_t)(m->vaddr + (iova - m->iova)), bar0 + 0x100, len);
    bar0[0x20] = 1;
}

static uint8_t *region(unsigned index, uint64_t at, size_t n)
{
    if (index == VFIO_PCI_CONFIG_REGION_INDEX && at <= sizeof(config) &&
        n <= sizeof(config) - at) {
        return config + at;
    }
    if (index == 0 && at <= BAR_SIZE && n <= BAR_SIZE - at) {
        return bar0 + at;
    }
    return NULL;
}

static ssize_t region_read(unsigned index, uint64_t at, void *buf, size_t n)
{
    uint8_t *p = region(index, at, n);

    if (!p) {
        return vfio_fake_fail(EINVAL);
    }
    if (index == 0) {
        put64(bar0 + 0x28, live_maps());
    }
    memcpy(buf, p, n);
    return n;
}

static ssize_t region_write(unsigned index, uint64_t at, const void *buf,
                            size_t n)
{
    uint8_t *p = region(index, at, n);

    if (!p) {
        return vfio_fake_fail(EINVAL);
    }
    memcpy(p, buf, n);
    if (index != 0) {
        return n;
    }
    if (at == 0x1c && n >= 1 && bar0[0x1c] == 1) {
        bar0[0x1c] = 0;
        fake_dma();
    }
    if (at == 0x2c && n >= 1 && bar0[0x2c] < MSIX_VECTORS &&
        msix_fd[bar0[0x2c]] >= 0) {
        uint64_t one = 1;

        if (write(msix_fd[bar0[0x2c]], &one, sizeof(one)) != sizeof(one)) {
            bar0[0x20] = 2;
        }
    }
    return n;
}

const VFIOFakeDevice vfio_fake_device = {
    .name = "0000:00:05.0",
    .flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET,
    .num_regions = VFIO_PCI_NUM_REGIONS,
    .num_irqs = VFIO_PCI_NUM_IRQS,
    .init = fake_init,
    .region_info = region_info,
    .irq_count = irq_count,
    .set_irqs = set_irqs,
    .reset = reset,
    .container_ioctl = container_ioctl,
    .read = region_read,
    .write = region_write,
};
