/*
 * BFP arithmetic, compare and the loads that test or change the sign:
 * AEBR, AEB, ADBR, ADB, SEBR, SEB, SDBR, SDB, MEEBR, MEEB, MDBR, MDB,
 * MDEBR, MDEB, DEBR, DEB, DDBR, DDB, SQEBR, SQEB, SQDBR, SQDB, MAEBR,
 * MAEB, MADBR, MADB, MSEBR, MSEB, MSDBR, MSDB, CEBR, CEB, CDBR, CDB,
 * KEBR, KEB, KDBR, KDB, LTEBR, LTDBR, LCEBR, LCDBR, LNEBR, LNDBR, LPEBR,
 * LPDBR, TCEB, TCDB. The arithmetic is bfp.c's; here are the operands, the FPC's
 * masks and flags and the condition codes.
 *
 * An IEEE exception whose mask bit is one is a data exception with the
 * exception's DXC, placed in the FPC and the lowcore: invalid operation
 * (0x80) and division by zero (0x40) suppress the instruction; overflow
 * (0x20) and underflow (0x10) complete it with the result scaled by
 * 2^-1536 / 2^1536 (2^-192 / 2^192 for short), and inexact (0x08)
 * completes it with the rounded result; 0x08 and 0x04 in an overflow or
 * underflow DXC say that the scaled result is inexact and incremented.
 * A masked-off exception sets its flag instead (underflow only when the
 * tiny result is also inexact).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-bfp-util.h"

static void fpc_set_dxc(S390Cpu *cpu, uint8_t dxc)
{
    cpu->fpc = (cpu->fpc & ~FPC_DXC) | ((uint32_t)dxc << FPC_DXC_SHIFT);
    cpu->dxc = dxc;
}

static bool masked(const S390Cpu *cpu, uint8_t x)
{
    return (cpu->fpc >> FPC_MASK_SHIFT) & x;
}

static void flag(S390Cpu *cpu, uint8_t x)
{
    cpu->fpc |= (uint32_t)x << FPC_FLAG_SHIFT;
}

/* IEEE inexact: a data exception when it is enabled, else its flag */
static void inexact(S390Cpu *cpu, uint8_t x, int *pgm)
{
    if (masked(cpu, BFP_X_INEXACT)) {
        fpc_set_dxc(cpu, x & (BFP_X_INEXACT | BFP_X_INCR));
        *pgm = PGM_DATA;
    } else {
        flag(cpu, BFP_X_INEXACT);
    }
}

bool bfp_ieee(S390Cpu *cpu, const BfpResult *r, uint64_t *val, int *pgm)
{
    uint8_t x = r->exc;

    *pgm = 0;
    *val = r->v;
    if (x & (BFP_X_INVALID | BFP_X_DIVZERO)) {
        uint8_t which = x & BFP_X_INVALID ? BFP_X_INVALID : BFP_X_DIVZERO;

        if (masked(cpu, which)) {
            fpc_set_dxc(cpu, which);
            *pgm = PGM_DATA;
            return false;
        }
        flag(cpu, which);
        if (!(x & BFP_X_INEXACT)) {
            return true;
        }
        /* a finite value out of a conversion's range: inexact as well */
        inexact(cpu, x, pgm);
        return true;
    }
    if (x & BFP_X_OVERFLOW) {
        if (masked(cpu, BFP_X_OVERFLOW)) {
            *val = r->scaled;
            fpc_set_dxc(cpu, BFP_X_OVERFLOW | r->sexc);
            *pgm = PGM_DATA;
            return true;
        }
        flag(cpu, BFP_X_OVERFLOW);
    } else if (x & BFP_X_UNDERFLOW) {
        if (masked(cpu, BFP_X_UNDERFLOW)) {
            *val = r->scaled;
            fpc_set_dxc(cpu, BFP_X_UNDERFLOW | r->sexc);
            *pgm = PGM_DATA;
            return true;
        }
        if (x & BFP_X_INEXACT) {
            flag(cpu, BFP_X_UNDERFLOW);
        }
    }
    if (x & BFP_X_INEXACT) {
        inexact(cpu, x, pgm);
    }
    return true;
}

int bfp_store(S390Cpu *cpu, BfpFmt f, unsigned r1, const BfpResult *r,
              bool set_cc)
{
    uint64_t v;
    int pgm;

    if (bfp_ieee(cpu, r, &v, &pgm)) {
        fpr_put(cpu, f, r1, v);
        if (set_cc) {
            cpu->cc = bfp_cc(f, v);
        }
    }
    return pgm;
}

/* The second operand: R2, or storage for the RXE/RXF forms */
static int op2(S390Cpu *cpu, const S390Insn *in, BfpFmt f, uint64_t *v)
{
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if (in->def->fmt == FMT_RXE || in->def->fmt == FMT_RXF) {
        return bfp_load_mem(cpu, f, ea2(cpu, in), v);
    }
    *v = fpr_get(cpu, f, in->r2);
    return 0;
}

/* R1 = R1 op2 (op) operand 2 */
static int arith(S390Cpu *cpu, const S390Insn *in, BfpFmt f, BfpOp op,
                 bool set_cc)
{
    BfpResult res;
    uint64_t b;
    int r = op2(cpu, in, f, &b);

    if (r) {
        return r;
    }
    if (op == BFP_SQRT) {
        bfp_arith(f, op, b, 0, 0, fpc_round(cpu), &res);
    } else {
        bfp_arith(f, op, fpr_get(cpu, f, in->r1), b, 0, fpc_round(cpu), &res);
    }
    return bfp_store(cpu, f, in->r1, &res, set_cc);
}

/* R1 = R3 * operand 2 +/- R1 */
static int fused(S390Cpu *cpu, const S390Insn *in, BfpFmt f, BfpOp op)
{
    BfpResult res;
    uint64_t b;
    int r = op2(cpu, in, f, &b);

    if (r) {
        return r;
    }
    bfp_arith(f, op, fpr_get(cpu, f, in->r3), b, fpr_get(cpu, f, in->r1),
              fpc_round(cpu), &res);
    return bfp_store(cpu, f, in->r1, &res, false);
}

/* MDEBR, MDEB: short operands, long product (exact) */
static int mul_widen(S390Cpu *cpu, const S390Insn *in)
{
    BfpResult ra, rb, res;
    uint64_t a, b;
    int r = op2(cpu, in, BFP_SHORT, &b);

    if (r) {
        return r;
    }
    a = fpr_get(cpu, BFP_SHORT, in->r1);
    bfp_convert(BFP_LONG, BFP_SHORT, a, BFP_RND_NEAREST, &ra);
    bfp_convert(BFP_LONG, BFP_SHORT, b, BFP_RND_NEAREST, &rb);
    if (bfp_is_snan(BFP_SHORT, a) ||
        (!bfp_is_snan(BFP_SHORT, b) && bfp_is_nan(BFP_SHORT, a))) {
        res = ra;
    } else if (bfp_is_nan(BFP_SHORT, b)) {
        res = rb;
    } else {
        bfp_arith(BFP_LONG, BFP_MUL, ra.v, rb.v, 0, fpc_round(cpu), &res);
    }
    return bfp_store(cpu, BFP_LONG, in->r1, &res, false);
}

static int compare(S390Cpu *cpu, const S390Insn *in, BfpFmt f, bool signal)
{
    BfpResult res = { 0 };
    uint64_t b, v;
    unsigned cc;
    int r = op2(cpu, in, f, &b);

    if (r) {
        return r;
    }
    cc = bfp_compare(f, fpr_get(cpu, f, in->r1), b, signal, &res.exc);
    if (bfp_ieee(cpu, &res, &v, &r)) {
        cpu->cc = cc;
    }
    return r;
}

static int load_test(S390Cpu *cpu, const S390Insn *in, BfpFmt f)
{
    BfpResult res;
    uint64_t b;
    int r = op2(cpu, in, f, &b);

    if (r) {
        return r;
    }
    bfp_load_test(f, b, &res);
    return bfp_store(cpu, f, in->r1, &res, true);
}

typedef enum SignOp { SIGN_FLIP, SIGN_SET, SIGN_CLEAR } SignOp;

/* LCxBR, LNxBR, LPxBR: the sign only, NaNs included, no exception */
static int load_sign(S390Cpu *cpu, const S390Insn *in, BfpFmt f, SignOp s)
{
    uint64_t sign = f == BFP_SHORT ? 0x80000000u : UINT64_C(1) << 63;
    uint64_t b;
    int r = op2(cpu, in, f, &b);

    if (r) {
        return r;
    }
    b = s == SIGN_FLIP ? b ^ sign : s == SIGN_SET ? b | sign : b & ~sign;
    fpr_put(cpu, f, in->r1, b);
    cpu->cc = bfp_cc(f, b);
    return 0;
}

/*
 * TCxB: cc 1 when the class of R1 has its bit in bits 52-63 of the
 * second-operand address (from the left: +0, -0, +normal, -normal,
 * +subnormal, -subnormal, +infinity, -infinity, +QNaN, -QNaN, +SNaN,
 * -SNaN), else cc 0; no exception
 */
static int test_class(S390Cpu *cpu, const S390Insn *in, BfpFmt f)
{
    uint64_t v = fpr_get(cpu, f, in->r1);
    uint64_t emax = f == BFP_SHORT ? 0x7f800000u : UINT64_C(0x7ff) << 52;
    uint64_t frac = f == BFP_SHORT ? 0x7fffffu : (UINT64_C(1) << 52) - 1;
    unsigned cls; /* 0 zero ... 5 SNaN */
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if ((v & emax) == 0) {
        cls = (v & frac) ? 2 : 0;
    } else if ((v & emax) != emax) {
        cls = 1;
    } else if (!(v & frac)) {
        cls = 3;
    } else {
        cls = bfp_is_snan(f, v) ? 5 : 4;
    }
    cls = 2 * cls + bfp_is_neg(f, v);
    cpu->cc = (ea2(cpu, in) >> (11 - cls)) & 1;
    return 0;
}

#define S BFP_SHORT
#define L BFP_LONG

S390_OP(op_aeb)
{
    return arith(cpu, in, S, BFP_ADD, true);
}
S390_OP(op_adb)
{
    return arith(cpu, in, L, BFP_ADD, true);
}
S390_OP(op_seb)
{
    return arith(cpu, in, S, BFP_SUB, true);
}
S390_OP(op_sdb)
{
    return arith(cpu, in, L, BFP_SUB, true);
}
S390_OP(op_meeb)
{
    return arith(cpu, in, S, BFP_MUL, false);
}
S390_OP(op_mdb)
{
    return arith(cpu, in, L, BFP_MUL, false);
}
S390_OP(op_mdeb)
{
    return mul_widen(cpu, in);
}
S390_OP(op_deb)
{
    return arith(cpu, in, S, BFP_DIV, false);
}
S390_OP(op_ddb)
{
    return arith(cpu, in, L, BFP_DIV, false);
}
S390_OP(op_sqeb)
{
    return arith(cpu, in, S, BFP_SQRT, false);
}
S390_OP(op_sqdb)
{
    return arith(cpu, in, L, BFP_SQRT, false);
}
S390_OP(op_maeb)
{
    return fused(cpu, in, S, BFP_MADD);
}
S390_OP(op_madb)
{
    return fused(cpu, in, L, BFP_MADD);
}
S390_OP(op_mseb)
{
    return fused(cpu, in, S, BFP_MSUB);
}
S390_OP(op_msdb)
{
    return fused(cpu, in, L, BFP_MSUB);
}
S390_OP(op_ceb)
{
    return compare(cpu, in, S, false);
}
S390_OP(op_cdb)
{
    return compare(cpu, in, L, false);
}
S390_OP(op_keb)
{
    return compare(cpu, in, S, true);
}
S390_OP(op_kdb)
{
    return compare(cpu, in, L, true);
}
S390_OP(op_lteb)
{
    return load_test(cpu, in, S);
}
S390_OP(op_ltdb)
{
    return load_test(cpu, in, L);
}
S390_OP(op_lceb)
{
    return load_sign(cpu, in, S, SIGN_FLIP);
}
S390_OP(op_lcdb)
{
    return load_sign(cpu, in, L, SIGN_FLIP);
}
S390_OP(op_lneb)
{
    return load_sign(cpu, in, S, SIGN_SET);
}
S390_OP(op_lndb)
{
    return load_sign(cpu, in, L, SIGN_SET);
}
S390_OP(op_lpeb)
{
    return load_sign(cpu, in, S, SIGN_CLEAR);
}
S390_OP(op_lpdb)
{
    return load_sign(cpu, in, L, SIGN_CLEAR);
}
S390_OP(op_tceb)
{
    return test_class(cpu, in, S);
}
S390_OP(op_tcdb)
{
    return test_class(cpu, in, L);
}

static const S390InsnDef bfp_defs[] = {
    { 0xb300, FMT_RRE, 0, "LPEBR", op_lpeb },
    { 0xb301, FMT_RRE, 0, "LNEBR", op_lneb },
    { 0xb302, FMT_RRE, 0, "LTEBR", op_lteb },
    { 0xb303, FMT_RRE, 0, "LCEBR", op_lceb },
    { 0xb308, FMT_RRE, 0, "KEBR", op_keb },
    { 0xb309, FMT_RRE, 0, "CEBR", op_ceb },
    { 0xb30a, FMT_RRE, 0, "AEBR", op_aeb },
    { 0xb30b, FMT_RRE, 0, "SEBR", op_seb },
    { 0xb30c, FMT_RRE, 0, "MDEBR", op_mdeb },
    { 0xb30d, FMT_RRE, 0, "DEBR", op_deb },
    { 0xb30e, FMT_RRD, 0, "MAEBR", op_maeb },
    { 0xb30f, FMT_RRD, 0, "MSEBR", op_mseb },
    { 0xb310, FMT_RRE, 0, "LPDBR", op_lpdb },
    { 0xb311, FMT_RRE, 0, "LNDBR", op_lndb },
    { 0xb312, FMT_RRE, 0, "LTDBR", op_ltdb },
    { 0xb313, FMT_RRE, 0, "LCDBR", op_lcdb },
    { 0xb314, FMT_RRE, 0, "SQEBR", op_sqeb },
    { 0xb315, FMT_RRE, 0, "SQDBR", op_sqdb },
    { 0xb317, FMT_RRE, 0, "MEEBR", op_meeb },
    { 0xb318, FMT_RRE, 0, "KDBR", op_kdb },
    { 0xb319, FMT_RRE, 0, "CDBR", op_cdb },
    { 0xb31a, FMT_RRE, 0, "ADBR", op_adb },
    { 0xb31b, FMT_RRE, 0, "SDBR", op_sdb },
    { 0xb31c, FMT_RRE, 0, "MDBR", op_mdb },
    { 0xb31d, FMT_RRE, 0, "DDBR", op_ddb },
    { 0xb31e, FMT_RRD, 0, "MADBR", op_madb },
    { 0xb31f, FMT_RRD, 0, "MSDBR", op_msdb },
    { 0xed08, FMT_RXE, 0, "KEB", op_keb },
    { 0xed09, FMT_RXE, 0, "CEB", op_ceb },
    { 0xed0a, FMT_RXE, 0, "AEB", op_aeb },
    { 0xed0b, FMT_RXE, 0, "SEB", op_seb },
    { 0xed0c, FMT_RXE, 0, "MDEB", op_mdeb },
    { 0xed0d, FMT_RXE, 0, "DEB", op_deb },
    { 0xed0e, FMT_RXF, 0, "MAEB", op_maeb },
    { 0xed0f, FMT_RXF, 0, "MSEB", op_mseb },
    { 0xed10, FMT_RXE, 0, "TCEB", op_tceb },
    { 0xed11, FMT_RXE, 0, "TCDB", op_tcdb },
    { 0xed14, FMT_RXE, 0, "SQEB", op_sqeb },
    { 0xed15, FMT_RXE, 0, "SQDB", op_sqdb },
    { 0xed17, FMT_RXE, 0, "MEEB", op_meeb },
    { 0xed18, FMT_RXE, 0, "KDB", op_kdb },
    { 0xed19, FMT_RXE, 0, "CDB", op_cdb },
    { 0xed1a, FMT_RXE, 0, "ADB", op_adb },
    { 0xed1b, FMT_RXE, 0, "SDB", op_sdb },
    { 0xed1c, FMT_RXE, 0, "MDB", op_mdb },
    { 0xed1d, FMT_RXE, 0, "DDB", op_ddb },
    { 0xed1e, FMT_RXF, 0, "MADB", op_madb },
    { 0xed1f, FMT_RXF, 0, "MSDB", op_msdb },
};
S390_GROUP(s390_group_bfp, bfp_defs);
