/*
 * A QMP client on a descriptor the test owns (a unix socket it connected,
 * or its end of a socketpair whose other end the emulator was given),
 * for tests whose monitor is not libqtest's: every read has a timeout,
 * events are skipped while waiting for a reply.
 */
#ifndef QMP_FD_H
#define QMP_FD_H

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct QmpFd {
    int fd;
    GString *buf;
} QmpFd;

static inline QmpFd *qmp_fd_new(int fd)
{
    QmpFd *q = g_new0(QmpFd, 1);

    q->fd = fd;
    q->buf = g_string_new(NULL);
    return q;
}

/* Connect to a listening unix socket (retrying up to 5 s). */
static inline QmpFd *qmp_fd_connect(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };

    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    for (int tries = 0; tries < 500; tries++) {
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            return qmp_fd_new(fd);
        }
        close(fd);
        g_usleep(10 * 1000);
    }
    g_error("cannot connect to %s", path);
}

static inline void qmp_fd_free(QmpFd *q)
{
    close(q->fd);
    g_string_free(q->buf, TRUE);
    g_free(q);
}

/* Next JSON object (one line), or NULL at EOF or after 30 s. */
static inline JsonObject *qmp_fd_read(QmpFd *q)
{
    for (;;) {
        char *nl = memchr(q->buf->str, '\n', q->buf->len);
        struct pollfd pfd = { .fd = q->fd, .events = POLLIN };
        char chunk[4096];
        ssize_t n;

        if (nl) {
            g_autofree char *line = g_strndup(q->buf->str, nl - q->buf->str);
            g_autoptr(JsonParser) p = json_parser_new();
            JsonNode *root;

            g_string_erase(q->buf, 0, nl - q->buf->str + 1);
            if (!json_parser_load_from_data(p, line, -1, NULL)) {
                g_error("not JSON from the monitor: %s", line);
            }
            root = json_parser_get_root(p);
            g_assert_true(JSON_NODE_HOLDS_OBJECT(root));
            return json_object_ref(json_node_get_object(root));
        }
        if (poll(&pfd, 1, 30000) <= 0) {
            return NULL;
        }
        n = read(q->fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return NULL;
        }
        g_string_append_len(q->buf, chunk, n);
    }
}

/* Send @json (one command) and return its reply, skipping events. */
static inline JsonObject *qmp_fd_cmd(QmpFd *q, const char *json)
{
    g_autofree char *line = g_strdup_printf("%s\n", json);
    JsonObject *o;

    g_assert_cmpint(write(q->fd, line, strlen(line)), ==, strlen(line));
    while ((o = qmp_fd_read(q)) && json_object_has_member(o, "event")) {
        json_object_unref(o);
    }
    return o;
}

#endif
