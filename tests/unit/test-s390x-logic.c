/*
 * s390x interpreter: AND/OR/XOR and their immediates, insert and load
 * logical immediates, TEST UNDER MASK, the rotate-and-select-bits family,
 * shifts with their overflow rule, FLOGR and POPCNT.
 */
#include "test-s390x-fixture.h"

static void test_bool(void)
{
    Fx *f = fx_new();

    R(1) = 0xffffffff000000f0ull;
    R(2) = 0x0f;
    fx_exec_cc(f, "1412", 0); /* NR */
    g_assert_cmphex(R(1), ==, 0xffffffff00000000ull);
    R(1) = 0xf0;
    fx_exec_cc(f, "1612", 1); /* OR */
    g_assert_cmphex(R(1), ==, 0xff);
    R(2) = 0xff;
    fx_exec_cc(f, "1712", 0); /* XR */
    R(2) = 0xff00000000000000ull;
    R(3) = 0x0f00000000000001ull;
    fx_exec_cc(f, "b9e4 3012", 1); /* NGRK 1,2,3 */
    g_assert_cmphex(R(1), ==, 0x0f00000000000000ull);
    fx_exec_cc(f, "b982 0011", 0); /* XGR 1,1 */
    g_assert_cmphex(R(1), ==, 0);
    R(2) = FX_DATA;
    fx_st64(f, FX_DATA, 0x00ff00ff00ff00ffull);
    R(1) = UINT64_MAX;
    fx_exec_cc(f, "e310 2000 0080", 1); /* NG */
    g_assert_cmphex(R(1), ==, 0x00ff00ff00ff00ffull);
    fx_free(f);
}

static void test_immediates(void)
{
    Fx *f = fx_new();

    R(1) = 0x123456789abcdef0ull;
    fx_exec_cc(f, "a517 00ff", 1); /* NILL 1,0xff */
    g_assert_cmphex(R(1), ==, 0x123456789abc00f0ull);
    fx_exec_cc(f, "a514 0000", 0); /* NIHH 1,0 */
    g_assert_cmphex(R(1), ==, 0x000056789abc00f0ull);
    fx_exec_cc(f, "c01d 0000 000f", 1); /* OILF */
    g_assert_cmphex(R(1), ==, 0x000056789abc00ffull);
    fx_exec_cc(f, "c016 ffff ffff", 1); /* XIHF */
    g_assert_cmphex(R(1), ==, 0xffffa9879abc00ffull);
    fx_exec(f, "a510 1111"); /* IIHH */
    fx_exec(f, "a513 2222"); /* IILL */
    g_assert_cmphex(R(1), ==, 0x1111a9879abc2222ull);
    fx_exec(f, "c018 dead beef"); /* IIHF */
    g_assert_cmphex(R(1), ==, 0xdeadbeef9abc2222ull);
    fx_exec(f, "a51e 4242"); /* LLILH */
    g_assert_cmphex(R(1), ==, 0x0000000042420000ull);
    fx_exec(f, "c01e 8000 0001"); /* LLIHF */
    g_assert_cmphex(R(1), ==, 0x8000000100000000ull);
    fx_exec(f, "a718 ffff"); /* LHI 1,-1 */
    g_assert_cmphex(R(1), ==, 0x80000001ffffffffull);
    fx_exec(f, "a719 8000"); /* LGHI 1,-32768 */
    g_assert_cmphex(R(1), ==, (uint64_t)-32768);
    fx_free(f);
}

static void test_tm_half(void)
{
    Fx *f = fx_new();

    R(1) = 0x8000;
    fx_exec_cc(f, "a711 8001", 2); /* TMLL mixed, leftmost one */
    R(1) = 0x0001;
    fx_exec_cc(f, "a711 8001", 1); /* mixed, leftmost zero */
    R(1) = 0x8001;
    fx_exec_cc(f, "a711 8001", 3);
    R(1) = 0x7ffe;
    fx_exec_cc(f, "a711 8001", 0);
    fx_exec_cc(f, "a711 0000", 0); /* mask zero */
    R(1) = 0x0001000000000000ull;
    fx_exec_cc(f, "a712 0001", 3); /* TMHH */
    fx_free(f);
}

static void test_rotate_select(void)
{
    Fx *f = fx_new();

    R(1) = UINT64_MAX;
    R(2) = 0x8000000000000001ull;
    /* RISBG 1,2,32,63+zero,3: rotated by 3, low word kept, rest zero */
    fx_exec_cc(f, "ec12 20bf 0355", 2);
    g_assert_cmphex(R(1), ==, 0x0c);
    /* RISBG 1,2,0,0 (no zero), rotate 63: bit 0 from R2's bit 63... */
    R(1) = 0;
    fx_exec_cc(f, "ec12 0000 3f55", 1);
    g_assert_cmphex(R(1), ==, 0x8000000000000000ull);
    /* wrap: start 62, end 1, zero the rest, no rotation */
    R(2) = UINT64_MAX;
    fx_exec_cc(f, "ec12 3e81 0055", 1);
    g_assert_cmphex(R(1), ==, 0xc000000000000003ull);
    /* RISBGN leaves the cc */
    f->cpu.cc = 3;
    R(1) = 0;
    fx_exec_cc(f, "ec12 3f bf 00 59", 3);
    g_assert_cmphex(R(1), ==, 1);
    /* RNSBG test only: R1 unchanged, cc from the selected result */
    R(1) = 0xf0;
    R(2) = 0x0f;
    fx_exec_cc(f, "ec12 b83f 0054", 0);
    g_assert_cmphex(R(1), ==, 0xf0);
    /* ROSBG on bits 56-63 */
    fx_exec_cc(f, "ec12 383f 0056", 1);
    g_assert_cmphex(R(1), ==, 0xff);
    /* RISBLG: low word bits 24-31 from R2's low byte, high word kept */
    R(1) = 0x1111111122222222ull;
    R(2) = 0xab;
    fx_exec(f, "ec12 189f 0051");
    g_assert_cmphex(R(1), ==, 0x11111111000000abull);
    fx_free(f);
}

static void test_shifts(void)
{
    Fx *f = fx_new();

    R(1) = 0xffffffff;
    fx_exec(f, "8910 0020"); /* SLL 1,32 */
    g_assert_cmphex(R(1), ==, 0);
    R(1) = 0x80000000u;
    fx_exec(f, "8810 003f"); /* SRL 1,63 */
    g_assert_cmphex(R(1), ==, 0);
    R(1) = (uint32_t)-8;
    fx_exec_cc(f, "8a10 0002", 1); /* SRA 1,2 */
    g_assert_cmphex(R(1), ==, (uint32_t)-2);
    fx_exec_cc(f, "8a10 003f", 1);
    g_assert_cmphex(R(1), ==, 0xffffffff);
    R(1) = 0x40000000;
    fx_exec_cc(f, "8b10 0001", 3); /* SLA overflow */
    g_assert_cmphex(R(1), ==, 0);  /* sign kept: 0 */
    R(1) = 0xffffffff;
    fx_exec_cc(f, "8b10 001f", 1); /* -1 << 31: no ovf */
    g_assert_cmphex(R(1), ==, 0x80000000u);
    R(1) = 0xffffffff;
    fx_exec_cc(f, "8b10 0020", 3); /* -1 << 32: ovf */
    R(3) = 1;
    fx_exec_cc(f, "eb13 003e 000b", 2); /* SLAG 1,3,62 */
    g_assert_cmphex(R(1), ==, 1ull << 62);
    fx_exec_cc(f, "eb13 003f 000b", 3); /* SLAG 1,3,63 */
    g_assert_cmphex(R(1), ==, 0);
    R(3) = 0x8000000000000000ull;
    fx_exec_cc(f, "eb13 003f 000a", 1); /* SRAG 1,3,63 */
    g_assert_cmphex(R(1), ==, UINT64_MAX);
    R(3) = 0xf;
    R(4) = 4;
    fx_exec(f, "eb13 4000 000d"); /* SLLG 1,3,0(4) */
    g_assert_cmphex(R(1), ==, 0xf0);
    R(2) = 0x1;
    R(3) = 0x80000000u;
    fx_exec(f, "8d20 0001"); /* SLDL 2,1 */
    g_assert_cmphex(R(2), ==, 3);
    g_assert_cmphex(R(3), ==, 0);
    R(2) = 0x80000000u;
    R(3) = 0;
    fx_exec_cc(f, "8e20 0004", 1); /* SRDA 2,4 */
    g_assert_cmphex(R(2), ==, 0xf8000000u);
    fx_exec_pgm(f, "8e30 0004", PGM_SPECIFICATION, 4);
    R(3) = 0x80000001u;
    fx_exec(f, "eb13 0001 001d"); /* RLL 1,3,1 */
    g_assert_cmphex(R(1), ==, 3);
    R(3) = 0x8000000000000001ull;
    fx_exec(f, "eb13 0004 001c"); /* RLLG 1,3,4 */
    g_assert_cmphex(R(1), ==, 0x18);
    fx_free(f);
}

static void test_flogr_popcnt(void)
{
    Fx *f = fx_new();

    R(4) = 0x0000100000000001ull;
    fx_exec_cc(f, "b983 0024", 2); /* FLOGR 2,4 */
    g_assert_cmphex(R(2), ==, 19);
    g_assert_cmphex(R(3), ==, 1);
    R(4) = 0;
    fx_exec_cc(f, "b983 0024", 0);
    g_assert_cmphex(R(2), ==, 64);
    g_assert_cmphex(R(3), ==, 0);
    fx_exec_pgm(f, "b983 0034", PGM_SPECIFICATION, 4);
    R(2) = 0xff0100000000f00full;
    fx_exec_cc(f, "b9e1 0012", 1); /* POPCNT 1,2 */
    g_assert_cmphex(R(1), ==, 0x0801000000000404ull);
    R(2) = 0;
    fx_exec_cc(f, "b9e1 0012", 0);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/logic/bool", test_bool);
    g_test_add_func("/s390x/logic/immediates", test_immediates);
    g_test_add_func("/s390x/logic/tm-half", test_tm_half);
    g_test_add_func("/s390x/logic/rotate-select", test_rotate_select);
    g_test_add_func("/s390x/logic/shifts", test_shifts);
    g_test_add_func("/s390x/logic/flogr-popcnt", test_flogr_popcnt);
    return g_test_run();
}
