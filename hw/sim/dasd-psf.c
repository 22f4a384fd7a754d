/*
 * Perform Subsystem Function (0x27) and Read Subsystem Data (0x3E) of the
 * 3990 as Linux's dasd_eckd driver issues them when it sets a device
 * online: Set Subsystem Characteristics, and Prepare for Read Subsystem
 * Data for the feature codes, the unit address configuration and the
 * performance statistics, each followed in the same chain by the Read
 * Subsystem Data that returns them.
 *
 * A function or suborder this control unit does not offer is a command
 * reject with format 0 message 4 (invalid parameter), which the driver
 * takes as "not supported" and does not retry.  The feature codes are
 * all zero: no Prefix, no zHPF, no extent space efficiency, no query
 * host access; RDC's facility bits agree.
 */
#include "qemu/osdep.h"
#include "dasd-internal.h"

/* PSF orders */
#define PSF_ORDER_PRSSD 0x18
#define PSF_ORDER_SSC   0x1d
#define PSF_PRSSD_LEN   12
#define PSF_SSC_LEN     66

/* PRSSD suborders (byte 6) */
#define PRSSD_PERF_STATS     0x01
#define PRSSD_UNIT_ADDR_CONF 0x0e
#define PRSSD_FEATURES       0x41

#define RSSD_PERF_STATS_LEN 192
#define RSSD_UAC_LEN        512
#define RSSD_FEATURES_LEN   256
#define RSSD_MAX_LEN        RSSD_UAC_LEN

/* Unit address configuration: the type of a configured base device */
#define UAC_BASE_DEVICE 0x01

static uint8_t dasd_unit_address(const Dasd3390 *d)
{
    return d->devno & 0xff;
}

static DasdStatus dasd_psf_prssd(DasdRun *run, DasdXfer *x)
{
    uint8_t p[PSF_PRSSD_LEN];
    DasdStatus st;

    st = dasd_params(run, x, p, sizeof(p));
    if (st != DASD_OK) {
        return st;
    }
    switch (p[6]) {
    case PRSSD_PERF_STATS:
    case PRSSD_UNIT_ADDR_CONF:
    case PRSSD_FEATURES:
        run->rssd_ready = true;
        run->rssd_sub = p[6];
        return DASD_OK;
    default:
        return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
    }
}

DasdStatus dasd_cmd_psf(DasdRun *run, DasdXfer *x)
{
    uint8_t order;

    if (!x->total) {
        return dasd_reject(run, DASD_SENSE7_COUNT_SHORT);
    }
    dasd_xfer_out(run, x, &order, 1);
    run->rssd_ready = false;
    if (order == PSF_ORDER_PRSSD) {
        return dasd_psf_prssd(run, x);
    }
    if (order == PSF_ORDER_SSC) {
        uint8_t p[PSF_SSC_LEN];

        /* the characteristics (PAV modes) change nothing here */
        return dasd_params(run, x, p, sizeof(p));
    }
    return dasd_reject(run, DASD_SENSE7_INVALID_PARAM);
}

/* The data of suborder @sub into @out; its length */
static uint32_t dasd_rssd_data(const Dasd3390 *d, uint8_t sub, uint8_t *out)
{
    uint8_t ua = dasd_unit_address(d);

    switch (sub) {
    case PRSSD_PERF_STATS:
        /* format 0, the unit address, counters zero, subsystem id 0 */
        memset(out, 0, RSSD_PERF_STATS_LEN);
        out[1] = ua;
        return RSSD_PERF_STATS_LEN;
    case PRSSD_UNIT_ADDR_CONF:
        /* one base device, no aliases: two bytes per unit address */
        memset(out, 0, RSSD_UAC_LEN);
        out[ua * 2] = UAC_BASE_DEVICE;
        out[ua * 2 + 1] = ua;
        return RSSD_UAC_LEN;
    default:
        memset(out, 0, RSSD_FEATURES_LEN);
        return RSSD_FEATURES_LEN;
    }
}

DasdStatus dasd_cmd_rssd(DasdRun *run, DasdXfer *x)
{
    uint8_t buf[RSSD_MAX_LEN];
    uint32_t len;

    if (!run->rssd_ready) {
        return dasd_reject(run, DASD_SENSE7_INVALID_SEQ);
    }
    run->rssd_ready = false;
    len = dasd_rssd_data(run->d, run->rssd_sub, buf);
    dasd_xfer_in(run, x, buf, len);
    return DASD_OK;
}
