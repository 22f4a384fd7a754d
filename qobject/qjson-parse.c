/*
 * Recursive-descent parser from JSON tokens to json-glib nodes.
 * U+0000 in strings is kept as the overlong pair C0 80 so strings stay
 * NUL-terminated; the writer turns it back into \u0000.
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qjson.h"

typedef struct Parser {
    const JSONToken *toks;
    size_t n;
    size_t pos;
    const char *text;
    Error **errp;
    bool failed;
} Parser;

static JsonNode *parse_value(Parser *p);

static bool fail(Parser *p, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static bool fail(Parser *p, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (!p->failed) {
        error_setg(p->errp, "JSON parse error, %s", msg);
    }
    p->failed = true;
    return false;
}

static const JSONToken *peek(Parser *p)
{
    return p->pos < p->n ? &p->toks[p->pos] : NULL;
}

static bool accept(Parser *p, JSONTokenType type)
{
    const JSONToken *t = peek(p);

    if (t && t->type == type) {
        p->pos++;
        return true;
    }
    return false;
}

static int hex4(const char *s, const char *end)
{
    int v = 0, i;

    if (end - s < 4) {
        return -1;
    }
    for (i = 0; i < 4; i++) {
        int d = g_ascii_xdigit_value(s[i]);
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* Decode \uXXXX (and a following low surrogate) at @s; -1 if invalid. */
static gunichar decode_u(const char **s, const char *end)
{
    int hi = hex4(*s + 2, end), lo;

    if (hi < 0 || (hi >= 0xdc00 && hi <= 0xdfff)) {
        return (gunichar)-1;
    }
    if (hi < 0xd800 || hi > 0xdbff) {
        *s += 6;
        return hi;
    }
    if (end - *s < 12 || (*s)[6] != '\\' || (*s)[7] != 'u') {
        return (gunichar)-1;
    }
    lo = hex4(*s + 8, end);
    if (lo < 0xdc00 || lo > 0xdfff) {
        return (gunichar)-1;
    }
    *s += 12;
    return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
}

static void append_unichar(GString *out, gunichar c)
{
    if (c == 0) {
        g_string_append(out, "\xc0\x80");
    } else {
        g_string_append_unichar(out, c);
    }
}

static bool decode_escape(Parser *p, GString *out, const char **s,
                          const char *end)
{
    static const char from[] = "\"'\\/bfnrt";
    static const char to[] = "\"'\\/\b\f\n\r\t";
    const char *q = (*s)[1] ? strchr(from, (*s)[1]) : NULL;
    gunichar c;

    if (q) {
        g_string_append_c(out, to[q - from]);
        *s += 2;
        return true;
    }
    if ((*s)[1] != 'u') {
        return fail(p, "invalid escape sequence in string");
    }
    c = decode_u(s, end);
    if (c == (gunichar)-1) {
        return fail(p, "%.*s is not a valid Unicode character",
                    (int)MIN(6, end + 1 - *s), *s);
    }
    append_unichar(out, c);
    return true;
}

static JsonNode *parse_string(Parser *p, const JSONToken *t)
{
    const char *s = p->text + t->start + 1;
    const char *end = p->text + t->start + t->len - 1;
    g_autoptr(GString) out = g_string_sized_new(t->len);
    JsonNode *node;

    while (s < end) {
        if (*s == '\\') {
            if (!decode_escape(p, out, &s, end)) {
                return NULL;
            }
        } else if ((unsigned char)*s < 0x80) {
            g_string_append_c(out, *s++);
        } else {
            gunichar c = g_utf8_get_char_validated(s, end - s);
            if (c == (gunichar)-1 || c == (gunichar)-2) {
                fail(p, "invalid UTF-8 sequence in string");
                return NULL;
            }
            append_unichar(out, c);
            s = g_utf8_next_char(s);
        }
    }
    node = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(node, out->str);
    return node;
}

static JsonNode *parse_number(Parser *p, const JSONToken *t)
{
    g_autofree char *s = g_strndup(p->text + t->start, t->len);
    JsonNode *node = json_node_new(JSON_NODE_VALUE);
    gint64 v;
    guint64 u;
    double d;

    if (t->type == JSON_INTEGER) {
        errno = 0;
        v = g_ascii_strtoll(s, NULL, 10);
        if (errno != ERANGE) {
            json_node_set_int(node, v);
            return node;
        }
        /* too big for int64: unsigned if it fits, else a double */
        errno = 0;
        u = s[0] == '-' ? 0 : g_ascii_strtoull(s, NULL, 10);
        if (s[0] != '-' && errno != ERANGE) {
            json_node_unref(node);
            return qjson_node_new_uint(u);
        }
    }
    d = g_ascii_strtod(s, NULL);
    if (!isfinite(d)) {
        /* JSON has no infinity: the reply could not carry it back */
        json_node_unref(node);
        fail(p, "number '%.*s' is out of range", t->len > 64 ? 64 : (int)t->len,
             s);
        return NULL;
    }
    json_node_set_double(node, d);
    return node;
}

static JsonNode *parse_keyword(Parser *p, const JSONToken *t)
{
    const char *s = p->text + t->start;
    JsonNode *node;

    if (t->len == 4 && !strncmp(s, "null", 4)) {
        return json_node_new(JSON_NODE_NULL);
    }
    node = json_node_new(JSON_NODE_VALUE);
    if (t->len == 4 && !strncmp(s, "true", 4)) {
        json_node_set_boolean(node, TRUE);
    } else if (t->len == 5 && !strncmp(s, "false", 5)) {
        json_node_set_boolean(node, FALSE);
    } else {
        json_node_unref(node);
        /* keywords are letters only: any cut is a character boundary */
        fail(p, "invalid keyword '%.*s%s'", (int)MIN(t->len, JSON_ECHO_MAX), s,
             t->len > JSON_ECHO_MAX ? "..." : "");
        return NULL;
    }
    return node;
}

static bool parse_pair(Parser *p, JsonObject *obj)
{
    g_autoptr(JsonNode) key = parse_value(p);
    JsonNode *val;
    const char *name;

    if (!key) {
        return false;
    }
    if (JSON_NODE_TYPE(key) != JSON_NODE_VALUE ||
        json_node_get_value_type(key) != G_TYPE_STRING) {
        return fail(p, "key is not a string in object");
    }
    if (!accept(p, JSON_COLON)) {
        return fail(p, "missing : in object pair");
    }
    val = parse_value(p);
    if (!val) {
        return false;
    }
    name = json_node_get_string(key);
    if (json_object_has_member(obj, name)) {
        json_node_unref(val);
        return fail(p, "duplicate key");
    }
    json_object_set_member(obj, name, val);
    return true;
}

static JsonNode *parse_object(Parser *p)
{
    g_autoptr(JsonObject) obj = json_object_new();

    if (!accept(p, JSON_RCURLY)) {
        do {
            if (!parse_pair(p, obj)) {
                return NULL;
            }
        } while (accept(p, JSON_COMMA));
        if (!accept(p, JSON_RCURLY)) {
            fail(p, "expected separator in dict");
            return NULL;
        }
    }
    return json_node_init_object(json_node_alloc(), obj);
}

static JsonNode *parse_array(Parser *p)
{
    g_autoptr(JsonArray) arr = json_array_new();

    if (!accept(p, JSON_RSQUARE)) {
        do {
            JsonNode *elem = parse_value(p);
            if (!elem) {
                return NULL;
            }
            json_array_add_element(arr, elem);
        } while (accept(p, JSON_COMMA));
        if (!accept(p, JSON_RSQUARE)) {
            fail(p, "expected separator in list");
            return NULL;
        }
    }
    return json_node_init_array(json_node_alloc(), arr);
}

static JsonNode *parse_value(Parser *p)
{
    const JSONToken *t = peek(p);

    if (!t) {
        fail(p, "expecting value");
        return NULL;
    }
    p->pos++;
    switch (t->type) {
    case JSON_LCURLY:
        return parse_object(p);
    case JSON_LSQUARE:
        return parse_array(p);
    case JSON_STRING:
        return parse_string(p, t);
    case JSON_INTEGER:
    case JSON_FLOAT:
        return parse_number(p, t);
    case JSON_KEYWORD:
        return parse_keyword(p, t);
    default:
        fail(p, "expecting value");
        return NULL;
    }
}

JsonNode *qjson_parse_tokens(const JSONToken *tokens, size_t ntokens,
                             const char *text, Error **errp)
{
    Parser p = { tokens, ntokens, 0, text, errp, false };
    JsonNode *node = parse_value(&p);

    if (node && p.pos != ntokens) {
        json_node_unref(node);
        fail(&p, "expecting value");
        return NULL;
    }
    return node;
}

typedef struct ParseOne {
    JsonNode *node;
    Error *err;
    bool extra; /* more than one value */
} ParseOne;

static void parse_one_emit(void *opaque, const JSONToken *tokens,
                           size_t ntokens, const char *text, const char *error)
{
    ParseOne *po = opaque;

    if (po->node || po->err) {
        po->extra = true;
        return;
    }
    if (error) {
        error_setg(&po->err, "%s", error);
        return;
    }
    po->node = qjson_parse_tokens(tokens, ntokens, text, &po->err);
}

JsonNode *qjson_parse_string(const char *str, Error **errp)
{
    ParseOne po = { NULL, NULL, false };
    JSONStreamer *js = json_streamer_new(parse_one_emit, &po);

    json_streamer_feed(js, str, strlen(str));
    json_streamer_flush(js);
    json_streamer_free(js);
    if (po.err) {
        error_propagate(errp, po.err);
        return NULL;
    }
    if (po.extra) {
        json_node_unref(po.node);
        error_setg(errp, "Expecting at most one JSON value");
        return NULL;
    }
    if (!po.node) {
        /* an unfinished value is dropped by the flush */
        error_setg(errp, "JSON parse error, %s",
                   str[strspn(str, " \t\r\n")] ? "premature EOI"
                                               : "expecting value");
    }
    return po.node;
}
