/*
 * Storage-to-storage (MVC, NC, OC, XC, CLC: byte by byte left to right,
 * so overlapping operands behave as architected), storage-immediate
 * (MVI, NI, OI, XI, TM and their Y forms, MVHHI/MVHI/MVGHI) and the
 * multiple-register loads and stores. Every operand is checked before
 * the first byte is stored.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

typedef enum { SS_MOVE, SS_AND, SS_OR, SS_XOR, SS_COMPARE } SsOp;

static uint8_t ss_byte(SsOp op, uint8_t a, uint8_t b)
{
    switch (op) {
    case SS_AND:
        return a & b;
    case SS_OR:
        return a | b;
    case SS_XOR:
        return a ^ b;
    default:
        return b;
    }
}

/* Both operands in the direct window: work on host bytes */
static void ss_direct(S390Cpu *cpu, SsOp op, uint8_t *d, const uint8_t *s,
                      unsigned len, uint8_t *any)
{
    unsigned i;

    if (op == SS_MOVE && (d + len <= s || s + len <= d || d < s)) {
        memmove(d, s, len);
        return;
    }
    for (i = 0; i < len; i++) {
        d[i] = ss_byte(op, d[i], s[i]);
        *any |= d[i];
    }
}

static int ss_slow(S390Cpu *cpu, SsOp op, uint64_t a1, uint64_t a2,
                   unsigned len, uint8_t *any)
{
    unsigned i;
    int r;

    for (i = 0; i < len; i++) {
        uint64_t x = (a1 + i) & cpu->amask, y = (a2 + i) & cpu->amask;
        uint8_t b1 = 0, b2;

        if (op != SS_MOVE && (r = s390_ld8(cpu, x, &b1))) {
            return r;
        }
        if ((r = s390_ld8(cpu, y, &b2))) {
            return r;
        }
        b1 = ss_byte(op, b1, b2);
        *any |= b1;
        if ((r = s390_st8(cpu, x, b1))) {
            return r;
        }
    }
    return 0;
}

static int ss_logical(S390Cpu *cpu, const S390Insn *in, SsOp op)
{
    unsigned len = in->l1 + 1;
    uint64_t a1 = ea_bd(cpu, in->b1, in->d1), a2 = ea_bd(cpu, in->b2, in->d2);
    uint8_t *d = s390_mem_direct(cpu, a1, len);
    uint8_t *s = s390_mem_direct(cpu, a2, len);
    uint8_t any = 0;
    int r;

    if (d && s) {
        s390_icache_notify_write(cpu, d - cpu->ram, len);
        ss_direct(cpu, op, d, s, len, &any);
    } else {
        r = s390_mem_check(cpu, a2, len, S390_ACC_FETCH);
        if (!r) {
            r = s390_mem_check(cpu, a1, len, S390_ACC_STORE);
        }
        if (!r) {
            r = ss_slow(cpu, op, a1, a2, len, &any);
        }
        if (r) {
            return r;
        }
    }
    if (op != SS_MOVE) {
        cc_nz(cpu, any);
    }
    return 0;
}

S390_OP(op_mvc)
{
    return ss_logical(cpu, in, SS_MOVE);
}
S390_OP(op_nc)
{
    return ss_logical(cpu, in, SS_AND);
}
S390_OP(op_oc)
{
    return ss_logical(cpu, in, SS_OR);
}
S390_OP(op_xc)
{
    return ss_logical(cpu, in, SS_XOR);
}

S390_OP(op_clc)
{
    unsigned len = in->l1 + 1, i;
    uint64_t a1 = ea_bd(cpu, in->b1, in->d1), a2 = ea_bd(cpu, in->b2, in->d2);
    int r = s390_mem_check(cpu, a1, len, S390_ACC_FETCH);

    if (!r) {
        r = s390_mem_check(cpu, a2, len, S390_ACC_FETCH);
    }
    for (i = 0; !r && i < len; i++) {
        uint8_t x, y;

        r = s390_ld8(cpu, (a1 + i) & cpu->amask, &x);
        if (!r) {
            r = s390_ld8(cpu, (a2 + i) & cpu->amask, &y);
        }
        if (!r && x != y) {
            cpu->cc = x < y ? 1 : 2;
            return 0;
        }
    }
    if (!r) {
        cpu->cc = 0;
    }
    return r;
}

/* ---- storage and immediate ---- */

static uint64_t ea1(const S390Cpu *cpu, const S390Insn *in)
{
    return ea_bd(cpu, in->b1, in->d1);
}

S390_OP(op_mvi)
{
    return s390_st8(cpu, ea1(cpu, in), (uint8_t)in->i2);
}

static int si_logical(S390Cpu *cpu, const S390Insn *in, SsOp op)
{
    uint64_t a = ea1(cpu, in);
    uint8_t v;
    int r = s390_ld8(cpu, a, &v);

    if (r) {
        return r;
    }
    v = ss_byte(op, v, (uint8_t)in->i2);
    r = s390_st8(cpu, a, v);
    if (!r) {
        cc_nz(cpu, v);
    }
    return r;
}

S390_OP(op_ni)
{
    return si_logical(cpu, in, SS_AND);
}
S390_OP(op_oi)
{
    return si_logical(cpu, in, SS_OR);
}
S390_OP(op_xi)
{
    return si_logical(cpu, in, SS_XOR);
}

S390_OP(op_tm)
{
    uint8_t v, m = in->i2;
    int r = s390_ld8(cpu, ea1(cpu, in), &v);

    if (!r) {
        v &= m;
        cpu->cc = v == 0 ? 0 : v == m ? 3 : 1;
    }
    return r;
}

S390_OP(op_mvhhi)
{
    return s390_st16(cpu, ea1(cpu, in), (uint16_t)in->i2);
}
S390_OP(op_mvhi)
{
    return s390_st32(cpu, ea1(cpu, in), (uint32_t)in->i2);
}
S390_OP(op_mvghi)
{
    return s390_st64(cpu, ea1(cpu, in), (uint64_t)in->i2);
}

/* ---- multiple registers: R1 up to R3, wrapping from 15 to 0 ---- */

static unsigned reg_count(const S390Insn *in)
{
    return ((in->r3 - in->r1) & 15) + 1;
}

static int store_multiple(S390Cpu *cpu, const S390Insn *in, unsigned size)
{
    unsigned n = reg_count(in), i;
    uint64_t a = ea2(cpu, in);
    uint8_t buf[16 * 8];

    for (i = 0; i < n; i++) {
        uint64_t v = gr(cpu, (in->r1 + i) & 15);

        if (size == 8) {
            stq_be_p(buf + 8 * i, v);
        } else if (size == 4) {
            stl_be_p(buf + 4 * i, (uint32_t)v);
        } else {
            stl_be_p(buf + 4 * i, (uint32_t)(v >> 32)); /* STMH */
        }
    }
    return s390_mem_write(cpu, a, buf, n * (size == 8 ? 8 : 4));
}

static int load_multiple(S390Cpu *cpu, const S390Insn *in, unsigned size)
{
    unsigned n = reg_count(in), i, w = size == 8 ? 8 : 4;
    uint8_t buf[16 * 8];
    int r = s390_mem_read(cpu, ea2(cpu, in), buf, n * w);

    if (r) {
        return r;
    }
    for (i = 0; i < n; i++) {
        unsigned reg = (in->r1 + i) & 15;

        if (size == 8) {
            set_gr(cpu, reg, ldq_be_p(buf + 8 * i));
        } else if (size == 4) {
            set_gr32(cpu, reg, ldl_be_p(buf + 4 * i));
        } else {
            set_gh32(cpu, reg, ldl_be_p(buf + 4 * i)); /* LMH */
        }
    }
    return 0;
}

S390_OP(op_stm)
{
    return store_multiple(cpu, in, 4);
}
S390_OP(op_stmg)
{
    return store_multiple(cpu, in, 8);
}
S390_OP(op_stmh)
{
    return store_multiple(cpu, in, 0);
}
S390_OP(op_lm)
{
    return load_multiple(cpu, in, 4);
}
S390_OP(op_lmg)
{
    return load_multiple(cpu, in, 8);
}
S390_OP(op_lmh)
{
    return load_multiple(cpu, in, 0);
}

#define SG S390_I2_SIGNED
static const S390InsnDef storage_defs[] = {
    { 0x9000, FMT_RS_A, 0, "STM", op_stm },
    { 0x9100, FMT_SI, 0, "TM", op_tm },
    { 0x9200, FMT_SI, 0, "MVI", op_mvi },
    { 0x9400, FMT_SI, 0, "NI", op_ni },
    { 0x9600, FMT_SI, 0, "OI", op_oi },
    { 0x9700, FMT_SI, 0, "XI", op_xi },
    { 0x9800, FMT_RS_A, 0, "LM", op_lm },
    { 0xd200, FMT_SS_A, 0, "MVC", op_mvc },
    { 0xd400, FMT_SS_A, 0, "NC", op_nc },
    { 0xd500, FMT_SS_A, 0, "CLC", op_clc },
    { 0xd600, FMT_SS_A, 0, "OC", op_oc },
    { 0xd700, FMT_SS_A, 0, "XC", op_xc },
    { 0xe544, FMT_SIL, SG, "MVHHI", op_mvhhi },
    { 0xe548, FMT_SIL, SG, "MVGHI", op_mvghi },
    { 0xe54c, FMT_SIL, SG, "MVHI", op_mvhi },
    { 0xeb04, FMT_RSY_A, 0, "LMG", op_lmg },
    { 0xeb24, FMT_RSY_A, 0, "STMG", op_stmg },
    { 0xeb26, FMT_RSY_A, 0, "STMH", op_stmh },
    { 0xeb51, FMT_SIY, 0, "TMY", op_tm },
    { 0xeb52, FMT_SIY, 0, "MVIY", op_mvi },
    { 0xeb54, FMT_SIY, 0, "NIY", op_ni },
    { 0xeb56, FMT_SIY, 0, "OIY", op_oi },
    { 0xeb57, FMT_SIY, 0, "XIY", op_xi },
    { 0xeb90, FMT_RSY_A, 0, "STMY", op_stm },
    { 0xeb96, FMT_RSY_A, 0, "LMH", op_lmh },
    { 0xeb98, FMT_RSY_A, 0, "LMY", op_lm },
};
S390_GROUP(s390_group_storage, storage_defs);
