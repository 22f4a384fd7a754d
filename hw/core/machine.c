/*
 * TYPE_MACHINE: the abstract board, its lookup and instantiation.
 *
 * A board type is named "<name>-machine"; -machine takes <name> or the
 * board's alias. The machine object lives at /machine with the
 * containers that devices are placed in.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/hotplug.h"
#include "qapi/error.h"
#include "qemu/module.h"

/* ---- the board types ---- */

static gint machine_by_name(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(((const MachineClass *)a)->name,
                     ((const MachineClass *)b)->name);
}

GSList *machine_class_list(void)
{
    return g_slist_sort(object_class_get_list(TYPE_MACHINE, false),
                        machine_by_name);
}

static bool machine_answers_to(const MachineClass *mc, const char *name)
{
    return g_strcmp0(mc->name, name) == 0 || g_strcmp0(mc->alias, name) == 0;
}

/* The first board (by name) that @match accepts, or NULL. */
static MachineClass *machine_class_first(bool (*match)(const MachineClass *,
                                                       const char *),
                                         const char *name)
{
    g_autoptr(GSList) boards = machine_class_list();
    GSList *b;

    for (b = boards; b; b = b->next) {
        if (match(b->data, name)) {
            return b->data;
        }
    }
    return NULL;
}

static bool machine_is_default(const MachineClass *mc, const char *unused)
{
    return mc->is_default;
}

MachineClass *find_machine(const char *name)
{
    return machine_class_first(machine_answers_to, name);
}

MachineClass *find_default_machine(void)
{
    return machine_class_first(machine_is_default, NULL);
}

/* ---- the machine object ---- */

MachineState *current_machine_get(void)
{
    Object *obj = object_resolve_path_component(object_get_root(), "machine");

    if (!obj || !object_dynamic_cast(obj, TYPE_MACHINE)) {
        return NULL;
    }
    return MACHINE(obj);
}

MachineState *machine_new(MachineClass *mc, Error **errp)
{
    static const char *const containers[] = {
        "/peripheral",
        "/peripheral-anon",
        "/unattached",
    };
    Object *root = object_get_root();
    Object *machine;
    size_t i;

    if (object_resolve_path_component(root, "machine")) {
        error_setg(errp, "Machine already exists");
        return NULL;
    }
    machine = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    object_property_add_child(root, "machine", machine);
    object_unref(machine);
    for (i = 0; i < G_N_ELEMENTS(containers); i++) {
        container_get(machine, containers[i]);
    }
    /* the system bus exists from the start, below /machine/unattached */
    sysbus_get_default();
    return MACHINE(machine);
}

bool machine_run_init(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (!mc->init) {
        return true;
    }
    return mc->init(ms, errp);
}

/* A board without its own reset resets everything on the system bus. */
void machine_reset(MachineState *ms)
{
    void (*board_reset)(MachineState *) = MACHINE_GET_CLASS(ms)->reset;

    if (!board_reset) {
        qbus_reset_all(sysbus_get_default());
        return;
    }
    board_reset(ms);
}

HotplugHandler *qdev_get_machine_hotplug_handler(DeviceState *dev)
{
    MachineState *ms = current_machine_get();
    MachineClass *mc = ms ? MACHINE_GET_CLASS(ms) : NULL;

    if (!mc || !mc->get_hotplug_handler) {
        return NULL;
    }
    return mc->get_hotplug_handler(ms, dev);
}

/* ---- -machine help ---- */

/* One row of QEMU's listing: the name padded to 20 columns, then text. */
static void machine_help_row(const char *name, const char *text)
{
    printf("%-20s %s\n", name, text);
}

static void machine_help_board(const MachineClass *mc)
{
    g_autofree char *text = NULL;

    if (mc->alias) {
        text = g_strdup_printf("%s (alias of %s)", mc->desc, mc->name);
        machine_help_row(mc->alias, text);
        g_free(text);
    }
    text = g_strdup_printf("%s%s%s", mc->desc,
                           mc->is_default ? " (default)" : "",
                           mc->deprecation_reason ? " (deprecated)" : "");
    machine_help_row(mc->name, text);
}

void machine_help_print(void)
{
    g_autoptr(GSList) boards = machine_class_list();
    GSList *b;

    printf("Supported machines are:\n");
    for (b = boards; b; b = b->next) {
        machine_help_board(b->data);
    }
}

/* ---- properties ---- */

static bool machine_prop_get_dump(Object *obj, Error **errp)
{
    return MACHINE(obj)->dump_guest_core;
}

static void machine_prop_set_dump(Object *obj, bool value, Error **errp)
{
    MACHINE(obj)->dump_guest_core = value;
}

static char *machine_prop_get_backend(Object *obj, Error **errp)
{
    return g_strdup(MACHINE(obj)->ram_memdev_id);
}

static void machine_prop_set_backend(Object *obj, const char *value,
                                     Error **errp)
{
    char **slot = &MACHINE(obj)->ram_memdev_id;
    char *old = *slot;

    *slot = g_strdup(value);
    g_free(old);
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_bool(oc, "dump-guest-core", machine_prop_get_dump,
                                   machine_prop_set_dump);
    object_class_property_set_description(
        oc, "dump-guest-core", "Include guest memory in a core dump");
    object_class_property_add_str(oc, "memory-backend",
                                  machine_prop_get_backend,
                                  machine_prop_set_backend);
    object_class_property_set_description(
        oc, "memory-backend",
        "ID of the memory backend object holding guest RAM");
}

/* ---- the type ---- */

/* "s390-ccw-virtio-7.2-machine" is the board "s390-ccw-virtio-7.2". */
static char *machine_name_of_type(const char *type)
{
    size_t len = strlen(type);
    size_t suffix = strlen(TYPE_MACHINE_SUFFIX);

    if (len < suffix || strcmp(type + len - suffix, TYPE_MACHINE_SUFFIX)) {
        return NULL;
    }
    return g_strndup(type, len - suffix);
}

static void machine_class_base_init(ObjectClass *oc, void *data)
{
    MACHINE_CLASS(oc)->name = machine_name_of_type(object_class_get_name(oc));
}

/* The board's defaults; -m, -smp, -cpu and -machine change them later. */
static void machine_instance_init(Object *obj)
{
    MachineClass *board = MACHINE_GET_CLASS(obj);
    MachineState *ms = MACHINE(obj);

    ms->smp_cpus = 1;
    ms->smp_max_cpus = 1;
    ms->dump_guest_core = true;
    ms->cpu_type = g_strdup(board->default_cpu_type);
    ms->ram_size = ms->maxram_size = board->default_ram_size;
    ms->kernel_cmdline = g_strdup("");
}

static void machine_instance_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->ram_memdev_id);
    g_free(ms->accel);
    g_free(ms->cpu_type);
    g_free(ms->kernel_filename);
    g_free(ms->initrd_filename);
    g_free(ms->kernel_cmdline);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
    .class_base_init = machine_class_base_init,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_instance_init,
    .instance_finalize = machine_instance_finalize,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)
