/*
 * Unit tests of the JSON streamer (framing), parser and writer.
 */
#include "qemu/osdep.h"
#include "qobject/json-streamer.h"
#include "qobject/qjson.h"

typedef struct Collect {
    GPtrArray *out; /* "V:<compact json>" or "E:<error>" */
} Collect;

static void collect_emit(void *opaque, const JSONToken *tokens, size_t ntokens,
                         const char *text, const char *error)
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
    check("{\"k\":\"}{][\\\"\\\\\",\"l\":[{\"m\":{}},[]]}{'q':'it\\'s'}", e);
}

static void test_unicode(void)
{
    static const char *const e[] = {
        "V:\"\\u00E9\\uD83D\\uDE00\\u0000\\u0001\\n\"",
        NULL,
    };
    check("\"\xc3\xa9\\ud83d\\ude00\\u0000\\u0001\\n\"", e);
}

static void test_numbers(void)
{
    static const char *const e[] = {
        "V:[0, -5, 0.10000000000000001, 100, -2.4999999999999999e-07]",
        NULL,
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
        /* beyond a double: JSON has no infinity to answer with */
        { "1e1000", "number '1e1000' is out of range" },
        { "[-1e400]", "number '-1e400' is out of range" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(GPtrArray) out = run(cases[i].in, 0);
        g_autofree char *want = g_strdup_printf("E:JSON parse error, %s",
                                                cases[i].err);

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

/* Feed @in (@len bytes) in chunks of 64 KiB; results as run() gives. */
static GPtrArray *run_big(const char *in, size_t len)
{
    Collect c = { g_ptr_array_new_with_free_func(g_free) };
    JSONStreamer *js = json_streamer_new(collect_emit, &c);

    for (size_t i = 0; i < len; i += 65536) {
        json_streamer_feed(js, in + i, MIN(65536, len - i));
    }
    json_streamer_flush(js);
    json_streamer_free(js);
    return c.out;
}

/* @n bytes of @fill, then @tail. */
static GString *filled(char fill, size_t n, const char *tail)
{
    GString *s = g_string_sized_new(n + strlen(tail) + 1);

    memset(s->str, fill, n);
    g_string_set_size(s, n);
    g_string_append(s, tail);
    return s;
}

static void assert_results(GPtrArray *out, const char *const *expect)
{
    g_assert_cmpuint(out->len, ==, g_strv_length((char **)expect));
    for (guint i = 0; i < out->len; i++) {
        g_assert_cmpstr(out->pdata[i], ==, expect[i]);
    }
}

/* One number or keyword past the size bound: refused, the session goes on. */
static void test_token_size_limit(void)
{
    static const char *const e[] = {
        "E:JSON token size limit exceeded",
        "V:{\"a\": 1}",
        NULL,
    };
    static const char fills[] = { '7', 'x' };

    for (size_t i = 0; i < ARRAY_SIZE(fills); i++) {
        g_autoptr(GString) in = filled(fills[i], JSON_MAX_SIZE + 4096,
                                       "\n{\"a\":1}");
        g_autoptr(GPtrArray) out = run_big(in->str, in->len);

        assert_results(out, e);
    }
}

/* A value whose tokens are each small but together too big. */
static void test_message_size_limit(void)
{
    static const char *const e[] = {
        "E:JSON token size limit exceeded",
        "V:[]",
        NULL,
    };
    size_t half = JSON_MAX_SIZE / 2;
    g_autoptr(GString) in = g_string_sized_new(JSON_MAX_SIZE + 64);
    g_autoptr(GPtrArray) out = NULL;

    g_string_append(in, "[\"");
    g_string_set_size(in, 2 + half);
    memset(in->str + 2, 'a', half);
    g_string_append(in, "\", \"");
    g_string_set_size(in, in->len + half);
    memset(in->str + in->len - half, 'b', half);
    g_string_append(in, "\"]\n[]");
    out = run_big(in->str, in->len);
    /* the skipped tail's "]" is reported as a stray token in between */
    g_assert_cmpuint(out->len, ==, 3);
    g_assert_cmpstr(out->pdata[0], ==, e[0]);
    g_assert_cmpstr(out->pdata[2], ==, e[1]);
}

static void test_token_count_limit(void)
{
    static const char *const e[] = {
        "E:JSON token count limit exceeded",
        "V:{}",
        NULL,
    };
    g_autoptr(GString) in = g_string_new("[");
    g_autoptr(GPtrArray) out = NULL;

    for (size_t i = 0; i < JSON_MAX_TOKENS / 2 + 1; i++) {
        g_string_append(in, "1,");
    }
    g_string_append(in, "1]\n{}");
    out = run_big(in->str, in->len);
    /* the tokens after the limit are lexed as values of their own */
    g_assert_cmpuint(out->len, >=, 2);
    g_assert_cmpstr(out->pdata[0], ==, e[0]);
    g_assert_cmpstr(out->pdata[out->len - 1], ==, e[1]);
}

/* Error messages quote at most JSON_ECHO_MAX bytes of the input. */
static void test_error_echo_bounded(void)
{
    g_autoptr(GString) num = filled('1', 100000, ".x");
    g_autoptr(GString) kw = filled('k', 100000, " ");
    g_autoptr(GString) str = filled('s', 100000, "\n");
    g_autoptr(GPtrArray) o1 = run_big(num->str, num->len);
    g_autoptr(GPtrArray) o2 = run_big(kw->str, kw->len);
    g_autoptr(GPtrArray) o3 = NULL;
    g_autofree char *ones = g_strnfill(JSON_ECHO_MAX, '1');
    g_autofree char *ks = g_strnfill(JSON_ECHO_MAX, 'k');
    g_autofree char *e1 = g_strdup_printf("E:JSON parse error, stray '%s...'",
                                          ones);
    g_autofree char *e2 =
        g_strdup_printf("E:JSON parse error, invalid keyword '%s...'", ks);

    g_assert_cmpuint(o1->len, ==, 1);
    g_assert_cmpstr(o1->pdata[0], ==, e1);
    g_assert_cmpuint(o2->len, ==, 1);
    g_assert_cmpstr(o2->pdata[0], ==, e2);
    str->str[0] = '"';
    o3 = run_big(str->str, str->len);
    g_assert_cmpuint(o3->len, ==, 1);
    g_assert_cmpuint(strlen(o3->pdata[0]), <, JSON_ECHO_MAX + 64);
}

/* A cut never splits a UTF-8 character. */
static void test_error_echo_utf8(void)
{
    g_autoptr(GString) in = g_string_new("\"");
    g_autoptr(GPtrArray) out = NULL;
    const char *msg;

    for (int i = 0; i < JSON_ECHO_MAX; i++) {
        g_string_append(in, "\xc3\xa9");
    }
    g_string_append(in, "\n");
    out = run_big(in->str, in->len);
    g_assert_cmpuint(out->len, ==, 1);
    msg = out->pdata[0];
    g_assert_true(g_utf8_validate(msg, -1, NULL));
    g_assert_true(g_str_has_suffix(msg, "...'"));
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
    g_test_add_func("/json-streamer/token-size-limit", test_token_size_limit);
    g_test_add_func("/json-streamer/message-size-limit",
                    test_message_size_limit);
    g_test_add_func("/json-streamer/token-count-limit", test_token_count_limit);
    g_test_add_func("/json-streamer/error-echo-bounded",
                    test_error_echo_bounded);
    g_test_add_func("/json-streamer/error-echo-utf8", test_error_echo_utf8);
    return g_test_run();
}
