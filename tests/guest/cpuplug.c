/*
 * CPU hot-plug as a guest sees it (device_add of a CPU, virsh setvcpus
 * --live; run with -smp 1,maxcpus=2): CPU 1 is not there (SIGP sense:
 * not operational); the guest enables the SCLP's configuration-management
 * event (type 4), tells the host it is ready (mailbox value 1) and waits
 * for the service signal with the event-pending bit; the event says "CPU
 * configuration changed" (qualifier 1); CPU 1 now exists, stopped.
 */
#include "guest-sclp.h"

#define SCCB             0x20000UL
#define WRITE_EVENT_MASK 0x00780005UL
#define READ_EVENT_DATA  0x00770005UL
#define MASK_CFG         0x10000000u /* type 4 in a 4-byte mask */

static void hdr(unsigned long a, uint16_t len)
{
    memset((void *)a, 0, len < 64 ? 64 : len);
    *(volatile uint16_t *)a = len;
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0), n;
    uint32_t st = 0;

    check(guest_sigp(1, 0x01, 0, &st) == 3, 1); /* no CPU 1 yet */
    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200);  /* service signal */
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 28);
    *(volatile uint16_t *)(SCCB + 10) = 4;
    *(volatile uint32_t *)(SCCB + 12) = MASK_CFG; /* the guest receives */
    check(guest_servc(WRITE_EVENT_MASK, SCCB) == 0, 2);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 3);
    check(*(volatile uint32_t *)(SCCB + 24) & MASK_CFG, 4); /* SCLP sends */

    /* ready: the host adds CPU 1 now */
    n = *lc64(GUEST_EXT_COUNT);
    MAILBOX->value = 1;
    guest_sclp_wait(n);
    check(*lc16(GUEST_EXT_CODE) == 0x2401, 5);
    check(*lc32(GUEST_EXT_PARAM) == 1, 6); /* event pending, no SCCB */

    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 4096);
    *(volatile uint8_t *)(SCCB + 5) = 0x80; /* variable-length response */
    check(guest_servc(READ_EVENT_DATA, SCCB) == 0, 7);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 8);
    check(*(volatile uint16_t *)SCCB == 8 + 8, 9);
    check(*(volatile uint16_t *)(SCCB + 8) == 8, 10);    /* event length */
    check(*(volatile uint8_t *)(SCCB + 10) == 0x04, 11); /* type */
    check(*(volatile uint8_t *)(SCCB + 15) == 1, 12);    /* CPU change */

    st = 0;
    check(guest_sigp(1, 0x01, 0, &st) == 1 && st == 0x40, 13); /* stopped */
    MAILBOX->value = 2;
    guest_lctlg(0, cr0);
    return 0;
}
