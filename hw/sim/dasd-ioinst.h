/*
 * ioinst.h for the 3390 engine.  Its header comment currently contains
 * a nested comment opener, which -Werror=comment turns into an error.
 */
#ifndef HW_SIM_DASD_IOINST_H
#define HW_SIM_DASD_IOINST_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "hw/s390x/ioinst.h"
#pragma GCC diagnostic pop

#endif
