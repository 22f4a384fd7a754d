/*
 * Guest RAM backing: a memfd mapped shared, so the same pages can later be
 * handed to host back ends by file descriptor.  Nothing is touched here,
 * so the kernel commits pages only when the guest first uses them.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

static int memory_ram_memfd(const char *name)
{
#ifdef MFD_CLOEXEC
    g_autofree char *label = g_strdup_printf("qemu-ram:%s", name);

    return memfd_create(label, MFD_CLOEXEC);
#else
    errno = ENOSYS;
    return -1;
#endif
}

static bool memory_ram_map_fd(MemoryRegion *mr, int fd, uint64_t size,
                              Error **errp)
{
    void *ptr;

    if (ftruncate(fd, (off_t)size) < 0) {
        error_setg_errno(errp, errno, "cannot set size of RAM '%s'", mr->name);
        return false;
    }
    ptr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (ptr == MAP_FAILED) {
        error_setg_errno(errp, errno, "cannot map RAM '%s'", mr->name);
        return false;
    }
    mr->ram_ptr = ptr;
    mr->ram_fd = fd;
    return true;
}

static bool memory_ram_map_anon(MemoryRegion *mr, uint64_t size, Error **errp)
{
    void *ptr = mmap(NULL, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if (ptr == MAP_FAILED) {
        error_setg_errno(errp, errno, "cannot allocate RAM '%s'", mr->name);
        return false;
    }
    mr->ram_ptr = ptr;
    mr->ram_fd = -1;
    return true;
}

bool memory_ram_alloc(MemoryRegion *mr, uint64_t size, Error **errp)
{
    int fd;

    if (size == 0 || size > (uint64_t)INT64_MAX || size > SIZE_MAX) {
        error_setg(errp, "invalid size %" PRIu64 " for RAM '%s'", size,
                   mr->name);
        return false;
    }
    fd = memory_ram_memfd(mr->name);
    if (fd < 0) {
        /* No memfd on this host: private memory, not shareable. */
        if (!memory_ram_map_anon(mr, size, errp)) {
            return false;
        }
    } else if (!memory_ram_map_fd(mr, fd, size, errp)) {
        close(fd);
        return false;
    }
    mr->ram_owned = true;
    return true;
}

void memory_ram_free(MemoryRegion *mr)
{
    if (mr->ram_owned && mr->ram_ptr) {
        munmap(mr->ram_ptr, mr->size);
    }
    if (mr->ram_owned && mr->ram_fd >= 0) {
        close(mr->ram_fd);
    }
    mr->ram_ptr = NULL;
    mr->ram_fd = -1;
    mr->ram_owned = false;
}
