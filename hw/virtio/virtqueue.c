/*
 * Split virtqueues in guest memory (virtio 1.x "Split Virtqueues"): the
 * descriptor table (16-byte descriptors: address, length, flags, next),
 * the available ring (flags, idx, ring[num], used_event) and the used
 * ring (flags, idx, {id, len}[num], avail_event).
 *
 * Every value read from the rings is guest input: an index out of range,
 * a chain longer than its table (a loop), a buffer outside guest memory,
 * a nested or empty indirect table, a readable buffer after a writable
 * one, or a ring the memory API cannot reach puts the device in the
 * broken state (virtio_error()); nothing here trusts the guest further.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/virtio/virtio.h"

#define VRING_DESC_SIZE      16
#define VRING_DESC_F_NEXT    1
#define VRING_DESC_F_WRITE   2
#define VRING_DESC_F_INDIR   4
#define VRING_AVAIL_F_NO_INT 1

typedef struct VringDesc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
} VringDesc;

/* The request being gathered. */
typedef struct ChainWalk {
    GArray *out;
    GArray *in;
    uint64_t out_len;
    uint64_t in_len;
} ChainWalk;

static bool vq_read(VirtQueue *vq, hwaddr addr, void *buf, size_t len)
{
    return address_space_read(vq->vdev->as, addr, MEMTXATTRS_UNSPECIFIED, buf,
                              len) == MEMTX_OK;
}

static bool vq_write(VirtQueue *vq, hwaddr addr, const void *buf, size_t len)
{
    return address_space_write(vq->vdev->as, addr, MEMTXATTRS_UNSPECIFIED, buf,
                               len) == MEMTX_OK;
}

static bool vq_read16(VirtQueue *vq, hwaddr addr, uint16_t *v)
{
    uint8_t b[2];

    if (!vq_read(vq, addr, b, 2)) {
        virtio_error(vq->vdev, "queue %u: ring at 0x%" PRIx64 " unreadable",
                     vq->index, (uint64_t)addr);
        return false;
    }
    *v = virtio_lduw(vq->vdev, b);
    return true;
}

static bool vq_write16(VirtQueue *vq, hwaddr addr, uint16_t v)
{
    uint8_t b[2];

    virtio_stw(vq->vdev, b, v);
    if (!vq_write(vq, addr, b, 2)) {
        virtio_error(vq->vdev, "queue %u: ring at 0x%" PRIx64 " unwritable",
                     vq->index, (uint64_t)addr);
        return false;
    }
    return true;
}

static hwaddr avail_idx_addr(VirtQueue *vq)
{
    return vq->avail + 2;
}

static hwaddr avail_ring_addr(VirtQueue *vq, uint16_t i)
{
    return vq->avail + 4 + 2 * (hwaddr)(i % vq->num);
}

static hwaddr used_event_addr(VirtQueue *vq)
{
    return vq->avail + 4 + 2 * (hwaddr)vq->num;
}

static hwaddr avail_event_addr(VirtQueue *vq)
{
    return vq->used + 4 + 8 * (hwaddr)vq->num;
}

static bool vq_usable(VirtQueue *vq)
{
    return vq && vq->enabled && vq->num && !vq->vdev->broken;
}

bool virtio_queue_set_rings(VirtQueue *vq, uint16_t num, hwaddr desc,
                            hwaddr avail, hwaddr used)
{
    if (!num || !desc) {
        vq->enabled = false;
        vq->num = 0;
        vq->desc = vq->avail = vq->used = 0;
        return true;
    }
    if (num > vq->max_num || (num & (num - 1))) {
        return false;
    }
    vq->num = num;
    vq->desc = desc;
    vq->avail = avail;
    vq->used = used;
    vq->last_avail_idx = 0;
    vq->used_idx = 0;
    vq->signalled_used_valid = false;
    vq->inuse = 0;
    vq->enabled = true;
    return true;
}

void virtio_queue_notify(VirtIODevice *vdev, unsigned int n)
{
    VirtQueue *vq = virtio_get_queue(vdev, n);

    trace_point("virtio_queue_notify", "%s queue %u", vdev->name, n);
    if (vq_usable(vq) && vq->handle) {
        vq->handle(vdev, vq);
    }
}

/* The available index, checked against ours; false: broken or unreadable */
static bool vq_avail_idx(VirtQueue *vq, uint16_t *idx)
{
    if (!vq_read16(vq, avail_idx_addr(vq), idx)) {
        return false;
    }
    if ((uint16_t)(*idx - vq->last_avail_idx) > vq->num) {
        virtio_error(vq->vdev, "queue %u: available index %u is %u ahead",
                     vq->index, *idx, (uint16_t)(*idx - vq->last_avail_idx));
        return false;
    }
    return true;
}

bool virtqueue_empty(VirtQueue *vq)
{
    uint16_t idx;

    if (!vq_usable(vq) || !vq_avail_idx(vq, &idx)) {
        return true;
    }
    return idx == vq->last_avail_idx;
}

static bool vq_read_desc(VirtQueue *vq, hwaddr table, unsigned int i,
                         VringDesc *d)
{
    VirtIODevice *vdev = vq->vdev;
    uint8_t b[VRING_DESC_SIZE];

    if (!vq_read(vq, table + (hwaddr)i * VRING_DESC_SIZE, b, sizeof(b))) {
        virtio_error(vdev,
                     "queue %u: descriptor %u at 0x%" PRIx64 " unreadable",
                     vq->index, i, (uint64_t)table);
        return false;
    }
    d->addr = virtio_ldq(vdev, b);
    d->len = virtio_ldl(vdev, b + 8);
    d->flags = virtio_lduw(vdev, b + 12);
    d->next = virtio_lduw(vdev, b + 14);
    return true;
}

/* Add the buffer of @d to the request. */
static bool vq_add_buf(VirtQueue *vq, ChainWalk *w, const VringDesc *d)
{
    bool write = d->flags & VRING_DESC_F_WRITE;
    VirtBuf b = { .addr = d->addr, .len = d->len };

    if (w->out->len + w->in->len >= VIRTQUEUE_MAX_SIZE) {
        virtio_error(vq->vdev, "queue %u: more than %u buffers", vq->index,
                     VIRTQUEUE_MAX_SIZE);
        return false;
    }
    if (d->addr + d->len < d->addr ||
        !address_space_access_valid(vq->vdev->as, d->addr, d->len, write,
                                    MEMTXATTRS_UNSPECIFIED)) {
        virtio_error(vq->vdev,
                     "queue %u: buffer 0x%" PRIx64 "+%u outside "
                     "guest memory",
                     vq->index, d->addr, d->len);
        return false;
    }
    if (!write && w->in->len) {
        virtio_error(vq->vdev,
                     "queue %u: readable buffer after a writable "
                     "one",
                     vq->index);
        return false;
    }
    g_array_append_val(write ? w->in : w->out, b);
    if (write) {
        w->in_len += d->len;
    } else {
        w->out_len += d->len;
    }
    return true;
}

/* Switch the walk to the indirect table @d designates. */
static bool vq_enter_indirect(VirtQueue *vq, const VringDesc *d, bool *indirect,
                              hwaddr *table, unsigned int *size)
{
    VirtIODevice *vdev = vq->vdev;

    if (!virtio_vdev_has_feature(vdev, VIRTIO_RING_F_INDIRECT_DESC)) {
        virtio_error(vdev, "queue %u: indirect descriptor not negotiated",
                     vq->index);
        return false;
    }
    if (*indirect) {
        virtio_error(vdev, "queue %u: nested indirect table", vq->index);
        return false;
    }
    if ((d->flags & VRING_DESC_F_NEXT) || !d->len || d->len % VRING_DESC_SIZE ||
        d->len / VRING_DESC_SIZE > VIRTQUEUE_MAX_SIZE) {
        virtio_error(vdev, "queue %u: invalid indirect table (len %u)",
                     vq->index, d->len);
        return false;
    }
    *indirect = true;
    *table = d->addr;
    *size = d->len / VRING_DESC_SIZE;
    return true;
}

/* Walk the chain at @head; false: the device broke. */
static bool vq_walk(VirtQueue *vq, unsigned int head, ChainWalk *w)
{
    hwaddr table = vq->desc;
    unsigned int size = vq->num, i = head, seen = 0;
    bool indirect = false;
    VringDesc d;

    for (;;) {
        if (!vq_read_desc(vq, table, i, &d)) {
            return false;
        }
        if (d.flags & VRING_DESC_F_INDIR) {
            if (!vq_enter_indirect(vq, &d, &indirect, &table, &size)) {
                return false;
            }
            i = 0;
            seen = 0;
            continue;
        }
        if (++seen > size) {
            virtio_error(vq->vdev, "queue %u: descriptor chain loops",
                         vq->index);
            return false;
        }
        if (!vq_add_buf(vq, w, &d)) {
            return false;
        }
        if (!(d.flags & VRING_DESC_F_NEXT)) {
            return true;
        }
        i = d.next;
        if (i >= size) {
            virtio_error(vq->vdev, "queue %u: next descriptor %u out of %u",
                         vq->index, i, size);
            return false;
        }
    }
}

static VirtQueueElement *vq_elem_new(unsigned int head, ChainWalk *w)
{
    size_t nbuf = w->out->len + w->in->len;
    VirtQueueElement *e = g_malloc0(sizeof(*e) + nbuf * sizeof(VirtBuf));

    e->index = head;
    e->out_num = w->out->len;
    e->in_num = w->in->len;
    e->out_len = w->out_len;
    e->in_len = w->in_len;
    e->out = (VirtBuf *)(e + 1);
    e->in = e->out + e->out_num;
    memcpy(e->out, w->out->data, e->out_num * sizeof(VirtBuf));
    memcpy(e->in, w->in->data, e->in_num * sizeof(VirtBuf));
    return e;
}

VirtQueueElement *virtqueue_pop(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;
    ChainWalk w = { 0 };
    VirtQueueElement *elem = NULL;
    uint16_t idx, head;

    if (!vq_usable(vq) || !vq_avail_idx(vq, &idx)) {
        return NULL;
    }
    if (idx == vq->last_avail_idx) {
        if (virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
            vq_write16(vq, avail_event_addr(vq), vq->last_avail_idx);
        }
        return NULL;
    }
    if (!vq_read16(vq, avail_ring_addr(vq, vq->last_avail_idx), &head)) {
        return NULL;
    }
    if (head >= vq->num) {
        virtio_error(vdev, "queue %u: head descriptor %u out of %u", vq->index,
                     head, vq->num);
        return NULL;
    }
    w.out = g_array_new(false, false, sizeof(VirtBuf));
    w.in = g_array_new(false, false, sizeof(VirtBuf));
    if (vq_walk(vq, head, &w)) {
        elem = vq_elem_new(head, &w);
        vq->last_avail_idx++;
        vq->inuse++;
        if (virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
            vq_write16(vq, avail_event_addr(vq), vq->last_avail_idx);
        }
    }
    g_array_free(w.out, true);
    g_array_free(w.in, true);
    return elem;
}

void virtqueue_unpop(VirtQueue *vq, VirtQueueElement *elem)
{
    vq->last_avail_idx--;
    vq->inuse--;
    g_free(elem);
}

void virtqueue_push(VirtQueue *vq, VirtQueueElement *elem, uint32_t len)
{
    VirtIODevice *vdev = vq->vdev;
    uint8_t b[8];

    vq->inuse--;
    if (!vq_usable(vq)) {
        g_free(elem);
        return;
    }
    virtio_stl(vdev, b, elem->index);
    virtio_stl(vdev, b + 4, MIN(len, elem->in_len));
    g_free(elem);
    if (!vq_write(vq, vq->used + 4 + 8 * (hwaddr)(vq->used_idx % vq->num), b,
                  8)) {
        virtio_error(vdev, "queue %u: used ring unwritable", vq->index);
        return;
    }
    vq->used_idx++;
    vq_write16(vq, vq->used + 2, vq->used_idx);
}

/* Event index: does the driver want a notification for this batch? */
static bool vq_wants_event(VirtQueue *vq)
{
    uint16_t new_idx = vq->used_idx, old = vq->signalled_used, event;
    bool valid = vq->signalled_used_valid;

    vq->signalled_used = new_idx;
    vq->signalled_used_valid = true;
    if (!vq_read16(vq, used_event_addr(vq), &event)) {
        return false;
    }
    return !valid ||
           (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old);
}

void virtio_notify(VirtIODevice *vdev, VirtQueue *vq)
{
    uint16_t flags;
    bool want;

    if (!vq_usable(vq) || !vdev->transport) {
        return;
    }
    if (virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
        want = vq_wants_event(vq);
    } else if (virtio_vdev_has_feature(vdev, VIRTIO_F_NOTIFY_ON_EMPTY) &&
               !vq->inuse && virtqueue_empty(vq)) {
        want = true;
    } else {
        want = vq_read16(vq, vq->avail, &flags) &&
               !(flags & VRING_AVAIL_F_NO_INT);
    }
    if (want && !vdev->broken) {
        vdev->transport->notify(vdev, vq->index);
    }
}

/* Copy between @buf and the buffers @bufs, from @offset on. */
static size_t elem_copy(VirtIODevice *vdev, const VirtBuf *bufs, unsigned int n,
                        size_t offset, void *buf, size_t len, bool to_guest)
{
    size_t done = 0;

    for (unsigned int i = 0; i < n && done < len; i++) {
        size_t chunk;
        MemTxResult r;

        if (offset >= bufs[i].len) {
            offset -= bufs[i].len;
            continue;
        }
        chunk = MIN(bufs[i].len - offset, len - done);
        if (to_guest) {
            r = address_space_write(vdev->as, bufs[i].addr + offset,
                                    MEMTXATTRS_UNSPECIFIED,
                                    (uint8_t *)buf + done, chunk);
        } else {
            r = address_space_read(vdev->as, bufs[i].addr + offset,
                                   MEMTXATTRS_UNSPECIFIED,
                                   (uint8_t *)buf + done, chunk);
        }
        if (r != MEMTX_OK) {
            break;
        }
        done += chunk;
        offset = 0;
    }
    return done;
}

size_t virtqueue_elem_read(const VirtQueueElement *elem, VirtIODevice *vdev,
                           size_t offset, void *buf, size_t len)
{
    return elem_copy(vdev, elem->out, elem->out_num, offset, buf, len, false);
}

size_t virtqueue_elem_write(const VirtQueueElement *elem, VirtIODevice *vdev,
                            size_t offset, const void *buf, size_t len)
{
    return elem_copy(vdev, elem->in, elem->in_num, offset, (void *)buf, len,
                     true);
}
