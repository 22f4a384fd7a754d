/*
 * qdev static properties: a device class lists its configuration fields
 * in a static Property table; each becomes a QOM class property whose
 * setter refuses changes once the device is realized:
 *   "Attempt to set property 'P' on device 'ID' (type 'T') after it was
 *    realized" (or "... on anonymous device (type 'T') ...").
 *
 *   static Property foo_props[] = {
 *       DEFINE_PROP_UINT32("queues", FooState, queues, 1),
 *       DEFINE_PROP_STRING("hostid", FooState, hostid),
 *       DEFINE_PROP_END_OF_LIST(),
 *   };
 *   device_class_set_props(dc, foo_props);
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"
#include "qapi/visitor.h"

struct PropertyInfo {
    const char *name; /* the type shown in help: "uint32" */
    const char *description;
    const QEnumLookup *enum_table;
    /* may be set on a realized device */
    bool realized_set_allowed;
    /* record prop->defval as the QOM default (applied at instance init) */
    void (*set_default_value)(ObjectProperty *op, const Property *prop);
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyRelease *release;
};

struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    uint8_t bitnr;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    const char *link_type; /* DEFINE_PROP_LINK target type */
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bit64;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_on_off_auto;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
/* a size described as QEMU's block sizes are (the device checks it) */
extern const PropertyInfo qdev_prop_blocksize;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_link;

/* Type-checked pointer to the field: compile error on a wrong type. */
#define QDEV_PROP_CHECK(state, field, ctype)                                   \
    (offsetof(state, field) + 0 * sizeof((ctype *)0 == &((state *)0)->field))

#define DEFINE_PROP(_name, _state, _field, _prop, _ctype, ...)                 \
    {                                                                          \
        .name = (_name), .info = &(_prop),                                     \
        .offset = QDEV_PROP_CHECK(_state, _field, _ctype), __VA_ARGS__         \
    }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _def, _prop, _ctype)         \
    DEFINE_PROP(_name, _state, _field, _prop, _ctype, .set_default = true,     \
                .defval.i = (_ctype)(_def))
#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _def, _prop, _ctype)       \
    DEFINE_PROP(_name, _state, _field, _prop, _ctype, .set_default = true,     \
                .defval.u = (_ctype)(_def))

#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _def)                     \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t,                \
                .bitnr = (_bit), .set_default = true,                          \
                .defval.u = (bool)(_def))
#define DEFINE_PROP_BIT64(_name, _state, _field, _bit, _def)                   \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit64, uint64_t,              \
                .bitnr = (_bit), .set_default = true,                          \
                .defval.u = (bool)(_def))
#define DEFINE_PROP_BOOL(_name, _state, _field, _def)                          \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool,                   \
                .set_default = true, .defval.u = (bool)(_def))
#define DEFINE_PROP_UINT8(_n, _s, _f, _d)                                      \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d)                                     \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d)                                     \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d)                                     \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d)                                      \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d)                                      \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
#define DEFINE_PROP_SIZE(_n, _s, _f, _d)                                       \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
#define DEFINE_PROP_BLOCKSIZE(_n, _s, _f)                                      \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, 0, qdev_prop_blocksize, uint64_t)
#define DEFINE_PROP_STRING(_n, _s, _f)                                         \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
/* link<_type> to an object, by QOM path; the field is an Object *. */
#define DEFINE_PROP_LINK(_n, _s, _f, _type, _ptr_type)                         \
    DEFINE_PROP(_n, _s, _f, qdev_prop_link, _ptr_type, .link_type = (_type))
/*
 * An int field holding an enumeration; @_info is a PropertyInfo built
 * with QDEV_PROP_ENUM_INFO(name, description, &lookup).
 */
#define DEFINE_PROP_ENUM(_n, _s, _f, _d, _info)                                \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, _info, int)
/* on/off/auto in an int field holding an OnOffAuto value */
typedef enum OnOffAuto {
    ON_OFF_AUTO_AUTO,
    ON_OFF_AUTO_ON,
    ON_OFF_AUTO_OFF,
} OnOffAuto;
#define DEFINE_PROP_ON_OFF_AUTO(_n, _s, _f, _d)                                \
    DEFINE_PROP_ENUM(_n, _s, _f, _d, qdev_prop_on_off_auto)
#define QDEV_PROP_ENUM_INFO(_name, _desc, _lookup)                             \
    {                                                                          \
        .name = (_name), .description = (_desc), .enum_table = (_lookup),      \
        .get = qdev_propinfo_get_enum, .set = qdev_propinfo_set_enum,          \
        .set_default_value = qdev_propinfo_set_default_value_enum,             \
    }

#define DEFINE_PROP_END_OF_LIST()                                              \
    {                                                                          \
    }

/* Register @props (END_OF_LIST-terminated, static) on @dc. */
void device_class_set_props(DeviceClass *dc, Property *props);

/* The field of @prop inside @obj. */
void *object_field_prop_ptr(Object *obj, const Property *prop);
/* Find the static property @name of @dev's class chain, or NULL. */
const Property *qdev_find_static_prop(DeviceState *dev, const char *name);

/* Accessors for custom PropertyInfos. */
void qdev_propinfo_get_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp);
void qdev_propinfo_set_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp);
void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop);
void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop);

/*
 * Report a custom parser's result in QEMU's words:
 *   -EINVAL: "Property 'T.P' doesn't take value 'V'"
 *   -ENOENT: "Property 'T.P' can't find value 'V'"
 *   -EEXIST: "Property 'T.P' can't take value 'V', it's in use"
 */
void qdev_prop_error(Error **errp, int ret, Object *obj, const char *name,
                     const char *value);
/* "Attempt to set property ... after it was realized" */
void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp);

/* Programmatic setters between creation and realize (abort on error). */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name, uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name, uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name, uint64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);

/* ---- -global driver.prop=value ---- */

typedef struct GlobalProperty {
    char *driver;
    char *property;
    char *value;
    bool used;
    bool user_provided;
} GlobalProperty;

/*
 * Register a global default (applied in registration order at instance
 * creation of @driver and its subtypes; later registrations win).
 */
void qdev_prop_register_global(const char *driver, const char *property,
                               const char *value);
/*
 * Parse "driver.prop=value" or keyval "driver=D,property=P,value=V"
 * (QEMU's -global forms); "Invalid parameter 'X'" on a bad one.
 */
bool qdev_global_parse(const char *optarg, Error **errp);
/*
 * Apply matching globals to @dev. Errors (prefixed "can't apply global
 * D.P=V: ") go to @errp; hotplugged devices only warn.
 */
bool qdev_prop_set_globals(DeviceState *dev, Error **errp);
/*
 * Warn about user globals that never applied (after machine init):
 * "global D.P has invalid class name", "global D.P=V not used".
 * Returns the number of warnings.
 */
int qdev_prop_check_globals(void);
/* Forget every global (tests). */
void qdev_prop_reset_globals(void);

#endif
