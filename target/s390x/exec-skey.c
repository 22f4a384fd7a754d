/*
 * Storage-key instructions: SET STORAGE KEY EXTENDED, INSERT STORAGE KEY
 * EXTENDED, RESET REFERENCE BIT EXTENDED (R2 holds a real address; the
 * frame is its absolute one), TEST PROTECTION (all privileged), and the
 * PSW key: SET PSW KEY FROM ADDRESS, INSERT PSW KEY.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/skey.h"
#include "target/s390x/dat.h"

/* The key of the frame R2 designates (real address), or NULL */
static uint8_t *frame_key(S390Cpu *cpu, const S390Insn *in)
{
    uint64_t ra = gr(cpu, in->r2) & cpu->amask;

    return s390_skey_of(cpu, s390_real_to_abs(cpu, ra));
}

S390_OP(op_sske)
{
    uint8_t *k;

    PRIV_CHECK(cpu);
    k = frame_key(cpu, in);
    if (!k) {
        return PGM_ADDRESSING;
    }
    *k = (uint8_t)gr(cpu, in->r1) & 0xfe;
    return 0;
}

S390_OP(op_iske)
{
    uint8_t *k;

    PRIV_CHECK(cpu);
    k = frame_key(cpu, in);
    if (!k) {
        return PGM_ADDRESSING;
    }
    set_gr(cpu, in->r1, (gr(cpu, in->r1) & ~UINT64_C(0xff)) | *k);
    return 0;
}

/* cc: 0 R0 C0, 1 R0 C1, 2 R1 C0, 3 R1 C1; then R is zero */
S390_OP(op_rrbe)
{
    uint8_t *k;

    PRIV_CHECK(cpu);
    k = frame_key(cpu, in);
    if (!k) {
        return PGM_ADDRESSING;
    }
    cpu->cc = (*k >> 1) & 3;
    *k &= ~SKEY_R;
    return 0;
}

static bool is_translation_exc(int r)
{
    return r == PGM_SEGMENT_TRANS || r == PGM_PAGE_TRANS ||
           (r >= 0x38 && r <= 0x3b);
}

/*
 * TPROT D1(B1),D2(B2): may key (bits 56-59 of the second-operand
 * address) fetch and store at the first operand? cc 0 both, 1 fetch
 * only, 2 neither, 3 translation not available.
 */
S390_OP(op_tprot)
{
    uint64_t la = ea_bd(cpu, in->b1, in->d1), ra = la, abs;
    unsigned key = (ea_bd(cpu, in->b2, in->d2) >> 4) & 0xf;
    bool dat_prot = false;
    uint8_t probe;
    int r;

    PRIV_CHECK(cpu);
    if (cpu->psw_mask & PSW_MASK_DAT) {
        uint64_t saved_teid = cpu->teid;

        r = s390_dat_translate(cpu, la, S390_ACC_FETCH, &ra);
        if (!r) {
            dat_prot = s390_dat_translate(cpu, la, S390_ACC_STORE, &ra) ==
                       PGM_PROTECTION;
        }
        cpu->teid = saved_teid;
        if (is_translation_exc(r)) {
            cpu->cc = 3;
            return 0;
        }
        if (r) {
            return r;
        }
    }
    abs = s390_real_to_abs(cpu, ra);
    if (s390_abs_access(cpu, abs, &probe, 1, S390_ACC_FETCH)) {
        return PGM_ADDRESSING;
    }
    if (!s390_skey_permits(cpu, key, la, abs, false)) {
        cpu->cc = 2;
    } else if (dat_prot || !s390_skey_permits(cpu, key, la, abs, true)) {
        cpu->cc = 1;
    } else {
        cpu->cc = 0;
    }
    return 0;
}

/*
 * SPKA D2(B2): PSW key from bits 56-59 of the address. In the problem
 * state only keys whose bit in the PSW-key mask (CR3 bits 32-47) is one.
 */
S390_OP(op_spka)
{
    unsigned key = (ea2(cpu, in) >> 4) & 0xf;
    uint64_t mask;

    if (s390_problem_state(cpu) && !((cpu->env.cregs[3] >> (31 - key)) & 1)) {
        return PGM_PRIVILEGED;
    }
    mask = (s390_psw_get_mask(cpu) & ~PSW_MASK_KEY) | ((uint64_t)key << 52);
    s390_psw_load(cpu, mask, cpu->psw_addr);
    return 0;
}

/* IPK: the PSW key into bits 56-59 of GR2 (problem state: CR0 bit 36) */
S390_OP(op_ipk)
{
    if (s390_problem_state(cpu) && !(cpu->env.cregs[0] & PSW_BIT(36))) {
        return PGM_PRIVILEGED;
    }
    set_gr(cpu, 2, (gr(cpu, 2) & ~UINT64_C(0xf0)) | (s390_psw_key(cpu) << 4));
    return 0;
}

static const S390InsnDef skey_defs[] = {
    { 0xb20a, FMT_S, 0, "SPKA", op_spka },
    { 0xb20b, FMT_S, 0, "IPK", op_ipk },
    { 0xb229, FMT_RRE, 0, "ISKE", op_iske },
    { 0xb22a, FMT_RRE, 0, "RRBE", op_rrbe },
    { 0xb22b, FMT_RRF_C, 0, "SSKE", op_sske },
    { 0xe501, FMT_SSE, 0, "TPROT", op_tprot },
};
S390_GROUP(s390_group_skey, skey_defs);
