/*
 * PCI LOAD, PCI STORE and PCI STORE BLOCK on a pci-testfn through the
 * qtest s390x extension: BAR and configuration space access, byte order
 * (storage order in the register), lengths and crossings, and the
 * condition and status codes.
 */
#include <inttypes.h>

#include "zpci-test.h"

#define CFG        15
#define BLOCK_ADDR 0x20000u

typedef struct PciResult {
    int cc;        /* -code for a program interruption */
    uint64_t data; /* PCILG: register 1 */
    uint64_t req;  /* the request register after the instruction */
} PciResult;

static uint64_t req(uint32_t fh, unsigned pcias, unsigned len)
{
    return (uint64_t)fh << 32 | pcias << 16 | len;
}

static unsigned status_of(const PciResult *r)
{
    return (r->req >> 24) & 0xff;
}

static PciResult parse(gchar *reply, bool with_data)
{
    PciResult r = { 0 };
    unsigned code;

    if (sscanf(reply, "OK pgm 0x%x", &code) == 1) {
        r.cc = -(int)code;
    } else if (with_data) {
        g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64,
                               &r.cc, &r.data, &r.req),
                        ==, 3);
    } else {
        g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64, &r.cc, &r.req), ==,
                        2);
    }
    g_free(reply);
    return r;
}

static PciResult pcilg(QTestState *s, uint64_t rq, uint64_t off)
{
    return parse(cmd(s, "s390_pcilg 0x%" PRIx64 " 0x%" PRIx64, rq, off), true);
}

static PciResult pcistg(QTestState *s, uint64_t data, uint64_t rq, uint64_t off)
{
    return parse(cmd(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                     data, rq, off),
                 false);
}

static PciResult pcistb(QTestState *s, uint64_t rq, uint64_t off, uint64_t addr)
{
    return parse(cmd(s, "s390_pcistb 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                     rq, off, addr),
                 false);
}

/* A machine with one enabled pci-testfn; its enabled handle. */
static QTestState *start_enabled(uint32_t *fh)
{
    QTestState *s = start("-device pci-testfn,id=t,bus=pci.0,addr=0x3");
    uint32_t h = fh_of_fid(s, 0);

    g_assert_cmphex(clp_set(s, h, 0), ==, 0x0010);
    *fh = qtest_readl(s, LPCB_RSP + 16);
    g_assert_cmphex(*fh, ==, h | FH_ENABLED);
    return s;
}

static void test_config(void)
{
    uint32_t fh;
    QTestState *s = start_enabled(&fh);
    PciResult r;

    /* vendor 5a50, device 0001: bytes 50 5a 01 00 */
    r = pcilg(s, req(fh, CFG, 2), 0);
    g_assert_cmpint(r.cc, ==, 0);
    g_assert_cmphex(r.data, ==, 0x505a);
    r = pcilg(s, req(fh, CFG, 4), 0);
    g_assert_cmphex(r.data, ==, 0x505a0100);
    r = pcilg(s, req(fh, CFG, 1), 3);
    g_assert_cmphex(r.data, ==, 0x00);
    /* Command = 0x0006 (memory, bus master), stored as bytes 06 00 */
    r = pcistg(s, 0x0600, req(fh, CFG, 2), 4);
    g_assert_cmpint(r.cc, ==, 0);
    r = pcilg(s, req(fh, CFG, 1), 4);
    g_assert_cmphex(r.data, ==, 0x06);
    /* beyond the 256-byte space: all ones */
    r = pcilg(s, req(fh, CFG, 4), 0x100);
    g_assert_cmpint(r.cc, ==, 0);
    g_assert_cmphex(r.data, ==, 0xffffffff);
    /* lengths: 3, 0, 8, and a word crossing are operand exceptions */
    g_assert_cmpint(pcilg(s, req(fh, CFG, 3), 0).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, req(fh, CFG, 0), 0).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, req(fh, CFG, 8), 0).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, req(fh, CFG, 2), 3).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcistg(s, 0, req(fh, CFG, 4), 2).cc, ==, -PGM_OPERAND);
    qtest_quit(s);
}

static void test_bar(void)
{
    uint32_t fh;
    QTestState *s = start_enabled(&fh);
    PciResult r;

    /* the ID register: 0x5a505446 little endian */
    r = pcilg(s, req(fh, 0, 4), 0);
    g_assert_cmpint(r.cc, ==, 0);
    g_assert_cmphex(r.data, ==, 0x4654505a);
    /* scratch stored as bytes 11 22 33 44 */
    g_assert_cmpint(pcistg(s, 0x11223344, req(fh, 0, 4), 8).cc, ==, 0);
    r = pcilg(s, req(fh, 0, 4), 8);
    g_assert_cmphex(r.data, ==, 0x11223344);
    /* 8 bytes: scratch then the vector count (4) */
    r = pcilg(s, req(fh, 0, 8), 8);
    g_assert_cmphex(r.data, ==, 0x1122334404000000ull);
    /* only the low LEN bytes of the register are stored */
    g_assert_cmpint(pcistg(s, 0xffffffffaabbccddull, req(fh, 2, 2), 0x10).cc,
                    ==, 0);
    r = pcilg(s, req(fh, 2, 4), 0x10);
    g_assert_cmphex(r.data, ==, 0xccdd0000);
    /* crossing a doubleword, past the BAR: operand exception */
    g_assert_cmpint(pcilg(s, req(fh, 0, 4), 6).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, req(fh, 0, 4), 0x1000).cc, ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, req(fh, 0, 0), 0).cc, ==, -PGM_OPERAND);
    qtest_quit(s);
}

/* BAR 4 holds the MSI-X table and PBA below a container region */
static void test_msix_bar(void)
{
    uint32_t fh;
    QTestState *s = start_enabled(&fh);
    PciResult r;

    /* vector 1's data word, stored as bytes 78 56 34 12 */
    g_assert_cmpint(pcistg(s, 0x78563412, req(fh, 4, 4), 16 + 8).cc, ==, 0);
    r = pcilg(s, req(fh, 4, 4), 16 + 8);
    g_assert_cmpint(r.cc, ==, 0);
    g_assert_cmphex(r.data, ==, 0x78563412);
    /* 8-byte message address */
    g_assert_cmpint(pcistg(s, 0x0011223344556677ull, req(fh, 4, 8), 16).cc, ==,
                    0);
    r = pcilg(s, req(fh, 4, 8), 16);
    g_assert_cmphex(r.data, ==, 0x0011223344556677ull);
    /* vector control after reset: masked (bit 0 of the LE word) */
    r = pcilg(s, req(fh, 4, 4), 12);
    g_assert_cmphex(r.data, ==, 0x01000000);
    /* the pending bit array */
    r = pcilg(s, req(fh, 4, 8), 0x8000);
    g_assert_cmpint(r.cc, ==, 0);
    g_assert_cmphex(r.data, ==, 0);
    qtest_quit(s);
}

static void test_codes(void)
{
    uint32_t fh;
    QTestState *s = start_enabled(&fh);
    PciResult r;

    /* BAR 1 does not exist, space 7 is not valid: cc 1 status 20 */
    r = pcilg(s, req(fh, 1, 4), 0);
    g_assert_cmpint(r.cc, ==, 1);
    g_assert_cmpuint(status_of(&r), ==, 20);
    r = pcistg(s, 0, req(fh, 7, 4), 0);
    g_assert_cmpint(r.cc, ==, 1);
    g_assert_cmpuint(status_of(&r), ==, 20);
    /* the status replaces bits 32-39 only */
    g_assert_cmphex(r.req & ~0xff000000ull, ==, req(fh, 7, 4));
    /* a disabled handle, an unknown one: cc 3 */
    g_assert_cmpint(pcilg(s, req(fh & ~FH_ENABLED, 0, 4), 0).cc, ==, 3);
    g_assert_cmpint(pcilg(s, req(fh + 1, 0, 4), 0).cc, ==, 3);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpint(pcilg(s, req(fh, 0, 4), 0).cc, ==, 3);
    qtest_quit(s);
}

static void test_store_block(void)
{
    uint32_t fh;
    QTestState *s = start_enabled(&fh);
    static const uint8_t data[16] = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    };
    PciResult r;

    qtest_memwrite(s, BLOCK_ADDR, data, sizeof(data));
    r = pcistb(s, req(fh, 2, 16), 0x100, BLOCK_ADDR);
    g_assert_cmpint(r.cc, ==, 0);
    r = pcilg(s, req(fh, 2, 8), 0x100);
    g_assert_cmphex(r.data, ==, 0x0102030405060708ull);
    r = pcilg(s, req(fh, 2, 8), 0x108);
    g_assert_cmphex(r.data, ==, 0x090a0b0c0d0e0f10ull);
    /* lengths: one doubleword, not whole doublewords, above maxstbl */
    g_assert_cmpint(pcistb(s, req(fh, 2, 8), 0, BLOCK_ADDR).cc, ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(pcistb(s, req(fh, 2, 20), 0, BLOCK_ADDR).cc, ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(pcistb(s, req(fh, 2, 136), 0, BLOCK_ADDR).cc, ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(pcistb(s, req(fh, 2, 128), 0, BLOCK_ADDR).cc, ==, 0);
    /* crossing 4 KiB, a misaligned source */
    g_assert_cmpint(pcistb(s, req(fh, 2, 16), 0xff8, BLOCK_ADDR).cc, ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(pcistb(s, req(fh, 2, 16), 0, BLOCK_ADDR + 4).cc, ==,
                    -PGM_SPECIFICATION);
    /* source outside storage */
    g_assert_cmpint(pcistb(s, req(fh, 2, 16), 0, 0x8000000).cc, ==,
                    -PGM_ADDRESSING);
    /* configuration space is not for PCISTB */
    r = pcistb(s, req(fh, CFG, 16), 0, BLOCK_ADDR);
    g_assert_cmpint(r.cc, ==, 1);
    g_assert_cmpuint(status_of(&r), ==, 20);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-pci-insn/config", test_config);
    g_test_add_func("/zpci-pci-insn/bar", test_bar);
    g_test_add_func("/zpci-pci-insn/msix-bar", test_msix_bar);
    g_test_add_func("/zpci-pci-insn/codes", test_codes);
    g_test_add_func("/zpci-pci-insn/store-block", test_store_block);
    return g_test_run();
}
