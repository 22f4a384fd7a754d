/*
 * virtio-serial: the virtio console device (device id 3) with its ports.
 *
 * The device (VirtIOSerial, hw/virtio/virtio-serial.c) has up to
 * max_ports ports; with more than one it offers MULTIPORT, and the queue
 * layout is port 0's receive and transmit queues (0, 1), the control
 * receive and transmit queues (2, 3), then a pair for each further port
 * (port n: 2n + 2, 2n + 3). Control messages (8 bytes: le32 port id,
 * le16 event, le16 value, in the negotiated endian) announce the ports
 * to the driver once it says DEVICE_READY, give their names, and carry
 * the open state of either side. EMERG_WRITE (emergency-write=on): a
 * byte the driver writes to the emerg_wr config field goes to the first
 * console port whose host side is open.
 *
 * The ports (VirtIOSerialPort, hw/virtio/virtio-serial-port.c) are qdev
 * devices on the device's "virtio-serial-bus", named "<id>.0" as QEMU's:
 * virtserialport and virtconsole (port 0 is kept for a virtconsole), each
 * on an optional chardev. docs/system/s390x/virtio.rst describes them for
 * users.
 */
#ifndef HW_VIRTIO_VIRTIO_SERIAL_H
#define HW_VIRTIO_VIRTIO_SERIAL_H

#include "hw/virtio/virtio.h"
#include "hw/qdev-core.h"
#include "chardev/char.h"

#define VIRTIO_ID_CONSOLE 3

#define VIRTIO_CONSOLE_F_SIZE        0
#define VIRTIO_CONSOLE_F_MULTIPORT   1
#define VIRTIO_CONSOLE_F_EMERG_WRITE 2

/* control message events (virtio 1.x "Console Device") */
enum {
    VSER_CTRL_DEVICE_READY = 0,
    VSER_CTRL_DEVICE_ADD = 1,
    VSER_CTRL_DEVICE_REMOVE = 2,
    VSER_CTRL_PORT_READY = 3,
    VSER_CTRL_CONSOLE_PORT = 4,
    VSER_CTRL_RESIZE = 5,
    VSER_CTRL_PORT_OPEN = 6,
    VSER_CTRL_PORT_NAME = 7,
};

#define VSER_CTRL_LEN        8
#define VSER_DEFAULT_PORTS   31
#define VSER_PORT_NR_UNSET   UINT32_MAX
#define VSER_DATA_QUEUE_SIZE 128
#define VSER_CTRL_QUEUE_SIZE 32

#define TYPE_VIRTIO_SERIAL_BUS  "virtio-serial-bus"
#define TYPE_VIRTIO_SERIAL_PORT "virtio-serial-port"
#define TYPE_VIRTSERIALPORT     "virtserialport"
#define TYPE_VIRTCONSOLE        "virtconsole"

typedef struct VirtIOSerial VirtIOSerial;

typedef struct VirtIOSerialPort {
    DeviceState parent_obj;

    /* properties */
    uint32_t nr; /* VSER_PORT_NR_UNSET: the first free one */
    char *name;
    char *chardev;
    /* state */
    VirtIOSerial *vser; /* while attached */
    uint32_t id;
    bool is_console;
    Chardev *chr;
    bool host_connected;  /* the chardev's peer is there */
    bool guest_connected; /* the driver's PORT_OPEN */
    GByteArray *pending;  /* host bytes not yet in a guest buffer */
    /* guest output request half written when the chardev filled up */
    VirtQueueElement *out_elem;
    uint64_t out_off;
} VirtIOSerialPort;

typedef struct VirtIOSerialBus {
    BusState parent_obj;
    VirtIOSerial *vser;
} VirtIOSerialBus;

struct VirtIOSerial {
    VirtIODevice vdev;
    /* properties */
    uint32_t max_ports;
    bool emergency_write;
    /* state */
    const char *type_name; /* for messages: "virtio-serial-ccw" */
    VirtIOSerialBus *bus;
    VirtQueue *c_ivq, *c_ovq;
    VirtQueue **ivqs, **ovqs; /* by port id */
    VirtIOSerialPort **ports; /* by port id, NULL: free */
    bool driver_ready;        /* DEVICE_READY 1 received */
    GQueue ctrl_out;          /* GByteArray *: waiting for a buffer */
};

/*
 * The device inside its transport's proxy @proxy (the ports' bus hangs
 * below it). Errors in QEMU's words: "Maximum number of serial ports not
 * specified", "maximum ports supported: 511".
 */
bool virtio_serial_realize(VirtIOSerial *vser, DeviceState *proxy,
                           Error **errp);
void virtio_serial_unrealize(VirtIOSerial *vser);
/* the property descriptions (-device virtio-serial-*,help) */
void virtio_serial_describe(ObjectClass *oc);

/* ---- between the device and its ports ---- */

/* Is @name the name of a port of any virtio-serial device? */
bool virtio_serial_name_in_use(const char *name);
/*
 * Give @port its id (nr= or the first free one) and announce it
 * (DEVICE_ADD) when the driver is ready; QEMU's errors otherwise.
 */
bool virtio_serial_port_attach(VirtIOSerial *vser, VirtIOSerialPort *port,
                               Error **errp);
/* The port goes: its queued guest output is dropped, DEVICE_REMOVE. */
void virtio_serial_port_detach(VirtIOSerialPort *port);
/* The host side opened or closed: PORT_OPEN to the driver. */
void virtio_serial_port_host_open(VirtIOSerialPort *port, bool open);
/* Move the port's pending host bytes into guest buffers, as they allow. */
void virtio_serial_port_flush_input(VirtIOSerialPort *port);
/* The chardev takes output again: the guest's waiting output goes. */
void virtio_serial_port_flush_output(VirtIOSerialPort *port);

/* The port's side (virtio-serial-port.c), called by the device: */
/* bytes the guest sent on the port (false: hold them, back end full) */
bool virtio_serial_port_can_take(VirtIOSerialPort *port);
void virtio_serial_port_guest_data(VirtIOSerialPort *port, const uint8_t *buf,
                                   size_t len);
/* the driver's PORT_OPEN (also on reset: closed): VSERPORT_CHANGE */
void virtio_serial_port_guest_open(VirtIOSerialPort *port, bool open);

#endif
