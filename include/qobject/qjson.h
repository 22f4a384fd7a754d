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

void qjson_append(GString *out, JsonNode *node, bool pretty);
char *qjson_to_string(JsonNode *node, bool pretty);

#endif
