/*
 * The s390-ccw-virtio machine: guest RAM at absolute address 0 and the
 * buses that the I/O subsystems (channel subsystem, zPCI) attach to.
 *
 * Subsystems plug in through s390_machine_parts[] below, an explicit,
 * ordered list: each part creates its buses/bridges at machine init and
 * may act on system reset.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qemu/error-report.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/hotplug.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "hw/s390x/cpu-reset.h"
#include "hw/s390x/css.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/css-bridge.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/s390-ipl.h"
#include "hw/s390x/sclp-console.h"
#include "hw/loader.h"
#include "target/s390x/cpus.h"
#include "exec/memory.h"
#include "sysemu/hostmem.h"
#include "sysemu/runstate.h"

/* Guest storage comes in 1 MiB increments; QEMU refuses other sizes. */
#define S390_RAM_ALIGN (1 * MiB)

typedef struct S390MachinePart {
    const char *name;
    bool (*init)(S390CcwMachineState *ms, Error **errp);
} S390MachinePart;

static bool s390_css_part_init(S390CcwMachineState *ms, Error **errp)
{
    return virtual_css_bus_init(errp) != NULL;
}

/* The PCI host bridge: root bus pci.0 and the zpci bus */
static bool s390_pci_part_init(S390CcwMachineState *ms, Error **errp)
{
    return s390_pci_host_init(errp) != NULL;
}

/* The parts of the machine, created in this order. */
static const S390MachinePart s390_machine_parts[] = {
    { "css", s390_css_part_init },
    { "pci", s390_pci_part_init },
    { NULL, NULL },
};

/*
 * Guest RAM from the backend named by -machine memory-backend=ID: its size
 * becomes the RAM size (an -m size must agree), and the backend is in use
 * (object-del refuses it) while the machine maps it.
 */
static bool s390_memory_init_backend(S390CcwMachineState *s, Error **errp)
{
    MachineState *ms = MACHINE(s);
    HostMemoryBackend *be;
    uint64_t size;

    be = host_memory_backend_find(ms->ram_memdev_id, errp);
    if (!be) {
        return false;
    }
    if (host_memory_backend_is_mapped(be)) {
        error_setg(errp, "memory backend %s can't be used multiple times.",
                   ms->ram_memdev_id);
        return false;
    }
    size = host_memory_backend_get_size(be);
    if (ms->ram_size_given && ms->ram_size != size) {
        error_setg(
            errp,
            "Machine memory size does not match the size of the memory backend");
        return false;
    }
    if (!QEMU_IS_ALIGNED(size, S390_RAM_ALIGN)) {
        error_setg(errp, "ram size must be multiples of 1 MiB");
        return false;
    }
    ms->ram_size = size;
    ms->maxram_size = size;
    s->ram = host_memory_backend_get_memory(be);
    ms->ram = s->ram;
    object_ref(OBJECT(be));
    host_memory_backend_set_mapped(be, true);
    memory_region_add_subregion(get_system_memory(), 0, s->ram);
    return true;
}

static bool s390_memory_init(S390CcwMachineState *s, Error **errp)
{
    MachineState *ms = MACHINE(s);
    uint64_t size = ms->ram_size;

    if (ms->ram_memdev_id) {
        return s390_memory_init_backend(s, errp);
    }
    if (!size || !QEMU_IS_ALIGNED(size, S390_RAM_ALIGN)) {
        error_setg(errp, "ram size must be multiples of 1 MiB");
        return false;
    }
    s->ram = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram(s->ram, s, "s390.ram", size, errp)) {
        g_clear_pointer(&s->ram, g_free);
        return false;
    }
    /* dump-guest-core=off: keep guest storage out of a core dump */
    if (!ms->dump_guest_core &&
        madvise(memory_region_get_ram_ptr(s->ram), size, MADV_DONTDUMP)) {
        warn_report("dump-guest-core=off: madvise: %s", g_strerror(errno));
    }
    ms->ram = s->ram;
    memory_region_add_subregion(get_system_memory(), 0, s->ram);
    return true;
}

static void s390_ipl_start(void);

static bool s390_machine_init(MachineState *machine, Error **errp)
{
    S390CcwMachineState *s = S390_CCW_MACHINE(machine);

    if (!s390_memory_init(s, errp)) {
        return false;
    }
    /* the CPUs first: they are /machine/unattached/device[0..], as QEMU's */
    if (machine->accel && !strcmp(machine->accel, "tcg") &&
        !s390_cpus_qom_create(machine->cpu_type, machine->smp_cpus,
                              machine->smp_max_cpus, errp)) {
        return false;
    }
    for (const S390MachinePart *p = s390_machine_parts; p->name; p++) {
        if (!p->init(s, errp)) {
            error_prepend(errp, "%s: ", p->name);
            return false;
        }
    }
    if (!s390_sclp_consoles_create(errp)) {
        return false;
    }
    if (!s390_ipl_load(machine, errp)) {
        return false;
    }
    /* -accel tcg: the interpreter's CPUs; qtest: the client is the CPU */
    if (machine->accel && !strcmp(machine->accel, "tcg") &&
        !s390_cpus_create(machine->smp_cpus, machine->smp_max_cpus, s->ram,
                          errp)) {
        return false;
    }
    s390_ipl_start();
    return true;
}

/*
 * Write the images again and IPL: CPU 0 starts at the IPL address, the
 * others stay stopped (without -kernel all stay stopped: there is no
 * firmware to run).
 */
static void s390_ipl_start(void)
{
    uint64_t addr;

    rom_reset_all();
    s390_cpus_reset();
    if (s390_ipl_address(&addr)) {
        s390_cpus_ipl(addr);
    }
}

static S390CpuResetHook *s390_cpu_reset_hook;

void s390_machine_set_cpu_reset(S390CpuResetHook *hook)
{
    s390_cpu_reset_hook = hook;
}

static void s390_machine_reset(MachineState *machine)
{
    if (s390_cpu_reset_hook) {
        s390_cpu_reset_hook(); /* CR6 and friends: initial values */
    }
    css_reset();
    qbus_reset_all(sysbus_get_default());
    s390_ipl_start();
}

/*
 * Hot-plug of devices without a bus: a device that is a hot-plug handler
 * itself handles its own plug/unplug; any other is plugged by the
 * machine, which needs no wiring for it. Devices on a bus use the bus's
 * handler.
 */
static HotplugHandler *s390_get_hotplug_handler(MachineState *machine,
                                                DeviceState *dev)
{
    if (DEVICE_GET_CLASS(dev)->bus_type) {
        return NULL;
    }
    if (object_dynamic_cast(OBJECT(dev), TYPE_HOTPLUG_HANDLER)) {
        return HOTPLUG_HANDLER(dev);
    }
    return HOTPLUG_HANDLER(machine);
}

static bool s390_unplug(HotplugHandler *hotplug_dev, DeviceState *dev,
                        Error **errp)
{
    if (object_dynamic_cast(OBJECT(dev), "s390x-cpu")) {
        error_setg(errp, "CPU hot unplug not supported on this machine");
        return false;
    }
    if (dev->realized) {
        qdev_unrealize(dev);
    }
    return true;
}

static bool s390_get_usb(Object *obj, Error **errp)
{
    return false;
}

static void s390_set_usb(Object *obj, bool value, Error **errp)
{
    if (value) {
        error_setg(errp, "the s390-ccw-virtio machine has no USB");
    }
}

/*
 * loadparm: 8 characters for the loader and the guest (Read SCP Info),
 * blank padded; lower case becomes upper case; QEMU's character set and
 * error; characters past the eighth are ignored, as in QEMU.
 */
static char machine_loadparm[9] = "        ";
static bool loadparm_given; /* unset reads as "" (QEMU) */

static void s390_get_loadparm(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    char *text = g_strdup(loadparm_given ? machine_loadparm : "");

    visit_type_str(v, name, &text, errp);
    g_free(text);
}

static void s390_set_loadparm(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    g_autofree char *text = NULL;
    char lp[9] = "        ";

    if (!visit_type_str(v, name, &text, errp)) {
        return;
    }
    for (size_t i = 0; i < 8 && text[i]; i++) {
        unsigned char c = g_ascii_toupper(text[i]);

        if (!g_ascii_isupper(c) && !g_ascii_isdigit(c) && c != '.' &&
            c != ' ') {
            error_setg(errp, "LOADPARM: invalid character '%c' (ASCII 0x%02x)",
                       c, c);
            return;
        }
        lp[i] = c;
    }
    memcpy(machine_loadparm, lp, sizeof(lp));
    loadparm_given = true;
    sclp_set_loadparm(machine_loadparm);
}

/*
 * aes-key-wrap, dea-key-wrap: whether the CPACF wrapping keys exist for
 * protected-key functions. The interpreter has no protected-key CPACF
 * functions, so the choice changes nothing the guest sees (QEMU too
 * honours it only with KVM); accepted and reported.
 */
static bool key_wrap[2] = { true, true };

static bool s390_get_aes_kw(Object *obj, Error **errp)
{
    return key_wrap[0];
}

static void s390_set_aes_kw(Object *obj, bool value, Error **errp)
{
    key_wrap[0] = value;
}

static bool s390_get_dea_kw(Object *obj, Error **errp)
{
    return key_wrap[1];
}

static void s390_set_dea_kw(Object *obj, bool value, Error **errp)
{
    key_wrap[1] = value;
}

static bool s390_get_map_css(Object *obj, Error **errp)
{
    return css_get_map_css();
}

static void s390_set_map_css(Object *obj, bool value, Error **errp)
{
    css_set_map_css(value);
}

static void s390_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    mc->init = s390_machine_init;
    mc->reset = s390_machine_reset;
    mc->get_hotplug_handler = s390_get_hotplug_handler;
    mc->has_hotpluggable_cpus = true;
    mc->default_ram_size = 128 * MiB;
    mc->max_cpus = 248;
    mc->default_ram_id = "s390.ram";
    mc->default_cpu_type = "qemu-s390x-cpu";
    hc->unplug = s390_unplug;

    object_class_property_add_bool(oc, "usb", s390_get_usb, s390_set_usb);
    object_class_property_set_description(
        oc, "usb", "Accepted for compatibility: only 'off' (there is no USB)");
    object_class_property_add_bool(oc, "s390-map-css", s390_get_map_css,
                                   s390_set_map_css);
    object_class_property_set_description(
        oc, "s390-map-css",
        "present pass-through channel devices in the default css");
    object_class_property_add(oc, "loadparm", "loadparm", s390_get_loadparm,
                              s390_set_loadparm, NULL, NULL);
    object_class_property_set_description(
        oc, "loadparm",
        "Up to 8 chars in set of [A-Za-z0-9. ] (lower case chars converted "
        "to upper case) to pass to machine loader, boot manager, and guest "
        "kernel");
    object_class_property_add_bool(oc, "aes-key-wrap", s390_get_aes_kw,
                                   s390_set_aes_kw);
    object_class_property_set_description(
        oc, "aes-key-wrap",
        "enable/disable AES key wrapping using the CPACF wrapping key");
    object_class_property_add_bool(oc, "dea-key-wrap", s390_get_dea_kw,
                                   s390_set_dea_kw);
    object_class_property_set_description(
        oc, "dea-key-wrap",
        "enable/disable DEA key wrapping using the CPACF wrapping key");
}

static void s390_machine_7_2_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->alias = "s390-ccw-virtio";
    mc->desc = "Virtual s390x machine (version 7.2)";
    mc->is_default = true;
}

static void s390_machine_finalize(Object *obj)
{
    S390CcwMachineState *s = S390_CCW_MACHINE(obj);

    Object *owner;

    rom_clear_all();
    if (!s->ram) {
        return;
    }
    memory_region_set_write_notify(s->ram, NULL, NULL);
    memory_region_del_subregion(get_system_memory(), s->ram);
    owner = memory_region_owner(s->ram);
    if (owner != OBJECT(s)) {
        /* a memory backend's region: give the backend back */
        host_memory_backend_set_mapped(MEMORY_BACKEND(owner), false);
        object_unref(owner);
        return;
    }
    memory_region_finalize(s->ram);
    g_free(s->ram);
}

static const TypeInfo s390_machine_types[] = {
    {
        .name = TYPE_S390_CCW_MACHINE,
        .parent = TYPE_MACHINE,
        .abstract = true,
        .instance_size = sizeof(S390CcwMachineState),
        .instance_finalize = s390_machine_finalize,
        .class_size = sizeof(S390CcwMachineClass),
        .class_init = s390_machine_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_HOTPLUG_HANDLER }, {} },
    },
    {
        .name = "s390-ccw-virtio-7.2" TYPE_MACHINE_SUFFIX,
        .parent = TYPE_S390_CCW_MACHINE,
        .class_init = s390_machine_7_2_class_init,
    },
};

static void s390_machine_register_types(void)
{
    type_register_static_array(s390_machine_types,
                               ARRAY_SIZE(s390_machine_types));
}

type_init(s390_machine_register_types)
