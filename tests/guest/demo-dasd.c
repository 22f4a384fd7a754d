/*
 * make demo's guest: STSCH enumeration, MSCH (ISC 3) and SENSE ID find
 * the vfio-ccw DASD (the first device that reports a 3390 on a 3990,
 * whatever its devno), then
 * Define Extent + Locate Record + Read Data reads R1 of
 * cylinder 0 head 1 with a real I/O interruption, and the record goes
 * out on the SCLP ASCII console. When R1 is not there (a fresh image:
 * the read ends in unit check) the guest formats it with its own text
 * first (Write Count Key and Data) and reads again.
 */
#include "guest-io.h"
#include "guest-sclp.h"

#define ISC  3
#define RLEN 46

static GuestSchib schib;
static uint32_t orb[8] __attribute__((aligned(8)));
static uint64_t ccws[3] __attribute__((aligned(8)));
static uint8_t irb[96] __attribute__((aligned(4)));
static uint8_t ext[16] __attribute__((aligned(8)));
static uint8_t loc[16] __attribute__((aligned(8)));
static uint8_t idbuf[32] __attribute__((aligned(8)));
static uint8_t wbuf[8 + RLEN] __attribute__((aligned(8)));
static char rbuf[RLEN] __attribute__((aligned(8)));
static const char own[RLEN + 1] =
    "hello from the guest, written by the guest    ";

/* one SCLP write event data of ASCII text */
static void console(const char *s, unsigned len)
{
    check(guest_sclp_write(s, len) == 0x0020, 41);
}

static void say(const char *s)
{
    unsigned len = 0;

    while (s[len]) {
        len++;
    }
    console(s, len);
}

static uint64_t ccw1(uint8_t cmd, uint8_t flags, uint16_t count, void *a)
{
    return ((uint64_t)cmd << 56) | ((uint64_t)flags << 48) |
           ((uint64_t)count << 32) | (uint32_t)(unsigned long)a;
}

/* SSCH, the I/O interruption, TSCH: the device status (CE+DE is 0x0c) */
static int run(uint32_t sid, unsigned id)
{
    uint64_t n = *lc64(GUEST_IO_COUNT);

    orb[0] = 0xd15c0000 | id;
    orb[1] = 0x0080ff00; /* format-1 CCWs, LPM ff */
    orb[2] = (uint32_t)(unsigned long)ccws;
    check(guest_ssch(sid, orb) == 0, id);
    while (*lc64(GUEST_IO_COUNT) == n) {
        guest_wait(PSW_MASK_IO);
    }
    check(*lc32(GUEST_IO_SID) == sid, id + 1);
    check(*lc32(GUEST_IO_PARM) == orb[0], id + 2);
    check(guest_tsch(sid, irb) == 0, id + 3);
    check(irb[9] == 0, id + 4); /* no subchannel status */
    return irb[8];
}

static void extent(uint8_t mask, uint8_t op, uint8_t rec, uint8_t count)
{
    static const uint8_t cchh[4] = { 0, 0, 0, 1 }; /* cylinder 0 head 1 */

    memset(ext, 0, sizeof(ext));
    ext[0] = mask;
    ext[1] = 0xc0;
    memcpy(ext + 8, cchh, 4);
    memcpy(ext + 12, cchh, 4);
    memset(loc, 0, sizeof(loc));
    loc[0] = op;
    loc[3] = count;
    memcpy(loc + 4, cchh, 4);
    memcpy(loc + 8, cchh, 4);
    loc[12] = rec;
    ccws[0] = ccw1(0x63, 0x40, 16, ext);
    ccws[1] = ccw1(0x47, 0x40, 16, loc);
}

static int read_r1(uint32_t sid)
{
    memset(rbuf, 0, sizeof(rbuf));
    extent(0x40, 0x06, 1, 1);
    ccws[2] = ccw1(0x06, 0x20, RLEN, rbuf); /* SLI */
    return run(sid, 20);
}

int main(void)
{
    uint32_t sid = 0, found = 0;
    uint64_t cr0 = guest_stctg(0);
    int dstat;

    guest_lctlg(0, (cr0 & ~0xffffUL) | 0x200); /* service signal */
    guest_lctlg(6, 0x80000000UL >> ISC);
    /* the first device that says it is a 3390 on a 3990, whatever its devno */
    for (uint32_t sch = 0; !found && sch < 0x10000; sch++) {
        if (guest_stsch(0x10000 | sch, &schib) == 3) {
            break;
        }
        if (!(schib.flags & 1)) {
            continue;
        }
        schib.intparm = 0;
        schib.flags = (schib.flags & ~0x3880) | (ISC << 11) | 0x80;
        check(guest_msch(0x10000 | sch, &schib) == 0, 2);
        memset(idbuf, 0, sizeof(idbuf));
        ccws[0] = ccw1(0xe4, 0x20, sizeof(idbuf), idbuf);
        if (run(0x10000 | sch, 10) == 0x0c && idbuf[0] == 0xff &&
            idbuf[1] == 0x39 && idbuf[2] == 0x90 && idbuf[4] == 0x33 &&
            idbuf[5] == 0x90) {
            sid = 0x10000 | sch;
            found = schib.devno | 0x10000;
        }
    }
    check(found, 1);
    if (!found) {
        /* without MCSS-E a guest sees css fe only: s390-map-css=on */
        say("demo-dasd: no 3390 on a 3990 found\n");
        guest_lctlg(0, cr0);
        return 1;
    }
    say("demo-dasd: STSCH and SENSE ID found a 3390 on a 3990, device ");
    for (int shift = 12; shift >= 0; shift -= 4) {
        char d = "0123456789abcdef"[(found >> shift) & 0xf];

        console(&d, 1);
    }
    say("\n");

    dstat = read_r1(sid);
    if (dstat & 0x02) { /* unit check: no R1 yet; format it */
        say("demo-dasd: no record yet, writing one\n");
        extent(0xc0, 0x03, 0, 1);
        memset(wbuf, 0, 8);
        wbuf[3] = 1;    /* head 1 */
        wbuf[4] = 1;    /* R1, no key */
        wbuf[7] = RLEN; /* data length */
        memcpy(wbuf + 8, own, RLEN);
        ccws[2] = ccw1(0x1d, 0, sizeof(wbuf), wbuf);
        check(run(sid, 30) == 0x0c, 5);
        dstat = read_r1(sid);
    }
    check(dstat == 0x0c, 6);
    say("demo-dasd: record: ");
    console(rbuf, RLEN);
    say("\n");
    guest_lctlg(0, cr0);
    return 0;
}
