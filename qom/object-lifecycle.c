/*
 * QOM: creating instances, counting references, finalizing.
 *
 * An instance is zeroed, gets its class and one reference, then the
 * class properties' defaults; then every type of its chain runs
 * instance_init from the root down, and instance_post_init from the leaf
 * up. When the last reference goes, its properties are released (child
 * objects are dropped), instance_finalize runs from the leaf up and the
 * memory is freed if we allocated it.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "object-internal.h"

/* The built type to instantiate, or abort as a programming error. */
static QomType *qom_instantiable(const char *typename)
{
    QomType *t = qom_type_build(qom_type_lookup(typename));

    if (!t) {
        fprintf(stderr, "qom: unknown type '%s'\n", typename);
        abort();
    }
    if (t->abstract) {
        fprintf(stderr, "qom: cannot instantiate abstract type '%s'\n",
                typename);
        abort();
    }
    return t;
}

static void qom_instance_setup(Object *obj, QomType *t)
{
    memset(obj, 0, t->instance_bytes);
    obj->class = t->klass;
    obj->ref = 1;
    obj->props = qom_prop_table_new();
    qom_prop_apply_defaults(obj);
    for (unsigned int i = 0; i <= t->depth; i++) {
        if (t->chain[i]->info.instance_init) {
            t->chain[i]->info.instance_init(obj);
        }
    }
    for (unsigned int i = t->depth + 1; i-- > 0;) {
        if (t->chain[i]->info.instance_post_init) {
            t->chain[i]->info.instance_post_init(obj);
        }
    }
}

void object_initialize(void *data, size_t size, const char *typename)
{
    QomType *t = qom_instantiable(typename);

    g_assert(size >= t->instance_bytes);
    qom_instance_setup(data, t);
}

static void qom_free_aligned(void *mem)
{
    free(mem);
}

static Object *qom_instance_alloc(QomType *t, ObjectFree **release)
{
    size_t align = t->info.instance_align;
    void *mem = NULL;

    /* g_malloc already aligns to twice a pointer */
    if (align <= 2 * sizeof(void *)) {
        *release = g_free;
        return g_malloc(t->instance_bytes);
    }
    if (posix_memalign(&mem, align, t->instance_bytes)) {
        g_error("qom: cannot allocate %zu bytes aligned to %zu",
                t->instance_bytes, align);
    }
    *release = qom_free_aligned;
    return mem;
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new(object_class_get_name(klass));
}

Object *object_new(const char *typename)
{
    QomType *t = qom_instantiable(typename);
    ObjectFree *release;
    Object *obj = qom_instance_alloc(t, &release);

    qom_instance_setup(obj, t);
    obj->free = release;
    return obj;
}

bool object_initialize_child_with_props(Object *parentobj, const char *propname,
                                        void *childobj, size_t size,
                                        const char *type, Error **errp)
{
    Object *child = childobj;
    bool added;

    object_initialize(child, size, type);
    added = object_property_try_add_child(parentobj, propname, child, errp) !=
            NULL;
    /* our reference: the child property keeps its own, or none is left */
    object_unref(child);
    return added;
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

    if (obj) {
        g_assert(obj->ref > 0);
        obj->ref++;
    }
    return obj;
}

static void qom_instance_destroy(Object *obj)
{
    QomType *t = qom_class_type(obj->class);
    ObjectFree *release = obj->free;

    qom_prop_release_all(obj);
    for (unsigned int i = t->depth + 1; i-- > 0;) {
        if (t->chain[i]->info.instance_finalize) {
            t->chain[i]->info.instance_finalize(obj);
        }
    }
    g_assert(obj->ref == 0 && !obj->parent);
    qom_prop_table_free(obj->props);
    obj->props = NULL;
    if (release) {
        release(obj);
    }
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    obj->ref--;
    if (!obj->ref) {
        qom_instance_destroy(obj);
    }
}
