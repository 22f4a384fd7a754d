/*
 * Operand fields of every instruction format. The instruction is held
 * left-aligned in 64 bits, so a field at PoP bit position @pos of width
 * @w is (w64 >> (64 - pos - w)).
 */
#include "qemu/osdep.h"
#include "target/s390x/insn.h"
#include "target/s390x/mem.h"

static inline uint32_t fld(uint64_t w, unsigned pos, unsigned width)
{
    return (uint32_t)((w >> (64 - pos - width)) & ((UINT64_C(1) << width) - 1));
}

static inline int32_t sfld(uint64_t w, unsigned pos, unsigned width)
{
    int64_t v = fld(w, pos, width);
    int64_t sign = INT64_C(1) << (width - 1);

    return (int32_t)((v ^ sign) - sign);
}

/* 20-bit displacement: DL at 20-31, DH (signed) at 32-39 */
static inline int32_t dlong(uint64_t w)
{
    return sfld(w, 32, 8) * 4096 + (int32_t)fld(w, 20, 12);
}

static int64_t imm(uint64_t w, unsigned pos, unsigned width, bool is_signed)
{
    return is_signed ? sfld(w, pos, width) : (int64_t)fld(w, pos, width);
}

/* B2/D2 at 16-19/20-31, the base-displacement pair of most formats */
static void bd2(uint64_t w, S390Insn *o)
{
    o->b2 = fld(w, 16, 4);
    o->d2 = fld(w, 20, 12);
}

static void bd1(uint64_t w, S390Insn *o)
{
    o->b1 = fld(w, 16, 4);
    o->d1 = fld(w, 20, 12);
}

/* the second operand of the SS formats: B2 32-35, D2 36-47 */
static void bd2_ss(uint64_t w, S390Insn *o)
{
    o->b2 = fld(w, 32, 4);
    o->d2 = fld(w, 36, 12);
}

static void decode_ri_ril_rie(uint64_t w, bool sg, S390Fmt f, S390Insn *o)
{
    switch (f) {
    case FMT_RI_A:
    case FMT_RI_B:
    case FMT_RI_C:
        o->r1 = o->m1 = fld(w, 8, 4);
        o->i2 = imm(w, 16, 16, sg || f != FMT_RI_A);
        break;
    case FMT_RIL_A:
    case FMT_RIL_B:
    case FMT_RIL_C:
        o->r1 = o->m1 = fld(w, 8, 4);
        o->i2 = imm(w, 16, 32, sg || f != FMT_RIL_A);
        break;
    case FMT_RIE_A:
        o->r1 = fld(w, 8, 4);
        o->i2 = imm(w, 16, 16, sg);
        o->m3 = fld(w, 32, 4);
        break;
    case FMT_RIE_B:
        o->r1 = fld(w, 8, 4);
        o->r2 = fld(w, 12, 4);
        o->i4 = sfld(w, 16, 16);
        o->m3 = fld(w, 32, 4);
        break;
    case FMT_RIE_C:
        o->r1 = fld(w, 8, 4);
        o->m3 = fld(w, 12, 4);
        o->i4 = sfld(w, 16, 16);
        o->i2 = imm(w, 32, 8, sg);
        break;
    case FMT_RIE_D:
    case FMT_RIE_E:
        o->r1 = fld(w, 8, 4);
        o->r3 = fld(w, 12, 4);
        o->i2 = imm(w, 16, 16, sg || f == FMT_RIE_E);
        break;
    case FMT_RIE_F:
        o->r1 = fld(w, 8, 4);
        o->r2 = fld(w, 12, 4);
        o->i3 = fld(w, 16, 8);
        o->i4 = fld(w, 24, 8);
        o->i5 = fld(w, 32, 8);
        break;
    case FMT_RIE_G:
        o->r1 = fld(w, 8, 4);
        o->m3 = fld(w, 12, 4);
        o->i2 = imm(w, 16, 16, sg);
        break;
    default:
        g_assert_not_reached();
    }
}

static void decode_rr_rrf(uint64_t w, S390Fmt f, S390Insn *o)
{
    switch (f) {
    case FMT_RR:
        o->r1 = o->m1 = fld(w, 8, 4);
        o->r2 = fld(w, 12, 4);
        break;
    case FMT_RRD:
        o->r1 = fld(w, 16, 4);
        o->r3 = fld(w, 24, 4);
        o->r2 = fld(w, 28, 4);
        break;
    case FMT_RRE:
        o->r1 = fld(w, 24, 4);
        o->r2 = fld(w, 28, 4);
        break;
    default: /* RRF-a..e: bits 16-19 R3 or M3, 20-23 M4, R1, R2 */
        o->r3 = o->m3 = fld(w, 16, 4);
        o->m4 = fld(w, 20, 4);
        o->r1 = fld(w, 24, 4);
        o->r2 = fld(w, 28, 4);
        break;
    }
}

static void decode_rs_rx(uint64_t w, S390Fmt f, S390Insn *o)
{
    o->r1 = o->m1 = fld(w, 8, 4);
    switch (f) {
    case FMT_RS_A:
    case FMT_RS_B:
        o->r3 = o->m3 = fld(w, 12, 4);
        bd2(w, o);
        break;
    case FMT_RSY_A:
    case FMT_RSY_B:
        o->r3 = o->m3 = fld(w, 12, 4);
        o->b2 = fld(w, 16, 4);
        o->d2 = dlong(w);
        break;
    case FMT_RSI:
        o->r3 = fld(w, 12, 4);
        o->i2 = sfld(w, 16, 16);
        break;
    case FMT_RX_A:
    case FMT_RX_B:
        o->x2 = fld(w, 12, 4);
        bd2(w, o);
        break;
    case FMT_RXY_A:
    case FMT_RXY_B:
        o->x2 = fld(w, 12, 4);
        o->b2 = fld(w, 16, 4);
        o->d2 = dlong(w);
        break;
    case FMT_RXE:
        o->x2 = fld(w, 12, 4);
        bd2(w, o);
        o->m3 = fld(w, 32, 4);
        break;
    case FMT_RXF:
        o->r3 = fld(w, 8, 4);
        o->x2 = fld(w, 12, 4);
        bd2(w, o);
        o->r1 = fld(w, 32, 4);
        break;
    case FMT_RSL_A:
        o->l1 = fld(w, 8, 4);
        bd1(w, o);
        break;
    case FMT_RSL_B:
        o->l2 = fld(w, 8, 8);
        bd2(w, o);
        o->r1 = fld(w, 32, 4);
        o->m3 = fld(w, 36, 4);
        break;
    default:
        g_assert_not_reached();
    }
}

static void decode_s_ss(uint64_t w, bool sg, S390Fmt f, S390Insn *o)
{
    switch (f) {
    case FMT_S:
        bd2(w, o);
        break;
    case FMT_SI:
        o->i2 = imm(w, 8, 8, sg);
        bd1(w, o);
        break;
    case FMT_SIY:
        o->i2 = imm(w, 8, 8, sg);
        o->b1 = fld(w, 16, 4);
        o->d1 = dlong(w);
        break;
    case FMT_SIL:
        bd1(w, o);
        o->i2 = imm(w, 32, 16, sg);
        break;
    case FMT_SMI:
        o->m1 = fld(w, 8, 4);
        o->b4 = fld(w, 16, 4);
        o->d4 = fld(w, 20, 12);
        o->i2 = sfld(w, 32, 16);
        break;
    case FMT_SS_A:
    case FMT_SS_F:
        o->l1 = o->l2 = fld(w, 8, 8);
        bd1(w, o);
        bd2_ss(w, o);
        break;
    case FMT_SS_B:
    case FMT_SS_C:
    case FMT_SS_D:
        o->l1 = o->r1 = fld(w, 8, 4);
        o->l2 = o->r3 = o->i3 = fld(w, 12, 4);
        bd1(w, o);
        bd2_ss(w, o);
        break;
    case FMT_SS_E:
        o->r1 = fld(w, 8, 4);
        o->r3 = fld(w, 12, 4);
        bd2(w, o);
        o->b4 = fld(w, 32, 4);
        o->d4 = fld(w, 36, 12);
        break;
    case FMT_SSE:
        bd1(w, o);
        bd2_ss(w, o);
        break;
    case FMT_SSF:
        o->r3 = fld(w, 8, 4);
        bd1(w, o);
        bd2_ss(w, o);
        break;
    default:
        g_assert_not_reached();
    }
}

static void decode_fields(uint64_t w, const S390InsnDef *d, S390Insn *o)
{
    bool sg = d->flags & S390_I2_SIGNED;
    S390Fmt f = d->fmt;

    switch (f) {
    case FMT_E:
        break;
    case FMT_I:
        o->i2 = fld(w, 8, 8);
        break;
    case FMT_IE:
        o->i3 = fld(w, 24, 4); /* I1 */
        o->i5 = fld(w, 28, 4); /* I2 */
        break;
    case FMT_MII:
        o->m1 = fld(w, 8, 4);
        o->i2 = sfld(w, 12, 12);
        o->i4 = sfld(w, 24, 24);
        break;
    case FMT_RI_A ... FMT_RIL_C:
        decode_ri_ril_rie(w, sg, f, o);
        break;
    case FMT_RIS:
        o->r1 = fld(w, 8, 4);
        o->m3 = fld(w, 12, 4);
        o->b4 = fld(w, 16, 4);
        o->d4 = fld(w, 20, 12);
        o->i2 = imm(w, 32, 8, sg);
        break;
    case FMT_RRS:
        o->r1 = fld(w, 8, 4);
        o->r2 = fld(w, 12, 4);
        o->b4 = fld(w, 16, 4);
        o->d4 = fld(w, 20, 12);
        o->m3 = fld(w, 32, 4);
        break;
    case FMT_RR ... FMT_RRF_E:
        decode_rr_rrf(w, f, o);
        break;
    case FMT_RS_A ... FMT_RXY_B:
        decode_rs_rx(w, f, o);
        break;
    default:
        decode_s_ss(w, sg, f, o);
        break;
    }
}

bool s390_insn_decode(const uint8_t *bytes, uint64_t addr, S390Insn *out)
{
    unsigned len = s390_insn_len(bytes[0]);
    const S390InsnDef *d;
    uint64_t w = 0;
    unsigned i;

    memset(out, 0, sizeof(*out));
    out->addr = addr;
    out->ilen = len;
    for (i = 0; i < len; i++) {
        w |= (uint64_t)bytes[i] << (56 - 8 * i);
    }
    d = s390_insn_lookup(bytes);
    if (!d) {
        return false;
    }
    out->def = d;
    out->fn = d->fn;
    decode_fields(w, d, out);
    return true;
}

int s390_insn_fetch_decode(S390Cpu *cpu, uint64_t addr, uint8_t *bytes,
                           S390Insn *out)
{
    int r;

    memset(out, 0, sizeof(*out));
    out->addr = addr;
    if (addr & 1) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_read_slow(cpu, addr, bytes, 2, S390_ACC_IFETCH);
    if (!r && s390_insn_len(bytes[0]) > 2) {
        r = s390_mem_read_slow(cpu, (addr + 2) & cpu->amask, bytes + 2,
                               s390_insn_len(bytes[0]) - 2, S390_ACC_IFETCH);
    }
    if (r) {
        return r;
    }
    if (!s390_insn_decode(bytes, addr, out)) {
        return PGM_OPERATION;
    }
    return 0;
}
