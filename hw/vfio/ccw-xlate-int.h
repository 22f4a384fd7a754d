/*
 * Internals of the CCW translator shared by its source files.
 */
#ifndef HW_VFIO_CCW_XLATE_INT_H
#define HW_VFIO_CCW_XLATE_INT_H

#include "hw/vfio/ccw-xlate.h"

#define CCW_XLATE_NO_IDAL UINT32_MAX

/* Most IDAWs one CCW can need: 65535 bytes over 2 KiB blocks, both ends partial */
#define CCW_XLATE_MAX_IDAWS 34

static inline uint64_t *ccw_prog_entry(CcwProgram *p, uint32_t slot)
{
    return &p->buf.entries[CCW_PROG_ENTRY_AREA / 8 + slot];
}

/*
 * Map the data of @ccw (slot @slot, effective command @cmd) and rewrite
 * its address field and flags for the host. Returns the rule it broke,
 * or CCW_XLATE_R_NONE.
 */
CcwXlateReason ccw_xlate_data(CcwProgram *p, const CcwGuestMem *mem,
                              uint32_t slot, uint8_t cmd, CCW1 *ccw);

#endif
