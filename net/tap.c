/*
 * The tap back end: a Linux tap queue, either opened here on
 * /dev/net/tun (ifname=, or a name the kernel picks) or passed in
 * (fd=, as libvirt does). Opened here it asks for IFF_TAP | IFF_NO_PI
 * | IFF_VNET_HDR, as QEMU does; with a virtio-net header on the queue
 * (12 bytes, TUNSETVNETHDRSZ) the header is added to each frame written
 * and removed from each frame read: no offloads are enabled on the queue
 * (TUNSETOFFLOAD 0), so it is all zeros. Interface scripts are not run
 * (script= / downscript= must be no or absent), vhost is refused.
 */
#include "qemu/osdep.h"
#include "qemu/fd-watch.h"
#include "net/net.h"
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/uio.h>

#define TAP_HDR_LEN   12
#define TAP_FRAME_MAX (4096 + 65536 + TAP_HDR_LEN)

typedef struct NetTap {
    NetClientState *nc;
    int fd;
    guint watch;
    unsigned hdr_len; /* 0 or TAP_HDR_LEN */
    char ifname[IFNAMSIZ];
} NetTap;

static gboolean tap_readable(int fd, GIOCondition cond, gpointer opaque)
{
    NetTap *t = opaque;
    uint8_t buf[TAP_FRAME_MAX];

    for (int i = 0; i < 64; i++) {
        ssize_t n;

        if (!net_peer_can_take(t->nc)) {
            t->watch = 0;
            return G_SOURCE_REMOVE; /* net_resume() watches again */
        }
        n = read(fd, buf, sizeof(buf));
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return G_SOURCE_CONTINUE;
        }
        if (n <= 0) {
            t->watch = 0;
            return G_SOURCE_REMOVE; /* the interface went away */
        }
        if (n > t->hdr_len) {
            net_send(t->nc, buf + t->hdr_len, n - t->hdr_len);
        }
    }
    return G_SOURCE_CONTINUE;
}

static bool tap_receive(NetClientState *nc, const uint8_t *buf, size_t len)
{
    NetTap *t = nc->opaque;
    uint8_t hdr[TAP_HDR_LEN] = { 0 };
    struct iovec iov[2] = {
        { .iov_base = hdr, .iov_len = t->hdr_len },
        { .iov_base = (void *)buf, .iov_len = len },
    };

    return writev(t->fd, iov, 2) == (ssize_t)(t->hdr_len + len);
}

static void tap_resume(NetClientState *nc)
{
    NetTap *t = nc->opaque;

    if (!t->watch) {
        t->watch = fd_watch_add(t->fd, G_IO_IN, tap_readable, t);
    }
}

static void tap_cleanup(NetClientState *nc)
{
    NetTap *t = nc->opaque;

    fd_watch_remove(t->watch);
    close(t->fd);
    g_free(t);
}

static const NetClientOps tap_ops = {
    .type = "tap",
    .receive = tap_receive,
    .resume = tap_resume,
    .cleanup = tap_cleanup,
};

/* Open a tap queue named @ifname (NULL: the kernel's choice). */
static int tap_open(const char *ifname, char *name_out, bool *vnet_hdr,
                    Error **errp)
{
    struct ifreq ifr = { 0 };
    unsigned int features = 0;
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

    if (fd < 0) {
        error_setg_errno(errp, errno, "could not open %s", "/dev/net/tun");
        return -1;
    }
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (!ioctl(fd, TUNGETFEATURES, &features) && (features & IFF_VNET_HDR)) {
        ifr.ifr_flags |= IFF_VNET_HDR;
    }
    if (ifname && *ifname) {
        g_strlcpy(ifr.ifr_name, ifname, IFNAMSIZ);
    } else {
        g_strlcpy(ifr.ifr_name, "tap%d", IFNAMSIZ);
    }
    if (ioctl(fd, TUNSETIFF, &ifr)) {
        error_setg_errno(errp, errno, "could not configure %s (%s)",
                         "/dev/net/tun", ifr.ifr_name);
        close(fd);
        return -1;
    }
    g_strlcpy(name_out, ifr.ifr_name, IFNAMSIZ);
    *vnet_hdr = ifr.ifr_flags & IFF_VNET_HDR;
    return fd;
}

static bool script_ok(JsonObject *opts, const char *key, Error **errp)
{
    const char *v = net_opt_str(opts, key);

    if (v && *v && strcmp(v, "no")) {
        error_setg(errp,
                   "%s=%s: interface scripts are not run by this "
                   "program (use %s=no)",
                   key, v, key);
        return false;
    }
    return true;
}

NetClientState *net_tap_new(const char *id, JsonObject *opts, Error **errp)
{
    static const char *const allowed[] = { "ifname",     "fd",    "script",
                                           "downscript", "vhost", "vnet_hdr",
                                           "sndbuf",     NULL };
    const char *ifname = net_opt_str(opts, "ifname");
    const char *fdstr = net_opt_str(opts, "fd");
    bool vhost = false, vnet_hdr = true, has_hdr = false;
    char name[IFNAMSIZ] = "";
    unsigned int flags = 0;
    int fd;
    NetTap *t;

    if (!net_opt_check(opts, allowed, errp) ||
        !net_opt_bool(opts, "vhost", &vhost, errp) ||
        !net_opt_bool(opts, "vnet_hdr", &vnet_hdr, errp)) {
        return NULL;
    }
    if (vhost) {
        error_setg(errp, "vhost=on is not supported by this program");
        return NULL;
    }
    if (fdstr) {
        char *end;
        long v = strtol(fdstr, &end, 10);
        struct ifreq ifr = { 0 };

        if (ifname || json_object_has_member(opts, "script") ||
            json_object_has_member(opts, "downscript")) {
            error_setg(errp, "ifname=, script=, downscript=, vnet_hdr=, "
                             "helper=, queues=, fds=, and vhostfds= are "
                             "invalid with fd=");
            return NULL;
        }
        if (!*fdstr || *end || v < 0 || v > INT_MAX) {
            error_setg(errp, "Invalid file descriptor number '%s'", fdstr);
            return NULL;
        }
        if (fcntl(v, F_GETFD) < 0) {
            error_setg(errp, "%s: Can't use file descriptor %s: %s", id, fdstr,
                       strerror(EBADF));
            return NULL;
        }
        fd = v;
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        if (!ioctl(fd, TUNGETIFF, &ifr)) {
            flags = ifr.ifr_flags;
            g_strlcpy(name, ifr.ifr_name, IFNAMSIZ);
        }
        has_hdr = flags & IFF_VNET_HDR;
    } else {
        if (!script_ok(opts, "script", errp) ||
            !script_ok(opts, "downscript", errp)) {
            return NULL;
        }
        fd = tap_open(ifname, name, &has_hdr, errp);
        if (fd < 0) {
            return NULL;
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    t = g_new0(NetTap, 1);
    t->fd = fd;
    g_strlcpy(t->ifname, name, IFNAMSIZ);
    if (has_hdr) {
        int sz = TAP_HDR_LEN;

        /* no offloads: the kernel hands over whole, checksummed frames */
        ioctl(fd, TUNSETOFFLOAD, 0);
        t->hdr_len = ioctl(fd, TUNSETVNETHDRSZ, &sz) ? 10 : TAP_HDR_LEN;
    }
    t->nc = net_client_new(&tap_ops, id, t);
    t->watch = fd_watch_add(fd, G_IO_IN, tap_readable, t);
    return t->nc;
}
