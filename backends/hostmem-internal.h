/*
 * Shared between the memory back-end files; not a public interface.
 */
#ifndef BACKENDS_HOSTMEM_INTERNAL_H
#define BACKENDS_HOSTMEM_INTERNAL_H

#include "qemu/osdep.h"
#include <sys/mman.h>
#include "sysemu/hostmem.h"

/* madvise() hints are best effort: a kernel without them is fine. */
static inline void qemu_madvise_ignore(void *ptr, uint64_t len, int advice)
{
    (void)madvise(ptr, len, advice);
}

/* Host page size of the backend's memory (huge page size for hugetlb). */
size_t hostmem_page_size(HostMemoryBackend *be);
void hostmem_apply_dump(HostMemoryBackend *be);
void hostmem_apply_merge(HostMemoryBackend *be);
bool hostmem_prealloc(HostMemoryBackend *be, Error **errp);
/* The base class properties (size, share, dump, ...). */
void hostmem_class_add_props(ObjectClass *oc);
/* "cannot change property NAME of TYPE " (QEMU's text) once allocated. */
bool hostmem_check_not_ready(HostMemoryBackend *be, const char *name,
                             Error **errp);
/*
 * Registration of the concrete back ends, called with the base's: a
 * program that links only what it uses still gets every back end.
 */
void hostmem_ram_register_types(void);
void hostmem_memfd_register_types(void);
void hostmem_file_register_types(void);

#endif
