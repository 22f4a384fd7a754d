/*
 * CCW translator: the data of one CCW. A direct CCW gets an entry holding
 * the host address of its data; an IDA CCW gets an entry holding the host
 * address of a validated copy of its IDAL whose IDAWs are host addresses.
 */
#include "qemu/osdep.h"
#include "ccw-xlate-int.h"

/* The address space a data area may span: 31 bits (24 for format 0) */
static uint64_t ccw_xlate_addr_limit(const CcwProgram *p)
{
    return (p->guest_orb.ctrl0 & ORB_CTRL0_FMT) ? 1ull << 31 : 1ull << 24;
}

static bool ccw_xlate_no_data(const CCW1 *ccw, uint8_t cmd)
{
    if (ccw->count == 0 || cmd == CCW_CMD_NOOP) {
        return true;
    }
    return (ccw->flags & CCW_FLAG_SKIP) && ccw_cmd_is_input(cmd);
}

static CcwXlateReason ccw_xlate_direct(CcwProgram *p, const CcwGuestMem *mem,
                                       uint32_t slot, uint8_t cmd,
                                       const CCW1 *ccw)
{
    bool backward = ccw_cmd_is_read_backward(cmd);
    uint64_t start = ccw->cda;
    uint8_t *host;

    if (backward) {
        if (start + 1 < ccw->count) {
            return CCW_XLATE_R_DATA_ADDR;
        }
        start = start + 1 - ccw->count;
    } else if (start + ccw->count > ccw_xlate_addr_limit(p)) {
        return CCW_XLATE_R_DATA_ADDR;
    }
    host = mem->host_ptr(mem->opaque, start, ccw->count, ccw_cmd_is_input(cmd));
    if (!host) {
        return CCW_XLATE_R_DATA_ADDR;
    }
    *ccw_prog_entry(p, slot) = (uintptr_t)(backward ? host + ccw->count - 1
                                                    : host);
    return CCW_XLATE_R_NONE;
}

/* How many IDAWs @count bytes need when the first IDAW is @first */
static uint32_t ccw_xlate_nr_idaws(uint64_t first, uint32_t count,
                                   uint32_t block, bool backward)
{
    uint32_t off = first & (block - 1);

    if (backward) {
        off = block - 1 - off;
    }
    return (off + count + block - 1) / block;
}

static bool ccw_xlate_read_idal(const CcwProgram *p, const CcwGuestMem *mem,
                                uint64_t gaddr, uint32_t n, uint64_t *idaw)
{
    uint32_t raw1[CCW_XLATE_MAX_IDAWS];
    uint64_t raw2[CCW_XLATE_MAX_IDAWS];
    uint32_t i;

    if (p->fmt1_idaw) {
        if (!mem->read(mem->opaque, gaddr, raw1, n * 4)) {
            return false;
        }
        for (i = 0; i < n; i++) {
            idaw[i] = GUINT32_FROM_BE(raw1[i]);
        }
        return true;
    }
    if (!mem->read(mem->opaque, gaddr, raw2, n * 8)) {
        return false;
    }
    for (i = 0; i < n; i++) {
        idaw[i] = GUINT64_FROM_BE(raw2[i]);
    }
    return true;
}

static CcwXlateReason ccw_xlate_read_first_idaw(const CcwProgram *p,
                                                const CcwGuestMem *mem,
                                                uint64_t gaddr, uint64_t *idaw)
{
    if (gaddr & (p->fmt1_idaw ? 3 : 7)) {
        return CCW_XLATE_R_IDAL_ALIGN;
    }
    if (!ccw_xlate_read_idal(p, mem, gaddr, 1, idaw)) {
        return CCW_XLATE_R_IDAL_ADDR;
    }
    return CCW_XLATE_R_NONE;
}

/*
 * Map IDAW @i (guest @a) covering up to @rem bytes; store its host
 * address in *@out; return the bytes it covers in *@len.
 */
static CcwXlateReason ccw_xlate_idaw(const CcwProgram *p,
                                     const CcwGuestMem *mem, uint32_t i,
                                     uint64_t a, uint32_t rem, uint8_t cmd,
                                     uint64_t *out, uint32_t *len)
{
    uint64_t bmask = p->block - 1;
    bool backward = ccw_cmd_is_read_backward(cmd);
    uint64_t start;
    uint8_t *host;

    if (p->fmt1_idaw && (a & ~(uint64_t)IDAW1_ADDR_MASK)) {
        return CCW_XLATE_R_IDAW;
    }
    if (i > 0 && (a & bmask) != (backward ? bmask : 0)) {
        return CCW_XLATE_R_IDAW_ALIGN;
    }
    if (backward) {
        *len = MIN((uint64_t)rem, (a & bmask) + 1);
        start = a + 1 - *len;
    } else {
        *len = MIN((uint64_t)rem, p->block - (a & bmask));
        start = a;
    }
    host = mem->host_ptr(mem->opaque, start, *len, ccw_cmd_is_input(cmd));
    if (!host) {
        return CCW_XLATE_R_DATA_ADDR;
    }
    if (((uintptr_t)host ^ start) & bmask) {
        return CCW_XLATE_R_HOST_ALIGN;
    }
    *out = (uintptr_t)(host + (a - start));
    return CCW_XLATE_R_NONE;
}

static void ccw_xlate_reserve_idaws(CcwProgram *p, uint32_t n)
{
    if (p->nr_idaws + n > p->idaws_cap) {
        p->idaws_cap = MAX(p->idaws_cap * 2, p->nr_idaws + n);
        p->idaws = g_renew(uint64_t, p->idaws, p->idaws_cap);
    }
}

static CcwXlateReason ccw_xlate_idal(CcwProgram *p, const CcwGuestMem *mem,
                                     uint32_t slot, uint8_t cmd,
                                     const CCW1 *ccw)
{
    uint64_t idaw[CCW_XLATE_MAX_IDAWS];
    uint32_t n, i, len, rem = ccw->count;
    CcwXlateReason r;

    r = ccw_xlate_read_first_idaw(p, mem, ccw->cda, &idaw[0]);
    if (r != CCW_XLATE_R_NONE) {
        return r;
    }
    n = ccw_xlate_nr_idaws(idaw[0], ccw->count, p->block,
                           ccw_cmd_is_read_backward(cmd));
    if (n > 1 && !ccw_xlate_read_idal(p, mem, ccw->cda, n, idaw)) {
        return CCW_XLATE_R_IDAL_ADDR;
    }
    ccw_xlate_reserve_idaws(p, n);
    for (i = 0; i < n; i++) {
        r = ccw_xlate_idaw(p, mem, i, idaw[i], rem, cmd,
                           &p->idaws[p->nr_idaws + i], &len);
        if (r != CCW_XLATE_R_NONE) {
            return r;
        }
        rem -= len;
    }
    /* the entry is filled once the pool stops moving */
    p->slot[slot].idal = p->nr_idaws;
    p->nr_idaws += n;
    return CCW_XLATE_R_NONE;
}

CcwXlateReason ccw_xlate_data(CcwProgram *p, const CcwGuestMem *mem,
                              uint32_t slot, uint8_t cmd, CCW1 *ccw)
{
    CcwXlateReason r;

    p->slot[slot].idal = CCW_XLATE_NO_IDAL;
    *ccw_prog_entry(p, slot) = 0;
    if (ccw_xlate_no_data(ccw, cmd)) {
        ccw->flags &= ~CCW_FLAG_IDA;
        ccw->cda = 0;
        return CCW_XLATE_R_NONE;
    }
    if (ccw->flags & CCW_FLAG_IDA) {
        r = ccw_xlate_idal(p, mem, slot, cmd, ccw);
    } else {
        r = ccw_xlate_direct(p, mem, slot, cmd, ccw);
    }
    ccw->cda = CCW_PROG_ENTRY_AREA + slot * CCW_PROG_ENTRY_SIZE;
    return r;
}
