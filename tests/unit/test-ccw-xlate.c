/*
 * Unit tests of the CCW translator: chain structure (command and data
 * chaining, TIC, NOOP, suspend, limits), the ORB and the CPA mapping.
 */
#include "qemu/osdep.h"
#include "test-ccw-xlate-fixture.h"

#define CP   0x1000 /* channel program */
#define DATA 0x10000

static void test_direct_single(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    CCW1 c;

    tr_ccw1(t, CP, 0x06, CCW_FLAG_SLI, 512, DATA);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 1);
    c = tr_slot(t, 0);
    g_assert_cmphex(c.cmd_code, ==, 0x06);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_SLI);
    g_assert_cmpuint(c.count, ==, 512);
    g_assert_cmphex(c.cda, ==, CCW_PROG_ENTRY_AREA);
    g_assert_cmphex(tr_entry(t, 0), ==, tr_host(t, DATA));
    g_assert_true(t->last_write); /* read: device stores */
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 8), ==, CP + 8);
    g_assert_false(ccw_prog_reached_stop(t->p, 8));
}

static void test_command_chain(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    struct ccw_prog_request req;
    ORB horb;
    int i;

    tr_ccw1(t, CP, 0x01, CCW_FLAG_CC, 16, DATA);
    tr_ccw1(t, CP + 8, 0x02, CCW_FLAG_CC, 16, DATA + 16);
    tr_ccw1(t, CP + 16, 0x04, 0, 32, DATA + 32);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    /* slot 3: status modifier on the second CCW skips to CP + 24 (zeros) */
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 4);
    g_assert_cmpuint(r->stop_slot, ==, 4);
    tr_assert_stop(t, tr_stop(t, 3), CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD,
                   CP + 24);
    for (i = 0; i < 3; i++) {
        g_assert_cmphex(tr_slot(t, i).cda, ==, CCW_PROG_ENTRY_AREA + 8 * i);
        g_assert_cmphex(tr_entry(t, i), ==, tr_host(t, DATA + 16 * i));
        g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 8 * (i + 1)), ==,
                        CP + 8 * (i + 1));
    }
    g_assert_true(t->last_write); /* sense stores */
    ccw_prog_fill_request(t->p, &req);
    orb_decode(req.orb, &horb);
    g_assert_cmphex(horb.cpa, ==, 0);
    g_assert_cmphex(horb.intparm, ==, 0x12345678);
    g_assert_cmphex(horb.ctrl0 & (ORB_CTRL0_FMT | ORB_CTRL0_C64), ==,
                    ORB_CTRL0_FMT | ORB_CTRL0_C64);
    g_assert_cmphex(horb.ctrl0 & ORB_CTRL0_I2K, ==, ORB_CTRL0_I2K);
    g_assert_cmpmem(req.prog, CCW_PROG_SIZE, ccw_prog_buffer(t->p),
                    CCW_PROG_SIZE);
}

static void test_tic_forward_backward(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, CCW_CMD_TIC, 0, 0, CP + 0x100);
    tr_ccw1(t, CP + 0x100, 0x02, CCW_FLAG_CC, 8, DATA);
    tr_ccw1(t, CP + 0x108, 0xf8, 0xff, 0xffff, CP); /* TIC, junk ignored */
    r = tr_xlate(t, CP, 0);
    /* the main path loops; both status-modifier paths meet zero CCWs */
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 7);
    g_assert_cmphex(tr_slot(t, 1).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 1).cda, ==, 24); /* slot 3 */
    /* slot 2, the one status modifier on slot 0 skips to: CP + 16 */
    g_assert_cmphex(tr_slot(t, 2).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 2).cda, ==, 48);
    tr_assert_stop(t, tr_stop(t, 6), CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD,
                   CP + 16);
    g_assert_cmphex(tr_slot(t, 4).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 4).flags, ==, 0);
    g_assert_cmpuint(tr_slot(t, 4).count, ==, 0);
    g_assert_cmphex(tr_slot(t, 4).cda, ==, 0); /* back to slot 0 */
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 40), ==, CP + 0x110);
    /* slot 5, after the TIC back: CP + 0x110 */
    tr_assert_stop(t, tr_stop(t, 5), CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD,
                   CP + 0x110);
}

static void test_tic_to_tic(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, CCW_CMD_TIC, 0, 0, CP + 0x40);
    tr_ccw1(t, CP + 0x40, CCW_CMD_TIC, 0, 0, CP);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_TIC_TO_TIC,
                   CP + 0x40);
    g_assert_cmphex(r->cstat, ==, SCSW_CSTAT_PROG_CHECK);
    g_assert_cmpuint(r->stop_slot, ==, 3);      /* 2: CP + 16 */
    g_assert_cmphex(tr_slot(t, 1).cda, ==, 24); /* TIC -> stop slot */
}

static void test_tic_to_self(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, CCW_CMD_TIC, 0, 0, CP);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_PROGRAM_CHECK);
    g_assert_cmpint(r->reason, ==, CCW_XLATE_R_TIC_TO_TIC);
    g_assert_cmpuint(r->stop_slot, ==, 1);
    g_assert_cmphex(tr_slot(t, 0).cda, ==, 8);
}

static void test_tic_to_translated_tic(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    /* A: TIC B; B: noop cc; B+8: TIC A -> A is a translated TIC */
    tr_ccw1(t, CP, CCW_CMD_TIC, 0, 0, CP + 0x80);
    tr_ccw1(t, CP + 0x80, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 0x88, CCW_CMD_TIC, 0, 0, CP);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_TIC_TO_TIC, CP);
}

static void test_tic_misaligned(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, CCW_CMD_TIC, 0, 0, CP + 0x44);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CCW_ALIGN,
                   CP + 0x44);
}

static void test_sequential_into_translated(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    /* X: cc; X+8: TIC W; W: cc; W + 8 == X */
    tr_ccw1(t, CP + 0x20, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 0x28, CCW_CMD_TIC, 0, 0, CP + 0x18);
    tr_ccw1(t, CP + 0x18, 0x03, CCW_FLAG_CC, 0, 0);
    r = tr_xlate(t, CP + 0x20, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    /* X, TIC, (X + 16), W, TIC X, (W + 16 = X + 8: TIC W), stop at X + 16 */
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 7);
    g_assert_cmphex(tr_slot(t, 1).cda, ==, 24);
    g_assert_cmphex(tr_slot(t, 4).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 4).cda, ==, 0);
    /* status modifier on W skips X: slot 5 is X + 8 (the TIC to W) */
    g_assert_cmphex(tr_slot(t, 5).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 5).cda, ==, 24);
    g_assert_cmphex(tr_slot(t, 2).cda, ==, 48);
    tr_assert_stop(t, tr_stop(t, 6), CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD,
                   CP + 0x30);
}

/*
 * Seek; Search ID Equal (CC); TIC *-8; Read Data. A matching search
 * presents status modifier and the channel skips the TIC: the Read Data
 * must be in the slot after the TIC.
 */
static void test_status_modifier_path(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x07, CCW_FLAG_CC, 6, DATA);
    tr_ccw1(t, CP + 8, 0x31, CCW_FLAG_CC, 5, DATA + 0x10);
    tr_ccw1(t, CP + 16, CCW_CMD_TIC, 0, 0, CP + 8);
    tr_ccw1(t, CP + 24, 0x06, 0, 80, DATA + 0x100);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 4);
    g_assert_cmphex(tr_slot(t, 2).cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tr_slot(t, 2).cda, ==, 8);
    g_assert_cmphex(tr_slot(t, 3).cmd_code, ==, 0x06);
    g_assert_cmphex(tr_entry(t, 3), ==, tr_host(t, DATA + 0x100));
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 32), ==, CP + 32);

    /* a bad CCW there is reported only when the channel gets there */
    tr_ccw1(t, CP + 24, 0xf0, 0, 80, DATA + 0x100);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK); /* the main path loops */
    tr_assert_stop(t, tr_stop(t, 3), CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD,
                   CP + 24);
    g_assert_cmphex(tr_slot(t, 2).cda, ==, 8);
}

static void test_ccw_misaligned_and_outside(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    uint32_t last = TR_RAM_SIZE - 8;

    r = tr_xlate(t, CP + 4, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CCW_ALIGN,
                   CP + 4);
    g_assert_cmpuint(r->stop_slot, ==, 0);

    tr_ccw1(t, last, 0x03, CCW_FLAG_CC, 0, 0);
    r = tr_xlate(t, last, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CCW_ADDR,
                   TR_RAM_SIZE);
    g_assert_cmphex(tr_slot(t, 0).cmd_code, ==, 0x03); /* prefix kept */
    g_assert_cmphex(tr_slot(t, 0).flags, ==, CCW_FLAG_CC);
}

static void test_invalid_command(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, 0xf0, 0, 8, DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_CMD, CP + 8);
    g_assert_cmpuint(r->stop_slot, ==, 1);
}

static void test_format0(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    CCW1 c;

    tr_ccw0(t, CP, 0x02, CCW_FLAG_CC | CCW_FLAG_SLI, 100, DATA);
    tr_ccw0(t, CP + 8, 0x18, 0xff, 0xffff, CP + 0x40); /* TIC */
    tr_ccw0(t, CP + 0x40, 0x01, 0, 4, DATA + 0x100);
    r = tr_xlate(t, CP, ORB_CTRL0_FMT); /* toggles FMT off */
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    c = tr_slot(t, 0);
    g_assert_cmphex(c.cmd_code, ==, 0x02);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_CC | CCW_FLAG_SLI);
    g_assert_cmpuint(c.count, ==, 100);
    g_assert_cmphex(tr_entry(t, 0), ==, tr_host(t, DATA));
    g_assert_cmphex(tr_slot(t, 1).cda, ==, 24); /* slot 2: CP + 16 */
    g_assert_cmphex(tr_entry(t, 3), ==, tr_host(t, DATA + 0x100));

    tr_ccw0(t, CP + 0x40, 0x01, 0, 0, DATA);
    r = tr_xlate(t, CP, ORB_CTRL0_FMT);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_COUNT, CP + 0x40);
}

static void test_format1_bit32(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x02, 0, 8, 0x80000000 | DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_ADDR_BIT, CP);
}

static void test_no_data_access(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    /* NOOP with a count, count 0 read: addresses never checked */
    tr_ccw1(t, CP, CCW_CMD_NOOP, CCW_FLAG_CC | CCW_FLAG_IDA, 8, 0x7ffffff0);
    tr_ccw1(t, CP + 8, 0x02, CCW_FLAG_IDA, 0, 0x7ffffff0);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(t->host_calls, ==, 0);
    g_assert_cmphex(tr_slot(t, 0).cda, ==, 0);
    g_assert_cmphex(tr_slot(t, 0).flags, ==, CCW_FLAG_CC);
    g_assert_cmphex(tr_slot(t, 1).cda, ==, 0);
    g_assert_cmphex(tr_slot(t, 1).flags, ==, 0);
}

static void test_data_chaining(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x02, CCW_FLAG_DC, 16, DATA);
    tr_ccw1(t, CP + 8, 0x00, CCW_FLAG_CC, 16, DATA + 0x100); /* cmd ignored */
    tr_ccw1(t, CP + 16, 0x01, 0, 4, DATA + 0x200);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmphex(tr_slot(t, 1).cmd_code, ==, 0x02);
    g_assert_cmphex(tr_entry(t, 1), ==, tr_host(t, DATA + 0x100));
    g_assert_cmphex(tr_slot(t, 2).cmd_code, ==, 0x01);
    g_assert_false(t->last_write);

    /* count 0 with DC, and count 0 reached by DC */
    tr_ccw1(t, CP, 0x02, CCW_FLAG_DC, 0, DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_COUNT, CP);
    tr_ccw1(t, CP, 0x02, CCW_FLAG_DC, 16, DATA);
    tr_ccw1(t, CP + 8, 0x02, 0, 0, DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_COUNT, CP + 8);
}

static void test_suspend(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    ORB horb;

    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, 0x02, CCW_FLAG_SUSPEND, 8, DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_SUSPEND, CP + 8);

    r = tr_xlate(t, CP, ORB_CTRL0_SPND);
    tr_assert_stop(t, r, CCW_XLATE_SUSPEND, CCW_XLATE_R_NONE, CP + 8);
    g_assert_cmphex(r->cstat, ==, 0);
    horb = tr_host_orb(t);
    g_assert_cmphex(horb.ctrl0 & ORB_CTRL0_SPND, ==, 0);

    tr_ccw1(t, CP, 0x02, CCW_FLAG_DC, 8, DATA);
    r = tr_xlate(t, CP, ORB_CTRL0_SPND);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_SUSPEND_DC,
                   CP + 8);
}

static void test_mida_and_orb(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    ORB orb = tr_orb(CP, 0);

    tr_ccw1(t, CP, 0x02, CCW_FLAG_MIDA, 8, DATA);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_MIDA, CP);

    r = tr_xlate(t, CP, ORB_CTRL0_B);
    g_assert_cmpint(r->status, ==, CCW_XLATE_ORB_INVALID);
    g_assert_cmpint(r->reason, ==, CCW_XLATE_R_ORB_TRANSPORT);
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 0);
    orb.ctrl1 = ORB_CTRL1_MIDAW;
    r = ccw_xlate_program(t->p, &orb, &t->mem);
    g_assert_cmpint(r->reason, ==, CCW_XLATE_R_ORB_MIDAW);
    orb.ctrl1 = 0x02;
    r = ccw_xlate_program(t->p, &orb, &t->mem);
    g_assert_cmpint(r->reason, ==, CCW_XLATE_R_ORB_RESERVED);
    orb.ctrl1 = 0;
    orb.cpa |= 0x80000000;
    r = ccw_xlate_program(t->p, &orb, &t->mem);
    g_assert_cmpint(r->status, ==, CCW_XLATE_ORB_INVALID);
    g_assert_false(ccw_prog_reached_stop(t->p, 8));
}

static void test_too_long(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    int i;

    for (i = 0; i < 300; i++) {
        tr_ccw1(t, CP + 8 * i, 0x03, CCW_FLAG_CC, 0, 0);
    }
    tr_ccw1(t, CP + 8 * 255, 0x03, 0, 0, 0);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK); /* exactly 256 */
    g_assert_cmpuint(ccw_prog_nr_slots(t->p), ==, 256);

    tr_ccw1(t, CP + 8 * 255, 0x03, CCW_FLAG_CC, 0, 0);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_TOO_LONG,
                   CP + 8 * 255);
    g_assert_cmpuint(r->stop_slot, ==, 255);
}

static void test_cpa_mapping_total(TestRam *t, gconstpointer d)
{
    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, 0x03, 0, 0, 0);
    tr_xlate(t, CP, 0);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 0), ==, CP);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 9), ==, CP + 8);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 16), ==, CP + 16);
    /* the last slot: the status-modifier successor of CP, at CP + 16 */
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 24), ==, CP + 24);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, 2048), ==, CP + 24);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, UINT32_MAX), ==, CP + 24);
}

static void test_ioinst_codecs(TestRam *t, gconstpointer d)
{
    static const uint8_t orb_be[12] = { 0xde, 0xad, 0xbe, 0xef, 0x18, 0x83,
                                        0xfe, 0x80, 0x00, 0x01, 0x23, 0x48 };
    static const uint8_t scsw_be[12] = { 0x00, 0x80, 0x40, 0x07, 0x7f, 0xff,
                                         0xff, 0xf8, 0x0c, 0x20, 0x01, 0x02 };
    static const uint8_t ccw0_be[8] = { 0x02, 0x12, 0x34, 0x56,
                                        0x60, 0xaa, 0x00, 0x50 };
    uint8_t out[12];
    ORB orb;
    SCSW scsw;
    CCW1 c;

    orb_decode(orb_be, &orb);
    g_assert_cmphex(orb.intparm, ==, 0xdeadbeef);
    g_assert_cmphex(orb.ctrl0, ==,
                    ORB_CTRL0_SPND | 0x1000 | ORB_CTRL0_FMT | ORB_CTRL0_C64 |
                        ORB_CTRL0_I2K);
    g_assert_cmphex(orb.lpm, ==, 0xfe);
    g_assert_cmphex(orb.ctrl1, ==, ORB_CTRL1_ILS);
    g_assert_cmphex(orb.cpa, ==, 0x12348);
    orb_encode(&orb, out);
    g_assert_cmpmem(out, 12, orb_be, 12);

    scsw_decode(scsw_be, &scsw);
    g_assert_cmphex(scsw.flags, ==, SCSW_FLAGS_FMT);
    g_assert_cmphex(scsw.ctrl, ==,
                    SCSW_FCTL_START | SCSW_STCTL_PRIMARY |
                        SCSW_STCTL_SECONDARY | SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(scsw.cpa, ==, 0x7ffffff8);
    g_assert_cmphex(scsw.dstat, ==, SCSW_DSTAT_CE | SCSW_DSTAT_DE);
    g_assert_cmphex(scsw.cstat, ==, SCSW_CSTAT_PROG_CHECK);
    g_assert_cmphex(scsw.count, ==, 0x0102);
    scsw_encode(&scsw, out);
    g_assert_cmpmem(out, 12, scsw_be, 12);

    ccw0_decode(ccw0_be, &c);
    g_assert_cmphex(c.cmd_code, ==, 0x02);
    g_assert_cmphex(c.cda, ==, 0x123456);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_CC | CCW_FLAG_SLI);
    g_assert_cmphex(c.count, ==, 0x50);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    TR_ADD("/ccw-xlate/direct-single", test_direct_single);
    TR_ADD("/ccw-xlate/command-chain", test_command_chain);
    TR_ADD("/ccw-xlate/tic/forward-backward", test_tic_forward_backward);
    TR_ADD("/ccw-xlate/tic/to-tic", test_tic_to_tic);
    TR_ADD("/ccw-xlate/tic/to-self", test_tic_to_self);
    TR_ADD("/ccw-xlate/tic/to-translated-tic", test_tic_to_translated_tic);
    TR_ADD("/ccw-xlate/tic/misaligned", test_tic_misaligned);
    TR_ADD("/ccw-xlate/tic/sequential-into-translated",
           test_sequential_into_translated);
    TR_ADD("/ccw-xlate/tic/status-modifier-path", test_status_modifier_path);
    TR_ADD("/ccw-xlate/ccw-address", test_ccw_misaligned_and_outside);
    TR_ADD("/ccw-xlate/invalid-command", test_invalid_command);
    TR_ADD("/ccw-xlate/format0", test_format0);
    TR_ADD("/ccw-xlate/format1-bit32", test_format1_bit32);
    TR_ADD("/ccw-xlate/no-data-access", test_no_data_access);
    TR_ADD("/ccw-xlate/data-chaining", test_data_chaining);
    TR_ADD("/ccw-xlate/suspend", test_suspend);
    TR_ADD("/ccw-xlate/mida-and-orb", test_mida_and_orb);
    TR_ADD("/ccw-xlate/too-long", test_too_long);
    TR_ADD("/ccw-xlate/cpa-mapping-total", test_cpa_mapping_total);
    TR_ADD("/ccw-xlate/ioinst-codecs", test_ioinst_codecs);
    return g_test_run();
}
