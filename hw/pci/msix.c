/*
 * MSI-X: capability, vector table, pending bits, masking and delivery.
 */
#include "qemu/osdep.h"
#include "hw/pci/msix.h"
#include "hw/pci/pci-internal.h"

#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))

bool msix_present(PCIDevice *dev)
{
    return dev->msix.nvec != 0;
}

unsigned msix_nr_vectors(PCIDevice *dev)
{
    return dev->msix.nvec;
}

static uint16_t msix_control(PCIDevice *dev)
{
    return pci_get(dev, dev->msix.cap + PCI_MSIX_FLAGS, 2);
}

bool msix_enabled(PCIDevice *dev)
{
    return msix_present(dev) && (msix_control(dev) & PCI_MSIX_FLAGS_ENABLE);
}

bool msix_function_masked(PCIDevice *dev)
{
    return msix_present(dev) && (msix_control(dev) & PCI_MSIX_FLAGS_MASKALL);
}

bool msix_vector_masked(PCIDevice *dev, unsigned vector)
{
    return vector < dev->msix.nvec &&
           (dev->msix.vec[vector].ctrl & PCI_MSIX_ENTRY_CTRL_MASKBIT);
}

bool msix_is_pending(PCIDevice *dev, unsigned vector)
{
    return vector < dev->msix.nvec &&
           (dev->msix.pending[vector / 64] >> (vector % 64) & 1);
}

void msix_get_message(PCIDevice *dev, unsigned vector, uint64_t *addr,
                      uint32_t *data)
{
    g_assert(vector < dev->msix.nvec);
    *addr = dev->msix.vec[vector].addr;
    *data = dev->msix.vec[vector].data;
}

void msix_set_vector_notify(PCIDevice *dev,
                            void (*fn)(PCIDevice *dev, unsigned vector,
                                       bool masked))
{
    dev->msix.vector_notify = fn;
}

/* ---- delivery ---- */

static bool msix_all_blocked(PCIDevice *dev)
{
    return !msix_enabled(dev) || msix_function_masked(dev);
}

static bool msix_blocked(PCIDevice *dev, unsigned vector)
{
    return msix_all_blocked(dev) || msix_vector_masked(dev, vector);
}

static void msix_set_pending(PCIDevice *dev, unsigned vector, bool on)
{
    uint64_t bit = 1ULL << (vector % 64);

    if (on) {
        dev->msix.pending[vector / 64] |= bit;
    } else {
        dev->msix.pending[vector / 64] &= ~bit;
    }
}

static void msix_send(PCIDevice *dev, unsigned vector)
{
    PCIMSIXVector *v = &dev->msix.vec[vector];

    dev->msix.messages_sent++;
    pci_msi_send(dev, v->addr, v->data);
}

void msix_notify(PCIDevice *dev, unsigned vector)
{
    if (vector >= dev->msix.nvec || !msix_enabled(dev)) {
        return;
    }
    if (msix_blocked(dev, vector)) {
        msix_set_pending(dev, vector, true);
        return;
    }
    msix_send(dev, vector);
}

/* A vector's effective mask went from @was to its current state. */
static void msix_vector_changed(PCIDevice *dev, unsigned vector, bool was)
{
    bool now = msix_blocked(dev, vector);

    if (now == was) {
        return;
    }
    if (dev->msix.vector_notify) {
        dev->msix.vector_notify(dev, vector, now);
    }
    if (!now && msix_is_pending(dev, vector)) {
        msix_set_pending(dev, vector, false);
        msix_send(dev, vector);
    }
}

void msix_config_written(PCIDevice *dev, uint32_t addr, unsigned len)
{
    uint32_t ctl_hi = dev->msix.cap + PCI_MSIX_FLAGS + 1;
    bool was_all = dev->msix.was_masked_all;
    unsigned v;

    if (!msix_present(dev) || addr > ctl_hi || addr + len <= ctl_hi) {
        return;
    }
    dev->msix.was_masked_all = msix_all_blocked(dev);
    if (dev->msix.was_masked_all == was_all) {
        return;
    }
    for (v = 0; v < dev->msix.nvec; v++) {
        bool vec_masked = msix_vector_masked(dev, v);

        msix_vector_changed(dev, v, was_all || vec_masked);
    }
}

/* ---- the table ---- */

static uint64_t msix_table_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *dev = opaque;
    PCIMSIXVector *v = &dev->msix.vec[addr / PCI_MSIX_ENTRY_SIZE];

    switch (addr % PCI_MSIX_ENTRY_SIZE) {
    case PCI_MSIX_ENTRY_ADDR_LO:
        return (uint32_t)v->addr;
    case PCI_MSIX_ENTRY_ADDR_HI:
        return (uint32_t)(v->addr >> 32);
    case PCI_MSIX_ENTRY_DATA:
        return v->data;
    default:
        return v->ctrl;
    }
}

static void msix_table_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PCIDevice *dev = opaque;
    unsigned vector = addr / PCI_MSIX_ENTRY_SIZE;
    PCIMSIXVector *v = &dev->msix.vec[vector];
    bool was;

    switch (addr % PCI_MSIX_ENTRY_SIZE) {
    case PCI_MSIX_ENTRY_ADDR_LO:
        v->addr = (v->addr & ~0xffffffffULL) | (uint32_t)val;
        break;
    case PCI_MSIX_ENTRY_ADDR_HI:
        v->addr = (v->addr & 0xffffffffULL) | (uint64_t)(uint32_t)val << 32;
        break;
    case PCI_MSIX_ENTRY_DATA:
        v->data = (uint32_t)val;
        break;
    default:
        was = msix_blocked(dev, vector);
        v->ctrl = (uint32_t)val & PCI_MSIX_ENTRY_CTRL_MASKBIT;
        msix_vector_changed(dev, vector, was);
        break;
    }
}

static const MemoryRegionOps msix_table_ops = {
    .read = msix_table_read,
    .write = msix_table_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---- the pending bit array ---- */

static uint64_t msix_pba_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *dev = opaque;
    uint64_t word = dev->msix.pending[addr / 8];

    return (uint32_t)(word >> (8 * (addr % 8)));
}

static void msix_pba_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    /* read-only: writes are ignored */
}

static const MemoryRegionOps msix_pba_ops = {
    .read = msix_pba_read,
    .write = msix_pba_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---- set-up ---- */

static bool msix_layout_check(PCIDevice *dev, const MSIXLayout *l, Error **errp)
{
    uint64_t table_len = (uint64_t)l->vectors * PCI_MSIX_ENTRY_SIZE;
    uint64_t pba_len = DIV_ROUND_UP(l->vectors, 64) * 8;

    if (l->vectors == 0 || l->vectors > PCI_MSIX_VECTORS_MAX) {
        error_setg(errp, "%s: MSI-X vector count %u is not in 1..%u", dev->name,
                   l->vectors, PCI_MSIX_VECTORS_MAX);
        return false;
    }
    if (!pci_bar_region(dev, l->table_bar) ||
        !pci_bar_region(dev, l->pba_bar)) {
        error_setg(errp, "%s: MSI-X table or PBA BAR is not registered",
                   dev->name);
        return false;
    }
    if ((l->table_offset | l->pba_offset) & 7 ||
        l->table_offset + table_len > pci_bar_size(dev, l->table_bar) ||
        l->pba_offset + pba_len > pci_bar_size(dev, l->pba_bar)) {
        error_setg(errp, "%s: MSI-X table or PBA does not fit its BAR",
                   dev->name);
        return false;
    }
    if (l->table_bar == l->pba_bar &&
        l->table_offset < l->pba_offset + pba_len &&
        l->pba_offset < l->table_offset + table_len) {
        error_setg(errp, "%s: MSI-X table and PBA overlap", dev->name);
        return false;
    }
    return true;
}

bool msix_init(PCIDevice *dev, const MSIXLayout *l, Error **errp)
{
    PCIMSIX *m = &dev->msix;
    uint8_t cap;
    unsigned i;

    if (!msix_layout_check(dev, l, errp)) {
        return false;
    }
    cap = pci_add_capability(dev, PCI_CAP_ID_MSIX, l->cap_offset,
                             PCI_MSIX_SIZEOF, errp);
    if (!cap) {
        return false;
    }
    m->nvec = l->vectors;
    m->cap = cap;
    m->table_bar = l->table_bar;
    m->pba_bar = l->pba_bar;
    m->table_offset = l->table_offset;
    m->pba_offset = l->pba_offset;
    m->vec = g_new0(PCIMSIXVector, m->nvec);
    m->pending = g_new0(uint64_t, DIV_ROUND_UP(m->nvec, 64));
    for (i = 0; i < m->nvec; i++) {
        m->vec[i].ctrl = PCI_MSIX_ENTRY_CTRL_MASKBIT;
    }
    m->was_masked_all = true;
    pci_set(dev, cap + PCI_MSIX_FLAGS, 2, m->nvec - 1);
    pci_set_wmask(dev, cap + PCI_MSIX_FLAGS, 2,
                  PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
    pci_set(dev, cap + PCI_MSIX_TABLE, 4, l->table_offset | l->table_bar);
    pci_set(dev, cap + PCI_MSIX_PBA, 4, l->pba_offset | l->pba_bar);

    memory_region_init_io(&m->table_mr, dev, &msix_table_ops, dev, "msix-table",
                          m->nvec * PCI_MSIX_ENTRY_SIZE);
    memory_region_init_io(&m->pba_mr, dev, &msix_pba_ops, dev, "msix-pba",
                          DIV_ROUND_UP(m->nvec, 64) * 8);
    memory_region_add_subregion_overlap(pci_bar_region(dev, l->table_bar),
                                        l->table_offset, &m->table_mr, 1);
    memory_region_add_subregion_overlap(pci_bar_region(dev, l->pba_bar),
                                        l->pba_offset, &m->pba_mr, 1);
    return true;
}

void msix_reset(PCIDevice *dev)
{
    PCIMSIX *m = &dev->msix;
    unsigned i;

    if (!msix_present(dev)) {
        return;
    }
    for (i = 0; i < m->nvec; i++) {
        bool was_live = !m->was_masked_all && !msix_vector_masked(dev, i);

        m->vec[i] = (PCIMSIXVector){ .ctrl = PCI_MSIX_ENTRY_CTRL_MASKBIT };
        if (was_live && m->vector_notify) {
            m->vector_notify(dev, i, true);
        }
    }
    memset(m->pending, 0, DIV_ROUND_UP(m->nvec, 64) * 8);
    m->was_masked_all = true;
}

void msix_uninit(PCIDevice *dev)
{
    PCIMSIX *m = &dev->msix;

    if (!msix_present(dev)) {
        return;
    }
    /* finalizing takes them out of the BARs, if those still hold them */
    memory_region_finalize(&m->table_mr);
    memory_region_finalize(&m->pba_mr);
    g_clear_pointer(&m->vec, g_free);
    g_clear_pointer(&m->pending, g_free);
    m->nvec = 0;
}
