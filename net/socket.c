/*
 * The socket, stream and dgram back ends. On a stream socket (socket,listen= /
 * connect= / fd= of a SOCK_STREAM) each frame is sent as a 4-byte
 * big-endian length and the frame; on a datagram socket (socket,udp=
 * with localaddr=, dgram, fd= of a SOCK_DGRAM) one frame is one
 * datagram. listen= takes one connection at a time and goes back to
 * listening when the peer closes it. mcast= is not implemented.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/fd-watch.h"
#include "net/net.h"
#include "qemu/bswap.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#define NET_FRAME_MAX (4096 + 65536) /* QEMU's largest frame */

typedef struct NetSocket {
    NetClientState *nc;
    int fd;        /* the data socket, -1 until connected */
    int listen_fd; /* listen=: the listening socket */
    guint watch;
    guint listen_watch;
    bool stream;
    bool connecting;              /* connect= in progress */
    struct sockaddr_storage dest; /* datagrams: where frames go */
    socklen_t dest_len;
    GByteArray *rbuf; /* stream: bytes read, not yet a whole frame */
    GByteArray *wbuf; /* stream: the rest of a frame the socket refused */
    guint out_watch;
} NetSocket;

static gboolean sock_readable(int fd, GIOCondition cond, gpointer opaque);

static void sock_watch(NetSocket *s)
{
    if (s->fd >= 0 && !s->watch) {
        s->watch = fd_watch_add(s->fd, G_IO_IN, sock_readable, s);
    }
}

static void sock_unwatch(NetSocket *s)
{
    fd_watch_remove(s->watch);
    s->watch = 0;
}

static gboolean sock_accept(int fd, GIOCondition cond, gpointer opaque);

/* The stream peer went away: close, and listen again for listen= */
static void sock_disconnect(NetSocket *s)
{
    sock_unwatch(s);
    fd_watch_remove(s->out_watch);
    s->out_watch = 0;
    g_byte_array_set_size(s->wbuf, 0);
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    g_byte_array_set_size(s->rbuf, 0);
    if (s->listen_fd >= 0 && !s->listen_watch) {
        s->listen_watch = fd_watch_add(s->listen_fd, G_IO_IN, sock_accept, s);
    }
}

/* Hand over the whole frames in rbuf while the peer takes them. */
static bool sock_deliver_stream(NetSocket *s)
{
    while (s->rbuf->len >= 4) {
        uint32_t len = ldl_be_p(s->rbuf->data);

        if (len > NET_FRAME_MAX) {
            error_report("netdev %s: frame of %u bytes refused, closing",
                         s->nc->name, len);
            sock_disconnect(s);
            return false;
        }
        if (s->rbuf->len < 4 + len) {
            return true;
        }
        if (!net_peer_can_take(s->nc)) {
            return false;
        }
        net_send(s->nc, s->rbuf->data + 4, len);
        g_byte_array_remove_range(s->rbuf, 0, 4 + len);
    }
    return true;
}

static gboolean sock_readable(int fd, GIOCondition cond, gpointer opaque)
{
    NetSocket *s = opaque;
    uint8_t buf[NET_FRAME_MAX];
    ssize_t n;

    for (int i = 0; i < 64; i++) {
        if (s->stream ? !sock_deliver_stream(s) : !net_peer_can_take(s->nc)) {
            if (s->fd >= 0) {
                s->watch = 0; /* resumed by the NIC (net_resume) */
                return G_SOURCE_REMOVE;
            }
            return G_SOURCE_REMOVE; /* disconnected */
        }
        n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return G_SOURCE_CONTINUE;
        }
        if (!s->stream) {
            if (n >= 0) {
                net_send(s->nc, buf, n);
            }
            continue;
        }
        if (n <= 0) {
            s->watch = 0;
            sock_disconnect(s);
            return G_SOURCE_REMOVE;
        }
        g_byte_array_append(s->rbuf, buf, n);
    }
    return G_SOURCE_CONTINUE;
}

static gboolean sock_accept(int fd, GIOCondition cond, gpointer opaque)
{
    NetSocket *s = opaque;
    int c = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

    if (c < 0) {
        return G_SOURCE_CONTINUE;
    }
    s->fd = c;
    s->listen_watch = 0;
    sock_watch(s);
    return G_SOURCE_REMOVE; /* one connection at a time */
}

static gboolean sock_connected(int fd, GIOCondition cond, gpointer opaque)
{
    NetSocket *s = opaque;
    int err = 0;
    socklen_t l = sizeof(err);

    s->watch = 0;
    s->connecting = false;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &l);
    if (err) {
        error_report("netdev %s: connect failed: %s", s->nc->name,
                     strerror(err));
        close(s->fd);
        s->fd = -1;
        return G_SOURCE_REMOVE;
    }
    sock_watch(s);
    return G_SOURCE_REMOVE;
}

/* Send what wbuf holds; false: the connection failed. */
static bool sock_flush(NetSocket *s)
{
    while (s->wbuf->len) {
        ssize_t n = send(s->fd, s->wbuf->data, s->wbuf->len,
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return true;
        }
        if (n <= 0) {
            return false;
        }
        g_byte_array_remove_range(s->wbuf, 0, n);
    }
    return true;
}

static gboolean sock_writable(int fd, GIOCondition cond, gpointer opaque)
{
    NetSocket *s = opaque;

    if (!sock_flush(s)) {
        s->out_watch = 0;
        sock_disconnect(s);
        return G_SOURCE_REMOVE;
    }
    if (s->wbuf->len) {
        return G_SOURCE_CONTINUE;
    }
    s->out_watch = 0;
    return G_SOURCE_REMOVE;
}

static bool sock_receive(NetClientState *nc, const uint8_t *buf, size_t len)
{
    NetSocket *s = nc->opaque;

    if (s->fd < 0 || s->connecting) {
        return false; /* not connected: dropped */
    }
    if (s->stream) {
        uint8_t hdr[4];

        if (s->wbuf->len) {
            return false; /* the peer is not reading: dropped */
        }
        stl_be_p(hdr, len);
        g_byte_array_append(s->wbuf, hdr, 4);
        g_byte_array_append(s->wbuf, buf, len);
        if (!sock_flush(s)) {
            sock_disconnect(s);
            return false;
        }
        if (s->wbuf->len && !s->out_watch) {
            s->out_watch = fd_watch_add(s->fd, G_IO_OUT, sock_writable, s);
        }
        return true;
    }
    if (s->dest_len) {
        return sendto(s->fd, buf, len, MSG_DONTWAIT,
                      (struct sockaddr *)&s->dest, s->dest_len) == len;
    }
    return send(s->fd, buf, len, MSG_DONTWAIT) == len;
}

static void sock_resume(NetClientState *nc)
{
    NetSocket *s = nc->opaque;

    if (s->fd >= 0 && !s->connecting && !s->watch) {
        if (!s->stream || sock_deliver_stream(s)) {
            sock_watch(s);
        }
    }
}

static void sock_cleanup(NetClientState *nc)
{
    NetSocket *s = nc->opaque;

    sock_unwatch(s);
    fd_watch_remove(s->out_watch);
    fd_watch_remove(s->listen_watch);
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
    }
    g_byte_array_unref(s->rbuf);
    g_byte_array_unref(s->wbuf);
    g_free(s);
}

static const NetClientOps socket_ops = {
    .type = "socket",
    .receive = sock_receive,
    .resume = sock_resume,
    .cleanup = sock_cleanup,
};

/* "host:port" (host may be empty: any) as an IPv4 address */
static bool parse_host_port(const char *str, struct sockaddr_in *sa,
                            Error **errp)
{
    const char *colon = strrchr(str, ':');
    g_autofree char *host = NULL;
    struct addrinfo hints = { .ai_family = AF_INET }, *res = NULL;
    char *end;
    long port;

    if (!colon) {
        error_setg(errp,
                   "host address '%s' doesn't contain ':' separating "
                   "host from port",
                   str);
        return false;
    }
    host = g_strndup(str, colon - str);
    port = strtol(colon + 1, &end, 10);
    if (!colon[1] || *end || port < 0 || port > 65535) {
        error_setg(errp, "port number '%s' is invalid", colon + 1);
        return false;
    }
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    if (!*host) {
        sa->sin_addr.s_addr = htonl(INADDR_ANY);
        return true;
    }
    if (getaddrinfo(host, NULL, &hints, &res) || !res) {
        error_setg(errp, "can't resolve host address '%s'", host);
        return false;
    }
    sa->sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
    freeaddrinfo(res);
    return true;
}

static NetSocket *sock_state(const char *id, int fd, bool stream)
{
    NetSocket *s = g_new0(NetSocket, 1);

    s->fd = fd;
    s->listen_fd = -1;
    s->stream = stream;
    s->rbuf = g_byte_array_new();
    s->wbuf = g_byte_array_new();
    s->nc = net_client_new(&socket_ops, id, s);
    return s;
}

static int new_socket(int type)
{
    return socket(AF_INET, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
}

static NetClientState *sock_listen_sa(const char *id,
                                      const struct sockaddr_storage *ss,
                                      socklen_t len, Error **errp)
{
    NetSocket *s;
    int fd, one = 1;

    fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (ss->ss_family == AF_INET) {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    }
    if (fd < 0 || bind(fd, (const struct sockaddr *)ss, len) || listen(fd, 1)) {
        if (ss->ss_family == AF_INET) {
            error_setg_errno(errp, errno, "can't bind ip=%s to socket",
                             inet_ntoa(
                                 ((const struct sockaddr_in *)ss)->sin_addr));
        } else {
            error_setg_errno(errp, errno, "can't bind the socket");
        }
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    s = sock_state(id, -1, true);
    s->listen_fd = fd;
    s->listen_watch = fd_watch_add(fd, G_IO_IN, sock_accept, s);
    return s->nc;
}

static NetClientState *sock_connect_sa(const char *id,
                                       const struct sockaddr_storage *ss,
                                       socklen_t len, Error **errp)
{
    NetSocket *s;
    int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
                    0);
    int err = fd < 0 ? errno : 0;

    if (fd >= 0 && connect(fd, (const struct sockaddr *)ss, len)) {
        err = errno;
    }
    if (err && err != EINPROGRESS) {
        error_setg_errno(errp, err, "can't connect socket");
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    s = sock_state(id, fd, true);
    if (err == EINPROGRESS) {
        s->connecting = true;
        s->watch = fd_watch_add(fd, G_IO_OUT, sock_connected, s);
    } else {
        sock_watch(s);
    }
    return s->nc;
}

static NetClientState *sock_listen(const char *id, const char *addr,
                                   Error **errp)
{
    struct sockaddr_storage ss;

    if (!parse_host_port(addr, (struct sockaddr_in *)&ss, errp)) {
        return NULL;
    }
    return sock_listen_sa(id, &ss, sizeof(struct sockaddr_in), errp);
}

static NetClientState *sock_connect(const char *id, const char *addr,
                                    Error **errp)
{
    struct sockaddr_storage ss;

    if (!parse_host_port(addr, (struct sockaddr_in *)&ss, errp)) {
        return NULL;
    }
    return sock_connect_sa(id, &ss, sizeof(struct sockaddr_in), errp);
}

static NetClientState *sock_udp(const char *id, const char *remote,
                                const char *local, Error **errp)
{
    struct sockaddr_in rsa, lsa;
    NetSocket *s;
    int fd, one = 1;

    if (!parse_host_port(remote, &rsa, errp) ||
        !parse_host_port(local, &lsa, errp)) {
        return NULL;
    }
    fd = new_socket(SOCK_DGRAM);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&lsa, sizeof(lsa))) {
        error_setg_errno(errp, errno, "can't bind ip=%s to socket",
                         inet_ntoa(lsa.sin_addr));
        close(fd);
        return NULL;
    }
    s = sock_state(id, fd, false);
    memcpy(&s->dest, &rsa, sizeof(rsa));
    s->dest_len = sizeof(rsa);
    sock_watch(s);
    return s->nc;
}

static NetClientState *sock_fd(const char *id, const char *str, Error **errp)
{
    char *end;
    long fd = strtol(str, &end, 10);
    int type = 0;
    socklen_t l = sizeof(type);
    NetSocket *s;

    if (!*str || *end || fd < 0 || fd > INT_MAX) {
        error_setg(errp, "Invalid file descriptor number '%s'", str);
        return NULL;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l)) {
        error_setg(errp, "%s: Can't use file descriptor %s: %s", id, str,
                   strerror(errno));
        return NULL;
    }
    if (type != SOCK_STREAM && type != SOCK_DGRAM) {
        error_setg(errp,
                   "socket type=%d for fd=%ld must be either "
                   "SOCK_DGRAM or SOCK_STREAM",
                   type, fd);
        return NULL;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    s = sock_state(id, fd, type == SOCK_STREAM);
    sock_watch(s);
    return s->nc;
}

NetClientState *net_socket_new(const char *id, JsonObject *opts, Error **errp)
{
    static const char *const allowed[] = { "fd",    "listen", "connect",
                                           "mcast", "udp",    "localaddr",
                                           NULL };
    const char *fd = net_opt_str(opts, "fd");
    const char *lis = net_opt_str(opts, "listen");
    const char *con = net_opt_str(opts, "connect");
    const char *mcast = net_opt_str(opts, "mcast");
    const char *udp = net_opt_str(opts, "udp");
    const char *local = net_opt_str(opts, "localaddr");

    if (!net_opt_check(opts, allowed, errp)) {
        return NULL;
    }
    if (!!fd + !!lis + !!con + !!mcast + !!udp != 1) {
        error_setg(errp, "exactly one of listen=, connect=, mcast= or udp= "
                         "is required");
        return NULL;
    }
    if (local && !mcast && !udp) {
        error_setg(errp, "localaddr= is only valid with mcast= or udp=");
        return NULL;
    }
    if (fd) {
        return sock_fd(id, fd, errp);
    }
    if (lis) {
        return sock_listen(id, lis, errp);
    }
    if (con) {
        return sock_connect(id, con, errp);
    }
    if (mcast) {
        error_setg(errp, "mcast= is not supported by this program");
        return NULL;
    }
    if (!local) {
        error_setg(errp, "localaddr= is mandatory with udp=");
        return NULL;
    }
    return sock_udp(id, udp, local, errp);
}

/* ---- dgram: local= / remote= as SocketAddress (inet or unix) ---- */

static bool dgram_addr(JsonObject *opts, const char *key,
                       struct sockaddr_storage *ss, socklen_t *len,
                       Error **errp)
{
    JsonNode *n = json_object_get_member(opts, key);
    JsonObject *a = n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n)
                                                   : NULL;
    const char *type = a ? net_opt_str(a, "type") : NULL;

    if (!a || !type) {
        error_setg(errp, "Parameter '%s.type' is missing", key);
        return false;
    }
    if (!strcmp(type, "inet")) {
        const char *host = net_opt_str(a, "host");
        const char *port = net_opt_str(a, "port");
        g_autofree char *hp = NULL;

        if (!host || !port) {
            error_setg(errp, "Parameter '%s.%s' is missing", key,
                       host ? "port" : "host");
            return false;
        }
        hp = g_strdup_printf("%s:%s", host, port);
        *len = sizeof(struct sockaddr_in);
        return parse_host_port(hp, (struct sockaddr_in *)ss, errp);
    }
    if (!strcmp(type, "unix")) {
        struct sockaddr_un *su = (struct sockaddr_un *)ss;
        const char *path = net_opt_str(a, "path");

        if (!path) {
            error_setg(errp, "Parameter '%s.path' is missing", key);
            return false;
        }
        if (strlen(path) >= sizeof(su->sun_path)) {
            error_setg(errp, "UNIX socket path '%s' is too long", path);
            return false;
        }
        memset(su, 0, sizeof(*su));
        su->sun_family = AF_UNIX;
        strcpy(su->sun_path, path);
        *len = sizeof(*su);
        return true;
    }
    error_setg(errp,
               "Parameter '%s.type' does not accept value '%s' "
               "with this program (inet, unix)",
               key, type);
    return false;
}

NetClientState *net_dgram_new(const char *id, JsonObject *opts, Error **errp)
{
    static const char *const allowed[] = { "local", "remote", NULL };
    struct sockaddr_storage lss, rss;
    socklen_t llen, rlen;
    NetSocket *s;
    int fd, one = 1;

    if (!net_opt_check(opts, allowed, errp)) {
        return NULL;
    }
    if (!json_object_has_member(opts, "local")) {
        error_setg(errp, "dgram requires local= parameter");
        return NULL;
    }
    if (!dgram_addr(opts, "local", &lss, &llen, errp)) {
        return NULL;
    }
    if (!json_object_has_member(opts, "remote")) {
        error_setg(errp, "type=inet or type=unix requires remote parameter");
        return NULL;
    }
    if (!dgram_addr(opts, "remote", &rss, &rlen, errp)) {
        return NULL;
    }
    if (lss.ss_family != rss.ss_family) {
        error_setg(errp, "local and remote must be of the same type");
        return NULL;
    }
    fd = socket(lss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (lss.ss_family == AF_INET) {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    }
    if (fd < 0 || bind(fd, (struct sockaddr *)&lss, llen)) {
        error_setg_errno(errp, errno, "can't bind the local address");
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    s = sock_state(id, fd, false);
    memcpy(&s->dest, &rss, rlen);
    s->dest_len = rlen;
    sock_watch(s);
    return s->nc;
}

/* ---- stream: server=on|off, addr= as SocketAddress (inet or unix) ---- */

NetClientState *net_stream_new(const char *id, JsonObject *opts, Error **errp)
{
    static const char *const allowed[] = { "server", "addr", NULL };
    struct sockaddr_storage ss;
    socklen_t len;
    bool server = false;

    if (!net_opt_check(opts, allowed, errp) ||
        !net_opt_bool(opts, "server", &server, errp)) {
        return NULL;
    }
    if (!json_object_has_member(opts, "addr")) {
        error_setg(errp, "Parameter 'addr' is missing");
        return NULL;
    }
    if (!dgram_addr(opts, "addr", &ss, &len, errp)) {
        return NULL;
    }
    if (server) {
        return sock_listen_sa(id, &ss, len, errp);
    }
    return sock_connect_sa(id, &ss, len, errp);
}
