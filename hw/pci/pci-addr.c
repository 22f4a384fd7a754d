/*
 * Where a function goes on its bus: addr=SLOT[.FUNC], automatic slot
 * choice and the multifunction rules, with QEMU's error texts.
 *
 * Rules (QEMU 7.2's observable behaviour):
 *  - without addr= the function takes function 0 of the lowest slot
 *    whose function 0 is free;
 *  - an occupied devfn is refused, naming the occupant;
 *  - a hot-plugged function may not join a slot whose function 0 is
 *    already there (the guest has enumerated that slot);
 *  - a function > 0 needs function 0 (when present) to be multifunction;
 *  - a single-function function 0 refuses a slot with functions > 0.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci-internal.h"

static int pci_addr_pick_free_slot(PCIBus *bus, PCIDevice *dev, Error **errp)
{
    int slot;

    for (slot = 0; slot < PCI_SLOT_MAX; slot++) {
        if (!bus->devices[PCI_DEVFN(slot, 0)]) {
            return PCI_DEVFN(slot, 0);
        }
    }
    error_setg(errp,
               "PCI: no slot/function available for %s, all in use or reserved",
               dev->name);
    return -1;
}

static bool pci_addr_check_free(PCIBus *bus, PCIDevice *dev, int devfn,
                                Error **errp)
{
    PCIDevice *other = bus->devices[devfn];
    PCIDevice *func0 = bus->devices[PCI_DEVFN(PCI_SLOT(devfn), 0)];

    if (other) {
        error_setg(
            errp,
            "PCI: slot %d function %d not available for %s, in use by %s,id=%s",
            PCI_SLOT(devfn), PCI_FUNC(devfn), dev->name, other->name,
            other->qdev.id ? other->qdev.id : "(null)");
        return false;
    }
    if (DEVICE(dev)->hotplugged && func0) {
        error_setg(
            errp,
            "PCI: slot %d function 0 already occupied by %s, new func %s cannot be exposed to guest.",
            PCI_SLOT(devfn), func0->name, dev->name);
        return false;
    }
    return true;
}

static bool pci_addr_check_multifunction(PCIBus *bus, PCIDevice *dev, int devfn,
                                         Error **errp)
{
    int slot = PCI_SLOT(devfn);
    PCIDevice *func0 = bus->devices[PCI_DEVFN(slot, 0)];
    int fn;

    if (PCI_FUNC(devfn)) {
        if (func0 && !func0->multifunction) {
            error_setg(
                errp,
                "PCI: single function device can't be populated in function %x.%x",
                slot, PCI_FUNC(devfn));
            return false;
        }
        return true;
    }
    if (dev->multifunction) {
        return true;
    }
    for (fn = 1; fn < PCI_FUNC_MAX; fn++) {
        if (bus->devices[PCI_DEVFN(slot, fn)]) {
            error_setg(
                errp,
                "PCI: %x.0 indicates single function, but %x.%x is already populated.",
                slot, slot, fn);
            return false;
        }
    }
    return true;
}

int pci_addr_claim(PCIBus *bus, PCIDevice *dev, Error **errp)
{
    int devfn = dev->devfn;

    if (devfn < 0) {
        devfn = pci_addr_pick_free_slot(bus, dev, errp);
        if (devfn < 0) {
            return -1;
        }
    } else if (devfn >= PCI_DEVFN_MAX ||
               !pci_addr_check_free(bus, dev, devfn, errp)) {
        if (devfn >= PCI_DEVFN_MAX) {
            error_setg(errp, "PCI: devfn %d out of range for %s", devfn,
                       dev->name);
        }
        return -1;
    }
    if (!pci_addr_check_multifunction(bus, dev, devfn, errp)) {
        return -1;
    }
    bus->devices[devfn] = dev;
    dev->devfn = devfn;
    dev->registered = true;
    return devfn;
}

void pci_addr_release(PCIBus *bus, PCIDevice *dev)
{
    if (dev->registered && bus->devices[dev->devfn] == dev) {
        bus->devices[dev->devfn] = NULL;
    }
    dev->registered = false;
}
