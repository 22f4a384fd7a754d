/*
 * Shared by hw/core/bus.c and bus-find.c only: every bus is entered in an
 * index when it is created (and by name when it gets its name) and leaves
 * it when it is finalized, so that lookups by name or type need not walk
 * the whole tree.
 */
#ifndef HW_CORE_BUS_INTERNAL_H
#define HW_CORE_BUS_INTERNAL_H

#include "hw/qdev-core.h"

void qbus_index_add(BusState *bus);
void qbus_index_add_name(BusState *bus);
void qbus_index_remove(BusState *bus);

#endif
