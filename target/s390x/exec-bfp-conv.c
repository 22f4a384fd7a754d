/*
 * BFP conversions and the FPC: LDEBR, LDEB, LEDBR, CEFBR, CDFBR, CEGBR,
 * CDGBR, CFEBR, CFDBR, CGEBR, CGDBR, FIEBR, FIDBR, and SFPC, EFPC, LFPC,
 * STFPC, SRNM.
 *
 * The M3 field of the conversions to fixed point and of FIxBR selects
 * the rounding: 0 the FPC's mode, 1 to nearest with ties away from
 * zero, 4 to nearest even, 5 toward zero, 6 toward +infinity, 7 toward
 * -infinity; any other value (3 needs the floating-point extension
 * facility) is a specification exception. The FPC's reserved bits must
 * be zero when it is loaded (else specification); its BFP rounding mode
 * is bits 30-31.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-bfp-util.h"

bool bfp_m3_round(const S390Cpu *cpu, unsigned m3, BfpRound *rm)
{
    switch (m3) {
    case 0:
        *rm = fpc_round(cpu);
        return true;
    case 1:
        *rm = BFP_RND_AWAY;
        return true;
    case 4 ... 7:
        *rm = (BfpRound)(m3 - 4);
        return true;
    default:
        return false;
    }
}

/* Store @r (cc from the stored value) */
static int store_fpr(S390Cpu *cpu, BfpFmt f, unsigned r1, const BfpResult *r,
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

/* LDEBR, LDEB: short to long */
S390_OP(op_ldeb)
{
    BfpResult res;
    uint64_t a;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if (in->def->fmt == FMT_RXE) {
        r = bfp_load_mem(cpu, BFP_SHORT, ea2(cpu, in), &a);
        if (r) {
            return r;
        }
    } else {
        a = fpr_get(cpu, BFP_SHORT, in->r2);
    }
    bfp_convert(BFP_LONG, BFP_SHORT, a, fpc_round(cpu), &res);
    return store_fpr(cpu, BFP_LONG, in->r1, &res, false);
}

/* LEDBR: long to short, rounded as the FPC says */
S390_OP(op_ledbr)
{
    BfpResult res;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    bfp_convert(BFP_SHORT, BFP_LONG, fpr_get(cpu, BFP_LONG, in->r2),
                fpc_round(cpu), &res);
    return store_fpr(cpu, BFP_SHORT, in->r1, &res, false);
}

/* CxFBR, CxGBR: a signed integer in R2 (32 or 64 bits) to @f */
static int from_fixed(S390Cpu *cpu, const S390Insn *in, BfpFmt f, unsigned bits)
{
    BfpResult res;
    int64_t v;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    v = bits == 32 ? (int64_t)(int32_t)gr32(cpu, in->r2)
                   : (int64_t)gr(cpu, in->r2);
    bfp_from_int(f, v, fpc_round(cpu), &res);
    return store_fpr(cpu, f, in->r1, &res, false);
}

/* CFxBR, CGxBR: @f in R2 to a signed integer in R1, rounded per M3 */
static int to_fixed(S390Cpu *cpu, const S390Insn *in, BfpFmt f, unsigned bits)
{
    BfpResult res;
    BfpRound rm;
    unsigned cc;
    uint64_t v;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if (!bfp_m3_round(cpu, in->m3, &rm)) {
        return PGM_SPECIFICATION;
    }
    cc = bfp_to_int(f, fpr_get(cpu, f, in->r2), bits, rm, &res);
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

/* FIxBR: round to an integral value per M3 */
static int round_int(S390Cpu *cpu, const S390Insn *in, BfpFmt f)
{
    BfpResult res;
    BfpRound rm;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if (!bfp_m3_round(cpu, in->m3, &rm)) {
        return PGM_SPECIFICATION;
    }
    bfp_round_int(f, fpr_get(cpu, f, in->r2), rm, &res);
    return store_fpr(cpu, f, in->r1, &res, false);
}

S390_OP(op_cefbr)
{
    return from_fixed(cpu, in, BFP_SHORT, 32);
}
S390_OP(op_cdfbr)
{
    return from_fixed(cpu, in, BFP_LONG, 32);
}
S390_OP(op_cegbr)
{
    return from_fixed(cpu, in, BFP_SHORT, 64);
}
S390_OP(op_cdgbr)
{
    return from_fixed(cpu, in, BFP_LONG, 64);
}
S390_OP(op_cfebr)
{
    return to_fixed(cpu, in, BFP_SHORT, 32);
}
S390_OP(op_cfdbr)
{
    return to_fixed(cpu, in, BFP_LONG, 32);
}
S390_OP(op_cgebr)
{
    return to_fixed(cpu, in, BFP_SHORT, 64);
}
S390_OP(op_cgdbr)
{
    return to_fixed(cpu, in, BFP_LONG, 64);
}
S390_OP(op_fiebr)
{
    return round_int(cpu, in, BFP_SHORT);
}
S390_OP(op_fidbr)
{
    return round_int(cpu, in, BFP_LONG);
}

static int fpc_load(S390Cpu *cpu, uint32_t v)
{
    if (v & ~FPC_VALID) {
        return PGM_SPECIFICATION;
    }
    cpu->fpc = v;
    return 0;
}

S390_OP(op_sfpc)
{
    int r = bfp_avail(cpu);

    return r ? r : fpc_load(cpu, gr32(cpu, in->r1));
}

S390_OP(op_efpc)
{
    int r = bfp_avail(cpu);

    if (!r) {
        set_gr32(cpu, in->r1, cpu->fpc);
    }
    return r;
}

S390_OP(op_lfpc)
{
    uint32_t v;
    int r = bfp_avail(cpu);

    if (!r && !(r = s390_ld32(cpu, ea2(cpu, in), &v))) {
        r = fpc_load(cpu, v);
    }
    return r;
}

S390_OP(op_stfpc)
{
    int r = bfp_avail(cpu);

    return r ? r : s390_st32(cpu, ea2(cpu, in), cpu->fpc);
}

/* SRNM: bits 62-63 of the second-operand address are the BFP mode */
S390_OP(op_srnm)
{
    int r = bfp_avail(cpu);

    if (!r) {
        cpu->fpc = (cpu->fpc & ~FPC_BFP_RM) | (ea2(cpu, in) & FPC_BFP_RM);
    }
    return r;
}

static const S390InsnDef bfp_conv_defs[] = {
    { 0xb299, FMT_S, 0, "SRNM", op_srnm },
    { 0xb29c, FMT_S, 0, "STFPC", op_stfpc },
    { 0xb29d, FMT_S, 0, "LFPC", op_lfpc },
    { 0xb304, FMT_RRE, 0, "LDEBR", op_ldeb },
    { 0xb344, FMT_RRE, 0, "LEDBR", op_ledbr },
    { 0xb357, FMT_RRF_E, 0, "FIEBR", op_fiebr },
    { 0xb35f, FMT_RRF_E, 0, "FIDBR", op_fidbr },
    { 0xb384, FMT_RRE, 0, "SFPC", op_sfpc },
    { 0xb38c, FMT_RRE, 0, "EFPC", op_efpc },
    { 0xb394, FMT_RRE, 0, "CEFBR", op_cefbr },
    { 0xb395, FMT_RRE, 0, "CDFBR", op_cdfbr },
    { 0xb398, FMT_RRF_E, 0, "CFEBR", op_cfebr },
    { 0xb399, FMT_RRF_E, 0, "CFDBR", op_cfdbr },
    { 0xb3a4, FMT_RRE, 0, "CEGBR", op_cegbr },
    { 0xb3a5, FMT_RRE, 0, "CDGBR", op_cdgbr },
    { 0xb3a8, FMT_RRF_E, 0, "CGEBR", op_cgebr },
    { 0xb3a9, FMT_RRF_E, 0, "CGDBR", op_cgdbr },
    { 0xed04, FMT_RXE, 0, "LDEB", op_ldeb },
};
S390_GROUP(s390_group_bfp_conv, bfp_conv_defs);
