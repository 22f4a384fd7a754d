/*
 * What the Linux VFIO back ends (hw/vfio/ccw-linux.c, hw/vfio/pci-linux.c)
 * share: the way from a sysfs device directory to an open IOMMU group in
 * a type-1 container, and the region table of a device fd.
 *
 *   DEVICE/iommu_group -> ../../kernel/iommu_groups/N: group number N
 *   /dev/vfio/N        -> the group, which must be viable (every device
 *                         of it bound to a VFIO driver, or to none)
 *   /dev/vfio/vfio     -> a container: VFIO_API_VERSION, the type-1 v2
 *                         IOMMU, VFIO_GROUP_SET_CONTAINER, VFIO_SET_IOMMU
 *
 * The kernel lets a group be opened once, so the devices of one IOMMU
 * group share one VFIOLinuxGroup and with it one container: the first
 * vfio_linux_group_get() of a group opens both, each further one takes a
 * reference, and the last vfio_linux_group_put() takes the group out of
 * the container and closes them.  Devices of one group therefore share
 * one IOVA space (on s390 every PCI function is a group of its own).
 * iommufd is not used: the container/group interface only.
 *
 * Paths: /sys and /dev/vfio can be moved for tests with the environment
 * variables QEMU_VFIO_SYSFS_ROOT and QEMU_VFIO_DEV_ROOT (read once; they
 * stand for /sys and /dev/vfio).  The sysfs root applies to the paths the
 * back ends build (host= -> /sys/bus/pci/devices/...), not to a
 * sysfsdev= path, which is used as given.  docs/devel/vfio-pci-host.rst.
 *
 * Error texts carry no "vfio: " prefix; each back end puts its own.
 */
#ifndef HW_VFIO_LINUX_GROUP_H
#define HW_VFIO_LINUX_GROUP_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <linux/vfio.h>

typedef struct VFIOLinuxGroup {
    int id;        /* N of /dev/vfio/N */
    int fd;        /* the group */
    int container; /* /dev/vfio/vfio, with the type-1 v2 IOMMU set */
    unsigned refs;
    bool in_container;
} VFIOLinuxGroup;

/* One region of a device fd, from VFIO_DEVICE_GET_REGION_INFO */
typedef struct VFIOLinuxRegion {
    bool valid;
    uint32_t flags;
    uint64_t size;
    uint64_t offset;
    bool has_type; /* VFIO_REGION_INFO_CAP_TYPE */
    uint32_t type, subtype;
} VFIOLinuxRegion;

/* "/sys" and "/dev/vfio", or what the environment puts instead */
const char *vfio_linux_sysfs_root(void);
const char *vfio_linux_dev_root(void);
/* The container node, DEV_ROOT/vfio (allocated) */
char *vfio_linux_container_path(void);

/*
 * The group number that @devdir's iommu_group link names, or -1:
 * "DEVDIR: no iommu_group found: ERRNO" or "DEVDIR: iommu_group link
 * 'TARGET' does not name a group".
 */
int vfio_linux_group_of(const char *devdir, Error **errp);

/*
 * Open a VFIO node read-write: "failed to open PATH: ERRNO" (with a hint
 * for EACCES, and for ENOENT when the container node is missing too:
 * the host kernel has no VFIO, @modules being what to load), or "PATH is
 * not a character device".
 */
int vfio_linux_open_node(const char *path, const char *modules, Error **errp);

/*
 * The group @id in its container: opened, checked viable and put in a
 * type-1 v2 container by the first caller, shared by the later ones
 * (a reference each).  NULL with the error: the open_node ones, "error
 * getting group N status: ERRNO", "group N is not viable", "supported
 * vfio version: A, reported version: B", "CONTAINER: no type-1 v2 IOMMU
 * (vfio_iommu_type1 not loaded?)", "failed to setup container for group
 * N: ERRNO", "failed to set iommu for container: ERRNO".
 */
VFIOLinuxGroup *vfio_linux_group_get(int id, const char *modules, Error **errp);
void vfio_linux_group_put(VFIOLinuxGroup *g);
/* Groups open now (for tests) */
unsigned vfio_linux_group_count(void);

/*
 * Regions 0..@n-1 of @device into @regions (a region the kernel refuses
 * stays !valid), with the type capability of each.
 */
void vfio_linux_scan_regions(int device, unsigned n, VFIOLinuxRegion *regions);

#endif
