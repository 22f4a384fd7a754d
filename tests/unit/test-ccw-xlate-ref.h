/*
 * The guest side of the CCW translator's property test: a generator of
 * random channel programs in the fixture's guest RAM, and a reference
 * walk of a guest chain written from the architecture's rules (not from
 * the translator), CCW by CCW, with the guest address of every byte of
 * data each CCW designates.
 */
#ifndef TEST_CCW_XLATE_REF_H
#define TEST_CCW_XLATE_REF_H

#include "qemu/bswap.h"
#include "test-ccw-xlate-fixture.h"

/* Check the status-modifier paths too (the translator lays them all out) */
#define PROP_STATUS_MODIFIER 1

#define PA      0x1000 /* program area: NPOS CCW positions */
#define NPOS    40
#define IDALA   0x8000 /* IDAL area: 0x200 bytes per position */
#define DATA_LO 0x10000

typedef struct PropCtx {
    TestRam *t;
    ORB orb;
    uint32_t host_block; /* IDAW block of the host ORB */
} PropCtx;

/* Where the guest walk is: the CCW to fetch and how it is reached */
typedef struct RefPos {
    uint32_t addr;
    bool dc;           /* reached by data chaining ... */
    uint8_t chain_cmd; /* ... of this command */
    bool via_tic;      /* fetched as the target of a TIC */
} RefPos;

typedef enum RefVerdict { REF_OK, REF_CHECK, REF_SUSPEND } RefVerdict;

/* One non-TIC guest CCW the channel would execute */
typedef struct RefElem {
    RefVerdict verdict;
    uint32_t addr; /* the CCW (or the one that broke a rule) */
    CCW1 ccw;
    uint8_t cmd; /* the command in effect */
    bool has_data;
} RefElem;

static uint64_t ref_bytes[65536];

static inline bool ref_fmt1(const PropCtx *c)
{
    return c->orb.ctrl0 & ORB_CTRL0_FMT;
}

static inline bool ref_idaw1(const PropCtx *c)
{
    return !(c->orb.ctrl0 & ORB_CTRL0_C64);
}

static inline uint32_t ref_block(const PropCtx *c)
{
    return ref_idaw1(c) || (c->orb.ctrl0 & ORB_CTRL0_I2K) ? 2048 : 4096;
}

/*
 * The addresses of @count bytes designated by the IDAWs @idaw (blocks of
 * @block bytes), going down from the first IDAW for read backward.
 */
static inline void ref_idal_bytes(const uint64_t *idaw, uint32_t block,
                                  bool back, uint32_t count, uint64_t *out)
{
    uint64_t a = idaw[0];
    unsigned k = 0;

    for (uint32_t i = 0; i < count; i++) {
        out[i] = a;
        if (i + 1 == count) {
            break;
        }
        if (back) {
            a = (a & (block - 1)) == 0 ? idaw[++k] : a - 1;
        } else if ((++a & (block - 1)) == 0) {
            a = idaw[++k];
        }
    }
}

static inline bool ref_in_ram(const PropCtx *c, uint64_t a, uint64_t len)
{
    return tr_in_ram(c->t, a, len);
}

/* Direct data: every byte in guest RAM (and the address space) */
static inline bool ref_direct(const PropCtx *c, const RefElem *e)
{
    uint64_t cda = e->ccw.cda, n = e->ccw.count;
    uint64_t limit = ref_fmt1(c) ? 1ull << 31 : 1ull << 24;

    if (ccw_cmd_is_read_backward(e->cmd)) {
        if (cda + 1 < n || !ref_in_ram(c, cda + 1 - n, n)) {
            return false;
        }
        for (uint32_t i = 0; i < n; i++) {
            ref_bytes[i] = cda - i;
        }
        return true;
    }
    if (cda + n > limit || !ref_in_ram(c, cda, n)) {
        return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        ref_bytes[i] = cda + i;
    }
    return true;
}

/* IDAL data: the IDAL, each IDAW and each block part it designates */
static inline bool ref_idal(const PropCtx *c, const RefElem *e)
{
    uint32_t bs = ref_block(c), isz = ref_idaw1(c) ? 4 : 8;
    bool back = ccw_cmd_is_read_backward(e->cmd);
    uint64_t idaw[40] = { 0 }, first, off, rem = e->ccw.count;
    uint32_t n;

    if (e->ccw.cda % isz || !ref_in_ram(c, e->ccw.cda, isz)) {
        return false;
    }
    first = isz == 4 ? ldl_be_p(c->t->ram + e->ccw.cda)
                     : ldq_be_p(c->t->ram + e->ccw.cda);
    off = back ? bs - 1 - (first & (bs - 1)) : first & (bs - 1);
    n = (off + e->ccw.count + bs - 1) / bs;
    if (!ref_in_ram(c, e->ccw.cda, (uint64_t)n * isz)) {
        return false;
    }
    for (uint32_t k = 0; k < n; k++) {
        const uint8_t *p = c->t->ram + e->ccw.cda + k * isz;
        uint64_t a = isz == 4 ? ldl_be_p(p) : ldq_be_p(p);
        uint64_t in = a & (bs - 1), len;

        if ((isz == 4 && (a & 0x80000000u)) ||
            (k > 0 && in != (back ? bs - 1 : 0))) {
            return false;
        }
        len = MIN(rem, back ? in + 1 : bs - in);
        if (!ref_in_ram(c, back ? a + 1 - len : a, len)) {
            return false;
        }
        rem -= len;
        idaw[k] = a;
    }
    ref_idal_bytes(idaw, bs, back, e->ccw.count, ref_bytes);
    return true;
}

/* The rules of one non-TIC CCW reached as @pos says */
static inline RefVerdict ref_check(const PropCtx *c, const RefPos *pos,
                                   RefElem *e)
{
    const CCW1 *w = &e->ccw;

    if (w->flags & CCW_FLAG_SUSPEND) {
        return (c->orb.ctrl0 & ORB_CTRL0_SPND) && !pos->dc ? REF_SUSPEND
                                                           : REF_CHECK;
    }
    if ((!pos->dc && (w->cmd_code & 0x0f) == 0) ||
        (ref_fmt1(c) && (w->cda & 0x80000000u)) ||
        (w->count == 0 &&
         (!ref_fmt1(c) || pos->dc || (w->flags & CCW_FLAG_DC))) ||
        (w->flags & CCW_FLAG_MIDA)) {
        return REF_CHECK;
    }
    e->cmd = pos->dc ? pos->chain_cmd : w->cmd_code;
    e->has_data = w->count && e->cmd != CCW_CMD_NOOP &&
                  !((w->flags & CCW_FLAG_SKIP) && ccw_cmd_is_input(e->cmd));
    if (!e->has_data) {
        return REF_OK;
    }
    if (w->flags & CCW_FLAG_IDA) {
        return ref_idal(c, e) ? REF_OK : REF_CHECK;
    }
    return ref_direct(c, e) ? REF_OK : REF_CHECK;
}

/* Fetch from @pos (TICs followed) the next CCW the channel executes */
static inline void ref_next(const PropCtx *c, RefPos *pos, RefElem *e)
{
    *e = (RefElem){ .verdict = REF_CHECK };
    for (;;) {
        e->addr = pos->addr;
        if (pos->addr % 8 || !ref_in_ram(c, pos->addr, 8)) {
            return;
        }
        if (ref_fmt1(c)) {
            ccw1_decode(c->t->ram + pos->addr, &e->ccw);
        } else {
            ccw0_decode(c->t->ram + pos->addr, &e->ccw);
        }
        if (!ccw_cmd_is_tic(e->ccw.cmd_code)) {
            break;
        }
        if (pos->via_tic || (ref_fmt1(c) && (e->ccw.cda & 0x80000000u))) {
            return;
        }
        pos->via_tic = true;
        pos->addr = e->ccw.cda;
    }
    e->verdict = ref_check(c, pos, e);
}

/* ---- the generator ---- */

static inline uint32_t rnd(GRand *r, uint32_t n)
{
    return g_rand_int_range(r, 0, n);
}

static inline bool pct(GRand *r, uint32_t p)
{
    return rnd(r, 100) < p;
}

static inline uint32_t gen_count(GRand *r)
{
    uint32_t k = rnd(r, 100);

    return k < 4 ? 0 : k < 94 ? 1 + rnd(r, 600) : 1 + rnd(r, 9000);
}

/* A data address for @count bytes (rarely one that leaves guest RAM) */
static inline uint32_t gen_data(GRand *r, uint32_t count, bool back)
{
    uint32_t a = DATA_LO + rnd(r, TR_RAM_SIZE - DATA_LO - count - 1);

    if (pct(r, 2)) {
        a = TR_RAM_SIZE - rnd(r, 64);
    }
    return back ? a + count - (count > 0) : a;
}

static inline void gen_idal(PropCtx *c, GRand *r, uint32_t at, uint32_t count,
                            bool back)
{
    uint32_t bs = ref_block(c), isz = ref_idaw1(c) ? 4 : 8;
    uint32_t n = count / bs + 2;

    for (uint32_t k = 0; k < n && k < 40; k++) {
        uint64_t a = DATA_LO + rnd(r, TR_RAM_SIZE - DATA_LO - 2 * bs);

        if (k > 0 && !pct(r, 2)) {
            a = (a & ~(uint64_t)(bs - 1)) + (back ? bs - 1 : 0);
        }
        if (pct(r, 1)) {
            a = isz == 4 ? a | 0x80000000u : TR_RAM_SIZE + a;
        }
        if (isz == 4) {
            tr_idaw1(c->t, at + 4 * k, a);
        } else {
            tr_idaw2(c->t, at + 8 * k, a);
        }
    }
}

static const uint8_t gen_cmds[] = {
    0x03, 0x06, 0x02, 0x05, 0x01, 0x07, 0x04, 0x0c, 0x00, 0x13, 0xe4,
};

static inline void gen_ccw(PropCtx *c, GRand *r, unsigned i)
{
    uint32_t at = PA + 8 * i, count = gen_count(r), cda;
    uint8_t cmd = gen_cmds[rnd(r, sizeof(gen_cmds))], flags = 0;

    if (pct(r, 14)) {
        cmd = CCW_CMD_TIC | (pct(r, 10) ? 0xf0 : 0);
        cda = PA + 8 * rnd(r, NPOS) + (pct(r, 3) ? 4 : 0);
        flags = pct(r, 10) ? 0xff : 0;
    } else {
        flags |= pct(r, 35) ? CCW_FLAG_DC : 0;
        flags |= pct(r, 70) ? CCW_FLAG_CC : 0;
        flags |= pct(r, 10) ? CCW_FLAG_SKIP : 0;
        flags |= pct(r, 30) ? CCW_FLAG_IDA : 0;
        flags |= pct(r, 50) ? CCW_FLAG_SLI : 0;
        flags |= pct(r, 10) ? CCW_FLAG_PCI : 0;
        flags |= pct(r, 2) ? CCW_FLAG_SUSPEND : 0;
        flags |= pct(r, 1) ? CCW_FLAG_MIDA : 0;
        cda = gen_data(r, count, cmd == 0x0c);
        if (flags & CCW_FLAG_IDA) {
            cda = IDALA + 0x200 * i + (pct(r, 1) ? 2 : 0);
            gen_idal(c, r, cda, count, cmd == 0x0c);
        }
    }
    if (ref_fmt1(c)) {
        tr_ccw1(c->t, at, cmd, flags, count, cda);
    } else {
        tr_ccw0(c->t, at, cmd, flags, count, cda & 0xffffff);
    }
}

static inline void prop_generate(PropCtx *c, GRand *r)
{
    uint16_t ctrl0 = pct(r, 10) ? 0 : ORB_CTRL0_FMT;

    ctrl0 |= pct(r, 60) ? ORB_CTRL0_C64 : 0;
    ctrl0 |= (ctrl0 & ORB_CTRL0_C64) && pct(r, 30) ? ORB_CTRL0_I2K : 0;
    ctrl0 |= pct(r, 30) ? ORB_CTRL0_SPND : 0;
    c->orb = (ORB){ .intparm = 1,
                    .ctrl0 = ctrl0,
                    .lpm = 0xff,
                    .cpa = PA + 8 * rnd(r, NPOS / 4) };
    for (unsigned i = 0; i < NPOS; i++) {
        gen_ccw(c, r, i);
    }
}

#endif
