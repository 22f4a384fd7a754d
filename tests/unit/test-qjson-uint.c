/*
 * Integers above INT64_MAX in QMP's JSON: printed as their unsigned
 * decimal form and read back as unsigned (QEMU's QNum keeps them as its
 * unsigned kind), both through the parser/writer and the QAPI visitors.
 */
#include "qemu/osdep.h"
#include "qapi/visitor.h"
#include "qobject/qjson.h"
#include "monitor/qmp.h"
#include "qemu/keyval.h"

/* @in parsed and written back */
static char *round_trip(const char *in)
{
    JsonNode *node = qjson_parse_string(in, &error_abort);
    char *out = qjson_to_string(node, false);

    json_node_unref(node);
    return out;
}

static void check_round_trip(const char *in, const char *expect)
{
    g_autofree char *out = round_trip(in);

    g_assert_cmpstr(out, ==, expect);
}

static void test_parse_write(void)
{
    check_round_trip("9223372036854775807", "9223372036854775807");
    check_round_trip("9223372036854775808", "9223372036854775808");
    check_round_trip("18446744073709551615", "18446744073709551615");
    check_round_trip("-9223372036854775808", "-9223372036854775808");
    /* negative ones stay signed: -1 is no big unsigned */
    check_round_trip("[-1, 18446744073709551614]",
                     "[-1, 18446744073709551614]");
    /* beyond both ranges: a double, as before */
    check_round_trip("18446744073709551616", "1.8446744073709552e+19");
    check_round_trip("-9223372036854775809", "-9.2233720368547758e+18");
}

static void test_node(void)
{
    JsonNode *big = qjson_node_new_uint(UINT64_C(0x8000000000000001));
    JsonNode *small = qjson_node_new_uint(INT64_MAX);
    JsonNode *neg = json_node_init_int(json_node_alloc(), -5);
    JsonNode *copy = json_node_copy(big);
    JsonObject *obj = json_object_new();
    JsonNode *root;
    g_autofree char *text = NULL;

    g_assert_true(qjson_node_is_big_uint(big));
    g_assert_true(qjson_node_is_big_uint(copy));
    g_assert_false(qjson_node_is_big_uint(small));
    g_assert_false(qjson_node_is_big_uint(neg));
    g_assert_false(qjson_node_is_big_uint(NULL));
    json_object_set_member(obj, "big", big);
    json_object_set_member(obj, "copy", copy);
    json_object_set_member(obj, "small", small);
    json_object_set_member(obj, "neg", neg);
    root = json_node_init_object(json_node_alloc(), obj);
    json_object_unref(obj);
    text = qjson_to_string(root, false);
    g_assert_cmpstr(text, ==,
                    "{\"big\": 9223372036854775809, \"copy\": "
                    "9223372036854775809, \"small\": 9223372036854775807, "
                    "\"neg\": -5}");
    json_node_unref(root);
}

static void test_visitors(void)
{
    JsonNode *node = qjson_parse_string("18446744073709551615", &error_abort);
    JsonNode *result = NULL;
    Error *err = NULL;
    uint64_t u = 0, big = UINT64_C(12345678901234567890);
    int64_t i = 0;
    g_autofree char *text = NULL;
    Visitor *v;

    v = qobject_input_visitor_new(node);
    g_assert_true(visit_type_uint64(v, "u", &u, &error_abort));
    g_assert_cmphex(u, ==, UINT64_MAX);
    visit_free(v);

    v = qobject_input_visitor_new(node);
    g_assert_false(visit_type_int64(v, "i", &i, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'i', expected: integer");
    error_free(err);
    visit_free(v);
    json_node_unref(node);

    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_uint64(v, "u", &big, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    text = qjson_to_string(result, false);
    g_assert_cmpstr(text, ==, "12345678901234567890");
    json_node_unref(result);
}

/* A hand-written command's integer argument refuses one too */
static void test_qmp_arg_int(void)
{
    JsonNode *node = qjson_parse_string("{\"n\": 9223372036854775808, "
                                        "\"m\": 9223372036854775807}",
                                        &error_abort);
    JsonObject *args = json_node_get_object(node);
    Error *err = NULL;
    int64_t n = 0;
    bool present = false;

    g_assert_false(qmp_arg_int(args, "n", true, &n, &present, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'n', expected: integer");
    error_free(err);
    g_assert_true(qmp_arg_int(args, "m", true, &n, &present, &error_abort));
    g_assert_cmpint(n, ==, INT64_MAX);
    json_node_unref(node);
}

/* A JSON option back to key=value text keeps the unsigned digits */
static void test_keyval_text(void)
{
    JsonNode *node = qjson_parse_string("{\"a\": 18446744073709551615, "
                                        "\"b\": -1}",
                                        &error_abort);
    g_autofree char *text = keyval_to_string(json_node_get_object(node));

    g_assert_cmpstr(text, ==, "a=18446744073709551615,b=-1");
    json_node_unref(node);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qjson-uint/parse-write", test_parse_write);
    g_test_add_func("/qjson-uint/node", test_node);
    g_test_add_func("/qjson-uint/visitors", test_visitors);
    g_test_add_func("/qjson-uint/qmp-arg-int", test_qmp_arg_int);
    g_test_add_func("/qjson-uint/keyval-text", test_keyval_text);
    return g_test_run();
}
