/*
 * system_powerdown as a guest sees it: the guest enables the SCLP's
 * signal-quiesce event (type 0x1d) in its receive mask, tells the host
 * it is ready (mailbox value 1), waits for the service signal with the
 * event-pending bit, reads the event (9 bytes, timeout and unit 0) and
 * shuts down as Linux does on it: it stops its CPU.
 */
#include "guest-sclp.h"

#define SCCB             0x20000UL
#define WRITE_EVENT_MASK 0x00780005UL
#define READ_EVENT_DATA  0x00770005UL
#define MASK_QUIESCE     0x8u /* type 0x1d in a 4-byte mask */

static void hdr(unsigned long a, uint16_t len)
{
    memset((void *)a, 0, len < 64 ? 64 : len);
    *(volatile uint16_t *)a = len;
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0), n;

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200); /* service signal */
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 28);
    *(volatile uint16_t *)(SCCB + 10) = 4;
    *(volatile uint32_t *)(SCCB + 12) = MASK_QUIESCE; /* the guest receives */
    check(guest_servc(WRITE_EVENT_MASK, SCCB) == 0, 1);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 2);
    check(*(volatile uint32_t *)(SCCB + 24) & MASK_QUIESCE, 3); /* SCLP sends */

    /* ready: the host asks for the power-down now */
    n = *lc64(GUEST_EXT_COUNT);
    MAILBOX->value = 1;
    guest_sclp_wait(n);
    check(*lc16(GUEST_EXT_CODE) == 0x2401, 4);
    check(*lc32(GUEST_EXT_PARAM) == 1, 5); /* event pending, no SCCB */

    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 4096);
    *(volatile uint8_t *)(SCCB + 5) = 0x80; /* variable-length response */
    check(guest_servc(READ_EVENT_DATA, SCCB) == 0, 6);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 7);
    check(*(volatile uint16_t *)SCCB == 8 + 9, 8);
    check(*(volatile uint16_t *)(SCCB + 8) == 9, 9);
    check(*(volatile uint8_t *)(SCCB + 10) == 0x1d, 10);
    check(*(volatile uint8_t *)(SCCB + 11) == 0x80, 11);
    check(*(volatile uint16_t *)(SCCB + 14) == 0, 12); /* timeout */
    check(*(volatile uint8_t *)(SCCB + 16) == 0, 13);  /* unit */
    MAILBOX->value = 2;
    guest_lctlg(0, cr0);
    return 0; /* the CPU stops: the host sees a guest shutdown */
}
