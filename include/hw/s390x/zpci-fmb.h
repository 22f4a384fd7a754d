/*
 * The function measurement block (FMB) of a zPCI function: MPCIFC
 * set-measurement gives the address of a block in guest memory that the
 * machine refreshes every measurement-update interval (the group's mui,
 * in milliseconds of the virtual clock) with counts of the PCI
 * instructions issued for the function.  See docs/system/s390x/zpci.rst.
 *
 * Format 0, 64 bytes, big endian (what Linux's struct zpci_fmb reads):
 *    0 format(1)  1 format indication(3): 0x800000 DMA counters valid
 *                                        (set for emulated functions)
 *    4 samples(4)  8 last update(8): TOD clock << 1, bit 63 = update
 *                                    in progress
 *   16 PCI LOAD(8)  24 PCI STORE(8)  32 PCI STORE BLOCK(8)  40 RPCIT(8)
 *   48 DMA bytes read(8)  56 DMA bytes written(8)
 */
#ifndef HW_S390X_ZPCI_FMB_H
#define HW_S390X_ZPCI_FMB_H

#include "qemu/osdep.h"
#include "qemu/timer.h"

#define ZPCI_FMB_LEN        64                 /* format 0 */
#define ZPCI_FMB_LEN_WORDS  (ZPCI_FMB_LEN / 4) /* CLP Query PCI fmb len */
#define ZPCI_FMB_ALIGN_MASK 0xfull /* FIB fmb address: 16-byte aligned */
#define ZPCI_GROUP_MUI_MS   4000   /* the default group's mui */

/* FMB errors (PCI error event codes, as QEMU reports them) */
#define ZPCI_PEC_FMB_ADDRESS    0x002a /* the block is not in guest RAM */
#define ZPCI_PEC_FMB_PROTECTION 0x002c /* a FIB fmb address with low bits */

typedef enum ZpciFmbCounter {
    ZPCI_FMB_LOAD,
    ZPCI_FMB_STORE,
    ZPCI_FMB_STORE_BLOCK,
    ZPCI_FMB_RPCIT,
    ZPCI_FMB_NR_COUNTERS,
} ZpciFmbCounter;

typedef struct ZpciFmb {
    uint64_t addr;    /* guest absolute address; 0: measurement off */
    uint16_t mui_ms;  /* update interval */
    uint32_t samples; /* updates stored so far */
    uint64_t count[ZPCI_FMB_NR_COUNTERS];
    uint64_t dma_read, dma_written; /* format 0 DMA byte counters */
    QEMUTimer *timer;               /* QEMU_CLOCK_VIRTUAL, armed while on */
} ZpciFmb;

typedef struct ZpciDevice ZpciDevice;

typedef enum ZpciFmbResult {
    ZPCI_FMB_OK,
    ZPCI_FMB_BAD_ADDRESS, /* low four bits set: condition code 1 */
} ZpciFmbResult;

/*
 * MPCIFC set-measurement with the FIB's fmb address: 0 stops the
 * updates; otherwise the block at @addr is updated every @mui_ms from
 * now on (counters start at zero when measurement was off).
 */
ZpciFmbResult zpci_fmb_set(ZpciDevice *z, uint64_t addr, uint16_t mui_ms);
/* Stop measuring and forget the counters (disable, reset, unplug). */
void zpci_fmb_stop(ZpciDevice *z);
/* Count one instruction of kind @c for @z (counted while measured). */
void zpci_fmb_count(ZpciDevice *z, ZpciFmbCounter c);
/*
 * Count @len bytes of DMA the function made (@to_memory: written to
 * memory, else read from it).  The PCI core reports what emulated
 * functions move; a vfio-pci function's DMA goes to host mappings the
 * emulator never sees, so its block says the DMA counters are not valid.
 */
void zpci_fmb_count_dma(ZpciDevice *z, uint64_t len, bool to_memory);

#endif
