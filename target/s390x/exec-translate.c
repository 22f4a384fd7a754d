/*
 * TRANSLATE (TR), TRANSLATE AND TEST (TRT), TRANSLATE AND TEST REVERSE
 * (TRTR), TRANSLATE EXTENDED (TRE, below) and CHECKSUM (CKSM).
 *
 * TR, TRT and TRTR take L + 1 argument bytes at the first-operand
 * address; each argument byte, added to the second-operand address (the
 * 256-byte table) under the addressing mode, selects a function byte.
 * Access exceptions are recognized for the table bytes actually used,
 * never for the rest of the table. TR replaces each argument byte by
 * its function byte, left to right, and stores nothing unless the whole
 * first operand can be stored; when the operands overlap, each byte is
 * stored right after its function byte was fetched. TRT (left to right)
 * and TRTR (right to left, the first-operand address designating the
 * rightmost byte) stop at the first non-zero function byte: its argument
 * byte's address goes to general register 1 and the function byte to
 * bits 56-63 of general register 2 (cc 1, or cc 2 when it was the last
 * byte to examine); all zero: cc 0 and no register changes. The address
 * in GR1 is bits 40-63 in the 24-bit mode (bits 0-39 unchanged), bits
 * 33-63 with bit 32 zero in the 31-bit mode (bits 0-31 unchanged), and
 * the whole register in the 64-bit mode.
 *
 * CKSM adds the words of the second operand (address in R2, length in
 * R2 + 1, an even-odd pair) into bits 32-63 of R1 with end-around carry,
 * the final one to three bytes padded on the right with zeros. It is
 * interruptible: one execution handles at most S390_CKSM_MAX bytes, then
 * ends with cc 3 and R2 / R2 + 1 advanced past what it added, so that the
 * program's branch back resumes it; cc 0 when the length reached zero. An
 * access exception after the first word also ends the execution with cc
 * 3, and is recognized when the program resumes.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

#define S390_CKSM_MAX 4096

static uint64_t ea1(const S390Cpu *cpu, const S390Insn *in)
{
    return ea_bd(cpu, in->b1, in->d1);
}

static int table_byte(S390Cpu *cpu, uint64_t table, uint8_t arg, uint8_t *fn)
{
    return s390_ld8(cpu, (table + arg) & cpu->amask, fn);
}

S390_OP(op_tr)
{
    unsigned len = in->l1 + 1;
    uint64_t a1 = ea1(cpu, in), a2 = ea_bd(cpu, in->b2, in->d2);
    uint8_t *d = s390_mem_direct(cpu, a1, len);
    const uint8_t *t = s390_mem_direct(cpu, a2, 256);
    int r;

    if (d && t) {
        s390_icache_notify_write(cpu, d - cpu->ram, len);
        for (unsigned i = 0; i < len; i++) {
            d[i] = t[d[i]];
        }
        return 0;
    }
    /*
     * first every argument and the function byte it selects, so that an
     * access exception leaves the first operand as it was (an argument
     * that an overlapping store changes later is checked as it was)
     */
    r = s390_mem_check(cpu, a1, len, S390_ACC_STORE);
    for (unsigned i = 0; !r && i < len; i++) {
        uint8_t arg, fn;

        r = s390_ld8(cpu, (a1 + i) & cpu->amask, &arg);
        if (!r) {
            r = table_byte(cpu, a2, arg, &fn);
        }
    }
    for (unsigned i = 0; !r && i < len; i++) {
        uint64_t x = (a1 + i) & cpu->amask;
        uint8_t arg, fn;

        r = s390_ld8(cpu, x, &arg);
        if (!r) {
            r = table_byte(cpu, a2, arg, &fn);
        }
        if (!r) {
            r = s390_st8(cpu, x, fn);
        }
    }
    return r;
}

/* GR1 as TRT and TRTR set it */
static void set_trt_address(S390Cpu *cpu, uint64_t a)
{
    if (cpu->amask == UINT64_MAX) {
        set_gr(cpu, 1, a);
    } else if (cpu->amask == 0x7fffffff) {
        set_gr32(cpu, 1, (uint32_t)a & 0x7fffffff);
    } else {
        set_gr32(cpu, 1,
                 (gr32(cpu, 1) & 0xff000000) | ((uint32_t)a & 0xffffff));
    }
}

/* @step 1: TRT, left to right; -1: TRTR, right to left */
static int translate_test(S390Cpu *cpu, const S390Insn *in, int step)
{
    unsigned len = in->l1 + 1;
    uint64_t a1 = ea1(cpu, in), a2 = ea_bd(cpu, in->b2, in->d2);

    for (unsigned i = 0; i < len; i++) {
        uint64_t x = (a1 + (int64_t)step * i) & cpu->amask;
        uint8_t arg, fn;
        int r = s390_ld8(cpu, x, &arg);

        if (!r) {
            r = table_byte(cpu, a2, arg, &fn);
        }
        if (r) {
            return r;
        }
        if (fn) {
            set_trt_address(cpu, x);
            set_gr(cpu, 2, (gr(cpu, 2) & ~UINT64_C(0xff)) | fn);
            cpu->cc = i == len - 1 ? 2 : 1;
            return 0;
        }
    }
    cpu->cc = 0;
    return 0;
}

S390_OP(op_trt)
{
    return translate_test(cpu, in, 1);
}

S390_OP(op_trtr)
{
    return translate_test(cpu, in, -1);
}

/* The operand length in R: bits 32-63, or all 64 in the 64-bit mode */
static uint64_t gr_length(const S390Cpu *cpu, unsigned r)
{
    return cpu->amask == UINT64_MAX ? gr(cpu, r) : gr32(cpu, r);
}

static void set_length(S390Cpu *cpu, unsigned r, uint64_t v)
{
    if (cpu->amask == UINT64_MAX) {
        set_gr(cpu, r, v);
    } else {
        set_gr32(cpu, r, (uint32_t)v);
    }
}

S390_OP(op_cksm)
{
    uint64_t a, left, done = 0;
    uint32_t sum = gr32(cpu, in->r1);

    if (odd_reg(in->r2)) {
        return PGM_SPECIFICATION;
    }
    a = gr_address(cpu, in->r2);
    left = gr_length(cpu, in->r2 + 1);
    while (left && done < S390_CKSM_MAX) {
        unsigned n = MIN(left, 4);
        uint8_t w[4] = { 0 };
        uint64_t s;
        int r = s390_mem_read(cpu, a, w, n);

        if (r) {
            if (!done) {
                return r;
            }
            break;
        }
        s = (uint64_t)sum + ldl_be_p(w);
        sum = (uint32_t)s + (uint32_t)(s >> 32);
        a = (a + n) & cpu->amask;
        left -= n;
        done += n;
    }
    if (done) {
        set_gr32(cpu, in->r1, sum);
        set_address(cpu, in->r2, a);
        set_length(cpu, in->r2 + 1, left);
    }
    cpu->cc = left ? 3 : 0;
    return 0;
}

/*
 * TRE: the first operand (address in R1, length in R1 + 1, an even-odd
 * pair) translated in place through the 256-byte table at R2, left to
 * right, up to the test byte in bits 56-63 of GR0: cc 1 with R1 at the
 * test byte (not translated) and R1 + 1 the bytes left from it, cc 0
 * when the length reached zero, cc 3 after S390_CKSM_MAX bytes (or an
 * access exception met after the first byte) with R1 / R1 + 1 advanced.
 */
S390_OP(op_tre)
{
    uint64_t a, left, table = gr_address(cpu, in->r2);
    uint8_t test = (uint8_t)gr(cpu, 0);
    unsigned done = 0;
    int r = 0;

    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    a = gr_address(cpu, in->r1);
    left = gr_length(cpu, in->r1 + 1);
    cpu->cc = 0;
    while (left) {
        uint8_t arg, fn;

        if (done == S390_CKSM_MAX) {
            cpu->cc = 3;
            break;
        }
        r = s390_ld8(cpu, a, &arg);
        if (!r && arg == test) {
            cpu->cc = 1;
            break;
        }
        if (!r) {
            r = table_byte(cpu, table, arg, &fn);
        }
        if (!r) {
            r = s390_mem_check(cpu, a, 1, S390_ACC_STORE);
        }
        if (r) {
            if (!done) {
                return r;
            }
            cpu->cc = 3;
            break;
        }
        s390_st8(cpu, a, fn);
        a = (a + 1) & cpu->amask;
        left--;
        done++;
    }
    set_address(cpu, in->r1, a);
    set_length(cpu, in->r1 + 1, left);
    return 0;
}

static const S390InsnDef translate_defs[] = {
    { 0xb241, FMT_RRE, 0, "CKSM", op_cksm },
    { 0xb2a5, FMT_RRE, 0, "TRE", op_tre },
    { 0xd000, FMT_SS_A, 0, "TRTR", op_trtr },
    { 0xdc00, FMT_SS_A, 0, "TR", op_tr },
    { 0xdd00, FMT_SS_A, 0, "TRT", op_trt },
};
S390_GROUP(s390_group_xlate, translate_defs);
