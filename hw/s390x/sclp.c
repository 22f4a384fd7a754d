/*
 * SCLP placeholder: no command is installed yet, so SERVC reports the
 * SCLP as not operational (cc 3). Replaced by the command dispatcher.
 */
#include "qemu/osdep.h"
#include "hw/s390x/sclp.h"

int sclp_service_call(uint32_t command, uint64_t sccb)
{
    (void)command;
    (void)sccb;
    return 3;
}

bool sclp_take_service_signal(uint32_t *param)
{
    (void)param;
    return false;
}

bool sclp_service_signal_pending(void)
{
    return false;
}
