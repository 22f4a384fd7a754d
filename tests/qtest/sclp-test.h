/*
 * Helpers of the SCLP qtests: SERVICE CALL through the qtest s390x
 * extension (s390_servc), the service signal (s390_ext_intr), SCCBs
 * built in guest memory. Layouts: docs/system/s390x/sclp.rst.
 */
#ifndef SCLP_TEST_H
#define SCLP_TEST_H

#include <inttypes.h>

#include "css-test.h"

#define SCCB      0x10000u /* a 4 KiB page */
#define SCCB_PAGE 4096u

#define READ_CPU_INFO    0x00010001u
#define READ_SCP_INFO    0x00020001u
#define READ_SCP_INFO_F  0x00120001u
#define CONFIGURE_IOA    0x001a0001u
#define DECONFIGURE_IOA  0x001b0001u
#define WRITE_EVENT_DATA 0x00760005u
#define READ_EVENT_DATA  0x00770005u
#define WRITE_EVENT_MASK 0x00780005u

#define EXT_SERVICE_SIGNAL 0x2401
#define EV_PENDING         1u

/* Event types and their bits in a 4-byte mask */
#define EV_OPCMD    0x01
#define EV_MSG      0x02
#define EV_CFG      0x04 /* configuration management: CPU changes */
#define EV_ASCII    0x1a
#define EV_QUIESCE  0x1d /* signal quiesce: the SCLP always sends it */
#define MASK4(t)    (1u << (32 - (t)))
#define MASK_LM_IN  (MASK4(EV_MSG) | MASK4(0x09))   /* SCLP receives */
#define MASK_LM_OUT (MASK4(EV_OPCMD) | MASK4(0x09)) /* SCLP sends */

/* An SCCB header at @addr: length, function code, control byte 2 */
static inline void sccb_header(QTestState *s, uint64_t addr, uint16_t len,
                               uint8_t fc, uint8_t control2)
{
    qtest_writew(s, addr, len);
    qtest_writeb(s, addr + 2, fc);
    qtest_writeb(s, addr + 3, 0);
    qtest_writeb(s, addr + 4, 0);
    qtest_writeb(s, addr + 5, control2);
    qtest_writew(s, addr + 6, 0);
}

static inline int servc(QTestState *s, uint32_t command, uint64_t addr)
{
    return inst(s, "s390_servc 0x%x 0x%" PRIx64, command, addr);
}

/* Take the service signal: its parameter, or -1 when none is pending */
static inline int64_t ext_intr(QTestState *s)
{
    gchar *reply = cmd(s, "s390_ext_intr");
    unsigned code, param;
    int64_t r = -1;

    if (sscanf(reply, "OK 0x%x 0x%x", &code, &param) == 2) {
        g_assert_cmphex(code, ==, EXT_SERVICE_SIGNAL);
        r = param;
    } else {
        g_assert_cmpstr(reply, ==, "OK none");
    }
    g_free(reply);
    return r;
}

/*
 * Run @cmd on the SCCB at @addr: cc 0, then the service signal with the
 * SCCB address (the event-pending bit in *@pending when non-NULL, else
 * it must be off). Returns the response code.
 */
static inline uint16_t sclp_run(QTestState *s, uint32_t command, uint64_t addr,
                                bool *pending)
{
    int64_t param;

    g_assert_cmpint(servc(s, command, addr), ==, 0);
    param = ext_intr(s);
    g_assert_cmphex(param & ~EV_PENDING, ==, addr);
    if (pending) {
        *pending = param & EV_PENDING;
    } else {
        g_assert_cmphex(param & EV_PENDING, ==, 0);
    }
    return qtest_readw(s, addr + 6);
}

/* Write Event Mask with 4-byte masks: the guest's receive/send masks */
static inline uint16_t sclp_set_mask(QTestState *s, uint32_t receive,
                                     uint32_t send, bool *pending)
{
    qtest_memset(s, SCCB, 0, 32);
    sccb_header(s, SCCB, 28, 0, 0);
    qtest_writew(s, SCCB + 10, 4);
    qtest_writel(s, SCCB + 12, receive);
    qtest_writel(s, SCCB + 16, send);
    return sclp_run(s, WRITE_EVENT_MASK, SCCB, pending);
}

/* Write Event Data with one event buffer of @type carrying @data */
static inline uint16_t sclp_write_event(QTestState *s, uint8_t type,
                                        const void *data, uint16_t len)
{
    qtest_memset(s, SCCB, 0, SCCB_PAGE);
    sccb_header(s, SCCB, 8 + 6 + len, 0, 0);
    qtest_writew(s, SCCB + 8, 6 + len);
    qtest_writeb(s, SCCB + 10, type);
    qtest_memwrite(s, SCCB + 14, data, len);
    return sclp_run(s, WRITE_EVENT_DATA, SCCB, NULL);
}

/* Read Event Data, unconditional, 4 KiB with variable-length response */
static inline uint16_t sclp_read_events(QTestState *s, bool *pending)
{
    qtest_memset(s, SCCB, 0, SCCB_PAGE);
    sccb_header(s, SCCB, SCCB_PAGE, 0, 0x80);
    return sclp_run(s, READ_EVENT_DATA, SCCB, pending);
}

#endif
