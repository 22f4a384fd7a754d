/*
 * The s390 PCI host bridge and zpci devices as a guest and a user see
 * them: numbering of explicit and automatic zpci devices (through CLP
 * List / Query), an explicit zpci before or after its target, QEMU's
 * errors for bad zpci/PCI device lines, and libvirt's zPCI lines.
 */
#include "zpci-test.h"

#define TF "-device pci-testfn,bus=pci.0"

/* uid of the function with @fid (Query PCI Function). */
static uint32_t uid_of_fid(QTestState *s, uint32_t fid)
{
    uint32_t fh = fh_of_fid(s, fid);

    g_assert_cmphex(fh, !=, 0);
    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readl(s, LPCB_RSP + 20), ==, fid);
    return qtest_readl(s, LPCB_RSP + 124);
}

static unsigned list_count(QTestState *s)
{
    g_assert_cmphex(clp_list(s, 0, LPCB_SIZE - 32), ==, 0x0010);
    return (qtest_readw(s, LPCB_RSP) - 32) / 16;
}

static void test_numbering(void)
{
    QTestState *s = start(
        TF ",id=a,addr=0x3 -device zpci,uid=25,fid=31,target=b,id=z25 " TF
           ",id=b,addr=0x8 " TF);

    g_assert_cmpuint(list_count(s), ==, 3);
    /* plug order; handles: emulated, index 0, 1, 2 */
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 8), ==, 0);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 12), ==, FH_EMUL | 0);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(1) + 8), ==, 31);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(1) + 12), ==, FH_EMUL | 1);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(2) + 8), ==, 1);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(2) + 12), ==, FH_EMUL | 2);
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(qtest_readw(s, LIST_ENTRY(i)), ==, 0x0001);
        g_assert_cmphex(qtest_readw(s, LIST_ENTRY(i) + 2), ==, 0x5a50);
        g_assert_cmphex(qtest_readl(s, LIST_ENTRY(i) + 4), ==, 0x80000000);
    }
    g_assert_cmpuint(uid_of_fid(s, 0), ==, 1);
    g_assert_cmpuint(uid_of_fid(s, 31), ==, 25);
    g_assert_cmpuint(uid_of_fid(s, 1), ==, 2);
    qtest_quit(s);
}

/* An explicit zpci after its target replaces the automatic one. */
static void test_zpci_after_target(void)
{
    QTestState *s = start(TF ",id=c -device zpci,uid=9,fid=9,target=c " TF
                             ",id=d");

    g_assert_cmpuint(list_count(s), ==, 2);
    g_assert_cmpuint(uid_of_fid(s, 9), ==, 9);
    /* the freed automatic numbers (uid 1, fid 0) went to the next one */
    g_assert_cmpuint(uid_of_fid(s, 0), ==, 1);
    qtest_quit(s);
}

/* A zpci whose target never comes stays reserved (not configured). */
static void test_reserved(void)
{
    QTestState *s = start("-device zpci,uid=3,fid=4,target=nothing");

    g_assert_cmpuint(list_count(s), ==, 1);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 4), ==, 0);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 8), ==, 4);
    /* no function behind it: Query does not know the handle */
    g_assert_cmphex(clp_query(s, qtest_readl(s, LIST_ENTRY(0) + 12)), ==,
                    0x0101);
    qtest_quit(s);
}

/* device_del / device_add: both devices go, numbers are reused. */
static void test_hotplug(void)
{
    QTestState *s = start(
        TF ",id=a -device zpci,uid=7,fid=70,target=b,id=zb " TF ",id=b");
    JsonObject *rsp;

    g_assert_cmpuint(list_count(s), ==, 2);
    /* configured functions go once the guest deconfigures them (SCLP) */
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'a'}}");
    g_assert_cmpuint(list_count(s), ==, 2);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    g_assert_cmpuint(list_count(s), ==, 1);
    /* the zpci's removal takes its PCI device with it */
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'zb'}}");
    g_assert_cmpstr(sclp_zpci(s, 70, false), ==, "OK 0x0020");
    g_assert_cmpuint(list_count(s), ==, 0);
    rsp = qtest_qmp(
        s,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine/peripheral/b', 'property': 'type'}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);

    /* hot-plugged: an automatic zpci with the freed lowest numbers */
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'pci-testfn', 'id': 'c', 'bus': 'pci.0'}}");
    g_assert_cmpuint(uid_of_fid(s, 0), ==, 1);
    /* an explicit zpci hot-plugged before its target */
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'zpci', 'target': 'd', 'uid': 7, 'fid': 70}}");
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'pci-testfn', 'id': 'd', 'bus': 'pci.0'}}");
    g_assert_cmpuint(uid_of_fid(s, 70), ==, 7);
    rsp = qtest_qmp(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'zpci', 'target': 'd', 'uid': 8}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "target d already has an associated zpci device");
    json_object_unref(rsp);
    g_assert_cmpuint(list_count(s), ==, 2);
    qtest_quit(s);
}

typedef struct BadLine {
    const char *args;
    const char *error;
} BadLine;

static const BadLine bad_lines[] = {
    { "-device zpci", "-device zpci: target must be defined" },
    { "-device zpci,target=a,uid=3 -device zpci,target=b,uid=3",
      "-device zpci,target=b,uid=3: uid 3 already in use" },
    { "-device zpci,target=a,fid=7 -device zpci,target=b,fid=7",
      "-device zpci,target=b,fid=7: fid 7 already in use" },
    { "-device zpci,target=a,fid=0 -device zpci,target=b,fid=0",
      "fid 0 already in use" },
    { "-device zpci,target=a -device zpci,target=a,uid=4",
      "target a already has an associated zpci device" },
    { TF ",id=a -device zpci,target=a -device zpci,target=a",
      "target a already has an associated zpci device" },
    { "-device zpci,target=a,uid=65536", "uid" },
    { "-device zpci,target=a,fid=4294967296", "fid" },
};

static void test_bad_lines(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(bad_lines); i++) {
        g_autofree char *args = g_strdup_printf(
            "-machine s390-ccw-virtio -nodefaults -display none %s",
            bad_lines[i].args);
        g_autofree gchar *err = NULL;
        g_autofree gchar *out = NULL;
        int status;

        out = qtest_run_cmdline(args, &status, &err);
        g_test_message("%s -> %d: %s", args, status, err);
        g_assert_cmpint(status, ==, 1);
        g_assert_nonnull(strstr(err, bad_lines[i].error));
    }
}

/*
 * libvirt's hostdev-vfio-zpci-boundaries line, with pci-testfn for the
 * vfio-pci functions: a zpci for the pci-bridge, the extreme uid and fid
 * behind the bridge at slot 0x1f, uid 1 fid 0 on pci.0.
 */
static void test_libvirt_boundaries(void)
{
    JsonObject *rsp;
    QTestState *s = start(
        "-device '{\"driver\":\"zpci\",\"uid\":2,\"fid\":1,\"target\":\"pci.1\",\"id\":\"zpci2\"}' "
        "-device '{\"driver\":\"pci-bridge\",\"chassis_nr\":1,\"id\":\"pci.1\","
        "\"bus\":\"pci.0\",\"addr\":\"0x1\"}' "
        "-device '{\"driver\":\"zpci\",\"uid\":65535,\"fid\":4294967295,"
        "\"target\":\"hostdev0\",\"id\":\"zpci65535\"}' "
        "-device '{\"driver\":\"pci-testfn\",\"id\":\"hostdev0\",\"bus\":\"pci.1\",\"addr\":\"0x1f\"}' "
        "-device '{\"driver\":\"zpci\",\"uid\":1,\"fid\":0,\"target\":\"hostdev1\",\"id\":\"zpci1\"}' "
        "-device '{\"driver\":\"pci-testfn\",\"id\":\"hostdev1\",\"bus\":\"pci.0\",\"addr\":\"0x2\"}'");

    g_assert_cmpuint(list_count(s), ==, 3);
    /* the bridge's zpci: listed, not configured */
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 4), ==, 0);
    g_assert_cmphex(qtest_readl(s, LIST_ENTRY(0) + 8), ==, 1);
    g_assert_cmpuint(uid_of_fid(s, 0xffffffff), ==, 65535);
    g_assert_cmpuint(uid_of_fid(s, 0), ==, 1);

    /* the bridge stays: unplugging it is refused, as in QEMU */
    rsp = qtest_qmp(s,
                    "{'execute': 'device_del', 'arguments': {'id': 'pci.1'}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "PCI bridge hot unplug currently not supported");
    json_object_unref(rsp);
    g_assert_cmpuint(uid_of_fid(s, 0xffffffff), ==, 65535);
    qtest_quit(s);
}

typedef struct LibvirtFn {
    unsigned uid, fid, slot;
} LibvirtFn;

/*
 * libvirt's zpci + PCI device pairs (zpci first, JSON form, ids
 * hostdevN and zpciUID) with pci-testfn for vfio-pci: every function
 * gets the uid and fid libvirt chose.
 */
static void check_libvirt_pairs(const LibvirtFn *fn, size_t n)
{
    g_autoptr(GString) args = g_string_new("");
    QTestState *s;

    for (size_t i = 0; i < n; i++) {
        g_string_append_printf(
            args,
            "-device '{\"driver\":\"zpci\",\"uid\":%u,\"fid\":%u,\"target\":\"hostdev%zu\",\"id\":\"zpci%u\"}' "
            "-device '{\"driver\":\"pci-testfn\",\"id\":\"hostdev%zu\",\"bus\":\"pci.0\",\"addr\":\"0x%x\"}' ",
            fn[i].uid, fn[i].fid, i, fn[i].uid, i, fn[i].slot);
    }
    s = start(args->str);
    g_assert_cmpuint(list_count(s), ==, n);
    for (size_t i = 0; i < n; i++) {
        g_assert_cmpuint(uid_of_fid(s, fn[i].fid), ==, fn[i].uid);
    }
    qtest_quit(s);
}

/* hostdev-vfio-zpci-multidomain-many */
static void test_libvirt_many(void)
{
    static const LibvirtFn fn[] = {
        { 35, 63, 3 }, { 53, 104, 1 }, { 1, 1, 2 },  { 2, 2, 5 },
        { 83, 0, 7 },  { 3, 114, 9 },  { 23, 3, 4 }, { 4, 40, 6 },
    };

    check_libvirt_pairs(fn, G_N_ELEMENTS(fn));
}

/* hostdev-vfio-zpci, -autogenerate, -autogenerate-fids, -autogenerate-uids */
static void test_libvirt_small(void)
{
    static const LibvirtFn one[] = { { 25, 31, 8 } };
    static const LibvirtFn autogen[] = { { 1, 0, 1 } };
    static const LibvirtFn fids[] = { { 1, 0, 1 }, { 5, 1, 2 } };
    static const LibvirtFn uids[] = { { 1, 0, 1 }, { 2, 31, 2 } };

    check_libvirt_pairs(one, G_N_ELEMENTS(one));
    check_libvirt_pairs(autogen, G_N_ELEMENTS(autogen));
    check_libvirt_pairs(fids, G_N_ELEMENTS(fids));
    check_libvirt_pairs(uids, G_N_ELEMENTS(uids));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-bridge/numbering", test_numbering);
    g_test_add_func("/zpci-bridge/zpci-after-target", test_zpci_after_target);
    g_test_add_func("/zpci-bridge/reserved", test_reserved);
    g_test_add_func("/zpci-bridge/hotplug", test_hotplug);
    g_test_add_func("/zpci-bridge/bad-lines", test_bad_lines);
    g_test_add_func("/zpci-bridge/libvirt-boundaries", test_libvirt_boundaries);
    g_test_add_func("/zpci-bridge/libvirt-many", test_libvirt_many);
    g_test_add_func("/zpci-bridge/libvirt-small", test_libvirt_small);
    return g_test_run();
}
