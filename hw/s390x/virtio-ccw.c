/*
 * virtio-ccw: the channel program of a virtio device. A start function
 * runs synchronously: each CCW is fetched, its command executed against
 * the VirtIODevice, and the program continues while command chaining is
 * on. The command set, the data layouts (big-endian except the feature
 * bits) and the revisions are those of virtio 1.x "Virtio Over Channel
 * I/O"; how errors look to the guest is in docs/system/s390x/virtio.rst:
 * a command the device does not accept is unit check with command reject
 * sense, a count or operand that does not fit is a program check, a data
 * address outside guest memory is a channel data check.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/log.h"
#include "hw/s390x/virtio-ccw.h"

#define SENSE_CMD_REJECT 0x80
#define VCCW_MAX_CCWS    256 /* a longer program is a program check */
#define SENSE_ID_LEN     8
#define LEGACY_VQ_ALIGN  4096

#define VQ_INFO_LEGACY_LEN 16
#define VQ_INFO_LEN        32
#define THININT_LEN        25
#define FEAT_DESC_LEN      5
#define VQ_CONF_LEN        4
#define REV_INFO_LEN       4

/* How one command ended. */
typedef enum VccwResult {
    VCCW_OK,
    VCCW_REJECT,     /* unit check, command reject */
    VCCW_PROG_CHECK, /* program check */
    VCCW_DATA_CHECK, /* channel data check (storage not accessible) */
} VccwResult;

/* One CCW being executed: its data area and the bytes used. */
typedef struct VccwCmd {
    VirtioCcwDevice *dev;
    CCW1 ccw;
    uint16_t used; /* bytes moved: residual = count - used */
} VccwCmd;

static bool vccw_sli(const VccwCmd *c)
{
    return c->ccw.flags & CCW_FLAG_SLI;
}

/*
 * The data area must hold @len bytes: exactly, or at least with SLI
 * (QEMU's rule for the fixed-size virtio commands).
 */
static VccwResult vccw_check_len(VccwCmd *c, size_t len)
{
    if (vccw_sli(c) ? c->ccw.count < len : c->ccw.count != len) {
        return VCCW_PROG_CHECK;
    }
    if (len && !c->ccw.cda) {
        return VCCW_DATA_CHECK;
    }
    return VCCW_OK;
}

static VccwResult vccw_in(VccwCmd *c, void *buf, size_t len)
{
    if (address_space_read(&address_space_memory, c->ccw.cda,
                           MEMTXATTRS_UNSPECIFIED, buf, len) != MEMTX_OK) {
        return VCCW_DATA_CHECK;
    }
    c->used = len;
    return VCCW_OK;
}

static VccwResult vccw_out(VccwCmd *c, const void *buf, size_t len)
{
    if (address_space_write(&address_space_memory, c->ccw.cda,
                            MEMTXATTRS_UNSPECIFIED, buf, len) != MEMTX_OK) {
        return VCCW_DATA_CHECK;
    }
    c->used = len;
    return VCCW_OK;
}

/* Fetch a fixed-size operand the guest writes. */
static VccwResult vccw_fetch(VccwCmd *c, void *buf, size_t len)
{
    VccwResult r = vccw_check_len(c, len);

    return r == VCCW_OK ? vccw_in(c, buf, len) : r;
}

/* ---- the commands ---- */

static VccwResult vccw_sense_id(VccwCmd *c)
{
    uint8_t id[SENSE_ID_LEN] = { 0xff, VIRTIO_CCW_CU_TYPE >> 8,
                                 VIRTIO_CCW_CU_TYPE & 0xff,
                                 c->dev->vdev->device_id };
    size_t n = MIN(c->ccw.count, sizeof(id));

    if (!vccw_sli(c) && c->ccw.count != sizeof(id)) {
        return VCCW_PROG_CHECK;
    }
    return n ? vccw_out(c, id, n) : VCCW_OK;
}

static VccwResult vccw_sense(VccwCmd *c)
{
    VirtioCcwDevice *dev = c->dev;
    size_t n = MIN(c->ccw.count, sizeof(dev->sense));
    VccwResult r = n ? vccw_out(c, dev->sense, n) : VCCW_OK;

    memset(dev->sense, 0, sizeof(dev->sense));
    return r;
}

static VccwResult vccw_set_rev(VccwCmd *c)
{
    VirtioCcwDevice *dev = c->dev;
    uint8_t b[REV_INFO_LEN];
    uint16_t rev, len;
    VccwResult r;

    if (dev->revision >= 0) {
        return VCCW_REJECT; /* once, before any other virtio command */
    }
    if (c->ccw.count < REV_INFO_LEN) {
        return VCCW_PROG_CHECK;
    }
    r = vccw_in(c, b, sizeof(b));
    if (r != VCCW_OK) {
        return r;
    }
    rev = lduw_be_p(b);
    len = lduw_be_p(b + 2);
    if (c->ccw.count < REV_INFO_LEN + len) {
        return VCCW_PROG_CHECK;
    }
    /* revisions 0-2 carry no data */
    if (rev > dev->max_revision || len) {
        return VCCW_REJECT;
    }
    c->used = REV_INFO_LEN + len;
    dev->revision = rev;
    dev->vdev->modern = rev >= 1;
    return VCCW_OK;
}

static VccwResult vccw_read_feat(VccwCmd *c)
{
    VirtIODevice *vdev = c->dev->vdev;
    uint8_t b[FEAT_DESC_LEN];
    uint32_t f = 0;
    VccwResult r = vccw_fetch(c, b, sizeof(b));

    if (r != VCCW_OK) {
        return r;
    }
    if (b[4] == 0) {
        f = vdev->host_features;
    } else if (b[4] == 1 && c->dev->revision >= 1) {
        f = vdev->host_features >> 32;
    }
    for (int i = 0; i < 4; i++) {
        b[i] = f >> (8 * i); /* the feature bits are little-endian */
    }
    return vccw_out(c, b, sizeof(b));
}

static VccwResult vccw_write_feat(VccwCmd *c)
{
    VirtIODevice *vdev = c->dev->vdev;
    uint64_t feat = vdev->guest_features, f = 0;
    uint8_t b[FEAT_DESC_LEN];
    VccwResult r = vccw_fetch(c, b, sizeof(b));

    if (r != VCCW_OK) {
        return r;
    }
    for (int i = 0; i < 4; i++) {
        f |= (uint64_t)b[i] << (8 * i);
    }
    if (b[4] == 0) {
        feat = (feat & ~0xffffffffull) | f;
    } else if (b[4] == 1 && c->dev->revision >= 1) {
        feat = (feat & 0xffffffffull) | f << 32;
    } else {
        return VCCW_OK; /* other words: nothing to accept */
    }
    virtio_set_features(vdev, feat);
    return VCCW_OK;
}

static VccwResult vccw_read_conf(VccwCmd *c)
{
    VirtIODevice *vdev = c->dev->vdev;
    size_t n = MIN(c->ccw.count, vdev->config_len);

    if (n && !c->ccw.cda) {
        return VCCW_DATA_CHECK;
    }
    virtio_config_refresh(vdev);
    return n ? vccw_out(c, vdev->config, n) : VCCW_OK;
}

static VccwResult vccw_write_conf(VccwCmd *c)
{
    VirtIODevice *vdev = c->dev->vdev;
    size_t n = MIN(c->ccw.count, vdev->config_len);
    g_autofree uint8_t *buf = g_malloc(MAX(n, 1));
    VccwResult r;

    if (!n) {
        return VCCW_OK;
    }
    if (!c->ccw.cda) {
        return VCCW_DATA_CHECK;
    }
    r = vccw_in(c, buf, n);
    if (r != VCCW_OK) {
        return r;
    }
    virtio_config_refresh(vdev);
    memcpy(vdev->config, buf, n);
    virtio_config_written(vdev);
    return VCCW_OK;
}

static VccwResult vccw_write_status(VccwCmd *c)
{
    VirtioCcwDevice *dev = c->dev;
    uint8_t status;
    VccwResult r = vccw_fetch(c, &status, 1);

    if (r != VCCW_OK) {
        return r;
    }
    if (!virtio_set_status(dev->vdev, status, dev->revision >= 1)) {
        return VCCW_REJECT; /* FEATURES_OK without an acceptable set */
    }
    if (!status) {
        virtio_ccw_indicators_reset(dev);
    }
    return VCCW_OK;
}

static VccwResult vccw_read_status(VccwCmd *c)
{
    VccwResult r;

    if (c->dev->revision < 2) {
        return VCCW_REJECT;
    }
    r = vccw_check_len(c, 1);
    return r == VCCW_OK ? vccw_out(c, &c->dev->vdev->status, 1) : r;
}

static VccwResult vccw_read_vq_conf(VccwCmd *c)
{
    uint8_t b[VQ_CONF_LEN];
    VirtQueue *vq;
    uint16_t index;
    VccwResult r = vccw_fetch(c, b, sizeof(b));

    if (r != VCCW_OK) {
        return r;
    }
    index = lduw_be_p(b);
    if (index >= VIRTIO_QUEUE_MAX) {
        return VCCW_PROG_CHECK;
    }
    vq = virtio_get_queue(c->dev->vdev, index);
    stw_be_p(b + 2, vq ? vq->max_num : 0);
    return vccw_out(c, b, sizeof(b));
}

static VccwResult vccw_set_vq(VccwCmd *c)
{
    bool legacy = c->dev->revision < 1;
    uint8_t b[VQ_INFO_LEN];
    uint64_t desc, avail, used;
    uint16_t index, num;
    VirtQueue *vq;
    VccwResult r = vccw_fetch(c, b, legacy ? VQ_INFO_LEGACY_LEN : VQ_INFO_LEN);

    if (r != VCCW_OK) {
        return r;
    }
    desc = ldq_be_p(b);
    index = lduw_be_p(b + 12);
    num = lduw_be_p(b + 14);
    vq = virtio_get_queue(c->dev->vdev, index);
    if (!vq) {
        return VCCW_PROG_CHECK;
    }
    if (legacy) {
        if (desc && ldl_be_p(b + 8) != LEGACY_VQ_ALIGN) {
            return VCCW_PROG_CHECK;
        }
        avail = desc + 16ull * num;
        used = (avail + 6 + 2ull * num + LEGACY_VQ_ALIGN - 1) &
               ~(uint64_t)(LEGACY_VQ_ALIGN - 1);
    } else {
        avail = ldq_be_p(b + 16);
        used = ldq_be_p(b + 24);
    }
    return virtio_queue_set_rings(vq, num, desc, avail, used) ? VCCW_OK
                                                              : VCCW_PROG_CHECK;
}

static VccwResult vccw_set_ind(VccwCmd *c, bool config)
{
    VirtioCcwDevice *dev = c->dev;
    uint8_t b[8];
    VccwResult r;

    if (!config && dev->thinint) {
        return VCCW_REJECT; /* adapter indicators are in use */
    }
    r = vccw_fetch(c, b, sizeof(b));
    if (r != VCCW_OK) {
        return r;
    }
    if (config) {
        dev->conf_ind_addr = ldq_be_p(b);
    } else {
        dev->ind_addr = ldq_be_p(b);
    }
    return VCCW_OK;
}

static VccwResult vccw_set_ind_adapter(VccwCmd *c)
{
    VirtioCcwDevice *dev = c->dev;
    uint8_t b[THININT_LEN];
    VccwResult r;

    if (dev->ind_addr && !dev->thinint) {
        return VCCW_REJECT; /* classic indicators are in use */
    }
    r = vccw_fetch(c, b, sizeof(b));
    if (r != VCCW_OK) {
        return r;
    }
    if (b[24] > CSS_MAX_ISC) {
        return VCCW_PROG_CHECK;
    }
    dev->summary_addr = ldq_be_p(b);
    dev->airq_addr = ldq_be_p(b + 8);
    dev->airq_bit = ldq_be_p(b + 16);
    dev->isc = b[24];
    dev->thinint = true;
    return VCCW_OK;
}

static VccwResult vccw_vdev_reset(VccwCmd *c)
{
    virtio_reset(c->dev->vdev);
    virtio_ccw_indicators_reset(c->dev);
    return VCCW_OK;
}

static VccwResult vccw_set_queue_ind(VccwCmd *c)
{
    return vccw_set_ind(c, false);
}

static VccwResult vccw_set_conf_ind(VccwCmd *c)
{
    return vccw_set_ind(c, true);
}

/* The virtio commands proper, by command code. */
static const struct {
    uint8_t code;
    VccwResult (*run)(VccwCmd *c);
} vccw_cmds[] = {
    { CCW_CMD_SET_VQ, vccw_set_vq },
    { CCW_CMD_VDEV_RESET, vccw_vdev_reset },
    { CCW_CMD_READ_FEAT, vccw_read_feat },
    { CCW_CMD_WRITE_FEAT, vccw_write_feat },
    { CCW_CMD_READ_CONF, vccw_read_conf },
    { CCW_CMD_WRITE_CONF, vccw_write_conf },
    { CCW_CMD_WRITE_STATUS, vccw_write_status },
    { CCW_CMD_READ_STATUS, vccw_read_status },
    { CCW_CMD_READ_VQ_CONF, vccw_read_vq_conf },
    { CCW_CMD_SET_IND, vccw_set_queue_ind },
    { CCW_CMD_SET_CONF_IND, vccw_set_conf_ind },
    { CCW_CMD_SET_IND_ADAPTER, vccw_set_ind_adapter },
};

static VccwResult vccw_virtio_cmd(VccwCmd *c)
{
    for (size_t i = 0; i < G_N_ELEMENTS(vccw_cmds); i++) {
        if (vccw_cmds[i].code == c->ccw.cmd_code) {
            return vccw_cmds[i].run(c);
        }
    }
    return VCCW_REJECT;
}

static VccwResult vccw_command(VccwCmd *c)
{
    VirtioCcwDevice *dev = c->dev;
    uint8_t cmd = c->ccw.cmd_code;

    switch (cmd) {
    case CCW_CMD_NOOP:
        return VCCW_OK;
    case CCW_CMD_SENSE_ID:
        return vccw_sense_id(c);
    case CCW_CMD_SENSE:
        return vccw_sense(c);
    case CCW_CMD_SET_VIRTIO_REV:
        return vccw_set_rev(c);
    }
    if (dev->revision < 0) {
        dev->revision = 0; /* a driver that never asked: legacy */
        dev->vdev->modern = false;
    }
    return vccw_virtio_cmd(c);
}

/* ---- the channel program ---- */

/* Errors of the CCW itself: program check before it runs. */
static bool vccw_ccw_invalid(const CCW1 *ccw, bool after_tic)
{
    if (ccw_cmd_is_tic(ccw->cmd_code)) {
        return after_tic;
    }
    /* data chaining, IDAWs and suspension are not provided */
    return ccw_cmd_is_invalid(ccw->cmd_code) ||
           (ccw->flags &
            (CCW_FLAG_DC | CCW_FLAG_IDA | CCW_FLAG_MIDA | CCW_FLAG_SUSPEND));
}

static void vccw_end(VirtioCcwDevice *dev, VccwResult r, CssIoStatus *st)
{
    switch (r) {
    case VCCW_OK:
        break;
    case VCCW_REJECT:
        memset(dev->sense, 0, sizeof(dev->sense));
        dev->sense[0] = SENSE_CMD_REJECT;
        st->dstat |= SCSW_DSTAT_UC;
        st->sense = dev->sense;
        st->sense_len = sizeof(dev->sense);
        break;
    case VCCW_PROG_CHECK:
        st->dstat = 0;
        st->cstat = SCSW_CSTAT_PROG_CHECK;
        break;
    case VCCW_DATA_CHECK:
        st->dstat = 0;
        st->cstat = SCSW_CSTAT_DATA_CHECK;
        break;
    }
}

static int vccw_start(SubchDev *sch, const ORB *orb)
{
    VirtioCcwDevice *dev = VIRTIO_CCW_DEVICE(sch->opaque);
    CssIoStatus st = { .dstat = SCSW_DSTAT_CE | SCSW_DSTAT_DE };
    uint32_t addr = orb->cpa;
    bool after_tic = false, chained = true;
    VccwResult r = VCCW_OK;

    /* a program still chaining after VCCW_MAX_CCWS CCWs (TICs too) */
    for (int i = 0; chained; i++) {
        VccwCmd c = { .dev = dev };

        if (i == VCCW_MAX_CCWS) {
            r = VCCW_PROG_CHECK;
            break;
        }
        if (!css_fetch_ccw(orb, addr, &c.ccw) ||
            vccw_ccw_invalid(&c.ccw, after_tic)) {
            r = VCCW_PROG_CHECK;
            addr += 8;
            break;
        }
        after_tic = ccw_cmd_is_tic(c.ccw.cmd_code);
        if (after_tic) {
            addr = c.ccw.cda;
            continue;
        }
        addr += 8;
        r = vccw_command(&c);
        trace_point("virtio_ccw_cmd", "%x.%x.%04x cmd 0x%02x count %u -> %d",
                    sch->cssid, sch->ssid, sch->devno, c.ccw.cmd_code,
                    c.ccw.count, r);
        st.count = c.ccw.count - c.used;
        chained = r == VCCW_OK && (c.ccw.flags & CCW_FLAG_CC);
    }
    vccw_end(dev, r, &st);
    st.cpa = addr;
    css_io_complete(sch, &st);
    return 0;
}

/* ---- the device ---- */

static bool vccw_realize(CcwDevice *ccw, Error **errp)
{
    VirtioCcwDevice *dev = VIRTIO_CCW_DEVICE(ccw);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_GET_CLASS(ccw);
    const uint64_t ring_bits = 1ull << VIRTIO_F_NOTIFY_ON_EMPTY |
                               1ull << VIRTIO_F_ANY_LAYOUT |
                               1ull << VIRTIO_RING_F_INDIRECT_DESC |
                               1ull << VIRTIO_RING_F_EVENT_IDX;

    if (dev->max_revision > VIRTIO_CCW_MAX_REVISION) {
        error_setg(errp,
                   "Invalid value of property max_rev (is %d expected >= 0 "
                   "and <= %d)",
                   dev->max_revision, VIRTIO_CCW_MAX_REVISION);
        return false;
    }
    if (dev->packed) {
        error_setg(errp, "packed virtqueues are not supported");
        return false;
    }
    if (dev->iommu_platform) {
        error_setg(errp, "iommu_platform=on is not supported on virtio-ccw");
        return false;
    }
    if (!vc->vdev_realize(dev, errp)) {
        return false;
    }
    dev->vdev->host_features |= dev->ring_features & ring_bits;
    dev->vdev->transport = &virtio_ccw_transport_ops;
    dev->vdev->transport_opaque = dev;
    dev->revision = -1;
    return true;
}

static void vccw_unrealize(CcwDevice *ccw)
{
    VirtioCcwDevice *dev = VIRTIO_CCW_DEVICE(ccw);
    VirtioCcwDeviceClass *vc = VIRTIO_CCW_DEVICE_GET_CLASS(ccw);

    if (dev->vdev && vc->vdev_unrealize) {
        vc->vdev_unrealize(dev);
    }
    dev->vdev = NULL;
}

static void vccw_reset(DeviceState *d)
{
    VirtioCcwDevice *dev = VIRTIO_CCW_DEVICE(d);

    if (!dev->vdev) {
        return;
    }
    virtio_reset(dev->vdev);
    virtio_ccw_indicators_reset(dev);
    dev->revision = -1;
    dev->vdev->modern = false;
    memset(dev->sense, 0, sizeof(dev->sense));
}

static Property vccw_props[] = {
    DEFINE_PROP_BIT64("indirect_desc", VirtioCcwDevice, ring_features,
                      VIRTIO_RING_F_INDIRECT_DESC, true),
    DEFINE_PROP_BIT64("event_idx", VirtioCcwDevice, ring_features,
                      VIRTIO_RING_F_EVENT_IDX, true),
    DEFINE_PROP_BIT64("notify_on_empty", VirtioCcwDevice, ring_features,
                      VIRTIO_F_NOTIFY_ON_EMPTY, true),
    DEFINE_PROP_BIT64("any_layout", VirtioCcwDevice, ring_features,
                      VIRTIO_F_ANY_LAYOUT, true),
    DEFINE_PROP_BOOL("packed", VirtioCcwDevice, packed, false),
    DEFINE_PROP_BOOL("iommu_platform", VirtioCcwDevice, iommu_platform, false),
    DEFINE_PROP_BOOL("ioeventfd", VirtioCcwDevice, ioeventfd, true),
    DEFINE_PROP_UINT32("max_revision", VirtioCcwDevice, max_revision,
                       VIRTIO_CCW_MAX_REVISION),
    DEFINE_PROP_END_OF_LIST(),
};

static void vccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CcwDeviceClass *cdc = CCW_DEVICE_CLASS(oc);

    dc->reset = vccw_reset;
    device_class_set_props(dc, vccw_props);
    cdc->realize = vccw_realize;
    cdc->unrealize = vccw_unrealize;
    cdc->sch_ops.start = vccw_start;
}

static const TypeInfo vccw_types[] = {
    {
        .name = TYPE_VIRTIO_CCW_DEVICE,
        .parent = TYPE_CCW_DEVICE,
        .abstract = true,
        .instance_size = sizeof(VirtioCcwDevice),
        .class_size = sizeof(VirtioCcwDeviceClass),
        .class_init = vccw_class_init,
    },
};

DEFINE_TYPES(vccw_types)
