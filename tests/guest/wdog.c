/*
 * The diag288 watchdog (run with -device diag288 -watchdog-action
 * inject-nmi): the refused functions and operands (odd R1, an action in
 * R3, a timeout under 15 s, change or cancel while disarmed, an unknown
 * function), init, change and cancel; then it is armed for 15 seconds
 * and the CPU waits: the expiry's NMI is a restart interruption, whose
 * function ends the test.
 */
#include "guest.h"

#define NMI_STACK 0x180000UL

static volatile uint64_t waited;

/* DIAG 0x288 with R2 = function, R3 = timeout, R4 = action: 0 or pgm code */
static uint16_t wdt(uint64_t fn, uint64_t timeout, uint64_t action)
{
    register uint64_t r2 asm("2") = fn;
    register uint64_t r3 asm("3") = timeout;
    register uint64_t r4 asm("4") = action;
    uint64_t n = *lc64(GUEST_PGM_COUNT);

    asm volatile("diag %0,%2,0x288"
                 : "+d"(r2), "+d"(r3)
                 : "d"(r4)
                 : "cc", "memory");
    return *lc64(GUEST_PGM_COUNT) == n ? 0 : *lc16(LC_PGM_CODE);
}

static void after_nmi(void)
{
    /* the restart came while waiting, not earlier */
    check(waited == 1, 20);
    MAILBOX->value = 0x4e4d49; /* "NMI" */
    guest_exit();
}

int main(void)
{
    uint64_t n;

    check(wdt(1, 30, 0) == 6, 1); /* change while disarmed */
    check(wdt(2, 0, 0) == 6, 2);  /* cancel while disarmed */
    check(wdt(0, 14, 0) == 6, 3); /* under 15 seconds */
    check(wdt(0, 30, 1) == 6, 4); /* an action */
    check(wdt(3, 30, 0) == 6, 5); /* no such function */
    n = *lc64(GUEST_PGM_COUNT);
    asm volatile("diag 3,4,0x288" : : : "cc", "memory"); /* odd R1 */
    check(*lc64(GUEST_PGM_COUNT) == n + 1 && *lc16(LC_PGM_CODE) == 6, 6);
    check(wdt(0, 15, 0) == 0, 7);
    check(wdt(1, 600, 0) == 0, 8);
    check(wdt(2, 0, 0) == 0, 9);
    check(wdt(2, 0, 0) == 6, 10); /* already disarmed */
    check(wdt(1, 15, 0) == 6, 11);
    /* armed for 15 s; the NMI restarts this CPU in after_nmi() */
    *lc64(GUEST_RESTART_STACK) = NMI_STACK - 160;
    *lc64(GUEST_RESTART_FN) = (uint64_t)(unsigned long)after_nmi;
    check(wdt(0, 15, 0) == 0, 12);
    waited = 1;
    for (;;) {
        guest_wait(PSW_MASK_EXT);
    }
    return 0;
}
