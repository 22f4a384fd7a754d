/*
 * The s390-ccw-virtio machine.
 */
#ifndef HW_S390X_S390_VIRTIO_CCW_H
#define HW_S390X_S390_VIRTIO_CCW_H

#include "qemu/osdep.h"
#include "hw/boards.h"
#include "exec/memory.h"

#define TYPE_S390_CCW_MACHINE "s390-ccw-machine"

typedef struct S390CcwMachineState {
    MachineState parent_obj;

    MemoryRegion *ram; /* guest RAM at absolute address 0 */
} S390CcwMachineState;

typedef struct S390CcwMachineClass {
    MachineClass parent_class;
} S390CcwMachineClass;

static inline S390CcwMachineState *S390_CCW_MACHINE(void *obj)
{
    return OBJECT_CHECK(S390CcwMachineState, obj, TYPE_S390_CCW_MACHINE);
}

#endif
