/*
 * s390x access-register instructions against the Principles of
 * Operation: EAR, SAR, CPYA (register contents, bits 0-31 of the general
 * register kept), LAM, LAMY, STAM, STAMY (register ranges that wrap from
 * 15 to 0, the word-boundary specification exception, nothing changed
 * by an access exception), EXECUTE of one, and an initial CPU reset
 * clearing the access registers.
 */
#include "test-s390x-fixture.h"

#define AR(n) (f->cpu.aregs[n])

static void test_ear_sar_cpya(void)
{
    Fx *f = fx_new();

    R(2) = 0x1111111122334455ull;
    g_assert_cmpint(fx_exec(f, "b24e 0032"), ==, 0); /* SAR 3,2 */
    g_assert_cmphex(AR(3), ==, 0x22334455);
    R(5) = 0xaaaaaaaabbbbbbbbull;
    g_assert_cmpint(fx_exec(f, "b24f 0053"), ==, 0); /* EAR 5,3 */
    g_assert_cmphex(R(5), ==, 0xaaaaaaaa22334455ull);
    g_assert_cmpint(fx_exec(f, "b24d 00f3"), ==, 0); /* CPYA 15,3 */
    g_assert_cmphex(AR(15), ==, 0x22334455);
    g_assert_cmphex(AR(3), ==, 0x22334455);
    /* register 0 is an ordinary access register here */
    R(0) = 7;
    g_assert_cmpint(fx_exec(f, "b24e 0000"), ==, 0); /* SAR 0,0 */
    g_assert_cmphex(AR(0), ==, 7);
    /* the condition code stays */
    f->cpu.cc = 2;
    fx_exec_cc(f, "b24f 0010", 2); /* EAR 1,0 */
    g_assert_cmphex(R(1) & 0xffffffff, ==, 7);
    /* not privileged */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    g_assert_cmpint(fx_exec(f, "b24f 0010"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b24e 0010"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b24d 0010"), ==, 0);
    fx_free(f);
}

static void test_lam_stam(void)
{
    Fx *f = fx_new();

    for (unsigned i = 0; i < 16; i++) {
        fx_st32(f, FX_DATA + 4 * i, 0xa0000000 | i);
    }
    R(4) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "9a2e 4000"), ==, 0); /* LAM 2,14,0(4) */
    for (unsigned i = 0; i < 16; i++) {
        g_assert_cmphex(AR(i), ==,
                        i >= 2 && i <= 14 ? 0xa0000000 | (i - 2) : 0);
    }
    /* wrapping: 14, 15, 0, 1 */
    memset(f->cpu.aregs, 0, sizeof(f->cpu.aregs));
    g_assert_cmpint(fx_exec(f, "9ae1 4010"), ==, 0); /* LAM 14,1,16(4) */
    g_assert_cmphex(AR(14), ==, 0xa0000004);
    g_assert_cmphex(AR(15), ==, 0xa0000005);
    g_assert_cmphex(AR(0), ==, 0xa0000006);
    g_assert_cmphex(AR(1), ==, 0xa0000007);
    g_assert_cmphex(AR(2), ==, 0);
    /* STAM: the same order back */
    g_assert_cmpint(fx_exec(f, "9be1 4100"), ==, 0); /* STAM 14,1,256(4) */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x100), ==, 0xa0000004);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x10c), ==, 0xa0000007);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x110), ==, 0);
    /* one register */
    AR(9) = 0x12345678;
    g_assert_cmpint(fx_exec(f, "9b99 4200"), ==, 0); /* STAM 9,9,512(4) */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x200), ==, 0x12345678);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x204), ==, 0);
    /* LAMY / STAMY with a negative long displacement */
    R(4) = FX_DATA + 0x10;
    g_assert_cmpint(fx_exec(f, "eb33 4ffc ff9a"), ==, 0); /* LAMY 3,3,-4(4) */
    g_assert_cmphex(AR(3), ==, 0xa0000003);
    g_assert_cmpint(fx_exec(f, "eb33 4ff0 009b"), ==,
                    0); /* STAMY 3,3,0xff0(4) */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x1000), ==, 0xa0000003);
    /* the cc stays; not privileged */
    f->cpu.cc = 1;
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_cc(f, "9a33 4000", 1);
    fx_exec_cc(f, "9b33 4000", 1);
    fx_free(f);
}

static void test_lam_stam_exceptions(void)
{
    Fx *f = fx_new();

    /* not on a word boundary: specification, nothing changed */
    R(4) = FX_DATA + 2;
    AR(5) = 0x55;
    fx_exec_pgm(f, "9a55 4000", PGM_SPECIFICATION, 4);
    g_assert_cmphex(AR(5), ==, 0x55);
    fx_exec_pgm(f, "9b55 4000", PGM_SPECIFICATION, 4);
    g_assert_cmphex(fx_ld32(f, FX_DATA), ==, 0);
    fx_exec_pgm(f, "eb55 4000 009a", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "eb55 4000 009b", PGM_SPECIFICATION, 6);
    /* the words run past the end of storage: nothing loaded or stored */
    R(4) = FX_RAM_SIZE - 8;
    fx_st32(f, FX_RAM_SIZE - 8, 0x77);
    fx_exec_pgm(f, "9a58 4000", PGM_ADDRESSING, 4); /* LAM 5,8 */
    g_assert_cmphex(AR(5), ==, 0x55);
    AR(6) = 0x66;
    fx_exec_pgm(f, "9b58 4000", PGM_ADDRESSING, 4); /* STAM 5,8 */
    g_assert_cmphex(fx_ld32(f, FX_RAM_SIZE - 8), ==, 0x77);
    /* two words fit */
    g_assert_cmpint(fx_exec(f, "9b56 4000"), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_RAM_SIZE - 8), ==, 0x55);
    g_assert_cmphex(fx_ld32(f, FX_RAM_SIZE - 4), ==, 0x66);
    fx_free(f);
}

/* the slow path (no direct RAM window) and the 31-bit mode */
static void test_lam_31bit(void)
{
    Fx *f = fx_new_mode(false, PSW_MASK_BA);

    fx_st32(f, FX_DATA, 0xdeadbeef);
    fx_st32(f, FX_DATA + 4, 0xfeedface);
    R(4) = 0xffffffff80000000ull | FX_DATA; /* bits 0-32 ignored */
    g_assert_cmpint(fx_exec(f, "9a01 4000"), ==, 0);
    g_assert_cmphex(AR(0), ==, 0xdeadbeef);
    g_assert_cmphex(AR(1), ==, 0xfeedface);
    /* STAM 1,0: all sixteen, 1 ... 15 then 0 */
    g_assert_cmpint(fx_exec(f, "9b10 4008"), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 8), ==, 0xfeedface);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 12), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 8 + 60), ==, 0xdeadbeef);
    fx_free(f);
}

static void test_execute_and_reset(void)
{
    Fx *f = fx_new();

    /* EX 1,0(5) of LAM 0,0,0(6): R1 bits 56-63 make it LAM 0,1 */
    fx_poke_hex(f, FX_DATA, "9a00 6000");
    fx_st32(f, FX_DATA + 0x10, 0xcafe);
    fx_st32(f, FX_DATA + 0x14, 0xf00d);
    R(5) = FX_DATA;
    R(6) = FX_DATA + 0x10;
    R(1) = 0x01;
    g_assert_cmpint(fx_exec(f, "4410 5000"), ==, 0);
    g_assert_cmphex(AR(0), ==, 0xcafe);
    g_assert_cmphex(AR(1), ==, 0xf00d);
    g_assert_cmphex(AR(2), ==, 0);
    /* an exception in the target reports the EX's ILC */
    fx_poke_hex(f, FX_DATA, "9a00 6002");
    R(6) = FX_DATA;
    fx_exec_pgm(f, "4400 5000", PGM_SPECIFICATION, 4);
    /* initial CPU reset clears the access registers */
    s390_cpu_initial_reset(&f->cpu);
    for (unsigned i = 0; i < 16; i++) {
        g_assert_cmphex(AR(i), ==, 0);
    }
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/ar/ear-sar-cpya", test_ear_sar_cpya);
    g_test_add_func("/s390x/ar/lam-stam", test_lam_stam);
    g_test_add_func("/s390x/ar/exceptions", test_lam_stam_exceptions);
    g_test_add_func("/s390x/ar/31bit", test_lam_31bit);
    g_test_add_func("/s390x/ar/execute-reset", test_execute_and_reset);
    return g_test_run();
}
