/*
 * Path verification on the 3390 as Linux's common I/O layer does it when
 * a device is set online: Sense Path Group ID on each path (ORB logical
 * path mask with one bit), Set Path Group ID establishing the group in
 * multipath mode (single path as the fallback), and disbanding it.
 */
#include "test-dasd-fixture.h"

/* The 11-byte id Linux builds: CPU address, CPU id, model, TOD high word */
static const uint8_t host_pgid[11] = {
    0x00, 0x01, 0x12, 0x34, 0x56, 0x38, 0x62, 0xd9, 0x8a, 0x11, 0x22,
};

/* Run a one-CCW program @cmd with 12 bytes at @buf on path @path (0..7) */
static void pg_run(Fixture *f, uint8_t cmd, uint8_t *buf, unsigned path)
{
    memset(f->prog, 0, sizeof(f->prog));
    ccw(f, 0, cmd, CCW_FLAG_SLI, 12, buf);
    f->orb[6] = 0x80 >> path;
    run(f);
}

static void snid(Fixture *f, unsigned path, uint8_t out[12])
{
    memset(out, 0xee, 12);
    pg_run(f, 0x34, out, path);
    assert_ok(f, 8, 0);
}

static void spid(Fixture *f, unsigned path, uint8_t fc, const uint8_t *id)
{
    uint8_t buf[12];

    buf[0] = fc;
    memcpy(buf + 1, id, 11);
    pg_run(f, 0xaf, buf, path);
}

static void test_fresh_reset(Fixture *f, gconstpointer data)
{
    static const uint8_t zero[12];
    uint8_t out[12];

    for (unsigned p = 0; p < 8; p++) {
        snid(f, p, out);
        g_assert_cmpmem(out, 12, zero, 12);
    }
}

static void test_establish_multipath(Fixture *f, gconstpointer data)
{
    uint8_t out[12];

    /* online: SNID on paths 0 and 1, then SPID establish multipath */
    snid(f, 0, out);
    snid(f, 1, out);
    spid(f, 0, 0x80, host_pgid);
    assert_ok(f, 8, 0);
    spid(f, 1, 0x80, host_pgid);
    assert_ok(f, 8, 0);

    /* both paths report grouped, multipath, and the id */
    for (unsigned p = 0; p < 2; p++) {
        snid(f, p, out);
        g_assert_cmphex(out[0], ==, DASD_PS_GROUPED | DASD_PS_MULTIPATH);
        g_assert_cmpmem(out + 1, 11, host_pgid, 11);
    }
    /* a path not in the group stays reset */
    snid(f, 2, out);
    g_assert_cmphex(out[0], ==, DASD_PS_RESET);

    /* re-establishing the same id (path verification again) is fine */
    spid(f, 0, 0x80, host_pgid);
    assert_ok(f, 8, 0);

    /* another system's id on a grouped device: command reject */
    {
        uint8_t other[11];

        memcpy(other, host_pgid, 11);
        other[10] ^= 0xff;
        spid(f, 2, 0x80, other);
        assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
        g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_PARAM);
    }
}

static void test_single_path(Fixture *f, gconstpointer data)
{
    uint8_t out[12];

    spid(f, 3, 0x00, host_pgid);
    assert_ok(f, 8, 0);
    snid(f, 3, out);
    g_assert_cmphex(out[0], ==, DASD_PS_GROUPED);
    g_assert_cmpmem(out + 1, 11, host_pgid, 11);
}

static void test_resign_disband(Fixture *f, gconstpointer data)
{
    static const uint8_t zero[11];
    uint8_t out[12];

    spid(f, 0, 0x80, host_pgid);
    spid(f, 1, 0x80, host_pgid);

    /* resign path 1: ungrouped; path 0 still grouped */
    spid(f, 1, 0x40, host_pgid);
    assert_ok(f, 8, 0);
    snid(f, 1, out);
    g_assert_cmphex(out[0], ==, DASD_PS_UNGROUPED);
    snid(f, 0, out);
    g_assert_cmphex(out[0], ==, DASD_PS_GROUPED | DASD_PS_MULTIPATH);

    /* offline: disband (Linux sends it multipath) ungroups every path */
    spid(f, 0, 0x80 | 0x20, host_pgid);
    assert_ok(f, 8, 0);
    for (unsigned p = 0; p < 2; p++) {
        snid(f, p, out);
        g_assert_cmphex(out[0], ==, DASD_PS_UNGROUPED);
        g_assert_cmpmem(out + 1, 11, zero, 11);
    }

    /* after disbanding, another id may form a new group */
    {
        uint8_t other[11] = { 0x00, 0x02 };

        spid(f, 0, 0x80, other);
        assert_ok(f, 8, 0);
    }

    /* a device reset drops the group */
    dasd3390_reset(&f->dev);
    snid(f, 0, out);
    g_assert_cmphex(out[0], ==, DASD_PS_RESET);
}

static void test_bad_spid(Fixture *f, gconstpointer data)
{
    uint8_t buf[12] = { 0x60 };

    /* resign and disband together: invalid parameter */
    pg_run(f, 0xaf, buf, 0);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_PARAM);

    /* fewer than 12 bytes: count too small */
    memset(f->prog, 0, sizeof(f->prog));
    buf[0] = 0x80;
    ccw(f, 0, 0xaf, CCW_FLAG_SLI, 8, buf);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_COUNT_SHORT);
}

/* Reserve, Release, Unconditional Reserve: 32 sense bytes, SNID state 2 */
static void test_reserve_release(Fixture *f, gconstpointer data)
{
    uint8_t sense[32], out[12];

    spid(f, 0, 0x80, host_pgid);
    for (int i = 0; i < 2; i++) {
        static const uint8_t codes[2] = { 0xb4, 0x14 };

        memset(f->prog, 0, sizeof(f->prog));
        memset(sense, 0xee, sizeof(sense));
        ccw(f, 0, codes[i], CCW_FLAG_SLI, 32, sense);
        run(f);
        assert_ok(f, 8, 0);
        g_assert_cmphex(sense[0], ==, 0);
        snid(f, 0, out);
        g_assert_cmphex(out[0], ==,
                        DASD_PS_GROUPED | DASD_PS_MULTIPATH |
                            DASD_PS_RESV_SELF);

        memset(f->prog, 0, sizeof(f->prog));
        ccw(f, 0, 0x94, CCW_FLAG_SLI, 32, sense);
        run(f);
        assert_ok(f, 8, 0);
        snid(f, 0, out);
        g_assert_cmphex(out[0], ==, DASD_PS_GROUPED | DASD_PS_MULTIPATH);
    }

    /* a system reset ends a reservation */
    memset(f->prog, 0, sizeof(f->prog));
    ccw(f, 0, 0xb4, CCW_FLAG_SLI, 32, sense);
    run(f);
    dasd3390_reset(&f->dev);
    snid(f, 0, out);
    g_assert_cmphex(out[0], ==, DASD_PS_RESET);
}

#define ADD(name, fn)                                                          \
    g_test_add("/dasd-path/" name, Fixture, NULL, fx_setup, fn, fx_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("fresh-reset", test_fresh_reset);
    ADD("establish-multipath", test_establish_multipath);
    ADD("single-path", test_single_path);
    ADD("resign-disband", test_resign_disband);
    ADD("bad-spid", test_bad_spid);
    ADD("reserve-release", test_reserve_release);
    return g_test_run();
}
