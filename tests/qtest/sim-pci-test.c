/*
 * sim-pci-function as a user configures it: declared on the command line
 * and with object-add (JSON and key=value forms), its values read back
 * with qom-get, fault injection switched with qom-set, and the refusals
 * of bad hosts and properties.  docs/system/s390x/objects.rst.
 */
#include <glib.h>
#include <string.h>

#include "cmdline-test.h"

#define ARGS "-machine s390-ccw-virtio -nodefaults "

static gint64 qom_int(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gint64 v;

    g_assert_nonnull(n);
    v = json_node_get_int(n);
    json_node_unref(n);
    return v;
}

static gboolean qom_bool(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gboolean v;

    g_assert_nonnull(n);
    v = json_node_get_boolean(n);
    json_node_unref(n);
    return v;
}

static void test_command_line(void)
{
    QTestState *s = qtest_init(
        ARGS "-object sim-pci-function,id=f0,host=0000:00:1d.0,noi=64,"
             "util-str=ISM -object sim-pci-function,id=f1,host=00:1d.1 "
             "-object '{\"qom-type\":\"sim-pci-function\",\"id\":\"f5\","
             "\"host\":\"0000:00:1d.5\",\"pchid\":418}'");

    g_assert_cmpint(qom_int(s, "/objects/f0", "noi"), ==, 64);
    g_assert_cmpint(qom_int(s, "/objects/f0", "gid"), ==, 0xff);
    g_assert_cmpint(qom_int(s, "/objects/f0", "maxstbl"), ==, 128);
    g_assert_cmpint(qom_int(s, "/objects/f1", "start-dma"), ==, 0x100000000);
    g_assert_cmpint(qom_int(s, "/objects/f5", "pchid"), ==, 418);
    g_assert_cmpint(qom_int(s, "/objects/f5", "dma-limit"), ==, 65535);
    g_assert_cmpint(qom_int(s, "/objects/f5", "resets"), ==, 0);
    g_assert_false(qom_bool(s, "/objects/f5", "dma-error"));

    /* fault injection changes at any time; the rest does not */
    qtest_qmp_assert_success(
        s, "{'execute': 'qom-set', 'arguments': {'path': '/objects/f5', "
           "'property': 'dma-error', 'value': true}}");
    g_assert_true(qom_bool(s, "/objects/f5", "dma-error"));
    expect_qmp_error(
        s,
        "{\"execute\": \"qom-set\", \"arguments\": {\"path\": \"/objects/f5\", "
        "\"property\": \"noi\", \"value\": 3}}",
        "sim-pci-function: properties cannot be changed after creation");

    /* object-add: a free address of the slot, then a taken one */
    qtest_qmp_assert_success(
        s, "{'execute': 'object-add', 'arguments': {'qom-type': "
           "'sim-pci-function', 'id': 'f7', 'host': '0000:00:1d.7'}}");
    expect_qmp_error(
        s,
        "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
        "\"sim-pci-function\", \"id\": \"f8\", \"host\": \"00:1d.7\"}}",
        "sim-pci-function: host 0000:00:1d.7 is already in use");
    qtest_qmp_assert_success(
        s, "{'execute': 'object-del', 'arguments': {'id': 'f7'}}");
    qtest_qmp_assert_success(
        s, "{'execute': 'object-add', 'arguments': {'qom-type': "
           "'sim-pci-function', 'id': 'f8', 'host': '00:1d.7'}}");
    qtest_quit(s);
}

static void test_start_errors(void)
{
    expect_start_error(
        "-object sim-pci-function,id=f0",
        "-object sim-pci-function,id=f0: sim-pci-function: parameter 'host' is missing");
    expect_start_error(
        "-object sim-pci-function,id=f0,host=00:1d.9",
        "sim-pci-function: PCI address '00:1d.9': function 9 is out of range 0..7 at character 7");
    expect_start_error(
        "-object sim-pci-function,id=f0,host=00:1d.*",
        "sim-pci-function: host '00:1d.*' must name one function (DDDD:BB:DD.F); declare one object per function");
    expect_start_error("-object sim-pci-function,id=f0,host=00:1d.0 "
                       "-object sim-pci-function,id=f1,host=0000:00:1d.0",
                       "-object sim-pci-function,id=f1,host=0000:00:1d.0: "
                       "sim-pci-function: host 0000:00:1d.0 is already in use");
    expect_start_error(
        "-object sim-pci-function,id=f0,host=00:1d.0,msix-vectors=200",
        "sim-pci-function: msix-vectors 200 is out of range 1..128");
    expect_start_error(
        "-object sim-pci-function,id=f0,host=00:1d.0,pfip=xyz",
        "sim-pci-function: pfip 'xyz' is not 1 to 4 bytes in hex (e.g. 01020304)");
    expect_start_error(
        "-object sim-pci-function,id=f0,host=00:1d.0,vendor-id=0x10000",
        "sim-pci-function: vendor-id 0x10000 is out of range 0..0xffff");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sim-pci/command-line", test_command_line);
    g_test_add_func("/sim-pci/start-errors", test_start_errors);
    return g_test_run();
}
