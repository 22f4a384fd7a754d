/*
 * s390x interpreter: EXECUTE and EXECUTE RELATIVE LONG (R1 bits 56-63
 * ORed into the target's second byte, the execute exception for EX of
 * EX, ILC of an exception in the target, links and relative targets),
 * IPM/SPM, and an IC/STC/AGHI/BRCTG byte-copy loop.
 */
#include "test-s390x-fixture.h"

#define TARGET (FX_CODE + 0x100)

static void test_ex_modifies_length(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, TARGET, "d200 2000 3000"); /* MVC 0(1,2),0(3) */
    fx_st64(f, FX_DATA + 0x100, 0x0102030405060708ull);
    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x100;
    R(4) = TARGET;
    R(1) = 0xffffffffffffff07ull;
    fx_exec(f, "4410 4000"); /* EX 1,0(4) */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0102030405060708ull);
    g_assert_cmphex(f->ram.base[TARGET + 1], ==, 0); /* not modified */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    fx_st64(f, FX_DATA, 0);
    fx_exec(f, "4400 4000"); /* EX 0: as is */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0100000000000000ull);
    fx_free(f);
}

static void test_ex_exceptions(void)
{
    Fx *f = fx_new();

    R(4) = TARGET;
    fx_poke_hex(f, TARGET, "4400 4000");
    fx_exec_pgm(f, "4400 4000", PGM_EXECUTE, 4); /* EX of EX */
    g_assert_cmphex(f->cpu.pgm_addr, ==, FX_CODE);
    fx_poke_hex(f, TARGET, "c600 0000 0000");
    fx_exec_pgm(f, "4400 4000", PGM_EXECUTE, 4);      /* EX of EXRL */
    fx_exec_pgm(f, "c600 0000 0080", PGM_EXECUTE, 6); /* EXRL of EXRL */
    fx_poke_hex(f, TARGET, "1d24");                   /* DR 2,4: R4 = 0 */
    R(5) = TARGET;
    R(4) = 0;
    fx_exec_pgm(f, "4400 5000", PGM_FIXPT_DIVIDE, 4);  /* the EX's ILC */
    fx_exec_pgm(f, "4400 5001", PGM_SPECIFICATION, 4); /* odd target */
    fx_poke_hex(f, TARGET, "0000");
    fx_exec_pgm(f, "4400 5000", PGM_OPERATION, 4);
    fx_free(f);
}

static void test_ex_branch_target(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, TARGET, "a7e5 0010"); /* BRAS 14,+32 */
    R(4) = TARGET;
    fx_exec(f, "4400 4000");
    g_assert_cmphex(R(14), ==, FX_CODE + 4); /* after the EX */
    g_assert_cmphex(f->cpu.psw_addr, ==, TARGET + 0x20);
    fx_poke_hex(f, FX_CODE + 0x80, "a71a 0000"); /* AHI 1,0 */
    R(1) = 0x7fff0000 | 0x10;                    /* R1 bits 56-63 */
    R(3) = 0x100;
    /* EXRL 1,+0x80: target AHI with R1 field 1 -> AHI 1,0 */
    fx_exec(f, "c610 0000 0040");
    g_assert_cmphex(R(1), ==, 0x7fff0010);
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_free(f);
}

static void test_ipm_spm(void)
{
    Fx *f = fx_new();

    f->cpu.cc = 2;
    f->cpu.psw_mask |= PSW_MASK_FIXPT_OVF;
    R(1) = 0xffffffffffffffffull;
    fx_exec(f, "b222 0010"); /* IPM 1 */
    g_assert_cmphex(R(1), ==, 0xffffffff28ffffffull);
    R(2) = 0x17000000;  /* cc 1, mask 7 */
    fx_exec(f, "0420"); /* SPM 2 */
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmphex(f->cpu.psw_mask & PSW_MASK_PM, ==,
                    UINT64_C(7) << PSW_PM_SHIFT);
    fx_free(f);
}

/*
 *      LGHI 1,0        index
 *      LGHI 5,N        count
 * loop IC   0,0(1,2)
 *      STC  0,0(1,3)
 *      AGHI 1,1
 *      BRCTG 5,loop
 */
static void test_byte_copy_loop(void)
{
    Fx *f = fx_new();
    unsigned i, n = 300;

    for (i = 0; i < n; i++) {
        f->ram.base[FX_DATA + i] = i * 7 + 1;
    }
    fx_poke_hex(f, FX_CODE,
                "a719 0000 a759 012c 4301 2000 4201 3000a71b 0001 a757 fffa");
    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x8000;
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 2 + 4 * n), ==, S390_RUN_LIMIT);
    g_assert_cmpint(memcmp(f->ram.base + FX_DATA,
                           f->ram.base + FX_DATA + 0x8000, n),
                    ==, 0);
    g_assert_cmphex(R(1), ==, n);
    g_assert_cmphex(R(5), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 24);
    fx_free(f);
}

/* a program interruption stops the run and records where */
static void test_run_stops_on_exception(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, FX_CODE, "a719 0001 0000 a719 0002");
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 10), ==, S390_RUN_PGM);
    g_assert_cmphex(f->cpu.pgm_code, ==, PGM_OPERATION);
    g_assert_cmphex(f->cpu.pgm_addr, ==, FX_CODE + 4);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    g_assert_cmphex(R(1), ==, 1);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/execute/modifies-length", test_ex_modifies_length);
    g_test_add_func("/s390x/execute/exceptions", test_ex_exceptions);
    g_test_add_func("/s390x/execute/branch-target", test_ex_branch_target);
    g_test_add_func("/s390x/execute/ipm-spm", test_ipm_spm);
    g_test_add_func("/s390x/run/byte-copy-loop", test_byte_copy_loop);
    g_test_add_func("/s390x/run/stops-on-exception",
                    test_run_stops_on_exception);
    return g_test_run();
}
