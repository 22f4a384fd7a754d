/*
 * SERVICE CALL as a guest issues it (s390_servc, s390_ext_intr): Read
 * SCP Info in both forms, Read CPU Info, configure / deconfigure of a
 * PCI function, the event facility without consoles, and every
 * architected result of a bad SCCB: program exceptions (address,
 * alignment, length), response codes (invalid command, boundary,
 * insufficient length), busy while a completion is pending.
 */
#include "sclp-test.h"

static void assert_no_signal(QTestState *s)
{
    g_assert_cmpint(ext_intr(s), ==, -1);
}

/*
 * -machine loadparm= (libvirt's <boot loadparm=...>): Read SCP Info gives
 * it to the guest in EBCDIC, upper case, blank padded; QEMU's property
 * texts. aes-key-wrap / dea-key-wrap (libvirt's <keywrap>) are taken.
 */
static void test_loadparm(void)
{
    QTestState *s = start("-machine loadparm=system1,aes-key-wrap=off,"
                          "dea-key-wrap=on");
    JsonNode *n;
    int status = 0;
    g_autofree gchar *err = NULL;
    g_autofree gchar *out = NULL;

    sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
    g_assert_cmphex(sclp_run(s, READ_SCP_INFO, SCCB, NULL), ==, 0x0010);
    /* "SYSTEM1 " */
    g_assert_cmphex(qtest_readq(s, SCCB + 24), ==, 0xe2e8e2e3c5d4f140);
    n = qtest_qom_get(s, "/machine", "loadparm");
    g_assert_cmpstr(json_node_get_string(n), ==, "SYSTEM1 ");
    json_node_unref(n);
    n = qtest_qom_get(s, "/machine", "aes-key-wrap");
    g_assert_false(json_node_get_boolean(n));
    json_node_unref(n);
    qtest_quit(s);

    out = qtest_run_cmdline("-machine s390-ccw-virtio,loadparm=a-b "
                            "-nodefaults",
                            &status, &err);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, "LOADPARM: invalid character '-' (ASCII "
                                 "0x2d)"));
}

static void test_read_scp_info(void)
{
    QTestState *s = start("-m 512 -smp 2");
    const uint32_t forms[] = { READ_SCP_INFO, READ_SCP_INFO_F, 0x0002ff01 };

    for (size_t i = 0; i < G_N_ELEMENTS(forms); i++) {
        qtest_memset(s, SCCB, 0xee, SCCB_PAGE);
        sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
        g_assert_cmphex(sclp_run(s, forms[i], SCCB, NULL), ==, 0x0010);
        g_assert_cmpuint(qtest_readw(s, SCCB), ==, SCCB_PAGE);
        g_assert_cmpuint(qtest_readw(s, SCCB + 8), ==, 512); /* rnmax */
        g_assert_cmpuint(qtest_readb(s, SCCB + 10), ==, 1);  /* MiB */
        g_assert_cmpuint(qtest_readw(s, SCCB + 16), ==, 2);  /* CPUs */
        g_assert_cmpuint(qtest_readw(s, SCCB + 18), ==, 128);
        g_assert_cmphex(qtest_readq(s, SCCB + 24), ==, 0x4040404040404040);
        g_assert_cmphex(qtest_readq(s, SCCB + 48), ==, 0x0800000040000000);
        g_assert_cmpuint(qtest_readq(s, SCCB + 104), ==, 0); /* rnmax2 */
        g_assert_cmpuint(qtest_readw(s, SCCB + 120), ==, 1); /* highest */
        for (int cpu = 0; cpu < 2; cpu++) {
            g_assert_cmpuint(qtest_readb(s, SCCB + 128 + 16 * cpu), ==, cpu);
            g_assert_cmpuint(qtest_readb(s, SCCB + 142 + 16 * cpu), ==, 0);
        }
        /* after the entries the guest's bytes are left alone */
        g_assert_cmphex(qtest_readb(s, SCCB + 160), ==, 0xee);
        /* delivered like hardware: parameter and code in the lowcore */
        g_assert_cmphex(qtest_readl(s, 0x80), ==, SCCB);
        g_assert_cmphex(qtest_readw(s, 0x86), ==, EXT_SERVICE_SIGNAL);
    }
    qtest_quit(s);
}

static void test_read_scp_info_big(void)
{
    QTestState *s = start("-m 4G");

    sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
    g_assert_cmphex(sclp_run(s, READ_SCP_INFO, SCCB, NULL), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, SCCB + 8), ==, 4096);
    g_assert_cmpuint(qtest_readw(s, SCCB + 16), ==, 1);
    /* an SCCB above 2 GiB, in storage: specification exception */
    sccb_header(s, 0x80000000u, SCCB_PAGE, 0, 0);
    g_assert_cmpint(servc(s, READ_SCP_INFO, 0x80000000u), ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpuint(qtest_readw(s, 0x80000000u + 6), ==, 0);
    assert_no_signal(s);
    qtest_quit(s);
}

static void test_read_cpu_info(void)
{
    QTestState *s = start("-smp 3");

    sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
    g_assert_cmphex(sclp_run(s, READ_CPU_INFO, SCCB, NULL), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, SCCB + 8), ==, 3);   /* configured */
    g_assert_cmpuint(qtest_readw(s, SCCB + 10), ==, 24); /* offset */
    g_assert_cmpuint(qtest_readw(s, SCCB + 12), ==, 0);  /* standby */
    g_assert_cmpuint(qtest_readw(s, SCCB + 14), ==, 24 + 3 * 16);
    for (int cpu = 0; cpu < 3; cpu++) {
        g_assert_cmpuint(qtest_readb(s, SCCB + 24 + 16 * cpu), ==, cpu);
    }
    qtest_quit(s);
}

/* Too short for the answer: 0x0300, nothing else stored */
static void test_insufficient_length(void)
{
    QTestState *s = start("-smp 2");
    const struct {
        uint32_t cmd;
        uint16_t len;
        uint16_t rc;
    } cases[] = {
        { READ_SCP_INFO, 8, 0x0300 },   { READ_SCP_INFO, 143, 0x0300 },
        { READ_SCP_INFO, 159, 0x0300 }, { READ_SCP_INFO, 160, 0x0010 },
        { READ_CPU_INFO, 8, 0x0300 },   { READ_CPU_INFO, 55, 0x0300 },
        { READ_CPU_INFO, 56, 0x0010 },  { READ_EVENT_DATA, 4095, 0x0300 },
        { CONFIGURE_IOA, 15, 0x0300 },  { DECONFIGURE_IOA, 8, 0x0300 },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        qtest_memset(s, SCCB, 0xee, SCCB_PAGE);
        sccb_header(s, SCCB, cases[i].len, 0, 0);
        g_assert_cmphex(sclp_run(s, cases[i].cmd, SCCB, NULL), ==, cases[i].rc);
        g_assert_cmpuint(qtest_readw(s, SCCB), ==, cases[i].len);
        if (cases[i].rc == 0x0300) {
            g_assert_cmphex(qtest_readb(s, SCCB + 8), ==, 0xee);
        }
    }
    qtest_quit(s);
}

/* Program exceptions: nothing stored, no service signal, cc unset */
static void test_bad_address(void)
{
    QTestState *s = start("-m 128");
    const struct {
        uint64_t addr;
        int pgm;
    } cases[] = {
        { SCCB + 1, PGM_SPECIFICATION },       /* not on a doubleword */
        { SCCB + 4, PGM_SPECIFICATION },       /*  */
        { 0, PGM_SPECIFICATION },              /* the lowcore pages */
        { 0x1000, PGM_SPECIFICATION },         /*  */
        { 0x1ff8, PGM_SPECIFICATION },         /*  */
        { 128 * 1024 * 1024, PGM_ADDRESSING }, /* past the storage */
        { 0x7ffffff8, PGM_ADDRESSING },        /*  */
        { 0x80000000u, PGM_ADDRESSING },       /* past it, above 2 GiB */
        { 0xdeadbeef00000000, PGM_ADDRESSING },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpint(servc(s, READ_SCP_INFO, cases[i].addr), ==,
                        -cases[i].pgm);
        assert_no_signal(s);
    }
    /* a length below the header */
    for (uint16_t len = 0; len < 8; len++) {
        sccb_header(s, SCCB, len, 0, 0);
        g_assert_cmpint(servc(s, READ_SCP_INFO, SCCB), ==, -PGM_SPECIFICATION);
        g_assert_cmpuint(qtest_readw(s, SCCB + 6), ==, 0);
        assert_no_signal(s);
    }
    /* an SCCB that runs past the end of storage */
    sccb_header(s, 128 * 1024 * 1024 - 8, 16, 0, 0);
    g_assert_cmpint(servc(s, READ_SCP_INFO, 128 * 1024 * 1024 - 8), ==,
                    -PGM_ADDRESSING);
    assert_no_signal(s);
    qtest_quit(s);
}

static void test_invalid_command(void)
{
    QTestState *s = start(NULL);
    const uint32_t bad[] = { 0xdead0001, 0x00020002, 0x00020000, 0x00790005,
                             0x00000000 };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        qtest_memset(s, SCCB, 0xee, SCCB_PAGE);
        sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
        g_assert_cmphex(sclp_run(s, bad[i], SCCB, NULL), ==, 0x01f0);
        g_assert_cmphex(qtest_readb(s, SCCB + 8), ==, 0xee);
    }
    qtest_quit(s);
}

/* An SCCB may not cross a 4 KiB boundary: 0x0100 */
static void test_boundary(void)
{
    QTestState *s = start(NULL);
    const uint64_t end = SCCB + SCCB_PAGE;

    sccb_header(s, end - 16, 32, 0, 0);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, end - 16, NULL), ==, 0x0100);
    sccb_header(s, end - 8, 16, 0, 0);
    g_assert_cmphex(sclp_run(s, READ_SCP_INFO, end - 8, NULL), ==, 0x0100);
    /* ending right at the boundary is fine */
    sccb_header(s, end - 8, 8, 0, 0);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, end - 8, NULL), ==, 0x0020);
    /* longer than a page */
    sccb_header(s, SCCB, 4097, 0, 0);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL), ==, 0x0100);
    sccb_header(s, SCCB, 0xffff, 0, 0);
    g_assert_cmphex(sclp_run(s, READ_CPU_INFO, SCCB, NULL), ==, 0x0100);
    qtest_quit(s);
}

/* Until the service signal is taken the SCLP is busy */
static void test_busy(void)
{
    QTestState *s = start(NULL);

    sccb_header(s, SCCB, SCCB_PAGE, 0, 0);
    sccb_header(s, SCCB + SCCB_PAGE, SCCB_PAGE, 0, 0);
    g_assert_cmpint(servc(s, READ_SCP_INFO, SCCB), ==, 0);
    g_assert_cmpint(servc(s, READ_CPU_INFO, SCCB + SCCB_PAGE), ==, 2);
    g_assert_cmpuint(qtest_readw(s, SCCB + SCCB_PAGE + 6), ==, 0);
    /* exceptions still come first */
    g_assert_cmpint(servc(s, READ_CPU_INFO, SCCB + 1), ==, -PGM_SPECIFICATION);
    g_assert_cmpint(ext_intr(s), ==, SCCB);
    assert_no_signal(s);
    g_assert_cmphex(sclp_run(s, READ_CPU_INFO, SCCB + SCCB_PAGE, NULL), ==,
                    0x0010);
    /* system_reset drops a pending completion: not busy after it */
    g_assert_cmpint(servc(s, READ_SCP_INFO, SCCB), ==, 0);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    assert_no_signal(s);
    g_assert_cmpint(servc(s, READ_SCP_INFO, SCCB), ==, 0);
    qtest_quit(s);
}

static uint16_t ioa(QTestState *s, uint32_t command, uint8_t type, uint32_t fid)
{
    qtest_memset(s, SCCB, 0, 16);
    sccb_header(s, SCCB, 16, 0, 0);
    qtest_writeb(s, SCCB + 8, type);
    qtest_writel(s, SCCB + 12, fid);
    return sclp_run(s, command, SCCB, NULL);
}

/* Configure / deconfigure reach the zPCI side with the SCCB's fid */
static void test_pci_configure(void)
{
    QTestState *s = start(NULL);

    g_assert_cmphex(ioa(s, CONFIGURE_IOA, 2, 0x1234), ==, 0x09f0);
    g_assert_cmphex(ioa(s, DECONFIGURE_IOA, 2, 0x1234), ==, 0x09f0);
    g_assert_cmphex(ioa(s, CONFIGURE_IOA, 3, 0), ==, 0x06f0);
    g_assert_cmphex(ioa(s, DECONFIGURE_IOA, 0, 0), ==, 0x06f0);
    qtest_quit(s);
}

static void test_pci_real(void)
{
    QTestState *s = start(
        "-device pci-testfn,id=p0 -device zpci,fid=5,target=p0");

    g_assert_cmphex(ioa(s, DECONFIGURE_IOA, 2, 5), ==, 0x0020);
    g_assert_cmphex(ioa(s, DECONFIGURE_IOA, 2, 5), ==, 0x0120);
    g_assert_cmphex(ioa(s, CONFIGURE_IOA, 2, 5), ==, 0x0020);
    g_assert_cmphex(ioa(s, CONFIGURE_IOA, 2, 5), ==, 0x0120);
    qtest_quit(s);
}

static void test_event_mask(void)
{
    QTestState *s = start(NULL);
    uint16_t lens[] = { 0, 1022, 0xffff };

    /* no consoles: the SCLP receives nothing, sends only signal quiesce */
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    g_assert_cmphex(qtest_readl(s, SCCB + 20), ==, 0);
    g_assert_cmphex(qtest_readl(s, SCCB + 24), ==,
                    MASK4(EV_CFG) | MASK4(EV_QUIESCE));
    for (size_t i = 0; i < G_N_ELEMENTS(lens); i++) {
        sccb_header(s, SCCB, 28, 0, 0);
        qtest_writew(s, SCCB + 10, lens[i]);
        g_assert_cmphex(sclp_run(s, WRITE_EVENT_MASK, SCCB, NULL), ==, 0x74f0);
    }
    /* four 8-byte masks need 44 bytes */
    sccb_header(s, SCCB, 43, 0, 0);
    qtest_writew(s, SCCB + 10, 8);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_MASK, SCCB, NULL), ==, 0x0300);
    qtest_quit(s);
}

static void test_event_data_errors(void)
{
    QTestState *s = start(NULL);
    bool pending;

    /* no console takes ASCII data: invalid function */
    g_assert_cmphex(sclp_write_event(s, EV_ASCII, "x", 1), ==, 0x40f0);
    /* a function code other than 0 */
    sccb_header(s, SCCB, 8, 1, 0);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL), ==, 0x40f0);
    /* no event buffer at all */
    sccb_header(s, SCCB, 8, 0, 0);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL), ==, 0x0020);
    /* buffer shorter than its header, or longer than the SCCB */
    sccb_header(s, SCCB, 20, 0, 0);
    qtest_writew(s, SCCB + 8, 5);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL), ==, 0x73f0);
    sccb_header(s, SCCB, 20, 0, 0);
    qtest_writew(s, SCCB + 8, 13);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL), ==, 0x73f0);

    /* nothing to read; the guest's mask is empty */
    g_assert_cmphex(sclp_read_events(s, &pending), ==, 0x60f0);
    g_assert_false(pending);
    g_assert_cmpuint(qtest_readw(s, SCCB), ==, 8); /* variable length */
    g_assert_cmphex(qtest_readb(s, SCCB + 5), ==, 0);
    sccb_header(s, SCCB, SCCB_PAGE, 1, 0); /* selective, no mask set */
    g_assert_cmphex(sclp_run(s, READ_EVENT_DATA, SCCB, NULL), ==, 0x70f0);
    sccb_header(s, SCCB, SCCB_PAGE, 2, 0);
    g_assert_cmphex(sclp_run(s, READ_EVENT_DATA, SCCB, NULL), ==, 0x40f0);
    /* selective read of a type the guest did not enable */
    g_assert_cmphex(sclp_set_mask(s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    sccb_header(s, SCCB, SCCB_PAGE, 1, 0);
    qtest_writel(s, SCCB + 8, MASK4(EV_OPCMD));
    g_assert_cmphex(sclp_run(s, READ_EVENT_DATA, SCCB, NULL), ==, 0x70f0);
    sccb_header(s, SCCB, SCCB_PAGE, 1, 0);
    qtest_writel(s, SCCB + 8, MASK4(EV_ASCII));
    g_assert_cmphex(sclp_run(s, READ_EVENT_DATA, SCCB, NULL), ==, 0x60f0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sclp/read-scp-info", test_read_scp_info);
    g_test_add_func("/sclp/loadparm", test_loadparm);
    g_test_add_func("/sclp/read-scp-info-4g", test_read_scp_info_big);
    g_test_add_func("/sclp/read-cpu-info", test_read_cpu_info);
    g_test_add_func("/sclp/insufficient-length", test_insufficient_length);
    g_test_add_func("/sclp/bad-address", test_bad_address);
    g_test_add_func("/sclp/invalid-command", test_invalid_command);
    g_test_add_func("/sclp/boundary", test_boundary);
    g_test_add_func("/sclp/busy", test_busy);
    g_test_add_func("/sclp/pci-configure", test_pci_configure);
    g_test_add_func("/sclp/event-mask", test_event_mask);
    g_test_add_func("/sclp/pci-real", test_pci_real);
    g_test_add_func("/sclp/event-data-errors", test_event_data_errors);
    return g_test_run();
}
