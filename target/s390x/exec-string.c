/*
 * The string instructions: SEARCH STRING (SRST), MOVE STRING (MVST) and
 * COMPARE LOGICAL STRING (CLST). The ending (or searched) character is
 * bits 56-63 of general register 0, whose bits 32-55 must be zero
 * (specification exception otherwise). Addresses come from and go back
 * to the registers under the addressing mode. Each execution handles at
 * most S390_STRING_MAX bytes, the CPU-determined amount after which it
 * ends with cc 3 and the registers pointing at the next bytes, so that
 * the program's branch back resumes it. The operands are read in pieces
 * that stay inside one 4 KiB page: an access exception on a later piece
 * ends the execution with cc 3 first and is recognized when the program
 * resumes, as the next piece is then the first.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

#define S390_STRING_MAX   4096
#define S390_STRING_PIECE 256
#define S390_PAGE_SIZE    (UINT64_C(1) << S390_PAGE_SHIFT)

/* Bytes from @a to the end of its page, at most @max */
static uint64_t piece(uint64_t a, uint64_t max)
{
    uint64_t left = S390_PAGE_SIZE - (a & (S390_PAGE_SIZE - 1));

    return MIN(left, max);
}

static int ending_char(const S390Cpu *cpu, uint8_t *c)
{
    if (gr(cpu, 0) & 0xffffff00ull) {
        return PGM_SPECIFICATION;
    }
    *c = (uint8_t)gr(cpu, 0);
    return 0;
}

S390_OP(op_srst)
{
    uint64_t end = gr_address(cpu, in->r1), a = gr_address(cpu, in->r2);
    uint8_t buf[S390_STRING_PIECE], c;
    unsigned done = 0;
    int r = ending_char(cpu, &c);

    if (r) {
        return r;
    }
    while (done < S390_STRING_MAX) {
        uint64_t n = piece(a, S390_STRING_PIECE);
        const uint8_t *hit;

        if (a == end) {
            cpu->cc = 2; /* the end reached: R1 and R2 unchanged */
            return 0;
        }
        if (end > a && end - a < n) {
            n = end - a;
        }
        if ((r = s390_mem_read(cpu, a, buf, n))) {
            if (!done) {
                return r;
            }
            break;
        }
        hit = memchr(buf, c, n);
        if (hit) {
            set_address(cpu, in->r1, a + (hit - buf));
            cpu->cc = 1;
            return 0;
        }
        a = (a + n) & cpu->amask;
        done += n;
    }
    set_address(cpu, in->r2, a);
    cpu->cc = 3;
    return 0;
}

S390_OP(op_mvst)
{
    uint64_t a1 = gr_address(cpu, in->r1), a2 = gr_address(cpu, in->r2);
    uint8_t buf[S390_STRING_PIECE], c;
    unsigned done = 0;
    int r = ending_char(cpu, &c);

    if (r) {
        return r;
    }
    while (done < S390_STRING_MAX) {
        uint64_t n = piece(a1, piece(a2, S390_STRING_PIECE)), m;
        const uint8_t *hit;

        if ((r = s390_mem_read(cpu, a2, buf, n))) {
            if (!done) {
                return r;
            }
            break;
        }
        hit = memchr(buf, c, n);
        m = hit ? (uint64_t)(hit - buf) + 1 : n;
        if ((r = s390_mem_write(cpu, a1, buf, m))) {
            if (!done) {
                return r;
            }
            break;
        }
        if (hit) {
            /* R1: the ending character in the first operand; R2 unchanged */
            set_address(cpu, in->r1, a1 + m - 1);
            cpu->cc = 1;
            return 0;
        }
        a1 = (a1 + n) & cpu->amask;
        a2 = (a2 + n) & cpu->amask;
        done += n;
    }
    set_address(cpu, in->r1, a1);
    set_address(cpu, in->r2, a2);
    cpu->cc = 3;
    return 0;
}

S390_OP(op_clst)
{
    uint64_t a1 = gr_address(cpu, in->r1), a2 = gr_address(cpu, in->r2);
    uint8_t b1[S390_STRING_PIECE], b2[S390_STRING_PIECE], c;
    unsigned done = 0;
    int r = ending_char(cpu, &c);

    if (r) {
        return r;
    }
    while (done < S390_STRING_MAX) {
        uint64_t n = piece(a1, piece(a2, S390_STRING_PIECE));

        if ((r = s390_mem_read(cpu, a1, b1, n)) ||
            (r = s390_mem_read(cpu, a2, b2, n))) {
            if (!done) {
                return r;
            }
            break;
        }
        for (uint64_t i = 0; i < n; i++) {
            if (b1[i] == c && b2[i] == c) {
                cpu->cc = 0; /* equal: R1 and R2 unchanged */
                return 0;
            }
            if (b1[i] == c || b2[i] == c || b1[i] != b2[i]) {
                /* the ending character is lower than any other */
                bool low = b1[i] == c || (b2[i] != c && b1[i] < b2[i]);

                set_address(cpu, in->r1, a1 + i);
                set_address(cpu, in->r2, a2 + i);
                cpu->cc = low ? 1 : 2;
                return 0;
            }
        }
        a1 = (a1 + n) & cpu->amask;
        a2 = (a2 + n) & cpu->amask;
        done += n;
    }
    set_address(cpu, in->r1, a1);
    set_address(cpu, in->r2, a2);
    cpu->cc = 3;
    return 0;
}

static const S390InsnDef string_defs[] = {
    { 0xb255, FMT_RRE, 0, "MVST", op_mvst },
    { 0xb25d, FMT_RRE, 0, "CLST", op_clst },
    { 0xb25e, FMT_RRE, 0, "SRST", op_srst },
};
S390_GROUP(s390_group_string, string_defs);
