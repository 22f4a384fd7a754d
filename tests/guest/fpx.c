/*
 * The floating-point extension facility (37) from guest code: CONVERT TO
 * LOGICAL (CLFEBR, CLFDBR, CLGEBR, CLGDBR), CONVERT FROM LOGICAL
 * (CELFBR, CDLFBR, CELGBR, CDLGBR), the M3 rounding and M4 inexact
 * suppression of the older conversions (CEFBRA ... FIDBRA, LEDBRA), M3
 * mode 3 (round to prepare for shorter precision) and SRNMB.
 *
 * Each row runs one instruction, assembled into a code page at run time
 * (the M fields are part of the instruction), on one input with a given
 * FPC, and checks the result register, the condition code, the FPC
 * afterwards and whether a program interruption came. The expected
 * values are what Debian's QEMU 7.2 answers under TCG for the same rows
 * (tests/guest/fpx-expect.h); every row is also printed on the SCLP
 * console, so that the same ELF run on QEMU shows its answers.
 */
#include "guest-sclp.h"

/* where the result goes; RAW: an S-format instruction, D2 from @in */
enum { TO_GR, TO_FPR, RAW };

typedef struct Row {
    uint16_t opc;
    uint8_t m3, m4;
    uint8_t dest;
    uint64_t in;  /* R2: a GR value, or the FPR image (short: bits 0-31) */
    uint32_t fpc; /* FPC before */
} Row;

#define D(x)  ((uint64_t)(x))
#define S(x)  ((uint64_t)(x) << 32) /* a short image in an FPR */
#define PZ    D(0)
#define MZ    D(0x8000000000000000)
#define P1_5  D(0x3ff8000000000000)
#define P2_5  D(0x4004000000000000)
#define M0_5  D(0xbfe0000000000000)
#define M1    D(0xbff0000000000000)
#define M1_5  D(0xbff8000000000000)
#define U32M  D(0x41efffffffe00000) /* 4294967295 */
#define U32P  D(0x41f0000000000000) /* 4294967296 */
#define U32H  D(0x41efffffffe80000) /* 4294967295.25 */
#define BIG   D(0x4415af1d78b58c40) /* 1e20 */
#define MBIG  D(0xc415af1d78b58c40)
#define TWO64 D(0x43f0000000000000)
#define U64M  D(0x43efffffffffffff) /* 2^64 - 2048 */
#define QNAN  D(0x7ff8000000000000)
#define SNAN  D(0x7ff4000000000000)
#define PINF  D(0x7ff0000000000000)
#define MINF  D(0xfff0000000000000)
#define TINY  D(0x0000000000000001)
#define SP1_5 S(0x3fc00000)
#define SM1   S(0xbf800000)
#define SU32  S(0x4f800000) /* 2^32 */
#define SNANS S(0x7fc00000)

#include "fpx-rows.h"
#ifndef FPX_PROBE
#include "fpx-expect.h"
#endif

static uint8_t code[4096] __attribute__((aligned(4096)));

/* ldgr f2,r2; sfpc r4; INSN r1/f0 <- r2/f2; ipm r5; efpc r4; lgdr r3,f0 */
static const uint8_t tmpl[] = { 0xb3, 0xc1, 0x00, 0x22, 0xb3, 0x84, 0x00,
                                0x40, 0x00, 0x00, 0x00, 0x00, 0xb2, 0x22,
                                0x00, 0x50, 0xb3, 0x8c, 0x00, 0x40, 0xb3,
                                0xcd, 0x00, 0x30, 0x07, 0xfe };

typedef struct Out {
    uint64_t v;
    uint32_t cc;
    uint32_t fpc;
    uint32_t pgm;
} Out;

static void run(const Row *r, Out *o)
{
    uint64_t pgm0 = *lc64(GUEST_PGM_COUNT);
    unsigned r1f = r->dest == TO_GR ? 1 : 0;
    uint64_t v1, v3, fpc, ipm;

    memcpy(code, tmpl, sizeof(tmpl));
    code[8] = r->opc >> 8;
    code[9] = r->opc;
    if (r->dest == RAW) {
        code[10] = r->in >> 8;
        code[11] = r->in;
    } else {
        code[10] = r->m3 << 4 | r->m4;
        code[11] = r1f << 4 | 2;
    }
    /* the register variables only after the last call (memcpy) */
    {
        register uint64_t r1 asm("1") = 0x5555555555555555UL;
        register uint64_t r2 asm("2") = r->in;
        register uint64_t r3 asm("3") = 0;
        register uint64_t r4 asm("4") = r->fpc;
        register uint64_t r5 asm("5") = 0;
        register unsigned long r6 asm("6") = (unsigned long)code;

        asm volatile("lzdr %%f0\n"
                     "basr %%r14,%%r6"
                     : "+d"(r1), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)
                     : "d"(r6)
                     : "r14", "f0", "f2", "memory", "cc");
        v1 = r1;
        v3 = r3;
        fpc = r4;
        ipm = r5;
    }
    o->v = r->dest == TO_GR ? v1 : v3;
    o->cc = (ipm >> 28) & 3;
    o->fpc = (uint32_t)fpc;
    o->pgm = *lc64(GUEST_PGM_COUNT) - pgm0 ? *lc16(LC_PGM_CODE) : 0;
}

int main(void)
{
    uint64_t cr0 = guest_stctg(0);
    static char line[96];

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200 | (1UL << 18)); /* AFP */
    guest_sclp_console_mask();
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        Out o;
        char *p = line;

        run(&rows[i], &o);
        /* "  { 0xVVVVVVVVVVVVVVVV, C, 0xFFFFFFFF, 0xPP }, /+ N +/" */
        memcpy(p, "  { 0x", 6);
        p = guest_put_hex(p + 6, o.v, 16);
        memcpy(p, ", ", 2);
        p = guest_put_hex(p + 2, o.cc, 1);
        memcpy(p, ", 0x", 4);
        p = guest_put_hex(p + 4, o.fpc, 8);
        memcpy(p, ", 0x", 4);
        p = guest_put_hex(p + 4, o.pgm, 2);
        memcpy(p, " }, /* ", 7);
        p = guest_put_hex(p + 7, i, 3);
        memcpy(p, " */\n", 4);
        p += 4;
        guest_sclp_write(line, p - line);
#ifndef FPX_PROBE
        check(o.v == expect[i].v && o.cc == expect[i].cc &&
                  o.fpc == expect[i].fpc && o.pgm == expect[i].pgm,
              100 + i);
#endif
    }
    return 0;
}
