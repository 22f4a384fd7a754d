/*
 * s390x decimal instructions against the Principles of Operation:
 * CVB/CVBY/CVBG and CVD/CVDY/CVDG (fixed-point divide for results out of
 * range), PACK, UNPK, MVO, MVN, MVZ, PKA, PKU, UNPKA, UNPKU, ZAP, AP,
 * SP, CP, TP, SRP, MP, DP (results, cc, data exception with DXC 0 for
 * invalid digits and signs, decimal overflow with the program mask on
 * and off, decimal divide, length rules) and ED/EDMK (fill, digit
 * selector, significance starter, field separator, the sign's effect,
 * GR1 of EDMK). Operands live at DATA, addressed through GR5.
 */
#include "test-s390x-fixture.h"

#define CR0_AFP          PSW_BIT(45)
#define PGM_DEC_OVERFLOW 0x0a
#define PGM_DEC_DIVIDE   0x0b

static void put(Fx *f, unsigned off, const char *hex)
{
    fx_poke_hex(f, FX_DATA + off, hex);
}

/* The bytes at DATA + @off as hex text equal @hex (spaces ignored) */
static void expect_at(Fx *f, unsigned off, const char *hex, int line)
{
    g_autoptr(GString) want = g_string_new(NULL), got = g_string_new(NULL);

    for (const char *p = hex; *p; p++) {
        if (*p != ' ') {
            g_string_append_c(want, *p);
        }
    }
    for (unsigned i = 0; i < want->len / 2; i++) {
        g_string_append_printf(got, "%02x", f->ram.base[FX_DATA + off + i]);
    }
    if (strcmp(got->str, want->str)) {
        g_error("line %d: %s, expected %s", line, got->str, want->str);
    }
}
#define expect(f, off, hex) expect_at(f, off, hex, __LINE__)

static Fx *fx_dec(void)
{
    Fx *f = fx_new();

    R(5) = FX_DATA;
    return f;
}

static void test_cvb(void)
{
    Fx *f = fx_dec();

    put(f, 0, "00000000 0012345c");
    R(1) = 0xaaaaaaaa00000000ull;
    g_assert_cmpint(fx_exec(f, "4f10 5000"), ==, 0); /* CVB 1,0(5) */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00003039ull);
    put(f, 0, "00000000 0012345d");
    g_assert_cmpint(fx_exec(f, "e310 5000 0006"), ==, 0); /* CVBY */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaaffffcfc7ull);
    /* sign 0xb is minus, 0xa/0xe/0xf plus, -0 is 0 */
    put(f, 0, "00000000 0000000b");
    g_assert_cmpint(fx_exec(f, "4f10 5000"), ==, 0);
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000000ull);
    put(f, 0, "00000000 0000007f");
    g_assert_cmpint(fx_exec(f, "4f10 5000"), ==, 0);
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000007ull);
    /* the extremes of 32 bits */
    put(f, 0, "00000214 7483648d");
    g_assert_cmpint(fx_exec(f, "4f10 5000"), ==, 0);
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa80000000ull);
    /* one beyond: fixed-point divide, the rightmost 32 bits placed */
    put(f, 0, "00000214 7483648c");
    R(1) = 0;
    fx_exec_pgm(f, "4f10 5000", PGM_FIXPT_DIVIDE, 4);
    g_assert_cmphex(R(1), ==, 0x80000000ull);
    put(f, 0, "99999999 9999999c");
    fx_exec_pgm(f, "4f10 5000", PGM_FIXPT_DIVIDE, 4);
    g_assert_cmphex(R(1), ==, (uint32_t)999999999999999ull);
    /* invalid sign or digit: data exception DXC 0, R1 unchanged */
    R(1) = 0x1234;
    f->cpu.dxc = 0x55;
    put(f, 0, "00000000 00000001");
    fx_exec_pgm(f, "4f10 5000", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 0);
    g_assert_cmphex(R(1), ==, 0x1234);
    put(f, 0, "000000a0 0000000c");
    fx_exec_pgm(f, "4f10 5000", PGM_DATA, 4);
    g_assert_cmphex(R(1), ==, 0x1234);
    /* with the AFP-register control on the DXC goes to the FPC too */
    f->cpu.env.cregs[0] |= CR0_AFP;
    f->cpu.fpc = 0xff00;
    fx_exec_pgm(f, "4f10 5000", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.fpc, ==, 0);
    fx_free(f);
}

static void test_cvbg(void)
{
    Fx *f = fx_dec();

    put(f, 0, "00000000 00009223 37203685 4775808d");
    g_assert_cmpint(fx_exec(f, "e310 5000 000e"), ==, 0); /* CVBG */
    g_assert_cmphex(R(1), ==, 0x8000000000000000ull);
    put(f, 0, "00000000 00000000 00000000 0000042c");
    g_assert_cmpint(fx_exec(f, "e310 5000 000e"), ==, 0);
    g_assert_cmphex(R(1), ==, 42);
    /* out of range: fixed-point divide, suppressed */
    put(f, 0, "00000000 00009223 37203685 4775808c");
    fx_exec_pgm(f, "e310 5000 000e", PGM_FIXPT_DIVIDE, 6);
    g_assert_cmphex(R(1), ==, 42);
    put(f, 0, "99999999 99999999 99999999 9999999d");
    fx_exec_pgm(f, "e310 5000 000e", PGM_FIXPT_DIVIDE, 6);
    g_assert_cmphex(R(1), ==, 42);
    put(f, 0, "00000000 00000000 00000000 00000042");
    fx_exec_pgm(f, "e310 5000 000e", PGM_DATA, 6);
    fx_free(f);
}

static void test_cvd(void)
{
    Fx *f = fx_dec();

    R(1) = 0xffffffff00003039ull;                    /* bits 0-31 ignored */
    g_assert_cmpint(fx_exec(f, "4e10 5000"), ==, 0); /* CVD */
    expect(f, 0, "00000000 0012345c");
    R(1) = 0x80000000ull;
    g_assert_cmpint(fx_exec(f, "e310 5008 0026"), ==, 0); /* CVDY */
    expect(f, 8, "00000214 7483648d");
    R(1) = 0;
    g_assert_cmpint(fx_exec(f, "4e10 5000"), ==, 0);
    expect(f, 0, "00000000 0000000c");
    R(1) = 0x8000000000000000ull;
    g_assert_cmpint(fx_exec(f, "e310 5010 002e"), ==, 0); /* CVDG */
    expect(f, 16, "00000000 00009223 37203685 4775808d");
    R(1) = 0x7fffffffffffffffull;
    g_assert_cmpint(fx_exec(f, "e310 5010 002e"), ==, 0);
    expect(f, 16, "00000000 00009223 37203685 4775807c");
    /* a store beyond storage: addressing, nothing stored */
    R(5) = FX_RAM_SIZE;
    fx_exec_pgm(f, "4e10 5000", PGM_ADDRESSING, 4);
    fx_free(f);
}

static void test_pack_unpk(void)
{
    Fx *f = fx_dec();

    put(f, 0x10, "f1f2f3c4");
    put(f, 0, "ffffff");
    g_assert_cmpint(fx_exec(f, "f223 5000 5010"), ==, 0); /* PACK 0(3),16(4) */
    expect(f, 0, "01234c");
    /* a shorter source: zeros on the left; a longer one: cut */
    put(f, 0, "ffffffff");
    g_assert_cmpint(fx_exec(f, "f231 5000 5012"), ==, 0);
    expect(f, 0, "0000 034c");
    g_assert_cmpint(fx_exec(f, "f203 5000 5010"), ==, 0);
    expect(f, 0, "4c");
    /* in place: the zoned field packed onto itself */
    put(f, 0x20, "f1f2f3f4f5c6");
    g_assert_cmpint(fx_exec(f, "f255 5020 5020"), ==, 0);
    expect(f, 0x20, "000001 23456c");
    /* UNPK: the zones are 0xf, the sign goes to the rightmost zone */
    put(f, 0, "01234d");
    g_assert_cmpint(fx_exec(f, "f352 5010 5000"), ==, 0); /* UNPK 16(6),0(3) */
    expect(f, 0x10, "f0f0f1f2f3d4");
    g_assert_cmpint(fx_exec(f, "f332 5010 5000"), ==, 0);
    expect(f, 0x10, "f1f2f3d4");
    g_assert_cmpint(fx_exec(f, "f372 5010 5000"), ==, 0);
    expect(f, 0x10, "f0f0f0f0f1f2f3d4");
    fx_free(f);
}

static void test_moves(void)
{
    Fx *f = fx_dec();

    /* MVO: operand 2 left of the rightmost half byte of operand 1 */
    put(f, 0, "7788999c");
    put(f, 0x10, "123456");
    g_assert_cmpint(fx_exec(f, "f132 5000 5010"), ==, 0); /* MVO 0(4),16(3) */
    expect(f, 0, "0123456c");
    put(f, 0, "7788999c");
    g_assert_cmpint(fx_exec(f, "f112 5000 5010"), ==, 0);
    expect(f, 0, "4568999c");
    /* MVN, MVZ: left to right, one byte at a time */
    put(f, 0, "a1b2c3d4");
    put(f, 0x10, "5e6f7a8b");
    g_assert_cmpint(fx_exec(f, "d103 5000 5010"), ==, 0); /* MVN */
    expect(f, 0, "aebfcadb");
    g_assert_cmpint(fx_exec(f, "d303 5000 5010"), ==, 0); /* MVZ */
    expect(f, 0, "5e6f7a8b");
    /* overlapping by one: the first byte's half travels along */
    put(f, 0, "a1b2c3d4");
    g_assert_cmpint(fx_exec(f, "d102 5001 5000"), ==, 0);
    expect(f, 0, "a1b1c1d1");
    fx_free(f);
}

static void test_pka_unpka(void)
{
    Fx *f = fx_dec();

    put(f, 0x40, "313233");
    g_assert_cmpint(fx_exec(f, "e902 5000 5040"), ==, 0); /* PKA 0,64(3) */
    expect(f, 0, "00000000 00000000 00000000 0000123c");
    /* 32 characters: the leftmost is dropped; halves not checked */
    memset(f->ram.base + FX_DATA + 0x40, 0x39, 32);
    f->ram.base[FX_DATA + 0x40 + 31] = 0x3f;
    g_assert_cmpint(fx_exec(f, "e91f 5000 5040"), ==, 0);
    expect(f, 0, "99999999 99999999 99999999 999999fc");
    fx_exec_pgm(f, "e920 5000 5040", PGM_SPECIFICATION, 6);
    /* PKU: two-byte characters, an even length of at most 64 */
    put(f, 0x40, "0031 0032 0037");
    g_assert_cmpint(fx_exec(f, "e105 5000 5040"), ==, 0);
    expect(f, 0, "00000000 00000000 00000000 0000127c");
    fx_exec_pgm(f, "e104 5000 5040", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "e141 5000 5040", PGM_SPECIFICATION, 6);
    /* UNPKA: cc from the sign, digits as they are */
    put(f, 0, "00000000 00000000 00000000 0001234d");
    g_assert_cmpint(fx_exec(f, "ea03 5040 5000"), ==, 0); /* UNPKA 64(4),0 */
    expect(f, 0x40, "31323334");
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    put(f, 15, "4c");
    fx_exec_cc(f, "ea05 5040 5000", 0);
    expect(f, 0x40, "303031323334");
    put(f, 15, "45");
    fx_exec_cc(f, "ea00 5040 5000", 3);
    put(f, 0, "12000000 00000000 00000000 0000000f");
    fx_exec_cc(f, "ea1f 5040 5000", 0);
    expect(f, 0x40, "30313230");
    fx_exec_pgm(f, "ea20 5040 5000", PGM_SPECIFICATION, 6);
    /* UNPKU */
    put(f, 15, "7b");
    fx_exec_cc(f, "e205 5040 5000", 1);
    expect(f, 0x40, "0030 0030 0037");
    fx_exec_pgm(f, "e204 5040 5000", PGM_SPECIFICATION, 6);
    fx_free(f);
}

static void test_zap(void)
{
    Fx *f = fx_dec();

    put(f, 0, "ffffffff");
    put(f, 0x10, "123b");
    fx_exec_cc(f, "f831 5000 5010", 1); /* ZAP 0(4),16(2): op 1 unchecked */
    expect(f, 0, "0000123d");
    put(f, 0x10, "000f");
    fx_exec_cc(f, "f831 5000 5010", 0);
    expect(f, 0, "0000000c");
    put(f, 0x10, "000d"); /* -0 becomes +0 */
    fx_exec_cc(f, "f831 5000 5010", 0);
    expect(f, 0, "0000000c");
    /* overflow: the rightmost digits, cc 3; an interruption with the mask */
    put(f, 0x10, "12345e");
    fx_exec_cc(f, "f812 5000 5010", 3);
    expect(f, 0, "345c");
    put(f, 0x10, "10000d");
    f->cpu.psw_mask |= PSW_MASK_DEC_OVF;
    fx_exec_pgm(f, "f812 5000 5010", PGM_DEC_OVERFLOW, 6);
    expect(f, 0, "000d");
    g_assert_cmpuint(f->cpu.cc, ==, 3);
    /* invalid second operand: data, nothing stored */
    put(f, 0, "5555");
    put(f, 0x10, "12a4");
    fx_exec_pgm(f, "f811 5000 5010", PGM_DATA, 6);
    expect(f, 0, "5555");
    fx_free(f);
}

static void test_ap_sp_cp(void)
{
    Fx *f = fx_dec();

    put(f, 0, "00999c");
    put(f, 0x10, "1c");
    fx_exec_cc(f, "fa20 5000 5010", 2); /* AP 0(3),16(1) */
    expect(f, 0, "01000c");
    put(f, 0, "999c");
    fx_exec_cc(f, "fa10 5000 5010", 3);
    expect(f, 0, "000c");
    put(f, 0, "999d");
    f->cpu.psw_mask |= PSW_MASK_DEC_OVF;
    put(f, 0x10, "1d");
    fx_exec_pgm(f, "fa10 5000 5010", PGM_DEC_OVERFLOW, 6);
    expect(f, 0, "000d");
    f->cpu.psw_mask &= ~PSW_MASK_DEC_OVF;
    put(f, 0, "5c");
    put(f, 0x10, "7c");
    fx_exec_cc(f, "fb00 5000 5010", 1); /* SP */
    expect(f, 0, "2d");
    put(f, 0x10, "2d");
    fx_exec_cc(f, "fa00 5000 5010", 1); /* -2 + -2 */
    expect(f, 0, "4d");
    put(f, 0x10, "4c");
    fx_exec_cc(f, "fa00 5000 5010", 0); /* a zero sum is positive */
    expect(f, 0, "0c");
    /* the same field as both operands */
    put(f, 0, "00123c");
    fx_exec_cc(f, "fa22 5000 5000", 2);
    expect(f, 0, "00246c");
    fx_exec_cc(f, "fb22 5000 5000", 0);
    expect(f, 0, "00000c");
    /* either operand invalid: data, nothing stored */
    put(f, 0, "12");
    fx_exec_pgm(f, "fa00 5000 5010", PGM_DATA, 6);
    expect(f, 0, "12");
    put(f, 0, "1c");
    put(f, 0x10, "cc");
    fx_exec_pgm(f, "fb00 5000 5010", PGM_DATA, 6);
    expect(f, 0, "1c");
    /* CP: -0 equals +0; lengths may differ */
    put(f, 0, "0d");
    put(f, 0x10, "000c");
    fx_exec_cc(f, "f901 5000 5010", 0);
    put(f, 0, "1d");
    fx_exec_cc(f, "f901 5000 5010", 1);
    put(f, 0x10, "999d");
    fx_exec_cc(f, "f901 5000 5010", 2);
    put(f, 0x10, "9a9d");
    fx_exec_pgm(f, "f901 5000 5010", PGM_DATA, 6);
    fx_free(f);
}

static void test_tp(void)
{
    Fx *f = fx_dec();

    put(f, 0, "123c");
    fx_exec_cc(f, "eb10 5000 00c0", 0); /* TP 0(2,5) */
    put(f, 0, "1234");
    fx_exec_cc(f, "eb10 5000 00c0", 1);
    put(f, 0, "1a3c");
    fx_exec_cc(f, "eb10 5000 00c0", 2);
    put(f, 0, "1a34");
    fx_exec_cc(f, "eb10 5000 00c0", 3);
    put(f, 0, "fc");
    fx_exec_cc(f, "eb00 5000 00c0", 2);
    fx_free(f);
}

static void test_srp(void)
{
    Fx *f = fx_dec();

    put(f, 0, "0012345c");
    fx_exec_cc(f, "f030 5000 0002", 2); /* SRP 0(4),2,0: left 2 */
    expect(f, 0, "1234500c");
    put(f, 0, "0012345d");
    fx_exec_cc(f, "f035 5000 003f", 1); /* right 1, round 5 */
    expect(f, 0, "0001235d");
    put(f, 0, "0012344d");
    fx_exec_cc(f, "f035 5000 003f", 1);
    expect(f, 0, "0001234d");
    /* rounding to zero from below gives +0 */
    put(f, 0, "0000004d");
    fx_exec_cc(f, "f035 5000 003f", 0);
    expect(f, 0, "0000000c");
    put(f, 0, "0099999c");
    fx_exec_cc(f, "f035 5000 0020", 0); /* right 32 */
    expect(f, 0, "0000000c");
    /* digits lost on the left: overflow, cc 3, with the mask an interruption */
    put(f, 0, "0012345c");
    fx_exec_cc(f, "f030 5000 0003", 3);
    expect(f, 0, "2345000c");
    put(f, 0, "0010000d");
    f->cpu.psw_mask |= PSW_MASK_DEC_OVF;
    fx_exec_pgm(f, "f030 5000 0003", PGM_DEC_OVERFLOW, 6);
    expect(f, 0, "0000000d");
    g_assert_cmpuint(f->cpu.cc, ==, 3);
    /* the shift count is in the address: base register counts */
    R(6) = 0x1000001;
    put(f, 0, "0000001c");
    fx_exec_cc(f, "f030 5000 6000", 2);
    expect(f, 0, "0000010c");
    put(f, 0, "000001ac");
    fx_exec_pgm(f, "f030 5000 0001", PGM_DATA, 6);
    /* a rounding digit above 9: data, nothing stored */
    put(f, 0, "0000125c");
    fx_exec_pgm(f, "f03a 5000 003f", PGM_DATA, 6);
    expect(f, 0, "0000125c");
    fx_free(f);
}

static void test_mp(void)
{
    Fx *f = fx_dec();

    put(f, 0, "0000125c");
    put(f, 0x10, "5d");
    fx_exec(f, "fc30 5000 5010"); /* MP 0(4),16(1) */
    g_assert_cmpint(fx_exec(f, "fc30 5000 5010"), ==, 0);
    expect(f, 0, "0003125c");
    /* a zero product keeps the algebraic sign; cc unchanged */
    f->cpu.cc = 2;
    put(f, 0, "0000000c");
    g_assert_cmpint(fx_exec(f, "fc30 5000 5010"), ==, 0);
    expect(f, 0, "0000000d");
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    /* 15 by 16 digits */
    put(f, 0, "00000000 00000000 99999999 9999999c");
    put(f, 0x10, "99999999 9999999c");
    g_assert_cmpint(fx_exec(f, "fcf7 5000 5010"), ==, 0);
    expect(f, 0, "09999999 99999998 00000000 0000001c");
    /* the multiplicand needs L2 + 1 bytes of leftmost zeros */
    put(f, 0, "0100000c");
    put(f, 0x10, "001c");
    fx_exec_pgm(f, "fc31 5000 5010", PGM_DATA, 6);
    expect(f, 0, "0100000c");
    /* L2 > 7 or L2 >= L1: specification */
    fx_exec_pgm(f, "fc33 5000 5010", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "fcf8 5000 5010", PGM_SPECIFICATION, 6);
    fx_free(f);
}

static void test_dp(void)
{
    Fx *f = fx_dec();

    put(f, 0, "0000126c");
    put(f, 0x10, "5d");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0); /* DP 0(4),16(1) */
    expect(f, 0, "00025d 1c"); /* quotient -25, remainder +1 */
    put(f, 0, "0000126d");
    put(f, 0x10, "5d");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0);
    expect(f, 0, "00025c 1d");
    /* zero remainder and quotient keep their signs */
    put(f, 0, "0000003d");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0);
    expect(f, 0, "00000c 3d");
    put(f, 0, "0000005d");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0);
    expect(f, 0, "00001c 0d");
    /* a zero divisor or a quotient too long: decimal divide, suppressed */
    put(f, 0, "0000126c");
    put(f, 0x10, "0c");
    fx_exec_pgm(f, "fd30 5000 5010", PGM_DEC_DIVIDE, 6);
    expect(f, 0, "0000126c");
    put(f, 0, "1000000c");
    put(f, 0x10, "1c");
    fx_exec_pgm(f, "fd30 5000 5010", PGM_DEC_DIVIDE, 6);
    expect(f, 0, "1000000c");
    put(f, 0, "0099999c");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0);
    expect(f, 0, "99999c 0c");
    put(f, 0x10, "1e");
    put(f, 0, "0099999a");
    g_assert_cmpint(fx_exec(f, "fd30 5000 5010"), ==, 0);
    expect(f, 0, "99999c 0c");
    put(f, 0x10, "1a1c");
    fx_exec_pgm(f, "fd31 5000 5010", PGM_DATA, 6);
    fx_exec_pgm(f, "fd33 5000 5010", PGM_SPECIFICATION, 6);
    fx_free(f);
}

static void test_ed(void)
{
    Fx *f = fx_dec();

    /* fill ' ', two selectors, starter, '.', two selectors */
    put(f, 0, "40 20 20 21 4b 20 20");
    put(f, 0x10, "01 23 4c");
    fx_exec_cc(f, "de06 5000 5010", 2); /* ED 0(7),16 */
    expect(f, 0, "40 40 f1 f2 4b f3 f4");
    put(f, 0, "40 20 20 21 4b 20 20");
    put(f, 0x10, "00 00 0d");
    fx_exec_cc(f, "de06 5000 5010", 0);
    expect(f, 0, "40 40 40 40 4b f0 f0");
    /* a minus sign leaves significance on: cc 1, the message kept */
    put(f, 0, "5c 20 20 20 60 c3 d9");
    put(f, 0x10, "00 5d");
    fx_exec_cc(f, "de06 5000 5010", 1);
    expect(f, 0, "5c 5c 5c f5 60 c3 d9");
    put(f, 0, "5c 20 20 20 60 c3 d9");
    put(f, 0x10, "00 5c");
    fx_exec_cc(f, "de06 5000 5010", 2);
    expect(f, 0, "5c 5c 5c f5 5c 5c 5c");
    /* field separator: a new field, fill, cc from the last field */
    put(f, 0, "40 20 22 20 20");
    put(f, 0x10, "70 0c");
    fx_exec_cc(f, "de04 5000 5010", 0);
    expect(f, 0, "40 f7 40 40 40");
    put(f, 0, "40 20 20 22");
    put(f, 0x10, "12");
    fx_exec_cc(f, "de03 5000 5010", 0);
    expect(f, 0, "40 f1 f2 40");
    /* an invalid digit: data exception, nothing stored */
    put(f, 0, "40 20 20 20");
    put(f, 0x10, "12 c3");
    fx_exec_pgm(f, "de03 5000 5010", PGM_DATA, 6);
    expect(f, 0, "40 20 20 20");
    /* EDMK: GR1 at the first significant digit, unchanged without one */
    put(f, 0, "40 20 20 21 4b 20 20");
    put(f, 0x10, "00 23 4c");
    R(1) = 0x5555555555555555ull;
    fx_exec_cc(f, "df06 5000 5010", 2);
    expect(f, 0, "40 40 40 f2 4b f3 f4");
    g_assert_cmphex(R(1), ==, FX_DATA + 3);
    put(f, 0, "40 21 20 20");
    put(f, 0x10, "00 0c");
    R(1) = 0x77;
    fx_exec_cc(f, "df03 5000 5010", 0);
    expect(f, 0, "40 40 f0 f0");
    g_assert_cmphex(R(1), ==, 0x77);
    fx_free(f);
}

/* EDMK in the 24- and 31-bit modes */
static void test_edmk_24bit(void)
{
    Fx *f = fx_new_mode(true, 0);

    R(5) = 0xff000000u | FX_DATA;
    put(f, 0, "40 20 20");
    put(f, 0x10, "05");
    R(1) = 0xaaaaaaaabbccccccull;
    fx_exec_cc(f, "df02 5000 5010", 1);
    expect(f, 0, "40 40 f5");
    /* bits 40-63 replaced, the rest kept */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaabb000000ull | (FX_DATA + 2));
    fx_free(f);
    /* 31-bit mode: bits 32-63, bit 32 zero */
    f = fx_new_mode(true, PSW_MASK_BA);
    R(5) = 0x80000000u | FX_DATA;
    put(f, 0, "40 20 20");
    put(f, 0x10, "05");
    R(1) = 0xaaaaaaaaffffffffull;
    fx_exec_cc(f, "df02 5000 5010", 1);
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000000ull | (FX_DATA + 2));
    fx_free(f);
}

/* EXECUTE supplies the length byte; an operand partly beyond storage */
static void test_ex_access(void)
{
    Fx *f = fx_dec();

    fx_poke_hex(f, FX_CODE + 0x100, "fa00 5000 5010"); /* AP 0(1,5),16(1,5) */
    put(f, 0, "00999c");
    put(f, 0x10, "001c");
    R(1) = 0x21;
    R(6) = FX_CODE + 0x100;
    fx_exec_cc(f, "4410 6000", 2); /* EX 1,0(6): AP 0(3,5),16(2,5) */
    expect(f, 0, "01000c");
    /* ZAP into 3 bytes of which 1 is beyond storage: nothing stored */
    R(5) = FX_RAM_SIZE - 2;
    R(6) = FX_DATA;
    put(f, 0, "1c");
    f->ram.base[FX_RAM_SIZE - 2] = 0x11;
    f->ram.base[FX_RAM_SIZE - 1] = 0x22;
    fx_exec_pgm(f, "f820 5000 6000", PGM_ADDRESSING, 6);
    g_assert_cmphex(f->ram.base[FX_RAM_SIZE - 2], ==, 0x11);
    g_assert_cmphex(f->ram.base[FX_RAM_SIZE - 1], ==, 0x22);
    /* the same for UNPK, which stores byte by byte */
    fx_exec_pgm(f, "f320 5000 6000", PGM_ADDRESSING, 6);
    g_assert_cmphex(f->ram.base[FX_RAM_SIZE - 1], ==, 0x22);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/decimal/cvb", test_cvb);
    g_test_add_func("/s390x/decimal/cvbg", test_cvbg);
    g_test_add_func("/s390x/decimal/cvd", test_cvd);
    g_test_add_func("/s390x/decimal/pack-unpk", test_pack_unpk);
    g_test_add_func("/s390x/decimal/moves", test_moves);
    g_test_add_func("/s390x/decimal/pka-unpka", test_pka_unpka);
    g_test_add_func("/s390x/decimal/zap", test_zap);
    g_test_add_func("/s390x/decimal/ap-sp-cp", test_ap_sp_cp);
    g_test_add_func("/s390x/decimal/tp", test_tp);
    g_test_add_func("/s390x/decimal/srp", test_srp);
    g_test_add_func("/s390x/decimal/mp", test_mp);
    g_test_add_func("/s390x/decimal/dp", test_dp);
    g_test_add_func("/s390x/decimal/ed", test_ed);
    g_test_add_func("/s390x/decimal/edmk-24-31bit", test_edmk_24bit);
    g_test_add_func("/s390x/decimal/ex-access", test_ex_access);
    return g_test_run();
}
