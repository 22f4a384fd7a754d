/*
 * QOM: instance creation, reference counting and finalization.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

static TypeImpl *type_for_instance(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        fprintf(stderr, "qom: unknown type '%s'\n", typename);
        abort();
    }
    type_initialize(ti);
    if (ti->abstract) {
        fprintf(stderr, "qom: cannot instantiate abstract type '%s'\n",
                typename);
        abort();
    }
    return ti;
}

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_init_with_type(obj, parent);
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_post_init) {
            ti->instance_post_init(obj);
        }
    }
}

static void object_initialize_with_type(Object *obj, size_t size,
                                        TypeImpl *ti)
{
    g_assert(size >= ti->instance_size);
    memset(obj, 0, ti->instance_size);
    obj->class = ti->class;
    obj->ref = 1;
    object_property_table_init(&obj->properties, &obj->prop_order);
    object_class_property_init_all(obj);
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

void object_initialize(void *data, size_t size, const char *typename)
{
    object_initialize_with_type(data, size, type_for_instance(typename));
}

static void object_free_aligned(void *obj)
{
    free(obj);
}

static Object *object_new_with_type(TypeImpl *ti)
{
    Object *obj;
    size_t align = ti->instance_align;

    if (align > G_MEM_ALIGN && align > sizeof(void *) * 2) {
        void *mem = NULL;

        if (posix_memalign(&mem, align, ti->instance_size)) {
            g_error("qom: out of memory");
        }
        obj = mem;
        object_initialize_with_type(obj, ti->instance_size, ti);
        obj->free = object_free_aligned;
    } else {
        obj = g_malloc(ti->instance_size);
        object_initialize_with_type(obj, ti->instance_size, ti);
        obj->free = g_free;
    }
    return obj;
}

Object *object_new(const char *typename)
{
    return object_new_with_type(type_for_instance(typename));
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new(object_class_get_name(klass));
}

bool object_initialize_child_with_props(Object *parentobj,
                                        const char *propname, void *childobj,
                                        size_t size, const char *type,
                                        Error **errp)
{
    Object *obj = childobj;
    bool ok;

    object_initialize(childobj, size, type);
    ok = object_property_try_add_child(parentobj, propname, obj, errp);
    /* on success the child property holds the only reference */
    object_unref(obj);
    return ok;
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type)
{
    object_initialize_child_with_props(parent, propname, child, size, type,
                                       &error_abort);
}

Object *object_ref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return NULL;
    }
    g_assert(obj->ref > 0);
    obj->ref++;
    return obj;
}

static void object_deinit(Object *obj)
{
    for (TypeImpl *ti = obj->class->type; ti; ti = type_get_parent(ti)) {
        if (ti->instance_finalize) {
            ti->instance_finalize(obj);
        }
    }
}

static void object_finalize(Object *obj)
{
    object_property_del_all(obj);
    object_deinit(obj);
    g_assert(obj->ref == 0);
    g_assert(obj->parent == NULL);
    g_hash_table_unref(obj->properties);
    g_ptr_array_unref(obj->prop_order);
    if (obj->free) {
        obj->free(obj);
    }
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref == 0) {
        object_finalize(obj);
    }
}
