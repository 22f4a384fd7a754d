/*
 * A fake vfio_ccw kernel for the emulator, loaded with LD_PRELOAD by
 * vfio-ccw-linux-test: it defines ioctl(), pread64() and pwrite64(),
 * answers the VFIO requests on the nodes of a fake /dev/vfio and passes
 * everything else to the real system calls.  As in vfio-fake-kernel.c,
 * the group node links to /dev/null (group 7) and the container node to
 * /dev/full, told apart by device number; the device fd is one more
 * /dev/null the fake remembers.
 *
 * The one mdev, as Linux's vfio_ccw presents it: the I/O region, the
 * async command region, the SCHIB region (device number 0x1234, path
 * 0x80) and the CRW region (no CRW), the I/O, CRW and request interrupts
 * as eventfds.  Its subchannel completes at once: a start function (the
 * function control in the SCSW area) ends with channel end and device
 * end, the CPA after the ORB's first CCW; HSCH ends with device end and
 * secondary status, CSCH with status pending alone, both with a CPA that
 * is a "host" address (0x0bad0008: the kernel's last program).  Each
 * function the fake performs is logged, one line each ("start", "hsch",
 * "csch"), to the file VFIO_FAKE_CCW_LOG names; VFIO_FAKE_CCW_HSCH_ERRNO
 * and VFIO_FAKE_CCW_CSCH_ERRNO make the async region's write fail with
 * that errno instead (as the kernel's ret_code).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#define NFD          4096
#define REGION_SHIFT 40
#define NREGIONS     4 /* I/O, async, SCHIB, CRW */
#define HOST_CPA     0x0bad0008u

static bool is_device[NFD];
static struct ccw_io_region io;
static struct ccw_cmd_region async_cmd;
static uint8_t schib[52];
static struct ccw_crw_region crw;
static int irq_fd[VFIO_CCW_NUM_IRQS] = { -1, -1, -1 };

static int fail(int err)
{
    errno = err;
    return -1;
}

static void be16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static void be32(uint8_t *p, uint32_t v)
{
    be16(p, v >> 16);
    be16(p + 2, v);
}

static void fake_init(void)
{
    static bool done;

    if (done) {
        return;
    }
    done = true;
    schib[5] = 0x01;         /* device number valid */
    be16(schib + 6, 0x1234); /* device number */
    schib[8] = 0x80;         /* lpm */
    schib[11] = 0x80;        /* pim */
    schib[14] = 0xff;        /* pom */
    schib[15] = 0x80;        /* pam */
    schib[16] = 0x42;        /* chpid 0 */
}

static void log_function(const char *what)
{
    const char *path = getenv("VFIO_FAKE_CCW_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;

    if (f) {
        fprintf(f, "%s\n", what);
        fclose(f);
    }
}

/* The subchannel's status (an IRB's SCSW) and its I/O interruption */
static void complete(uint16_t ctrl, uint32_t cpa, uint8_t dstat)
{
    uint64_t one = 1;

    memset(io.irb_area, 0, sizeof(io.irb_area));
    be16(io.irb_area + 2, ctrl);
    be32(io.irb_area + 4, cpa);
    io.irb_area[8] = dstat;
    if (irq_fd[VFIO_CCW_IO_IRQ_INDEX] >= 0 &&
        write(irq_fd[VFIO_CCW_IO_IRQ_INDEX], &one, sizeof(one)) < 0) {
        io.ret_code = -EIO;
    }
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
    switch (req) {
    case VFIO_GROUP_GET_STATUS:
        ((struct vfio_group_status *)arg)->flags = VFIO_GROUP_FLAGS_VIABLE;
        return 0;
    case VFIO_GROUP_SET_CONTAINER:
    case VFIO_GROUP_UNSET_CONTAINER:
        return 0;
    case VFIO_GROUP_GET_DEVICE_FD: {
        int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

        if (fd < 0 || fd >= NFD) {
            return fail(EMFILE);
        }
        is_device[fd] = true;
        return fd;
    }
    default:
        return fail(ENOTTY);
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
    case VFIO_IOMMU_MAP_DMA:
    case VFIO_IOMMU_UNMAP_DMA:
        return 0;
    default:
        return fail(ENOTTY);
    }
}

static const uint32_t region_size[NREGIONS] = {
    sizeof(io),
    sizeof(async_cmd),
    sizeof(schib),
    sizeof(crw),
};

static const uint32_t region_subtype[NREGIONS] = {
    0,
    VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD,
    VFIO_REGION_SUBTYPE_CCW_SCHIB,
    VFIO_REGION_SUBTYPE_CCW_CRW,
};

static int region_info(struct vfio_region_info *ri)
{
    struct vfio_region_info_cap_type cap = {
        .header.id = VFIO_REGION_INFO_CAP_TYPE,
        .header.version = 1,
        .type = VFIO_REGION_TYPE_CCW,
    };
    uint32_t need = sizeof(*ri) + sizeof(cap);

    if (ri->argsz < sizeof(*ri) || ri->index >= NREGIONS) {
        return fail(EINVAL);
    }
    ri->offset = (uint64_t)ri->index << REGION_SHIFT;
    ri->size = region_size[ri->index];
    ri->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
    ri->cap_offset = 0;
    if (!ri->index) {
        return 0;
    }
    /* the others have a type: the caller retries with room for it */
    ri->flags |= VFIO_REGION_INFO_FLAG_CAPS;
    if (ri->argsz < need) {
        ri->argsz = need;
        return 0;
    }
    cap.subtype = region_subtype[ri->index];
    ri->cap_offset = sizeof(*ri);
    memcpy((uint8_t *)ri + sizeof(*ri), &cap, sizeof(cap));
    return 0;
}

static int device_ioctl(unsigned long req, void *arg)
{
    switch (req) {
    case VFIO_DEVICE_GET_INFO: {
        struct vfio_device_info *info = arg;

        if (info->argsz < offsetof(struct vfio_device_info, cap_offset)) {
            return fail(EINVAL);
        }
        info->flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
        info->num_regions = NREGIONS;
        info->num_irqs = VFIO_CCW_NUM_IRQS;
        return 0;
    }
    case VFIO_DEVICE_GET_REGION_INFO:
        return region_info(arg);
    case VFIO_DEVICE_GET_IRQ_INFO: {
        struct vfio_irq_info *ii = arg;

        if (ii->argsz < sizeof(*ii) || ii->index >= VFIO_CCW_NUM_IRQS) {
            return fail(EINVAL);
        }
        ii->flags = VFIO_IRQ_INFO_EVENTFD;
        ii->count = 1;
        return 0;
    }
    case VFIO_DEVICE_SET_IRQS: {
        struct vfio_irq_set *s = arg;
        int32_t fd = -1;

        if (s->index >= VFIO_CCW_NUM_IRQS) {
            return fail(EINVAL);
        }
        if ((s->flags & VFIO_IRQ_SET_DATA_EVENTFD) && s->count == 1) {
            memcpy(&fd, s->data, sizeof(fd));
        }
        irq_fd[s->index] = fd;
        return 0;
    }
    case VFIO_DEVICE_RESET:
        return 0;
    default:
        return fail(ENOTTY);
    }
}

int ioctl(int fd, unsigned long req, ...)
{
    va_list ap;
    void *arg;
    int node;

    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    fake_init();
    if (fd >= 0 && fd < NFD && is_device[fd]) {
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

static uint8_t *region(off_t off, size_t n, unsigned *index)
{
    static uint8_t *const base[NREGIONS] = {
        (uint8_t *)&io,
        (uint8_t *)&async_cmd,
        schib,
        (uint8_t *)&crw,
    };
    uint64_t at = off & ((UINT64_C(1) << REGION_SHIFT) - 1);

    *index = (uint64_t)off >> REGION_SHIFT;
    if (*index >= NREGIONS || at > region_size[*index] ||
        n > region_size[*index] - at) {
        return NULL;
    }
    return base[*index] + at;
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
    unsigned index;
    uint8_t *p;

    if (fd < 0 || fd >= NFD || !is_device[fd]) {
        return syscall(SYS_pread64, fd, buf, n, off);
    }
    p = region(off, n, &index);
    if (!p) {
        return fail(EINVAL);
    }
    memcpy(buf, p, n);
    return n;
}

/* The errno a knob names for @cmd (0: none) */
static int cmd_errno(const char *var)
{
    const char *v = getenv(var);

    return v ? atoi(v) : 0;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    unsigned index;
    uint8_t *p;
    int err;

    if (fd < 0 || fd >= NFD || !is_device[fd]) {
        return syscall(SYS_pwrite64, fd, buf, n, off);
    }
    p = region(off, n, &index);
    if (!p || index == 2 || index == 3) {
        return fail(EINVAL);
    }
    if (index == 0) {
        if (n != sizeof(io)) {
            return fail(EINVAL);
        }
        memcpy(&io, buf, n);
        if (!(io.scsw_area[2] & 0x40)) {
            return n; /* no start function: the kernel does nothing */
        }
        log_function("start");
        complete(0x4007,
                 ((uint32_t)io.orb_area[8] << 24 | io.orb_area[9] << 16 |
                  io.orb_area[10] << 8 | io.orb_area[11]) +
                     8,
                 0x0c);
        return n;
    }
    if (n != sizeof(async_cmd)) {
        return fail(EINVAL);
    }
    memcpy(&async_cmd, buf, n);
    switch (async_cmd.command) {
    case VFIO_CCW_ASYNC_CMD_HSCH:
        err = cmd_errno("VFIO_FAKE_CCW_HSCH_ERRNO");
        if (err) {
            return fail(err);
        }
        log_function("hsch");
        complete(0x2003, HOST_CPA, 0x04);
        return n;
    case VFIO_CCW_ASYNC_CMD_CSCH:
        err = cmd_errno("VFIO_FAKE_CCW_CSCH_ERRNO");
        if (err) {
            return fail(err);
        }
        log_function("csch");
        complete(0x1001, HOST_CPA, 0);
        return n;
    default:
        return fail(EINVAL);
    }
}
