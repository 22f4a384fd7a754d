/*
 * The SIGP orders as the configuration carries them out, and the store
 * status operation. Orders take effect at once (all CPUs run on one
 * thread, between instructions of each other), so the busy condition
 * (cc 2) never arises.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/cpus.h"
#include "target/s390x/clock.h"
#include "target/s390x/mem.h"

/* order codes */
#define SIGP_SENSE           0x01
#define SIGP_EXTERNAL_CALL   0x02
#define SIGP_EMERGENCY       0x03
#define SIGP_START           0x04
#define SIGP_STOP            0x05
#define SIGP_RESTART         0x06
#define SIGP_STOP_STORE      0x09
#define SIGP_INITIAL_RESET   0x0b
#define SIGP_CPU_RESET       0x0c
#define SIGP_SET_PREFIX      0x0d
#define SIGP_STORE_STATUS_AT 0x0e
#define SIGP_SET_ARCH        0x12
#define SIGP_SENSE_RUNNING   0x15

/* status bits (bits 32-63 of R1) */
#define SIGP_STAT_NOT_RUNNING     0x00000400u
#define SIGP_STAT_INCORRECT_STATE 0x00000200u
#define SIGP_STAT_INVALID_PARAM   0x00000100u
#define SIGP_STAT_EXT_CALL        0x00000080u
#define SIGP_STAT_STOPPED         0x00000040u
#define SIGP_STAT_CHECK_STOP      0x00000010u
#define SIGP_STAT_INVALID_ORDER   0x00000002u

#define CC_ACCEPTED 0
#define CC_STATUS   1
#define CC_NOT_OP   3

/* lowcore byte that store status with the architecture mode sets */
#define LC_AR_MODE_ID 0xa3

static void put64(uint8_t *p, uint64_t v)
{
    stq_be_p(p, v);
}

void s390_cpus_store_status(S390MachCpu *c, uint64_t abs)
{
    S390Cpu *cpu = &c->cpu;
    uint8_t sa[512] = { 0 };

    for (unsigned i = 0; i < 16; i++) {
        put64(sa + 8 * i, cpu->fprs[i]);
        put64(sa + 0x80 + 8 * i, cpu->env.regs[i]);
        stl_be_p(sa + 0x140 + 4 * i, cpu->aregs[i]);
        put64(sa + 0x180 + 8 * i, cpu->env.cregs[i]);
    }
    put64(sa + 0x100, s390_psw_get_mask(cpu));
    put64(sa + 0x108, cpu->psw_addr);
    stl_be_p(sa + 0x118, cpu->env.psa);
    stl_be_p(sa + 0x11c, cpu->fpc);
    stl_be_p(sa + 0x124, cpu->tod_pf);
    put64(sa + 0x128, s390_cpu_timer_value(cpu));
    put64(sa + 0x130, cpu->ckc >> 8);
    address_space_write(&address_space_memory, abs, MEMTXATTRS_UNSPECIFIED, sa,
                        sizeof(sa));
    if (abs == 0x1200) {
        uint8_t one = 1; /* z/Architecture mode */

        address_space_write(&address_space_memory, LC_AR_MODE_ID,
                            MEMTXATTRS_UNSPECIFIED, &one, 1);
    }
}

static int status(uint32_t *out, uint32_t bits)
{
    *out = bits;
    return CC_STATUS;
}

static bool ram_holds(S390MachCpu *c, uint64_t abs, uint64_t len)
{
    return abs < c->cpu.ram_size && len <= c->cpu.ram_size - abs;
}

static int sigp_sense(S390MachCpu *t, uint32_t *st)
{
    uint32_t bits = 0;

    if (t->run != S390_CPU_OPERATING) {
        bits |= SIGP_STAT_STOPPED;
    }
    if (t->run == S390_CPU_CHECK_STOP) {
        bits |= SIGP_STAT_CHECK_STOP;
    }
    if (t->ext_call) {
        bits |= SIGP_STAT_EXT_CALL;
    }
    return bits ? status(st, bits) : CC_ACCEPTED;
}

/* As QEMU: only z/Architecture exists, the order is always refused */
static int sigp_set_arch(S390MachCpu *src, uint32_t *st)
{
    for (unsigned i = 0; i < s390_cpus_count(); i++) {
        S390MachCpu *c = s390_cpus_get(i);

        if (c != src && c->run != S390_CPU_STOPPED) {
            return status(st, SIGP_STAT_INCORRECT_STATE);
        }
    }
    return status(st, SIGP_STAT_INVALID_PARAM);
}

int s390_sigp_order(S390Cpu *cpu, uint8_t order, uint16_t addr, uint64_t param,
                    uint32_t *st)
{
    S390MachCpu *src = cpu->sys_opaque, *t = s390_cpus_get(addr);
    uint64_t a;

    if (!t) {
        return CC_NOT_OP;
    }
    switch (order) {
    case SIGP_SENSE:
        return sigp_sense(t, st);
    case SIGP_EXTERNAL_CALL:
        if (t->ext_call) {
            return status(st, SIGP_STAT_EXT_CALL);
        }
        t->ext_call = true;
        t->ext_call_src = cpu->cpu_addr;
        return CC_ACCEPTED;
    case SIGP_EMERGENCY:
        t->emergency[cpu->cpu_addr] = 1;
        return CC_ACCEPTED;
    case SIGP_START:
        if (t->run == S390_CPU_STOPPED) {
            t->run = S390_CPU_OPERATING;
        }
        return CC_ACCEPTED;
    case SIGP_STOP:
    case SIGP_STOP_STORE:
        s390_cpus_stop(t, order == SIGP_STOP_STORE);
        return CC_ACCEPTED;
    case SIGP_RESTART:
        if (t->run == S390_CPU_CHECK_STOP) {
            return status(st, SIGP_STAT_CHECK_STOP);
        }
        t->restart = true;
        t->run = S390_CPU_OPERATING;
        return CC_ACCEPTED;
    case SIGP_INITIAL_RESET:
    case SIGP_CPU_RESET:
        s390_cpus_reset_one(t, order == SIGP_INITIAL_RESET);
        return CC_ACCEPTED;
    case SIGP_SET_PREFIX:
        a = param & UINT64_C(0x7fffe000);
        if (t->run != S390_CPU_STOPPED) {
            return status(st, SIGP_STAT_INCORRECT_STATE);
        }
        if (!ram_holds(t, a, 0x2000)) {
            return status(st, SIGP_STAT_INVALID_PARAM);
        }
        s390_set_prefix(&t->cpu, a);
        return CC_ACCEPTED;
    case SIGP_STORE_STATUS_AT:
        a = param & UINT64_C(0x7ffffe00);
        if (t->run != S390_CPU_STOPPED) {
            return status(st, SIGP_STAT_INCORRECT_STATE);
        }
        if (!ram_holds(t, a, 512)) {
            return status(st, SIGP_STAT_INVALID_PARAM);
        }
        s390_cpus_store_status(t, a);
        return CC_ACCEPTED;
    case SIGP_SET_ARCH:
        return sigp_set_arch(src, st);
    case SIGP_SENSE_RUNNING:
        if (t->run == S390_CPU_OPERATING &&
            !(t->cpu.psw_mask & PSW_MASK_WAIT)) {
            return CC_ACCEPTED;
        }
        return status(st, SIGP_STAT_NOT_RUNNING);
    default:
        return status(st, SIGP_STAT_INVALID_ORDER);
    }
}
