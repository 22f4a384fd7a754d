/*
 * s390x interpreter: add, subtract, complement, multiply and divide
 * against the Principles of Operation: every condition code, the
 * overflow boundaries, fixed-point overflow/divide exceptions and ILC.
 */
#include "test-s390x-fixture.h"

static void test_ar_cc(void)
{
    Fx *f = fx_new();

    R(1) = 0xaaaaaaaa00000001ull;
    R(2) = 2;
    fx_exec_cc(f, "1a12", 2); /* AR 1,2 */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000003ull);
    R(1) = 0xffffffff;
    R(2) = 1;
    fx_exec_cc(f, "1a12", 0);
    g_assert_cmphex(R(1), ==, 0);
    R(1) = (uint32_t)-5;
    fx_exec_cc(f, "1a12", 1);
    g_assert_cmphex(R(1), ==, (uint32_t)-4);
    R(1) = INT32_MAX;
    fx_exec_cc(f, "1a12", 3); /* overflow, masked */
    g_assert_cmphex(R(1), ==, 0x80000000u);
    R(1) = 0x80000000u;
    R(2) = 0xffffffffu;
    fx_exec_cc(f, "1a12", 3); /* INT32_MIN + -1 */
    g_assert_cmphex(R(1), ==, 0x7fffffffu);
    fx_free(f);
}

static void test_fixpt_overflow_exception(void)
{
    Fx *f = fx_new_mode(true, FX_MODE64 | PSW_MASK_FIXPT_OVF);

    R(1) = INT32_MAX;
    R(2) = 1;
    fx_exec_pgm(f, "1a12", PGM_FIXPT_OVERFLOW, 2);
    /* completion: result and cc stored, PSW past the instruction */
    g_assert_cmphex(R(1), ==, 0x80000000u);
    g_assert_cmpuint(f->cpu.cc, ==, 3);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    R(3) = INT64_MAX;
    fx_exec_pgm(f, "a73b 0001", PGM_FIXPT_OVERFLOW, 4); /* AGHI 3,1 */
    g_assert_cmphex(R(3), ==, (uint64_t)INT64_MIN);
    R(4) = 1;
    fx_exec(f, "a74b 0001");
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    fx_free(f);
}

static void test_agr_ark_forms(void)
{
    Fx *f = fx_new();

    R(1) = (uint64_t)INT64_MIN;
    R(2) = (uint64_t)-1;
    fx_exec_cc(f, "b908 0012", 3); /* AGR */
    g_assert_cmphex(R(1), ==, (uint64_t)INT64_MAX);
    R(2) = 40;
    R(3) = 2;
    R(1) = 0x1234567800000000ull;
    fx_exec_cc(f, "b9f8 3012", 2); /* ARK 1,2,3 */
    g_assert_cmphex(R(1), ==, 0x123456780000002aull);
    fx_exec_cc(f, "b9e9 3012", 2); /* SGRK 1,2,3 */
    g_assert_cmphex(R(1), ==, 38);
    R(5) = 10;
    fx_exec_cc(f, "ec15 fff6 00d9", 0); /* AGHIK 1,5,-10 */
    g_assert_cmphex(R(1), ==, 0);
    R(1) = 7;
    fx_exec_cc(f, "a71a fff0", 1); /* AHI 1,-16 */
    g_assert_cmphex(R(1), ==, (uint32_t)-9);
    R(1) = 0;
    fx_exec_cc(f, "c218 8000 0000", 1); /* AGFI 1,INT32_MIN */
    g_assert_cmphex(R(1), ==, (uint64_t)(int64_t)INT32_MIN);
    fx_free(f);
}

static void test_storage_forms(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 5);
    fx_st64(f, FX_DATA + 8, 0x100000000ull);
    R(1) = 1;
    fx_exec_cc(f, "5a10 2000", 2); /* A 1,0(2) */
    g_assert_cmphex(R(1), ==, 6);
    R(1) = 1;
    fx_exec_cc(f, "e310 2008 0008", 2); /* AG 1,8(2) */
    g_assert_cmphex(R(1), ==, 0x100000001ull);
    R(2) = FX_DATA + 1; /* negative DH/DL */
    R(1) = 0;
    fx_exec_cc(f, "e310 2fff ff18", 2); /* AGF 1,-1(2) */
    g_assert_cmphex(R(1), ==, 5);
    R(2) = FX_DATA;
    fx_exec_cc(f, "5b10 2000", 0); /* S 1,0(2) */
    fx_free(f);
}

static void test_logical_add_sub_cc(void)
{
    Fx *f = fx_new();

    R(1) = 0;
    R(2) = 0;
    fx_exec_cc(f, "1e12", 0); /* ALR: zero, no carry */
    R(1) = 1;
    fx_exec_cc(f, "1e12", 1);
    R(1) = 0xffffffff;
    R(2) = 1;
    fx_exec_cc(f, "1e12", 2); /* zero, carry */
    R(1) = 0xffffffff;
    R(2) = 2;
    fx_exec_cc(f, "1e12", 3);
    g_assert_cmphex(R(1), ==, 1);
    R(1) = 5;
    R(2) = 5;
    fx_exec_cc(f, "1f12", 2); /* SLR: zero, no borrow */
    R(1) = 5;
    R(2) = 3;
    fx_exec_cc(f, "1f12", 3);
    R(1) = 3;
    R(2) = 5;
    fx_exec_cc(f, "1f12", 1); /* borrow */
    g_assert_cmphex(R(1), ==, 0xfffffffe);
    R(1) = UINT64_MAX;
    R(2) = 1;
    fx_exec_cc(f, "b90a 0012", 2); /* ALGR */
    R(1) = 0;
    R(2) = 0;
    fx_exec_cc(f, "b90b 0012", 2);      /* SLGR 0-0 */
    fx_exec_cc(f, "c21b ffff ffff", 1); /* ALFI 1,0xffffffff */
    g_assert_cmphex(R(1), ==, 0xffffffff);
    fx_free(f);
}

/* 128-bit add and subtract with ALGR/ALCGR and SLGR/SLBGR */
static void test_carry_chain(void)
{
    Fx *f = fx_new();

    R(2) = 0;
    R(3) = UINT64_MAX; /* 2:3 = 2^64 - 1 */
    R(4) = 0;
    R(5) = 1;
    fx_exec(f, "b90a 0035");       /* ALGR 3,5 */
    fx_exec_cc(f, "b988 0024", 1); /* ALCGR 2,4 */
    g_assert_cmphex(R(2), ==, 1);
    g_assert_cmphex(R(3), ==, 0);
    fx_exec(f, "b90b 0035");       /* SLGR 3,5: borrow */
    fx_exec_cc(f, "b989 0024", 2); /* SLBGR 2,4 */
    g_assert_cmphex(R(2), ==, 0);
    g_assert_cmphex(R(3), ==, UINT64_MAX);
    R(1) = 0xffffffff;
    R(6) = 0;
    f->cpu.cc = 2;                 /* carry in */
    fx_exec_cc(f, "b998 0016", 2); /* ALCR 1,6 */
    g_assert_cmphex(R(1), ==, 0);
    f->cpu.cc = 1;                 /* borrow in */
    fx_exec_cc(f, "b999 0016", 1); /* SLBR 1,6: 0 - 0 - 1 */
    g_assert_cmphex(R(1), ==, 0xffffffff);
    fx_free(f);
}

static void test_complement_positive_negative(void)
{
    Fx *f = fx_new();

    R(2) = 0x80000000u;
    fx_exec_cc(f, "1312", 3); /* LCR MIN */
    g_assert_cmphex(R(1), ==, 0x80000000u);
    R(2) = 0;
    fx_exec_cc(f, "1312", 0);
    R(2) = 7;
    fx_exec_cc(f, "1312", 1);
    g_assert_cmphex(R(1), ==, (uint32_t)-7);
    R(2) = (uint32_t)-5;
    fx_exec_cc(f, "1012", 2); /* LPR */
    g_assert_cmphex(R(1), ==, 5);
    R(2) = 0x80000000u;
    fx_exec_cc(f, "1012", 3);
    R(2) = 5;
    fx_exec_cc(f, "1112", 1); /* LNR */
    g_assert_cmphex(R(1), ==, (uint32_t)-5);
    R(2) = 0;
    fx_exec_cc(f, "1112", 0);
    R(2) = (uint64_t)INT64_MIN;
    fx_exec_cc(f, "b900 0012", 3); /* LPGR MIN */
    fx_exec_cc(f, "b903 0012", 3); /* LCGR MIN */
    R(2) = 0x80000000u;
    fx_exec_cc(f, "b913 0012", 2); /* LCGFR: no overflow */
    g_assert_cmphex(R(1), ==, 0x80000000ull);
    fx_free(f);
}

static void test_multiply(void)
{
    Fx *f = fx_new();

    R(1) = 0x10000;
    R(2) = 0x10001;
    fx_exec(f, "b252 0012"); /* MSR: low 32 bits */
    g_assert_cmphex(R(1), ==, 0x10000);
    R(2) = 0xffffffff00000000ull;
    R(3) = (uint32_t)-3;
    R(4) = 7;
    fx_exec(f, "1c24"); /* MR 2,4 */
    g_assert_cmphex(R(2), ==, 0xffffffffffffffffull);
    g_assert_cmphex(R(3), ==, (uint32_t)-21);
    fx_exec_pgm(f, "1c34", PGM_SPECIFICATION, 2); /* odd R1 */
    R(3) = UINT64_MAX;
    R(4) = 2;
    fx_exec(f, "b986 0024"); /* MLGR */
    g_assert_cmphex(R(2), ==, 1);
    g_assert_cmphex(R(3), ==, UINT64_MAX - 1);
    R(1) = 3;
    fx_exec(f, "a71c fffe"); /* MHI 1,-2 */
    g_assert_cmphex(R(1), ==, (uint32_t)-6);
    fx_free(f);
}

static void test_divide(void)
{
    Fx *f = fx_new();

    R(2) = 0;
    R(3) = 100;
    R(4) = 7;
    fx_exec(f, "1d24"); /* DR 2,4 */
    g_assert_cmphex(R(2), ==, 2);
    g_assert_cmphex(R(3), ==, 14);
    R(4) = 0;
    fx_exec_pgm(f, "1d24", PGM_FIXPT_DIVIDE, 2); /* by zero: suppressed */
    g_assert_cmphex(R(3), ==, 14);
    R(2) = 1;
    R(3) = 0;
    R(4) = 1; /* 2^32 / 1 */
    fx_exec_pgm(f, "1d24", PGM_FIXPT_DIVIDE, 2);
    R(3) = (uint64_t)INT64_MIN;
    R(4) = (uint64_t)-1;
    fx_exec_pgm(f, "b90d 0024", PGM_FIXPT_DIVIDE, 4); /* DSGR */
    R(3) = (uint64_t)-7;
    R(4) = 2;
    fx_exec(f, "b90d 0024");
    g_assert_cmphex(R(3), ==, (uint64_t)-3);
    g_assert_cmphex(R(2), ==, (uint64_t)-1); /* sign of dividend */
    fx_exec_pgm(f, "b90d 0014", PGM_SPECIFICATION, 4);
    R(2) = 1;
    R(3) = 0;
    R(4) = 2;                /* 2^64 / 2 */
    fx_exec(f, "b987 0024"); /* DLGR */
    g_assert_cmphex(R(3), ==, 1ull << 63);
    g_assert_cmphex(R(2), ==, 0);
    R(2) = 2;
    R(3) = 0;
    R(4) = 2; /* quotient 2^64 */
    fx_exec_pgm(f, "b987 0024", PGM_FIXPT_DIVIDE, 4);
    R(2) = 0;
    R(3) = 0xffffffff;
    R(4) = 0x10;
    fx_exec(f, "b997 0024"); /* DLR */
    g_assert_cmphex(R(3), ==, 0x0fffffff);
    g_assert_cmphex(R(2), ==, 0xf);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/arith/ar-cc", test_ar_cc);
    g_test_add_func("/s390x/arith/fixpt-overflow",
                    test_fixpt_overflow_exception);
    g_test_add_func("/s390x/arith/agr-ark", test_agr_ark_forms);
    g_test_add_func("/s390x/arith/storage", test_storage_forms);
    g_test_add_func("/s390x/arith/logical-cc", test_logical_add_sub_cc);
    g_test_add_func("/s390x/arith/carry-chain", test_carry_chain);
    g_test_add_func("/s390x/arith/lcr-lpr-lnr",
                    test_complement_positive_negative);
    g_test_add_func("/s390x/arith/multiply", test_multiply);
    g_test_add_func("/s390x/arith/divide", test_divide);
    return g_test_run();
}
