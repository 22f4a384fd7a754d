/*
 * MSI-X for emulated PCI functions: the capability, the vector table and
 * the pending bit array (PBA) inside the function's BARs.
 *
 * The table and PBA are I/O regions laid over the BAR's region (which
 * must be a container, registered with pci_register_bar() before
 * msix_init()).  Table entries take 4- and 8-byte aligned accesses, the
 * PBA is read-only.  A vector fires (msix_notify) as a message through
 * the bus owner (pci_msi_send) when MSI-X is enabled and neither the
 * function nor the vector is masked; while masked, its pending bit is set
 * instead and the message goes out when the mask is lifted.  While
 * MSI-X is disabled a notify does nothing.
 */
#ifndef HW_PCI_MSIX_H
#define HW_PCI_MSIX_H

#include "hw/pci/pci.h"

typedef struct MSIXLayout {
    unsigned vectors;      /* 1 .. PCI_MSIX_VECTORS_MAX */
    uint8_t table_bar;     /* BAR of the table */
    uint32_t table_offset; /* 8-byte aligned, inside the BAR */
    uint8_t pba_bar;       /* BAR of the PBA (may be the same BAR) */
    uint32_t pba_offset;   /* 8-byte aligned, inside the BAR */
    uint8_t cap_offset;    /* 0: first free place in config space */
} MSIXLayout;

/* Add the capability and map table and PBA; errors for bad layouts. */
bool msix_init(PCIDevice *dev, const MSIXLayout *layout, Error **errp);

bool msix_present(PCIDevice *dev);
unsigned msix_nr_vectors(PCIDevice *dev);
/* MSI-X Enable in Message Control */
bool msix_enabled(PCIDevice *dev);
/* Function Mask in Message Control */
bool msix_function_masked(PCIDevice *dev);
/* the vector's own Mask bit */
bool msix_vector_masked(PCIDevice *dev, unsigned vector);
bool msix_is_pending(PCIDevice *dev, unsigned vector);
/* the table entry's message */
void msix_get_message(PCIDevice *dev, unsigned vector, uint64_t *addr,
                      uint32_t *data);

/* Signal @vector (see above); out-of-range vectors are ignored. */
void msix_notify(PCIDevice *dev, unsigned vector);

/*
 * Be told whenever a vector's effective mask (disabled, function mask or
 * vector mask) changes; for back ends that deliver interrupts themselves.
 */
void msix_set_vector_notify(PCIDevice *dev,
                            void (*fn)(PCIDevice *dev, unsigned vector,
                                       bool masked));

#endif
