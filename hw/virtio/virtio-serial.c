/*
 * virtio-serial, the device side: queues, config space (and emergency
 * writes), reset, the data paths of the ports, port ids. The control
 * protocol is in virtio-serial-ctrl.c, the port devices (qdev, chardevs,
 * QMP events) in virtio-serial-port.c; the layout is described in
 * include/hw/virtio/virtio-serial.h.
 *
 * Host bytes wait in the port (and the chardev is not read) until the
 * driver posts receive buffers on an open port; guest output waits in
 * the ring while the chardev holds more than its bound. Ring errors are
 * the core's (virtio_error()).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/virtio/virtio-serial.h"
#include "virtio-serial-internal.h"

#define CFG_COLS         0
#define CFG_ROWS         2
#define CFG_MAX_NR_PORTS 4
#define CFG_EMERG_WR     8
#define CFG_LEN          8  /* without EMERG_WRITE */
#define CFG_LEN_EMERG    12 /* with it */

/* QEMU's limit: a queue pair per port and one for control */
#define VSER_MAX_PORTS  (VIRTIO_QUEUE_MAX / 2 - 1)
#define VSER_COPY_CHUNK 4096

static GList *vser_all; /* VirtIOSerial *: realized devices */

bool vser_multiport(VirtIOSerial *v)
{
    return virtio_vdev_has_feature(&v->vdev, VIRTIO_CONSOLE_F_MULTIPORT);
}

bool vser_running(VirtIOSerial *v)
{
    return (v->vdev.status & VIRTIO_STATUS_DRIVER_OK) && !v->vdev.broken;
}

const char *vser_bus_name(VirtIOSerial *v)
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

/* ---- data ---- */

/*
 * Guest output of @port to its chardev, a chunk at a time while the
 * chardev takes it: a request the chardev fills up in the middle of is
 * held (out_elem, out_off) until it drains, so that one request (up to
 * 1024 buffers of guest memory) never queues more than a chunk past the
 * chardev's bound.
 */
static void vser_port_output(VirtIOSerial *v, VirtIOSerialPort *port)
{
    VirtIODevice *vdev = &v->vdev;
    VirtQueue *vq = v->ovqs[port->id];
    bool pushed = false;
    uint8_t buf[VSER_COPY_CHUNK];

    for (;;) {
        VirtQueueElement *e = port->out_elem;

        if (!e && !(e = virtqueue_pop(vq))) {
            break;
        }
        port->out_elem = e;
        while (port->out_off < e->out_len &&
               virtio_serial_port_can_take(port)) {
            size_t want = MIN(sizeof(buf), e->out_len - port->out_off);
            size_t n = virtqueue_elem_read(e, vdev, port->out_off, buf, want);

            if (!n) {
                port->out_off = e->out_len; /* unreadable: the rest is lost */
                break;
            }
            virtio_serial_port_guest_data(port, buf, n);
            port->out_off += n;
        }
        if (port->out_off < e->out_len) {
            break; /* the chardev is full: go on when it drains */
        }
        port->out_elem = NULL;
        port->out_off = 0;
        virtqueue_push(vq, e, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

/* Drop a held request (reset, the port goes): the ring is not ours now */
static void vser_port_drop_output(VirtIOSerial *v, VirtIOSerialPort *port,
                                  bool give_back)
{
    VirtQueueElement *e = port->out_elem;

    port->out_elem = NULL;
    port->out_off = 0;
    if (!e) {
        return;
    }
    if (give_back) {
        virtqueue_push(v->ovqs[port->id], e, 0);
        virtio_notify(&v->vdev, v->ovqs[port->id]);
    } else {
        g_free(e);
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
    vser_port_drop_output(v, port, true);
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
    } else {
        vser_port_drop_output(port->vser, port, true);
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

static void vser_reset(VirtIODevice *vdev)
{
    VirtIOSerial *v = vdev->opaque;

    v->driver_ready = false;
    vser_ctrl_clear(v);
    for (uint32_t i = 0; i < v->max_ports; i++) {
        VirtIOSerialPort *port = v->ports[i];

        if (port) {
            vser_port_drop_output(v, port, false);
        }
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
            vser_port_drop_output(v, v->ports[i], false);
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
