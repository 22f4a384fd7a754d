/*
 * Machines: TYPE_MACHINE and its class (one class per board, named
 * "<name>-machine" as QEMU does, e.g. "s390-ccw-virtio-machine").
 *
 * vl.c: mc = find_machine(name) or find_default_machine();
 *       ms = machine_new(mc, errp) (creates /machine with /peripheral,
 *       /peripheral-anon, /unattached); set properties; machine_run_init();
 *       qdev_machine_creation_done() once -device options are processed.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "qemu/osdep.h"
#include "hw/qdev-core.h"

#define TYPE_MACHINE        "machine"
#define TYPE_MACHINE_SUFFIX "-machine"

struct MemoryRegion;

typedef struct MachineState MachineState;
typedef struct MachineClass MachineClass;

struct MachineClass {
    ObjectClass parent_class;

    const char *name; /* -machine name */
    const char *alias;
    const char *desc;
    const char *deprecation_reason;
    bool is_default;
    uint64_t default_ram_size;
    const char *default_ram_id; /* "s390.ram" */
    const char *default_cpu_type;
    int max_cpus;
    bool has_hotpluggable_cpus;
    bool numa_mem_supported;
    bool no_serial; /* no default console (QEMU: the "none" board) */

    /* create RAM and buses; false with errp set when it cannot */
    bool (*init)(MachineState *ms, Error **errp);
    void (*reset)(MachineState *ms);
    /* handler for @dev, overriding its bus's (NULL: use the bus's) */
    HotplugHandler *(*get_hotplug_handler)(MachineState *ms, DeviceState *dev);
};

struct MachineState {
    Object parent_obj;

    uint64_t ram_size;
    bool ram_size_given; /* -m was given */
    uint64_t maxram_size;
    struct MemoryRegion *ram; /* owned by the memory API */
    char *ram_memdev_id;      /* "memory-backend" property */
    unsigned int smp_cpus;
    unsigned int smp_max_cpus; /* -smp maxcpus= (smp_cpus without it) */
    char *cpu_type;
    char *accel; /* the accelerator in use ("tcg", "qtest") */
    bool dump_guest_core;
    char *kernel_filename; /* -kernel */
    char *initrd_filename; /* -initrd */
    char *kernel_cmdline;  /* -append ("" when absent) */
};

static inline MachineState *MACHINE(void *obj)
{
    return OBJECT_CHECK(MachineState, obj, TYPE_MACHINE);
}

static inline MachineClass *MACHINE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(MachineClass, klass, TYPE_MACHINE);
}

static inline MachineClass *MACHINE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(MachineClass, obj, TYPE_MACHINE);
}

/* By name or alias; NULL when none. */
MachineClass *find_machine(const char *name);
MachineClass *find_default_machine(void);
/* Every non-abstract machine class, sorted by name (g_slist_free it). */
GSList *machine_class_list(void);

/*
 * Instantiate @mc as /machine (ram_size and cpu_type from the class
 * defaults) and create its containers. "Machine already exists" when
 * /machine is taken.
 */
MachineState *machine_new(MachineClass *mc, Error **errp);
/* The current machine, or NULL. */
MachineState *current_machine_get(void);
/* Run the board's init. */
bool machine_run_init(MachineState *ms, Error **errp);
/* Board reset hook, then reset of every device on the system bus. */
void machine_reset(MachineState *ms);

/* "-machine help" output on stdout, as QEMU prints it. */
void machine_help_print(void);

#endif
