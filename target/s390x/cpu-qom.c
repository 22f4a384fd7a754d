/*
 * The interpreter's CPUs as QOM devices, so that QMP can name them as
 * QEMU does: the abstract type "s390x-cpu" and the models' types
 * ("qemu-s390x-cpu", "max-s390x-cpu"), each with the property "core-id"
 * (the CPU address) and the read-only "x-insns", the guest instructions
 * the CPU has executed (what tests/bench counts guest instructions/s by;
 * 0 without -accel tcg). The machine creates one per configured
 * CPU before its other devices, so they are
 * /machine/unattached/device[0..n-1] as in QEMU; -device and device_add
 * add more, up to -smp maxcpus, in core-id order. They hold no state of
 * their own: the CPU is the S390MachCpu of the same index (cpus.c).
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "target/s390x/cpus.h"
#include "target/s390x/cpu-state.h"
#include "qapi/visitor.h"
#include "hw/boards.h"
#include "hw/s390x/sclp.h"

#define TYPE_S390_CPU "s390x-cpu"

typedef struct S390CpuDev {
    DeviceState parent_obj;
    uint32_t core_id;
} S390CpuDev;

static DeviceState **cpu_devs;
static unsigned cpu_dev_count;
static unsigned cpu_dev_max;
static bool creating; /* the machine's own CPUs are being created */

static Property s390_cpu_dev_props[] = {
    DEFINE_PROP_UINT32("core-id", S390CpuDev, core_id, 0),
    DEFINE_PROP_END_OF_LIST(),
};

bool s390_cpus_qom_create(const char *type, unsigned n, unsigned max,
                          Error **errp)
{
    bool ok = true;

    cpu_dev_max = MAX(n, max);
    cpu_devs = g_new0(DeviceState *, cpu_dev_max);
    creating = true;
    for (unsigned i = 0; i < n && ok; i++) {
        DeviceState *dev = qdev_try_new(type);

        if (!dev) {
            error_setg(errp, "unable to find CPU model '%s'", type);
            ok = false;
            break;
        }
        ((S390CpuDev *)dev)->core_id = i;
        ok = qdev_realize_and_unref(dev, NULL, errp);
        if (ok) {
            cpu_devs[i] = dev;
            cpu_dev_count = i + 1;
        }
    }
    creating = false;
    return ok;
}

/*
 * A CPU from -device or device_add (virsh setvcpus --live): QEMU 7.2's
 * checks, then the interpreter's CPU of that address; the guest hears of
 * a hot-plugged one through the SCLP's CPU-configuration event.
 */
static bool s390_cpu_dev_realize(DeviceState *dev, Error **errp)
{
    S390CpuDev *c = (S390CpuDev *)dev;
    MachineState *ms = current_machine_get();

    if (creating) {
        return true;
    }
    if (c->core_id >= cpu_dev_max) {
        error_setg(errp,
                   "Unable to add CPU with core-id: %" PRIu32
                   ", maximum core-id: %u",
                   c->core_id, cpu_dev_max ? cpu_dev_max - 1 : 0);
        return false;
    }
    if (c->core_id < cpu_dev_count) {
        error_setg(errp,
                   "Unable to add CPU with core-id: %" PRIu32
                   ", it already exists",
                   c->core_id);
        return false;
    }
    if (!s390_cpus_plug(c->core_id, errp)) {
        return false;
    }
    cpu_devs[c->core_id] = dev;
    cpu_dev_count = c->core_id + 1;
    if (ms) {
        ms->smp_cpus = cpu_dev_count; /* Read CPU Info's count */
    }
    if (dev->hotplugged) {
        sclp_cpu_hotplug_event();
    }
    return true;
}

char *s390_cpus_qom_path(unsigned i)
{
    return i < cpu_dev_count ? object_get_canonical_path(OBJECT(cpu_devs[i]))
                             : NULL;
}

static void s390_cpu_dev_get_insns(Object *obj, Visitor *v, const char *name,
                                   void *opaque, Error **errp)
{
    S390MachCpu *c = s390_cpus_get(((S390CpuDev *)obj)->core_id);
    uint64_t n = c ? c->cpu.icount : 0;

    visit_type_uint64(v, name, &n, errp);
}

static void s390_cpu_dev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "s390x CPU of the interpreter";
    dc->categories |= 1UL << DEVICE_CATEGORY_CPU;
    /* hot-plug (device_add with core-id=), no unplug (as QEMU) */
    dc->user_creatable = true;
    dc->hotpluggable = true;
    dc->realize = s390_cpu_dev_realize;
    device_class_set_props(dc, s390_cpu_dev_props);
    object_class_property_add(klass, "x-insns", "uint64",
                              s390_cpu_dev_get_insns, NULL, NULL, NULL);
}

static const TypeInfo s390_cpu_dev_types[] = {
    {
        .name = TYPE_S390_CPU,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(S390CpuDev),
        .class_init = s390_cpu_dev_class_init,
    },
    { .name = "qemu-" TYPE_S390_CPU, .parent = TYPE_S390_CPU },
    { .name = "max-" TYPE_S390_CPU, .parent = TYPE_S390_CPU },
};

DEFINE_TYPES(s390_cpu_dev_types)
