/*
 * The virtual css bridge (/machine/virtual-css-bridge) and its bus
 * "virtual-css" that ccw devices plug into. The bridge is the bus's
 * hot-plug handler: a hot-plugged or hot-unplugged device makes the css
 * queue a channel report word for the guest.
 */
#ifndef HW_S390X_CSS_BRIDGE_H
#define HW_S390X_CSS_BRIDGE_H

#include "hw/qdev-core.h"

#define TYPE_VIRTUAL_CSS_BRIDGE "virtual-css-bridge"
#define TYPE_VIRTUAL_CSS_BUS    "virtual-css-bus"
#define VIRTUAL_CSS_BUS_NAME    "virtual-css"

/* Create the css images, the bridge and its bus (machine init). */
BusState *virtual_css_bus_init(Error **errp);

#endif
