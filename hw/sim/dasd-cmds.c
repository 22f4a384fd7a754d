/*
 * The 3990/3390 command set: control, sense, ECKD extent and locate,
 * searches, reads and writes of records.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "dasd-internal.h"

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

DasdStatus dasd_protect(DasdRun *run)
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

/* Define Extent with the extended parameter */
#define DE_GAX_EXT_PARAM 0x02
#define DE_EXT_LEN       32

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
    /*
     * With the extended parameter (global attributes extended, byte 7)
     * 16 more bytes follow: the XRC time stamp and its format.  They are
     * taken, and need not be used by a volume without XRC.
     */
    if ((p[7] & DE_GAX_EXT_PARAM) && x->total >= DE_EXT_LEN) {
        x->dev_len = DE_EXT_LEN;
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
    trace_point("sim_dasd_extent", "mask 0x%02x tracks %u-%u", p[0], beg, end);
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

/*
 * The orientations a Locate Record operation may ask for (the 3990's
 * rules): count goes with every operation, home address with orient,
 * format write and the reads, data with orient, write data and the reads,
 * index with format write and read any. The rest are reserved.
 */
static bool dasd_locate_orient_valid(uint8_t orient, uint8_t op)
{
    bool read = op == LR_OP_READ_DATA || op == LR_OP_READ_ANY;

    switch (orient) {
    case LR_ORIENT_HA:
        return read || op == LR_OP_ORIENT || op == LR_OP_FORMAT_WRITE;
    case LR_ORIENT_DATA:
        return read || op == LR_OP_ORIENT || op == LR_OP_WRITE_DATA;
    case LR_ORIENT_INDEX:
        return op == LR_OP_READ_ANY || op == LR_OP_FORMAT_WRITE;
    default:
        return true;
    }
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
    if (p[3] == 0 ||
        (op != LR_OP_ORIENT && op != LR_OP_WRITE_DATA &&
         op != LR_OP_FORMAT_WRITE && op != LR_OP_READ_DATA &&
         op != LR_OP_READ_ANY) ||
        !dasd_locate_orient_valid(p[0] & LR_ORIENT_MASK, op)) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    if (op != LR_OP_READ_DATA && op != LR_OP_ORIENT && op != LR_OP_READ_ANY &&
        dasd_write_protected(run, op == LR_OP_FORMAT_WRITE)) {
        return dasd_protect(run);
    }
    trace_point("sim_dasd_locate",
                "op 0x%02x count %u cyl %u head %u search %02x%02x%02x%02x%02x",
                p[0], p[3], lduw_be_p(p + 4), lduw_be_p(p + 6), p[8], p[9],
                p[10], p[11], p[12]);
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
    if (!dasd_seek_allowed(run, lduw_be_p(p + 2))) {
        return dasd_protect(run);
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
    /* a file mask that inhibits seeks and multi-track refuses the latter */
    if (mt && (run->mask & DASD_MASK_SEEK) == DASD_MASK_SEEK_NONE) {
        return dasd_protect(run);
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
    run->in_domain = false;
    /* a PSF PRSSD serves only the Read Subsystem Data right after it */
    if (cmd != 0x3e) {
        run->rssd_ready = false;
    }
    run->after_r0_advance = run->r0_advanced;
    run->r0_advanced = false;
    switch (cmd) {
    case 0x03: /* NOOP */
        x->dev_len = x->total;
        return DASD_OK;
    case 0x04:
        return dasd_cmd_sense(run, x);
    case 0xe4:
    case 0x64:
    case 0xfa:
        return dasd_cmd_ident(run, x, cmd);
    case 0x63:
        return dasd_cmd_define_extent(run, x);
    case 0x47:
        return dasd_cmd_locate(run, x);
    case 0x07:
        return dasd_cmd_seek(run, x);
    case 0x31:
    case 0xb1:
        return dasd_cmd_search_id(run, x, cmd & DASD_MT);
    case 0x1a:
    case 0x16:
        return dasd_cmd_read_ha(run, x, cmd);
    case 0x12:
    case 0x92:
    case 0x06:
    case 0x86:
    case 0x0e:
    case 0x8e:
    case 0x1e:
    case 0x9e:
        return dasd_cmd_read(run, x, cmd);
    case 0x27:
        return dasd_cmd_psf(run, x);
    case 0x3e:
        return dasd_cmd_rssd(run, x);
    case 0xb4:
    case 0x94:
    case 0x14:
        return dasd_cmd_reserve(run, x, cmd);
    case 0x34:
        return dasd_cmd_sense_pgid(run, x);
    case 0xaf:
        return dasd_cmd_set_pgid(run, x);
    case 0x05:
    case 0x85:
    case 0x0d:
    case 0x8d:
        return dasd_cmd_write_data(run, x, cmd);
    case 0x1d:
    case 0x9d:
        return dasd_cmd_write_ckd(run, x, cmd);
    case 0x15:
        return dasd_cmd_write_r0(run, x);
    default:
        return dasd_reject(run, DASD_SENSE7_INVALID_CMD);
    }
}
