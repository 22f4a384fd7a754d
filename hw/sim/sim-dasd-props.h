/*
 * sim-dasd-3390 internals: the property table (sim-dasd-props.c).
 */
#ifndef HW_SIM_SIM_DASD_PROPS_H
#define HW_SIM_SIM_DASD_PROPS_H

#include "qom/object.h"

/* busid, cssid, file, model, volser, readonly, cache, locking */
void sim_dasd_class_add_props(ObjectClass *oc);

#endif
