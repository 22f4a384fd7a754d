/*
 * IOMMU regions: a translate callback consulted by address-space accesses,
 * and notifiers that hear about mappings appearing and disappearing (so
 * that, e.g., a VFIO container can mirror the guest's DMA mappings).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

void memory_region_init_iommu(IOMMUMemoryRegion *iommu_mr, void *owner,
                              const IOMMUMemoryRegionOps *ops, void *opaque,
                              const char *name, uint64_t size)
{
    memory_region_init(&iommu_mr->parent_obj, owner, name, size);
    iommu_mr->parent_obj.kind = MR_KIND_IOMMU;
    iommu_mr->iommu_ops = ops;
    iommu_mr->opaque = opaque;
    iommu_mr->notifiers = NULL;
    iommu_mr->notify_flags = IOMMU_NOTIFIER_NONE;
}

static IOMMUNotifierFlag iommu_notifier_flags_union(IOMMUMemoryRegion *iommu)
{
    IOMMUNotifierFlag flags = IOMMU_NOTIFIER_NONE;

    for (IOMMUNotifier *n = iommu->notifiers; n; n = n->next) {
        flags |= n->notifier_flags;
    }
    return flags;
}

static int iommu_update_flags(IOMMUMemoryRegion *iommu, Error **errp)
{
    IOMMUNotifierFlag flags = iommu_notifier_flags_union(iommu);
    int ret = 0;

    if (flags == iommu->notify_flags) {
        return 0;
    }
    if (iommu->iommu_ops && iommu->iommu_ops->notify_flag_changed) {
        ret = iommu->iommu_ops->notify_flag_changed(iommu, iommu->notify_flags,
                                                    flags, errp);
    }
    if (ret == 0) {
        iommu->notify_flags = flags;
    }
    return ret;
}

static void iommu_notifier_unlink(IOMMUMemoryRegion *iommu, IOMMUNotifier *n)
{
    for (IOMMUNotifier **link = &iommu->notifiers; *link;
         link = &(*link)->next) {
        if (*link == n) {
            *link = n->next;
            n->next = NULL;
            return;
        }
    }
}

int memory_region_register_iommu_notifier(MemoryRegion *mr, IOMMUNotifier *n,
                                          Error **errp)
{
    IOMMUMemoryRegion *iommu = memory_region_get_iommu(mr);
    int ret;

    if (!iommu) {
        error_setg(errp, "memory region '%s' is not an IOMMU region",
                   memory_region_name(mr));
        return -EINVAL;
    }
    if (n->notifier_flags == IOMMU_NOTIFIER_NONE || n->start > n->end ||
        n->iommu_idx < 0 ||
        n->iommu_idx >= memory_region_iommu_num_indexes(iommu)) {
        error_setg(errp, "invalid IOMMU notifier for '%s'",
                   memory_region_name(mr));
        return -EINVAL;
    }
    n->next = iommu->notifiers;
    iommu->notifiers = n;
    ret = iommu_update_flags(iommu, errp);
    if (ret) {
        iommu_notifier_unlink(iommu, n);
    }
    return ret;
}

void memory_region_unregister_iommu_notifier(MemoryRegion *mr, IOMMUNotifier *n)
{
    IOMMUMemoryRegion *iommu = memory_region_get_iommu(mr);

    if (!iommu) {
        return;
    }
    iommu_notifier_unlink(iommu, n);
    iommu_update_flags(iommu, NULL);
}

void memory_region_notify_iommu_one(IOMMUNotifier *notifier,
                                    IOMMUTLBEvent *event)
{
    IOMMUTLBEntry *entry = &event->entry;
    hwaddr entry_last = entry->iova + entry->addr_mask;
    IOMMUTLBEntry tmp = *entry;

    if (!(notifier->notifier_flags & event->type)) {
        return;
    }
    if (entry_last < entry->iova) {
        entry_last = HWADDR_MAX; /* mask reaches the top of the space */
    }
    if (notifier->start > entry_last || notifier->end < entry->iova) {
        return;
    }
    if (event->type == IOMMU_NOTIFIER_UNMAP) {
        /* An unmap never grants access, whatever the caller left there. */
        tmp.perm = IOMMU_NONE;
    }
    notifier->notify(notifier, &tmp);
}

void memory_region_notify_iommu(IOMMUMemoryRegion *iommu_mr, int iommu_idx,
                                IOMMUTLBEvent event)
{
    IOMMUNotifier *n = iommu_mr->notifiers;

    while (n) {
        /* the callback may unregister itself */
        IOMMUNotifier *next = n->next;

        if (n->iommu_idx == iommu_idx) {
            memory_region_notify_iommu_one(n, &event);
        }
        n = next;
    }
}

uint64_t memory_region_iommu_get_min_page_size(IOMMUMemoryRegion *iommu_mr)
{
    const IOMMUMemoryRegionOps *ops = iommu_mr->iommu_ops;

    if (ops && ops->get_min_page_size) {
        return ops->get_min_page_size(iommu_mr);
    }
    return 4 * KiB;
}

int memory_region_iommu_attrs_to_index(IOMMUMemoryRegion *iommu_mr,
                                       MemTxAttrs attrs)
{
    const IOMMUMemoryRegionOps *ops = iommu_mr->iommu_ops;

    if (ops && ops->attrs_to_index) {
        return ops->attrs_to_index(iommu_mr, attrs);
    }
    return 0;
}

int memory_region_iommu_num_indexes(IOMMUMemoryRegion *iommu_mr)
{
    const IOMMUMemoryRegionOps *ops = iommu_mr->iommu_ops;

    if (ops && ops->num_indexes) {
        return ops->num_indexes(iommu_mr);
    }
    return 1;
}

/* Without a replay callback: translate every page and report mappings. */
void memory_region_iommu_replay(IOMMUMemoryRegion *iommu_mr, IOMMUNotifier *n)
{
    const IOMMUMemoryRegionOps *ops = iommu_mr->iommu_ops;
    uint64_t page = memory_region_iommu_get_min_page_size(iommu_mr);
    unsigned __int128 size = memory_region_size128(&iommu_mr->parent_obj);

    if (ops && ops->replay) {
        ops->replay(iommu_mr, n);
        return;
    }
    if (!ops || !ops->translate || page == 0) {
        return;
    }
    for (unsigned __int128 a = n->start & ~(page - 1); a < size && a <= n->end;
         a += page) {
        IOMMUTLBEvent event = {
            .type = IOMMU_NOTIFIER_MAP,
            .entry = ops->translate(iommu_mr, (hwaddr)a, IOMMU_NONE,
                                    n->iommu_idx),
        };

        if (event.entry.perm != IOMMU_NONE) {
            memory_region_notify_iommu_one(n, &event);
        }
    }
}
