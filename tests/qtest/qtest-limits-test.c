/*
 * qtest protocol numbers at their limits: clock steps that would pass
 * INT64_MAX, accesses whose range wraps past the top of the address
 * space, the s390x extension's operands at the top of memory, and long
 * lines that arrive in many reads. Run under UBSan (build-san) with
 * halt_on_error, any overflow would end the emulator.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "libqtest.h"

static QTestState *start(void)
{
    return qtest_init("-machine s390-ccw-virtio -nodefaults");
}

static gchar *raw(QTestState *s, const char *line)
{
    qtest_sendf(s, "%s\n", line);
    return qtest_recv_reply(s);
}

static void assert_alive(QTestState *s)
{
    qtest_writel(s, 0x1000, 0x12345678);
    g_assert_cmphex(qtest_readl(s, 0x1000), ==, 0x12345678);
}

/* The clock stops at INT64_MAX instead of overflowing. */
static void test_clock_step_saturates(void)
{
    QTestState *s = start();
    int64_t t = qtest_clock_step(s, INT64_C(1) << 62);

    g_assert_cmpint(t, >=, INT64_C(1) << 62);
    g_assert_cmpint(qtest_clock_step(s, INT64_C(1) << 62), ==, INT64_MAX);
    g_assert_cmpint(qtest_clock_step(s, INT64_MAX), ==, INT64_MAX);
    g_assert_cmpint(qtest_clock_step(s, 1), ==, INT64_MAX);
    /* never backwards */
    g_assert_cmpint(qtest_clock_set(s, 5), ==, INT64_MAX);
    g_assert_cmpint(qtest_clock_step(s, -1), ==, INT64_MAX);
    g_assert_cmpint(qtest_clock_step_next(s), ==, INT64_MAX);
    assert_alive(s);
    qtest_quit(s);
}

static void test_clock_set_max(void)
{
    QTestState *s = start();
    g_autofree gchar *r1 = raw(s, "clock_set 9223372036854775808");
    g_autofree gchar *r2 = raw(s, "clock_step -9223372036854775808");

    g_assert_cmpstr(r1, ==, "ERR invalid number '9223372036854775808'");
    g_assert_cmpstr(r2, ==, "OK 0");
    g_assert_cmpint(qtest_clock_set(s, INT64_MAX), ==, INT64_MAX);
    g_assert_cmpint(qtest_clock_step(s, INT64_MAX), ==, INT64_MAX);
    assert_alive(s);
    qtest_quit(s);
}

/* Ranges that run past 2^64: no wrap-around trouble, the emulator stays. */
static void test_wrapping_ranges(void)
{
    static const char *const lines[] = {
        "readq 0xfffffffffffffffc",
        "writeq 0xfffffffffffffffd 0x1122334455667788",
        "read 0xfffffffffffffff8 0x10",
        "write 0xfffffffffffffff8 0x10 0x00112233445566778899aabbccddeeff",
        "b64read 0xffffffffffffffff 0x4",
        "b64write 0xfffffffffffffffe 0x4 AAECAw==",
        "memset 0xfffffffffffffff0 0x100 0xab",
        "read 0x0 0xffffffffffffffff",
        "memset -1 -1 -1",
    };

    QTestState *s = start();
    g_autofree gchar *top = NULL;

    qtest_writel(s, 0, 0x11223344);
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
        g_autofree gchar *r = raw(s, lines[i]);

        g_assert_true(g_str_has_prefix(r, "OK") || g_str_has_prefix(r, "ERR"));
    }
    /* nothing wrapped around to address 0 */
    g_assert_cmphex(qtest_readl(s, 0), ==, 0x11223344);
    top = raw(s, "read 0xfffffffffffffffe 0x6");
    g_assert_cmpstr(top, ==, "OK 0x000000000000");
    assert_alive(s);
    qtest_quit(s);
}

/* s390x extension: operand addresses at the top of memory and past it. */
static void test_s390_top_addresses(void)
{
    static const char *const cmds[] = {
        "s390_stsch", "s390_msch", "s390_ssch", "s390_tsch", "s390_schm",
    };
    static const char *const one[] = {
        "s390_hsch", "s390_csch",  "s390_rsch", "s390_xsch",
        "s390_tpi",  "s390_stcrw", "s390_chsc",
    };
    static const char *const addrs[] = {
        "0xffffffffffffffff", "0xfffffffffffffff8", "0x7fffffff",
        "0x7ffffffc",         "0x80000000",         "0x7fffffffffffffff",
    };
    QTestState *s = start();

    for (size_t a = 0; a < G_N_ELEMENTS(addrs); a++) {
        for (size_t i = 0; i < G_N_ELEMENTS(cmds); i++) {
            g_autofree gchar *line = g_strdup_printf("%s 0x10000 %s", cmds[i],
                                                     addrs[a]);
            g_autofree gchar *r = raw(s, line);

            g_assert_true(g_str_has_prefix(r, "OK "));
        }
        for (size_t i = 0; i < G_N_ELEMENTS(one); i++) {
            g_autofree gchar *line = g_strdup_printf("%s %s", one[i], addrs[a]);
            g_autofree gchar *r = raw(s, line);

            g_assert_true(g_str_has_prefix(r, "OK "));
        }
    }
    assert_alive(s);
    qtest_quit(s);
}

/* CPU time the emulator used so far, in seconds (utime + stime). */
static double cpu_seconds(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/stat", (int)pid);
    g_autofree char *text = NULL;
    unsigned long long ut, st;
    const char *p;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    p = strrchr(text, ')');
    g_assert_nonnull(p);
    /* after "pid (comm)": state and 10 more fields, then utime stime */
    g_assert_cmpint(
        sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
               &ut, &st),
        ==, 2);
    return (double)(ut + st) / sysconf(_SC_CLK_TCK);
}

/*
 * A 96 MiB write line arrives in thousands of reads; the server scans
 * each byte once (it rescanned the whole pending line per read: 7 s of
 * CPU for this line instead of half a second). CPU time, not wall
 * time, so a loaded machine does not make the test fail.
 */
static void test_long_line(void)
{
    QTestState *s = start();
    size_t len = 48u << 20;
    GString *line = g_string_sized_new(2 * len + 64);
    g_autofree gchar *r = NULL;
    double t0;

    g_string_printf(line, "write 0x100000 0x%zx 0x", len);
    for (size_t i = 0; i < len; i++) {
        g_string_append(line, "5a");
    }
    t0 = cpu_seconds(qtest_pid(s));
    r = raw(s, line->str);
    g_assert_cmpstr(r, ==, "OK");
    t0 = cpu_seconds(qtest_pid(s)) - t0;
    g_test_message("emulator CPU for the line: %.2f s", t0);
    /* about 0.4 s here, 3.5 s under ASan; 7 s before the fix */
    g_assert_cmpfloat(t0, <,
                      g_strcmp0(g_getenv("QTEST_ASAN"), "1") ? 3.0 : 15.0);
    g_assert_cmphex(qtest_readb(s, 0x100000 + len - 1), ==, 0x5a);
    g_string_free(line, TRUE);
    qtest_quit(s);
}

/* Longest line the server buffers (QTEST_MAX_LINE) */
#define LINE_MAX_BYTES ((size_t)2 * (128 << 20) + 4096)

static int qtest_connect(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = 10 };
    int fd;

    for (int i = 0; i < 500; i++) {
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        g_assert_cmpint(fd, >=, 0);
        g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
            return fd;
        }
        close(fd);
        g_usleep(20 * 1000);
    }
    g_error("cannot connect to the qtest socket %s", path);
}

/* One reply line from @fd ("" at EOF); g_free it. */
static char *qtest_fd_line(int fd)
{
    GString *line = g_string_new(NULL);
    char c;

    for (;;) {
        ssize_t n = read(fd, &c, 1);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            g_error("qtest socket: %s", g_strerror(errno));
        }
        if (n == 0 || c == '\n') {
            return g_string_free(line, FALSE);
        }
        g_string_append_c(line, c);
    }
}

/*
 * A line longer than the longest legal command, without a newline, is a
 * protocol error: the server says so on stderr and closes the connection
 * instead of buffering it without bound, and takes the next client.
 */
/*
 * Start the emulator serving qtest on a listening socket @path (no
 * libqtest: the test plays the client itself), with @extra arguments and
 * the given descriptors (-1: inherit) as its stdin, stdout and stderr.
 */
static GPid spawn_emulator(const char *path, const char *const *extra,
                           int in_fd, int out_fd, int err_fd)
{
    g_autofree char *qtest_arg = g_strdup_printf("unix:%s,server=on,wait=off",
                                                 path);
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    const char *fixed[] = {
        "-machine", "s390-ccw-virtio", "-nodefaults", "-accel",
        "qtest",    "-display",        "none",        "-qtest",
        qtest_arg,  "-qtest-log",      "none",
    };
    GPid pid;

    g_assert_nonnull(g_getenv("QTEST_QEMU_BINARY"));
    g_ptr_array_add(argv, (gpointer)g_getenv("QTEST_QEMU_BINARY"));
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++) {
        g_ptr_array_add(argv, (gpointer)fixed[i]);
    }
    for (size_t i = 0; extra && extra[i]; i++) {
        g_ptr_array_add(argv, (gpointer)extra[i]);
    }
    g_ptr_array_add(argv, NULL);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        /* a failing test does not leave the emulator behind */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (in_fd >= 0) {
            dup2(in_fd, STDIN_FILENO);
        }
        if (out_fd >= 0) {
            dup2(out_fd, STDOUT_FILENO);
        }
        if (err_fd >= 0) {
            dup2(err_fd, STDERR_FILENO);
        }
        execv(argv->pdata[0], (char **)argv->pdata);
        _exit(127);
    }
    return pid;
}

static void stop_emulator(GPid pid)
{
    int status;

    kill(pid, SIGTERM);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
}

static void test_line_overflow(void)
{
    g_autofree char *dir = g_dir_make_tmp("qtest-line-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "qtest.sock", NULL);
    g_autofree char *errpath = g_build_filename(dir, "stderr", NULL);
    g_autofree char *chunk = g_malloc(1 << 20);
    g_autofree char *err = NULL;
    g_autofree char *r = NULL;
    size_t sent = 0;
    ssize_t n;
    GPid pid;
    int fd, efd;

    efd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint(efd, >=, 0);
    pid = spawn_emulator(path, NULL, -1, -1, efd);
    close(efd);
    fd = qtest_connect(path);
    g_assert_cmpint(write(fd, "readb 0x0\n", 10), ==, 10);
    r = qtest_fd_line(fd);
    g_assert_cmpstr(r, ==, "OK 0x0000000000000000");
    g_free(r);

    /* a line just past the limit: refused, the connection closes */
    memset(chunk, 'a', 1 << 20);
    while (sent <= LINE_MAX_BYTES) {
        n = send(fd, chunk, MIN(1 << 20, LINE_MAX_BYTES + 1 - sent),
                 MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            g_assert_cmpint(errno, ==, EPIPE);
            break;
        }
        sent += n;
    }
    g_assert_cmpuint(sent, >, LINE_MAX_BYTES - (1 << 20));
    r = qtest_fd_line(fd);
    g_assert_cmpstr(r, ==, "");
    g_free(r);
    close(fd);

    /* the next client is served */
    fd = qtest_connect(path);
    g_assert_cmpint(write(fd, "readb 0x0\n", 10), ==, 10);
    r = qtest_fd_line(fd);
    g_assert_cmpstr(r, ==, "OK 0x0000000000000000");
    close(fd);

    stop_emulator(pid);
    g_assert_true(g_file_get_contents(errpath, &err, NULL, NULL));
    g_assert_nonnull(strstr(err, "qtest: command line longer than"));
    unlink(errpath);
    unlink(path);
    rmdir(dir);
}

/*
 * QMP on stdio with stdout a terminal nobody reads: the replies queue
 * (the emulator writes the terminal through a non-blocking descriptor of
 * its own) instead of blocking the emulator in a write the terminal
 * cannot take; qtest keeps answering.
 */
static void test_tty_stdout(void)
{
    g_autofree char *dir = g_dir_make_tmp("qtest-tty-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "qtest.sock", NULL);
    static const char *const extra[] = { "-qmp", "stdio", NULL };
    g_autofree char *r = NULL;
    struct termios tio;
    int master, slave, in[2], fd, fl;
    GPid pid;

    master = posix_openpt(O_RDWR | O_NOCTTY);
    g_assert_cmpint(master, >=, 0);
    g_assert_cmpint(grantpt(master), ==, 0);
    g_assert_cmpint(unlockpt(master), ==, 0);
    slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    g_assert_cmpint(slave, >=, 0);
    g_assert_cmpint(tcgetattr(slave, &tio), ==, 0);
    cfmakeraw(&tio);
    g_assert_cmpint(tcsetattr(slave, TCSANOW, &tio), ==, 0);
    g_assert_cmpint(pipe(in), ==, 0);
    pid = spawn_emulator(path, extra, in[0], slave, -1);
    close(in[0]);
    close(slave);
    fd = qtest_connect(path);

    /* megabytes of replies for a terminal that takes some KiB */
    g_assert_cmpint(write(in[1], "{\"execute\": \"qmp_capabilities\"}\n", 32),
                    ==, 32);
    fl = fcntl(in[1], F_GETFL);
    fcntl(in[1], F_SETFL, fl | O_NONBLOCK);
    for (int i = 0; i < 200; i++) {
        static const char req[] = "{\"execute\": \"query-qmp-schema\"}\n";

        if (write(in[1], req, sizeof(req) - 1) < 0) {
            g_assert_cmpint(errno, ==, EAGAIN);
            g_usleep(1000);
        }
    }
    g_usleep(200 * 1000);
    g_assert_cmpint(write(fd, "readb 0x0\n", 10), ==, 10);
    r = qtest_fd_line(fd);
    g_assert_cmpstr(r, ==, "OK 0x0000000000000000");
    close(fd);
    close(in[1]);
    stop_emulator(pid);
    close(master);
    unlink(path);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qtest-limits/clock-step-saturates",
                    test_clock_step_saturates);
    g_test_add_func("/qtest-limits/clock-set-max", test_clock_set_max);
    g_test_add_func("/qtest-limits/wrapping-ranges", test_wrapping_ranges);
    g_test_add_func("/qtest-limits/s390-top-addresses",
                    test_s390_top_addresses);
    g_test_add_func("/qtest-limits/long-line", test_long_line);
    g_test_add_func("/qtest-limits/line-overflow", test_line_overflow);
    g_test_add_func("/qtest-limits/tty-stdout", test_tty_stdout);
    return g_test_run();
}
