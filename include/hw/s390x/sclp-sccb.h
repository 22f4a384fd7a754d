/*
 * The private copy of an SCCB the SCLP command handlers work on, and
 * the handlers (hw/s390x/sclp-info.c, sclp-event.c).
 *
 * The copy is taken once when SERVC is accepted (the guest cannot change
 * a length between check and use) and written back to the guest when
 * the handler is done. It holds at least SCLP_SCCB_MAX bytes, so a
 * handler that checked the SCCB length may store up to that length.
 */
#ifndef HW_S390X_SCLP_SCCB_H
#define HW_S390X_SCLP_SCCB_H

#include "qemu/osdep.h"
#include "qemu/bswap.h"

#define SCLP_SCCB_MAX    4096 /* an SCCB may not cross 4 KiB */
#define SCLP_SCCB_HEADER 8

/* SCCB header: length, function code, control mask, response code */
#define SCCB_LENGTH   0
#define SCCB_FUNCTION 2
#define SCCB_CONTROL  3 /* 3 bytes */
#define SCCB_RESPONSE 6
/* control-mask byte 2: variable-length response */
#define SCCB_CONTROL_VLR 0x80

typedef struct SclpSccb {
    uint8_t *buf;  /* SCLP_SCCB_MAX or more bytes, zero beyond len */
    uint16_t len;  /* the length field when SERVC was accepted */
    uint64_t addr; /* absolute address in guest storage */
} SclpSccb;

static inline uint8_t sccb_function(const SclpSccb *s)
{
    return s->buf[SCCB_FUNCTION];
}

static inline void sccb_set_response(SclpSccb *s, uint16_t rc)
{
    stw_be_p(s->buf + SCCB_RESPONSE, rc);
}

static inline uint16_t sccb_response(const SclpSccb *s)
{
    return lduw_be_p(s->buf + SCCB_RESPONSE);
}

/* Read SCP Info, Read CPU Info (sclp-info.c) */
void sclp_read_scp_info(SclpSccb *s);
void sclp_read_cpu_info(SclpSccb *s);
/* Configure / deconfigure I/O adapter (PCI function by fid) */
void sclp_configure_ioa(SclpSccb *s, bool configure);

/* The event facility (sclp-event.c) */
void sclp_write_event_mask(SclpSccb *s);
void sclp_write_event_data(SclpSccb *s);
void sclp_read_event_data(SclpSccb *s);
/* Is an event the guest enabled waiting to be read? */
bool sclp_event_pending(void);
/* Masks and sources back to their initial state (system reset) */
void sclp_event_reset(void);

/*
 * Make a service signal pending with @param, merged into one already
 * pending (sclp.c). Used for unsolicited "event pending" attention.
 */
void sclp_raise_service_signal(uint32_t param);

#endif
