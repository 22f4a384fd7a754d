/*
 * Helpers shared by the channel-subsystem functional tests: guest
 * storage layout, starting the machine, running an s390x qtest command.
 */
#ifndef CSS_TEST_H
#define CSS_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "libqtest.h"

#define SCHIB_ADDR 0x1000
#define ORB_ADDR   0x2000
#define CCW_ADDR   0x3000
#define DATA_ADDR  0x4000
#define IRB_ADDR   0x5000
#define TPI_ADDR   0x6000
#define CRW_ADDR   0x6100
#define CHSC_ADDR  0x10000

#define SID(n)            (0x00010000u | (n))
#define PGM_ADDRESSING    0x0005
#define PGM_SPECIFICATION 0x0006
#define PGM_OPERAND       0x0015

static inline QTestState *start(const char *extra)
{
    g_autofree char *args =
        g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                        extra ? extra : "");

    return qtest_init(args);
}

static inline gchar *G_GNUC_PRINTF(2, 3)
    cmd(QTestState *s, const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_sendf(s, "%s\n", line);
    return qtest_recv_reply(s);
}

/* Run an instruction command: the cc, or -(program-interruption code). */
#define inst(s, ...) inst_result(cmd((s), __VA_ARGS__))

static inline int inst_result(gchar *reply)
{
    unsigned int v = 0xffff;

    if (sscanf(reply, "OK cc %u", &v) != 1 &&
        sscanf(reply, "OK pgm 0x%x", &v) == 1) {
        v = -v;
    }
    g_assert_true(g_str_has_prefix(reply, "OK "));
    g_free(reply);
    return (int)v;
}

static inline void chsc_request(QTestState *s, uint16_t len, uint16_t code)
{
    qtest_memset(s, CHSC_ADDR, 0, 4096);
    qtest_writel(s, CHSC_ADDR, (uint32_t)len << 16 | code);
}

/* CHSC set domain attributes: 0 enables MCSS-E, 2 MSS. */
static inline void sda(QTestState *s, uint16_t oc)
{
    chsc_request(s, 0x400, 0x0031);
    qtest_writew(s, CHSC_ADDR + 6, oc);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readl(s, CHSC_ADDR + 0x400), ==, 0x00080001);
}

#endif
