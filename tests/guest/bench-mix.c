/*
 * A guest of scripts/bench-tcg.sh, run under our binary and Debian's
 * qemu-system-s390x with -accel tcg; the script times start to exit.
 * Mixed: LG, AGR, SLLG, XGR, STG, LA, AHI, BRCTG, 8 instructions per
 * iteration (hand-written, the mix of compiled loops).
 */
#include "guest.h"

#define MIX_ITERS 100000000UL

static uint64_t cell[2];

int main(void)
{
    unsigned long iters = MIX_ITERS;

    asm volatile("   lghi %%r2,1\n"
                 "0: lg %%r3,0(%[c])\n"
                 "   agr %%r3,%%r2\n"
                 "   sllg %%r4,%%r3,3\n"
                 "   xgr %%r4,%%r3\n"
                 "   stg %%r4,8(%[c])\n"
                 "   la %%r2,1(%%r2)\n"
                 "   ahi %%r5,7\n"
                 "   brctg %[n],0b\n"
                 : [n] "+d"(iters)
                 : [c] "a"(cell)
                 : "r2", "r3", "r4", "r5", "memory", "cc");
    check(iters == 0 && cell[1] != 0, 1);
    return 0;
}
