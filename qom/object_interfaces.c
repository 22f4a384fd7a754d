/*
 * QOM: user-creatable objects (-object, object-add, object-del).
 */
#include "qemu/osdep.h"
#include "qom/object_interfaces.h"
#include "qemu/cutils.h"

bool user_creatable_complete(UserCreatable *uc, Error **errp)
{
    void (*complete)(UserCreatable *,
                     Error **) = USER_CREATABLE_GET_CLASS(uc)->complete;
    Error *err = NULL;

    if (complete) {
        complete(uc, &err);
    }
    if (!err) {
        return true;
    }
    error_propagate(errp, err);
    return false;
}

bool user_creatable_can_be_deleted(UserCreatable *uc)
{
    UserCreatableClass *ucc = USER_CREATABLE_GET_CLASS(uc);

    return !ucc->can_be_deleted || ucc->can_be_deleted(uc);
}

/*
 * The class of @type if -object / object-add may create it: it exists,
 * implements user-creatable and can have instances.
 */
static ObjectClass *creatable_class_by_name(const char *type, Error **errp)
{
    ObjectClass *oc = object_class_by_name(type);
    bool creatable = oc && object_class_dynamic_cast(oc, TYPE_USER_CREATABLE);

    if (creatable && !object_class_is_abstract(oc)) {
        return oc;
    }
    if (creatable) {
        error_setg(errp, "object type '%s' is abstract", type);
    } else if (oc) {
        error_setg(errp, "object type '%s' isn't supported by object-add",
                   type);
    } else {
        error_setg(errp, "invalid object type: %s", type);
    }
    return NULL;
}

static bool set_props(Object *obj, JsonObject *props, bool keyval, Error **errp)
{
    g_autoptr(GList) members = NULL;

    if (!props) {
        return true;
    }
    members = json_object_get_members(props);
    for (GList *m = members; m; m = m->next) {
        JsonNode *value = json_object_get_member(props, m->data);
        bool ok = keyval
                      ? object_property_set_keyval(obj, m->data, value, errp)
                      : object_property_set_qobject(obj, m->data, value, errp);

        if (!ok) {
            return false;
        }
    }
    return true;
}

Object *user_creatable_add_type(const char *type, const char *id,
                                JsonObject *props, bool keyval, Error **errp)
{
    Object *obj;

    if (!creatable_class_by_name(type, errp)) {
        return NULL;
    }
    if (id && !id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(
            errp,
            "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n");
        return NULL;
    }
    obj = object_new(type);
    if (!set_props(obj, props, keyval, errp)) {
        goto fail;
    }
    if (id && !object_property_try_add_child(object_get_objects_root(), id, obj,
                                             errp)) {
        goto fail;
    }
    if (!user_creatable_complete(USER_CREATABLE(obj), errp)) {
        if (id) {
            object_property_del(object_get_objects_root(), id);
        }
        goto fail;
    }
    if (id) {
        object_unref(obj); /* the tree holds it now */
    }
    return obj;

fail:
    object_unref(obj);
    return NULL;
}

bool user_creatable_add_qmp(JsonObject *args, Error **errp)
{
    g_autoptr(JsonObject) props = json_object_new();
    g_autoptr(GList) members = json_object_get_members(args);
    const char *type = NULL, *id = NULL;

    for (GList *m = members; m; m = m->next) {
        JsonNode *value = json_object_get_member(args, m->data);
        const char **dst = g_str_equal(m->data, "qom-type") ? &type
                           : g_str_equal(m->data, "id")     ? &id
                                                            : NULL;

        if (!dst) {
            json_object_set_member(props, m->data, json_node_copy(value));
            continue;
        }
        if (!JSON_NODE_HOLDS_VALUE(value) ||
            json_node_get_value_type(value) != G_TYPE_STRING) {
            error_setg(errp,
                       "Invalid parameter type for '%s', expected: string",
                       (const char *)m->data);
            return false;
        }
        *dst = json_node_get_string(value);
    }
    if (!type || !id) {
        error_setg(errp, "Parameter '%s' is missing", type ? "id" : "qom-type");
        return false;
    }
    return user_creatable_add_type(type, id, props, false, errp) != NULL;
}

bool user_creatable_del(const char *id, Error **errp)
{
    Object *container = object_get_objects_root();
    Object *obj = object_resolve_path_component(container, id);

    if (!obj || !object_dynamic_cast(obj, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object '%s' not found", id);
        return false;
    }
    if (!user_creatable_can_be_deleted(USER_CREATABLE(obj))) {
        error_setg(errp, "object '%s' is in use, can not be deleted", id);
        return false;
    }
    object_unparent(obj);
    return true;
}

static int cleanup_one(Object *child, void *opaque)
{
    object_unparent(child);
    return 0;
}

void user_creatable_cleanup(void)
{
    object_child_foreach(object_get_objects_root(), cleanup_one, NULL);
}

static const TypeInfo uc_interface_info = {
    .name = TYPE_USER_CREATABLE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(UserCreatableClass),
};

static void register_types(void)
{
    type_register_static(&uc_interface_info);
}

type_init(register_types)
