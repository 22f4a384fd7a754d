/*
 * virtio-balloon: the balloon's queues. An inflate or deflate request
 * (an array of 32-bit page frame numbers) or a free-page report is given
 * back as it is: the frames stay with the guest. Statistics are 10-byte
 * entries (16-bit tag, 64-bit value), the first STATS_MAX_LEN bytes read. The config fields are
 * little-endian in every mode (virtio 1.x, "Memory Balloon Device").
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio-balloon.h"
#include "hw/boards.h"
#include "monitor/qmp.h"

#define CFG_NUM_PAGES  0
#define CFG_ACTUAL     4
#define CFG_HINT_CMD   8
#define CFG_POISON_VAL 12
#define CFG_SIZE_FULL  16

#define STAT_ENTRY_SIZE 10
/* entries of a statistics buffer looked at (a tag more than once: the last) */
#define STATS_MAX_LEN (4 * VIRTIO_BALLOON_S_NR * STAT_ENTRY_SIZE)

static VirtIOBalloon *active_balloon;

static uint64_t guest_ram_size(void)
{
    MachineState *ms = current_machine_get();

    return ms ? ms->ram_size : 0;
}

static void cfg_put32(VirtIOBalloon *b, size_t off, uint32_t v)
{
    if (off + 4 <= b->vdev.config_len) {
        for (int i = 0; i < 4; i++) {
            b->vdev.config[off + i] = v >> (8 * i);
        }
    }
}

static uint32_t cfg_get32(VirtIOBalloon *b, size_t off)
{
    uint32_t v = 0;

    if (off + 4 <= b->vdev.config_len) {
        for (int i = 0; i < 4; i++) {
            v |= (uint32_t)b->vdev.config[off + i] << (8 * i);
        }
    }
    return v;
}

static void balloon_get_config(VirtIODevice *vdev)
{
    VirtIOBalloon *b = vdev->opaque;

    memset(vdev->config, 0, vdev->config_len);
    cfg_put32(b, CFG_NUM_PAGES, b->num_pages);
    cfg_put32(b, CFG_ACTUAL, b->actual);
    cfg_put32(b, CFG_POISON_VAL, b->poison_val);
}

static void balloon_set_config(VirtIODevice *vdev)
{
    VirtIOBalloon *b = vdev->opaque;
    uint32_t before = b->actual;

    b->actual = cfg_get32(b, CFG_ACTUAL);
    if (b->actual != before) {
        JsonObject *data = json_object_new();

        json_object_set_int_member(data, "actual",
                                   virtio_balloon_guest_size(b));
        qmp_send_event("BALLOON_CHANGE", data);
    }
    if (virtio_vdev_has_feature(vdev, VIRTIO_BALLOON_F_PAGE_POISON)) {
        b->poison_val = cfg_get32(b, CFG_POISON_VAL);
    }
}

/* Inflate and deflate: the frames stay with the guest; nothing to do. */
static void balloon_handle_pages(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtQueueElement *elem;
    bool pushed = false;

    while ((elem = virtqueue_pop(vq))) {
        virtqueue_push(vq, elem, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

static void balloon_handle_stats(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOBalloon *b = vdev->opaque;
    VirtQueueElement *elem = virtqueue_pop(vq);
    uint8_t e[STAT_ENTRY_SIZE];
    size_t len;

    if (!elem) {
        return;
    }
    len = MIN(elem->out_len, STATS_MAX_LEN);
    for (size_t off = 0; off + STAT_ENTRY_SIZE <= len; off += STAT_ENTRY_SIZE) {
        uint16_t tag;

        if (virtqueue_elem_read(elem, vdev, off, e, sizeof(e)) != sizeof(e)) {
            break;
        }
        tag = virtio_lduw(vdev, e);
        if (tag < VIRTIO_BALLOON_S_NR) {
            b->stats[tag] = virtio_ldq(vdev, e + 2);
            b->stats_seen |= 1u << tag;
        }
    }
    /* kept: returned when the host asks for new statistics */
    if (b->stats_elem) {
        virtqueue_push(vq, b->stats_elem, 0);
    }
    b->stats_elem = elem;
    b->stats_last_update = g_get_real_time() / G_USEC_PER_SEC;
    if (b->stats_poll_interval > 0) {
        timer_mod_ns(b->stats_timer,
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                         b->stats_poll_interval * NANOSECONDS_PER_SECOND);
    }
}

/* The polling interval passed: give the buffer back for new statistics */
static void balloon_stats_poll(void *opaque)
{
    VirtIOBalloon *b = opaque;

    if (!b->stats_elem) {
        /* nothing to give back yet: look again after the interval */
        if (b->stats_poll_interval > 0) {
            timer_mod_ns(b->stats_timer,
                         qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                             b->stats_poll_interval * NANOSECONDS_PER_SECOND);
        }
        return;
    }
    virtqueue_push(b->svq, b->stats_elem, 0);
    b->stats_elem = NULL;
    virtio_notify(&b->vdev, b->svq);
}

bool virtio_balloon_set_poll_interval(VirtIOBalloon *b, int64_t value,
                                      Error **errp)
{
    if (value < 0) {
        error_setg(errp, "timer value must be greater than zero");
        return false;
    }
    if (value > UINT32_MAX) {
        error_setg(errp, "timer value is too big");
        return false;
    }
    b->stats_poll_interval = value;
    if (!b->stats_timer) {
        return true; /* armed at realize */
    }
    if (!value) {
        timer_del(b->stats_timer);
    } else {
        timer_mod_ns(b->stats_timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                                         value * NANOSECONDS_PER_SECOND);
    }
    return true;
}

/* QEMU's names of the statistics tags 0..9 */
static const char *const stat_names[] = {
    "stat-swap-in",          "stat-swap-out",    "stat-major-faults",
    "stat-minor-faults",     "stat-free-memory", "stat-total-memory",
    "stat-available-memory", "stat-disk-caches", "stat-htlb-pgalloc",
    "stat-htlb-pgfail",
};

JsonNode *virtio_balloon_guest_stats(VirtIOBalloon *b)
{
    JsonObject *o = json_object_new();
    JsonObject *st = json_object_new();
    JsonNode *n;

    for (size_t i = 0; i < G_N_ELEMENTS(stat_names); i++) {
        json_object_set_int_member(st, stat_names[i],
                                   b->stats_seen & (1u << i)
                                       ? (int64_t)b->stats[i]
                                       : -1);
    }
    json_object_set_object_member(o, "stats", st);
    json_object_set_int_member(o, "last-update", b->stats_last_update);
    n = json_node_init_object(json_node_alloc(), o);
    json_object_unref(o);
    return n;
}

/* Free-page reports: the pages are not taken from the guest either. */
static void balloon_handle_report(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtQueueElement *elem;
    bool pushed = false;

    while ((elem = virtqueue_pop(vq))) {
        virtqueue_push(vq, elem, 0);
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, vq);
    }
}

static void balloon_reset(VirtIODevice *vdev)
{
    VirtIOBalloon *b = vdev->opaque;

    g_clear_pointer(&b->stats_elem, g_free);
    b->actual = 0;
    b->poison_val = 0;
    b->stats_seen = 0;
}

static const VirtIODeviceOps balloon_ops = {
    .get_config = balloon_get_config,
    .set_config = balloon_set_config,
    .reset = balloon_reset,
};

static size_t balloon_config_size(VirtIOBalloon *b)
{
    if (b->qemu_4_0_config_size || b->page_poison) {
        return CFG_SIZE_FULL;
    }
    return CFG_HINT_CMD;
}

bool virtio_balloon_realize(VirtIOBalloon *b, Error **errp)
{
    uint64_t f = 1ull << VIRTIO_BALLOON_F_STATS_VQ;

    if (active_balloon) {
        error_setg(errp, "Only one balloon device is supported");
        return false;
    }
    if (b->free_page_hint) {
        error_setg(errp, "free-page-hint is not supported");
        return false;
    }
    f |= b->deflate_on_oom ? 1ull << VIRTIO_BALLOON_F_DEFLATE_ON_OOM : 0;
    f |= b->page_poison ? 1ull << VIRTIO_BALLOON_F_PAGE_POISON : 0;
    f |= b->free_page_reporting ? 1ull << VIRTIO_BALLOON_F_REPORTING : 0;
    virtio_init(&b->vdev, "virtio-balloon", VIRTIO_ID_BALLOON,
                balloon_config_size(b), f, &balloon_ops, b);
    b->ivq = virtio_add_queue(&b->vdev, VIRTIO_BALLOON_QUEUE_SIZE,
                              balloon_handle_pages);
    b->dvq = virtio_add_queue(&b->vdev, VIRTIO_BALLOON_QUEUE_SIZE,
                              balloon_handle_pages);
    b->svq = virtio_add_queue(&b->vdev, VIRTIO_BALLOON_QUEUE_SIZE,
                              balloon_handle_stats);
    if (b->free_page_reporting) {
        b->rvq = virtio_add_queue(&b->vdev, 32, balloon_handle_report);
    }
    b->stats_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, balloon_stats_poll, b);
    if (b->stats_poll_interval > 0) {
        virtio_balloon_set_poll_interval(b, b->stats_poll_interval, NULL);
    }
    active_balloon = b;
    return true;
}

void virtio_balloon_unrealize(VirtIOBalloon *b)
{
    if (active_balloon == b) {
        active_balloon = NULL;
    }
    if (b->stats_timer) {
        timer_del(b->stats_timer);
        g_clear_pointer(&b->stats_timer, timer_free);
    }
    g_clear_pointer(&b->stats_elem, g_free);
    virtio_cleanup(&b->vdev);
}

VirtIOBalloon *virtio_balloon_active(void)
{
    return active_balloon;
}

void virtio_balloon_set_target(VirtIOBalloon *b, uint64_t target)
{
    uint64_t ram = guest_ram_size();
    VirtIODevice *vdev = &b->vdev;

    target = MIN(target, ram);
    b->num_pages = (ram - target) >> VIRTIO_BALLOON_PFN_SHIFT;
    if ((vdev->status & VIRTIO_STATUS_DRIVER_OK) && vdev->transport) {
        vdev->transport->notify(vdev, VIRTIO_CONFIG_VECTOR);
    }
}

uint64_t virtio_balloon_guest_size(VirtIOBalloon *b)
{
    uint64_t ram = guest_ram_size();
    uint64_t taken = (uint64_t)b->actual << VIRTIO_BALLOON_PFN_SHIFT;

    return taken < ram ? ram - taken : 0;
}
