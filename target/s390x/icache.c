/*
 * The decode cache and the execution loop. The cache holds blocks: the
 * instructions that follow each other from a start address, decoded in a
 * row (up to ICACHE_BLOCK_INSNS, ending where the next one might reach
 * another 4 KiB page or fails to decode). Blocks sit in a
 * direct-mapped table indexed by start address; a block is valid while
 * its tag equals that address (tags are even, ICACHE_EMPTY is odd).
 * Every absolute 4 KiB page a cached instruction came from is marked in
 * code_pages; a store into a marked page (mem.h, mem.c) or a change of
 * the translation (prefix, mode) flushes the whole cache, which the loop
 * sees after the instruction that stored: the block it runs is empty.
 * Under DAT nothing is cached (each instruction is decoded when run).
 */
#include "qemu/osdep.h"
#include "target/s390x/insn.h"
#include "target/s390x/mem.h"

#define ICACHE_BITS        12
#define ICACHE_SIZE        (1u << ICACHE_BITS)
#define ICACHE_BLOCK_INSNS 16
#define ICACHE_EMPTY       UINT64_C(1)
#define ICACHE_PAGE        (UINT64_C(1) << S390_PAGE_SHIFT)

typedef struct ICacheSlot {
    S390Insn insn;
    uint64_t next; /* the address after it, wrapped as the mode does */
} ICacheSlot;

typedef struct ICacheBlock {
    unsigned count;
    ICacheSlot slot[ICACHE_BLOCK_INSNS];
} ICacheBlock;

/*
 * The tags apart from the blocks: a flush writes only them, and block
 * storage no code was decoded into is never touched (so never resident)
 */
struct S390ICacheEntry {
    uint64_t tag[ICACHE_SIZE];
    ICacheBlock block[ICACHE_SIZE];
};

void s390_icache_flush(S390Cpu *cpu)
{
    unsigned i;

    if (!cpu->icache) {
        cpu->icache = g_new0(S390ICacheEntry, 1);
    }
    for (i = 0; i < ICACHE_SIZE; i++) {
        cpu->icache->tag[i] = ICACHE_EMPTY;
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
 * Decode the block at @addr (even, DAT off) into entry @idx; it stays
 * empty when not even the first instruction can be cached (a fetch or
 * decode failure, which running it uncached reports, or an untracked
 * page).
 */
static G_GNUC_NO_INLINE void block_fill(S390Cpu *cpu, uint64_t addr,
                                        unsigned idx)
{
    ICacheBlock *b = &cpu->icache->block[idx];
    uint64_t a = addr;
    uint8_t bytes[6];
    unsigned n = 0;

    cpu->icache->tag[idx] = ICACHE_EMPTY;
    while (n < ICACHE_BLOCK_INSNS) {
        ICacheSlot *s = &b->slot[n];

        /*
         * Past the first, only instructions that cannot reach the next
         * page: fetching ahead has no effect elsewhere (reference bits)
         */
        if (n && (a & (ICACHE_PAGE - 1)) > ICACHE_PAGE - 6) {
            break;
        }
        if (s390_insn_fetch_decode(cpu, a, bytes, &s->insn) ||
            !icache_mark(cpu, a) ||
            !icache_mark(cpu, (a + s->insn.ilen - 1) & cpu->amask)) {
            break;
        }
        s->next = (a + s->insn.ilen) & cpu->amask;
        n++;
        if ((s->next ^ addr) >> S390_PAGE_SHIFT) {
            break;
        }
        a = s->next;
    }
    if (n) {
        b->count = n;
        cpu->icache->tag[idx] = addr;
    }
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

/* One instruction, decoded now; 0 to go on, else what insn_exit() says */
static G_GNUC_NO_INLINE int exec_uncached(S390Cpu *cpu, bool *keep_going)
{
    uint64_t addr = cpu->psw_addr;
    uint8_t bytes[6];
    S390Insn in;
    int r = s390_insn_fetch_decode(cpu, addr, bytes, &in);

    if (r) {
        *keep_going = fetch_exception(cpu, r, &in);
        return r;
    }
    cpu->psw_addr = (addr + in.ilen) & cpu->amask;
    r = in.fn(cpu, &in);
    if (G_UNLIKELY(r)) {
        return insn_exit(cpu, r, &in, addr, keep_going);
    }
    return 0;
}

/* After a non-zero result: leave the run loop, or LIMIT to go on */
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

/*
 * Run block @idx, at most *left instructions (less those that ran on
 * return): each sets the PSW past itself and runs; the block is left on
 * a result other than 0, on a PSW that is not the next instruction's
 * address (a branch) and when a store emptied the cache.
 */
static inline int block_run(S390Cpu *cpu, unsigned idx, uint64_t *left,
                            bool *keep_going)
{
    const ICacheSlot *s = cpu->icache->block[idx].slot;
    const uint64_t *tag = &cpu->icache->tag[idx];
    uint64_t start = *tag;
    unsigned k = MIN(cpu->icache->block[idx].count, *left);
    int r;

    *left -= k;
    for (;;) {
        cpu->psw_addr = s->next;
        r = s->insn.fn(cpu, &s->insn);
        k--;
        if (G_UNLIKELY(r)) {
            r = insn_exit(cpu, r, &s->insn, s->insn.addr, keep_going);
            break;
        }
        if (!k || cpu->psw_addr != s->next || *tag != start) {
            break;
        }
        s++;
    }
    *left += k; /* those that did not run */
    return r;
}

/* Instructions from the PSW (see block_run), or one uncached */
static inline __attribute__((always_inline)) int
exec_some(S390Cpu *cpu, uint64_t *left, bool *keep_going)
{
    uint64_t addr = cpu->psw_addr;
    unsigned idx = (addr >> 1) & (ICACHE_SIZE - 1);

    /*
     * An odd address never hits: the empty tag is odd. Blocks hold real
     * addresses: not used under DAT (turning DAT on flushes only when the
     * direct path goes, so a block may still be there).
     */
    if (G_UNLIKELY(cpu->icache->tag[idx] != addr ||
                   ((addr & 1) | (cpu->psw_mask & PSW_MASK_DAT)))) {
        if (!(addr & 1) && !(cpu->psw_mask & PSW_MASK_DAT)) {
            block_fill(cpu, addr, idx);
        }
        if (cpu->icache->tag[idx] != addr ||
            ((addr & 1) | (cpu->psw_mask & PSW_MASK_DAT))) {
            --*left;
            return exec_uncached(cpu, keep_going);
        }
    }
    return block_run(cpu, idx, left, keep_going);
}

S390RunExit s390_cpu_run(S390Cpu *cpu, uint64_t max_insns)
{
    S390RunExit ex = s390_psw_wait_state(cpu);
    uint64_t left = max_insns;
    bool go = true;

    if (ex != S390_RUN_LIMIT) {
        return ex;
    }
    cpu->pgm_exit = 0;
    while (left) {
        int r = exec_some(cpu, &left, &go);

        if (G_UNLIKELY(r) && (ex = run_exit(cpu, r, go)) != S390_RUN_LIMIT) {
            cpu->icount += max_insns - left;
            return ex;
        }
    }
    cpu->icount += max_insns;
    return S390_RUN_LIMIT;
}

int s390_cpu_step(S390Cpu *cpu)
{
    uint64_t left = 1;
    bool go;
    int r;

    cpu->icount++;
    cpu->pgm_exit = 0;
    r = exec_some(cpu, &left, &go);
    return r == S390_EXC_PSW ? 0 : r;
}
