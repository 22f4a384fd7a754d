/*
 * CALL LOGICAL PROCESSOR for PCI through the qtest s390x extension
 * (s390_clp ADDR): List with resume tokens, Query PCI Function, Query
 * PCI Function Group, Set PCI Function, and the architected response
 * codes, condition codes and program exceptions.
 */
#include "zpci-test.h"

#define THREE                                                                  \
    "-device pci-testfn,bus=pci.0 -device pci-testfn,bus=pci.0 "               \
    "-device pci-testfn,bus=pci.0"

static void test_list_resume(void)
{
    QTestState *s = start(THREE);
    uint64_t token;

    /* room for one entry: the token names the next function */
    g_assert_cmphex(clp_list(s, 0, 48), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP), ==, 48);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 8), ==, 0);
    token = qtest_readq(s, LPCB_RSP + 16);
    g_assert_cmphex(token, ==, 1);
    g_assert_cmphex(qtest_readl(s, LPCB_RSP + 24), ==, 0x00ff0000); /* mdd */
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 28), ==, 4096);      /* max_fn */
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 30), ==, 0x01); /* uid chk */
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 31), ==, 16);

    g_assert_cmphex(clp_list(s, token, 64), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP), ==, 64);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 8), ==, 1);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(1) + 8), ==, 2);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 16), ==, 0); /* complete */

    g_assert_cmphex(clp_list(s, 0x1234, 64), ==, 0x010a);
    qtest_quit(s);
}

static void test_list_lengths(void)
{
    QTestState *s = start(THREE);
    int cc;

    /* not whole entries: response code 0x0050 with condition code 3 */
    clp_request(s, CLP_LIST, NULL, 56);
    g_assert_cmphex(clp_run(s, &cc), ==, 0x0050);
    g_assert_cmpint(cc, ==, 3);
    /* no room for one entry */
    clp_request(s, CLP_LIST, NULL, 32);
    g_assert_cmphex(clp_run(s, &cc), ==, 0x0060);
    g_assert_cmpint(cc, ==, 0);
    /* request length not 32 */
    clp_request(s, CLP_LIST, NULL, 64);
    qtest_writew(s, LPCB, 40);
    qtest_writew(s, LPCB + 40, 64);
    g_assert_cmpint(inst(s, "s390_clp 0x%x", LPCB), ==, 0);
    g_assert_cmphex(qtest_readw(s, LPCB + 42), ==, 0x0050);
    /* unknown command */
    clp_request(s, 0x0009, NULL, 64);
    g_assert_cmphex(clp_run(s, NULL), ==, 0x0020);
    /* lengths that make an operand exception */
    clp_request(s, CLP_LIST, NULL, 64);
    qtest_writew(s, LPCB, 12);
    g_assert_cmpint(inst(s, "s390_clp 0x%x", LPCB), ==, -PGM_OPERAND);
    clp_request(s, CLP_LIST, NULL, 8180);
    g_assert_cmpint(inst(s, "s390_clp 0x%x", LPCB), ==, -PGM_OPERAND);
    /* an LPCB outside guest storage */
    g_assert_cmpint(inst(s, "s390_clp 0x%x", 0x8000000u), ==, -PGM_ADDRESSING);
    qtest_quit(s);
}

static void test_query(void)
{
    QTestState *s = start(
        "-device zpci,uid=7,fid=0x42,target=t -device pci-testfn,id=t,bus=pci.0,addr=0x3");
    uint32_t fh = fh_of_fid(s, 0x42);

    g_assert_cmphex(fh, ==, FH_EMUL);
    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19), ==, 0xff); /* pfgid */
    g_assert_cmphex(qtest_readl(s, LPCB_RSP + 20), ==, 0x42);
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 24), ==, 12); /* 4 KiB */
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 25), ==, 0);
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 26), ==, 12);
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 28), ==, 16); /* 64 KiB */
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, 0x100000000ull);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x1ffffffffffffffull);
    g_assert_cmpuint(qtest_readl(s, LPCB_RSP + 124), ==, 7);
    /* handles must match exactly */
    g_assert_cmphex(clp_query(s, fh | FH_ENABLED), ==, 0x0101);
    g_assert_cmphex(clp_query(s, 0x00020005), ==, 0x0101);
    qtest_quit(s);
}

static void test_query_group(void)
{
    QTestState *s = start(NULL);
    uint8_t body[16] = { [3] = 0xff };

    clp_request(s, CLP_GROUP, body, 64);
    g_assert_cmphex(clp_run(s, NULL), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 16) & 0xfff, ==, 128); /* noi */
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19), ==, 0x01);  /* refresh */
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 20), ==, 128);  /* maxstbl */
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 22), ==, 4000); /* mui */
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 24), ==, 0x40);  /* dtsm */
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 40), ==, 0xfe00000000000000ull);
    body[3] = 1;
    clp_request(s, CLP_GROUP, body, 64);
    g_assert_cmphex(clp_run(s, NULL), ==, 0x010b);
    qtest_quit(s);
}

static void test_set(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = fh_of_fid(s, 0), efh;

    g_assert_cmphex(clp_handle_cmd(s, CLP_SET, fh, 0, 0, 32), ==, 0x0103);
    g_assert_cmphex(clp_handle_cmd(s, CLP_SET, fh, 0, 2, 32), ==, 0x0104);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0102); /* not enabled */
    g_assert_cmphex(clp_set(s, fh, 0), ==, 0x0010);
    efh = qtest_readl(s, LPCB_RSP + 16);
    g_assert_cmphex(efh, ==, fh | FH_ENABLED);
    g_assert_cmphex(fh_of_fid(s, 0), ==, efh);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0101);  /* stale handle */
    g_assert_cmphex(clp_set(s, efh, 0), ==, 0x0102); /* enabled already */
    g_assert_cmphex(clp_query(s, efh), ==, 0x0010);
    g_assert_cmphex(clp_set(s, efh, 1), ==, 0x0010);
    g_assert_cmphex(qtest_readl(s, LPCB_RSP + 16), ==, fh);
    /* a system reset disables an enabled function */
    g_assert_cmphex(clp_set(s, fh, 0), ==, 0x0010);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    g_assert_cmphex(fh_of_fid(s, 0), ==, fh);
    qtest_quit(s);
}

/*
 * An LPCB that would wrap at 2^64: an addressing exception.  A regression
 * guard, not a test of clp-insn.c's wrap checks: the header (offset 0) is
 * checked first and is never in guest storage this high, so those checks
 * are defensive.  It fails if a refactor stops checking the block's
 * address against guest storage or lets an address wrap round into it.
 */
static void test_lpcb_wrap(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");

    g_assert_cmpint(inst(s, "s390_clp 0xfffffffffffffff0"), ==,
                    -PGM_ADDRESSING);
    g_assert_cmpint(inst(s, "s390_clp 0xffffffffffffffe0"), ==,
                    -PGM_ADDRESSING);
    g_assert_cmpint(inst(s, "s390_clp 0xfffffffffffff000"), ==,
                    -PGM_ADDRESSING);
    qtest_quit(s);
}

/*
 * After the handle indexes wrap round, a function with index 0 may come
 * after another in the list: its resume token must not read as "list
 * complete" (0).
 */
static void test_list_token_index0(void)
{
    QTestState *s = start("-device zpci,target=t0,id=z0 "
                          "-device zpci,target=t1,id=z1");
    const unsigned n = 0x10000 - 2; /* indexes 2 .. 65535 */
    uint64_t token;

    /* pipelined in batches (replies are read before the pipes fill) */
    for (unsigned done = 0; done < n;) {
        unsigned batch = MIN(n - done, 128);

        for (unsigned i = 0; i < batch; i++) {
            qtest_qmp_send(s,
                           "{'execute': 'device_add', 'arguments': "
                           "{'driver': 'zpci', 'target': 'x', "
                           "'id': 'w%u'}}",
                           done + i);
            qtest_qmp_send(s,
                           "{'execute': 'device_del', 'arguments': "
                           "{'id': 'w%u'}}",
                           done + i);
        }
        for (unsigned i = 0; i < 2 * batch; i++) {
            json_object_unref(qtest_qmp_receive(s));
        }
        done += batch;
    }
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'z0'}}");
    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'zpci', 'target': 't2'}}");
    /* the list: z1 (index 1), the new one (index 0) */
    g_assert_cmphex(clp_list(s, 0, 48), ==, 0x0010);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 12) & 0xffff, ==, 1);
    token = qtest_readq(s, LPCB_RSP + 16);
    g_assert_cmphex(token, !=, 0);
    g_assert_cmphex(clp_list(s, token, 48), ==, 0x0010);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 12) & 0xffff, ==, 0);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 16), ==, 0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-clp/list-resume", test_list_resume);
    g_test_add_func("/zpci-clp/list-lengths", test_list_lengths);
    g_test_add_func("/zpci-clp/query", test_query);
    g_test_add_func("/zpci-clp/query-group", test_query_group);
    g_test_add_func("/zpci-clp/set", test_set);
    g_test_add_func("/zpci-clp/list-token-index0", test_list_token_index0);
    g_test_add_func("/zpci-clp/lpcb-wrap", test_lpcb_wrap);
    return g_test_run();
}
