/*
 * vfio-ccw end to end on the simulated host: a sim-dasd-3390 object (a
 * 3390 on a CKD image in a temporary directory) passed through with
 * -device vfio-ccw. The test plays the guest CPU: STSCH/MSCH, channel
 * programs started with SSCH, the I/O interruption, TSCH, and checks what
 * a guest would see (IRB, storage) and what reached the image file.
 * Rules: docs/system/s390x/css.rst, docs/devel/ccw-translation.rst,
 * docs/system/s390x/sim-dasd.rst.
 */
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

static void fx_start(Fx *f, const char *machine, const char *extra)
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
static void fx_start_std(Fx *f, int64_t latency)
{
    g_autofree char *extra = NULL;

    f->dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f->img = g_build_filename(f->dir, "d.img", NULL);
    f->latency = latency;
    extra = g_strdup_printf("-object sim-dasd-3390,id=d0,busid=0.0.1234,"
                            "file=%s,model=3390-1,latency-ns=%" PRId64 " "
                            "-device vfio-ccw,id=v0,hostid=0.0.1234",
                            f->img, latency);
    fx_start(f, ",s390-map-css=on", extra);
}

static void fx_end(Fx *f)
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

static void sch_enable(QTestState *s, uint32_t sid)
{
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
    qtest_writel(s, SCHIB_ADDR, 0xcafe0000u);
    qtest_writew(s, SCHIB_ADDR + 4, (ISC << 11) | 0x0080 | 0x0001);
    qtest_writel(s, SCHIB_ADDR + 24, 0x00000001); /* concurrent sense */
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", sid, SCHIB_ADDR), ==, 0);
}

static void ccw1(QTestState *s, uint32_t addr, uint8_t cmd, uint8_t flags,
                 uint16_t count, uint32_t cda)
{
    qtest_writeq(s, addr,
                 (uint64_t)cmd << 56 | (uint64_t)flags << 48 |
                     (uint64_t)count << 32 | cda);
}

static void orb(QTestState *s, uint16_t ctrl0, uint32_t cpa)
{
    qtest_writel(s, ORB_ADDR, INTPARM);
    qtest_writel(s, ORB_ADDR + 4, (uint32_t)ctrl0 << 16 | 0xff00);
    qtest_writel(s, ORB_ADDR + 8, cpa);
}

/* The I/O interruption, polled (the sim completes from the main loop) */
static gchar *io_intr_wait(QTestState *s)
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

static void expect_intr(QTestState *s, uint32_t sid)
{
    g_autofree char *want = g_strdup_printf("OK 0x%08x 0x%08x %d", sid, INTPARM,
                                            ISC);
    g_autofree char *got = io_intr_wait(s);

    g_assert_cmpstr(got, ==, want);
}

static void expect_no_intr(QTestState *s)
{
    for (int i = 0; i < 20; i++) {
        g_autofree char *r = cmd(s, "s390_io_intr");

        g_assert_cmpstr(r, ==, "OK none");
        g_usleep(1000);
    }
}

/* SSCH the ORB, take the interruption, TSCH: the IRB is at IRB_ADDR */
static void run_prog(Fx *f, uint32_t sid)
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

static uint16_t irb_flags(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR);
}
static uint16_t irb_ctrl(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR + 2);
}
static uint32_t irb_cpa(QTestState *s)
{
    return qtest_readl(s, IRB_ADDR + 4);
}
static uint8_t irb_dstat(QTestState *s)
{
    return qtest_readb(s, IRB_ADDR + 8);
}
static uint8_t irb_cstat(QTestState *s)
{
    return qtest_readb(s, IRB_ADDR + 9);
}
static uint16_t irb_count(QTestState *s)
{
    return qtest_readw(s, IRB_ADDR + 10);
}

static void assert_ok(QTestState *s, uint32_t cpa, uint16_t residual)
{
    g_assert_cmphex(irb_flags(s), ==, 0x0080); /* format 1, cc 0, no ESW */
    g_assert_cmphex(irb_ctrl(s), ==, CTRL_START_DONE);
    g_assert_cmphex(irb_dstat(s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cstat(s), ==, 0);
    g_assert_cmphex(irb_cpa(s), ==, cpa);
    g_assert_cmpuint(irb_count(s), ==, residual);
}

/* Unit check with concurrent sense: sense bytes 0 and 1 */
static void assert_uc(QTestState *s, uint32_t cpa, uint8_t s0, uint8_t s1)
{
    g_assert_cmphex(irb_ctrl(s), ==, CTRL_START_ALERT);
    g_assert_cmphex(irb_flags(s) & 0x0400, ==, 0x0400); /* ESW format */
    g_assert_cmphex(irb_dstat(s), ==, DSTAT_CE_DE | DSTAT_UC);
    g_assert_cmphex(irb_cstat(s), ==, 0);
    g_assert_cmphex(irb_cpa(s), ==, cpa);
    g_assert_cmphex(qtest_readl(s, IRB_ADDR + 16), ==, 0x01200000);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 32), ==, s0);
    g_assert_cmphex(qtest_readb(s, IRB_ADDR + 33), ==, s1);
}

/* A channel-program check the channel found at guest CCW @at */
static void assert_prog_check(QTestState *s, uint32_t at, uint16_t ctrl,
                              uint8_t dstat)
{
    g_assert_cmphex(irb_ctrl(s), ==, ctrl);
    g_assert_cmphex(irb_dstat(s), ==, dstat);
    g_assert_cmphex(irb_cstat(s), ==, CSTAT_PROG);
    g_assert_cmphex(irb_cpa(s), ==, at + 8);
}

/* ---- DASD channel programs (ECKD) ---- */

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

/*
 * Define Extent over cylinder @cyl (all heads) with file @mask, then
 * Locate Record @op for @n records at @cyl/@head, record @r. CCWs at
 * CCW_ADDR, CCW_ADDR + 8; the parameters at PARM_ADDR.
 */
static void de_lr(QTestState *s, uint8_t mask, uint16_t cyl, uint8_t op,
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
static void format_r1(Fx *f, uint16_t cyl, uint16_t head)
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
static void rw_r1(Fx *f, uint8_t cmd, uint16_t cyl, uint16_t head, uint32_t buf,
                  const uint64_t *idal, int nidaws)
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

static void pattern(uint8_t *p, size_t len, unsigned seed)
{
    for (size_t i = 0; i < len; i++) {
        p[i] = (uint8_t)(i * 7 + seed + (i >> 8));
    }
}

/* @len bytes of the image at R1's data on @cyl/@head */
static void image_r1(Fx *f, uint16_t cyl, uint16_t head, uint8_t *out,
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

static gchar *qom_str(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gchar *str = g_strdup(json_node_get_string(n));

    json_node_unref(n);
    return str;
}

static void test_enumerate(void)
{
    Fx f = { 0 };
    g_autofree char *dev_id = NULL, *subch_id = NULL;

    fx_start_std(&f, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 4), ==, 0x0001); /* DNV */
    g_assert_cmphex(qtest_readb(f.s, SCHIB_ADDR + 11), ==, 0x80);  /* PIM */
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==,
                    3);
    /* disabled: not operational */
    orb(f.s, ORB_FMT1, CCW_ADDR);
    g_assert_cmpint(inst(f.s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 3);
    sch_enable(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readl(f.s, SCHIB_ADDR), ==, 0xcafe0000u);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 4), ==, (ISC << 11) | 0x0081);
    g_assert_cmphex(qtest_readl(f.s, SCHIB_ADDR + 24) & 1, ==, 1);
    dev_id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    subch_id = qom_str(f.s, "/machine/peripheral/v0", "subch_id");
    g_assert_cmpstr(dev_id, ==, "fe.0.1234");
    g_assert_cmpstr(subch_id, ==, "fe.0.0000");
    fx_end(&f);
}

/* ---- 2: SENSE ID ---- */

static void test_sense_id(void)
{
    static const uint8_t want[12] = { 0xff, 0x39, 0x90, 0xc2, 0x33, 0x90,
                                      0x02, 0x00, 0x40, 0xfa, 0x01, 0x00 };
    Fx f = { 0 };
    uint8_t id[13];

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    qtest_memset(f.s, DATA_ADDR, 0xaa, 256);
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 256, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(qtest_readl(f.s, 0xb8), ==, SID(0));
    g_assert_cmphex(qtest_readl(f.s, 0xbc), ==, INTPARM);
    assert_ok(f.s, CCW_ADDR + 8, 256 - 12);
    qtest_memread(f.s, DATA_ADDR, id, sizeof(id));
    g_assert_cmpmem(id, 12, want, 12);
    g_assert_cmphex(id[12], ==, 0xaa); /* nothing stored beyond */
    /* no status left */
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    fx_end(&f);
}

/* ---- 3: Define Extent + Locate Record + Write/Read Data ---- */

static void test_write_read(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *out = g_malloc(REC_LEN);
    g_autofree uint8_t *file = g_malloc(REC_LEN + 8);
    uint8_t count[8];
    static const uint8_t want_count[8] = { 0, 2, 0, 3, 1, 0, 0x10, 0 };
    /* format-2 IDALs that scatter the record over pages far apart */
    const uint64_t widal[2] = { 0x50800, 0x53000 };
    const uint64_t ridal[2] = { 0x60400, 0x66000 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* direct: R1 on cylinder 2, head 3 */
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 1);
    qtest_memwrite(f.s, WBUF_ADDR, in, REC_LEN);
    rw_r1(&f, 0x05, 2, 3, WBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memset(f.s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(&f, 0x06, 2, 3, RBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    image_r1(&f, 2, 3, file, REC_LEN + 8, count);
    g_assert_cmpmem(count, 8, want_count, 8);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    g_assert_cmpmem(file + REC_LEN, 8, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);

    /* IDAL: R1 on cylinder 2, head 4; 2 KiB + 2 KiB, then 3 KiB + 1 KiB */
    format_r1(&f, 2, 4);
    pattern(in, REC_LEN, 77);
    qtest_memwrite(f.s, widal[0], in, 2048);
    qtest_memwrite(f.s, widal[1], in + 2048, 2048);
    qtest_memset(f.s, 0x51000, 0x55, 2048); /* the gap is not data */
    rw_r1(&f, 0x05, 2, 4, 0, widal, 2);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memset(f.s, 0x60000, 0, 0x7000);
    rw_r1(&f, 0x06, 2, 4, 0, ridal, 2);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, ridal[0], out, 3072);
    qtest_memread(f.s, ridal[1], out + 3072, 1024);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    g_assert_cmphex(qtest_readb(f.s, 0x61000), ==, 0);
    g_assert_cmphex(qtest_readb(f.s, ridal[1] + 1024), ==, 0);
    image_r1(&f, 2, 4, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    /* read back directly what went in through the IDAL */
    qtest_memset(f.s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(&f, 0x06, 2, 4, RBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    /* the first record is untouched */
    image_r1(&f, 2, 3, file, REC_LEN, NULL);
    pattern(in, REC_LEN, 1);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

/*
 * Format-1 IDAWs (31-bit, 2 KiB blocks); a short Read Data (incorrect
 * length, then SLI); the record read again by a new emulator on the
 * same image.
 */
static void test_idaw1_restart(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *out = g_malloc(REC_LEN);
    g_autofree char *extra = NULL;
    static const uint32_t idal[3] = { 0x50400, 0x58000, 0x5a800 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    format_r1(&f, 9, 14);
    pattern(in, REC_LEN, 33);
    qtest_memwrite(f.s, idal[0], in, 1024);
    qtest_memwrite(f.s, idal[1], in + 1024, 2048);
    qtest_memwrite(f.s, idal[2], in + 3072, 1024);
    for (int i = 0; i < 3; i++) {
        qtest_writel(f.s, IDAL_ADDR + 4 * i, idal[i]);
    }
    de_lr(f.s, 0x00, 9, 0x01, 1, 14, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x05, F_IDA, REC_LEN, IDAL_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 24, 0);
    image_r1(&f, 9, 14, out, REC_LEN, NULL);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);

    /* 100 bytes more than the record: incorrect length, residual 100 */
    de_lr(f.s, 0x40, 9, 0x06, 1, 14, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x06, 0, REC_LEN + 100, RBUF_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_ctrl(f.s), ==, CTRL_START_ALERT);
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cstat(f.s), ==, 0x40);
    g_assert_cmpuint(irb_count(f.s), ==, 100);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 24);
    ccw1(f.s, CCW_ADDR + 16, 0x06, F_SLI, REC_LEN + 100, RBUF_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 24, 100);
    qtest_quit(f.s);

    /* a new emulator on the same file reads the record back */
    extra = g_strdup_printf("-object sim-dasd-3390,id=d0,busid=0.0.1234,"
                            "file=%s -device vfio-ccw,id=v0,hostid=0.0.1234",
                            f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    sch_enable(f.s, SID(0));
    qtest_memset(f.s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(&f, 0x06, 9, 14, RBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

/* ---- 4: s390-map-css and guest ids ---- */

static void expect_start_error(Fx *f, const char *args, const char *text)
{
    g_autofree char *full = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1 "
        "-object sim-dasd-3390,id=d1,busid=1.0.1234,file=%s.1,model=3390-1 "
        "%s",
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

static void test_map_css(void)
{
    Fx f = { 0 };
    g_autofree char *extra = NULL, *id = NULL;

    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);

    /* off: host css 1 is kept; visible once MCSS-E is enabled */
    extra = g_strdup_printf("-object sim-dasd-3390,id=d1,busid=1.0.1234,"
                            "file=%s,model=3390-1 "
                            "-device vfio-ccw,id=v0,hostid=1.0.1234",
                            f.img);
    fx_start(&f, ",s390-map-css=off", extra);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "1.0.1234");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    sda(f.s, 0x0000);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x01090000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3); /* css 0 is image fe: empty */
    /* and it works there: SENSE ID with the M bit */
    sch_enable(f.s, 0x01090000);
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 12, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, 0x01090000);
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0xff3990c2);
    qtest_quit(f.s);

    /* a Linux bus id (always 0.ssid.devno) with the host css in cssid= */
    g_free(extra);
    extra = g_strdup_printf("-object sim-dasd-3390,id=d1,busid=0.0.1234,"
                            "cssid=2,file=%s,model=3390-1 "
                            "-device vfio-ccw,id=v0,hostid=0.0.1234",
                            f.img);
    fx_start(&f, ",s390-map-css=off", extra);
    g_free(id);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "2.0.1234");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    qtest_quit(f.s);

    /* on, with a guest id: devno 4321 in the default css */
    g_free(extra);
    extra = g_strdup_printf("-object sim-dasd-3390,id=d0,busid=0.0.1234,"
                            "file=%s,model=3390-1 "
                            "-device vfio-ccw,id=v0,hostid=0.0.1234,"
                            "guestid=fe.0.4321",
                            f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    g_free(id);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "fe.0.4321");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x4321);
    qtest_quit(f.s);
    f.s = NULL;

    /* guest ids in the wrong css */
    expect_start_error(&f,
                       "-machine s390-map-css=on "
                       "-device vfio-ccw,hostid=0.0.1234,guestid=0.0.4321",
                       "qemu-system-s390x: -device vfio-ccw,hostid=0.0.1234,"
                       "guestid=0.0.4321: with s390-map-css=on the guest id "
                       "must be in css fe, not 0");
    expect_start_error(&f, "-device vfio-ccw,hostid=1.0.1234,guestid=2.0.1234",
                       "with s390-map-css=off the guest id must be in the "
                       "host's css 1, not 2");
    fx_end(&f);
}

/* ---- 5: HSCH and CSCH while the program is in flight ---- */

#define LATENCY 1000000

static void start_write_in_flight(Fx *f, const uint8_t *data)
{
    qtest_memwrite(f->s, WBUF_ADDR, data, REC_LEN);
    de_lr(f->s, 0x00, 2, 0x01, 1, 3, 1);
    ccw1(f->s, CCW_ADDR + 16, 0x05, 0, REC_LEN, WBUF_ADDR);
    orb(f->s, ORB_FMT1, CCW_ADDR);
    g_assert_cmpint(inst(f->s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    /* in flight: SSCH busy, TSCH shows start function, active */
    g_assert_cmpint(inst(f->s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    g_assert_cmpint(inst(f->s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    g_assert_cmphex(irb_ctrl(f->s), ==, 0x40c0);
    expect_no_intr(f->s);
}

/* After the function ended: nothing else arrives, the image has zeros */
static void assert_never_completed(Fx *f)
{
    g_autofree uint8_t *file = g_malloc(REC_LEN);
    g_autofree uint8_t *zero = g_malloc0(REC_LEN);

    qtest_clock_step(f->s, 4 * LATENCY);
    expect_no_intr(f->s);
    g_assert_cmpint(inst(f->s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    image_r1(f, 2, 3, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, zero, REC_LEN);
}

static void test_halt_clear(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *out = g_malloc(REC_LEN);

    fx_start_std(&f, LATENCY);
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 9);

    /* halt */
    start_write_in_flight(&f, in);
    g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, 1);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x6007); /* start + halt */
    g_assert_cmphex(irb_dstat(f.s), ==, 0);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    assert_never_completed(&f);

    /* clear */
    start_write_in_flight(&f, in);
    g_assert_cmpint(inst(f.s, "s390_csch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x1001); /* clear, pending alone */
    g_assert_cmphex(irb_dstat(f.s), ==, 0);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    assert_never_completed(&f);

    /* the device works afterwards: write and read back */
    qtest_memwrite(f.s, WBUF_ADDR, in, REC_LEN);
    rw_r1(&f, 0x05, 2, 3, WBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memset(f.s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(&f, 0x06, 2, 3, RBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

/*
 * Suspend: SENSE ID, then a NOOP with the suspend flag (ORB suspend
 * control); the guest clears the flag and resumes with RSCH.
 */
static void test_suspend_resume(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    qtest_memset(f.s, DATA_ADDR, 0, 16);
    ccw1(f.s, CCW_ADDR, 0xe4, F_CC | F_SLI, 12, DATA_ADDR);
    ccw1(f.s, CCW_ADDR + 8, 0x03, 0x02, 0, 0);
    orb(f.s, ORB_FMT1 | 0x0800, CCW_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x4029); /* suspended, intermediate */
    g_assert_cmphex(irb_flags(f.s) & 0x0800, ==, 0x0800);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0xff3990c2);
    g_assert_cmpint(inst(f.s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    /* resumed with the flag still set: suspends again at the same CCW */
    qtest_writel(f.s, DATA_ADDR, 0);
    g_assert_cmpint(inst(f.s, "s390_rsch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x4029);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0); /* not run again */
    qtest_writeb(f.s, CCW_ADDR + 9, 0);
    g_assert_cmpint(inst(f.s, "s390_rsch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, CTRL_START_DONE);
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    fx_end(&f);
}

/* ---- 6: error paths ---- */

static void test_program_checks(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *file = g_malloc(REC_LEN);

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* CCW outside guest RAM */
    orb(f.s, ORB_FMT1, RAM_END);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, RAM_END, CTRL_PCHK_AT_START, 0);

    /* CCW address not on a doubleword */
    orb(f.s, ORB_FMT1, CCW_ADDR + 4);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 4, CTRL_PCHK_AT_START, 0);

    /* TIC to TIC: the check is at the second TIC */
    ccw1(f.s, CCW_ADDR, 0x08, 0, 0, CCW_ADDR + 8);
    ccw1(f.s, CCW_ADDR + 8, 0x08, 0, 0, CCW_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 8, CTRL_PCHK_AT_START, 0);

    /*
     * Write Data of R1, then a CCW whose data is outside RAM: the write
     * is done (it is in the image), the channel stops at the bad CCW.
     */
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 5);
    qtest_memwrite(f.s, WBUF_ADDR, in, REC_LEN);
    de_lr(f.s, 0x00, 2, 0x01, 1, 3, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x05, F_CC, REC_LEN, WBUF_ADDR);
    ccw1(f.s, CCW_ADDR + 24, 0xe4, 0, 12, RAM_END - 4);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 24, 0x4017, DSTAT_CE_DE);
    image_r1(&f, 2, 3, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

static void test_unit_checks(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* no record found: R1 on a track that has only R0 */
    de_lr(f.s, 0x40, 5, 0x06, 1, 0, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x06, 0, REC_LEN, RBUF_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 16, 0x00, 0x08);

    /* file protected: Locate Record outside the Define Extent */
    de_lr(f.s, 0x00, 2, 0x01, 1, 3, 1);
    qtest_writew(f.s, PARM_ADDR + 16 + 4, 7); /* seek to cylinder 7 */
    qtest_writew(f.s, PARM_ADDR + 16 + 8, 7);
    ccw1(f.s, CCW_ADDR + 16, 0x05, 0, REC_LEN, WBUF_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 16, 0x00, 0x04);

    /* command reject: an unknown command */
    ccw1(f.s, CCW_ADDR, 0xf4, 0, 8, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 8, 0x80, 0x00);
    g_assert_cmphex(qtest_readb(f.s, IRB_ADDR + 32 + 7), ==, 0x01);

    /* without concurrent sense: no sense in the IRB, Sense gets it */
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    qtest_writel(f.s, SCHIB_ADDR + 24, 0);
    g_assert_cmpint(inst(f.s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE | DSTAT_UC);
    g_assert_cmphex(irb_flags(f.s) & 0x0400, ==, 0);
    qtest_memset(f.s, DATA_ADDR, 0xee, 32);
    ccw1(f.s, CCW_ADDR, 0x04, 0, 32, DATA_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readb(f.s, DATA_ADDR), ==, 0x80);
    g_assert_cmphex(qtest_readb(f.s, DATA_ADDR + 7), ==, 0x01);
    fx_end(&f);
}

static void expect_qmp_error(QTestState *s, JsonObject *rsp, const char *text)
{
    JsonObject *err;
    const char *desc;

    g_assert_true(qmp_rsp_is_err(rsp));
    err = json_object_get_object_member(rsp, "error");
    desc = json_object_get_string_member(err, "desc");
    if (!strstr(desc, text)) {
        g_test_message("desc: %s", desc);
    }
    g_assert_nonnull(strstr(desc, text));
    json_object_unref(rsp);
}

static uint32_t stcrw(QTestState *s, int expect_cc)
{
    g_assert_cmpint(inst(s, "s390_stcrw 0x%x", CRW_ADDR), ==, expect_cc);
    return qtest_readl(s, CRW_ADDR);
}

static void test_host_errors(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    /* the host device is taken */
    expect_qmp_error(
        f.s,
        qtest_qmp(f.s,
                  "{'execute': 'device_add', "
                  "'arguments': {'driver': 'vfio-ccw', 'id': 'v1', "
                  "'hostid': '0.0.1234', 'guestid': 'fe.0.5555'}}"),
        "Host device '0.0.1234' is already in use");
    /* no such host device */
    expect_qmp_error(f.s,
                     qtest_qmp(f.s,
                               "{'execute': 'device_add', "
                               "'arguments': {'driver': 'vfio-ccw', 'id': "
                               "'v1', "
                               "'hostid': '0.0.9999'}}"),
                     "Host device '0.0.9999' not found");
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==,
                    3);
    fx_end(&f);

    f = (Fx){ 0 };
    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);
    expect_start_error(&f,
                       "-device vfio-ccw,hostid=0.0.1234 "
                       "-device vfio-ccw,hostid=0.0.1234,guestid=0.0.5555",
                       "-device vfio-ccw,hostid=0.0.1234,guestid=0.0.5555: "
                       "Host device '0.0.1234' is already in use");
    expect_start_error(&f, "-device vfio-ccw,hostid=0.0.4444",
                       "-device vfio-ccw,hostid=0.0.4444: Host device "
                       "'0.0.4444' not found");
    fx_end(&f);
}

static void test_unplug_replug(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'device_del', 'arguments': "
                             "{'id': 'v0'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    /* the host device is free again */
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'vfio-ccw', 'id': 'v2', "
                             "'hostid': '0.0.1234'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    sch_enable(f.s, SID(0));
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 12, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR + 4), ==, 0x33900200);
    fx_end(&f);
}

/*
 * The host object cannot go while a device uses it; a device unplugged
 * with a program in flight: the program never completes, nothing is
 * delivered, the host device is free for the next one.
 */
static void test_unplug_in_flight(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);

    fx_start_std(&f, LATENCY);
    expect_qmp_error(f.s,
                     qtest_qmp(f.s,
                               "{'execute': 'object-del', "
                               "'arguments': {'id': 'd0'}}"),
                     "object 'd0' is in use, can not be deleted");
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 21);
    start_write_in_flight(&f, in);
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'device_del', 'arguments': "
                             "{'id': 'v0'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    qtest_clock_step(f.s, 4 * LATENCY);
    expect_no_intr(f.s);
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 3);
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'vfio-ccw', 'id': 'v0', "
                             "'hostid': '0.0.1234'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    assert_never_completed(&f);
    /* unused now: the object may go, and then the device cannot come */
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'device_del', 'arguments': "
                             "{'id': 'v0'}}");
    qtest_qmp_assert_success(f.s,
                             "{'execute': 'object-del', 'arguments': "
                             "{'id': 'd0'}}");
    expect_qmp_error(f.s,
                     qtest_qmp(f.s,
                               "{'execute': 'device_add', "
                               "'arguments': {'driver': 'vfio-ccw', 'id': "
                               "'v0', "
                               "'hostid': '0.0.1234'}}"),
                     "Host device '0.0.1234' not found");
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw/enumerate", test_enumerate);
    g_test_add_func("/vfio-ccw/sense-id", test_sense_id);
    g_test_add_func("/vfio-ccw/write-read", test_write_read);
    g_test_add_func("/vfio-ccw/idaw1-restart", test_idaw1_restart);
    g_test_add_func("/vfio-ccw/map-css", test_map_css);
    g_test_add_func("/vfio-ccw/halt-clear", test_halt_clear);
    g_test_add_func("/vfio-ccw/suspend-resume", test_suspend_resume);
    g_test_add_func("/vfio-ccw/program-checks", test_program_checks);
    g_test_add_func("/vfio-ccw/unit-checks", test_unit_checks);
    g_test_add_func("/vfio-ccw/host-errors", test_host_errors);
    g_test_add_func("/vfio-ccw/unplug-replug", test_unplug_replug);
    g_test_add_func("/vfio-ccw/unplug-in-flight", test_unplug_in_flight);
    return g_test_run();
}
