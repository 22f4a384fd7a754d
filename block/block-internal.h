/*
 * The block back end's state, shared by block-backend.c (opening, I/O,
 * locking) and qmp-block.c (the QMP queries that describe it).
 *
 * Each BlockBackend is what a device's drive= names. In QEMU's terms a
 * -blockdev driver=file|host_device is one node, a -blockdev driver=raw a
 * node over its file= node, and a -drive a BlockBackend named by its id
 * over a raw node over a file node, both nodes with made-up names.
 */
#ifndef BLOCK_BLOCK_INTERNAL_H
#define BLOCK_BLOCK_INTERNAL_H

#include "sysemu/block-backend.h"

/* What the attached device accounted (QEMU's BlockDeviceStats) */
typedef struct BlockAcctStats {
    uint64_t rd_bytes, wr_bytes;
    uint64_t rd_ops, wr_ops, flush_ops;
    uint64_t failed_rd, failed_wr, failed_flush;
    uint64_t invalid_rd, invalid_wr;
    uint64_t wr_highest;
} BlockAcctStats;

struct BlockBackend {
    char *name; /* -drive id or -blockdev node-name */
    char *filename;
    const char *driver; /* "file", "host_device" or "raw" */
    int fd;
    bool read_only;
    bool attached;
    uint64_t length;
    uint64_t actual_size;  /* bytes allocated on the host */
    BlockBackend *file;    /* a raw node over a file node: the file's */
    bool is_drive;         /* from -drive: name is the BlockBackend's */
    char *drive_node;      /* -drive: its raw node's name */
    char *drive_file_node; /* -drive: its file node's name */
    char *qdev;            /* QOM path of the attached device, or NULL */
    void (*resized)(void *opaque); /* the attached device's, or NULL */
    void *resized_opaque;
    BlockAcctStats stats;
};

/* Every back end and node, in creation order (NULL: none yet) */
const GPtrArray *blk_all(void);

#endif
