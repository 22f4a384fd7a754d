/*
 * vfio-pci back end for the simulated host: the host functions are the
 * sim-pci-function objects (hw/sim), addressed by host=DDDD:BB:DD.F.
 * Each opened function gets an IOMMU of its own (a type1 container in
 * Linux's terms): the DMA mappings made with dma_map are what the
 * function's DMA engine reaches, and nothing else.
 * See include/hw/vfio/pci-host.h and docs/devel/vfio-pci-host.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"

typedef struct SimDmaMapping {
    uint64_t iova;
    uint64_t size;
    uint64_t vaddr;
    uint32_t flags; /* VFIO_DMA_MAP_FLAG_READ/WRITE */
} SimDmaMapping;

struct VFIOPCIHost {
    SimPciFunction *fn;
    int msix_fd[SIM_PCI_MAX_VECTORS];
    int err_fd;
    int req_fd;
    GArray *maps; /* SimDmaMapping, ascending iova, disjoint */
};

/* ---- capability chains ---- */

typedef struct CapBuf {
    GByteArray *b;
    uint32_t base; /* offset of the first capability inside the info */
    uint32_t last; /* offset of the last header in b, or UINT32_MAX */
} CapBuf;

/* Append a capability of @size bytes (header included); its body zeroed */
static void *cap_add(CapBuf *c, uint16_t id, uint16_t version, size_t size)
{
    struct vfio_info_cap_header *h;
    uint32_t at = (c->b->len + 7u) & ~7u;

    g_byte_array_set_size(c->b, at + size);
    memset(c->b->data + at, 0, c->b->len - at);
    if (c->last != UINT32_MAX) {
        h = (void *)(c->b->data + c->last);
        h->next = c->base + at;
    }
    h = (void *)(c->b->data + at);
    h->id = id;
    h->version = version;
    c->last = at;
    return h;
}

/*
 * Fill @info (@info->argsz bytes) with @hdr (@minsz bytes) and the
 * capabilities in @caps, as the kernel does: when they do not fit, argsz
 * says how much is needed and cap_offset is 0.
 */
static int info_finish(void *info, const void *hdr, uint32_t minsz,
                       CapBuf *caps, size_t argsz_off, size_t capoff_off)
{
    uint32_t argsz = *(uint32_t *)info;
    uint32_t need = minsz + caps->b->len;
    uint32_t capoff = 0;

    if (caps->b->len && argsz >= need) {
        memcpy((uint8_t *)info + minsz, caps->b->data, caps->b->len);
        capoff = minsz;
    }
    memcpy(info, hdr, minsz);
    *(uint32_t *)((uint8_t *)info + argsz_off) = MAX(argsz, need);
    *(uint32_t *)((uint8_t *)info + capoff_off) = capoff;
    return 0;
}

const struct vfio_info_cap_header *vfio_pci_host_find_cap(const void *info,
                                                          uint32_t argsz,
                                                          uint32_t cap_offset,
                                                          uint16_t id)
{
    uint32_t off = cap_offset;

    const uint32_t hsz = sizeof(struct vfio_info_cap_header);

    while (off && argsz >= hsz && off <= argsz - hsz) {
        const struct vfio_info_cap_header *h =
            (const void *)((const uint8_t *)info + off);

        if (h->id == id) {
            return h;
        }
        if (h->next <= off) {
            break; /* a loop or the end */
        }
        off = h->next;
    }
    return NULL;
}

/* ---- open / close ---- */

static void sim_signal(int fd)
{
    uint64_t one = 1;

    if (fd >= 0 && write(fd, &one, sizeof(one)) < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio-pci sim: eventfd: %s\n",
                      g_strerror(errno));
    }
}

static void sim_irq(void *opaque, SimPciIrq irq, unsigned vector)
{
    VFIOPCIHost *h = opaque;

    switch (irq) {
    case SIM_PCI_IRQ_MSIX:
        if (vector < h->fn->msix_vectors) {
            sim_signal(h->msix_fd[vector]);
        }
        break;
    case SIM_PCI_IRQ_ERROR:
        sim_signal(h->err_fd);
        break;
    case SIM_PCI_IRQ_REQ:
        sim_signal(h->req_fd);
        break;
    }
}

static const SimDmaMapping *sim_map_find(VFIOPCIHost *h, uint64_t iova)
{
    for (unsigned i = 0; i < h->maps->len; i++) {
        const SimDmaMapping *m = &g_array_index(h->maps, SimDmaMapping, i);

        if (iova >= m->iova && iova - m->iova < m->size) {
            return m;
        }
        if (m->iova > iova) {
            break;
        }
    }
    return NULL;
}

/*
 * The IOMMU between the function and memory: every byte of the transfer
 * must be mapped with the right permission, else nothing moves.
 */
static bool sim_dma(void *opaque, uint64_t iova, void *buf, uint32_t len,
                    bool to_memory)
{
    VFIOPCIHost *h = opaque;
    uint32_t need = to_memory ? VFIO_DMA_MAP_FLAG_WRITE
                              : VFIO_DMA_MAP_FLAG_READ;
    uint64_t at;
    uint32_t done;

    if (iova + len < iova) {
        return false;
    }
    for (at = iova; at < iova + len;) {
        const SimDmaMapping *m = sim_map_find(h, at);

        if (!m || !(m->flags & need)) {
            trace_point("vfio_pci_sim_dma_fault", "iova 0x%" PRIx64, at);
            return false;
        }
        at = m->iova + m->size;
    }
    for (done = 0; done < len;) {
        const SimDmaMapping *m = sim_map_find(h, iova + done);
        uint64_t in = iova + done - m->iova;
        uint32_t n = MIN(len - done, m->size - in);
        void *host = (void *)(uintptr_t)(m->vaddr + in);

        if (to_memory) {
            memcpy(host, (uint8_t *)buf + done, n);
        } else {
            memcpy((uint8_t *)buf + done, host, n);
        }
        done += n;
    }
    return true;
}

static const SimPciHooks sim_hooks = {
    .dma = sim_dma,
    .irq = sim_irq,
};

static VFIOPCIHost *sim_open(const char *host, const char *sysfsdev,
                             Error **errp)
{
    SimPciFunction *f;
    VFIOPCIHost *h;
    PciBdfSpec s;

    if (!host) {
        error_setg(
            errp, "%s",
            sysfsdev
                ? "sysfsdev= needs the Linux VFIO back end, which is not built yet"
                : "the simulated host needs host=DDDD:BB:DD.F");
        return NULL;
    }
    if (!pci_bdf_parse(host, PCI_BDF_UNPLUG, &s, errp)) {
        return NULL;
    }
    if (s.multi) {
        error_setg(errp, "host '%s' names more than one function", host);
        pci_bdf_spec_clear(&s);
        return NULL;
    }
    f = sim_pci_find(s.domain, s.bus, s.slot, s.pfunc[0]);
    pci_bdf_spec_clear(&s);
    if (!f) {
        error_setg(
            errp,
            "Host device '%s' not found: no sim-pci-function object has host=%s",
            host, host);
        return NULL;
    }
    if (f->opened) {
        error_setg(errp, "Host device '%s' is already in use", host);
        return NULL;
    }
    if (f->removed) {
        error_setg(errp, "Host device '%s' has been removed", host);
        return NULL;
    }
    h = g_new0(VFIOPCIHost, 1);
    h->fn = f;
    h->err_fd = h->req_fd = -1;
    for (unsigned i = 0; i < SIM_PCI_MAX_VECTORS; i++) {
        h->msix_fd[i] = -1;
    }
    h->maps = g_array_new(false, true, sizeof(SimDmaMapping));
    object_ref(OBJECT(f));
    f->opened = true;
    f->hooks = &sim_hooks;
    f->hooks_opaque = h;
    return h;
}

static void sim_close(VFIOPCIHost *h)
{
    SimPciFunction *f = h->fn;

    f->hooks = NULL;
    f->hooks_opaque = NULL;
    sim_pci_dev_reset(f);
    f->opened = false;
    g_array_free(h->maps, true);
    object_unref(OBJECT(f));
    g_free(h);
}

static void sim_get_host_id(VFIOPCIHost *h, VFIOPCIHostId *id)
{
    id->domain = h->fn->domain;
    id->bus = h->fn->bus;
    id->slot = h->fn->slot;
    id->func = h->fn->func;
    id->iommu_group = h->fn->group;
}

/* ---- device, region and irq info ---- */

static void sim_zpci_caps(SimPciFunction *f, CapBuf *c)
{
    if (f->cap_base) {
        struct vfio_device_info_cap_zpci_base *b =
            cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_BASE, 2, sizeof(*b));

        b->start_dma = f->start_dma;
        b->end_dma = f->end_dma;
        b->pchid = f->pchid;
        b->vfn = f->vfn;
        b->fmb_length = f->fmb_length;
        b->pft = f->pft;
        b->gid = f->gid;
        b->fh = f->fh;
    }
    if (f->cap_group) {
        struct vfio_device_info_cap_zpci_group *g =
            cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_GROUP, 2, sizeof(*g));

        g->dasm = f->dasm;
        g->msi_addr = f->msi_addr;
        g->flags = f->refresh ? VFIO_DEVICE_INFO_ZPCI_FLAG_REFRESH : 0;
        g->mui = f->mui;
        g->noi = f->noi;
        g->maxstbl = f->maxstbl;
        g->version = f->version;
        g->imaxstbl = f->imaxstbl;
    }
    if (f->util_str) {
        /* the 64 bytes of the CLP utility string, as the kernel gives */
        struct vfio_device_info_cap_zpci_util *u =
            cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_UTIL, 1, sizeof(*u) + 64);

        u->size = 64;
        memcpy(u->util_str, f->util_str, strlen(f->util_str));
    }
    if (f->pfip) {
        struct vfio_device_info_cap_zpci_pfip *p =
            cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_PFIP, 1, sizeof(*p) + 4);

        p->size = 4;
        memcpy(p->pfip, f->pfip_bytes, f->pfip_len);
    }
}

static int sim_get_device_info(VFIOPCIHost *h, struct vfio_device_info *info)
{
    struct vfio_device_info hdr = {
        .flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET,
        .num_regions = VFIO_PCI_NUM_REGIONS,
        .num_irqs = VFIO_PCI_NUM_IRQS,
    };
    CapBuf caps = { .b = g_byte_array_new(),
                    .base = sizeof(hdr),
                    .last = UINT32_MAX };
    int ret;

    if (info->argsz < sizeof(hdr)) {
        g_byte_array_free(caps.b, true);
        return -EINVAL;
    }
    sim_zpci_caps(h->fn, &caps);
    if (caps.b->len) {
        hdr.flags |= VFIO_DEVICE_FLAGS_CAPS;
    }
    ret = info_finish(info, &hdr, sizeof(hdr), &caps,
                      offsetof(struct vfio_device_info, argsz),
                      offsetof(struct vfio_device_info, cap_offset));
    g_byte_array_free(caps.b, true);
    return ret;
}

static uint64_t sim_region_size(SimPciFunction *f, unsigned index)
{
    if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
        return sizeof(f->config);
    }
    return index <= VFIO_PCI_BAR5_REGION_INDEX ? sim_pci_bar_size(f, index) : 0;
}

static int sim_get_region_info(VFIOPCIHost *h, struct vfio_region_info *info)
{
    uint32_t index = info->index;
    uint64_t size;

    if (info->argsz < sizeof(*info) || index >= VFIO_PCI_NUM_REGIONS) {
        return -EINVAL;
    }
    size = sim_region_size(h->fn, index);
    info->flags = size
                      ? VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE
                      : 0; /* s390: never mmap */
    info->cap_offset = 0;
    info->size = size;
    info->offset = (uint64_t)index << 40;
    return 0;
}

static int sim_get_irq_info(VFIOPCIHost *h, struct vfio_irq_info *info)
{
    if (info->argsz < sizeof(*info) || info->index >= VFIO_PCI_NUM_IRQS) {
        return -EINVAL;
    }
    info->flags = VFIO_IRQ_INFO_EVENTFD;
    switch (info->index) {
    case VFIO_PCI_MSIX_IRQ_INDEX:
        info->count = h->fn->msix_vectors;
        info->flags |= VFIO_IRQ_INFO_NORESIZE;
        break;
    case VFIO_PCI_ERR_IRQ_INDEX:
    case VFIO_PCI_REQ_IRQ_INDEX:
        info->count = 1;
        break;
    default:
        info->count = 0; /* no INTx, no MSI on s390 */
        info->flags = 0;
        break;
    }
    return 0;
}

/* ---- regions ---- */

static ssize_t sim_region_rw(VFIOPCIHost *h, unsigned index, uint64_t off,
                             void *buf, size_t len, bool write)
{
    SimPciFunction *f = h->fn;
    uint64_t size = sim_region_size(f, index);

    if (f->removed) {
        return -ENODEV;
    }
    if (index >= VFIO_PCI_NUM_REGIONS || !size || off >= size ||
        len > size - off) {
        return -EINVAL;
    }
    if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
        for (size_t done = 0; done < len;) {
            unsigned n = (off + done) % 4 == 0 && len - done >= 4   ? 4
                         : (off + done) % 2 == 0 && len - done >= 2 ? 2
                                                                    : 1;
            uint8_t *p = (uint8_t *)buf + done;

            if (write) {
                uint32_t v = 0;

                memcpy(&v, p, n);
                sim_pci_config_write(f, off + done, GUINT32_FROM_LE(v), n);
            } else {
                uint32_t v = GUINT32_TO_LE(
                    sim_pci_config_read(f, off + done, n));

                memcpy(p, &v, n);
            }
            done += n;
        }
        return len;
    }
    if (write ? !sim_pci_bar_write(f, index, off, buf, len)
              : !sim_pci_bar_read(f, index, off, buf, len)) {
        return -EIO;
    }
    return len;
}

static ssize_t sim_region_read(VFIOPCIHost *h, unsigned index, uint64_t off,
                               void *buf, size_t len)
{
    return sim_region_rw(h, index, off, buf, len, false);
}

static ssize_t sim_region_write(VFIOPCIHost *h, unsigned index, uint64_t off,
                                const void *buf, size_t len)
{
    return sim_region_rw(h, index, off, (void *)buf, len, true);
}

/* ---- interrupts and reset ---- */

static int *sim_irq_fds(VFIOPCIHost *h, unsigned index, unsigned *count)
{
    switch (index) {
    case VFIO_PCI_MSIX_IRQ_INDEX:
        *count = h->fn->msix_vectors;
        return h->msix_fd;
    case VFIO_PCI_ERR_IRQ_INDEX:
        *count = 1;
        return &h->err_fd;
    case VFIO_PCI_REQ_IRQ_INDEX:
        *count = 1;
        return &h->req_fd;
    default:
        *count = 0;
        return NULL;
    }
}

static int sim_set_irqs(VFIOPCIHost *h, const struct vfio_irq_set *set)
{
    uint32_t data_type = set->flags & VFIO_IRQ_SET_DATA_TYPE_MASK;
    uint32_t action = set->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
    size_t each = data_type == VFIO_IRQ_SET_DATA_EVENTFD ? sizeof(int32_t)
                  : data_type == VFIO_IRQ_SET_DATA_BOOL  ? 1
                                                         : 0;
    unsigned count;
    int *fds = sim_irq_fds(h, set->index, &count);

    if (set->argsz < sizeof(*set) ||
        (set->flags &
         ~(VFIO_IRQ_SET_DATA_TYPE_MASK | VFIO_IRQ_SET_ACTION_TYPE_MASK)) ||
        !data_type || (data_type & (data_type - 1)) || !action ||
        (action & (action - 1)) || !fds || set->start > count ||
        set->count > count - set->start ||
        set->argsz - sizeof(*set) < (uint64_t)each * set->count) {
        return -EINVAL;
    }
    if (action != VFIO_IRQ_SET_ACTION_TRIGGER) {
        return -EINVAL; /* mask/unmask: INTx only */
    }
    if (data_type == VFIO_IRQ_SET_DATA_NONE && set->count == 0) {
        for (unsigned i = 0; i < count; i++) {
            fds[i] = -1; /* disable the whole index */
        }
        return 0;
    }
    for (unsigned i = 0; i < set->count; i++) {
        if (data_type == VFIO_IRQ_SET_DATA_EVENTFD) {
            int32_t fd;

            memcpy(&fd, set->data + i * sizeof(fd), sizeof(fd));
            if (fd < -1) {
                return -EINVAL;
            }
            fds[set->start + i] = fd;
        } else if (data_type == VFIO_IRQ_SET_DATA_NONE || set->data[i]) {
            sim_signal(fds[set->start + i]); /* a loopback trigger */
        }
    }
    return 0;
}

static int sim_reset(VFIOPCIHost *h)
{
    if (h->fn->removed) {
        return -ENODEV;
    }
    return sim_pci_dev_reset(h->fn) ? 0 : -EIO;
}

/* ---- the IOMMU ---- */

static int sim_get_iommu_info(VFIOPCIHost *h,
                              struct vfio_iommu_type1_info *info)
{
    struct vfio_iommu_type1_info hdr = {
        .flags = VFIO_IOMMU_INFO_PGSIZES | VFIO_IOMMU_INFO_CAPS,
        .iova_pgsizes = VFIO_PCI_HOST_PAGE_SIZE,
    };
    CapBuf caps = { .b = g_byte_array_new(),
                    .base = sizeof(hdr),
                    .last = UINT32_MAX };
    struct vfio_iommu_type1_info_cap_iova_range *r;
    struct vfio_iommu_type1_info_dma_avail *a;
    int ret;

    if (info->argsz < sizeof(hdr)) {
        g_byte_array_free(caps.b, true);
        return -EINVAL;
    }
    r = cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, 1,
                sizeof(*r) + sizeof(struct vfio_iova_range));
    r->nr_iovas = 1;
    r->iova_ranges[0].start = h->fn->start_dma;
    r->iova_ranges[0].end = h->fn->end_dma;
    a = cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, 1, sizeof(*a));
    a->avail = h->fn->dma_limit - MIN(h->fn->dma_limit, h->maps->len);
    ret = info_finish(info, &hdr, sizeof(hdr), &caps,
                      offsetof(struct vfio_iommu_type1_info, argsz),
                      offsetof(struct vfio_iommu_type1_info, cap_offset));
    g_byte_array_free(caps.b, true);
    return ret;
}

static int sim_dma_map(VFIOPCIHost *h,
                       const struct vfio_iommu_type1_dma_map *map)
{
    const uint64_t pg = VFIO_PCI_HOST_PAGE_SIZE - 1;
    const uint32_t prot = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    SimDmaMapping m = {
        .iova = map->iova,
        .size = map->size,
        .vaddr = map->vaddr,
        .flags = map->flags,
    };
    unsigned at = 0;

    if (map->argsz < sizeof(*map) || (map->flags & ~prot) ||
        !(map->flags & prot) || !m.size || ((m.iova | m.size | m.vaddr) & pg) ||
        m.iova + m.size - 1 < m.iova || m.iova < h->fn->start_dma ||
        m.iova + m.size - 1 > h->fn->end_dma) {
        return -EINVAL;
    }
    for (; at < h->maps->len; at++) {
        const SimDmaMapping *o = &g_array_index(h->maps, SimDmaMapping, at);

        if (o->iova + o->size - 1 >= m.iova && o->iova <= m.iova + m.size - 1) {
            return -EEXIST;
        }
        if (o->iova > m.iova) {
            break;
        }
    }
    if (h->maps->len >= h->fn->dma_limit) {
        return -ENOSPC;
    }
    g_array_insert_val(h->maps, at, m);
    trace_point("vfio_pci_sim_dma_map",
                "iova 0x%" PRIx64 " size 0x%" PRIx64 " flags %u", m.iova,
                m.size, m.flags);
    return 0;
}

static int sim_dma_unmap(VFIOPCIHost *h,
                         struct vfio_iommu_type1_dma_unmap *unmap)
{
    const uint64_t pg = VFIO_PCI_HOST_PAGE_SIZE - 1;
    uint64_t lo = unmap->iova, hi = unmap->iova + unmap->size - 1, done = 0;

    if (unmap->argsz < sizeof(*unmap)) {
        return -EINVAL;
    }
    if (unmap->flags == VFIO_DMA_UNMAP_FLAG_ALL) {
        if (unmap->iova || unmap->size) {
            return -EINVAL;
        }
        lo = 0;
        hi = UINT64_MAX;
    } else if (unmap->flags || !unmap->size || ((lo | unmap->size) & pg) ||
               hi < lo) {
        return -EINVAL;
    }
    /* a mapping across either edge: refused, as type1 v2 does */
    for (unsigned i = 0; i < h->maps->len; i++) {
        const SimDmaMapping *m = &g_array_index(h->maps, SimDmaMapping, i);
        uint64_t end = m->iova + m->size - 1;

        if ((m->iova < lo && end >= lo) || (m->iova <= hi && end > hi)) {
            return -EINVAL;
        }
    }
    for (unsigned i = 0; i < h->maps->len;) {
        const SimDmaMapping *m = &g_array_index(h->maps, SimDmaMapping, i);

        if (m->iova >= lo && m->iova + m->size - 1 <= hi) {
            done += m->size;
            g_array_remove_index(h->maps, i);
        } else {
            i++;
        }
    }
    unmap->size = done;
    return 0;
}

const VFIOPCIHostOps vfio_pci_sim_ops = {
    .name = "sim",
    .open = sim_open,
    .close = sim_close,
    .get_host_id = sim_get_host_id,
    .get_device_info = sim_get_device_info,
    .get_region_info = sim_get_region_info,
    .region_read = sim_region_read,
    .region_write = sim_region_write,
    .get_irq_info = sim_get_irq_info,
    .set_irqs = sim_set_irqs,
    .reset = sim_reset,
    .get_iommu_info = sim_get_iommu_info,
    .dma_map = sim_dma_map,
    .dma_unmap = sim_dma_unmap,
};

const VFIOPCIHostOps *vfio_pci_host_backend_for(const char *host,
                                                const char *sysfsdev)
{
    /* The Linux back end (sysfsdev= paths) is not built yet */
    return &vfio_pci_sim_ops;
}
