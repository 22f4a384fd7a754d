/*
 * vfio-ccw: a host channel device passed through to the guest.
 */
#ifndef HW_VFIO_VFIO_CCW_H
#define HW_VFIO_VFIO_CCW_H

#include "hw/s390x/ccw-device.h"
#include "hw/vfio/ccw-backend.h"
#include "hw/vfio/ccw-xlate.h"
#include "hw/vfio/ccw-gmap.h"

#define TYPE_VFIO_CCW "vfio-ccw"

typedef struct VFIOCCWDevice {
    CcwDevice parent_obj;

    /* properties */
    char *sysfsdev;   /* sysfsdev=: host device path */
    CssDevId hostid;  /* hostid=: host cssid.ssid.devno */
    CssDevId guestid; /* guestid=: same as devno= */
    bool force_orb_pfch;
    int32_t bootindex;

    /* the host device */
    const VFIOCCWBackendOps *ops;
    VFIOCCWHost *host;
    unsigned prog_region;  /* index of the user-program region */
    unsigned async_region; /* index of the async command region */
    int schib_region;      /* index of the SCHIB region, or -1 */
    int crw_region;        /* index of the CRW region, or -1 */
    unsigned num_irqs;
    int io_eventfd;
    guint io_watch;
    int crw_eventfd; /* channel reports from the host */
    guint crw_watch;
    int req_eventfd; /* the host wants the device back */
    guint req_watch;

    /* the program in flight, and the guest RAM it uses */
    CcwProgram *prog;
    CcwGuestMem gmem;
    VfioCcwGuestMaps maps;
    bool busy;
    /* the channel suspended before the guest CCW at resume_gaddr */
    bool suspended;
    uint32_t resume_gaddr;
} VFIOCCWDevice;

static inline VFIOCCWDevice *VFIO_CCW(void *obj)
{
    return OBJECT_CHECK(VFIOCCWDevice, obj, TYPE_VFIO_CCW);
}

#endif
