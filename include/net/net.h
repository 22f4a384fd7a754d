/*
 * Network clients: a NIC (virtio-net) and a -netdev back end (socket,
 * tap) joined as peers. A frame is a whole Ethernet frame without any
 * virtio header; each side hands it to the other with net_send().
 *
 * Flow control, as QEMU's back ends do it: a back end reads from its
 * descriptor only while its peer can take a frame (net_peer_can_take());
 * otherwise it stops watching the descriptor, so frames wait in the
 * kernel (the socket or tap queue is the bound), and the NIC calls
 * net_resume() when the guest posts receive buffers again.
 *
 * Link state: set_link sets link_down on the client named and, when its
 * peer is a NIC, on the peer too; frames from or to a client whose link
 * is down are dropped. docs/system/s390x/virtio.rst has the user's view.
 */
#ifndef NET_NET_H
#define NET_NET_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

typedef struct NetClientState NetClientState;

typedef struct NetClientOps {
    const char *type; /* "nic", "socket", "tap" */
    bool is_nic;
    /* take one frame from the peer; false: could not (dropped) */
    bool (*receive)(NetClientState *nc, const uint8_t *buf, size_t len);
    /* room for a frame now (NULL: always) */
    bool (*can_receive)(NetClientState *nc);
    /* the peer can take frames again: watch the descriptor again */
    void (*resume)(NetClientState *nc);
    /* link_down changed */
    void (*link_changed)(NetClientState *nc);
    /* release the back end's resources (the core frees the state) */
    void (*cleanup)(NetClientState *nc);
} NetClientOps;

struct NetClientState {
    const NetClientOps *ops;
    char *name; /* the netdev id, or the NIC's device id */
    NetClientState *peer;
    bool link_down;
    void *opaque;
};

/* A new client named @name (copied) in the global list. */
NetClientState *net_client_new(const NetClientOps *ops, const char *name,
                               void *opaque);
/* Unlink from the peer, run cleanup, remove and free. */
void net_client_free(NetClientState *nc);
/* The client named @name (netdevs and NICs), or NULL. */
NetClientState *net_client_find(const char *name);
/* The -netdev back end @id, or NULL. */
NetClientState *net_netdev_find(const char *id);

/*
 * Give @len bytes from @from to its peer. Dropped (true) when there is no
 * peer or either link is down; false when the peer could not take it.
 */
bool net_send(NetClientState *from, const uint8_t *buf, size_t len);
/* @nc's peer exists and can take a frame now (or there is none: drop) */
bool net_peer_can_take(NetClientState *nc);
/* @nc (a NIC) has room again: its peer may read again */
void net_resume(NetClientState *nc);

/* QMP set_link: false with DeviceNotFound for an unknown name. */
bool net_set_link(const char *name, bool up, Error **errp);

/* -netdev ARG (keyval or JSON) and QMP netdev_add (@opts: the members). */
bool net_netdev_add_arg(const char *arg, Error **errp);
bool net_netdev_add(JsonObject *opts, Error **errp);
bool net_netdev_del(const char *id, Error **errp);
void net_netdev_help(void);
/* Warn, as QEMU, about netdevs no device uses (after -device). */
void net_check_peers(void);
/* close every netdev (exit) */
void net_cleanup(void);

/* ---- back ends (net/socket.c, net/tap.c): build one from @opts ---- */
NetClientState *net_socket_new(const char *id, JsonObject *opts, Error **errp);
NetClientState *net_stream_new(const char *id, JsonObject *opts, Error **errp);
NetClientState *net_dgram_new(const char *id, JsonObject *opts, Error **errp);
#ifdef CONFIG_SLIRP
NetClientState *net_user_new(const char *id, JsonObject *opts, Error **errp);
#endif
NetClientState *net_tap_new(const char *id, JsonObject *opts, Error **errp);

/* option helpers for the back ends: string, or the JSON scalar as text */
const char *net_opt_str(JsonObject *opts, const char *key);
/* an on/off (or JSON bool) option; false with QEMU's text when bad */
bool net_opt_bool(JsonObject *opts, const char *key, bool *val, Error **errp);
/* every member of @opts but type and id is in @allowed (NULL-terminated);
 * else QEMU's text for the form being parsed */
bool net_opt_check(JsonObject *opts, const char *const *allowed, Error **errp);
/* the form being parsed is QAPI's (JSON, QMP, keyval), not QemuOpts' */
bool net_opt_qapi(void);

#endif
