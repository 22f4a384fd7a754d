/*
 * The extended BFP instructions (target/s390x/exec-bfp-ext.c) and LXR,
 * LZXR: one instruction at a time on register pairs, with the cc, the
 * FPC's flags and DXC, the scaled result of a trapped overflow, M3 and
 * M4, and the specification exception of a register that names no pair.
 * Expected bit patterns were computed with the host's __float128 (the
 * square root with integers: libquadmath's sqrtq() is one unit off).
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"

#define CR0_AFP PSW_BIT(45)

#define ONE_HI   UINT64_C(0x3fff000000000000)
#define TWO_HI   UINT64_C(0x4000000000000000)
#define THREE_HI UINT64_C(0x4000800000000000)
#define MAX_HI   UINT64_C(0x7ffeffffffffffff)
#define INF_HI   UINT64_C(0x7fff000000000000)
#define SNAN_HI  UINT64_C(0x7fff400000000000)
#define QNAN_HI  UINT64_C(0x7fff800000000000)
#define THIRD_HI UINT64_C(0x3ffd555555555555)
#define THIRD_LO UINT64_C(0x5555555555555555)

#define F_INX 0x00080000u
#define F_INV 0x00800000u
#define F_OVF 0x00200000u
#define M_INX 0x08000000u
#define M_OVF 0x20000000u
#define M_INV 0x80000000u

static Fx *xfx(void)
{
    Fx *f = fx_new();

    f->cpu.env.cregs[0] |= CR0_AFP;
    return f;
}

static void put(Fx *f, unsigned r, uint64_t hi, uint64_t lo)
{
    f->cpu.fprs[r] = hi;
    f->cpu.fprs[r + 2] = lo;
}

static void expect(Fx *f, unsigned r, uint64_t hi, uint64_t lo)
{
    g_assert_cmphex(f->cpu.fprs[r], ==, hi);
    g_assert_cmphex(f->cpu.fprs[r + 2], ==, lo);
}

static void test_arith(void)
{
    Fx *f = xfx();

    put(f, 0, ONE_HI, 0);
    put(f, 4, TWO_HI, 0);
    fx_exec_cc(f, "b34a 0004", 2); /* AXBR 0,4 */
    expect(f, 0, THREE_HI, 0);
    fx_exec_cc(f, "b34b 0000", 0); /* SXBR 0,0: +0 to nearest */
    expect(f, 0, 0, 0);
    f->cpu.fpc = 3; /* toward -infinity: x - x is -0 */
    put(f, 1, THREE_HI, 0);
    fx_exec_cc(f, "b34b 0011", 0);
    expect(f, 1, UINT64_C(1) << 63, 0);
    /* 1 / 3: nearest rounds down here, up rounds the last bit up */
    f->cpu.fpc = 0;
    put(f, 8, ONE_HI, 0);
    put(f, 12, THREE_HI, 0);
    g_assert_cmpint(fx_exec(f, "b34d 008c"), ==, 0); /* DXBR 8,12 */
    expect(f, 8, THIRD_HI, THIRD_LO);
    g_assert_cmphex(f->cpu.fpc, ==, F_INX);
    f->cpu.fpc = 2;
    put(f, 8, ONE_HI, 0);
    g_assert_cmpint(fx_exec(f, "b34d 008c"), ==, 0);
    expect(f, 8, THIRD_HI, THIRD_LO + 1);
    /* MXBR 1/3 * 3 in nearest: 1 exactly after rounding */
    f->cpu.fpc = 0;
    put(f, 8, THIRD_HI, THIRD_LO);
    g_assert_cmpint(fx_exec(f, "b34c 008c"), ==, 0);
    expect(f, 8, ONE_HI, 0);
    /* SQXBR of 2 */
    put(f, 5, TWO_HI, 0);
    g_assert_cmpint(fx_exec(f, "b316 0095"), ==, 0);
    expect(f, 9, UINT64_C(0x3fff6a09e667f3bc), UINT64_C(0xc908b2fb1366ea95));
    /* sqrt(-1): the default NaN, invalid */
    put(f, 5, ONE_HI | UINT64_C(1) << 63, 0);
    g_assert_cmpint(fx_exec(f, "b316 0095"), ==, 0);
    expect(f, 9, QNAN_HI, 0);
    g_assert_cmphex(f->cpu.fpc, ==, F_INX | F_INV);
    fx_free(f);
}

static void test_traps(void)
{
    Fx *f = xfx();

    /* MAX * 2 with the overflow mask: scaled by 2^-24576, DXC 0x20 */
    f->cpu.fpc = M_OVF;
    put(f, 0, MAX_HI, UINT64_MAX);
    put(f, 4, TWO_HI, 0);
    g_assert_cmpint(fx_exec(f, "b34c 0004"), ==, PGM_DATA);
    expect(f, 0, UINT64_C(0x1fffffffffffffff), UINT64_MAX);
    g_assert_cmphex(f->cpu.fpc, ==, M_OVF | 0x2000);
    g_assert_cmphex(f->cpu.dxc, ==, 0x20);
    /* masked: infinity, overflow and inexact flags */
    f->cpu.fpc = 0;
    put(f, 0, MAX_HI, UINT64_MAX);
    g_assert_cmpint(fx_exec(f, "b34c 0004"), ==, 0);
    expect(f, 0, INF_HI, 0);
    g_assert_cmphex(f->cpu.fpc, ==, F_OVF | F_INX);
    /* an SNaN with the invalid mask: suppressed, DXC 0x80 */
    f->cpu.fpc = M_INV;
    put(f, 0, SNAN_HI, 1);
    put(f, 4, ONE_HI, 0);
    g_assert_cmpint(fx_exec(f, "b34a 0040"), ==, PGM_DATA);
    expect(f, 4, ONE_HI, 0);
    g_assert_cmphex(f->cpu.fpc, ==, M_INV | 0x8000);
    /* inexact with its mask: completed, DXC 0x0c (incremented) */
    f->cpu.fpc = M_INX | 2;
    put(f, 8, ONE_HI, 0);
    put(f, 12, THREE_HI, 0);
    g_assert_cmpint(fx_exec(f, "b34d 008c"), ==, PGM_DATA);
    expect(f, 8, THIRD_HI, THIRD_LO + 1);
    g_assert_cmphex(f->cpu.dxc, ==, 0x0c);
    fx_free(f);
}

/*
 * LOAD ROUNDED with overflow and underflow trapped: the source rounded to
 * the target's precision, scaled by 2^-+512 (long source) or 2^-+8192
 * (extended), in the source format (the inputs and results of Hercules'
 * tests/bfp-002-loadr, written to the Principles of Operation)
 */
static void test_load_rounded_traps(void)
{
    Fx *f = xfx();

    f->cpu.fpc = 0xf8000000;
    f->cpu.fprs[0] = UINT64_C(0x47efffffffffffff);
    g_assert_cmpint(fx_exec(f, "b344 0010"), ==, PGM_DATA); /* LEDBR 1,0 */
    g_assert_cmphex(f->cpu.fprs[1], ==, UINT64_C(0x27f0000000000000));
    g_assert_cmphex(f->cpu.fpc, ==, 0xf8002c00);
    f->cpu.fpc = 0xf8000000;
    f->cpu.fprs[0] = UINT64_C(0xb690000000000000);
    g_assert_cmpint(fx_exec(f, "b344 0010"), ==, PGM_DATA);
    g_assert_cmphex(f->cpu.fprs[1], ==, UINT64_C(0xd690000000000000));
    g_assert_cmphex(f->cpu.fpc, ==, 0xf8001000);
    /* LEXBR 1,4 and LDXBR 1,4: the pair R1 gets the extended result */
    f->cpu.fpc = 0xf8000000;
    put(f, 4, UINT64_C(0x407effffffffffff), UINT64_MAX);
    put(f, 1, 7, 7);
    g_assert_cmpint(fx_exec(f, "b346 0014"), ==, PGM_DATA);
    expect(f, 1, UINT64_C(0x207f000000000000), 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0xf8002c00);
    f->cpu.fpc = 0xf8000000;
    put(f, 4, UINT64_C(0xc3feffffffffffff), UINT64_MAX);
    g_assert_cmpint(fx_exec(f, "b345 0014"), ==, PGM_DATA);
    expect(f, 1, UINT64_C(0xa3ff000000000000), 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0xf8002c00);
    f->cpu.fpc = 0xf8000000;
    put(f, 4, UINT64_C(0x3bcc000000000000), 0);
    g_assert_cmpint(fx_exec(f, "b345 0014"), ==, PGM_DATA);
    expect(f, 1, UINT64_C(0x5bcc000000000000), 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0xf8001000);
    /* masked: the rounded result in the left register only */
    f->cpu.fpc = 0;
    put(f, 1, 7, 7);
    put(f, 4, UINT64_C(0x407effffffffffff), UINT64_MAX);
    g_assert_cmpint(fx_exec(f, "b346 0014"), ==, 0);
    expect(f, 1, UINT64_C(0x7f80000000000007), 7);
    g_assert_cmphex(f->cpu.fpc, ==, F_OVF | F_INX);
    fx_free(f);
}

static void test_compare_load(void)
{
    Fx *f = xfx();

    put(f, 0, ONE_HI, 0);
    put(f, 4, ONE_HI, 1);
    fx_exec_cc(f, "b349 0004", 1); /* CXBR: low */
    fx_exec_cc(f, "b349 0040", 2);
    put(f, 4, UINT64_C(1) << 63, 0);
    put(f, 1, 0, 0);
    fx_exec_cc(f, "b349 0014", 0); /* +0 == -0 */
    put(f, 5, QNAN_HI, 0);
    fx_exec_cc(f, "b349 0015", 3); /* a QNaN: no exception */
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    fx_exec_cc(f, "b348 0015", 3); /* KXBR: invalid */
    g_assert_cmphex(f->cpu.fpc, ==, F_INV);
    /* LTXBR: an SNaN made quiet, invalid */
    f->cpu.fpc = 0;
    put(f, 8, SNAN_HI | UINT64_C(1) << 63, 7);
    fx_exec_cc(f, "b342 0018", 3);
    expect(f, 1, UINT64_C(0xffffc00000000000), 7);
    g_assert_cmphex(f->cpu.fpc, ==, F_INV);
    /* the sign loads: NaNs too, no exception */
    f->cpu.fpc = 0;
    fx_exec_cc(f, "b341 0008", 3); /* LNXBR of a NaN */
    expect(f, 0, SNAN_HI | UINT64_C(1) << 63, 7);
    put(f, 8, THREE_HI, 5);
    fx_exec_cc(f, "b343 0008", 1); /* LCXBR */
    expect(f, 0, THREE_HI | UINT64_C(1) << 63, 5);
    fx_exec_cc(f, "b340 0080", 2); /* LPXBR */
    expect(f, 8, THREE_HI, 5);
    fx_exec_cc(f, "b341 0088", 1); /* LNXBR */
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    /* LXR, LZXR */
    put(f, 12, 0x1234, 0x5678);
    g_assert_cmpint(fx_exec(f, "b365 005c"), ==, 0);
    expect(f, 5, 0x1234, 0x5678);
    g_assert_cmpint(fx_exec(f, "b376 0050"), ==, 0);
    expect(f, 5, 0, 0);
    fx_free(f);
}

static void test_lengthen(void)
{
    Fx *f = xfx();

    f->cpu.fprs[6] = UINT64_C(0x3ff0000000000001);   /* 1 + 2^-52 */
    g_assert_cmpint(fx_exec(f, "b305 0046"), ==, 0); /* LXDBR 4,6 */
    expect(f, 4, ONE_HI, UINT64_C(0x1000000000000000));
    /* MXDBR 4,1: (1 + 2^-52)^2 exactly */
    f->cpu.fprs[4] = UINT64_C(0x3ff0000000000001);
    f->cpu.fprs[1] = UINT64_C(0x3ff0000000000001);
    g_assert_cmpint(fx_exec(f, "b307 0041"), ==, 0);
    expect(f, 4, ONE_HI, UINT64_C(0x2000000000000100));
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    /* LXEB 1,0(2) and MXDB 8,8(2) from storage */
    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 0xc0a00000); /* -5 */
    fx_st64(f, FX_DATA + 8, UINT64_C(0x4000000000000000));
    g_assert_cmpint(fx_exec(f, "ed10 2000 0006"), ==, 0);
    expect(f, 1, UINT64_C(0xc001400000000000), 0);
    g_assert_cmpint(fx_exec(f, "ed50 2008 0005"), ==, 0); /* LXDB 5,8(2) */
    expect(f, 5, TWO_HI, 0);
    f->cpu.fprs[7] = UINT64_C(0x3f80000012345678);   /* 1 in bits 0-31 */
    g_assert_cmpint(fx_exec(f, "b306 0047"), ==, 0); /* LXEBR 4,7 */
    expect(f, 4, ONE_HI, 0);
    f->cpu.fprs[8] = UINT64_C(0x4008000000000000); /* 3 */
    g_assert_cmpint(fx_exec(f, "ed80 2008 0007"), ==, 0);
    expect(f, 8, UINT64_C(0x4001800000000000), 0); /* 6 */
    /* a signalling NaN: made quiet, invalid */
    f->cpu.fprs[6] = UINT64_C(0x7ff4000000000000);
    g_assert_cmpint(fx_exec(f, "b305 0046"), ==, 0);
    expect(f, 4, UINT64_C(0x7fffc00000000000), 0);
    g_assert_cmphex(f->cpu.fpc, ==, F_INV);
    fx_free(f);
}

static void test_round(void)
{
    Fx *f = xfx();

    /* LDXBR of 1 + 2^-60 + 2^-112: to nearest 1, toward +inf next */
    put(f, 4, ONE_HI, UINT64_C(0x0010000000000001));
    f->cpu.fprs[2] = 0x77;
    g_assert_cmpint(fx_exec(f, "b345 0004"), ==, 0);
    g_assert_cmphex(f->cpu.fprs[0], ==, UINT64_C(0x3ff0000000000000));
    g_assert_cmphex(f->cpu.fprs[2], ==, 0x77); /* the right one stays */
    g_assert_cmphex(f->cpu.fpc, ==, F_INX);
    g_assert_cmpint(fx_exec(f, "b345 6004"), ==, 0); /* LDXBRA M3 6 */
    g_assert_cmphex(f->cpu.fprs[0], ==, UINT64_C(0x3ff0000000000001));
    /* M4 XxC: no inexact flag */
    f->cpu.fpc = 0;
    g_assert_cmpint(fx_exec(f, "b345 6404"), ==, 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    /* LEXBR M3 3 (prepare for shorter precision): 1 + 2^-23 */
    g_assert_cmpint(fx_exec(f, "b346 3004"), ==, 0);
    g_assert_cmphex(f->cpu.fprs[0] >> 32, ==, 0x3f800001);
    /* M3 2 is a specification exception */
    fx_exec_pgm(f, "b346 2004", PGM_SPECIFICATION, 4);
    /* FIXBRA of 2.5: 4 (even) gives 2, 1 (away) gives 3 */
    put(f, 8, UINT64_C(0x4000400000000000), 0);
    g_assert_cmpint(fx_exec(f, "b347 4018"), ==, 0);
    expect(f, 1, TWO_HI, 0);
    g_assert_cmpint(fx_exec(f, "b347 1018"), ==, 0);
    expect(f, 1, THREE_HI, 0);
    fx_free(f);
}

static void test_fixed(void)
{
    Fx *f = xfx();

    /* CFXBR of 2.5 per M3, CGXBR of -2^63 */
    put(f, 8, UINT64_C(0x4000400000000000), 0);
    R(3) = UINT64_C(0xaaaaaaaa00000000);
    fx_exec_cc(f, "b39a 4038", 2);
    g_assert_cmphex(R(3), ==, UINT64_C(0xaaaaaaaa00000002));
    fx_exec_cc(f, "b39a 6038", 2);
    g_assert_cmphex(R(3), ==, UINT64_C(0xaaaaaaaa00000003));
    put(f, 8, UINT64_C(0xc03e000000000000), 0);
    fx_exec_cc(f, "b3aa 5038", 1);
    g_assert_cmphex(R(3), ==, UINT64_C(0x8000000000000000));
    /* 2^63 is out of range: invalid, inexact, cc 3 */
    put(f, 8, UINT64_C(0x403e000000000000), 0);
    fx_exec_cc(f, "b3aa 5038", 3);
    g_assert_cmphex(R(3), ==, UINT64_C(0x7fffffffffffffff));
    g_assert_cmphex(f->cpu.fpc, ==, F_INV | F_INX);
    /* CLGXBR fits 2^63, CLFXBR of -1 is out of range (0) */
    f->cpu.fpc = 0;
    fx_exec_cc(f, "b3ae 5038", 2);
    g_assert_cmphex(R(3), ==, UINT64_C(0x8000000000000000));
    put(f, 8, ONE_HI | UINT64_C(1) << 63, 0);
    fx_exec_cc(f, "b39e 5038", 3);
    g_assert_cmphex(R(3) & 0xffffffff, ==, 0);
    /* CXFBR -5, CXLGBR of 2^64 - 1, CXGBR INT64_MIN: all exact */
    f->cpu.fpc = 0;
    R(2) = 0xfffffffb;
    g_assert_cmpint(fx_exec(f, "b396 0012"), ==, 0);
    expect(f, 1, UINT64_C(0xc001400000000000), 0);
    R(2) = UINT64_C(0x12345678ffffffff); /* CXLFBR: the low half */
    g_assert_cmpint(fx_exec(f, "b392 0042"), ==, 0);
    expect(f, 4, UINT64_C(0x401efffffffe0000), 0);
    R(2) = UINT64_MAX;
    g_assert_cmpint(fx_exec(f, "b3a2 0042"), ==, 0);
    expect(f, 4, UINT64_C(0x403effffffffffff), UINT64_C(0xfffe000000000000));
    R(2) = UINT64_C(1) << 63;
    g_assert_cmpint(fx_exec(f, "b3a6 0042"), ==, 0);
    expect(f, 4, UINT64_C(0xc03e000000000000), 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    fx_exec_pgm(f, "b3a6 f042", PGM_SPECIFICATION, 4); /* M3 15 */
    fx_free(f);
}

static void test_class(void)
{
    Fx *f = xfx();

    /* TCXB 0,bits(0): +0 is bit 52, -subnormal bit 57, -SNaN bit 63 */
    put(f, 0, 0, 0);
    fx_exec_cc(f, "ed00 0800 0012", 1);
    fx_exec_cc(f, "ed00 07ff 0012", 0);
    put(f, 0, UINT64_C(1) << 63, 1);
    fx_exec_cc(f, "ed00 0040 0012", 1);
    put(f, 0, SNAN_HI | UINT64_C(1) << 63, 0);
    fx_exec_cc(f, "ed00 0001 0012", 1);
    put(f, 0, QNAN_HI, 0);
    fx_exec_cc(f, "ed00 0008 0012", 1); /* +QNaN */
    put(f, 0, INF_HI, 0);
    fx_exec_cc(f, "ed00 0020 0012", 1); /* +infinity */
    put(f, 0, ONE_HI, 0);
    fx_exec_cc(f, "ed00 0200 0012", 1); /* +normal */
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    fx_free(f);
}

static void test_pairs(void)
{
    Fx *f = xfx();

    /* 2, 3, 6, 7, 10, 11, 14, 15 name no pair */
    put(f, 0, 1, 2);
    fx_exec_pgm(f, "b34a 0020", PGM_SPECIFICATION, 4); /* AXBR 2,0 */
    fx_exec_pgm(f, "b34a 0003", PGM_SPECIFICATION, 4); /* AXBR 0,3 */
    expect(f, 0, 1, 2);
    fx_exec_pgm(f, "b345 000e", PGM_SPECIFICATION, 4); /* LDXBR 0,14 */
    fx_exec_pgm(f, "b345 0070", PGM_SPECIFICATION, 4); /* LDXBR 7,0 */
    fx_exec_pgm(f, "b39a 0036", PGM_SPECIFICATION, 4); /* CFXBR 3,6 */
    fx_exec_pgm(f, "b396 0062", PGM_SPECIFICATION, 4); /* CXFBR 6,2 */
    fx_exec_pgm(f, "b305 00a0", PGM_SPECIFICATION, 4); /* LXDBR 10,0 */
    fx_exec_pgm(f, "edb0 0000 0012", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "b365 00f0", PGM_SPECIFICATION, 4); /* LXR 15,0 */
    fx_exec_pgm(f, "b376 00e0", PGM_SPECIFICATION, 4); /* LZXR 14 */
    /* the short/long operands of LXDBR, MXDBR, CFXBR's R1 need none */
    f->cpu.fprs[2] = UINT64_C(0x3ff0000000000000);
    g_assert_cmpint(fx_exec(f, "b305 0012"), ==, 0); /* LXDBR 1,2 */
    expect(f, 1, ONE_HI, 0);
    /* without the AFP-register control: DXC 2 before the pair check */
    f->cpu.env.cregs[0] &= ~CR0_AFP;
    fx_exec_pgm(f, "b34a 0020", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 2);
    /* LXR is no BFP instruction: 0 and 4 exist, 1 does not (DXC 1) */
    put(f, 4, 9, 8);
    g_assert_cmpint(fx_exec(f, "b365 0004"), ==, 0);
    expect(f, 0, 9, 8);
    fx_exec_pgm(f, "b365 0014", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 1);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/xbfp/arith", test_arith);
    g_test_add_func("/s390x/xbfp/traps", test_traps);
    g_test_add_func("/s390x/xbfp/load-rounded-traps", test_load_rounded_traps);
    g_test_add_func("/s390x/xbfp/compare-load", test_compare_load);
    g_test_add_func("/s390x/xbfp/lengthen", test_lengthen);
    g_test_add_func("/s390x/xbfp/round", test_round);
    g_test_add_func("/s390x/xbfp/fixed", test_fixed);
    g_test_add_func("/s390x/xbfp/class", test_class);
    g_test_add_func("/s390x/xbfp/pairs", test_pairs);
    return g_test_run();
}
