/*
 * MVCL, CLCL, MVCLE and CLCLE in a guest: padding, the condition codes,
 * the registers each leaves (R2-R5 here), MVCL's destructive overlap,
 * moves and compares over several pages (MVCL and CLCL go on by
 * themselves, MVCLE and CLCLE are branched back to while cc 3), MVCL as
 * the target of EXECUTE, a specification exception, a low-address
 * protection exception part-way through an MVCL (the registers say how
 * far it got), the 24-bit mode, and MVCOS with DAT off and on, past
 * 4096 bytes and in the secondary space. Every row is printed on the SCLP
 * console ("id cc pgm R2 R3 R4 R5") and checked against the values the
 * Principles of Operation gives, which Debian's QEMU 7.2 also shows for
 * this ELF.
 */
#include "guest.h"
#include "guest-sclp.h"

enum { MVCL, CLCL, MVCLE, CLCLE, MVCL_EX, MVCL_ODD, MVCL_24, MVCOS };

typedef struct Regs {
    uint64_t r2, r3, r4, r5;
    uint32_t cc, pgm;
} Regs;

static uint8_t a[12288] __attribute__((aligned(4096)));
static uint8_t b[12288] __attribute__((aligned(4096)));
static char line[128];

/*
 * Run @op with R2-R5 from @g (R7 the MVCLE/CLCLE pad, R0 the MVCOS
 * operand-access controls); results to @g
 */
static void run(unsigned op, Regs *g, uint64_t pad)
{
    uint64_t pgm0 = *lc64(GUEST_PGM_COUNT);
    register uint64_t r2 asm("2") = g->r2;
    register uint64_t r3 asm("3") = g->r3;
    register uint64_t r4 asm("4") = g->r4;
    register uint64_t r5 asm("5") = g->r5;
    register uint64_t r7 asm("7") = pad;
    register uint64_t r0 asm("0") = pad;
    uint64_t ipm = 0;

    switch (op) {
    case MVCL:
        asm volatile("mvcl %%r2,%%r4\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     :
                     : "memory", "cc");
        break;
    case CLCL:
        asm volatile("clcl %%r2,%%r4\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     :
                     : "memory", "cc");
        break;
    case MVCLE:
        asm volatile("0: mvcle %%r2,%%r4,0(%%r7)\n jo 0b\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     : "d"(r7)
                     : "memory", "cc");
        break;
    case CLCLE:
        asm volatile("0: clcle %%r2,%%r4,0(%%r7)\n jo 0b\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     : "d"(r7)
                     : "memory", "cc");
        break;
    case MVCL_EX:
        asm volatile("larl %%r1,0f\n ex 0,0(%%r1)\n j 1f\n"
                     "0: mvcl %%r2,%%r4\n"
                     "1: ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     :
                     : "r1", "memory", "cc");
        break;
    case MVCL_ODD:
        asm volatile(".insn rr,0x0e00,%%r3,%%r4\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     :
                     : "memory", "cc");
        break;
    case MVCOS:
        asm volatile("mvcos 0(%%r2),0(%%r4),%%r3\n ipm %0"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     : "d"(r0)
                     : "memory", "cc");
        break;
    case MVCL_24:
        asm volatile("sam24\n mvcl %%r2,%%r4\n ipm %0\n sam64"
                     : "=d"(ipm), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     :
                     : "memory", "cc");
        break;
    }
    g->r2 = r2;
    g->r3 = r3;
    g->r4 = r4;
    g->r5 = r5;
    g->cc = (ipm >> 28) & 3;
    g->pgm = *lc64(GUEST_PGM_COUNT) - pgm0 ? *lc16(LC_PGM_CODE) : 0;
}

static void report(unsigned id, const Regs *g)
{
    char *p = line;

    p = guest_put_hex(p, id, 2);
    *p++ = ' ';
    p = guest_put_hex(p, g->cc, 1);
    *p++ = ' ';
    p = guest_put_hex(p, g->pgm, 2);
    *p++ = ' ';
    p = guest_put_hex(p, g->r2, 16);
    *p++ = ' ';
    p = guest_put_hex(p, g->r3, 16);
    *p++ = ' ';
    p = guest_put_hex(p, g->r4, 16);
    *p++ = ' ';
    p = guest_put_hex(p, g->r5, 16);
    *p++ = '\n';
    guest_sclp_write(line, p - line);
}

static void expect(unsigned id, const Regs *g, uint32_t cc, uint32_t pgm,
                   uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
    report(id, g);
    check(g->cc == cc && g->pgm == pgm && g->r2 == r2 && g->r3 == r3 &&
              g->r4 == r4 && g->r5 == r5,
          id);
}

static int same(const uint8_t *x, const uint8_t *y, unsigned long n)
{
    for (unsigned long i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return 0;
        }
    }
    return 1;
}

static int all(const uint8_t *x, uint8_t c, unsigned long n)
{
    for (unsigned long i = 0; i < n; i++) {
        if (x[i] != c) {
            return 0;
        }
    }
    return 1;
}

/*
 * MVCOS with DAT on: the first MiB identity mapped in the primary space;
 * in the secondary space b's first page is the frame at ALT_FRAME
 */
#define ST1       0x400000UL
#define ST2       0x402000UL
#define PT1       0x404000UL
#define PT2       0x404800UL
#define ALT_FRAME 0x300000UL
#define CR0_SSC   (1UL << 26) /* bit 37 */

static void dat(int on)
{
    uint8_t old;

    if (on) {
        asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
    } else {
        asm volatile("stnsm %0,0xfb" : "=Q"(old) : : "memory");
    }
}

/* CR7, the secondary ASCE */
static void set_cr7(uint64_t v)
{
    guest_lctlg(7, v);
}

static void mvcos_rows(uint64_t A, uint64_t B)
{
    volatile uint64_t *st1 = (uint64_t *)ST1, *st2 = (uint64_t *)ST2;
    volatile uint64_t *pt1 = (uint64_t *)PT1, *pt2 = (uint64_t *)PT2;
    volatile uint8_t *alt = (uint8_t *)ALT_FRAME;
    uint64_t cr0 = guest_stctg(0);
    Regs g, r[4];

    for (unsigned i = 0; i < 512; i++) {
        st1[i] = st2[i] = 0x20; /* invalid */
    }
    for (unsigned i = 0; i < 256; i++) {
        pt1[i] = pt2[i] = (uint64_t)i << 12;
    }
    pt2[B >> 12] = ALT_FRAME;
    st1[0] = PT1;
    st2[0] = PT2;
    guest_lctlg(1, ST1);
    set_cr7(ST2);
    memset(b, 0, sizeof(b));
    for (unsigned i = 0; i < 16; i++) {
        alt[i] = 0;
    }

    /* DAT off: special operation */
    g = (Regs){ B, 8, A, 0 };
    run(MVCOS, &g, 0);
    check(g.pgm == 0x13 && *lc16(LC_PGM_ILC) == 6, 30);
    /* with DAT on, no console output (its wait turns DAT off) */
    dat(1);
    r[0] = (Regs){ B, 8, A, 0 };
    run(MVCOS, &r[0], 0);
    r[1] = (Regs){ B, 5000, A, 0 };
    run(MVCOS, &r[1], 0);
    /* the first operand in the secondary space: CR0 bit 37 needed */
    r[2] = (Regs){ B, 8, A + 8, 0 };
    run(MVCOS, &r[2], 0x00810000UL);
    guest_lctlg(0, cr0 | CR0_SSC);
    r[3] = (Regs){ B, 8, A + 8, 0 };
    run(MVCOS, &r[3], 0x00810000UL);
    dat(0);
    guest_lctlg(0, cr0);
    expect(31, &r[0], 0, 0, B, 8, A, 0);
    expect(32, &r[1], 3, 0, B, 5000, A, 0);
    expect(33, &r[2], r[2].cc, 0x13, B, 8, A + 8, 0);
    expect(34, &r[3], 0, 0, B, 8, A + 8, 0);
    check(same(b, a, 4096), 35);
    check(same((uint8_t *)alt, a + 8, 8), 36);
}

int main(void)
{
    uint64_t A = (uint64_t)a, B = (uint64_t)b;
    uint64_t cr0 = guest_stctg(0);
    Regs g;

    /* the service-signal subclass for the console, AFP for the compiler */
    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200 | (1UL << 18));
    guest_sclp_console_mask();
    for (unsigned i = 0; i < sizeof(a); i++) {
        a[i] = i * 7 + 1;
    }

    /* MVCL: padding, cc 2; bits 32-39 of R3 ignored and kept */
    g = (Regs){ B, 0xffffffffff000010UL, A, 0x12345678ab00000aUL };
    run(MVCL, &g, 0);
    expect(1, &g, 2, 0, B + 16, 0xffffffffff000000UL, A + 10,
           0x12345678ab000000UL);
    check(same(a, b, 10) && all(b + 10, 0xab, 6), 2);
    /* first operand shorter: cc 1 */
    g = (Regs){ B, 4, A, 10 };
    run(MVCL, &g, 0);
    expect(3, &g, 1, 0, B + 4, 0, A + 4, 6);
    /* destructive overlap: cc 3, nothing moved or changed */
    g = (Regs){ A + 1, 8, A, 8 };
    run(MVCL, &g, 0);
    expect(4, &g, 3, 0, A + 1, 8, A, 8);
    check(a[1] == 8, 5);
    /* zero lengths: no access at all, cc 0 */
    g = (Regs){ 0x7fffffff0000UL, 0, 0x7ffffffe0000UL, 0 };
    run(MVCL, &g, 0);
    expect(6, &g, 0, 0, 0x7fffffff0000UL, 0, 0x7ffffffe0000UL, 0);
    /* over three pages, padded past the source */
    g = (Regs){ B, 12000, A, 0x5a000000UL | 9000 };
    run(MVCL, &g, 0);
    expect(7, &g, 2, 0, B + 12000, 0, A + 9000, 0x5a000000UL);
    check(same(a, b, 9000) && all(b + 9000, 0x5a, 3000), 8);
    /* as the target of EXECUTE */
    memset(b, 0, sizeof(b));
    g = (Regs){ B, 9000, A, 9000 };
    run(MVCL_EX, &g, 0);
    expect(9, &g, 0, 0, B + 9000, 0, A + 9000, 0);
    check(same(a, b, 9000), 10);
    /* an odd R1: specification */
    g = (Regs){ B, 1, A, 1 };
    run(MVCL_ODD, &g, 0);
    check(g.pgm == 0x06 && *lc16(LC_PGM_ILC) == 2, 11);
    /* 24-bit mode: bits 32-39 of the addresses ignored and zeroed */
    g = (Regs){ 0xaa000000UL | B, 4, 0xbb000000UL | A, 4 };
    run(MVCL_24, &g, 0);
    expect(12, &g, 0, 0, B + 4, 0, A + 4, 0);

    /* CLCL: equal with padding */
    memcpy(b, a, 16);
    b[10] = b[11] = ' ';
    g = (Regs){ A, 10, B, 0x40000000UL | 12 };
    run(CLCL, &g, 0);
    expect(13, &g, 2, 0, A + 10, 0, B + 10, 0x40000002UL);
    g = (Regs){ A, 0xff00000a, B, 0x20000000UL | 12 };
    run(CLCL, &g, 0);
    expect(14, &g, 0, 0, A + 10, 0xff000000, B + 12, 0x20000000UL);
    /* the first difference */
    b[3] = a[3] + 1;
    g = (Regs){ A, 10, B, 10 };
    run(CLCL, &g, 0);
    expect(15, &g, 1, 0, A + 3, 7, B + 3, 7);
    /* over pages: a difference at 9000 */
    memcpy(b, a, sizeof(a));
    b[9000] = a[9000] - 1;
    g = (Regs){ A, 10000, B, 10000 };
    run(CLCL, &g, 0);
    expect(16, &g, 2, 0, A + 9000, 1000, B + 9000, 1000);
    g = (Regs){ A, 0, B, 0 };
    run(CLCL, &g, 0);
    expect(17, &g, 0, 0, A, 0, B, 0);

    /* MVCLE: the pad is the low byte of the second-operand address */
    memset(b, 0, sizeof(b));
    g = (Regs){ B, 16, A, 10 };
    run(MVCLE, &g, 0x1240);
    expect(18, &g, 2, 0, B + 16, 0, A + 10, 0);
    check(same(a, b, 10) && all(b + 10, 0x40, 6), 19);
    g = (Regs){ B, 10000, A, 10000 };
    run(MVCLE, &g, 0);
    expect(20, &g, 0, 0, B + 10000, 0, A + 10000, 0);
    check(same(a, b, 10000), 21);
    g = (Regs){ B, 2, A, 3 };
    run(MVCLE, &g, 0);
    expect(22, &g, 1, 0, B + 2, 0, A + 2, 1);

    /* CLCLE */
    b[9500] = a[9500] + 1;
    g = (Regs){ A, 10000, B, 10000 };
    run(CLCLE, &g, 0);
    expect(23, &g, 1, 0, A + 9500, 500, B + 9500, 500);
    memcpy(b, a, 8);
    b[8] = 0x33;
    g = (Regs){ A, 8, B, 9 };
    run(CLCLE, &g, 0x34);
    expect(24, &g, 2, 0, A + 8, 0, B + 8, 1);

    /* low-address protection stops an MVCL at 0x1000: registers updated */
    guest_lctlg(0, guest_stctg(0) | (1UL << 28));
    g = (Regs){ 0xf00, 0x200, 0, 0x11000000UL };
    run(MVCL, &g, 0);
    guest_lctlg(0, guest_stctg(0) & ~(1UL << 28));
    expect(25, &g, g.cc, 0x04, 0x1000, 0x100, 0, 0x11000000UL);
    check(*lc16(LC_PGM_ILC) == 2, 26);
    check(*(volatile uint8_t *)0xfff == 0x11, 27);

    mvcos_rows(A, B);
    return 0;
}
