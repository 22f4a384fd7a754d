/*
 * The channel programs Linux's dasd_eckd driver and dasdfmt build for a
 * 3390 in the compatible disk layout (CDL), run against the engine:
 * multi-track format (Locate Record format write + Write CKD / Write CKD
 * Next Track, counts only with SLI), the volume analysis (Read Count in a
 * read-data domain), the CDL special records (Read Key and Data
 * multi-track), 4 KiB block writes and reads across a track boundary,
 * Write Record 0, end-of-file records, Write Key and Data, Read Record 0
 * through Locate Record, and the 3390 track capacity.
 */
#include "test-dasd-fixture.h"
#include <fcntl.h>

#define BLK 4096
#define RPT 12 /* 4 KiB records per 3390 track */

static const uint16_t trk0_dl[3] = { 24, 144, 80 }; /* IPL1, IPL2, VOL1 */

/* Locate Record data: byte 0 orientation|operation */
static void lr_data(uint8_t *lr, uint8_t op, uint8_t n, uint32_t trk, uint8_t r,
                    uint16_t len)
{
    memset(lr, 0, 16);
    lr[0] = op;
    lr[1] = len ? 0x80 : 0; /* length valid */
    lr[3] = n;
    stw_be_p(lr + 4, trk / 15);
    stw_be_p(lr + 6, trk % 15);
    stw_be_p(lr + 8, trk / 15);
    stw_be_p(lr + 10, trk % 15);
    lr[12] = r;
    stw_be_p(lr + 14, len);
}

/* Count field of record @r on track @trk */
static void count_of(uint8_t *c, uint32_t trk, uint8_t r, uint8_t kl,
                     uint16_t dl)
{
    stw_be_p(c, trk / 15);
    stw_be_p(c + 2, trk % 15);
    c[4] = r;
    c[5] = kl;
    stw_be_p(c + 6, dl);
}

/* The key and data length of record @r on CDL track @trk */
static void cdl_sizes(uint32_t trk, int r, uint8_t *kl, uint16_t *dl)
{
    *kl = 0;
    *dl = BLK;
    if (trk == 0 && r <= 3) {
        *kl = 4;
        *dl = trk0_dl[r - 1];
    } else if (trk == 1) {
        *kl = 44;
        *dl = 96;
    }
}

/* dasdfmt: one program formatting tracks @first..@last in CDL */
static void format_cdl(Fixture *f, uint32_t first, uint32_t last)
{
    static uint8_t de[16], lr[16], counts[CCW_PROG_MAX_CCWS][8];
    int i = 2;

    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0xc0, first / 15, first % 15, last / 15, last % 15);
    lr_data(lr, 0x03, RPT * (last - first + 1), first, 0, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    for (uint32_t t = first; t <= last; t++) {
        for (int r = 1; r <= RPT; r++, i++) {
            uint8_t kl;
            uint16_t dl;

            cdl_sizes(t, r, &kl, &dl);
            count_of(counts[i], t, r, kl, dl);
            ccw(f, i, r == 1 && t != first ? 0x9d : 0x1d,
                CCW_FLAG_SLI | CCW_FLAG_CC, 8, counts[i]);
        }
    }
    f->prog[(i - 1) * 8 + 1] &= ~CCW_FLAG_CC;
    run(f);
    assert_ok(f, i * 8, 0);
}

/* Track @trk as the image file holds it (a static buffer per call slot) */
static const uint8_t *track_in_file(Fixture *f, uint32_t trk)
{
    static uint8_t buf[2][CKD_3390_SLOT];
    static int next;
    uint8_t *b = buf[next++ % 2];
    int fd = open(f->path, O_RDONLY);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pread(fd, b, CKD_3390_SLOT,
                          512 + (off_t)trk * CKD_3390_SLOT),
                    ==, CKD_3390_SLOT);
    close(fd);
    return b;
}

static void test_format_multitrack(Fixture *f, gconstpointer data)
{

    format_cdl(f, 0, 4);
    for (uint32_t t = 0; t <= 4; t++) {
        const uint8_t *p = track_in_file(f, t);
        uint32_t off = 5 + 16; /* after HA and R0 (dl 8) */

        g_assert_cmpuint(p[5 + 4], ==, 0); /* R0 kept */
        for (int r = 1; r <= RPT; r++) {
            uint8_t want[8], kl;
            uint16_t dl;

            cdl_sizes(t, r, &kl, &dl);
            count_of(want, t, r, kl, dl);
            g_assert_cmpmem(p + off, 8, want, 8);
            off += 8 + kl + dl;
        }
        g_assert_cmpmem(p + off, 8, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);
    }
}

/* The analysis: counts of R1-R4 of track 0 and R1 of track 2 */
static void test_analysis(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr0[16], lr2[16], cnt[5][8], want[8];

    format_cdl(f, 0, 2);
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 0, 0, 2);
    lr_data(lr0, 0x06, 4, 0, 0, 0);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr0);
    for (int i = 0; i < 4; i++) {
        ccw(f, 2 + i, 0x12, CCW_FLAG_CC, 8, cnt[i]);
    }
    lr_data(lr2, 0x06, 1, 2, 0, 0);
    ccw(f, 6, 0x47, CCW_FLAG_CC, 16, lr2);
    ccw(f, 7, 0x12, 0, 8, cnt[4]);
    run(f);
    assert_ok(f, 64, 0);
    for (int r = 1; r <= 4; r++) {
        uint8_t kl;
        uint16_t dl;

        cdl_sizes(0, r, &kl, &dl);
        count_of(want, 0, r, kl, dl);
        g_assert_cmpmem(cnt[r - 1], 8, want, 8);
    }
    count_of(want, 2, 1, 0, BLK);
    g_assert_cmpmem(cnt[4], 8, want, 8);
}

/* The format check: Read Count (no MT bit) through a two-track domain */
static void test_format_check(Fixture *f, gconstpointer data)
{
    static uint8_t cnt[2 * RPT][8];
    uint8_t de[16], lr[16], want[8];

    format_cdl(f, 2, 3);
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 2, 0, 3);
    lr_data(lr, 0x06, 2 * RPT, 2, 0, 0);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    for (int i = 0; i < 2 * RPT; i++) {
        ccw(f, 2 + i, 0x12, i < 2 * RPT - 1 ? CCW_FLAG_CC : 0, 8, cnt[i]);
    }
    run(f);
    assert_ok(f, (2 + 2 * RPT) * 8, 0);
    for (int i = 0; i < 2 * RPT; i++) {
        count_of(want, 2 + i / RPT, 1 + i % RPT, 0, BLK);
        g_assert_cmpmem(cnt[i], 8, want, 8);
    }
}

/* Blocks 0-2 of a CDL volume: Read Key and Data multi-track */
static void test_cdl_special_reads(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], buf[3][148];

    /* a fresh dasdinit volume has IPL1, IPL2, VOL1 with 4-byte keys */
    define_extent(f, 0, de, 0x40, 0, 0, 0, 0);
    lr_data(lr, 0x06, 3, 0, 1, 28);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    for (int i = 0; i < 3; i++) {
        ccw(f, 2 + i, 0x8e, i < 2 ? CCW_FLAG_CC : 0, 4 + trk0_dl[i], buf[i]);
    }
    run(f);
    assert_ok(f, 40, 0);
    g_assert_cmpmem(buf[0], 4, "\xc9\xd7\xd3\xf1", 4); /* IPL1 */
    g_assert_cmpmem(buf[1], 4, "\xc9\xd7\xd3\xf2", 4); /* IPL2 */
    g_assert_cmpmem(buf[2], 8, "\xe5\xd6\xd3\xf1\xe5\xd6\xd3\xf1", 8);
}

/* Write 2 blocks from R12 of track 2 on (crossing to track 3), read them */
static void test_block_io_across_tracks(Fixture *f, gconstpointer data)
{
    g_autofree uint8_t *out = g_malloc(2 * BLK);
    g_autofree uint8_t *in = g_malloc0(2 * BLK);
    uint8_t de[16], lr[16];

    format_cdl(f, 2, 3);
    for (int i = 0; i < 2 * BLK; i++) {
        out[i] = i * 13 + 5;
    }
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x80, 0, 2, 0, 3);
    lr_data(lr, 0x01, 2, 2, 12, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x85, CCW_FLAG_CC, BLK, out);
    ccw(f, 3, 0x85, 0, BLK, out + BLK);
    run(f);
    assert_ok(f, 32, 0);

    g_assert_cmpmem(track_in_file(f, 2) + 21 + 11 * (8 + BLK) + 8, BLK, out,
                    BLK);
    g_assert_cmpmem(track_in_file(f, 3) + 21 + 8, BLK, out + BLK, BLK);

    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 2, 0, 3);
    lr_data(lr, 0x06, 2, 2, 12, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x86, CCW_FLAG_CC, BLK, in);
    ccw(f, 3, 0x86, 0, BLK, in + BLK);
    run(f);
    assert_ok(f, 32, 0);
    g_assert_cmpmem(in, 2 * BLK, out, 2 * BLK);

    /* a Write Data in a read domain is out of sequence */
    define_extent(f, 0, de, 0x80, 0, 2, 0, 3);
    ccw(f, 3, 0x85, 0, BLK, in + BLK);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 32);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);
}

/* dasdfmt with record zero: LR oriented to HA, Write R0, Write CKD */
static void test_write_r0(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], r0[8], c[RPT][8], buf[16];

    define_extent(f, 0, de, 0xc0, 0, 5, 0, 5);
    lr_data(lr, 0x43, RPT + 1, 5, 0, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    count_of(r0, 5, 0, 0, 8);
    ccw(f, 2, 0x15, CCW_FLAG_SLI | CCW_FLAG_CC, 8, r0);
    for (int r = 1; r <= RPT; r++) {
        count_of(c[r - 1], 5, r, 0, BLK);
        ccw(f, 2 + r, 0x1d, CCW_FLAG_SLI | (r < RPT ? CCW_FLAG_CC : 0), 8,
            c[r - 1]);
    }
    run(f);
    assert_ok(f, (3 + RPT) * 8, 0);
    g_assert_cmpmem(track_in_file(f, 5) + 5, 8, r0, 8);
    g_assert_cmpmem(track_in_file(f, 5) + 21, 8, c[0], 8);

    /* Read Record 0 through Locate Record (read any, from the index) */
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 5, 0, 5);
    lr_data(lr, 0xd6, 1, 5, 0, 0);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x16, 0, 16, buf);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(buf, 8, r0, 8);

    /* the file mask that inhibits writing HA and R0 (only) refuses it */
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x00, 0, 5, 0, 5);
    lr_data(lr, 0x43, 1, 5, 0, 8);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x15, CCW_FLAG_SLI, 8, r0);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 24);
}

/* dasdfmt's "invalidate track": R1 as an end-of-file record */
static void test_eof_record(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], c[8], buf[BLK];

    define_extent(f, 0, de, 0xc0, 0, 6, 0, 6);
    lr_data(lr, 0x03, 1, 6, 0, 8);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    count_of(c, 6, 1, 0, 0);
    ccw(f, 2, 0x1d, CCW_FLAG_SLI, 8, c);
    run(f);
    assert_ok(f, 24, 0);

    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 6, 0, 6);
    lr_data(lr, 0x06, 2, 6, 1, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x86, CCW_FLAG_CC | CCW_FLAG_SLI, BLK, buf);
    ccw(f, 3, 0x86, CCW_FLAG_SLI, BLK, buf);
    run(f);
    /* unit exception on the first read, the chain ends there */
    g_assert_cmphex(f->res.dstat, ==,
                    SCSW_DSTAT_CE | SCSW_DSTAT_DE | SCSW_DSTAT_UE);
    g_assert_cmpuint(f->res.cpa, ==, 24);
    g_assert_cmpuint(f->res.count, ==, BLK);
}

/* fdasd: Write Key and Data multi-track on the VTOC track, read back */
static void test_write_kd(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], out[140], in[140];

    format_cdl(f, 1, 1);
    for (int i = 0; i < 140; i++) {
        out[i] = 0xc0 + i % 50;
    }
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x80, 0, 1, 0, 1);
    lr_data(lr, 0x01, 1, 1, 3, 140);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x8d, 0, 140, out);
    run(f);
    assert_ok(f, 24, 0);

    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 1, 0, 1);
    lr_data(lr, 0x06, 1, 1, 3, 140);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x8e, 0, 140, in);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(in, 140, out, 140);
}

/* The 3390 capacity: 12 records of 4 KiB fit, the 13th does not */
static void test_capacity(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], c[RPT + 1][8];

    g_assert_cmpuint(ckd_3390_records_per_track(0, 512), ==, 49);
    g_assert_cmpuint(ckd_3390_records_per_track(0, 1024), ==, 33);
    g_assert_cmpuint(ckd_3390_records_per_track(0, 2048), ==, 21);
    g_assert_cmpuint(ckd_3390_records_per_track(0, 4096), ==, 12);
    g_assert_cmpuint(ckd_3390_records_per_track(0, CKD_3390_R1MAX), ==, 1);
    g_assert_cmpuint(ckd_3390_records_per_track(44, 96), >=, 12);

    define_extent(f, 0, de, 0xc0, 0, 7, 0, 7);
    lr_data(lr, 0x03, RPT + 1, 7, 0, BLK);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    for (int r = 1; r <= RPT + 1; r++) {
        count_of(c[r - 1], 7, r, 0, BLK);
        ccw(f, 1 + r, 0x1d, CCW_FLAG_SLI | (r <= RPT ? CCW_FLAG_CC : 0), 8,
            c[r - 1]);
    }
    run(f);
    assert_uc(f, 0, DASD_SENSE1_INVALID_TRACK, (2 + RPT + 1) * 8);
}

/* Define Extent of 32 bytes: the extended parameter with a time stamp */
static void test_define_extent_xrc(Fixture *f, gconstpointer data)
{
    uint8_t de[32] = { 0 }, lr[16], cnt[8];

    de[0] = 0x40;
    de[1] = 0xc0;
    de[7] = 0x08 | 0x02; /* time stamp valid, extended parameter */
    stw_be_p(de + 14, 14);
    memset(de + 16, 0x5a, 8); /* the TOD clock */
    ccw(f, 0, 0x63, CCW_FLAG_CC, 32, de);
    lr_data(lr, 0x06, 1, 0, 0, 0);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x12, 0, 8, cnt);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(cnt, 8, "\0\0\0\0\1\4\0\x18", 8);

    /* without the extended parameter 32 bytes are an incorrect length */
    de[7] = 0;
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_INCORR_LEN);
    g_assert_cmpuint(f->res.cpa, ==, 8);
}

/* A domain of 3 records with 2 reads after it: reject, incomplete domain */
static void test_domain_incomplete(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], cnt[2][8];

    define_extent(f, 0, de, 0x40, 0, 0, 0, 0);
    lr_data(lr, 0x06, 3, 0, 0, 0);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 16, lr);
    ccw(f, 2, 0x12, CCW_FLAG_CC, 8, cnt[0]);
    ccw(f, 3, 0x12, 0, 8, cnt[1]);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT | DASD_SENSE0_INCOMPLETE_DOMAIN, 0, 32);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);
}

/*
 * A Locate Record whose search finds no record, or whose track is outside
 * the extent, took its 16 parameter bytes first: residual 0, as Hercules
 * answers too. A count too short for them is rejected before any byte
 * moves: the whole count is residual.
 */
static void test_locate_residual(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], buf[64];

    define_extent(f, 0, de, 0x40, 0, 0, 0, 1);
    locate(f, 1, lr, 0x06, 1, 0, 0, 9);
    ccw(f, 2, 0x86, 0, sizeof(buf), buf);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_NO_RECORD, 16);
    g_assert_cmpuint(f->res.count, ==, 0);
    locate(f, 1, lr, 0x06, 1, 0, 2, 1);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);
    g_assert_cmpuint(f->res.count, ==, 0);
    locate(f, 1, lr, 0x06, 1, 0, 0, 1);
    ccw(f, 1, 0x47, CCW_FLAG_CC, 8, lr);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 16);
    g_assert_cmpuint(f->res.count, ==, 8);
    g_assert_cmphex(f->res.cstat, ==, 0);
}

/* File mask seek control: inhibit seek and multi-track, seek head only */
static void test_seek_mask(Fixture *f, gconstpointer data)
{
    uint8_t de[16], id[5] = { 0, 0, 0, 0, 3 }, seek[6] = { 0 };

    define_extent(f, 0, de, 0x40 | 0x18, 0, 0, 0, 14);
    ccw(f, 1, 0xb1, 0, 5, id);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);
    /* the single-track search is allowed */
    ccw(f, 1, 0x31, 0, 5, id);
    run(f);
    g_assert_cmphex(f->res.dstat & SCSW_DSTAT_UC, ==, 0);
    /* but a Seek is not */
    ccw(f, 1, 0x07, 0, 6, seek);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);

    /* seek head only: another head yes, another cylinder no */
    define_extent(f, 0, de, 0x40 | 0x10, 0, 0, 1, 14);
    seek[5] = 3;
    run(f);
    assert_ok(f, 16, 0);
    seek[3] = 1;
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);
}

#define ADD(name, fn)                                                          \
    g_test_add("/dasd-linux/" name, Fixture, NULL, fx_setup, fn, fx_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("format-multitrack", test_format_multitrack);
    ADD("analysis", test_analysis);
    ADD("format-check", test_format_check);
    ADD("cdl-special-reads", test_cdl_special_reads);
    ADD("block-io-across-tracks", test_block_io_across_tracks);
    ADD("write-r0", test_write_r0);
    ADD("eof-record", test_eof_record);
    ADD("write-kd", test_write_kd);
    ADD("capacity", test_capacity);
    ADD("define-extent-xrc", test_define_extent_xrc);
    ADD("domain-incomplete", test_domain_incomplete);
    ADD("locate-residual", test_locate_residual);
    ADD("seek-mask", test_seek_mask);
    return g_test_run();
}
