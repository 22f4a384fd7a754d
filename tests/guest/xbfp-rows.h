/*
 * The rows of tests/guest/xbfp.c: instruction, the pair f1/f3 (R1), the
 * pair f5/f7 (R2), general register 2, FPC before. Values are pairs of
 * words (sign, exponent and 48 fraction bits; the other 64), computed
 * with the host's __float128.
 */
#define Z      0, 0
#define P1     0x3fff000000000000UL, 0
#define P2     0x4000000000000000UL, 0
#define P3     0x4000800000000000UL, 0
#define M1     0xbfff000000000000UL, 0
#define P0_5   0x3ffe000000000000UL, 0
#define M0_5   0xbffe000000000000UL, 0
#define P1_5   0x3fff800000000000UL, 0
#define M1_5   0xbfff800000000000UL, 0
#define P2_5   0x4000400000000000UL, 0
#define M2_5   0xc000400000000000UL, 0
#define P1ULP  0x3fff000000000000UL, 1 /* 1 + 2^-112 */
#define HULP   0x3f8e000000000000UL, 0 /* 2^-113: half a unit of 1 */
#define H3Q    0x3f8e800000000000UL, 0 /* 3 * 2^-114 */
#define THIRD  0x3ffd555555555555UL, 0x5555555555555555UL
#define MAX    0x7ffeffffffffffffUL, 0xffffffffffffffffUL
#define MIN    0x0001000000000000UL, 0
#define SUB    0x0000400000000000UL, 0 /* MIN / 4 */
#define TINY   0, 1
#define MTINY  0x8000000000000000UL, 1
#define PZ     0, 0
#define MZ     0x8000000000000000UL, 0
#define PINF   0x7fff000000000000UL, 0
#define MINF   0xffff000000000000UL, 0
#define QNAN   0x7fff800000000000UL, 0
#define QNANB  0xffff800000000000UL, 2
#define SNAN   0x7fff000000000000UL, 1
#define MSNAN  0xffff400000000000UL, 0
#define E2000  0x47cf000000000000UL, 0
#define EM1100 0x3bb3000000000000UL, 0
#define SUBL15 0x3bcd800000000000UL, 0 /* 1.5 * 2^-1074 */
#define E200   0x40c7000000000000UL, 0
#define I31H   0x401dfffffffe0000UL, 0                    /* 2147483647.5 */
#define MI31H  0xc01e000000010000UL, 0                    /* -2147483648.5 */
#define I32H   0x401effffffff0000UL, 0                    /* 2^32 - 0.5 */
#define I63H   0x403dffffffffffffUL, 0xfffe000000000000UL /* 2^63 - 0.5 */
#define I64H   0x403effffffffffffUL, 0xffff000000000000UL /* 2^64 - 0.5 */
#define E20    0x40415af1d78b58c4UL, 0
#define E40    0x4083d6329f1c35caUL, 0x4bfabb9f56100000UL
#define M2P63  0xc03e000000000000UL, 0
#define P2P63  0x403e000000000000UL, 0
#define P2P64  0x403f000000000000UL, 0
#define LDX1   0x3fff000000000000UL, 0x0010000000000001UL /* 1+2^-60+2^-112 */
#define LDXT   0x3fff000000000000UL, 0x0800000000000000UL /* 1 + 2^-53 */
/* long and short images in the left register (the right one 0) */
#define L(x) (x##UL), 0
#define S(x) ((uint64_t)(x##U) << 32), 0

/* R1 = 1, R2 = 5 (or general register 2 for CxxBR from fixed) */
#define RRE(op)         ((uint64_t)(op) << 16 | 0x15)
#define RRF(op, m3, m4) ((uint64_t)(op) << 16 | (m3) << 12 | (m4) << 8 | 0x15)
#define FIX(op, m3, m4) ((uint64_t)(op) << 16 | (m3) << 12 | (m4) << 8 | 0x12)
#define RAW4(x)         ((uint64_t)(x))
/* TCXB 1,MASK */
#define TCXB(mask) (0xed1000000012UL | (uint64_t)(mask) << 16)

#define AXBR  0xb34a
#define SXBR  0xb34b
#define MXBR  0xb34c
#define DXBR  0xb34d
#define SQXBR 0xb316
#define CXBR  0xb349
#define KXBR  0xb348
#define LTXBR 0xb342
#define LCXBR 0xb343
#define LPXBR 0xb340
#define LNXBR 0xb341
#define LXR   0xb365
#define LXDBR 0xb305
#define LXEBR 0xb306
#define MXDBR 0xb307
#define LDXBR 0xb345
#define LEXBR 0xb346
#define FIXBR 0xb347
#define CFXBR 0xb39a
#define CGXBR 0xb3aa
#define CLFXB 0xb39e
#define CLGXB 0xb3ae
#define CXFBR 0xb396
#define CXGBR 0xb3a6
#define CXLFB 0xb392
#define CXLGB 0xb3a2

/* FPC: masks, rounding modes */
#define MINV 0x80000000u
#define MDIV 0x40000000u
#define MOVF 0x20000000u
#define MUNF 0x10000000u
#define MINX 0x08000000u

static const Row rows[] = {
    /* arithmetic in each FPC mode: ties, above ties, 1/3, sqrt 2 */
    { RRE(AXBR), P1, P2, 0, 0 },
    { RRE(AXBR), P1, HULP, 0, 0 },
    { RRE(AXBR), P1, HULP, 0, 1 },
    { RRE(AXBR), P1, HULP, 0, 2 },
    { RRE(AXBR), P1, HULP, 0, 3 },
    { RRE(AXBR), P1, HULP, 0, 7 },
    { RRE(AXBR), P1ULP, HULP, 0, 0 },
    { RRE(AXBR), P1ULP, HULP, 0, 7 },
    { RRE(AXBR), P1, H3Q, 0, 0 },
    { RRE(SXBR), P1, H3Q, 0, 0 },
    { RRE(SXBR), P1, H3Q, 0, 1 },
    { RRE(SXBR), P1, H3Q, 0, 3 },
    { RRE(DXBR), P1, P3, 0, 0 },
    { RRE(DXBR), P1, P3, 0, 1 },
    { RRE(DXBR), P1, P3, 0, 2 },
    { RRE(DXBR), M1, P3, 0, 3 },
    { RRE(DXBR), P1, P3, 0, 7 },
    { RRE(MXBR), THIRD, P3, 0, 0 },
    { RRE(MXBR), THIRD, P3, 0, 1 },
    { RRE(MXBR), THIRD, P3, 0, 2 },
    { RRE(SQXBR), Z, P2, 0, 0 },
    { RRE(SQXBR), Z, P2, 0, 1 },
    { RRE(SQXBR), Z, P2, 0, 2 },
    { RRE(SQXBR), Z, P2, 0, 7 },
    /* zeros' signs */
    { RRE(SXBR), P3, P3, 0, 0 },
    { RRE(SXBR), P3, P3, 0, 3 },
    { RRE(AXBR), MZ, MZ, 0, 0 },
    { RRE(AXBR), PZ, MZ, 0, 0 },
    { RRE(AXBR), PZ, MZ, 0, 3 },
    { RRE(MXBR), M1, PZ, 0, 0 },
    { RRE(DXBR), MZ, P3, 0, 0 },
    { RRE(SQXBR), Z, MZ, 0, 0 },
    /* NaNs and invalid operations */
    { RRE(AXBR), QNAN, SNAN, 0, 0 },
    { RRE(AXBR), QNANB, QNAN, 0, 0 },
    { RRE(AXBR), P1, SNAN, 0, 0 },
    { RRE(AXBR), P1, SNAN, 0, MINV },
    { RRE(MXBR), MSNAN, P2, 0, 0 },
    { RRE(MXBR), PINF, PZ, 0, 0 },
    { RRE(MXBR), PINF, PZ, 0, MINV },
    { RRE(SXBR), PINF, PINF, 0, 0 },
    { RRE(DXBR), PZ, PZ, 0, 0 },
    { RRE(DXBR), PINF, MINF, 0, 0 },
    { RRE(SQXBR), Z, M1, 0, 0 },
    { RRE(SQXBR), Z, SNAN, 0, 0 },
    { RRE(SQXBR), Z, QNANB, 0, 0 },
    /* infinities, division by zero */
    { RRE(AXBR), PINF, P1, 0, 0 },
    { RRE(MXBR), MINF, P2, 0, 0 },
    { RRE(DXBR), P1, PINF, 0, 0 },
    { RRE(DXBR), M1, PZ, 0, 0 },
    { RRE(DXBR), M1, PZ, 0, MDIV },
    { RRE(SQXBR), Z, PINF, 0, 0 },
    /* overflow and underflow, masked and trapped */
    { RRE(MXBR), MAX, P2, 0, 0 },
    { RRE(MXBR), MAX, P2, 0, 1 },
    { RRE(MXBR), MAX, P2, 0, 2 },
    { RRE(MXBR), MAX, M2_5, 0, 2 },
    { RRE(MXBR), MAX, P2, 0, MOVF },
    { RRE(MXBR), MAX, P1_5, 0, MOVF },
    { RRE(AXBR), MAX, MAX, 0, MOVF },
    { RRE(MXBR), MIN, P0_5, 0, 0 },
    { RRE(MXBR), MIN, P0_5, 0, MUNF },
    { RRE(DXBR), MIN, P3, 0, 0 },
    { RRE(DXBR), MIN, P3, 0, MUNF },
    { RRE(DXBR), MIN, P3, 0, MUNF | 2 },
    { RRE(MXBR), TINY, P0_5, 0, 0 },
    { RRE(MXBR), TINY, P0_5, 0, 2 },
    { RRE(MXBR), MTINY, P0_5, 0, 7 },
    { RRE(SXBR), MIN, SUB, 0, 0 },
    { RRE(DXBR), P1, P3, 0, MINX },
    { RRE(DXBR), P1, P3, 0, MINX | 2 },
    { RRE(DXBR), MAX, P0_5, 0, MOVF | MINX },
    /* compare, load and test, the sign loads */
    { RRE(CXBR), P1, P2, 0, 0 },
    { RRE(CXBR), P2, P1, 0, 0 },
    { RRE(CXBR), PZ, MZ, 0, 0 },
    { RRE(CXBR), P1, P1ULP, 0, 0 },
    { RRE(CXBR), MINF, MAX, 0, 0 },
    { RRE(CXBR), P1, QNAN, 0, 0 },
    { RRE(CXBR), SNAN, P1, 0, 0 },
    { RRE(CXBR), SNAN, P1, 0, MINV },
    { RRE(KXBR), P1, P2, 0, 0 },
    { RRE(KXBR), QNAN, P1, 0, 0 },
    { RRE(KXBR), QNAN, P1, 0, MINV },
    { RRE(LTXBR), Z, P1, 0, 0 },
    { RRE(LTXBR), Z, MZ, 0, 0 },
    { RRE(LTXBR), Z, M1_5, 0, 0 },
    { RRE(LTXBR), Z, QNANB, 0, 0 },
    { RRE(LTXBR), Z, MSNAN, 0, 0 },
    { RRE(LTXBR), P1, MSNAN, 0, MINV },
    { RRE(LCXBR), Z, P1, 0, 0 },
    { RRE(LCXBR), Z, MZ, 0, 0 },
    { RRE(LCXBR), Z, SNAN, 0, 0 },
    { RRE(LPXBR), Z, M1_5, 0, 0 },
    { RRE(LPXBR), Z, MSNAN, 0, 0 },
    { RRE(LNXBR), Z, P1_5, 0, 0 },
    { RRE(LNXBR), Z, PZ, 0, 0 },
    { RRE(LXR), Z, THIRD, 0, 0 },
    { RAW4(0xb3760010), THIRD, Z, 0, 0 }, /* LZXR 1 */
    /* lengthen, multiply to extended */
    { RRE(LXDBR), Z, L(0x3ff0000000000001), 0, 0 },
    { RRE(LXDBR), Z, L(0x8000000000000001), 0, 0 },
    { RRE(LXDBR), Z, L(0xfff0000000000000), 0, 0 },
    { RRE(LXDBR), Z, L(0x7ff4000000000001), 0, 0 },
    { RRE(LXDBR), Z, L(0x7ff4000000000001), 0, MINV },
    { RRE(LXDBR), Z, L(0xfff8000000000002), 0, 0 },
    { RRE(LXEBR), Z, S(0xbf800001), 0, 0 },
    { RRE(LXEBR), Z, S(0x00000001), 0, 0 },
    { RRE(LXEBR), Z, S(0x7fa00001), 0, 0 },
    { RRE(MXDBR), L(0x3ff0000000000001), L(0x3ff0000000000001), 0, 0 },
    { RRE(MXDBR), L(0x7e37e43c8800759c), L(0x7e37e43c8800759c), 0, 0 },
    { RRE(MXDBR), L(0x0000000000000001), L(0x8000000000000001), 0, 0 },
    { RRE(MXDBR), L(0x7ff8000000000001), L(0x7ff4000000000002), 0, 0 },
    { RRE(MXDBR), L(0x7ff0000000000000), L(0x0000000000000000), 0, 0 },
    /* round to long and short: M3 modes, M4 XxC, range edges */
    { RRF(LDXBR, 0, 0), Z, LDX1, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, LDX1, 0, 2 },
    { RRF(LDXBR, 1, 0), Z, LDXT, 0, 0 },
    { RRF(LDXBR, 3, 0), Z, LDX1, 0, 0 },
    { RRF(LDXBR, 4, 0), Z, LDXT, 0, 0 },
    { RRF(LDXBR, 5, 0), Z, LDX1, 0, 2 },
    { RRF(LDXBR, 6, 0), Z, LDX1, 0, 0 },
    { RRF(LDXBR, 7, 0), Z, LDX1, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, LDX1, 0, MINX },
    { RRF(LDXBR, 0, 4), Z, LDX1, 0, MINX },
    { RRF(LDXBR, 2, 0), Z, LDX1, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, E2000, 0, 0 },
    { RRF(LDXBR, 5, 0), Z, E2000, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, EM1100, 0, 0 },
    { RRF(LDXBR, 6, 0), Z, EM1100, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, SUBL15, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, MAX, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, SNAN, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, QNANB, 0, 0 },
    { RRF(LDXBR, 0, 0), Z, MINF, 0, 0 },
    { RRF(LEXBR, 0, 0), Z, THIRD, 0, 0 },
    { RRF(LEXBR, 6, 0), Z, THIRD, 0, 0 },
    { RRF(LEXBR, 0, 0), Z, E200, 0, 0 },
    { RRF(LEXBR, 0, 0), Z, MZ, 0, 0 },
    { RRF(LEXBR, 0, 0), Z, MSNAN, 0, 0 },
    /* to fixed: M3 modes, range edges, NaNs */
    { RRF(CFXBR, 0, 0), Z, P2_5, 0, 0 },
    { RRF(CFXBR, 1, 0), Z, P2_5, 0, 0 },
    { RRF(CFXBR, 3, 0), Z, P2_5, 0, 0 },
    { RRF(CFXBR, 4, 0), Z, M2_5, 0, 0 },
    { RRF(CFXBR, 5, 0), Z, M2_5, 0, 0 },
    { RRF(CFXBR, 6, 0), Z, M2_5, 0, 0 },
    { RRF(CFXBR, 7, 0), Z, M2_5, 0, 0 },
    { RRF(CFXBR, 5, 0), Z, I31H, 0, 0 },
    { RRF(CFXBR, 4, 0), Z, I31H, 0, 0 },
    { RRF(CFXBR, 5, 0), Z, MI31H, 0, 0 },
    { RRF(CFXBR, 7, 0), Z, MI31H, 0, 0 },
    { RRF(CFXBR, 0, 0), Z, E20, 0, 0 },
    { RRF(CFXBR, 0, 0), Z, QNAN, 0, 0 },
    { RRF(CFXBR, 0, 0), Z, MINF, 0, 0 },
    { RRF(CFXBR, 0, 0), Z, MZ, 0, 0 },
    { RRF(CFXBR, 0, 4), Z, P2_5, 0, MINX },
    { RRF(CFXBR, 0, 0), Z, P2_5, 0, MINX },
    { RRF(CFXBR, 0, 0), Z, QNAN, 0, MINV },
    { RRF(CFXBR, 2, 0), Z, P2_5, 0, 0 },
    { RRF(CGXBR, 5, 0), Z, I63H, 0, 0 },
    { RRF(CGXBR, 4, 0), Z, I63H, 0, 0 },
    { RRF(CGXBR, 5, 0), Z, M2P63, 0, 0 },
    { RRF(CGXBR, 5, 0), Z, P2P63, 0, 0 },
    { RRF(CGXBR, 0, 0), Z, SNAN, 0, 0 },
    { RRF(CGXBR, 0, 0), Z, TINY, 0, 0 },
    { RRF(CGXBR, 6, 0), Z, TINY, 0, 0 },
    { RRF(CLFXB, 5, 0), Z, I32H, 0, 0 },
    { RRF(CLFXB, 4, 0), Z, I32H, 0, 0 },
    { RRF(CLFXB, 4, 0), Z, M0_5, 0, 0 },
    { RRF(CLFXB, 7, 0), Z, M0_5, 0, 0 },
    { RRF(CLFXB, 0, 0), Z, M1, 0, 0 },
    { RRF(CLFXB, 0, 0), Z, QNAN, 0, 0 },
    { RRF(CLGXB, 5, 0), Z, I64H, 0, 0 },
    { RRF(CLGXB, 4, 0), Z, I64H, 0, 0 },
    { RRF(CLGXB, 0, 0), Z, P2P64, 0, 0 },
    { RRF(CLGXB, 0, 0), Z, P2P63, 0, 0 },
    { RRF(CLGXB, 0, 0), Z, MINF, 0, 0 },
    /* from fixed: always exact */
    { FIX(CXFBR, 0, 0), Z, Z, 0x12345678fffffffbUL, 0 },
    { FIX(CXFBR, 0, 0), Z, Z, 0x80000000UL, 0 },
    { FIX(CXFBR, 0, 0), Z, Z, 0, 0 },
    { FIX(CXFBR, 2, 0), Z, Z, 5, 0 },
    { FIX(CXGBR, 0, 0), Z, Z, 0x8000000000000000UL, 0 },
    { FIX(CXGBR, 5, 0), Z, Z, 0x7fffffffffffffffUL, 0 },
    { FIX(CXLFB, 0, 0), Z, Z, 0xabcdef01ffffffffUL, 0 },
    { FIX(CXLGB, 0, 0), Z, Z, 0xffffffffffffffffUL, 0 },
    { FIX(CXLGB, 7, 4), Z, Z, 1, MINX },
    /* load FP integer */
    { RRF(FIXBR, 0, 0), Z, P2_5, 0, 0 },
    { RRF(FIXBR, 1, 0), Z, P2_5, 0, 0 },
    { RRF(FIXBR, 3, 0), Z, P2_5, 0, 0 },
    { RRF(FIXBR, 3, 0), Z, M1_5, 0, 0 },
    { RRF(FIXBR, 5, 0), Z, M0_5, 0, 0 },
    { RRF(FIXBR, 6, 0), Z, M0_5, 0, 0 },
    { RRF(FIXBR, 7, 0), Z, M0_5, 0, 0 },
    { RRF(FIXBR, 0, 0), Z, E40, 0, 0 },
    { RRF(FIXBR, 0, 0), Z, THIRD, 0, 1 },
    { RRF(FIXBR, 0, 0), Z, SNAN, 0, 0 },
    { RRF(FIXBR, 0, 0), Z, MINF, 0, 0 },
    { RRF(FIXBR, 0, 4), Z, P2_5, 0, MINX },
    { RRF(FIXBR, 0, 0), Z, P2_5, 0, MINX },
    /* TCXB: each class on its bit, and one miss */
    { TCXB(0x800), PZ, Z, 0, 0 },
    { TCXB(0x400), MZ, Z, 0, 0 },
    { TCXB(0x200), P3, Z, 0, 0 },
    { TCXB(0x100), M1, Z, 0, 0 },
    { TCXB(0x080), SUB, Z, 0, 0 },
    { TCXB(0x040), MTINY, Z, 0, 0 },
    { TCXB(0x020), PINF, Z, 0, 0 },
    { TCXB(0x010), MINF, Z, 0, 0 },
    { TCXB(0x008), QNAN, Z, 0, 0 },
    { TCXB(0x004), QNANB, Z, 0, 0 },
    { TCXB(0x002), SNAN, Z, 0, 0 },
    { TCXB(0x001), MSNAN, Z, 0, 0 },
    { TCXB(0xffe), MSNAN, Z, 0, 0 },
    { TCXB(0x200), MIN, Z, 0, 0 },
    /* registers that name no pair: specification */
    { RAW4(0xb34a0035), P1, P1, 0, 0 },                    /* AXBR 3,5 */
    { RAW4(0xb34a0017), P1, P1, 0, 0 },                    /* AXBR 1,7 */
    { RAW4(0xb3160017), P1, P1, 0, 0 },                    /* SQXBR 1,7 */
    { RAW4(0xb3490037), P1, P1, 0, 0 },                    /* CXBR 3,7 */
    { RAW4(0xb3650017), P1, P1, 0, 0 },                    /* LXR 1,7 */
    { RAW4(0xb3760030), P1, P1, 0, 0 },                    /* LZXR 3 */
    { RAW4(0xb3050035), P1, P1, 0, 0 },                    /* LXDBR 3,5 */
    { RAW4(0xb3050017), P1, L(0x3ff0000000000000), 0, 0 }, /* LXDBR 1,7 */
    { RAW4(0xb3070037), P1, P1, 0, 0 },                    /* MXDBR 3,7 */
    { RAW4(0xb3450017), P1, P1, 0, 0 },                    /* LDXBR 1,7 */
    { RAW4(0xb3450035), P1, P1, 0, 0 },                    /* LDXBR 3,5 */
    { RAW4(0xb3460035), P1, P1, 0, 0 },                    /* LEXBR 3,5 */
    { RAW4(0xb39a0017), P1, P1, 0, 0 },                    /* CFXBR 1,7 */
    { RAW4(0xb39a0035), P1, P1, 0, 0 }, /* CFXBR 3,5: R1 a GR */
    { RAW4(0xb3960032), P1, P1, 0, 0 }, /* CXFBR 3,2 */
    { RAW4(0xb3470017), P1, P1, 0, 0 }, /* FIXBR 1,7 */
    { RAW4(0xb3470035), P1, P1, 0, 0 }, /* FIXBR 3,5 */
    { 0xed3000000012UL, P1, P1, 0, 0 }, /* TCXB 3,0 */
    /*
     * LOAD ROUNDED with overflow or underflow trapped: the source rounded
     * to the target's precision, scaled by 2^-+512 (long source) or
     * 2^-+8192 (extended), in the source format (LEDBR too)
     */
    { RRF(0xb344, 0, 0), Z, L(0x47efffffffffffff), 0, 0xf8000000 },
    { RRF(0xb344, 0, 0), Z, L(0xb690000000000000), 0, 0xf8000000 },
    { RRF(0xb344, 0, 0), Z, L(0x47efffffffffffff), 0, 0 },
    { RRF(LEXBR, 0, 0), Z, 0x407effffffffffffUL, ~0UL, 0, 0xf8000000 },
    { RRF(LDXBR, 0, 0), Z, 0xc3feffffffffffffUL, ~0UL, 0, 0xf8000000 },
    { RRF(LDXBR, 0, 0), Z, 0x3bcc000000000000UL, 0, 0, MUNF },
    { RRF(LDXBR, 5, 0), Z, E2000, 0, MOVF },
    { RRF(LDXBR, 6, 4), Z, 0x47cf000000000000UL, 1, 0, MOVF | MINX },
};
