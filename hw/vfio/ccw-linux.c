/*
 * vfio-ccw back end for a real host: a vfio_ccw mediated device of the
 * Linux kernel, named by sysfsdev=/sys/bus/mdev/devices/UUID.
 *
 * Opening it walks the VFIO uAPI (<linux/vfio.h>):
 *   sysfsdev -> its iommu_group link -> group number N;
 *   /dev/vfio/N (the group): must be viable (all its devices bound);
 *   /dev/vfio/vfio (a container): API version, type-1 v2 IOMMU;
 *   the group joins the container, the container gets its IOMMU;
 *   guest RAM is mapped into the container at IOVA = guest absolute
 *   address, so the kernel can pin the pages a channel program uses;
 *   the device fd, from the group, by the mdev's UUID.
 * Regions are read and written with pread/pwrite at the offsets the
 * kernel gives in VFIO_DEVICE_GET_REGION_INFO; interrupts are eventfds
 * set with VFIO_DEVICE_SET_IRQS.
 *
 * The kernel translates the channel program itself: the front end writes
 * the guest's ORB and SCSW into struct ccw_io_region (kernel_translates).
 * The group, the container and the region scan are shared with the
 * vfio-pci back end (hw/vfio/linux-group.c).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/vfio/ccw-backend.h"
#include "hw/vfio/linux-group.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/s390x/css.h"
#include "exec/memory.h"
#include <fcntl.h>
#include <sys/ioctl.h>

/* What to load when /dev/vfio is missing (the hint says) */
#define CCW_MODULES "vfio, vfio_iommu_type1, mdev, vfio_ccw"

struct VFIOCCWHost {
    char *path; /* sysfsdev as given */
    VFIOLinuxGroup *g;
    int device;
    int group_id;
    uint64_t dma_size; /* guest RAM mapped at IOVA 0 */
    uint8_t cssid, ssid;
    uint16_t devno;
    unsigned num_regions;
    unsigned num_irqs;
    VFIOLinuxRegion *regions;
};

/* cssid.ssid from the mdev's parent subchannel (e.g. "0.0.0012") */
static void linux_parent_ids(VFIOCCWHost *h)
{
    g_autofree char *real = realpath(h->path, NULL);
    g_autofree char *parent = NULL;
    g_autofree char *name = NULL;
    unsigned c, s, sch;

    if (!real) {
        return;
    }
    parent = g_path_get_dirname(real);
    name = g_path_get_basename(parent);
    if (sscanf(name, "%x.%x.%x", &c, &s, &sch) == 3 && c <= 0xff && s <= 3) {
        h->cssid = c;
        h->ssid = s;
    }
}

/* The group and its container: shared with any other device of the group */
static bool linux_open_group(VFIOCCWHost *h, Error **errp)
{
    h->group_id = vfio_linux_group_of(h->path, errp);
    if (h->group_id < 0) {
        error_prepend(errp, "vfio: ");
        error_append_hint(errp,
                          "%s is not a VFIO device (is it an mdev of "
                          "vfio_ccw?)\n",
                          h->path);
        return false;
    }
    h->g = vfio_linux_group_get(h->group_id, CCW_MODULES, errp);
    if (!h->g) {
        error_prepend(errp, "vfio: ");
        return false;
    }
    return true;
}

/* Guest RAM into the container: IOVA = guest absolute address */
static bool linux_map_ram(VFIOCCWHost *h, Error **errp)
{
    Object *mobj = qdev_get_machine();
    MachineState *ms = mobj ? (MachineState *)object_dynamic_cast(mobj,
                                                                  TYPE_MACHINE)
                            : NULL;
    struct vfio_iommu_type1_dma_map map = { .argsz = sizeof(map) };

    if (!ms || !ms->ram) {
        return true; /* no guest RAM: nothing the kernel could pin */
    }
    map.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    map.vaddr = (uintptr_t)memory_region_get_ram_ptr(ms->ram);
    map.iova = 0;
    map.size = memory_region_size(ms->ram);
    if (ioctl(h->g->container, VFIO_IOMMU_MAP_DMA, &map)) {
        error_setg_errno(errp, errno,
                         "vfio: failed to map guest RAM (0x%" PRIx64
                         " bytes) into the container of group %d",
                         (uint64_t)map.size, h->group_id);
        return false;
    }
    h->dma_size = map.size;
    return true;
}

static bool linux_scan_regions(VFIOCCWHost *h, Error **errp)
{
    h->regions = g_new0(VFIOLinuxRegion, h->num_regions);
    vfio_linux_scan_regions(h->device, h->num_regions, h->regions);
    if (!h->regions[VFIO_CCW_CONFIG_REGION_INDEX].valid ||
        h->regions[VFIO_CCW_CONFIG_REGION_INDEX].size <
            sizeof(struct ccw_io_region)) {
        error_setg(errp,
                   "vfio: %s: the I/O region (index %d) is missing or "
                   "too small",
                   h->path, VFIO_CCW_CONFIG_REGION_INDEX);
        return false;
    }
    return true;
}

static bool linux_open_device(VFIOCCWHost *h, Error **errp)
{
    struct vfio_device_info info = { .argsz = sizeof(info) };
    g_autofree char *name = g_path_get_basename(h->path);

    h->device = ioctl(h->g->fd, VFIO_GROUP_GET_DEVICE_FD, name);
    if (h->device < 0) {
        error_setg_errno(errp, errno,
                         "vfio: error getting device %s from "
                         "group %d",
                         name, h->group_id);
        error_append_hint(errp,
                          "Verify all devices in group %d are bound to "
                          "vfio_ccw and not already in use\n",
                          h->group_id);
        return false;
    }
    if (ioctl(h->device, VFIO_DEVICE_GET_INFO, &info)) {
        error_setg_errno(errp, errno, "vfio: %s: error getting device info",
                         h->path);
        return false;
    }
    if (!(info.flags & VFIO_DEVICE_FLAGS_CCW)) {
        error_setg(errp, "vfio: this isn't a ccw device");
        return false;
    }
    h->num_regions = info.num_regions;
    h->num_irqs = info.num_irqs;
    if (h->num_irqs <= VFIO_CCW_IO_IRQ_INDEX) {
        error_setg(errp, "vfio: %s: unexpected number of irqs %u", h->path,
                   h->num_irqs);
        return false;
    }
    return linux_scan_regions(h, errp);
}

static void linux_close(VFIOCCWHost *h)
{
    if (h->device >= 0) {
        close(h->device);
    }
    if (h->dma_size) {
        struct vfio_iommu_type1_dma_unmap unmap = {
            .argsz = sizeof(unmap),
            .iova = 0,
            .size = h->dma_size,
        };

        if (ioctl(h->g->container, VFIO_IOMMU_UNMAP_DMA, &unmap)) {
            qemu_log_mask(LOG_GUEST_ERROR, "vfio: unmap guest RAM: %s\n",
                          g_strerror(errno));
        }
    }
    vfio_linux_group_put(h->g);
    g_free(h->regions);
    g_free(h->path);
    g_free(h);
}

static ssize_t linux_region_read(VFIOCCWHost *h, unsigned index, uint64_t off,
                                 void *buf, size_t len);

/* The host subchannel's device number, from the SCHIB region */
static void linux_read_devno(VFIOCCWHost *h)
{
    uint8_t schib[SCHIB_SIZE];
    Schib s;

    for (unsigned i = 0; i < h->num_regions; i++) {
        if (h->regions[i].has_type &&
            h->regions[i].type == VFIO_REGION_TYPE_CCW &&
            h->regions[i].subtype == VFIO_REGION_SUBTYPE_CCW_SCHIB &&
            linux_region_read(h, i, 0, schib, sizeof(schib)) == sizeof(schib)) {
            schib_decode(schib, &s);
            h->devno = s.pmcw.devno;
            return;
        }
    }
}

static VFIOCCWHost *linux_open(const char *hostid, const char *sysfsdev,
                               Error **errp)
{
    VFIOCCWHost *h;

    if (!sysfsdev) {
        error_setg(errp, "the Linux VFIO back end needs sysfsdev=");
        return NULL;
    }
    if (!g_file_test(sysfsdev, G_FILE_TEST_EXISTS)) {
        error_setg_errno(errp, ENOENT, "Host device '%s' not found", sysfsdev);
        return NULL;
    }
    if (!g_file_test(sysfsdev, G_FILE_TEST_IS_DIR)) {
        error_setg(errp, "vfio: %s: not a device directory in sysfs", sysfsdev);
        return NULL;
    }
    h = g_new0(VFIOCCWHost, 1);
    h->path = g_strdup(sysfsdev);
    h->device = -1;
    if (!linux_open_group(h, errp) || !linux_map_ram(h, errp) ||
        !linux_open_device(h, errp)) {
        linux_close(h);
        return NULL;
    }
    linux_parent_ids(h);
    linux_read_devno(h);
    return h;
}

static void linux_get_host_id(VFIOCCWHost *h, uint8_t *cssid, uint8_t *ssid,
                              uint16_t *devno)
{
    *cssid = h->cssid;
    *ssid = h->ssid;
    *devno = h->devno;
}

static bool linux_get_device_info(VFIOCCWHost *h, struct vfio_device_info *info,
                                  Error **errp)
{
    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    if (ioctl(h->device, VFIO_DEVICE_GET_INFO, info)) {
        error_setg_errno(errp, errno, "vfio: %s: error getting device info",
                         h->path);
        return false;
    }
    return true;
}

static bool linux_get_region_info(VFIOCCWHost *h, unsigned index,
                                  struct vfio_region_info *info, Error **errp)
{
    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    info->index = index;
    if (ioctl(h->device, VFIO_DEVICE_GET_REGION_INFO, info)) {
        error_setg_errno(errp, errno, "vfio: %s: error getting region %u info",
                         h->path, index);
        return false;
    }
    return true;
}

static bool linux_get_region_type(VFIOCCWHost *h, unsigned index,
                                  uint32_t *type, uint32_t *subtype)
{
    if (index >= h->num_regions || !h->regions[index].has_type) {
        return false;
    }
    *type = h->regions[index].type;
    *subtype = h->regions[index].subtype;
    return true;
}

static ssize_t linux_region_read(VFIOCCWHost *h, unsigned index, uint64_t off,
                                 void *buf, size_t len)
{
    ssize_t n;

    if (index >= h->num_regions || !h->regions[index].valid ||
        off > h->regions[index].size || len > h->regions[index].size - off) {
        return -EINVAL;
    }
    n = pread(h->device, buf, len, h->regions[index].offset + off);
    return n < 0 ? -errno : n;
}

static ssize_t linux_region_write(VFIOCCWHost *h, unsigned index, uint64_t off,
                                  const void *buf, size_t len)
{
    ssize_t n;

    if (index >= h->num_regions || !h->regions[index].valid ||
        off > h->regions[index].size || len > h->regions[index].size - off) {
        return -EINVAL;
    }
    n = pwrite(h->device, buf, len, h->regions[index].offset + off);
    return n < 0 ? -errno : n;
}

static bool linux_set_irq_eventfd(VFIOCCWHost *h, unsigned irq_index,
                                  int eventfd, Error **errp)
{
    size_t sz = sizeof(struct vfio_irq_set) + sizeof(int32_t);
    g_autofree struct vfio_irq_set *set = g_malloc0(sz);
    int32_t fd = eventfd;

    if (irq_index >= h->num_irqs) {
        error_setg(errp, "vfio: %s: no interrupt %u", h->path, irq_index);
        return false;
    }
    set->argsz = sz;
    set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    set->index = irq_index;
    set->start = 0;
    set->count = 1;
    memcpy(set->data, &fd, sizeof(fd));
    if (ioctl(h->device, VFIO_DEVICE_SET_IRQS, set)) {
        error_setg_errno(errp, errno, "vfio: %s: error setting up interrupt %u",
                         h->path, irq_index);
        return false;
    }
    return true;
}

static bool linux_reset(VFIOCCWHost *h, Error **errp)
{
    if (ioctl(h->device, VFIO_DEVICE_RESET)) {
        error_setg_errno(errp, errno, "vfio: %s: reset", h->path);
        return false;
    }
    return true;
}

const VFIOCCWBackendOps vfio_ccw_linux_ops = {
    .name = "linux",
    .kernel_translates = true,
    .open = linux_open,
    .close = linux_close,
    .get_host_id = linux_get_host_id,
    .get_device_info = linux_get_device_info,
    .get_region_info = linux_get_region_info,
    .get_region_type = linux_get_region_type,
    .region_read = linux_region_read,
    .region_write = linux_region_write,
    .set_irq_eventfd = linux_set_irq_eventfd,
    .reset = linux_reset,
};
