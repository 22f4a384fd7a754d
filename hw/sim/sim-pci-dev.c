/*
 * sim-pci-function: the device itself -- configuration space, the
 * register BAR with its DMA engine, the MSI-X BAR, reset
 * (include/hw/sim/sim-pci.h).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/sim/sim-pci.h"

/* PCI is little endian: byte 0 is bits 0-7 */
static uint64_t ld_le(const void *p, unsigned n)
{
    const uint8_t *b = p;
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)b[i] << (8 * i);
    }
    return v;
}

static void st_le(void *p, uint64_t v, unsigned n)
{
    uint8_t *b = p;

    for (unsigned i = 0; i < n; i++) {
        b[i] = v >> (8 * i);
    }
}

#define lduw_le_p(p)   ((uint16_t)ld_le(p, 2))
#define ldl_le_p(p)    ((uint32_t)ld_le(p, 4))
#define ldq_le_p(p)    ld_le(p, 8)
#define stw_le_p(p, v) st_le(p, v, 2)
#define stl_le_p(p, v) st_le(p, v, 4)
#define stq_le_p(p, v) st_le(p, v, 8)

/* Header offsets and bits used here (PCI Local Bus Specification) */
#define CFG_VENDOR      0x00
#define CFG_DEVICE      0x02
#define CFG_COMMAND     0x04
#define CFG_STATUS      0x06
#define CFG_REVISION    0x08
#define CFG_CLASS       0x09
#define CFG_HEADER_TYPE 0x0e
#define CFG_BAR0        0x10
#define CFG_SUBSYS_VEN  0x2c
#define CFG_SUBSYS_ID   0x2e
#define CFG_CAP_PTR     0x34

#define CMD_MEMORY     0x0002
#define CMD_MASTER     0x0004
#define CMD_WRITABLE   0x0546 /* memory, master, parity, SERR, INTx off */
#define STATUS_CAPLIST 0x0010
#define HDR_MULTIFUNC  0x80
#define BAR_MEM64      0x04
#define MSIX_CAP_ID    0x11
#define MSIX_CTRL_RW   0xc000 /* MSI-X Enable, Function Mask */

static uint64_t sim_bar_mask(unsigned bar)
{
    switch (bar) {
    case 0:
        return ~(uint64_t)(SIM_PCI_BAR0_SIZE - 1);
    case 2:
        return ~(uint64_t)(SIM_PCI_BAR2_SIZE - 1) & 0xffffffffu;
    default:
        return 0;
    }
}

void sim_pci_dev_init(SimPciFunction *f)
{
    uint8_t *c = f->config;

    memset(c, 0, sizeof(f->config));
    stw_le_p(c + CFG_VENDOR, f->vendor_id);
    stw_le_p(c + CFG_DEVICE, f->device_id);
    stw_le_p(c + CFG_STATUS, STATUS_CAPLIST);
    c[CFG_REVISION] = f->revision;
    c[CFG_CLASS] = f->class_code;
    c[CFG_CLASS + 1] = f->class_code >> 8;
    c[CFG_CLASS + 2] = f->class_code >> 16;
    stl_le_p(c + CFG_BAR0, BAR_MEM64);
    stw_le_p(c + CFG_SUBSYS_VEN, f->subsystem_vendor_id);
    stw_le_p(c + CFG_SUBSYS_ID, f->subsystem_id);
    c[CFG_CAP_PTR] = SIM_PCI_MSIX_CAP;
    /* MSI-X: id, next 0, control (table size - 1), table and PBA in BAR 2 */
    c[SIM_PCI_MSIX_CAP] = MSIX_CAP_ID;
    stw_le_p(c + SIM_PCI_MSIX_CAP + 2, f->msix_vectors - 1);
    stl_le_p(c + SIM_PCI_MSIX_CAP + 4, 0 | 2);
    stl_le_p(c + SIM_PCI_MSIX_CAP + 8, SIM_PCI_MSIX_PBA | 2);
    f->scratch = f->dma_iova = 0;
    f->dma_len = 0;
    f->dma_status = SIM_PCI_DMA_ST_IDLE;
    f->dma_vector = SIM_PCI_NO_VECTOR;
    memset(f->buf, 0, sizeof(f->buf));
    memset(f->bar2, 0, sizeof(f->bar2));
    /* every vector masked, as after reset */
    for (unsigned v = 0; v < f->msix_vectors; v++) {
        stl_le_p(f->bar2 + v * 16 + 12, 1);
    }
}

bool sim_pci_dev_reset(SimPciFunction *f)
{
    if (f->fail_reset) {
        return false;
    }
    sim_pci_dev_init(f);
    f->resets++;
    return true;
}

/* Header Type: multi-function when another function of the slot exists */
static uint8_t sim_header_type(SimPciFunction *f)
{
    uint8_t present = 0;

    sim_pci_slot_present(NULL, f->domain, f->bus, f->slot, &present, NULL);
    return (present & ~(1u << f->func)) ? HDR_MULTIFUNC : 0;
}

uint32_t sim_pci_config_read(SimPciFunction *f, uint32_t off, unsigned len)
{
    uint32_t v = 0;

    if ((len != 1 && len != 2 && len != 4) || off >= sizeof(f->config) ||
        len > sizeof(f->config) - off) {
        return 0xffffffffu;
    }
    f->config[CFG_HEADER_TYPE] = sim_header_type(f);
    for (unsigned i = 0; i < len; i++) {
        v |= (uint32_t)f->config[off + i] << (8 * i);
    }
    return v;
}

/* Writable bits of config byte @off */
static uint8_t sim_config_wmask(uint32_t off)
{
    if (off == CFG_COMMAND || off == CFG_COMMAND + 1) {
        return CMD_WRITABLE >> (8 * (off - CFG_COMMAND));
    }
    if (off >= CFG_BAR0 && off < CFG_BAR0 + 24) {
        unsigned reg = (off - CFG_BAR0) / 4, byte = (off - CFG_BAR0) % 4;
        uint64_t mask = reg == 1   ? 0xffffffffu
                        : reg == 0 ? sim_bar_mask(0) & 0xffffffffu
                        : reg == 2 ? sim_bar_mask(2)
                                   : 0;

        return mask >> (8 * byte);
    }
    if (off == SIM_PCI_MSIX_CAP + 3) {
        return MSIX_CTRL_RW >> 8;
    }
    return 0;
}

void sim_pci_config_write(SimPciFunction *f, uint32_t off, uint32_t val,
                          unsigned len)
{
    if ((len != 1 && len != 2 && len != 4) || off >= sizeof(f->config) ||
        len > sizeof(f->config) - off) {
        return;
    }
    for (unsigned i = 0; i < len; i++) {
        uint8_t m = sim_config_wmask(off + i);
        uint8_t *b = &f->config[off + i];

        *b = (*b & ~m) | ((val >> (8 * i)) & m);
    }
}

uint64_t sim_pci_bar_size(const SimPciFunction *f, unsigned bar)
{
    return bar == 0 ? SIM_PCI_BAR0_SIZE : bar == 2 ? SIM_PCI_BAR2_SIZE : 0;
}

static void sim_raise(SimPciFunction *f, SimPciIrq irq, unsigned vector)
{
    if (f->hooks && f->hooks->irq) {
        f->hooks->irq(f->hooks_opaque, irq, vector);
    }
}

/* A vector the function may send: MSI-X enabled, unmasked (function/entry) */
static void sim_msix_send(SimPciFunction *f, uint32_t vector)
{
    uint16_t ctrl = lduw_le_p(f->config + SIM_PCI_MSIX_CAP + 2);

    if (vector >= f->msix_vectors || !(ctrl & 0x8000) || (ctrl & 0x4000) ||
        (ldl_le_p(f->bar2 + vector * 16 + 12) & 1)) {
        return;
    }
    sim_raise(f, SIM_PCI_IRQ_MSIX, vector);
}

static uint32_t sim_dma_run(SimPciFunction *f, uint32_t cmd)
{
    bool to_mem = cmd == SIM_PCI_DMA_TO_MEMORY;

    if ((cmd != SIM_PCI_DMA_TO_MEMORY && cmd != SIM_PCI_DMA_FROM_MEMORY) ||
        !f->dma_len || f->dma_len > SIM_PCI_BUF_SIZE) {
        return SIM_PCI_DMA_ST_BAD_CMD;
    }
    if (!(lduw_le_p(f->config + CFG_COMMAND) & CMD_MASTER)) {
        return SIM_PCI_DMA_ST_NO_MASTER;
    }
    if (f->fail_dma) {
        return SIM_PCI_DMA_ST_ERROR;
    }
    if (!f->hooks || !f->hooks->dma ||
        !f->hooks->dma(f->hooks_opaque, f->dma_iova, f->buf, f->dma_len,
                       to_mem)) {
        return SIM_PCI_DMA_ST_FAULT;
    }
    return SIM_PCI_DMA_ST_DONE;
}

static void sim_dma_start(SimPciFunction *f, uint32_t cmd)
{
    f->dma_status = sim_dma_run(f, cmd);
    trace_point("sim_pci_dma",
                "%04x:%02x:%02x.%u iova 0x%" PRIx64 " len %u cmd %u status %u",
                f->domain, f->bus, f->slot, f->func, f->dma_iova, f->dma_len,
                cmd, f->dma_status);
    if (f->dma_status == SIM_PCI_DMA_ST_FAULT ||
        f->dma_status == SIM_PCI_DMA_ST_ERROR) {
        sim_raise(f, SIM_PCI_IRQ_ERROR, 0);
        return;
    }
    if (f->dma_status == SIM_PCI_DMA_ST_DONE) {
        f->dma_count++;
        if (f->dma_vector != SIM_PCI_NO_VECTOR) {
            sim_msix_send(f, f->dma_vector);
        }
    }
}

static uint64_t sim_reg_read(SimPciFunction *f, uint64_t off)
{
    switch (off) {
    case SIM_PCI_REG_ID:
        return SIM_PCI_ID_MAGIC;
    case SIM_PCI_REG_SCRATCH:
        return f->scratch;
    case SIM_PCI_REG_DMA_IOVA:
        return f->dma_iova;
    case SIM_PCI_REG_DMA_LEN:
        return f->dma_len;
    case SIM_PCI_REG_DMA_STATUS:
        return f->dma_status;
    case SIM_PCI_REG_DMA_VECTOR:
        return f->dma_vector;
    case SIM_PCI_REG_DMA_COUNT:
        return f->dma_count;
    default:
        return 0;
    }
}

static void sim_reg_write(SimPciFunction *f, uint64_t off, uint64_t v,
                          size_t len)
{
    switch (off) {
    case SIM_PCI_REG_SCRATCH:
        f->scratch = len == 8 ? v : (f->scratch & ~0xffffffffull) | v;
        break;
    case SIM_PCI_REG_SCRATCH + 4:
        f->scratch = (f->scratch & 0xffffffffull) | (v << 32);
        break;
    case SIM_PCI_REG_DMA_IOVA:
        f->dma_iova = len == 8 ? v : (f->dma_iova & ~0xffffffffull) | v;
        break;
    case SIM_PCI_REG_DMA_IOVA + 4:
        f->dma_iova = (f->dma_iova & 0xffffffffull) | (v << 32);
        break;
    case SIM_PCI_REG_DMA_LEN:
        f->dma_len = v;
        break;
    case SIM_PCI_REG_DMA_CMD:
        sim_dma_start(f, v);
        break;
    case SIM_PCI_REG_DMA_VECTOR:
        f->dma_vector = v;
        break;
    case SIM_PCI_REG_IRQ:
        sim_msix_send(f, v);
        break;
    default:
        break; /* read-only or unused: dropped */
    }
}

/* Registers: aligned 4 or 8 bytes; buffer and BAR 2: any bytes inside */
static bool sim_bar_check(SimPciFunction *f, unsigned bar, uint64_t off,
                          size_t len)
{
    uint64_t size = sim_pci_bar_size(f, bar);

    if (!size || !len || off >= size || len > size - off) {
        return false;
    }
    if (bar == 0 && off < SIM_PCI_BUF) {
        return (len == 4 || len == 8) && !(off % len) &&
               off + len <= SIM_PCI_BUF;
    }
    return true;
}

bool sim_pci_bar_read(SimPciFunction *f, unsigned bar, uint64_t off, void *buf,
                      size_t len)
{
    if (!sim_bar_check(f, bar, off, len) ||
        !(lduw_le_p(f->config + CFG_COMMAND) & CMD_MEMORY)) {
        return false;
    }
    if (bar == 2) {
        memcpy(buf, f->bar2 + off, len);
    } else if (off >= SIM_PCI_BUF) {
        memcpy(buf, f->buf + (off - SIM_PCI_BUF), len);
    } else if (len == 8) {
        stq_le_p(buf, sim_reg_read(f, off));
    } else {
        uint64_t v = sim_reg_read(f, off & ~7ull);

        /* a 4-byte read of either half of a 64-bit register */
        if (off == (off & ~7ull) &&
            (off == SIM_PCI_REG_SCRATCH || off == SIM_PCI_REG_DMA_IOVA)) {
            stl_le_p(buf, v);
        } else if (off == SIM_PCI_REG_SCRATCH + 4 ||
                   off == SIM_PCI_REG_DMA_IOVA + 4) {
            stl_le_p(buf, v >> 32);
        } else {
            stl_le_p(buf, sim_reg_read(f, off));
        }
    }
    return true;
}

bool sim_pci_bar_write(SimPciFunction *f, unsigned bar, uint64_t off,
                       const void *buf, size_t len)
{
    if (!sim_bar_check(f, bar, off, len) ||
        !(lduw_le_p(f->config + CFG_COMMAND) & CMD_MEMORY)) {
        return false;
    }
    if (bar == 2) {
        /* the table; the PBA is read-only */
        if (off < SIM_PCI_MSIX_PBA) {
            memcpy(f->bar2 + off, buf, MIN(len, SIM_PCI_MSIX_PBA - off));
        }
    } else if (off >= SIM_PCI_BUF) {
        memcpy(f->buf + (off - SIM_PCI_BUF), buf, len);
    } else {
        sim_reg_write(f, off, len == 8 ? ldq_le_p(buf) : ldl_le_p(buf), len);
    }
    return true;
}
