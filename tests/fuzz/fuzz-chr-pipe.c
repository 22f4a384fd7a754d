/*
 * Socket connections to a chardev (see fuzz-chr-pipe.h).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "fuzz-chr-pipe.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/sockios.h>

struct FuzzChrPipe {
    Chardev *chr;
    int ours;                /* the client's end, -1 when not connected */
    struct sockaddr_un addr; /* server: where it listens */
    socklen_t addr_len;
    GThread *reader;
};

static gpointer pipe_reader(gpointer opaque)
{
    int fd = GPOINTER_TO_INT(opaque);
    bool echo = g_getenv("FUZZ_ECHO") != NULL;
    char buf[65536];

    for (;;) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        ssize_t n;

        if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
            return NULL;
        }
        n = read(fd, buf, sizeof(buf));
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
            return NULL; /* hung up (or shut down by us) */
        }
        if (n > 0 && echo && write(STDERR_FILENO, buf, n) < 0) {
            echo = false;
        }
    }
}

static void pipe_attach(FuzzChrPipe *p, int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    p->ours = fd;
    p->reader = g_thread_new("fuzz-chr-reader", pipe_reader,
                             GINT_TO_POINTER(fd));
}

static Chardev *pipe_chardev(const char *id, int fd)
{
    g_autoptr(JsonObject) opts = json_object_new();
    g_autofree char *fdstr = g_strdup_printf("%d", fd);
    Error *err = NULL;
    Chardev *chr;

    json_object_set_string_member(opts, "backend", "socket");
    json_object_set_string_member(opts, "id", id);
    json_object_set_string_member(opts, "fd", fdstr);
    chr = qemu_chr_new_from_opts(opts, &err);
    if (!chr) {
        error_report_err(err);
        abort();
    }
    return chr;
}

FuzzChrPipe *fuzz_chr_pipe_new(const char *id)
{
    FuzzChrPipe *p = g_new0(FuzzChrPipe, 1);
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        perror("fuzz: socketpair");
        abort();
    }
    p->chr = pipe_chardev(id, sv[1]);
    pipe_attach(p, sv[0]);
    return p;
}

FuzzChrPipe *fuzz_chr_pipe_new_server(const char *id)
{
    FuzzChrPipe *p = g_new0(FuzzChrPipe, 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int n;

    p->ours = -1;
    p->addr.sun_family = AF_UNIX;
    /* abstract name: nothing in the file system, gone with the process */
    n = snprintf(p->addr.sun_path + 1, sizeof(p->addr.sun_path) - 1,
                 "qemu-fuzz-%d-%s", (int)getpid(), id);
    p->addr_len = offsetof(struct sockaddr_un, sun_path) + 1 + n;
    if (fd < 0 || bind(fd, (struct sockaddr *)&p->addr, p->addr_len) < 0 ||
        listen(fd, 1) < 0) {
        perror("fuzz: listening socket");
        abort();
    }
    p->chr = pipe_chardev(id, fd);
    return p;
}

Chardev *fuzz_chr_pipe_chardev(FuzzChrPipe *p)
{
    return p->chr;
}

/* Run the main loop until @connected is the chardev's state. */
static void pipe_wait_state(FuzzChrPipe *p, bool connected)
{
    while (qemu_chr_fe_is_connected(p->chr) != connected) {
        g_main_context_iteration(NULL, TRUE);
    }
}

void fuzz_chr_pipe_connect(FuzzChrPipe *p)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert(p->ours < 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&p->addr, p->addr_len) < 0) {
        perror("fuzz: connect");
        abort();
    }
    pipe_attach(p, fd);
    pipe_wait_state(p, true);
}

void fuzz_chr_pipe_hangup(FuzzChrPipe *p)
{
    shutdown(p->ours, SHUT_RDWR);
    g_thread_join(p->reader);
    close(p->ours);
    p->ours = -1;
    pipe_wait_state(p, false);
}

/* Bytes we sent that the chardev has not read yet. */
static int pipe_unread(FuzzChrPipe *p)
{
    int n = 0;

    return ioctl(p->ours, SIOCOUTQ, &n) < 0 ? 0 : n;
}

void fuzz_chr_pipe_feed(FuzzChrPipe *p, const uint8_t *buf, size_t len)
{
    size_t sent = 0;
    int idle = 0;

    /* until all is sent and read, and two rounds found nothing to do */
    while (sent < len || pipe_unread(p) > 0 || idle < 2) {
        bool busy = false;

        if (sent < len) {
            ssize_t n = write(p->ours, buf + sent, len - sent);

            if (n > 0) {
                sent += n;
                busy = true;
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                /* the emulator never hangs up on a client by itself */
                fprintf(stderr,
                        "fuzz: chardev '%s' closed the connection: %s\n",
                        qemu_chr_get_id(p->chr), g_strerror(errno));
                abort();
            }
        }
        busy |= g_main_context_iteration(NULL, FALSE);
        idle = busy ? 0 : idle + 1;
    }
}
