/*
 * Compare: signed and logical, register, storage, immediate, storage
 * with immediate (SIL), relative long; compare and branch (relative:
 * CRJ..., to B4+D4: CRB...) and compare and trap (CRT..., CIT..., and
 * the storage forms CLT, CLGT), which leave the cc alone, and load and
 * trap (LAT, LGAT, LFHAT, LLGFAT, LLGTAT).
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-bfp-util.h"

/* 0 equal, 1 low, 2 high */
static unsigned cmp_s(int64_t a, int64_t b)
{
    return a == b ? 0 : a < b ? 1 : 2;
}

static unsigned cmp_u(uint64_t a, uint64_t b)
{
    return a == b ? 0 : a < b ? 1 : 2;
}

/* ---- register / immediate ---- */

S390_OP(op_cr)
{
    cpu->cc = cmp_s((int32_t)gr32(cpu, in->r1), (int32_t)gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_cgr)
{
    cpu->cc = cmp_s(gr(cpu, in->r1), gr(cpu, in->r2));
    return 0;
}
S390_OP(op_cgfr)
{
    cpu->cc = cmp_s(gr(cpu, in->r1), (int32_t)gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_clr)
{
    cpu->cc = cmp_u(gr32(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_clgr)
{
    cpu->cc = cmp_u(gr(cpu, in->r1), gr(cpu, in->r2));
    return 0;
}
S390_OP(op_clgfr)
{
    cpu->cc = cmp_u(gr(cpu, in->r1), gr32(cpu, in->r2));
    return 0;
}
S390_OP(op_chi)
{
    cpu->cc = cmp_s((int32_t)gr32(cpu, in->r1), in->i2);
    return 0;
}
S390_OP(op_cghi)
{
    cpu->cc = cmp_s(gr(cpu, in->r1), in->i2);
    return 0;
}
S390_OP(op_clfi)
{
    cpu->cc = cmp_u(gr32(cpu, in->r1), (uint32_t)in->i2);
    return 0;
}
S390_OP(op_clgfi)
{
    cpu->cc = cmp_u(gr(cpu, in->r1), (uint32_t)in->i2);
    return 0;
}

/* ---- storage: the operand at ea2 of @size bytes, sign-extended or not ---- */

static int load_op2(S390Cpu *cpu, uint64_t a, unsigned size, bool sext,
                    uint64_t *v)
{
    uint8_t b8;
    uint16_t b16;
    uint32_t b32;
    int r;

    switch (size) {
    case 1:
        r = s390_ld8(cpu, a, &b8);
        *v = b8;
        return r;
    case 2:
        r = s390_ld16(cpu, a, &b16);
        *v = sext ? (uint64_t)(int16_t)b16 : b16;
        return r;
    case 4:
        r = s390_ld32(cpu, a, &b32);
        *v = sext ? (uint64_t)(int32_t)b32 : b32;
        return r;
    default:
        return s390_ld64(cpu, a, v);
    }
}

static int cmp_mem(S390Cpu *cpu, uint64_t a, unsigned size, bool is_signed,
                   bool op1_64, unsigned r1)
{
    uint64_t v;
    int r = load_op2(cpu, a, size, is_signed, &v);

    if (r) {
        return r;
    }
    if (is_signed) {
        cpu->cc = cmp_s(op1_64 ? (int64_t)gr(cpu, r1) : (int32_t)gr32(cpu, r1),
                        (int64_t)v);
    } else {
        cpu->cc = cmp_u(op1_64 ? gr(cpu, r1) : gr32(cpu, r1), v);
    }
    return 0;
}

S390_OP(op_c)
{
    return cmp_mem(cpu, ea2(cpu, in), 4, true, false, in->r1);
}
S390_OP(op_ch)
{
    return cmp_mem(cpu, ea2(cpu, in), 2, true, false, in->r1);
}
S390_OP(op_cg)
{
    return cmp_mem(cpu, ea2(cpu, in), 8, true, true, in->r1);
}
S390_OP(op_cgf)
{
    return cmp_mem(cpu, ea2(cpu, in), 4, true, true, in->r1);
}
S390_OP(op_cgh)
{
    return cmp_mem(cpu, ea2(cpu, in), 2, true, true, in->r1);
}
S390_OP(op_cl)
{
    return cmp_mem(cpu, ea2(cpu, in), 4, false, false, in->r1);
}
S390_OP(op_clg)
{
    return cmp_mem(cpu, ea2(cpu, in), 8, false, true, in->r1);
}
S390_OP(op_clgf)
{
    return cmp_mem(cpu, ea2(cpu, in), 4, false, true, in->r1);
}

/* relative long: the operand must be aligned on its size */
static int cmp_rel(S390Cpu *cpu, const S390Insn *in, unsigned size,
                   bool is_signed, bool op1_64)
{
    uint64_t a = ea_rel(cpu, in, in->i2);

    if (size > 2 && (a & (size - 1))) {
        return PGM_SPECIFICATION;
    }
    return cmp_mem(cpu, a, size, is_signed, op1_64, in->r1);
}

S390_OP(op_crl)
{
    return cmp_rel(cpu, in, 4, true, false);
}
S390_OP(op_cgrl)
{
    return cmp_rel(cpu, in, 8, true, true);
}
S390_OP(op_cgfrl)
{
    return cmp_rel(cpu, in, 4, true, true);
}
S390_OP(op_chrl)
{
    return cmp_rel(cpu, in, 2, true, false);
}
S390_OP(op_cghrl)
{
    return cmp_rel(cpu, in, 2, true, true);
}
S390_OP(op_clrl)
{
    return cmp_rel(cpu, in, 4, false, false);
}
S390_OP(op_clgrl)
{
    return cmp_rel(cpu, in, 8, false, true);
}
S390_OP(op_clgfrl)
{
    return cmp_rel(cpu, in, 4, false, true);
}
S390_OP(op_clhrl)
{
    return cmp_rel(cpu, in, 2, false, false);
}
S390_OP(op_clghrl)
{
    return cmp_rel(cpu, in, 2, false, true);
}

/* ---- storage with immediate: CLI (SI/SIY), the SIL forms ---- */

S390_OP(op_cli)
{
    uint8_t v;
    int r = s390_ld8(cpu, ea_bd(cpu, in->b1, in->d1), &v);

    if (!r) {
        cpu->cc = cmp_u(v, (uint8_t)in->i2);
    }
    return r;
}

static int cmp_sil(S390Cpu *cpu, const S390Insn *in, unsigned size,
                   bool is_signed)
{
    uint64_t v;
    int r = load_op2(cpu, ea_bd(cpu, in->b1, in->d1), size, is_signed, &v);

    if (r) {
        return r;
    }
    cpu->cc = is_signed ? cmp_s((int64_t)v, in->i2)
                        : cmp_u(v, (uint16_t)in->i2);
    return 0;
}

S390_OP(op_chhsi)
{
    return cmp_sil(cpu, in, 2, true);
}
S390_OP(op_chsi)
{
    return cmp_sil(cpu, in, 4, true);
}
S390_OP(op_cghsi)
{
    return cmp_sil(cpu, in, 8, true);
}
S390_OP(op_clhhsi)
{
    return cmp_sil(cpu, in, 2, false);
}
S390_OP(op_clfhsi)
{
    return cmp_sil(cpu, in, 4, false);
}
S390_OP(op_clghsi)
{
    return cmp_sil(cpu, in, 8, false);
}

/* ---- compare and branch ---- */

/* Mask M3: 8 equal, 4 first low, 2 first high */
static bool cmp_hit(unsigned m3, unsigned result)
{
    return (m3 >> (3 - result)) & 1;
}

static int cj(S390Cpu *cpu, const S390Insn *in, unsigned result)
{
    if (cmp_hit(in->m3, result)) {
        cpu->psw_addr = ea_rel(cpu, in, in->i4);
    }
    return 0;
}

static int cb(S390Cpu *cpu, const S390Insn *in, unsigned result)
{
    if (cmp_hit(in->m3, result)) {
        cpu->psw_addr = ea_bd(cpu, in->b4, in->d4);
    }
    return 0;
}

static unsigned c_rr32(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_s((int32_t)gr32(cpu, in->r1), (int32_t)gr32(cpu, in->r2));
}

static unsigned c_rr64(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_s(gr(cpu, in->r1), gr(cpu, in->r2));
}

static unsigned cl_rr32(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_u(gr32(cpu, in->r1), gr32(cpu, in->r2));
}

static unsigned cl_rr64(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_u(gr(cpu, in->r1), gr(cpu, in->r2));
}

static unsigned c_ri32(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_s((int32_t)gr32(cpu, in->r1), in->i2);
}

static unsigned c_ri64(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_s(gr(cpu, in->r1), in->i2);
}

static unsigned cl_ri32(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_u(gr32(cpu, in->r1), (uint8_t)in->i2);
}

static unsigned cl_ri64(S390Cpu *cpu, const S390Insn *in)
{
    return cmp_u(gr(cpu, in->r1), (uint8_t)in->i2);
}

S390_OP(op_crj)
{
    return cj(cpu, in, c_rr32(cpu, in));
}
S390_OP(op_cgrj)
{
    return cj(cpu, in, c_rr64(cpu, in));
}
S390_OP(op_clrj)
{
    return cj(cpu, in, cl_rr32(cpu, in));
}
S390_OP(op_clgrj)
{
    return cj(cpu, in, cl_rr64(cpu, in));
}
S390_OP(op_cij)
{
    return cj(cpu, in, c_ri32(cpu, in));
}
S390_OP(op_cgij)
{
    return cj(cpu, in, c_ri64(cpu, in));
}
S390_OP(op_clij)
{
    return cj(cpu, in, cl_ri32(cpu, in));
}
S390_OP(op_clgij)
{
    return cj(cpu, in, cl_ri64(cpu, in));
}
S390_OP(op_crb)
{
    return cb(cpu, in, c_rr32(cpu, in));
}
S390_OP(op_cgrb)
{
    return cb(cpu, in, c_rr64(cpu, in));
}
S390_OP(op_clrb)
{
    return cb(cpu, in, cl_rr32(cpu, in));
}
S390_OP(op_clgrb)
{
    return cb(cpu, in, cl_rr64(cpu, in));
}
S390_OP(op_cib)
{
    return cb(cpu, in, c_ri32(cpu, in));
}
S390_OP(op_cgib)
{
    return cb(cpu, in, c_ri64(cpu, in));
}
S390_OP(op_clib)
{
    return cb(cpu, in, cl_ri32(cpu, in));
}
S390_OP(op_clgib)
{
    return cb(cpu, in, cl_ri64(cpu, in));
}

#define SG S390_I2_SIGNED
/* ---- compare and trap ---- */

#define DXC_TRAP 0xff

/*
 * The comparison result selects a bit of M3 (8 equal, 4 first operand
 * low, 2 high; 1 is ignored). A selected one is a data exception with
 * DXC 0xff, the DXC also in the FPC while the AFP-register control is
 * on; nothing else changes.
 */
static int data_trap(S390Cpu *cpu)
{
    if (cpu->env.cregs[0] & CR0_AFP) {
        cpu->fpc = (cpu->fpc & ~FPC_DXC) |
                   ((uint32_t)DXC_TRAP << FPC_DXC_SHIFT);
    }
    cpu->dxc = DXC_TRAP;
    return PGM_DATA;
}

static int trap_if(S390Cpu *cpu, unsigned m3, unsigned res)
{
    return (m3 >> (3 - res)) & 1 ? data_trap(cpu) : 0;
}

S390_OP(op_crt)
{
    return trap_if(cpu, in->m3, c_rr32(cpu, in));
}
S390_OP(op_cgrt)
{
    return trap_if(cpu, in->m3, c_rr64(cpu, in));
}
S390_OP(op_clrt)
{
    return trap_if(cpu, in->m3, cmp_u(gr32(cpu, in->r1), gr32(cpu, in->r2)));
}
S390_OP(op_clgrt)
{
    return trap_if(cpu, in->m3, cmp_u(gr(cpu, in->r1), gr(cpu, in->r2)));
}
S390_OP(op_cit)
{
    return trap_if(cpu, in->m3, c_ri32(cpu, in));
}
S390_OP(op_cgit)
{
    return trap_if(cpu, in->m3, c_ri64(cpu, in));
}
/* the logical immediate forms: I2 is a 16-bit unsigned integer */
S390_OP(op_clfit)
{
    return trap_if(cpu, in->m3, cmp_u(gr32(cpu, in->r1), (uint16_t)in->i2));
}
S390_OP(op_clgit)
{
    return trap_if(cpu, in->m3, cmp_u(gr(cpu, in->r1), (uint16_t)in->i2));
}
S390_OP(op_clt)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    return r ? r : trap_if(cpu, in->m3, cmp_u(gr32(cpu, in->r1), v));
}
S390_OP(op_clgt)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    return r ? r : trap_if(cpu, in->m3, cmp_u(gr(cpu, in->r1), v));
}

/*
 * Load and trap (facility 49): the operand is loaded, then a zero value
 * (for LLGTAT: its bits 1-31) is the same data exception, the register
 * already loaded (the instruction completes).
 */
S390_OP(op_lat)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (r) {
        return r;
    }
    set_gr32(cpu, in->r1, v);
    return v ? 0 : data_trap(cpu);
}
S390_OP(op_lgat)
{
    uint64_t v;
    int r = s390_ld64(cpu, ea2(cpu, in), &v);

    if (r) {
        return r;
    }
    set_gr(cpu, in->r1, v);
    return v ? 0 : data_trap(cpu);
}
S390_OP(op_lfhat)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (r) {
        return r;
    }
    set_gh32(cpu, in->r1, v);
    return v ? 0 : data_trap(cpu);
}
S390_OP(op_llgfat)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (r) {
        return r;
    }
    set_gr(cpu, in->r1, v);
    return v ? 0 : data_trap(cpu);
}
S390_OP(op_llgtat)
{
    uint32_t v;
    int r = s390_ld32(cpu, ea2(cpu, in), &v);

    if (r) {
        return r;
    }
    v &= 0x7fffffff;
    set_gr(cpu, in->r1, v);
    return v ? 0 : data_trap(cpu);
}

static const S390InsnDef compare_defs[] = {
    { 0x1500, FMT_RR, 0, "CLR", op_clr },
    { 0x1900, FMT_RR, 0, "CR", op_cr },
    { 0x4900, FMT_RX_A, 0, "CH", op_ch },
    { 0x5500, FMT_RX_A, 0, "CL", op_cl },
    { 0x5900, FMT_RX_A, 0, "C", op_c },
    { 0x9500, FMT_SI, 0, "CLI", op_cli },
    { 0xa70e, FMT_RI_A, SG, "CHI", op_chi },
    { 0xa70f, FMT_RI_A, SG, "CGHI", op_cghi },
    { 0xb920, FMT_RRE, 0, "CGR", op_cgr },
    { 0xb921, FMT_RRE, 0, "CLGR", op_clgr },
    { 0xb930, FMT_RRE, 0, "CGFR", op_cgfr },
    { 0xb960, FMT_RRF_C, 0, "CGRT", op_cgrt },
    { 0xb961, FMT_RRF_C, 0, "CLGRT", op_clgrt },
    { 0xb972, FMT_RRF_C, 0, "CRT", op_crt },
    { 0xb973, FMT_RRF_C, 0, "CLRT", op_clrt },
    { 0xb931, FMT_RRE, 0, "CLGFR", op_clgfr },
    { 0xc20c, FMT_RIL_A, SG, "CGFI", op_cghi },
    { 0xc20d, FMT_RIL_A, SG, "CFI", op_chi },
    { 0xc20e, FMT_RIL_A, 0, "CLGFI", op_clgfi },
    { 0xc20f, FMT_RIL_A, 0, "CLFI", op_clfi },
    { 0xc604, FMT_RIL_B, 0, "CGHRL", op_cghrl },
    { 0xc605, FMT_RIL_B, 0, "CHRL", op_chrl },
    { 0xc606, FMT_RIL_B, 0, "CLGHRL", op_clghrl },
    { 0xc607, FMT_RIL_B, 0, "CLHRL", op_clhrl },
    { 0xc608, FMT_RIL_B, 0, "CGRL", op_cgrl },
    { 0xc60a, FMT_RIL_B, 0, "CLGRL", op_clgrl },
    { 0xc60c, FMT_RIL_B, 0, "CGFRL", op_cgfrl },
    { 0xc60d, FMT_RIL_B, 0, "CRL", op_crl },
    { 0xc60e, FMT_RIL_B, 0, "CLGFRL", op_clgfrl },
    { 0xc60f, FMT_RIL_B, 0, "CLRL", op_clrl },
    { 0xe320, FMT_RXY_A, 0, "CG", op_cg },
    { 0xe321, FMT_RXY_A, 0, "CLG", op_clg },
    { 0xe330, FMT_RXY_A, 0, "CGF", op_cgf },
    { 0xe331, FMT_RXY_A, 0, "CLGF", op_clgf },
    { 0xe334, FMT_RXY_A, 0, "CGH", op_cgh },
    { 0xe355, FMT_RXY_A, 0, "CLY", op_cl },
    { 0xe359, FMT_RXY_A, 0, "CY", op_c },
    { 0xe379, FMT_RXY_A, 0, "CHY", op_ch },
    { 0xe385, FMT_RXY_A, 0, "LGAT", op_lgat },
    { 0xe39c, FMT_RXY_A, 0, "LLGTAT", op_llgtat },
    { 0xe39d, FMT_RXY_A, 0, "LLGFAT", op_llgfat },
    { 0xe39f, FMT_RXY_A, 0, "LAT", op_lat },
    { 0xe3c8, FMT_RXY_A, 0, "LFHAT", op_lfhat },
    { 0xe554, FMT_SIL, SG, "CHHSI", op_chhsi },
    { 0xe555, FMT_SIL, 0, "CLHHSI", op_clhhsi },
    { 0xe558, FMT_SIL, SG, "CGHSI", op_cghsi },
    { 0xe559, FMT_SIL, 0, "CLGHSI", op_clghsi },
    { 0xe55c, FMT_SIL, SG, "CHSI", op_chsi },
    { 0xe55d, FMT_SIL, 0, "CLFHSI", op_clfhsi },
    { 0xeb23, FMT_RSY_B, 0, "CLT", op_clt },
    { 0xeb2b, FMT_RSY_B, 0, "CLGT", op_clgt },
    { 0xeb55, FMT_SIY, 0, "CLIY", op_cli },
    { 0xec64, FMT_RIE_B, 0, "CGRJ", op_cgrj },
    { 0xec65, FMT_RIE_B, 0, "CLGRJ", op_clgrj },
    { 0xec70, FMT_RIE_A, SG, "CGIT", op_cgit },
    { 0xec71, FMT_RIE_A, 0, "CLGIT", op_clgit },
    { 0xec72, FMT_RIE_A, SG, "CIT", op_cit },
    { 0xec73, FMT_RIE_A, 0, "CLFIT", op_clfit },
    { 0xec76, FMT_RIE_B, 0, "CRJ", op_crj },
    { 0xec77, FMT_RIE_B, 0, "CLRJ", op_clrj },
    { 0xec7c, FMT_RIE_C, SG, "CGIJ", op_cgij },
    { 0xec7d, FMT_RIE_C, 0, "CLGIJ", op_clgij },
    { 0xec7e, FMT_RIE_C, SG, "CIJ", op_cij },
    { 0xec7f, FMT_RIE_C, 0, "CLIJ", op_clij },
    { 0xece4, FMT_RRS, 0, "CGRB", op_cgrb },
    { 0xece5, FMT_RRS, 0, "CLGRB", op_clgrb },
    { 0xecf6, FMT_RRS, 0, "CRB", op_crb },
    { 0xecf7, FMT_RRS, 0, "CLRB", op_clrb },
    { 0xecfc, FMT_RIS, SG, "CGIB", op_cgib },
    { 0xecfd, FMT_RIS, 0, "CLGIB", op_clgib },
    { 0xecfe, FMT_RIS, SG, "CIB", op_cib },
    { 0xecff, FMT_RIS, 0, "CLIB", op_clib },
};
S390_GROUP(s390_group_compare, compare_defs);
