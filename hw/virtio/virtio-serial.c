/*
 * virtio-serial, the device side: queues, config space, the control
 * protocol with the driver, and the data paths of the ports. The ports
 * themselves (qdev devices, chardevs, QMP events) are in
 * virtio-serial-port.c; the layout is described in
 * include/hw/virtio/virtio-serial.h.
 *
 * Everything from the guest is checked here: a control message shorter
 * than 8 bytes, an unknown port id, an event the device does not take
 * are logged as guest errors and ignored; ring errors are the core's
 * (virtio_error()). Control messages for the driver wait, a bounded
 * number, until it posts control receive buffers; host bytes wait in the
 * port (and the chardev stops being read) until it posts receive
 * buffers on an open port.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/virtio/virtio-serial.h"

#define CFG_COLS         0
#define CFG_ROWS         2
#define CFG_MAX_NR_PORTS 4
#define CFG_EMERG_WR     8
#define CFG_LEN          8  /* without EMERG_WRITE */
#define CFG_LEN_EMERG    12 /* with it */

/* QEMU's limit: a queue pair per port and one for control */
#define VSER_MAX_PORTS (VIRTIO_QUEUE_MAX / 2 - 1)
/* control messages held for a driver that posts no buffers */
#define VSER_CTRL_BACKLOG 1024
#define VSER_COPY_CHUNK   4096

static GList *vser_all; /* VirtIOSerial *: realized devices */

static bool vser_multiport(VirtIOSerial *v)
{
    return virtio_vdev_has_feature(&v->vdev, VIRTIO_CONSOLE_F_MULTIPORT);
}

static bool vser_running(VirtIOSerial *v)
{
    return (v->vdev.status & VIRTIO_STATUS_DRIVER_OK) && !v->vdev.broken;
}

static const char *vser_bus_name(VirtIOSerial *v)
{
    return v->bus ? BUS(v->bus)->name : v->type_name;
}

/* The port whose data queue is @q (not the control queues 2 and 3). */
static VirtIOSerialPort *vser_port_of_queue(VirtIOSerial *v, unsigned q)
{
    uint32_t id = q < 2 ? 0 : q / 2 - 1;

    return id < v->max_ports ? v->ports[id] : NULL;
}

/* Give back every request of @vq unread (a port that is not there). */
static void vser_discard(VirtIOSerial *v, VirtQueue *vq)
{
    VirtQueueElement *e;
    bool pushed = false;

    while ((e = virtqueue_pop(vq))) {
        virtqueue_push(vq, e, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(&v->vdev, vq);
    }
}

/* ---- control messages to the driver ---- */

static void vser_ctrl_flush(VirtIOSerial *v)
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

static void vser_ctrl_send(VirtIOSerial *v, uint32_t id, uint16_t event,
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

static void vser_handle_ctrl_out(VirtIODevice *vdev, VirtQueue *vq)
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
static void vser_handle_ctrl_in(VirtIODevice *vdev, VirtQueue *vq)
{
    vser_ctrl_flush(vdev->opaque);
}

/* ---- data ---- */

/* Guest output of @port to its chardev, while the chardev takes it. */
static void vser_port_output(VirtIOSerial *v, VirtIOSerialPort *port)
{
    VirtIODevice *vdev = &v->vdev;
    VirtQueue *vq = v->ovqs[port->id];
    VirtQueueElement *e;
    bool pushed = false;
    uint8_t buf[VSER_COPY_CHUNK];

    while (virtio_serial_port_can_take(port) && (e = virtqueue_pop(vq))) {
        for (uint64_t off = 0; off < e->out_len;) {
            size_t want = MIN(sizeof(buf), e->out_len - off);
            size_t n = virtqueue_elem_read(e, vdev, off, buf, want);

            if (!n) {
                break;
            }
            virtio_serial_port_guest_data(port, buf, n);
            off += n;
        }
        virtqueue_push(vq, e, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

/* Does the driver take data on @port now? */
static bool vser_port_usable(VirtIOSerial *v, VirtIOSerialPort *port)
{
    return vser_multiport(v) ? port->guest_connected : port->id == 0;
}

static void vser_handle_output(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerial *v = vdev->opaque;
    VirtIOSerialPort *port = vser_port_of_queue(v, vq->index);

    if (!port || !port->host_connected ||
        (!vser_multiport(v) && port->id != 0)) {
        /* no one on the host side: the bytes go nowhere (QEMU) */
        vser_discard(v, vq);
        return;
    }
    vser_port_output(v, port);
}

/* The driver posted receive buffers on a port's queue. */
static void vser_handle_input(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerial *v = vdev->opaque;
    VirtIOSerialPort *port = vser_port_of_queue(v, vq->index);

    if (port) {
        virtio_serial_port_flush_input(port);
    }
}

void virtio_serial_port_flush_input(VirtIOSerialPort *port)
{
    VirtIOSerial *v = port->vser;
    bool pushed = false;

    if (v && vser_running(v) && vser_port_usable(v, port)) {
        VirtQueue *vq = v->ivqs[port->id];

        while (port->pending->len) {
            VirtQueueElement *e = virtqueue_pop(vq);
            size_t n;

            if (!e) {
                break;
            }
            n = virtqueue_elem_write(e, &v->vdev, 0, port->pending->data,
                                     MIN(e->in_len, port->pending->len));
            virtqueue_push(vq, e, n);
            g_byte_array_remove_range(port->pending, 0, n);
            pushed = true;
        }
        if (pushed) {
            virtio_notify(&v->vdev, vq);
        }
    }
    if (port->chr) {
        qemu_chr_fe_pause_input(port->chr, port->pending->len > 0);
    }
}

void virtio_serial_port_flush_output(VirtIOSerialPort *port)
{
    if (port->vser && port->host_connected) {
        vser_port_output(port->vser, port);
    }
}

/* ---- ports ---- */

bool virtio_serial_name_in_use(const char *name)
{
    for (GList *l = vser_all; l; l = l->next) {
        VirtIOSerial *v = l->data;

        for (uint32_t i = 0; i < v->max_ports; i++) {
            if (v->ports[i] && v->ports[i]->name &&
                !strcmp(v->ports[i]->name, name)) {
                return true;
            }
        }
    }
    return false;
}

/*
 * QEMU's choice: port 0 for the first virtconsole, else the lowest free
 * id above 0 in the 32-port words the device's ports take (which may be
 * out of range).
 */
static uint32_t vser_free_id(VirtIOSerial *v, bool console)
{
    uint32_t words = (v->max_ports + 31) / 32 * 32;

    if (console && !v->ports[0]) {
        return 0;
    }
    for (uint32_t id = 1; id < words; id++) {
        if (id >= v->max_ports || !v->ports[id]) {
            return id;
        }
    }
    return VSER_PORT_NR_UNSET;
}

bool virtio_serial_port_attach(VirtIOSerial *v, VirtIOSerialPort *port,
                               Error **errp)
{
    uint32_t id = port->nr;

    if (id == 0 && !port->is_console) {
        error_setg(errp, "Port number 0 on virtio-serial devices reserved "
                         "for virtconsole devices for backward "
                         "compatibility.");
        return false;
    }
    if (id < v->max_ports && v->ports[id]) {
        error_setg(errp, "virtio-serial-bus: A port already exists at id %u",
                   id);
        return false;
    }
    if (port->name && virtio_serial_name_in_use(port->name)) {
        error_setg(errp, "virtio-serial-bus: A port already exists by name %s",
                   port->name);
        return false;
    }
    if (id == VSER_PORT_NR_UNSET) {
        id = vser_free_id(v, port->is_console);
        if (id == VSER_PORT_NR_UNSET) {
            error_setg(errp, "virtio-serial-bus: Maximum port limit for "
                             "this device reached");
            return false;
        }
    }
    if (id >= v->max_ports) {
        error_setg(errp,
                   "virtio-serial-bus: Out-of-range port id specified, "
                   "max. allowed: %u",
                   v->max_ports - 1);
        return false;
    }
    port->id = id;
    port->vser = v;
    v->ports[id] = port;
    vser_ctrl_send(v, id, VSER_CTRL_DEVICE_ADD, 1, NULL);
    return true;
}

void virtio_serial_port_detach(VirtIOSerialPort *port)
{
    VirtIOSerial *v = port->vser;

    if (!v) {
        return;
    }
    vser_discard(v, v->ovqs[port->id]);
    v->ports[port->id] = NULL;
    port->vser = NULL;
    vser_ctrl_send(v, port->id, VSER_CTRL_DEVICE_REMOVE, 1, NULL);
}

void virtio_serial_port_host_open(VirtIOSerialPort *port, bool open)
{
    port->host_connected = open;
    if (!port->vser) {
        return;
    }
    vser_ctrl_send(port->vser, port->id, VSER_CTRL_PORT_OPEN, open, NULL);
    if (open) {
        virtio_serial_port_flush_output(port);
    }
}

/* ---- config, status, reset ---- */

static void vser_get_config(VirtIODevice *vdev)
{
    VirtIOSerial *v = vdev->opaque;

    memset(vdev->config, 0, vdev->config_len);
    virtio_config_set16(vdev, CFG_COLS, 0);
    virtio_config_set16(vdev, CFG_ROWS, 0);
    virtio_config_set32(vdev, CFG_MAX_NR_PORTS, v->max_ports);
}

/* An emergency write: the low byte of emerg_wr to the first open console */
static void vser_set_config(VirtIODevice *vdev)
{
    VirtIOSerial *v = vdev->opaque;
    uint32_t w;

    if (vdev->config_len < CFG_LEN_EMERG) {
        return;
    }
    w = virtio_config_get32(vdev, CFG_EMERG_WR);
    virtio_config_set32(vdev, CFG_EMERG_WR, 0);
    if (!w) {
        return;
    }
    for (uint32_t i = 0; i < v->max_ports; i++) {
        VirtIOSerialPort *port = v->ports[i];

        if (port && port->is_console && port->host_connected) {
            uint8_t c = w;

            virtio_serial_port_guest_data(port, &c, 1);
            return;
        }
    }
}

static void vser_set_status(VirtIODevice *vdev, uint8_t status)
{
    VirtIOSerial *v = vdev->opaque;

    if (!(status & VIRTIO_STATUS_DRIVER_OK)) {
        return;
    }
    vser_ctrl_flush(v);
    for (uint32_t i = 0; i < v->max_ports; i++) {
        if (v->ports[i]) {
            virtio_serial_port_flush_input(v->ports[i]);
        }
    }
}

static void vser_ctrl_clear(VirtIOSerial *v)
{
    GByteArray *msg;

    while ((msg = g_queue_pop_head(&v->ctrl_out))) {
        g_byte_array_unref(msg);
    }
}

static void vser_reset(VirtIODevice *vdev)
{
    VirtIOSerial *v = vdev->opaque;

    v->driver_ready = false;
    vser_ctrl_clear(v);
    for (uint32_t i = 0; i < v->max_ports; i++) {
        VirtIOSerialPort *port = v->ports[i];

        if (port && port->guest_connected) {
            port->guest_connected = false;
            virtio_serial_port_guest_open(port, false);
        }
    }
}

static const VirtIODeviceOps vser_ops = {
    .get_config = vser_get_config,
    .set_config = vser_set_config,
    .set_status = vser_set_status,
    .reset = vser_reset,
};

/* ---- set-up ---- */

bool virtio_serial_realize(VirtIOSerial *v, DeviceState *proxy, Error **errp)
{
    uint64_t f = 0;
    g_autofree char *bus_name = NULL;

    if (!v->max_ports) {
        error_setg(errp, "Maximum number of serial ports not specified");
        return false;
    }
    if (v->max_ports > VSER_MAX_PORTS) {
        error_setg(errp, "maximum ports supported: %u", VSER_MAX_PORTS);
        return false;
    }
    /* QEMU offers MULTIPORT only when there can be more than port 0 */
    f |= v->max_ports > 1 ? 1ull << VIRTIO_CONSOLE_F_MULTIPORT : 0;
    f |= v->emergency_write ? 1ull << VIRTIO_CONSOLE_F_EMERG_WRITE : 0;
    virtio_init(&v->vdev, "virtio-serial", VIRTIO_ID_CONSOLE,
                v->emergency_write ? CFG_LEN_EMERG : CFG_LEN, f, &vser_ops, v);
    v->ivqs = g_new0(VirtQueue *, v->max_ports);
    v->ovqs = g_new0(VirtQueue *, v->max_ports);
    v->ports = g_new0(VirtIOSerialPort *, v->max_ports);
    v->ivqs[0] = virtio_add_queue(&v->vdev, VSER_DATA_QUEUE_SIZE,
                                  vser_handle_input);
    v->ovqs[0] = virtio_add_queue(&v->vdev, VSER_DATA_QUEUE_SIZE,
                                  vser_handle_output);
    v->c_ivq = virtio_add_queue(&v->vdev, VSER_CTRL_QUEUE_SIZE,
                                vser_handle_ctrl_in);
    v->c_ovq = virtio_add_queue(&v->vdev, VSER_CTRL_QUEUE_SIZE,
                                vser_handle_ctrl_out);
    for (uint32_t i = 1; i < v->max_ports; i++) {
        v->ivqs[i] = virtio_add_queue(&v->vdev, VSER_DATA_QUEUE_SIZE,
                                      vser_handle_input);
        v->ovqs[i] = virtio_add_queue(&v->vdev, VSER_DATA_QUEUE_SIZE,
                                      vser_handle_output);
    }
    g_queue_init(&v->ctrl_out);
    if (proxy->id) {
        bus_name = g_strdup_printf("%s.0", proxy->id);
    }
    v->bus = (VirtIOSerialBus *)qbus_new(TYPE_VIRTIO_SERIAL_BUS, proxy,
                                         bus_name);
    v->bus->vser = v;
    qbus_set_hotplug_handler(BUS(v->bus), OBJECT(v->bus));
    vser_all = g_list_prepend(vser_all, v);
    return true;
}

void virtio_serial_unrealize(VirtIOSerial *v)
{
    vser_all = g_list_remove(vser_all, v);
    for (uint32_t i = 0; v->ports && i < v->max_ports; i++) {
        if (v->ports[i]) {
            v->ports[i]->vser = NULL;
        }
    }
    if (v->bus) {
        v->bus->vser = NULL;
        object_unparent(OBJECT(v->bus));
        v->bus = NULL;
    }
    vser_ctrl_clear(v);
    g_clear_pointer(&v->ivqs, g_free);
    g_clear_pointer(&v->ovqs, g_free);
    g_clear_pointer(&v->ports, g_free);
    virtio_cleanup(&v->vdev);
}

void virtio_serial_describe(ObjectClass *oc)
{
    object_class_property_set_description(
        oc, "max_ports",
        "ports the device has (1..511; more than 1: MULTIPORT)");
    object_class_property_set_description(
        oc, "emergency-write",
        "offer EMERG_WRITE (a byte written to config goes to the console)");
}
