/*
 * Random plug/unplug sequences for the zPCI uid / fid allocator, with
 * fixed seeds, checked step by step against naive models that scan
 * linearly for the lowest free value (what QEMU does).
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-ids.h"

static uint32_t alloc_fid(ZpciIds *ids)
{
    uint32_t fid = 0xdeadbeef;

    g_assert_true(zpci_ids_alloc_fid(ids, &fid, &error_abort));
    return fid;
}

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
static void uid_churn_step(ZpciIds *ids, bool *used, GArray *live, GRand *r,
                           unsigned ceiling, unsigned releases, unsigned allocs)
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
    g_assert_not_reached(); /* the population stays below WIN */
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

static void fid_churn_step(ZpciIds *ids, NaiveFids *m, GArray *live, GRand *r)
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
