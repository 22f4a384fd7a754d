/*
 * The high-word facility: loads and stores of bits 0-31 (LFH, STFH,
 * LBH, LHH, LLCH, LLHH, STCH, STHH), add/subtract/compare on high words
 * (AHHHR, AHHLR, SHHHR, SHHLR, ALHHHR, ALHHLR, SLHHHR, SLHHLR, CHHR,
 * CHLR, CLHHR, CLHLR, AIH, ALSIH, ALSIHN, CIH, CLIH, CHF, CLHF).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

S390_OP(op_lfh)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gh32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_stfh)
{
    return s390_st32(cpu, ea2(cpu, in), gh32(cpu, in->r1));
}

S390_OP(op_sthh)
{
    return s390_st16(cpu, ea2(cpu, in), (uint16_t)gh32(cpu, in->r1));
}

S390_OP(op_stch)
{
    return s390_st8(cpu, ea2(cpu, in), (uint8_t)gh32(cpu, in->r1));
}

/* byte and halfword loads into the high word, signed or logical */
static int load_high(S390Cpu *cpu, const S390Insn *in, unsigned size, bool sext)
{
    uint8_t b;
    uint16_t h;
    int r;

    if (size == 1) {
        r = s390_ld8(cpu, ea2(cpu, in), &b);
        if (!r) {
            set_gh32(cpu, in->r1, sext ? (uint32_t)(int8_t)b : b);
        }
        return r;
    }
    r = s390_ld16(cpu, ea2(cpu, in), &h);
    if (!r) {
        set_gh32(cpu, in->r1, sext ? (uint32_t)(int16_t)h : h);
    }
    return r;
}

S390_OP(op_lbh)
{
    return load_high(cpu, in, 1, true);
}
S390_OP(op_llch)
{
    return load_high(cpu, in, 1, false);
}
S390_OP(op_lhh)
{
    return load_high(cpu, in, 2, true);
}
S390_OP(op_llhh)
{
    return load_high(cpu, in, 2, false);
}

/* RRF-a forms: R1.high = R2.high op (R3.high or R3.low) */
static uint32_t op3(const S390Cpu *cpu, const S390Insn *in)
{
    bool low = (in->def->opc & 0xf0) == 0xd0; /* B9Dx: R3 low word */

    return low ? gr32(cpu, in->r3) : gh32(cpu, in->r3);
}

S390_OP(op_ahhr)
{
    int32_t res;
    int r = add_s32(cpu, gh32(cpu, in->r2), op3(cpu, in), &res);

    set_gh32(cpu, in->r1, res);
    return r;
}

S390_OP(op_shhr)
{
    int32_t res;
    int r = sub_s32(cpu, gh32(cpu, in->r2), op3(cpu, in), &res);

    set_gh32(cpu, in->r1, res);
    return r;
}

S390_OP(op_alhhr)
{
    set_gh32(cpu, in->r1, addc_u32(cpu, gh32(cpu, in->r2), op3(cpu, in), 0));
    return 0;
}

S390_OP(op_slhhr)
{
    set_gh32(cpu, in->r1, addc_u32(cpu, gh32(cpu, in->r2), ~op3(cpu, in), 1));
    return 0;
}

/* RRE compares: R1.high against R2.high (B9Cx) or R2.low (B9Dx) */
static uint32_t op2r(const S390Cpu *cpu, const S390Insn *in)
{
    bool low = (in->def->opc & 0xf0) == 0xd0;

    return low ? gr32(cpu, in->r2) : gh32(cpu, in->r2);
}

S390_OP(op_chhr)
{
    cc_cmp_s(cpu, (int32_t)gh32(cpu, in->r1), (int32_t)op2r(cpu, in));
    return 0;
}

S390_OP(op_clhhr)
{
    cc_cmp_u(cpu, gh32(cpu, in->r1), op2r(cpu, in));
    return 0;
}

S390_OP(op_chf)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        cc_cmp_s(cpu, (int32_t)gh32(cpu, in->r1), (int32_t)v);
    }
    return r;
}

S390_OP(op_clhf)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        cc_cmp_u(cpu, gh32(cpu, in->r1), v);
    }
    return r;
}

/* ---- immediates (RIL-a) ---- */

S390_OP(op_aih)
{
    int32_t res;
    int r = add_s32(cpu, gh32(cpu, in->r1), in->i2, &res);

    set_gh32(cpu, in->r1, res);
    return r;
}

S390_OP(op_alsih)
{
    set_gh32(cpu, in->r1, addc_u32(cpu, gh32(cpu, in->r1), in->i2, 0));
    return 0;
}

/* ALSIHN: as ALSIH without changing the cc */
S390_OP(op_alsihn)
{
    set_gh32(cpu, in->r1, gh32(cpu, in->r1) + (uint32_t)in->i2);
    return 0;
}

S390_OP(op_cih)
{
    cc_cmp_s(cpu, (int32_t)gh32(cpu, in->r1), in->i2);
    return 0;
}

S390_OP(op_clih)
{
    cc_cmp_u(cpu, gh32(cpu, in->r1), (uint32_t)in->i2);
    return 0;
}

#define SG S390_I2_SIGNED
static const S390InsnDef highword_defs[] = {
    { 0xb9c8, FMT_RRF_A, 0, "AHHHR", op_ahhr },
    { 0xb9c9, FMT_RRF_A, 0, "SHHHR", op_shhr },
    { 0xb9ca, FMT_RRF_A, 0, "ALHHHR", op_alhhr },
    { 0xb9cb, FMT_RRF_A, 0, "SLHHHR", op_slhhr },
    { 0xb9cd, FMT_RRE, 0, "CHHR", op_chhr },
    { 0xb9cf, FMT_RRE, 0, "CLHHR", op_clhhr },
    { 0xb9d8, FMT_RRF_A, 0, "AHHLR", op_ahhr },
    { 0xb9d9, FMT_RRF_A, 0, "SHHLR", op_shhr },
    { 0xb9da, FMT_RRF_A, 0, "ALHHLR", op_alhhr },
    { 0xb9db, FMT_RRF_A, 0, "SLHHLR", op_slhhr },
    { 0xb9dd, FMT_RRE, 0, "CHLR", op_chhr },
    { 0xb9df, FMT_RRE, 0, "CLHLR", op_clhhr },
    { 0xcc08, FMT_RIL_A, SG, "AIH", op_aih },
    { 0xcc0a, FMT_RIL_A, SG, "ALSIH", op_alsih },
    { 0xcc0b, FMT_RIL_A, SG, "ALSIHN", op_alsihn },
    { 0xcc0d, FMT_RIL_A, SG, "CIH", op_cih },
    { 0xcc0f, FMT_RIL_A, 0, "CLIH", op_clih },
    { 0xe3c0, FMT_RXY_A, 0, "LBH", op_lbh },
    { 0xe3c2, FMT_RXY_A, 0, "LLCH", op_llch },
    { 0xe3c3, FMT_RXY_A, 0, "STCH", op_stch },
    { 0xe3c4, FMT_RXY_A, 0, "LHH", op_lhh },
    { 0xe3c6, FMT_RXY_A, 0, "LLHH", op_llhh },
    { 0xe3c7, FMT_RXY_A, 0, "STHH", op_sthh },
    { 0xe3ca, FMT_RXY_A, 0, "LFH", op_lfh },
    { 0xe3cb, FMT_RXY_A, 0, "STFH", op_stfh },
    { 0xe3cd, FMT_RXY_A, 0, "CHF", op_chf },
    { 0xe3cf, FMT_RXY_A, 0, "CLHF", op_clhf },
};
S390_GROUP(s390_group_highword, highword_defs);
