/*
 * Shared fixture of the zPCI DMA unit tests: 16 MiB of guest RAM at 0 in
 * an address space, and builders for hand-made I/O translation tables.
 */
#ifndef TEST_ZPCI_DMA_FIXTURE_H
#define TEST_ZPCI_DMA_FIXTURE_H

#include "qemu/osdep.h"
#include "hw/s390x/zpci-dma.h"
#include "test-memory-fixture.h"

#define RAM_SIZE (16 * MiB)
#define SDMA     UINT64_C(0x100000000)       /* QEMU's sdma */
#define EDMA     UINT64_C(0x1ffffffffffffff) /* QEMU's edma */

/* where the tables live in guest RAM */
#define RF_TABLE   UINT64_C(0x100000)
#define RS_TABLE   UINT64_C(0x104000)
#define RT_TABLE   UINT64_C(0x108000)
#define SEG_TABLE  UINT64_C(0x10c000)
#define PAGE_TABLE UINT64_C(0x110000)

typedef struct DmaFixture {
    Fixture sys;
    MemoryRegion ram;
    uint8_t *host;
} DmaFixture;

static inline void dma_fixture_init(DmaFixture *f)
{
    fixture_init(&f->sys);
    ram_init(&f->ram, "guest-ram", RAM_SIZE);
    memory_region_add_subregion(&f->sys.root, 0, &f->ram);
    f->host = memory_region_get_ram_ptr(&f->ram);
}

static inline void dma_fixture_fini(DmaFixture *f)
{
    fixture_fini(&f->sys);
    memory_region_finalize(&f->ram);
}

static inline void put_entry(DmaFixture *f, uint64_t table, unsigned index,
                             uint64_t val)
{
    MemTxResult res;

    address_space_stq_be(&f->sys.as, table + index * 8ull, val, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static inline unsigned idx_of(uint64_t iova, unsigned shift)
{
    return (iova >> shift) & 0x7ff;
}

/* A region entry of a table at @level, pointing at a full next table. */
static inline uint64_t rte(uint64_t next, ZpciDmaLevel level)
{
    return next | ((uint64_t)level << 2) | ZPCI_TE_LENGTH_MASK;
}

/* Link the path for @iova from a table at @top down to PAGE_TABLE. */
static inline void build_path(DmaFixture *f, ZpciDmaLevel top, uint64_t iova)
{
    static const uint64_t tables[] = { SEG_TABLE, RT_TABLE, RS_TABLE,
                                       RF_TABLE };
    static const unsigned shifts[] = { 20, 31, 42, 53 };

    for (int l = top; l > ZPCI_DMA_LEVEL_SEGMENT; l--) {
        put_entry(f, tables[l], idx_of(iova, shifts[l]), rte(tables[l - 1], l));
    }
    put_entry(f, SEG_TABLE, idx_of(iova, 20), PAGE_TABLE);
}

static inline void put_pte(DmaFixture *f, uint64_t iova, uint64_t val)
{
    put_entry(f, PAGE_TABLE, (iova >> 12) & 0xff, val);
}

/* Read table entries from the fixture's RAM only. */
static inline bool fixture_read(void *opaque, uint64_t addr, uint64_t *val)
{
    DmaFixture *f = opaque;

    if (addr >= RAM_SIZE || RAM_SIZE - addr < 8) {
        return false;
    }
    *val = address_space_ldq_be(&f->sys.as, addr, A, NULL);
    return true;
}

static inline ZpciDmaTables tables_for(DmaFixture *f, ZpciDmaLevel top)
{
    static const uint64_t origin[] = { SEG_TABLE, RT_TABLE, RS_TABLE,
                                       RF_TABLE };

    return (ZpciDmaTables){
        .read = fixture_read,
        .opaque = f,
        .iota = origin[top] | ZPCI_IOTA_DT(top),
        .sdma = SDMA,
        .edma = EDMA,
        .dtsm = ZPCI_DTSM_ALL,
        .large_pages = true,
    };
}

#endif
