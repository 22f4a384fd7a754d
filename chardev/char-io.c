/*
 * Chardev connection handling on the GLib main loop, and the simple
 * back ends (stdio, file, null).
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "chardev-internal.h"
#include "sysemu/daemonize.h"
#include "qemu/fdset.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <glib-unix.h>
#include <termios.h>

#define CHR_READ_BUF 16384

static void chr_event(Chardev *chr, ChrEvent ev)
{
    if (chr->ops && chr->ops->event) {
        chr->ops->event(chr->opaque, ev);
    }
}

void chr_drop_connection(Chardev *chr)
{
    bool dead = chr->out_dead;

    chr_out_reset(chr);
    /* a descriptor we do not own stays; its failed output stays dropped */
    chr->out_dead = dead && !chr->owns_fds;
    if (chr->in_watch) {
        g_source_remove(chr->in_watch);
        chr->in_watch = 0;
    }
    if (chr->owns_fds) {
        close(chr->fd_in);
        if (chr->fd_out != chr->fd_in) {
            close(chr->fd_out);
        }
        chr->fd_in = chr->fd_out = -1;
    } else {
        chr->fd_in = -1;
    }
    chr->connected = false;
    if (chr->is_pty) {
        chr_pty_lost(chr);
    }
    chr_update_watches(chr);
    chr_event(chr, CHR_EVENT_CLOSED);
}

static gboolean chr_read_cb(int fd, GIOCondition cond, gpointer data)
{
    Chardev *chr = data;
    uint8_t buf[CHR_READ_BUF];
    ssize_t n = read(fd, buf, sizeof(buf));

    if (n > 0) {
        if (chr->ops && chr->ops->read) {
            chr->ops->read(chr->opaque, buf, n);
        }
        return G_SOURCE_CONTINUE;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return G_SOURCE_CONTINUE;
    }
    chr->in_watch = 0;
    chr_drop_connection(chr);
    return G_SOURCE_REMOVE;
}

static gboolean chr_accept_cb(int fd, GIOCondition cond, gpointer data)
{
    Chardev *chr = data;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (cfd < 0) {
        return G_SOURCE_CONTINUE;
    }
    chr->listen_watch = 0;
    chr_attach_connection(chr, cfd);
    return G_SOURCE_REMOVE;
}

/*
 * GLib blocks a source while dispatching it unless it may recurse, and
 * blocking an fd source removes and re-adds its poll record, which wakes
 * the main context through its eventfd twice per dispatch. The read
 * callbacks here never run the main loop, so let them recurse: that
 * takes two write(2) and one read(2) off every lockstep round trip.
 */
static guint chr_fd_add(int fd, GIOCondition cond, GUnixFDSourceFunc fn,
                        gpointer data)
{
    guint id = g_unix_fd_add(fd, cond, fn, data);

    g_source_set_can_recurse(g_main_context_find_source_by_id(NULL, id), TRUE);
    return id;
}

void chr_update_watches(Chardev *chr)
{
    /*
     * a peer whose output backlog is over the bound is not read, nor one
     * that cannot take output any more (its connection is being dropped),
     * nor one whose front end paused its input
     */
    bool want_in = chr->ops && chr->connected && chr->fd_in >= 0 &&
                   !chr->out_throttled && !chr->out_dead && !chr->in_paused;
    bool want_listen = chr->listen_fd >= 0 && !chr->connected;

    if (want_in && !chr->in_watch) {
        chr->in_watch = chr_fd_add(chr->fd_in, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                   chr_read_cb, chr);
    } else if (!want_in && chr->in_watch) {
        g_source_remove(chr->in_watch);
        chr->in_watch = 0;
    }
    if (want_listen && !chr->listen_watch) {
        chr->listen_watch = g_unix_fd_add(chr->listen_fd, G_IO_IN,
                                          chr_accept_cb, chr);
    } else if (!want_listen && chr->listen_watch) {
        g_source_remove(chr->listen_watch);
        chr->listen_watch = 0;
    }
}

void chr_attach_connection(Chardev *chr, int fd)
{
    chr->fd_in = chr->fd_out = fd;
    chr->owns_fds = true;
    chr->connected = true;
    chr_out_attach(chr, true);
    chr_update_watches(chr);
    chr_event(chr, CHR_EVENT_OPENED);
}

void qemu_chr_fe_disconnect(Chardev *chr)
{
    if (chr->connected && chr->owns_fds) {
        chr_drop_connection(chr);
    }
}

/*
 * A terminal takes what fits in its buffer, and polling it says only that
 * something fits: a write of more blocks until someone reads the
 * terminal. Its O_NONBLOCK flag cannot be set on stdout, which the shell
 * and stderr share. So the terminal is opened again, a description of
 * our own that is non-blocking, and output is queued as for a socket.
 * Where that fails (no /proc), stdout is polled as a pipe is.
 */
static void chr_stdio_reopen_tty(Chardev *chr)
{
    int fd;

    if (!isatty(STDOUT_FILENO)) {
        return;
    }
    fd = open("/proc/self/fd/1", O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0 && isatty(fd)) {
        chr->fd_out = fd;
        chr->out_reopened = true;
    } else if (fd >= 0) {
        close(fd);
    }
}

static struct termios stdio_saved_tty;
static bool stdio_tty_changed;

static void chr_stdio_restore_tty(void)
{
    if (stdio_tty_changed) {
        tcsetattr(STDIN_FILENO, TCSANOW, &stdio_saved_tty);
    }
}

/*
 * A terminal on stdin is put in raw mode, as QEMU does: no echo, no line
 * editing, each byte at once (a monitor or the guest edits lines, and
 * the mux sees Ctrl-A). Output processing stays on. With signal=on (the
 * default) Ctrl-C still stops this process; signal=off (and "mon:stdio")
 * passes it on as a byte. The terminal is restored at exit.
 */
static bool chr_stdio_raw_tty(JsonObject *opts, Error **errp)
{
    const char *sig = chr_opt(opts, "signal");
    bool keep_signals = true;
    struct termios tty;

    if (sig && !qapi_bool_parse("signal", sig, &keep_signals, errp)) {
        return false;
    }
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &tty) < 0) {
        return true;
    }
    stdio_saved_tty = tty;
    cfmakeraw(&tty); /* then back what stays as it was: */
    tty.c_oflag |= OPOST;
    tty.c_lflag |= keep_signals ? ISIG : 0;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &tty) == 0 && !stdio_tty_changed) {
        stdio_tty_changed = true;
        atexit(chr_stdio_restore_tty);
    }
    return true;
}

bool chr_open_stdio(Chardev *chr, JsonObject *opts, Error **errp)
{
    static bool stdio_in_use;

    if (is_daemonized()) {
        error_setg(errp, "cannot use stdio with -daemonize");
        return false;
    }
    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    if (!chr_stdio_raw_tty(opts, errp)) {
        return false;
    }
    stdio_in_use = true;
    chr->is_stdio = true;
    chr->fd_in = STDIN_FILENO;
    chr->fd_out = STDOUT_FILENO;
    chr->connected = true;
    chr_stdio_reopen_tty(chr);
    /* else stdout is shared with the shell: polled, not made non-blocking */
    chr_out_attach(chr, false);
    return true;
}

bool chr_open_file(Chardev *chr, JsonObject *opts, Error **errp)
{
    const char *path = chr_opt(opts, "path");
    const char *append = chr_opt(opts, "append");
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
    int fd;

    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return false;
    }
    flags |= append && !strcmp(append, "on") ? O_APPEND : O_TRUNC;
    fd = qemu_open_fdset(path, flags, 0666); /* or /dev/fdset/N */
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    chr->fd_out = fd;
    chr->owns_fds = true;
    chr->connected = true;
    chr_out_attach(chr, false);
    return true;
}

bool chr_open_null(Chardev *chr, JsonObject *opts, Error **errp)
{
    chr->connected = true;
    return true;
}

/*
 * "vc": QEMU's text console on a graphical display. This program has no
 * display: a vc takes all output and drops it, and gives no input.
 */
bool chr_open_vc(Chardev *chr, JsonObject *opts, Error **errp)
{
    chr->connected = true;
    return true;
}

/*
 * pipe,path=P: the named pipes P.in (input) and P.out (output), or else
 * P for both (QEMU's order).
 */
bool chr_open_pipe(Chardev *chr, JsonObject *opts, Error **errp)
{
    const char *path = chr_opt(opts, "path");
    g_autofree char *in = NULL, *out = NULL;
    int fd_in, fd_out;

    if (!path) {
        error_setg(errp, "chardev: pipe: no device path given");
        return false;
    }
    in = g_strdup_printf("%s.in", path);
    out = g_strdup_printf("%s.out", path);
    fd_in = open(in, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    fd_out = open(out, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if (fd_in < 0 || fd_out < 0) {
        if (fd_in >= 0) {
            close(fd_in);
        }
        if (fd_out >= 0) {
            close(fd_out);
        }
        fd_in = fd_out = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK);
        if (fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", path);
            return false;
        }
    }
    chr->fd_in = fd_in;
    chr->fd_out = fd_out;
    chr->owns_fds = true;
    chr->connected = true;
    chr_out_attach(chr, true);
    return true;
}
