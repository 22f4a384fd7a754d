/*
 * Branches: on condition, and save (the link as the addressing mode
 * shapes it), on count, on index, relative and relative long. The
 * target is computed before any register changes (BASR 14,14). The
 * next-instruction address is cpu->psw_addr, already advanced.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* BAS, BASR, BRAS, BRASL: the return address in R1 */
static void set_link(S390Cpu *cpu, unsigned r1)
{
    uint64_t next = cpu->psw_addr;

    if (cpu->amask == UINT64_MAX) {
        set_gr(cpu, r1, next);
    } else if (cpu->amask == 0x7fffffff) {
        set_gr32(cpu, r1, 0x80000000u | (uint32_t)next);
    } else {
        set_gr32(cpu, r1, (uint32_t)next & 0xffffff);
    }
}

/* BAL, BALR: in the 24-bit mode ILC, CC and program mask go in bits 32-39 */
static void set_link_bal(S390Cpu *cpu, const S390Insn *in, unsigned r1)
{
    uint32_t info;

    if (cpu->amask != 0xffffff) {
        set_link(cpu, r1);
        return;
    }
    info = (uint32_t)(in->ilen / 2) << 30 | (uint32_t)cpu->cc << 28 |
           (uint32_t)((cpu->psw_mask & PSW_MASK_PM) >> PSW_PM_SHIFT) << 24;
    set_gr32(cpu, r1, info | ((uint32_t)cpu->psw_addr & 0xffffff));
}

/* ---- on condition ---- */

S390_OP(op_bc)
{
    if (cc_match(cpu, in->m1)) {
        cpu->psw_addr = ea2(cpu, in);
    }
    return 0;
}

S390_OP(op_bcr)
{
    if (in->r2 && cc_match(cpu, in->m1)) {
        cpu->psw_addr = gr(cpu, in->r2) & cpu->amask;
    }
    return 0;
}

S390_OP(op_brc)
{
    if (cc_match(cpu, in->m1)) {
        cpu->psw_addr = ea_rel(cpu, in, in->i2);
    }
    return 0;
}

/* ---- and save ---- */

S390_OP(op_basr)
{
    uint64_t t = gr(cpu, in->r2) & cpu->amask;

    set_link(cpu, in->r1);
    if (in->r2) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bas)
{
    uint64_t t = ea2(cpu, in);

    set_link(cpu, in->r1);
    cpu->psw_addr = t;
    return 0;
}

S390_OP(op_balr)
{
    uint64_t t = gr(cpu, in->r2) & cpu->amask;

    set_link_bal(cpu, in, in->r1);
    if (in->r2) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bal)
{
    uint64_t t = ea2(cpu, in);

    set_link_bal(cpu, in, in->r1);
    cpu->psw_addr = t;
    return 0;
}

S390_OP(op_bras)
{
    set_link(cpu, in->r1);
    cpu->psw_addr = ea_rel(cpu, in, in->i2);
    return 0;
}

/* ---- on count ---- */

static bool count32(S390Cpu *cpu, unsigned r1)
{
    uint32_t v = gr32(cpu, r1) - 1;

    set_gr32(cpu, r1, v);
    return v != 0;
}

static bool count64(S390Cpu *cpu, unsigned r1)
{
    uint64_t v = gr(cpu, r1) - 1;

    set_gr(cpu, r1, v);
    return v != 0;
}

S390_OP(op_bct)
{
    uint64_t t = ea2(cpu, in);

    if (count32(cpu, in->r1)) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bctg)
{
    uint64_t t = ea2(cpu, in);

    if (count64(cpu, in->r1)) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bctr)
{
    uint64_t t = gr(cpu, in->r2) & cpu->amask;

    if (count32(cpu, in->r1) && in->r2) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bctgr)
{
    uint64_t t = gr(cpu, in->r2) & cpu->amask;

    if (count64(cpu, in->r1) && in->r2) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_brct)
{
    if (count32(cpu, in->r1)) {
        cpu->psw_addr = ea_rel(cpu, in, in->i2);
    }
    return 0;
}

S390_OP(op_brctg)
{
    if (count64(cpu, in->r1)) {
        cpu->psw_addr = ea_rel(cpu, in, in->i2);
    }
    return 0;
}

/* BRCTH: on count of the high word */
S390_OP(op_brcth)
{
    uint32_t v = gh32(cpu, in->r1) - 1;

    set_gh32(cpu, in->r1, v);
    if (v) {
        cpu->psw_addr = ea_rel(cpu, in, in->i2);
    }
    return 0;
}

/* ---- on index: R1 += R3, compared with R3 | 1 ---- */

static bool index32(S390Cpu *cpu, const S390Insn *in, bool high)
{
    int32_t incr = gr32(cpu, in->r3);
    int32_t limit = gr32(cpu, in->r3 | 1);
    int32_t sum = (int32_t)((uint32_t)gr32(cpu, in->r1) + (uint32_t)incr);

    set_gr32(cpu, in->r1, sum);
    return high ? sum > limit : sum <= limit;
}

static bool index64(S390Cpu *cpu, const S390Insn *in, bool high)
{
    int64_t incr = gr(cpu, in->r3);
    int64_t limit = gr(cpu, in->r3 | 1);
    int64_t sum = (int64_t)(gr(cpu, in->r1) + (uint64_t)incr);

    set_gr(cpu, in->r1, sum);
    return high ? sum > limit : sum <= limit;
}

static int bx(S390Cpu *cpu, const S390Insn *in, bool is64, bool high,
              uint64_t t)
{
    if (is64 ? index64(cpu, in, high) : index32(cpu, in, high)) {
        cpu->psw_addr = t;
    }
    return 0;
}

S390_OP(op_bxh)
{
    return bx(cpu, in, false, true, ea2(cpu, in));
}
S390_OP(op_bxle)
{
    return bx(cpu, in, false, false, ea2(cpu, in));
}
S390_OP(op_bxhg)
{
    return bx(cpu, in, true, true, ea2(cpu, in));
}
S390_OP(op_bxleg)
{
    return bx(cpu, in, true, false, ea2(cpu, in));
}
S390_OP(op_brxh)
{
    return bx(cpu, in, false, true, ea_rel(cpu, in, in->i2));
}
S390_OP(op_brxle)
{
    return bx(cpu, in, false, false, ea_rel(cpu, in, in->i2));
}
S390_OP(op_brxhg)
{
    return bx(cpu, in, true, true, ea_rel(cpu, in, in->i2));
}
S390_OP(op_brxlg)
{
    return bx(cpu, in, true, false, ea_rel(cpu, in, in->i2));
}

static const S390InsnDef branch_defs[] = {
    { 0x0500, FMT_RR, 0, "BALR", op_balr },
    { 0x0600, FMT_RR, 0, "BCTR", op_bctr },
    { 0x0700, FMT_RR, 0, "BCR", op_bcr },
    { 0x0d00, FMT_RR, 0, "BASR", op_basr },
    { 0x4500, FMT_RX_A, 0, "BAL", op_bal },
    { 0x4600, FMT_RX_A, 0, "BCT", op_bct },
    { 0x4700, FMT_RX_B, 0, "BC", op_bc },
    { 0x4d00, FMT_RX_A, 0, "BAS", op_bas },
    { 0x8400, FMT_RSI, 0, "BRXH", op_brxh },
    { 0x8500, FMT_RSI, 0, "BRXLE", op_brxle },
    { 0x8600, FMT_RS_A, 0, "BXH", op_bxh },
    { 0x8700, FMT_RS_A, 0, "BXLE", op_bxle },
    { 0xa704, FMT_RI_C, 0, "BRC", op_brc },
    { 0xa705, FMT_RI_B, 0, "BRAS", op_bras },
    { 0xa706, FMT_RI_B, 0, "BRCT", op_brct },
    { 0xa707, FMT_RI_B, 0, "BRCTG", op_brctg },
    { 0xb946, FMT_RRE, 0, "BCTGR", op_bctgr },
    { 0xc004, FMT_RIL_C, 0, "BRCL", op_brc },
    { 0xc005, FMT_RIL_B, 0, "BRASL", op_bras },
    { 0xcc06, FMT_RIL_B, 0, "BRCTH", op_brcth },
    { 0xe346, FMT_RXY_A, 0, "BCTG", op_bctg },
    { 0xeb44, FMT_RSY_A, 0, "BXHG", op_bxhg },
    { 0xeb45, FMT_RSY_A, 0, "BXLEG", op_bxleg },
    { 0xec44, FMT_RIE_E, 0, "BRXHG", op_brxhg },
    { 0xec45, FMT_RIE_E, 0, "BRXLG", op_brxlg },
};
S390_GROUP(s390_group_branch, branch_defs);
