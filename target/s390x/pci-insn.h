/*
 * The s390 PCI instructions as CPU 0 executes them: CALL LOGICAL
 * PROCESSOR for PCI (clp-insn.c).  Each returns the condition code
 * (0..3) or a negated program-interruption code (cpu.h, s390_pgm()).
 * The qtest s390x extension calls them (docs/devel/qtest-s390x.rst).
 */
#ifndef TARGET_S390X_PCI_INSN_H
#define TARGET_S390X_PCI_INSN_H

#include "target/s390x/cpu.h"

/* CLP with the logical-processor control block at absolute @addr. */
int clp_insn(CPUS390XState *env, uint64_t addr);

#endif
