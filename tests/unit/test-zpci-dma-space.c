/*
 * Unit tests of a zPCI function's DMA address space as a device sees it:
 * accesses through the IOMMU region (only what RPCIT loaded), faults and
 * the fault handler, protection, deregistration, replay, the designation
 * check, relaxed translation, the DMA owner that may refuse a mapping.
 */
#include "qemu/osdep.h"
#include "test-zpci-dma-space.h"

static void test_device_dma(void)
{
    Space sp;
    AddressSpace *as;
    MemTxResult res;

    space_init(&sp, 0);
    as = zpci_dma_space_as(sp.s);
    put_pte(&sp.f, IOVA, 0x20000);
    put_pte(&sp.f, IOVA + 0x1000, 0x21000 | ZPCI_PTE_PROTECTED);
    /* valid in the tables, but not loaded by RPCIT: a fault */
    address_space_stl_be(as, IOVA + 8, 0xcafe, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpuint(sp.faults, ==, 1);
    g_assert_cmpint(sp.last_fault, ==, ZPCI_DMA_FAULT_NO_TRANSLATION);
    g_assert_cmphex(sp.last_fault_iova, ==, IOVA + 8);
    g_assert_cmphex(ldl_be_p(sp.f.host + 0x20008), ==, 0);

    rpcit(&sp, IOVA, 0x2000);
    address_space_stl_be(as, IOVA + 8, 0xcafe, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(ldl_be_p(sp.f.host + 0x20008), ==, 0xcafe);
    /* protected: reads pass, writes fault and change nothing */
    stl_be_p(sp.f.host + 0x21010, 0x5a5a);
    g_assert_cmphex(address_space_ldl_be(as, IOVA + 0x1010, A, &res), ==,
                    0x5a5a);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stl_be(as, IOVA + 0x1010, 1, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpint(sp.last_fault, ==, ZPCI_DMA_FAULT_PROTECTION);
    g_assert_cmphex(ldl_be_p(sp.f.host + 0x21010), ==, 0x5a5a);
    /* outside the aperture */
    address_space_ldl_be(as, SDMA - 4, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpint(sp.last_fault, ==, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    g_assert_cmpuint(sp.faults, ==, 3);

    /* a probe without access (IOMMU_NONE, as replay uses) is no fault */
    {
        IOMMUMemoryRegion *mr = memory_region_get_iommu(
            zpci_dma_space_iommu(sp.s));
        IOMMUTLBEntry e = mr->iommu_ops->translate(mr, IOVA + 0x5000,
                                                   IOMMU_NONE, 0);

        g_assert_cmpint(e.perm, ==, IOMMU_NONE);
        e = mr->iommu_ops->translate(mr, IOVA + 0x1234, IOMMU_NONE, 0);
        g_assert_cmpint(e.perm, ==, IOMMU_RO);
        g_assert_cmphex(e.translated_addr, ==, 0x21000);
        g_assert_cmphex(e.iova, ==, IOVA + 0x1000);
        g_assert_cmpuint(sp.faults, ==, 3);
    }

    /* deregistration unmaps everything, in order; then DMA just fails */
    g_array_set_size(sp.rec.events, 0);
    zpci_dma_space_deregister(sp.s);
    expect(&sp,
           (Event[]){
               { false, IOVA, 0, 0xfff, IOMMU_NONE },
               { false, IOVA + 0x1000, 0, 0xfff, IOMMU_NONE },
           },
           2);
    address_space_ldl_be(as, IOVA, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpuint(sp.faults, ==, 3);
    space_fini(&sp);
}

static void test_replay_and_designation(void)
{
    Space sp;
    Recorder late = { 0 };
    ZpciDmaConfig rt_only;

    space_init(&sp, 0);
    put_pte(&sp.f, IOVA, 0x20000);
    put_pte(&sp.f, IOVA + 0x1000, 0x21000);
    rpcit(&sp, IOVA, 0x2000);
    late.events = g_array_new(false, false, sizeof(Event));
    iommu_notifier_init(&late.n, record, IOMMU_NOTIFIER_MAP, 0, HWADDR_MAX, 0);
    memory_region_iommu_replay(memory_region_get_iommu(
                                   zpci_dma_space_iommu(sp.s)),
                               &late.n);
    g_assert_cmpuint(late.events->len, ==, 2);
    g_assert_cmphex(g_array_index(late.events, Event, 1).iova, ==,
                    IOVA + 0x1000);
    g_array_free(late.events, true);

    /* a designation type the group does not advertise is refused */
    rt_only = sp.cfg;
    rt_only.dtsm = ZPCI_DTSM_BIT(ZPCI_DMA_LEVEL_REGION3);
    g_assert_cmpint(zpci_dma_space_register(sp.s, &rt_only,
                                            RS_TABLE | ZPCI_IOTA_DT(2)),
                    ==, ZPCI_DMA_FAULT_DESIGNATION);
    g_assert_true(zpci_dma_space_registered(sp.s));
    space_fini(&sp);
}

static void test_relaxed(void)
{
    Space sp;
    AddressSpace *as;
    MemTxResult res;
    ZpciDmaConfig cfg;

    space_init(&sp, 0);
    as = zpci_dma_space_as(sp.s);
    cfg = sp.cfg;
    cfg.edma = SDMA + RAM_SIZE - 1;
    zpci_dma_space_set_relaxed(sp.s, &cfg, true);
    g_assert_false(zpci_dma_space_registered(sp.s));
    stl_be_p(sp.f.host + 0x123450, 0xabcdef01);
    g_assert_cmphex(address_space_ldl_be(as, SDMA + 0x123450, A, &res), ==,
                    0xabcdef01);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stl_be(as, SDMA, 0x77, A, &res);
    g_assert_cmphex(ldl_be_p(sp.f.host), ==, 0x77);
    /* the aperture still holds */
    address_space_ldl_be(as, SDMA + RAM_SIZE, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpint(sp.last_fault, ==, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    address_space_ldl_be(as, SDMA - 4, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    /* RPCIT has nothing to do */
    g_assert_cmpint(rpcit(&sp, SDMA, 0x1000).status, ==, ZPCI_RPCIT_OK);
    zpci_dma_space_set_relaxed(sp.s, &cfg, false);
    address_space_ldl_be(as, SDMA + 0x123450, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    space_fini(&sp);
}

static void check_event(GArray *ev, unsigned i, bool map, uint64_t iova,
                        uint64_t addr, uint64_t size)
{
    Event *e = &g_array_index(ev, Event, i);

    g_assert_cmpint(e->map, ==, map);
    g_assert_cmphex(e->iova, ==, iova);
    g_assert_cmphex(e->mask, ==, size - 1);
    if (map) {
        g_assert_cmphex(e->addr, ==, addr);
        g_assert_cmpint(e->perm, ==, IOMMU_RW);
    }
}

/*
 * Relaxed on: the notifiers are told of the whole alias (after the
 * translation it replaces is unmapped), in aligned power-of-two blocks;
 * a late notifier gets it by replay; off and deregistration unmap it.
 */
static void test_relaxed_notifiers(void)
{
    Space sp;
    Recorder late = { 0 };
    ZpciDmaConfig cfg;
    GArray *ev;

    space_init(&sp, 0);
    ev = sp.rec.events;
    put_pte(&sp.f, IOVA, 0x20000);
    rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpuint(ev->len, ==, 1);
    g_array_set_size(ev, 0);

    cfg = sp.cfg;
    cfg.guest_size = 0x301000; /* 3 MiB + 4 KiB of guest memory */
    zpci_dma_space_set_relaxed(sp.s, &cfg, true);
    g_assert_true(zpci_dma_space_relaxed(sp.s));
    g_assert_cmpuint(ev->len, ==, 4);
    check_event(ev, 0, false, IOVA, 0, 0x1000);
    check_event(ev, 1, true, SDMA, 0, 0x200000);
    check_event(ev, 2, true, SDMA + 0x200000, 0x200000, 0x100000);
    check_event(ev, 3, true, SDMA + 0x300000, 0x300000, 0x1000);

    late.events = g_array_new(false, false, sizeof(Event));
    iommu_notifier_init(&late.n, record, IOMMU_NOTIFIER_MAP, 0, HWADDR_MAX, 0);
    memory_region_iommu_replay(memory_region_get_iommu(
                                   zpci_dma_space_iommu(sp.s)),
                               &late.n);
    g_assert_cmpuint(late.events->len, ==, 3);
    check_event(late.events, 2, true, SDMA + 0x300000, 0x300000, 0x1000);
    g_array_free(late.events, true);

    g_array_set_size(ev, 0);
    zpci_dma_space_set_relaxed(sp.s, &cfg, false);
    g_assert_false(zpci_dma_space_relaxed(sp.s));
    g_assert_cmpuint(ev->len, ==, 3);
    check_event(ev, 0, false, SDMA, 0, 0x200000);
    check_event(ev, 2, false, SDMA + 0x300000, 0, 0x1000);

    /* on again, then deregistration (disable, reset) unmaps it as well */
    zpci_dma_space_set_relaxed(sp.s, &cfg, true);
    g_array_set_size(ev, 0);
    zpci_dma_space_deregister(sp.s);
    g_assert_false(zpci_dma_space_relaxed(sp.s));
    g_assert_cmpuint(ev->len, ==, 3);
    check_event(ev, 1, false, SDMA + 0x200000, 0, 0x100000);
    space_fini(&sp);
}

/* A DMA owner that refuses the map of one I/O address, logging the rest */
typedef struct Owner {
    Space *sp;
    uint64_t refuse; /* 0: none */
    GArray *events;
    unsigned notified_first; /* maps it saw before the notifier did */
} Owner;

static bool owner_fn(void *opaque, const IOMMUTLBEntry *e)
{
    Owner *o = opaque;
    Event ev = { e->perm != IOMMU_NONE, e->iova, e->translated_addr,
                 e->addr_mask, e->perm };
    unsigned seen = o->sp->rec.events->len;

    if (ev.map && e->iova == o->refuse) {
        return false;
    }
    if (ev.map &&
        (!seen ||
         g_array_index(o->sp->rec.events, Event, seen - 1).iova != e->iova)) {
        o->notified_first++;
    }
    g_array_append_val(o->events, ev);
    return true;
}

/*
 * The owner hears of a map first and may refuse it: the frame is then
 * neither held nor told to the notifiers, RPCIT says no resources, a DMA
 * there faults, and a later RPCIT the owner accepts maps it.  Unmaps
 * reach the owner after the notifiers; a new owner starts empty.
 */
static void test_owner(void)
{
    Space sp;
    Owner o = { .events = g_array_new(false, false, sizeof(Event)) };
    ZpciRpcitResult r;
    MemTxResult res;

    space_init(&sp, 0);
    o.sp = &sp;
    o.refuse = IOVA + 0x1000;
    zpci_dma_space_set_owner(sp.s, owner_fn, &o);
    /* a new owner drops the registration: register again */
    g_assert_false(zpci_dma_space_registered(sp.s));
    g_assert_cmpint(zpci_dma_space_register(sp.s, &sp.cfg,
                                            RT_TABLE | ZPCI_IOTA_DT(1)),
                    ==, ZPCI_DMA_OK);
    put_pte(&sp.f, IOVA, 0x20000);
    put_pte(&sp.f, IOVA + 0x1000, 0x21000);
    r = rpcit(&sp, IOVA, 0x2000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_NO_RESOURCES);
    g_assert_cmpuint(r.mapped, ==, 1);
    g_assert_cmpuint(r.refused, ==, 1);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 1);
    expect(&sp, (Event[]){ { true, IOVA, 0x20000, 0xfff, IOMMU_RW } }, 1);
    g_assert_cmpuint(o.events->len, ==, 1);
    g_assert_cmpuint(o.notified_first, ==, 1);
    address_space_ldl_be(zpci_dma_space_as(sp.s), IOVA + 0x1000, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmpint(sp.last_fault, ==, ZPCI_DMA_FAULT_NO_TRANSLATION);

    o.refuse = 0;
    r = rpcit(&sp, IOVA, 0x2000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    g_assert_cmpuint(r.mapped, ==, 1); /* page 0 was held already */
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 2);
    expect(&sp, (Event[]){ { true, IOVA + 0x1000, 0x21000, 0xfff, IOMMU_RW } },
           1);

    /* replacing a mapping the owner refuses: the old one is gone too */
    o.refuse = IOVA;
    put_pte(&sp.f, IOVA, 0x30000);
    r = rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_NO_RESOURCES);
    g_assert_cmpuint(r.unmapped, ==, 1);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 1);
    expect(&sp, (Event[]){ { false, IOVA, 0, 0xfff, IOMMU_NONE } }, 1);

    /* no owner any more: it hears the unmaps of what is left */
    g_array_set_size(o.events, 0);
    zpci_dma_space_set_owner(sp.s, NULL, NULL);
    g_assert_cmpuint(o.events->len, ==, 1);
    g_assert_false(g_array_index(o.events, Event, 0).map);
    g_assert_cmphex(g_array_index(o.events, Event, 0).iova, ==, IOVA + 0x1000);
    g_array_free(o.events, true);
    space_fini(&sp);
}

/*
 * Relaxed translation the owner refuses part of: the blocks it took are
 * unmapped again, and the space is left without a translation.
 */
static void test_relaxed_owner(void)
{
    Space sp;
    Owner o = { .events = g_array_new(false, false, sizeof(Event)) };
    ZpciDmaConfig cfg;
    GArray *ev;

    space_init(&sp, 0);
    o.sp = &sp;
    o.refuse = SDMA + 0x200000;
    zpci_dma_space_set_owner(sp.s, owner_fn, &o);
    ev = sp.rec.events;
    cfg = sp.cfg;
    cfg.guest_size = 0x301000;
    g_assert_false(zpci_dma_space_set_relaxed(sp.s, &cfg, true));
    g_assert_false(zpci_dma_space_relaxed(sp.s));
    g_assert_false(zpci_dma_space_registered(sp.s));
    g_assert_cmpuint(ev->len, ==, 2);
    check_event(ev, 0, true, SDMA, 0, 0x200000);
    check_event(ev, 1, false, SDMA, 0, 0x200000);
    g_assert_cmpuint(o.events->len, ==, 2); /* map, then its unmap */

    o.refuse = 0;
    g_array_set_size(ev, 0);
    g_assert_true(zpci_dma_space_set_relaxed(sp.s, &cfg, true));
    g_assert_true(zpci_dma_space_relaxed(sp.s));
    g_assert_cmpuint(ev->len, ==, 3);
    space_fini(&sp); /* the owner hears the unmaps */
    g_assert_cmpuint(o.events->len, ==, 2 + 3 + 3);
    g_array_free(o.events, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-dma/space/device-dma", test_device_dma);
    g_test_add_func("/zpci-dma/space/replay-designation",
                    test_replay_and_designation);
    g_test_add_func("/zpci-dma/space/relaxed", test_relaxed);
    g_test_add_func("/zpci-dma/space/owner", test_owner);
    g_test_add_func("/zpci-dma/space/relaxed-owner", test_relaxed_owner);
    g_test_add_func("/zpci-dma/space/relaxed-notifiers",
                    test_relaxed_notifiers);
    return g_test_run();
}
