/*
 * testdev: a device with one static property of each kind, a realize
 * that can be made to fail, and a hot-unplug that can be made to take
 * virtual time.  It lets the tests exercise -device, device_add,
 * device_del, qom-get/qom-set and -global before real devices exist.
 */
#include "qemu/osdep.h"
#include "hw/misc/testdev.h"
#include "hw/hotplug.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"

static Property testdev_props[] = {
    DEFINE_PROP_BOOL("flag", TestDevState, flag, false),
    DEFINE_PROP_UINT8("u8", TestDevState, u8, 0),
    DEFINE_PROP_UINT32("u32", TestDevState, u32, 7),
    DEFINE_PROP_INT32("i32", TestDevState, i32, 0),
    DEFINE_PROP_SIZE("size", TestDevState, size, 0),
    DEFINE_PROP_STRING("label", TestDevState, label),
    DEFINE_PROP_ON_OFF_AUTO("mode", TestDevState, mode, ON_OFF_AUTO_AUTO),
    DEFINE_PROP_CSS_DEV_ID("devno", TestDevState, devno),
    DEFINE_PROP_PCI_DEVFN("addr", TestDevState, addr, -1),
    DEFINE_PROP_BOOL("fail-realize", TestDevState, fail_realize, false),
    DEFINE_PROP_UINT64("unplug-delay-ns", TestDevState, unplug_delay_ns, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static bool testdev_realize(DeviceState *dev, Error **errp)
{
    TestDevState *s = TESTDEV(dev);

    s->realize_count++;
    if (s->fail_realize) {
        error_setg(errp, "testdev: realize failed on request");
        return false;
    }
    return true;
}

static void testdev_unrealize(DeviceState *dev)
{
    TestDevState *s = TESTDEV(dev);

    timer_del(s->unplug_timer);
}

/* ---- hot-plug: testdev is its own handler ---- */

static bool testdev_hp_unplug(HotplugHandler *hh, DeviceState *dev,
                              Error **errp)
{
    if (dev->realized) {
        qdev_unrealize(dev);
    }
    return true;
}

/* Finish an unplug request: what the guest's acknowledgement would do. */
static void testdev_unplug_complete(void *opaque)
{
    DeviceState *dev = opaque;

    hotplug_handler_unplug(HOTPLUG_HANDLER(dev), dev, NULL);
    object_unparent(OBJECT(dev));
}

static bool testdev_hp_unplug_request(HotplugHandler *hh, DeviceState *dev,
                                      Error **errp)
{
    TestDevState *s = TESTDEV(dev);

    if (!s->unplug_delay_ns) {
        testdev_unplug_complete(dev);
        return true;
    }
    if (timer_pending(s->unplug_timer)) {
        error_setg(errp, "Device '%s' is already in the process of unplug",
                   dev->id ? dev->id : "");
        return false;
    }
    timer_mod_in_ns(s->unplug_timer, s->unplug_delay_ns);
    return true;
}

/* ---- QOM ---- */

static void testdev_get_realize_count(Object *obj, Visitor *v, const char *name,
                                      void *opaque, Error **errp)
{
    uint32_t count = TESTDEV(obj)->realize_count;

    visit_type_uint32(v, name, &count, errp);
}

static void testdev_instance_init(Object *obj)
{
    TestDevState *s = TESTDEV(obj);

    s->unplug_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, testdev_unplug_complete,
                                   s);
}

static void testdev_instance_finalize(Object *obj)
{
    timer_free(TESTDEV(obj)->unplug_timer);
}

static void testdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(klass);

    dc->desc =
        "test device: typed properties and hot-plug, for functional tests";
    dc->categories |= 1UL << DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    dc->realize = testdev_realize;
    dc->unrealize = testdev_unrealize;
    device_class_set_props(dc, testdev_props);

    object_class_property_add(klass, "realize-count", "uint32",
                              testdev_get_realize_count, NULL, NULL, NULL);
    object_class_property_set_description(
        klass, "realize-count", "how many times realize ran (read-only)");

    hc->unplug_request = testdev_hp_unplug_request;
    hc->unplug = testdev_hp_unplug;
}

static const TypeInfo testdev_types[] = {
    {
        .name = TYPE_TESTDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestDevState),
        .instance_init = testdev_instance_init,
        .instance_finalize = testdev_instance_finalize,
        .class_init = testdev_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_HOTPLUG_HANDLER }, { NULL } },
    },
};

DEFINE_TYPES(testdev_types)
