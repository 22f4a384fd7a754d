/*
 * QOM: the composition tree (child properties, paths, resolution).
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

static void object_get_child_property(Object *obj, Visitor *v,
                                      const char *name, void *opaque,
                                      Error **errp)
{
    g_autofree char *path = object_get_canonical_path(opaque);

    visit_type_str(v, name, &path, errp);
}

static Object *object_resolve_child_property(Object *parent, void *opaque,
                                             const char *part)
{
    return opaque;
}

static void object_finalize_child_property(Object *obj, const char *name,
                                           void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        child->class->unparent(child);
    }
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *op;

    if (child->parent) {
        error_setg(errp, "child object is already parented");
        return NULL;
    }
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    op = object_property_try_add(obj, name, type, object_get_child_property,
                                 NULL, object_finalize_child_property, child,
                                 errp);
    if (!op) {
        return NULL;
    }
    op->resolve = object_resolve_child_property;
    object_ref(child);
    child->parent = obj;
    return op;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

static ObjectProperty *child_property_of(Object *parent, const Object *child)
{
    for (guint i = 0; i < parent->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->prop_order, i);

        if (object_property_is_child(prop) && prop->opaque == child) {
            return prop;
        }
    }
    return NULL;
}

void object_unparent(Object *obj)
{
    ObjectProperty *prop;
    g_autofree char *name = NULL;

    if (!obj->parent) {
        return;
    }
    prop = child_property_of(obj->parent, obj);
    g_assert(prop);
    name = g_strdup(prop->name);
    object_property_del(obj->parent, name);
}

const char *object_get_canonical_path_component(const Object *obj)
{
    ObjectProperty *prop;

    if (!obj->parent) {
        return NULL;
    }
    prop = child_property_of(obj->parent, obj);
    return prop ? prop->name : NULL;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GString *path;

    if (obj == root) {
        return g_strdup("/");
    }
    path = g_string_new("");
    for (; obj != root; obj = obj->parent) {
        const char *component = object_get_canonical_path_component(obj);

        if (!component) {
            g_string_free(path, TRUE);
            return NULL;
        }
        g_string_prepend(path, component);
        g_string_prepend_c(path, '/');
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

static Object *resolve_abs(Object *parent, char **parts, const char *type)
{
    for (; *parts && parent; parts++) {
        if (**parts) {
            parent = object_resolve_path_component(parent, *parts);
        }
    }
    return parent ? object_dynamic_cast(parent, type) : NULL;
}

static Object *resolve_partial(Object *parent, char **parts, const char *type,
                               bool *ambiguous)
{
    Object *obj = resolve_abs(parent, parts, type);

    for (guint i = 0; i < parent->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->prop_order, i);
        Object *found;

        if (!object_property_is_child(prop)) {
            continue;
        }
        found = resolve_partial(prop->opaque, parts, type, ambiguous);
        if (found) {
            if (obj) {
                *ambiguous = true;
                return NULL;
            }
            obj = found;
        }
        if (*ambiguous) {
            return NULL;
        }
    }
    return obj;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguousp)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    bool ambiguous = false;
    Object *obj;

    if (!typename) {
        typename = TYPE_OBJECT;
    }
    if (path[0] == '/') {
        obj = resolve_abs(object_get_root(), parts, typename);
    } else {
        obj = resolve_partial(object_get_root(), parts, typename, &ambiguous);
    }
    if (ambiguousp) {
        *ambiguousp = ambiguous;
    }
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);

    if (path[0] == '/') {
        return resolve_abs(object_get_root(), parts, TYPE_OBJECT);
    }
    return resolve_abs(parent, parts, TYPE_OBJECT);
}

/* ---- iteration ---- */

static GPtrArray *children_snapshot(Object *obj)
{
    GPtrArray *children = g_ptr_array_new_with_free_func(object_unref);

    for (guint i = 0; i < obj->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->prop_order, i);

        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, object_ref(prop->opaque));
        }
    }
    return children;
}

static int do_child_foreach(Object *obj, int (*fn)(Object *, void *),
                            void *opaque, bool recurse)
{
    g_autoptr(GPtrArray) children = children_snapshot(obj);
    int ret = 0;

    for (guint i = 0; i < children->len && !ret; i++) {
        Object *child = g_ptr_array_index(children, i);

        ret = fn(child, opaque);
        if (!ret && recurse) {
            ret = do_child_foreach(child, fn, opaque, true);
        }
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_child_foreach(obj, fn, opaque, true);
}
