/*
 * Unit tests of the CLP block codec, decoding side: the staged fetch and
 * its operand checks, every response code the block alone decides
 * (length, command, format, reserved fields, room for the answer), the
 * typed request, and the Set PCI Function checks.  Encoding:
 * test-clp-encode.c.
 */
#include "qemu/osdep.h"
#include "test-clp-fixture.h"

/* decode a fresh block for @g and return the status */
static ClpStatus decode(Guest *g, ClpRequest *req)
{
    g_autofree ClpBlock *b = g_new0(ClpBlock, 1);

    fetch_ok(g, b);
    return clp_decode_request(b, req);
}

static void assert_decodes_to(Guest *g, uint16_t rc, uint8_t cc)
{
    ClpRequest req;
    ClpStatus st = decode(g, &req);

    if (st.rc != rc) {
        g_test_message("got 0x%04x (%s), want 0x%04x (%s)", st.rc,
                       clp_rsp_name(st.rc), rc, clp_rsp_name(rc));
    }
    g_assert_cmphex(st.rc, ==, rc);
    g_assert_cmpuint(st.cc, ==, cc);
}

/* ------------------------------------------------------------------ */
/* fetch                                                               */

static void test_fetch_lengths(void)
{
    static const struct {
        uint16_t req, rsp;
        ClpFetchResult want;
    } cases[] = {
        { 32, 4064, CLP_FETCH_OK },
        { 16, 8, CLP_FETCH_OK },
        { 8184, 8, CLP_FETCH_OK },
        { 16, 8176, CLP_FETCH_OK },
        { 8, 32, CLP_FETCH_OPERAND }, /* request too short */
        { 0, 32, CLP_FETCH_OPERAND },
        { 36, 32, CLP_FETCH_OPERAND },  /* not a multiple of 8 */
        { 8192, 8, CLP_FETCH_OPERAND }, /* request too long */
        { 32, 0, CLP_FETCH_OPERAND },   /* response too short */
        { 32, 4, CLP_FETCH_OPERAND },
        { 32, 44, CLP_FETCH_OPERAND },   /* not a multiple of 8 */
        { 16, 8184, CLP_FETCH_OPERAND }, /* response too long */
        { 32, 8168, CLP_FETCH_OPERAND }, /* together more than 8 KiB */
        { 4096, 4104, CLP_FETCH_OPERAND },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree Guest *g = guest_new(CLP_CMD_LIST_PCI, cases[i].req,
                                        cases[i].rsp);
        g_autofree ClpBlock *b = g_new0(ClpBlock, 1);

        g_test_message("req %u rsp %u", cases[i].req, cases[i].rsp);
        g_assert_cmpint(clp_block_fetch(b, guest_read, g), ==, cases[i].want);
        if (cases[i].want == CLP_FETCH_OK) {
            g_assert_cmpuint(b->req_len, ==, cases[i].req);
            g_assert_cmpuint(b->rsp_len, ==, cases[i].rsp);
            g_assert_cmpmem(b->bytes, cases[i].req + cases[i].rsp, g->mem,
                            cases[i].req + cases[i].rsp);
        }
    }
    g_assert_true(clp_req_len_valid(32));
    g_assert_false(clp_req_len_valid(65536 + 32));
    g_assert_true(clp_rsp_len_valid(32, 4064));
    g_assert_false(clp_rsp_len_valid(8184, 16));
}

static void test_fetch_faults(void)
{
    /* the limit cuts the LPCB at each of the three reads in turn */
    static const struct {
        uint32_t limit;
        unsigned reads;
    } cases[] = { { 1, 1 }, { 33, 2 }, { 64, 3 }, { 4095, 3 } };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree Guest *g = guest_new(CLP_CMD_LIST_PCI, 32, 4064);
        g_autofree ClpBlock *b = g_new0(ClpBlock, 1);

        g->limit = cases[i].limit;
        g_assert_cmpint(clp_block_fetch(b, guest_read, g), ==, CLP_FETCH_FAULT);
        g_assert_cmpuint(g->reads, ==, cases[i].reads);
    }
}

/* ------------------------------------------------------------------ */
/* decode                                                              */

static const uint16_t commands[] = {
    CLP_CMD_LIST_PCI,
    CLP_CMD_QUERY_PCI,
    CLP_CMD_QUERY_PCI_GROUP,
    CLP_CMD_SET_PCI,
};

static void test_decode_length(void)
{
    /* operand-valid, but not a PCI request length: checked first */
    for (unsigned i = 0; i < G_N_ELEMENTS(commands); i++) {
        g_autofree Guest *a = guest_new(commands[i], 16, 4064);
        g_autofree Guest *b = guest_new(commands[i], 40, 4064);

        assert_decodes_to(a, CLP_RSP_BAD_LENGTH, 0);
        assert_decodes_to(b, CLP_RSP_BAD_LENGTH, 0);
    }
    {
        g_autofree Guest *g = guest_new(0x0077, 24, 4064);

        assert_decodes_to(g, CLP_RSP_BAD_LENGTH, 0);
    }
}

static void test_decode_command(void)
{
    static const uint16_t bad[] = { 0x0000, 0x0001, 0x0006, 0x0102, 0xffff };

    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree Guest *g = guest_new(bad[i], 32, 4064);

        assert_decodes_to(g, CLP_RSP_BAD_COMMAND, 0);
    }
}

static void test_decode_format(void)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(commands); i++) {
        for (unsigned fmt = 1; fmt < 16; fmt++) {
            g_autofree Guest *g = guest_new(commands[i], 32, 4064);

            g->mem[4] = fmt << 4;
            assert_decodes_to(g, CLP_RSP_BAD_FORMAT, 0);
            g->mem[4] |= 0x01; /* format is looked at first */
            assert_decodes_to(g, CLP_RSP_BAD_FORMAT, 0);
        }
    }
}

/*
 * Every bit of every byte from 4 to 31: reserved ones give 0x0070, the
 * fields the command uses decode fine.
 */
static void test_decode_reserved(void)
{
    /* the bytes each command uses, besides the header's first four */
    static const char *const used[] = {
        "0000000000000000 00000000 00000000 ffffffffffffffff 0000000000000000",
        "0000000000000000 00000000 00000000 ffffffff00000000 0000000000000000",
        "0000000000000000 00000000 00000000 000000ff00000000 0000000000000000",
        "0000000000000000 00000000 00000000 ffffffff0000ffff 0000000000000000",
    };

    for (unsigned c = 0; c < G_N_ELEMENTS(commands); c++) {
        uint8_t mask[CLP_PCI_REQ_LEN];

        unhex(used[c], mask, sizeof(mask));
        for (unsigned byte = 4; byte < CLP_PCI_REQ_LEN; byte++) {
            for (unsigned bit = 0; bit < 8; bit++) {
                g_autofree Guest *g = guest_new(commands[c], 32, 4064);
                uint8_t v = 1u << bit;

                if (byte == 4 && bit >= 4) {
                    continue; /* the format nibble */
                }
                g->mem[byte] = v;
                g_test_message("cmd %u byte %u bit %u", commands[c], byte, bit);
                assert_decodes_to(g,
                                  (mask[byte] & v) ? CLP_RSP_OK
                                                   : CLP_RSP_RESERVED_NOT_ZERO,
                                  0);
            }
        }
    }
}

static void test_decode_list_room(void)
{
    static const struct {
        uint16_t rsp;
        uint16_t rc;
        uint8_t cc;
        unsigned capacity;
    } cases[] = {
        { 8, CLP_RSP_NEEDS_8K, 0, 0 },    { 32, CLP_RSP_NEEDS_8K, 0, 0 },
        { 40, CLP_RSP_NEEDS_8K, 0, 0 },   { 48, CLP_RSP_OK, 0, 1 },
        { 56, CLP_RSP_BAD_LENGTH, 3, 1 }, /* half an entry left over */
        { 64, CLP_RSP_OK, 0, 2 },         { 4056, CLP_RSP_BAD_LENGTH, 3, 251 },
        { 4064, CLP_RSP_OK, 0, 252 }, /* 4 KiB LPCB: 252 entries */
        { 8160, CLP_RSP_OK, 0, 508 },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree Guest *g = guest_new(CLP_CMD_LIST_PCI, 32, cases[i].rsp);
        g_autofree ClpBlock *b = g_new0(ClpBlock, 1);
        ClpRequest req;
        ClpStatus st;

        fetch_ok(g, b);
        st = clp_decode_request(b, &req);
        g_assert_cmphex(st.rc, ==, cases[i].rc);
        g_assert_cmpuint(st.cc, ==, cases[i].cc);
        g_assert_cmpuint(clp_list_capacity(b), ==, cases[i].capacity);
    }
}

static void test_decode_room_others(void)
{
    static const struct {
        uint16_t cmd, need;
    } cases[] = {
        { CLP_CMD_QUERY_PCI, CLP_QUERY_RSP_LEN },
        { CLP_CMD_QUERY_PCI_GROUP, CLP_GROUP_RSP_LEN },
        { CLP_CMD_SET_PCI, CLP_SET_RSP_LEN },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree Guest *shrt = guest_new(cases[i].cmd, 32, cases[i].need - 8);
        g_autofree Guest *tiny = guest_new(cases[i].cmd, 32, 8);
        g_autofree Guest *fits = guest_new(cases[i].cmd, 32, cases[i].need);

        assert_decodes_to(shrt, CLP_RSP_NEEDS_8K, 0);
        assert_decodes_to(tiny, CLP_RSP_NEEDS_8K, 0);
        assert_decodes_to(fits, CLP_RSP_OK, 0);
    }
}

static void test_decode_typed(void)
{
    g_autofree Guest *l = guest_new(CLP_CMD_LIST_PCI, 32, 4064);
    g_autofree Guest *q = guest_new(CLP_CMD_QUERY_PCI, 32, 4064);
    g_autofree Guest *grp = guest_new(CLP_CMD_QUERY_PCI_GROUP, 32, 4064);
    g_autofree Guest *s = guest_new(CLP_CMD_SET_PCI, 32, 4064);
    ClpRequest req;

    unhex("0102030405060708", l->mem + 16, 8);
    g_assert_cmphex(decode(l, &req).rc, ==, CLP_RSP_OK);
    g_assert_cmpint(req.cmd, ==, CLP_CMD_LIST_PCI);
    g_assert_cmpuint(req.rsp_room, ==, 4064);
    g_assert_cmphex(req.u.list.resume_token, ==, 0x0102030405060708ull);

    unhex("80020007", q->mem + 16, 4);
    g_assert_cmphex(decode(q, &req).rc, ==, CLP_RSP_OK);
    g_assert_cmpint(req.cmd, ==, CLP_CMD_QUERY_PCI);
    g_assert_cmphex(req.u.query.fh, ==, 0x80020007);

    grp->mem[19] = 0xfe;
    g_assert_cmphex(decode(grp, &req).rc, ==, CLP_RSP_OK);
    g_assert_cmpint(req.cmd, ==, CLP_CMD_QUERY_PCI_GROUP);
    g_assert_cmphex(req.u.group.pfgid, ==, 0xfe);

    unhex("00020003 0000 01 02", s->mem + 16, 8);
    g_assert_cmphex(decode(s, &req).rc, ==, CLP_RSP_OK);
    g_assert_cmpint(req.cmd, ==, CLP_CMD_SET_PCI);
    g_assert_cmphex(req.u.set.fh, ==, 0x00020003);
    g_assert_cmpuint(req.u.set.oc, ==, CLP_SET_OC_DISABLE);
    g_assert_cmpuint(req.u.set.ndas, ==, 2);
}

static void test_set_check(void)
{
    static const struct {
        uint8_t oc, ndas;
        bool enabled;
        uint16_t rc;
    } cases[] = {
        { CLP_SET_OC_ENABLE, 1, false, CLP_RSP_OK },
        { CLP_SET_OC_ENABLE, 1, true, CLP_RSP_HANDLE_NOT_FOR_OP },
        { CLP_SET_OC_ENABLE, 0, false, CLP_RSP_BAD_DMA_SPACES },
        { CLP_SET_OC_ENABLE, 0, true, CLP_RSP_BAD_DMA_SPACES },
        { CLP_SET_OC_ENABLE, 2, false, CLP_RSP_NO_RESOURCES },
        { CLP_SET_OC_ENABLE, 255, true, CLP_RSP_NO_RESOURCES },
        { CLP_SET_OC_DISABLE, 0, true, CLP_RSP_OK },
        { CLP_SET_OC_DISABLE, 1, true, CLP_RSP_OK },
        { CLP_SET_OC_DISABLE, 1, false, CLP_RSP_HANDLE_NOT_FOR_OP },
        { CLP_SET_OC_ENABLE_MIO, 1, false, CLP_RSP_HANDLE_NOT_FOR_OP },
        { CLP_SET_OC_DISABLE_MIO, 1, true, CLP_RSP_HANDLE_NOT_FOR_OP },
        { 0x80, 1, false, CLP_RSP_HANDLE_NOT_FOR_OP },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        ClpRequest req = { .cmd = CLP_CMD_SET_PCI };

        req.u.set.oc = cases[i].oc;
        req.u.set.ndas = cases[i].ndas;
        g_assert_cmphex(clp_set_pci_check(&req, cases[i].enabled), ==,
                        cases[i].rc);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/clp-codec/fetch/lengths", test_fetch_lengths);
    g_test_add_func("/clp-codec/fetch/faults", test_fetch_faults);
    g_test_add_func("/clp-codec/decode/length", test_decode_length);
    g_test_add_func("/clp-codec/decode/command", test_decode_command);
    g_test_add_func("/clp-codec/decode/format", test_decode_format);
    g_test_add_func("/clp-codec/decode/reserved", test_decode_reserved);
    g_test_add_func("/clp-codec/decode/list-room", test_decode_list_room);
    g_test_add_func("/clp-codec/decode/room", test_decode_room_others);
    g_test_add_func("/clp-codec/decode/typed", test_decode_typed);
    g_test_add_func("/clp-codec/set-check", test_set_check);
    return g_test_run();
}
