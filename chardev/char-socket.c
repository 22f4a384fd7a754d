/*
 * Unix socket chardev: server (path=, server=on, wait=), client (path=),
 * or an inherited descriptor (fd=: a listening one, or a connected one
 * without server=on).
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "chardev-internal.h"
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

static bool make_addr(const char *path, struct sockaddr_un *sa, Error **errp)
{
    memset(sa, 0, sizeof(*sa));
    sa->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", path);
        return false;
    }
    strcpy(sa->sun_path, path);
    return true;
}

static int unix_listen(const char *path, Error **errp)
{
    struct sockaddr_un sa;
    int fd;

    if (!make_addr(path, &sa, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create Unix socket");
        return -1;
    }
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        error_setg_errno(errp, errno, "Failed to bind socket to %s", path);
        close(fd);
        return -1;
    }
    if (listen(fd, 1) < 0) {
        error_setg_errno(errp, errno, "Failed to listen on socket");
        close(fd);
        return -1;
    }
    return fd;
}

static int unix_connect(const char *path, Error **errp)
{
    struct sockaddr_un sa;
    int fd;

    if (!make_addr(path, &sa, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create Unix socket");
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        error_setg_errno(errp, errno, "Failed to connect to '%s'", path);
        close(fd);
        return -1;
    }
    return fd;
}

static bool parse_flag(JsonObject *opts, const char *name, bool def, bool *val,
                       Error **errp)
{
    const char *s = chr_opt(opts, name);

    *val = def;
    return !s || qapi_bool_parse(name, s, val, errp);
}

/* fd=N: an inherited socket, either listening or already connected. */
static bool open_fd(Chardev *chr, const char *str, bool wait, Error **errp)
{
    int64_t fd;
    int listening = 0;
    socklen_t len = sizeof(listening);

    if (qemu_strtoi64(str, NULL, 10, &fd) < 0 || fd < 0 || fd > INT_MAX) {
        error_setg(errp, "Unable to parse FD number %s", str);
        return false;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0) {
        error_setg(errp, "File descriptor '%s' is not a socket", str);
        return false;
    }
    if (listening) {
        chr->listen_fd = fd;
        return true;
    }
    if (chr->is_server) {
        /* as QEMU: a server listens on the descriptor, which must let it */
        error_setg_errno(errp, EINVAL, "Failed to listen on fd socket");
        return false;
    }
    chr_attach_connection(chr, fd);
    return true;
}

static bool wait_for_client(Chardev *chr, const char *path)
{
    int cfd;

    info_report(
        "QEMU waiting for connection on: disconnected:unix:%s,server=on", path);
    do {
        cfd = accept4(chr->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    } while (cfd < 0 && errno == EINTR);
    if (cfd < 0) {
        return false;
    }
    chr_attach_connection(chr, cfd);
    return true;
}

bool chr_open_socket(Chardev *chr, JsonObject *opts, Error **errp)
{
    const char *path = chr_opt(opts, "path");
    const char *fdstr = chr_opt(opts, "fd");
    bool server, wait;
    int fd;

    if (!parse_flag(opts, "server", false, &server, errp) ||
        !parse_flag(opts, "wait", true, &wait, errp)) {
        return false;
    }
    if (chr_opt(opts, "host") || chr_opt(opts, "port")) {
        error_setg(
            errp,
            "chardev: socket: TCP sockets (host=, port=) are not supported by this build");
        return false;
    }
    if (path && fdstr) {
        error_setg(errp,
                   "None or one of 'path', 'fd' or 'host' option required.");
        return false;
    }
    chr->is_server = server;
    chr->sock_path = g_strdup(path);
    if (!path) {
        return open_fd(chr, fdstr ? fdstr : "", wait, errp);
    }
    if (!server) {
        fd = unix_connect(path, errp);
        if (fd < 0) {
            return false;
        }
        chr_attach_connection(chr, fd);
        return true;
    }
    chr->listen_fd = unix_listen(path, errp);
    if (chr->listen_fd < 0) {
        return false;
    }
    chr->unlink_path = g_strdup(path);
    if (wait && !wait_for_client(chr, path)) {
        error_setg_errno(errp, errno, "Failed to accept a connection");
        return false;
    }
    chr_update_watches(chr);
    return true;
}

/* The unix path @fd is bound to (local) or connected to (peer); "" none */
static char *sock_name(int fd, bool peer)
{
    struct sockaddr_un sa = { 0 };
    socklen_t len = sizeof(sa);
    int r = peer ? getpeername(fd, (struct sockaddr *)&sa, &len)
                 : getsockname(fd, (struct sockaddr *)&sa, &len);

    if (r < 0 || sa.sun_family != AF_UNIX ||
        len <= offsetof(struct sockaddr_un, sun_path)) {
        return g_strdup("");
    }
    return g_strndup(sa.sun_path, len - offsetof(struct sockaddr_un, sun_path));
}

/*
 * As QEMU: a connection is named by its local address ("unix:PATH", with
 * ",server=on" for a server; a client's local end has no path), a
 * socket without one by the address it listens on or connects to,
 * prefixed "disconnected:".
 */
char *chr_socket_filename(Chardev *chr)
{
    const char *srv = chr->is_server ? ",server=on" : "";
    g_autofree char *path = NULL;

    if (chr->connected && chr->fd_in >= 0) {
        path = sock_name(chr->fd_in, false);
        return g_strdup_printf("unix:%s%s", path, srv);
    }
    if (chr->listen_fd >= 0) {
        path = sock_name(chr->listen_fd, false);
    } else {
        path = g_strdup(chr->sock_path ? chr->sock_path : "");
    }
    return g_strdup_printf("disconnected:unix:%s%s", path, srv);
}
