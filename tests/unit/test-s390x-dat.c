/*
 * s390x dynamic address translation: segment and region-third tables,
 * the translation exceptions with their codes and TEID (nullifying),
 * the TLB with PTLB and IPTE, DAT protection, the ASCE selected by the
 * address-space control, the real-space ASCE and low-address protection.
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/dat.h"
#include "target/s390x/lowcore.h"

#define SEG_TABLE  UINT64_C(0x80000) /* 512 entries */
#define PT_DATA    UINT64_C(0x81000) /* segment 1: virtual 0x100000 */
#define PT_CODE    UINT64_C(0x81800) /* segment 0: identity for code */
#define R3_TABLE   UINT64_C(0x82000)
#define VA_DATA    UINT64_C(0x100000)
#define DAT_MODE64 (FX_MODE64 | PSW_MASK_DAT)

static void fill(Fx *f, uint64_t at, unsigned n, uint64_t v)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        fx_st64(f, at + 8 * i, v);
    }
}

/* Segment-table ASCE in CR1; code at FX_CODE identity, VA_DATA -> DATA */
static Fx *dat_fx(void)
{
    Fx *f = fx_new();

    fill(f, SEG_TABLE, 512, TE_INVALID);
    fill(f, PT_DATA, 256, PTE_INVALID);
    fill(f, PT_CODE, 256, PTE_INVALID);
    fx_st64(f, SEG_TABLE, PT_CODE);
    fx_st64(f, SEG_TABLE + 8, PT_DATA);
    fx_st64(f, PT_CODE + 8 * (FX_CODE >> 12), FX_CODE);
    fx_st64(f, PT_DATA, FX_DATA);
    f->cpu.env.cregs[1] = SEG_TABLE; /* DT 0, TL 0 */
    g_assert_true(s390_psw_set(&f->cpu, DAT_MODE64, FX_CODE));
    return f;
}

/* LG 1,0(2) with R2 = @va: 0 or the code */
static int load_at(Fx *f, uint64_t va)
{
    R(2) = va;
    return fx_exec(f, "e310 2000 0004");
}

static int store_at(Fx *f, uint64_t va)
{
    R(2) = va;
    return fx_exec(f, "e310 2000 0024");
}

static void test_translate(void)
{
    Fx *f = dat_fx();

    fx_st64(f, FX_DATA + 0x18, UINT64_C(0x1122334455667788));
    g_assert_cmpint(load_at(f, VA_DATA + 0x18), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x1122334455667788));
    R(1) = 0xabc;
    g_assert_cmpint(store_at(f, VA_DATA + 0x20), ==, 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x20), ==, 0xabc);
    /* in real mode the same address is beyond the 1 MiB of storage */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    g_assert_cmpint(load_at(f, VA_DATA + 0x20), ==, PGM_ADDRESSING);
    fx_free(f);
}

static void expect_exc(Fx *f, uint64_t va, uint16_t code, uint64_t teid)
{
    fx_exec_pgm(f, "e310 2000 0004", code, 6);
    (void)va;
    /* nullified: the PSW still designates the instruction */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE);
    g_assert_cmphex(f->cpu.teid, ==, teid);
}

static void test_exceptions(void)
{
    Fx *f = dat_fx();

    R(2) = VA_DATA + 0x1234; /* page 1 of segment 1: invalid PTE */
    expect_exc(f, R(2), PGM_PAGE_TRANS, VA_DATA + 0x1000);
    R(2) = 0x234567; /* segment 2: invalid STE */
    expect_exc(f, R(2), PGM_SEGMENT_TRANS, 0x234000);
    R(2) = UINT64_C(0x20000000); /* segment index 512: past TL 0 */
    expect_exc(f, R(2), PGM_SEGMENT_TRANS, 0x20000000);
    R(2) = UINT64_C(0x80000000); /* needs a region table */
    expect_exc(f, R(2), 0x38, 0x80000000);
    /* segment entry with the region-third table type */
    fx_st64(f, SEG_TABLE + 16, PT_DATA | 0x4);
    R(2) = 0x200000;
    expect_exc(f, R(2), 0x12, f->cpu.teid);
    /* PTE bit 52 set */
    fx_st64(f, PT_DATA + 8, FX_DATA | PTE_ZERO52);
    R(2) = VA_DATA + 0x1000;
    expect_exc(f, R(2), 0x12, f->cpu.teid);
    fx_free(f);
}

static void test_region_third(void)
{
    Fx *f = dat_fx();

    fill(f, R3_TABLE, 2048, TE_INVALID);
    /* entry 0: the segment table, type 01, offset 0, length 3 */
    fx_st64(f, R3_TABLE, SEG_TABLE | 0x4 | 0x3);
    f->cpu.env.cregs[1] = R3_TABLE | 0x4 | 0x3; /* DT 01, TL 3 */
    fx_st64(f, FX_DATA, 77);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    g_assert_cmphex(R(1), ==, 77);
    R(2) = UINT64_C(0x80000000); /* region-third index 1: invalid */
    expect_exc(f, R(2), 0x3b, 0x80000000);
    R(2) = UINT64_C(1) << 42; /* beyond a region-third table */
    expect_exc(f, R(2), 0x38, UINT64_C(1) << 42);
    /* the segment table only covers indexes 0-511 (TL 0 in the entry) */
    fx_st64(f, R3_TABLE, SEG_TABLE | 0x4 | 0x0);
    s390_tlb_purge(&f->cpu);
    R(2) = UINT64_C(0x20000000);
    expect_exc(f, R(2), PGM_SEGMENT_TRANS, 0x20000000);
    fx_free(f);
}

static void test_tlb_ptlb_ipte(void)
{
    Fx *f = dat_fx();

    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    /* changing the table without a purge: the TLB still has it */
    fx_st64(f, PT_DATA, PTE_INVALID);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    g_assert_cmpint(fx_exec(f, "b20d 0000"), ==, 0); /* PTLB */
    R(2) = VA_DATA;
    expect_exc(f, VA_DATA, PGM_PAGE_TRANS, VA_DATA);
    /* IPTE 4,5: invalidates the entry in storage and in the TLB */
    fx_st64(f, PT_DATA, FX_DATA);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    R(4) = PT_DATA;
    R(5) = VA_DATA;
    g_assert_cmpint(fx_exec(f, "b221 0045"), ==, 0);
    g_assert_cmphex(fx_ld64(f, PT_DATA), ==, FX_DATA | PTE_INVALID);
    R(2) = VA_DATA;
    expect_exc(f, VA_DATA, PGM_PAGE_TRANS, VA_DATA);
    /* privileged */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b20d 0000", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "b221 0045", PGM_PRIVILEGED, 4);
    fx_free(f);
}

static void test_dat_protection(void)
{
    Fx *f = dat_fx();

    fx_st64(f, PT_DATA, FX_DATA | PTE_PROTECT);
    g_assert_cmpint(load_at(f, VA_DATA), ==, 0);
    R(1) = 5;
    fx_exec_pgm(f, "e310 2000 0024", PGM_PROTECTION, 6);
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0);
    /* protection in the segment entry covers the whole segment */
    fx_st64(f, PT_DATA, FX_DATA);
    fx_st64(f, SEG_TABLE + 8, PT_DATA | TE_PROTECT);
    s390_tlb_purge(&f->cpu);
    g_assert_cmpint(store_at(f, VA_DATA), ==, PGM_PROTECTION);
    fx_free(f);
}

static void test_address_spaces(void)
{
    Fx *f = dat_fx();

    /* home space (CR13) real-space ASCE; primary stays the tables */
    f->cpu.env.cregs[13] = ASCE_REAL;
    g_assert_true(
        s390_psw_set(&f->cpu, DAT_MODE64 | (UINT64_C(3) << 46), FX_CODE));
    fx_st64(f, 0x50000, 0x99);
    g_assert_cmpint(load_at(f, 0x50000), ==, 0);
    g_assert_cmphex(R(1), ==, 0x99);
    /* secondary (CR7): the TEID says which ASCE (bits 62-63: 10) */
    f->cpu.env.cregs[7] = SEG_TABLE;
    g_assert_true(
        s390_psw_set(&f->cpu, DAT_MODE64 | (UINT64_C(2) << 46), FX_CODE));
    R(2) = 0x234000;
    expect_exc(f, R(2), PGM_SEGMENT_TRANS, 0x234000 | 2);
    /* DAT off: ASC does not matter, the address is real */
    g_assert_true(
        s390_psw_set(&f->cpu, FX_MODE64 | (UINT64_C(2) << 46), FX_CODE));
    g_assert_cmpint(load_at(f, 0x50000), ==, 0);
    g_assert_cmphex(R(1), ==, 0x99);
    fx_free(f);
}

static void test_low_address_protection(void)
{
    Fx *f = fx_new();

    f->cpu.env.cregs[0] |= CR0_LAP;
    s390_mem_mode_update(&f->cpu);
    R(1) = 1;
    g_assert_cmpint(store_at(f, 0x1f8), ==, PGM_PROTECTION);
    g_assert_cmpint(store_at(f, 0x1100), ==, PGM_PROTECTION);
    g_assert_cmpint(store_at(f, 0x200), ==, 0);
    g_assert_cmpint(store_at(f, 0x1200), ==, 0);
    g_assert_cmpint(load_at(f, 0x100), ==, 0);
    /* MVI too, and an operand that only ends in the area */
    fx_exec_pgm(f, "9201 0010", PGM_PROTECTION, 4);
    R(2) = 0xff8;
    g_assert_cmpint(fx_exec(f, "d20f 2000 2000"), ==, PGM_PROTECTION);
    /* LCTL of CR0 without bit 35 lifts it */
    fx_st32(f, FX_DATA, 0xe0);
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "b700 2000"), ==, 0);
    g_assert_cmpint(store_at(f, 0x1f8), ==, 0);
    fx_free(f);
}

static void test_lap_private_space(void)
{
    Fx *f = dat_fx();

    fx_st64(f, PT_CODE, 0); /* virtual page 0 -> real 0 */
    f->cpu.env.cregs[0] |= CR0_LAP;
    s390_mem_mode_update(&f->cpu);
    R(1) = 1;
    g_assert_cmpint(store_at(f, 0x10), ==, PGM_PROTECTION);
    f->cpu.env.cregs[1] |= ASCE_PRIVATE;
    g_assert_cmpint(store_at(f, 0x10), ==, 0);
    fx_free(f);
}

/* The program interruption stores the TEID in the lowcore */
static void test_teid_in_lowcore(void)
{
    Fx *f = dat_fx();

    f->cpu.pgm_hook = s390_intr_pgm_lowcore;
    fx_st64(f, LC_PGM_NEW, FX_MODE64);
    fx_st64(f, LC_PGM_NEW + 8, 0x30000);
    R(2) = 0x345678;
    fx_poke_hex(f, FX_CODE, "e310 2000 0004");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(fx_ld64(f, LC_TEID), ==, 0x345000);
    g_assert_cmphex(lduw_be_p(f->ram.base + LC_PGM_CODE), ==,
                    PGM_SEGMENT_TRANS);
    g_assert_cmphex(fx_ld64(f, LC_PGM_OLD + 8), ==, FX_CODE);
    g_assert_cmphex(fx_ld64(f, LC_PGM_OLD), ==, DAT_MODE64);
    fx_free(f);
}

/* The I/O instructions' operands go through DAT too */
static void test_io_operand_translated(void)
{
    Fx *f = dat_fx();

    R(1) = 0x00010000;       /* a valid subsystem-identification word */
    R(2) = VA_DATA + 0x1000; /* invalid page */
    fx_exec_pgm(f, "b234 2000", PGM_PAGE_TRANS, 4);
    g_assert_cmphex(f->cpu.teid, ==, VA_DATA + 0x1000);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/dat/translate", test_translate);
    g_test_add_func("/s390x/dat/exceptions", test_exceptions);
    g_test_add_func("/s390x/dat/region-third", test_region_third);
    g_test_add_func("/s390x/dat/tlb-ptlb-ipte", test_tlb_ptlb_ipte);
    g_test_add_func("/s390x/dat/protection", test_dat_protection);
    g_test_add_func("/s390x/dat/address-spaces", test_address_spaces);
    g_test_add_func("/s390x/dat/lap", test_low_address_protection);
    g_test_add_func("/s390x/dat/lap-private", test_lap_private_space);
    g_test_add_func("/s390x/dat/teid-lowcore", test_teid_in_lowcore);
    g_test_add_func("/s390x/dat/io-operand", test_io_operand_translated);
    return g_test_run();
}
