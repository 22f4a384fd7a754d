/*
 * Unit tests of the JSON streamer (framing), parser and writer.
 */
#include "qemu/osdep.h"
#include "qobject/json-streamer.h"
#include "qobject/qjson.h"

typedef struct Collect {
    GPtrArray *out; /* "V:<compact json>" or "E:<error>" */
} Collect;

static void collect_emit(void *opaque, const JSONToken *tokens,
                         size_t ntokens, const char *text, const char *error)
{
    Collect *c = opaque;
    g_autofree char *str = NULL;
    Error *err = NULL;
    JsonNode *node;

    if (error) {
        g_ptr_array_add(c->out, g_strdup_printf("E:%s", error));
        return;
    }
    node = qjson_parse_tokens(tokens, ntokens, text, &err);
    if (!node) {
        g_ptr_array_add(c->out, g_strdup_printf("E:%s", error_get_pretty(err)));
        error_free(err);
        return;
    }
    str = qjson_to_string(node, false);
    g_ptr_array_add(c->out, g_strdup_printf("V:%s", str));
    json_node_unref(node);
}

/* Feed @in in chunks of @chunk bytes (0: all at once), return results. */
static GPtrArray *run(const char *in, size_t chunk)
{
    Collect c = { g_ptr_array_new_with_free_func(g_free) };
    JSONStreamer *js = json_streamer_new(collect_emit, &c);
    size_t len = strlen(in), i;

    if (!chunk) {
        chunk = len ? len : 1;
    }
    for (i = 0; i < len; i += chunk) {
        json_streamer_feed(js, in + i, MIN(chunk, len - i));
    }
    json_streamer_flush(js);
    json_streamer_free(js);
    return c.out;
}

static void check(const char *in, const char *const *expect)
{
    for (size_t chunk = 0; chunk < 4; chunk++) {
        g_autoptr(GPtrArray) out = run(in, chunk);
        size_t n = g_strv_length((char **)expect);

        for (size_t i = 0; i < MIN(n, out->len); i++) {
            g_assert_cmpstr(out->pdata[i], ==, expect[i]);
        }
        g_assert_cmpuint(out->len, ==, n);
    }
}

static void test_single(void)
{
    static const char *const e[] = { "V:{\"execute\": \"quit\"}", NULL };
    check("{\"execute\":\"quit\"}", e);
}

static void test_multiple_per_chunk(void)
{
    static const char *const e[] = {
        "V:{\"a\": 1}", "V:[1, 2]", "V:\"s\"", "V:3", "V:true", NULL,
    };
    check("{\"a\":1}[1,2] \"s\" 3 true", e);
}

static void test_nested_strings(void)
{
    static const char *const e[] = {
        "V:{\"k\": \"}{][\\\"\\\\\", \"l\": [{\"m\": {}}, []]}",
        "V:{\"q\": \"it's\"}",
        NULL,
    };
    check("{\"k\":\"}{][\\\"\\\\\",\"l\":[{\"m\":{}},[]]}"
          "{'q':'it\\'s'}", e);
}

static void test_unicode(void)
{
    static const char *const e[] = {
        "V:\"\\u00E9\\uD83D\\uDE00\\u0000\\u0001\\n\"", NULL,
    };
    check("\"\xc3\xa9\\ud83d\\ude00\\u0000\\u0001\\n\"", e);
}

static void test_numbers(void)
{
    static const char *const e[] = {
        "V:[0, -5, 0.10000000000000001, 100, -2.4999999999999999e-07]", NULL,
    };
    check("[0,-5,0.1,1E2,-2.5e-7]", e);
}

static void test_errors_recover(void)
{
    static const char *const e[] = {
        "E:JSON parse error, stray '@'",
        "V:{\"a\": 1}",
        "E:JSON parse error, stray '01'",
        "E:JSON parse error, expecting value",
        "V:2",
        NULL,
    };
    check("@{\"a\":1}[01]2", e);
}

static void test_parse_errors(void)
{
    static const struct {
        const char *in, *err;
    } cases[] = {
        { "{\"a\" 1}", "missing : in object pair" },
        { "{1:2}", "key is not a string in object" },
        { "[1,]", "expecting value" },
        { "{\"a\":1 \"b\":2}", "expected separator in dict" },
        { "[1 2]", "expected separator in list" },
        { "{\"a\":1,\"a\":2}", "duplicate key" },
        { "tru ", "invalid keyword 'tru'" },
        { "\"\\q\"", "invalid escape sequence in string" },
        { "\"\\ud800\"", "\\ud800 is not a valid Unicode character" },
        { "]", "expecting value" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(GPtrArray) out = run(cases[i].in, 0);
        g_autofree char *want =
            g_strdup_printf("E:JSON parse error, %s", cases[i].err);

        g_assert_cmpuint(out->len, >=, 1);
        g_assert_cmpstr(out->pdata[0], ==, want);
    }
}

static void test_string_control_char(void)
{
    static const char *const e[] = {
        "E:JSON parse error, stray '\"a\n'",
        "E:JSON parse error, expecting value",
        "V:{}",
        NULL,
    };
    check("{\"x\":\"a\nb\"}{}", e);
}

static void test_nesting_limit(void)
{
    GString *s = g_string_new(NULL);
    g_autoptr(GPtrArray) out = NULL;

    for (int i = 0; i < JSON_MAX_NESTING + 1; i++) {
        g_string_append_c(s, '[');
    }
    g_string_append(s, "]{}");
    out = run(s->str, 0);
    g_assert_cmpuint(out->len, >=, 1);
    g_assert_cmpstr(out->pdata[0], ==, "E:JSON nesting depth limit exceeded");
    g_string_free(s, TRUE);
}

static void test_pretty(void)
{
    g_autoptr(JsonNode) n = qjson_parse_string("{\"a\":[1,{}],\"b\":[]}", NULL);
    g_autofree char *s = qjson_to_string(n, true);

    g_assert_cmpstr(s, ==,
                    "{\n    \"a\": [\n        1,\n        {\n        }\n"
                    "    ],\n    \"b\": [\n    ]\n}");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json-streamer/single", test_single);
    g_test_add_func("/json-streamer/multiple", test_multiple_per_chunk);
    g_test_add_func("/json-streamer/nested-strings", test_nested_strings);
    g_test_add_func("/json-streamer/unicode", test_unicode);
    g_test_add_func("/json-streamer/numbers", test_numbers);
    g_test_add_func("/json-streamer/errors-recover", test_errors_recover);
    g_test_add_func("/json-streamer/parse-errors", test_parse_errors);
    g_test_add_func("/json-streamer/control-char", test_string_control_char);
    g_test_add_func("/json-streamer/nesting-limit", test_nesting_limit);
    g_test_add_func("/json-streamer/pretty", test_pretty);
    return g_test_run();
}
