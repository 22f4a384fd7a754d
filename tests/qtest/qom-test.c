/*
 * The QOM tree and type system seen over QMP: qom-list, qom-get,
 * qom-set, qom-list-types, device-list-properties, query-machines,
 * object-add and object-del.
 *
 * QTEST_REAL_QEMU=1 (with QTEST_QEMU_BINARY pointing at Debian's
 * qemu-system-s390x) runs the checks that do not need testdev against
 * QEMU 7.2 itself.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest.h"

static bool real_qemu;

static QTestState *start(const char *extra)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s %s",
                        real_qemu ? "-accel tcg -S" : "", extra ? extra : "");

    return qtest_init_opts(&opts, args);
}

static bool need_testdev(void)
{
    if (real_qemu) {
        g_test_skip("needs testdev");
        return false;
    }
    return true;
}

static void assert_error(JsonObject *rsp, const char *klass, const char *desc)
{
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, klass);
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

/* qom-list @path as a name -> type table (g_hash_table_unref it). */
static GHashTable *qom_list(QTestState *s, const char *path)
{
    JsonObject *rsp =
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': %s}}",
                  path);
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          g_free);
    guint i;

    g_assert_nonnull(arr);
    for (i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *p = json_array_get_object_element(arr, i);

        g_hash_table_insert(h,
                            g_strdup(json_object_get_string_member(p, "name")),
                            g_strdup(json_object_get_string_member(p, "type")));
    }
    json_object_unref(rsp);
    return h;
}

static void assert_prop(GHashTable *h, const char *name, const char *type)
{
    g_assert_cmpstr(g_hash_table_lookup(h, name), ==, type);
}

static void assert_get_str(QTestState *s, const char *path, const char *prop,
                           const char *want)
{
    JsonNode *v = qtest_qom_get(s, path, prop);

    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_STRING);
    g_assert_cmpstr(json_node_get_string(v), ==, want);
    json_node_unref(v);
}

static void assert_get_int(QTestState *s, const char *path, const char *prop,
                           int64_t want)
{
    JsonNode *v = qtest_qom_get(s, path, prop);

    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_INT64);
    g_assert_cmpint(json_node_get_int(v), ==, want);
    json_node_unref(v);
}

static void assert_get_bool(QTestState *s, const char *path, const char *prop,
                            bool want)
{
    JsonNode *v = qtest_qom_get(s, path, prop);

    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_BOOLEAN);
    g_assert_cmpint(json_node_get_boolean(v), ==, want);
    json_node_unref(v);
}

/* ---- the tree ---- */

static void test_list_root(void)
{
    QTestState *s = start(NULL);
    g_autoptr(GHashTable) root = qom_list(s, "/");
    g_autoptr(GHashTable) machine = qom_list(s, "/machine");

    assert_prop(root, "type", "string");
    assert_prop(root, "machine", "child<s390-ccw-virtio-7.2-machine>");
    assert_prop(root, "objects", "child<container>");
    assert_prop(machine, "type", "string");
    assert_prop(machine, "peripheral", "child<container>");
    assert_prop(machine, "peripheral-anon", "child<container>");
    assert_prop(machine, "unattached", "child<container>");

    assert_get_str(s, "/machine", "type", "s390-ccw-virtio-7.2-machine");
    assert_get_str(s, "/machine/peripheral", "type", "container");
    assert_error(
        qtest_qmp(s, "{'execute': 'qom-list', 'arguments': {'path': '/nope'}}"),
        "DeviceNotFound", "Device '/nope' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-get', 'arguments': {'path': '/nope', 'property': 'type'}}"),
        "DeviceNotFound", "Device '/nope' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-get', 'arguments': {'path': '/machine', 'property': 'nope'}}"),
        "GenericError",
        "Property 's390-ccw-virtio-7.2-machine.nope' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/machine', 'property': 'type', 'value': 'x'}}"),
        "GenericError",
        "Property 's390-ccw-virtio-7.2-machine.type' is not writable");
    qtest_quit(s);
}

/* ---- testdev properties through JSON ---- */

static void test_testdev_props(void)
{
    QTestState *s;
    const char *t = "/machine/peripheral/t";

    if (!need_testdev()) {
        return;
    }
    s = start(
        "-device testdev,id=t,flag=on,u8=200,i32=-5,size=1M,label=hello,mode=on,devno=fe.0.1234,addr=06.2");
    assert_get_str(s, t, "type", "testdev");
    assert_get_bool(s, t, "flag", true);
    assert_get_int(s, t, "u8", 200);
    assert_get_int(s, t, "u32", 7);
    assert_get_int(s, t, "i32", -5);
    assert_get_int(s, t, "size", 1024 * 1024);
    assert_get_str(s, t, "label", "hello");
    assert_get_str(s, t, "mode", "on");
    assert_get_str(s, t, "devno", "fe.0.1234");
    assert_get_int(s, t, "addr", 0x32);
    assert_get_bool(s, t, "fail-realize", false);
    assert_get_int(s, t, "realize-count", 1);
    assert_get_bool(s, t, "realized", true);

    /* properties freeze at realize, whatever the value's type */
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': %s, 'property': 'u32', 'value': 9}}",
            t),
        "GenericError",
        "Attempt to set property 'u32' on device 't' (type 'testdev') after it was realized");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': %s, 'property': 'label', 'value': 'x'}}",
            t),
        "GenericError",
        "Attempt to set property 'label' on device 't' (type 'testdev') after it was realized");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': %s, 'property': 'realize-count', 'value': 3}}",
            t),
        "GenericError", "Property 'testdev.realize-count' is not writable");
    assert_get_int(s, t, "u32", 7);
    assert_get_str(s, t, "label", "hello");
    assert_get_int(s, t, "realize-count", 1);
    qtest_quit(s);
}

static void test_testdev_anon_set(void)
{
    QTestState *s;

    if (!need_testdev()) {
        return;
    }
    s = start("-device testdev");
    assert_get_str(s, "/machine/peripheral-anon/device[0]", "type", "testdev");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/machine/peripheral-anon/device[0]', "
            "'property': 'flag', 'value': true}}"),
        "GenericError",
        "Attempt to set property 'flag' on anonymous device (type 'testdev') after it was realized");
    qtest_quit(s);
}

/* ---- types ---- */

/* qom-list-types as name -> JSON object of the entry (unref both). */
static GHashTable *list_types(QTestState *s, const char *implements,
                              bool abstract, JsonObject **rsp_out)
{
    JsonObject *rsp =
        abstract
            ? qtest_qmp(
                  s,
                  "{'execute': 'qom-list-types', 'arguments': {'implements': %s, 'abstract': true}}",
                  implements)
            : qtest_qmp(
                  s,
                  "{'execute': 'qom-list-types', 'arguments': {'implements': %s, 'abstract': false}}",
                  implements);
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
    guint i;

    g_assert_nonnull(arr);
    for (i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *t = json_array_get_object_element(arr, i);

        g_hash_table_insert(h,
                            (gpointer)json_object_get_string_member(t, "name"),
                            t);
    }
    *rsp_out = rsp;
    return h;
}

static void test_list_types(void)
{
    QTestState *s = start(NULL);
    const char *concrete = real_qemu ? "virtio-rng-ccw" : "testdev";
    JsonObject *rsp, *t;
    GHashTable *h;

    h = list_types(s, "device", true, &rsp);
    t = g_hash_table_lookup(h, "device");
    g_assert_nonnull(t);
    g_assert_true(json_object_get_boolean_member(t, "abstract"));
    t = g_hash_table_lookup(h, concrete);
    g_assert_nonnull(t);
    g_assert_false(json_object_has_member(t, "abstract"));
    if (!real_qemu) {
        g_assert_cmpstr(json_object_get_string_member(t, "parent"), ==,
                        "device");
    }
    g_assert_null(g_hash_table_lookup(h, "container"));
    g_hash_table_unref(h);
    json_object_unref(rsp);

    h = list_types(s, "device", false, &rsp);
    g_assert_null(g_hash_table_lookup(h, "device"));
    g_assert_nonnull(g_hash_table_lookup(h, concrete));
    g_hash_table_unref(h);
    json_object_unref(rsp);

    h = list_types(s, "nope", true, &rsp);
    g_assert_cmpint(g_hash_table_size(h), ==, 0);
    g_hash_table_unref(h);
    json_object_unref(rsp);
    qtest_quit(s);
}

/* One entry of device-list-properties' reply, or NULL. */
static JsonObject *find_prop(JsonArray *props, const char *name)
{
    guint i;

    for (i = 0; i < json_array_get_length(props); i++) {
        JsonObject *p = json_array_get_object_element(props, i);

        if (g_str_equal(json_object_get_string_member(p, "name"), name)) {
            return p;
        }
    }
    return NULL;
}

static void check_dlp(JsonArray *props, const char *name, const char *type,
                      const char *defval_json)
{
    JsonObject *p = find_prop(props, name);
    JsonNode *def;
    g_autofree gchar *text = NULL;

    if (!p) {
        g_error("device-list-properties testdev lacks %s", name);
    }
    g_assert_cmpstr(json_object_get_string_member(p, "type"), ==, type);
    def = json_object_get_member(p, "default-value");
    if (!defval_json) {
        g_assert_null(def);
        return;
    }
    g_assert_nonnull(def);
    text = json_to_string(def, FALSE);
    g_assert_cmpstr(text, ==, defval_json);
}

static void test_device_list_properties(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp;
    JsonArray *props;

    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device-list-properties', 'arguments': {'typename': 'foo'}}"),
        "DeviceNotFound", "Device 'foo' not found");
    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'device-list-properties', 'arguments': {'typename': 'device'}}"),
        "GenericError",
        "Parameter 'typename' expects a non-abstract device type");
    if (real_qemu) {
        qtest_quit(s);
        return;
    }
    rsp = qtest_qmp(
        s,
        "{'execute': 'device-list-properties', 'arguments': {'typename': 'testdev'}}");
    props = json_object_get_array_member(rsp, "return");
    g_assert_nonnull(props);
    check_dlp(props, "flag", "bool", "false");
    check_dlp(props, "u8", "uint8", "0");
    check_dlp(props, "u32", "uint32", "7");
    check_dlp(props, "i32", "int32", "0");
    check_dlp(props, "size", "size", "0");
    check_dlp(props, "label", "str", NULL);
    check_dlp(props, "mode", "OnOffAuto", "\"auto\"");
    check_dlp(props, "devno", "str", NULL);
    check_dlp(props, "fail-realize", "bool", "false");
    check_dlp(props, "unplug-delay-ns", "uint64", "0");
    check_dlp(props, "realize-count", "uint32", NULL);
    /* qdev internals are not listed, as in QEMU */
    g_assert_null(find_prop(props, "realized"));
    g_assert_null(find_prop(props, "type"));
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_query_machines(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-machines'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    JsonObject *ours = NULL;
    guint i, defaults = 0;

    g_assert_nonnull(arr);
    for (i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *m = json_array_get_object_element(arr, i);

        if (json_object_get_boolean_member_with_default(m, "is-default",
                                                        false)) {
            defaults++;
        }
        if (g_str_equal(json_object_get_string_member(m, "name"),
                        "s390-ccw-virtio-7.2")) {
            ours = m;
        }
    }
    g_assert_nonnull(ours);
    g_assert_cmpuint(defaults, ==, 1);
    g_assert_true(json_object_get_boolean_member(ours, "is-default"));
    g_assert_cmpstr(json_object_get_string_member(ours, "alias"), ==,
                    "s390-ccw-virtio");
    g_assert_cmpint(json_object_get_int_member(ours, "cpu-max"), >, 0);
    json_object_unref(rsp);
    qtest_quit(s);
}

/* ---- user-creatable objects ---- */

static void test_object_errors(void)
{
    QTestState *s = start(NULL);

    assert_error(
        qtest_qmp(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': 'foo', 'id': 'o'}}"),
        "GenericError", "Parameter 'qom-type' does not accept value 'foo'");
    assert_error(
        qtest_qmp(s, "{'execute': 'object-del', 'arguments': {'id': 'nope'}}"),
        "GenericError", "object 'nope' not found");
    assert_error(
        qtest_qmp(s, "{'execute': 'object-add', 'arguments': {'id': 'o'}}"),
        "GenericError", "Parameter 'qom-type' is missing");
    qtest_quit(s);
}

/* A concrete user-creatable type that needs no properties, or NULL. */
static const char *simple_object_type(QTestState *s)
{
    static const char *const candidates[] = {
        "memory-backend-ram",
        "authz-simple",
        "throttle-group",
        NULL,
    };
    JsonObject *rsp;
    GHashTable *h = list_types(s, "user-creatable", false, &rsp);
    const char *found = NULL;
    int i;

    for (i = 0; candidates[i] && !found; i++) {
        if (g_hash_table_contains(h, candidates[i])) {
            found = candidates[i];
        }
    }
    g_hash_table_unref(h);
    json_object_unref(rsp);
    return found;
}

static void test_object_add_del(void)
{
    QTestState *s = start(NULL);
    const char *type = simple_object_type(s);
    g_autoptr(GHashTable) objs = NULL;
    g_autofree char *child = NULL;

    if (!type) {
        g_test_skip("no user-creatable object type is registered");
        qtest_quit(s);
        return;
    }
    child = g_strdup_printf("child<%s>", type);
    if (g_str_equal(type, "memory-backend-ram")) {
        qtest_qmp_assert_success(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': %s, 'id': 'o1', 'size': 1048576}}",
            type);
    } else {
        qtest_qmp_assert_success(
            s,
            "{'execute': 'object-add', 'arguments': {'qom-type': %s, 'id': 'o1'}}",
            type);
    }
    objs = qom_list(s, "/objects");
    assert_prop(objs, "o1", child);
    assert_get_str(s, "/objects/o1", "type", type);
    qtest_qmp_assert_success(
        s, "{'execute': 'object-del', 'arguments': {'id': 'o1'}}");
    g_hash_table_unref(objs);
    objs = qom_list(s, "/objects");
    g_assert_null(g_hash_table_lookup(objs, "o1"));
    assert_error(
        qtest_qmp(s, "{'execute': 'object-del', 'arguments': {'id': 'o1'}}"),
        "GenericError", "object 'o1' not found");
    qtest_quit(s);
}

/*
 * A uint64 above INT64_MAX over QMP, both ways: device_add takes it as
 * the number it is, qom-get gives it back unsigned, not as a double
 * (this test's JSON reader, json-glib, keeps the 64 bits as an int64)
 */
static void test_uint64_above_int64(void)
{
    QTestState *s;
    JsonNode *v;

    if (!need_testdev()) {
        return;
    }
    s = start(NULL);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_add', 'arguments': {'driver': 'testdev', "
           "'id': 'u', 'unplug-delay-ns': 18446744073709551614}}");
    v = qtest_qom_get(s, "/machine/peripheral/u", "unplug-delay-ns");
    g_assert_cmpint(json_node_get_value_type(v), ==, G_TYPE_INT64);
    g_assert_cmphex((uint64_t)json_node_get_int(v), ==, UINT64_MAX - 1);
    json_node_unref(v);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/qom/list-root", test_list_root);
    g_test_add_func("/qom/testdev-props", test_testdev_props);
    g_test_add_func("/qom/testdev-anon-set", test_testdev_anon_set);
    g_test_add_func("/qom/uint64-above-int64", test_uint64_above_int64);
    g_test_add_func("/qom/list-types", test_list_types);
    g_test_add_func("/qom/device-list-properties", test_device_list_properties);
    g_test_add_func("/qom/query-machines", test_query_machines);
    g_test_add_func("/qom/object-errors", test_object_errors);
    g_test_add_func("/qom/object-add-del", test_object_add_del);
    return g_test_run();
}
