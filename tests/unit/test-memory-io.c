/*
 * Unit tests of the memory API: I/O regions (sizes, splitting, byte order).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

/* ---- a test I/O device that records its last access ---- */

typedef struct TestDev {
    uint64_t read_val;
    unsigned calls;
    hwaddr addrs[16];
    unsigned sizes[16];
    uint64_t vals[16];
    bool write;
    bool reject_writes;
} TestDev;

static void dev_record(TestDev *d, hwaddr addr, uint64_t val, unsigned size)
{
    if (d->calls < ARRAY_SIZE(d->addrs)) {
        d->addrs[d->calls] = addr;
        d->sizes[d->calls] = size;
        d->vals[d->calls] = val;
    }
    d->calls++;
}

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;

    dev_record(d, addr, 0, size);
    d->write = false;
    return d->read_val & (size == 8 ? UINT64_MAX : (1ULL << (8 * size)) - 1);
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    TestDev *d = opaque;

    dev_record(d, addr, val, size);
    d->write = true;
}

static bool dev_accepts(void *opaque, hwaddr addr, unsigned size, bool is_write,
                        MemTxAttrs attrs)
{
    TestDev *d = opaque;

    return !(is_write && d->reject_writes);
}

static const MemoryRegionOps be_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static const MemoryRegionOps le_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static const MemoryRegionOps strict_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = { .min_access_size = 4,
               .max_access_size = 4,
               .accepts = dev_accepts },
};

static const MemoryRegionOps bytewise_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps wordwise_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void test_cross_boundary(void)
{
    Fixture f;
    MemoryRegion ram1, io, ram2;
    TestDev dev = { .read_val = 0xa1a2a3a4 };
    uint8_t buf[16], back[16];
    uint8_t *h1, *h2;

    fixture_init(&f);
    ram_init(&ram1, "ram1", 0x1000);
    ram_init(&ram2, "ram2", 0x1000);
    memory_region_init_io(&io, NULL, &be_ops, &dev, "io", 4);
    memory_region_add_subregion(&f.root, 0, &ram1);
    memory_region_add_subregion(&f.root, 0x1000, &io);
    memory_region_add_subregion(&f.root, 0x1004, &ram2);
    for (unsigned i = 0; i < sizeof(buf); i++) {
        buf[i] = (uint8_t)(0x10 + i);
    }
    g_assert_cmpuint(address_space_write(&f.as, 0xffc, A, buf, 16), ==,
                     MEMTX_OK);
    h1 = memory_region_get_ram_ptr(&ram1);
    h2 = memory_region_get_ram_ptr(&ram2);
    g_assert_cmpmem(h1 + 0xffc, 4, buf, 4);
    g_assert_cmpuint(dev.calls, ==, 1);
    g_assert_cmpuint(dev.addrs[0], ==, 0);
    g_assert_cmpuint(dev.sizes[0], ==, 4);
    g_assert_cmphex(dev.vals[0], ==, 0x14151617);
    g_assert_cmpmem(h2, 8, buf + 8, 8);

    g_assert_cmpuint(address_space_read(&f.as, 0xffc, A, back, 16), ==,
                     MEMTX_OK);
    g_assert_cmpmem(back, 4, buf, 4);
    g_assert_cmphex(back[4], ==, 0xa1);
    g_assert_cmphex(back[7], ==, 0xa4);
    g_assert_cmpmem(back + 8, 8, buf + 8, 8);
    fixture_fini(&f);
    memory_region_finalize(&ram1);
    memory_region_finalize(&ram2);
    memory_region_finalize(&io);
}

static void test_io_valid_sizes(void)
{
    Fixture f;
    MemoryRegion io;
    TestDev dev = { .read_val = 0xcafef00d };
    MemTxResult res;
    uint8_t b;

    fixture_init(&f);
    memory_region_init_io(&io, NULL, &strict_ops, &dev, "strict", 0x100);
    memory_region_add_subregion(&f.root, 0x1000, &io);
    g_assert_cmphex(address_space_ldl(&f.as, 0x1004, A, &res), ==, 0xcafef00d);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    /* too small, misaligned, too large: rejected, device not called */
    dev.calls = 0;
    g_assert_cmpuint(address_space_read(&f.as, 0x1004, A, &b, 1), ==,
                     MEMTX_ERROR);
    address_space_ldl(&f.as, 0x1002, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_ERROR);
    address_space_ldq(&f.as, 0x1008, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_ERROR);
    address_space_lduw(&f.as, 0x1008, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_ERROR);
    g_assert_cmpuint(dev.calls, ==, 0);
    g_assert_false(address_space_access_valid(&f.as, 0x1002, 4, false, A));
    g_assert_true(address_space_access_valid(&f.as, 0x1000, 16, false, A));
    /* an 8-byte buffer is split into two 4-byte accesses */
    {
        uint8_t buf[8];

        g_assert_cmpuint(address_space_read(&f.as, 0x1008, A, buf, 8), ==,
                         MEMTX_OK);
        g_assert_cmpuint(dev.calls, ==, 2);
        g_assert_cmpuint(dev.addrs[1], ==, 0xc);
    }
    /* the accepts hook */
    dev.reject_writes = true;
    address_space_stl(&f.as, 0x1000, 1, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_ERROR);
    g_assert_false(address_space_access_valid(&f.as, 0x1000, 4, true, A));
    /* past the end of the region */
    address_space_ldl(&f.as, 0x1100, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
    memory_region_finalize(&io);
}

static void test_io_impl_split(void)
{
    Fixture f;
    MemoryRegion bytes, words;
    TestDev bdev = { .read_val = 0xab };
    TestDev wdev = { .read_val = 0x01020304 };
    MemTxResult res;

    fixture_init(&f);
    memory_region_init_io(&bytes, NULL, &bytewise_ops, &bdev, "bytes", 16);
    memory_region_init_io(&words, NULL, &wordwise_ops, &wdev, "words", 16);
    memory_region_add_subregion(&f.root, 0x0, &bytes);
    memory_region_add_subregion(&f.root, 0x100, &words);

    /* wider than implemented: split into byte accesses */
    address_space_stl_be(&f.as, 0x4, 0x11223344, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpuint(bdev.calls, ==, 4);
    for (unsigned i = 0; i < 4; i++) {
        g_assert_cmpuint(bdev.addrs[i], ==, 4 + i);
        g_assert_cmpuint(bdev.sizes[i], ==, 1);
        g_assert_cmphex(bdev.vals[i], ==, 0x11 * (i + 1));
    }
    g_assert_cmphex(address_space_lduw_be(&f.as, 0x2, A, &res), ==, 0xabab);

    /* narrower than implemented: widened to an aligned word */
    g_assert_cmphex(address_space_ldub(&f.as, 0x102, A, &res), ==, 0x03);
    g_assert_cmpuint(wdev.calls, ==, 1);
    g_assert_cmpuint(wdev.addrs[0], ==, 0);
    g_assert_cmpuint(wdev.sizes[0], ==, 4);
    g_assert_cmphex(address_space_lduw_be(&f.as, 0x106, A, &res), ==, 0x0304);
    g_assert_cmpuint(wdev.addrs[1], ==, 4);
    address_space_stb(&f.as, 0x109, 0x99, A, &res);
    g_assert_true(wdev.write);
    g_assert_cmpuint(wdev.addrs[2], ==, 8);
    g_assert_cmphex(wdev.vals[2], ==, 0x00990000);
    fixture_fini(&f);
    memory_region_finalize(&bytes);
    memory_region_finalize(&words);
}

static void test_io_endianness(void)
{
    Fixture f;
    MemoryRegion be, le;
    TestDev bdev = { .read_val = 0x11223344 };
    TestDev ldev = { .read_val = 0x11223344 };
    uint8_t buf[4];
    const uint8_t data[4] = { 0xa1, 0xb2, 0xc3, 0xd4 };

    fixture_init(&f);
    memory_region_init_io(&be, NULL, &be_ops, &bdev, "be", 16);
    memory_region_init_io(&le, NULL, &le_ops, &ldev, "le", 16);
    memory_region_add_subregion(&f.root, 0x0, &be);
    memory_region_add_subregion(&f.root, 0x10, &le);

    address_space_read(&f.as, 0x0, A, buf, 4);
    g_assert_cmphex(buf[0], ==, 0x11);
    g_assert_cmphex(buf[3], ==, 0x44);
    address_space_read(&f.as, 0x10, A, buf, 4);
    g_assert_cmphex(buf[0], ==, 0x44);
    g_assert_cmphex(buf[3], ==, 0x11);
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x0, A, NULL), ==, 0x11223344);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x10, A, NULL), ==, 0x11223344);
    g_assert_cmphex(address_space_ldl_be(&f.as, 0x10, A, NULL), ==, 0x44332211);

    address_space_write(&f.as, 0x0, A, data, 4);
    g_assert_cmphex(bdev.vals[bdev.calls - 1], ==, 0xa1b2c3d4);
    address_space_write(&f.as, 0x10, A, data, 4);
    g_assert_cmphex(ldev.vals[ldev.calls - 1], ==, 0xd4c3b2a1);
    address_space_stl_le(&f.as, 0x10, 0x01020304, A, NULL);
    g_assert_cmphex(ldev.vals[ldev.calls - 1], ==, 0x01020304);
    fixture_fini(&f);
    memory_region_finalize(&be);
    memory_region_finalize(&le);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/access/cross-boundary", test_cross_boundary);
    g_test_add_func("/memory/io/valid", test_io_valid_sizes);
    g_test_add_func("/memory/io/impl-split", test_io_impl_split);
    g_test_add_func("/memory/io/endianness", test_io_endianness);
    return g_test_run();
}
