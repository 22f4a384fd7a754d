/*
 * Head position and orientation of the 3390: seeks, walking records
 * around a track (index passes, multi-track, end of cylinder), and the
 * write checks of the Define Extent file mask.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "dasd-ioinst.h"
#include "dasd-internal.h"

uint32_t dasd_trackno(const DasdRun *run, uint32_t cyl, uint32_t head)
{
    return cyl * run->d->img->heads + head;
}

static DasdStatus dasd_load(DasdRun *run, uint32_t cyl, uint32_t head)
{
    if (!run->loads_left) {
        return DASD_AGAIN; /* nothing changed: the CCW runs again later */
    }
    run->loads_left--;
    if (!ckd_image_read_track(run->d->img, cyl, head, run->d->trk, NULL)) {
        return dasd_unit_check(run, DASD_SENSE0_EQUIPMENT_CHECK, 0, 0);
    }
    run->cyl = cyl;
    run->head = head;
    run->trk_loaded = true;
    run->orient = DASD_AT_INDEX;
    run->index_passes = 0;
    return DASD_OK;
}

DasdStatus dasd_seek(DasdRun *run, uint32_t cyl, uint32_t head)
{
    uint32_t t;

    if (cyl >= run->d->img->cyls || head >= run->d->img->heads) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    t = dasd_trackno(run, cyl, head);
    if (t < run->ext_beg || t > run->ext_end) {
        return dasd_unit_check(run, 0, DASD_SENSE1_FILE_PROTECTED, 0);
    }
    return dasd_load(run, cyl, head);
}

/*
 * Move to the next track for a multi-track operation; within a Locate
 * Record domain also to the next cylinder.
 */
DasdStatus dasd_next_track(DasdRun *run)
{
    uint32_t cyl = run->cyl, head = run->head + 1;

    if (head == run->d->img->heads) {
        if (!run->in_domain) {
            return dasd_unit_check(run, 0, DASD_SENSE1_END_OF_CYL, 0);
        }
        head = 0;
        cyl++;
    }
    if (dasd_trackno(run, cyl, head) > run->ext_end ||
        cyl >= run->d->img->cyls) {
        return dasd_unit_check(run, 0, DASD_SENSE1_FILE_PROTECTED, 0);
    }
    return dasd_load(run, cyl, head);
}

static uint32_t dasd_next_offset(const DasdRun *run)
{
    if (run->orient == DASD_AT_INDEX || run->orient == DASD_AT_HA) {
        return CKD_HA_SIZE;
    }
    return ckd_record_end(&run->cur);
}

/* The end of the track: index point, or the next track when @mt */
static DasdStatus dasd_end_of_track(DasdRun *run, bool mt)
{
    if (mt) {
        return dasd_next_track(run);
    }
    run->orient = DASD_AT_INDEX;
    if (++run->index_passes >= 2) {
        return dasd_unit_check(run, 0, DASD_SENSE1_NO_RECORD, 0);
    }
    return DASD_OK;
}

DasdStatus dasd_next_record(DasdRun *run, bool skip_r0, bool mt, CkdRecord *rec)
{
    Dasd3390 *d = run->d;
    DasdStatus st;

    if (!run->trk_loaded) {
        st = dasd_load(run, run->cyl, run->head);
        if (st != DASD_OK) {
            return st;
        }
    }
    /* at most two index passes, or every track of the extent */
    for (uint32_t guard = 0; guard <= ckd_image_tracks(d->img) + 2; guard++) {
        uint32_t off = dasd_next_offset(run);

        if (!ckd_track_record_at(d->trk, d->img->slot, off, rec)) {
            st = dasd_end_of_track(run, mt);
            if (st == DASD_AGAIN) {
                /* the CCW runs again and walks on from this position */
                run->walk_resume = true;
            }
            if (st != DASD_OK) {
                return st;
            }
            continue;
        }
        run->cur = *rec;
        run->orient = DASD_AT_COUNT;
        if (skip_r0 && off == CKD_HA_SIZE && rec->r == 0) {
            continue;
        }
        return DASD_OK;
    }
    return dasd_unit_check(run, 0, DASD_SENSE1_NO_RECORD, 0);
}

DasdStatus dasd_flush_track(DasdRun *run)
{
    if (!ckd_image_write_track(run->d->img, run->cyl, run->head, run->d->trk,
                               NULL)) {
        return dasd_unit_check(run, DASD_SENSE0_EQUIPMENT_CHECK, 0, 0);
    }
    return DASD_OK;
}

bool dasd3390_sync(Dasd3390 *d, SimDasdResult *res)
{
    Error *err = NULL;

    if (ckd_image_sync(d->img, false, &err)) {
        return true;
    }
    warn_report_err(err);
    memset(d->sense, 0, sizeof(d->sense));
    d->sense[0] = DASD_SENSE0_EQUIPMENT_CHECK;
    d->sense[27] = DASD_SENSE27_24BYTE;
    if (res->dstat & SCSW_DSTAT_DE) {
        /* the device end the guest sees must not claim durable data */
        res->dstat |= SCSW_DSTAT_UC;
        res->dstat &= ~SCSW_DSTAT_SM;
        res->sense_valid = true;
        memcpy(res->sense, d->sense, sizeof(res->sense));
    }
    return false;
}

/* Write control bits of the file mask */
#define DASD_MASK_WRCTL       0xc0
#define DASD_MASK_INHIBIT_ALL 0x40
#define DASD_MASK_UPDATE_ONLY 0x80

/* Whether a write (@format: one that formats records) is refused */
bool dasd_write_protected(DasdRun *run, bool format)
{
    uint8_t wr = run->mask & DASD_MASK_WRCTL;

    if (run->d->img->readonly) {
        return true;
    }
    return wr == DASD_MASK_INHIBIT_ALL ||
           (format && wr == DASD_MASK_UPDATE_ONLY);
}

bool dasd_seek_allowed(DasdRun *run, uint32_t cyl)
{
    uint8_t sk = run->mask & DASD_MASK_SEEK;

    if (sk == DASD_MASK_SEEK_NONE) {
        return false;
    }
    return sk != DASD_MASK_SEEK_HEAD || cyl == run->cyl;
}

bool dasd_r0_write_allowed(DasdRun *run)
{
    return !run->d->img->readonly &&
           (run->mask & DASD_MASK_WRCTL) == DASD_MASK_WRCTL;
}
