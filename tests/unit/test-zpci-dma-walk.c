/*
 * Unit tests of the zPCI I/O translation-table walk: 3-, 4- and 5-level
 * tables built by hand in guest RAM, large segments, protection, the
 * aperture, and every fault.
 */
#include "qemu/osdep.h"
#include "test-zpci-dma-fixture.h"

#define IOVA3 (SDMA + 0x5000)                /* region-third path */
#define IOVA4 ((UINT64_C(1) << 45) + 0x7000) /* region-second path */
#define IOVA5 ((UINT64_C(1) << 55) + 0x3000) /* region-first path */

static void assert_maps(const ZpciDmaTables *t, uint64_t iova, uint64_t addr,
                        uint64_t size, bool writable)
{
    ZpciDmaXlate x;

    g_assert_cmpint(zpci_dma_walk(t, iova, &x, NULL), ==, ZPCI_DMA_OK);
    g_assert_cmphex(x.iova, ==, iova & ~(size - 1));
    g_assert_cmphex(x.addr, ==, addr);
    g_assert_cmphex(x.size, ==, size);
    g_assert_cmpint(x.writable, ==, writable);
}

static void assert_fault(const ZpciDmaTables *t, uint64_t iova,
                         ZpciDmaFault want)
{
    ZpciDmaXlate x;

    g_assert_cmpstr(zpci_dma_fault_name(zpci_dma_walk(t, iova, &x, NULL)), ==,
                    zpci_dma_fault_name(want));
}

static void test_walk_levels(void)
{
    static const struct {
        ZpciDmaLevel top;
        uint64_t iova;
    } cases[] = {
        { ZPCI_DMA_LEVEL_REGION3, IOVA3 },
        { ZPCI_DMA_LEVEL_REGION2, IOVA4 },
        { ZPCI_DMA_LEVEL_REGION1, IOVA5 },
    };

    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
        DmaFixture f;
        ZpciDmaTables t;
        uint64_t skip;
        ZpciDmaXlate x;

        dma_fixture_init(&f);
        t = tables_for(&f, cases[i].top);
        build_path(&f, cases[i].top, cases[i].iova);
        put_pte(&f, cases[i].iova, 0x345000);
        put_pte(&f, cases[i].iova + 0x1000, ZPCI_PTE_INVALID);
        assert_maps(&t, cases[i].iova + 0x123, 0x345000, 4096, true);
        g_assert_cmpint(zpci_dma_walk(&t, cases[i].iova + 0x1000, &x, &skip),
                        ==, ZPCI_DMA_FAULT_NO_TRANSLATION);
        g_assert_cmphex(skip, ==, 4096);
        /* not advertised in dtsm: the designation is refused */
        t.dtsm = ZPCI_DTSM_ALL & ~ZPCI_DTSM_BIT(cases[i].top);
        assert_fault(&t, cases[i].iova, ZPCI_DMA_FAULT_DESIGNATION);
        dma_fixture_fini(&f);
    }
}

static void test_walk_segment_designation(void)
{
    DmaFixture f;
    ZpciDmaTables t;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_SEGMENT);
    t.sdma = 0;
    put_entry(&f, SEG_TABLE, 3, PAGE_TABLE);
    put_pte(&f, 0x300000, 0x9000);
    assert_maps(&t, 0x300000, 0x9000, 4096, true);
    /* a segment table spans 2 GiB only */
    assert_fault(&t, UINT64_C(1) << 31, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    /* page-frame designation types are not table walks */
    t.iota = SEG_TABLE | ZPCI_IOTA_DT(4);
    t.dtsm = 0xff;
    assert_fault(&t, 0x300000, ZPCI_DMA_FAULT_DESIGNATION);
    dma_fixture_fini(&f);
}

static void test_walk_large_segment(void)
{
    DmaFixture f;
    ZpciDmaTables t;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_REGION3);
    build_path(&f, ZPCI_DMA_LEVEL_REGION3, IOVA3);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20), 0xa00000 | ZPCI_STE_FC);
    assert_maps(&t, IOVA3 + 0x54321, 0xa00000, 1 * MiB, true);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20),
              0xa00000 | ZPCI_STE_FC | ZPCI_TE_PROTECTED);
    assert_maps(&t, IOVA3, 0xa00000, 1 * MiB, false);
    /* the group does not allow large pages */
    t.large_pages = false;
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_FORMAT);
    dma_fixture_fini(&f);
}

static void test_walk_protection(void)
{
    DmaFixture f;
    ZpciDmaTables t;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_REGION2);
    build_path(&f, ZPCI_DMA_LEVEL_REGION2, IOVA4);
    put_pte(&f, IOVA4, 0x5000);
    assert_maps(&t, IOVA4, 0x5000, 4096, true);
    put_pte(&f, IOVA4, 0x5000 | ZPCI_PTE_PROTECTED);
    assert_maps(&t, IOVA4, 0x5000, 4096, false);
    put_pte(&f, IOVA4, 0x5000);
    put_entry(&f, SEG_TABLE, idx_of(IOVA4, 20), PAGE_TABLE | ZPCI_TE_PROTECTED);
    assert_maps(&t, IOVA4, 0x5000, 4096, false);
    build_path(&f, ZPCI_DMA_LEVEL_REGION2, IOVA4);
    put_entry(&f, RS_TABLE, idx_of(IOVA4, 42),
              rte(RT_TABLE, ZPCI_DMA_LEVEL_REGION2) | ZPCI_TE_PROTECTED);
    assert_maps(&t, IOVA4, 0x5000, 4096, false);
    build_path(&f, ZPCI_DMA_LEVEL_REGION2, IOVA4);
    assert_maps(&t, IOVA4, 0x5000, 4096, true);
    t.iota |= ZPCI_TE_PROTECTED;
    assert_maps(&t, IOVA4, 0x5000, 4096, false);
    dma_fixture_fini(&f);
}

static void test_walk_aperture(void)
{
    DmaFixture f;
    ZpciDmaTables t;
    uint64_t page = SDMA + 0x10000;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_REGION3);
    t.sdma = page;
    t.edma = page + 0xfff;
    build_path(&f, ZPCI_DMA_LEVEL_REGION3, page);
    put_pte(&f, page, 0x7000);
    assert_fault(&t, page - 1, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    assert_maps(&t, page, 0x7000, 4096, true);
    assert_maps(&t, page + 0xfff, 0x7000, 4096, true);
    assert_fault(&t, page + 0x1000, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    assert_fault(&t, UINT64_MAX, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    /* a region-third table spans 4 TiB: above is no address of it */
    t.edma = EDMA;
    assert_fault(&t, UINT64_C(1) << 42, ZPCI_DMA_FAULT_OUT_OF_RANGE);
    dma_fixture_fini(&f);
}

static void test_walk_invalid_entries(void)
{
    DmaFixture f;
    ZpciDmaTables t;
    ZpciDmaXlate x;
    uint64_t skip;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_REGION1);
    build_path(&f, ZPCI_DMA_LEVEL_REGION1, IOVA5);
    put_pte(&f, IOVA5, 0x5000);
    put_entry(&f, SEG_TABLE, idx_of(IOVA5, 20), PAGE_TABLE | ZPCI_TE_INVALID);
    g_assert_cmpint(zpci_dma_walk(&t, IOVA5, &x, &skip), ==,
                    ZPCI_DMA_FAULT_NO_TRANSLATION);
    g_assert_cmphex(skip, ==, 1 * MiB);
    build_path(&f, ZPCI_DMA_LEVEL_REGION1, IOVA5);
    put_entry(&f, RT_TABLE, idx_of(IOVA5, 31), ZPCI_TE_INVALID);
    g_assert_cmpint(zpci_dma_walk(&t, IOVA5, &x, &skip), ==,
                    ZPCI_DMA_FAULT_NO_TRANSLATION);
    g_assert_cmphex(skip, ==, UINT64_C(1) << 31);
    put_entry(&f, RF_TABLE, idx_of(IOVA5, 53), ZPCI_TE_INVALID);
    g_assert_cmpint(zpci_dma_walk(&t, IOVA5, &x, &skip), ==,
                    ZPCI_DMA_FAULT_NO_TRANSLATION);
    g_assert_cmphex(skip, ==, UINT64_C(1) << 53);
    build_path(&f, ZPCI_DMA_LEVEL_REGION1, IOVA5);
    assert_maps(&t, IOVA5, 0x5000, 4096, true);
    dma_fixture_fini(&f);
}

static void test_walk_table_faults(void)
{
    DmaFixture f;
    ZpciDmaTables t;
    uint64_t good;

    dma_fixture_init(&f);
    t = tables_for(&f, ZPCI_DMA_LEVEL_REGION3);
    build_path(&f, ZPCI_DMA_LEVEL_REGION3, IOVA3);
    put_pte(&f, IOVA3, 0x5000);
    good = rte(SEG_TABLE, ZPCI_DMA_LEVEL_REGION3);
    /* a region-third entry that says it is a region-second one */
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31),
              SEG_TABLE | (2 << 2) | ZPCI_TE_LENGTH_MASK);
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_TYPE);
    /* a segment entry with a region type */
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31), good);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20), PAGE_TABLE | (1 << 2));
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_TYPE);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20), PAGE_TABLE);
    /* segment index 0 (IOVA3) is in block 0: length 0 still holds it */
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31), good & ~ZPCI_TE_LENGTH_MASK);
    assert_maps(&t, IOVA3, 0x5000, 4096, true);
    /* ... an offset of 1 does not */
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31), good | (1 << 6));
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_LENGTH);
    /* an index in block 1 needs a length of at least 1 */
    put_entry(&f, RT_TABLE, idx_of(IOVA3 + 512 * MiB, 31),
              (good & ~ZPCI_TE_LENGTH_MASK));
    assert_fault(&t, IOVA3 + 512 * MiB, ZPCI_DMA_FAULT_TABLE_LENGTH);
    /* the next table is outside guest RAM */
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31),
              rte(UINT64_C(0x7fff00000000), ZPCI_DMA_LEVEL_REGION3));
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_READ);
    put_entry(&f, RT_TABLE, idx_of(IOVA3, 31), good);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20), (RAM_SIZE - 0x800));
    put_entry(&f, RAM_SIZE - 0x800, (IOVA3 >> 12) & 0xff, 0x6000);
    assert_maps(&t, IOVA3, 0x6000, 4096, true);
    put_entry(&f, SEG_TABLE, idx_of(IOVA3, 20), RAM_SIZE);
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_READ);
    t.iota = UINT64_C(0xffffffffffffc000) | ZPCI_IOTA_DT(1);
    assert_fault(&t, IOVA3, ZPCI_DMA_FAULT_TABLE_READ);
    dma_fixture_fini(&f);
}

static void test_fault_codes(void)
{
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_OK), ==, 0);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_OUT_OF_RANGE), ==, 0x2);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_PROTECTION), ==, 0x4);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_NO_TRANSLATION), ==, 0x7);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_TABLE_LENGTH), ==, 0x8);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_TABLE_TYPE), ==, 0x9);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_DESIGNATION), ==, 0x1);
    g_assert_cmphex(zpci_dma_fault_pec(ZPCI_DMA_FAULT_FORMAT), ==, 0x3);
    g_assert_cmpstr(zpci_dma_fault_name(ZPCI_DMA_FAULT_TABLE_READ), ==,
                    "table read error");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-dma/walk/levels", test_walk_levels);
    g_test_add_func("/zpci-dma/walk/segment-designation",
                    test_walk_segment_designation);
    g_test_add_func("/zpci-dma/walk/large-segment", test_walk_large_segment);
    g_test_add_func("/zpci-dma/walk/protection", test_walk_protection);
    g_test_add_func("/zpci-dma/walk/aperture", test_walk_aperture);
    g_test_add_func("/zpci-dma/walk/invalid-entries",
                    test_walk_invalid_entries);
    g_test_add_func("/zpci-dma/walk/table-faults", test_walk_table_faults);
    g_test_add_func("/zpci-dma/walk/fault-codes", test_fault_codes);
    return g_test_run();
}
