/*
 * libqtest: the sockets to the emulator.  The test listens, the emulator
 * connects; every read has a deadline, and a read that fails tells why
 * (the emulator's exit status, or that it stopped answering).
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "libqtest-priv.h"

int qt_listen(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert(fd >= 0);
    g_assert(strlen(path) < sizeof(addr.sun_path));
    memcpy(addr.sun_path, path, strlen(path) + 1);
    g_assert(bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0);
    g_assert(listen(fd, 1) == 0);
    return fd;
}

/*
 * Poll @fd in short slices until it is readable, the deadline passes or
 * the emulator is gone (then one last look: it may have written first).
 */
static bool readable_before(QTestState *s, int fd, int64_t deadline)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };

    for (;;) {
        int64_t left = MAX(deadline - qt_now_ms(), 0);
        int ready = poll(&pfd, 1, (int)MIN(left, 100));

        if (ready > 0) {
            return true;
        }
        if ((ready < 0 && errno != EINTR) || left == 0) {
            return false;
        }
        if (ready == 0 && !qtest_probe_child(s)) {
            return poll(&pfd, 1, 0) > 0;
        }
    }
}

int qt_accept(QTestState *s, int lfd, const char *what)
{
    struct timeval rcv_timeout = { .tv_sec = qt_timeout_ms() / 1000 };
    int fd;

    if (!readable_before(s, lfd, qt_now_ms() + qt_timeout_ms())) {
        qt_fail(s, what);
    }
    fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    g_assert(fd >= 0);
    /* a lockstep exchange then costs one blocking recv() */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &rcv_timeout, sizeof(rcv_timeout));
    return fd;
}

void qt_send(QTestState *s, int fd, const char *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = send(fd, buf + done, len - done, MSG_NOSIGNAL);

        if (n > 0) {
            done += n;
        } else if (n == 0 || errno != EINTR) {
            qt_fail(s, "cannot send to the emulator");
        }
    }
}

const char *qt_rx_unread(const QtRxBuf *rx, size_t *len)
{
    *len = rx->data->len - rx->consumed;
    return rx->data->str + rx->consumed;
}

void qt_rx_consume(QtRxBuf *rx, size_t len)
{
    rx->consumed += len;
}

void qt_receive(QTestState *s, int fd, QtRxBuf *rx, const char *what)
{
    char chunk[65536];
    ssize_t n;

    /* drop what was handed out (strings returned from it die here) */
    if (rx->consumed == rx->data->len) {
        g_string_truncate(rx->data, 0);
        rx->consumed = 0;
    } else if (rx->consumed > 4096) {
        g_string_erase(rx->data, 0, rx->consumed);
        rx->consumed = 0;
    }
    do {
        n = recv(fd, chunk, sizeof(chunk), 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        g_string_append_len(rx->data, chunk, n);
        return;
    }
    if (n == 0) {
        qt_reap(s, true, NULL); /* closed: the exit status says why */
    }
    qt_fail(s, what);
}

char *qt_read_line(QTestState *s, int fd, QtRxBuf *rx)
{
    for (;;) {
        size_t len;
        const char *start = qt_rx_unread(rx, &len);
        char *nl = memchr(start, '\n', len);

        if (nl) {
            *nl = '\0';
            qt_rx_consume(rx, nl + 1 - start);
            return (char *)start;
        }
        qt_receive(s, fd, rx, "no reply on the qtest socket");
    }
}
