/*
 * Logical add and subtract (register, storage, immediate and
 * distinct-operands forms) and add/subtract with carry and borrow:
 * cc = (result != 0) + 2 * carry, subtraction as a + ~b + 1.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

static int m32(S390Cpu *cpu, const S390Insn *in, uint32_t *v)
{
    return s390_ld32(cpu, ea2(cpu, in), v);
}

static int m64(S390Cpu *cpu, const S390Insn *in, uint64_t *v)
{
    return s390_ld64(cpu, ea2(cpu, in), v);
}

/* ---- logical ---- */

static void al32(S390Cpu *cpu, unsigned r1, uint32_t a, uint32_t b)
{
    set_gr32(cpu, r1, addc_u32(cpu, a, b, 0));
}

/* a - b as a + ~b + 1: carry out means no borrow */
static void sl32(S390Cpu *cpu, unsigned r1, uint32_t a, uint32_t b)
{
    set_gr32(cpu, r1, addc_u32(cpu, a, ~b, 1));
}

static void al64(S390Cpu *cpu, unsigned r1, uint64_t a, uint64_t b)
{
    set_gr(cpu, r1, addc_u64(cpu, a, b, 0));
}

static void sl64(S390Cpu *cpu, unsigned r1, uint64_t a, uint64_t b)
{
    set_gr(cpu, r1, addc_u64(cpu, a, ~b, 1));
}

/* the carry of the last logical operation: cc 2 or 3 */
static unsigned carry(const S390Cpu *cpu)
{
    return cpu->cc >> 1;
}

S390_OP(op_alr)
{
    al32(cpu, in->r1, gr32(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_slr)
{
    sl32(cpu, in->r1, gr32(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_alrk)
{
    al32(cpu, in->r1, gr32(cpu, in->r2), gr32(cpu, in->r3));
    return 0;
}
S390_OP(op_slrk)
{
    sl32(cpu, in->r1, gr32(cpu, in->r2), gr32(cpu, in->r3));
    return 0;
}
S390_OP(op_algr)
{
    al64(cpu, in->r1, gr(cpu, in->r1), gr(cpu, in->r2));
    return 0;
}
S390_OP(op_slgr)
{
    sl64(cpu, in->r1, gr(cpu, in->r1), gr(cpu, in->r2));
    return 0;
}
S390_OP(op_algrk)
{
    al64(cpu, in->r1, gr(cpu, in->r2), gr(cpu, in->r3));
    return 0;
}
S390_OP(op_slgrk)
{
    sl64(cpu, in->r1, gr(cpu, in->r2), gr(cpu, in->r3));
    return 0;
}
S390_OP(op_algfr)
{
    al64(cpu, in->r1, gr(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_slgfr)
{
    sl64(cpu, in->r1, gr(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_alfi)
{
    al32(cpu, in->r1, gr32(cpu, in->r1), in->i2);
    return 0;
}
S390_OP(op_slfi)
{
    sl32(cpu, in->r1, gr32(cpu, in->r1), in->i2);
    return 0;
}
S390_OP(op_algfi)
{
    al64(cpu, in->r1, gr(cpu, in->r1), (uint32_t)in->i2);
    return 0;
}
S390_OP(op_slgfi)
{
    sl64(cpu, in->r1, gr(cpu, in->r1), (uint32_t)in->i2);
    return 0;
}

/* ALHSIK/ALGHSIK: signed immediate added logically */
S390_OP(op_alhsik)
{
    al32(cpu, in->r1, gr32(cpu, in->r3), (uint32_t)in->i2);
    return 0;
}
S390_OP(op_alghsik)
{
    al64(cpu, in->r1, gr(cpu, in->r3), (uint64_t)in->i2);
    return 0;
}

S390_OP(op_al)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        al32(cpu, in->r1, gr32(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_sl)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        sl32(cpu, in->r1, gr32(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_alg)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    if (!r) {
        al64(cpu, in->r1, gr(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_slg)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    if (!r) {
        sl64(cpu, in->r1, gr(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_algf)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        al64(cpu, in->r1, gr(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_slgf)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        sl64(cpu, in->r1, gr(cpu, in->r1), v);
    }
    return r;
}

/* ---- with carry / borrow: the carry (borrow-free) comes from cc bit 1 ---- */

S390_OP(op_alcr)
{
    set_gr32(cpu, in->r1,
             addc_u32(cpu, gr32(cpu, in->r1), gr32(cpu, in->r2), carry(cpu)));
    return 0;
}

S390_OP(op_slbr)
{
    set_gr32(cpu, in->r1,
             addc_u32(cpu, gr32(cpu, in->r1), ~gr32(cpu, in->r2), carry(cpu)));
    return 0;
}

S390_OP(op_alcgr)
{
    set_gr(cpu, in->r1,
           addc_u64(cpu, gr(cpu, in->r1), gr(cpu, in->r2), carry(cpu)));
    return 0;
}

S390_OP(op_slbgr)
{
    set_gr(cpu, in->r1,
           addc_u64(cpu, gr(cpu, in->r1), ~gr(cpu, in->r2), carry(cpu)));
    return 0;
}

S390_OP(op_alc)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        set_gr32(cpu, in->r1, addc_u32(cpu, gr32(cpu, in->r1), v, carry(cpu)));
    }
    return r;
}

S390_OP(op_slb)
{
    uint32_t v;
    int r = m32(cpu, in, &v);

    if (!r) {
        set_gr32(cpu, in->r1, addc_u32(cpu, gr32(cpu, in->r1), ~v, carry(cpu)));
    }
    return r;
}

S390_OP(op_alcg)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    if (!r) {
        set_gr(cpu, in->r1, addc_u64(cpu, gr(cpu, in->r1), v, carry(cpu)));
    }
    return r;
}

S390_OP(op_slbg)
{
    uint64_t v;
    int r = m64(cpu, in, &v);

    if (!r) {
        set_gr(cpu, in->r1, addc_u64(cpu, gr(cpu, in->r1), ~v, carry(cpu)));
    }
    return r;
}

#define SG S390_I2_SIGNED
static const S390InsnDef arith_logical_defs[] = {
    { 0x1e00, FMT_RR, 0, "ALR", op_alr },
    { 0x1f00, FMT_RR, 0, "SLR", op_slr },
    { 0x5e00, FMT_RX_A, 0, "AL", op_al },
    { 0x5f00, FMT_RX_A, 0, "SL", op_sl },
    { 0xb90a, FMT_RRE, 0, "ALGR", op_algr },
    { 0xb90b, FMT_RRE, 0, "SLGR", op_slgr },
    { 0xb91a, FMT_RRE, 0, "ALGFR", op_algfr },
    { 0xb91b, FMT_RRE, 0, "SLGFR", op_slgfr },
    { 0xb988, FMT_RRE, 0, "ALCGR", op_alcgr },
    { 0xb989, FMT_RRE, 0, "SLBGR", op_slbgr },
    { 0xb998, FMT_RRE, 0, "ALCR", op_alcr },
    { 0xb999, FMT_RRE, 0, "SLBR", op_slbr },
    { 0xb9ea, FMT_RRF_A, 0, "ALGRK", op_algrk },
    { 0xb9eb, FMT_RRF_A, 0, "SLGRK", op_slgrk },
    { 0xb9fa, FMT_RRF_A, 0, "ALRK", op_alrk },
    { 0xb9fb, FMT_RRF_A, 0, "SLRK", op_slrk },
    { 0xc204, FMT_RIL_A, 0, "SLGFI", op_slgfi },
    { 0xc205, FMT_RIL_A, 0, "SLFI", op_slfi },
    { 0xc20a, FMT_RIL_A, 0, "ALGFI", op_algfi },
    { 0xc20b, FMT_RIL_A, 0, "ALFI", op_alfi },
    { 0xe30a, FMT_RXY_A, 0, "ALG", op_alg },
    { 0xe30b, FMT_RXY_A, 0, "SLG", op_slg },
    { 0xe31a, FMT_RXY_A, 0, "ALGF", op_algf },
    { 0xe31b, FMT_RXY_A, 0, "SLGF", op_slgf },
    { 0xe35e, FMT_RXY_A, 0, "ALY", op_al },
    { 0xe35f, FMT_RXY_A, 0, "SLY", op_sl },
    { 0xe388, FMT_RXY_A, 0, "ALCG", op_alcg },
    { 0xe389, FMT_RXY_A, 0, "SLBG", op_slbg },
    { 0xe398, FMT_RXY_A, 0, "ALC", op_alc },
    { 0xe399, FMT_RXY_A, 0, "SLB", op_slb },
    { 0xecda, FMT_RIE_D, SG, "ALHSIK", op_alhsik },
    { 0xecdb, FMT_RIE_D, SG, "ALGHSIK", op_alghsik },
};
S390_GROUP(s390_group_arith_logical, arith_logical_defs);
