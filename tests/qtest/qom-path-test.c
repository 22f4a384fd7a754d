/*
 * How qom-list, qom-get and qom-set find objects and list properties:
 * absolute paths (empty components skipped), partial paths (unique
 * trailing components anywhere in the tree), ambiguous partial paths,
 * the order of qom-list, child properties read as paths, strict JSON
 * types on qom-set.
 */
#include <stdio.h>
#include <string.h>

#include "libqtest.h"

static QTestState *start(const char *extra)
{
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s", extra);

    return qtest_init(args);
}

static void assert_error(JsonObject *rsp, const char *klass, const char *desc)
{
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, klass);
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

static void assert_get_str(QTestState *s, const char *path, const char *prop,
                           const char *want)
{
    JsonNode *v = qtest_qom_get(s, path, prop);

    g_assert_nonnull(v);
    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_STRING);
    g_assert_cmpstr(json_node_get_string(v), ==, want);
    json_node_unref(v);
}

/* qom-list @path as "name:type name:type ..." (g_free it). */
static char *qom_list_line(QTestState *s, const char *path)
{
    JsonObject *rsp =
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': %s}}",
                  path);
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    GString *line = g_string_new("");

    g_assert_nonnull(arr);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *p = json_array_get_object_element(arr, i);

        g_string_append_printf(line, "%s:%s ",
                               json_object_get_string_member(p, "name"),
                               json_object_get_string_member(p, "type"));
    }
    json_object_unref(rsp);
    return g_string_free(line, FALSE);
}

static void test_paths(void)
{
    QTestState *s = start(
        "-device testdev,id=t1 -device testdev -object memory-backend-ram,id=m1,size=1M "
        "-device testdev,id=m1");

    assert_get_str(s, "/", "type", "container");
    assert_get_str(s, "/machine//peripheral/t1/", "type", "testdev");
    assert_get_str(s, "t1", "type", "testdev");
    assert_get_str(s, "peripheral/t1", "type", "testdev");
    assert_get_str(s, "peripheral-anon/device[0]", "type", "testdev");
    assert_get_str(s, "objects/m1", "type", "memory-backend-ram");
    assert_get_str(s, "peripheral/m1", "type", "testdev");
    /* a child property reads as its child's canonical path */
    assert_get_str(s, "/machine/peripheral", "t1", "/machine/peripheral/t1");
    assert_get_str(s, "/", "objects", "/objects");

    assert_error(
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': 'm1'}}"),
        "GenericError", "Path 'm1' is ambiguous");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-get', 'arguments': {'path': 'm1', 'property': 'type'}}"),
        "DeviceNotFound", "Device 'm1' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-get', 'arguments': {'path': 'peripheral/t2', 'property': 'type'}}"),
        "DeviceNotFound", "Device 'peripheral/t2' not found");
    qtest_quit(s);
}

static void test_list_order(void)
{
    QTestState *s = start("-device testdev,id=t1");
    g_autofree char *dev = qom_list_line(s, "/machine/peripheral/t1");
    g_autofree char *box = qom_list_line(s, "/machine/peripheral");

    /* the type's own properties, then its ancestors', "type" last */
    g_assert_true(g_str_has_prefix(dev, "flag:bool u8:uint8 u32:uint32 "));
    g_assert_true(g_str_has_suffix(
        dev, " realized:bool hotpluggable:bool hotplugged:bool type:string "));
    /* instance properties (children) before class properties */
    g_assert_cmpstr(box, ==, "t1:child<testdev> type:string ");
    qtest_quit(s);
}

static void test_set_strict(void)
{
    QTestState *s = start("-device testdev,id=t1");
    JsonNode *v;

    assert_error(
        qtest_qmp(s, "{'execute': 'qom-set', 'arguments': {'path': '/machine', "
                     "'property': 'dump-guest-core', 'value': 'yes'}}"),
        "GenericError",
        "Invalid parameter type for 'dump-guest-core', expected: boolean");
    json_object_unref(
        qtest_qmp(s, "{'execute': 'qom-set', 'arguments': {'path': 'machine', "
                     "'property': 'dump-guest-core', 'value': false}}"));
    v = qtest_qom_get(s, "/machine", "dump-guest-core");
    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_BOOLEAN);
    g_assert_false(json_node_get_boolean(v));
    json_node_unref(v);
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/machine/peripheral', "
            "'property': 't1', 'value': 'x'}}"),
        "GenericError", "Property 'container.t1' is not writable");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom-path/paths", test_paths);
    g_test_add_func("/qom-path/list-order", test_list_order);
    g_test_add_func("/qom-path/set-strict", test_set_strict);
    return g_test_run();
}
