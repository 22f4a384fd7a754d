/*
 * Device lifecycle over QMP with testdev: device_add with and without
 * id, bad values and failed realize leave nothing behind, duplicate ids,
 * device_del with DEVICE_DELETED (synchronous and after virtual time),
 * and devices created by -device at start-up.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest.h"

static QTestState *start(const char *extra)
{
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                        extra ? extra : "");

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

static gint cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Names of the child<> properties of @path, sorted, comma-separated. */
static gchar *children(QTestState *s, const char *path)
{
    JsonObject *rsp =
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': %s}}",
                  path);
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    gchar *out;
    guint i;

    g_assert_nonnull(arr);
    for (i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *p = json_array_get_object_element(arr, i);

        if (g_str_has_prefix(json_object_get_string_member(p, "type"),
                             "child<")) {
            g_ptr_array_add(names,
                            (gpointer)json_object_get_string_member(p, "name"));
        }
    }
    g_ptr_array_sort(names, cmp_names);
    g_ptr_array_add(names, NULL);
    out = g_strjoinv(",", (gchar **)names->pdata);
    json_object_unref(rsp);
    return out;
}

static void assert_children(QTestState *s, const char *path, const char *want)
{
    g_autofree gchar *got = children(s, path);

    g_assert_cmpstr(got, ==, want);
}

static int64_t get_int(QTestState *s, const char *path, const char *prop)
{
    JsonNode *v = qtest_qom_get(s, path, prop);
    int64_t val = json_node_get_int(v);

    json_node_unref(v);
    return val;
}

static gchar *get_str(QTestState *s, const char *path, const char *prop)
{
    JsonNode *v = qtest_qom_get(s, path, prop);
    gchar *val = g_strdup(json_node_get_string(v));

    json_node_unref(v);
    return val;
}

/* Wait for DEVICE_DELETED and check its data. */
static void expect_deleted(QTestState *s, const char *id, const char *path)
{
    JsonObject *ev = qtest_qmp_eventwait_ref(s, "DEVICE_DELETED");
    JsonObject *data = json_object_get_object_member(ev, "data");

    if (id) {
        g_assert_cmpstr(json_object_get_string_member(data, "device"), ==, id);
    } else {
        g_assert_false(json_object_has_member(data, "device"));
    }
    g_assert_cmpstr(json_object_get_string_member(data, "path"), ==, path);
    json_object_unref(ev);
}

static void test_add_with_id(void)
{
    QTestState *s = start(NULL);
    g_autofree gchar *label = NULL;
    g_autofree gchar *mode = NULL;

    assert_children(s, "/machine/peripheral", "");
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'd0', "
        "'u32': 42, 'label': 'x,y', 'mode': 'off', 'flag': true}}");
    assert_children(s, "/machine/peripheral", "d0");
    g_assert_cmpint(get_int(s, "/machine/peripheral/d0", "u32"), ==, 42);
    g_assert_cmpint(get_int(s, "/machine/peripheral/d0", "realize-count"), ==,
                    1);
    label = get_str(s, "/machine/peripheral/d0", "label");
    g_assert_cmpstr(label, ==, "x,y");
    mode = get_str(s, "/machine/peripheral/d0", "mode");
    g_assert_cmpstr(mode, ==, "off");
    qtest_quit(s);
}

static void test_add_anonymous(void)
{
    QTestState *s = start(NULL);

    qtest_qmp_assert_success(
        s, "{'execute': 'device_add', 'arguments': {'driver': 'testdev'}}");
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'u8': 3}}");
    assert_children(s, "/machine/peripheral-anon", "device[0],device[1]");
    assert_children(s, "/machine/peripheral", "");
    g_assert_cmpint(get_int(s, "/machine/peripheral-anon/device[1]", "u8"), ==,
                    3);
    qtest_quit(s);
}

/* Every failing device_add leaves both containers as they were. */
static void test_add_errors(void)
{
    QTestState *s = start("-device testdev,id=keep");

    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'b1', 'u32': 'abc'}}"),
        "GenericError", "Parameter 'u32' expects integer");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'u8': 256}}"),
        "GenericError", "Parameter 'u8' expects uint8_t");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'b2', 'devno': 'xyz'}}"),
        "GenericError", "Property 'testdev.devno' doesn't take value 'xyz'");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'b3', 'bogus': 1}}"),
        "GenericError", "Property 'testdev.bogus' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'b4', 'fail-realize': true}}"),
        "GenericError", "testdev: realize failed on request");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'fail-realize': true}}"),
        "GenericError", "testdev: realize failed on request");
    assert_error(
        qtest_qmp(s,
                  "{'execute': 'device_add', 'arguments': {'driver': 'foo'}}"),
        "GenericError", "'foo' is not a valid device model name");
    assert_error(
        qtest_qmp(s, "{'execute': 'device_add', 'arguments': {'id': 'z'}}"),
        "GenericError", "Parameter 'driver' is missing");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'keep'}}"),
        "GenericError", "Duplicate device ID 'keep'");

    assert_children(s, "/machine/peripheral", "keep");
    assert_children(s, "/machine/peripheral-anon", "");
    /* the failed ids are free again */
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'b4'}}");
    assert_children(s, "/machine/peripheral", "b4,keep");
    qtest_quit(s);
}

static void test_del(void)
{
    QTestState *s = start(NULL);

    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'd1'}}");
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'd1'}}");
    expect_deleted(s, "d1", "/machine/peripheral/d1");
    assert_children(s, "/machine/peripheral", "");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-list', 'arguments': {'path': '/machine/peripheral/d1'}}"),
        "DeviceNotFound", "Device '/machine/peripheral/d1' not found");
    assert_error(
        qtest_qmp(s, "{'execute': 'device_del', 'arguments': {'id': 'd1'}}"),
        "DeviceNotFound", "Device 'd1' not found");
    assert_error(
        qtest_qmp(s, "{'execute': 'device_del', 'arguments': {'id': 'x'}}"),
        "DeviceNotFound", "Device 'x' not found");
    /* the id can be used again */
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'd1'}}");
    assert_children(s, "/machine/peripheral", "d1");
    qtest_quit(s);
}

/* An anonymous device is deleted by its QOM path. */
static void test_del_anonymous(void)
{
    QTestState *s = start(NULL);

    qtest_qmp_assert_success(
        s, "{'execute': 'device_add', 'arguments': {'driver': 'testdev'}}");
    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_del', 'arguments': {'id': '/machine/peripheral-anon/device[0]'}}");
    expect_deleted(s, NULL, "/machine/peripheral-anon/device[0]");
    assert_children(s, "/machine/peripheral-anon", "");
    qtest_quit(s);
}

static void test_del_async(void)
{
    QTestState *s = start(NULL);

    qtest_qmp_assert_success(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'testdev', 'id': 'slow', "
        "'unplug-delay-ns': 1000000}}");
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'slow'}}");
    /* not yet: the device is still there */
    assert_children(s, "/machine/peripheral", "slow");
    qtest_clock_step(s, 999999);
    assert_children(s, "/machine/peripheral", "slow");
    assert_error(
        qtest_qmp(s, "{'execute': 'device_del', 'arguments': {'id': 'slow'}}"),
        "GenericError", "Device 'slow' is already in the process of unplug");
    qtest_clock_step(s, 1);
    expect_deleted(s, "slow", "/machine/peripheral/slow");
    assert_children(s, "/machine/peripheral", "");
    qtest_quit(s);
}

static void test_startup_device(void)
{
    QTestState *s = start("-device testdev,id=boot,i32=-3 -device testdev");

    assert_children(s, "/machine/peripheral", "boot");
    assert_children(s, "/machine/peripheral-anon", "device[0]");
    g_assert_cmpint(get_int(s, "/machine/peripheral/boot", "i32"), ==, -3);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'boot'}}");
    expect_deleted(s, "boot", "/machine/peripheral/boot");
    assert_children(s, "/machine/peripheral", "");
    assert_children(s, "/machine/peripheral-anon", "device[0]");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/device/add-with-id", test_add_with_id);
    g_test_add_func("/device/add-anonymous", test_add_anonymous);
    g_test_add_func("/device/add-errors", test_add_errors);
    g_test_add_func("/device/del", test_del);
    g_test_add_func("/device/del-anonymous", test_del_anonymous);
    g_test_add_func("/device/del-async", test_del_async);
    g_test_add_func("/device/startup-device", test_startup_device);
    return g_test_run();
}
