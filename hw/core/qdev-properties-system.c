/*
 * Parsed property types: css device id, PCI devfn, host PCI address.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties-system.h"
#include "qapi/error.h"
#include "qapi/visitor.h"

/* Read 1..@max hex digits at *p (advancing it); false when none. */
static bool hex_run(const char **p, int max, unsigned int *out)
{
    unsigned int v = 0;
    int n = 0;

    while (n < max && g_ascii_isxdigit((*p)[n])) {
        v = v * 16 + g_ascii_xdigit_value((*p)[n]);
        n++;
    }
    if (!n || g_ascii_isxdigit((*p)[n])) {
        return false;
    }
    *p += n;
    *out = v;
    return true;
}

/*
 * A field written and read as text: @parse fills a scratch copy of the
 * field (0 or -EINVAL), @print renders the field (g_free'd).
 */
typedef struct TextCodec {
    size_t size;
    int (*parse)(const char *text, void *field);
    char *(*print)(const void *field);
} TextCodec;

static void text_field_access(Object *obj, Visitor *v, const char *name,
                              const Property *prop, const TextCodec *codec,
                              Error **errp)
{
    void *field = object_field_prop_ptr(obj, prop);
    g_autofree char *text = NULL;
    g_autofree void *scratch = NULL;

    if (!visit_is_input(v)) {
        text = codec->print(field);
        visit_type_str(v, name, &text, errp);
        return;
    }
    if (!visit_type_str(v, name, &text, errp)) {
        return;
    }
    scratch = g_malloc0(codec->size);
    if (codec->parse(text, scratch)) {
        qdev_prop_error(errp, -EINVAL, obj, name, text);
        return;
    }
    memcpy(field, scratch, codec->size);
}

/* ---- css device id ---- */

int css_dev_id_parse(const char *str, CssDevId *id)
{
    const char *p = str;
    unsigned int cssid, ssid, devid;

    if (!hex_run(&p, 2, &cssid) || *p++ != '.' || !hex_run(&p, 1, &ssid) ||
        *p++ != '.' || strlen(p) != 4 || !hex_run(&p, 4, &devid) || *p) {
        return -EINVAL;
    }
    id->cssid = cssid;
    id->ssid = ssid;
    id->devid = devid;
    id->valid = true;
    return 0;
}

char *css_dev_id_print(const CssDevId *id)
{
    if (!id->valid) {
        return g_strdup("<unset>");
    }
    return g_strdup_printf("%x.%x.%04x", id->cssid, id->ssid, id->devid);
}

bool css_dev_id_check_range(const CssDevId *id, Error **errp)
{
    if (id->valid &&
        (id->cssid > CSS_DEV_ID_MAX_CSSID || id->ssid > CSS_DEV_ID_MAX_SSID)) {
        error_setg(errp, "Invalid cssid or ssid: cssid %x, ssid %x", id->cssid,
                   id->ssid);
        return false;
    }
    return true;
}

static int css_devid_parse_field(const char *text, void *field)
{
    return css_dev_id_parse(text, field);
}

static char *css_devid_print_field(const void *field)
{
    return css_dev_id_print(field);
}

static const TextCodec css_devid_codec = {
    .size = sizeof(CssDevId),
    .parse = css_devid_parse_field,
    .print = css_devid_print_field,
};

static void css_devid_access(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    text_field_access(obj, v, name, opaque, &css_devid_codec, errp);
}

const PropertyInfo css_devid_propinfo = {
    .name = "str",
    .description =
        "Identifier of an I/O device in the channel subsystem, example: fe.1.23ab",
    .get = css_devid_access,
    .set = css_devid_access,
};

const PropertyInfo css_devid_ro_propinfo = {
    .name = "str",
    .description =
        "Read-only identifier of an I/O device in the channel subsystem, example: fe.1.23ab",
    .get = css_devid_access,
};

/* ---- PCI devfn ---- */

/* hex digits with an optional 0x prefix */
static bool hex_run_0x(const char **p, int max, unsigned int *out)
{
    if ((*p)[0] == '0' && ((*p)[1] == 'x' || (*p)[1] == 'X') &&
        g_ascii_isxdigit((*p)[2])) {
        *p += 2;
    }
    return hex_run(p, max, out);
}

int pci_devfn_parse(const char *str, int32_t *devfn)
{
    const char *p = str;
    unsigned int slot, func = 0;

    if (!hex_run_0x(&p, 8, &slot) || slot > 0x1f) {
        return -EINVAL;
    }
    if (*p == '.') {
        p++;
        if (!hex_run_0x(&p, 8, &func) || func > 7) {
            return -EINVAL;
        }
    }
    if (*p) {
        return -EINVAL;
    }
    *devfn = (int32_t)(slot << 3 | func);
    return 0;
}

char *pci_devfn_print(int32_t devfn)
{
    if (devfn < 0) {
        return g_strdup("<unset>");
    }
    return g_strdup_printf("%02x.%x", (devfn >> 3) & 0x1f, devfn & 7);
}

/*
 * Read as the devfn number; written either as "slot[.function]" text or
 * as the number itself (-1 for none).
 */
static void pci_devfn_access(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    int32_t *devfn = object_field_prop_ptr(obj, opaque);
    g_autofree char *text = NULL;
    int32_t number = *devfn;

    if (!visit_is_input(v)) {
        visit_type_int32(v, name, devfn, errp);
        return;
    }
    if (visit_type_str(v, name, &text, NULL)) {
        if (pci_devfn_parse(text, &number)) {
            qdev_prop_error(errp, -EINVAL, obj, name, text);
            return;
        }
    } else if (!visit_type_int32(v, name, &number, errp)) {
        return;
    } else if (number < -1 || number > 255) {
        error_setg(errp, "Parameter '%s' expects a value between -1 and 255",
                   name ? name : "null");
        return;
    }
    *devfn = number;
}

const PropertyInfo qdev_prop_pci_devfn = {
    .name = "int32",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .get = pci_devfn_access,
    .set = pci_devfn_access,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

/* ---- host PCI address ---- */

int pci_host_devaddr_parse(const char *str, PCIHostDeviceAddress *addr)
{
    const char *p = str;
    unsigned int v[4];
    int n = 0;

    /* up to three ':'-separated numbers before '.' */
    while (n < 3) {
        if (!hex_run(&p, 8, &v[n])) {
            return -EINVAL;
        }
        n++;
        if (*p != ':') {
            break;
        }
        p++;
    }
    if (n < 2 || *p++ != '.' || !hex_run(&p, 8, &v[n]) || *p) {
        return -EINVAL;
    }
    if (n == 2) {
        memmove(&v[1], &v[0], 3 * sizeof(v[0]));
        v[0] = 0;
    }
    if (v[0] > 0xffff || v[1] > 0xff || v[2] > 0x1f || v[3] > 7) {
        return -EINVAL;
    }
    addr->domain = v[0];
    addr->bus = v[1];
    addr->slot = v[2];
    addr->function = v[3];
    return 0;
}

char *pci_host_devaddr_print(const PCIHostDeviceAddress *addr)
{
    return g_strdup_printf("%04x:%02x:%02x.%d", addr->domain, addr->bus,
                           addr->slot, addr->function);
}

static int host_devaddr_parse_field(const char *text, void *field)
{
    return pci_host_devaddr_parse(text, field);
}

static char *host_devaddr_print_field(const void *field)
{
    return pci_host_devaddr_print(field);
}

static const TextCodec host_devaddr_codec = {
    .size = sizeof(PCIHostDeviceAddress),
    .parse = host_devaddr_parse_field,
    .print = host_devaddr_print_field,
};

static void host_devaddr_access(Object *obj, Visitor *v, const char *name,
                                void *opaque, Error **errp)
{
    text_field_access(obj, v, name, opaque, &host_devaddr_codec, errp);
}

const PropertyInfo qdev_prop_pci_host_devaddr = {
    .name = "str",
    .description =
        "Address (bus/device/function) of the host device, example: 04:10.0",
    .get = host_devaddr_access,
    .set = host_devaddr_access,
};
