/*
 * The QMP commands libvirt runs while it starts a domain, with QEMU
 * 7.2's reply shapes and error texts: query-chardev, query-iothreads,
 * query-named-block-nodes, query-block, query-blockstats, set-action,
 * migrate-set-capabilities, query-stats, and system_powerdown, which the
 * guest sees as the SCLP's signal-quiesce event.
 *
 * QTEST_REAL_QEMU=1 (with QTEST_QEMU_BINARY pointing at Debian's
 * qemu-system-s390x) runs the checks that need no qtest CPU against
 * QEMU 7.2 itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdline-test.h"
#include "libqtest.h"
#include "qmp-fd.h"
#include "sclp-test.h"

static bool real_qemu;

static QTestState *dom_start(const char *extra)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s %s",
        real_qemu ? "-accel tcg" : "", extra ? extra : "");

    return qtest_init_opts(&opts, args);
}

/* The "return" array of @cmd (a new reference) */
static JsonArray *qmp_list(QTestState *s, const char *cmd)
{
    JsonObject *rsp = qtest_qmp_raw(s, cmd);
    JsonArray *arr;

    g_assert_true(json_object_has_member(rsp, "return"));
    arr = json_array_ref(json_object_get_array_member(rsp, "return"));
    json_object_unref(rsp);
    return arr;
}

/* The element of @arr whose @key is @val */
static JsonObject *find_by(JsonArray *arr, const char *key, const char *val)
{
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *o = json_array_get_object_element(arr, i);

        if (!g_strcmp0(json_object_get_string_member_with_default(o, key, NULL),
                       val)) {
            return o;
        }
    }
    g_error("no element with %s=%s", key, val);
}

static void test_chardev(void)
{
    g_autofree char *dir = g_dir_make_tmp("domqmp-XXXXXX", NULL);
    g_autofree char *p1 = g_build_filename(dir, "a.sock", NULL);
    g_autofree char *p2 = g_build_filename(dir, "b.sock", NULL);
    g_autofree char *args = g_strdup_printf(
        "-chardev socket,id=charmonitor,path=%s,server=on,wait=off "
        "-chardev socket,id=c2,path=%s,server=on,wait=off "
        "-mon chardev=c2,mode=control -chardev null,id=n1",
        p1, p2);
    QTestState *s = dom_start(args);
    g_autoptr(JsonArray) before = qmp_list(s,
                                           "{\"execute\":\"query-chardev\"}");
    g_autoptr(JsonArray) after = NULL;
    g_autofree char *want1 = g_strdup_printf("disconnected:unix:%s,server=on",
                                             p1);
    g_autofree char *want2 = g_strdup_printf("unix:%s,server=on", p2);
    JsonObject *o;
    QmpFd *m;

    o = find_by(before, "label", "charmonitor");
    g_assert_cmpstr(json_object_get_string_member(o, "filename"), ==, want1);
    g_assert_false(json_object_get_boolean_member(o, "frontend-open"));
    o = find_by(before, "label", "n1");
    g_assert_cmpstr(json_object_get_string_member(o, "filename"), ==, "null");
    /* a monitor is a front end; a connected server names its path */
    o = find_by(before, "label", "c2");
    g_assert_true(json_object_get_boolean_member(o, "frontend-open"));
    m = qmp_fd_connect(p2);
    json_object_unref(qmp_fd_read(m)); /* the greeting: connected */
    after = qmp_list(s, "{\"execute\":\"query-chardev\"}");
    o = find_by(after, "label", "c2");
    g_assert_cmpstr(json_object_get_string_member(o, "filename"), ==, want2);
    qmp_fd_free(m);
    expect_qmp_error(s,
                     "{\"execute\":\"query-chardev\",\"arguments\":{\"x\":1}}",
                     "Parameter 'x' is unexpected");
    qtest_quit(s);
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}

static void test_iothreads(void)
{
    QTestState *s = dom_start(NULL);
    g_autoptr(JsonArray) arr = qmp_list(s, "{\"execute\":\"query-iothreads\"}");

    g_assert_cmpuint(json_array_get_length(arr), ==, 0);
    expect_qmp_error(s,
                     "{\"execute\":\"query-iothreads\",\"arguments\":{\"x\":1}}",
                     "Parameter 'x' is unexpected");
    qtest_quit(s);
}

static void check_node(JsonObject *n, const char *drv, bool ro,
                       const char *file, int64_t size)
{
    JsonObject *image = json_object_get_object_member(n, "image");
    JsonObject *cache = json_object_get_object_member(n, "cache");

    g_assert_cmpstr(json_object_get_string_member(n, "drv"), ==, drv);
    g_assert_cmpint(json_object_get_boolean_member(n, "ro"), ==, ro);
    g_assert_cmpstr(json_object_get_string_member(n, "file"), ==, file);
    g_assert_cmpstr(json_object_get_string_member(n, "detect_zeroes"), ==,
                    "off");
    g_assert_false(json_object_get_boolean_member(n, "encrypted"));
    g_assert_cmpint(json_object_get_int_member(n, "backing_file_depth"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(n, "iops"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(n, "bps_wr"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(image, "virtual-size"), ==,
                    size);
    g_assert_cmpstr(json_object_get_string_member(image, "format"), ==, drv);
    g_assert_cmpstr(json_object_get_string_member(image, "filename"), ==, file);
    g_assert_true(json_object_get_boolean_member(cache, "writeback"));
    g_assert_false(json_object_get_boolean_member(cache, "direct"));
}

static void check_stats(JsonObject *entry, bool device_level)
{
    JsonObject *st = json_object_get_object_member(entry, "stats");

    g_assert_nonnull(st);
    g_assert_cmpint(json_object_get_boolean_member(st, "account_invalid"), ==,
                    device_level);
    g_assert_cmpint(json_object_get_boolean_member(st, "account_failed"), ==,
                    device_level);
    g_assert_cmpint(json_object_get_int_member(st, "rd_bytes"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(st, "wr_operations"), ==, 0);
    g_assert_cmpuint(json_array_get_length(
                         json_object_get_array_member(st, "timed_stats")),
                     ==, 0);
}

static void test_block(void)
{
    g_autofree char *dir = g_dir_make_tmp("domqmp-XXXXXX", NULL);
    g_autofree char *img1 = g_build_filename(dir, "a.img", NULL);
    g_autofree char *img2 = g_build_filename(dir, "b.img", NULL);
    g_autofree char *args = NULL;
    g_autoptr(JsonArray) nodes = NULL;
    g_autoptr(JsonArray) blocks = NULL;
    g_autoptr(JsonArray) stats = NULL;
    g_autoptr(JsonArray) nstats = NULL;
    JsonObject *o, *raw = NULL, *parent;
    const char *raw_name;
    QTestState *s;

    g_assert_true(g_file_set_contents(img1, "", 0, NULL));
    g_assert_cmpint(truncate(img1, 1 << 20), ==, 0);
    g_assert_true(g_file_set_contents(img2, "", 0, NULL));
    g_assert_cmpint(truncate(img2, 2 << 20), ==, 0);
    args =
        g_strdup_printf("-blockdev driver=file,filename=%s,node-name=n1 "
                        "-device virtio-blk-ccw,drive=n1,id=vd0 "
                        "-drive file=%s,if=none,id=d1,format=raw,readonly=on "
                        "-device virtio-blk-ccw,drive=d1,id=vd1",
                        img1, img2);
    s = dom_start(args);

    /* nodes: n1, and the -drive's raw node over its file node */
    nodes = qmp_list(s, "{\"execute\":\"query-named-block-nodes\"}");
    g_assert_cmpuint(json_array_get_length(nodes), ==, 3);
    check_node(find_by(nodes, "node-name", "n1"), "file", false, img1, 1 << 20);
    raw = find_by(nodes, "drv", "raw");
    raw_name = json_object_get_string_member(raw, "node-name");
    g_assert_true(g_str_has_prefix(raw_name, "#block"));
    check_node(raw, "raw", true, img2, 2 << 20);

    /* backends: the -drive by its id, the -blockdev's anonymous one */
    blocks = qmp_list(s, "{\"execute\":\"query-block\"}");
    g_assert_cmpuint(json_array_get_length(blocks), ==, 2);
    o = find_by(blocks, "device", "");
    g_assert_cmpstr(json_object_get_string_member(o, "qdev"), ==,
                    "/machine/peripheral/vd0/virtio-backend");
    g_assert_cmpstr(json_object_get_string_member(o, "io-status"), ==, "ok");
    g_assert_cmpstr(json_object_get_string_member(o, "type"), ==, "unknown");
    g_assert_false(json_object_get_boolean_member(o, "removable"));
    g_assert_false(json_object_get_boolean_member(o, "locked"));
    check_node(json_object_get_object_member(o, "inserted"), "file", false,
               img1, 1 << 20);
    o = find_by(blocks, "device", "d1");
    g_assert_cmpstr(json_object_get_string_member(o, "qdev"), ==,
                    "/machine/peripheral/vd1/virtio-backend");
    check_node(json_object_get_object_member(o, "inserted"), "raw", true, img2,
               2 << 20);

    /* stats per backend, the raw node's file child as "parent" */
    stats = qmp_list(s, "{\"execute\":\"query-blockstats\"}");
    g_assert_cmpuint(json_array_get_length(stats), ==, 2);
    o = find_by(stats, "device", "");
    check_stats(o, true);
    g_assert_cmpstr(json_object_get_string_member(o, "node-name"), ==, "n1");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(o, "driver-specific"),
                        "driver"),
                    ==, "file");
    o = find_by(stats, "device", "d1");
    check_stats(o, true);
    g_assert_cmpstr(json_object_get_string_member(o, "node-name"), ==,
                    raw_name);
    parent = json_object_get_object_member(o, "parent");
    check_stats(parent, false);
    g_assert_true(json_object_has_member(parent, "driver-specific"));
    /* per node: every node, no device */
    nstats = qmp_list(s, "{\"execute\":\"query-blockstats\",\"arguments\":"
                         "{\"query-nodes\":true}}");
    g_assert_cmpuint(json_array_get_length(nstats), ==, 3);
    o = find_by(nstats, "node-name", "n1");
    check_stats(o, false);
    g_assert_false(json_object_has_member(o, "device"));
    expect_qmp_error(s,
                     "{\"execute\":\"query-blockstats\",\"arguments\":"
                     "{\"query-nodes\":1}}",
                     "Invalid parameter type for 'query-nodes', expected: "
                     "boolean");
    qtest_quit(s);
    unlink(img1);
    unlink(img2);
    rmdir(dir);
}

static void test_set_action(void)
{
    QTestState *s = dom_start(NULL);
    static const char *const good[] = {
        "{\"execute\":\"set-action\",\"arguments\":{\"shutdown\":"
        "\"poweroff\",\"reboot\":\"reset\",\"watchdog\":\"none\","
        "\"panic\":\"none\"}}",
        "{\"execute\":\"set-action\",\"arguments\":{\"watchdog\":"
        "\"inject-nmi\",\"panic\":\"exit-failure\"}}",
        "{\"execute\":\"set-action\",\"arguments\":{\"panic\":"
        "\"shutdown\"}}",
        "{\"execute\":\"set-action\"}",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        JsonObject *rsp = qtest_qmp_raw(s, good[i]);

        g_assert_true(json_object_has_member(rsp, "return"));
        json_object_unref(rsp);
    }
    expect_qmp_error(s,
                     "{\"execute\":\"set-action\",\"arguments\":"
                     "{\"shutdown\":\"bad\"}}",
                     "Parameter 'shutdown' does not accept value 'bad'");
    expect_qmp_error(s,
                     "{\"execute\":\"set-action\",\"arguments\":"
                     "{\"reboot\":\"bad\",\"shutdown\":\"bad\"}}",
                     "Parameter 'reboot' does not accept value 'bad'");
    expect_qmp_error(s,
                     "{\"execute\":\"set-action\",\"arguments\":{\"reboot\":5}}",
                     "Invalid parameter type for 'reboot', expected: string");
    expect_qmp_error(s, "{\"execute\":\"set-action\",\"arguments\":{\"x\":1}}",
                     "Parameter 'x' is unexpected");
    /* reboot=shutdown: a reset request ends the program, as -no-reboot */
    qtest_qmp_assert_success(
        s, "{'execute':'set-action','arguments':{'reboot':'shutdown'}}");
    qtest_qmp_assert_success(s, "{'execute':'system_reset'}");
    qtest_qmp_eventwait(s, "SHUTDOWN");
    g_assert_cmpint(qtest_wait_qemu(s, NULL), ==, 0);
    qtest_quit(s);
}

static void test_migrate_caps(void)
{
    QTestState *s = dom_start(NULL);
    g_autoptr(JsonArray) caps = NULL;
    JsonObject *o;

    qtest_qmp_assert_success(
        s, "{'execute':'migrate-set-capabilities','arguments':"
           "{'capabilities':[{'capability':'events','state':true}]}}");
    qtest_qmp_assert_success(s,
                             "{'execute':'migrate-set-capabilities','arguments':"
                             "{'capabilities':[]}}");
    caps = qmp_list(s, "{\"execute\":\"query-migrate-capabilities\"}");
    o = find_by(caps, "capability", "events");
    g_assert_true(json_object_get_boolean_member(o, "state"));
    o = find_by(caps, "capability", "xbzrle");
    g_assert_false(json_object_get_boolean_member(o, "state"));
    expect_qmp_error(s, "{\"execute\":\"migrate-set-capabilities\"}",
                     "Parameter 'capabilities' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"capability\":\"bogus\","
                     "\"state\":true}]}}",
                     "Parameter 'capability' does not accept value 'bogus'");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"capability\":\"events\"}]}}",
                     "Parameter 'capabilities[0].state' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"state\":true}]}}",
                     "Parameter 'capabilities[0].capability' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":{}}}",
                     "Invalid parameter type for 'capabilities', expected: "
                     "array");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[5]}}",
                     "Invalid parameter type for 'capabilities[0]', expected: "
                     "object");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"capability\":\"events\","
                     "\"state\":\"x\"}]}}",
                     "Invalid parameter type for 'capabilities[0].state', "
                     "expected: boolean");
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"capability\":\"events\","
                     "\"state\":true,\"x\":1}]}}",
                     "Parameter 'capabilities[0].x' is unexpected");
    /* a refused list changes nothing */
    expect_qmp_error(s,
                     "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
                     "{\"capabilities\":[{\"capability\":\"events\","
                     "\"state\":false},{\"capability\":\"bogus\","
                     "\"state\":true}]}}",
                     "Parameter 'capability' does not accept value 'bogus'");
    g_clear_pointer(&caps, json_array_unref);
    caps = qmp_list(s, "{\"execute\":\"query-migrate-capabilities\"}");
    o = find_by(caps, "capability", "events");
    g_assert_true(json_object_get_boolean_member(o, "state"));
    qtest_quit(s);
}

static void test_stats(void)
{
    QTestState *s = dom_start(NULL);
    static const char *const empty[] = {
        "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vm\"}}",
        "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vcpu\","
        "\"vcpus\":[\"/machine/unattached/device[0]\"]}}",
        "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vm\","
        "\"providers\":[{\"provider\":\"kvm\",\"names\":[\"x\"]}]}}",
        "{\"execute\":\"query-stats-schemas\"}",
        "{\"execute\":\"query-stats-schemas\",\"arguments\":"
        "{\"provider\":\"kvm\"}}",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(empty); i++) {
        g_autoptr(JsonArray) arr = qmp_list(s, empty[i]);

        g_assert_cmpuint(json_array_get_length(arr), ==, 0);
    }
    expect_qmp_error(s, "{\"execute\":\"query-stats\"}",
                     "Parameter 'target' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"query-stats\",\"arguments\":"
                     "{\"target\":\"bad\"}}",
                     "Parameter 'target' does not accept value 'bad'");
    expect_qmp_error(s,
                     "{\"execute\":\"query-stats\",\"arguments\":"
                     "{\"target\":\"vm\",\"vcpus\":[\"x\"]}}",
                     "Parameter 'vcpus' is unexpected");
    expect_qmp_error(
        s,
        "{\"execute\":\"query-stats\",\"arguments\":"
        "{\"target\":\"vm\",\"providers\":[{\"provider\":\"bad\"}]}}",
        "Parameter 'provider' does not accept value 'bad'");
    expect_qmp_error(s,
                     "{\"execute\":\"query-stats\",\"arguments\":"
                     "{\"target\":\"vm\",\"providers\":[{}]}}",
                     "Parameter 'providers[0].provider' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"query-stats\",\"arguments\":"
                     "{\"target\":\"vm\",\"providers\":[{\"provider\":"
                     "\"kvm\",\"names\":\"x\"}]}}",
                     "Invalid parameter type for 'providers[0].names', "
                     "expected: array");
    expect_qmp_error(s,
                     "{\"execute\":\"query-stats\",\"arguments\":"
                     "{\"target\":\"vcpu\",\"vcpus\":\"x\"}}",
                     "Invalid parameter type for 'vcpus', expected: array");
    qtest_quit(s);
}

/* system_powerdown: the POWERDOWN event, nothing else changes */
static void test_powerdown_event(void)
{
    QTestState *s = dom_start(NULL);
    JsonObject *rsp;

    qtest_qmp_assert_success(s, "{'execute':'system_powerdown'}");
    qtest_qmp_eventwait(s, "POWERDOWN");
    rsp = qtest_qmp(s, "{'execute':'query-status'}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "return"), "status"),
                    ==, "prelaunch");
    json_object_unref(rsp);
    expect_qmp_error(
        s, "{\"execute\":\"system_powerdown\",\"arguments\":{\"x\":1}}",
        "Parameter 'x' is unexpected");
    qtest_quit(s);
}

/* The guest reads the signal-quiesce event: 9 bytes, timeout 0, unit 0 */
static void expect_quiesce(QTestState *s)
{
    bool pending;

    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x0020);
    g_assert_false(pending);
    g_assert_cmpuint(qtest_readw(s, SCCB), ==, 8 + 9);
    g_assert_cmpuint(qtest_readw(s, SCCB + 8), ==, 9);
    g_assert_cmphex(qtest_readb(s, SCCB + 10), ==, EV_QUIESCE);
    g_assert_cmphex(qtest_readb(s, SCCB + 11), ==, 0x80);
    g_assert_cmphex(qtest_readw(s, SCCB + 14), ==, 0);
    g_assert_cmphex(qtest_readb(s, SCCB + 16), ==, 0);
    /* read once */
    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x60f0);
}

static void test_powerdown_sclp(void)
{
    QTestState *s;
    bool pending;

    if (real_qemu) {
        g_test_skip("needs the qtest CPU");
        return;
    }
    s = dom_start(NULL);
    /* enabled: a service signal with the event-pending bit, then the event */
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_QUIESCE), 0, NULL), ==, 0x0020);
    qtest_qmp_assert_success(s, "{'execute':'system_powerdown'}");
    g_assert_cmphex(ext_intr(s), ==, EV_PENDING);
    expect_quiesce(s);

    /* not enabled: no signal, the event waits for the guest to ask */
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    qtest_qmp_assert_success(s, "{'execute':'system_powerdown'}");
    g_assert_cmpint(ext_intr(s), ==, -1);
    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x60f0);
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_QUIESCE), 0, &pending), ==,
                    0x0020);
    expect_quiesce(s);

    /* a system reset drops a request the guest did not read */
    qtest_qmp_assert_success(s, "{'execute':'system_powerdown'}");
    qtest_qmp_assert_success(s, "{'execute':'system_reset'}");
    qtest_qmp_eventwait(s, "RESET");
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_QUIESCE), 0, &pending), ==,
                    0x0020);
    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x60f0);
    qtest_quit(s);
}

/* -rtc and -boot are option groups libvirt can find */
static void check_cmdline_group(QTestState *s, const char *group,
                                const char *const *params)
{
    g_autofree char *cmd = g_strdup_printf(
        "{\"execute\":\"query-command-line-options\",\"arguments\":"
        "{\"option\":\"%s\"}}",
        group);
    g_autoptr(JsonArray) arr = qmp_list(s, cmd);
    JsonObject *o = json_array_get_object_element(arr, 0);
    JsonArray *ps = json_object_get_array_member(o, "parameters");

    g_assert_cmpstr(json_object_get_string_member(o, "option"), ==, group);
    g_assert_cmpuint(json_array_get_length(ps), ==,
                     g_strv_length((char **)params));
    for (int i = 0; params[i]; i++) {
        find_by(ps, "name", params[i]);
    }
}

static void test_cmdline_groups(void)
{
    static const char *const rtc[] = { "base", "clock", "driftfix", NULL };
    static const char *const boot[] = { "order",       "once",
                                        "menu",        "splash",
                                        "splash-time", "reboot-timeout",
                                        "strict",      NULL };
    QTestState *s = dom_start(NULL);

    check_cmdline_group(s, "rtc", rtc);
    check_cmdline_group(s, "boot-opts", boot);
    qtest_quit(s);
}

/*
 * balloon and query-balloon: libvirt sets the target at every start of a
 * domain with a <memballoon> (the one it always adds) and reads the size
 * back when it reconnects. Sizes in bytes of the guest's RAM.
 */
static void test_balloon(void)
{
    QTestState *s = dom_start("-m 256M");
    JsonObject *rsp;

    rsp = qtest_qmp(s, "{'execute':'balloon','arguments':{'value':1}}");
    qmp_expect_error_and_unref(rsp, "DeviceNotActive");
    rsp = qtest_qmp(s, "{'execute':'query-balloon'}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "No balloon device has been activated");
    qmp_expect_error_and_unref(rsp, "DeviceNotActive");
    qtest_quit(s);

    s = dom_start("-m 256M -device virtio-balloon-ccw,id=balloon0");
    rsp = qtest_qmp(s, "{'execute':'query-balloon'}");
    g_assert_cmpint(json_object_get_int_member(
                        json_object_get_object_member(rsp, "return"), "actual"),
                    ==, 256 << 20);
    json_object_unref(rsp);
    qtest_qmp_assert_success(
        s, "{'execute':'balloon','arguments':{'value':134217728}}");
    /* more than the RAM: the RAM */
    qtest_qmp_assert_success(
        s, "{'execute':'balloon','arguments':{'value':999999999999}}");
    expect_qmp_error(s,
                     "{\"execute\":\"balloon\",\"arguments\":"
                     "{\"value\":0}}",
                     "Parameter 'target' expects a size");
    expect_qmp_error(s,
                     "{\"execute\":\"balloon\",\"arguments\":"
                     "{\"value\":-5}}",
                     "Parameter 'target' expects a size");
    expect_qmp_error(s, "{\"execute\":\"balloon\"}",
                     "Parameter 'value' is missing");
    expect_qmp_error(s,
                     "{\"execute\":\"balloon\",\"arguments\":"
                     "{\"value\":\"x\"}}",
                     "Invalid parameter type for 'value', expected: integer");
    expect_qmp_error(s,
                     "{\"execute\":\"balloon\",\"arguments\":"
                     "{\"value\":1,\"x\":1}}",
                     "Parameter 'x' is unexpected");
    expect_qmp_error(s,
                     "{\"execute\":\"query-balloon\",\"arguments\":"
                     "{\"a\":1}}",
                     "Parameter 'a' is unexpected");
    qtest_quit(s);
}

/* query-jobs, which libvirt runs when it reconnects to a domain: none */
static void test_jobs(void)
{
    QTestState *s = dom_start(NULL);
    g_autoptr(JsonArray) jobs = qmp_list(s, "{\"execute\":\"query-jobs\"}");

    g_assert_cmpuint(json_array_get_length(jobs), ==, 0);
    expect_qmp_error(s,
                     "{\"execute\":\"query-jobs\",\"arguments\":"
                     "{\"x\":1}}",
                     "Parameter 'x' is unexpected");
    qtest_quit(s);
}

/* inject-nmi without a machine to take it: QEMU 7.2's error */
static void test_inject_nmi_none(void)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    QTestState *s = qtest_init_opts(&opts, "-machine none -nodefaults");

    expect_qmp_error(s, "{\"execute\":\"inject-nmi\"}",
                     "this feature or command is not currently supported");
    expect_qmp_error(s,
                     "{\"execute\":\"inject-nmi\",\"arguments\":"
                     "{\"x\":1}}",
                     "Parameter 'x' is unexpected");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/domain-qmp/chardev", test_chardev);
    g_test_add_func("/domain-qmp/iothreads", test_iothreads);
    g_test_add_func("/domain-qmp/block", test_block);
    g_test_add_func("/domain-qmp/set-action", test_set_action);
    g_test_add_func("/domain-qmp/migrate-caps", test_migrate_caps);
    g_test_add_func("/domain-qmp/stats", test_stats);
    g_test_add_func("/domain-qmp/cmdline-groups", test_cmdline_groups);
    g_test_add_func("/domain-qmp/powerdown-event", test_powerdown_event);
    g_test_add_func("/domain-qmp/powerdown-sclp", test_powerdown_sclp);
    g_test_add_func("/domain-qmp/balloon", test_balloon);
    g_test_add_func("/domain-qmp/jobs", test_jobs);
    g_test_add_func("/domain-qmp/inject-nmi-none", test_inject_nmi_none);
    return g_test_run();
}
