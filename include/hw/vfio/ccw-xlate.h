/*
 * The CCW translator: a guest's channel program (ORB + CCWs + IDALs in
 * guest storage) into the 4 KiB user-space channel program of
 * linux/ccw-prog.h. A pure module: no device, no global state; guest
 * storage is reached only through the CcwGuestMem accessor.
 * See docs/devel/ccw-translation.rst.
 */
#ifndef HW_VFIO_CCW_XLATE_H
#define HW_VFIO_CCW_XLATE_H

#include "hw/ccw-format.h"
#include "linux/ccw-prog.h"

/*
 * Guest storage. read() copies @len bytes at @gaddr and fails if any of
 * them is not guest storage. host_ptr() returns the host address of
 * [@gaddr, @gaddr + @len) when all of it is guest RAM contiguous in the
 * host (@write: the device will store into it), else NULL.
 */
typedef struct CcwGuestMem {
    bool (*read)(void *opaque, uint64_t gaddr, void *buf, uint32_t len);
    void *(*host_ptr)(void *opaque, uint64_t gaddr, uint64_t len, bool write);
    void *opaque;
} CcwGuestMem;

typedef enum CcwXlateStatus {
    CCW_XLATE_OK,            /* the whole chain is translated */
    CCW_XLATE_PROGRAM_CHECK, /* the channel stops at stop_gaddr: program check */
    CCW_XLATE_SUSPEND,       /* the channel suspends before stop_gaddr */
    CCW_XLATE_HOST_FAULT,    /* host mapping unusable: channel-control check */
    CCW_XLATE_ORB_INVALID,   /* start refused: operand exception */
} CcwXlateStatus;

/* Which rule stopped the translation (for tests and traces) */
typedef enum CcwXlateReason {
    CCW_XLATE_R_NONE,
    CCW_XLATE_R_ORB_RESERVED,  /* ORB reserved bits or CPA bit 0 */
    CCW_XLATE_R_ORB_TRANSPORT, /* ORB B: transport mode not supported */
    CCW_XLATE_R_ORB_MIDAW,     /* ORB D: MIDAW facility not supported */
    CCW_XLATE_R_CCW_ALIGN,     /* CCW address not on a doubleword */
    CCW_XLATE_R_CCW_ADDR,      /* CCW not in guest storage */
    CCW_XLATE_R_CMD,           /* invalid command code */
    CCW_XLATE_R_ADDR_BIT,      /* format-1 CCW address bit 32 set */
    CCW_XLATE_R_TIC_TO_TIC,    /* TIC fetched by a TIC */
    CCW_XLATE_R_COUNT,         /* zero count (format 0, or data chaining) */
    CCW_XLATE_R_MIDA,          /* MIDA flag (ORB D is zero) */
    CCW_XLATE_R_SUSPEND,       /* S flag, ORB suspend control off */
    CCW_XLATE_R_SUSPEND_DC,    /* S flag in a CCW reached by data chaining */
    CCW_XLATE_R_DATA_ADDR,     /* data not in guest storage */
    CCW_XLATE_R_IDAL_ALIGN,    /* IDAL not word/doubleword aligned */
    CCW_XLATE_R_IDAL_ADDR,     /* IDAL not in guest storage */
    CCW_XLATE_R_IDAW,          /* format-1 IDAW bit 0 set */
    CCW_XLATE_R_IDAW_ALIGN,    /* later IDAW not on a block boundary */
    CCW_XLATE_R_TOO_LONG,      /* more than 256 CCWs (implementation limit) */
    CCW_XLATE_R_HOST_ALIGN,    /* host IDAW not congruent with the guest's */
    CCW_XLATE_R__MAX,
} CcwXlateReason;

typedef struct CcwXlateResult {
    CcwXlateStatus status;
    CcwXlateReason reason;
    uint32_t stop_slot;  /* the stop NOOP's slot; == the slots used when OK */
    uint32_t stop_gaddr; /* guest address of the CCW the channel stops at */
    uint32_t cpa;        /* SCSW CPA to report there: stop_gaddr + 8 */
    uint8_t cstat;       /* SCSW subchannel status to report there */
} CcwXlateResult;

/* One translated program: the buffer and what the translator knows of it */
typedef struct CcwProgram CcwProgram;

CcwProgram *ccw_prog_new(void);
void ccw_prog_free(CcwProgram *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CcwProgram, ccw_prog_free)

/*
 * Translate the program @orb starts. @p is reused from call to call. The
 * valid prefix of the chain is always translated; the result says where
 * and how the channel must stop on the main path, the one it takes when
 * no device presents status modifier (status OK: it does not stop).
 * Paths that status modifier opens may have stops of their own: see
 * ccw_prog_stop_result().
 */
const CcwXlateResult *ccw_xlate_program(CcwProgram *p, const ORB *orb,
                                        const CcwGuestMem *mem);

/* Map a host-reported CPA (offset into the CCW area) to the guest CPA */
uint32_t ccw_prog_cpa_to_guest(const CcwProgram *p, uint32_t host_cpa_offset);

/* Did the host stop on a stop slot (its NOOP was the last CCW used)? */
bool ccw_prog_reached_stop(const CcwProgram *p, uint32_t host_cpa_offset);

/*
 * The result recorded for the stop slot the host stopped on (its CPA
 * offset @host_cpa_offset), or NULL when that slot is not a stop slot.
 */
const CcwXlateResult *ccw_prog_stop_result(const CcwProgram *p,
                                           uint32_t host_cpa_offset);

/*
 * The stop the host channel reaches before any command gets to the
 * device (slot 0, or the target of a TIC in slot 0), or NULL: then the
 * program need not be started at all.
 */
const CcwXlateResult *ccw_prog_stop_at_start(const CcwProgram *p);

/* Slots used by the last translation, stop slots included */
uint32_t ccw_prog_nr_slots(const CcwProgram *p);

/* The translated program (CCW_PROG_SIZE bytes, linux/ccw-prog.h) */
const uint8_t *ccw_prog_buffer(const CcwProgram *p);

/* Fill a request for the host device */
void ccw_prog_fill_request(const CcwProgram *p, struct ccw_prog_request *req);

const char *ccw_xlate_reason_str(CcwXlateReason r);

#endif
