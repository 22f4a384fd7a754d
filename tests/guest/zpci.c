/*
 * zPCI from guest code: the facility bits, CLP List PCI Functions and
 * Set PCI Function (enable), PCI LOAD of the configuration space and of
 * a BAR register, PCI STORE of a register read back, STORE PCI FUNCTION
 * CONTROLS, and the exceptions: a handle that names no function (cc 3),
 * the instructions in the problem state (privileged operation), an LPCB
 * outside storage (addressing). Then an adapter interruption: MSI-X
 * vector 2 of the function registered with MPCIFC (AIBV, AISB, ISC 3),
 * SET INTERRUPTION CONTROLS, the function's IRQ register written with
 * PCISTG, and the I/O interruption that ends an enabled wait. And a DMA
 * of the test function through I/O translation tables the guest builds,
 * registered with MPCIFC and refreshed with RPCIT: the bytes arrive in
 * the frame the tables name, and an address they leave invalid faults.
 * The machine has one pci-testfn behind a zpci with fid 5 (guest-test
 * /guest/zpci).
 */
#include "guest.h"

#define CLP_LIST   0x0002
#define CLP_SET    0x0005
#define CLP_OK     0x0010
#define FID        5
#define FH_ENABLED 0x80000000u
#define PCIAS_CFG  15

static uint8_t lpcb[4096] __attribute__((aligned(4096)));
static uint64_t fib[4 * 8] __attribute__((aligned(8)));

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v >> 16);
    put16(p + 2, v);
}

static uint16_t get16(const uint8_t *p)
{
    return p[0] << 8 | p[1];
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static int clp(void *block)
{
    unsigned long ign = 0;
    int cc;

    asm volatile(".insn rrf,0xb9a00000,%[ign],%[req],0,2\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 : [cc] "=d"(cc), [ign] "+d"(ign)
                 : [req] "a"(block)
                 : "cc", "memory");
    return cc;
}

/* A request of @cmd with @body (16 bytes), the response @rsp_len long */
static uint16_t clp_run(uint16_t cmd, const uint8_t *body, uint16_t rsp_len)
{
    memset(lpcb, 0, sizeof(lpcb));
    put16(lpcb, 32);
    put16(lpcb + 2, cmd);
    memcpy(lpcb + 16, body, 16);
    put16(lpcb + 32, rsp_len);
    if (clp(lpcb) != 0) {
        return 0xffff;
    }
    return get16(lpcb + 34);
}

/* PCI LOAD of @len bytes at @off of address space @as: cc, *data */
static int pcilg(uint32_t fh, unsigned as, unsigned len, uint64_t off,
                 uint64_t *data)
{
    register uint64_t req asm("2") = (uint64_t)fh << 32 | as << 16 | len;
    register uint64_t offset asm("3") = off;
    uint64_t d = 0;
    int cc;

    asm volatile(".insn rre,0xb9d20000,%[d],%[req]\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 : [cc] "=d"(cc), [d] "+d"(d), [req] "+d"(req)
                 : "d"(offset)
                 : "cc", "memory");
    *data = d;
    return cc;
}

static int pcistg(uint32_t fh, unsigned as, unsigned len, uint64_t off,
                  uint64_t data)
{
    register uint64_t req asm("2") = (uint64_t)fh << 32 | as << 16 | len;
    register uint64_t offset asm("3") = off;
    int cc;

    asm volatile(".insn rre,0xb9d00000,%[d],%[req]\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 : [cc] "=d"(cc), [req] "+d"(req)
                 : [d] "d"(data), "d"(offset)
                 : "cc", "memory");
    return cc;
}

static int mpcifc(uint32_t fh, unsigned oc, void *block)
{
    uint64_t req = (uint64_t)fh << 32 | oc;
    int cc;

    asm volatile(".insn rxy,0xe300000000d0,%[req],%[fib]\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 : [cc] "=d"(cc), [req] "+d"(req)
                 : [fib] "Q"(*(uint64_t *)block)
                 : "cc", "memory");
    return cc;
}

/* SIC: interruption mode @mode for @isc */
static void sic(unsigned long mode, unsigned long isc)
{
    asm volatile(".insn rsy,0xeb00000000d1,%[mode],%[isc],0"
                 :
                 : [mode] "d"(mode), [isc] "d"(isc << 27)
                 : "memory");
}

static int stpcifc(uint32_t fh, void *block)
{
    uint64_t req = (uint64_t)fh << 32;
    int cc;

    asm volatile(".insn rxy,0xe300000000d4,%[req],%[fib]\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 :
                 [cc] "=d"(cc), [req] "+d"(req), [fib] "+Q"(*(uint64_t *)block)
                 :
                 : "cc", "memory");
    return cc;
}

static uint32_t bswap32(uint32_t v)
{
    return v >> 24 | (v >> 8 & 0xff00) | (v << 8 & 0xff0000) | v << 24;
}

static uint64_t bswap64(uint64_t v)
{
    return (uint64_t)bswap32((uint32_t)v) << 32 | bswap32(v >> 32);
}

#define ISC   3
#define AIBVO 5 /* the function's first vector bit in the AIBV */
#define AISBO 9 /* its summary bit: byte 1, 0x40 */
static uint8_t aibv[16] __attribute__((aligned(8)));
static uint8_t aisb[16] __attribute__((aligned(8)));

/* MSI-X vector 2 to an adapter interruption at ISC 3; 0 when it came */
static void adapter_interruption(uint32_t fh)
{
    uint64_t io0 = *lc64(GUEST_IO_COUNT);

    /* bus master (command bit 2), MSI-X enable (control bit 15) */
    check(pcistg(fh, PCIAS_CFG, 2, 4, 0x0400) == 0, 20);
    check(pcistg(fh, PCIAS_CFG, 2, 0x42, 0x0080) == 0, 21);
    /* table entry 2 (BAR 4): the MSI address, data 2, unmasked */
    check(pcistg(fh, 4, 8, 32, bswap64(0xfe00000000000000UL)) == 0, 22);
    check(pcistg(fh, 4, 4, 40, bswap32(2)) == 0, 23);
    check(pcistg(fh, 4, 4, 44, 0) == 0, 24);
    /* register the interruptions: ISC, 4 vectors, AIBV bit 5, summary */
    memset(fib, 0, sizeof(fib));
    ((uint32_t *)fib)[10] = ISC << 28 | 4 << 16 | AIBVO << 8 | 1 << 7 | AISBO;
    fib[6] = (unsigned long)aibv;
    fib[7] = (unsigned long)aisb;
    check(mpcifc(fh, 2, fib) == 0, 25);
    sic(1, ISC); /* single interruption mode, as Linux leaves it */
    guest_lctlg(6, 0x80000000UL >> ISC);

    /* the IRQ register signals vector 2 */
    check(pcistg(fh, 0, 4, 0x38, bswap32(2)) == 0, 26);
    guest_wait(PSW_MASK_IO);
    check(*lc64(GUEST_IO_COUNT) == io0 + 1, 27);
    check(*lc32(GUEST_IO_IID) == (0x80000000u | ISC << 27), 28);
    /* vector bit 5 + 2 = 7: byte 0, 0x01; the summary bit 9 */
    check(aibv[0] == 0x01 && aisb[1] == 0x40, 29);
}

static int rpcit(uint32_t fh, uint64_t addr, uint64_t len)
{
    register uint64_t start asm("2") = addr;
    register uint64_t length asm("3") = len;
    uint64_t req = (uint64_t)fh << 32;
    int cc;

    asm volatile(".insn rre,0xb9d30000,%[req],%[start]\n"
                 "ipm %[cc]\n"
                 "srl %[cc],28"
                 : [cc] "=d"(cc), [req] "+d"(req)
                 : [start] "d"(start), "d"(length)
                 : "cc", "memory");
    return cc;
}

/* I/O translation: region-third, segment and page tables, two frames */
#define IOVA        0x100000000UL
#define TE_INVALID  0x20UL
#define PTE_INVALID 0x400UL
#define DT_REGION3  0x4UL
#define IOTA_T      0x800UL
static uint64_t rtt[2048] __attribute__((aligned(16384)));
static uint64_t stt[2048] __attribute__((aligned(16384)));
static uint64_t pgt[256] __attribute__((aligned(4096)));
static uint8_t frames[8192] __attribute__((aligned(4096)));

/* a 32-bit register of BAR 0 (little endian on the function's side) */
static void reg_write(uint32_t fh, unsigned off, uint32_t v, unsigned id)
{
    check(pcistg(fh, 0, 4, off, bswap32(v)) == 0, id);
}

static uint32_t reg_read(uint32_t fh, unsigned off)
{
    uint64_t v = 0;

    return pcilg(fh, 0, 4, off, &v) == 0 ? bswap32((uint32_t)v) : 0xffffffff;
}

/* the test function copies its buffer's first 16 bytes to @iova */
static void dma_to(uint32_t fh, uint64_t iova)
{
    reg_write(fh, 0x28, 7, 40); /* clear DONE, FAULT, BAD_REQ */
    reg_write(fh, 0x10, (uint32_t)iova, 41);
    reg_write(fh, 0x14, iova >> 32, 42);
    reg_write(fh, 0x18, 0, 43);
    reg_write(fh, 0x1c, 16, 44);
    reg_write(fh, 0x20, 0, 45); /* buffer to memory */
}

static void dma(uint32_t fh)
{
    static const uint8_t want[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                                      0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
                                      0xcc, 0xdd, 0xee, 0xff };
    unsigned same = 0;

    for (unsigned i = 0; i < 2048; i++) {
        rtt[i] = TE_INVALID | DT_REGION3;
        stt[i] = TE_INVALID;
    }
    for (unsigned i = 0; i < 256; i++) {
        pgt[i] = PTE_INVALID;
    }
    /* IOVA 2^32: region-third index 2, segment 0, pages 0 and 1 */
    rtt[2] = (unsigned long)stt | DT_REGION3 | 0x3;
    stt[0] = (unsigned long)pgt;
    pgt[0] = (unsigned long)frames;
    pgt[1] = (unsigned long)frames + 4096;

    memset(fib, 0, sizeof(fib));
    fib[2] = IOVA;                /* pba */
    fib[3] = IOVA + 0x3fffffffUL; /* pal */
    fib[4] = (unsigned long)rtt | IOTA_T | DT_REGION3;
    check(mpcifc(fh, 4, fib) == 0, 30);
    check(rpcit(fh, IOVA, 0x2000) == 0, 31);
    /* bus master and memory space; the buffer: 00 11 .. ff */
    check(pcistg(fh, PCIAS_CFG, 2, 4, 0x0600) == 0, 32);
    check(pcistg(fh, 2, 8, 0, 0x0011223344556677UL) == 0, 33);
    check(pcistg(fh, 2, 8, 8, 0x8899aabbccddeeffUL) == 0, 34);

    memset(frames, 0, sizeof(frames));
    dma_to(fh, IOVA + 0x1100);                /* page 1, offset 0x100 */
    check((reg_read(fh, 0x28) & 3) == 1, 35); /* DONE, no FAULT */
    for (unsigned i = 0; i < 16; i++) {
        same += frames[4096 + 0x100 + i] == want[i];
    }
    check(same == 16, 36);
    /* an I/O page the tables leave invalid: a fault, memory untouched */
    memset(frames, 0, sizeof(frames));
    dma_to(fh, IOVA + 0x3000);
    check((reg_read(fh, 0x28) & 3) == 3, 37); /* DONE and FAULT */
    same = 0;
    for (unsigned i = 0; i < sizeof(frames); i++) {
        same += frames[i] == 0;
    }
    check(same == sizeof(frames), 38);
}

int main(void)
{
    uint64_t fac[2] __attribute__((aligned(8))) = { 0, 0 };
    uint8_t body[16] = { 0 };
    uint32_t fh = 0;
    uint64_t v, count;
    unsigned n;

    /* the AFP registers: GCC spills general registers into f8-f15 */
    guest_lctlg(0, guest_stctg(0) | (1UL << 18));

    /* STFLE: zPCI (69), adapter event notification (71), SIC (72) */
    {
        register unsigned long r0 asm("0") = 1;

        asm volatile("stfle %0" : "=Q"(fac), "+d"(r0) : : "cc", "memory");
    }
    check((fac[1] >> (63 - 5) & 1) && (fac[1] >> (63 - 7) & 1) &&
              (fac[1] >> (63 - 8) & 1),
          1);

    /* List PCI Functions: the testfn at fid 5, configured, disabled */
    check(clp_run(CLP_LIST, body, sizeof(lpcb) - 32) == CLP_OK, 2);
    n = (get16(lpcb + 32) - 32) / 16;
    for (unsigned i = 0; i < n; i++) {
        const uint8_t *e = lpcb + 32 + 32 + 16 * i;

        if (get32(e + 8) == FID) {
            fh = get32(e + 12);
        }
    }
    check(fh != 0 && !(fh & FH_ENABLED), 3);

    /* Set PCI Function: enable with one DMA address space */
    put32(body, fh);
    body[6] = 0; /* operation: enable */
    body[7] = 1; /* ndas */
    check(clp_run(CLP_SET, body, 32) == CLP_OK, 4);
    fh = get32(lpcb + 32 + 16);
    check(fh & FH_ENABLED, 5);
    MAILBOX->value = fh;

    /* config space dword 0: vendor 5a50, device 0001 (little endian) */
    check(pcilg(fh, PCIAS_CFG, 4, 0, &v) == 0 &&
              bswap32((uint32_t)v) == 0x00015a50,
          6);
    /* BAR 0 ID register "ZPTF" */
    check(pcilg(fh, 0, 4, 0, &v) == 0 && bswap32((uint32_t)v) == 0x5a505446, 7);
    /* SCRATCH: stored, loaded back */
    check(pcistg(fh, 0, 4, 8, bswap32(0xc0ffee11)) == 0, 8);
    check(pcilg(fh, 0, 4, 8, &v) == 0 && bswap32((uint32_t)v) == 0xc0ffee11, 9);
    /* a handle no function has: cc 3 */
    check(pcilg(0x7fff0000, PCIAS_CFG, 4, 0, &v) == 3, 10);
    /* STPCIFC of the enabled function */
    check(stpcifc(fh, fib) == 0, 11);

    adapter_interruption(fh);
    dma(fh);

    /* privileged: PCILG and CLP in the problem state */
    count = *lc64(GUEST_PGM_COUNT);
    GUEST_IN_PROBLEM_STATE("lghi %%r2,0\n.insn rre,0xb9d20000,%%r4,%%r2");
    check(*lc64(GUEST_PGM_COUNT) == count + 1 && *lc16(LC_PGM_CODE) == 0x0002,
          12);
    GUEST_IN_PROBLEM_STATE("lghi %%r2,0\n.insn rrf,0xb9a00000,%%r4,%%r2,0,2");
    check(*lc64(GUEST_PGM_COUNT) == count + 2 && *lc16(LC_PGM_CODE) == 0x0002,
          13);

    /* an LPCB beyond the end of storage (128M): addressing */
    {
        uint64_t after;

        asm volatile("larl %0,0f\n"
                     "lgfi %%r2,0x40000000\n"
                     ".insn rrf,0xb9a00000,%%r4,%%r2,0,2\n"
                     "0:\n"
                     : "=&a"(after)
                     :
                     : "r2", "r4", "cc", "memory");
        check(*lc64(GUEST_PGM_COUNT) == count + 3 &&
                  *lc16(LC_PGM_CODE) == 0x0005 &&
                  *lc64(LC_PGM_OLD + 8) == after,
              14);
    }
    return 0;
}
