/*
 * memory-backend-memfd: memory in an explicit memfd, optionally on huge
 * pages (hugetlb, hugetlbsize) and sealed against resizing (seal).
 * Shared by default, so the fd can be passed to other processes.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <linux/memfd.h>
#include "qapi/error.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

#define TYPE_MEMFD_BACKEND TYPE_MEMORY_BACKEND_MEMFD

typedef struct MemfdBackend {
    HostMemoryBackend parent_obj;
    bool hugetlb;
    uint64_t hugetlbsize;
    bool seal;
} MemfdBackend;

static MemfdBackend *MEMFD_BACKEND(void *obj)
{
    return OBJECT_CHECK(MemfdBackend, obj, TYPE_MEMFD_BACKEND);
}

static int memfd_backend_create(MemfdBackend *m, const char *name, Error **errp)
{
    unsigned int flags = MFD_CLOEXEC;
    int fd;

    if (m->seal) {
        flags |= MFD_ALLOW_SEALING;
    }
    if (m->hugetlb) {
        flags |= MFD_HUGETLB;
        if (m->hugetlbsize) {
            unsigned int shift = __builtin_ctzll(m->hugetlbsize);

            flags |= shift << MFD_HUGE_SHIFT;
        }
    }
    fd = memfd_create(name, flags);
    if (fd < 0) {
        error_setg_errno(errp, errno, "failed to create memfd%s",
                         m->hugetlb ? " on huge pages" : "");
    }
    return fd;
}

static bool memfd_backend_alloc(HostMemoryBackend *be, Error **errp)
{
    MemfdBackend *m = MEMFD_BACKEND(be);
    g_autofree char *name = host_memory_backend_region_name(be);
    int flags = be->share ? MAP_SHARED : MAP_PRIVATE;
    void *ptr;
    int fd;

    fd = memfd_backend_create(m, name, errp);
    if (fd < 0) {
        return false;
    }
    if (ftruncate(fd, be->size) < 0) {
        error_setg_errno(errp, errno, "failed to set the memfd size");
        goto fail;
    }
    if (m->seal &&
        fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL)) {
        error_setg_errno(errp, errno, "failed to seal the memfd");
        goto fail;
    }
    if (!be->reserve) {
        flags |= MAP_NORESERVE;
    }
    ptr = mmap(NULL, be->size, PROT_READ | PROT_WRITE, flags, fd, 0);
    if (ptr == MAP_FAILED) {
        error_setg_errno(errp, errno,
                         "unable to map backing store for guest RAM");
        goto fail;
    }
    host_memory_backend_init_mapping(be, fd, ptr, false);
    return true;

fail:
    close(fd);
    return false;
}

static bool memfd_get_hugetlb(Object *obj, Error **errp)
{
    return MEMFD_BACKEND(obj)->hugetlb;
}

static void memfd_set_hugetlb(Object *obj, bool value, Error **errp)
{
    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), "hugetlb", errp)) {
        MEMFD_BACKEND(obj)->hugetlb = value;
    }
}

static bool memfd_get_seal(Object *obj, Error **errp)
{
    return MEMFD_BACKEND(obj)->seal;
}

static void memfd_set_seal(Object *obj, bool value, Error **errp)
{
    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), "seal", errp)) {
        MEMFD_BACKEND(obj)->seal = value;
    }
}

static void memfd_get_hugetlbsize(Object *obj, Visitor *v, const char *name,
                                  void *opaque, Error **errp)
{
    visit_type_size(v, name, &MEMFD_BACKEND(obj)->hugetlbsize, errp);
}

static void memfd_set_hugetlbsize(Object *obj, Visitor *v, const char *name,
                                  void *opaque, Error **errp)
{
    uint64_t value;

    if (!hostmem_check_not_ready(MEMORY_BACKEND(obj), name, errp) ||
        !visit_type_size(v, name, &value, errp)) {
        return;
    }
    if (!value || (value & (value - 1))) {
        error_setg(errp, "Hugepage size must be a power of 2");
        return;
    }
    MEMFD_BACKEND(obj)->hugetlbsize = value;
}

static void memfd_backend_init(Object *obj)
{
    MEMFD_BACKEND(obj)->seal = true;
    MEMORY_BACKEND(obj)->share = true;
}

static void memfd_backend_class_init(ObjectClass *oc, void *data)
{
    MEMORY_BACKEND_CLASS(oc)->alloc = memfd_backend_alloc;

    object_class_property_add_bool(oc, "hugetlb", memfd_get_hugetlb,
                                   memfd_set_hugetlb);
    object_class_property_set_description(oc, "hugetlb",
                                          "Allocate the memory on huge pages");
    object_class_property_add(oc, "hugetlbsize", "int", memfd_get_hugetlbsize,
                              memfd_set_hugetlbsize, NULL, NULL);
    object_class_property_set_description(
        oc, "hugetlbsize", "Huge page size (e.g. 2M, 1G; default: the host's)");
    object_class_property_add_bool(oc, "seal", memfd_get_seal, memfd_set_seal);
    object_class_property_set_description(
        oc, "seal", "Seal the memfd against growing and shrinking");
}

static const TypeInfo memfd_backend_type = {
    .name = TYPE_MEMFD_BACKEND,
    .parent = TYPE_MEMORY_BACKEND,
    .instance_size = sizeof(MemfdBackend),
    .instance_init = memfd_backend_init,
    .class_init = memfd_backend_class_init,
};

void hostmem_memfd_register_types(void)
{
    type_register_static(&memfd_backend_type);
}
