/*
 * s390x TRANSLATE, TRANSLATE AND TEST (REVERSE), TRANSLATE EXTENDED and
 * CHECKSUM against the
 * Principles of Operation: TR (L + 1 bytes, overlap with the table,
 * nothing stored on an access exception, exceptions only for the table
 * bytes used), TRT and TRTR (cc 0/1/2, GR1 per addressing mode, bits
 * 56-63 of GR2), EXECUTE of them, TRE (the test byte in GR0, cc 0/1/3,
 * the registers it updates), CKSM (end-around carry, padding of the
 * last bytes, cc 3 and resumption, the even register, the length in
 * 24/31-bit modes, an access exception met after progress).
 */
#include "test-s390x-fixture.h"

#define TABLE   (FX_DATA + 0x1000)
#define LONG_OP (TABLE + 0x100) /* past the table */

/* table[i] = i + 1 */
static void put_inc_table(Fx *f, uint64_t abs)
{
    for (unsigned i = 0; i < 256; i++) {
        f->ram.base[abs + i] = i + 1;
    }
}

static void check_tr(bool direct)
{
    Fx *f = fx_new_mode(direct, FX_MODE64);
    uint8_t *m = f->ram.base;

    put_inc_table(f, TABLE);
    memcpy(m + FX_DATA, "abcdefghij", 10);
    R(3) = FX_DATA;
    R(4) = TABLE;
    f->cpu.cc = 1;
    fx_exec_cc(f, "dc07 3000 4000", 1); /* TR 0(8,3),0(4): cc kept */
    g_assert_cmpmem(m + FX_DATA, 10, "bcdefghiij", 10);
    fx_exec_cc(f, "dc00 3009 4000", 1); /* one byte */
    g_assert_cmpmem(m + FX_DATA, 10, "bcdefghiik", 10);
    m[FX_DATA] = 0xff; /* wraps to table[255] = 0 */
    g_assert_cmpint(fx_exec(f, "dc00 3000 4000"), ==, 0);
    g_assert_cmphex(m[FX_DATA], ==, 0);
    /* 256 bytes */
    for (unsigned i = 0; i < 256; i++) {
        m[FX_DATA + 0x100 + i] = i;
    }
    g_assert_cmpint(fx_exec(f, "dcff 3100 4000"), ==, 0);
    for (unsigned i = 0; i < 256; i++) {
        g_assert_cmphex(m[FX_DATA + 0x100 + i], ==, (uint8_t)(i + 1));
    }
    /*
     * operand 1 is the table's first two bytes: the second argument (0)
     * selects the byte the first translation just stored
     */
    m[TABLE] = 5;
    m[TABLE + 1] = 0;
    m[TABLE + 5] = 0x42;
    g_assert_cmpint(fx_exec(f, "dc01 4000 4000"), ==, 0);
    g_assert_cmphex(m[TABLE], ==, 0x42);
    g_assert_cmphex(m[TABLE + 1], ==, 0x42);
    fx_free(f);
}

static void test_tr(void)
{
    check_tr(true);
    check_tr(false);
}

static void test_tr_exceptions(void)
{
    Fx *f = fx_new();
    uint8_t *m = f->ram.base;
    uint64_t t = FX_RAM_SIZE - 16; /* only 16 bytes of table exist */

    for (unsigned i = 0; i < 16; i++) {
        m[t + i] = 0xa0 + i;
    }
    memcpy(m + FX_DATA, "\x01\x02\x0f\x00", 4);
    R(3) = FX_DATA;
    R(4) = t;
    g_assert_cmpint(fx_exec(f, "dc03 3000 4000"), ==, 0);
    g_assert_cmpmem(m + FX_DATA, 4, "\xa1\xa2\xaf\xa0", 4);
    /* an argument selecting a byte beyond storage: nothing stored */
    memcpy(m + FX_DATA, "\x01\x02\x10\x00", 4);
    fx_exec_pgm(f, "dc03 3000 4000", PGM_ADDRESSING, 6);
    g_assert_cmpmem(m + FX_DATA, 4, "\x01\x02\x10\x00", 4);
    /* operand 1 running past the end: nothing stored either */
    R(3) = FX_RAM_SIZE - 2;
    m[FX_RAM_SIZE - 2] = 1;
    fx_exec_pgm(f, "dc03 3000 4000", PGM_ADDRESSING, 6);
    g_assert_cmphex(m[FX_RAM_SIZE - 2], ==, 1);
    /* TRT: only the bytes up to the first non-zero function byte count */
    m[t + 2] = 0;
    m[t + 1] = 0;
    memcpy(m + FX_DATA, "\x01\x02\x03\xff", 4);
    R(3) = FX_DATA;
    fx_exec_cc(f, "dd03 3000 4000", 1);
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    memcpy(m + FX_DATA, "\x01\x02\xff\x03", 4);
    fx_exec_pgm(f, "dd03 3000 4000", PGM_ADDRESSING, 6);
    /* TRTR from the right: 02, 01, 03 stops before the ff */
    memcpy(m + FX_DATA, "\xff\x03\x01\x02", 4);
    fx_exec_cc(f, "d003 3003 4000", 1);
    g_assert_cmphex(R(1), ==, FX_DATA + 1);
    memcpy(m + FX_DATA, "\x03\xff\x01\x02", 4);
    fx_exec_pgm(f, "d003 3003 4000", PGM_ADDRESSING, 6);
    fx_free(f);
}

static void check_trt(bool direct)
{
    Fx *f = fx_new_mode(direct, FX_MODE64);
    uint8_t *m = f->ram.base;

    m[TABLE + 'x'] = 0x11;
    m[TABLE + 'y'] = 0x22;
    memcpy(m + FX_DATA, "abxdy", 5);
    R(3) = FX_DATA;
    R(4) = TABLE;
    R(1) = 0x5555555555555555ull;
    R(2) = 0x6666666666666666ull;
    fx_exec_cc(f, "dd04 3000 4000", 1); /* TRT 0(5,3),0(4) */
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    g_assert_cmphex(R(2), ==, 0x6666666666666611ull);
    fx_exec_cc(f, "dd01 3003 4000", 2); /* "dy": y is the last byte */
    g_assert_cmphex(R(1), ==, FX_DATA + 4);
    g_assert_cmphex(R(2), ==, 0x6666666666666622ull);
    fx_exec_cc(f, "dd01 3000 4000", 0); /* "ab": all zero */
    g_assert_cmphex(R(1), ==, FX_DATA + 4);
    g_assert_cmphex(R(2), ==, 0x6666666666666622ull);
    /* TRTR: from the rightmost byte leftwards */
    fx_exec_cc(f, "d004 3004 4000", 1); /* TRTR 4(5,3),0(4): y first */
    g_assert_cmphex(R(1), ==, FX_DATA + 4);
    fx_exec_cc(f, "d002 3003 4000", 1); /* "xd" and more: x, not last */
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    g_assert_cmphex(R(2), ==, 0x6666666666666611ull);
    fx_exec_cc(f, "d001 3003 4000", 2); /* "xd": x is the leftmost */
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    fx_exec_cc(f, "d001 3001 4000", 0); /* "ab" */
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    /* R1 and R2 of the instruction's base registers are the same GRs */
    R(1) = FX_DATA;
    R(2) = TABLE;
    fx_exec_cc(f, "dd04 1000 2000", 1);
    g_assert_cmphex(R(1), ==, FX_DATA + 2);
    g_assert_cmphex(R(2), ==, TABLE + 0x11);
    fx_free(f);
}

static void test_trt(void)
{
    check_trt(true);
    check_trt(false);
}

/* GR1 as the addressing mode defines it */
static void test_trt_modes(void)
{
    Fx *f = fx_new_mode(true, 0); /* 24-bit */
    uint8_t *m = f->ram.base;

    m[TABLE + 'x'] = 1;
    memcpy(m + FX_DATA, "axc", 3);
    R(3) = FX_DATA;
    R(4) = TABLE;
    R(1) = UINT64_MAX;
    fx_exec_cc(f, "dd02 3000 4000", 1);
    /* bits 40-63 the address, bits 0-39 unchanged */
    g_assert_cmphex(R(1), ==, 0xffffffffff000000ull | (FX_DATA + 1));
    fx_exec_cc(f, "d002 3002 4000", 1);
    g_assert_cmphex(R(1), ==, 0xffffffffff000000ull | (FX_DATA + 1));
    fx_free(f);

    f = fx_new_mode(true, PSW_MASK_BA); /* 31-bit */
    m = f->ram.base;
    m[TABLE + 'x'] = 1;
    memcpy(m + FX_DATA, "axc", 3);
    R(3) = 0xffffffff80000000ull | FX_DATA;
    R(4) = TABLE;
    R(1) = UINT64_MAX;
    fx_exec_cc(f, "dd02 3000 4000", 1);
    /* bits 33-63 the address, bit 32 zero, bits 0-31 unchanged */
    g_assert_cmphex(R(1), ==, 0xffffffff00000000ull | (FX_DATA + 1));
    fx_free(f);
}

static void test_execute_tr(void)
{
    Fx *f = fx_new();
    uint8_t *m = f->ram.base;

    put_inc_table(f, TABLE);
    memcpy(m + FX_DATA, "abcdefgh", 8);
    /* EX 1,0(5) of TR 0(1,3),0(4): R1 bits 56-63 make the length 4 */
    fx_poke_hex(f, FX_DATA + 0x800, "dc00 3000 4000");
    R(5) = FX_DATA + 0x800;
    R(1) = 3;
    R(3) = FX_DATA;
    R(4) = TABLE;
    g_assert_cmpint(fx_exec(f, "4410 5000"), ==, 0);
    g_assert_cmpmem(m + FX_DATA, 8, "bcdeefgh", 8);
    /* EXRL of TRT */
    memset(m + TABLE, 0, 256);
    m[TABLE + 'g'] = 0x99;
    fx_poke_hex(f, FX_CODE + 6, "dd00 3004 4000");
    R(1) = 7; /* length 8 from byte 4: e f g h */
    g_assert_cmpint(fx_exec(f, "c610 0000 0003"), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(1), ==, FX_DATA + 6);
    g_assert_cmphex(R(2) & 0xff, ==, 0x99);
    /* an access exception of the target: the EX's ILC */
    R(4) = FX_RAM_SIZE;
    R(1) = 0;
    fx_exec_pgm(f, "4410 5000", PGM_ADDRESSING, 4);
    fx_free(f);
}

static uint32_t host_cksm(uint32_t sum, const uint8_t *p, size_t len)
{
    for (size_t i = 0; i < len; i += 4) {
        uint8_t w[4] = { 0 };
        uint64_t s;

        memcpy(w, p + i, MIN(4, len - i));
        s = (uint64_t)sum + ldl_be_p(w);
        sum = (uint32_t)s + (uint32_t)(s >> 32);
    }
    return sum;
}

static void test_cksm(void)
{
    Fx *f = fx_new();
    uint8_t *m = f->ram.base;

    memcpy(m + FX_DATA, "\x00\x01\x00\x02\x00\x03\x00\x04\x05", 9);
    R(1) = 0xaaaaaaaa00000000ull;
    R(2) = FX_DATA;
    R(3) = 9;
    fx_exec_cc(f, "b241 0012", 0); /* CKSM 1,2 */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa05040006ull);
    g_assert_cmphex(R(2), ==, FX_DATA + 9);
    g_assert_cmphex(R(3), ==, 0);
    /* two and three trailing bytes, padded on the right */
    R(1) = 0;
    R(2) = FX_DATA;
    R(3) = 2;
    fx_exec_cc(f, "b241 0012", 0);
    g_assert_cmphex(R(1), ==, 0x00010000);
    R(2) = FX_DATA + 6;
    R(3) = 3;
    fx_exec_cc(f, "b241 0012", 0);
    g_assert_cmphex(R(1), ==, 0x00010000 + 0x00040500);
    /* end-around carry */
    fx_st32(f, FX_DATA, 0x00000001);
    fx_st32(f, FX_DATA + 4, 0xfffffffe);
    R(1) = 0xffffffff;
    R(2) = FX_DATA;
    R(3) = 4;
    fx_exec_cc(f, "b241 0012", 0);
    g_assert_cmphex(R(1), ==, 1);
    R(3) = 4;
    fx_exec_cc(f, "b241 0012", 0); /* 1 + 0xfffffffe: no carry */
    g_assert_cmphex(R(1), ==, 0xffffffff);
    /* length zero: cc 0, nothing changes */
    R(2) = FX_DATA;
    R(3) = 0;
    fx_exec_cc(f, "b241 0012", 0);
    g_assert_cmphex(R(1), ==, 0xffffffff);
    g_assert_cmphex(R(2), ==, FX_DATA);
    /* R2 odd: specification, nothing changes */
    f->cpu.cc = 2;
    fx_exec_pgm(f, "b241 0013", PGM_SPECIFICATION, 4);
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    fx_free(f);
}

static void test_cksm_long(void)
{
    Fx *f = fx_new();
    uint8_t *m = f->ram.base;
    unsigned len = 30001, runs = 0;

    for (unsigned i = 0; i < len; i++) {
        m[FX_DATA + 1 + i] = i * 7 + (i >> 8);
    }
    R(4) = 0x12345678;
    R(6) = FX_DATA + 1; /* not word aligned */
    R(7) = len;
    do {
        g_assert_cmpint(fx_exec(f, "b241 0046"), ==, 0);
        runs++;
    } while (f->cpu.cc == 3);
    g_assert_cmpuint(runs, >, 1);
    g_assert_cmphex(R(4), ==, host_cksm(0x12345678, m + FX_DATA + 1, len));
    g_assert_cmphex(R(6), ==, FX_DATA + 1 + len);
    g_assert_cmphex(R(7), ==, 0);
    fx_free(f);
}

static void test_cksm_modes(void)
{
    Fx *f = fx_new_mode(true, PSW_MASK_BA);
    uint8_t *m = f->ram.base;

    fx_st32(f, FX_DATA, 0x01020304);
    fx_st32(f, FX_DATA + 4, 0x10203040);
    /* 31-bit: the length is bits 32-63 of R2 + 1, bits 0-31 kept */
    R(1) = 0;
    R(2) = 0x5555555580000000ull | FX_DATA;
    R(3) = 0x7777777700000008ull;
    fx_exec_cc(f, "b241 0012", 0);
    g_assert_cmphex(R(1), ==, 0x11223344);
    g_assert_cmphex(R(2), ==, 0x5555555500000000ull | (FX_DATA + 8));
    g_assert_cmphex(R(3), ==, 0x7777777700000000ull);
    fx_free(f);

    /* 64-bit: the whole register is the length */
    f = fx_new();
    m = f->ram.base;
    (void)m;
    R(1) = 0;
    R(2) = FX_DATA;
    R(3) = 0x100000000ull;
    fx_exec_cc(f, "b241 0012", 3);
    g_assert_cmphex(R(3), >, 0xff000000ull);
    g_assert_cmphex(R(3), <, 0x100000000ull);
    g_assert_cmphex(R(2), ==, FX_DATA + 0x100000000ull - R(3));
    fx_free(f);
}

static void test_cksm_exceptions(void)
{
    Fx *f = fx_new();

    fx_st32(f, FX_RAM_SIZE - 8, 0x00000001);
    fx_st32(f, FX_RAM_SIZE - 4, 0x00000002);
    /* beyond storage from the start: addressing, nothing changes */
    R(1) = 5;
    R(2) = FX_RAM_SIZE;
    R(3) = 8;
    fx_exec_pgm(f, "b241 0012", PGM_ADDRESSING, 4);
    g_assert_cmphex(R(1), ==, 5);
    g_assert_cmphex(R(2), ==, FX_RAM_SIZE);
    g_assert_cmphex(R(3), ==, 8);
    /* reached after progress: cc 3 first, the exception when resumed */
    R(2) = FX_RAM_SIZE - 8;
    R(3) = 16;
    fx_exec_cc(f, "b241 0012", 3);
    g_assert_cmphex(R(1), ==, 8);
    g_assert_cmphex(R(2), ==, FX_RAM_SIZE);
    g_assert_cmphex(R(3), ==, 8);
    fx_exec_pgm(f, "b241 0012", PGM_ADDRESSING, 4);
    fx_free(f);
}

static void test_tre(void)
{
    Fx *f = fx_new();
    uint8_t *m = f->ram.base;
    unsigned runs = 0;

    put_inc_table(f, TABLE);
    memcpy(m + FX_DATA, "abc;def", 7);
    R(0) = 0xffffffffffffff00ull | ';'; /* only bits 56-63 count */
    R(2) = FX_DATA;
    R(3) = 7;
    R(4) = TABLE;
    fx_exec_cc(f, "b2a5 0024", 1); /* TRE 2,4: stops at the test byte */
    g_assert_cmpmem(m + FX_DATA, 7, "bcd;def", 7);
    g_assert_cmphex(R(2), ==, FX_DATA + 3);
    g_assert_cmphex(R(3), ==, 4);
    g_assert_cmphex(R(4), ==, TABLE);
    /* starting at the test byte: cc 1 at once, nothing changes */
    fx_exec_cc(f, "b2a5 0024", 1);
    g_assert_cmphex(R(2), ==, FX_DATA + 3);
    /* to the end of the operand: cc 0 */
    R(2) = FX_DATA + 4;
    R(3) = 3;
    fx_exec_cc(f, "b2a5 0024", 0);
    g_assert_cmpmem(m + FX_DATA, 7, "bcd;efg", 7);
    g_assert_cmphex(R(2), ==, FX_DATA + 7);
    g_assert_cmphex(R(3), ==, 0);
    /* a long operand: cc 3 and resumed */
    memset(m + LONG_OP, 1, 10000);
    R(0) = 0;
    R(2) = LONG_OP;
    R(3) = 10000;
    do {
        g_assert_cmpint(fx_exec(f, "b2a5 0024"), ==, 0);
        runs++;
    } while (f->cpu.cc == 3);
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    g_assert_cmpuint(runs, >, 1);
    g_assert_cmphex(m[LONG_OP], ==, 2);
    g_assert_cmphex(m[LONG_OP + 9999], ==, 2);
    g_assert_cmphex(m[LONG_OP + 10000], ==, 0);
    /* R1 odd: specification */
    fx_exec_pgm(f, "b2a5 0034", PGM_SPECIFICATION, 4);
    /* the operand reaching beyond storage after progress: cc 3 first */
    m[FX_RAM_SIZE - 1] = 5;
    R(2) = FX_RAM_SIZE - 1;
    R(3) = 2;
    fx_exec_cc(f, "b2a5 0024", 3);
    g_assert_cmphex(m[FX_RAM_SIZE - 1], ==, 6);
    g_assert_cmphex(R(2), ==, FX_RAM_SIZE);
    g_assert_cmphex(R(3), ==, 1);
    fx_exec_pgm(f, "b2a5 0024", PGM_ADDRESSING, 4);
    g_assert_cmphex(R(3), ==, 1);
    fx_free(f);

    /* 31-bit: the length in bits 32-63 of R1 + 1 */
    f = fx_new_mode(true, PSW_MASK_BA);
    m = f->ram.base;
    put_inc_table(f, TABLE);
    memcpy(m + FX_DATA, "xyz", 3);
    R(0) = 0;
    R(2) = 0xaaaaaaaa80000000ull | FX_DATA;
    R(3) = 0xbbbbbbbb00000002ull;
    R(4) = TABLE;
    fx_exec_cc(f, "b2a5 0024", 0);
    g_assert_cmpmem(m + FX_DATA, 3, "yzz", 3);
    g_assert_cmphex(R(2), ==, 0xaaaaaaaa00000000ull | (FX_DATA + 2));
    g_assert_cmphex(R(3), ==, 0xbbbbbbbb00000000ull);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/tr/tr", test_tr);
    g_test_add_func("/s390x/tr/exceptions", test_tr_exceptions);
    g_test_add_func("/s390x/tr/trt", test_trt);
    g_test_add_func("/s390x/tr/trt-modes", test_trt_modes);
    g_test_add_func("/s390x/tr/execute", test_execute_tr);
    g_test_add_func("/s390x/tr/tre", test_tre);
    g_test_add_func("/s390x/cksm/basic", test_cksm);
    g_test_add_func("/s390x/cksm/long", test_cksm_long);
    g_test_add_func("/s390x/cksm/modes", test_cksm_modes);
    g_test_add_func("/s390x/cksm/exceptions", test_cksm_exceptions);
    return g_test_run();
}
