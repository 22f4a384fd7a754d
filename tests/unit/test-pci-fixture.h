/*
 * Shared fixture of the PCI unit tests: a host bridge that owns a root
 * bus "pci.0" and plays the bus owner: every function's DMA address
 * space is one RAM-backed space (64 KiB of RAM at 0), and MSI messages
 * are recorded.  A test function type "test-pcifn" has one BAR of each
 * kind, MSI-X with its table and PBA in BAR 4 and an AF capability.
 */
#ifndef TEST_PCI_FIXTURE_H
#define TEST_PCI_FIXTURE_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci.h"
#include "hw/pci/msix.h"
#include "hw/qdev-properties.h"

#define TYPE_TEST_PCI_HOST "test-pci-host"
#define TYPE_TEST_PCIFN    "test-pcifn"
#define TEST_RAM_SIZE      (64 * KiB)
#define TEST_MSIX_VECTORS  70 /* more than one PBA word */

typedef struct TestMsg {
    int devfn;
    uint64_t addr;
    uint32_t data;
} TestMsg;

typedef struct TestPciHost {
    PCIBus *bus;
    MemoryRegion root;
    MemoryRegion ram;
    AddressSpace as;
    GArray *msgs;       /* TestMsg */
    GArray *dma_devfns; /* int: devfns get_dma_as was asked for */
    bool no_msi_hook;   /* deliver MSI as a DMA write instead */
} TestPciHost;

static TestPciHost host;

static AddressSpace *test_get_dma_as(PCIBus *bus, int devfn, void *opaque)
{
    TestPciHost *h = opaque;

    g_array_append_val(h->dma_devfns, devfn);
    return &h->as;
}

static void test_msi_notify(PCIBus *bus, int devfn, PCIDevice *dev,
                            uint64_t addr, uint32_t data, void *opaque)
{
    TestPciHost *h = opaque;
    TestMsg m = { .devfn = devfn, .addr = addr, .data = data };

    g_array_append_val(h->msgs, m);
}

static const PCIBusOps test_bus_ops = {
    .get_dma_as = test_get_dma_as,
    .msi_notify = test_msi_notify,
};

static const PCIBusOps G_GNUC_UNUSED test_bus_ops_no_msi = {
    .get_dma_as = test_get_dma_as,
};

/* ---- the test function ---- */

typedef struct TestPciFn {
    PCIDevice parent_obj;
    MemoryRegion bar0, bar1, bar2, bar4;
    uint32_t reset_count;
    bool no_msix;
    bool fail;
} TestPciFn;

static uint64_t test_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x5a;
}

static void test_io_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
}

static const MemoryRegionOps test_io_ops = {
    .read = test_io_read,
    .write = test_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static bool test_pcifn_realize(PCIDevice *dev, Error **errp)
{
    TestPciFn *s = (TestPciFn *)dev;
    MSIXLayout l = {
        .vectors = TEST_MSIX_VECTORS,
        .table_bar = 4,
        .table_offset = 0,
        .pba_bar = 4,
        .pba_offset = 0x2000,
    };

    if (s->fail) {
        error_setg(errp, "test-pcifn: refused");
        return false;
    }
    memory_region_init(&s->bar0, s, "bar0", 4 * KiB);
    memory_region_init_io(&s->bar1, s, &test_io_ops, s, "bar1", 256);
    memory_region_init(&s->bar2, s, "bar2", 1 * MiB);
    memory_region_init(&s->bar4, s, "bar4", 16 * KiB);
    pci_register_bar(dev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar0);
    pci_register_bar(dev, 1, PCI_BASE_ADDRESS_SPACE_IO, &s->bar1);
    pci_register_bar(dev, 2,
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                         PCI_BASE_ADDRESS_MEM_PREFETCH,
                     &s->bar2);
    pci_register_bar(dev, 4, PCI_BASE_ADDRESS_MEM_TYPE_64, &s->bar4);
    if (!s->no_msix && !msix_init(dev, &l, errp)) {
        return false;
    }
    return pci_add_af_cap(dev, errp) != 0;
}

static void test_pcifn_unrealize(PCIDevice *dev)
{
    TestPciFn *s = (TestPciFn *)dev;

    memory_region_finalize(&s->bar0);
    memory_region_finalize(&s->bar1);
    memory_region_finalize(&s->bar2);
    memory_region_finalize(&s->bar4);
}

static void test_pcifn_reset(PCIDevice *dev)
{
    ((TestPciFn *)dev)->reset_count++;
}

static Property test_pcifn_props[] = {
    DEFINE_PROP_BOOL("no-msix", TestPciFn, no_msix, false),
    DEFINE_PROP_BOOL("fail", TestPciFn, fail, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_pcifn_class_init(ObjectClass *oc, void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    pc->vendor_id = 0x1234;
    pc->device_id = 0x5678;
    pc->revision = 3;
    pc->class_id = PCI_CLASS_OTHERS;
    pc->realize = test_pcifn_realize;
    pc->unrealize = test_pcifn_unrealize;
    pc->reset = test_pcifn_reset;
    device_class_set_props(DEVICE_CLASS(oc), test_pcifn_props);
}

static void test_host_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->user_creatable = false;
}

static const TypeInfo test_pci_types[] = {
    {
        .name = TYPE_TEST_PCI_HOST,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = test_host_class_init,
    },
    {
        .name = TYPE_TEST_PCIFN,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(TestPciFn),
        .class_init = test_pcifn_class_init,
    },
};

DEFINE_TYPES(test_pci_types)

static void fixture_setup(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_PCI_HOST);

    memory_region_init(&host.root, NULL, "dma-root", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&host.ram, NULL, "dma-ram",
                                         TEST_RAM_SIZE, &error_abort));
    memory_region_add_subregion(&host.root, 0, &host.ram);
    address_space_init(&host.as, &host.root, "test-dma");
    host.msgs = g_array_new(false, true, sizeof(TestMsg));
    host.dma_devfns = g_array_new(false, true, sizeof(int));
    object_property_add_child(qdev_get_machine(), "pcihost", OBJECT(dev));
    host.bus = pci_root_bus_new(dev, NULL);
    pci_bus_set_ops(host.bus, &test_bus_ops, &host);
    sysbus_realize_and_unref(dev, &error_abort);
}

/* A realized device of @type at @addr (NULL: automatic) on @bus. */
static inline PCIDevice *fn_new_on(PCIBus *bus, const char *type,
                                   const char *addr, bool mf, const char *id,
                                   Error **errp)
{
    DeviceState *dev = qdev_new(type);

    if (addr) {
        object_property_parse(OBJECT(dev), "addr", addr, &error_abort);
    }
    qdev_prop_set_bit(dev, "multifunction", mf);
    if (id) {
        qdev_set_id(dev, g_strdup(id), &error_abort);
    }
    if (!qdev_realize(dev, &bus->qbus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        return NULL;
    }
    object_unref(OBJECT(dev));
    return PCI_DEVICE(dev);
}

static inline PCIDevice *fn_new(const char *addr, Error **errp)
{
    return fn_new_on(host.bus, TYPE_TEST_PCIFN, addr, false, NULL, errp);
}

static inline void fn_del(PCIDevice *dev)
{
    object_unparent(OBJECT(dev));
}

static inline uint32_t cfg_rd(PCIDevice *d, uint32_t addr, unsigned len)
{
    return pci_config_read(d, addr, len);
}

static inline void cfg_wr(PCIDevice *d, uint32_t addr, uint32_t val,
                          unsigned len)
{
    pci_config_write(d, addr, val, len);
}

#endif
