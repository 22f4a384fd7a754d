/*
 * QMP monitors: one per chardev, each with its own negotiation state.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "monitor/monitor.h"
#include "monitor/qmp.h"
#include "monitor/monitor-internal.h"
#include "qobject/json-streamer.h"
#include "qobject/qjson.h"

typedef struct MonitorQMP {
    Chardev *chr;
    bool attached; /* front end of chr */
    bool pretty;
    QmpSession session;
    JSONStreamer *streamer;
    GString *out;
    /*
     * Requests parsed while the client's output backlog was over the
     * chardev's bound, run in order once it drains (MonitorRequest).
     */
    GQueue pending;
} MonitorQMP;

/* A parsed request, or the error parsing it gave. */
typedef struct MonitorRequest {
    JsonNode *req;
    Error *err;
} MonitorRequest;

static GPtrArray *monitors;

/*
 * An event that finds more than this queued for a client takes it as not
 * reading: the connection is dropped. Replies never grow the queue far
 * past the chardev's 1 MiB bound (requests are held there), events do.
 */
#define QMP_EVENT_BACKLOG_MAX (4 * MiB)

/* Send one JSON object followed by CR LF (QEMU ends every line so). */
static void monitor_send(MonitorQMP *mon, JsonObject *obj)
{
    g_autoptr(JsonNode) node = json_node_init_object(json_node_alloc(), obj);
    GString *out = mon->out;

    g_string_truncate(out, 0);
    if (mon->pretty) {
        /* one pass: inserting each CR in place was quadratic */
        g_autoptr(GString) text = g_string_new(NULL);
        const char *p, *nl;

        qjson_append(text, node, true);
        p = text->str;
        while ((nl = strchr(p, '\n'))) {
            g_string_append_len(out, p, nl - p);
            g_string_append(out, "\r\n");
            p = nl + 1;
        }
        g_string_append(out, p);
    } else {
        qjson_append(out, node, false);
    }
    g_string_append(out, "\r\n");
    qemu_chr_fe_write_all(mon->chr, out->str, out->len);
}

static void monitor_greet(MonitorQMP *mon)
{
    g_autoptr(JsonObject) greeting = json_object_new();
    JsonObject *qmp = json_object_new();
    JsonArray *caps = json_array_new();

    json_array_add_string_element(caps, "oob");
    json_object_set_object_member(qmp, "version", qmp_version_info());
    json_object_set_array_member(qmp, "capabilities", caps);
    json_object_set_object_member(greeting, "QMP", qmp);
    monitor_send(mon, greeting);
}

static void monitor_run(MonitorQMP *mon, JsonNode *req, Error *err)
{
    g_autoptr(JsonObject) reply = NULL;

    if (err) {
        reply = qmp_error_reply(err, NULL);
        error_free(err);
    } else {
        reply = qmp_dispatch_session(req, &mon->session);
        json_node_unref(req);
    }
    if (reply) {
        monitor_send(mon, reply);
    }
}

static void monitor_drop_pending(MonitorQMP *mon)
{
    MonitorRequest *r;

    while ((r = g_queue_pop_head(&mon->pending))) {
        if (r->req) {
            json_node_unref(r->req);
        }
        if (r->err) {
            error_free(r->err);
        }
        g_free(r);
    }
}

/* Run the held-back requests while the client takes the replies. */
static void monitor_run_pending(MonitorQMP *mon)
{
    MonitorRequest *r;

    while (!qemu_chr_fe_throttled(mon->chr) &&
           (r = g_queue_pop_head(&mon->pending))) {
        monitor_run(mon, r->req, r->err);
        g_free(r);
    }
}

static void monitor_emit(void *opaque, const JSONToken *tokens, size_t ntokens,
                         const char *text, const char *error)
{
    MonitorQMP *mon = opaque;
    JsonNode *req = NULL;
    Error *err = NULL;

    if (error) {
        error_setg(&err, "%s", error);
    } else {
        req = qjson_parse_tokens(tokens, ntokens, text, &err);
    }
    if (qemu_chr_fe_throttled(mon->chr) || !g_queue_is_empty(&mon->pending)) {
        MonitorRequest *r = g_new(MonitorRequest, 1);

        r->req = req;
        r->err = err;
        g_queue_push_tail(&mon->pending, r);
        return;
    }
    monitor_run(mon, req, err);
}

static void monitor_read(void *opaque, const uint8_t *buf, size_t len)
{
    MonitorQMP *mon = opaque;

    json_streamer_feed(mon->streamer, buf, len);
}

static void monitor_event(void *opaque, ChrEvent event)
{
    MonitorQMP *mon = opaque;

    if (event != CHR_EVENT_OPENED && event != CHR_EVENT_CLOSED) {
        return; /* the focus of a mux=on chardev: the session goes on */
    }
    json_streamer_reset(mon->streamer);
    monitor_drop_pending(mon);
    mon->session.negotiated = false;
    mon->session.oob = false;
    if (event == CHR_EVENT_OPENED) {
        monitor_greet(mon);
    }
}

static void monitor_drained(void *opaque)
{
    monitor_run_pending(opaque);
}

static const CharFrontendOps monitor_ops = {
    .read = monitor_read,
    .event = monitor_event,
    .drained = monitor_drained,
};

static void monitor_free(gpointer data)
{
    MonitorQMP *mon = data;

    if (mon->attached) {
        qemu_chr_fe_deinit(mon->chr);
    }
    json_streamer_free(mon->streamer);
    monitor_drop_pending(mon);
    g_string_free(mon->out, TRUE);
    g_free(mon);
}

bool monitor_init_qmp(Chardev *chr, bool pretty, Error **errp)
{
    MonitorQMP *mon = g_new0(MonitorQMP, 1);

    mon->chr = chr;
    mon->pretty = pretty;
    mon->streamer = json_streamer_new(monitor_emit, mon);
    mon->out = g_string_sized_new(256);
    if (!monitors) {
        monitors = g_ptr_array_new_with_free_func(monitor_free);
    }
    /* Listed before the handlers go in: OPENED may come right away. */
    g_ptr_array_add(monitors, mon);
    mon->attached = true;
    if (!qemu_chr_fe_set_handlers(chr, &monitor_ops, mon, errp)) {
        mon->attached = false;
        g_ptr_array_remove(monitors, mon);
        return false;
    }
    return true;
}

bool monitor_init_opts(JsonObject *opts, Error **errp)
{
    const char *id = json_object_get_string_member_with_default(opts, "chardev",
                                                                NULL);
    const char *mode = json_object_get_string_member_with_default(opts, "mode",
                                                                  "readline");
    const char *pretty_str =
        json_object_get_string_member_with_default(opts, "pretty", NULL);
    bool pretty = false;
    Chardev *chr;

    if (!id) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return false;
    }
    if (strcmp(mode, "control") && strcmp(mode, "readline")) {
        error_setg(errp, "Parameter 'mode' does not accept value '%s'", mode);
        return false;
    }
    if (pretty_str && !qapi_bool_parse("pretty", pretty_str, &pretty, errp)) {
        return false;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", id);
        return false;
    }
    if (!strcmp(mode, "readline")) {
        return monitor_init_hmp(chr, errp);
    }
    return monitor_init_qmp(chr, pretty, errp);
}

void monitor_cleanup(void)
{
    monitor_hmp_cleanup();
    if (monitors) {
        g_ptr_array_free(monitors, TRUE);
        monitors = NULL;
    }
}

void qmp_send_event(const char *name, JsonObject *data)
{
    g_autoptr(JsonObject) ev = json_object_new();
    JsonObject *ts = json_object_new();
    gint64 now = g_get_real_time();

    json_object_set_int_member(ts, "seconds", now / G_USEC_PER_SEC);
    json_object_set_int_member(ts, "microseconds", now % G_USEC_PER_SEC);
    json_object_set_object_member(ev, "timestamp", ts);
    json_object_set_string_member(ev, "event", name);
    if (data) {
        json_object_set_object_member(ev, "data", data);
    }
    for (guint i = 0; monitors && i < monitors->len; i++) {
        MonitorQMP *mon = g_ptr_array_index(monitors, i);
        if (!mon->session.negotiated || !qemu_chr_fe_is_connected(mon->chr)) {
            continue;
        }
        if (qemu_chr_fe_backlog(mon->chr) > QMP_EVENT_BACKLOG_MAX) {
            warn_report("QMP monitor on chardev '%s': the client reads no "
                        "events (over %" PRId64 " bytes queued), dropping it",
                        qemu_chr_get_id(mon->chr), QMP_EVENT_BACKLOG_MAX);
            qemu_chr_fe_hang_up(mon->chr);
            continue;
        }
        monitor_send(mon, ev);
    }
}
