/*
 * virtio-rng (device id 4): one request queue; every device-writable
 * buffer the driver offers is filled with bytes from the rng= back end
 * (include/sysemu/rng.h; without one the host's getrandom(), as QEMU's
 * implicit rng-builtin), at most max-bytes per period milliseconds of the
 * virtual clock (QEMU's rate limit; the default has none).
 */
#ifndef HW_VIRTIO_VIRTIO_RNG_H
#define HW_VIRTIO_VIRTIO_RNG_H

#include "hw/virtio/virtio.h"
#include "qemu/timer.h"
#include "sysemu/rng.h"

#define VIRTIO_RNG_QUEUE_SIZE 8

typedef struct VirtIORng {
    VirtIODevice vdev;
    VirtQueue *vq;
    RngBackend *rng;    /* rng= (a strong link), or NULL */
    uint64_t max_bytes; /* per period */
    uint32_t period_ms;
    uint64_t quota;   /* bytes left in this period */
    QEMUTimer *timer; /* the next period */
} VirtIORng;

bool virtio_rng_realize(VirtIORng *rng, Error **errp);
void virtio_rng_unrealize(VirtIORng *rng);

#endif
