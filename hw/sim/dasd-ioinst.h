/*
 * The channel-I/O formats for the simulated host devices: the shared
 * codec (CCWs, IDAWs, ORB, SCSW), not the channel subsystem's headers:
 * hw/sim does not depend on hw/s390x.
 */
#ifndef HW_SIM_DASD_IOINST_H
#define HW_SIM_DASD_IOINST_H

#include "hw/ccw-format.h"

#endif
