/*
 * Guest RAM that an I/O in flight uses: every host pointer handed to the
 * translator (and through it to the host device) is a mapping held until
 * the I/O is over, with a reference on the memory region whose RAM it
 * points into, so that taking the region out of the address space (an
 * unplug, a change of the RAM layout) cannot free that RAM under the
 * device. Released when the I/O completes, is halted or cleared, the
 * device is reset, and at unplug, always after the host device has let
 * go of the program.
 */
#ifndef HW_VFIO_CCW_GMAP_H
#define HW_VFIO_CCW_GMAP_H

#include "exec/memory.h"

typedef struct VfioCcwGuestMaps {
    AddressSpace *as;
    GArray *held; /* VfioCcwGuestMap */
} VfioCcwGuestMaps;

void vfio_ccw_gmap_init(VfioCcwGuestMaps *m, AddressSpace *as);
void vfio_ccw_gmap_destroy(VfioCcwGuestMaps *m);

/*
 * Host address of guest RAM [@gaddr, @gaddr + @len), held until the next
 * vfio_ccw_gmap_release(); NULL (nothing held) when the range is not all
 * RAM contiguous in the host, or is read-only and @write.
 */
void *vfio_ccw_gmap_hold(VfioCcwGuestMaps *m, hwaddr gaddr, hwaddr len,
                         bool write);

/* Unmap everything held and drop the region references */
void vfio_ccw_gmap_release(VfioCcwGuestMaps *m);

/* How many mappings are held */
unsigned vfio_ccw_gmap_count(const VfioCcwGuestMaps *m);

#endif
