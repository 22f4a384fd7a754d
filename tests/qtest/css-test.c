/*
 * Channel subsystem through the qtest s390x extension, with ccw-testdev:
 * STSCH enumeration, MSCH, SSCH -> I/O interruption -> TSCH, condition
 * codes 1/2/3, HSCH/CSCH, suspend/resume, the program exceptions, CRWs
 * on hot-plug, CHSC. Placement and MCSS-E/MSS: css-map-test.c.
 */
#include "css-test.h"

static void enable_sch(QTestState *s, uint32_t sid, unsigned isc)
{
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
    /* word 1: ISC, enabled */
    qtest_writew(s, SCHIB_ADDR + 4, (isc << 11) | 0x0080 | 0x0001);
    qtest_writel(s, SCHIB_ADDR, 0xcafe0000 | sid);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
}

/* SENSE ID, format 1, through an ORB with @intparm. */
static void setup_sense_id(QTestState *s, uint32_t intparm)
{
    qtest_writeq(s, CCW_ADDR, 0xe4200007ull << 32 | DATA_ADDR);
    qtest_writel(s, ORB_ADDR, intparm);
    qtest_writel(s, ORB_ADDR + 4, 0x0080ff00); /* format 1, all paths */
    qtest_writel(s, ORB_ADDR + 8, CCW_ADDR);
    qtest_memset(s, DATA_ADDR, 0, 16);
}

static uint16_t irb_ctrl(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR + 2);
}

static void test_enumerate(void)
{
    QTestState *s = start(
        "-device ccw-testdev,devno=fe.0.0005 -device ccw-testdev -device ccw-testdev,id=c");

    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0005);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 4), ==, 0x0001); /* V, !E */
    g_assert_cmphex(qtest_readb(s, SCHIB_ADDR + 11), ==, 0x80);  /* PIM */
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0000);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(2), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0001);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(3), SCHIB_ADDR), ==, 3);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0xffff), SCHIB_ADDR),
                    ==, 3);
    /* subchannel set 1 without MSS */
    g_assert_cmpint(inst(s, "s390_stsch 0x00030000 0x%x", SCHIB_ADDR), ==, 3);
    qtest_quit(s);
}

static void test_msch(void)
{
    QTestState *s = start("-device ccw-testdev");

    enable_sch(s, SID(0), 3);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 4), ==, 0x1881);
    g_assert_cmphex(qtest_readl(s, SCHIB_ADDR), ==, 0xcafe0000 | SID(0));
    /* reserved bits of word 1 and word 6 */
    qtest_writew(s, SCHIB_ADDR + 4, 0x4081);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    -PGM_OPERAND);
    qtest_writew(s, SCHIB_ADDR + 4, 0x0081);
    qtest_writel(s, SCHIB_ADDR + 24, 0x00000100);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    -PGM_OPERAND);
    qtest_writel(s, SCHIB_ADDR + 24, 0);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(7), SCHIB_ADDR), ==, 3);
    qtest_quit(s);
}

static void test_ssch_tsch(void)
{
    QTestState *s = start("-device ccw-testdev,devno=fe.0.0042");
    uint8_t id[7];
    static const uint8_t expect[7] = {
        0xff, 0x38, 0x32, 0x01, 0x00, 0x01, 0x01
    };
    g_autofree char *r1 = NULL, *r2 = NULL;

    /* disabled subchannel: not operational */
    setup_sense_id(s, 0x12345678);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 3);
    enable_sch(s, SID(0), 3);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    /* status pending: cc 1 for SSCH, HSCH, MSCH */
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 1);
    g_assert_cmpint(inst(s, "s390_hsch 0x%x", SID(0)), ==, 1);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 1);
    /* ISC 3 not enabled: nothing to take */
    g_assert_cmpint(inst(s, "s390_tpi 0x%x", TPI_ADDR), ==, 0);
    r1 = cmd(s, "s390_cr6 0x10000000");
    g_assert_cmpstr(r1, ==, "OK 0x0000000010000000");
    g_assert_cmpint(inst(s, "s390_tpi 0x%x", TPI_ADDR), ==, 1);
    g_assert_cmphex(qtest_readl(s, TPI_ADDR), ==, SID(0));
    g_assert_cmphex(qtest_readl(s, TPI_ADDR + 4), ==, 0x12345678);
    g_assert_cmpint(inst(s, "s390_tpi 0x%x", TPI_ADDR), ==, 0);
    /* TSCH: start function ended with CE+DE */
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4007);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 8);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 8), ==, 0x0c);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 9), ==, 0x00);
    g_assert_cmphex(qtest_readw(s, IRB_ADDR + 10), ==, 0);
    /* format-0 ESW, subchannel logout: the last-path-used mask */
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 13), ==, 0x80);
    qtest_memread(s, DATA_ADDR, id, sizeof(id));
    g_assert_cmpmem(id, sizeof(id), expect, sizeof(expect));
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    g_assert_cmphex(irb_ctrl(s), ==, 0);
    /* the lowcore form of TPI and the CPU taking the interruption */
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    r2 = cmd(s, "s390_io_intr");
    g_assert_cmpstr(r2, ==, "OK 0x00010000 0x12345678 3");
    g_assert_cmphex(qtest_readl(s, 0xb8), ==, SID(0));
    g_assert_cmphex(qtest_readl(s, 0xc0), ==, 0x18000000);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_free(r2);
    r2 = cmd(s, "s390_io_intr");
    g_assert_cmpstr(r2, ==, "OK none");
    qtest_quit(s);
}

/* An unknown command: unit check with command-reject concurrent sense. */
static void test_unit_check(void)
{
    QTestState *s = start("-device ccw-testdev");

    enable_sch(s, SID(0), 0);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    qtest_writel(s, SCHIB_ADDR + 24, 0x00000001); /* concurrent sense */
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    setup_sense_id(s, 1);
    qtest_writeb(s, CCW_ADDR, 0x02); /* a read */
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    /* primary, secondary, alert; ESW format and E (the ECW holds sense) */
    g_assert_cmphex(irb_ctrl(s), ==, 0x4017);
    g_assert_cmphex(qtest_readw(s, IRB_ADDR) & 0x0402, ==, 0x0402);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 8), ==, 0x0e);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 16), ==, 0x01200000);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 32), ==, 0x80);
    qtest_quit(s);
}

static void test_busy_halt_clear(void)
{
    QTestState *s = start("-device ccw-testdev,delay-ns=1000000");

    enable_sch(s, SID(0), 2);
    setup_sense_id(s, 7);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 2);
    g_assert_cmpint(inst(s, "s390_xsch 0x%x", SID(0)), ==, 2);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    g_assert_cmphex(irb_ctrl(s), ==, 0x40c0); /* start, sch+dev active */
    /* halt: performed at once, the program never completes */
    g_assert_cmpint(inst(s, "s390_hsch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(s, "s390_hsch 0x%x", SID(0)), ==, 1);
    qtest_clock_step(s, 2000000);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x6007);
    g_assert_cmpint(qtest_readb(s, DATA_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    /* asynchronous completion on the virtual clock */
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tpi 0"), ==, 0);
    qtest_clock_step(s, 1000000);
    qtest_writel(s, 0xc0, 0);
    g_assert_cmpint(inst(s, "s390_tpi 0"), ==, 0); /* CR6 masks ISC 2 */
    g_free(cmd(s, "s390_cr6 0x20000000"));
    g_assert_cmpint(inst(s, "s390_tpi 0"), ==, 1);
    g_assert_cmphex(qtest_readl(s, 0xbc), ==, 7);
    g_assert_cmphex(qtest_readl(s, 0xc0), ==, 0x10000000);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4007);
    g_assert_cmphex(qtest_readb(s, DATA_ADDR), ==, 0xff);
    /* clear: always cc 0, ends with status pending alone */
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_csch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x1001);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 13), ==, 0); /* LPUM reset */
    /* resume without a suspended program: busy */
    g_assert_cmpint(inst(s, "s390_rsch 0x%x", SID(0)), ==, 2);
    g_assert_cmpint(inst(s, "s390_csch 0x%x", SID(9)), ==, 3);
    qtest_quit(s);
}

/*
 * A clock near INT64_MAX: the delayed completion waits until the clock
 * gets there (the device's "now + delay" saturates), it does not wrap to
 * a deadline in the past and complete at once.
 */
static void test_delay_at_clock_end(void)
{
    QTestState *s = start("-device ccw-testdev,delay-ns=1000000");

    enable_sch(s, SID(0), 2);
    setup_sense_id(s, 9);
    qtest_clock_set(s, INT64_MAX - 1000);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    qtest_clock_step(s, 10);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    g_assert_cmphex(irb_ctrl(s), ==, 0x40c0); /* still active */
    g_assert_cmpint(qtest_readb(s, DATA_ADDR), ==, 0);
    g_assert_cmpint(qtest_clock_step(s, 1000000), ==, INT64_MAX);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4007);
    g_assert_cmphex(qtest_readb(s, DATA_ADDR), ==, 0xff);
    qtest_quit(s);
}

/* SENSE ID, then a NOOP that suspends; RSCH after the flag is cleared. */
static void test_suspend_resume(void)
{
    QTestState *s = start("-device ccw-testdev");

    enable_sch(s, SID(0), 0);
    setup_sense_id(s, 5);
    qtest_writeq(s, CCW_ADDR, 0xe4600007ull << 32 | DATA_ADDR);
    qtest_writeq(s, CCW_ADDR + 8, 0x03020000ull << 32);
    qtest_writel(s, ORB_ADDR + 4, 0x0880ff00); /* suspend control */
    g_assert_cmpint(inst(s, "s390_rsch 0x%x", SID(0)), ==, 2);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_rsch 0x%x", SID(0)), ==, 1);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    /* start function, suspended, intermediate status */
    g_assert_cmphex(irb_ctrl(s), ==, 0x4029);
    g_assert_cmphex(qtest_readw(s, IRB_ADDR) & 0x0800, ==, 0x0800);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 16);
    g_assert_cmphex(qtest_readb(s, DATA_ADDR), ==, 0xff);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    qtest_writeb(s, CCW_ADDR + 9, 0);
    g_assert_cmpint(inst(s, "s390_rsch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4007);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 16);
    qtest_quit(s);
}

/* Run the channel program at CCW_ADDR (format 1, ORB word 1 @ctrl). */
static void run_program(QTestState *s, uint32_t ctrl)
{
    qtest_writel(s, ORB_ADDR, 9);
    qtest_writel(s, ORB_ADDR + 4, ctrl);
    qtest_writel(s, ORB_ADDR + 8, CCW_ADDR);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
}

/*
 * Channel-program errors the channel detects: a TIC designating another
 * TIC, a command code whose low four bits are zero, a suspend flag while
 * the ORB does not allow suspension. Each is a program check (status
 * pending with primary, secondary and alert status), CPA = CCW + 8.
 */
static void test_program_check(void)
{
    QTestState *s = start("-device ccw-testdev");

    enable_sch(s, SID(0), 0);
    qtest_writeq(s, CCW_ADDR, 0x08000000ull << 32 | (CCW_ADDR + 0x10));
    qtest_writeq(s, CCW_ADDR + 0x10, 0x08000000ull << 32 | (CCW_ADDR + 0x20));
    qtest_writeq(s, CCW_ADDR + 0x20, 0x03200000ull << 32);
    run_program(s, 0x0080ff00);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4017);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 9), ==, 0x20);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 0x18);
    /* one TIC is fine */
    qtest_writeq(s, CCW_ADDR + 0x10, 0x03200000ull << 32);
    run_program(s, 0x0080ff00);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4007);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 9), ==, 0);
    /* invalid command code */
    qtest_writeq(s, CCW_ADDR, 0x40200007ull << 32 | DATA_ADDR);
    run_program(s, 0x0080ff00);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4017);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 8), ==, 0);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 9), ==, 0x20);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 8);
    /* suspend flag without suspend control in the ORB */
    qtest_writeq(s, CCW_ADDR, 0x03220000ull << 32);
    run_program(s, 0x0080ff00);
    g_assert_cmphex(irb_ctrl(s), ==, 0x4017);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 9), ==, 0x20);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 4), ==, CCW_ADDR + 8);
    qtest_quit(s);
}

static void test_program_exceptions(void)
{
    QTestState *s = start("-device ccw-testdev");

    /* subsystem-id word (one bit, reserved bits, css id without M, M
     * without MCSS-E), alignment, outside RAM (also straddling its end) */
    static const struct {
        const char *line;
        int pgm;
    } cases[] = {
        { "s390_stsch 0 0x1000", PGM_OPERAND },
        { "s390_stsch 0x00110000 0x1000", PGM_OPERAND },
        { "s390_stsch 0x01010000 0x1000", PGM_OPERAND },
        { "s390_stsch 0x00090000 0x1000", PGM_OPERAND },
        { "s390_hsch 0x0", PGM_OPERAND },
        { "s390_csch 0x00110000", PGM_OPERAND },
        { "s390_stsch 0x10000 0x1002", PGM_SPECIFICATION },
        { "s390_ssch 0x10000 0x2001", PGM_SPECIFICATION },
        { "s390_tsch 0x10000 0x5003", PGM_SPECIFICATION },
        { "s390_tpi 0x6002", PGM_SPECIFICATION },
        { "s390_stcrw 0x6101", PGM_SPECIFICATION },
        { "s390_chsc 0x10008", PGM_SPECIFICATION },
        { "s390_stsch 0x10000 0x8000000", PGM_ADDRESSING },
        { "s390_tsch 0x10000 0x7ffffc0", PGM_ADDRESSING },
        { "s390_stcrw 0x8000000", PGM_ADDRESSING },
        { "s390_chsc 0x8000000", PGM_ADDRESSING },
        { "s390_schm 0x4 0", PGM_OPERAND },       /* reserved bits */
        { "s390_schm 0x2 0x10008", PGM_OPERAND }, /* origin alignment */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpint(inst(s, "%s", cases[i].line), ==, -cases[i].pgm);
    }
    g_assert_cmpint(inst(s, "s390_schm 0x3 0x10000"), ==, 0);
    /* reserved ORB fields */
    enable_sch(s, SID(0), 0);
    setup_sense_id(s, 1);
    qtest_writeb(s, ORB_ADDR + 7, 0x02);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==,
                    -PGM_OPERAND);
    qtest_writeb(s, ORB_ADDR + 7, 0);
    qtest_writel(s, ORB_ADDR + 8, 0x80000000 | CCW_ADDR);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==,
                    -PGM_OPERAND);
    /* CHSC request length */
    qtest_writel(s, CHSC_ADDR, 0x000c0010);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, -PGM_OPERAND);
    qtest_quit(s);
}

static uint32_t stcrw(QTestState *s, int expect_cc)
{
    g_assert_cmpint(inst(s, "s390_stcrw 0x%x", CRW_ADDR), ==, expect_cc);
    return qtest_readl(s, CRW_ADDR);
}

static void test_crw_hotplug(void)
{
    QTestState *s = start("-device ccw-testdev");
    g_autofree char *p0 = NULL, *p1 = NULL;

    p0 = cmd(s, "s390_crw_pending");
    g_assert_cmpstr(p0, ==, "OK 0");
    g_assert_cmphex(stcrw(s, 1), ==, 0);
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'ccw-testdev', 'id': 'hp'}}");
    p1 = cmd(s, "s390_crw_pending");
    g_assert_cmpstr(p1, ==, "OK 1");
    /* subchannel report, installed parameters initialized, sch 1 */
    g_assert_cmphex(stcrw(s, 0), ==, 0x03040001);
    g_assert_cmphex(stcrw(s, 1), ==, 0);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==, 0);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'hp'}}");
    g_assert_cmphex(stcrw(s, 0), ==, 0x03040001);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==, 3);
    qtest_quit(s);
}

static void test_chsc(void)
{
    QTestState *s = start(
        "-device ccw-testdev,devno=fe.0.1234 -device ccw-testdev,devno=fe.0.5678");

    /* store subchannel description, subchannels 0-2 */
    chsc_request(s, 0x10, 0x0004);
    qtest_writew(s, CHSC_ADDR + 6, 0);
    qtest_writew(s, CHSC_ADDR + 10, 2);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 16), ==, 0x00680001);
    g_assert_cmphex(qtest_readb(s, CHSC_ADDR + 24), ==, 0xc0);
    g_assert_cmphex(qtest_readw(s, CHSC_ADDR + 26), ==, 0x1234);
    g_assert_cmphex(qtest_readb(s, CHSC_ADDR + 28), ==, 0x80);
    g_assert_cmphex(qtest_readw(s, CHSC_ADDR + 24 + 32 + 2), ==, 0x5678);
    g_assert_cmphex(qtest_readw(s, CHSC_ADDR + 24 + 32 + 6), ==, 1);
    g_assert_cmphex(qtest_readb(s, CHSC_ADDR + 24 + 64), ==, 0);
    /* last before first */
    qtest_writew(s, CHSC_ADDR + 6, 3);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 16), ==, 0x00080003);
    /* store channel-subsystem characteristics: MCSS-E (bit 45) */
    chsc_request(s, 0x10, 0x0010);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 16), ==, 0x0ff00001);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 24 + 4), ==, 0x00040000);
    /* store event information: none; unknown command */
    chsc_request(s, 0x10, 0x000e);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 16), ==, 0x00080005);
    chsc_request(s, 0x10, 0x0077);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 16), ==, 0x00080004);
    /* set domain attributes: unknown operation code */
    chsc_request(s, 0x400, 0x0031);
    qtest_writew(s, CHSC_ADDR + 6, 0x0009);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 0x400), ==, 0x00080101);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/css/enumerate", test_enumerate);
    g_test_add_func("/css/msch", test_msch);
    g_test_add_func("/css/ssch-tsch", test_ssch_tsch);
    g_test_add_func("/css/unit-check", test_unit_check);
    g_test_add_func("/css/busy-halt-clear", test_busy_halt_clear);
    g_test_add_func("/css/delay-at-clock-end", test_delay_at_clock_end);
    g_test_add_func("/css/suspend-resume", test_suspend_resume);
    g_test_add_func("/css/program-check", test_program_check);
    g_test_add_func("/css/program-exceptions", test_program_exceptions);
    g_test_add_func("/css/crw-hotplug", test_crw_hotplug);
    g_test_add_func("/css/chsc", test_chsc);
    return g_test_run();
}
