/*
 * Unit tests of the memory API: regions, flat views, accesses, IOMMUs.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"

#define A MEMTXATTRS_UNSPECIFIED

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
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 1, .max_access_size = 8},
};

static const MemoryRegionOps le_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 1, .max_access_size = 8},
};

static const MemoryRegionOps strict_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = {.min_access_size = 4,
              .max_access_size = 4,
              .accepts = dev_accepts},
};

static const MemoryRegionOps bytewise_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 1, .max_access_size = 1},
};

static const MemoryRegionOps wordwise_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 4},
    .impl = {.min_access_size = 4, .max_access_size = 4},
};

/* ---- fixtures: a root container and its address space ---- */

typedef struct Fixture {
    MemoryRegion root;
    AddressSpace as;
} Fixture;

static void fixture_init(Fixture *f)
{
    memory_region_init(&f->root, NULL, "root", UINT64_MAX);
    address_space_init(&f->as, &f->root, "test");
}

static void fixture_fini(Fixture *f)
{
    address_space_destroy(&f->as);
    memory_region_finalize(&f->root);
}

static void ram_init(MemoryRegion *mr, const char *name, uint64_t size)
{
    g_assert_true(memory_region_init_ram(mr, NULL, name, size, &error_abort));
}

static uint8_t read8(AddressSpace *as, hwaddr addr, MemTxResult *res)
{
    return address_space_ldub(as, addr, A, res);
}

static void test_ram_rw(void)
{
    Fixture f;
    MemoryRegion ram;
    uint8_t buf[256], back[256];
    MemTxResult res;
    uint8_t *host;

    fixture_init(&f);
    ram_init(&ram, "ram", 1 * MiB);
    memory_region_add_subregion(&f.root, 0x100000, &ram);
    for (unsigned i = 0; i < sizeof(buf); i++) {
        buf[i] = (uint8_t)(i * 7);
    }
    g_assert_cmpuint(address_space_write(&f.as, 0x100010, A, buf, sizeof(buf)),
                     ==, MEMTX_OK);
    g_assert_cmpuint(address_space_read(&f.as, 0x100010, A, back, sizeof(back)),
                     ==, MEMTX_OK);
    g_assert_cmpmem(buf, sizeof(buf), back, sizeof(back));
    host = memory_region_get_ram_ptr(&ram);
    g_assert_cmpmem(host + 0x10, sizeof(buf), buf, sizeof(buf));

    address_space_stl_be(&f.as, 0x100000, 0x11223344, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(host[0], ==, 0x11);
    g_assert_cmphex(host[3], ==, 0x44);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x100000, A, &res), ==,
                    0x44332211);
    address_space_stq_le(&f.as, 0x100008, 0x0102030405060708ULL, A, NULL);
    g_assert_cmphex(address_space_ldq_be(&f.as, 0x100008, A, NULL), ==,
                    0x0807060504030201ULL);
    address_space_stw(&f.as, 0x100020, 0xbeef, A, NULL);
    g_assert_cmphex(address_space_lduw_be(&f.as, 0x100020, A, NULL), ==,
                    0xbeef);
    g_assert_cmpuint(address_space_set(&f.as, 0x100040, 0xaa, 8, A), ==,
                     MEMTX_OK);
    g_assert_cmphex(address_space_ldq(&f.as, 0x100040, A, NULL), ==,
                    0xaaaaaaaaaaaaaaaaULL);
    g_assert_true(
        address_space_access_valid(&f.as, 0x100000, 1 * MiB, true, A));
    g_assert_false(
        address_space_access_valid(&f.as, 0x100000, 1 * MiB + 1, false, A));
    fixture_fini(&f);
    memory_region_finalize(&ram);
}

static void test_memfd(void)
{
    Fixture f;
    MemoryRegion ram, big;
    uint8_t data[4] = {0xde, 0xad, 0xbe, 0xef}, back[4];
    int fd;

    fixture_init(&f);
    ram_init(&ram, "ram", 64 * KiB);
    memory_region_add_subregion(&f.root, 0, &ram);
    fd = memory_region_get_fd(&ram);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(address_space_write(&f.as, 0x1234, A, data, 4), ==,
                     MEMTX_OK);
    g_assert_cmpint(pread(fd, back, 4, 0x1234), ==, 4);
    g_assert_cmpmem(back, 4, data, 4);

    /* a huge size costs address space only, not memory */
    ram_init(&big, "big", 64 * GiB);
    memory_region_add_subregion(&f.root, 1 * TiB, &big);
    g_assert_cmpuint(
        address_space_write(&f.as, 1 * TiB + 64 * GiB - 4, A, data, 4), ==,
        MEMTX_OK);
    g_assert_cmpint(pread(memory_region_get_fd(&big), back, 4, 64 * GiB - 4),
                    ==, 4);
    g_assert_cmpmem(back, 4, data, 4);
    fixture_fini(&f);
    memory_region_finalize(&ram);
    memory_region_finalize(&big);

    /* unusable sizes are errors, not crashes */
    {
        Error *err = NULL;
        MemoryRegion bad;

        g_assert_false(memory_region_init_ram(&bad, NULL, "bad", 0, &err));
        g_assert_nonnull(err);
        error_free(err);
    }
}

static void fill_ram(MemoryRegion *mr, uint8_t val)
{
    memset(memory_region_get_ram_ptr(mr), val, memory_region_size(mr));
}

static void test_priority(void)
{
    Fixture f;
    MemoryRegion low, high, same;
    MemTxResult res;

    fixture_init(&f);
    ram_init(&low, "low", 0x2000);
    ram_init(&high, "high", 0x800);
    ram_init(&same, "same", 0x100);
    fill_ram(&low, 0x11);
    fill_ram(&high, 0x22);
    fill_ram(&same, 0x33);
    memory_region_add_subregion_overlap(&f.root, 0x1000, &high, 1);
    memory_region_add_subregion_overlap(&f.root, 0, &low, 0);
    g_assert_cmphex(read8(&f.as, 0x0fff, &res), ==, 0x11);
    g_assert_cmphex(read8(&f.as, 0x1000, &res), ==, 0x22);
    g_assert_cmphex(read8(&f.as, 0x17ff, &res), ==, 0x22);
    /* the lower region shows through where the higher one ends */
    g_assert_cmphex(read8(&f.as, 0x1800, &res), ==, 0x11);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    /* equal priority: the region added later wins */
    memory_region_add_subregion_overlap(&f.root, 0x100, &same, 0);
    g_assert_cmphex(read8(&f.as, 0x100, &res), ==, 0x33);
    g_assert_cmphex(read8(&f.as, 0x200, &res), ==, 0x11);
    /* lowering the higher region's priority below low hides it */
    memory_region_del_subregion(&f.root, &high);
    memory_region_add_subregion_overlap(&f.root, 0x1000, &high, -1);
    g_assert_cmphex(read8(&f.as, 0x1000, &res), ==, 0x11);
    memory_region_set_address(&high, 0x1c00);
    g_assert_cmphex(read8(&f.as, 0x1c00, &res), ==, 0x11);
    g_assert_cmphex(read8(&f.as, 0x2000, &res), ==, 0x22);
    fixture_fini(&f);
    memory_region_finalize(&low);
    memory_region_finalize(&high);
    memory_region_finalize(&same);
}

static void test_alias(void)
{
    Fixture f;
    MemoryRegion ram, alias;
    MemTxResult res;
    uint8_t *host;

    fixture_init(&f);
    ram_init(&ram, "ram", 0x1000);
    host = memory_region_get_ram_ptr(&ram);
    for (unsigned i = 0; i < 0x1000; i++) {
        host[i] = (uint8_t)i;
    }
    memory_region_init_alias(&alias, NULL, "window", &ram, 0x100, 0x100);
    memory_region_add_subregion(&f.root, 0x10000, &alias);
    g_assert_cmphex(read8(&f.as, 0x10000, &res), ==, 0x00);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(read8(&f.as, 0x10001, &res), ==, 0x01);
    g_assert_true(memory_region_get_ram_ptr(&alias) == host + 0x100);
    g_assert_cmpint(memory_region_get_fd(&alias), ==,
                    memory_region_get_fd(&ram));
    /* outside the window nothing is mapped */
    read8(&f.as, 0x10100, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    read8(&f.as, 0xffff, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    /* writes through the alias land in the original */
    address_space_stb(&f.as, 0x10080, 0x5a, A, &res);
    g_assert_cmphex(host[0x180], ==, 0x5a);
    memory_region_set_alias_offset(&alias, 0x200);
    g_assert_cmphex(read8(&f.as, 0x10010, &res), ==, 0x10);
    fixture_fini(&f);
    memory_region_finalize(&alias);
    memory_region_finalize(&ram);
}

static void test_enable_and_del(void)
{
    Fixture f;
    MemoryRegion low, high;
    MemTxResult res;

    fixture_init(&f);
    ram_init(&low, "low", 0x1000);
    ram_init(&high, "high", 0x1000);
    fill_ram(&low, 0x11);
    fill_ram(&high, 0x22);
    memory_region_add_subregion_overlap(&f.root, 0, &low, 0);
    memory_region_add_subregion_overlap(&f.root, 0, &high, 1);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0x22);
    memory_region_set_enabled(&high, false);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0x11);
    memory_region_set_enabled(&high, true);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0x22);
    memory_region_set_address(&high, 0x4000);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0x11);
    g_assert_cmphex(read8(&f.as, 0x4010, &res), ==, 0x22);
    /* the flat view is rebuilt after del_subregion */
    memory_region_del_subregion(&f.root, &high);
    read8(&f.as, 0x4010, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_false(memory_region_is_mapped(&high));
    memory_region_del_subregion(&f.root, &low);
    read8(&f.as, 0x10, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
    memory_region_finalize(&low);
    memory_region_finalize(&high);
}

static void test_container_holes(void)
{
    Fixture f;
    MemoryRegion box, ram;
    uint8_t buf[8];
    MemTxResult res;

    fixture_init(&f);
    memory_region_init(&box, NULL, "box", 0x10000);
    ram_init(&ram, "ram", 0x1000);
    fill_ram(&ram, 0x77);
    memory_region_add_subregion(&box, 0x1000, &ram);
    memory_region_add_subregion(&f.root, 0x20000, &box);
    memset(buf, 0xcc, sizeof(buf));
    g_assert_cmpuint(address_space_read(&f.as, 0x20000, A, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    /* failed reads give zeros, never stale data */
    g_assert_cmphex(buf[0], ==, 0);
    g_assert_cmphex(read8(&f.as, 0x21000, &res), ==, 0x77);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_false(address_space_access_valid(&f.as, 0x20000, 1, false, A));
    g_assert_null(address_space_translate(&f.as, 0x20000, &(hwaddr){0},
                                          &(hwaddr){1}, false, A));
    fixture_fini(&f);
    memory_region_finalize(&box);
    memory_region_finalize(&ram);
}

static void test_cross_boundary(void)
{
    Fixture f;
    MemoryRegion ram1, io, ram2;
    TestDev dev = {.read_val = 0xa1a2a3a4};
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
    TestDev dev = {.read_val = 0xcafef00d};
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
    TestDev bdev = {.read_val = 0xab};
    TestDev wdev = {.read_val = 0x01020304};
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
    TestDev bdev = {.read_val = 0x11223344};
    TestDev ldev = {.read_val = 0x11223344};
    uint8_t buf[4];
    const uint8_t data[4] = {0xa1, 0xb2, 0xc3, 0xd4};

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

static void test_readonly(void)
{
    Fixture f;
    MemoryRegion rom, ram;
    uint8_t data[4] = {1, 2, 3, 4};
    MemTxResult res;
    hwaddr len = 4;

    fixture_init(&f);
    g_assert_true(
        memory_region_init_rom(&rom, NULL, "rom", 0x1000, &error_abort));
    ram_init(&ram, "ram", 0x1000);
    fill_ram(&rom, 0xee);
    memory_region_add_subregion(&f.root, 0, &rom);
    memory_region_add_subregion(&f.root, 0x1000, &ram);
    g_assert_true(memory_region_is_rom(&rom));
    g_assert_cmpuint(address_space_write(&f.as, 0x10, A, data, 4), ==,
                     MEMTX_ERROR);
    address_space_stl(&f.as, 0x20, 0x12345678, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_ERROR);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0xee);
    g_assert_cmphex(read8(&f.as, 0x20, &res), ==, 0xee);
    g_assert_false(address_space_access_valid(&f.as, 0, 4, true, A));
    g_assert_true(address_space_access_valid(&f.as, 0, 4, false, A));
    g_assert_null(address_space_map(&f.as, 0, &len, true, A));
    len = 4;
    g_assert_nonnull(address_space_map(&f.as, 0, &len, false, A));

    memory_region_set_readonly(&ram, true);
    g_assert_cmpuint(address_space_write(&f.as, 0x1000, A, data, 4), ==,
                     MEMTX_ERROR);
    memory_region_set_readonly(&ram, false);
    g_assert_cmpuint(address_space_write(&f.as, 0x1000, A, data, 4), ==,
                     MEMTX_OK);
    fixture_fini(&f);
    memory_region_finalize(&rom);
    memory_region_finalize(&ram);
}

static void test_out_of_range(void)
{
    Fixture f;
    MemoryRegion guarded, top;
    uint8_t *backing = g_malloc(0x2000);
    uint8_t buf[16], big[64];
    MemTxResult res;
    hwaddr len, xlat;

    fixture_init(&f);
    /* region over the first half of a buffer: the rest is a canary */
    memset(backing, 0x5c, 0x2000);
    memory_region_init_ram_ptr(&guarded, NULL, "guarded", 0x1000, backing);
    memory_region_add_subregion(&f.root, 0, &guarded);
    memset(buf, 0xff, sizeof(buf));
    g_assert_cmpuint(address_space_write(&f.as, 0xffc, A, buf, 16), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(backing[0xfff], ==, 0xff);
    for (unsigned i = 0x1000; i < 0x2000; i++) {
        g_assert_cmphex(backing[i], ==, 0x5c);
    }
    address_space_stq(&f.as, 0xffc, 0, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(backing[0x1000], ==, 0x5c);

    /* the very top of the address space, and wrapping past it */
    ram_init(&top, "top", 0x1000);
    memory_region_add_subregion(&f.root, 0xfffffffffffff000ULL, &top);
    memset(big, 0x42, sizeof(big));
    g_assert_cmpuint(
        address_space_write(&f.as, 0xfffffffffffffff8ULL, A, big, 16), ==,
        MEMTX_DECODE_ERROR);
    memset(big, 0x99, sizeof(big));
    g_assert_cmpuint(
        address_space_read(&f.as, 0xfffffffffffffff8ULL, A, big, 16), ==,
        MEMTX_DECODE_ERROR);
    g_assert_cmphex(big[7], ==, 0x42);
    g_assert_cmphex(big[8], ==, 0);
    g_assert_cmphex(read8(&f.as, 0, &res), ==, 0x5c); /* not wrapped */
    address_space_ldq(&f.as, 0xfffffffffffffffcULL, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    address_space_ldq(&f.as, HWADDR_MAX, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(read8(&f.as, HWADDR_MAX, &res), ==, 0x42);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_false(
        address_space_access_valid(&f.as, 0x10, HWADDR_MAX, false, A));
    g_assert_false(address_space_access_valid(&f.as, HWADDR_MAX, 2, false, A));
    g_assert_true(address_space_access_valid(&f.as, HWADDR_MAX, 1, true, A));
    len = HWADDR_MAX;
    g_assert_true(address_space_map(&f.as, 0x800, &len, false, A) ==
                  backing + 0x800);
    g_assert_cmpuint(len, ==, 0x800);
    len = HWADDR_MAX;
    g_assert_true(address_space_translate(&f.as, 0xfffffffffffff010ULL, &xlat,
                                          &len, false, A) == &top);
    g_assert_cmphex(xlat, ==, 0x10);
    g_assert_cmphex(len, ==, 0xff0);
    g_assert_cmpuint(address_space_set(&f.as, 0x2000, 0, HWADDR_MAX, A) &
                         MEMTX_DECODE_ERROR,
                     !=, 0);
    fixture_fini(&f);
    memory_region_finalize(&guarded);
    memory_region_finalize(&top);
    g_free(backing);
}

/* ---- IOMMU ---- */

typedef struct TestIommu {
    IOMMUMemoryRegion iommu;
    AddressSpace *target;
    IOMMUNotifierFlag flags_seen;
    unsigned flag_changes;
} TestIommu;

/* page 1 -> 0x5000 read-write, page 2 -> 0x9000 read-only, rest unmapped */
static IOMMUTLBEntry test_translate(IOMMUMemoryRegion *iommu, hwaddr addr,
                                    IOMMUAccessFlags flag, int idx)
{
    TestIommu *t = iommu->opaque;
    IOMMUTLBEntry e = {
        .target_as = t->target,
        .iova = addr & ~0xfffULL,
        .addr_mask = 0xfff,
        .perm = IOMMU_NONE,
    };

    if (e.iova == 0x1000) {
        e.translated_addr = 0x5000;
        e.perm = IOMMU_RW;
    } else if (e.iova == 0x2000) {
        e.translated_addr = 0x9000;
        e.perm = IOMMU_RO;
    }
    return e;
}

static int test_flag_changed(IOMMUMemoryRegion *iommu, IOMMUNotifierFlag old,
                             IOMMUNotifierFlag new, Error **errp)
{
    TestIommu *t = iommu->opaque;

    t->flags_seen = new;
    t->flag_changes++;
    return 0;
}

static const IOMMUMemoryRegionOps test_iommu_ops = {
    .translate = test_translate,
    .notify_flag_changed = test_flag_changed,
};

static void test_iommu_translate(void)
{
    Fixture sys;
    MemoryRegion ram, dma_root;
    AddressSpace dma;
    TestIommu t = {0};
    uint8_t *host, buf[16];
    MemTxResult res;
    hwaddr xlat, len;

    fixture_init(&sys);
    ram_init(&ram, "ram", 0x10000);
    memory_region_add_subregion(&sys.root, 0, &ram);
    host = memory_region_get_ram_ptr(&ram);
    for (unsigned i = 0; i < 0x10000; i++) {
        host[i] = (uint8_t)(i >> 4);
    }
    t.target = &sys.as;
    memory_region_init(&dma_root, NULL, "dma-root", UINT64_MAX);
    memory_region_init_iommu(&t.iommu, NULL, &test_iommu_ops, &t, "iommu",
                             1 * MiB);
    memory_region_add_subregion(&dma_root, 0, &t.iommu.parent_obj);
    address_space_init(&dma, &dma_root, "dma");
    g_assert_true(memory_region_is_iommu(&t.iommu.parent_obj));

    g_assert_cmphex(read8(&dma, 0x1010, &res), ==, host[0x5010]);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stl(&dma, 0x1020, 0xfeedface, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl(&sys.as, 0x5020, A, NULL), ==,
                    0xfeedface);
    /* unmapped */
    read8(&dma, 0x3000, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    /* read-only translation: reads pass, writes fail and change nothing */
    g_assert_cmphex(read8(&dma, 0x2004, &res), ==, host[0x9004]);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    address_space_stb(&dma, 0x2004, 0, A, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmphex(host[0x9004], ==, (uint8_t)(0x9004 >> 4));
    g_assert_false(address_space_access_valid(&dma, 0x2000, 4, true, A));
    g_assert_true(address_space_access_valid(&dma, 0x2000, 4, false, A));
    /* a buffer crossing from page 1 to page 2 follows both translations */
    g_assert_cmpuint(address_space_read(&dma, 0x1ff8, A, buf, 16), ==,
                     MEMTX_OK);
    g_assert_cmphex(buf[7], ==, host[0x5fff]);
    g_assert_cmphex(buf[8], ==, host[0x9000]);
    /* translate reports the RAM behind the IOMMU, clamped to the page */
    len = 0x2000;
    g_assert_true(
        address_space_translate(&dma, 0x1100, &xlat, &len, false, A) == &ram);
    g_assert_cmphex(xlat, ==, 0x5100);
    g_assert_cmphex(len, ==, 0xf00);
    len = 0x100;
    g_assert_true(address_space_map(&dma, 0x1100, &len, true, A) ==
                  host + 0x5100);
    len = 4;
    g_assert_null(address_space_translate(&dma, 0x3000, &xlat, &len, false, A));
    address_space_destroy(&dma);
    memory_region_finalize(&dma_root);
    memory_region_finalize(&t.iommu.parent_obj);
    fixture_fini(&sys);
    memory_region_finalize(&ram);
}

typedef struct TestNotifier {
    IOMMUNotifier n;
    unsigned maps, unmaps;
    IOMMUTLBEntry last;
} TestNotifier;

static void test_notify(IOMMUNotifier *n, IOMMUTLBEntry *e)
{
    TestNotifier *tn = container_of(n, TestNotifier, n);

    if (e->perm == IOMMU_NONE) {
        tn->unmaps++;
    } else {
        tn->maps++;
    }
    tn->last = *e;
}

static void test_iommu_notifiers(void)
{
    TestIommu t = {0};
    TestNotifier all = {0}, maps_only = {0}, far = {0};
    MemoryRegion ram;
    IOMMUTLBEvent ev = {
        .type = IOMMU_NOTIFIER_MAP,
        .entry = {.iova = 0x1000,
                  .translated_addr = 0x5000,
                  .addr_mask = 0xfff,
                  .perm = IOMMU_RW},
    };
    Error *err = NULL;

    memory_region_init_iommu(&t.iommu, NULL, &test_iommu_ops, &t, "iommu",
                             1 * MiB);
    iommu_notifier_init(&all.n, test_notify, IOMMU_NOTIFIER_IOTLB_EVENTS, 0,
                        0xffff, 0);
    iommu_notifier_init(&maps_only.n, test_notify, IOMMU_NOTIFIER_MAP, 0,
                        HWADDR_MAX, 0);
    iommu_notifier_init(&far.n, test_notify, IOMMU_NOTIFIER_IOTLB_EVENTS,
                        0x100000, 0x1fffff, 0);
    g_assert_cmpint(memory_region_register_iommu_notifier(&t.iommu.parent_obj,
                                                          &all.n, &error_abort),
                    ==, 0);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_IOTLB_EVENTS);
    g_assert_cmpint(memory_region_register_iommu_notifier(
                        &t.iommu.parent_obj, &maps_only.n, &error_abort),
                    ==, 0);
    g_assert_cmpint(memory_region_register_iommu_notifier(&t.iommu.parent_obj,
                                                          &far.n, &error_abort),
                    ==, 0);
    g_assert_cmpuint(t.flag_changes, ==, 1);

    memory_region_notify_iommu(&t.iommu, 0, ev);
    g_assert_cmpuint(all.maps, ==, 1);
    g_assert_cmpuint(maps_only.maps, ==, 1);
    g_assert_cmpuint(far.maps, ==, 0);
    g_assert_cmphex(all.last.translated_addr, ==, 0x5000);

    ev.type = IOMMU_NOTIFIER_UNMAP;
    ev.entry.perm = IOMMU_NONE;
    memory_region_notify_iommu(&t.iommu, 0, ev);
    g_assert_cmpuint(all.unmaps, ==, 1);
    g_assert_cmpuint(maps_only.unmaps, ==, 0);
    g_assert_cmpuint(far.unmaps, ==, 0);
    /* another index reaches nobody */
    memory_region_notify_iommu(&t.iommu, 1, ev);
    g_assert_cmpuint(all.unmaps, ==, 1);

    /* replay by translating: page 1 and 2 are mapped */
    all.maps = 0;
    memory_region_iommu_replay(&t.iommu, &all.n);
    g_assert_cmpuint(all.maps, ==, 2);

    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &all.n);
    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &far.n);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_MAP);
    memory_region_unregister_iommu_notifier(&t.iommu.parent_obj, &maps_only.n);
    g_assert_cmpuint(t.flags_seen, ==, IOMMU_NOTIFIER_NONE);

    /* only IOMMU regions take notifiers */
    ram_init(&ram, "ram", 0x1000);
    g_assert_cmpint(memory_region_register_iommu_notifier(&ram, &all.n, &err),
                    <, 0);
    g_assert_nonnull(err);
    error_free(err);
    memory_region_finalize(&ram);
    memory_region_finalize(&t.iommu.parent_obj);
}

static void test_system_memory(void)
{
    MemoryRegion ram;
    g_autoptr(GString) out = g_string_new("");
    MemTxResult res;

    g_assert_cmphex(memory_region_size(get_system_memory()), ==, UINT64_MAX);
    ram_init(&ram, "s390.ram", 128 * MiB);
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    address_space_stq(&address_space_memory, 0x1000, 42, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpuint(address_space_ldq(&address_space_memory, 0x1000, A, NULL),
                     ==, 42);
    mtree_info(out);
    g_assert_nonnull(strstr(out->str, "address-space: memory\n"));
    g_assert_nonnull(strstr(out->str, "  0000000000000000-ffffffffffffffff "
                                      "(prio 0, i/o): system\n"));
    g_assert_nonnull(strstr(out->str, "    0000000000000000-0000000007ffffff "
                                      "(prio 0, ram): s390.ram\n"));
    g_assert_nonnull(strstr(out->str, "FlatView #"));
    memory_region_finalize(&ram);
    address_space_ldq(&address_space_memory, 0x1000, A, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/ram/rw", test_ram_rw);
    g_test_add_func("/memory/ram/memfd", test_memfd);
    g_test_add_func("/memory/ram/readonly", test_readonly);
    g_test_add_func("/memory/tree/priority", test_priority);
    g_test_add_func("/memory/tree/alias", test_alias);
    g_test_add_func("/memory/tree/enable-del", test_enable_and_del);
    g_test_add_func("/memory/tree/container-holes", test_container_holes);
    g_test_add_func("/memory/access/cross-boundary", test_cross_boundary);
    g_test_add_func("/memory/access/out-of-range", test_out_of_range);
    g_test_add_func("/memory/io/valid", test_io_valid_sizes);
    g_test_add_func("/memory/io/impl-split", test_io_impl_split);
    g_test_add_func("/memory/io/endianness", test_io_endianness);
    g_test_add_func("/memory/iommu/translate", test_iommu_translate);
    g_test_add_func("/memory/iommu/notifiers", test_iommu_notifiers);
    g_test_add_func("/memory/system", test_system_memory);
    return g_test_run();
}
