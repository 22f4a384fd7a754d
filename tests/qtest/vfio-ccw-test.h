/*
 * Helpers shared by the vfio-ccw functional tests (vfio-ccw-test.c: the
 * normal paths, vfio-ccw-err-test.c: halt/clear, suspend and the error
 * paths): a machine with a sim-dasd-3390 passed through with vfio-ccw,
 * the guest side of channel programs, and the ECKD programs.
 */
#ifndef VFIO_CCW_TEST_H
#define VFIO_CCW_TEST_H

#include <fcntl.h>
#include <inttypes.h>
#include <unistd.h>

#include "css-test.h"

/* Guest storage used here beside css-test.h's layout */
#define PARM_ADDR 0x7000 /* Define Extent (16) + Locate Record (16) */
#define IDAL_ADDR 0x7100
#define WREC_ADDR 0x20000 /* count + data of Write Count Key and Data */
#define WBUF_ADDR 0x30000
#define RBUF_ADDR 0x40000
#define RAM_END   0x8000000 /* the machine's default 128 MiB */

#define REC_LEN  4096
#define TRK_SLOT 56832
#define ISC      3
#define INTPARM  0x12345678u

/* CCW flags and SCSW fields as the guest sees them */
#define F_CC             0x40
#define F_SLI            0x20
#define F_IDA            0x04
#define ORB_FMT1         0x0080
#define ORB_C64          0x0002
#define CTRL_START_DONE  0x4007 /* start, primary + secondary + pending */
#define CTRL_START_ALERT 0x4017
/* a program check before any command reached the device: no device status */
#define CTRL_PCHK_AT_START 0x4017
#define DSTAT_CE_DE        0x0c
#define DSTAT_UC           0x02
#define CSTAT_PROG         0x20

typedef struct Fx {
    char *dir;
    char *img;
    QTestState *s;
    int64_t latency; /* the sim's latency-ns */
} Fx;

static inline void fx_start(Fx *f, const char *machine, const char *extra)
{
    g_autofree char *args = NULL;

    if (!f->dir) {
        f->dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
        g_assert_nonnull(f->dir);
        f->img = g_build_filename(f->dir, "d.img", NULL);
    }
    args = g_strdup_printf("-machine s390-ccw-virtio%s -nodefaults %s",
                           machine ? machine : "", extra);
    f->s = qtest_init(args);
    g_free(cmd(f->s, "s390_cr6 0x%x", 0x80000000u >> ISC));
}

/* The usual set-up: map-css on, the DASD at 0.0.1234 as v0 */
static inline void fx_start_std(Fx *f, int64_t latency)
{
    g_autofree char *extra = NULL;

    f->dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f->img = g_build_filename(f->dir, "d.img", NULL);
    f->latency = latency;
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,cache=unsafe,latency-ns=%" PRId64
        " -device vfio-ccw,id=v0,hostid=0.0.1234",
        f->img, latency);
    fx_start(f, ",s390-map-css=on", extra);
}

static inline void fx_end(Fx *f)
{
    g_autoptr(GDir) d = NULL;
    const char *name;

    qtest_quit(f->s); /* NULL is accepted */
    f->s = NULL;
    d = g_dir_open(f->dir, 0, NULL);
    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(f->dir, name, NULL);

        unlink(p);
    }
    rmdir(f->dir);
    g_free(f->dir);
    g_free(f->img);
}

/* ---- guest side helpers ---- */

static inline void sch_enable(QTestState *s, uint32_t sid)
{
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
    qtest_writel(s, SCHIB_ADDR, 0xcafe0000u);
    qtest_writew(s, SCHIB_ADDR + 4, (ISC << 11) | 0x0080 | 0x0001);
    qtest_writel(s, SCHIB_ADDR + 24, 0x00000001); /* concurrent sense */
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
}

static inline void ccw1(QTestState *s, uint32_t addr, uint8_t cmd,
                        uint8_t flags, uint16_t count, uint32_t cda)
{
    qtest_writeq(s, addr,
                 (uint64_t)cmd << 56 | (uint64_t)flags << 48 |
                     (uint64_t)count << 32 | cda);
}

static inline void orb(QTestState *s, uint16_t ctrl0, uint32_t cpa)
{
    qtest_writel(s, ORB_ADDR, INTPARM);
    qtest_writel(s, ORB_ADDR + 4, (uint32_t)ctrl0 << 16 | 0xff00);
    qtest_writel(s, ORB_ADDR + 8, cpa);
}

/* The I/O interruption, polled (the sim completes from the main loop) */
static inline gchar *io_intr_wait(QTestState *s)
{
    for (int i = 0; i < 2000; i++) {
        gchar *r = cmd(s, "s390_io_intr");

        if (strcmp(r, "OK none")) {
            return r;
        }
        g_free(r);
        g_usleep(1000);
    }
    return g_strdup("OK none");
}

static inline void expect_intr(QTestState *s, uint32_t sid)
{
    g_autofree char *want = g_strdup_printf("OK 0x%08x 0x%08x %d", sid, INTPARM,
                                            ISC);
    g_autofree char *got = io_intr_wait(s);

    g_assert_cmpstr(got, ==, want);
}

static inline void expect_no_intr(QTestState *s)
{
    for (int i = 0; i < 20; i++) {
        g_autofree char *r = cmd(s, "s390_io_intr");

        g_assert_cmpstr(r, ==, "OK none");
        g_usleep(1000);
    }
}

/* SSCH the ORB, take the interruption, TSCH: the IRB is at IRB_ADDR */
static inline void run_prog(Fx *f, uint32_t sid)
{
    QTestState *s = f->s;

    qtest_memset(s, IRB_ADDR, 0xee, 96);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", sid, ORB_ADDR), ==, 0);
    if (f->latency) {
        qtest_clock_step(s, f->latency);
    }
    expect_intr(s, sid);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", sid, IRB_ADDR), ==, 0);
}

static inline uint16_t irb_flags(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR);
}
static inline uint16_t irb_ctrl(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR + 2);
}
static inline uint32_t irb_cpa(QTestState *s)
{
    return qtest_readl(s, IRB_ADDR + 4);
}
static inline uint8_t irb_dstat(QTestState *s)
{
    return qtest_readb(s, IRB_ADDR + 8);
}
static inline uint8_t irb_cstat(QTestState *s)
{
    return qtest_readb(s, IRB_ADDR + 9);
}
static inline uint16_t irb_count(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR + 10);
}

static inline void assert_ok(QTestState *s, uint32_t cpa, uint16_t residual)
{
    g_assert_cmphex(irb_flags(s), ==, 0x0080); /* format 1, cc 0, no ESW */
    g_assert_cmphex(irb_ctrl(s), ==, CTRL_START_DONE);
    g_assert_cmphex(irb_dstat(s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cstat(s), ==, 0);
    g_assert_cmphex(irb_cpa(s), ==, cpa);
    g_assert_cmpuint(irb_count(s), ==, residual);
}

/* Unit check with concurrent sense: sense bytes 0 and 1 */
static inline void assert_uc(QTestState *s, uint32_t cpa, uint8_t s0,
                             uint8_t s1)
{
    g_assert_cmphex(irb_ctrl(s), ==, CTRL_START_ALERT);
    /* ESW format, and E: the ECW holds the concurrent sense */
    g_assert_cmphex(irb_flags(s) & 0x0402, ==, 0x0402);
    g_assert_cmphex(irb_dstat(s), ==, DSTAT_CE_DE | DSTAT_UC);
    g_assert_cmphex(irb_cstat(s), ==, 0);
    g_assert_cmphex(irb_cpa(s), ==, cpa);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 16), ==, 0x01200000);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 32), ==, s0);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 33), ==, s1);
}

/* A channel-program check the channel found at guest CCW @at */
static inline void assert_prog_check(QTestState *s, uint32_t at, uint16_t ctrl,
                                     uint8_t dstat)
{
    g_assert_cmphex(irb_ctrl(s), ==, ctrl);
    g_assert_cmphex(irb_dstat(s), ==, dstat);
    g_assert_cmphex(irb_cstat(s), ==, CSTAT_PROG);
    g_assert_cmphex(irb_cpa(s), ==, at + 8);
}

/* ---- DASD channel programs (ECKD) ---- */

static inline void put16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

/*
 * Define Extent over cylinder @cyl (all heads) with file @mask, then
 * Locate Record @op for @n records at @cyl/@head, record @r. CCWs at
 * CCW_ADDR, CCW_ADDR + 8; the parameters at PARM_ADDR.
 */
static inline void de_lr(QTestState *s, uint8_t mask, uint16_t cyl, uint8_t op,
                         uint8_t n, uint16_t head, uint8_t r)
{
    uint8_t p[32] = { 0 };

    p[0] = mask;
    p[1] = 0xc0;
    put16(p + 8, cyl);
    put16(p + 12, cyl);
    put16(p + 14, 14);
    p[16] = op;
    p[19] = n;
    put16(p + 20, cyl);
    put16(p + 22, head);
    put16(p + 24, cyl);
    put16(p + 26, head);
    p[28] = r;
    qtest_memwrite(s, PARM_ADDR, p, sizeof(p));
    ccw1(s, CCW_ADDR, 0x63, F_CC, 16, PARM_ADDR);
    ccw1(s, CCW_ADDR + 8, 0x47, F_CC, 16, PARM_ADDR + 16);
}

/* Format R1 (no key, 4096 bytes of zeros) on @cyl/@head */
static inline void format_r1(Fx *f, uint16_t cyl, uint16_t head)
{
    uint8_t count[8] = { cyl >> 8, cyl, head >> 8,    head,
                         1,        0,   REC_LEN >> 8, REC_LEN & 0xff };

    qtest_memset(f->s, WREC_ADDR, 0, 8 + REC_LEN);
    qtest_memwrite(f->s, WREC_ADDR, count, 8);
    de_lr(f->s, 0xc0, cyl, 0x03, 1, head, 0);
    ccw1(f->s, CCW_ADDR + 16, 0x1d, 0, 8 + REC_LEN, WREC_ADDR);
    orb(f->s, ORB_FMT1, CCW_ADDR);
    run_prog(f, SID(0));
    assert_ok(f->s, CCW_ADDR + 24, 0);
}

/*
 * Write Data (0x05) or Read Data (0x06) of R1 on @cyl/@head: direct at
 * @buf, or with @idal (format-2 IDAWs at IDAL_ADDR, @nidaws of them).
 */
static inline void rw_r1(Fx *f, uint8_t cmd, uint16_t cyl, uint16_t head,
                         uint32_t buf, const uint64_t *idal, int nidaws)
{
    QTestState *s = f->s;

    de_lr(s, cmd == 0x05 ? 0x00 : 0x40, cyl, cmd == 0x05 ? 0x01 : 0x06, 1, head,
          1);
    if (idal) {
        for (int i = 0; i < nidaws; i++) {
            qtest_writeq(s, IDAL_ADDR + 8 * i, idal[i]);
        }
        ccw1(s, CCW_ADDR + 16, cmd, F_IDA, REC_LEN, IDAL_ADDR);
        orb(s, ORB_FMT1 | ORB_C64, CCW_ADDR);
    } else {
        ccw1(s, CCW_ADDR + 16, cmd, 0, REC_LEN, buf);
        orb(s, ORB_FMT1, CCW_ADDR);
    }
    run_prog(f, SID(0));
}

/* Read Data of R1 at @cyl/@head into RBUF_ADDR; it must equal @want */
static inline void read_r1_expect(Fx *f, uint16_t cyl, uint16_t head,
                                  const uint8_t *want)
{
    g_autofree uint8_t *out = g_malloc(REC_LEN);

    qtest_memset(f->s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(f, 0x06, cyl, head, RBUF_ADDR, NULL, 0);
    assert_ok(f->s, CCW_ADDR + 24, 0);
    qtest_memread(f->s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, want, REC_LEN);
}

/* Write Data of @data to R1 at @cyl/@head, then read it back */
static inline void write_read_r1(Fx *f, uint16_t cyl, uint16_t head,
                                 const uint8_t *data)
{
    qtest_memwrite(f->s, WBUF_ADDR, data, REC_LEN);
    rw_r1(f, 0x05, cyl, head, WBUF_ADDR, NULL, 0);
    assert_ok(f->s, CCW_ADDR + 24, 0);
    read_r1_expect(f, cyl, head, data);
}

static inline void pattern(uint8_t *p, size_t len, unsigned seed)
{
    for (size_t i = 0; i < len; i++) {
        p[i] = (uint8_t)(i * 7 + seed + (i >> 8));
    }
}

/* @len bytes of the image at R1's data on @cyl/@head */
static inline void image_r1(Fx *f, uint16_t cyl, uint16_t head, uint8_t *out,
                            size_t len, uint8_t *count)
{
    off_t t = 512 + ((off_t)cyl * 15 + head) * TRK_SLOT;
    int fd = open(f->img, O_RDONLY);

    g_assert_cmpint(fd, >=, 0);
    if (count) {
        g_assert_cmpint(pread(fd, count, 8, t + 21), ==, 8);
    }
    g_assert_cmpint(pread(fd, out, len, t + 29), ==, (ssize_t)len);
    close(fd);
}

/* ---- 1: enumeration, MSCH, dev_id/subch_id ---- */

static inline gchar *qom_str(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gchar *str = g_strdup(json_node_get_string(n));

    json_node_unref(n);
    return str;
}

/* Start-up fails with status 1 and @text on stderr */
static inline void expect_start_error(Fx *f, const char *args, const char *text)
{
    g_autofree char *full = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,cache=unsafe "
        "-object sim-dasd-3390,id=d1,busid=1.0.1234,file=%s.1,model=3390-1,cache=unsafe %s",
        f->img, f->img, args);
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status = 0;

    out = qtest_run_cmdline(full, &status, &err);
    g_assert_cmpint(status, ==, 1);
    if (!strstr(err, text)) {
        g_test_message("stderr: %s", err);
    }
    g_assert_nonnull(strstr(err, text));
}

#endif
