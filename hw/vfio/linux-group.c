/*
 * The IOMMU group and container of the Linux VFIO back ends, shared by
 * every device of a group (refcounted); see include/hw/vfio/linux-group.h.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/vfio/linux-group.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

/* ---- where /sys and /dev/vfio are ---- */

/* @var's value, or @dflt; read once per variable */
static const char *env_root(gsize *once, char **val, const char *var,
                            const char *dflt)
{
    if (g_once_init_enter(once)) {
        const char *v = g_getenv(var);

        *val = g_strdup(v && *v ? v : dflt);
        g_once_init_leave(once, 1);
    }
    return *val;
}

const char *vfio_linux_sysfs_root(void)
{
    static gsize once;
    static char *root;

    return env_root(&once, &root, "QEMU_VFIO_SYSFS_ROOT", "/sys");
}

const char *vfio_linux_dev_root(void)
{
    static gsize once;
    static char *root;

    return env_root(&once, &root, "QEMU_VFIO_DEV_ROOT", "/dev/vfio");
}

char *vfio_linux_container_path(void)
{
    return g_build_filename(vfio_linux_dev_root(), "vfio", NULL);
}

/* ---- sysfs: the device's group ---- */

int vfio_linux_group_of(const char *devdir, Error **errp)
{
    g_autofree char *link = g_build_filename(devdir, "iommu_group", NULL);
    g_autofree char *target = NULL;
    g_autofree char *base = NULL;
    g_autoptr(GError) gerr = NULL;
    char *end;
    long n;

    target = g_file_read_link(link, &gerr);
    if (!target) {
        int err = gerr && gerr->domain == G_FILE_ERROR &&
                          gerr->code == G_FILE_ERROR_NOENT
                      ? ENOENT
                      : EINVAL;

        error_setg_errno(errp, err, "%s: no iommu_group found", devdir);
        return -1;
    }
    base = g_path_get_basename(target);
    errno = 0;
    n = strtol(base, &end, 10);
    if (errno || end == base || *end || n < 0 || n > INT_MAX) {
        error_setg(errp, "%s: iommu_group link '%s' does not name a group",
                   devdir, target);
        return -1;
    }
    return n;
}

/* ---- /dev/vfio ---- */

int vfio_linux_open_node(const char *path, const char *modules, Error **errp)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    struct stat st;

    if (fd < 0) {
        int err = errno;
        g_autofree char *container = vfio_linux_container_path();

        error_setg_errno(errp, err, "failed to open %s", path);
        if (err == EACCES || err == EPERM) {
            error_append_hint(errp,
                              "The user running the emulator needs "
                              "read and write access to %s\n",
                              path);
        } else if (err == ENOENT &&
                   !g_file_test(container, G_FILE_TEST_EXISTS)) {
            error_append_hint(errp,
                              "%s is missing too: the host kernel has no VFIO "
                              "(modules %s)\n",
                              container, modules);
        }
        return -1;
    }
    if (fstat(fd, &st) == 0 && !S_ISCHR(st.st_mode)) {
        error_setg(errp, "%s is not a character device", path);
        close(fd);
        return -1;
    }
    return fd;
}

/* Every group open now, by number: a group may be opened only once */
static GHashTable *groups;

static bool group_check_viable(VFIOLinuxGroup *g, Error **errp)
{
    struct vfio_group_status st = { .argsz = sizeof(st) };

    if (ioctl(g->fd, VFIO_GROUP_GET_STATUS, &st)) {
        error_setg_errno(errp, errno, "error getting group %d status", g->id);
        return false;
    }
    if (!(st.flags & VFIO_GROUP_FLAGS_VIABLE)) {
        error_setg(errp, "group %d is not viable", g->id);
        error_append_hint(errp,
                          "Please ensure all devices within the iommu_group "
                          "are bound to their vfio bus driver.\n");
        return false;
    }
    return true;
}

static bool group_set_container(VFIOLinuxGroup *g, const char *modules,
                                Error **errp)
{
    g_autofree char *path = vfio_linux_container_path();
    int version;

    g->container = vfio_linux_open_node(path, modules, errp);
    if (g->container < 0) {
        return false;
    }
    version = ioctl(g->container, VFIO_GET_API_VERSION);
    if (version != VFIO_API_VERSION) {
        error_setg(errp, "supported vfio version: %d, reported version: %d",
                   VFIO_API_VERSION, version);
        return false;
    }
    if (ioctl(g->container, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0) {
        error_setg(errp,
                   "%s: no type-1 v2 IOMMU (vfio_iommu_type1 not loaded?)",
                   path);
        return false;
    }
    if (ioctl(g->fd, VFIO_GROUP_SET_CONTAINER, &g->container)) {
        error_setg_errno(errp, errno, "failed to setup container for group %d",
                         g->id);
        return false;
    }
    g->in_container = true;
    if (ioctl(g->container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU)) {
        error_setg_errno(errp, errno, "failed to set iommu for container");
        return false;
    }
    return true;
}

static void group_free(VFIOLinuxGroup *g)
{
    if (g->in_container && ioctl(g->fd, VFIO_GROUP_UNSET_CONTAINER)) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio: group %d: unset container: %s\n",
                      g->id, g_strerror(errno));
    }
    if (g->fd >= 0) {
        close(g->fd);
    }
    if (g->container >= 0) {
        close(g->container);
    }
    g_free(g);
}

VFIOLinuxGroup *vfio_linux_group_get(int id, const char *modules, Error **errp)
{
    g_autofree char *path = NULL;
    VFIOLinuxGroup *g;

    if (!groups) {
        groups = g_hash_table_new(NULL, NULL);
    }
    g = g_hash_table_lookup(groups, GINT_TO_POINTER(id));
    if (g) {
        g->refs++;
        return g;
    }
    g = g_new0(VFIOLinuxGroup, 1);
    g->id = id;
    g->container = -1;
    path = g_strdup_printf("%s/%d", vfio_linux_dev_root(), id);
    g->fd = vfio_linux_open_node(path, modules, errp);
    if (g->fd < 0 || !group_check_viable(g, errp) ||
        !group_set_container(g, modules, errp)) {
        group_free(g);
        return NULL;
    }
    g->refs = 1;
    g_hash_table_insert(groups, GINT_TO_POINTER(id), g);
    return g;
}

void vfio_linux_group_put(VFIOLinuxGroup *g)
{
    if (!g || --g->refs) {
        return;
    }
    g_hash_table_remove(groups, GINT_TO_POINTER(g->id));
    group_free(g);
}

unsigned vfio_linux_group_count(void)
{
    return groups ? g_hash_table_size(groups) : 0;
}

/* ---- the device's regions ---- */

/* The VFIO_REGION_INFO_CAP_TYPE of @ri (argsz bytes), if it has one */
static void region_type(const struct vfio_region_info *ri, VFIOLinuxRegion *r)
{
    uint32_t off = ri->cap_offset;

    if (!(ri->flags & VFIO_REGION_INFO_FLAG_CAPS)) {
        return;
    }
    /* a chain moves forward inside the buffer; 64 links at most */
    for (int n = 0;
         off >= sizeof(*ri) &&
         off + sizeof(struct vfio_info_cap_header) <= ri->argsz && n < 64;
         n++) {
        const struct vfio_info_cap_header *hdr =
            (const void *)((const uint8_t *)ri + off);

        if (hdr->id == VFIO_REGION_INFO_CAP_TYPE &&
            off + sizeof(struct vfio_region_info_cap_type) <= ri->argsz) {
            const struct vfio_region_info_cap_type *t = (const void *)hdr;

            r->has_type = true;
            r->type = t->type;
            r->subtype = t->subtype;
            return;
        }
        if (hdr->next <= off) {
            return;
        }
        off = hdr->next;
    }
}

static struct vfio_region_info *region_info(int device, unsigned index)
{
    uint32_t argsz = sizeof(struct vfio_region_info);
    struct vfio_region_info *ri;

    for (int tries = 0; tries < 3; tries++) {
        ri = g_malloc0(argsz);
        ri->argsz = argsz;
        ri->index = index;
        if (ioctl(device, VFIO_DEVICE_GET_REGION_INFO, ri)) {
            g_free(ri);
            return NULL;
        }
        if (ri->argsz <= argsz) {
            ri->argsz = argsz;
            return ri;
        }
        argsz = ri->argsz;
        g_free(ri);
    }
    return NULL;
}

void vfio_linux_scan_regions(int device, unsigned n, VFIOLinuxRegion *regions)
{
    for (unsigned i = 0; i < n; i++) {
        g_autofree struct vfio_region_info *ri = region_info(device, i);
        VFIOLinuxRegion *r = &regions[i];

        *r = (VFIOLinuxRegion){ 0 };
        if (!ri) {
            continue; /* a hole: the region stays invalid */
        }
        r->valid = true;
        r->flags = ri->flags;
        r->size = ri->size;
        r->offset = ri->offset;
        region_type(ri, r);
    }
}
