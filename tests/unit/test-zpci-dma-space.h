/*
 * Shared fixture of the zPCI DMA address-space tests: a ZpciDmaSpace over
 * the RAM fixture, with an IOMMU notifier that records every event and a
 * fault handler that counts faults.
 */
#ifndef TEST_ZPCI_DMA_SPACE_H
#define TEST_ZPCI_DMA_SPACE_H

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "test-zpci-dma-fixture.h"

#define IOVA (SDMA + 0x5000)

typedef struct Event {
    bool map;
    uint64_t iova, addr, mask;
    IOMMUAccessFlags perm;
} Event;

typedef struct Recorder {
    IOMMUNotifier n;
    GArray *events;
} Recorder;

typedef struct Space {
    DmaFixture f;
    ZpciDmaSpace *s;
    ZpciDmaConfig cfg;
    Recorder rec;
    unsigned faults;
    ZpciDmaFault last_fault;
    uint64_t last_fault_iova;
} Space;

static inline void record(IOMMUNotifier *n, IOMMUTLBEntry *e)
{
    Recorder *r = container_of(n, Recorder, n);
    Event ev = { e->perm != IOMMU_NONE, e->iova, e->translated_addr,
                 e->addr_mask, e->perm };

    g_array_append_val(r->events, ev);
}

static inline void on_fault(void *opaque, ZpciDmaFault fault, uint64_t iova,
                            bool is_write)
{
    Space *sp = opaque;

    sp->faults++;
    sp->last_fault = fault;
    sp->last_fault_iova = iova;
}

static inline void space_init(Space *sp, uint32_t budget)
{
    memset(sp, 0, sizeof(*sp));
    dma_fixture_init(&sp->f);
    sp->s = zpci_dma_space_new("iommu-test", &sp->f.sys.as);
    zpci_dma_space_set_fault_handler(sp->s, on_fault, sp);
    sp->cfg = (ZpciDmaConfig){ .sdma = SDMA,
                               .edma = EDMA,
                               .dtsm = ZPCI_DTSM_ALL,
                               .large_pages = true,
                               .budget = budget };
    sp->rec.events = g_array_new(false, false, sizeof(Event));
    iommu_notifier_init(&sp->rec.n, record, IOMMU_NOTIFIER_IOTLB_EVENTS, 0,
                        HWADDR_MAX, 0);
    g_assert_cmpint(memory_region_register_iommu_notifier(zpci_dma_space_iommu(
                                                              sp->s),
                                                          &sp->rec.n,
                                                          &error_abort),
                    ==, 0);
    g_assert_cmpint(zpci_dma_space_register(sp->s, &sp->cfg,
                                            RT_TABLE | ZPCI_IOTA_DT(1)),
                    ==, ZPCI_DMA_OK);
    build_path(&sp->f, ZPCI_DMA_LEVEL_REGION3, IOVA);
    /* as Linux does: every page of the page table starts invalid */
    for (unsigned i = 0; i < 256; i++) {
        put_entry(&sp->f, PAGE_TABLE, i, ZPCI_PTE_INVALID);
    }
}

static inline void space_fini(Space *sp)
{
    memory_region_unregister_iommu_notifier(zpci_dma_space_iommu(sp->s),
                                            &sp->rec.n);
    zpci_dma_space_free(sp->s);
    g_array_free(sp->rec.events, true);
    dma_fixture_fini(&sp->f);
}

/* Check the events since the last check, then forget them. */
static inline void expect(Space *sp, const Event *want, unsigned n)
{
    GArray *got = sp->rec.events;

    g_assert_cmpuint(got->len, ==, n);
    for (unsigned i = 0; i < n; i++) {
        const Event *e = &g_array_index(got, Event, i);

        g_assert_cmpint(e->map, ==, want[i].map);
        g_assert_cmphex(e->iova, ==, want[i].iova);
        g_assert_cmphex(e->mask, ==, want[i].mask);
        if (e->map) {
            g_assert_cmphex(e->addr, ==, want[i].addr);
            g_assert_cmpint(e->perm, ==, want[i].perm);
        }
    }
    g_array_set_size(got, 0);
}

static inline ZpciRpcitResult rpcit(Space *sp, uint64_t start, uint64_t len)
{
    return zpci_dma_space_rpcit(sp->s, start, len);
}

#endif
