/*
 * zPCI DMA: the guest's I/O translation tables, a per-function IOTLB
 * loaded by RPCIT, and the IOMMU memory region a PCI function's DMA goes
 * through.  See docs/devel/zpci-dma.rst.
 *
 * Three layers, each usable alone:
 *   walk   zpci_dma_walk(): one I/O address through the guest's tables
 *          (pure: reads table entries through a ZpciDmaReadFn);
 *   IOTLB  ZpciIotlb: what RPCIT loaded, change notifications, budget;
 *   region ZpciDmaSpace: an IOMMU region + address space per function,
 *          translating through the IOTLB, for the zPCI bridge.
 */
#ifndef HW_S390X_ZPCI_DMA_H
#define HW_S390X_ZPCI_DMA_H

#include "qemu/osdep.h"
#include "exec/memory.h"

/* ---- architected values ---- */

#define ZPCI_DMA_PAGE_SHIFT 12
#define ZPCI_DMA_PAGE_SIZE  (UINT64_C(1) << ZPCI_DMA_PAGE_SHIFT)
#define ZPCI_DMA_SEG_SHIFT  20 /* 1 MiB: a segment, or a large page */
#define ZPCI_DMA_SEG_SIZE   (UINT64_C(1) << ZPCI_DMA_SEG_SHIFT)

/* Designation type of the IOTA (bits 0x1c): the level the walk starts at */
typedef enum ZpciDmaLevel {
    ZPCI_DMA_LEVEL_SEGMENT = 0,
    ZPCI_DMA_LEVEL_REGION3 = 1,
    ZPCI_DMA_LEVEL_REGION2 = 2,
    ZPCI_DMA_LEVEL_REGION1 = 3,
} ZpciDmaLevel;

#define ZPCI_IOTA_DT(level)   ((uint64_t)(level) << 2)
#define ZPCI_IOTA_DT_MASK     UINT64_C(0x1c)
#define ZPCI_IOTA_ORIGIN_MASK (~UINT64_C(0x3fff))
/* dtsm bit of a designation type (QEMU advertises 0x40: region-third) */
#define ZPCI_DTSM_BIT(level) (0x80u >> (level))
#define ZPCI_DTSM_ALL        0xf0u

/* region and segment table entries */
#define ZPCI_TE_TYPE_MASK    UINT64_C(0xc)  /* the level of the table */
#define ZPCI_TE_OFFSET_MASK  UINT64_C(0xc0) /* next table: first 512-block */
#define ZPCI_TE_LENGTH_MASK  UINT64_C(0x3)  /* next table: last 512-block */
#define ZPCI_TE_INVALID      UINT64_C(0x20)
#define ZPCI_TE_PROTECTED    UINT64_C(0x200)
#define ZPCI_STE_FC          UINT64_C(0x400) /* 1 MiB frame, no page table */
#define ZPCI_RTE_ORIGIN_MASK (~UINT64_C(0x3fff))
#define ZPCI_STE_ORIGIN_MASK (~UINT64_C(0x7ff))
#define ZPCI_STE_FRAME_MASK  (~UINT64_C(0xfffff))
/* page table entries */
#define ZPCI_PTE_INVALID    UINT64_C(0x400)
#define ZPCI_PTE_PROTECTED  UINT64_C(0x200)
#define ZPCI_PTE_FRAME_MASK (~UINT64_C(0xfff))

/* PCI error event codes (PEC) of the faults below */
#define ZPCI_PEC_INVALID_AS     0x0001
#define ZPCI_PEC_OUT_OF_RANGE   0x0002
#define ZPCI_PEC_INVALID_FORMAT 0x0003
#define ZPCI_PEC_PROTECTION     0x0004
#define ZPCI_PEC_INVALID_ENTRY  0x0007
#define ZPCI_PEC_TABLE_LENGTH   0x0008
#define ZPCI_PEC_TABLE_TYPE     0x0009

typedef enum ZpciDmaFault {
    ZPCI_DMA_OK = 0,
    ZPCI_DMA_FAULT_NO_TRANSLATION, /* an entry on the path is invalid, or
                                      the IOTLB has nothing for the page */
    ZPCI_DMA_FAULT_OUT_OF_RANGE,   /* outside sdma..edma */
    ZPCI_DMA_FAULT_DESIGNATION,    /* IOTA type not advertised in dtsm */
    ZPCI_DMA_FAULT_TABLE_TYPE,     /* entry's table type is not its level */
    ZPCI_DMA_FAULT_TABLE_LENGTH,   /* index outside the offset..length */
    ZPCI_DMA_FAULT_FORMAT,         /* large segment where none is allowed */
    ZPCI_DMA_FAULT_TABLE_READ,     /* a table entry outside guest RAM */
    ZPCI_DMA_FAULT_PROTECTION,     /* write through a protected entry */
} ZpciDmaFault;

/* The error event code the guest gets for @fault (0 for ZPCI_DMA_OK). */
uint16_t zpci_dma_fault_pec(ZpciDmaFault fault);
const char *zpci_dma_fault_name(ZpciDmaFault fault);

/* ---- the table walk (pure) ---- */

/*
 * Read the 8-byte big-endian table entry at guest absolute @addr into *val.
 * Returns false when @addr is not guest RAM; nothing else is read.
 */
typedef bool (*ZpciDmaReadFn)(void *opaque, uint64_t addr, uint64_t *val);

typedef struct ZpciDmaTables {
    ZpciDmaReadFn read;
    void *opaque;
    uint64_t iota; /* I/O translation anchor as registered by MPCIFC */
    uint64_t sdma; /* aperture, inclusive */
    uint64_t edma;
    uint8_t dtsm;       /* designation types allowed (ZPCI_DTSM_BIT) */
    bool large_pages;   /* 1 MiB segments (format control) allowed */
    uint64_t max_walks; /* per RPCIT; 0: ZPCI_RPCIT_MAX_WALKS_DEFAULT */
} ZpciDmaTables;

typedef struct ZpciDmaXlate {
    uint64_t iova; /* start of the frame, aligned to size */
    uint64_t addr; /* guest absolute address of the frame */
    uint64_t size; /* ZPCI_DMA_PAGE_SIZE or ZPCI_DMA_SEG_SIZE */
    bool writable; /* no protection bit on the path */
} ZpciDmaXlate;

/*
 * Translate @iova.  ZPCI_DMA_OK fills *out; any fault leaves it undefined.
 * Invalid entries give ZPCI_DMA_FAULT_NO_TRANSLATION; *skip (if non-NULL)
 * then gets the size of the unmapped block the invalid entry covers, so a
 * range walk can step over it.
 */
ZpciDmaFault zpci_dma_walk(const ZpciDmaTables *t, uint64_t iova,
                           ZpciDmaXlate *out, uint64_t *skip);

/* ---- the IOTLB (pure) ---- */

typedef struct ZpciDmaMapping {
    uint64_t iova;
    uint64_t addr;
    uint64_t size;
    bool writable;
} ZpciDmaMapping;

/*
 * Told of every change, in ascending iova; an UNMAP precedes a new MAP.
 * For a MAP, false refuses the mapping: the IOTLB does not hold it and
 * the refresh ends with ZPCI_RPCIT_NO_RESOURCES (what an UNMAP returns
 * is ignored).
 */
typedef bool (*ZpciDmaNotifyFn)(void *opaque, bool map,
                                const ZpciDmaMapping *m);

typedef struct ZpciIotlb ZpciIotlb;

/* RPCIT's answer, for the instruction layer. */
typedef enum ZpciRpcitStatus {
    ZPCI_RPCIT_OK,           /* cc 0 */
    ZPCI_RPCIT_FAULT,        /* cc 1 status 8: error state + error event */
    ZPCI_RPCIT_NO_RESOURCES, /* cc 1 status 16: budget, walk limit, or a
                                mapping refused (by the DMA owner) */
} ZpciRpcitStatus;

typedef struct ZpciRpcitResult {
    ZpciRpcitStatus status;
    ZpciDmaFault fault;  /* for ZPCI_RPCIT_FAULT */
    uint64_t fault_addr; /* the I/O address that faulted */
    uint64_t mapped;     /* MAP notifications sent */
    uint64_t unmapped;   /* UNMAP notifications sent */
    uint64_t refused;    /* MAPs refused (not held) */
} ZpciRpcitResult;

/*
 * Default DMA budget: 32,767 mappings (128 MiB in 4 KiB pages, about
 * 3 MB of IOTLB; the DMA-available count QEMU reports from a default
 * vfio host), so that a guest cannot make the IOTLB grow without bound.
 * The zpci property dma-budget changes it.
 */
#define ZPCI_DMA_BUDGET_DEFAULT 32767u
/*
 * Most table walks one RPCIT makes (each walk maps a frame or steps over
 * an invalid block).  Tables may alias one another, so without a bound a
 * tiny set of guest tables could keep one RPCIT busy for hours; past it
 * RPCIT answers ZPCI_RPCIT_NO_RESOURCES.  2^20 walks take about a third
 * of a second and cover 4 GiB of 4 KiB pages.  The zpci property
 * rpcit-walk-limit changes it.
 */
#define ZPCI_RPCIT_MAX_WALKS_DEFAULT (UINT64_C(1) << 20)

ZpciIotlb *zpci_iotlb_new(ZpciDmaNotifyFn notify, void *opaque,
                          uint32_t budget);
void zpci_iotlb_free(ZpciIotlb *tlb);
/* Drop everything (UNMAP each mapping): deregistration, reset, disable. */
void zpci_iotlb_flush(ZpciIotlb *tlb);
/* Re-walk [start, start + len) (clamped to 2^64) and update the IOTLB. */
ZpciRpcitResult zpci_iotlb_refresh(ZpciIotlb *tlb, const ZpciDmaTables *t,
                                   uint64_t start, uint64_t len);
/* The mapping holding @iova; false when none. */
bool zpci_iotlb_lookup(const ZpciIotlb *tlb, uint64_t iova,
                       ZpciDmaMapping *out);
uint64_t zpci_iotlb_count(const ZpciIotlb *tlb);
/* Call @fn(opaque, true, m) for every mapping, in ascending iova (its
 * result is ignored). */
void zpci_iotlb_foreach(const ZpciIotlb *tlb, ZpciDmaNotifyFn fn, void *opaque);

/* ---- the per-function DMA address space (for the zPCI bridge) ---- */

/*
 * Lifecycle, as the bridge uses it:
 *   s = zpci_dma_space_new("iommu-pci-00:03.0", &address_space_memory);
 *   pci device's DMA address space := zpci_dma_space_as(s);
 *   zpci_dma_space_set_fault_handler(s, fn, dev);  error state + event
 *   MPCIFC register I/O address translation:
 *       fault = zpci_dma_space_register(s, &cfg, iota);
 *       (ZPCI_DMA_FAULT_DESIGNATION: a type not in dtsm, or sdma > edma;
 *        the instruction layer picks the MPCIFC condition/status code)
 *   RPCIT: r = zpci_dma_space_rpcit(s, start, len);
 *   MPCIFC deregister / CLP disable / reset: zpci_dma_space_deregister(s);
 *   unplug: zpci_dma_space_free(s);
 * Without a registered translation, and unless relaxed, every DMA fails.
 * Registering notifiers: memory_region_register_iommu_notifier(
 *   zpci_dma_space_iommu(s), n, errp).
 * The function's DMA owner (vfio-pci: the host IOMMU behind it) is not a
 * notifier: zpci_dma_space_set_owner(s, fn, opaque) makes it the first to
 * hear of a new mapping, and it may refuse it (the host has no mapping
 * left, or cannot map that memory), so that the IOTLB never holds what
 * the host does not map and RPCIT can answer cc 1 status 16.
 */
typedef struct ZpciDmaSpace ZpciDmaSpace;

typedef struct ZpciDmaConfig {
    uint64_t sdma;
    uint64_t edma;
    uint8_t dtsm;
    bool large_pages;
    uint32_t budget;     /* 0: ZPCI_DMA_BUDGET_DEFAULT */
    uint64_t max_walks;  /* 0: ZPCI_RPCIT_MAX_WALKS_DEFAULT */
    uint64_t guest_size; /* relaxed: guest bytes aliased (0: to edma) */
} ZpciDmaConfig;

/*
 * The DMA owner's view of a change: @e as the IOMMU notifiers get it
 * (perm IOMMU_NONE: an unmap).  A map is asked before the notifiers hear
 * of it, and false refuses it (nobody hears of it then); an unmap is told
 * after the notifiers, and its result is ignored.
 */
typedef bool (*ZpciDmaOwnerFn)(void *opaque, const IOMMUTLBEntry *e);

/* A device DMA faulted at @iova: the bridge enters the error state. */
typedef void (*ZpciDmaFaultFn)(void *opaque, ZpciDmaFault fault, uint64_t iova,
                               bool is_write);

ZpciDmaSpace *zpci_dma_space_new(const char *name, AddressSpace *guest);
void zpci_dma_space_free(ZpciDmaSpace *s);
AddressSpace *zpci_dma_space_as(ZpciDmaSpace *s);
MemoryRegion *zpci_dma_space_iommu(ZpciDmaSpace *s);
void zpci_dma_space_set_fault_handler(ZpciDmaSpace *s, ZpciDmaFaultFn fn,
                                      void *opaque);
/*
 * Make @fn the space's DMA owner (NULL: none).  Whatever translation is
 * registered goes first (the old owner hears the unmaps), so the new
 * owner starts from an empty space.
 */
void zpci_dma_space_set_owner(ZpciDmaSpace *s, ZpciDmaOwnerFn fn, void *opaque);
ZpciDmaFault zpci_dma_space_register(ZpciDmaSpace *s, const ZpciDmaConfig *cfg,
                                     uint64_t iota);
void zpci_dma_space_deregister(ZpciDmaSpace *s);
bool zpci_dma_space_registered(ZpciDmaSpace *s);
/*
 * Relaxed: translation off; iova sdma + x reaches guest x (up to edma).
 * On, the notifiers get MAPs of [sdma, sdma + guest_size) -> [0,
 * guest_size) in aligned power-of-two blocks (and a registered
 * translation is dropped first); off (or deregistration) the same
 * blocks as UNMAPs.  False: the DMA owner refused a block; the blocks
 * mapped before it are unmapped again and the space is left with no
 * translation at all.
 */
bool zpci_dma_space_set_relaxed(ZpciDmaSpace *s, const ZpciDmaConfig *cfg,
                                bool on);
bool zpci_dma_space_relaxed(ZpciDmaSpace *s);
ZpciRpcitResult zpci_dma_space_rpcit(ZpciDmaSpace *s, uint64_t start,
                                     uint64_t len);
uint64_t zpci_dma_space_mappings(ZpciDmaSpace *s);

#endif
