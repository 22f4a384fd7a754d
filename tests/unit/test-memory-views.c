/*
 * Unit tests of view updates: after a change, every address space whose
 * view can see the changed region (from its root, through an alias, or
 * through a root that is itself mapped somewhere) is up to date, and only
 * those are rendered again.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

static void fill_ram(MemoryRegion *mr, uint8_t val)
{
    memset(memory_region_get_ram_ptr(mr), val, memory_region_size(mr));
}

static bool mapped(AddressSpace *as, hwaddr addr)
{
    MemTxResult res;

    read8(as, addr, &res);
    return res == MEMTX_OK;
}

/* The current view of @as (it is replaced when rendered again). */
static const void *view_of(AddressSpace *as)
{
    return as->current_map;
}

/*
 * as1: root1 with an alias of "outer" at 0x100000; outer holds "inner"
 * at 0x1000, and inner the RAM; no address space has outer as its root.
 * as2's root is inner itself.
 */
typedef struct Views {
    Fixture f;
    MemoryRegion outer, inner, ram, alias;
    AddressSpace as2;
} Views;

static void views_init(Views *v)
{
    fixture_init(&v->f);
    memory_region_init(&v->outer, NULL, "outer", 0x10000);
    memory_region_init(&v->inner, NULL, "inner", 0x8000);
    ram_init(&v->ram, "ram", 0x1000);
    fill_ram(&v->ram, 0x5a);
    memory_region_add_subregion(&v->outer, 0x1000, &v->inner);
    memory_region_init_alias(&v->alias, NULL, "alias", &v->outer, 0, 0x10000);
    memory_region_add_subregion(&v->f.root, 0x100000, &v->alias);
    address_space_init(&v->as2, &v->inner, "inner");
}

static void views_fini(Views *v)
{
    address_space_destroy(&v->as2);
    fixture_fini(&v->f);
    memory_region_finalize(&v->alias);
    memory_region_finalize(&v->ram);
    memory_region_finalize(&v->inner);
    memory_region_finalize(&v->outer);
}

/* A change two levels below an alias target shows through the alias. */
static void test_below_alias(void)
{
    Views v;
    const void *before;

    views_init(&v);
    g_assert_false(mapped(&v.f.as, 0x101000));
    memory_region_add_subregion(&v.inner, 0, &v.ram);
    g_assert_cmphex(read8(&v.f.as, 0x101010, NULL), ==, 0x5a);
    g_assert_cmphex(read8(&v.as2, 0x10, NULL), ==, 0x5a);
    memory_region_set_enabled(&v.ram, false);
    g_assert_false(mapped(&v.f.as, 0x101010));
    g_assert_false(mapped(&v.as2, 0x10));
    memory_region_set_enabled(&v.ram, true);
    memory_region_set_address(&v.inner, 0x2000);
    g_assert_true(mapped(&v.f.as, 0x102010));
    g_assert_false(mapped(&v.f.as, 0x101010));
    /* as2 renders inner from its own origin: moving inner is no change */
    before = view_of(&v.as2);
    memory_region_set_address(&v.inner, 0x3000);
    g_assert_true(view_of(&v.as2) == before);
    g_assert_true(mapped(&v.as2, 0x10));
    memory_region_set_alias_offset(&v.alias, 0x3000);
    g_assert_true(mapped(&v.f.as, 0x100010));
    memory_region_del_subregion(&v.inner, &v.ram);
    g_assert_false(mapped(&v.f.as, 0x100010));
    g_assert_false(mapped(&v.as2, 0x10));
    views_fini(&v);
}

/* A tree no view renders can change without any view being rendered. */
static void test_unrelated_tree(void)
{
    Views v;
    MemoryRegion lone, ram;
    const void *v1, *v2;

    views_init(&v);
    memory_region_init(&lone, NULL, "lone", 0x10000);
    ram_init(&ram, "lone-ram", 0x1000);
    v1 = view_of(&v.f.as);
    v2 = view_of(&v.as2);
    memory_region_add_subregion(&lone, 0, &ram);
    memory_region_set_enabled(&ram, false);
    memory_region_del_subregion(&lone, &ram);
    memory_region_set_enabled(&ram, true);
    g_assert_true(view_of(&v.f.as) == v1);
    g_assert_true(view_of(&v.as2) == v2);
    /* once mapped, it is part of as1's view */
    memory_region_add_subregion(&lone, 0, &ram);
    memory_region_add_subregion(&v.f.root, 0x200000, &lone);
    g_assert_true(view_of(&v.f.as) != v1);
    g_assert_true(view_of(&v.as2) == v2);
    g_assert_true(mapped(&v.f.as, 0x200000));
    memory_region_set_enabled(&ram, false);
    g_assert_false(mapped(&v.f.as, 0x200000));
    memory_region_del_subregion(&v.f.root, &lone);
    memory_region_finalize(&lone);
    memory_region_finalize(&ram);
    views_fini(&v);
}

/* Changes in a transaction: views are rendered once, at the commit. */
static void test_transaction(void)
{
    Views v;
    const void *v1;

    views_init(&v);
    v1 = view_of(&v.f.as);
    memory_region_transaction_begin();
    memory_region_add_subregion(&v.inner, 0, &v.ram);
    memory_region_set_address(&v.inner, 0x4000);
    g_assert_true(view_of(&v.f.as) == v1);
    memory_region_transaction_commit();
    g_assert_true(mapped(&v.f.as, 0x104000));
    g_assert_false(mapped(&v.f.as, 0x101000));
    g_assert_true(mapped(&v.as2, 0));
    memory_region_del_subregion(&v.inner, &v.ram);
    views_fini(&v);
}

/*
 * An alias target later mapped into another tree: a change below it still
 * reaches the view that sees it through the alias; a destroyed address
 * space is no longer rendered.
 */
static void test_reparented_target(void)
{
    Views v;
    Fixture g;

    views_init(&v);
    fixture_init(&g);
    memory_region_add_subregion(&g.root, 0x40000, &v.outer);
    memory_region_add_subregion(&v.inner, 0, &v.ram);
    g_assert_true(mapped(&v.f.as, 0x101000));
    g_assert_true(mapped(&g.as, 0x41000));
    memory_region_set_enabled(&v.ram, false);
    g_assert_false(mapped(&v.f.as, 0x101000));
    g_assert_false(mapped(&g.as, 0x41000));
    memory_region_set_enabled(&v.ram, true);

    address_space_destroy(&v.as2);
    memory_region_set_enabled(&v.ram, false);
    g_assert_null(v.as2.current_map);
    address_space_init(&v.as2, &v.inner, "inner");

    memory_region_del_subregion(&g.root, &v.outer);
    g_assert_false(mapped(&g.as, 0x41000));
    memory_region_set_enabled(&v.ram, true);
    g_assert_true(mapped(&v.f.as, 0x101000));
    g_assert_false(mapped(&g.as, 0x41000));
    memory_region_del_subregion(&v.inner, &v.ram);
    fixture_fini(&g);
    views_fini(&v);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/views/below-alias", test_below_alias);
    g_test_add_func("/memory/views/unrelated-tree", test_unrelated_tree);
    g_test_add_func("/memory/views/transaction", test_transaction);
    g_test_add_func("/memory/views/reparented-target", test_reparented_target);
    return g_test_run();
}
