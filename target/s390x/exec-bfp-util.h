/*
 * What the BFP instruction handlers (exec-bfp.c, exec-bfp-conv.c) share:
 * the AFP-register control check, short and long register images, the
 * FPC's fields, and the IEEE exception rules against the FPC's masks.
 */
#ifndef TARGET_S390X_EXEC_BFP_UTIL_H
#define TARGET_S390X_EXEC_BFP_UTIL_H

#include "target/s390x/bfp.h"
#include "target/s390x/bfp128.h"
#include "target/s390x/exec-util.h"

#define CR0_AFP PSW_BIT(45)

/*
 * FPC: masks in byte 0, flags in byte 1, DXC in byte 2, DFP mode 25-27,
 * BFP mode 29-31
 * (0-3, and 7 with the floating-point extension facility)
 */
#define FPC_MASK_SHIFT 24
#define FPC_FLAG_SHIFT 16
#define FPC_DXC_SHIFT  8
#define FPC_DXC        UINT32_C(0x0000ff00)
#define FPC_BFP_RM     UINT32_C(0x00000007)
#define FPC_RM_PREPARE 7u
/* DFP rounding mode, bits 25-27 (facility 41: SRNMT) */
#define FPC_DFP_RM       UINT32_C(0x00000070)
#define FPC_DFP_RM_SHIFT 4
/* the bits that may be one (the rest are reserved) */
#define FPC_VALID UINT32_C(0xf8f8ff77)

/* M4 of the conversions: the inexact-exception control (XxC) */
#define M4_XXC 0x4

/* data-exception codes */
#define DXC_BFP_INSN 0x02 /* a BFP instruction with the AFP control off */

/* 0, or the data exception of a BFP instruction without AFP registers */
static inline int bfp_avail(S390Cpu *cpu)
{
    if (!(cpu->env.cregs[0] & CR0_AFP)) {
        cpu->dxc = DXC_BFP_INSN;
        return PGM_DATA;
    }
    return 0;
}

static inline uint64_t fpr_get(const S390Cpu *cpu, BfpFmt f, unsigned r)
{
    return f == BFP_SHORT ? cpu->fprs[r] >> 32 : cpu->fprs[r];
}

static inline void fpr_put(S390Cpu *cpu, BfpFmt f, unsigned r, uint64_t v)
{
    if (f == BFP_SHORT) {
        cpu->fprs[r] = (cpu->fprs[r] & 0xffffffffull) | (v << 32);
    } else {
        cpu->fprs[r] = v;
    }
}

static inline BfpRound fpc_round(const S390Cpu *cpu)
{
    unsigned m = cpu->fpc & FPC_BFP_RM;

    return m == FPC_RM_PREPARE ? BFP_RND_PREPARE : (BfpRound)(m & 3);
}

/* A storage operand of format @f at @addr */
static inline int bfp_load_mem(S390Cpu *cpu, BfpFmt f, uint64_t addr,
                               uint64_t *v)
{
    uint32_t w;
    int r;

    if (f == BFP_LONG) {
        return s390_ld64(cpu, addr, v);
    }
    r = s390_ld32(cpu, addr, &w);
    *v = w;
    return r;
}

/*
 * The IEEE exceptions of @r against the FPC (bfp-util in exec-bfp.c).
 * Returns false when the operation is suppressed (an enabled invalid or
 * division by zero: nothing may be stored, *pgm is the exception); else
 * *val is what to store (the scaled result for an enabled overflow or
 * underflow), the FPC flags are set and *pgm is 0 or a data exception
 * to report once the result and the condition code are in place.
 */
bool bfp_ieee(S390Cpu *cpu, const BfpResult *r, uint64_t *val, int *pgm);

/*
 * Store @r into FPR @r1 as bfp_ieee() allows (with the cc of the stored
 * value if @set_cc): 0 or the program interruption to report.
 */
int bfp_store(S390Cpu *cpu, BfpFmt f, unsigned r1, const BfpResult *r,
              bool set_cc);

/* The rounding of an M3 field (0: the FPC's); false if it is invalid */
bool bfp_m3_round(const S390Cpu *cpu, unsigned m3, BfpRound *rm);

/*
 * LOAD ROUNDED's trapped overflow and underflow (LEDBR, LDXBR, LEXBR):
 * the source rounded to the target's precision, scaled by 2^-+512 (long
 * source) or 2^-+8192 (extended source) and kept in the source format
 */
#define BFP_LOADR_SCALE_LONG 512
#define BFP_LOADR_SCALE_EXT  8192

/*
 * Store @res, the source @src (extended if @ext_src, else long, as an
 * exact extended value) rounded in @rm to @to, into R1 as bfp_ieee()
 * allows: the rounded value in the left register of R1, or for a trapped
 * overflow or underflow the scaled source-format result in the register
 * (long) or the pair (extended) R1. 0 or the program interruption.
 */
int bfp_load_rounded(S390Cpu *cpu, const S390Insn *in, bool ext_src, Bfp128 src,
                     BfpFmt to, BfpRound rm, const BfpResult *res);

/*
 * What every rounding conversion checks first: the AFP-register control,
 * then M3 (its rounding in *@rm). 0, or the program interruption.
 */
int bfp_conv_start(S390Cpu *cpu, const S390Insn *in, BfpRound *rm);

extern const S390InsnGroup s390_group_bfp, s390_group_bfp_conv,
    s390_group_bfp_ext;

#endif
