/*
 * Dispatch of accesses to I/O regions.
 *
 * Inside the memory API an access is a run of bytes in guest memory
 * order.  Here it is checked against the region's `valid` rules, cut or
 * widened to the sizes its callbacks implement (`impl`), and converted
 * to and from the values the callbacks exchange in the region's byte
 * order (native = big endian, as on s390x).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

static unsigned ops_size(unsigned size, unsigned dflt)
{
    return size ? size : dflt;
}

static bool io_big_endian(const MemoryRegionOps *ops)
{
    return ops->endianness != DEVICE_LITTLE_ENDIAN;
}

static uint64_t bytes_to_val(const uint8_t *buf, unsigned size, bool be)
{
    uint64_t val = 0;

    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? 8 * (size - 1 - i) : 8 * i;

        val |= (uint64_t)buf[i] << shift;
    }
    return val;
}

static void val_to_bytes(uint64_t val, uint8_t *buf, unsigned size, bool be)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? 8 * (size - 1 - i) : 8 * i;

        buf[i] = (uint8_t)(val >> shift);
    }
}

bool memory_region_io_access_valid(MemoryRegion *mr, hwaddr addr, unsigned size,
                                   bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned vmin = ops_size(ops->valid.min_access_size, 1);
    unsigned vmax = ops_size(ops->valid.max_access_size, 4);

    if (size == 0 || size > 8 || size < vmin || size > vmax) {
        return false;
    }
    if ((unsigned __int128)addr + size > memory_region_size128(mr)) {
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        return false;
    }
    if (ops->valid.accepts &&
        !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        return false;
    }
    return true;
}

/* One call of a callback with exactly @size bytes. */
static MemTxResult io_call(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                           unsigned size, bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    bool be = io_big_endian(ops);
    MemTxResult res = MEMTX_OK;
    uint64_t val = 0;

    if (is_write) {
        val = bytes_to_val(buf, size, be);
        if (ops->write_with_attrs) {
            return ops->write_with_attrs(mr->opaque, addr, val, size, attrs);
        }
        if (!ops->write) {
            return MEMTX_ERROR;
        }
        ops->write(mr->opaque, addr, val, size);
        return MEMTX_OK;
    }
    if (ops->read_with_attrs) {
        res = ops->read_with_attrs(mr->opaque, addr, &val, size, attrs);
    } else if (ops->read) {
        val = ops->read(mr->opaque, addr, size);
    } else {
        res = MEMTX_ERROR;
    }
    val_to_bytes(val, buf, size, be);
    return res;
}

/* An access narrower than the callbacks take: aligned wider accesses. */
static MemTxResult io_access_widened(MemoryRegion *mr, hwaddr addr,
                                     uint8_t *buf, unsigned size, unsigned unit,
                                     bool is_write, MemTxAttrs attrs)
{
    hwaddr end = addr + size;
    MemTxResult res = MEMTX_OK;

    for (hwaddr w = addr & ~(hwaddr)(unit - 1); w < end; w += unit) {
        uint8_t word[8] = { 0 };
        hwaddr lo = MAX(w, addr);
        hwaddr hi = MIN(w + unit, end);

        if (is_write) {
            memcpy(word + (lo - w), buf + (lo - addr), hi - lo);
            res |= io_call(mr, w, word, unit, true, attrs);
        } else {
            res |= io_call(mr, w, word, unit, false, attrs);
            memcpy(buf + (lo - addr), word + (lo - w), hi - lo);
        }
    }
    return res;
}

static MemTxResult io_access_adjusted(MemoryRegion *mr, hwaddr addr,
                                      uint8_t *buf, unsigned size,
                                      bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned imin = ops_size(ops->impl.min_access_size, 1);
    unsigned imax = MAX(ops_size(ops->impl.max_access_size, 4), imin);
    MemTxResult res = MEMTX_OK;

    if (size >= imin && size <= imax) {
        return io_call(mr, addr, buf, size, is_write, attrs);
    }
    if (size < imin) {
        return io_access_widened(mr, addr, buf, size, imin, is_write, attrs);
    }
    for (unsigned i = 0; i < size; i += imax) {
        res |= io_call(mr, addr + i, buf + i, MIN(imax, size - i), is_write,
                       attrs);
    }
    return res;
}

MemTxResult memory_region_io_access(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                                    unsigned size, bool is_write,
                                    MemTxAttrs attrs)
{
    if (!mr->ops) {
        if (!is_write) {
            memset(buf, 0, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    if (!memory_region_io_access_valid(mr, addr, size, is_write, attrs)) {
        if (!is_write) {
            memset(buf, 0, size);
        }
        return MEMTX_ERROR;
    }
    return io_access_adjusted(mr, addr, buf, size, is_write, attrs);
}

unsigned memory_region_io_access_size(MemoryRegion *mr, hwaddr addr, hwaddr len)
{
    unsigned vmax = 4;
    bool unaligned = false;
    hwaddr size;

    if (mr->ops) {
        vmax = MIN(ops_size(mr->ops->valid.max_access_size, 4), 8);
        unaligned = mr->ops->valid.unaligned;
    }
    size = MIN(len, (hwaddr)vmax);
    if (!unaligned && addr && (addr & -addr) < size) {
        size = addr & -addr;
    }
    /* round down to a power of two */
    while (size & (size - 1)) {
        size &= size - 1;
    }
    return (unsigned)size;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs)
{
    uint8_t buf[8] = { 0 };
    MemTxResult res;

    *pval = 0;
    if (mr->kind != MR_KIND_IO || size == 0 || size > 8) {
        return MEMTX_DECODE_ERROR;
    }
    res = memory_region_io_access(mr, addr, buf, size, false, attrs);
    *pval = bytes_to_val(buf, size, !mr->ops || io_big_endian(mr->ops));
    return res;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs)
{
    uint8_t buf[8];

    if (mr->kind != MR_KIND_IO || size == 0 || size > 8) {
        return MEMTX_DECODE_ERROR;
    }
    val_to_bytes(val, buf, size, !mr->ops || io_big_endian(mr->ops));
    return memory_region_io_access(mr, addr, buf, size, true, attrs);
}
