/*
 * EXECUTE and EXECUTE RELATIVE LONG, and the PSW-field instructions
 * INSERT PROGRAM MASK and SET PROGRAM MASK.
 *
 * The target is fetched and decoded afresh (never cached), bits 8-15
 * ORed with bits 56-63 of R1 when R1 is not 0. It runs with the PSW
 * already past the EX, so a branch-and-save target links to the
 * instruction after the EX, and relative targets count from the target's
 * own address. An exception in the target reports the EX's ILC (the
 * caller records it as the EX's exception), and so does a target that
 * stores an ILC itself (SVC, BAL).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

static int execute_at(S390Cpu *cpu, const S390Insn *in, uint64_t target)
{
    uint8_t bytes[6];
    unsigned len;
    S390Insn t;
    int r;

    if (target & 1) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_read_slow(cpu, target, bytes, 2, S390_ACC_IFETCH);
    if (r) {
        return r;
    }
    len = s390_insn_len(bytes[0]);
    if (len > 2) {
        r = s390_mem_read_slow(cpu, (target + 2) & cpu->amask, bytes + 2,
                               len - 2, S390_ACC_IFETCH);
        if (r) {
            return r;
        }
    }
    if (in->r1) {
        bytes[1] |= (uint8_t)gr(cpu, in->r1);
    }
    if (!s390_insn_decode(bytes, target, &t)) {
        return PGM_OPERATION;
    }
    if (t.def->flags & S390_IS_EXECUTE) {
        return PGM_EXECUTE;
    }
    /* the ILC a target reports (SVC code, BAL link) is the EX's */
    t.ilen = in->ilen;
    return t.fn(cpu, &t);
}

S390_OP(op_ex)
{
    return execute_at(cpu, in, ea2(cpu, in));
}

S390_OP(op_exrl)
{
    return execute_at(cpu, in, ea_rel(cpu, in, in->i2));
}

/* IPM: bits 32-33 zero, 34-35 cc, 36-39 program mask; the rest stays */
S390_OP(op_ipm)
{
    uint64_t pm = (cpu->psw_mask & PSW_MASK_PM) >> PSW_PM_SHIFT;
    uint64_t v = gr(cpu, in->r1) & ~(UINT64_C(0xff) << 24);

    set_gr(cpu, in->r1, v | ((uint64_t)cpu->cc << 28) | (pm << 24));
    return 0;
}

/* SPM: cc and program mask from bits 34-39 of R1 */
S390_OP(op_spm)
{
    uint32_t v = gr32(cpu, in->r1);

    cpu->cc = (v >> 28) & 3;
    cpu->psw_mask = (cpu->psw_mask & ~PSW_MASK_PM) |
                    ((uint64_t)((v >> 24) & 0xf) << PSW_PM_SHIFT);
    return 0;
}

static const S390InsnDef execute_defs[] = {
    { 0x0400, FMT_RR, 0, "SPM", op_spm },
    { 0x4400, FMT_RX_A, S390_IS_EXECUTE, "EX", op_ex },
    { 0xb222, FMT_RRE, 0, "IPM", op_ipm },
    { 0xc600, FMT_RIL_B, S390_IS_EXECUTE, "EXRL", op_exrl },
};
S390_GROUP(s390_group_execute, execute_defs);
