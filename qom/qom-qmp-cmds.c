/*
 * QMP commands of the object model: qom-list, qom-get, qom-set,
 * qom-list-types, qom-list-properties, object-add, object-del.
 */
#include "qemu/osdep.h"
#include "monitor/qmp.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"

/* The object at @path, or a DeviceNotFound error. */
static Object *qmp_find_object(const char *path, Error **errp)
{
    Object *obj = object_resolve_path(path, NULL);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  path);
    }
    return obj;
}

static JsonObject *property_info(ObjectProperty *prop, bool details)
{
    JsonObject *info = json_object_new();

    json_object_set_string_member(info, "name", prop->name);
    json_object_set_string_member(info, "type", prop->type);
    if (details && prop->description) {
        json_object_set_string_member(info, "description", prop->description);
    }
    if (details && prop->defval) {
        json_object_set_member(info, "default-value",
                               json_node_copy(prop->defval));
    }
    return info;
}

static JsonNode *property_list(ObjectPropertyIterator *iter, bool details)
{
    JsonArray *list = json_array_new();
    JsonNode *ret = json_node_alloc();
    ObjectProperty *prop;

    while ((prop = object_property_iter_next(iter))) {
        json_array_add_object_element(list, property_info(prop, details));
    }
    json_node_init_array(ret, list);
    json_array_unref(list);
    return ret;
}

static bool qmp_qom_list(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "path", NULL };
    const char *path;
    bool ambiguous = false;
    ObjectPropertyIterator iter;
    Object *obj;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "path", true, &path, NULL, errp)) {
        return false;
    }
    obj = object_resolve_path(path, &ambiguous);
    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return false;
    }
    object_property_iter_init(&iter, obj);
    *ret = property_list(&iter, false);
    return true;
}

static bool qmp_qom_get(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "path", "property", NULL };
    const char *path, *property;
    Object *obj;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "path", true, &path, NULL, errp) ||
        !qmp_arg_str(args, "property", true, &property, NULL, errp)) {
        return false;
    }
    obj = qmp_find_object(path, errp);
    if (!obj) {
        return false;
    }
    *ret = object_property_get_qobject(obj, property, errp);
    return *ret != NULL;
}

static bool qmp_qom_set(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "path", "property", "value", NULL };
    const char *path, *property;
    JsonNode *value;
    Object *obj;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "path", true, &path, NULL, errp) ||
        !qmp_arg_str(args, "property", true, &property, NULL, errp)) {
        return false;
    }
    value = json_object_get_member(args, "value");
    if (!value) {
        error_setg(errp, "Parameter 'value' is missing");
        return false;
    }
    obj = qmp_find_object(path, errp);
    if (!obj) {
        return false;
    }
    return object_property_set_qobject(obj, property, value, errp);
}

static void add_type_info(ObjectClass *klass, void *opaque)
{
    JsonObject *info = json_object_new();
    ObjectClass *parent = object_class_get_parent(klass);

    json_object_set_string_member(info, "name", object_class_get_name(klass));
    if (object_class_is_abstract(klass)) {
        json_object_set_boolean_member(info, "abstract", true);
    }
    if (parent) {
        json_object_set_string_member(info, "parent",
                                      object_class_get_name(parent));
    }
    json_array_add_object_element(opaque, info);
}

static bool qmp_qom_list_types(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "implements", "abstract", NULL };
    const char *implements = NULL;
    bool abstract = false;
    JsonArray *list;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "implements", false, &implements, NULL, errp) ||
        !qmp_arg_bool(args, "abstract", false, &abstract, NULL, errp)) {
        return false;
    }
    list = json_array_new();
    object_class_foreach(add_type_info, implements, abstract, list);
    *ret = json_node_init_array(json_node_alloc(), list);
    json_array_unref(list);
    return true;
}

static bool qmp_qom_list_properties(JsonObject *args, JsonNode **ret,
                                    Error **errp)
{
    static const char *const allowed[] = { "typename", NULL };
    ObjectPropertyIterator iter;
    const char *typename;
    ObjectClass *klass;
    Object *obj = NULL;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "typename", true, &typename, NULL, errp)) {
        return false;
    }
    klass = object_class_by_name(typename);
    if (!klass) {
        error_setg(errp, "Class '%s' not found", typename);
        return false;
    }
    if (!object_class_dynamic_cast(klass, TYPE_OBJECT)) {
        error_setg(errp, "Class '%s' is not a QOM class", typename);
        return false;
    }
    if (object_class_is_abstract(klass)) {
        object_class_property_iter_init(&iter, klass);
    } else {
        obj = object_new(typename);
        object_property_iter_init(&iter, obj);
    }
    *ret = property_list(&iter, true);
    object_unref(obj);
    return true;
}

static bool qmp_object_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonNode *type = json_object_get_member(args, "qom-type");

    if (type && JSON_NODE_HOLDS_VALUE(type) &&
        json_node_get_value_type(type) == G_TYPE_STRING) {
        const char *name = json_node_get_string(type);
        ObjectClass *klass = object_class_by_name(name);

        /* QEMU checks qom-type against its schema's enumeration */
        if (!klass || !object_class_dynamic_cast(klass, TYPE_USER_CREATABLE) ||
            object_class_is_abstract(klass)) {
            error_setg(errp, "Parameter 'qom-type' does not accept value '%s'",
                       name);
            return false;
        }
    }
    return user_creatable_add_qmp(args, errp);
}

static bool qmp_object_del(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "id", NULL };
    const char *id;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "id", true, &id, NULL, errp)) {
        return false;
    }
    return user_creatable_del(id, errp);
}

static void qom_qmp_register(void)
{
    qmp_register_command("qom-list", qmp_qom_list, QCO_NO_FLAGS);
    qmp_register_command("qom-get", qmp_qom_get, QCO_NO_FLAGS);
    qmp_register_command("qom-set", qmp_qom_set, QCO_NO_FLAGS);
    qmp_register_command("qom-list-types", qmp_qom_list_types, QCO_NO_FLAGS);
    qmp_register_command("qom-list-properties", qmp_qom_list_properties,
                         QCO_NO_FLAGS);
    qmp_register_command("object-add", qmp_object_add, QCO_NO_FLAGS);
    qmp_register_command("object-del", qmp_object_del, QCO_NO_FLAGS);
}

module_init(qom_qmp_register)
