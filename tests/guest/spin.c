/*
 * Runs until the host acts: counts in MAILBOX->value for ever (the QMP
 * stop/cont/system_reset/quit test).
 */
#include "guest.h"

int main(void)
{
    for (;;) {
        MAILBOX->value++;
    }
    return 0;
}
