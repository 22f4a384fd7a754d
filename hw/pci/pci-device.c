/*
 * The abstract "pci-device" type: properties, realize (address claim,
 * config space, DMA address space), unrealize and reset.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci-internal.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "qemu/module.h"

static Property pci_device_props[] = {
    DEFINE_PROP_PCI_DEVFN("addr", PCIDevice, devfn, -1),
    DEFINE_PROP_BOOL("multifunction", PCIDevice, multifunction, false),
    DEFINE_PROP_END_OF_LIST(),
};

/* ---- reset ---- */

/* Writable and W1C bits back to the values realize left. */
static void pci_config_restore(PCIDevice *dev)
{
    uint32_t i;

    for (i = 0; i < dev->config_size; i++) {
        uint8_t soft = dev->wmask[i] | dev->w1cmask[i];

        dev->config[i] = (dev->config[i] & ~soft) |
                         (dev->reset_config[i] & soft);
    }
}

void pci_device_reset(PCIDevice *dev)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);

    if (!dev->reset_config) {
        return; /* not realized */
    }
    dev->resets++;
    pci_config_restore(dev);
    pci_bars_unmap(dev);
    msix_reset(dev);
    if (pc->reset) {
        pc->reset(dev);
    }
}

static void pci_device_qdev_reset(DeviceState *dev)
{
    pci_device_reset(PCI_DEVICE(dev));
}

/* ---- realize ---- */

/* Undo what the core set up for the function (before the class frees
 * its BAR regions). */
static void pci_device_detach_regions(PCIDevice *dev)
{
    pci_bars_unmap(dev);
    msix_uninit(dev);
    memset(dev->bars, 0, sizeof(dev->bars));
}

static void pci_device_release(PCIDevice *dev, PCIBus *bus)
{
    pci_addr_release(bus, dev);
    pci_config_free(dev);
    dev->dma_as = NULL;
}

static bool pci_device_realize(DeviceState *qdev, Error **errp)
{
    PCIDevice *dev = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);
    PCIBus *bus = pci_get_bus(dev);
    int32_t asked = dev->devfn;

    g_assert(bus);
    if (pci_addr_claim(bus, dev, errp) < 0) {
        return false;
    }
    pci_config_alloc(dev, pc->is_express || dev->express
                              ? PCIE_CONFIG_SPACE_SIZE
                              : PCI_CONFIG_SPACE_SIZE);
    pci_config_init_header(dev);
    dev->dma_as = NULL;
    pci_get_dma_as(dev);
    if (pc->realize && !pc->realize(dev, errp)) {
        pci_device_detach_regions(dev);
        pci_device_release(dev, bus);
        dev->devfn = asked;
        return false;
    }
    dev->reset_config = g_malloc(dev->config_size);
    memcpy(dev->reset_config, dev->config, dev->config_size);
    return true;
}

static void pci_device_unrealize(DeviceState *qdev)
{
    PCIDevice *dev = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);

    pci_device_detach_regions(dev);
    if (pc->unrealize) {
        pc->unrealize(dev);
    }
    pci_device_release(dev, pci_get_bus(dev));
}

/* ---- type ---- */

static void pci_device_instance_init(Object *obj)
{
    PCIDevice *dev = PCI_DEVICE(obj);

    dev->name = g_strdup(object_get_typename(obj));
}

static void pci_device_instance_finalize(Object *obj)
{
    PCIDevice *dev = PCI_DEVICE(obj);

    g_free(dev->name);
}

static void pci_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    dc->bus_type = TYPE_PCI_BUS;
    dc->realize = pci_device_realize;
    dc->unrealize = pci_device_unrealize;
    dc->reset = pci_device_qdev_reset;
    pc->config_read = pci_config_default_read;
    pc->config_write = pci_config_default_write;
    pc->header_type = PCI_HEADER_TYPE_NORMAL;
    device_class_set_props(dc, pci_device_props);
}

static const TypeInfo pci_device_types[] = {
    {
        .name = TYPE_PCI_DEVICE,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(PCIDevice),
        .instance_init = pci_device_instance_init,
        .instance_finalize = pci_device_instance_finalize,
        .class_size = sizeof(PCIDeviceClass),
        .class_init = pci_device_class_init,
    },
};

DEFINE_TYPES(pci_device_types)
