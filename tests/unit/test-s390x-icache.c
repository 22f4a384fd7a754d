/*
 * The decode cache against code that changes under it: an instruction
 * that wraps at the end of the 24-bit addressing mode is fetched from
 * other bytes in the 31-bit mode (a mode change must drop it), and CPUs
 * that share their code-page marks flush each other through their
 * code_written hook when one of them stores into cached code. Blocks of
 * instructions decoded in a row: a store into a later instruction of the
 * block that is running (STC, STG) is seen when that instruction runs, a
 * branch leaves the block, a run stops after exactly the count asked,
 * and a block cached with DAT off is not run once DAT is on.
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"

#define BIG_RAM (17 * MiB)

static void test_mode_change(void)
{
    uint8_t *ram = g_malloc0(BIG_RAM);
    S390Ram r = { ram, BIG_RAM };
    S390Cpu cpu;

    s390_cpu_init(&cpu, &s390_ram_ops, &r, ram, BIG_RAM);
    /* LGHI 2,imm: a7 29 at 0xfffffe, imm at 0 (24-bit) or 0x1000000 */
    ram[0xfffffe] = 0xa7;
    ram[0xffffff] = 0x29;
    ram[0x000000] = 0x00;
    ram[0x000001] = 0x01;
    ram[0x1000000] = 0x00;
    ram[0x1000001] = 0x02;
    g_assert_true(s390_psw_set(&cpu, 0, 0xfffffe)); /* 24-bit mode */
    g_assert_cmpint(s390_cpu_step(&cpu), ==, 0);
    g_assert_cmphex(cpu.env.regs[2], ==, 1);
    g_assert_cmphex(cpu.psw_addr, ==, 2);                     /* wrapped */
    g_assert_true(s390_psw_set(&cpu, PSW_MASK_BA, 0xfffffe)); /* 31-bit */
    g_assert_cmpint(s390_cpu_step(&cpu), ==, 0);
    g_assert_cmphex(cpu.env.regs[2], ==, 2);
    g_assert_cmphex(cpu.psw_addr, ==, 0x1000002);
    /* and back */
    g_assert_true(s390_psw_set(&cpu, 0, 0xfffffe));
    g_assert_cmpint(s390_cpu_step(&cpu), ==, 0);
    g_assert_cmphex(cpu.env.regs[2], ==, 1);
    s390_cpu_finalize(&cpu);
    g_free(ram);
}

static Fx *shared_peer;

static void flush_both(S390Cpu *cpu)
{
    s390_icache_flush(cpu);
    s390_icache_flush(&shared_peer->cpu);
}

static void test_shared_code_pages(void)
{
    Fx *a = fx_new(), *b = fx_new();
    uint8_t *own_b = b->cpu.code_pages;

    /* b runs on a's storage, and both share a's code-page marks */
    b->cpu.ram = a->ram.base;
    b->cpu.code_pages = a->cpu.code_pages;
    a->cpu.code_written = flush_both;
    b->cpu.code_written = flush_both;
    shared_peer = a;

    fx_poke_hex(a, FX_CODE, "a729 0001"); /* LGHI 2,1 */
    g_assert_cmpint(s390_cpu_step(&a->cpu), ==, 0);
    g_assert_cmphex(a->cpu.env.regs[2], ==, 1);
    /* b stores LGHI 2,3 over it with MVHI (00 03 into the immediate) */
    b->cpu.env.regs[1] = FX_CODE;
    fx_poke_hex(a, FX_DATA, "e544 1002 0003"); /* MVHHI 2(1),3 */
    b->cpu.psw_addr = FX_DATA;
    g_assert_cmpint(s390_cpu_step(&b->cpu), ==, 0);
    g_assert_cmphex(lduw_be_p(a->ram.base + FX_CODE + 2), ==, 3);
    a->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_step(&a->cpu), ==, 0);
    g_assert_cmphex(a->cpu.env.regs[2], ==, 3);

    b->cpu.code_pages = own_b;
    b->cpu.ram = b->ram.base;
    fx_free(b);
    fx_free(a);
}

/* STC 0,7(3) stores R0's low byte into the immediate of the LGHI after it */
static void test_store_into_running_block(void)
{
    Fx *f = fx_new();
    int pass;

    fx_poke_hex(f, FX_CODE, "4200 3007 a729 0001 a739 0007");
    for (pass = 0; pass < 2; pass++) { /* decoded, then from the cache */
        R(0) = 0x55 + pass;
        R(2) = R(4) = 0;
        R(3) = FX_CODE;
        f->cpu.psw_addr = FX_CODE;
        g_assert_cmpint(s390_cpu_run(&f->cpu, 2), ==, S390_RUN_LIMIT);
        g_assert_cmphex(R(2), ==, 0x55 + pass);
        g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 8);
        g_assert_cmphex(R(3), ==, FX_CODE); /* the LGHI 3 did not run */
    }
    fx_free(f);
}

/* STG 0,6(3) replaces the two LGHIs after it (8 bytes, st64's path) */
static void test_stg_into_running_block(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, FX_CODE, "e300 3006 0024 a729 0001 a749 0001");
    R(0) = UINT64_C(0xa7290007a7490009); /* LGHI 2,7; LGHI 4,9 */
    R(3) = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 3), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(2), ==, 7);
    g_assert_cmphex(R(4), ==, 9);
    fx_free(f);
}

/* LGHI 1,1; J +8 (over LGHI 1,2); LGHI 2,3: the branch leaves the block */
static void test_branch_and_count(void)
{
    Fx *f = fx_new();
    uint64_t icount = f->cpu.icount;

    fx_poke_hex(f, FX_CODE, "a719 0001 a7f4 0004 a719 0002 a729 0003");
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    g_assert_cmphex(R(1), ==, 1);
    g_assert_cmpint(s390_cpu_run(&f->cpu, 2), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(1), ==, 1);
    g_assert_cmphex(R(2), ==, 3);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    g_assert_cmpuint(f->cpu.icount - icount, ==, 3);
    fx_free(f);
}

/*
 * With a PSW key the access path is the slow one with DAT off and on, so
 * turning DAT on drops no cached code: the block at real FX_CODE must not
 * run for virtual FX_CODE, which the page table maps to real FX_DATA.
 */
static void test_dat_on_keeps_no_block(void)
{
    const uint64_t seg = 0x80000, pt = 0x81000, key1 = PSW_BIT(11);
    Fx *f = fx_new();
    unsigned i;

    for (i = 0; i < 256; i++) {
        fx_st64(f, pt + 8 * i, 0x400); /* page invalid */
    }
    fx_st64(f, seg, pt);
    fx_st64(f, pt + 8 * (FX_CODE >> 12), FX_DATA);
    f->cpu.env.cregs[1] = seg;
    fx_poke_hex(f, FX_CODE, "a729 0001"); /* LGHI 2,1 */
    fx_poke_hex(f, FX_DATA, "a729 0002"); /* LGHI 2,2 */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | key1, FX_CODE));
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(2), ==, 1);
    g_assert_true(
        s390_psw_set(&f->cpu, FX_MODE64 | key1 | PSW_MASK_DAT, FX_CODE));
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(2), ==, 2);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/icache/mode-change", test_mode_change);
    g_test_add_func("/s390x/icache/shared-code-pages", test_shared_code_pages);
    g_test_add_func("/s390x/icache/store-into-running-block",
                    test_store_into_running_block);
    g_test_add_func("/s390x/icache/stg-into-running-block",
                    test_stg_into_running_block);
    g_test_add_func("/s390x/icache/branch-and-count", test_branch_and_count);
    g_test_add_func("/s390x/icache/dat-on-keeps-no-block",
                    test_dat_on_keeps_no_block);
    return g_test_run();
}
