/*
 * vfio-pci's zPCI side: the attributes CLP reports, taken from the host's
 * zPCI capabilities (QEMU's defaults for missing ones), the simulated
 * group per host group, and the zPCI IOMMU's map/unmap notifications made
 * host DMA mappings within the host's DMA budget.
 * See docs/devel/vfio-pci-host.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-hostfn.h"
#include "hw/s390x/zpci-fmb.h"
#include "pci-int.h"

/* ---- attributes ---- */

/* An info buffer the host filled completely (argsz retry), or NULL */
static void *get_info(VFIOPCIDevice *v, bool iommu)
{
    uint32_t argsz = 64;

    for (int tries = 0; tries < 4; tries++) {
        g_autofree uint8_t *buf = g_malloc0(argsz);
        uint32_t *p = (uint32_t *)buf; /* argsz leads both structs */
        int ret;

        *p = argsz;
        ret = iommu ? v->ops->get_iommu_info(v->h, (void *)buf)
                    : v->ops->get_device_info(v->h, (void *)buf);
        if (ret < 0) {
            return NULL;
        }
        if (*p <= argsz) {
            *p = argsz;
            return g_steal_pointer(&buf);
        }
        argsz = *p;
    }
    return NULL;
}

static const void *find_cap(const void *info, uint32_t cap_offset, uint16_t id,
                            size_t min)
{
    return vfio_pci_host_find_cap(info, *(const uint32_t *)info, cap_offset, id,
                                  min);
}

static void attrs_from_device_info(VFIOPCIDevice *v, ClpGroupInfo *g,
                                   bool *have_group)
{
    VFIOPCIZpciAttrs *a = &v->zattrs;
    g_autofree struct vfio_device_info *info = get_info(v, false);
    const struct vfio_device_info_cap_zpci_base *base;
    const struct vfio_device_info_cap_zpci_group *grp;
    const struct vfio_device_info_cap_zpci_util *util;
    const struct vfio_device_info_cap_zpci_pfip *pfip;

    /* as QEMU: a function without a reset of its own is not reset */
    v->reset_works = info && (info->flags & VFIO_DEVICE_FLAGS_RESET);
    if (!info || !(info->flags & VFIO_DEVICE_FLAGS_CAPS)) {
        return;
    }
    base = find_cap(info, info->cap_offset, VFIO_DEVICE_INFO_CAP_ZPCI_BASE,
                    sizeof(*base));
    if (base && base->start_dma <= base->end_dma) {
        a->sdma = base->start_dma;
        a->edma = base->end_dma;
        a->pchid = base->pchid;
        a->vfn = base->vfn;
        a->pft = base->pft;
        a->host_gid = base->gid;
    }
    grp = find_cap(info, info->cap_offset, VFIO_DEVICE_INFO_CAP_ZPCI_GROUP,
                   sizeof(*grp));
    if (grp) {
        g->dasm = grp->dasm;
        g->msia = grp->msi_addr;
        g->refresh = grp->flags & VFIO_DEVICE_INFO_ZPCI_FLAG_REFRESH;
        g->mui = grp->mui;
        g->noi = MIN(grp->noi, ZPCI_GROUP_NOI);
        g->maxstbl = grp->maxstbl;
        g->version = grp->version;
        *have_group = true;
    }
    util = find_cap(info, info->cap_offset, VFIO_DEVICE_INFO_CAP_ZPCI_UTIL,
                    sizeof(*util) + CLP_UTIL_STR_LEN);
    if (util && util->size) {
        memcpy(a->util, util->util_str, MIN(util->size, CLP_UTIL_STR_LEN));
        a->util_valid = true;
    }
    pfip = find_cap(info, info->cap_offset, VFIO_DEVICE_INFO_CAP_ZPCI_PFIP,
                    sizeof(*pfip) + CLP_PFIP_LEN);
    if (pfip) {
        memcpy(a->pfip, pfip->pfip, MIN(pfip->size, CLP_PFIP_LEN));
    }
}

/*
 * The part of the DMA range [sdma, edma] that the host's IOVA ranges let
 * through: the largest piece of it inside one range, in whole pages (a
 * host maps nothing outside its ranges, so the guest is told of none).
 * False when no page of it is inside any.
 */
static bool clamp_to_iova_ranges(VFIOPCIZpciAttrs *a,
                                 const struct vfio_iommu_type1_info *info)
{
    const struct vfio_iommu_type1_info_cap_iova_range *r;
    const uint64_t pg = VFIO_PCI_HOST_PAGE_SIZE - 1;
    uint64_t best_lo = 1, best_hi = 0;
    size_t fixed = sizeof(*r);
    uint32_t n, room;

    r = find_cap(info, info->cap_offset, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE,
                 fixed);
    if (!r) {
        return true; /* no ranges given: the DMA range is what there is */
    }
    /* only the ranges that lie inside the buffer */
    room = (info->argsz - ((const uint8_t *)r - (const uint8_t *)info) -
            fixed) /
           sizeof(r->iova_ranges[0]);
    n = MIN(r->nr_iovas, room);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t lo = MAX(a->sdma, r->iova_ranges[i].start);
        uint64_t hi = MIN(a->edma, r->iova_ranges[i].end);

        /* whole pages only: lo up to a page start, hi down to a page end */
        if (lo > hi || ((lo & pg) && lo > UINT64_MAX - pg) ||
            ((hi & pg) != pg && hi < pg)) {
            continue;
        }
        lo = (lo & pg) ? (lo | pg) + 1 : lo;
        hi = (hi & pg) != pg ? (hi & ~pg) - 1 : hi;
        if (lo < hi && (best_lo > best_hi || hi - lo > best_hi - best_lo)) {
            best_lo = lo;
            best_hi = hi;
        }
    }
    if (best_lo > best_hi) {
        return false;
    }
    a->sdma = best_lo;
    a->edma = best_hi;
    return true;
}

static bool attrs_from_iommu_info(VFIOPCIDevice *v, Error **errp)
{
    g_autofree struct vfio_iommu_type1_info *info = get_info(v, true);
    const struct vfio_iommu_type1_info_dma_avail *avail;
    VFIOPCIZpciAttrs *a = &v->zattrs;
    uint64_t sdma = a->sdma, edma = a->edma;

    if (!info || !(info->flags & VFIO_IOMMU_INFO_CAPS)) {
        return true;
    }
    avail = find_cap(info, info->cap_offset, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL,
                     sizeof(*avail));
    if (avail) {
        a->dma_avail = avail->avail;
    }
    if (!clamp_to_iova_ranges(a, info)) {
        error_setg(errp,
                   "%sno page of the DMA range 0x%" PRIx64 "..0x%" PRIx64
                   " is inside the host's IOVA ranges",
                   v->name, sdma, edma);
        return false;
    }
    return true;
}

bool vfio_pci_zpci_init(VFIOPCIDevice *v, Error **errp)
{
    VFIOPCIZpciAttrs *a = &v->zattrs;
    /* QEMU's default group (used when the host has no GROUP capability) */
    ClpGroupInfo g = zpci_group_default();
    bool have_group = false;

    *a = (VFIOPCIZpciAttrs){
        .sdma = ZPCI_FN_SDMA,
        .edma = ZPCI_FN_EDMA,
        .host_gid = ZPCI_DEFAULT_PFGID,
        .pfgid = ZPCI_DEFAULT_PFGID,
    };
    attrs_from_device_info(v, &g, &have_group);
    if (!attrs_from_iommu_info(v, errp)) {
        return false;
    }
    /* the guest's MSI-X messages go to the bridge's MSI address */
    g.msia = ZPCI_MSI_ADDR;
    g.dtsm = ZPCI_GROUP_DTSM;
    if (have_group && a->host_gid < ZPCI_SIM_GROUP_FIRST) {
        a->pfgid = zpci_group_for_host(a->host_gid, &g);
        if (!a->pfgid) {
            a->pfgid = ZPCI_DEFAULT_PFGID;
        }
    }
    return true;
}

void vfio_pci_zpci_query(Object *obj, ClpFunctionInfo *f)
{
    VFIOPCIDevice *v = VFIO_PCI(obj);
    VFIOPCIZpciAttrs *a = &v->zattrs;

    if (f->pfgid == ZPCI_DEFAULT_PFGID) {
        f->pfgid = a->pfgid;
    }
    /* sdma/edma: the zpci's (set at attach from ours) */
    f->pchid = a->pchid;
    f->vfn = a->vfn;
    f->pft = a->pft;
    memcpy(f->pfip, a->pfip, sizeof(f->pfip));
    f->util_str_valid = a->util_valid;
    memcpy(f->util_str, a->util, sizeof(f->util_str));
    /* the RID and a multi-function slot's PCHID: s390-pci-mf.c */
}

/* ---- DMA ---- */

/* Inside the DMA range the guest was given (itself inside an IOVA range) */
static bool iova_valid(VFIOPCIDevice *v, uint64_t iova, uint64_t size)
{
    return size && iova >= v->zattrs.sdma && iova <= v->zattrs.edma &&
           size - 1 <= v->zattrs.edma - iova;
}

static void dma_unmap(VFIOPCIDevice *v, uint64_t iova, uint64_t size)
{
    struct vfio_iommu_type1_dma_unmap u = {
        .argsz = sizeof(u),
        .iova = iova,
        .size = size,
    };

    if (v->ops->dma_unmap(v->h, &u) == 0 && u.size && v->dma_maps) {
        v->dma_maps--; /* one MAP event, one mapping */
    }
}

/*
 * Map one frame (or relaxed block) the zPCI IOMMU is about to hold; false
 * refuses it, so that the IOTLB never holds what the host does not map
 * (RPCIT then answers cc 1 status 16).  Refused: outside the host's IOVA
 * ranges (it would not reach the host), not guest RAM (nothing the host
 * could map), or the host's refusal (no DMA mapping left: -ENOSPC).
 */
static bool dma_map(VFIOPCIDevice *v, const IOMMUTLBEntry *e)
{
    uint64_t size = e->addr_mask + 1;
    hwaddr plen = size;
    struct vfio_iommu_type1_dma_map m = {
        .argsz = sizeof(m),
        .iova = e->iova,
        .size = size,
    };
    void *host;
    int ret = -EFAULT;

    if (!iova_valid(v, e->iova, size)) {
        ret = -ERANGE;
        goto refused;
    }
    host = address_space_map(e->target_as, e->translated_addr, &plen,
                             e->perm & IOMMU_WO, MEMTXATTRS_UNSPECIFIED);
    if (!host || plen < size) {
        if (host) {
            address_space_unmap(e->target_as, host, plen, false, 0);
        }
        goto refused;
    }
    m.vaddr = (uintptr_t)host;
    m.flags = VFIO_DMA_MAP_FLAG_READ |
              (e->perm & IOMMU_WO ? VFIO_DMA_MAP_FLAG_WRITE : 0);
    ret = v->ops->dma_map(v->h, &m);
    address_space_unmap(e->target_as, host, plen, e->perm & IOMMU_WO, 0);
    if (ret == 0) {
        v->dma_maps++;
        return true;
    }
refused:
    v->dma_map_errors++;
    trace_point("vfio_pci_dma_map_refused",
                "%siova 0x%" PRIx64 " size 0x%" PRIx64 ": %s", v->name, e->iova,
                size, g_strerror(-ret));
    return false;
}

/* The zPCI DMA space's owner: its maps and unmaps made on the host */
static bool vfio_pci_dma_owner(void *opaque, const IOMMUTLBEntry *e)
{
    VFIOPCIDevice *v = opaque;

    if (!v->h) {
        return e->perm == IOMMU_NONE;
    }
    if (e->perm == IOMMU_NONE) {
        dma_unmap(v, e->iova, e->addr_mask + 1);
        return true;
    }
    return dma_map(v, e);
}

void vfio_pci_zpci_attached(Object *obj, ZpciDevice *z)
{
    VFIOPCIDevice *v = VFIO_PCI(obj);
    uint32_t budget = z->dma_budget ? z->dma_budget : ZPCI_DMA_BUDGET_DEFAULT;

    v->z = z;
    /* Query PCI Function and MPCIFC's aperture check: the clamped range */
    z->sdma = v->zattrs.sdma;
    z->edma = v->zattrs.edma;
    if (v->zattrs.dma_avail) {
        /* RPCIT answers status 16 before the host would refuse a map */
        z->dma_budget = MIN(budget, v->zattrs.dma_avail);
    }
    if (z->dma && !v->dma) {
        v->dma = z->dma;
        zpci_dma_space_set_owner(v->dma, vfio_pci_dma_owner, v);
    }
}

void vfio_pci_zpci_detached(Object *obj, ZpciDevice *z)
{
    VFIOPCIDevice *v = VFIO_PCI(obj);
    struct vfio_iommu_type1_dma_unmap all = {
        .argsz = sizeof(all),
        .flags = VFIO_DMA_UNMAP_FLAG_ALL,
    };

    if (v->dma) {
        zpci_dma_space_set_owner(v->dma, NULL, NULL); /* unmaps all */
        v->dma = NULL;
    }
    if (v->h) {
        v->ops->dma_unmap(v->h, &all);
    }
    v->dma_maps = 0;
    v->z = NULL;
}

void vfio_pci_zpci_disabled(Object *obj)
{
    /* the guest let the function go: the host function is reset */
    pci_device_reset(PCI_DEVICE(obj));
}
