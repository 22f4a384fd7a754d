/*
 * Unit tests of the zPCI uid / fid allocator: numbering rules, error
 * texts, the bitmap's word boundaries, fid runs merging and splitting,
 * and random plug/unplug sequences checked against a naive model that
 * scans linearly for the lowest free value (what QEMU does).
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
    static const uint16_t holes[] = { 1, 63, 64, 65, 4095, 4096, 32768,
                                      65472, 65534, 65535 };
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
    g_assert_cmpuint(alloc_fid(&ids), ==, 0);     /* 0 is a real fid */
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
    zpci_ids_release_fid(&ids, 12345);            /* not in use: no-op */
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
    g_assert_true(zpci_fid_set_add(&s, 11));        /* joins both */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_true(zpci_fid_set_add(&s, 9));         /* grows down */
    g_assert_true(zpci_fid_set_add(&s, 13));        /* grows up */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 1);
    g_assert_false(zpci_fid_set_add(&s, 11));
    g_assert_false(zpci_fid_set_add_range(&s, 0, 9));
    g_assert_false(zpci_fid_set_add_range(&s, 13, 20));
    g_assert_false(zpci_fid_set_add_range(&s, 5, 4));
    g_assert_cmpuint(s.in_use, ==, 5);

    g_assert_true(zpci_fid_set_remove(&s, 11));     /* splits */
    g_assert_cmpuint(zpci_fid_set_nr_runs(&s), ==, 2);
    g_assert_false(zpci_fid_set_test(&s, 11));
    g_assert_true(zpci_fid_set_test(&s, 10));
    g_assert_true(zpci_fid_set_test(&s, 12));
    g_assert_true(zpci_fid_set_remove(&s, 9));      /* shrinks at front */
    g_assert_true(zpci_fid_set_remove(&s, 13));     /* shrinks at back */
    g_assert_true(zpci_fid_set_remove(&s, 10));     /* run disappears */
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
    g_assert_cmpuint(fid, ==, 6);                   /* 5 was explicit */
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

/* ------------------------------------------------------------------ */
/* random plug/unplug against naive models                             */

static uint16_t naive_lowest_uid(const bool *used)
{
    for (unsigned u = ZPCI_UID_MIN; u <= ZPCI_UID_MAX; u++) {
        if (!used[u]) {
            return u;
        }
    }
    return ZPCI_UID_UNDEFINED;
}

/*
 * One step of random uid churn: out of 10, @releases chances to unplug,
 * @allocs to plug with a generated uid, the rest with a random explicit
 * one; the population stays below @ceiling.
 */
static void uid_churn_step(ZpciIds *ids, bool *used, GArray *live,
                           GRand *r, unsigned ceiling, unsigned releases,
                           unsigned allocs)
{
    unsigned op = g_rand_int_range(r, 0, 10);
    Error *err = NULL;
    uint16_t uid = 0;

    if (live->len && (op < releases || live->len >= ceiling)) {
        unsigned i = g_rand_int_range(r, 0, live->len);

        uid = g_array_index(live, uint16_t, i);
        g_array_remove_index_fast(live, i);
        g_assert_true(used[uid]);
        used[uid] = false;
        zpci_ids_release_uid(ids, uid);
    } else if (op < releases + allocs) {
        uint16_t want = naive_lowest_uid(used);
        bool ok = zpci_ids_alloc_uid(ids, &uid, want ? &error_abort : &err);

        g_assert_cmpint(ok, ==, want != 0);
        if (!ok) {
            error_free(err);
            return;
        }
        g_assert_cmpuint(uid, ==, want);
        used[uid] = true;
        g_array_append_val(live, uid);
    } else {
        uid = g_rand_int_range(r, ZPCI_UID_MIN, ZPCI_UID_MAX + 1);
        if (zpci_ids_reserve_uid(ids, uid, &err)) {
            g_assert_false(used[uid]);
            used[uid] = true;
            g_array_append_val(live, uid);
        } else {
            g_assert_true(used[uid]);
            error_free(err);
        }
    }
}

static void uid_check_model(const ZpciIds *ids, const bool *used,
                            unsigned population, GRand *r)
{
    g_assert_cmpuint(ids->uid.in_use, ==, population);
    g_assert_cmpuint(zpci_uid_map_lowest_free(&ids->uid), ==,
                     naive_lowest_uid(used));
    for (int i = 0; i < 16; i++) {
        uint16_t probe = g_rand_int_range(r, 0, ZPCI_UID_MAX + 1);

        g_assert_cmpint(zpci_ids_uid_in_use(ids, probe), ==, used[probe]);
    }
}

static void test_uid_random(gconstpointer data)
{
    guint32 seed = GPOINTER_TO_UINT(data);
    g_autoptr(GRand) r = g_rand_new_with_seed(seed);
    g_autoptr(GArray) live = g_array_new(FALSE, FALSE, sizeof(uint16_t));
    g_autofree bool *used = g_new0(bool, ZPCI_UID_MAX + 1);
    ZpciIds ids;
    uint16_t uid;

    zpci_ids_init(&ids);
    /* sparse phase */
    for (int n = 0; n < 20000; n++) {
        uid_churn_step(&ids, used, live, r, 2000, 4, 3);
        uid_check_model(&ids, used, live->len, r);
    }
    /* fill up, then churn near full (and at full) */
    while (zpci_ids_alloc_uid(&ids, &uid, NULL)) {
        used[uid] = true;
        g_array_append_val(live, uid);
    }
    g_assert_cmpuint(live->len, ==, ZPCI_UID_MAX);
    for (int n = 0; n < 20000; n++) {
        uid_churn_step(&ids, used, live, r, ZPCI_UID_MAX + 1, 3, 5);
        uid_check_model(&ids, used, live->len, r);
    }
    zpci_ids_destroy(&ids);
}

/*
 * The fid model: three windows of the 32-bit space (at 0, around 2^31,
 * at the top), far enough apart never to touch, each a flag array.
 */
#define WIN 4096
static const uint32_t win_base[3] = { 0, 0x80000000u - WIN / 2,
                                      ZPCI_FID_MAX - WIN + 1 };

typedef struct NaiveFids {
    bool used[3][WIN];
    unsigned population;
} NaiveFids;

static bool *naive_fid_slot(NaiveFids *m, uint32_t fid)
{
    for (int w = 0; w < 3; w++) {
        if (fid >= win_base[w] && fid - win_base[w] < WIN) {
            return &m->used[w][fid - win_base[w]];
        }
    }
    g_assert_not_reached();
}

static uint32_t naive_lowest_fid(const NaiveFids *m)
{
    for (uint32_t f = 0; f < WIN; f++) {
        if (!m->used[0][f]) {
            return f;
        }
    }
    g_assert_not_reached();     /* the population stays below WIN */
}

static unsigned naive_nr_runs(const NaiveFids *m)
{
    unsigned runs = 0;

    for (int w = 0; w < 3; w++) {
        for (int i = 0; i < WIN; i++) {
            runs += m->used[w][i] && (i == 0 || !m->used[w][i - 1]);
        }
    }
    return runs;
}

static void fid_churn_step(ZpciIds *ids, NaiveFids *m, GArray *live,
                           GRand *r)
{
    unsigned op = g_rand_int_range(r, 0, 10);
    Error *err = NULL;
    uint32_t fid;
    bool *slot;

    if (live->len && (op < 4 || live->len >= WIN / 2)) {
        unsigned i = g_rand_int_range(r, 0, live->len);

        fid = g_array_index(live, uint32_t, i);
        g_array_remove_index_fast(live, i);
        slot = naive_fid_slot(m, fid);
        g_assert_true(*slot);
        *slot = false;
        zpci_ids_release_fid(ids, fid);
    } else if (op < 6) {
        fid = alloc_fid(ids);
        g_assert_cmpuint(fid, ==, naive_lowest_fid(m));
        *naive_fid_slot(m, fid) = true;
        g_array_append_val(live, fid);
    } else {
        fid = win_base[g_rand_int_range(r, 0, 3)] + g_rand_int_range(r, 0, WIN);
        slot = naive_fid_slot(m, fid);
        if (zpci_ids_reserve_fid(ids, fid, &err)) {
            g_assert_false(*slot);
            *slot = true;
            g_array_append_val(live, fid);
        } else {
            g_assert_true(*slot);
            error_free(err);
        }
    }
    m->population = live->len;
}

static void test_fid_random(gconstpointer data)
{
    guint32 seed = GPOINTER_TO_UINT(data);
    g_autoptr(GRand) r = g_rand_new_with_seed(seed);
    g_autoptr(GArray) live = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    g_autofree NaiveFids *m = g_new0(NaiveFids, 1);
    ZpciIds ids;

    zpci_ids_init(&ids);
    for (int n = 0; n < 40000; n++) {
        fid_churn_step(&ids, m, live, r);
        g_assert_cmpuint(ids.fid.in_use, ==, m->population);
        if (n % 64 == 0) {
            g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==,
                             naive_nr_runs(m));
            for (int i = 0; i < 16; i++) {
                uint32_t probe = win_base[g_rand_int_range(r, 0, 3)] +
                                 g_rand_int_range(r, 0, WIN);

                g_assert_cmpint(zpci_ids_fid_in_use(&ids, probe), ==,
                                *naive_fid_slot(m, probe));
            }
        }
    }
    g_assert_cmpuint(zpci_fid_set_nr_runs(&ids.fid), ==, naive_nr_runs(m));
    zpci_ids_destroy(&ids);
}

int main(int argc, char **argv)
{
    static const guint32 seeds[] = { 1, 42, 20261201 };

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
    for (unsigned i = 0; i < G_N_ELEMENTS(seeds); i++) {
        g_autofree char *u = g_strdup_printf("/zpci-ids/uid/random/%u",
                                             seeds[i]);
        g_autofree char *f = g_strdup_printf("/zpci-ids/fid/random/%u",
                                             seeds[i]);

        g_test_add_data_func(u, GUINT_TO_POINTER(seeds[i]), test_uid_random);
        g_test_add_data_func(f, GUINT_TO_POINTER(seeds[i]), test_fid_random);
    }
    return g_test_run();
}
