/*
 * Shared fixture of the CCW translator tests: a guest RAM image behind a
 * CcwGuestMem accessor, and helpers that store CCWs, IDAWs and build ORBs.
 */
#ifndef TEST_CCW_XLATE_FIXTURE_H
#define TEST_CCW_XLATE_FIXTURE_H

#include "hw/vfio/ccw-xlate.h"

#define TR_RAM_SIZE (1 * MiB)

typedef struct TestRam {
    uint8_t *ram;
    uint64_t size;
    unsigned skew; /* host_ptr returns ram + gaddr + skew */
    unsigned host_calls;
    bool last_write;
    CcwGuestMem mem;
    CcwProgram *p;
} TestRam;

static inline bool tr_in_ram(const TestRam *t, uint64_t gaddr, uint64_t len)
{
    return gaddr <= t->size && len <= t->size - gaddr;
}

static inline bool tr_read(void *opaque, uint64_t gaddr, void *buf,
                           uint32_t len)
{
    TestRam *t = opaque;

    if (!tr_in_ram(t, gaddr, len)) {
        return false;
    }
    memcpy(buf, t->ram + gaddr, len);
    return true;
}

static inline void *tr_host_ptr(void *opaque, uint64_t gaddr, uint64_t len,
                                bool write)
{
    TestRam *t = opaque;

    t->host_calls++;
    t->last_write = write;
    if (!tr_in_ram(t, gaddr, len)) {
        return NULL;
    }
    return t->ram + gaddr + t->skew;
}

static inline void tr_setup(TestRam *t, gconstpointer data)
{
    void *ram = NULL;

    if (posix_memalign(&ram, 4096, TR_RAM_SIZE + 4096) != 0) {
        g_error("out of memory");
    }
    memset(ram, 0, TR_RAM_SIZE + 4096);
    *t = (TestRam){ .ram = ram, .size = TR_RAM_SIZE };
    t->mem = (CcwGuestMem){ tr_read, tr_host_ptr, t };
    t->p = ccw_prog_new();
}

static inline void tr_teardown(TestRam *t, gconstpointer data)
{
    ccw_prog_free(t->p);
    free(t->ram);
}

static inline void tr_ccw1(TestRam *t, uint32_t addr, uint8_t cmd,
                           uint8_t flags, uint16_t count, uint32_t cda)
{
    CCW1 c = { cmd, flags, count, cda };

    ccw1_encode(&c, t->ram + addr);
}

static inline void tr_ccw0(TestRam *t, uint32_t addr, uint8_t cmd,
                           uint8_t flags, uint16_t count, uint32_t cda)
{
    uint8_t *b = t->ram + addr;

    b[0] = cmd;
    b[1] = cda >> 16;
    b[2] = cda >> 8;
    b[3] = cda;
    b[4] = flags;
    b[5] = 0xff; /* ignored */
    b[6] = count >> 8;
    b[7] = count;
}

static inline void tr_idaw1(TestRam *t, uint32_t addr, uint32_t v)
{
    v = GUINT32_TO_BE(v);
    memcpy(t->ram + addr, &v, 4);
}

static inline void tr_idaw2(TestRam *t, uint32_t addr, uint64_t v)
{
    v = GUINT64_TO_BE(v);
    memcpy(t->ram + addr, &v, 8);
}

static inline ORB tr_orb(uint32_t cpa, uint16_t ctrl0)
{
    /* @ctrl0 bits toggle the defaults: passing ORB_CTRL0_FMT selects format 0 */
    return (ORB){ .intparm = 0x12345678,
                  .ctrl0 = ORB_CTRL0_FMT ^ ctrl0,
                  .lpm = 0xff,
                  .cpa = cpa };
}

static inline const CcwXlateResult *tr_xlate(TestRam *t, uint32_t cpa,
                                             uint16_t ctrl0)
{
    ORB orb = tr_orb(cpa, ctrl0);

    return ccw_xlate_program(t->p, &orb, &t->mem);
}

static inline CCW1 tr_slot(const TestRam *t, uint32_t i)
{
    CCW1 c;

    g_assert_cmpuint(i, <, ccw_prog_nr_slots(t->p));
    ccw1_decode(ccw_prog_buffer(t->p) + i * CCW_PROG_CCW_SIZE, &c);
    return c;
}

static inline uint64_t tr_entry(const TestRam *t, uint32_t i)
{
    uint64_t e;

    memcpy(&e, ccw_prog_buffer(t->p) + CCW_PROG_ENTRY_AREA + 8 * i, 8);
    return e;
}

/* The ORB of the request for the host */
static inline ORB tr_host_orb(const TestRam *t)
{
    struct ccw_prog_request req;
    ORB o;

    ccw_prog_fill_request(t->p, &req);
    orb_decode(req.orb, &o);
    return o;
}

/* The result recorded for stop slot @slot (which must be one) */
static inline const CcwXlateResult *tr_stop(const TestRam *t, uint32_t slot)
{
    const CcwXlateResult *r = ccw_prog_stop_result(t->p, (slot + 1) * 8);

    g_assert_nonnull(r);
    g_assert_cmpuint(r->stop_slot, ==, slot);
    return r;
}

static inline uint64_t tr_host(const TestRam *t, uint64_t gaddr)
{
    return (uintptr_t)(t->ram + gaddr);
}

/*
 * Assert the program (or a status-modifier path: @res from tr_stop())
 * stopped with @st/@r at @gaddr, a NOOP in the stop slot
 */
static inline void tr_assert_stop(const TestRam *t, const CcwXlateResult *res,
                                  CcwXlateStatus st, CcwXlateReason r,
                                  uint32_t gaddr)
{
    const CcwXlateResult *rec;
    CCW1 c;

    g_assert_cmpint(res->status, ==, st);
    g_assert_cmpstr(ccw_xlate_reason_str(res->reason), ==,
                    ccw_xlate_reason_str(r));
    g_assert_cmphex(res->stop_gaddr, ==, gaddr);
    g_assert_cmphex(res->cpa, ==, gaddr + 8);
    rec = tr_stop(t, res->stop_slot);
    g_assert_cmpint(rec->status, ==, res->status);
    g_assert_cmpint(rec->reason, ==, res->reason);
    g_assert_cmphex(rec->stop_gaddr, ==, res->stop_gaddr);
    g_assert_cmphex(rec->cstat, ==, res->cstat);
    c = tr_slot(t, res->stop_slot);
    g_assert_cmphex(c.cmd_code, ==, CCW_CMD_NOOP);
    g_assert_cmphex(c.flags, ==, 0);
    g_assert_cmphex(ccw_prog_cpa_to_guest(t->p, (res->stop_slot + 1) * 8), ==,
                    gaddr + 8);
    g_assert_true(ccw_prog_reached_stop(t->p, (res->stop_slot + 1) * 8));
}

#define TR_ADD(path, fn)                                                       \
    g_test_add(path, TestRam, NULL, tr_setup, fn, tr_teardown)

#endif
