/*
 * diag288: the watchdog that s390x guests drive with DIAGNOSE 0x288
 * (QEMU's device of that name). See docs/system/s390x/cpu.rst.
 */
#ifndef HW_WATCHDOG_WDT_DIAG288_H
#define HW_WATCHDOG_WDT_DIAG288_H

#include "qemu/osdep.h"

#define TYPE_WDT_DIAG288 "diag288"

/* DIAG 0x288 function codes */
#define DIAG288_FN_INIT   0
#define DIAG288_FN_CHANGE 1
#define DIAG288_FN_CANCEL 2

/*
 * A DIAG 0x288 function with its timeout in seconds, for the one
 * diag288 device: 0, or -1 when refused (no device or several, an
 * unknown function, change or cancel while not armed).
 */
int diag288_handle_timer(uint64_t func, uint64_t timeout_s);

#endif
