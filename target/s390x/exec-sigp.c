/*
 * SIGNAL PROCESSOR and SERVICE CALL: the two instructions by which a CPU
 * reaches beyond itself. Both are privileged. SIGP hands the order to the
 * configuration (S390Cpu.sigp, the machine's CPU set); SERVC hands the
 * command and the SCCB's absolute address to the SCLP
 * (sclp_service_call()). Either may have changed what the CPU must look
 * at next (a stopped CPU, a pending service signal), so both end the run
 * loop's stretch as a PSW change does.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "hw/s390x/sclp.h"

#define SIGP_CC_STATUS 1
#define SIGP_CC_NOT_OP 3

/*
 * SIGP R1,R3,D2(B2): the order code is bits 56-63 of the second-operand
 * address, the CPU address bits 48-63 of R3, the parameter in R1+1 (R1
 * when R1 is odd). A status goes to bits 32-63 of R1.
 */
S390_OP(op_sigp)
{
    uint8_t order = ea2(cpu, in) & 0xff;
    uint16_t addr = gr(cpu, in->r3) & 0xffff;
    uint64_t param = gr(cpu, in->r1 | 1);
    uint32_t status = 0;
    int cc;

    PRIV_CHECK(cpu);
    cc = cpu->sigp ? cpu->sigp(cpu, order, addr, param, &status)
                   : SIGP_CC_NOT_OP;
    if (cc == SIGP_CC_STATUS) {
        set_gr32(cpu, in->r1, status);
    }
    cpu->cc = cc;
    return S390_EXC_PSW;
}

/*
 * SERVC R1,R2: the SCLP command word in bits 32-63 of R1, the SCCB's
 * real address in R2 (prefixing applies; DAT does not).
 */
S390_OP(op_servc)
{
    uint64_t sccb = gr(cpu, in->r2);
    int r;

    PRIV_CHECK(cpu);
    r = sclp_service_call_cpu(gr32(cpu, in->r1), s390_real_to_abs(cpu, sccb),
                              cpu->env.psa);
    if (r < 0) {
        return -r;
    }
    cpu->cc = r;
    return S390_EXC_PSW;
}

static const S390InsnDef sigp_defs[] = {
    { 0xae00, FMT_RS_A, 0, "SIGP", op_sigp },
    { 0xb220, FMT_RRE, 0, "SERVC", op_servc },
};
S390_GROUP(s390_group_sigp, sigp_defs);
