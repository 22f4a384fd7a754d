/*
 * Relative-long loads and stores (LRL, LGRL, LGFRL, LHRL, LGHRL, LLHRL,
 * LLGHRL, LLGFRL, STRL, STGRL, STHRL): the operand at the instruction's
 * address + 2 * I2, aligned on its size, and the no-op prefetches.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* ---- relative long ---- */

static int rel_aligned(const S390Cpu *cpu, const S390Insn *in, unsigned n,
                       uint64_t *a)
{
    *a = ea_rel(cpu, in, in->i2);
    return (*a & (n - 1)) ? PGM_SPECIFICATION : 0;
}

S390_OP(op_lrl)
{
    uint64_t a;
    uint32_t v;
    int r = rel_aligned(cpu, in, 4, &a);

    if (!r && !(r = s390_ld32(cpu, a, &v))) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_lgrl)
{
    uint64_t a, v;
    int r = rel_aligned(cpu, in, 8, &a);

    if (!r && !(r = s390_ld64(cpu, a, &v))) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_lgfrl)
{
    uint64_t a;
    uint32_t v;
    int r = rel_aligned(cpu, in, 4, &a);

    if (!r && !(r = s390_ld32(cpu, a, &v))) {
        set_gr(cpu, in->r1, (int64_t)(int32_t)v);
    }
    return r;
}

S390_OP(op_strl)
{
    uint64_t a;
    int r = rel_aligned(cpu, in, 4, &a);

    return r ? r : s390_st32(cpu, a, gr32(cpu, in->r1));
}

S390_OP(op_stgrl)
{
    uint64_t a;
    int r = rel_aligned(cpu, in, 8, &a);

    return r ? r : s390_st64(cpu, a, gr(cpu, in->r1));
}

S390_OP(op_llgfrl)
{
    uint64_t a;
    uint32_t v;
    int r = rel_aligned(cpu, in, 4, &a);

    if (!r && !(r = s390_ld32(cpu, a, &v))) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

/* halfword forms: relative addresses are even, hence aligned */
static int rel_half(S390Cpu *cpu, const S390Insn *in, uint16_t *v)
{
    return s390_ld16(cpu, ea_rel(cpu, in, in->i2), v);
}

S390_OP(op_lhrl)
{
    uint16_t v;
    int r = rel_half(cpu, in, &v);

    if (!r) {
        set_gr32(cpu, in->r1, (int32_t)(int16_t)v);
    }
    return r;
}

S390_OP(op_lghrl)
{
    uint16_t v;
    int r = rel_half(cpu, in, &v);

    if (!r) {
        set_gr(cpu, in->r1, (int64_t)(int16_t)v);
    }
    return r;
}

S390_OP(op_llhrl)
{
    uint16_t v;
    int r = rel_half(cpu, in, &v);

    if (!r) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_llghrl)
{
    uint16_t v;
    int r = rel_half(cpu, in, &v);

    if (!r) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_sthrl)
{
    return s390_st16(cpu, ea_rel(cpu, in, in->i2), (uint16_t)gr(cpu, in->r1));
}

/* PREFETCH DATA: a hint, no access exceptions */
S390_OP(op_pfd)
{
    return 0;
}

static const S390InsnDef rel_defs[] = {
    { 0xc402, FMT_RIL_B, 0, "LLHRL", op_llhrl },
    { 0xc404, FMT_RIL_B, 0, "LGHRL", op_lghrl },
    { 0xc405, FMT_RIL_B, 0, "LHRL", op_lhrl },
    { 0xc406, FMT_RIL_B, 0, "LLGHRL", op_llghrl },
    { 0xc407, FMT_RIL_B, 0, "STHRL", op_sthrl },
    { 0xc408, FMT_RIL_B, 0, "LGRL", op_lgrl },
    { 0xc40b, FMT_RIL_B, 0, "STGRL", op_stgrl },
    { 0xc40c, FMT_RIL_B, 0, "LGFRL", op_lgfrl },
    { 0xc40d, FMT_RIL_B, 0, "LRL", op_lrl },
    { 0xc40e, FMT_RIL_B, 0, "LLGFRL", op_llgfrl },
    { 0xc40f, FMT_RIL_B, 0, "STRL", op_strl },
    { 0xc602, FMT_RIL_C, 0, "PFDRL", op_pfd },
    { 0xe336, FMT_RXY_B, 0, "PFD", op_pfd },
};
S390_GROUP(s390_group_rel, rel_defs);
