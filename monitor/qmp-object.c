/*
 * monitor-qmp: a QMP monitor as a user-creatable object, the form newer
 * libvirt writes instead of -mon:
 *     -chardev socket,id=charmonitor,fd=N,server=on,wait=off
 *     -object '{"qom-type":"monitor-qmp","id":"monitor","chardev":"charmonitor"}'
 * Properties: chardev (required), pretty (default off). The monitor
 * serves its chardev until the program exits: object-del refuses it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "chardev/char.h"
#include "monitor/monitor.h"

#define TYPE_MONITOR_QMP_OBJECT "monitor-qmp"

typedef struct MonitorQmpObject {
    Object parent_obj;
    char *chardev;
    bool pretty;
    bool started;
} MonitorQmpObject;

static MonitorQmpObject *MONITOR_QMP_OBJECT(void *obj)
{
    return OBJECT_CHECK(MonitorQmpObject, obj, TYPE_MONITOR_QMP_OBJECT);
}

static void mon_obj_complete(UserCreatable *uc, Error **errp)
{
    MonitorQmpObject *m = MONITOR_QMP_OBJECT(uc);
    Chardev *chr;

    if (!m->chardev) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return;
    }
    chr = qemu_chr_find(m->chardev);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", m->chardev);
        return;
    }
    m->started = monitor_init_qmp(chr, m->pretty, errp);
}

static bool mon_obj_can_be_deleted(UserCreatable *uc)
{
    return !MONITOR_QMP_OBJECT(uc)->started;
}

static char *mon_obj_get_chardev(Object *obj, Error **errp)
{
    return g_strdup(MONITOR_QMP_OBJECT(obj)->chardev);
}

static bool mon_obj_frozen(MonitorQmpObject *m, Error **errp)
{
    if (m->started) {
        error_setg(errp, "monitor-qmp: properties cannot be changed once "
                         "the monitor runs");
        return true;
    }
    return false;
}

static void mon_obj_set_chardev(Object *obj, const char *value, Error **errp)
{
    MonitorQmpObject *m = MONITOR_QMP_OBJECT(obj);

    if (!mon_obj_frozen(m, errp)) {
        g_free(m->chardev);
        m->chardev = g_strdup(value);
    }
}

static bool mon_obj_get_pretty(Object *obj, Error **errp)
{
    return MONITOR_QMP_OBJECT(obj)->pretty;
}

static void mon_obj_set_pretty(Object *obj, bool value, Error **errp)
{
    MonitorQmpObject *m = MONITOR_QMP_OBJECT(obj);

    if (!mon_obj_frozen(m, errp)) {
        m->pretty = value;
    }
}

static void mon_obj_finalize(Object *obj)
{
    g_free(MONITOR_QMP_OBJECT(obj)->chardev);
}

static void mon_obj_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = mon_obj_complete;
    ucc->can_be_deleted = mon_obj_can_be_deleted;
    object_class_property_add_str(oc, "chardev", mon_obj_get_chardev,
                                  mon_obj_set_chardev);
    object_class_property_add_bool(oc, "pretty", mon_obj_get_pretty,
                                   mon_obj_set_pretty);
    object_class_property_set_description(oc, "chardev",
                                          "the chardev the monitor serves");
    object_class_property_set_description(oc, "pretty",
                                          "indent the JSON replies");
}

static const TypeInfo mon_obj_type = {
    .name = TYPE_MONITOR_QMP_OBJECT,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MonitorQmpObject),
    .instance_finalize = mon_obj_finalize,
    .class_init = mon_obj_class_init,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
};

static void mon_obj_register_types(void)
{
    type_register_static(&mon_obj_type);
}

type_init(mon_obj_register_types)
