/*
 * Packed-decimal numbers as the decimal instructions see them: a field
 * of 1 to 16 bytes holds 2 * len - 1 digits (one per half byte, the most
 * significant first) and a sign in the rightmost half byte. Digits are
 * 0-9; signs are 0xa-0xf, 0xb and 0xd minus, the others plus; results
 * carry the preferred signs 0xc and 0xd. Up to 31 digits: a magnitude
 * fits an unsigned 128-bit integer with room for a sum.
 */
#ifndef TARGET_S390X_DECIMAL_H
#define TARGET_S390X_DECIMAL_H

#include <stdbool.h>
#include <stdint.h>

typedef unsigned __int128 S390DecMag;

typedef struct S390Dec {
    S390DecMag mag;
    bool neg;
} S390Dec;

#define S390_DEC_MAX_LEN 16
/* what s390_dec_parse() found wrong */
#define S390_DEC_BAD_DIGIT 1
#define S390_DEC_BAD_SIGN  2

static inline bool s390_dec_is_sign(uint8_t code)
{
    return code >= 0xa;
}

static inline bool s390_dec_sign_minus(uint8_t code)
{
    return code == 0xb || code == 0xd;
}

/* 10 ** @n, @n at most 38 */
S390DecMag s390_dec_pow10(unsigned n);

/* Read a @len-byte field: 0 or S390_DEC_BAD_* bits (then *@out is junk) */
unsigned s390_dec_parse(const uint8_t *p, unsigned len, S390Dec *out);

/*
 * Write @mag, @neg into a @len-byte field with the preferred sign. A
 * magnitude with more digits than the field keeps its rightmost ones:
 * the return value is then true (overflow).
 */
bool s390_dec_format(uint8_t *p, unsigned len, S390DecMag mag, bool neg);

#endif
