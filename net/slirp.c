/*
 * The user back end over libslirp (built when meson finds it): a
 * user-mode IPv4/IPv6 stack with QEMU's default addresses (network
 * 10.0.2.0/24, host 10.0.2.2, DHCP from 10.0.2.15, DNS 10.0.2.3; IPv6
 * prefix fec0::/64, host fec0::2, DNS fec0::3), hostfwd= rules. Its descriptors are
 * polled by one GLib source; its timers are GLib timeouts on the host's
 * monotonic clock. Frames slirp sends while the card has no receive
 * buffer wait in a queue of at most USER_QUEUE_MAX frames (older ones
 * are kept, newer ones dropped), as QEMU's queue does for a back end
 * that cannot stop reading.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "net/net.h"
#include <arpa/inet.h>
#include <slirp/libslirp.h>

#define USER_QUEUE_MAX 256

typedef struct NetUser {
    NetClientState *nc;
    Slirp *slirp;
    GSource *src;
    GPtrArray *polls; /* GPollFD *, the descriptors of this iteration */
    GQueue held;      /* GBytes *, frames for the card */
} NetUser;

typedef struct UserSource {
    GSource base;
    NetUser *u;
} UserSource;

typedef struct UserTimer {
    SlirpTimerCb cb;
    void *opaque;
    guint id;
} UserTimer;

static void user_flush(NetUser *u)
{
    while (!g_queue_is_empty(&u->held) && net_peer_can_take(u->nc)) {
        GBytes *b = g_queue_pop_head(&u->held);
        gsize len;
        const uint8_t *d = g_bytes_get_data(b, &len);

        net_send(u->nc, d, len);
        g_bytes_unref(b);
    }
}

static ssize_t user_send_packet(const void *buf, size_t len, void *opaque)
{
    NetUser *u = opaque;

    user_flush(u);
    if (g_queue_is_empty(&u->held) && net_peer_can_take(u->nc)) {
        net_send(u->nc, buf, len);
    } else if (g_queue_get_length(&u->held) < USER_QUEUE_MAX) {
        g_queue_push_tail(&u->held, g_bytes_new(buf, len));
    }
    return len;
}

static void user_guest_error(const char *msg, void *opaque)
{
    qemu_log_mask(LOG_GUEST_ERROR, "slirp: %s\n", msg);
}

static int64_t user_clock_ns(void *opaque)
{
    return g_get_monotonic_time() * 1000;
}

static void *user_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
    UserTimer *t = g_new0(UserTimer, 1);

    t->cb = cb;
    t->opaque = cb_opaque;
    return t;
}

static void user_timer_free(void *timer, void *opaque)
{
    UserTimer *t = timer;

    if (t->id) {
        g_source_remove(t->id);
    }
    g_free(t);
}

static gboolean user_timer_fire(gpointer opaque)
{
    UserTimer *t = opaque;

    t->id = 0;
    t->cb(t->opaque);
    return G_SOURCE_REMOVE;
}

static void user_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    UserTimer *t = timer;
    int64_t now = g_get_monotonic_time() / 1000;

    if (t->id) {
        g_source_remove(t->id);
    }
    t->id = g_timeout_add(expire_ms > now ? expire_ms - now : 0,
                          user_timer_fire, t);
}

static void user_poll_fd(int fd, void *opaque)
{
}

static void user_notify(void *opaque)
{
    g_main_context_wakeup(NULL);
}

static const SlirpCb user_cb = {
    .send_packet = user_send_packet,
    .guest_error = user_guest_error,
    .clock_get_ns = user_clock_ns,
    .timer_new = user_timer_new,
    .timer_free = user_timer_free,
    .timer_mod = user_timer_mod,
    .register_poll_fd = user_poll_fd,
    .unregister_poll_fd = user_poll_fd,
    .notify = user_notify,
};

/* ---- the GLib source: slirp's descriptors of each iteration ---- */

static void polls_clear(NetUser *u)
{
    for (guint i = 0; i < u->polls->len; i++) {
        GPollFD *p = g_ptr_array_index(u->polls, i);

        g_source_remove_poll(u->src, p);
        g_free(p);
    }
    g_ptr_array_set_size(u->polls, 0);
}

static int user_add_poll(int fd, int events, void *opaque)
{
    NetUser *u = opaque;
    GPollFD *p = g_new0(GPollFD, 1);

    p->fd = fd;
    p->events = (events & SLIRP_POLL_IN ? G_IO_IN : 0) |
                (events & SLIRP_POLL_OUT ? G_IO_OUT : 0) |
                (events & SLIRP_POLL_PRI ? G_IO_PRI : 0) |
                (events & SLIRP_POLL_ERR ? G_IO_ERR : 0) |
                (events & SLIRP_POLL_HUP ? G_IO_HUP : 0);
    g_source_add_poll(u->src, p);
    g_ptr_array_add(u->polls, p);
    return u->polls->len - 1;
}

static int user_get_revents(int idx, void *opaque)
{
    NetUser *u = opaque;
    GPollFD *p;
    int r = 0;

    if (idx < 0 || (guint)idx >= u->polls->len) {
        return 0;
    }
    p = g_ptr_array_index(u->polls, idx);
    r |= p->revents & G_IO_IN ? SLIRP_POLL_IN : 0;
    r |= p->revents & G_IO_OUT ? SLIRP_POLL_OUT : 0;
    r |= p->revents & G_IO_PRI ? SLIRP_POLL_PRI : 0;
    r |= p->revents & G_IO_ERR ? SLIRP_POLL_ERR : 0;
    r |= p->revents & G_IO_HUP ? SLIRP_POLL_HUP : 0;
    return r;
}

static gboolean src_prepare(GSource *src, gint *timeout)
{
    NetUser *u = ((UserSource *)src)->u;
    uint32_t tmo = UINT32_MAX;

    polls_clear(u);
    slirp_pollfds_fill(u->slirp, &tmo, user_add_poll, u);
    *timeout = tmo == UINT32_MAX ? -1 : (gint)MIN(tmo, G_MAXINT);
    return FALSE;
}

static gboolean src_check(GSource *src)
{
    return TRUE; /* slirp's own timeouts run in slirp_pollfds_poll */
}

static gboolean src_dispatch(GSource *src, GSourceFunc cb, gpointer data)
{
    NetUser *u = ((UserSource *)src)->u;

    slirp_pollfds_poll(u->slirp, 0, user_get_revents, u);
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs user_src_funcs = {
    .prepare = src_prepare,
    .check = src_check,
    .dispatch = src_dispatch,
};

/* ---- the client ---- */

static bool user_receive(NetClientState *nc, const uint8_t *buf, size_t len)
{
    NetUser *u = nc->opaque;

    slirp_input(u->slirp, buf, len);
    return true;
}

static void user_resume(NetClientState *nc)
{
    user_flush(nc->opaque);
}

static void user_cleanup(NetClientState *nc)
{
    NetUser *u = nc->opaque;
    GBytes *b;

    polls_clear(u);
    g_source_destroy(u->src);
    g_source_unref(u->src);
    slirp_cleanup(u->slirp);
    while ((b = g_queue_pop_head(&u->held))) {
        g_bytes_unref(b);
    }
    g_ptr_array_unref(u->polls);
    g_free(u);
}

static const NetClientOps user_ops = {
    .type = "user",
    .receive = user_receive,
    .resume = user_resume,
    .cleanup = user_cleanup,
};

/* @what: QEMU's name for the value in its message */
static bool opt_addr(JsonObject *opts, const char *key, const char *what,
                     struct in_addr *a, Error **errp)
{
    const char *s = net_opt_str(opts, key);

    if (s && !inet_pton(AF_INET, s, a)) {
        error_setg(errp, "Failed to parse %s", what);
        return false;
    }
    return true;
}

/* net=ADDR[/BITS|/MASK] */
static bool opt_net(JsonObject *opts, SlirpConfig *cfg, Error **errp)
{
    const char *s = net_opt_str(opts, "net");
    g_autofree char *a = NULL;
    char *slash;

    if (!s) {
        return true;
    }
    a = g_strdup(s);
    slash = strchr(a, '/');
    if (slash) {
        char *end;
        long bits = strtol(slash + 1, &end, 10);

        *slash = 0;
        if (*end == 0 && slash[1]) {
            if (bits < 4 || bits > 32) {
                error_setg(errp, "Invalid netmask provided (must be in "
                                 "range 4-32)");
                return false;
            }
            cfg->vnetmask.s_addr = htonl(~0u << (32 - bits));
        } else if (!inet_pton(AF_INET, slash + 1, &cfg->vnetmask)) {
            error_setg(errp, "Failed to parse netmask");
            return false;
        }
    }
    if (!inet_pton(AF_INET, a, &cfg->vnetwork)) {
        error_setg(errp, "Failed to parse netmask");
        return false;
    }
    cfg->vnetwork.s_addr &= cfg->vnetmask.s_addr;
    /* the default host, DHCP and DNS addresses follow the network */
    cfg->vhost.s_addr = cfg->vnetwork.s_addr | htonl(2);
    cfg->vdhcp_start.s_addr = cfg->vnetwork.s_addr | htonl(15);
    cfg->vnameserver.s_addr = cfg->vnetwork.s_addr | htonl(3);
    return true;
}

static bool parse_port(const char *s, int *port)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (!*s || *end || v < 0 || v > 65535) {
        return false;
    }
    *port = v;
    return true;
}

/*
 * hostfwd=[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT; the guest
 * address defaults to the first DHCP address.
 */
static bool add_hostfwd(NetUser *u, const char *rule, struct in_addr guest,
                        Error **errp)
{
    g_autofree char *r = g_strdup(rule);
    char *p = r, *sep;
    const char *why;
    struct in_addr haddr = { .s_addr = INADDR_ANY }, gaddr = guest;
    int hport, gport;
    bool udp;

    sep = strchr(p, ':');
    if (!sep) {
        why = "No : separators";
        goto bad;
    }
    *sep = 0;
    if (!strcmp(p, "tcp") || !*p) {
        udp = false;
    } else if (!strcmp(p, "udp")) {
        udp = true;
    } else {
        why = "Bad protocol name";
        goto bad;
    }
    p = sep + 1;
    sep = strchr(p, ':');
    if (!sep) {
        why = "Bad host address";
        goto bad;
    }
    *sep = 0;
    if (*p && !inet_pton(AF_INET, p, &haddr)) {
        why = "Bad host address";
        goto bad;
    }
    p = sep + 1;
    sep = strchr(p, '-');
    if (!sep) {
        why = "Bad host port separator";
        goto bad;
    }
    *sep = 0;
    if (!parse_port(p, &hport)) {
        why = "Bad host port";
        goto bad;
    }
    p = sep + 1;
    sep = strchr(p, ':');
    if (!sep) {
        why = "Bad guest address";
        goto bad;
    }
    *sep = 0;
    if (*p && !inet_pton(AF_INET, p, &gaddr)) {
        why = "Bad guest address";
        goto bad;
    }
    if (!parse_port(sep + 1, &gport)) {
        why = "Bad guest port";
        goto bad;
    }
    if (slirp_add_hostfwd(u->slirp, udp, haddr, hport, gaddr, gport) < 0) {
        error_setg(errp, "Could not set up host forwarding rule '%s'", rule);
        return false;
    }
    return true;

bad:
    error_setg(errp, "Invalid host forwarding rule '%s' (%s)", rule, why);
    return false;
}

/* hostfwd: a string (-netdev user,hostfwd=...) or QAPI's [{"str": ...}] */
static bool add_hostfwds(NetUser *u, JsonObject *opts, struct in_addr guest,
                         bool qapi, Error **errp)
{
    JsonNode *n = json_object_get_member(opts, "hostfwd");
    JsonArray *a;

    if (!n) {
        return true;
    }
    if (!qapi && JSON_NODE_HOLDS_VALUE(n)) {
        return add_hostfwd(u, json_node_get_string(n), guest, errp);
    }
    if (!JSON_NODE_HOLDS_ARRAY(n)) {
        error_setg(errp,
                   "Invalid parameter type for 'hostfwd', expected: array");
        return false;
    }
    a = json_node_get_array(n);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonNode *e = json_array_get_element(a, i);
        const char *str = JSON_NODE_HOLDS_OBJECT(e)
                              ? net_opt_str(json_node_get_object(e), "str")
                              : NULL;

        if (!str) {
            error_setg(errp, "Parameter 'hostfwd[%u].str' is missing", i);
            return false;
        }
        if (!add_hostfwd(u, str, guest, errp)) {
            return false;
        }
    }
    return true;
}

NetClientState *net_user_new(const char *id, JsonObject *opts, Error **errp)
{
    static const char *const allowed[] = {
        "ipv4",     "ipv6",     "net",        "host",    "dhcpstart", "dns",
        "hostname", "restrict", "domainname", "hostfwd", NULL
    };
    SlirpConfig cfg = { .version = 1, .in_enabled = true, .in6_enabled = true };
    bool restrict_ = false;
    NetUser *u;
    UserSource *src;

    if (!net_opt_check(opts, allowed, errp) ||
        !net_opt_bool(opts, "ipv4", &cfg.in_enabled, errp) ||
        !net_opt_bool(opts, "ipv6", &cfg.in6_enabled, errp) ||
        !net_opt_bool(opts, "restrict", &restrict_, errp)) {
        return NULL;
    }
    if (!cfg.in_enabled && !cfg.in6_enabled) {
        error_setg(errp, "IPv4 and IPv6 disabled");
        return NULL;
    }
    cfg.restricted = restrict_;
    inet_pton(AF_INET, "10.0.2.0", &cfg.vnetwork);
    inet_pton(AF_INET, "255.255.255.0", &cfg.vnetmask);
    inet_pton(AF_INET, "10.0.2.2", &cfg.vhost);
    inet_pton(AF_INET, "10.0.2.15", &cfg.vdhcp_start);
    inet_pton(AF_INET, "10.0.2.3", &cfg.vnameserver);
    inet_pton(AF_INET6, "fec0::", &cfg.vprefix_addr6);
    cfg.vprefix_len = 64;
    inet_pton(AF_INET6, "fec0::2", &cfg.vhost6);
    inet_pton(AF_INET6, "fec0::3", &cfg.vnameserver6);
    if (!opt_net(opts, &cfg, errp) ||
        !opt_addr(opts, "host", "host", &cfg.vhost, errp) ||
        !opt_addr(opts, "dhcpstart", "DHCP start address", &cfg.vdhcp_start,
                  errp) ||
        !opt_addr(opts, "dns", "DNS", &cfg.vnameserver, errp)) {
        return NULL;
    }
    cfg.vhostname = net_opt_str(opts, "hostname");
    cfg.vdomainname = net_opt_str(opts, "domainname");
    u = g_new0(NetUser, 1);
    g_queue_init(&u->held);
    u->polls = g_ptr_array_new();
    u->slirp = slirp_new(&cfg, &user_cb, u);
    if (!u->slirp) {
        error_setg(errp, "Failed to initialize the user network stack");
        g_ptr_array_unref(u->polls);
        g_free(u);
        return NULL;
    }
    if (!add_hostfwds(u, opts, cfg.vdhcp_start, net_opt_qapi(), errp)) {
        slirp_cleanup(u->slirp);
        g_ptr_array_unref(u->polls);
        g_free(u);
        return NULL;
    }
    u->src = g_source_new(&user_src_funcs, sizeof(UserSource));
    src = (UserSource *)u->src;
    src->u = u;
    g_source_attach(u->src, NULL);
    u->nc = net_client_new(&user_ops, id, u);
    return u->nc;
}
