/*
 * The human monitor on a chardev (-monitor, -mon mode=readline, the
 * default monitor): a greeting, the "(qemu) " prompt, a line edited
 * with echo, and each line run by hmp_run_command(). Output lines end in
 * CR LF, as QEMU writes them.
 *
 * On a mux=on chardev the monitor writes only while it has the focus:
 * what it prints meanwhile (the greeting at start-up) is held and goes
 * out when the user switches to it (Ctrl-A c), with a fresh prompt.
 *
 * The echo redraws the line as QEMU's line editor does: back to its
 * start (ESC [ D per character), the whole line, ESC [ K, then the cursor
 * back to where typing goes. Keys: printable characters, backspace,
 * Ctrl-A / Ctrl-E (start / end of the line), the left and right arrows.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "monitor/monitor.h"
#include "monitor/hmp.h"

#define HMP_LINE_MAX 4096  /* longer lines are cut, as a line editor's */
#define HMP_HELD_MAX 65536 /* output held while out of focus */
#define HMP_PROMPT   "(qemu) "

typedef enum HmpEsc {
    HMP_ESC_NONE,
    HMP_ESC_START, /* after ESC */
    HMP_ESC_CSI,   /* after ESC [ */
} HmpEsc;

typedef struct MonitorHMP {
    Chardev *chr;
    GString *line;     /* being typed */
    size_t cursor;     /* where typing goes in it */
    size_t shown;      /* terminal cursor, from the start of the line */
    GString *drawn;    /* the line as the terminal shows it */
    GString *held;     /* output while out of focus */
    bool out_of_focus; /* mux: another front end has the input */
    bool opened;       /* the greeting went out */
    HmpEsc esc;
    bool last_cr; /* CR LF counts as one end of line */
} MonitorHMP;

static GPtrArray *hmp_monitors;

static void hmp_flush(MonitorHMP *mon)
{
    if (!mon->out_of_focus && mon->held->len) {
        qemu_chr_fe_write_all(mon->chr, mon->held->str, mon->held->len);
        g_string_truncate(mon->held, 0);
    }
}

/* Print @text, "\n" as CR LF */
static void hmp_print(MonitorHMP *mon, const char *text)
{
    for (const char *c = text; *c; c++) {
        if (mon->held->len >= HMP_HELD_MAX) {
            break;
        }
        if (*c == '\n') {
            g_string_append_c(mon->held, '\r');
        }
        g_string_append_c(mon->held, *c);
    }
    hmp_flush(mon);
}

static void hmp_reset_line(MonitorHMP *mon)
{
    g_string_truncate(mon->line, 0);
    g_string_truncate(mon->drawn, 0);
    mon->cursor = mon->shown = 0;
}

static void hmp_show_prompt(MonitorHMP *mon)
{
    hmp_reset_line(mon);
    hmp_print(mon, HMP_PROMPT);
}

static void hmp_redraw(MonitorHMP *mon)
{
    g_autoptr(GString) s = g_string_new(NULL);

    if (!g_string_equal(mon->line, mon->drawn)) {
        for (size_t i = 0; i < mon->shown; i++) {
            g_string_append(s, "\033[D");
        }
        g_string_append_len(s, mon->line->str, mon->line->len);
        g_string_append(s, "\033[K");
        g_string_assign(mon->drawn, mon->line->str);
        mon->shown = mon->line->len;
    }
    for (; mon->shown > mon->cursor; mon->shown--) {
        g_string_append(s, "\033[D");
    }
    for (; mon->shown < mon->cursor; mon->shown++) {
        g_string_append(s, "\033[C");
    }
    hmp_print(mon, s->str);
}

static void hmp_enter(MonitorHMP *mon)
{
    g_autofree char *cmd = g_strdup(mon->line->str);
    g_autofree char *text = NULL;

    hmp_print(mon, "\n");
    text = hmp_run_command(cmd);
    hmp_print(mon, text);
    g_strstrip(cmd);
    if (strcmp(cmd, "quit") && strcmp(cmd, "q")) {
        hmp_show_prompt(mon); /* as QEMU: none after quit */
    }
}

static void hmp_key(MonitorHMP *mon, uint8_t c)
{
    bool cr = mon->last_cr;

    mon->last_cr = c == '\r';
    if (mon->esc == HMP_ESC_START) {
        mon->esc = c == '[' || c == 'O' ? HMP_ESC_CSI : HMP_ESC_NONE;
        return;
    }
    if (mon->esc == HMP_ESC_CSI) {
        /* cursor keys and the like: parameters, then a final letter */
        if (c >= 0x40 && c <= 0x7e) {
            mon->esc = HMP_ESC_NONE;
            if (c == 'D' && mon->cursor) {
                mon->cursor--;
            } else if (c == 'C' && mon->cursor < mon->line->len) {
                mon->cursor++;
            }
            hmp_redraw(mon);
        }
        return;
    }
    switch (c) {
    case '\r':
        hmp_enter(mon);
        break;
    case '\n':
        if (!cr) {
            hmp_enter(mon);
        }
        break;
    case 0x1b:
        mon->esc = HMP_ESC_START;
        break;
    case 0x01: /* Ctrl-A */
        mon->cursor = 0;
        hmp_redraw(mon);
        break;
    case 0x05: /* Ctrl-E */
        mon->cursor = mon->line->len;
        hmp_redraw(mon);
        break;
    case 0x7f:
    case 0x08:
        if (mon->cursor) {
            g_string_erase(mon->line, --mon->cursor, 1);
            hmp_redraw(mon);
        }
        break;
    default:
        if (c >= 0x20 && c < 0x7f && mon->line->len < HMP_LINE_MAX) {
            g_string_insert_c(mon->line, mon->cursor++, c);
            hmp_redraw(mon);
        }
        break;
    }
}

static void hmp_read(void *opaque, const uint8_t *buf, size_t len)
{
    MonitorHMP *mon = opaque;

    for (size_t i = 0; i < len; i++) {
        hmp_key(mon, buf[i]);
    }
}

static void hmp_event(void *opaque, ChrEvent event)
{
    MonitorHMP *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        mon->esc = HMP_ESC_NONE;
        hmp_print(mon, "QEMU " QEMU_COMPAT_VERSION
                       " monitor - type 'help' for more information\n");
        if (!mon->out_of_focus) {
            hmp_show_prompt(mon);
        }
        mon->opened = true;
        break;
    case CHR_EVENT_CLOSED:
        g_string_truncate(mon->held, 0);
        hmp_reset_line(mon);
        mon->opened = false;
        break;
    case CHR_EVENT_MUX_IN:
        mon->out_of_focus = false;
        if (mon->opened) {
            hmp_show_prompt(mon);
        }
        hmp_flush(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        if (mon->opened && !mon->out_of_focus) {
            hmp_print(mon, "\n");
        }
        mon->out_of_focus = true;
        break;
    default:
        break;
    }
}

static const CharFrontendOps hmp_ops = {
    .read = hmp_read,
    .event = hmp_event,
};

static void hmp_mon_free_strings(MonitorHMP *mon)
{
    g_string_free(mon->line, TRUE);
    g_string_free(mon->drawn, TRUE);
    g_string_free(mon->held, TRUE);
    g_free(mon);
}

static void hmp_mon_free(gpointer data)
{
    MonitorHMP *mon = data;

    qemu_chr_fe_deinit(mon->chr);
    hmp_mon_free_strings(mon);
}

bool monitor_init_hmp(Chardev *chr, Error **errp)
{
    MonitorHMP *mon = g_new0(MonitorHMP, 1);

    mon->chr = chr;
    mon->line = g_string_new(NULL);
    mon->drawn = g_string_new(NULL);
    mon->held = g_string_new(NULL);
    if (!qemu_chr_fe_set_handlers(chr, &hmp_ops, mon, errp)) {
        hmp_mon_free_strings(mon);
        return false;
    }
    if (!hmp_monitors) {
        hmp_monitors = g_ptr_array_new_with_free_func(hmp_mon_free);
    }
    g_ptr_array_add(hmp_monitors, mon);
    return true;
}

void monitor_hmp_cleanup(void)
{
    if (hmp_monitors) {
        g_ptr_array_free(hmp_monitors, TRUE);
        hmp_monitors = NULL;
    }
}
