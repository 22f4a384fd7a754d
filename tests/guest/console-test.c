/*
 * The consoles and monitors a user gets: the default serial0 with its
 * sclpconsole, -serial, -monitor, -nographic's stdio shared by the
 * console and the monitor (Ctrl-A keys, in a pseudo-terminal), and the
 * command-line errors, with QEMU 7.2's texts. The cases that run a guest
 * program (sclp.elf prints "sclp guest: ok" on the console) are skipped
 * when the programs were not built.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libqtest.h"

#define WAIT_MS 20000

static const char *guest_dir;

static bool have_guest(void)
{
    g_autofree char *elf = g_strdup_printf("%s/sclp.elf", guest_dir);

    if (!guest_dir || !g_file_test(elf, G_FILE_TEST_EXISTS)) {
        g_test_skip("guest programs not built");
        return false;
    }
    return true;
}

/* ---- chardevs and devices seen over QMP ---- */

/* query-chardev's "frontend-open" of @label, -1 when there is none */
static int chardev_open(QTestState *s, const char *label, const char *file)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-chardev'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    int found = -1;

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *c = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(c, "label"), label)) {
            g_assert_cmpstr(json_object_get_string_member(c, "filename"), ==,
                            file);
            found = json_object_get_boolean_member(c, "frontend-open");
        }
    }
    json_object_unref(rsp);
    return found;
}

/* How many children of type @type /machine/unattached has */
static int unattached_count(QTestState *s, const char *type)
{
    JsonObject *rsp = qtest_qmp(
        s,
        "{'execute': 'qom-list', 'arguments': {'path': '/machine/unattached'}}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    g_autofree char *want = g_strdup_printf("child<%s>", type);
    int n = 0;

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *c = json_array_get_object_element(arr, i);

        n += !strcmp(json_object_get_string_member(c, "type"), want);
    }
    json_object_unref(rsp);
    return n;
}

static void test_default_console(void)
{
    QTestState *s = qtest_init("");

    g_assert_cmpint(chardev_open(s, "serial0", "vc"), ==, 1);
    g_assert_cmpint(unattached_count(s, "sclpconsole"), ==, 1);
    g_assert_cmpint(unattached_count(s, "sclplmconsole"), ==, 0);
    qtest_quit(s);
}

static void test_nodefaults(void)
{
    static const char *const lines[] = { "-nodefaults", "-serial none" };

    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
        QTestState *s = qtest_init(lines[i]);

        g_assert_cmpint(chardev_open(s, "serial0", "vc"), ==, -1);
        g_assert_cmpint(unattached_count(s, "sclpconsole"), ==, 0);
        qtest_quit(s);
    }
}

/* -serial pty: serial0 on a pseudo-terminal, with its sclpconsole */
static void test_serial_pty(void)
{
    QTestState *s = qtest_init("-nodefaults -serial pty");
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-chardev'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    bool seen = false;

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *c = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(c, "label"), "serial0")) {
            const char *f = json_object_get_string_member(c, "filename");

            g_assert_true(g_str_has_prefix(f, "pty:/dev/pts/"));
            g_assert_true(g_file_test(f + 4, G_FILE_TEST_EXISTS));
            seen = true;
        }
    }
    g_assert_true(seen);
    json_object_unref(rsp);
    g_assert_cmpint(unattached_count(s, "sclpconsole"), ==, 1);
    qtest_quit(s);
}

/* serial0: sclpconsole, serial1: sclplmconsole, serial2: no device */
static void test_three_serials(void)
{
    QTestState *s = qtest_init("-serial null -serial none -serial null "
                               "-serial null");

    g_assert_cmpint(chardev_open(s, "serial0", "null"), ==, 1);
    g_assert_cmpint(chardev_open(s, "serial1", "null"), ==, 1);
    g_assert_cmpint(chardev_open(s, "serial2", "null"), ==, 0);
    g_assert_cmpint(unattached_count(s, "sclpconsole"), ==, 1);
    g_assert_cmpint(unattached_count(s, "sclplmconsole"), ==, 1);
    qtest_quit(s);
}

/* -chardev ...,mux=on: the back end is ID-base, ID is the mux */
static void test_mux_labels(void)
{
    QTestState *s = qtest_init("-chardev null,id=m,mux=on -mon chardev=m "
                               "-serial chardev:m");

    g_assert_cmpint(chardev_open(s, "m", "mux"), ==, 1);
    g_assert_cmpint(chardev_open(s, "m-base", "null"), ==, 1);
    g_assert_cmpint(chardev_open(s, "serial0", "vc"), ==, -1);
    qtest_quit(s);
}

/* ---- the program on pipes ---- */

/* Run the emulator with @args, @input on stdin; its stdout */
static char *run_piped(const char *args, const char *input, int *status,
                       char **err_text)
{
    g_autofree char *cmd = g_strdup_printf("%s %s",
                                           g_getenv("QTEST_QEMU_BINARY"), args);
    g_auto(GStrv) argv = NULL;
    int in_fd, out_fd, err_fd, wstatus;
    GPid pid;
    GString *out = g_string_new(NULL), *err = g_string_new(NULL);
    struct pollfd pfd[2];
    char buf[4096];
    int open_fds = 2;

    g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
    g_assert_true(g_spawn_async_with_pipes(NULL, argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                           NULL, &pid, &in_fd, &out_fd, &err_fd,
                                           NULL));
    g_assert_cmpint(write(in_fd, input, strlen(input)), ==, strlen(input));
    close(in_fd);
    pfd[0] = (struct pollfd){ .fd = out_fd, .events = POLLIN };
    pfd[1] = (struct pollfd){ .fd = err_fd, .events = POLLIN };
    while (open_fds) {
        g_assert_cmpint(poll(pfd, 2, WAIT_MS), >, 0);
        for (int i = 0; i < 2; i++) {
            ssize_t n;

            if (pfd[i].fd < 0 || !pfd[i].revents) {
                continue;
            }
            n = read(pfd[i].fd, buf, sizeof(buf));
            if (n <= 0) {
                close(pfd[i].fd);
                pfd[i].fd = -1;
                open_fds--;
                continue;
            }
            g_string_append_len(i ? err : out, buf, n);
        }
    }
    g_assert_cmpint(waitpid(pid, &wstatus, 0), ==, pid);
    *status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    if (err_text) {
        *err_text = g_string_free(err, false);
    } else {
        g_string_free(err, true);
    }
    return g_string_free(out, false);
}

/* -nographic: the guest's console text on stdout, and nothing else */
static void test_nographic_guest(void)
{
    g_autofree char *args = NULL, *out = NULL;
    int status;

    if (!have_guest()) {
        return;
    }
    args = g_strdup_printf("-accel tcg -nographic -kernel %s/sclp.elf",
                           guest_dir);
    out = run_piped(args, "", &status, NULL);
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpstr(out, ==, "sclp guest: ok\n");
}

static void test_serial_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("console-test-XXXXXX", NULL);
    g_autofree char *path = g_strdup_printf("%s/out", dir);
    g_autofree char *args = NULL, *out = NULL, *text = NULL;
    int status;

    if (!have_guest()) {
        rmdir(dir);
        return;
    }
    args = g_strdup_printf("-accel tcg -display none -serial file:%s "
                           "-kernel %s/sclp.elf",
                           path, guest_dir);
    out = run_piped(args, "", &status, NULL);
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpstr(out, ==, "");
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "sclp guest: ok\n");
    unlink(path);
    rmdir(dir);
}

/* -serial pipe:P: the guest's text in the named pipe P.out */
static void test_serial_pipe(void)
{
    g_autofree char *dir = g_dir_make_tmp("console-test-XXXXXX", NULL);
    g_autofree char *base = g_strdup_printf("%s/p", dir);
    g_autofree char *in = g_strdup_printf("%s.in", base);
    g_autofree char *outp = g_strdup_printf("%s.out", base);
    g_autofree char *args = NULL, *out = NULL;
    char buf[256] = "";
    int status, fd;

    if (!have_guest()) {
        rmdir(dir);
        return;
    }
    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(outp, 0600), ==, 0);
    fd = open(outp, O_RDONLY | O_NONBLOCK);
    g_assert_cmpint(fd, >=, 0);
    args = g_strdup_printf("-accel tcg -display none -serial pipe:%s "
                           "-kernel %s/sclp.elf",
                           base, guest_dir);
    out = run_piped(args, "", &status, NULL);
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpint(read(fd, buf, sizeof(buf) - 1), ==, 15);
    g_assert_cmpstr(buf, ==, "sclp guest: ok\n");
    close(fd);
    unlink(in);
    unlink(outp);
    rmdir(dir);
}

/* -monitor stdio: the greeting, the prompt, answers; quit ends it */
static void test_monitor_stdio(void)
{
    int status;
    g_autofree char *out = run_piped("-display none -S -monitor stdio "
                                     "-serial null",
                                     "info status\ncont\nstop\ninfo status\n"
                                     "quit\n",
                                     &status, NULL);

    g_assert_cmpint(status, ==, 0);
    g_assert_true(g_str_has_prefix(
        out, "QEMU 7.2.0 monitor - type 'help' for more information\r\n"
             "(qemu) "));
    g_assert_nonnull(strstr(out, "\r\nVM status: paused (prelaunch)\r\n"
                                 "(qemu) "));
    g_assert_nonnull(strstr(out, "\r\nVM status: paused\r\n(qemu) "));
    /* no prompt after quit */
    g_assert_true(g_str_has_suffix(out, "quit\033[K\r\n"));
}

/* Errors with QEMU's texts (exit status 1) */
static void test_errors(void)
{
    static const struct {
        const char *args, *err;
    } cases[] = {
        { "-serial stdio -monitor stdio",
          "qemu-system-s390x: -serial stdio: cannot use stdio by multiple "
          "character devices\n"
          "qemu-system-s390x: -serial stdio: could not connect serial device "
          "to character backend 'stdio'\n" },
        /* the default serial0 on stdio: no option to name */
        { "-nographic -monitor stdio",
          "qemu-system-s390x: cannot use stdio by multiple character devices\n"
          "qemu-system-s390x: could not connect serial device to character "
          "backend 'stdio'\n" },
        { "-serial bogus",
          "qemu-system-s390x: -serial bogus: 'bogus' is not a valid char "
          "driver\n"
          "qemu-system-s390x: -serial bogus: could not connect serial device "
          "to character backend 'bogus'\n" },
        { "-monitor bogus",
          "qemu-system-s390x: -monitor bogus: 'bogus' is not a valid char "
          "driver\n"
          "qemu-system-s390x: -monitor bogus: parse error: bogus\n" },
        { "-serial chardev:nope",
          "qemu-system-s390x: -serial chardev:nope: could not connect serial "
          "device to character backend 'chardev:nope'\n" },
        { "-monitor chardev:nope",
          "qemu-system-s390x: -monitor chardev:nope: chardev \"nope\" not "
          "found\n" },
        { "-serial tcp:",
          "qemu-system-s390x: -serial tcp:: could not connect serial device "
          "to character backend 'tcp:'\n" },
        { "-serial pipe:/nonexistent/p",
          "qemu-system-s390x: -serial pipe:/nonexistent/p: Could not open "
          "'/nonexistent/p': No such file or directory\n"
          "qemu-system-s390x: -serial pipe:/nonexistent/p: could not connect "
          "serial device to character backend 'pipe:/nonexistent/p'\n" },
        { "-qmp bogus",
          "qemu-system-s390x: -qmp bogus: 'bogus' is not a valid char "
          "driver\n"
          "qemu-system-s390x: -qmp bogus: parse error: bogus\n" },
        /* QEMU: the default sclpconsole is there already */
        { "-chardev null,id=c0 -device sclpconsole,chardev=c0",
          "Multiple VT220 operator consoles are not supported\n" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *args = g_strdup_printf("-display none -S %s",
                                                cases[i].args);
        g_autofree char *err = NULL, *out = NULL;
        int status;

        g_test_message("%s", cases[i].args);
        out = run_piped(args, "", &status, &err);
        g_assert_cmpint(status, ==, 1);
        g_assert_true(g_str_has_suffix(err, cases[i].err));
    }
}

/* ---- -nographic in a pseudo-terminal ---- */

typedef struct Pty {
    int fd;
    pid_t pid;
    GString *seen; /* output not yet matched */
} Pty;

static void pty_start(Pty *p, const char *args)
{
    g_autofree char *cmd = g_strdup_printf("%s %s",
                                           g_getenv("QTEST_QEMU_BINARY"), args);
    g_auto(GStrv) argv = NULL;

    g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
    p->fd = posix_openpt(O_RDWR | O_NOCTTY);
    g_assert_cmpint(p->fd, >=, 0);
    g_assert_cmpint(grantpt(p->fd), ==, 0);
    g_assert_cmpint(unlockpt(p->fd), ==, 0);
    p->seen = g_string_new(NULL);
    p->pid = fork();
    g_assert_cmpint(p->pid, >=, 0);
    if (!p->pid) {
        int tty;

        setsid();
        tty = open(ptsname(p->fd), O_RDWR);
        if (tty < 0) {
            _exit(127);
        }
        dup2(tty, 0);
        dup2(tty, 1);
        dup2(tty, 2);
        close(p->fd);
        execv(argv[0], argv);
        _exit(127);
    }
}

static void pty_send(Pty *p, const char *text)
{
    g_assert_cmpint(write(p->fd, text, strlen(text)), ==, strlen(text));
}

/* Wait until the output holds @text; drop what came up to its end */
static void pty_expect(Pty *p, const char *text)
{
    gint64 end = g_get_monotonic_time() + WAIT_MS * 1000;
    char *at;

    while (!(at = strstr(p->seen->str, text))) {
        struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
        char buf[4096];
        ssize_t n;
        int left = (end - g_get_monotonic_time()) / 1000;

        if (left <= 0 || poll(&pfd, 1, left) <= 0 ||
            (n = read(p->fd, buf, sizeof(buf))) <= 0) {
            g_test_message("waited for \"%s\", got \"%s\"", text,
                           g_strescape(p->seen->str, NULL));
            g_assert_not_reached();
        }
        g_string_append_len(p->seen, buf, n);
    }
    g_string_erase(p->seen, 0, at - p->seen->str + strlen(text));
}

/* The exit status once the process ended */
static int pty_wait(Pty *p)
{
    int wstatus;

    g_assert_cmpint(waitpid(p->pid, &wstatus, 0), ==, p->pid);
    close(p->fd);
    g_string_free(p->seen, true);
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

/* Output through the terminal: LF becomes CR LF, CR LF becomes CR CR LF */
#define MUX_HELP                                                               \
    "\r\n\rC-a h    print this help\r\n\rC-a x    exit emulator\r\n\r"         \
    "C-a s    save disk data back to file (if -snapshot)\r\n\r"                \
    "C-a t    toggle console timestamps\r\n\r"                                 \
    "C-a b    send break (magic sysrq)\r\n\r"                                  \
    "C-a c    switch between console and monitor\r\n\r"                        \
    "C-a C-a  sends C-a\r\n\r"
#define BANNER "QEMU 7.2.0 monitor - type 'help' for more information\r\r\n"

static void test_nographic_mux(void)
{
    g_autofree char *dir = g_dir_make_tmp("console-test-XXXXXX", NULL);
    g_autofree char *pidfile = g_strdup_printf("%s/pid", dir);
    g_autofree char *sock = g_strdup_printf("%s/sock", dir);
    g_autofree char *pidargs = g_strdup_printf(
        "-M s390-ccw-virtio -accel tcg -S -nographic -pidfile %s "
        "-chardev socket,id=s,path=%s,server=on,wait=off",
        pidfile, sock);
    Pty p;

    pty_start(&p, "-M s390-ccw-virtio -accel tcg -S -nographic");
    pty_send(&p, "\001h");
    pty_expect(&p, MUX_HELP);
    /* the monitor's greeting waited for the switch */
    pty_send(&p, "\001c");
    pty_expect(&p, BANNER "(qemu) ");
    pty_send(&p, "info status\r");
    pty_expect(&p, "info status\033[K\r\r\nVM status: paused (prelaunch)\r\r\n"
                   "(qemu) ");
    /* Ctrl-A Ctrl-A: one Ctrl-A for the line editor (start of the line) */
    pty_send(&p, "elp\001\001h\r");
    pty_expect(&p, "\033[D\033[D\033[Dhelp\033[K\033[D\033[D\033[D\r\r\n"
                   "cont|c  -- resume emulation\r\r\n");
    pty_expect(&p, "system_reset  -- reset the system\r\r\n(qemu) ");
    /* an unknown key after Ctrl-A is dropped */
    pty_send(&p, "\001zq\r");
    pty_expect(&p, "q\033[K\r\r\n");
    g_assert_cmpint(pty_wait(&p), ==, 0);

    /* Ctrl-A t: time stamps; Ctrl-A c back and forth; Ctrl-A x */
    pty_start(&p, pidargs);
    pty_send(&p, "\001c");
    pty_expect(&p, BANNER "(qemu) ");
    pty_send(&p, "\001c");
    pty_expect(&p, "\r\r\n");
    pty_send(&p, "\001t\001c");
    pty_expect(&p, "(qemu) ");
    pty_send(&p, "info status\r");
    pty_expect(&p, "\r\r\n[00:00:0");
    pty_expect(&p, "] VM status: paused (prelaunch)\r\r\n[00:00:0");
    pty_expect(&p, "] (qemu) ");
    pty_send(&p, "\001x");
    pty_expect(&p, "QEMU: Terminated\r\n\r");
    g_assert_cmpint(pty_wait(&p), ==, 0);
    /* as QEMU's exit: the pid file and the socket are gone */
    g_assert_false(g_file_test(pidfile, G_FILE_TEST_EXISTS));
    g_assert_false(g_file_test(sock, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

/* The guest's text on the terminal, then the monitor on the same one */
static void test_nographic_guest_mux(void)
{
    g_autofree char *args = NULL;
    Pty p;

    if (!have_guest()) {
        return;
    }
    args = g_strdup_printf("-accel tcg -nographic -no-shutdown "
                           "-kernel %s/sclp.elf",
                           guest_dir);
    pty_start(&p, args);
    pty_expect(&p, "sclp guest: ok\r\n");
    pty_send(&p, "\001c");
    pty_expect(&p, BANNER "(qemu) ");
    pty_send(&p, "info status\r");
    pty_expect(&p, "VM status: paused (shutdown)\r\r\n(qemu) ");
    pty_send(&p, "\001x");
    pty_expect(&p, "QEMU: Terminated");
    g_assert_cmpint(pty_wait(&p), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    guest_dir = g_getenv("GUEST_DIR");
    g_test_add_func("/console/default", test_default_console);
    g_test_add_func("/console/nodefaults", test_nodefaults);
    g_test_add_func("/console/three-serials", test_three_serials);
    g_test_add_func("/console/mux-labels", test_mux_labels);
    g_test_add_func("/console/monitor-stdio", test_monitor_stdio);
    g_test_add_func("/console/errors", test_errors);
    g_test_add_func("/console/nographic-mux", test_nographic_mux);
    g_test_add_func("/console/nographic-guest", test_nographic_guest);
    g_test_add_func("/console/nographic-guest-mux", test_nographic_guest_mux);
    g_test_add_func("/console/serial-file", test_serial_file);
    g_test_add_func("/console/serial-pipe", test_serial_pipe);
    g_test_add_func("/console/serial-pty", test_serial_pty);
    return g_test_run();
}
