/*
 * Privileged and system control instructions: PSW loads (LPSW, LPSWE),
 * the system mask (SSM, STNSM, STOSM), control registers (LCTL, LCTLG,
 * STCTL, STCTG), the prefix (SPX, STPX), CPU identity (STAP, STIDP), the
 * facility list (STFL, STFLE), the TLB (PTLB, IPTE), SUPERVISOR CALL and
 * LOAD PROGRAM PARAMETER. Exception priority:
 * privileged operation, then specification (operand alignment), then
 * access, then an invalid PSW the instruction produced (early, ILC 0).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/lowcore.h"
#include "target/s390x/facilities.h"
#include "target/s390x/dat.h"

/* The result of a PSW change: go on, or the early exception */
static int psw_changed(bool valid)
{
    return valid ? S390_EXC_PSW : S390_EXC_EARLY | PGM_SPECIFICATION;
}

S390_OP(op_lpsw)
{
    uint64_t a = ea2(cpu, in), v;
    int r;

    PRIV_CHECK(cpu);
    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    r = s390_ld64(cpu, a, &v);
    if (r) {
        return r;
    }
    /* ESA/390 form: bit 12 must be one; bit 32 is BA, 33-63 the address */
    return psw_changed(
        s390_psw_load(cpu, (v & UINT64_C(0xffffffff80000000)) ^ PSW_BIT(12),
                      v & 0x7fffffff));
}

S390_OP(op_lpswe)
{
    uint64_t a = ea2(cpu, in);
    uint8_t b[16];
    int r;

    PRIV_CHECK(cpu);
    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_read(cpu, a, b, 16);
    if (r) {
        return r;
    }
    return psw_changed(s390_psw_load(cpu, ldq_be_p(b), ldq_be_p(b + 8)));
}

/* Replace PSW bits 0-7 with @sm */
static int set_system_mask(S390Cpu *cpu, uint8_t sm)
{
    uint64_t mask = (s390_psw_get_mask(cpu) & ~(UINT64_C(0xff) << 56)) |
                    ((uint64_t)sm << PSW_SYSMASK_SHIFT);

    return psw_changed(s390_psw_load(cpu, mask, cpu->psw_addr));
}

static uint8_t system_mask(const S390Cpu *cpu)
{
    return cpu->psw_mask >> PSW_SYSMASK_SHIFT;
}

S390_OP(op_ssm)
{
    uint8_t sm;
    int r;

    PRIV_CHECK(cpu);
    /* CR0 bit 33: SSM suppression -> special-operation exception */
    if (cpu->env.cregs[0] & PSW_BIT(33)) {
        return PGM_SPECIAL_OP;
    }
    r = s390_ld8(cpu, ea2(cpu, in), &sm);
    return r ? r : set_system_mask(cpu, sm);
}

static int stnsm_stosm(S390Cpu *cpu, const S390Insn *in, bool is_or)
{
    uint8_t sm = system_mask(cpu);
    int r;

    PRIV_CHECK(cpu);
    r = s390_st8(cpu, ea_bd(cpu, in->b1, in->d1), sm);
    if (r) {
        return r;
    }
    return set_system_mask(cpu, is_or ? sm | in->i2 : sm & in->i2);
}

S390_OP(op_stnsm)
{
    return stnsm_stosm(cpu, in, false);
}

S390_OP(op_stosm)
{
    return stnsm_stosm(cpu, in, true);
}

/* ---- control registers: R1 through R3, wrapping after 15 ---- */

static unsigned reg_count(const S390Insn *in)
{
    return ((in->r3 - in->r1) & 15) + 1;
}

static int load_control(S390Cpu *cpu, const S390Insn *in, unsigned size)
{
    uint64_t a = ea2(cpu, in);
    unsigned n = reg_count(in), i;
    uint8_t b[16 * 8];
    int r;

    PRIV_CHECK(cpu);
    if (a & (size - 1)) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_read(cpu, a, b, n * size);
    if (r) {
        return r;
    }
    for (i = 0; i < n; i++) {
        uint64_t *cr = &cpu->env.cregs[(in->r1 + i) & 15];

        if (size == 8) {
            *cr = ldq_be_p(b + 8 * i);
        } else {
            *cr = (*cr & UINT64_C(0xffffffff00000000)) | ldl_be_p(b + 4 * i);
        }
    }
    /* CR0 (LAP) selects the access path; enables may have changed */
    s390_mem_mode_update(cpu);
    return S390_EXC_PSW;
}

static int store_control(S390Cpu *cpu, const S390Insn *in, unsigned size)
{
    uint64_t a = ea2(cpu, in);
    unsigned n = reg_count(in), i;
    uint8_t b[16 * 8];

    PRIV_CHECK(cpu);
    if (a & (size - 1)) {
        return PGM_SPECIFICATION;
    }
    for (i = 0; i < n; i++) {
        uint64_t cr = cpu->env.cregs[(in->r1 + i) & 15];

        if (size == 8) {
            stq_be_p(b + 8 * i, cr);
        } else {
            stl_be_p(b + 4 * i, (uint32_t)cr);
        }
    }
    return s390_mem_write(cpu, a, b, n * size);
}

S390_OP(op_lctl)
{
    return load_control(cpu, in, 4);
}

S390_OP(op_lctlg)
{
    return load_control(cpu, in, 8);
}

S390_OP(op_stctl)
{
    return store_control(cpu, in, 4);
}

S390_OP(op_stctg)
{
    return store_control(cpu, in, 8);
}

/* ---- prefix, CPU address and identity ---- */

S390_OP(op_spx)
{
    uint64_t a = ea2(cpu, in), abs;
    uint32_t v;
    uint8_t probe;
    int r;

    PRIV_CHECK(cpu);
    if (a & 3) {
        return PGM_SPECIFICATION;
    }
    r = s390_ld32(cpu, a, &v);
    if (r) {
        return r;
    }
    /* the new prefix area must be in storage (absolute: no prefixing) */
    abs = v & UINT64_C(0x7fffe000);
    if (abs >= cpu->ram_size &&
        (!cpu->mem_ops || cpu->mem_ops->access(cpu->mem_opaque, abs, &probe, 1,
                                               S390_ACC_FETCH))) {
        return PGM_ADDRESSING;
    }
    s390_set_prefix(cpu, abs);
    return 0;
}

S390_OP(op_stpx)
{
    uint64_t a = ea2(cpu, in);

    PRIV_CHECK(cpu);
    if (a & 3) {
        return PGM_SPECIFICATION;
    }
    return s390_st32(cpu, a, (uint32_t)cpu->env.psa);
}

S390_OP(op_stap)
{
    uint64_t a = ea2(cpu, in);

    PRIV_CHECK(cpu);
    if (a & 1) {
        return PGM_SPECIFICATION;
    }
    return s390_st16(cpu, a, cpu->cpu_addr);
}

S390_OP(op_stidp)
{
    uint64_t a = ea2(cpu, in);

    PRIV_CHECK(cpu);
    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    return s390_st64(cpu, a, cpu->cpuid);
}

/* ---- facility list ---- */

S390_OP(op_stfl)
{
    uint8_t b[4];

    PRIV_CHECK(cpu);
    stl_be_p(b, (uint32_t)(s390_facility_dw(0) >> 32));
    return s390_real_access(cpu, LC_STFL, b, 4, S390_ACC_STORE);
}

S390_OP(op_stfle)
{
    uint64_t a = ea2(cpu, in);
    unsigned have = S390_FACILITY_DWS, room = (gr(cpu, 0) & 0xff) + 1, i;
    unsigned n = MIN(have, room);
    uint8_t b[S390_FACILITY_DWS * 8];
    int r;

    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    for (i = 0; i < n; i++) {
        stq_be_p(b + 8 * i, s390_facility_dw(i));
    }
    r = s390_mem_write(cpu, a, b, 8 * n);
    if (r) {
        return r;
    }
    set_gr(cpu, 0, (gr(cpu, 0) & ~UINT64_C(0xff)) | (have - 1));
    cpu->cc = room >= have ? 0 : 3;
    return 0;
}

/* ---- TLB ---- */

S390_OP(op_ptlb)
{
    PRIV_CHECK(cpu);
    s390_tlb_purge(cpu);
    return 0;
}

/*
 * IPTE R1,R2: the page-table entry at R1's page-table origin (bits 0-52,
 * absolute) indexed by R2's page index (bits 44-51) gets its invalid
 * bit; then the TLBs of all CPUs are purged (of everything: allowed, as
 * TLB entries may be dropped at any time).
 */
S390_OP(op_ipte)
{
    uint64_t pte = (gr(cpu, in->r1) & STE_ORIGIN) +
                   ((gr(cpu, in->r2) >> 12) & 0xff) * 8;
    uint8_t b[8];
    int r;

    PRIV_CHECK(cpu);
    r = s390_abs_access(cpu, pte, b, 8, S390_ACC_FETCH);
    if (r) {
        return r;
    }
    stq_be_p(b, ldq_be_p(b) | PTE_INVALID);
    r = s390_abs_access(cpu, pte, b, 8, S390_ACC_STORE);
    if (r) {
        return r;
    }
    s390_tlb_purge_all(cpu);
    return 0;
}

/* ---- SUPERVISOR CALL ---- */

S390_OP(op_svc)
{
    return s390_intr_svc(cpu, (uint8_t)in->i2, in->ilen);
}

/*
 * LOAD PROGRAM PARAMETER (S, facility 40; privileged): the doubleword
 * second operand (no alignment required) goes to the program-parameter
 * register, which only CPU-measurement sampling would read.
 */
S390_OP(op_lpp)
{
    uint64_t v;
    int r;

    PRIV_CHECK(cpu);
    r = s390_ld64(cpu, ea2(cpu, in), &v);
    if (!r) {
        cpu->prog_param = v;
    }
    return r;
}

static const S390InsnDef system_defs[] = {
    { 0x0a00, FMT_I, 0, "SVC", op_svc },
    { 0x8000, FMT_S, 0, "SSM", op_ssm },
    { 0x8200, FMT_S, 0, "LPSW", op_lpsw },
    { 0xac00, FMT_SI, 0, "STNSM", op_stnsm },
    { 0xad00, FMT_SI, 0, "STOSM", op_stosm },
    { 0xb600, FMT_RS_A, 0, "STCTL", op_stctl },
    { 0xb700, FMT_RS_A, 0, "LCTL", op_lctl },
    { 0xb202, FMT_S, 0, "STIDP", op_stidp },
    { 0xb210, FMT_S, 0, "SPX", op_spx },
    { 0xb211, FMT_S, 0, "STPX", op_stpx },
    { 0xb212, FMT_S, 0, "STAP", op_stap },
    { 0xb20d, FMT_S, 0, "PTLB", op_ptlb },
    { 0xb221, FMT_RRF_A, 0, "IPTE", op_ipte },
    { 0xb280, FMT_S, 0, "LPP", op_lpp },
    { 0xb2b0, FMT_S, 0, "STFLE", op_stfle },
    { 0xb2b1, FMT_S, 0, "STFL", op_stfl },
    { 0xb2b2, FMT_S, 0, "LPSWE", op_lpswe },
    { 0xeb25, FMT_RSY_A, 0, "STCTG", op_stctg },
    { 0xeb2f, FMT_RSY_A, 0, "LCTLG", op_lctlg },
};
S390_GROUP(s390_group_system, system_defs);
