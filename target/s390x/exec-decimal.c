/*
 * The decimal instructions and the conversions between packed decimal
 * and binary: CVB/CVBY/CVBG, CVD/CVDY/CVDG; the zoned/packed/ASCII/
 * Unicode moves PACK, UNPK, PKA, PKU, UNPKA, UNPKU, MVN, MVZ, MVO; the
 * arithmetic ZAP, AP, SP, CP, TP, SRP, MP, DP; and the editing ED and
 * EDMK. Invalid digits or signs are a data exception with DXC 0 and
 * suppress the instruction. A result with more significant digits than
 * its field keeps the rightmost ones, sets cc 3 and is a decimal-overflow
 * exception (completing) when PSW bit 21 is one.
 *
 * Instructions whose operands may overlap in an architected way (PACK,
 * UNPK, MVO right to left, MVN and MVZ left to right) go one byte at a
 * time through storage after checking both operands. The arithmetic reads
 * whole operands before it stores, which gives the architected result
 * for the overlap they allow (rightmost bytes coinciding).
 */
#include "qemu/osdep.h"
#include "target/s390x/decimal.h"
#include "target/s390x/exec-bfp-util.h"
#include "target/s390x/exec-util.h"

#define PGM_DEC_OVERFLOW 0x000a
#define PGM_DEC_DIVIDE   0x000b
#define DXC_DECIMAL      0x00

static int data_exception(S390Cpu *cpu)
{
    if (cpu->env.cregs[0] & CR0_AFP) {
        cpu->fpc = (cpu->fpc & ~FPC_DXC) |
                   ((uint32_t)DXC_DECIMAL << FPC_DXC_SHIFT);
    }
    cpu->dxc = DXC_DECIMAL;
    return PGM_DATA;
}

/* Operand bytes at @a, wrapping at the end of the address space */
static int rd(S390Cpu *cpu, uint64_t a, uint8_t *buf, unsigned n)
{
    int r;

    if (((a + n - 1) & cpu->amask) >= a) {
        return s390_mem_read(cpu, a, buf, n);
    }
    for (unsigned i = 0; i < n; i++) {
        if ((r = s390_ld8(cpu, (a + i) & cpu->amask, &buf[i]))) {
            return r;
        }
    }
    return 0;
}

static int wr(S390Cpu *cpu, uint64_t a, const uint8_t *buf, unsigned n)
{
    int r;

    if (((a + n - 1) & cpu->amask) >= a) {
        return s390_mem_write(cpu, a, buf, n);
    }
    for (unsigned i = 0; i < n; i++) {
        if ((r = s390_mem_check(cpu, (a + i) & cpu->amask, 1,
                                S390_ACC_STORE))) {
            return r;
        }
    }
    for (unsigned i = 0; i < n; i++) {
        if ((r = s390_st8(cpu, (a + i) & cpu->amask, buf[i]))) {
            return r;
        }
    }
    return 0;
}

/* Every byte of an operand accessible for @kind (wrapping) */
static int check(S390Cpu *cpu, uint64_t a, unsigned n, S390Access kind)
{
    uint64_t room = cpu->amask - a + 1;
    int r;

    if (n <= room || room == 0) {
        return s390_mem_check(cpu, a, n, kind);
    }
    if ((r = s390_mem_check(cpu, a, room, kind))) {
        return r;
    }
    return s390_mem_check(cpu, 0, n - room, kind);
}

static uint64_t op1_addr(const S390Cpu *cpu, const S390Insn *in)
{
    return ea_bd(cpu, in->b1, in->d1);
}

static uint64_t op2_addr(const S390Cpu *cpu, const S390Insn *in)
{
    return ea_bd(cpu, in->b2, in->d2);
}

/* ---- conversions ---- */

static int cvb_common(S390Cpu *cpu, unsigned r1, uint64_t a, unsigned len)
{
    uint8_t buf[S390_DEC_MAX_LEN];
    S390Dec v;
    __int128 x;
    int r;

    if ((r = rd(cpu, a, buf, len))) {
        return r;
    }
    if (s390_dec_parse(buf, len, &v)) {
        return data_exception(cpu);
    }
    x = v.neg ? -(__int128)v.mag : (__int128)v.mag;
    if (len == 8) {
        /* out of range: the rightmost 32 bits are placed, and then */
        set_gr32(cpu, r1, (uint32_t)x);
        return x < INT32_MIN || x > INT32_MAX ? PGM_FIXPT_DIVIDE : 0;
    }
    if (x < INT64_MIN || x > INT64_MAX) {
        return PGM_FIXPT_DIVIDE; /* CVBG: suppressed */
    }
    set_gr(cpu, r1, (uint64_t)(int64_t)x);
    return 0;
}

S390_OP(op_cvb)
{
    return cvb_common(cpu, in->r1, ea2(cpu, in), 8);
}
S390_OP(op_cvbg)
{
    return cvb_common(cpu, in->r1, ea2(cpu, in), 16);
}

static int cvd_common(S390Cpu *cpu, uint64_t a, int64_t v, unsigned len)
{
    uint8_t buf[S390_DEC_MAX_LEN];
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;

    s390_dec_format(buf, len, mag, v < 0);
    return wr(cpu, a, buf, len);
}

S390_OP(op_cvd)
{
    return cvd_common(cpu, ea2(cpu, in), (int32_t)gr32(cpu, in->r1), 8);
}
S390_OP(op_cvdg)
{
    return cvd_common(cpu, ea2(cpu, in), (int64_t)gr(cpu, in->r1), 16);
}

/* ---- byte-wise moves ---- */

/*
 * Which half of the bytes a move takes. Operand 1 is fetched and
 * stored, operand 2 fetched; the bytes go left to right, one at a time.
 */
static int move_halves(S390Cpu *cpu, const S390Insn *in, uint8_t mask)
{
    unsigned len = in->l1 + 1;
    uint64_t a1 = op1_addr(cpu, in), a2 = op2_addr(cpu, in);
    int r;

    if ((r = check(cpu, a2, len, S390_ACC_FETCH)) ||
        (r = check(cpu, a1, len, S390_ACC_FETCH)) ||
        (r = check(cpu, a1, len, S390_ACC_STORE))) {
        return r;
    }
    for (unsigned i = 0; i < len; i++) {
        uint64_t x = (a1 + i) & cpu->amask, y = (a2 + i) & cpu->amask;
        uint8_t b1, b2;

        if ((r = s390_ld8(cpu, y, &b2)) || (r = s390_ld8(cpu, x, &b1)) ||
            (r = s390_st8(cpu, x, (b1 & ~mask) | (b2 & mask)))) {
            return r;
        }
    }
    return 0;
}

S390_OP(op_mvn)
{
    return move_halves(cpu, in, 0x0f);
}
S390_OP(op_mvz)
{
    return move_halves(cpu, in, 0xf0);
}

/*
 * Right-to-left processing of PACK, UNPK and MVO: a source of the
 * operand-2 half bytes from the right, each fetched when first needed.
 */
typedef struct NibSrc {
    S390Cpu *cpu;
    uint64_t end;       /* address of the rightmost byte */
    unsigned len, next; /* bytes, bytes already fetched */
    uint8_t cur;
    bool low_next; /* the low half of cur is still to come */
} NibSrc;

/* The next half byte from the right (0 once the operand is used up) */
static int nib_next(NibSrc *s, uint8_t *v, bool *hi)
{
    int r;

    if (s->low_next) {
        s->low_next = false;
        *v = s->cur >> 4;
        *hi = true;
        return 0;
    }
    if (s->next >= s->len) {
        *v = 0;
        *hi = false;
        return 0;
    }
    if ((r = s390_ld8(s->cpu, (s->end - s->next) & s->cpu->amask, &s->cur))) {
        return r;
    }
    s->next++;
    s->low_next = true;
    *v = s->cur & 0xf;
    *hi = false;
    return 0;
}

static int ss_b_check(S390Cpu *cpu, const S390Insn *in, bool fetch1)
{
    int r;

    if ((r = check(cpu, op2_addr(cpu, in), in->l2 + 1, S390_ACC_FETCH)) ||
        (fetch1 &&
         (r = check(cpu, op1_addr(cpu, in), in->l1 + 1, S390_ACC_FETCH)))) {
        return r;
    }
    return check(cpu, op1_addr(cpu, in), in->l1 + 1, S390_ACC_STORE);
}

S390_OP(op_pack)
{
    uint64_t a1 = op1_addr(cpu, in);
    NibSrc s = { cpu, op2_addr(cpu, in) + in->l2, in->l2 + 1 };
    uint8_t lo, hi, b;
    bool h;
    int r;

    if ((r = ss_b_check(cpu, in, false))) {
        return r;
    }
    /* the rightmost byte: its halves exchanged */
    if ((r = s390_ld8(cpu, s.end & cpu->amask, &b))) {
        return r;
    }
    s.next = 1;
    if ((r = s390_st8(cpu, (a1 + in->l1) & cpu->amask,
                      (uint8_t)(b << 4 | b >> 4)))) {
        return r;
    }
    /* then the digit halves of the zoned bytes, two to a byte */
    for (int i = in->l1 - 1; i >= 0; i--) {
        uint8_t z;

        lo = hi = 0;
        for (int k = 0; k < 2; k++) {
            do {
                if ((r = nib_next(&s, &z, &h))) {
                    return r;
                }
            } while (h); /* zones are dropped */
            if (k == 0) {
                lo = z;
            } else {
                hi = z;
            }
        }
        if ((r = s390_st8(cpu, (a1 + i) & cpu->amask,
                          (uint8_t)(hi << 4) | lo))) {
            return r;
        }
    }
    return 0;
}

S390_OP(op_unpk)
{
    uint64_t a1 = op1_addr(cpu, in), a2 = op2_addr(cpu, in) + in->l2;
    unsigned next = 1;
    uint8_t b, pending = 0;
    bool have = false;
    int r;

    if ((r = ss_b_check(cpu, in, false))) {
        return r;
    }
    if ((r = s390_ld8(cpu, a2 & cpu->amask, &b)) ||
        (r = s390_st8(cpu, (a1 + in->l1) & cpu->amask,
                      (uint8_t)(b << 4 | b >> 4)))) {
        return r;
    }
    /* each remaining half byte becomes a zoned digit, zone 0xf */
    for (int i = in->l1 - 1; i >= 0; i--) {
        uint8_t d;

        if (have) {
            d = pending;
            have = false;
        } else if (next <= in->l2) {
            if ((r = s390_ld8(cpu, (a2 - next) & cpu->amask, &b))) {
                return r;
            }
            next++;
            d = b & 0xf;
            pending = b >> 4;
            have = true;
        } else {
            d = 0;
        }
        if ((r = s390_st8(cpu, (a1 + i) & cpu->amask, 0xf0 | d))) {
            return r;
        }
    }
    return 0;
}

S390_OP(op_mvo)
{
    uint64_t a1 = op1_addr(cpu, in);
    NibSrc s = { cpu, op2_addr(cpu, in) + in->l2, in->l2 + 1 };
    uint8_t b, hi, lo;
    bool h;
    int r;

    if ((r = ss_b_check(cpu, in, true))) {
        return r;
    }
    /* the rightmost half byte of operand 1 stays */
    if ((r = s390_ld8(cpu, (a1 + in->l1) & cpu->amask, &b))) {
        return r;
    }
    lo = b & 0xf;
    for (int i = in->l1; i >= 0; i--) {
        if (i != (int)in->l1 && (r = nib_next(&s, &lo, &h))) {
            return r;
        }
        if ((r = nib_next(&s, &hi, &h)) ||
            (r = s390_st8(cpu, (a1 + i) & cpu->amask,
                          (uint8_t)(hi << 4) | lo))) {
            return r;
        }
    }
    return 0;
}

/* PKA/PKU: digits from every @step-th byte of operand 2 into 16 bytes */
static int pack_chars(S390Cpu *cpu, const S390Insn *in, unsigned step)
{
    unsigned len2 = in->l2 + 1, n = len2 / step;
    uint8_t src[64], res[S390_DEC_MAX_LEN];
    int r;

    if (len2 > 32 * step || len2 % step) {
        return PGM_SPECIFICATION;
    }
    if ((r = rd(cpu, op2_addr(cpu, in), src, len2)) ||
        (r = check(cpu, op1_addr(cpu, in), 16, S390_ACC_STORE))) {
        return r;
    }
    /*
     * The right halves are not checked, just placed; with 32 characters
     * the leftmost one has no place.
     */
    memset(res, 0, sizeof(res));
    for (unsigned i = 0; i < MIN(n, 31u); i++) {
        unsigned pos = 30 - i; /* digit position from the left, 0..30 */
        uint8_t d = src[(n - 1 - i) * step + step - 1] & 0xf;

        res[pos / 2] |= pos & 1 ? d : (uint8_t)(d << 4);
    }
    res[15] |= 0xc;
    return wr(cpu, op1_addr(cpu, in), res, 16);
}

S390_OP(op_pka)
{
    return pack_chars(cpu, in, 1);
}
S390_OP(op_pku)
{
    return pack_chars(cpu, in, 2);
}

/* UNPKA/UNPKU: 16 bytes of packed digits to characters; cc from the sign */
static int unpack_chars(S390Cpu *cpu, const S390Insn *in, unsigned step)
{
    unsigned len1 = in->l1 + 1, n = len1 / step;
    uint8_t src[S390_DEC_MAX_LEN], res[64];
    uint8_t sign;
    int r;

    if (len1 > 32 * step || len1 % step) {
        return PGM_SPECIFICATION;
    }
    if ((r = rd(cpu, op2_addr(cpu, in), src, 16)) ||
        (r = check(cpu, op1_addr(cpu, in), len1, S390_ACC_STORE))) {
        return r;
    }
    memset(res, 0, sizeof(res));
    for (unsigned i = 0; i < n; i++) {
        /* the character i from the right takes digit 30 - i */
        uint8_t d = 0;

        if (i < 31) {
            unsigned pos = 30 - i;

            d = pos & 1 ? src[pos / 2] & 0xf : src[pos / 2] >> 4;
        }
        res[(n - 1 - i) * step + step - 1] = 0x30 | d;
    }
    if ((r = wr(cpu, op1_addr(cpu, in), res, len1))) {
        return r;
    }
    sign = src[15] & 0xf;
    cpu->cc = !s390_dec_is_sign(sign) ? 3 : s390_dec_sign_minus(sign) ? 1 : 0;
    return 0;
}

S390_OP(op_unpka)
{
    return unpack_chars(cpu, in, 1);
}
S390_OP(op_unpku)
{
    return unpack_chars(cpu, in, 2);
}

/* ---- arithmetic ---- */

/* Fetch and check a packed operand */
static int fetch_dec(S390Cpu *cpu, uint64_t a, unsigned len, S390Dec *v,
                     bool *bad)
{
    uint8_t buf[S390_DEC_MAX_LEN];
    int r = rd(cpu, a, buf, len);

    if (!r && s390_dec_parse(buf, len, v)) {
        *bad = true;
    }
    return r;
}

/*
 * Store a signed result in operand 1 with cc 0/1/2, or cc 3 and the
 * decimal-overflow exception if the mask is on when it does not fit. A
 * zero result is positive unless it overflowed.
 */
static int store_result(S390Cpu *cpu, uint64_t a1, unsigned len, S390DecMag mag,
                        bool neg)
{
    uint8_t buf[S390_DEC_MAX_LEN];
    bool ovf = mag >= s390_dec_pow10(2 * len - 1);
    int r;

    if (!ovf && mag == 0) {
        neg = false;
    }
    s390_dec_format(buf, len, mag, neg);
    if ((r = wr(cpu, a1, buf, len))) {
        return r;
    }
    if (ovf) {
        cpu->cc = 3;
        return cpu->psw_mask & PSW_MASK_DEC_OVF ? PGM_DEC_OVERFLOW : 0;
    }
    cpu->cc = mag == 0 ? 0 : neg ? 1 : 2;
    return 0;
}

S390_OP(op_zap)
{
    uint64_t a1 = op1_addr(cpu, in);
    S390Dec v;
    bool bad = false;
    int r;

    if ((r = fetch_dec(cpu, op2_addr(cpu, in), in->l2 + 1, &v, &bad)) ||
        (r = check(cpu, a1, in->l1 + 1, S390_ACC_STORE))) {
        return r;
    }
    if (bad) {
        return data_exception(cpu);
    }
    return store_result(cpu, a1, in->l1 + 1, v.mag, v.neg);
}

/* Both operands fetched and checked (and operand 1 for store if @st) */
static int fetch_two(S390Cpu *cpu, const S390Insn *in, S390Dec *v1, S390Dec *v2,
                     bool st)
{
    uint64_t a1 = op1_addr(cpu, in);
    bool bad = false;
    int r;

    if ((r = fetch_dec(cpu, a1, in->l1 + 1, v1, &bad)) ||
        (r = fetch_dec(cpu, op2_addr(cpu, in), in->l2 + 1, v2, &bad)) ||
        (st && (r = check(cpu, a1, in->l1 + 1, S390_ACC_STORE)))) {
        return r;
    }
    return bad ? data_exception(cpu) : 0;
}

static __int128 sval(const S390Dec *v)
{
    return v->neg ? -(__int128)v->mag : (__int128)v->mag;
}

static int add_sub(S390Cpu *cpu, const S390Insn *in, bool sub)
{
    S390Dec v1, v2;
    __int128 s;
    int r;

    if ((r = fetch_two(cpu, in, &v1, &v2, true))) {
        return r;
    }
    s = sub ? sval(&v1) - sval(&v2) : sval(&v1) + sval(&v2);
    return store_result(cpu, op1_addr(cpu, in), in->l1 + 1,
                        s < 0 ? (S390DecMag)-s : (S390DecMag)s, s < 0);
}

S390_OP(op_ap)
{
    return add_sub(cpu, in, false);
}
S390_OP(op_sp)
{
    return add_sub(cpu, in, true);
}

S390_OP(op_cp)
{
    S390Dec v1, v2;
    int r;

    if ((r = fetch_two(cpu, in, &v1, &v2, false))) {
        return r;
    }
    cpu->cc = sval(&v1) == sval(&v2) ? 0 : sval(&v1) < sval(&v2) ? 1 : 2;
    return 0;
}

/* TEST DECIMAL: cc 0 valid, 1 bad sign, 2 bad digit, 3 both */
S390_OP(op_tp)
{
    uint8_t buf[S390_DEC_MAX_LEN];
    S390Dec v;
    unsigned bad;
    int r;

    if ((r = rd(cpu, op1_addr(cpu, in), buf, in->l1 + 1))) {
        return r;
    }
    bad = s390_dec_parse(buf, in->l1 + 1, &v);
    cpu->cc = (bad & S390_DEC_BAD_SIGN ? 1 : 0) |
              (bad & S390_DEC_BAD_DIGIT ? 2 : 0);
    return 0;
}

/*
 * SHIFT AND ROUND DECIMAL: bits 58-63 of the second-operand address are
 * a signed shift (left when positive); a right shift adds the rounding
 * digit I3 (0-9, else a data exception) to the leftmost digit shifted out.
 */
S390_OP(op_srp)
{
    uint64_t a1 = op1_addr(cpu, in);
    unsigned len = in->l1 + 1, digits = 2 * len - 1;
    unsigned sh = op2_addr(cpu, in) & 0x3f;
    S390DecMag m;
    S390Dec v;
    bool bad = false;
    int r;

    if ((r = fetch_dec(cpu, a1, len, &v, &bad)) ||
        (r = check(cpu, a1, len, S390_ACC_STORE))) {
        return r;
    }
    if (bad || in->i3 > 9) { /* the rounding digit is checked too */
        return data_exception(cpu);
    }
    if (sh < 32) {
        bool lost = sh >= digits ? v.mag != 0
                                 : v.mag >= s390_dec_pow10(digits - sh);
        uint8_t buf[S390_DEC_MAX_LEN];

        m = sh >= digits
                ? 0
                : (v.mag % s390_dec_pow10(digits - sh)) * s390_dec_pow10(sh);
        if (!lost) {
            return store_result(cpu, a1, len, m, v.neg);
        }
        /* the significant digits shifted out: overflow */
        s390_dec_format(buf, len, m, v.neg);
        if ((r = wr(cpu, a1, buf, len))) {
            return r;
        }
        cpu->cc = 3;
        return cpu->psw_mask & PSW_MASK_DEC_OVF ? PGM_DEC_OVERFLOW : 0;
    }
    sh = 64 - sh; /* right shift of 1..32 digits */
    m = v.mag / s390_dec_pow10(sh - 1);
    m = m / 10 + (m % 10 + in->i3 >= 10);
    return store_result(cpu, a1, len, m, v.neg);
}

S390_OP(op_mp)
{
    unsigned len1 = in->l1 + 1, len2 = in->l2 + 1;
    S390Dec v1, v2;
    uint8_t buf[S390_DEC_MAX_LEN];
    int r;

    if (in->l2 > 7 || in->l2 >= in->l1) {
        return PGM_SPECIFICATION;
    }
    if ((r = fetch_two(cpu, in, &v1, &v2, true))) {
        return r;
    }
    /* the multiplicand needs as many bytes of leftmost zeros as the multiplier has bytes */
    if (v1.mag >= s390_dec_pow10(2 * (len1 - len2) - 1)) {
        return data_exception(cpu);
    }
    /* the sign follows algebra even for a zero product */
    s390_dec_format(buf, len1, v1.mag * v2.mag, v1.neg != v2.neg);
    return wr(cpu, op1_addr(cpu, in), buf, len1);
}

S390_OP(op_dp)
{
    unsigned len1 = in->l1 + 1, len2 = in->l2 + 1, qlen = len1 - len2;
    S390Dec v1, v2;
    uint8_t buf[S390_DEC_MAX_LEN];
    int r;

    if (in->l2 > 7 || in->l2 >= in->l1) {
        return PGM_SPECIFICATION;
    }
    if ((r = fetch_two(cpu, in, &v1, &v2, true))) {
        return r;
    }
    /* a zero divisor or a quotient too long for its field */
    if (v2.mag == 0 || v1.mag / v2.mag >= s390_dec_pow10(2 * qlen - 1)) {
        return PGM_DEC_DIVIDE;
    }
    /* quotient sign by algebra, remainder sign the dividend's; even zero */
    s390_dec_format(buf, qlen, v1.mag / v2.mag, v1.neg != v2.neg);
    s390_dec_format(buf + qlen, len2, v1.mag % v2.mag, v1.neg);
    return wr(cpu, op1_addr(cpu, in), buf, len1);
}

/* ---- editing ---- */

#define ED_DIGIT_SELECT 0x20
#define ED_SIG_START    0x21
#define ED_FIELD_SEP    0x22

/*
 * ED and EDMK: the pattern in operand 1 is replaced left to right, the
 * source digits of operand 2 taken as the digit selectors and
 * significance starters ask for them. The result is built first and
 * stored as a whole: a data exception (a digit of 0xa-0xf) stores
 * nothing. EDMK puts the address of the first significant result digit
 * (one stored while the significance indicator was off) in GR1: bits
 * 40-63 in the 24-bit mode, 32-63 (bit 32 zero) in the 31-bit mode, all
 * of it in the 64-bit mode; the other bits are kept.
 */
static int edit(S390Cpu *cpu, const S390Insn *in, bool mark)
{
    unsigned len = in->l1 + 1;
    uint64_t a1 = op1_addr(cpu, in), a2 = op2_addr(cpu, in);
    uint8_t pat[256], fill;
    bool sig = false, nonzero = false, right = false, have_mark = false;
    uint8_t src = 0;
    uint64_t mark_addr = 0;
    int r;

    if ((r = rd(cpu, a1, pat, len)) ||
        (r = check(cpu, a1, len, S390_ACC_STORE))) {
        return r;
    }
    fill = pat[0];
    for (unsigned i = 0; i < len; i++) {
        uint8_t c = pat[i];

        if (c == ED_DIGIT_SELECT || c == ED_SIG_START) {
            uint8_t d;
            bool plus_after = false;

            if (!right) {
                if ((r = s390_ld8(cpu, a2, &src))) {
                    return r;
                }
                a2 = (a2 + 1) & cpu->amask;
                d = src >> 4;
                if (d > 9) {
                    return data_exception(cpu);
                }
                if (s390_dec_is_sign(src & 0xf)) {
                    plus_after = !s390_dec_sign_minus(src & 0xf);
                } else {
                    right = true;
                }
            } else {
                d = src & 0xf;
                right = false;
            }
            if (d) {
                if (!sig && mark) {
                    mark_addr = (a1 + i) & cpu->amask;
                    have_mark = true;
                }
                pat[i] = 0xf0 | d;
                sig = true;
                nonzero = true;
            } else {
                pat[i] = sig ? 0xf0 : fill;
                if (c == ED_SIG_START) {
                    sig = true;
                }
            }
            if (plus_after) {
                sig = false;
            }
        } else if (c == ED_FIELD_SEP) {
            pat[i] = fill;
            sig = false;
            nonzero = false;
        } else {
            if (!sig) {
                pat[i] = fill;
            }
        }
    }
    if ((r = wr(cpu, a1, pat, len))) {
        return r;
    }
    if (have_mark) {
        /* 24-bit mode: bits 40-63, 32-39 kept; else as an address */
        if (cpu->amask == 0xffffff) {
            set_gr(cpu, 1, (gr(cpu, 1) & ~cpu->amask) | mark_addr);
        } else {
            set_address(cpu, 1, mark_addr);
        }
    }
    cpu->cc = !nonzero ? 0 : sig ? 1 : 2;
    return 0;
}

S390_OP(op_ed)
{
    return edit(cpu, in, false);
}
S390_OP(op_edmk)
{
    return edit(cpu, in, true);
}

static const S390InsnDef decimal_defs[] = {
    { 0x4e00, FMT_RX_A, 0, "CVD", op_cvd },
    { 0x4f00, FMT_RX_A, 0, "CVB", op_cvb },
    { 0xe306, FMT_RXY_A, 0, "CVBY", op_cvb },
    { 0xe30e, FMT_RXY_A, 0, "CVBG", op_cvbg },
    { 0xe326, FMT_RXY_A, 0, "CVDY", op_cvd },
    { 0xe32e, FMT_RXY_A, 0, "CVDG", op_cvdg },
    { 0xd100, FMT_SS_A, 0, "MVN", op_mvn },
    { 0xd300, FMT_SS_A, 0, "MVZ", op_mvz },
    { 0xde00, FMT_SS_A, 0, "ED", op_ed },
    { 0xdf00, FMT_SS_A, 0, "EDMK", op_edmk },
    { 0xe100, FMT_SS_F, 0, "PKU", op_pku },
    { 0xe200, FMT_SS_A, 0, "UNPKU", op_unpku },
    { 0xe900, FMT_SS_F, 0, "PKA", op_pka },
    { 0xea00, FMT_SS_A, 0, "UNPKA", op_unpka },
    { 0xebc0, FMT_RSL_A, 0, "TP", op_tp },
    { 0xf000, FMT_SS_C, 0, "SRP", op_srp },
    { 0xf100, FMT_SS_B, 0, "MVO", op_mvo },
    { 0xf200, FMT_SS_B, 0, "PACK", op_pack },
    { 0xf300, FMT_SS_B, 0, "UNPK", op_unpk },
    { 0xf800, FMT_SS_B, 0, "ZAP", op_zap },
    { 0xf900, FMT_SS_B, 0, "CP", op_cp },
    { 0xfa00, FMT_SS_B, 0, "AP", op_ap },
    { 0xfb00, FMT_SS_B, 0, "SP", op_sp },
    { 0xfc00, FMT_SS_B, 0, "MP", op_mp },
    { 0xfd00, FMT_SS_B, 0, "DP", op_dp },
};
S390_GROUP(s390_group_decimal, decimal_defs);
