/*
 * Dynamic address translation of the interpreter CPU (dat.c): the ASCE
 * that the PSW's address-space control selects, the region, segment and
 * page tables (4 KiB pages, no large frames), DAT protection, and a TLB
 * of translations tagged by ASCE, purged by PTLB, IPTE, IDTE and CSP.
 */
#ifndef TARGET_S390X_DAT_H
#define TARGET_S390X_DAT_H

#include "target/s390x/cpu-state.h"

/* ASCE fields */
#define ASCE_ORIGIN  (~UINT64_C(0xfff))
#define ASCE_PRIVATE PSW_BIT(55)      /* bit 55 of 64: P, 0x100 */
#define ASCE_REAL    UINT64_C(0x20)   /* bit 58: real-space control */
#define ASCE_DT(a)   (((a) >> 2) & 3) /* bits 60-61: designation type */
#define ASCE_TL(a)   ((a)&3)          /* bits 62-63: table length */

/* region- and segment-table entries */
#define RTE_ORIGIN (~UINT64_C(0xfff))
#define STE_ORIGIN (~UINT64_C(0x7ff))
#define TE_PROTECT UINT64_C(0x200) /* bit 54 */
#define TE_INVALID UINT64_C(0x20)  /* bit 58 */
#define TE_TT(e)   (((e) >> 2) & 3)
#define RTE_TF(e)  (((e) >> 6) & 3)
#define RTE_TL(e)  ((e)&3)
/* page-table entries */
#define PTE_FRAME   (~UINT64_C(0xfff))
#define PTE_ZERO52  UINT64_C(0x800) /* bit 52 must be zero */
#define PTE_INVALID UINT64_C(0x400) /* bit 53 */
#define PTE_PROTECT UINT64_C(0x200) /* bit 54 */

/* CR0 bit 35: low-address protection */
#define CR0_LAP PSW_BIT(35)

#define S390_TLB_SIZE 256

/*
 * Translate virtual @va for @kind to a real address. 0, or a program-
 * interruption code with cpu->teid set for the exceptions that store it.
 */
int s390_dat_translate(S390Cpu *cpu, uint64_t va, S390Access kind,
                       uint64_t *ra);
/* Drop every TLB entry */
void s390_tlb_purge(S390Cpu *cpu);
/*
 * ... of every CPU in the configuration (IPTE, IDTE, CSP with the purge
 * bit): through cpu->tlb_purge_all, or this CPU's alone without one
 */
void s390_tlb_purge_all(S390Cpu *cpu);
/*
 * LRA's translation of @va in the address space the PSW selects, DAT on
 * or off, without the TLB: 0 with the real address in *@ra, or the
 * exception code (no TEID stored). *@entry is the absolute address of
 * the last table entry fetched, *@ibit whether its invalid bit failed.
 */
int s390_dat_probe(S390Cpu *cpu, uint64_t va, uint64_t *ra, uint64_t *entry,
                   bool *ibit);

#endif
