/*
 * Unit tests of the CCW translator: one guest CCW reached in several
 * contexts (by data chaining for different commands, by command
 * chaining) gets a translation for each, and the layout keeps the slot
 * that status modifier skips to.
 */
#include "qemu/osdep.h"
#include "test-ccw-xlate-fixture.h"

#define CP   0x1000
#define WBUF 0x10000
#define D_AT (CP + 24)

typedef struct Seg {
    uint64_t host;
    uint16_t count;
} Seg;

/*
 * The data chain the host channel runs from slot @slot: each segment's
 * host address and count, TICs followed. Returns the number of segments.
 */
static unsigned host_chain(const TestRam *t, uint32_t slot, Seg *seg,
                           unsigned max)
{
    unsigned n = 0;
    CCW1 c;

    for (;;) {
        c = tr_slot(t, slot);
        if (ccw_cmd_is_tic(c.cmd_code)) {
            slot = c.cda / CCW_PROG_CCW_SIZE;
            continue;
        }
        g_assert_cmpuint(n, <, max);
        seg[n].count = c.count;
        seg[n].host = c.cda ? tr_entry(t, slot) : 0;
        n++;
        if (!(c.flags & CCW_FLAG_DC)) {
            return n;
        }
        slot++;
    }
}

/* The first slot holding command @cmd with DC set */
static uint32_t find_dc_cmd(const TestRam *t, uint8_t cmd)
{
    for (uint32_t i = 0; i < ccw_prog_nr_slots(t->p); i++) {
        CCW1 c = tr_slot(t, i);

        if (c.cmd_code == cmd && (c.flags & CCW_FLAG_DC)) {
            return i;
        }
    }
    g_assert_not_reached();
}

/*
 * NOOP (DC) -> D (CC); Write Data (DC) -> TIC -> D. The NOOP's chain
 * reaches D first and moves no data; the write's chain must still get
 * D's 4095 guest bytes (issue 12 F1: it got the NOOP's "no data").
 */
static void build_noop_then_write(TestRam *t, uint32_t d_cda)
{
    tr_ccw1(t, CP, 0x63, CCW_FLAG_CC, 16, WBUF + 0x2000);
    tr_ccw1(t, CP + 8, CCW_CMD_NOOP, CCW_FLAG_DC, 1, WBUF);
    tr_ccw1(t, CP + 16, CCW_CMD_TIC, 0, 0, D_AT);
    tr_ccw1(t, D_AT, 0x00, CCW_FLAG_CC, 4095, d_cda);
    tr_ccw1(t, D_AT + 8, 0x05, CCW_FLAG_DC, 1, WBUF);
    tr_ccw1(t, D_AT + 16, CCW_CMD_TIC, 0, 0, D_AT);
}

static void test_noop_then_write(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    Seg seg[4];
    uint32_t w;

    build_noop_then_write(t, WBUF + 1);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    w = find_dc_cmd(t, 0x05);
    g_assert_cmpuint(host_chain(t, w, seg, 4), ==, 2);
    g_assert_cmphex(seg[0].host, ==, tr_host(t, WBUF));
    g_assert_cmpuint(seg[0].count, ==, 1);
    g_assert_cmphex(seg[1].host, ==, tr_host(t, WBUF + 1));
    g_assert_cmpuint(seg[1].count, ==, 4095);
    /* the NOOP's chain still moves nothing */
    w = find_dc_cmd(t, CCW_CMD_NOOP);
    g_assert_cmpuint(host_chain(t, w, seg, 4), ==, 2);
    g_assert_cmphex(seg[1].host, ==, 0);
}

/* D's data outside guest storage: the write's chain is a program check */
static void test_noop_then_write_bad_addr(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    build_noop_then_write(t, TR_RAM_SIZE - 16);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_DATA_ADDR, D_AT);
}

/* Two writes of different commands chain into one CCW: both get its data */
static void test_two_outputs_one_ccw(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    Seg seg[4];

    tr_ccw1(t, CP, 0x01, CCW_FLAG_DC, 8, WBUF);
    tr_ccw1(t, CP + 8, 0x00, CCW_FLAG_CC, 8, WBUF + 8);
    tr_ccw1(t, CP + 16, 0x05, CCW_FLAG_DC, 8, WBUF + 16);
    tr_ccw1(t, CP + 24, CCW_CMD_TIC, 0, 0, CP + 8);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(host_chain(t, find_dc_cmd(t, 0x05), seg, 4), ==, 2);
    g_assert_cmphex(seg[0].host, ==, tr_host(t, WBUF + 16));
    g_assert_cmphex(seg[1].host, ==, tr_host(t, WBUF + 8));
    g_assert_cmpuint(seg[1].count, ==, 8);
}

/*
 * Search (CC); TIC forward; Read. Status modifier on the search skips
 * the TIC: the host must find the Read two slots after the search, not
 * the TIC's target (the slot the forward TIC's path used to take).
 */
static void test_forward_tic_keeps_sm_slot(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    CCW1 c;

    tr_ccw1(t, CP, 0x31, CCW_FLAG_CC, 5, WBUF);
    tr_ccw1(t, CP + 8, CCW_CMD_TIC, 0, 0, CP + 0x100);
    tr_ccw1(t, CP + 16, 0x06, 0, 80, WBUF + 0x100);
    tr_ccw1(t, CP + 0x100, 0x07, CCW_FLAG_CC, 6, WBUF + 0x200);
    tr_ccw1(t, CP + 0x108, CCW_CMD_TIC, 0, 0, CP);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    c = tr_slot(t, 2);
    if (ccw_cmd_is_tic(c.cmd_code)) {
        c = tr_slot(t, c.cda / 8);
    }
    g_assert_cmphex(c.cmd_code, ==, 0x06);
    g_assert_cmpuint(c.count, ==, 80);
    g_assert_cmphex(tr_entry(t, (c.cda - CCW_PROG_ENTRY_AREA) / 8), ==,
                    tr_host(t, WBUF + 0x100));
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 24), ==, CP + 24);
    /* without status modifier: the TIC leads to the seek */
    c = tr_slot(t, tr_slot(t, 1).cda / 8);
    g_assert_cmphex(c.cmd_code, ==, 0x07);
}

/*
 * A (CC); B (DC); C. Status modifier on A makes the channel fetch C as a
 * command; without it C carries B's data chain: two translations of C,
 * and the slot after A's successor is the command one.
 */
static void test_dc_after_cc_detour(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    Seg seg[4];
    CCW1 c;

    tr_ccw1(t, CP, 0x07, CCW_FLAG_CC, 6, WBUF);
    tr_ccw1(t, CP + 8, 0x05, CCW_FLAG_DC, 8, WBUF + 0x10);
    tr_ccw1(t, CP + 16, 0x06, 0, 8, WBUF + 0x20);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    c = tr_slot(t, 2);
    if (ccw_cmd_is_tic(c.cmd_code)) {
        c = tr_slot(t, c.cda / 8);
    }
    g_assert_cmphex(c.cmd_code, ==, 0x06); /* C as a command */
    g_assert_cmphex(tr_entry(t, (c.cda - CCW_PROG_ENTRY_AREA) / 8), ==,
                    tr_host(t, WBUF + 0x20));
    c = tr_slot(t, 1); /* a TIC to B */
    g_assert_cmphex(c.cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmpuint(host_chain(t, c.cda / 8, seg, 4), ==, 2);
    g_assert_cmphex(tr_slot(t, c.cda / 8).cmd_code, ==, 0x05);
    g_assert_cmphex(seg[0].host, ==, tr_host(t, WBUF + 0x10));
    g_assert_cmphex(seg[1].host, ==, tr_host(t, WBUF + 0x20));
}

/*
 * 255 command-chained NOOPs, then a TIC forward: the TIC takes the last
 * slot and its target finds none, so the TIC becomes the stop (too long)
 * at the target; the status-modifier successor of the last NOOP gets no
 * slot and nothing else is laid.
 */
static void test_too_long_at_tic(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    int i;

    for (i = 0; i < 255; i++) {
        tr_ccw1(t, CP + 8 * i, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    }
    tr_ccw1(t, CP + 8 * 255, CCW_CMD_TIC, 0, 0, CP + 0x1000);
    tr_ccw1(t, CP + 0x1000, CCW_CMD_NOOP, 0, 0, 0);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_TOO_LONG,
                   CP + 0x1000);
    g_assert_cmpuint(r->stop_slot, ==, 255);
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 256);
    for (i = 0; i < 255; i++) {
        g_assert_cmphex(tr_slot(t, i).cmd_code, ==, CCW_CMD_NOOP);
        g_assert_null(ccw_prog_stop_result(t->p, (i + 1) * 8));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    TR_ADD("/ccw-xlate/ctx/noop-then-write", test_noop_then_write);
    TR_ADD("/ccw-xlate/ctx/noop-then-write-bad-addr",
           test_noop_then_write_bad_addr);
    TR_ADD("/ccw-xlate/ctx/two-outputs-one-ccw", test_two_outputs_one_ccw);
    TR_ADD("/ccw-xlate/ctx/forward-tic-keeps-sm-slot",
           test_forward_tic_keeps_sm_slot);
    TR_ADD("/ccw-xlate/ctx/dc-after-cc-detour", test_dc_after_cc_detour);
    TR_ADD("/ccw-xlate/ctx/too-long-at-tic", test_too_long_at_tic);
    return g_test_run();
}
