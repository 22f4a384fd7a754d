/*
 * The system-information blocks STORE SYSTEM INFORMATION stores, built
 * as QEMU's TCG builds them: a basic machine (level 1), one logical
 * partition (level 2) and one virtual machine (level 3) whose name and
 * UUID are the -name and -uuid of this process. Pure: the caller passes
 * what the configuration looks like.
 */
#ifndef TARGET_S390X_SYSIB_H
#define TARGET_S390X_SYSIB_H

#include "qemu/osdep.h"

#define S390_SYSIB_SIZE 4096

typedef struct S390SysInfo {
    uint16_t machine_type; /* STIDP's machine type (0x2827) */
    uint16_t cpu_addr;     /* the CPU executing STSI */
    uint16_t total_cpus;   /* maxcpus */
    uint16_t conf_cpus;    /* created CPUs */
    const char *name;      /* -name, or NULL */
    const uint8_t *uuid;   /* 16 bytes */
} S390SysInfo;

/*
 * Fill @sysib (S390_SYSIB_SIZE bytes) for function code @fc (1-3) and
 * selectors @sel1/@sel2. False when the configuration has no such block
 * (condition code 3); @sysib is then untouched.
 */
bool s390_sysib_build(uint8_t *sysib, unsigned fc, unsigned sel1, unsigned sel2,
                      const S390SysInfo *info);

#endif
