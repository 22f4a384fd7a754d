/*
 * Parsed property types: css device id, PCI devfn, host PCI address.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties-system.h"
#include "qapi/error.h"
#include "qapi/visitor.h"

/* Read 1..@max hex digits at *p (advancing it); false when none. */
static bool parse_hex(const char **p, int max, unsigned int *out)
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

/* ---- css device id ---- */

int css_dev_id_parse(const char *str, CssDevId *id)
{
    const char *p = str;
    unsigned int cssid, ssid, devid;

    if (!parse_hex(&p, 2, &cssid) || *p++ != '.' || !parse_hex(&p, 1, &ssid) ||
        *p++ != '.' || strlen(p) != 4 || !parse_hex(&p, 4, &devid) || *p) {
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

static void get_css_devid(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    CssDevId *id = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = css_dev_id_print(id);

    visit_type_str(v, name, &str, errp);
}

static void set_css_devid(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    CssDevId *id = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    CssDevId parsed;

    if (!visit_type_str(v, name, &str, errp)) {
        return;
    }
    if (css_dev_id_parse(str, &parsed)) {
        qdev_prop_error(errp, -EINVAL, obj, name, str);
        return;
    }
    *id = parsed;
}

const PropertyInfo css_devid_propinfo = {
    .name = "str",
    .description = "Identifier of an I/O device in the channel "
                   "subsystem, example: fe.1.23ab",
    .get = get_css_devid,
    .set = set_css_devid,
};

const PropertyInfo css_devid_ro_propinfo = {
    .name = "str",
    .description = "Read-only identifier of an I/O device in the channel "
                   "subsystem, example: fe.1.23ab",
    .get = get_css_devid,
};

/* ---- PCI devfn ---- */

/* hex digits with an optional 0x prefix */
static bool parse_hex_prefixed(const char **p, int max, unsigned int *out)
{
    if ((*p)[0] == '0' && ((*p)[1] == 'x' || (*p)[1] == 'X') &&
        g_ascii_isxdigit((*p)[2])) {
        *p += 2;
    }
    return parse_hex(p, max, out);
}

int pci_devfn_parse(const char *str, int32_t *devfn)
{
    const char *p = str;
    unsigned int slot, func = 0;

    if (!parse_hex_prefixed(&p, 8, &slot) || slot > 0x1f) {
        return -EINVAL;
    }
    if (*p == '.') {
        p++;
        if (!parse_hex_prefixed(&p, 8, &func) || func > 7) {
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

static void get_pci_devfn(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    int32_t *ptr = object_field_prop_ptr(obj, opaque);

    visit_type_int32(v, name, ptr, errp);
}

static void set_pci_devfn(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    int32_t *ptr = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    int32_t value;

    if (!visit_type_str(v, name, &str, NULL)) {
        if (!visit_type_int32(v, name, &value, errp)) {
            return;
        }
        if (value < -1 || value > 255) {
            error_setg(errp,
                       "Parameter '%s' expects a value between -1 and 255",
                       name ? name : "null");
            return;
        }
        *ptr = value;
        return;
    }
    if (pci_devfn_parse(str, &value)) {
        qdev_prop_error(errp, -EINVAL, obj, name, str);
        return;
    }
    *ptr = value;
}

const PropertyInfo qdev_prop_pci_devfn = {
    .name = "int32",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .get = get_pci_devfn,
    .set = set_pci_devfn,
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
        if (!parse_hex(&p, 8, &v[n])) {
            return -EINVAL;
        }
        n++;
        if (*p != ':') {
            break;
        }
        p++;
    }
    if (n < 2 || *p++ != '.' || !parse_hex(&p, 8, &v[n]) || *p) {
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

static void get_pci_host_devaddr(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    PCIHostDeviceAddress *addr = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = pci_host_devaddr_print(addr);

    visit_type_str(v, name, &str, errp);
}

static void set_pci_host_devaddr(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    PCIHostDeviceAddress *addr = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    PCIHostDeviceAddress parsed;

    if (!visit_type_str(v, name, &str, errp)) {
        return;
    }
    if (pci_host_devaddr_parse(str, &parsed)) {
        qdev_prop_error(errp, -EINVAL, obj, name, str);
        return;
    }
    *addr = parsed;
}

const PropertyInfo qdev_prop_pci_host_devaddr = {
    .name = "str",
    .description = "Address (bus/device/function) of the host device, "
                   "example: 04:10.0",
    .get = get_pci_host_devaddr,
    .set = set_pci_host_devaddr,
};
