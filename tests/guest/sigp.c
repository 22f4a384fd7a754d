/*
 * SIGP with two CPUs: sense (stopped), a CPU that does not exist (cc 3),
 * set prefix of the stopped CPU 1, restart it (its restart new PSW in its
 * own prefix area), an emergency signal and an external call from it to
 * CPU 0, the TOD clock CPU 0 set seen by CPU 1, stop, store status at an
 * address, and set architecture refused.
 */
#include "guest.h"

#define CPU1_PREFIX 0x100000UL
#define CPU1_STACK  0x180000UL
#define STATUS_AT   0x200000UL

#define TOD_SET 0x1234500000000000UL
#define TOD_SEC 4096000000UL

static volatile uint64_t cpu1_ran, cpu1_tod;

static uint64_t stck(void)
{
    uint64_t t;

    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

static void cpu1_main(void)
{
    cpu1_ran = 0x5150;
    cpu1_tod = stck();
    guest_sigp(0, 0x03, 0, 0); /* emergency signal */
    guest_sigp(0, 0x02, 0, 0); /* external call */
    guest_sigp(1, 0x05, 0, 0); /* stop myself */
}

int main(void)
{
    uint32_t st = 0;
    uint64_t cr0 = guest_stctg(0);
    int cc;

    check(guest_stap() == 0, 1);
    st = 0;
    check(guest_sigp(1, 0x01, 0, &st) == 1 && st == 0x40, 2); /* stopped */
    check(guest_sigp(7, 0x01, 0, &st) == 3, 3);
    check(guest_sigp(1, 0x0d, CPU1_PREFIX, 0) == 0, 4);
    /* CPU 1's lowcore: our new PSWs, its stack and function */
    memcpy((void *)(CPU1_PREFIX + 0x1a0), (void *)0x1a0, 0x60);
    memset((void *)(CPU1_PREFIX + 0x300), 0, 0x100);
    *(volatile uint64_t *)(CPU1_PREFIX + GUEST_RESTART_STACK) = CPU1_STACK -
                                                                160;
    *(volatile uint64_t *)(CPU1_PREFIX + GUEST_RESTART_FN) =
        (uint64_t)(unsigned long)cpu1_main;

    /* one TOD clock: CPU 1 sees what CPU 0 sets */
    {
        uint64_t tod = TOD_SET;

        asm volatile("sck %0" : : "Q"(tod) : "cc");
        tod = stck();
        check(tod >= TOD_SET && tod < TOD_SET + TOD_SEC, 21);
    }
    guest_lctlg(0, cr0 | 0x4000 | 0x2000);    /* emergency, external call */
    check(guest_sigp(1, 0x06, 0, 0) == 0, 5); /* restart */
    guest_wait(PSW_MASK_EXT);
    check(*lc64(GUEST_EXT_COUNT) >= 1, 6);
    check(*lc16(GUEST_EXT_CODE) == 0x1201, 7);
    check(*lc16(GUEST_EXT_CPU) == 1, 8);
    if (*lc64(GUEST_EXT_COUNT) == 1) {
        guest_wait(PSW_MASK_EXT);
    }
    check(*lc64(GUEST_EXT_COUNT) == 2, 9);
    check(*lc16(GUEST_EXT_CODE) == 0x1202, 10);
    check(*lc16(GUEST_EXT_CPU) == 1, 11);
    check(cpu1_ran == 0x5150, 12);
    MAILBOX->value = cpu1_tod;
    check(cpu1_tod >= TOD_SET && cpu1_tod < TOD_SET + TOD_SEC, 20);

    /* CPU 1 stops itself: sense says so */
    do {
        cc = guest_sigp(1, 0x01, 0, &st);
    } while (cc == 0);
    check(cc == 1 && st == 0x40, 13);
    check(guest_sigp(1, 0x15, 0, &st) == 1 && st == 0x400, 14);
    check(guest_sigp(1, 0x0e, STATUS_AT, 0) == 0, 15);
    check(*(volatile uint32_t *)(STATUS_AT + 0x118) == CPU1_PREFIX, 16);
    check(guest_sigp(1, 0x12, 0, &st) == 1 && st == 0x100, 17);
    check(guest_sigp(1, 0xff, 0, &st) == 1 && st == 0x02, 18);
    /* set prefix of an operating CPU: incorrect state */
    check(guest_sigp(0, 0x0d, CPU1_PREFIX, &st) == 1 && st == 0x200, 19);
    guest_lctlg(0, cr0);
    return 0;
}
