/*
 * The network client list, peers, frame hand-over and link state
 * (include/net/net.h).
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "net/net.h"

static GList *clients; /* NetClientState *, in creation order */

NetClientState *net_client_new(const NetClientOps *ops, const char *name,
                               void *opaque)
{
    NetClientState *nc = g_new0(NetClientState, 1);

    nc->ops = ops;
    nc->name = g_strdup(name);
    nc->opaque = opaque;
    clients = g_list_append(clients, nc);
    return nc;
}

void net_client_free(NetClientState *nc)
{
    if (!nc) {
        return;
    }
    if (nc->peer) {
        NetClientState *p = nc->peer;

        p->peer = NULL;
        nc->peer = NULL;
        if (p->ops->resume) {
            p->ops->resume(p); /* it may have stopped reading for us */
        }
    }
    if (nc->ops->cleanup) {
        nc->ops->cleanup(nc);
    }
    clients = g_list_remove(clients, nc);
    g_free(nc->name);
    g_free(nc);
}

NetClientState *net_client_find(const char *name)
{
    for (GList *l = clients; l; l = l->next) {
        NetClientState *nc = l->data;

        if (nc->name && !strcmp(nc->name, name)) {
            return nc;
        }
    }
    return NULL;
}

NetClientState *net_netdev_find(const char *id)
{
    for (GList *l = clients; l; l = l->next) {
        NetClientState *nc = l->data;

        if (!nc->ops->is_nic && !strcmp(nc->name, id)) {
            return nc;
        }
    }
    return NULL;
}

bool net_peer_can_take(NetClientState *nc)
{
    NetClientState *p = nc->peer;

    if (!p || nc->link_down || p->link_down) {
        return true; /* the frame is dropped: reading it is fine */
    }
    return !p->ops->can_receive || p->ops->can_receive(p);
}

bool net_send(NetClientState *from, const uint8_t *buf, size_t len)
{
    NetClientState *p = from->peer;

    if (!p || from->link_down || p->link_down) {
        return true;
    }
    if (p->ops->can_receive && !p->ops->can_receive(p)) {
        return false;
    }
    return p->ops->receive(p, buf, len);
}

void net_resume(NetClientState *nc)
{
    NetClientState *p = nc->peer;

    if (p && p->ops->resume) {
        p->ops->resume(p);
    }
}

static void link_set(NetClientState *nc, bool down)
{
    bool changed = nc->link_down != down;

    nc->link_down = down;
    if (changed && nc->ops->link_changed) {
        nc->ops->link_changed(nc);
    }
}

bool net_set_link(const char *name, bool up, Error **errp)
{
    NetClientState *nc = net_client_find(name);

    if (!nc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  name);
        return false;
    }
    link_set(nc, !up);
    /* as QEMU: a NIC peer follows; a back end peer keeps its state */
    if (nc->peer && nc->peer->ops->is_nic) {
        link_set(nc->peer, !up);
    }
    if (nc->peer && nc->peer->ops->resume && up) {
        nc->peer->ops->resume(nc->peer);
    }
    return true;
}

void net_check_peers(void)
{
    for (GList *l = clients; l; l = l->next) {
        NetClientState *nc = l->data;

        if (!nc->ops->is_nic && !nc->peer) {
            warn_report("netdev %s has no peer", nc->name);
        }
    }
}

void net_cleanup(void)
{
    while (clients) {
        GList *l = clients;

        /* NICs belong to their devices: only unlink them */
        while (l && ((NetClientState *)l->data)->ops->is_nic) {
            l = l->next;
        }
        if (!l) {
            break;
        }
        net_client_free(l->data);
    }
}
