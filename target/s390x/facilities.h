/*
 * The facility list the interpreter CPU reports (STFL, STFLE): only
 * facilities whose instructions are implemented. Bit n of the list is
 * bit (n % 64) of doubleword n / 64, counted from the left.
 */
#ifndef TARGET_S390X_FACILITIES_H
#define TARGET_S390X_FACILITIES_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define S390_FACILITY_DWS 2

#define S390_FAC(n) (UINT64_C(1) << (63 - (n)))

/*
 * dw 0. 45: distinct operands, high word, interlocked access 1, load/store
 * on condition 1, population count. 49: miscellaneous-instruction
 * extension, load and trap, execution hint, processor assist.
 */
#define S390_FACILITIES_DW0                                                    \
    (S390_FAC(0) |  /* N3 instructions (ALC, DL, LRV, SAM31, STFL, TAM ...) */ \
     S390_FAC(1) |  /* z/Architecture architectural mode installed */          \
     S390_FAC(2) |  /* z/Architecture architectural mode active */             \
     S390_FAC(3) |  /* DAT enhancement 1: IDTE, CSPG */                        \
     S390_FAC(7) |  /* STORE FACILITY LIST EXTENDED */                         \
     S390_FAC(9) |  /* SIGP sense running status */                            \
     S390_FAC(18) | /* long displacement */                                    \
     S390_FAC(19) | /* long displacement with high performance */              \
     S390_FAC(21) | /* extended immediate */                                   \
     S390_FAC(25) | /* store clock fast */                                     \
     S390_FAC(27) | /* move with optional specifications (MVCOS) */            \
     S390_FAC(31) | /* extract CPU time (ECTG) */                              \
     S390_FAC(32) | /* compare and swap and store (CSST) */                    \
     S390_FAC(33) | /* CSST 2: 16-byte swap (FC 2), 16-byte store (SC 4) */    \
     S390_FAC(34) | /* general-instructions extension */                       \
     S390_FAC(35) | /* execute extensions (EXRL) */                            \
     S390_FAC(37) | /* floating-point extension */                             \
     S390_FAC(40) | /* load program parameter (LPP) */                         \
     S390_FAC(41) | /* FPS enhancement: LDGR, CPSDR ..., SRNMT, LFAS, SFASR */ \
     S390_FAC(45) | /* z196 instructions (above) */                            \
     S390_FAC(49) | /* zEC12 instructions (above) */                           \
     S390_FAC(52))  /* interlocked access 2 (NI, OI, XI: one CPU at a time) */

/* dw 1 */
#define S390_FACILITIES_DW1                                                    \
    (S390_FAC(69 - 64) | /* zPCI: CLP, PCILG/PCISTG/PCISTB, RPCIT, MPCIFC,  \
                            STPCIFC */  \
     S390_FAC(71 - 64) | /* PCI adapter event notification */                  \
     S390_FAC(72 - 64))  /* SET INTERRUPTION CONTROLS */

/*
 * The list the CPUs report: the one above, less the facilities that
 * -cpu MODEL,FEATURE=off turned off (cpu-features.c)
 */
uint64_t s390_facility_dw(unsigned i);

static inline bool s390_has_facility(unsigned bit)
{
    return (s390_facility_dw(bit / 64) >> (63 - bit % 64)) & 1;
}

/*
 * -cpu MODEL,FEATURE=on|off,...: @arg is the whole option value, the
 * model name first (not checked here). Checks every item as QEMU 7.2 does
 * (names it knows, on/off values, features this CPU has); with @apply,
 * the facilities turned off leave the reported list (the last item
 * naming a feature counts). False with @errp set on the first bad item.
 */
bool s390_cpu_features_parse(const char *arg, bool apply, Error **errp);
/* The features -cpu help lists, one "name  description" line each */
void s390_cpu_features_help(void);

#endif
