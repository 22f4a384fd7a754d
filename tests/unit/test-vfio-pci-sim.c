/*
 * Unit tests of the simulated host PCI function (hw/sim/sim-pci*.c)
 * through the vfio-pci back-end ops table only (hw/vfio/pci-sim.c):
 * device info and its zPCI capability chain, regions, the IOMMU (DMA
 * map/unmap, IOVA range, DMA budget), the DMA engine into mapped memory
 * and its faults, MSI-X/error/request eventfds, reset, fault injection,
 * multi-function slots and the BDF '*' expansion over them.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "exec/memory.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"
#include <json-glib/json-glib.h>
#include <sys/eventfd.h>

static const VFIOPCIHostOps *ops = &vfio_pci_sim_ops;

#define CFG_COMMAND 0x04
#define IOVA0       UINT64_C(0x100000000)
#define PAGE        4096u

static Object *add_fn(const char *id, const char *json, Error **errp)
{
    JsonNode *node = json_from_string(json, NULL);
    Object *obj;

    g_assert_nonnull(node);
    obj = user_creatable_add_type(TYPE_SIM_PCI_FUNCTION, id,
                                  json_node_get_object(node), true, errp);
    json_node_unref(node);
    return obj;
}

static void del_fn(const char *id)
{
    g_assert_true(user_creatable_del(id, &error_abort));
}

static void expect_add_error(const char *json, const char *msg)
{
    Error *err = NULL;

    g_assert_null(add_fn("bad", json, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_null(object_resolve_path("/objects/bad", NULL));
}

static VFIOPCIHost *open_ok(const char *host)
{
    return ops->open(host, NULL, &error_abort);
}

static uint32_t cfg_read(VFIOPCIHost *h, uint32_t off, unsigned len)
{
    uint32_t v = 0;

    g_assert_cmpint(ops->region_read(h, VFIO_PCI_CONFIG_REGION_INDEX, off, &v,
                                     len),
                    ==, len);
    return GUINT32_FROM_LE(v);
}

static void cfg_write(VFIOPCIHost *h, uint32_t off, uint32_t val, unsigned len)
{
    uint32_t v = GUINT32_TO_LE(val);

    g_assert_cmpint(ops->region_write(h, VFIO_PCI_CONFIG_REGION_INDEX, off, &v,
                                      len),
                    ==, len);
}

static uint64_t reg_read(VFIOPCIHost *h, uint64_t off, unsigned len)
{
    uint64_t v = 0;

    g_assert_cmpint(ops->region_read(h, 0, off, &v, len), ==, len);
    return GUINT64_FROM_LE(v);
}

static void reg_write(VFIOPCIHost *h, uint64_t off, uint64_t val, unsigned len)
{
    uint64_t v = GUINT64_TO_LE(val);

    g_assert_cmpint(ops->region_write(h, 0, off, &v, len), ==, len);
}

/* Memory decode and bus mastering on, as a driver does first */
static void enable(VFIOPCIHost *h)
{
    cfg_write(h, CFG_COMMAND, 0x0006, 2);
}

static uint32_t dma(VFIOPCIHost *h, uint64_t iova, uint32_t len, uint32_t cmd)
{
    reg_write(h, SIM_PCI_REG_DMA_IOVA, iova, 8);
    reg_write(h, SIM_PCI_REG_DMA_LEN, len, 4);
    reg_write(h, SIM_PCI_REG_DMA_CMD, cmd, 4);
    return reg_read(h, SIM_PCI_REG_DMA_STATUS, 4);
}

static int map(VFIOPCIHost *h, uint64_t iova, void *host, uint64_t size,
               uint32_t flags)
{
    struct vfio_iommu_type1_dma_map m = {
        .argsz = sizeof(m),
        .flags = flags,
        .vaddr = (uintptr_t)host,
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

    if (done) {
        *done = u.size;
    }
    return ret;
}

static void *host_pages(unsigned n)
{
    void *p = NULL;

    g_assert_cmpint(posix_memalign(&p, PAGE, n * PAGE), ==, 0);
    memset(p, 0, n * PAGE);
    return p;
}

/* ---- eventfds ---- */

static int new_eventfd(void)
{
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

    g_assert_cmpint(fd, >=, 0);
    return fd;
}

/* How often @fd was signalled since the last call */
static uint64_t fired(int fd)
{
    uint64_t n = 0;

    if (read(fd, &n, sizeof(n)) != sizeof(n)) {
        return 0;
    }
    return n;
}

static void set_eventfd(VFIOPCIHost *h, unsigned index, unsigned start, int fd)
{
    uint8_t buf[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
    struct vfio_irq_set *s = (void *)buf;
    int32_t f = fd;

    s->argsz = sizeof(buf);
    s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    s->index = index;
    s->start = start;
    s->count = 1;
    memcpy(s->data, &f, sizeof(f));
    g_assert_cmpint(ops->set_irqs(h, s), ==, 0);
}

/* ---- device info ---- */

static void *device_info(VFIOPCIHost *h)
{
    struct vfio_device_info small = { .argsz = sizeof(small) };
    struct vfio_device_info *info;

    g_assert_cmpint(ops->get_device_info(h, &small), ==, 0);
    g_assert_true(small.flags & VFIO_DEVICE_FLAGS_PCI);
    g_assert_true(small.flags & VFIO_DEVICE_FLAGS_RESET);
    g_assert_cmpuint(small.num_regions, ==, VFIO_PCI_NUM_REGIONS);
    g_assert_cmpuint(small.num_irqs, ==, VFIO_PCI_NUM_IRQS);
    g_assert_cmpuint(small.cap_offset, ==, 0); /* did not fit */
    info = g_malloc0(small.argsz);
    info->argsz = small.argsz;
    g_assert_cmpint(ops->get_device_info(h, info), ==, 0);
    g_assert_cmpuint(info->argsz, ==, small.argsz);
    return info;
}

static const void *find_cap(const struct vfio_device_info *info, uint16_t id)
{
    static const size_t sizes[] = {
        [VFIO_DEVICE_INFO_CAP_ZPCI_BASE] = sizeof(
            struct vfio_device_info_cap_zpci_base),
        [VFIO_DEVICE_INFO_CAP_ZPCI_GROUP] = sizeof(
            struct vfio_device_info_cap_zpci_group),
        [VFIO_DEVICE_INFO_CAP_ZPCI_UTIL] =
            sizeof(struct vfio_device_info_cap_zpci_util) + 64,
        [VFIO_DEVICE_INFO_CAP_ZPCI_PFIP] =
            sizeof(struct vfio_device_info_cap_zpci_pfip) + 4,
    };

    return vfio_pci_host_find_cap(info, info->argsz, info->cap_offset, id,
                                  sizes[id]);
}

static void test_device_info_caps(void)
{
    g_autofree struct vfio_device_info *info = NULL;
    const struct vfio_device_info_cap_zpci_base *b;
    const struct vfio_device_info_cap_zpci_group *g;
    const struct vfio_device_info_cap_zpci_util *u;
    const struct vfio_device_info_cap_zpci_pfip *p;
    VFIOPCIHost *h;

    add_fn(
        "caps",
        "{\"host\": \"0000:00:02.0\", \"pchid\": \"0x1a2\", \"gid\": \"7\", "
        "\"vfn\": \"3\", \"fh\": \"0x80010002\", \"start-dma\": \"0x10000\", "
        "\"end-dma\": \"0x7fffffff\", \"noi\": \"64\", \"maxstbl\": \"0x80\", "
        "\"msi-addr\": \"0xfe00000000000000\", \"version\": \"1\", "
        "\"util-str\": \"ISM a.1\\\"\", \"pfip\": \"0a0b\"}",
        &error_abort);
    h = open_ok("00:02.0");
    info = device_info(h);
    g_assert_true(info->flags & VFIO_DEVICE_FLAGS_CAPS);
    /* the first capability 8-aligned after the fixed part */
    g_assert_cmpuint(info->cap_offset, ==,
                     (sizeof(struct vfio_device_info) + 7) & ~(size_t)7);

    b = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_BASE);
    g_assert_nonnull(b);
    g_assert_cmpuint(b->header.version, ==, 2);
    g_assert_cmphex(b->start_dma, ==, 0x10000);
    g_assert_cmphex(b->end_dma, ==, 0x7fffffff);
    g_assert_cmphex(b->pchid, ==, 0x1a2);
    g_assert_cmpuint(b->vfn, ==, 3);
    g_assert_cmpuint(b->gid, ==, 7);
    g_assert_cmphex(b->fh, ==, 0x80010002);

    g = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_GROUP);
    g_assert_nonnull(g);
    g_assert_cmphex(g->msi_addr, ==, 0xfe00000000000000ull);
    g_assert_cmpuint(g->noi, ==, 64);
    g_assert_cmpuint(g->maxstbl, ==, 128);
    g_assert_cmpuint(g->mui, ==, 4000);
    g_assert_cmpuint(g->version, ==, 1);
    g_assert_cmphex(g->flags, ==, VFIO_DEVICE_INFO_ZPCI_FLAG_REFRESH);

    u = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_UTIL);
    g_assert_nonnull(u);
    g_assert_cmpuint(u->size, ==, 64);
    /* EBCDIC, as a host reports it */
    g_assert_cmpmem(u->util_str, 9, "\xc9\xe2\xd4\x40\x81\x4b\xf1\x7f\x00", 9);

    p = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_PFIP);
    g_assert_nonnull(p);
    g_assert_cmpuint(p->size, ==, 4);
    g_assert_cmphex(p->pfip[0], ==, 0x0a);
    g_assert_cmphex(p->pfip[1], ==, 0x0b);
    g_assert_cmphex(p->pfip[2], ==, 0);
    ops->close(h);
    del_fn("caps");
}

/* Unset values are QEMU's defaults for a host without the capability */
static void test_device_info_defaults(void)
{
    g_autofree struct vfio_device_info *info = NULL, *none = NULL;
    const struct vfio_device_info_cap_zpci_base *b;
    const struct vfio_device_info_cap_zpci_group *g;
    VFIOPCIHost *h;

    add_fn("dflt", "{\"host\": \"0000:00:03.0\"}", &error_abort);
    h = open_ok("0000:00:03.0");
    info = device_info(h);
    b = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_BASE);
    g = find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_GROUP);
    g_assert_nonnull(b);
    g_assert_nonnull(g);
    g_assert_cmphex(b->start_dma, ==, 0x100000000ull);
    g_assert_cmphex(b->end_dma, ==, 0x1ffffffffffffffull);
    g_assert_cmpuint(b->gid, ==, 0xff);
    g_assert_cmpuint(b->pchid, ==, 0);
    g_assert_cmphex(g->msi_addr, ==, 0xfe00000000000000ull);
    g_assert_cmpuint(g->noi, ==, 128);
    g_assert_cmpuint(g->maxstbl, ==, 128);
    g_assert_cmpuint(g->mui, ==, 4000);
    g_assert_null(find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_UTIL));
    g_assert_null(find_cap(info, VFIO_DEVICE_INFO_CAP_ZPCI_PFIP));
    ops->close(h);
    del_fn("dflt");

    /* no capabilities at all */
    add_fn("nocap",
           "{\"host\": \"0000:00:04.0\", \"zpci-base\": \"off\", "
           "\"zpci-group\": \"off\"}",
           &error_abort);
    h = open_ok("0000:00:04.0");
    none = g_malloc0(256);
    none->argsz = 256;
    g_assert_cmpint(ops->get_device_info(h, none), ==, 0);
    g_assert_false(none->flags & VFIO_DEVICE_FLAGS_CAPS);
    g_assert_cmpuint(none->cap_offset, ==, 0);
    g_assert_cmpuint(none->argsz, ==, 256);
    none->argsz = 4;
    g_assert_cmpint(ops->get_device_info(h, none), ==, -EINVAL);
    ops->close(h);
    del_fn("nocap");
}

/* A chain from a hostile or broken host ends the walk, never overruns */
static void test_find_cap_bounds(void)
{
    uint8_t buf[64] = { 0 };
    struct vfio_info_cap_header *a = (void *)(buf + 16),
                                *b = (void *)(buf + 32);

    a->id = 1;
    a->next = 32;
    b->id = 2;
    b->next = 16; /* back to a: a loop */
    g_assert_true(vfio_pci_host_find_cap(buf, 64, 16, 2, 8) == b);
    g_assert_null(vfio_pci_host_find_cap(buf, 64, 16, 3, 8));
    /* a capability running past the buffer is not handed out */
    g_assert_true(vfio_pci_host_find_cap(buf, 64, 16, 2, 32) == b);
    g_assert_null(vfio_pci_host_find_cap(buf, 64, 16, 2, 33));
    /* offsets outside the buffer */
    g_assert_null(vfio_pci_host_find_cap(buf, 64, 60, 1, 8));
    g_assert_null(vfio_pci_host_find_cap(buf, 20, 16, 1, 8));
    g_assert_null(vfio_pci_host_find_cap(buf, 4, 0, 0, 0));
    b->next = 1000;
    b->id = 9;
    g_assert_null(vfio_pci_host_find_cap(buf, 64, 16, 3, 8));
    g_assert_null(vfio_pci_host_find_cap(buf, 64, 0, 1, 8)); /* no chain */
}

/* ---- regions ---- */

static void test_regions(void)
{
    static const uint64_t sizes[VFIO_PCI_NUM_REGIONS] = {
        [VFIO_PCI_BAR0_REGION_INDEX] = SIM_PCI_BAR0_SIZE,
        [VFIO_PCI_BAR2_REGION_INDEX] = SIM_PCI_BAR2_SIZE,
        [VFIO_PCI_CONFIG_REGION_INDEX] = 256,
    };
    struct vfio_region_info ri = { .argsz = sizeof(ri) };
    uint32_t v;
    VFIOPCIHost *h;

    add_fn("reg",
           "{\"host\": \"0000:00:05.0\", \"vendor-id\": \"0x1af4\", "
           "\"device-id\": \"0x1041\", \"class-code\": \"0x020000\", "
           "\"msix-vectors\": \"4\"}",
           &error_abort);
    h = open_ok("0000:00:05.0");
    for (unsigned i = 0; i < VFIO_PCI_NUM_REGIONS; i++) {
        ri.index = i;
        g_assert_cmpint(ops->get_region_info(h, &ri), ==, 0);
        g_assert_cmpuint(ri.size, ==, sizes[i]);
        g_assert_cmpuint(ri.offset, ==, (uint64_t)i << 40);
        g_assert_false(ri.flags & VFIO_REGION_INFO_FLAG_MMAP);
        g_assert_cmpint(!!(ri.flags & VFIO_REGION_INFO_FLAG_READ), ==,
                        !!sizes[i]);
    }
    ri.index = VFIO_PCI_NUM_REGIONS;
    g_assert_cmpint(ops->get_region_info(h, &ri), ==, -EINVAL);

    /* config space: ids, class, header, MSI-X capability */
    g_assert_cmphex(cfg_read(h, 0, 4), ==, 0x10411af4);
    g_assert_cmphex(cfg_read(h, 0x08, 4) >> 8, ==, 0x020000);
    g_assert_cmphex(cfg_read(h, 0x0e, 1), ==, 0); /* single function */
    g_assert_cmphex(cfg_read(h, 0x34, 1), ==, SIM_PCI_MSIX_CAP);
    g_assert_cmphex(cfg_read(h, SIM_PCI_MSIX_CAP, 1), ==, 0x11);
    g_assert_cmphex(cfg_read(h, SIM_PCI_MSIX_CAP + 2, 2), ==, 3);
    g_assert_cmphex(cfg_read(h, SIM_PCI_MSIX_CAP + 4, 4), ==, 2);
    g_assert_cmphex(cfg_read(h, SIM_PCI_MSIX_CAP + 8, 4), ==, 0x802);
    /* BAR sizing: all-ones reads back the size mask and type */
    cfg_write(h, 0x10, 0xffffffff, 4);
    cfg_write(h, 0x14, 0xffffffff, 4);
    cfg_write(h, 0x18, 0xffffffff, 4);
    g_assert_cmphex(cfg_read(h, 0x10, 4), ==, 0xffffe004);
    g_assert_cmphex(cfg_read(h, 0x14, 4), ==, 0xffffffff);
    g_assert_cmphex(cfg_read(h, 0x18, 4), ==, 0xfffff000);
    g_assert_cmphex(cfg_read(h, 0x1c, 4), ==, 0);
    /* read-only ids; an unaligned multi-byte access is split */
    cfg_write(h, 0, 0x12345678, 4);
    g_assert_cmphex(cfg_read(h, 0, 4), ==, 0x10411af4);
    g_assert_cmphex(cfg_read(h, 1, 2), ==, 0x411a);
    g_assert_cmpint(ops->region_read(h, VFIO_PCI_CONFIG_REGION_INDEX, 255, &v,
                                     2),
                    ==, -EINVAL);

    /* BARs: refused while Memory Space is off, then the registers */
    g_assert_cmpint(ops->region_read(h, 0, SIM_PCI_REG_ID, &v, 4), ==, -EIO);
    enable(h);
    g_assert_cmphex(reg_read(h, SIM_PCI_REG_ID, 4), ==, SIM_PCI_ID_MAGIC);
    reg_write(h, SIM_PCI_REG_SCRATCH, 0x1122334455667788ull, 8);
    g_assert_cmphex(reg_read(h, SIM_PCI_REG_SCRATCH, 8), ==,
                    0x1122334455667788ull);
    g_assert_cmphex(reg_read(h, SIM_PCI_REG_SCRATCH + 4, 4), ==, 0x11223344);
    g_assert_cmphex(reg_read(h, SIM_PCI_REG_SCRATCH, 4), ==, 0x55667788);
    /* registers take aligned 4/8 bytes; the buffer any */
    g_assert_cmpint(ops->region_read(h, 0, 2, &v, 2), ==, -EIO);
    g_assert_cmpint(ops->region_write(h, 0, SIM_PCI_BUF + 3, "abc", 3), ==, 3);
    g_assert_cmpint(ops->region_read(h, 0, SIM_PCI_BUF + 3, &v, 3), ==, 3);
    g_assert_cmpmem(&v, 3, "abc", 3);
    g_assert_cmpint(ops->region_read(h, 0, SIM_PCI_BAR0_SIZE - 2, &v, 4), ==,
                    -EINVAL);
    g_assert_cmpint(ops->region_read(h, 1, 0, &v, 4), ==, -EINVAL);
    /* the MSI-X table: every vector masked after reset */
    g_assert_cmpint(ops->region_read(h, 2, 12, &v, 4), ==, 4);
    g_assert_cmphex(v, ==, 1);
    ops->close(h);
    del_fn("reg");
}

/* ---- the IOMMU and the DMA engine ---- */

static void test_dma_to_memory(void)
{
    uint8_t *mem = host_pages(3);
    uint8_t pat[SIM_PCI_BUF_SIZE];
    VFIOPCIHost *h;

    add_fn("dma", "{\"host\": \"0000:00:06.0\"}", &error_abort);
    h = open_ok("0000:00:06.0");
    enable(h);
    /* two mappings side by side, not contiguous in host memory */
    g_assert_cmpint(map(h, IOVA0, mem + 2 * PAGE, PAGE,
                        VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE),
                    ==, 0);
    g_assert_cmpint(map(h, IOVA0 + PAGE, mem, PAGE,
                        VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE),
                    ==, 0);
    for (unsigned i = 0; i < sizeof(pat); i++) {
        pat[i] = i * 7 + 3;
    }
    g_assert_cmpint(ops->region_write(h, 0, SIM_PCI_BUF, pat, sizeof(pat)), ==,
                    sizeof(pat));
    /* device -> memory across the two mappings */
    g_assert_cmpuint(dma(h, IOVA0 + 0x800, 0x1000, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpmem(mem + 2 * PAGE + 0x800, 0x800, pat, 0x800);
    g_assert_cmpmem(mem, 0x800, pat + 0x800, 0x800);
    g_assert_cmpuint(mem[0x800], ==, 0); /* nothing beyond */
    g_assert_cmpuint(mem[2 * PAGE + 0x7ff], ==, 0);
    g_assert_cmpuint(reg_read(h, SIM_PCI_REG_DMA_COUNT, 4), ==, 1);

    /* memory -> device */
    memset(mem + 2 * PAGE, 0x5a, 16);
    g_assert_cmpuint(dma(h, IOVA0, 16, SIM_PCI_DMA_FROM_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmphex(reg_read(h, SIM_PCI_BUF + 8, 8), ==, 0x5a5a5a5a5a5a5a5aull);

    /* without Bus Master Enable nothing moves */
    cfg_write(h, CFG_COMMAND, 0x0002, 2);
    memset(mem + 2 * PAGE, 0, PAGE);
    g_assert_cmpuint(dma(h, IOVA0, 16, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_NO_MASTER);
    g_assert_cmpuint(mem[2 * PAGE], ==, 0);
    enable(h);
    g_assert_cmpuint(dma(h, IOVA0, 0, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_BAD_CMD);
    g_assert_cmpuint(dma(h, IOVA0, 16, 9), ==, SIM_PCI_DMA_ST_BAD_CMD);
    ops->close(h);
    del_fn("dma");
    free(mem);
}

static void note_write(void *opaque, hwaddr offset, hwaddr len)
{
    hwaddr *seen = opaque;

    seen[0]++;
    seen[1] = offset;
    seen[2] = len;
}

/* DMA into a RAM region runs its write notifier (the CPU's code cache) */
static void test_dma_notifies_ram(void)
{
    MemoryRegion ram;
    hwaddr seen[3] = { 0 };
    uint8_t *p;
    VFIOPCIHost *h;

    g_assert_true(
        memory_region_init_ram(&ram, NULL, "dma-ram", 2 * PAGE, &error_abort));
    memory_region_set_write_notify(&ram, note_write, seen);
    p = memory_region_get_ram_ptr(&ram);
    add_fn("dmanote", "{\"host\": \"0000:00:07.0\"}", &error_abort);
    h = open_ok("0000:00:07.0");
    enable(h);
    g_assert_cmpint(map(h, IOVA0, p, 2 * PAGE,
                        VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE),
                    ==, 0);
    g_assert_cmpuint(dma(h, IOVA0 + 0x100, 0x40, SIM_PCI_DMA_FROM_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(seen[0], ==, 0); /* a read changes nothing */
    g_assert_cmpuint(dma(h, IOVA0 + 0x100, 0x40, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(seen[0], ==, 1);
    g_assert_cmphex(seen[1], ==, 0x100);
    g_assert_cmpuint(seen[2], ==, 0x40);
    ops->close(h);
    del_fn("dmanote");
    memory_region_set_write_notify(&ram, NULL, NULL);
    memory_region_finalize(&ram);
}

static void test_dma_faults(void)
{
    uint8_t *mem = host_pages(2);
    int errfd = new_eventfd();
    VFIOPCIHost *h;
    uint64_t done;

    add_fn("flt", "{\"host\": \"0000:00:07.0\"}", &error_abort);
    h = open_ok("0000:00:07.0");
    enable(h);
    set_eventfd(h, VFIO_PCI_ERR_IRQ_INDEX, 0, errfd);
    memset(mem, 0xee, 2 * PAGE);
    /* an IOVA never mapped */
    g_assert_cmpuint(dma(h, IOVA0, 16, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_FAULT);
    g_assert_cmpuint(fired(errfd), ==, 1);
    /* a transfer running off the end of a mapping moves nothing */
    g_assert_cmpint(map(h, IOVA0, mem, PAGE,
                        VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE),
                    ==, 0);
    g_assert_cmpuint(dma(h, IOVA0 + PAGE - 8, 16, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_FAULT);
    g_assert_cmpuint(mem[PAGE - 8], ==, 0xee);
    g_assert_cmpuint(fired(errfd), ==, 1);
    /* a read-only mapping refuses a write to memory */
    g_assert_cmpint(map(h, IOVA0 + PAGE, mem + PAGE, PAGE,
                        VFIO_DMA_MAP_FLAG_READ),
                    ==, 0);
    g_assert_cmpuint(dma(h, IOVA0 + PAGE, 16, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_FAULT);
    g_assert_cmpuint(mem[PAGE], ==, 0xee);
    g_assert_cmpuint(dma(h, IOVA0 + PAGE, 16, SIM_PCI_DMA_FROM_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(fired(errfd), ==, 1);
    /* after unmap the page is gone for the device */
    g_assert_cmpint(unmap(h, IOVA0, PAGE, 0, &done), ==, 0);
    g_assert_cmphex(done, ==, PAGE);
    g_assert_cmpuint(dma(h, IOVA0, 16, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_FAULT);
    g_assert_cmpuint(mem[0], ==, 0xee);
    g_assert_cmpuint(fired(errfd), ==, 1);
    /* injected device error */
    object_property_set_bool(object_resolve_path("/objects/flt", NULL),
                             "dma-error", true, &error_abort);
    g_assert_cmpuint(dma(h, IOVA0 + PAGE, 16, SIM_PCI_DMA_FROM_MEMORY), ==,
                     SIM_PCI_DMA_ST_ERROR);
    g_assert_cmpuint(fired(errfd), ==, 1);
    object_property_set_bool(object_resolve_path("/objects/flt", NULL),
                             "dma-error", false, &error_abort);
    g_assert_cmpuint(dma(h, IOVA0 + PAGE, 16, SIM_PCI_DMA_FROM_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    ops->close(h);
    del_fn("flt");
    close(errfd);
    free(mem);
}

static uint32_t dma_avail(VFIOPCIHost *h, uint64_t *start, uint64_t *end)
{
    g_autofree struct vfio_iommu_type1_info *info = NULL;
    struct vfio_iommu_type1_info small = { .argsz = sizeof(small) };
    const struct vfio_iommu_type1_info_cap_iova_range *r;
    const struct vfio_iommu_type1_info_dma_avail *a;

    g_assert_cmpint(ops->get_iommu_info(h, &small), ==, 0);
    g_assert_cmpuint(small.argsz, >, sizeof(small));
    g_assert_cmphex(small.iova_pgsizes, ==, PAGE);
    g_assert_cmpuint(small.cap_offset, ==, 0);
    info = g_malloc0(small.argsz);
    info->argsz = small.argsz;
    g_assert_cmpint(ops->get_iommu_info(h, info), ==, 0);
    g_assert_true(info->flags & VFIO_IOMMU_INFO_CAPS);
    r = (const void *)
        vfio_pci_host_find_cap(info, info->argsz, info->cap_offset,
                               VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE,
                               sizeof(*r) + sizeof(struct vfio_iova_range));
    a = (const void *)vfio_pci_host_find_cap(info, info->argsz,
                                             info->cap_offset,
                                             VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL,
                                             sizeof(*a));
    g_assert_nonnull(r);
    g_assert_nonnull(a);
    g_assert_cmpuint(r->nr_iovas, ==, 1);
    *start = r->iova_ranges[0].start;
    *end = r->iova_ranges[0].end;
    return a->avail;
}

static void test_dma_budget(void)
{
    uint8_t *mem = host_pages(4);
    uint64_t start, end, done;
    VFIOPCIHost *h;
    const uint32_t rw = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;

    add_fn("bud",
           "{\"host\": \"0000:00:08.0\", \"dma-limit\": \"3\", "
           "\"start-dma\": \"0x100000\", \"end-dma\": \"0x1fffff\"}",
           &error_abort);
    h = open_ok("0000:00:08.0");
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 3);
    g_assert_cmphex(start, ==, 0x100000);
    g_assert_cmphex(end, ==, 0x1fffff);
    /* the range, alignment, permissions, overlaps */
    g_assert_cmpint(map(h, 0xff000, mem, PAGE, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x1ff000, mem, 2 * PAGE, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x100800, mem, PAGE, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x100000, mem + 1, PAGE, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x100000, mem, 0, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x100000, mem, PAGE, 0), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x100000, mem, PAGE, VFIO_DMA_MAP_FLAG_VADDR), ==,
                    -EINVAL);
    g_assert_cmpint(map(h, 0x100000, mem, 2 * PAGE, rw), ==, 0);
    g_assert_cmpint(map(h, 0x101000, mem, PAGE, rw), ==, -EEXIST);
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 2);
    g_assert_cmpint(map(h, 0x110000, mem, PAGE, rw), ==, 0);
    g_assert_cmpint(map(h, 0x120000, mem, PAGE, rw), ==, 0);
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 0);
    /* exhausted: what RPCIT answers with cc 1 status 16 */
    g_assert_cmpint(map(h, 0x130000, mem, PAGE, rw), ==, -ENOSPC);
    /* unmap: not across a mapping's edge; every mapping inside */
    g_assert_cmpint(unmap(h, 0x101000, PAGE, 0, NULL), ==, -EINVAL);
    g_assert_cmpint(unmap(h, 0x100000, PAGE, 0, NULL), ==, -EINVAL);
    g_assert_cmpint(unmap(h, 0x100000, 0x20000, 0, &done), ==, 0);
    g_assert_cmphex(done, ==, 3 * PAGE);
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 2);
    g_assert_cmpint(map(h, 0x130000, mem, PAGE, rw), ==, 0);
    g_assert_cmpint(unmap(h, 0x100000, 0, 0, NULL), ==, -EINVAL);
    g_assert_cmpint(unmap(h, 1, 0, VFIO_DMA_UNMAP_FLAG_ALL, NULL), ==, -EINVAL);
    g_assert_cmpint(unmap(h, 0, 0, VFIO_DMA_UNMAP_FLAG_ALL, &done), ==, 0);
    g_assert_cmphex(done, ==, 2 * PAGE);
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 3);
    /* an unmap of nothing is fine */
    g_assert_cmpint(unmap(h, 0x100000, PAGE, 0, &done), ==, 0);
    g_assert_cmphex(done, ==, 0);
    /* close drops every mapping: a new open starts afresh */
    g_assert_cmpint(map(h, 0x100000, mem, PAGE, rw), ==, 0);
    ops->close(h);
    h = open_ok("0000:00:08.0");
    g_assert_cmpuint(dma_avail(h, &start, &end), ==, 3);
    ops->close(h);
    del_fn("bud");
    free(mem);
}

/* An IOVA range of its own: what the IOMMU reports and enforces */
static void test_iova_range(void)
{
    uint8_t *mem = host_pages(1);
    const uint32_t rw = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    uint64_t start, end;
    VFIOPCIHost *h;

    add_fn("iov",
           "{\"host\": \"0000:00:09.0\", \"start-dma\": \"0x100000\", "
           "\"end-dma\": \"0x1fffff\", \"iova-start\": \"0x180000\", "
           "\"iova-end\": \"0x2fffff\"}",
           &error_abort);
    h = open_ok("0000:00:09.0");
    dma_avail(h, &start, &end);
    g_assert_cmphex(start, ==, 0x180000);
    g_assert_cmphex(end, ==, 0x2fffff);
    /* inside BASE's range but not the IOMMU's, and the other way round */
    g_assert_cmpint(map(h, 0x100000, mem, PAGE, rw), ==, -EINVAL);
    g_assert_cmpint(map(h, 0x200000, mem, PAGE, rw), ==, 0);
    ops->close(h);
    del_fn("iov");
    expect_add_error("{\"host\": \"0000:00:09.0\", \"iova-start\": "
                     "\"0x1000\"}",
                     "sim-pci-function: iova-start needs iova-end");
    expect_add_error("{\"host\": \"0000:00:09.0\", \"iova-start\": "
                     "\"0x1000\", \"iova-end\": \"0x1800\"}",
                     "sim-pci-function: iova-start 0x1000 .. iova-end 0x1800 "
                     "is not a range of whole 4 KiB pages");
    free(mem);
}

/* The last page of a 2^64 IOVA space maps and takes DMA like any other */
static void test_dma_top(void)
{
    uint8_t *mem = host_pages(1);
    const uint64_t top = UINT64_C(0xfffffffffffff000);
    VFIOPCIHost *h;

    add_fn("top",
           "{\"host\": \"0000:00:0d.0\", \"start-dma\": \"0\", "
           "\"end-dma\": \"0xffffffffffffffff\"}",
           &error_abort);
    h = open_ok("0000:00:0d.0");
    enable(h);
    g_assert_cmpint(map(h, top, mem, PAGE, VFIO_DMA_MAP_FLAG_WRITE), ==, 0);
    g_assert_cmpint(ops->region_write(h, 0, SIM_PCI_BUF, "top!", 4), ==, 4);
    g_assert_cmpuint(dma(h, top + PAGE - 4, 4, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpmem(mem + PAGE - 4, 4, "top!", 4);
    /* running past 2^64 is a fault, not a wrap to 0 */
    g_assert_cmpuint(dma(h, top + PAGE - 4, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_FAULT);
    ops->close(h);
    del_fn("top");
    free(mem);
}

/* ---- interrupts ---- */

static void test_msix(void)
{
    uint8_t *mem = host_pages(1);
    int fd1 = new_eventfd(), fd2 = new_eventfd();
    struct vfio_irq_info ii = { .argsz = sizeof(ii) };
    struct vfio_irq_set off = {
        .argsz = sizeof(off),
        .flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
        .index = VFIO_PCI_MSIX_IRQ_INDEX,
    };
    uint32_t zero = 0;
    VFIOPCIHost *h;

    add_fn("msix", "{\"host\": \"0000:00:09.0\", \"msix-vectors\": \"4\"}",
           &error_abort);
    h = open_ok("0000:00:09.0");
    ii.index = VFIO_PCI_MSIX_IRQ_INDEX;
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, 0);
    g_assert_cmpuint(ii.count, ==, 4);
    g_assert_true(ii.flags & VFIO_IRQ_INFO_EVENTFD);
    ii.index = VFIO_PCI_INTX_IRQ_INDEX;
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, 0);
    g_assert_cmpuint(ii.count, ==, 0);
    ii.index = VFIO_PCI_ERR_IRQ_INDEX;
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, 0);
    g_assert_cmpuint(ii.count, ==, 1);
    ii.index = VFIO_PCI_REQ_IRQ_INDEX;
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, 0);
    g_assert_cmpuint(ii.count, ==, 1);
    ii.index = VFIO_PCI_NUM_IRQS;
    g_assert_cmpint(ops->get_irq_info(h, &ii), ==, -EINVAL);

    enable(h);
    set_eventfd(h, VFIO_PCI_MSIX_IRQ_INDEX, 1, fd1);
    set_eventfd(h, VFIO_PCI_MSIX_IRQ_INDEX, 3, fd2);
    g_assert_cmpint(map(h, IOVA0, mem, PAGE, VFIO_DMA_MAP_FLAG_WRITE), ==, 0);
    reg_write(h, SIM_PCI_REG_DMA_VECTOR, 1, 4);
    /* MSI-X disabled: no message */
    g_assert_cmpuint(dma(h, IOVA0, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(fired(fd1), ==, 0);
    /* enabled, vector still masked */
    cfg_write(h, SIM_PCI_MSIX_CAP + 2, 0x8000, 2);
    g_assert_cmpuint(dma(h, IOVA0, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(fired(fd1), ==, 0);
    /* unmask vector 1 in the table */
    g_assert_cmpint(ops->region_write(h, 2, 16 + 12, &zero, 4), ==, 4);
    g_assert_cmpuint(dma(h, IOVA0, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                     SIM_PCI_DMA_ST_DONE);
    g_assert_cmpuint(fired(fd1), ==, 1);
    /* the function mask holds every vector */
    cfg_write(h, SIM_PCI_MSIX_CAP + 2, 0xc000, 2);
    reg_write(h, SIM_PCI_REG_IRQ, 1, 4);
    g_assert_cmpuint(fired(fd1), ==, 0);
    cfg_write(h, SIM_PCI_MSIX_CAP + 2, 0x8000, 2);
    reg_write(h, SIM_PCI_REG_IRQ, 1, 4);
    g_assert_cmpuint(fired(fd1), ==, 1);
    /* vector 3 masked, vector 2 without an eventfd, 9 does not exist */
    reg_write(h, SIM_PCI_REG_IRQ, 3, 4);
    reg_write(h, SIM_PCI_REG_IRQ, 9, 4);
    g_assert_cmpuint(fired(fd2), ==, 0);
    g_assert_cmpint(ops->region_write(h, 2, 48 + 12, &zero, 4), ==, 4);
    reg_write(h, SIM_PCI_REG_IRQ, 3, 4);
    g_assert_cmpuint(fired(fd2), ==, 1);
    /* every eventfd of the index off */
    g_assert_cmpint(ops->set_irqs(h, &off), ==, 0);
    reg_write(h, SIM_PCI_REG_IRQ, 1, 4);
    g_assert_cmpuint(fired(fd1), ==, 0);
    /* refused: a range beyond the vectors, masking */
    {
        uint8_t buf[sizeof(struct vfio_irq_set) + 4];
        struct vfio_irq_set *s = (void *)buf;

        memset(buf, 0, sizeof(buf));
        s->argsz = sizeof(buf);
        s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
        s->index = VFIO_PCI_MSIX_IRQ_INDEX;
        s->start = 4;
        s->count = 1;
        g_assert_cmpint(ops->set_irqs(h, s), ==, -EINVAL);
        s->start = 0;
        s->flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK;
        g_assert_cmpint(ops->set_irqs(h, s), ==, -EINVAL);
        s->index = VFIO_PCI_INTX_IRQ_INDEX;
        s->flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
        g_assert_cmpint(ops->set_irqs(h, s), ==, -EINVAL);
        s->argsz = sizeof(*s) + 2; /* too short for one eventfd */
        s->index = VFIO_PCI_MSIX_IRQ_INDEX;
        s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
        g_assert_cmpint(ops->set_irqs(h, s), ==, -EINVAL);
        /* a loopback trigger */
        set_eventfd(h, VFIO_PCI_REQ_IRQ_INDEX, 0, fd2);
        s->argsz = sizeof(*s);
        s->index = VFIO_PCI_REQ_IRQ_INDEX;
        s->flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
        g_assert_cmpint(ops->set_irqs(h, s), ==, 0);
        g_assert_cmpuint(fired(fd2), ==, 1);
    }
    ops->close(h);
    del_fn("msix");
    close(fd1);
    close(fd2);
    free(mem);
}

/* ---- reset and fault injection ---- */

static void test_reset(void)
{
    Object *obj = add_fn("rst", "{\"host\": \"0000:00:0a.0\"}", &error_abort);
    VFIOPCIHost *h = open_ok("0000:00:0a.0");

    g_assert_cmpuint(object_property_get_uint(obj, "resets", &error_abort), ==,
                     0);
    enable(h);
    reg_write(h, SIM_PCI_REG_SCRATCH, 42, 8);
    g_assert_cmpint(ops->reset(h), ==, 0);
    g_assert_cmpuint(object_property_get_uint(obj, "resets", &error_abort), ==,
                     1);
    g_assert_cmphex(cfg_read(h, CFG_COMMAND, 2), ==, 0);
    enable(h);
    g_assert_cmpuint(reg_read(h, SIM_PCI_REG_SCRATCH, 8), ==, 0);
    /* a failing reset changes nothing */
    reg_write(h, SIM_PCI_REG_SCRATCH, 43, 8);
    object_property_set_bool(obj, "reset-error", true, &error_abort);
    g_assert_cmpint(ops->reset(h), ==, -EIO);
    g_assert_cmpuint(reg_read(h, SIM_PCI_REG_SCRATCH, 8), ==, 43);
    g_assert_cmpuint(object_property_get_uint(obj, "resets", &error_abort), ==,
                     1);
    object_property_set_bool(obj, "reset-error", false, &error_abort);
    ops->close(h);
    del_fn("rst");
}

static void test_surprise_removal(void)
{
    Object *obj = add_fn("gone", "{\"host\": \"0000:00:0b.0\"}", &error_abort);
    VFIOPCIHost *h = open_ok("0000:00:0b.0");
    int reqfd = new_eventfd();
    Error *err = NULL;
    uint32_t v;

    set_eventfd(h, VFIO_PCI_REQ_IRQ_INDEX, 0, reqfd);
    enable(h);
    object_property_set_bool(obj, "surprise-removed", true, &error_abort);
    g_assert_cmpuint(fired(reqfd), ==, 1);
    g_assert_cmpint(ops->region_read(h, 0, 0, &v, 4), ==, -ENODEV);
    g_assert_cmpint(ops->region_read(h, VFIO_PCI_CONFIG_REGION_INDEX, 0, &v, 4),
                    ==, -ENODEV);
    g_assert_cmpint(ops->reset(h), ==, -ENODEV);
    /* in use: the object stays until the back end lets go */
    g_assert_false(user_creatable_del("gone", &err));
    error_free(err);
    err = NULL;
    ops->close(h);
    g_assert_null(ops->open("0000:00:0b.0", NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Host device '0000:00:0b.0' has been removed");
    error_free(err);
    del_fn("gone");
    close(reqfd);
}

/* ---- opening, declaring, multi-function ---- */

static void expect_open_error(const char *host, const char *sysfsdev,
                              const char *msg)
{
    Error *err = NULL;

    g_assert_null(ops->open(host, sysfsdev, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_open_errors(void)
{
    VFIOPCIHost *h;

    add_fn("one", "{\"host\": \"0000:00:0c.0\"}", &error_abort);
    h = open_ok("00:0c.0");
    expect_open_error("0000:00:0c.0", NULL,
                      "Host device '0000:00:0c.0' is already in use");
    expect_open_error("0000:00:0c.1", NULL,
                      "no such host device: no sim-pci-function object has "
                      "host=0000:00:0c.1");
    expect_open_error(
        "0000:00:0c.0-1", NULL,
        "host '0000:00:0c.0-1' is not one function (DDDD:BB:DD.F)");
    expect_open_error(
        "0000:00:0c.0@3", NULL,
        "host '0000:00:0c.0@3' is not one function (DDDD:BB:DD.F)");
    expect_open_error(
        "0000:00:0c.0,x=1", NULL,
        "host '0000:00:0c.0,x=1' is not one function (DDDD:BB:DD.F)");
    expect_open_error(
        "0000:00:0c", NULL,
        "PCI address '0000:00:0c': expected '.' after the slot, got the end at character 11");
    expect_open_error(NULL, "/sys/bus/pci/devices/0000:00:0c.0",
                      "the simulated host needs host=DDDD:BB:DD.F");
    expect_open_error(NULL, NULL, "the simulated host needs host=DDDD:BB:DD.F");
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.0", NULL) == ops);
    ops->close(h);
    del_fn("one");
}

static void test_declare_errors(void)
{
    Object *obj;
    Error *err = NULL;

    expect_add_error("{}", "sim-pci-function: parameter 'host' is missing");
    expect_add_error(
        "{\"host\": \"0000:00:1d\"}",
        "sim-pci-function: PCI address '0000:00:1d': expected '.' after the slot, got the end at character 11");
    expect_add_error(
        "{\"host\": \"0000:00:1d.0-1\"}",
        "sim-pci-function: host '0000:00:1d.0-1' must name one function (DDDD:BB:DD.F); declare one object per function");
    expect_add_error("{\"host\": \"0000:00:1d.0\", \"msix-vectors\": \"0\"}",
                     "sim-pci-function: msix-vectors 0 is out of range 1..128");
    expect_add_error("{\"host\": \"0000:00:1d.0\", \"dma-limit\": \"0\"}",
                     "sim-pci-function: dma-limit must be at least 1");
    expect_add_error(
        "{\"host\": \"0000:00:1d.0\", \"util-str\": \"a~b\"}",
        "sim-pci-function: util-str: character 2 ('~') has no EBCDIC form here");
    expect_add_error(
        "{\"host\": \"0000:00:1d.0\", \"pfip\": \"123\"}",
        "sim-pci-function: pfip '123' is not 1 to 4 bytes in hex (e.g. 01020304)");
    expect_add_error(
        "{\"host\": \"0000:00:1d.0\", \"start-dma\": \"0x1000\", "
        "\"end-dma\": \"0x1800\"}",
        "sim-pci-function: start-dma 0x1000 .. end-dma 0x1800 is not a range of whole 4 KiB pages");
    expect_add_error(
        "{\"host\": \"0000:00:1d.0\", \"class-code\": \"0x1000000\"}",
        "sim-pci-function: class-code 0x1000000 is out of range 0..0xffffff");
    obj = add_fn("dup", "{\"host\": \"0000:00:1d.0\"}", &error_abort);
    expect_add_error("{\"host\": \"00:1d.0\"}",
                     "sim-pci-function: host 0000:00:1d.0 is already in use");
    object_property_set_uint(obj, "noi", 5, &err);
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "sim-pci-function: properties cannot be changed after creation");
    error_free(err);
    del_fn("dup");
}

static void test_multifunction(void)
{
    PciBdfExpansion x;
    PciBdfSpec s;
    VFIOPCIHost *h0, *h5, *hs;
    VFIOPCIHostId id;
    uint8_t present;

    add_fn("m0", "{\"host\": \"0001:02:1d.0\", \"iommu-group\": \"7\"}",
           &error_abort);
    add_fn("m1", "{\"host\": \"0001:02:1d.1\", \"iommu-group\": \"7\"}",
           &error_abort);
    add_fn("m5", "{\"host\": \"0001:02:1d.5\"}", &error_abort);
    add_fn("s0", "{\"host\": \"0001:02:1e.0\"}", &error_abort);
    g_assert_true(sim_pci_slot_present(NULL, 1, 2, 0x1d, &present, NULL));
    g_assert_cmphex(present, ==, 0x23);
    g_assert_true(sim_pci_slot_present(NULL, 1, 2, 0x1f, &present, NULL));
    g_assert_cmphex(present, ==, 0);

    /* '*' asks the simulated host */
    g_assert_true(pci_bdf_parse("0001:02:1d.*", 0, &s, &error_abort));
    g_assert_true(pci_bdf_expand(&s, PCI_BDF_MAP_LEAST, sim_pci_slot_present,
                                 NULL, &x, &error_abort));
    g_assert_cmpuint(x.n, ==, 3);
    g_assert_cmpuint(x.f[2].pfunc, ==, 5);
    g_assert_cmpuint(x.f[2].vfunc, ==, 2);
    pci_bdf_spec_clear(&s);

    /* every function of a multi-function slot says so; a lone one not */
    h0 = open_ok("0001:02:1d.0");
    h5 = open_ok("0001:02:1d.5");
    hs = open_ok("0001:02:1e.0");
    g_assert_cmphex(cfg_read(h0, 0x0e, 1), ==, 0x80);
    g_assert_cmphex(cfg_read(h5, 0x0e, 1), ==, 0x80);
    g_assert_cmphex(cfg_read(hs, 0x0e, 1), ==, 0);
    ops->get_host_id(h5, &id);
    g_assert_cmphex(id.domain, ==, 1);
    g_assert_cmphex(id.bus, ==, 2);
    g_assert_cmphex(id.slot, ==, 0x1d);
    g_assert_cmpuint(id.func, ==, 5);
    ops->get_host_id(h0, &id);
    g_assert_cmpint(id.iommu_group, ==, 7);
    /* each function has an IOMMU of its own */
    {
        uint8_t *mem = host_pages(1);

        g_assert_cmpint(map(h0, IOVA0, mem, PAGE, VFIO_DMA_MAP_FLAG_WRITE), ==,
                        0);
        enable(h5);
        g_assert_cmpuint(dma(h5, IOVA0, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                         SIM_PCI_DMA_ST_FAULT);
        enable(h0);
        g_assert_cmpuint(dma(h0, IOVA0, 8, SIM_PCI_DMA_TO_MEMORY), ==,
                         SIM_PCI_DMA_ST_DONE);
        free(mem);
    }
    ops->close(h0);
    ops->close(h5);
    ops->close(hs);
    del_fn("m1");
    /* any subset: without function 1 the slot is 0 and 5 */
    g_assert_true(sim_pci_slot_present(NULL, 1, 2, 0x1d, &present, NULL));
    g_assert_cmphex(present, ==, 0x21);
    del_fn("m0");
    h5 = open_ok("0001:02:1d.5");
    g_assert_cmphex(cfg_read(h5, 0x0e, 1), ==, 0); /* alone now */
    ops->close(h5);
    del_fn("m5");
    del_fn("s0");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-pci-sim/device-info/caps", test_device_info_caps);
    g_test_add_func("/vfio-pci-sim/device-info/defaults",
                    test_device_info_defaults);
    g_test_add_func("/vfio-pci-sim/device-info/find-cap", test_find_cap_bounds);
    g_test_add_func("/vfio-pci-sim/regions", test_regions);
    g_test_add_func("/vfio-pci-sim/dma/to-memory", test_dma_to_memory);
    g_test_add_func("/vfio-pci-sim/dma/faults", test_dma_faults);
    g_test_add_func("/vfio-pci-sim/dma/notifies-ram", test_dma_notifies_ram);
    g_test_add_func("/vfio-pci-sim/dma/budget", test_dma_budget);
    g_test_add_func("/vfio-pci-sim/dma/iova-range", test_iova_range);
    g_test_add_func("/vfio-pci-sim/dma/top", test_dma_top);
    g_test_add_func("/vfio-pci-sim/msix", test_msix);
    g_test_add_func("/vfio-pci-sim/reset", test_reset);
    g_test_add_func("/vfio-pci-sim/surprise-removal", test_surprise_removal);
    g_test_add_func("/vfio-pci-sim/open-errors", test_open_errors);
    g_test_add_func("/vfio-pci-sim/declare-errors", test_declare_errors);
    g_test_add_func("/vfio-pci-sim/multifunction", test_multifunction);
    return g_test_run();
}
