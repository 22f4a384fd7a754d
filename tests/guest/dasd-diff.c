/*
 * The differential DASD program: one table of channel programs of the
 * kinds Linux's dasd_eckd driver, dasdfmt and fdasd issue (Sense ID, path
 * groups, RDC, RCD, PSF/RSSD, a compatible-disk-layout format of cylinder
 * 0, the volume label and a VTOC with a format-4, format-5 and format-1
 * DSCB, Locate Record reads and writes, dasdfmt's default format with
 * record zero, Reserve/Release, the classic Seek/Search/TIC/Read, error
 * cases, and the channel's data chaining, SKIP and IDAWs), run in order
 * against the first 3390 on a 3990 it finds. For every step it records the SSCH and TSCH condition
 * codes, the SCSW, the start of the data area and, after a unit check,
 * the 32 sense bytes, in the result area at DIFF_RES, so that the same
 * binary run on another implementation (Hercules) can be compared with
 * this one field by field (tests/hercules/dasd-diff-test.c). It needs
 * nothing but the subchannel and I/O interruptions: no console, no SCLP.
 */
#include "guest-io.h"

#define ISC      3
#define BLK      4096
#define RPT      12
#define DIFF_RES 0x200000UL
#define DIFF_MAG 0x44494646U /* "DIFF" */

/* one record of the result area (tests/hercules/dasd-diff-test.c) */
typedef struct DiffRec {
    uint16_t step;
    uint8_t ssch_cc;
    uint8_t tsch_cc;
    uint8_t got_int;
    uint8_t sense_cc; /* TSCH cc of the SENSE after a unit check, 0xff none */
    uint8_t pad[2];
    uint8_t scsw[12];
    uint32_t ccw_base; /* the program's address: CPA - base = offset */
    uint32_t data_sum; /* FNV-1a of the data area's first data_len bytes */
    uint16_t data_len;
    uint8_t pad2[2];
    uint8_t sense[32];
    uint8_t data[64];
} __attribute__((packed)) DiffRec;

typedef struct DiffHead {
    uint32_t magic;
    uint32_t steps;
    uint32_t sid;
    uint32_t devno;
    uint8_t pad[112];
} __attribute__((packed)) DiffHead;

#define HEAD ((volatile DiffHead *)DIFF_RES)
#define RECS ((DiffRec *)(DIFF_RES + sizeof(DiffHead)))

static GuestSchib schib;
static uint32_t orb[8] __attribute__((aligned(8)));
static uint64_t ccws[256] __attribute__((aligned(8)));
static uint8_t irb[96] __attribute__((aligned(8)));
static uint8_t parm[16 * 8] __attribute__((aligned(8)));
static uint8_t cnt[256 * 8] __attribute__((aligned(8)));
static uint8_t data[2 * BLK + 1024] __attribute__((aligned(4096)));
static uint32_t idal[4] __attribute__((aligned(8)));
static uint8_t sense[32] __attribute__((aligned(8)));
static uint32_t sid;
static unsigned nstep;

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static void ccw(int i, uint8_t cmd, uint8_t flags, uint16_t count, void *a)
{
    ccws[i] = ((uint64_t)cmd << 56) | ((uint64_t)flags << 48) |
              ((uint64_t)count << 32) | (uint32_t)(unsigned long)a;
}

#define CC  0x40
#define SLI 0x20

/* Define Extent over tracks t0..t1 with file mask @mask (parm slot 0) */
static void de(int i, uint8_t mask, uint32_t t0, uint32_t t1)
{
    uint8_t *p = parm;

    memset(p, 0, 16);
    p[0] = mask;
    p[1] = 0xc0; /* ECKD, cache normal */
    put16(p + 8, t0 / 15);
    put16(p + 10, t0 % 15);
    put16(p + 12, t1 / 15);
    put16(p + 14, t1 % 15);
    ccw(i, 0x63, CC, 16, p);
}

/* Locate Record @op for @n records from track @t record @r (slot @k) */
static void lr(int i, int k, uint8_t op, uint8_t n, uint32_t t, uint8_t r,
               uint16_t len)
{
    uint8_t *p = parm + 16 * (k + 1);

    memset(p, 0, 16);
    p[0] = op;
    p[1] = len ? 0x80 : 0; /* transfer length factor valid */
    p[3] = n;
    put16(p + 4, t / 15);
    put16(p + 6, t % 15);
    put16(p + 8, t / 15);
    put16(p + 10, t % 15);
    p[12] = r;
    put16(p + 14, len);
    ccw(i, 0x47, CC, 16, p);
}

static void count(uint8_t *c, uint32_t t, uint8_t r, uint8_t kl, uint16_t dl)
{
    put16(c, t / 15);
    put16(c + 2, t % 15);
    c[4] = r;
    c[5] = kl;
    put16(c + 6, dl);
}

static uint32_t fnv(const uint8_t *p, unsigned n)
{
    uint32_t h = 2166136261u;

    while (n--) {
        h = (h ^ *p++) * 16777619u;
    }
    return h;
}

/* SSCH of ccws, the interruption, TSCH into @out; the TSCH cc */
static int start(void *out, uint8_t *ssch_cc, uint8_t *got)
{
    uint64_t n = *lc64(GUEST_IO_COUNT);

    memset(orb, 0, sizeof(orb));
    orb[0] = 0xd1ff0000 | nstep;
    orb[1] = 0x0080ff00; /* format-1 CCWs, LPM ff */
    orb[2] = (uint32_t)(unsigned long)ccws;
    *ssch_cc = guest_ssch(sid, orb);
    *got = 0;
    if (*ssch_cc) {
        return 0xff;
    }
    /* no interruption: the host's timeout ends the run */
    while (*lc64(GUEST_IO_COUNT) == n) {
        guest_wait(PSW_MASK_IO);
    }
    *got = 1;
    return guest_tsch(sid, out);
}

/* run the program in ccws; record it with the first @dlen bytes of data */
static void step(unsigned dlen)
{
    DiffRec *rec = &RECS[nstep];
    uint8_t scc, got;

    memset(rec, 0, sizeof(*rec));
    memset(irb, 0, sizeof(irb));
    rec->step = nstep;
    rec->tsch_cc = start(irb, &rec->ssch_cc, &rec->got_int);
    memcpy(rec->scsw, irb, 12);
    rec->ccw_base = (uint32_t)(unsigned long)ccws;
    rec->data_len = dlen;
    rec->data_sum = fnv(data, dlen);
    memcpy(rec->data, data, dlen < 64 ? dlen : 64);
    rec->sense_cc = 0xff;
    if (irb[8] & 0x02) { /* unit check: the sense, as Linux's ERP reads it */
        memset(sense, 0, sizeof(sense));
        ccw(0, 0x04, SLI, 32, sense);
        rec->sense_cc = start(irb, &scc, &got);
        memcpy(rec->sense, sense, 32);
    }
    nstep++;
    HEAD->steps = nstep;
}

static void prep(uint8_t fill)
{
    memset(data, fill, sizeof(data));
}

/* EBCDIC of the upper case letters, digits, '.' and ' ' used here */
static void ebcdic(uint8_t *d, const char *s, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        char c = *s ? *s++ : ' ';
        uint8_t e = 0x40;

        if (c >= 'A' && c <= 'I') {
            e = 0xc1 + (c - 'A');
        } else if (c >= 'J' && c <= 'R') {
            e = 0xd1 + (c - 'J');
        } else if (c >= 'S' && c <= 'Z') {
            e = 0xe2 + (c - 'S');
        } else if (c >= '0' && c <= '9') {
            e = 0xf0 + (c - '0');
        } else if (c == '.') {
            e = 0x4b;
        }
        d[i] = e;
    }
}

/* CDL sizes as dasdfmt writes them: track 0 R1-R3, the VTOC track, 4K */
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

static void online(void)
{
    static const uint8_t pgid[11] = { 0,    0,    0x12, 0x34, 0x56, 0x28,
                                      0x17, 0xd9, 0x80, 0x01, 0x02 };

    prep(0);
    ccw(0, 0xe4, SLI, 256, data); /* Sense ID */
    step(16);
    prep(0);
    ccw(0, 0x34, SLI, 12, data); /* Sense Path Group ID */
    step(12);
    prep(0);
    data[0] = 0x80; /* establish, multipath */
    memcpy(data + 1, pgid, 11);
    ccw(0, 0xaf, SLI, 12, data);
    step(12);
    prep(0);
    ccw(0, 0x34, SLI, 12, data);
    step(12);
    prep(0);
    ccw(0, 0x64, SLI, 64, data); /* Read Device Characteristics */
    step(64);
    prep(0);
    ccw(0, 0xfa, SLI, 256, data); /* Read Configuration Data */
    step(0);
    prep(0); /* PSF: Prepare for Read Subsystem Data, feature codes */
    data[0] = 0x18;
    data[6] = 0x41;
    ccw(0, 0x27, CC, 12, data);
    ccw(1, 0x3e, SLI, 256, data + 16);
    step(0);
}

/* dasdfmt -d cdl of cylinder 0: one program, 2 + 15 x 12 CCWs */
static void format_cyl0(void)
{
    int i = 2;

    de(0, 0xc0, 0, 14);
    lr(1, 0, 0x03, RPT * 15, 0, 0, BLK);
    for (uint32_t t = 0; t < 15; t++) {
        for (int r = 1; r <= RPT; r++, i++) {
            uint8_t kl;
            uint16_t dl;

            cdl_sizes(t, r, &kl, &dl);
            count(cnt + i * 8, t, r, kl, dl);
            ccw(i, r == 1 && t ? 0x9d : 0x1d,
                SLI | (t == 14 && r == RPT ? 0 : CC), 8, cnt + i * 8);
        }
    }
    step(0);
}

/* fdasd: the volume label, then the VTOC's format-4, -5 and -1 DSCBs */
static void vtoc(void)
{
    uint8_t *v = data, *d;

    prep(0x40);
    ebcdic(v, "VOL1", 4); /* key */
    ebcdic(v + 4, "VOL1", 4);
    ebcdic(v + 8, "DIFF01", 6);
    v[14] = 0x40;
    put16(v + 15, 0); /* VTOC at CC 0 HH 1 R 1 */
    put16(v + 17, 1);
    v[19] = 1;
    ebcdic(v + 4 + 41, "HERCULES", 14); /* owner */
    de(0, 0x80, 0, 0);
    lr(1, 0, 0x01, 1, 0, 3, 84);
    ccw(2, 0x8d, 0, 84, v);
    step(0);

    prep(0);
    d = data; /* format 4: the VTOC itself */
    memset(d, 0x04, 44);
    d[44] = 0xf4;
    put16(d + 45, 0); /* last format-1 DSCB: 0/1/3 */
    put16(d + 47, 1);
    d[49] = 3;
    put16(d + 50, RPT - 3); /* free DSCBs */
    d[58] = 0x80;           /* VTOC indicators */
    d[59] = 1;              /* extents */
    put16(d + 62, 3);       /* cylinders */
    put16(d + 64, 15);      /* tracks per cylinder */
    put16(d + 66, 58786);   /* track length */
    d[68] = 0x01;
    d[69] = 0x01;
    d[70] = 0x00;
    d[71] = 0x30;
    d[74] = RPT; /* DSCBs per track */
    d[75] = 0;
    d[105] = 0x01; /* the VTOC extent: track 0/1 only */
    put16(d + 109, 1);
    put16(d + 113, 1);
    d = data + 140; /* format 5: free space, none recorded */
    memset(d, 0x05, 4);
    d[44] = 0xf5;
    d = data + 280; /* format 1: the partition, cylinders 1-2 */
    ebcdic(d, "LINUX.VDIFF01.PART0001.NATIVE", 44);
    d[44] = 0xf1;
    ebcdic(d + 45, "DIFF01", 6);
    put16(d + 51, 1);
    d[53] = 126; /* created 2026 day 336 */
    put16(d + 54, 336);
    d[59] = 1; /* one extent */
    ebcdic(d + 62, "IBM LINUX", 13);
    put16(d + 82, 0x4000); /* physical sequential */
    d[84] = 0x88;          /* fixed, standard */
    put16(d + 86, BLK);
    put16(d + 88, BLK);
    d[94] = 0xc0;  /* cylinders */
    d[105] = 0x01; /* extent: 1/0 .. 2/14 */
    put16(d + 107, 1);
    put16(d + 109, 0);
    put16(d + 111, 2);
    put16(d + 113, 14);
    de(0, 0x80, 1, 1);
    lr(1, 0, 0x01, 3, 1, 1, 140);
    ccw(2, 0x8d, CC, 140, data);
    ccw(3, 0x8d, CC, 140, data + 140);
    ccw(4, 0x8d, 0, 140, data + 280);
    step(0);
}

static void reads(void)
{
    /* the analysis: counts of R1-R4 of track 0, R1 of track 2 */
    prep(0);
    de(0, 0x40, 0, 2);
    lr(1, 0, 0x06, 4, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        ccw(2 + i, 0x12, CC, 8, data + 8 * i);
    }
    lr(6, 1, 0x06, 1, 2, 0, 0);
    ccw(7, 0x12, 0, 8, data + 32);
    step(40);

    /* block write across the track boundary: R12 of track 2, R1 of 3 */
    prep(0);
    for (unsigned i = 0; i < 2 * BLK; i++) {
        data[i] = (uint8_t)(i * 7 + i / 251);
    }
    de(0, 0x80, 2, 3);
    lr(1, 0, 0x01, 2, 2, 12, BLK);
    ccw(2, 0x85, CC, BLK, data);
    ccw(3, 0x85, 0, BLK, data + BLK);
    step(0);
    prep(0);
    de(0, 0x40, 2, 3);
    lr(1, 0, 0x06, 2, 2, 12, BLK);
    ccw(2, 0x86, CC, BLK, data);
    ccw(3, 0x86, 0, BLK, data + BLK);
    step(2 * BLK);

    /* the volume label again, Read Key and Data */
    prep(0);
    de(0, 0x40, 0, 0);
    lr(1, 0, 0x06, 1, 0, 3, 84);
    ccw(2, 0x8e, 0, 84, data);
    step(84);

    /* Read Record 0 through Locate Record, home address orientation */
    prep(0xee);
    de(0, 0x40, 1, 1);
    lr(1, 0, 0x56, 1, 1, 0, 0);
    ccw(2, 0x16, SLI, 8, data);
    step(16);

    /* classic: Seek, Search ID Equal, TIC, Read Data (no extent) */
    prep(0);
    put16(data + 2048 + 2, 0);
    put16(data + 2048 + 4, 3);
    put16(data + 2056, 0);
    put16(data + 2058, 3);
    data[2060] = 1;
    ccw(0, 0x07, CC, 6, data + 2048);
    ccw(1, 0x31, CC, 5, data + 2056);
    ccw(2, 0x08, 0, 0, &ccws[1]);
    ccw(3, 0x06, 0, BLK, data + 4096);
    step(0);
    RECS[nstep - 1].data_len = 64;
    RECS[nstep - 1].data_sum = fnv(data + 4096, BLK);
    memcpy(RECS[nstep - 1].data, data + 4096, 64);

    /* classic Read Home Address and Read Record 0 of track 3 */
    prep(0xee);
    memset(data + 2048, 0, 6);
    put16(data + 2048 + 4, 3);
    ccw(0, 0x07, CC, 6, data + 2048);
    ccw(1, 0x1a, CC, 5, data);
    ccw(2, 0x16, 0, 16, data + 8);
    step(24);
}

static void errors(void)
{
    /* no record found: R20 of track 2 */
    prep(0);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 20, BLK);
    ccw(2, 0x86, 0, BLK, data);
    step(0);

    /* outside the extent: file protected */
    de(0, 0x40, 2, 3);
    lr(1, 0, 0x06, 1, 4, 1, BLK);
    ccw(2, 0x86, 0, BLK, data);
    step(0);

    /*
     * A write under a file mask that inhibits all writes. R1 of track 2
     * holds zeros since the format: the zeros written where the write is
     * not refused (Hercules) leave the image as it was, so that the
     * images stay comparable.
     */
    prep(0);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x01, 1, 2, 1, BLK);
    ccw(2, 0x85, 0, BLK, data);
    step(0);

    /* incorrect length: short without SLI, short with SLI, long */
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 1, BLK);
    ccw(2, 0x86, 0, 100, data);
    step(0);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 1, BLK);
    ccw(2, 0x86, SLI, 100, data);
    step(0);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 1, BLK);
    ccw(2, 0x86, 0, BLK + 100, data);
    step(0);

    /* invalid CCW: command code 0; an unknown control command */
    ccw(0, 0x00, 0, 8, data);
    step(0);
    ccw(0, 0xcb, 0, 8, data);
    step(0);

    /* a Locate Record domain of 3 records followed by one read */
    de(0, 0x40, 2, 3);
    lr(1, 0, 0x06, 3, 2, 1, BLK);
    ccw(2, 0x86, 0, BLK, data);
    step(0);

    /* an end-of-file record (R1 of track 4) read: unit exception */
    de(0, 0xc0, 4, 4);
    lr(1, 0, 0x03, 2, 4, 0, 0);
    count(cnt, 4, 1, 0, 0);
    count(cnt + 8, 4, 2, 0, BLK);
    ccw(2, 0x1d, CC, 8, cnt);
    ccw(3, 0x1d, SLI, 8, cnt + 8);
    step(0);
    de(0, 0x40, 4, 4);
    lr(1, 0, 0x06, 1, 4, 1, BLK);
    ccw(2, 0x86, SLI, BLK, data);
    step(0);
}

/* More of what Linux issues: subsystem functions, reserve, dasdfmt's
 * default format with record zero, track capacity, the file mask's seek
 * control, multi-track reads outside a domain */
static void more(void)
{
    int i;

    prep(0); /* PSF Set Subsystem Characteristics */
    data[0] = 0x1d;
    data[1] = 0x80;
    data[6] = 0xc8;
    ccw(0, 0x27, 0, 66, data);
    step(0);
    prep(0); /* PRSSD unit address configuration + RSSD */
    data[0] = 0x18;
    data[6] = 0x0e;
    ccw(0, 0x27, CC, 12, data);
    ccw(1, 0x3e, SLI, 512, data + 16);
    step(0);

    /* Reserve, Release, Unconditional Reserve, Release: 32 sense bytes */
    prep(0);
    ccw(0, 0xb4, SLI, 32, data);
    step(0);
    prep(0);
    ccw(0, 0x94, SLI, 32, data);
    step(0);
    prep(0);
    ccw(0, 0x14, SLI, 32, data);
    step(0);
    prep(0);
    ccw(0, 0x94, SLI, 32, data);
    step(0);

    /* Define Extent with the XRC time stamp (32 bytes), then a read */
    prep(0);
    de(0, 0x40, 2, 2);
    parm[7] = 0x02;
    ccw(0, 0x63, CC, 32, parm);
    memset(parm + 16, 0, 16); /* the extension; the LR goes in slot 1 */
    lr(1, 1, 0x06, 1, 2, 1, BLK);
    ccw(2, 0x86, 0, BLK, data);
    step(0);

    /* dasdfmt's default over tracks 5-6: Write R0 and 12 records each */
    i = 2;
    de(0, 0xc0, 5, 6);
    lr(1, 0, 0x43, RPT * 2 + 1, 5, 0, BLK);
    for (uint32_t t = 5; t <= 6; t++) {
        count(cnt + i * 8, t, 0, 0, 8);
        ccw(i, 0x15, SLI | CC, 8, cnt + i * 8);
        i++;
        for (int r = 1; r <= RPT; r++, i++) {
            count(cnt + i * 8, t, r, 0, BLK);
            ccw(i, r == 1 && t != 5 ? 0x9d : 0x1d,
                SLI | (t == 6 && r == RPT ? 0 : CC), 8, cnt + i * 8);
        }
    }
    step(0);

    /* a 13th record of 4 KiB on track 7: invalid track format */
    i = 2;
    de(0, 0xc0, 7, 7);
    lr(1, 0, 0x03, RPT + 1, 7, 0, BLK);
    for (int r = 1; r <= RPT + 1; r++, i++) {
        count(cnt + i * 8, 7, r, 0, BLK);
        ccw(i, 0x1d, SLI | (r == RPT + 1 ? 0 : CC), 8, cnt + i * 8);
    }
    step(0);

    /*
     * A multi-track search after the domain (one Read Data) is used up,
     * under a file mask inhibiting seek and multi-track
     */
    prep(0);
    put16(data + 2 * BLK + 16, 0);
    put16(data + 2 * BLK + 18, 3);
    data[2 * BLK + 20] = 1;
    de(0, 0x58, 2, 3);
    lr(1, 0, 0x06, 1, 2, 1, BLK);
    ccw(2, 0x86, CC, BLK, data);
    ccw(3, 0xb1, CC, 5, data + 2 * BLK + 16);
    ccw(4, 0x08, 0, 0, &ccws[3]);
    ccw(5, 0x06, 0, BLK, data);
    step(0);

    /* classic multi-track reads: R12 of track 2, then on to track 3 */
    prep(0);
    memset(data + 2048, 0, 6);
    put16(data + 2048 + 4, 2);
    put16(data + 2056, 0);
    put16(data + 2058, 2);
    data[2060] = 12;
    ccw(0, 0x07, CC, 6, data + 2048);
    ccw(1, 0x31, CC, 5, data + 2056);
    ccw(2, 0x08, 0, 0, &ccws[1]);
    ccw(3, 0x86, CC, BLK, data);
    ccw(4, 0x86, 0, BLK, data + BLK);
    step(2 * BLK);

    /* Read Count multi-track off the last track of cylinder 0 */
    prep(0);
    memset(data + 2048, 0, 6);
    put16(data + 2048 + 4, 14);
    ccw(0, 0x07, CC, 6, data + 2048);
    for (i = 1; i <= RPT + 1; i++) {
        ccw(i, 0x92, i == RPT + 1 ? 0 : CC, 8, data + 8 * i);
    }
    step(8 * (RPT + 2));
}

/* The channel's part: NOOP, Sense without a unit check, data chaining,
 * SKIP, format-1 IDAWs */
static void channel(void)
{
    prep(0xee);
    ccw(0, 0x03, 0, 0, 0);
    step(0);
    prep(0xee);
    ccw(0, 0x04, SLI, 32, data);
    step(32);

    /* R12 of track 2 in two data-chained halves */
    prep(0);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 12, BLK);
    ccw(2, 0x86, 0x80, BLK / 2, data);
    ccw(3, 0x00, 0, BLK / 2, data + BLK / 2);
    step(BLK);

    /* the same with SKIP: nothing is stored */
    prep(0xee);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 12, BLK);
    ccw(2, 0x86, 0x10, BLK, data);
    step(64);

    /* and through format-1 IDAWs of 2 KiB blocks */
    prep(0);
    idal[0] = (uint32_t)(unsigned long)data;
    idal[1] = (uint32_t)(unsigned long)(data + 2048);
    de(0, 0x40, 2, 2);
    lr(1, 0, 0x06, 1, 2, 12, BLK);
    ccw(2, 0x86, 0x04, BLK, idal);
    step(BLK);
}

static void offline(void)
{
    prep(0);
    data[0] = 0xa0; /* disband */
    ccw(0, 0xaf, SLI, 12, data);
    step(0);
    prep(0);
    ccw(0, 0x34, SLI, 12, data);
    step(12);
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0);

    memset((void *)DIFF_RES, 0, sizeof(DiffHead) + 64 * sizeof(DiffRec));
    guest_lctlg(6, 0x80000000UL >> ISC);
    /* the first device that says it is a 3390 on a 3990 */
    for (uint32_t sch = 0; !sid && sch < 0x10000; sch++) {
        uint8_t scc, got;

        if (guest_stsch(0x10000 | sch, &schib) == 3) {
            break;
        }
        if (!(schib.flags & 1)) {
            continue;
        }
        schib.intparm = 0;
        schib.flags = (schib.flags & ~0x3880) | (ISC << 11) | 0x80;
        check(guest_msch(0x10000 | sch, &schib) == 0, 2);
        sid = 0x10000 | sch;
        prep(0);
        ccw(0, 0xe4, SLI, 32, data);
        if (start(irb, &scc, &got) != 0 || irb[8] != 0x0c || data[0] != 0xff ||
            data[1] != 0x39 || data[2] != 0x90 || data[4] != 0x33 ||
            data[5] != 0x90) {
            sid = 0;
        } else {
            HEAD->devno = schib.devno;
        }
    }
    check(sid, 1);
    if (!sid) {
        return 1;
    }
    HEAD->sid = sid;
    online();
    format_cyl0();
    vtoc();
    reads();
    errors();
    more();
    channel();
    offline();
    HEAD->magic = DIFF_MAG;
    guest_lctlg(0, cr0);
    return 0;
}
