/*
 * Capability lists: the standard list (8-bit pointers from 0x34 through
 * the conventional space) and the extended list (32-bit headers from
 * 0x100 in the PCI Express space), plus the two capabilities that offer
 * a function-level reset.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci-internal.h"

/* More entries than fit cannot be a real list: stop walking (loops). */
#define PCI_CAP_WALK_MAX     ((PCI_CONFIG_SPACE_SIZE - PCI_STD_HEADER_SIZE) / 4)
#define PCI_EXT_CAP_WALK_MAX ((PCIE_CONFIG_SPACE_SIZE - PCI_EXT_CAP_START) / 4)

static bool pci_cap_range_free(PCIDevice *dev, uint32_t off, uint32_t size)
{
    uint32_t i;

    for (i = 0; i < size; i++) {
        if (dev->used[off + i]) {
            return false;
        }
    }
    return true;
}

/* First dword-aligned free run of @size bytes in [lo, hi), or 0. */
static uint32_t pci_cap_find_space(PCIDevice *dev, uint32_t lo, uint32_t hi,
                                   uint32_t size)
{
    uint32_t off;

    for (off = lo; off + size <= hi; off += 4) {
        if (pci_cap_range_free(dev, off, size)) {
            return off;
        }
    }
    return 0;
}

static bool pci_cap_place(PCIDevice *dev, uint32_t *off, uint32_t size,
                          uint32_t lo, uint32_t hi, unsigned id, Error **errp)
{
    if (*off == 0) {
        *off = pci_cap_find_space(dev, lo, hi, size);
        if (!*off) {
            error_setg(errp, "%s: no room for a %u-byte capability 0x%x",
                       dev->name, size, id);
            return false;
        }
    } else if (*off < lo || *off + size > hi || (*off & 3)) {
        error_setg(
            errp,
            "%s: capability 0x%x at 0x%x is outside 0x%x..0x%x or not dword aligned",
            dev->name, id, *off, lo, hi - 1);
        return false;
    } else if (!pci_cap_range_free(dev, *off, size)) {
        error_setg(errp, "%s: capability 0x%x at 0x%x overlaps another one",
                   dev->name, id, *off);
        return false;
    }
    memset(dev->used + *off, 1, size);
    return true;
}

/* ---- standard list ---- */

uint8_t pci_add_capability(PCIDevice *dev, uint8_t id, uint8_t offset,
                           uint8_t size, Error **errp)
{
    uint32_t off = offset;
    uint32_t link = PCI_CAPABILITY_LIST;
    unsigned n;

    g_assert(size >= 2);
    if (!pci_cap_place(dev, &off, size, PCI_STD_HEADER_SIZE,
                       PCI_CONFIG_SPACE_SIZE, id, errp)) {
        return 0;
    }
    /* the tail is the entry whose next is 0 */
    for (n = 0; dev->config[link] && n < PCI_CAP_WALK_MAX; n++) {
        link = dev->config[link] + PCI_CAP_LIST_NEXT;
    }
    dev->config[link] = (uint8_t)off;
    dev->config[off + PCI_CAP_LIST_ID] = id;
    dev->config[off + PCI_CAP_LIST_NEXT] = 0;
    pci_set(dev, PCI_STATUS, 2,
            pci_get(dev, PCI_STATUS, 2) | PCI_STATUS_CAP_LIST);
    return (uint8_t)off;
}

uint8_t pci_find_capability(PCIDevice *dev, uint8_t id)
{
    uint8_t off = dev->config[PCI_CAPABILITY_LIST] & ~3;
    unsigned n;

    if (!(pci_get(dev, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST)) {
        return 0;
    }
    for (n = 0; off >= PCI_STD_HEADER_SIZE && n < PCI_CAP_WALK_MAX; n++) {
        if (dev->config[off + PCI_CAP_LIST_ID] == id) {
            return off;
        }
        off = dev->config[off + PCI_CAP_LIST_NEXT] & ~3;
    }
    return 0;
}

/* ---- extended list ---- */

static uint32_t pci_ext_header(uint16_t id, uint8_t ver, uint16_t next)
{
    return id | (uint32_t)(ver & 0xf) << 16 | (uint32_t)(next & 0xffc) << 20;
}

static uint16_t pci_ext_next(PCIDevice *dev, uint16_t off)
{
    return (uint16_t)(pci_get(dev, off, 4) >> 20) & 0xffc;
}

uint16_t pci_add_ext_capability(PCIDevice *dev, uint16_t id, uint8_t version,
                                uint16_t offset, uint16_t size, Error **errp)
{
    uint32_t off = offset;
    uint16_t tail = PCI_EXT_CAP_START;
    unsigned n;
    bool first;

    g_assert(size >= 4);
    if (dev->config_size < PCIE_CONFIG_SPACE_SIZE) {
        error_setg(errp, "%s: no extended configuration space", dev->name);
        return 0;
    }
    first = !dev->used[PCI_EXT_CAP_START];
    if (first && off == 0) {
        off = PCI_EXT_CAP_START;
    }
    if (first && off != PCI_EXT_CAP_START) {
        error_setg(errp, "%s: the first extended capability must be at 0x100",
                   dev->name);
        return 0;
    }
    if (!pci_cap_place(dev, &off, size, PCI_EXT_CAP_START,
                       PCIE_CONFIG_SPACE_SIZE, id, errp)) {
        return 0;
    }
    pci_set(dev, off, 4, pci_ext_header(id, version, 0));
    if (!first) {
        for (n = 0; pci_ext_next(dev, tail) && n < PCI_EXT_CAP_WALK_MAX; n++) {
            tail = pci_ext_next(dev, tail);
        }
        pci_set(dev, tail, 4,
                (pci_get(dev, tail, 4) & 0x000fffff) | (uint32_t)off << 20);
    }
    return (uint16_t)off;
}

uint16_t pci_find_ext_capability(PCIDevice *dev, uint16_t id)
{
    uint16_t off = PCI_EXT_CAP_START;
    unsigned n;

    if (dev->config_size < PCIE_CONFIG_SPACE_SIZE) {
        return 0;
    }
    for (n = 0; off >= PCI_EXT_CAP_START && n < PCI_EXT_CAP_WALK_MAX; n++) {
        uint32_t hdr = pci_get(dev, off, 4);

        if (hdr == 0 || hdr == UINT32_MAX) {
            return 0;
        }
        if ((hdr & 0xffff) == id) {
            return off;
        }
        off = pci_ext_next(dev, off);
    }
    return 0;
}

/* ---- function-level reset ---- */

uint8_t pci_add_express_endpoint_cap(PCIDevice *dev, bool flr, Error **errp)
{
    uint8_t off = pci_add_capability(dev, PCI_CAP_ID_EXP, 0,
                                     PCI_EXP_ENDPOINT_SIZEOF_V2, errp);
    uint16_t ctl_mask = 0x7cff; /* error reporting, payload, read request */

    if (!off) {
        return 0;
    }
    pci_set(dev, off + PCI_EXP_FLAGS, 2,
            PCI_EXP_FLAGS_VERS2 | PCI_EXP_TYPE_ENDPOINT << PCI_EXP_TYPE_SHIFT);
    pci_set(dev, off + PCI_EXP_DEVCAP, 4, flr ? PCI_EXP_DEVCAP_FLR : 0);
    if (flr) {
        ctl_mask |= PCI_EXP_DEVCTL_BCR_FLR;
    }
    pci_set_wmask(dev, off + PCI_EXP_DEVCTL, 2, ctl_mask);
    pci_set_w1cmask(dev, off + PCI_EXP_DEVSTA, 2, 0x000f);
    return off;
}

uint8_t pci_add_af_cap(PCIDevice *dev, Error **errp)
{
    uint8_t off = pci_add_capability(dev, PCI_CAP_ID_AF, 0, PCI_AF_SIZEOF,
                                     errp);

    if (!off) {
        return 0;
    }
    pci_set(dev, off + PCI_AF_LENGTH, 1, PCI_AF_SIZEOF);
    pci_set(dev, off + PCI_AF_CAP, 1, PCI_AF_CAP_TP | PCI_AF_CAP_FLR);
    pci_set_wmask(dev, off + PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR);
    return off;
}

static bool pci_touches(uint32_t addr, unsigned len, uint32_t byte)
{
    return byte >= addr && byte < addr + len;
}

bool pci_flr_requested(PCIDevice *dev, uint32_t addr, unsigned len)
{
    uint8_t exp = pci_find_capability(dev, PCI_CAP_ID_EXP);
    uint8_t af = pci_find_capability(dev, PCI_CAP_ID_AF);

    if (exp && pci_touches(addr, len, exp + PCI_EXP_DEVCTL + 1) &&
        (pci_get(dev, exp + PCI_EXP_DEVCAP, 4) & PCI_EXP_DEVCAP_FLR) &&
        (pci_get(dev, exp + PCI_EXP_DEVCTL, 2) & PCI_EXP_DEVCTL_BCR_FLR)) {
        return true;
    }
    return af && pci_touches(addr, len, af + PCI_AF_CTRL) &&
           (dev->config[af + PCI_AF_CAP] & PCI_AF_CAP_FLR) &&
           (dev->config[af + PCI_AF_CTRL] & PCI_AF_CTRL_FLR);
}
