/*
 * QOM: property tables, adding, removing, finding and walking properties,
 * descriptions and default values.
 *
 * A table is a queue of records in the order they were added, with a
 * name index pointing at the queue links, so that removal is cheap and
 * listings are stable. An object has one table; each class has one for
 * the properties it added itself. A lookup tries the class chain from the
 * leaf up, then the instance; a walk lists the instance's properties,
 * then each class's from the leaf up.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

struct QomPropTable {
    GQueue records;    /* ObjectProperty * */
    GHashTable *index; /* name -> GList * within records */
};

QomPropTable *qom_prop_table_new(void)
{
    QomPropTable *table = g_new0(QomPropTable, 1);

    g_queue_init(&table->records);
    table->index = g_hash_table_new(g_str_hash, g_str_equal);
    return table;
}

static void qom_prop_record_free(ObjectProperty *prop)
{
    if (prop->defval) {
        json_node_unref(prop->defval);
    }
    g_free(prop->description);
    g_free(prop->type);
    g_free(prop->name);
    g_free(prop);
}

void qom_prop_table_free(QomPropTable *table)
{
    ObjectProperty *prop;

    while ((prop = g_queue_pop_head(&table->records))) {
        qom_prop_record_free(prop);
    }
    g_hash_table_destroy(table->index);
    g_free(table);
}

static ObjectProperty *qom_prop_table_get(QomPropTable *table, const char *name)
{
    GList *link = table ? g_hash_table_lookup(table->index, name) : NULL;

    return link ? link->data : NULL;
}

static ObjectProperty *
qom_prop_table_put(QomPropTable *table, const char *name, const char *type,
                   ObjectPropertyAccessor *get, ObjectPropertyAccessor *set,
                   ObjectPropertyRelease *release, void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    *prop = (ObjectProperty){
        .name = g_strdup(name),
        .type = g_strdup(type),
        .get = get,
        .set = set,
        .release = release,
        .opaque = opaque,
    };
    g_queue_push_tail(&table->records, prop);
    g_hash_table_insert(table->index, prop->name, table->records.tail);
    return prop;
}

/* Unlink @prop from @table and free it; its release hook is not run. */
static void qom_prop_table_drop(QomPropTable *table, ObjectProperty *prop)
{
    GList *link = g_hash_table_lookup(table->index, prop->name);

    g_hash_table_remove(table->index, prop->name);
    g_queue_delete_link(&table->records, link);
    qom_prop_record_free(prop);
}

/* ---- adding and removing ---- */

/* "stem[*]": the name "stem[N]" with the lowest N not yet taken. */
static char *qom_prop_free_slot(Object *obj, const char *pattern)
{
    size_t stem = strlen(pattern) - strlen("[*]");

    for (unsigned int n = 0;; n++) {
        char *name = g_strdup_printf("%.*s[%u]", (int)stem, pattern, n);

        if (!object_property_find(obj, name)) {
            return name;
        }
        g_free(name);
    }
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    g_autofree char *slot = NULL;

    if (g_str_has_suffix(name, "[*]")) {
        name = slot = qom_prop_free_slot(obj, name);
    } else if (object_property_find(obj, name)) {
        error_setg(
            errp,
            "attempt to add duplicate property '%s' to object (type '%s')",
            name, object_get_typename(obj));
        return NULL;
    }
    return qom_prop_table_put(obj->props, name, type, get, set, release,
                              opaque);
}

ObjectProperty *
object_property_add(Object *obj, const char *name, const char *type,
                    ObjectPropertyAccessor *get, ObjectPropertyAccessor *set,
                    ObjectPropertyRelease *release, void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release, opaque,
                                   &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass, const char *name,
                                          const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    if (object_class_property_find(klass, name)) {
        fprintf(stderr,
                "attempt to add duplicate property '%s' to class (type '%s')\n",
                name, object_class_get_name(klass));
        abort();
    }
    return qom_prop_table_put(klass->props, name, type, get, set, release,
                              opaque);
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = qom_prop_table_get(obj->props, name);

    if (prop) {
        /* still listed while its hook runs */
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
        qom_prop_table_drop(obj->props, prop);
    }
}

void qom_prop_release_all(Object *obj)
{
    QomType *t = qom_class_type(obj->class);
    ObjectProperty *prop;

    while ((prop = g_queue_peek_head(&obj->props->records))) {
        object_property_del(obj, prop->name);
    }
    for (unsigned int i = t->depth + 1; i-- > 0;) {
        for (GList *l = t->chain[i]->klass->props->records.head; l;
             l = l->next) {
            prop = l->data;
            if (prop->release) {
                prop->release(obj, prop->name, prop->opaque);
            }
        }
    }
}

/* ---- finding ---- */

ObjectProperty *object_class_property_find(ObjectClass *klass, const char *name)
{
    QomType *t = qom_class_type(klass);

    for (unsigned int i = t->depth + 1; i-- > 0;) {
        ObjectProperty *prop = qom_prop_table_get(t->chain[i]->klass->props,
                                                  name);

        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    return prop ? prop : qom_prop_table_get(obj->props, name);
}

static void qom_prop_not_found(const char *typename, const char *name,
                               Error **errp)
{
    error_setg(errp, "Property '%s.%s' not found", typename, name);
}

ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name, Error **errp)
{
    ObjectProperty *prop = object_class_property_find(klass, name);

    if (!prop) {
        qom_prop_not_found(object_class_get_name(klass), name, errp);
    }
    return prop;
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        qom_prop_not_found(object_get_typename(obj), name, errp);
    }
    return prop;
}

/* ---- walking ---- */

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->node = NULL;
    iter->klass = klass;
    iter->level = qom_class_type(klass)->depth;
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    object_class_property_iter_init(iter, obj->class);
    iter->node = obj->props->records.head;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    QomType *t = qom_class_type(iter->klass);
    ObjectProperty *prop;

    while (!iter->node && iter->level >= 0) {
        iter->node = t->chain[iter->level]->klass->props->records.head;
        iter->level--;
    }
    if (!iter->node) {
        return NULL;
    }
    prop = iter->node->data;
    iter->node = iter->node->next;
    return prop;
}

/* ---- descriptions ---- */

static void qom_prop_describe(ObjectProperty *prop, const char *text)
{
    g_free(prop->description);
    prop->description = g_strdup(text);
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    qom_prop_describe(object_property_find_err(obj, name, &error_abort),
                      description);
}

void object_class_property_set_description(ObjectClass *klass, const char *name,
                                           const char *description)
{
    /* only a property the class added itself */
    ObjectProperty *prop = qom_prop_table_get(klass->props, name);

    g_assert(prop);
    qom_prop_describe(prop, description);
}

/* ---- defaults ---- */

static void qom_prop_set_default(ObjectProperty *prop, JsonNode *value)
{
    g_assert(!prop->defval);
    prop->defval = value;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    JsonNode *node = json_node_alloc();

    qom_prop_set_default(prop, json_node_init_boolean(node, value));
}

void object_property_set_default_str(ObjectProperty *prop, const char *value)
{
    JsonNode *node = json_node_alloc();

    qom_prop_set_default(prop, json_node_init_string(node, value));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    JsonNode *node = json_node_alloc();

    qom_prop_set_default(prop, json_node_init_int(node, value));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    JsonNode *node = json_node_alloc();

    /* JSON holds int64: the uint64 input visitor reads it back unwrapped */
    qom_prop_set_default(prop, json_node_init_int(node, (int64_t)value));
}

static void qom_prop_apply_default(Object *obj, ObjectProperty *prop)
{
    Visitor *v;

    if (prop->init) {
        prop->init(obj, prop);
        return;
    }
    if (!prop->defval || !prop->set) {
        return;
    }
    v = qobject_input_visitor_new(prop->defval);
    prop->set(obj, v, prop->name, prop->opaque, &error_abort);
    visit_free(v);
}

void qom_prop_apply_defaults(Object *obj)
{
    QomType *t = qom_class_type(obj->class);

    for (unsigned int i = 0; i <= t->depth; i++) {
        for (GList *l = t->chain[i]->klass->props->records.head; l;
             l = l->next) {
            qom_prop_apply_default(obj, l->data);
        }
    }
}
