/*
 * Signed add and subtract (register, storage, immediate and
 * distinct-operands forms), complement and positive/negative loads.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* ---- second operands in storage ---- */

static int m32(S390Cpu *cpu, const S390Insn *in, uint32_t *v)
{
    return s390_ld32(cpu, ea2(cpu, in), v);
}

static int m64(S390Cpu *cpu, const S390Insn *in, uint64_t *v)
{
    return s390_ld64(cpu, ea2(cpu, in), v);
}

static int m16s(S390Cpu *cpu, const S390Insn *in, int32_t *v)
{
    uint16_t h;
    int r = s390_ld16(cpu, ea2(cpu, in), &h);

    *v = (int16_t)h;
    return r;
}

/* ---- signed ---- */

static int do_a32(S390Cpu *cpu, unsigned r1, int32_t a, int32_t b)
{
    int32_t res;
    int r = add_s32(cpu, a, b, &res);

    set_gr32(cpu, r1, res);
    return r;
}

static int do_s32(S390Cpu *cpu, unsigned r1, int32_t a, int32_t b)
{
    int32_t res;
    int r = sub_s32(cpu, a, b, &res);

    set_gr32(cpu, r1, res);
    return r;
}

static int do_a64(S390Cpu *cpu, unsigned r1, int64_t a, int64_t b)
{
    int64_t res;
    int r = add_s64(cpu, a, b, &res);

    set_gr(cpu, r1, res);
    return r;
}

static int do_s64(S390Cpu *cpu, unsigned r1, int64_t a, int64_t b)
{
    int64_t res;
    int r = sub_s64(cpu, a, b, &res);

    set_gr(cpu, r1, res);
    return r;
}

S390_OP(op_ar)
{
    return do_a32(cpu, in->r1, gr32(cpu, in->r1), gr32(cpu, in->r2));
}
S390_OP(op_sr)
{
    return do_s32(cpu, in->r1, gr32(cpu, in->r1), gr32(cpu, in->r2));
}
S390_OP(op_ark)
{
    return do_a32(cpu, in->r1, gr32(cpu, in->r2), gr32(cpu, in->r3));
}
S390_OP(op_srk)
{
    return do_s32(cpu, in->r1, gr32(cpu, in->r2), gr32(cpu, in->r3));
}
S390_OP(op_agr)
{
    return do_a64(cpu, in->r1, gr(cpu, in->r1), gr(cpu, in->r2));
}
S390_OP(op_sgr)
{
    return do_s64(cpu, in->r1, gr(cpu, in->r1), gr(cpu, in->r2));
}
S390_OP(op_agrk)
{
    return do_a64(cpu, in->r1, gr(cpu, in->r2), gr(cpu, in->r3));
}
S390_OP(op_sgrk)
{
    return do_s64(cpu, in->r1, gr(cpu, in->r2), gr(cpu, in->r3));
}
S390_OP(op_ahi)
{
    return do_a32(cpu, in->r1, gr32(cpu, in->r1), in->i2);
}
S390_OP(op_aghi)
{
    return do_a64(cpu, in->r1, gr(cpu, in->r1), in->i2);
}
S390_OP(op_ahik)
{
    return do_a32(cpu, in->r1, gr32(cpu, in->r3), in->i2);
}
S390_OP(op_aghik)
{
    return do_a64(cpu, in->r1, gr(cpu, in->r3), in->i2);
}

S390_OP(op_agfr)
{
    return do_a64(cpu, in->r1, gr(cpu, in->r1), (int32_t)gr32(cpu, in->r2));
}

S390_OP(op_sgfr)
{
    return do_s64(cpu, in->r1, gr(cpu, in->r1), (int32_t)gr32(cpu, in->r2));
}

S390_OP(op_a)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    return r ? r : do_a32(cpu, in->r1, gr32(cpu, in->r1), v);
}

S390_OP(op_s)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    return r ? r : do_s32(cpu, in->r1, gr32(cpu, in->r1), v);
}

S390_OP(op_ah)
{
    int32_t v;
    int r = m16s(cpu, in, &v);

    return r ? r : do_a32(cpu, in->r1, gr32(cpu, in->r1), v);
}

S390_OP(op_sh)
{
    int32_t v;
    int r = m16s(cpu, in, &v);

    return r ? r : do_s32(cpu, in->r1, gr32(cpu, in->r1), v);
}

S390_OP(op_ag)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    return r ? r : do_a64(cpu, in->r1, gr(cpu, in->r1), v);
}

S390_OP(op_sg)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    return r ? r : do_s64(cpu, in->r1, gr(cpu, in->r1), v);
}

S390_OP(op_agf)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    return r ? r : do_a64(cpu, in->r1, gr(cpu, in->r1), (int32_t)v);
}

S390_OP(op_sgf)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    return r ? r : do_s64(cpu, in->r1, gr(cpu, in->r1), (int32_t)v);
}

/* ---- complement, positive, negative ---- */

S390_OP(op_lcr)
{
    return do_s32(cpu, in->r1, 0, gr32(cpu, in->r2));
}

S390_OP(op_lcgr)
{
    return do_s64(cpu, in->r1, 0, gr(cpu, in->r2));
}

S390_OP(op_lcgfr)
{
    return do_s64(cpu, in->r1, 0, (int32_t)gr32(cpu, in->r2));
}

S390_OP(op_lpr)
{
    int32_t v = gr32(cpu, in->r2);

    return v < 0 ? do_s32(cpu, in->r1, 0, v) : do_a32(cpu, in->r1, v, 0);
}

S390_OP(op_lpgr)
{
    int64_t v = gr(cpu, in->r2);

    return v < 0 ? do_s64(cpu, in->r1, 0, v) : do_a64(cpu, in->r1, v, 0);
}

S390_OP(op_lpgfr)
{
    int64_t v = (int32_t)gr32(cpu, in->r2);

    return v < 0 ? do_s64(cpu, in->r1, 0, v) : do_a64(cpu, in->r1, v, 0);
}

S390_OP(op_lnr)
{
    int32_t v = gr32(cpu, in->r2);

    return v > 0 ? do_s32(cpu, in->r1, 0, v) : do_a32(cpu, in->r1, v, 0);
}

S390_OP(op_lngr)
{
    int64_t v = gr(cpu, in->r2);

    return v > 0 ? do_s64(cpu, in->r1, 0, v) : do_a64(cpu, in->r1, v, 0);
}

S390_OP(op_lngfr)
{
    int64_t v = (int32_t)gr32(cpu, in->r2);

    return v > 0 ? do_s64(cpu, in->r1, 0, v) : do_a64(cpu, in->r1, v, 0);
}

#define SG S390_I2_SIGNED
static const S390InsnDef arith_defs[] = {
    { 0x1000, FMT_RR, 0, "LPR", op_lpr },
    { 0x1100, FMT_RR, 0, "LNR", op_lnr },
    { 0x1300, FMT_RR, 0, "LCR", op_lcr },
    { 0x1a00, FMT_RR, 0, "AR", op_ar },
    { 0x1b00, FMT_RR, 0, "SR", op_sr },
    { 0x4a00, FMT_RX_A, 0, "AH", op_ah },
    { 0x4b00, FMT_RX_A, 0, "SH", op_sh },
    { 0x5a00, FMT_RX_A, 0, "A", op_a },
    { 0x5b00, FMT_RX_A, 0, "S", op_s },
    { 0xa70a, FMT_RI_A, SG, "AHI", op_ahi },
    { 0xa70b, FMT_RI_A, SG, "AGHI", op_aghi },
    { 0xb900, FMT_RRE, 0, "LPGR", op_lpgr },
    { 0xb901, FMT_RRE, 0, "LNGR", op_lngr },
    { 0xb903, FMT_RRE, 0, "LCGR", op_lcgr },
    { 0xb908, FMT_RRE, 0, "AGR", op_agr },
    { 0xb909, FMT_RRE, 0, "SGR", op_sgr },
    { 0xb910, FMT_RRE, 0, "LPGFR", op_lpgfr },
    { 0xb911, FMT_RRE, 0, "LNGFR", op_lngfr },
    { 0xb913, FMT_RRE, 0, "LCGFR", op_lcgfr },
    { 0xb918, FMT_RRE, 0, "AGFR", op_agfr },
    { 0xb919, FMT_RRE, 0, "SGFR", op_sgfr },
    { 0xb9e8, FMT_RRF_A, 0, "AGRK", op_agrk },
    { 0xb9e9, FMT_RRF_A, 0, "SGRK", op_sgrk },
    { 0xb9f8, FMT_RRF_A, 0, "ARK", op_ark },
    { 0xb9f9, FMT_RRF_A, 0, "SRK", op_srk },
    { 0xc208, FMT_RIL_A, SG, "AGFI", op_aghi },
    { 0xc209, FMT_RIL_A, SG, "AFI", op_ahi },
    { 0xe308, FMT_RXY_A, 0, "AG", op_ag },
    { 0xe309, FMT_RXY_A, 0, "SG", op_sg },
    { 0xe318, FMT_RXY_A, 0, "AGF", op_agf },
    { 0xe319, FMT_RXY_A, 0, "SGF", op_sgf },
    { 0xe35a, FMT_RXY_A, 0, "AY", op_a },
    { 0xe35b, FMT_RXY_A, 0, "SY", op_s },
    { 0xe37a, FMT_RXY_A, 0, "AHY", op_ah },
    { 0xe37b, FMT_RXY_A, 0, "SHY", op_sh },
    { 0xecd8, FMT_RIE_D, SG, "AHIK", op_ahik },
    { 0xecd9, FMT_RIE_D, SG, "AGHIK", op_aghik },
};
S390_GROUP(s390_group_arith, arith_defs);
