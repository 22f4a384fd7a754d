/*
 * The pci-bridge device: type-1 header, slot identification capability
 * with the chassis number, a secondary bus named after the bridge.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci-bridge.h"
#include "hw/qdev-properties.h"
#include "qemu/module.h"

#define PCI_BRIDGE_CTL_WRITABLE                                                \
    (PCI_BRIDGE_CTL_PARITY | PCI_BRIDGE_CTL_SERR | PCI_BRIDGE_CTL_ISA |        \
     PCI_BRIDGE_CTL_VGA | PCI_BRIDGE_CTL_MASTER_ABORT |                        \
     PCI_BRIDGE_CTL_BUS_RESET | PCI_BRIDGE_CTL_FAST_BACK)

/* low nibbles of the window registers: 32-bit I/O, 64-bit prefetchable */
#define PCI_IO_RANGE_TYPE_32   0x01
#define PCI_PREF_RANGE_TYPE_64 0x0001

static Property pci_bridge_props[] = {
    DEFINE_PROP_UINT8("chassis_nr", PCIBridge, chassis_nr, 0),
    DEFINE_PROP_ON_OFF_AUTO("msi", PCIBridge, msi, ON_OFF_AUTO_AUTO),
    DEFINE_PROP_BOOL("shpc", PCIBridge, shpc, true),
    DEFINE_PROP_END_OF_LIST(),
};

PCIBus *pci_bridge_get_sec_bus(PCIBridge *br)
{
    return br->sec_bus;
}

void pci_bridge_set_bus_numbers(PCIBridge *br, uint8_t primary,
                                uint8_t secondary, uint8_t subordinate)
{
    PCIDevice *dev = PCI_DEVICE(br);

    pci_set(dev, PCI_PRIMARY_BUS, 1, primary);
    pci_set(dev, PCI_SECONDARY_BUS, 1, secondary);
    pci_set(dev, PCI_SUBORDINATE_BUS, 1, subordinate);
}

PCIBus *pci_find_bus_nr(PCIBus *root, int num)
{
    int devfn;

    if (pci_bus_num(root) == num) {
        return root;
    }
    for (devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        PCIDevice *dev = root->devices[devfn];
        PCIBus *found;

        if (!dev || !object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE)) {
            continue;
        }
        found = pci_find_bus_nr(PCI_BRIDGE(dev)->sec_bus, num);
        if (found) {
            return found;
        }
    }
    return NULL;
}

/* ---- type-1 header ---- */

static void pci_bridge_init_header(PCIDevice *dev)
{
    pci_set_wmask(dev, PCI_PRIMARY_BUS, 4, 0xffffffff); /* + sec latency */
    pci_set(dev, PCI_IO_BASE, 1, PCI_IO_RANGE_TYPE_32);
    pci_set(dev, PCI_IO_LIMIT, 1, PCI_IO_RANGE_TYPE_32);
    pci_set_wmask(dev, PCI_IO_BASE, 2, 0xf0f0);
    pci_set_w1cmask(dev, PCI_SEC_STATUS, 2, PCI_STATUS_W1C_BITS);
    pci_set_wmask(dev, PCI_MEMORY_BASE, 4, 0xfff0fff0);
    pci_set(dev, PCI_PREF_MEMORY_BASE, 2, PCI_PREF_RANGE_TYPE_64);
    pci_set(dev, PCI_PREF_MEMORY_LIMIT, 2, PCI_PREF_RANGE_TYPE_64);
    pci_set_wmask(dev, PCI_PREF_MEMORY_BASE, 4, 0xfff0fff0);
    pci_set_wmask(dev, PCI_PREF_BASE_UPPER32, 8, UINT64_MAX);
    pci_set_wmask(dev, PCI_IO_BASE_UPPER16, 4, 0xffffffff);
    pci_set_wmask(dev, PCI_BRIDGE_CONTROL, 2, PCI_BRIDGE_CTL_WRITABLE);
}

static bool pci_bridge_add_slotid(PCIDevice *dev, uint8_t chassis, Error **errp)
{
    uint8_t cap;

    if (!chassis) {
        error_setg(
            errp,
            "Bridge chassis not specified. Each bridge is required to be assigned a unique chassis id > 0.");
        return false;
    }
    cap = pci_add_capability(dev, PCI_CAP_ID_SLOTID, 0, PCI_SID_SIZEOF, errp);
    if (!cap) {
        return false;
    }
    pci_set(dev, cap + PCI_SID_ESR, 1, PCI_SID_ESR_FIC);
    pci_set(dev, cap + PCI_SID_CHASSIS_NR, 1, chassis);
    pci_set_wmask(dev, cap + PCI_SID_CHASSIS_NR, 1, 0xff);
    return true;
}

static void pci_bridge_config_write(PCIDevice *dev, uint32_t addr, uint32_t val,
                                    unsigned len)
{
    PCIBridge *br = PCI_BRIDGE(dev);
    uint16_t before = pci_get(dev, PCI_BRIDGE_CONTROL, 2);
    uint16_t after;

    pci_config_default_write(dev, addr, val, len);
    after = pci_get(dev, PCI_BRIDGE_CONTROL, 2);
    if ((after & ~before) & PCI_BRIDGE_CTL_BUS_RESET) {
        qbus_reset_all(&br->sec_bus->qbus);
    }
}

/* ---- lifecycle ---- */

static bool pci_bridge_realize(PCIDevice *dev, Error **errp)
{
    PCIBridge *br = PCI_BRIDGE(dev);
    const char *id = DEVICE(dev)->id;

    pci_bridge_init_header(dev);
    if (!pci_bridge_add_slotid(dev, br->chassis_nr, errp)) {
        return false;
    }
    br->sec_bus = pci_root_bus_new(DEVICE(dev), id && *id ? id : NULL);
    br->sec_bus->bridge = dev;
    return true;
}

static void pci_bridge_unrealize(PCIDevice *dev)
{
    PCIBridge *br = PCI_BRIDGE(dev);

    if (br->sec_bus) {
        object_unparent(OBJECT(br->sec_bus));
        br->sec_bus = NULL;
    }
}

static void pci_bridge_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    dc->desc = "Standard PCI Bridge";
    dc->categories |= 1UL << DEVICE_CATEGORY_BRIDGE;
    pc->vendor_id = PCI_BRIDGE_VENDOR_ID;
    pc->device_id = PCI_BRIDGE_DEVICE_ID;
    pc->class_id = PCI_CLASS_BRIDGE_PCI;
    pc->header_type = PCI_HEADER_TYPE_BRIDGE;
    pc->realize = pci_bridge_realize;
    pc->unrealize = pci_bridge_unrealize;
    pc->config_write = pci_bridge_config_write;
    device_class_set_props(dc, pci_bridge_props);
}

static const TypeInfo pci_bridge_types[] = {
    {
        .name = TYPE_PCI_BRIDGE,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCIBridge),
        .class_init = pci_bridge_class_init,
    },
};

DEFINE_TYPES(pci_bridge_types)
