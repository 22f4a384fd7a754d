/*
 * QOM: unsigned integer properties over a variable the caller owns.
 *
 * The record says where the variable is and how wide it is; one getter
 * and one setter serve every width.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

typedef struct QomUintVar {
    void *where;
    unsigned int bytes; /* 1, 2, 4 or 8 */
} QomUintVar;

static const char *qom_uint_type_name(unsigned int bytes)
{
    switch (bytes) {
    case 1:
        return "uint8";
    case 2:
        return "uint16";
    case 4:
        return "uint32";
    default:
        return "uint64";
    }
}

static void qom_uint_read(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    QomUintVar *var = opaque;
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (var->bytes) {
    case 1:
        b = *(uint8_t *)var->where;
        visit_type_uint8(v, name, &b, errp);
        break;
    case 2:
        h = *(uint16_t *)var->where;
        visit_type_uint16(v, name, &h, errp);
        break;
    case 4:
        w = *(uint32_t *)var->where;
        visit_type_uint32(v, name, &w, errp);
        break;
    default:
        d = *(uint64_t *)var->where;
        visit_type_uint64(v, name, &d, errp);
        break;
    }
}

/* Range checks happen in the visitor, so a refused value stores nothing. */
static void qom_uint_write(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    QomUintVar *var = opaque;
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (var->bytes) {
    case 1:
        if (visit_type_uint8(v, name, &b, errp)) {
            *(uint8_t *)var->where = b;
        }
        break;
    case 2:
        if (visit_type_uint16(v, name, &h, errp)) {
            *(uint16_t *)var->where = h;
        }
        break;
    case 4:
        if (visit_type_uint32(v, name, &w, errp)) {
            *(uint32_t *)var->where = w;
        }
        break;
    default:
        if (visit_type_uint64(v, name, &d, errp)) {
            *(uint64_t *)var->where = d;
        }
        break;
    }
}

static void qom_uint_forget(Object *obj, const char *name, void *opaque)
{
    g_free(opaque);
}

/* On @obj, or on @klass when @obj is NULL (a value shared by all). */
static ObjectProperty *qom_uint_attach(Object *obj, ObjectClass *klass,
                                       const char *name, const void *where,
                                       unsigned int bytes,
                                       ObjectPropertyFlags flags)
{
    QomUintVar *var = g_new(QomUintVar, 1);
    ObjectPropertyAccessor *get = (flags & OBJ_PROP_FLAG_READ) ? qom_uint_read
                                                               : NULL;
    ObjectPropertyAccessor *set = (flags & OBJ_PROP_FLAG_WRITE) ? qom_uint_write
                                                                : NULL;
    const char *type = qom_uint_type_name(bytes);

    var->where = (void *)where;
    var->bytes = bytes;
    if (obj) {
        return object_property_add(obj, name, type, get, set, qom_uint_forget,
                                   var);
    }
    return object_class_property_add(klass, name, type, get, set, NULL, var);
}

ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags)
{
    return qom_uint_attach(obj, NULL, name, v, sizeof(*v), flags);
}

ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags)
{
    return qom_uint_attach(obj, NULL, name, v, sizeof(*v), flags);
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags)
{
    return qom_uint_attach(obj, NULL, name, v, sizeof(*v), flags);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags)
{
    return qom_uint_attach(obj, NULL, name, v, sizeof(*v), flags);
}
