/*
 * QMP's JSON: parse streamer tokens into json-glib nodes, and format
 * nodes the way QEMU prints them ({"a": 1, "b": [2]}, non-ASCII as
 * \uXXXX, doubles with 17 significant digits; pretty form indents by 4).
 */
#ifndef QOBJECT_QJSON_H
#define QOBJECT_QJSON_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json-streamer.h"
#include <json-glib/json-glib.h>

/* Errors are "JSON parse error, ..." as QEMU words them. */
JsonNode *qjson_parse_tokens(const JSONToken *tokens, size_t ntokens,
                             const char *text, Error **errp);
/* Convenience for tests: stream + parse one complete value from @str. */
JsonNode *qjson_parse_string(const char *str, Error **errp);

/*
 * Integers above INT64_MAX, up to UINT64_MAX, as QEMU keeps them (QNum's
 * unsigned kind): json-glib has 64-bit signed integers only, so such a
 * value is an integer node holding its two's complement bits, sealed
 * (json_node_seal(), used for nothing else here) to mark it unsigned.
 * qjson_node_new_uint() gives a plain integer node up to INT64_MAX.
 */
JsonNode *qjson_node_new_uint(uint64_t val);
/* Whether @node is such an unsigned integer above INT64_MAX */
bool qjson_node_is_big_uint(JsonNode *node);

void qjson_append(GString *out, JsonNode *node, bool pretty);
char *qjson_to_string(JsonNode *node, bool pretty);

#endif
