/*
 * The SCLP event facility: Write Event Mask (the guest's and the SCLP's
 * event masks), Write Event Data (event buffers from the guest to the
 * source that takes their type) and Read Event Data (pending events of
 * the types the guest enabled or selected).
 *
 * Masks are kept as 64 bits, type 1 leftmost; the guest may use any
 * mask length from 1 to 1021 bytes: bytes past 8 are stored as zero
 * and ignored.
 */
#include "qemu/osdep.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-event.h"
#include "hw/s390x/sclp-sccb.h"

/* Write Event Mask: reserved (2), mask length (2), then four masks */
#define WEM_MASK_LEN  10
#define WEM_MASKS     12
#define WEM_MASK_MAX  1021
#define WEM_MASK_INIT 4
/* the masks in order: guest receive, guest send, SCLP receive, send */
#define WEM_CP_RECEIVE 0
#define WEM_CP_SEND    1
#define WEM_RECEIVE    2
#define WEM_SEND       3

/* Read Event Data function codes; the selection mask at byte 8 */
#define RED_UNCONDITIONAL 0x00
#define RED_SELECTIVE     0x01
#define RED_SELECTION     8

typedef struct SclpEventFacility {
    GList *sources;         /* SclpEventSource *, attach order */
    uint64_t guest_receive; /* types the guest reads */
    uint64_t guest_send;    /* types the guest writes */
    uint16_t mask_len;      /* the guest's mask length */
} SclpEventFacility;

static SclpEventFacility ef = { .mask_len = WEM_MASK_INIT };

static uint64_t mask_fetch(const uint8_t *p, uint16_t len)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < MIN(len, 8); i++) {
        v |= (uint64_t)p[i] << (56 - 8 * i);
    }
    return v;
}

static void mask_store(uint8_t *p, uint16_t len, uint64_t v)
{
    for (unsigned i = 0; i < len; i++) {
        p[i] = i < 8 ? v >> (56 - 8 * i) : 0;
    }
}

static uint64_t sclp_host_mask(bool send)
{
    uint64_t m = 0;

    for (GList *l = ef.sources; l; l = l->next) {
        const SclpEventSourceOps *ops = ((SclpEventSource *)l->data)->ops;

        m |= send ? ops->send_mask : ops->receive_mask;
    }
    return m;
}

void sclp_event_add_source(SclpEventSource *src)
{
    ef.sources = g_list_append(ef.sources, src);
}

void sclp_event_remove_source(SclpEventSource *src)
{
    ef.sources = g_list_remove(ef.sources, src);
}

void sclp_event_set_pending(SclpEventSource *src, bool pending)
{
    src->pending = pending;
    if (pending && (src->ops->send_mask & ef.guest_receive)) {
        sclp_raise_service_signal(SCLP_SIGNAL_EVENT_PENDING);
    }
}

bool sclp_event_pending(void)
{
    for (GList *l = ef.sources; l; l = l->next) {
        SclpEventSource *src = l->data;

        if (src->pending && (src->ops->send_mask & ef.guest_receive)) {
            return true;
        }
    }
    return false;
}

void sclp_event_reset(void)
{
    ef.guest_receive = 0;
    ef.guest_send = 0;
    ef.mask_len = WEM_MASK_INIT;
    for (GList *l = ef.sources; l; l = l->next) {
        SclpEventSource *src = l->data;

        src->pending = false;
        if (src->ops->reset) {
            src->ops->reset(src);
        }
    }
}

void sclp_write_event_mask(SclpSccb *s)
{
    uint16_t len = lduw_be_p(s->buf + WEM_MASK_LEN);
    uint8_t *masks = s->buf + WEM_MASKS;

    if (!len || len > WEM_MASK_MAX) {
        sccb_set_response(s, SCLP_RC_INVALID_MASK_LEN);
        return;
    }
    if (s->len < WEM_MASKS + 4 * len) {
        sccb_set_response(s, SCLP_RC_SHORT_SCCB);
        return;
    }
    ef.guest_receive = mask_fetch(masks + WEM_CP_RECEIVE * len, len);
    ef.guest_send = mask_fetch(masks + WEM_CP_SEND * len, len);
    ef.mask_len = len;
    mask_store(masks + WEM_RECEIVE * len, len, sclp_host_mask(false));
    mask_store(masks + WEM_SEND * len, len, sclp_host_mask(true));
    sccb_set_response(s, SCLP_RC_COMPLETE);
}

/*
 * Every buffer at least a header and inside the SCCB. The length field
 * is read only when a whole header fits: a buffer may end 1 byte before
 * the end of a 4 KiB SCCB, whose copy is just 4 KiB.
 */
static uint16_t sclp_check_event_buffers(const SclpSccb *s)
{
    unsigned off = SCLP_SCCB_HEADER;

    while (off < s->len) {
        uint16_t elen;

        if (s->len - off < SCLP_EVBUF_HEADER) {
            return SCLP_RC_EVENT_SYNTAX;
        }
        elen = lduw_be_p(s->buf + off);
        if (elen < SCLP_EVBUF_HEADER || elen > s->len - off) {
            return SCLP_RC_EVENT_SYNTAX;
        }
        off += elen;
    }
    return SCLP_RC_COMPLETE;
}

static uint16_t sclp_route_event(uint8_t *ebuf, uint16_t elen)
{
    uint8_t type = ebuf[SCLP_EVBUF_TYPE];

    if (type < 1 || type > 64) {
        return SCLP_RC_INVALID_FUNCTION;
    }
    for (GList *l = ef.sources; l; l = l->next) {
        SclpEventSource *src = l->data;

        if (src->ops->receive_mask & SCLP_EVENT_BIT(type)) {
            return src->ops->write(src, ebuf, elen);
        }
    }
    return SCLP_RC_INVALID_FUNCTION;
}

void sclp_write_event_data(SclpSccb *s)
{
    uint16_t rc, elen;

    if (sccb_function(s) != 0) {
        sccb_set_response(s, SCLP_RC_INVALID_FUNCTION);
        return;
    }
    rc = sclp_check_event_buffers(s);
    if (rc != SCLP_RC_COMPLETE) {
        sccb_set_response(s, rc);
        return;
    }
    /* after a buffer that failed, the rest are marked not accepted */
    for (unsigned off = SCLP_SCCB_HEADER; off < s->len; off += elen) {
        uint8_t *ebuf = s->buf + off;

        elen = lduw_be_p(ebuf);
        if (rc == SCLP_RC_COMPLETE) {
            rc = sclp_route_event(ebuf, elen);
        } else {
            ebuf[SCLP_EVBUF_FLAGS] &= ~SCLP_EVBUF_ACCEPTED;
        }
    }
    sccb_set_response(s, rc);
}

void sclp_read_event_data(SclpSccb *s)
{
    unsigned off = SCLP_SCCB_HEADER;
    uint16_t rc = SCLP_RC_NO_EVENTS;
    uint64_t mask;

    if (s->len != SCLP_SCCB_MAX) {
        sccb_set_response(s, SCLP_RC_SHORT_SCCB);
        return;
    }
    switch (sccb_function(s)) {
    case RED_UNCONDITIONAL:
        mask = ef.guest_receive;
        break;
    case RED_SELECTIVE:
        mask = mask_fetch(s->buf + RED_SELECTION, ef.mask_len);
        if (!ef.guest_receive || (mask & ~ef.guest_receive)) {
            sccb_set_response(s, SCLP_RC_INVALID_SELECTION);
            return;
        }
        break;
    default:
        sccb_set_response(s, SCLP_RC_INVALID_FUNCTION);
        return;
    }
    stw_be_p(s->buf + off, 0);
    for (GList *l = ef.sources; l; l = l->next) {
        SclpEventSource *src = l->data;
        uint16_t n;

        if (!src->pending || !(src->ops->send_mask & mask)) {
            continue;
        }
        n = src->ops->read(src, s->buf + off, s->len - off);
        if (n) {
            off += n;
            rc = SCLP_RC_COMPLETE;
        }
    }
    if (s->buf[SCCB_CONTROL + 2] & SCCB_CONTROL_VLR) {
        s->buf[SCCB_CONTROL + 2] &= ~SCCB_CONTROL_VLR;
        stw_be_p(s->buf + SCCB_LENGTH, off);
    }
    sccb_set_response(s, rc);
}
