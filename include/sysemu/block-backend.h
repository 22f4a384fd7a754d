/*
 * Block back ends: raw images the -drive and -blockdev options open, by
 * name (the -drive id or the -blockdev node-name), for the devices that
 * take drive=. Only raw data: a file or a host block device, read-only
 * or read-write, with QEMU's image locking (byte-range locks at offsets
 * 100 + permission and 200 + permission of the image, taken when a
 * device attaches). docs/system/s390x/virtio.rst describes the options.
 */
#ifndef SYSEMU_BLOCK_BACKEND_H
#define SYSEMU_BLOCK_BACKEND_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

typedef struct BlockBackend BlockBackend;

/* -drive file=...,if=none,id=...[,format=raw][,readonly=on] */
bool blk_drive_add(const char *arg, Error **errp);
/* -blockdev {"driver":"file"|"host_device"|"raw", ...} or keyval form */
bool blk_blockdev_add(const char *arg, Error **errp);
/* The same from QMP blockdev-add's arguments */
bool blk_blockdev_add_obj(JsonObject *o, Error **errp);
/* QMP blockdev-del: a -blockdev node no device and no node uses */
bool blk_blockdev_del(const char *name, Error **errp);

BlockBackend *blk_by_name(const char *name);
/*
 * Attach @blk to a device: take the image locks (@write: the device
 * writes; @share_rw: others may write too). One device per back end.
 */
bool blk_attach(BlockBackend *blk, const char *name, bool write, bool share_rw,
                Error **errp);
void blk_detach(BlockBackend *blk);
/* The QOM path query-block reports as the attached device's ("qdev") */
void blk_set_qdev(BlockBackend *blk, const char *path);
/* @fn(@opaque) runs after the image under @blk changed its size (NULL: none) */
void blk_set_resize_cb(BlockBackend *blk, void (*fn)(void *), void *opaque);
/*
 * QMP block_resize: the image of the -drive @device, or else of the node
 * @node-name, becomes @size bytes (ftruncate); every node over the same
 * file sees the new length and its device is told (blk_set_resize_cb).
 */
bool blk_resize(const char *device, const char *node, int64_t size,
                Error **errp);

/* A device's request, for query-blockstats; @result 0, -EINVAL for a
 * request the device refused as invalid, else the error */
typedef enum BlockAcctType {
    BLOCK_ACCT_READ,
    BLOCK_ACCT_WRITE,
    BLOCK_ACCT_FLUSH,
} BlockAcctType;
void blk_account(BlockBackend *blk, BlockAcctType type, uint64_t offset,
                 uint64_t bytes, int result);

bool blk_is_read_only(const BlockBackend *blk);
uint64_t blk_getlength(const BlockBackend *blk);
/* 0 or -errno */
int blk_pread(BlockBackend *blk, uint64_t off, void *buf, size_t len);
int blk_pwrite(BlockBackend *blk, uint64_t off, const void *buf, size_t len);
int blk_flush(BlockBackend *blk);

#endif
