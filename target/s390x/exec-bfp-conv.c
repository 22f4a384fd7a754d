/*
 * BFP conversions and the FPC: LDEBR, LDEB, LEDBR(A), CEFBR(A),
 * CDFBR(A), CEGBR(A), CDGBR(A), CFEBR(A), CFDBR(A), CGEBR(A), CGDBR(A),
 * FIEBR(A), FIDBR(A), the floating-point extension facility's CONVERT
 * FROM LOGICAL (CELFBR, CDLFBR, CELGBR, CDLGBR) and CONVERT TO LOGICAL
 * (CLFEBR, CLFDBR, CLGEBR, CLGDBR), and SFPC, EFPC, LFPC, STFPC, SRNM,
 * SRNMB, and facility 41's SRNMT, LFAS and SFASR.
 *
 * With the floating-point extension facility installed, every rounding
 * conversion has the RRF-e fields: M3 selects the rounding (0 the FPC's
 * mode, 1 to nearest with ties away from zero, 3 to prepare for shorter
 * precision, 4 to nearest even, 5 toward zero, 6 toward +infinity, 7
 * toward -infinity; 2 and 8-15 are a specification exception) and bit 1
 * of M4 (XxC) suppresses the IEEE inexact exception. The FPC's reserved
 * bits must be zero when it is loaded, and its BFP rounding mode (bits
 * 29-31) one of 0-3 or 7 (else specification).
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
    case 3:
        *rm = BFP_RND_PREPARE;
        return true;
    case 4 ... 7:
        *rm = (BfpRound)(m3 - 4);
        return true;
    default:
        return false;
    }
}

int bfp_conv_start(S390Cpu *cpu, const S390Insn *in, BfpRound *rm)
{
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    return bfp_m3_round(cpu, in->m3, rm) ? 0 : PGM_SPECIFICATION;
}

/* M4's XxC: the result is not inexact for the IEEE rules */
static void apply_xxc(const S390Insn *in, BfpResult *r)
{
    if (in->m4 & M4_XXC) {
        r->exc &= ~(BFP_X_INEXACT | BFP_X_INCR);
        r->sexc &= ~(BFP_X_INEXACT | BFP_X_INCR);
    }
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
    return bfp_store(cpu, BFP_LONG, in->r1, &res, false);
}

/*
 * LEDBR(A): long to short, rounded per M3; a trapped overflow or
 * underflow leaves a long result (bfp_load_rounded)
 */
S390_OP(op_ledbr)
{
    BfpResult128 src;
    BfpResult res;
    BfpRound rm;
    uint64_t a;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r) {
        return r;
    }
    a = fpr_get(cpu, BFP_LONG, in->r2);
    bfp_convert(BFP_SHORT, BFP_LONG, a, rm, &res);
    apply_xxc(in, &res);
    bfp128_from_bfp(BFP_LONG, a, &src);
    return bfp_load_rounded(cpu, in, false, src.v, BFP_SHORT, rm, &res);
}

/*
 * CxFBR(A), CxGBR(A), CxLFBR, CxLGBR: an integer in R2 (32 or 64 bits,
 * signed or, with @logical, unsigned) to @f, rounded per M3
 */
static int from_fixed(S390Cpu *cpu, const S390Insn *in, BfpFmt f, unsigned bits,
                      bool logical)
{
    BfpResult res;
    BfpRound rm;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r) {
        return r;
    }
    if (logical) {
        bfp_from_uint(f, bits == 32 ? gr32(cpu, in->r2) : gr(cpu, in->r2), rm,
                      &res);
    } else {
        bfp_from_int(f,
                     bits == 32 ? (int64_t)(int32_t)gr32(cpu, in->r2)
                                : (int64_t)gr(cpu, in->r2),
                     rm, &res);
    }
    apply_xxc(in, &res);
    return bfp_store(cpu, f, in->r1, &res, false);
}

/*
 * CFxBR(A), CGxBR(A), CLFxBR, CLGxBR: @f in R2 to an integer in R1
 * (signed or, with @logical, unsigned), rounded per M3
 */
static int to_fixed(S390Cpu *cpu, const S390Insn *in, BfpFmt f, unsigned bits,
                    bool logical)
{
    BfpResult res;
    BfpRound rm;
    unsigned cc;
    uint64_t v;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r) {
        return r;
    }
    cc = logical ? bfp_to_uint(f, fpr_get(cpu, f, in->r2), bits, rm, &res)
                 : bfp_to_int(f, fpr_get(cpu, f, in->r2), bits, rm, &res);
    apply_xxc(in, &res);
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

/* FIxBR(A): round to an integral value per M3 */
static int round_int(S390Cpu *cpu, const S390Insn *in, BfpFmt f)
{
    BfpResult res;
    BfpRound rm;
    int r = bfp_conv_start(cpu, in, &rm);

    if (r) {
        return r;
    }
    bfp_round_int(f, fpr_get(cpu, f, in->r2), rm, &res);
    apply_xxc(in, &res);
    return bfp_store(cpu, f, in->r1, &res, false);
}

/* one handler per opcode: target format, integer width, unsigned */
#define FROM_FIXED(name, f, bits, logical)                                     \
    S390_OP(name)                                                              \
    {                                                                          \
        return from_fixed(cpu, in, f, bits, logical);                          \
    }
#define TO_FIXED(name, f, bits, logical)                                       \
    S390_OP(name)                                                              \
    {                                                                          \
        return to_fixed(cpu, in, f, bits, logical);                            \
    }

FROM_FIXED(op_cefbr, BFP_SHORT, 32, false)
FROM_FIXED(op_cdfbr, BFP_LONG, 32, false)
FROM_FIXED(op_cegbr, BFP_SHORT, 64, false)
FROM_FIXED(op_cdgbr, BFP_LONG, 64, false)
FROM_FIXED(op_celfbr, BFP_SHORT, 32, true)
FROM_FIXED(op_cdlfbr, BFP_LONG, 32, true)
FROM_FIXED(op_celgbr, BFP_SHORT, 64, true)
FROM_FIXED(op_cdlgbr, BFP_LONG, 64, true)
TO_FIXED(op_cfebr, BFP_SHORT, 32, false)
TO_FIXED(op_cfdbr, BFP_LONG, 32, false)
TO_FIXED(op_cgebr, BFP_SHORT, 64, false)
TO_FIXED(op_cgdbr, BFP_LONG, 64, false)
TO_FIXED(op_clfebr, BFP_SHORT, 32, true)
TO_FIXED(op_clfdbr, BFP_LONG, 32, true)
TO_FIXED(op_clgebr, BFP_SHORT, 64, true)
TO_FIXED(op_clgdbr, BFP_LONG, 64, true)

S390_OP(op_fiebr)
{
    return round_int(cpu, in, BFP_SHORT);
}
S390_OP(op_fidbr)
{
    return round_int(cpu, in, BFP_LONG);
}

/* The BFP rounding modes an FPC may hold: 0-3 and 7 */
static bool fpc_mode_valid(unsigned m)
{
    return m <= 3 || m == FPC_RM_PREPARE;
}

static int fpc_load(S390Cpu *cpu, uint32_t v)
{
    if ((v & ~FPC_VALID) || !fpc_mode_valid(v & FPC_BFP_RM)) {
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
        cpu->fpc = (cpu->fpc & ~FPC_BFP_RM) | (ea2(cpu, in) & 3);
    }
    return r;
}

/* SRNMB: bits 61-63 of the address, one of the modes an FPC may hold */
S390_OP(op_srnmb)
{
    unsigned m = ea2(cpu, in) & FPC_BFP_RM;
    int r = bfp_avail(cpu);

    if (r) {
        return r;
    }
    if (!fpc_mode_valid(m)) {
        return PGM_SPECIFICATION;
    }
    cpu->fpc = (cpu->fpc & ~FPC_BFP_RM) | m;
    return 0;
}

/*
 * Facility 41's FPC instructions count as DFP instructions: without the
 * AFP-register control a data exception with DXC 3
 */
#define DXC_DFP_INSN 0x03

static int dfp_avail(S390Cpu *cpu)
{
    if (!(cpu->env.cregs[0] & CR0_AFP)) {
        cpu->dxc = DXC_DFP_INSN;
        return PGM_DATA;
    }
    return 0;
}

/* SRNMT: bits 61-63 of the address are the DFP rounding mode (all valid) */
S390_OP(op_srnmt)
{
    int r = dfp_avail(cpu);

    if (!r) {
        cpu->fpc = (cpu->fpc & ~FPC_DFP_RM) | (uint32_t)(ea2(cpu, in) & 7)
                                                  << FPC_DFP_RM_SHIFT;
    }
    return r;
}

/*
 * LFAS, SFASR (IEEE-exception simulation): @v becomes the FPC, with the
 * flags already set kept (ORed in). A flag already set whose mask is one
 * in @v is a simulated IEEE exception: a data exception whose DXC has
 * that flag's bit (invalid, else divide by zero, else overflow or
 * underflow with the inexact bit if that flag is set too, else inexact)
 * and 3 in bits 6-7.
 */
static int fpc_load_signal(S390Cpu *cpu, uint32_t v)
{
    uint32_t old = cpu->fpc;
    uint8_t flags = old >> FPC_FLAG_SHIFT, hit;
    int r = fpc_load(cpu, v | (old & (UINT32_C(0xff) << FPC_FLAG_SHIFT)));

    if (r) {
        return r;
    }
    hit = flags & (v >> FPC_MASK_SHIFT) & 0xf8;
    if (!hit) {
        return 0;
    }
    if (hit & 0x80) {
        hit = 0x80;
    } else if (hit & 0x40) {
        hit = 0x40;
    } else if (hit & 0x30) {
        hit = (hit & 0x20 ? 0x20 : 0x10) | (flags & 0x08);
    }
    cpu->dxc = hit | 0x03;
    cpu->fpc = (cpu->fpc & ~FPC_DXC) | (uint32_t)cpu->dxc << FPC_DXC_SHIFT;
    return PGM_DATA;
}

S390_OP(op_sfasr)
{
    int r = dfp_avail(cpu);

    return r ? r : fpc_load_signal(cpu, gr32(cpu, in->r1));
}

S390_OP(op_lfas)
{
    uint32_t v;
    int r = dfp_avail(cpu);

    if (!r && !(r = s390_ld32(cpu, ea2(cpu, in), &v))) {
        r = fpc_load_signal(cpu, v);
    }
    return r;
}

static const S390InsnDef bfp_conv_defs[] = {
    { 0xb299, FMT_S, 0, "SRNM", op_srnm },
    { 0xb29c, FMT_S, 0, "STFPC", op_stfpc },
    { 0xb29d, FMT_S, 0, "LFPC", op_lfpc },
    { 0xb2b8, FMT_S, 0, "SRNMB", op_srnmb },
    { 0xb2b9, FMT_S, 0, "SRNMT", op_srnmt },
    { 0xb2bd, FMT_S, 0, "LFAS", op_lfas },
    { 0xb304, FMT_RRE, 0, "LDEBR", op_ldeb },
    { 0xb344, FMT_RRF_E, 0, "LEDBR", op_ledbr },
    { 0xb357, FMT_RRF_E, 0, "FIEBR", op_fiebr },
    { 0xb35f, FMT_RRF_E, 0, "FIDBR", op_fidbr },
    { 0xb384, FMT_RRE, 0, "SFPC", op_sfpc },
    { 0xb385, FMT_RRE, 0, "SFASR", op_sfasr },
    { 0xb38c, FMT_RRE, 0, "EFPC", op_efpc },
    { 0xb390, FMT_RRF_E, 0, "CELFBR", op_celfbr },
    { 0xb391, FMT_RRF_E, 0, "CDLFBR", op_cdlfbr },
    { 0xb394, FMT_RRF_E, 0, "CEFBR", op_cefbr },
    { 0xb395, FMT_RRF_E, 0, "CDFBR", op_cdfbr },
    { 0xb398, FMT_RRF_E, 0, "CFEBR", op_cfebr },
    { 0xb399, FMT_RRF_E, 0, "CFDBR", op_cfdbr },
    { 0xb39c, FMT_RRF_E, 0, "CLFEBR", op_clfebr },
    { 0xb39d, FMT_RRF_E, 0, "CLFDBR", op_clfdbr },
    { 0xb3a0, FMT_RRF_E, 0, "CELGBR", op_celgbr },
    { 0xb3a1, FMT_RRF_E, 0, "CDLGBR", op_cdlgbr },
    { 0xb3a4, FMT_RRF_E, 0, "CEGBR", op_cegbr },
    { 0xb3a5, FMT_RRF_E, 0, "CDGBR", op_cdgbr },
    { 0xb3a8, FMT_RRF_E, 0, "CGEBR", op_cgebr },
    { 0xb3a9, FMT_RRF_E, 0, "CGDBR", op_cgdbr },
    { 0xb3ac, FMT_RRF_E, 0, "CLGEBR", op_clgebr },
    { 0xb3ad, FMT_RRF_E, 0, "CLGDBR", op_clgdbr },
    { 0xed04, FMT_RXE, 0, "LDEB", op_ldeb },
};
S390_GROUP(s390_group_bfp_conv, bfp_conv_defs);
