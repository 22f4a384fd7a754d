/*
 * Unit tests of the zPCI uid / fid allocator: numbering rules, error
 * texts, the bitmap's word boundaries, fid runs merging and splitting.
 * Random plug/unplug sequences: test-zpci-ids-random.c.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-ids.h"

/* Run @ok-returning call, expect failure with exactly @text. */
static void expect_error(bool ok, Error *err, const char *text)
{
    g_assert_false(ok);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, text);
    error_free(err);
}

static uint16_t alloc_uid(ZpciIds *ids)
{
    uint16_t uid = 0;

    g_assert_true(zpci_ids_alloc_uid(ids, &uid, &error_abort));
    return uid;
}

static uint32_t alloc_fid(ZpciIds *ids)
{
    uint32_t fid = 0xdeadbeef;

    g_assert_true(zpci_ids_alloc_fid(ids, &fid, &error_abort));
    return fid;
}

static void test_uid_basics(void)
{
    ZpciIds ids;
    Error *err = NULL;
    bool ok;

    zpci_ids_init(&ids);
    g_assert_false(zpci_ids_uid_in_use(&ids, 0));
    g_assert_cmpuint(zpci_uid_map_lowest_free(&ids.uid), ==, 1);
    g_assert_cmpuint(alloc_uid(&ids), ==, 1);
    g_assert_true(zpci_ids_reserve_uid(&ids, 3, &error_abort));
    g_assert_cmpuint(alloc_uid(&ids), ==, 2);
    g_assert_cmpuint(alloc_uid(&ids), ==, 4);
    g_assert_true(zpci_ids_uid_in_use(&ids, 3));
    g_assert_cmpuint(ids.uid.in_use, ==, 4);

    ok = zpci_ids_reserve_uid(&ids, 3, &err);
    expect_error(ok, err, "uid 3 already in use");
    err = NULL;
    ok = zpci_ids_reserve_uid(&ids, 0, &err);
    expect_error(ok, err, "uid 0 is out of range 1..65535");
    g_assert_cmpuint(ids.uid.in_use, ==, 4);

    zpci_ids_release_uid(&ids, 2);
    g_assert_false(zpci_ids_uid_in_use(&ids, 2));
    g_assert_cmpuint(alloc_uid(&ids), ==, 2);
    /* releasing what is free, or uid 0, changes nothing */
    zpci_ids_release_uid(&ids, 100);
    zpci_ids_release_uid(&ids, 0);
    g_assert_cmpuint(ids.uid.in_use, ==, 4);
    g_assert_cmpuint(alloc_uid(&ids), ==, 5);
    zpci_ids_destroy(&ids);
}

static void test_uid_fill_all(void)
{
    static const uint16_t holes[] = { 1,    63,    64,    65,    4095,
                                      4096, 32768, 65472, 65534, 65535 };
    ZpciIds ids;
    Error *err = NULL;
    uint16_t uid = 0;
    bool ok;

    zpci_ids_init(&ids);
    for (unsigned i = 1; i <= ZPCI_UID_MAX; i++) {
        g_assert_cmpuint(alloc_uid(&ids), ==, i);
    }
    g_assert_cmpuint(ids.uid.in_use, ==, 65535);
    g_assert_cmpuint(zpci_uid_map_lowest_free(&ids.uid), ==, 0);
    ok = zpci_ids_alloc_uid(&ids, &uid, &err);
    expect_error(ok, err, "no free uid could be found");
    g_assert_cmpuint(uid, ==, 0);

    /* one in the middle comes back */
    zpci_ids_release_uid(&ids, 30000);
    g_assert_cmpuint(alloc_uid(&ids), ==, 30000);

    /* holes at word and level boundaries come back lowest first */
    for (int i = G_N_ELEMENTS(holes) - 1; i >= 0; i--) {
        zpci_ids_release_uid(&ids, holes[i]);
    }
    for (unsigned i = 0; i < G_N_ELEMENTS(holes); i++) {
        g_assert_cmpuint(alloc_uid(&ids), ==, holes[i]);
    }
    err = NULL;
    ok = zpci_ids_alloc_uid(&ids, &uid, &err);
    expect_error(ok, err, "no free uid could be found");

    /* an explicit uid when all are taken */
    err = NULL;
    ok = zpci_ids_reserve_uid(&ids, 65535, &err);
    expect_error(ok, err, "uid 65535 already in use");
    zpci_ids_release_uid(&ids, 65535);
    g_assert_true(zpci_ids_reserve_uid(&ids, 65535, &error_abort));
    zpci_ids_destroy(&ids);
}

static void test_fid_basics(void)
{
    ZpciIds ids;
    Error *err = NULL;
    bool ok;

    zpci_ids_init(&ids);
    g_assert_cmpuint(alloc_fid(&ids), ==, 0); /* 0 is a real fid */
    g_assert_cmpuint(alloc_fid(&ids), ==, 1);
    g_assert_true(zpci_ids_fid_in_use(&ids, 0));
    ok = zpci_ids_reserve_fid(&ids, 0, &err);
    expect_error(ok, err, "fid 0 already in use");

    g_assert_true(zpci_ids_reserve_fid(&ids, 0x27, &error_abort));
    for (uint32_t want = 2; want < 0x27; want++) {
        g_assert_cmpuint(alloc_fid(&ids), ==, want);
    }
    g_assert_cmpuint(alloc_fid(&ids), ==, 0x28);
    g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==, 1);
    g_assert_cmpuint(ids.fid.in_use, ==, 0x29);

    err = NULL;
    ok = zpci_ids_reserve_fid(&ids, 0x27, &err);
    expect_error(ok, err, "fid 39 already in use");
    zpci_ids_release_fid(&ids, 0);
    g_assert_false(zpci_ids_fid_in_use(&ids, 0));
    g_assert_cmpuint(alloc_fid(&ids), ==, 0);
    zpci_ids_release_fid(&ids, 12345); /* not in use: no-op */
    g_assert_cmpuint(ids.fid.in_use, ==, 0x29);
    zpci_ids_destroy(&ids);
}

static void test_fid_runs(void)
{
    ZpciFidSet s;
    uint32_t f;

    zpci_fid_set_init(&s);
    g_assert_true(zpci_fid_set_add(&s, 10));
    g_assert_true(zpci_fid_set_add(&s, 12));
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 2);
    g_assert_true(zpci_fid_set_add(&s, 11)); /* joins both */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_true(zpci_fid_set_add(&s, 9));  /* grows down */
    g_assert_true(zpci_fid_set_add(&s, 13)); /* grows up */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_false(zpci_fid_set_add(&s, 11));
    g_assert_false(zpci_fid_set_add_range(&s, 0, 9));
    g_assert_false(zpci_fid_set_add_range(&s, 13, 20));
    g_assert_false(zpci_fid_set_add_range(&s, 5, 4));
    g_assert_cmpuint(s.in_use, ==, 5);

    g_assert_true(zpci_fid_set_remove(&s, 11)); /* splits */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 2);
    g_assert_false(zpci_fid_set_test(&s, 11));
    g_assert_true(zpci_fid_set_test(&s, 10));
    g_assert_true(zpci_fid_set_test(&s, 12));
    g_assert_true(zpci_fid_set_remove(&s, 9));  /* shrinks at front */
    g_assert_true(zpci_fid_set_remove(&s, 13)); /* shrinks at back */
    g_assert_true(zpci_fid_set_remove(&s, 10)); /* run disappears */
    g_assert_false(zpci_fid_set_remove(&s, 10));
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_true(zpci_fid_set_lowest_free(&s, &f));
    g_assert_cmpuint(f, ==, 0);
    g_assert_true(zpci_fid_set_add_range(&s, 0, 11));
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_true(zpci_fid_set_lowest_free(&s, &f));
    g_assert_cmpuint(f, ==, 13);
    g_assert_cmpuint(s.in_use, ==, 13);
    zpci_fid_set_destroy(&s);
}

static void test_fid_near_max(void)
{
    ZpciIds ids;
    Error *err = NULL;
    uint32_t fid = 7;
    bool ok;

    zpci_ids_init(&ids);
    g_assert_true(zpci_ids_reserve_fid(&ids, ZPCI_FID_MAX, &error_abort));
    g_assert_true(zpci_ids_reserve_fid(&ids, ZPCI_FID_MAX - 1, &error_abort));
    g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==, 1);
    g_assert_cmpuint(alloc_fid(&ids), ==, 0);
    ok = zpci_ids_reserve_fid(&ids, ZPCI_FID_MAX, &err);
    expect_error(ok, err, "fid 4294967295 already in use");

    /* everything below the top two taken: the next is 2^32 - 3 */
    g_assert_true(zpci_fid_set_add_range(&ids.fid, 1, ZPCI_FID_MAX - 3));
    g_assert_cmpuint(ids.fid.in_use, ==, (uint64_t)ZPCI_FID_MAX);
    g_assert_cmpuint(alloc_fid(&ids), ==, ZPCI_FID_MAX - 2);
    g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==, 1);
    g_assert_cmpuint(ids.fid.in_use, ==, (uint64_t)ZPCI_FID_MAX + 1);
    err = NULL;
    ok = zpci_ids_alloc_fid(&ids, &fid, &err);
    expect_error(ok, err, "no free fid could be found");
    g_assert_cmpuint(fid, ==, 7);

    zpci_ids_release_fid(&ids, ZPCI_FID_MAX);
    g_assert_cmpuint(alloc_fid(&ids), ==, ZPCI_FID_MAX);
    zpci_ids_release_fid(&ids, 0);
    zpci_ids_release_fid(&ids, ZPCI_FID_MAX);
    g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==, 1);
    g_assert_cmpuint(alloc_fid(&ids), ==, 0);
    g_assert_cmpuint(alloc_fid(&ids), ==, ZPCI_FID_MAX);
    zpci_ids_destroy(&ids);
}

/* explicit values first, then generated ones fill the gaps lowest first */
static void test_explicit_then_generated(void)
{
    ZpciIds ids;
    uint16_t uid;
    uint32_t fid;

    zpci_ids_init(&ids);
    uid = 3;
    fid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, true, &error_abort));
    g_assert_cmpuint(uid, ==, 3);
    g_assert_cmpuint(fid, ==, 0);
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 1);
    g_assert_cmpuint(fid, ==, 1);
    uid = 2;
    fid = 5;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, true, &error_abort));
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 4);
    g_assert_cmpuint(fid, ==, 2);
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 5);
    g_assert_cmpuint(fid, ==, 3);

    /* unplug of uid 1 / fid 1, the next generated pair reuses them */
    zpci_ids_release(&ids, 1, 1);
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 1);
    g_assert_cmpuint(fid, ==, 1);
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 6);
    g_assert_cmpuint(fid, ==, 4);
    uid = 0;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, false, &error_abort));
    g_assert_cmpuint(uid, ==, 7);
    g_assert_cmpuint(fid, ==, 6); /* 5 was explicit */
    zpci_ids_destroy(&ids);
}

static void test_claim_all_or_nothing(void)
{
    ZpciIds ids;
    Error *err = NULL;
    uint16_t uid;
    uint32_t fid;
    bool ok;

    zpci_ids_init(&ids);
    uid = 8;
    fid = 8;
    g_assert_true(zpci_ids_claim(&ids, &uid, &fid, true, &error_abort));

    /* generated uid, taken fid: the uid is not kept */
    uid = 0;
    fid = 8;
    ok = zpci_ids_claim(&ids, &uid, &fid, true, &err);
    expect_error(ok, err, "fid 8 already in use");
    g_assert_cmpuint(uid, ==, 0);
    g_assert_false(zpci_ids_uid_in_use(&ids, 1));

    /* taken uid and taken fid: the uid error wins, nothing changes */
    err = NULL;
    uid = 8;
    ok = zpci_ids_claim(&ids, &uid, &fid, true, &err);
    expect_error(ok, err, "uid 8 already in use");
    g_assert_cmpuint(ids.uid.in_use, ==, 1);
    g_assert_cmpuint(ids.fid.in_use, ==, 1);

    /* explicit uid, taken fid: the explicit uid is free again after */
    err = NULL;
    uid = 9;
    ok = zpci_ids_claim(&ids, &uid, &fid, true, &err);
    expect_error(ok, err, "fid 8 already in use");
    g_assert_false(zpci_ids_uid_in_use(&ids, 9));
    zpci_ids_destroy(&ids);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-ids/uid/basics", test_uid_basics);
    g_test_add_func("/zpci-ids/uid/fill-all", test_uid_fill_all);
    g_test_add_func("/zpci-ids/fid/basics", test_fid_basics);
    g_test_add_func("/zpci-ids/fid/runs", test_fid_runs);
    g_test_add_func("/zpci-ids/fid/near-max", test_fid_near_max);
    g_test_add_func("/zpci-ids/claim/explicit-then-generated",
                    test_explicit_then_generated);
    g_test_add_func("/zpci-ids/claim/all-or-nothing",
                    test_claim_all_or_nothing);
    return g_test_run();
}
