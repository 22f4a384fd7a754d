/*
 * QMP queries of the block back ends, with QEMU 7.2's reply shapes:
 * query-named-block-nodes (every node), query-block (every BlockBackend:
 * each -drive, and each -blockdev node a device uses, as QEMU's
 * anonymous one), query-blockstats (the same, or the nodes with
 * query-nodes=true). The model (block/block-internal.h): a -drive is a
 * raw node over a file node; a -blockdev raw node has its file= node
 * as child. blockdev-add and blockdev-del add and remove -blockdev
 * nodes, block_resize changes an image's size. Throttling, caches and encryption are not configurable:
 * they are reported as QEMU reports a plain raw image.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "block/block-internal.h"

/* One node as the queries see it */
typedef struct BlkNode {
    const char *name;
    const char *drv; /* "raw", "file", "host_device" */
    const BlockBackend *blk;
    bool has_child; /* a raw node: its child is the file node */
} BlkNode;

static JsonNode *take_array(JsonArray *arr)
{
    JsonNode *node = json_node_init_array(json_node_alloc(), arr);

    json_array_unref(arr);
    return node;
}

/* The top node (what the device reads) of @blk */
static BlkNode blk_top(const BlockBackend *blk)
{
    if (blk->is_drive) {
        return (BlkNode){ blk->drive_node, "raw", blk, true };
    }
    return (BlkNode){ blk->name, blk->driver, blk, blk->file != NULL };
}

/* A raw node's file child */
static BlkNode blk_child(const BlockBackend *blk)
{
    if (blk->is_drive) {
        return (BlkNode){ blk->drive_file_node, "file", blk, false };
    }
    return blk_top(blk->file);
}

/* BlockDeviceInfo */
static JsonObject *node_info(const BlkNode *n)
{
    JsonObject *o = json_object_new();
    JsonObject *image = json_object_new();
    JsonObject *cache = json_object_new();
    static const char *const zeros[] = { "iops_rd",
                                         "iops_wr",
                                         "iops",
                                         "bps_wr",
                                         "bps",
                                         "bps_rd",
                                         "write_threshold",
                                         "backing_file_depth",
                                         NULL };

    json_object_set_int_member(image, "virtual-size", n->blk->length);
    json_object_set_string_member(image, "filename", n->blk->filename);
    json_object_set_string_member(image, "format", n->drv);
    json_object_set_int_member(image, "actual-size", n->blk->actual_size);
    json_object_set_boolean_member(image, "dirty-flag", false);
    json_object_set_boolean_member(cache, "no-flush", false);
    json_object_set_boolean_member(cache, "direct", false);
    json_object_set_boolean_member(cache, "writeback", true);
    for (int i = 0; zeros[i]; i++) {
        json_object_set_int_member(o, zeros[i], 0);
    }
    json_object_set_string_member(o, "detect_zeroes", "off");
    json_object_set_object_member(o, "image", image);
    json_object_set_boolean_member(o, "ro", n->blk->read_only);
    json_object_set_string_member(o, "node-name", n->name);
    json_object_set_string_member(o, "drv", n->drv);
    json_object_set_boolean_member(o, "encrypted", false);
    json_object_set_object_member(o, "cache", cache);
    json_object_set_string_member(o, "file", n->blk->filename);
    return o;
}

static void node_list_add(JsonArray *arr, const BlkNode *n)
{
    json_array_add_object_element(arr, node_info(n));
}

static bool qmp_query_named_block_nodes(JsonObject *args, JsonNode **ret,
                                        Error **errp)
{
    static const char *const allowed[] = { "flat", NULL };
    const GPtrArray *all = blk_all();
    bool flat = false;
    JsonArray *arr;

    /* flat= changes nothing: no node here has a backing image */
    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_bool(args, "flat", false, &flat, NULL, errp)) {
        return false;
    }
    arr = json_array_new();
    for (guint i = 0; all && i < all->len; i++) {
        const BlockBackend *blk = all->pdata[i];
        BlkNode top = blk_top(blk);

        node_list_add(arr, &top);
        if (blk->is_drive) {
            BlkNode child = blk_child(blk);

            node_list_add(arr, &child);
        }
    }
    *ret = take_array(arr);
    return true;
}

/* Does @blk appear as a BlockBackend (query-block)? */
static bool blk_is_backend(const BlockBackend *blk)
{
    return blk->is_drive || blk->attached;
}

static bool qmp_query_block(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const no_args[] = { NULL };
    const GPtrArray *all = blk_all();
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = json_array_new();
    for (guint i = 0; all && i < all->len; i++) {
        const BlockBackend *blk = all->pdata[i];
        BlkNode top = blk_top(blk);
        JsonObject *o;

        if (!blk_is_backend(blk)) {
            continue;
        }
        o = json_object_new();
        if (blk->attached) {
            json_object_set_string_member(o, "io-status", "ok");
        }
        json_object_set_string_member(o, "device",
                                      blk->is_drive ? blk->name : "");
        json_object_set_boolean_member(o, "locked", false);
        json_object_set_boolean_member(o, "removable", false);
        json_object_set_object_member(o, "inserted", node_info(&top));
        if (blk->qdev) {
            json_object_set_string_member(o, "qdev", blk->qdev);
        }
        json_object_set_string_member(o, "type", "unknown");
        json_array_add_object_element(arr, o);
    }
    *ret = take_array(arr);
    return true;
}

/*
 * The highest offset written through node @n: a node's statistic in
 * QEMU, so the nodes under a device that wrote show it too.
 */
static uint64_t node_wr_highest(const BlkNode *n)
{
    const GPtrArray *all = blk_all();
    uint64_t max = n->blk->stats.wr_highest;

    for (guint i = 0; all && i < all->len; i++) {
        const BlockBackend *b = all->pdata[i];

        if (b->file == n->blk) {
            max = MAX(max, b->stats.wr_highest);
        }
    }
    return max;
}

/* BlockDeviceStats: @st NULL for a node's own (zero but @wr_highest) */
static JsonObject *stats_info(const BlockAcctStats *st, uint64_t wr_highest)
{
    static const BlockAcctStats none;
    JsonObject *o = json_object_new();
    const BlockAcctStats *s = st ? st : &none;
    static const char *const zeros[] = { "unmap_operations",
                                         "unmap_merged",
                                         "flush_total_time_ns",
                                         "wr_total_time_ns",
                                         "wr_merged",
                                         "failed_unmap_operations",
                                         "rd_total_time_ns",
                                         "invalid_unmap_operations",
                                         "unmap_bytes",
                                         "rd_merged",
                                         "unmap_total_time_ns",
                                         "invalid_flush_operations",
                                         NULL };

    for (int i = 0; zeros[i]; i++) {
        json_object_set_int_member(o, zeros[i], 0);
    }
    json_object_set_int_member(o, "wr_highest_offset", wr_highest);
    json_object_set_int_member(o, "failed_wr_operations", s->failed_wr);
    json_object_set_int_member(o, "failed_rd_operations", s->failed_rd);
    json_object_set_int_member(o, "failed_flush_operations", s->failed_flush);
    json_object_set_int_member(o, "wr_bytes", s->wr_bytes);
    json_object_set_int_member(o, "rd_bytes", s->rd_bytes);
    json_object_set_int_member(o, "wr_operations", s->wr_ops);
    json_object_set_int_member(o, "rd_operations", s->rd_ops);
    json_object_set_int_member(o, "flush_operations", s->flush_ops);
    json_object_set_int_member(o, "invalid_wr_operations", s->invalid_wr);
    json_object_set_int_member(o, "invalid_rd_operations", s->invalid_rd);
    json_object_set_array_member(o, "timed_stats", json_array_new());
    /* a BlockBackend accounts invalid and failed requests, a node not */
    json_object_set_boolean_member(o, "account_invalid", st != NULL);
    json_object_set_boolean_member(o, "account_failed", st != NULL);
    return o;
}

/* BlockStats of node @n (@st: the BlockBackend's accounting or NULL) */
static JsonObject *node_stats(const BlkNode *n, const BlockAcctStats *st)
{
    JsonObject *o = json_object_new();

    json_object_set_object_member(o, "stats",
                                  stats_info(st, node_wr_highest(n)));
    json_object_set_string_member(o, "node-name", n->name);
    if (n->has_child) {
        BlkNode child = blk_child(n->blk);

        json_object_set_object_member(o, "parent", node_stats(&child, NULL));
    } else {
        JsonObject *ds = json_object_new();

        json_object_set_int_member(ds, "discard-bytes-ok", 0);
        json_object_set_int_member(ds, "discard-nb-ok", 0);
        json_object_set_string_member(ds, "driver", n->drv);
        json_object_set_int_member(ds, "discard-nb-failed", 0);
        json_object_set_object_member(o, "driver-specific", ds);
    }
    return o;
}

static bool qmp_query_blockstats(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "query-nodes", NULL };
    const GPtrArray *all = blk_all();
    bool nodes = false;
    JsonArray *arr;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_bool(args, "query-nodes", false, &nodes, NULL, errp)) {
        return false;
    }
    arr = json_array_new();
    for (guint i = 0; all && i < all->len; i++) {
        const BlockBackend *blk = all->pdata[i];
        BlkNode top = blk_top(blk);
        JsonObject *o;

        if (nodes) {
            json_array_add_object_element(arr, node_stats(&top, NULL));
            if (blk->is_drive) {
                BlkNode child = blk_child(blk);

                json_array_add_object_element(arr, node_stats(&child, NULL));
            }
            continue;
        }
        if (!blk_is_backend(blk)) {
            continue;
        }
        o = node_stats(&top, &blk->stats);
        json_object_set_string_member(o, "device",
                                      blk->is_drive ? blk->name : "");
        if (blk->qdev) {
            json_object_set_string_member(o, "qdev", blk->qdev);
        }
        json_array_add_object_element(arr, o);
    }
    *ret = take_array(arr);
    return true;
}

/* QMP's types for the booleans (-blockdev also takes on/off strings) */
static bool check_bool_args(JsonObject *args, Error **errp)
{
    static const char *const names[] = { "read-only", "auto-read-only", NULL };

    for (int i = 0; names[i]; i++) {
        JsonNode *n = json_object_get_member(args, names[i]);

        if (n && !(JSON_NODE_HOLDS_VALUE(n) &&
                   json_node_get_value_type(n) == G_TYPE_BOOLEAN)) {
            error_setg(errp,
                       "Invalid parameter type for '%s', expected: boolean",
                       names[i]);
            return false;
        }
    }
    return true;
}

/* libvirt's disk hot-plug: the file node, then the raw node over it */
static bool qmp_blockdev_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    return check_bool_args(args, errp) && blk_blockdev_add_obj(args, errp);
}

/* ... and after device_del, the raw node, then the file node */
static bool qmp_blockdev_del(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "node-name", NULL };
    const char *name = NULL;

    return qmp_args_check(args, allowed, errp) &&
           qmp_arg_str(args, "node-name", true, &name, NULL, errp) &&
           blk_blockdev_del(name, errp);
}

/* virsh blockresize: the image grows (or shrinks) and the guest is told */
static bool qmp_block_resize(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "device", "node-name", "size",
                                           NULL };
    const char *device = NULL, *node = NULL;
    int64_t size = 0;

    return qmp_args_check(args, allowed, errp) &&
           qmp_arg_str(args, "device", false, &device, NULL, errp) &&
           qmp_arg_str(args, "node-name", false, &node, NULL, errp) &&
           qmp_arg_int(args, "size", true, &size, NULL, errp) &&
           blk_resize(device, node, size, errp);
}

static void qmp_block_register(void)
{
    qmp_register_command("block_resize", qmp_block_resize, QCO_NO_FLAGS);
    qmp_register_command("blockdev-add", qmp_blockdev_add, QCO_NO_FLAGS);
    qmp_register_command("blockdev-del", qmp_blockdev_del, QCO_NO_FLAGS);
    qmp_register_command("query-named-block-nodes", qmp_query_named_block_nodes,
                         QCO_NO_FLAGS);
    qmp_register_command("query-block", qmp_query_block, QCO_NO_FLAGS);
    qmp_register_command("query-blockstats", qmp_query_blockstats,
                         QCO_NO_FLAGS);
}

module_init(qmp_block_register)
