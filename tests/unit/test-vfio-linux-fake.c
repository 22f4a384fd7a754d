/*
 * The Linux vfio-pci back end's kernel side over a fake VFIO kernel, so
 * that its success paths run on a machine without VFIO devices: this
 * program defines ioctl(), pread64() and pwrite64() itself, which the
 * back end (linked in statically) then calls; the fake answers the VFIO
 * requests on the descriptors it knows and passes every other call to
 * the real system call.  The group nodes of the fake /dev/vfio are
 * links to character devices the fake tells apart by number (group 7:
 * /dev/null, group 8: /dev/zero, group 9: /dev/urandom, the container:
 * /dev/full), so open()
 * and fstat() are the real ones.
 *
 * Checked: open (group, container, device fd by name), the calls passed
 * straight through with their offsets, one group and container shared by
 * two functions of a group (opened, checked and set up once, left when
 * the last function closes), unmap-all and close dropping only the
 * closing function's own mappings, close turning its interrupts off,
 * and the refusals: a group that is not viable, a device the group does
 * not have, a function opened twice.  The shared region scan (vfio-ccw's
 * too): the argsz retry, the type capability behind another one, a
 * chain that loops.  And vfio-ccw's Linux back end over the same
 * shared group code (its mdev in group 9, /dev/urandom).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/vfio/pci-host.h"
#include "hw/vfio/linux-group.h"
#include "hw/vfio/ccw-backend.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>

static const VFIOPCIHostOps *ops = &vfio_pci_linux_ops;

/* ---- the fake kernel ---- */

#define NFAKE        1024
#define MDEV_UUID    "a2b5a4e1-4d0e-4c5d-9b3e-0123456789ab"
#define REGION_SHIFT 40

typedef struct FakeMap {
    uint64_t iova, size;
} FakeMap;

typedef struct FakeKernel {
    bool viable;
    /*
     * Region 9 (device specific) with a capability chain: 0 none, 1 the
     * type capability after another one, 2 a chain that loops on itself
     */
    int region9;
    unsigned region9_calls;
    unsigned status_calls[3];  /* GET_STATUS per group (7, 8, 9) */
    unsigned set_container[3]; /* SET_CONTAINER per group */
    unsigned unset_container[3];
    unsigned set_iommu;
    int group_container[3]; /* the container fd given */
    bool is_ccw[NFAKE];     /* a vfio_ccw mdev (group 9) */
    bool is_device[NFAKE];  /* fds handed out by GET_DEVICE_FD */
    char device_name[NFAKE][16];
    uint8_t config[256];
    uint8_t bar0[4096];
    unsigned resets;
    /* the last SET_IRQS per index: flags, count (UINT32_MAX: none) */
    uint32_t irq_flags[5], irq_count[5];
    GArray *maps; /* of FakeMap: the container's (one for both groups) */
} FakeKernel;

static FakeKernel fk;

static void fake_reset(void)
{
    if (fk.maps) {
        g_array_free(fk.maps, true);
    }
    memset(&fk, 0, sizeof(fk));
    fk.viable = true;
    fk.maps = g_array_new(false, true, sizeof(FakeMap));
    for (int i = 0; i < 5; i++) {
        fk.irq_count[i] = UINT32_MAX;
    }
    fk.config[0] = 0x14; /* vendor 0x1014 */
    fk.config[1] = 0x10;
}

/* Which fake node @fd is: 0/1/2 group 7/8/9, 3 the container, -1 none */
static int fake_node(int fd)
{
    struct stat st;

    if (fd < 0 || fstat(fd, &st) || !S_ISCHR(st.st_mode) ||
        major(st.st_rdev) != 1) {
        return -1;
    }
    switch (minor(st.st_rdev)) {
    case 3:
        return 0;
    case 5:
        return 1;
    case 9:
        return 2;
    case 7:
        return 3;
    default:
        return -1;
    }
}

static bool fake_is_device(int fd)
{
    return fd >= 0 && fd < NFAKE && fk.is_device[fd];
}

static int fail(int err)
{
    errno = err;
    return -1;
}

static int fake_group(int g, unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_GROUP_GET_STATUS: {
        struct vfio_group_status *st = arg;

        fk.status_calls[g]++;
        st->flags = fk.viable ? VFIO_GROUP_FLAGS_VIABLE : 0;
        return 0;
    }
    case VFIO_GROUP_SET_CONTAINER:
        fk.set_container[g]++;
        fk.group_container[g] = *(int *)arg;
        return 0;
    case VFIO_GROUP_UNSET_CONTAINER:
        fk.unset_container[g]++;
        return 0;
    case VFIO_GROUP_GET_DEVICE_FD: {
        const char *name = arg;
        int fd;

        if (g == 0
                ? strcmp(name, "0000:00:05.0") && strcmp(name, "0000:00:05.2")
            : g == 1 ? strcmp(name, "0000:00:06.0")
                     : strcmp(name, MDEV_UUID)) {
            return fail(ENODEV);
        }
        fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        g_assert_cmpint(fd, <, NFAKE);
        fk.is_device[fd] = true;
        fk.is_ccw[fd] = g == 2;
        g_strlcpy(fk.device_name[fd], name, sizeof(fk.device_name[fd]));
        return fd;
    }
    default:
        return fail(ENOTTY);
    }
}

static bool fake_overlaps(uint64_t iova, uint64_t size)
{
    for (guint i = 0; i < fk.maps->len; i++) {
        FakeMap *m = &g_array_index(fk.maps, FakeMap, i);

        if (iova < m->iova + m->size && m->iova < iova + size) {
            return true;
        }
    }
    return false;
}

static int fake_container(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_GET_API_VERSION:
        return VFIO_API_VERSION;
    case VFIO_CHECK_EXTENSION:
        return (uintptr_t)arg == VFIO_TYPE1v2_IOMMU;
    case VFIO_SET_IOMMU:
        fk.set_iommu++;
        return 0;
    case VFIO_IOMMU_GET_INFO: {
        struct vfio_iommu_type1_info *info = arg;

        if (info->argsz < offsetof(struct vfio_iommu_type1_info, cap_offset)) {
            return fail(EINVAL);
        }
        info->flags = VFIO_IOMMU_INFO_PGSIZES;
        info->iova_pgsizes = 4096;
        return 0;
    }
    case VFIO_IOMMU_MAP_DMA: {
        struct vfio_iommu_type1_dma_map *m = arg;
        FakeMap fm = { m->iova, m->size };

        if (!m->size || (m->iova | m->size) & 4095) {
            return fail(EINVAL);
        }
        if (fake_overlaps(m->iova, m->size)) {
            return fail(EEXIST);
        }
        g_array_append_val(fk.maps, fm);
        return 0;
    }
    case VFIO_IOMMU_UNMAP_DMA: {
        struct vfio_iommu_type1_dma_unmap *u = arg;
        uint64_t done = 0;

        if (u->flags) {
            return fail(EINVAL); /* the back end never passes FLAG_ALL */
        }
        for (guint i = 0; i < fk.maps->len;) {
            FakeMap *m = &g_array_index(fk.maps, FakeMap, i);

            if (m->iova >= u->iova && m->iova + m->size <= u->iova + u->size) {
                done += m->size;
                g_array_remove_index(fk.maps, i);
            } else {
                i++;
            }
        }
        u->size = done;
        return 0;
    }
    default:
        return fail(ENOTTY);
    }
}

/* Region 9: a header capability, then the type one (or a loop) */
static int fake_region9(struct vfio_region_info *ri)
{
    struct vfio_info_cap_header other = { .id = 0x77, .version = 1 };
    struct vfio_region_info_cap_type t = {
        .header = { .id = VFIO_REGION_INFO_CAP_TYPE, .version = 1 },
        .type = 3,
        .subtype = 0x80000002,
    };
    uint32_t need = sizeof(*ri) + sizeof(other) + sizeof(t);
    uint8_t *buf = (uint8_t *)ri;

    fk.region9_calls++;
    ri->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_CAPS;
    ri->size = 0x2000;
    ri->offset = UINT64_C(9) << REGION_SHIFT;
    if (ri->argsz < need) {
        ri->argsz = need;
        ri->cap_offset = 0;
        return 0;
    }
    other.next = fk.region9 == 2 ? sizeof(*ri) : sizeof(*ri) + sizeof(other);
    memcpy(buf + sizeof(*ri), &other, sizeof(other));
    memcpy(buf + sizeof(*ri) + sizeof(other), &t, sizeof(t));
    ri->cap_offset = sizeof(*ri);
    return 0;
}

static int fake_device(int fd, unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_DEVICE_GET_INFO: {
        struct vfio_device_info *info = arg;

        if (info->argsz < offsetof(struct vfio_device_info, cap_offset)) {
            return fail(EINVAL);
        }
        if (fk.is_ccw[fd]) {
            /* the I/O region (index 0) and the I/O interrupt */
            info->flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
            info->num_regions = 1;
            info->num_irqs = 1;
            return 0;
        }
        info->flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
        info->num_regions = VFIO_PCI_NUM_REGIONS + (fk.region9 ? 1 : 0);
        info->num_irqs = VFIO_PCI_NUM_IRQS;
        return 0;
    }
    case VFIO_DEVICE_GET_REGION_INFO: {
        struct vfio_region_info *ri = arg;

        if (ri->argsz >= sizeof(*ri) && ri->index == 9 && fk.region9) {
            return fake_region9(ri);
        }
        if (ri->argsz < sizeof(*ri) || ri->index >= VFIO_PCI_VGA_REGION_INDEX) {
            return fail(EINVAL);
        }
        ri->offset = (uint64_t)ri->index << REGION_SHIFT;
        ri->size = ri->index == VFIO_PCI_CONFIG_REGION_INDEX ? sizeof(fk.config)
                   : ri->index == 0                          ? sizeof(fk.bar0)
                                                             : 0;
        ri->flags = ri->size ? VFIO_REGION_INFO_FLAG_READ |
                                   VFIO_REGION_INFO_FLAG_WRITE
                             : 0;
        return 0;
    }
    case VFIO_DEVICE_GET_IRQ_INFO: {
        struct vfio_irq_info *ii = arg;

        if (ii->argsz < sizeof(*ii) || ii->index >= VFIO_PCI_NUM_IRQS) {
            return fail(EINVAL);
        }
        ii->flags = VFIO_IRQ_INFO_EVENTFD;
        ii->count = ii->index == VFIO_PCI_MSIX_IRQ_INDEX  ? 4
                    : ii->index == VFIO_PCI_REQ_IRQ_INDEX ? 1
                                                          : 0; /* not PCIe */
        return 0;
    }
    case VFIO_DEVICE_SET_IRQS: {
        struct vfio_irq_set *s = arg;

        if (s->index >= VFIO_PCI_NUM_IRQS) {
            return fail(EINVAL);
        }
        fk.irq_flags[s->index] = s->flags;
        fk.irq_count[s->index] = s->count;
        return 0;
    }
    case VFIO_DEVICE_RESET:
        fk.resets++;
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
    if (fake_is_device(fd)) {
        return fake_device(fd, req, arg);
    }
    node = fake_node(fd);
    if (node >= 0 && node <= 2) {
        return fake_group(node, req, arg);
    }
    if (node == 3) {
        return fake_container(req, arg);
    }
    return syscall(SYS_ioctl, fd, req, arg);
}

static uint8_t *fake_region(off64_t off, size_t n)
{
    unsigned index = off >> REGION_SHIFT;
    uint64_t at = off & ((UINT64_C(1) << REGION_SHIFT) - 1);
    uint8_t *base = index == VFIO_PCI_CONFIG_REGION_INDEX ? fk.config
                    : index == 0                          ? fk.bar0
                                                          : NULL;
    size_t size = index == VFIO_PCI_CONFIG_REGION_INDEX ? sizeof(fk.config)
                                                        : sizeof(fk.bar0);

    return base && at + n <= size ? base + at : NULL;
}

ssize_t pread64(int fd, void *buf, size_t n, off64_t off)
{
    uint8_t *p;

    if (!fake_is_device(fd)) {
        return syscall(SYS_pread64, fd, buf, n, off);
    }
    p = fake_region(off, n);
    if (!p) {
        return fail(EINVAL);
    }
    memcpy(buf, p, n);
    return n;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    uint8_t *p;

    if (!fake_is_device(fd)) {
        return syscall(SYS_pwrite64, fd, buf, n, off);
    }
    p = fake_region(off, n);
    if (!p) {
        return fail(EINVAL);
    }
    memcpy(p, buf, n);
    return n;
}

/* ---- the fake /sys and /dev/vfio ---- */

static char *tmp, *sys, *dev;

static void add_fn(const char *name, int group)
{
    g_autofree char *d = g_strdup_printf("%s/bus/pci/devices/%s", sys, name);
    g_autofree char *link = g_build_filename(d, "iommu_group", NULL);
    g_autofree char *target =
        g_strdup_printf("../../../../kernel/iommu_groups/%d", group);

    g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
    g_assert_cmpint(symlink(target, link), ==, 0);
}

static void add_node(const char *name, const char *target)
{
    g_autofree char *p = g_build_filename(dev, name, NULL);

    g_assert_cmpint(symlink(target, p), ==, 0);
}

static VFIOPCIHost *open_ok(const char *host)
{
    return ops->open(host, NULL, &error_abort);
}

static void expect_open_error(const char *host, const char *msg)
{
    Error *err = NULL;

    g_assert_null(ops->open(host, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* ---- tests ---- */

static void test_open_and_calls(void)
{
    struct vfio_device_info di = { .argsz = sizeof(di) };
    struct vfio_region_info ri = { .argsz = sizeof(ri), .index = 7 };
    struct vfio_irq_info ii = { .argsz = sizeof(ii),
                                .index = VFIO_PCI_MSIX_IRQ_INDEX };
    struct vfio_iommu_type1_info io = { .argsz = sizeof(io) };
    VFIOPCIHostId id;
    VFIOPCIHost *h;
    uint32_t v = 0;
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

    fake_reset();
    h = open_ok("00:05.2");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 1);
    g_assert_cmpuint(fk.status_calls[0], ==, 1);
    g_assert_cmpuint(fk.set_container[0], ==, 1);
    g_assert_cmpuint(fk.set_iommu, ==, 1);
    ops->get_host_id(h, &id);
    g_assert_cmpuint(id.domain, ==, 0);
    g_assert_cmpuint(id.bus, ==, 0);
    g_assert_cmpuint(id.slot, ==, 5);
    g_assert_cmpuint(id.func, ==, 2);
    g_assert_cmpint(id.iommu_group, ==, 7);
    /* straight through */
    g_assert_cmpint(ops->get_device_info(h, &di), ==, 0);
    g_assert_cmphex(di.flags, ==,
                    VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET);
    di.argsz = 8;
    g_assert_cmpint(ops->get_device_info(h, &di), ==, -EINVAL);
    g_assert_cmpint(ops->get_region_info(h, &ri), ==, 0);
    g_assert_cmpuint(ri.size, ==, 256);
    g_assert_cmphex(ri.offset, ==, UINT64_C(7) << REGION_SHIFT);
    ri.index = VFIO_PCI_VGA_REGION_INDEX;
    g_assert_cmpint(ops->get_region_info(h, &ri), ==, -EINVAL);
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, 0);
    g_assert_cmpuint(ii.count, ==, 4);
    g_assert_cmpint(ops->get_iommu_info(h, &io), ==, 0);
    g_assert_cmpuint(io.iova_pgsizes, ==, 4096);
    /* regions at their offsets in the device fd */
    g_assert_cmpint(ops->region_read(h, VFIO_PCI_CONFIG_REGION_INDEX, 0, &v, 2),
                    ==, 2);
    g_assert_cmphex(v, ==, 0x1014);
    g_assert_cmpint(ops->region_write(h, 0, 0x100, buf, 8), ==, 8);
    g_assert_cmpmem(fk.bar0 + 0x100, 8, buf, 8);
    g_assert_cmpint(ops->region_write(h, 0, 4092, buf, 8), ==, -EINVAL);
    g_assert_cmpint(ops->region_read(h, 1, 0, buf, 4), ==, -EINVAL);
    g_assert_cmpint(ops->region_read(h, 99, 0, buf, 4), ==, -EINVAL);
    g_assert_cmpint(ops->reset(h), ==, 0);
    g_assert_cmpuint(fk.resets, ==, 1);
    /* slot_present: the fake sysfs has .0 and .2 of slot 5 */
    {
        uint8_t present;

        g_assert_true(ops->slot_present(NULL, 0, 0, 5, &present, NULL));
        g_assert_cmphex(present, ==, 0x05);
    }
    ops->close(h);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
    g_assert_cmpuint(fk.unset_container[0], ==, 1);
}

static void set_eventfds(VFIOPCIHost *h, unsigned index, unsigned n)
{
    size_t sz = sizeof(struct vfio_irq_set) + n * sizeof(int32_t);
    g_autofree struct vfio_irq_set *s = g_malloc0(sz);

    s->argsz = sz;
    s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    s->index = index;
    s->count = n;
    memset(s->data, 0xff, n * sizeof(int32_t)); /* -1 each */
    g_assert_cmpint(ops->set_irqs(h, s), ==, 0);
}

static void test_close_irqs_off(void)
{
    VFIOPCIHost *h;

    fake_reset();
    h = open_ok("0000:00:05.0");
    set_eventfds(h, VFIO_PCI_MSIX_IRQ_INDEX, 4);
    set_eventfds(h, VFIO_PCI_REQ_IRQ_INDEX, 1);
    g_assert_cmpuint(fk.irq_count[VFIO_PCI_MSIX_IRQ_INDEX], ==, 4);
    ops->close(h);
    /* each index it set: DATA_NONE | ACTION_TRIGGER, count 0 */
    g_assert_cmphex(fk.irq_flags[VFIO_PCI_MSIX_IRQ_INDEX], ==,
                    VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER);
    g_assert_cmpuint(fk.irq_count[VFIO_PCI_MSIX_IRQ_INDEX], ==, 0);
    g_assert_cmpuint(fk.irq_count[VFIO_PCI_REQ_IRQ_INDEX], ==, 0);
    /* and not the ones it did not */
    g_assert_cmpuint(fk.irq_count[VFIO_PCI_ERR_IRQ_INDEX], ==, UINT32_MAX);
}

static int map(VFIOPCIHost *h, uint64_t iova, uint64_t size)
{
    struct vfio_iommu_type1_dma_map m = {
        .argsz = sizeof(m),
        .flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
        .vaddr = 0x7f0000000000,
        .iova = iova,
        .size = size,
    };

    return ops->dma_map(h, &m);
}

static int unmap(VFIOPCIHost *h, uint64_t iova, uint64_t size, uint32_t flags,
                 uint64_t *done)
{
    struct vfio_iommu_type1_dma_unmap u = {
        .argsz = sizeof(u),
        .flags = flags,
        .iova = iova,
        .size = size,
    };
    int ret = ops->dma_unmap(h, &u);

    *done = u.size;
    return ret;
}

/* Two functions of group 7: one group, one container, own mappings */
static void test_shared_group(void)
{
    VFIOPCIHost *a, *b;
    uint64_t done;

    fake_reset();
    a = open_ok("0000:00:05.0");
    b = open_ok("0000:00:05.2");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 1);
    g_assert_cmpuint(fk.status_calls[0], ==, 1);
    g_assert_cmpuint(fk.set_container[0], ==, 1);
    g_assert_cmpuint(fk.set_iommu, ==, 1);
    expect_open_error("0000:00:05.0", "Host device '0000:00:05.0' is already "
                                      "in use");
    /* one IOVA space: b cannot map what a has */
    g_assert_cmpint(map(a, 0x100000000, 4096), ==, 0);
    g_assert_cmpint(map(a, 0x100001000, 4096), ==, 0);
    g_assert_cmpint(map(a, 0x100400000, 4096), ==, 0);
    g_assert_cmpint(map(b, 0x100000000, 4096), ==, -EEXIST);
    g_assert_cmpint(map(b, 0x200000000, 8192), ==, 0);
    g_assert_cmpint(map(a, 0x100002001, 4096), ==, -EINVAL);
    g_assert_cmpuint(fk.maps->len, ==, 4);
    /* a range unmap: the kernel's answer */
    g_assert_cmpint(unmap(a, 0x100001000, 4096, 0, &done), ==, 0);
    g_assert_cmphex(done, ==, 4096);
    g_assert_cmpuint(fk.maps->len, ==, 3);
    /* unmap-all of a: a's two left, not b's */
    g_assert_cmpint(unmap(a, 0, 0, VFIO_DMA_UNMAP_FLAG_ALL, &done), ==, 0);
    g_assert_cmphex(done, ==, 8192);
    g_assert_cmpuint(fk.maps->len, ==, 1);
    g_assert_cmphex(g_array_index(fk.maps, FakeMap, 0).iova, ==, 0x200000000);
    g_assert_cmpint(unmap(a, 0, 4096, VFIO_DMA_UNMAP_FLAG_ALL, &done), ==,
                    -EINVAL);
    /* a goes: the group stays, b's mapping too */
    g_assert_cmpint(map(a, 0x100000000, 4096), ==, 0);
    ops->close(a);
    g_assert_cmpuint(fk.maps->len, ==, 1);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 1);
    g_assert_cmpuint(fk.unset_container[0], ==, 0);
    /* b goes: its mapping, then the group and the container */
    ops->close(b);
    g_assert_cmpuint(fk.maps->len, ==, 0);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
    g_assert_cmpuint(fk.unset_container[0], ==, 1);
    /* and a function can be opened again */
    a = open_ok("0000:00:05.0");
    ops->close(a);
}

/* Two groups: two groups open, each in a container of its own */
static void test_two_groups(void)
{
    VFIOPCIHost *a, *c;

    fake_reset();
    a = open_ok("0000:00:05.0");
    c = open_ok("0000:00:06.0");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 2);
    g_assert_cmpuint(fk.set_container[0], ==, 1);
    g_assert_cmpuint(fk.set_container[1], ==, 1);
    g_assert_cmpint(fk.group_container[0], !=, fk.group_container[1]);
    ops->close(c);
    ops->close(a);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
}

static void test_refusals(void)
{
    fake_reset();
    fk.viable = false;
    expect_open_error("0000:00:05.0", "group 7 is not viable");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
    fk.viable = true;
    add_fn("0000:00:05.3", 7);
    expect_open_error("0000:00:05.3", "error getting device 0000:00:05.3 "
                                      "from group 7: No such device");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
    g_assert_cmpuint(fk.unset_container[0], ==, 1);
}

/*
 * vfio-ccw's Linux back end over the same shared code: its mdev (group 9)
 * opened, its host ids from the parent subchannel, the I/O region at its
 * offset, the group left at close; a PCI function of another group open
 * at the same time keeps its own.
 */
static void test_ccw_shared_code(void)
{
    g_autofree char *sch = g_strdup_printf("%s/devices/css0/0.1.0012", sys);
    g_autofree char *mdev = g_build_filename(sch, MDEV_UUID, NULL);
    g_autofree char *link = g_build_filename(mdev, "iommu_group", NULL);
    const VFIOCCWBackendOps *ccw = &vfio_ccw_linux_ops;
    struct ccw_io_region io = { .ret_code = 0 };
    VFIOCCWHost *c;
    VFIOPCIHost *p;
    uint8_t cssid = 0xff, ssid = 0xff;
    uint16_t devno = 0xffff;

    fake_reset();
    g_assert_cmpint(g_mkdir_with_parents(mdev, 0755), ==, 0);
    unlink(link);
    g_assert_cmpint(symlink("../../../../kernel/iommu_groups/9", link), ==, 0);
    p = open_ok("0000:00:05.0");
    c = ccw->open(NULL, mdev, &error_abort);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 2);
    g_assert_cmpuint(fk.set_container[2], ==, 1);
    ccw->get_host_id(c, &cssid, &ssid, &devno);
    g_assert_cmpuint(cssid, ==, 0);
    g_assert_cmpuint(ssid, ==, 1);
    io.orb_area[0] = 0x5a;
    g_assert_cmpint(ccw->region_write(c, VFIO_CCW_CONFIG_REGION_INDEX, 0, &io,
                                      sizeof(io)),
                    ==, sizeof(io));
    g_assert_cmphex(fk.bar0[offsetof(struct ccw_io_region, orb_area)], ==,
                    0x5a);
    ccw->close(c);
    g_assert_cmpuint(fk.unset_container[2], ==, 1);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 1);
    ops->close(p);
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
}

/* The region table: the argsz retry and the type capability in a chain */
static void test_scan_regions(void)
{
    VFIOLinuxRegion r[10];
    int fd;

    fake_reset();
    fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(fd, <, NFAKE);
    fk.is_device[fd] = true;
    fk.region9 = 1;
    vfio_linux_scan_regions(fd, 10, r);
    g_assert_true(r[0].valid);
    g_assert_cmpuint(r[0].size, ==, 4096);
    g_assert_true(r[1].valid); /* size 0, but the kernel answered */
    g_assert_cmpuint(r[1].size, ==, 0);
    g_assert_true(r[7].valid);
    g_assert_cmphex(r[7].offset, ==, UINT64_C(7) << REGION_SHIFT);
    g_assert_false(r[8].valid); /* no VGA: refused */
    g_assert_true(r[9].valid);
    g_assert_cmpuint(fk.region9_calls, ==, 2); /* asked again, larger */
    g_assert_true(r[9].has_type);
    g_assert_cmpuint(r[9].type, ==, 3);
    g_assert_cmphex(r[9].subtype, ==, 0x80000002);
    g_assert_cmphex(r[9].size, ==, 0x2000);
    /* a chain pointing back at itself ends: no type found */
    fk.region9 = 2;
    vfio_linux_scan_regions(fd, 10, r);
    g_assert_true(r[9].valid);
    g_assert_false(r[9].has_type);
    fk.is_device[fd] = false;
    close(fd);
}

int main(int argc, char **argv)
{
    g_autofree char *cmd = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("test-vfio-linux-fake-XXXXXX", NULL);
    g_assert_nonnull(tmp);
    sys = g_build_filename(tmp, "sys", NULL);
    dev = g_build_filename(tmp, "dev", NULL);
    g_assert_cmpint(g_mkdir_with_parents(dev, 0755), ==, 0);
    g_setenv("QEMU_VFIO_SYSFS_ROOT", sys, true);
    g_setenv("QEMU_VFIO_DEV_ROOT", dev, true);
    add_fn("0000:00:05.0", 7);
    add_fn("0000:00:05.2", 7);
    add_fn("0000:00:06.0", 8);
    add_node("7", "/dev/null");
    add_node("8", "/dev/zero");
    add_node("9", "/dev/urandom");
    add_node("vfio", "/dev/full");
    g_test_add_func("/vfio-linux-fake/open-and-calls", test_open_and_calls);
    g_test_add_func("/vfio-linux-fake/close-irqs-off", test_close_irqs_off);
    g_test_add_func("/vfio-linux-fake/shared-group", test_shared_group);
    g_test_add_func("/vfio-linux-fake/two-groups", test_two_groups);
    g_test_add_func("/vfio-linux-fake/refusals", test_refusals);
    g_test_add_func("/vfio-linux-fake/scan-regions", test_scan_regions);
    g_test_add_func("/vfio-linux-fake/ccw-shared-code", test_ccw_shared_code);
    ret = g_test_run();
    cmd = g_strdup_printf("rm -rf '%s'", tmp);
    g_assert_cmpint(system(cmd), ==, 0);
    return ret;
}
