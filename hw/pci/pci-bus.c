/*
 * PCI buses: the "PCI" bus type, the bus owner's hooks (DMA address
 * spaces, MSI delivery) and the devfn table of each bus.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "qemu/module.h"

PCIBus *pci_root_bus_new(DeviceState *parent, const char *name)
{
    PCIBus *bus = PCI_BUS(qbus_new(TYPE_PCI_BUS, parent, name));

    return bus;
}

void pci_bus_set_ops(PCIBus *bus, const PCIBusOps *ops, void *opaque)
{
    bus->ops = ops;
    bus->ops_opaque = opaque;
}

void pci_bus_set_address_spaces(PCIBus *bus, MemoryRegion *mem,
                                MemoryRegion *io)
{
    bus->mem_space = mem;
    bus->io_space = io;
}

bool pci_bus_is_root(PCIBus *bus)
{
    return !bus->bridge;
}

int pci_bus_num(PCIBus *bus)
{
    if (pci_bus_is_root(bus)) {
        return bus->root_bus_num;
    }
    return bus->bridge->config[PCI_SECONDARY_BUS];
}

PCIDevice *pci_bus_get_device(PCIBus *bus, int devfn)
{
    if (devfn < 0 || devfn >= PCI_DEVFN_MAX) {
        return NULL;
    }
    return bus->devices[devfn];
}

PCIBus *pci_get_bus(PCIDevice *dev)
{
    BusState *qbus = qdev_get_parent_bus(DEVICE(dev));

    return qbus ? PCI_BUS(qbus) : NULL;
}

void pci_bus_foreach(PCIBus *bus, void (*fn)(PCIBus *, PCIDevice *, void *),
                     void *opaque)
{
    int devfn;

    for (devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            fn(bus, bus->devices[devfn], opaque);
        }
    }
}

/*
 * The bus that answers for requests of @dev: its own when it has ops,
 * else upwards through the bridges, the requester becoming each bridge.
 * NULL when no bus on the way has ops.
 */
static PCIBus *pci_requester(PCIDevice *dev, int *devfn)
{
    PCIBus *bus = pci_get_bus(dev);

    *devfn = dev->devfn;
    while (bus && !bus->ops) {
        if (!bus->bridge) {
            return NULL;
        }
        *devfn = bus->bridge->devfn;
        bus = pci_get_bus(bus->bridge);
    }
    return bus;
}

static AddressSpace *pci_lookup_dma_as(PCIDevice *dev)
{
    int devfn;
    PCIBus *bus = pci_requester(dev, &devfn);

    if (!bus || !bus->ops->get_dma_as) {
        return NULL;
    }
    return bus->ops->get_dma_as(bus, devfn, bus->ops_opaque);
}

AddressSpace *pci_get_dma_as(PCIDevice *dev)
{
    if (!dev->dma_as && dev->registered) {
        dev->dma_as = pci_lookup_dma_as(dev);
    }
    return dev->dma_as;
}

static bool pci_bus_master_enabled(PCIDevice *dev)
{
    return dev->config && (pci_get(dev, PCI_COMMAND, 2) & PCI_COMMAND_MASTER);
}

MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write)
{
    AddressSpace *as = pci_get_dma_as(dev);
    MemTxResult r;
    PCIBus *bus;
    int devfn;

    if (!as || !pci_bus_master_enabled(dev)) {
        return MEMTX_DECODE_ERROR;
    }
    r = address_space_rw(as, addr, MEMTXATTRS_UNSPECIFIED, buf, len, is_write);
    bus = r == MEMTX_OK ? pci_requester(dev, &devfn) : NULL;
    if (bus && bus->ops->dma_done) {
        bus->ops->dma_done(bus, devfn, dev, len, is_write, bus->ops_opaque);
    }
    return r;
}

void pci_msi_send(PCIDevice *dev, uint64_t addr, uint32_t data)
{
    int devfn;
    PCIBus *bus;
    uint8_t bytes[4];

    if (!pci_bus_master_enabled(dev)) {
        return;
    }
    bus = pci_requester(dev, &devfn);
    if (bus && bus->ops->msi_notify) {
        bus->ops->msi_notify(bus, devfn, dev, addr, data, bus->ops_opaque);
        return;
    }
    pci_le_set(bytes, 4, data);
    pci_dma_write(dev, addr, bytes, sizeof(bytes));
}

/* ---- device paths ---- */

static void pci_append_path(GString *s, PCIDevice *dev)
{
    PCIBus *bus = pci_get_bus(dev);

    if (bus->bridge) {
        pci_append_path(s, bus->bridge);
    } else {
        g_string_append_printf(s, "0000:%02x", pci_bus_num(bus));
    }
    g_string_append_printf(s, ":%02x.%x", PCI_SLOT(dev->devfn),
                           PCI_FUNC(dev->devfn));
}

char *pci_device_address(PCIDevice *dev)
{
    GString *s = g_string_new(NULL);

    pci_append_path(s, dev);
    return g_string_free(s, false);
}

static char *pci_bus_get_dev_path(DeviceState *dev)
{
    PCIDevice *pdev = PCI_DEVICE(dev);

    return pdev->registered ? pci_device_address(pdev) : NULL;
}

static void pci_bus_class_init(ObjectClass *oc, void *data)
{
    BusClass *bc = BUS_CLASS(oc);

    bc->get_dev_path = pci_bus_get_dev_path;
    bc->get_fw_dev_path = pci_bus_get_dev_path;
    bc->max_dev = PCI_DEVFN_MAX;
}

static const TypeInfo pci_bus_types[] = {
    {
        .name = TYPE_PCI_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(PCIBus),
        .class_size = sizeof(BusClass),
        .class_init = pci_bus_class_init,
    },
};

DEFINE_TYPES(pci_bus_types)
