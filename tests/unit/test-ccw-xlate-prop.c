/*
 * Property test of the CCW translator: random guest channel programs
 * (command and data chaining, NOOP, TIC, SKIP, IDALs of both formats,
 * reads, writes, controls, suspend, broken CCWs) are translated, then the
 * guest chain (a reference walk written from the architecture's rules,
 * test-ccw-xlate-ref.h) and the translated 4 KiB buffer are run side by
 * side. At every CCW the two must agree: same command and flags, same
 * count, and every byte the device would read or write is the same guest
 * byte; the CPA the host reports maps back to the guest CCW; where the
 * guest program breaks a rule, the buffer stops there with that status.
 */
#include "qemu/osdep.h"
#include "test-ccw-xlate-ref.h"

#define NR_PROGRAMS 20000
#define WALKS       3 /* walks per program, status modifier at random */
#define MAX_STEPS   300

static uint64_t host_bytes[65536];

/* What the walks saw, so that a generator gone blind fails the test */
static struct {
    unsigned ccws, data_ccws, dc_ccws, stops, skips;
    uint64_t bytes;
} seen;

/* The host side of the walk: a position in the buffer */
typedef struct HostElem {
    bool stop;
    uint32_t slot;
    CCW1 ccw;
} HostElem;

/* Follow TIC slots from @slot to the next CCW the host device gets */
static bool host_next(const PropCtx *c, uint32_t slot, HostElem *e)
{
    uint32_t nr = ccw_prog_nr_slots(c->t->p);

    for (unsigned hops = 0; hops < 3; hops++) {
        if (slot >= nr) {
            return false;
        }
        e->ccw = tr_slot(c->t, slot);
        if (!ccw_cmd_is_tic(e->ccw.cmd_code)) {
            e->slot = slot;
            e->stop = ccw_prog_reached_stop(c->t->p, (slot + 1) * 8);
            return true;
        }
        if (e->ccw.cda % 8 || e->ccw.flags || e->ccw.count) {
            return false;
        }
        slot = e->ccw.cda / 8;
    }
    return false; /* a TIC to a TIC in the buffer */
}

/* The host addresses of the bytes of host slot @e, into host_bytes */
static void host_fill_bytes(const PropCtx *c, const HostElem *e)
{
    uint64_t entry = tr_entry(c->t, e->slot);
    bool back = ccw_cmd_is_read_backward(e->ccw.cmd_code);

    g_assert_cmphex(e->ccw.cda, ==, CCW_PROG_ENTRY_AREA + 8 * e->slot);
    if (e->ccw.flags & CCW_FLAG_IDA) {
        ref_idal_bytes((const uint64_t *)(uintptr_t)entry, c->host_block, back,
                       e->ccw.count, host_bytes);
        return;
    }
    for (uint32_t i = 0; i < e->ccw.count; i++) {
        host_bytes[i] = back ? entry - i : entry + i;
    }
}

/* Compare guest CCW @g with host slot @h */
static void check_same(const PropCtx *c, const RefElem *g, const HostElem *h)
{
    uint8_t want_flags = g->ccw.flags & ~(CCW_FLAG_SUSPEND | CCW_FLAG_IDA);

    g_assert_false(h->stop);
    g_assert_cmphex(h->ccw.cmd_code, ==, g->cmd);
    g_assert_cmphex(h->ccw.flags & ~CCW_FLAG_IDA, ==, want_flags);
    g_assert_cmpuint(h->ccw.count, ==, g->ccw.count);
    g_assert_cmphex(ccw_prog_cpa_to_guest(c->t->p, (h->slot + 1) * 8), ==,
                    g->addr + 8);
    seen.ccws++;
    seen.dc_ccws += (g->ccw.flags & CCW_FLAG_DC) != 0;
    if (!g->has_data) {
        g_assert_cmphex(h->ccw.cda, ==, 0);
        return;
    }
    seen.data_ccws++;
    seen.bytes += g->ccw.count;
    g_assert_cmphex(!!(h->ccw.flags & CCW_FLAG_IDA), ==,
                    !!(g->ccw.flags & CCW_FLAG_IDA));
    host_fill_bytes(c, h);
    for (uint32_t i = 0; i < g->ccw.count; i++) {
        if (host_bytes[i] != tr_host(c->t, ref_bytes[i])) {
            g_test_message("CCW 0x%x byte %u: guest 0x%" PRIx64
                           ", host at guest 0x%" PRIx64,
                           g->addr, i, ref_bytes[i],
                           host_bytes[i] - (uint64_t)(uintptr_t)c->t->ram);
            g_assert_not_reached();
        }
    }
}

/* The guest stopped at a broken rule: the buffer must stop there too */
static void check_stop(const PropCtx *c, const RefElem *g, const HostElem *h,
                       const CcwXlateResult *res)
{
    g_assert_true(h->stop);
    seen.stops++;
    g_assert_cmphex(res->stop_gaddr, ==, g->addr);
    g_assert_cmpint(res->status, ==,
                    g->verdict == REF_SUSPEND ? CCW_XLATE_SUSPEND
                                              : CCW_XLATE_PROGRAM_CHECK);
}

/* One walk of the guest chain and the buffer, side by side */
static void prop_walk(const PropCtx *c, GRand *rnd, bool sm)
{
    RefPos pos = { .addr = c->orb.cpa };
    uint32_t slot = 0;

    for (unsigned step = 0; step < MAX_STEPS; step++) {
        const CcwXlateResult *res;
        HostElem h = { 0 };
        RefElem g;

        ref_next(c, &pos, &g);
        g_assert_true(host_next(c, slot, &h));
        res = ccw_prog_stop_result(c->t->p, (h.slot + 1) * 8);
        if (h.stop && res->reason == CCW_XLATE_R_TOO_LONG) {
            return; /* the implementation limit: anywhere */
        }
        if (g.verdict != REF_OK) {
            check_stop(c, &g, &h, res);
            return;
        }
        check_same(c, &g, &h);
        if (g.ccw.flags & CCW_FLAG_DC) {
            pos = (RefPos){ g.addr + 8, true, g.cmd };
            slot = h.slot + 1;
        } else if (g.ccw.flags & CCW_FLAG_CC) {
            bool skip = sm && g_rand_int_range(rnd, 0, 3) == 0;

            /* status modifier: the channel skips one CCW */
            pos = (RefPos){ g.addr + (skip ? 16 : 8) };
            slot = h.slot + (skip ? 2 : 1);
            seen.skips += skip;
        } else {
            return;
        }
    }
}

static void prop_run(uint32_t seed, unsigned nr, bool sm)
{
    TestRam t;
    PropCtx c = { .t = &t };
    GRand *rnd = g_rand_new_with_seed(seed);

    tr_setup(&t, NULL);
    for (unsigned i = 0; i < nr; i++) {
        struct ccw_prog_request req;
        ORB horb;

        prop_generate(&c, rnd);
        ccw_xlate_program(t.p, &c.orb, &t.mem);
        ccw_prog_fill_request(t.p, &req);
        orb_decode(req.orb, &horb);
        c.host_block = (horb.ctrl0 & ORB_CTRL0_I2K) ? 2048 : 4096;
        for (unsigned w = 0; w < (sm ? WALKS : 1); w++) {
            prop_walk(&c, rnd, sm && w > 0);
        }
    }
    tr_teardown(&t, NULL);
    g_rand_free(rnd);
}

static void test_prop(gconstpointer data)
{
    uint32_t seed = GPOINTER_TO_UINT(data);

    memset(&seen, 0, sizeof(seen));
    prop_run(seed, NR_PROGRAMS, PROP_STATUS_MODIFIER);
    g_test_message("%u CCWs (%u with data, %u data-chained), %" PRIu64
                   " bytes, %u stops, %u status-modifier skips",
                   seen.ccws, seen.data_ccws, seen.dc_ccws, seen.bytes,
                   seen.stops, seen.skips);
    g_assert_cmpuint(seen.ccws, >, 8 * NR_PROGRAMS);
    g_assert_cmpuint(seen.data_ccws, >, 6 * NR_PROGRAMS);
    g_assert_cmpuint(seen.dc_ccws, >, 3 * NR_PROGRAMS);
    g_assert_cmpuint(seen.stops, >, NR_PROGRAMS / 4);
}

int main(int argc, char **argv)
{
    static const uint32_t seeds[] = { 1, 2, 3, 0x5eed, 0xc0ffee };

    g_test_init(&argc, &argv, NULL);
    for (unsigned i = 0; i < G_N_ELEMENTS(seeds); i++) {
        g_autofree char *path = g_strdup_printf("/ccw-xlate/prop/seed-%u",
                                                seeds[i]);

        g_test_add_data_func(path, GUINT_TO_POINTER(seeds[i]), test_prop);
    }
    return g_test_run();
}
