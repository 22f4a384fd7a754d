/*
 * Unit tests of pci-testfn: identity and capabilities, registers, the
 * DMA engine into and out of memory through the DMA address space,
 * completion vectors, fault and bad-request status, FLR.
 */
#include "test-pci-fixture.h"
#include "hw/misc/pci-testfn.h"

typedef struct Tf {
    PCIDevice *dev;
    AddressSpace regs, buf, msix;
} Tf;

static void tf_open_opts(Tf *t, const char *vectors, bool express)
{
    DeviceState *dev = qdev_new(TYPE_PCI_TESTFN);

    if (vectors) {
        object_property_parse(OBJECT(dev), "vectors", vectors, &error_abort);
    }
    qdev_prop_set_bit(dev, "express", express);
    qdev_prop_set_uint64(dev, "serial", 0x0123456789abcdefULL);
    g_assert_true(qdev_realize_and_unref(dev, &host.bus->qbus, &error_abort));
    t->dev = PCI_DEVICE(dev);
    address_space_init(&t->regs, pci_bar_region(t->dev, 0), "regs");
    address_space_init(&t->buf, pci_bar_region(t->dev, 2), "buf");
    address_space_init(&t->msix, pci_bar_region(t->dev, 4), "msix");
    g_array_set_size(host.msgs, 0);
}

static void tf_open(Tf *t)
{
    tf_open_opts(t, NULL, false);
}

static void tf_close(Tf *t)
{
    address_space_destroy(&t->regs);
    address_space_destroy(&t->buf);
    address_space_destroy(&t->msix);
    fn_del(t->dev);
}

static uint32_t rd(Tf *t, hwaddr off)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&t->regs, off, MEMTXATTRS_UNSPECIFIED,
                                      &r);

    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr(Tf *t, hwaddr off, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&t->regs, off, v, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static void dma(Tf *t, uint64_t addr, uint32_t off, uint32_t len, uint32_t cmd)
{
    wr(t, TESTFN_DMA_ADDR_LO, (uint32_t)addr);
    wr(t, TESTFN_DMA_ADDR_HI, addr >> 32);
    wr(t, TESTFN_DMA_OFFSET, off);
    wr(t, TESTFN_DMA_LEN, len);
    wr(t, TESTFN_DMA_CMD, cmd);
}

/* Enable MSI-X and unmask @vector with message (0xfee00000, data). */
static void msix_live(Tf *t, unsigned vector, uint32_t data)
{
    uint8_t cap = pci_find_capability(t->dev, PCI_CAP_ID_MSIX);
    MemTxAttrs a = MEMTXATTRS_UNSPECIFIED;

    address_space_stl_le(&t->msix, vector * 16, 0xfee00000, a, NULL);
    address_space_stl_le(&t->msix, vector * 16 + 8, data, a, NULL);
    address_space_stl_le(&t->msix, vector * 16 + 12, 0, a, NULL);
    cfg_wr(t->dev, cap + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE, 2);
}

static void test_identity(void)
{
    Tf t;
    uint8_t msix, exp;

    tf_open(&t);
    g_assert_cmphex(cfg_rd(t.dev, PCI_VENDOR_ID, 2), ==, PCI_TESTFN_VENDOR_ID);
    g_assert_cmphex(cfg_rd(t.dev, PCI_DEVICE_ID, 2), ==, PCI_TESTFN_DEVICE_ID);
    g_assert_cmphex(cfg_rd(t.dev, PCI_SUBSYSTEM_VENDOR_ID, 4), ==, 0x00015a50);
    g_assert_cmphex(cfg_rd(t.dev, PCI_CLASS_DEVICE, 2), ==, 0xff00);
    g_assert_cmpuint(t.dev->config_size, ==, 256);
    msix = pci_find_capability(t.dev, PCI_CAP_ID_MSIX);
    exp = pci_find_capability(t.dev, PCI_CAP_ID_EXP);
    g_assert_cmphex(msix, ==, 0x40);
    g_assert_cmphex(exp, ==, 0x4c);
    g_assert_cmphex(cfg_rd(t.dev, msix + PCI_MSIX_FLAGS, 2), ==, 3);
    g_assert_cmphex(cfg_rd(t.dev, msix + PCI_MSIX_TABLE, 4), ==, 4);
    g_assert_cmphex(cfg_rd(t.dev, msix + PCI_MSIX_PBA, 4), ==, 0x8004);
    g_assert_true(cfg_rd(t.dev, exp + PCI_EXP_DEVCAP, 4) & PCI_EXP_DEVCAP_FLR);
    /* BAR kinds and sizes */
    g_assert_cmphex(cfg_rd(t.dev, PCI_BASE_ADDRESS_0, 4), ==, 0x0);
    g_assert_cmphex(cfg_rd(t.dev, PCI_BASE_ADDRESS_0 + 8, 4), ==, 0xc);
    g_assert_cmphex(cfg_rd(t.dev, PCI_BASE_ADDRESS_0 + 16, 4), ==, 0x4);
    g_assert_cmpuint(pci_bar_size(t.dev, 0), ==, PCI_TESTFN_REG_SIZE);
    g_assert_cmpuint(pci_bar_size(t.dev, 2), ==, PCI_TESTFN_BUF_SIZE);
    g_assert_cmpuint(pci_bar_size(t.dev, 4), ==, PCI_TESTFN_MSIX_SIZE);
    g_assert_cmphex(rd(&t, TESTFN_ID), ==, PCI_TESTFN_MAGIC);
    g_assert_cmphex(rd(&t, TESTFN_VERSION), ==, 1);
    g_assert_cmphex(rd(&t, TESTFN_VECTORS), ==, 4);
    tf_close(&t);
}

static void test_express_and_vectors(void)
{
    Tf t;
    Error *err = NULL;
    DeviceState *bad;

    tf_open_opts(&t, "64", true);
    g_assert_cmpuint(t.dev->config_size, ==, 4096);
    g_assert_cmphex(rd(&t, TESTFN_VECTORS), ==, 64);
    g_assert_cmphex(pci_find_ext_capability(t.dev, PCI_EXT_CAP_ID_DSN), ==,
                    0x100);
    g_assert_cmphex(cfg_rd(t.dev, 0x104, 4), ==, 0x89abcdef);
    g_assert_cmphex(cfg_rd(t.dev, 0x108, 4), ==, 0x01234567);
    tf_close(&t);
    bad = qdev_new(TYPE_PCI_TESTFN);
    qdev_prop_set_uint32(bad, "vectors", 0);
    g_assert_false(qdev_realize(bad, &host.bus->qbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "pci-testfn: vectors must be in 1..2048");
    error_free(err);
    object_unref(OBJECT(bad));
    g_assert_cmpint(host.bus->qbus.num_children, ==, 0);
}

static void test_registers(void)
{
    Tf t;
    MemTxResult r;

    tf_open(&t);
    wr(&t, TESTFN_SCRATCH, 0xdeadbeef);
    g_assert_cmphex(rd(&t, TESTFN_SCRATCH), ==, 0xdeadbeef);
    /* read-only and write-only registers */
    wr(&t, TESTFN_ID, 0);
    g_assert_cmphex(rd(&t, TESTFN_ID), ==, PCI_TESTFN_MAGIC);
    g_assert_cmphex(rd(&t, TESTFN_DMA_CMD), ==, 0);
    /* an 8-byte access covers two registers */
    address_space_stq_le(&t.regs, TESTFN_DMA_ADDR_LO, 0x1122334455667788ULL,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(rd(&t, TESTFN_DMA_ADDR_HI), ==, 0x11223344);
    g_assert_cmphex(address_space_ldq_le(&t.regs, TESTFN_DMA_ADDR_LO,
                                         MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0x1122334455667788ULL);
    /* byte accesses to the registers are refused */
    address_space_ldub(&t.regs, TESTFN_SCRATCH, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    /* the buffer takes any size */
    address_space_stb(&t.buf, 5, 0x7e, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_le(&t.buf, 4, MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0x7e00);
    tf_close(&t);
}

static void test_dma_to_memory(void)
{
    Tf t;
    uint8_t *ram = memory_region_get_ram_ptr(&host.ram);
    uint8_t pattern[64];
    unsigned i;

    tf_open(&t);
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    for (i = 0; i < sizeof(pattern); i++) {
        pattern[i] = 0xa0 + i;
        address_space_stb(&t.buf, 0x100 + i, pattern[i], MEMTXATTRS_UNSPECIFIED,
                          NULL);
    }
    memset(ram + 0x3000, 0, 128);
    msix_live(&t, 2, 0x77);
    wr(&t, TESTFN_DMA_VECTOR, 2);
    dma(&t, 0x3010, 0x100, 64, TESTFN_CMD_IRQ);
    g_assert_cmpmem(ram + 0x3010, 64, pattern, 64);
    g_assert_cmpuint(ram[0x300f], ==, 0);
    g_assert_cmpuint(ram[0x3050], ==, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, TESTFN_STATUS_DONE);
    g_assert_cmpuint(rd(&t, TESTFN_DMA_COUNT), ==, 1);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    g_assert_cmphex(g_array_index(host.msgs, TestMsg, 0).data, ==, 0x77);
    /* done is write-1-to-clear; without CMD_IRQ no vector */
    wr(&t, TESTFN_STATUS, TESTFN_STATUS_DONE);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, 0);
    dma(&t, 0x3000, 0x100, 1, 0);
    g_assert_cmpuint(ram[0x3000], ==, 0xa0);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    tf_close(&t);
}

static void test_dma_from_memory(void)
{
    Tf t;
    uint8_t *ram = memory_region_get_ram_ptr(&host.ram);
    uint8_t back[16];

    tf_open(&t);
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    memcpy(ram + 0x5000, "zPCI test fn DMA", 16);
    /* the last 16 bytes of the buffer */
    dma(&t, 0x5000, 0xff0, 16, TESTFN_CMD_FROM_MEM);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, TESTFN_STATUS_DONE);
    g_assert_cmpuint(address_space_read(&t.buf, 0xff0, MEMTXATTRS_UNSPECIFIED,
                                        back, 16),
                     ==, MEMTX_OK);
    g_assert_cmpmem(back, 16, "zPCI test fn DMA", 16);
    /* a round trip: buffer back out to another place */
    dma(&t, 0x6000, 0xff0, 16, 0);
    g_assert_cmpmem(ram + 0x6000, 16, "zPCI test fn DMA", 16);
    g_assert_cmpuint(rd(&t, TESTFN_DMA_COUNT), ==, 2);
    tf_close(&t);
}

static void test_dma_fault(void)
{
    Tf t;
    uint32_t st;

    tf_open(&t);
    msix_live(&t, 1, 0x11);
    wr(&t, TESTFN_DMA_VECTOR, 1);
    /* bus mastering off: a fault; the completion message needs bus
     * mastering too, so nothing arrives */
    dma(&t, 0x1000, 0, 8, TESTFN_CMD_IRQ);
    st = rd(&t, TESTFN_STATUS);
    g_assert_cmphex(st & 0xff, ==, TESTFN_STATUS_DONE | TESTFN_STATUS_FAULT);
    g_assert_cmphex(st >> TESTFN_STATUS_CODE_SHIFT, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(host.msgs->len, ==, 0);
    wr(&t, TESTFN_STATUS, TESTFN_STATUS_DONE | TESTFN_STATUS_FAULT);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, 0);
    /* outside the DMA address space's RAM */
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    dma(&t, 0x123400000000ULL, 0, 8, TESTFN_CMD_IRQ);
    st = rd(&t, TESTFN_STATUS);
    g_assert_cmphex(st & 0xff, ==, TESTFN_STATUS_DONE | TESTFN_STATUS_FAULT);
    g_assert_cmphex(st >> TESTFN_STATUS_CODE_SHIFT, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(rd(&t, TESTFN_FAULT_HI), ==, 0x1234);
    g_assert_cmphex(rd(&t, TESTFN_FAULT_LO), ==, 0);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    /* clearing DONE alone leaves FAULT and its code */
    wr(&t, TESTFN_STATUS, TESTFN_STATUS_DONE);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==,
                    TESTFN_STATUS_FAULT | MEMTX_DECODE_ERROR
                                              << TESTFN_STATUS_CODE_SHIFT);
    /* a later good transfer leaves FAULT and its code alone */
    dma(&t, 0x1000, 0, 8, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==,
                    TESTFN_STATUS_DONE | TESTFN_STATUS_FAULT |
                        MEMTX_DECODE_ERROR << TESTFN_STATUS_CODE_SHIFT);
    /* clearing FAULT clears the code */
    wr(&t, TESTFN_STATUS, TESTFN_STATUS_FAULT);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, TESTFN_STATUS_DONE);
    tf_close(&t);
}

static void test_bad_request(void)
{
    Tf t;
    uint8_t *ram = memory_region_get_ram_ptr(&host.ram);

    tf_open(&t);
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    memset(ram + 0x2000, 0x55, 16);
    dma(&t, 0x2000, 0xff9, 8, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==,
                    TESTFN_STATUS_DONE | TESTFN_STATUS_BAD_REQ);
    g_assert_cmpuint(ram[0x2000], ==, 0x55);
    wr(&t, TESTFN_STATUS, TESTFN_STATUS_BAD_REQ | TESTFN_STATUS_DONE);
    dma(&t, 0x2000, 0xffffffff, 2, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==,
                    TESTFN_STATUS_DONE | TESTFN_STATUS_BAD_REQ);
    /* exactly the whole buffer is fine (never written: zeros) */
    wr(&t, TESTFN_STATUS, 0xff);
    dma(&t, 0x2000, 0, PCI_TESTFN_BUF_SIZE, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, TESTFN_STATUS_DONE);
    g_assert_cmpuint(ram[0x2000], ==, 0);
    tf_close(&t);
}

static void test_irq_register(void)
{
    Tf t;
    uint8_t cap;

    tf_open(&t);
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    msix_live(&t, 3, 0x33);
    wr(&t, TESTFN_IRQ, 3);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    /* vectors 0-2 are still masked: pending, seen in the PBA */
    wr(&t, TESTFN_IRQ, 0);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    g_assert_cmphex(address_space_ldl_le(&t.msix, PCI_TESTFN_PBA_OFFSET,
                                         MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 1);
    /* beyond the vector count: ignored */
    wr(&t, TESTFN_IRQ, 4);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    cap = pci_find_capability(t.dev, PCI_CAP_ID_MSIX);
    cfg_wr(t.dev, cap + PCI_MSIX_FLAGS,
           PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL, 2);
    wr(&t, TESTFN_IRQ, 3);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    cfg_wr(t.dev, cap + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE, 2);
    g_assert_cmpuint(host.msgs->len, ==, 2);
    tf_close(&t);
}

static void test_flr(void)
{
    Tf t;
    uint8_t exp;
    uint8_t back[4];

    tf_open(&t);
    cfg_wr(t.dev, PCI_COMMAND, PCI_COMMAND_MASTER | PCI_COMMAND_MEMORY, 2);
    msix_live(&t, 0, 1);
    wr(&t, TESTFN_SCRATCH, 42);
    address_space_write(&t.buf, 0, MEMTXATTRS_UNSPECIFIED, "abcd", 4);
    dma(&t, 0x100, 0, 4, 0);
    g_assert_cmpuint(rd(&t, TESTFN_DMA_COUNT), ==, 1);
    exp = pci_find_capability(t.dev, PCI_CAP_ID_EXP);
    cfg_wr(t.dev, exp + PCI_EXP_DEVCTL, PCI_EXP_DEVCTL_BCR_FLR, 2);
    g_assert_cmpuint(t.dev->resets, ==, 1);
    g_assert_cmphex(rd(&t, TESTFN_SCRATCH), ==, 0);
    g_assert_cmphex(rd(&t, TESTFN_STATUS), ==, 0);
    g_assert_cmphex(rd(&t, TESTFN_DMA_COUNT), ==, 0);
    g_assert_cmphex(rd(&t, TESTFN_DMA_ADDR_LO), ==, 0);
    g_assert_cmphex(rd(&t, TESTFN_ID), ==, PCI_TESTFN_MAGIC);
    address_space_read(&t.buf, 0, MEMTXATTRS_UNSPECIFIED, back, 4);
    g_assert_cmpmem(back, 4, "\0\0\0\0", 4);
    g_assert_cmphex(cfg_rd(t.dev, PCI_COMMAND, 2), ==, 0);
    g_assert_false(msix_enabled(t.dev));
    g_assert_cmphex(address_space_ldl_le(&t.msix, 12, MEMTXATTRS_UNSPECIFIED,
                                         NULL),
                    ==, 1);
    tf_close(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_setup();
    g_test_add_func("/pci/testfn/identity", test_identity);
    g_test_add_func("/pci/testfn/express-and-vectors",
                    test_express_and_vectors);
    g_test_add_func("/pci/testfn/registers", test_registers);
    g_test_add_func("/pci/testfn/dma-to-memory", test_dma_to_memory);
    g_test_add_func("/pci/testfn/dma-from-memory", test_dma_from_memory);
    g_test_add_func("/pci/testfn/dma-fault", test_dma_fault);
    g_test_add_func("/pci/testfn/bad-request", test_bad_request);
    g_test_add_func("/pci/testfn/irq-register", test_irq_register);
    g_test_add_func("/pci/testfn/flr", test_flr);
    return g_test_run();
}
