/*
 * The interpreter's view of one s390x CPU: the architected registers
 * (PSW, general, floating-point, control and access registers, prefix,
 * clocks) around the CPUS390XState that the I/O instruction semantics
 * (ioinst.c, chsc.c) already take, the storage backend it reaches guest
 * memory through, and the decode cache.
 *
 * S390Cpu embeds CPUS390XState as its first member, so &cpu->env is what
 * ioinst_*() want: general registers, control registers and the prefix
 * live there and nowhere else.
 */
#ifndef TARGET_S390X_CPU_STATE_H
#define TARGET_S390X_CPU_STATE_H

#include "qemu/osdep.h"
#include "target/s390x/cpu.h"

/* PSW mask bits (bit 0 is the leftmost of the 64-bit mask) */
#define PSW_BIT(n)         (UINT64_C(1) << (63 - (n)))
#define PSW_MASK_PER       PSW_BIT(1)
#define PSW_MASK_DAT       PSW_BIT(5)
#define PSW_MASK_IO        PSW_BIT(6)
#define PSW_MASK_EXT       PSW_BIT(7)
#define PSW_MASK_KEY       (UINT64_C(0xf) << 52) /* bits 8-11 */
#define PSW_MASK_MCHK      PSW_BIT(13)
#define PSW_MASK_WAIT      PSW_BIT(14)
#define PSW_MASK_PSTATE    PSW_BIT(15)
#define PSW_MASK_ASC       (UINT64_C(3) << 46) /* bits 16-17 */
#define PSW_MASK_CC        (UINT64_C(3) << 44) /* bits 18-19 */
#define PSW_CC_SHIFT       44
#define PSW_MASK_PM        (UINT64_C(0xf) << 40) /* bits 20-23 */
#define PSW_PM_SHIFT       40
#define PSW_MASK_FIXPT_OVF PSW_BIT(20)
#define PSW_MASK_DEC_OVF   PSW_BIT(21)
#define PSW_MASK_EA        PSW_BIT(31)
#define PSW_MASK_BA        PSW_BIT(32)
/* bits that must be zero in a z/Architecture PSW (0, 2-4, 12, 24-30, 33-63) */
#define PSW_MASK_RESERVED                                                      \
    (PSW_BIT(0) | PSW_BIT(2) | PSW_BIT(3) | PSW_BIT(4) | PSW_BIT(12) |         \
     (UINT64_C(0x7f) << 33) | UINT64_C(0x7fffffff))
/* the system mask: bits 0-7 (PER, DAT, I/O, external) */
#define PSW_SYSMASK_SHIFT 56

/* Program-interruption codes beyond those of cpu.h */
#define PGM_EXECUTE        0x0003
#define PGM_PROTECTION     0x0004
#define PGM_DATA           0x0007
#define PGM_FIXPT_OVERFLOW 0x0008
#define PGM_FIXPT_DIVIDE   0x0009
#define PGM_SEGMENT_TRANS  0x0010
#define PGM_PAGE_TRANS     0x0011
#define PGM_SPECIAL_OP     0x0013
#define PGM_MONITOR_EVENT  0x0040

/*
 * Handler results beyond 0 and a program-interruption code (the run loop
 * sorts them out off its fast path):
 * S390_EXC_PSW    completed, and the PSW mask changed (LPSW, SSM, ...):
 *                 the run loop returns so that the caller re-checks wait
 *                 state and pending interruptions;
 * S390_EXC_EARLY  ORed with a code: an exception of a PSW just loaded
 *                 (invalid PSW), reported with ILC 0.
 */
#define S390_EXC_PSW   0x10000
#define S390_EXC_EARLY 0x20000

/*
 * The host clock the TOD clock runs from, in nanoseconds since any fixed
 * point (monotonic). The machine passes one in, the tests a fake.
 */
typedef uint64_t (*S390HostClock)(void *opaque);

typedef enum S390Access {
    S390_ACC_FETCH,  /* operand fetch */
    S390_ACC_STORE,  /* operand store */
    S390_ACC_IFETCH, /* instruction fetch (also the target of EX) */
} S390Access;

/*
 * Guest storage behind the CPU, at absolute addresses (the CPU applies
 * translation and prefixing). access() moves @len bytes, never crossing
 * a 4 KiB boundary, and returns 0 or a program-interruption code
 * (PGM_ADDRESSING for storage that is not there). @ram/@ram_size, when
 * set, let the CPU reach absolute [0, ram_size) directly instead.
 */
typedef struct S390MemOps {
    int (*access)(void *opaque, uint64_t abs, void *buf, uint32_t len,
                  S390Access kind);
} S390MemOps;

typedef struct S390Insn S390Insn;
typedef struct S390ICacheEntry S390ICacheEntry;
typedef struct S390TlbEntry S390TlbEntry;
typedef struct S390Cpu S390Cpu;

/*
 * Called after a program interruption was recorded (cpu->pgm_*). Lowcore
 * delivery plugs in here; return true to keep running (the hook loaded a
 * new PSW), false to leave s390_cpu_run().
 */
typedef bool (*S390PgmHook)(S390Cpu *cpu, void *opaque);

/*
 * SIGNAL PROCESSOR as the configuration carries it out (the machine's
 * CPU set, cpus.c): @order to the CPU at address @addr with parameter
 * @param. Returns the condition code; for cc 1 the status word in
 * *@status. Without one (a lone CPU) every address is cc 3.
 */
typedef int (*S390SigpFn)(S390Cpu *cpu, uint8_t order, uint16_t addr,
                          uint64_t param, uint32_t *status);

struct S390Cpu {
    CPUS390XState env; /* regs[16], cregs[16], psa (prefix) */

    /* PSW: mask without the condition code (kept in cc), address */
    uint64_t psw_mask;
    uint64_t psw_addr;
    uint64_t amask; /* 0xffffff, 0x7fffffff or all ones */
    uint8_t cc;

    uint64_t fprs[16];  /* floating-point registers */
    uint32_t fpc;       /* floating-point-control register */
    uint32_t aregs[16]; /* access registers */

    /* clocks (cpu-clock.c): TOD = host clock in TOD units + tod_offset */
    S390HostClock clock;
    void *clock_opaque;
    uint64_t tod_offset;
    uint64_t tod_last;      /* last value STCK/STCKE stored (uniqueness) */
    uint64_t ckc;           /* clock comparator */
    uint64_t cpu_timer_end; /* TOD value at which the CPU timer is zero */
    uint16_t tod_pf;        /* TOD programmable field (STCKE bytes 14-15) */
    uint64_t prog_param;    /* program-parameter register (LPP) */

    uint16_t cpu_addr; /* CPU address (STAP, external-interruption source) */
    uint64_t cpuid;    /* STIDP's CPU identification */
    uint64_t teid;     /* translation-exception identification */

    /* storage */
    const S390MemOps *mem_ops;
    void *mem_opaque;
    uint8_t *ram; /* direct window at absolute 0, or NULL */
    uint64_t ram_size;
    /*
     * DAT, low-address protection or a non-zero PSW key (storage keys to
     * check) is on: every access takes the slow
     * path (mem.c). Recomputed by s390_mem_mode_update().
     */
    bool slow_mem;
    uint64_t direct_size; /* ram_size, or 0 when slow_mem */
    S390TlbEntry *tlb;    /* dat.c */
    uint8_t *skeys;       /* storage key per 4 KiB frame of ram (skey.c) */

    /* the last program interruption */
    uint16_t pgm_code;
    uint8_t pgm_ilc;   /* instruction length in bytes (0, 2, 4, 6) */
    uint64_t pgm_addr; /* address of the instruction (or EX) */
    uint8_t dxc;       /* data-exception code of a PGM_DATA */
    uint8_t mon_class; /* monitor event (code bit 0x40): MC's class ... */
    uint64_t mon_code; /* ... and operand address */
    S390PgmHook pgm_hook;
    void *pgm_hook_opaque;
    uint8_t pgm_exit; /* S390RunExit a hook that said stop asks for */

    /* decode cache (icache.c) */
    S390ICacheEntry *icache;
    uint8_t *code_pages; /* per 4 KiB absolute page: code decoded */
    uint64_t code_page_count;

    uint64_t icount; /* instructions executed */

    /* the configuration: SIGP, and who this CPU is in it */
    S390SigpFn sigp;
    void *sys_opaque;
    /* purge the TLB of every CPU (cpus.c); NULL: this one's only */
    void (*tlb_purge_all)(S390Cpu *cpu);
    /*
     * Pre-decoded code was written: set when CPUs share code_pages (the
     * machine's), so that every CPU's cache is flushed; NULL flushes this
     * CPU's own.
     */
    void (*code_written)(S390Cpu *cpu);
};

typedef enum S390RunExit {
    S390_RUN_LIMIT,         /* executed the number of instructions asked */
    S390_RUN_PGM,           /* program interruption, the hook said stop */
    S390_RUN_PSW,           /* the PSW mask changed: re-check interruptions */
    S390_RUN_WAIT,          /* enabled wait: until an interruption comes */
    S390_RUN_DISABLED_WAIT, /* wait with I/O, external and mchk disabled */
    S390_RUN_PSW_LOOP,      /* program new PSW invalid: the CPU would loop */
} S390RunExit;

/* ---- state (cpu-state.c) ---- */
void s390_cpu_init(S390Cpu *cpu, const S390MemOps *ops, void *opaque,
                   uint8_t *ram, uint64_t ram_size);
void s390_cpu_finalize(S390Cpu *cpu);
/* Initial CPU reset of the registers (storage and cache untouched) */
void s390_cpu_initial_reset(S390Cpu *cpu);
uint64_t s390_psw_get_mask(const S390Cpu *cpu);
/* Load a PSW; false (nothing changed) if its EA/BA combination is invalid */
bool s390_psw_set(S390Cpu *cpu, uint64_t mask, uint64_t addr);
/* Is (mask, addr) a valid z/Architecture PSW (reserved bits, mode, address)? */
bool s390_psw_valid(uint64_t mask, uint64_t addr);
/*
 * Load a PSW as it is, valid or not (LPSW, interruptions): an invalid
 * one is kept so that the early specification exception stores it as
 * the old PSW. Returns s390_psw_valid().
 */
bool s390_psw_load(S390Cpu *cpu, uint64_t mask, uint64_t addr);
/* The wait state the PSW puts the CPU in: S390_RUN_LIMIT when none */
S390RunExit s390_psw_wait_state(const S390Cpu *cpu);
static inline bool s390_problem_state(const S390Cpu *cpu)
{
    return cpu->psw_mask & PSW_MASK_PSTATE;
}
void s390_set_prefix(S390Cpu *cpu, uint64_t prefix);
/* After a change of PSW bit 5, the PSW key or CR0: which access path */
void s390_mem_mode_update(S390Cpu *cpu);

/* ---- running (icache.c) ---- */

S390RunExit s390_cpu_run(S390Cpu *cpu, uint64_t max_insns);
/* Executes exactly one instruction; 0 or the program-interruption code */
int s390_cpu_step(S390Cpu *cpu);
/* Drop every pre-decoded instruction (prefix change, DMA into code...) */
void s390_icache_flush(S390Cpu *cpu);
/* Storage at absolute [abs, abs+len) was written by someone else */
void s390_icache_notify_write(S390Cpu *cpu, uint64_t abs, uint64_t len);

/* ---- program interruptions (pgm.c) ---- */
/* Does exception @code nullify (PSW keeps the instruction's address)? */
bool s390_pgm_nullifies(uint16_t code);
/* Record it; returns what the hook says (false without a hook) */
bool s390_program_interrupt(S390Cpu *cpu, uint16_t code, uint8_t ilc,
                            uint64_t insn_addr);

#endif
