/*
 * QOM: property tables, lookup, iteration and visitor-level access.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

void object_property_table_init(GHashTable **table, GPtrArray **order)
{
    *table = g_hash_table_new(g_str_hash, g_str_equal);
    *order = g_ptr_array_new();
}

static void object_property_free(ObjectProperty *prop)
{
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    if (prop->defval) {
        json_node_unref(prop->defval);
    }
    g_free(prop);
}

static ObjectProperty *property_new(const char *name, const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    return prop;
}

/* "name[*]": the first free "name[N]". */
static ObjectProperty *property_add_numbered(Object *obj, const char *name,
                                             const char *type,
                                             ObjectPropertyAccessor *get,
                                             ObjectPropertyAccessor *set,
                                             ObjectPropertyRelease *release,
                                             void *opaque)
{
    g_autofree char *base = g_strndup(name, strlen(name) - 3);

    for (int i = 0;; i++) {
        g_autofree char *full = g_strdup_printf("%s[%d]", base, i);

        if (!object_property_find(obj, full)) {
            return object_property_try_add(obj, full, type, get, set,
                                           release, opaque, &error_abort);
        }
    }
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    ObjectProperty *prop;

    if (g_str_has_suffix(name, "[*]")) {
        return property_add_numbered(obj, name, type, get, set, release,
                                     opaque);
    }
    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    prop = property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(obj->properties, prop->name, prop);
    g_ptr_array_add(obj->prop_order, prop);
    return prop;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    ObjectProperty *prop;

    if (object_class_property_find(klass, name)) {
        fprintf(stderr, "attempt to add duplicate property '%s' to class "
                "(type '%s')\n", name, object_class_get_name(klass));
        abort();
    }
    prop = property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(klass->properties, prop->name, prop);
    g_ptr_array_add(klass->prop_order, prop);
    return prop;
}

static void property_remove(Object *obj, ObjectProperty *prop)
{
    g_hash_table_remove(obj->properties, prop->name);
    g_ptr_array_remove(obj->prop_order, prop);
    object_property_free(prop);
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = g_hash_table_lookup(obj->properties, name);

    if (!prop) {
        return;
    }
    if (prop->release) {
        prop->release(obj, prop->name, prop->opaque);
    }
    property_remove(obj, prop);
}

void object_property_del_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    while (obj->prop_order->len) {
        prop = g_ptr_array_index(obj->prop_order, 0);
        /* released while still listed, as object_property_del() does */
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
        property_remove(obj, prop);
    }
    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
    }
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name,
                                               Error **errp)
{
    ObjectProperty *prop = object_class_property_find(klass, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_class_get_name(klass), name);
    }
    return prop;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    if (prop) {
        return prop;
    }
    return g_hash_table_lookup(obj->properties, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    iter->order = obj->prop_order;
    iter->idx = 0;
    iter->nextclass = obj->class;
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->order = klass->prop_order;
    iter->idx = 0;
    iter->nextclass = object_class_get_parent(klass);
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    while (iter->idx >= iter->order->len) {
        if (!iter->nextclass) {
            return NULL;
        }
        iter->order = iter->nextclass->prop_order;
        iter->idx = 0;
        iter->nextclass = object_class_get_parent(iter->nextclass);
    }
    return g_ptr_array_index(iter->order, iter->idx++);
}

void object_class_property_init_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *prop = object_property_find_err(obj, name, &error_abort);

    g_free(prop->description);
    prop->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

    g_assert(prop);
    g_free(prop->description);
    prop->description = g_strdup(description);
}

/* ---- defaults ---- */

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    Visitor *v = qobject_input_visitor_new(prop->defval);

    g_assert(prop->set);
    prop->set(obj, v, prop->name, prop->opaque, &error_abort);
    visit_free(v);
}

static void object_property_set_default(ObjectProperty *prop,
                                        JsonNode *defval)
{
    g_assert(!prop->defval);
    prop->defval = defval;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(
        prop, json_node_init_boolean(json_node_alloc(), value));
}

void object_property_set_default_str(ObjectProperty *prop, const char *value)
{
    object_property_set_default(
        prop, json_node_init_string(json_node_alloc(), value));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop,
                                json_node_init_int(json_node_alloc(), value));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    /* stored as int64; the strict uint64 input wraps it back */
    object_property_set_default(
        prop, json_node_init_int(json_node_alloc(), (int64_t)value));
}
