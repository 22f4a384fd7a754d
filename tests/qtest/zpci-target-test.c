/*
 * How a zpci finds its target (the bridge looks targets up in an index
 * and user-given ids in /machine/peripheral): only a plugged PCI function
 * that is not a bridge is taken, behind bridges too; "auto_" ids are the
 * functions' automatic ones; a target freed by device_del can be used
 * again.  Seen by the guest through CLP List and Query.
 */
#include "zpci-test.h"

#define BRIDGE "-device pci-bridge,chassis_nr=1,id=br,bus=pci.0,addr=0x1 "

static unsigned list_count(QTestState *s)
{
    g_assert_cmphex(clp_list(s, 0, LPCB_SIZE - 32), ==, 0x0010);
    return (qtest_readw(s, LPCB_RSP) - 32) / 16;
}

/* The config word of the function with @fid in a full List. */
static uint32_t config_of_fid(QTestState *s, uint32_t fid)
{
    unsigned n = list_count(s);

    for (unsigned i = 0; i < n; i++) {
        if (qtest_readl(s, LIST_ENTRY(i) + 8) == fid) {
            return qtest_readl(s, LIST_ENTRY(i) + 4);
        }
    }
    g_assert_not_reached();
}

/* uid of the function with @fid, or 0 when Query does not know it. */
static uint32_t uid_of_fid(QTestState *s, uint32_t fid)
{
    uint32_t fh = fh_of_fid(s, fid); /* a reserved one's may be 0 */

    if (clp_query(s, fh) != 0x0010) {
        return 0;
    }
    return qtest_readl(s, LPCB_RSP + 124);
}

/* Ids that are not PCI functions leave a zpci reserved. */
static void test_not_a_function(void)
{
    QTestState *s = start(BRIDGE
                          "-device zpci,uid=1,fid=1,target=nothing,id=z1 "
                          "-device zpci,uid=2,fid=2,target=z1 "
                          "-device zpci,uid=3,fid=3,target=br");

    g_assert_cmpuint(list_count(s), ==, 3);
    for (uint32_t fid = 1; fid <= 3; fid++) {
        g_assert_cmphex(config_of_fid(s, fid), ==, 0);
        g_assert_cmpuint(uid_of_fid(s, fid), ==, 0);
    }
    qtest_quit(s);
}

/* A zpci after its target behind a bridge, and after an "auto_" one. */
static void test_after_target(void)
{
    QTestState *s = start(BRIDGE
                          "-device pci-testfn,id=t,bus=br,addr=0x2 "
                          "-device zpci,uid=9,fid=9,target=t "
                          "-device pci-testfn,bus=pci.0,addr=0x5 "
                          "-device zpci,uid=4,fid=4,target=auto_00:05.0");

    g_assert_cmpuint(list_count(s), ==, 2);
    g_assert_cmphex(config_of_fid(s, 9), ==, 0x80000000);
    g_assert_cmpuint(uid_of_fid(s, 9), ==, 9);
    g_assert_cmphex(config_of_fid(s, 4), ==, 0x80000000);
    g_assert_cmpuint(uid_of_fid(s, 4), ==, 4);
    qtest_quit(s);
}

/* device_del frees a target: a new zpci may claim it, and gets it. */
static void test_target_reused(void)
{
    QTestState *s = start("-device zpci,uid=5,fid=5,target=x,id=z5");
    JsonObject *rsp;

    rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments': "
                       "{'driver': 'zpci', 'target': 'x', 'uid': 6}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'z5'}}");
    g_assert_cmpuint(list_count(s), ==, 0);
    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'zpci', 'target': 'x', 'uid': 6, "
                                "'fid': 6}}");
    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'pci-testfn', 'id': 'x', "
                                "'bus': 'pci.0'}}");
    g_assert_cmpuint(list_count(s), ==, 1);
    g_assert_cmpuint(uid_of_fid(s, 6), ==, 6);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-target/not-a-function", test_not_a_function);
    g_test_add_func("/zpci-target/after-target", test_after_target);
    g_test_add_func("/zpci-target/target-reused", test_target_reused);
    return g_test_run();
}
