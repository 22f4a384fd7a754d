/*
 * Between the parts of virtio-serial's device side: virtio-serial.c
 * (queues, data, ports, config) and virtio-serial-ctrl.c (the control
 * protocol).
 */
#ifndef HW_VIRTIO_SERIAL_INTERNAL_H
#define HW_VIRTIO_SERIAL_INTERNAL_H

#include "hw/virtio/virtio-serial.h"

/* MULTIPORT negotiated? */
bool vser_multiport(VirtIOSerial *v);
/* DRIVER_OK and not broken */
bool vser_running(VirtIOSerial *v);
/* the ports' bus name, for messages */
const char *vser_bus_name(VirtIOSerial *v);

/* Queue a control message for the driver (@text: a string after it). */
void vser_ctrl_send(VirtIOSerial *v, uint32_t id, uint16_t event,
                    uint16_t value, const char *text);
/* Move held control messages into the driver's buffers. */
void vser_ctrl_flush(VirtIOSerial *v);
/* Drop held control messages (reset, unrealize). */
void vser_ctrl_clear(VirtIOSerial *v);
/* The queue handlers of the control receive (2) and transmit (3) queues */
void vser_handle_ctrl_in(VirtIODevice *vdev, VirtQueue *vq);
void vser_handle_ctrl_out(VirtIODevice *vdev, VirtQueue *vq);

#endif
