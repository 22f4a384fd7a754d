/*
 * vfio-ccw: pass a host channel device (first: a 3990/3390 ECKD DASD)
 * through to the guest.
 *
 * A start function travels: the guest's ORB and CCW program (guest
 * memory) -> ccw_xlate_program() -> the 4 KiB user-space program ->
 * the host device (back end region write) -> completion eventfd -> the
 * host's IRB -> CPA mapped back -> css_io_complete() -> the guest's I/O
 * interrupt and TSCH.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "qemu/bswap.h"
#include "hw/vfio/vfio-ccw.h"
#include "hw/qdev-properties.h"
#include "exec/memory.h"
#include "qemu/fd-watch.h"
#include <sys/eventfd.h>

/* ---- guest memory for the translator ---- */

static bool vfio_ccw_mem_read(void *opaque, uint64_t gaddr, void *buf,
                              uint32_t len)
{
    return address_space_read(&address_space_memory, gaddr,
                              MEMTXATTRS_UNSPECIFIED, buf, len) == MEMTX_OK;
}

/*
 * Host address of guest RAM [gaddr, gaddr + len), or NULL. The mapping
 * is held (with a reference on its memory region) until the I/O is over.
 */
static void *vfio_ccw_mem_host_ptr(void *opaque, uint64_t gaddr, uint64_t len,
                                   bool write)
{
    VFIOCCWDevice *v = opaque;

    return vfio_ccw_gmap_hold(&v->maps, gaddr, len, write);
}

/* ---- completion ---- */

/* The host is done with the program: let go of the guest RAM it used */
static void vfio_ccw_finish(VFIOCCWDevice *v)
{
    v->busy = false;
    vfio_ccw_gmap_release(&v->maps);
}

/* The host's IRB, with its CPA mapped back to the guest program */
/* The channel stops at the translator's stop @res: remember a suspension */
static void vfio_ccw_note_stop(VFIOCCWDevice *v, const CcwXlateResult *res)
{
    v->suspended = res->status == CCW_XLATE_SUSPEND;
    v->resume_gaddr = res->stop_gaddr;
}

static void vfio_ccw_report(VFIOCCWDevice *v, const uint8_t irb[96])
{
    CssIoStatus st = { 0 };
    const CcwXlateResult *res;
    SCSW scsw;

    scsw_decode(irb, &scsw);
    st.dstat = scsw.dstat;
    st.cstat = scsw.cstat;
    st.count = scsw.count;
    res = v->ops->kernel_translates ? NULL
                                    : ccw_prog_stop_result(v->prog, scsw.cpa);
    if (v->ops->kernel_translates) {
        /*
         * The kernel ran the guest's own program: CPA is a guest address.
         * Not after a halt or clear of an idle host subchannel (no start
         * function): its CPA is then that of the kernel's last program, a
         * host address, so the guest's own stays.
         */
        st.cpa = (scsw.ctrl & SCSW_FCTL_START)
                     ? scsw.cpa
                     : CCW_DEVICE(v)->sch->schib.scsw.cpa;
        st.suspended = (scsw.ctrl & SCSW_ACTL_SUSP) != 0;
    } else if (res) {
        /* the channel reached a CCW the translator refused */
        st.cstat |= res->cstat;
        st.cpa = res->cpa;
        st.count = 0;
        st.suspended = res->status == CCW_XLATE_SUSPEND;
        vfio_ccw_note_stop(v, res);
    } else {
        st.cpa = ccw_prog_cpa_to_guest(v->prog, scsw.cpa);
    }
    if ((scsw.flags & SCSW_FLAGS_ESWF) && (ldl_be_p(irb + 16) & ERW_CONS)) {
        st.sense = irb + 32;
        st.sense_len = (ldl_be_p(irb + 16) >> ERW_SCNT_SHIFT) & 0x3f;
    }
    trace_point("vfio_ccw_complete", "%s dstat 0x%02x cstat 0x%02x cpa 0x%08x",
                DEVICE(v)->id ? DEVICE(v)->id : "", st.dstat, st.cstat, st.cpa);
    vfio_ccw_finish(v);
    css_io_complete(CCW_DEVICE(v)->sch, &st);
}

static gboolean vfio_ccw_io_irq(int fd, GIOCondition cond, gpointer opaque)
{
    VFIOCCWDevice *v = opaque;
    uint8_t irb[IRB_AREA_SIZE];
    uint64_t cnt;
    ssize_t n;

    if (read(fd, &cnt, sizeof(cnt)) != sizeof(cnt) || !v->busy) {
        return G_SOURCE_CONTINUE;
    }
    n = v->ops->region_read(v->host, VFIO_CCW_CONFIG_REGION_INDEX,
                            offsetof(struct ccw_io_region, irb_area), irb,
                            sizeof(irb));
    if (n != sizeof(irb)) {
        /* the host lost the status: an interface-control check */
        memset(irb, 0, sizeof(irb));
        irb[9] = SCSW_CSTAT_INTF_CTRL_CHK;
    }
    vfio_ccw_report(v, irb);
    return G_SOURCE_CONTINUE;
}

/* ---- subchannel functions ---- */

/* End a start function at once, with the translator's verdict */
static int vfio_ccw_end_now(VFIOCCWDevice *v, const CcwXlateResult *res)
{
    CssIoStatus st = {
        .cstat = res->cstat,
        .cpa = res->cpa,
        .suspended = res->status == CCW_XLATE_SUSPEND,
    };

    vfio_ccw_note_stop(v, res);
    css_io_complete(CCW_DEVICE(v)->sch, &st);
    return 0;
}

/* A write to the host's I/O region failed: the condition code */
static int vfio_ccw_write_failed(VFIOCCWDevice *v, ssize_t n, uint32_t cpa)
{
    CcwXlateResult fault = {
        .cstat = SCSW_CSTAT_CHN_CTRL_CHK,
        .cpa = cpa,
    };

    vfio_ccw_finish(v);
    if (n == -EBUSY) {
        return 2;
    }
    if (n == -ENODEV || n == -EACCES) {
        return 3; /* the host subchannel is gone or not operational */
    }
    qemu_log_mask(LOG_GUEST_ERROR, "vfio-ccw: host refused the program: %s\n",
                  g_strerror(n < 0 ? -n : EIO));
    return vfio_ccw_end_now(v, &fault);
}

/*
 * The kernel translates: the guest's ORB and an SCSW with the start
 * function (the kernel acts on the function control it finds there).
 */
static int vfio_ccw_run_kernel(VFIOCCWDevice *v, const ORB *orb)
{
    struct ccw_io_region io;
    SCSW scsw = { .ctrl = SCSW_FCTL_START };
    ssize_t n;

    memset(&io, 0, sizeof(io));
    orb_encode(orb, io.orb_area);
    scsw_encode(&scsw, io.scsw_area);
    trace_point("vfio_ccw_start", "orb cpa 0x%08x -> the host kernel",
                orb->cpa);
    v->busy = true;
    n = v->ops->region_write(v->host, VFIO_CCW_CONFIG_REGION_INDEX, 0, &io,
                             sizeof(io));
    if (n != sizeof(io)) {
        return vfio_ccw_write_failed(v, n, orb->cpa);
    }
    return 0;
}

/* Translate and hand to the host the program @guest_orb starts */
static int vfio_ccw_run(VFIOCCWDevice *v, const ORB *guest_orb)
{
    g_autofree struct ccw_prog_request *req = NULL;
    const CcwXlateResult *res;
    ORB orb = *guest_orb;
    ssize_t n;

    if (v->force_orb_pfch) {
        orb.ctrl0 |= ORB_CTRL0_PFCH;
    }
    v->suspended = false;
    vfio_ccw_gmap_release(&v->maps);
    if (v->ops->kernel_translates) {
        return vfio_ccw_run_kernel(v, &orb);
    }
    res = ccw_xlate_program(v->prog, &orb, &v->gmem);
    trace_point("vfio_ccw_start", "orb cpa 0x%08x -> %u ccws, %s", orb.cpa,
                ccw_prog_nr_slots(v->prog), ccw_xlate_reason_str(res->reason));
    if (res->status == CCW_XLATE_ORB_INVALID) {
        return 3; /* cannot happen: the instruction checked the ORB */
    }
    res = ccw_prog_stop_at_start(v->prog);
    if (res) {
        vfio_ccw_finish(v);
        return vfio_ccw_end_now(v, res); /* nothing runs before it */
    }
    req = g_new0(struct ccw_prog_request, 1);
    ccw_prog_fill_request(v->prog, req);
    v->busy = true;
    n = v->ops->region_write(v->host, v->prog_region, 0, req, sizeof(*req));
    if (n == -EBUSY) {
        vfio_ccw_finish(v);
        return 2;
    }
    if (n != sizeof(*req)) {
        CcwXlateResult fault = {
            .cstat = SCSW_CSTAT_CHN_CTRL_CHK,
            .cpa = orb.cpa,
        };

        vfio_ccw_finish(v);
        qemu_log_mask(LOG_GUEST_ERROR,
                      "vfio-ccw: host refused the program: %s\n",
                      g_strerror(-n));
        return vfio_ccw_end_now(v, &fault);
    }
    return 0;
}

static int vfio_ccw_start(SubchDev *sch, const ORB *guest_orb)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);

    if (v->busy) {
        return 2;
    }
    return vfio_ccw_run(v, guest_orb);
}

/*
 * RSCH: the channel fetches the suspended CCW again (suspending again if
 * its S flag is still set), so translate anew from there.
 */
static int vfio_ccw_resume(SubchDev *sch)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);
    ORB orb = sch->orb;

    if (v->busy || !v->suspended) {
        return 2;
    }
    orb.cpa = v->resume_gaddr;
    return vfio_ccw_run(v, &orb);
}

/*
 * Halt/clear of a host that runs translated programs (the simulated one)
 * are performed by the css and the host program is dropped here; a host
 * kernel that translates gets HSCH/CSCH itself (vfio_ccw_halt/clear).
 */
/* Forget the program in flight: a completion already signalled is stale */
static void vfio_ccw_drop(VFIOCCWDevice *v)
{
    uint64_t cnt;

    if (v->io_eventfd >= 0 && read(v->io_eventfd, &cnt, sizeof(cnt)) < 0 &&
        errno != EAGAIN) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio-ccw: eventfd: %s\n",
                      g_strerror(errno));
    }
    vfio_ccw_finish(v);
}

static void vfio_ccw_cancel_io(SubchDev *sch)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);
    struct ccw_cmd_region cmd = { .command = VFIO_CCW_ASYNC_CMD_CSCH };

    if (!v->busy) {
        return;
    }
    v->ops->region_write(v->host, v->async_region, 0, &cmd, sizeof(cmd));
    vfio_ccw_drop(v);
}

/*
 * HSCH and CSCH when the host kernel runs the channel program (a vfio_ccw
 * mdev): the function goes to the host subchannel through the async
 * command region, as with QEMU, and the host's I/O interruption ends it
 * (its IRB read from the I/O region as after a start function). The
 * kernel's refusal is the condition code: -EBUSY (status pending or busy
 * at the host) 2 for HSCH, -ENODEV or -EACCES 3; -EAGAIN (the kernel is
 * still taking a program) is tried again. For CSCH, which has no cc 2,
 * any refusal lets the css perform the clear itself.
 */
#define VFIO_CCW_CMD_TRIES 100

static ssize_t vfio_ccw_host_cmd(VFIOCCWDevice *v, uint32_t command)
{
    struct ccw_cmd_region cmd = { .command = command };
    ssize_t n = -EAGAIN;

    for (int i = 0; i < VFIO_CCW_CMD_TRIES && n == -EAGAIN; i++) {
        n = v->ops->region_write(v->host, v->async_region, 0, &cmd,
                                 sizeof(cmd));
    }
    trace_point("vfio_ccw_cmd", "%s -> %zd",
                command == VFIO_CCW_ASYNC_CMD_HSCH ? "hsch" : "csch", n);
    if (n == sizeof(cmd)) {
        v->busy = true; /* the host's interruption is awaited */
        return 0;
    }
    return n < 0 ? n : -EIO;
}

static int vfio_ccw_halt(SubchDev *sch)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);
    ssize_t n = vfio_ccw_host_cmd(v, VFIO_CCW_ASYNC_CMD_HSCH);
    CcwXlateResult fault = { .cstat = SCSW_CSTAT_INTF_CTRL_CHK };

    if (n == 0) {
        return 0;
    }
    if (n == -EBUSY) {
        return 2;
    }
    if (n == -ENODEV || n == -EACCES) {
        return 3;
    }
    /* the host failed otherwise: the halt ends at once, the status lost */
    qemu_log_mask(LOG_GUEST_ERROR, "vfio-ccw: host refused HSCH: %s\n",
                  g_strerror(-n));
    vfio_ccw_drop(v);
    return vfio_ccw_end_now(v, &fault);
}

static int vfio_ccw_clear(SubchDev *sch)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);

    if (vfio_ccw_host_cmd(v, VFIO_CCW_ASYNC_CMD_CSCH) == 0) {
        return 0;
    }
    vfio_ccw_drop(v);
    return 1; /* the css clears the subchannel */
}

/* The functions of a subchannel whose host kernel runs its programs */
/*
 * STSCH of a passthrough subchannel: the host's current path state from
 * its SCHIB region, as QEMU takes it (the path-not-operational, last-path-
 * used, path-available and path-operational masks, and the SCSW's N flag
 * set when the host's is); the installed paths and CHPIDs stay what plug
 * time gave. A host that cannot be read leaves the SCHIB as it was
 * (STSCH has no condition code for that).
 */
static void vfio_ccw_store(SubchDev *sch)
{
    VFIOCCWDevice *v = VFIO_CCW(sch->opaque);
    uint8_t be[SCHIB_SIZE];
    Schib host;
    Pmcw *p = &sch->schib.pmcw;

    if (!v->host || v->schib_region < 0) {
        return;
    }
    if (v->ops->region_read(v->host, v->schib_region, 0, be, sizeof(be)) !=
        sizeof(be)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "vfio-ccw: the host's SCHIB could not be read; "
                      "STSCH keeps the paths as they were\n");
        return;
    }
    schib_decode(be, &host);
    p->pnom = host.pmcw.pnom;
    p->lpum = host.pmcw.lpum;
    p->pam = host.pmcw.pam;
    p->pom = host.pmcw.pom;
    if (host.scsw.flags & SCSW_FLAGS_PNO) {
        sch->schib.scsw.flags |= SCSW_FLAGS_PNO;
    }
}

static const SubchOps vfio_ccw_kernel_sch_ops = {
    .start = vfio_ccw_start,
    .resume = vfio_ccw_resume,
    .halt = vfio_ccw_halt,
    .clear = vfio_ccw_clear,
    .cancel_io = vfio_ccw_cancel_io,
    .store = vfio_ccw_store,
};

/* ---- realize ---- */

static bool vfio_ccw_find_regions(VFIOCCWDevice *v, Error **errp)
{
    struct vfio_device_info info;
    bool have_prog = false, have_async = false;

    if (!v->ops->get_device_info(v->host, &info, errp)) {
        return false;
    }
    if (!(info.flags & VFIO_DEVICE_FLAGS_CCW)) {
        error_setg(errp, "vfio: this isn't a ccw device");
        return false;
    }
    for (unsigned i = VFIO_CCW_CONFIG_REGION_INDEX + 1; i < info.num_regions;
         i++) {
        uint32_t type, subtype;

        if (!v->ops->get_region_type(v->host, i, &type, &subtype) ||
            type != VFIO_REGION_TYPE_CCW) {
            continue;
        }
        if (subtype == VFIO_REGION_SUBTYPE_CCW_SCHIB) {
            v->schib_region = i;
        } else if (subtype == VFIO_REGION_SUBTYPE_CCW_CRW) {
            v->crw_region = i;
        } else if (subtype == VFIO_REGION_SUBTYPE_CCW_USER_PROGRAM) {
            v->prog_region = i;
            have_prog = true;
        } else if (subtype == VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD) {
            v->async_region = i;
            have_async = true;
        }
    }
    v->num_irqs = info.num_irqs;
    if (v->ops->kernel_translates) {
        if (!have_async) {
            error_setg(errp,
                       "vfio-ccw: %s: the host device has no async command "
                       "region (HSCH/CSCH)",
                       v->sysfsdev ? v->sysfsdev : "");
            return false;
        }
        return true;
    }
    if (!have_prog || !have_async) {
        error_setg(
            errp,
            "vfio-ccw: the host device does not accept user-space channel programs");
        return false;
    }
    return true;
}

/*
 * Channel reports from the host: each CRW read from the CRW region (one
 * per read, zero when there is none left) becomes a guest CRW; a
 * subchannel report names the guest's subchannel number.
 */
static gboolean vfio_ccw_crw_irq(int fd, GIOCondition cond, gpointer opaque)
{
    VFIOCCWDevice *v = opaque;
    SubchDev *sch = CCW_DEVICE(v)->sch;
    struct ccw_crw_region r;
    uint64_t cnt;

    if (read(fd, &cnt, sizeof(cnt)) != sizeof(cnt)) {
        return G_SOURCE_CONTINUE;
    }
    for (int n = 0; n < 64; n++) {
        uint8_t rsc, erc;
        uint16_t rsid;

        if (v->ops->region_read(v->host, v->crw_region, 0, &r, sizeof(r)) !=
                sizeof(r) ||
            !r.crw) {
            break;
        }
        rsc = (r.crw >> CRW_RSC_SHIFT) & 0xf;
        erc = (r.crw >> CRW_ERC_SHIFT) & 0x3f;
        rsid = r.crw & 0xffff;
        if (rsc == CRW_RSC_SCH) {
            rsid = sch->schid;
        }
        trace_point("vfio_ccw_crw",
                    "host crw 0x%08x -> rsc 0x%x erc 0x%x "
                    "rsid 0x%04x",
                    r.crw, rsc, erc, rsid);
        css_crw_queue(rsc, erc, false, rsid);
    }
    return G_SOURCE_CONTINUE;
}

/* The host asks for the device back: unplug it as device_del would */
static gboolean vfio_ccw_req_irq(int fd, GIOCondition cond, gpointer opaque)
{
    VFIOCCWDevice *v = opaque;
    Error *err = NULL;
    uint64_t cnt;

    if (read(fd, &cnt, sizeof(cnt)) != sizeof(cnt)) {
        return G_SOURCE_CONTINUE;
    }
    trace_point("vfio_ccw_req", "%s: the host wants the device back",
                DEVICE(v)->id ? DEVICE(v)->id : "");
    v->req_watch = 0; /* this source ends here */
    if (!qdev_unplug(DEVICE(v), &err)) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio-ccw: unplug on request: %s\n",
                      error_get_pretty(err));
        error_free(err);
    }
    return G_SOURCE_REMOVE;
}

/* An optional interrupt on an eventfd; false only on a real error */
static bool vfio_ccw_optional_irq(VFIOCCWDevice *v, unsigned index, int *fdp,
                                  guint *watch, FdWatchFunc *fn, Error **errp)
{
    if (index >= v->num_irqs) {
        return true;
    }
    *fdp = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (*fdp < 0) {
        error_setg_errno(errp, errno, "vfio-ccw: eventfd");
        return false;
    }
    if (!v->ops->set_irq_eventfd(v->host, index, *fdp, errp)) {
        close(*fdp);
        *fdp = -1;
        return false;
    }
    *watch = fd_watch_add(*fdp, G_IO_IN, fn, v);
    return true;
}

static void vfio_ccw_drop_irq(VFIOCCWDevice *v, unsigned index, int *fdp,
                              guint *watch)
{
    fd_watch_remove(*watch);
    *watch = 0;
    if (*fdp >= 0) {
        v->ops->set_irq_eventfd(v->host, index, -1, NULL);
        close(*fdp);
        *fdp = -1;
    }
}

static bool vfio_ccw_setup_irq(VFIOCCWDevice *v, Error **errp)
{
    v->io_eventfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (v->io_eventfd < 0) {
        error_setg_errno(errp, errno, "vfio-ccw: eventfd");
        return false;
    }
    if (!v->ops->set_irq_eventfd(v->host, VFIO_CCW_IO_IRQ_INDEX, v->io_eventfd,
                                 errp)) {
        close(v->io_eventfd);
        v->io_eventfd = -1;
        return false;
    }
    v->io_watch = fd_watch_add(v->io_eventfd, G_IO_IN, vfio_ccw_io_irq, v);
    if (v->crw_region >= 0 &&
        !vfio_ccw_optional_irq(v, VFIO_CCW_CRW_IRQ_INDEX, &v->crw_eventfd,
                               &v->crw_watch, vfio_ccw_crw_irq, errp)) {
        return false;
    }
    return vfio_ccw_optional_irq(v, VFIO_CCW_REQ_IRQ_INDEX, &v->req_eventfd,
                                 &v->req_watch, vfio_ccw_req_irq, errp);
}

/* The host subchannel's paths (SCHIB region) become the guest's */
static void vfio_ccw_host_paths(VFIOCCWDevice *v)
{
    uint8_t be[SCHIB_SIZE];
    Schib schib;

    if (v->schib_region < 0 ||
        v->ops->region_read(v->host, v->schib_region, 0, be, sizeof(be)) !=
            sizeof(be)) {
        return;
    }
    schib_decode(be, &schib);
    css_sch_set_paths(CCW_DEVICE(v)->sch, schib.pmcw.pim, schib.pmcw.pam,
                      schib.pmcw.pom, schib.pmcw.chpid);
}

static void vfio_ccw_teardown_irq(VFIOCCWDevice *v)
{
    vfio_ccw_drop_irq(v, VFIO_CCW_REQ_IRQ_INDEX, &v->req_eventfd,
                      &v->req_watch);
    vfio_ccw_drop_irq(v, VFIO_CCW_CRW_IRQ_INDEX, &v->crw_eventfd,
                      &v->crw_watch);
    fd_watch_remove(v->io_watch);
    v->io_watch = 0;
    if (v->io_eventfd >= 0) {
        v->ops->set_irq_eventfd(v->host, VFIO_CCW_IO_IRQ_INDEX, -1, NULL);
        close(v->io_eventfd);
        v->io_eventfd = -1;
    }
}

static bool vfio_ccw_open(VFIOCCWDevice *v, Error **errp)
{
    g_autofree char *hostid = NULL;

    if (v->sysfsdev && !v->hostid.valid) {
        /* a vfio_ccw mediated device of the host kernel */
        v->ops = vfio_ccw_backend_for(NULL, v->sysfsdev);
        v->host = v->ops->open(NULL, v->sysfsdev, errp);
        return v->host != NULL;
    }
    if (!v->hostid.valid) {
        error_setg(errp, "No host device provided");
        error_append_hint(
            errp,
            "Use -device vfio-ccw,hostid=CSSID.SSID.DEVNO or -device vfio-ccw,sysfsdev=PATH_TO_DEVICE\n");
        return false;
    }
    hostid = css_dev_id_print(&v->hostid);
    v->ops = vfio_ccw_backend_for(hostid, v->sysfsdev);
    v->host = v->ops->open(hostid, v->sysfsdev, errp);
    return v->host != NULL;
}

static void vfio_ccw_close(VFIOCCWDevice *v)
{
    vfio_ccw_teardown_irq(v);
    if (v->host) {
        v->ops->close(v->host);
        v->host = NULL;
    }
}

static bool vfio_ccw_realize(CcwDevice *ccw, Error **errp)
{
    VFIOCCWDevice *v = VFIO_CCW(ccw);
    CssDevId host_id = { 0 };

    if (v->guestid.valid) {
        if (ccw->devno.valid &&
            memcmp(&ccw->devno, &v->guestid, sizeof(CssDevId))) {
            error_setg(errp, "guestid= and devno= name different devices");
            return false;
        }
        ccw->devno = v->guestid;
    }
    if (!vfio_ccw_open(v, errp)) {
        return false;
    }
    host_id.valid = true;
    v->ops->get_host_id(v->host, &host_id.cssid, &host_id.ssid, &host_id.devid);
    if (!vfio_ccw_find_regions(v, errp) || !vfio_ccw_setup_irq(v, errp) ||
        !css_place_passthrough(ccw->sch, &host_id, &ccw->devno,
                               css_get_map_css(), errp)) {
        vfio_ccw_close(v);
        return false;
    }
    vfio_ccw_host_paths(v);
    if (v->ops->kernel_translates) {
        ccw->sch->ops = &vfio_ccw_kernel_sch_ops; /* HSCH/CSCH to the host */
    }
    return true;
}

static void vfio_ccw_unrealize(CcwDevice *ccw)
{
    VFIOCCWDevice *v = VFIO_CCW(ccw);

    /* the host device lets go of the program first, then its guest RAM */
    vfio_ccw_close(v);
    vfio_ccw_finish(v);
}

static void vfio_ccw_reset(DeviceState *dev)
{
    VFIOCCWDevice *v = VFIO_CCW(dev);

    if (v->host) {
        v->ops->reset(v->host, NULL);
    }
    vfio_ccw_drop(v);
}

static void vfio_ccw_instance_init(Object *obj)
{
    VFIOCCWDevice *v = VFIO_CCW(obj);

    v->io_eventfd = -1;
    v->crw_eventfd = -1;
    v->req_eventfd = -1;
    v->schib_region = -1;
    v->crw_region = -1;
    v->prog = ccw_prog_new();
    v->gmem = (CcwGuestMem){ vfio_ccw_mem_read, vfio_ccw_mem_host_ptr, v };
    vfio_ccw_gmap_init(&v->maps, &address_space_memory);
}

static void vfio_ccw_instance_finalize(Object *obj)
{
    VFIOCCWDevice *v = VFIO_CCW(obj);

    vfio_ccw_gmap_destroy(&v->maps);
    ccw_prog_free(v->prog);
}

static Property vfio_ccw_props[] = {
    DEFINE_PROP_STRING("sysfsdev", VFIOCCWDevice, sysfsdev),
    DEFINE_PROP_CSS_DEV_ID("hostid", VFIOCCWDevice, hostid),
    DEFINE_PROP_CSS_DEV_ID("guestid", VFIOCCWDevice, guestid),
    DEFINE_PROP_BOOL("force-orb-pfch", VFIOCCWDevice, force_orb_pfch, false),
    DEFINE_PROP_INT32("bootindex", VFIOCCWDevice, bootindex, -1),
    DEFINE_PROP_END_OF_LIST(),
};

static void vfio_ccw_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CcwDeviceClass *cdc = CCW_DEVICE_CLASS(oc);

    dc->desc = "VFIO-based subchannel assignment";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    dc->reset = vfio_ccw_reset;
    device_class_set_props(dc, vfio_ccw_props);
    cdc->realize = vfio_ccw_realize;
    cdc->unrealize = vfio_ccw_unrealize;
    cdc->sch_ops.start = vfio_ccw_start;
    cdc->sch_ops.resume = vfio_ccw_resume;
    cdc->sch_ops.cancel_io = vfio_ccw_cancel_io;
    cdc->sch_ops.store = vfio_ccw_store;
}

static const TypeInfo vfio_ccw_info = {
    .name = TYPE_VFIO_CCW,
    .parent = TYPE_CCW_DEVICE,
    .instance_size = sizeof(VFIOCCWDevice),
    .instance_init = vfio_ccw_instance_init,
    .instance_finalize = vfio_ccw_instance_finalize,
    .class_init = vfio_ccw_class_init,
};

static void vfio_ccw_register_types(void)
{
    type_register_static(&vfio_ccw_info);
}

type_init(vfio_ccw_register_types)
