/*
 * The decode cache and the execution loop. Records are kept in a
 * direct-mapped table indexed by instruction address; a record is valid
 * while its tag equals the address (tags are even, ICACHE_EMPTY is odd).
 * Every absolute 4 KiB page a cached instruction came from is marked in
 * code_pages; a store into a marked page (mem.h, mem.c) or a change of
 * the translation (prefix) flushes the whole cache.
 */
#include "qemu/osdep.h"
#include "target/s390x/insn.h"
#include "target/s390x/mem.h"

#define ICACHE_BITS  12
#define ICACHE_SIZE  (1u << ICACHE_BITS)
#define ICACHE_EMPTY UINT64_C(1)

struct S390ICacheEntry {
    uint64_t tag;
    S390Insn insn;
};

void s390_icache_flush(S390Cpu *cpu)
{
    unsigned i;

    if (!cpu->icache) {
        cpu->icache = g_new0(S390ICacheEntry, ICACHE_SIZE);
    }
    for (i = 0; i < ICACHE_SIZE; i++) {
        cpu->icache[i].tag = ICACHE_EMPTY;
    }
    if (cpu->code_pages) {
        memset(cpu->code_pages, 0, cpu->code_page_count);
    }
}

void s390_icache_notify_write(S390Cpu *cpu, uint64_t abs, uint64_t len)
{
    uint64_t first = abs >> S390_PAGE_SHIFT;
    uint64_t last = (abs + len - 1) >> S390_PAGE_SHIFT;
    uint64_t p;

    if (!len) {
        return;
    }
    for (p = first; p <= last && p < cpu->code_page_count; p++) {
        if (cpu->code_pages[p]) {
            s390_mem_code_written(cpu, abs);
            return;
        }
    }
}

/* Mark the page of real address @ra; false if it is not tracked */
static bool icache_mark(S390Cpu *cpu, uint64_t ra)
{
    uint64_t page = s390_real_to_abs(cpu, ra) >> S390_PAGE_SHIFT;

    if (page >= cpu->code_page_count) {
        return false;
    }
    cpu->code_pages[page] = 1;
    return true;
}

/*
 * Decode the instruction at @addr into @e (cached) or @tmp (when its
 * pages are not tracked); *in points at the result.
 */
static int icache_fill(S390Cpu *cpu, uint64_t addr, S390ICacheEntry *e,
                       S390Insn *tmp, const S390Insn **in)
{
    uint8_t bytes[6];
    int r = s390_insn_fetch_decode(cpu, addr, bytes, &e->insn);

    e->tag = ICACHE_EMPTY;
    if (r) {
        *tmp = e->insn;
        *in = tmp;
        return r;
    }
    /* under DAT the address is virtual: decoded each time (no tracking) */
    if (!(cpu->psw_mask & PSW_MASK_DAT) && icache_mark(cpu, addr) &&
        icache_mark(cpu, (addr + e->insn.ilen - 1) & cpu->amask)) {
        e->tag = addr;
        *in = &e->insn;
    } else {
        *tmp = e->insn;
        *in = tmp;
    }
    return 0;
}

/* A failed fetch or decode: record the exception as the CPU would */
static bool fetch_exception(S390Cpu *cpu, int code, const S390Insn *in)
{
    if (code == PGM_OPERATION) {
        /* suppressed: the PSW passes the instruction, ILC from bits 0-1 */
        cpu->psw_addr = (in->addr + in->ilen) & cpu->amask;
        return s390_program_interrupt(cpu, code, in->ilen, in->addr);
    }
    return s390_program_interrupt(cpu, code, 0, in->addr);
}

/*
 * A handler result other than 0, off the fast path: a program
 * interruption (recorded, *keep_going from the hook), an early PSW
 * exception (ILC 0) or S390_EXC_PSW (returned as it is).
 */
static int insn_exit(S390Cpu *cpu, int r, const S390Insn *in, uint64_t addr,
                     bool *keep_going)
{
    if (r == S390_EXC_PSW) {
        *keep_going = true;
        return r;
    }
    if (r & S390_EXC_EARLY) {
        r &= 0xffff;
        *keep_going = s390_program_interrupt(cpu, r, 0, cpu->psw_addr);
        return r;
    }
    *keep_going = s390_program_interrupt(cpu, r, in->ilen, addr);
    return r;
}

/* One instruction; 0 to go on, else what insn_exit() says */
static inline int exec_one(S390Cpu *cpu, bool *keep_going)
{
    uint64_t addr = cpu->psw_addr;
    S390ICacheEntry *e = &cpu->icache[(addr >> 1) & (ICACHE_SIZE - 1)];
    const S390Insn *in = &e->insn;
    S390Insn tmp;
    int r;

    /* an odd address never hits: the empty tag is odd */
    if (G_UNLIKELY(e->tag != addr || (addr & 1))) {
        r = icache_fill(cpu, addr, e, &tmp, &in);
        if (r) {
            *keep_going = fetch_exception(cpu, r, in);
            return r;
        }
    }
    cpu->psw_addr = (addr + in->ilen) & cpu->amask;
    r = in->fn(cpu, in);
    if (G_UNLIKELY(r)) {
        return insn_exit(cpu, r, in, addr, keep_going);
    }
    return 0;
}

/* After a non-zero exec_one(): leave the run loop, or LIMIT to go on */
static S390RunExit run_exit(S390Cpu *cpu, int r, bool keep_going)
{
    S390RunExit wait;

    if (!keep_going || cpu->pgm_exit) {
        return cpu->pgm_exit ? (S390RunExit)cpu->pgm_exit : S390_RUN_PGM;
    }
    wait = s390_psw_wait_state(cpu);
    if (wait != S390_RUN_LIMIT) {
        return wait;
    }
    return r == S390_EXC_PSW ? S390_RUN_PSW : S390_RUN_LIMIT;
}

S390RunExit s390_cpu_run(S390Cpu *cpu, uint64_t max_insns)
{
    S390RunExit ex = s390_psw_wait_state(cpu);
    uint64_t n;
    bool go = true;

    if (ex != S390_RUN_LIMIT) {
        return ex;
    }
    cpu->pgm_exit = 0;
    for (n = 0; n < max_insns; n++) {
        int r = exec_one(cpu, &go);

        if (G_UNLIKELY(r) && (ex = run_exit(cpu, r, go)) != S390_RUN_LIMIT) {
            cpu->icount += n + 1;
            return ex;
        }
    }
    cpu->icount += n;
    return S390_RUN_LIMIT;
}

int s390_cpu_step(S390Cpu *cpu)
{
    bool go;
    int r;

    cpu->icount++;
    cpu->pgm_exit = 0;
    r = exec_one(cpu, &go);
    return r == S390_EXC_PSW ? 0 : r;
}
