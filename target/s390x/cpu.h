/*
 * s390x CPU state as far as the instruction semantics need it, and the
 * outcome of an instruction: a condition code or a program interruption.
 *
 * Only CPU 0 exists for now; the qtest client plays it
 * (target/s390x/qtest-s390x.c), the interpreter will later.
 */
#ifndef TARGET_S390X_CPU_H
#define TARGET_S390X_CPU_H

#include "qemu/osdep.h"

typedef struct CPUS390XState {
    uint64_t regs[16];  /* general registers */
    uint64_t cregs[16]; /* control registers */
    uint64_t psa;       /* prefix (absolute address of the lowcore) */
} CPUS390XState;

/* The state of CPU @index (only 0), reset to architected initial values. */
CPUS390XState *s390_cpu_env(int index);
void s390_cpu_reset(CPUS390XState *env);

/* Program-interruption codes */
#define PGM_OPERATION     0x0001
#define PGM_PRIVILEGED    0x0002
#define PGM_ADDRESSING    0x0005
#define PGM_SPECIFICATION 0x0006
#define PGM_OPERAND       0x0015

/*
 * Instruction outcome: 0..3 is the condition code; a negative value is
 * the program-interruption code, negated (the instruction was
 * suppressed or nullified: nothing changed).
 */
static inline int s390_pgm(uint16_t code)
{
    return -(int)code;
}

/* Lowcore fields of an I/O interruption */
#define LC_SUBCHANNEL_ID 0xb8
#define LC_IO_INT_PARM   0xbc
#define LC_IO_INT_WORD   0xc0

/* I/O interruption subclass mask: CR6 bits 32-39, ISC 0 leftmost */
static inline uint8_t s390_io_isc_mask(const CPUS390XState *env)
{
    return (uint8_t)(env->cregs[6] >> 24);
}

/* ---- I/O instructions (ioinst.c, chsc.c) ---- */
/* @r1: general register 1 (subsystem-identification word in bits 32-63) */
int ioinst_stsch(CPUS390XState *env, uint64_t r1, uint64_t addr);
int ioinst_msch(CPUS390XState *env, uint64_t r1, uint64_t addr);
int ioinst_ssch(CPUS390XState *env, uint64_t r1, uint64_t addr);
int ioinst_tsch(CPUS390XState *env, uint64_t r1, uint64_t addr);
int ioinst_hsch(CPUS390XState *env, uint64_t r1);
int ioinst_csch(CPUS390XState *env, uint64_t r1);
int ioinst_rsch(CPUS390XState *env, uint64_t r1);
int ioinst_xsch(CPUS390XState *env, uint64_t r1);
/* @addr 0: the interruption code goes to the lowcore */
int ioinst_tpi(CPUS390XState *env, uint64_t addr);
int ioinst_stcrw(CPUS390XState *env, uint64_t addr);
/* @r1, @r2: general registers 1 and 2 */
int ioinst_schm(CPUS390XState *env, uint64_t r1, uint64_t r2);
int ioinst_chsc(CPUS390XState *env, uint64_t addr);

/* Operand access for the instructions (ioinst.c) */
int ioinst_check_operand(uint64_t addr, uint64_t len, uint64_t align,
                         bool is_write);
void ioinst_store(uint64_t addr, const void *buf, uint64_t len);
void ioinst_fetch(uint64_t addr, void *buf, uint64_t len);

/* ---- interruptions (interrupt.c) ---- */

typedef struct S390IoIntr {
    uint32_t sid;
    uint32_t intparm;
    uint32_t iid; /* interruption-identification word (ISC) */
    uint8_t isc;
} S390IoIntr;

/*
 * Take the pending I/O interruption of highest priority among the ISCs
 * CR6 enables, storing its code in the lowcore as the CPU does. False
 * when none is pending.
 */
bool s390_io_intr_take(CPUS390XState *env, S390IoIntr *out);
/*
 * SET INTERRUPTION CONTROLS (adapter-interruption suppression per ISC):
 * mode in register @r1, ISC << 27 in register @r3; 0 or -PGM_OPERAND.
 */
int s390_sic(CPUS390XState *env, int r1, int r3);
/* Machine-check pending indication: channel reports are queued */
bool s390_crw_mchk_pending(CPUS390XState *env);
/*
 * DIAGNOSE 0x288 (the diag288 watchdog) with the function, the timeout
 * in seconds and the action (R1, R1+1, R3; the even-R1 check is the
 * caller's): 0 or PGM_SPECIFICATION.
 */
int s390_diag288(uint64_t func, uint64_t timeout_s, uint64_t action);

#endif
