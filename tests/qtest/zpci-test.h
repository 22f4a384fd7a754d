/*
 * Helpers of the zPCI qtests: a machine with PCI functions, and CLP
 * requests built in guest memory (layouts: docs/devel/zpci-internals.rst).
 */
#ifndef ZPCI_TEST_H
#define ZPCI_TEST_H

#include <inttypes.h>

#include "css-test.h"

#define LPCB      0x10000u    /* 4 KiB logical-processor block */
#define LPCB_RSP  (LPCB + 32) /* response after a 32-byte request */
#define LPCB_SIZE 4096u

#define CLP_LIST  0x0002
#define CLP_QUERY 0x0003
#define CLP_GROUP 0x0004
#define CLP_SET   0x0005

#define FH_ENABLED 0x80000000u
#define FH_EMUL    0x00020000u

/* Build a request of @cmd with the 16 bytes after the header. */
static inline void clp_request(QTestState *s, uint16_t cmd,
                               const uint8_t body[16], uint16_t rsp_len)
{
    qtest_memset(s, LPCB, 0, LPCB_SIZE);
    qtest_writew(s, LPCB, 32);
    qtest_writew(s, LPCB + 2, cmd);
    if (body) {
        qtest_memwrite(s, LPCB + 16, body, 16);
    }
    qtest_writew(s, LPCB_RSP, rsp_len);
}

/* Run CLP; the response code (and *cc the condition code). */
static inline uint16_t clp_run(QTestState *s, int *cc)
{
    int r = inst(s, "s390_clp 0x%x", LPCB);

    if (cc) {
        *cc = r;
    } else {
        g_assert_cmpint(r, ==, 0);
    }
    return qtest_readw(s, LPCB_RSP + 2);
}

static inline uint16_t clp_list(QTestState *s, uint64_t token, uint16_t len)
{
    uint8_t body[16] = { 0 };

    for (int i = 0; i < 8; i++) {
        body[i] = token >> (56 - 8 * i);
    }
    clp_request(s, CLP_LIST, body, len);
    return clp_run(s, NULL);
}

/* Entry @i of the last List answer: its fid, fh, config word. */
#define LIST_ENTRY(i) (LPCB_RSP + 32 + 16 * (i))

static inline uint16_t clp_handle_cmd(QTestState *s, uint16_t cmd, uint32_t fh,
                                      uint8_t oc, uint8_t ndas, uint16_t len)
{
    uint8_t body[16] = { fh >> 24, fh >> 16, fh >> 8, fh, 0, 0, oc, ndas };

    clp_request(s, cmd, body, len);
    return clp_run(s, NULL);
}

static inline uint16_t clp_query(QTestState *s, uint32_t fh)
{
    return clp_handle_cmd(s, CLP_QUERY, fh, 0, 0, 192);
}

static inline uint16_t clp_set(QTestState *s, uint32_t fh, uint8_t oc)
{
    return clp_handle_cmd(s, CLP_SET, fh, oc, oc == 0 ? 1 : 0, 32);
}

/*
 * SCLP configure (@on) / deconfigure of the function @fid, as a guest's
 * SERVC does it: the reply "OK 0xRRRR" with the SCLP response code.
 */
static inline const char *sclp_zpci(QTestState *s, uint32_t fid, bool on)
{
    static char reply[32];
    g_autofree gchar *r = cmd(s, "s390_zpci_sclp 0x%x %s", fid,
                              on ? "on" : "off");

    g_strlcpy(reply, r, sizeof(reply));
    g_strchomp(reply);
    return reply;
}

/* The fh of the function with @fid from a full List, 0 if absent. */
static inline uint32_t fh_of_fid(QTestState *s, uint32_t fid)
{
    uint16_t n;

    g_assert_cmphex(clp_list(s, 0, LPCB_SIZE - 32), ==, 0x0010);
    n = (qtest_readw(s, LPCB_RSP) - 32) / 16;
    for (unsigned i = 0; i < n; i++) {
        if (qtest_readl(s, LIST_ENTRY(i) + 8) == fid) {
            return qtest_readl(s, LIST_ENTRY(i) + 12);
        }
    }
    return 0;
}

/*
 * Run the FC instruction @insn ("s390_mpcifc", "s390_stpcifc") on @fh with
 * operation control @oc and the FIB at @fib: its cc, or -code of a program
 * exception; *status (if given) the status byte it left in the register.
 */
static inline int zpci_fc(QTestState *s, const char *insn, uint32_t fh,
                          unsigned oc, uint64_t fib, unsigned *status)
{
    uint64_t rq = (uint64_t)fh << 32 | oc, after = 0;
    g_autofree gchar *reply = cmd(s, "%s 0x%" PRIx64 " 0x%" PRIx64, insn, rq,
                                  fib);
    unsigned code;
    int cc;

    if (sscanf(reply, "OK pgm 0x%x", &code) == 1) {
        return -(int)code;
    }
    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64, &cc, &after), ==, 2);
    if (status) {
        *status = (after >> 24) & 0xff;
    }
    return cc;
}

/* CLP Set PCI Function enable of @fh: the enabled handle. */
static inline uint32_t zpci_enable(QTestState *s, uint32_t fh)
{
    g_assert_cmphex(clp_set(s, fh, 0), ==, 0x0010);
    return qtest_readl(s, LPCB_RSP + 16);
}

#endif
