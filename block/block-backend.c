/*
 * Raw block back ends for -drive and -blockdev: a file or host block
 * device opened read-only or read-write, found by name, with QEMU's
 * image locking. A device that attaches declares the permissions it
 * uses (consistent read, write) and those it does not share (write,
 * unless share-rw); each is a one-byte OFD read lock, at 100 + bit for
 * a permission held and 200 + bit for one not shared, and a conflicting
 * lock of another open file description refuses the attach.
 */
#include "qemu/osdep.h"
#include "qemu/fdset.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "sysemu/block-backend.h"
#include "block/block-internal.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/fs.h>

#define LOCK_PERM_BASE   100
#define LOCK_SHARED_BASE 200
#define PERM_READ        0 /* bit numbers: consistent read */
#define PERM_WRITE       1
#define PERM_COUNT       5

static const char *const perm_names[PERM_COUNT] = {
    "consistent read", "write", "write unchanged", "resize", "change children",
};

static GHashTable *blk_table;
static GPtrArray *blk_list; /* in creation order, for the QMP queries */
static unsigned blk_auto_names;

const GPtrArray *blk_all(void)
{
    return blk_list;
}

/* QEMU's form of a node name it makes up: "#block" and a number */
static char *blk_auto_node_name(void)
{
    return g_strdup_printf("#block%03u", 100 + blk_auto_names++);
}

BlockBackend *blk_by_name(const char *name)
{
    return blk_table && name ? g_hash_table_lookup(blk_table, name) : NULL;
}

static BlockBackend *blk_root(BlockBackend *blk)
{
    return blk->file ? blk->file : blk;
}

/* False: the name is taken. */
static bool blk_register(BlockBackend *blk)
{
    if (!blk_table) {
        blk_table = g_hash_table_new(g_str_hash, g_str_equal);
    }
    if (g_hash_table_contains(blk_table, blk->name)) {
        return false;
    }
    g_hash_table_insert(blk_table, blk->name, blk);
    if (!blk_list) {
        blk_list = g_ptr_array_new();
    }
    g_ptr_array_add(blk_list, blk);
    return true;
}

static void blk_free(BlockBackend *blk)
{
    if (blk->fd >= 0 && !blk->file) {
        close(blk->fd);
    }
    g_free(blk->name);
    g_free(blk->filename);
    g_free(blk->drive_node);
    g_free(blk->drive_file_node);
    g_free(blk->qdev);
    g_free(blk);
}

/* Open @filename; @host_device: it must be a block or character device */
static BlockBackend *blk_open(const char *name, const char *filename,
                              bool read_only, bool host_device, Error **errp)
{
    BlockBackend *blk;
    struct stat st;
    /* a name /dev/fdset/N: a descriptor from -add-fd */
    int fd = qemu_open_fdset(filename, read_only ? O_RDONLY : O_RDWR, 0);

    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", filename);
        return NULL;
    }
    if (fstat(fd, &st) < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", filename);
        close(fd);
        return NULL;
    }
    if (host_device && !S_ISBLK(st.st_mode) && !S_ISCHR(st.st_mode)) {
        error_setg(errp,
                   "'host_device' driver requires '%s' to be either "
                   "a character or block device",
                   filename);
        close(fd);
        return NULL;
    }
    blk = g_new0(BlockBackend, 1);
    blk->name = g_strdup(name);
    blk->filename = g_strdup(filename);
    blk->fd = fd;
    blk->read_only = read_only;
    blk->length = st.st_size;
    blk->actual_size = S_ISREG(st.st_mode) ? (uint64_t)st.st_blocks * 512 : 0;
    blk->driver = host_device ? "host_device" : "file";
    if (S_ISBLK(st.st_mode) && ioctl(fd, BLKGETSIZE64, &blk->length) < 0) {
        blk->length = 0;
    }
    return blk;
}

/* ---- -drive ---- */

static const char *const drive_keys[] = {
    "file",  "if",  "id",      "format",        "readonly", "media",
    "cache", "aio", "discard", "detect-zeroes", NULL
};

static bool drive_check_keys(JsonObject *o, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(o);

    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(drive_keys, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
    }
    return true;
}

bool blk_drive_add(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) o = qemu_opts_parse_legacy(arg, NULL, NULL, errp);
    const char *file, *iface, *id, *format, *media;
    bool ro = false;
    BlockBackend *blk;

    if (!o || !drive_check_keys(o, errp)) {
        return false;
    }
    file = keyval_get_str(o, "file");
    iface = keyval_get_str(o, "if");
    id = keyval_get_str(o, "id");
    format = keyval_get_str(o, "format");
    media = keyval_get_str(o, "media");
    if (!iface || strcmp(iface, "none")) {
        error_setg(errp,
                   "if=%s is not supported by this program: use "
                   "if=none and -device virtio-blk-ccw,drive=ID",
                   iface ? iface : "(default)");
        return false;
    }
    if (!id || !id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        return false;
    }
    if (media && strcmp(media, "disk")) {
        error_setg(errp, "media=%s is not supported by this program", media);
        return false;
    }
    if (format && strcmp(format, "raw")) {
        error_setg(errp,
                   "'%s' invalid format: only 'raw' is supported "
                   "by this program",
                   format);
        return false;
    }
    if (!file || !*file) {
        error_setg(errp, "a drive without a medium (file=) is not "
                         "supported by this program");
        return false;
    }
    if (keyval_get_str(o, "readonly") &&
        !qapi_bool_parse("readonly", keyval_get_str(o, "readonly"), &ro,
                         errp)) {
        return false;
    }
    if (!format) {
        warn_report("Image format was not specified for '%s' and probing "
                    "guessed raw.",
                    file);
    }
    blk = blk_open(id, file, ro, false, errp);
    if (!blk) {
        return false;
    }
    blk->is_drive = true;
    blk->drive_node = blk_auto_node_name();
    blk->drive_file_node = blk_auto_node_name();
    if (!blk_register(blk)) {
        error_setg(errp, "Duplicate ID '%s' for drive", id);
        blk_free(blk);
        return false;
    }
    return true;
}

/* ---- -blockdev ---- */

/* A boolean member: JSON true/false or an on/off string. */
static bool bd_bool(JsonObject *o, const char *key, bool *v, Error **errp)
{
    JsonNode *n = json_object_get_member(o, key);

    if (!n) {
        return true;
    }
    if (JSON_NODE_HOLDS_VALUE(n) &&
        json_node_get_value_type(n) == G_TYPE_BOOLEAN) {
        *v = json_node_get_boolean(n);
        return true;
    }
    if (JSON_NODE_HOLDS_VALUE(n) &&
        json_node_get_value_type(n) == G_TYPE_STRING) {
        return qapi_bool_parse(key, json_node_get_string(n), v, errp);
    }
    error_setg(errp, "Invalid parameter type for '%s', expected: boolean", key);
    return false;
}

static const char *const blockdev_keys[] = {
    "driver",    "node-name",      "filename",      "file",
    "read-only", "auto-read-only", "discard",       "locking",
    "aio",       "cache",          "detect-zeroes", NULL
};

static bool blockdev_check_keys(JsonObject *o, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(o);

    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(blockdev_keys, m->data)) {
            error_setg(errp, "Parameter '%s' is unexpected", (char *)m->data);
            return false;
        }
    }
    return true;
}

/* driver=raw over the file node named by file= */
static BlockBackend *blockdev_raw(JsonObject *o, const char *name, bool ro,
                                  Error **errp)
{
    const char *child = keyval_get_str(o, "file");
    BlockBackend *file = blk_by_name(child), *blk;

    if (!child) {
        error_setg(errp, "Parameter 'file' is missing");
        return NULL;
    }
    if (!file) {
        error_setg(errp, "Cannot find device='' nor node-name='%s'", child);
        return NULL;
    }
    if (!ro && file->read_only) {
        error_setg(errp, "Block node is read-only");
        return NULL;
    }
    blk = g_new0(BlockBackend, 1);
    blk->name = g_strdup(name);
    blk->filename = g_strdup(file->filename);
    blk->fd = file->fd;
    blk->read_only = ro;
    blk->length = file->length;
    blk->actual_size = file->actual_size;
    blk->driver = "raw";
    blk->file = file;
    return blk;
}

bool blk_blockdev_add(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) o = keyval_parse_any(arg, NULL, NULL, NULL, errp);

    return o && blk_blockdev_add_obj(o, errp);
}

bool blk_blockdev_add_obj(JsonObject *o, Error **errp)
{
    const char *driver, *name, *filename;
    bool ro = false;
    BlockBackend *blk;

    if (!blockdev_check_keys(o, errp) || !bd_bool(o, "read-only", &ro, errp)) {
        return false;
    }
    driver = keyval_get_str(o, "driver");
    name = keyval_get_str(o, "node-name");
    filename = keyval_get_str(o, "filename");
    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return false;
    }
    if (!name || !id_wellformed(name)) {
        error_setg(errp, "A block device needs a node-name (an identifier) "
                         "with this program");
        return false;
    }
    if (!strcmp(driver, "raw")) {
        blk = blockdev_raw(o, name, ro, errp);
    } else if (!strcmp(driver, "file") || !strcmp(driver, "host_device")) {
        if (!filename) {
            error_setg(errp, "Parameter 'filename' is missing");
            return false;
        }
        blk = blk_open(name, filename, ro, !strcmp(driver, "host_device"),
                       errp);
    } else {
        error_setg(errp,
                   "Invalid parameter '%s' (driver: only file, "
                   "host_device and raw are supported by this program)",
                   driver);
        return false;
    }
    if (!blk) {
        return false;
    }
    if (!blk_register(blk)) {
        error_setg(errp, "Duplicate nodes with node-name='%s'", name);
        blk_free(blk);
        return false;
    }
    return true;
}

/*
 * QEMU 7.2's checks in its order: a node a device uses, then one another
 * node (a raw node's file) uses.
 */
bool blk_blockdev_del(const char *name, Error **errp)
{
    BlockBackend *blk = blk_by_name(name);

    if (!blk || blk->is_drive) {
        error_setg(errp, "Failed to find node with node-name='%s'", name);
        return false;
    }
    if (blk->attached) {
        error_setg(errp, "Node %s is in use", name);
        return false;
    }
    for (guint i = 0; i < blk_list->len; i++) {
        BlockBackend *other = blk_list->pdata[i];

        if (other->file == blk) {
            error_setg(errp, "Block device %s is in use", name);
            return false;
        }
    }
    g_hash_table_remove(blk_table, blk->name);
    g_ptr_array_remove(blk_list, blk);
    blk_free(blk);
    return true;
}

/* ---- devices ---- */

static int lock_byte(int fd, int type, int cmd, off_t at)
{
    struct flock fl = {
        .l_type = type,
        .l_whence = SEEK_SET,
        .l_start = at,
        .l_len = 1,
    };

    if (fcntl(fd, cmd, &fl) < 0) {
        return -errno;
    }
    return cmd == F_OFD_GETLK ? fl.l_type != F_UNLCK : 0;
}

/* Does another open file description hold byte @at? */
static bool lock_taken(int fd, off_t at)
{
    return lock_byte(fd, F_WRLCK, F_OFD_GETLK, at) > 0;
}

bool blk_attach(BlockBackend *blk, const char *name, bool write, bool share_rw,
                Error **errp)
{
    BlockBackend *root = blk_root(blk);
    unsigned perm = 1u << PERM_READ | (write ? 1u << PERM_WRITE : 0);
    unsigned unshared = share_rw ? 0 : 1u << PERM_WRITE;

    if (blk->attached) {
        error_setg(errp,
                   "Property '%s.drive' can't take value '%s', it's "
                   "in use",
                   name, blk->name);
        return false;
    }
    for (int i = 0; i < PERM_COUNT; i++) {
        bool need = (perm & (1u << i)) &&
                    lock_taken(root->fd, LOCK_SHARED_BASE + i);
        bool deny = (unshared & (1u << i)) &&
                    lock_taken(root->fd, LOCK_PERM_BASE + i);

        if (need) {
            error_setg(errp, "Failed to get \"%s\" lock", perm_names[i]);
        } else if (deny) {
            error_setg(errp, "Failed to get shared \"%s\" lock", perm_names[i]);
        }
        if (need || deny) {
            error_append_hint(errp,
                              "Is another process using the image "
                              "[%s]?\n",
                              root->filename);
            return false;
        }
    }
    for (int i = 0; i < PERM_COUNT; i++) {
        if (perm & (1u << i)) {
            lock_byte(root->fd, F_RDLCK, F_OFD_SETLK, LOCK_PERM_BASE + i);
        }
        if (unshared & (1u << i)) {
            lock_byte(root->fd, F_RDLCK, F_OFD_SETLK, LOCK_SHARED_BASE + i);
        }
    }
    blk->attached = true;
    return true;
}

void blk_detach(BlockBackend *blk)
{
    BlockBackend *root = blk_root(blk);

    for (int i = 0; i < PERM_COUNT; i++) {
        lock_byte(root->fd, F_UNLCK, F_OFD_SETLK, LOCK_PERM_BASE + i);
        lock_byte(root->fd, F_UNLCK, F_OFD_SETLK, LOCK_SHARED_BASE + i);
    }
    blk->attached = false;
    g_clear_pointer(&blk->qdev, g_free);
}

void blk_set_qdev(BlockBackend *blk, const char *path)
{
    g_free(blk->qdev);
    blk->qdev = g_strdup(path);
}

void blk_set_resize_cb(BlockBackend *blk, void (*fn)(void *), void *opaque)
{
    blk->resized = fn;
    blk->resized_opaque = opaque;
}

bool blk_resize(const char *device, const char *node, int64_t size,
                Error **errp)
{
    BlockBackend *blk = NULL, *root;
    struct stat st;

    /* QEMU looks for the BlockBackend first, then for the node */
    if (device && (blk = blk_by_name(device)) && !blk->is_drive) {
        blk = NULL;
    }
    if (!blk && node && (blk = blk_by_name(node)) && blk->is_drive) {
        blk = NULL;
    }
    if (!blk) {
        error_setg(errp, "Cannot find device='%s' nor node-name='%s'",
                   device ? device : "", node ? node : "");
        return false;
    }
    if (size < 0) {
        error_setg(errp, "Parameter 'size' expects a >0 size");
        return false;
    }
    root = blk_root(blk);
    if (blk->read_only || root->read_only) {
        error_setg(errp, "Image is read-only");
        return false;
    }
    if (fstat(root->fd, &st) == 0 && !S_ISREG(st.st_mode)) {
        error_setg(errp, "Cannot grow device files");
        return false;
    }
    if (ftruncate(root->fd, size) < 0) {
        error_setg_errno(errp, errno, "Failed to resize '%s'", root->filename);
        return false;
    }
    for (guint i = 0; i < blk_list->len; i++) {
        BlockBackend *b = blk_list->pdata[i];

        if (blk_root(b) == root) {
            b->length = size;
            if (fstat(root->fd, &st) == 0) {
                b->actual_size = (uint64_t)st.st_blocks * 512;
            }
            if (b->attached && b->resized) {
                b->resized(b->resized_opaque);
            }
        }
    }
    return true;
}

void blk_account(BlockBackend *blk, BlockAcctType type, uint64_t offset,
                 uint64_t bytes, int result)
{
    BlockAcctStats *st = &blk->stats;

    switch (type) {
    case BLOCK_ACCT_READ:
        if (result == -EINVAL) {
            st->invalid_rd++;
        } else if (result) {
            st->failed_rd++;
        } else {
            st->rd_ops++;
            st->rd_bytes += bytes;
        }
        break;
    case BLOCK_ACCT_WRITE:
        if (result == -EINVAL) {
            st->invalid_wr++;
        } else if (result) {
            st->failed_wr++;
        } else {
            st->wr_ops++;
            st->wr_bytes += bytes;
            st->wr_highest = MAX(st->wr_highest, offset + bytes);
        }
        break;
    case BLOCK_ACCT_FLUSH:
        if (result) {
            st->failed_flush++;
        } else {
            st->flush_ops++;
        }
        break;
    }
}

bool blk_is_read_only(const BlockBackend *blk)
{
    return blk->read_only;
}

uint64_t blk_getlength(const BlockBackend *blk)
{
    return blk->length;
}

int blk_pread(BlockBackend *blk, uint64_t off, void *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = pread(blk->fd, (uint8_t *)buf + done, len - done,
                          off + done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return -errno;
        }
        if (n == 0) {
            memset((uint8_t *)buf + done, 0, len - done); /* past the end */
            break;
        }
        done += n;
    }
    return 0;
}

int blk_pwrite(BlockBackend *blk, uint64_t off, const void *buf, size_t len)
{
    size_t done = 0;

    if (blk->read_only) {
        return -EACCES;
    }
    while (done < len) {
        ssize_t n = pwrite(blk->fd, (const uint8_t *)buf + done, len - done,
                           off + done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return n < 0 ? -errno : -EIO;
        }
        done += n;
    }
    return 0;
}

int blk_flush(BlockBackend *blk)
{
    return fdatasync(blk->fd) < 0 ? -errno : 0;
}
