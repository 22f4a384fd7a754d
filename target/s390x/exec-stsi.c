/*
 * STORE SYSTEM INFORMATION (privileged). The function code is bits
 * 32-35 of R0, selector 1 bits 56-63 of R0, selector 2 bits 48-63 of
 * R1; bits 36-55 of R0 and 32-47 of R1 are reserved. As QEMU's TCG: a
 * function code above 3 is cc 3 before any other check; reserved bits
 * set are a specification exception; function code 0 puts the current
 * level (3, a virtual machine) in bits 32-35 of R0 (36-63 zero); else
 * the SYSIB address must be 4 KiB aligned, and a block the
 * configuration does not have is cc 3 with nothing stored.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/sysib.h"
#include "target/s390x/cpus.h"
#include "sysemu/sysemu.h"

#define STSI_R0_FC_SHIFT 28
#define STSI_R0_RESERVED UINT32_C(0x0fffff00)
#define STSI_R1_RESERVED UINT32_C(0xffff0000)
#define STSI_LEVEL_VM    3

static void stsi_info(const S390Cpu *cpu, S390SysInfo *info)
{
    unsigned n = s390_cpus_count(), max = s390_cpus_max();

    info->machine_type = (uint16_t)(cpu->cpuid >> 16);
    info->cpu_addr = cpu->cpu_addr;
    info->conf_cpus = n ? n : 1;
    info->total_cpus = MAX(max, info->conf_cpus);
    info->name = qemu_get_name();
    info->uuid = qemu_uuid;
}

S390_OP(op_stsi)
{
    uint32_t r0 = gr32(cpu, 0), r1 = gr32(cpu, 1);
    unsigned fc = r0 >> STSI_R0_FC_SHIFT;
    uint64_t a = ea2(cpu, in);
    g_autofree uint8_t *sysib = NULL;
    S390SysInfo info;
    int r;

    PRIV_CHECK(cpu);
    if (fc > STSI_LEVEL_VM) {
        cpu->cc = 3;
        return 0;
    }
    if ((r0 & STSI_R0_RESERVED) || (r1 & STSI_R1_RESERVED)) {
        return PGM_SPECIFICATION;
    }
    if (fc == 0) {
        set_gr32(cpu, 0, STSI_LEVEL_VM << STSI_R0_FC_SHIFT);
        cpu->cc = 0;
        return 0;
    }
    if (a & (S390_SYSIB_SIZE - 1)) {
        return PGM_SPECIFICATION;
    }
    stsi_info(cpu, &info);
    sysib = g_malloc(S390_SYSIB_SIZE);
    if (!s390_sysib_build(sysib, fc, r0 & 0xff, r1 & 0xffff, &info)) {
        cpu->cc = 3;
        return 0;
    }
    r = s390_mem_write(cpu, a, sysib, S390_SYSIB_SIZE);
    if (!r) {
        cpu->cc = 0;
    }
    return r;
}

static const S390InsnDef stsi_defs[] = {
    { 0xb27d, FMT_S, 0, "STSI", op_stsi },
};
S390_GROUP(s390_group_stsi, stsi_defs);
