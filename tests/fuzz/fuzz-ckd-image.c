/*
 * libFuzzer target for the CKD image parser and what reads the tracks.
 * The input describes an image file without spelling out its ~1 MiB:
 *
 *   0    512  the header, written as is
 *   512  1    cylinders in the file: 1 + (bit 0)
 *   513  1    bit 0: open read-only; bit 1: cut the file short;
 *             bit 2: leave the tracks zero (else formatted empty: HA, R0)
 *   514  2    how many bytes to cut (big-endian)
 *   516  4    cylinder, head, record, record count for the programs
 *   520  2    byte count of the write commands
 *   522  1    n: CCWs of one more program, built from the input (0..8)
 *   523  4n   per CCW: command, flags, count (2); data in the buffer
 *   ...  ...  chunks: track (1), offset in the slot (2), length (2), bytes
 *
 * The file (a memfd) is opened with ckd_image_open_opts; when that
 * accepts it every track is read and its records walked, then a set of
 * ECKD and classic CKD channel programs runs against it, and the one the
 * input spells. Checked: the
 * open's geometry, the record walk's bounds, the engine's result; the
 * rest (overflows, leaks, undefined behaviour) is for the sanitizers.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sim/dasd-3390.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "hw/s390x/ioinst.h"
#pragma GCC diagnostic pop

#include <sys/mman.h>

#define FZ_KNOBS    (CKD_HDR_SIZE + 11)
#define FZ_MAX_CCWS 8
#define FZ_AREA     512 /* data of CCW i at buf + i * FZ_AREA */
#define FZ_BUF      (FZ_MAX_CCWS * FZ_AREA + 65536)

typedef struct FuzzCtx {
    uint16_t cyl, head;
    uint8_t r, n;
    uint16_t wcount;
    uint8_t prog[CCW_PROG_SIZE];
    uint8_t de[16], lr[16], seek[6], cchhr[5];
    uint8_t *buf;
} FuzzCtx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fz_fd = -1;

static uint32_t fz_nccws(const uint8_t *data)
{
    return MIN(data[FZ_KNOBS - 1], FZ_MAX_CCWS);
}

static size_t fz_chunks_start(const uint8_t *data, size_t size)
{
    return MIN(FZ_KNOBS + 4 * fz_nccws(data), size);
}

/* Every track HA + R0 as a new volume has them (beyond a cut: EOF) */
static bool fz_format(uint32_t tracks)
{
    uint8_t trk[64] = { 0 };
    uint32_t used;

    for (uint32_t t = 0; t < tracks; t++) {
        ckd_track_format_empty(trk, sizeof(trk), t / CKD_3390_HEADS,
                               t % CKD_3390_HEADS);
        used = ckd_track_used(trk, sizeof(trk));
        if (pwrite(fz_fd, trk, used, CKD_HDR_SIZE + (off_t)t * CKD_3390_SLOT) <
            0) {
            return false;
        }
    }
    return true;
}

/* Lay the input out as an image file in the memfd */
static bool fz_build_file(const uint8_t *data, size_t size)
{
    uint32_t cyls, cut, tracks;
    off_t len;
    size_t pos;

    if (size < FZ_KNOBS || ftruncate(fz_fd, 0) < 0) {
        return false;
    }
    cyls = 1 + (data[512] & 1);
    tracks = cyls * CKD_3390_HEADS;
    len = CKD_HDR_SIZE + (off_t)tracks * CKD_3390_SLOT;
    cut = (data[513] & 2) ? lduw_be_p(data + 514) : 0;
    if (pwrite(fz_fd, data, CKD_HDR_SIZE, 0) != CKD_HDR_SIZE ||
        ftruncate(fz_fd, len) < 0) {
        return false;
    }
    if (!(data[513] & 4) && !fz_format(tracks)) {
        return false;
    }
    for (pos = fz_chunks_start(data, size); pos + 5 <= size;) {
        uint32_t trk = data[pos] % tracks;
        uint32_t off = lduw_be_p(data + pos + 1) % CKD_3390_SLOT;
        size_t n = MIN(lduw_be_p(data + pos + 3), size - pos - 5);

        n = MIN(n, CKD_3390_SLOT - off);
        if (pwrite(fz_fd, data + pos + 5, n,
                   CKD_HDR_SIZE + (off_t)trk * CKD_3390_SLOT + off) < 0) {
            return false;
        }
        pos += 5 + n;
    }
    return ftruncate(fz_fd, len - cut) == 0;
}

/* Every track: the record walk stays inside the slot and moves forward */
static void fz_walk_tracks(CkdImage *img, uint8_t *trk)
{
    for (uint32_t t = 0; t < ckd_image_tracks(img); t++) {
        uint32_t off = CKD_HA_SIZE, used;
        CkdRecord rec;

        if (!ckd_image_read_track(img, t / img->heads, t % img->heads, trk,
                                  NULL)) {
            continue;
        }
        used = ckd_track_used(trk, img->slot);
        assert(used == 0 ||
               (used >= CKD_HA_SIZE + CKD_EOT_SIZE && used <= img->slot));
        while (ckd_track_record_at(trk, img->slot, off, &rec)) {
            assert(rec.off == off);
            assert(ckd_record_end(&rec) + CKD_EOT_SIZE <= img->slot);
            off = ckd_record_end(&rec);
        }
    }
}

static void fz_ccw(FuzzCtx *c, int i, uint8_t cmd, uint8_t flags,
                   uint16_t count, void *data)
{
    uint8_t *p = c->prog + i * CCW_PROG_CCW_SIZE;
    uint64_t addr = (uintptr_t)data;

    p[0] = cmd;
    p[1] = flags;
    stw_be_p(p + 2, count);
    stl_be_p(p + 4, data ? CCW_PROG_ENTRY_AREA + i * CCW_PROG_ENTRY_SIZE : 0);
    memcpy(c->prog + CCW_PROG_ENTRY_AREA + i * CCW_PROG_ENTRY_SIZE, &addr, 8);
}

static void fz_tic(FuzzCtx *c, int i, int target)
{
    uint8_t *p = c->prog + i * CCW_PROG_CCW_SIZE;

    p[0] = CCW_CMD_TIC;
    stl_be_p(p + 4, target * CCW_PROG_CCW_SIZE);
}

/* Define Extent over the whole volume and Locate Record (@op) at CCWs 0, 1 */
static void fz_de_lr(FuzzCtx *c, uint8_t mask, uint8_t op, uint32_t last_cyl)
{
    memset(c->de, 0, sizeof(c->de));
    c->de[0] = mask;
    c->de[1] = 0xc0;
    stw_be_p(c->de + 12, last_cyl);
    stw_be_p(c->de + 14, CKD_3390_HEADS - 1);
    fz_ccw(c, 0, 0x63, CCW_FLAG_CC, sizeof(c->de), c->de);
    memset(c->lr, 0, sizeof(c->lr));
    c->lr[0] = op;
    c->lr[3] = c->n;
    stw_be_p(c->lr + 4, c->cyl);
    stw_be_p(c->lr + 6, c->head);
    stw_be_p(c->lr + 8, c->cyl);
    stw_be_p(c->lr + 10, c->head);
    c->lr[12] = c->r;
    fz_ccw(c, 1, 0x47, CCW_FLAG_CC, sizeof(c->lr), c->lr);
}

static void fz_run(Dasd3390 *d, FuzzCtx *c)
{
    static const uint8_t orb[12] = { [5] = ORB_CTRL0_FMT | ORB_CTRL0_C64 };
    SimDasdResult res;

    dasd3390_execute(d, orb, c->prog, &res);
    dasd3390_sync(d, &res);
    assert(res.cpa <= CCW_PROG_ENTRY_AREA);
    assert(!(res.dstat & SCSW_DSTAT_UC) || res.sense_valid);
    memset(c->prog, 0, sizeof(c->prog));
}

/* The program the input spells (TICs to one of its CCWs) */
static void fz_input_program(Dasd3390 *d, FuzzCtx *c, const uint8_t *ccws,
                             uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *p = ccws + 4 * i;

        if ((p[0] & 0x0f) == CCW_CMD_TIC) {
            fz_tic(c, i, lduw_be_p(p + 2) % n);
        } else {
            /* no IDA: an IDAL of host addresses is the translator's */
            fz_ccw(c, i, p[0], p[1] & ~(CCW_FLAG_IDA | CCW_FLAG_MIDA),
                   lduw_be_p(p + 2), c->buf + i * FZ_AREA);
        }
    }
    if (n) {
        fz_run(d, c);
    }
}

/* ECKD reads, classic search + reads, and (read-write) updates */
static void fz_programs(CkdImage *img, FuzzCtx *c, const uint8_t *ccws,
                        uint32_t nccws)
{
    uint32_t last = img->cyls - 1;
    Dasd3390 d;
    int i;

    dasd3390_init(&d, img, ckd_model_for_cyls(img->cyls), 0x1234);

    fz_de_lr(c, 0x40, 0x06, last);
    for (i = 2; i < 2 + MIN(c->n, 8); i++) {
        fz_ccw(c, i, i & 1 ? 0x86 : 0x06, CCW_FLAG_CC | CCW_FLAG_SLI,
               UINT16_MAX, c->buf);
    }
    fz_ccw(c, i, 0x92, CCW_FLAG_SLI, 8, c->buf);
    fz_run(&d, c);

    stw_be_p(c->seek + 2, c->cyl);
    stw_be_p(c->seek + 4, c->head);
    memcpy(c->cchhr, c->seek + 2, 4);
    c->cchhr[4] = c->r;
    fz_ccw(c, 0, 0x07, CCW_FLAG_CC, sizeof(c->seek), c->seek);
    fz_ccw(c, 1, 0xb1, CCW_FLAG_CC, sizeof(c->cchhr), c->cchhr);
    fz_tic(c, 2, 1);
    fz_ccw(c, 3, 0x9e, CCW_FLAG_CC | CCW_FLAG_SLI, UINT16_MAX, c->buf);
    fz_ccw(c, 4, 0x8e, CCW_FLAG_CC | CCW_FLAG_SLI, UINT16_MAX, c->buf);
    fz_ccw(c, 5, 0x1a, CCW_FLAG_CC | CCW_FLAG_SLI, 5, c->buf);
    fz_ccw(c, 6, 0x16, CCW_FLAG_CC | CCW_FLAG_SLI, 16, c->buf);
    fz_ccw(c, 7, 0x12, CCW_FLAG_SLI, 8, c->buf);
    fz_run(&d, c);

    /* update the data of record r, then format-write after it */
    fz_de_lr(c, 0x00, 0x01, last);
    fz_ccw(c, 2, 0x05, CCW_FLAG_SLI, c->wcount, c->buf);
    fz_run(&d, c);
    fz_de_lr(c, 0xc0, 0x03, last);
    fz_ccw(c, 2, 0x1d, CCW_FLAG_SLI, c->wcount, c->buf);
    fz_run(&d, c);
    fz_input_program(&d, c, ccws, nccws);

    dasd3390_cleanup(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *path = NULL;
    g_autofree uint8_t *trk = NULL;
    CkdOpenOpts opts = {
        .locking = CKD_LOCKING_OFF,
        .cache = CKD_CACHE_UNSAFE,
    };
    FuzzCtx c = { 0 };
    CkdImage *img;

    if (fz_fd < 0) {
        fz_fd = memfd_create("fuzz-ckd-image", MFD_CLOEXEC);
        assert(fz_fd >= 0);
    }
    if (!fz_build_file(data, size)) {
        return 0;
    }
    path = g_strdup_printf("/proc/self/fd/%d", fz_fd);
    opts.readonly = data[513] & 1;
    img = ckd_image_open_opts(path, &opts, NULL);
    if (!img) {
        return 0;
    }
    assert(img->cyls >= 1 && img->cyls <= 2);
    assert(img->heads == CKD_3390_HEADS && img->slot == CKD_3390_SLOT);
    trk = g_malloc(img->slot);
    fz_walk_tracks(img, trk);

    c.cyl = data[516] % (img->cyls + 1); /* one past the end too */
    c.head = data[517] % (CKD_3390_HEADS + 1);
    c.r = data[518];
    c.n = data[519];
    c.wcount = lduw_be_p(data + 520);
    c.buf = g_malloc0(FZ_BUF);
    /* what the write commands send: the input after the knobs */
    memcpy(c.buf, data + fz_chunks_start(data, size),
           MIN(size - fz_chunks_start(data, size), FZ_BUF));
    /* the image and its tracks as the engine sees them */
    /* the input's own program only when all its CCWs are there */
    fz_programs(img, &c, data + FZ_KNOBS,
                size >= FZ_KNOBS + 4 * fz_nccws(data) ? fz_nccws(data) : 0);
    g_free(c.buf);
    ckd_image_close(img);
    return 0;
}
