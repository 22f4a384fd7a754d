/*
 * Shifts: single (32-bit in bits 32-63), grande (64-bit, R3 source),
 * distinct-operands (SLLK...), and double (an even-odd pair as 64 bits).
 * The shift amount is bits 58-63 of the second-operand address.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

static unsigned shift_amount(const S390Cpu *cpu, const S390Insn *in)
{
    return ea2(cpu, in) & 63;
}

/*
 * Arithmetic left shift of a @width-bit value: the sign stays, numeric
 * bits move left; a bit unlike the sign leaving bit 1 is an overflow.
 */
static uint64_t sla(uint64_t v, unsigned width, unsigned n, bool *ovf)
{
    uint64_t sign = UINT64_C(1) << (width - 1);
    uint64_t num_mask = sign - 1;
    bool s = v & sign;
    uint64_t num = v & num_mask;
    unsigned i;

    *ovf = false;
    for (i = 0; i < n; i++) {
        if (((num >> (width - 2)) & 1) != s) {
            *ovf = true;
        }
        num = (num << 1) & num_mask;
    }
    return (s ? sign : 0) | num;
}

static int sla_result(S390Cpu *cpu, int64_t v, bool ovf)
{
    if (ovf) {
        return fixpt_overflow(cpu);
    }
    cc_sign64(cpu, v);
    return 0;
}

static uint32_t srl32(uint32_t v, unsigned n)
{
    return n > 31 ? 0 : v >> n;
}

static uint32_t sll32(uint32_t v, unsigned n)
{
    return n > 31 ? 0 : v << n;
}

static int32_t sra32(int32_t v, unsigned n)
{
    return v >> (n > 31 ? 31 : n);
}

/* ---- 32-bit: RS-a (source R1) and RSY-a distinct (source R3) ---- */

static unsigned src32(const S390Insn *in)
{
    return in->def->fmt == FMT_RSY_A ? in->r3 : in->r1;
}

S390_OP(op_sll)
{
    set_gr32(cpu, in->r1, sll32(gr32(cpu, src32(in)), shift_amount(cpu, in)));
    return 0;
}

S390_OP(op_srl)
{
    set_gr32(cpu, in->r1, srl32(gr32(cpu, src32(in)), shift_amount(cpu, in)));
    return 0;
}

S390_OP(op_sra)
{
    int32_t v = sra32(gr32(cpu, src32(in)), shift_amount(cpu, in));

    set_gr32(cpu, in->r1, v);
    cc_sign32(cpu, v);
    return 0;
}

S390_OP(op_sla)
{
    bool ovf;
    int32_t v = sla(gr32(cpu, src32(in)), 32, shift_amount(cpu, in), &ovf);

    set_gr32(cpu, in->r1, v);
    return sla_result(cpu, v, ovf);
}

/* ---- 64-bit: R1 = R3 shifted ---- */

S390_OP(op_sllg)
{
    unsigned n = shift_amount(cpu, in);

    set_gr(cpu, in->r1, gr(cpu, in->r3) << n);
    return 0;
}

S390_OP(op_srlg)
{
    unsigned n = shift_amount(cpu, in);

    set_gr(cpu, in->r1, gr(cpu, in->r3) >> n);
    return 0;
}

S390_OP(op_srag)
{
    int64_t v = (int64_t)gr(cpu, in->r3) >> shift_amount(cpu, in);

    set_gr(cpu, in->r1, v);
    cc_sign64(cpu, v);
    return 0;
}

S390_OP(op_slag)
{
    bool ovf;
    int64_t v = sla(gr(cpu, in->r3), 64, shift_amount(cpu, in), &ovf);

    set_gr(cpu, in->r1, v);
    return sla_result(cpu, v, ovf);
}

/* ---- double: the pair R1 (even), R1+1 as one 64-bit value ---- */

static uint64_t pair_get(const S390Cpu *cpu, unsigned r1)
{
    return ((uint64_t)gr32(cpu, r1) << 32) | gr32(cpu, r1 + 1);
}

static void pair_set(S390Cpu *cpu, unsigned r1, uint64_t v)
{
    set_gr32(cpu, r1, v >> 32);
    set_gr32(cpu, r1 + 1, (uint32_t)v);
}

S390_OP(op_sldl)
{
    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    pair_set(cpu, in->r1, pair_get(cpu, in->r1) << shift_amount(cpu, in));
    return 0;
}

S390_OP(op_srdl)
{
    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    pair_set(cpu, in->r1, pair_get(cpu, in->r1) >> shift_amount(cpu, in));
    return 0;
}

S390_OP(op_srda)
{
    int64_t v;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    v = (int64_t)pair_get(cpu, in->r1) >> shift_amount(cpu, in);
    pair_set(cpu, in->r1, v);
    cc_sign64(cpu, v);
    return 0;
}

S390_OP(op_slda)
{
    bool ovf;
    int64_t v;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    v = sla(pair_get(cpu, in->r1), 64, shift_amount(cpu, in), &ovf);
    pair_set(cpu, in->r1, v);
    return sla_result(cpu, v, ovf);
}

static const S390InsnDef shift_defs[] = {
    { 0x8800, FMT_RS_A, 0, "SRL", op_srl },
    { 0x8900, FMT_RS_A, 0, "SLL", op_sll },
    { 0x8a00, FMT_RS_A, 0, "SRA", op_sra },
    { 0x8b00, FMT_RS_A, 0, "SLA", op_sla },
    { 0x8c00, FMT_RS_A, 0, "SRDL", op_srdl },
    { 0x8d00, FMT_RS_A, 0, "SLDL", op_sldl },
    { 0x8e00, FMT_RS_A, 0, "SRDA", op_srda },
    { 0x8f00, FMT_RS_A, 0, "SLDA", op_slda },
    { 0xeb0a, FMT_RSY_A, 0, "SRAG", op_srag },
    { 0xeb0b, FMT_RSY_A, 0, "SLAG", op_slag },
    { 0xeb0c, FMT_RSY_A, 0, "SRLG", op_srlg },
    { 0xeb0d, FMT_RSY_A, 0, "SLLG", op_sllg },
    { 0xebdc, FMT_RSY_A, 0, "SRAK", op_sra },
    { 0xebdd, FMT_RSY_A, 0, "SLAK", op_sla },
    { 0xebde, FMT_RSY_A, 0, "SRLK", op_srl },
    { 0xebdf, FMT_RSY_A, 0, "SLLK", op_sll },
};
S390_GROUP(s390_group_shift, shift_defs);
