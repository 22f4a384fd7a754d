/*
 * qdev static properties: every entry of a device class's Property table
 * becomes a class property; its accessors find the field at
 * prop->offset inside the instance.
 *
 * The fixed-size kinds (a bool, one bit of a 32- or 64-bit word, an
 * integer of 1 to 8 bytes, a size) share a single accessor driven by a
 * FieldShape found from the PropertyInfo. The same function reads and
 * writes: a visitor either fills the field or reports it, so only the
 * bit kind, which has to merge into its word, looks at the direction.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qapi/visitor.h"

void *object_field_prop_ptr(Object *obj, const Property *prop)
{
    return (char *)obj + prop->offset;
}

/* ---- refusals, in QEMU's words ---- */

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    g_autofree char *who = dev->id ? g_strdup_printf("device '%s'", dev->id)
                                   : g_strdup("anonymous device");

    error_setg(
        errp,
        "Attempt to set property '%s' on %s (type '%s') after it was realized",
        name, who, object_get_typename(OBJECT(dev)));
}

void qdev_prop_error(Error **errp, int ret, Object *obj, const char *name,
                     const char *value)
{
    const char *verb = "doesn't take";

    if (ret == -EEXIST) {
        verb = "can't take";
    } else if (ret == -ENOENT) {
        verb = "can't find";
    }
    error_setg(errp, "Property '%s.%s' %s value '%s'%s",
               object_get_typename(obj), name, verb, value,
               ret == -EEXIST ? ", it's in use" : "");
}

/* ---- fixed-size fields ---- */

typedef enum FieldKind {
    FIELD_FLAG,     /* a bool */
    FIELD_BIT,      /* bit prop->bitnr of a 4- or 8-byte word */
    FIELD_UNSIGNED, /* uintN_t */
    FIELD_SIGNED,   /* intN_t */
    FIELD_SIZE,     /* uint64_t written with k/M/G suffixes */
} FieldKind;

typedef struct FieldShape {
    const PropertyInfo *info;
    FieldKind kind;
    uint8_t bytes;
} FieldShape;

static const FieldShape field_shapes[] = {
    { &qdev_prop_bool, FIELD_FLAG, sizeof(bool) },
    { &qdev_prop_bit, FIELD_BIT, 4 },
    { &qdev_prop_bit64, FIELD_BIT, 8 },
    { &qdev_prop_uint8, FIELD_UNSIGNED, 1 },
    { &qdev_prop_uint16, FIELD_UNSIGNED, 2 },
    { &qdev_prop_uint32, FIELD_UNSIGNED, 4 },
    { &qdev_prop_uint64, FIELD_UNSIGNED, 8 },
    { &qdev_prop_int32, FIELD_SIGNED, 4 },
    { &qdev_prop_int64, FIELD_SIGNED, 8 },
    { &qdev_prop_size, FIELD_SIZE, 8 },
    { &qdev_prop_blocksize, FIELD_SIZE, 8 },
};

static const FieldShape *field_shape(const PropertyInfo *info)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(field_shapes); i++) {
        if (field_shapes[i].info == info) {
            return &field_shapes[i];
        }
    }
    g_assert_not_reached();
}

static uint64_t word_load(const void *word, unsigned bytes)
{
    return bytes == 8 ? *(const uint64_t *)word : *(const uint32_t *)word;
}

static void word_store(void *word, unsigned bytes, uint64_t val)
{
    if (bytes == 8) {
        *(uint64_t *)word = val;
    } else {
        *(uint32_t *)word = (uint32_t)val;
    }
}

static void visit_bit(Visitor *v, const char *name, void *word, unsigned bytes,
                      unsigned bit, Error **errp)
{
    uint64_t mask = UINT64_C(1) << bit;
    uint64_t val = word_load(word, bytes);
    bool on = val & mask;

    if (visit_type_bool(v, name, &on, errp) && visit_is_input(v)) {
        word_store(word, bytes, on ? val | mask : val & ~mask);
    }
}

/* The sized visit functions give the range errors ("expects uint8_t"). */
static void visit_unsigned(Visitor *v, const char *name, void *field,
                           unsigned bytes, Error **errp)
{
    switch (bytes) {
    case 1:
        visit_type_uint8(v, name, field, errp);
        break;
    case 2:
        visit_type_uint16(v, name, field, errp);
        break;
    case 4:
        visit_type_uint32(v, name, field, errp);
        break;
    default:
        visit_type_uint64(v, name, field, errp);
        break;
    }
}

static void visit_signed(Visitor *v, const char *name, void *field,
                         unsigned bytes, Error **errp)
{
    if (bytes == 4) {
        visit_type_int32(v, name, field, errp);
    } else {
        visit_type_int64(v, name, field, errp);
    }
}

static void fixed_field_access(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    const Property *prop = opaque;
    const FieldShape *shape = field_shape(prop->info);
    void *field = object_field_prop_ptr(obj, prop);

    switch (shape->kind) {
    case FIELD_FLAG:
        visit_type_bool(v, name, field, errp);
        break;
    case FIELD_BIT:
        visit_bit(v, name, field, shape->bytes, prop->bitnr, errp);
        break;
    case FIELD_UNSIGNED:
        visit_unsigned(v, name, field, shape->bytes, errp);
        break;
    case FIELD_SIGNED:
        visit_signed(v, name, field, shape->bytes, errp);
        break;
    case FIELD_SIZE:
        visit_type_size(v, name, field, errp);
        break;
    }
}

static void fixed_field_default(ObjectProperty *op, const Property *prop)
{
    switch (field_shape(prop->info)->kind) {
    case FIELD_FLAG:
    case FIELD_BIT:
        object_property_set_default_bool(op, prop->defval.u != 0);
        break;
    case FIELD_SIGNED:
        object_property_set_default_int(op, prop->defval.i);
        break;
    default:
        object_property_set_default_uint(op, prop->defval.u);
        break;
    }
}

#define FIXED_FIELD_INFO(_type, _desc)                                         \
    {                                                                          \
        .name = (_type), .description = (_desc), .get = fixed_field_access,    \
        .set = fixed_field_access, .set_default_value = fixed_field_default,   \
    }

const PropertyInfo qdev_prop_bool = FIXED_FIELD_INFO("bool", "on/off");
const PropertyInfo qdev_prop_bit = FIXED_FIELD_INFO("bool", "on/off");
const PropertyInfo qdev_prop_bit64 = FIXED_FIELD_INFO("bool", "on/off");
const PropertyInfo qdev_prop_uint8 = FIXED_FIELD_INFO("uint8", NULL);
const PropertyInfo qdev_prop_uint16 = FIXED_FIELD_INFO("uint16", NULL);
const PropertyInfo qdev_prop_uint32 = FIXED_FIELD_INFO("uint32", NULL);
const PropertyInfo qdev_prop_uint64 = FIXED_FIELD_INFO("uint64", NULL);
const PropertyInfo qdev_prop_int32 = FIXED_FIELD_INFO("int32", NULL);
const PropertyInfo qdev_prop_int64 = FIXED_FIELD_INFO("int64", NULL);
const PropertyInfo qdev_prop_size = FIXED_FIELD_INFO("size", NULL);
const PropertyInfo qdev_prop_blocksize =
    FIXED_FIELD_INFO("size", "A power of two between 512 B and 2 MiB");

/* QEMU's OnOffAuto: the values in the order of QEMU's enumeration */
static const char *const on_off_auto_names[] = { "auto", "on", "off", NULL };
static const QEnumLookup on_off_auto_lookup = {
    .array = on_off_auto_names,
    .size = 3,
};
const PropertyInfo qdev_prop_on_off_auto =
    QDEV_PROP_ENUM_INFO("OnOffAuto", "on/off/auto", &on_off_auto_lookup);

/* ---- defaults for custom PropertyInfos ---- */

void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop)
{
    const char *label = qapi_enum_lookup(prop->info->enum_table,
                                         (int)prop->defval.i);

    object_property_set_default_str(op, label);
}

/* ---- enumerations kept in an int ---- */

static void enum_field_access(Object *obj, Visitor *v, const char *name,
                              const Property *prop, Error **errp)
{
    visit_type_enum(v, name, object_field_prop_ptr(obj, prop),
                    prop->info->enum_table, errp);
}

void qdev_propinfo_get_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    enum_field_access(obj, v, name, opaque, errp);
}

void qdev_propinfo_set_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    enum_field_access(obj, v, name, opaque, errp);
}

/* ---- strings: a g_malloc'ed char *, NULL reads as "" ---- */

static void string_field_access(Object *obj, Visitor *v, const char *name,
                                void *opaque, Error **errp)
{
    char **field = object_field_prop_ptr(obj, opaque);
    char *text = NULL;

    if (!visit_is_input(v)) {
        text = *field ? *field : (char *)"";
        visit_type_str(v, name, &text, errp);
        return;
    }
    if (visit_type_str(v, name, &text, errp)) {
        g_free(*field);
        *field = text;
    }
}

static void string_field_drop(Object *obj, const char *name, void *opaque)
{
    char **field = object_field_prop_ptr(obj, opaque);

    g_clear_pointer(field, g_free);
}

const PropertyInfo qdev_prop_string = {
    .name = "str",
    .get = string_field_access,
    .set = string_field_access,
    .release = string_field_drop,
};

/* Installed as a QOM link property, see install_link(). */
const PropertyInfo qdev_prop_link = {
    .name = "link",
};

/* ---- installing a table on a class ---- */

/* Writes reach the PropertyInfo only while the device is unrealized. */
static void guarded_field_write(Object *obj, Visitor *v, const char *name,
                                void *opaque, Error **errp)
{
    const Property *prop = opaque;
    DeviceState *dev = DEVICE(obj);

    if (dev->realized && !prop->info->realized_set_allowed) {
        qdev_prop_set_after_realize(dev, name, errp);
        return;
    }
    prop->info->set(obj, v, name, opaque, errp);
}

static void link_frozen_when_realized(const Object *obj, const char *name,
                                      Object *val, Error **errp)
{
    DeviceState *dev = DEVICE((Object *)obj);

    if (!dev->realized) {
        return;
    }
    error_setg(
        errp,
        "Attempt to set link property '%s' on device '%s' (type '%s') after it was realized",
        name, dev->id ? dev->id : "<anonymous>",
        object_get_typename(OBJECT(dev)));
}

static void install_link(ObjectClass *oc, const Property *prop)
{
    object_class_property_add_link(oc, prop->name, prop->link_type,
                                   prop->offset, link_frozen_when_realized,
                                   OBJ_PROP_LINK_STRONG);
}

static void install_field(ObjectClass *oc, Property *prop)
{
    const PropertyInfo *info = prop->info;
    ObjectProperty *op;

    op = object_class_property_add(oc, prop->name, info->name, info->get,
                                   info->set ? guarded_field_write : NULL,
                                   info->release, prop);
    if (info->description) {
        object_class_property_set_description(oc, prop->name,
                                              info->description);
    }
    if (prop->set_default && info->set_default_value) {
        info->set_default_value(op, prop);
    }
}

void device_class_set_props(DeviceClass *dc, Property *props)
{
    ObjectClass *oc = OBJECT_CLASS(dc);
    Property *prop;

    dc->props = props;
    for (prop = props; prop && prop->name; prop++) {
        if (prop->info == &qdev_prop_link) {
            install_link(oc, prop);
        } else {
            install_field(oc, prop);
        }
    }
}

static const Property *props_table_find(const Property *table, const char *name)
{
    for (; table && table->name; table++) {
        if (g_str_equal(table->name, name)) {
            return table;
        }
    }
    return NULL;
}

const Property *qdev_find_static_prop(DeviceState *dev, const char *name)
{
    ObjectClass *oc;

    for (oc = object_get_class(OBJECT(dev));
         oc && object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        const Property *hit = props_table_find(DEVICE_CLASS(oc)->props, name);

        if (hit) {
            return hit;
        }
    }
    return NULL;
}

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
