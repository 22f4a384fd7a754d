/*
 * QOM: properties backed by C callbacks taking a bool, a string or an
 * enum value.
 *
 * One record describes them all: the kind of value, the enum's lookup
 * table, and the two callbacks stored as generic function pointers. One
 * getter and one setter move the value between the visitor and the
 * callbacks, switching on the kind.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

typedef enum QomCbKind {
    QOM_CB_BOOL,
    QOM_CB_STR,
    QOM_CB_ENUM,
} QomCbKind;

typedef bool QomBoolGet(Object *, Error **);
typedef void QomBoolSet(Object *, bool, Error **);
typedef char *QomStrGet(Object *, Error **);
typedef void QomStrSet(Object *, const char *, Error **);
typedef int QomEnumGet(Object *, Error **);
typedef void QomEnumSet(Object *, int, Error **);

typedef struct QomCbProp {
    QomCbKind kind;
    const QEnumLookup *lookup; /* QOM_CB_ENUM */
    union {
        QomBoolGet *b;
        QomStrGet *s;
        QomEnumGet *e;
    } get;
    union {
        QomBoolSet *b;
        QomStrSet *s;
        QomEnumSet *e;
    } set;
} QomCbProp;

static void qom_cb_read(Object *obj, Visitor *v, const char *name, void *opaque,
                        Error **errp)
{
    QomCbProp *cb = opaque;
    Error *failure = NULL;
    g_autofree char *text = NULL;
    bool flag;
    int index;

    switch (cb->kind) {
    case QOM_CB_BOOL:
        flag = cb->get.b(obj, &failure);
        if (!failure) {
            visit_type_bool(v, name, &flag, errp);
        }
        break;
    case QOM_CB_STR:
        text = cb->get.s(obj, &failure);
        if (!failure) {
            visit_type_str(v, name, &text, errp);
        }
        break;
    case QOM_CB_ENUM:
        index = cb->get.e(obj, &failure);
        if (!failure) {
            visit_type_enum(v, name, &index, cb->lookup, errp);
        }
        break;
    }
    if (failure) {
        error_propagate(errp, failure);
    }
}

static void qom_cb_write(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    QomCbProp *cb = opaque;
    g_autofree char *text = NULL;
    bool flag;
    int index;

    switch (cb->kind) {
    case QOM_CB_BOOL:
        if (visit_type_bool(v, name, &flag, errp)) {
            cb->set.b(obj, flag, errp);
        }
        break;
    case QOM_CB_STR:
        if (visit_type_str(v, name, &text, errp)) {
            cb->set.s(obj, text, errp);
        }
        break;
    case QOM_CB_ENUM:
        if (visit_type_enum(v, name, &index, cb->lookup, errp)) {
            cb->set.e(obj, index, errp);
        }
        break;
    }
}

static void qom_cb_forget(Object *obj, const char *name, void *opaque)
{
    g_free(opaque);
}

/*
 * Add @cb as property @name of @obj, or of @klass when @obj is NULL.
 * has_get/has_set say which callbacks exist. Instance records are freed
 * with the property; class records live as long as the class.
 */
static ObjectProperty *qom_cb_attach(Object *obj, ObjectClass *klass,
                                     const char *name, const char *type,
                                     QomCbProp *cb, bool has_get, bool has_set)
{
    ObjectPropertyAccessor *get = has_get ? qom_cb_read : NULL;
    ObjectPropertyAccessor *set = has_set ? qom_cb_write : NULL;

    if (obj) {
        return object_property_add(obj, name, type, get, set, qom_cb_forget,
                                   cb);
    }
    return object_class_property_add(klass, name, type, get, set, NULL, cb);
}

static QomCbProp *qom_cb_new(QomCbKind kind)
{
    QomCbProp *cb = g_new0(QomCbProp, 1);

    cb->kind = kind;
    return cb;
}

static ObjectProperty *qom_add_bool(Object *obj, ObjectClass *klass,
                                    const char *name, QomBoolGet *get,
                                    QomBoolSet *set)
{
    QomCbProp *cb = qom_cb_new(QOM_CB_BOOL);

    cb->get.b = get;
    cb->set.b = set;
    return qom_cb_attach(obj, klass, name, "bool", cb, get, set);
}

static ObjectProperty *qom_add_str(Object *obj, ObjectClass *klass,
                                   const char *name, QomStrGet *get,
                                   QomStrSet *set)
{
    QomCbProp *cb = qom_cb_new(QOM_CB_STR);

    cb->get.s = get;
    cb->set.s = set;
    return qom_cb_attach(obj, klass, name, "string", cb, get, set);
}

static ObjectProperty *qom_add_enum(Object *obj, ObjectClass *klass,
                                    const char *name, const char *type,
                                    const QEnumLookup *lookup, QomEnumGet *get,
                                    QomEnumSet *set)
{
    QomCbProp *cb = qom_cb_new(QOM_CB_ENUM);

    cb->lookup = lookup;
    cb->get.e = get;
    cb->set.e = set;
    return qom_cb_attach(obj, klass, name, type, cb, get, set);
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool, Error **))
{
    return qom_add_bool(obj, NULL, name, get, set);
}

ObjectProperty *
object_class_property_add_bool(ObjectClass *klass, const char *name,
                               bool (*get)(Object *, Error **),
                               void (*set)(Object *, bool, Error **))
{
    return qom_add_bool(NULL, klass, name, get, set);
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    return qom_add_str(obj, NULL, name, get, set);
}

ObjectProperty *
object_class_property_add_str(ObjectClass *klass, const char *name,
                              char *(*get)(Object *, Error **),
                              void (*set)(Object *, const char *, Error **))
{
    return qom_add_str(NULL, klass, name, get, set);
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int, Error **))
{
    return qom_add_enum(obj, NULL, name, typename, lookup, get, set);
}

ObjectProperty *
object_class_property_add_enum(ObjectClass *klass, const char *name,
                               const char *typename, const QEnumLookup *lookup,
                               int (*get)(Object *, Error **),
                               void (*set)(Object *, int, Error **))
{
    return qom_add_enum(NULL, klass, name, typename, lookup, get, set);
}
