/*
 * Host side of vfio-pci: one ops table per kind of host
 * (docs/devel/vfio-pci-host.rst).
 *
 * The vfio-pci front end never touches a host PCI function directly.  It
 * opens the function named by host=/sysfsdev= through a back end and talks
 * to it in VFIO's terms, with the structures of the real uAPI
 * (<linux/vfio.h>, <linux/vfio_zdev.h>), each call being the ioctl, pread
 * or pwrite a Linux back end makes on the device or its container:
 *
 *   get_device_info   VFIO_DEVICE_GET_INFO, with the zPCI capability chain
 *                     (VFIO_DEVICE_INFO_CAP_ZPCI_BASE/GROUP/UTIL/PFIP)
 *   get_region_info   VFIO_DEVICE_GET_REGION_INFO (BARs 0-5, ROM, config)
 *   region_read/write pread/pwrite at an offset inside region @index
 *   get_irq_info      VFIO_DEVICE_GET_IRQ_INFO (MSI-X, ERR, REQ)
 *   set_irqs          VFIO_DEVICE_SET_IRQS: eventfds per vector / trigger
 *   reset             VFIO_DEVICE_RESET
 *   get_iommu_info    VFIO_IOMMU_GET_INFO: page sizes, IOVA ranges
 *                     (VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE) and the DMA
 *                     mappings still available (..._INFO_DMA_AVAIL)
 *   dma_map/dma_unmap VFIO_IOMMU_MAP_DMA / VFIO_IOMMU_UNMAP_DMA
 *   slot_present      which functions a host slot has (the Linux back end:
 *                     the DDDD:BB:DD.* entries of /sys/bus/pci/devices)
 *
 * The info calls take a buffer of @info->argsz bytes: what does not fit is
 * left out and argsz says how much is needed (call again with that much),
 * and the capability chain sits inside the buffer at cap_offset, as the
 * kernel does it.  Results are 0 or -errno, as the ioctls'.
 *
 * Each host function has an IOMMU of its own (on s390 every PCI function
 * has its own DMA address space): a front end, the owner of the
 * function's zPCI DMA space, maps the guest frames the zPCI IOMMU is
 * about to hold (dma_map of the frame's host address at its iova; an
 * unmap: dma_unmap), keeps inside the IOVA ranges, and refuses what
 * dma_map refuses (-ENOSPC ...), which RPCIT answers with cc 1 status 16.  MSI-X vectors, the error and the
 * request interrupt come as eventfds the front end polls: an MSI-X vector
 * becomes the function's adapter interruption (zpci_airq_deliver), ERR a
 * PCI error event for its fid, REQ a surprise removal.
 *
 * Back ends:
 *   - "sim" (hw/vfio/pci-sim.c): the simulated host; functions are the
 *     sim-pci-function objects (hw/sim), addressed by host=DDDD:BB:DD.F.
 *   - "linux" (hw/vfio/pci-linux.c): a function bound to the host
 *     kernel's vfio-pci, /sys/bus/pci/devices/DDDD:BB:DD.F (host=) or
 *     sysfsdev=PATH, through its IOMMU group in a type-1 v2 container
 *     (hw/vfio/linux-group.c; the functions of one group share both, so
 *     they share one IOVA space; iommufd is not used).  Every call is the
 *     ioctl, pread or pwrite it names, passed straight through; no mmap.
 *     On a host that is not s390x the device info has no zPCI
 *     capabilities, so the front end takes the defaults below.
 * vfio_pci_host_backend_for() picks: sysfsdev= -> linux; host= -> sim
 * when a sim-pci-function has that address (a multi-function host=: one
 * of that slot), linux otherwise.
 */
#ifndef HW_VFIO_PCI_HOST_H
#define HW_VFIO_PCI_HOST_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <linux/vfio.h>
#include <linux/vfio_zdev.h>

/* The s390 IOMMU's only page size */
#define VFIO_PCI_HOST_PAGE_SIZE 4096u

typedef struct VFIOPCIHost VFIOPCIHost;

/* Where the host function lives and what it shares (for the address map) */
typedef struct VFIOPCIHostId {
    uint16_t domain;
    uint8_t bus;
    uint8_t slot;
    uint8_t func;
    int iommu_group; /* functions of one group share isolation */
} VFIOPCIHostId;

typedef struct VFIOPCIHostOps {
    const char *name;
    /*
     * Find and claim the host function: @host is "[DDDD:]BB:DD.F" as in
     * host=, @sysfsdev a path (either may be NULL).
     */
    VFIOPCIHost *(*open)(const char *host, const char *sysfsdev, Error **errp);
    /* Release it: interrupts off, every DMA mapping dropped, reset */
    void (*close)(VFIOPCIHost *h);
    void (*get_host_id)(VFIOPCIHost *h, VFIOPCIHostId *id);
    /*
     * Which functions host slot @domain:@bus:@slot has (bit f: function
     * f), without opening any: what the extended BDF notation's '*' and
     * its existence check ask (a PciBdfPresentFn, @opaque unused).
     */
    bool (*slot_present)(void *opaque, uint16_t domain, uint8_t bus,
                         uint8_t slot, uint8_t *present, Error **errp);

    int (*get_device_info)(VFIOPCIHost *h, struct vfio_device_info *info);
    int (*get_region_info)(VFIOPCIHost *h, struct vfio_region_info *info);
    /* pread/pwrite semantics inside region @index; -errno on failure */
    ssize_t (*region_read)(VFIOPCIHost *h, unsigned index, uint64_t off,
                           void *buf, size_t len);
    ssize_t (*region_write)(VFIOPCIHost *h, unsigned index, uint64_t off,
                            const void *buf, size_t len);
    int (*get_irq_info)(VFIOPCIHost *h, struct vfio_irq_info *info);
    /* @set is followed by its data (argsz bytes in all) */
    int (*set_irqs)(VFIOPCIHost *h, const struct vfio_irq_set *set);
    int (*reset)(VFIOPCIHost *h);

    int (*get_iommu_info)(VFIOPCIHost *h, struct vfio_iommu_type1_info *info);
    /*
     * Map [iova, iova + size) to the process's memory at vaddr.  -EINVAL:
     * not page aligned, empty, no READ/WRITE, outside the IOVA ranges;
     * -EEXIST: overlaps a mapping; -ENOSPC: no DMA mapping available.
     */
    int (*dma_map)(VFIOPCIHost *h, const struct vfio_iommu_type1_dma_map *map);
    /*
     * Unmap every mapping inside [iova, iova + size) (FLAG_ALL: every
     * one); unmap->size gets the bytes unmapped.  -EINVAL when a mapping
     * straddles an edge of the range.
     */
    int (*dma_unmap)(VFIOPCIHost *h, struct vfio_iommu_type1_dma_unmap *unmap);
} VFIOPCIHostOps;

extern const VFIOPCIHostOps vfio_pci_sim_ops;
extern const VFIOPCIHostOps vfio_pci_linux_ops;

/* The back end that serves @host/@sysfsdev (hw/vfio/pci-host.c) */
const VFIOPCIHostOps *vfio_pci_host_backend_for(const char *host,
                                                const char *sysfsdev);

/*
 * Walk the capability chain of a device or IOMMU info buffer of @argsz
 * bytes whose first capability is at @cap_offset: the capability with
 * @id whose first @min_size bytes lie inside the buffer, or NULL.  An
 * offset outside the buffer or not moving forward ends the walk.
 */
const struct vfio_info_cap_header *
vfio_pci_host_find_cap(const void *info, uint32_t argsz, uint32_t cap_offset,
                       uint16_t id, size_t min_size);

/*
 * The Linux back end's sysfs side (pure over the sysfs root,
 * include/hw/vfio/linux-group.h): the directory of host function @host
 * ("[DDDD:]BB:DD.F"), ROOT/bus/pci/devices/DDDD:BB:DD.F; which functions
 * of a slot ROOT/bus/pci/devices has (a PciBdfPresentFn); a function's
 * address from its directory's name (false: not DDDD:BB:DD.F).
 */
char *vfio_pci_linux_sysfs_path(const char *host, Error **errp);
bool vfio_pci_linux_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                                 uint8_t slot, uint8_t *present, Error **errp);
bool vfio_pci_linux_parse_name(const char *name, VFIOPCIHostId *id);

#endif
