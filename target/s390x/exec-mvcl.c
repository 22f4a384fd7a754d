/*
 * The long storage instructions: MOVE LONG (MVCL), COMPARE LOGICAL LONG
 * (CLCL), MOVE LONG EXTENDED (MVCLE) and COMPARE LOGICAL LONG EXTENDED
 * (CLCLE). Each names two even-odd register pairs: the even register
 * holds an operand address (used and updated under the addressing mode),
 * the odd one its length. The shorter operand counts as extended with a
 * padding byte.
 *
 * MVCL and CLCL: 24-bit lengths in bits 40-63 of R1+1 and R2+1, the
 * padding byte in bits 32-39 of R2+1; bits 32-39 of R1+1 are ignored
 * and left as they are (so does QEMU 7.2). They are interruptible: one
 * execution handles at most S390_LONG_MAX bytes, leaves the registers
 * describing the progress and points the PSW back at the instruction (at
 * the EXECUTE when it was the target of one), so that it goes on after
 * any pending interruption. An access exception on a later piece ends
 * the execution the same way and is recognized when it resumes, with the
 * registers saying how far it got.
 *
 * MVCLE and CLCLE: the padding byte is bits 56-63 of the second-operand
 * address; the lengths are bits 32-63 of R1+1 and R3+1, all 64 bits in
 * the 64-bit mode. After S390_LONG_MAX bytes they end with cc 3, the
 * registers updated, and the program branches back.
 *
 * The operands are accessed in pieces that stay inside one 4 KiB page.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"

#define S390_LONG_MAX   4096
#define S390_LONG_PIECE 256
#define S390_PAGE_SIZE  (UINT64_C(1) << S390_PAGE_SHIFT)
#define LEN24_MASK      UINT32_C(0xffffff)

/* One operand: its address and the bytes left */
typedef struct LongOp {
    uint64_t addr, len;
} LongOp;

/* Bytes from @a to the end of its page, at most @max */
static uint64_t page_left(uint64_t a, uint64_t max)
{
    uint64_t left = S390_PAGE_SIZE - (a & (S390_PAGE_SIZE - 1));

    return MIN(left, max);
}

static void advance(const S390Cpu *cpu, LongOp *o, uint64_t n)
{
    o->addr = (o->addr + n) & cpu->amask;
    o->len -= n;
}

/* Point the PSW back at the instruction (or at the EXECUTE of it) */
static void resume_later(S390Cpu *cpu, const S390Insn *in)
{
    cpu->psw_addr = (cpu->psw_addr - in->ilen) & cpu->amask;
}

/*
 * Move up to @max bytes into @d: from @s while it lasts, then @pad.
 * Returns the bytes moved; *@r is set when a piece could not be accessed
 * (the pieces before it are moved).
 */
static uint64_t move_bytes(S390Cpu *cpu, LongOp *d, LongOp *s, uint8_t pad,
                           uint64_t max, int *r)
{
    uint8_t buf[S390_LONG_PIECE];
    uint64_t done = 0;

    *r = 0;
    while (d->len && done < max) {
        uint64_t n = page_left(d->addr, MIN(d->len, S390_LONG_PIECE));

        n = MIN(n, max - done);
        if (s->len) {
            n = MIN(page_left(s->addr, s->len), n);
            if ((*r = s390_mem_read(cpu, s->addr, buf, n))) {
                break;
            }
        } else {
            memset(buf, pad, n);
        }
        if ((*r = s390_mem_write(cpu, d->addr, buf, n))) {
            break;
        }
        advance(cpu, d, n);
        if (s->len) {
            advance(cpu, s, n);
        }
        done += n;
    }
    return done;
}

/*
 * Compare up to @max bytes of @a and @b (an operand at its end reads as
 * @pad). Both are advanced past the equal bytes. Returns cc 1 or 2 at an
 * inequality (the operands at the unequal bytes), 0 when both ended,
 * 3 when @max bytes were equal; *@r as for move_bytes().
 */
static unsigned compare_bytes(S390Cpu *cpu, LongOp *a, LongOp *b, uint8_t pad,
                              uint64_t max, int *r)
{
    uint8_t ba[S390_LONG_PIECE], bb[S390_LONG_PIECE];
    uint64_t done = 0;

    *r = 0;
    while (a->len || b->len) {
        uint64_t n = MIN(max - done, S390_LONG_PIECE), i;

        if (!n) {
            return 3;
        }
        if (a->len) {
            n = page_left(a->addr, MIN(a->len, n));
        }
        if (b->len) {
            n = page_left(b->addr, MIN(b->len, n));
        }
        if (a->len) {
            if ((*r = s390_mem_read(cpu, a->addr, ba, n))) {
                return 3;
            }
        } else {
            memset(ba, pad, n);
        }
        if (b->len) {
            if ((*r = s390_mem_read(cpu, b->addr, bb, n))) {
                return 3;
            }
        } else {
            memset(bb, pad, n);
        }
        for (i = 0; i < n && ba[i] == bb[i]; i++) {
        }
        if (a->len) {
            advance(cpu, a, i);
        }
        if (b->len) {
            advance(cpu, b, i);
        }
        if (i < n) {
            return ba[i] < bb[i] ? 1 : 2;
        }
        done += n;
    }
    return 0;
}

static unsigned cc_lengths(uint64_t l1, uint64_t l2)
{
    return l1 == l2 ? 0 : l1 < l2 ? 1 : 2;
}

/* ---- MVCL, CLCL ---- */

static void long_get(const S390Cpu *cpu, unsigned r, LongOp *o)
{
    o->addr = gr_address(cpu, r);
    o->len = gr32(cpu, r + 1) & LEN24_MASK;
}

/* The address and the length back; bits 32-39 (the pad) unchanged */
static void long_put(S390Cpu *cpu, unsigned r, const LongOp *o)
{
    set_address(cpu, r, o->addr);
    set_gr32(cpu, r + 1, (gr32(cpu, r + 1) & ~LEN24_MASK) | (uint32_t)o->len);
}

S390_OP(op_mvcl)
{
    LongOp d, s;
    uint64_t n, dist;
    uint8_t pad;
    unsigned cc;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r2)) {
        return PGM_SPECIFICATION;
    }
    long_get(cpu, in->r1, &d);
    long_get(cpu, in->r2, &s);
    pad = gr32(cpu, in->r2 + 1) >> 24;
    cc = cc_lengths(d.len, s.len);
    /*
     * Destructive overlap: the first operand starts inside the part of
     * the second that is moved, not at its start (addresses wrap)
     */
    n = MIN(d.len, s.len);
    dist = (d.addr - s.addr) & cpu->amask;
    if (dist && dist < n) {
        cpu->cc = 3;
        return 0;
    }
    move_bytes(cpu, &d, &s, pad, S390_LONG_MAX, &r);
    if (r && d.len == (gr32(cpu, in->r1 + 1) & LEN24_MASK)) {
        return r; /* nothing moved: suppressed or nullified as it is */
    }
    long_put(cpu, in->r1, &d);
    long_put(cpu, in->r2, &s);
    if (d.len) {
        resume_later(cpu, in); /* the cc is set by the last execution */
    } else {
        cpu->cc = cc;
    }
    return 0;
}

S390_OP(op_clcl)
{
    LongOp a, b;
    uint64_t l1, l2;
    uint8_t pad;
    unsigned cc;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r2)) {
        return PGM_SPECIFICATION;
    }
    long_get(cpu, in->r1, &a);
    long_get(cpu, in->r2, &b);
    l1 = a.len;
    l2 = b.len;
    pad = gr32(cpu, in->r2 + 1) >> 24;
    cc = compare_bytes(cpu, &a, &b, pad, S390_LONG_MAX, &r);
    if (r && a.len == l1 && b.len == l2) {
        return r;
    }
    long_put(cpu, in->r1, &a);
    long_put(cpu, in->r2, &b);
    if (cc == 3) {
        resume_later(cpu, in); /* the cc is set by the last execution */
    } else {
        cpu->cc = cc;
    }
    return 0;
}

/* ---- MVCLE, CLCLE ---- */

static void ext_get(const S390Cpu *cpu, unsigned r, LongOp *o)
{
    o->addr = gr_address(cpu, r);
    o->len = cpu->amask == UINT64_MAX ? gr(cpu, r + 1) : gr32(cpu, r + 1);
}

static void ext_put(S390Cpu *cpu, unsigned r, const LongOp *o)
{
    set_address(cpu, r, o->addr);
    if (cpu->amask == UINT64_MAX) {
        set_gr(cpu, r + 1, o->len);
    } else {
        set_gr32(cpu, r + 1, (uint32_t)o->len);
    }
}

S390_OP(op_mvcle)
{
    LongOp d, s;
    uint64_t l1;
    uint8_t pad = (uint8_t)ea2(cpu, in);
    unsigned cc;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r3)) {
        return PGM_SPECIFICATION;
    }
    ext_get(cpu, in->r1, &d);
    ext_get(cpu, in->r3, &s);
    l1 = d.len;
    cc = cc_lengths(d.len, s.len);
    move_bytes(cpu, &d, &s, pad, S390_LONG_MAX, &r);
    if (r && d.len == l1) {
        return r;
    }
    ext_put(cpu, in->r1, &d);
    ext_put(cpu, in->r3, &s);
    cpu->cc = d.len ? 3 : cc;
    return 0;
}

S390_OP(op_clcle)
{
    LongOp a, b;
    uint64_t l1, l2;
    uint8_t pad = (uint8_t)ea2(cpu, in);
    unsigned cc;
    int r;

    if (odd_reg(in->r1) || odd_reg(in->r3)) {
        return PGM_SPECIFICATION;
    }
    ext_get(cpu, in->r1, &a);
    ext_get(cpu, in->r3, &b);
    l1 = a.len;
    l2 = b.len;
    cc = compare_bytes(cpu, &a, &b, pad, S390_LONG_MAX, &r);
    if (r && a.len == l1 && b.len == l2) {
        return r;
    }
    ext_put(cpu, in->r1, &a);
    ext_put(cpu, in->r3, &b);
    cpu->cc = cc;
    return 0;
}

static const S390InsnDef mvcl_defs[] = {
    { 0x0e00, FMT_RR, 0, "MVCL", op_mvcl },
    { 0x0f00, FMT_RR, 0, "CLCL", op_clcl },
    { 0xa800, FMT_RS_A, 0, "MVCLE", op_mvcle },
    { 0xa900, FMT_RS_A, 0, "CLCLE", op_clcle },
};
S390_GROUP(s390_group_mvcl, mvcl_defs);
