/*
 * s390x privileged and system instructions: PSW loads, system mask,
 * control registers, prefix, CPU identity, facility list, the clocks
 * (from a fake host clock), the I/O instructions' dispatch, and the
 * privileged-operation exception in the problem state.
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/lowcore.h"
#include "target/s390x/clock.h"
#include "target/s390x/facilities.h"

static uint64_t fake_ns;

static uint64_t fake_clock(void *opaque)
{
    return fake_ns;
}

static Fx *sys_fx(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    return f;
}

static void test_privileged(void)
{
    static const char *const insns[] = {
        "8000 2000", "8200 2000",      "ac00 2000",      "ad00 2000",
        "b601 2000", "b701 2000",      "b202 2000",      "b210 2000",
        "b211 2000", "b212 2000",      "b2b1 2000",      "b2b2 2000",
        "b204 2000", "b206 2000",      "b207 2000",      "b208 2000",
        "b209 2000", "b230 0000",      "b231 0000",      "b232 2000",
        "b233 2000", "b234 2000",      "b235 2000",      "b236 2000",
        "b238 0000", "b239 2000",      "b23c 0000",      "b25f 0020",
        "b276 0000", "eb01 2000 0025", "eb01 2000 002f",
    };
    Fx *f = sys_fx();
    unsigned i;

    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    for (i = 0; i < G_N_ELEMENTS(insns); i++) {
        uint64_t cr0 = f->cpu.env.cregs[0];

        fx_exec_pgm(f, insns[i], PGM_PRIVILEGED, strlen(insns[i]) > 10 ? 6 : 4);
        g_assert_cmphex(f->cpu.env.cregs[0], ==, cr0);
        g_assert_true(f->cpu.psw_mask & PSW_MASK_PSTATE);
    }
    /* not privileged: STCK, STCKF, STCKE, STFLE */
    g_assert_cmpint(fx_exec(f, "b205 2000"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b27c 2000"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b278 2000"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b2b0 2000"), ==, 0);
    fx_free(f);
}

static void test_lpswe_lpsw(void)
{
    Fx *f = sys_fx();

    fx_st64(f, FX_DATA, FX_MODE64 | PSW_MASK_IO | (UINT64_C(1) << 44));
    fx_st64(f, FX_DATA + 8, 0x123456789a);
    g_assert_cmpint(fx_exec(f, "b2b2 2000"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x123456789a);
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_true(f->cpu.psw_mask & PSW_MASK_IO);
    /* LPSW: ESA/390 form with bit 12 one, 31-bit mode */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    fx_st64(f, FX_DATA, UINT64_C(0x0408000080012346));
    g_assert_cmpint(fx_exec(f, "8200 2000"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x12346);
    g_assert_cmphex(s390_psw_get_mask(&f->cpu), ==, PSW_MASK_DAT | PSW_MASK_BA);
    g_assert_cmphex(f->cpu.amask, ==, 0x7fffffff);
    fx_free(f);
}

static void test_lpsw_checks(void)
{
    Fx *f = sys_fx();

    /* operand not on a doubleword: suppressed, ILC 4 */
    R(2) = FX_DATA + 4;
    fx_exec_pgm(f, "b2b2 2000", PGM_SPECIFICATION, 4);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    /* invalid PSW (bit 12 set in the 16-byte form): loaded, early, ILC 0 */
    R(2) = FX_DATA;
    fx_st64(f, FX_DATA, FX_MODE64 | PSW_BIT(12));
    fx_st64(f, FX_DATA + 8, 0x5000);
    fx_exec_pgm(f, "b2b2 2000", PGM_SPECIFICATION, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, 0x5000);
    /* LPSW with bit 12 zero is invalid; 31-bit address above 2G invalid */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    fx_st64(f, FX_DATA, UINT64_C(0x0000000080001000));
    fx_exec_pgm(f, "8200 2000", PGM_SPECIFICATION, 0);
    g_assert_false(s390_psw_valid(PSW_MASK_BA, UINT64_C(0x80000000)));
    g_assert_false(s390_psw_valid(0, UINT64_C(0x1000000)));
    g_assert_true(s390_psw_valid(FX_MODE64, UINT64_C(0x1000000000)));
    fx_free(f);
}

static void test_system_mask(void)
{
    Fx *f = sys_fx();

    f->ram.base[FX_DATA] = 0x03; /* I/O and external */
    g_assert_cmpint(fx_exec(f, "8000 2000"), ==, 0);
    g_assert_cmphex(f->cpu.psw_mask >> 56, ==, 0x03);
    /* STNSM 0xfe: stores 0x03, leaves 0x02 */
    g_assert_cmpint(fx_exec(f, "acfe 2010"), ==, 0);
    g_assert_cmphex(f->ram.base[FX_DATA + 0x10], ==, 0x03);
    g_assert_cmphex(f->cpu.psw_mask >> 56, ==, 0x02);
    /* STOSM 0x01 (external): stores 0x02, mask 0x03 */
    g_assert_cmpint(fx_exec(f, "ad01 2011"), ==, 0);
    g_assert_cmphex(f->ram.base[FX_DATA + 0x11], ==, 0x02);
    g_assert_cmphex(f->cpu.psw_mask >> 56, ==, 0x03);
    /* SSM with bit 0 (reserved): an invalid PSW, early exception */
    f->ram.base[FX_DATA] = 0x80;
    fx_exec_pgm(f, "8000 2000", PGM_SPECIFICATION, 0);
    /* SSM suppression control (CR0 bit 33): special operation */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    f->cpu.env.cregs[0] |= PSW_BIT(33);
    fx_exec_pgm(f, "8000 2000", PGM_SPECIAL_OP, 4);
    fx_free(f);
}

static void test_control_registers(void)
{
    Fx *f = sys_fx();
    unsigned i;

    for (i = 0; i < 3; i++) {
        fx_st64(f, FX_DATA + 8 * i, UINT64_C(0x1111111100000000) * (i + 1) + i);
    }
    /* LCTLG 15,1: CR15, CR0, CR1 */
    g_assert_cmpint(fx_exec(f, "ebf1 2000 002f"), ==, 0);
    g_assert_cmphex(f->cpu.env.cregs[15], ==, UINT64_C(0x1111111100000000));
    g_assert_cmphex(f->cpu.env.cregs[0], ==, UINT64_C(0x2222222200000001));
    g_assert_cmphex(f->cpu.env.cregs[1], ==, UINT64_C(0x3333333300000002));
    /* LCTL 0,0: bits 32-63 only */
    fx_st32(f, FX_DATA + 0x40, 0xdeadbeef);
    g_assert_cmpint(fx_exec(f, "b700 2040"), ==, 0);
    g_assert_cmphex(f->cpu.env.cregs[0], ==, UINT64_C(0x22222222deadbeef));
    /* STCTL 0,1 and STCTG 0,0 */
    g_assert_cmpint(fx_exec(f, "b601 2080"), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x80), ==, 0xdeadbeef);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 0x84), ==, 2);
    g_assert_cmpint(fx_exec(f, "eb00 2090 0025"), ==, 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x90), ==,
                    UINT64_C(0x22222222deadbeef));
    /* alignment */
    fx_exec_pgm(f, "b700 2042", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "eb00 2004 002f", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "eb00 2004 0025", PGM_SPECIFICATION, 6);
    fx_free(f);
}

static void test_prefix(void)
{
    Fx *f = sys_fx();

    fx_st32(f, FX_DATA, 0x40123);
    g_assert_cmpint(fx_exec(f, "b210 2000"), ==, 0);
    g_assert_cmphex(f->cpu.env.psa, ==, 0x40000);
    g_assert_cmpint(fx_exec(f, "b211 2004"), ==, 0);
    g_assert_cmphex(fx_ld32(f, FX_DATA + 4), ==, 0x40000);
    /* the new prefix area must exist */
    fx_st32(f, FX_DATA, 0x7fffe000);
    fx_exec_pgm(f, "b210 2000", PGM_ADDRESSING, 4);
    g_assert_cmphex(f->cpu.env.psa, ==, 0x40000);
    fx_exec_pgm(f, "b210 2002", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "b211 2002", PGM_SPECIFICATION, 4);
    fx_free(f);
}

static void test_identity(void)
{
    Fx *f = sys_fx();

    f->cpu.cpu_addr = 0x0102;
    f->cpu.cpuid = UINT64_C(0xff00000128278000);
    g_assert_cmpint(fx_exec(f, "b212 2000"), ==, 0);
    g_assert_cmphex(lduw_be_p(f->ram.base + FX_DATA), ==, 0x0102);
    g_assert_cmpint(fx_exec(f, "b202 2008"), ==, 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, f->cpu.cpuid);
    fx_exec_pgm(f, "b212 2001", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "b202 2004", PGM_SPECIFICATION, 4);
    fx_free(f);
}

/* -cpu qemu,FEATURE=off: the facility leaves what STFLE stores */
static void test_cpu_features(void)
{
    Fx *f = sys_fx();
    Error *err = NULL;
    uint64_t dw0 = s390_facility_dw(0), dw1 = s390_facility_dw(1);

    g_assert_true(
        s390_cpu_features_parse("qemu,vx=off,plo-cs=off", true, &error_abort));
    g_assert_cmphex(s390_facility_dw(0), ==, dw0);
    g_assert_true(s390_cpu_features_parse("qemu,stfle45=off,zpci=off,exrl=off",
                                          true, &error_abort));
    R(0) = 1;
    g_assert_cmpint(fx_exec(f, "b2b0 2000"), ==, 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==,
                    dw0 &
                        ~(UINT64_C(1) << (63 - 45) | UINT64_C(1) << (63 - 35)));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==,
                    dw1 & ~(UINT64_C(1) << (63 - 5)));
    g_assert_false(s390_has_facility(45));
    /* the last item counts; a bad line changes nothing */
    g_assert_true(
        s390_cpu_features_parse("max,exrl=off,exrl=on", true, &error_abort));
    g_assert_true(s390_has_facility(35));
    g_assert_false(s390_cpu_features_parse("qemu,ldisp=off,vx=on", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Some features requested in the CPU model are not "
                    "available in the configuration: vx");
    g_clear_pointer(&err, error_free);
    g_assert_true(s390_has_facility(18));
    g_assert_false(s390_cpu_features_parse("max,bogus", false, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "can't apply global max-s390x-cpu.bogus=on: Property "
                    "'max-s390x-cpu.bogus' not found");
    g_clear_pointer(&err, error_free);
    g_assert_true(
        s390_cpu_features_parse("qemu,dateh=off", true, &error_abort));
    g_assert_false(s390_has_facility(3));
    g_assert_true(s390_cpu_features_parse("qemu,dateh=on", true, &error_abort));
    g_assert_true(s390_has_facility(3));
    g_assert_true(s390_cpu_features_parse("qemu", true, &error_abort));
    g_assert_cmphex(s390_facility_dw(0), ==, dw0);
    g_assert_cmphex(s390_facility_dw(1), ==, dw1);
    fx_free(f);
}

static void test_facilities(void)
{
    Fx *f = sys_fx();

    s390_set_prefix(&f->cpu, 0x40000);
    g_assert_cmpint(fx_exec(f, "b2b1 0000"), ==, 0);
    /* STFL: real 200, so the prefix area */
    g_assert_cmphex(fx_ld32(f, 0x40000 + LC_STFL), ==,
                    (uint32_t)(s390_facility_dw(0) >> 32));
    g_assert_true(s390_has_facility(7));  /* STFLE itself */
    g_assert_true(s390_has_facility(25)); /* STCKF */
    g_assert_true(s390_has_facility(2));
    g_assert_true(s390_has_facility(3));  /* DAT enhancement: IDTE, CSPG */
    g_assert_false(s390_has_facility(4)); /* IDTE purges whole TLBs */
    g_assert_false(s390_has_facility(5));
    g_assert_false(s390_has_facility(8)); /* no EDAT-1 */
    /* the zPCI instructions (69), adapter event notification (71), SIC */
    g_assert_true(s390_has_facility(69));
    g_assert_true(s390_has_facility(71));
    g_assert_true(s390_has_facility(72));
    g_assert_false(s390_has_facility(70));
    /* STFLE with room for 3: stores the 2 there are, R0 = 1, cc 0 */
    R(0) = 2;
    fx_st64(f, FX_DATA + 16, UINT64_C(0x5555));
    g_assert_cmpint(fx_exec(f, "b2b0 2000"), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    g_assert_cmphex(R(0), ==, 1);
    g_assert_cmphex(fx_ld64(f, FX_DATA), ==, s390_facility_dw(0));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, s390_facility_dw(1));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==,
                    UINT64_C(0x0000000000000000) | UINT64_C(1) << (63 - 5) |
                        UINT64_C(1) << (63 - 7) | UINT64_C(1) << (63 - 8));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 16), ==, 0x5555);
    /* room for 1: stores 1, R0 = 1 (how many there are, less one), cc 3 */
    R(0) = 0;
    fx_st64(f, FX_DATA + 8, UINT64_C(0x6666));
    g_assert_cmpint(fx_exec(f, "b2b0 2000"), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, 3);
    g_assert_cmphex(R(0), ==, 1);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 8), ==, 0x6666);
    fx_exec_pgm(f, "b2b0 2004", PGM_SPECIFICATION, 4);
    fx_free(f);
}

static void test_tod(void)
{
    Fx *f = sys_fx();
    uint64_t t0, t1;

    f->cpu.clock = fake_clock;
    fake_ns = 1000; /* 1 us: TOD bit 51 */
    g_assert_cmpuint(s390_tod_now(&f->cpu), ==, 4096);
    fake_ns = 2000000000000ull; /* no overflow on large values */
    g_assert_cmpuint(s390_tod_now(&f->cpu), ==, 2000000000000ull / 1000 * 4096);
    /* STCK twice at one host time: unique and increasing */
    fx_exec_cc(f, "b205 2000", 0);
    fx_exec_cc(f, "b205 2008", 0);
    t0 = fx_ld64(f, FX_DATA);
    t1 = fx_ld64(f, FX_DATA + 8);
    g_assert_cmpuint(t0, ==, s390_tod_now(&f->cpu));
    g_assert_cmpuint(t1, ==, t0 + 1);
    /* STCKF need not be unique */
    fx_exec_cc(f, "b27c 2010", 0);
    g_assert_cmpuint(fx_ld64(f, FX_DATA + 0x10), ==, t0);
    /* STCKE: epoch 0, TOD in bytes 1-8, programmable field 14-15 */
    f->cpu.tod_pf = 0xbeef;
    fx_exec_cc(f, "b278 2020", 0);
    g_assert_cmphex(f->ram.base[FX_DATA + 0x20], ==, 0);
    g_assert_cmpuint(ldq_be_p(f->ram.base + FX_DATA + 0x21), ==, t1 + 1);
    g_assert_cmphex(lduw_be_p(f->ram.base + FX_DATA + 0x2e), ==, 0xbeef);
    /* SCK: the clock reads the value set, then runs on */
    fx_st64(f, FX_DATA + 0x30, UINT64_C(0x1000000000000000));
    fx_exec_cc(f, "b204 2030", 0);
    g_assert_cmphex(s390_tod_now(&f->cpu), ==, UINT64_C(0x1000000000000000));
    fake_ns += 1000;
    g_assert_cmphex(s390_tod_now(&f->cpu), ==,
                    UINT64_C(0x1000000000000000) + 4096);
    fx_exec_pgm(f, "b204 2034", PGM_SPECIFICATION, 4);
    /* SCKPF: GR0 bits 48-63 into the field STCKE stores */
    R(0) = UINT64_C(0xffffffff0000cafe);
    g_assert_cmpint(fx_exec(f, "0107"), ==, 0);
    g_assert_cmphex(f->cpu.tod_pf, ==, 0xcafe);
    R(0) = 0x10000;
    fx_exec_pgm(f, "0107", PGM_SPECIFICATION, 2);
    g_assert_cmphex(f->cpu.tod_pf, ==, 0xcafe);
    R(0) = 0x1234;
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "0107", PGM_PRIVILEGED, 2);
    g_assert_cmphex(f->cpu.tod_pf, ==, 0xcafe);
    fx_free(f);
}

static void test_ckc_cpu_timer(void)
{
    Fx *f = sys_fx();
    uint64_t now;

    f->cpu.clock = fake_clock;
    fake_ns = 1000000;
    now = s390_tod_now(&f->cpu);
    fx_st64(f, FX_DATA, now + 4096);
    g_assert_cmpint(fx_exec(f, "b206 2000"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b207 2008"), ==, 0);
    g_assert_cmpuint(fx_ld64(f, FX_DATA + 8), ==, now + 4096);
    g_assert_false(s390_ckc_pending(&f->cpu));
    fake_ns += 1001;
    g_assert_true(s390_ckc_pending(&f->cpu));
    /* CPU timer: 2 us, decrements with the clock */
    fx_st64(f, FX_DATA + 0x10, 8192);
    g_assert_cmpint(fx_exec(f, "b208 2010"), ==, 0);
    fake_ns += 1000;
    g_assert_cmpint(fx_exec(f, "b209 2018"), ==, 0);
    g_assert_cmpuint(fx_ld64(f, FX_DATA + 0x18), ==, 4096);
    g_assert_false(s390_cpu_timer_pending(&f->cpu));
    fake_ns += 1001;
    g_assert_true(s390_cpu_timer_pending(&f->cpu));
    fx_exec_pgm(f, "b206 2004", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "b209 2004", PGM_SPECIFICATION, 4);
    fx_free(f);
}

/* The I/O instructions reach ioinst_*(): its checks show through */
static void test_io_dispatch(void)
{
    Fx *f = sys_fx();

    /* R1 without the one bit (bit 15 of the SID): operand exception */
    R(1) = 0;
    fx_exec_pgm(f, "b231 0000", PGM_OPERAND, 4);
    fx_exec_pgm(f, "b234 2000", PGM_OPERAND, 4);
    fx_exec_pgm(f, "b276 0000", PGM_OPERAND, 4);
    /* SCHM: reserved bits of R1 */
    R(1) = 0x10;
    fx_exec_pgm(f, "b23c 0000", PGM_OPERAND, 4);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/system/privileged", test_privileged);
    g_test_add_func("/s390x/system/lpswe-lpsw", test_lpswe_lpsw);
    g_test_add_func("/s390x/system/lpsw-checks", test_lpsw_checks);
    g_test_add_func("/s390x/system/system-mask", test_system_mask);
    g_test_add_func("/s390x/system/control-registers", test_control_registers);
    g_test_add_func("/s390x/system/prefix", test_prefix);
    g_test_add_func("/s390x/system/identity", test_identity);
    g_test_add_func("/s390x/system/facilities", test_facilities);
    g_test_add_func("/s390x/system/cpu-features", test_cpu_features);
    g_test_add_func("/s390x/system/tod", test_tod);
    g_test_add_func("/s390x/system/ckc-cpu-timer", test_ckc_cpu_timer);
    g_test_add_func("/s390x/system/io-dispatch", test_io_dispatch);
    return g_test_run();
}
