/*
 * s390x string instructions and compare and trap against the Principles
 * of Operation: SRST, MVST and CLST (the character in GR0 with bits
 * 32-55 zero, the registers they update, cc 3 after the CPU-determined
 * amount, 31-bit addresses), CRT ... CLGT (trap masks, DXC 0xff in the
 * lowcore record and, with the AFP-register control on, in the FPC), and
 * LPQ/STPQ (even register, quadword alignment).
 */
#include "test-s390x-fixture.h"

#define CR0_AFP PSW_BIT(45)

static void put_str(Fx *f, uint64_t abs, const char *s)
{
    memcpy(f->ram.base + abs, s, strlen(s) + 1);
}

static void test_srst(void)
{
    Fx *f = fx_new();

    put_str(f, FX_DATA, "hello, world");
    R(0) = ',';
    R(1) = FX_DATA + 100; /* end */
    R(2) = FX_DATA;
    fx_exec_cc(f, "b25e 0012", 1); /* SRST 1,2 */
    g_assert_cmphex(R(1), ==, FX_DATA + 5);
    g_assert_cmphex(R(2), ==, FX_DATA);
    /* the end comes first: cc 2, nothing changes */
    R(1) = FX_DATA + 5;
    fx_exec_cc(f, "b25e 0012", 2);
    g_assert_cmphex(R(1), ==, FX_DATA + 5);
    g_assert_cmphex(R(2), ==, FX_DATA);
    /* start equal to end: cc 2 at once */
    R(1) = FX_DATA;
    fx_exec_cc(f, "b25e 0012", 2);
    /* a long search: cc 3 with R2 at the next byte, then resumed */
    memset(f->ram.base + FX_DATA, 'a', 10000);
    f->ram.base[FX_DATA + 9000] = 'b';
    R(0) = 'b';
    R(1) = FX_DATA + 20000;
    R(2) = FX_DATA;
    fx_exec_cc(f, "b25e 0012", 3);
    g_assert_cmphex(R(1), ==, FX_DATA + 20000);
    g_assert_cmphex(R(2), >, FX_DATA);
    g_assert_cmphex(R(2), <=, FX_DATA + 9000);
    while (f->cpu.cc == 3) {
        g_assert_cmpint(fx_exec(f, "b25e 0012"), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(1), ==, FX_DATA + 9000);
    /* bits 32-55 of GR0 not zero: specification, nothing changes */
    R(0) = 0x100 | 'b';
    R(1) = FX_DATA + 20000;
    R(2) = FX_DATA;
    fx_exec_pgm(f, "b25e 0012", PGM_SPECIFICATION, 4);
    g_assert_cmphex(R(1), ==, FX_DATA + 20000);
    /* bits 0-31 of GR0 are ignored */
    R(0) = 0xffffffff00000000ull | 'b';
    fx_exec(f, "b25e 0012");
    g_assert_cmpuint(f->cpu.cc, !=, 2);
    /* an address beyond storage: addressing exception */
    R(0) = 0;
    R(1) = 0;
    R(2) = FX_RAM_SIZE + 0x1000;
    fx_exec_pgm(f, "b25e 0012", PGM_ADDRESSING, 4);
    fx_free(f);
}

static void test_srst_31bit(void)
{
    Fx *f = fx_new_mode(true, PSW_MASK_BA);

    put_str(f, FX_DATA, "abc");
    R(0) = 0;
    /* bits 0-32 of the registers are not part of the address */
    R(1) = 0xaaaaaaaa80000000ull | (FX_DATA + 64);
    R(2) = 0x5555555580000000ull | FX_DATA;
    fx_exec_cc(f, "b25e 0012", 1);
    /* bits 0-31 kept, bit 32 zero, the address in 33-63 */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000000ull | (FX_DATA + 3));
    fx_free(f);
}

static void test_mvst(void)
{
    Fx *f = fx_new();

    put_str(f, FX_DATA, "copy me");
    memset(f->ram.base + FX_DATA + 0x100, 0xee, 16);
    R(0) = 0;
    R(4) = FX_DATA + 0x100; /* first operand: the target */
    R(5) = FX_DATA;
    fx_exec_cc(f, "b255 0045", 1); /* MVST 4,5 */
    g_assert_cmpstr((char *)f->ram.base + FX_DATA + 0x100, ==, "copy me");
    g_assert_cmphex(f->ram.base[FX_DATA + 0x108], ==, 0xee);
    g_assert_cmphex(R(4), ==, FX_DATA + 0x107); /* the ending character */
    g_assert_cmphex(R(5), ==, FX_DATA);
    /* longer than the CPU-determined amount: cc 3, both advanced */
    memset(f->ram.base + FX_DATA, 'x', 9999);
    f->ram.base[FX_DATA + 9999] = 0;
    R(4) = FX_DATA + 0x10000;
    R(5) = FX_DATA;
    fx_exec_cc(f, "b255 0045", 3);
    g_assert_cmphex(R(4) - (FX_DATA + 0x10000), ==, R(5) - FX_DATA);
    g_assert_cmphex(R(5), >, FX_DATA);
    while (f->cpu.cc == 3) {
        g_assert_cmpint(fx_exec(f, "b255 0045"), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(4), ==, FX_DATA + 0x10000 + 9999);
    g_assert_cmpint(memcmp(f->ram.base + FX_DATA,
                           f->ram.base + FX_DATA + 0x10000, 10000),
                    ==, 0);
    R(0) = 0x1000000;
    fx_exec_pgm(f, "b255 0045", PGM_SPECIFICATION, 4);
    fx_free(f);
}

static void clst(Fx *f, const char *a, const char *b, unsigned cc)
{
    put_str(f, FX_DATA, a);
    put_str(f, FX_DATA + 0x800, b);
    R(0) = 0;
    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x800;
    fx_exec_cc(f, "b25d 0023", cc); /* CLST 2,3 */
}

static void test_clst(void)
{
    Fx *f = fx_new();

    clst(f, "same", "same", 0);
    g_assert_cmphex(R(2), ==, FX_DATA); /* unchanged when equal */
    g_assert_cmphex(R(3), ==, FX_DATA + 0x800);
    clst(f, "abc", "abd", 1);
    g_assert_cmphex(R(2), ==, FX_DATA + 2); /* the unequal bytes */
    g_assert_cmphex(R(3), ==, FX_DATA + 0x802);
    clst(f, "abd", "abc", 2);
    /* the ending character is lower than any other */
    clst(f, "ab", "abc", 1);
    g_assert_cmphex(R(2), ==, FX_DATA + 2);
    clst(f, "abc", "ab", 2);
    clst(f, "\x01", "", 2);
    clst(f, "\xff", "a", 2);
    clst(f, "", "", 0);
    /* another ending character: '/' */
    put_str(f, FX_DATA, "usr/bin");
    put_str(f, FX_DATA + 0x800, "usr/lib");
    R(0) = '/';
    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x800;
    fx_exec_cc(f, "b25d 0023", 0);
    /* long equal strings: cc 3 with both advanced by the same amount */
    memset(f->ram.base + FX_DATA, 'q', 6000);
    memset(f->ram.base + FX_DATA + 0x2000, 'q', 6000);
    f->ram.base[FX_DATA + 6000] = 0;
    f->ram.base[FX_DATA + 0x2000 + 6000] = 'r';
    R(0) = 0;
    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x2000;
    fx_exec_cc(f, "b25d 0023", 3);
    g_assert_cmphex(R(3) - R(2), ==, 0x2000);
    while (f->cpu.cc == 3) {
        g_assert_cmpint(fx_exec(f, "b25d 0023"), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(2), ==, FX_DATA + 6000);
    R(0) = 0x80000000ull;
    fx_exec_pgm(f, "b25d 0023", PGM_SPECIFICATION, 4);
    fx_free(f);
}

/* a trap: data exception, DXC 0xff, registers untouched */
static void expect_trap(Fx *f, const char *hex, unsigned ilc)
{
    fx_exec_pgm(f, hex, PGM_DATA, ilc);
    g_assert_cmphex(f->cpu.dxc, ==, 0xff);
}

static void test_trap(void)
{
    Fx *f = fx_new();

    R(1) = 5;
    R(2) = 7;
    f->cpu.cc = 2;
    g_assert_cmpint(fx_exec(f, "b972 8012"), ==, 0); /* CRT 1,2,8: equal? */
    g_assert_cmpuint(f->cpu.cc, ==, 2);              /* cc unchanged */
    expect_trap(f, "b972 4012", 4);                  /* low */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    g_assert_cmpint(fx_exec(f, "b972 2012"), ==, 0); /* high: no */
    g_assert_cmpint(fx_exec(f, "b972 1012"), ==, 0); /* bit 3 ignored */
    /* signed against logical */
    R(1) = 0xffffffffull; /* -1 in bits 32-63 */
    R(2) = 1;
    expect_trap(f, "b972 4012", 4);                  /* CRT: -1 < 1 */
    expect_trap(f, "b973 2012", 4);                  /* CLRT: high */
    g_assert_cmpint(fx_exec(f, "b960 4012"), ==, 0); /* CGRT: 2^32-1 > 1 */
    expect_trap(f, "b961 2012", 4);                  /* CLGRT */
    /* immediates: CIT signed, CLFIT unsigned 16 bits */
    R(1) = 0xffff;
    g_assert_cmpint(fx_exec(f, "ec10 ffff 8072"), ==, 0); /* CIT 0xffff=-1 */
    expect_trap(f, "ec10 ffff 8073", 6);                  /* CLFIT equal */
    R(1) = (uint64_t)-1;
    expect_trap(f, "ec10 ffff 8070", 6); /* CGIT -1 == -1 */
    expect_trap(f, "ec10 ffff 2071", 6); /* CLGIT high */
    /* CLT, CLGT against storage */
    fx_st64(f, FX_DATA, 0x0000000100000000ull);
    R(3) = FX_DATA;
    R(1) = 1;
    expect_trap(f, "eb14 3000 002b", 6); /* CLGT 1,4,0(3): 1 < 2^32 */
    expect_trap(f, "eb12 3004 0023", 6); /* CLT 1,2,4(3): 1 > 0 */
    fx_free(f);
}

static void test_trap_fpc(void)
{
    Fx *f = fx_new();

    R(1) = 1;
    f->cpu.fpc = 0;
    expect_trap(f, "b972 8011", 4);
    g_assert_cmphex(f->cpu.fpc, ==, 0); /* AFP-register control off */
    f->cpu.env.cregs[0] |= CR0_AFP;
    expect_trap(f, "b972 8011", 4);
    g_assert_cmphex(f->cpu.fpc, ==, 0x0000ff00);
    fx_free(f);
}

static void test_quadword(void)
{
    Fx *f = fx_new();

    fx_st64(f, FX_DATA, 0x1111222233334444ull);
    fx_st64(f, FX_DATA + 8, 0x5555666677778888ull);
    R(3) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "e343 0000 008f"), ==, 0); /* LPQ 4,0(3) */
    g_assert_cmphex(R(4), ==, 0x1111222233334444ull);
    g_assert_cmphex(R(5), ==, 0x5555666677778888ull);
    g_assert_cmpint(fx_exec(f, "e343 0010 008e"), ==, 0); /* STPQ 4,16(3) */
    g_assert_cmpint(memcmp(f->ram.base + FX_DATA, f->ram.base + FX_DATA + 16,
                           16),
                    ==, 0);
    fx_exec_pgm(f, "e353 0000 008f", PGM_SPECIFICATION, 6); /* odd R1 */
    fx_exec_pgm(f, "e343 0008 008f", PGM_SPECIFICATION, 6); /* not aligned */
    fx_exec_pgm(f, "e343 0008 008e", PGM_SPECIFICATION, 6);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/string/srst", test_srst);
    g_test_add_func("/s390x/string/srst-31bit", test_srst_31bit);
    g_test_add_func("/s390x/string/mvst", test_mvst);
    g_test_add_func("/s390x/string/clst", test_clst);
    g_test_add_func("/s390x/trap/compare", test_trap);
    g_test_add_func("/s390x/trap/fpc", test_trap_fpc);
    g_test_add_func("/s390x/quadword/lpq-stpq", test_quadword);
    return g_test_run();
}
