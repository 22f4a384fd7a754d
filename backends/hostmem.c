/*
 * memory-backend: the abstract base of the host memory back ends.
 *
 * The subclass allocates the memory at complete(); the base checks the
 * options, applies the madvise() hints (dump, merge) and pre-faults the
 * pages when prealloc is on.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

HostMemoryBackend *host_memory_backend_find(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(), id);

    if (!obj || !object_dynamic_cast(obj, TYPE_MEMORY_BACKEND)) {
        error_setg(errp, "Memory backend '%s' not found", id);
        return NULL;
    }
    return MEMORY_BACKEND(obj);
}

MemoryRegion *host_memory_backend_get_memory(HostMemoryBackend *be)
{
    return be->ready ? &be->mr : NULL;
}

uint64_t host_memory_backend_get_size(HostMemoryBackend *be)
{
    return be->size;
}

int host_memory_backend_get_fd(HostMemoryBackend *be)
{
    if (!be->ready) {
        return -1;
    }
    return be->fd >= 0 ? be->fd : memory_region_get_fd(&be->mr);
}

bool host_memory_backend_is_mapped(HostMemoryBackend *be)
{
    return be->mapped;
}

void host_memory_backend_set_mapped(HostMemoryBackend *be, bool mapped)
{
    be->mapped = mapped;
}

char *host_memory_backend_region_name(HostMemoryBackend *be)
{
    Object *obj = OBJECT(be);
    const char *id = object_get_canonical_path_component(obj);

    if (be->use_canonical_path && obj->parent) {
        return object_get_canonical_path(obj);
    }
    return g_strdup(id ? id : object_get_typename(obj));
}

void host_memory_backend_init_mapping(HostMemoryBackend *be, int fd, void *ptr,
                                      bool readonly)
{
    g_autofree char *name = host_memory_backend_region_name(be);

    memory_region_init_ram_ptr(&be->mr, be, name, be->size, ptr);
    if (readonly) {
        memory_region_set_readonly(&be->mr, true);
    }
    be->map_ptr = ptr;
    be->fd = fd;
}

void hostmem_apply_dump(HostMemoryBackend *be)
{
    void *ptr = memory_region_get_ram_ptr(&be->mr);

    if (ptr) {
        qemu_madvise_ignore(ptr, be->size,
                            be->dump ? MADV_DODUMP : MADV_DONTDUMP);
    }
}

void hostmem_apply_merge(HostMemoryBackend *be)
{
    void *ptr = memory_region_get_ram_ptr(&be->mr);

    if (ptr) {
        qemu_madvise_ignore(ptr, be->size,
                            be->merge ? MADV_MERGEABLE : MADV_UNMERGEABLE);
    }
}

/* Fault in every page, so the guest never waits for (or lacks) memory. */
bool hostmem_prealloc(HostMemoryBackend *be, Error **errp)
{
    volatile uint8_t *ptr = memory_region_get_ram_ptr(&be->mr);
    bool writable = !memory_region_is_rom(&be->mr);
    size_t page = hostmem_page_size(be);

#ifdef MADV_POPULATE_WRITE
    if (!madvise((void *)ptr, be->size,
                 writable ? MADV_POPULATE_WRITE : MADV_POPULATE_READ)) {
        return true;
    }
    if (errno != EINVAL) {
        error_setg_errno(errp, errno,
                         "unable to preallocate memory of backend '%s'",
                         object_get_typename(OBJECT(be)));
        return false;
    }
#endif
    for (uint64_t off = 0; off < be->size; off += page) {
        uint8_t b = ptr[off];

        if (writable) {
            ptr[off] = b;
        }
    }
    return true;
}

static void hostmem_complete(UserCreatable *uc, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(uc);
    HostMemoryBackendClass *bc = MEMORY_BACKEND_GET_CLASS(uc);

    if (!be->size) {
        error_setg(errp, "Parameter 'size' is missing");
        return;
    }
    if (be->prealloc && !be->reserve) {
        error_setg(errp, "'prealloc=on' and 'reserve=off' are incompatible");
        return;
    }
    if (!bc->alloc(be, errp)) {
        return;
    }
    be->ready = true;
    if (!be->dump) {
        hostmem_apply_dump(be);
    }
    if (be->merge) {
        hostmem_apply_merge(be);
    }
    if (be->prealloc) {
        hostmem_prealloc(be, errp);
    }
}

static bool hostmem_can_be_deleted(UserCreatable *uc)
{
    return !MEMORY_BACKEND(uc)->mapped;
}

static void hostmem_instance_init(Object *obj)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    be->fd = -1;
    be->dump = true;
    be->merge = true;
    be->reserve = true;
    be->prealloc_threads = 1;
}

static void hostmem_instance_finalize(Object *obj)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    if (!be->ready) {
        if (be->fd >= 0) {
            close(be->fd);
        }
        return;
    }
    if (be->map_ptr && be->discard_data) {
        qemu_madvise_ignore(be->map_ptr, be->size, MADV_REMOVE);
    }
    memory_region_finalize(&be->mr);
    if (be->map_ptr) {
        munmap(be->map_ptr, be->size);
    }
    if (be->fd >= 0) {
        close(be->fd);
    }
}

static void hostmem_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = hostmem_complete;
    ucc->can_be_deleted = hostmem_can_be_deleted;
    hostmem_class_add_props(oc);
}

static const TypeInfo hostmem_type = {
    .name = TYPE_MEMORY_BACKEND,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(HostMemoryBackend),
    .instance_init = hostmem_instance_init,
    .instance_finalize = hostmem_instance_finalize,
    .class_size = sizeof(HostMemoryBackendClass),
    .class_init = hostmem_class_init,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
};

static void hostmem_register_types(void)
{
    type_register_static(&hostmem_type);
    hostmem_ram_register_types();
    hostmem_memfd_register_types();
    hostmem_file_register_types();
}

type_init(hostmem_register_types)
