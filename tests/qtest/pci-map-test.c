/*
 * What management sees of the PCI functions (docs/system/s390x/pci-map.rst):
 * query-pci in QEMU's shape over pci.0 and a pci-bridge, and the
 * host<->guest address map query-s390-pci-map, checked as the guest
 * changes it: CLP enable/disable, SCLP deconfigure, RPCIT-loaded host DMA
 * mappings and MPCIFC-registered interruptions of a vfio-pci function on
 * a sim-pci-function, hot-unplug.  human-monitor-command gives the same
 * as text ("info pci", "info s390-pci-map") and HMP's unknown-command
 * answer for anything else.
 */
#include <inttypes.h>

#include "zpci-dma-tables.h"
#include "zpci-event-test.h"

#define HOST "0000:01:02.3"
#define MACHINE                                                                \
    "-object sim-pci-function,id=h0,host=" HOST ",iommu-group=7 "              \
    "-device zpci,uid=10,fid=0x20,target=p0,id=zp0 "                           \
    "-device vfio-pci,host=" HOST ",id=p0,bus=pci.0,addr=4 "                   \
    "-device pci-testfn,id=tf0,bus=pci.0,addr=2 "                              \
    "-device pci-bridge,id=br1,chassis_nr=1,bus=pci.0,addr=6 "                 \
    "-device pci-testfn,id=tf1,bus=br1,addr=3 "                                \
    "-device zpci,uid=30,fid=0x40,target=absent,id=zr"

#define FIB 0x30000u

/* The reply's "return" (owned by @rsp) */
static JsonNode *ret_of(JsonObject *rsp)
{
    g_assert_true(json_object_has_member(rsp, "return"));
    return json_object_get_member(rsp, "return");
}

/* The map entry of zpci @zpci, a new reference, NULL when absent */
static JsonObject *map_entry(QTestState *s, const char *zpci)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-s390-pci-map'}");
    JsonArray *map = json_node_get_array(ret_of(rsp));
    JsonObject *found = NULL;

    for (guint i = 0; i < json_array_get_length(map); i++) {
        JsonObject *e = json_array_get_object_element(map, i);

        if (json_object_has_member(e, "zpci") &&
            !strcmp(json_object_get_string_member(e, "zpci"), zpci)) {
            found = json_object_ref(e);
        }
    }
    json_object_unref(rsp);
    return found;
}

/* The entry whose PCI function is @id (automatic zpci), new reference */
static JsonObject *map_entry_of_id(QTestState *s, const char *id)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-s390-pci-map'}");
    JsonArray *map = json_node_get_array(ret_of(rsp));
    JsonObject *found = NULL;

    for (guint i = 0; i < json_array_get_length(map); i++) {
        JsonObject *e = json_array_get_object_element(map, i);

        if (json_object_has_member(e, "id") &&
            !strcmp(json_object_get_string_member(e, "id"), id)) {
            found = json_object_ref(e);
        }
    }
    json_object_unref(rsp);
    return found;
}

static int64_t sub_int(JsonObject *e, const char *obj, const char *name)
{
    return json_object_get_int_member(json_object_get_object_member(e, obj),
                                      name);
}

static const char *state_of(QTestState *s, const char *zpci)
{
    static char state[32];
    JsonObject *e = map_entry(s, zpci);

    g_assert_nonnull(e);
    g_strlcpy(state, json_object_get_string_member(e, "state"), sizeof(state));
    json_object_unref(e);
    return state;
}

static char *hmp(QTestState *s, const char *line)
{
    JsonObject *rsp = qtest_qmp(s,
                                "{'execute': 'human-monitor-command', "
                                "'arguments': {'command-line': %s}}",
                                line);
    char *text = g_strdup(json_node_get_string(ret_of(rsp)));

    json_object_unref(rsp);
    return text;
}

/* The PciDeviceInfo with qdev_id @id in @devices */
static JsonObject *pci_dev(JsonArray *devices, const char *id)
{
    for (guint i = 0; i < json_array_get_length(devices); i++) {
        JsonObject *d = json_array_get_object_element(devices, i);

        if (!strcmp(json_object_get_string_member(d, "qdev_id"), id)) {
            return d;
        }
    }
    return NULL;
}

static void test_query_pci(void)
{
    QTestState *s = start(MACHINE);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-pci'}");
    JsonArray *buses = json_node_get_array(ret_of(rsp));
    JsonObject *bus0, *tf, *br, *bb, *tf1, *reg;
    JsonArray *devs, *below, *regions;

    g_assert_cmpuint(json_array_get_length(buses), ==, 1);
    bus0 = json_array_get_object_element(buses, 0);
    g_assert_cmpint(json_object_get_int_member(bus0, "bus"), ==, 0);
    devs = json_object_get_array_member(bus0, "devices");
    g_assert_cmpuint(json_array_get_length(devs), ==, 3); /* tf0, p0, br1 */

    tf = pci_dev(devs, "tf0");
    g_assert_nonnull(tf);
    g_assert_cmpint(json_object_get_int_member(tf, "slot"), ==, 2);
    g_assert_cmpint(json_object_get_int_member(tf, "function"), ==, 0);
    g_assert_cmphex(sub_int(tf, "id", "vendor"), ==, 0x5a50);
    g_assert_cmphex(sub_int(tf, "id", "device"), ==, 0x0001);
    g_assert_cmphex(sub_int(tf, "id", "subsystem-vendor"), ==, 0x5a50);
    g_assert_cmphex(sub_int(tf, "class_info", "class"), ==, 0xff00);
    g_assert_false(
        json_object_has_member(json_object_get_object_member(tf, "class_info"),
                               "desc"));
    g_assert_false(json_object_has_member(tf, "irq"));
    g_assert_cmpint(json_object_get_int_member(tf, "irq_pin"), ==, 0);
    /* BARs 0, 2, 4 (docs/devel/pci-testfn.rst), not mapped yet */
    regions = json_object_get_array_member(tf, "regions");
    g_assert_cmpuint(json_array_get_length(regions), ==, 3);
    reg = json_array_get_object_element(regions, 1);
    g_assert_cmpint(json_object_get_int_member(reg, "bar"), ==, 2);
    g_assert_cmpstr(json_object_get_string_member(reg, "type"), ==, "memory");
    g_assert_true(json_object_get_boolean_member(reg, "prefetch"));
    g_assert_true(json_object_get_boolean_member(reg, "mem_type_64"));
    g_assert_cmpint(json_object_get_int_member(reg, "size"), ==, 4096);
    g_assert_cmpint(json_object_get_int_member(reg, "address"), ==, -1);

    /* vfio-pci shows the host's ids (sim-pci-function defaults) */
    g_assert_cmphex(sub_int(pci_dev(devs, "p0"), "id", "vendor"), ==, 0x1014);
    g_assert_cmphex(sub_int(pci_dev(devs, "p0"), "class_info", "class"), ==,
                    0x0280);

    br = pci_dev(devs, "br1");
    g_assert_nonnull(br);
    g_assert_cmphex(sub_int(br, "class_info", "class"), ==, 0x0604);
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(br, "class_info"),
                        "desc"),
                    ==, "PCI bridge");
    /* a type-1 header: no subsystem ids */
    g_assert_false(
        json_object_has_member(json_object_get_object_member(br, "id"),
                               "subsystem"));
    bb = json_object_get_object_member(
        json_object_get_object_member(br, "pci_bridge"), "bus");
    g_assert_cmpint(json_object_get_int_member(bb, "number"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(bb, "secondary"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(bb, "subordinate"), ==, 1);
    g_assert_cmpint(sub_int(bb, "memory_range", "limit"), ==, 0xfffff);
    below = json_object_get_array_member(
        json_object_get_object_member(br, "pci_bridge"), "devices");
    g_assert_cmpuint(json_array_get_length(below), ==, 1);
    tf1 = pci_dev(below, "tf1");
    g_assert_nonnull(tf1);
    g_assert_cmpint(json_object_get_int_member(tf1, "bus"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(tf1, "slot"), ==, 3);
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_map_entries(void)
{
    QTestState *s = start(MACHINE);
    JsonObject *p0 = map_entry(s, "zp0");
    JsonObject *tf1 = map_entry_of_id(s, "tf1");
    JsonObject *zr = map_entry(s, "zr");
    JsonObject *host;

    /* the pass-through function: identity, place, guest and host address */
    g_assert_nonnull(p0);
    g_assert_cmpint(json_object_get_int_member(p0, "uid"), ==, 10);
    g_assert_cmphex(json_object_get_int_member(p0, "fid"), ==, 0x20);
    g_assert_cmphex(json_object_get_int_member(p0, "fh"), ==,
                    fh_of_fid(s, 0x20));
    g_assert_cmpstr(json_object_get_string_member(p0, "state"), ==, "disabled");
    g_assert_cmpstr(json_object_get_string_member(p0, "id"), ==, "p0");
    g_assert_cmpstr(json_object_get_string_member(p0, "driver"), ==,
                    "vfio-pci");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(p0, "pci"), "bus"),
                    ==, "pci.0");
    g_assert_cmpint(sub_int(p0, "pci", "slot"), ==, 4);
    g_assert_cmpint(sub_int(p0, "guest", "domain"), ==, 10); /* the uid */
    g_assert_cmpint(sub_int(p0, "guest", "bus"), ==, 0);
    g_assert_cmpint(sub_int(p0, "guest", "slot"), ==, 0);
    g_assert_cmpint(sub_int(p0, "guest", "function"), ==, 0);
    host = json_object_get_object_member(p0, "host");
    g_assert_nonnull(host);
    g_assert_cmpstr(json_object_get_string_member(host, "address"), ==, HOST);
    g_assert_cmpint(json_object_get_int_member(host, "bus"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(host, "slot"), ==, 2);
    g_assert_cmpint(json_object_get_int_member(host, "function"), ==, 3);
    g_assert_cmpint(json_object_get_int_member(host, "iommu-group"), ==, 7);
    g_assert_cmpstr(json_object_get_string_member(host, "backend"), ==, "sim");
    g_assert_cmpint(json_object_get_int_member(host, "dma-mappings"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(host, "vectors"), ==, 8);
    g_assert_cmpint(json_object_get_int_member(host, "interrupts"), ==, 0);

    /* an emulated function behind the bridge: automatic zpci, no host */
    g_assert_nonnull(tf1);
    g_assert_false(json_object_has_member(tf1, "zpci"));
    g_assert_false(json_object_has_member(tf1, "host"));
    g_assert_cmpstr(json_object_get_string_member(tf1, "driver"), ==,
                    "pci-testfn");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(tf1, "pci"), "bus"),
                    ==, "br1");
    g_assert_cmpint(sub_int(tf1, "pci", "number"), ==, 1);
    g_assert_cmpint(sub_int(tf1, "pci", "slot"), ==, 3);
    g_assert_cmpint(sub_int(tf1, "guest", "domain"), ==,
                    json_object_get_int_member(tf1, "uid"));

    /* a zpci without its function: reserved, nothing else */
    g_assert_nonnull(zr);
    g_assert_cmpstr(json_object_get_string_member(zr, "state"), ==, "reserved");
    g_assert_cmpint(json_object_get_int_member(zr, "uid"), ==, 30);
    g_assert_false(json_object_has_member(zr, "pci"));
    g_assert_false(json_object_has_member(zr, "guest"));
    g_assert_false(json_object_has_member(zr, "id"));

    json_object_unref(p0);
    json_object_unref(tf1);
    json_object_unref(zr);
    qtest_quit(s);
}

static void test_map_states(void)
{
    QTestState *s = start(MACHINE);
    uint32_t fh = fh_of_fid(s, 0x20), efh;

    g_assert_cmpstr(state_of(s, "zp0"), ==, "disabled");
    efh = zpci_enable(s, fh);
    g_assert_cmpstr(state_of(s, "zp0"), ==, "enabled");
    {
        JsonObject *e = map_entry(s, "zp0");

        g_assert_cmphex(json_object_get_int_member(e, "fh"), ==, efh);
        g_assert_cmphex(efh & FH_ENABLED, ==, FH_ENABLED);
        json_object_unref(e);
    }
    g_assert_cmphex(clp_set(s, efh, 1), ==, 0x0010);
    g_assert_cmpstr(state_of(s, "zp0"), ==, "disabled");
    g_assert_cmpstr(sclp_zpci(s, 0x20, false), ==, "OK 0x0020");
    g_assert_cmpstr(state_of(s, "zp0"), ==, "standby");
    g_assert_cmpstr(sclp_zpci(s, 0x20, true), ==, "OK 0x0020");
    g_assert_cmpstr(state_of(s, "zp0"), ==, "disabled");
    qtest_quit(s);
}

static int fc(QTestState *s, const char *insn, uint32_t fh, unsigned oc,
              uint64_t a2, uint64_t a3)
{
    g_autofree gchar *r = cmd(s, "%s 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                              insn, (uint64_t)fh << 32 | oc, a2, a3);
    int cc = -1;

    g_assert_cmpint(sscanf(r, "OK cc %d", &cc), ==, 1);
    return cc;
}

static int64_t host_count(QTestState *s, const char *what)
{
    JsonObject *e = map_entry(s, "zp0");
    int64_t n = sub_int(e, "host", what);

    json_object_unref(e);
    return n;
}

/* RPCIT maps show as host DMA mappings, MPCIFC registration as interrupts */
static void test_map_dma_irqs(void)
{
    QTestState *s = start(MACHINE);
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0x20));

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 4, FIB, NULL), ==, 0);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 0);
    /* two valid pages at IOVA: one host mapping each */
    g_assert_cmpint(fc(s, "s390_rpcit", fh, 0, IOVA, 0x2000), ==, 0);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 2);
    /* the guest invalidates the second page and refreshes it: unmapped */
    qtest_writeq(s, PGT + 8, PTE_INVALID);
    g_assert_cmpint(fc(s, "s390_rpcit", fh, 0, IOVA + 0x1000, 0x1000), ==, 0);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 1);
    /* deregistration drops them all */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 5, FIB, NULL), ==, 0);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 0);

    /* register 5 interruptions (noi 5): 5 of the 8 host vectors route */
    g_assert_cmpint(host_count(s, "interrupts"), ==, 0);
    qtest_memset(s, FIB, 0, 80);
    qtest_writel(s, FIB + 40, 3u << 28 | 5u << 16);
    qtest_writeq(s, FIB + 48, 0x40000);
    qtest_writeq(s, FIB + 56, 0x41000);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, NULL), ==, 0);
    g_assert_cmpint(host_count(s, "interrupts"), ==, 5);
    g_assert_cmpint(host_count(s, "vectors"), ==, 8);
    /* deregister: none */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, NULL), ==, 0);
    g_assert_cmpint(host_count(s, "interrupts"), ==, 0);

    /* both again, then the guest disables the function: all dropped */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, NULL), ==, 0);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 4, FIB, NULL), ==, 0);
    g_assert_cmpint(fc(s, "s390_rpcit", fh, 0, IOVA, 0x1000), ==, 0);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 1);
    g_assert_cmpint(host_count(s, "interrupts"), ==, 5);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpint(host_count(s, "dma-mappings"), ==, 0);
    g_assert_cmpint(host_count(s, "interrupts"), ==, 0);
    qtest_quit(s);
}

static bool in_query_pci(QTestState *s, const char *id)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-pci'}");
    JsonArray *buses = json_node_get_array(ret_of(rsp));
    JsonArray *devs =
        json_object_get_array_member(json_array_get_object_element(buses, 0),
                                     "devices");
    bool found = pci_dev(devs, id) != NULL;

    json_object_unref(rsp);
    return found;
}

static void test_map_unplug(void)
{
    QTestState *s = start(MACHINE);
    JsonObject *e;
    uint32_t fid;

    /* the guest lets the function go first (standby): device_del is at once */
    g_assert_cmpstr(sclp_zpci(s, 0x20, false), ==, "OK 0x0020");
    qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'p0'}}");
    expect_deleted(s, "p0");
    expect_deleted(s, "zp0");
    g_assert_null(map_entry(s, "zp0"));
    g_assert_null(map_entry_of_id(s, "p0"));
    g_assert_false(in_query_pci(s, "p0"));
    /* the others stay */
    e = map_entry_of_id(s, "tf0");
    g_assert_nonnull(e);
    json_object_unref(e);
    g_assert_true(in_query_pci(s, "tf0"));

    /* a configured one: listed until the guest deconfigures it */
    qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'tf0'}}");
    e = map_entry_of_id(s, "tf0");
    g_assert_nonnull(e);
    fid = json_object_get_int_member(e, "fid");
    json_object_unref(e);
    g_assert_cmpstr(sclp_zpci(s, fid, false), ==, "OK 0x0020");
    expect_deleted(s, "tf0");
    expect_deleted(s, NULL); /* its automatic zpci */
    g_assert_null(map_entry_of_id(s, "tf0"));
    g_assert_false(in_query_pci(s, "tf0"));
    qtest_quit(s);
}

static void test_hmp_text(void)
{
    QTestState *s = start(MACHINE);
    g_autofree char *pci = hmp(s, "info pci");
    g_autofree char *map = hmp(s, "info s390-pci-map");
    g_autofree char *bad = hmp(s, "info nosuch");
    g_autofree char *bad2 = hmp(s, "savevm x");
    g_autofree char *extra = hmp(s, "info pci all");
    g_autofree char *empty = hmp(s, "");
    JsonObject *rsp;

    g_assert_nonnull(strstr(pci, "  Bus  0, device   2, function 0:\r\n"
                                 "    Class 65280: PCI device 5a50:0001\r\n"
                                 "      PCI subsystem 5a50:0001\r\n"
                                 "      BAR0: 32 bit memory (not mapped)\r\n"));
    g_assert_nonnull(strstr(pci, "      id \"tf0\"\r\n"));
    g_assert_nonnull(strstr(pci, "    PCI bridge: PCI device 1b36:0001\r\n"
                                 "      BUS 0.\r\n"
                                 "      secondary bus 1.\r\n"
                                 "      subordinate bus 1.\r\n"));
    /* the device behind the bridge follows it */
    g_assert_nonnull(strstr(pci, "  Bus  1, device   3, function 0:\r\n"));
    g_assert_true(strstr(pci, "id \"br1\"") < strstr(pci, "id \"tf1\""));

    g_assert_nonnull(strstr(
        map, "zPCI uid 0x000a fid 0x00000020 (zpci \"zp0\"): disabled, fh 0x"));
    g_assert_nonnull(strstr(map, "  guest 000a:00:00.0 <- vfio-pci \"p0\" on "
                                 "pci.0 (bus 0) slot 4 function 0\r\n"
                                 "  host " HOST ", IOMMU group 7, back end "
                                 "sim: 0 DMA mappings, 0 of 8 vectors "
                                 "registered\r\n"));
    g_assert_nonnull(strstr(map,
                            "zPCI uid 0x001e fid 0x00000040 (zpci \"zr\"): "
                            "reserved, fh 0x"));
    g_assert_nonnull(strstr(map, "  no PCI function\r\n"));

    g_assert_cmpstr(bad, ==, "unknown command: 'info nosuch'\r\n");
    g_assert_cmpstr(bad2, ==, "unknown command: 'savevm'\r\n");
    g_assert_cmpstr(extra, ==,
                    "pci: extraneous characters at the end of line\r\n"
                    "Try \"help info pci\" for more information\r\n");
    g_assert_cmpstr(empty, ==, "");

    /* the argument is checked as QMP checks arguments */
    rsp = qtest_qmp(s, "{'execute': 'human-monitor-command'}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "Parameter 'command-line' is missing");
    json_object_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'human-monitor-command', 'arguments': "
                       "{'command-line': 'info pci', 'cpu-index': 5}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "Parameter 'cpu-index' expects a CPU number");
    json_object_unref(rsp);
    qtest_quit(s);
}

/* Both commands and their types are in query-qmp-schema */
static void test_schema(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-qmp-schema'}");
    JsonArray *all = json_node_get_array(ret_of(rsp));
    unsigned found = 0;

    for (guint i = 0; i < json_array_get_length(all); i++) {
        JsonObject *e = json_array_get_object_element(all, i);
        const char *name = json_object_get_string_member(e, "name");

        if (!strcmp(name, "query-pci") || !strcmp(name, "query-s390-pci-map") ||
            !strcmp(name, "human-monitor-command")) {
            g_assert_cmpstr(json_object_get_string_member(e, "meta-type"), ==,
                            "command");
            found++;
        }
    }
    g_assert_cmpuint(found, ==, 3);
    json_object_unref(rsp);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pci-map/query-pci", test_query_pci);
    g_test_add_func("/pci-map/entries", test_map_entries);
    g_test_add_func("/pci-map/states", test_map_states);
    g_test_add_func("/pci-map/dma-irqs", test_map_dma_irqs);
    g_test_add_func("/pci-map/unplug", test_map_unplug);
    g_test_add_func("/pci-map/hmp-text", test_hmp_text);
    g_test_add_func("/pci-map/schema", test_schema);
    return g_test_run();
}
