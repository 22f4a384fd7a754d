/*
 * Private interfaces shared by the memory API files (system/memory*.c,
 * system/physmem.c).  Not for use elsewhere.
 */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#include "exec/memory.h"

/* One piece of an address space: [start, last] maps to mr at offset. */
typedef struct FlatRange {
    hwaddr start;
    hwaddr last; /* inclusive, so a range can end at 2^64 - 1 */
    MemoryRegion *mr;
    hwaddr offset_in_region; /* offset of @start inside @mr */
    bool readonly;
} FlatRange;

/* Sorted, non-overlapping ranges; gaps are unassigned. */
struct FlatView {
    FlatRange *ranges;
    unsigned nr;
    unsigned nr_allocated;
    unsigned last_hit; /* index of the range found last (a cache) */
    /*
     * The regions whose subtrees were rendered: the root and every alias
     * target reached.  A change anywhere below one of them (or to it)
     * can change the view; nothing else can.
     */
    MemoryRegion **deps;
    unsigned nr_deps;
};

/* Size of @mr as a 128-bit quantity (UINT64_MAX means 2^64). */
static inline unsigned __int128 memory_region_size128(const MemoryRegion *mr)
{
    if (mr->size == UINT64_MAX) {
        return (unsigned __int128)1 << 64;
    }
    return mr->size;
}

/* memory-flatview.c */
FlatView *flatview_build(MemoryRegion *root);
void flatview_free(FlatView *fv);
/*
 * The range holding @addr, or NULL when @addr is in a hole; then
 * *hole_last (if non-NULL) is the last address of that hole.
 */
const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr, hwaddr *hole_last);
FlatView *address_space_to_flatview(AddressSpace *as);
AddressSpace *memory_address_spaces_head(void);
/*
 * Called after each change to @mr (its properties or its list of
 * subregions): the address spaces whose views depend on @mr or on a
 * container above it are rebuilt, at once or when the outermost
 * transaction commits.
 */
void memory_region_update_pending(MemoryRegion *mr);
/* Rebuild the views of the address spaces changes were noted for. */
void memory_update_views(void);

/* memory-io.c: accesses of 1..8 bytes to an I/O region, as bytes in
 * guest memory order. */
MemTxResult memory_region_io_access(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                                    unsigned size, bool is_write,
                                    MemTxAttrs attrs);
/* Whether the region's `valid` rules allow this single access. */
bool memory_region_io_access_valid(MemoryRegion *mr, hwaddr addr, unsigned size,
                                   bool is_write, MemTxAttrs attrs);
/* The size to use for the next piece of a buffer access at @addr. */
unsigned memory_region_io_access_size(MemoryRegion *mr, hwaddr addr,
                                      hwaddr len);

/* memory-ram.c */
bool memory_ram_alloc(MemoryRegion *mr, uint64_t size, Error **errp);
void memory_ram_free(MemoryRegion *mr);

#endif
