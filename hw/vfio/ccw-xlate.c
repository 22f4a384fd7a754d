/*
 * CCW translator: the walk. From the ORB's CPA it follows the guest's
 * chain (data chaining, command chaining, TICs) and lays each CCW it
 * reaches into the next slot of the 4 KiB user-space channel program
 * (linux/ccw-prog.h); then it lays out the paths that status modifier
 * opens, from a queue. See docs/devel/ccw-translation.rst.
 */
#include "qemu/osdep.h"
#include "ccw-xlate-int.h"

static const CcwXlateResult *ccw_xlate_refuse(CcwProgram *p, CcwXlateReason r)
{
    p->res = (CcwXlateResult){ .status = CCW_XLATE_ORB_INVALID, .reason = r };
    return &p->res;
}

static CcwXlateStatus ccw_reason_status(CcwXlateReason r)
{
    return r == CCW_XLATE_R_HOST_ALIGN ? CCW_XLATE_HOST_FAULT
                                       : CCW_XLATE_PROGRAM_CHECK;
}

static CcwXlateReason ccw_xlate_orb(CcwProgram *p, const ORB *orb)
{
    if ((orb->ctrl1 & ORB_CTRL1_RESERVED) || (orb->cpa & ORB_CPA_RESERVED)) {
        return CCW_XLATE_R_ORB_RESERVED;
    }
    if (orb->ctrl0 & ORB_CTRL0_B) {
        return CCW_XLATE_R_ORB_TRANSPORT;
    }
    if (orb->ctrl1 & ORB_CTRL1_MIDAW) {
        return CCW_XLATE_R_ORB_MIDAW;
    }
    p->fmt1_idaw = !(orb->ctrl0 & ORB_CTRL0_C64);
    p->block = (p->fmt1_idaw || (orb->ctrl0 & ORB_CTRL0_I2K)) ? 2048 : 4096;
    p->host_orb = *orb;
    p->host_orb.cpa = CCW_PROG_CCW_AREA;
    p->host_orb.ctrl0 &= ~(ORB_CTRL0_SPND | ORB_CTRL0_I2K);
    p->host_orb.ctrl0 |= ORB_CTRL0_FMT | ORB_CTRL0_C64;
    if (p->block == 2048) {
        p->host_orb.ctrl0 |= ORB_CTRL0_I2K;
    }
    return CCW_XLATE_R_NONE;
}

/* Fetch the CCW at @gaddr into *@ccw (format-1 form) */
static CcwXlateReason ccw_fetch(const CcwProgram *p, const CcwGuestMem *mem,
                                uint32_t gaddr, CCW1 *ccw)
{
    uint8_t raw[8];

    if (gaddr & 7) {
        return CCW_XLATE_R_CCW_ALIGN;
    }
    if (!mem->read(mem->opaque, gaddr, raw, sizeof(raw))) {
        return CCW_XLATE_R_CCW_ADDR;
    }
    if (p->guest_orb.ctrl0 & ORB_CTRL0_FMT) {
        ccw1_decode(raw, ccw);
    } else {
        ccw0_decode(raw, ccw);
    }
    return CCW_XLATE_R_NONE;
}

/* The checks on a non-TIC CCW before its data is looked at */
static CcwXlateReason ccw_check(const CcwProgram *p, const CcwCursor *c,
                                const CCW1 *ccw)
{
    bool fmt1 = p->guest_orb.ctrl0 & ORB_CTRL0_FMT;
    bool dc = c->ctx & CCW_CTX_DC;

    if (ccw->flags & CCW_FLAG_SUSPEND) {
        if (!(p->guest_orb.ctrl0 & ORB_CTRL0_SPND)) {
            return CCW_XLATE_R_SUSPEND;
        }
        return dc ? CCW_XLATE_R_SUSPEND_DC : CCW_XLATE_R_NONE;
    }
    if (!dc && ccw_cmd_is_invalid(ccw->cmd_code)) {
        return CCW_XLATE_R_CMD;
    }
    if (fmt1 && (ccw->cda & ~CCW1_ADDR_MASK)) {
        return CCW_XLATE_R_ADDR_BIT;
    }
    if (ccw->count == 0 && (!fmt1 || dc || (ccw->flags & CCW_FLAG_DC))) {
        return CCW_XLATE_R_COUNT;
    }
    if (ccw->flags & CCW_FLAG_MIDA) {
        return CCW_XLATE_R_MIDA;
    }
    return CCW_XLATE_R_NONE;
}

/*
 * Slot @slot was just laid for @c. When the slot before ends a command
 * that chains commands, the device may present status modifier there
 * and the channel then fetches the slot after this one: it must hold
 * the guest CCW 16 bytes after that command. A CCW that only chains
 * commands leads there anyway (@natural); otherwise that slot is
 * reserved for the status-modifier path.
 */
static void ccw_after_slot(CcwProgram *p, const CcwCursor *c, bool natural)
{
    if (c->after_cc && !natural) {
        p->sm_hole = true;
        p->sm_gaddr = c->gaddr + 8;
    }
}

/* No slot is left for @c: cut the program (an implementation limit) */
static void ccw_out_of_slots(CcwProgram *p, const CcwCursor *c)
{
    const CcwXlateStatus pc = CCW_XLATE_PROGRAM_CHECK;
    const uint32_t last = CCW_PROG_MAX_CCWS - 1;

    if (c->link >= 0) {
        /* the TIC that leads here becomes the stop */
        ccw_slot_stop(p, c->link, c->gaddr, pc, CCW_XLATE_R_TOO_LONG, c->main);
    } else if (p->nr_slots < CCW_PROG_MAX_CCWS) {
        /* one slot was left, reserved for a status-modifier successor */
        p->sm_hole = false;
        ccw_slot_stop(p, ccw_slot_new(p), c->gaddr, pc, CCW_XLATE_R_TOO_LONG,
                      c->main);
    } else if (c->main) {
        ccw_slot_stop(p, last, p->slot[last].gaddr, pc, CCW_XLATE_R_TOO_LONG,
                      true);
    }
    /* a status-modifier successor with no slot: the host runs off the end */
}

/* The channel stops at the CCW at @c: a stop slot */
static void ccw_stop_here(CcwProgram *p, const CcwCursor *c, CcwXlateStatus st,
                          CcwXlateReason r)
{
    int s = ccw_slot_new(p);

    if (s < 0) {
        ccw_out_of_slots(p, c);
        return;
    }
    ccw_slot_stop(p, s, c->gaddr, st, r, c->main);
    if (c->link >= 0) {
        ccw_slot_point(p, c->link, s);
    }
    ccw_after_slot(p, c, false);
}

/* Lay a TIC for @c; with @target >= 0 it points there */
static int ccw_lay_tic(CcwProgram *p, const CcwCursor *c, int target)
{
    CCW1 tic = { .cmd_code = CCW_CMD_TIC };
    int s = ccw_slot_new(p);

    if (s < 0) {
        ccw_out_of_slots(p, c);
        return -1;
    }
    ccw_slot_set(p, s, &tic, c, CCW_SLOT_TIC);
    if (target >= 0) {
        ccw_slot_point(p, s, target);
    }
    ccw_after_slot(p, c, false);
    return s;
}

/* The CCW at @c is translated in that context already, at @slot: join it */
static void ccw_join(CcwProgram *p, const CcwCursor *c, int slot)
{
    if (c->link >= 0) {
        ccw_slot_point(p, c->link, slot);
    } else {
        ccw_lay_tic(p, c, slot);
    }
}

/* A guest TIC at @c: true when the path goes on at its target */
static bool ccw_take_tic(CcwProgram *p, CcwCursor *c, const CCW1 *tic)
{
    bool fmt1 = p->guest_orb.ctrl0 & ORB_CTRL0_FMT;
    int s = c->link;

    if (c->via_tic) {
        ccw_stop_here(p, c, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_TIC_TO_TIC);
        return false;
    }
    if (fmt1 && (tic->cda & ~CCW1_ADDR_MASK)) {
        ccw_stop_here(p, c, CCW_XLATE_PROGRAM_CHECK, CCW_XLATE_R_ADDR_BIT);
        return false;
    }
    /* flags and count of a TIC are ignored; an inserted TIC stands in */
    if (s < 0 && (s = ccw_lay_tic(p, c, -1)) < 0) {
        return false;
    }
    *c = (CcwCursor){ .gaddr = tic->cda,
                      .ctx = c->ctx,
                      .via_tic = true,
                      .main = c->main,
                      .link = s };
    return true;
}

/*
 * A data-chaining CCW in the slot status modifier skips: the slot after
 * it cannot be both its data chain's next CCW and the status-modifier
 * successor. A TIC to it takes the slot instead.
 */
static bool ccw_detour(CcwProgram *p, CcwCursor *c)
{
    int s = ccw_lay_tic(p, c, -1);

    c->link = s;
    c->after_cc = false;
    return s >= 0;
}

/* A non-TIC CCW at @c: true when the chain goes on */
static bool ccw_take_ccw(CcwProgram *p, const CcwGuestMem *mem, CcwCursor *c,
                         CCW1 *ccw)
{
    uint8_t cmd = (c->ctx & CCW_CTX_DC) ? (c->ctx & 0xff) : ccw->cmd_code;
    uint8_t chain = ccw->flags & (CCW_FLAG_DC | CCW_FLAG_CC);
    int s = ccw_slot_new(p);
    CcwXlateReason r;

    if (s < 0) {
        ccw_out_of_slots(p, c);
        return false;
    }
    ccw->cmd_code = cmd;
    ccw->flags &= ~CCW_FLAG_SUSPEND;
    r = ccw_xlate_data(p, mem, s, cmd, ccw);
    if (r != CCW_XLATE_R_NONE) {
        ccw_slot_stop(p, s, c->gaddr, ccw_reason_status(r), r, c->main);
        if (c->link >= 0) {
            ccw_slot_point(p, c->link, s);
        }
        ccw_after_slot(p, c, false);
        return false;
    }
    ccw_slot_set(p, s, ccw, c, CCW_SLOT_CCW);
    ccw_after_slot(p, c, chain == CCW_FLAG_CC);
    if (!chain) {
        return false;
    }
    c->gaddr += 8;
    c->ctx = (chain & CCW_FLAG_DC) ? CCW_CTX_DC | cmd : CCW_CTX_CC;
    c->via_tic = false;
    c->after_cc = chain == CCW_FLAG_CC;
    c->link = -1;
    return true;
}

/* Lay out the CCW at @c; true when the path goes on at the updated @c */
static bool ccw_advance(CcwProgram *p, const CcwGuestMem *mem, CcwCursor *c)
{
    int hit = ccw_slot_find(p, c->gaddr, c->ctx);
    CcwXlateReason r;
    CCW1 ccw;

    if (hit >= 0) {
        ccw_join(p, c, hit);
        return false;
    }
    r = ccw_fetch(p, mem, c->gaddr, &ccw);
    if (r != CCW_XLATE_R_NONE) {
        ccw_stop_here(p, c, ccw_reason_status(r), r);
        return false;
    }
    if (ccw_cmd_is_tic(ccw.cmd_code)) {
        return ccw_take_tic(p, c, &ccw);
    }
    r = ccw_check(p, c, &ccw);
    if (r != CCW_XLATE_R_NONE || (ccw.flags & CCW_FLAG_SUSPEND)) {
        ccw_stop_here(p, c, r ? ccw_reason_status(r) : CCW_XLATE_SUSPEND, r);
        return false;
    }
    if (c->after_cc && (ccw.flags & CCW_FLAG_DC)) {
        return ccw_detour(p, c);
    }
    return ccw_take_ccw(p, mem, c, &ccw);
}

/* The next queued status-modifier path whose TIC is still a TIC */
static bool ccw_next_work(CcwProgram *p, CcwCursor *c)
{
    while (p->work_head < p->work_tail) {
        const CcwWork *w = &p->work[p->work_head++];

        if (p->slot[w->from].kind == CCW_SLOT_TIC) {
            *c = (CcwCursor){ .gaddr = w->gaddr, .link = w->from };
            return true;
        }
    }
    return false;
}

/*
 * Walk the main path from @c, then every status-modifier path: the one
 * whose slot comes next first (it must be laid right there), then those
 * queued behind a TIC.
 */
static void ccw_walk(CcwProgram *p, const CcwGuestMem *mem, CcwCursor c)
{
    for (;;) {
        while (ccw_advance(p, mem, &c)) {
            continue;
        }
        if (p->sm_hole) {
            p->sm_hole = false;
            c = (CcwCursor){ .gaddr = p->sm_gaddr, .link = -1 };
        } else if (!ccw_next_work(p, &c)) {
            return;
        }
    }
}

const CcwXlateResult *ccw_xlate_program(CcwProgram *p, const ORB *orb,
                                        const CcwGuestMem *mem)
{
    CcwCursor start = { .gaddr = orb->cpa, .main = true, .link = -1 };
    CcwXlateReason r;

    ccw_slots_reset(p);
    p->guest_orb = *orb;
    p->host_orb = (ORB){ 0 };
    r = ccw_xlate_orb(p, orb);
    if (r != CCW_XLATE_R_NONE) {
        return ccw_xlate_refuse(p, r);
    }
    p->res = (CcwXlateResult){ .status = CCW_XLATE_OK };
    ccw_walk(p, mem, start);
    if (p->res.status == CCW_XLATE_OK) {
        p->res.stop_slot = p->nr_slots;
    }
    ccw_slot_fix_entries(p);
    return &p->res;
}
