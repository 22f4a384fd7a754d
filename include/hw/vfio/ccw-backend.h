/*
 * Host side of vfio-ccw: one ops table per kind of host.
 *
 * The vfio-ccw front end (hw/vfio/ccw.c) never touches a host device
 * directly. It opens the host device named by hostid=/sysfsdev= through a
 * back end and then talks to it in VFIO's terms, with the structures of
 * the real uAPI (<linux/vfio.h>, <linux/vfio_ccw.h>):
 *   - device info (flags VFIO_DEVICE_FLAGS_CCW, number of regions/irqs),
 *   - regions (the I/O region, the async command region for HSCH/CSCH,
 *     the SCHIB and CRW regions) read and written at offsets,
 *   - interrupts signalled on eventfds (VFIO_CCW_IO_IRQ_INDEX, ...),
 *   - reset.
 *
 * Back ends:
 *   - "sim" (hw/vfio/ccw-sim.c): the built-in simulated host; devices are
 *     declared with -object sim-dasd-3390,busid=...; it accepts the
 *     user-space channel program (linux-headers/linux/ccw-prog.h) in a
 *     project-defined region, VFIO_REGION_SUBTYPE_CCW_USER_PROGRAM.
 *   - "linux" (hw/vfio/ccw-linux.c): /sys/bus/mdev/devices/<uuid> through
 *     a VFIO group/container; it uses the kernel's own translation (the
 *     guest ORB goes into struct ccw_io_region), see
 *     docs/system/s390x/vfio-ccw.rst.
 */
#ifndef HW_VFIO_CCW_BACKEND_H
#define HW_VFIO_CCW_BACKEND_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

/* Region subtype of the user-space channel program (project-defined). */
#define VFIO_REGION_SUBTYPE_CCW_USER_PROGRAM 0x80000001

typedef struct VFIOCCWHost VFIOCCWHost;

typedef struct VFIOCCWBackendOps {
    const char *name;
    /*
     * The host translates channel programs itself (the Linux kernel):
     * the guest's ORB and SCSW go into struct ccw_io_region, guest RAM is
     * the host's IOVA space and the IRB's CPA is a guest address. False:
     * the project's translator runs and the program goes into the
     * VFIO_REGION_SUBTYPE_CCW_USER_PROGRAM region.
     */
    bool kernel_translates;
    /*
     * Find and open the host device. @hostid is "cssid.ssid.devno" as in
     * hostid=, @sysfsdev a path (either may be NULL). On success also
     * report the host's subchannel id.
     */
    VFIOCCWHost *(*open)(const char *hostid, const char *sysfsdev,
                         Error **errp);
    void (*close)(VFIOCCWHost *host);
    /* Where the host subchannel lives: host css image, set, device number */
    void (*get_host_id)(VFIOCCWHost *host, uint8_t *cssid, uint8_t *ssid,
                        uint16_t *devno);
    bool (*get_device_info)(VFIOCCWHost *host, struct vfio_device_info *info,
                            Error **errp);
    bool (*get_region_info)(VFIOCCWHost *host, unsigned index,
                            struct vfio_region_info *info, Error **errp);
    /*
     * The VFIO_REGION_INFO_CAP_TYPE capability of region @index: false
     * when the region has none (the fixed regions).
     */
    bool (*get_region_type)(VFIOCCWHost *host, unsigned index, uint32_t *type,
                            uint32_t *subtype);
    /* pread/pwrite semantics on region @index; -errno on failure */
    ssize_t (*region_read)(VFIOCCWHost *host, unsigned index, uint64_t off,
                           void *buf, size_t len);
    ssize_t (*region_write)(VFIOCCWHost *host, unsigned index, uint64_t off,
                            const void *buf, size_t len);
    /* Signal interrupt @irq_index on @eventfd (-1: stop signalling) */
    bool (*set_irq_eventfd)(VFIOCCWHost *host, unsigned irq_index, int eventfd,
                            Error **errp);
    bool (*reset)(VFIOCCWHost *host, Error **errp);
} VFIOCCWBackendOps;

extern const VFIOCCWBackendOps vfio_ccw_sim_ops;
extern const VFIOCCWBackendOps vfio_ccw_linux_ops;

/*
 * The back end that serves @hostid/@sysfsdev: the simulated host for
 * hostid=, the Linux back end for sysfsdev= alone.
 */
const VFIOCCWBackendOps *vfio_ccw_backend_for(const char *hostid,
                                              const char *sysfsdev);

#endif
