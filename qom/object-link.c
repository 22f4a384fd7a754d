/*
 * QOM: link<TYPE> properties.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

typedef struct LinkProperty {
    Object **targetp;     /* instance links */
    ptrdiff_t offset;     /* class links: field offset in the instance */
    bool is_class;
    ObjectLinkCheck *check;
    ObjectPropertyLinkFlags flags;
} LinkProperty;

static Object **link_targetp(Object *obj, LinkProperty *lprop)
{
    if (lprop->is_class) {
        return (Object **)((char *)obj + lprop->offset);
    }
    return lprop->targetp;
}

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
}

static void object_get_link_property(Object *obj, Visitor *v,
                                     const char *name, void *opaque,
                                     Error **errp)
{
    Object *target = *link_targetp(obj, opaque);
    g_autofree char *path = NULL;

    if (target) {
        path = object_get_canonical_path(target);
    }
    if (!path) {
        path = g_strdup("");
    }
    visit_type_str(v, name, &path, errp);
}

/* The target named by @path for link property @name of @obj. */
static Object *object_resolve_link(Object *obj, const char *name,
                                   const char *path, Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);
    g_autofree char *type = NULL;
    bool ambiguous = false;
    Object *target;

    /* "link<TYPE>" -> "TYPE" */
    type = g_strndup(prop->type + 5, strlen(prop->type) - 6);
    target = object_resolve_path_type(path, type, &ambiguous);
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
        return NULL;
    }
    if (!target) {
        target = object_resolve_path(path, &ambiguous);
        if (target || ambiguous) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       name, type);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return NULL;
    }
    return target;
}

static void object_set_link_property(Object *obj, Visitor *v,
                                     const char *name, void *opaque,
                                     Error **errp)
{
    LinkProperty *lprop = opaque;
    Object **targetp = link_targetp(obj, lprop);
    Object *old_target = *targetp, *new_target = NULL;
    g_autofree char *path = NULL;
    Error *err = NULL;

    if (!visit_type_str(v, name, &path, errp)) {
        return;
    }
    if (*path) {
        new_target = object_resolve_link(obj, name, path, errp);
        if (!new_target) {
            return;
        }
    }
    lprop->check(obj, name, new_target, &err);
    if (err) {
        error_propagate(errp, err);
        return;
    }
    *targetp = new_target;
    if (lprop->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(new_target);
        object_unref(old_target);
    }
}

static Object *object_resolve_link_property(Object *parent, void *opaque,
                                            const char *part)
{
    return *link_targetp(parent, opaque);
}

static void object_release_link_property(Object *obj, const char *name,
                                         void *opaque)
{
    LinkProperty *lprop = opaque;
    Object **targetp = link_targetp(obj, lprop);

    if ((lprop->flags & OBJ_PROP_LINK_STRONG) && *targetp) {
        object_unref(*targetp);
        *targetp = NULL;
    }
    if (!lprop->is_class) {
        g_free(lprop);
    }
}

static ObjectProperty *add_link(Object *obj, ObjectClass *klass,
                                const char *name, const char *type,
                                LinkProperty *lprop)
{
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *op;

    if (klass) {
        op = object_class_property_add(
            klass, name, full_type, object_get_link_property,
            lprop->check ? object_set_link_property : NULL,
            object_release_link_property, lprop);
    } else {
        op = object_property_add(
            obj, name, full_type, object_get_link_property,
            lprop->check ? object_set_link_property : NULL,
            object_release_link_property, lprop);
    }
    op->resolve = object_resolve_link_property;
    return op;
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectLinkCheck *check,
                                         ObjectPropertyLinkFlags flags)
{
    LinkProperty *lprop = g_new0(LinkProperty, 1);

    lprop->targetp = targetp;
    lprop->check = check;
    lprop->flags = flags;
    return add_link(obj, NULL, name, type, lprop);
}

ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                               const char *name,
                                               const char *type,
                                               ptrdiff_t offset,
                                               ObjectLinkCheck *check,
                                               ObjectPropertyLinkFlags flags)
{
    LinkProperty *lprop = g_new0(LinkProperty, 1);

    lprop->offset = offset;
    lprop->is_class = true;
    lprop->check = check;
    lprop->flags = flags;
    return add_link(NULL, klass, name, type, lprop);
}
