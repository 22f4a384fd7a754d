/*
 * QOM: the composition tree (child<> properties), canonical paths and
 * path resolution.
 *
 * A child property owns one reference to its child, and the child points
 * back at its parent and at that property, so its name in the tree is
 * known without a search. Paths are resolved one way: a walk that follows
 * child and link properties component by component. An absolute path is
 * walked from the root; a partial path is tried from every object of the
 * tree, breadth first, and must match exactly once.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

bool object_property_is_child(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "child<");
}

bool object_property_is_link(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "link<");
}

/* ---- child properties ---- */

static void qom_child_read(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    g_autofree char *where = object_get_canonical_path(opaque);

    visit_type_str(v, name, &where, errp);
}

static Object *qom_child_follow(Object *parent, void *opaque, const char *part)
{
    return opaque;
}

static void qom_child_drop(Object *parent, const char *name, void *opaque)
{
    Object *child = opaque;
    ObjectUnparent *hook = child->class->unparent;

    if (hook) {
        hook(child);
    }
    child->parent = NULL;
    child->parent_prop = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *prop;

    if (child->parent) {
        error_setg(errp, "child object is already parented");
        return NULL;
    }
    type = g_strconcat("child<", object_get_typename(child), ">", NULL);
    prop = object_property_try_add(obj, name, type, qom_child_read, NULL,
                                   qom_child_drop, child, errp);
    if (prop) {
        prop->resolve = qom_child_follow;
        child->parent = obj;
        child->parent_prop = prop;
        object_ref(child);
    }
    return prop;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

void object_unparent(Object *obj)
{
    g_autofree char *name = NULL;

    if (obj->parent) {
        /* the property record goes away while it is being deleted */
        name = g_strdup(obj->parent_prop->name);
        object_property_del(obj->parent, name);
    }
}

const char *object_get_canonical_path_component(const Object *obj)
{
    return obj->parent ? obj->parent_prop->name : NULL;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GString *path;

    for (; obj != root; obj = obj->parent) {
        if (!obj->parent) {
            return NULL; /* not in the tree */
        }
        g_ptr_array_add(names, obj->parent_prop->name);
    }
    if (!names->len) {
        return g_strdup("/");
    }
    path = g_string_new(NULL);
    for (guint i = names->len; i-- > 0;) {
        g_string_append_printf(path, "/%s",
                               (char *)g_ptr_array_index(names, i));
    }
    return g_string_free(path, FALSE);
}

/* ---- resolution ---- */

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

/* Follow @parts from @from; empty components are skipped. */
static Object *qom_walk(Object *from, char *const *parts)
{
    Object *at = from;

    for (; at && *parts; parts++) {
        if (**parts) {
            at = object_resolve_path_component(at, *parts);
        }
    }
    return at;
}

typedef struct QomSearch {
    char **parts;
    const char *typename;
    Object *hit;
    unsigned int hits;
} QomSearch;

/* Try the walk from @node; true once the result cannot be unique. */
static bool qom_search_at(QomSearch *s, Object *node)
{
    Object *found = object_dynamic_cast(qom_walk(node, s->parts), s->typename);

    if (found) {
        s->hit = found;
        s->hits++;
    }
    return s->hits > 1;
}

static void qom_queue_children(GQueue *queue, Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (object_property_is_child(prop)) {
            g_queue_push_tail(queue, prop->opaque);
        }
    }
}

static Object *qom_search_tree(QomSearch *s, bool *ambiguous)
{
    GQueue queue = G_QUEUE_INIT;
    Object *node;
    bool many = false;

    g_queue_push_tail(&queue, object_get_root());
    while (!many && (node = g_queue_pop_head(&queue))) {
        many = qom_search_at(s, node);
        qom_queue_children(&queue, node);
    }
    g_queue_clear(&queue);
    *ambiguous = many;
    return many ? NULL : s->hit;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguousp)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    QomSearch search = {
        .parts = parts,
        .typename = typename ? typename : TYPE_OBJECT,
    };
    bool ambiguous = false;
    Object *found;

    if (path[0] == '/') {
        found = object_dynamic_cast(qom_walk(object_get_root(), parts),
                                    search.typename);
    } else {
        found = qom_search_tree(&search, &ambiguous);
    }
    if (ambiguousp) {
        *ambiguousp = ambiguous;
    }
    return found;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);

    return qom_walk(path[0] == '/' ? object_get_root() : parent, parts);
}

/* ---- iteration ---- */

/* Depth first; callbacks may unparent, so each level is snapshotted. */
static int qom_visit_children(Object *obj, int (*fn)(Object *, void *),
                              void *opaque, bool deep)
{
    GQueue level = G_QUEUE_INIT;
    Object *child;
    int ret = 0;

    qom_queue_children(&level, obj);
    for (GList *l = level.head; l; l = l->next) {
        object_ref(l->data);
    }
    while ((child = g_queue_pop_head(&level))) {
        if (!ret) {
            ret = fn(child, opaque);
        }
        if (!ret && deep) {
            ret = qom_visit_children(child, fn, opaque, true);
        }
        object_unref(child);
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return qom_visit_children(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return qom_visit_children(obj, fn, opaque, true);
}
