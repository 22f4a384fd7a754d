/*
 * Channel subsystem: the SCHIB and IRB as they are laid out in guest
 * storage (big-endian). SCHIB: PMCW (7 words), SCSW (3 words), words
 * 10-11 the format-1 measurement-block address, word 12 model
 * dependent. IRB: SCSW, ESW (5 words; format 0: subchannel logout with
 * the LPUM, extended-report word), ECW (8 words), EMW (8 words).
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/s390x/css.h"

static void pmcw_encode(const Pmcw *p, uint8_t be[28])
{
    stl_be_p(be, p->intparm);
    stw_be_p(be + 4, p->flags);
    stw_be_p(be + 6, p->devno);
    be[8] = p->lpm;
    be[9] = p->pnom;
    be[10] = p->lpum;
    be[11] = p->pim;
    stw_be_p(be + 12, p->mbi);
    be[14] = p->pom;
    be[15] = p->pam;
    memcpy(be + 16, p->chpid, 8);
    stl_be_p(be + 24, p->chars);
}

static void pmcw_decode(const uint8_t be[28], Pmcw *p)
{
    p->intparm = ldl_be_p(be);
    p->flags = lduw_be_p(be + 4);
    p->devno = lduw_be_p(be + 6);
    p->lpm = be[8];
    p->pnom = be[9];
    p->lpum = be[10];
    p->pim = be[11];
    p->mbi = lduw_be_p(be + 12);
    p->pom = be[14];
    p->pam = be[15];
    memcpy(p->chpid, be + 16, 8);
    p->chars = ldl_be_p(be + 24);
}

void schib_encode(const Schib *schib, uint8_t be[SCHIB_SIZE])
{
    pmcw_encode(&schib->pmcw, be);
    scsw_encode(&schib->scsw, be + 28);
    stl_be_p(be + 40, schib->mba >> 32);
    stl_be_p(be + 44, (uint32_t)schib->mba);
    memcpy(be + 48, schib->mda, 4);
}

void schib_decode(const uint8_t be[SCHIB_SIZE], Schib *schib)
{
    pmcw_decode(be, &schib->pmcw);
    scsw_decode(be + 28, &schib->scsw);
    schib->mba = (uint64_t)ldl_be_p(be + 40) << 32 | ldl_be_p(be + 44);
    memcpy(schib->mda, be + 48, 4);
}

void css_irb_encode(const SubchDev *sch, uint8_t be[IRB_SIZE])
{
    memset(be, 0, IRB_SIZE);
    scsw_encode(&sch->schib.scsw, be);
    /* ESW word 0, the subchannel logout: bits 8-15 last-path-used mask */
    be[13] = sch->schib.pmcw.lpum;
    if (sch->ecw_len) {
        /* ESW word 1: the extended-report word */
        stl_be_p(be + 16, ERW_CONS | (uint32_t)sch->ecw_len << ERW_SCNT_SHIFT);
        memcpy(be + 32, sch->ecw, sch->ecw_len);
    }
}
