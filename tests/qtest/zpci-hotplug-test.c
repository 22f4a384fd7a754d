/*
 * zPCI hot-plug and hot-unplug as a Linux guest follows them: a plugged
 * function is announced (CRW, CHSC SEI: PEC 0x0301 with its fid and
 * handle), listed and usable; device_del of a configured function asks
 * the guest (0x0303) and completes when the guest SCLP-deconfigures it
 * (0x0308, DEVICE_DELETED for the PCI device and its zpci) or at system
 * reset; standby and reserved functions go at once.  SCLP configure /
 * deconfigure by fid and their response codes.
 */
#include <inttypes.h>
#include <unistd.h>

#include "cmdline-test.h"
#include "zpci-event-test.h"

#define ADD_TF(id)                                                             \
    "{'execute': 'device_add', 'arguments': {'driver': 'pci-testfn', "         \
    "'id': '" id "', 'bus': 'pci.0'}}"
#define DEL(id) "{'execute': 'device_del', 'arguments': {'id': '" id "'}}"

/* PCI LOAD of the configuration-space vendor/device word (cc, data). */
static int pcilg_id(QTestState *s, uint32_t fh, uint64_t *data)
{
    g_autofree gchar *r = cmd(s, "s390_pcilg 0x%" PRIx64 " 0",
                              (uint64_t)fh << 32 | 15 << 16 | 4);
    uint64_t req = 0;
    int cc = -1;

    if (sscanf(r, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc, data, &req) != 3) {
        cc = -1;
    }
    return cc;
}

/* An automatic zpci for a hot-plugged function: 0x0301, then usable. */
static void test_plug_auto(void)
{
    QTestState *s = start(NULL);
    uint64_t data = 0;
    uint32_t fh;

    expect_no_event(s);
    qmp_ok(s, ADD_TF("tf"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    g_assert_cmphex(stcrw(s), ==, 0); /* one CRW for the batch */
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 0, false);
    expect_no_event(s);
    /* what the guest does next: list, query, enable, use */
    g_assert_cmphex(fh_of_fid(s, 0), ==, FH_EMUL | 0);
    g_assert_true(clp_configured(s, 0));
    g_assert_cmphex(clp_query(s, FH_EMUL), ==, 0x0010);
    g_assert_cmpuint(qtest_readl(s, LPCB_RSP + 124), ==, 1); /* uid */
    fh = zpci_enable(s, FH_EMUL);
    g_assert_cmpint(pcilg_id(s, fh, &data), ==, 0);
    g_assert_cmphex(data, ==, 0x505a0100);
    qtest_quit(s);
}

/* zpci first (reserved: no event), then its function: 0x0301. */
static void test_plug_zpci_first(void)
{
    QTestState *s = start(NULL);

    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': 'zpci', "
              "'target': 'd', 'uid': 7, 'fid': 70, 'id': 'zd'}}");
    expect_no_event(s);
    g_assert_false(clp_configured(s, 70));
    qmp_ok(s, ADD_TF("d"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_PLUG, 70, FH_EMUL | 0, false);
    g_assert_true(clp_configured(s, 70));
    g_assert_cmpuint(clp_count(s), ==, 1);
    qtest_quit(s);
}

/*
 * The function first (automatic zpci, fid 0), then an explicit zpci for
 * it: the automatic one goes (0x0304, 0x0308), the explicit one comes.
 */
static void test_plug_zpci_after(void)
{
    QTestState *s = start(NULL);

    qmp_ok(s, ADD_TF("e"));
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': 'zpci', "
              "'target': 'e', 'uid': 9, 'fid': 9, 'id': 'ze'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    g_assert_cmphex(stcrw(s), ==, 0);
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 0, true);
    expect_avail(s, PEC_GONE, 0, FH_EMUL | 0, true);
    expect_avail(s, PEC_RESERVED, 0, FH_EMUL | 0, true);
    expect_avail(s, PEC_PLUG, 9, FH_EMUL | 1, false);
    g_assert_cmpuint(clp_count(s), ==, 1);
    g_assert_cmphex(fh_of_fid(s, 9), ==, FH_EMUL | 1);
    qtest_quit(s);
}

/* Behind a pci-bridge too. */
static void test_plug_behind_bridge(void)
{
    QTestState *s = start("-device pci-bridge,chassis_nr=1,id=pci.1,"
                          "bus=pci.0,addr=0x1");

    expect_no_event(s);
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'b1', 'bus': 'pci.1', 'addr': '0x2'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 0, false);
    g_assert_true(clp_configured(s, 0));
    qtest_quit(s);
}

/*
 * device_del of an enabled function: 0x0303 (again on each request);
 * nothing goes until the guest disables and deconfigures it; then
 * 0x0308 and DEVICE_DELETED for both devices; the numbers are free.
 */
static void test_unplug_configured(void)
{
    QTestState *s = start("-device zpci,uid=5,fid=50,target=tf,id=zf "
                          "-device pci-testfn,bus=pci.0,id=tf");
    uint32_t fh;

    expect_no_event(s); /* cold-plugged: nothing to tell */
    fh = zpci_enable(s, fh_of_fid(s, 50));
    qmp_ok(s, DEL("tf"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_DECONFIG, 50, fh, false);
    /* still there, still usable */
    g_assert_true(device_exists(s, "tf"));
    g_assert_true(device_exists(s, "zf"));
    g_assert_cmpuint(clp_count(s), ==, 1);
    g_assert_cmpint(pcilg_id(s, fh, &(uint64_t){ 0 }), ==, 0);
    /* asking again (by the zpci's id) asks the guest again */
    qmp_ok(s, DEL("zf"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_DECONFIG, 50, fh, false);

    /* Linux: disable, then SCLP deconfigure */
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    fh = qtest_readl(s, LPCB_RSP + 16);
    g_assert_cmpstr(sclp_zpci(s, 50, false), ==, "OK 0x0020");
    expect_deleted(s, "tf");
    expect_deleted(s, "zf");
    g_assert_false(device_exists(s, "tf"));
    g_assert_false(device_exists(s, "zf"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_RESERVED, 50, fh, false);
    expect_no_event(s);
    g_assert_cmpuint(clp_count(s), ==, 0);
    g_assert_cmpstr(sclp_zpci(s, 50, true), ==, "OK 0x09f0");

    /* uid 5 and fid 50 are free again */
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': 'zpci', "
              "'target': 'tf2', 'uid': 5, 'fid': 50, 'id': 'zf2'}}");
    qmp_ok(s, ADD_TF("tf2"));
    expect_avail(s, PEC_PLUG, 50, FH_EMUL | 1, false);
    qtest_quit(s);
}

/*
 * virtio-blk-pci goes the same way: asked, deconfigured by the guest,
 * deleted; its drive is free again for a new device.
 */
static void test_unplug_virtio_blk(void)
{
    g_autofree char *img = NULL;
    g_autofree char *args = NULL;
    int fd = g_file_open_tmp("zpci-vblk-XXXXXX.img", &img, NULL);
    QTestState *s;
    uint32_t fh;

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(ftruncate(fd, 1 << 20), ==, 0);
    close(fd);
    args = g_strdup_printf("-drive file=%s,format=raw,if=none,id=d0", img);
    s = start(args);
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'virtio-blk-pci', 'id': 'vd', 'drive': 'd0'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 0, false);
    fh = zpci_enable(s, FH_EMUL);
    /* a second device cannot have the drive */
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'virtio-blk-pci', 'id': 'vd2', 'drive': 'd0'}}",
                     "in use");
    qmp_ok(s, DEL("vd"));
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_DECONFIG, 0, fh, false);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    expect_deleted(s, "vd");
    g_assert_false(device_exists(s, "vd"));
    /* the drive is free: a new disk takes it */
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'virtio-blk-pci', 'id': 'vd2', 'drive': 'd0'}}");
    g_assert_true(device_exists(s, "vd2"));
    qtest_quit(s);
    unlink(img);
}

/* The guest deconfigures an enabled function with no disable first. */
static void test_unplug_enabled_deconfigure(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0,id=tf");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));

    qmp_ok(s, DEL("tf"));
    expect_avail(s, PEC_DECONFIG, 0, fh, false);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    expect_deleted(s, "tf");
    expect_deleted(s, NULL); /* the automatic zpci */
    /* told with the handle it has now: disabled */
    expect_avail(s, PEC_RESERVED, 0, FH_EMUL | 0, false);
    g_assert_cmpint(pcilg_id(s, fh, &(uint64_t){ 0 }), ==, 3);
    /* a new function gets the freed numbers: uid 1, fid 0 */
    qmp_ok(s, ADD_TF("tf3"));
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 1, false);
    g_assert_cmphex(clp_query(s, FH_EMUL | 1), ==, 0x0010);
    g_assert_cmpuint(qtest_readl(s, LPCB_RSP + 124), ==, 1);
    qtest_quit(s);
}

/*
 * A standby function goes at once: 0x0308 and both DEVICE_DELETED; a
 * reserved zpci too, silently.
 */
static void test_unplug_unconfigured(void)
{
    QTestState *s = start("-device zpci,uid=6,fid=60,target=tf,id=zf "
                          "-device pci-testfn,bus=pci.0,id=tf");
    uint32_t fh = fh_of_fid(s, 60);

    g_assert_cmpstr(sclp_zpci(s, 60, false), ==, "OK 0x0020");
    expect_no_event(s);
    qmp_ok(s, DEL("zf"));
    expect_deleted(s, "tf");
    expect_deleted(s, "zf");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_RESERVED, 60, fh, false);
    g_assert_cmpuint(clp_count(s), ==, 0);
    qtest_quit(s);

    /* a reserved zpci (no function) goes at once, without an event */
    s = start("-device zpci,uid=3,fid=4,target=nothing,id=zr");
    qmp_ok(s, DEL("zr"));
    expect_deleted(s, "zr");
    expect_no_event(s);
    g_assert_cmpuint(clp_count(s), ==, 0);
    qtest_quit(s);
}

/* A system reset completes the unplugs the guest left pending. */
static void test_unplug_at_reset(void)
{
    QTestState *s = start("-device zpci,uid=5,fid=50,target=tf,id=zf "
                          "-device pci-testfn,bus=pci.0,id=tf "
                          "-device pci-testfn,bus=pci.0,id=other");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 50));

    qmp_ok(s, DEL("tf"));
    g_assert_true(device_exists(s, "zf"));
    qmp_ok(s, "{'execute': 'system_reset'}");
    expect_deleted(s, "tf");
    expect_deleted(s, "zf");
    /* the new guest hears nothing of it; it lists what is there */
    expect_no_event(s);
    g_assert_cmpuint(clp_count(s), ==, 1);
    g_assert_cmpint(pcilg_id(s, fh, &(uint64_t){ 0 }), ==, 3);
    g_assert_true(device_exists(s, "other"));
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': 'zpci', "
              "'target': 'x', 'uid': 5, 'fid': 50}}");
    qtest_quit(s);
}

/* SCLP configure / deconfigure: every state, every response code. */
static void test_sclp_states(void)
{
    QTestState *s = start("-device zpci,uid=3,fid=4,target=nothing "
                          "-device pci-testfn,bus=pci.0,id=tf");
    uint32_t fh = fh_of_fid(s, 0);
    g_autofree gchar *bad = NULL;

    /* no such fid */
    g_assert_cmpstr(sclp_zpci(s, 0x1234, true), ==, "OK 0x09f0");
    g_assert_cmpstr(sclp_zpci(s, 0x1234, false), ==, "OK 0x09f0");
    /* reserved */
    g_assert_cmpstr(sclp_zpci(s, 4, true), ==, "OK 0x05f0");
    g_assert_cmpstr(sclp_zpci(s, 4, false), ==, "OK 0x05f0");
    /* configured already */
    g_assert_cmpstr(sclp_zpci(s, 0, true), ==, "OK 0x0120");
    /* enabled -> standby: disabled, registrations gone */
    fh = zpci_enable(s, fh);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    g_assert_false(clp_configured(s, 0));
    g_assert_cmphex(fh_of_fid(s, 0), ==, FH_EMUL | 1);
    g_assert_cmpint(pcilg_id(s, fh, &(uint64_t){ 0 }), ==, 3);
    /* a standby function cannot be enabled, but can be queried */
    g_assert_cmphex(clp_set(s, FH_EMUL | 1, 0), ==, 0x0101);
    g_assert_cmphex(clp_query(s, FH_EMUL | 1), ==, 0x0010);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0120");
    /* standby -> configured (disabled): usable again */
    g_assert_cmpstr(sclp_zpci(s, 0, true), ==, "OK 0x0020");
    g_assert_true(clp_configured(s, 0));
    fh = zpci_enable(s, FH_EMUL | 1);
    g_assert_cmpint(pcilg_id(s, fh, &(uint64_t){ 0 }), ==, 0);
    /* none of this is an event */
    expect_no_event(s);
    /* a standby function stays standby across a reset */
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    qmp_ok(s, "{'execute': 'system_reset'}");
    g_assert_false(clp_configured(s, 0));

    bad = cmd(s, "s390_zpci_sclp 0 maybe");
    g_assert_true(g_str_has_prefix(bad, "ERR"));
    g_free(g_steal_pointer(&bad));
    bad = cmd(s, "s390_zpci_sclp 0x100000000 on");
    g_assert_true(g_str_has_prefix(bad, "ERR"));
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci/unplug/virtio-blk", test_unplug_virtio_blk);
    g_test_add_func("/zpci-hotplug/plug-auto", test_plug_auto);
    g_test_add_func("/zpci-hotplug/plug-zpci-first", test_plug_zpci_first);
    g_test_add_func("/zpci-hotplug/plug-zpci-after", test_plug_zpci_after);
    g_test_add_func("/zpci-hotplug/plug-behind-bridge",
                    test_plug_behind_bridge);
    g_test_add_func("/zpci-hotplug/unplug-configured", test_unplug_configured);
    g_test_add_func("/zpci-hotplug/unplug-enabled-deconfigure",
                    test_unplug_enabled_deconfigure);
    g_test_add_func("/zpci-hotplug/unplug-unconfigured",
                    test_unplug_unconfigured);
    g_test_add_func("/zpci-hotplug/unplug-at-reset", test_unplug_at_reset);
    g_test_add_func("/zpci-hotplug/sclp-states", test_sclp_states);
    return g_test_run();
}
