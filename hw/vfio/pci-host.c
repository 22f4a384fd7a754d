/*
 * Which vfio-pci host back end serves a host=/sysfsdev= (pci-host.h):
 * sysfsdev= is a host kernel's device, host= the simulated host's when a
 * sim-pci-function has that address (for a multi-function host=: any
 * function of that slot), the Linux kernel's otherwise.
 */
#include "qemu/osdep.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"

static bool sim_has(const char *host)
{
    PciBdfSpec s;
    uint8_t present = 0;
    bool found;

    if (!pci_bdf_parse(host, PCI_BDF_PLUG, &s, NULL)) {
        return true; /* the sim's parser says what is wrong, as before */
    }
    if (s.multi || s.vslot != PCI_BDF_NO_VSLOT || s.nopts) {
        sim_pci_slot_present(NULL, s.domain, s.bus, s.slot, &present, NULL);
        found = present != 0;
    } else {
        found = sim_pci_find(s.domain, s.bus, s.slot, s.pfunc[0]) != NULL;
    }
    pci_bdf_spec_clear(&s);
    return found;
}

const VFIOPCIHostOps *vfio_pci_host_backend_for(const char *host,
                                                const char *sysfsdev)
{
    if (sysfsdev) {
        return &vfio_pci_linux_ops;
    }
    if (!host || sim_has(host)) {
        return &vfio_pci_sim_ops;
    }
    return &vfio_pci_linux_ops;
}
