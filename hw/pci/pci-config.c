/*
 * PCI configuration space: storage, per-byte masks, the accessors the
 * bus owner calls and the effects of a write (BAR decode, MSI-X control,
 * function-level reset).
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci-internal.h"

/* Default subsystem ids of emulated functions (as QEMU gives them). */
#define PCI_DEFAULT_SUBSYSTEM_VENDOR 0x1af4
#define PCI_DEFAULT_SUBSYSTEM_ID     0x1100

#define PCI_COMMAND_WRITABLE                                                   \
    (PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |                \
     PCI_COMMAND_PARITY | PCI_COMMAND_SERR | PCI_COMMAND_INTX_DISABLE)

void pci_config_alloc(PCIDevice *dev, uint32_t size)
{
    dev->config_size = size;
    dev->config = g_malloc0(size);
    dev->wmask = g_malloc0(size);
    dev->w1cmask = g_malloc0(size);
    dev->used = g_malloc0(size);
    dev->reset_config = NULL;
}

void pci_config_free(PCIDevice *dev)
{
    g_clear_pointer(&dev->config, g_free);
    g_clear_pointer(&dev->wmask, g_free);
    g_clear_pointer(&dev->w1cmask, g_free);
    g_clear_pointer(&dev->used, g_free);
    g_clear_pointer(&dev->reset_config, g_free);
    dev->config_size = 0;
}

void pci_set_wmask(PCIDevice *dev, uint32_t off, unsigned len, uint64_t mask)
{
    unsigned i;

    g_assert(off + len <= dev->config_size);
    for (i = 0; i < len; i++, mask >>= 8) {
        dev->wmask[off + i] = (uint8_t)mask;
        dev->w1cmask[off + i] &= ~(uint8_t)mask;
    }
}

void pci_set_w1cmask(PCIDevice *dev, uint32_t off, unsigned len, uint64_t mask)
{
    unsigned i;

    g_assert(off + len <= dev->config_size);
    for (i = 0; i < len; i++, mask >>= 8) {
        dev->w1cmask[off + i] = (uint8_t)mask;
        dev->wmask[off + i] &= ~(uint8_t)mask;
    }
}

void pci_config_init_header(PCIDevice *dev)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);
    uint8_t htype = pc->header_type;

    memset(dev->used, 1, PCI_STD_HEADER_SIZE);
    pci_set(dev, PCI_VENDOR_ID, 2, pc->vendor_id);
    pci_set(dev, PCI_DEVICE_ID, 2, pc->device_id);
    pci_set(dev, PCI_REVISION_ID, 1, pc->revision);
    pci_set(dev, PCI_CLASS_PROG, 1, pc->prog_if);
    pci_set(dev, PCI_CLASS_DEVICE, 2, pc->class_id);
    if (dev->multifunction) {
        htype |= PCI_HEADER_TYPE_MULTI_FUNCTION;
    }
    pci_set(dev, PCI_HEADER_TYPE, 1, htype);
    if (pc->header_type == PCI_HEADER_TYPE_NORMAL) {
        bool given = pc->subsystem_vendor_id || pc->subsystem_id;

        pci_set(dev, PCI_SUBSYSTEM_VENDOR_ID, 2,
                given ? pc->subsystem_vendor_id : PCI_DEFAULT_SUBSYSTEM_VENDOR);
        pci_set(dev, PCI_SUBSYSTEM_ID, 2,
                given ? pc->subsystem_id : PCI_DEFAULT_SUBSYSTEM_ID);
    }
    pci_set_wmask(dev, PCI_COMMAND, 2, PCI_COMMAND_WRITABLE);
    pci_set_w1cmask(dev, PCI_STATUS, 2, PCI_STATUS_W1C_BITS);
    pci_set_wmask(dev, PCI_CACHE_LINE_SIZE, 1, 0xff);
    pci_set_wmask(dev, PCI_LATENCY_TIMER, 1, 0xff);
    pci_set_wmask(dev, PCI_INTERRUPT_LINE, 1, 0xff);
}

/* ---- the default accessors ---- */

uint32_t pci_config_default_read(PCIDevice *dev, uint32_t addr, unsigned len)
{
    return (uint32_t)pci_get(dev, addr, len);
}

static void pci_config_apply(PCIDevice *dev, uint32_t addr, uint32_t val,
                             unsigned len)
{
    unsigned i;

    for (i = 0; i < len; i++, val >>= 8) {
        uint32_t off = addr + i;
        uint8_t b = (uint8_t)val;
        uint8_t keep = dev->config[off] & ~dev->wmask[off];

        dev->config[off] = keep | (b & dev->wmask[off]);
        dev->config[off] &= ~(b & dev->w1cmask[off]);
    }
}

static bool pci_range_overlaps(uint32_t a, unsigned alen, uint32_t b,
                               unsigned blen)
{
    return a < b + blen && b < a + alen;
}

void pci_config_default_write(PCIDevice *dev, uint32_t addr, uint32_t val,
                              unsigned len)
{
    pci_config_apply(dev, addr, val, len);
    if (pci_range_overlaps(addr, len, PCI_COMMAND, 2) ||
        pci_bars_touched(dev, addr, len)) {
        pci_bars_update(dev);
    }
    msix_config_written(dev, addr, len);
    if (pci_flr_requested(dev, addr, len)) {
        pci_device_reset(dev);
    }
}

/* ---- entry points for the bus owner ---- */

/* Bytes of [addr, addr + len) inside the space. */
static unsigned pci_config_clip(PCIDevice *dev, uint32_t addr, unsigned len)
{
    if (!dev->config || len == 0 || len > 4 || addr >= dev->config_size) {
        return 0;
    }
    return MIN(len, dev->config_size - addr);
}

uint32_t pci_config_read(PCIDevice *dev, uint32_t addr, unsigned len)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);
    unsigned n = pci_config_clip(dev, addr, len);

    if (!n) {
        return 0;
    }
    return pc->config_read(dev, addr, n);
}

void pci_config_write(PCIDevice *dev, uint32_t addr, uint32_t val, unsigned len)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);
    unsigned n = pci_config_clip(dev, addr, len);

    if (n) {
        pc->config_write(dev, addr, val, n);
    }
}
