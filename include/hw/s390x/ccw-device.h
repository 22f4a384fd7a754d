/*
 * ccw-device: the abstract base of every device on the virtual css bus
 * (virtual devices and pass-through devices such as vfio-ccw).
 *
 * Properties: devno= ("fe.0.1234", the guest device number; optional),
 * read-only dev_id (where the device was placed) and subch_id (its
 * subchannel), strings as QEMU prints them.
 *
 * Realize: the base creates the subchannel (dev->sch, with the class's
 * sch_ops), runs the subclass's realize, and then, unless the subclass
 * placed the subchannel itself (a pass-through device calls
 * css_place_passthrough()), places it as a virtual device at devno=.
 *
 * The guest's subchannel functions reach the device through
 * CcwDeviceClass.sch_ops (see SubchOps in css.h); the device finds
 * itself with ccw_device_from_sch() and reports completions with
 * css_io_complete().
 */
#ifndef HW_S390X_CCW_DEVICE_H
#define HW_S390X_CCW_DEVICE_H

#include "hw/qdev-core.h"
#include "hw/qdev-properties-system.h"
#include "hw/s390x/css.h"

#define TYPE_CCW_DEVICE "ccw-device"

typedef struct CcwDevice {
    DeviceState parent_obj;

    SubchDev *sch;
    CssDevId devno;    /* devno= */
    CssDevId dev_id;   /* read-only: device number in use */
    CssDevId subch_id; /* read-only: subchannel */
} CcwDevice;

typedef struct CcwDeviceClass {
    DeviceClass parent_class;

    /* subclass realize/unrealize (optional), see above */
    bool (*realize)(CcwDevice *dev, Error **errp);
    void (*unrealize)(CcwDevice *dev);
    /* the subchannel functions, called by the css */
    SubchOps sch_ops;
} CcwDeviceClass;

static inline CcwDevice *CCW_DEVICE(void *obj)
{
    return OBJECT_CHECK(CcwDevice, obj, TYPE_CCW_DEVICE);
}

static inline CcwDeviceClass *CCW_DEVICE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(CcwDeviceClass, klass, TYPE_CCW_DEVICE);
}

static inline CcwDeviceClass *CCW_DEVICE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(CcwDeviceClass, obj, TYPE_CCW_DEVICE);
}

static inline CcwDevice *ccw_device_from_sch(SubchDev *sch)
{
    return CCW_DEVICE(sch->opaque);
}

#endif
