/*
 * s390x instructions around DAT (exec-dat.c): IDTE (invalidation and
 * clearing, clearing by ASCE), CSP/CSPG with and without the purge, LRA,
 * LRAY, LRAG (cc 0-3, special operation), SAC/SACF and IVSK, each with
 * its privileged, special-operation and specification cases, and the
 * purges that go to every CPU (S390Cpu.tlb_purge_all).
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/dat.h"
#include "target/s390x/skey.h"

#define SEG_TABLE  UINT64_C(0x80000)
#define PT_DATA    UINT64_C(0x81000) /* segment 1: virtual 0x100000 */
#define PT_CODE    UINT64_C(0x81800) /* segment 0: identity for code */
#define R3_TABLE   UINT64_C(0x82000)
#define VA_DATA    UINT64_C(0x100000)
#define DAT_MODE64 (FX_MODE64 | PSW_MASK_DAT)
#define ASC(n)     ((uint64_t)(n) << 46)
#define CR0_SSC    PSW_BIT(37)
#define CR0_EAC    PSW_BIT(36)

static void fill(Fx *f, uint64_t at, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++) {
        fx_st64(f, at + 8 * i, v);
    }
}

/*
 * Segment-table ASCE in CR1: the code page identity, VA_DATA and the
 * page after it to FX_DATA and the page after that
 */
static Fx *dat_fx(void)
{
    Fx *f = fx_new();

    fill(f, SEG_TABLE, 512, TE_INVALID);
    fill(f, PT_DATA, 256, PTE_INVALID);
    fill(f, PT_CODE, 256, PTE_INVALID);
    fx_st64(f, SEG_TABLE, PT_CODE);
    for (unsigned i = 1; i < 6; i++) {
        fx_st64(f, SEG_TABLE + 8 * i, PT_DATA);
    }
    fx_st64(f, PT_CODE + 8 * (FX_CODE >> 12), FX_CODE);
    fx_st64(f, PT_DATA, FX_DATA);
    fx_st64(f, PT_DATA + 8, FX_DATA + 0x1000);
    f->cpu.env.cregs[1] = SEG_TABLE;
    g_assert_true(s390_psw_set(&f->cpu, DAT_MODE64, FX_CODE));
    return f;
}

/* LG 1,0(2) with R2 = @va: 0 or the code */
static int load_at(Fx *f, uint64_t va)
{
    R(2) = va;
    return fx_exec(f, "e310 2000 0004");
}

/* IDTE 4,0,5: the segment entries of segment 1 (and @more after it) */
static void test_idte_invalidate(void)
{
    Fx *f = dat_fx();

    g_assert_cmpint(load_at(f, VA_DATA), ==, 0); /* in the TLB now */
    R(4) = SEG_TABLE;
    R(5) = VA_DATA | 2; /* segment 1 and two more */
    g_assert_cmpint(fx_exec(f, "b98e 0045"), ==, 0);
    for (unsigned i = 1; i < 4; i++) {
        g_assert_cmphex(fx_ld64(f, SEG_TABLE + 8 * i), ==,
                        PT_DATA | TE_INVALID);
    }
    g_assert_cmphex(fx_ld64(f, SEG_TABLE + 32), ==, PT_DATA);
    g_assert_cmphex(fx_ld64(f, SEG_TABLE), ==, PT_CODE);
    /* the TLB entry went too: the next access faults */
    g_assert_cmpint(load_at(f, VA_DATA), ==, PGM_SEGMENT_TRANS);
    g_assert_cmphex(f->cpu.teid, ==, VA_DATA);
    g_assert_cmpint(load_at(f, 4 * VA_DATA), ==, 0);
    /* bits 44-51 of R2 must be zero */
    R(5) = VA_DATA | 0x1000;
    fx_exec_pgm(f, "b98e 0045", PGM_SPECIFICATION, 4);
    g_assert_cmphex(fx_ld64(f, SEG_TABLE + 32), ==, PT_DATA);
    /* privileged */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    R(5) = 4 * VA_DATA;
    fx_exec_pgm(f, "b98e 0045", PGM_PRIVILEGED, 4);
    g_assert_cmphex(fx_ld64(f, SEG_TABLE + 32), ==, PT_DATA);
    fx_free(f);
}

static void test_idte_region_and_asce(void)
{
    Fx *f = dat_fx();

    /* a region-third table over the segment table; IDTE on entry 1 */
    fill(f, R3_TABLE, 2048, TE_INVALID);
    fx_st64(f, R3_TABLE, SEG_TABLE | 0x4 | 0x3);
    fx_st64(f, R3_TABLE + 8, SEG_TABLE | 0x4 | 0x3);
    f->cpu.env.cregs[1] = R3_TABLE | 0x4 | 0x3;
    g_assert_cmpint(load_at(f, UINT64_C(0x80000000) + VA_DATA), ==, 0);
    R(4) = R3_TABLE | 0x4;
    R(5) = UINT64_C(0x80000000);
    g_assert_cmpint(fx_exec(f, "b98e 0045"), ==, 0);
    g_assert_cmphex(fx_ld64(f, R3_TABLE + 8), ==,
                    SEG_TABLE | 0x4 | 0x3 | TE_INVALID);
    g_assert_cmphex(fx_ld64(f, R3_TABLE), ==, SEG_TABLE | 0x4 | 0x3);
    g_assert_cmpint(load_at(f, UINT64_C(0x80000000) + VA_DATA), ==, 0x3b);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    /* clearing by ASCE (R2 bit 52): storage untouched, TLB cleared */
    fx_st64(f, PT_DATA, PTE_INVALID);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0); /* still in the TLB */
    R(3) = f->cpu.env.cregs[1];
    R(5) = 0x800;
    g_assert_cmpint(fx_exec(f, "b98e 3045"), ==, 0);
    g_assert_cmphex(fx_ld64(f, R3_TABLE), ==, SEG_TABLE | 0x4 | 0x3);
    g_assert_cmpint(load_at(f, VA_DATA), ==, PGM_PAGE_TRANS);
    fx_free(f);
}

/* CSP 2,4 and CSPG 2,4: the operand at VA_DATA + 0x1000 */
static void test_csp(void)
{
    Fx *f = dat_fx();

    fx_st64(f, FX_DATA + 0x1000, UINT64_C(0x1111111122222222));
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0); /* VA_DATA in the TLB */
    fx_st64(f, PT_DATA, PTE_INVALID);
    /* unequal: R2 gets the word, no purge even with bit 63 */
    R(2) = UINT64_C(0xaaaaaaaa00000000);
    R(3) = 5;
    R(4) = VA_DATA + 0x1000 + 1;
    fx_exec_cc(f, "b250 0024", 1);
    g_assert_cmphex(R(2), ==, UINT64_C(0xaaaaaaaa11111111));
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    /* equal without bit 63: stored, TLB kept */
    R(2) = 0x11111111;
    R(3) = UINT64_C(0xffffffff33333333);
    R(4) = VA_DATA + 0x1000 + 2; /* the low 2 bits are no address */
    fx_exec_cc(f, "b250 0024", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x1000), ==,
                    UINT64_C(0x3333333322222222));
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    /* equal with bit 63: the TLB is purged */
    R(2) = 0x33333333;
    R(3) = 0x44444444;
    R(4) = VA_DATA + 0x1000 + 1;
    fx_exec_cc(f, "b250 0024", 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x1000), ==, 0x44444444);
    g_assert_cmpint(load_at(f, VA_DATA), ==, PGM_PAGE_TRANS);
    /* CSPG: doubleword, low 3 bits no address */
    fx_st64(f, PT_DATA, FX_DATA);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    fx_st64(f, PT_DATA, PTE_INVALID);
    R(2) = UINT64_C(0x4444444422222222);
    R(3) = UINT64_C(0x0123456789abcdef);
    R(4) = VA_DATA + 0x1000 + 7;
    fx_exec_cc(f, "b98a 0024", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x1000), ==,
                    UINT64_C(0x0123456789abcdef));
    g_assert_cmpint(load_at(f, VA_DATA), ==, PGM_PAGE_TRANS);
    R(2) = 0;
    fx_exec_cc(f, "b98a 0024", 1);
    g_assert_cmphex(R(2), ==, UINT64_C(0x0123456789abcdef));
    /* odd R1, the problem state */
    fx_exec_pgm(f, "b250 0034", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "b98a 0034", PGM_SPECIFICATION, 4);
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b250 0024", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "b98a 0024", PGM_PRIVILEGED, 4);
    fx_free(f);
}

/* LRA 1,0(2) */
static void lra_cc(Fx *f, const char *insn, uint64_t va, unsigned cc)
{
    R(2) = va;
    fx_exec_cc(f, insn, cc);
}

static void test_lra(void)
{
    Fx *f = dat_fx();

    R(1) = UINT64_C(0xdeadbeef00000000);
    lra_cc(f, "b110 2000", VA_DATA + 0x18, 0);
    g_assert_cmphex(R(1), ==, FX_DATA + 0x18);        /* 64-bit mode: all 64 */
    lra_cc(f, "e310 2000 0003", VA_DATA + 0x1018, 0); /* LRAG */
    g_assert_cmphex(R(1), ==, FX_DATA + 0x1018);
    /* cc 2: invalid PTE, its address */
    lra_cc(f, "e310 2000 0013", VA_DATA + 0x2345, 2); /* LRAY */
    g_assert_cmphex(R(1), ==, PT_DATA + 16);
    /* cc 1: invalid STE, its address */
    lra_cc(f, "b110 2000", 0x734567, 1);
    g_assert_cmphex(R(1), ==, SEG_TABLE + 8 * 7);
    /* cc 3: outside the segment table, ASCE type: code, bit 32 */
    R(1) = UINT64_C(0x1234567800000000);
    lra_cc(f, "b110 2000", 0x20000000, 3);
    g_assert_cmphex(R(1), ==, UINT64_C(0x1234567880000010));
    lra_cc(f, "e310 2000 0003", UINT64_C(0x80000000), 3);
    g_assert_cmphex(R(1), ==, UINT64_C(0x1234567880000038));
    /* DAT off: the tables are used all the same */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    lra_cc(f, "b110 2000", VA_DATA + 0x10, 0);
    g_assert_cmphex(R(1), ==, FX_DATA + 0x10);
    /* 31-bit mode: bits 32-63 only */
    g_assert_true(s390_psw_set(&f->cpu, PSW_MASK_BA | PSW_MASK_DAT, FX_CODE));
    R(1) = UINT64_C(0x5555555500000000);
    lra_cc(f, "b110 2000", VA_DATA + 0x20, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x5555555500000000) | (FX_DATA + 0x20));
    /* ... and a real address beyond 2G - 1 is a special operation */
    fx_st64(f, PT_DATA + 8, UINT64_C(0x100000000));
    R(2) = VA_DATA + 0x1000;
    fx_exec_pgm(f, "b110 2000", PGM_SPECIAL_OP, 4);
    g_assert_cmphex(R(1), ==, UINT64_C(0x5555555500000000) | (FX_DATA + 0x20));
    lra_cc(f, "e310 2000 0003", VA_DATA + 0x1008, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x100000008));
    /* translation specification is an exception */
    fx_st64(f, PT_DATA + 8, FX_DATA | PTE_ZERO52);
    fx_exec_pgm(f, "b110 2000", 0x12, 4);
    /* privileged */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b110 2000", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "e310 2000 0003", PGM_PRIVILEGED, 6);
    fx_free(f);
}

static unsigned psw_asc(Fx *f)
{
    return (f->cpu.psw_mask & PSW_MASK_ASC) >> 46;
}

static void test_sac(void)
{
    Fx *f = dat_fx();

    /* code is fetched in the space the mode selects: map it in each */
    f->cpu.env.cregs[7] = SEG_TABLE;
    f->cpu.env.cregs[13] = SEG_TABLE;
    f->cpu.env.cregs[0] |= CR0_SSC;
    g_assert_cmpint(fx_exec(f, "b279 0100"), ==, 0); /* SACF 256 */
    g_assert_cmpuint(psw_asc(f), ==, 2);             /* secondary */
    g_assert_cmpint(fx_exec(f, "b279 0200"), ==, 0);
    g_assert_cmpuint(psw_asc(f), ==, 1);             /* access register */
    g_assert_cmpint(fx_exec(f, "b219 0300"), ==, 0); /* SAC 768 */
    g_assert_cmpuint(psw_asc(f), ==, 3);             /* home */
    R(3) = 0x0ff;                                    /* bits 56-63 ignored */
    g_assert_cmpint(fx_exec(f, "b219 3000"), ==, 0);
    g_assert_cmpuint(psw_asc(f), ==, 0);
    /* the secondary space is then used for operands */
    f->cpu.env.cregs[1] = ASCE_REAL;
    g_assert_cmpint(load_at(f, VA_DATA), ==, PGM_ADDRESSING);
    g_assert_cmpint(fx_exec(f, "b279 0100"), ==, 0);
    fx_st64(f, FX_DATA, 42);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    g_assert_cmphex(R(1), ==, 42);
    f->cpu.env.cregs[1] = SEG_TABLE;
    /* a mode beyond 3 */
    fx_exec_pgm(f, "b279 0400", PGM_SPECIFICATION, 4);
    g_assert_cmpuint(psw_asc(f), ==, 2);
    /* without the secondary-space control */
    f->cpu.env.cregs[0] &= ~CR0_SSC;
    fx_exec_pgm(f, "b279 0100", PGM_SPECIAL_OP, 4);
    fx_exec_pgm(f, "b219 0200", PGM_SPECIAL_OP, 4);
    g_assert_cmpint(fx_exec(f, "b279 0000"), ==, 0);
    g_assert_cmpuint(psw_asc(f), ==, 0);
    /* home in the problem state; primary is fine there */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b279 0300", PGM_PRIVILEGED, 4);
    g_assert_cmpint(fx_exec(f, "b279 0000"), ==, 0);
    /* DAT off */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    fx_exec_pgm(f, "b279 0000", PGM_SPECIAL_OP, 4);
    fx_exec_pgm(f, "b219 0000", PGM_SPECIAL_OP, 4);
    fx_free(f);
}

/* IVSK 1,2 */
static void test_ivsk(void)
{
    Fx *f = dat_fx();

    *s390_skey_of(&f->cpu, FX_DATA + 0x1000) = 0x3e; /* ACC 3, F, R, C */
    R(1) = UINT64_C(0xffffffffffffffff);
    R(2) = VA_DATA + 0x1abc;
    g_assert_cmpint(fx_exec(f, "b223 0012"), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0xffffffffffffff38));
    /* invalid page: the translation exception with its TEID */
    R(2) = VA_DATA + 0x2000;
    fx_exec_pgm(f, "b223 0012", PGM_PAGE_TRANS, 4);
    g_assert_cmphex(f->cpu.teid, ==, VA_DATA + 0x2000);
    /* the problem state needs the extraction-authority control */
    R(2) = VA_DATA + 0x1abc;
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b223 0012", PGM_PRIVILEGED, 4);
    f->cpu.env.cregs[0] |= CR0_EAC;
    R(1) = 0;
    g_assert_cmpint(fx_exec(f, "b223 0012"), ==, 0);
    g_assert_cmphex(R(1), ==, 0x38);
    /* DAT off */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    fx_exec_pgm(f, "b223 0012", PGM_SPECIAL_OP, 4);
    fx_free(f);
}

static unsigned purges_all;

static void count_purge_all(S390Cpu *cpu)
{
    purges_all++;
    s390_tlb_purge(cpu);
}

/* IPTE, IDTE and CSP's purge go to the configuration's hook */
static void test_purge_all_cpus(void)
{
    Fx *f = dat_fx();

    f->cpu.tlb_purge_all = count_purge_all;
    R(4) = PT_DATA;
    R(5) = VA_DATA;
    g_assert_cmpint(fx_exec(f, "b221 0045"), ==, 0); /* IPTE */
    g_assert_cmpuint(purges_all, ==, 1);
    R(4) = SEG_TABLE;
    R(5) = 0x800;
    g_assert_cmpint(fx_exec(f, "b98e 0045"), ==, 0); /* IDTE */
    g_assert_cmpuint(purges_all, ==, 2);
    R(2) = 0;
    R(3) = 0;
    R(4) = VA_DATA + 0x1001;
    fx_exec_cc(f, "b250 0024", 0); /* CSP, purging */
    g_assert_cmpuint(purges_all, ==, 3);
    g_assert_cmpint(fx_exec(f, "b20d 0000"), ==, 0); /* PTLB: local */
    g_assert_cmpuint(purges_all, ==, 3);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/dat-insn/idte", test_idte_invalidate);
    g_test_add_func("/s390x/dat-insn/idte-region-asce",
                    test_idte_region_and_asce);
    g_test_add_func("/s390x/dat-insn/csp", test_csp);
    g_test_add_func("/s390x/dat-insn/lra", test_lra);
    g_test_add_func("/s390x/dat-insn/sac", test_sac);
    g_test_add_func("/s390x/dat-insn/ivsk", test_ivsk);
    g_test_add_func("/s390x/dat-insn/purge-all", test_purge_all_cpus);
    return g_test_run();
}
