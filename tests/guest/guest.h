/*
 * The guest test programs' library: lowcore access, interruption
 * records, checks and the end of a test.
 *
 * A test reports through the mailbox at absolute GUEST_MAILBOX (read by
 * tests/guest/guest-test.c over qtest): magic, checks passed, checks
 * failed, the number of the first failed check. It ends by stopping its
 * CPU with SIGP when every check passed (the host sees a guest shutdown),
 * else in a disabled wait at address GUEST_FAIL_ADDR (a guest panic).
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>

#define GUEST_MAILBOX   0xf000UL
#define GUEST_MAGIC     0x5339305847554553UL /* "S390XGUES" */
#define GUEST_FAIL_ADDR 0xbad000UL

/* scratch the handlers use (real addresses) */
#define GUEST_PGM_COUNT     0x300
#define GUEST_PGM_RESUME    0x308
#define GUEST_EXT_COUNT     0x320
#define GUEST_EXT_CODE      0x328
#define GUEST_EXT_CPU       0x32a
#define GUEST_EXT_PARAM     0x32c
#define GUEST_IO_COUNT      0x340
#define GUEST_IO_SID        0x348
#define GUEST_IO_PARM       0x34c
#define GUEST_IO_IID        0x350
#define GUEST_MCHK_COUNT    0x360
#define GUEST_RESTART_STACK 0x370
#define GUEST_RESTART_FN    0x378

/* lowcore */
#define LC_EXT_NEW     0x1b0
#define LC_PGM_ILC     0x8c
#define LC_PGM_CODE    0x8e
#define LC_PGM_OLD     0x150
#define LC_PGM_NEW     0x1d0
#define LC_IO_NEW      0x1f0
#define LC_MCHK_NEW    0x1e0
#define LC_RESTART_NEW 0x1a0

#define PSW_MASK_64   0x0000000180000000UL
#define PSW_MASK_DAT  0x0400000000000000UL
#define PSW_MASK_IO   0x0200000000000000UL
#define PSW_MASK_EXT  0x0100000000000000UL
#define PSW_MASK_WAIT 0x0002000000000000UL

typedef struct GuestMailbox {
    uint64_t magic;
    uint64_t passed;
    uint64_t failed;
    uint64_t first_failed;
    uint64_t value; /* free for a test to show the host */
} GuestMailbox;

#define MAILBOX ((volatile GuestMailbox *)GUEST_MAILBOX)

static inline volatile uint64_t *lc64(unsigned long off)
{
    return (volatile uint64_t *)off;
}

static inline volatile uint32_t *lc32(unsigned long off)
{
    return (volatile uint32_t *)off;
}

static inline volatile uint16_t *lc16(unsigned long off)
{
    return (volatile uint16_t *)off;
}

void guest_check(int ok, unsigned id);
#define check(cond, id) guest_check(!!(cond), (id))

/* load a PSW (LPSWE); a wait PSW returns at its address after the
 * interruption that ends the wait */
void guest_lpswe(uint64_t mask, uint64_t addr);
/* enabled wait for the classes in @mask (PSW_MASK_IO/EXT) */
void guest_wait(uint64_t mask);
/* the control register @n; set it */
uint64_t guest_stctg(int n);
void guest_lctlg(int n, uint64_t v);
uint16_t guest_stap(void);
/* SIGP: cc; *status gets R1's low word (for cc 1) */
int guest_sigp(uint16_t cpu, uint8_t order, uint64_t param, uint32_t *status);
void guest_set_new_psw(unsigned long off, void (*fn)(void));
void guest_exit(void);

/*
 * Run the instruction text @insn in the problem state (registers 0-5 as
 * they are): it must cause a program interruption, after which the
 * handler resumes here in the supervisor state. The code it caused is
 * at LC_PGM_CODE.
 */
#define GUEST_IN_PROBLEM_STATE(insn)                                           \
    do {                                                                       \
        static uint64_t ps_psw_[2] __attribute__((aligned(8)));                \
                                                                               \
        ps_psw_[0] = PSW_MASK_64 | 0x0001000000000000UL;                       \
        asm volatile("larl %%r1,1f\n"                                          \
                     "stg %%r1,%[resume]\n"                                    \
                     "larl %%r1,2f\n"                                          \
                     "stg %%r1,8+%[psw]\n"                                     \
                     "lpswe %[psw]\n"                                          \
                     "2: " insn "\n"                                           \
                     "3: j 3b\n"                                               \
                     "1:\n"                                                    \
                     : [psw] "+Q"(ps_psw_)                                     \
                     : [resume] "Q"(*lc64(GUEST_PGM_RESUME))                   \
                     : "r0", "r1", "r2", "r3", "r4", "r5", "memory", "cc");    \
    } while (0)

extern char guest_parm_area[];

void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

#endif
