/*
 * Unit tests for the epoll-backed descriptor watches (util/fd-watch.c),
 * driven through the default GLib main context as the emulator's main
 * loop drives them.
 */
#include "qemu/osdep.h"
#include "qemu/fd-watch.h"

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>

/* One watch under test: what it saw and what it does when called */
typedef struct Probe {
    int fd;
    guint id;
    unsigned calls;
    GIOCondition last;
    bool drain;          /* read the eventfd empty */
    gboolean ret;        /* what the callback returns */
    guint remove[4];     /* ids the callback removes */
    struct Probe *readd; /* watch this probe's fd again from the callback */
} Probe;

static gboolean probe_cb(int fd, GIOCondition cond, gpointer opaque)
{
    Probe *p = opaque;
    uint64_t v;

    g_assert_cmpint(fd, ==, p->fd);
    p->calls++;
    p->last = cond;
    if (p->drain) {
        g_assert_cmpint(read(fd, &v, sizeof(v)), ==, sizeof(v));
    }
    for (unsigned i = 0; i < G_N_ELEMENTS(p->remove); i++) {
        if (p->remove[i]) {
            fd_watch_remove(p->remove[i]);
        }
    }
    if (p->readd) {
        p->readd->id = fd_watch_add(p->readd->fd, G_IO_IN, probe_cb, p->readd);
        g_assert_cmpuint(p->readd->id, !=, 0);
        p->readd = NULL;
    }
    return p->ret;
}

static int new_efd(void)
{
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

    g_assert_cmpint(fd, >=, 0);
    return fd;
}

static void kick(int fd)
{
    uint64_t one = 1;

    g_assert_cmpint(write(fd, &one, sizeof(one)), ==, sizeof(one));
}

/* Run the main context until nothing is ready any more */
static void run_ready(void)
{
    for (int i = 0; i < 1000 && g_main_context_iteration(NULL, FALSE); i++) {
        /* each iteration dispatches whatever was ready */
    }
}

static void probe_watch(Probe *p, GIOCondition cond)
{
    p->id = fd_watch_add(p->fd, cond, probe_cb, p);
    g_assert_cmpuint(p->id, !=, 0);
}

/* Level-triggered: called while not drained, silent once drained */
static void test_level(void)
{
    Probe p = { .fd = new_efd(), .ret = TRUE };

    probe_watch(&p, G_IO_IN);
    g_assert_cmpuint(fd_watch_count(), ==, 1);
    run_ready();
    g_assert_cmpuint(p.calls, ==, 0);
    kick(p.fd);
    g_main_context_iteration(NULL, FALSE);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(p.calls, ==, 2);
    g_assert_cmphex(p.last, ==, G_IO_IN);
    p.drain = true;
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(p.calls, ==, 3);
    run_ready();
    g_assert_cmpuint(p.calls, ==, 3);
    g_assert_true(fd_watch_remove(p.id));
    g_assert_false(fd_watch_remove(p.id));
    g_assert_false(fd_watch_remove(0));
    kick(p.fd);
    run_ready();
    g_assert_cmpuint(p.calls, ==, 3);
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(p.fd);
}

/* FALSE from the callback removes the watch, as with GLib */
static void test_return_false(void)
{
    Probe p = { .fd = new_efd(), .ret = FALSE };

    probe_watch(&p, G_IO_IN);
    kick(p.fd);
    run_ready();
    g_assert_cmpuint(p.calls, ==, 1);
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    g_assert_false(fd_watch_remove(p.id));
    close(p.fd);
}

/*
 * Two ready descriptors, each callback removing the other's watch: the
 * one dispatched first removes the second, whose event was already
 * fetched from epoll, and the second must not run.
 */
static void test_remove_ready_other(void)
{
    Probe a = { .fd = new_efd(), .ret = TRUE, .drain = true };
    Probe b = { .fd = new_efd(), .ret = TRUE, .drain = true };

    probe_watch(&a, G_IO_IN);
    probe_watch(&b, G_IO_IN);
    a.remove[0] = b.id;
    b.remove[0] = a.id;
    kick(a.fd);
    kick(b.fd);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(a.calls + b.calls, ==, 1);
    g_assert_cmpuint(fd_watch_count(), ==, 1);
    fd_watch_remove(a.id);
    fd_watch_remove(b.id);
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(a.fd);
    close(b.fd);
}

/*
 * Each callback removes its own watch and the other ready descriptor's,
 * then watches that descriptor's number again: the event fetched for the
 * old watch must not reach the new one in the same dispatch, and the
 * next iteration serves the new watch (the descriptor is still ready).
 */
static void test_remove_self_and_readd(void)
{
    Probe a = { .fd = new_efd(), .ret = TRUE, .drain = true };
    Probe b = { .fd = new_efd(), .ret = TRUE, .drain = true };
    Probe a2 = { .fd = a.fd, .ret = TRUE, .drain = true };
    Probe b2 = { .fd = b.fd, .ret = TRUE, .drain = true };
    Probe *again;

    probe_watch(&a, G_IO_IN);
    probe_watch(&b, G_IO_IN);
    a.remove[0] = b.remove[1] = a.id;
    a.remove[1] = b.remove[0] = b.id;
    a.readd = &b2;
    b.readd = &a2;
    kick(a.fd);
    kick(b.fd);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(a.calls + b.calls, ==, 1);
    g_assert_cmpuint(a2.calls + b2.calls, ==, 0);
    g_assert_cmpuint(fd_watch_count(), ==, 1);
    again = a.calls ? &b2 : &a2;
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(a.calls + b.calls, ==, 1);
    g_assert_cmpuint(again->calls, ==, 1);
    g_assert_true(fd_watch_remove(again->id));
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(a.fd);
    close(b.fd);
}

/* Hang-up is reported whatever was asked; a closed reader gives ERR */
static void test_hup_err(void)
{
    int pfd[2];
    Probe rd = { .ret = TRUE }, wr = { .ret = TRUE };

    g_assert_cmpint(pipe2(pfd, O_NONBLOCK | O_CLOEXEC), ==, 0);
    rd.fd = pfd[0];
    probe_watch(&rd, G_IO_IN);
    close(pfd[1]);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(rd.calls, ==, 1);
    g_assert_cmphex(rd.last & G_IO_HUP, ==, G_IO_HUP);
    fd_watch_remove(rd.id);
    close(pfd[0]);

    g_assert_cmpint(pipe2(pfd, O_NONBLOCK | O_CLOEXEC), ==, 0);
    wr.fd = pfd[1];
    probe_watch(&wr, G_IO_IN); /* nothing to read on a write end */
    run_ready();
    g_assert_cmpuint(wr.calls, ==, 0);
    close(pfd[0]);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(wr.calls, ==, 1);
    g_assert_cmphex(wr.last & G_IO_ERR, ==, G_IO_ERR);
    fd_watch_remove(wr.id);
    close(pfd[1]);
    g_assert_cmpuint(fd_watch_count(), ==, 0);
}

/* Two watches on one socket: each sees only what it asked (plus HUP) */
static void test_shared_fd(void)
{
    int sv[2];
    Probe in = { .ret = TRUE }, out = { .ret = FALSE };
    char c = 'x';

    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), ==,
                    0);
    in.fd = out.fd = sv[0];
    probe_watch(&in, G_IO_IN);
    probe_watch(&out, G_IO_OUT);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(out.calls, ==, 1);
    g_assert_cmphex(out.last, ==, G_IO_OUT);
    g_assert_cmpuint(in.calls, ==, 0);
    g_assert_cmpuint(fd_watch_count(), ==, 1); /* out returned FALSE */
    run_ready();
    g_assert_cmpuint(out.calls, ==, 1);
    g_assert_cmpuint(in.calls, ==, 0);
    g_assert_cmpint(write(sv[1], &c, 1), ==, 1);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(in.calls, ==, 1);
    g_assert_cmphex(in.last, ==, G_IO_IN);
    fd_watch_remove(in.id);
    close(sv[0]);
    close(sv[1]);
}

/* Two watches on one ready eventfd, each removing the other: one runs */
static void test_shared_remove_other(void)
{
    Probe a = { .fd = new_efd(), .ret = TRUE };
    Probe b = { .ret = TRUE };

    b.fd = a.fd;
    probe_watch(&a, G_IO_IN);
    probe_watch(&b, G_IO_IN);
    a.remove[0] = b.id;
    b.remove[0] = a.id;
    kick(a.fd);
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(a.calls + b.calls, ==, 1);
    g_assert_cmpuint(fd_watch_count(), ==, 1);
    /* the survivor still sees the undrained eventfd */
    g_main_context_iteration(NULL, FALSE);
    g_assert_cmpuint(a.calls + b.calls, ==, 2);
    g_assert_true(fd_watch_remove(a.calls ? a.id : b.id));
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(a.fd);
}

/*
 * Many descriptors: a few ready ones are dispatched exactly, also more
 * than one epoll batch, and every watch goes away.
 */
static void test_many(void)
{
    struct rlimit rl;
    unsigned n = 4000;
    Probe *p;

    g_assert_cmpint(getrlimit(RLIMIT_NOFILE, &rl), ==, 0);
    if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < n + 64) {
        rl.rlim_cur = MIN(rl.rlim_max, n + 64);
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur < n + 64) {
        n = rl.rlim_cur - 64;
    }
    p = g_new0(Probe, n);
    for (unsigned i = 0; i < n; i++) {
        p[i].fd = new_efd();
        p[i].ret = TRUE;
        p[i].drain = true;
        probe_watch(&p[i], G_IO_IN);
    }
    g_assert_cmpuint(fd_watch_count(), ==, n);
    for (unsigned i = 0; i < n; i += 7) {
        kick(p[i].fd);
    }
    run_ready();
    for (unsigned i = 0; i < n; i++) {
        g_assert_cmpuint(p[i].calls, ==, i % 7 == 0 ? 1 : 0);
    }
    for (unsigned i = 0; i < n; i += 2) {
        g_assert_true(fd_watch_remove(p[i].id));
    }
    for (unsigned i = 0; i < n; i++) {
        kick(p[i].fd);
    }
    run_ready();
    for (unsigned i = 0; i < n; i++) {
        unsigned want = (i % 7 == 0 ? 1 : 0) + (i % 2 ? 1 : 0);

        g_assert_cmpuint(p[i].calls, ==, want);
    }
    for (unsigned i = 1; i < n; i += 2) {
        g_assert_true(fd_watch_remove(p[i].id));
    }
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    for (unsigned i = 0; i < n; i++) {
        close(p[i].fd);
    }
    g_free(p);
}

/*
 * A descriptor closed before its watch was removed, its number reused by
 * a new eventfd that gets a watch: the new watch works, and removing the
 * old one afterwards leaves it working.
 */
static void test_closed_reused(void)
{
    Probe old = { .fd = new_efd(), .ret = TRUE, .drain = true };
    Probe cur = { .ret = TRUE, .drain = true };

    probe_watch(&old, G_IO_IN);
    close(old.fd);
    cur.fd = new_efd();
    if (cur.fd != old.fd) {
        fd_watch_remove(old.id);
        close(cur.fd);
        g_test_skip("the descriptor number was not reused");
        return;
    }
    probe_watch(&cur, G_IO_IN);
    g_assert_cmpuint(fd_watch_count(), ==, 2);
    kick(cur.fd);
    run_ready();
    g_assert_cmpuint(cur.calls, ==, 1);
    g_assert_true(fd_watch_remove(old.id));
    kick(cur.fd);
    run_ready();
    g_assert_cmpuint(cur.calls, ==, 2);
    g_assert_cmpuint(old.calls, ==, 0);
    g_assert_true(fd_watch_remove(cur.id));
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(cur.fd);
}

/* epoll takes no regular file: the add fails and leaves nothing */
static void test_refused(void)
{
    g_autofree char *path = g_build_filename(g_get_tmp_dir(), "fd-watch-XXXXXX",
                                             NULL);
    int reg = g_mkstemp(path);

    g_assert_cmpint(reg, >=, 0);
    unlink(path);
    g_assert_cmpuint(fd_watch_add(reg, G_IO_IN, probe_cb, NULL), ==, 0);
    g_assert_cmpint(errno, ==, EPERM);
    g_assert_cmpuint(fd_watch_add(-1, G_IO_IN, probe_cb, NULL), ==, 0);
    g_assert_cmpuint(fd_watch_count(), ==, 0);
    close(reg);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/fd-watch/level", test_level);
    g_test_add_func("/fd-watch/return-false", test_return_false);
    g_test_add_func("/fd-watch/remove-ready-other", test_remove_ready_other);
    g_test_add_func("/fd-watch/remove-self-readd", test_remove_self_and_readd);
    g_test_add_func("/fd-watch/hup-err", test_hup_err);
    g_test_add_func("/fd-watch/shared-fd", test_shared_fd);
    g_test_add_func("/fd-watch/shared-remove-other", test_shared_remove_other);
    g_test_add_func("/fd-watch/many", test_many);
    g_test_add_func("/fd-watch/closed-reused", test_closed_reused);
    g_test_add_func("/fd-watch/refused", test_refused);
    return g_test_run();
}
