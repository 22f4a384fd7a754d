/*
 * diag288 (wdt-diag288.h): a bus-less, property-less device holding one
 * timer on the virtual clock, so it stands still while the VM is
 * stopped. DIAG 0x288 init arms it with a timeout in seconds, change
 * re-arms an armed one, cancel disarms it. When it expires the watchdog
 * action is performed (sysemu/watchdog.h); for the actions that tell
 * the guest (all but debug, none and pause) it is disarmed first, as in
 * QEMU, else it stays armed with its time passed. A system reset
 * disarms it.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/watchdog/wdt-diag288.h"
#include "qemu/timer.h"
#include "sysemu/runstate.h"
#include "sysemu/watchdog.h"

typedef struct Diag288State {
    DeviceState parent_obj;
    QEMUTimer *timer;
    bool enabled;
} Diag288State;

static inline Diag288State *DIAG288(void *obj)
{
    return OBJECT_CHECK(Diag288State, obj, TYPE_WDT_DIAG288);
}

/* a longer timeout is as good as never (and keeps the clock in range) */
#define DIAG288_MAX_TIMEOUT_S (UINT64_C(1) << 32)

/* the realized devices: DIAG 0x288 needs exactly one */
static GPtrArray *diag288_devs;

static void diag288_disarm(Diag288State *s)
{
    s->enabled = false;
    timer_del(s->timer);
}

static void diag288_system_reset(void *opaque)
{
    diag288_disarm(opaque);
}

static void diag288_expired(void *opaque)
{
    Diag288State *s = opaque;

    switch (watchdog_get_action()) {
    case WATCHDOG_ACTION_DEBUG:
    case WATCHDOG_ACTION_NONE:
    case WATCHDOG_ACTION_PAUSE:
        break;
    default:
        diag288_disarm(s);
        break;
    }
    watchdog_perform_action();
}

int diag288_handle_timer(uint64_t func, uint64_t timeout_s)
{
    Diag288State *s;

    if (!diag288_devs || diag288_devs->len != 1) {
        return -1;
    }
    s = g_ptr_array_index(diag288_devs, 0);
    switch (func) {
    case DIAG288_FN_INIT:
        s->enabled = true;
        /* fall through */
    case DIAG288_FN_CHANGE:
        if (!s->enabled) {
            return -1;
        }
        timeout_s = MIN(timeout_s, DIAG288_MAX_TIMEOUT_S);
        timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                                (int64_t)timeout_s * NANOSECONDS_PER_SECOND);
        return 0;
    case DIAG288_FN_CANCEL:
        if (!s->enabled) {
            return -1;
        }
        diag288_disarm(s);
        return 0;
    default:
        return -1;
    }
}

static bool diag288_realize(DeviceState *dev, Error **errp)
{
    Diag288State *s = DIAG288(dev);

    if (!diag288_devs) {
        diag288_devs = g_ptr_array_new();
    }
    g_ptr_array_add(diag288_devs, s);
    qemu_register_reset(diag288_system_reset, s);
    return true;
}

static void diag288_unrealize(DeviceState *dev)
{
    Diag288State *s = DIAG288(dev);

    diag288_disarm(s);
    qemu_unregister_reset(diag288_system_reset, s);
    g_ptr_array_remove(diag288_devs, s);
}

static void diag288_instance_init(Object *obj)
{
    Diag288State *s = DIAG288(obj);

    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, diag288_expired, s);
}

static void diag288_instance_finalize(Object *obj)
{
    timer_free(DIAG288(obj)->timer);
}

static void diag288_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "s390x watchdog driven by DIAGNOSE 0x288";
    dc->categories |= 1UL << DEVICE_CATEGORY_WATCHDOG;
    dc->user_creatable = true;
    dc->hotpluggable = false;
    dc->realize = diag288_realize;
    dc->unrealize = diag288_unrealize;
}

static const TypeInfo diag288_types[] = {
    {
        .name = TYPE_WDT_DIAG288,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(Diag288State),
        .instance_init = diag288_instance_init,
        .instance_finalize = diag288_instance_finalize,
        .class_init = diag288_class_init,
    },
};

DEFINE_TYPES(diag288_types)
