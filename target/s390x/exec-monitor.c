/*
 * MONITOR CALL: a monitor event (program interruption 0x0040, after
 * the instruction completed) when CR8 enables the class named in bits
 * 12-15 of I2, else nothing. The class goes to lowcore 0x94-0x95, the
 * operand address (the monitor code) to 0xb0-0xb7. Linux's BUG() and
 * WARN() are monitor calls of class 0.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* CR8 bits 48-63: the monitor masks of classes 0-15 */
#define CR8_MONITOR_MASK(c) (UINT64_C(1) << (15 - (c)))

S390_OP(op_mc)
{
    unsigned cls = in->i2 & 0xf;

    if (in->i2 & 0xf0) {
        return PGM_SPECIFICATION;
    }
    if (!(cpu->env.cregs[8] & CR8_MONITOR_MASK(cls))) {
        return 0;
    }
    cpu->mon_class = cls;
    cpu->mon_code = ea_bd(cpu, in->b1, in->d1);
    return PGM_MONITOR_EVENT;
}

static const S390InsnDef monitor_defs[] = {
    { 0xaf00, FMT_SI, 0, "MC", op_mc },
};
S390_GROUP(s390_group_monitor, monitor_defs);
