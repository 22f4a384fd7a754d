/*
 * vfio-ccw on the simulated 3390: channel programs whose shape the CCW
 * translator must get right for the data to reach the disk (one guest CCW
 * reached by two data chains, issue 12 F1).
 */
#include "vfio-ccw-test.h"

/*
 * Define Extent; Locate Record (write R1); NOOP (DC, 1 byte) into D (CC,
 * 4095 bytes); Write Data (DC, 1 byte); TIC to D. The channel runs the
 * NOOP's chain through D first, then the write's chain through D again:
 * the record must hold the guest's 4096 bytes, not 1 byte and zeros.
 * D's command chaining leads to the Write Data a second time, which the
 * control unit rejects (the Locate Record domain is used up).
 */
static void test_write_through_noop_dc(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *file = g_malloc(REC_LEN);
    uint32_t d = CCW_ADDR + 24;

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 5);
    qtest_memwrite(f.s, WBUF_ADDR, in, REC_LEN);
    de_lr(f.s, 0x00, 2, 0x01, 1, 3, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x03, 0x80, 1, WBUF_ADDR);
    ccw1(f.s, d, 0x00, F_CC, REC_LEN - 1, WBUF_ADDR + 1);
    ccw1(f.s, d + 8, 0x05, 0x80, 1, WBUF_ADDR);
    ccw1(f.s, d + 16, 0x08, 0, 0, d);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_dstat(f.s) & DSTAT_UC, ==, DSTAT_UC);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    image_r1(&f, 2, 3, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    read_r1_expect(&f, 2, 3, in);
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw/xlate/write-through-noop-dc",
                    test_write_through_noop_dc);
    return g_test_run();
}
