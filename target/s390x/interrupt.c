/*
 * CPU 0's state and the delivery of I/O interruptions and the
 * machine-check (channel report) pending indication to it.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/cpu.h"
#include "hw/s390x/css.h"
#include "hw/s390x/cpu-reset.h"
#include "qemu/module.h"

#define IID_ISC_SHIFT 27 /* ISC in bits 2-4 of the identification word */
#define IID_ADAPTER   0x80000000u /* bit 0: an adapter interruption */

static CPUS390XState cpu0;

void s390_cpu_reset(CPUS390XState *env)
{
    memset(env, 0, sizeof(*env));
    /* initial CPU reset: CR0 and CR14 as architected, CR6 all disabled */
    env->cregs[0] = 0xe0;
    env->cregs[14] = 0xc2000000;
}

CPUS390XState *s390_cpu_env(int index)
{
    static bool initialized;

    if (!initialized) {
        s390_cpu_reset(&cpu0);
        initialized = true;
    }
    return index == 0 ? &cpu0 : NULL;
}

/* What the machine's system reset does to the CPUs. */
static void s390_cpus_reset(void)
{
    s390_cpu_reset(s390_cpu_env(0));
    css_adapter_reset();
}

static void s390_cpu_register_reset(void)
{
    s390_machine_set_cpu_reset(s390_cpus_reset);
}

type_init(s390_cpu_register_reset)

bool s390_io_intr_take(CPUS390XState *env, S390IoIntr *out)
{
    CssIoIntr ci;
    uint8_t lc[12];

    if (!css_intr_accept(s390_io_isc_mask(env), &ci)) {
        return false;
    }
    out->sid = ci.sid;
    out->intparm = ci.intparm;
    out->isc = ci.isc;
    out->iid = (uint32_t)ci.isc << IID_ISC_SHIFT;
    if (ci.adapter) {
        out->iid |= IID_ADAPTER;
    }
    stl_be_p(lc, out->sid);
    stl_be_p(lc + 4, out->intparm);
    stl_be_p(lc + 8, out->iid);
    ioinst_store(env->psa + LC_SUBCHANNEL_ID, lc, sizeof(lc));
    return true;
}

bool s390_crw_mchk_pending(CPUS390XState *env)
{
    return css_crw_pending();
}

/*
 * SET INTERRUPTION CONTROLS: the mode in bits 48-63 of register @r1,
 * the ISC in bits 32-36 of register @r3.  Modes other than 0 and 1:
 * operand exception.  No condition code (0 here).
 */
int s390_sic(CPUS390XState *env, int r1, int r3)
{
    unsigned mode = env->regs[r1] & 0xffff;
    uint8_t isc = (env->regs[r3] >> IID_ISC_SHIFT) & CSS_MAX_ISC;

    return css_adapter_set_mode(isc, mode) ? 0 : -PGM_OPERAND;
}
