/*
 * qdev static properties: scalar types and registration.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qapi/visitor.h"

void *object_field_prop_ptr(Object *obj, const Property *prop)
{
    return (char *)obj + prop->offset;
}

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    const char *type = object_get_typename(OBJECT(dev));

    if (dev->id) {
        error_setg(errp,
                   "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized",
                   name, dev->id, type);
    } else {
        error_setg(errp,
                   "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized",
                   name, type);
    }
}

void qdev_prop_error(Error **errp, int ret, Object *obj, const char *name,
                     const char *value)
{
    const char *type = object_get_typename(obj);

    switch (ret) {
    case -EEXIST:
        error_setg(errp, "Property '%s.%s' can't take value '%s', it's in use",
                   type, name, value);
        break;
    case -ENOENT:
        error_setg(errp, "Property '%s.%s' can't find value '%s'", type, name,
                   value);
        break;
    default:
        error_setg(errp, "Property '%s.%s' doesn't take value '%s'", type, name,
                   value);
        break;
    }
}

/* ---- the wrappers every static property goes through ---- */

static void field_prop_get(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;

    prop->info->get(obj, v, name, opaque, errp);
}

static void field_prop_set(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;
    DeviceState *dev = DEVICE(obj);

    if (dev->realized && !prop->info->realized_set_allowed) {
        qdev_prop_set_after_realize(dev, name, errp);
        return;
    }
    prop->info->set(obj, v, name, opaque, errp);
}

static void field_prop_release(Object *obj, const char *name, void *opaque)
{
    Property *prop = opaque;

    if (prop->info->release) {
        prop->info->release(obj, name, opaque);
    }
}

static void link_check_before_realize(const Object *obj, const char *name,
                                      Object *val, Error **errp)
{
    DeviceState *dev = DEVICE((Object *)obj);

    if (dev->realized) {
        error_setg(errp,
                   "Attempt to set link property '%s' on device '%s' "
                   "(type '%s') after it was realized",
                   name, dev->id ? dev->id : "<anonymous>",
                   object_get_typename(OBJECT(dev)));
    }
}

static void qdev_class_add_property(DeviceClass *dc, Property *prop)
{
    ObjectClass *oc = OBJECT_CLASS(dc);
    ObjectProperty *op;

    if (prop->info == &qdev_prop_link) {
        object_class_property_add_link(oc, prop->name, prop->link_type,
                                       prop->offset, link_check_before_realize,
                                       OBJ_PROP_LINK_STRONG);
        return;
    }
    op = object_class_property_add(oc, prop->name, prop->info->name,
                                   prop->info->get ? field_prop_get : NULL,
                                   prop->info->set ? field_prop_set : NULL,
                                   field_prop_release, prop);
    if (prop->info->description) {
        object_class_property_set_description(oc, prop->name,
                                              prop->info->description);
    }
    if (prop->set_default && prop->info->set_default_value) {
        prop->info->set_default_value(op, prop);
    }
}

void device_class_set_props(DeviceClass *dc, Property *props)
{
    Property *prop;

    dc->props = props;
    for (prop = props; prop && prop->name; prop++) {
        qdev_class_add_property(dc, prop);
    }
}

const Property *qdev_find_static_prop(DeviceState *dev, const char *name)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));

    for (; oc && object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        const Property *prop = DEVICE_CLASS(oc)->props;

        for (; prop && prop->name; prop++) {
            if (!strcmp(prop->name, name)) {
                return prop;
            }
        }
    }
    return NULL;
}

/* ---- defaults ---- */

void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

void qdev_propinfo_set_default_value_uint(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_uint(op, prop->defval.u);
}

static void set_default_value_bool(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_bool(op, prop->defval.u != 0);
}

void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_str(
        op, qapi_enum_lookup(prop->info->enum_table, (int)prop->defval.i));
}

/* ---- bit in a uint32_t / uint64_t ---- */

static void prop_get_bit(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint32_t *p = object_field_prop_ptr(obj, prop);
    bool value = (*p >> prop->bitnr) & 1;

    visit_type_bool(v, name, &value, errp);
}

static void prop_set_bit(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint32_t *p = object_field_prop_ptr(obj, prop);
    bool value;

    if (!visit_type_bool(v, name, &value, errp)) {
        return;
    }
    *p =
        (*p & ~(UINT32_C(1) << prop->bitnr)) | ((uint32_t)value << prop->bitnr);
}

static void prop_get_bit64(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint64_t *p = object_field_prop_ptr(obj, prop);
    bool value = (*p >> prop->bitnr) & 1;

    visit_type_bool(v, name, &value, errp);
}

static void prop_set_bit64(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    Property *prop = opaque;
    uint64_t *p = object_field_prop_ptr(obj, prop);
    bool value;

    if (!visit_type_bool(v, name, &value, errp)) {
        return;
    }
    *p =
        (*p & ~(UINT64_C(1) << prop->bitnr)) | ((uint64_t)value << prop->bitnr);
}

const PropertyInfo qdev_prop_bit = {
    .name = "bool",
    .description = "on/off",
    .get = prop_get_bit,
    .set = prop_set_bit,
    .set_default_value = set_default_value_bool,
};

const PropertyInfo qdev_prop_bit64 = {
    .name = "bool",
    .description = "on/off",
    .get = prop_get_bit64,
    .set = prop_set_bit64,
    .set_default_value = set_default_value_bool,
};

/* ---- plain fields, one accessor pair per C type ---- */

#define FIELD_ACCESSORS(suffix, ctype, visit)                                  \
    static void prop_get_##suffix(Object *obj, Visitor *v, const char *name,   \
                                  void *opaque, Error **errp)                  \
    {                                                                          \
        ctype *p = object_field_prop_ptr(obj, opaque);                         \
        visit(v, name, p, errp);                                               \
    }                                                                          \
    static void prop_set_##suffix(Object *obj, Visitor *v, const char *name,   \
                                  void *opaque, Error **errp)                  \
    {                                                                          \
        ctype *p = object_field_prop_ptr(obj, opaque);                         \
        visit(v, name, p, errp);                                               \
    }

FIELD_ACCESSORS(bool, bool, visit_type_bool)
FIELD_ACCESSORS(uint8, uint8_t, visit_type_uint8)
FIELD_ACCESSORS(uint16, uint16_t, visit_type_uint16)
FIELD_ACCESSORS(uint32, uint32_t, visit_type_uint32)
FIELD_ACCESSORS(uint64, uint64_t, visit_type_uint64)
FIELD_ACCESSORS(int32, int32_t, visit_type_int32)
FIELD_ACCESSORS(int64, int64_t, visit_type_int64)
FIELD_ACCESSORS(size, uint64_t, visit_type_size)

const PropertyInfo qdev_prop_bool = {
    .name = "bool",
    .description = "on/off",
    .get = prop_get_bool,
    .set = prop_set_bool,
    .set_default_value = set_default_value_bool,
};

#define UINT_INFO(suffix)                                                      \
    const PropertyInfo qdev_prop_##suffix = {                                  \
        .name = #suffix,                                                       \
        .get = prop_get_##suffix,                                              \
        .set = prop_set_##suffix,                                              \
        .set_default_value = qdev_propinfo_set_default_value_uint,             \
    }

UINT_INFO(uint8);
UINT_INFO(uint16);
UINT_INFO(uint32);
UINT_INFO(uint64);
UINT_INFO(size);

const PropertyInfo qdev_prop_int32 = {
    .name = "int32",
    .get = prop_get_int32,
    .set = prop_set_int32,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

const PropertyInfo qdev_prop_int64 = {
    .name = "int64",
    .get = prop_get_int64,
    .set = prop_set_int64,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

/* ---- enumerations over an int field ---- */

void qdev_propinfo_get_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    Property *prop = opaque;
    int *p = object_field_prop_ptr(obj, prop);

    visit_type_enum(v, name, p, prop->info->enum_table, errp);
}

void qdev_propinfo_set_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    Property *prop = opaque;
    int *p = object_field_prop_ptr(obj, prop);

    visit_type_enum(v, name, p, prop->info->enum_table, errp);
}

/* ---- strings (char * field, g_free'd on release) ---- */

static void prop_get_string(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    char **p = object_field_prop_ptr(obj, opaque);
    char *value = *p ? *p : (char *)"";

    visit_type_str(v, name, &value, errp);
}

static void prop_set_string(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    char **p = object_field_prop_ptr(obj, opaque);
    char *value;

    if (!visit_type_str(v, name, &value, errp)) {
        return;
    }
    g_free(*p);
    *p = value;
}

static void prop_release_string(Object *obj, const char *name, void *opaque)
{
    char **p = object_field_prop_ptr(obj, opaque);

    g_free(*p);
    *p = NULL;
}

const PropertyInfo qdev_prop_string = {
    .name = "str",
    .get = prop_get_string,
    .set = prop_set_string,
    .release = prop_release_string,
};

/* Registered through object_class_property_add_link (see above). */
const PropertyInfo qdev_prop_link = {
    .name = "link",
};

/* ---- programmatic setters (before realize; a failure is a bug) ---- */

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    object_property_set_bool(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint16(DeviceState *dev, const char *name, uint16_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name, uint32_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name, uint64_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_string(DeviceState *dev, const char *name, const char *value)
{
    object_property_set_str(OBJECT(dev), name, value, &error_abort);
}
