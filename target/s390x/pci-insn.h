/*
 * The s390 PCI instructions as CPU 0 executes them: CALL LOGICAL
 * PROCESSOR for PCI (clp-insn.c), PCI LOAD / STORE / STORE BLOCK
 * (pci-insn.c), MODIFY / STORE PCI FUNCTION CONTROLS (pci-insn-fc.c).  Each returns the condition code
 * (0..3) or a negated program-interruption code (cpu.h, s390_pgm()).
 * The qtest s390x extension calls them (docs/devel/qtest-s390x.rst).
 */
#ifndef TARGET_S390X_PCI_INSN_H
#define TARGET_S390X_PCI_INSN_H

#include "target/s390x/cpu.h"

/* CLP with the logical-processor control block at absolute @addr. */
int clp_insn(CPUS390XState *env, uint64_t addr);

/* Status codes of the PCI instructions (bits 32-39 of the request) */
#define ZPCI_ST_FUNC_NOT_ENABLED   4
#define ZPCI_ST_FUNC_IN_ERR        8
#define ZPCI_ST_BLOCKED            12
#define ZPCI_ST_INSUF_RES          16
#define ZPCI_ST_INVAL_AS           20
#define ZPCI_ST_ALREADY_ENABLED    24
#define ZPCI_ST_DMA_AS_NOT_ENABLED 28
#define ZPCI_ST_2ND_OP_INVAL_AS    36
#define ZPCI_ST_FUNC_NOT_AVAIL     40

/*
 * PCI LOAD: general registers @r2 (request: handle << 32 | address
 * space << 16 | length) and @r2 + 1 (offset); the data goes to @r1.
 * PCI STORE: the data from @r1.  @r2 must be even.
 */
int pci_insn_pcilg(CPUS390XState *env, int r1, int r2);
int pci_insn_pcistg(CPUS390XState *env, int r1, int r2);
/* MPCIFC operation controls and status codes */
#define ZPCI_MOD_FC_REG_INT       2
#define ZPCI_MOD_FC_DEREG_INT     3
#define ZPCI_MOD_FC_REG_IOAT      4
#define ZPCI_MOD_FC_DEREG_IOAT    5
#define ZPCI_MOD_FC_REREG_IOAT    6
#define ZPCI_MOD_FC_RESET_ERROR   7
#define ZPCI_MOD_FC_RESET_BLOCK   9
#define ZPCI_MOD_FC_SET_MEASURE   10
#define ZPCI_MOD_ST_RES_NOT_AVAIL 4
#define ZPCI_MOD_ST_INSUF_RES     16
#define ZPCI_MOD_ST_SEQUENCE      24
#define ZPCI_MOD_ST_DMAAS_INVAL   28
#define ZPCI_MOD_ST_FRAME_INVAL   32
#define ZPCI_MOD_ST_ERROR_RECOVER 40
/* STPCIFC status codes */
#define ZPCI_STPCIFC_ST_PERM_ERROR  8
#define ZPCI_STPCIFC_ST_INVAL_DMAAS 28

/*
 * MODIFY / STORE PCI FUNCTION CONTROLS: request in @r1 (handle << 32 |
 * DMA address space << 16 | operation control), the 80-byte function
 * information block at absolute @fiba (doubleword aligned).
 */
int pci_insn_mpcifc(CPUS390XState *env, int r1, uint64_t fiba);
int pci_insn_stpcifc(CPUS390XState *env, int r1, uint64_t fiba);

/*
 * REFRESH PCI TRANSLATIONS: request in @r1 (handle << 32 | DMA address
 * space << 16), the range's start in even @r2 and its length in @r2 + 1.
 */
int pci_insn_rpcit(CPUS390XState *env, int r1, int r2);

/* PCI STORE BLOCK: request in @r1 (13-bit length), offset in @r3. */
int pci_insn_pcistb(CPUS390XState *env, int r1, int r3, uint64_t addr);

#endif
