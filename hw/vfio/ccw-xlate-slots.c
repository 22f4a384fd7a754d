/*
 * CCW translator: the slot table. Every slot of the buffer has a record
 * (the guest CCW it stands for, how that CCW was reached, what the slot
 * is); translated CCWs are found again by (guest address, context). The
 * accessors the device layer uses read the table, never the walk.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "ccw-xlate-int.h"

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

void ccw_slots_reset(CcwProgram *p)
{
    memset(&p->buf, 0, sizeof(p->buf));
    memset(p->hash, 0, sizeof(p->hash));
    p->nr_slots = 0;
    p->nr_idaws = 0;
    p->work_head = p->work_tail = 0;
    p->sm_hole = false;
}

static uint32_t ccw_key_hash(uint32_t gaddr, uint16_t ctx)
{
    return ((gaddr >> 3) ^ (ctx * 0x9e5u)) * 2654435761u >> 22; /* 10 bits */
}

int ccw_slot_find(const CcwProgram *p, uint32_t gaddr, uint16_t ctx)
{
    uint32_t h = ccw_key_hash(gaddr, ctx);
    uint16_t s;

    while ((s = p->hash[h]) != 0) {
        const CcwSlot *r = &p->slot[s - 1];

        if (r->gaddr == gaddr && r->ctx == ctx) {
            return s - 1;
        }
        h = (h + 1) & (CCW_XLATE_HASH_SIZE - 1);
    }
    return -1;
}

static void ccw_slot_index(CcwProgram *p, uint32_t slot)
{
    uint32_t h = ccw_key_hash(p->slot[slot].gaddr, p->slot[slot].ctx);

    while (p->hash[h] != 0) {
        h = (h + 1) & (CCW_XLATE_HASH_SIZE - 1);
    }
    p->hash[h] = slot + 1;
}

static uint32_t ccw_slot_take(CcwProgram *p)
{
    uint32_t s = p->nr_slots++;

    p->slot[s] = (CcwSlot){ .idal = CCW_XLATE_NO_IDAL };
    *ccw_prog_entry(p, s) = 0;
    return s;
}

/*
 * The next free slot, or -1 when the buffer is full. When the slot is
 * the one status modifier skips to, a TIC to that path goes there first
 * and the path is queued.
 */
int ccw_slot_new(CcwProgram *p)
{
    uint32_t need = p->sm_hole ? 2 : 1;
    uint32_t s;

    if (p->nr_slots + need > CCW_PROG_MAX_CCWS) {
        return -1;
    }
    if (p->sm_hole) {
        CCW1 tic = { .cmd_code = CCW_CMD_TIC };

        s = ccw_slot_take(p);
        ccw1_encode(&tic, p->buf.bytes + s * CCW_PROG_CCW_SIZE);
        p->slot[s].gaddr = p->sm_gaddr;
        p->slot[s].kind = CCW_SLOT_TIC;
        p->work[p->work_tail++] = (CcwWork){ p->sm_gaddr, s };
        p->sm_hole = false;
    }
    return ccw_slot_take(p);
}

void ccw_slot_point(CcwProgram *p, uint32_t tic, uint32_t target)
{
    stl_be_p(p->buf.bytes + tic * CCW_PROG_CCW_SIZE + 4,
             target * CCW_PROG_CCW_SIZE);
}

void ccw_slot_set(CcwProgram *p, uint32_t slot, const CCW1 *ccw,
                  const CcwCursor *c, CcwSlotKind kind)
{
    CcwSlot *r = &p->slot[slot];

    ccw1_encode(ccw, p->buf.bytes + slot * CCW_PROG_CCW_SIZE);
    r->gaddr = c->gaddr;
    r->ctx = c->ctx;
    r->kind = kind;
    if (kind == CCW_SLOT_CCW) {
        ccw_slot_index(p, slot);
    }
    if (c->link >= 0) {
        ccw_slot_point(p, c->link, slot);
    }
}

void ccw_slot_stop(CcwProgram *p, uint32_t slot, uint32_t gaddr,
                   CcwXlateStatus st, CcwXlateReason r, bool main)
{
    CCW1 noop = { .cmd_code = CCW_CMD_NOOP };
    CcwXlateResult *res = &p->stop_res[slot];

    ccw1_encode(&noop, p->buf.bytes + slot * CCW_PROG_CCW_SIZE);
    p->slot[slot].gaddr = gaddr;
    p->slot[slot].kind = CCW_SLOT_STOP;
    p->slot[slot].idal = CCW_XLATE_NO_IDAL;
    *ccw_prog_entry(p, slot) = 0;
    *res = (CcwXlateResult){
        .status = st,
        .reason = r,
        .stop_slot = slot,
        .stop_gaddr = gaddr,
        .cpa = gaddr + 8,
        .cstat = st == CCW_XLATE_PROGRAM_CHECK ? SCSW_CSTAT_PROG_CHECK
                 : st == CCW_XLATE_HOST_FAULT  ? SCSW_CSTAT_CHN_CTRL_CHK
                                               : 0,
    };
    if (main) {
        p->res = *res;
    }
}

/* IDAL copies stop moving once the walk is over: point the entries */
void ccw_slot_fix_entries(CcwProgram *p)
{
    for (uint32_t i = 0; i < p->nr_slots; i++) {
        if (p->slot[i].idal != CCW_XLATE_NO_IDAL) {
            *ccw_prog_entry(p, i) = (uintptr_t)&p->idaws[p->slot[i].idal];
        }
    }
}

/* ---- what the device layer asks ---- */

uint32_t ccw_prog_cpa_to_guest(const CcwProgram *p, uint32_t host_cpa_offset)
{
    uint32_t i = host_cpa_offset / CCW_PROG_CCW_SIZE;

    if (i == 0 || p->nr_slots == 0) {
        return p->guest_orb.cpa;
    }
    i = MIN(i, p->nr_slots);
    return p->slot[i - 1].gaddr + 8;
}

const CcwXlateResult *ccw_prog_stop_result(const CcwProgram *p,
                                           uint32_t host_cpa_offset)
{
    uint32_t i = host_cpa_offset / CCW_PROG_CCW_SIZE;

    if (host_cpa_offset % CCW_PROG_CCW_SIZE || i == 0 || i > p->nr_slots ||
        p->slot[i - 1].kind != CCW_SLOT_STOP) {
        return NULL;
    }
    return &p->stop_res[i - 1];
}

bool ccw_prog_reached_stop(const CcwProgram *p, uint32_t host_cpa_offset)
{
    return ccw_prog_stop_result(p, host_cpa_offset) != NULL;
}

const CcwXlateResult *ccw_prog_stop_at_start(const CcwProgram *p)
{
    uint32_t s = 0;

    if (p->nr_slots == 0) {
        return NULL;
    }
    if (p->slot[0].kind == CCW_SLOT_TIC) {
        s = ldl_be_p(p->buf.bytes + 4) / CCW_PROG_CCW_SIZE;
    }
    return ccw_prog_stop_result(p, (s + 1) * CCW_PROG_CCW_SIZE);
}

uint32_t ccw_prog_nr_slots(const CcwProgram *p)
{
    return p->nr_slots;
}

const uint8_t *ccw_prog_buffer(const CcwProgram *p)
{
    return p->buf.bytes;
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
