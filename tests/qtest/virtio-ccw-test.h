/*
 * A virtio-ccw guest driver for the functional tests, doing what Linux's
 * virtio_ccw does: SENSE ID, SET_VIRTIO_REV, feature negotiation, queues
 * in guest memory, indicators, DIAGNOSE 0x500 kicks, TSCH. The device is
 * at subchannel 0 (devno fe.0.0000), enabled at ISC 3.
 */
#ifndef VIRTIO_CCW_TEST_H
#define VIRTIO_CCW_TEST_H

#include <inttypes.h>

#include "css-test.h"

#define CMD_SET_VQ       0x13
#define CMD_VDEV_RESET   0x33
#define CMD_READ_FEAT    0x12
#define CMD_WRITE_FEAT   0x11
#define CMD_READ_CONF    0x22
#define CMD_WRITE_CONF   0x21
#define CMD_WRITE_STATUS 0x31
#define CMD_READ_VQ_CONF 0x32
#define CMD_READ_STATUS  0x72
#define CMD_SET_IND      0x43
#define CMD_SET_CONF_IND 0x53
#define CMD_SET_IND_AD   0x73
#define CMD_SET_REV      0x83
#define CMD_SENSE        0x04
#define CMD_SENSE_ID     0xe4

#define F_SLI 0x20
#define F_CC  0x40

#define ST_ACK         0x01
#define ST_DRIVER      0x02
#define ST_DRIVER_OK   0x04
#define ST_FEATURES_OK 0x08
#define ST_NEEDS_RESET 0x40

/* guest storage of the ring tests */
#define IND_ADDR  0x7000 /* classic queue indicators */
#define CIND_ADDR 0x7008 /* config-change indicator */
#define SUM_ADDR  0x7010 /* adapter summary byte */
#define AIND_ADDR 0x7020 /* adapter indicator bits */
#define DESC_ADDR 0x20000
#define AVAIL_ADR 0x21000
#define USED_ADDR 0x22000
#define IDESC_ADR 0x23000 /* an indirect table */
#define BUF_ADDR  0x30000

#define VSID SID(0)

/* Ending status of one CCW. */
typedef struct CcwResult {
    uint16_t ctrl;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count; /* residual */
} CcwResult;

static inline void vccw_enable(QTestState *s)
{
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", VSID, SCHIB_ADDR), ==, 0);
    qtest_writew(s, SCHIB_ADDR + 4, (3 << 11) | 0x0080 | 0x0001);
    g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", VSID, SCHIB_ADDR), ==, 0);
}

static inline QTestState *vccw_start(const char *dev)
{
    g_autofree char *args = g_strdup_printf("-device %s,devno=fe.0.0000", dev);
    QTestState *s = start(args);

    vccw_enable(s);
    return s;
}

/* Run a program of one CCW (format 1) and take its status with TSCH. */
static inline CcwResult ccw_run(QTestState *s, uint8_t code, uint8_t flags,
                                uint16_t count, uint32_t cda)
{
    CcwResult r;

    qtest_writeq(s, CCW_ADDR,
                 (uint64_t)code << 56 | (uint64_t)flags << 48 |
                     (uint64_t)count << 32 | cda);
    qtest_writel(s, ORB_ADDR, 0x1234);
    qtest_writel(s, ORB_ADDR + 4, 0x0080ff00);
    qtest_writel(s, ORB_ADDR + 8, CCW_ADDR);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", VSID, ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    r.ctrl = qtest_readw(s, IRB_ADDR + 2);
    r.dstat = qtest_readb(s, IRB_ADDR + 8);
    r.cstat = qtest_readb(s, IRB_ADDR + 9);
    r.count = qtest_readw(s, IRB_ADDR + 10);
    return r;
}

static inline bool ccw_ok(CcwResult r)
{
    return r.dstat == 0x0c && r.cstat == 0;
}

/* Unit check with command reject sense (SENSE afterwards). */
static inline bool ccw_rejected(QTestState *s, CcwResult r)
{
    CcwResult sr;

    if (r.dstat != 0x0e || r.cstat) {
        return false;
    }
    qtest_memset(s, DATA_ADDR + 0x100, 0xaa, 32);
    sr = ccw_run(s, CMD_SENSE, F_SLI, 32, DATA_ADDR + 0x100);
    return ccw_ok(sr) && qtest_readb(s, DATA_ADDR + 0x100) == 0x80;
}

/* Write @len bytes at DATA_ADDR and run the write command @cmd on them. */
static inline CcwResult ccw_write(QTestState *s, uint8_t code, const void *data,
                                  uint16_t len)
{
    qtest_memwrite(s, DATA_ADDR, data, len);
    return ccw_run(s, code, 0, len, DATA_ADDR);
}

static inline CcwResult vccw_set_rev(QTestState *s, uint16_t rev)
{
    uint8_t b[4] = { rev >> 8, rev, 0, 0 };

    return ccw_write(s, CMD_SET_REV, b, 4);
}

/* READ_FEAT of word @index (little-endian on the wire). */
static inline uint32_t vccw_read_feat(QTestState *s, uint8_t index)
{
    uint8_t b[5] = { 0, 0, 0, 0, index };
    CcwResult r;

    qtest_memwrite(s, DATA_ADDR, b, 5);
    r = ccw_run(s, CMD_READ_FEAT, 0, 5, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    qtest_memread(s, DATA_ADDR, b, 5);
    g_assert_cmpint(b[4], ==, index);
    return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline void vccw_write_feat(QTestState *s, uint8_t index, uint32_t f)
{
    uint8_t b[5] = { f, f >> 8, f >> 16, f >> 24, index };

    g_assert_true(ccw_ok(ccw_write(s, CMD_WRITE_FEAT, b, 5)));
}

static inline CcwResult vccw_write_status(QTestState *s, uint8_t st)
{
    return ccw_write(s, CMD_WRITE_STATUS, &st, 1);
}

static inline uint8_t vccw_read_status(QTestState *s)
{
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_STATUS, 0, 1, DATA_ADDR)));
    return qtest_readb(s, DATA_ADDR);
}

/* READ_VQ_CONF: the queue's maximum size, or -1 for a program check. */
static inline int vccw_vq_max(QTestState *s, uint16_t index)
{
    uint8_t b[4] = { index >> 8, index, 0xff, 0xff };
    CcwResult r;

    qtest_memwrite(s, DATA_ADDR, b, 4);
    r = ccw_run(s, CMD_READ_VQ_CONF, 0, 4, DATA_ADDR);
    if (r.cstat == 0x20) {
        return -1;
    }
    g_assert_true(ccw_ok(r));
    return qtest_readw(s, DATA_ADDR + 2);
}

/* SET_VQ, revision 1 layout. */
static inline CcwResult vccw_set_vq(QTestState *s, uint16_t index, uint16_t num,
                                    uint64_t desc, uint64_t avail,
                                    uint64_t used)
{
    qtest_memset(s, DATA_ADDR, 0, 32);
    qtest_writeq(s, DATA_ADDR, desc);
    qtest_writew(s, DATA_ADDR + 12, index);
    qtest_writew(s, DATA_ADDR + 14, num);
    qtest_writeq(s, DATA_ADDR + 16, avail);
    qtest_writeq(s, DATA_ADDR + 24, used);
    return ccw_run(s, CMD_SET_VQ, 0, 32, DATA_ADDR);
}

static inline CcwResult vccw_set_ind(QTestState *s, uint8_t code, uint64_t addr)
{
    qtest_writeq(s, DATA_ADDR, addr);
    return ccw_run(s, code, 0, 8, DATA_ADDR);
}

/*
 * Revision 2, VERSION_1 plus what the device offers of @feat0 (word 0),
 * FEATURES_OK, classic queue and configuration indicators: the
 * negotiated word 0 is returned.
 */
static inline uint32_t vccw_negotiate(QTestState *s, uint32_t feat0)
{
    uint32_t f;

    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_true(ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER)));
    f = feat0 & vccw_read_feat(s, 0);
    vccw_write_feat(s, 0, f);
    vccw_write_feat(s, 1, 1); /* VERSION_1 */
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK)));
    qtest_writeq(s, IND_ADDR, 0);
    qtest_writeq(s, CIND_ADDR, 0);
    g_assert_true(ccw_ok(vccw_set_ind(s, CMD_SET_IND, IND_ADDR)));
    g_assert_true(ccw_ok(vccw_set_ind(s, CMD_SET_CONF_IND, CIND_ADDR)));
    return f;
}

/*
 * The whole modern bring-up: vccw_negotiate(), queue @index of @num
 * entries at the ring areas, DRIVER_OK.
 */
static inline void vccw_bringup(QTestState *s, uint32_t feat0, uint16_t index,
                                uint16_t num)
{
    vccw_negotiate(s, feat0);
    qtest_memset(s, DESC_ADDR, 0, 0x3000);
    g_assert_true(
        ccw_ok(vccw_set_vq(s, index, num, DESC_ADDR, AVAIL_ADR, USED_ADDR)));
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK |
                                        ST_DRIVER_OK)));
}

/* ---- little-endian ring fields (virtio 1.x) ---- */

static inline void wle16(QTestState *s, uint64_t a, uint16_t v)
{
    uint8_t b[2] = { v, v >> 8 };

    qtest_memwrite(s, a, b, 2);
}

static inline void wle32(QTestState *s, uint64_t a, uint32_t v)
{
    uint8_t b[4] = { v, v >> 8, v >> 16, v >> 24 };

    qtest_memwrite(s, a, b, 4);
}

static inline void wle64(QTestState *s, uint64_t a, uint64_t v)
{
    wle32(s, a, v);
    wle32(s, a + 4, v >> 32);
}

static inline uint16_t rle16(QTestState *s, uint64_t a)
{
    uint8_t b[2];

    qtest_memread(s, a, b, 2);
    return b[0] | b[1] << 8;
}

static inline uint32_t rle32(QTestState *s, uint64_t a)
{
    uint8_t b[4];

    qtest_memread(s, a, b, 4);
    return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

/* Descriptor @i of the table at @table. */
static inline void vring_desc(QTestState *s, uint64_t table, unsigned i,
                              uint64_t addr, uint32_t len, uint16_t flags,
                              uint16_t next)
{
    uint64_t d = table + 16 * i;

    wle64(s, d, addr);
    wle32(s, d + 8, len);
    wle16(s, d + 12, flags);
    wle16(s, d + 14, next);
}

/* Make head @head available as entry @slot; avail idx becomes @idx. */
static inline void vring_avail(QTestState *s, uint16_t num, uint16_t slot,
                               uint16_t head, uint16_t idx)
{
    wle16(s, AVAIL_ADR + 4 + 2 * (slot % num), head);
    wle16(s, AVAIL_ADR + 2, idx);
}

/* DIAGNOSE 0x500 kick of queue @q: general register 2 afterwards. */
static inline uint64_t vccw_kick(QTestState *s, uint32_t sid, uint64_t q)
{
    g_autofree gchar *r = cmd(s, "s390_diag500 3 0x%x %" PRIu64 " 0", sid, q);
    uint64_t v = 0;

    g_assert_cmpint(sscanf(r, "OK 0x%" SCNx64, &v), ==, 1);
    return v;
}

#endif
