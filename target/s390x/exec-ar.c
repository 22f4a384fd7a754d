/*
 * The access-register instructions: EXTRACT ACCESS (EAR), SET ACCESS
 * (SAR), COPY ACCESS (CPYA), LOAD ACCESS MULTIPLE (LAM, LAMY) and STORE
 * ACCESS MULTIPLE (STAM, STAMY). None is privileged. The multiple forms
 * take access registers R1 up to R3 (wrapping from 15 to 0) from or to
 * consecutive words at the second-operand address, which must be on a
 * word boundary (specification exception otherwise). A load changes no
 * register unless every word could be fetched; a store stores nothing
 * unless every word can be stored.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

/* EAR: bits 32-63 of GR R1 from access register R2 (bits 0-31 kept) */
S390_OP(op_ear)
{
    set_gr32(cpu, in->r1, cpu->aregs[in->r2]);
    return 0;
}

/* SAR: access register R1 from bits 32-63 of GR R2 */
S390_OP(op_sar)
{
    cpu->aregs[in->r1] = gr32(cpu, in->r2);
    return 0;
}

/* CPYA: access register R1 from access register R2 */
S390_OP(op_cpya)
{
    cpu->aregs[in->r1] = cpu->aregs[in->r2];
    return 0;
}

static unsigned ar_count(const S390Insn *in)
{
    return ((in->r3 - in->r1) & 15) + 1;
}

S390_OP(op_lam)
{
    uint64_t a = ea2(cpu, in);
    unsigned n = ar_count(in);
    uint8_t buf[16 * 4];
    int r;

    if (a & 3) {
        return PGM_SPECIFICATION;
    }
    r = s390_mem_read(cpu, a, buf, n * 4);
    if (r) {
        return r;
    }
    for (unsigned i = 0; i < n; i++) {
        cpu->aregs[(in->r1 + i) & 15] = ldl_be_p(buf + 4 * i);
    }
    return 0;
}

S390_OP(op_stam)
{
    uint64_t a = ea2(cpu, in);
    unsigned n = ar_count(in);
    uint8_t buf[16 * 4];

    if (a & 3) {
        return PGM_SPECIFICATION;
    }
    for (unsigned i = 0; i < n; i++) {
        stl_be_p(buf + 4 * i, cpu->aregs[(in->r1 + i) & 15]);
    }
    return s390_mem_write(cpu, a, buf, n * 4);
}

static const S390InsnDef ar_defs[] = {
    { 0x9a00, FMT_RS_A, 0, "LAM", op_lam },
    { 0x9b00, FMT_RS_A, 0, "STAM", op_stam },
    { 0xb24d, FMT_RRE, 0, "CPYA", op_cpya },
    { 0xb24e, FMT_RRE, 0, "SAR", op_sar },
    { 0xb24f, FMT_RRE, 0, "EAR", op_ear },
    { 0xeb9a, FMT_RSY_A, 0, "LAMY", op_lam },
    { 0xeb9b, FMT_RSY_A, 0, "STAMY", op_stam },
};
S390_GROUP(s390_group_ar, ar_defs);
