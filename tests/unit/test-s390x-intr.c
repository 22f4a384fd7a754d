/*
 * s390x interruptions through the lowcore (PoP chapter 6): program, SVC,
 * external, machine check (channel report), I/O enablement, restart;
 * the early exception of an invalid PSW; enabled and disabled wait.
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/lowcore.h"
#include "hw/s390x/css.h"

#define NEW_ADDR UINT64_C(0x30000)

static uint16_t ld16(Fx *f, uint64_t abs)
{
    return lduw_be_p(f->ram.base + abs);
}

/* a lowcore-delivering CPU; every new PSW: 64-bit mode at NEW_ADDR + off */
static Fx *intr_fx(uint64_t prefix)
{
    static const uint64_t news[] = { LC_RESTART_NEW, LC_EXT_NEW,  LC_SVC_NEW,
                                     LC_PGM_NEW,     LC_MCHK_NEW, LC_IO_NEW };
    Fx *f = fx_new();
    unsigned i;

    s390_set_prefix(&f->cpu, prefix);
    f->cpu.pgm_hook = s390_intr_pgm_lowcore;
    for (i = 0; i < G_N_ELEMENTS(news); i++) {
        fx_st64(f, prefix + news[i], FX_MODE64);
        fx_st64(f, prefix + news[i] + 8, NEW_ADDR + news[i]);
    }
    return f;
}

static void test_program(void)
{
    uint64_t pfx = 0x40000;
    Fx *f = intr_fx(pfx);

    fx_poke_hex(f, FX_CODE, "0000"); /* operation exception, ILC 2 */
    f->cpu.cc = 2;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    /* prefixed: the fields are in the prefix area, not at absolute 0 */
    g_assert_cmphex(ld16(f, pfx + LC_PGM_ILC), ==, 2);
    g_assert_cmphex(ld16(f, pfx + LC_PGM_CODE), ==, PGM_OPERATION);
    g_assert_cmphex(ld16(f, LC_PGM_CODE), ==, 0);
    g_assert_cmphex(fx_ld64(f, pfx + LC_PGM_OLD), ==,
                    FX_MODE64 | (UINT64_C(2) << PSW_CC_SHIFT));
    g_assert_cmphex(fx_ld64(f, pfx + LC_PGM_OLD + 8), ==, FX_CODE + 2);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_PGM_NEW);
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    fx_free(f);
}

static void test_program_6byte_ilc(void)
{
    Fx *f = intr_fx(0);

    /* LG 1,0(0) with R1... a 6-byte addressing exception: 0x200000 */
    R(2) = 0x200000;
    fx_poke_hex(f, FX_CODE, "e310 2000 0004");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(ld16(f, LC_PGM_ILC), ==, 6);
    g_assert_cmphex(ld16(f, LC_PGM_CODE), ==, PGM_ADDRESSING);
    g_assert_cmphex(fx_ld64(f, LC_PGM_OLD + 8), ==, FX_CODE + 6);
    fx_free(f);
}

static void test_program_new_invalid_loops(void)
{
    Fx *f = intr_fx(0);

    fx_st64(f, LC_PGM_NEW, PSW_MASK_EA); /* EA without BA */
    fx_poke_hex(f, FX_CODE, "0000");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 10), ==, S390_RUN_PSW_LOOP);
    fx_free(f);
}

static void test_svc(void)
{
    Fx *f = intr_fx(0);

    fx_poke_hex(f, FX_CODE, "0a2a");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 5), ==, S390_RUN_PSW);
    g_assert_cmphex(ld16(f, LC_SVC_ILC), ==, 2);
    g_assert_cmphex(ld16(f, LC_SVC_CODE), ==, 0x2a);
    g_assert_cmphex(fx_ld64(f, LC_SVC_OLD + 8), ==, FX_CODE + 2);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_SVC_NEW);
    fx_free(f);
}

static void test_svc_under_ex(void)
{
    Fx *f = intr_fx(0);

    /* EX 1,target with R1 = 0x07: SVC 0x07 at ILC 4 (the EX) */
    R(1) = 0x07;
    fx_poke_hex(f, FX_CODE + 0x100, "0a00");
    R(2) = FX_CODE;
    fx_poke_hex(f, FX_CODE, "4410 2100");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_PSW);
    g_assert_cmphex(ld16(f, LC_SVC_CODE), ==, 0x07);
    g_assert_cmphex(ld16(f, LC_SVC_ILC), ==, 4);
    g_assert_cmphex(fx_ld64(f, LC_SVC_OLD + 8), ==, FX_CODE + 4);
    fx_free(f);
}

static void test_external(void)
{
    Fx *f = intr_fx(0);

    /* PSW bit 7 off: not taken */
    g_assert_false(s390_intr_external(&f->cpu, EXT_CLOCK_COMP, 0, 0));
    f->cpu.psw_mask |= PSW_MASK_EXT;
    /* CR0 subclass mask bit 52 off: not taken */
    f->cpu.env.cregs[0] = 0;
    g_assert_false(s390_ext_enabled(&f->cpu, EXT_CLOCK_COMP));
    g_assert_false(s390_intr_external(&f->cpu, EXT_CLOCK_COMP, 0, 0));
    f->cpu.env.cregs[0] = UINT64_C(1) << (63 - 52);
    g_assert_false(s390_ext_enabled(&f->cpu, EXT_CPU_TIMER));
    g_assert_true(s390_intr_external(&f->cpu, EXT_CLOCK_COMP, 3, 0xabcd));
    g_assert_cmphex(ld16(f, LC_EXT_CODE), ==, EXT_CLOCK_COMP);
    g_assert_cmphex(ld16(f, LC_EXT_CPU_ADDR), ==, 3);
    g_assert_cmphex(fx_ld32(f, LC_EXT_PARAM), ==, 0xabcd);
    g_assert_cmphex(fx_ld64(f, LC_EXT_OLD), ==, FX_MODE64 | PSW_MASK_EXT);
    g_assert_cmphex(fx_ld64(f, LC_EXT_OLD + 8), ==, FX_CODE);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_EXT_NEW);
    /* the new PSW disables external interruptions again */
    g_assert_false(s390_ext_enabled(&f->cpu, EXT_CLOCK_COMP));
    /* service signal: CR0 bit 54 */
    f->cpu.psw_mask |= PSW_MASK_EXT;
    f->cpu.env.cregs[0] = UINT64_C(1) << (63 - 54);
    g_assert_true(s390_ext_enabled(&f->cpu, EXT_SERVICE_SIGNAL));
    fx_free(f);
}

static void test_mchk_crw(void)
{
    Fx *f = intr_fx(0);
    uint32_t crw;

    css_crw_queue(3, 4, false, 0x0005);
    /* mchk disabled in the PSW, then CR14 bit 35 off */
    g_assert_false(s390_intr_mchk_crw(&f->cpu));
    f->cpu.psw_mask |= PSW_MASK_MCHK;
    f->cpu.env.cregs[14] = 0;
    g_assert_false(s390_intr_mchk_crw(&f->cpu));
    f->cpu.env.cregs[14] = CR14_CRW_MASK;
    g_assert_true(s390_intr_mchk_crw(&f->cpu));
    g_assert_cmphex(fx_ld64(f, LC_MCHK_CODE), ==, MCHK_CODE_CRW);
    g_assert_cmphex(fx_ld64(f, LC_MCHK_OLD), ==, FX_MODE64 | PSW_MASK_MCHK);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_MCHK_NEW);
    while (css_crw_take(&crw)) {
    }
    f->cpu.psw_mask |= PSW_MASK_MCHK;
    g_assert_false(s390_intr_mchk_crw(&f->cpu));
    fx_free(f);
}

static void test_io_disabled_or_none(void)
{
    Fx *f = intr_fx(0);

    g_assert_false(s390_intr_io(&f->cpu));
    f->cpu.psw_mask |= PSW_MASK_IO;
    f->cpu.env.cregs[6] = UINT64_C(0xff) << 24;
    g_assert_false(s390_intr_io(&f->cpu)); /* nothing queued */
    g_assert_cmphex(fx_ld64(f, LC_IO_OLD), ==, 0);
    fx_free(f);
}

/* A subchannel's pending interruption from the css queue (ISC 3) */
static void test_io_from_css_queue(void)
{
    Fx *f = intr_fx(0x40000);
    SubchDev *sch = g_new0(SubchDev, 1);

    sch->ssid = 0;
    sch->schid = 0x0012;
    sch->schib.pmcw.flags = 3 << PMCW_FLAGS_ISC_SHIFT;
    sch->schib.pmcw.intparm = 0xcafe0001;
    css_intr_queue(sch);
    f->cpu.psw_mask |= PSW_MASK_IO;
    f->cpu.env.cregs[6] = UINT64_C(0x80) << 24; /* ISC 0 only */
    g_assert_false(s390_intr_io(&f->cpu));
    f->cpu.env.cregs[6] = UINT64_C(0x10) << 24; /* ISC 3 */
    g_assert_true(s390_intr_io(&f->cpu));
    g_assert_cmphex(fx_ld32(f, 0x40000 + LC_SUBCHANNEL_ID), ==,
                    css_sch_sid(sch));
    g_assert_cmphex(fx_ld32(f, 0x40000 + LC_IO_INT_PARM), ==, 0xcafe0001);
    g_assert_cmphex(fx_ld32(f, 0x40000 + LC_IO_INT_WORD), ==, 3u << 27);
    g_assert_cmphex(fx_ld64(f, 0x40000 + LC_IO_OLD), ==,
                    FX_MODE64 | PSW_MASK_IO);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_IO_NEW);
    /* taken: the queue is empty now */
    f->cpu.psw_mask |= PSW_MASK_IO;
    g_assert_false(s390_intr_io(&f->cpu));
    g_free(sch);
    fx_free(f);
}

static uint64_t poll_ns;

static uint64_t poll_clock(void *opaque)
{
    return poll_ns;
}

/* Clock comparator, then CPU timer, each only when enabled */
static void test_poll_timers(void)
{
    Fx *f = intr_fx(0);

    f->cpu.clock = poll_clock;
    poll_ns = 1000;
    f->cpu.ckc = 4096; /* the TOD clock is at 4096: not past it */
    f->cpu.cpu_timer_end = 8192;
    f->cpu.psw_mask |= PSW_MASK_EXT;
    f->cpu.env.cregs[0] = PSW_BIT(52) | PSW_BIT(53);
    g_assert_false(s390_intr_poll(&f->cpu));
    poll_ns = 1001;
    g_assert_true(s390_intr_poll(&f->cpu));
    g_assert_cmphex(ld16(f, LC_EXT_CODE), ==, EXT_CLOCK_COMP);
    /* comparator masked: the CPU timer once it is negative */
    f->cpu.psw_mask |= PSW_MASK_EXT;
    f->cpu.env.cregs[0] = PSW_BIT(53);
    g_assert_false(s390_intr_poll(&f->cpu));
    poll_ns = 2001;
    g_assert_true(s390_intr_poll(&f->cpu));
    g_assert_cmphex(ld16(f, LC_EXT_CODE), ==, EXT_CPU_TIMER);
    /* external interruptions disabled in the PSW (the new PSW) */
    g_assert_false(s390_intr_poll(&f->cpu));
    fx_free(f);
}

static void test_restart(void)
{
    Fx *f = intr_fx(0x80000);

    s390_intr_restart(&f->cpu);
    g_assert_cmphex(fx_ld64(f, 0x80000 + LC_RESTART_OLD + 8), ==, FX_CODE);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_RESTART_NEW);
    fx_free(f);
}

/* An interruption whose new PSW is invalid: early specification */
static void test_invalid_new_psw(void)
{
    Fx *f = intr_fx(0);
    uint64_t bad = FX_MODE64 | PSW_BIT(0);

    fx_st64(f, LC_RESTART_NEW, bad);
    s390_intr_restart(&f->cpu);
    g_assert_cmphex(ld16(f, LC_PGM_CODE), ==, PGM_SPECIFICATION);
    g_assert_cmphex(ld16(f, LC_PGM_ILC), ==, 0);
    g_assert_cmphex(fx_ld64(f, LC_PGM_OLD), ==, bad);
    g_assert_cmphex(f->cpu.psw_addr, ==, NEW_ADDR + LC_PGM_NEW);
    fx_free(f);
}

static void test_wait_states(void)
{
    Fx *f = intr_fx(0);

    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | PSW_MASK_WAIT, FX_CODE));
    g_assert_cmpint(s390_cpu_run(&f->cpu, 10), ==, S390_RUN_DISABLED_WAIT);
    g_assert_cmpuint(f->cpu.icount, ==, 0);
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | PSW_MASK_WAIT | PSW_MASK_IO,
                               FX_CODE));
    g_assert_cmpint(s390_cpu_run(&f->cpu, 10), ==, S390_RUN_WAIT);
    /* an interruption ends the wait: its new PSW has no wait bit */
    f->cpu.psw_mask |= PSW_MASK_EXT;
    f->cpu.env.cregs[0] = UINT64_C(1) << (63 - 49);
    g_assert_true(s390_intr_external(&f->cpu, EXT_EMERGENCY, 1, 0));
    g_assert_cmphex(fx_ld64(f, LC_EXT_OLD) & PSW_MASK_WAIT, ==, PSW_MASK_WAIT);
    g_assert_cmpint(s390_psw_wait_state(&f->cpu), ==, S390_RUN_LIMIT);
    fx_free(f);
}

/* LPSWE of a disabled-wait PSW from guest code stops the run */
static void test_lpswe_disabled_wait(void)
{
    Fx *f = intr_fx(0);

    fx_st64(f, FX_DATA, FX_MODE64 | PSW_MASK_WAIT);
    fx_st64(f, FX_DATA + 8, 0xfff);
    R(2) = FX_DATA;
    fx_poke_hex(f, FX_CODE, "b2b2 2000");
    g_assert_cmpint(s390_cpu_run(&f->cpu, 10), ==, S390_RUN_DISABLED_WAIT);
    g_assert_cmpuint(f->cpu.icount, ==, 1);
    g_assert_cmphex(f->cpu.psw_addr, ==, 0xfff);
    fx_free(f);
}

/*
 * MONITOR CALL: nothing unless CR8 enables the class; then a monitor
 * event after completion, with class and code in the lowcore
 */
static void test_monitor_call(void)
{
    uint64_t pfx = 0x40000;
    Fx *f = intr_fx(pfx);

    R(3) = 0x1230;
    /* MC 0x45(3),5 with classes 0-15 disabled: the next instruction */
    g_assert_cmpint(fx_exec(f, "af05 3045"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    /* class 5 enabled (CR8 bit 53) */
    f->cpu.env.cregs[8] = UINT64_C(1) << (63 - 53);
    fx_poke_hex(f, FX_CODE, "af05 3045");
    f->cpu.psw_addr = FX_CODE;
    g_assert_cmpint(s390_cpu_run(&f->cpu, 1), ==, S390_RUN_LIMIT);
    g_assert_cmphex(ld16(f, pfx + LC_PGM_CODE), ==, 0x0040);
    g_assert_cmphex(ld16(f, pfx + LC_PGM_ILC), ==, 4);
    g_assert_cmphex(ld16(f, pfx + LC_MON_CLASS), ==, 5);
    g_assert_cmphex(fx_ld64(f, pfx + LC_MON_CODE), ==, 0x1275);
    /* completed: the old PSW points past MC */
    g_assert_cmphex(fx_ld64(f, pfx + LC_PGM_OLD + 8), ==, FX_CODE + 4);
    /* another class stays quiet; bits 8-11 of I2 are a specification */
    g_assert_cmpint(fx_exec(f, "af06 3045"), ==, 0);
    f->cpu.pgm_hook = NULL;
    fx_exec_pgm(f, "af15 3045", PGM_SPECIFICATION, 4);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/intr/program", test_program);
    g_test_add_func("/s390x/intr/monitor-call", test_monitor_call);
    g_test_add_func("/s390x/intr/program-ilc6", test_program_6byte_ilc);
    g_test_add_func("/s390x/intr/program-new-invalid",
                    test_program_new_invalid_loops);
    g_test_add_func("/s390x/intr/svc", test_svc);
    g_test_add_func("/s390x/intr/svc-under-ex", test_svc_under_ex);
    g_test_add_func("/s390x/intr/external", test_external);
    g_test_add_func("/s390x/intr/mchk-crw", test_mchk_crw);
    g_test_add_func("/s390x/intr/io-none", test_io_disabled_or_none);
    g_test_add_func("/s390x/intr/io-css", test_io_from_css_queue);
    g_test_add_func("/s390x/intr/poll-timers", test_poll_timers);
    g_test_add_func("/s390x/intr/restart", test_restart);
    g_test_add_func("/s390x/intr/invalid-new-psw", test_invalid_new_psw);
    g_test_add_func("/s390x/intr/wait", test_wait_states);
    g_test_add_func("/s390x/intr/lpswe-disabled-wait",
                    test_lpswe_disabled_wait);
    return g_test_run();
}
