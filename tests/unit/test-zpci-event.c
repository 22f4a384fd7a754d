/*
 * Unit tests of the zPCI event queue: FIFO order, the "more" flag, one
 * CRW per batch, the bound (coalescing into one rescan event), and the
 * ccdf layouts Linux reads.
 */
#include "qemu/osdep.h"
#include "hw/s390x/zpci-event.h"

static ZpciEvent avail(uint16_t pec, uint32_t fid)
{
    return (ZpciEvent){
        .cc = ZPCI_EVENT_CC_AVAIL,
        .pec = pec,
        .fh = 0x00020000 | fid,
        .fid = fid,
    };
}

static void test_fifo(void)
{
    ZpciEventQueue q;
    ZpciEvent a = avail(0x0301, 1), b = avail(0x0303, 2), got;
    bool more = false;

    zpci_event_queue_init(&q);
    g_assert_false(zpci_event_queue_take(&q, &got, &more));
    /* the first event is announced, the second rides on that CRW */
    g_assert_true(zpci_event_queue_push(&q, &a));
    g_assert_false(zpci_event_queue_push(&q, &b));
    g_assert_true(zpci_event_queue_take(&q, &got, &more));
    g_assert_cmphex(got.pec, ==, 0x0301);
    g_assert_cmphex(got.fid, ==, 1);
    g_assert_true(more);
    /* not emptied yet: still no new CRW */
    g_assert_false(zpci_event_queue_push(&q, &a));
    g_assert_true(zpci_event_queue_take(&q, &got, &more));
    g_assert_cmphex(got.pec, ==, 0x0303);
    g_assert_true(more);
    g_assert_true(zpci_event_queue_take(&q, &got, &more));
    g_assert_false(more);
    /* emptied: the next event gets its own CRW */
    g_assert_true(zpci_event_queue_push(&q, &b));
    g_assert_cmpuint(q.lost, ==, 0);
}

/* Past the bound everything becomes one rescan event; none is lost twice */
static void test_bound(void)
{
    ZpciEventQueue q;
    ZpciEvent ev, got;
    bool more = true;
    unsigned n = 0;

    zpci_event_queue_init(&q);
    for (unsigned i = 0; i < 10 * ZPCI_EVENT_QUEUE_CAP; i++) {
        ev = i % 2 ? avail(0x0303, i)
                   : (ZpciEvent){ .cc = ZPCI_EVENT_CC_ERROR,
                                  .pec = 0x0007,
                                  .fid = i };
        zpci_event_queue_push(&q, &ev);
        g_assert_cmpuint(q.len, <=, ZPCI_EVENT_QUEUE_CAP);
    }
    g_assert_cmpuint(q.len, ==, ZPCI_EVENT_QUEUE_CAP);
    g_assert_cmpuint(q.lost, ==, 9 * ZPCI_EVENT_QUEUE_CAP + 1);
    while (zpci_event_queue_take(&q, &got, &more)) {
        if (n < ZPCI_EVENT_QUEUE_CAP - 1) {
            g_assert_cmpuint(got.fid, ==, n); /* the oldest kept, in order */
        }
        n++;
    }
    g_assert_cmpuint(n, ==, ZPCI_EVENT_QUEUE_CAP);
    g_assert_cmpuint(got.cc, ==, ZPCI_EVENT_CC_AVAIL);
    g_assert_cmphex(got.pec, ==, ZPCI_PEC_RESCAN);
    g_assert_cmphex(got.fid, ==, 0);
    g_assert_cmphex(got.fh, ==, 0);
    g_assert_false(more);
    g_assert_false(q.reported);

    /* once below CAP - 1 again, a new event queues behind the rescan */
    for (unsigned i = 0; i < ZPCI_EVENT_QUEUE_CAP; i++) {
        ev = avail(0x0301, i);
        zpci_event_queue_push(&q, &ev);
    }
    g_assert_true(zpci_event_queue_take(&q, &got, &more));
    ev = avail(0x0308, 77);
    zpci_event_queue_push(&q, &ev); /* CAP - 1 wait: absorbed */
    g_assert_cmpuint(q.len, ==, ZPCI_EVENT_QUEUE_CAP - 1);
    g_assert_true(zpci_event_queue_take(&q, &got, &more));
    zpci_event_queue_push(&q, &ev);
    g_assert_cmpuint(q.len, ==, ZPCI_EVENT_QUEUE_CAP - 1);
    while (zpci_event_queue_take(&q, &got, &more)) {
        n = got.fid;
    }
    g_assert_cmphex(got.pec, ==, 0x0308);
    g_assert_cmpuint(n, ==, 77);
}

static void test_ccdf(void)
{
    static const uint8_t want_err[ZPCI_EVENT_CCDF_SIZE] = {
        0,    0,    0,    0,    0x80, 0x02, 0x00, 0x05, /* fh */
        0x12, 0x34, 0x56, 0x78, 0,    0,    0,    0,    /* fid, qual */
        0,    0,    0,    0x01, 0x00, 0x00, 0x10, 0x00, /* faddr */
        0,    0,    0,    0,    0,    0,    0x00, 0x02, /* pec */
    };
    static const uint8_t want_avail[ZPCI_EVENT_CCDF_SIZE] = {
        0,    0, 0, 0, 0x00, 0x02, 0x00, 0x05, 0x12, 0x34, 0x56,
        0x78, 0, 0, 0, 0,    0,    0,    0,    0,    0,    0,
        0,    0, 0, 0, 0,    0,    0,    0,    0x03, 0x01,
    };
    ZpciEvent err = {
        .cc = ZPCI_EVENT_CC_ERROR,
        .pec = 0x0002,
        .fh = 0x80020005,
        .fid = 0x12345678,
        .faddr = 0x100001000ull,
    };
    ZpciEvent av = avail(0x0301, 0);
    uint8_t ccdf[ZPCI_EVENT_CCDF_SIZE];

    memset(ccdf, 0xee, sizeof(ccdf));
    zpci_event_encode_ccdf(&err, ccdf);
    g_assert_cmpmem(ccdf, sizeof(ccdf), want_err, sizeof(want_err));
    av.fh = 0x00020005;
    av.fid = 0x12345678;
    av.faddr = 0xdead; /* not part of an availability ccdf */
    memset(ccdf, 0xee, sizeof(ccdf));
    zpci_event_encode_ccdf(&av, ccdf);
    g_assert_cmpmem(ccdf, sizeof(ccdf), want_avail, sizeof(want_avail));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-event/fifo", test_fifo);
    g_test_add_func("/zpci-event/bound", test_bound);
    g_test_add_func("/zpci-event/ccdf", test_ccdf);
    return g_test_run();
}
