/*
 * DIAGNOSE: release pages (0x10) with its operand checks, the yields
 * (0x44, 0x9c), the codes QEMU's TCG refuses (0x318, an unknown one),
 * the watchdog without a diag288 device, the IPL parameter block (0x308
 * subcodes 5 and 6: invalid blocks, set, store, their operand checks),
 * the subcodes that do not exist, the virtio notification (0x500) of a
 * subchannel that is not there, the privileged-operation exception,
 * and last subcode 1, a reset: the machine IPLs this program again,
 * which then finds its marker at MARK and the IPL parameter block it set
 * before the reset.
 */
#include "guest.h"

#define MARK       ((volatile uint64_t *)0x300000UL)
#define MARK_MAGIC 0x4449414752535431UL /* "DIAGRST1" */
#define IPLB_AT    0x200000UL
#define IPLB_OUT   0x201000UL

/* DIAG R1,R3,code with R1, R1+1 and R3 given: cc and the new R1+1 */
static uint64_t diag(unsigned code, uint64_t r1v, uint64_t r3v)
{
    register uint64_t r2 asm("2") = r1v;
    register uint64_t r3 asm("3") = 0xdead;
    register uint64_t r4 asm("4") = r3v;

    asm volatile("diag %0,%2,0(%3)"
                 : "+d"(r2), "+d"(r3)
                 : "d"(r4), "a"((unsigned long)code)
                 : "cc", "memory");
    return r3;
}

static uint64_t pgm_count(void)
{
    return *lc64(GUEST_PGM_COUNT);
}

/* the DIAG before caused program interruption @code (0: none) */
static void expect(uint64_t before, uint16_t code, unsigned id)
{
    if (!code) {
        check(pgm_count() == before, id);
        return;
    }
    check(pgm_count() == before + 1 && *lc16(LC_PGM_CODE) == code &&
              *lc16(LC_PGM_ILC) == 4,
          id);
}

static void check_release_pages(void)
{
    uint64_t n = pgm_count();

    diag(0x10, 0x100000, 0x1ff000);
    expect(n, 0, 1);
    diag(0x10, 0x2000, 0x2000); /* one page */
    expect(n, 0, 2);
    diag(0x10, 0x100800, 0x1ff000); /* start not page aligned */
    expect(n, 6, 3);
    diag(0x10, 0x100000, 0x1ff800); /* end not page aligned */
    expect(n + 1, 6, 4);
    diag(0x10, 0x1000, 0x1ff000); /* start below 8 KiB */
    expect(n + 2, 6, 5);
    diag(0x10, 0x200000, 0x100000); /* end below start */
    expect(n + 3, 6, 6);
}

static void check_simple(void)
{
    uint64_t n = pgm_count();

    diag(0x44, 0, 0);
    expect(n, 0, 10);
    diag(0x9c, 1, 0);
    expect(n, 0, 11);
    diag(0x318, 0, 0);
    expect(n, 6, 12);
    diag(0x123, 0, 0);
    expect(n + 1, 6, 13);
    /* no diag288 device: the watchdog functions are refused */
    diag(0x288, 0, 0);
    expect(n + 2, 6, 14);
    GUEST_IN_PROBLEM_STATE("diag %%r2,%%r4,0x44");
    check(pgm_count() == n + 4 && *lc16(LC_PGM_CODE) == 2, 15);
}

/* DIAG 0x500: subcode in R1, R2-R4; returns R2 afterwards */
static uint64_t diag500(uint64_t subcode, uint64_t sid, uint64_t queue)
{
    register uint64_t r1 asm("1") = subcode;
    register uint64_t r2 asm("2") = sid;
    register uint64_t r3 asm("3") = queue;
    register uint64_t r4 asm("4") = 0;

    asm volatile("diag 2,4,0x500"
                 : "+d"(r2)
                 : "d"(r1), "d"(r3), "d"(r4)
                 : "cc", "memory");
    return r2;
}

static void check_virtio_notify(void)
{
    uint64_t n = pgm_count();

    /* no virtio-ccw subchannel 0.0.0000: -EINVAL in R2 */
    check(diag500(3, 0x00010000, 0) == (uint64_t)-22, 35);
    expect(n, 0, 36);
    diag500(2, 0x00010000, 0); /* not the notification subcode */
    expect(n, 6, 37);
}

static void put32(unsigned long a, uint32_t v)
{
    *(volatile uint32_t *)a = v;
}

static void check_iplb(void)
{
    uint64_t n = pgm_count();

    /* nothing set yet: no configuration */
    check(diag(0x308, IPLB_OUT, 6) == 0x102, 20);
    /* an unknown block type, a length over a page, too short for CCW */
    memset((void *)IPLB_AT, 0, 4096);
    put32(IPLB_AT, 200);
    *(volatile uint8_t *)(IPLB_AT + 12) = 0x77;
    check(diag(0x308, IPLB_AT, 5) == 0x402, 21);
    put32(IPLB_AT, 4097);
    *(volatile uint8_t *)(IPLB_AT + 12) = 0x02;
    check(diag(0x308, IPLB_AT, 5) == 0x402, 22);
    put32(IPLB_AT, 199);
    check(diag(0x308, IPLB_AT, 5) == 0x402, 23);
    check(diag(0x308, IPLB_OUT, 6) == 0x102, 24);
    /* a CCW block of 200 bytes */
    put32(IPLB_AT, 200);
    *(volatile uint16_t *)(IPLB_AT + 0x22) = 0x1234;
    check(diag(0x308, IPLB_AT, 5) == 0x0001, 25);
    memset((void *)IPLB_OUT, 0xee, 4096);
    check(diag(0x308, IPLB_OUT, 6) == 0x0001, 26);
    check(*(volatile uint32_t *)IPLB_OUT == 200 &&
              *(volatile uint16_t *)(IPLB_OUT + 0x22) == 0x1234 &&
              *(volatile uint8_t *)(IPLB_OUT + 199) == 0 &&
              *(volatile uint8_t *)(IPLB_OUT + 200) == 0xee,
          27);
    check(pgm_count() == n, 28);
    /* operand checks: alignment, storage, subcodes */
    diag(0x308, IPLB_AT + 8, 5);
    expect(n, 6, 29);
    diag(0x308, 0x40000000, 6);
    expect(n + 1, 5, 30);
    diag(0x308, 0, 4);
    expect(n + 2, 6, 31);
    diag(0x308, 0, 2);
    expect(n + 3, 6, 32);
    diag(0x308, 0, 8);
    expect(n + 4, 6, 33);
    diag(0x308, 0, 0x10000);
    expect(n + 5, 6, 34);
}

int main(void)
{
    if (*MARK == MARK_MAGIC) {
        /* after the reset: the block set before it is still there */
        *MARK = 0;
        memset((void *)IPLB_OUT, 0, 4096);
        check(diag(0x308, IPLB_OUT, 6) == 0x0001, 40);
        check(*(volatile uint16_t *)(IPLB_OUT + 0x22) == 0x1234, 41);
        MAILBOX->value = 2;
        return 0;
    }
    check_release_pages();
    check_simple();
    check_iplb();
    check_virtio_notify();
    if (MAILBOX->failed) {
        return 0;
    }
    *MARK = MARK_MAGIC;
    diag(0x308, 0, 1);
    check(0, 42); /* the reset did not happen */
    return 0;
}
