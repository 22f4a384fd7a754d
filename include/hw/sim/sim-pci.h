/*
 * sim-pci-function: a simulated host PCI function (docs/system/s390x/
 * objects.rst), declared with
 *   -object sim-pci-function,id=f0,host=0000:00:1d.0[,vendor-id=,...]
 * Functions of one host slot (0000:00:1d.0, .1, .5 ...) form a
 * multi-function device; any subset may be declared.
 *
 * The function a host driver would see:
 *   BAR 0  64-bit memory, SIM_PCI_BAR0_SIZE: registers and a 4 KiB buffer
 *          that a DMA engine moves to or from an I/O virtual address;
 *   BAR 2  32-bit memory, 4 KiB: the MSI-X table (0) and PBA (0x800);
 *   config space (256 bytes): ids, Command, the two BARs (sizable), an
 *          MSI-X capability at 0x40; Header Type bit 7 when other functions
 *          of its slot are declared.
 * The DMA engine reaches memory only through the hooks of the back end
 * that opened the function (its IOMMU): without one, or for an IOVA it has
 * not mapped, the DMA fails and raises the error interrupt.
 *
 * Single-threaded: everything runs in the main loop.
 */
#ifndef HW_SIM_SIM_PCI_H
#define HW_SIM_SIM_PCI_H

#include "qom/object.h"

#define TYPE_SIM_PCI_FUNCTION "sim-pci-function"

/* ---- BAR 0: registers (little endian, 4- or 8-byte accesses) ---- */
#define SIM_PCI_REG_ID         0x00   /* ro 32: SIM_PCI_ID_MAGIC */
#define SIM_PCI_REG_SCRATCH    0x08   /* rw 64 */
#define SIM_PCI_REG_DMA_IOVA   0x10   /* rw 64 */
#define SIM_PCI_REG_DMA_LEN    0x18   /* rw 32: 1..SIM_PCI_BUF_SIZE */
#define SIM_PCI_REG_DMA_CMD    0x1c   /* wo 32: SIM_PCI_DMA_* starts a DMA */
#define SIM_PCI_REG_DMA_STATUS 0x20   /* ro 32: SIM_PCI_DMA_ST_* */
#define SIM_PCI_REG_DMA_VECTOR 0x24   /* rw 32: MSI-X vector at completion */
#define SIM_PCI_REG_DMA_COUNT  0x28   /* ro 32: DMAs completed */
#define SIM_PCI_REG_IRQ        0x2c   /* wo 32: raise MSI-X vector N */
#define SIM_PCI_BUF            0x1000 /* the device's buffer */
#define SIM_PCI_BUF_SIZE       0x1000
#define SIM_PCI_BAR0_SIZE      0x2000
#define SIM_PCI_BAR2_SIZE      0x1000
#define SIM_PCI_MSIX_PBA       0x800
#define SIM_PCI_MSIX_CAP       0x40
#define SIM_PCI_MAX_VECTORS    128 /* the table fits below the PBA */

#define SIM_PCI_ID_MAGIC  0x53494d50u /* "SIMP" */
#define SIM_PCI_NO_VECTOR 0xffffffffu

typedef enum SimPciDmaCmd {
    SIM_PCI_DMA_TO_MEMORY = 1,   /* buffer -> memory at DMA_IOVA */
    SIM_PCI_DMA_FROM_MEMORY = 2, /* memory at DMA_IOVA -> buffer */
} SimPciDmaCmd;

typedef enum SimPciDmaStatus {
    SIM_PCI_DMA_ST_IDLE = 0,
    SIM_PCI_DMA_ST_DONE = 1,
    SIM_PCI_DMA_ST_FAULT = 2,    /* the IOMMU refused the IOVA */
    SIM_PCI_DMA_ST_ERROR = 3,    /* injected device error (dma-error=on) */
    SIM_PCI_DMA_ST_BAD_CMD = 4,  /* bad command or length */
    SIM_PCI_DMA_ST_NO_MASTER = 5 /* Bus Master Enable is clear */
} SimPciDmaStatus;

typedef enum SimPciIrq {
    SIM_PCI_IRQ_MSIX,  /* a vector */
    SIM_PCI_IRQ_ERROR, /* a device or DMA error */
    SIM_PCI_IRQ_REQ,   /* the host wants the function back (removal) */
} SimPciIrq;

/* What the back end that opened a function gives it */
typedef struct SimPciHooks {
    /*
     * DMA of @len bytes at @iova through the IOMMU: to memory from @buf
     * (@to_memory) or from memory into it.  False: fault, nothing moved.
     */
    bool (*dma)(void *opaque, uint64_t iova, void *buf, uint32_t len,
                bool to_memory);
    void (*irq)(void *opaque, SimPciIrq irq, unsigned vector);
} SimPciHooks;

typedef struct SimPciFunction {
    Object parent_obj;

    /* properties (fixed once complete) */
    char *host;
    uint16_t vendor_id, device_id;
    uint16_t subsystem_vendor_id, subsystem_id;
    uint8_t revision;
    uint32_t class_code; /* base << 16 | sub << 8 | prog-if */
    uint32_t msix_vectors;
    int32_t iommu_group; /* -1: one of its own */
    uint32_t dma_limit;  /* DMA mappings at once (the kernel's 65535) */
    /* the IOMMU's IOVA range; iova_end 0: start_dma..end_dma (at complete) */
    uint64_t iova_start, iova_end;
    /* zPCI capabilities */
    bool cap_base, cap_group;
    uint64_t start_dma, end_dma;
    uint16_t pchid, vfn, fmb_length;
    uint8_t pft, gid;
    uint32_t fh;
    uint64_t dasm, msi_addr;
    bool refresh;
    uint16_t mui, noi, maxstbl, imaxstbl;
    uint8_t version;
    char *util_str;          /* UTIL present when set (ASCII, as given) */
    uint8_t util_ebcdic[64]; /* what the host reports: EBCDIC, 0-padded */
    char *pfip;              /* PFIP present when set: hex bytes, "01020304" */
    uint8_t pfip_bytes[4];
    uint32_t pfip_len;

    bool has_reset; /* reset: the function offers a reset (FLR/PM) */

    /* fault injection (may change at any time: qom-set) */
    bool fail_dma;   /* dma-error: every DMA ends in a device error */
    bool fail_reset; /* reset-error: resets fail */
    bool removed;    /* surprise-removed: gone from the host */

    /* after complete() */
    bool realized;
    bool opened; /* claimed by a back end */
    uint16_t domain;
    uint8_t bus, slot, func;
    int group; /* the IOMMU group number */
    const SimPciHooks *hooks;
    void *hooks_opaque;

    /* device state */
    uint8_t config[256];
    uint64_t scratch, dma_iova;
    uint32_t dma_len, dma_status, dma_vector, dma_count;
    uint8_t buf[SIM_PCI_BUF_SIZE];
    uint8_t bar2[SIM_PCI_BAR2_SIZE];
    uint64_t resets;      /* resets done */
    uint64_t reset_calls; /* VFIO_DEVICE_RESET requests, done or not */
} SimPciFunction;

static inline SimPciFunction *SIM_PCI_FUNCTION(void *obj)
{
    return OBJECT_CHECK(SimPciFunction, obj, TYPE_SIM_PCI_FUNCTION);
}

/* The declared function at that address, or NULL */
SimPciFunction *sim_pci_find(uint16_t domain, uint8_t bus, uint8_t slot,
                             uint8_t func);
/* The declared functions of a slot (bit f: function f); a PciBdfPresentFn */
bool sim_pci_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                          uint8_t slot, uint8_t *present, Error **errp);

/* ---- the device (hw/sim/sim-pci-dev.c) ---- */

/* Power-on state of config space and registers (at complete()) */
void sim_pci_dev_init(SimPciFunction *f);
/* Function-level reset; false when reset-error=on (nothing changes) */
bool sim_pci_dev_reset(SimPciFunction *f);
/* Config space: 1, 2 or 4 bytes inside the 256; little endian */
uint32_t sim_pci_config_read(SimPciFunction *f, uint32_t off, unsigned len);
void sim_pci_config_write(SimPciFunction *f, uint32_t off, uint32_t val,
                          unsigned len);
/* BAR @bar (0 or 2): @len bytes at @off; false when outside or refused */
bool sim_pci_bar_read(SimPciFunction *f, unsigned bar, uint64_t off, void *buf,
                      size_t len);
bool sim_pci_bar_write(SimPciFunction *f, unsigned bar, uint64_t off,
                       const void *buf, size_t len);
uint64_t sim_pci_bar_size(const SimPciFunction *f, unsigned bar);

#endif
