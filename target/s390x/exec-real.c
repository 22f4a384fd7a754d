/*
 * Loads and stores at a real address (privileged): LURA, LURAG, STURA,
 * STURG. The address in R2 (as the addressing mode takes it) is real:
 * no DAT, prefixing applies, and key-controlled protection with the PSW
 * key as for any access. A word (doubleword) operand must be aligned.
 * Linux stores into its write-protected text with LRA + STURG.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/mem.h"
#include "target/s390x/skey.h"

static int real_access(S390Cpu *cpu, unsigned r2, void *buf, unsigned len,
                       S390Access kind)
{
    uint64_t ra = gr_address(cpu, r2), abs;
    int r;

    PRIV_CHECK(cpu);
    if (ra & (len - 1)) {
        return PGM_SPECIFICATION;
    }
    abs = s390_real_to_abs(cpu, ra);
    r = s390_skey_access(cpu, s390_psw_key(cpu), ra, abs, kind);
    return r ? r : s390_abs_access(cpu, abs, buf, len, kind);
}

S390_OP(op_lura)
{
    uint8_t b[4];
    int r = real_access(cpu, in->r2, b, 4, S390_ACC_FETCH);

    if (!r) {
        set_gr32(cpu, in->r1, ldl_be_p(b));
    }
    return r;
}

S390_OP(op_lurag)
{
    uint8_t b[8];
    int r = real_access(cpu, in->r2, b, 8, S390_ACC_FETCH);

    if (!r) {
        set_gr(cpu, in->r1, ldq_be_p(b));
    }
    return r;
}

S390_OP(op_stura)
{
    uint8_t b[4];

    stl_be_p(b, gr32(cpu, in->r1));
    return real_access(cpu, in->r2, b, 4, S390_ACC_STORE);
}

S390_OP(op_sturg)
{
    uint8_t b[8];

    stq_be_p(b, gr(cpu, in->r1));
    return real_access(cpu, in->r2, b, 8, S390_ACC_STORE);
}

static const S390InsnDef real_defs[] = {
    { 0xb246, FMT_RRE, 0, "STURA", op_stura },
    { 0xb24b, FMT_RRE, 0, "LURA", op_lura },
    { 0xb905, FMT_RRE, 0, "LURAG", op_lurag },
    { 0xb925, FMT_RRE, 0, "STURG", op_sturg },
};
S390_GROUP(s390_group_real, real_defs);
