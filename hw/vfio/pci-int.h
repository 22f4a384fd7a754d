/*
 * Shared by the files of the vfio-pci front end (hw/vfio/pci*.c): the
 * device state.  See docs/devel/vfio-pci-host.rst.
 */
#ifndef HW_VFIO_PCI_INT_H
#define HW_VFIO_PCI_INT_H

#include "hw/pci/pci.h"
#include "hw/vfio/pci-host.h"
#include "hw/s390x/clp.h"

#define TYPE_VFIO_PCI "vfio-pci"

/*
 * The PCI error event code for a host error (the error interrupt, a
 * failed region access): the guest sees an invalid translation entry,
 * the host IOMMU's usual complaint, and Linux recovers the function.
 */
#define VFIO_PCI_PEC_HOST_ERROR 0x0007

typedef struct VFIOPCIDevice VFIOPCIDevice;

/* One BAR: a container (MSI-X lies over it) holding the forwarding region */
typedef struct VFIOPCIBar {
    VFIOPCIDevice *v;
    unsigned index;
    uint64_t size;
    MemoryRegion container;
    MemoryRegion io;
} VFIOPCIBar;

/* The zPCI attributes from the host's capabilities (or QEMU's defaults) */
typedef struct VFIOPCIZpciAttrs {
    uint64_t sdma, edma;
    uint16_t pchid, vfn;
    uint8_t pft;
    uint8_t host_gid;
    uint8_t pfgid; /* the simulated group the guest sees */
    bool util_valid;
    uint8_t util[CLP_UTIL_STR_LEN];
    uint8_t pfip[CLP_PFIP_LEN];
    uint32_t dma_avail; /* host DMA mappings available at realize */
} VFIOPCIZpciAttrs;

struct VFIOPCIDevice {
    PCIDevice parent_obj;

    /* properties */
    char *host;
    char *sysfsdev;
    char *mapping; /* the scheme of an extended host= (pci-multi.c) */

    char *name; /* "vfio DDDD:BB:DD.F: " for messages */
    const VFIOPCIHostOps *ops;
    VFIOPCIHost *h;
    VFIOPCIHostId id;
    VFIOPCIBar bars[PCI_NUM_BARS];
    unsigned nvec;
    int *msix_fd;
    guint *msix_watch;
    int err_fd, req_fd;
    guint err_watch, req_watch;
    unsigned irqs_signalled;

    /* zPCI */
    VFIOPCIZpciAttrs zattrs;
    struct ZpciDevice *z;
    struct ZpciDmaSpace *dma; /* whose DMA owner the function is */
    unsigned dma_maps;        /* host DMA mappings made */
    unsigned dma_map_errors;
    unsigned host_errors;
    unsigned host_resets;
    unsigned host_reset_errors; /* resets the host could not do */
    bool reset_works;           /* VFIO_DEVICE_FLAGS_RESET: it has one */
};

static inline VFIOPCIDevice *VFIO_PCI(void *obj)
{
    return OBJECT_CHECK(VFIOPCIDevice, obj, TYPE_VFIO_PCI);
}

/* pci.c: drain every eventfd now (after a region access) */
void vfio_pci_poll_irqs(VFIOPCIDevice *v);
/* pci.c: the host function failed (error IRQ, -EIO): error event */
void vfio_pci_host_error(VFIOPCIDevice *v, uint64_t faddr);

/* pci-multi.c: DeviceClass add_expanded (the extended host= notation) */
DeviceState *vfio_pci_add_expanded(DeviceClass *dc, JsonObject *opts,
                                   bool from_json, BusState *bus, bool *handled,
                                   Error **errp);

/* pci-zpci.c */
bool vfio_pci_zpci_init(VFIOPCIDevice *v, Error **errp);
void vfio_pci_zpci_attached(Object *obj, struct ZpciDevice *z);
void vfio_pci_zpci_detached(Object *obj, struct ZpciDevice *z);
void vfio_pci_zpci_query(Object *obj, ClpFunctionInfo *f);
void vfio_pci_zpci_disabled(Object *obj);

#endif
