/*
 * A Linux guest's life with a 3390 behind vfio-ccw on the simulated
 * host, played CCW by CCW as Linux's common I/O layer, its dasd_eckd
 * driver, dasdfmt and fdasd build the programs: set online (Sense ID,
 * path verification, RDC, RCD, PSF/RSSD), format cylinder 0 in the
 * compatible disk layout with one dasdfmt-sized program, the volume
 * analysis, a VTOC write, 4 KiB block writes and reads across a track
 * boundary, an error with its 24-byte sense, and offline (disband).
 * Every IRB is checked, and what reached the image file.
 */
#include "vfio-ccw-test.h"

#define LX_CCW  0x80000 /* the program (up to 254 CCWs) */
#define LX_PARM 0x88000 /* Define Extent, Locate Record data */
#define LX_DATA 0x90000 /* data areas */
#define LX_CNT  0xa0000 /* the counts of a format program */
#define BLK     4096
#define RPT     12

/* SSCH on path 0 only (ORB LPM 0x80), as path verification does */
static void lx_run(Fx *f)
{
    qtest_writel(f->s, ORB_ADDR, INTPARM);
    qtest_writel(f->s, ORB_ADDR + 4, (uint32_t)ORB_FMT1 << 16 | 0x8000);
    qtest_writel(f->s, ORB_ADDR + 8, LX_CCW);
    run_prog(f, SID(0));
}

static void lx_ok(Fx *f, int nccws, uint16_t residual)
{
    assert_ok(f->s, LX_CCW + nccws * 8, residual);
}

static void lx_ccw(Fx *f, int i, uint8_t cmd, uint8_t flags, uint16_t count,
                   uint32_t cda)
{
    ccw1(f->s, LX_CCW + i * 8, cmd, flags, count, cda);
}

/* Define Extent over tracks @t0..@t1 with @mask at LX_PARM */
static void lx_de(Fx *f, int i, uint8_t mask, uint32_t t0, uint32_t t1)
{
    uint8_t p[16] = { mask, 0xc0 };

    put16(p + 8, t0 / 15);
    put16(p + 10, t0 % 15);
    put16(p + 12, t1 / 15);
    put16(p + 14, t1 % 15);
    qtest_memwrite(f->s, LX_PARM, p, sizeof(p));
    lx_ccw(f, i, 0x63, F_CC, 16, LX_PARM);
}

/* Locate Record @op for @n records from track @t record @r (slot @k) */
static void lx_lr(Fx *f, int i, int k, uint8_t op, uint8_t n, uint32_t t,
                  uint8_t r, uint16_t len)
{
    uint8_t p[16] = { op, len ? 0x80 : 0, 0, n };
    uint32_t at = LX_PARM + 16 + 16 * k;

    put16(p + 4, t / 15);
    put16(p + 6, t % 15);
    put16(p + 8, t / 15);
    put16(p + 10, t % 15);
    p[12] = r;
    put16(p + 14, len);
    qtest_memwrite(f->s, at, p, sizeof(p));
    lx_ccw(f, i, 0x47, F_CC, 16, at);
}

static void lx_count(uint8_t *c, uint32_t t, uint8_t r, uint8_t kl, uint16_t dl)
{
    put16(c, t / 15);
    put16(c + 2, t % 15);
    c[4] = r;
    c[5] = kl;
    put16(c + 6, dl);
}

static void cdl_sizes(uint32_t t, int r, uint8_t *kl, uint16_t *dl)
{
    static const uint16_t trk0[3] = { 24, 144, 80 };

    *kl = 0;
    *dl = BLK;
    if (t == 0 && r <= 3) {
        *kl = 4;
        *dl = trk0[r - 1];
    } else if (t == 1) {
        *kl = 44;
        *dl = 96;
    }
}

/* Path verification, device characteristics and subsystem data */
static void lx_online(Fx *f)
{
    static const uint8_t pgid[11] = { 0,    0,    0x12, 0x34, 0x56, 0x28,
                                      0x17, 0xd9, 0x80, 0x01, 0x02 };
    uint8_t buf[512], want[12] = { 0xff, 0x39, 0x90, 0xc2, 0x33, 0x90, 0x02 };

    lx_ccw(f, 0, 0xe4, F_SLI, 256, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 256 - 12);
    qtest_memread(f->s, LX_DATA, buf, 12);
    g_assert_cmpmem(buf, 7, want, 7);

    /* SNID: reset; SPID establish multipath; SNID: grouped */
    lx_ccw(f, 0, 0x34, F_SLI, 12, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 0);
    g_assert_cmphex(qtest_readb(f->s, LX_DATA), ==, 0x00);
    want[0] = 0x80;
    memcpy(want + 1, pgid, 11);
    qtest_memwrite(f->s, LX_DATA, want, 12);
    lx_ccw(f, 0, 0xaf, F_SLI, 12, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 0);
    lx_ccw(f, 0, 0x34, F_SLI, 12, LX_DATA + 16);
    lx_run(f);
    lx_ok(f, 1, 0);
    qtest_memread(f->s, LX_DATA + 16, buf, 12);
    g_assert_cmphex(buf[0], ==, 0xc8);
    g_assert_cmpmem(buf + 1, 11, pgid, 11);

    /* RDC, RCD */
    lx_ccw(f, 0, 0x64, F_SLI, 64, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 0);
    g_assert_cmphex(qtest_readw(f->s, LX_DATA + 12), ==, 1113);
    lx_ccw(f, 0, 0xfa, F_SLI, 256, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 0);

    /* PSF SSC; PRSSD feature codes + RSSD; PRSSD UAC + RSSD */
    memset(buf, 0, 66);
    buf[0] = 0x1d;
    buf[1] = 0x80;
    buf[6] = 0xc8;
    qtest_memwrite(f->s, LX_DATA, buf, 66);
    lx_ccw(f, 0, 0x27, 0, 66, LX_DATA);
    lx_run(f);
    lx_ok(f, 1, 0);
    for (int i = 0; i < 2; i++) {
        static const uint8_t sub[2] = { 0x41, 0x0e };
        static const uint16_t len[2] = { 256, 512 };

        memset(buf, 0, 12);
        buf[0] = 0x18;
        buf[6] = sub[i];
        qtest_memwrite(f->s, LX_DATA, buf, 12);
        qtest_memset(f->s, LX_DATA + 16, 0xee, 512);
        lx_ccw(f, 0, 0x27, F_CC, 12, LX_DATA);
        lx_ccw(f, 1, 0x3e, F_SLI, len[i], LX_DATA + 16);
        lx_run(f);
        lx_ok(f, 2, 0);
        qtest_memread(f->s, LX_DATA + 16, buf, len[i]);
        if (i == 0) {
            g_assert_cmphex(buf[8] & 0x01, ==, 0); /* no Prefix */
        } else {
            g_assert_cmphex(buf[0x34 * 2], ==, 0x01); /* base device */
        }
    }
}

/* dasdfmt -d cdl of cylinder 0: one program, 2 + 15 x 12 CCWs */
static void lx_format_cyl0(Fx *f)
{
    int i = 2;

    lx_de(f, 0, 0xc0, 0, 14);
    lx_lr(f, 1, 0, 0x03, RPT * 15, 0, 0, BLK);
    for (uint32_t t = 0; t < 15; t++) {
        for (int r = 1; r <= RPT; r++, i++) {
            uint8_t c[8], kl;
            uint16_t dl;

            cdl_sizes(t, r, &kl, &dl);
            lx_count(c, t, r, kl, dl);
            qtest_memwrite(f->s, LX_CNT + i * 8, c, 8);
            lx_ccw(f, i, r == 1 && t ? 0x9d : 0x1d,
                   F_SLI | (t == 14 && r == RPT ? 0 : F_CC), 8, LX_CNT + i * 8);
        }
    }
    lx_run(f);
    lx_ok(f, i, 0);
}

/* The analysis: R1-R4 of track 0, R1 of track 2 */
static void lx_analysis(Fx *f)
{
    uint8_t got[8], want[8];

    lx_de(f, 0, 0x40, 0, 2);
    lx_lr(f, 1, 0, 0x06, 4, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        lx_ccw(f, 2 + i, 0x12, F_CC, 8, LX_DATA + 8 * i);
    }
    lx_lr(f, 6, 1, 0x06, 1, 2, 0, 0);
    lx_ccw(f, 7, 0x12, 0, 8, LX_DATA + 32);
    lx_run(f);
    lx_ok(f, 8, 0);
    for (int r = 1; r <= 5; r++) {
        uint8_t kl;
        uint16_t dl;
        uint32_t t = r == 5 ? 2 : 0;

        cdl_sizes(t, r == 5 ? 1 : r, &kl, &dl);
        lx_count(want, t, r == 5 ? 1 : r, kl, dl);
        qtest_memread(f->s, LX_DATA + 8 * (r - 1), got, 8);
        g_assert_cmpmem(got, 8, want, 8);
    }
}

static void image_track(Fx *f, uint32_t t, uint8_t *out)
{
    int fd = open(f->img, O_RDONLY);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pread(fd, out, TRK_SLOT, 512 + (off_t)t * TRK_SLOT), ==,
                    TRK_SLOT);
    close(fd);
}

static void test_linux_life(void)
{
    g_autofree uint8_t *trk = g_malloc(TRK_SLOT);
    g_autofree uint8_t *blk = g_malloc(2 * BLK);
    g_autofree uint8_t *back = g_malloc(2 * BLK);
    uint8_t dscb[140];
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    lx_online(&f);
    lx_format_cyl0(&f);
    image_track(&f, 14, trk);
    g_assert_cmphex(trk[21 + 4], ==, 1);                    /* R1 */
    g_assert_cmphex(trk[21 + 11 * (8 + BLK) + 4], ==, RPT); /* R12 */
    lx_analysis(&f);

    /* fdasd: the format-4 DSCB into R1 of the VTOC track (0/1) */
    for (int i = 0; i < 140; i++) {
        dscb[i] = i < 44 ? 0x04 : 0xf0 + i % 10;
    }
    qtest_memwrite(f.s, LX_DATA, dscb, sizeof(dscb));
    lx_de(&f, 0, 0x80, 1, 1);
    lx_lr(&f, 1, 0, 0x01, 1, 1, 1, 140);
    lx_ccw(&f, 2, 0x8d, 0, 140, LX_DATA);
    lx_run(&f);
    lx_ok(&f, 3, 0);
    image_track(&f, 1, trk);
    g_assert_cmpmem(trk + 29, 140, dscb, 140);

    /* block I/O: blocks 35 and 36 (R12 of track 2, R1 of track 3) */
    pattern(blk, 2 * BLK, 9);
    qtest_memwrite(f.s, WBUF_ADDR, blk, 2 * BLK);
    lx_de(&f, 0, 0x80, 2, 3);
    lx_lr(&f, 1, 0, 0x01, 2, 2, 12, BLK);
    lx_ccw(&f, 2, 0x85, F_CC, BLK, WBUF_ADDR);
    lx_ccw(&f, 3, 0x85, 0, BLK, WBUF_ADDR + BLK);
    lx_run(&f);
    lx_ok(&f, 4, 0);
    image_track(&f, 3, trk);
    g_assert_cmpmem(trk + 29, BLK, blk + BLK, BLK);
    lx_de(&f, 0, 0x40, 2, 3);
    lx_lr(&f, 1, 0, 0x06, 2, 2, 12, BLK);
    lx_ccw(&f, 2, 0x86, F_CC, BLK, RBUF_ADDR);
    lx_ccw(&f, 3, 0x86, 0, BLK, RBUF_ADDR + BLK);
    lx_run(&f);
    lx_ok(&f, 4, 0);
    qtest_memread(f.s, RBUF_ADDR, back, 2 * BLK);
    g_assert_cmpmem(back, 2 * BLK, blk, 2 * BLK);

    /* a read outside the extent: file protected, 24-byte sense */
    lx_lr(&f, 1, 0, 0x06, 1, 4, 1, BLK);
    lx_ccw(&f, 2, 0x86, 0, BLK, RBUF_ADDR);
    lx_run(&f);
    assert_uc(f.s, LX_CCW + 16, 0x00, 0x04);
    g_assert_cmphex(qtest_readb(f.s, IRB_ADDR + 32 + 27), ==, 0x80);

    /* offline: disband the path group */
    qtest_memset(f.s, LX_DATA, 0, 12);
    qtest_writeb(f.s, LX_DATA, 0xa0);
    lx_ccw(&f, 0, 0xaf, F_SLI, 12, LX_DATA);
    lx_run(&f);
    lx_ok(&f, 1, 0);
    lx_ccw(&f, 0, 0x34, F_SLI, 12, LX_DATA);
    lx_run(&f);
    lx_ok(&f, 1, 0);
    g_assert_cmphex(qtest_readb(f.s, LX_DATA), ==, 0x80);
    fx_end(&f);
}

/*
 * dasdfmt's default (write record zero) over tracks @t0..@t1, as Linux
 * builds it: one Locate Record (format write, oriented to the home
 * address) for RPT records per track plus one, then per track Write R0
 * and the records, each later track's R1 with Write CKD Next Track.
 */
static int lx_format_r0(Fx *f, uint32_t t0, uint32_t t1)
{
    int i = 2;

    lx_de(f, 0, 0xc0, t0, t1);
    lx_lr(f, 1, 0, 0x43, RPT * (t1 - t0 + 1) + 1, t0, 0, BLK);
    for (uint32_t t = t0; t <= t1; t++) {
        uint8_t c[8];

        lx_count(c, t, 0, 0, 8);
        qtest_memwrite(f->s, LX_CNT + i * 8, c, 8);
        lx_ccw(f, i, 0x15, F_SLI | F_CC, 8, LX_CNT + i * 8);
        i++;
        for (int r = 1; r <= RPT; r++, i++) {
            lx_count(c, t, r, 0, BLK);
            qtest_memwrite(f->s, LX_CNT + i * 8, c, 8);
            lx_ccw(f, i, r == 1 && t != t0 ? 0x9d : 0x1d,
                   F_SLI | (t == t1 && r == RPT ? 0 : F_CC), 8, LX_CNT + i * 8);
        }
    }
    lx_run(f);
    return i;
}

/* Every track of a multi-track format with record zero gets its R0 */
static void test_format_r0(void)
{
    g_autofree uint8_t *trk = g_malloc(TRK_SLOT);
    static const uint8_t junk[8] = { 0xaa, 0xaa, 0xaa, 0xaa,
                                     0xaa, 0xaa, 0xaa, 0xaa };
    Fx f = { 0 };
    int fd, n;

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    /* R0's data on tracks 30..39 is not what a format writes */
    fd = open(f.img, O_WRONLY);
    g_assert_cmpint(fd, >=, 0);
    for (uint32_t t = 30; t <= 39; t++) {
        g_assert_cmpint(pwrite(fd, junk, 8, 512 + (off_t)t * TRK_SLOT + 13), ==,
                        8);
    }
    close(fd);
    n = lx_format_r0(&f, 30, 39);
    lx_ok(&f, n, 0);
    for (uint32_t t = 30; t <= 39; t++) {
        uint8_t want[8];

        image_track(&f, t, trk);
        lx_count(want, t, 0, 0, 8);
        g_assert_cmpmem(trk + 5, 8, want, 8);
        g_assert_cmpmem(trk + 13, 8, "\0\0\0\0\0\0\0\0", 8);
        for (int r = 1; r <= RPT; r++) {
            lx_count(want, t, r, 0, BLK);
            g_assert_cmpmem(trk + 21 + (r - 1) * (8 + BLK), 8, want, 8);
        }
        g_assert_cmpmem(trk + 21 + RPT * (8 + BLK), 8,
                        "\xff\xff\xff\xff\xff\xff\xff\xff", 8);
    }
    fx_end(&f);
}

/*
 * The analysis on a volume whose first tracks were never formatted (the
 * image holds zeros there, as an extended file does): Linux takes "no
 * record found" on the search for the analysis records as "unformatted",
 * which a 3390 answers for a track without records.
 */
static void test_unformatted(void)
{
    g_autofree uint8_t *zero = g_malloc0(TRK_SLOT);
    Fx f = { 0 };
    int fd;

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    fd = open(f.img, O_WRONLY);
    g_assert_cmpint(fd, >=, 0);
    for (uint32_t t = 0; t <= 2; t++) {
        g_assert_cmpint(pwrite(fd, zero, TRK_SLOT, 512 + (off_t)t * TRK_SLOT),
                        ==, TRK_SLOT);
    }
    close(fd);
    lx_de(&f, 0, 0x40, 0, 2);
    lx_lr(&f, 1, 0, 0x06, 4, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        lx_ccw(&f, 2 + i, 0x12, F_CC, 8, LX_DATA + 8 * i);
    }
    qtest_writeb(f.s, LX_CCW + 5 * 8 + 1, 0);
    lx_run(&f);
    assert_uc(f.s, LX_CCW + 2 * 8, 0x00, 0x08); /* no record found */
    /* Read Record 0 of an unformatted track: no record either */
    lx_de(&f, 0, 0x40, 1, 1);
    lx_lr(&f, 1, 0, 0x56, 1, 1, 0, 0);
    lx_ccw(&f, 2, 0x16, F_SLI, 8, LX_DATA);
    lx_run(&f);
    assert_uc(f.s, LX_CCW + 3 * 8, 0x00, 0x08);
    fx_end(&f);
}

/*
 * A Read Data whose Locate Record domain spans the volume walks 16,000
 * empty tracks: it runs in slices between which the emulator serves its
 * clients (the I/O is still in progress when the next command comes),
 * and ends as one run would, file protected at the end of the extent.
 */
static void test_long_walk(void)
{
    g_autofree char *want = g_strdup_printf("OK 0x%08x 0x%08x %d", SID(0),
                                            INTPARM, ISC);
    g_autofree char *got = NULL;
    int answered;
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    lx_de(&f, 0, 0x40, 1, 1113 * 15 - 1);
    lx_lr(&f, 1, 0, 0x46, 1, 1, 0, 0);
    lx_ccw(&f, 2, 0x06, 0, BLK, LX_DATA);
    qtest_writel(f.s, ORB_ADDR, INTPARM);
    qtest_writel(f.s, ORB_ADDR + 4, (uint32_t)ORB_FMT1 << 16 | 0x8000);
    qtest_writel(f.s, ORB_ADDR + 8, LX_CCW);
    qtest_memset(f.s, IRB_ADDR, 0xee, 96);
    g_assert_cmpint(inst(f.s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    /* still running: no status yet */
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    for (answered = 0; answered < 60000; answered++) {
        g_free(got);
        got = cmd(f.s, "s390_io_intr");
        if (strcmp(got, "OK none")) {
            break;
        }
        g_usleep(500);
    }
    g_assert_cmpstr(got, ==, want);
    /* hundreds of slices: the emulator answered between them */
    g_test_message("%d polls answered during the walk", answered);
    g_assert_cmpint(answered, >=, 20);
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    assert_uc(f.s, LX_CCW + 3 * 8, 0x00, 0x04); /* file protected */
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dasd-linux/life", test_linux_life);
    g_test_add_func("/dasd-linux/format-r0", test_format_r0);
    g_test_add_func("/dasd-linux/unformatted", test_unformatted);
    g_test_add_func("/dasd-linux/long-walk", test_long_walk);
    return g_test_run();
}
