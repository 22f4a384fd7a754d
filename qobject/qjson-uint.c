/*
 * Unsigned integers above INT64_MAX in json-glib nodes (see qjson.h).
 */
#include "qemu/osdep.h"
#include "qobject/qjson.h"

JsonNode *qjson_node_new_uint(uint64_t val)
{
    JsonNode *node = json_node_init_int(json_node_alloc(), (int64_t)val);

    if (val > INT64_MAX) {
        json_node_seal(node);
    }
    return node;
}

bool qjson_node_is_big_uint(JsonNode *node)
{
    return node && JSON_NODE_HOLDS_VALUE(node) &&
           json_node_get_value_type(node) == G_TYPE_INT64 &&
           json_node_is_immutable(node) && json_node_get_int(node) < 0;
}
