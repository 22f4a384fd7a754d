/*
 * Hercules CKD_P370 image files: header, create, open, track I/O.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sim/ckd-image.h"

#include <fcntl.h>
#include <sys/stat.h>

static void ckd_header_build(uint8_t *hdr)
{
    memset(hdr, 0, CKD_HDR_SIZE);
    memcpy(hdr, CKD_HDR_MAGIC, 8);
    hdr[8] = CKD_3390_HEADS; /* little-endian 32 */
    hdr[12] = CKD_3390_SLOT & 0xff;
    hdr[13] = (CKD_3390_SLOT >> 8) & 0xff;
    hdr[16] = CKD_3390_DEVTYPE;
    /* 17: file sequence 0 (single file); 18..19: high cylinder 0 */
}

static bool ckd_pwrite_all(int fd, const void *buf, size_t len, off_t off)
{
    const uint8_t *p = buf;

    while (len) {
        ssize_t n = pwrite(fd, p, len, off);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        p += n;
        len -= n;
        off += n;
    }
    return true;
}

static bool ckd_pread_all(int fd, void *buf, size_t len, off_t off)
{
    uint8_t *p = buf;

    while (len) {
        ssize_t n = pread(fd, p, len, off);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return false;
        }
        if (n == 0) { /* past EOF of a short file: zeros */
            memset(p, 0, len);
            return true;
        }
        p += n;
        len -= n;
        off += n;
    }
    return true;
}

static off_t ckd_track_offset(uint32_t track)
{
    return CKD_HDR_SIZE + (off_t)track * CKD_3390_SLOT;
}

/* errno values meaning "this file system or kernel has no OFD locks" */
static bool ckd_lock_unsupported(int err)
{
    return err == EINVAL || err == ENOLCK || err == EOPNOTSUPP ||
           err == ENOTSUP;
}

/*
 * One OFD lock over the whole file (@exclusive: a write lock, else a
 * read lock); 0 or an errno value. OFD locks belong to the open file
 * description, so two opens conflict even inside one process.
 */
static int ckd_ofd_lock(int fd, bool exclusive)
{
    struct flock fl = {
        .l_type = exclusive ? F_WRLCK : F_RDLCK,
        .l_whence = SEEK_SET,
    };

    return fcntl(fd, F_OFD_SETLK, &fl) == 0 ? 0 : errno;
}

static bool ckd_image_fill(int fd, uint32_t cyls, const char *volser)
{
    g_autofree uint8_t *trk = g_malloc(CKD_3390_SLOT);
    uint32_t tracks = cyls * CKD_3390_HEADS;
    uint8_t hdr[CKD_HDR_SIZE];
    uint32_t used;

    ckd_header_build(hdr);
    if (!ckd_pwrite_all(fd, hdr, sizeof(hdr), 0)) {
        return false;
    }
    if (ftruncate(fd, ckd_track_offset(tracks)) < 0) {
        return false;
    }
    ckd_track_format_volume(trk, CKD_3390_SLOT, volser);
    used = ckd_track_used(trk, CKD_3390_SLOT);
    if (!ckd_pwrite_all(fd, trk, used, ckd_track_offset(0))) {
        return false;
    }
    for (uint32_t t = 1; t < tracks; t++) {
        ckd_track_format_empty(trk, CKD_3390_SLOT, t / CKD_3390_HEADS,
                               t % CKD_3390_HEADS);
        used = ckd_track_used(trk, CKD_3390_SLOT);
        if (!ckd_pwrite_all(fd, trk, used, ckd_track_offset(t))) {
            return false;
        }
    }
    return true;
}

static bool ckd_volser_valid(const char *volser)
{
    size_t n = volser ? strlen(volser) : 0;

    if (n < 1 || n > 6) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!g_ascii_isalnum(volser[i]) && !strchr("@#$", volser[i])) {
            return false;
        }
    }
    return true;
}

bool ckd_image_create(const char *path, uint32_t cyls, const char *volser,
                      Error **errp)
{
    int fd;

    if (!ckd_volser_valid(volser)) {
        error_setg(
            errp,
            "invalid volume serial '%s': 1 to 6 letters, digits, @, # or $",
            volser ?: "");
        return false;
    }
    if (cyls < 1 || cyls > CKD_MAX_CYLS) {
        error_setg(errp, "invalid cylinder count %" PRIu32, cyls);
        return false;
    }
    fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not create '%s'", path);
        return false;
    }
    /* keep other openers out of the half-written file (best effort) */
    ckd_ofd_lock(fd, true);
    if (!ckd_image_fill(fd, cyls, volser)) {
        error_setg_errno(errp, errno, "Could not write '%s'", path);
        close(fd);
        unlink(path);
        return false;
    }
    close(fd);
    return true;
}

static bool ckd_header_check(const char *path, const uint8_t *hdr, off_t fsize,
                             uint32_t *cyls, Error **errp)
{
    uint32_t heads = hdr[8] | hdr[9] << 8 | hdr[10] << 16 |
                     (uint32_t)hdr[11] << 24;
    uint32_t slot = hdr[12] | hdr[13] << 8 | hdr[14] << 16 |
                    (uint32_t)hdr[15] << 24;
    off_t whole;

    if (memcmp(hdr, "CKD_C370", 8) == 0) {
        error_setg(errp, "'%s': compressed CKD images are not supported", path);
        return false;
    }
    if (memcmp(hdr, CKD_HDR_MAGIC, 8) != 0) {
        error_setg(errp, "'%s' is not a CKD image (no CKD_P370 header)", path);
        return false;
    }
    if (hdr[17] != 0 || hdr[18] != 0 || hdr[19] != 0) {
        error_setg(
            errp,
            "'%s' is part %u of a multi-file CKD image; multi-file images are not supported (create it with "
            "dasdinit -lfs)",
            path, hdr[17]);
        return false;
    }
    if (hdr[16] != CKD_3390_DEVTYPE || heads != CKD_3390_HEADS ||
        slot != CKD_3390_SLOT) {
        error_setg(errp,
                   "'%s' is not a 3390 image (device type %02x, %" PRIu32
                   " heads, track size %" PRIu32 ")",
                   path, hdr[16], heads, slot);
        return false;
    }
    /* count in off_t: a huge file must not wrap to a small volume */
    whole = (fsize - CKD_HDR_SIZE) / ((off_t)slot * heads);
    if (whole < 1 || whole > CKD_MAX_CYLS) {
        error_setg(errp, "'%s' has an invalid size", path);
        return false;
    }
    *cyls = whole;
    return true;
}

/* Writers lock exclusively, readers shared; conflicts as QEMU words them */
static bool ckd_image_lock(CkdImage *img, CkdLocking mode, Error **errp)
{
    int err;

    if (mode == CKD_LOCKING_OFF) {
        return true;
    }
    err = ckd_ofd_lock(img->fd, !img->readonly);
    if (!err) {
        img->locked = true;
        return true;
    }
    if (err == EAGAIN || err == EACCES) {
        error_setg(errp, img->readonly ? "Failed to get shared \"write\" lock"
                                       : "Failed to get \"write\" lock");
        error_append_hint(errp, "Is another process using the image [%s]?\n",
                          img->path);
        return false;
    }
    if (mode == CKD_LOCKING_AUTO && ckd_lock_unsupported(err)) {
        return true;
    }
    error_setg_errno(errp, err, "Failed to lock '%s'", img->path);
    return false;
}

CkdImage *ckd_image_open_opts(const char *path, const CkdOpenOpts *opts,
                              Error **errp)
{
    uint8_t hdr[CKD_HDR_SIZE];
    struct stat st;
    uint32_t cyls;
    CkdImage *img;
    int fd;

    /* O_NONBLOCK: a FIFO must not hang the open; no effect on files */
    fd = open(path,
              (opts->readonly ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return NULL;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        error_setg(errp, "'%s' is not a regular file", path);
        close(fd);
        return NULL;
    }
    img = g_new0(CkdImage, 1);
    img->fd = fd;
    img->readonly = opts->readonly;
    img->cache = opts->cache;
    img->path = g_strdup(path);
    img->heads = CKD_3390_HEADS;
    img->slot = CKD_3390_SLOT;
    if (!ckd_image_lock(img, opts->locking, errp)) {
        ckd_image_close(img);
        return NULL;
    }
    if (st.st_size < CKD_HDR_SIZE ||
        pread(fd, hdr, sizeof(hdr), 0) != sizeof(hdr)) {
        error_setg(errp, "'%s' is not a CKD image (too short)", path);
        ckd_image_close(img);
        return NULL;
    }
    if (!ckd_header_check(path, hdr, st.st_size, &cyls, errp)) {
        ckd_image_close(img);
        return NULL;
    }
    img->cyls = cyls;
    return img;
}

CkdImage *ckd_image_open(const char *path, bool readonly, Error **errp)
{
    CkdOpenOpts opts = {
        .readonly = readonly,
        .locking = CKD_LOCKING_AUTO,
        .cache = CKD_CACHE_WRITETHROUGH,
    };

    return ckd_image_open_opts(path, &opts, errp);
}

bool ckd_image_sync(CkdImage *img, bool closing, Error **errp)
{
    bool wanted = img->cache == CKD_CACHE_WRITETHROUGH ||
                  (closing && img->cache == CKD_CACHE_WRITEBACK);

    if (!img->dirty || !wanted) {
        return true;
    }
    img->syncs++;
    if (fdatasync(img->fd) < 0) {
        error_setg_errno(errp, errno, "'%s': could not sync the image",
                         img->path);
        return false;
    }
    img->dirty = false;
    return true;
}

void ckd_image_close(CkdImage *img)
{
    if (img) {
        /* closing the last descriptor of the description drops the lock */
        ckd_image_sync(img, true, NULL);
        close(img->fd);
        g_free(img->path);
        g_free(img);
    }
}

static bool ckd_image_check_track(CkdImage *img, uint32_t cyl, uint32_t head,
                                  Error **errp)
{
    if (cyl >= img->cyls || head >= img->heads) {
        error_setg(errp,
                   "'%s': track %" PRIu32 "/%" PRIu32 " is outside the volume",
                   img->path, cyl, head);
        return false;
    }
    return true;
}

bool ckd_image_read_track(CkdImage *img, uint32_t cyl, uint32_t head,
                          uint8_t *buf, Error **errp)
{
    if (!ckd_image_check_track(img, cyl, head, errp)) {
        return false;
    }
    if (!ckd_pread_all(img->fd, buf, img->slot,
                       ckd_track_offset(cyl * img->heads + head))) {
        error_setg_errno(errp, errno, "'%s': read error", img->path);
        return false;
    }
    return true;
}

bool ckd_image_write_track(CkdImage *img, uint32_t cyl, uint32_t head,
                           const uint8_t *buf, Error **errp)
{
    if (img->readonly) {
        error_setg(errp, "'%s' is read-only", img->path);
        return false;
    }
    if (!ckd_image_check_track(img, cyl, head, errp)) {
        return false;
    }
    img->dirty = true;
    if (!ckd_pwrite_all(img->fd, buf, img->slot,
                        ckd_track_offset(cyl * img->heads + head))) {
        error_setg_errno(errp, errno, "'%s': write error", img->path);
        return false;
    }
    return true;
}
