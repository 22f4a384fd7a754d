/*
 * QOM: link<TYPE> properties, pointers from one object to another that
 * are set by path.
 *
 * The record keeps the target type by name, where the pointer lives
 * (a fixed address for an instance link, an offset into the instance for
 * a class link), the check that may refuse a new target and whether the
 * link owns a reference to its target.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

typedef struct QomLink {
    char *target_type;
    Object **fixed;         /* instance link; NULL for a class link */
    ptrdiff_t offset;       /* class link: where in the instance */
    ObjectLinkCheck *check; /* NULL: read-only */
    bool strong;
} QomLink;

static Object **qom_link_slot(Object *obj, const QomLink *link)
{
    return link->fixed ? link->fixed : (Object **)((char *)obj + link->offset);
}

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    /* every target is fine */
}

static void qom_link_read(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    Object *target = *qom_link_slot(obj, opaque);
    g_autofree char *where = target ? object_get_canonical_path(target) : NULL;

    if (!where) {
        where = g_strdup("");
    }
    visit_type_str(v, name, &where, errp);
}

/*
 * The object @path names for link @name, which must be a @type.
 * "" is no object. False with an error when nothing fits.
 */
static bool qom_link_lookup(const char *name, const char *type,
                            const char *path, Object **target, Error **errp)
{
    bool ambiguous = false;

    *target = NULL;
    if (!*path) {
        return true;
    }
    *target = object_resolve_path_type(path, type, &ambiguous);
    if (*target) {
        return true;
    }
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
    } else if (object_resolve_path(path, &ambiguous) || ambiguous) {
        /* something is there, just not of the link's type */
        error_setg(errp, "Invalid parameter type for '%s', expected: %s", name,
                   type);
    } else {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  path);
    }
    return false;
}

static void qom_link_write(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    QomLink *link = opaque;
    Object **slot = qom_link_slot(obj, link);
    g_autofree char *path = NULL;
    Error *refusal = NULL;
    Object *old = *slot, *target;

    if (!visit_type_str(v, name, &path, errp) ||
        !qom_link_lookup(name, link->target_type, path, &target, errp)) {
        return;
    }
    link->check(obj, name, target, &refusal);
    if (refusal) {
        error_propagate(errp, refusal);
        return;
    }
    if (link->strong) {
        object_ref(target);
    }
    *slot = target;
    if (link->strong) {
        object_unref(old);
    }
}

static Object *qom_link_follow(Object *obj, void *opaque, const char *part)
{
    return *qom_link_slot(obj, opaque);
}

static void qom_link_free(QomLink *link)
{
    g_free(link->target_type);
    g_free(link);
}

static void qom_link_release(Object *obj, const char *name, void *opaque)
{
    QomLink *link = opaque;
    Object **slot = qom_link_slot(obj, link);

    if (link->strong && *slot) {
        Object *target = *slot;

        *slot = NULL;
        object_unref(target);
    }
    if (link->fixed) {
        qom_link_free(link); /* instance links die with their property */
    }
}

static QomLink *qom_link_new(const char *type, ObjectLinkCheck *check,
                             ObjectPropertyLinkFlags flags)
{
    QomLink *link = g_new0(QomLink, 1);

    link->target_type = g_strdup(type);
    link->check = check;
    link->strong = flags & OBJ_PROP_LINK_STRONG;
    return link;
}

static ObjectProperty *qom_link_attach(Object *obj, ObjectClass *klass,
                                       const char *name, QomLink *link)
{
    g_autofree char *type = g_strdup_printf("link<%s>", link->target_type);
    ObjectPropertyAccessor *set = link->check ? qom_link_write : NULL;
    ObjectProperty *prop;

    if (obj) {
        prop = object_property_add(obj, name, type, qom_link_read, set,
                                   qom_link_release, link);
    } else {
        prop = object_class_property_add(klass, name, type, qom_link_read, set,
                                         qom_link_release, link);
    }
    prop->resolve = qom_link_follow;
    return prop;
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectLinkCheck *check,
                                         ObjectPropertyLinkFlags flags)
{
    QomLink *link = qom_link_new(type, check, flags);

    link->fixed = targetp;
    return qom_link_attach(obj, NULL, name, link);
}

ObjectProperty *object_class_property_add_link(
    ObjectClass *klass, const char *name, const char *type, ptrdiff_t offset,
    ObjectLinkCheck *check, ObjectPropertyLinkFlags flags)
{
    QomLink *link = qom_link_new(type, check, flags);

    link->offset = offset;
    return qom_link_attach(NULL, klass, name, link);
}

/* ---- by object ---- */

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    /* an object outside the tree has no path: the link is cleared */
    g_autofree char *path = value ? object_get_canonical_path(value) : NULL;

    return object_property_set_str(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;
    Object *target;

    if (!prop) {
        return NULL;
    }
    if (prop->resolve) {
        return prop->resolve(obj, prop->opaque, name);
    }
    /* a string property naming an object */
    path = object_property_get_str(obj, name, errp);
    if (!path || !*path) {
        return NULL;
    }
    target = object_resolve_path(path, NULL);
    if (!target) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  path);
    }
    return target;
}
