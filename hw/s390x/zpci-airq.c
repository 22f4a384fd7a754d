/*
 * Adapter interruptions of zPCI functions: an MSI-X message a function
 * sends to the group's MSI address sets the vector's bit in the adapter
 * interruption bit vector (AIBV) and the function's summary bit in the
 * AISB, both registered by MPCIFC.  Bits are numbered from the left of
 * each byte, as s390 does.  Setting the summary bit from clear makes
 * the adapter I/O interruption pending at the registered ISC.
 */
#include "qemu/osdep.h"
#include "exec/memory.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/css.h"
#include "hw/s390x/zpci-event.h"

#define ZPCI_MSI_VEC_MASK 0x7ff /* the vector in the message data */
#define ZPCI_MSI_WINDOW   0x1000

/* Set bit @bit counted from @base; whether it was clear before. */
static bool airq_set_bit(uint64_t base, uint64_t bit, bool *was_clear)
{
    uint64_t at = base + bit / 8;
    uint8_t mask = 0x80 >> (bit % 8), b;

    if (at < base ||
        address_space_read(&address_space_memory, at, MEMTXATTRS_UNSPECIFIED,
                           &b, 1) != MEMTX_OK) {
        return false;
    }
    *was_clear = !(b & mask);
    b |= mask;
    return address_space_write(&address_space_memory, at,
                               MEMTXATTRS_UNSPECIFIED, &b, 1) == MEMTX_OK;
}

bool zpci_airq_deliver(ZpciDevice *z, uint64_t addr, uint32_t data)
{
    ZpciAdapterIrq *a = &z->airq;
    unsigned vec = data & ZPCI_MSI_VEC_MASK;
    bool clear;

    if (addr < ZPCI_MSI_ADDR || addr - ZPCI_MSI_ADDR >= ZPCI_MSI_WINDOW ||
        z->state != ZPCI_FS_ENABLED || !a->registered) {
        return false;
    }
    if (vec >= a->noi) {
        return false; /* outside the bit vector the guest registered */
    }
    if (!airq_set_bit(a->aibv, (uint64_t)a->aibvo + vec, &clear) ||
        (a->sum && !airq_set_bit(a->aisb, a->aisbo, &clear))) {
        /* indicators outside guest RAM: error state + error event */
        zpci_report_error(z, ZPCI_PEC_AIRQ_ERROR, a->aibv);
        return false;
    }
    if (a->sum && !clear) {
        return true; /* set already: no new one */
    }
    /* summary bit clear -> set (or none used): the interruption at a->isc */
    a->raised++;
    css_adapter_intr_queue(a->isc);
    return true;
}
