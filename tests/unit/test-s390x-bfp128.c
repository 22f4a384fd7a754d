/*
 * The extended BFP core (target/s390x/bfp128.c) against GCC's __float128
 * (libgcc's soft-fp, which rounds in the SSE rounding mode fesetround()
 * sets and raises fenv flags, checked first) on random operands in the
 * four IEEE modes; ties away and prepare-for-shorter, the scaled
 * results, NaNs and the integer bounds by hand.
 */
#include "qemu/osdep.h"
#include <fenv.h>
#include "target/s390x/bfp128.h"

typedef unsigned __int128 u128;

static const struct {
    BfpRound rm;
    int host;
} modes[] = {
    { BFP_RND_NEAREST, FE_TONEAREST },
    { BFP_RND_ZERO, FE_TOWARDZERO },
    { BFP_RND_UP, FE_UPWARD },
    { BFP_RND_DOWN, FE_DOWNWARD },
};

static Bfp128 B(uint64_t hi, uint64_t lo)
{
    Bfp128 v = { hi, lo };

    return v;
}

static __float128 to_q(Bfp128 v)
{
    __float128 q;
    u128 x = ((u128)v.hi << 64) | v.lo;

    memcpy(&q, &x, sizeof(q));
    return q;
}

static Bfp128 from_q(__float128 q)
{
    u128 x;

    memcpy(&x, &q, sizeof(x));
    return B((uint64_t)(x >> 64), (uint64_t)x);
}

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* An operand of a random kind: any, tiny, huge, near 1, few bits, special */
static Bfp128 gen(void)
{
    uint64_t hi = rnd(), lo = rnd(), sign = rnd() & (UINT64_C(1) << 63);
    unsigned kind = rnd() % 8, exp;
    int tz;

    switch (kind) {
    case 0:
        exp = rnd() % 0x7fff;
        break;
    case 1:
        exp = rnd() % 3 ? 0 : rnd() % 200; /* subnormal or tiny */
        break;
    case 2:
        exp = 0x7ffe - rnd() % 200;
        break;
    case 7:
        switch (rnd() % 6) {
        case 0:
            return B(sign, 0);
        case 1:
            return B(sign | UINT64_C(0x7fff) << 48, 0);
        case 2:
            return B(sign | UINT64_C(1) << 48, 0); /* min normal */
        case 3:
            return B(sign | UINT64_C(0x7ffeffffffffffff), UINT64_MAX);
        case 4:
            return B(sign, 1);
        default:
            return B(sign | UINT64_C(0x0000ffffffffffff), UINT64_MAX);
        }
    default:
        exp = 0x3fff - 130 + rnd() % 260;
        break;
    }
    if (kind >= 4) {
        /* few significand bits: exact results and ties */
        tz = rnd() % 113;
        if (tz >= 64) {
            lo = 0;
            hi &= ~((UINT64_C(1) << (tz - 64)) - 1);
        } else if (tz) {
            lo &= ~((UINT64_C(1) << tz) - 1);
        }
    }
    hi = sign | (uint64_t)exp << 48 | (hi & ((UINT64_C(1) << 48) - 1));
    return B(hi, lo);
}

static bool same(Bfp128 a, Bfp128 b)
{
    return a.hi == b.hi && a.lo == b.lo;
}

static bool q_is_nan(__float128 q)
{
    return q != q;
}

static __float128 qabs(__float128 q)
{
    return q < 0 ? -q : q;
}

static __float128 q_op(BfpOp op, __float128 a, __float128 b, int mode,
                       int *flags)
{
    volatile __float128 va = a, vb = b, r = 0;

    fesetround(mode);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case BFP_ADD:
        r = va + vb;
        break;
    case BFP_SUB:
        r = va - vb;
        break;
    case BFP_MUL:
        r = va * vb;
        break;
    case BFP_DIV:
        r = va / vb;
        break;
    default:
        r = __builtin_sqrtf128(va);
        break;
    }
    *flags = fetestexcept(FE_ALL_EXCEPT);
    fesetround(FE_TONEAREST);
    return r;
}

static unsigned long checked, scaled_checked;

static void fail(const char *what, BfpOp op, Bfp128 a, Bfp128 b, int mode,
                 Bfp128 got, Bfp128 want, unsigned exc, unsigned wexc)
{
    g_test_message("%s: op %d mode %d a %016" PRIx64 "%016" PRIx64
                   " b %016" PRIx64 "%016" PRIx64 " got %016" PRIx64
                   "%016" PRIx64 " exc %02x want %016" PRIx64 "%016" PRIx64
                   " exc %02x",
                   what, op, mode, a.hi, a.lo, b.hi, b.lo, got.hi, got.lo, exc,
                   want.hi, want.lo, wexc);
    g_assert_not_reached();
}

#define MIN_NORMAL_Q ((__float128)1 / 2 * 0x1p-16381Q)

/* The exceptions IEEE flags imply, with tininess before rounding */
static unsigned want_exc(int fl, __float128 want, __float128 rz, int rzfl,
                         double min_normal, bool is_q)
{
    unsigned x = 0;
    __float128 lim = is_q ? MIN_NORMAL_Q : (__float128)min_normal;

    if (fl & FE_INVALID) {
        return BFP_X_INVALID;
    }
    if (fl & FE_DIVBYZERO) {
        return BFP_X_DIVZERO;
    }
    if (fl & FE_INEXACT) {
        x |= BFP_X_INEXACT;
        /* the value toward zero is below the exact one in magnitude */
        if (qabs(want) != qabs(rz)) {
            x |= BFP_X_INCR;
        }
    }
    if (fl & FE_OVERFLOW) {
        x |= BFP_X_OVERFLOW;
    }
    /* tiny: below the smallest normal before rounding, so toward zero too */
    if (qabs(rz) < lim && (rz != 0 || (rzfl & FE_INEXACT))) {
        x |= BFP_X_UNDERFLOW;
    }
    return x;
}

/* @v times 2^@k exactly (by its exponent field), if it stays normal */
static bool scale_exact(Bfp128 *v, int k)
{
    int be = (v->hi >> 48) & 0x7fff;

    if (bfp128_is_zero(*v) || be == 0 || be == 0x7fff || be + k < 1 ||
        be + k > 0x7ffe) {
        return false;
    }
    v->hi = (v->hi & ~(UINT64_C(0x7fff) << 48)) | (uint64_t)(be + k) << 48;
    return true;
}

/*
 * A trapped overflow's or tininess's scaled result: the operation on an
 * operand scaled by 2^-+24576 beforehand (exactly), where that is
 * possible
 */
static void check_scaled(BfpOp op, Bfp128 a, Bfp128 b, unsigned mode,
                         const BfpResult128 *r)
{
    int k = r->exc & BFP_X_OVERFLOW ? -BFP128_SCALE : BFP128_SCALE;
    Bfp128 sa = a, sb = b;
    __float128 want, rz;
    int fl, fz;
    unsigned wx;

    if (!(r->exc & (BFP_X_OVERFLOW | BFP_X_UNDERFLOW))) {
        return;
    }
    if (op == BFP_ADD || op == BFP_SUB) {
        if (!scale_exact(&sa, k) || !scale_exact(&sb, k)) {
            return;
        }
    } else if (op == BFP_SQRT) {
        return; /* never overflows or is tiny */
    } else if (!scale_exact(&sa, k)) {
        if (!scale_exact(&sb, op == BFP_DIV ? -k : k)) {
            return;
        }
    }
    want = q_op(op, to_q(sa), to_q(sb), modes[mode].host, &fl);
    rz = q_op(op, to_q(sa), to_q(sb), FE_TOWARDZERO, &fz);
    wx = want_exc(fl, want, rz, fz, 0, true);
    g_assert_false(wx & (BFP_X_OVERFLOW | BFP_X_UNDERFLOW));
    if (!same(r->scaled, from_q(want)) || r->sexc != wx) {
        fail("scaled", op, a, b, mode, r->scaled, from_q(want), r->sexc, wx);
    }
    scaled_checked++;
}

static void check_arith(BfpOp op, Bfp128 a, Bfp128 b)
{
    __float128 qa = to_q(a), qb = to_q(b), want, rz, rn;
    int fl, rzfl, rnfl;
    BfpResult128 r, ra, rp;
    unsigned i, wx;

    rz = q_op(op, qa, qb, FE_TOWARDZERO, &rzfl);
    rn = q_op(op, qa, qb, FE_TONEAREST, &rnfl);
    for (i = 0; i < ARRAY_SIZE(modes); i++) {
        want = q_op(op, qa, qb, modes[i].host, &fl);
        bfp128_arith(op, a, b, modes[i].rm, &r);
        wx = want_exc(fl, want, rz, rzfl, 0, true);
        if (q_is_nan(want)) {
            if (r.v.hi != BFP128_DNAN_HI || r.v.lo || r.exc != BFP_X_INVALID) {
                fail("nan", op, a, b, i, r.v, from_q(want), r.exc, wx);
            }
        } else if (!same(r.v, from_q(want)) || r.exc != wx) {
            fail("arith", op, a, b, i, r.v, from_q(want), r.exc, wx);
        }
        check_scaled(op, a, b, i, &r);
        checked++;
    }
    if (q_is_nan(rn)) {
        return;
    }
    /* prepare: toward zero, the last bit one when inexact */
    bfp128_arith(op, a, b, BFP_RND_PREPARE, &rp);
    want = rz;
    if (rzfl & FE_INEXACT) {
        Bfp128 t = from_q(rz);

        t.lo |= 1;
        want = to_q(t);
    }
    wx = want_exc(rzfl, want, rz, rzfl, 0, true);
    if (!same(rp.v, from_q(want)) || rp.exc != wx) {
        fail("prepare", op, a, b, 5, rp.v, from_q(want), rp.exc, wx);
    }
    /* away: nearest-even's result unless that went toward zero */
    bfp128_arith(op, a, b, BFP_RND_AWAY, &ra);
    if (!same(ra.v, from_q(rn))) {
        __float128 away = q_op(op, qa, qb, rn < 0 ? FE_DOWNWARD : FE_UPWARD,
                               &fl);

        if (!(rnfl & FE_INEXACT) || qabs(rn) != qabs(rz) ||
            !same(ra.v, from_q(away))) {
            fail("away", op, a, b, 4, ra.v, from_q(rn), ra.exc, 0);
        }
    }
    checked += 2;
}

static void test_oracle_modes(void)
{
    int fl;
    __float128 r;

    /* 1/3: the modes differ in the last bit and inexact is raised */
    r = q_op(BFP_DIV, 1, 3, FE_UPWARD, &fl);
    g_assert_cmphex(from_q(r).lo, ==, 0x5555555555555556ull);
    g_assert_true(fl & FE_INEXACT);
    r = q_op(BFP_DIV, 1, 3, FE_TOWARDZERO, &fl);
    g_assert_cmphex(from_q(r).lo, ==, 0x5555555555555555ull);
    r = q_op(BFP_SQRT, 2, 0, FE_UPWARD, &fl);
    g_assert_cmphex(from_q(r).lo, ==, 0xc908b2fb1366ea96ull);
    r = q_op(BFP_SQRT, 2, 0, FE_DOWNWARD, &fl);
    g_assert_cmphex(from_q(r).lo, ==, 0xc908b2fb1366ea95ull);
    r = q_op(BFP_MUL, 0x1p16000Q, 0x1p16000Q, FE_TONEAREST, &fl);
    g_assert_true(fl & FE_OVERFLOW);
    r = q_op(BFP_DIV, 1, 0, FE_TONEAREST, &fl);
    g_assert_true(fl & FE_DIVBYZERO);
}

static void test_random_arith(void)
{
    static const BfpOp ops[] = { BFP_ADD, BFP_SUB, BFP_MUL, BFP_DIV, BFP_SQRT };
    unsigned i, j;

    checked = 0;
    for (i = 0; i < 12000; i++) {
        Bfp128 a = gen(), b = gen();

        if (rnd() % 4 == 0) {
            /* b near a's exponent or 113 bits below: ties and cancellation */
            b.hi = (b.hi & ~(UINT64_C(0x7fff) << 48)) |
                   (a.hi & (UINT64_C(0x7fff) << 48));
            if (rnd() & 1 && ((a.hi >> 48) & 0x7fff) > 114) {
                b.hi -= UINT64_C(113) << 48;
            }
        }
        if (bfp128_is_nan(a) || bfp128_is_nan(b)) {
            continue;
        }
        for (j = 0; j < ARRAY_SIZE(ops); j++) {
            check_arith(ops[j], a, b);
        }
    }
    g_test_message("%lu arithmetic results checked, %lu scaled", checked,
                   scaled_checked);
    g_assert_cmpuint(checked, >, 300000);
    g_assert_cmpuint(scaled_checked, >, 1000);
}

static void test_ties(void)
{
    BfpResult128 r;
    Bfp128 one = B(0x3fff000000000000ull, 0);
    Bfp128 half_ulp = B(0x3f8e000000000000ull, 0);   /* 2^-113 */
    Bfp128 three_half = B(0x3f8f800000000000ull, 0); /* 3 * 2^-113 */

    /* 1 + 2^-113: a tie; even stays, away goes up */
    bfp128_arith(BFP_ADD, one, half_ulp, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.lo, ==, 0);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT);
    bfp128_arith(BFP_ADD, one, half_ulp, BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v.hi, ==, 0x3fff000000000000ull);
    g_assert_cmphex(r.v.lo, ==, 1);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT | BFP_X_INCR);
    /* prepare: toward zero with the last bit one */
    bfp128_arith(BFP_ADD, one, half_ulp, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v.lo, ==, 1);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT | BFP_X_INCR);
    /* 1 + 3 * 2^-113 = 1 + 1.5 ulp: even and away both go to 2 ulp */
    bfp128_arith(BFP_ADD, one, three_half, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.lo, ==, 2);
    bfp128_arith(BFP_ADD, one, three_half, BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v.lo, ==, 2);
    /* prepare keeps an odd last bit: 1 + 1.5 ulp gives 1 ulp, no INCR */
    bfp128_arith(BFP_ADD, one, three_half, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v.lo, ==, 1);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT);
    /* -(1 + 2^-113) away: magnitude up */
    one.hi |= UINT64_C(1) << 63;
    half_ulp.hi |= UINT64_C(1) << 63;
    bfp128_arith(BFP_ADD, one, half_ulp, BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v.hi, ==, 0xbfff000000000000ull);
    g_assert_cmphex(r.v.lo, ==, 1);
    /* prepare on overflow: the largest number */
    bfp128_arith(BFP_MUL, B(0x7ffe000000000000ull, 0),
                 B(0x4000000000000000ull, 0), BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7ffeffffffffffffull);
    g_assert_cmphex(r.v.lo, ==, UINT64_MAX);
    g_assert_cmphex(r.exc, ==, BFP_X_OVERFLOW | BFP_X_INEXACT);
    /* away on overflow: infinity */
    bfp128_arith(BFP_MUL, B(0x7ffe000000000000ull, 0),
                 B(0x4000000000000000ull, 0), BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7fff000000000000ull);
    /* the smallest subnormal halved: a tie to zero (even), away up */
    bfp128_arith(BFP_MUL, B(0, 1), B(0x3ffe000000000000ull, 0), BFP_RND_NEAREST,
                 &r);
    g_assert_true(bfp128_is_zero(r.v));
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW | BFP_X_INEXACT);
    bfp128_arith(BFP_MUL, B(0, 1), B(0x3ffe000000000000ull, 0), BFP_RND_AWAY,
                 &r);
    g_assert_cmphex(r.v.lo, ==, 1);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW | BFP_X_INEXACT | BFP_X_INCR);
}

static void test_scaled(void)
{
    BfpResult128 r;
    BfpResult rl;

    /* 2^16383 * 2: overflow, scaled by 2^-24576 to 2^-8192 */
    bfp128_arith(BFP_MUL, B(0x7ffe000000000000ull, 0),
                 B(0x4000000000000000ull, 0), BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7fff000000000000ull);
    g_assert_cmphex(r.exc, ==, BFP_X_OVERFLOW | BFP_X_INEXACT | BFP_X_INCR);
    g_assert_cmphex(r.scaled.hi, ==, (uint64_t)(16384 - 24576 + 16383) << 48);
    g_assert_cmphex(r.scaled.lo, ==, 0);
    g_assert_cmphex(r.sexc, ==, 0);
    /* the smallest normal / 3: tiny, inexact; scaled by 2^24576 */
    bfp128_arith(BFP_DIV, B(0x0001000000000000ull, 0),
                 B(0x4000800000000000ull, 0), BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.hi, ==, 0x0000555555555555ull);
    g_assert_cmphex(r.v.lo, ==, 0x5555555555555555ull);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW | BFP_X_INEXACT);
    g_assert_cmphex(r.scaled.hi, ==,
                    ((uint64_t)(-16384 + 24576 + 16383) << 48) |
                        0x5555555555555555ull >> 16);
    g_assert_cmphex(r.scaled.lo, ==, 0x5555555555555555ull);
    g_assert_cmphex(r.sexc, ==, BFP_X_INEXACT);
    /* an exact subnormal result is tiny too, not inexact */
    bfp128_arith(BFP_ADD, B(0, 5), B(0, 0), BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.lo, ==, 5);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW);
    /* LDXBR of 2^1100: long overflow, scaled by 2^-1536 */
    bfp128_to_bfp(BFP_LONG, B((uint64_t)(16383 + 1100) << 48, 0),
                  BFP_RND_NEAREST, &rl);
    g_assert_cmphex(rl.v, ==, 0x7ff0000000000000ull);
    g_assert_cmphex(rl.exc, ==, BFP_X_OVERFLOW | BFP_X_INEXACT | BFP_X_INCR);
    g_assert_cmphex(rl.scaled, ==, (uint64_t)(1100 - 1536 + 1023) << 52);
}

static void test_nan(void)
{
    BfpResult128 r;
    BfpResult rl;
    Bfp128 snan = B(0x7fff000000000000ull, 7),
           qnan = B(0xffff800000000000ull, 9);
    Bfp128 one = B(0x3fff000000000000ull, 0);
    uint8_t x;

    bfp128_arith(BFP_ADD, qnan, snan, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7fff800000000000ull);
    g_assert_cmphex(r.v.lo, ==, 7);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    bfp128_arith(BFP_MUL, one, qnan, BFP_RND_NEAREST, &r);
    g_assert_true(same(r.v, qnan));
    g_assert_cmphex(r.exc, ==, 0);
    /* invalid without a NaN: the default NaN */
    bfp128_arith(BFP_SUB, B(0x7fff000000000000ull, 0),
                 B(0x7fff000000000000ull, 0), BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.hi, ==, BFP128_DNAN_HI);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    g_assert_cmpuint(bfp128_compare(one, qnan, false, &x), ==, 3);
    g_assert_cmphex(x, ==, 0);
    g_assert_cmpuint(bfp128_compare(one, qnan, true, &x), ==, 3);
    g_assert_cmphex(x, ==, BFP_X_INVALID);
    g_assert_cmpuint(bfp128_compare(snan, one, false, &x), ==, 3);
    g_assert_cmphex(x, ==, BFP_X_INVALID);
    /* NaNs across formats keep the leftmost fraction bits */
    bfp128_to_bfp(BFP_LONG, B(0x7fff012345678000ull, 0), BFP_RND_NEAREST, &rl);
    g_assert_cmphex(rl.v, ==, 0x7ff8123456780000ull);
    g_assert_cmphex(rl.exc, ==, BFP_X_INVALID);
    bfp128_from_bfp(BFP_LONG, 0xfff8000000000001ull, &r);
    g_assert_cmphex(r.v.hi, ==, 0xffff800000000000ull);
    g_assert_cmphex(r.v.lo, ==, UINT64_C(1) << 60);
    g_assert_cmphex(r.exc, ==, 0);
    bfp128_from_bfp(BFP_SHORT, 0x7f800001, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7fff800000000000ull | (UINT64_C(1) << 25));
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    bfp128_round_int(snan, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v.hi, ==, 0x7fff800000000000ull);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
}

static void test_random_compare(void)
{
    unsigned i, n = 0;
    uint8_t x;

    for (i = 0; i < 20000; i++) {
        Bfp128 a = gen(), b = rnd() % 8 ? gen() : a;
        __float128 qa = to_q(a), qb = to_q(b);
        unsigned want = qa == qb ? 0 : qa < qb ? 1 : 2;

        if (rnd() % 16 == 0) {
            b.hi ^= UINT64_C(1) << 63; /* -0 against +0 among them */
            qb = to_q(b);
            want = qa == qb ? 0 : qa < qb ? 1 : 2;
        }
        g_assert_cmpuint(bfp128_compare(a, b, true, &x), ==, want);
        g_assert_cmphex(x, ==, 0);
        n++;
    }
    g_assert_cmpuint(n, ==, 20000);
}

static void test_random_convert(void)
{
    unsigned i, j, n = 0;

    for (i = 0; i < 20000; i++) {
        Bfp128 a = gen();
        uint64_t d = rnd();
        __float128 qa = to_q(a);
        double dv;
        BfpResult128 r;
        BfpResult rl;

        if (bfp128_is_nan(a)) {
            continue;
        }
        /* long to extended: exact */
        if (rnd() & 1) {
            d = (d & ~(UINT64_C(0x7ff) << 52)) | (rnd() % 3 ? rnd() % 0x7ff : 0)
                                                     << 52;
        }
        memcpy(&dv, &d, sizeof(dv));
        if (dv == dv) {
            bfp128_from_bfp(BFP_LONG, d, &r);
            g_assert_true(same(r.v, from_q((__float128)dv)));
            g_assert_cmphex(r.exc, ==, 0);
        }
        /* extended to long, every mode */
        for (j = 0; j < ARRAY_SIZE(modes); j++) {
            volatile __float128 vq = qa;
            volatile double w, wz;
            int fl, fz;
            uint64_t wb;
            unsigned wx;

            fesetround(FE_TOWARDZERO);
            feclearexcept(FE_ALL_EXCEPT);
            wz = vq;
            fz = fetestexcept(FE_ALL_EXCEPT);
            fesetround(modes[j].host);
            feclearexcept(FE_ALL_EXCEPT);
            w = vq;
            fl = fetestexcept(FE_ALL_EXCEPT);
            fesetround(FE_TONEAREST);
            memcpy(&wb, (const void *)&w, sizeof(wb));
            wx = want_exc(fl, w, wz, fz, 0x1p-1022, false);
            bfp128_to_bfp(BFP_LONG, a, modes[j].rm, &rl);
            if (rl.v != wb || rl.exc != wx) {
                fail("to long", 0, a, B(0, 0), j, B(0, rl.v), B(0, wb), rl.exc,
                     wx);
            }
            n++;
        }
        /* extended to short, every mode */
        for (j = 0; j < ARRAY_SIZE(modes); j++) {
            volatile __float128 vq = qa;
            volatile float w, wz;
            int fl, fz;
            uint32_t wb;
            unsigned wx;

            fesetround(FE_TOWARDZERO);
            feclearexcept(FE_ALL_EXCEPT);
            wz = vq;
            fz = fetestexcept(FE_ALL_EXCEPT);
            fesetround(modes[j].host);
            feclearexcept(FE_ALL_EXCEPT);
            w = vq;
            fl = fetestexcept(FE_ALL_EXCEPT);
            fesetround(FE_TONEAREST);
            memcpy(&wb, (const void *)&w, sizeof(wb));
            wx = want_exc(fl, w, wz, fz, 0x1p-126, false);
            bfp128_to_bfp(BFP_SHORT, a, modes[j].rm, &rl);
            if (rl.v != wb || rl.exc != wx) {
                fail("to short", 0, a, B(0, 0), j, B(0, rl.v), B(0, wb), rl.exc,
                     wx);
            }
            n++;
        }
        /* short to extended: exact */
        {
            uint32_t sb = (uint32_t)d;
            float sv;

            memcpy(&sv, &sb, sizeof(sv));
            if (sv == sv) {
                bfp128_from_bfp(BFP_SHORT, sb, &r);
                g_assert_true(same(r.v, from_q((__float128)sv)));
                g_assert_cmphex(r.exc, ==, 0);
            }
        }
    }
    g_test_message("%u conversions to long and short checked", n);
    g_assert_cmpuint(n, >, 100000);
}

static void test_random_int(void)
{
    unsigned i, j, n = 0;

    for (i = 0; i < 20000; i++) {
        Bfp128 a = gen();
        int64_t iv = (int64_t)rnd() >> (rnd() % 64);
        BfpResult128 r;
        BfpResult ri;

        bfp128_from_int(iv, &r);
        g_assert_true(same(r.v, from_q((__float128)iv)));
        bfp128_from_uint((uint64_t)iv, &r);
        g_assert_true(same(r.v, from_q((__float128)(uint64_t)iv)));
        if (bfp128_is_nan(a)) {
            continue;
        }
        if (rnd() % 2) {
            /* around the 64-bit range */
            a.hi = (a.hi & ~(UINT64_C(0x7fff) << 48)) |
                   (uint64_t)(16383 + rnd() % 66) << 48;
        }
        for (j = 0; j < ARRAY_SIZE(modes); j++) {
            volatile __float128 vq = to_q(a), vi;
            __float128 q;
            unsigned cc, wcc;
            uint8_t wx;

            fesetround(modes[j].host);
            vi = __builtin_rintf128(vq);
            fesetround(FE_TONEAREST);
            q = vi;
            wx = q == vq
                     ? 0
                     : BFP_X_INEXACT | (qabs(q) > qabs(vq) ? BFP_X_INCR : 0);
            bfp128_round_int(a, modes[j].rm, &r);
            g_assert_true(same(r.v, from_q(q)));
            g_assert_cmphex(r.exc, ==, wx);
            cc = bfp128_to_int(a, 64, modes[j].rm, &ri);
            wcc = vq == 0 ? 0 : vq < 0 ? 1 : 2;
            if (q >= -0x1p63Q && q < 0x1p63Q) {
                g_assert_cmphex(ri.v, ==, (uint64_t)(int64_t)q);
                g_assert_cmphex(ri.exc, ==, wx);
                g_assert_cmpuint(cc, ==, wcc);
            } else {
                g_assert_cmphex(ri.v, ==, vq < 0 ? INT64_MIN : INT64_MAX);
                g_assert_cmphex(ri.exc, ==, BFP_X_INVALID | BFP_X_INEXACT);
                g_assert_cmpuint(cc, ==, 3);
            }
            cc = bfp128_to_uint(a, 64, modes[j].rm, &ri);
            if (q > -1 && q < 0x1p64Q) {
                g_assert_cmphex(ri.v, ==, (uint64_t)qabs(q));
                g_assert_cmphex(ri.exc, ==, wx);
                g_assert_cmpuint(cc, ==, wcc);
            } else {
                g_assert_cmphex(ri.v, ==, vq < 0 ? 0 : UINT64_MAX);
                g_assert_cmphex(ri.exc, ==, BFP_X_INVALID | BFP_X_INEXACT);
                g_assert_cmpuint(cc, ==, 3);
            }
            n++;
        }
    }
    g_test_message("%u integer conversions checked", n);
    g_assert_cmpuint(n, >, 50000);
}

static void test_int_special(void)
{
    BfpResult r;
    BfpResult128 rq;

    /* NaN: invalid only, the largest negative number */
    g_assert_cmpuint(bfp128_to_int(B(0x7fff800000000000ull, 0), 64,
                                   BFP_RND_NEAREST, &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, UINT64_C(1) << 63);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    g_assert_cmpuint(bfp128_to_uint(B(0x7fff800000000000ull, 0), 64,
                                    BFP_RND_NEAREST, &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, 0);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    /* 32 bits: 2^31 is out of range, -2^31 is not */
    g_assert_cmpuint(bfp128_to_int(B(0x401e000000000000ull, 0), 32,
                                   BFP_RND_NEAREST, &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, 0x7fffffff);
    g_assert_cmpuint(bfp128_to_int(B(0xc01e000000000000ull, 0), 32,
                                   BFP_RND_NEAREST, &r),
                     ==, 1);
    g_assert_cmphex(r.v, ==, 0x80000000);
    /* -0.25 to unsigned: zero, cc 1, inexact */
    g_assert_cmpuint(bfp128_to_uint(B(0xbffd000000000000ull, 0), 64,
                                    BFP_RND_NEAREST, &r),
                     ==, 1);
    g_assert_cmphex(r.v, ==, 0);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT);
    /* round to integral: -0.5 prepare is -1, away 2.5 is 3 */
    bfp128_round_int(B(0xbffe000000000000ull, 0), BFP_RND_PREPARE, &rq);
    g_assert_cmphex(rq.v.hi, ==, 0xbfff000000000000ull);
    g_assert_cmphex(rq.exc, ==, BFP_X_INEXACT | BFP_X_INCR);
    bfp128_round_int(B(0x4000400000000000ull, 0), BFP_RND_AWAY, &rq);
    g_assert_cmphex(rq.v.hi, ==, 0x4000800000000000ull);
    bfp128_round_int(B(0x4000400000000000ull, 0), BFP_RND_NEAREST, &rq);
    g_assert_cmphex(rq.v.hi, ==, 0x4000000000000000ull);
    /* short to extended and back */
    bfp128_from_bfp(BFP_SHORT, 0x00000001, &rq); /* 2^-149 */
    g_assert_cmphex(rq.v.hi, ==, (uint64_t)(16383 - 149) << 48);
    bfp128_to_bfp(BFP_SHORT, rq.v, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 1);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x-bfp128/oracle-modes", test_oracle_modes);
    g_test_add_func("/s390x-bfp128/random-arith", test_random_arith);
    g_test_add_func("/s390x-bfp128/ties", test_ties);
    g_test_add_func("/s390x-bfp128/scaled", test_scaled);
    g_test_add_func("/s390x-bfp128/nan", test_nan);
    g_test_add_func("/s390x-bfp128/random-compare", test_random_compare);
    g_test_add_func("/s390x-bfp128/random-convert", test_random_convert);
    g_test_add_func("/s390x-bfp128/random-int", test_random_int);
    g_test_add_func("/s390x-bfp128/int-special", test_int_special);
    return g_test_run();
}
