/*
 * Back-end objects seen from outside: guest RAM from a memory back end
 * (-machine memory-backend=ID, as libvirt starts s390x guests), object-add
 * and object-del of memory back ends and secrets over QMP, and the
 * command-line errors with QEMU's texts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest.h"

#define MiB (1024ULL * 1024)

static void assert_error(JsonObject *rsp, const char *desc)
{
    JsonObject *err;

    g_assert_nonnull(rsp);
    g_assert_true(json_object_has_member(rsp, "error"));
    err = json_object_get_object_member(rsp, "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==,
                    "GenericError");
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

static gint64 qom_get_int(QTestState *s, const char *path, const char *prop)
{
    g_autoptr(JsonNode) node = qtest_qom_get(s, path, prop);

    return json_node_get_int(node);
}

static void test_ram_from_backend(void)
{
    QTestState *s = qtest_init(
        "-object memory-backend-ram,id=mem0,size=64M -machine s390-ccw-virtio,memory-backend=mem0 "
        "-nodefaults");

    /* the last bytes of the 64 MiB are RAM */
    qtest_writeq(s, 64 * MiB - 8, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(s, 64 * MiB - 8), ==, 0x0123456789abcdefULL);
    qtest_writel(s, 0, 0xfeedf00d);
    g_assert_cmphex(qtest_readl(s, 0), ==, 0xfeedf00d);
    /* the first byte past them is not: writes vanish, reads give 0 */
    qtest_writeq(s, 64 * MiB, 0x1111111111111111ULL);
    g_assert_cmphex(qtest_readq(s, 64 * MiB), ==, 0);
    g_assert_cmphex(qtest_readq(s, 64 * MiB - 8), ==, 0x0123456789abcdefULL);

    g_assert_cmpint(qom_get_int(s, "/objects/mem0", "size"), ==, 64 * MiB);
    assert_error(
        qtest_qmp(s, "{'execute': 'object-del', 'arguments': {'id': 'mem0'}}"),
        "object 'mem0' is in use, can not be deleted");
    /* still there, still the guest's RAM */
    g_assert_cmpint(qom_get_int(s, "/objects/mem0", "size"), ==, 64 * MiB);
    g_assert_cmphex(qtest_readl(s, 0), ==, 0xfeedf00d);
    qtest_quit(s);
}

/* The JSON form libvirt emits, with an -m that agrees. */
static void test_ram_from_json_backend(void)
{
    QTestState *s = qtest_init(
        "-object '{\"qom-type\":\"memory-backend-ram\",\"id\":\"s390.ram\",\"size\":33554432}' -m 32M "
        "-machine s390-ccw-virtio,memory-backend=s390.ram -nodefaults");

    qtest_writeb(s, 32 * MiB - 1, 0x5a);
    g_assert_cmphex(qtest_readb(s, 32 * MiB - 1), ==, 0x5a);
    qtest_writeb(s, 32 * MiB, 0x5a);
    g_assert_cmphex(qtest_readb(s, 32 * MiB), ==, 0);
    qtest_quit(s);
}

static void test_object_add_del(void)
{
    QTestState *s = qtest_init("-machine s390-ccw-virtio -nodefaults");
    g_autoptr(JsonNode) loaded = NULL;

    qtest_qmp_assert_success(
        s,
        "{'execute': 'object-add', 'arguments': {'qom-type': 'memory-backend-memfd', "
        "'id': 'm1', 'size': 1048576}}");
    g_assert_cmpint(qom_get_int(s, "/objects/m1", "size"), ==, 1 * MiB);
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/objects/m1', 'property': 'size', 'value': 2097152}}"),
        "cannot change property size of memory-backend-memfd ");
    qtest_qmp_assert_success(
        s, "{'execute': 'object-del', 'arguments': {'id': 'm1'}}");
    assert_error(
        qtest_qmp(s, "{'execute': 'object-del', 'arguments': {'id': 'm1'}}"),
        "object 'm1' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': 'memory-backend-ram', 'id': 'm2'}}"),
        "Parameter 'size' is missing");

    qtest_qmp_assert_success(
        s,
        "{'execute': 'object-add', 'arguments': {'qom-type': 'secret', 'id': 'sec0', "
        "'data': 'cGFzc3dvcmQ=', 'format': 'base64'}}");
    loaded = qtest_qom_get(s, "/objects/sec0", "loaded");
    g_assert_true(json_node_get_boolean(loaded));
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': 'secret', 'id': 'sec1'}}"),
        "Either 'file' or 'data' must be provided");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': 'secret', 'id': 'sec1', "
            "'data': 'x', 'file': '/dev/null'}}"),
        "'file' and 'data' are mutually exclusive");
    qtest_qmp_assert_success(
        s, "{'execute': 'object-del', 'arguments': {'id': 'sec0'}}");
    qtest_quit(s);
}

static void expect_cmdline_error(const char *args, const char *expect)
{
    g_autofree gchar *full =
        g_strdup_printf("%s -nodefaults -display none -S -accel qtest", args);
    g_autofree gchar *err = NULL;
    g_autofree gchar *out = NULL;
    int status;

    out = qtest_run_cmdline(full, &status, &err);
    g_assert_cmpint(status, ==, 1);
    g_assert_cmpstr(err, ==, expect);
}

static void test_cmdline_errors(void)
{
    expect_cmdline_error(
        "-object memory-backend-ram,id=mem0,size=64M -machine s390-ccw-virtio,memory-backend=mem0 -m 256M",
        "qemu-system-s390x: Machine memory size does not match the size of the memory backend\n");
    expect_cmdline_error("-machine s390-ccw-virtio,memory-backend=nope",
                         "qemu-system-s390x: Memory backend 'nope' not found\n");
    expect_cmdline_error(
        "-object secret,id=s0,data=x -machine s390-ccw-virtio,memory-backend=s0",
        "qemu-system-s390x: Memory backend 's0' not found\n");
    expect_cmdline_error(
        "-object memory-backend-ram,id=mem0,size=1000k -machine s390-ccw-virtio,memory-backend=mem0",
        "qemu-system-s390x: ram size must be multiples of 1 MiB\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/backend/ram-from-backend", test_ram_from_backend);
    g_test_add_func("/backend/ram-from-json-backend",
                    test_ram_from_json_backend);
    g_test_add_func("/backend/object-add-del", test_object_add_del);
    g_test_add_func("/backend/cmdline-errors", test_cmdline_errors);
    return g_test_run();
}
