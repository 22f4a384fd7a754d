/*
 * Unit tests of the CCW translator: data of direct and IDA CCWs (IDAW
 * formats and block sizes, alignment rules, read backward, SKIP, data
 * outside guest storage, host congruence).
 */
#include "qemu/osdep.h"
#include "test-ccw-xlate-fixture.h"
#include "hw/vfio/ccw-xlate-int.h" /* white box: the IDAL pool */

#define CP   0x1000
#define IDAL 0x2000
#define DATA 0x10000

static const uint64_t *tr_idal(const TestRam *t, uint32_t slot)
{
    const uint64_t *idal = (const uint64_t *)(uintptr_t)tr_entry(t, slot);
    const uint64_t *pool = t->p->idaws;

    g_assert_true(idal >= pool && idal < pool + t->p->nr_idaws);
    return idal;
}

static void test_direct_directions(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x01, 0, 100, DATA);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_false(t->last_write);
    g_assert_cmphex(tr_entry(t, 0), ==, tr_host(t, DATA));

    tr_ccw1(t, CP, 0x0c, 0, 100, DATA + 99); /* read backward */
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_true(t->last_write);
    g_assert_cmphex(tr_entry(t, 0), ==, tr_host(t, DATA + 99));

    tr_ccw1(t, CP, 0x0c, 0, 100, 98); /* would start below 0 */
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_DATA_ADDR, CP);
}

static void test_direct_outside(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x03, CCW_FLAG_CC, 0, 0);
    tr_ccw1(t, CP + 8, 0x02, 0, 16, TR_RAM_SIZE - 8); /* straddles the end */
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_DATA_ADDR,
                   CP + 8);
    g_assert_cmpuint(r->stop_slot, ==, 1);
    g_assert_cmphex(tr_entry(t, 1), ==, 0);

    tr_ccw1(t, CP + 8, 0x02, 0, 8, TR_RAM_SIZE - 8); /* last 8 bytes: ok */
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
}

static void test_skip(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x02, CCW_FLAG_SKIP | CCW_FLAG_CC, 16, 0x7fff0000);
    tr_ccw1(t, CP + 8, 0x01, CCW_FLAG_SKIP, 16, DATA); /* ignored: write */
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmphex(tr_slot(t, 0).cda, ==, 0);
    g_assert_cmphex(tr_slot(t, 1).cda, ==, CCW_PROG_ENTRY_AREA + 8);
    g_assert_cmphex(tr_entry(t, 1), ==, tr_host(t, DATA));
}

static void test_idal_format2_4k(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    const uint64_t *idal;
    ORB horb;

    /* 8192 bytes from 100 bytes into a block: 3 IDAWs */
    tr_idaw2(t, IDAL, DATA + 100);
    tr_idaw2(t, IDAL + 8, DATA + 0x1000);
    tr_idaw2(t, IDAL + 16, DATA + 0x8000);
    tr_idaw2(t, IDAL + 24, 0xdead); /* not needed: not read */
    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 8192, IDAL);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmphex(tr_slot(t, 0).flags, ==, CCW_FLAG_IDA);
    g_assert_cmphex(tr_slot(t, 0).cda, ==, CCW_PROG_ENTRY_AREA);
    g_assert_cmpuint(t->p->nr_idaws, ==, 3);
    idal = tr_idal(t, 0);
    g_assert_cmphex(idal[0], ==, tr_host(t, DATA + 100));
    g_assert_cmphex(idal[1], ==, tr_host(t, DATA + 0x1000));
    g_assert_cmphex(idal[2], ==, tr_host(t, DATA + 0x8000));
    horb = tr_host_orb(t);
    g_assert_cmphex(horb.ctrl0 & (ORB_CTRL0_C64 | ORB_CTRL0_I2K), ==,
                    ORB_CTRL0_C64);

    /* the same with 2K blocks needs 5 */
    tr_idaw2(t, IDAL + 8, DATA + 0x800);
    tr_idaw2(t, IDAL + 16, DATA + 0x1000);
    tr_idaw2(t, IDAL + 24, DATA + 0x1800);
    tr_idaw2(t, IDAL + 32, DATA + 0x8000);
    r = tr_xlate(t, CP, ORB_CTRL0_C64 | ORB_CTRL0_I2K);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(t->p->nr_idaws, ==, 5);
    g_assert_cmphex(tr_idal(t, 0)[4], ==, tr_host(t, DATA + 0x8000));
    horb = tr_host_orb(t);
    g_assert_cmphex(horb.ctrl0 & ORB_CTRL0_I2K, ==, ORB_CTRL0_I2K);
}

static void test_idal_format1(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    /* word-aligned (not doubleword) IDAL of 31-bit IDAWs, 2K blocks */
    tr_idaw1(t, IDAL + 4, DATA + 0x7ff);
    tr_idaw1(t, IDAL + 8, DATA + 0x4000);
    tr_ccw1(t, CP, 0x01, CCW_FLAG_IDA, 2, IDAL + 4);
    r = tr_xlate(t, CP, 0);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(t->p->nr_idaws, ==, 2);
    g_assert_cmphex(tr_idal(t, 0)[0], ==, tr_host(t, DATA + 0x7ff));
    g_assert_cmphex(tr_idal(t, 0)[1], ==, tr_host(t, DATA + 0x4000));

    tr_ccw1(t, CP, 0x01, CCW_FLAG_IDA, 2, IDAL + 2);
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAL_ALIGN, CP);

    tr_ccw1(t, CP, 0x01, CCW_FLAG_IDA, 2, IDAL + 4);
    r = tr_xlate(t, CP, ORB_CTRL0_C64); /* format 2: doubleword */
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAL_ALIGN, CP);

    tr_idaw1(t, IDAL + 8, 0x80000000 | (DATA + 0x4000));
    r = tr_xlate(t, CP, 0);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAW, CP);
}

static void test_idaw_alignment(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_idaw2(t, IDAL, DATA + 0x10);       /* first: any byte */
    tr_idaw2(t, IDAL + 8, DATA + 0x1008); /* later: block start */
    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 0x1000, IDAL);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAW_ALIGN, CP);

    tr_idaw2(t, IDAL + 8, DATA + 0x3000);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
}

static void test_idal_outside(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 16, TR_RAM_SIZE);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAL_ADDR, CP);

    /* first IDAW readable, second beyond the end of storage */
    tr_idaw2(t, TR_RAM_SIZE - 8, DATA + 0xff0);
    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 32, TR_RAM_SIZE - 8);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAL_ADDR, CP);

    /* IDAW designating storage that does not exist */
    tr_idaw2(t, IDAL, 0x123456789000ull);
    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 16, IDAL);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_DATA_ADDR, CP);

    tr_idaw2(t, IDAL, UINT64_MAX);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_DATA_ADDR, CP);
}

static void test_idal_read_backward(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    /* 101 bytes in the first block, then one full 2K block ending below */
    tr_idaw2(t, IDAL, DATA + 0x800 + 100);
    tr_idaw2(t, IDAL + 8, DATA + 0x4000 + 0x7ff);
    tr_ccw1(t, CP, 0x0c, CCW_FLAG_IDA, 101 + 0x800, IDAL);
    r = tr_xlate(t, CP, ORB_CTRL0_C64 | ORB_CTRL0_I2K);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(t->p->nr_idaws, ==, 2);
    g_assert_cmphex(tr_idal(t, 0)[0], ==, tr_host(t, DATA + 0x800 + 100));
    g_assert_cmphex(tr_idal(t, 0)[1], ==, tr_host(t, DATA + 0x4000 + 0x7ff));
    g_assert_true(t->last_write);

    tr_idaw2(t, IDAL + 8, DATA + 0x4000); /* must be a block's end */
    r = tr_xlate(t, CP, ORB_CTRL0_C64 | ORB_CTRL0_I2K);
    tr_assert_stop(t, r, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_IDAW_ALIGN, CP);
}

static void test_host_not_congruent(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;

    t->skew = 8;
    tr_idaw2(t, IDAL, DATA);
    tr_ccw1(t, CP, 0x02, CCW_FLAG_IDA, 16, IDAL);
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    tr_assert_stop(t, r, CCW_XLATE_HOST_FAULT, CCW_XLATE_R_HOST_ALIGN, CP);
    g_assert_cmphex(r->cstat, ==, SCSW_CSTAT_CHN_CTRL_CHK);
}

static void test_idal_pool_grows(TestRam *t, gconstpointer d)
{
    const CcwXlateResult *r;
    uint32_t i, j, n = 256;

    /* 256 CCWs x 17 IDAWs: the pool moves while the entries are made */
    for (i = 0; i < n; i++) {
        for (j = 0; j < 17; j++) {
            tr_idaw2(t, IDAL + i * 17 * 8 + j * 8,
                     DATA + 0x1000 * j + (j ? 0 : 2));
        }
        tr_ccw1(t, CP + 8 * i, 0x01,
                CCW_FLAG_IDA | (i + 1 < n ? CCW_FLAG_CC : 0), 0xffff,
                IDAL + i * 17 * 8);
    }
    r = tr_xlate(t, CP, ORB_CTRL0_C64);
    g_assert_cmpint(r->status, ==, CCW_XLATE_OK);
    g_assert_cmpuint(t->p->nr_idaws, ==, n * 17);
    for (i = 0; i < n; i++) {
        const uint64_t *idal = tr_idal(t, i);

        g_assert_cmphex(idal[0], ==, tr_host(t, DATA + 2));
        g_assert_cmphex(idal[16], ==, tr_host(t, DATA + 0x10000));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    TR_ADD("/ccw-xlate/data/direct-directions", test_direct_directions);
    TR_ADD("/ccw-xlate/data/direct-outside", test_direct_outside);
    TR_ADD("/ccw-xlate/data/skip", test_skip);
    TR_ADD("/ccw-xlate/data/idal-format2", test_idal_format2_4k);
    TR_ADD("/ccw-xlate/data/idal-format1", test_idal_format1);
    TR_ADD("/ccw-xlate/data/idaw-alignment", test_idaw_alignment);
    TR_ADD("/ccw-xlate/data/idal-outside", test_idal_outside);
    TR_ADD("/ccw-xlate/data/idal-read-backward", test_idal_read_backward);
    TR_ADD("/ccw-xlate/data/host-not-congruent", test_host_not_congruent);
    TR_ADD("/ccw-xlate/data/idal-pool-grows", test_idal_pool_grows);
    return g_test_run();
}
