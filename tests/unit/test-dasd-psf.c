/*
 * Perform Subsystem Function + Read Subsystem Data as Linux's dasd_eckd
 * driver builds them: Set Subsystem Characteristics (one PSF CCW of 66
 * bytes), and PSF Prepare for Read Subsystem Data (12 bytes, command
 * chained) + RSSD (SLI) for the feature codes, the unit address
 * configuration and the performance statistics.  What the control unit
 * does not offer is rejected as "invalid parameter" (format 0, message
 * 4), the answer the driver reads as "not supported".
 */
#include "test-dasd-fixture.h"

/* PSF PRSSD with @suborder, then RSSD into @out (@len bytes, SLI) */
static void prssd_rssd(Fixture *f, uint8_t suborder, uint8_t *out, uint16_t len)
{
    static uint8_t psf[12];

    memset(psf, 0, sizeof(psf));
    psf[0] = 0x18;
    psf[6] = suborder;
    if (suborder == 0x01) {
        psf[8] = 0x01; /* varies[1]: statistics of this device */
    }
    memset(f->prog, 0, sizeof(f->prog));
    memset(out, 0xee, len);
    ccw(f, 0, 0x27, CCW_FLAG_CC, sizeof(psf), psf);
    ccw(f, 1, 0x3e, CCW_FLAG_SLI, len, out);
    run(f);
}

static void test_ssc(Fixture *f, gconstpointer data)
{
    uint8_t ssc[66] = { 0x1d, 0x80, 0xf3, 0xf9, 0xf9, 0xf0, 0xc0 | 0x08 };

    ssc[7] = 0x88;
    ccw(f, 0, 0x27, 0, sizeof(ssc), ssc);
    run(f);
    assert_ok(f, 8, 0);

    /* a short SSC: count too small */
    ccw(f, 0, 0x27, 0, 12, ssc);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_COUNT_SHORT);
}

static void test_features(Fixture *f, gconstpointer data)
{
    static const uint8_t zero[256];
    uint8_t feat[256];

    prssd_rssd(f, 0x41, feat, sizeof(feat));
    assert_ok(f, 16, 0);
    /* no Prefix (8 bit 0), no zHPF (40), no ESE (56), no QHA (14) */
    g_assert_cmpmem(feat, sizeof(feat), zero, sizeof(zero));
}

static void test_unit_address_config(Fixture *f, gconstpointer data)
{
    uint8_t uac[512];

    prssd_rssd(f, 0x0e, uac, sizeof(uac));
    assert_ok(f, 16, 0);
    /* devno 0x1234: unit address 0x34, a base device, no aliases */
    for (int ua = 0; ua < 256; ua++) {
        if (ua == 0x34) {
            g_assert_cmphex(uac[ua * 2], ==, 0x01);
            g_assert_cmphex(uac[ua * 2 + 1], ==, 0x34);
        } else {
            g_assert_cmphex(uac[ua * 2], ==, 0x00);
        }
    }
}

static void test_perf_stats(Fixture *f, gconstpointer data)
{
    uint8_t st[256];

    prssd_rssd(f, 0x01, st, sizeof(st));
    /* 192 bytes of statistics; SLI hides the longer count */
    assert_ok(f, 16, 256 - 192);
    g_assert_cmphex(st[0] & 0x80, ==, 0); /* valid */
    g_assert_cmphex(st[1], ==, 0x34);     /* unit address */
    g_assert_cmphex(st[192], ==, 0xee);   /* nothing beyond */
}

static void test_not_supported(Fixture *f, gconstpointer data)
{
    uint8_t buf[256];

    /* query host access (0x40), volume storage query (0x42) */
    prssd_rssd(f, 0x40, buf, sizeof(buf));
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_PARAM);
    prssd_rssd(f, 0x42, buf, sizeof(buf));
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, 0x04);

    /* an unknown PSF order, e.g. a CUIR response (0x1a) */
    memset(f->prog, 0, sizeof(f->prog));
    buf[0] = 0x1a;
    ccw(f, 0, 0x27, 0, 16, buf);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_PARAM);
}

/* Not advertised by RDC or the feature codes: Prefix, LR Extended, tracks */
static void test_not_offered(Fixture *f, gconstpointer data)
{
    static const uint8_t codes[] = { 0xe7, 0x4b, 0xde, 0x95 };
    uint8_t buf[64] = { 0 };

    for (size_t i = 0; i < sizeof(codes); i++) {
        memset(f->prog, 0, sizeof(f->prog));
        ccw(f, 0, codes[i], CCW_FLAG_SLI, sizeof(buf), buf);
        run(f);
        assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
        g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_CMD);
    }
}

static void test_rssd_sequence(Fixture *f, gconstpointer data)
{
    uint8_t buf[256];

    /* RSSD without a PRSSD before it: invalid sequence */
    ccw(f, 0, 0x3e, CCW_FLAG_SLI, sizeof(buf), buf);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);

    /* one PRSSD serves one RSSD; a second one is out of sequence */
    prssd_rssd(f, 0x41, buf, sizeof(buf));
    f->prog[1 * 8 + 1] |= CCW_FLAG_CC;
    ccw(f, 2, 0x3e, CCW_FLAG_SLI, sizeof(buf), buf);
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 24);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);

    /* the RSSD must come right after its PRSSD: another command between */
    static const uint8_t between[] = { 0x03, 0x64, 0x04 };
    for (size_t i = 0; i < G_N_ELEMENTS(between); i++) {
        uint8_t other[64];

        prssd_rssd(f, 0x41, buf, sizeof(buf));
        ccw(f, 1, between[i], CCW_FLAG_CC | CCW_FLAG_SLI, sizeof(other),
            between[i] == 0x03 ? NULL : other);
        ccw(f, 2, 0x3e, CCW_FLAG_SLI, sizeof(buf), buf);
        run(f);
        assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 24);
        g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);
    }
}

#define ADD(name, fn)                                                          \
    g_test_add("/dasd-psf/" name, Fixture, NULL, fx_setup, fn, fx_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("ssc", test_ssc);
    ADD("features", test_features);
    ADD("unit-address-config", test_unit_address_config);
    ADD("perf-stats", test_perf_stats);
    ADD("not-supported", test_not_supported);
    ADD("rssd-sequence", test_rssd_sequence);
    ADD("not-offered", test_not_offered);
    return g_test_run();
}
