/*
 * Internals of the 3390 command engine: the state of one channel
 * program, data areas, and the command handlers.
 */
#ifndef HW_SIM_DASD_INTERNAL_H
#define HW_SIM_DASD_INTERNAL_H

#include "hw/sim/dasd-3390.h"

/* Outcome of a command */
typedef enum DasdStatus {
    DASD_OK,         /* channel end + device end */
    DASD_OK_SM,      /* ... with status modifier (skip a CCW) */
    DASD_OK_UX,      /* ... with unit exception (end of file) */
    DASD_UNIT_CHECK, /* sense prepared in run->sense */
    DASD_PROG_CHECK, /* channel-program check */
    DASD_AGAIN,      /* the slice's tracks are used up: continue later */
} DasdStatus;

typedef enum DasdOrient {
    DASD_AT_INDEX,
    DASD_AT_HA,
    DASD_AT_COUNT, /* after the count of run->cur */
    DASD_AT_DATA,  /* after the data of run->cur */
} DasdOrient;

/* One CCW of a data chain */
typedef struct DasdSeg {
    uint32_t idx; /* CCW index */
    uint8_t flags;
    uint16_t count;
    uint64_t addr; /* data or IDAL host address */
} DasdSeg;

typedef struct DasdXfer {
    uint32_t nseg;
    uint32_t total;
    DasdSeg seg[CCW_PROG_MAX_CCWS];
    uint32_t dev_len; /* bytes the device sent or wanted */
    bool idaw_2k;
} DasdXfer;

typedef struct DasdRun {
    Dasd3390 *d;
    unsigned path; /* the channel path the program runs on */
    /* a PSF Prepare for Read Subsystem Data waits for its RSSD */
    bool rssd_ready;
    uint8_t rssd_sub;
    uint8_t sense[DASD_SENSE_SIZE];
    /* Define Extent */
    bool de_seen;
    uint8_t mask;
    uint32_t ext_beg, ext_end; /* track numbers, inclusive */
    /* Locate Record domain */
    uint8_t lr_op;
    uint32_t lr_left; /* records of the domain not yet used */
    bool in_domain;   /* the current command works in the domain */
    /*
     * A Write R0 in a format write domain began the next track (set by
     * it, seen by the command right after it, see dasd_cmd_write_r0())
     */
    bool r0_advanced;
    bool after_r0_advance;
    /* position */
    uint32_t cyl, head;
    bool trk_loaded;
    DasdOrient orient;
    CkdRecord cur;
    unsigned index_passes;
    /* tracks this slice may still read (see dasd3390_exec_slice()) */
    uint32_t loads_left;
    /* a walk over records stopped at a slice's end: it goes on */
    bool walk_resume;
    uint8_t io[CKD_COUNT_SIZE + 255 + 65535];
} DasdRun;

#define DASD_MT 0x80 /* multi-track bit of read codes */

/* Locate Record: orientation (bits 0-1) and operation of byte 0 */
#define LR_ORIENT_MASK     0xc0
#define LR_ORIENT_COUNT    0x00
#define LR_ORIENT_HA       0x40
#define LR_ORIENT_DATA     0x80
#define LR_ORIENT_INDEX    0xc0
#define LR_OP_ORIENT       0x00
#define LR_OP_WRITE_DATA   0x01
#define LR_OP_FORMAT_WRITE 0x03
#define LR_OP_READ_DATA    0x06
#define LR_OP_READ_ANY     0x16

/* dasd-engine.c: data movement */
void dasd_xfer_in(DasdRun *run, DasdXfer *x, const uint8_t *src, uint32_t len);
uint32_t dasd_xfer_out(DasdRun *run, DasdXfer *x, uint8_t *dst, uint32_t want);

/* dasd-cmds.c */
DasdStatus dasd_unit_check(DasdRun *run, uint8_t s0, uint8_t s1, uint8_t s7);
DasdStatus dasd_command(DasdRun *run, uint8_t cmd, DasdXfer *x);

/* dasd-cmds.c: parameter bytes (a short count is a command reject) */
DasdStatus dasd_params(DasdRun *run, DasdXfer *x, uint8_t *p, uint32_t len);
DasdStatus dasd_reject(DasdRun *run, uint8_t msg);

/* dasd-path.c: Sense / Set Path Group ID, Reserve / Release */
DasdStatus dasd_cmd_sense_pgid(DasdRun *run, DasdXfer *x);
DasdStatus dasd_cmd_set_pgid(DasdRun *run, DasdXfer *x);
DasdStatus dasd_cmd_reserve(DasdRun *run, DasdXfer *x, uint8_t cmd);

/* dasd-rw.c: the record reads and writes, in and out of a domain */
DasdStatus dasd_cmd_read(DasdRun *run, DasdXfer *x, uint8_t cmd);
DasdStatus dasd_cmd_read_ha(DasdRun *run, DasdXfer *x, uint8_t cmd);
DasdStatus dasd_cmd_write_data(DasdRun *run, DasdXfer *x, uint8_t cmd);
DasdStatus dasd_cmd_write_ckd(DasdRun *run, DasdXfer *x, uint8_t cmd);
DasdStatus dasd_cmd_write_r0(DasdRun *run, DasdXfer *x);
DasdStatus dasd_protect(DasdRun *run);

/* dasd-psf.c: Perform Subsystem Function, Read Subsystem Data */
DasdStatus dasd_cmd_psf(DasdRun *run, DasdXfer *x);
DasdStatus dasd_cmd_rssd(DasdRun *run, DasdXfer *x);

/* dasd-track.c: position and records */
uint32_t dasd_trackno(const DasdRun *run, uint32_t cyl, uint32_t head);
DasdStatus dasd_seek(DasdRun *run, uint32_t cyl, uint32_t head);
DasdStatus dasd_next_track(DasdRun *run);
DasdStatus dasd_next_record(DasdRun *run, bool skip_r0, bool mt,
                            CkdRecord *rec);
DasdStatus dasd_flush_track(DasdRun *run);
bool dasd_write_protected(DasdRun *run, bool format);
/* Seek control bits of the file mask */
#define DASD_MASK_SEEK      0x18
#define DASD_MASK_SEEK_HEAD 0x10 /* seek head only */
#define DASD_MASK_SEEK_NONE 0x18 /* inhibit seek and multi-track */
/* Whether the file mask lets a Seek to cylinder @cyl through */
bool dasd_seek_allowed(DasdRun *run, uint32_t cyl);
/* Whether the file mask lets a write of home address / record 0 through */
bool dasd_r0_write_allowed(DasdRun *run);

#endif
