/*
 * libqtest: start the emulator, talk qtest and QMP to it.
 * See libqtest.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libqtest.h"

typedef struct LineBuf {
    GString *buf;
    size_t pos;     /* start of unconsumed data */
} LineBuf;

struct QTestState {
    pid_t pid;
    bool exited;
    int wstatus;
    int expected_status;
    int qtest_fd;
    int qmp_fd;
    char *tmpdir;
    LineBuf qtest_in;
    LineBuf qmp_in;
    GQueue async_lines;
    GQueue qmp_events;
};

static GList *live_states;

static int qtest_timeout_ms(void)
{
    const char *t = getenv("QTEST_TIMEOUT");

    return (t && atoi(t) > 0 ? atoi(t) : 60) * 1000;
}

static int64_t now_ms(void)
{
    return g_get_monotonic_time() / 1000;
}

static void kill_all_children(int sig)
{
    GList *l;

    for (l = live_states; l; l = l->next) {
        QTestState *s = l->data;

        if (!s->exited) {
            kill(s->pid, SIGKILL);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void reap(QTestState *s, int options, struct rusage *ru)
{
    struct rusage dummy;
    pid_t r;

    if (s->exited) {
        return;
    }
    do {
        r = wait4(s->pid, &s->wstatus, options, ru ? ru : &dummy);
    } while (r < 0 && errno == EINTR);
    if (r == s->pid) {
        s->exited = true;
    }
}

bool qtest_probe_child(QTestState *s)
{
    reap(s, WNOHANG, NULL);
    return !s->exited;
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

static void describe_status(GString *out, int wstatus)
{
    if (WIFEXITED(wstatus)) {
        g_string_append_printf(out, "exited with status %d",
                               WEXITSTATUS(wstatus));
    } else if (WIFSIGNALED(wstatus)) {
        g_string_append_printf(out, "was killed by signal %d (%s)%s",
                               WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)),
                               WCOREDUMP(wstatus) ? ", core dumped" : "");
    }
}

/* The emulator failed us: say why, kill it, fail the test. */
static void G_GNUC_NORETURN qtest_die(QTestState *s, const char *what)
{
    g_autoptr(GString) msg = g_string_new("");

    g_string_append_printf(msg, "libqtest: %s: ", what);
    if (qtest_probe_child(s)) {
        g_string_append(msg, "the emulator is still running (killed now)");
        kill(s->pid, SIGKILL);
        reap(s, 0, NULL);
    } else {
        g_string_append(msg, "the emulator ");
        describe_status(msg, s->wstatus);
    }
    fprintf(stderr, "%s\n", msg->str);
    g_test_message("%s", msg->str);
    abort();
}

/* ---- sockets ---- */

static int listen_unix(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert(fd >= 0);
    g_assert(strlen(path) < sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    g_assert(bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0);
    g_assert(listen(fd, 1) == 0);
    return fd;
}

/* Wait for @fd to become readable; false on timeout. */
static bool wait_readable(QTestState *s, int fd, int timeout_ms)
{
    int64_t deadline = now_ms() + timeout_ms;
    struct pollfd pfd = { .fd = fd, .events = POLLIN };

    for (;;) {
        int64_t left = deadline - now_ms();
        int r = poll(&pfd, 1, (int)MIN(MAX(left, 0), 100));

        if (r > 0) {
            return true;
        }
        if (r < 0 && errno != EINTR) {
            return false;
        }
        if (left <= 0) {
            return false;
        }
        if (s && r == 0 && !qtest_probe_child(s)) {
            /* one last look: it may have written before exiting */
            return poll(&pfd, 1, 0) > 0;
        }
    }
}

static int accept_from_child(QTestState *s, int lfd, const char *what)
{
    struct timeval tv = { 0 };
    int fd;

    if (!wait_readable(s, lfd, qtest_timeout_ms())) {
        qtest_die(s, what);
    }
    fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    g_assert(fd >= 0);
    tv.tv_sec = qtest_timeout_ms() / 1000;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    return fd;
}

static void send_all(QTestState *s, int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            qtest_die(s, "cannot send to the emulator");
        }
        buf += n;
        len -= n;
    }
}

/*
 * Read more bytes into @lb; dies on EOF or timeout.  The sockets carry
 * SO_RCVTIMEO, so a lockstep exchange costs one blocking recv().
 */
static void fill(QTestState *s, int fd, LineBuf *lb, const char *what)
{
    char tmp[65536];
    ssize_t n;

    if (lb->pos && lb->pos == lb->buf->len) {
        g_string_truncate(lb->buf, 0);
        lb->pos = 0;
    }
    do {
        n = recv(fd, tmp, sizeof(tmp), 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        g_string_append_len(lb->buf, tmp, n);
        return;
    }
    if (n == 0) {
        reap(s, 0, NULL);
    }
    qtest_die(s, what);
}

/* Next line in @lb (newline replaced by NUL); pointer valid until next. */
static char *next_line(QTestState *s, int fd, LineBuf *lb)
{
    char *nl;

    while (!(nl = memchr(lb->buf->str + lb->pos, '\n',
                         lb->buf->len - lb->pos))) {
        if (lb->pos > 4096) {
            g_string_erase(lb->buf, 0, lb->pos);
            lb->pos = 0;
        }
        fill(s, fd, lb, "no reply on the qtest socket");
    }
    char *line = lb->buf->str + lb->pos;
    *nl = '\0';
    lb->pos = nl + 1 - lb->buf->str;
    return line;
}

/* ---- start / stop ---- */

static void add_args(GPtrArray *argv, const char *args)
{
    g_auto(GStrv) v = NULL;
    GError *err = NULL;
    int i;

    if (!args || !*args) {
        return;
    }
    if (!g_shell_parse_argv(args, NULL, &v, &err)) {
        g_error("libqtest: cannot split arguments '%s': %s", args,
                err->message);
    }
    for (i = 0; v[i]; i++) {
        g_ptr_array_add(argv, g_strdup(v[i]));
    }
}

static const char *default_binary(void)
{
    const char *bin = getenv("QTEST_QEMU_BINARY");

    if (!bin) {
        fprintf(stderr, "libqtest: set QTEST_QEMU_BINARY to the emulator\n");
        exit(1);
    }
    return bin;
}

static void spawn(QTestState *s, const char *binary, GPtrArray *argv)
{
    GError *err = NULL;
    GPid pid;

    g_ptr_array_add(argv, NULL);
    /* in a sanitizer build, undefined behaviour in the emulator ends it, so
     * the test that provoked it fails instead of passing with a warning */
    g_setenv("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1", FALSE);
    if (!g_spawn_async(NULL, (char **)argv->pdata, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                       NULL, NULL, &pid, &err)) {
        g_error("libqtest: cannot run %s: %s", binary, err->message);
    }
    s->pid = pid;
}

QTestState *qtest_init_opts(const QTestInitOptions *opts,
                            const char *extra_args)
{
    QTestState *s = g_new0(QTestState, 1);
    const char *binary = opts->binary ? opts->binary : default_binary();
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *qsock = NULL, *msock = NULL;
    int qlfd, mlfd;

    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", NULL);
    g_assert(s->tmpdir);
    qsock = g_build_filename(s->tmpdir, "qtest.sock", NULL);
    msock = g_build_filename(s->tmpdir, "qmp.sock", NULL);
    qlfd = listen_unix(qsock);
    mlfd = listen_unix(msock);
    s->qtest_in.buf = g_string_sized_new(4096);
    s->qmp_in.buf = g_string_sized_new(4096);
    g_queue_init(&s->async_lines);
    g_queue_init(&s->qmp_events);

    g_ptr_array_add(argv, g_strdup(binary));
    g_ptr_array_add(argv, g_strdup("-qtest"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s", qsock));
    g_ptr_array_add(argv, g_strdup("-qtest-log"));
    g_ptr_array_add(argv, g_strdup(getenv("QTEST_LOG") ? "/dev/fd/2"
                                                       : "/dev/null"));
    g_ptr_array_add(argv, g_strdup("-chardev"));
    g_ptr_array_add(argv, g_strdup_printf("socket,path=%s,id=char0", msock));
    add_args(argv, "-mon chardev=char0,mode=control -display none");
    add_args(argv, extra_args);
    if (!opts->no_accel_qtest) {
        add_args(argv, "-accel qtest");
    }
    spawn(s, binary, argv);
    live_states = g_list_prepend(live_states, s);
    signal(SIGABRT, kill_all_children);
    signal(SIGTRAP, kill_all_children);   /* fatal GLib criticals */

    s->qtest_fd = accept_from_child(s, qlfd, "the emulator did not connect "
                                    "to the qtest socket");
    s->qmp_fd = accept_from_child(s, mlfd, "the emulator did not connect "
                                  "to the QMP socket");
    close(qlfd);
    close(mlfd);
    unlink(qsock);
    unlink(msock);
    s->expected_status = 0;

    if (!opts->no_handshake) {
        JsonObject *greeting = qtest_qmp_receive_dict(s);

        g_assert_true(json_object_has_member(greeting, "QMP"));
        json_object_unref(greeting);
        qtest_qmp_assert_success(s, "{'execute': 'qmp_capabilities'}");
    }
    return s;
}

QTestState *qtest_init(const char *extra_args)
{
    QTestInitOptions opts = { 0 };

    return qtest_init_opts(&opts, extra_args);
}

QTestState *qtest_init_without_qmp_handshake(const char *extra_args)
{
    QTestInitOptions opts = { .no_handshake = true };

    return qtest_init_opts(&opts, extra_args);
}

void qtest_set_expected_status(QTestState *s, int status)
{
    s->expected_status = status;
}

int qtest_wait_qemu(QTestState *s, struct rusage *ru)
{
    int64_t deadline = now_ms() + qtest_timeout_ms();

    while (!s->exited) {
        reap(s, WNOHANG, ru);
        if (s->exited) {
            break;
        }
        if (now_ms() > deadline) {
            qtest_die(s, "the emulator did not exit");
        }
        g_usleep(200);
    }
    return s->wstatus;
}

static void qtest_free(QTestState *s)
{
    live_states = g_list_remove(live_states, s);
    if (s->qtest_fd >= 0) {
        close(s->qtest_fd);
    }
    if (s->qmp_fd >= 0) {
        close(s->qmp_fd);
    }
    rmdir(s->tmpdir);
    g_free(s->tmpdir);
    g_string_free(s->qtest_in.buf, TRUE);
    g_string_free(s->qmp_in.buf, TRUE);
    g_queue_clear_full(&s->async_lines, g_free);
    g_queue_clear_full(&s->qmp_events, (GDestroyNotify)json_object_unref);
    g_free(s);
}

void qtest_quit(QTestState *s)
{
    g_autoptr(GString) msg = g_string_new("");

    if (!s) {
        return;
    }
    if (qtest_probe_child(s)) {
        kill(s->pid, SIGTERM);
    }
    qtest_wait_qemu(s, NULL);
    if (WIFSIGNALED(s->wstatus) && WTERMSIG(s->wstatus) != SIGTERM) {
        describe_status(msg, s->wstatus);
        g_error("libqtest: the emulator %s", msg->str);
    }
    if (WIFEXITED(s->wstatus) &&
        WEXITSTATUS(s->wstatus) != s->expected_status) {
        g_error("libqtest: the emulator exited with status %d, "
                "expected %d", WEXITSTATUS(s->wstatus), s->expected_status);
    }
    qtest_free(s);
}

/* ---- running the binary to completion ---- */

static void drain(int fd, GString *out)
{
    char tmp[4096];
    ssize_t n = read(fd, tmp, sizeof(tmp));

    if (n > 0) {
        g_string_append_len(out, tmp, n);
    }
}

static int run_and_collect(GPid pid, int out_fd, int err_fd, GString *out,
                           GString *err)
{
    int64_t deadline = now_ms() + qtest_timeout_ms();
    struct pollfd pfd[2] = { { .fd = out_fd, .events = POLLIN },
                             { .fd = err_fd, .events = POLLIN } };
    int wstatus, open_fds = 2;

    while (open_fds) {
        int i, r = poll(pfd, 2, 100);

        if (now_ms() > deadline) {
            kill(pid, SIGKILL);
            break;
        }
        for (i = 0; r > 0 && i < 2; i++) {
            if (pfd[i].revents & POLLIN) {
                drain(pfd[i].fd, i ? err : out);
            } else if (pfd[i].revents & (POLLHUP | POLLERR)) {
                pfd[i].fd = -1;
                open_fds--;
            }
        }
    }
    waitpid(pid, &wstatus, 0);
    if (WIFSIGNALED(wstatus)) {
        return -WTERMSIG(wstatus);
    }
    return WEXITSTATUS(wstatus);
}

gchar *qtest_run_binary(const char *binary, const char *args,
                        int *exit_status, gchar **stderr_text)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    GString *out = g_string_new(""), *err = g_string_new("");
    GError *gerr = NULL;
    int out_fd, err_fd, status;
    GPid pid;

    g_ptr_array_add(argv, g_strdup(binary));
    add_args(argv, args);
    g_ptr_array_add(argv, NULL);
    if (!g_spawn_async_with_pipes(NULL, (char **)argv->pdata, NULL,
                                  G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                  NULL, &out_fd, &err_fd, &gerr)) {
        g_error("libqtest: cannot run %s: %s", binary, gerr->message);
    }
    status = run_and_collect(pid, out_fd, err_fd, out, err);
    close(out_fd);
    close(err_fd);
    if (exit_status) {
        *exit_status = status;
    }
    if (stderr_text) {
        *stderr_text = g_string_free(err, FALSE);
    } else {
        g_string_free(err, TRUE);
    }
    return g_string_free(out, FALSE);
}

gchar *qtest_run_cmdline(const char *args, int *exit_status,
                         gchar **stderr_text)
{
    return qtest_run_binary(default_binary(), args, exit_status,
                            stderr_text);
}

/* The protocol halves, kept apart to keep files short. */
#include "libqtest-qtest.c.inc"
#include "libqtest-qmp.c.inc"
