/*
 * The interpreter's CPUs as QOM devices, so that QMP can name them as
 * QEMU does: the abstract type "s390x-cpu" and the models' types
 * ("qemu-s390x-cpu", "max-s390x-cpu"), each with the property "core-id"
 * (the CPU address) and the read-only "x-insns", the guest instructions
 * the CPU has executed (what tests/bench counts guest instructions/s by;
 * 0 without -accel tcg). The machine creates one per configured
 * CPU before its other devices, so they are
 * /machine/unattached/device[0..n-1] as in QEMU. They hold no state of
 * their own: the CPU is the S390MachCpu of the same index (cpus.c).
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "target/s390x/cpus.h"
#include "target/s390x/cpu-state.h"
#include "qapi/visitor.h"

#define TYPE_S390_CPU "s390x-cpu"

typedef struct S390CpuDev {
    DeviceState parent_obj;
    uint32_t core_id;
} S390CpuDev;

static DeviceState **cpu_devs;
static unsigned cpu_dev_count;

static Property s390_cpu_dev_props[] = {
    DEFINE_PROP_UINT32("core-id", S390CpuDev, core_id, 0),
    DEFINE_PROP_END_OF_LIST(),
};

bool s390_cpus_qom_create(const char *type, unsigned n, Error **errp)
{
    cpu_devs = g_new0(DeviceState *, n);
    for (unsigned i = 0; i < n; i++) {
        DeviceState *dev = qdev_try_new(type);

        if (!dev) {
            error_setg(errp, "unable to find CPU model '%s'", type);
            return false;
        }
        ((S390CpuDev *)dev)->core_id = i;
        if (!qdev_realize_and_unref(dev, NULL, errp)) {
            return false;
        }
        cpu_devs[i] = dev;
        cpu_dev_count = i + 1;
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
    /* created by the machine only: no CPU hot-plug */
    dc->user_creatable = false;
    dc->hotpluggable = false;
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
