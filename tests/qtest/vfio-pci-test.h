/*
 * Helpers of the vfio-pci qtests over simulated host functions: PCI
 * LOAD/STORE of the function's registers and config space, MPCIFC with
 * the FIB at FIB, enabling the function, starting its DMA engine.
 * Register layout: include/hw/sim/sim-pci.h (docs/system/s390x/objects.rst).
 */
#ifndef VFIO_PCI_TEST_H
#define VFIO_PCI_TEST_H

#include <inttypes.h>

#include "zpci-test.h"

#define FIB  0x30000u
#define AIBV 0x40000u
#define AISB 0x41000u

/* sim-pci-function BAR 0 registers */
#define REG_ID         0x00
#define REG_SCRATCH    0x08
#define REG_DMA_IOVA   0x10
#define REG_DMA_LEN    0x18
#define REG_DMA_CMD    0x1c
#define REG_DMA_STATUS 0x20
#define REG_DMA_COUNT  0x28
#define REG_IRQ        0x2c
#define REG_BUF        0x1000

/* An instruction answering "OK cc N REG [DATA]": its cc, *reg. */
static inline int insn_reg(gchar *reply, uint64_t *reg)
{
    int cc = -1;

    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64, &cc, reg), ==, 2);
    g_free(reply);
    return cc;
}

static inline int store(QTestState *s, uint32_t fh, unsigned space,
                        unsigned len, uint64_t off, uint64_t data)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                rq, off);
}

/* PCI LOAD of @len bytes: the register as the guest sees it (cc 0) */
static inline uint64_t load(QTestState *s, uint32_t fh, unsigned space,
                            unsigned len, uint64_t off)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;
    g_autofree gchar *reply = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x%" PRIx64, rq,
                                  off);
    uint64_t data = 0, after = 0;
    int cc = -1;

    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc,
                           &data, &after),
                    ==, 3);
    g_assert_cmpint(cc, ==, 0);
    return data;
}

/* Little endian on the function's side, byte-swapped in the register */
static inline uint32_t cfg_read(QTestState *s, uint32_t fh, unsigned off)
{
    return GUINT32_SWAP_LE_BE((uint32_t)load(s, fh, 15, 4, off));
}

static inline void reg_write(QTestState *s, uint32_t fh, unsigned off,
                             uint32_t v)
{
    g_assert_cmpint(store(s, fh, 0, 4, off, GUINT32_SWAP_LE_BE(v)), ==, 0);
}

static inline uint32_t reg_read(QTestState *s, uint32_t fh, unsigned off)
{
    return GUINT32_SWAP_LE_BE((uint32_t)load(s, fh, 0, 4, off));
}

/* MPCIFC @oc with the FIB at FIB: its cc (*status: the status byte) */
static inline int mpcifc_st(QTestState *s, uint32_t fh, unsigned oc,
                            unsigned *status)
{
    return zpci_fc(s, "s390_mpcifc", fh, oc, FIB, status);
}

static inline int mpcifc(QTestState *s, uint32_t fh, unsigned oc)
{
    return mpcifc_st(s, fh, oc, NULL);
}

/* Enable the function with @fid; Memory Space and Bus Master on */
static inline uint32_t enable_fid(QTestState *s, uint32_t fid)
{
    uint32_t fh = fh_of_fid(s, fid);

    g_assert_cmphex(fh, !=, 0);
    g_assert_cmphex(clp_set(s, fh, 0), ==, 0x0010);
    fh = qtest_readl(s, LPCB_RSP + 16);
    g_assert_cmpint(store(s, fh, 15, 2, 4, 0x0600), ==, 0);
    return fh;
}

static inline uint32_t enable(QTestState *s)
{
    return enable_fid(s, 0);
}

/* The function's DMA engine: its buffer to memory at @iova */
static inline void dma_to(QTestState *s, uint32_t fh, uint64_t iova,
                          uint32_t len)
{
    reg_write(s, fh, REG_DMA_IOVA, (uint32_t)iova);
    reg_write(s, fh, REG_DMA_IOVA + 4, iova >> 32);
    reg_write(s, fh, REG_DMA_LEN, len);
    reg_write(s, fh, REG_DMA_CMD, 1); /* buffer to memory */
}

/* RPCIT of [@iova, @iova + @len): its cc, *status the status byte */
static inline int rpcit(QTestState *s, uint32_t fh, uint64_t iova, uint64_t len,
                        unsigned *status)
{
    uint64_t reg = 0;
    int cc = insn_reg(cmd(s,
                          "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                          (uint64_t)fh << 32, iova, len),
                      &reg);

    if (status) {
        *status = (reg >> 24) & 0xff;
    }
    return cc;
}

#endif
