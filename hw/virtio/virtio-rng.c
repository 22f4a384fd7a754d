/*
 * virtio-rng: entropy for the guest from its rng= back end, else as
 * rng-builtin gives it (getrandom()). A request is a
 * chain of device-writable buffers; the used length says how many bytes
 * were filled (at most RNG_REQ_MAX). When the period's quota is spent the requests wait for
 * the next period (a virtual-clock timer).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio-rng.h"

#define RNG_CHUNK   256
#define RNG_REQ_MAX (64 * 1024) /* filled per request: bounds one kick */

/* Bytes from the back end; fewer when it has none just now */
static size_t rng_take(VirtIORng *rng, uint8_t *buf, size_t len)
{
    return rng->rng ? rng_backend_fill(rng->rng, buf, len)
                    : rng_builtin_fill(buf, len);
}

/* Fill one request; its used length. */
static uint32_t rng_serve(VirtIORng *rng, VirtQueueElement *elem)
{
    uint32_t want = MIN(MIN(elem->in_len, rng->quota), RNG_REQ_MAX);
    uint8_t buf[RNG_CHUNK];
    uint32_t done = 0;

    while (done < want) {
        size_t n = rng_take(rng, buf, MIN(sizeof(buf), want - done));

        if (!n || virtqueue_elem_write(elem, &rng->vdev, done, buf, n) != n) {
            break;
        }
        done += n;
    }
    rng->quota -= done;
    return done;
}

static void rng_process(VirtIORng *rng)
{
    VirtQueueElement *elem;
    bool pushed = false;

    while (rng->quota) {
        elem = virtqueue_pop(rng->vq);
        if (!elem) {
            break;
        }
        virtqueue_push(rng->vq, elem, rng_serve(rng, elem));
        pushed = true;
    }
    if (pushed) {
        virtio_notify(&rng->vdev, rng->vq);
    }
    if (!rng->quota && !timer_pending(rng->timer)) {
        timer_mod_ns(rng->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                                     (int64_t)rng->period_ms * SCALE_MS);
    }
}

static void rng_period(void *opaque)
{
    VirtIORng *rng = opaque;

    rng->quota = rng->max_bytes;
    rng_process(rng);
}

static void rng_handle(VirtIODevice *vdev, VirtQueue *vq)
{
    rng_process(vdev->opaque);
}

static void rng_reset(VirtIODevice *vdev)
{
    VirtIORng *rng = vdev->opaque;

    timer_del(rng->timer);
    rng->quota = rng->max_bytes;
}

static const VirtIODeviceOps rng_ops = {
    .reset = rng_reset,
};

bool virtio_rng_realize(VirtIORng *rng, Error **errp)
{
    if (!rng->period_ms) {
        error_setg(errp, "'period' parameter expects a positive integer");
        return false;
    }
    if (rng->max_bytes > INT64_MAX) {
        error_setg(errp, "'max-bytes' parameter must be non-negative, "
                         "and less than 2^63");
        return false;
    }
    virtio_init(&rng->vdev, "virtio-rng", VIRTIO_ID_RNG, 0, 0, &rng_ops, rng);
    rng->vq = virtio_add_queue(&rng->vdev, VIRTIO_RNG_QUEUE_SIZE, rng_handle);
    rng->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, rng_period, rng);
    rng->quota = rng->max_bytes;
    return true;
}

void virtio_rng_unrealize(VirtIORng *rng)
{
    g_clear_pointer(&rng->timer, timer_free);
    virtio_cleanup(&rng->vdev);
}
