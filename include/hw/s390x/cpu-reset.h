/*
 * The seam between the machine and the CPU model for system reset.
 *
 * The machine (hw/s390x) knows nothing of the CPU's state: the CPU model
 * (target/s390x) registers at start-up how its CPUs return to their
 * initial state, and the machine's system reset calls that before it
 * resets the channel subsystem and the devices. Without a registered
 * hook (a build or test without a CPU model) the CPUs are left alone.
 */
#ifndef HW_S390X_CPU_RESET_H
#define HW_S390X_CPU_RESET_H

typedef void S390CpuResetHook(void);

/* Replace the hook (NULL removes it). */
void s390_machine_set_cpu_reset(S390CpuResetHook *hook);

#endif
