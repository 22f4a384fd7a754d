/*
 * virtio-net (device id 1), one queue pair (receive queue 0, transmit
 * queue 1), on a -netdev back end (include/net/net.h) or on none (link
 * up, as in QEMU, frames dropped). Offered: MAC, STATUS, MRG_RXBUF (property mrg_rxbuf); no
 * control queue, no checksum or segmentation offloads, no multiqueue.
 * docs/system/s390x/virtio.rst describes it for users.
 */
#ifndef HW_VIRTIO_VIRTIO_NET_H
#define HW_VIRTIO_VIRTIO_NET_H

#include "hw/virtio/virtio.h"
#include "net/net.h"
#include "qom/object.h"

#define VIRTIO_NET_F_MAC       5
#define VIRTIO_NET_F_MRG_RXBUF 15
#define VIRTIO_NET_F_STATUS    16
#define VIRTIO_NET_F_MQ        22

#define VIRTIO_NET_S_LINK_UP 1

typedef struct VirtIONet {
    VirtIODevice vdev;
    /* properties */
    char *netdev;
    char *mac_str;
    bool mq;
    bool mrg_rxbuf;
    bool status_prop;
    uint16_t rx_queue_size;
    uint16_t tx_queue_size;
    int32_t bootindex; /* accepted: no firmware boots from the network */
    /* state */
    const char *type_name; /* for messages: "virtio-net-ccw" */
    NetClientState *nic;
    uint8_t mac[6];
    VirtQueue *rx_vq;
    VirtQueue *tx_vq;
} VirtIONet;

/* @name: the NIC's name for set_link (the device id, or NULL) */
bool virtio_net_realize(VirtIONet *n, const char *name, Error **errp);
void virtio_net_unrealize(VirtIONet *n);
/* the property descriptions (-device virtio-net-*,help) */
void virtio_net_describe(ObjectClass *oc);

#endif
