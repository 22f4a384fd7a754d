/*
 * The run loop of an interpreting accelerator ("tcg"): the guest CPUs run
 * in the main loop, in slices, between the other event sources (QMP,
 * chardevs, timers, device completions). Everything stays on one thread,
 * so the CPUs and the device models never run at the same time and need
 * no lock.
 *
 * The CPU model registers its ops once. While the VM is running the loop
 * asks ops->poll() whether a CPU can run now; if one can, ops->run() is
 * called for one slice. If none can (all stopped or waiting), poll()
 * gives the time until a CPU timer event (clock comparator, CPU timer)
 * and the main loop sleeps until then or until another source fires.
 */
#ifndef SYSEMU_CPU_LOOP_H
#define SYSEMU_CPU_LOOP_H

#include "qemu/osdep.h"

typedef struct CpuLoopOps {
    /*
     * Can a CPU run now? If not, *timeout_ns is the time until one may
     * (-1: only an event from elsewhere can make one runnable).
     */
    bool (*poll)(void *opaque, int64_t *timeout_ns);
    /* Run the CPUs for one slice (a few milliseconds at most). */
    void (*run)(void *opaque);
} CpuLoopOps;

/* Attach the run loop to the default main context (once). */
void cpu_loop_register(const CpuLoopOps *ops, void *opaque);
/* Leave the current slice as soon as possible (a request to serve). */
void cpu_loop_exit_slice(void);
/* True once cpu_loop_exit_slice() was called in the current slice. */
bool cpu_loop_slice_ended(void);

#endif
