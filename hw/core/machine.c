/*
 * TYPE_MACHINE: the abstract board, its lookup and instantiation.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/hotplug.h"
#include "qapi/error.h"
#include "qemu/module.h"

static gint machine_class_cmp(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a;
    const MachineClass *mb = b;

    return strcmp(ma->name, mb->name);
}

GSList *machine_class_list(void)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);

    return g_slist_sort(list, machine_class_cmp);
}

MachineClass *find_machine(const char *name)
{
    g_autoptr(GSList) list = machine_class_list();
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (!strcmp(mc->name, name) ||
            (mc->alias && !strcmp(mc->alias, name))) {
            return mc;
        }
    }
    return NULL;
}

MachineClass *find_default_machine(void)
{
    g_autoptr(GSList) list = machine_class_list();
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->is_default) {
            return mc;
        }
    }
    return NULL;
}

MachineState *current_machine_get(void)
{
    Object *obj = object_resolve_path_component(object_get_root(), "machine");

    return obj ? (MachineState *)object_dynamic_cast(obj, TYPE_MACHINE) : NULL;
}

MachineState *machine_new(MachineClass *mc, Error **errp)
{
    Object *root = object_get_root();
    Object *obj;

    if (object_resolve_path_component(root, "machine")) {
        error_setg(errp, "Machine already exists");
        return NULL;
    }
    obj = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    object_property_add_child(root, "machine", obj);
    object_unref(obj);
    container_get(obj, "/peripheral");
    container_get(obj, "/peripheral-anon");
    container_get(obj, "/unattached");
    sysbus_get_default();
    return MACHINE(obj);
}

bool machine_run_init(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    return !mc->init || mc->init(ms, errp);
}

void machine_reset(MachineState *ms)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (mc->reset) {
        mc->reset(ms);
    } else {
        qbus_reset_all(sysbus_get_default());
    }
}

HotplugHandler *qdev_get_machine_hotplug_handler(DeviceState *dev)
{
    MachineState *ms = current_machine_get();
    MachineClass *mc;

    if (!ms) {
        return NULL;
    }
    mc = MACHINE_GET_CLASS(ms);
    return mc->get_hotplug_handler ? mc->get_hotplug_handler(ms, dev) : NULL;
}

void machine_help_print(void)
{
    g_autoptr(GSList) list = machine_class_list();
    GSList *l;

    printf("Supported machines are:\n");
    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->alias) {
            printf("%-20s %s (alias of %s)\n", mc->alias, mc->desc, mc->name);
        }
        printf("%-20s %s%s%s\n", mc->name, mc->desc,
               mc->is_default ? " (default)" : "",
               mc->deprecation_reason ? " (deprecated)" : "");
    }
}

/* ---- properties ---- */

static bool machine_get_dump_guest_core(Object *obj, Error **errp)
{
    return MACHINE(obj)->dump_guest_core;
}

static void machine_set_dump_guest_core(Object *obj, bool value, Error **errp)
{
    MACHINE(obj)->dump_guest_core = value;
}

static char *machine_get_memdev(Object *obj, Error **errp)
{
    return g_strdup(MACHINE(obj)->ram_memdev_id);
}

static void machine_set_memdev(Object *obj, const char *value, Error **errp)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->ram_memdev_id);
    ms->ram_memdev_id = g_strdup(value);
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_bool(oc, "dump-guest-core",
                                   machine_get_dump_guest_core,
                                   machine_set_dump_guest_core);
    object_class_property_set_description(oc, "dump-guest-core",
                                          "Include guest memory in a core "
                                          "dump");
    object_class_property_add_str(oc, "memory-backend", machine_get_memdev,
                                  machine_set_memdev);
    object_class_property_set_description(oc, "memory-backend",
                                          "ID of the memory backend object "
                                          "holding guest RAM");
}

/* The -machine name is the class name without "-machine". */
static void machine_class_base_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    const char *cname = object_class_get_name(oc);

    mc->name = NULL;
    if (g_str_has_suffix(cname, TYPE_MACHINE_SUFFIX)) {
        mc->name =
            g_strndup(cname, strlen(cname) - strlen(TYPE_MACHINE_SUFFIX));
    }
}

static void machine_initfn(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(obj);

    ms->ram_size = mc->default_ram_size;
    ms->maxram_size = mc->default_ram_size;
    ms->smp_cpus = 1;
    ms->cpu_type = g_strdup(mc->default_cpu_type);
    ms->dump_guest_core = true;
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->cpu_type);
    g_free(ms->accel);
    g_free(ms->ram_memdev_id);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
    .class_base_init = machine_class_base_init,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_initfn,
    .instance_finalize = machine_finalize,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)
