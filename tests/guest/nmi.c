/*
 * QMP inject-nmi (virsh inject-nmi): on s390x a restart interruption of
 * CPU 0. The guest sets its restart function, tells the host it is ready
 * (mailbox value 1) and waits enabled for nothing else; the restart
 * function ends the test.
 */
#include "guest.h"

#define NMI_STACK 0x180000UL

static volatile uint64_t waiting;

static void after_nmi(void)
{
    check(waiting == 1, 10);   /* it came while the CPU waited */
    MAILBOX->value = 0x4e4d49; /* "NMI" */
    guest_exit();
}

int main(void)
{
    *lc64(GUEST_RESTART_STACK) = NMI_STACK - 160;
    *lc64(GUEST_RESTART_FN) = (uint64_t)(unsigned long)after_nmi;
    waiting = 1;
    MAILBOX->value = 1;
    for (;;) {
        guest_wait(PSW_MASK_EXT);
    }
    return 0;
}
