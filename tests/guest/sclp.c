/*
 * SERVICE CALL from guest code: Read SCP Info with its service signal,
 * busy while the signal is pending, specification exceptions, the event
 * mask and a line on the ASCII console.
 */
#include "guest-sclp.h"

#define SCCB 0x20000UL

static void hdr(unsigned long a, uint16_t len)
{
    memset((void *)a, 0, 64);
    *(volatile uint16_t *)a = len;
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0), n;
    static const char line[] = "sclp guest: ok\n";
    uint64_t pgm;

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200); /* service signal */
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 4096);
    check(guest_servc(0x00020001, SCCB) == 0, 1);
    guest_sclp_wait(n);
    check(*lc16(GUEST_EXT_CODE) == 0x2401, 2);
    check(*lc32(GUEST_EXT_PARAM) == SCCB, 3);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0010, 4);
    check(*(volatile uint16_t *)(SCCB + 8) == 128, 5);
    check(*(volatile uint16_t *)(SCCB + 16) == 1, 6);

    /* busy until the signal is taken */
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 4096);
    hdr(SCCB + 0x1000, 4096);
    check(guest_servc(0x00010001, SCCB) == 0, 7);
    check(guest_servc(0x00020001, SCCB + 0x1000) == 2, 8);
    guest_sclp_wait(n);
    check(*lc32(GUEST_EXT_PARAM) == SCCB, 9);
    check(*(volatile uint16_t *)(SCCB + 0x1000 + 6) == 0, 10);

    /* specification: the lowcore, not on a doubleword */
    pgm = *lc64(GUEST_PGM_COUNT);
    guest_servc(0x00020001, 0x1000);
    check(*lc64(GUEST_PGM_COUNT) == pgm + 1, 11);
    check(*lc16(LC_PGM_CODE) == 0x0006, 12);
    guest_servc(0x00020001, SCCB + 4);
    check(*lc64(GUEST_PGM_COUNT) == pgm + 2, 13);
    check(*lc16(LC_PGM_CODE) == 0x0006, 14);

    /* event mask: ASCII both ways; then a line on the console */
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 28);
    *(volatile uint16_t *)(SCCB + 10) = 4;
    *(volatile uint32_t *)(SCCB + 12) = 0x40;
    *(volatile uint32_t *)(SCCB + 16) = 0x40;
    check(guest_servc(0x00780005, SCCB) == 0, 15);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 16);
    /* the SCLP sends ASCII data and signal quiesce (type 0x1d) */
    check(*(volatile uint32_t *)(SCCB + 24) == 0x10000048, 17);
    n = *lc64(GUEST_EXT_COUNT);
    hdr(SCCB, 8 + 6 + sizeof(line) - 1);
    *(volatile uint16_t *)(SCCB + 8) = 6 + sizeof(line) - 1;
    *(volatile uint8_t *)(SCCB + 10) = 0x1a;
    memcpy((void *)(SCCB + 14), line, sizeof(line) - 1);
    check(guest_servc(0x00760005, SCCB) == 0, 18);
    guest_sclp_wait(n);
    check(*(volatile uint16_t *)(SCCB + 6) == 0x0020, 19);
    guest_lctlg(0, cr0);
    return 0;
}
