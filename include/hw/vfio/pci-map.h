/*
 * What the host<->guest address map (query-s390-pci-map) shows of a
 * vfio-pci function: read-only, from the front end's state.
 */
#ifndef HW_VFIO_PCI_MAP_H
#define HW_VFIO_PCI_MAP_H

#include "qom/object.h"
#include "hw/vfio/pci-host.h"

typedef struct VFIOPCIMapInfo {
    VFIOPCIHostId host;  /* host address and IOMMU group */
    const char *backend; /* the ops table's name: "sim", "linux" */
    unsigned dma_maps;   /* host DMA mappings in place */
    unsigned vectors;    /* host MSI-X vectors with an eventfd */
} VFIOPCIMapInfo;

/* Fill @info for a realized vfio-pci @obj; false for anything else */
bool vfio_pci_map_info(Object *obj, VFIOPCIMapInfo *info);

#endif
