/*
 * JSON streamer: split a byte stream into complete top-level JSON values.
 *
 * Bytes are fed in chunks of any size. A tokenizer (accepting QMP's JSON
 * dialect, which also allows single-quoted strings) tracks string, escape
 * and number state across chunks; a framer counts braces and brackets.
 * When a top-level value is complete its tokens are handed to the emit
 * callback. A lexical error is reported through the same callback (with
 * an error message and no tokens); the tokenizer then skips input up to a
 * structural character or a control character and carries on.
 */
#ifndef MONITOR_JSON_STREAMER_H
#define MONITOR_JSON_STREAMER_H

#include "qemu/osdep.h"

typedef enum JSONTokenType {
    JSON_LCURLY,
    JSON_RCURLY,
    JSON_LSQUARE,
    JSON_RSQUARE,
    JSON_COLON,
    JSON_COMMA,
    JSON_INTEGER,
    JSON_FLOAT,
    JSON_KEYWORD,
    JSON_STRING, /* text includes the quotes, escapes undecoded */
} JSONTokenType;

typedef struct JSONToken {
    JSONTokenType type;
    size_t start; /* offset of the token text in the emitted buffer */
    size_t len;
} JSONToken;

/*
 * QEMU's limits on one value: nesting depth of objects and arrays, number
 * of tokens, and bytes of token text (all tokens together, blanks between
 * them not counted; a single number, keyword or string is bounded so too).
 * A value over a limit is dropped with "JSON nesting depth limit exceeded",
 * "JSON token count limit exceeded" or "JSON token size limit exceeded",
 * and its buffered text freed.
 */
#define JSON_MAX_NESTING 1024
#define JSON_MAX_TOKENS  (2 * 1024 * 1024)
#define JSON_MAX_SIZE    (64 * 1024 * 1024)
/* Bytes of input an error message quotes at most (then "..."). */
#define JSON_ECHO_MAX 64
/* Buffers grown past this are freed when their value is done. */
#define JSON_KEEP_BUFFER (64 * 1024)

/*
 * Called with a complete value (@tokens over @text, @ntokens >= 1,
 * @error NULL) or with an error message (@ntokens 0).
 */
typedef void JSONEmitFunc(void *opaque, const JSONToken *tokens, size_t ntokens,
                          const char *text, const char *error);

typedef struct JSONStreamer JSONStreamer;

JSONStreamer *json_streamer_new(JSONEmitFunc *emit, void *opaque);
void json_streamer_feed(JSONStreamer *js, const void *buf, size_t len);
/* End of input: a pending number or keyword is completed, the rest dropped. */
void json_streamer_flush(JSONStreamer *js);
/* Forget any partial input (e.g. the peer disconnected). */
void json_streamer_reset(JSONStreamer *js);
void json_streamer_free(JSONStreamer *js);

#endif
