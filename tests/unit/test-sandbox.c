/*
 * -sandbox: option errors, and what the installed filter does to a process
 * (each filter is installed in a forked child, which then tries a call:
 * a denied one must end it with SIGSYS, or fail with the errno promised).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "sysemu/sandbox.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void check_error(const char *arg, const char *msg)
{
    Error *err = NULL;

    g_assert_false(sandbox_setup(arg, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* Keys and values are checked before anything is installed. */
static void test_bad_options(void)
{
    check_error("on,spawn=maybe", "invalid argument for spawn");
    check_error("on,obsolete=never", "invalid argument for obsolete");
    check_error("on,elevateprivileges=yes",
                "invalid argument for elevateprivileges");
    check_error("on,resourcecontrol=children",
                "invalid argument for resourcecontrol");
    check_error("on,spawn=children", "invalid argument for spawn");
    /* the first of several bad values, in QEMU's fixed order */
    check_error("on,spawn=x,obsolete=y", "invalid argument for obsolete");
    check_error("on,fork=deny", "Invalid parameter 'fork'");
    check_error("maybe", "Parameter 'enable' expects 'on' or 'off'");
    check_error("spawn=deny,nosuch=1", "Invalid parameter 'nosuch'");
}

/* Without "on" nothing is checked beyond the keys, nothing installed. */
static void test_off(void)
{
    g_assert_true(sandbox_setup("off", &error_abort));
    g_assert_true(sandbox_setup("off,spawn=whatever", &error_abort));
    g_assert_true(sandbox_setup("spawn=deny", &error_abort));
}

#ifdef CONFIG_SECCOMP

typedef int (*Attempt)(void);

/*
 * Fork; the child installs @arg, then runs @attempt and exits with what it
 * returned.  Returns the child's wait status.
 */
static int run_sandboxed(const char *arg, Attempt attempt)
{
    int wstatus;
    pid_t pid = fork();

    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        Error *err = NULL;

        if (!sandbox_setup(arg, &err)) {
            fprintf(stderr, "sandbox_setup: %s\n", error_get_pretty(err));
            _exit(100);
        }
        _exit(attempt());
    }
    g_assert_cmpint(waitpid(pid, &wstatus, 0), ==, pid);
    return wstatus;
}

static void assert_killed(const char *arg, Attempt attempt)
{
    int wstatus = run_sandboxed(arg, attempt);

    g_test_message("-sandbox %s: wait status 0x%x", arg, wstatus);
    g_assert_true(WIFSIGNALED(wstatus));
    g_assert_cmpint(WTERMSIG(wstatus), ==, SIGSYS);
}

static void assert_exits(const char *arg, Attempt attempt, int code)
{
    int wstatus = run_sandboxed(arg, attempt);

    g_test_message("-sandbox %s: wait status 0x%x", arg, wstatus);
    g_assert_true(WIFEXITED(wstatus));
    g_assert_cmpint(WEXITSTATUS(wstatus), ==, code);
}

static int try_fork(void)
{
    pid_t pid = fork();

    if (pid == 0) {
        _exit(0);
    }
    return pid > 0 ? 0 : 1;
}

static int try_exec(void)
{
    static char *const argv[] = { (char *)"/bin/true", NULL };

    execv(argv[0], argv);
    return 2;
}

static gpointer thread_fn(gpointer data)
{
    return data;
}

static int try_thread(void)
{
    GThread *t = g_thread_new("sandboxed", thread_fn, GINT_TO_POINTER(7));

    return GPOINTER_TO_INT(g_thread_join(t)) == 7 ? 0 : 3;
}

static int try_setuid(void)
{
    return setuid(getuid()) == 0 ? 0 : 4;
}

/* A harmless query: the size of the kernel log buffer. */
static int try_syslog(void)
{
    return syscall(SYS_syslog, 10, NULL, 0) >= 0 ? 0 : 5;
}

#ifdef SYS_sysfs
/* An obsolete call: the number of file system types. */
static int try_sysfs(void)
{
    return syscall(SYS_sysfs, 3) >= 0 ? 0 : 6;
}
#endif

/* 0 if setpriority fails with EPERM, 7 if it succeeds. */
static int try_setpriority(void)
{
    int cur = getpriority(PRIO_PROCESS, 0);

    if (setpriority(PRIO_PROCESS, 0, cur) == 0) {
        return 7;
    }
    return errno == EPERM ? 0 : 8;
}

static void test_spawn(void)
{
    assert_exits("off", try_fork, 0);
    assert_exits("on", try_fork, 0);
    assert_killed("on,spawn=deny", try_fork);
    assert_killed("on,spawn=deny", try_exec);
    /* the emulator's own threads stay possible */
    assert_exits("on,spawn=deny", try_thread, 0);
    assert_exits("on,spawn=allow", try_fork, 0);
}

static void test_privileges(void)
{
    assert_exits("on", try_setuid, 0);
    assert_exits("on,elevateprivileges=allow", try_setuid, 0);
    assert_killed("on,elevateprivileges=deny", try_setuid);
    assert_killed("on,elevateprivileges=children", try_setuid);
}

static void test_default_and_obsolete(void)
{
    assert_exits("off", try_syslog, 0);
    assert_killed("on", try_syslog);
#ifdef SYS_sysfs
    assert_exits("off", try_sysfs, 0);
    assert_killed("on", try_sysfs);
    assert_killed("on,obsolete=deny", try_sysfs);
    assert_exits("on,obsolete=allow", try_sysfs, 0);
#endif
}

static void test_resource_control(void)
{
    assert_exits("on", try_setpriority, 7);
    assert_exits("on,resourcecontrol=deny", try_setpriority, 0);
}

#else

static void test_disabled(void)
{
    check_error("on", "seccomp support is disabled");
}

#endif

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sandbox/bad-options", test_bad_options);
    g_test_add_func("/sandbox/off", test_off);
#ifdef CONFIG_SECCOMP
    g_test_add_func("/sandbox/spawn", test_spawn);
    g_test_add_func("/sandbox/privileges", test_privileges);
    g_test_add_func("/sandbox/default-and-obsolete", test_default_and_obsolete);
    g_test_add_func("/sandbox/resource-control", test_resource_control);
#else
    g_test_add_func("/sandbox/disabled", test_disabled);
#endif
    return g_test_run();
}
