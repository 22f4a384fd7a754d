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

static void attrs_from_iommu_info(VFIOPCIDevice *v)
{
    g_autofree struct vfio_iommu_type1_info *info = get_info(v, true);
    const struct vfio_iommu_type1_info_dma_avail *avail;

    if (!info || !(info->flags & VFIO_IOMMU_INFO_CAPS)) {
        return;
    }
    avail = find_cap(info, info->cap_offset, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL,
                     sizeof(*avail));
    if (avail) {
        v->zattrs.dma_avail = avail->avail;
    }
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
    attrs_from_iommu_info(v);
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
    f->sdma = a->sdma;
    f->edma = a->edma;
    f->pchid = a->pchid;
    f->vfn = a->vfn;
    f->pft = a->pft;
    memcpy(f->pfip, a->pfip, sizeof(f->pfip));
    f->util_str_valid = a->util_valid;
    memcpy(f->util_str, a->util, sizeof(f->util_str));
    /* the RID and a multi-function slot's PCHID: s390-pci-mf.c */
}

/* ---- DMA ---- */

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

static void iommu_notify(IOMMUNotifier *n, IOMMUTLBEntry *e)
{
    VFIOPCIDevice *v = container_of(n, VFIOPCIDevice, iommu_n);
    uint64_t size = e->addr_mask + 1;
    hwaddr plen = size;
    struct vfio_iommu_type1_dma_map m = {
        .argsz = sizeof(m),
        .iova = e->iova,
        .size = size,
    };
    void *host;
    int ret;

    if (!v->h) {
        return;
    }
    if (e->perm == IOMMU_NONE) {
        dma_unmap(v, e->iova, size);
        return;
    }
    host = address_space_map(e->target_as, e->translated_addr, &plen,
                             e->perm & IOMMU_WO, MEMTXATTRS_UNSPECIFIED);
    if (!host || plen < size) {
        /* not guest RAM: nothing the host could map; DMA there faults */
        v->dma_map_errors++;
        return;
    }
    m.vaddr = (uintptr_t)host;
    m.flags = VFIO_DMA_MAP_FLAG_READ |
              (e->perm & IOMMU_WO ? VFIO_DMA_MAP_FLAG_WRITE : 0);
    ret = v->ops->dma_map(v->h, &m);
    address_space_unmap(e->target_as, host, plen, e->perm & IOMMU_WO, 0);
    if (ret < 0) {
        v->dma_map_errors++;
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%sDMA map of 0x%" PRIx64 "+0x%" PRIx64 ": %s\n", v->name,
                      e->iova, size, g_strerror(-ret));
        return;
    }
    v->dma_maps++;
}

void vfio_pci_zpci_attached(Object *obj, ZpciDevice *z)
{
    VFIOPCIDevice *v = VFIO_PCI(obj);
    uint32_t budget = z->dma_budget ? z->dma_budget : ZPCI_DMA_BUDGET_DEFAULT;

    v->z = z;
    if (v->zattrs.dma_avail) {
        /* RPCIT answers status 16 before the host would refuse a map */
        z->dma_budget = MIN(budget, v->zattrs.dma_avail);
    }
    if (z->dma && !v->iommu_mr) {
        v->iommu_mr = zpci_dma_space_iommu(z->dma);
        iommu_notifier_init(&v->iommu_n, iommu_notify,
                            IOMMU_NOTIFIER_IOTLB_EVENTS, 0, HWADDR_MAX, 0);
        if (memory_region_register_iommu_notifier(v->iommu_mr, &v->iommu_n,
                                                  NULL) < 0) {
            v->iommu_mr = NULL;
        }
    }
}

void vfio_pci_zpci_detached(Object *obj, ZpciDevice *z)
{
    VFIOPCIDevice *v = VFIO_PCI(obj);
    struct vfio_iommu_type1_dma_unmap all = {
        .argsz = sizeof(all),
        .flags = VFIO_DMA_UNMAP_FLAG_ALL,
    };

    if (v->iommu_mr) {
        memory_region_unregister_iommu_notifier(v->iommu_mr, &v->iommu_n);
        v->iommu_mr = NULL;
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
