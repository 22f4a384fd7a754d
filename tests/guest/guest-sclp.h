/*
 * SERVICE CALL from guest code, shared by the guest programs that talk
 * to the SCLP (sclp.c, quiesce.c, bfp.c, fpx.c, demo-dasd.c): SERVC with
 * its condition code, the wait for the service-signal external
 * interruption, and a line of text on the ASCII console (event type
 * 0x1a), with the event mask that lets it through.
 */
#ifndef GUEST_SCLP_H
#define GUEST_SCLP_H

#include "guest.h"

#define SCLP_SCCB             0x20000UL
#define SCLP_WRITE_EVENT_MASK 0x00780005UL
#define SCLP_WRITE_EVENT_DATA 0x00760005UL
#define SCLP_READ_EVENT_DATA  0x00770005UL
#define SCLP_MASK_ASCII       0x40u /* type 0x1a in a 4-byte mask */

static inline int guest_servc(uint64_t cmd, unsigned long sccb)
{
    int cc;

    asm volatile(".insn rre,0xb2200000,%1,%2\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 : "=&d"(cc)
                 : "d"(cmd), "a"(sccb)
                 : "cc", "memory");
    return cc;
}

/* until the external-interruption count moves on from @count */
static inline void guest_sclp_wait(uint64_t count)
{
    while (*lc64(GUEST_EXT_COUNT) == count) {
        guest_wait(PSW_MASK_EXT);
    }
}

/* The ASCII console in both directions' masks; the SCCB's response code */
static inline uint16_t guest_sclp_console_mask(void)
{
    uint64_t n = *lc64(GUEST_EXT_COUNT);

    memset((void *)SCLP_SCCB, 0, 64);
    *(volatile uint16_t *)SCLP_SCCB = 28;
    *(volatile uint16_t *)(SCLP_SCCB + 10) = 4;
    *(volatile uint32_t *)(SCLP_SCCB + 12) = SCLP_MASK_ASCII;
    *(volatile uint32_t *)(SCLP_SCCB + 16) = SCLP_MASK_ASCII;
    if (guest_servc(SCLP_WRITE_EVENT_MASK, SCLP_SCCB)) {
        return 0;
    }
    guest_sclp_wait(n);
    return *(volatile uint16_t *)(SCLP_SCCB + 6);
}

/* @len bytes of text as one ASCII console event; the response code */
static inline uint16_t guest_sclp_write(const char *s, unsigned len)
{
    uint64_t n = *lc64(GUEST_EXT_COUNT);

    memset((void *)SCLP_SCCB, 0, 64 + len);
    *(volatile uint16_t *)SCLP_SCCB = 8 + 6 + len;
    *(volatile uint16_t *)(SCLP_SCCB + 8) = 6 + len;
    *(volatile uint8_t *)(SCLP_SCCB + 10) = 0x1a;
    memcpy((void *)(SCLP_SCCB + 14), s, len);
    if (guest_servc(SCLP_WRITE_EVENT_DATA, SCLP_SCCB)) {
        return 0;
    }
    guest_sclp_wait(n);
    return *(volatile uint16_t *)(SCLP_SCCB + 6);
}

/* @v as @digits hex digits at @p; past them */
static inline char *guest_put_hex(char *p, uint64_t v, int digits)
{
    for (int i = 4 * (digits - 1); i >= 0; i -= 4) {
        *p++ = "0123456789abcdef"[(v >> i) & 0xf];
    }
    return p;
}

#endif
