/*
 * The host<->guest address map of the zPCI functions: QMP
 * query-s390-pci-map (qapi/schema.json "S390PciMapEntry") and HMP's
 * "info s390-pci-map", made from that answer
 * (docs/system/s390x/pci-map.rst).
 */
#ifndef HW_S390X_ZPCI_MAP_H
#define HW_S390X_ZPCI_MAP_H

#include "hw/s390x/s390-pci-host.h"
#include <json-glib/json-glib.h>

/* One S390PciMapEntry per zpci device of @h, in CLP List order */
JsonArray *zpci_map_query(S390PciHost *h);
/* "info s390-pci-map" of a query-s390-pci-map answer */
void zpci_map_text(JsonArray *map, GString *out);

#endif
