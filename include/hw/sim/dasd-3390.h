/*
 * A 3990 control unit with a 3390 ECKD volume, executing the translated
 * 4 KiB channel program of linux-headers/linux/ccw-prog.h.
 *
 * Pure module: no QOM, no main loop.  Data moves through the host
 * addresses in the program's entries.  Any program is safe: bad offsets,
 * loops and malformed tracks end in an architected status, never a crash.
 */
#ifndef HW_SIM_DASD_3390_H
#define HW_SIM_DASD_3390_H

#include "qemu/osdep.h"
#include "hw/sim/ckd-image.h"
#include "linux/ccw-prog.h"

#define DASD_SENSE_SIZE    32
#define DASD_RDC_SIZE      64
#define DASD_RCD_SIZE      256
#define DASD_SENSE_ID_SIZE 12
/* CCWs one program may execute before it ends with a program check */
#define DASD_MAX_EXECUTED 65536

/* Sense byte 0 */
#define DASD_SENSE0_CMD_REJECT        0x80
#define DASD_SENSE0_INTERVENTION      0x40
#define DASD_SENSE0_EQUIPMENT_CHECK   0x10
#define DASD_SENSE0_DATA_CHECK        0x08
#define DASD_SENSE0_INCOMPLETE_DOMAIN 0x01 /* the chain ended inside one */
/* Sense byte 1 */
#define DASD_SENSE1_INVALID_TRACK   0x40
#define DASD_SENSE1_END_OF_CYL      0x20
#define DASD_SENSE1_NO_RECORD       0x08
#define DASD_SENSE1_FILE_PROTECTED  0x04
#define DASD_SENSE1_WRITE_INHIBITED 0x02
#define DASD_SENSE1_IMPRECISE_END   0x01 /* operation incomplete */
/* Sense byte 27 bit 0: the 24-byte compatible sense format */
#define DASD_SENSE27_24BYTE 0x80
/* Sense byte 7 (format 0 messages of a command reject) */
#define DASD_SENSE7_INVALID_CMD   0x01
#define DASD_SENSE7_INVALID_SEQ   0x02
#define DASD_SENSE7_COUNT_SHORT   0x03
#define DASD_SENSE7_INVALID_PARAM 0x04

/* What the guest's SCSW will show */
typedef struct SimDasdResult {
    uint8_t dstat;    /* SCSW_DSTAT_* */
    uint8_t cstat;    /* SCSW_CSTAT_* */
    uint16_t count;   /* residual count of the last CCW */
    uint32_t cpa;     /* byte offset of the CCW after the last used */
    bool sense_valid; /* unit check: sense[] for concurrent sense */
    uint8_t sense[DASD_SENSE_SIZE];
} SimDasdResult;

/* Channel paths of the device (the ORB's logical-path mask, bit 0 first) */
#define DASD_PATHS     8
#define DASD_PGID_SIZE 11

/* Path state byte of Sense Path Group ID (byte 0 of its 12 bytes) */
#define DASD_PS_RESET     0x00 /* state 1: reset (never grouped) */
#define DASD_PS_UNGROUPED 0x80 /* state 1: ungrouped */
#define DASD_PS_GROUPED   0xc0 /* state 1: grouped */
#define DASD_PS_STATE1    0xc0
#define DASD_PS_RESV_ELSE 0x20 /* state 2: reserved to another group */
#define DASD_PS_RESV_SELF 0x30 /* state 2: reserved to this group */
#define DASD_PS_MULTIPATH 0x08 /* state 3: grouped in multipath mode */

typedef struct Dasd3390 {
    CkdImage *img; /* not owned */
    const CkdModel *model;
    uint16_t devno;
    uint8_t sense[DASD_SENSE_SIZE]; /* for the next Sense command */
    uint8_t *trk;                   /* one track slot, scratch */
    /* path group: state 1 and 3 per path, the group's id */
    uint8_t path_state[DASD_PATHS];
    uint8_t pgid[DASD_PGID_SIZE];
    /* Reserve: the device is reserved to its (only) subchannel */
    bool reserved;
} Dasd3390;

void dasd3390_init(Dasd3390 *d, CkdImage *img, const CkdModel *model,
                   uint16_t devno);
void dasd3390_cleanup(Dasd3390 *d);
/* Device (system) reset: drops pending sense, path group, reservation. */
void dasd3390_reset(Dasd3390 *d);
/* Selective reset (clear subchannel): drops pending sense only. */
void dasd3390_clear_sense(Dasd3390 *d);
/* Execute @prog (CCW_PROG_SIZE bytes) started with @orb (12 bytes). */
void dasd3390_execute(Dasd3390 *d, const uint8_t *orb, const uint8_t *prog,
                      SimDasdResult *res);

/*
 * The same in slices, so that one program never holds the main loop for
 * long: each slice reads at most DASD_SLICE_TRACKS tracks of the image (a
 * multi-track search in a Locate Record domain may walk the whole volume).
 * A CCW that runs out of its slice's tracks continues in the next slice
 * where it stopped; the result is the same as dasd3390_execute()'s.
 * @prog must stay valid until dasd3390_exec_free().
 */
#define DASD_SLICE_TRACKS 64
typedef struct Dasd3390Exec Dasd3390Exec;
Dasd3390Exec *dasd3390_exec_new(Dasd3390 *d, const uint8_t *orb,
                                const uint8_t *prog);
/* Run one slice; true when the program ended and *res holds its result. */
bool dasd3390_exec_slice(Dasd3390Exec *e, SimDasdResult *res);
void dasd3390_exec_free(Dasd3390Exec *e);

/*
 * After dasd3390_execute: make the program's writes durable as the
 * image's cache mode says (ckd_image_sync). When that fails the result
 * becomes a unit check with equipment check (sense byte 0 0x10), pending
 * for the next Sense as well; false then.
 */
bool dasd3390_sync(Dasd3390 *d, SimDasdResult *res);

/* The fixed answers, also used by tests */
void dasd3390_sense_id(const Dasd3390 *d, uint8_t out[DASD_SENSE_ID_SIZE]);
void dasd3390_rdc(const Dasd3390 *d, uint8_t out[DASD_RDC_SIZE]);
void dasd3390_rcd(const Dasd3390 *d, uint8_t out[DASD_RCD_SIZE]);

#endif
