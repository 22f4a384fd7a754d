/*
 * The RAM write notifier of the memory API: every way of writing RAM
 * through an address space reports the bytes written (buffer writes,
 * memset, the sized stores, and unmapping a writable mapping), reads
 * report nothing, and removing the notifier stops the reports.
 */
#include "qemu/osdep.h"
#include "test-memory-fixture.h"

typedef struct Notes {
    unsigned calls;
    hwaddr offset, len;
} Notes;

static void note_write(void *opaque, hwaddr offset, hwaddr len)
{
    Notes *n = opaque;

    n->calls++;
    n->offset = offset;
    n->len = len;
}

static void test_notify(void)
{
    Fixture f;
    MemoryRegion ram;
    Notes n = { 0 };
    uint8_t buf[64] = { 1 };
    hwaddr plen = 32;
    void *p;

    fixture_init(&f);
    ram_init(&ram, "ram", 0x10000);
    memory_region_add_subregion(&f.root, 0x100000, &ram);
    memory_region_set_write_notify(&ram, note_write, &n);

    address_space_write(&f.as, 0x100010, A, buf, 16);
    g_assert_cmpuint(n.calls, ==, 1);
    g_assert_cmphex(n.offset, ==, 0x10);
    g_assert_cmpuint(n.len, ==, 16);

    address_space_read(&f.as, 0x100010, A, buf, 16);
    g_assert_cmpuint(n.calls, ==, 1);

    address_space_set(&f.as, 0x100100, 0, 40, A);
    g_assert_cmpuint(n.calls, ==, 2);
    g_assert_cmphex(n.offset, ==, 0x100);
    g_assert_cmpuint(n.len, ==, 40);

    address_space_stq(&f.as, 0x100200, 7, A, NULL);
    g_assert_cmpuint(n.calls, ==, 3);
    g_assert_cmphex(n.offset, ==, 0x200);
    g_assert_cmpuint(n.len, ==, 8);

    /* a mapping reports what the user says it wrote, when unmapped */
    p = address_space_map(&f.as, 0x100400, &plen, true, A);
    g_assert_nonnull(p);
    memset(p, 0x55, 12);
    g_assert_cmpuint(n.calls, ==, 3);
    address_space_unmap(&f.as, p, plen, true, 12);
    g_assert_cmpuint(n.calls, ==, 4);
    g_assert_cmphex(n.offset, ==, 0x400);
    g_assert_cmpuint(n.len, ==, 12);
    /* read-only mappings report nothing */
    p = address_space_map(&f.as, 0x100400, &plen, false, A);
    address_space_unmap(&f.as, p, plen, false, plen);
    g_assert_cmpuint(n.calls, ==, 4);

    memory_region_set_write_notify(&ram, NULL, NULL);
    address_space_write(&f.as, 0x100010, A, buf, 16);
    g_assert_cmpuint(n.calls, ==, 4);

    memory_region_del_subregion(&f.root, &ram);
    memory_region_finalize(&ram);
    fixture_fini(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/notify/write", test_notify);
    return g_test_run();
}
