/*
 * -daemonize (see include/sysemu/daemonize.h).
 *
 * The process the user started becomes a waiter: it blocks on a pipe
 * and exits 0 when the daemon writes a success byte, 1 when the pipe
 * closes without one (the daemon failed and printed why). The daemon is
 * a grandchild in a new session, so it has no controlling terminal and
 * is not a session leader.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "sysemu/daemonize.h"

#include <fcntl.h>
#include <sys/stat.h>

static int waiter_fd = -1; /* write end, held by the daemon */
static bool daemon_mode;

bool is_daemonized(void)
{
    return daemon_mode;
}

/* In the waiter: the exit status the daemon's report asks for. */
static G_NORETURN void wait_for_daemon(int fd)
{
    uint8_t byte = 1;
    ssize_t n;

    do {
        n = read(fd, &byte, 1);
    } while (n < 0 && errno == EINTR);
    _exit(n == 1 && byte == 0 ? 0 : 1);
}

static pid_t fork_or_die(void)
{
    pid_t pid = fork();

    if (pid < 0) {
        fprintf(stderr, "%s: cannot fork: %s\n", error_get_progname(),
                strerror(errno));
        exit(1);
    }
    return pid;
}

void daemonize_start(void)
{
    int fds[2];

    fflush(stdout);
    fflush(stderr);
    if (pipe2(fds, O_CLOEXEC) < 0) {
        fprintf(stderr, "%s: cannot create a pipe: %s\n", error_get_progname(),
                strerror(errno));
        exit(1);
    }
    if (fork_or_die() > 0) {
        close(fds[1]);
        wait_for_daemon(fds[0]);
    }
    close(fds[0]);
    setsid();
    if (fork_or_die() > 0) {
        _exit(0); /* the session leader goes; the daemon is its child */
    }
    umask(027);
    waiter_fd = fds[1];
    daemon_mode = true;
}

static void redirect_stdio(void)
{
    int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

    if (fd < 0) {
        return; /* keep the inherited ones rather than none */
    }
    for (int i = STDIN_FILENO; i <= STDERR_FILENO; i++) {
        dup2(fd, i);
    }
    close(fd);
}

void daemonize_done(void)
{
    static const uint8_t ok;
    ssize_t n;

    if (waiter_fd < 0) {
        return;
    }
    if (chdir("/") < 0) {
        /* not fatal: the daemon keeps its start-up directory */
    }
    fflush(stdout);
    fflush(stderr);
    redirect_stdio();
    do {
        n = write(waiter_fd, &ok, 1);
    } while (n < 0 && errno == EINTR);
    close(waiter_fd);
    waiter_fd = -1;
}
