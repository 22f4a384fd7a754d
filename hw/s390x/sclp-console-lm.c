/*
 * -device sclplmconsole,chardev=ID: the SCLP line-mode console. Output:
 * message events (type 0x02) whose message-text objects go to the
 * chardev in ASCII, each after a newline (as QEMU writes them). Input:
 * a line typed on the chardev (ended by CR or LF) becomes an operator
 * command event (type 0x01) holding the line in EBCDIC inside the GDS
 * structures Linux parses. echo=on (default) echoes typed characters.
 * A message event while the chardev holds back too much output is
 * refused (sclp_console_backlogged()) and counted in write_errors.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "chardev/char.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-console.h"
#include "hw/s390x/sclp-event.h"

#define TYPE_SCLP_LM_CONSOLE "sclplmconsole"

/* Message event: event header, then the message data block (MDB) */
#define MDB_HEADER      12 /* length (2), type (2), tag, revision */
#define MDBO_HEADER     4  /* an MDB object: length (2), type (2) */
#define MDBO_TEXT       0x0004
#define MTO_TEXT_OFFSET 10 /* + line-type flags (2), alarm, reserved (3) */

/*
 * Operator command: event header, then GDS vectors (length (2), id (2))
 * MDS message unit > control-point MSU > text command, holding the
 * subvectors (length (1), key (1)) self-defining text message > text.
 */
#define GDS_MDSMU       0x1310
#define GDS_CPMSU       0x1212
#define GDS_TEXTCMD     0x1320
#define GDS_KEY_SELFDEF 0x31
#define GDS_KEY_TEXT    0x30
#define OPCMD_TEXT      (SCLP_EVBUF_HEADER + 16)
/* subvector lengths are one byte: 4 + text <= 255 */
#define LM_LINE_MAX 251
/* complete lines the guest has not read yet; more are dropped */
#define LM_LINES_MAX 64

typedef struct SclpLmConsole {
    DeviceState parent_obj;

    char *chardev;
    bool echo;
    uint32_t write_errors; /* chardev write failures (as QEMU counts) */
    Chardev *chr;
    SclpEventSource src;
    GByteArray *line; /* being typed */
    GQueue lines;     /* GByteArray *, complete */
    bool after_cr;    /* skip an LF that follows a CR */
} SclpLmConsole;

static SclpLmConsole *sclp_lm_console;

static inline SclpLmConsole *SCLP_LM_CONSOLE(void *obj)
{
    return OBJECT_CHECK(SclpLmConsole, obj, TYPE_SCLP_LM_CONSOLE);
}

static void lm_put(SclpLmConsole *c, const void *buf, size_t len)
{
    if (c->chr && qemu_chr_fe_write_all(c->chr, buf, len) < 0) {
        c->write_errors++;
    }
}

static void lm_write_text(SclpLmConsole *c, const uint8_t *mdbo, uint16_t len)
{
    uint16_t n = len > MTO_TEXT_OFFSET ? len - MTO_TEXT_OFFSET : 0;
    g_autofree uint8_t *text = g_malloc(MAX(n, 1));

    memcpy(text, mdbo + MTO_TEXT_OFFSET, n);
    sclp_ebcdic_to_latin1(text, n);
    lm_put(c, "\n", 1);
    lm_put(c, text, n);
}

/* The MDB and its objects fit in the event buffer and in each other */
static bool lm_mdb_valid(const uint8_t *mdb, uint16_t room)
{
    uint16_t len = room >= MDB_HEADER ? lduw_be_p(mdb) : 0;

    if (len < MDB_HEADER || len > room) {
        return false;
    }
    for (uint16_t off = MDB_HEADER; off < len;) {
        uint16_t olen = len - off >= 2 ? lduw_be_p(mdb + off) : 0;

        if (olen < MDBO_HEADER || olen > len - off) {
            return false;
        }
        off += olen;
    }
    return true;
}

static uint16_t lm_write(SclpEventSource *src, uint8_t *ebuf, uint16_t len)
{
    SclpLmConsole *c = container_of(src, SclpLmConsole, src);
    uint8_t *mdb = ebuf + SCLP_EVBUF_HEADER;
    uint16_t mlen;

    if (!lm_mdb_valid(mdb, len - SCLP_EVBUF_HEADER)) {
        return SCLP_RC_INCONSISTENT_LEN;
    }
    if (sclp_console_backlogged(c->chr, TYPE_SCLP_LM_CONSOLE)) {
        c->write_errors++;
        ebuf[SCLP_EVBUF_FLAGS] &= ~SCLP_EVBUF_ACCEPTED;
        return SCLP_RC_IMPROPER_STATE;
    }
    mlen = lduw_be_p(mdb);
    for (uint16_t off = MDB_HEADER; off < mlen;) {
        uint16_t olen = lduw_be_p(mdb + off);

        if (lduw_be_p(mdb + off + 2) == MDBO_TEXT) {
            lm_write_text(c, mdb + off, olen);
        }
        off += olen;
    }
    ebuf[SCLP_EVBUF_FLAGS] |= SCLP_EVBUF_ACCEPTED;
    return SCLP_RC_COMPLETE;
}

static void gds_vector(uint8_t *p, uint16_t len, uint16_t id)
{
    stw_be_p(p, len);
    stw_be_p(p + 2, id);
}

static uint16_t lm_read(SclpEventSource *src, uint8_t *buf, uint16_t room)
{
    SclpLmConsole *c = container_of(src, SclpLmConsole, src);
    GByteArray *line = g_queue_peek_head(&c->lines);
    unsigned n;

    if (!line || room < OPCMD_TEXT + line->len) {
        return 0;
    }
    n = line->len;
    stw_be_p(buf, OPCMD_TEXT + n);
    buf[SCLP_EVBUF_TYPE] = SCLP_EVENT_OPCMD;
    buf[SCLP_EVBUF_FLAGS] = 0;
    stw_be_p(buf + 4, 0);
    gds_vector(buf + 6, 16 + n, GDS_MDSMU);
    gds_vector(buf + 10, 12 + n, GDS_CPMSU);
    gds_vector(buf + 14, 8 + n, GDS_TEXTCMD);
    buf[18] = 4 + n;
    buf[19] = GDS_KEY_SELFDEF;
    buf[20] = 2 + n;
    buf[21] = GDS_KEY_TEXT;
    if (n) { /* an empty line's GByteArray has no data block */
        memcpy(buf + OPCMD_TEXT, line->data, n);
    }
    sclp_latin1_to_ebcdic(buf + OPCMD_TEXT, n);
    g_byte_array_unref(g_queue_pop_head(&c->lines));
    src->pending = !g_queue_is_empty(&c->lines);
    return OPCMD_TEXT + n;
}

static void lm_reset(SclpEventSource *src)
{
    SclpLmConsole *c = container_of(src, SclpLmConsole, src);
    GByteArray *l;

    while ((l = g_queue_pop_head(&c->lines))) {
        g_byte_array_unref(l);
    }
    g_byte_array_set_size(c->line, 0);
    c->after_cr = false;
    c->write_errors = 0;
}

static const SclpEventSourceOps lm_ops = {
    .send_mask = SCLP_EVENT_BIT(SCLP_EVENT_OPCMD) |
                 SCLP_EVENT_BIT(SCLP_EVENT_PMSGCMD),
    .receive_mask = SCLP_EVENT_BIT(SCLP_EVENT_MSG) |
                    SCLP_EVENT_BIT(SCLP_EVENT_PMSGCMD),
    .write = lm_write,
    .read = lm_read,
    .reset = lm_reset,
};

static void lm_end_line(SclpLmConsole *c)
{
    if (g_queue_get_length(&c->lines) >= LM_LINES_MAX) {
        trace_point("sclplmconsole_drop", "line of %u bytes", c->line->len);
        g_byte_array_set_size(c->line, 0);
        return;
    }
    g_queue_push_tail(&c->lines, c->line);
    c->line = g_byte_array_new();
    sclp_event_set_pending(&c->src, true);
}

static void lm_chr_read(void *opaque, const uint8_t *buf, size_t len)
{
    SclpLmConsole *c = opaque;

    for (size_t i = 0; i < len; i++) {
        bool lf_after_cr = c->after_cr && buf[i] == '\n';

        c->after_cr = buf[i] == '\r';
        if (lf_after_cr) {
            continue;
        }
        if (buf[i] == '\r' || buf[i] == '\n') {
            lm_end_line(c);
        } else if (c->line->len < LM_LINE_MAX) {
            g_byte_array_append(c->line, buf + i, 1);
            if (c->echo) {
                lm_put(c, buf + i, 1);
            }
        }
    }
}

static void lm_chr_event(void *opaque, ChrEvent event)
{
}

static const CharFrontendOps lm_chr_ops = {
    .read = lm_chr_read,
    .event = lm_chr_event,
};

static bool sclp_lm_realize(DeviceState *dev, Error **errp)
{
    SclpLmConsole *c = SCLP_LM_CONSOLE(dev);

    if (sclp_lm_console) {
        error_setg(errp,
                   "Multiple line-mode operator consoles are not supported");
        return false;
    }
    if (!sclp_console_attach(dev, c->chardev, &c->chr, &lm_chr_ops, c, errp)) {
        return false;
    }
    sclp_lm_console = c;
    sclp_event_add_source(&c->src);
    return true;
}

static void sclp_lm_unrealize(DeviceState *dev)
{
    SclpLmConsole *c = SCLP_LM_CONSOLE(dev);

    sclp_event_remove_source(&c->src);
    if (c->chr) {
        qemu_chr_fe_deinit(c->chr);
        c->chr = NULL;
    }
    sclp_lm_console = NULL;
}

static void sclp_lm_init(Object *obj)
{
    SclpLmConsole *c = SCLP_LM_CONSOLE(obj);

    c->src.ops = &lm_ops;
    c->line = g_byte_array_new();
    g_queue_init(&c->lines);
}

static void sclp_lm_finalize(Object *obj)
{
    SclpLmConsole *c = SCLP_LM_CONSOLE(obj);

    lm_reset(&c->src);
    g_byte_array_unref(c->line);
}

static Property sclp_lm_props[] = {
    DEFINE_PROP_SCLP_CHARDEV(SclpLmConsole, chardev),
    DEFINE_PROP_UINT32("write_errors", SclpLmConsole, write_errors, 0),
    DEFINE_PROP_BOOL("echo", SclpLmConsole, echo, true),
    DEFINE_PROP_END_OF_LIST(),
};

static void sclp_lm_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "SCLP line-mode console";
    dc->categories |= 1UL << DEVICE_CATEGORY_INPUT;
    dc->hotpluggable = false;
    dc->realize = sclp_lm_realize;
    dc->unrealize = sclp_lm_unrealize;
    device_class_set_props(dc, sclp_lm_props);
}

static const TypeInfo sclp_lm_types[] = {
    {
        .name = TYPE_SCLP_LM_CONSOLE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SclpLmConsole),
        .instance_init = sclp_lm_init,
        .instance_finalize = sclp_lm_finalize,
        .class_init = sclp_lm_class_init,
    },
};

DEFINE_TYPES(sclp_lm_types)
