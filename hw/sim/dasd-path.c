/*
 * Path groups of the 3990: Sense Path Group ID (0x34) and Set Path Group
 * ID (0xAF), as a guest's path verification uses them when it sets the
 * device online; and the reservation of the device.
 *
 * The device keeps one path group: an 11-byte id and, for each of its
 * eight channel paths, whether the path is in the group (and in
 * multipath or single-path mode).  A program runs on the path its ORB
 * selects (run->path).  Both commands move 12 bytes: a function or
 * path-state byte, then the id.
 */
#include "qemu/osdep.h"
#include "dasd-internal.h"

#define DASD_PGID_DATA (1 + DASD_PGID_SIZE)

/* Set Path Group ID function byte */
#define SPID_MULTIPATH    0x80
#define SPID_OP_MASK      0x60
#define SPID_OP_ESTABLISH 0x00
#define SPID_OP_RESIGN    0x40
#define SPID_OP_DISBAND   0x20

static bool dasd_pg_any_grouped(const Dasd3390 *d)
{
    for (unsigned i = 0; i < DASD_PATHS; i++) {
        if ((d->path_state[i] & DASD_PS_STATE1) == DASD_PS_GROUPED) {
            return true;
        }
    }
    return false;
}

static bool dasd_pg_grouped(const Dasd3390 *d, unsigned path)
{
    return (d->path_state[path] & DASD_PS_STATE1) == DASD_PS_GROUPED;
}

DasdStatus dasd_cmd_sense_pgid(DasdRun *run, DasdXfer *x)
{
    const Dasd3390 *d = run->d;
    uint8_t out[DASD_PGID_DATA] = { 0 };

    out[0] = d->path_state[run->path] | (d->reserved ? DASD_PS_RESV_SELF : 0);
    if (dasd_pg_grouped(d, run->path)) {
        memcpy(out + 1, d->pgid, DASD_PGID_SIZE);
    }
    dasd_xfer_in(run, x, out, sizeof(out));
    return DASD_OK;
}

/* Take @path out of the group; the id goes with the last path */
static void dasd_pg_leave(Dasd3390 *d, unsigned path)
{
    if (dasd_pg_grouped(d, path)) {
        d->path_state[path] = DASD_PS_UNGROUPED;
    }
    if (!dasd_pg_any_grouped(d)) {
        memset(d->pgid, 0, sizeof(d->pgid));
    }
}

static DasdStatus dasd_pg_establish(DasdRun *run, const uint8_t *p)
{
    Dasd3390 *d = run->d;
    uint8_t mode = p[0] & SPID_MULTIPATH ? DASD_PS_MULTIPATH : 0;

    /* a path joins the device's group: another id is refused */
    if (dasd_pg_any_grouped(d) && memcmp(d->pgid, p + 1, DASD_PGID_SIZE)) {
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
    memcpy(d->pgid, p + 1, DASD_PGID_SIZE);
    d->path_state[run->path] = DASD_PS_GROUPED | mode;
    return DASD_OK;
}

DasdStatus dasd_cmd_set_pgid(DasdRun *run, DasdXfer *x)
{
    Dasd3390 *d = run->d;
    uint8_t p[DASD_PGID_DATA];
    DasdStatus st;

    st = dasd_params(run, x, p, sizeof(p));
    if (st != DASD_OK) {
        return st;
    }
    switch (p[0] & SPID_OP_MASK) {
    case SPID_OP_ESTABLISH:
        return dasd_pg_establish(run, p);
    case SPID_OP_RESIGN:
        dasd_pg_leave(d, run->path);
        return DASD_OK;
    case SPID_OP_DISBAND:
        for (unsigned i = 0; i < DASD_PATHS; i++) {
            dasd_pg_leave(d, i);
        }
        return DASD_OK;
    default:
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
}

/*
 * Reserve (0xB4), Release (0x94), Unconditional Reserve (0x14): the
 * device has one subchannel, which owns the reservation; each moves the
 * 32 sense bytes and, unlike Sense, leaves them pending.
 */
DasdStatus dasd_cmd_reserve(DasdRun *run, DasdXfer *x, uint8_t cmd)
{
    Dasd3390 *d = run->d;

    d->reserved = cmd != 0x94;
    dasd_xfer_in(run, x, d->sense, DASD_SENSE_SIZE);
    return DASD_OK;
}
