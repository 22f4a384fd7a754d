/*
 * -device bus= and device_add's "bus" on the s390-ccw-virtio machine:
 * the forms that place a channel device on the virtual css bus, and the
 * errors (with the hint line that lists what is there) for the forms
 * that do not.
 *
 * QTEST_REAL_QEMU=1 runs the same checks against QEMU 7.2 with
 * virtio-rng-ccw in place of ccw-testdev.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest.h"

#define PFX "qemu-system-s390x: "

static bool real_qemu;

static const char *ccw_driver(void)
{
    return real_qemu ? "virtio-rng-ccw" : "ccw-testdev";
}

static QTestState *start(const char *extra)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s %s",
                        real_qemu ? "-accel tcg -S" : "", extra);

    return qtest_init_opts(&opts, args);
}

/*
 * "-device <ccw driver>,<opts>" must fail with @line1 (where "@D" stands
 * for the driver) and @line2, the hint, or nothing.
 */
static void check_refused(const char *opts, const char *line1,
                          const char *line2)
{
    g_autofree char *dev = g_strdup_printf("%s,%s", ccw_driver(), opts);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S -device %s",
        dev);
    g_auto(GStrv) parts = g_strsplit(line1, "@D", -1);
    g_autofree char *want1 = g_strjoinv(ccw_driver(), parts);
    g_autofree gchar *out = NULL;
    g_autofree gchar *err = NULL;
    g_auto(GStrv) lines = NULL;
    int status;

    out = qtest_run_cmdline(args, &status, &err);
    g_test_message("-device %s -> %d: %s", dev, status, err);
    g_assert_cmpint(status, ==, 1);
    lines = g_strsplit(err, "\n", -1);
    g_assert_cmpstr(lines[0], ==, want1);
    if (line2) {
        g_assert_cmpstr(lines[1], ==, line2);
    } else {
        g_assert_cmpstr(lines[1], ==, "");
    }
}

static void test_refused(void)
{
    check_refused("bus=nope", PFX "-device @D,bus=nope: Bus 'nope' not found",
                  NULL);
    check_refused("bus=", PFX "-device @D,bus=: Bus '' not found", NULL);
    check_refused("bus=/virtual-css-bridge/x",
                  PFX "-device @D,bus=/virtual-css-bridge/x: Bus 'x' not found",
                  "child buses at \"virtual-css-bridge\": \"virtual-css\"");
    check_refused("bus=virtual-css/x",
                  PFX "-device @D,bus=virtual-css/x: Device 'x' not found",
                  "devices at \"virtual-css\":");
    check_refused(
        "bus=main-system-bus",
        PFX
        "-device @D,bus=main-system-bus: Device '@D' can't go on System bus",
        NULL);
    if (!real_qemu) {
        /* QEMU's system bus holds more devices than ours */
        check_refused(
            "bus=/nope", PFX "-device @D,bus=/nope: Device 'nope' not found",
            "devices at \"main-system-bus\": \"virtual-css-bridge\", \"s390-pcihost\"");
    }
}

static bool is_realized(QTestState *s, const char *id)
{
    g_autofree char *path = g_strdup_printf("/machine/peripheral/%s", id);
    JsonNode *v = qtest_qom_get(s, path, "realized");
    bool realized = json_node_get_boolean(v);

    json_node_unref(v);
    return realized;
}

/* Every accepted spelling of the css bus puts the device there. */
static void test_placed(void)
{
    static const char *const forms[] = {
        "virtual-css",
        "/virtual-css-bridge/virtual-css",
        "/virtual-css-bridge",
        "//virtual-css-bridge//virtual-css/",
        "main-system-bus/virtual-css-bridge",
        NULL,
    };
    int i;

    for (i = 0; forms[i]; i++) {
        g_autofree char *extra = g_strdup_printf("-device %s,id=d%d,bus=%s",
                                                 ccw_driver(), i, forms[i]);
        g_autofree char *id = g_strdup_printf("d%d", i);
        QTestState *s = start(extra);

        g_test_message("bus=%s", forms[i]);
        g_assert_true(is_realized(s, id));
        qtest_quit(s);
    }
}

static void assert_error(JsonObject *rsp, const char *klass, const char *desc)
{
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, klass);
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

/* device_add: the same lookups, and a missing device is DeviceNotFound. */
static void test_qmp(void)
{
    QTestState *s = start("");

    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': %s, 'bus': 'nope'}}",
            ccw_driver()),
        "GenericError", "Bus 'nope' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': %s, 'bus': '/nope'}}",
            ccw_driver()),
        "DeviceNotFound", "Device 'nope' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': %s, 'bus': '/virtual-css-bridge/x'}}",
            ccw_driver()),
        "GenericError", "Bus 'x' not found");
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': %s, 'id': 'h', 'bus': 'virtual-css'}}",
        ccw_driver());
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/bus/refused", test_refused);
    g_test_add_func("/bus/placed", test_placed);
    g_test_add_func("/bus/qmp", test_qmp);
    return g_test_run();
}
