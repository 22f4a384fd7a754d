/*
 * Flat views: the region tree below an address space's root rendered into
 * a sorted array of non-overlapping ranges, looked up by binary search.
 *
 * Rendering visits regions from the highest priority down and only fills
 * the parts of the address space that are still empty, so a region shows
 * through wherever nothing above it is mapped.  Arithmetic is done in
 * 128 bits so that offsets near 2^64 and aliases below zero are exact.
 *
 * A view remembers the regions it was rendered from (the root and the
 * alias targets).  A change to a region marks it and its containers
 * dirty; at commit only the address spaces depending on a dirty region are
 * rendered again, so plugging one device costs the views it touches, not
 * every view there is.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

typedef __int128 i128;

/* A bound on nesting; alias loops are cut by MemoryRegion.rendering. */
#define RENDER_MAX_DEPTH 64

static AddressSpace *address_spaces;
/* MemoryRegion * -> set of the AddressSpace * whose views depend on it */
static GHashTable *dependents;
/* regions changed in the current transaction, and their containers */
static GHashTable *dirty;
static MemoryRegion system_memory;
static bool system_memory_ready;
AddressSpace address_space_memory;

static void flatview_insert_at(FlatView *fv, unsigned i, const FlatRange *fr)
{
    if (fv->nr == fv->nr_allocated) {
        fv->nr_allocated = MAX(16, fv->nr_allocated * 2);
        fv->ranges = g_renew(FlatRange, fv->ranges, fv->nr_allocated);
    }
    memmove(&fv->ranges[i + 1], &fv->ranges[i],
            (fv->nr - i) * sizeof(fv->ranges[0]));
    fv->ranges[i] = *fr;
    fv->nr++;
}

/* Map the still empty parts of [start, end) to @mr (offset 0 at @base). */
static void flatview_fill(FlatView *fv, MemoryRegion *mr, i128 base, i128 start,
                          i128 end, bool readonly)
{
    unsigned i = 0;
    i128 pos = start;

    while (i < fv->nr && (i128)fv->ranges[i].last < start) {
        i++;
    }
    while (pos < end) {
        i128 gap_end = end;
        FlatRange fr;

        if (i < fv->nr && (i128)fv->ranges[i].start <= pos) {
            pos = (i128)fv->ranges[i].last + 1;
            i++;
            continue;
        }
        if (i < fv->nr && (i128)fv->ranges[i].start < gap_end) {
            gap_end = fv->ranges[i].start;
        }
        fr = (FlatRange){
            .start = (hwaddr)pos,
            .last = (hwaddr)(gap_end - 1),
            .mr = mr,
            .offset_in_region = (hwaddr)(pos - base),
            .readonly = readonly,
        };
        flatview_insert_at(fv, i, &fr);
        i++;
        pos = gap_end;
    }
}

static void flatview_add_dep(FlatView *fv, MemoryRegion *mr)
{
    for (unsigned i = 0; i < fv->nr_deps; i++) {
        if (fv->deps[i] == mr) {
            return;
        }
    }
    fv->deps = g_renew(MemoryRegion *, fv->deps, fv->nr_deps + 1);
    fv->deps[fv->nr_deps++] = mr;
}

static void render_region(FlatView *fv, MemoryRegion *mr, i128 base,
                          i128 clip_start, i128 clip_end, bool readonly,
                          unsigned depth)
{
    i128 start = MAX(clip_start, base);
    i128 end = MIN(clip_end, base + (i128)memory_region_size128(mr));

    if (!mr->enabled || mr->rendering || depth > RENDER_MAX_DEPTH ||
        start >= end) {
        return;
    }
    readonly |= mr->readonly;
    mr->rendering = true;
    if (mr->kind == MR_KIND_ALIAS) {
        flatview_add_dep(fv, mr->alias);
        render_region(fv, mr->alias, base - (i128)mr->alias_offset, start, end,
                      readonly, depth + 1);
    } else {
        for (MemoryRegion *sub = mr->subregions; sub; sub = sub->sibling_next) {
            render_region(fv, sub, base + (i128)sub->addr, start, end, readonly,
                          depth + 1);
        }
        if (mr->kind != MR_KIND_CONTAINER) {
            flatview_fill(fv, mr, base, start, end, readonly);
        }
    }
    mr->rendering = false;
}

/* Join neighbours that continue the same region in the same way. */
static void flatview_simplify(FlatView *fv)
{
    unsigned out = 0;

    for (unsigned i = 0; i < fv->nr; i++) {
        FlatRange *prev = out ? &fv->ranges[out - 1] : NULL;
        FlatRange *fr = &fv->ranges[i];

        if (prev && prev->mr == fr->mr && prev->readonly == fr->readonly &&
            prev->last + 1 == fr->start &&
            prev->offset_in_region + (fr->start - prev->start) ==
                fr->offset_in_region) {
            prev->last = fr->last;
            continue;
        }
        fv->ranges[out++] = *fr;
    }
    fv->nr = out;
}

#ifdef CONFIG_DEBUG
/*
 * --enable-debug: check every view as it is built.  Ranges are sorted and
 * disjoint, and each maps a part of its region that exists.
 */
static void flatview_check(const FlatView *fv)
{
    for (unsigned i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];

        g_assert(fr->mr != NULL);
        g_assert(fr->start <= fr->last);
        g_assert(i == 0 || fv->ranges[i - 1].last < fr->start);
        g_assert((unsigned __int128)fr->offset_in_region +
                     (fr->last - fr->start) <
                 memory_region_size128(fr->mr));
    }
}
#else
static void flatview_check(const FlatView *fv)
{
}
#endif

FlatView *flatview_build(MemoryRegion *root)
{
    FlatView *fv = g_new0(FlatView, 1);

    if (root) {
        flatview_add_dep(fv, root);
        render_region(fv, root, 0, 0, (i128)1 << 64, false, 0);
        flatview_simplify(fv);
        flatview_check(fv);
    }
    return fv;
}

void flatview_free(FlatView *fv)
{
    if (fv) {
        g_free(fv->deps);
        g_free(fv->ranges);
        g_free(fv);
    }
}

const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr, hwaddr *hole_last)
{
    unsigned lo = 0, hi = fv->nr;

    if (fv->last_hit < fv->nr) {
        const FlatRange *fr = &fv->ranges[fv->last_hit];

        if (addr >= fr->start && addr <= fr->last) {
            return fr;
        }
    }
    /* first range that ends at or after addr */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;

        if (fv->ranges[mid].last < addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < fv->nr && fv->ranges[lo].start <= addr) {
        fv->last_hit = lo;
        return &fv->ranges[lo];
    }
    if (hole_last) {
        *hole_last = lo < fv->nr ? fv->ranges[lo].start - 1 : HWADDR_MAX;
    }
    return NULL;
}

AddressSpace *memory_address_spaces_head(void)
{
    return address_spaces;
}

/* ---- which views a change touches ---- */

static void as_track(AddressSpace *as)
{
    FlatView *fv = as->current_map;

    if (!dependents) {
        dependents = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify)g_hash_table_unref);
    }
    for (unsigned i = 0; i < fv->nr_deps; i++) {
        GHashTable *set = g_hash_table_lookup(dependents, fv->deps[i]);

        if (!set) {
            set = g_hash_table_new(g_direct_hash, g_direct_equal);
            g_hash_table_insert(dependents, fv->deps[i], set);
        }
        g_hash_table_add(set, as);
    }
}

static void as_untrack(AddressSpace *as)
{
    FlatView *fv = as->current_map;

    for (unsigned i = 0; fv && i < fv->nr_deps; i++) {
        GHashTable *set = g_hash_table_lookup(dependents, fv->deps[i]);

        if (set && g_hash_table_remove(set, as) &&
            g_hash_table_size(set) == 0) {
            g_hash_table_remove(dependents, fv->deps[i]);
        }
    }
}

static void as_rebuild(AddressSpace *as)
{
    FlatView *old = as->current_map;

    as_untrack(as);
    as->current_map = flatview_build(as->root);
    flatview_free(old);
    as_track(as);
}

void memory_region_update_pending(MemoryRegion *mr)
{
    if (!dirty) {
        dirty = g_hash_table_new(g_direct_hash, g_direct_equal);
    }
    /* a view that rendered any of these from its root or an alias */
    for (; mr; mr = mr->container) {
        g_hash_table_add(dirty, mr);
    }
}

void memory_update_views(void)
{
    g_autoptr(GHashTable) todo = NULL;
    GHashTableIter it;
    gpointer key;

    if (!dirty || g_hash_table_size(dirty) == 0) {
        return;
    }
    todo = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_iter_init(&it, dirty);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        GHashTable *set = dependents ? g_hash_table_lookup(dependents, key)
                                     : NULL;
        GHashTableIter as_it;
        gpointer as;

        if (!set) {
            continue;
        }
        g_hash_table_iter_init(&as_it, set);
        while (g_hash_table_iter_next(&as_it, &as, NULL)) {
            g_hash_table_add(todo, as);
        }
    }
    g_hash_table_remove_all(dirty);
    g_hash_table_iter_init(&it, todo);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        as_rebuild(key);
    }
}

FlatView *address_space_to_flatview(AddressSpace *as)
{
    if (!as->current_map && as == &address_space_memory) {
        memory_system_init();
    }
    return as->current_map;
}

void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name)
{
    as->name = g_strdup(name ? name : "anonymous");
    as->root = root;
    as->current_map = flatview_build(root);
    as_track(as);
    as->next = address_spaces;
    address_spaces = as;
}

void address_space_destroy(AddressSpace *as)
{
    for (AddressSpace **link = &address_spaces; *link; link = &(*link)->next) {
        if (*link == as) {
            *link = as->next;
            break;
        }
    }
    as_untrack(as);
    flatview_free(as->current_map);
    g_free(as->name);
    as->current_map = NULL;
    as->name = NULL;
    as->root = NULL;
    as->next = NULL;
}

void memory_system_init(void)
{
    if (system_memory_ready) {
        return;
    }
    system_memory_ready = true;
    memory_region_init(&system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, &system_memory, "memory");
}

MemoryRegion *get_system_memory(void)
{
    memory_system_init();
    return &system_memory;
}
