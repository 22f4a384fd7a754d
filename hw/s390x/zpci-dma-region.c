/*
 * zPCI DMA: the DMA address space of one PCI function.  An IOMMU region
 * covering the whole 64-bit I/O address space translates each device
 * access through the function's IOTLB (what RPCIT loaded) into guest
 * memory; IOTLB changes go to the region's IOMMU notifiers.
 * See include/hw/s390x/zpci-dma.h and docs/devel/zpci-dma.rst.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-dma.h"

struct ZpciDmaSpace {
    MemoryRegion root; /* 2^64 container holding the IOMMU */
    IOMMUMemoryRegion iommu;
    AddressSpace as;     /* what the PCI device DMAs through */
    AddressSpace *guest; /* guest absolute memory */
    ZpciIotlb *tlb;
    ZpciDmaTables tables; /* valid while registered */
    bool registered;
    bool relaxed;
    uint64_t relaxed_sdma, relaxed_edma;
    uint64_t relaxed_len; /* guest bytes the alias maps (told notifiers) */
    ZpciDmaFaultFn on_fault;
    void *fault_opaque;
    ZpciDmaOwnerFn owner; /* asked before the notifiers (vfio-pci) */
    void *owner_opaque;
};

/* Table entries come from guest RAM only: never MMIO, never outside. */
static bool guest_table_read(void *opaque, uint64_t addr, uint64_t *val)
{
    ZpciDmaSpace *s = opaque;
    hwaddr xlat, len = 8;
    MemoryRegion *mr;
    MemTxResult res;

    mr = address_space_translate(s->guest, addr, &xlat, &len, false,
                                 MEMTXATTRS_UNSPECIFIED);
    if (!mr || !memory_region_is_ram(mr) || len < 8) {
        return false;
    }
    *val = address_space_ldq_be(s->guest, addr, MEMTXATTRS_UNSPECIFIED, &res);
    return res == MEMTX_OK;
}

/*
 * One change of the space's mappings: a map goes to the owner first (it
 * may refuse it: then nobody hears of it), then to the notifiers; an
 * unmap to the notifiers, then to the owner.
 */
static bool space_event(ZpciDmaSpace *s, IOMMUTLBEvent *ev)
{
    bool map = ev->type == IOMMU_NOTIFIER_MAP;

    if (map && s->owner && !s->owner(s->owner_opaque, &ev->entry)) {
        return false;
    }
    memory_region_notify_iommu(&s->iommu, 0, *ev);
    if (!map && s->owner) {
        s->owner(s->owner_opaque, &ev->entry);
    }
    return true;
}

static bool tlb_changed(void *opaque, bool map, const ZpciDmaMapping *m)
{
    ZpciDmaSpace *s = opaque;
    IOMMUTLBEvent ev = {
        .type = map ? IOMMU_NOTIFIER_MAP : IOMMU_NOTIFIER_UNMAP,
        .entry = {
            .target_as = s->guest,
            .iova = m->iova,
            .translated_addr = m->addr,
            .addr_mask = m->size - 1,
            .perm = !map ? IOMMU_NONE : m->writable ? IOMMU_RW : IOMMU_RO,
        },
    };

    return space_event(s, &ev);
}

static void report(ZpciDmaSpace *s, ZpciDmaFault f, hwaddr addr,
                   IOMMUAccessFlags flag)
{
    /* IOMMU_NONE: a replay or a probe, not a device access */
    if (flag != IOMMU_NONE && s->on_fault) {
        s->on_fault(s->fault_opaque, f, addr, flag & IOMMU_WO);
    }
}

/*
 * The first @len bytes of the relaxed alias as IOMMU events, so that the
 * owner (vfio-pci) and the notifiers map or unmap all of it: power-of-two
 * blocks whose I/O address and guest address are both aligned to their
 * size, ascending.  @only: just that notifier (replay), else the owner
 * and every notifier of the region.  The bytes done: short of @len when
 * the owner refused a block.
 */
static uint64_t relaxed_events(ZpciDmaSpace *s, bool map, IOMMUNotifier *only,
                               uint64_t len)
{
    uint64_t iova = s->relaxed_sdma, left = len;

    while (left) {
        uint64_t x = iova - s->relaxed_sdma;
        unsigned k = 63 - __builtin_clzll(left);
        IOMMUTLBEvent ev;

        if (iova | x) {
            k = MIN(k, (unsigned)__builtin_ctzll(iova | x));
        }
        ev = (IOMMUTLBEvent){
            .type = map ? IOMMU_NOTIFIER_MAP : IOMMU_NOTIFIER_UNMAP,
            .entry = {
                .target_as = s->guest,
                .iova = iova,
                .translated_addr = x,
                .addr_mask = (UINT64_C(1) << k) - 1,
                .perm = map ? IOMMU_RW : IOMMU_NONE,
            },
        };
        if (only) {
            memory_region_notify_iommu_one(only, &ev);
        } else if (!space_event(s, &ev)) {
            break;
        }
        left -= UINT64_C(1) << k;
        iova += UINT64_C(1) << k;
    }
    return len - left;
}

static IOMMUTLBEntry relaxed_translate(ZpciDmaSpace *s, hwaddr addr,
                                       IOMMUAccessFlags flag)
{
    IOMMUTLBEntry e = {
        .target_as = s->guest,
        .iova = addr & ~(ZPCI_DMA_PAGE_SIZE - 1),
        .addr_mask = ZPCI_DMA_PAGE_SIZE - 1,
        .perm = IOMMU_NONE,
    };

    if (addr < s->relaxed_sdma || addr > s->relaxed_edma) {
        report(s, ZPCI_DMA_FAULT_OUT_OF_RANGE, addr, flag);
        return e;
    }
    e.translated_addr = e.iova - s->relaxed_sdma;
    e.perm = IOMMU_RW;
    return e;
}

static IOMMUTLBEntry dma_translate(IOMMUMemoryRegion *iommu, hwaddr addr,
                                   IOMMUAccessFlags flag, int iommu_idx)
{
    ZpciDmaSpace *s = iommu->opaque;
    IOMMUTLBEntry e = {
        .target_as = s->guest,
        .iova = addr & ~(ZPCI_DMA_PAGE_SIZE - 1),
        .addr_mask = ZPCI_DMA_PAGE_SIZE - 1,
        .perm = IOMMU_NONE,
    };
    ZpciDmaMapping m;

    if (s->relaxed) {
        return relaxed_translate(s, addr, flag);
    }
    if (!s->registered) {
        return e; /* no translation registered: the access just fails */
    }
    if (addr < s->tables.sdma || addr > s->tables.edma) {
        report(s, ZPCI_DMA_FAULT_OUT_OF_RANGE, addr, flag);
        return e;
    }
    if (!zpci_iotlb_lookup(s->tlb, addr, &m)) {
        report(s, ZPCI_DMA_FAULT_NO_TRANSLATION, addr, flag);
        return e;
    }
    e.iova = m.iova;
    e.translated_addr = m.addr;
    e.addr_mask = m.size - 1;
    e.perm = m.writable ? IOMMU_RW : IOMMU_RO;
    if ((flag & IOMMU_WO) && !m.writable) {
        report(s, ZPCI_DMA_FAULT_PROTECTION, addr, flag);
    }
    return e;
}

typedef struct Replay {
    ZpciDmaSpace *s;
    IOMMUNotifier *n;
} Replay;

static bool replay_one(void *opaque, bool map, const ZpciDmaMapping *m)
{
    Replay *r = opaque;
    IOMMUTLBEvent ev = {
        .type = IOMMU_NOTIFIER_MAP,
        .entry = {
            .target_as = r->s->guest,
            .iova = m->iova,
            .translated_addr = m->addr,
            .addr_mask = m->size - 1,
            .perm = m->writable ? IOMMU_RW : IOMMU_RO,
        },
    };

    memory_region_notify_iommu_one(r->n, &ev);
    return true;
}

static void dma_replay(IOMMUMemoryRegion *iommu, IOMMUNotifier *n)
{
    ZpciDmaSpace *s = iommu->opaque;
    Replay r = { .s = s, .n = n };

    if (s->registered) {
        zpci_iotlb_foreach(s->tlb, replay_one, &r);
    } else if (s->relaxed) {
        relaxed_events(s, true, n, s->relaxed_len);
    }
}

static const IOMMUMemoryRegionOps zpci_dma_iommu_ops = {
    .translate = dma_translate,
    .replay = dma_replay,
};

ZpciDmaSpace *zpci_dma_space_new(const char *name, AddressSpace *guest)
{
    ZpciDmaSpace *s = g_new0(ZpciDmaSpace, 1);
    g_autofree char *root_name = g_strdup_printf("%s-root", name);

    s->guest = guest;
    s->tlb = zpci_iotlb_new(tlb_changed, s, 0);
    memory_region_init(&s->root, s, root_name, UINT64_MAX);
    memory_region_init_iommu(&s->iommu, s, &zpci_dma_iommu_ops, s, name,
                             UINT64_MAX);
    memory_region_add_subregion(&s->root, 0, &s->iommu.parent_obj);
    address_space_init(&s->as, &s->root, name);
    return s;
}

void zpci_dma_space_free(ZpciDmaSpace *s)
{
    if (!s) {
        return;
    }
    zpci_dma_space_deregister(s);
    address_space_destroy(&s->as);
    memory_region_finalize(&s->root);
    memory_region_finalize(&s->iommu.parent_obj);
    zpci_iotlb_free(s->tlb);
    g_free(s);
}

AddressSpace *zpci_dma_space_as(ZpciDmaSpace *s)
{
    return &s->as;
}

MemoryRegion *zpci_dma_space_iommu(ZpciDmaSpace *s)
{
    return &s->iommu.parent_obj;
}

void zpci_dma_space_set_fault_handler(ZpciDmaSpace *s, ZpciDmaFaultFn fn,
                                      void *opaque)
{
    s->on_fault = fn;
    s->fault_opaque = opaque;
}

void zpci_dma_space_set_owner(ZpciDmaSpace *s, ZpciDmaOwnerFn fn, void *opaque)
{
    zpci_dma_space_deregister(s);
    s->owner = fn;
    s->owner_opaque = opaque;
}

ZpciDmaFault zpci_dma_space_register(ZpciDmaSpace *s, const ZpciDmaConfig *cfg,
                                     uint64_t iota)
{
    unsigned dt = (iota & ZPCI_IOTA_DT_MASK) >> 2;
    ZpciIotlb *fresh;

    if (dt > ZPCI_DMA_LEVEL_REGION1 || !(cfg->dtsm & ZPCI_DTSM_BIT(dt)) ||
        cfg->sdma > cfg->edma) {
        return ZPCI_DMA_FAULT_DESIGNATION;
    }
    zpci_dma_space_deregister(s);
    fresh = zpci_iotlb_new(tlb_changed, s, cfg->budget);
    zpci_iotlb_free(s->tlb);
    s->tlb = fresh;
    s->tables = (ZpciDmaTables){
        .read = guest_table_read,
        .opaque = s,
        .iota = iota,
        .sdma = cfg->sdma,
        .edma = cfg->edma,
        .dtsm = cfg->dtsm,
        .large_pages = cfg->large_pages,
        .max_walks = cfg->max_walks,
    };
    s->registered = true;
    return ZPCI_DMA_OK;
}

/* Relaxed off: the notifiers unmap the alias. */
static void relaxed_end(ZpciDmaSpace *s)
{
    if (s->relaxed) {
        s->relaxed = false;
        relaxed_events(s, false, NULL, s->relaxed_len);
    }
}

void zpci_dma_space_deregister(ZpciDmaSpace *s)
{
    zpci_iotlb_flush(s->tlb);
    s->registered = false;
    relaxed_end(s);
}

bool zpci_dma_space_registered(ZpciDmaSpace *s)
{
    return s->registered;
}

bool zpci_dma_space_set_relaxed(ZpciDmaSpace *s, const ZpciDmaConfig *cfg,
                                bool on)
{
    uint64_t span, done;

    zpci_dma_space_deregister(s); /* whatever was there goes first */
    if (!on) {
        return true;
    }
    span = cfg->edma - cfg->sdma == UINT64_MAX ? UINT64_MAX
                                               : cfg->edma - cfg->sdma + 1;
    s->relaxed_sdma = cfg->sdma;
    s->relaxed_edma = cfg->edma;
    s->relaxed_len = cfg->guest_size ? MIN(cfg->guest_size, span) : span;
    s->relaxed_len &= ~(ZPCI_DMA_PAGE_SIZE - 1);
    done = relaxed_events(s, true, NULL, s->relaxed_len);
    if (done < s->relaxed_len) {
        relaxed_events(s, false, NULL, done); /* the owner said no */
        return false;
    }
    s->relaxed = true;
    return true;
}

bool zpci_dma_space_relaxed(ZpciDmaSpace *s)
{
    return s->relaxed;
}

ZpciRpcitResult zpci_dma_space_rpcit(ZpciDmaSpace *s, uint64_t start,
                                     uint64_t len)
{
    ZpciRpcitResult none = { .status = ZPCI_RPCIT_OK };

    if (!s->registered) {
        return none; /* relaxed, or nothing to refresh */
    }
    return zpci_iotlb_refresh(s->tlb, &s->tables, start, len);
}

uint64_t zpci_dma_space_mappings(ZpciDmaSpace *s)
{
    return zpci_iotlb_count(s->tlb);
}
