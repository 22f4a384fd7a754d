/*
 * The BFP core (target/s390x/bfp.c) on bit patterns: results rounded
 * once in every mode, tininess before rounding, the scaled results of
 * trapped overflow and underflow, NaN rules, and the conversions'
 * bounds.
 */
#include "qemu/osdep.h"
#include "target/s390x/bfp.h"

#define L BFP_LONG
#define S BFP_SHORT

static void test_arith_modes(void)
{
    BfpResult r;

    /* 1 + (2^-53 + 2^-105): above the halfway point, so up in nearest */
    bfp_arith(L, BFP_ADD, 0x3ff0000000000000ull, 0x3ca0000000000001ull, 0,
              BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x3ff0000000000001ull);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT | BFP_X_INCR);
    bfp_arith(L, BFP_ADD, 0x3ff0000000000000ull, 0x3ca0000000000001ull, 0,
              BFP_RND_ZERO, &r);
    g_assert_cmphex(r.v, ==, 0x3ff0000000000000ull);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT);
    /* short: 1 + 2^-24 ties to even, 1 + 2^-24 + 2^-47 goes up */
    bfp_arith(S, BFP_ADD, 0x3f800000, 0x33800000, 0, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x3f800000);
    bfp_arith(S, BFP_ADD, 0x3f800000, 0x33800001, 0, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x3f800001);
    bfp_arith(S, BFP_ADD, 0x3f800000, 0x33800000, 0, BFP_RND_UP, &r);
    g_assert_cmphex(r.v, ==, 0x3f800001);
    /* x - x is -0 only toward -infinity */
    bfp_arith(L, BFP_SUB, 0x4000000000000000ull, 0x4000000000000000ull, 0,
              BFP_RND_DOWN, &r);
    g_assert_cmphex(r.v, ==, 0x8000000000000000ull);
    g_assert_cmpuint(r.exc, ==, 0);
    /* fused: one rounding */
    bfp_arith(L, BFP_MADD, 0x3fb999999999999aull, 0x4024000000000000ull,
              0xbff0000000000000ull, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x3c90000000000000ull);
}

static void test_scaled(void)
{
    BfpResult r;

    /* short overflow: FLT_MAX * 2 scaled by 2^-192 */
    bfp_arith(S, BFP_MUL, 0x7f7fffff, 0x40000000, 0, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x7f800000);
    g_assert_cmphex(r.exc, ==, BFP_X_OVERFLOW | BFP_X_INEXACT | BFP_X_INCR);
    g_assert_cmphex(r.scaled, ==, 0x1fffffff); /* exponent 128 - 192 */
    g_assert_cmphex(r.sexc, ==, 0);
    /* toward zero: the largest number, not incremented */
    bfp_arith(S, BFP_MUL, 0x7f7fffff, 0x40000000, 0, BFP_RND_ZERO, &r);
    g_assert_cmphex(r.v, ==, 0x7f7fffff);
    g_assert_cmphex(r.exc, ==, BFP_X_OVERFLOW | BFP_X_INEXACT);
    /* long underflow, inexact: DBL_MIN / 3 scaled by 2^1536 */
    bfp_arith(L, BFP_DIV, 0x0010000000000000ull, 0x4008000000000000ull, 0,
              BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x0005555555555555ull);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW | BFP_X_INEXACT);
    g_assert_cmphex(r.scaled, ==, 0x5ff5555555555555ull);
    g_assert_cmphex(r.sexc, ==, BFP_X_INEXACT);
    /* tiny before rounding though it rounds to DBL_MIN */
    bfp_arith(L, BFP_MUL, 0x001fffffffffffffull, 0x3fe0000000000000ull, 0,
              BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x0010000000000000ull);
    g_assert_cmphex(r.exc, ==, BFP_X_UNDERFLOW | BFP_X_INEXACT | BFP_X_INCR);
    /* LEDBR of 2^200: overflow, scaled by 2^-192 to 2^8 */
    bfp_convert(S, L, 0x4c70000000000000ull, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x7f800000);
    g_assert_cmphex(r.scaled, ==, 0x43800000);
}

static void test_nan(void)
{
    BfpResult r;

    /* SNaN before QNaN, then operand order */
    bfp_arith(L, BFP_MADD, 0x7ff8000000000001ull, 0x3ff0000000000000ull,
              0x7ff0000000000002ull, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x7ff8000000000002ull);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    bfp_arith(S, BFP_DIV, 0x7fc00001, 0xffc00002, 0, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x7fc00001);
    g_assert_cmpuint(r.exc, ==, 0);
    /* invalid: the default NaN */
    bfp_arith(S, BFP_MUL, 0x7f800000, 0x80000000, 0, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, BFP_DNAN_SHORT);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    bfp_arith(L, BFP_MADD, 0x7ff0000000000000ull, 0x3ff0000000000000ull,
              0xfff0000000000000ull, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, BFP_DNAN_LONG);
}

static void test_to_uint(void)
{
    BfpResult r;

    /* 2^64 - 2048 fits, 2^64 does not; a NaN gives 0 */
    g_assert_cmpuint(bfp_to_uint(L, 0x43efffffffffffffull, 64, BFP_RND_ZERO,
                                 &r),
                     ==, 2);
    g_assert_cmphex(r.v, ==, 0xfffffffffffff800ull);
    g_assert_cmpuint(bfp_to_uint(L, 0x43f0000000000000ull, 64, BFP_RND_ZERO,
                                 &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, UINT64_MAX);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID | BFP_X_INEXACT);
    g_assert_cmpuint(bfp_to_uint(L, 0x7ff8000000000000ull, 32, BFP_RND_ZERO,
                                 &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, 0);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    /* -0.5: to nearest it is -0 (cc 1, inexact), toward -inf -1 (invalid) */
    g_assert_cmpuint(bfp_to_uint(L, 0xbfe0000000000000ull, 32, BFP_RND_NEAREST,
                                 &r),
                     ==, 1);
    g_assert_cmphex(r.v, ==, 0);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT);
    g_assert_cmpuint(bfp_to_uint(L, 0xbfe0000000000000ull, 32, BFP_RND_DOWN,
                                 &r),
                     ==, 3);
    /* 4294967295.5 to nearest even is 2^32: out of range */
    g_assert_cmpuint(bfp_to_uint(L, 0x41effffffff00000ull, 32, BFP_RND_NEAREST,
                                 &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, UINT32_MAX);
    /* prepare for shorter precision: 2.5 -> 3, 1.5 -> 1, 4.0 exact */
    bfp_to_uint(L, 0x4004000000000000ull, 32, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 3);
    bfp_to_uint(L, 0x3ff8000000000000ull, 32, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 1);
    bfp_to_uint(L, 0x4010000000000000ull, 32, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 4);
    g_assert_cmphex(r.exc, ==, 0);
    /* from unsigned: 2^64 - 1 rounds to 2^64 to nearest, down toward zero */
    bfp_from_uint(L, UINT64_MAX, BFP_RND_NEAREST, &r);
    g_assert_cmphex(r.v, ==, 0x43f0000000000000ull);
    bfp_from_uint(L, UINT64_MAX, BFP_RND_ZERO, &r);
    g_assert_cmphex(r.v, ==, 0x43efffffffffffffull);
    /* ties away and prepare on a format result: 2^53 + 1 */
    bfp_from_uint(L, (UINT64_C(1) << 53) + 1, BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v, ==, 0x4340000000000001ull);
    bfp_from_uint(L, (UINT64_C(1) << 53) + 1, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 0x4340000000000001ull);
    bfp_from_uint(L, UINT64_C(1) << 53, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 0x4340000000000000ull);
    /* ties away beyond the largest short: to infinity, overflow */
    bfp_convert(S, L, 0x47efffffffffffffull, BFP_RND_AWAY, &r);
    g_assert_cmphex(r.v, ==, 0x7f800000);
    g_assert_true(r.exc & BFP_X_OVERFLOW);
    bfp_convert(S, L, 0x47efffffffffffffull, BFP_RND_PREPARE, &r);
    g_assert_cmphex(r.v, ==, 0x7f7fffff);
    g_assert_false(r.exc & BFP_X_OVERFLOW);
}

static void test_to_int(void)
{
    BfpResult r;

    /* -2^63 fits, 2^63 does not */
    g_assert_cmpuint(bfp_to_int(L, 0xc3e0000000000000ull, 64, BFP_RND_ZERO, &r),
                     ==, 1);
    g_assert_cmphex(r.v, ==, 0x8000000000000000ull);
    g_assert_cmpuint(r.exc, ==, 0);
    g_assert_cmpuint(bfp_to_int(L, 0x43e0000000000000ull, 64, BFP_RND_ZERO, &r),
                     ==, 3);
    g_assert_cmphex(r.v, ==, 0x7fffffffffffffffull);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID | BFP_X_INEXACT);
    /* a NaN is invalid only */
    g_assert_cmpuint(bfp_to_int(L, 0x7ff8000000000000ull, 64, BFP_RND_ZERO, &r),
                     ==, 3);
    g_assert_cmphex(r.exc, ==, BFP_X_INVALID);
    /* -2147483648.5 toward zero fits in 32 bits, toward -inf it does not */
    g_assert_cmpuint(bfp_to_int(L, 0xc1e0000000100000ull, 32, BFP_RND_ZERO, &r),
                     ==, 1);
    g_assert_cmphex(r.v, ==, 0x80000000);
    g_assert_cmpuint(bfp_to_int(L, 0xc1e0000000100000ull, 32, BFP_RND_DOWN, &r),
                     ==, 3);
    /* ties away */
    bfp_to_int(S, 0xc0200000, 32, BFP_RND_AWAY, &r); /* -2.5 */
    g_assert_cmphex(r.v, ==, 0xfffffffd);
    g_assert_cmphex(r.exc, ==, BFP_X_INEXACT | BFP_X_INCR);
    /* 2^53 + 1 to long rounds, to short too */
    bfp_from_int(L, (INT64_C(1) << 53) + 1, BFP_RND_UP, &r);
    g_assert_cmphex(r.v, ==, 0x4340000000000001ull);
    bfp_from_int(S, -16777217, BFP_RND_DOWN, &r);
    g_assert_cmphex(r.v, ==, 0xcb800001);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/bfp/arith-modes", test_arith_modes);
    g_test_add_func("/s390x/bfp/scaled", test_scaled);
    g_test_add_func("/s390x/bfp/nan", test_nan);
    g_test_add_func("/s390x/bfp/to-int", test_to_int);
    g_test_add_func("/s390x/bfp/to-uint", test_to_uint);
    return g_test_run();
}
