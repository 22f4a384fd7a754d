/*
 * QOM: type registry, classes, instance lifecycle and casts.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

static GHashTable *type_table;   /* name -> TypeImpl */
static GPtrArray *type_order;    /* TypeImpl *, registration order */

static TypeImpl *type_new(const TypeInfo *info)
{
    TypeImpl *ti = g_new0(TypeImpl, 1);
    int n = 0;

    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->instance_align = info->instance_align;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;
    while (info->interfaces && info->interfaces[n].type) {
        n++;
    }
    ti->interfaces = g_new0(char *, n + 1);
    for (int i = 0; i < n; i++) {
        ti->interfaces[i] = g_strdup(info->interfaces[i].type);
    }
    return ti;
}

Type type_register_static(const TypeInfo *info)
{
    TypeImpl *ti;

    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
        type_order = g_ptr_array_new();
    }
    g_assert(info->name);
    if (g_hash_table_lookup(type_table, info->name)) {
        fprintf(stderr, "Registering '%s' which already exists\n",
                info->name);
        abort();
    }
    ti = type_new(info);
    g_hash_table_insert(type_table, ti->name, ti);
    g_ptr_array_add(type_order, ti);
    return ti;
}

Type type_register(const TypeInfo *info)
{
    return type_register_static(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (int i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

TypeImpl *type_get_by_name(const char *name)
{
    if (!name || !type_table) {
        return NULL;
    }
    return g_hash_table_lookup(type_table, name);
}

bool type_is_registered(const char *typename)
{
    return type_get_by_name(typename) != NULL;
}

TypeImpl *type_get_parent(TypeImpl *ti)
{
    if (!ti->parent_type && ti->parent_name) {
        ti->parent_type = type_get_by_name(ti->parent_name);
        if (!ti->parent_type) {
            fprintf(stderr, "Type '%s' is missing its parent '%s'\n",
                    ti->name, ti->parent_name);
            abort();
        }
    }
    return ti->parent_type;
}

static bool type_is_ancestor(TypeImpl *type, TypeImpl *target)
{
    for (; type; type = type_get_parent(type)) {
        if (type == target) {
            return true;
        }
    }
    return false;
}

static size_t type_class_get_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->class_size) {
            return ti->class_size;
        }
    }
    return sizeof(ObjectClass);
}

static size_t type_object_get_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_size) {
            return ti->instance_size;
        }
    }
    return 0;
}

/* Give @ti's class its own copy of interface @iface_type's class. */
static void type_initialize_interface(TypeImpl *ti, TypeImpl *iface_type,
                                      TypeImpl *parent_type)
{
    TypeImpl *impl = g_new0(TypeImpl, 1);
    InterfaceClass *iclass;

    impl->name = g_strdup_printf("%s::%s", ti->name, iface_type->name);
    impl->parent_name = g_strdup(parent_type->name);
    impl->parent_type = parent_type;
    impl->abstract = true;
    impl->interfaces = g_new0(char *, 1);
    type_initialize(impl);

    iclass = (InterfaceClass *)impl->class;
    iclass->concrete_class = ti->class;
    iclass->interface_type = iface_type;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, iclass);
}

static void type_initialize_interfaces(TypeImpl *ti, TypeImpl *parent)
{
    GSList *e;

    ti->class->interfaces = NULL;
    for (e = parent ? parent->class->interfaces : NULL; e; e = e->next) {
        InterfaceClass *iface = e->data;

        type_initialize_interface(ti, iface->interface_type,
                                  iface->parent_class.type);
    }
    for (char **name = ti->interfaces; *name; name++) {
        TypeImpl *t = type_get_by_name(*name);

        if (!t) {
            fprintf(stderr, "Type '%s' implements unknown interface '%s'\n",
                    ti->name, *name);
            abort();
        }
        if (object_class_dynamic_cast(ti->class, *name)) {
            continue; /* inherited */
        }
        type_initialize(t);
        type_initialize_interface(ti, t, t);
    }
}

void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent, *p;

    if (ti->class) {
        return;
    }
    ti->class_size = type_class_get_size(ti);
    ti->instance_size = type_object_get_size(ti);
    if (ti->instance_size == 0) {
        ti->abstract = true; /* interfaces and other size-less types */
    }
    ti->class = g_malloc0(ti->class_size);
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        g_assert(parent->class_size <= ti->class_size);
        memcpy(ti->class, parent->class, parent->class_size);
    }
    ti->class->type = ti;
    object_property_table_init(&ti->class->properties,
                               &ti->class->prop_order);
    type_initialize_interfaces(ti, parent);
    for (p = parent; p; p = type_get_parent(p)) {
        if (p->class_base_init) {
            p->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

/* ---- classes ---- */

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *target, *interface_type;
    ObjectClass *ret = NULL;
    int found = 0;

    if (!klass) {
        return NULL;
    }
    if (g_str_equal(klass->type->name, typename)) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    interface_type = type_get_by_name(TYPE_INTERFACE);
    if (klass->interfaces && type_is_ancestor(target, interface_type)) {
        for (GSList *e = klass->interfaces; e; e = e->next) {
            ObjectClass *iclass = e->data;

            if (type_is_ancestor(iclass->type, target)) {
                ret = iclass;
                found++;
            }
        }
        return found == 1 ? ret : NULL;
    }
    return type_is_ancestor(klass->type, target) ? klass : NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!klass) {
        return NULL;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (!ret) {
        fprintf(stderr, "%s:%d:%s: Object class %p (%s) is not an instance "
                "of type %s\n", file, line, func, (void *)klass,
                klass->type->name, typename);
        abort();
    }
    return ret;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    if (!type_order) {
        return;
    }
    for (guint i = 0; i < type_order->len; i++) {
        TypeImpl *ti = g_ptr_array_index(type_order, i);

        type_initialize(ti);
        if (ti->abstract && !include_abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(ti->class, implements_type)) {
            continue;
        }
        fn(ti->class, opaque);
    }
}

static void class_list_add(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(class_list_add, implements_type, include_abstract,
                         &list);
    return g_slist_reverse(list);
}

static gint class_cmp_name(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(object_class_get_name((ObjectClass *)a),
                              object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements_type,
                                              include_abstract),
                        class_cmp_name);
}

/* ---- casts ---- */

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: Object %p (%s) is not an instance of "
                "type %s\n", file, line, func, (void *)obj,
                object_get_typename(obj), typename);
        abort();
    }
    return obj;
}

/* ---- built-in types ---- */

static char *object_get_type(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

/* Every object answers qom-get "type" with its type name, like QEMU's. */
static void object_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_str(oc, "type", object_get_type, NULL);
}

static const TypeInfo object_info = {
    .name = TYPE_OBJECT,
    .instance_size = sizeof(Object),
    .class_size = sizeof(ObjectClass),
    .class_init = object_class_init,
    .abstract = true,
};

static const TypeInfo interface_info = {
    .name = TYPE_INTERFACE,
    .class_size = sizeof(InterfaceClass),
    .abstract = true,
};

static void register_types(void)
{
    type_register_static(&interface_info);
    type_register_static(&object_info);
}

type_init(register_types)
