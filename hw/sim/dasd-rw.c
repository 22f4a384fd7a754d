/*
 * Reading and writing records on the 3390: Read Count / Data / Key and
 * Data / Count Key and Data, Read Home Address / Record 0, Write Data,
 * Write Key and Data, Write Count Key and Data (also on the next track),
 * Write Record 0, inside and outside a Locate Record domain.
 *
 * Inside a domain every record command uses one of its records, must be
 * one the Locate Record operation allows, and runs multi-track (also
 * across cylinders) whether or not its code has the multi-track bit.
 */
#include "qemu/osdep.h"
#include "dasd-internal.h"

/* Command codes without the multi-track bit */
#define CMD_WRITE_DATA     0x05
#define CMD_READ_DATA      0x06
#define CMD_WRITE_KD       0x0d
#define CMD_READ_KD        0x0e
#define CMD_READ_COUNT     0x12
#define CMD_WRITE_R0       0x15
#define CMD_READ_R0        0x16
#define CMD_READ_HA        0x1a
#define CMD_WRITE_CKD      0x1d
#define CMD_READ_CKD       0x1e
#define CMD_WRITE_CKD_NEXT 0x9d

/* Whether Locate Record operation @op lets @cmd work in its domain */
static bool dasd_lr_allows(uint8_t op, uint8_t cmd)
{
    uint8_t base = cmd & ~DASD_MT;
    bool data_read = base == CMD_READ_DATA || base == CMD_READ_KD ||
                     base == CMD_READ_COUNT;

    switch (op) {
    case LR_OP_READ_DATA:
        return data_read;
    case LR_OP_READ_ANY:
        return data_read || base == CMD_READ_CKD || cmd == CMD_READ_R0 ||
               cmd == CMD_READ_HA;
    case LR_OP_WRITE_DATA:
        return base == CMD_WRITE_DATA || base == CMD_WRITE_KD;
    case LR_OP_FORMAT_WRITE:
        return base == CMD_WRITE_CKD || cmd == CMD_WRITE_R0;
    default:
        return false;
    }
}

/* Use one record of the domain, if there is one */
static DasdStatus dasd_domain(DasdRun *run, uint8_t cmd)
{
    run->in_domain = false;
    if (!run->lr_left) {
        return DASD_OK;
    }
    if (!dasd_lr_allows(run->lr_op, cmd)) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    run->lr_left--;
    run->in_domain = true;
    return DASD_OK;
}

/*
 * The record a read or update works on: the one whose count was just
 * passed, else the next one (R0 is skipped after the index).
 */
static DasdStatus dasd_target(DasdRun *run, bool mt, CkdRecord *rec)
{
    /* (a walk that goes on has passed counts of records it did not take) */
    if (run->orient == DASD_AT_COUNT && !run->walk_resume) {
        *rec = run->cur;
        return DASD_OK;
    }
    return dasd_next_record(run, true, mt || run->in_domain, rec);
}

DasdStatus dasd_cmd_read(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    uint8_t base = cmd & ~DASD_MT;
    bool counted = base == CMD_READ_COUNT || base == CMD_READ_CKD;
    CkdRecord rec;
    DasdStatus st;
    uint32_t from, end;

    st = dasd_domain(run, cmd);
    if (st == DASD_OK) {
        /* these read the count too, so they start at the next record */
        st = counted ? dasd_next_record(run, true,
                                        (cmd & DASD_MT) || run->in_domain, &rec)
                     : dasd_target(run, cmd & DASD_MT, &rec);
    }
    if (st != DASD_OK) {
        return st;
    }
    end = ckd_record_end(&rec);
    if (base == CMD_READ_COUNT) {
        from = rec.off;
        end = rec.off + CKD_COUNT_SIZE;
    } else if (base == CMD_READ_CKD) {
        from = rec.off;
    } else {
        from = rec.off + CKD_COUNT_SIZE + (base == CMD_READ_DATA ? rec.kl : 0);
    }
    dasd_xfer_in(run, x, run->d->trk + from, end - from);
    run->orient = base == CMD_READ_COUNT ? DASD_AT_COUNT : DASD_AT_DATA;
    run->index_passes = 0;
    if (base != CMD_READ_COUNT && rec.dl == 0) {
        return DASD_OK_UX; /* an end-of-file record */
    }
    return DASD_OK;
}

DasdStatus dasd_cmd_read_ha(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    CkdRecord rec;
    DasdStatus st;

    st = dasd_domain(run, cmd);
    if (st == DASD_OK) {
        st = dasd_seek(run, run->cyl, run->head);
    }
    if (st != DASD_OK) {
        return st;
    }
    if (cmd == CMD_READ_HA) {
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
    dasd_xfer_in(run, x, run->d->trk + rec.off, ckd_record_end(&rec) - rec.off);
    run->orient = DASD_AT_DATA;
    return DASD_OK;
}

DasdStatus dasd_cmd_write_data(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    bool kd = (cmd & ~DASD_MT) == CMD_WRITE_KD;
    uint8_t *trk = run->d->trk;
    CkdRecord rec;
    DasdStatus st;
    uint32_t n, len, at;

    if (dasd_write_protected(run, false)) {
        return dasd_protect(run);
    }
    /* outside a domain an update follows a search that found its record */
    if (!run->lr_left && run->orient != DASD_AT_COUNT) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_domain(run, cmd);
    if (st == DASD_OK) {
        st = dasd_target(run, cmd & DASD_MT, &rec);
    }
    if (st != DASD_OK) {
        return st;
    }
    len = (kd ? rec.kl : 0) + rec.dl;
    at = rec.off + CKD_COUNT_SIZE + (kd ? 0 : rec.kl);
    n = dasd_xfer_out(run, x, run->io, len);
    memset(run->io + n, 0, len - n);
    memcpy(trk + at, run->io, len);
    run->orient = DASD_AT_DATA;
    return dasd_flush_track(run);
}

/*
 * Whether the records after R0 up to and including @add (at @at) stay
 * within the 3390's track capacity.
 */
static bool dasd_track_has_room(DasdRun *run, uint32_t at, uint8_t kl,
                                uint16_t dl)
{
    const uint8_t *trk = run->d->trk;
    uint32_t cells = ckd_3390_cells(kl, dl);
    uint32_t off = CKD_HA_SIZE;
    CkdRecord rec;

    while (off < at && ckd_track_record_at(trk, run->d->img->slot, off, &rec)) {
        if (!(off == CKD_HA_SIZE && rec.r == 0)) {
            cells += ckd_3390_cells(rec.kl, rec.dl);
        }
        off = ckd_record_end(&rec);
    }
    return cells <= CKD_3390_CELLS;
}

/* Lay down the count in run->io with key and data at @at; erase the rest */
static DasdStatus dasd_format_at(DasdRun *run, DasdXfer *x, uint32_t at,
                                 bool r0)
{
    uint8_t *trk = run->d->trk;
    uint32_t slot = run->d->img->slot;
    uint8_t kl = run->io[5];
    uint16_t dl = lduw_be_p(run->io + 6);
    uint32_t n = CKD_COUNT_SIZE + kl + dl, got;
    CkdRecord rec;

    if (dl > CKD_3390_R1MAX || at + n + CKD_EOT_SIZE > slot ||
        (!r0 && !dasd_track_has_room(run, at, kl, dl))) {
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

/* Write CKD Next Track: on to the next track of the domain, after its R0 */
static DasdStatus dasd_to_next_r0(DasdRun *run)
{
    CkdRecord r0;
    DasdStatus st;

    if (!run->in_domain) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    if (run->after_r0_advance) {
        /* right after the R0 that began this track: R1 goes after it */
        return DASD_OK;
    }
    st = dasd_next_track(run);
    if (st != DASD_OK) {
        return st;
    }
    if (!ckd_track_record_at(run->d->trk, run->d->img->slot, CKD_HA_SIZE,
                             &r0) ||
        r0.r != 0) {
        return dasd_unit_check(run, 0, DASD_SENSE1_NO_RECORD, 0);
    }
    run->cur = r0;
    run->orient = DASD_AT_DATA;
    return DASD_OK;
}

DasdStatus dasd_cmd_write_ckd(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    DasdStatus st;

    if (dasd_write_protected(run, true)) {
        return dasd_protect(run);
    }
    st = dasd_domain(run, cmd);
    if (st == DASD_OK && cmd == CMD_WRITE_CKD_NEXT) {
        st = dasd_to_next_r0(run);
    }
    if (st != DASD_OK) {
        return st;
    }
    if (run->orient != DASD_AT_COUNT && run->orient != DASD_AT_DATA) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    st = dasd_params(run, x, run->io, CKD_COUNT_SIZE);
    if (st != DASD_OK) {
        return st;
    }
    return dasd_format_at(run, x, ckd_record_end(&run->cur), false);
}

DasdStatus dasd_cmd_write_r0(DasdRun *run, DasdXfer *x)
{
    DasdStatus st;

    if (!dasd_r0_write_allowed(run)) {
        return dasd_protect(run);
    }
    if (run->lr_left && run->lr_op == LR_OP_FORMAT_WRITE &&
        run->orient != DASD_AT_HA) {
        /*
         * In a format write domain after a track's records: record zero
         * of the domain's next track, as dasdfmt formats track after
         * track in one domain. It uses no record of the domain; the Write
         * CKD Next Track after it writes R1 on that track.
         */
        run->in_domain = true;
        st = dasd_next_track(run);
        if (st != DASD_OK) {
            return st;
        }
        run->orient = DASD_AT_HA;
        run->r0_advanced = true;
    } else {
        st = dasd_domain(run, CMD_WRITE_R0);
        if (st != DASD_OK) {
            return st;
        }
        /* after the home address: a Locate Record oriented to it, Read HA */
        if (run->orient != DASD_AT_HA) {
            return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
        }
    }
    st = dasd_params(run, x, run->io, CKD_COUNT_SIZE);
    if (st != DASD_OK) {
        return st;
    }
    if (run->io[4] != 0) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    return dasd_format_at(run, x, CKD_HA_SIZE, true);
}
