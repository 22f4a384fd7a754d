/*
 * Channel subsystem: the subchannel functions and the transitions of the
 * SCSW's function, activity and status control (z/Architecture
 * Principles of Operation, "I/O Instructions" and "I/O Interruptions").
 * Operands arrive validated (target/s390x/ioinst.c); everything here
 * answers a condition code.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/s390x/css.h"
#include "exec/memory.h"
#include "qemu/log.h"

#define FCTL_MASK   (SCSW_FCTL_START | SCSW_FCTL_HALT | SCSW_FCTL_CLEAR)
#define ACTL_MASK   0x0fe0
#define STCTL_MASK  0x001f
#define ACTL_ACTIVE (SCSW_ACTL_SCH_ACTIVE | SCSW_ACTL_DEV_ACTIVE)
#define STCTL_FINAL                                                            \
    (SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT)

static uint16_t fctl(const SubchDev *sch)
{
    return sch->schib.scsw.ctrl & FCTL_MASK;
}

static uint16_t actl(const SubchDev *sch)
{
    return sch->schib.scsw.ctrl & ACTL_MASK;
}

static uint16_t stctl(const SubchDev *sch)
{
    return sch->schib.scsw.ctrl & STCTL_MASK;
}

static void set_ctrl(SubchDev *sch, uint16_t f, uint16_t a, uint16_t s)
{
    sch->schib.scsw.ctrl = f | a | s;
}

static bool sch_operational(const SubchDev *sch)
{
    uint16_t flags = sch->schib.pmcw.flags;

    return (flags & PMCW_FLAGS_DNV) && (flags & PMCW_FLAGS_ENA);
}

static bool status_pending(const SubchDev *sch)
{
    return stctl(sch) & SCSW_STCTL_STATUS_PEND;
}

/* Status pending with more than intermediate status alone. */
static bool status_pending_final(const SubchDev *sch)
{
    uint16_t s = stctl(sch);

    return (s & SCSW_STCTL_STATUS_PEND) &&
           ((s & STCTL_FINAL) || s == SCSW_STCTL_STATUS_PEND);
}

static void make_status_pending(SubchDev *sch, uint16_t f, uint16_t a,
                                uint16_t s)
{
    set_ctrl(sch, f, a, s | SCSW_STCTL_STATUS_PEND);
    css_intr_queue(sch);
}

int css_do_stsch(SubchDev *sch, Schib *out)
{
    if (sch->ops && sch->ops->store) {
        sch->ops->store(sch);
    }
    *out = sch->schib;
    return 0;
}

int css_do_msch(SubchDev *sch, const Schib *in)
{
    Pmcw *p = &sch->schib.pmcw;
    const uint16_t mod = PMCW_FLAGS_ISC | PMCW_FLAGS_ENA | PMCW_FLAGS_LM |
                         PMCW_FLAGS_MME | PMCW_FLAGS_MP;
    const uint32_t cmod = PMCW_CHARS_MBFC | PMCW_CHARS_XMWME |
                          PMCW_CHARS_CSENSE;

    if (status_pending(sch)) {
        return 1;
    }
    if (fctl(sch)) {
        return 2;
    }
    p->intparm = in->pmcw.intparm;
    p->flags = (p->flags & ~mod) | (in->pmcw.flags & mod);
    p->lpm = in->pmcw.lpm & p->pim;
    p->mbi = in->pmcw.mbi;
    p->chars = (p->chars & ~cmod) | (in->pmcw.chars & cmod);
    sch->schib.mba = (p->chars & PMCW_CHARS_MBFC) ? in->mba : 0;
    return 0;
}

static void scsw_from_orb(SCSW *scsw, const ORB *orb)
{
    uint16_t f = orb->ctrl0 & SCSW_FLAGS_KEY;

    f |= (orb->ctrl0 & ORB_CTRL0_SPND) ? SCSW_FLAGS_SCTL : 0;
    f |= (orb->ctrl0 & ORB_CTRL0_FMT) ? SCSW_FLAGS_FMT : 0;
    f |= (orb->ctrl0 & ORB_CTRL0_PFCH) ? SCSW_FLAGS_PFCH : 0;
    f |= (orb->ctrl0 & ORB_CTRL0_ISIC) ? SCSW_FLAGS_ISIC : 0;
    f |= (orb->ctrl0 & ORB_CTRL0_ALCC) ? SCSW_FLAGS_ALCC : 0;
    f |= (orb->ctrl0 & ORB_CTRL0_SSIC) ? SCSW_FLAGS_SSI : 0;
    memset(scsw, 0, sizeof(*scsw));
    scsw->flags = f;
    scsw->cpa = orb->cpa;
}

static uint8_t first_path(uint8_t mask)
{
    for (uint8_t bit = 0x80; bit; bit >>= 1) {
        if (mask & bit) {
            return bit;
        }
    }
    return 0;
}

int css_do_ssch(SubchDev *sch, const ORB *orb)
{
    Pmcw *p = &sch->schib.pmcw;
    uint8_t paths = orb->lpm & p->lpm & p->pam & p->pom;
    int cc;

    if (!sch_operational(sch)) {
        return 3;
    }
    if (status_pending(sch)) {
        return 1;
    }
    if (fctl(sch)) {
        return 2;
    }
    if (!paths || !sch->ops || !sch->ops->start) {
        return 3;
    }
    sch->orb = *orb;
    p->intparm = orb->intparm;
    p->lpum = first_path(paths);
    sch->ecw_len = 0;
    scsw_from_orb(&sch->schib.scsw, orb);
    set_ctrl(sch, SCSW_FCTL_START, SCSW_ACTL_START_PEND, 0);
    cc = sch->ops->start(sch, orb);
    trace_point("css_start", "%x.%x.%04x cpa 0x%08x -> cc %d", sch->cssid,
                sch->ssid, sch->schid, orb->cpa, cc);
    if (cc) {
        set_ctrl(sch, 0, 0, 0);
        return cc;
    }
    /* the device may have completed already (synchronous device) */
    if (actl(sch) & SCSW_ACTL_START_PEND) {
        set_ctrl(sch, fctl(sch), ACTL_ACTIVE, stctl(sch));
    }
    return 0;
}

static bool status_is_alert(const CssIoStatus *st)
{
    return (st->dstat & (SCSW_DSTAT_UC | SCSW_DSTAT_UE | SCSW_DSTAT_BUSY |
                         SCSW_DSTAT_ATTENTION)) ||
           (st->cstat & ~SCSW_CSTAT_PCI);
}

static void complete_intermediate(SubchDev *sch, const CssIoStatus *st)
{
    uint16_t a = actl(sch) & ~(SCSW_ACTL_START_PEND | SCSW_ACTL_RESUME_PEND);

    if (st->suspended) {
        a = (a & ~ACTL_ACTIVE) | SCSW_ACTL_SUSP;
        if (sch->orb.ctrl0 & ORB_CTRL0_SSIC) {
            set_ctrl(sch, fctl(sch), a, 0);
            return;
        }
    }
    make_status_pending(sch, fctl(sch), a, SCSW_STCTL_INTERMEDIATE);
}

void css_io_complete(SubchDev *sch, const CssIoStatus *st)
{
    SCSW *scsw = &sch->schib.scsw;
    uint16_t s = 0;

    trace_point("css_io_complete",
                "%x.%x.%04x dstat 0x%02x cstat 0x%02x cpa 0x%08x count %u",
                sch->cssid, sch->ssid, sch->schid, st->dstat, st->cstat,
                st->cpa, st->count);
    if (!fctl(sch)) {
        return; /* nothing in progress: a stale report */
    }
    scsw->dstat = st->dstat;
    scsw->cstat = st->cstat;
    scsw->cpa = st->cpa;
    scsw->count = st->count;
    if (st->sense && st->sense_len &&
        (sch->schib.pmcw.chars & PMCW_CHARS_CSENSE)) {
        sch->ecw_len = MIN(st->sense_len, CSS_SENSE_MAX);
        memcpy(sch->ecw, st->sense, sch->ecw_len);
        /*
         * ESW format with concurrent sense in the ERW, and E: the ECW
         * holds information. Linux copies the ECW only when E is one.
         */
        scsw->flags |= SCSW_FLAGS_ESWF | SCSW_FLAGS_ECTL;
    }
    if ((st->intermediate || st->suspended) && fctl(sch) == SCSW_FCTL_START) {
        complete_intermediate(sch, st);
        return;
    }
    if (fctl(sch) & SCSW_FCTL_CLEAR) {
        scsw->dstat = 0;
        scsw->cstat = 0;
        make_status_pending(sch, fctl(sch), 0, 0);
        return;
    }
    s |= (st->dstat & SCSW_DSTAT_CE) ? SCSW_STCTL_PRIMARY : 0;
    s |= (st->dstat & SCSW_DSTAT_DE) ? SCSW_STCTL_SECONDARY : 0;
    s |= status_is_alert(st) ? SCSW_STCTL_ALERT | SCSW_STCTL_PRIMARY : 0;
    /*
     * A channel condition (program check, ...) that ends the program
     * before the device presented device end: the device is no longer
     * involved, so the subchannel becomes available as well (secondary
     * status), as QEMU presents it.
     */
    if ((st->cstat & ~SCSW_CSTAT_PCI) && !(st->dstat & SCSW_DSTAT_DE)) {
        s |= SCSW_STCTL_SECONDARY;
    }
    if (!s && !(fctl(sch) & SCSW_FCTL_HALT)) {
        s = SCSW_STCTL_PRIMARY; /* the start function ended anyway */
    }
    make_status_pending(sch, fctl(sch), 0, s);
}

void css_sch_alert(SubchDev *sch)
{
    if (!sch_operational(sch) || status_pending(sch)) {
        return;
    }
    make_status_pending(sch, fctl(sch), actl(sch), SCSW_STCTL_ALERT);
}

int css_do_tsch(SubchDev *sch, uint8_t irb[IRB_SIZE])
{
    SCSW *scsw = &sch->schib.scsw;
    uint16_t s = stctl(sch);

    css_irb_encode(sch, irb);
    if (!(s & SCSW_STCTL_STATUS_PEND)) {
        return 1;
    }
    trace_point("css_tsch",
                "%x.%x.%04x flags 0x%04x dstat 0x%02x cstat 0x%02x erw "
                "0x%08x sense %02x %02x",
                sch->cssid, sch->ssid, sch->schid, scsw->flags, scsw->dstat,
                scsw->cstat, ldl_be_p(irb + 16), irb[32], irb[33]);
    css_intr_dequeue(sch);
    if (!(s & STCTL_FINAL) && (s & SCSW_STCTL_INTERMEDIATE) &&
        fctl(sch) == SCSW_FCTL_START) {
        set_ctrl(sch, fctl(sch), actl(sch), 0); /* the program goes on */
    } else {
        set_ctrl(sch, 0, 0, 0);
    }
    scsw->flags &= ~(SCSW_FLAGS_ESWF | SCSW_FLAGS_ECTL);
    sch->ecw_len = 0;
    return 0;
}

/* Halt performed by the css: the device's program is dropped. */
static void css_halt_now(SubchDev *sch)
{
    bool was_active = actl(sch) &
                      (ACTL_ACTIVE | SCSW_ACTL_SUSP | SCSW_ACTL_START_PEND);

    if (sch->ops && sch->ops->cancel_io) {
        sch->ops->cancel_io(sch);
    }
    sch->schib.scsw.dstat = 0;
    sch->schib.scsw.cstat = 0;
    make_status_pending(sch, fctl(sch), 0,
                        was_active ? SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY
                                   : 0);
}

int css_do_hsch(SubchDev *sch)
{
    uint16_t f = fctl(sch);
    uint16_t a = actl(sch);
    int cc;

    if (!sch_operational(sch)) {
        return 3;
    }
    if (status_pending_final(sch)) {
        return 1;
    }
    if (f & (SCSW_FCTL_HALT | SCSW_FCTL_CLEAR)) {
        return 2;
    }
    /* intermediate status still pending is withdrawn */
    css_intr_dequeue(sch);
    set_ctrl(sch, f | SCSW_FCTL_HALT, a | SCSW_ACTL_HALT_PEND, 0);
    if (!sch->ops || !sch->ops->halt) {
        css_halt_now(sch);
        return 0;
    }
    cc = sch->ops->halt(sch);
    if (cc) {
        set_ctrl(sch, f, a, 0);
    }
    return cc;
}

int css_do_csch(SubchDev *sch)
{
    Pmcw *p = &sch->schib.pmcw;
    int cc;

    if (!sch_operational(sch)) {
        return 3;
    }
    css_intr_dequeue(sch);
    p->pnom = 0;
    p->lpum = 0;
    sch->ecw_len = 0;
    sch->schib.scsw.flags &= ~(SCSW_FLAGS_ESWF | SCSW_FLAGS_ECTL);
    set_ctrl(sch, SCSW_FCTL_CLEAR, SCSW_ACTL_CLEAR_PEND, 0);
    if (sch->ops && sch->ops->clear) {
        cc = sch->ops->clear(sch);
        if (!cc) {
            return 0;
        }
    }
    if (sch->ops && sch->ops->cancel_io) {
        sch->ops->cancel_io(sch);
    }
    sch->schib.scsw.dstat = 0;
    sch->schib.scsw.cstat = 0;
    make_status_pending(sch, SCSW_FCTL_CLEAR, 0, 0);
    return 0;
}

int css_do_rsch(SubchDev *sch)
{
    uint16_t a = actl(sch);
    int cc;

    if (!sch_operational(sch)) {
        return 3;
    }
    if (status_pending(sch)) {
        return 1;
    }
    if (fctl(sch) != SCSW_FCTL_START || (a & SCSW_ACTL_RESUME_PEND) ||
        !(sch->orb.ctrl0 & ORB_CTRL0_SPND) || !sch->ops->resume) {
        return 2;
    }
    set_ctrl(sch, SCSW_FCTL_START, a | SCSW_ACTL_RESUME_PEND, 0);
    cc = sch->ops->resume(sch);
    if (cc) {
        set_ctrl(sch, SCSW_FCTL_START, a, 0);
        return cc;
    }
    a = actl(sch);
    if (a & SCSW_ACTL_RESUME_PEND) {
        a &= ~(SCSW_ACTL_RESUME_PEND | SCSW_ACTL_SUSP);
        set_ctrl(sch, fctl(sch), a | ACTL_ACTIVE, stctl(sch));
    }
    return 0;
}

int css_do_xsch(SubchDev *sch)
{
    uint16_t a = actl(sch);

    if (!sch_operational(sch)) {
        return 3;
    }
    if (status_pending(sch)) {
        return 1;
    }
    if (fctl(sch) != SCSW_FCTL_START ||
        (a & ~(SCSW_ACTL_START_PEND | SCSW_ACTL_RESUME_PEND)) || !a) {
        return 2;
    }
    if (sch->ops->cancel_io) {
        sch->ops->cancel_io(sch);
    }
    set_ctrl(sch, 0, 0, 0);
    return 0;
}

bool css_fetch_ccw(const ORB *orb, uint32_t addr, CCW1 *ccw)
{
    uint8_t be[8];

    if ((addr & 7) || address_space_read(&address_space_memory, addr,
                                         MEMTXATTRS_UNSPECIFIED, be, 8)) {
        return false;
    }
    if (orb->ctrl0 & ORB_CTRL0_FMT) {
        ccw1_decode(be, ccw);
    } else {
        ccw0_decode(be, ccw);
    }
    return true;
}
