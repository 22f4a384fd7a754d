/*
 * What the 3990/3390 says about itself: Sense ID, Read Device
 * Characteristics, Read Configuration Data.
 */
#include "qemu/osdep.h"
#include "hw/sim/dasd-3390.h"

#define DASD_CU_TYPE  0x3990
#define DASD_CU_MODEL 0xc2
#define DASD_DEV_TYPE 0x3390
#define DASD_CIW_RCD  0x40fa0100u /* Read Configuration Data */

void dasd3390_init(Dasd3390 *d, CkdImage *img, const CkdModel *model,
                   uint16_t devno)
{
    memset(d, 0, sizeof(*d));
    d->img = img;
    d->model = model;
    d->devno = devno;
    d->trk = g_malloc0(img->slot);
}

void dasd3390_cleanup(Dasd3390 *d)
{
    g_free(d->trk);
    d->trk = NULL;
}

void dasd3390_clear_sense(Dasd3390 *d)
{
    memset(d->sense, 0, sizeof(d->sense));
}

void dasd3390_reset(Dasd3390 *d)
{
    dasd3390_clear_sense(d);
    memset(d->path_state, DASD_PS_RESET, sizeof(d->path_state));
    memset(d->pgid, 0, sizeof(d->pgid));
    d->reserved = false;
}

void dasd3390_sense_id(const Dasd3390 *d, uint8_t out[DASD_SENSE_ID_SIZE])
{
    out[0] = 0xff;
    stw_be_p(out + 1, DASD_CU_TYPE);
    out[3] = DASD_CU_MODEL;
    stw_be_p(out + 4, DASD_DEV_TYPE);
    out[6] = d->model->model;
    out[7] = 0;
    stl_be_p(out + 8, DASD_CIW_RCD);
}

void dasd3390_rdc(const Dasd3390 *d, uint8_t out[DASD_RDC_SIZE])
{
    uint32_t cyls = d->img->cyls;

    memset(out, 0, DASD_RDC_SIZE);
    stw_be_p(out, DASD_CU_TYPE);
    out[2] = DASD_CU_MODEL;
    stw_be_p(out + 3, DASD_DEV_TYPE);
    out[5] = d->model->model;
    /*
     * facilities: multiple burst, read in Locate Record; not read track
     * in Locate Record (no raw-track access), not XRC
     */
    stl_be_p(out + 6, 0x90000000);
    out[10] = 0x20; /* device class: DASD */
    out[11] = d->model->unit_code;
    stw_be_p(out + 12, MIN(cyls, 0xfffe));
    stw_be_p(out + 14, CKD_3390_HEADS);
    out[16] = CKD_3390_SECTORS;
    stw_be_p(out + 18, CKD_3390_TRKLEN); /* bytes 17..19 */
    stw_be_p(out + 20, 1428);            /* HA + R0 overhead */
    out[22] = 2;                         /* track capacity formula 2 */
    out[23] = 34;                        /* factors f1..f5 */
    out[24] = 19;
    out[25] = 9;
    out[26] = 6;
    out[27] = 116;
    out[40] = d->model->unit_code; /* MDR and OBR record ids */
    out[41] = d->model->unit_code;
    out[42] = 0x10; /* control unit type code */
    out[43] = 0x02;
    stw_be_p(out + 44, 57326);  /* largest R0 */
    out[47] = 0x01;             /* track set */
    out[48] = 6;                /* f6 */
    stw_be_p(out + 49, 0x7708); /* RPS factor */
    stl_be_p(out + 60, cyls);
}

/* EBCDIC of the digits and capital letters used in NEDs */
static void dasd_ebcdic(uint8_t *dst, const char *s)
{
    for (; *s; s++, dst++) {
        char c = *s;

        if (c >= '0' && c <= '9') {
            *dst = 0xf0 + (c - '0');
        } else if (c >= 'A' && c <= 'I') {
            *dst = 0xc1 + (c - 'A');
        } else if (c >= 'J' && c <= 'R') {
            *dst = 0xd1 + (c - 'J');
        } else if (c >= 'S' && c <= 'Z') {
            *dst = 0xe2 + (c - 'S');
        } else {
            *dst = 0x40;
        }
    }
}

/* A 32-byte node-element descriptor */
static void dasd_ned(uint8_t *ned, uint32_t head, const char *type,
                     const char *model, const char *serial, uint16_t tag)
{
    stl_be_p(ned, head);
    dasd_ebcdic(ned + 4, type);     /* 6 characters */
    dasd_ebcdic(ned + 10, model);   /* 3 characters */
    dasd_ebcdic(ned + 13, "SIMZZ"); /* manufacturer, plant */
    dasd_ebcdic(ned + 18, serial);  /* 12 characters */
    stw_be_p(ned + 30, tag);
}

void dasd3390_rcd(const Dasd3390 *d, uint8_t out[DASD_RCD_SIZE])
{
    g_autofree char *model = g_strdup_printf("0%02X", d->model->model);
    g_autofree char *serial = g_strdup_printf("00000000%04X", d->devno);

    memset(out, 0, DASD_RCD_SIZE);
    dasd_ned(out, 0xc4010100, "003390", model, serial, d->devno);
    dasd_ned(out + 32, 0xc4020000, "003390", model, "000000000003", 0);
    dasd_ned(out + 64, 0xc0000000, "003990", "0C2", "000000000002",
             d->devno >> 8);
    dasd_ned(out + 96, 0xf0000001, "003990", "   ", "000000000001", 0);
    /* general node-element qualifier */
    out[224] = 0x80;
    out[230] = 0x1e; /* missing-interrupt interval */
    out[234] = 0x80;
    out[235] = d->devno & 0xff; /* unit address */
    out[236] = d->devno & 0xff;
    out[237] = d->devno & 0xff;
    out[241] = 0x80;
    out[242] = 0x80;
    out[243] = d->devno & 0xff;
}
