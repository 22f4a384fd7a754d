/*
 * The properties of sim-dasd-3390 (docs/system/s390x/sim-dasd.rst): all
 * but latency-ns are fixed once the object is complete.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "hw/sim/sim-dasd.h"
#include "sim-dasd-props.h"

static bool sim_dasd_frozen(SimDasd *d, Error **errp)
{
    if (d->realized) {
        error_setg(
            errp, "sim-dasd-3390: properties cannot be changed after creation");
        return true;
    }
    return false;
}

#define SIM_DASD_STR_PROP(field)                                               \
    static char *sim_dasd_get_##field(Object *obj, Error **errp)               \
    {                                                                          \
        return g_strdup(SIM_DASD(obj)->field);                                 \
    }                                                                          \
    static void sim_dasd_set_##field(Object *obj, const char *v, Error **errp) \
    {                                                                          \
        SimDasd *d = SIM_DASD(obj);                                            \
                                                                               \
        if (!sim_dasd_frozen(d, errp)) {                                       \
            g_free(d->field);                                                  \
            d->field = g_strdup(v);                                            \
        }                                                                      \
    }

SIM_DASD_STR_PROP(busid)
SIM_DASD_STR_PROP(file)
SIM_DASD_STR_PROP(model)
SIM_DASD_STR_PROP(volser)

static char *sim_dasd_get_mdev(Object *obj, Error **errp)
{
    return g_strdup(SIM_DASD(obj)->mdev);
}

/* A UUID as sysfs names an mdev (8-4-4-4-12 hex digits), kept lower-case */
static void sim_dasd_set_mdev(Object *obj, const char *v, Error **errp)
{
    SimDasd *d = SIM_DASD(obj);

    if (sim_dasd_frozen(d, errp)) {
        return;
    }
    if (!g_uuid_string_is_valid(v)) {
        error_setg(errp,
                   "sim-dasd-3390: mdev '%s' is not a UUID "
                   "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                   v);
        return;
    }
    g_free(d->mdev);
    d->mdev = g_ascii_strdown(v, -1);
}

static bool sim_dasd_get_readonly(Object *obj, Error **errp)
{
    return SIM_DASD(obj)->readonly;
}

static void sim_dasd_set_readonly(Object *obj, bool v, Error **errp)
{
    SimDasd *d = SIM_DASD(obj);

    if (!sim_dasd_frozen(d, errp)) {
        d->readonly = v;
    }
}

static const char *const sim_dasd_locking_names[] = {
    [CKD_LOCKING_AUTO] = "auto",
    [CKD_LOCKING_ON] = "on",
    [CKD_LOCKING_OFF] = "off",
    NULL,
};

static const QEnumLookup sim_dasd_locking_lookup = {
    .array = sim_dasd_locking_names,
};

static int sim_dasd_get_locking(Object *obj, Error **errp)
{
    return SIM_DASD(obj)->locking;
}

static void sim_dasd_set_locking(Object *obj, int v, Error **errp)
{
    SimDasd *d = SIM_DASD(obj);

    if (!sim_dasd_frozen(d, errp)) {
        d->locking = v;
    }
}

static void sim_dasd_get_cssid(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    uint8_t val = SIM_DASD(obj)->cssid;

    visit_type_uint8(v, name, &val, errp);
}

/* Any given value, 255 too, is checked against 0..3 at creation */
static void sim_dasd_set_cssid(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    SimDasd *d = SIM_DASD(obj);
    uint8_t val;

    if (sim_dasd_frozen(d, errp) || !visit_type_uint8(v, name, &val, errp)) {
        return;
    }
    d->cssid = val;
    d->cssid_set = true;
}

static const char *const sim_dasd_cache_names[] = {
    [CKD_CACHE_WRITETHROUGH] = "writethrough",
    [CKD_CACHE_WRITEBACK] = "writeback",
    [CKD_CACHE_UNSAFE] = "unsafe",
    NULL,
};

static const QEnumLookup sim_dasd_cache_lookup = {
    .array = sim_dasd_cache_names,
};

static char *sim_dasd_get_cache(Object *obj, Error **errp)
{
    return g_strdup(
        qapi_enum_lookup(&sim_dasd_cache_lookup, SIM_DASD(obj)->cache));
}

/* QEMU's -drive cache= names; the O_DIRECT ones are not offered */
static void sim_dasd_set_cache(Object *obj, const char *v, Error **errp)
{
    SimDasd *d = SIM_DASD(obj);
    int mode;

    if (sim_dasd_frozen(d, errp)) {
        return;
    }
    if (!g_strcmp0(v, "none") || !g_strcmp0(v, "directsync")) {
        error_setg(
            errp,
            "sim-dasd-3390: cache=%s (O_DIRECT) is not supported; use writethrough, writeback or unsafe",
            v);
        return;
    }
    mode = qapi_enum_parse(&sim_dasd_cache_lookup, v, -1, NULL);
    if (mode < 0) {
        error_setg(
            errp,
            "sim-dasd-3390: invalid cache option '%s' (writethrough, writeback or unsafe)",
            v ?: "");
        return;
    }
    d->cache = mode;
}

void sim_dasd_class_add_props(ObjectClass *oc)
{
    object_class_property_add_str(oc, "busid", sim_dasd_get_busid,
                                  sim_dasd_set_busid);
    object_class_property_add_str(oc, "file", sim_dasd_get_file,
                                  sim_dasd_set_file);
    object_class_property_add_str(oc, "model", sim_dasd_get_model,
                                  sim_dasd_set_model);
    object_class_property_add_str(oc, "volser", sim_dasd_get_volser,
                                  sim_dasd_set_volser);
    object_class_property_add_str(oc, "mdev", sim_dasd_get_mdev,
                                  sim_dasd_set_mdev);
    object_class_property_set_description(
        oc, "mdev",
        "the vfio_ccw mediated device UUID it stands for: vfio-ccw "
        "sysfsdev=.../UUID (as libvirt gives it) then selects it");
    object_class_property_add_bool(oc, "readonly", sim_dasd_get_readonly,
                                   sim_dasd_set_readonly);
    object_class_property_add(oc, "cssid", "uint8", sim_dasd_get_cssid,
                              sim_dasd_set_cssid, NULL, NULL);
    object_class_property_set_description(
        oc, "cssid",
        "host channel-subsystem image of the subchannel, 0..3 (default: the first field of busid)");
    object_class_property_add_str(oc, "cache", sim_dasd_get_cache,
                                  sim_dasd_set_cache);
    object_class_property_set_description(
        oc, "cache",
        "when writes reach stable storage: writethrough (default; "
        "before a program that wrote ends), writeback (when the image "
        "is closed), unsafe (never synced)");
    object_class_property_add_enum(oc, "locking", "OnOffAuto",
                                   &sim_dasd_locking_lookup,
                                   sim_dasd_get_locking, sim_dasd_set_locking);
    object_class_property_set_description(
        oc, "locking",
        "lock the image file (OFD locks; exclusive when writing, shared "
        "with readonly=on): auto (default; when the host has them), on, "
        "off");
}
