/*
 * The architected channel-I/O formats the channel subsystem uses: the
 * one codec in hw/ccw-format.h (shared with the translator and the
 * simulated host devices).
 */
#ifndef HW_S390X_IOINST_H
#define HW_S390X_IOINST_H

#include "hw/ccw-format.h"

#endif
