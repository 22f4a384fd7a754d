/*
 * The shared frame of the fake VFIO kernels (see vfio-fake-common.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "vfio-fake-common.h"

#define NFD 4096

static bool is_device[NFD];

int vfio_fake_fail(int err)
{
    errno = err;
    return -1;
}

static bool fake_is_device(int fd)
{
    return fd >= 0 && fd < NFD && is_device[fd];
}

/* 0/1: group 7, the container; -1: not a fake node */
static int fake_node(int fd)
{
    struct stat st;

    if (fd < 0 || fstat(fd, &st) || !S_ISCHR(st.st_mode) ||
        major(st.st_rdev) != 1) {
        return -1;
    }
    return minor(st.st_rdev) == 3 ? 0 : minor(st.st_rdev) == 7 ? 1 : -1;
}

static int group_ioctl(unsigned long req, void *arg)
{
    const char *name = vfio_fake_device.name;
    int fd;

    switch (req) {
    case VFIO_GROUP_GET_STATUS:
        ((struct vfio_group_status *)arg)->flags = VFIO_GROUP_FLAGS_VIABLE;
        return 0;
    case VFIO_GROUP_SET_CONTAINER:
    case VFIO_GROUP_UNSET_CONTAINER:
        return 0;
    case VFIO_GROUP_GET_DEVICE_FD:
        if (name && strcmp(arg, name)) {
            return vfio_fake_fail(ENODEV);
        }
        fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (fd < 0 || fd >= NFD) {
            return vfio_fake_fail(EMFILE);
        }
        is_device[fd] = true;
        return fd;
    default:
        return vfio_fake_fail(ENOTTY);
    }
}

static int container_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_GET_API_VERSION:
        return VFIO_API_VERSION;
    case VFIO_CHECK_EXTENSION:
        return (uintptr_t)arg == VFIO_TYPE1v2_IOMMU;
    case VFIO_SET_IOMMU:
        return 0;
    default:
        if (vfio_fake_device.container_ioctl) {
            return vfio_fake_device.container_ioctl(req, arg);
        }
        if (req == VFIO_IOMMU_MAP_DMA || req == VFIO_IOMMU_UNMAP_DMA) {
            return 0;
        }
        return vfio_fake_fail(ENOTTY);
    }
}

static int device_ioctl(unsigned long req, void *arg)
{
    const VFIOFakeDevice *dev = &vfio_fake_device;

    switch (req) {
    case VFIO_DEVICE_GET_INFO: {
        struct vfio_device_info *info = arg;

        if (info->argsz < offsetof(struct vfio_device_info, cap_offset)) {
            return vfio_fake_fail(EINVAL);
        }
        info->flags = dev->flags;
        info->num_regions = dev->num_regions;
        info->num_irqs = dev->num_irqs;
        return 0;
    }
    case VFIO_DEVICE_GET_REGION_INFO: {
        struct vfio_region_info *ri = arg;

        if (ri->argsz < sizeof(*ri) || ri->index >= dev->num_regions) {
            return vfio_fake_fail(EINVAL);
        }
        ri->offset = (uint64_t)ri->index << VFIO_FAKE_REGION_SHIFT;
        ri->cap_offset = 0;
        return dev->region_info(ri);
    }
    case VFIO_DEVICE_GET_IRQ_INFO: {
        struct vfio_irq_info *ii = arg;

        if (ii->argsz < sizeof(*ii) || ii->index >= dev->num_irqs) {
            return vfio_fake_fail(EINVAL);
        }
        ii->flags = VFIO_IRQ_INFO_EVENTFD;
        ii->count = dev->irq_count(ii->index);
        return 0;
    }
    case VFIO_DEVICE_SET_IRQS:
        return dev->set_irqs(arg);
    case VFIO_DEVICE_RESET:
        if (dev->reset) {
            dev->reset();
        }
        return 0;
    default:
        return vfio_fake_fail(ENOTTY);
    }
}

int ioctl(int fd, unsigned long req, ...)
{
    static bool initialised;
    va_list ap;
    void *arg;
    int node;

    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    if (!initialised) {
        initialised = true;
        if (vfio_fake_device.init) {
            vfio_fake_device.init();
        }
    }
    if (fake_is_device(fd)) {
        return device_ioctl(req, arg);
    }
    node = fake_node(fd);
    if (node == 0) {
        return group_ioctl(req, arg);
    }
    if (node == 1) {
        return container_ioctl(req, arg);
    }
    return syscall(SYS_ioctl, fd, req, arg);
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
    if (!fake_is_device(fd)) {
        return syscall(SYS_pread64, fd, buf, n, off);
    }
    return vfio_fake_device
        .read((uint64_t)off >> VFIO_FAKE_REGION_SHIFT,
              off & ((UINT64_C(1) << VFIO_FAKE_REGION_SHIFT) - 1), buf, n);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    if (!fake_is_device(fd)) {
        return syscall(SYS_pwrite64, fd, buf, n, off);
    }
    return vfio_fake_device
        .write((uint64_t)off >> VFIO_FAKE_REGION_SHIFT,
               off & ((UINT64_C(1) << VFIO_FAKE_REGION_SHIFT) - 1), buf, n);
}
