/*
 * Loads, stores and immediates of the general registers: L/LG/LGF/LH...,
 * ST/STG/STH/STC, LA/LAY/LARL, the register-to-register loads, insert
 * and load-logical immediates, relative-long loads and stores.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* ---- storage to register ---- */

S390_OP(op_l)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_lg)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_lgf)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, (int64_t)(int32_t)v);
    }
    return r;
}

S390_OP(op_llgf)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_llgt)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, v & 0x7fffffff);
    }
    return r;
}

S390_OP(op_lh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, (int32_t)(int16_t)v);
    }
    return r;
}

S390_OP(op_lgh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, (int64_t)(int16_t)v);
    }
    return r;
}

S390_OP(op_llh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_llgh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_lb)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, (int32_t)(int8_t)v);
    }
    return r;
}

S390_OP(op_lgb)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, (int64_t)(int8_t)v);
    }
    return r;
}

S390_OP(op_llc)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_llgc)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

/* IC: bits 56-63 only */
S390_OP(op_ic)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, (gr(cpu, in->r1) & ~0xffull) | v);
    }
    return r;
}

S390_OP(op_lt)
{
    int r = op_l(cpu, in);

    if (!r) {
        cc_sign32(cpu, gr32(cpu, in->r1));
    }
    return r;
}

S390_OP(op_ltg)
{
    int r = op_lg(cpu, in);

    if (!r) {
        cc_sign64(cpu, gr(cpu, in->r1));
    }
    return r;
}

S390_OP(op_ltgf)
{
    int r = op_lgf(cpu, in);

    if (!r) {
        cc_sign64(cpu, gr(cpu, in->r1));
    }
    return r;
}

/* ---- register to storage ---- */

S390_OP(op_st)
{
    return s390_st32(cpu, ea2(cpu, in), gr32(cpu, in->r1));
}

S390_OP(op_stg)
{
    return s390_st64(cpu, ea2(cpu, in), gr(cpu, in->r1));
}

S390_OP(op_sth)
{
    return s390_st16(cpu, ea2(cpu, in), (uint16_t)gr(cpu, in->r1));
}

S390_OP(op_stc)
{
    return s390_st8(cpu, ea2(cpu, in), (uint8_t)gr(cpu, in->r1));
}

/* ---- addresses ---- */

S390_OP(op_la)
{
    set_address(cpu, in->r1, ea2(cpu, in));
    return 0;
}

S390_OP(op_larl)
{
    set_address(cpu, in->r1, ea_rel(cpu, in, in->i2));
    return 0;
}

/* ---- register to register ---- */

S390_OP(op_lr)
{
    set_gr32(cpu, in->r1, gr32(cpu, in->r2));
    return 0;
}

S390_OP(op_lgr)
{
    set_gr(cpu, in->r1, gr(cpu, in->r2));
    return 0;
}

S390_OP(op_lgfr)
{
    set_gr(cpu, in->r1, (int64_t)(int32_t)gr32(cpu, in->r2));
    return 0;
}

S390_OP(op_llgfr)
{
    set_gr(cpu, in->r1, gr32(cpu, in->r2));
    return 0;
}

S390_OP(op_llgtr)
{
    set_gr(cpu, in->r1, gr32(cpu, in->r2) & 0x7fffffff);
    return 0;
}

S390_OP(op_lbr)
{
    set_gr32(cpu, in->r1, (int32_t)(int8_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_lgbr)
{
    set_gr(cpu, in->r1, (int64_t)(int8_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_lhr)
{
    set_gr32(cpu, in->r1, (int32_t)(int16_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_lghr)
{
    set_gr(cpu, in->r1, (int64_t)(int16_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_llcr)
{
    set_gr32(cpu, in->r1, (uint8_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_llgcr)
{
    set_gr(cpu, in->r1, (uint8_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_llhr)
{
    set_gr32(cpu, in->r1, (uint16_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_llghr)
{
    set_gr(cpu, in->r1, (uint16_t)gr(cpu, in->r2));
    return 0;
}

S390_OP(op_ltr)
{
    set_gr32(cpu, in->r1, gr32(cpu, in->r2));
    cc_sign32(cpu, gr32(cpu, in->r1));
    return 0;
}

S390_OP(op_ltgr)
{
    set_gr(cpu, in->r1, gr(cpu, in->r2));
    cc_sign64(cpu, gr(cpu, in->r1));
    return 0;
}

S390_OP(op_ltgfr)
{
    set_gr(cpu, in->r1, (int64_t)(int32_t)gr32(cpu, in->r2));
    cc_sign64(cpu, gr(cpu, in->r1));
    return 0;
}

/* ---- immediates ---- */

S390_OP(op_lhi)
{
    set_gr32(cpu, in->r1, (uint32_t)in->i2);
    return 0;
}

S390_OP(op_lghi)
{
    set_gr(cpu, in->r1, (uint64_t)in->i2);
    return 0;
}

/* Insert / load logical of a 16- or 32-bit field; shift from the opcode */
static unsigned imm_shift(const S390Insn *in)
{
    unsigned x = in->def->opc & 0xf;

    if ((in->def->opc >> 8) == 0xa5) {
        return 48 - 16 * (x & 3); /* HH, HL, LH, LL */
    }
    return (x == 0x8 || x == 0xe) ? 32 : 0; /* IIHF/LLIHF : IILF/LLILF */
}

S390_OP(op_insert_imm)
{
    unsigned sh = imm_shift(in);
    uint64_t width = (in->def->opc >> 8) == 0xa5 ? 0xffff : 0xffffffff;
    uint64_t keep = ~(width << sh);

    set_gr(cpu, in->r1,
           (gr(cpu, in->r1) & keep) | (((uint64_t)in->i2 & width) << sh));
    return 0;
}

S390_OP(op_load_logical_imm)
{
    uint64_t width = (in->def->opc >> 8) == 0xa5 ? 0xffff : 0xffffffff;

    set_gr(cpu, in->r1, ((uint64_t)in->i2 & width) << imm_shift(in));
    return 0;
}

S390_OP(op_lgfi)
{
    set_gr(cpu, in->r1, (uint64_t)in->i2);
    return 0;
}

#define SG S390_I2_SIGNED
static const S390InsnDef load_defs[] = {
    { 0x1200, FMT_RR, 0, "LTR", op_ltr },
    { 0x1800, FMT_RR, 0, "LR", op_lr },
    { 0x4000, FMT_RX_A, 0, "STH", op_sth },
    { 0x4100, FMT_RX_A, 0, "LA", op_la },
    { 0x4200, FMT_RX_A, 0, "STC", op_stc },
    { 0x4300, FMT_RX_A, 0, "IC", op_ic },
    { 0x4800, FMT_RX_A, 0, "LH", op_lh },
    { 0x5000, FMT_RX_A, 0, "ST", op_st },
    { 0x5800, FMT_RX_A, 0, "L", op_l },
    { 0xa500, FMT_RI_A, 0, "IIHH", op_insert_imm },
    { 0xa501, FMT_RI_A, 0, "IIHL", op_insert_imm },
    { 0xa502, FMT_RI_A, 0, "IILH", op_insert_imm },
    { 0xa503, FMT_RI_A, 0, "IILL", op_insert_imm },
    { 0xa50c, FMT_RI_A, 0, "LLIHH", op_load_logical_imm },
    { 0xa50d, FMT_RI_A, 0, "LLIHL", op_load_logical_imm },
    { 0xa50e, FMT_RI_A, 0, "LLILH", op_load_logical_imm },
    { 0xa50f, FMT_RI_A, 0, "LLILL", op_load_logical_imm },
    { 0xa708, FMT_RI_A, SG, "LHI", op_lhi },
    { 0xa709, FMT_RI_A, SG, "LGHI", op_lghi },
    { 0xb902, FMT_RRE, 0, "LTGR", op_ltgr },
    { 0xb904, FMT_RRE, 0, "LGR", op_lgr },
    { 0xb906, FMT_RRE, 0, "LGBR", op_lgbr },
    { 0xb907, FMT_RRE, 0, "LGHR", op_lghr },
    { 0xb912, FMT_RRE, 0, "LTGFR", op_ltgfr },
    { 0xb914, FMT_RRE, 0, "LGFR", op_lgfr },
    { 0xb916, FMT_RRE, 0, "LLGFR", op_llgfr },
    { 0xb917, FMT_RRE, 0, "LLGTR", op_llgtr },
    { 0xb926, FMT_RRE, 0, "LBR", op_lbr },
    { 0xb927, FMT_RRE, 0, "LHR", op_lhr },
    { 0xb984, FMT_RRE, 0, "LLGCR", op_llgcr },
    { 0xb985, FMT_RRE, 0, "LLGHR", op_llghr },
    { 0xb994, FMT_RRE, 0, "LLCR", op_llcr },
    { 0xb995, FMT_RRE, 0, "LLHR", op_llhr },
    { 0xc000, FMT_RIL_B, 0, "LARL", op_larl },
    { 0xc001, FMT_RIL_A, SG, "LGFI", op_lgfi },
    { 0xc008, FMT_RIL_A, 0, "IIHF", op_insert_imm },
    { 0xc009, FMT_RIL_A, 0, "IILF", op_insert_imm },
    { 0xc00e, FMT_RIL_A, 0, "LLIHF", op_load_logical_imm },
    { 0xc00f, FMT_RIL_A, 0, "LLILF", op_load_logical_imm },
    { 0xe302, FMT_RXY_A, 0, "LTG", op_ltg },
    { 0xe304, FMT_RXY_A, 0, "LG", op_lg },
    { 0xe312, FMT_RXY_A, 0, "LT", op_lt },
    { 0xe314, FMT_RXY_A, 0, "LGF", op_lgf },
    { 0xe315, FMT_RXY_A, 0, "LGH", op_lgh },
    { 0xe316, FMT_RXY_A, 0, "LLGF", op_llgf },
    { 0xe317, FMT_RXY_A, 0, "LLGT", op_llgt },
    { 0xe324, FMT_RXY_A, 0, "STG", op_stg },
    { 0xe332, FMT_RXY_A, 0, "LTGF", op_ltgf },
    { 0xe350, FMT_RXY_A, 0, "STY", op_st },
    { 0xe358, FMT_RXY_A, 0, "LY", op_l },
    { 0xe370, FMT_RXY_A, 0, "STHY", op_sth },
    { 0xe371, FMT_RXY_A, 0, "LAY", op_la },
    { 0xe372, FMT_RXY_A, 0, "STCY", op_stc },
    { 0xe373, FMT_RXY_A, 0, "ICY", op_ic },
    { 0xe376, FMT_RXY_A, 0, "LB", op_lb },
    { 0xe377, FMT_RXY_A, 0, "LGB", op_lgb },
    { 0xe378, FMT_RXY_A, 0, "LHY", op_lh },
    { 0xe390, FMT_RXY_A, 0, "LLGC", op_llgc },
    { 0xe391, FMT_RXY_A, 0, "LLGH", op_llgh },
    { 0xe394, FMT_RXY_A, 0, "LLC", op_llc },
    { 0xe395, FMT_RXY_A, 0, "LLH", op_llh },
};
S390_GROUP(s390_group_load, load_defs);
