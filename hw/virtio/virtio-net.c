/*
 * virtio-net: the transmit queue's requests are a virtio-net header and
 * a frame, which goes to the back end without the header; frames from
 * the back end go into the receive queue's buffers behind a header
 * (flags 0, no GSO; num_buffers = the buffers used, more than one only
 * with MRG_RXBUF). The header is 12 bytes with VERSION_1 or MRG_RXBUF,
 * else 10. While the driver is not running or has posted no receive
 * buffer, the back end holds its frames (include/net/net.h); a kick of
 * the receive queue lets them come. Link state: the STATUS field's
 * LINK_UP bit, with a configuration-change notification when it changes.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/virtio/virtio-net.h"

#define CFG_MAC       0
#define CFG_STATUS    6
#define CFG_MAX_PAIRS 8
#define CFG_LEN       10
#define HDR_NUM_BUFS  10
#define FRAME_MAX     (4096 + 65536)

static unsigned net_hdr_len(VirtIONet *n)
{
    VirtIODevice *vdev = &n->vdev;

    return virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1) ||
                   virtio_vdev_has_feature(vdev, VIRTIO_NET_F_MRG_RXBUF)
               ? 12
               : 10;
}

static uint16_t net_status(VirtIONet *n)
{
    return n->nic->link_down ? 0 : VIRTIO_NET_S_LINK_UP;
}

static void net_get_config(VirtIODevice *vdev)
{
    VirtIONet *n = vdev->opaque;

    memset(vdev->config, 0, vdev->config_len);
    memcpy(vdev->config + CFG_MAC, n->mac, 6);
    virtio_config_set16(vdev, CFG_STATUS, net_status(n));
    virtio_config_set16(vdev, CFG_MAX_PAIRS, 1);
}

static bool net_running(VirtIONet *n)
{
    return (n->vdev.status & VIRTIO_STATUS_DRIVER_OK) && !n->vdev.broken &&
           n->rx_vq->enabled && n->rx_vq->num;
}

static bool net_can_receive(NetClientState *nc)
{
    VirtIONet *n = nc->opaque;

    return net_running(n) && !virtqueue_empty(n->rx_vq);
}

/* One frame into as many receive buffers as it needs. */
static bool net_receive(NetClientState *nc, const uint8_t *buf, size_t len)
{
    VirtIONet *n = nc->opaque;
    VirtIODevice *vdev = &n->vdev;
    bool mrg = virtio_vdev_has_feature(vdev, VIRTIO_NET_F_MRG_RXBUF);
    unsigned hlen = net_hdr_len(n);
    uint8_t hdr[12] = { 0 };
    VirtQueueElement *elems[64];
    uint32_t used[64];
    unsigned count = 0;
    size_t done = 0;

    if (!net_running(n)) {
        return false;
    }
    while (done < len || !count) {
        VirtQueueElement *e;
        size_t off = count ? 0 : hlen, room, w;

        if (count == G_N_ELEMENTS(elems) || (count && !mrg) ||
            !(e = virtqueue_pop(n->rx_vq))) {
            goto fail;
        }
        elems[count] = e;
        used[count++] = 0;
        if (e->in_len < off) {
            virtio_error(vdev,
                         "virtio-net receive buffer of %" PRIu64
                         " bytes has no room for the header",
                         e->in_len);
            goto fail;
        }
        room = MIN(e->in_len - off, len - done);
        w = virtqueue_elem_write(e, vdev, off, buf + done, room);
        if (w != room) {
            goto fail;
        }
        done += room;
        used[count - 1] = off + room;
    }
    virtio_stw(vdev, hdr + HDR_NUM_BUFS, count);
    if (virtqueue_elem_write(elems[0], vdev, 0, hdr, hlen) != hlen) {
        goto fail;
    }
    for (unsigned i = 0; i < count; i++) {
        virtqueue_push(n->rx_vq, elems[i], used[i]);
    }
    virtio_notify(vdev, n->rx_vq);
    return true;

fail:
    if (!vdev->broken && done < len) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "virtio-net: a frame of %zu bytes did not fit the "
                      "receive buffers: dropped\n",
                      len);
    }
    while (count) {
        virtqueue_unpop(n->rx_vq, elems[--count]);
    }
    return false;
}

static void net_link_changed(NetClientState *nc)
{
    VirtIONet *n = nc->opaque;
    VirtIODevice *vdev = &n->vdev;

    if (virtio_has_feature(vdev->host_features, VIRTIO_NET_F_STATUS) &&
        (vdev->status & VIRTIO_STATUS_DRIVER_OK) && vdev->transport) {
        vdev->transport->notify(vdev, VIRTIO_CONFIG_VECTOR);
    }
}

static const NetClientOps nic_ops = {
    .type = "nic",
    .is_nic = true,
    .receive = net_receive,
    .can_receive = net_can_receive,
    .link_changed = net_link_changed,
};

static void net_handle_tx(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIONet *n = vdev->opaque;
    unsigned hlen = net_hdr_len(n);
    g_autofree uint8_t *frame = NULL;
    VirtQueueElement *e;
    bool pushed = false;

    while ((e = virtqueue_pop(vq))) {
        size_t len;

        if (e->out_len < hlen) {
            virtio_error(vdev, "virtio-net header incorrect");
            g_free(e);
            return;
        }
        len = e->out_len - hlen;
        if (!frame) {
            frame = g_malloc(FRAME_MAX);
        }
        if (len > FRAME_MAX) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "virtio-net: a frame of %zu bytes: dropped\n", len);
        } else if (virtqueue_elem_read(e, vdev, hlen, frame, len) == len) {
            net_send(n->nic, frame, len);
        }
        virtqueue_push(vq, e, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

/* The driver posted receive buffers: frames held back may come. */
static void net_handle_rx(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIONet *n = vdev->opaque;

    net_resume(n->nic);
}

static void net_set_status(VirtIODevice *vdev, uint8_t status)
{
    VirtIONet *n = vdev->opaque;

    if (status & VIRTIO_STATUS_DRIVER_OK) {
        net_resume(n->nic);
    }
}

static const VirtIODeviceOps net_ops = {
    .get_config = net_get_config,
    .set_status = net_set_status,
};

static bool parse_mac(const char *s, uint8_t mac[6])
{
    unsigned v[6];
    char end;

    if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &v[0], &v[1], &v[2], &v[3],
               &v[4], &v[5], &end) != 6 ||
        strlen(s) != 17) {
        return false;
    }
    for (int i = 0; i < 6; i++) {
        mac[i] = v[i];
    }
    return true;
}

bool virtio_net_realize(VirtIONet *n, const char *name, Error **errp)
{
    static unsigned mac_index; /* QEMU: 52:54:00:12:34:56, :57, ... */
    static unsigned anon_index;
    uint64_t f = 1ull << VIRTIO_NET_F_MAC;
    NetClientState *peer = NULL;
    g_autofree char *anon = NULL;

    if (n->netdev) {
        peer = net_netdev_find(n->netdev);
        if (!peer) {
            error_setg(errp,
                       "Property 'virtio-net-device.netdev' can't find "
                       "value '%s'",
                       n->netdev);
            return false;
        }
        if (peer->peer) {
            error_setg(errp,
                       "Property 'virtio-net-device.netdev' can't take "
                       "value '%s', it's in use",
                       n->netdev);
            return false;
        }
    }
    if (n->mac_str && !parse_mac(n->mac_str, n->mac)) {
        error_setg(errp, "Property '%s.mac' doesn't take value '%s'",
                   n->type_name, n->mac_str);
        return false;
    }
    if (n->mq) {
        error_setg(errp, "mq=on is not supported by this program (one queue "
                         "pair)");
        return false;
    }
    if (n->rx_queue_size < 256 || n->rx_queue_size > VIRTQUEUE_MAX_SIZE ||
        (n->rx_queue_size & (n->rx_queue_size - 1))) {
        error_setg(errp,
                   "Invalid rx_queue_size (= %u), must be a power of 2 "
                   "between 256 and %d.",
                   n->rx_queue_size, VIRTQUEUE_MAX_SIZE);
        return false;
    }
    if (n->tx_queue_size < 256 || n->tx_queue_size > VIRTQUEUE_MAX_SIZE ||
        (n->tx_queue_size & (n->tx_queue_size - 1))) {
        error_setg(errp,
                   "Invalid tx_queue_size (= %u), must be a power of 2 "
                   "between 256 and %d.",
                   n->tx_queue_size, VIRTQUEUE_MAX_SIZE);
        return false;
    }
    if (!n->mac_str) {
        const uint8_t base[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

        memcpy(n->mac, base, 6);
        n->mac[5] += mac_index++;
        n->mac_str = g_strdup_printf("%02x:%02x:%02x:%02x:%02x:%02x", n->mac[0],
                                     n->mac[1], n->mac[2], n->mac[3], n->mac[4],
                                     n->mac[5]);
    }
    f |= n->status_prop ? 1ull << VIRTIO_NET_F_STATUS : 0;
    f |= n->mrg_rxbuf ? 1ull << VIRTIO_NET_F_MRG_RXBUF : 0;
    virtio_init(&n->vdev, "virtio-net", VIRTIO_ID_NET, CFG_LEN, f, &net_ops, n);
    n->rx_vq = virtio_add_queue(&n->vdev, n->rx_queue_size, net_handle_rx);
    n->tx_vq = virtio_add_queue(&n->vdev, n->tx_queue_size, net_handle_tx);
    if (!name) {
        name = anon = g_strdup_printf("virtio-net-device.%u", anon_index++);
    }
    n->nic = net_client_new(&nic_ops, name, n);
    /* as QEMU: the link is up with or without a back end (without one
     * frames go nowhere); only set_link takes it down */
    if (peer) {
        n->nic->peer = peer;
        peer->peer = n->nic;
    }
    return true;
}

void virtio_net_unrealize(VirtIONet *n)
{
    net_client_free(n->nic);
    n->nic = NULL;
    virtio_cleanup(&n->vdev);
}

void virtio_net_describe(ObjectClass *oc)
{
    object_class_property_set_description(oc, "netdev",
                                          "ID of a netdev to use as a backend");
    object_class_property_set_description(
        oc, "mac", "Ethernet 6-byte MAC Address, example: 52:54:00:12:34:56");
    object_class_property_set_description(
        oc, "mq", "multiqueue: only off (one queue pair)");
    object_class_property_set_description(
        oc, "mrg_rxbuf", "offer MRG_RXBUF (frames over several buffers)");
    object_class_property_set_description(
        oc, "status", "offer STATUS (the link state in config space)");
}
