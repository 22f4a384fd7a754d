/*
 * zPCI uid / fid allocator: a three-level bitmap for the 16-bit uid
 * space, an ordered set of used runs for the 32-bit fid space.  See
 * include/hw/s390x/zpci-ids.h and docs/devel/zpci-internals.rst.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-ids.h"

#define ALL_ONES UINT64_MAX

static inline uint64_t bit64(unsigned n)
{
    return UINT64_C(1) << n;
}

/* index of the lowest clear bit of a word that has one */
static inline unsigned lowest_clear(uint64_t w)
{
    return __builtin_ctzll(~w);
}

/* ------------------------------------------------------------------ */
/* uid bitmap                                                          */

void zpci_uid_map_init(ZpciUidMap *m)
{
    memset(m, 0, sizeof(*m));
    /* the top word only has ZPCI_UID_MIDS meaningful bits */
    m->top = ALL_ONES << ZPCI_UID_MIDS;
    m->leaf[0] = bit64(ZPCI_UID_UNDEFINED);
}

bool zpci_uid_map_test(const ZpciUidMap *m, uint16_t uid)
{
    return m->leaf[uid / ZPCI_UID_WORD_BITS] & bit64(uid % ZPCI_UID_WORD_BITS);
}

bool zpci_uid_map_set(ZpciUidMap *m, uint16_t uid)
{
    unsigned leaf = uid / ZPCI_UID_WORD_BITS;
    unsigned mid = leaf / ZPCI_UID_WORD_BITS;

    if (uid == ZPCI_UID_UNDEFINED || zpci_uid_map_test(m, uid)) {
        return false;
    }
    m->leaf[leaf] |= bit64(uid % ZPCI_UID_WORD_BITS);
    m->in_use++;
    if (m->leaf[leaf] != ALL_ONES) {
        return true;
    }
    m->mid[mid] |= bit64(leaf % ZPCI_UID_WORD_BITS);
    if (m->mid[mid] == ALL_ONES) {
        m->top |= bit64(mid);
    }
    return true;
}

bool zpci_uid_map_clear(ZpciUidMap *m, uint16_t uid)
{
    unsigned leaf = uid / ZPCI_UID_WORD_BITS;
    unsigned mid = leaf / ZPCI_UID_WORD_BITS;

    if (uid == ZPCI_UID_UNDEFINED || !zpci_uid_map_test(m, uid)) {
        return false;
    }
    /* a word with a clear bit is never full: drop the summary bits */
    m->leaf[leaf] &= ~bit64(uid % ZPCI_UID_WORD_BITS);
    m->mid[mid] &= ~bit64(leaf % ZPCI_UID_WORD_BITS);
    m->top &= ~bit64(mid);
    m->in_use--;
    return true;
}

uint16_t zpci_uid_map_lowest_free(const ZpciUidMap *m)
{
    unsigned mid, leaf;

    if (m->top == ALL_ONES) {
        return ZPCI_UID_UNDEFINED;
    }
    mid = lowest_clear(m->top);
    leaf = mid * ZPCI_UID_WORD_BITS + lowest_clear(m->mid[mid]);
    return leaf * ZPCI_UID_WORD_BITS + lowest_clear(m->leaf[leaf]);
}

/* ------------------------------------------------------------------ */
/* fid runs                                                            */

typedef struct FidRun {
    uint32_t first;
    uint32_t last;
} FidRun;

/* tree order: by first fid (runs never overlap) */
static gint fid_run_order(gconstpointer a, gconstpointer b, gpointer unused)
{
    const FidRun *x = a, *y = b;

    return x->first < y->first ? -1 : x->first > y->first;
}

/*
 * g_tree_search() probe: 0 when the run overlaps the wanted range,
 * negative to look among lower runs, positive among higher ones.
 */
static gint fid_run_probe(gconstpointer key, gconstpointer wanted)
{
    const FidRun *run = key, *range = wanted;

    if (range->last < run->first) {
        return -1;
    }
    return range->first > run->last;
}

static FidRun *fid_run_overlapping(const ZpciFidSet *s, uint32_t first,
                                   uint32_t last)
{
    FidRun range = { first, last };

    return g_tree_search(s->runs, fid_run_probe, &range);
}

static FidRun *fid_run_holding(const ZpciFidSet *s, uint32_t fid)
{
    return fid_run_overlapping(s, fid, fid);
}

static void fid_run_insert(ZpciFidSet *s, uint32_t first, uint32_t last)
{
    FidRun *run = g_new(FidRun, 1);

    run->first = first;
    run->last = last;
    g_tree_insert(s->runs, run, run);
}

static gboolean fid_run_take_first(gpointer key, gpointer value, gpointer out)
{
    *(FidRun **)out = value;
    return TRUE; /* stop at the lowest run */
}

void zpci_fid_set_init(ZpciFidSet *s)
{
    s->runs = g_tree_new_full(fid_run_order, NULL, g_free, NULL);
    s->in_use = 0;
}

void zpci_fid_set_destroy(ZpciFidSet *s)
{
    g_clear_pointer(&s->runs, g_tree_destroy);
    s->in_use = 0;
}

bool zpci_fid_set_test(const ZpciFidSet *s, uint32_t fid)
{
    return fid_run_holding(s, fid) != NULL;
}

bool zpci_fid_set_add_range(ZpciFidSet *s, uint32_t first, uint32_t last)
{
    FidRun *below, *above;

    if (first > last || fid_run_overlapping(s, first, last)) {
        return false;
    }
    below = first > 0 ? fid_run_holding(s, first - 1) : NULL;
    above = last < ZPCI_FID_MAX ? fid_run_holding(s, last + 1) : NULL;

    if (below && above) {
        /* the new range closes the gap between two runs */
        below->last = above->last;
        g_tree_remove(s->runs, above);
    } else if (below) {
        below->last = last;
    } else if (above) {
        /* still ordered: nothing lies between @first and above->first */
        above->first = first;
    } else {
        fid_run_insert(s, first, last);
    }
    s->in_use += (uint64_t)last - first + 1;
    return true;
}

bool zpci_fid_set_add(ZpciFidSet *s, uint32_t fid)
{
    return zpci_fid_set_add_range(s, fid, fid);
}

bool zpci_fid_set_remove(ZpciFidSet *s, uint32_t fid)
{
    FidRun *run = fid_run_holding(s, fid);

    if (!run) {
        return false;
    }
    if (run->first == fid && run->last == fid) {
        g_tree_remove(s->runs, run);
    } else if (run->first == fid) {
        run->first++;
    } else if (run->last == fid) {
        run->last--;
    } else {
        uint32_t tail_last = run->last;

        run->last = fid - 1;
        fid_run_insert(s, fid + 1, tail_last);
    }
    s->in_use--;
    return true;
}

bool zpci_fid_set_lowest_free(const ZpciFidSet *s, uint32_t *fid)
{
    FidRun *lowest = NULL;

    g_tree_foreach(s->runs, fid_run_take_first, &lowest);
    if (!lowest || lowest->first > 0) {
        *fid = 0;
        return true;
    }
    if (lowest->last == ZPCI_FID_MAX) {
        return false;
    }
    *fid = lowest->last + 1;
    return true;
}

unsigned zpci_fid_set_nr_runs(const ZpciFidSet *s)
{
    return g_tree_nnodes(s->runs);
}

/* ------------------------------------------------------------------ */
/* the pair, with errors                                               */

void zpci_ids_init(ZpciIds *ids)
{
    zpci_uid_map_init(&ids->uid);
    zpci_fid_set_init(&ids->fid);
}

void zpci_ids_destroy(ZpciIds *ids)
{
    zpci_fid_set_destroy(&ids->fid);
}

bool zpci_ids_uid_in_use(const ZpciIds *ids, uint16_t uid)
{
    return uid != ZPCI_UID_UNDEFINED && zpci_uid_map_test(&ids->uid, uid);
}

bool zpci_ids_fid_in_use(const ZpciIds *ids, uint32_t fid)
{
    return zpci_fid_set_test(&ids->fid, fid);
}

bool zpci_ids_reserve_uid(ZpciIds *ids, uint16_t uid, Error **errp)
{
    if (uid == ZPCI_UID_UNDEFINED) {
        error_setg(errp, "uid %u is out of range %u..%u", uid, ZPCI_UID_MIN,
                   ZPCI_UID_MAX);
        return false;
    }
    if (!zpci_uid_map_set(&ids->uid, uid)) {
        error_setg(errp, "uid %u already in use", uid);
        return false;
    }
    return true;
}

bool zpci_ids_alloc_uid(ZpciIds *ids, uint16_t *uid, Error **errp)
{
    uint16_t found = zpci_uid_map_lowest_free(&ids->uid);

    if (found == ZPCI_UID_UNDEFINED) {
        error_setg(errp, "no free uid could be found");
        return false;
    }
    zpci_uid_map_set(&ids->uid, found);
    *uid = found;
    return true;
}

void zpci_ids_release_uid(ZpciIds *ids, uint16_t uid)
{
    zpci_uid_map_clear(&ids->uid, uid);
}

bool zpci_ids_reserve_fid(ZpciIds *ids, uint32_t fid, Error **errp)
{
    if (!zpci_fid_set_add(&ids->fid, fid)) {
        error_setg(errp, "fid %u already in use", fid);
        return false;
    }
    return true;
}

bool zpci_ids_alloc_fid(ZpciIds *ids, uint32_t *fid, Error **errp)
{
    uint32_t found;

    if (!zpci_fid_set_lowest_free(&ids->fid, &found)) {
        error_setg(errp, "no free fid could be found");
        return false;
    }
    zpci_fid_set_add(&ids->fid, found);
    *fid = found;
    return true;
}

void zpci_ids_release_fid(ZpciIds *ids, uint32_t fid)
{
    zpci_fid_set_remove(&ids->fid, fid);
}

bool zpci_ids_claim(ZpciIds *ids, uint16_t *uid, uint32_t *fid, bool fid_given,
                    Error **errp)
{
    uint16_t u = *uid;
    uint32_t f = *fid;
    bool ok;

    ok = u == ZPCI_UID_UNDEFINED ? zpci_ids_alloc_uid(ids, &u, errp)
                                 : zpci_ids_reserve_uid(ids, u, errp);
    if (!ok) {
        return false;
    }
    ok = fid_given ? zpci_ids_reserve_fid(ids, f, errp)
                   : zpci_ids_alloc_fid(ids, &f, errp);
    if (!ok) {
        zpci_ids_release_uid(ids, u);
        return false;
    }
    *uid = u;
    *fid = f;
    return true;
}

void zpci_ids_release(ZpciIds *ids, uint16_t uid, uint32_t fid)
{
    zpci_ids_release_uid(ids, uid);
    zpci_ids_release_fid(ids, fid);
}
