/*
 * CKD track contents and 3390 models: walking records, building the
 * tracks of a newly initialised volume.
 */
#include "qemu/osdep.h"
#include "hw/sim/ckd-image.h"

static const CkdModel ckd_models[] = {
    { "3390-1", 0x02, 0x26, 1113 },
    { "3390-3", 0x0a, 0x24, 3339 },
    { "3390-9", 0x0c, 0x32, 10017 },
};

const CkdModel *ckd_model_find(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(ckd_models); i++) {
        if (!g_strcmp0(name, ckd_models[i].name)) {
            return &ckd_models[i];
        }
    }
    return NULL;
}

const CkdModel *ckd_model_for_cyls(uint32_t cyls)
{
    for (size_t i = 0; i < ARRAY_SIZE(ckd_models); i++) {
        if (cyls <= ckd_models[i].cyls) {
            return &ckd_models[i];
        }
    }
    return &ckd_models[ARRAY_SIZE(ckd_models) - 1];
}

/* Cells of one field (key or data) of @len bytes: 6 bytes per 232 more */
static uint32_t ckd_field_cells(uint32_t len)
{
    uint32_t pieces = (len + 6 + 231) / 232 + 1;

    return 9 + (len + 6 * pieces + 33) / 34;
}

uint32_t ckd_3390_cells(uint8_t kl, uint16_t dl)
{
    /* 10 cells of count area and gaps, then data, then key if any */
    return 10 + ckd_field_cells(dl) + (kl ? ckd_field_cells(kl) : 0);
}

uint32_t ckd_3390_records_per_track(uint8_t kl, uint16_t dl)
{
    return CKD_3390_CELLS / ckd_3390_cells(kl, dl);
}

static const uint8_t ckd_eot[CKD_EOT_SIZE] = { 0xff, 0xff, 0xff, 0xff,
                                               0xff, 0xff, 0xff, 0xff };

bool ckd_track_record_at(const uint8_t *trk, uint32_t size, uint32_t off,
                         CkdRecord *rec)
{
    const uint8_t *c;

    if (off + CKD_COUNT_SIZE > size) {
        return false;
    }
    c = trk + off;
    if (!memcmp(c, ckd_eot, CKD_EOT_SIZE)) {
        return false;
    }
    rec->off = off;
    rec->cc = lduw_be_p(c);
    rec->hh = lduw_be_p(c + 2);
    rec->r = c[4];
    rec->kl = c[5];
    rec->dl = lduw_be_p(c + 6);
    /*
     * A count of eight zero bytes is erased space, not a record: a track
     * never formatted (zeros in the image) holds none, as an unformatted
     * 3390 track, where a search ends in no record found.
     */
    if (!rec->cc && !rec->hh && !rec->r && !rec->kl && !rec->dl) {
        return false;
    }
    /* the record and an end marker after it must fit in the slot */
    return ckd_record_end(rec) + CKD_EOT_SIZE <= size;
}

uint32_t ckd_track_used(const uint8_t *trk, uint32_t size)
{
    uint32_t off = CKD_HA_SIZE;
    CkdRecord rec;

    while (ckd_track_record_at(trk, size, off, &rec)) {
        off = ckd_record_end(&rec);
    }
    if (off + CKD_EOT_SIZE > size || memcmp(trk + off, ckd_eot, 8)) {
        return 0;
    }
    return off + CKD_EOT_SIZE;
}

/* Append a record at *off; the caller guarantees it fits. */
static void ckd_track_put(uint8_t *trk, uint32_t *off, uint16_t cc, uint16_t hh,
                          uint8_t r, const uint8_t *key, uint8_t kl,
                          const uint8_t *data, uint16_t dl)
{
    uint8_t *p = trk + *off;

    stw_be_p(p, cc);
    stw_be_p(p + 2, hh);
    p[4] = r;
    p[5] = kl;
    stw_be_p(p + 6, dl);
    if (kl) {
        memcpy(p + 8, key, kl);
    }
    if (data) {
        memcpy(p + 8 + kl, data, dl);
    } else {
        memset(p + 8 + kl, 0, dl);
    }
    *off += CKD_COUNT_SIZE + kl + dl;
}

static uint32_t ckd_track_start(uint8_t *trk, uint32_t size, uint16_t cc,
                                uint16_t hh)
{
    uint32_t off = CKD_HA_SIZE;

    memset(trk, 0, CKD_HA_SIZE);
    stw_be_p(trk + 1, cc);
    stw_be_p(trk + 3, hh);
    ckd_track_put(trk, &off, cc, hh, 0, NULL, 0, NULL, 8);
    return off;
}

void ckd_track_format_empty(uint8_t *trk, uint32_t size, uint16_t cc,
                            uint16_t hh)
{
    uint32_t off = ckd_track_start(trk, size, cc, hh);

    memcpy(trk + off, ckd_eot, CKD_EOT_SIZE);
}

/* EBCDIC for the characters a volser and the labels use */
static uint8_t ckd_ebcdic(char c)
{
    if (c >= '0' && c <= '9') {
        return 0xf0 + (c - '0');
    }
    c = g_ascii_toupper(c);
    if (c >= 'A' && c <= 'I') {
        return 0xc1 + (c - 'A');
    }
    if (c >= 'J' && c <= 'R') {
        return 0xd1 + (c - 'J');
    }
    if (c >= 'S' && c <= 'Z') {
        return 0xe2 + (c - 'S');
    }
    switch (c) {
    case '@':
        return 0x7c;
    case '#':
        return 0x7b;
    case '$':
        return 0x5b;
    default:
        return 0x40;
    }
}

static void ckd_ebcdic_copy(uint8_t *dst, const char *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        dst[i] = ckd_ebcdic(src[i]);
    }
}

/* The 80-byte VOL1 label: volser, VTOC at CCHHR 0/1/1, owner HERCULES */
static void ckd_vol1_label(uint8_t *lab, const char *volser)
{
    static const uint8_t vtoc[5] = { 0, 0, 0, 1, 1 };
    size_t n = MIN(strlen(volser), 6);

    memset(lab, 0x40, 80);
    ckd_ebcdic_copy(lab, "VOL1", 4);
    ckd_ebcdic_copy(lab + 4, volser, n);
    memcpy(lab + 11, vtoc, sizeof(vtoc));
    ckd_ebcdic_copy(lab + 41, "HERCULES", 8);
}

void ckd_track_format_volume(uint8_t *trk, uint32_t size, const char *volser)
{
    /* IPL1: a PSW and a CCW that read IPL2, as dasdinit writes them */
    static const uint8_t ipl1[24] = {
        0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f,
        0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    };
    uint8_t key[4];
    uint8_t lab[80];
    uint32_t off = ckd_track_start(trk, size, 0, 0);

    ckd_ebcdic_copy(key, "IPL1", 4);
    ckd_track_put(trk, &off, 0, 0, 1, key, 4, ipl1, sizeof(ipl1));
    ckd_ebcdic_copy(key, "IPL2", 4);
    ckd_track_put(trk, &off, 0, 0, 2, key, 4, NULL, 144);
    ckd_ebcdic_copy(key, "VOL1", 4);
    ckd_vol1_label(lab, volser);
    ckd_track_put(trk, &off, 0, 0, 3, key, 4, lab, sizeof(lab));
    memcpy(trk + off, ckd_eot, CKD_EOT_SIZE);
}
