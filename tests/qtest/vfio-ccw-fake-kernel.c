/*
 * A fake vfio_ccw kernel for the emulator, loaded with LD_PRELOAD by
 * vfio-ccw-linux-test, over the frame of vfio-fake-common.c (the fake
 * /dev/vfio, its group and container, the calls passed through).
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
 * that errno instead (as the kernel's ret_code).  The host's path state
 * may change under the guest: each read of the SCHIB region first takes
 * the file VFIO_FAKE_CCW_PATHS names, if it holds "PNOM LPUM PAM POM N"
 * (hex bytes, N the SCSW's path-not-operational flag, 0 or 1); "EIO"
 * there makes the read fail with EIO.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/vfio_ccw.h>
#include "vfio-fake-common.h"

#define NREGIONS 4 /* I/O, async, SCHIB, CRW */
#define HOST_CPA 0x0bad0008u

static struct ccw_io_region io;
static struct ccw_cmd_region async_cmd;
static uint8_t schib[52];
static struct ccw_crw_region crw;
static int irq_fd[VFIO_CCW_NUM_IRQS] = { -1, -1, -1 };

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

    ri->size = region_size[ri->index];
    ri->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
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

static uint32_t irq_count(uint32_t index)
{
    (void)index;
    return 1;
}

static int set_irqs(struct vfio_irq_set *s)
{
    int32_t fd = -1;

    if (s->index >= VFIO_CCW_NUM_IRQS) {
        return vfio_fake_fail(EINVAL);
    }
    if ((s->flags & VFIO_IRQ_SET_DATA_EVENTFD) && s->count == 1) {
        memcpy(&fd, s->data, sizeof(fd));
    }
    irq_fd[s->index] = fd;
    return 0;
}

static uint8_t *region(unsigned index, uint64_t at, size_t n)
{
    static uint8_t *const base[NREGIONS] = {
        (uint8_t *)&io,
        (uint8_t *)&async_cmd,
        schib,
        (uint8_t *)&crw,
    };

    if (index >= NREGIONS || at > region_size[index] ||
        n > region_size[index] - at) {
        return NULL;
    }
    return base[index] + at;
}

/* The SCHIB region's path state from VFIO_FAKE_CCW_PATHS (see above) */
static int update_paths(void)
{
    const char *path = getenv("VFIO_FAKE_CCW_PATHS");
    FILE *f = path ? fopen(path, "r") : NULL;
    unsigned pnom, lpum, pam, pom, pno;
    char word[8] = "";
    int err = 0;

    if (!f) {
        return 0;
    }
    if (fscanf(f, "%x %x %x %x %x", &pnom, &lpum, &pam, &pom, &pno) == 5) {
        schib[9] = pnom;
        schib[10] = lpum;
        schib[15] = pam;
        schib[14] = pom;
        schib[29] = pno ? 0x01 : 0; /* SCSW word 0 bit 15 */
    } else if (!fseek(f, 0, SEEK_SET) && fscanf(f, "%7s", word) == 1 &&
               !strcmp(word, "EIO")) {
        err = EIO;
    }
    fclose(f);
    return err;
}

static ssize_t region_read(unsigned index, uint64_t at, void *buf, size_t n)
{
    uint8_t *p = region(index, at, n);
    int err = index == 2 ? update_paths() : 0;

    if (err) {
        return vfio_fake_fail(err);
    }

    if (!p) {
        return vfio_fake_fail(EINVAL);
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

static ssize_t region_write(unsigned index, uint64_t at, const void *buf,
                            size_t n)
{
    uint8_t *p = region(index, at, n);
    int err;

    if (!p || index == 2 || index == 3) {
        return vfio_fake_fail(EINVAL);
    }
    if (index == 0) {
        if (n != sizeof(io)) {
            return vfio_fake_fail(EINVAL);
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
        return vfio_fake_fail(EINVAL);
    }
    memcpy(&async_cmd, buf, n);
    switch (async_cmd.command) {
    case VFIO_CCW_ASYNC_CMD_HSCH:
        err = cmd_errno("VFIO_FAKE_CCW_HSCH_ERRNO");
        if (err) {
            return vfio_fake_fail(err);
        }
        log_function("hsch");
        complete(0x2003, HOST_CPA, 0x04);
        return n;
    case VFIO_CCW_ASYNC_CMD_CSCH:
        err = cmd_errno("VFIO_FAKE_CCW_CSCH_ERRNO");
        if (err) {
            return vfio_fake_fail(err);
        }
        log_function("csch");
        complete(0x1001, HOST_CPA, 0);
        return n;
    default:
        return vfio_fake_fail(EINVAL);
    }
}

const VFIOFakeDevice vfio_fake_device = {
    .flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET,
    .num_regions = NREGIONS,
    .num_irqs = VFIO_CCW_NUM_IRQS,
    .init = fake_init,
    .region_info = region_info,
    .irq_count = irq_count,
    .set_irqs = set_irqs,
    .read = region_read,
    .write = region_write,
};
