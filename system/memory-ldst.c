/*
 * Loads and stores of 1, 2, 4 and 8 bytes through an address space.
 *
 * RAM is accessed directly after one flat view lookup.  An I/O region gets
 * the access as a single access of that size (checked against its `valid`
 * rules, as a CPU access would be).  Anything else, including accesses
 * that straddle two ranges, takes the general buffer path.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

static MemTxResult ldst_access(AddressSpace *as, hwaddr addr, uint8_t *buf,
                               unsigned size, bool is_write, MemTxAttrs attrs)
{
    FlatView *fv = address_space_to_flatview(as);
    const FlatRange *fr = fv ? flatview_lookup(fv, addr, NULL) : NULL;

    if (fr && fr->last - addr >= size - 1) {
        MemoryRegion *mr = fr->mr;
        hwaddr offset = fr->offset_in_region + (addr - fr->start);

        if (mr->kind == MR_KIND_RAM && mr->ram_ptr &&
            !(is_write && fr->readonly)) {
            if (is_write) {
                memcpy(mr->ram_ptr + offset, buf, size);
                memory_region_notify_write(mr, offset, size);
            } else {
                memcpy(buf, mr->ram_ptr + offset, size);
            }
            return MEMTX_OK;
        }
        if (mr->kind == MR_KIND_IO) {
            return memory_region_io_access(mr, offset, buf, size, is_write,
                                           attrs);
        }
    }
    return address_space_rw(as, addr, attrs, buf, size, is_write);
}

static void ldst_result(MemTxResult *result, MemTxResult res)
{
    if (result) {
        *result = res;
    }
}

static uint64_t ld_be(const uint8_t *b, unsigned size)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        v = (v << 8) | b[i];
    }
    return v;
}

static uint64_t ld_le(const uint8_t *b, unsigned size)
{
    uint64_t v = 0;

    for (unsigned i = size; i > 0; i--) {
        v = (v << 8) | b[i - 1];
    }
    return v;
}

static void st_be(uint8_t *b, unsigned size, uint64_t v)
{
    for (unsigned i = size; i > 0; i--) {
        b[i - 1] = (uint8_t)v;
        v >>= 8;
    }
}

static void st_le(uint8_t *b, unsigned size, uint64_t v)
{
    for (unsigned i = 0; i < size; i++) {
        b[i] = (uint8_t)v;
        v >>= 8;
    }
}

static uint64_t ld_common(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                          MemTxResult *result, unsigned size, bool be)
{
    uint8_t buf[8] = { 0 };

    ldst_result(result, ldst_access(as, addr, buf, size, false, attrs));
    return be ? ld_be(buf, size) : ld_le(buf, size);
}

static void st_common(AddressSpace *as, hwaddr addr, uint64_t val,
                      MemTxAttrs attrs, MemTxResult *result, unsigned size,
                      bool be)
{
    uint8_t buf[8];

    if (be) {
        st_be(buf, size, val);
    } else {
        st_le(buf, size, val);
    }
    ldst_result(result, ldst_access(as, addr, buf, size, true, attrs));
}

uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result)
{
    return (uint8_t)ld_common(as, addr, attrs, result, 1, true);
}

uint16_t address_space_lduw_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result)
{
    return (uint16_t)ld_common(as, addr, attrs, result, 2, true);
}

uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result)
{
    return (uint16_t)ld_common(as, addr, attrs, result, 2, false);
}

uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return (uint32_t)ld_common(as, addr, attrs, result, 4, true);
}

uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return (uint32_t)ld_common(as, addr, attrs, result, 4, false);
}

uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return (uint64_t)ld_common(as, addr, attrs, result, 8, true);
}

uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return (uint64_t)ld_common(as, addr, attrs, result, 8, false);
}

uint16_t address_space_lduw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                            MemTxResult *result)
{
    return (uint16_t)ld_common(as, addr, attrs, result, 2, true);
}

uint32_t address_space_ldl(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result)
{
    return (uint32_t)ld_common(as, addr, attrs, result, 4, true);
}

uint64_t address_space_ldq(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result)
{
    return (uint64_t)ld_common(as, addr, attrs, result, 8, true);
}

void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 1, true);
}

void address_space_stw_be(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 2, true);
}

void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 2, false);
}

void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 4, true);
}

void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 4, false);
}

void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 8, true);
}

void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 8, false);
}

void address_space_stw(AddressSpace *as, hwaddr addr, uint16_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 2, true);
}

void address_space_stl(AddressSpace *as, hwaddr addr, uint32_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 4, true);
}

void address_space_stq(AddressSpace *as, hwaddr addr, uint64_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    st_common(as, addr, val, attrs, result, 8, true);
}
