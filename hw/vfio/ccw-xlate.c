/*
 * CCW translator: walks the guest's channel program from the ORB's CPA,
 * following command chaining, data chaining and TICs, and lays it out in
 * the 4 KiB user-space channel program (linux/ccw-prog.h).
 */
#include "qemu/osdep.h"
#include "ccw-xlate-int.h"

/*
 * How a CCW is reached: 0 by command chaining (or the ORB), else
 * CCW_CTX_DC | the command its data chain carries. The translation of a
 * CCW is a function of the CCW and this context only, so a CCW is shared
 * only between walks that reach it with the same context: a data chain of
 * a NOOP and one of a write that run into the same CCW get a slot each.
 */
#define CCW_CTX_DC 0x100u

typedef struct CcwWalk {
    uint32_t addr;      /* guest address of the CCW to fetch next */
    uint32_t ctx;       /* 0, or CCW_CTX_DC | direction of the chain */
    uint8_t chain_cmd;  /* the command a data chain carries */
    int prev_tic;       /* slot of the TIC that leads to addr, or -1 */
} CcwWalk;

CcwProgram *ccw_prog_new(void)
{
    return g_new0(CcwProgram, 1);
}

void ccw_prog_free(CcwProgram *p)
{
    if (p) {
        g_free(p->idaws);
        g_free(p);
    }
}

static uint32_t ccw_hash(uint32_t gaddr)
{
    return (gaddr >> 3) * 2654435761u >> 22;    /* 10 bits */
}

static int ccw_slot_lookup(const CcwProgram *p, uint32_t gaddr, uint32_t ctx)
{
    uint32_t h = ccw_hash(gaddr);
    uint16_t s;

    while ((s = p->slot_hash[h]) != 0) {
        if (p->guest_addr[s - 1] == gaddr && p->ctx[s - 1] == ctx) {
            return s - 1;
        }
        h = (h + 1) & (CCW_XLATE_HASH_SIZE - 1);
    }
    return -1;
}

static void ccw_slot_put(CcwProgram *p, uint32_t slot, const CCW1 *ccw,
                         uint32_t gaddr, uint32_t ctx)
{
    uint32_t h = ccw_hash(gaddr);

    ccw1_encode(ccw, p->buf.bytes + slot * CCW_PROG_CCW_SIZE);
    p->guest_addr[slot] = gaddr;
    p->ctx[slot] = ctx;
    while (p->slot_hash[h] != 0) {
        h = (h + 1) & (CCW_XLATE_HASH_SIZE - 1);
    }
    p->slot_hash[h] = slot + 1;
    if (slot >= p->nr_ccws) {
        p->nr_ccws = slot + 1;
    }
}

static CCW1 ccw_slot_get(const CcwProgram *p, uint32_t slot)
{
    CCW1 c;

    ccw1_decode(p->buf.bytes + slot * CCW_PROG_CCW_SIZE, &c);
    return c;
}

static void ccw_slot_set_cda(CcwProgram *p, uint32_t slot, uint32_t cda)
{
    CCW1 c = ccw_slot_get(p, slot);

    c.cda = cda;
    ccw1_encode(&c, p->buf.bytes + slot * CCW_PROG_CCW_SIZE);
}

static const CcwXlateResult *ccw_xlate_refuse(CcwProgram *p, CcwXlateReason r)
{
    p->res = (CcwXlateResult){ .status = CCW_XLATE_ORB_INVALID, .reason = r };
    return &p->res;
}

/*
 * Stop at the CCW @w->addr: a NOOP without chaining takes its slot (the
 * last slot when the area is full) and whatever leads there.
 */
static void ccw_xlate_stop(CcwProgram *p, const CcwWalk *w, CcwXlateStatus st,
                           CcwXlateReason r)
{
    CCW1 noop = { .cmd_code = CCW_CMD_NOOP };
    uint32_t slot = p->nr_ccws, gaddr = w->addr;

    if (slot == CCW_PROG_MAX_CCWS) {
        slot = CCW_PROG_MAX_CCWS - 1;
        gaddr = p->guest_addr[slot];
    } else if (w->prev_tic >= 0) {
        ccw_slot_set_cda(p, w->prev_tic, slot * CCW_PROG_CCW_SIZE);
    }
    ccw_slot_put(p, slot, &noop, gaddr, w->ctx);
    p->idal_start[slot] = CCW_XLATE_NO_IDAL;
    *ccw_prog_entry(p, slot) = 0;
    p->res = (CcwXlateResult){
        .status = st, .reason = r, .stop_slot = slot, .stop_gaddr = gaddr,
        .cpa = gaddr + 8,
        .cstat = st == CCW_XLATE_PROGRAM_CHECK ? SCSW_CSTAT_PROG_CHECK
                 : st == CCW_XLATE_HOST_FAULT  ? SCSW_CSTAT_CHN_CTRL_CHK
                                                : 0,
    };
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
static CcwXlateReason ccw_check(const CcwProgram *p, const CcwWalk *w,
                                const CCW1 *ccw)
{
    bool fmt1 = p->guest_orb.ctrl0 & ORB_CTRL0_FMT;
    bool dc = w->ctx & CCW_CTX_DC;

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
 * Slot @t is a TIC (the guest's, or one inserted for a sequential
 * successor) that just linked the walk back to translated CCWs. When it
 * follows a command-chained CCW, that CCW's device may present status
 * modifier: the channel then skips the CCW at slot @t and fetches the
 * one 16 bytes after the command-chained CCW, which the host finds at
 * slot @t + 1. Go on translating there (the classic search loop: Search
 * ID Equal, TIC *-8, Read Data). True when the walk goes on.
 */
static bool ccw_link_sm_path(CcwProgram *p, CcwWalk *w, uint32_t t)
{
    CCW1 prev;

    if (t == 0 || t + 1 != p->nr_ccws || p->ctx[t] != 0) {
        return false;
    }
    prev = ccw_slot_get(p, t - 1);
    if (ccw_cmd_is_tic(prev.cmd_code) || p->ctx[t - 1] & CCW_CTX_DC ||
        (prev.flags & (CCW_FLAG_CC | CCW_FLAG_DC)) != CCW_FLAG_CC ||
        p->guest_addr[t - 1] + 8 != p->guest_addr[t]) {
        return false;
    }
    w->addr = p->guest_addr[t] + 8;
    w->ctx = 0;
    w->prev_tic = -1;
    return true;
}

/*
 * The CCW at @w->addr was translated before in the same context: link to
 * it. Returns the rule broken, or NONE; *@more: the walk goes on (on the
 * status-modifier path, see ccw_link_sm_path).
 */
static CcwXlateReason ccw_link(CcwProgram *p, CcwWalk *w, uint32_t slot,
                               bool *more)
{
    CCW1 target = ccw_slot_get(p, slot);
    CCW1 tic = { .cmd_code = CCW_CMD_TIC };

    if (ccw_cmd_is_tic(target.cmd_code)) {
        if (w->prev_tic >= 0) {
            return CCW_XLATE_R_TIC_TO_TIC;
        }
        tic.cda = target.cda;   /* skip over it: no TIC to a TIC */
    } else {
        tic.cda = slot * CCW_PROG_CCW_SIZE;
    }
    if (w->prev_tic >= 0) {
        ccw_slot_set_cda(p, w->prev_tic, tic.cda);
        *more = ccw_link_sm_path(p, w, w->prev_tic);
        return CCW_XLATE_R_NONE;
    }
    if (p->nr_ccws == CCW_PROG_MAX_CCWS) {
        return CCW_XLATE_R_TOO_LONG;
    }
    ccw_slot_put(p, p->nr_ccws, &tic, w->addr, w->ctx);
    p->idal_start[p->nr_ccws - 1] = CCW_XLATE_NO_IDAL;
    *ccw_prog_entry(p, p->nr_ccws - 1) = 0;
    *more = ccw_link_sm_path(p, w, p->nr_ccws - 1);
    return CCW_XLATE_R_NONE;
}

static CcwXlateReason ccw_xlate_tic(CcwProgram *p, CcwWalk *w, CCW1 *ccw)
{
    uint32_t slot = p->nr_ccws;
    bool fmt1 = p->guest_orb.ctrl0 & ORB_CTRL0_FMT;
    uint32_t target = ccw->cda;

    if (w->prev_tic >= 0) {
        return CCW_XLATE_R_TIC_TO_TIC;
    }
    if (fmt1 && (target & ~CCW1_ADDR_MASK)) {
        return CCW_XLATE_R_ADDR_BIT;
    }
    /* flags and count of a TIC are ignored; the target is set later */
    *ccw = (CCW1){ .cmd_code = CCW_CMD_TIC };
    ccw_slot_put(p, slot, ccw, w->addr, w->ctx);
    p->idal_start[slot] = CCW_XLATE_NO_IDAL;
    *ccw_prog_entry(p, slot) = 0;
    w->prev_tic = slot;
    w->addr = target;
    return CCW_XLATE_R_NONE;
}

/* Translate a non-TIC CCW into the next slot; *@more: the chain goes on */
static CcwXlateReason ccw_xlate_one(CcwProgram *p, const CcwGuestMem *mem,
                                    CcwWalk *w, CCW1 *ccw, bool *more)
{
    uint32_t slot = p->nr_ccws;
    uint8_t cmd = (w->ctx & CCW_CTX_DC) ? w->chain_cmd : ccw->cmd_code;
    CcwXlateReason r;

    ccw->cmd_code = cmd;
    ccw->flags &= ~CCW_FLAG_SUSPEND;
    r = ccw_xlate_data(p, mem, slot, cmd, ccw);
    if (r != CCW_XLATE_R_NONE) {
        return r;
    }
    if (w->prev_tic >= 0) {
        ccw_slot_set_cda(p, w->prev_tic, slot * CCW_PROG_CCW_SIZE);
    }
    ccw_slot_put(p, slot, ccw, w->addr, w->ctx);
    w->prev_tic = -1;
    w->addr += 8;
    *more = ccw->flags & (CCW_FLAG_DC | CCW_FLAG_CC);
    if (ccw->flags & CCW_FLAG_DC) {
        w->ctx = CCW_CTX_DC | cmd;
        w->chain_cmd = cmd;
    } else {
        w->ctx = 0;
    }
    return CCW_XLATE_R_NONE;
}

/* One step of the walk: false when it ends (*@st, *@r say how) */
static bool ccw_xlate_step(CcwProgram *p, const CcwGuestMem *mem,
                           CcwWalk *w, CcwXlateStatus *st, CcwXlateReason *r)
{
    int slot = ccw_slot_lookup(p, w->addr, w->ctx);
    bool more = false;
    CCW1 ccw;

    *st = CCW_XLATE_OK;
    if (slot >= 0) {
        *r = ccw_link(p, w, slot, &more);
    } else {
        *r = ccw_fetch(p, mem, w->addr, &ccw);
        if (*r == CCW_XLATE_R_NONE && p->nr_ccws == CCW_PROG_MAX_CCWS) {
            *r = CCW_XLATE_R_TOO_LONG;
        }
    }
    if (slot >= 0 || *r != CCW_XLATE_R_NONE) {
        /* fall through to the status */
    } else if (ccw_cmd_is_tic(ccw.cmd_code)) {
        *r = ccw_xlate_tic(p, w, &ccw);
        more = true;
    } else {
        *r = ccw_check(p, w, &ccw);
        if (*r == CCW_XLATE_R_NONE && (ccw.flags & CCW_FLAG_SUSPEND)) {
            *st = CCW_XLATE_SUSPEND;
            return false;
        }
        if (*r == CCW_XLATE_R_NONE) {
            *r = ccw_xlate_one(p, mem, w, &ccw, &more);
        }
    }
    if (*r != CCW_XLATE_R_NONE) {
        *st = ccw_reason_status(*r);
        return false;
    }
    return more;
}

static void ccw_xlate_reset(CcwProgram *p, const ORB *orb)
{
    memset(&p->buf, 0, sizeof(p->buf));
    memset(p->slot_hash, 0, sizeof(p->slot_hash));
    p->nr_ccws = 0;
    p->nr_idaws = 0;
    p->guest_orb = *orb;
    p->host_orb = (ORB){ 0 };
}

/* IDAL copies stop moving once the walk is over: point the entries */
static void ccw_xlate_fix_entries(CcwProgram *p)
{
    uint32_t i;

    for (i = 0; i < p->nr_ccws; i++) {
        if (p->idal_start[i] != CCW_XLATE_NO_IDAL) {
            *ccw_prog_entry(p, i) = (uintptr_t)&p->idaws[p->idal_start[i]];
        }
    }
}

const CcwXlateResult *ccw_xlate_program(CcwProgram *p, const ORB *orb,
                                        const CcwGuestMem *mem)
{
    CcwWalk w = { .addr = orb->cpa, .prev_tic = -1 };
    CcwXlateStatus st;
    CcwXlateReason r;

    ccw_xlate_reset(p, orb);
    r = ccw_xlate_orb(p, orb);
    if (r != CCW_XLATE_R_NONE) {
        return ccw_xlate_refuse(p, r);
    }
    while (ccw_xlate_step(p, mem, &w, &st, &r)) {
        continue;
    }
    if (st != CCW_XLATE_OK) {
        ccw_xlate_stop(p, &w, st, r);
    } else {
        p->res = (CcwXlateResult){ .stop_slot = p->nr_ccws };
    }
    ccw_xlate_fix_entries(p);
    return &p->res;
}

uint32_t ccw_prog_cpa_to_guest(const CcwProgram *p, uint32_t host_cpa_offset)
{
    uint32_t i = host_cpa_offset / CCW_PROG_CCW_SIZE;

    if (i == 0 || p->nr_ccws == 0) {
        return p->guest_orb.cpa;
    }
    i = MIN(i, p->nr_ccws);
    return p->guest_addr[i - 1] + 8;
}

bool ccw_prog_reached_stop(const CcwProgram *p, uint32_t host_cpa_offset)
{
    if (p->res.status == CCW_XLATE_OK ||
        p->res.status == CCW_XLATE_ORB_INVALID) {
        return false;
    }
    return host_cpa_offset == (p->res.stop_slot + 1) * CCW_PROG_CCW_SIZE;
}

const CcwXlateResult *ccw_prog_stop_result(const CcwProgram *p,
                                           uint32_t host_cpa_offset)
{
    return ccw_prog_reached_stop(p, host_cpa_offset) ? &p->res : NULL;
}

uint32_t ccw_prog_nr_slots(const CcwProgram *p)
{
    return p->nr_ccws;
}

void ccw_prog_fill_request(const CcwProgram *p, struct ccw_prog_request *req)
{
    orb_encode(&p->host_orb, req->orb);
    memset(req->pad, 0, sizeof(req->pad));
    memcpy(req->prog, p->buf.bytes, sizeof(req->prog));
}

const char *ccw_xlate_reason_str(CcwXlateReason r)
{
    static const char *const names[CCW_XLATE_R__MAX] = {
        [CCW_XLATE_R_NONE] = "none",
        [CCW_XLATE_R_ORB_RESERVED] = "ORB reserved bit set",
        [CCW_XLATE_R_ORB_TRANSPORT] = "transport mode not supported",
        [CCW_XLATE_R_ORB_MIDAW] = "MIDAW not supported",
        [CCW_XLATE_R_CCW_ALIGN] = "CCW not on a doubleword boundary",
        [CCW_XLATE_R_CCW_ADDR] = "CCW address not in guest storage",
        [CCW_XLATE_R_CMD] = "invalid command code",
        [CCW_XLATE_R_ADDR_BIT] = "format-1 CCW address bit 32 set",
        [CCW_XLATE_R_TIC_TO_TIC] = "TIC to a TIC",
        [CCW_XLATE_R_COUNT] = "invalid zero count",
        [CCW_XLATE_R_MIDA] = "MIDA flag",
        [CCW_XLATE_R_SUSPEND] = "suspend flag without ORB suspend control",
        [CCW_XLATE_R_SUSPEND_DC] = "suspend flag in data chaining",
        [CCW_XLATE_R_DATA_ADDR] = "data address not in guest storage",
        [CCW_XLATE_R_IDAL_ALIGN] = "IDAL misaligned",
        [CCW_XLATE_R_IDAL_ADDR] = "IDAL address not in guest storage",
        [CCW_XLATE_R_IDAW] = "format-1 IDAW bit 0 set",
        [CCW_XLATE_R_IDAW_ALIGN] = "IDAW not on a block boundary",
        [CCW_XLATE_R_TOO_LONG] = "more than 256 CCWs",
        [CCW_XLATE_R_HOST_ALIGN] = "host IDAW not congruent",
    };

    return r < CCW_XLATE_R__MAX && names[r] ? names[r] : "?";
}
