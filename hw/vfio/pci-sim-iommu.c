/*
 * The simulated vfio-pci back end's IOMMU: one type1-like container per
 * opened function (DMA map/unmap, IOVA range, DMA budget), the DMA path of
 * the simulated function through it, and the capability chains of the
 * info calls (docs/devel/vfio-pci-host.rst).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "pci-sim-int.h"

/* ---- capability chains ---- */

/* Append a capability of @size bytes (header included); its body zeroed */
void *vfio_pci_sim_cap_add(CapBuf *c, uint16_t id, uint16_t version,
                           size_t size)
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
int vfio_pci_sim_info_finish(void *info, const void *hdr, uint32_t minsz,
                             CapBuf *caps, size_t argsz_off, size_t capoff_off)
{
    uint32_t argsz = *(uint32_t *)info;
    uint32_t need = caps->base + caps->b->len;
    uint32_t capoff = 0;

    /* caps->base >= minsz, rounded up so that every capability is 8-aligned */
    if (caps->b->len && argsz >= need) {
        memset((uint8_t *)info + minsz, 0, caps->base - minsz);
        memcpy((uint8_t *)info + caps->base, caps->b->data, caps->b->len);
        capoff = caps->base;
    }
    memcpy(info, hdr, minsz);
    *(uint32_t *)((uint8_t *)info + argsz_off) = MAX(argsz, need);
    *(uint32_t *)((uint8_t *)info + capoff_off) = capoff;
    return 0;
}

const struct vfio_info_cap_header *
vfio_pci_host_find_cap(const void *info, uint32_t argsz, uint32_t cap_offset,
                       uint16_t id, size_t min_size)
{
    const uint32_t hsz = sizeof(struct vfio_info_cap_header);
    uint32_t off = cap_offset;

    min_size = MAX(min_size, hsz);
    for (unsigned steps = 0;
         off && argsz >= hsz && off <= argsz - hsz && steps < argsz / hsz;
         steps++) {
        const struct vfio_info_cap_header *h =
            (const void *)((const uint8_t *)info + off);

        if (h->id == id) {
            return min_size <= argsz - off ? h : NULL;
        }
        if (h->next <= off) {
            break; /* the end, or a loop */
        }
        off = h->next;
    }
    return NULL;
}

/* ---- the mappings: a balanced tree by iova (disjoint ranges) ---- */

typedef struct SimRange {
    uint64_t lo, hi; /* inclusive */
} SimRange;

static gint sim_map_cmp(gconstpointer a, gconstpointer b, gpointer unused)
{
    const SimDmaMapping *x = a, *y = b;

    return x->iova < y->iova ? -1 : x->iova > y->iova;
}

/* Steers g_tree_search to a mapping that overlaps the range */
static gint sim_map_overlaps(gconstpointer key, gconstpointer data)
{
    const SimDmaMapping *m = key;
    const SimRange *r = data;

    if (m->iova + (m->size - 1) < r->lo) {
        return 1; /* the mapping lies below: look among larger keys */
    }
    return m->iova > r->hi ? -1 : 0;
}

static SimDmaMapping *sim_map_overlap(VFIOPCIHost *h, uint64_t lo, uint64_t hi)
{
    SimRange r = { lo, hi };

    return g_tree_search(h->maps, sim_map_overlaps, &r);
}

static const SimDmaMapping *sim_map_find(VFIOPCIHost *h, uint64_t iova)
{
    return sim_map_overlap(h, iova, iova);
}

void vfio_pci_sim_iommu_init(VFIOPCIHost *h)
{
    h->maps = g_tree_new_full(sim_map_cmp, NULL, g_free, NULL);
}

void vfio_pci_sim_iommu_destroy(VFIOPCIHost *h)
{
    g_tree_destroy(h->maps);
    h->maps = NULL;
}

unsigned vfio_pci_sim_iommu_count(VFIOPCIHost *h)
{
    return g_tree_nnodes(h->maps);
}

/*
 * The IOMMU between the function and memory: every byte of the transfer
 * must be mapped with the right permission, else nothing moves.
 */
bool vfio_pci_sim_dma(void *opaque, uint64_t iova, void *buf, uint32_t len,
                      bool to_memory)
{
    VFIOPCIHost *h = opaque;
    uint32_t need = to_memory ? VFIO_DMA_MAP_FLAG_WRITE
                              : VFIO_DMA_MAP_FLAG_READ;
    uint64_t at, last = iova + len - 1;
    uint32_t done;

    if (!len || last < iova) {
        return !len;
    }
    for (at = iova;;) {
        const SimDmaMapping *m = sim_map_find(h, at);

        if (!m || !(m->flags & need)) {
            trace_point("vfio_pci_sim_dma_fault", "iova 0x%" PRIx64, at);
            return false;
        }
        if (m->iova + (m->size - 1) >= last) {
            break;
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
            /* guest RAM changed behind the CPU: decoded code goes stale */
            memory_ram_notify_host_write(host, n);
        } else {
            memcpy((uint8_t *)buf + done, host, n);
        }
        done += n;
    }
    return true;
}

/* ---- the IOMMU ---- */

int vfio_pci_sim_get_iommu_info(VFIOPCIHost *h,
                                struct vfio_iommu_type1_info *info)
{
    struct vfio_iommu_type1_info hdr = {
        .flags = VFIO_IOMMU_INFO_PGSIZES | VFIO_IOMMU_INFO_CAPS,
        .iova_pgsizes = VFIO_PCI_HOST_PAGE_SIZE,
    };
    CapBuf caps = { .b = g_byte_array_new(),
                    .base = (sizeof(hdr) + 7) & ~(size_t)7,
                    .last = UINT32_MAX };
    struct vfio_iommu_type1_info_cap_iova_range *r;
    struct vfio_iommu_type1_info_dma_avail *a;
    int ret;

    if (info->argsz < sizeof(hdr)) {
        g_byte_array_free(caps.b, true);
        return -EINVAL;
    }
    r = vfio_pci_sim_cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, 1,
                             sizeof(*r) + sizeof(struct vfio_iova_range));
    r->nr_iovas = 1;
    r->iova_ranges[0].start = h->fn->iova_start;
    r->iova_ranges[0].end = h->fn->iova_end;
    a = vfio_pci_sim_cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, 1,
                             sizeof(*a));
    a->avail = h->fn->dma_limit -
               MIN(h->fn->dma_limit, vfio_pci_sim_iommu_count(h));
    ret = vfio_pci_sim_info_finish(info, &hdr, sizeof(hdr), &caps,
                                   offsetof(struct vfio_iommu_type1_info,
                                            argsz),
                                   offsetof(struct vfio_iommu_type1_info,
                                            cap_offset));
    g_byte_array_free(caps.b, true);
    return ret;
}

int vfio_pci_sim_dma_map(VFIOPCIHost *h,
                         const struct vfio_iommu_type1_dma_map *map)
{
    const uint64_t pg = VFIO_PCI_HOST_PAGE_SIZE - 1;
    const uint32_t prot = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    uint64_t end = map->iova + map->size - 1;
    SimDmaMapping *m;

    if (map->argsz < sizeof(*map) || (map->flags & ~prot) ||
        !(map->flags & prot) || !map->size ||
        ((map->iova | map->size | map->vaddr) & pg) || end < map->iova ||
        map->iova < h->fn->iova_start || end > h->fn->iova_end) {
        return -EINVAL;
    }
    if (sim_map_overlap(h, map->iova, end)) {
        return -EEXIST;
    }
    if (vfio_pci_sim_iommu_count(h) >= h->fn->dma_limit) {
        return -ENOSPC;
    }
    m = g_new(SimDmaMapping, 1);
    m->iova = map->iova;
    m->size = map->size;
    m->vaddr = map->vaddr;
    m->flags = map->flags;
    g_tree_insert(h->maps, m, m);
    trace_point("vfio_pci_sim_dma_map",
                "iova 0x%" PRIx64 " size 0x%" PRIx64 " flags %u", m->iova,
                m->size, m->flags);
    return 0;
}

int vfio_pci_sim_dma_unmap(VFIOPCIHost *h,
                           struct vfio_iommu_type1_dma_unmap *unmap)
{
    const uint64_t pg = VFIO_PCI_HOST_PAGE_SIZE - 1;
    uint64_t lo = unmap->iova, hi = unmap->iova + unmap->size - 1, done = 0;
    const SimDmaMapping *edge;
    SimDmaMapping *m;

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
    edge = sim_map_find(h, lo);
    if (edge && edge->iova < lo) {
        return -EINVAL;
    }
    edge = sim_map_find(h, hi);
    if (edge && edge->iova + (edge->size - 1) > hi) {
        return -EINVAL;
    }
    while ((m = sim_map_overlap(h, lo, hi))) {
        done += m->size;
        g_tree_remove(h->maps, m);
    }
    unmap->size = done;
    return 0;
}
