/*
 * Channel subsystem: where devices are placed and what the guest sees --
 * MCSS-E and MSS enabled by CHSC set-domain-attributes, s390-map-css for
 * pass-through devices (ccw-testdev hostid=), device-number errors.
 * Rules: docs/system/s390x/css.rst.
 */
#include "css-test.h"

/* A device in css 1 and one in set 1 appear once MCSS-E / MSS are on. */
static void test_mcsse_mss(void)
{
    QTestState *s = start(
        "-device ccw-testdev,devno=1.0.0042 -device ccw-testdev,devno=fe.1.0007 "
        "-device ccw-testdev,devno=fe.0.0001");

    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0001);
    g_assert_cmpint(inst(s, "s390_stsch 0x01090000 0x%x", SCHIB_ADDR), ==,
                    -PGM_OPERAND);
    g_assert_cmpint(inst(s, "s390_stsch 0x00030000 0x%x", SCHIB_ADDR), ==, 3);
    sda(s, 0x0000);
    g_assert_cmpint(inst(s, "s390_stsch 0x01090000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0042);
    g_assert_cmpint(inst(s, "s390_stsch 0xfe090000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0001);
    g_assert_cmpint(inst(s, "s390_stsch 0x02090000 0x%x", SCHIB_ADDR), ==, 3);
    g_assert_cmpint(inst(s, "s390_stsch 0x00030000 0x%x", SCHIB_ADDR), ==, 3);
    sda(s, 0x0002);
    g_assert_cmpint(inst(s, "s390_stsch 0x00030000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x0007);
    /* a system reset takes the guest's enablements back */
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    g_assert_cmpint(inst(s, "s390_stsch 0x00030000 0x%x", SCHIB_ADDR), ==, 3);
    qtest_quit(s);
}

static gchar *qom_str(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gchar *str = g_strdup(json_node_get_string(n));

    json_node_unref(n);
    return str;
}

static void test_map_css(void)
{
    QTestState *s = start(
        "-machine s390-map-css=on -device ccw-testdev,id=p,hostid=1.0.1234 "
        "-device ccw-testdev,id=q,hostid=2.1.0077,devno=fe.0.0099");
    g_autofree char *p = qom_str(s, "/machine/peripheral/p", "dev_id");
    g_autofree char *q = qom_str(s, "/machine/peripheral/q", "dev_id");

    g_assert_cmpstr(p, ==, "fe.0.1234");
    g_assert_cmpstr(q, ==, "fe.0.0099");
    /* visible without MCSS-E, as css 0 */
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x1234);
    qtest_quit(s);

    s = start("-device ccw-testdev,id=p,hostid=1.0.1234");
    g_free(p);
    p = qom_str(s, "/machine/peripheral/p", "dev_id");
    g_assert_cmpstr(p, ==, "1.0.1234");
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==, 3);
    sda(s, 0x0000);
    g_assert_cmpint(inst(s, "s390_stsch 0x01090000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB_ADDR + 6), ==, 0x1234);
    qtest_quit(s);
}

static void expect_start_error(const char *args, const char *text)
{
    g_autofree char *full =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults -display none %s",
                        args);
    g_autofree char *err = NULL;

    g_free(qtest_run_cmdline(full, &(int){ 0 }, &err));
    g_assert_nonnull(strstr(err, text));
}

static void test_placement_errors(void)
{
    expect_start_error(
        "-device ccw-testdev,devno=fe.0.0001 -device ccw-testdev,devno=fe.0.0001",
        "qemu-system-s390x: -device ccw-testdev,devno=fe.0.0001: Device fe.0.0001 already exists");
    expect_start_error("-device ccw-testdev,devno=fe.4.0001",
                       "Invalid cssid or ssid: cssid fe, ssid 4");
    expect_start_error(
        "-machine s390-map-css=on -device ccw-testdev,hostid=0.0.1234 -device ccw-testdev,hostid=1.0.1234",
        "hostid=1.0.1234: Device fe.0.1234 already exists");
    expect_start_error(
        "-machine s390-map-css=on -device ccw-testdev,hostid=0.0.1234,devno=0.0.1234",
        "with s390-map-css=on the guest id must be in css fe");
    expect_start_error(
        "-device ccw-testdev,hostid=0.0.1234,devno=1.0.1234",
        "with s390-map-css=off the guest id must be in the host's css 0, not 1");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/css/mcsse-mss", test_mcsse_mss);
    g_test_add_func("/css/map-css", test_map_css);
    g_test_add_func("/css/placement-errors", test_placement_errors);
    return g_test_run();
}
