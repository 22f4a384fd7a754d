/*
 * Unit tests of RPCIT on a zPCI function's DMA address space: loading the
 * IOTLB and the exact map/unmap notifications it sends, large frames, the
 * DMA budget and walk limit, and RPCIT faults.
 */
#include "qemu/osdep.h"
#include "test-zpci-dma-space.h"

static void test_rpcit_sequence(void)
{
    Space sp;
    ZpciRpcitResult r;

    space_init(&sp, 0);
    put_pte(&sp.f, IOVA, 0x20000);
    put_pte(&sp.f, IOVA + 0x1000, 0x21000 | ZPCI_PTE_PROTECTED);
    put_pte(&sp.f, IOVA + 0x2000, 0x22000);
    put_pte(&sp.f, IOVA + 0x3000, ZPCI_PTE_INVALID);
    r = rpcit(&sp, IOVA, 0x4000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    g_assert_cmpuint(r.mapped, ==, 3);
    expect(&sp,
           (Event[]){
               { true, IOVA, 0x20000, 0xfff, IOMMU_RW },
               { true, IOVA + 0x1000, 0x21000, 0xfff, IOMMU_RO },
               { true, IOVA + 0x2000, 0x22000, 0xfff, IOMMU_RW },
           },
           3);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 3);

    /* nothing changed: nothing to say */
    r = rpcit(&sp, IOVA, 0x4000);
    g_assert_cmpuint(r.mapped + r.unmapped, ==, 0);
    expect(&sp, NULL, 0);

    /* one moves, one loses protection, one goes, one appears */
    put_pte(&sp.f, IOVA, 0x30000);
    put_pte(&sp.f, IOVA + 0x1000, 0x21000);
    put_pte(&sp.f, IOVA + 0x2000, ZPCI_PTE_INVALID);
    put_pte(&sp.f, IOVA + 0x3000, 0x33000);
    r = rpcit(&sp, IOVA + 0x800, 0x3000); /* unaligned: whole pages count */
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    expect(&sp,
           (Event[]){
               { false, IOVA, 0, 0xfff, IOMMU_NONE },
               { true, IOVA, 0x30000, 0xfff, IOMMU_RW },
               { false, IOVA + 0x1000, 0, 0xfff, IOMMU_NONE },
               { true, IOVA + 0x1000, 0x21000, 0xfff, IOMMU_RW },
               { false, IOVA + 0x2000, 0, 0xfff, IOMMU_NONE },
               { true, IOVA + 0x3000, 0x33000, 0xfff, IOMMU_RW },
           },
           6);

    /* an invalid region-third entry unmaps everything below it */
    put_entry(&sp.f, RT_TABLE, idx_of(IOVA, 31), ZPCI_TE_INVALID);
    r = rpcit(&sp, SDMA, 1 * GiB);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    g_assert_cmpuint(r.unmapped, ==, 3);
    expect(&sp,
           (Event[]){
               { false, IOVA, 0, 0xfff, IOMMU_NONE },
               { false, IOVA + 0x1000, 0, 0xfff, IOMMU_NONE },
               { false, IOVA + 0x3000, 0, 0xfff, IOMMU_NONE },
           },
           3);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 0);
    space_fini(&sp);
}

static void test_rpcit_large_segments(void)
{
    Space sp;
    uint64_t seg = IOVA & ~(ZPCI_DMA_SEG_SIZE - 1);

    space_init(&sp, 0);
    put_pte(&sp.f, IOVA, 0x20000);
    rpcit(&sp, IOVA, 0x1000);
    expect(&sp, (Event[]){ { true, IOVA, 0x20000, 0xfff, IOMMU_RW } }, 1);
    /* the segment becomes one 1 MiB frame */
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), 0x400000 | ZPCI_STE_FC);
    g_assert_cmpint(rpcit(&sp, IOVA, 0x1000).status, ==, ZPCI_RPCIT_OK);
    expect(&sp,
           (Event[]){
               { false, IOVA, 0, 0xfff, IOMMU_NONE },
               { true, seg, 0x400000, 0xfffff, IOMMU_RW },
           },
           2);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 1);
    /* a DMA anywhere in it lands in the frame */
    address_space_stl_be(zpci_dma_space_as(sp.s), seg + 0xabcd0, 0x11223344, A,
                         NULL);
    g_assert_cmphex(ldl_be_p(sp.f.host + 0x4abcd0), ==, 0x11223344);
    /* and back to a page table */
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), PAGE_TABLE);
    rpcit(&sp, seg, ZPCI_DMA_SEG_SIZE);
    expect(&sp,
           (Event[]){
               { false, seg, 0, 0xfffff, IOMMU_NONE },
               { true, IOVA, 0x20000, 0xfff, IOMMU_RW },
           },
           2);
    /* a refresh of one invalid page inside a large frame ends the frame */
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), 0x400000 | ZPCI_STE_FC);
    rpcit(&sp, IOVA, 0x1000);
    g_array_set_size(sp.rec.events, 0);
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), PAGE_TABLE);
    put_pte(&sp.f, IOVA, ZPCI_PTE_INVALID);
    rpcit(&sp, IOVA + 0x3000, 0x1000);
    expect(&sp, (Event[]){ { false, seg, 0, 0xfffff, IOMMU_NONE } }, 1);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 0);
    space_fini(&sp);
}

/* An invalid segment entry unmaps its megabyte and nothing around it. */
static void test_rpcit_block_bounds(void)
{
    Space sp;
    uint64_t seg1 = SDMA + 1 * MiB;

    space_init(&sp, 0);
    /* segments 0, 1 and 2 share one page table: pages 0 and 255 map */
    for (unsigned s = 0; s < 3; s++) {
        put_entry(&sp.f, SEG_TABLE, s, PAGE_TABLE);
    }
    put_entry(&sp.f, PAGE_TABLE, 0, 0x40000);
    put_entry(&sp.f, PAGE_TABLE, 255, 0x41000);
    g_assert_cmpuint(rpcit(&sp, SDMA, 3 * MiB).mapped, ==, 6);
    g_array_set_size(sp.rec.events, 0);
    put_entry(&sp.f, SEG_TABLE, 1, ZPCI_TE_INVALID);
    rpcit(&sp, SDMA, 3 * MiB);
    expect(&sp,
           (Event[]){
               { false, seg1, 0, 0xfff, IOMMU_NONE },
               { false, seg1 + 255 * 4096, 0, 0xfff, IOMMU_NONE },
           },
           2);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 4);
    /* a range ending inside a block unmaps only up to its end */
    put_entry(&sp.f, SEG_TABLE, 2, ZPCI_TE_INVALID);
    rpcit(&sp, seg1 + 1 * MiB, 4096);
    expect(&sp, (Event[]){ { false, seg1 + 1 * MiB, 0, 0xfff, IOMMU_NONE } },
           1);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 3);
    space_fini(&sp);
}

/*
 * Aliased tables: every region-third and segment entry leads to the same
 * tables, whose pages are all invalid.  The walk limit ends the RPCIT.
 */
static void test_rpcit_walk_limit(void)
{
    Space sp;
    ZpciRpcitResult r;

    space_init(&sp, 0);
    sp.cfg.max_walks = 5000;
    zpci_dma_space_register(sp.s, &sp.cfg, RT_TABLE | ZPCI_IOTA_DT(1));
    for (unsigned i = 2; i < 2048; i++) {
        put_entry(&sp.f, RT_TABLE, i, rte(SEG_TABLE, 1));
    }
    for (unsigned i = 0; i < 2048; i++) {
        put_entry(&sp.f, SEG_TABLE, i, PAGE_TABLE);
    }
    r = rpcit(&sp, SDMA, UINT64_C(1) << 41);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_NO_RESOURCES);
    /* 5,000 walks do 5,000 pages, not 5,001 */
    r = rpcit(&sp, SDMA, 5000 * 4096);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    r = rpcit(&sp, SDMA, 5001 * 4096);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_NO_RESOURCES);
    space_fini(&sp);
}

static uint64_t mmio_reads;

static uint64_t mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    mmio_reads++;
    return 0;
}

static const MemoryRegionOps mmio_ops = {
    .read = mmio_read,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* Tables are read from guest RAM only: never from a device's registers. */
static void test_rpcit_table_in_mmio(void)
{
    Space sp;
    MemoryRegion mmio;
    ZpciRpcitResult r;

    space_init(&sp, 0);
    memory_region_init_io(&mmio, NULL, &mmio_ops, NULL, "regs", 0x10000);
    memory_region_add_subregion(&sp.f.sys.root, 0x40000000, &mmio);
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), 0x40000000);
    r = rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_FAULT);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_TABLE_READ);
    g_assert_cmpuint(mmio_reads, ==, 0);
    memory_region_del_subregion(&sp.f.sys.root, &mmio);
    memory_region_finalize(&mmio);
    space_fini(&sp);
}

/* Many mappings: notifications stay in ascending iova order. */
static void test_rpcit_order(void)
{
    Space sp;
    GArray *ev;

    space_init(&sp, 0);
    for (unsigned i = 0; i < 256; i++) {
        put_entry(&sp.f, PAGE_TABLE, i, 0x200000 + i * 0x1000);
    }
    rpcit(&sp, SDMA, 1 * MiB);
    g_array_set_size(sp.rec.events, 0);
    zpci_dma_space_deregister(sp.s);
    ev = sp.rec.events;
    g_assert_cmpuint(ev->len, ==, 256);
    for (unsigned i = 0; i < 256; i++) {
        g_assert_false(g_array_index(ev, Event, i).map);
        g_assert_cmphex(g_array_index(ev, Event, i).iova, ==, SDMA + i * 4096);
    }
    space_fini(&sp);
}

static void test_rpcit_budget(void)
{
    Space sp;
    ZpciRpcitResult r;

    space_init(&sp, 2);
    for (unsigned i = 0; i < 3; i++) {
        put_pte(&sp.f, IOVA + i * 0x1000, 0x20000 + i * 0x1000);
    }
    r = rpcit(&sp, IOVA, 0x3000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_NO_RESOURCES);
    g_assert_cmpuint(r.mapped, ==, 2);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 2);
    expect(&sp,
           (Event[]){
               { true, IOVA, 0x20000, 0xfff, IOMMU_RW },
               { true, IOVA + 0x1000, 0x21000, 0xfff, IOMMU_RW },
           },
           2);
    /* freeing one makes room; changing one in place needs none */
    put_pte(&sp.f, IOVA, ZPCI_PTE_INVALID);
    put_pte(&sp.f, IOVA + 0x1000, 0x51000);
    r = rpcit(&sp, IOVA, 0x3000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    g_assert_cmpuint(zpci_dma_space_mappings(sp.s), ==, 2);
    expect(&sp,
           (Event[]){
               { false, IOVA, 0, 0xfff, IOMMU_NONE },
               { false, IOVA + 0x1000, 0, 0xfff, IOMMU_NONE },
               { true, IOVA + 0x1000, 0x51000, 0xfff, IOMMU_RW },
               { true, IOVA + 0x2000, 0x22000, 0xfff, IOMMU_RW },
           },
           4);
    space_fini(&sp);
}

static void test_rpcit_faults(void)
{
    Space sp;
    ZpciRpcitResult r;

    space_init(&sp, 0);
    put_pte(&sp.f, IOVA, 0x20000);
    /* outside the aperture: nothing is walked */
    r = rpcit(&sp, SDMA - 0x1000, 0x2000);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_FAULT);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    g_assert_cmphex(r.fault_addr, ==, SDMA - 0x1000);
    r = rpcit(&sp, EDMA & ~0xfffULL, 0x2000);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    g_assert_cmphex(r.fault_addr, ==, EDMA + 1);
    expect(&sp, NULL, 0);
    /* a bad table on the way: pages before it stay mapped */
    put_pte(&sp.f, IOVA + 0x1000, 0x21000);
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA + 1 * MiB, 20),
              PAGE_TABLE | (3 << 2));
    r = rpcit(&sp, IOVA, 1 * MiB);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_FAULT);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_TABLE_TYPE);
    g_assert_cmphex(r.fault_addr, ==, (IOVA & ~(1 * MiB - 1)) + 1 * MiB);
    g_assert_cmpuint(r.mapped, ==, 2);
    g_array_set_size(sp.rec.events, 0);
    /* a zero-length refresh does nothing */
    r = rpcit(&sp, 0, 0);
    g_assert_cmpint(r.status, ==, ZPCI_RPCIT_OK);
    /* tables just beyond guest RAM, at the top of 2^64, far out */
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), RAM_SIZE);
    r = rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_TABLE_READ);
    put_entry(&sp.f, SEG_TABLE, idx_of(IOVA, 20), UINT64_C(0xfffffffffffff800));
    r = rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_TABLE_READ);
    put_entry(&sp.f, RT_TABLE, idx_of(IOVA, 31),
              rte(64 * GiB, ZPCI_DMA_LEVEL_REGION3));
    r = rpcit(&sp, IOVA, 0x1000);
    g_assert_cmpint(r.fault, ==, ZPCI_DMA_FAULT_TABLE_READ);
    expect(&sp, NULL, 0);
    g_assert_cmpuint(sp.faults, ==, 0); /* RPCIT reports, the caller acts */
    space_fini(&sp);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-dma/rpcit/sequence", test_rpcit_sequence);
    g_test_add_func("/zpci-dma/rpcit/large-segments",
                    test_rpcit_large_segments);
    g_test_add_func("/zpci-dma/rpcit/budget", test_rpcit_budget);
    g_test_add_func("/zpci-dma/rpcit/order", test_rpcit_order);
    g_test_add_func("/zpci-dma/rpcit/walk-limit", test_rpcit_walk_limit);
    g_test_add_func("/zpci-dma/rpcit/block-bounds", test_rpcit_block_bounds);
    g_test_add_func("/zpci-dma/rpcit/table-in-mmio", test_rpcit_table_in_mmio);
    g_test_add_func("/zpci-dma/rpcit/faults", test_rpcit_faults);
    return g_test_run();
}
