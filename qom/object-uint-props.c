/*
 * QOM: unsigned integer properties backed by a pointer to the value.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

#define DEFINE_UINT_PTR_ACCESSORS(bits)                                       \
    static void property_get_uint##bits##_ptr(Object *obj, Visitor *v,        \
                                              const char *name,               \
                                              void *opaque, Error **errp)     \
    {                                                                         \
        uint##bits##_t value = *(uint##bits##_t *)opaque;                     \
        visit_type_uint##bits(v, name, &value, errp);                         \
    }                                                                         \
    static void property_set_uint##bits##_ptr(Object *obj, Visitor *v,        \
                                              const char *name,               \
                                              void *opaque, Error **errp)     \
    {                                                                         \
        uint##bits##_t value;                                                 \
        if (visit_type_uint##bits(v, name, &value, errp)) {                   \
            *(uint##bits##_t *)opaque = value;                                \
        }                                                                     \
    }

DEFINE_UINT_PTR_ACCESSORS(8)
DEFINE_UINT_PTR_ACCESSORS(16)
DEFINE_UINT_PTR_ACCESSORS(32)
DEFINE_UINT_PTR_ACCESSORS(64)

static ObjectProperty *add_ptr(Object *obj, ObjectClass *klass,
                               const char *name, const char *type,
                               ObjectPropertyAccessor *get,
                               ObjectPropertyAccessor *set, const void *v,
                               ObjectPropertyFlags flags)
{
    ObjectPropertyAccessor *getter = flags & OBJ_PROP_FLAG_READ ? get : NULL;
    ObjectPropertyAccessor *setter = flags & OBJ_PROP_FLAG_WRITE ? set : NULL;

    if (klass) {
        return object_class_property_add(klass, name, type, getter, setter,
                                         NULL, (void *)v);
    }
    return object_property_add(obj, name, type, getter, setter, NULL,
                               (void *)v);
}

ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags)
{
    return add_ptr(obj, NULL, name, "uint8", property_get_uint8_ptr,
                   property_set_uint8_ptr, v, flags);
}

ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags)
{
    return add_ptr(obj, NULL, name, "uint16", property_get_uint16_ptr,
                   property_set_uint16_ptr, v, flags);
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags)
{
    return add_ptr(obj, NULL, name, "uint32", property_get_uint32_ptr,
                   property_set_uint32_ptr, v, flags);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags)
{
    return add_ptr(obj, NULL, name, "uint64", property_get_uint64_ptr,
                   property_set_uint64_ptr, v, flags);
}

ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    const uint8_t *v,
                                                    ObjectPropertyFlags flags)
{
    return add_ptr(NULL, klass, name, "uint8", property_get_uint8_ptr,
                   property_set_uint8_ptr, v, flags);
}

ObjectProperty *object_class_property_add_uint16_ptr(
    ObjectClass *klass, const char *name, const uint16_t *v,
    ObjectPropertyFlags flags)
{
    return add_ptr(NULL, klass, name, "uint16", property_get_uint16_ptr,
                   property_set_uint16_ptr, v, flags);
}

ObjectProperty *object_class_property_add_uint32_ptr(
    ObjectClass *klass, const char *name, const uint32_t *v,
    ObjectPropertyFlags flags)
{
    return add_ptr(NULL, klass, name, "uint32", property_get_uint32_ptr,
                   property_set_uint32_ptr, v, flags);
}

ObjectProperty *object_class_property_add_uint64_ptr(
    ObjectClass *klass, const char *name, const uint64_t *v,
    ObjectPropertyFlags flags)
{
    return add_ptr(NULL, klass, name, "uint64", property_get_uint64_ptr,
                   property_set_uint64_ptr, v, flags);
}
