/*
 * s390x interpreter storage access: loads and stores, SS and SI
 * instructions (overlap as architected), multiple registers, compare
 * and swap, interlocked access, add to storage, addressing exceptions
 * (suppressing), prefixing, the S390MemOps path across page boundaries,
 * and the decode cache seeing stores into code.
 */
#include "test-s390x-fixture.h"

static void test_load_store(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    fx_st64(f, FX_DATA, 0x8081828384858687ull);
    fx_exec(f, "e310 2000 0004"); /* LG */
    g_assert_cmphex(R(1), ==, 0x8081828384858687ull);
    R(1) = 0x1111111111111111ull;
    fx_exec(f, "5810 2004"); /* L */
    g_assert_cmphex(R(1), ==, 0x1111111184858687ull);
    fx_exec(f, "e310 2000 0014"); /* LGF */
    g_assert_cmphex(R(1), ==, 0xffffffff80818283ull);
    fx_exec(f, "e310 2000 0016"); /* LLGF */
    g_assert_cmphex(R(1), ==, 0x80818283ull);
    fx_exec(f, "e310 2001 0076"); /* LB */
    g_assert_cmphex(R(1), ==, 0x00000000ffffff81ull);
    fx_exec(f, "e310 2001 0090"); /* LLGC */
    g_assert_cmphex(R(1), ==, 0x81);
    fx_exec(f, "4810 2002"); /* LH */
    g_assert_cmphex(R(1), ==, 0xffff8283);
    fx_exec(f, "4310 2007"); /* IC */
    g_assert_cmphex(R(1), ==, 0xffff8287);
    R(1) = 0xa1a2a3a4a5a6a7a8ull;
    fx_exec(f, "e310 2008 0024"); /* STG */
    fx_exec(f, "5010 2010");      /* ST */
    fx_exec(f, "4010 2014");      /* STH */
    fx_exec(f, "4210 2016");      /* STC */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, 0xa1a2a3a4a5a6a7a8ull);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 16), ==, 0xa5a6a7a8a7a8a800ull);
    fx_free(f);
}

static void test_addresses(void)
{
    Fx *f = fx_new();

    R(2) = 0x1000;
    R(3) = 0x20;
    fx_exec(f, "4113 2fff"); /* LA 1,0xfff(3,2) */
    g_assert_cmphex(R(1), ==, 0x201f);
    fx_exec(f, "e310 2fff ff71"); /* LAY 1,-1(2) */
    g_assert_cmphex(R(1), ==, 0xfff);
    fx_exec(f, "c010 ffff fffe"); /* LARL 1,-4 */
    g_assert_cmphex(R(1), ==, FX_CODE - 4);
    fx_free(f);

    f = fx_new_mode(true, 0); /* 24-bit */
    R(1) = 0xaaaaaaaaffffffffull;
    R(2) = 0xffffffff;
    fx_exec(f, "4110 2001"); /* LA wraps to 0 */
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000000ull);
    fx_free(f);

    f = fx_new_mode(true, PSW_MASK_BA); /* 31-bit */
    R(1) = 0xaaaaaaaaffffffffull;
    R(2) = 0xffffffff;
    fx_exec(f, "4110 2002");
    g_assert_cmphex(R(1), ==, 0xaaaaaaaa00000001ull);
    fx_free(f);
}

static void test_ss(void)
{
    Fx *f = fx_new();
    unsigned i;

    R(2) = FX_DATA;
    R(3) = FX_DATA + 0x100;
    fx_st64(f, FX_DATA + 0x100, 0x0102030405060708ull);
    fx_exec(f, "d207 2000 3000"); /* MVC 0(8,2),0(3) */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0102030405060708ull);
    fx_exec(f, "d206 2001 2000"); /* propagate byte 0 */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0101010101010101ull);
    fx_exec_cc(f, "d503 2000 3000", 1); /* CLC: 01 01 vs 01 02 */
    fx_exec_cc(f, "d500 2000 3000", 0);
    fx_exec_cc(f, "d503 3000 2000", 2);
    fx_exec_cc(f, "d607 2000 3000", 1); /* OC */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0103030505070709ull);
    fx_exec_cc(f, "d407 2000 3000", 1); /* NC */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0x0102030405060708ull);
    fx_exec_cc(f, "d707 2000 2000", 0); /* XC clears */
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0);
    /* 256 bytes across a page boundary */
    for (i = 0; i < 256; i++) {
        f->ram.base[FX_DATA + 0x1f80 + i] = i;
    }
    R(3) = FX_DATA + 0x1f80;
    R(4) = FX_DATA + 0x3f90;
    fx_exec(f, "d2ff 4000 3000");
    g_assert_cmpint(memcmp(f->ram.base + FX_DATA + 0x1f80,
                           f->ram.base + FX_DATA + 0x3f90, 256),
                    ==, 0);
    /* the second operand beyond storage: nothing stored */
    R(3) = FX_RAM_SIZE - 4;
    fx_exec_pgm(f, "d207 2000 3000", PGM_ADDRESSING, 6);
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, 0);
    fx_free(f);
}

static void test_si(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    fx_exec(f, "92f5 2000"); /* MVI */
    g_assert_cmphex(f->ram.base[FX_DATA], ==, 0xf5);
    fx_exec_cc(f, "940f 2000", 1); /* NI */
    g_assert_cmphex(f->ram.base[FX_DATA], ==, 0x05);
    fx_exec_cc(f, "9705 2000", 0); /* XI */
    fx_exec_cc(f, "9681 2000", 1); /* OI */
    fx_exec_cc(f, "9181 2000", 3); /* TM all ones */
    fx_exec_cc(f, "9183 2000", 1); /* mixed */
    fx_exec_cc(f, "9102 2000", 0);
    fx_exec(f, "e54c 2004 fffe"); /* MVHI */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 4), ==, 0xfffffffe);
    fx_exec(f, "e548 2008 8000"); /* MVGHI */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, (uint64_t)-32768);
    fx_free(f);
}

static void test_multiple(void)
{
    Fx *f = fx_new();
    unsigned i;

    for (i = 0; i < 16; i++) {
        R(i) = 0x1000000000ull * i + i;
    }
    R(2) = FX_DATA;
    fx_exec(f, "90e2 2000"); /* STM 14,2: wraps */
    g_assert_cmphex(fx_ld32(f, FX_DATA), ==, 14);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 8), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 16), ==, FX_DATA);
    fx_exec(f, "eb6f 2100 0024"); /* STMG 6,15,0x100(2) */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x100), ==, 0x6000000006ull);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x148), ==, 0xf00000000full);
    fx_st32(f, FX_DATA, 0xdead);
    fx_exec(f, "98e1 2000"); /* LM 14,1 */
    g_assert_cmphex(R(14), ==, 0xe00000deadull);
    g_assert_cmphex(R(1), ==, 0x1000000001ull);
    fx_exec(f, "eb9a 2100 0004"); /* LMG 9,10 */
    g_assert_cmphex(R(9), ==, 0x6000000006ull);
    g_assert_cmphex(R(10), ==, 0x7000000007ull);
    fx_free(f);
}

static void test_compare_and_swap(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 5);
    R(1) = 5;
    R(3) = 9;
    fx_exec_cc(f, "ba13 2000", 0); /* CS: swapped */
    g_assert_cmphex(fx_ld32(f, FX_DATA), ==, 9);
    fx_exec_cc(f, "ba13 2000", 1); /* 5 != 9: loaded */
    g_assert_cmphex(R(1), ==, 9);
    fx_exec_pgm(f, "ba13 2002", PGM_SPECIFICATION, 4);
    fx_st64(f, FX_DATA + 8, 0x100000002ull);
    R(4) = 1;
    R(5) = 2;
    R(6) = 7;
    R(7) = 8;
    fx_exec_cc(f, "bb46 2008", 0); /* CDS 4,6 */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, 0x700000008ull);
    fx_exec_pgm(f, "bb56 2008", PGM_SPECIFICATION, 4);
    R(1) = 0;
    fx_exec_cc(f, "eb13 2008 0030", 1); /* CSG */
    g_assert_cmphex(R(1), ==, 0x700000008ull);
    fx_free(f);
}

static void test_interlocked_and_asi(void)
{
    Fx *f = fx_new_mode(true, FX_MODE64 | PSW_MASK_FIXPT_OVF);

    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 0x7ffffffe);
    R(3) = 1;
    fx_exec_cc(f, "eb13 2000 00f8", 2); /* LAA 1,3,0(2) */
    g_assert_cmphex(R(1), ==, 0x7ffffffe);
    g_assert_cmphex(fx_ld32(f, FX_DATA), ==, 0x7fffffff);
    fx_exec_pgm(f, "eb13 2000 00f8", PGM_FIXPT_OVERFLOW, 6);
    g_assert_cmphex(fx_ld32(f, FX_DATA), ==, 0x80000000u); /* completed */
    fx_exec_pgm(f, "eb13 2001 00f8", PGM_SPECIFICATION, 6);
    fx_st64(f, FX_DATA + 8, 0xf0);
    R(3) = 0x0f;
    fx_exec_cc(f, "eb13 2008 00e4", 0); /* LANG */
    g_assert_cmphex(R(1), ==, 0xf0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, 0);
    fx_exec_cc(f, "eb13 2008 00e6", 1); /* LAOG */
    fx_exec_cc(f, "ebfb 2008 006a", 1); /* ASI 8(2),-5 */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 8), ==, (uint32_t)-5);
    fx_exec_cc(f, "eb05 2008 006e", 2); /* ALSI 8(2),5: 0, carry */
    g_assert_cmphex(fx_ld32(f, FX_DATA + 8), ==, 0);
    fx_free(f);
}

static void test_addressing_exception(void)
{
    Fx *f = fx_new();

    R(1) = 0x42;
    R(2) = FX_RAM_SIZE;
    fx_exec_pgm(f, "5810 2000", PGM_ADDRESSING, 4); /* L */
    g_assert_cmphex(R(1), ==, 0x42);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    R(2) = FX_RAM_SIZE - 4;                              /* half inside */
    fx_exec_pgm(f, "e310 2000 0024", PGM_ADDRESSING, 6); /* STG */
    g_assert_cmphex(fx_ld32(f, FX_RAM_SIZE - 4), ==, 0);
    fx_free(f);
}

/* Without the direct RAM window: S390MemOps, page-crossing operands */
static void test_ops_backend(void)
{
    Fx *f = fx_new_mode(false, FX_MODE64);

    R(2) = FX_DATA + 0xffc;
    R(1) = 0x1122334455667788ull;
    fx_exec(f, "e310 2000 0024"); /* STG across pages */
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0xffc), ==, 0x1122334455667788ull);
    R(1) = 0;
    fx_exec(f, "e310 2000 0004");
    g_assert_cmphex(R(1), ==, 0x1122334455667788ull);
    R(2) = FX_RAM_SIZE - 4;
    fx_exec_pgm(f, "e310 2000 0024", PGM_ADDRESSING, 6);
    g_assert_cmphex(fx_ld32(f, FX_RAM_SIZE - 4), ==, 0);
    /* code runs from the ops path too (not cached) */
    fx_poke_hex(f, FX_CODE, "a719 0003 a71b 0004");
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 2), ==, S390_RUN_LIMIT);
    g_assert_cmphex(R(1), ==, 7);
    fx_free(f);
}

static void test_prefixing(void)
{
    Fx *f = fx_new();

    s390_set_prefix(&f->cpu, 0x8000);
    R(1) = 0xabcdef01;
    R(2) = 0x100;
    fx_exec(f, "5010 2000"); /* ST 1,0x100 */
    g_assert_cmphex(fx_ld32(f, 0x8100), ==, 0xabcdef01);
    g_assert_cmphex(fx_ld32(f, 0x100), ==, 0);
    R(2) = 0x9ffc; /* prefix area -> 0 */
    fx_exec(f, "5010 2000");
    g_assert_cmphex(fx_ld32(f, 0x1ffc), ==, 0xabcdef01);
    R(2) = 0x1ffe; /* crosses real 0x2000 */
    fx_exec(f, "5010 2000");
    g_assert_cmphex(f->ram.base[0x9ffe], ==, 0xab);
    g_assert_cmphex(f->ram.base[0x2001], ==, 0x01);
    fx_free(f);
}

/* ST overwrites the next instruction: the cached decode must go */
static void test_self_modifying(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, FX_CODE, "5010 2000 a739 0001");
    R(2) = FX_CODE + 4;
    R(1) = 0xa7390001;
    f->cpu.psw_addr = FX_CODE;
    s390_cpu_run(&f->cpu, 2);
    g_assert_cmphex(R(3), ==, 1);
    R(1) = 0xa7390002; /* LGHI 3,2 */
    f->cpu.psw_addr = FX_CODE;
    s390_cpu_run(&f->cpu, 2);
    g_assert_cmphex(R(3), ==, 2);
    /* and through an SS instruction */
    fx_st32(f, FX_DATA, 0xa7390003);
    R(3) = FX_DATA;
    R(2) = FX_CODE + 6;
    fx_poke_hex(f, FX_CODE, "d203 2000 3000 a739 0001");
    f->cpu.psw_addr = FX_CODE;
    s390_cpu_run(&f->cpu, 2);
    g_assert_cmphex(R(3), ==, 3);
    fx_free(f);
}

/*
 * Operands that wrap past 2^64 are addressing exceptions, never host
 * memory below guest RAM; an odd instruction address is a specification
 * exception even on a cache slot never filled.
 */
static void test_wrap_and_odd(void)
{
    Fx *f = fx_new();

    R(1) = 0x1122334455667788ULL;
    R(2) = UINT64_C(0xfffffffffffffff8);
    fx_exec_pgm(f, "e310 2000 0024", PGM_ADDRESSING, 6); /* STG 1,0(2) */
    fx_exec_pgm(f, "e330 2000 0004", PGM_ADDRESSING, 6); /* LG 3,0(2) */
    f->cpu.psw_addr = 1;
    g_assert_cmpint(s390_cpu_step(&f->cpu), ==, PGM_SPECIFICATION);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/storage/load-store", test_load_store);
    g_test_add_func("/s390x/storage/addresses", test_addresses);
    g_test_add_func("/s390x/storage/ss", test_ss);
    g_test_add_func("/s390x/storage/si", test_si);
    g_test_add_func("/s390x/storage/multiple", test_multiple);
    g_test_add_func("/s390x/storage/compare-and-swap", test_compare_and_swap);
    g_test_add_func("/s390x/storage/interlocked-asi", test_interlocked_and_asi);
    g_test_add_func("/s390x/storage/addressing", test_addressing_exception);
    g_test_add_func("/s390x/storage/ops-backend", test_ops_backend);
    g_test_add_func("/s390x/storage/prefixing", test_prefixing);
    g_test_add_func("/s390x/storage/self-modifying", test_self_modifying);
    g_test_add_func("/s390x/storage/wrap-and-odd", test_wrap_and_odd);
    return g_test_run();
}
