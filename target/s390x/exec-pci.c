/*
 * The s390 PCI instructions from guest code: CLP (B9A0), PCISTG (B9D0),
 * PCILG (B9D2), RPCIT (B9D3), MPCIFC (E3D0), STPCIFC (E3D4), PCISTB
 * (EBD0) and SIC (EBD1). Each is privileged. Their semantics are those
 * the qtest s390x extension calls (clp-insn.c, pci-insn.c,
 * pci-insn-fc.c, rpcit-insn.c, interrupt.c): this file only decodes the
 * operands, translates a storage operand's logical address to an
 * absolute one (through DAT, checked for the access the instruction
 * makes) and turns the result into a condition code or a program
 * interruption.
 *
 * CLP takes the address of its request block from R2 and, as QEMU does,
 * looks at neither R1 nor the M fields.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/pci-insn.h"

/* Result of the shared semantics: cc 0-3, or a negated program code */
static int pci_result(S390Cpu *cpu, int r)
{
    if (r < 0) {
        return -r;
    }
    cpu->cc = r;
    return 0;
}

/* The absolute address of the operand at logical @la */
static int pci_operand(S390Cpu *cpu, uint64_t la, S390Access kind,
                       uint64_t *abs)
{
    return s390_mem_to_abs(cpu, la & cpu->amask, kind, abs);
}

typedef int (*PciRegFn)(CPUS390XState *env, int r1, int r2);
typedef int (*PciFibFn)(CPUS390XState *env, int r1, uint64_t fiba);

/* PCILG, PCISTG, RPCIT: two register operands */
static int pci_regs(S390Cpu *cpu, const S390Insn *in, PciRegFn fn)
{
    PRIV_CHECK(cpu);
    return pci_result(cpu, fn(&cpu->env, in->r1, in->r2));
}

/* MPCIFC (the FIB is fetched), STPCIFC (it is stored) */
static int pci_fib(S390Cpu *cpu, const S390Insn *in, S390Access kind,
                   PciFibFn fn)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    r = pci_operand(cpu, ea2(cpu, in), kind, &abs);
    return r ? r : pci_result(cpu, fn(&cpu->env, in->r1, abs));
}

S390_OP(op_clp)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    /* the response is stored into the block: translate as a store */
    r = pci_operand(cpu, gr(cpu, in->r2), S390_ACC_STORE, &abs);
    return r ? r : pci_result(cpu, clp_insn(&cpu->env, abs));
}

S390_OP(op_pcistg)
{
    return pci_regs(cpu, in, pci_insn_pcistg);
}

S390_OP(op_pcilg)
{
    return pci_regs(cpu, in, pci_insn_pcilg);
}

S390_OP(op_rpcit)
{
    return pci_regs(cpu, in, pci_insn_rpcit);
}

S390_OP(op_mpcifc)
{
    return pci_fib(cpu, in, S390_ACC_FETCH, pci_insn_mpcifc);
}

S390_OP(op_stpcifc)
{
    return pci_fib(cpu, in, S390_ACC_STORE, pci_insn_stpcifc);
}

S390_OP(op_pcistb)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    r = pci_operand(cpu, ea2(cpu, in), S390_ACC_FETCH, &abs);
    return r ? r
             : pci_result(cpu, pci_insn_pcistb(&cpu->env, in->r1, in->r3, abs));
}

/* SIC: mode in R1, ISC in R3; the second operand is not used here */
S390_OP(op_sic)
{
    PRIV_CHECK(cpu);
    return pci_result(cpu, s390_sic(&cpu->env, in->r1, in->r3));
}

static const S390InsnDef pci_defs[] = {
    { 0xb9a0, FMT_RRF_C, 0, "CLP", op_clp },
    { 0xb9d0, FMT_RRE, 0, "PCISTG", op_pcistg },
    { 0xb9d2, FMT_RRE, 0, "PCILG", op_pcilg },
    { 0xb9d3, FMT_RRE, 0, "RPCIT", op_rpcit },
    { 0xe3d0, FMT_RXY_A, 0, "MPCIFC", op_mpcifc },
    { 0xe3d4, FMT_RXY_A, 0, "STPCIFC", op_stpcifc },
    { 0xebd0, FMT_RSY_A, 0, "PCISTB", op_pcistb },
    { 0xebd1, FMT_RSY_A, 0, "SIC", op_sic },
};
S390_GROUP(s390_group_pci, pci_defs);
