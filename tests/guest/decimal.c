/*
 * The decimal instructions from guest code: CVB/CVBY/CVBG, CVD/CVDY/
 * CVDG, PACK, UNPK, MVO, MVN, MVZ, PKA, PKU, UNPKA, UNPKU, ZAP, AP, SP,
 * CP, TP, SRP, MP, DP, ED and EDMK.
 *
 * Each row (decimal-rows.h) is one instruction with fixed registers,
 * assembled into a code page at run time: operand 1 at GR7, operand 2 at
 * GR8 (both 32-byte buffers primed with the row's bytes, the rest 0xee),
 * GR1 as the row gives it, and the cc and program mask set by SPM
 * before. After it come both buffers, GR1 (an address EDMK put there as
 * its offset from operand 1), the cc, the program-
 * interruption code (0: none) and the DXC of a data exception. The
 * expected values are what Debian's QEMU 7.2 answers under TCG for the
 * same ELF (decimal-expect.h); every row is also printed on the SCLP
 * console, so that the same ELF run on QEMU shows its answers.
 */
#include "guest-sclp.h"

typedef struct Row {
    uint8_t insn[6];
    const char *a, *b; /* hex text: the start of the two buffers */
    uint64_t r1;
    uint32_t spm; /* bits 34-39: cc and program mask */
} Row;

/* operand 1 at 0(7), operand 2 at 0(8) */
/* clang-format off */
#define SS(op, l)        { op, l, 0x70, 0x00, 0x80, 0x00 }
#define SS2(op, l1, l2)  SS(op, (l1) << 4 | (l2))
#define SRP(l1, i3, sh)  { 0xf0, (l1) << 4 | (i3), 0x70, 0x00, 0x00, sh }
#define TP(l1)           { 0xeb, (l1) << 4, 0x70, 0x00, 0x00, 0xc0 }
#define RX(op)           { op, 0x10, 0x80, 0x00 }
#define RXY(op)          { 0xe3, 0x10, 0x80, 0x00, 0x00, op }
#define CC2              0x20000000u
#define DECOVF           0x04000000u /* program mask bit 21 */
/* clang-format on */

#include "decimal-rows.h"
#ifndef DECIMAL_PROBE
#include "decimal-expect.h"
#endif

#define LC_DXC 0x90

static uint8_t code[4096] __attribute__((aligned(4096)));
static uint8_t bufa[32] __attribute__((aligned(8)));
static uint8_t bufb[32] __attribute__((aligned(8)));

typedef struct Out {
    uint64_t a0, a1, b0, b1, r1;
    uint32_t cc, pgm, dxc;
} Out;

static unsigned hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

static void prime(uint8_t *buf, const char *hex)
{
    unsigned n = 0;

    memset(buf, 0xee, 32);
    for (const char *p = hex; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        buf[n++] = hexval(p[0]) << 4 | hexval(p[1]);
        p += 2;
    }
}

static uint64_t be64(const uint8_t *p)
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

static void run(const Row *r, Out *o)
{
    uint64_t pgm0 = *lc64(GUEST_PGM_COUNT);
    unsigned len = r->insn[0] < 0x40 ? 2 : r->insn[0] < 0xc0 ? 4 : 6;
    uint64_t v1, ipm;
    unsigned n = 0;

    prime(bufa, r->a);
    prime(bufb, r->b);
    code[n++] = 0x04; /* spm r4 */
    code[n++] = 0x40;
    memcpy(code + n, r->insn, len);
    n += len;
    code[n++] = 0xb2; /* ipm r5 */
    code[n++] = 0x22;
    code[n++] = 0x00;
    code[n++] = 0x50;
    code[n++] = 0x07; /* br r14 */
    code[n++] = 0xfe;
    *lc32(LC_DXC) = 0xeeeeeeee;
    /* the register variables only after the last call (memcpy) */
    {
        register uint64_t r1 asm("1") = r->r1;
        register uint64_t r4 asm("4") = r->spm;
        register uint64_t r5 asm("5") = 0;
        register unsigned long r6 asm("6") = (unsigned long)code;
        register unsigned long r7 asm("7") = (unsigned long)bufa;
        register unsigned long r8 asm("8") = (unsigned long)bufb;

        asm volatile("basr %%r14,%%r6"
                     : "+d"(r1), "+d"(r4), "+d"(r5)
                     : "d"(r6), "d"(r7), "d"(r8)
                     : "r14", "memory", "cc");
        v1 = r1;
        ipm = r5;
    }
    o->a0 = be64(bufa);
    o->a1 = be64(bufa + 8);
    o->b0 = be64(bufb);
    o->b1 = be64(bufb + 8);
    /* an address EDMK placed: as an offset from operand 1 */
    o->r1 = r->insn[0] == 0xdf && v1 != r->r1 ? v1 - (unsigned long)bufa : v1;
    o->cc = (ipm >> 28) & 3;
    o->pgm = *lc64(GUEST_PGM_COUNT) - pgm0 ? *lc16(LC_PGM_CODE) : 0;
    o->dxc = o->pgm == 7 ? *lc32(LC_DXC) & 0xff : 0;
}

static char *put64(char *p, uint64_t v)
{
    memcpy(p, "0x", 2);
    p = guest_put_hex(p + 2, v, 16);
    memcpy(p, ", ", 2);
    return p + 2;
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0);
    static char line[160];

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200 | (1UL << 18)); /* AFP */
    guest_sclp_console_mask();
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        Out o;
        char *p = line;

        run(&rows[i], &o);
        /* "  { A0, A1, B0, B1, R1, C, 0xPP, 0xDD }, /+ N +/" */
        memcpy(p, "  { ", 4);
        p = put64(p + 4, o.a0);
        p = put64(p, o.a1);
        p = put64(p, o.b0);
        p = put64(p, o.b1);
        p = put64(p, o.r1);
        p = guest_put_hex(p, o.cc, 1);
        memcpy(p, ", 0x", 4);
        p = guest_put_hex(p + 4, o.pgm, 2);
        memcpy(p, ", 0x", 4);
        p = guest_put_hex(p + 4, o.dxc, 2);
        memcpy(p, " }, /* ", 7);
        p = guest_put_hex(p + 7, i, 3);
        memcpy(p, " */\n", 4);
        p += 4;
        guest_sclp_write(line, p - line);
#ifndef DECIMAL_PROBE
        check(o.a0 == expect[i].a0 && o.a1 == expect[i].a1 &&
                  o.b0 == expect[i].b0 && o.b1 == expect[i].b1 &&
                  o.r1 == expect[i].r1 && o.cc == expect[i].cc &&
                  o.pgm == expect[i].pgm && o.dxc == expect[i].dxc,
              100 + i);
#endif
    }
    return 0;
}
