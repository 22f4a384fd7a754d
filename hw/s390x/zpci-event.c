/*
 * zPCI events (include/hw/s390x/zpci-event.h): a bounded FIFO the guest
 * drains with CHSC store-event-information, announced by one channel
 * report per batch.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/log.h"
#include "hw/s390x/css.h"
#include "hw/s390x/zpci-event.h"

/* ---- the queue ---- */

void zpci_event_queue_init(ZpciEventQueue *q)
{
    memset(q, 0, sizeof(*q));
}

static ZpciEvent *queue_at(ZpciEventQueue *q, unsigned i)
{
    return &q->ring[(q->head + i) % ZPCI_EVENT_QUEUE_CAP];
}

static bool is_rescan(const ZpciEvent *ev)
{
    return ev->cc == ZPCI_EVENT_CC_AVAIL && ev->pec == ZPCI_PEC_RESCAN;
}

bool zpci_event_queue_push(ZpciEventQueue *q, const ZpciEvent *ev)
{
    static const ZpciEvent rescan = {
        .cc = ZPCI_EVENT_CC_AVAIL,
        .pec = ZPCI_PEC_RESCAN,
    };
    bool announce = !q->reported;

    if (q->len < ZPCI_EVENT_QUEUE_CAP - 1) {
        *queue_at(q, q->len++) = *ev;
    } else {
        /* the last slot holds the one "rescan everything" */
        q->lost++;
        if (!is_rescan(queue_at(q, q->len - 1))) {
            *queue_at(q, q->len++) = rescan;
        }
    }
    q->reported = true;
    return announce;
}

bool zpci_event_queue_take(ZpciEventQueue *q, ZpciEvent *ev, bool *more)
{
    if (!q->len) {
        q->reported = false;
        return false;
    }
    *ev = *queue_at(q, 0);
    q->head = (q->head + 1) % ZPCI_EVENT_QUEUE_CAP;
    q->len--;
    *more = q->len > 0;
    if (!q->len) {
        /* the next event is announced by a new CRW */
        q->reported = false;
    }
    return true;
}

/*
 * Both ccdf kinds: +4 function handle, +8 fid, +30 event code; the
 * error kind adds +12 the qualifier word and +16 the failing address.
 */
void zpci_event_encode_ccdf(const ZpciEvent *ev,
                            uint8_t ccdf[ZPCI_EVENT_CCDF_SIZE])
{
    memset(ccdf, 0, ZPCI_EVENT_CCDF_SIZE);
    stl_be_p(ccdf + 4, ev->fh);
    stl_be_p(ccdf + 8, ev->fid);
    if (ev->cc == ZPCI_EVENT_CC_ERROR) {
        stl_be_p(ccdf + 12, ev->qual);
        stq_be_p(ccdf + 16, ev->faddr);
    }
    stw_be_p(ccdf + 30, ev->pec);
}

/* ---- the machine's queue ---- */

static ZpciEventQueue machine_events;

static void post(const ZpciEvent *ev)
{
    trace_point("zpci_event", "cc %u pec 0x%04x fh 0x%08x fid 0x%08x", ev->cc,
                ev->pec, ev->fh, ev->fid);
    if (zpci_event_queue_push(&machine_events, ev) &&
        !css_crw_queue(CRW_RSC_CSS, CRW_ERC_EVENT, false, 0)) {
        /*
         * The report was lost in an overflow (after which Linux does not
         * ask for events): the next event tries again.
         */
        machine_events.reported = false;
    }
}

void zpci_event_post_avail(uint16_t pec, uint32_t fh, uint32_t fid)
{
    ZpciEvent ev = {
        .cc = ZPCI_EVENT_CC_AVAIL,
        .pec = pec,
        .fh = fh,
        .fid = fid,
    };

    post(&ev);
}

void zpci_event_post_error(uint16_t pec, uint32_t fh, uint32_t fid,
                           uint64_t faddr)
{
    ZpciEvent ev = {
        .cc = ZPCI_EVENT_CC_ERROR,
        .pec = pec,
        .fh = fh,
        .fid = fid,
        .faddr = faddr,
    };

    post(&ev);
}

bool zpci_event_take(ZpciEvent *ev, bool *more)
{
    return zpci_event_queue_take(&machine_events, ev, more);
}

unsigned zpci_event_pending(void)
{
    return machine_events.len;
}

void zpci_event_reset(void)
{
    zpci_event_queue_init(&machine_events);
}
