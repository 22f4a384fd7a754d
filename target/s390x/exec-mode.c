/*
 * The addressing mode and the PSW from problem-state code: SET
 * ADDRESSING MODE (SAM24, SAM31, SAM64), TEST ADDRESSING MODE (TAM),
 * EXTRACT PSW (EPSW); LOAD ADDRESS EXTENDED (LAE, LAEY), which also sets
 * the access register of R1 for the address space the PSW's
 * address-space control names; and EXTRACT CPU ATTRIBUTE (ECAG), which
 * describes no cache.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/*
 * SAM: the updated instruction address (the PSW already points past
 * SAM) must fit the new mode, else a specification exception and the
 * mode stays. A mode change ends the run stretch, as a PSW change does.
 */
static int set_mode(S390Cpu *cpu, uint64_t bits, uint64_t limit)
{
    uint64_t mask = s390_psw_get_mask(cpu);

    if (cpu->psw_addr > limit) {
        return PGM_SPECIFICATION;
    }
    if ((mask & (PSW_MASK_EA | PSW_MASK_BA)) == bits) {
        return 0;
    }
    mask = (mask & ~(PSW_MASK_EA | PSW_MASK_BA)) | bits;
    s390_psw_load(cpu, mask, cpu->psw_addr);
    return S390_EXC_PSW;
}

S390_OP(op_sam24)
{
    return set_mode(cpu, 0, 0xffffff);
}

S390_OP(op_sam31)
{
    return set_mode(cpu, PSW_MASK_BA, 0x7fffffff);
}

S390_OP(op_sam64)
{
    return set_mode(cpu, PSW_MASK_EA | PSW_MASK_BA, UINT64_MAX);
}

/* cc 0: 24-bit, 1: 31-bit, 3: 64-bit mode */
S390_OP(op_tam)
{
    cpu->cc = (cpu->psw_mask & PSW_MASK_EA)   ? 3
              : (cpu->psw_mask & PSW_MASK_BA) ? 1
                                              : 0;
    return 0;
}

/* PSW bits 0-31 to bits 32-63 of R1, bits 32-63 to those of R2 (if not 0) */
S390_OP(op_epsw)
{
    uint64_t mask = s390_psw_get_mask(cpu);

    set_gr32(cpu, in->r1, (uint32_t)(mask >> 32));
    if (in->r2) {
        set_gr32(cpu, in->r2, (uint32_t)mask);
    }
    return 0;
}

/*
 * LAE, LAEY: the address as LA forms it; access register R1 is 0 in the
 * primary mode, 1 in the secondary, 2 in the home mode, and in the
 * access-register mode that of B2 (0 when B2 is 0)
 */
static int load_address_ext(S390Cpu *cpu, const S390Insn *in)
{
    unsigned asc = (cpu->psw_mask & PSW_MASK_ASC) >> 46;
    static const uint32_t alet[4] = { 0, 0, 1, 2 };

    set_address(cpu, in->r1, ea2(cpu, in));
    cpu->aregs[in->r1] = asc == 1 ? (in->b2 ? cpu->aregs[in->b2] : 0)
                                  : alet[asc];
    return 0;
}

S390_OP(op_lae)
{
    return load_address_ext(cpu, in);
}

/*
 * ECAG: bits 56-59 of the second-operand address are the attribute
 * indication, 60-62 the cache level, 63 the type. This CPU describes no
 * cache: the topology summary (indication 0) says "no cache" at every
 * level (zero), and every other request, for a level that is not there
 * or a reserved indication, is all ones. R3 is not used.
 */
S390_OP(op_ecag)
{
    unsigned ai = (ea2(cpu, in) >> 4) & 0xf;

    set_gr(cpu, in->r1, ai == 0 ? 0 : UINT64_MAX);
    return 0;
}

static const S390InsnDef mode_defs[] = {
    { 0x010b, FMT_E, 0, "TAM", op_tam },
    { 0x010c, FMT_E, 0, "SAM24", op_sam24 },
    { 0x010d, FMT_E, 0, "SAM31", op_sam31 },
    { 0x010e, FMT_E, 0, "SAM64", op_sam64 },
    { 0x5100, FMT_RX_A, 0, "LAE", op_lae },
    { 0xb98d, FMT_RRE, 0, "EPSW", op_epsw },
    { 0xe375, FMT_RXY_A, 0, "LAEY", op_lae },
    { 0xeb4c, FMT_RSY_A, 0, "ECAG", op_ecag },
};
S390_GROUP(s390_group_mode, mode_defs);
