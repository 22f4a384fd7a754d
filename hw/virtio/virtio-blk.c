/*
 * virtio-blk: requests are a 16-byte header (type, priority, sector),
 * data, and a status byte in the last device-writable byte. They run
 * synchronously on the back end. A request without room for the header
 * or the status is a protocol error (the device breaks); a bad sector
 * range, a range that is not whole logical blocks, a write to a read-only
 * back end or an I/O error is status IOERR; an unknown type UNSUPP.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio-blk.h"

#define BLK_HDR_LEN    16
#define BLK_CHUNK      (64 * 1024)
#define BLK_T_BARRIER  0x80000000u
#define CFG_CAPACITY   0
#define CFG_SEG_MAX    12
#define CFG_BLK_SIZE   20
#define CFG_PHYS_EXP   24
#define CFG_MIN_IO     26
#define CFG_OPT_IO     28
#define CFG_WRITEBACK  32
#define CFG_NUM_QUEUES 34
#define CFG_LEN        36

static void blk_get_config(VirtIODevice *vdev)
{
    VirtIOBlock *b = vdev->opaque;

    memset(vdev->config, 0, vdev->config_len);
    virtio_config_set64(vdev, CFG_CAPACITY,
                        blk_getlength(b->blk) / VIRTIO_BLK_SECTOR);
    virtio_config_set32(vdev, CFG_SEG_MAX, b->queue_size - 2);
    virtio_config_set32(vdev, CFG_BLK_SIZE, b->logical_block_size);
    vdev->config[CFG_PHYS_EXP] = __builtin_ctzll(b->physical_block_size /
                                                 b->logical_block_size);
    virtio_config_set16(vdev, CFG_MIN_IO,
                        b->min_io_size / b->logical_block_size);
    virtio_config_set32(vdev, CFG_OPT_IO,
                        b->opt_io_size / b->logical_block_size);
    vdev->config[CFG_WRITEBACK] = b->writeback;
    virtio_config_set16(vdev, CFG_NUM_QUEUES, b->num_queues);
}

static void blk_set_config(VirtIODevice *vdev)
{
    VirtIOBlock *b = vdev->opaque;

    if (virtio_vdev_has_feature(vdev, VIRTIO_BLK_F_CONFIG_WCE)) {
        b->writeback = vdev->config[CFG_WRITEBACK] != 0;
    }
}

/*
 * The sectors [@sector, + @len bytes) exist and are whole logical blocks
 * (the sector number counts 512 bytes whatever the block size).
 */
static bool blk_range_ok(VirtIOBlock *b, uint64_t sector, uint64_t len)
{
    uint64_t cap = blk_getlength(b->blk);
    uint64_t per_block = b->logical_block_size / VIRTIO_BLK_SECTOR;

    return !(len % b->logical_block_size) && !(sector % per_block) &&
           sector <= cap / VIRTIO_BLK_SECTOR &&
           len <= cap - sector * VIRTIO_BLK_SECTOR;
}

/* A block size property: a power of two from 512 B to 2 MiB, QEMU's texts */
static bool blk_size_prop_ok(const char *name, uint64_t v, Error **errp)
{
    if (v & (v - 1)) {
        error_setg(errp,
                   "Property .%s doesn't take value '%" PRIu64
                   "', it's not a power of 2",
                   name, v);
        return false;
    }
    if (v < 512 || v > 2 * MiB) {
        error_setg(errp,
                   "Property .%s doesn't take value %" PRIu64
                   " (minimum: 512, maximum: 2097152)",
                   name, v);
        return false;
    }
    return true;
}

/* 0 is 512; the checks of QEMU's block device configuration */
static bool blk_sizes_ok(VirtIOBlock *b, Error **errp)
{
    if (!b->logical_block_size) {
        b->logical_block_size = VIRTIO_BLK_SECTOR;
    }
    if (!b->physical_block_size) {
        b->physical_block_size = VIRTIO_BLK_SECTOR;
    }
    if (!blk_size_prop_ok("logical_block_size", b->logical_block_size, errp) ||
        !blk_size_prop_ok("physical_block_size", b->physical_block_size,
                          errp)) {
        return false;
    }
    if (b->logical_block_size > b->physical_block_size) {
        error_setg(errp,
                   "logical_block_size > physical_block_size not supported");
        return false;
    }
    if (b->min_io_size % b->logical_block_size) {
        error_setg(errp, "min_io_size must be a multiple of "
                         "logical_block_size");
        return false;
    }
    if (b->opt_io_size % b->logical_block_size) {
        error_setg(errp, "opt_io_size must be a multiple of "
                         "logical_block_size");
        return false;
    }
    if (b->min_io_size / b->logical_block_size > UINT16_MAX ||
        b->opt_io_size / b->logical_block_size > UINT32_MAX) {
        error_setg(errp, "min_io_size or opt_io_size is too large");
        return false;
    }
    return true;
}

/* Read: data into the writable buffers before the status byte. */
static uint8_t blk_do_read(VirtIOBlock *b, VirtQueueElement *e, uint64_t sector,
                           uint32_t *used)
{
    uint64_t len = e->in_len - 1;
    uint64_t off = sector * VIRTIO_BLK_SECTOR;
    g_autofree uint8_t *buf = g_malloc(BLK_CHUNK);

    if (!blk_range_ok(b, sector, len)) {
        blk_account(b->blk, BLOCK_ACCT_READ, off, len, -EINVAL);
        return VIRTIO_BLK_S_IOERR;
    }
    for (uint64_t done = 0; done < len;) {
        size_t n = MIN(BLK_CHUNK, len - done);

        if (blk_pread(b->blk, off + done, buf, n) ||
            virtqueue_elem_write(e, &b->vdev, done, buf, n) != n) {
            blk_account(b->blk, BLOCK_ACCT_READ, off, len, -EIO);
            return VIRTIO_BLK_S_IOERR;
        }
        done += n;
        *used = MIN(done, UINT32_MAX); /* the used length is 32-bit */
    }
    blk_account(b->blk, BLOCK_ACCT_READ, off, len, 0);
    return VIRTIO_BLK_S_OK;
}

static uint8_t blk_do_write(VirtIOBlock *b, VirtQueueElement *e,
                            uint64_t sector)
{
    uint64_t len = e->out_len - BLK_HDR_LEN;
    uint64_t off = sector * VIRTIO_BLK_SECTOR;
    g_autofree uint8_t *buf = g_malloc(BLK_CHUNK);

    if (!blk_range_ok(b, sector, len)) {
        blk_account(b->blk, BLOCK_ACCT_WRITE, off, len, -EINVAL);
        return VIRTIO_BLK_S_IOERR;
    }
    if (blk_is_read_only(b->blk)) {
        /* as QEMU: the write is tried and fails */
        blk_account(b->blk, BLOCK_ACCT_WRITE, off, len, -EACCES);
        return VIRTIO_BLK_S_IOERR;
    }
    for (uint64_t done = 0; done < len;) {
        size_t n = MIN(BLK_CHUNK, len - done);

        if (virtqueue_elem_read(e, &b->vdev, BLK_HDR_LEN + done, buf, n) != n ||
            blk_pwrite(b->blk, off + done, buf, n)) {
            blk_account(b->blk, BLOCK_ACCT_WRITE, off, len, -EIO);
            return VIRTIO_BLK_S_IOERR;
        }
        done += n;
    }
    blk_account(b->blk, BLOCK_ACCT_WRITE, off, len, 0);
    if (!b->writeback && blk_flush(b->blk)) {
        return VIRTIO_BLK_S_IOERR;
    }
    return VIRTIO_BLK_S_OK;
}

static uint8_t blk_do_get_id(VirtIOBlock *b, VirtQueueElement *e,
                             uint32_t *used)
{
    char id[VIRTIO_BLK_ID_LEN] = { 0 };
    size_t n = MIN(e->in_len - 1, sizeof(id));

    if (b->serial) {
        memcpy(id, b->serial, MIN(strlen(b->serial), sizeof(id)));
    }
    if (virtqueue_elem_write(e, &b->vdev, 0, id, n) != n) {
        return VIRTIO_BLK_S_IOERR;
    }
    *used = n;
    return VIRTIO_BLK_S_OK;
}

/* One request; false: the device broke. */
static bool blk_request(VirtIOBlock *b, VirtQueue *vq, VirtQueueElement *e)
{
    VirtIODevice *vdev = &b->vdev;
    uint8_t hdr[BLK_HDR_LEN], status;
    uint32_t type, used = 0;
    uint64_t sector;
    int r;

    if (e->out_len < BLK_HDR_LEN || e->in_len < 1 ||
        virtqueue_elem_read(e, vdev, 0, hdr, sizeof(hdr)) != sizeof(hdr)) {
        virtio_error(vdev, "virtio-blk missing headers");
        g_free(e);
        return false;
    }
    type = virtio_ldl(vdev, hdr) & ~BLK_T_BARRIER;
    sector = virtio_ldq(vdev, hdr + 8);
    switch (type) {
    case VIRTIO_BLK_T_IN:
        status = blk_do_read(b, e, sector, &used);
        break;
    case VIRTIO_BLK_T_OUT:
        status = blk_do_write(b, e, sector);
        break;
    case VIRTIO_BLK_T_FLUSH:
        r = blk_flush(b->blk);
        blk_account(b->blk, BLOCK_ACCT_FLUSH, 0, 0, r);
        status = r ? VIRTIO_BLK_S_IOERR : VIRTIO_BLK_S_OK;
        break;
    case VIRTIO_BLK_T_GET_ID:
        status = blk_do_get_id(b, e, &used);
        break;
    default:
        status = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    virtqueue_elem_write(e, vdev, e->in_len - 1, &status, 1);
    virtqueue_push(vq, e, used + 1);
    return true;
}

static void blk_handle(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOBlock *b = vdev->opaque;
    VirtQueueElement *e;
    bool pushed = false;

    while ((e = virtqueue_pop(vq))) {
        if (!blk_request(b, vq, e)) {
            return;
        }
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

static const char *const write_cache_names[] = {
    [VIRTIO_BLK_WC_OFF] = "off",
    [VIRTIO_BLK_WC_ON] = "on",
    [VIRTIO_BLK_WC_AUTO] = "auto",
    NULL,
};

static const QEnumLookup write_cache_lookup = {
    .array = write_cache_names,
    .size = 3,
};

const PropertyInfo virtio_blk_prop_write_cache =
    QDEV_PROP_ENUM_INFO("OnOffAuto", "on/off/auto", &write_cache_lookup);

/* The mode a reset starts in: write-back unless write-cache=off */
static bool blk_initial_writeback(VirtIOBlock *b)
{
    return b->config_wce && b->write_cache != VIRTIO_BLK_WC_OFF;
}

static void blk_reset(VirtIODevice *vdev)
{
    VirtIOBlock *b = vdev->opaque;

    b->writeback = blk_initial_writeback(b);
}

static const VirtIODeviceOps blk_ops = {
    .get_config = blk_get_config,
    .set_config = blk_set_config,
    .reset = blk_reset,
};

/* block_resize: the capacity in the config changed; tell a running driver */
static void blk_resized(void *opaque)
{
    VirtIOBlock *b = opaque;
    VirtIODevice *vdev = &b->vdev;

    if ((vdev->status & VIRTIO_STATUS_DRIVER_OK) && vdev->transport) {
        vdev->transport->notify(vdev, VIRTIO_CONFIG_VECTOR);
    }
}

bool virtio_blk_realize(VirtIOBlock *b, Error **errp)
{
    uint64_t f = 1ull << VIRTIO_BLK_F_SEG_MAX | 1ull << VIRTIO_BLK_F_BLK_SIZE |
                 1ull << VIRTIO_BLK_F_FLUSH | 1ull << VIRTIO_BLK_F_TOPOLOGY;

    if (!b->drive) {
        error_setg(errp, "drive property not set");
        return false;
    }
    b->blk = blk_by_name(b->drive);
    if (!b->blk) {
        error_setg(errp, "Property '%s.drive' can't find value '%s'",
                   b->type_name, b->drive);
        return false;
    }
    /* num-queues=auto: one queue, unless the transport chose already */
    if (b->num_queues == VIRTIO_BLK_AUTO_NUM_QUEUES) {
        b->num_queues = 1;
    }
    if (!b->num_queues || b->num_queues > VIRTIO_QUEUE_MAX) {
        error_setg(errp,
                   "num-queues property must be larger than 0 and at "
                   "most %d",
                   VIRTIO_QUEUE_MAX);
        return false;
    }
    if (b->queue_size <= 2 || b->queue_size > VIRTQUEUE_MAX_SIZE ||
        (b->queue_size & (b->queue_size - 1))) {
        error_setg(errp,
                   "queue-size property must be a power of 2 "
                   "between 4 and %d",
                   VIRTQUEUE_MAX_SIZE);
        return false;
    }
    if (!blk_sizes_ok(b, errp)) {
        return false;
    }
    if (!blk_attach(b->blk, b->type_name, !blk_is_read_only(b->blk),
                    b->share_rw, errp)) {
        return false;
    }
    f |= b->config_wce ? 1ull << VIRTIO_BLK_F_CONFIG_WCE : 0;
    f |= blk_is_read_only(b->blk) ? 1ull << VIRTIO_BLK_F_RO : 0;
    f |= b->num_queues > 1 ? 1ull << VIRTIO_BLK_F_MQ : 0;
    virtio_init(&b->vdev, "virtio-blk", VIRTIO_ID_BLOCK, CFG_LEN, f, &blk_ops,
                b);
    for (unsigned i = 0; i < b->num_queues; i++) {
        virtio_add_queue(&b->vdev, b->queue_size, blk_handle);
    }
    b->writeback = blk_initial_writeback(b);
    blk_set_resize_cb(b->blk, blk_resized, b);
    return true;
}

void virtio_blk_unrealize(VirtIOBlock *b)
{
    if (b->blk) {
        blk_set_resize_cb(b->blk, NULL, NULL);
        blk_detach(b->blk);
        b->blk = NULL;
    }
    virtio_cleanup(&b->vdev);
}
