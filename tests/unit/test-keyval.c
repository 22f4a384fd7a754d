/*
 * Unit tests for option string parsing (keyval, QemuOpts, JSON forms).
 */
#include "qemu/osdep.h"
#include "qemu/keyval.h"
#include "qemu/error-report.h"

typedef JsonObject *ParseFunc(const char *, const char *, bool *, Error **);

/* Parse and return the canonical text, or NULL (and check the error). */
static char *parse_text(ParseFunc *fn, const char *params, const char *implied,
                        bool *help, const char *want_err)
{
    Error *err = NULL;
    g_autoptr(JsonObject) obj = fn(params, implied, help, &err);

    if (want_err) {
        g_assert_null(obj);
        g_assert_nonnull(err);
        g_assert_cmpstr(error_get_pretty(err), ==, want_err);
        error_free(err);
        return NULL;
    }
    g_assert_null(err);
    g_assert_nonnull(obj);
    return keyval_to_string(obj);
}

static void check_kv(const char *params, const char *implied, const char *want)
{
    g_autofree char *text = parse_text(keyval_parse, params, implied, NULL,
                                       NULL);

    g_assert_cmpstr(text, ==, want);
}

static void check_kv_err(const char *params, const char *implied,
                         const char *want_err)
{
    bool help = false;

    g_assert_null(parse_text(keyval_parse, params, implied, &help, want_err));
}

static void test_keyval_basic(void)
{
    check_kv("", NULL, "");
    check_kv("a=1", NULL, "a=1");
    check_kv("a=1,b-c=two,d_e=", NULL, "a=1,b-c=two,d_e=");
    check_kv("a=1,", NULL, "a=1");
}

static void test_keyval_escapes(void)
{
    g_autoptr(JsonObject) obj = NULL;

    obj = keyval_parse("path=/tmp/a,,b,x=,,,,,y=,,", NULL, NULL, &error_abort);
    g_assert_cmpstr(keyval_get_str(obj, "path"), ==, "/tmp/a,b");
    g_assert_cmpstr(keyval_get_str(obj, "x"), ==, ",,");
    g_assert_cmpstr(keyval_get_str(obj, "y"), ==, ",");
    g_assert_cmpuint(json_object_get_size(obj), ==, 3);
    check_kv("a=x,,y", NULL, "a=x,,y");
    check_kv("a=b=c", NULL, "a=b=c");
}

static void test_keyval_implied(void)
{
    check_kv("memory-backend-ram,id=m0,size=1G", "qom-type",
             "qom-type=memory-backend-ram,id=m0,size=1G");
    check_kv("a,,b,c=d", "type", "type=a,,b,c=d");
    check_kv("id=x", "qom-type", "id=x");
    check_kv_err("foo", NULL, "Expected '=' after parameter 'foo'");
    check_kv_err("a=1,foo", "type", "Expected '=' after parameter 'foo'");
    check_kv_err("x,y", "type", "Expected '=' after parameter 'y'");
}

static void test_keyval_duplicates(void)
{
    check_kv("a=1,b=2,a=3", NULL, "a=3,b=2");
    check_kv("s390-ccw-virtio,accel=kvm,accel=qtest", "type",
             "type=s390-ccw-virtio,accel=qtest");
}

static void test_keyval_nested(void)
{
    g_autoptr(JsonObject) obj = NULL;
    JsonObject *sub;

    obj = keyval_parse("a.b=1,a.c=2,d=3,e.0=x", NULL, NULL, &error_abort);
    sub = json_object_get_object_member(obj, "a");
    g_assert_nonnull(sub);
    g_assert_cmpstr(keyval_get_str(sub, "b"), ==, "1");
    g_assert_cmpstr(keyval_get_str(sub, "c"), ==, "2");
    g_assert_null(keyval_get_str(obj, "a"));
    check_kv("a.b=1,a.c=2,d=3", NULL, "a.b=1,a.c=2,d=3");
    check_kv_err("a=1,a.b=2", NULL, "Parameters 'a.*' used inconsistently");
    check_kv_err("a.b=1,a=2", NULL, "Parameters 'a.*' used inconsistently");
    check_kv_err("a.b.c=1,a.b=2", NULL,
                 "Parameters 'a.b.*' used inconsistently");
}

static void test_keyval_bad_keys(void)
{
    g_autofree char *k127 = g_strnfill(127, 'k');
    g_autofree char *k128 = g_strnfill(128, 'k');
    g_autofree char *ok = g_strdup_printf("%s=1", k127);
    g_autofree char *p1 = g_strdup_printf("%s=1", k128);
    g_autofree char *p2 = g_strdup_printf("a.%s=1", k128);
    g_autofree char *e1 = g_strdup_printf("Parameter '%s' is too long", k128);
    g_autofree char *e2 = g_strdup_printf("Parameter fragment '%s' is too long",
                                          k128);

    check_kv_err("=1", NULL, "Invalid parameter ''");
    check_kv_err(",a=1", NULL, "Invalid parameter ''");
    check_kv_err("a=1,=2", NULL, "Invalid parameter ''");
    check_kv("a=1,,,b=2", NULL, "a=1,,,b=2");
    check_kv_err("a b=1", NULL, "Invalid parameter 'a b'");
    check_kv_err("1a=2", NULL, "Invalid parameter '1a'");
    check_kv_err("a.=1", NULL, "Invalid parameter 'a.'");
    check_kv_err(".a=1", NULL, "Invalid parameter '.a'");
    check_kv_err("a..b=1", NULL, "Invalid parameter 'a..b'");
    check_kv_err("a=1,b!", NULL, "Invalid parameter 'b!'");
    check_kv_err("type,=1", "type", "Invalid parameter ''");
    check_kv(ok, NULL, ok);
    check_kv_err(p1, NULL, e1);
    check_kv_err(p2, NULL, e2);
}

static void test_keyval_help(void)
{
    g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;
    bool help = false;

    t1 = parse_text(keyval_parse, "help", "qom-type", &help, NULL);
    g_assert_true(help);
    g_assert_cmpstr(t1, ==, "");
    help = false;
    t2 = parse_text(keyval_parse, "memory-backend-ram,help", "qom-type", &help,
                    NULL);
    g_assert_true(help);
    g_assert_cmpstr(t2, ==, "qom-type=memory-backend-ram");
    help = false;
    t3 = parse_text(keyval_parse, "a=1,?", NULL, &help, NULL);
    g_assert_true(help);
    g_assert_cmpstr(t3, ==, "a=1");
    help = true;
    g_free(parse_text(keyval_parse, "a=1", NULL, &help, NULL));
    g_assert_false(help);
    g_assert_null(parse_text(keyval_parse, "a=1,help", NULL, NULL,
                             "Help is not available for this option"));
    /* help=... is an ordinary parameter */
    check_kv("help=x", NULL, "help=x");
    check_kv_err("helpme", NULL, "Expected '=' after parameter 'helpme'");
}

static GString *captured;

static void capture(const char *text, void *opaque)
{
    g_string_append(captured, text);
}

static char *legacy(const char *params, const char *implied, bool *help,
                    const char *want_stderr)
{
    char *text;

    captured = g_string_new(NULL);
    error_set_sink(capture, NULL);
    text = parse_text(qemu_opts_parse_legacy, params, implied, help, NULL);
    error_set_sink(NULL, NULL);
    g_assert_cmpstr(captured->str, ==, want_stderr);
    g_string_free(captured, true);
    return text;
}

static void check_legacy(const char *params, const char *implied,
                         const char *want, const char *want_stderr)
{
    g_autofree char *text = legacy(params, implied, NULL, want_stderr);

    g_assert_cmpstr(text, ==, want);
}

static void test_legacy_basic(void)
{
    check_legacy("", "driver", "", "");
    check_legacy("zpci,uid=1,fid=2,id=z0", "driver",
                 "driver=zpci,uid=1,fid=2,id=z0", "");
    check_legacy("a,,b,path=/x,,y,", "driver", "driver=a,,b,path=/x,,y", "");
    check_legacy("a=1,a=2", NULL, "a=2", "");
    check_legacy("=x", NULL, "=x", "");
    check_legacy(",a=1", "driver", "driver=,a=1", "");
    check_legacy("size=512M", "size", "size=512M", "");
    /* keys are not checked by the parser itself */
    check_legacy("x y=1", NULL, "x y=1", "");
}

static void test_legacy_flags(void)
{
    check_legacy("socket,server", "backend", "backend=socket,server=on",
                 "qemu-system-s390x: warning: short-form boolean option "
                 "'server' deprecated\nPlease use server=on instead\n");
    check_legacy("socket,nowait", "backend", "backend=socket,wait=off",
                 "qemu-system-s390x: warning: short-form boolean option "
                 "'nowait' deprecated\nPlease use wait=off instead\n");
    check_legacy("nodelay", NULL, "delay=off",
                 "qemu-system-s390x: warning: short-form boolean option "
                 "'nodelay' deprecated\nPlease use nodelay=on instead\n");
    /* without an implied key the first bare element is a flag too */
    check_legacy(
        "on", NULL, "on=on",
        "qemu-system-s390x: warning: short-form boolean option 'on' deprecated\nPlease use on=on instead\n");
    /* no help pointer: help is an ordinary flag, without warning */
    check_legacy("foo,help", "driver", "driver=foo,help=on", "");
}

static void test_legacy_help(void)
{
    g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;
    bool help = false;

    t1 = legacy("help", "driver", &help, "");
    g_assert_true(help);
    g_assert_cmpstr(t1, ==, "");
    help = false;
    t2 = legacy("?", "driver", &help, "");
    g_assert_true(help);
    help = false;
    t3 = legacy("vfio-ccw,help", "driver", &help, "");
    g_assert_true(help);
    g_assert_cmpstr(t3, ==, "driver=vfio-ccw");
}

static void test_json_form(void)
{
    const char *arg =
        "{\"driver\": \"zpci\", \"uid\": 1, \"on\": true, \"target\": \"a,b\", \"sub\": {\"l\": [1, 2]}}";
    g_autoptr(JsonObject) obj = NULL;
    g_autofree char *text = NULL;
    bool is_json = false, help = true;
    JsonObject *sub;

    obj = qemu_opts_parse_any(arg, "driver", &help, &is_json, &error_abort);
    g_assert_true(is_json);
    g_assert_false(help);
    g_assert_cmpstr(keyval_get_str(obj, "driver"), ==, "zpci");
    g_assert_cmpint(json_object_get_int_member(obj, "uid"), ==, 1);
    g_assert_null(keyval_get_str(obj, "uid"));
    g_assert_true(json_object_get_boolean_member(obj, "on"));
    sub = json_object_get_object_member(obj, "sub");
    g_assert_cmpuint(json_array_get_length(
                         json_object_get_array_member(sub, "l")),
                     ==, 2);
    text = keyval_to_string(obj);
    g_assert_cmpstr(text, ==,
                    "driver=zpci,uid=1,on=on,target=a,,b,sub.l=[1,,2]");
}

static void test_json_errors(void)
{
    /* input and QEMU 7.2's message for it (checked with the real binary) */
    static const char *const bad[][2] = {
        { "{", "JSON parse error, premature EOI" },
        { "{\"driver\":", "JSON parse error, premature EOI" },
        { "{\"a\" 1}", "JSON parse error, missing : in object pair" },
        { "{}}", "Expecting at most one JSON value" },
        { "{'a': 1", "JSON parse error, premature EOI" },
        { "{\"a\": tru}", "JSON parse error, invalid keyword 'tru'" },
    };
    Error *err = NULL;
    bool is_json = false;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        g_assert_null(
            qemu_opts_parse_any(bad[i][0], "driver", NULL, &is_json, &err));
        g_assert_true(is_json);
        g_assert_nonnull(err);
        g_assert_cmpstr(error_get_pretty(err), ==, bad[i][1]);
        error_free(err);
        err = NULL;
    }
}

static void test_parse_any_keyval(void)
{
    g_autoptr(JsonObject) o1 = NULL;
    g_autoptr(JsonObject) o2 = NULL;
    Error *err = NULL;
    bool is_json = true;

    o1 = qemu_opts_parse_any("zpci,uid=1", "driver", NULL, &is_json,
                             &error_abort);
    g_assert_false(is_json);
    g_assert_cmpstr(keyval_get_str(o1, "uid"), ==, "1");
    o2 = keyval_parse_any("{\"qom-type\": \"x\", \"id\": \"o\"}", "qom-type",
                          NULL, NULL, &error_abort);
    g_assert_cmpstr(keyval_get_str(o2, "id"), ==, "o");
    g_assert_null(keyval_parse_any("x,flag", "qom-type", NULL, &is_json, &err));
    g_assert_false(is_json);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Expected '=' after parameter 'flag'");
    error_free(err);
}

static void test_to_string_roundtrip(void)
{
    const char *params = "a=x,,y,,,b.c=1,b.d=,e==";
    g_autoptr(JsonObject) obj = keyval_parse(params, NULL, NULL, &error_abort);
    g_autofree char *text = keyval_to_string(obj);
    g_autoptr(JsonObject) again = keyval_parse(text, NULL, NULL, &error_abort);
    g_autofree char *text2 = keyval_to_string(again);

    g_assert_cmpstr(keyval_get_str(obj, "a"), ==, "x,y,");
    g_assert_cmpstr(keyval_get_str(obj, "e"), ==, "=");
    g_assert_cmpstr(text, ==, params);
    g_assert_cmpstr(text2, ==, params);
}

/* Repeated list keys collect in order; other repeated keys: the last wins */
static void test_legacy_lists(void)
{
    static const char *const lists[] = { "hostfwd", NULL };
    Error *err = NULL;
    g_autoptr(JsonObject) o = qemu_opts_parse_legacy_lists(
        "user,id=n,hostfwd=tcp::1-:22,id=m,hostfwd=udp::2-:53", "type", lists,
        NULL, &err);
    g_autoptr(JsonGenerator) gen = json_generator_new();
    g_autoptr(JsonNode) root = json_node_new(JSON_NODE_OBJECT);
    g_autofree char *text = NULL;

    g_assert_null(err);
    json_node_set_object(root, o);
    json_generator_set_root(gen, root);
    text = json_generator_to_data(gen, NULL);
    g_assert_cmpstr(text, ==,
                    "{\"type\":\"user\",\"id\":\"m\",\"hostfwd\":"
                    "[{\"str\":\"tcp::1-:22\"},{\"str\":\"udp::2-:53\"}]}");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keyval/basic", test_keyval_basic);
    g_test_add_func("/keyval/escapes", test_keyval_escapes);
    g_test_add_func("/keyval/implied", test_keyval_implied);
    g_test_add_func("/keyval/duplicates", test_keyval_duplicates);
    g_test_add_func("/keyval/nested", test_keyval_nested);
    g_test_add_func("/keyval/bad-keys", test_keyval_bad_keys);
    g_test_add_func("/keyval/help", test_keyval_help);
    g_test_add_func("/legacy/basic", test_legacy_basic);
    g_test_add_func("/legacy/flags", test_legacy_flags);
    g_test_add_func("/legacy/help", test_legacy_help);
    g_test_add_func("/legacy/lists", test_legacy_lists);
    g_test_add_func("/json/form", test_json_form);
    g_test_add_func("/json/errors", test_json_errors);
    g_test_add_func("/json/parse-any", test_parse_any_keyval);
    g_test_add_func("/keyval/to-string", test_to_string_roundtrip);
    return g_test_run();
}
