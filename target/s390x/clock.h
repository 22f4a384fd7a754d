/*
 * The interpreter CPU's clocks (exec-clock.c): what the machine asks to
 * decide on clock-comparator and CPU-timer external interruptions.
 */
#ifndef TARGET_S390X_CLOCK_H
#define TARGET_S390X_CLOCK_H

#include "target/s390x/cpu-state.h"

/* The TOD clock now (host clock in TOD units + the SCK offset) */
uint64_t s390_tod_now(const S390Cpu *cpu);
/* Clock comparator condition: the TOD clock is past the comparator */
bool s390_ckc_pending(const S390Cpu *cpu);
/* The CPU timer now (it decrements with the TOD clock) */
int64_t s390_cpu_timer_value(const S390Cpu *cpu);
/* CPU timer condition: the timer is negative */
bool s390_cpu_timer_pending(const S390Cpu *cpu);

#endif
