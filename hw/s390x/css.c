/*
 * Channel subsystem: the images (real 0-3, virtual 0xfe), their
 * subchannel sets, placing devices at a device number and subchannel,
 * and the guest's view of the images (MCSS-E, MSS, s390-map-css).
 * The placement rules are in docs/system/s390x/css.rst.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/s390x/css.h"

#define CSS_NUM_IDS     256
#define CSS_SCH_PER_SET 0x10000

typedef struct CssImage {
    /* (ssid << 16 | schid) and (ssid << 16 | devno) -> SubchDev */
    GHashTable *by_schid;
    GHashTable *by_devno;
} CssImage;

static struct {
    CssImage *image[CSS_NUM_IDS];
    bool map_css;
    bool mcsse;   /* guest enabled multiple css images */
    bool mss;     /* guest enabled multiple subchannel sets */
    bool mbu;     /* SCHM: measurement-block update */
    bool dct;     /* SCHM: device-connect-time measurement */
    uint64_t mbo; /* SCHM: measurement-block origin */
} css;

static guint css_key(uint8_t ssid, uint16_t num)
{
    return (guint)ssid << 16 | num;
}

static CssImage *css_image_new(void)
{
    CssImage *img = g_new0(CssImage, 1);

    img->by_schid = g_hash_table_new(g_direct_hash, g_direct_equal);
    img->by_devno = g_hash_table_new(g_direct_hash, g_direct_equal);
    return img;
}

void css_init(void)
{
    if (css.image[CSS_VIRTUAL_CSSID]) {
        return;
    }
    for (int i = 0; i <= CSS_MAX_REAL_CSSID; i++) {
        css.image[i] = css_image_new();
    }
    css.image[CSS_VIRTUAL_CSSID] = css_image_new();
}

void css_set_map_css(bool on)
{
    css.map_css = on;
}

bool css_get_map_css(void)
{
    return css.map_css;
}

bool css_mcsse_enabled(void)
{
    return css.mcsse;
}

bool css_mss_enabled(void)
{
    return css.mss;
}

void css_enable_mcsse(void)
{
    css.mcsse = true;
}

void css_enable_mss(void)
{
    css.mss = true;
}

void css_set_monitor(bool mbu, bool dct, uint64_t mbo)
{
    css.mbu = mbu;
    css.dct = dct;
    css.mbo = mbo;
}

static CssImage *css_image(uint8_t cssid)
{
    css_init();
    return css.image[cssid];
}

/* ---- the guest's view ---- */

int css_guest_to_real(bool m, uint8_t guest_cssid)
{
    if (!m) {
        /* the default image: the virtual one, shown as css 0 */
        return guest_cssid == 0 ? CSS_VIRTUAL_CSSID : -1;
    }
    if (!css.mcsse || !css_image(guest_cssid)) {
        return -1;
    }
    return guest_cssid;
}

uint8_t css_real_to_guest(uint8_t cssid)
{
    if (!css.mcsse && cssid == CSS_VIRTUAL_CSSID) {
        return 0;
    }
    return cssid;
}

bool css_sch_visible(const SubchDev *sch)
{
    if (!sch->placed) {
        return false;
    }
    if (sch->ssid && !css.mss) {
        return false;
    }
    return sch->cssid == CSS_VIRTUAL_CSSID || css.mcsse;
}

uint32_t css_sch_sid(const SubchDev *sch)
{
    uint32_t sid = 0x00010000u | (uint32_t)sch->ssid << 17 | sch->schid;

    if (css.mcsse) {
        sid |= (uint32_t)sch->cssid << 24 | 0x00080000u;
    }
    return sid;
}

SubchDev *css_find_sch(uint8_t cssid, uint8_t ssid, uint16_t schid)
{
    CssImage *img = css_image(cssid);

    if (!img || ssid > CSS_MAX_SSID) {
        return NULL;
    }
    return g_hash_table_lookup(img->by_schid,
                               GUINT_TO_POINTER(css_key(ssid, schid)));
}

SubchDev *css_find_sch_guest(bool m, uint8_t cssid, uint8_t ssid,
                             uint16_t schid)
{
    int real = css_guest_to_real(m, cssid);
    SubchDev *sch;

    if (real < 0 || (ssid && !css.mss)) {
        return NULL;
    }
    sch = css_find_sch(real, ssid, schid);
    return sch && css_sch_visible(sch) ? sch : NULL;
}

/* ---- subchannels ---- */

SubchDev *css_sch_new(const SubchOps *ops, void *opaque)
{
    SubchDev *sch = g_new0(SubchDev, 1);
    static const uint8_t chpid0[8];

    sch->ops = ops;
    sch->opaque = opaque;
    css_sch_set_paths(sch, 0x80, 0x80, 0xff, chpid0);
    return sch;
}

void css_sch_set_paths(SubchDev *sch, uint8_t pim, uint8_t pam, uint8_t pom,
                       const uint8_t chpid[8])
{
    Pmcw *p = &sch->schib.pmcw;

    p->pim = pim;
    p->pam = pam;
    p->pom = pom;
    p->lpm = pim;
    memcpy(p->chpid, chpid, sizeof(p->chpid));
}

static void css_sch_init_schib(SubchDev *sch)
{
    Pmcw *p = &sch->schib.pmcw;

    p->devno = sch->devno;
    p->flags = PMCW_FLAGS_DNV;
    p->chars = 0; /* I/O subchannel */
    p->intparm = 0;
    p->mbi = 0;
    p->lpum = 0;
    p->pnom = 0;
    p->lpm = p->pim;
    memset(&sch->schib.scsw, 0, sizeof(sch->schib.scsw));
    sch->schib.mba = 0;
}

/* How an error names the device behind @sch: its id, else its QOM path */
static char *css_sch_owner_name(const SubchDev *sch)
{
    Object *obj = sch->opaque ? object_dynamic_cast(sch->opaque, TYPE_DEVICE)
                              : NULL;
    DeviceState *dev = obj ? DEVICE(obj) : NULL;
    char *path;

    if (!dev) {
        return g_strdup("<unknown>");
    }
    if (dev->id) {
        return g_strdup_printf("'%s'", dev->id);
    }
    path = object_get_canonical_path(obj);
    return path ? path : g_strdup(object_get_typename(obj));
}

static bool css_claim(SubchDev *sch, uint8_t cssid, uint8_t ssid,
                      uint16_t devno, Error **errp)
{
    CssImage *img = css_image(cssid);
    guint dkey = css_key(ssid, devno);

    if (!img) {
        error_setg(errp, "css %x does not exist (images 0-%x and %x)", cssid,
                   CSS_MAX_REAL_CSSID, CSS_VIRTUAL_CSSID);
        return false;
    }
    if (g_hash_table_contains(img->by_devno, GUINT_TO_POINTER(dkey))) {
        SubchDev *owner = g_hash_table_lookup(img->by_devno,
                                              GUINT_TO_POINTER(dkey));
        g_autofree char *old = css_sch_owner_name(owner);
        g_autofree char *new = css_sch_owner_name(sch);

        error_setg(
            errp,
            "Device %x.%x.%04x already exists (device %s); device %s cannot use it",
            cssid, ssid, devno, old, new);
        return false;
    }
    for (uint32_t schid = 0; schid < CSS_SCH_PER_SET; schid++) {
        guint skey = css_key(ssid, schid);

        if (!g_hash_table_contains(img->by_schid, GUINT_TO_POINTER(skey))) {
            sch->cssid = cssid;
            sch->ssid = ssid;
            sch->schid = schid;
            sch->devno = devno;
            sch->placed = true;
            g_hash_table_insert(img->by_schid, GUINT_TO_POINTER(skey), sch);
            g_hash_table_insert(img->by_devno, GUINT_TO_POINTER(dkey), sch);
            css_sch_init_schib(sch);
            return true;
        }
    }
    error_setg(errp, "No free subchannel found for %x.%x.%04x", cssid, ssid,
               devno);
    return false;
}

/* First free device number in the lowest set with room in @cssid. */
static bool css_claim_free(SubchDev *sch, uint8_t cssid, Error **errp)
{
    CssImage *img = css_image(cssid);

    for (uint8_t ssid = 0; ssid <= CSS_MAX_SSID; ssid++) {
        for (uint32_t devno = 0; devno < CSS_SCH_PER_SET; devno++) {
            guint dkey = css_key(ssid, devno);

            if (!g_hash_table_contains(img->by_devno, GUINT_TO_POINTER(dkey))) {
                return css_claim(sch, cssid, ssid, devno, errp);
            }
        }
    }
    error_setg(errp, "Virtual channel subsystem is full!");
    return false;
}

bool css_place_virtual(SubchDev *sch, const CssDevId *devno, Error **errp)
{
    if (!devno || !devno->valid) {
        return css_claim_free(sch, CSS_VIRTUAL_CSSID, errp);
    }
    if (!css_dev_id_check_range(devno, errp)) {
        return false;
    }
    return css_claim(sch, devno->cssid, devno->ssid, devno->devid, errp);
}

bool css_place_passthrough(SubchDev *sch, const CssDevId *host_id,
                           const CssDevId *guest_id, bool map_css, Error **errp)
{
    CssDevId id;

    if (!host_id || !host_id->valid || host_id->cssid > CSS_MAX_REAL_CSSID ||
        host_id->ssid > CSS_MAX_SSID) {
        g_autofree char *s = host_id ? css_dev_id_print(host_id) : NULL;

        error_setg(errp, "host device %s is not in a real css (0-%x)",
                   s ? s : "<unset>", CSS_MAX_REAL_CSSID);
        return false;
    }
    if (guest_id && guest_id->valid) {
        if (!css_dev_id_check_range(guest_id, errp)) {
            return false;
        }
        id = *guest_id;
        if (map_css && id.cssid != CSS_VIRTUAL_CSSID) {
            error_setg(
                errp,
                "with s390-map-css=on the guest id must be in css %x, not %x",
                CSS_VIRTUAL_CSSID, id.cssid);
            return false;
        }
        if (!map_css && id.cssid != host_id->cssid) {
            error_setg(
                errp,
                "with s390-map-css=off the guest id must be in the host's css %x, not %x",
                host_id->cssid, id.cssid);
            return false;
        }
    } else {
        id = *host_id;
        if (map_css) {
            id.cssid = CSS_VIRTUAL_CSSID;
        }
    }
    return css_claim(sch, id.cssid, id.ssid, id.devid, errp);
}

void css_sch_report(SubchDev *sch)
{
    uint8_t guest_cssid = css_real_to_guest(sch->cssid);
    bool chain = guest_cssid || sch->ssid;

    if (!css_sch_visible(sch)) {
        return;
    }
    css_crw_queue(CRW_RSC_SCH, CRW_ERC_IPI, chain, sch->schid);
    if (chain) {
        css_crw_queue(CRW_RSC_SCH, CRW_ERC_IPI, false,
                      (uint16_t)(guest_cssid << 8 | sch->ssid << 4));
    }
}

void css_sch_free(SubchDev *sch, bool report)
{
    if (!sch) {
        return;
    }
    css_intr_dequeue(sch);
    if (sch->placed) {
        CssImage *img = css_image(sch->cssid);

        g_hash_table_remove(img->by_schid,
                            GUINT_TO_POINTER(css_key(sch->ssid, sch->schid)));
        g_hash_table_remove(img->by_devno,
                            GUINT_TO_POINTER(css_key(sch->ssid, sch->devno)));
        if (report) {
            css_sch_report(sch);
        }
    }
    g_free(sch);
}

/* ---- reset ---- */

static void css_sch_reset(gpointer key, gpointer value, gpointer opaque)
{
    SubchDev *sch = value;

    if (sch->ops && sch->ops->cancel_io) {
        sch->ops->cancel_io(sch);
    }
    css_intr_dequeue(sch);
    css_sch_init_schib(sch);
    sch->ecw_len = 0;
}

void css_reset(void)
{
    uint32_t crw;

    for (int i = 0; i < CSS_NUM_IDS; i++) {
        if (css.image[i]) {
            g_hash_table_foreach(css.image[i]->by_schid, css_sch_reset, NULL);
        }
    }
    while (css_crw_take(&crw)) {
        /* drop reports of the previous life */
    }
    css.mcsse = false;
    css.mss = false;
    css_set_monitor(false, false, 0);
}
