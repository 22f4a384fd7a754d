/*
 * zPCI DMA: the IOTLB of one function.  RPCIT re-walks the guest's tables
 * over a range and reconciles what it finds with what the IOTLB holds,
 * telling a notifier about every mapping that appears, disappears or
 * changes.  See docs/devel/zpci-dma.rst.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-dma.h"

struct ZpciIotlb {
    GHashTable *frames; /* frame iova -> ZpciDmaMapping (4 KiB or 1 MiB) */
    uint64_t large;     /* how many of them are 1 MiB */
    uint32_t budget;    /* most mappings held at once */
    ZpciDmaNotifyFn notify;
    void *opaque;
};

/* What one refresh did so far. */
typedef struct Refresh {
    ZpciIotlb *tlb;
    ZpciRpcitResult res;
} Refresh;

ZpciIotlb *zpci_iotlb_new(ZpciDmaNotifyFn notify, void *opaque, uint32_t budget)
{
    ZpciIotlb *tlb = g_new0(ZpciIotlb, 1);

    /* the key is the mapping's own iova field */
    tlb->frames = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
                                        g_free);
    tlb->budget = budget ? budget : ZPCI_DMA_BUDGET_DEFAULT;
    tlb->notify = notify;
    tlb->opaque = opaque;
    return tlb;
}

void zpci_iotlb_free(ZpciIotlb *tlb)
{
    if (tlb) {
        g_hash_table_destroy(tlb->frames);
        g_free(tlb);
    }
}

uint64_t zpci_iotlb_count(const ZpciIotlb *tlb)
{
    return g_hash_table_size(tlb->frames);
}

static ZpciDmaMapping *frame_at(const ZpciIotlb *tlb, uint64_t iova)
{
    return g_hash_table_lookup(tlb->frames, &iova);
}

bool zpci_iotlb_lookup(const ZpciIotlb *tlb, uint64_t iova, ZpciDmaMapping *out)
{
    ZpciDmaMapping *m = frame_at(tlb, iova & ~(ZPCI_DMA_PAGE_SIZE - 1));

    if (!m && tlb->large) {
        m = frame_at(tlb, iova & ~(ZPCI_DMA_SEG_SIZE - 1));
        m = m && m->size == ZPCI_DMA_SEG_SIZE ? m : NULL;
    }
    if (m) {
        *out = *m;
    }
    return m != NULL;
}

static void tell(Refresh *r, bool map, const ZpciDmaMapping *m)
{
    if (map) {
        r->res.mapped++;
    } else {
        r->res.unmapped++;
    }
    if (r->tlb->notify) {
        r->tlb->notify(r->tlb->opaque, map, m);
    }
}

static void drop(Refresh *r, ZpciDmaMapping *m)
{
    ZpciDmaMapping old = *m;

    if (m->size == ZPCI_DMA_SEG_SIZE) {
        r->tlb->large--;
    }
    g_hash_table_remove(r->tlb->frames, &old.iova);
    tell(r, false, &old);
}

static gint by_iova(gconstpointer a, gconstpointer b)
{
    const ZpciDmaMapping *x = *(ZpciDmaMapping *const *)a;
    const ZpciDmaMapping *y = *(ZpciDmaMapping *const *)b;

    return x->iova < y->iova ? -1 : x->iova > y->iova;
}

/* The mappings starting in [first, last], ascending, by scanning all. */
static GPtrArray *collect_scan(ZpciIotlb *tlb, uint64_t first, uint64_t last)
{
    GPtrArray *found = g_ptr_array_new();
    GHashTableIter it;
    gpointer value;

    g_hash_table_iter_init(&it, tlb->frames);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        ZpciDmaMapping *m = value;

        if (m->iova >= first && m->iova <= last) {
            g_ptr_array_add(found, m);
        }
    }
    g_ptr_array_sort(found, by_iova);
    return found;
}

/* Drop every mapping that overlaps [first, last] (both page aligned). */
static void drop_range(Refresh *r, uint64_t first, uint64_t last)
{
    uint64_t pages = ((last - first) >> ZPCI_DMA_PAGE_SHIFT) + 1;
    ZpciDmaMapping *m;
    GPtrArray *found;

    if (zpci_iotlb_count(r->tlb) == 0) {
        return;
    }
    /* a 1 MiB frame that starts before @first still covers it */
    m = r->tlb->large ? frame_at(r->tlb, first & ~(ZPCI_DMA_SEG_SIZE - 1))
                      : NULL;
    if (m && m->iova < first && m->size == ZPCI_DMA_SEG_SIZE) {
        drop(r, m);
    }
    if (pages == 0 || pages > zpci_iotlb_count(r->tlb)) {
        found = collect_scan(r->tlb, first, last);
        for (guint i = 0; i < found->len; i++) {
            drop(r, g_ptr_array_index(found, i));
        }
        g_ptr_array_free(found, true);
        return;
    }
    for (uint64_t a = first;; a += ZPCI_DMA_PAGE_SIZE) {
        m = frame_at(r->tlb, a);
        if (m) {
            drop(r, m);
        }
        if (a == last || last - a < ZPCI_DMA_PAGE_SIZE) {
            break;
        }
    }
}

static bool same_mapping(const ZpciDmaMapping *m, const ZpciDmaXlate *x)
{
    return m->size == x->size && m->addr == x->addr &&
           m->writable == x->writable;
}

/* Make the IOTLB hold @x; false when the budget does not allow it. */
static bool install(Refresh *r, const ZpciDmaXlate *x)
{
    ZpciIotlb *tlb = r->tlb;
    ZpciDmaMapping *m = frame_at(tlb, x->iova);

    if (m && same_mapping(m, x)) {
        return true;
    }
    /* whatever covered any part of the frame before goes first */
    drop_range(r, x->iova, x->iova + x->size - ZPCI_DMA_PAGE_SIZE);
    if (zpci_iotlb_count(tlb) >= tlb->budget) {
        return false;
    }
    m = g_new(ZpciDmaMapping, 1);
    *m = (ZpciDmaMapping){ .iova = x->iova,
                           .addr = x->addr,
                           .size = x->size,
                           .writable = x->writable };
    if (m->size == ZPCI_DMA_SEG_SIZE) {
        tlb->large++;
    }
    g_hash_table_insert(tlb->frames, &m->iova, m);
    tell(r, true, m);
    return true;
}

static uint64_t block_end(uint64_t a, uint64_t span)
{
    uint64_t end = (a & ~(span - 1)) + span - 1;

    return end < a ? UINT64_MAX : end;
}

static ZpciRpcitResult fault_at(Refresh *r, ZpciDmaFault f, uint64_t iova)
{
    r->res.status = ZPCI_RPCIT_FAULT;
    r->res.fault = f;
    r->res.fault_addr = iova;
    return r->res;
}

ZpciRpcitResult zpci_iotlb_refresh(ZpciIotlb *tlb, const ZpciDmaTables *t,
                                   uint64_t start, uint64_t len)
{
    Refresh r = { .tlb = tlb };
    uint64_t last, a = start & ~(ZPCI_DMA_PAGE_SIZE - 1);

    if (len == 0) {
        return r.res;
    }
    last = len - 1 > UINT64_MAX - start ? UINT64_MAX : start + len - 1;
    if (start < t->sdma || last > t->edma) {
        return fault_at(&r, ZPCI_DMA_FAULT_OUT_OF_RANGE,
                        start < t->sdma ? start : t->edma + 1);
    }
    for (;;) {
        ZpciDmaXlate x;
        uint64_t skip, end;
        ZpciDmaFault f = zpci_dma_walk(t, a, &x, &skip);

        if (f == ZPCI_DMA_OK) {
            if (!install(&r, &x)) {
                r.res.status = ZPCI_RPCIT_NO_RESOURCES;
                return r.res;
            }
            end = x.iova + x.size - 1;
        } else if (f == ZPCI_DMA_FAULT_NO_TRANSLATION) {
            end = block_end(a, skip);
            drop_range(&r, a, MIN(end, last) & ~(ZPCI_DMA_PAGE_SIZE - 1));
        } else {
            return fault_at(&r, f, a);
        }
        if (end >= last) {
            return r.res;
        }
        a = end + 1;
    }
}

void zpci_iotlb_foreach(const ZpciIotlb *tlb, ZpciDmaNotifyFn fn, void *opaque)
{
    GPtrArray *all = collect_scan((ZpciIotlb *)tlb, 0, UINT64_MAX);

    for (guint i = 0; i < all->len; i++) {
        fn(opaque, true, g_ptr_array_index(all, i));
    }
    g_ptr_array_free(all, true);
}

void zpci_iotlb_flush(ZpciIotlb *tlb)
{
    Refresh r = { .tlb = tlb };

    if (zpci_iotlb_count(tlb)) {
        drop_range(&r, 0, UINT64_MAX & ~(ZPCI_DMA_PAGE_SIZE - 1));
    }
}
