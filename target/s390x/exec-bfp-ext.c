/*
 * Extended (128-bit) BFP instructions over bfp128.c: AXBR, SXBR, MXBR,
 * DXBR, SQXBR, CXBR, KXBR, LTXBR, LCXBR, LPXBR, LNXBR, LXDBR, LXDB,
 * LXEBR, LXEB, MXDBR, MXDB, LDXBR(A), LEXBR(A), CFXBR(A), CGXBR(A),
 * CLFXBR, CLGXBR, CXFBR(A), CXGBR(A), CXLFBR, CXLGBR, FIXBR(A), TCXB.
 *
 * An extended operand lives in a floating-point-register pair: register
 * r holds the sign, the exponent and the leftmost 48 fraction bits,
 * register r + 2 the other 64. Only 0, 1, 4, 5, 8, 9, 12 and 13 name a
 * pair; an extended operand's R field naming another register is a
 * specification exception (after the AFP-register control's data
 * exception). The FPC handling (masks, flags, DXC, the scaled results of
 * trapped overflow and underflow, M3 rounding and M4 XxC) is that of the
 * short and long instructions (exec-bfp.c, exec-bfp-conv.c).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-bfp-util.h"

#define EXT_QUIET_HI (UINT64_C(1) << 47)
#define EXT_SIGN_HI  (UINT64_C(1) << 63)

/* The register numbers that name a pair: the bit of value 2 is zero */
static bool is_pair(unsigned r)
{
    return !(r & 2);
}

static Bfp128 xget(const S390Cpu *cpu, unsigned r)
{
    Bfp128 v = { cpu->fprs[r], cpu->fprs[r + 2] };

    return v;
}

static void xput(S390Cpu *cpu, unsigned r, Bfp128 v)
{
    cpu->fprs[r] = v.hi;
    cpu->fprs[r + 2] = v.lo;
}

/* The AFP-register control, then the pairs asked for: 0 or the exception */
static int xcheck(S390Cpu *cpu, const S390Insn *in, bool p1, bool p2)
{
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if ((p1 && !is_pair(in->r1)) || (p2 && !is_pair(in->r2))) {
        return PGM_SPECIFICATION;
    }
    return 0;
}

/*
 * bfp_ieee() for an extended result: false when it is suppressed, else
 * *val is the result or its scaled form, whichever the FPC asks for
 */
static bool xieee(S390Cpu *cpu, const BfpResult128 *x, Bfp128 *val, int *pgm)
{
    BfpResult r = { .v = 0, .exc = x->exc, .scaled = 1, .sexc = x->sexc };
    uint64_t which;

    if (!bfp_ieee(cpu, &r, &which, pgm)) {
        return false;
    }
    *val = which ? x->scaled : x->v;
    return true;
}

/* Store @x into the pair @r1 (with the cc of the stored value if @set_cc) */
static int xstore(S390Cpu *cpu, unsigned r1, const BfpResult128 *x, bool set_cc)
{
    Bfp128 v;
    int pgm;

    if (xieee(cpu, x, &v, &pgm)) {
        xput(cpu, r1, v);
        if (set_cc) {
            cpu->cc = bfp128_cc(v);
        }
    }
    return pgm;
}

/* M4's XxC on an extended result */
static void xxc128(const S390Insn *in, BfpResult128 *x)
{
    if (in->m4 & M4_XXC) {
        x->exc &= ~(BFP_X_INEXACT | BFP_X_INCR);
        x->sexc &= ~(BFP_X_INEXACT | BFP_X_INCR);
    }
}

static void xxc(const S390Insn *in, BfpResult *r)
{
    if (in->m4 & M4_XXC) {
        r->exc &= ~(BFP_X_INEXACT | BFP_X_INCR);
        r->sexc &= ~(BFP_X_INEXACT | BFP_X_INCR);
    }
}

/* AXBR, SXBR, MXBR, DXBR: R1 = R1 op R2; SQXBR: R1 = sqrt(R2) */
static int arith(S390Cpu *cpu, const S390Insn *in, BfpOp op, bool set_cc)
{
    BfpResult128 res;
    int r = xcheck(cpu, in, true, true);

    if (r) {
        return r;
    }
    if (op == BFP_SQRT) {
        bfp128_arith(op, xget(cpu, in->r2), xget(cpu, in->r2), fpc_round(cpu),
                     &res);
    } else {
        bfp128_arith(op, xget(cpu, in->r1), xget(cpu, in->r2), fpc_round(cpu),
                     &res);
    }
    return xstore(cpu, in->r1, &res, set_cc);
}

/* CXBR, KXBR */
static int compare(S390Cpu *cpu, const S390Insn *in, bool signal)
{
    BfpResult res = { 0 };
    uint64_t v;
    unsigned cc;
    int r = xcheck(cpu, in, true, true);

    if (r) {
        return r;
    }
    cc = bfp128_compare(xget(cpu, in->r1), xget(cpu, in->r2), signal, &res.exc);
    if (bfp_ieee(cpu, &res, &v, &r)) {
        cpu->cc = cc;
    }
    return r;
}

/* LTXBR: the value with its cc, a signalling NaN made quiet (invalid) */
S390_OP(op_ltxb)
{
    BfpResult128 res = { 0 };
    int r = xcheck(cpu, in, true, true);

    if (r) {
        return r;
    }
    res.v = xget(cpu, in->r2);
    if (bfp128_is_snan(res.v)) {
        res.v.hi |= EXT_QUIET_HI;
        res.exc = BFP_X_INVALID;
    }
    return xstore(cpu, in->r1, &res, true);
}

typedef enum SignOp { SIGN_FLIP, SIGN_SET, SIGN_CLEAR } SignOp;

/* LCXBR, LNXBR, LPXBR: the sign only, NaNs included, no exception */
static int load_sign(S390Cpu *cpu, const S390Insn *in, SignOp s)
{
    Bfp128 v;
    int r = xcheck(cpu, in, true, true);

    if (r) {
        return r;
    }
    v = xget(cpu, in->r2);
    v.hi = s == SIGN_FLIP  ? v.hi ^ EXT_SIGN_HI
           : s == SIGN_SET ? v.hi | EXT_SIGN_HI
                           : v.hi & ~EXT_SIGN_HI;
    xput(cpu, in->r1, v);
    cpu->cc = bfp128_cc(v);
    return 0;
}

/* The short or long second operand: R2, or storage for RXE */
static int narrow_op2(S390Cpu *cpu, const S390Insn *in, BfpFmt f, uint64_t *v)
{
    if (in->def->fmt == FMT_RXE) {
        return bfp_load_mem(cpu, f, ea2(cpu, in), v);
    }
    *v = fpr_get(cpu, f, in->r2);
    return 0;
}

/* LXDBR, LXDB, LXEBR, LXEB: long or short to extended (exact) */
static int lengthen(S390Cpu *cpu, const S390Insn *in, BfpFmt from)
{
    BfpResult128 res;
    uint64_t a;
    int r = xcheck(cpu, in, true, false);

    if (r || (r = narrow_op2(cpu, in, from, &a))) {
        return r;
    }
    bfp128_from_bfp(from, a, &res);
    return xstore(cpu, in->r1, &res, false);
}

/*
 * MXDBR, MXDB: the long multiplicand in the left register of the pair
 * R1, the long multiplier in R2 or storage, the product (exact unless a
 * NaN, an infinity or a zero decides) in the pair R1
 */
S390_OP(op_mxdb)
{
    BfpResult128 ra, rb, res;
    uint64_t a, b;
    int r = xcheck(cpu, in, true, false);

    if (r || (r = narrow_op2(cpu, in, BFP_LONG, &b))) {
        return r;
    }
    a = fpr_get(cpu, BFP_LONG, in->r1);
    bfp128_from_bfp(BFP_LONG, a, &ra);
    bfp128_from_bfp(BFP_LONG, b, &rb);
    /* the first signalling NaN, else the first NaN: already converted */
    if (bfp_is_snan(BFP_LONG, a) ||
        (!bfp_is_snan(BFP_LONG, b) && bfp_is_nan(BFP_LONG, a))) {
        res = ra;
    } else if (bfp_is_nan(BFP_LONG, b)) {
        res = rb;
    } else {
        bfp128_arith(BFP_MUL, ra.v, rb.v, fpc_round(cpu), &res);
    }
    return xstore(cpu, in->r1, &res, false);
}

int bfp_load_rounded(S390Cpu *cpu, const S390Insn *in, bool ext_src, Bfp128 src,
                     BfpFmt to, BfpRound rm, const BfpResult *res)
{
    int scale = ext_src ? BFP_LOADR_SCALE_EXT : BFP_LOADR_SCALE_LONG;
    BfpResult128 wide = { 0 };
    BfpResult pick = *res, narrow;
    uint64_t which;
    int pgm;

    if (res->exc & (BFP_X_OVERFLOW | BFP_X_UNDERFLOW)) {
        bfp128_round_prec(to, src, res->exc & BFP_X_OVERFLOW ? -scale : scale,
                          rm, &wide);
        if (in->m4 & M4_XXC) {
            wide.exc &= ~(BFP_X_INEXACT | BFP_X_INCR);
        }
    }
    /* bfp_ieee() picks: 0 the rounded result, 1 the scaled one */
    pick.v = 0;
    pick.scaled = 1;
    pick.sexc = wide.exc;
    if (!bfp_ieee(cpu, &pick, &which, &pgm)) {
        return pgm;
    }
    if (!which) {
        fpr_put(cpu, to, in->r1, res->v);
    } else if (ext_src) {
        xput(cpu, in->r1, wide.v);
    } else {
        bfp128_to_bfp(BFP_LONG, wide.v, BFP_RND_ZERO, &narrow); /* exact */
        fpr_put(cpu, BFP_LONG, in->r1, narrow.v);
    }
    return pgm;
}

/*
 * LDXBR(A), LEXBR(A): extended to long or short, rounded per M3, into
 * the left register of the pair R1 (the right one is left as it is, but
 * for the extended result of a trapped overflow or underflow)
 */
static int round_to(S390Cpu *cpu, const S390Insn *in, BfpFmt to)
{
    BfpResult res;
    BfpRound rm;
    Bfp128 src;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r || (r = xcheck(cpu, in, true, true))) {
        return r;
    }
    src = xget(cpu, in->r2);
    bfp128_to_bfp(to, src, rm, &res);
    xxc(in, &res);
    return bfp_load_rounded(cpu, in, true, src, to, rm, &res);
}

/* CFXBR(A), CGXBR(A), CLFXBR, CLGXBR: the pair R2 to an integer in R1 */
static int to_fixed(S390Cpu *cpu, const S390Insn *in, unsigned bits,
                    bool logical)
{
    BfpResult res;
    BfpRound rm;
    unsigned cc;
    uint64_t v;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r || (r = xcheck(cpu, in, false, true))) {
        return r;
    }
    cc = logical ? bfp128_to_uint(xget(cpu, in->r2), bits, rm, &res)
                 : bfp128_to_int(xget(cpu, in->r2), bits, rm, &res);
    xxc(in, &res);
    if (bfp_ieee(cpu, &res, &v, &r)) {
        if (bits == 32) {
            set_gr32(cpu, in->r1, (uint32_t)v);
        } else {
            set_gr(cpu, in->r1, v);
        }
        cpu->cc = cc;
    }
    return r;
}

/*
 * CXFBR(A), CXGBR(A), CXLFBR, CXLGBR: an integer in R2 to the pair R1,
 * always exact (M3 is still checked)
 */
static int from_fixed(S390Cpu *cpu, const S390Insn *in, unsigned bits,
                      bool logical)
{
    BfpResult128 res;
    BfpRound rm;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r || (r = xcheck(cpu, in, true, false))) {
        return r;
    }
    if (logical) {
        bfp128_from_uint(bits == 32 ? gr32(cpu, in->r2) : gr(cpu, in->r2),
                         &res);
    } else {
        bfp128_from_int(bits == 32 ? (int64_t)(int32_t)gr32(cpu, in->r2)
                                   : (int64_t)gr(cpu, in->r2),
                        &res);
    }
    return xstore(cpu, in->r1, &res, false);
}

/* FIXBR(A): round the pair R2 to an integral value per M3 */
S390_OP(op_fixb)
{
    BfpResult128 res;
    BfpRound rm;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r || (r = xcheck(cpu, in, true, true))) {
        return r;
    }
    bfp128_round_int(xget(cpu, in->r2), rm, &res);
    xxc128(in, &res);
    return xstore(cpu, in->r1, &res, false);
}

/*
 * TCXB: cc 1 when the class of the pair R1 has its bit in bits 52-63 of
 * the second-operand address (the order of TCEB and TCDB), else cc 0
 */
S390_OP(op_tcxb)
{
    uint64_t emax = UINT64_C(0x7fff) << 48;
    uint64_t frac_hi = (UINT64_C(1) << 48) - 1;
    /* 0 zero, 1 normal, 2 subnormal, 3 infinity, 4 QNaN, 5 SNaN */
    unsigned cls;
    Bfp128 v;
    bool frac;
    int r = xcheck(cpu, in, true, false);

    if (r) {
        return r;
    }
    v = xget(cpu, in->r1);
    frac = (v.hi & frac_hi) || v.lo;
    if ((v.hi & emax) == 0) {
        cls = frac ? 2 : 0;
    } else if ((v.hi & emax) != emax) {
        cls = 1;
    } else if (!frac) {
        cls = 3;
    } else {
        cls = bfp128_is_snan(v) ? 5 : 4;
    }
    cls = 2 * cls + bfp128_is_neg(v);
    cpu->cc = (ea2(cpu, in) >> (11 - cls)) & 1;
    return 0;
}

S390_OP(op_axb)
{
    return arith(cpu, in, BFP_ADD, true);
}
S390_OP(op_sxb)
{
    return arith(cpu, in, BFP_SUB, true);
}
S390_OP(op_mxb)
{
    return arith(cpu, in, BFP_MUL, false);
}
S390_OP(op_dxb)
{
    return arith(cpu, in, BFP_DIV, false);
}
S390_OP(op_sqxb)
{
    return arith(cpu, in, BFP_SQRT, false);
}
S390_OP(op_cxb)
{
    return compare(cpu, in, false);
}
S390_OP(op_kxb)
{
    return compare(cpu, in, true);
}
S390_OP(op_lcxb)
{
    return load_sign(cpu, in, SIGN_FLIP);
}
S390_OP(op_lnxb)
{
    return load_sign(cpu, in, SIGN_SET);
}
S390_OP(op_lpxb)
{
    return load_sign(cpu, in, SIGN_CLEAR);
}
S390_OP(op_lxdb)
{
    return lengthen(cpu, in, BFP_LONG);
}
S390_OP(op_lxeb)
{
    return lengthen(cpu, in, BFP_SHORT);
}
S390_OP(op_ldxb)
{
    return round_to(cpu, in, BFP_LONG);
}
S390_OP(op_lexb)
{
    return round_to(cpu, in, BFP_SHORT);
}
S390_OP(op_cfxb)
{
    return to_fixed(cpu, in, 32, false);
}
S390_OP(op_cgxb)
{
    return to_fixed(cpu, in, 64, false);
}
S390_OP(op_clfxb)
{
    return to_fixed(cpu, in, 32, true);
}
S390_OP(op_clgxb)
{
    return to_fixed(cpu, in, 64, true);
}
S390_OP(op_cxfb)
{
    return from_fixed(cpu, in, 32, false);
}
S390_OP(op_cxgb)
{
    return from_fixed(cpu, in, 64, false);
}
S390_OP(op_cxlfb)
{
    return from_fixed(cpu, in, 32, true);
}
S390_OP(op_cxlgb)
{
    return from_fixed(cpu, in, 64, true);
}

static const S390InsnDef bfp_ext_defs[] = {
    { 0xb305, FMT_RRE, 0, "LXDBR", op_lxdb },
    { 0xb306, FMT_RRE, 0, "LXEBR", op_lxeb },
    { 0xb307, FMT_RRE, 0, "MXDBR", op_mxdb },
    { 0xb316, FMT_RRE, 0, "SQXBR", op_sqxb },
    { 0xb340, FMT_RRE, 0, "LPXBR", op_lpxb },
    { 0xb341, FMT_RRE, 0, "LNXBR", op_lnxb },
    { 0xb342, FMT_RRE, 0, "LTXBR", op_ltxb },
    { 0xb343, FMT_RRE, 0, "LCXBR", op_lcxb },
    { 0xb345, FMT_RRF_E, 0, "LDXBR", op_ldxb },
    { 0xb346, FMT_RRF_E, 0, "LEXBR", op_lexb },
    { 0xb347, FMT_RRF_E, 0, "FIXBR", op_fixb },
    { 0xb348, FMT_RRE, 0, "KXBR", op_kxb },
    { 0xb349, FMT_RRE, 0, "CXBR", op_cxb },
    { 0xb34a, FMT_RRE, 0, "AXBR", op_axb },
    { 0xb34b, FMT_RRE, 0, "SXBR", op_sxb },
    { 0xb34c, FMT_RRE, 0, "MXBR", op_mxb },
    { 0xb34d, FMT_RRE, 0, "DXBR", op_dxb },
    { 0xb392, FMT_RRF_E, 0, "CXLFBR", op_cxlfb },
    { 0xb396, FMT_RRF_E, 0, "CXFBR", op_cxfb },
    { 0xb39a, FMT_RRF_E, 0, "CFXBR", op_cfxb },
    { 0xb39e, FMT_RRF_E, 0, "CLFXBR", op_clfxb },
    { 0xb3a2, FMT_RRF_E, 0, "CXLGBR", op_cxlgb },
    { 0xb3a6, FMT_RRF_E, 0, "CXGBR", op_cxgb },
    { 0xb3aa, FMT_RRF_E, 0, "CGXBR", op_cgxb },
    { 0xb3ae, FMT_RRF_E, 0, "CLGXBR", op_clgxb },
    { 0xed05, FMT_RXE, 0, "LXDB", op_lxdb },
    { 0xed06, FMT_RXE, 0, "LXEB", op_lxeb },
    { 0xed07, FMT_RXE, 0, "MXDB", op_mxdb },
    { 0xed12, FMT_RXE, 0, "TCXB", op_tcxb },
};
S390_GROUP(s390_group_bfp_ext, bfp_ext_defs);
