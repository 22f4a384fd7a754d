/*
 * vfio-ccw back end for the simulated host: the host devices are the
 * sim-dasd-3390 objects (hw/sim), addressed by their bus id (hostid=) or,
 * for one with mdev=UUID, by a sysfsdev= whose last component is UUID
 * (libvirt's /sys/bus/mdev/devices/UUID).
 *
 * It presents each one the way a VFIO ccw device presents itself:
 *   region 0 (VFIO_CCW_CONFIG_REGION_INDEX): struct ccw_io_region; the
 *            IRB of the last completed program is read from irb_area;
 *   region 1 (type CCW, subtype ASYNC_CMD): struct ccw_cmd_region, writes
 *            of VFIO_CCW_ASYNC_CMD_HSCH/CSCH halt/clear the program;
 *   region 2 (type CCW, subtype CCW_USER_PROGRAM): a write of a struct
 *            ccw_prog_request starts the translated program;
 *   irq VFIO_CCW_IO_IRQ_INDEX: an eventfd written on every completion.
 * Writing an ORB into region 0 (the kernel's own translation) is refused
 * with -EOPNOTSUPP: the simulated host only runs translated programs.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "hw/vfio/ccw-backend.h"
#include "hw/sim/sim-dasd.h"
#include "hw/s390x/css.h"
#include "linux/ccw-prog.h"

enum {
    SIM_REGION_IO = VFIO_CCW_CONFIG_REGION_INDEX,
    SIM_REGION_ASYNC,
    SIM_REGION_PROG,
    SIM_NUM_REGIONS,
};

struct VFIOCCWHost {
    SimDasd *dasd;
    struct ccw_io_region io;
    struct ccw_cmd_region cmd;
    int irq_fd[VFIO_CCW_NUM_IRQS];
};

/* The sim-dasd-3390 whose mdev= is the last component of @sysfsdev */
static SimDasd *sim_find_mdev(const char *sysfsdev)
{
    g_autofree char *path = NULL;
    g_autofree char *uuid = NULL;
    size_t n;

    if (!sysfsdev) {
        return NULL;
    }
    path = g_strdup(sysfsdev);
    n = strlen(path);
    while (n > 1 && path[n - 1] == '/') {
        path[--n] = 0;
    }
    uuid = g_path_get_basename(path);
    return sim_dasd_find_by_mdev(uuid);
}

static VFIOCCWHost *sim_open(const char *hostid, const char *sysfsdev,
                             Error **errp)
{
    VFIOCCWHost *host;
    SimDasd *d;

    if (hostid) {
        d = sim_dasd_find_by_busid(hostid);
        if (!d) {
            error_setg(
                errp,
                "Host device '%s' not found: no sim-dasd-3390 object has busid=%s",
                hostid, hostid);
            return NULL;
        }
    } else {
        d = sim_find_mdev(sysfsdev);
        if (!d) {
            error_setg(errp,
                       "the simulated host needs hostid= or the sysfsdev= of "
                       "a sim-dasd-3390's mdev=");
            return NULL;
        }
    }
    if (d->opened) {
        error_setg(errp, "Host device '%s' is already in use",
                   hostid ? hostid : sysfsdev);
        return NULL;
    }
    d->opened = true;
    host = g_new0(VFIOCCWHost, 1);
    host->dasd = d;
    for (int i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        host->irq_fd[i] = -1;
    }
    object_ref(OBJECT(d));
    return host;
}

static void sim_close(VFIOCCWHost *host)
{
    sim_dasd_reset(host->dasd);
    host->dasd->opened = false;
    object_unref(OBJECT(host->dasd));
    g_free(host);
}

static void sim_get_host_id(VFIOCCWHost *host, uint8_t *cssid, uint8_t *ssid,
                            uint16_t *devno)
{
    *cssid = host->dasd->cssid;
    *ssid = host->dasd->ssid;
    *devno = host->dasd->devno;
}

static bool sim_get_device_info(VFIOCCWHost *host,
                                struct vfio_device_info *info, Error **errp)
{
    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    info->flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
    info->num_regions = SIM_NUM_REGIONS;
    info->num_irqs = VFIO_CCW_NUM_IRQS;
    return true;
}

static const uint64_t sim_region_size[SIM_NUM_REGIONS] = {
    [SIM_REGION_IO] = sizeof(struct ccw_io_region),
    [SIM_REGION_ASYNC] = sizeof(struct ccw_cmd_region),
    [SIM_REGION_PROG] = sizeof(struct ccw_prog_request),
};

static bool sim_get_region_info(VFIOCCWHost *host, unsigned index,
                                struct vfio_region_info *info, Error **errp)
{
    if (index >= SIM_NUM_REGIONS) {
        error_setg(errp, "vfio-ccw: no region %u", index);
        return false;
    }
    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    info->index = index;
    info->size = sim_region_size[index];
    info->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
    if (index != SIM_REGION_IO) {
        info->flags |= VFIO_REGION_INFO_FLAG_CAPS;
    }
    return true;
}

static bool sim_get_region_type(VFIOCCWHost *host, unsigned index,
                                uint32_t *type, uint32_t *subtype)
{
    if (index == SIM_REGION_ASYNC || index == SIM_REGION_PROG) {
        *type = VFIO_REGION_TYPE_CCW;
        *subtype = index == SIM_REGION_ASYNC
                       ? VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD
                       : VFIO_REGION_SUBTYPE_CCW_USER_PROGRAM;
        return true;
    }
    return false;
}

/* The IRB the host presents: SCSW, ESW (ERW), ECW with concurrent sense */
static void sim_build_irb(const SimDasdCompletion *c, uint8_t irb[96])
{
    SCSW scsw = {
        .flags = 0,
        .ctrl = SCSW_FCTL_START | SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                SCSW_STCTL_STATUS_PEND,
        .cpa = c->res.cpa,
        .dstat = c->res.dstat,
        .cstat = c->res.cstat,
        .count = c->res.count,
    };

    memset(irb, 0, 96);
    if (c->canceled) {
        scsw.ctrl = SCSW_FCTL_CLEAR | SCSW_STCTL_STATUS_PEND;
        scsw.dstat = scsw.cstat = 0;
    }
    if (c->res.sense_valid && !c->canceled) {
        uint32_t erw = ERW_CONS |
                       ((uint32_t)sizeof(c->res.sense) << ERW_SCNT_SHIFT);

        scsw.flags |= SCSW_FLAGS_ESWF | SCSW_FLAGS_ECTL;
        stl_be_p(irb + 16, erw);
        memcpy(irb + 32, c->res.sense, sizeof(c->res.sense));
    }
    scsw_encode(&scsw, irb);
}

static void sim_signal(VFIOCCWHost *host, unsigned irq)
{
    uint64_t one = 1;

    if (host->irq_fd[irq] >= 0 &&
        write(host->irq_fd[irq], &one, sizeof(one)) < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio-ccw sim: eventfd: %s\n",
                      g_strerror(errno));
    }
}

static void sim_done(void *opaque, const SimDasdCompletion *c)
{
    VFIOCCWHost *host = opaque;

    sim_build_irb(c, host->io.irb_area);
    memcpy(host->io.scsw_area, host->io.irb_area, SCSW_AREA_SIZE);
    host->io.ret_code = 0;
    sim_signal(host, VFIO_CCW_IO_IRQ_INDEX);
}

static ssize_t sim_region_read(VFIOCCWHost *host, unsigned index, uint64_t off,
                               void *buf, size_t len)
{
    const uint8_t *src;

    if (index == SIM_REGION_IO) {
        src = (const uint8_t *)&host->io;
    } else if (index == SIM_REGION_ASYNC) {
        src = (const uint8_t *)&host->cmd;
    } else {
        return -EINVAL;
    }
    if (off > sim_region_size[index] || len > sim_region_size[index] - off) {
        return -EINVAL;
    }
    memcpy(buf, src + off, len);
    return len;
}

static ssize_t sim_write_prog(VFIOCCWHost *host, const void *buf, size_t len)
{
    const struct ccw_prog_request *req = buf;

    if (len != sizeof(*req)) {
        return -EINVAL;
    }
    if (sim_dasd_busy(host->dasd)) {
        return -EBUSY;
    }
    trace_point("vfio_ccw_sim_start", "%s", host->dasd->busid);
    sim_dasd_start(host->dasd, req->orb, req->prog, sim_done, host);
    return len;
}

static ssize_t sim_write_cmd(VFIOCCWHost *host, const void *buf, size_t len)
{
    struct ccw_cmd_region cmd;

    if (len != sizeof(cmd)) {
        return -EINVAL;
    }
    memcpy(&cmd, buf, sizeof(cmd));
    switch (cmd.command) {
    case VFIO_CCW_ASYNC_CMD_HSCH:
        host->cmd.ret_code = sim_dasd_halt(host->dasd) ? 0 : -EINVAL;
        break;
    case VFIO_CCW_ASYNC_CMD_CSCH:
        sim_dasd_clear(host->dasd);
        host->cmd.ret_code = 0;
        break;
    default:
        return -EINVAL;
    }
    return len;
}

static ssize_t sim_region_write(VFIOCCWHost *host, unsigned index, uint64_t off,
                                const void *buf, size_t len)
{
    if (off != 0) {
        return -EINVAL;
    }
    switch (index) {
    case SIM_REGION_IO:
        /* an ORB for in-kernel translation: not what this host does */
        host->io.ret_code = -EOPNOTSUPP;
        return -EOPNOTSUPP;
    case SIM_REGION_ASYNC:
        return sim_write_cmd(host, buf, len);
    case SIM_REGION_PROG:
        return sim_write_prog(host, buf, len);
    default:
        return -EINVAL;
    }
}

static bool sim_set_irq_eventfd(VFIOCCWHost *host, unsigned irq_index,
                                int eventfd, Error **errp)
{
    if (irq_index >= VFIO_CCW_NUM_IRQS) {
        error_setg(errp, "vfio-ccw: no interrupt %u", irq_index);
        return false;
    }
    host->irq_fd[irq_index] = eventfd;
    return true;
}

static bool sim_reset(VFIOCCWHost *host, Error **errp)
{
    sim_dasd_reset(host->dasd);
    memset(&host->io, 0, sizeof(host->io));
    return true;
}

const VFIOCCWBackendOps vfio_ccw_sim_ops = {
    .name = "sim",
    .open = sim_open,
    .close = sim_close,
    .get_host_id = sim_get_host_id,
    .get_device_info = sim_get_device_info,
    .get_region_info = sim_get_region_info,
    .get_region_type = sim_get_region_type,
    .region_read = sim_region_read,
    .region_write = sim_region_write,
    .set_irq_eventfd = sim_set_irq_eventfd,
    .reset = sim_reset,
};

const VFIOCCWBackendOps *vfio_ccw_backend_for(const char *hostid,
                                              const char *sysfsdev)
{
    /*
     * hostid= names a sim-dasd-3390; sysfsdev= alone a vfio_ccw mdev of
     * the host kernel, unless a sim-dasd-3390 stands for that mdev
     */
    if (hostid || sim_find_mdev(sysfsdev)) {
        return &vfio_ccw_sim_ops;
    }
    return &vfio_ccw_linux_ops;
}
