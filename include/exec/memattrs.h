/*
 * Memory transaction attributes and results.
 *
 * Every access made through an address space carries a MemTxAttrs value
 * (who is asking) and reports a MemTxResult (what happened) instead of
 * crashing or silently touching memory it should not.
 */
#ifndef EXEC_MEMATTRS_H
#define EXEC_MEMATTRS_H

#include "qemu/osdep.h"

/* A guest physical (or bus) address. */
#ifndef HWADDR_MAX
typedef uint64_t hwaddr;
#define HWADDR_MAX     UINT64_MAX
#define HWADDR_BITS    64
#define HWADDR_PRIx    PRIx64
#define HWADDR_PRIX    PRIX64
#define HWADDR_PRIu    PRIu64
#define HWADDR_FMT_plx "%016" PRIx64
#endif

typedef struct MemTxAttrs {
    /* Set when the initiator did not say anything more specific. */
    unsigned int unspecified : 1;
    /* Set for accesses by the device model itself rather than the guest. */
    unsigned int memory : 1;
    unsigned int user : 1;
    /* PCI requester id (bus/devfn) of a DMA initiator, 0 if none. */
    unsigned int requester_id : 16;
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs){ .unspecified = 1 })

/* Bit flags: results of a multi-part access are OR'ed together. */
typedef uint32_t MemTxResult;
#define MEMTX_OK           0
#define MEMTX_ERROR        (1U << 0) /* device or permission error */
#define MEMTX_DECODE_ERROR (1U << 1) /* nothing mapped at that address */

#endif
