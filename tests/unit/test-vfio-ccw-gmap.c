/*
 * Unit tests of the guest RAM vfio-ccw holds for an I/O in flight: a
 * held mapping keeps its RAM alive when the region leaves the address
 * space and loses its last other reference (an unplug, a RAM change);
 * releasing it frees the RAM; nothing is held for what is not RAM.
 */
#include "test-memory-fixture.h"
#include "hw/vfio/ccw-gmap.h"

#define RAM_BASE 0x100000
#define RAM_SIZE 0x10000

static void test_hold_outlives_unplug(void)
{
    Fixture f;
    MemoryRegion ram;
    VfioCcwGuestMaps m;
    uint8_t *p;

    fixture_init(&f);
    ram_init(&ram, "ram", RAM_SIZE);
    memory_region_add_subregion(&f.root, RAM_BASE, &ram);
    vfio_ccw_gmap_init(&m, &f.as);

    p = vfio_ccw_gmap_hold(&m, RAM_BASE + 0x100, 0x800, true);
    g_assert_true(p == ram.ram_ptr + 0x100);
    g_assert_cmpuint(vfio_ccw_gmap_count(&m), ==, 1);
    g_assert_cmpuint(ram.refcount, ==, 2);

    /* the RAM goes away while the device still has the pointer */
    memory_region_del_subregion(&f.root, &ram);
    memory_region_unref(&ram);
    g_assert_nonnull(ram.ram_ptr);
    memset(p, 0x5a, 0x800); /* still the guest's RAM: no fault */
    g_assert_cmphex(ram.ram_ptr[0x100 + 0x7ff], ==, 0x5a);

    /* the I/O ends: the last reference goes and the RAM with it */
    vfio_ccw_gmap_release(&m);
    g_assert_cmpuint(vfio_ccw_gmap_count(&m), ==, 0);
    g_assert_cmpuint(ram.refcount, ==, 0);
    g_assert_null(ram.ram_ptr);
    vfio_ccw_gmap_destroy(&m);
    fixture_fini(&f);
}

static void test_nothing_held_outside_ram(void)
{
    Fixture f;
    MemoryRegion ram;
    VfioCcwGuestMaps m;

    fixture_init(&f);
    ram_init(&ram, "ram", RAM_SIZE);
    memory_region_add_subregion(&f.root, RAM_BASE, &ram);
    vfio_ccw_gmap_init(&m, &f.as);

    g_assert_null(vfio_ccw_gmap_hold(&m, 0x1000, 16, false));
    g_assert_null(vfio_ccw_gmap_hold(&m, RAM_BASE + RAM_SIZE - 8, 16, false));
    g_assert_null(vfio_ccw_gmap_hold(&m, RAM_BASE, 0, false));
    g_assert_cmpuint(vfio_ccw_gmap_count(&m), ==, 0);
    g_assert_cmpuint(ram.refcount, ==, 1);

    /* several holds, one release; destroy releases what is left */
    g_assert_nonnull(vfio_ccw_gmap_hold(&m, RAM_BASE, 8, false));
    g_assert_nonnull(vfio_ccw_gmap_hold(&m, RAM_BASE + 8, 8, true));
    g_assert_cmpuint(ram.refcount, ==, 3);
    vfio_ccw_gmap_release(&m);
    g_assert_cmpuint(ram.refcount, ==, 1);
    g_assert_nonnull(vfio_ccw_gmap_hold(&m, RAM_BASE, 8, false));
    vfio_ccw_gmap_destroy(&m);
    g_assert_cmpuint(ram.refcount, ==, 1);

    memory_region_del_subregion(&f.root, &ram);
    memory_region_unref(&ram);
    fixture_fini(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw/gmap/hold-outlives-unplug",
                    test_hold_outlives_unplug);
    g_test_add_func("/vfio-ccw/gmap/nothing-held-outside-ram",
                    test_nothing_held_outside_ram);
    return g_test_run();
}
