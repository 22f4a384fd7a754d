/*
 * The floating-point register moves (LDGR, LGDR, LDR, LER, LZDR, LD,
 * LE, STD, STE and their Y forms) and the AFP-register control: without
 * CR0 bit 45 only FPRs 0, 2, 4 and 6 exist (data exception, DXC 1).
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/lowcore.h"

#define CR0_AFP PSW_BIT(45)

static Fx *fpr_fx(void)
{
    Fx *f = fx_new();

    f->cpu.env.cregs[0] |= CR0_AFP;
    return f;
}

static void test_gr_moves(void)
{
    Fx *f = fpr_fx();

    R(3) = 0x0123456789abcdefull;
    g_assert_cmpint(fx_exec(f, "b3c1 0093"), ==, 0); /* LDGR 9,3 */
    g_assert_cmphex(f->cpu.fprs[9], ==, 0x0123456789abcdefull);
    g_assert_cmpint(fx_exec(f, "b3cd 0049"), ==, 0); /* LGDR 4,9 */
    g_assert_cmphex(R(4), ==, 0x0123456789abcdefull);
    g_assert_cmpint(fx_exec(f, "28a9"), ==, 0); /* LDR 10,9 */
    g_assert_cmphex(f->cpu.fprs[10], ==, 0x0123456789abcdefull);
    f->cpu.fprs[11] = 0x1111111122222222ull;
    g_assert_cmpint(fx_exec(f, "38ba"), ==, 0); /* LER 11,10: bits 0-31 */
    g_assert_cmphex(f->cpu.fprs[11], ==, 0x0123456722222222ull);
    g_assert_cmpint(fx_exec(f, "b375 00a0"), ==, 0); /* LZDR 10 */
    g_assert_cmphex(f->cpu.fprs[10], ==, 0);
    g_assert_cmpint(fx_exec(f, "b374 00b0"), ==, 0); /* LZER 11 */
    g_assert_cmphex(f->cpu.fprs[11], ==, 0x22222222ull);
    fx_free(f);
}

static void test_storage(void)
{
    Fx *f = fpr_fx();

    R(1) = FX_DATA;
    f->cpu.fprs[2] = 0xfedcba9876543210ull;
    g_assert_cmpint(fx_exec(f, "6020 1008"), ==, 0); /* STD 2,8(1) */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, 0xfedcba9876543210ull);
    g_assert_cmpint(fx_exec(f, "7020 1010"), ==, 0); /* STE 2,16(1) */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 16), ==, 0xfedcba98);
    g_assert_cmpint(fx_exec(f, "6830 1008"), ==, 0); /* LD 3,8(1) */
    g_assert_cmphex(f->cpu.fprs[3], ==, 0xfedcba9876543210ull);
    f->cpu.fprs[4] = 0x55;
    g_assert_cmpint(fx_exec(f, "7840 1010"), ==, 0); /* LE 4,16(1) */
    g_assert_cmphex(f->cpu.fprs[4], ==, 0xfedcba9800000055ull);
    R(5) = 0x20;
    /* STDY 3,-8(5,1) and LDY 6,-8(5,1) */
    g_assert_cmpint(fx_exec(f, "ed35 1ff8 ff67"), ==, 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x18), ==, 0xfedcba9876543210ull);
    g_assert_cmpint(fx_exec(f, "ed65 1ff8 ff65"), ==, 0);
    g_assert_cmphex(f->cpu.fprs[6], ==, 0xfedcba9876543210ull);
    /* an access exception: nothing loaded */
    R(1) = 2 * FX_RAM_SIZE;
    f->cpu.fprs[3] = 7;
    fx_exec_pgm(f, "6830 1000", PGM_ADDRESSING, 4);
    g_assert_cmphex(f->cpu.fprs[3], ==, 7);
    fx_free(f);
}

static void test_afp_off(void)
{
    Fx *f = fx_new();

    f->cpu.pgm_hook = s390_intr_pgm_lowcore;
    R(3) = 5;
    g_assert_cmpint(fx_exec(f, "b3c1 0063"), ==, 0); /* LDGR 6,3 is fine */
    g_assert_cmphex(f->cpu.fprs[6], ==, 5);
    fx_st32(f, 0x90, 0xffffffff);
    fx_exec_pgm(f, "b3c1 0013", PGM_DATA, 4); /* LDGR 1,3 */
    g_assert_cmphex(f->cpu.fprs[1], ==, 0);
    /* the DXC in the lowcore; the FPC's DXC only exists with AFP on */
    g_assert_cmphex(fx_ld32(f, 0x90), ==, 1);
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    fx_exec_pgm(f, "b3cd 0038", PGM_DATA, 4); /* LGDR 3,8 */
    g_assert_cmphex(R(3), ==, 5);
    fx_exec_pgm(f, "2816", PGM_DATA, 2); /* LDR 1,6 */
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/fpr/gr-moves", test_gr_moves);
    g_test_add_func("/s390x/fpr/storage", test_storage);
    g_test_add_func("/s390x/fpr/afp-off", test_afp_off);
    return g_test_run();
}
