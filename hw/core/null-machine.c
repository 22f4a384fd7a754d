/*
 * The "none" board (QOM type "none-machine"): no RAM unless -m asks, no
 * channel subsystem, no devices. Management tools start it to ask QMP
 * what the program can do (libvirt's capability probe).
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "qemu/module.h"

static void none_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "empty machine";
    mc->max_cpus = 1;
    mc->default_ram_size = 0;
    mc->no_serial = true;
}

static const TypeInfo none_machine_info = {
    .name = "none" TYPE_MACHINE_SUFFIX,
    .parent = TYPE_MACHINE,
    .class_init = none_machine_class_init,
};

static void none_machine_register(void)
{
    type_register_static(&none_machine_info);
}

type_init(none_machine_register)
