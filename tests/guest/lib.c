/* The guest test programs' library (guest.h) */
#include "guest.h"

extern void guest_pgm_handler(void);
extern void guest_ext_handler(void);
extern void guest_io_handler(void);
extern void guest_mchk_handler(void);
extern void guest_restart_handler(void);
void guest_setup(void);

void *memset(void *d, int c, unsigned long n)
{
    volatile unsigned char *p = d;

    while (n--) {
        *p++ = (unsigned char)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    volatile unsigned char *p = d;
    const unsigned char *q = s;

    while (n--) {
        *p++ = *q++;
    }
    return d;
}

void guest_set_new_psw(unsigned long off, void (*fn)(void))
{
    *lc64(off) = PSW_MASK_64;
    *lc64(off + 8) = (uint64_t)(unsigned long)fn;
}

void guest_setup(void)
{
    memset((void *)0x300, 0, 0x100);
    guest_set_new_psw(LC_PGM_NEW, guest_pgm_handler);
    guest_set_new_psw(LC_EXT_NEW, guest_ext_handler);
    guest_set_new_psw(LC_IO_NEW, guest_io_handler);
    guest_set_new_psw(LC_MCHK_NEW, guest_mchk_handler);
    guest_set_new_psw(LC_RESTART_NEW, guest_restart_handler);
    MAILBOX->passed = 0;
    MAILBOX->failed = 0;
    MAILBOX->first_failed = 0;
    MAILBOX->value = 0;
    MAILBOX->magic = GUEST_MAGIC;
}

void guest_check(int ok, unsigned id)
{
    if (ok) {
        MAILBOX->passed++;
        return;
    }
    if (!MAILBOX->failed) {
        MAILBOX->first_failed = id;
    }
    MAILBOX->failed++;
}

void guest_lpswe(uint64_t mask, uint64_t addr)
{
    static uint64_t psw[2] __attribute__((aligned(8)));

    psw[0] = mask;
    psw[1] = addr;
    asm volatile("lpswe %0" : : "Q"(psw) : "memory", "cc");
}

void guest_wait(uint64_t mask)
{
    /* on the stack: a store into a code page would flush decoded code */
    uint64_t psw[2] __attribute__((aligned(8)));

    psw[0] = PSW_MASK_64 | PSW_MASK_WAIT | mask;
    asm volatile("larl %%r1, 0f\n"
                 "stg %%r1, 8+%0\n"
                 "lpswe %0\n"
                 "0:\n"
                 : "+Q"(psw)
                 :
                 : "r1", "memory", "cc");
}

/* one control register at a time, any of the 16 */
#define CR_CASE(n)                                                             \
    case n:                                                                    \
        if (set) {                                                             \
            asm volatile("lctlg " #n "," #n ",%0" : : "Q"(*v) : "memory");     \
        } else {                                                               \
            asm volatile("stctg " #n "," #n ",%0" : "=Q"(*v));                 \
        }                                                                      \
        break

static void cr_access(int n, uint64_t *v, int set)
{
    switch (n) {
        CR_CASE(0);
        CR_CASE(1);
        CR_CASE(2);
        CR_CASE(3);
        CR_CASE(4);
        CR_CASE(5);
        CR_CASE(6);
        CR_CASE(7);
        CR_CASE(8);
        CR_CASE(9);
        CR_CASE(10);
        CR_CASE(11);
        CR_CASE(12);
        CR_CASE(13);
        CR_CASE(14);
        CR_CASE(15);
    default:
        break;
    }
}

uint64_t guest_stctg(int n)
{
    uint64_t v = 0;

    cr_access(n, &v, 0);
    return v;
}

void guest_lctlg(int n, uint64_t v)
{
    cr_access(n, &v, 1);
}

uint16_t guest_stap(void)
{
    uint16_t a;

    asm volatile("stap %0" : "=Q"(a));
    return a;
}

int guest_sigp(uint16_t cpu, uint8_t order, uint64_t param, uint32_t *status)
{
    register uint64_t r2 asm("2") = 0;
    register uint64_t r3 asm("3") = param;
    int cc;

    asm volatile("sigp %1,%3,0(%4)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 : "=d"(cc), "+d"(r2)
                 : "d"(r3), "d"((uint64_t)cpu), "a"((unsigned long)order)
                 : "cc", "memory");
    if (status) {
        *status = (uint32_t)r2;
    }
    return cc;
}

void guest_exit(void)
{
    if (!MAILBOX->failed) {
        guest_sigp(guest_stap(), 0x05, 0, 0); /* stop */
    }
    guest_lpswe(PSW_MASK_64 | PSW_MASK_WAIT, GUEST_FAIL_ADDR);
    for (;;) {
    }
}
