/*
 * Memory regions: initialisation, the region tree and its properties.
 *
 * Every change to the tree ends in memory_region_update_pending(), which
 * notes the address spaces whose flat views depend on the region changed;
 * they are rebuilt once per transaction (memory-flatview.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

static unsigned transaction_depth;

void memory_region_transaction_begin(void)
{
    transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    g_assert(transaction_depth > 0);
    transaction_depth--;
    if (transaction_depth == 0) {
        memory_update_views();
    }
}

static void memory_region_changed(MemoryRegion *mr)
{
    memory_region_transaction_begin();
    memory_region_update_pending(mr);
    memory_region_transaction_commit();
}

void memory_region_init(MemoryRegion *mr, void *owner, const char *name,
                        uint64_t size)
{
    memset(mr, 0, sizeof(*mr));
    mr->owner = owner;
    mr->name = g_strdup(name ? name : "anonymous");
    mr->kind = MR_KIND_CONTAINER;
    mr->size = size;
    mr->refcount = 1;
    mr->enabled = true;
    mr->ram_fd = -1;
}

bool memory_region_init_ram(MemoryRegion *mr, void *owner, const char *name,
                            uint64_t size, Error **errp)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_RAM;
    if (!memory_ram_alloc(mr, size, errp)) {
        g_free(mr->name);
        mr->name = NULL;
        mr->refcount = 0;
        return false;
    }
    return true;
}

bool memory_region_init_rom(MemoryRegion *mr, void *owner, const char *name,
                            uint64_t size, Error **errp)
{
    if (!memory_region_init_ram(mr, owner, name, size, errp)) {
        return false;
    }
    mr->readonly = true;
    return true;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, void *owner, const char *name,
                                uint64_t size, void *ptr)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_RAM;
    mr->ram_ptr = ptr;
}

void memory_region_init_io(MemoryRegion *mr, void *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_IO;
    mr->ops = ops;
    mr->opaque = opaque;
}

void memory_region_init_alias(MemoryRegion *mr, void *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_ALIAS;
    mr->alias = orig;
    mr->alias_offset = offset;
}

void memory_region_finalize(MemoryRegion *mr)
{
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions);
    }
    memory_region_transaction_commit();
    if (mr->kind == MR_KIND_RAM) {
        memory_ram_free(mr);
    }
    g_free(mr->name);
    mr->name = NULL;
    mr->refcount = 0;
}

void memory_region_ref(MemoryRegion *mr)
{
    mr->refcount++;
}

void memory_region_unref(MemoryRegion *mr)
{
    g_assert(mr->refcount > 0);
    if (--mr->refcount == 0) {
        memory_region_finalize(mr);
    }
}

/* Keep siblings sorted: higher priority first, newest first among equals. */
static void memory_region_link(MemoryRegion *mr, MemoryRegion *sub)
{
    MemoryRegion **link = &mr->subregions;

    while (*link && (*link)->priority > sub->priority) {
        link = &(*link)->sibling_next;
    }
    sub->sibling_next = *link;
    *link = sub;
}

static void memory_region_unlink(MemoryRegion *mr, MemoryRegion *sub)
{
    for (MemoryRegion **link = &mr->subregions; *link;
         link = &(*link)->sibling_next) {
        if (*link == sub) {
            *link = sub->sibling_next;
            sub->sibling_next = NULL;
            return;
        }
    }
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion, int priority)
{
    g_assert(subregion->container == NULL);
    g_assert(subregion != mr);
    subregion->container = mr;
    subregion->addr = offset;
    subregion->priority = priority;
    memory_region_link(mr, subregion);
    memory_region_changed(mr);
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_overlap(mr, offset, subregion, 0);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    g_assert(subregion->container == mr);
    memory_region_unlink(mr, subregion);
    subregion->container = NULL;
    memory_region_changed(mr);
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled != enabled) {
        mr->enabled = enabled;
        memory_region_changed(mr);
    }
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    MemoryRegion *container = mr->container;

    if (mr->addr == addr) {
        return;
    }
    if (!container) {
        mr->addr = addr;
        return;
    }
    memory_region_transaction_begin();
    memory_region_del_subregion(container, mr);
    memory_region_add_subregion_overlap(container, addr, mr, mr->priority);
    memory_region_transaction_commit();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly != readonly) {
        mr->readonly = readonly;
        memory_region_changed(mr);
    }
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    if (mr->size != size) {
        g_assert(!mr->ram_owned); /* the mapping keeps its size */
        mr->size = size;
        memory_region_changed(mr);
    }
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    g_assert(mr->kind == MR_KIND_ALIAS);
    if (mr->alias_offset != offset) {
        mr->alias_offset = offset;
        memory_region_changed(mr);
    }
}

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name;
}

void *memory_region_owner(MemoryRegion *mr)
{
    return mr->owner;
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->kind == MR_KIND_RAM;
}

bool memory_region_is_rom(MemoryRegion *mr)
{
    return mr->kind == MR_KIND_RAM && mr->readonly;
}

bool memory_region_is_iommu(MemoryRegion *mr)
{
    if (mr->kind == MR_KIND_ALIAS) {
        return memory_region_is_iommu(mr->alias);
    }
    return mr->kind == MR_KIND_IOMMU;
}

IOMMUMemoryRegion *memory_region_get_iommu(MemoryRegion *mr)
{
    if (mr->kind == MR_KIND_ALIAS) {
        return memory_region_get_iommu(mr->alias);
    }
    if (mr->kind != MR_KIND_IOMMU) {
        return NULL;
    }
    return container_of(mr, IOMMUMemoryRegion, parent_obj);
}

bool memory_region_is_mapped(MemoryRegion *mr)
{
    return mr->container != NULL;
}

bool memory_region_is_enabled(MemoryRegion *mr)
{
    return mr->enabled;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->kind == MR_KIND_ALIAS) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (mr->kind != MR_KIND_RAM || !mr->ram_ptr) {
        return NULL;
    }
    return mr->ram_ptr + offset;
}

int memory_region_get_fd(MemoryRegion *mr)
{
    while (mr->kind == MR_KIND_ALIAS) {
        mr = mr->alias;
    }
    return mr->kind == MR_KIND_RAM ? mr->ram_fd : -1;
}

/* RAM regions with a write notifier, for address_space_unmap() */
static GPtrArray *write_notified;

void memory_region_set_write_notify(MemoryRegion *mr,
                                    MemoryRegionWriteNotify *fn, void *opaque)
{
    if (!write_notified) {
        write_notified = g_ptr_array_new();
    }
    g_ptr_array_remove(write_notified, mr);
    mr->write_notify = fn;
    mr->write_notify_opaque = opaque;
    if (fn) {
        g_ptr_array_add(write_notified, mr);
    }
}

void memory_region_notify_write(MemoryRegion *mr, hwaddr offset, hwaddr len)
{
    if (mr->write_notify && len) {
        mr->write_notify(mr->write_notify_opaque, offset, len);
    }
}

void memory_ram_notify_host_write(const void *host, hwaddr len)
{
    const uint8_t *p = host;

    for (guint i = 0; write_notified && i < write_notified->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(write_notified, i);

        if (mr->ram_ptr && p >= mr->ram_ptr && p < mr->ram_ptr + mr->size) {
            hwaddr off = p - mr->ram_ptr;

            memory_region_notify_write(mr, off, MIN(len, mr->size - off));
            return;
        }
    }
}
