/*
 * Unit tests of the memory API: RAM, the region tree, flat views, bounds.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

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
    uint8_t data[4] = { 0xde, 0xad, 0xbe, 0xef }, back[4];
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
    g_assert_cmpuint(address_space_write(&f.as, 1 * TiB + 64 * GiB - 4, A, data,
                                         4),
                     ==, MEMTX_OK);
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

static void test_alias_loop(void)
{
    Fixture f;
    MemoryRegion ram, loop1, loop2;
    MemTxResult res;

    fixture_init(&f);
    ram_init(&ram, "ram", 0x1000);
    fill_ram(&ram, 0x66);
    memory_region_add_subregion(&f.root, 0, &ram);
    /* two aliases of the root inside the root: rendering must end */
    memory_region_init_alias(&loop1, NULL, "loop1", &f.root, 0, 0x10000);
    memory_region_init_alias(&loop2, NULL, "loop2", &f.root, 0, 0x10000);
    memory_region_add_subregion_overlap(&f.root, 0x100000, &loop1, -1);
    memory_region_add_subregion_overlap(&f.root, 0x200000, &loop2, -1);
    g_assert_cmphex(read8(&f.as, 0x10, &res), ==, 0x66);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    /* an alias of its own ancestor renders nothing */
    read8(&f.as, 0x100010, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_fini(&f);
    memory_region_finalize(&ram);
    memory_region_finalize(&loop1);
    memory_region_finalize(&loop2);
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
    g_assert_null(address_space_translate(&f.as, 0x20000, &(hwaddr){ 0 },
                                          &(hwaddr){ 1 }, false, A));
    fixture_fini(&f);
    memory_region_finalize(&box);
    memory_region_finalize(&ram);
}

static void test_readonly(void)
{
    Fixture f;
    MemoryRegion rom, ram;
    uint8_t data[4] = { 1, 2, 3, 4 };
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
    g_assert_cmpuint(address_space_write(&f.as, 0xfffffffffffffff8ULL, A, big,
                                         16),
                     ==, MEMTX_DECODE_ERROR);
    memset(big, 0x99, sizeof(big));
    g_assert_cmpuint(address_space_read(&f.as, 0xfffffffffffffff8ULL, A, big,
                                        16),
                     ==, MEMTX_DECODE_ERROR);
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
    g_assert_nonnull(
        strstr(out->str,
               "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"));
    g_assert_nonnull(strstr(
        out->str,
        "    0000000000000000-0000000007ffffff (prio 0, ram): s390.ram\n"));
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
    g_test_add_func("/memory/tree/alias-loop", test_alias_loop);
    g_test_add_func("/memory/tree/container-holes", test_container_holes);
    g_test_add_func("/memory/access/out-of-range", test_out_of_range);
    g_test_add_func("/memory/system", test_system_memory);
    return g_test_run();
}
