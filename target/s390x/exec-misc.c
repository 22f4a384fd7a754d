/*
 * Characters under mask (ICM, ICMH, ICMY, STCM, STCMH, STCMY, CLM, CLMH,
 * CLMY), load/store on condition (LOC, LOCG, LOCR, LOCGR, STOC, STOCG)
 * and the byte-reversed loads and stores.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* the word under the mask: bits 0-31 for the ...H forms, else 32-63 */
static unsigned mask_shift(const S390Insn *in)
{
    return in->def->name[strlen(in->def->name) - 1] == 'H' ? 32 : 0;
}

S390_OP(op_icm)
{
    unsigned sh = mask_shift(in), n = __builtin_popcount(in->m3), i, k = 0;
    uint32_t w = gr(cpu, in->r1) >> sh;
    uint8_t b[4];
    int r = s390_mem_read(cpu, ea2(cpu, in), b, n);
    bool first = true;

    if (r) {
        return r;
    }
    cpu->cc = 0;
    for (i = 0; i < 4; i++) {
        if (!(in->m3 & (8 >> i))) {
            continue;
        }
        w = (w & ~(0xffu << (24 - 8 * i))) | ((uint32_t)b[k] << (24 - 8 * i));
        if (first && b[k]) {
            cpu->cc = (b[k] & 0x80) ? 1 : 2;
        } else if (cpu->cc == 0 && b[k]) {
            cpu->cc = 2;
        }
        first = false;
        k++;
    }
    set_gr(cpu, in->r1,
           (gr(cpu, in->r1) & ~(UINT64_C(0xffffffff) << sh)) |
               ((uint64_t)w << sh));
    return 0;
}

/* the bytes of R1's word that M3 selects, left to right */
static unsigned mask_bytes(S390Cpu *cpu, const S390Insn *in, uint8_t *b)
{
    uint32_t w = gr(cpu, in->r1) >> mask_shift(in);
    unsigned i, n = 0;

    for (i = 0; i < 4; i++) {
        if (in->m3 & (8 >> i)) {
            b[n++] = w >> (24 - 8 * i);
        }
    }
    return n;
}

S390_OP(op_stcm)
{
    uint8_t b[4];
    unsigned n = mask_bytes(cpu, in, b);

    return n ? s390_mem_write(cpu, ea2(cpu, in), b, n) : 0;
}

S390_OP(op_clm)
{
    uint8_t b[4], m[4];
    unsigned n = mask_bytes(cpu, in, b), i;
    int r = s390_mem_read(cpu, ea2(cpu, in), m, n);

    if (r) {
        return r;
    }
    cpu->cc = 0;
    for (i = 0; i < n; i++) {
        if (b[i] != m[i]) {
            cpu->cc = b[i] < m[i] ? 1 : 2;
            break;
        }
    }
    return 0;
}

/* ---- on condition: M3; nothing is accessed when it does not match ---- */

S390_OP(op_locr)
{
    if (cc_match(cpu, in->m3)) {
        set_gr32(cpu, in->r1, gr32(cpu, in->r2));
    }
    return 0;
}

S390_OP(op_locgr)
{
    if (cc_match(cpu, in->m3)) {
        set_gr(cpu, in->r1, gr(cpu, in->r2));
    }
    return 0;
}

S390_OP(op_loc)
{
    uint32_t v;
    int r = 0;

    if (cc_match(cpu, in->m3) && !(r = s390_ld32(cpu, ea2(cpu, in), &v))) {
        set_gr32(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_locg)
{
    uint64_t v;
    int r = 0;

    if (cc_match(cpu, in->m3) && !(r = s390_ld64(cpu, ea2(cpu, in), &v))) {
        set_gr(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_stoc)
{
    if (!cc_match(cpu, in->m3)) {
        return 0;
    }
    return s390_st32(cpu, ea2(cpu, in), gr32(cpu, in->r1));
}

S390_OP(op_stocg)
{
    if (!cc_match(cpu, in->m3)) {
        return 0;
    }
    return s390_st64(cpu, ea2(cpu, in), gr(cpu, in->r1));
}

/* ---- byte reversed ---- */

S390_OP(op_lrvr)
{
    set_gr32(cpu, in->r1, __builtin_bswap32(gr32(cpu, in->r2)));
    return 0;
}

S390_OP(op_lrvgr)
{
    set_gr(cpu, in->r1, __builtin_bswap64(gr(cpu, in->r2)));
    return 0;
}

S390_OP(op_lrv)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr32(cpu, in->r1, __builtin_bswap32(v));
    }
    return r;
}

S390_OP(op_lrvg)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1, __builtin_bswap64(v));
    }
    return r;
}

S390_OP(op_lrvh)
{
    uint16_t v;
    int r = s390_ld16(cpu, ea2(cpu, in), &v);

    if (!r) {
        set_gr(cpu, in->r1,
               (gr(cpu, in->r1) & ~0xffffull) | __builtin_bswap16(v));
    }
    return r;
}

S390_OP(op_strv)
{
    return s390_st32(cpu, ea2(cpu, in), __builtin_bswap32(gr32(cpu, in->r1)));
}

S390_OP(op_strvg)
{
    return s390_st64(cpu, ea2(cpu, in), __builtin_bswap64(gr(cpu, in->r1)));
}

S390_OP(op_strvh)
{
    return s390_st16(cpu, ea2(cpu, in),
                     __builtin_bswap16((uint16_t)gr(cpu, in->r1)));
}

static const S390InsnDef misc_defs[] = {
    { 0xbd00, FMT_RS_B, 0, "CLM", op_clm },
    { 0xbe00, FMT_RS_B, 0, "STCM", op_stcm },
    { 0xbf00, FMT_RS_B, 0, "ICM", op_icm },
    { 0xb90f, FMT_RRE, 0, "LRVGR", op_lrvgr },
    { 0xb91f, FMT_RRE, 0, "LRVR", op_lrvr },
    { 0xb9e2, FMT_RRF_C, 0, "LOCGR", op_locgr },
    { 0xb9f2, FMT_RRF_C, 0, "LOCR", op_locr },
    { 0xe30f, FMT_RXY_A, 0, "LRVG", op_lrvg },
    { 0xe31e, FMT_RXY_A, 0, "LRV", op_lrv },
    { 0xe31f, FMT_RXY_A, 0, "LRVH", op_lrvh },
    { 0xe32f, FMT_RXY_A, 0, "STRVG", op_strvg },
    { 0xe33e, FMT_RXY_A, 0, "STRV", op_strv },
    { 0xe33f, FMT_RXY_A, 0, "STRVH", op_strvh },
    { 0xeb20, FMT_RSY_B, 0, "CLMH", op_clm },
    { 0xeb21, FMT_RSY_B, 0, "CLMY", op_clm },
    { 0xeb2c, FMT_RSY_B, 0, "STCMH", op_stcm },
    { 0xeb2d, FMT_RSY_B, 0, "STCMY", op_stcm },
    { 0xeb80, FMT_RSY_B, 0, "ICMH", op_icm },
    { 0xeb81, FMT_RSY_B, 0, "ICMY", op_icm },
    { 0xebe2, FMT_RSY_B, 0, "LOCG", op_locg },
    { 0xebe3, FMT_RSY_B, 0, "STOCG", op_stocg },
    { 0xebf2, FMT_RSY_B, 0, "LOC", op_loc },
    { 0xebf3, FMT_RSY_B, 0, "STOC", op_stoc },
};
S390_GROUP(s390_group_misc, misc_defs);
