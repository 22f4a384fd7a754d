/*
 * libqtest: the QMP client.  Messages are framed by their braces; replies
 * are handed to the caller, events that arrive in between are kept in
 * order until a test waits for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest-priv.h"

/* ---- framing ---- */

/* Length of the complete JSON value at @p (after blanks), or 0. */
static size_t json_frame_len(const char *p, size_t len, size_t *skip)
{
    size_t i = 0;
    int depth = 0;
    bool in_str = false, esc = false;

    while (i < len && g_ascii_isspace(p[i])) {
        i++;
    }
    *skip = i;
    for (; i < len; i++) {
        char c = p[i];

        if (in_str) {
            if (esc) {
                esc = false;
            } else if (c == '\\') {
                esc = true;
            } else if (c == '"') {
                in_str = false;
            }
        } else if (c == '"') {
            in_str = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1 - *skip;
        }
    }
    return 0;
}

JsonObject *qtest_qmp_receive_dict(QTestState *s)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    GError *err = NULL;
    const char *text;
    size_t avail, skip, n;
    JsonNode *root;

    for (;;) {
        text = qt_rx_unread(&s->qmp_rx, &avail);
        n = json_frame_len(text, avail, &skip);
        if (n) {
            break;
        }
        qt_receive(s, s->qmp_fd, &s->qmp_rx, "no reply on the QMP socket");
    }
    if (!json_parser_load_from_data(parser, text + skip, n, &err)) {
        g_error("libqtest: bad JSON from QMP: %s: %.*s", err->message, (int)n,
                text + skip);
    }
    qt_rx_consume(&s->qmp_rx, skip + n);
    root = json_parser_get_root(parser);
    if (!JSON_NODE_HOLDS_OBJECT(root)) {
        g_error("libqtest: QMP sent a JSON value that is not an object");
    }
    return json_object_ref(json_node_get_object(root));
}

static bool is_event(JsonObject *msg)
{
    return json_object_has_member(msg, "event");
}

JsonObject *qtest_qmp_receive(QTestState *s)
{
    JsonObject *msg = qtest_qmp_receive_dict(s);

    while (is_event(msg)) {
        g_queue_push_tail(&s->qmp_events, msg);
        msg = qtest_qmp_receive_dict(s);
    }
    return msg;
}

void qtest_qmp_send_raw(QTestState *s, const char *text)
{
    qt_send(s, s->qmp_fd, text, strlen(text));
}

JsonObject *qtest_qmp_raw(QTestState *s, const char *text)
{
    qtest_qmp_send_raw(s, text);
    return qtest_qmp_receive(s);
}

/* Send a formatted command (shown on stderr with QTEST_LOG=1). */
static void send_command_text(QTestState *s, const char *text)
{
    if (getenv("QTEST_LOG")) {
        fprintf(stderr, "[QMP >] %s\n", text);
    }
    qtest_qmp_send_raw(s, text);
}

/* Send a formatted command and wait for its reply. */
static JsonObject *command_round_trip(QTestState *s, const char *text)
{
    send_command_text(s, text);
    return qtest_qmp_receive(s);
}

/*
 * The variadic entry points below only turn their arguments into text
 * (va_start, qtest_json_vformat, va_end): the template syntax is the API.
 */
void qtest_qmp_send(QTestState *s, const char *fmt, ...)
{
    g_autofree gchar *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = qtest_json_vformat(fmt, ap);
    va_end(ap);
    send_command_text(s, text);
}

JsonObject *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
{
    g_autofree gchar *text = qtest_json_vformat(fmt, ap);

    return command_round_trip(s, text);
}

JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...)
{
    g_autofree gchar *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = qtest_json_vformat(fmt, ap);
    va_end(ap);
    return command_round_trip(s, text);
}

void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
{
    g_autofree gchar *text = NULL;
    g_autoptr(JsonObject) rsp = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = qtest_json_vformat(fmt, ap);
    va_end(ap);
    rsp = command_round_trip(s, text);
    if (!json_object_has_member(rsp, "return")) {
        g_autofree gchar *reply = qmp_to_string(rsp);

        g_error("libqtest: QMP command failed: %s", reply);
    }
}

static bool event_is(JsonObject *msg, const char *name)
{
    return is_event(msg) &&
           !g_strcmp0(json_object_get_string_member(msg, "event"), name);
}

/* Take event @name out of the queue of events received earlier. */
static JsonObject *take_queued_event(QTestState *s, const char *name)
{
    for (GList *l = s->qmp_events.head; l; l = l->next) {
        JsonObject *ev = l->data;

        if (event_is(ev, name)) {
            g_queue_delete_link(&s->qmp_events, l);
            return ev;
        }
    }
    return NULL;
}

JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *name)
{
    JsonObject *msg = take_queued_event(s, name);

    while (!msg) {
        msg = qtest_qmp_receive_dict(s);
        if (event_is(msg, name)) {
            break;
        }
        if (is_event(msg)) {
            g_queue_push_tail(&s->qmp_events, msg);
        } else {
            g_autofree gchar *text = qmp_to_string(msg);

            g_test_message("libqtest: reply dropped while waiting for %s: %s",
                           name, text);
            json_object_unref(msg);
        }
        msg = NULL;
    }
    return msg;
}

void qtest_qmp_eventwait(QTestState *s, const char *name)
{
    json_object_unref(qtest_qmp_eventwait_ref(s, name));
}

/* ---- reply helpers ---- */

bool qmp_rsp_is_err(JsonObject *rsp)
{
    return json_object_has_member(rsp, "error");
}

const char *qmp_rsp_error_class(JsonObject *rsp)
{
    JsonObject *err;

    if (!qmp_rsp_is_err(rsp)) {
        return NULL;
    }
    err = json_object_get_object_member(rsp, "error");
    if (!err || !json_object_has_member(err, "class")) {
        return NULL;
    }
    return json_object_get_string_member(err, "class");
}

void qmp_expect_error_and_unref(JsonObject *rsp, const char *klass)
{
    g_autofree gchar *text = qmp_to_string(rsp);

    if (!qmp_rsp_is_err(rsp)) {
        g_error("libqtest: expected a QMP error, got %s", text);
    }
    if (klass) {
        g_assert_cmpstr(qmp_rsp_error_class(rsp), ==, klass);
    }
    json_object_unref(rsp);
}

gchar *qmp_to_string(JsonObject *obj)
{
    g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);

    json_node_set_object(node, obj);
    return json_to_string(node, FALSE);
}

JsonNode *qtest_qom_get(QTestState *s, const char *path, const char *prop)
{
    JsonObject *rsp = qtest_qmp(
        s, "{'execute': 'qom-get', 'arguments': {'path': %s, 'property': %s}}",
        path, prop);
    JsonNode *ret = json_object_dup_member(rsp, "return");

    if (!ret) {
        g_autofree gchar *text = qmp_to_string(rsp);

        g_error("qom-get %s %s: %s", path, prop, text);
    }
    json_object_unref(rsp);
    return ret;
}

const char *qtest_query_status(QTestState *s)
{
    static char status[32];
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");
    JsonObject *ret = json_object_get_object_member(rsp, "return");

    g_assert_nonnull(ret);
    g_strlcpy(status, json_object_get_string_member(ret, "status"),
              sizeof(status));
    json_object_unref(rsp);
    return status;
}
