/*
 * Extended (128-bit) BFP from guest code, in the style of fpx.c: each
 * row of xbfp-rows.h runs one instruction, assembled into a code page at
 * run time, on operands in the register pairs f1/f3 and f5/f7 (and
 * general register 2) with a given FPC, and checks the pair f1/f3,
 * general register 1, the cc, the FPC afterwards and the program
 * interruption (code, ILC, where the old PSW points). The expected
 * values (xbfp-expect.h) are what Debian's QEMU 7.2 answers under TCG
 * for the same ELF built with -DXBFP_PROBE, except the rows marked ARCH
 * there; each row is also printed on the SCLP console.
 *
 * Then compiled long double code (GCC uses the same instructions): a
 * harmonic sum, a square root, a division and conversions to and from
 * long long, double and float, against bit patterns computed on the
 * host with __float128 (the square root with integers).
 */
#include "guest-sclp.h"

typedef struct Row {
    uint64_t insn; /* 4 bytes, or 6 (first byte 0xed) */
    uint64_t a_hi, a_lo;
    uint64_t b_hi, b_lo;
    uint64_t gr2;
    uint32_t fpc;
} Row;

#include "xbfp-rows.h"
#ifndef XBFP_PROBE
#include "xbfp-expect.h"
#endif

static uint8_t code[4096] __attribute__((aligned(4096)));
static uint64_t blk[6] __attribute__((aligned(8)));

#define INSN_AT 0x14
/*
 * ld f1,0(r7); ld f3,8(r7); ld f5,16(r7); ld f7,24(r7); sfpc r4; INSN
 * (a 4-byte one followed by bcr 0,0); ipm r5; efpc r4; std f1,32(r7);
 * std f3,40(r7); br r14
 */
static const uint8_t tmpl[] = {
    0x68, 0x10, 0x70, 0x00, 0x68, 0x30, 0x70, 0x08, 0x68, 0x50, 0x70,
    0x10, 0x68, 0x70, 0x70, 0x18, 0xb3, 0x84, 0x00, 0x40, 0x00, 0x00,
    0x00, 0x00, 0x07, 0x00, 0xb2, 0x22, 0x00, 0x50, 0xb3, 0x8c, 0x00,
    0x40, 0x60, 0x10, 0x70, 0x20, 0x60, 0x30, 0x70, 0x28, 0x07, 0xfe,
};

typedef struct Out {
    uint64_t hi, lo, gr1;
    /* FPC << 32 | cc << 24 | pgm code << 16 | ILC << 8 | old PSW offset */
    uint64_t st;
} Out;

static void run(const Row *r, Out *o)
{
    uint64_t pgm0 = *lc64(GUEST_PGM_COUNT);
    unsigned len = (r->insn >> 40) == 0xed ? 6 : 4;
    uint64_t v1, fpc, ipm, pgm = 0, ilc = 0, off = 0;

    memcpy(code, tmpl, sizeof(tmpl));
    for (unsigned i = 0; i < len; i++) {
        code[INSN_AT + i] = r->insn >> (8 * (len - 1 - i));
    }
    blk[0] = r->a_hi;
    blk[1] = r->a_lo;
    blk[2] = r->b_hi;
    blk[3] = r->b_lo;
    blk[4] = blk[5] = 0;
    {
        register uint64_t r1 asm("1") = 0x5555555555555555UL;
        register uint64_t r2 asm("2") = r->gr2;
        register uint64_t r4 asm("4") = r->fpc;
        register uint64_t r5 asm("5") = 0;
        register unsigned long r6 asm("6") = (unsigned long)code;
        register unsigned long r7 asm("7") = (unsigned long)blk;

        asm volatile("basr %%r14,%%r6"
                     : "+d"(r1), "+d"(r2), "+d"(r4), "+d"(r5)
                     : "d"(r6), "a"(r7)
                     : "r3", "r14", "f1", "f3", "f5", "f7", "memory", "cc");
        v1 = r1;
        fpc = r4;
        ipm = r5;
    }
    if (*lc64(GUEST_PGM_COUNT) != pgm0) {
        pgm = *lc16(LC_PGM_CODE);
        ilc = *lc16(LC_PGM_ILC);
        off = *lc64(LC_PGM_OLD + 8) - (unsigned long)code;
    }
    o->hi = blk[4];
    o->lo = blk[5];
    o->gr1 = v1;
    o->st = (uint64_t)(uint32_t)fpc << 32 | ((ipm >> 28) & 3) << 24 |
            (pgm & 0xff) << 16 | (ilc & 0xff) << 8 | (off & 0xff);
}

/* "    { 0xHI, 0xLO,\n      0xGR1, 0xST }, / * N * /" */
static void print_row(unsigned i, const Out *o)
{
    static char line[128];
    char *p = line;

    memcpy(p, "    { 0x", 8);
    p = guest_put_hex(p + 8, o->hi, 16);
    memcpy(p, ", 0x", 4);
    p = guest_put_hex(p + 4, o->lo, 16);
    memcpy(p, ",\n      0x", 10);
    p = guest_put_hex(p + 10, o->gr1, 16);
    memcpy(p, ", 0x", 4);
    p = guest_put_hex(p + 4, o->st, 16);
    memcpy(p, " }, /* ", 7);
    p = guest_put_hex(p + 7, i, 3);
    memcpy(p, " */\n", 4);
    p += 4;
    guest_sclp_write(line, p - line);
}

typedef union {
    long double ld;
    uint64_t w[2];
} Ext;

static int same(long double x, uint64_t hi, uint64_t lo)
{
    Ext e = { .ld = x };

    return e.w[0] == hi && e.w[1] == lo;
}

/* compiled long double code: AXBR, DXBR, SQXBR, MXBR, CGXBR, CXGBR, ... */
static void compiled(void)
{
    static volatile long double two = 2.0L, three = 3.0L, big = 1e15L;
    static volatile long long ll = -123456789012345678LL;
    static volatile int n = 1000;
    long double s = 0, t;
    union {
        double d;
        uint64_t u;
    } d;
    union {
        float f;
        uint32_t u;
    } f;
    Ext e;

    for (int i = 1; i <= n; i++) {
        s += 1.0L / i;
    }
    check(same(s, 0x4001df11f45f4e61UL, 0x9d8051b61243672dUL), 1);
    check(same(__builtin_sqrtl(two), 0x3fff6a09e667f3bcUL,
               0xc908b2fb1366ea95UL),
          2);
    check(same(1.0L / three, 0x3ffd555555555555UL, 0x5555555555555555UL), 3);
    t = s * big;
    check(same(t, 0x4033a97feff9ea0cUL, 0x8e9a3db8a2b3947aUL), 4);
    check((long long)t == 7485470860550344LL, 5);
    check(same((long double)ll, 0xc037b69b4ba630f3UL, 0x4e00000000000000UL), 6);
    d.d = (double)s;
    f.f = (float)s;
    check(d.u == 0x401df11f45f4e61aUL, 7);
    check(f.u == 0x40ef88faU, 8);
    check(s > three && !(s < three) && s != three, 9);
    e.ld = -s;
    check(e.w[0] == (0x4001df11f45f4e61UL | 1UL << 63), 10);
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0);

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200 | (1UL << 18)); /* AFP */
    guest_sclp_console_mask();
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        Out o;

        run(&rows[i], &o);
        print_row(i, &o);
#ifndef XBFP_PROBE
        check(o.hi == expect[i].hi && o.lo == expect[i].lo &&
                  o.gr1 == expect[i].gr1 && o.st == expect[i].st,
              100 + i);
#endif
    }
    compiled();
    return 0;
}
