/*
 * The interpreter CPU's registers: set-up, initial reset, PSW load and
 * the addressing mode it selects, prefix.
 */
#include "qemu/osdep.h"
#include "target/s390x/cpu-state.h"
#include "target/s390x/mem.h"

void s390_cpu_init(S390Cpu *cpu, const S390MemOps *ops, void *opaque,
                   uint8_t *ram, uint64_t ram_size)
{
    memset(cpu, 0, sizeof(*cpu));
    cpu->mem_ops = ops;
    cpu->mem_opaque = opaque;
    cpu->ram = ram;
    cpu->ram_size = ram ? ram_size : 0;
    cpu->code_page_count = cpu->ram_size >> S390_PAGE_SHIFT;
    cpu->code_pages = g_malloc0(cpu->code_page_count + 1);
    cpu->skeys = g_malloc0(cpu->code_page_count + 1);
    s390_cpu_initial_reset(cpu);
    s390_icache_flush(cpu);
}

void s390_cpu_finalize(S390Cpu *cpu)
{
    g_clear_pointer(&cpu->icache, g_free);
    g_clear_pointer(&cpu->code_pages, g_free);
    g_clear_pointer(&cpu->tlb, g_free);
    g_clear_pointer(&cpu->skeys, g_free);
}

void s390_cpu_initial_reset(S390Cpu *cpu)
{
    s390_cpu_reset(&cpu->env);
    cpu->psw_mask = 0;
    cpu->psw_addr = 0;
    cpu->amask = 0xffffff;
    cpu->cc = 0;
    memset(cpu->fprs, 0, sizeof(cpu->fprs));
    cpu->fpc = 0;
    memset(cpu->aregs, 0, sizeof(cpu->aregs));
    cpu->ckc = 0;
    cpu->cpu_timer_end = 0;
    cpu->prog_param = 0;
    cpu->teid = 0;
    s390_mem_mode_update(cpu);
    cpu->pgm_code = 0;
    cpu->pgm_ilc = 0;
    if (cpu->icache) {
        s390_icache_flush(cpu); /* prefix and mode are new */
    }
}

/*
 * A cached instruction that wraps at the end of the addressing mode was
 * fetched from bytes another mode reads elsewhere: a mode change drops
 * the decode cache.
 */
static void set_amask(S390Cpu *cpu, uint64_t amask)
{
    if (cpu->amask != amask && cpu->icache) {
        s390_icache_flush(cpu);
    }
    cpu->amask = amask;
}

uint64_t s390_psw_get_mask(const S390Cpu *cpu)
{
    return cpu->psw_mask | ((uint64_t)cpu->cc << PSW_CC_SHIFT);
}

bool s390_psw_set(S390Cpu *cpu, uint64_t mask, uint64_t addr)
{
    bool ea = mask & PSW_MASK_EA, ba = mask & PSW_MASK_BA;

    if (ea && !ba) {
        return false; /* EA without BA is not a valid mode */
    }
    set_amask(cpu, ea ? UINT64_MAX : ba ? 0x7fffffff : 0xffffff);
    cpu->cc = (mask & PSW_MASK_CC) >> PSW_CC_SHIFT;
    cpu->psw_mask = mask & ~PSW_MASK_CC;
    cpu->psw_addr = addr & cpu->amask;
    s390_mem_mode_update(cpu);
    return true;
}

bool s390_psw_valid(uint64_t mask, uint64_t addr)
{
    bool ea = mask & PSW_MASK_EA, ba = mask & PSW_MASK_BA;

    if (mask & PSW_MASK_RESERVED) {
        return false;
    }
    if (ea) {
        return ba;
    }
    return addr <= (ba ? UINT64_C(0x7fffffff) : UINT64_C(0xffffff));
}

bool s390_psw_load(S390Cpu *cpu, uint64_t mask, uint64_t addr)
{
    bool ea = mask & PSW_MASK_EA, ba = mask & PSW_MASK_BA;

    set_amask(cpu, ea ? UINT64_MAX : ba ? 0x7fffffff : 0xffffff);
    cpu->cc = (mask & PSW_MASK_CC) >> PSW_CC_SHIFT;
    cpu->psw_mask = mask & ~PSW_MASK_CC;
    cpu->psw_addr = addr;
    s390_mem_mode_update(cpu);
    return s390_psw_valid(mask, addr);
}

S390RunExit s390_psw_wait_state(const S390Cpu *cpu)
{
    uint64_t enables = PSW_MASK_IO | PSW_MASK_EXT | PSW_MASK_MCHK;

    if (!(cpu->psw_mask & PSW_MASK_WAIT)) {
        return S390_RUN_LIMIT;
    }
    return (cpu->psw_mask & enables) ? S390_RUN_WAIT : S390_RUN_DISABLED_WAIT;
}

void s390_mem_mode_update(S390Cpu *cpu)
{
    bool slow = (cpu->psw_mask & (PSW_MASK_DAT | PSW_MASK_KEY)) ||
                (cpu->env.cregs[0] & PSW_BIT(35)); /* CR0 LAP */

    if (slow != cpu->slow_mem) {
        /* cached instructions were decoded under the other mode */
        s390_icache_flush(cpu);
    }
    cpu->slow_mem = slow;
    cpu->direct_size = slow ? 0 : cpu->ram_size;
}

void s390_set_prefix(S390Cpu *cpu, uint64_t prefix)
{
    cpu->env.psa = prefix & UINT64_C(0x7fffe000);
    s390_icache_flush(cpu);
}
