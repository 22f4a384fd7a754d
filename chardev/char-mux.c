/*
 * mux=on: several front ends (a monitor, a console) share one back end.
 *
 * The mux is the only front end of its base chardev ("ID-base"). What any
 * of its front ends writes goes out; input goes to the one that has the
 * focus, the front end attached last, until Ctrl-A c passes it on to the
 * next. Ctrl-A starts a command (the keys are QEMU's):
 *   h or ?  print the list of commands
 *   x       print "QEMU: Terminated" and exit
 *   s       (commit -snapshot disks: there are none here, nothing done)
 *   t       toggle a time stamp at the start of each output line
 *   b       a break to the front end that has the focus
 *   c       move the focus to the next front end
 *   C-a     one Ctrl-A byte to the front end
 * Any other key after Ctrl-A is dropped.
 *
 * A front end that loses the focus gets CHR_EVENT_MUX_OUT, the one that
 * gains it CHR_EVENT_MUX_IN. CHR_EVENT_OPENED reaches the front ends from
 * the main loop once start-up is over, so a monitor's greeting waits
 * (held back while it is not in focus) until the user switches to it.
 */
#include "qemu/osdep.h"
#include "chardev-internal.h"

#define CHR_MUX_MAX   4    /* front ends per mux, as QEMU */
#define CHR_MUX_ESC   0x01 /* Ctrl-A */
#define CHR_MUX_BATCH 4096

typedef struct ChrMuxFe {
    const CharFrontendOps *ops;
    void *opaque;
    bool opened; /* OPENED delivered */
} ChrMuxFe;

typedef struct ChrMux {
    Chardev *base;
    Chardev *self;
    ChrMuxFe fe[CHR_MUX_MAX];
    int count;
    int focus; /* -1: no front end yet */
    bool got_escape;
    bool timestamps;
    bool linestart;      /* the next output byte starts a line */
    int64_t stamp_start; /* ms of the first stamp, -1 before it */
    guint open_idle;
} ChrMux;

static const char *const mux_help[] = {
    "h    print this help",
    "x    exit emulator",
    "s    save disk data back to file (if -snapshot)",
    "t    toggle console timestamps",
    "b    send break (magic sysrq)",
    "c    switch between console and monitor",
    "C-a  sends C-a",
};

static void (*mux_exit_fn)(void);

void qemu_chr_set_mux_exit(void (*fn)(void))
{
    mux_exit_fn = fn;
}

Chardev *chr_mux_base(Chardev *chr)
{
    return chr->mux->base;
}

static void fe_event(ChrMuxFe *fe, ChrEvent ev)
{
    if (fe->ops && fe->ops->event) {
        fe->ops->event(fe->opaque, ev);
    }
}

static void mux_set_focus(ChrMux *m, int focus)
{
    if (m->focus >= 0) {
        fe_event(&m->fe[m->focus], CHR_EVENT_MUX_OUT);
    }
    m->focus = focus;
    fe_event(&m->fe[focus], CHR_EVENT_MUX_IN);
}

static void mux_out(ChrMux *m, const char *text)
{
    qemu_chr_fe_write_all(m->base, text, strlen(text));
}

static void mux_print_help(ChrMux *m)
{
    g_autoptr(GString) s = g_string_new("\n\r");

    for (size_t i = 0; i < G_N_ELEMENTS(mux_help); i++) {
        g_string_append_printf(s, "C-a %s\n\r", mux_help[i]);
    }
    mux_out(m, s->str);
}

static void mux_deliver(ChrMux *m, const uint8_t *buf, size_t len)
{
    ChrMuxFe *fe = m->focus >= 0 ? &m->fe[m->focus] : NULL;

    if (len && fe && fe->ops && fe->ops->read) {
        fe->ops->read(fe->opaque, buf, len);
    }
}

/* The key after Ctrl-A; true when @ch itself is input */
static bool mux_command(ChrMux *m, uint8_t ch)
{
    switch (ch) {
    case CHR_MUX_ESC:
        return true;
    case 'h':
    case '?':
        mux_print_help(m);
        break;
    case 'x':
        mux_out(m, "QEMU: Terminated\n\r");
        chr_out_flush_now(m->base);
        if (mux_exit_fn) {
            mux_exit_fn();
        }
        exit(0);
    case 'b':
        if (m->focus >= 0) {
            fe_event(&m->fe[m->focus], CHR_EVENT_BREAK);
        }
        break;
    case 'c':
        if (m->count) {
            mux_set_focus(m, (m->focus + 1) % m->count);
        }
        break;
    case 't':
        m->timestamps = !m->timestamps;
        m->stamp_start = -1;
        m->linestart = false;
        break;
    default: /* 's' included: no -snapshot disks here */
        break;
    }
    return false;
}

static void mux_base_read(void *opaque, const uint8_t *buf, size_t len)
{
    ChrMux *m = opaque;
    uint8_t out[CHR_MUX_BATCH];
    size_t n = 0;

    for (size_t i = 0; i < len; i++) {
        bool input;

        if (m->got_escape) {
            m->got_escape = false;
            input = mux_command(m, buf[i]);
        } else if (buf[i] == CHR_MUX_ESC) {
            m->got_escape = true;
            input = false;
        } else {
            input = true;
        }
        if (!input) {
            /* what came before goes to the front end that had the focus */
            mux_deliver(m, out, n);
            n = 0;
            continue;
        }
        out[n++] = buf[i];
        if (n == sizeof(out)) {
            mux_deliver(m, out, n);
            n = 0;
        }
    }
    mux_deliver(m, out, n);
}

static void mux_base_event(void *opaque, ChrEvent ev)
{
    ChrMux *m = opaque;

    if (ev != CHR_EVENT_OPENED && ev != CHR_EVENT_CLOSED) {
        return;
    }
    for (int i = 0; i < m->count; i++) {
        /* OPENED before start-up is over waits for mux_open_cb() */
        if (ev == CHR_EVENT_CLOSED || !m->open_idle) {
            m->fe[i].opened = ev == CHR_EVENT_OPENED;
            fe_event(&m->fe[i], ev);
        }
    }
}

static void mux_base_drained(void *opaque)
{
    ChrMux *m = opaque;

    for (int i = 0; i < m->count; i++) {
        if (m->fe[i].ops && m->fe[i].ops->drained) {
            m->fe[i].ops->drained(m->fe[i].opaque);
        }
    }
}

static const CharFrontendOps mux_base_ops = {
    .read = mux_base_read,
    .event = mux_base_event,
    .drained = mux_base_drained,
};

static gboolean mux_open_cb(gpointer data)
{
    ChrMux *m = data;

    m->open_idle = 0;
    for (int i = 0; i < m->count; i++) {
        if (!m->fe[i].opened && qemu_chr_fe_is_connected(m->base)) {
            m->fe[i].opened = true;
            fe_event(&m->fe[i], CHR_EVENT_OPENED);
        }
    }
    return G_SOURCE_REMOVE;
}

void chr_mux_init(Chardev *chr, Chardev *base)
{
    ChrMux *m = g_new0(ChrMux, 1);

    m->base = base;
    m->self = chr;
    m->focus = -1;
    m->stamp_start = -1;
    chr->mux = m;
    chr->connected = true;
    qemu_chr_fe_set_handlers(base, &mux_base_ops, m, &error_abort);
}

bool chr_mux_add_frontend(Chardev *chr, const CharFrontendOps *ops,
                          void *opaque, Error **errp)
{
    ChrMux *m = chr->mux;

    if (m->count == CHR_MUX_MAX) {
        error_setg(errp, "Device '%s' is in use: %d front ends share it",
                   chr->id, CHR_MUX_MAX);
        return false;
    }
    m->fe[m->count] = (ChrMuxFe){ .ops = ops, .opaque = opaque };
    m->count++;
    mux_set_focus(m, m->count - 1);
    if (!m->open_idle) {
        m->open_idle = g_idle_add(mux_open_cb, m);
    }
    return true;
}

void chr_mux_remove_frontends(Chardev *chr)
{
    ChrMux *m = chr->mux;

    m->count = 0;
    m->focus = -1;
}

bool chr_mux_has_frontend(Chardev *chr)
{
    return chr->mux->count > 0;
}

static void mux_stamp(ChrMux *m)
{
    int64_t now = g_get_monotonic_time() / 1000, ms, secs;
    char buf[64];

    if (m->stamp_start < 0) {
        m->stamp_start = now;
    }
    ms = now - m->stamp_start;
    secs = ms / 1000;
    snprintf(buf, sizeof(buf), "[%02d:%02d:%02d.%03d] ", (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60), (int)(ms % 1000));
    mux_out(m, buf);
}

ssize_t chr_mux_write(Chardev *chr, const uint8_t *buf, size_t len)
{
    ChrMux *m = chr->mux;
    size_t start = 0;

    if (!m->timestamps) {
        return qemu_chr_fe_write_all(m->base, buf, len);
    }
    for (size_t i = 0; i < len; i++) {
        if (m->linestart) {
            if (i > start &&
                qemu_chr_fe_write_all(m->base, buf + start, i - start) < 0) {
                return -EPIPE;
            }
            start = i;
            mux_stamp(m);
            m->linestart = false;
        }
        if (buf[i] == '\n') {
            m->linestart = true;
        }
    }
    if (len > start &&
        qemu_chr_fe_write_all(m->base, buf + start, len - start) < 0) {
        return -EPIPE;
    }
    return len;
}

void chr_mux_free(Chardev *chr)
{
    ChrMux *m = chr->mux;

    if (m->open_idle) {
        g_source_remove(m->open_idle);
    }
    g_free(m);
    chr->mux = NULL;
}
