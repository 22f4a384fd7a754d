/*
 * What the monitor shows of the PCI topology: query-pci's answer in
 * QEMU's schema (qapi/schema.json "PciDeviceInfo") and the text of HMP's
 * "info pci", made from that answer (docs/system/s390x/pci-map.rst).
 */
#ifndef HW_PCI_PCI_INFO_H
#define HW_PCI_PCI_INFO_H

#include "hw/pci/pci.h"
#include <json-glib/json-glib.h>

/* One PciInfo per root bus: {"bus": N, "devices": [PciDeviceInfo...]} */
JsonArray *pci_query_info(void);
/* The PciDeviceInfo of @dev on @bus (bridges: with the devices below) */
JsonObject *pci_device_info(PCIBus *bus, PCIDevice *dev);
/* "info pci" of a query-pci answer */
void pci_info_text(JsonArray *buses, GString *out);
/* The class description query-pci gives, NULL for a class it has none */
const char *pci_class_desc(uint16_t class_id);

#endif
