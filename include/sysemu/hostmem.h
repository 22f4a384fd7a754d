/*
 * Host memory back ends: user-creatable objects that own a block of host
 * memory a machine can map as guest RAM (-machine memory-backend=ID).
 *
 *   memory-backend        abstract base: size, share, dump, merge, prealloc,
 *                         reserve, policy, host-nodes, ...
 *   memory-backend-ram    memfd-backed RAM from the memory API
 *   memory-backend-memfd  an explicit memfd (hugetlb, seal)
 *   memory-backend-file   a mapping of a file (mem-path, readonly)
 *
 * The memory exists once the object is complete. A backend mapped as guest
 * RAM is "in use": object-del refuses to delete it.
 */
#ifndef SYSEMU_HOSTMEM_H
#define SYSEMU_HOSTMEM_H

#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "exec/memory.h"

#define TYPE_MEMORY_BACKEND       "memory-backend"
#define TYPE_MEMORY_BACKEND_RAM   "memory-backend-ram"
#define TYPE_MEMORY_BACKEND_MEMFD "memory-backend-memfd"
#define TYPE_MEMORY_BACKEND_FILE  "memory-backend-file"

typedef enum HostMemPolicy {
    HOST_MEM_POLICY_DEFAULT,
    HOST_MEM_POLICY_PREFERRED,
    HOST_MEM_POLICY_BIND,
    HOST_MEM_POLICY_INTERLEAVE,
    HOST_MEM_POLICY__MAX,
} HostMemPolicy;

extern const QEnumLookup HostMemPolicy_lookup;

typedef struct HostMemoryBackend {
    Object parent_obj;

    /* properties */
    uint64_t size;
    bool share;
    bool dump;
    bool merge;
    bool prealloc;
    bool reserve;
    bool use_canonical_path;
    uint32_t prealloc_threads;
    HostMemPolicy policy;

    /* state */
    bool ready;  /* memory allocated (complete succeeded) */
    bool mapped; /* in use as guest RAM */
    MemoryRegion mr;
    /* set by subclasses that map memory themselves */
    void *map_ptr;     /* munmap'ed at finalize */
    int fd;            /* closed at finalize, -1 if none */
    bool discard_data; /* drop the pages at finalize */
} HostMemoryBackend;

typedef struct HostMemoryBackendClass {
    ObjectClass parent_class;
    /* Create the memory of be->size bytes and initialise be->mr. */
    bool (*alloc)(HostMemoryBackend *be, Error **errp);
} HostMemoryBackendClass;

static inline HostMemoryBackend *MEMORY_BACKEND(void *obj)
{
    return OBJECT_CHECK(HostMemoryBackend, obj, TYPE_MEMORY_BACKEND);
}

static inline HostMemoryBackendClass *MEMORY_BACKEND_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(HostMemoryBackendClass, klass,
                              TYPE_MEMORY_BACKEND);
}

static inline HostMemoryBackendClass *MEMORY_BACKEND_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(HostMemoryBackendClass, obj, TYPE_MEMORY_BACKEND);
}

/* The backend /objects/@id; "Memory backend 'ID' not found". */
HostMemoryBackend *host_memory_backend_find(const char *id, Error **errp);
/* The memory; NULL before the backend is complete. */
MemoryRegion *host_memory_backend_get_memory(HostMemoryBackend *be);
uint64_t host_memory_backend_get_size(HostMemoryBackend *be);
/* The file descriptor behind the memory, or -1. */
int host_memory_backend_get_fd(HostMemoryBackend *be);
bool host_memory_backend_is_mapped(HostMemoryBackend *be);
void host_memory_backend_set_mapped(HostMemoryBackend *be, bool mapped);

/*
 * For subclasses: make be->mr a RAM region over @ptr (be->size bytes the
 * caller mapped; unmapped at finalize), backed by @fd (closed at finalize;
 * may be -1); @readonly makes it ROM.
 */
void host_memory_backend_init_mapping(HostMemoryBackend *be, int fd, void *ptr,
                                      bool readonly);
/* The region name: the id, or the canonical path when asked for. */
char *host_memory_backend_region_name(HostMemoryBackend *be);

#endif
