/*
 * Unit tests of MSI-X: the capability, the table and PBA as the guest
 * reaches them inside BAR 4, vector and function masks, pending bits,
 * delivery through the bus owner and reset.
 */
#include "test-pci-fixture.h"

#define PBA_OFF 0x2000

typedef struct Fn {
    PCIDevice *dev;
    uint8_t cap;
    AddressSpace bar4; /* BAR 4 on its own, as the bus owner sees it */
} Fn;

static void fn_open(Fn *f)
{
    f->dev = fn_new(NULL, &error_abort);
    f->cap = pci_find_capability(f->dev, PCI_CAP_ID_MSIX);
    address_space_init(&f->bar4, pci_bar_region(f->dev, 4), "bar4");
    cfg_wr(f->dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_array_set_size(host.msgs, 0);
}

static void fn_close(Fn *f)
{
    address_space_destroy(&f->bar4);
    fn_del(f->dev);
}

static uint32_t bar_rd(Fn *f, hwaddr off)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&f->bar4, off, MEMTXATTRS_UNSPECIFIED,
                                      &r);

    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void bar_wr(Fn *f, hwaddr off, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&f->bar4, off, v, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static void vec_program(Fn *f, unsigned v, uint64_t addr, uint32_t data)
{
    bar_wr(f, v * 16, (uint32_t)addr);
    bar_wr(f, v * 16 + 4, addr >> 32);
    bar_wr(f, v * 16 + 8, data);
}

static void ctl_wr(Fn *f, uint16_t ctl)
{
    cfg_wr(f->dev, f->cap + PCI_MSIX_FLAGS, ctl, 2);
}

static guint nmsgs(void)
{
    return host.msgs->len;
}

static TestMsg *msg(guint i)
{
    return &g_array_index(host.msgs, TestMsg, i);
}

static void test_capability(void)
{
    Fn f;

    fn_open(&f);
    g_assert_true(msix_present(f.dev));
    g_assert_cmpuint(msix_nr_vectors(f.dev), ==, TEST_MSIX_VECTORS);
    g_assert_cmphex(cfg_rd(f.dev, f.cap + PCI_MSIX_FLAGS, 2), ==,
                    TEST_MSIX_VECTORS - 1);
    g_assert_cmphex(cfg_rd(f.dev, f.cap + PCI_MSIX_TABLE, 4), ==, 0x4);
    g_assert_cmphex(cfg_rd(f.dev, f.cap + PCI_MSIX_PBA, 4), ==, PBA_OFF | 4);
    /* table size, offsets and BIRs are read-only */
    cfg_wr(f.dev, f.cap + PCI_MSIX_FLAGS, 0xffff, 2);
    g_assert_cmphex(cfg_rd(f.dev, f.cap + PCI_MSIX_FLAGS, 2), ==,
                    0xc000 | (TEST_MSIX_VECTORS - 1));
    cfg_wr(f.dev, f.cap + PCI_MSIX_TABLE, 0, 4);
    g_assert_cmphex(cfg_rd(f.dev, f.cap + PCI_MSIX_TABLE, 4), ==, 0x4);
    /* every vector starts masked */
    g_assert_cmphex(bar_rd(&f, 12), ==, 1);
    g_assert_cmphex(bar_rd(&f, (TEST_MSIX_VECTORS - 1) * 16 + 12), ==, 1);
    fn_close(&f);
}

static void test_table_access(void)
{
    Fn f;
    MemTxResult r;
    uint64_t q;
    uint8_t b;

    fn_open(&f);
    vec_program(&f, 3, 0x123456789abcULL, 0xfeed);
    g_assert_cmphex(bar_rd(&f, 0x30), ==, 0x56789abc);
    g_assert_cmphex(bar_rd(&f, 0x34), ==, 0x1234);
    g_assert_cmphex(bar_rd(&f, 0x38), ==, 0xfeed);
    /* an 8-byte access to the address pair */
    q = address_space_ldq_le(&f.bar4, 0x30, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(q, ==, 0x123456789abcULL);
    address_space_stq_le(&f.bar4, 0x30, 0x1122334455667788ULL,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(bar_rd(&f, 0x34), ==, 0x11223344);
    /* only the mask bit of vector control is writable */
    bar_wr(&f, 0x3c, 0xfffffffe);
    g_assert_cmphex(bar_rd(&f, 0x3c), ==, 0);
    /* byte accesses are refused */
    b = address_space_ldub(&f.bar4, 0x30, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    g_assert_cmpuint(b, ==, 0);
    /* the owner reads a vector's message as the guest programmed it */
    {
        uint64_t addr;
        uint32_t data;

        vec_program(&f, 5, 0xfe00000000001234ULL, 0x42);
        msix_get_message(f.dev, 5, &addr, &data);
        g_assert_cmphex(addr, ==, 0xfe00000000001234ULL);
        g_assert_cmphex(data, ==, 0x42);
        msix_get_message(f.dev, 3, &addr, &data);
        g_assert_cmphex(addr, ==, 0x1122334455667788ULL);
        g_assert_cmphex(data, ==, 0xfeed);
    }
    fn_close(&f);
}

static void test_masking(void)
{
    Fn f;

    fn_open(&f);
    vec_program(&f, 0, 0xfee00000, 0x41);
    /* disabled: nothing at all */
    msix_notify(f.dev, 0);
    g_assert_cmpuint(nmsgs(), ==, 0);
    g_assert_false(msix_is_pending(f.dev, 0));
    /* enabled but the vector is masked: pending, visible in the PBA */
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE);
    msix_notify(f.dev, 0);
    g_assert_cmpuint(nmsgs(), ==, 0);
    g_assert_true(msix_is_pending(f.dev, 0));
    g_assert_cmphex(bar_rd(&f, PBA_OFF), ==, 1);
    /* unmasking delivers it once and clears the bit */
    bar_wr(&f, 12, 0);
    g_assert_cmpuint(nmsgs(), ==, 1);
    g_assert_cmphex(msg(0)->addr, ==, 0xfee00000);
    g_assert_cmphex(msg(0)->data, ==, 0x41);
    g_assert_cmpint(msg(0)->devfn, ==, f.dev->devfn);
    g_assert_cmphex(bar_rd(&f, PBA_OFF), ==, 0);
    /* unmasked and enabled: straight out */
    msix_notify(f.dev, 0);
    g_assert_cmpuint(nmsgs(), ==, 2);
    /* re-masking and unmasking without an event sends nothing */
    bar_wr(&f, 12, 1);
    bar_wr(&f, 12, 0);
    g_assert_cmpuint(nmsgs(), ==, 2);
    fn_close(&f);
}

static void test_function_mask(void)
{
    Fn f;

    fn_open(&f);
    vec_program(&f, 1, 0x1000, 1);
    vec_program(&f, 65, 0x2000, 65);
    bar_wr(&f, 1 * 16 + 12, 0);
    bar_wr(&f, 65 * 16 + 12, 0);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
    g_assert_true(msix_function_masked(f.dev));
    msix_notify(f.dev, 65);
    msix_notify(f.dev, 1);
    g_assert_cmpuint(nmsgs(), ==, 0);
    /* vector 65 is bit 1 of the second PBA qword */
    g_assert_cmphex(bar_rd(&f, PBA_OFF), ==, 0x2);
    g_assert_cmphex(bar_rd(&f, PBA_OFF + 8), ==, 0x2);
    /* the PBA is read-only */
    bar_wr(&f, PBA_OFF + 8, 0);
    g_assert_cmphex(bar_rd(&f, PBA_OFF + 8), ==, 0x2);
    /* the vector mask alone does not unblock a function mask */
    bar_wr(&f, 65 * 16 + 12, 1);
    bar_wr(&f, 65 * 16 + 12, 0);
    g_assert_cmpuint(nmsgs(), ==, 0);
    /* lifting the function mask sends both, in vector order */
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE);
    g_assert_cmpuint(nmsgs(), ==, 2);
    g_assert_cmphex(msg(0)->data, ==, 1);
    g_assert_cmphex(msg(1)->data, ==, 65);
    g_assert_false(msix_is_pending(f.dev, 65));
    /* a vector still masked keeps its pending bit across the unmask */
    bar_wr(&f, 1 * 16 + 12, 1);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
    msix_notify(f.dev, 1);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE);
    g_assert_cmpuint(nmsgs(), ==, 2);
    g_assert_true(msix_is_pending(f.dev, 1));
    /* out-of-range vectors are ignored */
    msix_notify(f.dev, TEST_MSIX_VECTORS);
    g_assert_cmpuint(nmsgs(), ==, 2);
    fn_close(&f);
}

static void test_bus_master_and_fallback(void)
{
    Fn f;
    uint8_t *ram = memory_region_get_ram_ptr(&host.ram);

    fn_open(&f);
    vec_program(&f, 2, 0x100, 0xa1b2c3d4);
    bar_wr(&f, 2 * 16 + 12, 0);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE);
    /* no bus mastering: the message is lost */
    cfg_wr(f.dev, PCI_COMMAND, 0, 2);
    msix_notify(f.dev, 2);
    g_assert_cmpuint(nmsgs(), ==, 0);
    /* an owner without a hook: the message is a DMA write */
    cfg_wr(f.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    pci_bus_set_ops(host.bus, &test_bus_ops_no_msi, &host);
    memset(ram + 0x100, 0, 4);
    msix_notify(f.dev, 2);
    pci_bus_set_ops(host.bus, &test_bus_ops, &host);
    g_assert_cmpuint(nmsgs(), ==, 0);
    g_assert_cmphex(ram[0x100], ==, 0xd4);
    g_assert_cmphex(ram[0x103], ==, 0xa1);
    fn_close(&f);
}

static GString *changes;

static void record_change(PCIDevice *dev, unsigned vector, bool masked)
{
    g_string_append_printf(changes, "%u%c ", vector, masked ? 'm' : 'u');
}

static void test_vector_notify(void)
{
    Fn f;

    fn_open(&f);
    changes = g_string_new(NULL);
    msix_set_vector_notify(f.dev, record_change);
    bar_wr(&f, 3 * 16 + 12, 0);        /* still disabled: no change */
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE); /* vector 3 becomes live */
    bar_wr(&f, 3 * 16 + 12, 1);
    bar_wr(&f, 3 * 16 + 12, 0);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
    g_assert_cmpstr(changes->str, ==, "3u 3m 3u 3m ");
    /* a reset masks what was live, and says so */
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE);
    pci_device_reset(f.dev);
    g_assert_cmpstr(changes->str, ==, "3u 3m 3u 3m 3u 3m ");
    g_string_free(changes, true);
    fn_close(&f);
}

static void test_reset(void)
{
    Fn f;

    fn_open(&f);
    vec_program(&f, 0, 0xfee00000, 7);
    bar_wr(&f, 12, 0);
    ctl_wr(&f, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
    msix_notify(f.dev, 0);
    g_assert_true(msix_is_pending(f.dev, 0));
    pci_device_reset(f.dev);
    g_assert_false(msix_enabled(f.dev));
    g_assert_false(msix_function_masked(f.dev));
    g_assert_false(msix_is_pending(f.dev, 0));
    g_assert_cmphex(bar_rd(&f, 0), ==, 0);
    g_assert_cmphex(bar_rd(&f, 8), ==, 0);
    g_assert_cmphex(bar_rd(&f, 12), ==, 1);
    /* after reset a notify with MSI-X off sends nothing */
    cfg_wr(f.dev, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    msix_notify(f.dev, 0);
    g_assert_cmpuint(nmsgs(), ==, 0);
    fn_close(&f);
}

static void test_layout_errors(void)
{
    PCIDevice *d = fn_new(NULL, &error_abort);
    Error *err = NULL;
    MSIXLayout l = {
        .vectors = 4, .table_bar = 0, .pba_bar = 0, .pba_offset = 0x20
    };

    g_assert_false(msix_init(d, &l, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: MSI-X table and PBA overlap");
    g_clear_pointer(&err, error_free);
    l.pba_offset = 0x1000;
    g_assert_false(msix_init(d, &l, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: MSI-X table or PBA does not fit its BAR");
    g_clear_pointer(&err, error_free);
    l.table_bar = 3;
    g_assert_false(msix_init(d, &l, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: MSI-X table or PBA BAR is not registered");
    g_clear_pointer(&err, error_free);
    l.vectors = 0;
    g_assert_false(msix_init(d, &l, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "test-pcifn: MSI-X vector count 0 is not in 1..2048");
    g_clear_pointer(&err, error_free);
    fn_del(d);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_setup();
    g_test_add_func("/pci/msix/capability", test_capability);
    g_test_add_func("/pci/msix/table-access", test_table_access);
    g_test_add_func("/pci/msix/masking", test_masking);
    g_test_add_func("/pci/msix/function-mask", test_function_mask);
    g_test_add_func("/pci/msix/bus-master-and-fallback",
                    test_bus_master_and_fallback);
    g_test_add_func("/pci/msix/vector-notify", test_vector_notify);
    g_test_add_func("/pci/msix/reset", test_reset);
    g_test_add_func("/pci/msix/layout-errors", test_layout_errors);
    return g_test_run();
}
