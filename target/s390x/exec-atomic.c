/*
 * Compare and swap (CS, CSY, CSG, CDS, CDSY, CDSG), LOAD PAIR FROM
 * QUADWORD and STORE PAIR TO QUADWORD (LPQ, STPQ), the interlocked-
 * access facility (LAA, LAAL, LAN, LAO, LAX and G forms, LPD, LPDG),
 * COMPARE AND SWAP AND STORE (CSST) and add
 * immediate to storage (ASI, AGSI, ALSI, ALGSI). One CPU runs at a time,
 * so each read-modify-write is atomic by construction; the operands'
 * alignment rules are the architected ones.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

static int aligned_ea2(const S390Cpu *cpu, const S390Insn *in, unsigned n,
                       uint64_t *a)
{
    *a = ea2(cpu, in);
    return (*a & (n - 1)) ? PGM_SPECIFICATION : 0;
}

S390_OP(op_cs)
{
    uint64_t a;
    uint32_t v;
    int r = aligned_ea2(cpu, in, 4, &a);

    if (!r) {
        r = s390_mem_check(cpu, a, 4, S390_ACC_STORE);
    }
    if (r || (r = s390_ld32(cpu, a, &v))) {
        return r;
    }
    if (v == gr32(cpu, in->r1)) {
        cpu->cc = 0;
        return s390_st32(cpu, a, gr32(cpu, in->r3));
    }
    set_gr32(cpu, in->r1, v);
    cpu->cc = 1;
    return 0;
}

S390_OP(op_csg)
{
    uint64_t a, v;
    int r = aligned_ea2(cpu, in, 8, &a);

    if (!r) {
        r = s390_mem_check(cpu, a, 8, S390_ACC_STORE);
    }
    if (r || (r = s390_ld64(cpu, a, &v))) {
        return r;
    }
    if (v == gr(cpu, in->r1)) {
        cpu->cc = 0;
        return s390_st64(cpu, a, gr(cpu, in->r3));
    }
    set_gr(cpu, in->r1, v);
    cpu->cc = 1;
    return 0;
}

/* CDS: the pairs' low words as one doubleword */
S390_OP(op_cds)
{
    uint64_t a, v, cmp, swap;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r3)) {
        return PGM_SPECIFICATION;
    }
    r = aligned_ea2(cpu, in, 8, &a);
    if (!r) {
        r = s390_mem_check(cpu, a, 8, S390_ACC_STORE);
    }
    if (r || (r = s390_ld64(cpu, a, &v))) {
        return r;
    }
    cmp = ((uint64_t)gr32(cpu, in->r1) << 32) | gr32(cpu, in->r1 + 1);
    swap = ((uint64_t)gr32(cpu, in->r3) << 32) | gr32(cpu, in->r3 + 1);
    if (v == cmp) {
        cpu->cc = 0;
        return s390_st64(cpu, a, swap);
    }
    set_gr32(cpu, in->r1, v >> 32);
    set_gr32(cpu, in->r1 + 1, (uint32_t)v);
    cpu->cc = 1;
    return 0;
}

S390_OP(op_cdsg)
{
    uint8_t buf[16], nb[16];
    uint64_t a;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r3)) {
        return PGM_SPECIFICATION;
    }
    r = aligned_ea2(cpu, in, 16, &a);
    if (!r) {
        r = s390_mem_check(cpu, a, 16, S390_ACC_STORE);
    }
    if (r || (r = s390_mem_read(cpu, a, buf, 16))) {
        return r;
    }
    if (ldq_be_p(buf) == gr(cpu, in->r1) &&
        ldq_be_p(buf + 8) == gr(cpu, in->r1 + 1)) {
        stq_be_p(nb, gr(cpu, in->r3));
        stq_be_p(nb + 8, gr(cpu, in->r3 + 1));
        cpu->cc = 0;
        return s390_mem_write(cpu, a, nb, 16);
    }
    set_gr(cpu, in->r1, ldq_be_p(buf));
    set_gr(cpu, in->r1 + 1, ldq_be_p(buf + 8));
    cpu->cc = 1;
    return 0;
}

/* ---- load and <op>: R1 gets the old value, storage the result ---- */

typedef enum { IA_ADD, IA_ADDL, IA_AND, IA_OR, IA_XOR } IaOp;

static IaOp ia_kind(const S390Insn *in)
{
    const char *n = in->def->name; /* LAA, LAAL, LAN, LAO, LAX (+G) */

    switch (n[2]) {
    case 'A':
        return n[3] == 'L' ? IA_ADDL : IA_ADD;
    case 'N':
        return IA_AND;
    case 'O':
        return IA_OR;
    default:
        return IA_XOR;
    }
}

/* result of @op on @width-bit values, with cc; exception code or 0 */
static int ia_apply(S390Cpu *cpu, IaOp op, unsigned width, uint64_t a,
                    uint64_t b, uint64_t *res)
{
    int64_t s64;
    int32_t s32;
    int r = 0;

    switch (op) {
    case IA_ADD:
        if (width == 64) {
            r = add_s64(cpu, a, b, &s64);
            *res = s64;
        } else {
            r = add_s32(cpu, a, b, &s32);
            *res = (uint32_t)s32;
        }
        return r;
    case IA_ADDL:
        *res = width == 64 ? addc_u64(cpu, a, b, 0) : addc_u32(cpu, a, b, 0);
        return 0;
    case IA_AND:
        *res = a & b;
        break;
    case IA_OR:
        *res = a | b;
        break;
    default:
        *res = a ^ b;
        break;
    }
    cc_nz(cpu, *res);
    return 0;
}

static int load_and_op(S390Cpu *cpu, const S390Insn *in, unsigned width)
{
    uint64_t a, old, res;
    uint32_t w;
    int r = aligned_ea2(cpu, in, width / 8, &a), ovf;

    if (!r) {
        r = s390_mem_check(cpu, a, width / 8, S390_ACC_STORE);
    }
    if (!r && width == 64) {
        r = s390_ld64(cpu, a, &old);
    } else if (!r) {
        r = s390_ld32(cpu, a, &w);
        old = w;
    }
    if (r) {
        return r;
    }
    ovf = ia_apply(cpu, ia_kind(in), width, old,
                   width == 64 ? gr(cpu, in->r3) : gr32(cpu, in->r3), &res);
    r = width == 64 ? s390_st64(cpu, a, res) : s390_st32(cpu, a, res);
    if (width == 64) {
        set_gr(cpu, in->r1, old);
    } else {
        set_gr32(cpu, in->r1, old);
    }
    return r ? r : ovf;
}

S390_OP(op_la32)
{
    return load_and_op(cpu, in, 32);
}
S390_OP(op_la64)
{
    return load_and_op(cpu, in, 64);
}

/* ---- add immediate to storage (SIY): I2 signed ---- */

static int add_imm_storage(S390Cpu *cpu, const S390Insn *in, unsigned width,
                           bool logical)
{
    uint64_t a = ea_bd(cpu, in->b1, in->d1), old, res;
    uint32_t w;
    int r = s390_mem_check(cpu, a, width / 8, S390_ACC_STORE), ovf;

    if (!r && width == 64) {
        r = s390_ld64(cpu, a, &old);
    } else if (!r) {
        r = s390_ld32(cpu, a, &w);
        old = w;
    }
    if (r) {
        return r;
    }
    ovf = ia_apply(cpu, logical ? IA_ADDL : IA_ADD, width, old,
                   width == 64 ? (uint64_t)in->i2 : (uint32_t)in->i2, &res);
    r = width == 64 ? s390_st64(cpu, a, res) : s390_st32(cpu, a, res);
    return r ? r : ovf;
}

S390_OP(op_asi)
{
    return add_imm_storage(cpu, in, 32, false);
}
S390_OP(op_agsi)
{
    return add_imm_storage(cpu, in, 64, false);
}
S390_OP(op_alsi)
{
    return add_imm_storage(cpu, in, 32, true);
}
S390_OP(op_algsi)
{
    return add_imm_storage(cpu, in, 64, true);
}

#define SG S390_I2_SIGNED
/* LPQ, STPQ: an even R1 and a quadword-aligned operand */
S390_OP(op_lpq)
{
    uint8_t buf[16];
    uint64_t a;
    int r;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    r = aligned_ea2(cpu, in, 16, &a);
    if (r || (r = s390_mem_read(cpu, a, buf, 16))) {
        return r;
    }
    set_gr(cpu, in->r1, ldq_be_p(buf));
    set_gr(cpu, in->r1 + 1, ldq_be_p(buf + 8));
    return 0;
}

S390_OP(op_stpq)
{
    uint8_t buf[16];
    uint64_t a;
    int r;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    r = aligned_ea2(cpu, in, 16, &a);
    if (r) {
        return r;
    }
    stq_be_p(buf, gr(cpu, in->r1));
    stq_be_p(buf + 8, gr(cpu, in->r1 + 1));
    return s390_mem_write(cpu, a, buf, 16);
}

/*
 * LOAD PAIR DISJOINT (SSF): the first operand to R3 (even), the second to
 * R3 + 1, both aligned to their size; fetched as one interlocked access
 * here (one CPU runs at a time), so cc 0 always.
 */
static int lpd_common(S390Cpu *cpu, const S390Insn *in, unsigned n)
{
    uint64_t a1 = ea_bd(cpu, in->b1, in->d1), a2 = ea_bd(cpu, in->b2, in->d2);
    uint64_t v1 = 0, v2 = 0;
    int r;

    if (odd_reg(in->r3) || (a1 & (n - 1)) || (a2 & (n - 1))) {
        return PGM_SPECIFICATION;
    }
    if (n == 8) {
        r = s390_ld64(cpu, a1, &v1);
        r = r ? r : s390_ld64(cpu, a2, &v2);
    } else {
        uint32_t w1 = 0, w2 = 0;

        r = s390_ld32(cpu, a1, &w1);
        r = r ? r : s390_ld32(cpu, a2, &w2);
        v1 = w1;
        v2 = w2;
    }
    if (r) {
        return r;
    }
    if (n == 8) {
        set_gr(cpu, in->r3, v1);
        set_gr(cpu, in->r3 + 1, v2);
    } else {
        set_gr32(cpu, in->r3, v1);
        set_gr32(cpu, in->r3 + 1, v2);
    }
    cpu->cc = 0;
    return 0;
}
S390_OP(op_lpd)
{
    return lpd_common(cpu, in, 4);
}
S390_OP(op_lpdg)
{
    return lpd_common(cpu, in, 8);
}

/*
 * COMPARE AND SWAP AND STORE (SSF, facilities 32 and 33). GR0 bits 56-63
 * the function code: 0, 1, 2 compare and swap 4, 8, 16 bytes (R3, R3 even
 * for 2: the pair); bits 48-55 the store characteristic: 0-4 store 1, 2,
 * 4, 8, 16 bytes. GR1 (its rightmost 4 bits ignored) the parameter list:
 * the replacement value at byte 0, the store value at byte 16. Both
 * operands aligned to their sizes. Equal: the first operand replaced, the
 * store value at the second, cc 0; else R3 gets the first operand, cc 1.
 */
S390_OP(op_csst)
{
    unsigned fc = gr(cpu, 0) & 0xff, sc = (gr(cpu, 0) >> 8) & 0xff;
    unsigned n1 = 4u << fc, n2 = 1u << sc;
    uint64_t a1 = ea_bd(cpu, in->b1, in->d1), a2 = ea_bd(cpu, in->b2, in->d2);
    uint64_t pl = gr_address(cpu, 1) & ~UINT64_C(15);
    uint8_t cur[16], cmp[16], repl[16], store[16];
    int r;

    if (fc > 2 || sc > 4 || (a1 & (n1 - 1)) || (a2 & (n2 - 1)) ||
        (fc == 2 && odd_reg(in->r3))) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_check(cpu, a1, n1, S390_ACC_STORE);
    r = r ? r : s390_mem_check(cpu, a2, n2, S390_ACC_STORE);
    r = r ? r : s390_mem_read(cpu, pl, repl, n1);
    r = r ? r : s390_mem_read(cpu, (pl + 16) & cpu->amask, store, n2);
    r = r ? r : s390_mem_read(cpu, a1, cur, n1);
    if (r) {
        return r;
    }
    if (fc == 0) {
        stl_be_p(cmp, gr32(cpu, in->r3));
    } else {
        stq_be_p(cmp, gr(cpu, in->r3));
        stq_be_p(cmp + 8, fc == 2 ? gr(cpu, in->r3 + 1) : 0);
    }
    if (memcmp(cur, cmp, n1)) {
        if (fc == 0) {
            set_gr32(cpu, in->r3, ldl_be_p(cur));
        } else {
            set_gr(cpu, in->r3, ldq_be_p(cur));
            if (fc == 2) {
                set_gr(cpu, in->r3 + 1, ldq_be_p(cur + 8));
            }
        }
        cpu->cc = 1;
        return 0;
    }
    r = s390_mem_write(cpu, a1, repl, n1);
    r = r ? r : s390_mem_write(cpu, a2, store, n2);
    cpu->cc = 0;
    return r;
}

static const S390InsnDef atomic_defs[] = {
    { 0xba00, FMT_RS_A, 0, "CS", op_cs },
    { 0xbb00, FMT_RS_A, 0, "CDS", op_cds },
    { 0xc802, FMT_SSF, 0, "CSST", op_csst },
    { 0xc804, FMT_SSF, 0, "LPD", op_lpd },
    { 0xc805, FMT_SSF, 0, "LPDG", op_lpdg },
    { 0xe38e, FMT_RXY_A, 0, "STPQ", op_stpq },
    { 0xe38f, FMT_RXY_A, 0, "LPQ", op_lpq },
    { 0xeb14, FMT_RSY_A, 0, "CSY", op_cs },
    { 0xeb30, FMT_RSY_A, 0, "CSG", op_csg },
    { 0xeb31, FMT_RSY_A, 0, "CDSY", op_cds },
    { 0xeb3e, FMT_RSY_A, 0, "CDSG", op_cdsg },
    { 0xeb6a, FMT_SIY, SG, "ASI", op_asi },
    { 0xeb6e, FMT_SIY, SG, "ALSI", op_alsi },
    { 0xeb7a, FMT_SIY, SG, "AGSI", op_agsi },
    { 0xeb7e, FMT_SIY, SG, "ALGSI", op_algsi },
    { 0xebe4, FMT_RSY_A, 0, "LANG", op_la64 },
    { 0xebe6, FMT_RSY_A, 0, "LAOG", op_la64 },
    { 0xebe7, FMT_RSY_A, 0, "LAXG", op_la64 },
    { 0xebe8, FMT_RSY_A, 0, "LAAG", op_la64 },
    { 0xebea, FMT_RSY_A, 0, "LAALG", op_la64 },
    { 0xebf4, FMT_RSY_A, 0, "LAN", op_la32 },
    { 0xebf6, FMT_RSY_A, 0, "LAO", op_la32 },
    { 0xebf7, FMT_RSY_A, 0, "LAX", op_la32 },
    { 0xebf8, FMT_RSY_A, 0, "LAA", op_la32 },
    { 0xebfa, FMT_RSY_A, 0, "LAAL", op_la32 },
};
S390_GROUP(s390_group_atomic, atomic_defs);
