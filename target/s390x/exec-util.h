/*
 * What the instruction handlers share: register halves, effective
 * addresses, condition-code settings and the fixed-point overflow rule.
 * A handler returns 0 or a program-interruption code; on a code the
 * instruction was suppressed (nothing changed) unless the exception is
 * one that completes (fixed-point overflow: result and cc are set).
 */
#ifndef TARGET_S390X_EXEC_UTIL_H
#define TARGET_S390X_EXEC_UTIL_H

#include "target/s390x/insn.h"
#include "target/s390x/mem.h"

#define S390_OP(name) static int name(S390Cpu *cpu, const S390Insn *in)

/* A privileged instruction: the exception in the problem state */
#define PRIV_CHECK(cpu)                                                        \
    do {                                                                       \
        if (s390_problem_state(cpu)) {                                         \
            return PGM_PRIVILEGED;                                             \
        }                                                                      \
    } while (0)

static inline uint64_t gr(const S390Cpu *cpu, unsigned r)
{
    return cpu->env.regs[r];
}

static inline void set_gr(S390Cpu *cpu, unsigned r, uint64_t v)
{
    cpu->env.regs[r] = v;
}

/* bits 32-63 of a general register */
static inline uint32_t gr32(const S390Cpu *cpu, unsigned r)
{
    return (uint32_t)cpu->env.regs[r];
}

static inline void set_gr32(S390Cpu *cpu, unsigned r, uint32_t v)
{
    cpu->env.regs[r] = (cpu->env.regs[r] & 0xffffffff00000000ull) | v;
}

/* bits 0-31 (the high word) */
static inline uint32_t gh32(const S390Cpu *cpu, unsigned r)
{
    return (uint32_t)(cpu->env.regs[r] >> 32);
}

static inline void set_gh32(S390Cpu *cpu, unsigned r, uint32_t v)
{
    cpu->env.regs[r] = (cpu->env.regs[r] & 0xffffffffull) | ((uint64_t)v << 32);
}

/* Effective address: X, B (register 0 means none) and D, wrapped */
static inline uint64_t ea_xbd(const S390Cpu *cpu, unsigned x, unsigned b,
                              int64_t d)
{
    uint64_t a = (uint64_t)d;

    if (x) {
        a += cpu->env.regs[x];
    }
    if (b) {
        a += cpu->env.regs[b];
    }
    return a & cpu->amask;
}

static inline uint64_t ea_bd(const S390Cpu *cpu, unsigned b, int64_t d)
{
    return ea_xbd(cpu, 0, b, d);
}

/* The second-operand address of the RX/RXY/RS/RSY/S formats */
static inline uint64_t ea2(const S390Cpu *cpu, const S390Insn *in)
{
    return ea_xbd(cpu, in->x2, in->b2, in->d2);
}

/*
 * Place an address in R as the addressing mode defines it: all 64 bits,
 * or bits 32-63 with the bits above the mode zero (bits 0-31 unchanged)
 */
static inline void set_address(S390Cpu *cpu, unsigned r, uint64_t a)
{
    if (cpu->amask == UINT64_MAX) {
        set_gr(cpu, r, a);
    } else {
        set_gr32(cpu, r, (uint32_t)(a & cpu->amask));
    }
}

/* The address in R under the addressing mode */
static inline uint64_t gr_address(const S390Cpu *cpu, unsigned r)
{
    return cpu->env.regs[r] & cpu->amask;
}

/* Relative address: the instruction's own address + 2 * halfwords */
static inline uint64_t ea_rel(const S390Cpu *cpu, const S390Insn *in,
                              int64_t halfwords)
{
    return (in->addr + 2 * (uint64_t)halfwords) & cpu->amask;
}

/* Branch-condition mask: bit 8 of M selects cc 0 ... bit 1 cc 3 */
static inline bool cc_match(const S390Cpu *cpu, unsigned m)
{
    return (m >> (3 - cpu->cc)) & 1;
}

/* cc 0 zero, 1 negative, 2 positive */
static inline void cc_sign64(S390Cpu *cpu, int64_t v)
{
    cpu->cc = v == 0 ? 0 : v < 0 ? 1 : 2;
}

static inline void cc_sign32(S390Cpu *cpu, int32_t v)
{
    cc_sign64(cpu, v);
}

/* cc 0 zero, 1 not zero */
static inline void cc_nz(S390Cpu *cpu, uint64_t v)
{
    cpu->cc = v != 0;
}

/* cc 0 equal, 1 first low, 2 first high */
static inline void cc_cmp_s(S390Cpu *cpu, int64_t a, int64_t b)
{
    cpu->cc = a == b ? 0 : a < b ? 1 : 2;
}

static inline void cc_cmp_u(S390Cpu *cpu, uint64_t a, uint64_t b)
{
    cpu->cc = a == b ? 0 : a < b ? 1 : 2;
}

/* Logical add/subtract: cc = (result != 0) + 2 * carry */
static inline void cc_logical(S390Cpu *cpu, uint64_t res, bool carry)
{
    cpu->cc = (res != 0) | (carry << 1);
}

/* Signed overflow: cc 3, and an interruption if the program mask asks */
static inline int fixpt_overflow(S390Cpu *cpu)
{
    cpu->cc = 3;
    return (cpu->psw_mask & PSW_MASK_FIXPT_OVF) ? PGM_FIXPT_OVERFLOW : 0;
}

/* Even-odd register pair required */
static inline bool odd_reg(unsigned r)
{
    return r & 1;
}

/* 64- and 32-bit signed sums with architected cc */
static inline int add_s64(S390Cpu *cpu, int64_t a, int64_t b, int64_t *res)
{
    if (__builtin_add_overflow(a, b, res)) {
        return fixpt_overflow(cpu);
    }
    cc_sign64(cpu, *res);
    return 0;
}

static inline int sub_s64(S390Cpu *cpu, int64_t a, int64_t b, int64_t *res)
{
    if (__builtin_sub_overflow(a, b, res)) {
        return fixpt_overflow(cpu);
    }
    cc_sign64(cpu, *res);
    return 0;
}

static inline int add_s32(S390Cpu *cpu, int32_t a, int32_t b, int32_t *res)
{
    if (__builtin_add_overflow(a, b, res)) {
        return fixpt_overflow(cpu);
    }
    cc_sign64(cpu, *res);
    return 0;
}

static inline int sub_s32(S390Cpu *cpu, int32_t a, int32_t b, int32_t *res)
{
    if (__builtin_sub_overflow(a, b, res)) {
        return fixpt_overflow(cpu);
    }
    cc_sign64(cpu, *res);
    return 0;
}

/* Logical sums with carry in; @sub adds the complement of b */
static inline uint64_t addc_u64(S390Cpu *cpu, uint64_t a, uint64_t b,
                                unsigned carry_in)
{
    uint64_t s = a + b;
    bool c = s < a;
    uint64_t r = s + carry_in;

    c |= r < s;
    cc_logical(cpu, r, c);
    return r;
}

static inline uint32_t addc_u32(S390Cpu *cpu, uint32_t a, uint32_t b,
                                unsigned carry_in)
{
    uint64_t s = (uint64_t)a + b + carry_in;

    cc_logical(cpu, (uint32_t)s, s >> 32);
    return (uint32_t)s;
}

/* The table of one group of handlers (exec-*.c) */
typedef struct S390InsnGroup {
    const S390InsnDef *defs;
    unsigned count;
} S390InsnGroup;

#define S390_GROUP(var, table)                                                 \
    const S390InsnGroup var = { table, G_N_ELEMENTS(table) }

extern const S390InsnGroup s390_group_load, s390_group_arith, s390_group_logic,
    s390_group_compare, s390_group_branch, s390_group_storage, s390_group_misc,
    s390_group_muldiv, s390_group_shift, s390_group_atomic, s390_group_rel,
    s390_group_highword, s390_group_execute, s390_group_arith_logical,
    s390_group_system, s390_group_clock, s390_group_io, s390_group_skey,
    s390_group_sigp, s390_group_fpr, s390_group_stsi, s390_group_diag,
    s390_group_pci, s390_group_string, s390_group_mode, s390_group_decimal;
extern const S390InsnGroup s390_group_monitor, s390_group_real;
extern const S390InsnGroup s390_group_ar, s390_group_xlate;
extern const S390InsnGroup s390_group_hint;
extern const S390InsnGroup s390_group_mvcl;
extern const S390InsnGroup s390_group_dat;

#endif
