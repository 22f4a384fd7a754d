/*
 * The extended (128-bit, IEEE binary128) BFP format in software: the
 * host's long double cannot hold its 113-bit significand, so these
 * operations work on integers. Same conventions as bfp.h: register
 * images in, results with BFP_X_* exceptions (UNDERFLOW meaning tiny
 * before rounding) and the scaled result of trapped overflow and
 * underflow out.
 */
#ifndef TARGET_S390X_BFP128_H
#define TARGET_S390X_BFP128_H

#include "qemu/osdep.h"
#include "target/s390x/bfp.h"

/* hi: sign, 15-bit biased exponent, the top 48 fraction bits; lo: the rest */
typedef struct Bfp128 {
    uint64_t hi;
    uint64_t lo;
} Bfp128;

typedef struct BfpResult128 {
    Bfp128 v;      /* the result without a trap */
    uint8_t exc;   /* BFP_X_* of v; UNDERFLOW means tiny, exact or not */
    Bfp128 scaled; /* for overflow or tininess: scaled by 2^-+24576 */
    uint8_t sexc;  /* INEXACT and INCR of the scaled result */
} BfpResult128;

/*
 * The exponent adjustment of a trapped overflow or underflow result:
 * IEEE 754's trap bias adjustment (3/2)(bias + 1), as 192 (short) and
 * 1536 (long) are; three quarters of the 2^15 exponent values
 */
#define BFP128_SCALE 24576

#define BFP128_DNAN_HI UINT64_C(0x7fff800000000000)

bool bfp128_is_nan(Bfp128 v);
bool bfp128_is_snan(Bfp128 v);
bool bfp128_is_zero(Bfp128 v);
bool bfp128_is_neg(Bfp128 v);
/* cc of a result: 0 zero, 1 negative, 2 positive, 3 NaN */
unsigned bfp128_cc(Bfp128 v);

/* ADD, SUB, MUL, DIV or SQRT (of a) */
void bfp128_arith(BfpOp op, Bfp128 a, Bfp128 b, BfpRound rm, BfpResult128 *r);
/* cc 0 equal, 1 a low, 2 a high, 3 unordered (bfp_compare's rules) */
unsigned bfp128_compare(Bfp128 a, Bfp128 b, bool signal, uint8_t *exc);
/* From a short or long image (exact) */
void bfp128_from_bfp(BfpFmt from, uint64_t a, BfpResult128 *r);
/*
 * To a short or long image, rounded; the scaled result (by 2^-+192 or
 * 2^-+1536) is itself limited to the target's range, as bfp_convert's is
 */
void bfp128_to_bfp(BfpFmt to, Bfp128 a, BfpRound rm, BfpResult *r);
/*
 * What LOAD ROUNDED delivers for a trapped overflow or underflow: @a
 * rounded in @rm to the precision of @to (24 or 53 bits, no exponent
 * limit) and scaled by 2^@scale, exactly, in the extended format; the
 * rounding's INEXACT and INCR in r->exc
 */
void bfp128_round_prec(BfpFmt to, Bfp128 a, int scale, BfpRound rm,
                       BfpResult128 *r);
void bfp128_from_int(int64_t v, BfpResult128 *r);
void bfp128_from_uint(uint64_t v, BfpResult128 *r);
/* To an integer of @bits (32 or 64): as bfp_to_int and bfp_to_uint */
unsigned bfp128_to_int(Bfp128 a, unsigned bits, BfpRound rm, BfpResult *r);
unsigned bfp128_to_uint(Bfp128 a, unsigned bits, BfpRound rm, BfpResult *r);
/* Round to an integral value in the extended format (FIXBR) */
void bfp128_round_int(Bfp128 a, BfpRound rm, BfpResult128 *r);

#endif
