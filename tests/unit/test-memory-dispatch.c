/*
 * Unit tests of the memory API: direct dispatch to I/O regions
 * (memory_region_dispatch_read/write), and region changes the flat view
 * must follow (memory_region_set_size, memory_region_set_enabled).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

/* ---- a byte-lane device: byte at offset N reads as 0xa0 + N ---- */

typedef struct LaneDev {
    uint8_t written[16];
    unsigned calls;
    unsigned last_size;
    MemTxResult fail; /* returned by the _with_attrs callbacks */
} LaneDev;

static uint64_t lane_read(void *opaque, hwaddr addr, unsigned size)
{
    LaneDev *d = opaque;

    d->calls++;
    d->last_size = size;
    g_assert_cmpuint(size, ==, 1);
    return 0xa0 + addr;
}

static void lane_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    LaneDev *d = opaque;

    d->calls++;
    d->last_size = size;
    g_assert_cmpuint(size, ==, 1);
    d->written[addr] = (uint8_t)val;
}

#define LANE_OPS(NAME, ORDER)                                                  \
    static const MemoryRegionOps NAME = {                                      \
        .read = lane_read,                                                     \
        .write = lane_write,                                                   \
        .endianness = ORDER,                                                   \
        .valid = { .min_access_size = 2, .max_access_size = 4 },               \
        .impl = { .min_access_size = 1, .max_access_size = 1 },                \
    }

LANE_OPS(lane_be_ops, DEVICE_BIG_ENDIAN);
LANE_OPS(lane_le_ops, DEVICE_LITTLE_ENDIAN);

/* ---- a whole-value device whose callbacks can fail ---- */

static MemTxResult word_read(void *opaque, hwaddr addr, uint64_t *data,
                             unsigned size, MemTxAttrs attrs)
{
    LaneDev *d = opaque;

    d->calls++;
    d->last_size = size;
    *data = 0x0102030405060708ULL >> (64 - 8 * size);
    return d->fail;
}

static MemTxResult word_write(void *opaque, hwaddr addr, uint64_t data,
                              unsigned size, MemTxAttrs attrs)
{
    LaneDev *d = opaque;

    d->calls++;
    d->last_size = size;
    for (unsigned i = 0; i < size; i++) {
        d->written[addr + i] = (uint8_t)(data >> (8 * (size - 1 - i)));
    }
    return d->fail;
}

static const MemoryRegionOps word_ops = {
    .read_with_attrs = word_read,
    .write_with_attrs = word_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void test_dispatch_byte_order(void)
{
    MemoryRegion be, le;
    LaneDev bdev = { 0 }, ldev = { 0 };
    uint64_t v = 1;

    memory_region_init_io(&be, NULL, &lane_be_ops, &bdev, "be", 16);
    memory_region_init_io(&le, NULL, &lane_le_ops, &ldev, "le", 16);

    /* a 4-byte dispatch is made of byte calls, assembled in ops order */
    g_assert_cmpuint(memory_region_dispatch_read(&be, 4, &v, 4, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0xa4a5a6a7);
    g_assert_cmpuint(bdev.calls, ==, 4);
    g_assert_cmpuint(memory_region_dispatch_read(&le, 4, &v, 4, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0xa7a6a5a4);
    g_assert_cmpuint(memory_region_dispatch_read(&be, 2, &v, 2, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0xa2a3);

    g_assert_cmpuint(memory_region_dispatch_write(&be, 8, 0x11223344, 4, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(bdev.written[8], ==, 0x11);
    g_assert_cmphex(bdev.written[11], ==, 0x44);
    g_assert_cmpuint(memory_region_dispatch_write(&le, 8, 0x11223344, 4, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(ldev.written[8], ==, 0x44);
    g_assert_cmphex(ldev.written[11], ==, 0x11);
    memory_region_finalize(&be);
    memory_region_finalize(&le);
}

static void test_dispatch_valid_sizes(void)
{
    MemoryRegion be, ram;
    LaneDev d = { 0 };
    uint64_t v;

    memory_region_init_io(&be, NULL, &lane_be_ops, &d, "be", 16);
    ram_init(&ram, "ram", 0x1000);

    /* below valid.min, above valid.max, misaligned, past the end */
    v = 1;
    g_assert_cmpuint(memory_region_dispatch_read(&be, 0, &v, 1, A), ==,
                     MEMTX_ERROR);
    g_assert_cmphex(v, ==, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&be, 0, &v, 8, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(memory_region_dispatch_read(&be, 2, &v, 4, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(memory_region_dispatch_read(&be, 16, &v, 4, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(memory_region_dispatch_write(&be, 0, 0xff, 1, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(memory_region_dispatch_write(&be, 14, 0xff, 4, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(d.calls, ==, 0);

    /* sizes no access can have, and regions that are not I/O */
    g_assert_cmpuint(memory_region_dispatch_read(&be, 0, &v, 0, A), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(memory_region_dispatch_read(&be, 0, &v, 9, A), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(memory_region_dispatch_write(&be, 0, 0, 16, A), ==,
                     MEMTX_DECODE_ERROR);
    v = 1;
    g_assert_cmpuint(memory_region_dispatch_read(&ram, 0, &v, 4, A), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(v, ==, 0);
    g_assert_cmpuint(memory_region_dispatch_write(&ram, 0, 1, 4, A), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(d.calls, ==, 0);
    memory_region_finalize(&be);
    memory_region_finalize(&ram);
}

static void test_dispatch_results(void)
{
    MemoryRegion io;
    LaneDev d = { 0 };
    uint64_t v;

    memory_region_init_io(&io, NULL, &word_ops, &d, "word", 16);
    /* whole values pass through unchanged, whatever the ops' byte order */
    for (unsigned size = 1; size <= 8; size *= 2) {
        d.calls = 0;
        g_assert_cmpuint(memory_region_dispatch_read(&io, 0, &v, size, A), ==,
                         MEMTX_OK);
        g_assert_cmphex(v, ==, 0x0102030405060708ULL >> (64 - 8 * size));
        g_assert_cmpuint(d.calls, ==, 1);
        g_assert_cmpuint(d.last_size, ==, size);
    }
    g_assert_cmpuint(memory_region_dispatch_write(&io, 8, 0xa1b2c3d4e5f60718, 8,
                                                  A),
                     ==, MEMTX_OK);
    g_assert_cmphex(d.written[8], ==, 0xa1);
    g_assert_cmphex(d.written[15], ==, 0x18);

    /* the callbacks' result codes reach the caller */
    d.fail = MEMTX_ERROR;
    g_assert_cmpuint(memory_region_dispatch_read(&io, 0, &v, 4, A), ==,
                     MEMTX_ERROR);
    g_assert_cmpuint(memory_region_dispatch_write(&io, 0, 0, 2, A), ==,
                     MEMTX_ERROR);
    d.fail = MEMTX_DECODE_ERROR;
    g_assert_cmpuint(memory_region_dispatch_write(&io, 0, 0, 1, A), ==,
                     MEMTX_DECODE_ERROR);
    memory_region_finalize(&io);
}

/* ---- region changes the flat view follows ---- */

static void test_set_size_ram(void)
{
    Fixture f;
    MemoryRegion ram;
    g_autofree uint8_t *backing = g_malloc0(0x2000);
    MemTxResult res;

    fixture_init(&f);
    memory_region_init_ram_ptr(&ram, NULL, "ram", 0x1000, backing);
    memory_region_add_subregion(&f.root, 0x4000, &ram);
    address_space_stb(&f.as, 0x4fff, 0x5a, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    memory_region_set_size(&ram, 0x800);
    g_assert_cmpuint(memory_region_size(&ram), ==, 0x800);
    g_assert_cmphex(read8(&f.as, 0x47ff, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    read8(&f.as, 0x4800, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    address_space_stb(&f.as, 0x4fff, 0xa5, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(backing[0xfff], ==, 0x5a);

    /* growing again maps the rest of the backing memory */
    memory_region_set_size(&ram, 0x2000);
    g_assert_cmphex(read8(&f.as, 0x4fff, &res), ==, 0x5a);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stb(&f.as, 0x5fff, 0x77, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(backing[0x1fff], ==, 0x77);
    read8(&f.as, 0x6000, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
    memory_region_finalize(&ram);
}

static void test_set_size_container(void)
{
    Fixture f;
    MemoryRegion box, ram;
    MemTxResult res;

    fixture_init(&f);
    memory_region_init(&box, NULL, "box", 0x10000);
    ram_init(&ram, "ram", 0x1000);
    memory_region_add_subregion(&box, 0x8000, &ram);
    memory_region_add_subregion(&f.root, 0x100000, &box);
    address_space_stb(&f.as, 0x108010, 0x42, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* the container's new end clips its subregion out of the view */
    memory_region_set_size(&box, 0x8000);
    read8(&f.as, 0x108010, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    memory_region_set_size(&box, 0x8020);
    g_assert_cmphex(read8(&f.as, 0x108010, &res), ==, 0x42);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    read8(&f.as, 0x108020, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
    memory_region_finalize(&box);
    memory_region_finalize(&ram);
}

static void test_set_enabled(void)
{
    Fixture f;
    MemoryRegion low, high;
    uint8_t *hl, *hh;
    MemTxResult res;

    fixture_init(&f);
    ram_init(&low, "low", 0x1000);
    ram_init(&high, "high", 0x1000);
    hl = memory_region_get_ram_ptr(&low);
    hh = memory_region_get_ram_ptr(&high);
    hl[0x10] = 0x01;
    hh[0x10] = 0x02;
    memory_region_add_subregion(&f.root, 0x1000, &low);
    memory_region_add_subregion_overlap(&f.root, 0x1000, &high, 1);
    g_assert_true(memory_region_is_enabled(&high));
    g_assert_cmphex(read8(&f.as, 0x1010, &res), ==, 0x02);

    /* disabled: gone from the view, the region below shows through */
    memory_region_set_enabled(&high, false);
    g_assert_false(memory_region_is_enabled(&high));
    g_assert_cmphex(read8(&f.as, 0x1010, &res), ==, 0x01);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    memory_region_set_enabled(&low, false);
    g_assert_false(memory_region_is_enabled(&low));
    read8(&f.as, 0x1010, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);

    memory_region_set_enabled(&high, true);
    g_assert_true(memory_region_is_enabled(&high));
    g_assert_cmphex(read8(&f.as, 0x1010, &res), ==, 0x02);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    fixture_fini(&f);
    memory_region_finalize(&low);
    memory_region_finalize(&high);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/dispatch/byte-order", test_dispatch_byte_order);
    g_test_add_func("/memory/dispatch/valid-sizes", test_dispatch_valid_sizes);
    g_test_add_func("/memory/dispatch/results", test_dispatch_results);
    g_test_add_func("/memory/set-size/ram", test_set_size_ram);
    g_test_add_func("/memory/set-size/container", test_set_size_container);
    g_test_add_func("/memory/set-enabled", test_set_enabled);
    return g_test_run();
}
