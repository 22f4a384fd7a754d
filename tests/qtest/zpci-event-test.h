/*
 * Helpers of the zPCI event qtests: a guest's view of PCI events (the
 * CRW, CHSC store-event-information with notification type 2), SCLP
 * configure, DEVICE_DELETED.  Layouts: docs/devel/qtest-s390x.rst.
 */
#ifndef ZPCI_EVENT_TEST_H
#define ZPCI_EVENT_TEST_H

#include "zpci-test.h"

#define SEI_BLK      0x20000u /* 4 KiB CHSC block */
#define SEI_NT0      (1ull << 63)
#define SEI_NT2      (1ull << 61)
#define CRW_CSS_EVT  0x0b000000u /* rsc 0xb (css), erc 0: event pending */
#define PEC_PLUG     0x0301
#define PEC_DECONFIG 0x0303
#define PEC_GONE     0x0304
#define PEC_RESCAN   0x0306
#define PEC_RESERVED 0x0308

typedef struct SeiEvent {
    uint16_t len, code;
    uint8_t nt, flags, cc;
    uint32_t fh, fid, qual;
    uint64_t faddr;
    uint16_t pec;
} SeiEvent;

/* CHSC store event information with selection mask @ntsm. */
static inline SeiEvent sei_mask(QTestState *s, uint64_t ntsm)
{
    uint64_t rsp = SEI_BLK + 16, ccdf = rsp + 64;
    SeiEvent e;

    /* garbage where the response goes: it must be stored over */
    qtest_memset(s, SEI_BLK, 0xa5, 4096);
    qtest_writel(s, SEI_BLK, 0x0010000e);
    qtest_writel(s, SEI_BLK + 4, 0);
    qtest_writeq(s, SEI_BLK + 8, ntsm);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", SEI_BLK), ==, 0);
    e = (SeiEvent){
        .len = qtest_readw(s, rsp),
        .code = qtest_readw(s, rsp + 2),
        .nt = qtest_readb(s, rsp + 7),
        .flags = qtest_readb(s, rsp + 8),
        .cc = qtest_readb(s, rsp + 11),
        .fh = qtest_readl(s, ccdf + 4),
        .fid = qtest_readl(s, ccdf + 8),
        .qual = qtest_readl(s, ccdf + 12),
        .faddr = qtest_readq(s, ccdf + 16),
        .pec = qtest_readw(s, ccdf + 30),
    };
    if (e.code == 0x0001) {
        /* reserved bytes of the answer are zero */
        g_assert_cmphex(qtest_readl(s, rsp + 4), ==, e.nt);
        g_assert_cmphex(qtest_readb(s, rsp + 9) | qtest_readb(s, rsp + 10), ==,
                        0);
        for (unsigned i = 12; i < 64; i += 4) {
            g_assert_cmphex(qtest_readl(s, rsp + i), ==, 0);
        }
        g_assert_cmphex(qtest_readl(s, ccdf), ==, 0);
        g_assert_cmphex(qtest_readl(s, ccdf + 24), ==, 0);
        g_assert_cmphex(qtest_readw(s, ccdf + 28), ==, 0);
        g_assert_cmphex(qtest_readq(s, ccdf + 32), ==, 0);
    }
    return e;
}

/* As Linux asks: notification types 0 and 2. */
static inline SeiEvent sei(QTestState *s)
{
    return sei_mask(s, SEI_NT0 | SEI_NT2);
}

/* STORE CHANNEL REPORT WORD: the CRW, or 0 when none (cc 1). */
static inline uint32_t stcrw(QTestState *s)
{
    int cc = inst(s, "s390_stcrw 0x%x", CRW_ADDR);

    g_assert_cmpint(cc, >=, 0);
    g_assert_cmpint(cc, <=, 1);
    return cc ? 0 : qtest_readl(s, CRW_ADDR);
}

/* The next event is availability @pec for @fid / @fh; @more after it. */
static inline void expect_avail(QTestState *s, uint16_t pec, uint32_t fid,
                                uint32_t fh, bool more)
{
    SeiEvent e = sei(s);

    g_assert_cmphex(e.code, ==, 0x0001);
    g_assert_cmphex(e.len, ==, 0x0ff0);
    g_assert_cmpuint(e.nt, ==, 2);
    g_assert_cmpuint(e.cc, ==, 2);
    g_assert_cmphex(e.pec, ==, pec);
    g_assert_cmphex(e.fid, ==, fid);
    g_assert_cmphex(e.fh, ==, fh);
    g_assert_cmphex(e.faddr, ==, 0);
    g_assert_cmphex(e.flags, ==, more ? 0x80 : 0);
}

/* No event waits (SEI answers 0x0005) and no CRW is pending. */
static inline void expect_no_event(QTestState *s)
{
    SeiEvent e = sei(s);

    g_assert_cmphex(e.code, ==, 0x0005);
    g_assert_cmphex(e.len, ==, 8);
    g_assert_cmphex(stcrw(s), ==, 0);
}

/* A QMP command (literal JSON template) that must succeed. */
#define qmp_ok(s, ...) qtest_qmp_assert_success((s), __VA_ARGS__)

/* The next DEVICE_DELETED is for @id (NULL: an anonymous device). */
static inline void expect_deleted(QTestState *s, const char *id)
{
    JsonObject *ev = qtest_qmp_eventwait_ref(s, "DEVICE_DELETED");
    JsonObject *data = json_object_get_object_member(ev, "data");

    if (id) {
        g_assert_cmpstr(json_object_get_string_member(data, "device"), ==, id);
    } else {
        g_assert_false(json_object_has_member(data, "device"));
        g_assert_true(
            g_str_has_prefix(json_object_get_string_member(data, "path"),
                             "/machine/"));
    }
    json_object_unref(ev);
}

/* Whether /machine/peripheral/@id exists. */
static inline bool device_exists(QTestState *s, const char *id)
{
    JsonObject *rsp = qtest_qmp(
        s,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine/peripheral/%s', 'property': 'type'}}",
        id);
    bool ok = !qmp_rsp_is_err(rsp);

    json_object_unref(rsp);
    return ok;
}

/* Number of functions CLP List shows. */
static inline unsigned clp_count(QTestState *s)
{
    g_assert_cmphex(clp_list(s, 0, LPCB_SIZE - 32), ==, 0x0010);
    return (qtest_readw(s, LPCB_RSP) - 32) / 16;
}

/* The configured bit CLP List shows for @fid. */
static inline bool clp_configured(QTestState *s, uint32_t fid)
{
    unsigned n = clp_count(s);

    for (unsigned i = 0; i < n; i++) {
        if (qtest_readl(s, LIST_ENTRY(i) + 8) == fid) {
            return qtest_readl(s, LIST_ENTRY(i) + 4) >> 31;
        }
    }
    g_assert_not_reached();
}

/* The next event is an error event @pec at @faddr for @fid / @fh. */
static inline void expect_error_event(QTestState *s, uint16_t pec, uint32_t fid,
                                      uint32_t fh, uint64_t faddr)
{
    SeiEvent e = sei(s);

    g_assert_cmphex(e.code, ==, 0x0001);
    g_assert_cmphex(e.len, ==, 0x0ff0);
    g_assert_cmpuint(e.nt, ==, 2);
    g_assert_cmpuint(e.cc, ==, 1);
    g_assert_cmphex(e.pec, ==, pec);
    g_assert_cmphex(e.fid, ==, fid);
    g_assert_cmphex(e.fh, ==, fh);
    g_assert_cmphex(e.faddr, ==, faddr);
    g_assert_cmphex(e.qual, ==, 0);
    g_assert_cmphex(e.flags, ==, 0);
}

#endif
