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
 *
 * Also MOVE WITH OPTIONAL SPECIFICATIONS (MVCOS), which moves up to 4096
 * bytes with the keys and address spaces GR0 names for each operand.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/skey.h"

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

/* ---- MVCOS ---- */

#define OAC_KEY(o)   (((o) >> 12) & 0xf) /* bits 0-3 */
#define OAC_AS(o)    (((o) >> 6) & 3)    /* bits 8-9 */
#define OAC_K        0x2                 /* bit 14: the key is valid */
#define OAC_A        0x1                 /* bit 15: the AS is valid */
#define AS_SECONDARY 2
#define AS_HOME      3
#define CR0_SSC      PSW_BIT(37) /* secondary-space control */
#define MVCOS_MAX    4096

/* The PSW mask with the key and address-space control one OAC gives */
static int oac_mask(const S390Cpu *cpu, uint16_t oac, uint64_t *mask)
{
    unsigned key = s390_psw_key(cpu);
    unsigned as = (cpu->psw_mask & PSW_MASK_ASC) >> 46;

    if (oac & OAC_K) {
        key = OAC_KEY(oac);
    }
    if (oac & OAC_A) {
        as = OAC_AS(oac);
        if (as == AS_HOME && s390_problem_state(cpu)) {
            return PGM_SPECIAL_OP;
        }
    }
    if (as == AS_SECONDARY && !(cpu->env.cregs[0] & CR0_SSC)) {
        return PGM_SPECIAL_OP;
    }
    if ((oac & OAC_K) && s390_problem_state(cpu) &&
        !((cpu->env.cregs[3] >> (31 - key)) & 1)) {
        return PGM_PRIVILEGED;
    }
    *mask = (cpu->psw_mask & ~(PSW_MASK_KEY | PSW_MASK_ASC)) |
            (uint64_t)key << 52 | (uint64_t)as << 46;
    return 0;
}

/*
 * An access with the key and address space of @mask. DAT is on (MVCOS
 * requires it), so the PSW's key and address-space control bits select
 * no other access path: they are swapped in for the access and back.
 */
static int access_with(S390Cpu *cpu, uint64_t mask, uint64_t la, void *buf,
                       uint32_t len, bool store)
{
    uint64_t psw = cpu->psw_mask;
    int r;

    cpu->psw_mask = mask;
    if (store) {
        r = s390_mem_write(cpu, la, buf, len);
    } else {
        r = s390_mem_read(cpu, la, buf, len);
    }
    cpu->psw_mask = psw;
    return r;
}

static int check_with(S390Cpu *cpu, uint64_t mask, uint64_t la, uint64_t len,
                      S390Access kind)
{
    uint64_t psw = cpu->psw_mask;
    int r;

    cpu->psw_mask = mask;
    r = s390_mem_check(cpu, la, len, kind);
    cpu->psw_mask = psw;
    return r;
}

/*
 * MVCOS D1(B1),D2(B2),R3: up to 4096 bytes of the true length in R3
 * from the second operand to the first, each accessed with the key and
 * address space its operand-access control in GR0 (bits 32-47 for the
 * first operand, 48-63 for the second) names or the PSW's. cc 0 when
 * the true length was moved, cc 3 when 4096 bytes were (the program
 * advances and goes again). Both operands are checked before anything
 * is stored.
 */
S390_OP(op_mvcos)
{
    uint64_t a1 = ea_bd(cpu, in->b1, in->d1), a2 = ea_bd(cpu, in->b2, in->d2);
    uint64_t len = gr(cpu, in->r3), m1, m2, done;
    uint32_t oacs = gr32(cpu, 0);
    uint8_t buf[MVCOS_MAX];
    unsigned cc = 0;
    int r;

    if (!(cpu->psw_mask & PSW_MASK_DAT)) {
        return PGM_SPECIAL_OP;
    }
    if ((r = oac_mask(cpu, oacs >> 16, &m1)) ||
        (r = oac_mask(cpu, (uint16_t)oacs, &m2))) {
        return r;
    }
    if (cpu->amask != UINT64_MAX) {
        len = (uint32_t)len;
    }
    if (len > MVCOS_MAX) {
        len = MVCOS_MAX;
        cc = 3;
    }
    if (len && ((r = check_with(cpu, m2, a2, len, S390_ACC_FETCH)) ||
                (r = check_with(cpu, m1, a1, len, S390_ACC_STORE)))) {
        return r;
    }
    /* the whole second operand first: overlap moves as by a copy */
    for (done = 0; done < len;) {
        uint64_t n = page_left((a2 + done) & cpu->amask, len - done);

        if ((r = access_with(cpu, m2, (a2 + done) & cpu->amask, buf + done, n,
                             false))) {
            return r;
        }
        done += n;
    }
    for (done = 0; done < len;) {
        uint64_t n = page_left((a1 + done) & cpu->amask, len - done);

        if ((r = access_with(cpu, m1, (a1 + done) & cpu->amask, buf + done, n,
                             true))) {
            return r;
        }
        done += n;
    }
    cpu->cc = cc;
    return 0;
}

static const S390InsnDef mvcl_defs[] = {
    { 0x0e00, FMT_RR, 0, "MVCL", op_mvcl },
    { 0x0f00, FMT_RR, 0, "CLCL", op_clcl },
    { 0xa800, FMT_RS_A, 0, "MVCLE", op_mvcle },
    { 0xa900, FMT_RS_A, 0, "CLCLE", op_clcle },
    { 0xc800, FMT_SSF, 0, "MVCOS", op_mvcos },
};
S390_GROUP(s390_group_mvcl, mvcl_defs);
