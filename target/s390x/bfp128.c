/*
 * The extended BFP format (bfp128.h) on 128-bit integers.
 *
 * A finite operand is unpacked to a sign, an integer significand and a
 * power of two. Each operation produces its exact result as such a pair
 * plus a "sticky" flag saying nonzero bits were dropped below the
 * significand's last bit; add and subtract align with the dropped bits
 * folded into the last one, multiply keeps the top half of the 256-bit
 * product, divide and square root are computed a bit at a time to more
 * bits than the format holds. One routine then rounds that value to any
 * of the three formats in any mode: tininess is judged on the exact
 * value (before rounding), a tiny value is rounded at the subnormal
 * position, and an exponent past the largest gives infinity or the
 * largest finite number as the mode says.
 */
#include "qemu/osdep.h"
#include "target/s390x/bfp128.h"

typedef unsigned __int128 u128;

/* A format's shape: significand bits (with the implicit one), exponent bits */
typedef struct Shape {
    int prec;
    int ebits;
    int scale;
} Shape;

static const Shape shape_ext = { 113, 15, BFP128_SCALE };
static const Shape shape_long = { 53, 11, 1536 };
static const Shape shape_short = { 24, 8, 192 };

static int bias_of(const Shape *s)
{
    return (1 << (s->ebits - 1)) - 1;
}

static u128 img(Bfp128 v)
{
    return ((u128)v.hi << 64) | v.lo;
}

static Bfp128 mk(u128 x)
{
    Bfp128 v = { (uint64_t)(x >> 64), (uint64_t)x };

    return v;
}

#define EXT_SIGN  ((u128)1 << 127)
#define EXT_EXP   ((u128)0x7fff << 112)
#define EXT_FRAC  (((u128)1 << 112) - 1)
#define EXT_QUIET ((u128)1 << 111)

bool bfp128_is_nan(Bfp128 v)
{
    u128 x = img(v);

    return (x & EXT_EXP) == EXT_EXP && (x & EXT_FRAC);
}

bool bfp128_is_snan(Bfp128 v)
{
    return bfp128_is_nan(v) && !(img(v) & EXT_QUIET);
}

bool bfp128_is_zero(Bfp128 v)
{
    return !(img(v) & ~EXT_SIGN);
}

bool bfp128_is_neg(Bfp128 v)
{
    return v.hi >> 63;
}

static bool is_inf(Bfp128 v)
{
    return (img(v) & ~EXT_SIGN) == EXT_EXP;
}

unsigned bfp128_cc(Bfp128 v)
{
    if (bfp128_is_nan(v)) {
        return 3;
    }
    if (bfp128_is_zero(v)) {
        return 0;
    }
    return bfp128_is_neg(v) ? 1 : 2;
}

static int clz128(u128 x)
{
    uint64_t h = x >> 64;

    return h ? __builtin_clzll(h) : 64 + __builtin_clzll((uint64_t)x);
}

/* A finite nonzero extended value as sig * 2^e, sig's top bit at 112 */
static void unpack(Bfp128 v, u128 *sig, int *e)
{
    u128 x = img(v);
    int be = (int)((x & EXT_EXP) >> 112);
    int sh;

    *sig = x & EXT_FRAC;
    if (be) {
        *sig |= (u128)1 << 112;
        *e = be - 16383 - 112;
    } else {
        sh = clz128(*sig) - 15;
        *sig <<= sh;
        *e = 1 - 16383 - 112 - sh;
    }
}

/*
 * Shift @sig right by @n bits and round the integer left in @rm: the
 * bits shifted out (and @sticky below them) decide. INEXACT and INCR in
 * *exc.
 */
static u128 round_shift(bool neg, u128 sig, int n, bool sticky, BfpRound rm,
                        uint8_t *exc)
{
    u128 q;
    bool half, rest, up = false;

    if (n == 0) {
        q = sig;
        half = false;
        rest = sticky;
    } else if (n < 128) {
        q = sig >> n;
        half = (sig >> (n - 1)) & 1;
        rest = sticky || (sig & (((u128)1 << (n - 1)) - 1));
    } else if (n == 128) {
        q = 0;
        half = sig >> 127;
        rest = sticky || (sig & ~((u128)1 << 127));
    } else {
        q = 0;
        half = false;
        rest = sticky || sig;
    }
    *exc = 0;
    if (!half && !rest) {
        return q;
    }
    *exc = BFP_X_INEXACT;
    switch (rm) {
    case BFP_RND_NEAREST:
        up = half && (rest || (q & 1));
        break;
    case BFP_RND_AWAY:
        up = half;
        break;
    case BFP_RND_ZERO:
        break;
    case BFP_RND_UP:
        up = !neg;
        break;
    case BFP_RND_DOWN:
        up = neg;
        break;
    case BFP_RND_PREPARE:
        up = !(q & 1);
        break;
    }
    if (up) {
        *exc |= BFP_X_INCR;
        q++;
    }
    return q;
}

/* The largest finite magnitude or infinity, when the result overflows */
static bool overflow_to_inf(bool neg, BfpRound rm)
{
    switch (rm) {
    case BFP_RND_NEAREST:
    case BFP_RND_AWAY:
        return true;
    case BFP_RND_UP:
        return !neg;
    case BFP_RND_DOWN:
        return neg;
    default:
        return false;
    }
}

/*
 * Round sig * 2^(E - 127) (sig's top bit at 127, so E is the value's
 * exponent) to @s in @rm: the image, BFP_X_* in *exc.
 */
static u128 round_to(const Shape *s, bool neg, int E, u128 sig, bool sticky,
                     BfpRound rm, uint8_t *exc)
{
    int bias = bias_of(s), emin = 1 - bias, emax = bias;
    u128 signbit = (u128)neg << (s->ebits + s->prec - 1);
    u128 maxexp = ((u128)1 << s->ebits) - 1;
    int n = 128 - s->prec;
    uint8_t x;
    bool tiny = E < emin;
    u128 q, mag;

    if (tiny) {
        n += emin - E;
    }
    q = round_shift(neg, sig, n, sticky, rm, &x);
    if (tiny) {
        x |= BFP_X_UNDERFLOW;
        E = emin;
    }
    if (E <= emax + 1) {
        mag = ((u128)(E + bias - 1) << (s->prec - 1)) + q;
        if (mag < (maxexp << (s->prec - 1))) {
            *exc = x;
            return signbit | mag;
        }
    }
    *exc = BFP_X_OVERFLOW | BFP_X_INEXACT;
    if (overflow_to_inf(neg, rm)) {
        *exc |= BFP_X_INCR;
        return signbit | (maxexp << (s->prec - 1));
    }
    return signbit | ((maxexp << (s->prec - 1)) - 1);
}

typedef struct Out {
    u128 v, scaled;
    uint8_t exc, sexc;
} Out;

/*
 * The exact value sig * 2^e (more nonzero bits below when @sticky; sig
 * nonzero) to @s in @rm, with the scaled result of overflow or tininess
 */
static void finish(const Shape *s, bool neg, int e, u128 sig, bool sticky,
                   BfpRound rm, Out *o)
{
    int lz = clz128(sig);
    int E = e + 127 - lz;

    sig <<= lz;
    memset(o, 0, sizeof(*o));
    o->v = round_to(s, neg, E, sig, sticky, rm, &o->exc);
    if (o->exc & BFP_X_OVERFLOW) {
        o->scaled = round_to(s, neg, E - s->scale, sig, sticky, rm, &o->sexc);
    } else if (o->exc & BFP_X_UNDERFLOW) {
        o->scaled = round_to(s, neg, E + s->scale, sig, sticky, rm, &o->sexc);
    }
    o->sexc &= BFP_X_INEXACT | BFP_X_INCR;
}

static void out_ext(const Out *o, BfpResult128 *r)
{
    r->v = mk(o->v);
    r->exc = o->exc;
    r->scaled = mk(o->scaled);
    r->sexc = o->sexc;
}

static bool nan_operands(const Bfp128 *ops, unsigned n, BfpResult128 *r)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        if (bfp128_is_snan(ops[i])) {
            r->v = mk(img(ops[i]) | EXT_QUIET);
            r->exc = BFP_X_INVALID;
            return true;
        }
    }
    for (i = 0; i < n; i++) {
        if (bfp128_is_nan(ops[i])) {
            r->v = ops[i];
            return true;
        }
    }
    return false;
}

static Bfp128 signed_const(bool neg, u128 mag)
{
    return mk(((u128)neg << 127) | mag);
}

static void set_dnan(BfpResult128 *r)
{
    r->v.hi = BFP128_DNAN_HI;
    r->v.lo = 0;
    r->exc = BFP_X_INVALID;
}

/* A finite nonzero value as a result: exact, maybe tiny */
static void exact(Bfp128 v, BfpResult128 *r)
{
    u128 sig;
    int e;
    Out o;

    unpack(v, &sig, &e);
    finish(&shape_ext, bfp128_is_neg(v), e, sig, false, BFP_RND_ZERO, &o);
    out_ext(&o, r);
}

static void add(Bfp128 a, Bfp128 b, BfpRound rm, BfpResult128 *r)
{
    bool na = bfp128_is_neg(a), nb = bfp128_is_neg(b), neg;
    u128 sa, sb, sum;
    int ea, eb, d;
    Out o;

    if (is_inf(a) || is_inf(b)) {
        if (is_inf(a) && is_inf(b) && na != nb) {
            set_dnan(r);
        } else {
            r->v = is_inf(a) ? a : b;
        }
        return;
    }
    if (bfp128_is_zero(a) || bfp128_is_zero(b)) {
        if (!bfp128_is_zero(a) || !bfp128_is_zero(b)) {
            /* the other operand: tiny if it is subnormal */
            exact(bfp128_is_zero(a) ? b : a, r);
        } else {
            r->v = signed_const(na == nb ? na : rm == BFP_RND_DOWN, 0);
        }
        return;
    }
    unpack(a, &sa, &ea);
    unpack(b, &sb, &eb);
    /* a the larger magnitude; 13 spare bits below both */
    if (eb > ea || (eb == ea && sb > sa)) {
        u128 ts = sa;
        int te = ea;
        bool tn = na;

        sa = sb, ea = eb, na = nb;
        sb = ts, eb = te, nb = tn;
    }
    sa <<= 13;
    sb <<= 13;
    d = ea - eb;
    if (d >= 128) {
        sb = 1;
    } else if (d > 0) {
        sb = (sb >> d) | ((sb & (((u128)1 << d) - 1)) != 0);
    }
    neg = na;
    sum = na == nb ? sa + sb : sa - sb;
    if (!sum) {
        r->v = signed_const(rm == BFP_RND_DOWN, 0);
        return;
    }
    finish(&shape_ext, neg, ea - 13, sum, false, rm, &o);
    out_ext(&o, r);
}

/* The 256-bit product of two 128-bit numbers: high half, low half */
static void mul256(u128 a, u128 b, u128 *hi, u128 *lo)
{
    u128 a0 = (uint64_t)a, a1 = a >> 64, b0 = (uint64_t)b, b1 = b >> 64;
    u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    u128 mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;

    *lo = (mid << 64) | (uint64_t)p00;
    *hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

static void mul(Bfp128 a, Bfp128 b, BfpRound rm, BfpResult128 *r)
{
    bool neg = bfp128_is_neg(a) != bfp128_is_neg(b);
    u128 sa, sb, hi, lo;
    int ea, eb;
    Out o;

    if (is_inf(a) || is_inf(b)) {
        if (bfp128_is_zero(a) || bfp128_is_zero(b)) {
            set_dnan(r);
        } else {
            r->v = signed_const(neg, EXT_EXP);
        }
        return;
    }
    if (bfp128_is_zero(a) || bfp128_is_zero(b)) {
        r->v = signed_const(neg, 0);
        return;
    }
    unpack(a, &sa, &ea);
    unpack(b, &sb, &eb);
    mul256(sa << 15, sb << 15, &hi, &lo);
    finish(&shape_ext, neg, ea + eb - 30 + 128, hi, lo != 0, rm, &o);
    out_ext(&o, r);
}

static void divide(Bfp128 a, Bfp128 b, BfpRound rm, BfpResult128 *r)
{
    bool neg = bfp128_is_neg(a) != bfp128_is_neg(b);
    u128 sa, sb, q = 0;
    int ea, eb, i;
    Out o;

    if (is_inf(a)) {
        if (is_inf(b)) {
            set_dnan(r);
        } else {
            r->v = signed_const(neg, EXT_EXP);
        }
        return;
    }
    if (bfp128_is_zero(b)) {
        if (bfp128_is_zero(a)) {
            set_dnan(r);
        } else {
            r->v = signed_const(neg, EXT_EXP);
            r->exc = BFP_X_DIVZERO;
        }
        return;
    }
    if (is_inf(b) || bfp128_is_zero(a)) {
        r->v = signed_const(neg, 0);
        return;
    }
    unpack(a, &sa, &ea);
    unpack(b, &sb, &eb);
    /* 117 quotient bits, restoring: the remainder stays below 2 * sb */
    for (i = 0; i <= 116; i++) {
        q <<= 1;
        if (sa >= sb) {
            sa -= sb;
            q |= 1;
        }
        sa <<= 1;
    }
    finish(&shape_ext, neg, ea - eb - 116, q, sa != 0, rm, &o);
    out_ext(&o, r);
}

static void sqrt_ext(Bfp128 a, BfpRound rm, BfpResult128 *r)
{
    u128 s, root = 0, rem = 0, trial;
    int e, i;
    Out o;

    if (bfp128_is_zero(a) || (is_inf(a) && !bfp128_is_neg(a))) {
        r->v = a;
        return;
    }
    if (bfp128_is_neg(a)) {
        set_dnan(r);
        return;
    }
    unpack(a, &s, &e);
    if (e & 1) {
        s <<= 1;
        e--;
    }
    /*
     * The root of s * 2^120, two bits of the radicand at a time: 64 pairs
     * from s, 60 zero pairs, a root of 117 bits or more
     */
    for (i = 0; i < 124; i++) {
        unsigned pair = i < 64 ? (unsigned)(s >> (126 - 2 * i)) & 3 : 0;

        rem = (rem << 2) | pair;
        trial = (root << 2) | 1;
        root <<= 1;
        if (rem >= trial) {
            rem -= trial;
            root |= 1;
        }
    }
    finish(&shape_ext, false, (e - 120) / 2, root, rem != 0, rm, &o);
    out_ext(&o, r);
}

void bfp128_arith(BfpOp op, Bfp128 a, Bfp128 b, BfpRound rm, BfpResult128 *r)
{
    Bfp128 ops[2] = { a, b };

    memset(r, 0, sizeof(*r));
    if (nan_operands(ops, op == BFP_SQRT ? 1 : 2, r)) {
        return;
    }
    if (op == BFP_SUB) {
        /* a - b is a + (-b), once NaNs are out of the way */
        b.hi ^= UINT64_C(1) << 63;
        op = BFP_ADD;
    }
    if (op == BFP_ADD) {
        add(a, b, rm, r);
    } else if (op == BFP_MUL) {
        mul(a, b, rm, r);
    } else if (op == BFP_DIV) {
        divide(a, b, rm, r);
    } else if (op == BFP_SQRT) {
        sqrt_ext(a, rm, r);
    } else {
        set_dnan(r); /* the fused forms: not provided for this format */
    }
}

/* A total key for ordered values: -0 and +0 equal */
static int cmp_ordered(Bfp128 a, Bfp128 b)
{
    u128 x = img(a), y = img(b);
    bool nx = x >> 127, ny = y >> 127;

    x &= ~EXT_SIGN;
    y &= ~EXT_SIGN;
    if (!x && !y) {
        return 0;
    }
    if (nx != ny) {
        return nx ? -1 : 1;
    }
    if (x == y) {
        return 0;
    }
    return (x < y) != nx ? -1 : 1;
}

unsigned bfp128_compare(Bfp128 a, Bfp128 b, bool signal, uint8_t *exc)
{
    int c;

    *exc = 0;
    if (bfp128_is_nan(a) || bfp128_is_nan(b)) {
        if (signal || bfp128_is_snan(a) || bfp128_is_snan(b)) {
            *exc = BFP_X_INVALID;
        }
        return 3;
    }
    c = cmp_ordered(a, b);
    return c == 0 ? 0 : c < 0 ? 1 : 2;
}

static const Shape *shape_of(BfpFmt f)
{
    return f == BFP_SHORT ? &shape_short : &shape_long;
}

void bfp128_from_bfp(BfpFmt from, uint64_t a, BfpResult128 *r)
{
    const Shape *s = shape_of(from);
    int fb = s->prec - 1, bias = bias_of(s);
    uint64_t frac = a & ((UINT64_C(1) << fb) - 1);
    uint64_t be = (a >> fb) & ((1u << s->ebits) - 1);
    bool neg = (a >> (s->ebits + fb)) & 1;
    Out o;

    memset(r, 0, sizeof(*r));
    if (be == (1u << s->ebits) - 1) {
        /* infinity, or a NaN with its leftmost fraction bits */
        u128 v = ((u128)neg << 127) | EXT_EXP | ((u128)frac << (112 - fb));

        if (frac && !(frac >> (fb - 1))) {
            v |= EXT_QUIET;
            r->exc = BFP_X_INVALID;
        }
        r->v = mk(v);
        return;
    }
    if (!be && !frac) {
        r->v = signed_const(neg, 0);
        return;
    }
    if (be) {
        frac |= UINT64_C(1) << fb;
    } else {
        be = 1;
    }
    finish(&shape_ext, neg, (int)be - bias - fb, frac, false, BFP_RND_ZERO, &o);
    out_ext(&o, r);
}

void bfp128_to_bfp(BfpFmt to, Bfp128 a, BfpRound rm, BfpResult *r)
{
    const Shape *s = shape_of(to);
    int fb = s->prec - 1;
    uint64_t signbit = UINT64_C(1) << (s->ebits + fb);
    uint64_t expall = ((UINT64_C(1) << s->ebits) - 1) << fb;
    bool neg = bfp128_is_neg(a);
    u128 sig;
    int e;
    Out o;

    memset(r, 0, sizeof(*r));
    if (bfp128_is_nan(a) || is_inf(a)) {
        u128 frac = img(a) & EXT_FRAC;

        r->v = (neg ? signbit : 0) | expall | (uint64_t)(frac >> (112 - fb));
        if (bfp128_is_snan(a)) {
            r->v |= UINT64_C(1) << (fb - 1);
            r->exc = BFP_X_INVALID;
        }
        return;
    }
    if (bfp128_is_zero(a)) {
        r->v = neg ? signbit : 0;
        return;
    }
    unpack(a, &sig, &e);
    finish(s, neg, e, sig, false, rm, &o);
    r->v = (uint64_t)o.v;
    r->exc = o.exc;
    r->scaled = (uint64_t)o.scaled;
    r->sexc = o.sexc;
}

void bfp128_round_prec(BfpFmt to, Bfp128 a, int scale, BfpRound rm,
                       BfpResult128 *r)
{
    int n = shape_ext.prec - shape_of(to)->prec;
    uint8_t x;
    u128 sig;
    int e;
    Out o;

    memset(r, 0, sizeof(*r));
    r->v = a;
    if (bfp128_is_nan(a) || is_inf(a) || bfp128_is_zero(a)) {
        return;
    }
    unpack(a, &sig, &e);
    sig = round_shift(bfp128_is_neg(a), sig, n, false, rm, &x);
    finish(&shape_ext, bfp128_is_neg(a), e + n + scale, sig, false,
           BFP_RND_ZERO, &o);
    r->v = mk(o.v);
    r->exc = x;
}

void bfp128_from_uint(uint64_t v, BfpResult128 *r)
{
    Out o;

    memset(r, 0, sizeof(*r));
    if (!v) {
        return;
    }
    finish(&shape_ext, false, 0, v, false, BFP_RND_ZERO, &o);
    out_ext(&o, r);
}

void bfp128_from_int(int64_t v, BfpResult128 *r)
{
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;

    bfp128_from_uint(mag, r);
    if (v < 0) {
        r->v.hi |= UINT64_C(1) << 63;
    }
}

/*
 * |a| (finite) rounded to an integer in @rm: false if it is 2^66 or more
 * (out of any range asked for here); INEXACT and INCR in *exc.
 */
static bool integral(Bfp128 a, BfpRound rm, u128 *n, uint8_t *exc)
{
    u128 sig;
    int e;

    *exc = 0;
    *n = 0;
    if (bfp128_is_zero(a)) {
        return true;
    }
    unpack(a, &sig, &e);
    if (e >= 0) {
        return false; /* 2^112 or more */
    }
    *n = round_shift(bfp128_is_neg(a), sig, -e, false, rm, exc);
    return *n < ((u128)1 << 66);
}

unsigned bfp128_to_int(Bfp128 a, unsigned bits, BfpRound rm, BfpResult *r)
{
    u128 lim = (u128)1 << (bits - 1), n;
    bool neg = bfp128_is_neg(a);
    uint8_t x;

    memset(r, 0, sizeof(*r));
    if (bfp128_is_nan(a)) {
        r->v = bits == 32 ? 0x80000000u : UINT64_C(1) << 63;
        r->exc = BFP_X_INVALID;
        return 3;
    }
    if (is_inf(a) || !integral(a, rm, &n, &x) || n > lim ||
        (!neg && n == lim)) {
        uint64_t big = neg ? (uint64_t)lim : (uint64_t)(lim - 1);

        r->v = bits == 32 ? (uint32_t)big : big;
        r->exc = BFP_X_INVALID | BFP_X_INEXACT;
        return 3;
    }
    r->v = neg ? -(uint64_t)n : (uint64_t)n;
    if (bits == 32) {
        r->v = (uint32_t)r->v;
    }
    r->exc = x;
    return bfp128_cc(a);
}

unsigned bfp128_to_uint(Bfp128 a, unsigned bits, BfpRound rm, BfpResult *r)
{
    u128 lim = (u128)1 << bits, n;
    bool neg = bfp128_is_neg(a);
    uint8_t x;

    memset(r, 0, sizeof(*r));
    if (bfp128_is_nan(a)) {
        r->exc = BFP_X_INVALID;
        return 3;
    }
    if (is_inf(a) || !integral(a, rm, &n, &x) || n >= lim || (neg && n)) {
        r->v = neg ? 0 : (uint64_t)(lim - 1);
        r->exc = BFP_X_INVALID | BFP_X_INEXACT;
        return 3;
    }
    r->v = (uint64_t)n;
    r->exc = x;
    return bfp128_cc(a);
}

void bfp128_round_int(Bfp128 a, BfpRound rm, BfpResult128 *r)
{
    bool neg = bfp128_is_neg(a);
    u128 sig;
    int e;
    Out o;

    memset(r, 0, sizeof(*r));
    if (nan_operands(&a, 1, r)) {
        return;
    }
    r->v = a;
    if (is_inf(a) || bfp128_is_zero(a)) {
        return;
    }
    unpack(a, &sig, &e);
    if (e >= 0) {
        return;
    }
    sig = round_shift(neg, sig, -e, false, rm, &r->exc);
    if (!sig) {
        r->v = signed_const(neg, 0);
        return;
    }
    finish(&shape_ext, neg, 0, sig, false, BFP_RND_ZERO, &o);
    r->v = mk(o.v);
}
