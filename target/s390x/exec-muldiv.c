/*
 * Multiply and divide: single (MS*, MH*, MHI, MGHI: no cc, no overflow
 * exception), into an even-odd pair (M, MR, MFY, ML*, MLG*), and the
 * divides with their fixed-point-divide exception (suppressing).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

static void ms32(S390Cpu *cpu, unsigned r1, int64_t b)
{
    set_gr32(cpu, r1,
             (uint32_t)((uint64_t)(int32_t)gr32(cpu, r1) * (uint64_t)b));
}

static void ms64(S390Cpu *cpu, unsigned r1, int64_t b)
{
    set_gr(cpu, r1, gr(cpu, r1) * (uint64_t)b);
}

S390_OP(op_msr)
{
    ms32(cpu, in->r1, (int32_t)gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_msgr)
{
    ms64(cpu, in->r1, gr(cpu, in->r2));
    return 0;
}
S390_OP(op_msgfr)
{
    ms64(cpu, in->r1, (int32_t)gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_mhi)
{
    ms32(cpu, in->r1, in->i2);
    return 0;
}
S390_OP(op_mghi)
{
    ms64(cpu, in->r1, in->i2);
    return 0;
}

S390_OP(op_ms)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        ms32(cpu, in->r1, (int32_t)v);
    }
    return r;
}

S390_OP(op_mh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        ms32(cpu, in->r1, (int16_t)v);
    }
    return r;
}

S390_OP(op_msg)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    if (!r) {
        ms64(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_msgf)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        ms64(cpu, in->r1, (int32_t)v);
    }
    return r;
}

/* ---- into a pair: R1 even, the multiplicand in R1+1 ---- */

static void pair32(S390Cpu *cpu, unsigned r1, uint64_t v)
{
    set_gr32(cpu, r1, (uint32_t)(v >> 32));
    set_gr32(cpu, r1 + 1, (uint32_t)v);
}

static void pair64(S390Cpu *cpu, unsigned r1, unsigned __int128 v)
{
    set_gr(cpu, r1, (uint64_t)(v >> 64));
    set_gr(cpu, r1 + 1, (uint64_t)v);
}

static int mul_pair(S390Cpu *cpu, const S390Insn *in, bool from_mem,
                    bool is_signed, bool is64)
{
    uint64_t b = 0;
    int r = 0;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    if (from_mem && is64) {
        r = s390_ld64(cpu, ea2(cpu, in), &b);
    } else if (from_mem) {
        uint32_t w;

        r = s390_ld32(cpu, ea2(cpu, in), &w);
        b = w;
    } else {
        b = is64 ? gr(cpu, in->r2) : gr32(cpu, in->r2);
    }
    if (r) {
        return r;
    }
    if (is64) {
        pair64(cpu, in->r1, (unsigned __int128)gr(cpu, in->r1 + 1) * b);
    } else if (is_signed) {
        pair32(cpu, in->r1,
               (uint64_t)((int64_t)(int32_t)gr32(cpu, in->r1 + 1) *
                          (int32_t)(uint32_t)b));
    } else {
        pair32(cpu, in->r1, (uint64_t)gr32(cpu, in->r1 + 1) * (uint32_t)b);
    }
    return 0;
}

S390_OP(op_mr)
{
    return mul_pair(cpu, in, false, true, false);
}
S390_OP(op_m)
{
    return mul_pair(cpu, in, true, true, false);
}
S390_OP(op_mlr)
{
    return mul_pair(cpu, in, false, false, false);
}
S390_OP(op_ml)
{
    return mul_pair(cpu, in, true, false, false);
}
S390_OP(op_mlgr)
{
    return mul_pair(cpu, in, false, false, true);
}
S390_OP(op_mlg)
{
    return mul_pair(cpu, in, true, false, true);
}

/* ---- divide ---- */

/* D, DR: 64-bit signed dividend in the pair's low words, 32-bit divisor */
static int div32(S390Cpu *cpu, unsigned r1, int32_t d)
{
    int64_t n, q;

    if (odd_reg(r1)) {
        return PGM_SPECIFICATION;
    }
    n = (int64_t)(((uint64_t)gr32(cpu, r1) << 32) | gr32(cpu, r1 + 1));
    if (d == 0 || (n == INT64_MIN && d == -1)) {
        return PGM_FIXPT_DIVIDE;
    }
    q = n / d;
    if (q < INT32_MIN || q > INT32_MAX) {
        return PGM_FIXPT_DIVIDE;
    }
    set_gr32(cpu, r1, (uint32_t)(n % d));
    set_gr32(cpu, r1 + 1, (uint32_t)q);
    return 0;
}

static int divl32(S390Cpu *cpu, unsigned r1, uint32_t d)
{
    uint64_t n;

    if (odd_reg(r1)) {
        return PGM_SPECIFICATION;
    }
    n = ((uint64_t)gr32(cpu, r1) << 32) | gr32(cpu, r1 + 1);
    if (d == 0 || n / d > UINT32_MAX) {
        return PGM_FIXPT_DIVIDE;
    }
    set_gr32(cpu, r1, (uint32_t)(n % d));
    set_gr32(cpu, r1 + 1, (uint32_t)(n / d));
    return 0;
}

static int divl64(S390Cpu *cpu, unsigned r1, uint64_t d)
{
    unsigned __int128 n;

    if (odd_reg(r1)) {
        return PGM_SPECIFICATION;
    }
    n = ((unsigned __int128)gr(cpu, r1) << 64) | gr(cpu, r1 + 1);
    if (d == 0 || (n / d) >> 64) {
        return PGM_FIXPT_DIVIDE;
    }
    set_gr(cpu, r1, (uint64_t)(n % d));
    set_gr(cpu, r1 + 1, (uint64_t)(n / d));
    return 0;
}

/* DSG*: the dividend is R1+1 alone */
static int divs64(S390Cpu *cpu, unsigned r1, int64_t d)
{
    int64_t n;

    if (odd_reg(r1)) {
        return PGM_SPECIFICATION;
    }
    n = gr(cpu, r1 + 1);
    if (d == 0 || (n == INT64_MIN && d == -1)) {
        return PGM_FIXPT_DIVIDE;
    }
    set_gr(cpu, r1, n % d);
    set_gr(cpu, r1 + 1, n / d);
    return 0;
}

S390_OP(op_dr)
{
    return div32(cpu, in->r1, gr32(cpu, in->r2));
}
S390_OP(op_dlr)
{
    return divl32(cpu, in->r1, gr32(cpu, in->r2));
}
S390_OP(op_dlgr)
{
    return divl64(cpu, in->r1, gr(cpu, in->r2));
}
S390_OP(op_dsgr)
{
    return divs64(cpu, in->r1, gr(cpu, in->r2));
}
S390_OP(op_dsgfr)
{
    return divs64(cpu, in->r1, (int32_t)gr32(cpu, in->r2));
}

/* The storage forms: the operand is fetched before the pair is checked */
static int div_mem32(S390Cpu *cpu, const S390Insn *in, uint32_t *v)
{
    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    return s390_ld32(cpu, ea2(cpu, in), v);
}

S390_OP(op_d)
{
    uint32_t v;
    int r = div_mem32(cpu, in, &v);

    return r ? r : div32(cpu, in->r1, v);
}

S390_OP(op_dl)
{
    uint32_t v;
    int r = div_mem32(cpu, in, &v);

    return r ? r : divl32(cpu, in->r1, v);
}

S390_OP(op_dsgf)
{
    uint32_t v;
    int r = div_mem32(cpu, in, &v);

    return r ? r : divs64(cpu, in->r1, (int32_t)v);
}

S390_OP(op_dsg)
{
    uint64_t v;
    int r = odd_reg(in->r1) ? PGM_SPECIFICATION
                            : s390_ld64(cpu, ea2(cpu, in), &v);

    return r ? r : divs64(cpu, in->r1, v);
}

S390_OP(op_dlg)
{
    uint64_t v;
    int r = odd_reg(in->r1) ? PGM_SPECIFICATION
                            : s390_ld64(cpu, ea2(cpu, in), &v);

    return r ? r : divl64(cpu, in->r1, v);
}

#define SG S390_I2_SIGNED
static const S390InsnDef muldiv_defs[] = {
    { 0x1c00, FMT_RR, 0, "MR", op_mr },
    { 0x1d00, FMT_RR, 0, "DR", op_dr },
    { 0x4c00, FMT_RX_A, 0, "MH", op_mh },
    { 0x5c00, FMT_RX_A, 0, "M", op_m },
    { 0x5d00, FMT_RX_A, 0, "D", op_d },
    { 0x7100, FMT_RX_A, 0, "MS", op_ms },
    { 0xa70c, FMT_RI_A, SG, "MHI", op_mhi },
    { 0xa70d, FMT_RI_A, SG, "MGHI", op_mghi },
    { 0xb252, FMT_RRE, 0, "MSR", op_msr },
    { 0xb90c, FMT_RRE, 0, "MSGR", op_msgr },
    { 0xb90d, FMT_RRE, 0, "DSGR", op_dsgr },
    { 0xb91c, FMT_RRE, 0, "MSGFR", op_msgfr },
    { 0xb91d, FMT_RRE, 0, "DSGFR", op_dsgfr },
    { 0xb986, FMT_RRE, 0, "MLGR", op_mlgr },
    { 0xb987, FMT_RRE, 0, "DLGR", op_dlgr },
    { 0xb996, FMT_RRE, 0, "MLR", op_mlr },
    { 0xb997, FMT_RRE, 0, "DLR", op_dlr },
    { 0xc200, FMT_RIL_A, SG, "MSGFI", op_mghi },
    { 0xc201, FMT_RIL_A, SG, "MSFI", op_mhi },
    { 0xe30c, FMT_RXY_A, 0, "MSG", op_msg },
    { 0xe30d, FMT_RXY_A, 0, "DSG", op_dsg },
    { 0xe31c, FMT_RXY_A, 0, "MSGF", op_msgf },
    { 0xe31d, FMT_RXY_A, 0, "DSGF", op_dsgf },
    { 0xe351, FMT_RXY_A, 0, "MSY", op_ms },
    { 0xe35c, FMT_RXY_A, 0, "MFY", op_m },
    { 0xe37c, FMT_RXY_A, 0, "MHY", op_mh },
    { 0xe386, FMT_RXY_A, 0, "MLG", op_mlg },
    { 0xe387, FMT_RXY_A, 0, "DLG", op_dlg },
    { 0xe396, FMT_RXY_A, 0, "ML", op_ml },
    { 0xe397, FMT_RXY_A, 0, "DL", op_dl },
};
S390_GROUP(s390_group_muldiv, muldiv_defs);
