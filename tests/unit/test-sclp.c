/*
 * Unit tests of the SCLP module over 1 MiB of guest RAM, without the
 * machine: the prefix-area check, the service signal (merging, the
 * hook, busy) and the event facility with fake event sources (masks,
 * routing, reads from several sources, selective read, variable-length
 * response).
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "exec/memory.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-event.h"

#define RAM_SIZE (1 * MiB)
#define SCCB     0x10000u

static uint8_t *ram;

typedef struct FakeSource {
    SclpEventSource src;
    uint8_t type;
    char written[64];
    unsigned nwritten;
    const char *input; /* one event of this text when pending */
} FakeSource;

static uint16_t fake_write(SclpEventSource *src, uint8_t *ebuf, uint16_t len)
{
    FakeSource *f = container_of(src, FakeSource, src);

    memcpy(f->written + f->nwritten, ebuf + SCLP_EVBUF_HEADER,
           len - SCLP_EVBUF_HEADER);
    f->nwritten += len - SCLP_EVBUF_HEADER;
    ebuf[SCLP_EVBUF_FLAGS] |= SCLP_EVBUF_ACCEPTED;
    return SCLP_RC_COMPLETE;
}

static uint16_t fake_read(SclpEventSource *src, uint8_t *buf, uint16_t room)
{
    FakeSource *f = container_of(src, FakeSource, src);
    uint16_t len = SCLP_EVBUF_HEADER + strlen(f->input);

    if (room < len) {
        return 0;
    }
    memset(buf, 0, SCLP_EVBUF_HEADER);
    stw_be_p(buf, len);
    buf[SCLP_EVBUF_TYPE] = f->type;
    memcpy(buf + SCLP_EVBUF_HEADER, f->input, len - SCLP_EVBUF_HEADER);
    src->pending = false;
    return len;
}

static const SclpEventSourceOps fake_ops_a = {
    .send_mask = SCLP_EVENT_BIT(0x1a),
    .receive_mask = SCLP_EVENT_BIT(0x1a),
    .write = fake_write,
    .read = fake_read,
};

static const SclpEventSourceOps fake_ops_b = {
    .send_mask = SCLP_EVENT_BIT(0x01),
    .receive_mask = SCLP_EVENT_BIT(0x02),
    .write = fake_write,
    .read = fake_read,
};

static void put16(uint64_t a, uint16_t v)
{
    stw_be_p(ram + a, v);
}

static uint16_t get16(uint64_t a)
{
    return lduw_be_p(ram + a);
}

static void header(uint64_t a, uint16_t len, uint8_t fc, uint8_t ctl2)
{
    memset(ram + a, 0, 64);
    put16(a, len);
    ram[a + 2] = fc;
    ram[a + 5] = ctl2;
}

/* Run a command: cc 0 and the signal; the response code */
static uint16_t run(uint32_t cmd, uint64_t a, uint32_t *param)
{
    uint32_t p;

    g_assert_cmpint(sclp_service_call(cmd, a), ==, 0);
    g_assert_true(sclp_take_service_signal(&p));
    if (param) {
        *param = p;
    }
    return get16(a + 6);
}

static void set_mask(uint32_t receive)
{
    header(SCCB, 28, 0, 0);
    put16(SCCB + 10, 4);
    stl_be_p(ram + SCCB + 12, receive);
    stl_be_p(ram + SCCB + 16, 0);
    g_assert_cmphex(run(SCLP_CMD_WRITE_EVENT_MASK, SCCB, NULL), ==, 0x0020);
}

static void test_prefix(void)
{
    const uint64_t prefix = 0x20000;
    uint32_t p;

    header(0x30000, 4096, 0, 0);
    g_assert_cmpint(sclp_service_call_cpu(SCLP_CMD_READ_CPU_INFO, prefix,
                                          prefix),
                    ==, -0x0006);
    g_assert_cmpint(sclp_service_call_cpu(SCLP_CMD_READ_CPU_INFO,
                                          prefix + 0x1ff8, prefix),
                    ==, -0x0006);
    g_assert_cmpint(sclp_service_call_cpu(SCLP_CMD_READ_CPU_INFO, 0x1000,
                                          prefix),
                    ==, -0x0006);
    g_assert_false(sclp_service_signal_pending());
    /* just past the prefix area it is an SCCB like any other */
    header(prefix + 0x2000, 4096, 0, 0);
    g_assert_cmpint(sclp_service_call_cpu(SCLP_CMD_READ_CPU_INFO,
                                          prefix + 0x2000, prefix),
                    ==, 0);
    g_assert_true(sclp_take_service_signal(&p));
    g_assert_cmphex(p, ==, prefix + 0x2000);
    g_assert_cmphex(get16(prefix + 0x2000 + 6), ==, 0x0010);
}

static unsigned hook_calls;

static void count_hook(void *opaque)
{
    g_assert_true(opaque == &hook_calls);
    hook_calls++;
}

static void test_signal(void)
{
    FakeSource a = { .src.ops = &fake_ops_a, .type = 0x1a, .input = "x" };
    uint32_t p;

    sclp_set_signal_hook(count_hook, &hook_calls);
    sclp_event_add_source(&a.src);
    hook_calls = 0;
    /* pending input of a type the guest did not enable: no signal */
    sclp_event_set_pending(&a.src, true);
    g_assert_false(sclp_service_signal_pending());
    g_assert_cmpuint(hook_calls, ==, 0);
    /* enabled: the completion says so */
    set_mask(0x00000040);
    g_assert_cmpuint(hook_calls, ==, 1);
    header(SCCB, 4096, 0, 0);
    g_assert_cmpint(sclp_service_call(SCLP_CMD_READ_SCP_INFO, SCCB), ==, 0);
    /* busy, and attention merges into the pending completion */
    g_assert_cmpint(sclp_service_call(SCLP_CMD_READ_SCP_INFO, SCCB), ==, 2);
    sclp_event_set_pending(&a.src, true);
    g_assert_cmpuint(hook_calls, ==, 3);
    g_assert_true(sclp_take_service_signal(&p));
    g_assert_cmphex(p, ==, SCCB | SCLP_SIGNAL_EVENT_PENDING);
    g_assert_false(sclp_take_service_signal(&p));
    /* attention alone does not make the SCLP busy */
    sclp_event_set_pending(&a.src, true);
    g_assert_true(sclp_service_signal_pending());
    header(SCCB, 4096, 0, 0x80);
    g_assert_cmphex(run(SCLP_CMD_READ_EVENT_DATA, SCCB, &p), ==, 0x0020);
    g_assert_cmphex(p, ==, SCCB | SCLP_SIGNAL_EVENT_PENDING);
    g_assert_cmpuint(get16(SCCB), ==, 8 + 7);
    g_assert_false(a.src.pending);
    sclp_event_remove_source(&a.src);
    sclp_set_signal_hook(NULL, NULL);
    set_mask(0);
}

static void test_routing(void)
{
    FakeSource a = { .src.ops = &fake_ops_a, .type = 0x1a, .input = "aa" };
    FakeSource b = { .src.ops = &fake_ops_b, .type = 0x01, .input = "bbb" };
    uint8_t *ev = ram + SCCB + 8;

    sclp_event_add_source(&a.src);
    sclp_event_add_source(&b.src);
    /* the SCLP's masks are the union of the sources' */
    set_mask(0x80000040);
    g_assert_cmphex(ldl_be_p(ram + SCCB + 20), ==, 0x40000040);
    g_assert_cmphex(ldl_be_p(ram + SCCB + 24), ==, 0x80000040);
    /* three buffers: 0x1a to a, 0x02 to b, then an unknown type */
    header(SCCB, 8 + 8 + 7 + 6, 0, 0);
    put16(SCCB + 8, 8);
    ev[2] = 0x1a;
    memcpy(ev + 6, "A1", 2);
    put16(SCCB + 16, 7);
    ev[8 + 2] = 0x02;
    ev[8 + 6] = 'B';
    put16(SCCB + 23, 6);
    ev[15 + 2] = 0x33;
    g_assert_cmphex(run(SCLP_CMD_WRITE_EVENT_DATA, SCCB, NULL), ==, 0x40f0);
    g_assert_cmpmem(a.written, a.nwritten, "A1", 2);
    g_assert_cmpmem(b.written, b.nwritten, "B", 1);
    g_assert_cmphex(ev[3], ==, 0x80);
    g_assert_cmphex(ev[8 + 3], ==, 0x80);
    /* a failing buffer leaves the ones after it not accepted */
    header(SCCB, 8 + 6 + 7, 0, 0);
    put16(SCCB + 8, 6);
    ev[2] = 0x44;
    put16(SCCB + 14, 7);
    ev[6 + 2] = 0x1a;
    ev[6 + 3] = 0x80;
    g_assert_cmphex(run(SCLP_CMD_WRITE_EVENT_DATA, SCCB, NULL), ==, 0x40f0);
    g_assert_cmphex(ev[6 + 3], ==, 0);
    g_assert_cmpuint(a.nwritten, ==, 2);

    /* both pending: one read returns both buffers, in attach order */
    a.src.pending = b.src.pending = true;
    header(SCCB, 4096, 0, 0x80);
    g_assert_cmphex(run(SCLP_CMD_READ_EVENT_DATA, SCCB, NULL), ==, 0x0020);
    g_assert_cmpuint(get16(SCCB), ==, 8 + 8 + 9);
    g_assert_cmphex(ram[SCCB + 5], ==, 0);
    g_assert_cmpmem(ev + 6, 2, "aa", 2);
    g_assert_cmphex(ev[8 + 2], ==, 0x01);
    g_assert_cmpmem(ev + 8 + 6, 3, "bbb", 3);
    /* selective: only b's type */
    a.src.pending = b.src.pending = true;
    header(SCCB, 4096, 1, 0);
    stl_be_p(ram + SCCB + 8, 0x80000000);
    g_assert_cmphex(run(SCLP_CMD_READ_EVENT_DATA, SCCB, NULL), ==, 0x0020);
    g_assert_cmpuint(get16(SCCB), ==, 4096); /* no variable length */
    g_assert_cmphex(ev[2], ==, 0x01);
    g_assert_true(a.src.pending);
    sclp_event_remove_source(&a.src);
    sclp_event_remove_source(&b.src);
    set_mask(0);
}

/*
 * Event buffers that leave less than a buffer header at the end of a
 * 4 KiB SCCB: a syntax error, and nothing is read past the SCCB (the
 * last byte of the page is the last one looked at; run under valgrind
 * or ASan).
 */
static void test_event_tail(void)
{
    FakeSource a = { .src.ops = &fake_ops_a, .type = 0x1a, .input = "" };
    static const uint16_t tails[] = { 1, 2, 5 };

    sclp_event_add_source(&a.src);
    for (unsigned i = 0; i < G_N_ELEMENTS(tails); i++) {
        uint16_t elen = 4096 - 8 - tails[i];

        memset(ram + SCCB, 0, 4096);
        header(SCCB, 4096, 0, 0);
        put16(SCCB + 8, elen);
        ram[SCCB + 8 + 2] = 0x1a;
        /* a length in the tail that would fit if it were read */
        put16(SCCB + 8 + elen, tails[i]);
        g_assert_cmphex(run(SCLP_CMD_WRITE_EVENT_DATA, SCCB, NULL), ==, 0x73f0);
        g_assert_cmpuint(a.nwritten, ==, 0);
    }
    sclp_event_remove_source(&a.src);
}

int main(int argc, char **argv)
{
    static MemoryRegion mr;

    g_test_init(&argc, &argv, NULL);
    ram = g_malloc0(RAM_SIZE);
    memory_region_init_ram_ptr(&mr, NULL, "ram", RAM_SIZE, ram);
    memory_region_add_subregion(get_system_memory(), 0, &mr);
    g_test_add_func("/sclp/prefix", test_prefix);
    g_test_add_func("/sclp/signal", test_signal);
    g_test_add_func("/sclp/routing", test_routing);
    g_test_add_func("/sclp/event-tail", test_event_tail);
    return g_test_run();
}
