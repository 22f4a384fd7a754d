/*
 * What libvirt's capability probe needs: -daemonize, -machine none and
 * accelerator fallback lists.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libqtest.h"

static gchar *make_tmpdir(void)
{
    gchar *dir = g_dir_make_tmp("probe-test-XXXXXX", NULL);

    g_assert_nonnull(dir);
    return dir;
}

/* libvirt's probe command line: the parent returns 0, the daemon serves */
static void test_daemonize_ok(void)
{
    g_autofree gchar *dir = make_tmpdir();
    g_autofree gchar *pidf = g_build_filename(dir, "qmp.pid", NULL);
    g_autofree gchar *sock = g_build_filename(dir, "qmp.monitor", NULL);
    g_autofree gchar *args = g_strdup_printf(
        "-S -no-user-config -nodefaults -nographic -machine none,accel=kvm:tcg "
        "-qmp unix:%s,server=on,wait=off -pidfile %s -daemonize",
        sock, pidf);
    g_autofree gchar *err = NULL, *out = NULL, *text = NULL;
    int status;
    long pid;

    out = qtest_run_cmdline(args, &status, &err);
    g_assert_cmpint(status, ==, 0);
    /* only the accelerator fallback was reported */
    g_assert_nonnull(strstr(err, "falling back to tcg\n"));
    g_assert_null(strstr(err, "rror"));
    g_assert_true(g_file_get_contents(pidf, &text, NULL, NULL));
    pid = strtol(text, NULL, 10);
    g_assert_cmpint(pid, >, 1);
    g_assert_cmpint(pid, !=, getpid());
    g_assert_cmpint(kill(pid, 0), ==, 0); /* the daemon runs on */
    g_assert_true(g_file_test(sock, G_FILE_TEST_EXISTS));
    g_assert_cmpint(kill(pid, SIGTERM), ==, 0);
    for (int i = 0; i < 100 && g_file_test(pidf, G_FILE_TEST_EXISTS); i++) {
        g_usleep(50000);
    }
    g_assert_false(g_file_test(pidf, G_FILE_TEST_EXISTS));
    g_unlink(sock);
    g_rmdir(dir);
}

static void expect_failure(const char *args, const char *message)
{
    g_autofree gchar *err = NULL, *out = NULL;
    int status;

    out = qtest_run_cmdline(args, &status, &err);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, message));
}

/* a start-up error reaches the caller's stderr and its exit status */
static void test_daemonize_init_fails(void)
{
    expect_failure("-nodefaults -machine no-such-board -daemonize",
                   "unsupported machine type");
}

static void test_daemonize_refused(void)
{
    expect_failure("-nographic -daemonize",
                   "-nographic cannot be used with -daemonize");
    expect_failure("-nodefaults -chardev stdio,id=c -daemonize",
                   "-chardev stdio,id=c: cannot use stdio with -daemonize");
    expect_failure("-nodefaults -qmp stdio -daemonize",
                   "-qmp stdio: cannot use stdio with -daemonize");
}

/* -machine none: an empty board, listed by -machine help */
static void test_machine_none(void)
{
    g_autofree gchar *out = NULL, *err = NULL;
    QTestState *qts;
    JsonObject *rsp;
    int status;

    out = qtest_run_cmdline("-machine help", &status, &err);
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(out, "\nnone                 empty machine\n"));

    qts = qtest_init("-machine none -nodefaults");
    rsp = qtest_qmp(
        qts,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine', 'property': 'type'}}");
    g_assert_cmpstr(json_object_get_string_member(rsp, "return"), ==,
                    "none-machine");
    json_object_unref(rsp);
    /* no channel subsystem: no css bridge below /machine */
    rsp = qtest_qmp(
        qts,
        "{'execute': 'qom-get', 'arguments': {'path': 'virtual-css-bridge', 'property': 'type'}}");
    qmp_expect_error_and_unref(rsp, NULL);
    qtest_quit(qts);
}

/* accel=kvm:tcg: kvm fails as QEMU's does without usable KVM, tcg is used */
static void test_accel_fallback(void)
{
    g_autofree gchar *out = NULL, *err = NULL;
    int status;

    out = qtest_run_cmdline("-machine no-such-board,accel=kvm:tcg -nodefaults",
                            &status, &err);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(
        strstr(err, "qemu-system-s390x: failed to initialize kvm: "));
    g_assert_nonnull(strstr(err, "qemu-system-s390x: falling back to tcg\n"));
    if (access("/dev/kvm", F_OK) < 0) {
        g_assert_nonnull(strstr(
            err,
            "Could not access KVM kernel module: No such file or directory\n"
            "qemu-system-s390x: failed to initialize kvm: No such file or directory\n"));
    }
    g_free(out);
    g_free(err);
    out = qtest_run_cmdline("-accel kvm -machine none", &status, &err);
    g_assert_cmpint(status, ==, 1);
    /* without /dev/kvm, QEMU's bare line from KVM's set-up comes first */
    if (access("/dev/kvm", F_OK) < 0) {
        g_assert_true(g_str_has_prefix(
            err, "Could not access KVM kernel module: No such file or "
                 "directory\n"
                 "qemu-system-s390x: -accel kvm: failed to initialize kvm: "));
    } else {
        g_assert_true(g_str_has_prefix(
            err, "qemu-system-s390x: -accel kvm: failed to initialize kvm: "));
    }
    g_assert_null(strstr(err, "falling back"));
}

static gchar *qmp_return_text(QTestState *qts, const char *cmd)
{
    JsonObject *rsp = qtest_qmp(qts, "{'execute': %s}", cmd);
    gchar *text;

    g_assert_true(json_object_has_member(rsp, "return"));
    text = json_to_string(json_object_get_member(rsp, "return"), false);
    json_object_unref(rsp);
    return text;
}

/* the answers of libvirt's probe, as QEMU 7.2 under TCG gives them */
static void test_probe_commands(void)
{
    QTestState *qts = qtest_init("-machine none -nodefaults");
    g_autofree gchar *target = qmp_return_text(qts, "query-target");
    g_autofree gchar *kvm = qmp_return_text(qts, "query-kvm");
    g_autofree gchar *tpm = qmp_return_text(qts, "query-tpm-models");
    g_autofree gchar *tpmt = qmp_return_text(qts, "query-tpm-types");
    g_autofree gchar *mig = qmp_return_text(qts, "query-migrate-capabilities");
    g_autofree gchar *cpus = qmp_return_text(qts, "query-cpu-definitions");
    JsonObject *rsp;

    g_assert_cmpstr(target, ==, "{\"arch\":\"s390x\"}");
    g_assert_cmpstr(kvm, ==, "{\"enabled\":false,\"present\":false}");
    g_assert_cmpstr(tpm, ==, "[]");
    g_assert_cmpstr(tpmt, ==, "[]");
    g_assert_true(
        g_str_has_prefix(mig, "[{\"state\":false,\"capability\":\"xbzrle\"}"));
    g_assert_nonnull(
        strstr(mig, "{\"state\":false,\"capability\":\"postcopy-preempt\"}]"));
    g_assert_null(strstr(mig, "true"));
    g_assert_nonnull(
        strstr(cpus, "\"name\":\"qemu\",\"typename\":\"qemu-s390x-cpu\""));

    rsp = qtest_qmp(
        qts,
        "{'execute': 'query-cpu-model-expansion', 'arguments': {'type': 'static', 'model': "
        "{'name': 'host'}}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "The CPU definition 'host' is unknown.");
    json_object_unref(rsp);
    rsp = qtest_qmp(
        qts,
        "{'execute': 'query-cpu-model-expansion', 'arguments': {'type': 'full', 'model': {'name': 'max'}}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(
                            json_object_get_object_member(rsp, "return"),
                            "model"),
                        "name"),
                    ==, "max");
    json_object_unref(rsp);
    rsp = qtest_qmp(qts, "{'execute': 'query-kvm', 'arguments': {'x': 1}}");
    qmp_expect_error_and_unref(rsp, "GenericError");
    qtest_quit(qts);
}

/* the accelerators are QOM types, as libvirt checks for tcg-accel */
static void test_accel_types(void)
{
    QTestState *qts = qtest_init("-machine none -nodefaults");
    JsonObject *rsp = qtest_qmp(
        qts,
        "{'execute': 'qom-list-types', 'arguments': {'implements': 'accel'}}");
    g_autofree gchar *text = json_to_string(json_object_get_member(rsp,
                                                                   "return"),
                                            false);

    g_assert_nonnull(
        strstr(text, "{\"name\":\"tcg-accel\",\"parent\":\"accel\"}"));
    g_assert_nonnull(strstr(text, "\"qtest-accel\""));
    g_assert_nonnull(strstr(text, "\"kvm-accel\""));
    json_object_unref(rsp);
    qtest_quit(qts);
}

static void test_cmdline_options(void)
{
    QTestState *qts = qtest_init("-machine none -nodefaults");
    g_autofree gchar *all = qmp_return_text(qts, "query-command-line-options");
    g_autofree gchar *help = NULL, *err = NULL;
    JsonObject *rsp;
    int status;

    g_assert_nonnull(strstr(all, "{\"name\":\"accel\",\"type\":\"string\"}"));
    g_assert_nonnull(strstr(all, "\"option\":\"machine\""));
    g_assert_null(strstr(all, "\"option\":\"drive\"")); /* refused */
    /* sandbox is listed exactly when the build has it */
    help = qtest_run_cmdline("-h", &status, &err);
    g_assert_cmpint(!!strstr(all, "\"option\":\"sandbox\""), ==,
                    !!strstr(help, "\n-sandbox on"));
    rsp = qtest_qmp(
        qts,
        "{'execute': 'query-command-line-options', 'arguments': {'option': 'bogus'}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "invalid option name: bogus");
    json_object_unref(rsp);
    qtest_quit(qts);
}

/*
 * query-qmp-schema is generated from qapi/schema.json: it must list
 * exactly the registered commands, and every type it names must exist.
 */
static void test_qmp_schema(void)
{
    QTestState *qts = qtest_init("-machine none -nodefaults");
    JsonObject *rsp = qtest_qmp(qts, "{'execute': 'query-qmp-schema'}");
    JsonObject *cmds = qtest_qmp(qts, "{'execute': 'query-commands'}");
    JsonArray *schema = json_object_get_array_member(rsp, "return");
    JsonArray *names = json_object_get_array_member(cmds, "return");
    g_autoptr(GHashTable) defined = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) in_schema = g_hash_table_new(g_str_hash, g_str_equal);
    guint ncmds = 0;

    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);
        const char *meta = json_object_get_string_member(e, "meta-type");

        if (!strcmp(meta, "command")) {
            g_hash_table_add(in_schema,
                             (gpointer)json_object_get_string_member(e,
                                                                     "name"));
            ncmds++;
        } else if (strcmp(meta, "event")) {
            g_hash_table_add(defined,
                             (gpointer)json_object_get_string_member(e,
                                                                     "name"));
        }
    }
    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);
        static const char *const refs[] = { "arg-type", "ret-type",
                                            "element-type" };

        for (size_t r = 0; r < G_N_ELEMENTS(refs); r++) {
            if (json_object_has_member(e, refs[r])) {
                g_assert_true(g_hash_table_contains(
                    defined, json_object_get_string_member(e, refs[r])));
            }
        }
    }
    g_assert_cmpuint(ncmds, ==, json_array_get_length(names));
    for (guint i = 0; i < json_array_get_length(names); i++) {
        const char *name =
            json_object_get_string_member(json_array_get_object_element(names,
                                                                        i),
                                          "name");

        if (!g_hash_table_contains(in_schema, name)) {
            g_error("command %s is registered but not in qapi/schema.json",
                    name);
        }
    }
    json_object_unref(rsp);
    json_object_unref(cmds);
    qtest_quit(qts);
}

/*
 * device_add's features, as QEMU 7.2 has them: libvirt 9.0 writes -device
 * as JSON and sends device_add with typed values (numbers, booleans) only
 * when it sees json-cli-hotplug (its "device.json+hotplug" flag); so the
 * typed forms must work both ways.
 */
static void test_device_json(void)
{
    QTestState *qts = qtest_init(
        "-machine s390-ccw-virtio -nodefaults "
        "-device '{\"driver\":\"virtio-balloon-ccw\",\"id\":"
        "\"balloon0\",\"devno\":\"fe.0.0001\","
        "\"deflate-on-oom\":true}'");
    JsonObject *rsp = qtest_qmp(qts, "{'execute': 'query-qmp-schema'}");
    JsonArray *schema = json_object_get_array_member(rsp, "return");
    JsonArray *features = NULL;
    JsonNode *n;

    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);

        if (!strcmp(json_object_get_string_member(e, "name"), "device_add") &&
            json_object_has_member(e, "features")) {
            features = json_object_get_array_member(e, "features");
        }
    }
    g_assert_nonnull(features);
    g_assert_cmpuint(json_array_get_length(features), ==, 2);
    g_assert_cmpstr(json_array_get_string_element(features, 0), ==, "json-cli");
    g_assert_cmpstr(json_array_get_string_element(features, 1), ==,
                    "json-cli-hotplug");
    json_object_unref(rsp);
    n = qtest_qom_get(qts, "/machine/peripheral/balloon0", "deflate-on-oom");
    g_assert_true(json_node_get_boolean(n));
    json_node_unref(n);
    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                                  "{'driver': 'zpci', 'uid': 9, 'fid': 9, "
                                  "'target': 'rng9', 'id': 'zpci9'}}");
    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                                  "{'driver': 'virtio-rng-pci', 'id': 'rng9', "
                                  "'bus': 'pci.0', 'addr': '0x9'}}");
    n = qtest_qom_get(qts, "/machine/peripheral/zpci9", "uid");
    g_assert_cmpint(json_node_get_int(n), ==, 9);
    json_node_unref(n);
    qtest_quit(qts);
}

/* The members of the enum entry named @type in @schema, sorted */
static GPtrArray *enum_members(JsonArray *schema, const char *type)
{
    GPtrArray *names = g_ptr_array_new();

    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);
        JsonArray *m;

        if (strcmp(json_object_get_string_member(e, "name"), type)) {
            continue;
        }
        g_assert_cmpstr(json_object_get_string_member(e, "meta-type"), ==,
                        "enum");
        m = json_object_get_array_member(e, "members");
        for (guint j = 0; j < json_array_get_length(m); j++) {
            g_ptr_array_add(names,
                            (gpointer)json_object_get_string_member(
                                json_array_get_object_element(m, j), "name"));
        }
        g_assert_cmpuint(json_array_get_length(
                             json_object_get_array_member(e, "values")),
                         ==, names->len);
    }
    return names;
}

static gint cmp_str_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * object-add's qom-type is an enum of the user-creatable types, as in
 * QEMU 7.2: libvirt 9.0 looks for "secret" in it (its object.qapified
 * capability) and then writes -object as JSON. The enum must be what
 * qom-list-types says is user-creatable.
 */
static void test_object_type_enum(void)
{
    QTestState *qts = qtest_init("-machine none -nodefaults");
    JsonObject *rsp = qtest_qmp(qts, "{'execute': 'query-qmp-schema'}");
    JsonObject *types = qtest_qmp(qts, "{'execute': 'qom-list-types', "
                                       "'arguments': {'implements': "
                                       "'user-creatable'}}");
    JsonArray *schema = json_object_get_array_member(rsp, "return");
    JsonArray *tl = json_object_get_array_member(types, "return");
    g_autoptr(GPtrArray) want = g_ptr_array_new();
    g_autoptr(GPtrArray) got = NULL;
    const char *arg_type = NULL, *qom_type = NULL;

    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);

        if (!strcmp(json_object_get_string_member(e, "name"), "object-add")) {
            arg_type = json_object_get_string_member(e, "arg-type");
        }
    }
    g_assert_nonnull(arg_type);
    for (guint i = 0; i < json_array_get_length(schema); i++) {
        JsonObject *e = json_array_get_object_element(schema, i);

        if (!strcmp(json_object_get_string_member(e, "name"), arg_type)) {
            JsonArray *m = json_object_get_array_member(e, "members");

            for (guint j = 0; j < json_array_get_length(m); j++) {
                JsonObject *f = json_array_get_object_element(m, j);

                if (!strcmp(json_object_get_string_member(f, "name"),
                            "qom-type")) {
                    qom_type = json_object_get_string_member(f, "type");
                }
            }
        }
    }
    g_assert_nonnull(qom_type);
    got = enum_members(schema, qom_type);
    for (guint i = 0; i < json_array_get_length(tl); i++) {
        JsonObject *t = json_array_get_object_element(tl, i);

        if (!json_object_get_boolean_member_with_default(t, "abstract",
                                                         false)) {
            g_ptr_array_add(want,
                            (gpointer)json_object_get_string_member(t, "name"));
        }
    }
    g_ptr_array_sort(want, cmp_str_ptr);
    g_ptr_array_sort(got, cmp_str_ptr);
    g_assert_cmpuint(got->len, ==, want->len);
    for (guint i = 0; i < got->len; i++) {
        g_assert_cmpstr(got->pdata[i], ==, want->pdata[i]);
    }
    json_object_unref(rsp);
    json_object_unref(types);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/probe/daemonize/ok", test_daemonize_ok);
    g_test_add_func("/probe/daemonize/init-fails", test_daemonize_init_fails);
    g_test_add_func("/probe/daemonize/refused", test_daemonize_refused);
    g_test_add_func("/probe/machine-none", test_machine_none);
    g_test_add_func("/probe/accel/fallback", test_accel_fallback);
    g_test_add_func("/probe/qmp/commands", test_probe_commands);
    g_test_add_func("/probe/qmp/accel-types", test_accel_types);
    g_test_add_func("/probe/qmp/command-line-options", test_cmdline_options);
    g_test_add_func("/probe/qmp/schema", test_qmp_schema);
    g_test_add_func("/probe/qmp/device-json", test_device_json);
    g_test_add_func("/probe/qmp/object-type-enum", test_object_type_enum);
    return g_test_run();
}
