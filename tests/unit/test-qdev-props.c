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
    uint64_t flags64;
    int64_t i64;
    uint64_t u64;
    Object *peer;
} PropsDev;

static const char *const mode_names[] = { "off", "auto", "force", NULL };
static const QEnumLookup mode_lookup = { .array = mode_names };
static const PropertyInfo mode_info = QDEV_PROP_ENUM_INFO("TestMode",
                                                          "off/auto/force",
                                                          &mode_lookup);

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
    DEFINE_PROP_BIT64("bit40", PropsDev, flags64, 40, true),
    DEFINE_PROP_BIT("bit0", PropsDev, flags, 0, false),
    DEFINE_PROP_INT64("i64", PropsDev, i64, INT64_MIN),
    DEFINE_PROP_UINT64("u64", PropsDev, u64, UINT64_MAX),
    DEFINE_PROP_LINK("peer", PropsDev, peer, TYPE_PROPS_DEV, Object *),
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
    static const char *const bad[] = { "xyz",        "0.0.1",      "fe.0.12345",
                                       "fe.0.1234x", "fe.00.1234", "fe..1234",
                                       "100.0.1234", "",           NULL };
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
    static const char *const bad[] = { "20.0",  "1f.8", "g", "3.",
                                       "3.0.1", "-1",   "",  NULL };
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
    static const char *const bad[] = { "1:2:3:4",  "10000:00:00.0", "0:100:0.0",
                                       "0:0:20.0", "0:0:0.8",       "zz",
                                       "0:0:0.0x", "00.1",          "",
                                       NULL };
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
    set_fails(
        d, "u32", "1",
        "Attempt to set property 'u32' on anonymous device (type 'test-props-dev') after it was realized");
    g_assert_cmpuint(d->u32, ==, 42);
    DEVICE(d)->id = g_strdup("dev0");
    set_fails(
        d, "str", "x",
        "Attempt to set property 'str' on device 'dev0' (type 'test-props-dev') after it was realized");
    object_unparent(OBJECT(d));
    object_unref(OBJECT(d));
}

static void test_globals(void)
{
    PropsDev *d;
    Error *err = NULL;

    qdev_prop_reset_globals();
    g_assert_true(qdev_global_parse("test-props-dev.u32=7", &error_abort));
    g_assert_true(
        qdev_global_parse("driver=test-props-sub,property=u32,value=9",
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
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "can't apply global test-props-dev.u8=300: Parameter 'u8' expects uint8_t");
    error_free(err);
    object_unref(OBJECT(d));

    qdev_prop_register_global("no-such-dev", "x", "1");
    g_assert_cmpint(qdev_prop_check_globals(), ==, 1);
    qdev_prop_reset_globals();
}

static void test_bits(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    /* defaults: bit0 and bit3 off in one word; bit40 on in the other */
    g_assert_cmphex(d->flags, ==, 0);
    g_assert_cmphex(d->flags64, ==, UINT64_C(1) << 40);
    object_property_parse(OBJECT(d), "bit0", "on", &error_abort);
    g_assert_cmphex(d->flags, ==, 1);
    object_property_parse(OBJECT(d), "bit3", "on", &error_abort);
    g_assert_cmphex(d->flags, ==, 9);
    object_property_parse(OBJECT(d), "bit0", "off", &error_abort);
    g_assert_cmphex(d->flags, ==, 8);
    d->flags64 |= 1;
    object_property_parse(OBJECT(d), "bit40", "off", &error_abort);
    g_assert_cmphex(d->flags64, ==, 1);
    g_assert_false(object_property_get_bool(OBJECT(d), "bit40", &error_abort));
    d->flags64 = UINT64_MAX;
    g_assert_true(object_property_get_bool(OBJECT(d), "bit40", &error_abort));
    g_assert_true(object_property_get_bool(OBJECT(d), "bit3", &error_abort));
    set_fails(d, "bit40", "2", "Parameter 'bit40' expects 'on' or 'off'");
    g_assert_cmphex(d->flags64, ==, UINT64_MAX);
    g_assert_cmpstr(object_property_get_type(OBJECT(d), "bit40", &error_abort),
                    ==, "bool");
    object_unref(OBJECT(d));
}

static void test_wide_integers(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    g_assert_cmpint(d->i64, ==, INT64_MIN);
    g_assert_cmpuint(d->u64, ==, UINT64_MAX);
    object_property_parse(OBJECT(d), "i64", "-9223372036854775807",
                          &error_abort);
    g_assert_cmpint(d->i64, ==, -INT64_MAX);
    object_property_parse(OBJECT(d), "u64", "18446744073709551614",
                          &error_abort);
    g_assert_cmpuint(d->u64, ==, UINT64_MAX - 1);
    object_property_set_int(OBJECT(d), "i32", INT32_MIN, &error_abort);
    g_assert_cmpint(d->i32, ==, INT32_MIN);
    g_assert_cmpint(object_property_get_int(OBJECT(d), "i32", &error_abort), ==,
                    INT32_MIN);
    set_fails(d, "i32", "2147483648", "Parameter 'i32' expects int32_t");
    set_fails(d, "i32", "-2147483649", "Parameter 'i32' expects int32_t");
    set_fails(d, "i64", "x", "Parameter 'i64' expects int64");
    g_assert_false(object_property_parse(OBJECT(d), "size", "1Q", NULL));
    g_assert_cmpint(d->i32, ==, INT32_MIN);
    g_assert_cmpuint(d->sz, ==, 4096);
    object_property_parse(OBJECT(d), "u16", "65535", &error_abort);
    g_assert_cmpuint(d->u16, ==, 65535);
    object_property_set_uint(OBJECT(d), "u32", UINT32_MAX, &error_abort);
    g_assert_cmpuint(d->u32, ==, UINT32_MAX);
    g_assert_cmpstr(object_property_get_type(OBJECT(d), "size", &error_abort),
                    ==, "size");
    g_assert_cmpstr(object_property_get_type(OBJECT(d), "i64", &error_abort),
                    ==, "int64");
    object_unref(OBJECT(d));
}

static void test_enum(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    g_autofree char *mode = NULL;

    set_fails(d, "mode", "bogus",
              "Parameter 'mode' does not accept value 'bogus'");
    set_fails(d, "mode", "", "Parameter 'mode' does not accept value ''");
    g_assert_cmpint(d->mode, ==, 1);
    object_property_parse(OBJECT(d), "mode", "off", &error_abort);
    g_assert_cmpint(d->mode, ==, 0);
    d->mode = 2;
    mode = object_property_get_str(OBJECT(d), "mode", &error_abort);
    g_assert_cmpstr(mode, ==, "force");
    g_assert_cmpstr(object_property_get_type(OBJECT(d), "mode", &error_abort),
                    ==, "TestMode");
    object_unref(OBJECT(d));
}

static void test_strings(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    g_autofree char *empty = NULL;
    g_autofree char *back = NULL;

    /* an unset string reads as "" */
    empty = object_property_get_str(OBJECT(d), "str", &error_abort);
    g_assert_cmpstr(empty, ==, "");
    object_property_set_str(OBJECT(d), "str", "one", &error_abort);
    object_property_set_str(OBJECT(d), "str", "two", &error_abort);
    g_assert_cmpstr(d->str, ==, "two");
    back = object_property_get_str(OBJECT(d), "str", &error_abort);
    g_assert_cmpstr(back, ==, "two");
    qdev_prop_set_string(DEVICE(d), "str", "three");
    g_assert_cmpstr(d->str, ==, "three");
    object_unref(OBJECT(d));
}

static void test_programmatic(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    qdev_prop_set_bit(DEVICE(d), "bit3", true);
    qdev_prop_set_uint8(DEVICE(d), "u8", 200);
    qdev_prop_set_uint16(DEVICE(d), "u16", 0xbeef);
    qdev_prop_set_uint32(DEVICE(d), "u32", 0xdeadbeef);
    qdev_prop_set_int32(DEVICE(d), "i32", -100);
    qdev_prop_set_uint64(DEVICE(d), "u64", UINT64_C(1) << 63);
    g_assert_cmphex(d->flags, ==, 8);
    g_assert_cmpuint(d->u8, ==, 200);
    g_assert_cmphex(d->u16, ==, 0xbeef);
    g_assert_cmphex(d->u32, ==, 0xdeadbeef);
    g_assert_cmpint(d->i32, ==, -100);
    g_assert_cmphex(d->u64, ==, UINT64_C(1) << 63);
    object_unref(OBJECT(d));
}

static void test_static_lookup(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_SUB);
    const Property *p = qdev_find_static_prop(DEVICE(d), "u16");

    g_assert_nonnull(p);
    g_assert_cmpstr(p->name, ==, "u16");
    g_assert_true(p->info == &qdev_prop_uint16);
    g_assert_true(object_field_prop_ptr(OBJECT(d), p) == (void *)&d->u16);
    g_assert_null(qdev_find_static_prop(DEVICE(d), "nope"));
    object_unref(OBJECT(d));
}

static void check_prop_error(int ret, const char *msg)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    Error *err = NULL;

    qdev_prop_error(&err, ret, OBJECT(d), "devno", "0.0.0001");
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    object_unref(OBJECT(d));
}

static void test_prop_error(void)
{
    check_prop_error(
        -EEXIST,
        "Property 'test-props-dev.devno' can't take value '0.0.0001', it's in use");
    check_prop_error(
        -ENOENT, "Property 'test-props-dev.devno' can't find value '0.0.0001'");
    check_prop_error(
        -EINVAL,
        "Property 'test-props-dev.devno' doesn't take value '0.0.0001'");
    check_prop_error(
        -E2BIG,
        "Property 'test-props-dev.devno' doesn't take value '0.0.0001'");
}

static void test_devfn_prop(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);

    object_property_parse(OBJECT(d), "addr", "06.1", &error_abort);
    g_assert_cmpint(d->addr, ==, 0x31);
    g_assert_cmpint(object_property_get_int(OBJECT(d), "addr", &error_abort),
                    ==, 0x31);
    object_property_parse(OBJECT(d), "addr", "1f", &error_abort);
    g_assert_cmpint(d->addr, ==, 0xf8);
    /* an integer is taken as the devfn itself */
    object_property_set_int(OBJECT(d), "addr", 255, &error_abort);
    g_assert_cmpint(d->addr, ==, 255);
    object_property_set_int(OBJECT(d), "addr", -1, &error_abort);
    g_assert_cmpint(d->addr, ==, -1);
    {
        Error *err = NULL;

        g_assert_false(object_property_set_int(OBJECT(d), "addr", 256, &err));
        g_assert_cmpstr(error_get_pretty(err), ==,
                        "Parameter 'addr' expects a value between -1 and 255");
        error_free(err);
    }
    set_fails(d, "addr", "1f.8",
              "Property 'test-props-dev.addr' doesn't take value '1f.8'");
    set_fails(d, "addr", "20",
              "Property 'test-props-dev.addr' doesn't take value '20'");
    g_assert_cmpint(d->addr, ==, -1);
    object_unref(OBJECT(d));
}

static void test_devno_and_host_prop(void)
{
    PropsDev *d = new_dev(TYPE_PROPS_DEV);
    g_autofree char *devno = NULL;
    g_autofree char *host = NULL;

    /* the syntax allows an ssid the channel subsystem refuses later */
    object_property_parse(OBJECT(d), "devno", "ff.3.FFFF", &error_abort);
    g_assert_cmpuint(d->devno.cssid, ==, 0xff);
    g_assert_cmpuint(d->devno.ssid, ==, 3);
    g_assert_cmphex(d->devno.devid, ==, 0xffff);
    devno = object_property_get_str(OBJECT(d), "devno", &error_abort);
    g_assert_cmpstr(devno, ==, "ff.3.ffff");
    set_fails(d, "devno", "fe.0.123",
              "Property 'test-props-dev.devno' doesn't take value 'fe.0.123'");
    set_fails(d, "devno", "fe.0.1234.",
              "Property 'test-props-dev.devno' doesn't take value 'fe.0.1234.'");
    g_assert_cmphex(d->devno.devid, ==, 0xffff);

    object_property_parse(OBJECT(d), "host", "0001:02:03.4", &error_abort);
    host = object_property_get_str(OBJECT(d), "host", &error_abort);
    g_assert_cmpstr(host, ==, "0001:02:03.4");
    set_fails(d, "host", "0:0:0.8",
              "Property 'test-props-dev.host' doesn't take value '0:0:0.8'");
    g_assert_cmpuint(d->host.function, ==, 4);
    object_unref(OBJECT(d));
}

static void test_link(void)
{
    PropsDev *a = new_dev(TYPE_PROPS_DEV);
    PropsDev *b = new_dev(TYPE_PROPS_DEV);
    Error *err = NULL;

    object_property_add_child(object_get_root(), "link-b", OBJECT(b));
    object_property_set_str(OBJECT(a), "peer", "/link-b", &error_abort);
    g_assert_true(a->peer == OBJECT(b));
    g_assert_true(object_property_get_link(OBJECT(a), "peer", &error_abort) ==
                  OBJECT(b));
    qdev_realize(DEVICE(a), NULL, &error_abort);
    g_assert_false(object_property_set_str(OBJECT(a), "peer", "", &err));
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "Attempt to set link property 'peer' on device '<anonymous>' (type 'test-props-dev') after it was "
        "realized");
    error_free(err);
    g_assert_true(a->peer == OBJECT(b));
    object_unparent(OBJECT(a));
    object_unref(OBJECT(a));
    object_unparent(OBJECT(b));
    object_unref(OBJECT(b));
}

static void test_globals_more(void)
{
    PropsDev *d;
    Error *err = NULL;

    qdev_prop_reset_globals();
    /* a property the device lacks */
    g_assert_true(qdev_global_parse("test-props-dev.nope=1", &error_abort));
    d = new_dev(TYPE_PROPS_DEV);
    g_assert_false(qdev_realize(DEVICE(d), NULL, &err));
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "can't apply global test-props-dev.nope=1: Property 'test-props-dev.nope' not found");
    error_free(err);
    err = NULL;
    object_unref(OBJECT(d));
    qdev_prop_reset_globals();

    /* keyval form: every key is required, unknown ones are refused */
    g_assert_false(
        qdev_global_parse("driver=test-props-dev,property=u8", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Parameter 'value' is missing");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_global_parse("driver=a,prop=b,value=c", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'prop'");
    error_free(err);
    err = NULL;

    /* a bit and an enum through -global; used globals do not warn */
    g_assert_true(qdev_global_parse("test-props-dev.bit40=off", &error_abort));
    g_assert_true(qdev_global_parse("test-props-sub.mode=off", &error_abort));
    d = new_dev(TYPE_PROPS_SUB);
    g_assert_cmphex(d->flags64, ==, 0);
    g_assert_cmpint(d->mode, ==, 0);
    object_unref(OBJECT(d));
    g_assert_cmpint(qdev_prop_check_globals(), ==, 0);
    /* a type that does not exist, and one that is no device: warned */
    g_assert_true(qdev_global_parse("test-props-dev2.u8=1", &error_abort));
    qdev_prop_register_global("container", "x", "1");
    g_assert_cmpint(qdev_prop_check_globals(), ==, 1 + 1);
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
    g_test_add_func("/qdev/props/bits", test_bits);
    g_test_add_func("/qdev/props/wide-integers", test_wide_integers);
    g_test_add_func("/qdev/props/enum", test_enum);
    g_test_add_func("/qdev/props/strings", test_strings);
    g_test_add_func("/qdev/props/programmatic", test_programmatic);
    g_test_add_func("/qdev/props/static-lookup", test_static_lookup);
    g_test_add_func("/qdev/props/prop-error", test_prop_error);
    g_test_add_func("/qdev/props/devfn-prop", test_devfn_prop);
    g_test_add_func("/qdev/props/devno-host-prop", test_devno_and_host_prop);
    g_test_add_func("/qdev/props/link", test_link);
    g_test_add_func("/qdev/props/globals-more", test_globals_more);
    return g_test_run();
}
