/*
 * Clients that send and do not read must not stall the emulator. A second
 * QMP client floods commands without reading until the emulator stops
 * reading from it (its reply backlog is over the chardev's bound); the
 * libqtest monitor and qtest keep answering meanwhile; then the flooder
 * reads and gets every reply, in order. The same for the qtest client
 * itself, with replies of megabytes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "libqtest.h"

/* Most requests the flooder may get in before the emulator must stop it. */
#define FLOOD_MAX 200000

static long rss_kib(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status", (int)pid);
    g_autofree char *text = NULL;
    const char *p;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    p = strstr(text, "VmRSS:");
    g_assert_nonnull(p);
    return strtol(p + strlen("VmRSS:"), NULL, 10);
}

static int client_connect(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = 30 };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    return fd;
}

/* Next line from @fd (blocking, 30 s at most); g_free it. */
static char *client_line(int fd, GString *in)
{
    char buf[65536], *nl;

    while (!(nl = memchr(in->str, '\n', in->len))) {
        ssize_t n = read(fd, buf, sizeof(buf));

        if (n <= 0) {
            g_error("flooding client: no more replies (%s)",
                    n ? g_strerror(errno) : "EOF");
        }
        g_string_append_len(in, buf, n);
    }
    {
        char *line = g_strndup(in->str, nl - in->str);

        g_string_erase(in, 0, nl + 1 - in->str);
        return line;
    }
}

static void set_nonblocking(int fd, bool on)
{
    int fl = fcntl(fd, F_GETFL);

    fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

/*
 * Send query-status with ids 0, 1, ... without reading, until the socket
 * takes nothing for 300 ms. Returns how many requests went in whole;
 * @rest is what the socket did not take of the next one.
 */
static int flood(int fd, GString *req)
{
    gint64 idle = g_get_monotonic_time();
    int sent = 0;

    set_nonblocking(fd, true);
    while (g_get_monotonic_time() - idle < 300 * 1000 && sent < FLOOD_MAX) {
        ssize_t n;

        if (!req->len) {
            g_string_printf(req,
                            "{\"execute\": \"query-status\", \"id\": %d}\n",
                            sent);
        }
        n = write(fd, req->str, req->len);
        if (n > 0) {
            g_string_erase(req, 0, n);
            sent += !req->len;
            idle = g_get_monotonic_time();
        } else {
            g_assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
            g_usleep(5 * 1000);
        }
    }
    set_nonblocking(fd, false);
    return sent;
}

/* The libqtest monitor and qtest answer promptly. */
static void assert_responsive(QTestState *s)
{
    gint64 t0 = g_get_monotonic_time();
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");

    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
}

/* A new client on @path gets the greeting; the emulator stays responsive. */
static void assert_next_client_served(QTestState *s, const char *path)
{
    struct timeval tv = { .tv_sec = 10 };
    g_autoptr(GString) in = g_string_new(NULL);
    g_autofree char *greeting = NULL;
    int fd = client_connect(path);

    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    greeting = client_line(fd, in);
    g_assert_nonnull(strstr(greeting, "\"QMP\""));
    close(fd);
    assert_responsive(s);
}

/* The emulator with a second QMP socket, and a negotiated client on it */
typedef struct FloodFx {
    char *dir, *path;
    QTestState *s;
    GString *in; /* what the client read and did not take yet */
    int fd;
} FloodFx;

static void flood_fx_start(FloodFx *f)
{
    g_autofree char *args = NULL;
    g_autofree char *greeting = NULL;
    g_autofree char *caps = NULL;

    f->dir = g_dir_make_tmp("qmp-flood-XXXXXX", NULL);
    f->path = g_build_filename(f->dir, "flood.sock", NULL);
    args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -qmp unix:%s,server=on,wait=off",
        f->path);
    f->s = qtest_init(args);
    f->in = g_string_new(NULL);
    f->fd = client_connect(f->path);
    greeting = client_line(f->fd, f->in);
    g_assert_nonnull(strstr(greeting, "\"QMP\""));
    g_assert_cmpint(write(f->fd, "{\"execute\": \"qmp_capabilities\"}\n", 32),
                    ==, 32);
    caps = client_line(f->fd, f->in);
    g_assert_nonnull(strstr(caps, "\"return\""));
}

/* The client is closed already; the next one is served; stop. */
static void flood_fx_end(FloodFx *f)
{
    assert_responsive(f->s);
    assert_next_client_served(f->s, f->path);
    qtest_quit(f->s);
    g_string_free(f->in, TRUE);
    unlink(f->path);
    rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

static void test_qmp_flood(void)
{
    g_autofree char *dir = g_dir_make_tmp("qmp-flood-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "flood.sock", NULL);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -qmp unix:%s,server=on,wait=off",
        path);
    QTestState *s = qtest_init(args);
    g_autoptr(GString) in = g_string_new(NULL);
    g_autoptr(GString) rest = g_string_new(NULL);
    int fd = client_connect(path);
    g_autofree char *greeting = client_line(fd, in);
    g_autofree char *caps = NULL;
    int sent;

    g_assert_nonnull(strstr(greeting, "\"QMP\""));
    g_assert_cmpint(write(fd, "{\"execute\": \"qmp_capabilities\"}\n", 32), ==,
                    32);
    caps = client_line(fd, in);
    g_assert_nonnull(strstr(caps, "\"return\""));

    sent = flood(fd, rest);
    g_test_message("%d requests in before the emulator stopped reading", sent);
    /* the emulator stopped reading the flooder before FLOOD_MAX */
    assert_responsive(s);
    g_assert_cmpint(sent, <, FLOOD_MAX);
    g_assert_cmpint(sent, >, 1000);
    qtest_writel(s, 0x1000, 0xcafe);
    g_assert_cmphex(qtest_readl(s, 0x1000), ==, 0xcafe);

    /* every reply arrives, in order */
    for (int i = 0; i < sent; i++) {
        g_autofree char *line = client_line(fd, in);
        g_autofree char *id = g_strdup_printf("\"id\": %d}", i);

        if (!g_str_has_suffix(line, "\r") || !strstr(line, "\"return\"") ||
            !strstr(line, id)) {
            g_error("reply %d of %d: %s", i, sent, line);
        }
    }
    /* the request cut in the middle completes and is answered */
    if (rest->len) {
        g_autofree char *line = NULL;
        g_autofree char *id = g_strdup_printf("\"id\": %d}", sent);

        g_assert_cmpint(write(fd, rest->str, rest->len), ==, rest->len);
        line = client_line(fd, in);
        g_assert_nonnull(strstr(line, id));
    }
    assert_responsive(s);
    close(fd);
    qtest_quit(s);
    unlink(path);
    rmdir(dir);
}

/*
 * A flooder that hangs up without reading: its connection is dropped
 * (the emulator reads no input from it then, so it learns of the hang-up
 * from the failing output) and the next client is served.
 */
static void test_flood_then_hang_up(void)
{
    g_autofree char *dir = g_dir_make_tmp("qmp-flood-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "flood.sock", NULL);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -qmp unix:%s,server=on,wait=off",
        path);
    QTestState *s = qtest_init(args);
    g_autoptr(GString) in = g_string_new(NULL);
    g_autoptr(GString) rest = g_string_new(NULL);
    int fd = client_connect(path);
    g_autofree char *greeting = client_line(fd, in);

    g_assert_cmpint(write(fd, "{\"execute\": \"qmp_capabilities\"}\n", 32), ==,
                    32);
    g_assert_cmpint(flood(fd, rest), >, 1000);
    close(fd);
    assert_responsive(s);
    assert_next_client_served(s, path);
    qtest_quit(s);
    unlink(path);
    rmdir(dir);
}

/*
 * A flooder whose connection stops taking output while its requests are
 * held: it shuts down its reading side and reads what was already on its
 * socket, so the emulator's next write fails. The emulator drops the
 * connection (the held requests go with it) and serves the next client;
 * it does not keep the dead connection, reading and holding requests it
 * can never answer.
 */
static void test_flood_then_writes_fail(void)
{
    g_autoptr(GString) rest = g_string_new(NULL);
    char buf[65536];
    FloodFx f;
    gint64 t0;
    ssize_t n;
    int fd;

    flood_fx_start(&f);
    fd = f.fd;
    g_assert_cmpint(flood(fd, rest), >, 1000);
    /* the emulator holds requests now; its next write will fail */
    g_assert_cmpint(shutdown(fd, SHUT_RD), ==, 0);
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        continue;
    }
    /* the emulator hangs up: the flooder's writes fail before long */
    t0 = g_get_monotonic_time();
    for (;;) {
        n = send(fd, "{\"execute\": \"query-status\"}\n", 29,
                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EPIPE) {
            break;
        }
        g_assert_true(n > 0 || errno == EAGAIN);
        if (g_get_monotonic_time() - t0 > 10 * G_USEC_PER_SEC) {
            g_error("the emulator kept a connection whose writes fail");
        }
        g_usleep(10 * 1000);
    }
    close(fd);
    flood_fx_end(&f);
}

/*
 * A client that negotiates and then never reads: the events for it queue
 * up to a bound, then its connection is dropped (it reads what was on its
 * socket, then EOF) and the next client is served.
 */
static void test_events_never_read(void)
{
    struct timeval tv = { .tv_sec = 10 };
    char buf[65536];
    size_t got = 0;
    FloodFx f;
    QTestState *s;
    ssize_t n;
    int fd;

    flood_fx_start(&f);
    s = f.s;
    fd = f.fd;
    /* about 5 MiB of STOP and RESUME events, over the 4 MiB bound */
    for (int i = 0; i < 32000; i++) {
        json_object_unref(qtest_qmp(s, "{'execute': 'stop'}"));
        json_object_unref(qtest_qmp(s, "{'execute': 'cont'}"));
    }
    assert_responsive(s);
    /* the idle client finds its connection closed behind its backlog */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        got += n;
    }
    g_test_message("%zu bytes of events before EOF", got);
    g_assert_cmpint(n, ==, 0);
    g_assert_cmpuint(got, <, 8 << 20);
    close(fd);
    flood_fx_end(&f);
}

/* The qtest client asks for 2 MiB replies and does not read them. */
static void test_qtest_flood(void)
{
    enum { N = 48, LEN = 1 << 20 };
    QTestState *s = qtest_init("-machine s390-ccw-virtio -nodefaults");
    long before;

    qtest_memset(s, 0x10000, 0xa5, LEN);
    before = rss_kib(qtest_pid(s));
    for (int i = 0; i < N; i++) {
        qtest_sendf(s, "read 0x10000 0x%x\n", LEN);
    }
    g_usleep(200 * 1000);
    assert_responsive(s);
    /* held back, not queued: N replies would be 96 MiB */
    g_assert_cmpint(rss_kib(qtest_pid(s)) - before, <, 32 * 1024);
    for (int i = 0; i < N; i++) {
        g_autofree char *r = qtest_recv_reply(s);

        g_assert_cmpuint(strlen(r), ==, 5 + 2 * LEN);
        g_assert_true(g_str_has_prefix(r, "OK 0xa5a5"));
        g_assert_true(g_str_has_suffix(r, "a5a5"));
    }
    assert_responsive(s);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-flood/qmp-client", test_qmp_flood);
    g_test_add_func("/qmp-flood/qtest-client", test_qtest_flood);
    g_test_add_func("/qmp-flood/hang-up", test_flood_then_hang_up);
    g_test_add_func("/qmp-flood/writes-fail", test_flood_then_writes_fail);
    g_test_add_func("/qmp-flood/events-never-read", test_events_never_read);
    return g_test_run();
}
