/*
 * Parsed property types: a channel-subsystem device id, a PCI devfn, a
 * host PCI address. Each has a pure parser and printer (unit-tested on
 * their own) and a PropertyInfo using them.
 */
#ifndef HW_QDEV_PROPERTIES_SYSTEM_H
#define HW_QDEV_PROPERTIES_SYSTEM_H

#include "hw/qdev-properties.h"

/* ---- css device id "cssid.ssid.devno", e.g. "fe.0.1234" (hex) ---- */

typedef struct CssDevId {
    uint8_t cssid;
    uint8_t ssid;
    uint16_t devid;
    bool valid; /* false: not set ("<unset>") */
} CssDevId;

#define CSS_DEV_ID_MAX_CSSID 0xfe
#define CSS_DEV_ID_MAX_SSID  3

/*
 * QEMU's syntax: 1-2 hex digits, '.', 1 hex digit, '.', exactly 4 hex
 * digits. Returns 0 or -EINVAL. Ranges beyond the syntax (cssid <= fe,
 * ssid <= 3) are checked by css_dev_id_check_range() at realize.
 */
int css_dev_id_parse(const char *str, CssDevId *id);
/* "fe.0.1234", or "<unset>" when !valid. g_free it. */
char *css_dev_id_print(const CssDevId *id);
/* "Invalid cssid or ssid: cssid X, ssid Y" (QEMU's realize check). */
bool css_dev_id_check_range(const CssDevId *id, Error **errp);

extern const PropertyInfo css_devid_propinfo;
extern const PropertyInfo css_devid_ro_propinfo;

#define DEFINE_PROP_CSS_DEV_ID(_n, _s, _f)                                     \
    DEFINE_PROP(_n, _s, _f, css_devid_propinfo, CssDevId)
#define DEFINE_PROP_CSS_DEV_ID_RO(_n, _s, _f)                                  \
    DEFINE_PROP(_n, _s, _f, css_devid_ro_propinfo, CssDevId)

/* ---- PCI devfn "slot[.function]" (hex), stored as int32, -1 unset ---- */

/* slot 0..1f, function 0..7; returns 0 or -EINVAL. */
int pci_devfn_parse(const char *str, int32_t *devfn);
/* "06.0", or "<unset>" for -1. g_free it. */
char *pci_devfn_print(int32_t devfn);

extern const PropertyInfo qdev_prop_pci_devfn;

#define DEFINE_PROP_PCI_DEVFN(_n, _s, _f, _d)                                  \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_pci_devfn, int32_t)

/* ---- host PCI address "[domain:]bus:slot.function" (hex) ---- */

typedef struct PCIHostDeviceAddress {
    unsigned int domain;   /* 0..ffff */
    unsigned int bus;      /* 0..ff */
    unsigned int slot;     /* 0..1f */
    unsigned int function; /* 0..7 */
} PCIHostDeviceAddress;

int pci_host_devaddr_parse(const char *str, PCIHostDeviceAddress *addr);
/* "0000:00:1f.3". g_free it. */
char *pci_host_devaddr_print(const PCIHostDeviceAddress *addr);

extern const PropertyInfo qdev_prop_pci_host_devaddr;

#define DEFINE_PROP_PCI_HOST_DEVADDR(_n, _s, _f)                               \
    DEFINE_PROP(_n, _s, _f, qdev_prop_pci_host_devaddr, PCIHostDeviceAddress)

#endif
