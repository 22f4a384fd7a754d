/*
 * REFRESH PCI TRANSLATIONS (B9D3): the guest changed its I/O translation
 * tables for a range of I/O addresses; the function's IOTLB is brought
 * up to date for that range (zpci-dma.h, zpci_dma_space_rpcit()).
 *
 * R1: function handle (bits 0-31 of the 64-bit register), DMA address
 * space (bits 40-47); the status comes back in bits 32-39.  R2 (even):
 * the first I/O address, R2 + 1 the length in bytes.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/s390x/pci-insn.h"
#include "hw/s390x/s390-pci-host.h"

static void rpcit_status(uint64_t *reg, uint8_t status)
{
    *reg = (*reg & ~0xff000000ull) | (uint64_t)status << 24;
}

/*
 * The status that keeps @z from refreshing now (its registers set), or 0
 * when it may.
 */
static uint8_t rpcit_refusal(const ZpciDevice *z, uint64_t reg)
{
    if (z->state == ZPCI_FS_ERROR) {
        return ZPCI_ST_FUNC_IN_ERR;
    }
    if (z->state == ZPCI_FS_BLOCKED) {
        return ZPCI_ST_BLOCKED;
    }
    if ((reg >> 16) & 0xff) {
        return ZPCI_ST_INVAL_AS;
    }
    if (!z->ioat_registered || !z->dma) {
        return ZPCI_ST_FUNC_NOT_ENABLED; /* as QEMU answers it */
    }
    return 0;
}

int pci_insn_rpcit(CPUS390XState *env, int r1, int r2)
{
    uint64_t *reg = &env->regs[r1];
    S390PciHost *h = s390_pci_host_get();
    ZpciRpcitResult res;
    ZpciDevice *z;
    uint8_t st;

    if (r2 & 1) {
        return s390_pgm(PGM_SPECIFICATION);
    }
    z = h ? s390_pci_find_by_fh(h, *reg >> 32) : NULL;
    if (!z || !z->pdev || !(z->fh & ZPCI_FH_ENABLED) ||
        z->state == ZPCI_FS_PERMANENT_ERROR) {
        return 3;
    }
    st = rpcit_refusal(z, *reg);
    if (st) {
        rpcit_status(reg, st);
        return 1;
    }
    res = zpci_dma_space_rpcit(z->dma, env->regs[r2], env->regs[r2 + 1]);
    if (res.status != ZPCI_RPCIT_FAULT) {
        zpci_fmb_count(z, ZPCI_FMB_RPCIT); /* a refresh was made */
    }
    switch (res.status) {
    case ZPCI_RPCIT_OK:
        return 0;
    case ZPCI_RPCIT_FAULT:
        trace_point("zpci_rpcit_fault", "fh 0x%08x %s at 0x%" PRIx64, z->fh,
                    zpci_dma_fault_name(res.fault), res.fault_addr);
        zpci_report_error(z, zpci_dma_fault_pec(res.fault), res.fault_addr);
        rpcit_status(reg, ZPCI_ST_FUNC_IN_ERR);
        return 1;
    default:
        rpcit_status(reg, ZPCI_ST_INSUF_RES);
        return 1;
    }
}
