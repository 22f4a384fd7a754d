/*
 * Moves between floating-point registers, general registers and storage
 * that compiled code uses for spills (no floating-point arithmetic):
 * LDGR, LGDR, LDR, LER, LXR, LZDR, LZER, LZXR, LD, LDY, LE, LEY, STD,
 * STDY, STE, STEY, and the sign copies LPDFR, LNDFR, LCDFR and CPSDR
 * (the other 63 bits moved as they are, no condition code). A short
 * (32-bit) value lives in bits 0-31 of the register, the rest unchanged.
 * Without the AFP-register control (CR0 bit 45) only
 * floating-point registers 0, 2, 4 and 6 exist: naming another is a data
 * exception with data-exception code 1, stored in the lowcore only (the
 * FPC's DXC field is set only while the AFP-register control is one).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

#define CR0_AFP PSW_BIT(45)
#define DXC_AFP 0x01

/* 0, or the data exception for floating-point register @r */
static int afp_check(S390Cpu *cpu, unsigned r)
{
    if (!(cpu->env.cregs[0] & CR0_AFP) && (r & 9)) {
        cpu->dxc = DXC_AFP;
        return PGM_DATA;
    }
    return 0;
}

static int afp_check2(S390Cpu *cpu, unsigned r1, unsigned r2)
{
    int r = afp_check(cpu, r1);

    return r ? r : afp_check(cpu, r2);
}

static void set_short(S390Cpu *cpu, unsigned r, uint32_t v)
{
    cpu->fprs[r] = (cpu->fprs[r] & 0xffffffffull) | ((uint64_t)v << 32);
}

S390_OP(op_ldgr)
{
    int r = afp_check(cpu, in->r1);

    if (!r) {
        cpu->fprs[in->r1] = gr(cpu, in->r2);
    }
    return r;
}

S390_OP(op_lgdr)
{
    int r = afp_check(cpu, in->r2);

    if (!r) {
        set_gr(cpu, in->r1, cpu->fprs[in->r2]);
    }
    return r;
}

S390_OP(op_ldr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        cpu->fprs[in->r1] = cpu->fprs[in->r2];
    }
    return r;
}

S390_OP(op_ler)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        set_short(cpu, in->r1, cpu->fprs[in->r2] >> 32);
    }
    return r;
}

S390_OP(op_lzdr)
{
    int r = afp_check(cpu, in->r1);

    if (!r) {
        cpu->fprs[in->r1] = 0;
    }
    return r;
}

S390_OP(op_lzer)
{
    int r = afp_check(cpu, in->r1);

    if (!r) {
        set_short(cpu, in->r1, 0);
    }
    return r;
}

/*
 * LXR, LZXR: extended operands in register pairs (r, r + 2); a register
 * number that names no pair (bit of value 2 one) is a specification
 * exception, after the AFP check of the registers named
 */
static bool fpr_pair(unsigned r)
{
    return !(r & 2);
}

S390_OP(op_lxr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (r) {
        return r;
    }
    if (!fpr_pair(in->r1) || !fpr_pair(in->r2)) {
        return PGM_SPECIFICATION;
    }
    cpu->fprs[in->r1] = cpu->fprs[in->r2];
    cpu->fprs[in->r1 + 2] = cpu->fprs[in->r2 + 2];
    return 0;
}

S390_OP(op_lzxr)
{
    int r = afp_check(cpu, in->r1);

    if (r) {
        return r;
    }
    if (!fpr_pair(in->r1)) {
        return PGM_SPECIFICATION;
    }
    cpu->fprs[in->r1] = 0;
    cpu->fprs[in->r1 + 2] = 0;
    return 0;
}

S390_OP(op_ld)
{
    uint64_t v;
    int r = afp_check(cpu, in->r1);

    if (!r && !(r = s390_ld64(cpu, ea2(cpu, in), &v))) {
        cpu->fprs[in->r1] = v;
    }
    return r;
}

S390_OP(op_le)
{
    uint32_t v;
    int r = afp_check(cpu, in->r1);

    if (!r && !(r = s390_ld32(cpu, ea2(cpu, in), &v))) {
        set_short(cpu, in->r1, v);
    }
    return r;
}

S390_OP(op_std)
{
    int r = afp_check(cpu, in->r1);

    return r ? r : s390_st64(cpu, ea2(cpu, in), cpu->fprs[in->r1]);
}

S390_OP(op_ste)
{
    int r = afp_check(cpu, in->r1);

    return r ? r : s390_st32(cpu, ea2(cpu, in), cpu->fprs[in->r1] >> 32);
}

#define FPR_SIGN (UINT64_C(1) << 63)

S390_OP(op_lpdfr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        cpu->fprs[in->r1] = cpu->fprs[in->r2] & ~FPR_SIGN;
    }
    return r;
}

S390_OP(op_lndfr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        cpu->fprs[in->r1] = cpu->fprs[in->r2] | FPR_SIGN;
    }
    return r;
}

S390_OP(op_lcdfr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        cpu->fprs[in->r1] = cpu->fprs[in->r2] ^ FPR_SIGN;
    }
    return r;
}

/* CPSDR R1,R3,R2: the sign of R3, the rest of R2 */
S390_OP(op_cpsdr)
{
    int r = afp_check2(cpu, in->r1, in->r2);

    if (!r) {
        r = afp_check(cpu, in->r3);
    }
    if (!r) {
        cpu->fprs[in->r1] = (cpu->fprs[in->r2] & ~FPR_SIGN) |
                            (cpu->fprs[in->r3] & FPR_SIGN);
    }
    return r;
}

static const S390InsnDef fpr_defs[] = {
    { 0x2800, FMT_RR, 0, "LDR", op_ldr },
    { 0x3800, FMT_RR, 0, "LER", op_ler },
    { 0x6000, FMT_RX_A, 0, "STD", op_std },
    { 0x6800, FMT_RX_A, 0, "LD", op_ld },
    { 0x7000, FMT_RX_A, 0, "STE", op_ste },
    { 0x7800, FMT_RX_A, 0, "LE", op_le },
    { 0xb370, FMT_RRE, 0, "LPDFR", op_lpdfr },
    { 0xb371, FMT_RRE, 0, "LNDFR", op_lndfr },
    { 0xb372, FMT_RRF_B, 0, "CPSDR", op_cpsdr },
    { 0xb365, FMT_RRE, 0, "LXR", op_lxr },
    { 0xb373, FMT_RRE, 0, "LCDFR", op_lcdfr },
    { 0xb374, FMT_RRE, 0, "LZER", op_lzer },
    { 0xb375, FMT_RRE, 0, "LZDR", op_lzdr },
    { 0xb376, FMT_RRE, 0, "LZXR", op_lzxr },
    { 0xb3c1, FMT_RRE, 0, "LDGR", op_ldgr },
    { 0xb3cd, FMT_RRE, 0, "LGDR", op_lgdr },
    { 0xed64, FMT_RXY_A, 0, "LEY", op_le },
    { 0xed65, FMT_RXY_A, 0, "LDY", op_ld },
    { 0xed66, FMT_RXY_A, 0, "STEY", op_ste },
    { 0xed67, FMT_RXY_A, 0, "STDY", op_std },
};
S390_GROUP(s390_group_fpr, fpr_defs);
