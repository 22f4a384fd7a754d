/*
 * DAT on: a segment table and two page tables (the first MiB identity
 * mapped, virtual 0x100000 to real 0x300000, 0x101000 invalid, 0x102000
 * protected). Stores through the mapping reach the frame; the invalid
 * page gives a page-translation exception (0x11, nullifying: the old PSW
 * points at the instruction) with the page address in the TEID; the
 * protected one a protection exception (0x04).
 *
 * Then the DAT instructions (exec-dat.c): LRAG's four condition codes,
 * IDTE making a page that was just used fault, CSPG with the purge bit
 * replacing a page-table entry (the new frame is seen at once), SACF 256
 * switching operands to the secondary space (CR7) and back, IVSK.
 * Debian's QEMU 7.2 passes the others and fails 11 and 12 (cc 3 with
 * the exception code), 13 (it zeroes R1 bits 0-31), 22 (no IVSK: an
 * operation exception) and 23 (with DAT off LRAG gives the address
 * back untranslated); this follows the Principles of Operation there.
 */
#include "guest.h"

#define ST           0x400000UL
#define PT0          0x404000UL
#define PT1          0x404800UL
#define FRAME        0x300000UL
#define PAGE_INVALID 0x400UL
#define PAGE_PROTECT 0x200UL
#define SEG_INVALID  0x20UL
#define ST2          0x408000UL /* the secondary space's segment table */
#define PT2          0x40c000UL
#define FRAME2       0x308000UL
#define CR0_SSC      (1UL << (63 - 37)) /* secondary-space control */
#define CR0_AFP      (1UL << (63 - 45))

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

/* LRAG @va: the condition code, R1 in *@r1 */
static unsigned lrag(uint64_t va, uint64_t *r1)
{
    uint64_t v = 0x1234567800000000UL;
    int cc;

    asm volatile("lrag %0,0(%2)\n"
                 "ipm %1\n"
                 "srl %1,28\n"
                 : "+d"(v), "=d"(cc)
                 : "a"(va)
                 : "cc");
    *r1 = v;
    return cc;
}

/* The doubleword at @va read in the secondary space (SACF 256 ... 0) */
static uint64_t load_secondary(uint64_t va)
{
    uint64_t v;

    asm volatile("sacf 256\n"
                 "lg %0,0(%1)\n"
                 "sacf 0\n"
                 : "=&d"(v)
                 : "a"(va)
                 : "memory");
    return v;
}

/* CSPG: replace *@pte, old @old, by @new, purging the TLBs: the cc */
static unsigned cspg(uint64_t pte, uint64_t old, uint64_t new)
{
    register uint64_t r2 asm("r2") = old;
    register uint64_t r3 asm("r3") = new;
    int cc;

    asm volatile("cspg %%r2,%2\n"
                 "ipm %1\n"
                 "srl %1,28\n"
                 : "+d"(r2), "=d"(cc)
                 : "a"(pte | 1), "d"(r3)
                 : "cc", "memory");
    return cc;
}

static void dat_instructions(void)
{
    volatile uint64_t *st = (volatile uint64_t *)ST;
    volatile uint64_t *st2 = (volatile uint64_t *)ST2;
    volatile uint64_t *pt1 = (volatile uint64_t *)PT1;
    volatile uint64_t *pt2 = (volatile uint64_t *)PT2;
    uint64_t r1, v, insn, res[4];
    unsigned cc[4];

    /*
     * LRAG (DAT on): cc 0 the real address, 2 an invalid PTE's address,
     * 1 an invalid STE's, 3 the ASCE-type code (R1 bits 0-31 kept)
     */
    dat_on();
    cc[0] = lrag(0x100008, &res[0]);
    cc[1] = lrag(0x101010, &res[1]);
    cc[2] = lrag(0x300000, &res[2]);
    cc[3] = lrag(0x80000000UL, &res[3]);
    dat_off();
    check(cc[0] == 0 && res[0] == FRAME + 8, 10);
    check(cc[1] == 2 && res[1] == PT1 + 8, 11);
    check(cc[2] == 1 && res[2] == ST + 24, 12);
    check(cc[3] == 3 && res[3] == 0x1234567880000038UL, 13);
    /* with DAT off too (QEMU 7.2 answers the address itself, cc 0) */
    check(lrag(0x100010, &r1) == 0 && r1 == FRAME + 0x10, 23);

    /* IDTE 0,0,1: segment 1's entry; the page just used faults */
    *(volatile uint64_t *)FRAME = 77;
    dat_on();
    v = *(volatile uint64_t *)0x100000;
    asm volatile("idte %0,0,%1" : : "a"(ST), "a"(0x100000UL) : "memory");
    check(probe(0x100000, 0, &insn) == 1, 14);
    dat_off();
    check(v == 77 && *lc16(LC_PGM_CODE) == 0x10, 15);
    check(st[1] == (PT1 | SEG_INVALID) && st[0] == PT0, 16);
    st[1] = PT1;

    /* CSPG with the purge bit: page 0x100000 moves to FRAME + 0x4000 */
    *(volatile uint64_t *)(FRAME + 0x4000) = 88;
    dat_on();
    v = *(volatile uint64_t *)0x100000; /* in the TLB now */
    dat_off();
    check(v == 77, 17);
    check(cspg(PT1, FRAME + 1, FRAME) == 1, 18); /* unequal: no store */
    check(cspg(PT1, FRAME, FRAME + 0x4000) == 0 && pt1[0] == FRAME + 0x4000,
          19);
    dat_on();
    v = *(volatile uint64_t *)0x100000;
    dat_off();
    check(v == 88, 20);
    pt1[0] = FRAME;

    /* SACF 256: operands from the secondary space (same code mapping) */
    for (unsigned i = 0; i < 2048; i++) {
        st2[i] = SEG_INVALID;
    }
    for (unsigned i = 0; i < 256; i++) {
        pt2[i] = PAGE_INVALID;
    }
    st2[0] = PT0;
    st2[1] = PT2;
    pt2[0] = FRAME2;
    *(volatile uint64_t *)FRAME2 = 99;
    guest_lctlg(7, ST2 | 3); /* the secondary ASCE */
    dat_on();
    v = load_secondary(0x100000);
    r1 = *(volatile uint64_t *)0x100000;
    dat_off();
    check(v == 99 && r1 == 77, 21);

    /* IVSK: the key of the frame behind 0x100000 */
    asm volatile("sske %0,%1" : : "d"(0x36UL), "a"(FRAME) : "memory");
    dat_on();
    v = 0;
    asm volatile("ivsk %0,%1" : "+d"(v) : "a"(0x100000UL));
    dat_off();
    asm volatile("sske %0,%1" : : "d"(0UL), "a"(FRAME) : "memory");
    check(v == 0x30, 22);
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

    guest_lctlg(0, guest_stctg(0) | CR0_SSC | CR0_AFP);
    dat_instructions();
    return 0;
}
