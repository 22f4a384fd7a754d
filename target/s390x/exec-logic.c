/*
 * AND, OR, EXCLUSIVE OR (register, storage, distinct operands and the
 * 16/32-bit immediate fields), TEST UNDER MASK of a halfword, the
 * rotate-then-*-selected-bits family, FIND LEFTMOST ONE, POPULATION
 * COUNT.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

typedef enum { BOOL_AND, BOOL_OR, BOOL_XOR } BoolOp;

static uint64_t bool_op(BoolOp op, uint64_t a, uint64_t b)
{
    switch (op) {
    case BOOL_AND:
        return a & b;
    case BOOL_OR:
        return a | b;
    default:
        return a ^ b;
    }
}

static BoolOp bool_kind(const S390Insn *in)
{
    const char *n = in->def->name;

    return n[0] == 'N' ? BOOL_AND : n[0] == 'O' ? BOOL_OR : BOOL_XOR;
}

static void bool32(S390Cpu *cpu, const S390Insn *in, unsigned r1, uint32_t a,
                   uint32_t b)
{
    uint32_t v = bool_op(bool_kind(in), a, b);

    set_gr32(cpu, r1, v);
    cc_nz(cpu, v);
}

static void bool64(S390Cpu *cpu, const S390Insn *in, unsigned r1, uint64_t a,
                   uint64_t b)
{
    uint64_t v = bool_op(bool_kind(in), a, b);

    set_gr(cpu, r1, v);
    cc_nz(cpu, v);
}

S390_OP(op_bool_rr)
{
    bool32(cpu, in, in->r1, gr32(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}

S390_OP(op_bool_rrk)
{
    bool32(cpu, in, in->r1, gr32(cpu, in->r2), gr32(cpu, in->r3));
    return 0;
}

S390_OP(op_bool_grr)
{
    bool64(cpu, in, in->r1, gr(cpu, in->r1), gr(cpu, in->r2));
    return 0;
}

S390_OP(op_bool_grrk)
{
    bool64(cpu, in, in->r1, gr(cpu, in->r2), gr(cpu, in->r3));
    return 0;
}

S390_OP(op_bool_m32)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        bool32(cpu, in, in->r1, gr32(cpu, in->r1), v);
    }
    return r;
}

S390_OP(op_bool_m64)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    if (!r) {
        bool64(cpu, in, in->r1, gr(cpu, in->r1), v);
    }
    return r;
}

/*
 * Immediate on one field of R1: a5x/c0x opcodes. The field: 16 bits at
 * HH/HL/LH/LL (x & 3) or 32 bits at HF/LF; cc from the field's result.
 */
S390_OP(op_bool_imm)
{
    unsigned x = in->def->opc & 0xf;
    bool half = (in->def->opc >> 8) == 0xa5;
    unsigned sh = half ? 48 - 16 * (x & 3) : (x & 1) ? 0 : 32;
    uint64_t width = half ? 0xffff : 0xffffffff;
    uint64_t field = (gr(cpu, in->r1) >> sh) & width;
    uint64_t res = bool_op(bool_kind(in), field, (uint64_t)in->i2 & width);

    set_gr(cpu, in->r1, (gr(cpu, in->r1) & ~(width << sh)) | (res << sh));
    cc_nz(cpu, res);
    return 0;
}

/* TEST UNDER MASK on a 16-bit field: TMLH, TMLL, TMHH, TMHL */
S390_OP(op_tm_half)
{
    static const uint8_t shift[4] = { 16, 0, 48, 32 };
    uint16_t v = gr(cpu, in->r1) >> shift[in->def->opc & 3];
    uint16_t m = in->i2;
    uint16_t sel = v & m;

    if (sel == 0) {
        cpu->cc = 0;
    } else if (sel == m) {
        cpu->cc = 3;
    } else {
        /* mixed: cc 2 when the leftmost selected bit is one */
        cpu->cc = (v & (0x8000 >> __builtin_clz((uint32_t)m << 16))) ? 2 : 1;
    }
    return 0;
}

/* ---- rotate then operate on selected bits ---- */

/* bits s..e (0 leftmost), wrapping past 63 when s > e */
static uint64_t bit_range(unsigned s, unsigned e)
{
    uint64_t from_s = UINT64_MAX >> s;
    uint64_t to_e = UINT64_MAX << (63 - e);

    return s <= e ? from_s & to_e : from_s | to_e;
}

static uint64_t rotl64(uint64_t v, unsigned n)
{
    n &= 63;
    return n ? (v << n) | (v >> (64 - n)) : v;
}

static uint32_t rotl32(uint32_t v, unsigned n)
{
    n &= 31;
    return n ? (v << n) | (v >> (32 - n)) : v;
}

/* RISBG, RISBGN (no cc), RISBHG, RISBLG (high/low word, no cc) */
static void risbg(S390Cpu *cpu, const S390Insn *in, unsigned base,
                  unsigned pos_mask, uint64_t limit, bool set_cc)
{
    uint64_t mask = bit_range(base + (in->i3 & pos_mask),
                              base + (in->i4 & pos_mask)) &
                    limit;
    uint64_t rot = rotl64(gr(cpu, in->r2), in->i5 & 63);
    uint64_t keep = (in->i4 & 0x80) ? ~limit : ~mask;
    uint64_t res = (gr(cpu, in->r1) & keep) | (rot & mask);

    set_gr(cpu, in->r1, res);
    if (set_cc) {
        cc_sign64(cpu, res);
    }
}

S390_OP(op_risbg)
{
    risbg(cpu, in, 0, 63, UINT64_MAX, true);
    return 0;
}
S390_OP(op_risbgn)
{
    risbg(cpu, in, 0, 63, UINT64_MAX, false);
    return 0;
}
S390_OP(op_risbhg)
{
    risbg(cpu, in, 0, 31, 0xffffffff00000000ull, false);
    return 0;
}
S390_OP(op_risblg)
{
    risbg(cpu, in, 32, 31, 0xffffffffull, false);
    return 0;
}

/* RNSBG, ROSBG, RXSBG: I3 bit 0 is test-only */
S390_OP(op_rsbg)
{
    uint64_t mask = bit_range(in->i3 & 63, in->i4 & 63);
    uint64_t rot = rotl64(gr(cpu, in->r2), in->i5 & 63);
    BoolOp op = in->def->name[1] == 'N'   ? BOOL_AND
                : in->def->name[1] == 'O' ? BOOL_OR
                                          : BOOL_XOR;
    uint64_t sel = bool_op(op, gr(cpu, in->r1), rot) & mask;

    cc_nz(cpu, sel);
    if (!(in->i3 & 0x80)) {
        set_gr(cpu, in->r1, (gr(cpu, in->r1) & ~mask) | sel);
    }
    return 0;
}

/* ---- rotate ---- */

S390_OP(op_rll)
{
    set_gr32(cpu, in->r1, rotl32(gr32(cpu, in->r3), ea2(cpu, in) & 63));
    return 0;
}

S390_OP(op_rllg)
{
    set_gr(cpu, in->r1, rotl64(gr(cpu, in->r3), ea2(cpu, in) & 63));
    return 0;
}

/* ---- find leftmost one, population count ---- */

S390_OP(op_flogr)
{
    uint64_t v;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    v = gr(cpu, in->r2);
    if (!v) {
        set_gr(cpu, in->r1, 64);
        set_gr(cpu, in->r1 + 1, 0);
        cpu->cc = 0;
        return 0;
    }
    set_gr(cpu, in->r1, __builtin_clzll(v));
    set_gr(cpu, in->r1 + 1, v & ~(UINT64_C(1) << (63 - __builtin_clzll(v))));
    cpu->cc = 2;
    return 0;
}

S390_OP(op_popcnt)
{
    uint64_t v = gr(cpu, in->r2), res = 0;
    unsigned i;

    for (i = 0; i < 8; i++) {
        res |= (uint64_t)__builtin_popcount((v >> (8 * i)) & 0xff) << (8 * i);
    }
    set_gr(cpu, in->r1, res);
    cc_nz(cpu, res);
    return 0;
}

static const S390InsnDef logic_defs[] = {
    { 0x1400, FMT_RR, 0, "NR", op_bool_rr },
    { 0x1600, FMT_RR, 0, "OR", op_bool_rr },
    { 0x1700, FMT_RR, 0, "XR", op_bool_rr },
    { 0x5400, FMT_RX_A, 0, "N", op_bool_m32 },
    { 0x5600, FMT_RX_A, 0, "O", op_bool_m32 },
    { 0x5700, FMT_RX_A, 0, "X", op_bool_m32 },
    { 0xa504, FMT_RI_A, 0, "NIHH", op_bool_imm },
    { 0xa505, FMT_RI_A, 0, "NIHL", op_bool_imm },
    { 0xa506, FMT_RI_A, 0, "NILH", op_bool_imm },
    { 0xa507, FMT_RI_A, 0, "NILL", op_bool_imm },
    { 0xa508, FMT_RI_A, 0, "OIHH", op_bool_imm },
    { 0xa509, FMT_RI_A, 0, "OIHL", op_bool_imm },
    { 0xa50a, FMT_RI_A, 0, "OILH", op_bool_imm },
    { 0xa50b, FMT_RI_A, 0, "OILL", op_bool_imm },
    { 0xa700, FMT_RI_A, 0, "TMLH", op_tm_half },
    { 0xa701, FMT_RI_A, 0, "TMLL", op_tm_half },
    { 0xa702, FMT_RI_A, 0, "TMHH", op_tm_half },
    { 0xa703, FMT_RI_A, 0, "TMHL", op_tm_half },
    { 0xb980, FMT_RRE, 0, "NGR", op_bool_grr },
    { 0xb981, FMT_RRE, 0, "OGR", op_bool_grr },
    { 0xb982, FMT_RRE, 0, "XGR", op_bool_grr },
    { 0xb983, FMT_RRE, 0, "FLOGR", op_flogr },
    { 0xb9e1, FMT_RRF_C, 0, "POPCNT", op_popcnt },
    { 0xb9e4, FMT_RRF_A, 0, "NGRK", op_bool_grrk },
    { 0xb9e6, FMT_RRF_A, 0, "OGRK", op_bool_grrk },
    { 0xb9e7, FMT_RRF_A, 0, "XGRK", op_bool_grrk },
    { 0xb9f4, FMT_RRF_A, 0, "NRK", op_bool_rrk },
    { 0xb9f6, FMT_RRF_A, 0, "ORK", op_bool_rrk },
    { 0xb9f7, FMT_RRF_A, 0, "XRK", op_bool_rrk },
    { 0xc006, FMT_RIL_A, 0, "XIHF", op_bool_imm },
    { 0xc007, FMT_RIL_A, 0, "XILF", op_bool_imm },
    { 0xc00a, FMT_RIL_A, 0, "NIHF", op_bool_imm },
    { 0xc00b, FMT_RIL_A, 0, "NILF", op_bool_imm },
    { 0xc00c, FMT_RIL_A, 0, "OIHF", op_bool_imm },
    { 0xc00d, FMT_RIL_A, 0, "OILF", op_bool_imm },
    { 0xe354, FMT_RXY_A, 0, "NY", op_bool_m32 },
    { 0xe356, FMT_RXY_A, 0, "OY", op_bool_m32 },
    { 0xe357, FMT_RXY_A, 0, "XY", op_bool_m32 },
    { 0xe380, FMT_RXY_A, 0, "NG", op_bool_m64 },
    { 0xe381, FMT_RXY_A, 0, "OG", op_bool_m64 },
    { 0xe382, FMT_RXY_A, 0, "XG", op_bool_m64 },
    { 0xeb1c, FMT_RSY_A, 0, "RLLG", op_rllg },
    { 0xeb1d, FMT_RSY_A, 0, "RLL", op_rll },
    { 0xec51, FMT_RIE_F, 0, "RISBLG", op_risblg },
    { 0xec54, FMT_RIE_F, 0, "RNSBG", op_rsbg },
    { 0xec55, FMT_RIE_F, 0, "RISBG", op_risbg },
    { 0xec56, FMT_RIE_F, 0, "ROSBG", op_rsbg },
    { 0xec57, FMT_RIE_F, 0, "RXSBG", op_rsbg },
    { 0xec59, FMT_RIE_F, 0, "RISBGN", op_risbgn },
    { 0xec5d, FMT_RIE_F, 0, "RISBHG", op_risbhg },
};
S390_GROUP(s390_group_logic, logic_defs);
