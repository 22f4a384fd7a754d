/*
 * virtio-balloon (device id 5): the inflate, deflate and statistics
 * queues (and the free-page-reporting queue with free-page-reporting=on).
 * Pages the guest gives or takes back are counted, not unmapped; the
 * latest statistics the guest sent are kept. Config space: num_pages
 * (the target, set by the host), actual (written by the guest), and with
 * page poisoning the poison value the guest writes.
 */
#ifndef HW_VIRTIO_VIRTIO_BALLOON_H
#define HW_VIRTIO_VIRTIO_BALLOON_H

#include "hw/virtio/virtio.h"
#include "qemu/timer.h"
#include <json-glib/json-glib.h>

#define VIRTIO_BALLOON_F_MUST_TELL_HOST 0
#define VIRTIO_BALLOON_F_STATS_VQ       1
#define VIRTIO_BALLOON_F_DEFLATE_ON_OOM 2
#define VIRTIO_BALLOON_F_FREE_PAGE_HINT 3
#define VIRTIO_BALLOON_F_PAGE_POISON    4
#define VIRTIO_BALLOON_F_REPORTING      5

#define VIRTIO_BALLOON_PFN_SHIFT  12 /* pages are 4 KiB whatever the guest */
#define VIRTIO_BALLOON_QUEUE_SIZE 128
#define VIRTIO_BALLOON_S_NR       16 /* statistics tags kept */

typedef struct VirtIOBalloon {
    VirtIODevice vdev;
    VirtQueue *ivq, *dvq, *svq, *rvq;
    /* properties */
    bool deflate_on_oom;
    bool free_page_hint;
    bool free_page_reporting;
    bool page_poison;
    bool qemu_4_0_config_size;
    /* state */
    uint32_t num_pages;           /* target (host) */
    uint32_t actual;              /* guest's report */
    uint32_t poison_val;          /* guest's poison value */
    VirtQueueElement *stats_elem; /* held until the host wants new stats */
    uint64_t stats[VIRTIO_BALLOON_S_NR];
    uint32_t stats_seen;         /* bit per tag received */
    int64_t stats_last_update;   /* host time of the last statistics, s */
    int64_t stats_poll_interval; /* s; 0: the host does not ask */
    QEMUTimer *stats_timer;      /* asks for new statistics */
} VirtIOBalloon;

/* The second balloon is refused: "Only one balloon device is supported" */
bool virtio_balloon_realize(VirtIOBalloon *b, Error **errp);
void virtio_balloon_unrealize(VirtIOBalloon *b);

/*
 * QMP's side (balloon, query-balloon, the BALLOON_CHANGE event): the one
 * realized balloon, or NULL; a target guest size in bytes (more than the
 * guest's RAM: the RAM) becomes num_pages = (RAM - target) / 4 KiB, and
 * the driver is told the config changed; the guest's size in bytes is
 * RAM - actual * 4 KiB.
 */
VirtIOBalloon *virtio_balloon_active(void);
void virtio_balloon_set_target(VirtIOBalloon *b, uint64_t target);
uint64_t virtio_balloon_guest_size(VirtIOBalloon *b);

/*
 * guest-stats-polling-interval (libvirt's <stats period=...>, virsh
 * dommemstat --period): every that many seconds of the virtual clock the
 * statistics buffer the guest left is given back, so that it sends new
 * ones; 0 stops. QEMU's errors ("timer value must be greater than zero",
 * "timer value is too big"). guest-stats: {"stats": {"stat-swap-in": N,
 * ...}, "last-update": SECONDS}, -1 for a statistic the guest never sent.
 */
bool virtio_balloon_set_poll_interval(VirtIOBalloon *b, int64_t value,
                                      Error **errp);
JsonNode *virtio_balloon_guest_stats(VirtIOBalloon *b);

#endif
