/*
 * The access-register instructions (SAR, EAR, CPYA, LAM, STAM and their
 * Y forms), TR, TRT, TRTR and TRE (TR and TRT also as the target of EX
 * with the length from a register, as compiled code and kernels use
 * them), CKSM run to completion by its branch back, and their program
 * interruptions: results and condition codes checked against values
 * worked out here in C. Under QEMU 7.2 (TCG) the same ELF fails four
 * checks, where this follows the Principles of Operation: CPYA does not
 * copy access register R2 into R1 there, R1 holds 0 after it (checks 1
 * and 3), and an access exception of a TR that EX executes reports ILC
 * 2 with the old PSW two bytes short of the instruction after the EX,
 * instead of the EX's ILC 4 and the PSW past it (checks 49 and 50).
 */
#include "guest.h"

static uint8_t table[256] __attribute__((aligned(256)));
static uint8_t buf[512];

static int memcmp_eq(const void *a, const void *b, unsigned long n)
{
    const uint8_t *x = a, *y = b;

    while (n--) {
        if (*x++ != *y++) {
            return 0;
        }
    }
    return 1;
}

static void expect_pgm(uint64_t count, uint16_t code, uint16_t ilc,
                       uint64_t old, unsigned id)
{
    check(*lc64(GUEST_PGM_COUNT) == count, id);
    check(*lc16(LC_PGM_CODE) == code, id + 1);
    check(*lc16(LC_PGM_ILC) == ilc, id + 2);
    check(*lc64(LC_PGM_OLD + 8) == old, id + 3);
}

static void access_registers(void)
{
    static uint32_t words[16] __attribute__((aligned(4)));
    static uint32_t out[16] __attribute__((aligned(4)));
    uint32_t save[16] __attribute__((aligned(4)));
    unsigned long r = 0x1234567800abcdefUL, e = 0xffffffff00000000UL;

    /* the program's own access registers are put back at the end */
    asm volatile("stam %%a0,%%a15,0(%0)" : : "a"(save) : "memory");
    asm volatile("sar %%a4,%1\n"
                 "cpya %%a5,%%a4\n"
                 "ear %0,%%a5\n"
                 : "+d"(e)
                 : "d"(r));
    check(e == 0xffffffff00abcdefUL, 1); /* QEMU 7.2: a5 is 0 */
    for (unsigned i = 0; i < 16; i++) {
        words[i] = 0x5a000000 | i;
    }
    /* LAM 14,1 wraps: 14, 15, 0, 1 from four words */
    asm volatile("lam %%a14,%%a1,0(%0)\n"
                 "stam %%a0,%%a15,0(%1)\n"
                 :
                 : "a"(words), "a"(out)
                 : "memory");
    check(out[14] == 0x5a000000 && out[15] == 0x5a000001 &&
              out[0] == 0x5a000002 && out[1] == 0x5a000003,
          2);
    check(out[4] == 0x00abcdef && out[5] == 0x00abcdef, 3); /* QEMU 7.2 */
    /* the Y forms with a negative displacement */
    asm volatile("lamy %%a7,%%a7,-4(%1)\n"
                 "ear %0,%%a7\n"
                 : "=d"(e)
                 : "a"(&words[9]), "m"(words));
    check((uint32_t)e == 0x5a000008, 4);
    asm volatile("stamy %%a7,%%a7,-8(%0)" : : "a"(&out[2]) : "memory");
    check(out[0] == 0x5a000008, 5);
    asm volatile("lam %%a0,%%a15,0(%0)" : : "a"(save) : "memory");
}

static void translate(void)
{
    unsigned long gr1, gr2;
    int cc;

    for (unsigned i = 0; i < 256; i++) {
        table[i] = (i >= 'a' && i <= 'z') ? i - 'a' + 'A' : i;
    }
    memcpy(buf, "hello, world", 13);
    asm volatile("tr 0(12,%0),0(%1)" : : "a"(buf), "a"(table) : "memory");
    check(memcmp_eq(buf, "HELLO, WORLD", 13), 10);
    /* EX of TR with the length from a register: 5 bytes */
    memcpy(buf, "abcdefgh", 9);
    asm volatile("larl %%r1,0f\n"
                 "ex %2,0(%%r1)\n"
                 "j 1f\n"
                 "0: tr 0(1,%0),0(%1)\n"
                 "1:\n"
                 :
                 : "a"(buf), "a"(table), "a"(4UL)
                 : "r1", "memory");
    check(memcmp_eq(buf, "ABCDEfgh", 9), 11);
    /* TRT: the first byte whose function byte is not zero */
    memset(table, 0, 256);
    table[','] = 0x2c;
    table['!'] = 0x21;
    memcpy(buf, "hello, world!", 14);
    gr1 = 0xaaaaaaaaaaaaaaaaUL;
    gr2 = 0xbbbbbbbbbbbbbbbbUL;
    asm volatile("lgr %%r1,%1\n"
                 "lgr %%r2,%2\n"
                 "trt 0(13,%3),0(%4)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 "lgr %1,%%r1\n"
                 "lgr %2,%%r2\n"
                 : "=&d"(cc), "+&d"(gr1), "+&d"(gr2)
                 : "a"(buf), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(cc == 1 && gr1 == (unsigned long)buf + 5 &&
              gr2 == 0xbbbbbbbbbbbbbb2cUL,
          12);
    /* the last byte: cc 2 */
    asm volatile("trt 0(7,%3),0(%4)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 "lgr %1,%%r1\n"
                 "lgr %2,%%r2\n"
                 : "=&d"(cc), "=&d"(gr1), "=&d"(gr2)
                 : "a"(buf + 6), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(cc == 2 && gr1 == (unsigned long)buf + 12 && (gr2 & 0xff) == 0x21,
          13);
    /* all zero: cc 0, GR1 and GR2 unchanged */
    asm volatile("lghi %%r1,-1\n"
                 "trt 0(5,%2),0(%3)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 "lgr %1,%%r1\n"
                 : "=&d"(cc), "=&d"(gr1)
                 : "a"(buf), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(cc == 0 && gr1 == ~0UL, 14);
    /* TRTR: from the rightmost byte; the comma is found before 'h' */
    table['h'] = 0x68;
    asm volatile("trtr 0(11,%2),0(%3)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 "lgr %1,%%r1\n"
                 : "=&d"(cc), "=&d"(gr1)
                 : "a"(buf + 10), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(cc == 1 && gr1 == (unsigned long)buf + 5, 15);
    asm volatile("trtr 0(5,%2),0(%3)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 "lgr %1,%%r1\n"
                 : "=&d"(cc), "=&d"(gr1)
                 : "a"(buf + 4), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(cc == 2 && gr1 == (unsigned long)buf, 16);
    /*
     * GR1 in the 31-bit mode: bit 32 zero, bits 0-31 kept; in the 24-bit
     * mode bits 0-39 kept (the program and its data are below 16 MiB);
     * table[h] is not zero now
     */
    asm volatile("lghi %%r1,-1\n"
                 "sam31\n"
                 "trt 0(13,%1),0(%2)\n"
                 "sam64\n"
                 "lgr %0,%%r1\n"
                 : "=&d"(gr1)
                 : "a"(buf), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(gr1 == (0xffffffff00000000UL | (unsigned long)buf), 17);
    asm volatile("lghi %%r1,-1\n"
                 "sam24\n"
                 "trt 0(13,%1),0(%2)\n"
                 "sam64\n"
                 "lgr %0,%%r1\n"
                 : "=&d"(gr1)
                 : "a"(buf), "a"(table)
                 : "r1", "r2", "cc", "memory");
    check(gr1 == (0xffffffffff000000UL | (unsigned long)buf), 18);
}

/* TRE up to the test byte ';', run to completion by its branch back */
static void translate_extended(void)
{
    static uint8_t text[9000];
    register unsigned long a asm("r4");
    register unsigned long n asm("r5");
    unsigned runs = 0;
    int cc;

    for (unsigned i = 0; i < 256; i++) {
        table[i] = (i >= 'a' && i <= 'z') ? i - 'a' + 'A' : i;
    }
    memset(text, 'q', sizeof(text));
    text[8500] = ';';
    a = (unsigned long)text;
    n = sizeof(text);
    do {
        asm volatile("lghi %%r0,%4\n"
                     ".insn rre,0xb2a50000,%1,%3\n" /* TRE */
                     "ipm %0\n"
                     "srl %0,28\n"
                     : "=d"(cc), "+d"(a), "+d"(n)
                     : "a"(table), "i"(';')
                     : "r0", "cc", "memory");
        runs++;
    } while (cc == 3);
    check(cc == 1 && a == (unsigned long)text + 8500 && n == 500, 60);
    check(text[0] == 'Q' && text[8499] == 'Q' && text[8500] == ';' &&
              text[8501] == 'q',
          61);
    check(runs > 1, 62);
}

static uint32_t c_cksm(uint32_t sum, const uint8_t *p, unsigned long len)
{
    for (unsigned long i = 0; i < len; i += 4) {
        uint32_t w = 0;
        uint64_t s;

        for (unsigned k = 0; k < 4; k++) {
            w = w << 8 | (i + k < len ? p[i + k] : 0);
        }
        s = (uint64_t)sum + w;
        sum = (uint32_t)s + (uint32_t)(s >> 32);
    }
    return sum;
}

static void checksum(void)
{
    static uint8_t data[20003];
    register unsigned long a asm("r2") = (unsigned long)data + 1;
    register unsigned long n asm("r3") = sizeof(data) - 1;
    unsigned long sum = 0xffff0000fffffff0UL;
    unsigned runs = 0;
    int cc;

    for (unsigned i = 0; i < sizeof(data); i++) {
        data[i] = i * 13 + (i >> 7);
    }
    do {
        asm volatile("cksm %1,%2\n"
                     "ipm %0\n"
                     "srl %0,28\n"
                     : "=d"(cc), "+d"(sum), "+d"(a), "+d"(n)
                     :
                     : "cc", "memory");
        runs++;
    } while (cc == 3);
    check(cc == 0 && n == 0 && a == (unsigned long)data + sizeof(data), 20);
    check(sum == (0xffff000000000000UL |
                  c_cksm(0xfffffff0, data + 1, sizeof(data) - 1)),
          21);
    check(runs > 1, 22);
}

static void exceptions(void)
{
    uint64_t count = *lc64(GUEST_PGM_COUNT), after;
    static uint32_t w[4] __attribute__((aligned(4)));

    /* LAM not on a word boundary: specification, ILC 4 */
    asm volatile("larl %0,0f\n"
                 "lam %%a6,%%a6,2(%1)\n"
                 "0:\n"
                 : "=&a"(after)
                 : "a"(w)
                 : "memory");
    expect_pgm(count + 1, 0x0006, 4, after, 30);
    /* STAMY likewise, ILC 6 */
    asm volatile("larl %0,0f\n"
                 "stamy %%a6,%%a6,1(%1)\n"
                 "0:\n"
                 : "=&a"(after)
                 : "a"(w)
                 : "memory");
    expect_pgm(count + 2, 0x0006, 6, after, 34);
    /* CKSM with an odd R2: specification */
    asm volatile("larl %0,0f\n"
                 ".insn rre,0xb2410000,4,3\n"
                 "0:\n"
                 : "=&a"(after)
                 :
                 : "r4", "cc", "memory");
    expect_pgm(count + 3, 0x0006, 4, after, 38);
    /* TR whose table is beyond storage: addressing, nothing stored */
    memcpy(buf, "xyz", 4);
    asm volatile("larl %0,0f\n"
                 "tr 0(3,%1),0(%2)\n"
                 "0:\n"
                 : "=&a"(after)
                 : "a"(buf), "a"(0x40000000UL)
                 : "memory");
    expect_pgm(count + 4, 0x0005, 6, after, 42);
    check(memcmp_eq(buf, "xyz", 4), 46);
    /* through EX: the EX's ILC and address (QEMU 7.2: ILC 2, PSW - 2) */
    asm volatile("larl %0,0f\n"
                 "larl %%r1,1f\n"
                 "ex 0,0(%%r1)\n"
                 "0: j 2f\n"
                 "1: tr 0(3,%1),0(%2)\n"
                 "2:\n"
                 : "=&a"(after)
                 : "a"(buf), "a"(0x40000000UL)
                 : "r1", "memory");
    expect_pgm(count + 5, 0x0005, 4, after, 47);
}

int main(void)
{
    /* the AFP registers: GCC may spill general registers into f8-f15 */
    guest_lctlg(0, guest_stctg(0) | (1UL << 18));
    access_registers();
    translate();
    translate_extended();
    checksum();
    exceptions();
    MAILBOX->value = 0x7472;
    return 0;
}
