/*
 * The channel subsystem (css): css images 0-3 and the virtual image 0xfe,
 * subchannel sets 0-3, subchannels with their SCHIB, the architected
 * subchannel functions (start, halt, clear, resume, cancel) and their
 * state transitions, I/O-interruption queues per ISC and the channel
 * report words (CRWs).
 *
 * A subchannel (SubchDev) belongs to a ccw device (hw/s390x/ccw-device.h).
 * The device is told about the functions the guest starts through the
 * SubchOps it gave the subchannel, and reports the result later, from
 * any main-loop callback, with css_io_complete(). The instructions that
 * reach these functions live in target/s390x (ioinst.c, chsc.c).
 *
 * Rules for placing devices (device numbers, s390-map-css) are described
 * in docs/system/s390x/css.rst.
 */
#ifndef HW_S390X_CSS_H
#define HW_S390X_CSS_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/s390x/ioinst.h"
#include "hw/qdev-properties-system.h"

#define CSS_VIRTUAL_CSSID  0xfe /* the image virtual devices live in */
#define CSS_MAX_REAL_CSSID 3    /* real images 0..3 */
#define CSS_MAX_SSID       3
#define CSS_MAX_ISC        7

/* ---- PMCW (path-management-control word), decoded ---- */
typedef struct Pmcw {
    uint32_t intparm;
    uint16_t flags; /* word 1 bits 0-15: ISC, E, LM, MM, D, T, V */
    uint16_t devno;
    uint8_t lpm;
    uint8_t pnom;
    uint8_t lpum;
    uint8_t pim;
    uint16_t mbi;
    uint8_t pom;
    uint8_t pam;
    uint8_t chpid[8];
    uint32_t chars; /* word 6: subchannel type, F, X, S */
} Pmcw;

#define PMCW_FLAGS_ISC_SHIFT 11
#define PMCW_FLAGS_ISC       0x3800
#define PMCW_FLAGS_ENA       0x0080 /* enabled */
#define PMCW_FLAGS_LM        0x0060 /* limit mode */
#define PMCW_FLAGS_MME       0x0018 /* measurement-mode enable */
#define PMCW_FLAGS_MP        0x0004 /* multipath mode */
#define PMCW_FLAGS_TF        0x0002 /* timing facility */
#define PMCW_FLAGS_DNV       0x0001 /* device number valid */
#define PMCW_FLAGS_RESERVED  0xc700

#define PMCW_CHARS_ST       0x00e00000 /* subchannel type (0: I/O) */
#define PMCW_CHARS_MBFC     0x00000004 /* measurement-block format control */
#define PMCW_CHARS_XMWME    0x00000002 /* extended-measurement-word mode */
#define PMCW_CHARS_CSENSE   0x00000001 /* concurrent sense */
#define PMCW_CHARS_RESERVED 0xff1ffff8

/* ---- SCHIB (52 bytes in storage) ---- */
typedef struct Schib {
    Pmcw pmcw;
    SCSW scsw;
    uint64_t mba;   /* measurement-block address (format 1) */
    uint8_t mda[4]; /* model-dependent */
} Schib;

#define SCHIB_SIZE    52
#define IRB_SIZE      96
#define CSS_SENSE_MAX 32 /* ECW bytes for concurrent sense */

/* ERW (extended-report word, format-0 ESW word 1) bits used here */
#define ERW_CONS       0x01000000u /* concurrent sense: sense in the ECW */
#define ERW_SCNT_SHIFT 16          /* sense count, 6 bits */

/* ---- CRW (channel-report word) ---- */
#define CRW_FLAGS_S   0x40000000 /* solicited */
#define CRW_FLAGS_R   0x20000000 /* overflow */
#define CRW_FLAGS_C   0x10000000 /* chaining */
#define CRW_RSC_SHIFT 24
#define CRW_RSC_SCH   0x3 /* reporting source: subchannel */
#define CRW_RSC_CHP   0x4 /* channel path */
#define CRW_RSC_CSS   0xb /* channel subsystem */
#define CRW_ERC_SHIFT 16
#define CRW_ERC_EVENT 0x00 /* event information pending */
#define CRW_ERC_INIT  0x02 /* initialized */
#define CRW_ERC_IPI   0x04 /* installed parameters initialized */

typedef struct SubchDev SubchDev;

/*
 * What a subchannel's device implements. Each function callback is
 * called once the css has checked the condition codes and set the
 * function-control bits; it returns the condition code the guest gets:
 * 0 accepted (the device reports completion with css_io_complete()),
 * 1 (status pending), 2 (busy) or 3 (not operational) from the host:
 * the css then takes the function back. A NULL halt/clear/cancel means
 * the css performs the function itself (after calling cancel_io).
 */
typedef struct SubchOps {
    /* start (SSCH) and resume (RSCH) */
    int (*start)(SubchDev *sch, const ORB *orb);
    int (*resume)(SubchDev *sch);
    /* halt (HSCH), clear (CSCH): asynchronous completion allowed */
    int (*halt)(SubchDev *sch);
    int (*clear)(SubchDev *sch);
    /* drop any program in progress (css-performed halt/clear, reset) */
    void (*cancel_io)(SubchDev *sch);
    /* STSCH: bring the SCHIB up to date first (a passthrough's paths) */
    void (*store)(SubchDev *sch);
} SubchOps;

/* The ending status of a function, reported by the device. */
typedef struct CssIoStatus {
    uint8_t dstat;        /* device status */
    uint8_t cstat;        /* subchannel status */
    uint32_t cpa;         /* guest address of the CCW after the last one */
    uint16_t count;       /* residual count of the last CCW */
    bool intermediate;    /* intermediate status only (PCI): continues */
    bool suspended;       /* the program is suspended */
    const uint8_t *sense; /* concurrent-sense bytes, or NULL */
    size_t sense_len;     /* at most CSS_SENSE_MAX are kept */
} CssIoStatus;

struct SubchDev {
    /* identity: as the css knows it (cssid is a real or the virtual id) */
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schid;
    uint16_t devno;
    bool placed; /* has a subchannel number */

    Schib schib; /* pmcw, scsw, mba as STSCH shows them */
    ORB orb;     /* of the current start function */
    uint8_t ecw[CSS_SENSE_MAX];
    uint8_t ecw_len;
    bool intr_queued; /* on an I/O-interruption queue */
    uint8_t intr_isc;

    const SubchOps *ops;
    void *opaque; /* the device */
};

/* ---- set-up ---- */

/* Create the images (machine init). Idempotent. */
void css_init(void);
/* Subchannel-system reset: every subchannel back to its initial state. */
void css_reset(void);
/* -machine s390-map-css=on|off */
void css_set_map_css(bool on);
bool css_get_map_css(void);

/* The guest's view (set with CHSC set-domain-attributes). */
bool css_mcsse_enabled(void);
bool css_mss_enabled(void);
void css_enable_mcsse(void);
void css_enable_mss(void);

/* Channel-monitor state (SCHM). */
void css_set_monitor(bool mbu, bool dct, uint64_t mbo);

/* ---- subchannels ---- */

SubchDev *css_sch_new(const SubchOps *ops, void *opaque);
/* Remove from the css (queues a CRW when @report) and free. */
void css_sch_free(SubchDev *sch, bool report);

/*
 * Place a virtual device in css 0xfe (or the css of @devno). @devno
 * (may be NULL or unset): its number is used and the first free
 * subchannel of its set; otherwise the first free device number (and
 * subchannel) in the lowest set that has one.
 * "Device fe.0.0001 already exists".
 */
bool css_place_virtual(SubchDev *sch, const CssDevId *devno, Error **errp);

/*
 * Place a pass-through device whose host identity is @host_id at the
 * guest identity the rules give (docs/system/s390x/css.rst):
 * @guest_id (NULL or unset: derived from @host_id), @map_css (the
 * machine's s390-map-css).
 */
bool css_place_passthrough(SubchDev *sch, const CssDevId *host_id,
                           const CssDevId *guest_id, bool map_css,
                           Error **errp);

/* Paths as the host reports them (defaults: one path, chpid 0). */
void css_sch_set_paths(SubchDev *sch, uint8_t pim, uint8_t pam, uint8_t pom,
                       const uint8_t chpid[8]);

/* Queue the CRW of a (dis)appearing subchannel (hot-plug). */
void css_sch_report(SubchDev *sch);

/* Find by the guest's view: @cssid as the guest named it (M bit). */
SubchDev *css_find_sch_guest(bool m, uint8_t cssid, uint8_t ssid,
                             uint16_t schid);
/* Find by the css's own ids. */
SubchDev *css_find_sch(uint8_t cssid, uint8_t ssid, uint16_t schid);
/* The css image the guest sees as @guest_cssid (M bit given), or -1. */
int css_guest_to_real(bool m, uint8_t guest_cssid);
/* The cssid a guest sees for the css's image @cssid. */
uint8_t css_real_to_guest(uint8_t cssid);
/* Subsystem-id word of @sch as the guest sees it. */
uint32_t css_sch_sid(const SubchDev *sch);
/* Is @sch addressable by the guest right now (MCSS-E, MSS)? */
bool css_sch_visible(const SubchDev *sch);

/* ---- subchannel functions (instructions call these) ---- */

/* Condition codes 0..3 as architected. */
int css_do_stsch(SubchDev *sch, Schib *out);
int css_do_msch(SubchDev *sch, const Schib *in);
int css_do_ssch(SubchDev *sch, const ORB *orb);
int css_do_tsch(SubchDev *sch, uint8_t irb[IRB_SIZE]);
int css_do_hsch(SubchDev *sch);
int css_do_csch(SubchDev *sch);
int css_do_rsch(SubchDev *sch);
int css_do_xsch(SubchDev *sch);

/* The device finished (part of) a function: status pending + interrupt. */
void css_io_complete(SubchDev *sch, const CssIoStatus *st);

/*
 * Fetch the CCW at guest address @addr of the program @orb starts, in
 * the ORB's CCW format: false when @addr is not doubleword aligned or
 * not in guest memory (a program check for the device model).
 */
bool css_fetch_ccw(const ORB *orb, uint32_t addr, CCW1 *ccw);

/*
 * Unsolicited alert status (a virtual device's notification, as QEMU's
 * virtio-ccw presents it): when @sch is enabled and not status pending,
 * it becomes alert status pending (the SCSW otherwise unchanged) and
 * its I/O interruption is queued.
 */
void css_sch_alert(SubchDev *sch);

/* ---- I/O interruptions and channel reports ---- */

typedef struct CssIoIntr {
    uint32_t sid; /* subsystem-identification word */
    uint32_t intparm;
    uint8_t isc;
    bool adapter; /* an adapter interruption: no subchannel, sid 0 */
} CssIoIntr;

/* Queue @sch's I/O interrupt (status pending) / withdraw it. */
void css_intr_queue(SubchDev *sch);
void css_intr_dequeue(SubchDev *sch);
/*
 * Take the highest-priority pending interrupt whose ISC is enabled in
 * @isc_mask (bit 0x80 >> isc). False when none.
 */
bool css_intr_accept(uint8_t isc_mask, CssIoIntr *out);

/*
 * Make the adapter interruption of @isc pending: one indication per ISC,
 * nothing while one is pending or SIC suppression holds it back. True
 * when it was made pending.
 */
bool css_adapter_intr_queue(uint8_t isc);
/*
 * SET INTERRUPTION CONTROLS for @isc: mode 0 presents every adapter
 * interruption, mode 1 presents one and suppresses the next until the
 * guest's next SIC. Either re-arms a suppressed ISC. False: other mode.
 */
#define CSS_AIS_MODE_ALL    0
#define CSS_AIS_MODE_SINGLE 1
bool css_adapter_set_mode(uint8_t isc, unsigned mode);
/* Forget pending adapter interruptions and SIC modes (system reset). */
void css_adapter_reset(void);

/*
 * Queue a CRW; the machine-check-pending indication is set meanwhile.
 * False when it was lost (64 wait): the next one stored has the overflow
 * bit.
 */
bool css_crw_queue(uint8_t rsc, uint8_t erc, bool chain, uint16_t rsid);
/* Take the oldest CRW; false when none. */
bool css_crw_take(uint32_t *crw);
bool css_crw_pending(void);

/* Big-endian storage layouts (css-codec.c). */
void schib_encode(const Schib *schib, uint8_t be[SCHIB_SIZE]);
void schib_decode(const uint8_t be[SCHIB_SIZE], Schib *schib);
/*
 * IRB of @sch: SCSW, format-0 ESW (LPUM in the subchannel logout, the
 * extended-report word), ECW (concurrent sense), zero EMW.
 */
void css_irb_encode(const SubchDev *sch, uint8_t be[IRB_SIZE]);

#endif
