/*
 * CHANNEL SUBSYSTEM CALL: a 4 KiB command block holds the request
 * (length, code, parameters) and receives the response right after it
 * (length, response code, information word, data). The commands and
 * their layouts are listed in docs/devel/qtest-s390x.rst.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/cpu.h"
#include "hw/s390x/css.h"
#include "hw/s390x/zpci-event.h"

#define CHSC_BLOCK 4096

#define CHSC_SSD  0x0004 /* store subchannel description */
#define CHSC_SEI  0x000e /* store event information */
#define CHSC_SCSC 0x0010 /* store channel-subsystem characteristics */
#define CHSC_SDA  0x0031 /* set domain attributes */

#define CHSC_RSP_OK       0x0001
#define CHSC_RSP_BAD_LEN  0x0002 /* request length wrong for the code */
#define CHSC_RSP_BAD_REQ  0x0003 /* invalid field in the request */
#define CHSC_RSP_NOT_SUPP 0x0004 /* command not provided */
#define CHSC_RSP_NO_EVENT 0x0005 /* no event information pending */
#define CHSC_RSP_BAD_OC   0x0101 /* SDA: operation code not provided */

#define CHSC_SDA_OC_MCSSE 0x0000
#define CHSC_SDA_OC_MSS   0x0002

#define SSD_ENTRY          32
#define SCSC_GENERAL_WORDS 510
#define SCSC_CHSC_WORDS    508
#define GENERAL_CHAR_MCSSE 45 /* bit number in the general characteristics */

#define CHSC_SEI_NT2  (UINT64_C(1) << 61) /* selection: notification type 2 */
#define SEI_RSP_LEN   0x0ff0 /* as QEMU: the whole block after the request */
#define SEI_FLAG_MORE 0x80
#define SEI_CCDF      64

/* A response: @rsp points at its header; returns its length. */
typedef uint16_t ChscFn(const uint8_t *req, uint8_t *rsp, uint16_t room,
                        uint16_t *code);

static void ssd_entry(const SubchDev *sch, uint8_t *e)
{
    const Pmcw *p = &sch->schib.pmcw;

    e[0] = 0x80 | ((p->flags & PMCW_FLAGS_DNV) ? 0x40 : 0); /* st 0: I/O */
    e[1] = sch->devno & 0xff;
    stw_be_p(e + 2, sch->devno);
    e[4] = p->pim;
    stw_be_p(e + 6, sch->schid);
    memcpy(e + 8, p->chpid, 8);
}

/* Request: +4 M (0x20) / ssid (0x0030 of the halfword) / format (0x000f),
 * +6 first subchannel, +9 css id (with M), +10 last subchannel. */
static uint16_t chsc_ssd(const uint8_t *req, uint8_t *rsp, uint16_t room,
                         uint16_t *code)
{
    uint16_t w = lduw_be_p(req + 4);
    bool m = w & 0x2000;
    uint8_t ssid = (w >> 4) & 3;
    uint32_t first = lduw_be_p(req + 6), last = lduw_be_p(req + 10);
    uint16_t len = 8;

    if (lduw_be_p(req) != 0x0010) {
        *code = CHSC_RSP_BAD_LEN;
        return 8;
    }
    if ((w & ~0x2030) || last < first || (ssid && !css_mss_enabled()) ||
        css_guest_to_real(m, m ? req[9] : 0) < 0) {
        *code = CHSC_RSP_BAD_REQ;
        return 8;
    }
    for (uint32_t s = first; s <= last && len + SSD_ENTRY <= room; s++) {
        SubchDev *sch = css_find_sch_guest(m, m ? req[9] : 0, ssid, s);

        memset(rsp + len, 0, SSD_ENTRY);
        if (sch) {
            ssd_entry(sch, rsp + len);
        }
        len += SSD_ENTRY;
    }
    *code = CHSC_RSP_OK;
    return len;
}

static uint16_t chsc_scsc(const uint8_t *req, uint8_t *rsp, uint16_t room,
                          uint16_t *code)
{
    uint16_t len = 8 + 4 * (SCSC_GENERAL_WORDS + SCSC_CHSC_WORDS);
    uint8_t *general = rsp + 8;

    if (lduw_be_p(req) != 0x0010 || len > room) {
        *code = CHSC_RSP_BAD_LEN;
        return 8;
    }
    memset(rsp + 8, 0, len - 8);
    general[GENERAL_CHAR_MCSSE / 8] |= 0x80 >> (GENERAL_CHAR_MCSSE % 8);
    *code = CHSC_RSP_OK;
    return len;
}

/* Request: length 0x0400, +6 operation code. */
static uint16_t chsc_sda(const uint8_t *req, uint8_t *rsp, uint16_t room,
                         uint16_t *code)
{
    if (lduw_be_p(req) != 0x0400) {
        *code = CHSC_RSP_BAD_LEN;
        return 8;
    }
    switch (lduw_be_p(req + 6)) {
    case CHSC_SDA_OC_MCSSE:
        css_enable_mcsse();
        *code = CHSC_RSP_OK;
        break;
    case CHSC_SDA_OC_MSS:
        css_enable_mss();
        *code = CHSC_RSP_OK;
        break;
    default:
        *code = CHSC_RSP_BAD_OC;
        break;
    }
    return 8;
}

/*
 * Request: +8 notification-type selection mask (bit 0 type 0, bit 2 type
 * 2).  One event per call: +7 notification type, +8 flags (0x80: more
 * pending), +11 content code, +64 the content-code-dependent field.
 * There are no type-0 events; type 2 (PCI) only when selected, as QEMU.
 */
static uint16_t chsc_sei(const uint8_t *req, uint8_t *rsp, uint16_t room,
                         uint16_t *code)
{
    uint64_t ntsm = ldq_be_p(req + 8);
    ZpciEvent ev;
    bool more;

    if (lduw_be_p(req) != 0x0010) {
        *code = CHSC_RSP_BAD_LEN;
        return 8;
    }
    if (!(ntsm & CHSC_SEI_NT2) || room < SEI_RSP_LEN ||
        !zpci_event_take(&ev, &more)) {
        *code = CHSC_RSP_NO_EVENT;
        return 8;
    }
    memset(rsp + 8, 0, SEI_RSP_LEN - 8);
    rsp[7] = 2;
    rsp[8] = more ? SEI_FLAG_MORE : 0;
    rsp[11] = ev.cc;
    zpci_event_encode_ccdf(&ev, rsp + SEI_CCDF);
    *code = CHSC_RSP_OK;
    return SEI_RSP_LEN;
}

static ChscFn *chsc_lookup(uint16_t cmd)
{
    switch (cmd) {
    case CHSC_SSD:
        return chsc_ssd;
    case CHSC_SEI:
        return chsc_sei;
    case CHSC_SCSC:
        return chsc_scsc;
    case CHSC_SDA:
        return chsc_sda;
    default:
        return NULL;
    }
}

int ioinst_chsc(CPUS390XState *env, uint64_t addr)
{
    g_autofree uint8_t *blk = NULL;
    uint16_t len, code = CHSC_RSP_NOT_SUPP, rlen = 8;
    ChscFn *fn;
    uint8_t *rsp;
    int r = ioinst_check_operand(addr, CHSC_BLOCK, CHSC_BLOCK, true);

    if (r) {
        return r;
    }
    blk = g_malloc0(CHSC_BLOCK);
    ioinst_fetch(addr, blk, CHSC_BLOCK);
    len = lduw_be_p(blk);
    if (len < 16 || len > CHSC_BLOCK - 8 || (len & 7)) {
        return s390_pgm(PGM_OPERAND);
    }
    rsp = blk + len;
    memset(rsp, 0, 8);
    fn = chsc_lookup(lduw_be_p(blk + 2));
    if (fn) {
        rlen = fn(blk, rsp, CHSC_BLOCK - len, &code);
    }
    stw_be_p(rsp, rlen);
    stw_be_p(rsp + 2, code);
    ioinst_store(addr + len, rsp, rlen);
    return 0;
}
