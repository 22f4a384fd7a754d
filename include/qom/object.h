/*
 * QOM: the object model.
 *
 * Types are registered from type_init() constructors with a static
 * TypeInfo. A type's class is created on first use: the parent's class is
 * copied, then the ancestors' class_base_init and the type's class_init
 * run. Instances start with one reference; instance_init runs from the
 * root type down, instance_finalize from the leaf up when the last
 * reference goes.
 *
 * Objects form a composition tree through child<TYPE> properties rooted
 * at object_get_root() ("/"). A child property holds one reference to
 * the child; object_unparent() drops it.
 */
#ifndef QEMU_OBJECT_H
#define QEMU_OBJECT_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qemu/module.h"

typedef struct QomType *Type;
typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct ObjectProperty ObjectProperty;
typedef struct TypeInfo TypeInfo;
typedef struct InterfaceClass InterfaceClass;
typedef struct InterfaceInfo InterfaceInfo;

#define TYPE_OBJECT    "object"
#define TYPE_INTERFACE "interface"
#define TYPE_CONTAINER "container"

/* ---- properties ---- */

/* Getter/setter: visit the value under @name; report failure via errp. */
typedef void ObjectPropertyAccessor(Object *obj, Visitor *v, const char *name,
                                    void *opaque, Error **errp);
typedef Object *ObjectPropertyResolve(Object *obj, void *opaque,
                                      const char *part);
typedef void ObjectPropertyRelease(Object *obj, const char *name, void *opaque);
typedef void ObjectPropertyInit(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;
    char *description;
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;
    void *opaque;
    JsonNode *defval; /* default value, or NULL */
};

typedef enum ObjectPropertyFlags {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = (OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE),
} ObjectPropertyFlags;

typedef enum ObjectPropertyLinkFlags {
    /* unref the target when the link is changed or released */
    OBJ_PROP_LINK_STRONG = 0x1,
    /* @targetp points into the object itself (always the case here) */
    OBJ_PROP_LINK_DIRECT = 0x2,
} ObjectPropertyLinkFlags;

/* ---- classes and instances ---- */

typedef void ObjectUnparent(Object *obj);
typedef void ObjectFree(void *obj);

/* A property table (qom/object-prop.c): private to qom/. */
typedef struct QomPropTable QomPropTable;

struct ObjectClass {
    /* private */
    Type type;
    QomPropTable *props; /* this class's own properties */
    GPtrArray *ifaces;   /* InterfaceClass * this class owns */
    /* called when the object is removed from its parent (qdev) */
    ObjectUnparent *unparent;
};

struct Object {
    /* private */
    ObjectClass *class;
    ObjectFree *free;
    QomPropTable *props; /* instance properties */
    uint32_t ref;
    Object *parent;
    ObjectProperty *parent_prop; /* the child<> property holding us */
};

struct InterfaceInfo {
    const char *type;
};

/*
 * Each class that implements an interface owns a copy of the interface's
 * class (started from its parent class's copy when inherited); its
 * parent_class.type is the interface type itself.
 */
struct InterfaceClass {
    ObjectClass parent_class;
    /* private */
    ObjectClass *concrete_class; /* the class owning this copy */
};

struct TypeInfo {
    const char *name;
    const char *parent;
    size_t instance_size;
    size_t instance_align;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    bool abstract;
    size_t class_size;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    InterfaceInfo *interfaces; /* terminated by { NULL } */
};

/* ---- casts ---- */

#define OBJECT(obj)         ((Object *)(obj))
#define OBJECT_CLASS(class) ((ObjectClass *)(class))

/* Cast @obj to @type, aborting when it is not a @name. */
#define OBJECT_CHECK(type, obj, name)                                          \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), __FILE__,         \
                                        __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, class, name)                            \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(class),       \
                                                    (name), __FILE__,          \
                                                    __LINE__, __func__))
#define OBJECT_GET_CLASS(class, obj, name)                                     \
    OBJECT_CLASS_CHECK(class, object_get_class(OBJECT(obj)), name)
/* Interfaces: the object itself is returned, typed as the interface. */
#define INTERFACE_CHECK(interface, obj, name)                                  \
    ((interface *)object_dynamic_cast_assert(OBJECT((obj)), (name), __FILE__,  \
                                             __LINE__, __func__))

/* ---- types ---- */

Type type_register_static(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);
bool type_is_registered(const char *typename);

/* Defines a type_init function registering a static TypeInfo array. */
#define DEFINE_TYPES(type_array)                                               \
    static void do_qemu_init_##type_array(void)                                \
    {                                                                          \
        type_register_static_array(type_array, ARRAY_SIZE(type_array));        \
    }                                                                          \
    type_init(do_qemu_init_##type_array)

/* ---- objects ---- */

/* New instance with one reference; aborts for unknown/abstract types. */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);
/* Initialize an instance embedded in caller memory of @size bytes. */
void object_initialize(void *data, size_t size, const char *typename);
/* object_initialize() + add as child @propname of @parent; the child
 * property then holds the only reference. */
bool object_initialize_child_with_props(Object *parentobj, const char *propname,
                                        void *childobj, size_t size,
                                        const char *type, Error **errp);
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type);
#define object_initialize_child(parent, propname, child, type)                 \
    object_initialize_child_internal((parent), (propname), (child),            \
                                     sizeof(*(child)), (type))

Object *object_ref(void *obj);
void object_unref(void *obj);

Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);
ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);

/* ---- classes ---- */

ObjectClass *object_class_by_name(const char *typename);
const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_get_parent(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
/* @klass as @typename (for an interface: the InterfaceClass), or NULL. */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);
/* GSList of ObjectClass * (g_slist_free it); NULL @implements_type = all. */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);

/* ---- properties ---- */

/* Aborts on a duplicate name. A name ending in "[*]" gets the first free
 * index ("dev[0]", "dev[1]", ...). */
ObjectProperty *
object_property_add(Object *obj, const char *name, const char *type,
                    ObjectPropertyAccessor *get, ObjectPropertyAccessor *set,
                    ObjectPropertyRelease *release, void *opaque);
/* "attempt to add duplicate property 'NAME' to object (type 'TYPE')" */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);
/* Remove (calling release). No-op when absent. */
void object_property_del(Object *obj, const char *name);

ObjectProperty *object_class_property_add(ObjectClass *klass, const char *name,
                                          const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);

/* Class properties (leaf class up), then the instance's; NULL when
 * absent. A name is never in both. */
ObjectProperty *object_property_find(Object *obj, const char *name);
/* Same with "Property 'TYPE.NAME' not found". */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);
ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name, Error **errp);

typedef struct ObjectPropertyIterator {
    /* private */
    GList *node;        /* next entry of the table being walked */
    ObjectClass *klass; /* whose ancestors' tables come next */
    int level;          /* next ancestor (depth), -1: none */
} ObjectPropertyIterator;

/* Instance properties, then class properties from the leaf class up. */
void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass, const char *name,
                                           const char *description);

/* Defaults: recorded for introspection and applied at instance creation
 * (class properties) by calling the setter. */
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_str(ObjectProperty *prop, const char *value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);

/* Visitor-level access. No getter/setter: "Property 'T.P' is not
 * readable" / "... is not writable". */
bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp);
bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp);
/* Strict JSON types (QMP). */
bool object_property_set_qobject(Object *obj, const char *name, JsonNode *value,
                                 Error **errp);
JsonNode *object_property_get_qobject(Object *obj, const char *name,
                                      Error **errp);
/* String form as in -global / key=value (string input visitor). */
bool object_property_parse(Object *obj, const char *name, const char *string,
                           Error **errp);
/* Keyval JSON (scalars are strings parsed per property type). */
bool object_property_set_keyval(Object *obj, const char *name, JsonNode *value,
                                Error **errp);

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp);
char *object_property_get_str(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp);
/* Link properties by object (NULL clears). */
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);
Object *object_property_get_link(Object *obj, const char *name, Error **errp);
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/* ---- typed property helpers ---- */

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool, Error **));
ObjectProperty *
object_class_property_add_bool(ObjectClass *klass, const char *name,
                               bool (*get)(Object *, Error **),
                               void (*set)(Object *, bool, Error **));
/* get returns a new string (g_free'd by the caller). */
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *
object_class_property_add_str(ObjectClass *klass, const char *name,
                              char *(*get)(Object *, Error **),
                              void (*set)(Object *, const char *, Error **));
ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int, Error **));
ObjectProperty *
object_class_property_add_enum(ObjectClass *klass, const char *name,
                               const char *typename, const QEnumLookup *lookup,
                               int (*get)(Object *, Error **),
                               void (*set)(Object *, int, Error **));
/* Pointer properties: @v points into the object (type "uint8" ...). */
ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags);

/* ---- composition tree ---- */

Object *object_get_root(void);
/* "/objects" (user-creatable objects). */
Object *object_get_objects_root(void);
/* Child @name of the root, created as a container if missing. */
Object *object_get_container(const char *name);
/* Walk/create containers along absolute @path below @root. */
Object *container_get(Object *root, const char *path);

/* Add a child<TYPE> property; takes a reference; sets child's parent.
 * Aborts on error (duplicate name, child already has a parent). */
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);
/* Remove @obj from its parent (drops the parent's reference). */
void object_unparent(Object *obj);

/* "/machine/peripheral/dev0"; g_free it. "/" for the root. */
char *object_get_canonical_path(const Object *obj);
/* Name of the child property holding @obj in its parent, or NULL. */
const char *object_get_canonical_path_component(const Object *obj);

/*
 * Absolute ("/a/b") or partial ("b", "a/b": any unique match of the
 * trailing components in the tree) paths. *ambiguous (optional) is set
 * true when a partial path matches several objects (NULL returned).
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
/* Relative to @parent. */
Object *object_resolve_path_at(Object *parent, const char *path);
/* One child or link property of @parent. */
Object *object_resolve_path_component(Object *parent, const char *part);

/* Stops at (and returns) the first non-zero result. */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);
bool object_property_is_child(ObjectProperty *prop);
bool object_property_is_link(ObjectProperty *prop);

/* ---- links ---- */

typedef void ObjectLinkCheck(const Object *obj, const char *name, Object *val,
                             Error **errp);

/*
 * link<TYPE> property over *targetp (inside @obj). Set by path string
 * (absolute or partial, "" clears), read as the canonical path ("" when
 * NULL). @check (NULL: read-only) may refuse a new target.
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectLinkCheck *check,
                                         ObjectPropertyLinkFlags flags);
/* Class variant: @offset locates the Object * field in the instance. */
ObjectProperty *object_class_property_add_link(
    ObjectClass *klass, const char *name, const char *type, ptrdiff_t offset,
    ObjectLinkCheck *check, ObjectPropertyLinkFlags flags);
/* A check that always allows. */
void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);

#endif
