/*
 * vfio-pci: a host PCI function passed through to the guest
 * (docs/system/s390x/vfio-pci.rst), over a back end of the host ops
 * table (include/hw/vfio/pci-host.h; docs/devel/vfio-pci-host.rst).
 *
 * The guest's configuration space is the PCI core's, filled from the
 * host's: its ids, the BARs (registered over regions that forward every
 * access to the host's region), the MSI-X capability at the host's
 * offset, emulated by the core over the host's table BAR, and nothing
 * else (the capability list holds MSI-X only, no ROM).  Command
 * register writes reach the host's Memory Space and Bus Master bits.
 * The host's MSI-X vectors arrive as eventfds and leave through the
 * core's MSI-X (masks, pending bits), which the zPCI bridge delivers as
 * the function's adapter interruption.  pci-zpci.c: the zPCI side.
 */
#include "qemu/osdep.h"
#include <sys/eventfd.h>
#include "qemu/error-report.h"
#include "qemu/fd-watch.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "qemu/pci-bdf.h"
#include "hw/qdev-properties.h"
#include "hw/pci/msix.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-hostfn.h"
#include "pci-int.h"

#define HOST_CFG_SIZE 256
#define MSIX_CAP_ID   0x11

/* ---- errors and interrupts ---- */

void vfio_pci_host_error(VFIOPCIDevice *v, uint64_t faddr)
{
    S390PciHost *sh = s390_pci_host_get();
    ZpciDevice *z = sh ? s390_pci_find_by_pdev(sh, PCI_DEVICE(v)) : NULL;

    v->host_errors++;
    trace_point("vfio_pci_host_error", "%s faddr 0x%" PRIx64, v->name, faddr);
    if (z) {
        zpci_report_error(z, VFIO_PCI_PEC_HOST_ERROR, faddr);
    }
}

static bool drain(int fd)
{
    uint64_t n = 0;

    return fd >= 0 && read(fd, &n, sizeof(n)) == sizeof(n) && n;
}

static void vfio_pci_req(VFIOPCIDevice *v)
{
    Error *err = NULL;

    /* the host wants the function back: unplug it, as QEMU does */
    if (!qdev_unplug(DEVICE(v), &err)) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: %s\n", v->name,
                      error_get_pretty(err));
        error_free(err);
    }
}

void vfio_pci_poll_irqs(VFIOPCIDevice *v)
{
    for (unsigned i = 0; i < v->nvec; i++) {
        if (drain(v->msix_fd[i])) {
            v->irqs_signalled++;
            msix_notify(PCI_DEVICE(v), i);
        }
    }
    if (drain(v->err_fd)) {
        vfio_pci_host_error(v, 0);
    }
    if (drain(v->req_fd)) {
        vfio_pci_req(v);
    }
}

static gboolean vfio_pci_fd_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    vfio_pci_poll_irqs(opaque);
    return G_SOURCE_CONTINUE;
}

static int new_eventfd(VFIOPCIDevice *v, guint *watch)
{
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

    if (fd >= 0) {
        *watch = fd_watch_add(fd, G_IO_IN, vfio_pci_fd_ready, v);
    }
    return fd;
}

static void free_eventfd(int *fd, guint *watch)
{
    fd_watch_remove(*watch);
    *watch = 0;
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

/* Give the host @n eventfds of irq index @index from @fds */
static bool set_eventfds(VFIOPCIDevice *v, unsigned index, const int *fds,
                         unsigned n)
{
    size_t sz = sizeof(struct vfio_irq_set) + n * sizeof(int32_t);
    g_autofree struct vfio_irq_set *set = g_malloc0(sz);

    set->argsz = sz;
    set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    set->index = index;
    set->count = n;
    for (unsigned i = 0; i < n; i++) {
        int32_t fd = fds[i];

        memcpy(set->data + i * sizeof(fd), &fd, sizeof(fd));
    }
    return v->ops->set_irqs(v->h, set) == 0;
}

/* How many interrupts of index @index the host has (0: none, or no info) */
static unsigned host_irq_count(VFIOPCIDevice *v, unsigned index)
{
    struct vfio_irq_info info = { .argsz = sizeof(info), .index = index };

    return v->ops->get_irq_info(v->h, &info) < 0 ? 0 : info.count;
}

/*
 * An eventfd for each MSI-X vector and for ERR and REQ, those the host
 * has: a Linux host gives ERR to PCI Express functions only, and MSI-X
 * to the functions with the capability.
 */
static bool vfio_pci_irqs_init(VFIOPCIDevice *v, Error **errp)
{
    struct vfio_irq_info info = { .argsz = sizeof(info),
                                  .index = VFIO_PCI_MSIX_IRQ_INDEX };
    bool has_err, has_req;

    if (v->ops->get_irq_info(v->h, &info) < 0) {
        error_setg(errp, "%sno MSI-X interrupt information", v->name);
        return false;
    }
    v->nvec = info.count;
    has_err = host_irq_count(v, VFIO_PCI_ERR_IRQ_INDEX) > 0;
    has_req = host_irq_count(v, VFIO_PCI_REQ_IRQ_INDEX) > 0;
    v->msix_fd = g_new(int, MAX(v->nvec, 1));
    v->msix_watch = g_new0(guint, MAX(v->nvec, 1));
    for (unsigned i = 0; i < v->nvec; i++) {
        v->msix_fd[i] = new_eventfd(v, &v->msix_watch[i]);
    }
    v->err_fd = has_err ? new_eventfd(v, &v->err_watch) : -1;
    v->req_fd = has_req ? new_eventfd(v, &v->req_watch) : -1;
    if ((v->nvec &&
         !set_eventfds(v, VFIO_PCI_MSIX_IRQ_INDEX, v->msix_fd, v->nvec)) ||
        (has_err && !set_eventfds(v, VFIO_PCI_ERR_IRQ_INDEX, &v->err_fd, 1)) ||
        (has_req && !set_eventfds(v, VFIO_PCI_REQ_IRQ_INDEX, &v->req_fd, 1))) {
        error_setg(errp, "%sthe host refused the interrupt eventfds", v->name);
        return false;
    }
    return true;
}

static void vfio_pci_irqs_free(VFIOPCIDevice *v)
{
    for (unsigned i = 0; v->msix_fd && i < v->nvec; i++) {
        free_eventfd(&v->msix_fd[i], &v->msix_watch[i]);
    }
    g_clear_pointer(&v->msix_fd, g_free);
    g_clear_pointer(&v->msix_watch, g_free);
    free_eventfd(&v->err_fd, &v->err_watch);
    free_eventfd(&v->req_fd, &v->req_watch);
}

/* ---- host configuration space ---- */

static uint32_t host_cfg_read(VFIOPCIDevice *v, uint32_t off, unsigned len)
{
    uint32_t val = 0;

    if (v->ops->region_read(v->h, VFIO_PCI_CONFIG_REGION_INDEX, off, &val,
                            len) != (ssize_t)len) {
        return 0;
    }
    return GUINT32_FROM_LE(val);
}

static void host_cfg_write(VFIOPCIDevice *v, uint32_t off, uint32_t val,
                           unsigned len)
{
    uint32_t le = GUINT32_TO_LE(val);

    if (v->ops->region_write(v->h, VFIO_PCI_CONFIG_REGION_INDEX, off, &le,
                             len) != (ssize_t)len) {
        vfio_pci_host_error(v, off);
    }
}

/* The host's MSI-X capability offset, 0 when it has none */
static uint8_t host_msix_cap(VFIOPCIDevice *v)
{
    uint8_t pos;

    if (!(host_cfg_read(v, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST)) {
        return 0;
    }
    pos = host_cfg_read(v, PCI_CAPABILITY_LIST, 1) & ~3;
    /* at most 48 capabilities fit: a loop in the chain ends there */
    for (unsigned n = 0; pos >= 0x40 && n < 48; n++) {
        if (host_cfg_read(v, pos, 1) == MSIX_CAP_ID) {
            return pos;
        }
        pos = host_cfg_read(v, pos + 1, 1) & ~3;
    }
    return 0;
}

/*
 * What the kernel's vfio-pci does when user space enables MSI-X: the
 * host function's MSI-X on, its vectors unmasked (the guest's masks are
 * the core's, in front of it).  The kernel reaches the table with the
 * host's Memory Space on, whatever the guest's Command register says.
 */
static void host_msix_setup(VFIOPCIDevice *v)
{
    uint8_t cap = host_msix_cap(v);
    uint16_t cmd = host_cfg_read(v, PCI_COMMAND, 2);
    uint32_t table;
    uint32_t zero = 0;

    if (!cap) {
        return;
    }
    table = host_cfg_read(v, cap + 4, 4);
    host_cfg_write(v, cap + 2, 0x8000, 2);
    host_cfg_write(v, PCI_COMMAND, cmd | PCI_COMMAND_MEMORY, 2);
    for (unsigned i = 0; i < v->nvec; i++) {
        if (v->ops->region_write(v->h, table & 7, (table & ~7u) + 16 * i + 12,
                                 &zero, 4) != 4) {
            vfio_pci_host_error(v, 0);
            break;
        }
    }
    host_cfg_write(v, PCI_COMMAND, cmd, 2);
}

/* Guest Command register -> host Memory Space and Bus Master */
static void host_sync_command(VFIOPCIDevice *v)
{
    uint16_t keep = PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
    uint16_t guest = pci_get(PCI_DEVICE(v), PCI_COMMAND, 2);
    uint16_t host = host_cfg_read(v, PCI_COMMAND, 2);

    host_cfg_write(v, PCI_COMMAND, (host & ~keep) | (guest & keep), 2);
}

static void vfio_pci_config_write(PCIDevice *dev, uint32_t addr, uint32_t val,
                                  unsigned len)
{
    VFIOPCIDevice *v = VFIO_PCI(dev);

    pci_config_default_write(dev, addr, val, len);
    if (addr < PCI_COMMAND + 2 && addr + len > PCI_COMMAND) {
        host_sync_command(v);
    }
}

/* ---- BARs ---- */

static uint64_t bar_read(void *opaque, hwaddr addr, unsigned size)
{
    VFIOPCIBar *b = opaque;
    VFIOPCIDevice *v = b->v;
    uint64_t val = 0;

    if (v->ops->region_read(v->h, b->index, addr, &val, size) !=
        (ssize_t)size) {
        vfio_pci_host_error(v, addr);
        val = UINT64_MAX; /* what a failed PCI read returns */
    }
    vfio_pci_poll_irqs(v);
    return GUINT64_FROM_LE(val) &
           (size == 8 ? UINT64_MAX : (UINT64_C(1) << 8 * size) - 1);
}

static void bar_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    VFIOPCIBar *b = opaque;
    VFIOPCIDevice *v = b->v;
    uint64_t le = GUINT64_TO_LE(val);

    if (v->ops->region_write(v->h, b->index, addr, &le, size) !=
        (ssize_t)size) {
        vfio_pci_host_error(v, addr);
    }
    vfio_pci_poll_irqs(v); /* a DMA done, a vector sent: now */
}

static const MemoryRegionOps bar_ops = {
    .read = bar_read,
    .write = bar_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void vfio_pci_bars_init(VFIOPCIDevice *v)
{
    PCIDevice *dev = PCI_DEVICE(v);

    for (unsigned i = 0; i < PCI_NUM_BARS; i++) {
        struct vfio_region_info info = { .argsz = sizeof(info), .index = i };
        VFIOPCIBar *b = &v->bars[i];
        uint32_t reg = host_cfg_read(v, PCI_BASE_ADDRESS_0 + 4 * i, 4);
        uint8_t type;
        g_autofree char *name = NULL;

        if (v->ops->get_region_info(v->h, &info) < 0 || !info.size ||
            (info.size & (info.size - 1)) || info.size < 16) {
            continue; /* absent, the upper half of a 64-bit one, unusable */
        }
        type = reg & PCI_BASE_ADDRESS_SPACE_IO
                   ? PCI_BASE_ADDRESS_SPACE_IO
                   : reg & (PCI_BASE_ADDRESS_MEM_TYPE_64 |
                            PCI_BASE_ADDRESS_MEM_PREFETCH);
        if ((type & PCI_BASE_ADDRESS_MEM_TYPE_64) && i + 1 >= PCI_NUM_BARS) {
            continue;
        }
        b->v = v;
        b->index = i;
        b->size = info.size;
        name = g_strdup_printf("vfio-bar%u", i);
        memory_region_init(&b->container, OBJECT(v), name, info.size);
        memory_region_init_io(&b->io, OBJECT(v), &bar_ops, b, name, info.size);
        memory_region_add_subregion(&b->container, 0, &b->io);
        pci_register_bar(dev, i, type, &b->container);
        if (type & PCI_BASE_ADDRESS_MEM_TYPE_64) {
            i++;
        }
    }
}

static void vfio_pci_bars_free(VFIOPCIDevice *v)
{
    for (unsigned i = 0; i < PCI_NUM_BARS; i++) {
        if (v->bars[i].v) {
            memory_region_finalize(&v->bars[i].io);
            memory_region_finalize(&v->bars[i].container);
            v->bars[i].v = NULL;
        }
    }
}

/* The MSI-X capability at the host's offset, over the host's layout */
static bool vfio_pci_msix_init(VFIOPCIDevice *v, Error **errp)
{
    uint8_t cap = host_msix_cap(v);
    MSIXLayout l;
    uint32_t table, pba;

    if (!cap || !v->nvec) {
        return true; /* the bridge says MSI-X is mandatory */
    }
    table = host_cfg_read(v, cap + 4, 4);
    pba = host_cfg_read(v, cap + 8, 4);
    l = (MSIXLayout){
        .vectors = MIN(v->nvec, (host_cfg_read(v, cap + 2, 2) & 0x7ff) + 1),
        .table_bar = table & 7,
        .table_offset = table & ~7u,
        .pba_bar = pba & 7,
        .pba_offset = pba & ~7u,
        .cap_offset = cap,
    };
    if (l.table_bar >= PCI_NUM_BARS || !v->bars[l.table_bar].v ||
        l.pba_bar >= PCI_NUM_BARS || !v->bars[l.pba_bar].v) {
        error_setg(errp, "%sthe host's MSI-X table is not in a BAR", v->name);
        return false;
    }
    return msix_init(PCI_DEVICE(v), &l, errp);
}

/* ---- realize ---- */

static void copy_header(VFIOPCIDevice *v)
{
    static const struct {
        uint8_t off, len;
    } ids[] = {
        { PCI_VENDOR_ID, 4 },
        { PCI_REVISION_ID, 4 },
        { PCI_SUBSYSTEM_VENDOR_ID, 4 },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(ids); i++) {
        pci_set(PCI_DEVICE(v), ids[i].off, ids[i].len,
                host_cfg_read(v, ids[i].off, ids[i].len));
    }
}

/*
 * "DDDD:BB:DD.F" of @host, or the last component of sysfsdev= (which
 * wins over host=, as in QEMU), or NULL (with QEMU's kind of message)
 */
static char *vfio_pci_host_name(VFIOPCIDevice *v, Error **errp)
{
    PciBdfSpec s;
    char *name;

    if (v->sysfsdev) {
        g_autofree char *trimmed = g_strdup(v->sysfsdev);
        size_t n = strlen(trimmed);

        while (n > 1 && trimmed[n - 1] == '/') {
            trimmed[--n] = 0;
        }
        if (!*v->sysfsdev) {
            error_setg(errp, "vfio-pci: sysfsdev= is empty");
            return NULL;
        }
        return g_path_get_basename(trimmed);
    }
    if (!v->host) {
        error_setg(errp, "No provided host device - Use "
                         "host=DDDD:BB:DD.F or sysfsdev=PATH_TO_DEVICE");
        return NULL;
    }
    if (!pci_bdf_parse(v->host, PCI_BDF_PLUG, &s, errp)) {
        error_prepend(errp, "vfio-pci: host: ");
        return NULL;
    }
    if (!pci_bdf_spec_is_one(&s)) {
        /* -device and device_add expand it (pci-multi.c); not here */
        error_setg(errp,
                   "vfio-pci: host '%s' is not one function (DDDD:BB:DD.F)",
                   v->host);
        pci_bdf_spec_clear(&s);
        return NULL;
    }
    if (v->mapping &&
        !pci_bdf_mapping_parse(v->mapping, &(PciBdfMapping){ 0 }, errp)) {
        error_prepend(errp, "vfio-pci: ");
        pci_bdf_spec_clear(&s);
        return NULL;
    }
    name = g_strdup_printf("%04x:%02x:%02x.%x", s.domain, s.bus, s.slot,
                           s.pfunc[0]);
    pci_bdf_spec_clear(&s);
    return name;
}

static void vfio_pci_release(VFIOPCIDevice *v)
{
    if (v->h) {
        v->ops->close(v->h);
        v->h = NULL;
    }
    vfio_pci_irqs_free(v);
    g_clear_pointer(&v->name, g_free);
}

static bool vfio_pci_realize(PCIDevice *dev, Error **errp)
{
    VFIOPCIDevice *v = VFIO_PCI(dev);
    g_autofree char *host = vfio_pci_host_name(v, errp);

    v->err_fd = v->req_fd = -1;
    if (!host) {
        return false;
    }
    v->name = g_strdup_printf("vfio %s: ", host);
    v->ops = vfio_pci_host_backend_for(v->sysfsdev ? NULL : host, v->sysfsdev);
    v->h = v->ops->open(v->sysfsdev ? NULL : host, v->sysfsdev, errp);
    if (!v->h) {
        error_prepend(errp, "%s", v->name);
        vfio_pci_release(v);
        return false;
    }
    v->ops->get_host_id(v->h, &v->id);
    copy_header(v);
    if (!vfio_pci_irqs_init(v, errp) || !vfio_pci_zpci_init(v, errp)) {
        vfio_pci_release(v);
        return false;
    }
    vfio_pci_bars_init(v);
    if (!vfio_pci_msix_init(v, errp)) {
        vfio_pci_bars_free(v);
        vfio_pci_release(v);
        return false;
    }
    host_msix_setup(v);
    return true;
}

static void vfio_pci_unrealize(PCIDevice *dev)
{
    VFIOPCIDevice *v = VFIO_PCI(dev);

    vfio_pci_release(v);
    vfio_pci_bars_free(v);
}

/*
 * Device reset (system reset, FLR, the guest's disable): the host
 * function is reset too.  A reset the host cannot do leaves the function
 * as it is and the guest goes on, as in QEMU (said once per function);
 * an enabled function (an FLR) also gets a host error event.  Either
 * way the host's Command register follows the guest's reset one.
 */
static void vfio_pci_reset(PCIDevice *dev)
{
    VFIOPCIDevice *v = VFIO_PCI(dev);
    int ret;

    if (!v->h) {
        return;
    }
    if (!v->reset_works) {
        /* the host offers none (no FLR, no PM reset): VFIO's EINVAL */
        trace_point("vfio_pci_reset", "%sno host reset", v->name);
        return;
    }
    v->host_resets++;
    ret = v->ops->reset(v->h);
    if (ret < 0) {
        if (!v->host_reset_errors++) {
            warn_report("%shost reset failed: %s", v->name, g_strerror(-ret));
        }
        vfio_pci_host_error(v, 0);
    } else {
        host_msix_setup(v);
    }
    host_sync_command(v);
}

static Property vfio_pci_props[] = {
    DEFINE_PROP_STRING("host", VFIOPCIDevice, host),
    DEFINE_PROP_STRING("sysfsdev", VFIOPCIDevice, sysfsdev),
    DEFINE_PROP_STRING("mapping", VFIOPCIDevice, mapping),
    DEFINE_PROP_END_OF_LIST(),
};

static void vfio_pci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);
    ZpciHostFnClass *zc = (ZpciHostFnClass *)
        object_class_dynamic_cast(oc, TYPE_ZPCI_HOST_FN);

    dc->desc = "VFIO-based PCI device assignment";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    pc->realize = vfio_pci_realize;
    pc->unrealize = vfio_pci_unrealize;
    pc->reset = vfio_pci_reset;
    pc->config_write = vfio_pci_config_write;
    dc->add_expanded = vfio_pci_add_expanded;
    device_class_set_props(dc, vfio_pci_props);
    object_class_property_set_description(
        oc, "host",
        "host PCI function DDDD:BB:DD.F: a sim-pci-function object's host=, "
        "else /sys/bus/pci/devices/DDDD:BB:DD.F bound to the host's vfio-pci; "
        "or several: DDDD:BB:DD.FUNCS[@VSLOT][,KEY=VALUE...] with FUNCS a "
        "range 0-2, a list 0,3,5, * or P=V maps (one vfio-pci per function)");
    object_class_property_set_description(
        oc, "mapping",
        "how an extended host= maps host functions to guest functions: "
        "identity, least or func0 (default func0)");
    object_class_property_set_description(
        oc, "sysfsdev",
        "a host function bound to the host kernel's vfio-pci, as its sysfs "
        "directory (/sys/bus/pci/devices/DDDD:BB:DD.F); wins over host=");
    zc->attached = vfio_pci_zpci_attached;
    zc->detached = vfio_pci_zpci_detached;
    zc->query = vfio_pci_zpci_query;
    zc->disabled = vfio_pci_zpci_disabled;
}

static const TypeInfo vfio_pci_types[] = {
    {
        .name = TYPE_VFIO_PCI,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(VFIOPCIDevice),
        .class_init = vfio_pci_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_ZPCI_HOST_FN }, {} },
    },
};

DEFINE_TYPES(vfio_pci_types)
