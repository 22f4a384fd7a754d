/*
 * zPCI DMA: one I/O address through the guest's I/O translation tables
 * (region-first, -second, -third, segment, page), reading the entries
 * through the caller's accessor.  See docs/devel/zpci-dma.rst.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-dma.h"

/* Bit position of the index of each level inside an I/O address. */
static const unsigned level_shift[] = {
    [ZPCI_DMA_LEVEL_SEGMENT] = 20,
    [ZPCI_DMA_LEVEL_REGION3] = 31,
    [ZPCI_DMA_LEVEL_REGION2] = 42,
    [ZPCI_DMA_LEVEL_REGION1] = 53,
};

#define INDEX_BITS_TABLE 11    /* region and segment tables: 2048 entries */
#define INDEX_MASK_PAGE  0xffu /* page tables: 256 entries */

uint16_t zpci_dma_fault_pec(ZpciDmaFault fault)
{
    switch (fault) {
    case ZPCI_DMA_OK:
        return 0;
    case ZPCI_DMA_FAULT_NO_TRANSLATION:
        return ZPCI_PEC_INVALID_ENTRY;
    case ZPCI_DMA_FAULT_OUT_OF_RANGE:
        return ZPCI_PEC_OUT_OF_RANGE;
    case ZPCI_DMA_FAULT_DESIGNATION:
        return ZPCI_PEC_INVALID_AS;
    case ZPCI_DMA_FAULT_TABLE_TYPE:
        return ZPCI_PEC_TABLE_TYPE;
    case ZPCI_DMA_FAULT_TABLE_LENGTH:
        return ZPCI_PEC_TABLE_LENGTH;
    case ZPCI_DMA_FAULT_FORMAT:
        return ZPCI_PEC_INVALID_FORMAT;
    case ZPCI_DMA_FAULT_TABLE_READ:
        return ZPCI_PEC_INVALID_ENTRY;
    case ZPCI_DMA_FAULT_PROTECTION:
        return ZPCI_PEC_PROTECTION;
    }
    return ZPCI_PEC_INVALID_ENTRY;
}

const char *zpci_dma_fault_name(ZpciDmaFault fault)
{
    static const char *const names[] = {
        [ZPCI_DMA_OK] = "ok",
        [ZPCI_DMA_FAULT_NO_TRANSLATION] = "no translation",
        [ZPCI_DMA_FAULT_OUT_OF_RANGE] = "out of range",
        [ZPCI_DMA_FAULT_DESIGNATION] = "invalid designation",
        [ZPCI_DMA_FAULT_TABLE_TYPE] = "table type",
        [ZPCI_DMA_FAULT_TABLE_LENGTH] = "table length",
        [ZPCI_DMA_FAULT_FORMAT] = "invalid format",
        [ZPCI_DMA_FAULT_TABLE_READ] = "table read error",
        [ZPCI_DMA_FAULT_PROTECTION] = "protection",
    };

    return (unsigned)fault < ARRAY_SIZE(names) ? names[fault] : "?";
}

static unsigned table_index(uint64_t iova, ZpciDmaLevel level)
{
    return (iova >> level_shift[level]) & ((1u << INDEX_BITS_TABLE) - 1);
}

/* Bytes of I/O address space one entry of a table at @level covers. */
static uint64_t entry_span(ZpciDmaLevel level)
{
    return UINT64_C(1) << level_shift[level];
}

/*
 * A region entry says which 512-entry blocks of the next table exist:
 * blocks offset..length.  @next_index is the index into that table.
 */
static bool next_index_in_table(uint64_t entry, unsigned next_index)
{
    unsigned block = next_index >> 9;
    unsigned first = (entry & ZPCI_TE_OFFSET_MASK) >> 6;
    unsigned last = entry & ZPCI_TE_LENGTH_MASK;

    return block >= first && block <= last;
}

static ZpciDmaFault check_designation(const ZpciDmaTables *t, uint64_t iova,
                                      ZpciDmaLevel *top)
{
    unsigned dt = (t->iota & ZPCI_IOTA_DT_MASK) >> 2;

    if (dt > ZPCI_DMA_LEVEL_REGION1 || !(t->dtsm & ZPCI_DTSM_BIT(dt))) {
        return ZPCI_DMA_FAULT_DESIGNATION;
    }
    /* addresses above what the top table spans cannot be translated */
    if (dt != ZPCI_DMA_LEVEL_REGION1 &&
        (iova >> (level_shift[dt] + INDEX_BITS_TABLE)) != 0) {
        return ZPCI_DMA_FAULT_OUT_OF_RANGE;
    }
    *top = dt;
    return ZPCI_DMA_OK;
}

static ZpciDmaFault read_entry(const ZpciDmaTables *t, uint64_t table,
                               unsigned index, uint64_t *entry)
{
    return t->read(t->opaque, table + (uint64_t)index * 8, entry)
               ? ZPCI_DMA_OK
               : ZPCI_DMA_FAULT_TABLE_READ;
}

static ZpciDmaFault page_step(const ZpciDmaTables *t, uint64_t table,
                              uint64_t iova, ZpciDmaXlate *out, uint64_t *skip)
{
    unsigned index = (iova >> ZPCI_DMA_PAGE_SHIFT) & INDEX_MASK_PAGE;
    uint64_t pte;
    ZpciDmaFault f = read_entry(t, table, index, &pte);

    if (f != ZPCI_DMA_OK) {
        return f;
    }
    if (pte & ZPCI_PTE_INVALID) {
        *skip = ZPCI_DMA_PAGE_SIZE;
        return ZPCI_DMA_FAULT_NO_TRANSLATION;
    }
    out->iova = iova & ~(ZPCI_DMA_PAGE_SIZE - 1);
    out->addr = pte & ZPCI_PTE_FRAME_MASK;
    out->size = ZPCI_DMA_PAGE_SIZE;
    if (pte & ZPCI_PTE_PROTECTED) {
        out->writable = false;
    }
    return ZPCI_DMA_OK;
}

/* A valid segment entry: a 1 MiB frame or the origin of a page table. */
static ZpciDmaFault segment_step(const ZpciDmaTables *t, uint64_t ste,
                                 uint64_t iova, ZpciDmaXlate *out,
                                 uint64_t *skip)
{
    if (!(ste & ZPCI_STE_FC)) {
        return page_step(t, ste & ZPCI_STE_ORIGIN_MASK, iova, out, skip);
    }
    if (!t->large_pages) {
        return ZPCI_DMA_FAULT_FORMAT;
    }
    out->iova = iova & ~(ZPCI_DMA_SEG_SIZE - 1);
    out->addr = ste & ZPCI_STE_FRAME_MASK;
    out->size = ZPCI_DMA_SEG_SIZE;
    return ZPCI_DMA_OK;
}

ZpciDmaFault zpci_dma_walk(const ZpciDmaTables *t, uint64_t iova,
                           ZpciDmaXlate *out, uint64_t *skip)
{
    uint64_t unused, table = t->iota & ZPCI_IOTA_ORIGIN_MASK;
    ZpciDmaLevel top, level;
    ZpciDmaFault f;

    skip = skip ? skip : &unused;
    *skip = ZPCI_DMA_PAGE_SIZE;
    if (iova < t->sdma || iova > t->edma) {
        return ZPCI_DMA_FAULT_OUT_OF_RANGE;
    }
    f = check_designation(t, iova, &top);
    if (f != ZPCI_DMA_OK) {
        return f;
    }
    out->writable = !(t->iota & ZPCI_TE_PROTECTED);
    for (level = top;; level--) {
        uint64_t entry;

        f = read_entry(t, table, table_index(iova, level), &entry);
        if (f != ZPCI_DMA_OK) {
            return f;
        }
        if (entry & ZPCI_TE_INVALID) {
            *skip = entry_span(level);
            return ZPCI_DMA_FAULT_NO_TRANSLATION;
        }
        if ((entry & ZPCI_TE_TYPE_MASK) != ((uint64_t)level << 2)) {
            return ZPCI_DMA_FAULT_TABLE_TYPE;
        }
        if (entry & ZPCI_TE_PROTECTED) {
            out->writable = false;
        }
        if (level == ZPCI_DMA_LEVEL_SEGMENT) {
            return segment_step(t, entry, iova, out, skip);
        }
        if (!next_index_in_table(entry, table_index(iova, level - 1))) {
            return ZPCI_DMA_FAULT_TABLE_LENGTH;
        }
        table = entry & ZPCI_RTE_ORIGIN_MASK;
    }
}
