/*
 * The clock comparator: an enabled wait ends with external interruption
 * 0x1004 once the TOD clock passes the comparator; the CPU timer gives
 * 0x1005 when it goes negative, not before. STCK values increase.
 */
#include "guest.h"

static uint64_t stck(void)
{
    uint64_t t;

    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

int main(void)
{
    uint64_t t0 = stck(), t1, ckc;
    uint64_t cr0 = guest_stctg(0);
    int64_t timer = 2000 * 4096; /* 2 ms */

    /* clock comparator: 1 ms ahead; only its subclass enabled */
    ckc = t0 + 1000 * 4096;
    asm volatile("sckc %0" : : "Q"(ckc));
    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x800); /* CR0 bit 52 */
    guest_wait(PSW_MASK_EXT);
    t1 = stck();
    check(*lc64(GUEST_EXT_COUNT) == 1, 1);
    check(*lc16(GUEST_EXT_CODE) == 0x1004, 2);
    check(t1 > ckc, 3);
    check(t1 > t0, 4);

    /* CPU timer: 2 ms */
    asm volatile("spt %0" : : "Q"(timer));
    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x400); /* CR0 bit 53 */
    guest_wait(PSW_MASK_EXT);
    check(*lc64(GUEST_EXT_COUNT) == 2, 5);
    check(*lc16(GUEST_EXT_CODE) == 0x1005, 6);
    MAILBOX->value = stck() - t1;
    check(MAILBOX->value >= 2000 * 4096, 7);
    guest_lctlg(0, cr0);
    return 0;
}
