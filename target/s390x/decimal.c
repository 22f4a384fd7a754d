/*
 * Packed-decimal fields to and from 128-bit magnitudes (decimal.h).
 */
#include "qemu/osdep.h"
#include "target/s390x/decimal.h"

S390DecMag s390_dec_pow10(unsigned n)
{
    S390DecMag v = 1;

    while (n--) {
        v *= 10;
    }
    return v;
}

unsigned s390_dec_parse(const uint8_t *p, unsigned len, S390Dec *out)
{
    unsigned bad = 0;
    S390DecMag m = 0;

    for (unsigned i = 0; i < len; i++) {
        uint8_t hi = p[i] >> 4, lo = p[i] & 0xf;

        if (hi > 9) {
            bad |= S390_DEC_BAD_DIGIT;
        }
        m = m * 10 + hi;
        if (i + 1 < len) {
            if (lo > 9) {
                bad |= S390_DEC_BAD_DIGIT;
            }
            m = m * 10 + lo;
        } else if (!s390_dec_is_sign(lo)) {
            bad |= S390_DEC_BAD_SIGN;
        }
    }
    out->mag = m;
    out->neg = s390_dec_sign_minus(p[len - 1] & 0xf);
    return bad;
}

bool s390_dec_format(uint8_t *p, unsigned len, S390DecMag mag, bool neg)
{
    S390DecMag m = mag;

    p[len - 1] = (uint8_t)((m % 10) << 4) | (neg ? 0xd : 0xc);
    m /= 10;
    for (int i = (int)len - 2; i >= 0; i--) {
        uint8_t lo = (uint8_t)(m % 10);

        m /= 10;
        p[i] = (uint8_t)((m % 10) << 4) | lo;
        m /= 10;
    }
    return m != 0;
}
