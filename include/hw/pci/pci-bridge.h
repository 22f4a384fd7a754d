/*
 * "pci-bridge": a PCI-to-PCI bridge with a type-1 header and one
 * secondary bus, as QEMU's device of that name shows itself to the
 * guest and to management tools (vendor 1b36, device 0001, class 0604).
 *
 * Properties: chassis_nr= (uint8, required, > 0; shown in a slot
 * identification capability), msi= and shpc= (accepted; MSI and the
 * standard hot-plug controller are not modelled), plus addr= and
 * multifunction= of every PCI device.
 *
 * The secondary bus is named after the bridge's id (id=pci.1 gives bus
 * "pci.1", which -device ...,bus=pci.1 then finds); an anonymous bridge's
 * bus gets the next "pci.N".  Its bus number is the bridge's Secondary
 * Bus Number register, which the guest (or the bus owner, playing
 * firmware) programs.  Setting Secondary Bus Reset in Bridge Control
 * resets every function below.
 */
#ifndef HW_PCI_PCI_BRIDGE_H
#define HW_PCI_PCI_BRIDGE_H

#include "hw/pci/pci.h"

#define TYPE_PCI_BRIDGE "pci-bridge"

#define PCI_BRIDGE_VENDOR_ID 0x1b36
#define PCI_BRIDGE_DEVICE_ID 0x0001

typedef struct PCIBridge {
    PCIDevice parent_obj;

    PCIBus *sec_bus;
    uint8_t chassis_nr; /* chassis_nr= */
    int msi;            /* msi= (OnOffAuto), no effect */
    bool shpc;          /* shpc=, no effect */
} PCIBridge;

static inline PCIBridge *PCI_BRIDGE(void *obj)
{
    return OBJECT_CHECK(PCIBridge, obj, TYPE_PCI_BRIDGE);
}

/* The secondary bus (NULL before realize). */
PCIBus *pci_bridge_get_sec_bus(PCIBridge *br);
/* Program the three bus number registers, as firmware would. */
void pci_bridge_set_bus_numbers(PCIBridge *br, uint8_t primary,
                                uint8_t secondary, uint8_t subordinate);
/*
 * The bus with number @num at or below @root (through the bridges'
 * secondary bus numbers), or NULL.
 */
PCIBus *pci_find_bus_nr(PCIBus *root, int num);

#endif
