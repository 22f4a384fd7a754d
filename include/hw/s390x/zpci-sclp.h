/*
 * SCLP configure / deconfigure of a PCI function, as the SCLP command
 * handlers reach the zPCI side. The SCLP module decodes the SCCB and
 * stores the returned SCLP response code; the zPCI side owns the function
 * states (standby <-> configured) and the hot-unplug sequence a
 * deconfigure may complete.
 */
#ifndef HW_S390X_ZPCI_SCLP_H
#define HW_S390X_ZPCI_SCLP_H

#include <stdint.h>

/* Returns the SCLP response code for the SCCB (0x0020 on success). */
uint16_t zpci_sclp_configure(uint32_t fid);
uint16_t zpci_sclp_deconfigure(uint32_t fid);

#endif
