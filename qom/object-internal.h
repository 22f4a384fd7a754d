/*
 * QOM internals shared by the qom/ source files: the type record and the
 * property table.
 */
#ifndef QOM_OBJECT_INTERNAL_H
#define QOM_OBJECT_INTERNAL_H

#include "qom/object.h"

typedef struct QomType QomType;

typedef enum QomClassState {
    QOM_CLASS_UNBUILT,
    QOM_CLASS_BUILDING, /* set-up under way: a type cannot derive from itself */
    QOM_CLASS_BUILT,
} QomClassState;

/*
 * One registered type. The TypeInfo is kept as given (its strings are
 * our copies); what the hierarchy implies is computed once, when the
 * class is built: the chain of ancestors, the sizes and abstractness.
 */
struct QomType {
    TypeInfo info;
    GPtrArray *declared_ifaces; /* char *: the interfaces TypeInfo names */
    QomClassState state;
    /* valid once built: */
    unsigned int depth; /* ancestors above this type */
    QomType **chain;    /* chain[0] is the root type, [depth] us */
    size_t class_bytes;
    size_t instance_bytes;
    bool abstract;
    bool is_interface;
    ObjectClass *klass;
};

/* ---- object.c: registry ---- */

QomType *qom_type_lookup(const char *name);
/* @t with its class built (NULL stays NULL). */
QomType *qom_type_build(QomType *t);
/* True when @t is @ancestor or derives from it (both built). */
bool qom_type_is_a(const QomType *t, const QomType *ancestor);

static inline QomType *qom_class_type(const ObjectClass *klass)
{
    return klass->type;
}

/* ---- object-prop.c: property tables ---- */

QomPropTable *qom_prop_table_new(void);
/* Free the table and its records (no release hooks). */
void qom_prop_table_free(QomPropTable *table);
/* Release hooks of every instance property, then of every class
 * property; the instance table is emptied (finalization). */
void qom_prop_release_all(Object *obj);
/* Set every class property with a default value to it. */
void qom_prop_apply_defaults(Object *obj);

#endif
