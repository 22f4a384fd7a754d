/*
 * QOM internals shared by the qom/ source files.
 */
#ifndef QOM_OBJECT_INTERNAL_H
#define QOM_OBJECT_INTERNAL_H

#include "qom/object.h"

typedef struct TypeImpl TypeImpl;

struct TypeImpl {
    char *name;
    char *parent_name;
    TypeImpl *parent_type;
    size_t class_size;
    size_t instance_size;
    size_t instance_align;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    bool abstract;
    char **interfaces; /* names, NULL-terminated */
    ObjectClass *class;
};

TypeImpl *type_get_by_name(const char *name);
TypeImpl *type_get_parent(TypeImpl *ti);
/* Create the class of @ti (and its ancestors') if not done yet. */
void type_initialize(TypeImpl *ti);

/* Release and free every instance property (finalization). */
void object_property_del_all(Object *obj);
/* Run the init hook (defaults) of every class property. */
void object_class_property_init_all(Object *obj);
/* Fresh property tables of an instance or a class. */
void object_property_table_init(GHashTable **table, GPtrArray **order);

#endif
