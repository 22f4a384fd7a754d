/*
 * libqtest: run the emulator to completion and collect what it printed
 * (for command-line tests).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libqtest-priv.h"

/* Read what is there on @fd into @out; false once it is closed. */
static bool drain_once(int fd, GString *out)
{
    char chunk[4096];
    ssize_t n = read(fd, chunk, sizeof(chunk));

    if (n > 0) {
        g_string_append_len(out, chunk, n);
        return true;
    }
    return n < 0 && errno == EINTR;
}

/* Collect stdout and stderr until both close (or the timeout kills it). */
static int collect_until_exit(GPid pid, int out_fd, int err_fd, GString *out,
                              GString *err)
{
    int64_t deadline = qt_now_ms() + qt_timeout_ms();
    struct pollfd pfd[2] = {
        { .fd = out_fd, .events = POLLIN },
        { .fd = err_fd, .events = POLLIN },
    };
    GString *sink[2] = { out, err };
    int wstatus, open_fds = 2;

    while (open_fds) {
        int ready = poll(pfd, 2, 100);

        if (qt_now_ms() > deadline) {
            kill(pid, SIGKILL);
            break;
        }
        for (int i = 0; ready > 0 && i < 2; i++) {
            if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            if (!drain_once(pfd[i].fd, sink[i])) {
                pfd[i].fd = -1;
                open_fds--;
            }
        }
    }
    waitpid(pid, &wstatus, 0);
    return WIFSIGNALED(wstatus) ? -WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
}

gchar *qtest_run_binary(const char *binary, const char *args, int *exit_status,
                        gchar **stderr_text)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    GString *out = g_string_new(""), *err = g_string_new("");
    GError *gerr = NULL;
    int out_fd, err_fd, status;
    GPid pid;

    g_ptr_array_add(argv, g_strdup(binary));
    qt_args_append(argv, args);
    g_ptr_array_add(argv, NULL);
    if (!g_spawn_async_with_pipes(NULL, (char **)argv->pdata, NULL,
                                  G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                  NULL, &out_fd, &err_fd, &gerr)) {
        g_error("libqtest: cannot run %s: %s", binary, gerr->message);
    }
    status = collect_until_exit(pid, out_fd, err_fd, out, err);
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
    return qtest_run_binary(qt_default_binary(), args, exit_status,
                            stderr_text);
}
