/*
 * QMP query-cpus-fast and query-hotpluggable-cpus in QEMU's s390x shapes
 * (docs/system/s390x/cpu.rst): with -accel tcg -smp 2,maxcpus=3, the
 * CPUs' qom-paths resolve to their devices (core-id), the states before
 * any guest runs, the possible CPUs highest core-id first; with -accel
 * qtest there are no CPUs. A guest stopping a CPU is in
 * tests/guest/guest-test.c (/guest/cpus-state).
 */
#include <glib.h>
#include <string.h>
#include "libqtest.h"

static JsonArray *query(QTestState *s, const char *cmd)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': %s}", cmd);
    JsonArray *list;

    g_assert_true(json_object_has_member(rsp, "return"));
    list = json_array_ref(json_object_get_array_member(rsp, "return"));
    json_object_unref(rsp);
    return list;
}

static int64_t core_id(JsonObject *o)
{
    return json_object_get_int_member(json_object_get_object_member(o, "props"),
                                      "core-id");
}

static int64_t qom_core_id(QTestState *s, const char *path)
{
    JsonNode *n = qtest_qom_get(s, path, "core-id");
    int64_t v = json_node_get_int(n);

    json_node_unref(n);
    return v;
}

static void test_tcg(void)
{
    QTestInitOptions o = { .no_accel_qtest = true };
    QTestState *s = qtest_init_opts(&o, "-accel tcg -S -smp 2,maxcpus=3");
    JsonArray *cpus = query(s, "query-cpus-fast");
    JsonArray *hp;

    g_assert_cmpuint(json_array_get_length(cpus), ==, 2);
    for (unsigned i = 0; i < 2; i++) {
        JsonObject *c = json_array_get_object_element(cpus, i);
        g_autofree char *path =
            g_strdup_printf("/machine/unattached/device[%u]", i);

        g_assert_cmpint(json_object_get_int_member(c, "cpu-index"), ==, i);
        g_assert_cmpstr(json_object_get_string_member(c, "qom-path"), ==, path);
        g_assert_cmpint(qom_core_id(s, path), ==, i);
        g_assert_cmpint(core_id(c), ==, i);
        g_assert_cmpstr(json_object_get_string_member(c, "target"), ==,
                        "s390x");
        g_assert_cmpint(json_object_get_int_member(c, "thread-id"), >, 0);
        /* no -kernel: nothing to IPL, every CPU stays stopped */
        g_assert_cmpstr(json_object_get_string_member(c, "cpu-state"), ==,
                        "stopped");
        g_assert_cmpuint(json_object_get_size(c), ==, 6);
    }
    json_array_unref(cpus);

    hp = query(s, "query-hotpluggable-cpus");
    g_assert_cmpuint(json_array_get_length(hp), ==, 3);
    for (unsigned i = 0; i < 3; i++) {
        JsonObject *c = json_array_get_object_element(hp, i);
        int64_t id = 2 - i;

        g_assert_cmpint(core_id(c), ==, id);
        g_assert_cmpstr(json_object_get_string_member(c, "type"), ==,
                        "qemu-s390x-cpu");
        g_assert_cmpint(json_object_get_int_member(c, "vcpus-count"), ==, 1);
        /* only configured CPUs have a device */
        g_assert_cmpint(json_object_has_member(c, "qom-path"), ==, id < 2);
        if (id < 2) {
            g_autofree char *path =
                g_strdup_printf("/machine/unattached/device[%" G_GINT64_FORMAT
                                "]",
                                id);

            g_assert_cmpstr(json_object_get_string_member(c, "qom-path"), ==,
                            path);
        }
    }
    json_array_unref(hp);
    /* arguments are refused */
    qmp_expect_error_and_unref(
        qtest_qmp(s, "{'execute': 'query-cpus-fast', 'arguments': {'x': 1}}"),
        "GenericError");
    qtest_quit(s);
}

/* -device cannot add a CPU */
static void test_no_cpu_device(void)
{
    g_autofree char *out = NULL, *err = NULL;
    int status = -1;

    out = qtest_run_cmdline("-nodefaults -display none -accel tcg "
                            "-device qemu-s390x-cpu",
                            &status, &err);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, "qemu-s390x-cpu"));
}

static void test_qtest_accel(void)
{
    QTestState *s = qtest_init("-smp 2");
    JsonArray *cpus = query(s, "query-cpus-fast");
    JsonArray *hp = query(s, "query-hotpluggable-cpus");

    g_assert_cmpuint(json_array_get_length(cpus), ==, 0);
    g_assert_cmpuint(json_array_get_length(hp), ==, 2);
    g_assert_false(json_object_has_member(json_array_get_object_element(hp, 0),
                                          "qom-path"));
    json_array_unref(cpus);
    json_array_unref(hp);
    qtest_quit(s);
}

/* -machine none: no CPUs, and no hot-pluggable ones (QEMU's error) */
static void test_machine_none(void)
{
    QTestState *s = qtest_init("-machine none");
    JsonArray *cpus = query(s, "query-cpus-fast");
    JsonObject *rsp;

    g_assert_cmpuint(json_array_get_length(cpus), ==, 0);
    json_array_unref(cpus);
    rsp = qtest_qmp(s, "{'execute': 'query-hotpluggable-cpus'}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "The feature 'query-hotpluggable-cpus' is not enabled");
    json_object_unref(rsp);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390/cpus/tcg", test_tcg);
    g_test_add_func("/s390/cpus/no-cpu-device", test_no_cpu_device);
    g_test_add_func("/s390/cpus/qtest-accel", test_qtest_accel);
    g_test_add_func("/s390/cpus/machine-none", test_machine_none);
    return g_test_run();
}
