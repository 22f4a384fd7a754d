/*
 * testdev: a bus-less, user-creatable, hot-pluggable device that exists
 * only so that the device lifecycle (typed properties, -device,
 * device_add, device_del, DEVICE_DELETED) can be tested on its own.
 * See docs/system/s390x/testdev.rst.
 *
 * testdev handles its own hot-plug (it implements TYPE_HOTPLUG_HANDLER):
 * the machine's get_hotplug_handler returns the device itself for a
 * bus-less device that implements the interface.
 */
#ifndef HW_MISC_TESTDEV_H
#define HW_MISC_TESTDEV_H

#include "hw/qdev-core.h"
#include "hw/qdev-properties-system.h"
#include "qemu/timer.h"

#define TYPE_TESTDEV "testdev"

typedef struct TestDevState {
    DeviceState parent_obj;

    /* static properties */
    bool flag;
    uint8_t u8;
    uint32_t u32;
    int32_t i32;
    uint64_t size;
    char *label;
    int mode; /* OnOffAuto */
    CssDevId devno;
    int32_t addr; /* PCI devfn, -1: unset */
    bool fail_realize;
    uint64_t unplug_delay_ns;

    /* state */
    uint32_t realize_count;
    QEMUTimer *unplug_timer; /* pending asynchronous unplug */
} TestDevState;

static inline TestDevState *TESTDEV(void *obj)
{
    return OBJECT_CHECK(TestDevState, obj, TYPE_TESTDEV);
}

#endif
