/*
 * -device sclpconsole,chardev=ID: the SCLP ASCII console (VT220), event
 * type 0x1a. Event buffers the guest writes go to the chardev as they
 * are; bytes from the chardev become a pending event: a byte 0x00, then
 * the text, in as many Read Event Data calls as needed. Output waiting
 * for a peer that does not read is bounded (sclp_console_backlogged()).
 *
 * Also the chardev attach helper the line-mode console uses.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "chardev/char.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-console.h"
#include "hw/s390x/sclp-event.h"

#define TYPE_SCLP_CONSOLE "sclpconsole"

/* Input the guest has not read yet is bounded; more is dropped */
#define SCLP_CONSOLE_INPUT_MAX (64 * 1024)
/* A read event: header, a 0x00 byte, the text */
#define ASCII_EVENT_TEXT (SCLP_EVBUF_HEADER + 1)

typedef struct SclpConsole {
    DeviceState parent_obj;

    char *chardev; /* property: chardev id */
    Chardev *chr;
    SclpEventSource src;
    GByteArray *input;
} SclpConsole;

static SclpConsole *sclp_console; /* only one may exist */

PropertyInfo sclp_prop_chardev;

static void sclp_prop_chardev_init(void)
{
    sclp_prop_chardev = qdev_prop_string;
    sclp_prop_chardev.description = "ID of a chardev to use as a backend";
}

type_init(sclp_prop_chardev_init)

static inline SclpConsole *SCLP_CONSOLE(void *obj)
{
    return OBJECT_CHECK(SclpConsole, obj, TYPE_SCLP_CONSOLE);
}

bool sclp_console_attach(DeviceState *dev, const char *id, Chardev **chr,
                         const CharFrontendOps *ops, void *opaque, Error **errp)
{
    Error *busy = NULL;

    *chr = NULL;
    if (!id) {
        return true; /* no back end: output is dropped, no input */
    }
    *chr = qemu_chr_find(id);
    if (!*chr) {
        qdev_prop_error(errp, -ENOENT, OBJECT(dev), "chardev", id);
        return false;
    }
    if (!qemu_chr_fe_set_handlers(*chr, ops, opaque, &busy)) {
        error_free(busy);
        qdev_prop_error(errp, -EEXIST, OBJECT(dev), "chardev", id);
        *chr = NULL;
        return false;
    }
    return true;
}

bool sclp_console_backlogged(Chardev *chr, const char *what)
{
    if (chr && qemu_chr_fe_throttled(chr)) {
        trace_point("sclp_console_refused", "%s: backlog %zu bytes", what,
                    qemu_chr_fe_backlog(chr));
        return true;
    }
    return false;
}

static uint16_t ascii_write(SclpEventSource *src, uint8_t *ebuf, uint16_t len)
{
    SclpConsole *c = container_of(src, SclpConsole, src);
    uint16_t n = len - SCLP_EVBUF_HEADER;

    if (sclp_console_backlogged(c->chr, TYPE_SCLP_CONSOLE)) {
        ebuf[SCLP_EVBUF_FLAGS] &= ~SCLP_EVBUF_ACCEPTED;
        return SCLP_RC_IMPROPER_STATE;
    }
    if (c->chr && n &&
        qemu_chr_fe_write_all(c->chr, ebuf + SCLP_EVBUF_HEADER, n) < 0) {
        ebuf[SCLP_EVBUF_FLAGS] &= ~SCLP_EVBUF_ACCEPTED;
        return SCLP_RC_EQUIPMENT_CHECK;
    }
    ebuf[SCLP_EVBUF_FLAGS] |= SCLP_EVBUF_ACCEPTED;
    return SCLP_RC_COMPLETE;
}

static uint16_t ascii_read(SclpEventSource *src, uint8_t *buf, uint16_t room)
{
    SclpConsole *c = container_of(src, SclpConsole, src);
    unsigned n;

    if (room <= ASCII_EVENT_TEXT || !c->input->len) {
        return 0;
    }
    n = MIN(c->input->len, (unsigned)room - ASCII_EVENT_TEXT);
    stw_be_p(buf, ASCII_EVENT_TEXT + n);
    buf[SCLP_EVBUF_TYPE] = SCLP_EVENT_ASCII;
    buf[SCLP_EVBUF_FLAGS] = SCLP_EVBUF_ACCEPTED;
    stw_be_p(buf + 4, 0);
    buf[SCLP_EVBUF_HEADER] = 0; /* an ASCII string follows */
    memcpy(buf + ASCII_EVENT_TEXT, c->input->data, n);
    g_byte_array_remove_range(c->input, 0, n);
    src->pending = c->input->len > 0;
    return ASCII_EVENT_TEXT + n;
}

static void ascii_reset(SclpEventSource *src)
{
    SclpConsole *c = container_of(src, SclpConsole, src);

    g_byte_array_set_size(c->input, 0);
}

static const SclpEventSourceOps ascii_ops = {
    .send_mask = SCLP_EVENT_BIT(SCLP_EVENT_ASCII),
    .receive_mask = SCLP_EVENT_BIT(SCLP_EVENT_ASCII),
    .write = ascii_write,
    .read = ascii_read,
    .reset = ascii_reset,
};

static void ascii_chr_read(void *opaque, const uint8_t *buf, size_t len)
{
    SclpConsole *c = opaque;
    size_t take = MIN(len, SCLP_CONSOLE_INPUT_MAX - c->input->len);

    if (take < len) {
        trace_point("sclpconsole_drop", "%zu bytes", len - take);
    }
    if (take) {
        g_byte_array_append(c->input, buf, take);
        sclp_event_set_pending(&c->src, true);
    }
}

static void ascii_chr_event(void *opaque, ChrEvent event)
{
}

static const CharFrontendOps ascii_chr_ops = {
    .read = ascii_chr_read,
    .event = ascii_chr_event,
};

static bool sclp_console_realize(DeviceState *dev, Error **errp)
{
    SclpConsole *c = SCLP_CONSOLE(dev);

    if (sclp_console) {
        error_setg(errp, "Multiple VT220 operator consoles are not supported");
        return false;
    }
    if (!sclp_console_attach(dev, c->chardev, &c->chr, &ascii_chr_ops, c,
                             errp)) {
        return false;
    }
    sclp_console = c;
    sclp_event_add_source(&c->src);
    return true;
}

static void sclp_console_unrealize(DeviceState *dev)
{
    SclpConsole *c = SCLP_CONSOLE(dev);

    sclp_event_remove_source(&c->src);
    if (c->chr) {
        qemu_chr_fe_deinit(c->chr);
        c->chr = NULL;
    }
    sclp_console = NULL;
}

static void sclp_console_init(Object *obj)
{
    SclpConsole *c = SCLP_CONSOLE(obj);

    c->src.ops = &ascii_ops;
    c->input = g_byte_array_new();
}

static void sclp_console_finalize(Object *obj)
{
    g_byte_array_unref(SCLP_CONSOLE(obj)->input);
}

static Property sclp_console_props[] = {
    DEFINE_PROP_SCLP_CHARDEV(SclpConsole, chardev),
    DEFINE_PROP_END_OF_LIST(),
};

static void sclp_console_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "SCLP ASCII (VT220) console";
    dc->categories |= 1UL << DEVICE_CATEGORY_INPUT;
    dc->hotpluggable = false;
    dc->realize = sclp_console_realize;
    dc->unrealize = sclp_console_unrealize;
    device_class_set_props(dc, sclp_console_props);
}

static const TypeInfo sclp_console_types[] = {
    {
        .name = TYPE_SCLP_CONSOLE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SclpConsole),
        .instance_init = sclp_console_init,
        .instance_finalize = sclp_console_finalize,
        .class_init = sclp_console_class_init,
    },
};

DEFINE_TYPES(sclp_console_types)

/*
 * As QEMU's s390-ccw-virtio: the chardev of the first -serial (or the
 * default "serial0") gets an sclpconsole, the second an sclplmconsole;
 * further ones get no device.
 */
bool s390_sclp_consoles_create(Error **errp)
{
    static const char *const types[] = { TYPE_SCLP_CONSOLE, "sclplmconsole" };

    for (int i = 0; i < (int)G_N_ELEMENTS(types) && serial_hd(i); i++) {
        DeviceState *dev = qdev_new(types[i]);

        qdev_prop_set_string(dev, "chardev", qemu_chr_get_id(serial_hd(i)));
        if (!qdev_realize_and_unref(dev, NULL, errp)) {
            return false;
        }
    }
    return true;
}
