/*
 * zPCI events: what the machine tells the guest about its PCI functions
 * (a function appeared, is asked to go, went; a function entered the
 * error state).  An event waits in a bounded queue; the first one makes
 * a channel report (CRW: channel subsystem, event information pending),
 * and the guest takes them one per CHSC store-event-information
 * (notification type 2) until none is left.  Layouts, codes and the
 * overflow rule: docs/system/s390x/zpci.rst, docs/devel/qtest-s390x.rst.
 *
 * The queue itself (ZpciEventQueue) is a pure module over a struct the
 * caller owns; zpci_event_post_*() / zpci_event_take() work on the
 * machine's one queue and raise the CRW.
 */
#ifndef HW_S390X_ZPCI_EVENT_H
#define HW_S390X_ZPCI_EVENT_H

#include <stdbool.h>
#include <stdint.h>

/* Content code of a notification-type-2 event */
#define ZPCI_EVENT_CC_ERROR 1 /* PCI function error */
#define ZPCI_EVENT_CC_AVAIL 2 /* PCI function availability */

/* Availability event codes (PEC) */
#define ZPCI_PEC_TO_CONFIGURED   0x0301 /* reserved|standby -> configured */
#define ZPCI_PEC_TO_STANDBY      0x0302 /* reserved -> standby */
#define ZPCI_PEC_DECONFIG_REQ    0x0303 /* deconfiguration requested */
#define ZPCI_PEC_CONFIGURED_GONE 0x0304 /* configured -> standby|reserved */
#define ZPCI_PEC_RESCAN          0x0306 /* several: no fid or fh stored */
#define ZPCI_PEC_TO_RESERVED     0x0308 /* standby -> reserved */
/* Error event codes besides the DMA ones (zpci-dma.h ZPCI_PEC_*) */
#define ZPCI_PEC_AIRQ_ERROR 0x0013 /* adapter interruption indicators */

/* The content-code-dependent field (ccdf) of both kinds is 32 bytes */
#define ZPCI_EVENT_CCDF_SIZE 32

typedef struct ZpciEvent {
    uint8_t cc; /* ZPCI_EVENT_CC_* */
    uint16_t pec;
    uint32_t fh;
    uint32_t fid;
    uint64_t faddr; /* error: the failing address */
    uint32_t qual;  /* error: ett/mvn/dmaas/q/rw word (0 here, as QEMU) */
} ZpciEvent;

/*
 * At most this many events wait.  Once CAP - 1 are queued, every further
 * event is coalesced into one availability event with PEC 0x0306 and no
 * fid or handle, which tells the guest to rescan all its functions (CLP
 * List); error events past the bound are dropped (the function stays in
 * the error state, as PCI LOAD / STORE and STPCIFC show).
 */
#define ZPCI_EVENT_QUEUE_CAP 256

typedef struct ZpciEventQueue {
    ZpciEvent ring[ZPCI_EVENT_QUEUE_CAP];
    unsigned head; /* oldest */
    unsigned len;
    bool reported; /* a CRW told of the queue and SEI has not emptied it */
    uint64_t lost; /* events not queued as themselves */
} ZpciEventQueue;

/* ---- the queue (pure) ---- */

void zpci_event_queue_init(ZpciEventQueue *q);
/* Queue @ev; true when the guest must now be told by a CRW. */
bool zpci_event_queue_push(ZpciEventQueue *q, const ZpciEvent *ev);
/* Take the oldest into *@ev; *@more: others still wait. False: none. */
bool zpci_event_queue_take(ZpciEventQueue *q, ZpciEvent *ev, bool *more);
/* Store the 32-byte ccdf of @ev (big endian, reserved bytes zero). */
void zpci_event_encode_ccdf(const ZpciEvent *ev,
                            uint8_t ccdf[ZPCI_EVENT_CCDF_SIZE]);

/* ---- the machine's queue ---- */

void zpci_event_post_avail(uint16_t pec, uint32_t fh, uint32_t fid);
void zpci_event_post_error(uint16_t pec, uint32_t fh, uint32_t fid,
                           uint64_t faddr);
/* CHSC SEI: the oldest event; *@more as above. */
bool zpci_event_take(ZpciEvent *ev, bool *more);
/* How many wait (tests, trace). */
unsigned zpci_event_pending(void);
/* System reset: events of the previous life are dropped. */
void zpci_event_reset(void);

#endif
