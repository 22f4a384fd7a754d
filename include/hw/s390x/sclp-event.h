/*
 * The SCLP event facility as its event sources (the consoles) see it.
 *
 * A source declares the event types it presents to the guest (read
 * event data) and the types it takes from the guest (write event data)
 * as 64-bit masks, type 1 leftmost. The facility routes each event
 * buffer the guest writes to the source whose receive mask has its
 * type, and asks the sources the guest enabled for pending events.
 * Layouts: docs/system/s390x/sclp.rst.
 */
#ifndef HW_S390X_SCLP_EVENT_H
#define HW_S390X_SCLP_EVENT_H

#include "qemu/osdep.h"

#define SCLP_EVENT_OPCMD          0x01 /* operator command: line-mode input */
#define SCLP_EVENT_MSG            0x02 /* message: line-mode output */
#define SCLP_EVENT_CONFIG_MGT     0x04 /* configuration change (CPUs) */
#define SCLP_EVENT_PMSGCMD        0x09 /* priority message command */
#define SCLP_EVENT_ASCII          0x1a /* ASCII console data (VT220) */
#define SCLP_EVENT_SIGNAL_QUIESCE 0x1d /* shut down (sclp-quiesce.c) */

/* The bit of event type @t (1..64) in a mask */
#define SCLP_EVENT_BIT(t) (UINT64_C(1) << (64 - (t)))

/* Event-buffer header: length (2), type, flags, reserved (2) */
#define SCLP_EVBUF_HEADER   6
#define SCLP_EVBUF_TYPE     2
#define SCLP_EVBUF_FLAGS    3
#define SCLP_EVBUF_ACCEPTED 0x80 /* flags: the buffer was accepted */

typedef struct SclpEventSource SclpEventSource;

typedef struct SclpEventSourceOps {
    uint64_t send_mask;    /* types presented to the guest */
    uint64_t receive_mask; /* types taken from the guest */
    /*
     * An event buffer the guest wrote whose type is in receive_mask:
     * @len bytes with the header, at least SCLP_EVBUF_HEADER. Returns
     * the SCCB response code; sets the accepted flag when it took it.
     */
    uint16_t (*write)(SclpEventSource *src, uint8_t *ebuf, uint16_t len);
    /*
     * Store the pending event (header included) at @buf, at most @room
     * bytes. Returns its length, 0 when nothing was stored. Updates
     * src->pending through sclp_event_set_pending().
     */
    uint16_t (*read)(SclpEventSource *src, uint8_t *buf, uint16_t room);
    /* System reset: drop buffered input */
    void (*reset)(SclpEventSource *src);
} SclpEventSourceOps;

struct SclpEventSource {
    const SclpEventSourceOps *ops;
    bool pending; /* an event waits for read event data */
};

/* Attach @src to the facility (at realize) / detach it. */
void sclp_event_add_source(SclpEventSource *src);
void sclp_event_remove_source(SclpEventSource *src);

/*
 * @src has (or no longer has) an event for the guest. When the guest's
 * receive mask enables one of its types, a service signal with the
 * event-pending bit is made pending.
 */
void sclp_event_set_pending(SclpEventSource *src, bool pending);

/* EBCDIC (code page 500, as Linux uses it) <-> ISO 8859-1, in place */
void sclp_ebcdic_to_latin1(uint8_t *buf, size_t len);
void sclp_latin1_to_ebcdic(uint8_t *buf, size_t len);

#endif
