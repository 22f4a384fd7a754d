/*
 * Hercules CKD image files (the uncompressed CKD_P370 format that
 * Hercules' dasdinit writes) holding an IBM 3390 volume.
 *
 * Layout (docs/system/s390x/sim-dasd.rst): a 512-byte header, then one
 * fixed-size slot per track, track t = cyl * heads + head at offset
 * 512 + t * slot.  A track is a 5-byte home address (flag, CC, HH), the
 * records (8-byte count CC HH R KL DL, key, data; big-endian), then eight
 * 0xff bytes; the rest of the slot is zero.
 *
 * Pure module: plain file I/O, no QOM.
 */
#ifndef HW_SIM_CKD_IMAGE_H
#define HW_SIM_CKD_IMAGE_H

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qapi/error.h"

#define CKD_HDR_SIZE   512
#define CKD_HDR_MAGIC  "CKD_P370"
#define CKD_HA_SIZE    5
#define CKD_COUNT_SIZE 8
#define CKD_EOT_SIZE   8

/* 3390 geometry */
#define CKD_3390_HEADS   15
#define CKD_3390_SLOT    56832 /* track slot in the file */
#define CKD_3390_TRKLEN  58786 /* track length as RDC reports it */
#define CKD_3390_R1MAX   56664 /* largest R1 on a track */
#define CKD_3390_SECTORS 224
#define CKD_3390_CELLS   1729  /* 34-byte cells for R1.. of a track */
#define CKD_3390_DEVTYPE 0x90  /* header byte 16 */
#define CKD_MAX_CYLS     65520 /* largest volume accepted */

typedef struct CkdModel {
    const char *name;  /* "3390-3" */
    uint8_t model;     /* Sense ID / RDC model byte */
    uint8_t unit_code; /* RDC byte 11 */
    uint32_t cyls;     /* primary cylinders */
} CkdModel;

/* The model called @name ("3390-1", "3390-3", "3390-9"), or NULL. */
const CkdModel *ckd_model_find(const char *name);
/* The smallest listed model with at least @cyls cylinders, or the largest. */
const CkdModel *ckd_model_for_cyls(uint32_t cyls);

/* locking=: whether the image file is locked against other users */
typedef enum CkdLocking {
    CKD_LOCKING_AUTO, /* lock when the host has OFD locks */
    CKD_LOCKING_ON,   /* lock, or refuse to open */
    CKD_LOCKING_OFF,
} CkdLocking;

/* cache=: when written tracks are made durable (fdatasync) */
typedef enum CkdCache {
    CKD_CACHE_WRITETHROUGH, /* before a program that wrote ends */
    CKD_CACHE_WRITEBACK,    /* only when the image is closed */
    CKD_CACHE_UNSAFE,       /* never */
} CkdCache;

typedef struct CkdOpenOpts {
    bool readonly;
    CkdLocking locking;
    CkdCache cache;
} CkdOpenOpts;

typedef struct CkdImage {
    int fd;
    bool readonly;
    bool locked; /* holds an OFD lock on the file */
    CkdCache cache;
    bool dirty;     /* written since the last sync */
    uint64_t syncs; /* fdatasync calls made (statistics) */
    char *path;
    uint32_t cyls;
    uint32_t heads;
    uint32_t slot; /* bytes per track slot */
} CkdImage;

/*
 * Create @path (it must not exist) as a sparse single-file image of
 * @cyls cylinders formatted as dasdinit formats a new volume: track 0
 * holds R0, IPL1, IPL2 and a VOL1 label naming @volser (1..6 characters),
 * every other track HA + R0.
 */
bool ckd_image_create(const char *path, uint32_t cyls, const char *volser,
                      Error **errp);
/*
 * Open an existing image; multi-file sets and bad headers are refused.
 * The file is locked as QEMU locks images (open file description locks
 * on the whole file): exclusively by a writer, shared by a reader, so a
 * second writer, or a writer and a reader, refuse each other with
 * QEMU's 'Failed to get "write" lock' error.
 */
CkdImage *ckd_image_open_opts(const char *path, const CkdOpenOpts *opts,
                              Error **errp);
/* The same with locking=auto, cache=writethrough. */
CkdImage *ckd_image_open(const char *path, bool readonly, Error **errp);
/* Syncs a dirty image first unless cache=unsafe; drops the lock. */
void ckd_image_close(CkdImage *img);
/*
 * Make the tracks written since the last sync durable (fdatasync) when
 * the cache mode asks for it at this point: @closing false is the end of
 * a channel program (writethrough syncs), true the close (writethrough
 * and writeback sync). True when nothing needed syncing or it worked.
 */
bool ckd_image_sync(CkdImage *img, bool closing, Error **errp);

static inline uint32_t ckd_image_tracks(const CkdImage *img)
{
    return img->cyls * img->heads;
}

/* Read / write the whole slot of track (@cyl, @head); @buf holds slot bytes. */
bool ckd_image_read_track(CkdImage *img, uint32_t cyl, uint32_t head,
                          uint8_t *buf, Error **errp);
bool ckd_image_write_track(CkdImage *img, uint32_t cyl, uint32_t head,
                           const uint8_t *buf, Error **errp);

/* ---- track contents ---- */

typedef struct CkdRecord {
    uint32_t off; /* offset of the count field in the track */
    uint16_t cc, hh;
    uint8_t r, kl;
    uint16_t dl;
} CkdRecord;

static inline uint32_t ckd_record_end(const CkdRecord *rec)
{
    return rec->off + CKD_COUNT_SIZE + rec->kl + rec->dl;
}

/*
 * The record whose count starts at @off of track @trk (@size bytes):
 * true and *rec filled; false at the end-of-track marker, at erased
 * space (a count of eight zero bytes: no record, as on a track never
 * formatted), or when the track is malformed (a record that does not
 * fit).
 */
bool ckd_track_record_at(const uint8_t *trk, uint32_t size, uint32_t off,
                         CkdRecord *rec);
/*
 * Build an empty track (HA + R0 with 8 zero data bytes + end marker).
 * These builders write only the bytes they use (the rest of @trk is
 * expected to be zero), so they can format a sparse file in place.
 */
void ckd_track_format_empty(uint8_t *trk, uint32_t size, uint16_t cc,
                            uint16_t hh);
/* Build track 0 of a new volume (R0, IPL1, IPL2, VOL1 with @volser). */
void ckd_track_format_volume(uint8_t *trk, uint32_t size, const char *volser);
/*
 * The 34-byte cells a record with key length @kl and data length @dl
 * takes on a 3390 track (the capacity formula of RDC: formula 2, factors
 * 34/19/9/6/116/6).  Records R1..Rn fit when their cells add up to at
 * most CKD_3390_CELLS: 12 records of 4 KiB, one of 56,664 bytes.
 */
uint32_t ckd_3390_cells(uint8_t kl, uint16_t dl);
/* Records of @kl / @dl that fit on one 3390 track after R0 */
uint32_t ckd_3390_records_per_track(uint8_t kl, uint16_t dl);
/* Bytes used by HA, records and the end marker; 0 if malformed. */
uint32_t ckd_track_used(const uint8_t *trk, uint32_t size);

#endif
