/*
 * SCLP configure / deconfigure of a PCI function (include/hw/s390x/
 * zpci-sclp.h): the guest moves a function between standby and
 * configured by its fid.  A deconfigure completes a pending hot-unplug.
 * The SCLP response codes are QEMU's.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/zpci-sclp.h"

static ZpciDevice *sclp_find(S390PciHost *h, uint32_t fid)
{
    return h ? s390_pci_find_by_fid(h, fid) : NULL;
}

uint16_t zpci_sclp_configure(uint32_t fid)
{
    ZpciDevice *z = sclp_find(s390_pci_host_get(), fid);
    uint16_t rc;

    if (!z) {
        rc = SCLP_RC_IOA_ID_UNKNOWN;
    } else if (z->state == ZPCI_FS_RESERVED) {
        rc = SCLP_RC_IMPROPER_STATE;
    } else if (z->state == ZPCI_FS_STANDBY) {
        zpci_configure(z);
        rc = SCLP_RC_COMPLETE;
    } else {
        rc = SCLP_RC_NO_ACTION;
    }
    trace_point("zpci_sclp", "configure fid 0x%08x -> 0x%04x", fid, rc);
    return rc;
}

uint16_t zpci_sclp_deconfigure(uint32_t fid)
{
    S390PciHost *h = s390_pci_host_get();
    ZpciDevice *z = sclp_find(h, fid);
    uint16_t rc;

    if (!z) {
        rc = SCLP_RC_IOA_ID_UNKNOWN;
    } else if (z->state == ZPCI_FS_RESERVED) {
        rc = SCLP_RC_IMPROPER_STATE;
    } else if (z->state == ZPCI_FS_STANDBY) {
        rc = SCLP_RC_NO_ACTION;
    } else {
        zpci_deconfigure(z);
        rc = SCLP_RC_COMPLETE;
        if (z->unplug_requested) {
            s390_pci_host_complete_unplug(h, z); /* frees z */
        }
    }
    trace_point("zpci_sclp", "deconfigure fid 0x%08x -> 0x%04x", fid, rc);
    return rc;
}
