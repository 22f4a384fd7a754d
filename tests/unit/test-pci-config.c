/*
 * Unit tests of the PCI core: configuration space masks and accessors,
 * BAR sizing and decode, capability lists, function-level reset and
 * DMA through the bus owner's address space.
 */
#include "test-pci-fixture.h"

#define TYPE_TEST_PCIE_FN "test-pciefn"

static bool test_pciefn_realize(PCIDevice *dev, Error **errp)
{
    return pci_add_express_endpoint_cap(dev, true, errp) &&
           pci_add_ext_capability(dev, PCI_EXT_CAP_ID_DSN, 1, 0,
                                  PCI_EXT_CAP_DSN_SIZEOF, errp) &&
           pci_add_ext_capability(dev, PCI_EXT_CAP_ID_VNDR, 1, 0, 8, errp);
}

static void test_pciefn_class_init(ObjectClass *oc, void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(oc);

    pc->vendor_id = 0x1234;
    pc->device_id = 0x9abc;
    pc->subsystem_vendor_id = 0x4321;
    pc->subsystem_id = 0x0042;
    pc->is_express = true;
    pc->realize = test_pciefn_realize;
}

static const TypeInfo test_pcie_types[] = {
    {
        .name = TYPE_TEST_PCIE_FN,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCIDevice),
        .class_init = test_pciefn_class_init,
    },
};

DEFINE_TYPES(test_pcie_types)

static void test_header(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    PCIDevice *e = fn_new_on(host.bus, TYPE_TEST_PCIE_FN, NULL, false, NULL,
                             &error_abort);

    g_assert_cmphex(cfg_rd(d, PCI_VENDOR_ID, 4), ==, 0x56781234);
    g_assert_cmphex(cfg_rd(d, PCI_REVISION_ID, 1), ==, 3);
    g_assert_cmphex(cfg_rd(d, PCI_CLASS_DEVICE, 2), ==, PCI_CLASS_OTHERS);
    g_assert_cmphex(cfg_rd(d, PCI_HEADER_TYPE, 1), ==, 0);
    /* QEMU's default subsystem ids, or the class's own */
    g_assert_cmphex(cfg_rd(d, PCI_SUBSYSTEM_VENDOR_ID, 4), ==, 0x11001af4);
    g_assert_cmphex(cfg_rd(e, PCI_SUBSYSTEM_VENDOR_ID, 4), ==, 0x00424321);
    g_assert_cmpuint(d->config_size, ==, 256);
    g_assert_cmpuint(e->config_size, ==, 4096);
    fn_del(d);
    fn_del(e);
}

static void test_masks(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);

    /* read-only ids */
    cfg_wr(d, PCI_VENDOR_ID, 0xffffffff, 4);
    g_assert_cmphex(cfg_rd(d, PCI_VENDOR_ID, 4), ==, 0x56781234);
    /* command: only the defined enable bits stick */
    cfg_wr(d, PCI_COMMAND, 0xffff, 2);
    g_assert_cmphex(cfg_rd(d, PCI_COMMAND, 2), ==, 0x0547);
    cfg_wr(d, PCI_COMMAND, 0, 2);
    g_assert_cmphex(cfg_rd(d, PCI_COMMAND, 2), ==, 0);
    /* status: error bits are write-1-to-clear, cap list is read-only */
    pci_set(d, PCI_STATUS, 2,
            pci_get(d, PCI_STATUS, 2) | PCI_STATUS_REC_MASTER_ABORT |
                PCI_STATUS_DETECTED_PARITY);
    cfg_wr(d, PCI_STATUS, 0, 2);
    g_assert_cmphex(cfg_rd(d, PCI_STATUS, 2), ==,
                    PCI_STATUS_CAP_LIST | PCI_STATUS_REC_MASTER_ABORT |
                        PCI_STATUS_DETECTED_PARITY);
    cfg_wr(d, PCI_STATUS, PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_CAP_LIST, 2);
    g_assert_cmphex(cfg_rd(d, PCI_STATUS, 2), ==,
                    PCI_STATUS_CAP_LIST | PCI_STATUS_DETECTED_PARITY);
    /* a byte write to the high status byte alone */
    cfg_wr(d, PCI_STATUS + 1, 0x80, 1);
    g_assert_cmphex(cfg_rd(d, PCI_STATUS, 2), ==, PCI_STATUS_CAP_LIST);
    /* a mask set by device code: the writable bits only */
    pci_set_wmask(d, 0xf0, 2, 0x0ff0);
    cfg_wr(d, 0xf0, 0xabcd, 2);
    g_assert_cmphex(cfg_rd(d, 0xf0, 2), ==, 0x0bc0);
    fn_del(d);
}

static void test_accessors(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    PCIDevice *e = fn_new_on(host.bus, TYPE_TEST_PCIE_FN, NULL, false, NULL,
                             &error_abort);

    /* little endian, any alignment */
    g_assert_cmphex(cfg_rd(d, 0x01, 2), ==, 0x7812);
    g_assert_cmphex(cfg_rd(d, 0x01, 4), ==, 0x00567812);
    g_assert_cmphex(cfg_rd(d, 0x03, 1), ==, 0x56);
    cfg_wr(d, PCI_CACHE_LINE_SIZE - 1, 0x44332211, 4);
    g_assert_cmphex(cfg_rd(d, PCI_CACHE_LINE_SIZE, 2), ==, 0x3322);
    g_assert_cmphex(cfg_rd(d, PCI_REVISION_ID, 1), ==, 3);
    /* the end of the space: the bytes beyond read 0, writes dropped */
    pci_set_wmask(d, 0xfe, 2, 0xffff);
    cfg_wr(d, 0xfe, 0xaabbccdd, 4);
    g_assert_cmphex(cfg_rd(d, 0xfe, 4), ==, 0xccdd);
    g_assert_cmphex(cfg_rd(d, 0x100, 4), ==, 0);
    g_assert_cmphex(cfg_rd(d, 0xffffffff, 4), ==, 0);
    g_assert_cmphex(cfg_rd(d, 0x00, 0), ==, 0);
    g_assert_cmphex(cfg_rd(d, 0x00, 8), ==, 0);
    /* the extended space of an express function */
    g_assert_cmphex(cfg_rd(e, 0xffc, 4), ==, 0);
    g_assert_cmphex(cfg_rd(e, 0xffe, 4), ==, 0);
    fn_del(d);
    fn_del(e);
}

static uint32_t bar_size_probe(PCIDevice *d, int n)
{
    uint32_t reg = PCI_BASE_ADDRESS_0 + 4 * n;
    uint32_t old = cfg_rd(d, reg, 4);
    uint32_t probe;

    cfg_wr(d, reg, 0xffffffff, 4);
    probe = cfg_rd(d, reg, 4);
    cfg_wr(d, reg, old, 4);
    return probe;
}

static void test_bar_sizing(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);

    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0, 4), ==, 0);
    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0 + 4, 4), ==, 1);
    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0 + 8, 4), ==, 0xc);
    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0 + 16, 4), ==, 0x4);
    /* 32-bit memory, 4 KiB */
    g_assert_cmphex(bar_size_probe(d, 0), ==, 0xfffff000);
    /* I/O, 256 bytes */
    g_assert_cmphex(bar_size_probe(d, 1), ==, 0xffffff01);
    /* 64-bit prefetchable, 1 MiB: low and high halves */
    g_assert_cmphex(bar_size_probe(d, 2), ==, 0xfff0000c);
    g_assert_cmphex(bar_size_probe(d, 3), ==, 0xffffffff);
    /* 64-bit, 16 KiB */
    g_assert_cmphex(bar_size_probe(d, 4), ==, 0xffffc004);
    g_assert_cmphex(bar_size_probe(d, 5), ==, 0xffffffff);
    /* no expansion ROM: read-only zero */
    cfg_wr(d, PCI_ROM_ADDRESS, 0xffffffff, 4);
    g_assert_cmphex(cfg_rd(d, PCI_ROM_ADDRESS, 4), ==, 0);
    /* the programmed address */
    cfg_wr(d, PCI_BASE_ADDRESS_0 + 8, 0x12345678, 4);
    cfg_wr(d, PCI_BASE_ADDRESS_0 + 12, 0x9, 4);
    g_assert_cmphex(pci_bar_address(d, 2), ==, 0x912300000ULL);
    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0 + 8, 4), ==, 0x1230000c);
    g_assert_cmpuint(pci_bar_size(d, 2), ==, 1 * MiB);
    g_assert_null(pci_bar_region(d, 3));
    fn_del(d);
}

static void test_bar_decode(void)
{
    MemoryRegion mem, io;
    PCIDevice *d;
    TestPciFn *s;

    memory_region_init(&mem, NULL, "pci-mem", UINT64_MAX);
    memory_region_init(&io, NULL, "pci-io", 64 * KiB);
    pci_bus_set_address_spaces(host.bus, &mem, &io);
    d = fn_new(NULL, &error_abort);
    s = (TestPciFn *)d;
    cfg_wr(d, PCI_BASE_ADDRESS_0, 0x10000000, 4);
    cfg_wr(d, PCI_BASE_ADDRESS_0 + 4, 0x1000, 4);
    g_assert_false(memory_region_is_mapped(&s->bar0));
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_true(memory_region_is_mapped(&s->bar0));
    g_assert_true(s->bar0.container == &mem);
    g_assert_cmphex(s->bar0.addr, ==, 0x10000000);
    g_assert_false(memory_region_is_mapped(&s->bar1));
    /* moving a mapped BAR; a BAR at 0 is not decoded */
    cfg_wr(d, PCI_BASE_ADDRESS_0, 0x20000000, 4);
    g_assert_cmphex(s->bar0.addr, ==, 0x20000000);
    g_assert_false(memory_region_is_mapped(&s->bar2));
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 2);
    g_assert_true(s->bar1.container == &io);
    cfg_wr(d, PCI_COMMAND, 0, 2);
    g_assert_false(memory_region_is_mapped(&s->bar0));
    g_assert_false(memory_region_is_mapped(&s->bar1));
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_true(memory_region_is_mapped(&s->bar0));
    fn_del(d);
    pci_bus_set_address_spaces(host.bus, NULL, NULL);
    g_assert_null(mem.subregions);
    memory_region_finalize(&mem);
    memory_region_finalize(&io);
}

static void test_cap_list(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    Error *err = NULL;
    uint8_t off, ids[8];
    int n = 0;

    /* the guest's walk: MSI-X, then AF, then the end */
    g_assert_true(cfg_rd(d, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST);
    for (off = cfg_rd(d, PCI_CAPABILITY_LIST, 1); off && n < 8;
         off = cfg_rd(d, off + 1, 1)) {
        ids[n++] = cfg_rd(d, off, 1);
    }
    g_assert_cmpint(n, ==, 2);
    g_assert_cmphex(ids[0], ==, PCI_CAP_ID_MSIX);
    g_assert_cmphex(ids[1], ==, PCI_CAP_ID_AF);
    g_assert_cmphex(pci_find_capability(d, PCI_CAP_ID_MSIX), ==, 0x40);
    g_assert_cmphex(pci_find_capability(d, PCI_CAP_ID_AF), ==, 0x4c);
    g_assert_cmphex(pci_find_capability(d, PCI_CAP_ID_EXP), ==, 0);
    /* id and next are read-only */
    cfg_wr(d, 0x40, 0xffff, 2);
    g_assert_cmphex(cfg_rd(d, 0x40, 2), ==, 0x4c11);
    /* explicit placement, overlap, alignment, room */
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_VNDR, 0x80, 8,
                                       &error_abort),
                    ==, 0x80);
    g_assert_cmphex(cfg_rd(d, 0x4d, 1), ==, 0x80);
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_VNDR, 0x84, 8, &err), ==,
                    0);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: capability 0x9 at 0x84 overlaps another one");
    g_clear_pointer(&err, error_free);
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_VNDR, 0x3c, 4, &err), ==,
                    0);
    g_assert_nonnull(err);
    g_clear_pointer(&err, error_free);
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_VNDR, 0x92, 4, &err), ==,
                    0);
    g_clear_pointer(&err, error_free);
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_PM, 0, 8, &error_abort),
                    ==, 0x54);
    g_assert_cmphex(cfg_rd(d, 0x81, 1), ==, 0x54);
    g_assert_cmphex(pci_add_capability(d, PCI_CAP_ID_VNDR, 0, 200, &err), ==,
                    0);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: no room for a 200-byte capability 0x9");
    g_clear_pointer(&err, error_free);
    /* a conventional function has no extended list */
    g_assert_cmphex(pci_find_ext_capability(d, PCI_EXT_CAP_ID_DSN), ==, 0);
    g_assert_cmphex(pci_add_ext_capability(d, PCI_EXT_CAP_ID_DSN, 1, 0, 12,
                                           &err),
                    ==, 0);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: no extended configuration space");
    g_clear_pointer(&err, error_free);
    fn_del(d);
}

static void test_ext_cap_list(void)
{
    PCIDevice *e = fn_new_on(host.bus, TYPE_TEST_PCIE_FN, NULL, false, NULL,
                             &error_abort);
    Error *err = NULL;

    g_assert_cmphex(cfg_rd(e, 0x100, 4), ==, 0x10c10003);
    g_assert_cmphex(cfg_rd(e, 0x10c, 4), ==, 0x0001000b);
    g_assert_cmphex(pci_find_ext_capability(e, PCI_EXT_CAP_ID_DSN), ==, 0x100);
    g_assert_cmphex(pci_find_ext_capability(e, PCI_EXT_CAP_ID_VNDR), ==, 0x10c);
    g_assert_cmphex(pci_find_ext_capability(e, 0x0001), ==, 0);
    g_assert_cmphex(pci_add_ext_capability(e, 0x0001, 2, 0x200, 0x30,
                                           &error_abort),
                    ==, 0x200);
    g_assert_cmphex(cfg_rd(e, 0x10c, 4), ==, 0x2001000b);
    g_assert_cmphex(pci_find_ext_capability(e, 0x0001), ==, 0x200);
    g_assert_cmphex(pci_add_ext_capability(e, 0x0002, 1, 0x220, 8, &err), ==,
                    0);
    g_assert_nonnull(err);
    g_clear_pointer(&err, error_free);
    /* read-only to the guest */
    cfg_wr(e, 0x100, 0, 4);
    g_assert_cmphex(cfg_rd(e, 0x100, 4), ==, 0x10c10003);
    /* the express capability in the standard list */
    g_assert_cmphex(pci_find_capability(e, PCI_CAP_ID_EXP), ==, 0x40);
    g_assert_cmphex(cfg_rd(e, 0x40 + PCI_EXP_FLAGS, 2), ==, 0x0002);
    fn_del(e);
}

static void test_flr(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    PCIDevice *e = fn_new_on(host.bus, TYPE_TEST_PCIE_FN, NULL, false, NULL,
                             &error_abort);
    TestPciFn *s = (TestPciFn *)d;
    uint8_t af = pci_find_capability(d, PCI_CAP_ID_AF);
    uint8_t exp = pci_find_capability(e, PCI_CAP_ID_EXP);
    uint8_t msix = pci_find_capability(d, PCI_CAP_ID_MSIX);

    g_assert_cmphex(cfg_rd(d, af + PCI_AF_CAP, 1), ==, 0x03);
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    cfg_wr(d, PCI_BASE_ADDRESS_0, 0x40000000, 4);
    cfg_wr(d, PCI_INTERRUPT_LINE, 9, 1);
    cfg_wr(d, msix + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE, 2);
    g_assert_true(msix_enabled(d));
    /* writing 0 to Initiate FLR does nothing */
    cfg_wr(d, af + PCI_AF_CTRL, 0, 1);
    g_assert_cmpuint(s->reset_count, ==, 0);
    cfg_wr(d, af + PCI_AF_CTRL, PCI_AF_CTRL_FLR, 1);
    g_assert_cmpuint(s->reset_count, ==, 1);
    g_assert_cmpuint(d->resets, ==, 1);
    g_assert_cmphex(cfg_rd(d, PCI_COMMAND, 2), ==, 0);
    g_assert_cmphex(cfg_rd(d, PCI_BASE_ADDRESS_0, 4), ==, 0);
    g_assert_cmphex(cfg_rd(d, PCI_INTERRUPT_LINE, 1), ==, 0);
    g_assert_cmphex(cfg_rd(d, af + PCI_AF_CTRL, 1), ==, 0);
    g_assert_false(msix_enabled(d));
    /* read-only contents survive */
    g_assert_cmphex(cfg_rd(d, PCI_VENDOR_ID, 4), ==, 0x56781234);
    g_assert_cmphex(cfg_rd(d, PCI_CAPABILITY_LIST, 1), ==, 0x40);
    /* the express way: FLR advertised, Initiate FLR in Device Control */
    g_assert_cmphex(cfg_rd(e, exp + PCI_EXP_DEVCAP, 4), ==, PCI_EXP_DEVCAP_FLR);
    cfg_wr(e, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    cfg_wr(e, exp + PCI_EXP_DEVCTL, 0x0010, 2);
    g_assert_cmpuint(e->resets, ==, 0);
    cfg_wr(e, exp + PCI_EXP_DEVCTL + 1, 0x80, 1);
    g_assert_cmpuint(e->resets, ==, 1);
    g_assert_cmphex(cfg_rd(e, exp + PCI_EXP_DEVCTL, 2), ==, 0);
    g_assert_cmphex(cfg_rd(e, PCI_COMMAND, 2), ==, 0);
    /* a device reset does the same */
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    device_reset(DEVICE(d));
    g_assert_cmpuint(s->reset_count, ==, 2);
    g_assert_cmphex(cfg_rd(d, PCI_COMMAND, 2), ==, 0);
    fn_del(d);
    fn_del(e);
}

static void test_flr_not_offered(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    uint8_t exp = pci_add_express_endpoint_cap(d, false, &error_abort);

    /* without the capability bit, Initiate FLR is not even writable */
    cfg_wr(d, exp + PCI_EXP_DEVCTL, PCI_EXP_DEVCTL_BCR_FLR, 2);
    g_assert_cmpuint(d->resets, ==, 0);
    g_assert_cmphex(cfg_rd(d, exp + PCI_EXP_DEVCTL, 2), ==, 0);
    fn_del(d);
}

static void test_dma(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    uint8_t *ram = memory_region_get_ram_ptr(&host.ram);
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    uint8_t back[8];

    g_assert_true(pci_get_dma_as(d) == &host.as);
    memset(ram, 0, 64);
    /* Bus Master Enable clear: nothing happens */
    g_assert_cmpuint(pci_dma_write(d, 0x10, buf, 8), ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(ram[0x10], ==, 0);
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_assert_cmpuint(pci_dma_write(d, 0x10, buf, 8), ==, MEMTX_OK);
    g_assert_cmpmem(ram + 0x10, 8, buf, 8);
    g_assert_cmpuint(pci_dma_read(d, 0x11, back, 4), ==, MEMTX_OK);
    g_assert_cmpmem(back, 4, buf + 1, 4);
    /* outside the RAM of the DMA space */
    g_assert_cmpuint(pci_dma_read(d, TEST_RAM_SIZE - 4, back, 8), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(pci_dma_write(d, UINT64_MAX - 2, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    fn_del(d);
}

static void test_dma_without_owner(void)
{
    PCIDevice *d;
    uint8_t buf[4] = { 0 };

    pci_bus_set_ops(host.bus, NULL, NULL);
    d = fn_new(NULL, &error_abort);
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_assert_null(pci_get_dma_as(d));
    g_assert_cmpuint(pci_dma_write(d, 0, buf, 4), ==, MEMTX_DECODE_ERROR);
    fn_del(d);
    pci_bus_set_ops(host.bus, &test_bus_ops, &host);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_setup();
    g_test_add_func("/pci/config/header", test_header);
    g_test_add_func("/pci/config/masks", test_masks);
    g_test_add_func("/pci/config/accessors", test_accessors);
    g_test_add_func("/pci/bar/sizing", test_bar_sizing);
    g_test_add_func("/pci/bar/decode", test_bar_decode);
    g_test_add_func("/pci/cap/list", test_cap_list);
    g_test_add_func("/pci/cap/ext-list", test_ext_cap_list);
    g_test_add_func("/pci/reset/flr", test_flr);
    g_test_add_func("/pci/reset/flr-not-offered", test_flr_not_offered);
    g_test_add_func("/pci/dma/rw", test_dma);
    g_test_add_func("/pci/dma/no-owner", test_dma_without_owner);
    return g_test_run();
}
