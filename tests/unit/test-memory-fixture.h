/*
 * Shared fixture of the memory API unit tests: a 2^64 root container with
 * an address space on it, and small helpers.
 */
#ifndef TEST_MEMORY_FIXTURE_H
#define TEST_MEMORY_FIXTURE_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"

#define A MEMTXATTRS_UNSPECIFIED

typedef struct Fixture {
    MemoryRegion root;
    AddressSpace as;
} Fixture;

static inline void fixture_init(Fixture *f)
{
    memory_region_init(&f->root, NULL, "root", UINT64_MAX);
    address_space_init(&f->as, &f->root, "test");
}

static inline void fixture_fini(Fixture *f)
{
    address_space_destroy(&f->as);
    memory_region_finalize(&f->root);
}

static inline void ram_init(MemoryRegion *mr, const char *name, uint64_t size)
{
    g_assert_true(memory_region_init_ram(mr, NULL, name, size, &error_abort));
}

static inline uint8_t read8(AddressSpace *as, hwaddr addr, MemTxResult *res)
{
    return address_space_ldub(as, addr, A, res);
}

#endif
