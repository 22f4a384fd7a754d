/*
 * DAT on: a segment table and two page tables (the first MiB identity
 * mapped, virtual 0x100000 to real 0x300000, 0x101000 invalid, 0x102000
 * protected). Stores through the mapping reach the frame; the invalid
 * page gives a page-translation exception (0x11, nullifying: the old PSW
 * points at the instruction) with the page address in the TEID; the
 * protected one a protection exception (0x04).
 */
#include "guest.h"

#define ST           0x400000UL
#define PT0          0x404000UL
#define PT1          0x404800UL
#define FRAME        0x300000UL
#define PAGE_INVALID 0x400UL
#define PAGE_PROTECT 0x200UL
#define SEG_INVALID  0x20UL

static inline void dat_on(void)
{
    uint8_t old;

    asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
}

static inline void dat_off(void)
{
    uint8_t old;

    asm volatile("stnsm %0,0xfb" : "=Q"(old) : : "memory");
}

/* load from @va with DAT on: the faulting address or 0 */
static uint64_t probe(uint64_t va, int store, uint64_t *insn)
{
    uint64_t at, count = *lc64(GUEST_PGM_COUNT);

    asm volatile("larl %%r1,1f\n"
                 "stg %%r1,%[resume]\n"
                 "larl %0,0f\n"
                 "ltgr %[st],%[st]\n"
                 "jz 2f\n"
                 "0: mvi 0(%[va]),0x55\n"
                 "j 1f\n"
                 "2: lg %%r1,0(%[va])\n"
                 "j 1f\n"
                 "1:\n"
                 : "=&a"(at)
                 : [resume] "Q"(*lc64(GUEST_PGM_RESUME)), [va] "a"(va),
                   [st] "d"((uint64_t)store)
                 : "r1", "memory", "cc");
    *insn = at;
    *lc64(GUEST_PGM_RESUME) = 0;
    return *lc64(GUEST_PGM_COUNT) - count;
}

int main(void)
{
    volatile uint64_t *st = (volatile uint64_t *)ST;
    volatile uint64_t *pt0 = (volatile uint64_t *)PT0;
    volatile uint64_t *pt1 = (volatile uint64_t *)PT1;
    uint64_t insn;

    for (unsigned i = 0; i < 2048; i++) {
        st[i] = SEG_INVALID;
    }
    for (unsigned i = 0; i < 256; i++) {
        pt0[i] = (uint64_t)i << 12;
        pt1[i] = PAGE_INVALID;
    }
    st[0] = PT0;
    st[1] = PT1;
    pt1[0] = FRAME;
    pt1[2] = (FRAME + 0x2000) | PAGE_PROTECT;
    *(volatile uint64_t *)FRAME = 0;
    guest_lctlg(1, ST | 3); /* primary ASCE: segment table, length 4 */

    dat_on();
    *(volatile uint64_t *)0x100008 = 0xabcdef;
    check(*(volatile uint64_t *)0x100008 == 0xabcdef, 1);
    check(probe(0x101000, 0, &insn) == 1, 2);
    check(*lc16(LC_PGM_CODE) == 0x11, 3);
    check((*lc64(0xa8) & ~0xfffUL) == 0x101000, 4);
    check(probe(0x102000, 1, &insn) == 1, 5);
    check(*lc16(LC_PGM_CODE) == 0x04, 6);
    check(probe(0x102000, 0, &insn) == 0, 7); /* fetch is allowed */
    dat_off();

    check(*(volatile uint64_t *)(FRAME + 8) == 0xabcdef, 8);
    check(*(volatile uint8_t *)(FRAME + 0x2000) != 0x55, 9);
    return 0;
}
