/*
 * Unit tests: qdev static properties, parsed types, -global.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "qapi/error.h"

#define TYPE_PROPS_DEV "test-props-dev"
#define TYPE_PROPS_SUB "test-props-sub"

typedef struct PropsDev {
    DeviceState parent_obj;
    bool b;
    uint32_t flags;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    int32_t i32;
    uint64_t sz;
    char *str;
    int mode;
    CssDevId devno;
    int32_t addr;
    PCIHostDeviceAddress host;
} PropsDev;

static const char *const mode_names[] = {"off", "auto", "force", NULL};
static const QEnumLookup mode_lookup = {.array = mode_names};
static const PropertyInfo mode_info =
    QDEV_PROP_ENUM_INFO("TestMode", "off/auto/force", &mode_lookup);

static Property props_dev_props[] = {
    DEFINE_PROP_BOOL("b", PropsDev, b, true),
    DEFINE_PROP_BIT("bit3", PropsDev, flags, 3, false),
    DEFINE_PROP_UINT8("u8", PropsDev, u8, 7),
    DEFINE_PROP_UINT16("u16", PropsDev, u16, 0),
    DEFINE_PROP_UINT32("u32", PropsDev, u32, 42),
    DEFINE_PROP_INT32("i32", PropsDev, i32, -5),
    DEFINE_PROP_SIZE("size", PropsDev, sz, 4096),
    DEFINE_PROP_STRING("str", PropsDev, str),
    DEFINE_PROP_ENUM("mode", PropsDev, mode, 1, mode_info),
    DEFINE_PROP_CSS_DEV_ID("devno", PropsDev, devno),
    DEFINE_PROP_PCI_DEVFN("addr", PropsDev, addr, -1),
    DEFINE_PROP_PCI_HOST_DEVADDR("host", PropsDev, host),
    DEFINE_PROP_END_OF_LIST(),
};

static void props_dev_class_init(ObjectClass *oc, void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), props_dev_props);
}

static const TypeInfo props_types[] = {
    {
        .name = TYPE_PROPS_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(PropsDev),
        .class_init = props_dev_class_init,
    },
    {
        .name = TYPE_PROPS_SUB,
        .parent = TYPE_PROPS_DEV,
        .instance_size = sizeof(PropsDev),
    },
};

DEFINE_TYPES(props_types)

static PropsDev *new_dev(const char *type)
{
    return (PropsDev *)qdev_new(type);
}

static void set_fails(PropsDev *d, const char *name, const char *value,
                      const char *msg)
{
    Error *err = NULL;

    g_assert_false(object_property_parse(OBJECT(d), name, value, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_defaults(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    g_autofree char *mode = NULL;

    g_assert_true(d->b);
    g_assert_cmpuint(d->u8, ==, 7);
    g_assert_cmpuint(d->u32, ==, 42);
    g_assert_cmpint(d->i32, ==, -5);
    g_assert_cmpuint(d->sz, ==, 4096);
    g_assert_cmpint(d->mode, ==, 1);
    g_assert_cmpint(d->addr, ==, -1);
    g_assert_false(d->devno.valid);
    g_assert_null(d->str);
    mode = object_property_get_str(OBJECT(d), "mode", &error_abort);
    g_assert_cmpstr(mode, ==, "auto");
    g_assert_cmpstr(object_property_get_type(OBJECT(d), "u16", &error_abort),
                    ==, "uint16");
    object_unref(OBJECT(d));
}

static void test_scalars(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    object_property_parse(OBJECT(d), "b", "off", &error_abort);
    object_property_parse(OBJECT(d), "bit3", "on", &error_abort);
    object_property_parse(OBJECT(d), "u8", "255", &error_abort);
    object_property_parse(OBJECT(d), "i32", "-7", &error_abort);
    object_property_parse(OBJECT(d), "size", "2M", &error_abort);
    object_property_parse(OBJECT(d), "str", "0.0.1234", &error_abort);
    object_property_parse(OBJECT(d), "mode", "force", &error_abort);
    g_assert_false(d->b);
    g_assert_cmpuint(d->flags, ==, 8);
    g_assert_cmpuint(d->u8, ==, 255);
    g_assert_cmpint(d->i32, ==, -7);
    g_assert_cmpuint(d->sz, ==, 2 * MiB);
    g_assert_cmpstr(d->str, ==, "0.0.1234");
    g_assert_cmpint(d->mode, ==, 2);
    g_assert_false(object_property_get_bool(OBJECT(d), "b", &error_abort));
    g_assert_cmpuint(object_property_get_uint(OBJECT(d), "u8", &error_abort),
                     ==, 255);
    object_unref(OBJECT(d));
}

static void test_ranges(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    set_fails(d, "u8", "256", "Parameter 'u8' expects uint8_t");
    set_fails(d, "u16", "70000", "Parameter 'u16' expects uint16_t");
    set_fails(d, "u16", "-1", "Parameter 'u16' expects uint16_t");
    set_fails(d, "u32", "abc", "Parameter 'u32' expects uint64");
    set_fails(d, "b", "maybe", "Parameter 'b' expects 'on' or 'off'");
    set_fails(d, "nope", "1", "Property 'test-props-dev.nope' not found");
    g_assert_cmpuint(d->u8, ==, 7);
    g_assert_cmpuint(d->u16, ==, 0);
    object_unref(OBJECT(d));
}

static void test_css_devid(void)
{
    CssDevId id;
    g_autofree char *s = NULL;
    static const char *const bad[] = {"xyz",        "0.0.1",      "fe.0.12345",
                                      "fe.0.1234x", "fe.00.1234", "fe..1234",
                                      "100.0.1234", "",           NULL};
    int i;

    g_assert_cmpint(css_dev_id_parse("fe.0.1234", &id), ==, 0);
    g_assert_true(id.valid);
    g_assert_cmpuint(id.cssid, ==, 0xfe);
    g_assert_cmpuint(id.ssid, ==, 0);
    g_assert_cmpuint(id.devid, ==, 0x1234);
    g_assert_cmpint(css_dev_id_parse("FE.3.abCD", &id), ==, 0);
    s = css_dev_id_print(&id);
    g_assert_cmpstr(s, ==, "fe.3.abcd");
    for (i = 0; bad[i]; i++) {
        g_assert_cmpint(css_dev_id_parse(bad[i], &id), ==, -EINVAL);
    }
    id.valid = false;
    g_free(s);
    s = css_dev_id_print(&id);
    g_assert_cmpstr(s, ==, "<unset>");
    css_dev_id_parse("fe.4.0001", &id);
    {
        Error *err = NULL;

        g_assert_false(css_dev_id_check_range(&id, &err));
        g_assert_cmpstr(error_get_pretty(err), ==,
                        "Invalid cssid or ssid: cssid fe, ssid 4");
        error_free(err);
    }
}

static void test_css_devid_prop(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    g_autofree char *s = NULL;

    object_property_parse(OBJECT(d), "devno", "0.0.00a1", &error_abort);
    g_assert_true(d->devno.valid);
    g_assert_cmpuint(d->devno.devid, ==, 0xa1);
    s = object_property_get_str(OBJECT(d), "devno", &error_abort);
    g_assert_cmpstr(s, ==, "0.0.00a1");
    set_fails(d, "devno", "xyz",
              "Property 'test-props-dev.devno' doesn't take value 'xyz'");
    object_unref(OBJECT(d));
}

static void test_pci_devfn(void)
{
    int32_t devfn = 0;
    g_autofree char *s = NULL;
    static const char *const bad[] = {"20.0",  "1f.8", "g", "3.",
                                      "3.0.1", "-1",   "",  NULL};
    int i;

    g_assert_cmpint(pci_devfn_parse("1f.7", &devfn), ==, 0);
    g_assert_cmpint(devfn, ==, 0xff);
    g_assert_cmpint(pci_devfn_parse("06", &devfn), ==, 0);
    g_assert_cmpint(devfn, ==, 0x30);
    g_assert_cmpint(pci_devfn_parse("0x3", &devfn), ==, 0);
    g_assert_cmpint(devfn, ==, 0x18);
    for (i = 0; bad[i]; i++) {
        g_assert_cmpint(pci_devfn_parse(bad[i], &devfn), ==, -EINVAL);
    }
    s = pci_devfn_print(0x31);
    g_assert_cmpstr(s, ==, "06.1");
    g_free(s);
    s = pci_devfn_print(-1);
    g_assert_cmpstr(s, ==, "<unset>");
}

static void test_pci_host_devaddr(void)
{
    PCIHostDeviceAddress a;
    g_autofree char *s = NULL;
    static const char *const bad[] = {
        "1:2:3:4", "10000:00:00.0", "0:100:0.0", "0:0:20.0", "0:0:0.8",
        "zz",      "0:0:0.0x",      "00.1",      "",         NULL};
    int i;

    g_assert_cmpint(pci_host_devaddr_parse("0000:00:1f.3", &a), ==, 0);
    g_assert_cmpuint(a.slot, ==, 0x1f);
    g_assert_cmpuint(a.function, ==, 3);
    g_assert_cmpint(pci_host_devaddr_parse("04:10.0", &a), ==, 0);
    g_assert_cmpuint(a.domain, ==, 0);
    g_assert_cmpuint(a.bus, ==, 4);
    g_assert_cmpuint(a.slot, ==, 0x10);
    s = pci_host_devaddr_print(&a);
    g_assert_cmpstr(s, ==, "0000:04:10.0");
    for (i = 0; bad[i]; i++) {
        g_assert_cmpint(pci_host_devaddr_parse(bad[i], &a), ==, -EINVAL);
    }
}

static void test_set_after_realize(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    qdev_realize(DEVICE(d), NULL, &error_abort);
    set_fails(d, "u32", "1",
              "Attempt to set property 'u32' on anonymous device "
              "(type 'test-props-dev') after it was realized");
    g_assert_cmpuint(d->u32, ==, 42);
    DEVICE(d)->id = g_strdup("dev0");
    set_fails(d, "str", "x",
              "Attempt to set property 'str' on device 'dev0' "
              "(type 'test-props-dev') after it was realized");
    object_unparent(OBJECT(d));
    object_unref(OBJECT(d));
}

static void test_globals(void)
{
    PropsDev *d;
    Error *err = NULL;

    qdev_prop_reset_globals();
    g_assert_true(qdev_global_parse("test-props-dev.u32=7", &error_abort));
    g_assert_true(qdev_global_parse("driver=test-props-sub,property=u32,"
                                    "value=9",
                                    &error_abort));
    g_assert_true(qdev_global_parse("test-props-sub.str=a,,b", &error_abort));
    d = new_dev(TYPE_PROPS_DEV);
    g_assert_cmpuint(d->u32, ==, 7);
    object_unref(OBJECT(d));
    d = new_dev(TYPE_PROPS_SUB);
    g_assert_cmpuint(d->u32, ==, 9);     /* later registration wins */
    g_assert_cmpstr(d->str, ==, "a,,b"); /* dotted form: value verbatim */
    object_unref(OBJECT(d));

    g_assert_false(qdev_global_parse("mq=on", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'mq'");
    error_free(err);
    err = NULL;

    g_assert_true(qdev_global_parse("test-props-dev.u8=300", &error_abort));
    d = new_dev(TYPE_PROPS_DEV);
    g_assert_false(qdev_realize(DEVICE(d), NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "can't apply global test-props-dev.u8=300: "
                    "Parameter 'u8' expects uint8_t");
    error_free(err);
    object_unref(OBJECT(d));

    qdev_prop_register_global("no-such-dev", "x", "1");
    g_assert_cmpint(qdev_prop_check_globals(), ==, 1);
    qdev_prop_reset_globals();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/props/defaults", test_defaults);
    g_test_add_func("/qdev/props/scalars", test_scalars);
    g_test_add_func("/qdev/props/ranges", test_ranges);
    g_test_add_func("/qdev/props/css-devid", test_css_devid);
    g_test_add_func("/qdev/props/css-devid-prop", test_css_devid_prop);
    g_test_add_func("/qdev/props/pci-devfn", test_pci_devfn);
    g_test_add_func("/qdev/props/pci-host-devaddr", test_pci_host_devaddr);
    g_test_add_func("/qdev/props/set-after-realize", test_set_after_realize);
    g_test_add_func("/qdev/props/globals", test_globals);
    return g_test_run();
}
