/*
 * virtio-blk (device id 2) over a raw block back end (drive=): read,
 * write, flush and get-id requests on 512-byte sectors, one or more
 * request queues, write-back cache reported (and settable with
 * CONFIG_WCE), read-only when the back end is.
 */
#ifndef HW_VIRTIO_VIRTIO_BLK_H
#define HW_VIRTIO_VIRTIO_BLK_H

#include "hw/virtio/virtio.h"
#include "hw/qdev-properties.h"
#include "sysemu/block-backend.h"

#define VIRTIO_BLK_F_SEG_MAX    2
#define VIRTIO_BLK_F_RO         5
#define VIRTIO_BLK_F_BLK_SIZE   6
#define VIRTIO_BLK_F_FLUSH      9
#define VIRTIO_BLK_F_TOPOLOGY   10
#define VIRTIO_BLK_F_CONFIG_WCE 11
#define VIRTIO_BLK_F_MQ         12

#define VIRTIO_BLK_T_IN     0
#define VIRTIO_BLK_T_OUT    1
#define VIRTIO_BLK_T_FLUSH  4
#define VIRTIO_BLK_T_GET_ID 8

#define VIRTIO_BLK_S_OK     0
#define VIRTIO_BLK_S_IOERR  1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTIO_BLK_SECTOR 512
#define VIRTIO_BLK_ID_LEN 20
/* num-queues' default: the transport decides (PCI: one per CPU, else 1) */
#define VIRTIO_BLK_AUTO_NUM_QUEUES UINT16_MAX

typedef struct VirtIOBlock {
    VirtIODevice vdev;
    /* properties */
    char *drive;
    char *serial;
    uint16_t num_queues;
    uint16_t queue_size;
    bool config_wce;
    int write_cache; /* write-cache: VIRTIO_BLK_WC_OFF/ON/AUTO */
    /* <blockio>: bytes; 0 is 512 (logical, physical) or none */
    uint64_t logical_block_size;
    uint64_t physical_block_size;
    uint64_t min_io_size;
    uint64_t opt_io_size;
    bool share_rw;
    int32_t bootindex;
    /* state */
    BlockBackend *blk;
    const char *type_name; /* for messages: "virtio-blk-ccw" */
    bool writeback;
} VirtIOBlock;

/*
 * write-cache=on|off|auto (QEMU's OnOffAuto; libvirt writes it for every
 * <driver cache=...>): off starts the device in write-through mode (each
 * write flushed, the config's writeback byte 0); on and auto (a raw
 * image's default) in write-back mode.
 */
enum { VIRTIO_BLK_WC_OFF, VIRTIO_BLK_WC_ON, VIRTIO_BLK_WC_AUTO };
extern const PropertyInfo virtio_blk_prop_write_cache;

/*
 * logical_block_size, physical_block_size, min_io_size, opt_io_size
 * (QEMU's block-size properties, libvirt's <blockio>): the config's
 * blk_size and topology; requests must be whole logical blocks.
 */
#define VIRTIO_BLK_SIZE_PROPS(_s, _f)                                          \
    DEFINE_PROP_BLOCKSIZE("logical_block_size", _s, _f.logical_block_size),    \
        DEFINE_PROP_BLOCKSIZE("physical_block_size", _s,                       \
                              _f.physical_block_size),                         \
        DEFINE_PROP_SIZE("min_io_size", _s, _f.min_io_size, 0),                \
        DEFINE_PROP_SIZE("opt_io_size", _s, _f.opt_io_size, 0)

bool virtio_blk_realize(VirtIOBlock *b, Error **errp);
void virtio_blk_unrealize(VirtIOBlock *b);

#endif
