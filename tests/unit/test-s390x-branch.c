/*
 * s390x interpreter: branches (on condition, and save in the three
 * addressing modes, on count, on index, relative), compare with every
 * cc, compare and branch, load/store on condition.
 */
#include "test-s390x-fixture.h"

static void test_branch_on_condition(void)
{
    Fx *f = fx_new();

    f->cpu.cc = 0;
    fx_exec(f, "a784 0010"); /* BRC 8,+32 */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 0x20);
    f->cpu.cc = 1;
    fx_exec(f, "a784 0010");
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    fx_exec(f, "c0f4 ffff fff0"); /* BRCL 15,-32 */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE - 0x20);
    R(2) = 0x4000;
    fx_exec(f, "07f2"); /* BCR 15,2 */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x4000);
    fx_exec(f, "07f0"); /* BCR 15,0: no branch */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    f->cpu.cc = 3;
    fx_exec(f, "4710 2010"); /* BC 1,16(2) */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x4010);
    fx_free(f);
}

static void test_branch_and_save_modes(void)
{
    Fx *f = fx_new();

    R(14) = 0xaaaaaaaabbbbbbbbull;
    fx_exec(f, "a7e5 0008"); /* BRAS 14,+16 */
    g_assert_cmphex(R(14), ==, FX_CODE + 4);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    fx_free(f);

    f = fx_new_mode(true, PSW_MASK_BA); /* 31-bit */
    R(14) = 0xaaaaaaaabbbbbbbbull;
    fx_exec(f, "a7e5 0008");
    g_assert_cmphex(R(14), ==, 0xaaaaaaaa80000000ull | (FX_CODE + 4));
    R(14) = 0x12345678;
    fx_exec(f, "0dee"); /* BASR 14,14 */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x12345678);
    g_assert_cmphex(R(14), ==, 0x80000000ull | (FX_CODE + 2));
    fx_free(f);

    f = fx_new_mode(true, 0); /* 24-bit */
    R(14) = 0xaaaaaaaabbbbbbbbull;
    fx_exec(f, "c0e5 0000 0010"); /* BRASL 14,+32 */
    g_assert_cmphex(R(14), ==, 0xaaaaaaaa00000000ull | (FX_CODE + 6));
    f->cpu.cc = 2;
    f->cpu.psw_mask |= PSW_MASK_FIXPT_OVF;
    fx_exec(f, "05e0"); /* BALR 14,0 */
    /* ILC 1, cc 2, program mask 8, then the address */
    g_assert_cmphex(R(14), ==,
                    0xaaaaaaaa00000000ull | 0x68000000u | (FX_CODE + 2));
    R(2) = 0xff123456;
    fx_exec(f, "07f2"); /* 24-bit target */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x123456);
    fx_free(f);
}

static void test_branch_on_count_index(void)
{
    Fx *f = fx_new();

    R(1) = 2;
    R(2) = 0x4000;
    fx_exec(f, "4610 2000"); /* BCT 1,0(2) */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x4000);
    fx_exec(f, "4610 2000");
    g_assert_cmphex(R(1), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    fx_exec(f, "0610"); /* BCTR 1,0 */
    g_assert_cmphex(R(1), ==, 0xffffffff);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    R(1) = 0;
    R(2) = 1;
    R(3) = 3;
    fx_exec(f, "8712 0100"); /* BXLE 1,2,0x100 */
    g_assert_cmphex(R(1), ==, 1);
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x100);
    R(1) = 3;
    fx_exec(f, "8712 0100"); /* 4 > 3: falls through */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    fx_exec(f, "8612 0100"); /* BXH: 5 > 3 */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x100);
    fx_free(f);
}

/* LGHI 1,5; LGHI 2,0; loop: AGHI 2,3; BRCTG 1,loop */
static void test_loop_run(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, FX_CODE, "a719 0005 a729 0000 a72b 0003 a717 fffe");
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 2 + 2 * 5), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(2), ==, 15);
    g_assert_cmphex(R(1), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    g_assert_cmpuint(f->cpu.icount, ==, 12);
    fx_free(f);
}

static void test_compare_cc(void)
{
    Fx *f = fx_new();

    R(1) = 1;
    R(2) = 0xffffffff;
    fx_exec_cc(f, "1912", 2); /* CR: 1 > -1 */
    fx_exec_cc(f, "1512", 1); /* CLR: 1 < 2^32-1 */
    R(2) = 1;
    fx_exec_cc(f, "1912", 0);
    R(1) = (uint64_t)-1;
    R(2) = 0;
    fx_exec_cc(f, "b920 0012", 1);      /* CGR */
    fx_exec_cc(f, "b921 0012", 2);      /* CLGR */
    fx_exec_cc(f, "a71e ffff", 0);      /* CHI 1,-1 */
    fx_exec_cc(f, "a71f 0000", 1);      /* CGHI 1,0 */
    fx_exec_cc(f, "c21f ffff ffff", 0); /* CLFI */
    fx_exec_cc(f, "c21e ffff ffff", 2); /* CLGFI */
    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 0xfffffffe);
    fx_exec_cc(f, "95ff 2000", 0); /* CLI 0(2),0xff */
    fx_exec_cc(f, "95fd 2003", 2); /* 0xfe vs 0xfd */
    fx_exec_cc(f, "95ff 2003", 1);
    fx_exec_cc(f, "e55c 2000 fffe", 0); /* CHSI 0(2),-2 */
    fx_exec_cc(f, "e55d 2000 fffe", 2); /* CLFHSI */
    fx_exec_cc(f, "5910 2000", 2);      /* C: -1 vs -2: high */
    fx_exec_cc(f, "5510 2000", 2);      /* CL: 2^32-1 vs ..fe */
    fx_free(f);
}

static void test_compare_and_branch(void)
{
    Fx *f = fx_new();

    R(1) = 7;
    R(2) = 7;
    f->cpu.cc = 3;
    fx_exec(f, "ec12 0008 8076"); /* CRJ 1,2,8,+16 */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    g_assert_cmpuint(f->cpu.cc, ==, 3); /* cc untouched */
    fx_exec(f, "ec12 0008 4076");       /* low: no */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_exec(f, "ec12 fffc 7076"); /* mask 7: taken back */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_exec(f, "ec12 fffc e076"); /* 8|4|2: taken */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE - 8);
    R(1) = 6;
    fx_exec(f, "ec12 0008 2076"); /* 6 vs 7 high? no */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_exec(f, "ec12 0008 4064"); /* CGRJ low */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    fx_exec(f, "ec12 0008 4065"); /* CLGRJ low */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    R(1) = (uint64_t)-1;
    fx_exec(f, "ec18 0008 ff7e"); /* CIJ 1,-1,eq */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    fx_exec(f, "ec12 0008 ff7d"); /* CLGIJ 1,255,high */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    R(1) = 254;
    fx_exec(f, "ec14 0008 ff7f"); /* CLIJ 1,255,low */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 16);
    R(2) = 0x5000;
    R(1) = 0x5000;
    fx_exec(f, "ec12 2004 80e4"); /* CGRB 1,2,8,4(2) */
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x5004);
    fx_exec(f, "ec18 2000 80fe"); /* CIB 1,-128,8,0(2) */
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_free(f);
}

static void test_on_condition(void)
{
    Fx *f = fx_new();

    R(1) = 1;
    R(2) = 0xffffffff00000002ull;
    f->cpu.cc = 0;
    fx_exec(f, "b9f2 8012"); /* LOCR 1,2,8 */
    g_assert_cmphex(R(1), ==, 2);
    fx_exec(f, "b9e2 4012"); /* LOCGR 1,2,4: no */
    g_assert_cmphex(R(1), ==, 2);
    fx_exec(f, "b9e2 8012");
    g_assert_cmphex(R(1), ==, 0xffffffff00000002ull);
    /* not taken: the (invalid) operand is not accessed */
    R(3) = FX_RAM_SIZE * 2;
    g_assert_cmpint(fx_exec(f, "eb17 3000 00f3"), ==, 0); /* STOC 1,0(3),7 */
    fx_exec_pgm(f, "eb18 3000 00f3", PGM_ADDRESSING, 6);
    R(3) = FX_DATA;
    fx_exec(f, "eb18 3000 00e3"); /* STOCG 1,0(3),8 */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0xffffffff00000002ull);
    R(4) = 0;
    fx_exec(f, "eb48 3004 00f2"); /* LOC 4,4(3),8 */
    g_assert_cmphex(R(4), ==, 2);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/branch/on-condition", test_branch_on_condition);
    g_test_add_func("/s390x/branch/and-save-modes", test_branch_and_save_modes);
    g_test_add_func("/s390x/branch/count-index", test_branch_on_count_index);
    g_test_add_func("/s390x/branch/loop-run", test_loop_run);
    g_test_add_func("/s390x/compare/cc", test_compare_cc);
    g_test_add_func("/s390x/compare/and-branch", test_compare_and_branch);
    g_test_add_func("/s390x/branch/on-condition-load-store", test_on_condition);
    return g_test_run();
}
