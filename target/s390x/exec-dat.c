/*
 * Instructions around dynamic address translation: INVALIDATE DAT TABLE
 * ENTRY, COMPARE AND SWAP AND PURGE (CSP, CSPG), LOAD REAL ADDRESS (LRA,
 * LRAY, LRAG), SET ADDRESS SPACE CONTROL (SAC, SACF) and INSERT VIRTUAL
 * STORAGE KEY. The TLB (dat.c) holds whole translations only, so every
 * clearing these ask for drops all of it, on every CPU: TLB entries may
 * vanish at any time, so that is always a correct (if coarse) clearing.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/dat.h"
#include "target/s390x/skey.h"

#define CR0_SECONDARY_SPACE PSW_BIT(37) /* CR0 bit 37 */
#define CR0_EXTRACT_AUTH    PSW_BIT(36) /* CR0 bit 36 */

/* IDTE's general register R2 */
#define IDTE_ZERO44   UINT64_C(0xff000) /* bits 44-51 must be zero */
#define IDTE_BY_ASCE  UINT64_C(0x800)   /* bit 52: clearing by ASCE only */
#define IDTE_ADDITION UINT64_C(0x7ff) /* bits 53-63: entries after the first */

/*
 * IDTE R1,R3,R2[,M4]. With R2 bit 52 zero (invalidation and clearing):
 * R1 bits 0-51 give a region- or segment-table origin (absolute), bits
 * 60-61 its type; the 11-bit index R2 holds for that level (bits 0-10,
 * 11-21, 22-32 or 33-43) selects the first entry, bits 53-63 how many
 * more follow (counted round the 2048-entry table). Each gets its
 * invalid bit. With bit 52 one only the TLB entries made with the ASCE
 * in R3 are cleared. Either way the TLBs are then purged whole, which
 * is what a CPU without the selective-clearing facilities 4 and 5 does.
 * M4 (local clearing) needs facility 51, not installed: ignored.
 */
S390_OP(op_idte)
{
    uint64_t r1 = gr(cpu, in->r1), r2 = gr(cpu, in->r2), origin, e;
    unsigned idx, n, i;
    uint8_t b[8];
    int r;

    PRIV_CHECK(cpu);
    if (r2 & IDTE_ZERO44) {
        return PGM_SPECIFICATION;
    }
    if (!(r2 & IDTE_BY_ASCE)) {
        origin = r1 & ASCE_ORIGIN;
        idx = (r2 >> (20 + 11 * ASCE_DT(r1))) & 0x7ff;
        n = (r2 & IDTE_ADDITION) + 1;
        for (i = 0; i < n; i++) {
            e = origin + ((idx + i) & 0x7ff) * 8;
            r = s390_abs_access(cpu, e, b, 8, S390_ACC_FETCH);
            if (r) {
                return r;
            }
            stq_be_p(b, ldq_be_p(b) | TE_INVALID);
            r = s390_abs_access(cpu, e, b, 8, S390_ACC_STORE);
            if (r) {
                return r;
            }
        }
    }
    s390_tlb_purge_all(cpu);
    return 0;
}

/*
 * CSP/CSPG R1,R2: compare R1 (bits 32-63, or all) with the word or
 * doubleword at R2's address (its low 2 or 3 bits are not address:
 * bit 63 asks for the TLB purge, bit 62 for the ALB's, which this CPU
 * does not have). Equal: R1+1 is stored, cc 0, and with bit 63 the TLBs
 * of all CPUs are purged. Unequal: R1 gets the operand, cc 1.
 */
static int csp(S390Cpu *cpu, const S390Insn *in, unsigned size)
{
    uint64_t a, v = 0;
    uint32_t w;
    int r;

    PRIV_CHECK(cpu);
    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    a = gr_address(cpu, in->r2) & ~(uint64_t)(size - 1);
    r = s390_mem_check(cpu, a, size, S390_ACC_STORE);
    if (r) {
        return r;
    }
    if (size == 4) {
        r = s390_ld32(cpu, a, &w);
        v = w;
    } else {
        r = s390_ld64(cpu, a, &v);
    }
    if (r) {
        return r;
    }
    if (size == 4 ? (uint32_t)v != gr32(cpu, in->r1) : v != gr(cpu, in->r1)) {
        if (size == 4) {
            set_gr32(cpu, in->r1, (uint32_t)v);
        } else {
            set_gr(cpu, in->r1, v);
        }
        cpu->cc = 1;
        return 0;
    }
    r = size == 4 ? s390_st32(cpu, a, gr32(cpu, in->r1 + 1))
                  : s390_st64(cpu, a, gr(cpu, in->r1 + 1));
    if (r) {
        return r;
    }
    cpu->cc = 0;
    if (gr(cpu, in->r2) & 1) {
        s390_tlb_purge_all(cpu);
    }
    return 0;
}

S390_OP(op_csp)
{
    return csp(cpu, in, 4);
}

S390_OP(op_cspg)
{
    return csp(cpu, in, 8);
}

/*
 * LRA, LRAY, LRAG R1,D2(X2,B2): translate the second-operand address in
 * the space the PSW selects (DAT on or off), and say how it went:
 * cc 0  the real address;
 * cc 1  the segment-table entry is invalid: that entry's address;
 * cc 2  the page-table entry is invalid: that entry's address;
 * cc 3  an ASCE-type, region-translation (invalid entry or outside the
 *       table) or segment-translation (outside the table) condition:
 *       bit 32 one and the exception code in bits 48-63 of R1 (bits
 *       33-47 zero, bits 0-31 unchanged).
 * Translation-specification and addressing conditions are exceptions.
 * LRA and LRAY outside the 64-bit mode set bits 32-63 only; an address
 * for them above 2G - 1 is a special-operation exception.
 */
static int lra(S390Cpu *cpu, const S390Insn *in, bool wide)
{
    uint64_t va = ea2(cpu, in), v = 0, entry;
    bool ibit;
    int r;

    PRIV_CHECK(cpu);
    r = s390_dat_probe(cpu, va, &v, &entry, &ibit);
    if (!r) {
        cpu->cc = 0;
    } else if (r == PGM_SEGMENT_TRANS && ibit) {
        cpu->cc = 1;
        v = entry;
    } else if (r == PGM_PAGE_TRANS) {
        cpu->cc = 2;
        v = entry;
    } else if (r == PGM_SEGMENT_TRANS || (r >= 0x38 && r <= 0x3b)) {
        set_gr32(cpu, in->r1, 0x80000000u | (uint32_t)r);
        cpu->cc = 3;
        return 0;
    } else {
        return r;
    }
    if (wide || (cpu->psw_mask & PSW_MASK_EA)) {
        set_gr(cpu, in->r1, v);
        return 0;
    }
    if (v > 0x7fffffff) {
        return PGM_SPECIAL_OP;
    }
    set_gr32(cpu, in->r1, (uint32_t)v);
    return 0;
}

S390_OP(op_lra)
{
    return lra(cpu, in, false);
}

S390_OP(op_lrag)
{
    return lra(cpu, in, true);
}

/*
 * SAC/SACF D2(B2): bits 52-55 of the second-operand address choose the
 * mode: 0 primary, 1 secondary, 2 access register, 3 home; another value
 * is a specification exception. PSW bits 16-17 encode them as 00, 10,
 * 01 and 11.
 * Special-operation exception: DAT off; secondary or access-register
 * mode without the secondary-space control (CR0 bit 37). Home mode in
 * the problem state is a privileged-operation exception. SAC's
 * space-switch event is not recognized.
 */
S390_OP(op_sac)
{
    static const uint8_t psw_asc[4] = { 0, 2, 1, 3 };
    unsigned mode = (ea2(cpu, in) >> 8) & 0xf;
    uint64_t asc;

    if (!(cpu->psw_mask & PSW_MASK_DAT)) {
        return PGM_SPECIAL_OP;
    }
    if (mode > 3) {
        return PGM_SPECIFICATION;
    }
    if ((mode == 1 || mode == 2) &&
        !(cpu->env.cregs[0] & CR0_SECONDARY_SPACE)) {
        return PGM_SPECIAL_OP;
    }
    if (mode == 3 && s390_problem_state(cpu)) {
        return PGM_PRIVILEGED;
    }
    asc = (uint64_t)psw_asc[mode] << 46;
    cpu->psw_mask = (cpu->psw_mask & ~PSW_MASK_ASC) | asc;
    return 0;
}

/*
 * IVSK R1,R2: the storage key of the frame R2's virtual address
 * translates to (in the current address space): access-control bits and
 * fetch-protection bit to R1 bits 56-60, zeros to 61-63, the rest of R1
 * unchanged. DAT off: special-operation exception; problem state without
 * the extraction-authority control (CR0 bit 36): privileged operation.
 */
S390_OP(op_ivsk)
{
    uint64_t ra;
    uint8_t *k;
    int r;

    if (!(cpu->psw_mask & PSW_MASK_DAT)) {
        return PGM_SPECIAL_OP;
    }
    if (s390_problem_state(cpu) && !(cpu->env.cregs[0] & CR0_EXTRACT_AUTH)) {
        return PGM_PRIVILEGED;
    }
    r = s390_dat_translate(cpu, gr_address(cpu, in->r2), S390_ACC_FETCH, &ra);
    if (r) {
        return r;
    }
    k = s390_skey_of(cpu, s390_real_to_abs(cpu, ra));
    if (!k) {
        return PGM_ADDRESSING;
    }
    set_gr(cpu, in->r1, (gr(cpu, in->r1) & ~UINT64_C(0xff)) | (*k & 0xf8));
    return 0;
}

static const S390InsnDef dat_defs[] = {
    { 0xb100, FMT_RX_A, 0, "LRA", op_lra },
    { 0xb219, FMT_S, 0, "SAC", op_sac },
    { 0xb223, FMT_RRE, 0, "IVSK", op_ivsk },
    { 0xb250, FMT_RRE, 0, "CSP", op_csp },
    { 0xb279, FMT_S, 0, "SACF", op_sac },
    { 0xb98a, FMT_RRE, 0, "CSPG", op_cspg },
    { 0xb98e, FMT_RRF_B, 0, "IDTE", op_idte },
    { 0xe303, FMT_RXY_A, 0, "LRAG", op_lrag },
    { 0xe313, FMT_RXY_A, 0, "LRAY", op_lra },
};
S390_GROUP(s390_group_dat, dat_defs);
