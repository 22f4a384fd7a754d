/*
 * A guest of scripts/bench-tcg.sh, run under our binary and Debian's
 * qemu-system-s390x with -accel tcg; the script times start to exit.
 * Byte copy: IC/STC/AGHI/BRCTG, 4 instructions per byte; a pass of 4096
 * bytes adds LGHI, LGHI, BRCTG: 16387 instructions per pass.
 */
#include "guest.h"

#define COPY_PASSES 60000UL

static uint8_t src[4096], dst[4096];

int main(void)
{
    unsigned long passes = COPY_PASSES;

    asm volatile("0: lghi %%r1,0\n"
                 "   lghi %%r4,4096\n"
                 "1: ic %%r0,0(%%r1,%[s])\n"
                 "   stc %%r0,0(%%r1,%[d])\n"
                 "   aghi %%r1,1\n"
                 "   brctg %%r4,1b\n"
                 "   brctg %[p],0b\n"
                 : [p] "+d"(passes)
                 : [s] "a"(src), [d] "a"(dst)
                 : "r0", "r1", "r4", "memory", "cc");
    check(passes == 0 && dst[4095] == src[4095], 1);
    return 0;
}
