/*
 * s390x addressing-mode and PSW instructions against the Principles of
 * Operation: SAM24/31/64 (the updated address must fit the new mode),
 * TAM, EPSW, LAE/LAEY (the access register per address-space control)
 * and ECAG (no cache described); facility 34 is reported.
 */
#include "test-s390x-fixture.h"
#include "target/s390x/facilities.h"

static void test_sam_tam(void)
{
    Fx *f = fx_new();

    fx_exec_cc(f, "010b", 3);                   /* TAM in 64-bit mode */
    g_assert_cmpint(fx_exec(f, "010d"), ==, 0); /* SAM31 */
    g_assert_true(f->cpu.psw_mask & PSW_MASK_BA);
    g_assert_false(f->cpu.psw_mask & PSW_MASK_EA);
    g_assert_cmphex(f->cpu.amask, ==, 0x7fffffff);
    fx_exec_cc(f, "010b", 1);
    g_assert_cmpint(fx_exec(f, "010c"), ==, 0); /* SAM24 */
    g_assert_cmphex(f->cpu.amask, ==, 0xffffff);
    fx_exec_cc(f, "010b", 0);
    /* in the 24-bit mode addresses wrap at 16 MiB */
    R(2) = 0x7f000000 | FX_DATA;
    fx_exec(f, "4132 0000"); /* LA 3,0(2) */
    g_assert_cmphex(R(3) & 0xffffffff, ==, FX_DATA);
    g_assert_cmpint(fx_exec(f, "010e"), ==, 0); /* SAM64 */
    g_assert_cmphex(f->cpu.amask, ==, UINT64_MAX);
    fx_exec_cc(f, "010b", 3);
    g_assert_cmpint(fx_exec(f, "010e"), ==, 0); /* no change */
    fx_free(f);
}

/* SAM24 below 16 MiB; above it (tests/guest/pgm.c) a specification */
static void test_sam_spec(void)
{
    Fx *f = fx_new();

    fx_poke_hex(f, 0x100000 - 2, "010c");
    f->cpu.psw_addr = 0x100000 - 2;
    g_assert_cmpint(s390_cpu_step(&f->cpu), ==, 0);
    g_assert_cmphex(f->cpu.amask, ==, 0xffffff);
    fx_free(f);
}

static void test_epsw(void)
{
    Fx *f = fx_new();
    uint64_t mask;

    f->cpu.cc = 2;
    R(4) = 0xaaaaaaaa00000000ull;
    R(5) = 0xbbbbbbbb00000000ull;
    g_assert_cmpint(fx_exec(f, "b98d 0045"), ==, 0); /* EPSW 4,5 */
    mask = s390_psw_get_mask(&f->cpu);
    g_assert_cmphex(R(4), ==, 0xaaaaaaaa00000000ull | (mask >> 32));
    g_assert_cmphex(R(5), ==, 0xbbbbbbbb00000000ull | (uint32_t)mask);
    g_assert_cmphex((R(4) >> 12) & 3, ==, 2); /* the cc: PSW bits 18-19 */
    g_assert_cmphex(R(4) & 1, ==, 1);         /* EA: PSW bit 31 */
    g_assert_cmphex(R(5), ==, 0xbbbbbbbb80000000ull); /* BA: bit 32 */
    R(5) = 7;
    g_assert_cmpint(fx_exec(f, "b98d 0040"), ==, 0); /* R2 0: only R1 */
    g_assert_cmphex(R(0), ==, 0);
    fx_free(f);
}

static void test_lae(void)
{
    Fx *f = fx_new();

    R(2) = 0x1000;
    f->cpu.aregs[2] = 0x12345;
    f->cpu.aregs[3] = 0xffff;
    g_assert_cmpint(fx_exec(f, "5130 2010"), ==, 0); /* LAE 3,16(2) */
    g_assert_cmphex(R(3), ==, 0x1010);
    g_assert_cmphex(f->cpu.aregs[3], ==, 0);              /* primary */
    f->cpu.psw_mask |= UINT64_C(2) << 46;                 /* secondary */
    g_assert_cmpint(fx_exec(f, "e330 2ff0 ff75"), ==, 0); /* LAEY 3,-16(2) */
    g_assert_cmphex(R(3), ==, 0xff0);
    g_assert_cmphex(f->cpu.aregs[3], ==, 1);
    f->cpu.psw_mask |= UINT64_C(3) << 46; /* home */
    fx_exec(f, "5130 2000");
    g_assert_cmphex(f->cpu.aregs[3], ==, 2);
    f->cpu.psw_mask = (f->cpu.psw_mask & ~(UINT64_C(3) << 46)) |
                      UINT64_C(1) << 46; /* access-register mode */
    fx_exec(f, "5130 2000");
    g_assert_cmphex(f->cpu.aregs[3], ==, 0x12345);
    fx_exec(f, "5130 0100"); /* B2 0 */
    g_assert_cmphex(f->cpu.aregs[3], ==, 0);
    g_assert_cmphex(R(3), ==, 0x100);
    fx_free(f);
}

static void test_ecag(void)
{
    Fx *f = fx_new();

    R(1) = 0x5555;
    g_assert_cmpint(fx_exec(f, "eb10 0000 004c"), ==, 0); /* topology */
    g_assert_cmphex(R(1), ==, 0);
    g_assert_cmpint(fx_exec(f, "eb10 0010 004c"), ==, 0); /* L1 line size */
    g_assert_cmphex(R(1), ==, UINT64_MAX);
    R(2) = 0x20;
    g_assert_cmpint(fx_exec(f, "eb12 2002 004c"), ==, 0); /* L2 total size */
    g_assert_cmphex(R(1), ==, UINT64_MAX);
    g_assert_true(s390_has_facility(34));
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/mode/sam-tam", test_sam_tam);
    g_test_add_func("/s390x/mode/sam-spec", test_sam_spec);
    g_test_add_func("/s390x/mode/epsw", test_epsw);
    g_test_add_func("/s390x/mode/lae", test_lae);
    g_test_add_func("/s390x/mode/ecag", test_ecag);
    return g_test_run();
}
