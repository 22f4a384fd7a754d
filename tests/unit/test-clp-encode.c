/*
 * Unit tests of the CLP block codec, encoding side: every answer
 * byte-exact against hand-computed big-endian blocks (a response area
 * the guest left dirty, to see what is cleared), the bare response
 * codes of error answers, and the response code names.
 */
#include "test-clp-fixture.h"

/* a fetched block whose response area is filled with 0xaa */
static ClpBlock *dirty_block(uint16_t cmd, uint16_t rsp_len)
{
    g_autofree Guest *g = guest_new(cmd, 32, rsp_len);
    ClpBlock *b = g_new0(ClpBlock, 1);

    memset(g->mem + 34, 0xaa, rsp_len - 2);
    fetch_ok(g, b);
    return b;
}

static void test_encode_rc(void)
{
    static const uint16_t codes[] = {
        CLP_RSP_BAD_HANDLE,     CLP_RSP_BAD_RESUME_TOKEN,
        CLP_RSP_BAD_PFGID,      CLP_RSP_HANDLE_NOT_FOR_OP,
        CLP_RSP_BAD_DMA_SPACES, CLP_RSP_NO_RESOURCES,
        CLP_RSP_BAD_COMMAND,
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(codes); i++) {
        g_autofree ClpBlock *b = dirty_block(CLP_CMD_SET_PCI, 64);
        uint8_t want[64];

        memset(want, 0xaa, sizeof(want));
        unhex("0040", want, 2); /* length left as given */
        stw_be_p(want + 2, codes[i]);
        clp_encode_rc(b, codes[i]);
        g_assert_cmpmem(clp_rsp(b), 64, want, 64);
    }
}

static void test_encode_list(void)
{
    static const ClpListEntry entries[] = {
        { 0x1044, 0x1af4, true, 0x00000000, 0x80020001 },
        { 0x1014, 0xabcd, false, 0x00000027, 0x00010002 },
    };
    static const ClpListInfo info = { ZPCI_FH_SHM, 4096, true };
    g_autofree ClpBlock *b = dirty_block(CLP_CMD_LIST_PCI, 80);
    uint8_t want[80] = { 0 };

    unhex("0040 0010 00000000 0000000000000000"   /* header: 64 bytes */
          "0000000000000003"                      /* resume token */
          "00ff0000 1000 01 10"                   /* mdd max_fn flags esz */
          "1044 1af4 80000000 00000000 80020001"  /* entry 0 */
          "1014 abcd 00000000 00000027 00010002", /* entry 1 */
          want, 64);
    g_assert_cmpuint(clp_list_capacity(b), ==, 3);
    clp_encode_list(b, &info, entries, 2, 3);
    g_assert_cmpmem(clp_rsp(b), 80, want, 80);
    g_assert_cmphex(lduw_be_p(b->bytes + 2), ==, CLP_CMD_LIST_PCI);

    /* an empty list, complete */
    clp_encode_list(b, &(ClpListInfo){ 0, 4096, false }, NULL, 0, 0);
    memset(want, 0, sizeof(want));
    unhex("0020 0010", want, 4);
    want[28] = 0x10;
    want[31] = 0x10;
    g_assert_cmpmem(clp_rsp(b), 80, want, 80);
}

static void test_encode_query(void)
{
    ClpFunctionInfo f = {
        .vfn = 0x0102,
        .util_str_valid = true,
        .pfgid = 0x07,
        .fid = 0x11223344,
        .bar_size = { 14, 0, 20, 0, 0, 0 },
        .pchid = 0x01c0,
        .bar = { 0xfe000004, 0, 0xfd00000c, 0x12, 0, 0 },
        .pfip = { 1, 2, 3, 4 },
        .fmb_len = 0x48,
        .pft = 0x0b,
        .sdma = 0x100000000ull,
        .edma = 0x1ffffffffffull,
        .uid = 0x0033,
    };
    g_autofree ClpBlock *b = dirty_block(CLP_CMD_QUERY_PCI, 200);
    uint8_t want[200] = { 0 };

    memcpy(f.util_str, "test function", 13);
    unhex(
        "00c8 0010 00000000 0000000000000000" /* len as given: 200 */
        "0102 01 07 11223344 0e 00 14 00 00 00 01c0040000fe 00000000 0c0000fd 12000000 00000000 00000000"
        "01020304 0000 48 0b0000000100000000 000001ffffffffff",
        want, 80);
    stl_be_p(want + 124, 0x33);
    memcpy(want + 128, "test function", 13);
    clp_encode_query_pci(b, &f);
    g_assert_cmpmem(clp_rsp(b), 200, want, 200);
}

static void test_encode_group(void)
{
    ClpGroupInfo grp = {
        .noi = 0xf123,
        .version = 1,
        .frame = false,
        .refresh = true,
        .maxstbl = 0xe800,
        .mui = 1000,
        .dtsm = 0x40,
        .dasm = 0x00ffffffffffffffull,
        .msia = 0xfe00000000000000ull,
    };
    g_autofree ClpBlock *b = dirty_block(CLP_CMD_QUERY_PCI_GROUP, 64);
    uint8_t want[64] = { 0 };

    unhex(
        "0040 0010 00000000 00000000000000000123 01 01 0800 03e8 40 00000000000000" /* noi, maxstbl masked */
        "00ffffffffffffff fe000000000000000000000000000000 0000000000000000",
        want, 64);
    clp_encode_query_group(b, &grp);
    g_assert_cmpmem(clp_rsp(b), 64, want, 64);

    grp.frame = true;
    grp.refresh = false;
    clp_encode_query_group(b, &grp);
    g_assert_cmphex(clp_rsp(b)[19], ==, CLP_GROUP_FLAG_FRAME);
    /* relaxed translation allowed: Linux's rtr, 0x20 of byte 19 */
    grp.rtr = true;
    clp_encode_query_group(b, &grp);
    g_assert_cmphex(clp_rsp(b)[19], ==, 0x20 | CLP_GROUP_FLAG_FRAME);
}

static void test_encode_set(void)
{
    g_autofree ClpBlock *b = dirty_block(CLP_CMD_SET_PCI, 4064);
    uint8_t want[32] = { 0 };

    unhex(
        "0fe0 0010 00000000 000000000000000080020005 00000000 0000000000000000",
        want, 32);
    clp_encode_set_pci(b, 0x80020005);
    g_assert_cmpmem(clp_rsp(b), 32, want, 32);
    for (int i = 32; i < 4064; i++) {
        g_assert_cmphex(clp_rsp(b)[i], ==, 0);
    }
}

static void test_rsp_names(void)
{
    static const uint16_t codes[] = {
        0x0010, 0x0020, 0x0030, 0x0040, 0x0050, 0x0060, 0x0070,
        0x0080, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104, 0x0105,
        0x0106, 0x0107, 0x0108, 0x010a, 0x010b,
    };
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (unsigned i = 0; i < G_N_ELEMENTS(codes); i++) {
        const char *name = clp_rsp_name(codes[i]);

        g_assert_cmpstr(name, !=, clp_rsp_name(0x0109));
        g_assert_false(g_hash_table_contains(seen, name));
        g_hash_table_add(seen, (gpointer)name);
    }
    g_assert_cmpstr(clp_rsp_name(CLP_RSP_OK), ==, "OK");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/clp-codec/encode/rc", test_encode_rc);
    g_test_add_func("/clp-codec/encode/list", test_encode_list);
    g_test_add_func("/clp-codec/encode/query", test_encode_query);
    g_test_add_func("/clp-codec/encode/group", test_encode_group);
    g_test_add_func("/clp-codec/encode/set", test_encode_set);
    g_test_add_func("/clp-codec/rsp-names", test_rsp_names);
    return g_test_run();
}
