/*
 * The binary floating-point core (bfp.h) on the host's floating point.
 *
 * Each operation is done once in the host's long double, whose 64-bit
 * significand holds a short or long result with at least two bits to
 * spare, rounding toward zero and forcing the last bit to one when the
 * operation was inexact ("round to odd"). That intermediate value
 * rounds to the target format in any mode exactly as the infinitely
 * precise result would, and it is also what tininess (detected before
 * rounding, as z/Architecture does), the "incremented" indication and
 * the scaled results of trapped overflow and underflow are computed
 * from. The host's rounding mode is set only around these steps (fenv.h)
 * and put back to nearest after each.
 *
 * NaN operands never reach the host: a signalling NaN is an invalid
 * operation whose result is that NaN made quiet; otherwise the first
 * NaN operand is the result, signalling ones taking precedence over
 * quiet ones.
 */
#include "qemu/osdep.h"
#include <fenv.h>
#include <float.h>
#include <math.h>
#include "target/s390x/bfp.h"

#if LDBL_MANT_DIG < 64
#error "the BFP core needs a long double with a 64-bit significand or more"
#endif

/* the exponent scaling of trapped overflow and underflow results */
#define SCALE_SHORT 192
#define SCALE_LONG  1536

static const int host_mode[] = {
    [BFP_RND_NEAREST] = FE_TONEAREST, [BFP_RND_ZERO] = FE_TOWARDZERO,
    [BFP_RND_UP] = FE_UPWARD,         [BFP_RND_DOWN] = FE_DOWNWARD,
    [BFP_RND_AWAY] = FE_TONEAREST,    [BFP_RND_PREPARE] = FE_TOWARDZERO,
};

static uint64_t sign_bit(BfpFmt f)
{
    return f == BFP_SHORT ? UINT64_C(0x80000000) : UINT64_C(1) << 63;
}

static uint64_t exp_mask(BfpFmt f)
{
    return f == BFP_SHORT ? UINT64_C(0x7f800000) : UINT64_C(0x7ff) << 52;
}

static uint64_t frac_mask(BfpFmt f)
{
    return f == BFP_SHORT ? UINT64_C(0x7fffff) : (UINT64_C(1) << 52) - 1;
}

static uint64_t quiet_bit(BfpFmt f)
{
    return f == BFP_SHORT ? UINT64_C(0x400000) : UINT64_C(1) << 51;
}

bool bfp_is_nan(BfpFmt f, uint64_t v)
{
    return (v & exp_mask(f)) == exp_mask(f) && (v & frac_mask(f));
}

bool bfp_is_snan(BfpFmt f, uint64_t v)
{
    return bfp_is_nan(f, v) && !(v & quiet_bit(f));
}

bool bfp_is_zero(BfpFmt f, uint64_t v)
{
    return !(v & (exp_mask(f) | frac_mask(f)));
}

bool bfp_is_neg(BfpFmt f, uint64_t v)
{
    return v & sign_bit(f);
}

unsigned bfp_cc(BfpFmt f, uint64_t v)
{
    if (bfp_is_nan(f, v)) {
        return 3;
    }
    if (bfp_is_zero(f, v)) {
        return 0;
    }
    return bfp_is_neg(f, v) ? 1 : 2;
}

/* A register image (not a NaN) as a host value: always exact */
static long double to_host(BfpFmt f, uint64_t v)
{
    if (f == BFP_SHORT) {
        uint32_t u = (uint32_t)v;
        float x;

        memcpy(&x, &u, sizeof(x));
        return x;
    } else {
        double d;

        memcpy(&d, &v, sizeof(d));
        return d;
    }
}

/* Set the last significand bit of an inexact intermediate */
static long double make_odd(long double w)
{
#if LDBL_MANT_DIG == 64 && (defined(__x86_64__) || defined(__i386__))
    union {
        long double ld;
        struct {
            uint64_t mant;
            uint16_t se;
        } p;
    } u;

    memset(&u, 0, sizeof(u));
    u.ld = w;
    u.p.mant |= 1;
    return u.ld;
#else
    int e;
    long double m = frexpl(w, &e);

    if (fmodl(ldexpl(m, LDBL_MANT_DIG), 2.0L) == 0) {
        w += copysignl(ldexpl(1.0L, e - LDBL_MANT_DIG), w);
    }
    return w;
#endif
}

/* @op in the host mode @mode; the host's exception flags in *hx */
static long double host_op(BfpOp op, long double a, long double b,
                           long double c, int mode, int *hx)
{
    volatile long double va = a, vb = b, vc = c;
    volatile long double r = 0;

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
    case BFP_SQRT:
        r = sqrtl(va);
        break;
    case BFP_MADD:
        r = fmal(va, vb, vc);
        break;
    case BFP_MSUB:
        r = fmal(va, vb, -vc);
        break;
    }
    *hx = fetestexcept(FE_ALL_EXCEPT);
    fesetround(FE_TONEAREST);
    return r;
}

/* Round @w to @f in the host mode @mode: the image; host flags in *hx */
static uint64_t host_round_to(BfpFmt f, long double w, int mode, int *hx)
{
    volatile long double vw = w;
    uint64_t bits;

    fesetround(mode);
    feclearexcept(FE_ALL_EXCEPT);
    if (f == BFP_SHORT) {
        volatile float x = vw;
        float y = x;
        uint32_t u;

        *hx = fetestexcept(FE_ALL_EXCEPT);
        memcpy(&u, &y, sizeof(u));
        bits = u;
    } else {
        volatile double x = vw;
        double y = x;

        *hx = fetestexcept(FE_ALL_EXCEPT);
        memcpy(&bits, &y, sizeof(bits));
    }
    fesetround(FE_TONEAREST);
    return bits;
}

/*
 * Round @w to @f in @rm: the image; host flags in *hx. The two modes the
 * host lacks start from the value rounded toward zero: "prepare for
 * shorter precision" makes its last bit one when that was inexact (the
 * largest finite number stays: its last bit is one), ties away from zero
 * takes the next value away from zero when @w lies at or beyond the
 * midpoint.
 */
static uint64_t round_to(BfpFmt f, long double w, BfpRound rm, int *hx)
{
    uint64_t t, up;
    long double lo, hi;

    if (rm != BFP_RND_PREPARE && rm != BFP_RND_AWAY) {
        return host_round_to(f, w, host_mode[rm], hx);
    }
    t = host_round_to(f, w, FE_TOWARDZERO, hx);
    if (!(*hx & FE_INEXACT)) {
        return t;
    }
    if (rm == BFP_RND_PREPARE) {
        return t | 1; /* the largest finite number is odd already */
    }
    /*
     * The next image away from zero is one unit more; past the largest
     * finite number it is infinity, the midpoint still half a unit up.
     */
    up = t + 1;
    lo = fabsl(to_host(f, t));
    if ((up & exp_mask(f)) == exp_mask(f)) {
        hi = lo + (lo - fabsl(to_host(f, t - 1)));
    } else {
        hi = fabsl(to_host(f, up));
    }
    if (fabsl(w) - lo >= hi - fabsl(w)) {
        *hx = FE_INEXACT |
              ((up & exp_mask(f)) == exp_mask(f) ? FE_OVERFLOW : 0);
        return up;
    }
    return t;
}

/* INEXACT and INCR of @v as the rounding of @w (scaled by 2^@scale) */
static uint8_t inexact_of(BfpFmt f, uint64_t v, int scale, long double w,
                          bool inexact)
{
    long double got = ldexpl(to_host(f, v), scale);

    if (!inexact && got == w) {
        return 0;
    }
    return BFP_X_INEXACT | (fabsl(got) > fabsl(w) ? BFP_X_INCR : 0);
}

/*
 * The intermediate @w (odd if @w_inexact) to @f in @rm: result, its
 * exceptions, and the scaled result when it overflows or is tiny.
 */
static void finish(BfpFmt f, long double w, bool w_inexact, BfpRound rm,
                   BfpResult *r)
{
    long double min_normal = f == BFP_SHORT ? FLT_MIN : DBL_MIN;
    int scale = f == BFP_SHORT ? SCALE_SHORT : SCALE_LONG;
    int hx, shx;

    r->v = round_to(f, w, rm, &hx);
    r->exc = inexact_of(f, r->v, 0, w, w_inexact);
    if (hx & FE_OVERFLOW) {
        r->exc |= BFP_X_OVERFLOW;
        r->scaled = round_to(f, ldexpl(w, -scale), rm, &shx);
        r->sexc = inexact_of(f, r->scaled, scale, w, w_inexact);
    } else if (w != 0 && fabsl(w) < min_normal) {
        r->exc |= BFP_X_UNDERFLOW;
        r->scaled = round_to(f, ldexpl(w, scale), rm, &shx);
        r->sexc = inexact_of(f, r->scaled, -scale, w, w_inexact);
    }
}

static uint64_t quiet(BfpFmt f, uint64_t v)
{
    return v | quiet_bit(f);
}

/* NaN operands: true, with the result in @r */
static bool nan_operands(BfpFmt f, const uint64_t *ops, unsigned n,
                         BfpResult *r)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        if (bfp_is_snan(f, ops[i])) {
            r->v = quiet(f, ops[i]);
            r->exc = BFP_X_INVALID;
            return true;
        }
    }
    for (i = 0; i < n; i++) {
        if (bfp_is_nan(f, ops[i])) {
            r->v = ops[i];
            return true;
        }
    }
    return false;
}

void bfp_arith(BfpFmt f, BfpOp op, uint64_t a, uint64_t b, uint64_t c,
               BfpRound rm, BfpResult *r)
{
    uint64_t ops[3] = { a, b, c };
    unsigned n = op == BFP_SQRT ? 1 : op >= BFP_MADD ? 3 : 2;
    long double x = 0, y = 0, z = 0, w;
    int hx;

    memset(r, 0, sizeof(*r));
    if (nan_operands(f, ops, n, r)) {
        return;
    }
    x = to_host(f, a);
    if (n > 1) {
        y = to_host(f, b);
    }
    if (n > 2) {
        z = to_host(f, c);
    }
    w = host_op(op, x, y, z, FE_TOWARDZERO, &hx);
    if (hx & FE_INVALID) {
        r->v = f == BFP_SHORT ? BFP_DNAN_SHORT : BFP_DNAN_LONG;
        r->exc = BFP_X_INVALID;
        return;
    }
    if (hx & FE_DIVBYZERO) {
        r->v = round_to(f, w, rm, &hx);
        r->exc = BFP_X_DIVZERO;
        return;
    }
    if (w == 0 && !(hx & FE_INEXACT)) {
        /* an exact zero: its sign depends on the rounding mode */
        w = host_op(op, x, y, z, host_mode[rm], &hx);
    }
    if (hx & FE_INEXACT) {
        w = make_odd(w);
    }
    finish(f, w, hx & FE_INEXACT, rm, r);
}

unsigned bfp_compare(BfpFmt f, uint64_t a, uint64_t b, bool signal,
                     uint8_t *exc)
{
    long double x, y;

    *exc = 0;
    if (bfp_is_nan(f, a) || bfp_is_nan(f, b)) {
        if (signal || bfp_is_snan(f, a) || bfp_is_snan(f, b)) {
            *exc = BFP_X_INVALID;
        }
        return 3;
    }
    x = to_host(f, a);
    y = to_host(f, b);
    return x == y ? 0 : x < y ? 1 : 2;
}

void bfp_load_test(BfpFmt f, uint64_t a, BfpResult *r)
{
    memset(r, 0, sizeof(*r));
    if (!nan_operands(f, &a, 1, r)) {
        r->v = a;
    }
}

/* A NaN of @from in @to: sign, leftmost fraction bits, made quiet if SNaN */
static void convert_nan(BfpFmt to, BfpFmt from, uint64_t a, BfpResult *r)
{
    uint64_t frac = a & frac_mask(from);

    if (to == BFP_LONG) {
        frac <<= 29;
    } else {
        frac >>= 29;
    }
    r->v = (bfp_is_neg(from, a) ? sign_bit(to) : 0) | exp_mask(to) | frac;
    if (bfp_is_snan(from, a)) {
        r->v = quiet(to, r->v);
        r->exc = BFP_X_INVALID;
    }
}

void bfp_convert(BfpFmt to, BfpFmt from, uint64_t a, BfpRound rm, BfpResult *r)
{
    memset(r, 0, sizeof(*r));
    if (bfp_is_nan(from, a)) {
        convert_nan(to, from, a, r);
        return;
    }
    finish(to, to_host(from, a), false, rm, r);
}

void bfp_from_int(BfpFmt to, int64_t v, BfpRound rm, BfpResult *r)
{
    memset(r, 0, sizeof(*r));
    finish(to, (long double)v, false, rm, r);
}

/* @x rounded to an integral value in @rm (exact, sign kept) */
static long double host_rint(long double x, BfpRound rm)
{
    volatile long double vx = x;
    volatile long double r;

    if (rm == BFP_RND_AWAY) {
        return roundl(vx);
    }
    if (rm == BFP_RND_PREPARE) {
        /* toward zero, then odd when inexact (-0.5 becomes -1) */
        r = truncl(vx);
        if (r != vx && fmodl(r, 2.0L) == 0) {
            r += copysignl(1.0L, vx);
        }
        return r;
    }
    fesetround(host_mode[rm]);
    r = rintl(vx);
    fesetround(FE_TONEAREST);
    return r;
}

unsigned bfp_to_int(BfpFmt from, uint64_t a, unsigned bits, BfpRound rm,
                    BfpResult *r)
{
    long double lo = -ldexpl(1.0L, bits - 1), x, i;
    int64_t v;

    memset(r, 0, sizeof(*r));
    if (bfp_is_nan(from, a)) {
        r->v = (uint64_t)(int64_t)lo;
        r->exc = BFP_X_INVALID;
        return 3;
    }
    x = to_host(from, a);
    i = host_rint(x, rm);
    if (i < lo || i >= -lo) {
        r->v = (uint64_t)(int64_t)(x < 0 ? lo : -lo - 1);
        r->exc = BFP_X_INVALID | BFP_X_INEXACT;
        return 3;
    }
    v = (int64_t)i;
    r->v = bits == 32 ? (uint32_t)v : (uint64_t)v;
    if (i != x) {
        r->exc = BFP_X_INEXACT | (fabsl(i) > fabsl(x) ? BFP_X_INCR : 0);
    }
    return x == 0 ? 0 : x < 0 ? 1 : 2;
}

void bfp_from_uint(BfpFmt to, uint64_t v, BfpRound rm, BfpResult *r)
{
    memset(r, 0, sizeof(*r));
    finish(to, (long double)v, false, rm, r);
}

unsigned bfp_to_uint(BfpFmt from, uint64_t a, unsigned bits, BfpRound rm,
                     BfpResult *r)
{
    long double hi = ldexpl(1.0L, bits), x, i;

    memset(r, 0, sizeof(*r));
    if (bfp_is_nan(from, a)) {
        r->exc = BFP_X_INVALID;
        return 3;
    }
    x = to_host(from, a);
    i = host_rint(x, rm);
    if (i <= -1 || i >= hi) {
        r->v = x < 0 ? 0 : bits == 32 ? UINT32_MAX : UINT64_MAX;
        r->exc = BFP_X_INVALID | BFP_X_INEXACT;
        return 3;
    }
    r->v = (uint64_t)fabsl(i);
    if (i != x) {
        r->exc = BFP_X_INEXACT | (fabsl(i) > fabsl(x) ? BFP_X_INCR : 0);
    }
    return x == 0 ? 0 : x < 0 ? 1 : 2;
}

void bfp_round_int(BfpFmt f, uint64_t a, BfpRound rm, BfpResult *r)
{
    long double x, i;
    int hx;

    memset(r, 0, sizeof(*r));
    if (nan_operands(f, &a, 1, r)) {
        return;
    }
    x = to_host(f, a);
    i = host_rint(x, rm);
    r->v = round_to(f, i, BFP_RND_ZERO, &hx);
    if (i != x) {
        r->exc = BFP_X_INEXACT | (fabsl(i) > fabsl(x) ? BFP_X_INCR : 0);
    }
}
