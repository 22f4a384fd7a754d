/*
 * Base address registers: registration, sizing masks, the address the
 * guest programmed and, where the bus has address spaces, the decode
 * (mapping the device's region while Memory/I/O Space is enabled).
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci-internal.h"

static uint32_t pci_bar_reg(int n)
{
    return PCI_BASE_ADDRESS_0 + 4 * n;
}

static int pci_num_bars(PCIDevice *dev)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);

    return pc->header_type == PCI_HEADER_TYPE_BRIDGE ? PCI_NUM_BARS_BRIDGE
                                                     : PCI_NUM_BARS;
}

static bool pci_bar_is_io(uint8_t type)
{
    return type & PCI_BASE_ADDRESS_SPACE_IO;
}

static bool pci_bar_is_64(uint8_t type)
{
    return !pci_bar_is_io(type) && (type & PCI_BASE_ADDRESS_MEM_TYPE_64);
}

void pci_register_bar(PCIDevice *dev, int n, uint8_t type, MemoryRegion *mr)
{
    uint64_t size = memory_region_size(mr);
    PCIBar *bar = &dev->bars[n];
    unsigned width = pci_bar_is_64(type) ? 8 : 4;

    g_assert(n >= 0 && n < pci_num_bars(dev));
    g_assert(!bar->mr);
    g_assert(size && !(size & (size - 1)));
    g_assert(size >= (pci_bar_is_io(type) ? 4 : 16));
    g_assert(!pci_bar_is_64(type) || n + 1 < pci_num_bars(dev));
    if (pci_bar_is_io(type)) {
        type = PCI_BASE_ADDRESS_SPACE_IO;
    } else {
        type &= PCI_BASE_ADDRESS_MEM_TYPE_64 | PCI_BASE_ADDRESS_MEM_PREFETCH;
    }
    bar->mr = mr;
    bar->size = size;
    bar->type = type;
    bar->mapped_at = PCI_BAR_UNMAPPED;
    pci_set(dev, pci_bar_reg(n), width, type);
    pci_set_wmask(dev, pci_bar_reg(n), width, ~(size - 1));
}

uint64_t pci_bar_address(PCIDevice *dev, int n)
{
    PCIBar *bar = &dev->bars[n];
    uint64_t raw;

    if (!bar->mr) {
        return 0;
    }
    raw = pci_get(dev, pci_bar_reg(n), pci_bar_is_64(bar->type) ? 8 : 4);
    return raw & ~(bar->size - 1);
}

MemoryRegion *pci_bar_region(PCIDevice *dev, int n)
{
    return n >= 0 && n < PCI_NUM_BARS ? dev->bars[n].mr : NULL;
}

uint64_t pci_bar_size(PCIDevice *dev, int n)
{
    return n >= 0 && n < PCI_NUM_BARS ? dev->bars[n].size : 0;
}

bool pci_bars_touched(PCIDevice *dev, uint32_t addr, unsigned len)
{
    uint32_t end = PCI_BASE_ADDRESS_0 + 4 * pci_num_bars(dev);

    return addr < end && addr + len > PCI_BASE_ADDRESS_0;
}

/* ---- decode ---- */

static PCIBus *pci_root_of(PCIDevice *dev)
{
    PCIBus *bus = pci_get_bus(dev);

    while (bus && bus->bridge) {
        bus = pci_get_bus(bus->bridge);
    }
    return bus;
}

static MemoryRegion *pci_bar_space(PCIDevice *dev, PCIBar *bar)
{
    PCIBus *root = pci_root_of(dev);

    if (!root) {
        return NULL;
    }
    return pci_bar_is_io(bar->type) ? root->io_space : root->mem_space;
}

/* Where BAR @n decodes now, or PCI_BAR_UNMAPPED. */
static uint64_t pci_bar_decode(PCIDevice *dev, int n)
{
    PCIBar *bar = &dev->bars[n];
    uint16_t cmd = pci_get(dev, PCI_COMMAND, 2);
    uint16_t enable = pci_bar_is_io(bar->type) ? PCI_COMMAND_IO
                                               : PCI_COMMAND_MEMORY;
    uint64_t base = pci_bar_address(dev, n);
    uint64_t last = base + bar->size - 1;

    if (!(cmd & enable) || base == 0 || last < base) {
        return PCI_BAR_UNMAPPED;
    }
    if (pci_bar_is_io(bar->type) && last > UINT32_MAX) {
        return PCI_BAR_UNMAPPED;
    }
    return base;
}

static void pci_bar_move(PCIDevice *dev, PCIBar *bar, uint64_t to)
{
    MemoryRegion *space = pci_bar_space(dev, bar);

    if (!space || bar->mapped_at == to) {
        return;
    }
    if (bar->mapped_at != PCI_BAR_UNMAPPED) {
        memory_region_del_subregion(space, bar->mr);
    }
    bar->mapped_at = to;
    if (to != PCI_BAR_UNMAPPED) {
        memory_region_add_subregion_overlap(space, to, bar->mr, 1);
    }
}

void pci_bars_update(PCIDevice *dev)
{
    int n;

    for (n = 0; n < PCI_NUM_BARS; n++) {
        if (dev->bars[n].mr) {
            pci_bar_move(dev, &dev->bars[n], pci_bar_decode(dev, n));
        }
    }
}

void pci_bars_unmap(PCIDevice *dev)
{
    int n;

    for (n = 0; n < PCI_NUM_BARS; n++) {
        if (dev->bars[n].mr) {
            pci_bar_move(dev, &dev->bars[n], PCI_BAR_UNMAPPED);
        }
    }
}
