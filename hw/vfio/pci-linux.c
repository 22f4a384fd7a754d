/*
 * vfio-pci back end for a real host: a PCI function bound to the Linux
 * kernel's vfio-pci driver, named by host=[DDDD:]BB:DD.F (that is
 * /sys/bus/pci/devices/DDDD:BB:DD.F) or sysfsdev=PATH.
 *
 * Opening it: the function's iommu_group link gives the group, which is
 * opened and put into a type-1 v2 container (hw/vfio/linux-group.c: the
 * functions of one group share them); the device fd comes from the group
 * by the function's name.  Every call of the ops table is then the ioctl,
 * pread or pwrite it names on the device fd or the container (no mmap:
 * every BAR access goes through the region's offset in the device fd).
 * The DMA mappings a function makes are remembered, so that closing it
 * (or an unmap-all) drops only its own from a container it may share.
 * See include/hw/vfio/pci-host.h and docs/devel/vfio-pci-host.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/vfio/linux-group.h"
#include <sys/ioctl.h>
#include <sys/stat.h>

/* What to load when /dev/vfio is missing (the hint says) */
#define PCI_MODULES "vfio, vfio_iommu_type1, vfio_pci"

struct VFIOPCIHost {
    char *devdir; /* the sysfs directory opened */
    char *name;   /* its last component: DDDD:BB:DD.F */
    VFIOPCIHostId id;
    VFIOLinuxGroup *g;
    int device;
    unsigned num_regions;
    VFIOLinuxRegion *regions;
    unsigned irqs_on; /* bit i: eventfds given for irq index i */
    GHashTable *maps; /* iova -> size of this function's DMA mappings */
};

/* The functions open now, by name: each may be opened once */
static GHashTable *open_names;

/* ---- sysfs ---- */

char *vfio_pci_linux_sysfs_path(const char *host, Error **errp)
{
    PciBdfSpec s;
    char *path;

    if (!pci_bdf_parse(host, PCI_BDF_PLUG, &s, errp)) {
        return NULL;
    }
    if (s.multi || s.vslot != PCI_BDF_NO_VSLOT || s.nopts) {
        error_setg(errp, "host '%s' is not one function (DDDD:BB:DD.F)", host);
        pci_bdf_spec_clear(&s);
        return NULL;
    }
    path = g_strdup_printf("%s/bus/pci/devices/%04x:%02x:%02x.%x",
                           vfio_linux_sysfs_root(), s.domain, s.bus, s.slot,
                           s.pfunc[0]);
    pci_bdf_spec_clear(&s);
    return path;
}

bool vfio_pci_linux_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                                 uint8_t slot, uint8_t *present, Error **errp)
{
    *present = 0;
    for (unsigned f = 0; f < 8; f++) {
        g_autofree char *p =
            g_strdup_printf("%s/bus/pci/devices/%04x:%02x:%02x.%x",
                            vfio_linux_sysfs_root(), domain, bus, slot, f);

        if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
            *present |= 1u << f;
        }
    }
    return true;
}

bool vfio_pci_linux_parse_name(const char *name, VFIOPCIHostId *id)
{
    unsigned d, b, s, f;
    int end = 0;

    if (sscanf(name, "%4x:%2x:%2x.%1x%n", &d, &b, &s, &f, &end) != 4 ||
        name[end] || end != 12 || s > 0x1f || f > 7) {
        return false;
    }
    id->domain = d;
    id->bus = b;
    id->slot = s;
    id->func = f;
    return true;
}

/*
 * Why @devdir's function cannot be a VFIO device, for a hint: no
 * vfio-pci in the host kernel, or a function bound to another driver (a
 * driver whose name has "vfio" in it is taken to be a VFIO one).
 */
static char *binding_hint(const char *devdir, const char *name)
{
    g_autofree char *vfio_drv = g_strdup_printf("%s/bus/pci/drivers/vfio-pci",
                                                vfio_linux_sysfs_root());
    g_autofree char *link = g_build_filename(devdir, "driver", NULL);
    g_autofree char *target = g_file_read_link(link, NULL);
    g_autofree char *drv = target ? g_path_get_basename(target) : NULL;

    if (drv && strstr(drv, "vfio")) {
        return NULL;
    }
    if (!g_file_test(vfio_drv, G_FILE_TEST_IS_DIR)) {
        return g_strdup_printf("%s is missing: the host kernel has no "
                               "vfio-pci driver (modprobe vfio-pci)\n",
                               vfio_drv);
    }
    if (drv) {
        return g_strdup_printf("%s is bound to %s, not vfio-pci (%s)\n", name,
                               drv, link);
    }
    return g_strdup_printf("%s is bound to no driver: bind it to vfio-pci "
                           "(%s)\n",
                           name, vfio_drv);
}

/* ---- open / close ---- */

static bool linux_open_device(VFIOPCIHost *h, Error **errp)
{
    struct vfio_device_info info = { .argsz = sizeof(info) };

    h->device = ioctl(h->g->fd, VFIO_GROUP_GET_DEVICE_FD, h->name);
    if (h->device < 0) {
        error_setg_errno(errp, errno, "error getting device %s from group %d",
                         h->name, h->g->id);
        error_append_hint(errp,
                          "Verify all devices in group %d are bound to "
                          "vfio-pci and not already in use\n",
                          h->g->id);
        return false;
    }
    if (ioctl(h->device, VFIO_DEVICE_GET_INFO, &info)) {
        error_setg_errno(errp, errno, "%s: error getting device info",
                         h->devdir);
        return false;
    }
    if (!(info.flags & VFIO_DEVICE_FLAGS_PCI)) {
        error_setg(errp, "%s is not a PCI device (device flags 0x%x)",
                   h->devdir, info.flags);
        return false;
    }
    h->num_regions = info.num_regions;
    h->regions = g_new0(VFIOLinuxRegion, MAX(h->num_regions, 1));
    vfio_linux_scan_regions(h->device, h->num_regions, h->regions);
    if (h->num_regions <= VFIO_PCI_CONFIG_REGION_INDEX ||
        !h->regions[VFIO_PCI_CONFIG_REGION_INDEX].valid) {
        error_setg(errp, "%s: no configuration space region", h->devdir);
        return false;
    }
    return true;
}

static void linux_irqs_off(VFIOPCIHost *h)
{
    for (unsigned i = 0; i < 32; i++) {
        struct vfio_irq_set off = {
            .argsz = sizeof(off),
            .flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
            .index = i,
        };

        if ((h->irqs_on & (1u << i)) &&
            ioctl(h->device, VFIO_DEVICE_SET_IRQS, &off)) {
            qemu_log_mask(LOG_GUEST_ERROR, "vfio %s: irq %u off: %s\n", h->name,
                          i, g_strerror(errno));
        }
    }
    h->irqs_on = 0;
}

/* Unmap one of this function's mappings; its size, 0 when it failed */
static uint64_t linux_unmap_one(VFIOPCIHost *h, uint64_t iova, uint64_t size)
{
    struct vfio_iommu_type1_dma_unmap u = {
        .argsz = sizeof(u),
        .iova = iova,
        .size = size,
    };

    if (ioctl(h->g->container, VFIO_IOMMU_UNMAP_DMA, &u)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "vfio %s: unmap 0x%" PRIx64 "+0x%" PRIx64 ": %s\n",
                      h->name, iova, size, g_strerror(errno));
        return 0;
    }
    return u.size;
}

/* Every mapping this function made (not the others' in its container) */
static uint64_t linux_unmap_own(VFIOPCIHost *h)
{
    GHashTableIter it;
    gpointer key, val;
    uint64_t done = 0;

    g_hash_table_iter_init(&it, h->maps);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        done += linux_unmap_one(h, *(uint64_t *)key, *(uint64_t *)val);
        g_hash_table_iter_remove(&it);
    }
    return done;
}

static void linux_close(VFIOPCIHost *h)
{
    if (h->name && h->g) {
        trace_point("vfio_pci_linux_close", "%s mappings %u", h->name,
                    h->maps ? g_hash_table_size(h->maps) : 0);
    }
    if (h->device >= 0) {
        linux_irqs_off(h);
    }
    if (h->maps) {
        linux_unmap_own(h);
        g_hash_table_destroy(h->maps);
    }
    if (h->device >= 0) {
        close(h->device); /* the kernel resets the function */
    }
    if (h->name && open_names) {
        g_hash_table_remove(open_names, h->name);
    }
    vfio_linux_group_put(h->g);
    g_free(h->regions);
    g_free(h->devdir);
    g_free(h->name);
    g_free(h);
}

static char *strip_slashes(const char *path)
{
    size_t n = strlen(path);

    while (n > 1 && path[n - 1] == '/') {
        n--;
    }
    return g_strndup(path, n);
}

static VFIOPCIHost *linux_open(const char *host, const char *sysfsdev,
                               Error **errp)
{
    g_autofree char *devdir = NULL;
    struct stat st;
    VFIOPCIHost *h;
    int group;

    if (sysfsdev) {
        devdir = strip_slashes(sysfsdev);
    } else if (host) {
        devdir = vfio_pci_linux_sysfs_path(host, errp);
        if (!devdir) {
            return NULL;
        }
    } else {
        error_setg(errp, "the Linux VFIO back end needs host= or sysfsdev=");
        return NULL;
    }
    if (stat(devdir, &st) < 0) {
        error_setg_errno(errp, errno, "no such host device: %s", devdir);
        return NULL;
    }
    if (!S_ISDIR(st.st_mode)) {
        error_setg(errp, "%s: not a device directory in sysfs", devdir);
        return NULL;
    }
    h = g_new0(VFIOPCIHost, 1);
    h->device = -1;
    h->devdir = g_steal_pointer(&devdir);
    h->name = g_path_get_basename(h->devdir);
    vfio_pci_linux_parse_name(h->name, &h->id);
    if (open_names && g_hash_table_contains(open_names, h->name)) {
        error_setg(errp, "Host device '%s' is already in use", h->name);
        g_clear_pointer(&h->name, g_free); /* not ours to unregister */
        linux_close(h);
        return NULL;
    }
    group = vfio_linux_group_of(h->devdir, errp);
    if (group < 0) {
        g_autofree char *hint = binding_hint(h->devdir, h->name);

        error_append_hint(errp, "%s",
                          hint ? hint
                               : "The host has no IOMMU for it "
                                 "(intel_iommu=on, amd_iommu=on?)\n");
        g_clear_pointer(&h->name, g_free);
        linux_close(h);
        return NULL;
    }
    h->id.iommu_group = group;
    h->g = vfio_linux_group_get(group, PCI_MODULES, errp);
    if (!h->g || !linux_open_device(h, errp)) {
        g_autofree char *hint = binding_hint(h->devdir, h->name);
        g_autofree char *noiommu = g_strdup_printf("%s/noiommu-%d",
                                                   vfio_linux_dev_root(),
                                                   group);

        if (hint) {
            error_append_hint(errp, "%s", hint);
        }
        if (!h->g && g_file_test(noiommu, G_FILE_TEST_EXISTS)) {
            error_append_hint(errp,
                              "%s exists: the group is a no-IOMMU one "
                              "(enable_unsafe_noiommu_mode), which cannot "
                              "map DMA; a type-1 IOMMU is needed\n",
                              noiommu);
        }
        g_clear_pointer(&h->name, g_free);
        linux_close(h);
        return NULL;
    }
    h->maps = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                    g_free);
    if (!open_names) {
        open_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           NULL);
    }
    g_hash_table_add(open_names, g_strdup(h->name));
    trace_point("vfio_pci_linux_open", "%s group %d (%u users) regions %u",
                h->devdir, group, h->g->refs, h->num_regions);
    return h;
}

static void linux_get_host_id(VFIOPCIHost *h, VFIOPCIHostId *id)
{
    *id = h->id;
}

/* ---- device, regions, interrupts: the ioctls as they are ---- */

static int linux_ioctl(int fd, unsigned long req, void *arg)
{
    return ioctl(fd, req, arg) < 0 ? -errno : 0;
}

static int linux_get_device_info(VFIOPCIHost *h, struct vfio_device_info *info)
{
    return linux_ioctl(h->device, VFIO_DEVICE_GET_INFO, info);
}

static int linux_get_region_info(VFIOPCIHost *h, struct vfio_region_info *info)
{
    return linux_ioctl(h->device, VFIO_DEVICE_GET_REGION_INFO, info);
}

static const VFIOLinuxRegion *linux_region(VFIOPCIHost *h, unsigned index,
                                           uint64_t off, size_t len)
{
    const VFIOLinuxRegion *r;

    if (index >= h->num_regions) {
        return NULL;
    }
    r = &h->regions[index];
    if (!r->valid || !r->size || off >= r->size || len > r->size - off) {
        return NULL;
    }
    return r;
}

static ssize_t linux_region_read(VFIOPCIHost *h, unsigned index, uint64_t off,
                                 void *buf, size_t len)
{
    const VFIOLinuxRegion *r = linux_region(h, index, off, len);
    ssize_t n;

    if (!r) {
        return -EINVAL;
    }
    n = pread(h->device, buf, len, r->offset + off);
    n = n < 0 ? -errno : n;
    if (n != (ssize_t)len) {
        trace_point("vfio_pci_linux_region_error",
                    "%s read index %u off 0x%" PRIx64 " len %zu: %zd", h->name,
                    index, off, len, n);
    }
    return n;
}

static ssize_t linux_region_write(VFIOPCIHost *h, unsigned index, uint64_t off,
                                  const void *buf, size_t len)
{
    const VFIOLinuxRegion *r = linux_region(h, index, off, len);
    ssize_t n;

    if (!r) {
        return -EINVAL;
    }
    n = pwrite(h->device, buf, len, r->offset + off);
    n = n < 0 ? -errno : n;
    if (n != (ssize_t)len) {
        trace_point("vfio_pci_linux_region_error",
                    "%s write index %u off 0x%" PRIx64 " len %zu: %zd", h->name,
                    index, off, len, n);
    }
    return n;
}

static int linux_get_irq_info(VFIOPCIHost *h, struct vfio_irq_info *info)
{
    return linux_ioctl(h->device, VFIO_DEVICE_GET_IRQ_INFO, info);
}

static int linux_set_irqs(VFIOPCIHost *h, const struct vfio_irq_set *set)
{
    int ret = linux_ioctl(h->device, VFIO_DEVICE_SET_IRQS, (void *)set);

    trace_point("vfio_pci_linux_set_irqs",
                "%s index %u flags 0x%x start %u count %u: %d", h->name,
                set->index, set->flags, set->start, set->count, ret);

    if (ret == 0 && set->index < 32 &&
        (set->flags & VFIO_IRQ_SET_ACTION_TRIGGER)) {
        if ((set->flags & VFIO_IRQ_SET_DATA_EVENTFD) && set->count) {
            h->irqs_on |= 1u << set->index;
        } else if ((set->flags & VFIO_IRQ_SET_DATA_NONE) && !set->count) {
            h->irqs_on &= ~(1u << set->index);
        }
    }
    return ret;
}

static int linux_reset(VFIOPCIHost *h)
{
    int ret = ioctl(h->device, VFIO_DEVICE_RESET) < 0 ? -errno : 0;

    trace_point("vfio_pci_linux_reset", "%s: %d", h->name, ret);
    return ret;
}

/* ---- the container ---- */

static int linux_get_iommu_info(VFIOPCIHost *h,
                                struct vfio_iommu_type1_info *info)
{
    return linux_ioctl(h->g->container, VFIO_IOMMU_GET_INFO, info);
}

static int linux_dma_map(VFIOPCIHost *h,
                         const struct vfio_iommu_type1_dma_map *map)
{
    int ret = linux_ioctl(h->g->container, VFIO_IOMMU_MAP_DMA, (void *)map);

    trace_point("vfio_pci_linux_dma_map",
                "%s iova 0x%" PRIx64 " size 0x%" PRIx64 " flags 0x%x: %d",
                h->name, (uint64_t)map->iova, (uint64_t)map->size, map->flags,
                ret);

    if (ret == 0) {
        uint64_t *iova = g_new(uint64_t, 1);
        uint64_t *size = g_new(uint64_t, 1);

        *iova = map->iova;
        *size = map->size;
        g_hash_table_insert(h->maps, iova, size);
    }
    return ret;
}

static gboolean map_inside(gpointer key, gpointer val, gpointer opaque)
{
    const uint64_t *range = opaque; /* iova, last */
    uint64_t iova = *(uint64_t *)key;

    return iova >= range[0] && iova <= range[1];
}

static int linux_dma_unmap(VFIOPCIHost *h,
                           struct vfio_iommu_type1_dma_unmap *unmap)
{
    uint64_t *own;
    int ret;

    if (unmap->flags & VFIO_DMA_UNMAP_FLAG_ALL) {
        if (unmap->iova || unmap->size ||
            (unmap->flags & ~VFIO_DMA_UNMAP_FLAG_ALL)) {
            return -EINVAL;
        }
        /* only this function's: the container may be its group's */
        unmap->size = linux_unmap_own(h);
        return 0;
    }
    ret = linux_ioctl(h->g->container, VFIO_IOMMU_UNMAP_DMA, unmap);
    trace_point("vfio_pci_linux_dma_unmap",
                "%s iova 0x%" PRIx64 " unmapped 0x%" PRIx64 ": %d", h->name,
                (uint64_t)unmap->iova, (uint64_t)unmap->size, ret);
    if (ret < 0 || !unmap->size) {
        return ret;
    }
    own = g_hash_table_lookup(h->maps, &unmap->iova);
    if (own && *own == unmap->size) {
        g_hash_table_remove(h->maps, &unmap->iova); /* one frame: the usual */
    } else {
        uint64_t range[2] = { unmap->iova, unmap->iova + unmap->size - 1 };

        g_hash_table_foreach_remove(h->maps, map_inside, range);
    }
    return 0;
}

const VFIOPCIHostOps vfio_pci_linux_ops = {
    .name = "linux",
    .open = linux_open,
    .close = linux_close,
    .get_host_id = linux_get_host_id,
    .slot_present = vfio_pci_linux_slot_present,
    .get_device_info = linux_get_device_info,
    .get_region_info = linux_get_region_info,
    .region_read = linux_region_read,
    .region_write = linux_region_write,
    .get_irq_info = linux_get_irq_info,
    .set_irqs = linux_set_irqs,
    .reset = linux_reset,
    .get_iommu_info = linux_get_iommu_info,
    .dma_map = linux_dma_map,
    .dma_unmap = linux_dma_unmap,
};
