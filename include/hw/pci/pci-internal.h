/*
 * Between the files of hw/pci only: not for device code.
 */
#ifndef HW_PCI_PCI_INTERNAL_H
#define HW_PCI_PCI_INTERNAL_H

#include "hw/pci/pci.h"

/* Place @dev on @bus at addr= (or the first free slot); -1 with errp. */
int pci_addr_claim(PCIBus *bus, PCIDevice *dev, Error **errp);
void pci_addr_release(PCIBus *bus, PCIDevice *dev);

/* config space storage and the header's masks */
void pci_config_alloc(PCIDevice *dev, uint32_t size);
void pci_config_free(PCIDevice *dev);
void pci_config_init_header(PCIDevice *dev);

/* BAR decode after a command or BAR register change; unmap all */
void pci_bars_update(PCIDevice *dev);
void pci_bars_unmap(PCIDevice *dev);
/* does [addr, addr+len) touch a BAR register? */
bool pci_bars_touched(PCIDevice *dev, uint32_t addr, unsigned len);

/* MSI-X reactions to config writes, reset, teardown (hw/pci/msix.c) */
void msix_config_written(PCIDevice *dev, uint32_t addr, unsigned len);
void msix_reset(PCIDevice *dev);
void msix_uninit(PCIDevice *dev);

/* Initiate-FLR written? (hw/pci/pci-cap.c) */
bool pci_flr_requested(PCIDevice *dev, uint32_t addr, unsigned len);

#endif
