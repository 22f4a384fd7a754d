/*
 * The channel-subsystem instructions from guest code: CSCH, HSCH, MSCH,
 * SSCH, STSCH, TSCH, TPI, RSCH, STCRW, SCHM, CHSC, XSCH. Each is
 * privileged; the operand address is translated here (logical to
 * absolute, through DAT) and the semantics are those of ioinst.c and chsc.c, which
 * the qtest client calls too. Their result (cc, or a negated
 * program-interruption code) becomes the instruction's.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/*
 * Logical to absolute for an operand of the I/O instructions: through
 * DAT, checked as a fetch (the operand's first byte; ioinst_*() check
 * the whole operand against storage).
 */
static int io_operand(S390Cpu *cpu, uint64_t la, uint64_t *abs)
{
    return s390_mem_to_abs(cpu, la & cpu->amask, S390_ACC_FETCH, abs);
}

/* ioinst result: cc 0-3, or -code */
static int io_result(S390Cpu *cpu, int r)
{
    if (r < 0) {
        return -r;
    }
    cpu->cc = r;
    return 0;
}

typedef int (*IoAddrFn)(CPUS390XState *env, uint64_t r1, uint64_t addr);
typedef int (*IoRegFn)(CPUS390XState *env, uint64_t r1);

static int io_addr(S390Cpu *cpu, const S390Insn *in, IoAddrFn fn)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    r = io_operand(cpu, ea2(cpu, in), &abs);
    return r ? r : io_result(cpu, fn(&cpu->env, gr(cpu, 1), abs));
}

static int io_reg(S390Cpu *cpu, IoRegFn fn)
{
    PRIV_CHECK(cpu);
    return io_result(cpu, fn(&cpu->env, gr(cpu, 1)));
}

S390_OP(op_csch)
{
    return io_reg(cpu, ioinst_csch);
}

S390_OP(op_hsch)
{
    return io_reg(cpu, ioinst_hsch);
}

S390_OP(op_rsch)
{
    return io_reg(cpu, ioinst_rsch);
}

S390_OP(op_xsch)
{
    return io_reg(cpu, ioinst_xsch);
}

S390_OP(op_msch)
{
    return io_addr(cpu, in, ioinst_msch);
}

S390_OP(op_ssch)
{
    return io_addr(cpu, in, ioinst_ssch);
}

S390_OP(op_stsch)
{
    return io_addr(cpu, in, ioinst_stsch);
}

S390_OP(op_tsch)
{
    return io_addr(cpu, in, ioinst_tsch);
}

S390_OP(op_tpi)
{
    uint64_t a = ea2(cpu, in), abs = 0;
    int r;

    PRIV_CHECK(cpu);
    /* operand address 0: the code goes to the lowcore (ioinst_tpi's 0) */
    if (a && (r = io_operand(cpu, a, &abs))) {
        return r;
    }
    return io_result(cpu, ioinst_tpi(&cpu->env, abs));
}

S390_OP(op_stcrw)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    r = io_operand(cpu, ea2(cpu, in), &abs);
    return r ? r : io_result(cpu, ioinst_stcrw(&cpu->env, abs));
}

S390_OP(op_schm)
{
    PRIV_CHECK(cpu);
    return io_result(cpu, ioinst_schm(&cpu->env, gr(cpu, 1), gr(cpu, 2)));
}

/* CHSC is RRE: the command-request block address is in R1 */
S390_OP(op_chsc)
{
    uint64_t abs;
    int r;

    PRIV_CHECK(cpu);
    r = io_operand(cpu, gr(cpu, in->r1), &abs);
    return r ? r : io_result(cpu, ioinst_chsc(&cpu->env, abs));
}

static const S390InsnDef io_defs[] = {
    { 0xb230, FMT_S, 0, "CSCH", op_csch },
    { 0xb231, FMT_S, 0, "HSCH", op_hsch },
    { 0xb232, FMT_S, 0, "MSCH", op_msch },
    { 0xb233, FMT_S, 0, "SSCH", op_ssch },
    { 0xb234, FMT_S, 0, "STSCH", op_stsch },
    { 0xb235, FMT_S, 0, "TSCH", op_tsch },
    { 0xb236, FMT_S, 0, "TPI", op_tpi },
    { 0xb238, FMT_S, 0, "RSCH", op_rsch },
    { 0xb239, FMT_S, 0, "STCRW", op_stcrw },
    { 0xb23c, FMT_S, 0, "SCHM", op_schm },
    { 0xb25f, FMT_RRE, 0, "CHSC", op_chsc },
    { 0xb276, FMT_S, 0, "XSCH", op_xsch },
};
S390_GROUP(s390_group_io, io_defs);
