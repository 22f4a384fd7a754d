/*
 * The simulated vfio-pci back end's IOMMU: one type1-like container per
 * opened function (DMA map/unmap, IOVA range, DMA budget), the DMA path of
 * the simulated function through it, and the capability chains of the
 * info calls (docs/devel/vfio-pci-host.rst).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
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
bool vfio_pci_sim_dma(void *opaque, uint64_t iova, void *buf, uint32_t len,
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

/* ---- the IOMMU ---- */

int vfio_pci_sim_get_iommu_info(VFIOPCIHost *h,
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
    r = vfio_pci_sim_cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, 1,
                             sizeof(*r) + sizeof(struct vfio_iova_range));
    r->nr_iovas = 1;
    r->iova_ranges[0].start = h->fn->start_dma;
    r->iova_ranges[0].end = h->fn->end_dma;
    a = vfio_pci_sim_cap_add(&caps, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, 1,
                             sizeof(*a));
    a->avail = h->fn->dma_limit - MIN(h->fn->dma_limit, h->maps->len);
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

int vfio_pci_sim_dma_unmap(VFIOPCIHost *h,
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
