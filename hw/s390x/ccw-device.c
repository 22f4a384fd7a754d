/*
 * ccw-device: the abstract base of the devices on the virtual css bus.
 * It owns the subchannel, places it (devno=, or the first free number),
 * and shows where it went in dev_id and subch_id.
 */
#include "qemu/osdep.h"
#include "hw/s390x/ccw-device.h"
#include "hw/s390x/css-bridge.h"
#include "hw/qdev-properties.h"

static Property ccw_device_props[] = {
    DEFINE_PROP_CSS_DEV_ID("devno", CcwDevice, devno),
    DEFINE_PROP_CSS_DEV_ID_RO("dev_id", CcwDevice, dev_id),
    DEFINE_PROP_CSS_DEV_ID_RO("subch_id", CcwDevice, subch_id),
    DEFINE_PROP_END_OF_LIST(),
};

static void ccw_device_record_ids(CcwDevice *ccw)
{
    SubchDev *sch = ccw->sch;

    ccw->dev_id = (CssDevId){ .cssid = sch->cssid,
                              .ssid = sch->ssid,
                              .devid = sch->devno,
                              .valid = true };
    ccw->subch_id = (CssDevId){ .cssid = sch->cssid,
                                .ssid = sch->ssid,
                                .devid = sch->schid,
                                .valid = true };
}

static bool ccw_device_realize(DeviceState *dev, Error **errp)
{
    CcwDevice *ccw = CCW_DEVICE(dev);
    CcwDeviceClass *cdc = CCW_DEVICE_GET_CLASS(dev);

    if (!css_dev_id_check_range(&ccw->devno, errp)) {
        return false;
    }
    ccw->sch = css_sch_new(&cdc->sch_ops, dev);
    if (cdc->realize && !cdc->realize(ccw, errp)) {
        goto free_sch;
    }
    if (!ccw->sch->placed && !css_place_virtual(ccw->sch, &ccw->devno, errp)) {
        goto unrealize;
    }
    ccw_device_record_ids(ccw);
    return true;

unrealize:
    if (cdc->unrealize) {
        cdc->unrealize(ccw);
    }
free_sch:
    css_sch_free(ccw->sch, false);
    ccw->sch = NULL;
    return false;
}

static void ccw_device_unrealize(DeviceState *dev)
{
    CcwDevice *ccw = CCW_DEVICE(dev);
    CcwDeviceClass *cdc = CCW_DEVICE_GET_CLASS(dev);

    if (ccw->sch && ccw->sch->ops && ccw->sch->ops->cancel_io) {
        ccw->sch->ops->cancel_io(ccw->sch);
    }
    if (cdc->unrealize) {
        cdc->unrealize(ccw);
    }
    css_sch_free(ccw->sch, false);
    ccw->sch = NULL;
    ccw->dev_id.valid = false;
    ccw->subch_id.valid = false;
}

static void ccw_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_VIRTUAL_CSS_BUS;
    dc->realize = ccw_device_realize;
    dc->unrealize = ccw_device_unrealize;
    device_class_set_props(dc, ccw_device_props);
}

static const TypeInfo ccw_device_types[] = {
    {
        .name = TYPE_CCW_DEVICE,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(CcwDevice),
        .class_size = sizeof(CcwDeviceClass),
        .class_init = ccw_device_class_init,
    },
};

DEFINE_TYPES(ccw_device_types)
