/*
 * Unit tests of the memory API: IOMMU regions (translation, permissions,
 * notifiers).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

typedef struct TestIommu {
    IOMMUMemoryRegion iommu;
    AddressSpace *target;
    IOMMUNotifierFlag flags_seen;
    unsigned flag_changes;
} TestIommu;

/* page 1 -> 0x5000 read-write, page 2 -> 0x9000 read-only, rest unmapped */
static IOMMUTLBEntry test_translate(IOMMUMemoryRegion *iommu, hwaddr addr,
                                    IOMMUAccessFlags flag, int idx)
{
    TestIommu *t = iommu->opaque;
    IOMMUTLBEntry e = {
        .target_as = t->target,
        .iova = addr & ~0xfffULL,
        .addr_mask = 0xfff,
        .perm = IOMMU_NONE,
    };

    if (e.iova == 0x1000) {
        e.translated_addr = 0x5000;
        e.perm = IOMMU_RW;
    } else if (e.iova == 0x2000) {
        e.translated_addr = 0x9000;
        e.perm = IOMMU_RO;
    }
    return e;
}

static int test_flag_changed(IOMMUMemoryRegion *iommu, IOMMUNotifierFlag old,
                             IOMMUNotifierFlag new, Error **errp)
{
    TestIommu *t = iommu->opaque;

    t->flags_seen = new;
    t->flag_changes++;
    return 0;
}

static const IOMMUMemoryRegionOps test_iommu_ops = {
    .translate = test_translate,
    .notify_flag_changed = test_flag_changed,
};

static void test_iommu_translate(void)
{
    Fixture sys;
    MemoryRegion ram, dma_root;
    AddressSpace dma;
    TestIommu t = { 0 };
    uint8_t *host, buf[16];
    MemTxResult res;
    hwaddr xlat, len;

    fixture_init(&sys);
    ram_init(&ram, "ram", 0x10000);
    memory_region_add_subregion(&sys.root, 0, &ram);
    host = memory_region_get_ram_ptr(&ram);
    for (unsigned i = 0; i < 0x10000; i++) {
        host[i] = (uint8_t)(i >> 4);
    }
    t.target = &sys.as;
    memory_region_init(&dma_root, NULL, "dma-root", UINT64_MAX);
    memory_region_init_iommu(&t.iommu, NULL, &test_iommu_ops, &t, "iommu",
                             1 * MiB);
    memory_region_add_subregion(&dma_root, 0, &t.iommu.parent_obj);
    address_space_init(&dma, &dma_root, "dma");
    g_assert_true(memory_region_is_iommu(&t.iommu.parent_obj));

    g_assert_cmphex(read8(&dma, 0x1010, &res), ==, host[0x5010]);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stl(&dma, 0x1020, 0xfeedface, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl(&sys.as, 0x5020, A, NULL), ==,
                    0xfeedface);
    /* unmapped */
    read8(&dma, 0x3000, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    /* read-only translation: reads pass, writes fail and change nothing */
    g_assert_cmphex(read8(&dma, 0x2004, &res), ==, host[0x9004]);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stb(&dma, 0x2004, 0, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmphex(host[0x9004], ==, (uint8_t)(0x9004 >> 4));
    g_assert_false(address_space_access_valid(&dma, 0x2000, 4, true, A));
    g_assert_true(address_space_access_valid(&dma, 0x2000, 4, false, A));
    /* a buffer crossing from page 1 to page 2 follows both translations */
    g_assert_cmpuint(address_space_read(&dma, 0x1ff8, A, buf, 16), ==,
                     MEMTX_OK);
    g_assert_cmphex(buf[7], ==, host[0x5fff]);
    g_assert_cmphex(buf[8], ==, host[0x9000]);
    /* translate reports the RAM behind the IOMMU, clamped to the page */
    len = 0x2000;
    g_assert_true(
        address_space_translate(&dma, 0x1100, &xlat, &len, false, A) == &ram);
    g_assert_cmphex(xlat, ==, 0x5100);
    g_assert_cmphex(len, ==, 0xf00);
    len = 0x100;
    g_assert_true(address_space_map(&dma, 0x1100, &len, true, A) ==
                  host + 0x5100);
    len = 4;
    g_assert_null(address_space_translate(&dma, 0x3000, &xlat, &len, false, A));
    address_space_destroy(&dma);
    memory_region_finalize(&dma_root);
    memory_region_finalize(&t.iommu.parent_obj);
    fixture_fini(&sys);
    memory_region_finalize(&ram);
}

typedef struct TestNotifier {
    IOMMUNotifier n;
    unsigned maps, unmaps;
    IOMMUTLBEntry last;
} TestNotifier;

static void test_notify(IOMMUNotifier *n, IOMMUTLBEntry *e)
{
    TestNotifier *tn = container_of(n, TestNotifier, n);

    if (e->perm == IOMMU_NONE) {
        tn->unmaps++;
    } else {
        tn->maps++;
    }
    tn->last = *e;
}

static void test_iommu_notifiers(void)
{
    TestIommu t = { 0 };
    TestNotifier all = { 0 }, maps_only = { 0 }, far = { 0 };
    MemoryRegion ram;
    IOMMUTLBEvent ev = {
        .type = IOMMU_NOTIFIER_MAP,
        .entry = { .iova = 0x1000,
                   .translated_addr = 0x5000,
                   .addr_mask = 0xfff,
                   .perm = IOMMU_RW },
    };
    Error *err = NULL;

    memory_region_init_iommu(&t.iommu, NULL, &test_iommu_ops, &t, "iommu",
                             1 * MiB);
    iommu_notifier_init(&all.n, test_notify, IOMMU_NOTIFIER_IOTLB_EVENTS, 0,
                        0xffff, 0);
    iommu_notifier_init(&maps_only.n, test_notify, IOMMU_NOTIFIER_MAP, 0,
                        HWADDR_MAX, 0);
    iommu_notifier_init(&far.n, test_notify, IOMMU_NOTIFIER_IOTLB_EVENTS,
                        0x100000, 0x1fffff, 0);
    g_assert_cmpint(memory_region_register_iommu_notifier(&t.iommu.parent_obj,
                                                          &all.n, &error_abort),
                    ==, 0);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_IOTLB_EVENTS);
    g_assert_cmpint(memory_region_register_iommu_notifier(&t.iommu.parent_obj,
                                                          &maps_only.n,
                                                          &error_abort),
                    ==, 0);
    g_assert_cmpint(memory_region_register_iommu_notifier(&t.iommu.parent_obj,
                                                          &far.n, &error_abort),
                    ==, 0);
    g_assert_cmpuint(t.flag_changes, ==, 1);

    memory_region_notify_iommu(&t.iommu, 0, ev);
    g_assert_cmpuint(all.maps, ==, 1);
    g_assert_cmpuint(maps_only.maps, ==, 1);
    g_assert_cmpuint(far.maps, ==, 0);
    g_assert_cmphex(all.last.translated_addr, ==, 0x5000);

    ev.type = IOMMU_NOTIFIER_UNMAP;
    ev.entry.perm = IOMMU_NONE;
    memory_region_notify_iommu(&t.iommu, 0, ev);
    g_assert_cmpuint(all.unmaps, ==, 1);
    g_assert_cmpuint(maps_only.unmaps, ==, 0);
    g_assert_cmpuint(far.unmaps, ==, 0);
    /* another index reaches nobody */
    memory_region_notify_iommu(&t.iommu, 1, ev);
    g_assert_cmpuint(all.unmaps, ==, 1);

    /* replay by translating: page 1 and 2 are mapped */
    all.maps = 0;
    memory_region_iommu_replay(&t.iommu, &all.n);
    g_assert_cmpuint(all.maps, ==, 2);

    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &all.n);
    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &far.n);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_MAP);
    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &maps_only.n);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_NONE);

    /* only IOMMU regions take notifiers */
    ram_init(&ram, "ram", 0x1000);
    g_assert_cmpint(memory_region_register_iommu_notifier(&ram, &all.n, &err),
                    <, 0);
    g_assert_nonnull(err);
    error_free(err);
    memory_region_finalize(&ram);
    memory_region_finalize(&t.iommu.parent_obj);
}

static IOMMUTLBEntry loop_translate(IOMMUMemoryRegion *iommu, hwaddr addr,
                                    IOMMUAccessFlags flag, int idx)
{
    return (IOMMUTLBEntry){
        .target_as = iommu->opaque,
        .iova = addr & ~0xfffULL,
        .translated_addr = addr & ~0xfffULL,
        .addr_mask = 0xfff,
        .perm = IOMMU_RW,
    };
}

static const IOMMUMemoryRegionOps loop_iommu_ops = {
    .translate = loop_translate,
};

/* An IOMMU that translates into its own address space: an error, no hang. */
static void test_iommu_loop(void)
{
    IOMMUMemoryRegion iommu;
    MemoryRegion root;
    AddressSpace as;
    MemTxResult res;
    uint8_t buf[0x2000];

    memory_region_init(&root, NULL, "loop-root", UINT64_MAX);
    address_space_init(&as, &root, "loop");
    memory_region_init_iommu(&iommu, NULL, &loop_iommu_ops, &as, "loop",
                             1 * MiB);
    memory_region_add_subregion(&root, 0, &iommu.parent_obj);
    address_space_ldl(&as, 0x1000, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(address_space_read(&as, 0x800, A, buf, sizeof(buf)), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_false(address_space_access_valid(&as, 0, 1, false, A));
    address_space_destroy(&as);
    memory_region_finalize(&root);
    memory_region_finalize(&iommu.parent_obj);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/iommu/translate", test_iommu_translate);
    g_test_add_func("/memory/iommu/notifiers", test_iommu_notifiers);
    g_test_add_func("/memory/iommu/loop", test_iommu_loop);
    return g_test_run();
}
