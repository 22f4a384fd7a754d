/*
 * The facility list the interpreter CPU reports (STFL, STFLE): only
 * facilities whose instructions are implemented. Bit n of the list is
 * bit (n % 64) of doubleword n / 64, counted from the left.
 */
#ifndef TARGET_S390X_FACILITIES_H
#define TARGET_S390X_FACILITIES_H

#include "qemu/osdep.h"

#define S390_FACILITY_DWS 2

#define S390_FAC(n) (UINT64_C(1) << (63 - (n)))

/* dw 0 */
#define S390_FACILITIES_DW0                                                    \
    (S390_FAC(1) |  /* z/Architecture architectural mode installed */          \
     S390_FAC(2) |  /* z/Architecture architectural mode active */             \
     S390_FAC(7) |  /* STORE FACILITY LIST EXTENDED */                         \
     S390_FAC(18) | /* long displacement */                                    \
     S390_FAC(21) | /* extended immediate */                                   \
     S390_FAC(25) | /* store clock fast */                                     \
     S390_FAC(35) | /* execute extensions (EXRL) */                            \
     S390_FAC(37) | /* floating-point extension */                             \
     S390_FAC(45))  /* distinct operands, high word, interlocked access 1,    \
                       load/store on condition 1, population count */

/* dw 1 */
#define S390_FACILITIES_DW1                                                    \
    (S390_FAC(69 - 64) | /* zPCI: CLP, PCILG/PCISTG/PCISTB, RPCIT, MPCIFC,  \
                            STPCIFC */  \
     S390_FAC(71 - 64) | /* PCI adapter event notification */                  \
     S390_FAC(72 - 64))  /* SET INTERRUPTION CONTROLS */

static inline uint64_t s390_facility_dw(unsigned i)
{
    return i == 0 ? S390_FACILITIES_DW0 : i == 1 ? S390_FACILITIES_DW1 : 0;
}

static inline bool s390_has_facility(unsigned bit)
{
    return (s390_facility_dw(bit / 64) >> (63 - bit % 64)) & 1;
}

#endif
