/*
 * The 3990/3390 command set: control, sense, ECKD extent and locate,
 * searches, reads and writes of records.
 */
#include "qemu/osdep.h"
#include "dasd-internal.h"

/* Locate Record operations */
#define LR_ORIENT_MASK      0xc0
#define LR_ORIENT_COUNT     0x00
#define LR_ORIENT_HA        0x40
#define LR_ORIENT_DATA      0x80
#define LR_ORIENT_INDEX     0xc0
#define LR_OP_ORIENT        0x00
#define LR_OP_WRITE_DATA    0x01
#define LR_OP_FORMAT_WRITE  0x03
#define LR_OP_READ_DATA     0x06

DasdStatus dasd_unit_check(DasdRun *run, uint8_t s0, uint8_t s1, uint8_t s7)
{
    memset(run->sense, 0, sizeof(run->sense));
    run->sense[0] = s0;
    run->sense[1] = s1;
    run->sense[7] = s7;
    /* a 3990 presents 24-byte compatible sense, format in byte 7 */
    run->sense[27] = DASD_SENSE27_24BYTE;
    return DASD_UNIT_CHECK;
}

DasdStatus dasd_reject(DasdRun *run, uint8_t msg)
{
    return dasd_unit_check(run, DASD_SENSE0_CMD_REJECT, 0, msg);
}

static DasdStatus dasd_protect(DasdRun *run)
{
    uint8_t s1 = DASD_SENSE1_FILE_PROTECTED;

    if (run->d->img->readonly) {
        s1 |= DASD_SENSE1_WRITE_INHIBITED;
    }
    return dasd_unit_check(run, 0, s1, 0);
}

/* Fetch exactly @len parameter bytes; a short count is a command reject */
DasdStatus dasd_params(DasdRun *run, DasdXfer *x, uint8_t *p, uint32_t len)
{
    if (x->total < len) {
        return dasd_reject(run, DASD_SENSE7_COUNT_SHORT);
    }
    dasd_xfer_out(run, x, p, len);
    return DASD_OK;
}

static DasdStatus dasd_cmd_define_extent(DasdRun *run, DasdXfer *x)
{
    uint8_t p[16];
    uint32_t beg, end;
    DasdStatus st;

    if (run->de_seen || run->lr_left) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_params(run, x, p, sizeof(p));
    if (st != DASD_OK) {
        return st;
    }
    if ((p[0] & 0x20) || lduw_be_p(p + 10) >= run->d->img->heads ||
        lduw_be_p(p + 14) >= run->d->img->heads) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    beg = dasd_trackno(run, lduw_be_p(p + 8), lduw_be_p(p + 10));
    end = dasd_trackno(run, lduw_be_p(p + 12), lduw_be_p(p + 14));
    if (end < beg || end >= ckd_image_tracks(run->d->img)) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    run->de_seen = true;
    run->mask = p[0];
    run->ext_beg = beg;
    run->ext_end = end;
    return DASD_OK;
}

/* Position for a Locate Record after the seek */
static DasdStatus dasd_locate_orient(DasdRun *run, uint8_t orient,
                                     const uint8_t *id)
{
    CkdRecord rec;
    DasdStatus st;

    if (orient == LR_ORIENT_INDEX) {
        return DASD_OK;
    }
    if (orient == LR_ORIENT_HA) {
        run->orient = DASD_AT_HA;
        return DASD_OK;
    }
    do {
        st = dasd_next_record(run, false, false, &rec);
        if (st != DASD_OK) {
            return st;
        }
    } while (memcmp(run->d->trk + rec.off, id, 5) != 0);
    run->index_passes = 0;
    if (orient == LR_ORIENT_DATA) {
        run->orient = DASD_AT_DATA;
    }
    return DASD_OK;
}

static DasdStatus dasd_cmd_locate(DasdRun *run, DasdXfer *x)
{
    uint8_t p[16];
    uint8_t op;
    DasdStatus st;

    if (!run->de_seen || run->lr_left) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_params(run, x, p, sizeof(p));
    if (st != DASD_OK) {
        return st;
    }
    op = p[0] & 0x3f;
    if (p[3] == 0 || (op != LR_OP_ORIENT && op != LR_OP_WRITE_DATA &&
                      op != LR_OP_FORMAT_WRITE && op != LR_OP_READ_DATA)) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    if (op != LR_OP_READ_DATA && op != LR_OP_ORIENT &&
        dasd_write_protected(run, op == LR_OP_FORMAT_WRITE)) {
        return dasd_protect(run);
    }
    st = dasd_seek(run, lduw_be_p(p + 4), lduw_be_p(p + 6));
    if (st != DASD_OK) {
        return st;
    }
    st = dasd_locate_orient(run, p[0] & LR_ORIENT_MASK, p + 8);
    if (st != DASD_OK) {
        return st;
    }
    run->lr_op = op;
    run->lr_left = op == LR_OP_ORIENT ? 0 : p[3];
    return DASD_OK;
}

static DasdStatus dasd_cmd_seek(DasdRun *run, DasdXfer *x)
{
    uint8_t p[6];
    DasdStatus st;

    if (run->lr_left) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_params(run, x, p, sizeof(p));
    if (st != DASD_OK) {
        return st;
    }
    if (p[0] || p[1]) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    return dasd_seek(run, lduw_be_p(p + 2), lduw_be_p(p + 4));
}

static DasdStatus dasd_cmd_search_id(DasdRun *run, DasdXfer *x, bool mt)
{
    uint8_t id[5];
    CkdRecord rec;
    DasdStatus st;

    st = dasd_params(run, x, id, sizeof(id));
    if (st != DASD_OK) {
        return st;
    }
    st = dasd_next_record(run, false, mt, &rec);
    if (st != DASD_OK) {
        return st;
    }
    if (memcmp(run->d->trk + rec.off, id, sizeof(id)) != 0) {
        return DASD_OK;
    }
    run->index_passes = 0;
    return DASD_OK_SM;
}

/* Within a Locate Record domain, only its operation's commands run */
static DasdStatus dasd_domain(DasdRun *run, uint8_t op)
{
    if (!run->lr_left) {
        return DASD_OK;
    }
    if (run->lr_op != op) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    run->lr_left--;
    return DASD_OK;
}

/*
 * The record a read or update works on: the one whose count was just
 * passed, else the next one (R0 is skipped after the index).
 */
static DasdStatus dasd_target(DasdRun *run, bool mt, CkdRecord *rec)
{
    if (run->orient == DASD_AT_COUNT) {
        *rec = run->cur;
        return DASD_OK;
    }
    return dasd_next_record(run, true, mt || run->lr_left, rec);
}

static DasdStatus dasd_cmd_read(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    bool mt = cmd & DASD_MT;
    uint8_t base = cmd & ~DASD_MT;
    const uint8_t *trk = run->d->trk;
    CkdRecord rec;
    DasdStatus st;
    uint32_t from, len;

    st = dasd_domain(run, base == 0x06 ? LR_OP_READ_DATA : 0xff);
    if (st == DASD_OK) {
        st = base == 0x1e || base == 0x12 ?
             dasd_next_record(run, true, mt, &rec) :
             dasd_target(run, mt, &rec);
    }
    if (st != DASD_OK) {
        return st;
    }
    from = rec.off + CKD_COUNT_SIZE + (base == 0x06 ? rec.kl : 0);
    len = ckd_record_end(&rec) - from;
    if (base == 0x1e || base == 0x12) {
        from = rec.off;
        len = base == 0x12 ? CKD_COUNT_SIZE : ckd_record_end(&rec) - from;
    }
    dasd_xfer_in(run, x, trk + from, len);
    run->orient = base == 0x12 ? DASD_AT_COUNT : DASD_AT_DATA;
    run->index_passes = 0;
    return DASD_OK;
}

static DasdStatus dasd_cmd_read_ha(DasdRun *run, DasdXfer *x, bool r0)
{
    CkdRecord rec;
    DasdStatus st;

    st = dasd_seek(run, run->cyl, run->head);
    if (st != DASD_OK) {
        return st;
    }
    if (!r0) {
        dasd_xfer_in(run, x, run->d->trk, CKD_HA_SIZE);
        run->orient = DASD_AT_HA;
        return DASD_OK;
    }
    st = dasd_next_record(run, false, false, &rec);
    if (st != DASD_OK) {
        return st;
    }
    if (rec.off != CKD_HA_SIZE || rec.r != 0) {
        return dasd_unit_check(run, 0, DASD_SENSE1_NO_RECORD, 0);
    }
    dasd_xfer_in(run, x, run->d->trk + rec.off, ckd_record_end(&rec) -
                 rec.off);
    run->orient = DASD_AT_DATA;
    return DASD_OK;
}

static DasdStatus dasd_cmd_write_data(DasdRun *run, DasdXfer *x)
{
    uint8_t *trk = run->d->trk;
    CkdRecord rec;
    DasdStatus st;
    uint32_t n;

    if (dasd_write_protected(run, false)) {
        return dasd_protect(run);
    }
    if (!run->lr_left && run->orient != DASD_AT_COUNT) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_domain(run, LR_OP_WRITE_DATA);
    if (st == DASD_OK) {
        st = dasd_target(run, false, &rec);
    }
    if (st != DASD_OK) {
        return st;
    }
    n = dasd_xfer_out(run, x, run->io, rec.dl);
    memset(run->io + n, 0, rec.dl - n);
    memcpy(trk + rec.off + CKD_COUNT_SIZE + rec.kl, run->io, rec.dl);
    run->orient = DASD_AT_DATA;
    return dasd_flush_track(run);
}

static DasdStatus dasd_cmd_write_ckd(DasdRun *run, DasdXfer *x)
{
    uint8_t *trk = run->d->trk;
    uint32_t slot = run->d->img->slot;
    CkdRecord rec;
    uint32_t at, n, got;
    DasdStatus st;

    if (dasd_write_protected(run, true)) {
        return dasd_protect(run);
    }
    if (run->orient != DASD_AT_COUNT && run->orient != DASD_AT_DATA) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_domain(run, LR_OP_FORMAT_WRITE);
    if (st == DASD_OK) {
        st = dasd_params(run, x, run->io, CKD_COUNT_SIZE);
    }
    if (st != DASD_OK) {
        return st;
    }
    at = ckd_record_end(&run->cur);
    n = CKD_COUNT_SIZE + run->io[5] + lduw_be_p(run->io + 6);
    if (lduw_be_p(run->io + 6) > CKD_3390_R1MAX ||
        at + n + CKD_EOT_SIZE > slot) {
        return dasd_unit_check(run, 0, DASD_SENSE1_INVALID_TRACK, 0);
    }
    got = dasd_xfer_out(run, x, run->io, n);
    memset(trk + at, 0, slot - at);
    memcpy(trk + at, run->io, got);
    memset(trk + at + n, 0xff, CKD_EOT_SIZE);
    ckd_track_record_at(trk, slot, at, &rec);
    run->cur = rec;
    run->orient = DASD_AT_DATA;
    return dasd_flush_track(run);
}

static DasdStatus dasd_cmd_sense(DasdRun *run, DasdXfer *x)
{
    dasd_xfer_in(run, x, run->d->sense, DASD_SENSE_SIZE);
    memset(run->d->sense, 0, DASD_SENSE_SIZE);
    return DASD_OK;
}

static DasdStatus dasd_cmd_ident(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    uint8_t buf[DASD_RCD_SIZE];
    uint32_t len;

    if (cmd == 0xe4) {
        dasd3390_sense_id(run->d, buf);
        len = DASD_SENSE_ID_SIZE;
    } else if (cmd == 0x64) {
        dasd3390_rdc(run->d, buf);
        len = DASD_RDC_SIZE;
    } else {
        dasd3390_rcd(run->d, buf);
        len = DASD_RCD_SIZE;
    }
    dasd_xfer_in(run, x, buf, len);
    return DASD_OK;
}

DasdStatus dasd_command(DasdRun *run, uint8_t cmd, DasdXfer *x)
{
    switch (cmd) {
    case 0x03:                          /* NOOP */
        x->dev_len = x->total;
        return DASD_OK;
    case 0x04:
        return dasd_cmd_sense(run, x);
    case 0xe4: case 0x64: case 0xfa:
        return dasd_cmd_ident(run, x, cmd);
    case 0x63:
        return dasd_cmd_define_extent(run, x);
    case 0x47:
        return dasd_cmd_locate(run, x);
    case 0x07:
        return dasd_cmd_seek(run, x);
    case 0x31: case 0xb1:
        return dasd_cmd_search_id(run, x, cmd & DASD_MT);
    case 0x1a:
        return dasd_cmd_read_ha(run, x, false);
    case 0x16:
        return dasd_cmd_read_ha(run, x, true);
    case 0x12: case 0x92: case 0x06: case 0x86:
    case 0x0e: case 0x8e: case 0x1e: case 0x9e:
        return dasd_cmd_read(run, x, cmd);
    case 0x27:
        return dasd_cmd_psf(run, x);
    case 0x3e:
        return dasd_cmd_rssd(run, x);
    case 0x34:
        return dasd_cmd_sense_pgid(run, x);
    case 0xaf:
        return dasd_cmd_set_pgid(run, x);
    case 0x05:
        return dasd_cmd_write_data(run, x);
    case 0x1d:
        return dasd_cmd_write_ckd(run, x);
    default:
        return dasd_reject(run, DASD_SENSE7_INVALID_CMD);
    }
}
