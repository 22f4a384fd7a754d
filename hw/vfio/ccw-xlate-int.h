/*
 * Internals of the CCW translator shared by its source files: the
 * program object, one record per slot of the buffer, and the cursor of
 * a walk. See docs/devel/ccw-translation.rst.
 */
#ifndef HW_VFIO_CCW_XLATE_INT_H
#define HW_VFIO_CCW_XLATE_INT_H

#include "hw/vfio/ccw-xlate.h"

#define CCW_XLATE_NO_IDAL UINT32_MAX

/* Most IDAWs one CCW can need: 65535 bytes over 2 KiB blocks, both ends partial */
#define CCW_XLATE_MAX_IDAWS 34

#define CCW_XLATE_HASH_SIZE 1024

/*
 * How a CCW is reached: CCW_CTX_CC by command chaining (or from the ORB),
 * else CCW_CTX_DC | the command its data chain carries. A slot is the
 * translation of one (guest address, context) pair: its contents depend
 * on nothing else, so slots are shared by that key only.
 */
#define CCW_CTX_CC 0u
#define CCW_CTX_DC 0x100u

typedef enum CcwSlotKind {
    CCW_SLOT_CCW,  /* a non-TIC guest CCW */
    CCW_SLOT_TIC,  /* a guest TIC, or a TIC the translator put in */
    CCW_SLOT_STOP, /* a NOOP without chaining: the channel stops here */
} CcwSlotKind;

/* What the translator knows about one slot of the buffer */
typedef struct CcwSlot {
    uint32_t gaddr; /* the guest CCW this slot stands for */
    uint16_t ctx;   /* how that CCW was reached */
    uint8_t kind;   /* CcwSlotKind */
    uint32_t idal;  /* CCW with an IDAL: its first IDAW in the pool */
} CcwSlot;

/* A status-modifier path still to lay out, and the TIC slot that leads there */
typedef struct CcwWork {
    uint32_t gaddr;
    uint16_t from;
} CcwWork;

struct CcwProgram {
    /* The 4 KiB buffer, laid out as in linux/ccw-prog.h */
    union {
        uint8_t bytes[CCW_PROG_SIZE];
        uint64_t entries[CCW_PROG_SIZE / 8];
    } buf;
    uint32_t nr_slots;
    CcwSlot slot[CCW_PROG_MAX_CCWS];
    CcwXlateResult stop_res[CCW_PROG_MAX_CCWS]; /* for CCW_SLOT_STOP slots */
    uint16_t hash[CCW_XLATE_HASH_SIZE];         /* (gaddr, ctx) -> slot + 1 */
    CcwWork work[CCW_PROG_MAX_CCWS];            /* FIFO */
    uint32_t work_head, work_tail;
    /* the next slot must be the status-modifier successor at sm_gaddr */
    bool sm_hole;
    uint32_t sm_gaddr;
    uint64_t *idaws; /* host IDAL copies */
    uint32_t nr_idaws, idaws_cap;
    ORB guest_orb;
    ORB host_orb;   /* the ORB for the request */
    uint32_t block; /* IDAW block size */
    bool fmt1_idaw;
    CcwXlateResult res; /* the main path's */
};

/* Where a walk is: the guest CCW to lay out next and how it is reached */
typedef struct CcwCursor {
    uint32_t gaddr;
    uint16_t ctx;
    bool via_tic;  /* the CCW is a guest TIC's target */
    bool main;     /* on the path without status modifier */
    bool after_cc; /* the slot before ends a command that chains commands */
    int link; /* a TIC slot to point at what is laid, or -1: the next slot */
} CcwCursor;

static inline uint64_t *ccw_prog_entry(CcwProgram *p, uint32_t slot)
{
    return &p->buf.entries[CCW_PROG_ENTRY_AREA / 8 + slot];
}

/* ccw-xlate-slots.c: the slot table */
void ccw_slots_reset(CcwProgram *p);
int ccw_slot_find(const CcwProgram *p, uint32_t gaddr, uint16_t ctx);
int ccw_slot_new(CcwProgram *p);
void ccw_slot_set(CcwProgram *p, uint32_t slot, const CCW1 *ccw,
                  const CcwCursor *c, CcwSlotKind kind);
void ccw_slot_point(CcwProgram *p, uint32_t tic, uint32_t target);
void ccw_slot_stop(CcwProgram *p, uint32_t slot, uint32_t gaddr,
                   CcwXlateStatus st, CcwXlateReason r, bool main);
void ccw_slot_fix_entries(CcwProgram *p);

/*
 * ccw-xlate-data.c: map the data of @ccw (slot @slot, effective command
 * @cmd) and rewrite its address field and flags for the host. Returns
 * the rule it broke, or CCW_XLATE_R_NONE.
 */
CcwXlateReason ccw_xlate_data(CcwProgram *p, const CcwGuestMem *mem,
                              uint32_t slot, uint8_t cmd, CCW1 *ccw);

#endif
