/*
 * QOM: typed property helpers (bool, str, enum, unsigned pointers).
 */
#include "qemu/osdep.h"
#include "qom/object.h"

typedef struct BoolProperty {
    bool (*get)(Object *, Error **);
    void (*set)(Object *, bool, Error **);
} BoolProperty;

typedef struct StringProperty {
    char *(*get)(Object *, Error **);
    void (*set)(Object *, const char *, Error **);
} StringProperty;

typedef struct EnumProperty {
    const QEnumLookup *lookup;
    int (*get)(Object *, Error **);
    void (*set)(Object *, int, Error **);
} EnumProperty;

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

/* ---- bool ---- */

static void property_get_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    Error *err = NULL;
    bool value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_bool(v, name, &value, errp);
}

static void property_set_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    bool value;

    if (visit_type_bool(v, name, &value, errp)) {
        prop->set(obj, value, errp);
    }
}

static BoolProperty *bool_prop_new(bool (*get)(Object *, Error **),
                                   void (*set)(Object *, bool, Error **))
{
    BoolProperty *prop = g_new0(BoolProperty, 1);

    prop->get = get;
    prop->set = set;
    return prop;
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_opaque,
                               bool_prop_new(get, set));
}

ObjectProperty *object_class_property_add_bool(
    ObjectClass *klass, const char *name, bool (*get)(Object *, Error **),
    void (*set)(Object *, bool, Error **))
{
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL, NULL,
                                     bool_prop_new(get, set));
}

/* ---- str ---- */

static void property_get_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    Error *err = NULL;
    char *value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_str(v, name, &value, errp);
    g_free(value);
}

static void property_set_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    char *value;

    if (visit_type_str(v, name, &value, errp)) {
        prop->set(obj, value, errp);
        g_free(value);
    }
}

static StringProperty *str_prop_new(char *(*get)(Object *, Error **),
                                    void (*set)(Object *, const char *,
                                                Error **))
{
    StringProperty *prop = g_new0(StringProperty, 1);

    prop->get = get;
    prop->set = set;
    return prop;
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    return object_property_add(obj, name, "string",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_opaque,
                               str_prop_new(get, set));
}

ObjectProperty *object_class_property_add_str(
    ObjectClass *klass, const char *name, char *(*get)(Object *, Error **),
    void (*set)(Object *, const char *, Error **))
{
    return object_class_property_add(klass, name, "string",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL, NULL,
                                     str_prop_new(get, set));
}

/* ---- enum ---- */

static void property_get_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    Error *err = NULL;
    int value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_enum(v, name, &value, prop->lookup, errp);
}

static void property_set_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    int value;

    if (visit_type_enum(v, name, &value, prop->lookup, errp)) {
        prop->set(obj, value, errp);
    }
}

static EnumProperty *enum_prop_new(const QEnumLookup *lookup,
                                   int (*get)(Object *, Error **),
                                   void (*set)(Object *, int, Error **))
{
    EnumProperty *prop = g_new0(EnumProperty, 1);

    prop->lookup = lookup;
    prop->get = get;
    prop->set = set;
    return prop;
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int, Error **))
{
    return object_property_add(obj, name, typename,
                               get ? property_get_enum : NULL,
                               set ? property_set_enum : NULL,
                               property_release_opaque,
                               enum_prop_new(lookup, get, set));
}

ObjectProperty *object_class_property_add_enum(
    ObjectClass *klass, const char *name, const char *typename,
    const QEnumLookup *lookup, int (*get)(Object *, Error **),
    void (*set)(Object *, int, Error **))
{
    return object_class_property_add(klass, name, typename,
                                     get ? property_get_enum : NULL,
                                     set ? property_set_enum : NULL, NULL,
                                     enum_prop_new(lookup, get, set));
}
