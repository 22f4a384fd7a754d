/*
 * QOM: the type registry, class construction and casts.
 *
 * Types live in one table by name, plus a list in registration order
 * (listings follow it). A class is built on first use: the parent's
 * class first, then a block of the class size is filled from the
 * parent's, given copies of the parent's interface classes and of the
 * interfaces the type adds, and handed to the ancestors' class_base_init
 * and the type's own class_init.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

typedef struct QomRegistry {
    GHashTable *by_name; /* const char * -> QomType * */
    GPtrArray *in_order; /* QomType *, as registered */
} QomRegistry;

static QomRegistry registry;

static G_NORETURN void qom_type_fatal(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static G_NORETURN void qom_type_fatal(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs("qom: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

QomType *qom_type_lookup(const char *name)
{
    if (!name || !registry.by_name) {
        return NULL;
    }
    return g_hash_table_lookup(registry.by_name, name);
}

Type type_register_static(const TypeInfo *info)
{
    QomType *t;

    g_assert(info->name);
    if (!registry.by_name) {
        registry.by_name = g_hash_table_new(g_str_hash, g_str_equal);
        registry.in_order = g_ptr_array_new();
    }
    if (qom_type_lookup(info->name)) {
        qom_type_fatal("Registering '%s' which already exists", info->name);
    }
    t = g_new0(QomType, 1);
    t->info = *info;
    t->info.name = g_strdup(info->name);
    t->info.parent = g_strdup(info->parent);
    t->info.interfaces = NULL; /* kept below, by name */
    t->declared_ifaces = g_ptr_array_new_with_free_func(g_free);
    for (const InterfaceInfo *ii = info->interfaces; ii && ii->type; ii++) {
        g_ptr_array_add(t->declared_ifaces, g_strdup(ii->type));
    }
    g_hash_table_insert(registry.by_name, (gpointer)t->info.name, t);
    g_ptr_array_add(registry.in_order, t);
    return t;
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (const TypeInfo *info = infos; info < infos + nr_infos; info++) {
        type_register_static(info);
    }
}

bool type_is_registered(const char *typename)
{
    return qom_type_lookup(typename) != NULL;
}

bool qom_type_is_a(const QomType *t, const QomType *ancestor)
{
    return ancestor->depth <= t->depth && t->chain[ancestor->depth] == ancestor;
}

/* ---- building a class ---- */

/* Ancestor chain, sizes and abstractness, from the built parent. */
static void qom_type_settle(QomType *t, QomType *parent)
{
    unsigned int n = parent ? parent->depth + 1 : 0;

    t->depth = n;
    t->chain = g_new(QomType *, n + 1);
    if (parent) {
        memcpy(t->chain, parent->chain, n * sizeof(QomType *));
    }
    t->chain[n] = t;

    t->class_bytes = t->info.class_size;
    if (!t->class_bytes) {
        t->class_bytes = parent ? parent->class_bytes : sizeof(ObjectClass);
    }
    t->instance_bytes = t->info.instance_size;
    if (!t->instance_bytes && parent) {
        t->instance_bytes = parent->instance_bytes;
    }
    /* nothing to allocate (interfaces): never instantiated */
    t->abstract = t->info.abstract || t->instance_bytes == 0;
    t->is_interface = g_str_equal(t->info.name, TYPE_INTERFACE) ||
                      (parent && parent->is_interface);
}

/* A copy of @model (an interface class) owned by @owner. */
static void qom_class_adopt_iface(ObjectClass *owner, const ObjectClass *model)
{
    InterfaceClass *copy;

    copy = g_malloc(model->type->class_bytes);
    memcpy(copy, model, model->type->class_bytes);
    copy->parent_class.props = NULL; /* lookups go by type, not copy */
    copy->parent_class.ifaces = NULL;
    copy->concrete_class = owner;
    g_ptr_array_add(owner->ifaces, copy);
}

static void qom_class_fill_ifaces(QomType *t, QomType *parent)
{
    ObjectClass *klass = t->klass;

    klass->ifaces = g_ptr_array_new();
    if (parent) {
        GPtrArray *inherited = parent->klass->ifaces;

        for (guint i = 0; i < inherited->len; i++) {
            qom_class_adopt_iface(klass, g_ptr_array_index(inherited, i));
        }
    }
    for (guint i = 0; i < t->declared_ifaces->len; i++) {
        const char *name = g_ptr_array_index(t->declared_ifaces, i);
        QomType *it = qom_type_build(qom_type_lookup(name));

        if (!it || !it->is_interface) {
            qom_type_fatal(
                "type '%s' implements '%s', which is not an interface",
                t->info.name, name);
        }
        if (!object_class_dynamic_cast(klass, name)) {
            qom_class_adopt_iface(klass, it->klass);
        }
    }
}

static void qom_class_construct(QomType *t, QomType *parent)
{
    ObjectClass *klass = g_malloc0(t->class_bytes);

    if (parent) {
        g_assert(parent->class_bytes <= t->class_bytes);
        memcpy(klass, parent->klass, parent->class_bytes);
    }
    klass->type = t;
    klass->props = qom_prop_table_new();
    t->klass = klass;
    qom_class_fill_ifaces(t, parent);

    /* the nearest ancestor's base hook first */
    for (unsigned int i = t->depth; i-- > 0;) {
        if (t->chain[i]->info.class_base_init) {
            t->chain[i]->info.class_base_init(klass, t->info.class_data);
        }
    }
    if (t->info.class_init) {
        t->info.class_init(klass, t->info.class_data);
    }
}

QomType *qom_type_build(QomType *t)
{
    QomType *parent = NULL;

    if (!t || t->state == QOM_CLASS_BUILT) {
        return t;
    }
    if (t->state == QOM_CLASS_BUILDING) {
        if (t->klass) {
            return t; /* its own class_init casting the class under way */
        }
        qom_type_fatal("type '%s' derives from itself", t->info.name);
    }
    t->state = QOM_CLASS_BUILDING;
    if (t->info.parent) {
        parent = qom_type_build(qom_type_lookup(t->info.parent));
        if (!parent) {
            qom_type_fatal("Type '%s' is missing its parent '%s'", t->info.name,
                           t->info.parent);
        }
    }
    qom_type_settle(t, parent);
    qom_class_construct(t, parent);
    t->state = QOM_CLASS_BUILT;
    return t;
}

/* ---- class queries ---- */

ObjectClass *object_class_by_name(const char *typename)
{
    QomType *t = qom_type_build(qom_type_lookup(typename));

    return t ? t->klass : NULL;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->info.name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    QomType *t = klass->type;

    return t->depth ? t->chain[t->depth - 1]->klass : NULL;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

/* The one interface class of @klass that is a @target, if exactly one. */
static ObjectClass *qom_class_find_iface(ObjectClass *klass, QomType *target)
{
    ObjectClass *hit = NULL;

    for (guint i = 0; klass->ifaces && i < klass->ifaces->len; i++) {
        ObjectClass *ic = g_ptr_array_index(klass->ifaces, i);

        if (qom_type_is_a(ic->type, target)) {
            if (hit) {
                return NULL; /* ambiguous */
            }
            hit = ic;
        }
    }
    return hit;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass, const char *typename)
{
    QomType *target;

    if (!klass) {
        return NULL;
    }
    target = qom_type_build(qom_type_lookup(typename));
    if (!target) {
        return NULL;
    }
    if (qom_type_is_a(klass->type, target)) {
        return klass;
    }
    return target->is_interface ? qom_class_find_iface(klass, target) : NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *as = object_class_dynamic_cast(klass, typename);

    if (klass && !as) {
        fprintf(stderr,
                "%s:%d:%s: Object class %p (%s) is not an instance of type %s\n",
                file, line, func, (void *)klass, object_class_get_name(klass),
                typename);
        abort();
    }
    return as;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    /* a type registered by some class_init on the way is not visited */
    guint count = registry.in_order ? registry.in_order->len : 0;

    for (guint i = 0; i < count; i++) {
        QomType *t = qom_type_build(g_ptr_array_index(registry.in_order, i));

        if ((include_abstract || !t->abstract) &&
            (!implements_type ||
             object_class_dynamic_cast(t->klass, implements_type))) {
            fn(t->klass, opaque);
        }
    }
}

static void qom_collect_class(ObjectClass *klass, void *opaque)
{
    g_ptr_array_add(opaque, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    g_autoptr(GPtrArray) found = g_ptr_array_new();
    GSList *list = NULL;

    object_class_foreach(qom_collect_class, implements_type, include_abstract,
                         found);
    for (guint i = found->len; i-- > 0;) {
        list = g_slist_prepend(list, g_ptr_array_index(found, i));
    }
    return list;
}

static gint qom_class_name_order(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(object_class_get_name((ObjectClass *)a),
                              object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    GSList *list = object_class_get_list(implements_type, include_abstract);

    return g_slist_sort(list, qom_class_name_order);
}

/* ---- objects ---- */

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->info.name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    return obj && object_class_dynamic_cast(obj->class, typename) ? obj : NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line, const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr,
                "%s:%d:%s: Object %p (%s) is not an instance of type %s\n",
                file, line, func, (void *)obj, object_get_typename(obj),
                typename);
        abort();
    }
    return obj;
}

/* ---- the two roots of the hierarchy ---- */

static char *qom_prop_get_type_name(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

/* qom-get of "type" answers the type name on every object. */
static void qom_object_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_str(oc, "type", qom_prop_get_type_name, NULL);
}

static const TypeInfo qom_root_types[] = {
    {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    },
    {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_size = sizeof(ObjectClass),
        .class_init = qom_object_class_init,
        .abstract = true,
    },
};

DEFINE_TYPES(qom_root_types)
