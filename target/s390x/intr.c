/*
 * Interruptions of the interpreter CPU through the lowcore: each class
 * stores its identification (codes, ILC, parameters), the current PSW
 * as its old PSW, and loads its new PSW. A new PSW that is invalid is
 * loaded as it is and raises the early specification exception, with
 * the invalid PSW as the program old PSW; an invalid program new PSW
 * would repeat that forever, so the CPU stops instead.
 */
#include "qemu/osdep.h"
#include "target/s390x/lowcore.h"
#include "target/s390x/mem.h"
#include "target/s390x/clock.h"

static void lc_put(S390Cpu *cpu, uint64_t off, uint64_t v, unsigned len)
{
    uint8_t b[8];

    stq_be_p(b, v << (64 - 8 * len));
    s390_real_access(cpu, off, b, len, S390_ACC_STORE);
}

static uint64_t lc_get64(S390Cpu *cpu, uint64_t off)
{
    uint8_t b[8] = { 0 };

    s390_real_access(cpu, off, b, 8, S390_ACC_FETCH);
    return ldq_be_p(b);
}

/* Store the current PSW at @old_off */
static void psw_store_old(S390Cpu *cpu, uint64_t old_off)
{
    lc_put(cpu, old_off, s390_psw_get_mask(cpu), 8);
    lc_put(cpu, old_off + 8, cpu->psw_addr, 8);
}

static bool psw_fetch_new(S390Cpu *cpu, uint64_t new_off)
{
    return s390_psw_load(cpu, lc_get64(cpu, new_off),
                         lc_get64(cpu, new_off + 8));
}

/* The early exception of an invalid new PSW: a program interruption */
static bool early_specification(S390Cpu *cpu)
{
    lc_put(cpu, LC_PGM_ILC, 0, 2);
    lc_put(cpu, LC_PGM_CODE, PGM_SPECIFICATION, 2);
    psw_store_old(cpu, LC_PGM_OLD);
    cpu->pgm_code = PGM_SPECIFICATION;
    cpu->pgm_ilc = 0;
    cpu->pgm_addr = cpu->psw_addr;
    if (!psw_fetch_new(cpu, LC_PGM_NEW)) {
        cpu->pgm_exit = S390_RUN_PSW_LOOP;
        return false;
    }
    return true;
}

/* Old PSW out, new PSW in; false if even the program new PSW failed */
static bool psw_swap(S390Cpu *cpu, uint64_t old_off, uint64_t new_off)
{
    psw_store_old(cpu, old_off);
    if (psw_fetch_new(cpu, new_off)) {
        return true;
    }
    if (new_off == LC_PGM_NEW) {
        cpu->pgm_exit = S390_RUN_PSW_LOOP;
        return false;
    }
    return early_specification(cpu);
}

static bool pgm_is_translation(uint16_t code)
{
    switch (code & 0x7f) {
    case 0x04: /* protection: TEID when DAT or key said no */
    case 0x10:
    case 0x11:
    case 0x38:
    case 0x39:
    case 0x3a:
    case 0x3b:
        return true;
    default:
        return false;
    }
}

bool s390_intr_pgm_lowcore(S390Cpu *cpu, void *opaque)
{
    lc_put(cpu, LC_PGM_ILC, cpu->pgm_ilc, 2);
    lc_put(cpu, LC_PGM_CODE, cpu->pgm_code, 2);
    if (pgm_is_translation(cpu->pgm_code)) {
        lc_put(cpu, LC_TEID, cpu->teid, 8);
    }
    if ((cpu->pgm_code & 0x7f) == PGM_DATA) {
        lc_put(cpu, LC_DXC, cpu->dxc, 4);
    }
    if (cpu->pgm_code & PGM_MONITOR_EVENT) {
        lc_put(cpu, LC_MON_CLASS, cpu->mon_class, 2);
        lc_put(cpu, LC_MON_CODE, cpu->mon_code, 8);
    }
    return psw_swap(cpu, LC_PGM_OLD, LC_PGM_NEW);
}

int s390_intr_svc(S390Cpu *cpu, uint8_t code, uint8_t ilen)
{
    lc_put(cpu, LC_SVC_ILC, ilen, 2);
    lc_put(cpu, LC_SVC_CODE, code, 2);
    psw_swap(cpu, LC_SVC_OLD, LC_SVC_NEW); /* a loop sets pgm_exit */
    return S390_EXC_PSW;
}

/* CR0 bit of the subclass mask that enables @code (-1: none) */
static int ext_subclass_bit(uint16_t code)
{
    switch (code) {
    case EXT_MALFUNCTION:
        return 48;
    case EXT_EMERGENCY:
        return 49;
    case EXT_EXTERNAL_CALL:
        return 50;
    case EXT_CLOCK_COMP:
        return 52;
    case EXT_CPU_TIMER:
        return 53;
    case EXT_SERVICE_SIGNAL:
        return 54;
    case EXT_INTERRUPT_KEY:
        return 57;
    default:
        return -1;
    }
}

bool s390_ext_enabled(const S390Cpu *cpu, uint16_t code)
{
    int bit = ext_subclass_bit(code);

    if (!(cpu->psw_mask & PSW_MASK_EXT) || bit < 0) {
        return false;
    }
    return (cpu->env.cregs[0] >> (63 - bit)) & 1;
}

bool s390_intr_external(S390Cpu *cpu, uint16_t code, uint16_t src_cpu,
                        uint32_t param)
{
    if (!s390_ext_enabled(cpu, code)) {
        return false;
    }
    lc_put(cpu, LC_EXT_PARAM, param, 4);
    lc_put(cpu, LC_EXT_CPU_ADDR, src_cpu, 2);
    lc_put(cpu, LC_EXT_CODE, code, 2);
    psw_swap(cpu, LC_EXT_OLD, LC_EXT_NEW);
    return true;
}

bool s390_intr_io(S390Cpu *cpu)
{
    S390IoIntr io;

    if (!(cpu->psw_mask & PSW_MASK_IO) || !s390_io_intr_take(&cpu->env, &io)) {
        return false;
    }
    /* the css stored these already; again through the CPU's own view */
    lc_put(cpu, LC_SUBCHANNEL_ID, io.sid, 4);
    lc_put(cpu, LC_IO_INT_PARM, io.intparm, 4);
    lc_put(cpu, LC_IO_INT_WORD, io.iid, 4);
    psw_swap(cpu, LC_IO_OLD, LC_IO_NEW);
    return true;
}

bool s390_intr_mchk_crw(S390Cpu *cpu)
{
    if (!(cpu->psw_mask & PSW_MASK_MCHK) ||
        !(cpu->env.cregs[14] & CR14_CRW_MASK) ||
        !s390_crw_mchk_pending(&cpu->env)) {
        return false;
    }
    lc_put(cpu, LC_MCHK_CODE, MCHK_CODE_CRW, 8);
    psw_swap(cpu, LC_MCHK_OLD, LC_MCHK_NEW);
    return true;
}

void s390_intr_restart(S390Cpu *cpu)
{
    psw_swap(cpu, LC_RESTART_OLD, LC_RESTART_NEW);
}

bool s390_intr_poll(S390Cpu *cpu)
{
    if (s390_intr_mchk_crw(cpu)) {
        return true;
    }
    if (s390_ckc_pending(cpu) &&
        s390_intr_external(cpu, EXT_CLOCK_COMP, 0, 0)) {
        return true;
    }
    if (s390_cpu_timer_pending(cpu) &&
        s390_intr_external(cpu, EXT_CPU_TIMER, 0, 0)) {
        return true;
    }
    return s390_intr_io(cpu);
}
