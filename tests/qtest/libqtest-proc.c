/*
 * libqtest: start the emulator connected to a qtest and a QMP socket,
 * watch it, stop it.  A test that hangs or dies kills every emulator it
 * started before it goes.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libqtest-priv.h"

static GList *running; /* every QTestState not freed yet */

int qt_timeout_ms(void)
{
    const char *env = getenv("QTEST_TIMEOUT");
    int seconds = env ? atoi(env) : 0;

    return (seconds > 0 ? seconds : 60) * 1000;
}

int64_t qt_now_ms(void)
{
    return g_get_monotonic_time() / 1000;
}

/* Fatal signal in the test: take the emulators along, then die of it. */
static void kill_emulators_and_reraise(int sig)
{
    for (GList *l = running; l; l = l->next) {
        QTestState *s = l->data;

        if (!s->exited) {
            kill(s->pid, SIGKILL);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void qt_reap(QTestState *s, bool block, struct rusage *ru)
{
    struct rusage unused;
    pid_t got;

    if (s->exited) {
        return;
    }
    do {
        got = wait4(s->pid, &s->wstatus, block ? 0 : WNOHANG,
                    ru ? ru : &unused);
    } while (got < 0 && errno == EINTR);
    s->exited = got == s->pid;
}

bool qtest_probe_child(QTestState *s)
{
    qt_reap(s, false, NULL);
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

void qt_fail(QTestState *s, const char *what)
{
    g_autoptr(GString) msg = g_string_new("");

    g_string_append_printf(msg, "libqtest: %s: ", what);
    if (qtest_probe_child(s)) {
        g_string_append(msg, "the emulator is still running (killed now)");
        kill(s->pid, SIGKILL);
        qt_reap(s, true, NULL);
    } else {
        g_string_append(msg, "the emulator ");
        describe_status(msg, s->wstatus);
    }
    fprintf(stderr, "%s\n", msg->str);
    g_test_message("%s", msg->str);
    abort();
}

void qt_args_append(GPtrArray *argv, const char *args)
{
    g_auto(GStrv) words = NULL;
    GError *err = NULL;

    if (!args || !*args) {
        return;
    }
    if (!g_shell_parse_argv(args, NULL, &words, &err)) {
        g_error("libqtest: cannot split arguments '%s': %s", args,
                err->message);
    }
    for (int i = 0; words[i]; i++) {
        g_ptr_array_add(argv, g_strdup(words[i]));
    }
}

const char *qt_default_binary(void)
{
    const char *bin = getenv("QTEST_QEMU_BINARY");

    if (!bin) {
        fprintf(stderr, "libqtest: set QTEST_QEMU_BINARY to the emulator\n");
        exit(1);
    }
    return bin;
}

static void start_emulator(QTestState *s, const char *binary, GPtrArray *argv,
                           bool keep_fds)
{
    GError *err = NULL;
    GPid pid;

    g_ptr_array_add(argv, NULL);
    /* in a sanitizer build, undefined behaviour in the emulator ends it, so
     * the test that provoked it fails instead of passing with a warning */
    g_setenv("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1", FALSE);
    if (!g_spawn_async(NULL, (char **)argv->pdata, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL |
                           (keep_fds ? G_SPAWN_LEAVE_DESCRIPTORS_OPEN : 0),
                       NULL, NULL, &pid, &err)) {
        g_error("libqtest: cannot run %s: %s", binary, err->message);
    }
    s->pid = pid;
    running = g_list_prepend(running, s);
    signal(SIGABRT, kill_emulators_and_reraise);
    signal(SIGTRAP, kill_emulators_and_reraise); /* fatal GLib criticals */
}

/* The emulator's command line: our sockets and monitor, then the test's. */
static GPtrArray *build_argv(const char *binary, const char *qtest_path,
                             const char *qmp_path, const char *extra_args,
                             bool accel_qtest)
{
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);

    g_ptr_array_add(argv, g_strdup(binary));
    g_ptr_array_add(argv, g_strdup("-qtest"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s", qtest_path));
    g_ptr_array_add(argv, g_strdup("-qtest-log"));
    g_ptr_array_add(argv,
                    g_strdup(getenv("QTEST_LOG") ? "/dev/fd/2" : "/dev/null"));
    g_ptr_array_add(argv, g_strdup("-chardev"));
    g_ptr_array_add(argv, g_strdup_printf("socket,path=%s,id=char0", qmp_path));
    qt_args_append(argv, "-mon chardev=char0,mode=control -display none");
    qt_args_append(argv, extra_args);
    if (accel_qtest) {
        qt_args_append(argv, "-accel qtest");
    }
    return argv;
}

static void qmp_handshake(QTestState *s)
{
    JsonObject *greeting = qtest_qmp_receive_dict(s);

    g_assert_true(json_object_has_member(greeting, "QMP"));
    json_object_unref(greeting);
    qtest_qmp_assert_success(s, "{'execute': 'qmp_capabilities'}");
}

QTestState *qtest_init_opts(const QTestInitOptions *opts,
                            const char *extra_args)
{
    QTestState *s = g_new0(QTestState, 1);
    const char *binary = opts->binary ? opts->binary : qt_default_binary();
    g_autoptr(GPtrArray) argv = NULL;
    g_autofree char *qtest_path = NULL, *qmp_path = NULL;
    int qtest_lfd, qmp_lfd;

    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", NULL);
    g_assert(s->tmpdir);
    qtest_path = g_build_filename(s->tmpdir, "qtest.sock", NULL);
    qmp_path = g_build_filename(s->tmpdir, "qmp.sock", NULL);
    qtest_lfd = qt_listen(qtest_path);
    qmp_lfd = qt_listen(qmp_path);
    s->qtest_rx.data = g_string_sized_new(4096);
    s->qmp_rx.data = g_string_sized_new(4096);
    g_queue_init(&s->async_lines);
    g_queue_init(&s->qmp_events);

    argv = build_argv(binary, qtest_path, qmp_path, extra_args,
                      !opts->no_accel_qtest);
    start_emulator(s, binary, argv, opts->keep_fds);
    s->qtest_fd = qt_accept(s, qtest_lfd,
                            "the emulator did not connect to the qtest socket");
    s->qmp_fd = qt_accept(s, qmp_lfd,
                          "the emulator did not connect to the QMP socket");
    close(qtest_lfd);
    close(qmp_lfd);
    unlink(qtest_path);
    unlink(qmp_path);

    if (!opts->no_handshake) {
        qmp_handshake(s);
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
    int64_t deadline = qt_now_ms() + qt_timeout_ms();

    for (;;) {
        qt_reap(s, false, ru);
        if (s->exited) {
            return s->wstatus;
        }
        if (qt_now_ms() > deadline) {
            qt_fail(s, "the emulator did not exit");
        }
        g_usleep(200);
    }
}

static void qtest_free(QTestState *s)
{
    running = g_list_remove(running, s);
    if (s->qtest_fd >= 0) {
        close(s->qtest_fd);
    }
    if (s->qmp_fd >= 0) {
        close(s->qmp_fd);
    }
    rmdir(s->tmpdir);
    g_free(s->tmpdir);
    g_string_free(s->qtest_rx.data, TRUE);
    g_string_free(s->qmp_rx.data, TRUE);
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
        g_error("libqtest: the emulator exited with status %d, expected %d",
                WEXITSTATUS(s->wstatus), s->expected_status);
    }
    qtest_free(s);
}
