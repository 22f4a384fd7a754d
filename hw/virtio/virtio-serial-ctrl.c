/*
 * virtio-serial's control protocol (virtio 1.x "Console Device", multiport):
 * the messages the device sends the driver (held, a bounded number, until
 * it posts control receive buffers; none before its DEVICE_READY nor
 * without MULTIPORT) and the driver's messages, every one checked: a
 * message under 8 bytes, an unknown port id, an event the device does
 * not take are guest errors, logged and ignored.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/virtio/virtio-serial.h"
#include "virtio-serial-internal.h"

/* control messages held for a driver that posts no buffers */
#define VSER_CTRL_BACKLOG 1024

/* ---- control messages to the driver ---- */

void vser_ctrl_flush(VirtIOSerial *v)
{
    VirtIODevice *vdev = &v->vdev;
    GByteArray *msg;
    bool pushed = false;

    if (!vser_running(v)) {
        return;
    }
    while ((msg = g_queue_peek_head(&v->ctrl_out))) {
        VirtQueueElement *e = virtqueue_pop(v->c_ivq);
        size_t n;

        if (!e) {
            break;
        }
        n = virtqueue_elem_write(e, vdev, 0, msg->data, msg->len);
        if (n < msg->len) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: control buffer of %" PRIu64 " bytes for a "
                          "%u-byte message: cut short\n",
                          v->type_name, e->in_len, msg->len);
        }
        virtqueue_push(v->c_ivq, e, n);
        g_byte_array_unref(g_queue_pop_head(&v->ctrl_out));
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, v->c_ivq);
    }
}

void vser_ctrl_send(VirtIOSerial *v, uint32_t id, uint16_t event,
                    uint16_t value, const char *text)
{
    uint8_t hdr[VSER_CTRL_LEN];
    GByteArray *msg;

    if (!v->driver_ready || !vser_multiport(v)) {
        return;
    }
    if (g_queue_get_length(&v->ctrl_out) >= VSER_CTRL_BACKLOG) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: the driver takes no control messages: event %u "
                      "for port %u dropped\n",
                      v->type_name, event, id);
        return;
    }
    virtio_stl(&v->vdev, hdr, id);
    virtio_stw(&v->vdev, hdr + 4, event);
    virtio_stw(&v->vdev, hdr + 6, value);
    msg = g_byte_array_sized_new(VSER_CTRL_LEN + (text ? strlen(text) + 1 : 0));
    g_byte_array_append(msg, hdr, VSER_CTRL_LEN);
    if (text) {
        g_byte_array_append(msg, (const uint8_t *)text, strlen(text) + 1);
    }
    g_queue_push_tail(&v->ctrl_out, msg);
    vser_ctrl_flush(v);
}

/* ---- control messages from the driver ---- */

static void vser_ctrl_device_ready(VirtIOSerial *v, uint16_t value)
{
    if (!value) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "virtio-serial-bus: Guest failure in adding device "
                      "%s\n",
                      vser_bus_name(v));
        return;
    }
    v->driver_ready = true;
    for (uint32_t i = 0; i < v->max_ports; i++) {
        if (v->ports[i]) {
            vser_ctrl_send(v, i, VSER_CTRL_DEVICE_ADD, 1, NULL);
        }
    }
}

static void vser_ctrl_port_ready(VirtIOSerial *v, VirtIOSerialPort *port,
                                 uint16_t value)
{
    if (!value) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "virtio-serial-bus: Guest failure in adding port %u "
                      "for device %s\n",
                      port->id, vser_bus_name(v));
        return;
    }
    if (port->is_console) {
        vser_ctrl_send(v, port->id, VSER_CTRL_CONSOLE_PORT, 1, NULL);
    }
    if (port->name) {
        vser_ctrl_send(v, port->id, VSER_CTRL_PORT_NAME, 1, port->name);
    }
    if (port->host_connected) {
        vser_ctrl_send(v, port->id, VSER_CTRL_PORT_OPEN, 1, NULL);
    }
}

static void vser_ctrl_handle(VirtIOSerial *v, const uint8_t *m)
{
    VirtIODevice *vdev = &v->vdev;
    uint32_t id = virtio_ldl(vdev, m);
    uint16_t event = virtio_lduw(vdev, m + 4);
    uint16_t value = virtio_lduw(vdev, m + 6);
    VirtIOSerialPort *port;

    trace_point("virtio_serial_ctrl", "%s port %u event %u value %u",
                vser_bus_name(v), id, event, value);
    if (event == VSER_CTRL_DEVICE_READY) {
        vser_ctrl_device_ready(v, value);
        return;
    }
    port = id < v->max_ports ? v->ports[id] : NULL;
    if (!port) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "virtio-serial-bus: Unexpected port id %u for device "
                      "%s\n",
                      id, vser_bus_name(v));
        return;
    }
    switch (event) {
    case VSER_CTRL_PORT_READY:
        vser_ctrl_port_ready(v, port, value);
        break;
    case VSER_CTRL_PORT_OPEN:
        port->guest_connected = value != 0;
        virtio_serial_port_guest_open(port, port->guest_connected);
        if (port->guest_connected) {
            virtio_serial_port_flush_input(port);
        }
        break;
    default:
        /* the device's own events (and unknown ones) mean nothing here */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: control event %u from the driver ignored\n",
                      v->type_name, event);
        break;
    }
}

void vser_handle_ctrl_out(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerial *v = vdev->opaque;
    VirtQueueElement *e;
    bool pushed = false;

    while ((e = virtqueue_pop(vq))) {
        uint8_t m[VSER_CTRL_LEN];

        if (e->out_len < VSER_CTRL_LEN ||
            virtqueue_elem_read(e, vdev, 0, m, sizeof(m)) != sizeof(m)) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: control message of %" PRIu64 " bytes ignored\n",
                          v->type_name, e->out_len);
        } else {
            vser_ctrl_handle(v, m);
        }
        virtqueue_push(vq, e, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

/* The driver posted control receive buffers. */
void vser_handle_ctrl_in(VirtIODevice *vdev, VirtQueue *vq)
{
    vser_ctrl_flush(vdev->opaque);
}

void vser_ctrl_clear(VirtIOSerial *v)
{
    GByteArray *msg;

    while ((msg = g_queue_pop_head(&v->ctrl_out))) {
        g_byte_array_unref(msg);
    }
}
