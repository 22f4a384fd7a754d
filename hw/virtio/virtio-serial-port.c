/*
 * The ports of virtio-serial: the "virtio-serial-bus" each device has
 * (its own hot-plug handler: ports come and go at any time, with
 * DEVICE_ADD / DEVICE_REMOVE to the driver), and the port devices
 * virtserialport and virtconsole on an optional chardev.
 *
 * A virtserialport's host side is open while the chardev has a peer
 * (socket client connected, ...), a virtconsole's as long as it has a
 * chardev at all, as in QEMU. Bytes from the chardev are read only while
 * the port has room for them (virtio_serial_port_flush_input() pauses the
 * chardev otherwise); guest output waits in the ring while the chardev
 * holds more than its bound for a peer that does not read.
 * The driver opening or closing a port that has an id sends the QMP
 * event VSERPORT_CHANGE {"id": ID, "open": BOOL} (libvirt follows the
 * guest agent with it).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/hotplug.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/sclp-console.h"
#include "hw/virtio/virtio-serial.h"
#include "monitor/qmp.h"

/* host bytes a port holds: one chardev read, then the chardev pauses */
#define VPORT_PENDING_MAX (64 * 1024)

static VirtIOSerialPort *VIRTIO_SERIAL_PORT(void *obj)
{
    return OBJECT_CHECK(VirtIOSerialPort, obj, TYPE_VIRTIO_SERIAL_PORT);
}

static VirtIOSerialBus *VIRTIO_SERIAL_BUS(void *obj)
{
    return OBJECT_CHECK(VirtIOSerialBus, obj, TYPE_VIRTIO_SERIAL_BUS);
}

/* ---- the device's calls ---- */

bool virtio_serial_port_can_take(VirtIOSerialPort *port)
{
    return !port->chr || !qemu_chr_fe_throttled(port->chr);
}

void virtio_serial_port_guest_data(VirtIOSerialPort *port, const uint8_t *buf,
                                   size_t len)
{
    if (port->chr) {
        qemu_chr_fe_write_all(port->chr, buf, len);
    }
}

void virtio_serial_port_guest_open(VirtIOSerialPort *port, bool open)
{
    DeviceState *dev = DEVICE(port);
    JsonObject *data;

    trace_point("virtio_serial_port_open", "port %u guest %s", port->id,
                open ? "open" : "closed");
    if (port->chr && !port->is_console) {
        qemu_chr_fe_set_open(port->chr, open); /* query-chardev, as QEMU */
    }
    if (!dev->id) {
        return; /* QEMU names the port in the event: none without an id */
    }
    data = json_object_new();
    json_object_set_string_member(data, "id", dev->id);
    json_object_set_boolean_member(data, "open", open);
    qmp_send_event("VSERPORT_CHANGE", data);
}

/* ---- the chardev ---- */

static void vport_chr_read(void *opaque, const uint8_t *buf, size_t len)
{
    VirtIOSerialPort *port = opaque;
    size_t take = MIN(len, VPORT_PENDING_MAX - port->pending->len);

    if (take < len) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "virtio-serial port %u: %zu host bytes dropped\n",
                      port->id, len - take);
    }
    g_byte_array_append(port->pending, buf, take);
    virtio_serial_port_flush_input(port);
}

static void vport_chr_event(void *opaque, ChrEvent event)
{
    VirtIOSerialPort *port = opaque;

    if (event == CHR_EVENT_OPENED && !port->host_connected) {
        virtio_serial_port_host_open(port, true);
    } else if (event == CHR_EVENT_CLOSED && port->host_connected) {
        virtio_serial_port_host_open(port, false);
    }
}

static void vport_chr_drained(void *opaque)
{
    virtio_serial_port_flush_output(opaque);
}

static const CharFrontendOps vport_serial_ops = {
    .read = vport_chr_read,
    .event = vport_chr_event,
    .drained = vport_chr_drained,
};

/* a console's host side stays open whatever the peer does (QEMU) */
static const CharFrontendOps vport_console_ops = {
    .read = vport_chr_read,
    .drained = vport_chr_drained,
};

/* The chardev= back end, with QEMU 7.2's errors for these devices. */
static bool vport_chr_attach(VirtIOSerialPort *port, Error **errp)
{
    const char *type = object_get_typename(OBJECT(port));
    Error *busy = NULL;

    port->chr = NULL;
    if (!port->chardev) {
        return true; /* no back end: output dropped, host side closed */
    }
    port->chr = qemu_chr_find(port->chardev);
    if (!port->chr) {
        error_setg(errp, "Property '%s.chardev' can't find value '%s'", type,
                   port->chardev);
        return false;
    }
    if (!qemu_chr_fe_set_handlers(port->chr,
                                  port->is_console ? &vport_console_ops
                                                   : &vport_serial_ops,
                                  port, &busy)) {
        error_setg(errp, "Property '%s.chardev' can't take value '%s': %s",
                   type, port->chardev, error_get_pretty(busy));
        error_free(busy);
        port->chr = NULL;
        return false;
    }
    if (!port->is_console) {
        qemu_chr_fe_set_open(port->chr, false); /* until the guest opens */
    }
    return true;
}

/* ---- the port devices ---- */

static bool vport_realize(DeviceState *dev, Error **errp)
{
    VirtIOSerialPort *port = VIRTIO_SERIAL_PORT(dev);
    VirtIOSerialBus *bus = VIRTIO_SERIAL_BUS(dev->parent_bus);

    if (!bus->vser) {
        error_setg(errp, "virtio-serial-bus: the device is gone");
        return false;
    }
    port->pending = g_byte_array_new();
    port->host_connected = false;
    port->guest_connected = false;
    if (!vport_chr_attach(port, errp)) {
        g_clear_pointer(&port->pending, g_byte_array_unref);
        return false;
    }
    if (!virtio_serial_port_attach(bus->vser, port, errp)) {
        if (port->chr) {
            qemu_chr_fe_deinit(port->chr);
            port->chr = NULL;
        }
        g_clear_pointer(&port->pending, g_byte_array_unref);
        return false;
    }
    if (port->is_console && port->chr) {
        virtio_serial_port_host_open(port, true);
    }
    return true;
}

static void vport_unrealize(DeviceState *dev)
{
    VirtIOSerialPort *port = VIRTIO_SERIAL_PORT(dev);

    virtio_serial_port_detach(port);
    if (port->chr) {
        qemu_chr_fe_deinit(port->chr);
        port->chr = NULL;
    }
    g_clear_pointer(&port->pending, g_byte_array_unref);
    port->host_connected = false;
    port->guest_connected = false;
}

static void vport_instance_init(Object *obj)
{
    VIRTIO_SERIAL_PORT(obj)->is_console =
        object_dynamic_cast(obj, TYPE_VIRTCONSOLE) != NULL;
}

static Property vport_props[] = {
    DEFINE_PROP_SCLP_CHARDEV(VirtIOSerialPort, chardev),
    DEFINE_PROP_STRING("name", VirtIOSerialPort, name),
    DEFINE_PROP_UINT32("nr", VirtIOSerialPort, nr, VSER_PORT_NR_UNSET),
    DEFINE_PROP_END_OF_LIST(),
};

static void vport_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_VIRTIO_SERIAL_BUS;
    dc->categories |= 1UL << DEVICE_CATEGORY_INPUT;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    dc->realize = vport_realize;
    dc->unrealize = vport_unrealize;
    device_class_set_props(dc, vport_props);
}

static void virtserialport_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->desc = "virtio-serial port (a named channel)";
}

static void virtconsole_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->desc = "virtio-serial console port";
}

/* ---- the bus: its own hot-plug handler ---- */

static bool vser_bus_unplug(HotplugHandler *handler, DeviceState *dev,
                            Error **errp)
{
    if (dev->realized) {
        qdev_unrealize(dev);
    }
    return true;
}

static void vser_bus_class_init(ObjectClass *oc, void *data)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    hc->unplug = vser_bus_unplug;
}

static const TypeInfo vport_types[] = {
    {
        .name = TYPE_VIRTIO_SERIAL_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(VirtIOSerialBus),
        .class_init = vser_bus_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_HOTPLUG_HANDLER }, { NULL } },
    },
    {
        .name = TYPE_VIRTIO_SERIAL_PORT,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(VirtIOSerialPort),
        .instance_init = vport_instance_init,
        .class_init = vport_class_init,
    },
    {
        .name = TYPE_VIRTSERIALPORT,
        .parent = TYPE_VIRTIO_SERIAL_PORT,
        .class_init = virtserialport_class_init,
    },
    {
        .name = TYPE_VIRTCONSOLE,
        .parent = TYPE_VIRTSERIALPORT,
        .class_init = virtconsole_class_init,
    },
};

DEFINE_TYPES(vport_types)
