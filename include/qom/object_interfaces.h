/*
 * User-creatable objects: -object, object-add, object-del.
 *
 * A type implementing TYPE_USER_CREATABLE can be created by users. Its
 * properties are set from the options, then complete() runs (it may
 * fail), and the object lives at /objects/<id>.
 */
#ifndef QOM_OBJECT_INTERFACES_H
#define QOM_OBJECT_INTERFACES_H

#include "qom/object.h"

#define TYPE_USER_CREATABLE "user-creatable"

typedef struct UserCreatable UserCreatable; /* the implementing object */

typedef struct UserCreatableClass {
    InterfaceClass parent_class;
    /* Finish creation once properties are set; may fail. */
    void (*complete)(UserCreatable *uc, Error **errp);
    /* Whether object-del may delete it now (NULL: always). */
    bool (*can_be_deleted)(UserCreatable *uc);
} UserCreatableClass;

static inline UserCreatable *USER_CREATABLE(void *obj)
{
    return INTERFACE_CHECK(UserCreatable, obj, TYPE_USER_CREATABLE);
}

static inline UserCreatableClass *USER_CREATABLE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(UserCreatableClass, klass, TYPE_USER_CREATABLE);
}

static inline UserCreatableClass *USER_CREATABLE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(UserCreatableClass, obj, TYPE_USER_CREATABLE);
}

bool user_creatable_complete(UserCreatable *uc, Error **errp);
bool user_creatable_can_be_deleted(UserCreatable *uc);

/*
 * Create a @type object with id @id (may be NULL: not added to the tree),
 * set each member of @props (may be NULL) as a property: through the
 * keyval input visitor when @keyval (values are strings, e.g. from
 * -object k=v), else the strict JSON one; then complete it and add it as
 * /objects/<id>. Returns the object (a borrowed reference when @id is
 * given, owned by the tree; else the caller's reference), NULL on error.
 * Errors as QEMU: "invalid object type: T", "object type 'T' isn't
 * supported by object-add", "object type 'T' is abstract",
 * "Property 'T.P' not found", "attempt to add duplicate property 'ID' to
 * object (type 'container')".
 */
Object *user_creatable_add_type(const char *type, const char *id,
                                JsonObject *props, bool keyval, Error **errp);
/*
 * Like object-add's flat arguments: "qom-type", "id" and the properties
 * in one object (strict JSON types).
 */
bool user_creatable_add_qmp(JsonObject *args, Error **errp);
/* "object 'ID' not found", "object 'ID' is in use, can not be deleted". */
bool user_creatable_del(const char *id, Error **errp);
/* Delete every /objects child (at exit). */
void user_creatable_cleanup(void);

#endif
