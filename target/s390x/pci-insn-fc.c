/*
 * MODIFY PCI FUNCTION CONTROLS (E3D0) and STORE PCI FUNCTION CONTROLS
 * (E3D4): the function information block (FIB) a guest uses to register
 * adapter interruptions and to leave the error and blocked states.
 *
 * FIB (80 bytes, big endian):
 *    0 format(1)          8 function controls(1)
 *   16 pba(8)  24 pal(8)  32 iota(8)
 *   40 word: isc bits 28-30, noi 16-27, aibvo 8-13, sum 7, aisbo 0-5
 *   48 aibv(8)  56 aisb(8)  64 fmb address(8)  76 gd(4)
 */
#include "qemu/osdep.h"
#include "target/s390x/pci-insn.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/boards.h"
#include "hw/pci/msix.h"

#define FIB_LEN  80
#define FIB_FC   8
#define FIB_PBA  16
#define FIB_PAL  24
#define FIB_IOTA 32
#define FIB_INTR 40
#define FIB_AIBV 48
#define FIB_AISB 56
#define FIB_FMB  64

#define FIB_FC_ENABLED   0x80
#define FIB_FC_ERROR     0x40
#define FIB_FC_BLOCKED   0x20
#define FIB_FC_DMAAS_REG 0x10

static uint64_t get_be(const uint8_t *p, unsigned len)
{
    uint64_t v = 0;

    while (len--) {
        v = v << 8 | *p++;
    }
    return v;
}

static void put_be(uint8_t *p, unsigned len, uint64_t v)
{
    while (len--) {
        p[len] = v;
        v >>= 8;
    }
}

static void fc_set_status(uint64_t *reg, uint8_t status)
{
    *reg = (*reg & ~0xff000000ull) | (uint64_t)status << 24;
}

/* ---- MPCIFC ---- */

/* Whether @len bytes at guest absolute @addr are guest storage. */
static bool fc_in_storage(uint64_t addr, uint64_t len)
{
    return addr + len >= addr &&
           address_space_access_valid(&address_space_memory, addr, len, true,
                                      MEMTXATTRS_UNSPECIFIED);
}

/*
 * Register adapter interruptions (2).  More interruptions than the
 * function has MSI-X vectors (or than its group offers) is an operand
 * exception, like the FIB's other invalid contents; an AIBV (the bits
 * aibvo .. aibvo + noi - 1) or summary byte outside guest storage ends
 * with status 4, resources not available, as in QEMU.
 */
static int fc_reg_int(ZpciDevice *z, uint64_t *reg, const uint8_t *fib)
{
    uint32_t w = get_be(fib + FIB_INTR, 4);
    ZpciAdapterIrq a = {
        .registered = true,
        .isc = (w >> 28) & 7,
        .noi = (w >> 16) & 0xfff,
        .aibvo = (w >> 8) & 0x3f,
        .sum = (w >> 7) & 1,
        .aisbo = w & 0x3f,
        .aibv = get_be(fib + FIB_AIBV, 8),
        .aisb = get_be(fib + FIB_AISB, 8),
    };

    if (z->airq.registered) {
        fc_set_status(reg, ZPCI_MOD_ST_SEQUENCE);
        return 1;
    }
    if (a.noi > msix_nr_vectors(z->pdev) || a.noi > ZPCI_GROUP_NOI) {
        return s390_pgm(PGM_OPERAND);
    }
    if ((a.noi && !fc_in_storage(a.aibv, (a.aibvo + a.noi + 7) / 8)) ||
        (a.sum && (a.aisb + a.aisbo / 8 < a.aisb ||
                   !fc_in_storage(a.aisb + a.aisbo / 8, 1)))) {
        fc_set_status(reg, ZPCI_MOD_ST_RES_NOT_AVAIL);
        return 1;
    }
    z->airq = a;
    return 0;
}

static int fc_dereg_int(ZpciDevice *z, uint64_t *reg)
{
    if (!z->airq.registered) {
        fc_set_status(reg, ZPCI_MOD_ST_SEQUENCE);
        return 1;
    }
    memset(&z->airq, 0, sizeof(z->airq));
    return 0;
}

/* Reset error: error or blocked back to enabled; reset block: error to
 * blocked.  Any other state is a sequence error. */
static int fc_reset(ZpciDevice *z, uint64_t *reg, bool block)
{
    bool ok = block ? z->state == ZPCI_FS_ERROR
                    : z->state == ZPCI_FS_ERROR || z->state == ZPCI_FS_BLOCKED;

    if (!ok) {
        fc_set_status(reg, ZPCI_MOD_ST_SEQUENCE);
        return 1;
    }
    z->state = block ? ZPCI_FS_BLOCKED : ZPCI_FS_ENABLED;
    return 0;
}

/*
 * Set measurement (10): the FIB's fmb address starts (or moves) the
 * updates, 0 stops them.  An address with any of the low four bits set
 * ends with condition code 1 and stops measurement, as in QEMU (the
 * status field is left as it was).
 */
static int fc_set_measure(ZpciDevice *z, const uint8_t *fib)
{
    uint64_t addr = get_be(fib + FIB_FMB, 8);

    return zpci_fmb_set(z, addr, ZPCI_GROUP_MUI_MS) == ZPCI_FMB_OK ? 0 : 1;
}

/* ---- I/O address translation (MPCIFC 4, 5, 6) ---- */

#define IOTA_T 0x800ull /* translation on (Linux: ZPCI_IOTA_IOT_ENABLED) */

/*
 * The translation the FIB asks for, checked: the aperture pba..pal
 * (page granular) inside the function's DMA range z->sdma..z->edma;
 * with the T bit, a designation type of its group; without it (relaxed
 * translation, guest memory seen at pba), the function must allow it,
 * as QEMU's relaxed-translation.
 * False: an operand exception.
 */
static bool fc_ioat_config(const ZpciDevice *z, const uint8_t *fib,
                           ZpciDmaConfig *cfg, uint64_t *iota, bool *relaxed)
{
    uint64_t lo = get_be(fib + FIB_PBA, 8) & ~(ZPCI_DMA_PAGE_SIZE - 1);
    uint64_t hi = get_be(fib + FIB_PAL, 8) | (ZPCI_DMA_PAGE_SIZE - 1);
    unsigned dt = (get_be(fib + FIB_IOTA, 8) & ZPCI_IOTA_DT_MASK) >> 2;
    MachineState *ms = current_machine_get();

    *iota = get_be(fib + FIB_IOTA, 8);
    *relaxed = !(*iota & IOTA_T);
    *cfg = (ZpciDmaConfig){
        .sdma = lo,
        .edma = hi,
        .dtsm = ZPCI_GROUP_DTSM,
        .budget = z->dma_budget,
        .max_walks = z->rpcit_walks,
        .guest_size = ms ? ms->ram_size : 0,
    };
    /* inside the function's DMA range (Query PCI Function's), as QEMU */
    if (lo > hi || lo < z->sdma || hi > z->edma) {
        return false;
    }
    if (*relaxed) {
        /* guest address x at the function's sdma + x, as QEMU maps it */
        cfg->sdma = z->sdma;
        return z->relaxed_translation;
    }
    return dt <= ZPCI_DMA_LEVEL_REGION1 && (ZPCI_DTSM_BIT(dt) & cfg->dtsm);
}

/*
 * Put the new translation in place of whatever is registered.  The DMA
 * space changes only when the new one is accepted, so a refused
 * re-registration keeps the old translation and its mappings.  Relaxed
 * translation maps all of guest memory at once: when the function's DMA
 * owner (the host of a vfio-pci function) refuses that, the old
 * translation is already gone, and none is left registered.
 */
static int fc_ioat_install(ZpciDevice *z, const ZpciDmaConfig *cfg,
                           uint64_t pba, uint64_t iota, bool relaxed,
                           uint64_t *reg)
{
    if (!z->dma) {
        fc_set_status(reg, ZPCI_MOD_ST_INSUF_RES);
        return 1;
    }
    if (relaxed) {
        if (!zpci_dma_space_set_relaxed(z->dma, cfg, true)) {
            z->ioat_registered = false;
            z->pba = z->pal = z->iota = 0;
            fc_set_status(reg, ZPCI_MOD_ST_INSUF_RES);
            return 1;
        }
    } else if (zpci_dma_space_register(z->dma, cfg, iota) != ZPCI_DMA_OK) {
        fc_set_status(reg, ZPCI_MOD_ST_INSUF_RES);
        return 1;
    }
    z->ioat_registered = true;
    z->pba = pba;
    z->pal = cfg->edma;
    z->iota = iota;
    return 0;
}

static void fc_ioat_remove(ZpciDevice *z)
{
    if (z->dma) {
        zpci_dma_space_deregister(z->dma); /* every mapping goes */
    }
    z->ioat_registered = false;
    z->pba = z->pal = z->iota = 0;
}

/*
 * Register (4), deregister (5), re-register (6): only DMA address space
 * 0 exists; register needs none registered, the others one.  A refused
 * re-registration keeps the old translation.
 */
static int fc_ioat(ZpciDevice *z, uint64_t *reg, uint8_t oc, const uint8_t *fib)
{
    bool want = oc != ZPCI_MOD_FC_REG_IOAT;
    ZpciDmaConfig cfg;
    uint64_t iota;
    bool relaxed;

    if ((*reg >> 16) & 0xff) {
        fc_set_status(reg, ZPCI_MOD_ST_DMAAS_INVAL);
        return 1;
    }
    if (z->ioat_registered != want) {
        fc_set_status(reg, ZPCI_MOD_ST_SEQUENCE);
        return 1;
    }
    if (oc == ZPCI_MOD_FC_DEREG_IOAT) {
        fc_ioat_remove(z);
        return 0;
    }
    if (!fc_ioat_config(z, fib, &cfg, &iota, &relaxed)) {
        return s390_pgm(PGM_OPERAND);
    }
    return fc_ioat_install(z, &cfg,
                           get_be(fib + FIB_PBA, 8) & ~(ZPCI_DMA_PAGE_SIZE - 1),
                           iota, relaxed, reg);
}

/* An enabled function with exactly this handle, else cc 3. */
static ZpciDevice *fc_find_enabled(uint32_t fh)
{
    S390PciHost *h = s390_pci_host_get();
    ZpciDevice *z = h ? s390_pci_find_by_fh(h, fh) : NULL;

    if (!z || !z->pdev || !(z->fh & ZPCI_FH_ENABLED) ||
        z->state == ZPCI_FS_PERMANENT_ERROR) {
        return NULL;
    }
    return z;
}

int pci_insn_mpcifc(CPUS390XState *env, int r1, uint64_t fiba)
{
    uint64_t *reg = &env->regs[r1];
    uint8_t oc = *reg & 0xff;
    uint8_t fib[FIB_LEN];
    ZpciDevice *z;
    int r;

    r = ioinst_check_operand(fiba, FIB_LEN, 8, false);
    if (r) {
        return r;
    }
    z = fc_find_enabled(*reg >> 32);
    if (!z) {
        return 3;
    }
    ioinst_fetch(fiba, fib, FIB_LEN);
    if (fib[0] != 0) {
        return s390_pgm(PGM_OPERAND); /* format 0 only */
    }
    switch (oc) {
    case ZPCI_MOD_FC_REG_INT:
        return fc_reg_int(z, reg, fib);
    case ZPCI_MOD_FC_DEREG_INT:
        return fc_dereg_int(z, reg);
    case ZPCI_MOD_FC_RESET_ERROR:
        return fc_reset(z, reg, false);
    case ZPCI_MOD_FC_RESET_BLOCK:
        return fc_reset(z, reg, true);
    case ZPCI_MOD_FC_REG_IOAT:
    case ZPCI_MOD_FC_DEREG_IOAT:
    case ZPCI_MOD_FC_REREG_IOAT:
        return fc_ioat(z, reg, oc, fib);
    case ZPCI_MOD_FC_SET_MEASURE:
        return fc_set_measure(z, fib);
    default:
        return s390_pgm(PGM_OPERAND);
    }
}

/* ---- STPCIFC ---- */

static uint8_t fc_controls(const ZpciDevice *z)
{
    uint8_t fc = 0;

    if (z->fh & ZPCI_FH_ENABLED) {
        fc |= FIB_FC_ENABLED;
    }
    if (z->state == ZPCI_FS_ERROR) {
        fc |= FIB_FC_ERROR | FIB_FC_BLOCKED; /* blocked with the error */
    } else if (z->state == ZPCI_FS_BLOCKED) {
        fc |= FIB_FC_BLOCKED;
    }
    if (z->ioat_registered) {
        fc |= FIB_FC_DMAAS_REG;
    }
    return fc;
}

static void fc_fill_fib(const ZpciDevice *z, uint8_t *fib)
{
    const ZpciAdapterIrq *a = &z->airq;
    uint32_t w = (uint32_t)a->isc << 28 | (uint32_t)a->noi << 16 |
                 (uint32_t)a->aibvo << 8 | (uint32_t)a->sum << 7 | a->aisbo;

    memset(fib, 0, FIB_LEN);
    fib[FIB_FC] = fc_controls(z);
    put_be(fib + FIB_PBA, 8, z->pba);
    put_be(fib + FIB_PAL, 8, z->pal);
    put_be(fib + FIB_IOTA, 8, z->iota);
    put_be(fib + FIB_INTR, 4, w);
    put_be(fib + FIB_AIBV, 8, a->aibv);
    put_be(fib + FIB_AISB, 8, a->aisb);
    put_be(fib + FIB_FMB, 8, z->fmb.addr);
}

int pci_insn_stpcifc(CPUS390XState *env, int r1, uint64_t fiba)
{
    uint64_t *reg = &env->regs[r1];
    uint8_t dmaas = (*reg >> 16) & 0xff;
    S390PciHost *h = s390_pci_host_get();
    uint8_t fib[FIB_LEN];
    ZpciDevice *z;
    int r;

    r = ioinst_check_operand(fiba, FIB_LEN, 8, true);
    if (r) {
        return r;
    }
    z = h ? s390_pci_find_by_fh(h, *reg >> 32) : NULL;
    if (!z || !zpci_is_configured(z)) {
        return 3;
    }
    if (z->state == ZPCI_FS_PERMANENT_ERROR) {
        fc_set_status(reg, ZPCI_STPCIFC_ST_PERM_ERROR);
        return 1;
    }
    if (dmaas != 0) {
        fc_set_status(reg, ZPCI_STPCIFC_ST_INVAL_DMAAS);
        return 1;
    }
    fc_fill_fib(z, fib);
    ioinst_store(fiba, fib, FIB_LEN);
    return 0;
}
