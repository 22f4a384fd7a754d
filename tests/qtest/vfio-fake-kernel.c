/*
 * A fake VFIO kernel for the emulator, loaded with LD_PRELOAD by
 * vfio-pci-linux-test: it defines ioctl(), pread64() and pwrite64(),
 * answers the VFIO requests on the nodes of a fake /dev/vfio and passes
 * everything else to the real system calls.  The fake tree's group node
 * links to /dev/null (group 7) and its container node to /dev/full; the
 * fake tells them apart by device number, so open() stays the real one.
 *
 * The one function, as a Linux host that is not s390x shows it: no zPCI
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
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <linux/vfio.h>

#define NFD          4096
#define NMAPS        1024
#define REGION_SHIFT 40
#define BAR_SIZE     4096u
#define MSIX_VECTORS 4

typedef struct FakeMap {
    uint64_t iova, size, vaddr;
    bool used;
} FakeMap;

static bool is_device[NFD];
static uint8_t config[256];
static uint8_t bar0[BAR_SIZE];
static FakeMap maps[NMAPS];
static int msix_fd[MSIX_VECTORS] = { -1, -1, -1, -1 };

static int fail(int err)
{
    errno = err;
    return -1;
}

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
    static bool done;

    if (done) {
        return;
    }
    done = true;
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

/* 0/1: group 7, the container; -1: not a fake node */
static int fake_node(int fd)
{
    struct stat st;

    if (fd < 0 || fstat(fd, &st) || !S_ISCHR(st.st_mode) ||
        major(st.st_rdev) != 1) {
        return -1;
    }
    return minor(st.st_rdev) == 3 ? 0 : minor(st.st_rdev) == 7 ? 1 : -1;
}

static int group_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_GROUP_GET_STATUS:
        ((struct vfio_group_status *)arg)->flags = VFIO_GROUP_FLAGS_VIABLE;
        return 0;
    case VFIO_GROUP_SET_CONTAINER:
    case VFIO_GROUP_UNSET_CONTAINER:
        return 0;
    case VFIO_GROUP_GET_DEVICE_FD: {
        int fd;

        if (strcmp(arg, "0000:00:05.0")) {
            return fail(ENODEV);
        }
        fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (fd < 0 || fd >= NFD) {
            return fail(EMFILE);
        }
        is_device[fd] = true;
        return fd;
    }
    default:
        return fail(ENOTTY);
    }
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
        return fail(EINVAL);
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

static int container_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_GET_API_VERSION:
        return VFIO_API_VERSION;
    case VFIO_CHECK_EXTENSION:
        return (uintptr_t)arg == VFIO_TYPE1v2_IOMMU;
    case VFIO_SET_IOMMU:
        return 0;
    case VFIO_IOMMU_GET_INFO:
        return iommu_info(arg);
    case VFIO_IOMMU_MAP_DMA: {
        struct vfio_iommu_type1_dma_map *m = arg;

        if (!m->size || ((m->iova | m->size | m->vaddr) & 4095)) {
            return fail(EINVAL);
        }
        for (int i = 0; i < NMAPS; i++) {
            if (maps[i].used && m->iova < maps[i].iova + maps[i].size &&
                maps[i].iova < m->iova + m->size) {
                return fail(EEXIST);
            }
        }
        for (int i = 0; i < NMAPS; i++) {
            if (!maps[i].used) {
                maps[i] = (FakeMap){ m->iova, m->size, m->vaddr, true };
                return 0;
            }
        }
        return fail(ENOSPC);
    }
    case VFIO_IOMMU_UNMAP_DMA: {
        struct vfio_iommu_type1_dma_unmap *u = arg;
        uint64_t done = 0;

        if (u->flags) {
            return fail(EINVAL);
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
        return fail(ENOTTY);
    }
}

static int device_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_DEVICE_GET_INFO: {
        struct vfio_device_info *info = arg;

        if (info->argsz < offsetof(struct vfio_device_info, cap_offset)) {
            return fail(EINVAL);
        }
        info->flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
        info->num_regions = VFIO_PCI_NUM_REGIONS;
        info->num_irqs = VFIO_PCI_NUM_IRQS;
        return 0;
    }
    case VFIO_DEVICE_GET_REGION_INFO: {
        struct vfio_region_info *ri = arg;

        if (ri->argsz < sizeof(*ri) || ri->index >= VFIO_PCI_VGA_REGION_INDEX) {
            return fail(EINVAL);
        }
        ri->offset = (uint64_t)ri->index << REGION_SHIFT;
        ri->size = ri->index == VFIO_PCI_CONFIG_REGION_INDEX ? sizeof(config)
                   : ri->index == 0                          ? BAR_SIZE
                                                             : 0;
        ri->flags = ri->size ? VFIO_REGION_INFO_FLAG_READ |
                                   VFIO_REGION_INFO_FLAG_WRITE |
                                   VFIO_REGION_INFO_FLAG_MMAP
                             : 0;
        ri->cap_offset = 0;
        return 0;
    }
    case VFIO_DEVICE_GET_IRQ_INFO: {
        struct vfio_irq_info *ii = arg;

        if (ii->argsz < sizeof(*ii) || ii->index >= VFIO_PCI_NUM_IRQS) {
            return fail(EINVAL);
        }
        ii->flags = VFIO_IRQ_INFO_EVENTFD;
        ii->count = ii->index == VFIO_PCI_MSIX_IRQ_INDEX  ? MSIX_VECTORS
                    : ii->index == VFIO_PCI_REQ_IRQ_INDEX ? 1
                                                          : 0;
        return 0;
    }
    case VFIO_DEVICE_SET_IRQS: {
        struct vfio_irq_set *s = arg;

        /* as the kernel: an index without interrupts refuses eventfds */
        if (s->index != VFIO_PCI_REQ_IRQ_INDEX &&
            s->index != VFIO_PCI_MSIX_IRQ_INDEX &&
            !(s->flags & VFIO_IRQ_SET_DATA_NONE && !s->count)) {
            return fail(EINVAL);
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
            return fail(EINVAL);
        }
        for (uint32_t i = 0; i < s->count; i++) {
            int32_t fd;

            memcpy(&fd, s->data + 4 * i, 4);
            msix_fd[s->start + i] = fd;
        }
        return 0;
    }
    case VFIO_DEVICE_RESET:
        memset(bar0, 0, sizeof(bar0));
        return 0;
    default:
        return fail(ENOTTY);
    }
}

int ioctl(int fd, unsigned long req, ...)
{
    va_list ap;
    void *arg;
    int node;

    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    fake_init();
    if (fd >= 0 && fd < NFD && is_device[fd]) {
        return device_ioctl(req, arg);
    }
    node = fake_node(fd);
    if (node == 0) {
        return group_ioctl(req, arg);
    }
    if (node == 1) {
        return container_ioctl(req, arg);
    }
    return syscall(SYS_ioctl, fd, req, arg);
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

static uint8_t *region(off_t off, size_t n, size_t *bar_at)
{
    unsigned index = (uint64_t)off >> REGION_SHIFT;
    uint64_t at = off & ((UINT64_C(1) << REGION_SHIFT) - 1);

    if (index == VFIO_PCI_CONFIG_REGION_INDEX && at + n <= sizeof(config)) {
        return config + at;
    }
    if (index == 0 && at + n <= BAR_SIZE) {
        *bar_at = at;
        return bar0 + at;
    }
    return NULL;
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
    size_t at = SIZE_MAX;
    uint8_t *p;

    if (fd < 0 || fd >= NFD || !is_device[fd]) {
        return syscall(SYS_pread64, fd, buf, n, off);
    }
    p = region(off, n, &at);
    if (!p) {
        return fail(EINVAL);
    }
    if (at != SIZE_MAX) {
        put64(bar0 + 0x28, live_maps());
    }
    memcpy(buf, p, n);
    return n;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    size_t at = SIZE_MAX;
    uint8_t *p;

    if (fd < 0 || fd >= NFD || !is_device[fd]) {
        return syscall(SYS_pwrite64, fd, buf, n, off);
    }
    p = region(off, n, &at);
    if (!p) {
        return fail(EINVAL);
    }
    memcpy(p, buf, n);
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
