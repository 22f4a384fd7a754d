/*
 * Placeholder until the zPCI state machine answers SCLP: every function id
 * is reported as not recognized (SCLP response code 0x09f0).
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-sclp.h"

uint16_t zpci_sclp_configure(uint32_t fid)
{
    (void)fid;
    return 0x09f0;
}

uint16_t zpci_sclp_deconfigure(uint32_t fid)
{
    (void)fid;
    return 0x09f0;
}
