/*
 * The channel side of the 3390: walks the translated program (command
 * and data chaining, TIC, SKIP, incorrect length) and moves data through
 * the host addresses of its entries.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "dasd-ioinst.h"
#include "dasd-internal.h"

static uint64_t dasd_entry(const uint8_t *prog, uint32_t off)
{
    uint64_t v;

    memcpy(&v, prog + off, sizeof(v));
    return v;
}

static uint32_t dasd_idaw_block(const DasdXfer *x)
{
    return x->idaw_2k ? IDAW1_BLOCK : IDAW2_BLOCK;
}

/* Copy @len bytes at @off of segment @s to (@to_host) or from host memory */
static void dasd_seg_copy(const DasdXfer *x, const DasdSeg *s, uint32_t off,
                          uint8_t *buf, uint32_t len, bool to_host)
{
    uint64_t bs = dasd_idaw_block(x);
    const uint64_t *idal = (const uint64_t *)(uintptr_t)s->addr;
    uint64_t first, pos;

    if (!s->addr) {
        /* a CCW without data (NOOP, SKIP): nothing moves */
        if (!to_host) {
            memset(buf, 0, len);
        }
        return;
    }
    if (!(s->flags & CCW_FLAG_IDA)) {
        uint8_t *p = (uint8_t *)(uintptr_t)s->addr + off;

        memcpy(to_host ? p : buf, to_host ? buf : p, len);
        return;
    }
    first = idal[0];
    pos = (first % bs) + off; /* offset from first block start */
    while (len) {
        uint64_t blk = pos / bs;
        uint64_t in = pos % bs;
        uint64_t base = blk ? idal[blk] : first - (first % bs);
        uint32_t n = MIN(len, bs - in);
        uint8_t *p = (uint8_t *)(uintptr_t)(base + in);

        memcpy(to_host ? p : buf, to_host ? buf : p, n);
        buf += n;
        pos += n;
        len -= n;
    }
}

static void dasd_xfer_copy(DasdXfer *x, uint8_t *buf, uint32_t len,
                           bool to_host)
{
    for (uint32_t i = 0; i < x->nseg && len; i++) {
        uint32_t n = MIN(len, x->seg[i].count);

        if (!(to_host && (x->seg[i].flags & CCW_FLAG_SKIP))) {
            dasd_seg_copy(x, &x->seg[i], 0, buf, n, to_host);
        }
        buf += n;
        len -= n;
    }
}

void dasd_xfer_in(DasdRun *run, DasdXfer *x, const uint8_t *src, uint32_t len)
{
    x->dev_len = len;
    dasd_xfer_copy(x, (uint8_t *)src, MIN(len, x->total), true);
}

uint32_t dasd_xfer_out(DasdRun *run, DasdXfer *x, uint8_t *dst, uint32_t want)
{
    uint32_t n = MIN(want, x->total);

    x->dev_len = want;
    dasd_xfer_copy(x, dst, n, false);
    return n;
}

/* IDAWs after the first must start blocks; the first one may not be 0 */
static bool dasd_idal_valid(const DasdXfer *x, const DasdSeg *s)
{
    uint64_t bs = dasd_idaw_block(x);
    const uint64_t *idal = (const uint64_t *)(uintptr_t)s->addr;
    uint64_t nblk;

    if (!s->count) {
        return true;
    }
    if (!idal[0]) {
        return false;
    }
    nblk = ((idal[0] % bs) + s->count + bs - 1) / bs;
    for (uint64_t i = 1; i < nblk; i++) {
        if (!idal[i] || idal[i] % bs) {
            return false;
        }
    }
    return true;
}

/* Decode CCW @idx into a segment; false: channel-program check */
static bool dasd_fetch_seg(const uint8_t *prog, const DasdXfer *x, uint32_t idx,
                           DasdSeg *s, uint8_t *cmd)
{
    CCW1 ccw;

    if (idx >= CCW_PROG_MAX_CCWS) {
        return false;
    }
    ccw1_decode(prog + idx * CCW_PROG_CCW_SIZE, &ccw);
    *cmd = ccw.cmd_code;
    s->idx = idx;
    s->flags = ccw.flags;
    s->count = ccw.count;
    s->addr = 0;
    if (ccw_cmd_is_tic(ccw.cmd_code) || !ccw.count) {
        return true;
    }
    /* the translator's "no data" CCWs: a NOOP, SKIP on input */
    if (!ccw.cda &&
        (ccw.cmd_code == CCW_CMD_NOOP || (ccw.flags & CCW_FLAG_SKIP))) {
        s->flags &= ~CCW_FLAG_IDA;
        return true;
    }
    if (ccw.cda < CCW_PROG_ENTRY_AREA || ccw.cda >= CCW_PROG_SIZE ||
        ccw.cda % CCW_PROG_ENTRY_SIZE || (ccw.flags & CCW_FLAG_MIDA)) {
        return false;
    }
    s->addr = dasd_entry(prog, ccw.cda);
    if (!s->addr) {
        return false;
    }
    return !(ccw.flags & CCW_FLAG_IDA) || dasd_idal_valid(x, s);
}

/*
 * The target of the TIC in slot @idx (< CCW_PROG_MAX_CCWS); false when it
 * is not a CCW slot or is itself a TIC.
 */
static bool dasd_tic_target(const uint8_t *prog, uint32_t idx, uint32_t *to)
{
    CCW1 tic, target;

    ccw1_decode(prog + idx * CCW_PROG_CCW_SIZE, &tic);
    if (tic.cda % CCW_PROG_CCW_SIZE || tic.cda >= CCW_PROG_ENTRY_AREA) {
        return false;
    }
    ccw1_decode(prog + tic.cda, &target);
    if (ccw_cmd_is_tic(target.cmd_code)) {
        return false;
    }
    *to = tic.cda / CCW_PROG_CCW_SIZE;
    return true;
}

/* Gather the data chain starting at @idx; false: program check at *bad */
static bool dasd_gather(const uint8_t *prog, uint32_t idx, DasdXfer *x,
                        uint8_t *cmd, uint32_t *bad)
{
    uint8_t c = 0;

    x->nseg = 0;
    x->total = 0;
    x->dev_len = 0;
    do {
        DasdSeg *s = &x->seg[x->nseg];

        *bad = idx;
        if (x->nseg == CCW_PROG_MAX_CCWS ||
            !dasd_fetch_seg(prog, x, idx, s, x->nseg ? &c : cmd)) {
            return false;
        }
        if (x->nseg && ccw_cmd_is_tic(c)) {
            /* a TIC inside a data chain: the chain goes on at its target */
            if (!dasd_tic_target(prog, idx, &idx)) {
                return false;
            }
            continue;
        }
        x->total += s->count;
        x->nseg++;
        idx++;
    } while (x->seg[x->nseg - 1].flags & CCW_FLAG_DC);
    return true;
}

/* Residual, CPA and incorrect length after a data transfer */
static bool dasd_account(const DasdXfer *x, SimDasdResult *res)
{
    uint32_t used = MIN(x->dev_len, x->total);
    const DasdSeg *s = &x->seg[0];

    for (uint32_t i = 0; i < x->nseg; i++) {
        s = &x->seg[i];
        if (used <= s->count && (used < s->count || i == x->nseg - 1)) {
            break;
        }
        used -= s->count;
    }
    res->count = s->count - MIN(used, s->count);
    res->cpa = (s->idx + 1) * CCW_PROG_CCW_SIZE;
    if (x->dev_len != x->total && !(s->flags & CCW_FLAG_SLI)) {
        res->cstat |= SCSW_CSTAT_INCORR_LEN;
        return false;
    }
    return true;
}

/* The leftmost path the ORB's mask allows; path 0 without a mask */
static unsigned dasd_orb_path(uint8_t lpm)
{
    for (unsigned i = 0; i < DASD_PATHS; i++) {
        if (lpm & (0x80 >> i)) {
            return i;
        }
    }
    return 0;
}

static void dasd_run_init(DasdRun *run, Dasd3390 *d)
{
    memset(run, 0, offsetof(DasdRun, io));
    run->d = d;
    run->ext_end = ckd_image_tracks(d->img) - 1;
    run->orient = DASD_AT_INDEX;
}

typedef enum DasdStep {
    DASD_STEP_NEXT,  /* the chain goes on at *next */
    DASD_STEP_END,   /* the program ended */
    DASD_STEP_AGAIN, /* the slice ended inside the CCW: run it again */
} DasdStep;

struct Dasd3390Exec {
    DasdRun run;
    DasdXfer x;
    const uint8_t *prog;
    uint32_t next;
    unsigned executed;
    /* the run's state before the CCW in progress (up to DasdRun.io) */
    uint8_t before[offsetof(DasdRun, io)];
};

/*
 * The CCW ran out of its slice's tracks: take back what it did except
 * moving the head (where its walk stopped), so that running it again in
 * the next slice goes on from there with the rest as it was.
 */
static void dasd_exec_rewind(Dasd3390Exec *e)
{
    DasdRun *run = &e->run;
    DasdRun pos;

    memcpy(&pos, run, offsetof(DasdRun, io));
    memcpy(run, e->before, sizeof(e->before));
    run->cyl = pos.cyl;
    run->head = pos.head;
    run->trk_loaded = pos.trk_loaded;
    run->orient = pos.orient;
    run->cur = pos.cur;
    run->index_passes = pos.index_passes;
    run->walk_resume = pos.walk_resume;
}

/* Execute one command */
static DasdStep dasd_step(Dasd3390Exec *e, SimDasdResult *res)
{
    DasdRun *run = &e->run;
    DasdXfer *x = &e->x;
    const uint8_t *prog = e->prog;
    uint32_t idx = e->next, bad;
    uint32_t *next = &e->next;
    uint8_t cmd;
    const DasdSeg *last;
    DasdStatus st;

    if (!dasd_gather(prog, idx, x, &cmd, &bad)) {
        res->cstat |= SCSW_CSTAT_PROG_CHECK;
        res->cpa = (MIN(bad, CCW_PROG_MAX_CCWS - 1) + 1) * 8;
        return DASD_STEP_END;
    }
    if (ccw_cmd_is_tic(cmd)) {
        res->cpa = (idx + 1) * CCW_PROG_CCW_SIZE;
        if (!dasd_tic_target(prog, idx, next)) {
            res->cstat |= SCSW_CSTAT_PROG_CHECK;
            return DASD_STEP_END;
        }
        return DASD_STEP_NEXT;
    }
    memcpy(e->before, run, sizeof(e->before));
    st = dasd_command(run, cmd, x);
    if (st == DASD_AGAIN) {
        dasd_exec_rewind(e);
        return DASD_STEP_AGAIN;
    }
    run->walk_resume = false;
    trace_point("sim_dasd_ccw",
                "ccw %u cmd 0x%02x count %u status %d sense %02x %02x %02x",
                idx, cmd, x->seg[0].count, st, run->sense[0], run->sense[1],
                run->sense[7]);
    last = &x->seg[x->nseg - 1];
    res->cpa = (last->idx + 1) * CCW_PROG_CCW_SIZE;
    if (st == DASD_PROG_CHECK) {
        res->cstat |= SCSW_CSTAT_PROG_CHECK;
        res->cpa = (x->seg[0].idx + 1) * CCW_PROG_CCW_SIZE;
        return DASD_STEP_END;
    }
    res->dstat = SCSW_DSTAT_CE | SCSW_DSTAT_DE;
    if (st == DASD_UNIT_CHECK) {
        /*
         * The residual counts what the device did not take: a Locate
         * Record whose search finds no record took its 16 bytes first.
         * A unit check is no incorrect length.
         */
        res->dstat |= SCSW_DSTAT_UC;
        dasd_account(x, res);
        res->cstat &= ~SCSW_CSTAT_INCORR_LEN;
        return DASD_STEP_END;
    }
    if (st == DASD_OK_UX) {
        /* end of file: the chain ends here */
        res->dstat |= SCSW_DSTAT_UE;
        dasd_account(x, res);
        return DASD_STEP_END;
    }
    if (!(last->flags & CCW_FLAG_CC) && run->lr_left) {
        /* the chain ends inside a Locate Record domain */
        dasd_unit_check(run,
                        DASD_SENSE0_CMD_REJECT | DASD_SENSE0_INCOMPLETE_DOMAIN,
                        0, DASD_SENSE7_INVALID_SEQ);
        res->dstat |= SCSW_DSTAT_UC;
        return DASD_STEP_END;
    }
    if (!dasd_account(x, res) || !(last->flags & CCW_FLAG_CC)) {
        if (st == DASD_OK_SM) {
            res->dstat |= SCSW_DSTAT_SM;
        }
        return DASD_STEP_END;
    }
    *next = last->idx + 1 + (st == DASD_OK_SM);
    return DASD_STEP_NEXT;
}

Dasd3390Exec *dasd3390_exec_new(Dasd3390 *d, const uint8_t *orb,
                                const uint8_t *prog)
{
    Dasd3390Exec *e = g_new0(Dasd3390Exec, 1);
    ORB o;

    orb_decode(orb, &o);
    dasd_run_init(&e->run, d);
    e->run.path = dasd_orb_path(o.lpm);
    e->x.idaw_2k = !(o.ctrl0 & ORB_CTRL0_C64) || (o.ctrl0 & ORB_CTRL0_I2K);
    e->prog = prog;
    return e;
}

bool dasd3390_exec_slice(Dasd3390Exec *e, SimDasdResult *res)
{
    DasdRun *run = &e->run;
    DasdStep step;

    memset(res, 0, sizeof(*res));
    run->loads_left = DASD_SLICE_TRACKS;
    do {
        if (++e->executed > DASD_MAX_EXECUTED) {
            res->cstat |= SCSW_CSTAT_PROG_CHECK;
            res->dstat = 0;
            step = DASD_STEP_END;
            break;
        }
        res->dstat = 0;
        res->count = 0;
        step = dasd_step(e, res);
    } while (step == DASD_STEP_NEXT);
    if (step == DASD_STEP_AGAIN) {
        e->executed--; /* the CCW is counted when it runs again */
        return false;
    }
    if (res->dstat & SCSW_DSTAT_UC) {
        res->sense_valid = true;
        memcpy(res->sense, run->sense, DASD_SENSE_SIZE);
        memcpy(run->d->sense, run->sense, DASD_SENSE_SIZE);
    }
    return true;
}

void dasd3390_exec_free(Dasd3390Exec *e)
{
    g_free(e);
}

void dasd3390_execute(Dasd3390 *d, const uint8_t *orb, const uint8_t *prog,
                      SimDasdResult *res)
{
    Dasd3390Exec *e = dasd3390_exec_new(d, orb, prog);

    while (!dasd3390_exec_slice(e, res)) {
        continue;
    }
    dasd3390_exec_free(e);
}
