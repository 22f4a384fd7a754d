/*
 * The binary floating-point core: IEEE 754 short (32-bit) and long
 * (64-bit) operations over register images, with the z/Architecture's
 * NaN rules, exceptions and rounding modes, and nothing of the CPU (the
 * FPC's masks and flags are the caller's, exec-bfp*.c).
 *
 * Values are bit images: a short value is the low 32 bits of the
 * uint64_t. Results report the IEEE exceptions they raised in the bit
 * positions of the FPC's mask byte (and of the data-exception code),
 * plus whether rounding increased the magnitude.
 */
#ifndef TARGET_S390X_BFP_H
#define TARGET_S390X_BFP_H

#include "qemu/osdep.h"

typedef enum BfpFmt {
    BFP_SHORT,
    BFP_LONG,
} BfpFmt;

/*
 * Rounding: the FPC's BFP modes 0-3, the M3 field's ties-away mode, and
 * "prepare for shorter precision" (FPC mode 7, M3 3: toward zero, the
 * last bit made one when the result is inexact)
 */
typedef enum BfpRound {
    BFP_RND_NEAREST = 0, /* to nearest, ties to even */
    BFP_RND_ZERO = 1,
    BFP_RND_UP = 2,   /* toward +infinity */
    BFP_RND_DOWN = 3, /* toward -infinity */
    BFP_RND_AWAY = 4, /* to nearest, ties away from zero */
    BFP_RND_PREPARE = 5,
} BfpRound;

typedef enum BfpOp {
    BFP_ADD,
    BFP_SUB,
    BFP_MUL,
    BFP_DIV,
    BFP_SQRT, /* of a */
    BFP_MADD, /* a * b + c, rounded once */
    BFP_MSUB, /* a * b - c, rounded once */
} BfpOp;

/* Exceptions, as the FPC mask byte and the DXC place them */
#define BFP_X_INVALID   0x80
#define BFP_X_DIVZERO   0x40
#define BFP_X_OVERFLOW  0x20
#define BFP_X_UNDERFLOW 0x10 /* the result is tiny (before rounding) */
#define BFP_X_INEXACT   0x08
#define BFP_X_INCR      0x04 /* inexact, and the magnitude was increased */

typedef struct BfpResult {
    uint64_t v;      /* the result without a trap */
    uint8_t exc;     /* BFP_X_* of v; UNDERFLOW means tiny, exact or not */
    uint64_t scaled; /* for overflow or tininess: the result scaled back */
    uint8_t sexc;    /* INEXACT and INCR of the scaled result */
} BfpResult;

/* The default NaN an invalid operation delivers */
#define BFP_DNAN_SHORT UINT64_C(0x7fc00000)
#define BFP_DNAN_LONG  UINT64_C(0x7ff8000000000000)

bool bfp_is_nan(BfpFmt f, uint64_t v);
bool bfp_is_snan(BfpFmt f, uint64_t v);
bool bfp_is_zero(BfpFmt f, uint64_t v);
bool bfp_is_neg(BfpFmt f, uint64_t v);
/* cc of a result: 0 zero, 1 negative, 2 positive, 3 NaN */
unsigned bfp_cc(BfpFmt f, uint64_t v);

void bfp_arith(BfpFmt f, BfpOp op, uint64_t a, uint64_t b, uint64_t c,
               BfpRound rm, BfpResult *r);
/*
 * Compare: cc 0 equal, 1 a low, 2 a high, 3 unordered. Invalid for a
 * signalling NaN, or with @signal (KDBR, KEBR) for any NaN.
 */
unsigned bfp_compare(BfpFmt f, uint64_t a, uint64_t b, bool signal,
                     uint8_t *exc);
/* Load and test: the value (a signalling NaN quieted, invalid) */
void bfp_load_test(BfpFmt f, uint64_t a, BfpResult *r);
/* Short to long (exact) or long to short (rounded) */
void bfp_convert(BfpFmt to, BfpFmt from, uint64_t a, BfpRound rm, BfpResult *r);
/* A signed 64-bit integer to @to */
void bfp_from_int(BfpFmt to, int64_t v, BfpRound rm, BfpResult *r);
/*
 * To a signed integer of @bits (32 or 64): the result in r->v, cc 0 for a
 * zero source, 1 negative, 2 positive, 3 for a NaN or a value out of
 * range (invalid, and inexact for a finite value: the largest negative
 * number for a NaN or a negative
 * value, else the largest positive one).
 */
unsigned bfp_to_int(BfpFmt from, uint64_t a, unsigned bits, BfpRound rm,
                    BfpResult *r);
/* An unsigned integer (CELFBR ... CDLGBR) to @to */
void bfp_from_uint(BfpFmt to, uint64_t v, BfpRound rm, BfpResult *r);
/*
 * To an unsigned integer of @bits (32 or 64): cc 0 for a zero, 1 for a
 * negative value that rounds to zero, 2 for a positive one, 3 for the
 * special cases (invalid: 0 for a NaN or a negative value, the largest
 * number for a positive one out of range; the finite ones inexact too).
 */
unsigned bfp_to_uint(BfpFmt from, uint64_t a, unsigned bits, BfpRound rm,
                     BfpResult *r);
/* Round to an integral value in the same format (FIDBR, FIEBR) */
void bfp_round_int(BfpFmt f, uint64_t a, BfpRound rm, BfpResult *r);

#endif
