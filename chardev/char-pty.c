/*
 * Pseudo-terminal chardev (-chardev pty): the program holds the master
 * side; whoever opens the slave (/dev/pts/N, shown by query-chardev as
 * "pty:/dev/pts/N" and printed on stdout at creation) is the peer. This
 * is the back end libvirt gives a domain's <console type='pty'>.
 *
 * The slave is put in raw mode once. While nobody has it open the master
 * reports a hang-up: the chardev counts as not connected, output is
 * dropped (as in QEMU) and the master is looked at again every second
 * and before each write; once a peer has the slave open, input and
 * output go through the master as for a socket. When the peer closes
 * the slave the connection is dropped (CHR_EVENT_CLOSED) and the wait
 * for the next peer begins again.
 */
#include "qemu/osdep.h"
#include "chardev-internal.h"
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <glib-unix.h>

#define PTY_POLL_MS 1000

/* Is the slave open somewhere (no hang-up on the master)? */
static bool pty_peer_present(int master)
{
    struct pollfd pfd = { .fd = master, .events = POLLIN };

    if (poll(&pfd, 1, 0) < 0) {
        return false;
    }
    return !(pfd.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static gboolean pty_poll_cb(gpointer data)
{
    Chardev *chr = data;

    if (!chr_pty_check(chr)) {
        return G_SOURCE_CONTINUE;
    }
    chr->pty_timer = 0;
    return G_SOURCE_REMOVE;
}

bool chr_pty_check(Chardev *chr)
{
    if (chr->connected) {
        return true;
    }
    if (!pty_peer_present(chr->pty_fd)) {
        return false;
    }
    if (chr->pty_timer) {
        g_source_remove(chr->pty_timer);
        chr->pty_timer = 0;
    }
    chr_out_reset(chr);
    chr->fd_in = chr->fd_out = chr->pty_fd;
    chr->owns_fds = false; /* the master outlives each peer */
    chr->connected = true;
    chr_out_attach(chr, false); /* non-blocking since it was opened */
    chr_update_watches(chr);
    if (chr->ops && chr->ops->event) {
        chr->ops->event(chr->opaque, CHR_EVENT_OPENED);
    }
    return true;
}

void chr_pty_lost(Chardev *chr)
{
    chr->fd_out = -1; /* until the next peer: output dropped */
    if (!chr->pty_timer) {
        chr->pty_timer = g_timeout_add(PTY_POLL_MS, pty_poll_cb, chr);
    }
}

void chr_pty_close(Chardev *chr)
{
    if (chr->pty_timer) {
        g_source_remove(chr->pty_timer);
        chr->pty_timer = 0;
    }
    if (chr->pty_fd >= 0) {
        close(chr->pty_fd);
        chr->pty_fd = -1;
    }
    g_free(chr->pty_name);
    chr->pty_name = NULL;
}

/* Raw mode on the slave, so that bytes pass unchanged both ways */
static bool pty_make_raw(const char *name, Error **errp)
{
    struct termios tio;
    int fd = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);

    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to open '%s'", name);
        return false;
    }
    if (tcgetattr(fd, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(fd, TCSAFLUSH, &tio);
    }
    close(fd);
    return true;
}

bool chr_open_pty(Chardev *chr, JsonObject *opts, Error **errp)
{
    char name[64];
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);

    if (master < 0) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        return false;
    }
    if (grantpt(master) < 0 || unlockpt(master) < 0 ||
        ptsname_r(master, name, sizeof(name)) != 0) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        close(master);
        return false;
    }
    if (!pty_make_raw(name, errp)) {
        close(master);
        return false;
    }
    g_unix_set_fd_nonblocking(master, TRUE, NULL);
    chr->is_pty = true;
    chr->pty_fd = master;
    chr->pty_name = g_strdup(name);
    printf("char device redirected to %s (label %s)\n", name, chr->id);
    fflush(stdout);
    chr_pty_lost(chr); /* no peer yet */
    return true;
}
