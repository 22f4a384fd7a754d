/*
 * Shared by the files of the simulated vfio-pci back end (hw/vfio/pci-sim*.c):
 * the open handle, its IOMMU (pci-sim-iommu.c) and the capability-chain
 * builder.
 */
#ifndef HW_VFIO_PCI_SIM_INT_H
#define HW_VFIO_PCI_SIM_INT_H

#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"

typedef struct SimDmaMapping {
    uint64_t iova;
    uint64_t size;
    uint64_t vaddr;
    uint32_t flags; /* VFIO_DMA_MAP_FLAG_READ/WRITE */
} SimDmaMapping;

struct VFIOPCIHost {
    SimPciFunction *fn;
    int msix_fd[SIM_PCI_MAX_VECTORS];
    int err_fd;
    int req_fd;
    GTree *maps; /* SimDmaMapping by iova, disjoint (pci-sim-iommu.c) */
};

/* A capability chain under construction */
typedef struct CapBuf {
    GByteArray *b;
    uint32_t base; /* offset of the first capability inside the info */
    uint32_t last; /* offset of the last header in b, or UINT32_MAX */
} CapBuf;

/* Append a capability of @size bytes (header included), body zeroed */
void *vfio_pci_sim_cap_add(CapBuf *c, uint16_t id, uint16_t version,
                           size_t size);
/*
 * Fill an info buffer (its argsz bytes) with @hdr (@minsz bytes) and the
 * chain: when it does not fit, argsz says how much is needed, cap_offset 0.
 */
int vfio_pci_sim_info_finish(void *info, const void *hdr, uint32_t minsz,
                             CapBuf *caps, size_t argsz_off, size_t capoff_off);

/* The container: create, drop every mapping, count them */
void vfio_pci_sim_iommu_init(VFIOPCIHost *h);
void vfio_pci_sim_iommu_destroy(VFIOPCIHost *h);
unsigned vfio_pci_sim_iommu_count(VFIOPCIHost *h);

/* The IOMMU (a SimPciHooks.dma) and the container calls */
bool vfio_pci_sim_dma(void *opaque, uint64_t iova, void *buf, uint32_t len,
                      bool to_memory);
int vfio_pci_sim_get_iommu_info(VFIOPCIHost *h,
                                struct vfio_iommu_type1_info *info);
int vfio_pci_sim_dma_map(VFIOPCIHost *h,
                         const struct vfio_iommu_type1_dma_map *map);
int vfio_pci_sim_dma_unmap(VFIOPCIHost *h,
                           struct vfio_iommu_type1_dma_unmap *unmap);

#endif
