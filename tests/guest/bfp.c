/*
 * Binary floating point: each BFP instruction on chosen bit patterns
 * with its condition code and the FPC's flags, NaN propagation, signed
 * zeros, the rounding modes of the FPC and of M3, the data exceptions
 * of enabled IEEE traps (DXC in the lowcore and the FPC), and a
 * compiled numerical loop whose result is printed on the SCLP console.
 */
#include "guest-sclp.h"

#define LC_DXC 0x90

/* FPC fields */
#define M_INV 0x80000000u
#define M_DIV 0x40000000u
#define M_OVF 0x20000000u
#define M_UNF 0x10000000u
#define M_INX 0x08000000u
#define F_INV 0x00800000u
#define F_DIV 0x00400000u
#define F_OVF 0x00200000u
#define F_UNF 0x00100000u
#define F_INX 0x00080000u

#define ONE   0x3ff0000000000000UL
#define TWO   0x4000000000000000UL
#define THREE 0x4008000000000000UL
#define MZERO 0x8000000000000000UL
#define PINF  0x7ff0000000000000UL
#define QNAN1 0x7ff8000000000001UL
#define QNAN2 0x7ff8000000000002UL
#define SNAN  0x7ff4000000000000UL
#define DNAN  0x7ff8000000000000UL

static void sfpc(uint32_t v)
{
    asm volatile("sfpc %0" : : "d"(v));
}

static uint32_t efpc(void)
{
    uint32_t v;

    asm volatile("efpc %0" : "=d"(v));
    return v;
}

/* "MN %f0,%f2" on f0 = @a, f2 = @b: f0 after it, the cc in *cc */
#define RR(mn, a, b, cc)                                                       \
    ({                                                                         \
        uint64_t r_;                                                           \
        int c_;                                                                \
        asm volatile("ldgr %%f0,%[x]\n"                                        \
                     "ldgr %%f2,%[y]\n"                                        \
                     "lghi %[c],0\n"                                           \
                     "tmll %[c],0\n" /* cc 0 */                                \
                     mn " %%f0,%%f2\n"                                         \
                     "ipm %[c]\n"                                              \
                     "lgdr %[r],%%f0\n"                                        \
                     : [r] "=&d"(r_), [c] "=&d"(c_)                            \
                     : [x] "d"(a), [y] "d"(b)                                  \
                     : "f0", "f2", "cc");                                      \
        *(cc) = (c_ >> 28) & 3;                                                \
        r_;                                                                    \
    })

/* the long operations */
static int cc;

static uint64_t op_ll(int which, uint64_t a, uint64_t b)
{
    switch (which) {
    case 0:
        return RR("adbr", a, b, &cc);
    case 1:
        return RR("sdbr", a, b, &cc);
    case 2:
        return RR("mdbr", a, b, &cc);
    case 3:
        return RR("ddbr", a, b, &cc);
    case 4:
        return RR("sqdbr", a, b, &cc);
    case 5:
        return RR("cdbr", a, b, &cc);
    case 6:
        return RR("kdbr", a, b, &cc);
    case 7:
        return RR("ltdbr", a, b, &cc);
    case 8:
        return RR("lcdbr", a, b, &cc);
    case 9:
        return RR("lndbr", a, b, &cc);
    case 10:
        return RR("lpdbr", a, b, &cc);
    case 11:
        return RR("ledbr", a, b, &cc);
    case 12:
        return RR("ldebr", a, b, &cc);
    case 13:
        return RR("aebr", a, b, &cc);
    case 14:
        return RR("sebr", a, b, &cc);
    case 15:
        return RR("meebr", a, b, &cc);
    case 16:
        return RR("debr", a, b, &cc);
    case 17:
        return RR("sqebr", a, b, &cc);
    case 18:
        return RR("cebr", a, b, &cc);
    case 19:
        return RR("kebr", a, b, &cc);
    case 20:
        return RR("ltebr", a, b, &cc);
    case 21:
        return RR("lcebr", a, b, &cc);
    case 22:
        return RR("mdebr", a, b, &cc);
    case 23:
        return RR("fidbr %%f0,4,%%f2\n#", a, b, &cc);
    case 24:
        return RR("fidbr %%f0,1,%%f2\n#", a, b, &cc);
    case 25:
        return RR("fidbr %%f0,5,%%f2\n#", a, b, &cc);
    default:
        return 0;
    }
}

enum {
    ADD,
    SUB,
    MUL,
    DIV,
    SQRT,
    CMP,
    CMPS,
    LT,
    LC,
    LN,
    LP,
    LEDB,
    LDEB,
    AEB,
    SEB,
    MEEB,
    DEB,
    SQEB,
    CEB,
    KEB,
    LTEB,
    LCEB,
    MDEB,
    FI_NE,
    FI_NA,
    FI_Z,
};

#define S(x) ((uint64_t)(x) << 32) /* a short value in bits 0-31 */

/* op, a, b, expected result, expected cc (-1: unchanged 0), FPC after */
typedef struct Case {
    int op;
    uint64_t a, b, res;
    int cc;
    uint32_t fpc;
} Case;

static const Case cases[] = {
    /* arithmetic and cc */
    { ADD, 0x3ff8000000000000UL, 0x4002000000000000UL, 0x400e000000000000UL, 2,
      0 },
    { ADD, ONE, 0xbff0000000000000UL, 0, 0, 0 },
    { SUB, ONE, THREE, 0xc000000000000000UL, 1, 0 },
    { SUB, MZERO, MZERO, 0, 0, 0 },
    { SUB, MZERO, 0, MZERO, 0, 0 },
    { MUL, THREE, 0xc000000000000000UL, 0xc018000000000000UL, 0, 0 },
    { MUL, MZERO, THREE, MZERO, 0, 0 },
    { DIV, ONE, THREE, 0x3fd5555555555555UL, 0, F_INX },
    { DIV, ONE, 0, PINF, 0, F_DIV },
    { DIV, ONE, MZERO, 0xfff0000000000000UL, 0, F_DIV },
    { DIV, 0, 0, DNAN, 0, F_INV },
    { SQRT, 0, TWO, 0x3ff6a09e667f3bcdUL, 0, F_INX },
    { SQRT, 0, MZERO, MZERO, 0, 0 },
    { SQRT, 0, 0xbff0000000000000UL, DNAN, 0, F_INV },
    { ADD, 0x7fefffffffffffffUL, 0x7fefffffffffffffUL, PINF, 3 - 1,
      F_OVF | F_INX },
    { MUL, 0x0010000000000000UL, 0x3fe0000000000000UL, 0x0008000000000000UL, 0,
      0 }, /* tiny but exact: no flag */
    { DIV, 0x0010000000000000UL, THREE, 0x0005555555555555UL, 0,
      F_UNF | F_INX },
    /* rounded once: 1 + 2^-53 + 2^-105 is above the halfway point */
    { ADD, ONE, 0x3ca0000000000001UL, 0x3ff0000000000001UL, 2, F_INX },
    /* tiny before rounding although it rounds to the smallest normal */
    { MUL, 0x001fffffffffffffUL, 0x3fe0000000000000UL, 0x0010000000000000UL, 0,
      F_UNF | F_INX },
    /* NaN propagation */
    { ADD, QNAN1, QNAN2, QNAN1, 3, 0 },
    { ADD, ONE, QNAN2, QNAN2, 3, 0 },
    { ADD, QNAN1, SNAN, 0x7ffc000000000000UL, 3, F_INV },
    { MUL, SNAN, QNAN2, 0x7ffc000000000000UL, 0, F_INV },
    { SUB, PINF, PINF, DNAN, 3, F_INV },
    { MUL, 0, PINF, DNAN, 0, F_INV },
    /* compare */
    { CMP, ONE, TWO, ONE, 1, 0 },
    { CMP, TWO, ONE, TWO, 2, 0 },
    { CMP, 0, MZERO, 0, 0, 0 },
    { CMP, QNAN1, ONE, QNAN1, 3, 0 },
    { CMP, SNAN, ONE, SNAN, 3, F_INV },
    { CMPS, QNAN1, ONE, QNAN1, 3, F_INV },
    { CMPS, ONE, ONE, ONE, 0, 0 },
    /* loads */
    { LT, 0, MZERO, MZERO, 0, 0 },
    { LT, 0, 0xc008000000000000UL, 0xc008000000000000UL, 1, 0 },
    { LT, 0, QNAN1, QNAN1, 3, 0 },
    { LT, 0, SNAN, 0x7ffc000000000000UL, 3, F_INV },
    { LC, 0, ONE, 0xbff0000000000000UL, 1, 0 },
    { LC, 0, SNAN, 0xfff4000000000000UL, 3, 0 },
    { LN, 0, ONE, 0xbff0000000000000UL, 1, 0 },
    { LN, 0, MZERO, MZERO, 0, 0 },
    { LP, 0, 0xbff0000000000000UL, ONE, 2, 0 },
    { LP, 0, MZERO, 0, 0, 0 },
    /* lengthen and round */
    { LDEB, 0, S(0x3fc00000), 0x3ff8000000000000UL, 0, 0 },
    { LDEB, 0, S(0x7fa00000), 0x7ffc000000000000UL, 0, F_INV },
    { LEDB, 0, 0x3fd5555555555555UL, S(0x3eaaaaab), 0, F_INX },
    { LEDB, 0, 0x7e37e43c8800759cUL, S(0x7f800000), 0, F_OVF | F_INX },
    { LEDB, 0, SNAN, S(0x7fe00000), 0, F_INV },
    /* short */
    { AEB, S(0x3fc00000), S(0x40100000), S(0x40700000), 2, 0 },
    { SEB, S(0x3f800000), S(0x3f800000), 0, 0, 0 },
    { MEEB, S(0x40400000), S(0xc0000000), S(0xc0c00000), 0, 0 },
    { DEB, S(0x3f800000), S(0x40400000), S(0x3eaaaaab), 0, F_INX },
    { SQEB, 0, S(0x40800000), S(0x40000000), 0, 0 },
    { CEB, S(0x3f800000), S(0x40000000), S(0x3f800000), 1, 0 },
    { KEB, S(0x7fc00000), S(0x3f800000), S(0x7fc00000), 3, F_INV },
    { LTEB, 0, S(0xbf800000), S(0xbf800000), 1, 0 },
    { LCEB, 0, S(0xbf800000), S(0x3f800000), 2, 0 },
    { MDEB, S(0x40400000), S(0x3fc00000), 0x4012000000000000UL, 0, 0 },
    /* round to integral */
    { FI_NE, 0, 0x4004000000000000UL, TWO, 0, F_INX },
    { FI_NA, 0, 0x4004000000000000UL, THREE, 0, F_INX },
    { FI_Z, 0, 0xbfe0000000000000UL, MZERO, 0, F_INX },
};

static void test_cases(void)
{
    unsigned i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const Case *c = &cases[i];
        uint64_t r;
        int shrt = (c->op >= AEB && c->op <= LCEB) || c->op == LEDB;
        uint64_t mask = shrt ? ~0UL << 32 : ~0UL;
        sfpc(0);
        r = op_ll(c->op, c->a, c->b);
        check((r & mask) == c->res, 1000 + i * 4);
        check(cc == c->cc, 1001 + i * 4);
        check(efpc() == c->fpc, 1002 + i * 4);
    }
}

/* DDBR @a / @b under @fpc: result */
static uint64_t ddbr(uint32_t fpc, uint64_t a, uint64_t b)
{
    sfpc(fpc);
    return RR("ddbr", a, b, &cc);
}

static void test_rounding(void)
{
    uint64_t big = (1UL << 53) + 1;
    uint64_t r;
    uint32_t f;
    int64_t i;

    /* the FPC mode: 1/3 and -1/3 */
    check(ddbr(0, ONE, THREE) == 0x3fd5555555555555UL, 101);
    check(ddbr(1, ONE, THREE) == 0x3fd5555555555555UL, 102);
    check(ddbr(2, ONE, THREE) == 0x3fd5555555555556UL, 103);
    check(ddbr(3, ONE, THREE) == 0x3fd5555555555555UL, 104);
    check(ddbr(3, 0xbff0000000000000UL, THREE) == 0xbfd5555555555556UL, 105);
    check(ddbr(2, 0xbff0000000000000UL, THREE) == 0xbfd5555555555555UL, 106);
    /* an exact zero difference is -0 only rounding toward -infinity */
    sfpc(3);
    check(RR("sdbr", ONE, ONE, &cc) == MZERO, 107);
    sfpc(0);
    check(RR("sdbr", ONE, ONE, &cc) == 0, 108);

    /* SRNM, STFPC, LFPC */
    {
        static uint32_t w;

        asm volatile("srnm 2" ::: "memory");
        asm volatile("stfpc %0" : "=Q"(w));
        check(w == 2, 109);
        w = 0x08000001;
        asm volatile("lfpc %0" : : "Q"(w));
        check(efpc() == 0x08000001, 110);
        sfpc(0);
    }

    /* CDGBR: 2^53 + 1 in each mode */
    for (f = 0; f < 4; f++) {
        uint64_t want = f == 2 ? 0x4340000000000001UL : 0x4340000000000000UL;

        sfpc(f);
        asm volatile("cdgbr %%f0,%1\nlgdr %0,%%f0" : "=d"(r) : "d"(big) : "f0");
        check(r == want, 11 + f);
        check(efpc() == (f | F_INX), 15 + f);
    }
    /* CEFBR: 2^24 + 1 toward +infinity; CDFBR exact */
    sfpc(2);
    asm volatile("cefbr %%f0,%1\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(16777217)
                 : "f0");
    check(r >> 32 == 0x4b800001, 119);
    sfpc(0);
    asm volatile("cdfbr %%f0,%1\nlgdr %0,%%f0" : "=d"(r) : "d"(-7) : "f0");
    check(r == 0xc01c000000000000UL, 120);
    check(efpc() == 0, 121);

    /* CFDBR with M3: 2.5 and -2.5 */
#define CFDBR(m3, v)                                                           \
    ({                                                                         \
        int64_t o_ = 0x1111111122222222L;                                      \
        int c2_;                                                               \
        asm volatile("ldgr %%f2,%[x]\n"                                        \
                     "cfdbr %[o]," #m3 ",%%f2\n"                               \
                     "ipm %[c]\n"                                              \
                     : [o] "+d"(o_), [c] "=d"(c2_)                             \
                     : [x] "d"(v)                                              \
                     : "f2", "cc");                                            \
        cc = (c2_ >> 28) & 3;                                                  \
        o_;                                                                    \
    })
    sfpc(0);
    check(CFDBR(0, 0x4004000000000000UL) == 0x1111111100000002L, 122);
    check(CFDBR(1, 0x4004000000000000UL) == 0x1111111100000003L, 123);
    check(CFDBR(4, 0x4004000000000000UL) == 0x1111111100000002L, 124);
    check(CFDBR(5, 0x4004000000000000UL) == 0x1111111100000002L, 125);
    check(CFDBR(6, 0x4004000000000000UL) == 0x1111111100000003L, 126);
    check(cc == 2, 127);
    check(CFDBR(7, 0xc004000000000000UL) == 0x11111111fffffffdL, 128);
    check(cc == 1, 129);
    check(CFDBR(5, 0xbfe0000000000000UL) == 0x1111111100000000L, 130);
    check(cc == 1, 131);
    check(efpc() == F_INX, 132);
    sfpc(0);
    check(CFDBR(5, MZERO) == 0x1111111100000000L && cc == 0, 133);
    check(efpc() == 0, 134);
    check(CFDBR(5, QNAN1) == 0x1111111180000000L && cc == 3, 135);
    check(CFDBR(5, 0x4202a05f20000000UL) == 0x111111117fffffffL && cc == 3,
          136); /* 1e10 */
    /* a finite value out of range is inexact too (as QEMU 7.2 has it) */
    check(efpc() == (F_INV | F_INX), 137);
    sfpc(0);
    asm volatile("ldgr %%f2,%1\ncgdbr %0,5,%%f2"
                 : "=d"(i)
                 : "d"(0xc3e158e460913d00UL) /* -1e19 */
                 : "f2", "cc");
    check(i == (int64_t)0x8000000000000000UL, 138);
    asm volatile("ldgr %%f2,%1\ncgdbr %0,6,%%f2"
                 : "=d"(i)
                 : "d"(0xc00c000000000000UL) /* -3.5 */
                 : "f2", "cc");
    check(i == -3, 139);
    asm volatile("le %%f2,%1\ncfebr %0,7,%%f2\nlgfr %0,%0\ncgebr %%r1,4,%%f2\n"
                 "sgr %0,%%r1"
                 : "=d"(i)
                 : "Q"(*(const uint32_t[]){ 0x40300000 }) /* 2.75 */
                 : "f2", "r1", "cc");
    check(i == 2 - 3, 140);
    sfpc(0);
}

/* The next program interruption's data: code, DXC at 0x90, count */
static uint64_t pgm_count(void)
{
    return *lc64(GUEST_PGM_COUNT);
}

static void test_traps(void)
{
    uint64_t n = pgm_count();
    uint64_t r;

    /* division by zero enabled: suppressed, DXC 0x40 */
    *lc32(LC_DXC) = 0;
    r = ddbr(M_DIV, ONE, 0);
    check(pgm_count() == n + 1, 201);
    check(*lc16(LC_PGM_CODE) == 7 && *lc16(LC_PGM_ILC) == 4, 202);
    check(*lc32(LC_DXC) == 0x40, 203);
    check(efpc() == (M_DIV | 0x4000), 204);
    check(r == ONE, 205); /* f0 unchanged */
    /* disabled: infinity and the flag */
    r = ddbr(0, ONE, 0);
    check(pgm_count() == n + 1 && r == PINF && efpc() == F_DIV, 206);

    /* invalid enabled: sqrt(-1) suppressed, DXC 0x80 */
    sfpc(M_INV);
    r = RR("sqdbr", ONE, 0xbff0000000000000UL, &cc);
    check(pgm_count() == n + 2 && *lc32(LC_DXC) == 0x80, 207);
    check(r == ONE && efpc() == (M_INV | 0x8000), 208);
    /* an SNaN compare with the invalid trap: cc unchanged (0) */
    sfpc(M_INV);
    RR("cdbr", SNAN, ONE, &cc);
    check(pgm_count() == n + 3 && cc == 0, 209);

    /* inexact enabled: 1/3 completes, DXC 0x08 (truncated) */
    r = ddbr(M_INX, ONE, THREE);
    check(pgm_count() == n + 4 && *lc32(LC_DXC) == 0x08, 210);
    check(r == 0x3fd5555555555555UL && efpc() == (M_INX | 0x0800), 211);
    /* toward +infinity: incremented, 0x0c */
    ddbr(M_INX | 2, ONE, THREE);
    check(pgm_count() == n + 5 && *lc32(LC_DXC) == 0x0c, 212);

    /* overflow enabled: the result scaled by 2^-1536, DXC 0x20 */
    sfpc(M_OVF);
    r = RR("adbr", 0x7fefffffffffffffUL, 0x7fefffffffffffffUL, &cc);
    check(pgm_count() == n + 6 && *lc32(LC_DXC) == 0x20, 213);
    check(r == 0x1fffffffffffffffUL && cc == 2, 214);
    check(efpc() == (M_OVF | 0x2000), 215);
    /* underflow enabled, exact: scaled by 2^1536, DXC 0x10 */
    sfpc(M_UNF);
    r = RR("mdbr", 0x0010000000000000UL, 0x3fe0000000000000UL, &cc);
    check(pgm_count() == n + 7 && *lc32(LC_DXC) == 0x10, 216);
    check(r == 0x6000000000000000UL, 217);

    /* SFPC with a reserved bit: specification */
    sfpc(0);
    sfpc(0x00000004);
    check(pgm_count() == n + 8 && *lc16(LC_PGM_CODE) == 6, 218);
    /* CFDBR with M3 2: specification */
    CFDBR(2, ONE);
    check(pgm_count() == n + 9 && *lc16(LC_PGM_CODE) == 6, 219);
    sfpc(0);
}

/* MADBR, MSDBR, MAEB: f0 = f4 * f2 +/- f0 */
static void test_fused(void)
{
    uint64_t r;

    sfpc(0);
    asm volatile("ldgr %%f0,%1\nldgr %%f2,%2\nldgr %%f4,%3\n"
                 "madbr %%f0,%%f4,%%f2\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(0xbff0000000000000UL), "d"(0x3fb999999999999aUL),
                   "d"(0x4024000000000000UL)
                 : "f0", "f2", "f4");
    check(r == 0x3c90000000000000UL, 301); /* fma(0.1, 10, -1) = 2^-54 */
    asm volatile("ldgr %%f0,%1\nldgr %%f2,%2\nldgr %%f4,%3\n"
                 "msdbr %%f0,%%f4,%%f2\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(ONE), "d"(THREE), "d"(TWO)
                 : "f0", "f2", "f4");
    check(r == 0x4014000000000000UL, 302); /* 2 * 3 - 1 */
    {
        static const uint32_t two_f = 0x40000000;

        asm volatile("ldgr %%f0,%1\nldgr %%f4,%2\n"
                     "maeb %%f0,%%f4,%3\nlgdr %0,%%f0"
                     : "=d"(r)
                     : "d"(S(0x3f800000)), "d"(S(0x40400000)), "Q"(two_f)
                     : "f0", "f4");
    }
    check(r >> 32 == 0x40e00000, 303); /* 3 * 2 + 1 */
    check(efpc() == 0, 304);
}

/* storage forms */
static void test_storage(void)
{
    static const uint64_t v[2] = { 0x3ff8000000000000UL, THREE };
    uint64_t r;

    sfpc(0);
    asm volatile("ldgr %%f0,%1\nadb %%f0,%2\nmdb %%f0,%3\nsdb %%f0,%2\n"
                 "ddb %%f0,%3\ncdb %%f0,%2\nipm %%r1\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(ONE), "Q"(v[0]), "Q"(v[1])
                 : "f0", "r1", "cc");
    /* ((1 + 1.5) * 3 - 1.5) / 3 = 2 */
    check(r == TWO, 401);
    asm volatile("ldgr %%f0,%1\nsqdb %%f0,%2\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(ONE), "Q"(*(const uint64_t[]){ 0x4022000000000000UL })
                 : "f0");
    check(r == THREE, 402);
    asm volatile("ldeb %%f0,%1\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "Q"(*(const uint32_t[]){ 0xc0200000 })
                 : "f0");
    check(r == 0xc004000000000000UL, 403);
}

/* the short storage forms and the rest of the list, chained */
static void test_more(void)
{
    static const uint32_t f[4] = { 0x3f800000, 0x40000000, 0x40400000,
                                   0x41100000 }; /* 1, 2, 3, 9 */
    static const uint64_t d[2] = { TWO, THREE };
    uint64_t r;
    int c;

    sfpc(0);
    /* ((1 + 2) * 3 - 1) / 2 = 4; sqrt(9) = 3; 4 - 3 = 1; cmp with 1 */
    asm volatile("le %%f0,0(%2)\naeb %%f0,4(%2)\nmeeb %%f0,8(%2)\n"
                 "seb %%f0,0(%2)\ndeb %%f0,4(%2)\nsqeb %%f2,12(%2)\n"
                 "sebr %%f0,%%f2\nceb %%f0,0(%2)\nipm %1\nlgdr %0,%%f0"
                 : "=d"(r), "=d"(c)
                 : "a"(f)
                 : "f0", "f2", "cc");
    check(r >> 32 == 0x3f800000 && ((c >> 28) & 3) == 0, 701);
    /* KEB: 1 vs 2 low; MDEB: 3 * 2 long */
    asm volatile("le %%f0,0(%2)\nkeb %%f0,4(%2)\nipm %1\n"
                 "le %%f0,8(%2)\nmdeb %%f0,4(%2)\nlgdr %0,%%f0"
                 : "=d"(r), "=d"(c)
                 : "a"(f)
                 : "f0", "cc");
    check(r == 0x4018000000000000UL && ((c >> 28) & 3) == 1, 702);
    /* MADB: 1 + 3 * 2 = 7; MSDB: 3 * 3 - 7 = 2; KDB: 2 vs 2 */
    asm volatile("ldgr %%f0,%2\nldgr %%f4,%3\nmadb %%f0,%%f4,0(%4)\n"
                 "ldgr %%f4,%3\nmsdb %%f0,%%f4,8(%4)\nkdb %%f0,0(%4)\n"
                 "ipm %1\nlgdr %0,%%f0"
                 : "=d"(r), "=d"(c)
                 : "d"(ONE), "d"(THREE), "a"(d)
                 : "f0", "f4", "cc");
    check(r == TWO && ((c >> 28) & 3) == 0, 703);
    /* MAEBR: 1 + 2 * 3 = 7; MSEBR: 7 * 1 - ... ; MSEB 3 * 3 - 7 = 2 */
    asm volatile("le %%f0,0(%1)\nle %%f2,4(%1)\nle %%f4,8(%1)\n"
                 "maebr %%f0,%%f4,%%f2\n" /* f0 = 3 * 2 + 1 = 7 */
                 "msebr %%f0,%%f4,%%f4\n" /* f0 = 3 * 3 - 7 = 2 */
                 "mseb %%f0,%%f4,8(%1)\n" /* f0 = 3 * 3 - 2 = 7 */
                 "lgdr %0,%%f0"
                 : "=d"(r)
                 : "a"(f)
                 : "f0", "f2", "f4");
    check(r >> 32 == 0x40e00000, 704);
    /* LNEBR, LPEBR with their cc */
    check(RR("lnebr", 0, S(0x3f800000), &cc) >> 32 == 0xbf800000 && cc == 1,
          705);
    check(RR("lpebr", 0, S(0xbf800000), &cc) >> 32 == 0x3f800000 && cc == 2,
          706);
    /* CEGBR toward zero: 2^24 + 1 -> 2^24; FIEBR 2.5 to nearest even */
    sfpc(1);
    asm volatile("cegbr %%f0,%1\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(16777217L)
                 : "f0");
    check(r >> 32 == 0x4b800000 && efpc() == (1 | F_INX), 707);
    sfpc(0);
    asm volatile("le %%f2,%1\nfiebr %%f0,4,%%f2\nlgdr %0,%%f0"
                 : "=d"(r)
                 : "Q"(*(const uint32_t[]){ 0x40200000 })
                 : "f0", "f2");
    check(r >> 32 == 0x40000000 && efpc() == F_INX, 708);
    sfpc(0);
}

/* LPDFR, LNDFR, LCDFR, CPSDR (no cc, no exception) and TCDB, TCEB */
static void test_sign_class(void)
{
    uint64_t r;
    int c;

    sfpc(0);
    check(RR("lcdfr", 0, SNAN, &cc) == 0xfff4000000000000UL && cc == 0, 601);
    check(RR("lndfr", 0, ONE, &cc) == 0xbff0000000000000UL, 602);
    check(RR("lpdfr", 0, 0xbff0000000000000UL, &cc) == ONE, 603);
    asm volatile("ldgr %%f2,%1\nldgr %%f4,%2\ncpsdr %%f0,%%f4,%%f2\n"
                 "lgdr %0,%%f0"
                 : "=d"(r)
                 : "d"(THREE), "d"(MZERO)
                 : "f0", "f2", "f4");
    check(r == 0xc008000000000000UL, 604);
    check(efpc() == 0, 605);
#define TCDB(v, mask)                                                          \
    ({                                                                         \
        asm volatile("ldgr %%f0,%1\ntcdb %%f0,%2\nipm %0\n"                    \
                     : "=d"(c)                                                 \
                     : "d"(v), "i"(mask)                                       \
                     : "f0", "cc");                                            \
        (c >> 28) & 3;                                                         \
    })
    check(TCDB(MZERO, 0x400) == 1 && TCDB(MZERO, 0x800) == 0, 606);
    check(TCDB(0x0000000000000001UL, 0x080) == 1, 607);
    check(TCDB(PINF, 0x020) == 1 && TCDB(PINF, 0xfdf) == 0, 608);
    check(TCDB(SNAN, 0x002) == 1 && TCDB(QNAN1, 0x008) == 1, 609);
    check(TCDB(0xbff0000000000000UL, 0x100) == 1, 610);
    asm volatile("le %%f0,%1\ntceb %%f0,0x001\nipm %0\n"
                 : "=d"(c)
                 : "Q"(*(const uint32_t[]){ 0xffa00000 })
                 : "f0", "cc");
    check(((c >> 28) & 3) == 1, 611); /* -SNaN */
    check(efpc() == 0, 612);
}

/* ---- the compiled loop, printed on the console ---- */

static double harmonic(int n)
{
    double s = 0;
    int i;

    for (i = n; i >= 1; i--) {
        s += 1.0 / i;
    }
    return s;
}

static double newton_sqrt(double a)
{
    double x = a;
    int i;

    for (i = 0; i < 30; i++) {
        x = 0.5 * (x + a / x);
    }
    return x;
}

static char *put_dec(char *p, long v)
{
    char t[24];
    int n = 0;

    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    do {
        t[n++] = '0' + v % 10;
        v /= 10;
    } while (v);
    while (n) {
        *p++ = t[--n];
    }
    return p;
}

static void test_compiled(void)
{
    static volatile int n = 1000;
    static volatile double two = 2.0;
    char line[80], *p = line;
    double h = harmonic(n), r = newton_sqrt(two);
    union {
        double d;
        uint64_t u;
    } uh = { .d = h }, ur = { .d = r };
    uint64_t cr0 = guest_stctg(0);

    p = guest_put_hex(p, uh.u, 16);
    *p++ = ' ';
    p = guest_put_hex(p, ur.u, 16);
    *p++ = ' ';
    p = put_dec(p, (long)(h * 1e6));
    *p++ = ' ';
    p = put_dec(p, (long)(-r * 1e9));
    *p++ = '\n';
    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200 | (1UL << 18));
    check(guest_sclp_console_mask() == 0x0020, 501);
    check(guest_sclp_write(line, p - line) == 0x0020, 502);
    guest_lctlg(0, cr0);
    MAILBOX->value = uh.u;
}

int main(void)
{
    uint64_t n = pgm_count();

    /* without the AFP-register control: data exception, DXC 2 */
    *lc32(LC_DXC) = 0;
    RR("adbr", ONE, ONE, &cc);
    check(pgm_count() == n + 1 && *lc16(LC_PGM_CODE) == 7, 1);
    check(*lc32(LC_DXC) == 2, 2);
    guest_lctlg(0, guest_stctg(0) | (1UL << 18));

    test_cases();
    test_rounding();
    test_traps();
    test_fused();
    test_storage();
    test_sign_class();
    test_more();
    test_compiled();
    sfpc(0);
    return 0;
}
