/*
 * The assigned storage locations of the z/Architecture lowcore (real
 * addresses; prefixing maps them to the CPU's prefix area) that the
 * interruptions and the system instructions use, and the interruption
 * delivery of the interpreter CPU (intr.c).
 */
#ifndef TARGET_S390X_LOWCORE_H
#define TARGET_S390X_LOWCORE_H

#include "target/s390x/cpu-state.h"

#define LC_EXT_PARAM    0x080 /* 4: external-interruption parameter */
#define LC_EXT_CPU_ADDR 0x084 /* 2: CPU address of the source */
#define LC_EXT_CODE     0x086 /* 2: external-interruption code */
#define LC_SVC_ILC      0x088 /* 2: ILC of the SVC (byte 0x89) */
#define LC_SVC_CODE     0x08a /* 2: SVC interruption code */
#define LC_PGM_ILC      0x08c /* 2: ILC (byte 0x8d) */
#define LC_PGM_CODE     0x08e /* 2: program-interruption code */
#define LC_DXC          0x090 /* 4: data-exception code (byte 0x93) */
#define LC_MON_CLASS    0x094 /* 2: monitor-class number (byte 0x95) */
#define LC_TEID         0x0a8 /* 8: translation-exception identification */
#define LC_MON_CODE     0x0b0 /* 8: monitor code (MC's operand address) */
#define LC_STFL         0x0c8 /* 4: STFL's facility list */
#define LC_MCHK_CODE    0x0e8 /* 8: machine-check interruption code */
#define LC_RESTART_OLD  0x120
#define LC_EXT_OLD      0x130
#define LC_SVC_OLD      0x140
#define LC_PGM_OLD      0x150
#define LC_MCHK_OLD     0x160
#define LC_IO_OLD       0x170
#define LC_RESTART_NEW  0x1a0
#define LC_EXT_NEW      0x1b0
#define LC_SVC_NEW      0x1c0
#define LC_PGM_NEW      0x1d0
#define LC_MCHK_NEW     0x1e0
#define LC_IO_NEW       0x1f0

/* External-interruption codes */
#define EXT_INTERRUPT_KEY  0x0040
#define EXT_CLOCK_COMP     0x1004
#define EXT_CPU_TIMER      0x1005
#define EXT_MALFUNCTION    0x1200
#define EXT_EMERGENCY      0x1201
#define EXT_EXTERNAL_CALL  0x1202
#define EXT_SERVICE_SIGNAL 0x2401

/* Machine-check interruption code: channel report pending (bit 9) */
#define MCHK_CODE_CRW (UINT64_C(1) << (63 - 9))
/* CR14 bit 35: channel-report-pending subclass mask */
#define CR14_CRW_MASK (UINT64_C(1) << (63 - 35))

/*
 * Program-interruption hook (S390Cpu.pgm_hook) that delivers into the
 * lowcore: ILC, code, TEID for translation exceptions, the DXC for a
 * data exception, old PSW, new PSW.
 * Returns true (go on) unless the program new PSW is invalid too, which
 * would loop: then false with pgm_exit S390_RUN_PSW_LOOP.
 */
bool s390_intr_pgm_lowcore(S390Cpu *cpu, void *opaque);
/* The SVC interruption for SVC @code of length @ilen (PSW past the SVC) */
int s390_intr_svc(S390Cpu *cpu, uint8_t code, uint8_t ilen);
/* Is external interruption @code enabled (PSW bit 7, CR0 subclass)? */
bool s390_ext_enabled(const S390Cpu *cpu, uint16_t code);
/* Deliver it if enabled; false (nothing done) when disabled */
bool s390_intr_external(S390Cpu *cpu, uint16_t code, uint16_t src_cpu,
                        uint32_t param);
/*
 * Take the I/O interruption of highest priority that PSW bit 6 and the
 * CR6 ISC mask enable from the css queue (s390_io_intr_take()); false
 * when disabled or none is pending.
 */
bool s390_intr_io(S390Cpu *cpu);
/* Machine check for a pending channel report (PSW bit 13, CR14 bit 35) */
bool s390_intr_mchk_crw(S390Cpu *cpu);
/*
 * Take the interruption of highest priority among those the CPU can see
 * by itself, if the PSW and control registers enable it: channel report
 * (repressible machine check), clock comparator, CPU timer, then I/O.
 * The conditions the machine holds (service signal, emergency signal,
 * external call) it delivers with s390_intr_external(). True if taken.
 */
bool s390_intr_poll(S390Cpu *cpu);
/* Restart interruption (never masked) */
void s390_intr_restart(S390Cpu *cpu);

#endif
