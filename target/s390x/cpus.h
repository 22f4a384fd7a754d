/*
 * The machine's CPUs under the interpreting accelerator ("tcg"): their
 * creation, states (stopped, operating, check-stop), the interruption
 * conditions the configuration holds for them (emergency signal,
 * external call, restart), SIGP between them, the IPL and the exit
 * rules. They run in the main loop (system/cpu-loop.c), round robin.
 */
#ifndef TARGET_S390X_CPUS_H
#define TARGET_S390X_CPUS_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "target/s390x/cpu-state.h"

typedef enum S390CpuRun {
    S390_CPU_STOPPED,
    S390_CPU_OPERATING,
    S390_CPU_CHECK_STOP, /* the program new PSW was invalid too */
} S390CpuRun;

typedef struct S390MachCpu {
    S390Cpu cpu;
    S390CpuRun run;
    uint8_t *emergency;    /* per source CPU address: a pending signal */
    bool ext_call;         /* an external call is pending ... */
    uint16_t ext_call_src; /* ... from this CPU */
    bool restart;          /* a restart interruption is pending */
} S390MachCpu;

/*
 * Create @n CPUs over guest RAM @ram (at absolute 0) and attach them to
 * the main loop; @max (>= @n) CPUs are possible (-smp maxcpus), the
 * others are reserved. All start stopped; s390_cpus_ipl() starts CPU 0.
 */
bool s390_cpus_create(unsigned n, unsigned max, MemoryRegion *ram,
                      Error **errp);
/*
 * Hot-plug: CPU @addr, which must be the next (s390_cpus_count()) and
 * below the maximum, starts to exist, stopped after an initial reset.
 */
bool s390_cpus_plug(unsigned addr, Error **errp);
/* How many there are (0 without the interpreter) and CPU @i */
unsigned s390_cpus_count(void);
/* How many are possible (0 without the interpreter) */
unsigned s390_cpus_max(void);
S390MachCpu *s390_cpus_get(unsigned i);
/*
 * The CPUs' QOM devices (cpu-qom.c): @n of @type, created before the
 * machine's other devices, room for @max (device_add of a CPU type with
 * core-id= adds one: s390_cpus_plug()); the canonical path of CPU @i's
 * (g_free it; NULL when there is none)
 */
bool s390_cpus_qom_create(const char *type, unsigned n, unsigned max,
                          Error **errp);
char *s390_cpus_qom_path(unsigned i);
/* Initial CPU reset of every CPU: all stopped, nothing pending */
void s390_cpus_reset(void);
/* Load the IPL PSW (64-bit mode, @addr) into CPU 0 and start it */
void s390_cpus_ipl(uint64_t addr);

/* ---- within target/s390x ---- */
/* SIGP as the configuration carries it out (sigp.c) */
int s390_sigp_order(S390Cpu *cpu, uint8_t order, uint16_t addr, uint64_t param,
                    uint32_t *status);
/* Stop CPU @c (storing its status first if @store); the exit rule */
void s390_cpus_stop(S390MachCpu *c, bool store);
/* CPU reset (@initial: initial CPU reset) of @c, which is stopped then */
void s390_cpus_reset_one(S390MachCpu *c, bool initial);
/*
 * Store the status of @c at absolute @abs (the 512-byte save-area
 * layout at 0x1200 of the lowcore: FPRs, GPRs, PSW, prefix, FPC, TOD
 * programmable register, CPU timer, clock comparator, ARs, CRs).
 */
void s390_cpus_store_status(S390MachCpu *c, uint64_t abs);
/* Operating CPUs that are not in a disabled wait */
unsigned s390_cpus_running(void);

#endif
