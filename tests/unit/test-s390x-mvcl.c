/*
 * s390x MVCL, CLCL, MVCLE and CLCLE against the Principles of
 * Operation: lengths and padding, the condition codes, the registers
 * they leave, MVCL's destructive overlap, even register pairs, the
 * CPU-determined amount (MVCL and CLCL execute again with the PSW on the
 * instruction or its EXECUTE; MVCLE and CLCLE end with cc 3), an access
 * exception part-way, key-controlled protection and 24-bit wrap-around;
 * MVCOS with its operand-access controls (keys, the secondary space, the
 * special-operation and privileged-operation conditions).
 */
#include "test-s390x-fixture.h"

#define SRC    FX_DATA
#define DST    (FX_DATA + 0x10000)
#define KEY(k) ((uint64_t)(k) << 52)

/* Execute @hex once more without placing it again; 0 or the pgm code */
static int again(Fx *f)
{
    f->cpu.psw_addr = FX_CODE;
    return s390_cpu_step(&f->cpu);
}

static void test_mvcl_pad(void)
{
    Fx *f = fx_new();

    memcpy(f->ram.base + SRC, "0123456789", 10);
    memset(f->ram.base + DST, 0xee, 32);
    R(2) = DST;
    R(3) = 0x22222222ff000010ull; /* bits 32-39 of R1+1: ignored, kept */
    R(4) = SRC;
    R(5) = 0x3333333340000000ull | 10; /* pad 0x40 */
    fx_exec_cc(f, "0e24", 2);          /* MVCL 2,4: first operand longer */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    g_assert_cmpint(memcmp(f->ram.base + DST, "0123456789@@@@@@", 16), ==, 0);
    g_assert_cmphex(f->ram.base[DST + 16], ==, 0xee);
    g_assert_cmphex(R(2), ==, DST + 16);
    g_assert_cmphex(R(3), ==, 0x22222222ff000000ull);
    g_assert_cmphex(R(4), ==, SRC + 10);
    g_assert_cmphex(R(5), ==, 0x3333333340000000ull);
    /* first operand shorter: cc 1, the rest of the second stays */
    R(2) = DST;
    R(3) = 4;
    R(4) = SRC;
    R(5) = 10;
    fx_exec_cc(f, "0e24", 1);
    g_assert_cmphex(R(4), ==, SRC + 4);
    g_assert_cmphex(R(5), ==, 6);
    /* equal lengths: cc 0 */
    R(2) = DST;
    R(3) = 10;
    R(4) = SRC;
    R(5) = 10;
    fx_exec_cc(f, "0e24", 0);
    fx_free(f);
}

static void test_mvcl_zero(void)
{
    Fx *f = fx_new();

    /* no byte is accessed for a zero length: no addressing exception */
    R(2) = FX_RAM_SIZE + 0x1000;
    R(3) = 0;
    R(4) = FX_RAM_SIZE + 0x2000;
    R(5) = 5;
    fx_exec_cc(f, "0e24", 1);
    g_assert_cmphex(R(4), ==, FX_RAM_SIZE + 0x2000);
    g_assert_cmphex(R(5), ==, 5);
    /* second operand empty: padding only, never read */
    R(2) = DST;
    R(3) = 3;
    R(5) = 0xaa000000;
    fx_exec_cc(f, "0e24", 2);
    g_assert_cmphex(fx_ld32(f, DST) >> 8, ==, 0xaaaaaa);
    g_assert_cmphex(R(4), ==, FX_RAM_SIZE + 0x2000);
    fx_free(f);
}

static void test_mvcl_overlap(void)
{
    Fx *f = fx_new();

    memcpy(f->ram.base + SRC, "abcdefgh", 8);
    /* the target starts inside the moved source: cc 3, nothing moved */
    R(2) = SRC + 1;
    R(3) = 8;
    R(4) = SRC;
    R(5) = 8;
    fx_exec_cc(f, "0e24", 3);
    g_assert_cmpint(memcmp(f->ram.base + SRC, "abcdefgh", 8), ==, 0);
    g_assert_cmphex(R(2), ==, SRC + 1);
    g_assert_cmphex(R(3), ==, 8);
    g_assert_cmphex(R(5), ==, 8);
    /* just past the moved part (second operand shorter): no overlap */
    R(3) = 8;
    R(5) = 1;
    fx_exec_cc(f, "0e24", 2);
    /* the target below the source, or at the same address: moved */
    memcpy(f->ram.base + SRC, "abcdefgh", 8);
    R(2) = SRC;
    R(3) = 7;
    R(4) = SRC + 1;
    R(5) = 7;
    fx_exec_cc(f, "0e24", 0);
    g_assert_cmpint(memcmp(f->ram.base + SRC, "bcdefghh", 8), ==, 0);
    R(2) = SRC;
    R(3) = 8;
    R(4) = SRC;
    R(5) = 8;
    fx_exec_cc(f, "0e24", 0);
    /* odd registers: specification, ILC 1 */
    fx_exec_pgm(f, "0e34", PGM_SPECIFICATION, 2);
    fx_exec_pgm(f, "0e25", PGM_SPECIFICATION, 2);
    fx_free(f);
}

static void test_mvcl_long(void)
{
    Fx *f = fx_new();
    unsigned runs = 1;

    for (unsigned i = 0; i < 10000; i++) {
        f->ram.base[SRC + i] = i * 7;
    }
    R(2) = DST;
    R(3) = 12000;
    R(4) = SRC;
    R(5) = 0x5a000000 | 10000;
    g_assert_cmpint(fx_exec(f, "0e24"), ==, 0);
    /* part done: the PSW stays on the MVCL, the registers moved on */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    g_assert_cmphex(R(2) - DST, ==, 12000 - R(3));
    g_assert_cmphex(R(4) - SRC, ==, 10000 - (R(5) & 0xffffff));
    g_assert_cmphex(R(3), >, 0);
    g_assert_cmphex(R(5) >> 24, ==, 0x5a);
    while (f->cpu.psw_addr == FX_CODE) {
        g_assert_cmpint(s390_cpu_step(&f->cpu), ==, 0);
        runs++;
    }
    g_assert_cmpuint(runs, >=, 3);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    g_assert_cmpint(memcmp(f->ram.base + SRC, f->ram.base + DST, 10000), ==, 0);
    g_assert_cmphex(f->ram.base[DST + 11999], ==, 0x5a);
    g_assert_cmphex(R(2), ==, DST + 12000);
    g_assert_cmphex(R(3), ==, 0);
    g_assert_cmphex(R(5), ==, 0x5a000000);
    fx_free(f);
}

/* The same through S390MemOps (no direct RAM window) */
static void test_mvcl_memops(void)
{
    Fx *f = fx_new_mode(false, FX_MODE64);

    for (unsigned i = 0; i < 9000; i++) {
        f->ram.base[SRC + i] = i;
    }
    fx_poke_hex(f, FX_CODE, "0e24");
    R(2) = DST + 3;
    R(3) = 9000;
    R(4) = SRC;
    R(5) = 9000;
    while (again(f) == 0 && f->cpu.psw_addr == FX_CODE) {
    }
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    g_assert_cmpint(memcmp(f->ram.base + SRC, f->ram.base + DST + 3, 9000), ==,
                    0);
    /* CLCLE finds the difference the same way */
    f->ram.base[DST + 3 + 8000] ^= 1;
    R(2) = SRC;
    R(3) = 9000;
    R(4) = DST + 3;
    R(5) = 9000;
    do {
        fx_exec(f, "a924 0000");
    } while (f->cpu.cc == 3);
    g_assert_cmphex(R(2), ==, SRC + 8000);
    fx_free(f);
}

/* The target of an EXECUTE goes on with the PSW on the EX */
static void test_mvcl_execute(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, FX_CODE + 0x100, "0e24");
    R(9) = FX_CODE + 0x100;
    R(2) = DST;
    R(3) = 9000;
    R(4) = SRC;
    R(5) = 9000;
    g_assert_cmpint(fx_exec(f, "4400 9000"), ==, 0); /* EX 0,0(9) */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    g_assert_cmphex(R(3), <, 9000);
    while (f->cpu.psw_addr == FX_CODE) {
        g_assert_cmpint(s390_cpu_step(&f->cpu), ==, 0);
    }
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    g_assert_cmphex(R(3), ==, 0);
    fx_free(f);
}

/* An addressing exception part-way: the registers say how far it got */
static void test_mvcl_access_partway(void)
{
    Fx *f = fx_new();
    int r = 0;

    fx_poke_hex(f, FX_CODE, "0e24");
    R(2) = DST;
    R(3) = 10000;
    R(4) = FX_RAM_SIZE - 6000; /* the source ends with storage */
    R(5) = 10000;
    memset(f->ram.base + FX_RAM_SIZE - 6000, 0x77, 6000);
    for (unsigned i = 0; i < 10 && !r; i++) {
        r = again(f);
    }
    g_assert_cmpint(r, ==, PGM_ADDRESSING);
    g_assert_cmpuint(f->cpu.pgm_ilc, ==, 2);
    g_assert_cmphex(R(2), ==, DST + 6000);
    g_assert_cmphex(R(3), ==, 4000);
    g_assert_cmphex(R(4), ==, FX_RAM_SIZE);
    g_assert_cmphex(R(5), ==, 4000);
    g_assert_cmphex(f->ram.base[DST + 5999], ==, 0x77);
    g_assert_cmphex(f->ram.base[DST + 6000], ==, 0);
    fx_free(f);
}

/* Key-controlled protection on a later page of the first operand */
static void test_mvcl_protection(void)
{
    Fx *f = fx_new();
    uint64_t dst = FX_DATA + 0xf00;

    R(1) = 0x40; /* the frame of FX_DATA: ACC 4 */
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "b22b 0012"), ==, 0); /* SSKE 1,2 */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(4), FX_CODE));
    R(2) = dst;
    R(3) = 0x200;
    R(4) = 0;
    R(5) = 0x11000000;
    g_assert_cmpint(fx_exec(f, "0e24"), ==, 0);
    g_assert_cmphex(R(2), ==, dst + 0x100);
    g_assert_cmphex(R(3), ==, 0x100);
    g_assert_cmphex(f->ram.base[dst + 0xff], ==, 0x11);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    fx_exec_pgm(f, "0e24", PGM_PROTECTION, 2);
    g_assert_cmphex(R(2), ==, dst + 0x100);
    g_assert_cmphex(R(3), ==, 0x100);
    g_assert_cmphex(f->ram.base[dst + 0x100], ==, 0);
    fx_free(f);
}

/* 24-bit mode: bits 32-39 of the address registers ignored and zeroed */
static void test_mvcl_24bit(void)
{
    Fx *f = fx_new_mode(true, 0);

    memcpy(f->ram.base + SRC, "xyz", 3);
    R(2) = 0xaaaaaaaaff000000ull | DST;
    R(3) = 3;
    R(4) = 0x55555555ab000000ull | SRC;
    R(5) = 3;
    fx_exec_cc(f, "0e24", 0);
    g_assert_cmpint(memcmp(f->ram.base + DST, "xyz", 3), ==, 0);
    g_assert_cmphex(R(2), ==, 0xaaaaaaaa00000000ull | (DST + 3));
    g_assert_cmphex(R(4), ==, 0x5555555500000000ull | (SRC + 3));
    /* also with both lengths zero */
    R(2) = 0xff000000 | DST;
    R(3) = 0;
    R(5) = 0;
    fx_exec_cc(f, "0e24", 0);
    g_assert_cmphex(R(2), ==, DST);
    fx_free(f);
}

/* 24-bit mode over 16 MiB: the first operand wraps to address 0 */
static void test_mvcl_24bit_wrap(void)
{
    Fx *f = g_new0(Fx, 1);

    f->ram.size = 16 * MiB;
    f->ram.base = g_malloc0(f->ram.size);
    s390_cpu_init(&f->cpu, &s390_ram_ops, &f->ram, f->ram.base, f->ram.size);
    g_assert_true(s390_psw_set(&f->cpu, 0, FX_CODE));
    memcpy(f->ram.base + SRC, "ABCDEFGH", 8);
    R(2) = 0xfffffc;
    R(3) = 8;
    R(4) = SRC;
    R(5) = 8;
    fx_exec_cc(f, "0e24", 0);
    g_assert_cmpint(memcmp(f->ram.base + 0xfffffc, "ABCD", 4), ==, 0);
    g_assert_cmpint(memcmp(f->ram.base, "EFGH", 4), ==, 0);
    g_assert_cmphex(R(2), ==, 4);
    /* overlap counts across the wrap too: target just above the source */
    R(2) = 1;
    R(3) = 8;
    R(4) = 0xfffffc;
    R(5) = 8;
    fx_exec_cc(f, "0e24", 3);
    fx_free(f);
}

static void clcl(Fx *f, const char *a, unsigned la, const char *b, unsigned lb,
                 uint8_t pad, unsigned cc)
{
    memcpy(f->ram.base + SRC, a, la);
    memcpy(f->ram.base + DST, b, lb);
    R(2) = SRC;
    R(3) = 0xff000000 | la; /* bits 32-39: ignored, kept */
    R(4) = DST;
    R(5) = (uint32_t)pad << 24 | lb;
    fx_exec_cc(f, "0f24", cc); /* CLCL 2,4 */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    g_assert_cmphex(R(5) >> 24, ==, pad);
}

static void test_clcl(void)
{
    Fx *f = fx_new();

    clcl(f, "abc", 3, "abc  ", 5, ' ', 0);
    g_assert_cmphex(R(2), ==, SRC + 3);
    g_assert_cmphex(R(3), ==, 0xff000000);
    g_assert_cmphex(R(4), ==, DST + 5);
    g_assert_cmphex(R(5) & 0xffffff, ==, 0);
    /* the first difference: registers on the unequal bytes */
    clcl(f, "abcd", 4, "abxd", 4, 0, 1);
    g_assert_cmphex(R(2), ==, SRC + 2);
    g_assert_cmphex(R(3), ==, 0xff000002);
    g_assert_cmphex(R(4), ==, DST + 2);
    g_assert_cmphex(R(5), ==, 2);
    clcl(f, "abxd", 4, "abcd", 4, 0, 2);
    /* inside the padding: the shorter operand stays at its end */
    clcl(f, "ab", 2, "ab\x01", 3, 0, 1);
    g_assert_cmphex(R(2), ==, SRC + 2);
    g_assert_cmphex(R(3), ==, 0xff000000);
    g_assert_cmphex(R(4), ==, DST + 2);
    g_assert_cmphex(R(5), ==, 1);
    clcl(f, "ab", 2, "ab\x01", 3, 2, 2);
    clcl(f, "", 0, "", 0, 0, 0);
    fx_exec_pgm(f, "0f14", PGM_SPECIFICATION, 2);
    fx_exec_pgm(f, "0f23", PGM_SPECIFICATION, 2);
    fx_free(f);
}

static void test_clcl_long(void)
{
    Fx *f = fx_new();

    memset(f->ram.base + SRC, 'q', 10000);
    memset(f->ram.base + DST, 'q', 10000);
    f->ram.base[DST + 9000] = 'r';
    R(2) = SRC;
    R(3) = 10000;
    R(4) = DST;
    R(5) = 10000;
    g_assert_cmpint(fx_exec(f, "0f24"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    g_assert_cmphex(R(2), >, SRC);
    g_assert_cmphex(R(2) - SRC, ==, R(4) - DST);
    while (f->cpu.psw_addr == FX_CODE) {
        g_assert_cmpint(s390_cpu_step(&f->cpu), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(2), ==, SRC + 9000);
    g_assert_cmphex(R(3), ==, 1000);
    g_assert_cmphex(R(4), ==, DST + 9000);
    /* an inaccessible first operand right away: nothing changes */
    R(2) = FX_RAM_SIZE;
    R(3) = 10;
    R(4) = DST;
    R(5) = 10;
    fx_exec_pgm(f, "0f24", PGM_ADDRESSING, 2);
    g_assert_cmphex(R(2), ==, FX_RAM_SIZE);
    fx_free(f);
}

static void test_mvcle(void)
{
    Fx *f = fx_new();

    memcpy(f->ram.base + SRC, "0123456789", 10);
    R(2) = DST;
    R(3) = 16;
    R(4) = SRC;
    R(5) = 10;
    fx_exec_cc(f, "a824 0040", 2); /* MVCLE 2,4,0x40: pad 0x40 */
    g_assert_cmpint(memcmp(f->ram.base + DST, "0123456789@@@@@@", 16), ==, 0);
    g_assert_cmphex(R(2), ==, DST + 16);
    g_assert_cmphex(R(3), ==, 0);
    g_assert_cmphex(R(4), ==, SRC + 10);
    g_assert_cmphex(R(5), ==, 0);
    /* the pad is bits 56-63 of the address, not a storage byte */
    R(2) = DST;
    R(3) = 2;
    R(4) = SRC;
    R(5) = 0;
    R(7) = 0x123400;
    fx_exec_cc(f, "a824 7021", 2);
    g_assert_cmphex(f->ram.base[DST], ==, 0x21);
    /* longer than the CPU-determined amount: cc 3, the PSW advanced */
    R(2) = DST;
    R(3) = 10000;
    R(4) = SRC;
    R(5) = 10000;
    fx_exec_cc(f, "a824 0000", 3);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    g_assert_cmphex(R(3), >, 0);
    g_assert_cmphex(R(2) - DST, ==, 10000 - R(3));
    while (f->cpu.cc == 3) {
        g_assert_cmpint(fx_exec(f, "a824 0000"), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    g_assert_cmphex(R(3), ==, 0);
    g_assert_cmpint(memcmp(f->ram.base + SRC, f->ram.base + DST, 10000), ==, 0);
    /* 64-bit lengths: bits 0-31 count */
    R(2) = DST;
    R(3) = 0x100000000ull;
    R(4) = SRC;
    R(5) = 0;
    fx_exec_cc(f, "a824 0000", 3);
    g_assert_cmphex(R(3), ==, 0x100000000ull - 4096);
    fx_exec_pgm(f, "a834 0000", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "a825 0000", PGM_SPECIFICATION, 4);
    fx_free(f);
}

static void test_mvcle_31bit(void)
{
    Fx *f = fx_new_mode(true, PSW_MASK_BA);

    /* bits 0-31 of the length registers: not part of the length, kept */
    R(2) = 0x9999999900000000ull | DST;
    R(3) = 0x8888888800000004ull;
    R(4) = 0x77777777ull << 32 | SRC;
    R(5) = 0x6666666600000002ull;
    fx_exec_cc(f, "a824 0000", 2);
    g_assert_cmphex(R(2), ==, 0x9999999900000000ull | (DST + 4));
    g_assert_cmphex(R(3), ==, 0x8888888800000000ull);
    g_assert_cmphex(R(5), ==, 0x6666666600000000ull);
    fx_free(f);
}

static void test_clcle(void)
{
    Fx *f = fx_new();

    memcpy(f->ram.base + SRC, "abc", 3);
    memcpy(f->ram.base + DST, "abc  ", 5);
    R(2) = SRC;
    R(3) = 3;
    R(4) = DST;
    R(5) = 5;
    fx_exec_cc(f, "a924 0020", 0); /* CLCLE 2,4,0x20 */
    g_assert_cmphex(R(2), ==, SRC + 3);
    g_assert_cmphex(R(4), ==, DST + 5);
    R(2) = SRC;
    R(3) = 3;
    R(4) = DST;
    R(5) = 5;
    fx_exec_cc(f, "a924 0021", 2); /* pad 0x21 > ' ' */
    g_assert_cmphex(R(2), ==, SRC + 3);
    g_assert_cmphex(R(4), ==, DST + 3);
    g_assert_cmphex(R(5), ==, 2);
    /* cc 3 after the CPU-determined amount */
    memset(f->ram.base + SRC, 'q', 10000);
    memset(f->ram.base + DST, 'q', 10000);
    f->ram.base[SRC + 9000] = 'a';
    R(2) = SRC;
    R(3) = 10000;
    R(4) = DST;
    R(5) = 10000;
    fx_exec_cc(f, "a924 0000", 3);
    g_assert_cmphex(R(2), >, SRC);
    while (f->cpu.cc == 3) {
        g_assert_cmpint(fx_exec(f, "a924 0000"), ==, 0);
    }
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(R(2), ==, SRC + 9000);
    g_assert_cmphex(R(5), ==, 1000);
    fx_exec_pgm(f, "a914 0000", PGM_SPECIFICATION, 4);
    fx_free(f);
}

/* ---- MVCOS: DAT on, segment 0 identity in the primary space ---- */

#define SEG1               UINT64_C(0x80000) /* primary segment table */
#define PT1                UINT64_C(0x81000)
#define SEG2               UINT64_C(0x82000) /* secondary: DST's page elsewhere */
#define PT2                UINT64_C(0x83000)
#define ALT                UINT64_C(0x40000)
#define DAT64              (FX_MODE64 | PSW_MASK_DAT)
#define CR0_SSC            PSW_BIT(37)
#define OAC(key, as, k, a) ((key) << 12 | (as) << 6 | (k) << 1 | (a))

static Fx *mvcos_fx(void)
{
    Fx *f = fx_new();

    for (unsigned i = 0; i < 512; i++) {
        fx_st64(f, SEG1 + 8 * i, 0x20); /* invalid */
        fx_st64(f, SEG2 + 8 * i, 0x20);
    }
    for (unsigned i = 0; i < 256; i++) {
        fx_st64(f, PT1 + 8 * i, (uint64_t)i << 12);
        fx_st64(f, PT2 + 8 * i, (uint64_t)i << 12);
    }
    fx_st64(f, PT2 + 8 * (DST >> 12), ALT);
    fx_st64(f, SEG1, PT1);
    fx_st64(f, SEG2, PT2);
    f->cpu.env.cregs[1] = SEG1;
    f->cpu.env.cregs[7] = SEG2;
    g_assert_true(s390_psw_set(&f->cpu, DAT64, FX_CODE));
    return f;
}

/* MVCOS 0(2),0(4),3 */
#define MVCOS "c830 2000 4000"

static void test_mvcos(void)
{
    Fx *f = mvcos_fx();

    memcpy(f->ram.base + SRC, "optional", 8);
    R(0) = 0;
    R(2) = DST;
    R(3) = 8;
    R(4) = SRC;
    fx_exec_cc(f, MVCOS, 0);
    g_assert_cmpint(memcmp(f->ram.base + DST, "optional", 8), ==, 0);
    /* the registers stay as they are */
    g_assert_cmphex(R(2), ==, DST);
    g_assert_cmphex(R(3), ==, 8);
    /* more than 4096: 4096 moved, cc 3 */
    memset(f->ram.base + SRC, 0x3c, 5000);
    R(3) = 5000;
    fx_exec_cc(f, MVCOS, 3);
    g_assert_cmphex(f->ram.base[DST + 4095], ==, 0x3c);
    g_assert_cmphex(f->ram.base[DST + 4096], ==, 0);
    /* length 0: nothing accessed */
    R(2) = 0x7000000;
    R(3) = 0;
    fx_exec_cc(f, MVCOS, 0);
    /* a translation exception (segment 3 invalid): nullified */
    R(2) = 0x300000;
    R(3) = 1;
    fx_exec_pgm(f, MVCOS, PGM_SEGMENT_TRANS, 6);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    /* DAT off: special operation */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    R(2) = DST;
    fx_exec_pgm(f, MVCOS, PGM_SPECIAL_OP, 6);
    fx_free(f);
}

static void test_mvcos_secondary(void)
{
    Fx *f = mvcos_fx();

    memcpy(f->ram.base + SRC, "2nd", 3);
    R(0) = (uint64_t)OAC(0, 2, 0, 1) << 16; /* first operand: secondary */
    R(2) = DST;
    R(3) = 3;
    R(4) = SRC;
    /* the secondary-space control off: special operation */
    fx_exec_pgm(f, MVCOS, PGM_SPECIAL_OP, 6);
    f->cpu.env.cregs[0] |= CR0_SSC;
    fx_exec_cc(f, MVCOS, 0);
    g_assert_cmpint(memcmp(f->ram.base + ALT, "2nd", 3), ==, 0);
    g_assert_cmphex(f->ram.base[DST], ==, 0);
    /* the A bit off: the PSW's (primary) space */
    R(0) = (uint64_t)OAC(0, 2, 0, 0) << 16;
    fx_exec_cc(f, MVCOS, 0);
    g_assert_cmpint(memcmp(f->ram.base + DST, "2nd", 3), ==, 0);
    /* the second operand from the secondary space */
    memcpy(f->ram.base + ALT, "alt", 3);
    R(0) = OAC(0, 2, 0, 1);
    R(2) = SRC;
    R(4) = DST;
    fx_exec_cc(f, MVCOS, 0);
    g_assert_cmpint(memcmp(f->ram.base + SRC, "alt", 3), ==, 0);
    fx_free(f);
}

static void test_mvcos_keys(void)
{
    Fx *f = mvcos_fx();

    /* the frame of DST: ACC 3 */
    R(1) = 0x30;
    R(2) = DST;
    g_assert_cmpint(fx_exec(f, "b22b 0012"), ==, 0); /* SSKE 1,2 */
    R(2) = DST;
    R(3) = 4;
    R(4) = SRC;
    R(0) = (uint64_t)OAC(4, 0, 1, 0) << 16; /* first operand: key 4 */
    fx_exec_pgm(f, MVCOS, PGM_PROTECTION, 6);
    R(0) = (uint64_t)OAC(3, 0, 1, 0) << 16;
    fx_exec_cc(f, MVCOS, 0);
    /* the K bit off: the PSW key (0) */
    R(0) = (uint64_t)OAC(4, 0, 0, 0) << 16;
    fx_exec_cc(f, MVCOS, 0);
    /* problem state: a key the PSW-key mask (CR3) does not allow */
    f->cpu.env.cregs[3] = 0x10000000; /* key 3 only */
    g_assert_true(
        s390_psw_set(&f->cpu, DAT64 | PSW_MASK_PSTATE | (3ull << 52), FX_CODE));
    R(0) = (uint64_t)OAC(4, 0, 1, 0) << 16;
    fx_exec_pgm(f, MVCOS, PGM_PRIVILEGED, 6);
    R(0) = OAC(4, 0, 1, 0);
    fx_exec_pgm(f, MVCOS, PGM_PRIVILEGED, 6);
    R(0) = (uint64_t)OAC(3, 0, 1, 0) << 16;
    fx_exec_cc(f, MVCOS, 0);
    /* problem state and the home space named: special operation */
    R(0) = (uint64_t)OAC(3, 3, 1, 1) << 16;
    fx_exec_pgm(f, MVCOS, PGM_SPECIAL_OP, 6);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/mvcl/pad", test_mvcl_pad);
    g_test_add_func("/s390x/mvcl/zero", test_mvcl_zero);
    g_test_add_func("/s390x/mvcl/overlap", test_mvcl_overlap);
    g_test_add_func("/s390x/mvcl/long", test_mvcl_long);
    g_test_add_func("/s390x/mvcl/memops", test_mvcl_memops);
    g_test_add_func("/s390x/mvcl/execute", test_mvcl_execute);
    g_test_add_func("/s390x/mvcl/access-partway", test_mvcl_access_partway);
    g_test_add_func("/s390x/mvcl/protection", test_mvcl_protection);
    g_test_add_func("/s390x/mvcl/24bit", test_mvcl_24bit);
    g_test_add_func("/s390x/mvcl/24bit-wrap", test_mvcl_24bit_wrap);
    g_test_add_func("/s390x/clcl/basic", test_clcl);
    g_test_add_func("/s390x/clcl/long", test_clcl_long);
    g_test_add_func("/s390x/mvcle/basic", test_mvcle);
    g_test_add_func("/s390x/mvcle/31bit", test_mvcle_31bit);
    g_test_add_func("/s390x/clcle/basic", test_clcle);
    g_test_add_func("/s390x/mvcos/primary", test_mvcos);
    g_test_add_func("/s390x/mvcos/secondary", test_mvcos_secondary);
    g_test_add_func("/s390x/mvcos/keys", test_mvcos_keys);
    return g_test_run();
}
