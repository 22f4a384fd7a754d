/*
 * PCI LOAD (B9D2), PCI STORE (B9D0) and PCI STORE BLOCK (EBD0): the
 * guest reaches a function's BARs (address spaces 0-5) and its
 * configuration space (15) by function handle.
 *
 * Byte order: PCI is little endian; the instructions move the bytes in
 * storage order, so the register holds them as a big-endian number and
 * the guest swaps (Linux's zpci_load/zpci_store and readl/writel do).
 * A register value of LEN bytes is the byte reversal of the device's
 * little-endian value.
 */
#include "qemu/osdep.h"
#include "target/s390x/pci-insn.h"
#include "hw/s390x/s390-pci-host.h"

#define PCIAS_BAR_LAST 5
#define PCIAS_CONFIG   15
#define PCI_MAXSTBL    128 /* the default group's maxstbl */

/* The request operand: handle, address space, length. */
typedef struct PciReq {
    uint32_t fh;
    uint8_t pcias;
    uint16_t len;
} PciReq;

static PciReq pci_req_decode(uint64_t reg, uint16_t len_mask)
{
    return (PciReq){
        .fh = reg >> 32,
        .pcias = (reg >> 16) & 0xf,
        .len = reg & len_mask,
    };
}

/* The status code goes to bits 32-39 of the request register. */
static void pci_set_status(uint64_t *reg, uint8_t status)
{
    *reg = (*reg & ~0xff000000ull) | (uint64_t)status << 24;
}

static uint64_t swap_bytes(uint64_t v, unsigned len)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < len; i++, v >>= 8) {
        r = r << 8 | (v & 0xff);
    }
    return r;
}

/*
 * The function the request names, or the condition code to end with
 * (status stored): 3 for no enabled function with this handle.
 */
static int pci_lookup(uint64_t *reg, uint32_t fh, ZpciDevice **out)
{
    S390PciHost *h = s390_pci_host_get();
    ZpciDevice *z = h ? s390_pci_find_by_fh(h, fh) : NULL;

    if (!z || !(z->fh & ZPCI_FH_ENABLED) || !z->pdev ||
        z->state == ZPCI_FS_PERMANENT_ERROR) {
        return 3;
    }
    if (z->state == ZPCI_FS_ERROR) {
        pci_set_status(reg, ZPCI_ST_FUNC_IN_ERR);
        return 1;
    }
    if (z->state == ZPCI_FS_BLOCKED) {
        pci_set_status(reg, ZPCI_ST_BLOCKED);
        return 1;
    }
    *out = z;
    return 0;
}

/* Storage-order bytes <-> the right-aligned register value */
static uint64_t bytes_to_reg(const uint8_t *b, unsigned len)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < len; i++) {
        v = v << 8 | b[i];
    }
    return v;
}

static void reg_to_bytes(uint64_t v, uint8_t *b, unsigned len)
{
    for (unsigned i = len; i-- > 0; v >>= 8) {
        b[i] = v;
    }
}

/* The BAR's address space, with the range inside it, or a result. */
static int pci_bar_check(ZpciDevice *z, uint64_t *reg, const PciReq *rq,
                         uint64_t offset, AddressSpace **as)
{
    uint64_t size = pci_bar_size(z->pdev, rq->pcias);

    *as = zpci_bar_as(z, rq->pcias);
    if (!*as) {
        pci_set_status(reg, ZPCI_ST_INVAL_AS);
        return 1;
    }
    if (offset >= size || rq->len > size - offset) {
        return s390_pgm(PGM_OPERAND);
    }
    return 0;
}

static int pci_config_access(ZpciDevice *z, const PciReq *rq, uint64_t offset,
                             uint64_t *val, bool is_write)
{
    uint32_t size = z->pdev->config_size;

    /* 1, 2 or 4 bytes within one word */
    if (!rq->len || rq->len == 3 || rq->len > 4 - (offset & 3)) {
        return s390_pgm(PGM_OPERAND);
    }
    if (offset >= size || rq->len > size - offset) {
        if (!is_write) {
            *val = swap_bytes(~0ull, rq->len);
        }
        return 0;
    }
    if (is_write) {
        pci_config_write(z->pdev, offset, swap_bytes(*val, rq->len), rq->len);
    } else {
        *val = swap_bytes(pci_config_read(z->pdev, offset, rq->len), rq->len);
    }
    return 0;
}

/* One load or store of rq->len bytes; @val in storage order. */
static int pci_access(ZpciDevice *z, uint64_t *reg, const PciReq *rq,
                      uint64_t offset, uint64_t *val, bool is_write)
{
    AddressSpace *as;
    uint8_t bytes[8];
    int r;

    if (rq->pcias == PCIAS_CONFIG) {
        return pci_config_access(z, rq, offset, val, is_write);
    }
    if (rq->pcias > PCIAS_BAR_LAST) {
        pci_set_status(reg, ZPCI_ST_INVAL_AS);
        return 1;
    }
    /* 1 to 8 bytes within one doubleword */
    if (!rq->len || rq->len > 8 - (offset & 7)) {
        return s390_pgm(PGM_OPERAND);
    }
    r = pci_bar_check(z, reg, rq, offset, &as);
    if (r) {
        return r;
    }
    if (is_write) {
        reg_to_bytes(*val, bytes, rq->len);
        return address_space_write(as, offset, MEMTXATTRS_UNSPECIFIED, bytes,
                                   rq->len)
                   ? s390_pgm(PGM_OPERAND)
                   : 0;
    }
    if (address_space_read(as, offset, MEMTXATTRS_UNSPECIFIED, bytes,
                           rq->len)) {
        return s390_pgm(PGM_OPERAND);
    }
    *val = bytes_to_reg(bytes, rq->len);
    return 0;
}

int pci_insn_pcilg(CPUS390XState *env, int r1, int r2)
{
    PciReq rq;
    ZpciDevice *z;
    uint64_t val = 0;
    int r;

    if (r2 & 1) {
        return s390_pgm(PGM_SPECIFICATION);
    }
    rq = pci_req_decode(env->regs[r2], 0xf);
    r = pci_lookup(&env->regs[r2], rq.fh, &z);
    if (r) {
        return r;
    }
    r = pci_access(z, &env->regs[r2], &rq, env->regs[r2 + 1], &val, false);
    if (!r) {
        env->regs[r1] = val;
        zpci_fmb_count(z, ZPCI_FMB_LOAD);
    }
    return r;
}

int pci_insn_pcistg(CPUS390XState *env, int r1, int r2)
{
    PciReq rq;
    ZpciDevice *z;
    uint64_t val = env->regs[r1];
    int r;

    if (r2 & 1) {
        return s390_pgm(PGM_SPECIFICATION);
    }
    rq = pci_req_decode(env->regs[r2], 0xf);
    r = pci_lookup(&env->regs[r2], rq.fh, &z);
    if (r) {
        return r;
    }
    /* the value is right-aligned in the register */
    val &= rq.len >= 8 ? ~0ull : (1ull << (8 * rq.len)) - 1;
    r = pci_access(z, &env->regs[r2], &rq, env->regs[r2 + 1], &val, true);
    if (!r) {
        zpci_fmb_count(z, ZPCI_FMB_STORE);
    }
    return r;
}

int pci_insn_pcistb(CPUS390XState *env, int r1, int r3, uint64_t addr)
{
    PciReq rq = pci_req_decode(env->regs[r1], 0x1fff);
    uint64_t offset = env->regs[r3];
    uint8_t block[PCI_MAXSTBL];
    AddressSpace *as;
    ZpciDevice *z;
    int r;

    r = pci_lookup(&env->regs[r1], rq.fh, &z);
    if (r) {
        return r;
    }
    if (rq.pcias > PCIAS_BAR_LAST) {
        pci_set_status(&env->regs[r1], ZPCI_ST_INVAL_AS);
        return 1;
    }
    /* whole doublewords, more than one, at most maxstbl, in one 4 KiB */
    if (rq.len <= 8 || rq.len % 8 || rq.len > PCI_MAXSTBL ||
        (offset & 0xfff) + rq.len > 0x1000 || (addr & 7)) {
        return s390_pgm(PGM_SPECIFICATION);
    }
    r = pci_bar_check(z, &env->regs[r1], &rq, offset, &as);
    if (r) {
        return r;
    }
    r = ioinst_check_operand(addr, rq.len, 8, false);
    if (r) {
        return r;
    }
    ioinst_fetch(addr, block, rq.len);
    /* doubleword by doubleword, as the PCI side sees them */
    for (unsigned i = 0; i < rq.len; i += 8) {
        if (address_space_write(as, offset + i, MEMTXATTRS_UNSPECIFIED,
                                block + i, 8)) {
            return s390_pgm(PGM_OPERAND);
        }
    }
    zpci_fmb_count(z, ZPCI_FMB_STORE_BLOCK);
    return 0;
}
