/*
 * ccw-testdev: a test-only ccw device for the channel-subsystem tests.
 * It runs the simplest channel programs itself: NOOP, SENSE ID, SENSE
 * and TIC, with command chaining and suspension (a CCW with the suspend
 * flag under an ORB with suspend control suspends the program until
 * RSCH); any other command gets unit check with "command reject" sense;
 * a TIC to a TIC, an invalid command code or a suspend flag the ORB does
 * not allow is a program check. With delay-ns > 0 the program runs on
 * the virtual clock that long after SSCH (so HSCH/CSCH and cc 2 can be
 * tested); with 0 it completes during SSCH. With hostid= it places
 * itself as a pass-through device would (css_place_passthrough()), so
 * the s390-map-css rules can be tested before vfio-ccw exists.
 */
#include "qemu/osdep.h"
#include "hw/s390x/ccw-device.h"
#include "hw/qdev-properties.h"
#include "exec/memory.h"
#include "qemu/timer.h"

#define TYPE_CCW_TESTDEV "ccw-testdev"
#define TESTDEV_MAX_CCWS 256
#define SENSE_CMD_REJECT 0x80

typedef struct CcwTestDev {
    CcwDevice parent_obj;

    uint16_t cu_type;
    uint16_t dev_type;
    uint64_t delay_ns;
    CssDevId hostid;
    uint32_t next; /* address of the next CCW to fetch */
    QEMUTimer *timer;
    uint8_t sense[CSS_SENSE_MAX];
} CcwTestDev;

static CcwTestDev *CCW_TESTDEV(void *obj)
{
    return OBJECT_CHECK(CcwTestDev, obj, TYPE_CCW_TESTDEV);
}

/* Data of an input command; its length, or -1 for command reject. */
static int testdev_data(CcwTestDev *t, uint8_t cmd, uint8_t *buf)
{
    switch (cmd) {
    case CCW_CMD_NOOP:
        return 0;
    case CCW_CMD_SENSE_ID:
        buf[0] = 0xff;
        buf[1] = t->cu_type >> 8;
        buf[2] = t->cu_type;
        buf[3] = 0x01;
        buf[4] = t->dev_type >> 8;
        buf[5] = t->dev_type;
        buf[6] = 0x01;
        return 7;
    case CCW_CMD_SENSE:
        memcpy(buf, t->sense, CSS_SENSE_MAX);
        memset(t->sense, 0, sizeof(t->sense));
        return CSS_SENSE_MAX;
    default:
        return -1;
    }
}

/* Run one CCW; false ends the program with @st filled in. */
static bool testdev_ccw(CcwTestDev *t, const CCW1 *ccw, CssIoStatus *st)
{
    uint8_t buf[CSS_SENSE_MAX];
    int len = testdev_data(t, ccw->cmd_code, buf);
    int n;

    if (len < 0) {
        memset(t->sense, 0, sizeof(t->sense));
        t->sense[0] = SENSE_CMD_REJECT;
        st->dstat = SCSW_DSTAT_CE | SCSW_DSTAT_DE | SCSW_DSTAT_UC;
        st->sense = t->sense;
        st->sense_len = CSS_SENSE_MAX;
        return false;
    }
    n = MIN(len, ccw->count);
    if (n && address_space_write(&address_space_memory, ccw->cda,
                                 MEMTXATTRS_UNSPECIFIED, buf, n)) {
        st->cstat = SCSW_CSTAT_PROG_CHECK;
        return false;
    }
    st->count = ccw->count - n;
    if (ccw_cmd_is_control(ccw->cmd_code)) {
        st->count = ccw->count;
    } else if (ccw->count != len && !(ccw->flags & CCW_FLAG_SLI)) {
        st->cstat = SCSW_CSTAT_INCORR_LEN;
        return false;
    }
    return true;
}

/*
 * Errors the channel detects in a fetched CCW (program check): a TIC
 * right after a TIC, an invalid command code, a suspend flag while the
 * ORB does not allow suspension.
 */
static bool testdev_ccw_invalid(const ORB *orb, const CCW1 *ccw, bool after_tic)
{
    if (ccw_cmd_is_tic(ccw->cmd_code)) {
        return after_tic;
    }
    return ccw_cmd_is_invalid(ccw->cmd_code) ||
           ((ccw->flags & CCW_FLAG_SUSPEND) && !(orb->ctrl0 & ORB_CTRL0_SPND));
}

static void testdev_run(CcwTestDev *t)
{
    SubchDev *sch = CCW_DEVICE(t)->sch;
    const ORB *orb = &sch->orb;
    CssIoStatus st = { .dstat = SCSW_DSTAT_CE | SCSW_DSTAT_DE };
    uint32_t addr = t->next;
    bool after_tic = false;
    CCW1 ccw;

    for (int i = 0; i < TESTDEV_MAX_CCWS; i++) {
        if (!css_fetch_ccw(orb, addr, &ccw)) {
            st.dstat = 0;
            st.cstat = SCSW_CSTAT_PROG_CHECK;
            break;
        }
        if (testdev_ccw_invalid(orb, &ccw, after_tic)) {
            st.dstat = 0;
            st.cstat = SCSW_CSTAT_PROG_CHECK;
            addr += 8;
            break;
        }
        after_tic = ccw_cmd_is_tic(ccw.cmd_code);
        if (after_tic) {
            addr = ccw.cda;
            continue;
        }
        if ((ccw.flags & CCW_FLAG_SUSPEND) && (orb->ctrl0 & ORB_CTRL0_SPND)) {
            CssIoStatus susp = { .cpa = addr + 8, .suspended = true };

            t->next = addr;
            css_io_complete(sch, &susp);
            return;
        }
        addr += 8;
        if (!testdev_ccw(t, &ccw, &st) || !(ccw.flags & CCW_FLAG_CC)) {
            break;
        }
    }
    st.cpa = addr;
    css_io_complete(sch, &st);
}

static void testdev_timer_cb(void *opaque)
{
    testdev_run(opaque);
}

static int testdev_go(CcwTestDev *t)
{
    if (!t->delay_ns) {
        testdev_run(t);
        return 0;
    }
    timer_mod_in_ns(t->timer, t->delay_ns);
    return 0;
}

static int testdev_start(SubchDev *sch, const ORB *orb)
{
    CcwTestDev *t = CCW_TESTDEV(sch->opaque);

    t->next = orb->cpa;
    return testdev_go(t);
}

static int testdev_resume(SubchDev *sch)
{
    return testdev_go(CCW_TESTDEV(sch->opaque));
}

static void testdev_cancel(SubchDev *sch)
{
    timer_del(CCW_TESTDEV(sch->opaque)->timer);
}

static bool testdev_realize(CcwDevice *ccw, Error **errp)
{
    CcwTestDev *t = CCW_TESTDEV(ccw);

    if (!t->hostid.valid) {
        return true; /* a virtual device: the base places it */
    }
    return css_place_passthrough(ccw->sch, &t->hostid, &ccw->devno,
                                 css_get_map_css(), errp);
}

static Property testdev_props[] = {
    DEFINE_PROP_CSS_DEV_ID("hostid", CcwTestDev, hostid),
    DEFINE_PROP_UINT16("cu_type", CcwTestDev, cu_type, 0x3832),
    DEFINE_PROP_UINT16("dev_type", CcwTestDev, dev_type, 0x0001),
    DEFINE_PROP_UINT64("delay-ns", CcwTestDev, delay_ns, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void testdev_init(Object *obj)
{
    CcwTestDev *t = CCW_TESTDEV(obj);

    t->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, testdev_timer_cb, t);
}

static void testdev_finalize(Object *obj)
{
    timer_free(CCW_TESTDEV(obj)->timer);
}

static void testdev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CcwDeviceClass *cdc = CCW_DEVICE_CLASS(oc);

    dc->desc = "channel-subsystem test device (NOOP, SENSE ID, SENSE)";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    device_class_set_props(dc, testdev_props);
    cdc->realize = testdev_realize;
    cdc->sch_ops.start = testdev_start;
    cdc->sch_ops.resume = testdev_resume;
    cdc->sch_ops.cancel_io = testdev_cancel;
}

static const TypeInfo testdev_types[] = {
    {
        .name = TYPE_CCW_TESTDEV,
        .parent = TYPE_CCW_DEVICE,
        .instance_size = sizeof(CcwTestDev),
        .instance_init = testdev_init,
        .instance_finalize = testdev_finalize,
        .class_init = testdev_class_init,
    },
};

DEFINE_TYPES(testdev_types)
