/*
 * memory-backend-file: memory mapped from a file (mem-path), e.g. on
 * hugetlbfs or tmpfs. A directory gets a fresh unlinked file. With
 * readonly=on the file is mapped read-only and the guest sees ROM.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "qapi/error.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

#define TYPE_FILE_BACKEND TYPE_MEMORY_BACKEND_FILE

typedef struct FileBackend {
    HostMemoryBackend parent_obj;
    char *mem_path;
    uint64_t align;
    bool readonly;
    bool discard_data;
    bool pmem;
} FileBackend;

static FileBackend *FILE_BACKEND(void *obj)
{
    return OBJECT_CHECK(FileBackend, obj, TYPE_FILE_BACKEND);
}

static int file_backend_open(FileBackend *f, Error **errp)
{
    struct stat st;
    int fd;

    if (!stat(f->mem_path, &st) && S_ISDIR(st.st_mode)) {
        g_autofree char *tmpl = g_build_filename(f->mem_path, "qemu-ram-XXXXXX",
                                                 NULL);

        fd = mkostemp(tmpl, O_CLOEXEC);
        if (fd >= 0) {
            unlink(tmpl);
        }
    } else if (f->readonly) {
        fd = open(f->mem_path, O_RDONLY | O_CLOEXEC);
    } else {
        fd = open(f->mem_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    }
    if (fd < 0) {
        error_setg_errno(errp, errno,
                         "can't open backing store %s for guest RAM",
                         f->mem_path);
    }
    return fd;
}

static bool file_backend_size(FileBackend *f, int fd, uint64_t size,
                              Error **errp)
{
    struct stat st;

    if (fstat(fd, &st) < 0) {
        error_setg_errno(errp, errno, "cannot stat %s", f->mem_path);
        return false;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size < size) {
        if (f->readonly) {
            error_setg(errp,
                       "backing store size 0x%" PRIx64
                       " does not match 'size' option 0x%" PRIx64,
                       (uint64_t)st.st_size, size);
            return false;
        }
        if (ftruncate(fd, size) < 0) {
            error_setg_errno(errp, errno, "cannot resize %s", f->mem_path);
            return false;
        }
    }
    return true;
}

static bool file_backend_alloc(HostMemoryBackend *be, Error **errp)
{
    FileBackend *f = FILE_BACKEND(be);
    int prot = PROT_READ | (f->readonly ? 0 : PROT_WRITE);
    int flags = be->share ? MAP_SHARED : MAP_PRIVATE;
    void *ptr;
    int fd;

    if (!f->mem_path) {
        error_setg(errp, "Parameter 'mem-path' is missing");
        return false;
    }
    if (f->pmem) {
        error_setg(errp, "'pmem=on' is not supported by this build");
        return false;
    }
    fd = file_backend_open(f, errp);
    if (fd < 0) {
        return false;
    }
    if (!file_backend_size(f, fd, be->size, errp)) {
        goto fail;
    }
    if (!be->reserve) {
        flags |= MAP_NORESERVE;
    }
    ptr = mmap(NULL, be->size, prot, flags, fd, 0);
    if (ptr == MAP_FAILED) {
        error_setg_errno(errp, errno,
                         "unable to map backing store for guest RAM");
        goto fail;
    }
    be->discard_data = f->discard_data && be->share;
    host_memory_backend_init_mapping(be, fd, ptr, f->readonly);
    return true;

fail:
    close(fd);
    return false;
}

static char *file_get_mem_path(Object *obj, Error **errp)
{
    return g_strdup(FILE_BACKEND(obj)->mem_path);
}

static void file_set_mem_path(Object *obj, const char *value, Error **errp)
{
    FileBackend *f = FILE_BACKEND(obj);

    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), "mem-path", errp)) {
        g_free(f->mem_path);
        f->mem_path = g_strdup(value);
    }
}

static bool file_get_readonly(Object *obj, Error **errp)
{
    return FILE_BACKEND(obj)->readonly;
}

static void file_set_readonly(Object *obj, bool value, Error **errp)
{
    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), "readonly", errp)) {
        FILE_BACKEND(obj)->readonly = value;
    }
}

static bool file_get_pmem(Object *obj, Error **errp)
{
    return FILE_BACKEND(obj)->pmem;
}

static void file_set_pmem(Object *obj, bool value, Error **errp)
{
    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), "pmem", errp)) {
        FILE_BACKEND(obj)->pmem = value;
    }
}

static bool file_get_discard(Object *obj, Error **errp)
{
    return FILE_BACKEND(obj)->discard_data;
}

static void file_set_discard(Object *obj, bool value, Error **errp)
{
    FileBackend *f = FILE_BACKEND(obj);
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    f->discard_data = value;
    be->discard_data = value && be->share;
}

static void file_get_align(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    visit_type_size(v, name, &FILE_BACKEND(obj)->align, errp);
}

/* The mapping is always page aligned; a larger alignment is accepted. */
static void file_set_align(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    if (hostmem_check_not_ready(MEMORY_BACKEND(obj), name, errp)) {
        visit_type_size(v, name, &FILE_BACKEND(obj)->align, errp);
    }
}

static void file_backend_finalize(Object *obj)
{
    g_free(FILE_BACKEND(obj)->mem_path);
}

static void file_backend_class_init(ObjectClass *oc, void *data)
{
    MEMORY_BACKEND_CLASS(oc)->alloc = file_backend_alloc;

    object_class_property_add_str(oc, "mem-path", file_get_mem_path,
                                  file_set_mem_path);
    object_class_property_add_bool(oc, "readonly", file_get_readonly,
                                   file_set_readonly);
    object_class_property_add_bool(oc, "discard-data", file_get_discard,
                                   file_set_discard);
    object_class_property_add_bool(oc, "pmem", file_get_pmem, file_set_pmem);
    object_class_property_add(oc, "align", "int", file_get_align,
                              file_set_align, NULL, NULL);
}

static const TypeInfo file_backend_type = {
    .name = TYPE_FILE_BACKEND,
    .parent = TYPE_MEMORY_BACKEND,
    .instance_size = sizeof(FileBackend),
    .instance_finalize = file_backend_finalize,
    .class_init = file_backend_class_init,
};

void hostmem_file_register_types(void)
{
    type_register_static(&file_backend_type);
}
