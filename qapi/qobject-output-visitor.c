/*
 * Output visitor: the visited root value becomes a JsonNode.
 */
#include "qemu/osdep.h"
#include "qapi/visitor-impl.h"

Visitor *qobject_output_visitor_new(JsonNode **result)
{
    Visitor *v = g_new0(Visitor, 1);

    v->type = VISITOR_OUTPUT;
    v->mode = VISIT_MODE_OUTPUT;
    v->resultp = result;
    return v;
}

void output_set_node(Visitor *v, JsonNode *node)
{
    g_assert(!v->root); /* only the root is visited */
    v->root = node;
}

void visit_complete(Visitor *v, void *opaque)
{
    if (v->type != VISITOR_OUTPUT) {
        return;
    }
    g_assert(opaque == v->resultp);
    g_assert(v->root);
    *v->resultp = json_node_ref(v->root);
}

void visit_free(Visitor *v)
{
    if (!v) {
        return;
    }
    if (v->root) {
        json_node_unref(v->root);
    }
    g_free(v);
}

bool visit_is_input(Visitor *v)
{
    return v->type == VISITOR_INPUT;
}
