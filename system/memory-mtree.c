/*
 * A text dump of region trees and flat views in the shape of QEMU's
 * "info mtree" (tree) and "info mtree -f" (flat view) output.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

#define MTREE_MAX_DEPTH 64

static const char *mtree_type(const MemoryRegion *mr, bool readonly)
{
    if (mr->kind == MR_KIND_RAM) {
        return readonly || mr->readonly ? "rom" : "ram";
    }
    return "i/o";
}

static void mtree_range(GString *out, unsigned __int128 start,
                        const MemoryRegion *mr)
{
    unsigned __int128 last = start + memory_region_size128(mr) - 1;

    if (memory_region_size128(mr) == 0) {
        last = start;
    }
    g_string_append_printf(out, "%016" PRIx64 "-%016" PRIx64, (uint64_t)start,
                           (uint64_t)last);
}

static gint mtree_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = *(MemoryRegion *const *)a;
    const MemoryRegion *y = *(MemoryRegion *const *)b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    return y->priority - x->priority;
}

static void mtree_region(GString *out, const MemoryRegion *mr,
                         unsigned __int128 start, unsigned level)
{
    g_autoptr(GPtrArray) subs = g_ptr_array_new();

    g_string_append_printf(out, "%*s", (int)(level * 2), "");
    mtree_range(out, start, mr);
    g_string_append_printf(out, " (prio %d, %s): ", mr->priority,
                           mtree_type(mr, false));
    if (mr->kind == MR_KIND_ALIAS) {
        g_string_append_printf(out, "alias %s @%s ", mr->name, mr->alias->name);
        mtree_range(out, mr->alias_offset, mr);
    } else {
        g_string_append(out, mr->name);
    }
    g_string_append(out, mr->enabled ? "\n" : " [disabled]\n");
    if (level >= MTREE_MAX_DEPTH) {
        return;
    }
    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->sibling_next) {
        g_ptr_array_add(subs, sub);
    }
    g_ptr_array_sort(subs, mtree_cmp);
    for (guint i = 0; i < subs->len; i++) {
        const MemoryRegion *sub = g_ptr_array_index(subs, i);

        mtree_region(out, sub, start + sub->addr, level + 1);
    }
}

static void mtree_flatview(GString *out, AddressSpace *as, unsigned n)
{
    FlatView *fv = as->current_map;

    g_string_append_printf(out, "FlatView #%u\n AS \"%s\", root: %s\n", n,
                           as->name, as->root ? as->root->name : "(none)");
    g_string_append_printf(out, " Root memory region: %s\n",
                           as->root ? as->root->name : "(none)");
    if (!fv || fv->nr == 0) {
        g_string_append(out, "  No rendered FlatView\n\n");
        return;
    }
    for (unsigned i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];

        g_string_append_printf(out,
                               "  %016" PRIx64 "-%016" PRIx64
                               " (prio %d, %s): %s",
                               fr->start, fr->last, fr->mr->priority,
                               mtree_type(fr->mr, fr->readonly), fr->mr->name);
        if (fr->offset_in_region) {
            g_string_append_printf(out, " @%016" PRIx64, fr->offset_in_region);
        }
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
}

void mtree_info(GString *out)
{
    unsigned n = 0;

    memory_system_init();
    for (AddressSpace *as = memory_address_spaces_head(); as; as = as->next) {
        g_string_append_printf(out, "address-space: %s\n", as->name);
        if (as->root) {
            mtree_region(out, as->root, 0, 1);
        }
        g_string_append_c(out, '\n');
    }
    for (AddressSpace *as = memory_address_spaces_head(); as; as = as->next) {
        mtree_flatview(out, as, n++);
    }
}
