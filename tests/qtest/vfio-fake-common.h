/*
 * The frame both fake VFIO kernels (vfio-fake-kernel.c for vfio-pci,
 * vfio-ccw-fake-kernel.c for vfio_ccw) share; each is a shared module
 * the emulator loads with LD_PRELOAD.  The frame defines ioctl(),
 * pread64() and pwrite64(): it answers the group's and the container's
 * requests on the nodes of a fake /dev/vfio, hands out device fds (one
 * more /dev/null each, remembered), answers a device fd's GET_INFO,
 * GET_REGION_INFO (the region's offset), GET_IRQ_INFO and RESET from
 * the device's table, passes SET_IRQS, the region accesses and the
 * container's DMA requests to the device, and everything else on to the
 * real system calls.
 *
 * The fake tree's group node links to /dev/null (group 7) and its
 * container node to /dev/full; the frame tells them apart by device
 * number, so open() and fstat() stay the real ones.  Region N lives at
 * N << VFIO_FAKE_REGION_SHIFT of the device fd.
 */
#ifndef TESTS_QTEST_VFIO_FAKE_COMMON_H
#define TESTS_QTEST_VFIO_FAKE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/vfio.h>

#define VFIO_FAKE_REGION_SHIFT 40

typedef struct VFIOFakeDevice {
    /* the name GET_DEVICE_FD accepts (NULL: any, as an mdev's uuid) */
    const char *name;
    uint32_t flags; /* vfio_device_info's */
    uint32_t num_regions, num_irqs;
    /* once, before the first request */
    void (*init)(void);
    /*
     * Region @ri->index (below num_regions) with the argsz checked and
     * the offset set: its size, flags and capabilities
     */
    int (*region_info)(struct vfio_region_info *ri);
    /* How many interrupts irq index @index (below num_irqs) has */
    uint32_t (*irq_count)(uint32_t index);
    int (*set_irqs)(struct vfio_irq_set *s);
    void (*reset)(void); /* NULL: nothing to do */
    /*
     * The container's requests beyond the API version, the extension
     * check and SET_IOMMU (NULL: DMA map and unmap succeed, the rest
     * ENOTTY)
     */
    int (*container_ioctl)(unsigned long req, void *arg);
    /* Accesses at @at of region @index: bytes done or -1 with errno */
    ssize_t (*read)(unsigned index, uint64_t at, void *buf, size_t n);
    ssize_t (*write)(unsigned index, uint64_t at, const void *buf, size_t n);
} VFIOFakeDevice;

/* Each fake defines its device */
extern const VFIOFakeDevice vfio_fake_device;

/* -1 with errno @err */
int vfio_fake_fail(int err);

#endif
