/*
 * The accelerators as QOM types ("accel" and "<name>-accel"), so that
 * qom-list-types answers as QEMU's does. The choice itself is made by
 * vl_configure_accelerator(); these classes carry no behaviour yet.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qemu/module.h"

#define TYPE_ACCEL "accel"

static const TypeInfo accel_types[] = {
    { .name = TYPE_ACCEL, .parent = TYPE_OBJECT, .abstract = true },
    { .name = "tcg-" TYPE_ACCEL, .parent = TYPE_ACCEL },
    { .name = "qtest-" TYPE_ACCEL, .parent = TYPE_ACCEL },
    { .name = "kvm-" TYPE_ACCEL, .parent = TYPE_ACCEL },
};

DEFINE_TYPES(accel_types)
