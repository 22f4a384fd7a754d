/*
 * Chardev output: never blocks the main loop. What the peer does not take
 * at once waits in a per-chardev queue and goes out when the descriptor is
 * writable (a G_IO_OUT watch). While the queue holds more than
 * CHR_OUT_HIGH bytes the chardev reads no input from that peer, so a peer
 * that sends but does not read only stalls itself; input resumes, and the
 * front end's drained() runs, once the queue is down to CHR_OUT_LOW.
 * When a write fails the connection is dropped (chr_out_fail()).
 */
#include "qemu/osdep.h"
#include "chardev-internal.h"
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sys/stat.h>
#include <glib-unix.h>

static bool fd_is_nonblocking(int fd)
{
    int fl = fcntl(fd, F_GETFL);

    return fl >= 0 && (fl & O_NONBLOCK);
}

void chr_out_attach(Chardev *chr, bool make_nonblocking)
{
    struct stat st;

    if (chr->fd_out < 0) {
        return;
    }
    if (make_nonblocking) {
        g_unix_set_fd_nonblocking(chr->fd_out, TRUE, NULL);
    }
    chr->out_nonblock = fd_is_nonblocking(chr->fd_out);
    chr->out_regular = fstat(chr->fd_out, &st) == 0 && S_ISREG(st.st_mode);
    chr->out_dead = false;
}

/*
 * Write what fd_out takes now from @p. A descriptor we may not make
 * non-blocking (stdout shared with the shell: a pipe; a terminal only when
 * it could not be opened again, see chr_stdio_reopen_tty()) is first polled
 * and given at most PIPE_BUF bytes, which a writable pipe takes
 * without blocking. Returns the bytes written, or -1 on a write error.
 */
static ssize_t chr_out_try(Chardev *chr, const uint8_t *p, size_t len)
{
    size_t done = 0;

    while (done < len) {
        size_t n = len - done;
        ssize_t w;

        if (!chr->out_nonblock && !chr->out_regular) {
            struct pollfd pfd = { .fd = chr->fd_out, .events = POLLOUT };

            if (poll(&pfd, 1, 0) <= 0) {
                break;
            }
            if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) {
                return -1; /* the reader is gone: no POLLOUT will come */
            }
            if (!(pfd.revents & POLLOUT)) {
                break;
            }
            n = MIN(n, PIPE_BUF);
        }
        w = write(chr->fd_out, p + done, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        }
        if (w <= 0) {
            return -1;
        }
        done += w;
    }
    return done;
}

static gboolean chr_out_drop_cb(gpointer data)
{
    Chardev *chr = data;

    chr->drop_idle = 0;
    chr_drop_connection(chr);
    return G_SOURCE_REMOVE;
}

/*
 * The peer cannot take output any more: forget what is queued, read no
 * more input from it, and drop the connection, so that the front end
 * resets (what it held back for the peer goes) and a server takes the
 * next client. The drop runs from the main loop, not inside the front
 * end's write that failed.
 */
static void chr_out_fail(Chardev *chr)
{
    chr->out_dead = true;
    g_byte_array_set_size(chr->outq, 0);
    chr->out_throttled = false;
    chr_update_watches(chr);
    if (!chr->drop_idle) {
        chr->drop_idle = g_idle_add(chr_out_drop_cb, chr);
    }
}

static gboolean chr_out_cb(int fd, GIOCondition cond, gpointer data);

static void chr_out_watch(Chardev *chr)
{
    if (!chr->out_watch && chr->outq->len && chr->fd_out >= 0) {
        chr->out_watch = g_unix_fd_add(chr->fd_out,
                                       G_IO_OUT | G_IO_ERR | G_IO_HUP,
                                       chr_out_cb, chr);
    }
}

static void chr_out_check_drained(Chardev *chr)
{
    if (chr->out_throttled && chr->outq->len <= CHR_OUT_LOW) {
        chr->out_throttled = false;
        chr_update_watches(chr);
        if (chr->ops && chr->ops->drained) {
            chr->ops->drained(chr->opaque);
        }
    }
}

static gboolean chr_out_cb(int fd, GIOCondition cond, gpointer data)
{
    Chardev *chr = data;
    ssize_t n = chr_out_try(chr, chr->outq->data, chr->outq->len);
    bool keep;

    if (n < 0) {
        chr->out_watch = 0;
        chr_out_fail(chr);
        return G_SOURCE_REMOVE;
    }
    g_byte_array_remove_range(chr->outq, 0, n);
    keep = chr->outq->len > 0;
    if (!keep) {
        chr->out_watch = 0;
        if (chr->out_peak > CHR_OUT_LOW) {
            /* give back what a large backlog grew the queue to */
            g_byte_array_free(chr->outq, TRUE);
            chr->outq = g_byte_array_new();
            chr->out_peak = 0;
        }
    }
    chr_out_check_drained(chr);
    return keep ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

ssize_t qemu_chr_fe_write_all(Chardev *chr, const void *buf, size_t len)
{
    ssize_t n = 0;

    if (chr->mux) {
        return chr_mux_write(chr, buf, len);
    }
    if (chr->is_pty) {
        chr_pty_check(chr); /* a peer that opened the slave gets this */
    }
    if (chr->fd_out < 0 || chr->out_dead) {
        return chr->out_dead ? -EPIPE : (ssize_t)len;
    }
    if (!chr->outq->len) {
        n = chr_out_try(chr, buf, len);
        if (n < 0) {
            chr_out_fail(chr);
            return -EPIPE;
        }
    }
    if ((size_t)n < len) {
        g_byte_array_append(chr->outq, (const guint8 *)buf + n, len - n);
        chr->out_peak = MAX(chr->out_peak, chr->outq->len);
        chr_out_watch(chr);
        if (!chr->out_throttled && chr->outq->len >= CHR_OUT_HIGH) {
            chr->out_throttled = true;
            chr_update_watches(chr);
        }
    }
    return len;
}

bool qemu_chr_fe_throttled(Chardev *chr)
{
    return chr_io(chr)->out_throttled;
}

size_t qemu_chr_fe_backlog(Chardev *chr)
{
    return chr_io(chr)->outq->len;
}

void qemu_chr_fe_hang_up(Chardev *chr)
{
    chr = chr_io(chr);
    if (chr->connected && !chr->out_dead) {
        if (chr->out_watch) {
            g_source_remove(chr->out_watch);
            chr->out_watch = 0;
        }
        chr_out_fail(chr);
    }
}

void chr_out_reset(Chardev *chr)
{
    if (chr->out_watch) {
        g_source_remove(chr->out_watch);
        chr->out_watch = 0;
    }
    if (chr->drop_idle) {
        g_source_remove(chr->drop_idle);
        chr->drop_idle = 0;
    }
    g_byte_array_set_size(chr->outq, 0);
    chr->out_throttled = false;
    chr->out_dead = false;
}

void chr_out_flush_now(Chardev *chr)
{
    ssize_t n;

    if (chr->fd_out < 0 || chr->out_dead || !chr->outq->len) {
        return;
    }
    n = chr_out_try(chr, chr->outq->data, chr->outq->len);
    if (n > 0) {
        g_byte_array_remove_range(chr->outq, 0, n);
    }
}
