/*
 * JSON streamer: tokenizer and top-level value framer (see json-streamer.h).
 */
#include "qemu/osdep.h"
#include "qobject/json-streamer.h"

typedef enum LexState {
    LEX_START,
    LEX_STRING,
    LEX_STRING_ESC,
    LEX_MINUS,
    LEX_ZERO,
    LEX_INT,
    LEX_DOT,
    LEX_FRAC,
    LEX_EXP,
    LEX_EXP_SIGN,
    LEX_EXP_DIGITS,
    LEX_KEYWORD,
    LEX_RECOVERY,
} LexState;

struct JSONStreamer {
    JSONEmitFunc *emit;
    void *opaque;
    LexState state;
    char quote;       /* quote character of the current string */
    size_t tok_start; /* start of the current token in text */
    GString *text;    /* text of the tokens of the pending value */
    GArray *tokens;   /* JSONToken of the pending value */
    int braces;
    int brackets;
};

JSONStreamer *json_streamer_new(JSONEmitFunc *emit, void *opaque)
{
    JSONStreamer *js = g_new0(JSONStreamer, 1);

    js->emit = emit;
    js->opaque = opaque;
    js->text = g_string_sized_new(256);
    js->tokens = g_array_sized_new(FALSE, FALSE, sizeof(JSONToken), 32);
    return js;
}

/*
 * Forget the pending value. Buffers a large value grew are given back
 * rather than kept at their peak size for the rest of the session.
 */
static void framer_reset(JSONStreamer *js)
{
    if (js->text->allocated_len > JSON_KEEP_BUFFER) {
        g_string_free(js->text, TRUE);
        js->text = g_string_sized_new(256);
    } else {
        g_string_truncate(js->text, 0);
    }
    if (js->tokens->len * sizeof(JSONToken) > JSON_KEEP_BUFFER) {
        g_array_free(js->tokens, TRUE);
        js->tokens = g_array_sized_new(FALSE, FALSE, sizeof(JSONToken), 32);
    } else {
        g_array_set_size(js->tokens, 0);
    }
    js->braces = 0;
    js->brackets = 0;
}

void json_streamer_reset(JSONStreamer *js)
{
    framer_reset(js);
    js->state = LEX_START;
}

void json_streamer_free(JSONStreamer *js)
{
    if (!js) {
        return;
    }
    g_string_free(js->text, TRUE);
    g_array_free(js->tokens, TRUE);
    g_free(js);
}

static void emit_error(JSONStreamer *js, const char *msg)
{
    js->emit(js->opaque, NULL, 0, NULL, msg);
    framer_reset(js);
}

/*
 * Quote at most JSON_ECHO_MAX bytes of @len bytes at @text for an error
 * message, cut on a UTF-8 character boundary, "..." marking the cut.
 */
static char *echo_text(const char *text, size_t len, const char *tail)
{
    size_t n = len;

    if (n > JSON_ECHO_MAX) {
        n = JSON_ECHO_MAX;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80) {
            n--;
        }
    }
    return g_strdup_printf("%.*s%s%s", (int)n, text, n < len ? "..." : "",
                           tail);
}

/* The byte @c cannot continue or start a token: report the stray text. */
static void lex_error(JSONStreamer *js, unsigned char c)
{
    char last[2] = { c, 0 };
    g_autofree char *shown =
        echo_text(js->text->str + js->tok_start, js->text->len - js->tok_start,
                  js->text->len - js->tok_start >= JSON_ECHO_MAX ? "" : last);
    g_autofree char *msg = g_strdup_printf("JSON parse error, stray '%s'",
                                           shown);

    emit_error(js, msg);
    js->state = LEX_RECOVERY;
}

/*
 * Add @c to the pending value's text. The text of one value (all its
 * tokens, without the blanks between them) is bounded as QEMU bounds it;
 * past the bound the value is dropped with QEMU's error and the input
 * skipped as after a lexical error. Returns false then.
 */
static bool text_add(JSONStreamer *js, unsigned char c)
{
    if (js->text->len + 1 > JSON_MAX_SIZE) {
        emit_error(js, "JSON token size limit exceeded");
        js->state = LEX_RECOVERY;
        return false;
    }
    g_string_append_c(js->text, c);
    return true;
}

static void frame_token(JSONStreamer *js, JSONTokenType type)
{
    JSONToken tok = { type, js->tok_start, js->text->len - js->tok_start };

    js->state = LEX_START;
    g_array_append_val(js->tokens, tok);
    switch (type) {
    case JSON_LCURLY:
        js->braces++;
        break;
    case JSON_RCURLY:
        js->braces--;
        break;
    case JSON_LSQUARE:
        js->brackets++;
        break;
    case JSON_RSQUARE:
        js->brackets--;
        break;
    default:
        break;
    }
    if (js->braces + js->brackets > JSON_MAX_NESTING) {
        emit_error(js, "JSON nesting depth limit exceeded");
        return;
    }
    if (js->tokens->len > JSON_MAX_TOKENS) {
        emit_error(js, "JSON token count limit exceeded");
        return;
    }
    if (js->braces < 0 || js->brackets < 0 ||
        (js->braces == 0 && js->brackets == 0)) {
        js->emit(js->opaque, (const JSONToken *)js->tokens->data,
                 js->tokens->len, js->text->str, NULL);
        framer_reset(js);
    }
}

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static void lex_start(JSONStreamer *js, unsigned char c)
{
    static const char structural[] = "{}[]:,";
    static const JSONTokenType types[] = {
        JSON_LCURLY,  JSON_RCURLY, JSON_LSQUARE,
        JSON_RSQUARE, JSON_COLON,  JSON_COMMA,
    };
    const char *s;

    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return;
    }
    js->tok_start = js->text->len;
    if (c && (s = strchr(structural, c))) {
        if (text_add(js, c)) {
            frame_token(js, types[s - structural]);
        }
        return;
    }
    if (c == '"' || c == '\'') {
        js->quote = c;
        js->state = LEX_STRING;
    } else if (c == '-') {
        js->state = LEX_MINUS;
    } else if (c == '0') {
        js->state = LEX_ZERO;
    } else if (is_digit(c)) {
        js->state = LEX_INT;
    } else if (is_letter(c)) {
        js->state = LEX_KEYWORD;
    } else {
        lex_error(js, c);
        return;
    }
    text_add(js, c);
}

static void lex_string(JSONStreamer *js, unsigned char c)
{
    if (c < 0x20 || c >= 0xfe) {
        lex_error(js, c);
        return;
    }
    if (!text_add(js, c)) {
        return;
    }
    if (js->state == LEX_STRING_ESC) {
        js->state = LEX_STRING;
    } else if (c == '\\') {
        js->state = LEX_STRING_ESC;
    } else if (c == js->quote) {
        frame_token(js, JSON_STRING);
    }
}

/* Next state of a number after @c, or LEX_START when @c ends it. */
static LexState number_next(LexState st, unsigned char c, bool *bad)
{
    bool digit = is_digit(c);
    bool exp = c == 'e' || c == 'E';

    *bad = false;
    switch (st) {
    case LEX_MINUS:
        *bad = !digit;
        return c == '0' ? LEX_ZERO : LEX_INT;
    case LEX_ZERO:
    case LEX_INT:
        if (digit) {
            *bad = st == LEX_ZERO;
            return LEX_INT;
        }
        return c == '.' ? LEX_DOT : exp ? LEX_EXP : LEX_START;
    case LEX_DOT:
        *bad = !digit;
        return LEX_FRAC;
    case LEX_FRAC:
        return digit ? LEX_FRAC : exp ? LEX_EXP : LEX_START;
    case LEX_EXP:
        *bad = !digit && c != '+' && c != '-';
        return digit ? LEX_EXP_DIGITS : LEX_EXP_SIGN;
    case LEX_EXP_SIGN:
        *bad = !digit;
        return LEX_EXP_DIGITS;
    default: /* LEX_EXP_DIGITS */
        return digit ? LEX_EXP_DIGITS : LEX_START;
    }
}

static void lex_byte(JSONStreamer *js, unsigned char c);

static void lex_number(JSONStreamer *js, unsigned char c)
{
    bool bad;
    LexState next = number_next(js->state, c, &bad);

    if (bad) {
        lex_error(js, c);
        return;
    }
    if (next == LEX_START) {
        frame_token(js, (js->state == LEX_ZERO || js->state == LEX_INT)
                            ? JSON_INTEGER
                            : JSON_FLOAT);
        lex_byte(js, c);
        return;
    }
    if (text_add(js, c)) {
        js->state = next;
    }
}

static void lex_byte(JSONStreamer *js, unsigned char c)
{
    switch (js->state) {
    case LEX_START:
        lex_start(js, c);
        break;
    case LEX_STRING:
    case LEX_STRING_ESC:
        lex_string(js, c);
        break;
    case LEX_KEYWORD:
        if (is_letter(c)) {
            text_add(js, c);
        } else {
            frame_token(js, JSON_KEYWORD);
            lex_start(js, c);
        }
        break;
    case LEX_RECOVERY:
        if (c == '{' || c == '}' || c == '[' || c == ']' ||
            (c < 0x20 && c != '\t') || c >= 0xfe) {
            js->state = LEX_START;
            lex_start(js, c);
        }
        break;
    default:
        lex_number(js, c);
        break;
    }
}

void json_streamer_feed(JSONStreamer *js, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    size_t i;

    for (i = 0; i < len; i++) {
        lex_byte(js, p[i]);
    }
}

void json_streamer_flush(JSONStreamer *js)
{
    switch (js->state) {
    case LEX_ZERO:
    case LEX_INT:
    case LEX_FRAC:
    case LEX_EXP_DIGITS:
    case LEX_KEYWORD:
        lex_byte(js, ' ');
        break;
    default:
        break;
    }
    json_streamer_reset(js);
}
