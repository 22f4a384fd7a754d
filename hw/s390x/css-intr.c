/*
 * Channel subsystem: pending I/O interruptions, one FIFO per
 * interruption subclass (ISC 0 has the highest priority), and the queue
 * of channel-report words behind the machine-check-pending indication.
 *
 * An ISC's FIFO holds subchannels and, at most once, that ISC's adapter
 * interruption indication: a token in css_adapter_token[isc] stands for
 * it, so it keeps its place in arrival order among the subchannels.
 */
#include "qemu/osdep.h"
#include "hw/s390x/css.h"

#define CSS_CRW_MAX 64

static GQueue css_io_queue[CSS_MAX_ISC + 1];
static GQueue css_crws; /* uint32_t CRWs, as GUINT_TO_POINTER */
static bool css_crw_overflow;

static uint8_t css_adapter_token[CSS_MAX_ISC + 1];
static uint8_t css_adapter_queued; /* bit 0x80 >> isc: token in the FIFO */
static uint8_t css_ais_single;     /* SIC mode 1 (suppression) per ISC */
static uint8_t css_ais_held;       /* suppressed until the next SIC */

static bool css_is_adapter_token(const void *p, int isc)
{
    return p == &css_adapter_token[isc];
}

void css_intr_queue(SubchDev *sch)
{
    if (sch->intr_queued) {
        return;
    }
    sch->intr_isc = (sch->schib.pmcw.flags & PMCW_FLAGS_ISC) >>
                    PMCW_FLAGS_ISC_SHIFT;
    sch->intr_queued = true;
    g_queue_push_tail(&css_io_queue[sch->intr_isc], sch);
}

void css_intr_dequeue(SubchDev *sch)
{
    if (!sch->intr_queued) {
        return;
    }
    g_queue_remove(&css_io_queue[sch->intr_isc], sch);
    sch->intr_queued = false;
}

static int css_intr_first_isc(uint8_t isc_mask)
{
    for (int isc = 0; isc <= CSS_MAX_ISC; isc++) {
        if ((isc_mask & (0x80 >> isc)) &&
            !g_queue_is_empty(&css_io_queue[isc])) {
            return isc;
        }
    }
    return -1;
}

bool css_intr_accept(uint8_t isc_mask, CssIoIntr *out)
{
    int isc = css_intr_first_isc(isc_mask);
    SubchDev *sch;

    if (isc < 0) {
        return false;
    }
    out->isc = isc;
    if (css_is_adapter_token(g_queue_peek_head(&css_io_queue[isc]), isc)) {
        g_queue_pop_head(&css_io_queue[isc]);
        css_adapter_queued &= ~(0x80 >> isc);
        out->adapter = true;
        out->sid = 0;
        out->intparm = 0;
        return true;
    }
    sch = g_queue_pop_head(&css_io_queue[isc]);
    sch->intr_queued = false;
    out->adapter = false;
    out->sid = css_sch_sid(sch);
    out->intparm = sch->schib.pmcw.intparm;
    return true;
}

/* ---- adapter interruptions ---- */

bool css_adapter_intr_queue(uint8_t isc)
{
    uint8_t bit = 0x80 >> (isc & CSS_MAX_ISC);

    isc &= CSS_MAX_ISC;
    if (css_adapter_queued & bit || css_ais_held & bit) {
        return false;
    }
    if (css_ais_single & bit) {
        /* this one goes; the next waits for the guest's SIC */
        css_ais_held |= bit;
    }
    css_adapter_queued |= bit;
    g_queue_push_tail(&css_io_queue[isc], &css_adapter_token[isc]);
    return true;
}

bool css_adapter_set_mode(uint8_t isc, unsigned mode)
{
    uint8_t bit = 0x80 >> (isc & CSS_MAX_ISC);

    if (mode > CSS_AIS_MODE_SINGLE) {
        return false;
    }
    if (mode == CSS_AIS_MODE_SINGLE) {
        css_ais_single |= bit;
    } else {
        css_ais_single &= ~bit;
    }
    css_ais_held &= ~bit;
    return true;
}

void css_adapter_reset(void)
{
    for (int isc = 0; isc <= CSS_MAX_ISC; isc++) {
        g_queue_remove(&css_io_queue[isc], &css_adapter_token[isc]);
    }
    css_adapter_queued = 0;
    css_ais_single = 0;
    css_ais_held = 0;
}

/* ---- channel reports ---- */

bool css_crw_queue(uint8_t rsc, uint8_t erc, bool chain, uint16_t rsid)
{
    uint32_t crw = (uint32_t)(rsc & 0xf) << CRW_RSC_SHIFT |
                   (uint32_t)(erc & 0x3f) << CRW_ERC_SHIFT | rsid;

    if (chain) {
        crw |= CRW_FLAGS_C;
    }
    if (g_queue_get_length(&css_crws) >= CSS_CRW_MAX) {
        css_crw_overflow = true;
        return false;
    }
    g_queue_push_tail(&css_crws, GUINT_TO_POINTER(crw));
    return true;
}

bool css_crw_take(uint32_t *crw)
{
    if (g_queue_is_empty(&css_crws)) {
        if (!css_crw_overflow) {
            return false;
        }
        /* reports were lost: one empty CRW says so */
        css_crw_overflow = false;
        *crw = CRW_FLAGS_R;
        return true;
    }
    *crw = GPOINTER_TO_UINT(g_queue_pop_head(&css_crws));
    if (css_crw_overflow) {
        *crw |= CRW_FLAGS_R;
        css_crw_overflow = false;
    }
    return true;
}

bool css_crw_pending(void)
{
    return !g_queue_is_empty(&css_crws) || css_crw_overflow;
}
