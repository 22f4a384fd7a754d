/*
 * Hints that change nothing an interpreter can show (facility 49):
 * BRANCH PREDICTION PRELOAD (BPP), BRANCH PREDICTION RELATIVE PRELOAD
 * (BPRP), NEXT INSTRUCTION ACCESS INTENT (NIAI) and PERFORM PROCESSOR
 * ASSIST (PPA). None of them accesses storage or sets the cc; their
 * operands are decoded (an EXECUTE target is fine) and ignored.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/*
 * BPP (SMI: M1, RI2, B3/D3) and BPRP (MII: M1, RI2, RI3) announce a
 * branch at the RI2 address and its target; the target address is not
 * formed and no code is fetched from it.
 */
S390_OP(op_branch_preload)
{
    return 0;
}

/* NIAI (IE: I1 access intent, I2): every code, reserved ones too, is a hint */
S390_OP(op_niai)
{
    return 0;
}

/*
 * PPA (RRF-c: R1, R2, M3 function code): code 1 is the transaction-abort
 * assist (R1's bits 32-63 the abort count), which has nothing to assist
 * without transactional execution; the other codes are reserved and
 * perform no operation as well.
 */
S390_OP(op_ppa)
{
    return 0;
}

static const S390InsnDef hint_defs[] = {
    { 0xb2e8, FMT_RRF_C, 0, "PPA", op_ppa },
    { 0xb2fa, FMT_IE, 0, "NIAI", op_niai },
    { 0xc500, FMT_MII, 0, "BPRP", op_branch_preload },
    { 0xc700, FMT_SMI, 0, "BPP", op_branch_preload },
};
S390_GROUP(s390_group_hint, hint_defs);
