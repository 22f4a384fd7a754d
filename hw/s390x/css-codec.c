/*
 * Channel subsystem: the SCHIB and IRB as they are laid out in guest
 * storage (big-endian). SCHIB: PMCW (7 words), SCSW (3 words), words
 * 10-11 the format-1 measurement-block address, word 12 model
 * dependent. IRB: SCSW, ESW (5 words), ECW (8 words), EMW (8 words).
 */
#include "qemu/osdep.h"
#include "hw/s390x/css.h"

static void st16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static void st32(uint8_t *p, uint32_t v)
{
    st16(p, v >> 16);
    st16(p + 2, v);
}

static uint16_t ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)ld16(p) << 16 | ld16(p + 2);
}

static void pmcw_encode(const Pmcw *p, uint8_t be[28])
{
    st32(be, p->intparm);
    st16(be + 4, p->flags);
    st16(be + 6, p->devno);
    be[8] = p->lpm;
    be[9] = p->pnom;
    be[10] = p->lpum;
    be[11] = p->pim;
    st16(be + 12, p->mbi);
    be[14] = p->pom;
    be[15] = p->pam;
    memcpy(be + 16, p->chpid, 8);
    st32(be + 24, p->chars);
}

static void pmcw_decode(const uint8_t be[28], Pmcw *p)
{
    p->intparm = ld32(be);
    p->flags = ld16(be + 4);
    p->devno = ld16(be + 6);
    p->lpm = be[8];
    p->pnom = be[9];
    p->lpum = be[10];
    p->pim = be[11];
    p->mbi = ld16(be + 12);
    p->pom = be[14];
    p->pam = be[15];
    memcpy(p->chpid, be + 16, 8);
    p->chars = ld32(be + 24);
}

void schib_encode(const Schib *schib, uint8_t be[SCHIB_SIZE])
{
    pmcw_encode(&schib->pmcw, be);
    scsw_encode(&schib->scsw, be + 28);
    st32(be + 40, schib->mba >> 32);
    st32(be + 44, (uint32_t)schib->mba);
    memcpy(be + 48, schib->mda, 4);
}

void schib_decode(const uint8_t be[SCHIB_SIZE], Schib *schib)
{
    pmcw_decode(be, &schib->pmcw);
    scsw_decode(be + 28, &schib->scsw);
    schib->mba = (uint64_t)ld32(be + 40) << 32 | ld32(be + 44);
    memcpy(schib->mda, be + 48, 4);
}

void css_irb_encode(const SubchDev *sch, uint8_t be[IRB_SIZE])
{
    memset(be, 0, IRB_SIZE);
    scsw_encode(&sch->schib.scsw, be);
    if (sch->ecw_len) {
        /* ESW word 1: the extended-report word */
        st32(be + 16, ERW_CONS | (uint32_t)sch->ecw_len << ERW_SCNT_SHIFT);
        memcpy(be + 32, sch->ecw, sch->ecw_len);
    }
}
