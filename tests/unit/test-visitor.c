/*
 * Unit tests for the scalar visitors (qapi/).
 */
#include "qemu/osdep.h"
#include "qapi/visitor.h"

static JsonNode *parse(const char *json)
{
    JsonNode *node = json_from_string(json, NULL);

    g_assert(node);
    return node;
}

static JsonNode *str_node(const char *s)
{
    return json_node_init_string(json_node_alloc(), s);
}

typedef enum { STRICT, KEYVAL, STRING } Mode;

/* An input visitor of @mode over @text (JSON for STRICT, raw otherwise). */
static Visitor *in(Mode mode, const char *text)
{
    JsonNode *node;
    Visitor *v;

    if (mode == STRING) {
        return string_input_visitor_new(text);
    }
    node = mode == STRICT ? parse(text) : str_node(text);
    v = mode == STRICT ? qobject_input_visitor_new(node)
                       : qobject_input_visitor_new_keyval(node);
    json_node_unref(node);
    return v;
}

static void check_err(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_bool(void)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    Error *err = NULL;
    bool b = false;
    Visitor *v;

    v = in(STRICT, "true");
    g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
    g_assert_true(b);
    visit_free(v);

    v = in(STRICT, "\"on\"");
    g_assert_false(visit_type_bool(v, "b", &b, &err));
    check_err(err, "Invalid parameter type for 'b', expected: boolean");
    visit_free(v);

    for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
        v = in(KEYVAL, yes[i]);
        b = false;
        g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
        g_assert_true(b);
        visit_free(v);
        v = in(STRING, no[i]);
        g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
        g_assert_false(b);
        visit_free(v);
    }
    v = in(KEYVAL, "maybe");
    err = NULL;
    g_assert_false(visit_type_bool(v, "b", &b, &err));
    check_err(err, "Parameter 'b' expects 'on' or 'off'");
    visit_free(v);
}

static void test_int_strict(void)
{
    Error *err = NULL;
    int64_t i64 = 0;
    uint64_t u64 = 0;
    Visitor *v;

    v = in(STRICT, "-42");
    g_assert_true(visit_type_int(v, "i", &i64, &error_abort));
    g_assert_cmpint(i64, ==, -42);
    visit_free(v);

    v = in(STRICT, "\"42\"");
    g_assert_false(visit_type_int(v, "i", &i64, &err));
    check_err(err, "Invalid parameter type for 'i', expected: integer");
    visit_free(v);

    v = in(STRICT, "1.5");
    err = NULL;
    g_assert_false(visit_type_int64(v, "i", &i64, &err));
    check_err(err, "Invalid parameter type for 'i', expected: integer");
    visit_free(v);

    /* QEMU accepts negative values for uint64 and wraps them */
    v = in(STRICT, "-1");
    g_assert_true(visit_type_uint64(v, "u", &u64, &error_abort));
    g_assert_cmphex(u64, ==, UINT64_MAX);
    visit_free(v);

    v = in(STRICT, "true");
    err = NULL;
    g_assert_false(visit_type_uint64(v, "u", &u64, &err));
    check_err(err, "Parameter 'u' expects uint64");
    visit_free(v);
}

static void test_int_ranges(void)
{
    static const struct {
        const char *json;
        int which;
        const char *msg; /* NULL: accepted */
    } cases[] = {
        { "255", 8, NULL },
        { "256", 8, "Parameter 'x' expects uint8_t" },
        { "-1", 8, "Parameter 'x' expects uint8_t" },
        { "65535", 16, NULL },
        { "65536", 16, "Parameter 'x' expects uint16_t" },
        { "4294967295", 32, NULL },
        { "4294967296", 32, "Parameter 'x' expects uint32_t" },
        { "127", -8, NULL },
        { "128", -8, "Parameter 'x' expects int8_t" },
        { "-128", -8, NULL },
        { "-129", -8, "Parameter 'x' expects int8_t" },
        { "32768", -16, "Parameter 'x' expects int16_t" },
        { "-2147483648", -32, NULL },
        { "2147483648", -32, "Parameter 'x' expects int32_t" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        Visitor *v = in(STRICT, cases[i].json);
        Error *err = NULL;
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        int8_t i8;
        int16_t i16;
        int32_t i32;
        bool ok;

        switch (cases[i].which) {
        case 8:
            ok = visit_type_uint8(v, "x", &u8, &err);
            break;
        case 16:
            ok = visit_type_uint16(v, "x", &u16, &err);
            break;
        case 32:
            ok = visit_type_uint32(v, "x", &u32, &err);
            break;
        case -8:
            ok = visit_type_int8(v, "x", &i8, &err);
            break;
        case -16:
            ok = visit_type_int16(v, "x", &i16, &err);
            break;
        default:
            ok = visit_type_int32(v, "x", &i32, &err);
            break;
        }
        g_assert_cmpint(ok, ==, cases[i].msg == NULL);
        if (cases[i].msg) {
            check_err(err, cases[i].msg);
        }
        visit_free(v);
    }
}

static void test_int_keyval(void)
{
    Error *err = NULL;
    int64_t i64;
    uint16_t u16;
    Visitor *v;

    v = in(KEYVAL, "0x10");
    g_assert_true(visit_type_int(v, "i", &i64, &error_abort));
    g_assert_cmpint(i64, ==, 16);
    visit_free(v);
    v = in(KEYVAL, "010");
    g_assert_true(visit_type_int(v, "i", &i64, &error_abort));
    g_assert_cmpint(i64, ==, 8);
    visit_free(v);
    v = in(KEYVAL, "12abc");
    g_assert_false(visit_type_int(v, "i", &i64, &err));
    check_err(err, "Parameter 'i' expects integer");
    visit_free(v);
    v = in(KEYVAL, "70000");
    err = NULL;
    g_assert_false(visit_type_uint16(v, "u", &u16, &err));
    check_err(err, "Parameter 'u' expects uint16_t");
    visit_free(v);
    v = in(STRING, "x");
    err = NULL;
    g_assert_false(visit_type_int(v, "i", &i64, &err));
    check_err(err, "Parameter 'i' expects int64");
    visit_free(v);

    /* keyval wants strings */
    {
        JsonNode *n = parse("5");

        v = qobject_input_visitor_new_keyval(n);
        json_node_unref(n);
        err = NULL;
        g_assert_false(visit_type_int(v, "i", &i64, &err));
        check_err(err, "Invalid parameter type for 'i', expected: string");
        visit_free(v);
    }
}

static void test_size(void)
{
    static const struct {
        const char *text;
        uint64_t val;
    } good[] = {
        { "512", 512 },          { "4k", 4096 },     { "512M", 512 * MiB },
        { "1.5G", 3 * GiB / 2 }, { "0x1000", 4096 }, { "2T", 2 * TiB },
    };
    Error *err = NULL;
    uint64_t sz;
    Visitor *v;

    for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
        v = in(KEYVAL, good[i].text);
        g_assert_true(visit_type_size(v, "size", &sz, &error_abort));
        g_assert_cmpuint(sz, ==, good[i].val);
        visit_free(v);
    }
    v = in(KEYVAL, "12Q");
    g_assert_false(visit_type_size(v, "size", &sz, &err));
    check_err(err, "Parameter 'size' expects a size value");
    visit_free(v);
    v = in(STRICT, "4096");
    g_assert_true(visit_type_size(v, "size", &sz, &error_abort));
    g_assert_cmpuint(sz, ==, 4096);
    visit_free(v);
}

static void test_str_enum(void)
{
    static const char *const names[] = { "auto", "on", "off", NULL };
    static const QEnumLookup lookup = { .array = names };
    Error *err = NULL;
    char *s = NULL;
    int e = -1;
    Visitor *v;

    v = in(STRICT, "\"hello\"");
    g_assert_true(visit_type_str(v, "s", &s, &error_abort));
    g_assert_cmpstr(s, ==, "hello");
    g_free(s);
    visit_free(v);
    v = in(STRICT, "3");
    g_assert_false(visit_type_str(v, "s", &s, &err));
    check_err(err, "Invalid parameter type for 's', expected: string");
    visit_free(v);

    v = in(KEYVAL, "off");
    g_assert_true(visit_type_enum(v, "e", &e, &lookup, &error_abort));
    g_assert_cmpint(e, ==, 2);
    visit_free(v);
    v = in(STRICT, "\"sometimes\"");
    err = NULL;
    g_assert_false(visit_type_enum(v, "e", &e, &lookup, &err));
    check_err(err, "Parameter 'e' does not accept value 'sometimes'");
    visit_free(v);
    g_assert_cmpint(qapi_enum_size(&lookup), ==, 3);
    g_assert_cmpstr(qapi_enum_lookup(&lookup, 1), ==, "on");
    g_assert_null(qapi_enum_lookup(&lookup, 3));
}

static char *output_of(bool (*fn)(Visitor *, void *), void *val)
{
    JsonNode *result = NULL;
    Visitor *v = qobject_output_visitor_new(&result);
    char *text;

    g_assert_true(fn(v, val));
    visit_complete(v, &result);
    visit_free(v);
    text = json_to_string(result, FALSE);
    json_node_unref(result);
    return text;
}

static bool out_u8(Visitor *v, void *p)
{
    return visit_type_uint8(v, "x", p, &error_abort);
}

static bool out_bool(Visitor *v, void *p)
{
    return visit_type_bool(v, "x", p, &error_abort);
}

static bool out_str(Visitor *v, void *p)
{
    return visit_type_str(v, "x", p, &error_abort);
}

static bool out_i32(Visitor *v, void *p)
{
    return visit_type_int32(v, "x", p, &error_abort);
}

static bool out_any(Visitor *v, void *p)
{
    return visit_type_any(v, "x", p, &error_abort);
}

static void test_output(void)
{
    uint8_t u8 = 200;
    bool b = true;
    char *s = (char *)"text";
    int32_t i32 = -7;
    JsonNode *any = parse("{\"a\": [1, 2]}");
    char *text;

    text = output_of(out_u8, &u8);
    g_assert_cmpstr(text, ==, "200");
    g_free(text);
    text = output_of(out_bool, &b);
    g_assert_cmpstr(text, ==, "true");
    g_free(text);
    text = output_of(out_str, &s);
    g_assert_cmpstr(text, ==, "\"text\"");
    g_free(text);
    text = output_of(out_i32, &i32);
    g_assert_cmpstr(text, ==, "-7");
    g_free(text);
    text = output_of(out_any, &any);
    g_assert_cmpstr(text, ==, "{\"a\":[1,2]}");
    g_free(text);
    json_node_unref(any);
}

static void test_any_input(void)
{
    JsonNode *node = parse("[1, \"x\"]");
    Visitor *v = qobject_input_visitor_new(node);
    JsonNode *got = NULL;

    g_assert_true(visit_type_any(v, "a", &got, &error_abort));
    g_assert_true(got == node);
    g_assert_true(visit_is_input(v));
    json_node_unref(got);
    visit_free(v);
    json_node_unref(node);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/visitor/bool", test_bool);
    g_test_add_func("/visitor/int/strict", test_int_strict);
    g_test_add_func("/visitor/int/ranges", test_int_ranges);
    g_test_add_func("/visitor/int/keyval", test_int_keyval);
    g_test_add_func("/visitor/size", test_size);
    g_test_add_func("/visitor/str-enum", test_str_enum);
    g_test_add_func("/visitor/output", test_output);
    g_test_add_func("/visitor/any-input", test_any_input);
    return g_test_run();
}
