/*
 * IPL from -kernel: the image, -initrd and -append placed as QEMU's
 * s390x loader places them, and the IPL PSW of CPU 0.
 */
#ifndef HW_S390X_S390_IPL_H
#define HW_S390X_S390_IPL_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/boards.h"

/* Image facts (Linux's s390 boot layout, as QEMU's loader uses them) */
#define IPL_KERNEL_START   UINT64_C(0x10000) /* Linux entry, bare-metal too */
#define IPL_LINUX_MAGIC    UINT64_C(0x10008) /* "S390EP" of a Linux image */
#define IPL_INITRD_PARM    UINT64_C(0x10408) /* initrd start, then size */
#define IPL_CMDLINE        UINT64_C(0x10480) /* the -append line */
#define IPL_INITRD_DEFAULT UINT64_C(0x800000)

/*
 * Load -kernel (and -initrd, -append) of @ms as reset-time blobs; no
 * -kernel: nothing to do (no IPL: the CPUs stay stopped).
 */
bool s390_ipl_load(MachineState *ms, Error **errp);
/* Does an IPL address exist (a -kernel was loaded)? Where? */
bool s390_ipl_address(uint64_t *addr);

#endif
