/*
 * pci-testfn: registers, a device buffer, MSI-X and a DMA engine that
 * reaches memory only through the function's DMA address space.
 */
#include "qemu/osdep.h"
#include "hw/misc/pci-testfn.h"
#include "hw/pci/msix.h"
#include "hw/qdev-properties.h"
#include "qemu/module.h"

typedef struct PCITestFn {
    PCIDevice parent_obj;

    /* properties */
    uint32_t vectors;
    uint64_t serial;

    MemoryRegion regs_mr;
    MemoryRegion buf_mr;
    MemoryRegion msix_mr;
    uint8_t *buf; /* PCI_TESTFN_BUF_SIZE bytes, allocated on first write */

    uint32_t scratch;
    uint64_t dma_addr;
    uint32_t dma_offset;
    uint32_t dma_len;
    uint32_t dma_vector;
    uint32_t status;
    uint32_t dma_count;
    uint64_t fault_addr;
} PCITestFn;

static PCITestFn *PCI_TESTFN(void *obj)
{
    return OBJECT_CHECK(PCITestFn, obj, TYPE_PCI_TESTFN);
}

/* ---- the DMA engine ---- */

static uint8_t *testfn_buffer(PCITestFn *s)
{
    if (!s->buf) {
        s->buf = g_malloc0(PCI_TESTFN_BUF_SIZE);
    }
    return s->buf;
}

/* FAULT and its code stay until the guest clears FAULT. */
static void testfn_dma_finish(PCITestFn *s, uint32_t flags, uint32_t cmd)
{
    if (flags & TESTFN_STATUS_FAULT) {
        s->status &= ~TESTFN_STATUS_CODE_MASK;
    }
    s->status |= flags | TESTFN_STATUS_DONE;
    s->dma_count++;
    if (cmd & TESTFN_CMD_IRQ) {
        msix_notify(PCI_DEVICE(s), s->dma_vector);
    }
}

static void testfn_dma_start(PCITestFn *s, uint32_t cmd)
{
    PCIDevice *dev = PCI_DEVICE(s);
    uint8_t *buf;
    MemTxResult res;

    if (s->dma_offset > PCI_TESTFN_BUF_SIZE ||
        s->dma_len > PCI_TESTFN_BUF_SIZE - s->dma_offset) {
        testfn_dma_finish(s, TESTFN_STATUS_BAD_REQ, cmd);
        return;
    }
    buf = testfn_buffer(s) + s->dma_offset;
    if (cmd & TESTFN_CMD_FROM_MEM) {
        res = pci_dma_read(dev, s->dma_addr, buf, s->dma_len);
    } else {
        res = pci_dma_write(dev, s->dma_addr, buf, s->dma_len);
    }
    if (res != MEMTX_OK) {
        s->fault_addr = s->dma_addr;
        testfn_dma_finish(s,
                          TESTFN_STATUS_FAULT | (res & 0xff)
                                                    << TESTFN_STATUS_CODE_SHIFT,
                          cmd);
        return;
    }
    testfn_dma_finish(s, 0, cmd);
}

/* ---- BAR 0: registers ---- */

static uint64_t testfn_reg_read(void *opaque, hwaddr addr, unsigned size)
{
    PCITestFn *s = opaque;

    switch (addr) {
    case TESTFN_ID:
        return PCI_TESTFN_MAGIC;
    case TESTFN_VERSION:
        return PCI_TESTFN_VERSION;
    case TESTFN_SCRATCH:
        return s->scratch;
    case TESTFN_VECTORS:
        return s->vectors;
    case TESTFN_DMA_ADDR_LO:
        return (uint32_t)s->dma_addr;
    case TESTFN_DMA_ADDR_HI:
        return (uint32_t)(s->dma_addr >> 32);
    case TESTFN_DMA_OFFSET:
        return s->dma_offset;
    case TESTFN_DMA_LEN:
        return s->dma_len;
    case TESTFN_DMA_VECTOR:
        return s->dma_vector;
    case TESTFN_STATUS:
        return s->status;
    case TESTFN_DMA_COUNT:
        return s->dma_count;
    case TESTFN_FAULT_LO:
        return (uint32_t)s->fault_addr;
    case TESTFN_FAULT_HI:
        return (uint32_t)(s->fault_addr >> 32);
    default:
        return 0;
    }
}

static void testfn_set_half(uint64_t *reg, bool high, uint32_t val)
{
    if (high) {
        *reg = (*reg & 0xffffffffULL) | (uint64_t)val << 32;
    } else {
        *reg = (*reg & ~0xffffffffULL) | val;
    }
}

static void testfn_reg_write(void *opaque, hwaddr addr, uint64_t val64,
                             unsigned size)
{
    PCITestFn *s = opaque;
    uint32_t val = (uint32_t)val64;
    uint32_t w1c = TESTFN_STATUS_DONE | TESTFN_STATUS_FAULT |
                   TESTFN_STATUS_BAD_REQ;

    switch (addr) {
    case TESTFN_SCRATCH:
        s->scratch = val;
        break;
    case TESTFN_DMA_ADDR_LO:
    case TESTFN_DMA_ADDR_HI:
        testfn_set_half(&s->dma_addr, addr == TESTFN_DMA_ADDR_HI, val);
        break;
    case TESTFN_DMA_OFFSET:
        s->dma_offset = val;
        break;
    case TESTFN_DMA_LEN:
        s->dma_len = val;
        break;
    case TESTFN_DMA_CMD:
        testfn_dma_start(s, val);
        break;
    case TESTFN_DMA_VECTOR:
        s->dma_vector = val;
        break;
    case TESTFN_STATUS:
        s->status &= ~(val & w1c);
        if (val & TESTFN_STATUS_FAULT) {
            s->status &= ~TESTFN_STATUS_CODE_MASK;
        }
        break;
    case TESTFN_IRQ:
        msix_notify(PCI_DEVICE(s), val);
        break;
    default:
        break; /* read-only or unassigned: ignored */
    }
}

static const MemoryRegionOps testfn_reg_ops = {
    .read = testfn_reg_read,
    .write = testfn_reg_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---- BAR 2: the buffer ---- */

static uint64_t testfn_buf_read(void *opaque, hwaddr addr, unsigned size)
{
    PCITestFn *s = opaque;

    return s->buf ? pci_le_get(s->buf + addr, size) : 0;
}

static void testfn_buf_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    pci_le_set(testfn_buffer(opaque) + addr, size, val);
}

static const MemoryRegionOps testfn_buf_ops = {
    .read = testfn_buf_read,
    .write = testfn_buf_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---- lifecycle ---- */

static void testfn_regions_free(PCITestFn *s)
{
    memory_region_finalize(&s->regs_mr);
    memory_region_finalize(&s->buf_mr);
    memory_region_finalize(&s->msix_mr);
}

static bool testfn_add_caps(PCITestFn *s, Error **errp)
{
    PCIDevice *dev = PCI_DEVICE(s);
    MSIXLayout l = {
        .vectors = s->vectors,
        .table_bar = PCI_TESTFN_MSIX_BAR,
        .table_offset = 0,
        .pba_bar = PCI_TESTFN_MSIX_BAR,
        .pba_offset = PCI_TESTFN_PBA_OFFSET,
    };
    uint16_t dsn;

    if (!msix_init(dev, &l, errp) ||
        !pci_add_express_endpoint_cap(dev, true, errp)) {
        return false;
    }
    if (dev->config_size < PCIE_CONFIG_SPACE_SIZE) {
        return true;
    }
    dsn = pci_add_ext_capability(dev, PCI_EXT_CAP_ID_DSN, 1, 0,
                                 PCI_EXT_CAP_DSN_SIZEOF, errp);
    if (!dsn) {
        return false;
    }
    pci_set(dev, dsn + 4, 8, s->serial);
    return true;
}

static bool testfn_realize(PCIDevice *dev, Error **errp)
{
    PCITestFn *s = PCI_TESTFN(dev);

    if (s->vectors < 1 || s->vectors > PCI_MSIX_VECTORS_MAX) {
        error_setg(errp, "pci-testfn: vectors must be in 1..%u",
                   PCI_MSIX_VECTORS_MAX);
        return false;
    }
    memory_region_init_io(&s->regs_mr, s, &testfn_reg_ops, s, "pci-testfn-regs",
                          PCI_TESTFN_REG_SIZE);
    memory_region_init_io(&s->buf_mr, s, &testfn_buf_ops, s, "pci-testfn-buf",
                          PCI_TESTFN_BUF_SIZE);
    memory_region_init(&s->msix_mr, s, "pci-testfn-msix", PCI_TESTFN_MSIX_SIZE);
    pci_register_bar(dev, PCI_TESTFN_REG_BAR, PCI_BASE_ADDRESS_SPACE_MEMORY,
                     &s->regs_mr);
    pci_register_bar(dev, PCI_TESTFN_BUF_BAR,
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                         PCI_BASE_ADDRESS_MEM_PREFETCH,
                     &s->buf_mr);
    pci_register_bar(dev, PCI_TESTFN_MSIX_BAR, PCI_BASE_ADDRESS_MEM_TYPE_64,
                     &s->msix_mr);
    if (!testfn_add_caps(s, errp)) {
        testfn_regions_free(s);
        return false;
    }
    return true;
}

static void testfn_unrealize(PCIDevice *dev)
{
    PCITestFn *s = PCI_TESTFN(dev);

    testfn_regions_free(s);
    g_clear_pointer(&s->buf, g_free);
}

static void testfn_reset(PCIDevice *dev)
{
    PCITestFn *s = PCI_TESTFN(dev);

    g_clear_pointer(&s->buf, g_free);
    s->scratch = 0;
    s->dma_addr = 0;
    s->dma_offset = 0;
    s->dma_len = 0;
    s->dma_vector = 0;
    s->status = 0;
    s->dma_count = 0;
    s->fault_addr = 0;
}

static Property testfn_props[] = {
    DEFINE_PROP_UINT32("vectors", PCITestFn, vectors, 4),
    DEFINE_PROP_BOOL("express", PCITestFn, parent_obj.express, false),
    DEFINE_PROP_UINT64("serial", PCITestFn, serial, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void testfn_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    dc->desc = "PCI test function: registers, MSI-X and a DMA engine";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    pc->vendor_id = PCI_TESTFN_VENDOR_ID;
    pc->device_id = PCI_TESTFN_DEVICE_ID;
    pc->revision = PCI_TESTFN_REVISION;
    pc->class_id = PCI_CLASS_OTHERS;
    pc->subsystem_vendor_id = PCI_TESTFN_VENDOR_ID;
    pc->subsystem_id = PCI_TESTFN_DEVICE_ID;
    pc->realize = testfn_realize;
    pc->unrealize = testfn_unrealize;
    pc->reset = testfn_reset;
    device_class_set_props(dc, testfn_props);
    object_class_property_set_description(oc, "vectors",
                                          "MSI-X vectors (1..2048)");
    object_class_property_set_description(
        oc, "express", "4 KiB config space with a serial number capability");
    object_class_property_set_description(oc, "serial",
                                          "device serial number (express=on)");
}

static const TypeInfo testfn_types[] = {
    {
        .name = TYPE_PCI_TESTFN,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCITestFn),
        .class_init = testfn_class_init,
    },
};

DEFINE_TYPES(testfn_types)
