/*
 * zPCI DMA: the IOTLB of one function.  RPCIT re-walks the guest's tables
 * over a range and reconciles what it finds with what the IOTLB holds,
 * telling a notifier about every mapping that appears, disappears or
 * changes.  See docs/devel/zpci-dma.rst.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-dma.h"

struct ZpciIotlb {
    GHashTable *frames; /* frame iova -> Frame (4 KiB or 1 MiB) */
    GSequence *order;   /* the same Frames, ascending iova */
    uint64_t large;     /* how many of them are 1 MiB */
    uint32_t budget;    /* most mappings held at once */
    ZpciDmaNotifyFn notify;
    void *opaque;
};

/* One mapping; the hash key is m.iova, the sequence position is pos. */
typedef struct Frame {
    ZpciDmaMapping m;
    GSequenceIter *pos;
} Frame;

/* What one refresh did so far. */
typedef struct Refresh {
    ZpciIotlb *tlb;
    ZpciRpcitResult res;
} Refresh;

ZpciIotlb *zpci_iotlb_new(ZpciDmaNotifyFn notify, void *opaque, uint32_t budget)
{
    ZpciIotlb *tlb = g_new0(ZpciIotlb, 1);

    tlb->frames = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
                                        g_free);
    tlb->order = g_sequence_new(NULL);
    tlb->budget = budget ? budget : ZPCI_DMA_BUDGET_DEFAULT;
    tlb->notify = notify;
    tlb->opaque = opaque;
    return tlb;
}

void zpci_iotlb_free(ZpciIotlb *tlb)
{
    if (tlb) {
        g_sequence_free(tlb->order);
        g_hash_table_destroy(tlb->frames);
        g_free(tlb);
    }
}

uint64_t zpci_iotlb_count(const ZpciIotlb *tlb)
{
    return g_hash_table_size(tlb->frames);
}

static Frame *frame_at(const ZpciIotlb *tlb, uint64_t iova)
{
    return g_hash_table_lookup(tlb->frames, &iova);
}

bool zpci_iotlb_lookup(const ZpciIotlb *tlb, uint64_t iova, ZpciDmaMapping *out)
{
    Frame *f = frame_at(tlb, iova & ~(ZPCI_DMA_PAGE_SIZE - 1));

    if (!f && tlb->large) {
        f = frame_at(tlb, iova & ~(ZPCI_DMA_SEG_SIZE - 1));
        f = f && f->m.size == ZPCI_DMA_SEG_SIZE ? f : NULL;
    }
    if (f) {
        *out = f->m;
    }
    return f != NULL;
}

/* Tell the notifier; false when it refused a MAP (nothing counted). */
static bool tell(Refresh *r, bool map, const ZpciDmaMapping *m)
{
    bool ok = !r->tlb->notify || r->tlb->notify(r->tlb->opaque, map, m);

    if (!map) {
        r->res.unmapped++;
    } else if (ok) {
        r->res.mapped++;
    } else {
        r->res.refused++;
    }
    return ok || !map;
}

static void drop(Refresh *r, Frame *f)
{
    ZpciDmaMapping old = f->m;

    if (old.size == ZPCI_DMA_SEG_SIZE) {
        r->tlb->large--;
    }
    g_sequence_remove(f->pos);
    g_hash_table_remove(r->tlb->frames, &old.iova); /* frees f */
    tell(r, false, &old);
}

static gint frame_cmp(gconstpointer a, gconstpointer b, gpointer unused)
{
    uint64_t x = ((const Frame *)a)->m.iova, y = ((const Frame *)b)->m.iova;

    return x < y ? -1 : x > y;
}

/* The first frame at or above @iova (maybe the end of the sequence). */
static GSequenceIter *first_from(ZpciIotlb *tlb, uint64_t iova)
{
    Frame probe = { .m.iova = iova };
    GSequenceIter *it = g_sequence_lookup(tlb->order, &probe, frame_cmp, NULL);

    return it ? it : g_sequence_search(tlb->order, &probe, frame_cmp, NULL);
}

/* Drop every mapping that overlaps [first, last] (both page aligned). */
static void drop_range(Refresh *r, uint64_t first, uint64_t last)
{
    GSequenceIter *it;
    Frame *f;

    if (zpci_iotlb_count(r->tlb) == 0) {
        return;
    }
    /* a 1 MiB frame that starts before @first still covers it */
    f = r->tlb->large ? frame_at(r->tlb, first & ~(ZPCI_DMA_SEG_SIZE - 1))
                      : NULL;
    if (f && f->m.iova < first && f->m.size == ZPCI_DMA_SEG_SIZE) {
        drop(r, f);
    }
    if (first == last) { /* one page: no need for the ordered search */
        f = frame_at(r->tlb, first);
        if (f) {
            drop(r, f);
        }
        return;
    }
    it = first_from(r->tlb, first);
    while (!g_sequence_iter_is_end(it)) {
        GSequenceIter *next = g_sequence_iter_next(it);

        f = g_sequence_get(it);
        if (f->m.iova > last) {
            break;
        }
        drop(r, f);
        it = next;
    }
}

static bool same_mapping(const ZpciDmaMapping *m, const ZpciDmaXlate *x)
{
    return m->size == x->size && m->addr == x->addr &&
           m->writable == x->writable;
}

/*
 * Make the IOTLB hold @x; false when the budget does not allow it or the
 * notifier refused it (the frame is then left unmapped: what covered it
 * before is gone, and nothing new is held).
 */
static bool install(Refresh *r, const ZpciDmaXlate *x)
{
    ZpciIotlb *tlb = r->tlb;
    Frame *f = frame_at(tlb, x->iova);
    GSequenceIter *tail;
    ZpciDmaMapping m = { .iova = x->iova,
                         .addr = x->addr,
                         .size = x->size,
                         .writable = x->writable };

    if (f && same_mapping(&f->m, x)) {
        return true;
    }
    /* whatever covered any part of the frame before goes first */
    drop_range(r, x->iova, x->iova + x->size - ZPCI_DMA_PAGE_SIZE);
    if (zpci_iotlb_count(tlb) >= tlb->budget || !tell(r, true, &m)) {
        return false;
    }
    f = g_new(Frame, 1);
    f->m = m;
    if (f->m.size == ZPCI_DMA_SEG_SIZE) {
        tlb->large++;
    }
    /* RPCIT walks upward: most new frames go at the end */
    tail = g_sequence_iter_prev(g_sequence_get_end_iter(tlb->order));
    if (g_sequence_iter_is_end(tail) ||
        ((Frame *)g_sequence_get(tail))->m.iova < f->m.iova) {
        f->pos = g_sequence_append(tlb->order, f);
    } else {
        f->pos = g_sequence_insert_sorted(tlb->order, f, frame_cmp, NULL);
    }
    g_hash_table_insert(tlb->frames, &f->m.iova, f);
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
    uint64_t walks, last, a = start & ~(ZPCI_DMA_PAGE_SIZE - 1);

    if (len == 0) {
        return r.res;
    }
    last = len - 1 > UINT64_MAX - start ? UINT64_MAX : start + len - 1;
    if (start < t->sdma || last > t->edma) {
        return fault_at(&r, ZPCI_DMA_FAULT_OUT_OF_RANGE,
                        start < t->sdma ? start : t->edma + 1);
    }
    walks = t->max_walks ? t->max_walks : ZPCI_RPCIT_MAX_WALKS_DEFAULT;
    for (;; walks--) {
        ZpciDmaXlate x;
        uint64_t skip, end;
        ZpciDmaFault f;

        if (walks == 0) {
            r.res.status = ZPCI_RPCIT_NO_RESOURCES;
            return r.res;
        }
        f = zpci_dma_walk(t, a, &x, &skip);

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
    GSequenceIter *it = g_sequence_get_begin_iter(tlb->order);

    for (; !g_sequence_iter_is_end(it); it = g_sequence_iter_next(it)) {
        fn(opaque, true, &((Frame *)g_sequence_get(it))->m);
    }
}

void zpci_iotlb_flush(ZpciIotlb *tlb)
{
    Refresh r = { .tlb = tlb };

    if (zpci_iotlb_count(tlb)) {
        drop_range(&r, 0, UINT64_MAX & ~(ZPCI_DMA_PAGE_SIZE - 1));
    }
}
