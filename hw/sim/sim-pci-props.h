/*
 * Shared by hw/sim/sim-pci.c and sim-pci-props.c.
 */
#ifndef HW_SIM_SIM_PCI_PROPS_H
#define HW_SIM_SIM_PCI_PROPS_H

#include "hw/sim/sim-pci.h"

/* Every property's default (instance_init) */
void sim_pci_props_set_defaults(SimPciFunction *f);
/* Register the properties on the class */
void sim_pci_class_add_props(ObjectClass *oc);

#endif
