/*
 * The options libvirt writes on every domain's command line: -rtc, -boot
 * and -audiodev start the machine when well-formed and exit 1 with QEMU
 * 7.2's exact text otherwise; -object monitor-qmp serves QMP on its
 * chardev.
 *
 * QTEST_REAL_QEMU=1 (with QTEST_QEMU_BINARY pointing at Debian's
 * qemu-system-s390x) runs the same tables against QEMU 7.2 itself, except
 * the lines marked OURS (QEMU's build has audio drivers this one lacks,
 * and QEMU 7.2 has no monitor-qmp object).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libqtest.h"
#include "qmp-fd.h"

#define PFX "qemu-system-s390x: "

static bool real_qemu;

static gchar *run(const char *args, int *status)
{
    g_autofree char *full = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s %s",
        real_qemu ? "-accel tcg" : "-accel qtest", args);
    g_autofree gchar *out = NULL;
    gchar *err = NULL;

    out = qtest_run_cmdline(full, status, &err);
    g_test_message("%s -> status %d, stderr: %s", args, *status, err);
    return err;
}

/* Lines that must start: the emulator is told to quit at once. */
static void check_starts(const char *args)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *extra = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none %s %s",
        real_qemu ? "-accel tcg -S" : "", args);
    QTestState *s = qtest_init_opts(&opts, extra);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");

    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    qtest_quit(s);
}

static const char *const good_lines[] = {
    "-rtc base=utc",
    "-rtc base=localtime,clock=host,driftfix=none",
    "-rtc base=2006-06-17T16:01:21 -rtc clock=vm",
    "-rtc base=2006-06-17,clock=rt,driftfix=slew",
    /* QEMU reads a date's start and ignores the rest */
    "-rtc base=2006-06-17T16:01 -rtc base=2006-13-17x",
    "-boot strict=on",
    "-boot cd",
    "-boot order=c,menu=off,splash=/nonexistent,splash-time=5,"
    "reboot-timeout=-1,strict=off",
    "-boot order=abcdnp -boot strict=on",
    "-audiodev '{\"id\":\"audio1\",\"driver\":\"none\"}'",
    "-audiodev none,id=a1,timer-period=100,in.voices=1,out.frequency=44100",
    "-audiodev driver=none,id=a1 -audiodev none,id=a1",
    "-audiodev '{\"id\":\"a1\",\"driver\":\"none\",\"in\":{\"voices\":2},"
    "\"out\":{\"format\":\"f32\",\"mixing-engine\":true}}'",
    "-audiodev none,id=a1,in.fixed-settings=off,in.voices=2",
    "-overcommit mem-lock=off -msg timestamp=on",
    "-overcommit cpu-pm=on",
};

static void test_good_lines(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(good_lines); i++) {
        g_test_message("line: %s", good_lines[i]);
        check_starts(good_lines[i]);
    }
}

enum { BOTH, OURS };

typedef struct BadLine {
    int who;
    const char *args;
    const char *line1; /* exact first line of stderr */
    const char *line2; /* exact second line, or NULL */
} BadLine;

static const BadLine bad_lines[] = {
    /* -rtc: keys when read (with the option), values later (without) */
    { BOTH, "-rtc foo=1", PFX "-rtc foo=1: Invalid parameter 'foo'" },
    { BOTH, "-rtc base=bogus", PFX "invalid datetime format",
      "valid formats: '2006-06-17T16:01:21' or '2006-06-17'" },
    { BOTH, "-rtc base=utc -rtc base=2006-06", PFX "invalid datetime format" },
    { BOTH, "-rtc clock=bad", PFX "invalid option value 'bad'" },
    { BOTH, "-rtc driftfix=fast", PFX "invalid option value 'fast'" },
    /* -msg guest-name=on: reports start with the -name, given before or
     * after */
    { BOTH, "-name guest=foo -msg guest-name=on -rtc foo=1",
      "foo " PFX "-rtc foo=1: Invalid parameter 'foo'" },
    { BOTH, "-msg guest-name=on -name foo -rtc base=x",
      "foo " PFX "invalid datetime format" },
    { BOTH, "-msg guest-name=on -rtc foo=1",
      PFX "-rtc foo=1: Invalid parameter 'foo'" },
    /* -boot: the machine's "boot" property (keyval) */
    { BOTH, "-boot order=c,menu",
      PFX "-boot order=c,menu: Expected '=' after parameter 'menu'" },
    { BOTH, "-boot strict=maybe",
      PFX "Parameter 'boot.strict' expects 'on' or 'off'" },
    { BOTH, "-boot menu=x,foo=1",
      PFX "Parameter 'boot.menu' expects 'on' or 'off'" },
    { BOTH, "-boot foo=1", PFX "Parameter 'boot.foo' is unexpected" },
    { BOTH, "-boot order.x=1", PFX "Parameters 'boot.order.*' are unexpected" },
    { BOTH, "-boot splash-time=abc",
      PFX "Parameter 'boot.splash-time' expects integer" },
    { BOTH, "-boot reboot-timeout=99999999999999999999",
      PFX "Parameter 'boot.reboot-timeout' expects integer" },
    { BOTH, "-boot order=z", PFX "Invalid boot device 'z'" },
    { BOTH, "-boot strict", PFX "Invalid boot device 's'" },
    { BOTH, "-boot order=cdc", PFX "Boot device 'c' was given twice" },
    { BOTH, "-boot once=q", PFX "Invalid boot device 'q'" },
    { BOTH, "-boot once=c",
      PFX "no function defined to set boot device list for this architecture" },
    /* -audiodev: Audiodev's members in QEMU's order */
    { BOTH, "-audiodev none", PFX "-audiodev none: Parameter 'id' is missing" },
    { BOTH, "-audiodev id=a1",
      PFX "-audiodev id=a1: Parameter 'driver' is missing" },
    { BOTH, "-audiodev '{\"id\":5,\"driver\":\"none\"}'",
      PFX "-audiodev {\"id\":5,\"driver\":\"none\"}: Invalid parameter type "
          "for 'id', expected: string" },
    { BOTH, "-audiodev bogus,id=a1",
      PFX "-audiodev bogus,id=a1: Parameter 'driver' does not accept value "
          "'bogus'" },
    { BOTH, "-audiodev none,id=a1,foo=1",
      PFX "-audiodev none,id=a1,foo=1: Parameter 'foo' is unexpected" },
    { BOTH, "-audiodev none,id=a1,in.bogus=1",
      PFX "-audiodev none,id=a1,in.bogus=1: Parameter 'in.bogus' is "
          "unexpected" },
    { BOTH, "-audiodev none,id=a1,timer-period=x",
      PFX "-audiodev none,id=a1,timer-period=x: Parameter 'timer-period' "
          "expects integer" },
    { BOTH, "-audiodev none,id=a1,timer-period=-1",
      PFX "-audiodev none,id=a1,timer-period=-1: Parameter 'timer-period' "
          "expects uint32_t" },
    { BOTH, "-audiodev none,id=a1,in.voices=4294967296",
      PFX "-audiodev none,id=a1,in.voices=4294967296: Parameter 'voices' "
          "expects uint32_t" },
    { BOTH, "-audiodev none,id=a1,in.frequency=-5",
      PFX "-audiodev none,id=a1,in.frequency=-5: Parameter 'frequency' "
          "expects uint32_t" },
    { BOTH, "-audiodev none,id=a1,in.voices=x,in.format=bad",
      PFX "-audiodev none,id=a1,in.voices=x,in.format=bad: Parameter "
          "'in.voices' expects integer" },
    { BOTH, "-audiodev none,id=a1,in.format=bad",
      PFX "-audiodev none,id=a1,in.format=bad: Parameter 'format' does not "
          "accept value 'bad'" },
    { BOTH, "-audiodev none,id=a1,in.mixing-engine=x",
      PFX "-audiodev none,id=a1,in.mixing-engine=x: Parameter "
          "'in.mixing-engine' expects 'on' or 'off'" },
    { BOTH, "-audiodev '{\"id\":\"a1\",\"driver\":\"none\",\"in\":5}'",
      PFX "-audiodev {\"id\":\"a1\",\"driver\":\"none\",\"in\":5}: Invalid "
          "parameter type for 'in', expected: object" },
    { BOTH,
      "-audiodev '{\"id\":\"a1\",\"driver\":\"none\",\"in\":{\"voices\":\"x\"}}'",
      PFX "-audiodev {\"id\":\"a1\",\"driver\":\"none\",\"in\":{\"voices\":"
          "\"x\"}}: Parameter 'in.voices' expects uint64" },
    { BOTH, "-audiodev none,id=a1,in.fixed-settings=off,in.channels=2",
      PFX "-audiodev none,id=a1,in.fixed-settings=off,in.channels=2: You "
          "can't use frequency, channels or format with fixed-settings=off" },
    /* without the mixing engine, fixed settings are off by default */
    { BOTH, "-audiodev none,id=a1,out.mixing-engine=off,out.format=s16",
      PFX "-audiodev none,id=a1,out.mixing-engine=off,out.format=s16: You "
          "can't use frequency, channels or format with fixed-settings=off" },
    { BOTH, "-audiodev none,help",
      PFX "-audiodev none,help: Help is not available for this option" },
    /* drivers QEMU knows and this program has not */
    { BOTH, "-audiodev pa,id=a1", "audio: Could not init `pa' audio driver" },
    { OURS, "-audiodev '{\"id\":\"a1\",\"driver\":\"alsa\"}'",
      "audio: Could not init `alsa' audio driver" },
    { OURS, "-audiodev wav,id=a1", "audio: Could not init `wav' audio driver" },
    /* monitor-qmp wants its chardev */
    { OURS, "-object monitor-qmp,id=m",
      PFX "-object monitor-qmp,id=m: Parameter 'chardev' is missing" },
    { OURS, "-object monitor-qmp,id=m,chardev=nope",
      PFX "-object monitor-qmp,id=m,chardev=nope: chardev \"nope\" not found" },
};

static void test_bad_lines(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(bad_lines); i++) {
        const BadLine *b = &bad_lines[i];
        g_autofree gchar *err = NULL;
        g_auto(GStrv) lines = NULL;
        int status;

        if (real_qemu && b->who == OURS) {
            continue;
        }
        err = run(b->args, &status);
        g_assert_cmpint(status, ==, 1);
        lines = g_strsplit(err, "\n", -1);
        g_assert_cmpstr(lines[0], ==, b->line1);
        if (b->line2) {
            g_assert_cmpstr(lines[1], ==, b->line2);
        }
    }
}

static void check_help(const char *args, int want_status, const char *want)
{
    int status;
    g_autofree gchar *err = NULL;
    g_autofree gchar *out = qtest_run_cmdline(args, &status, &err);

    g_assert_cmpint(status, ==, want_status);
    g_assert_true(g_str_has_prefix(out, want));
}

static void test_help(void)
{
    static const char boot_keys[] = "boot-opts options:\n"
                                    "  menu=<bool (on/off)>\n"
                                    "  once=<str>\n"
                                    "  order=<str>\n"
                                    "  reboot-timeout=<num>\n"
                                    "  splash-time=<num>\n"
                                    "  splash=<str>\n"
                                    "  strict=<bool (on/off)>\n";

    check_help("-audiodev help", 0, "Available audio drivers:\nnone\n");
    check_help("-boot help", 0, boot_keys);
    check_help("-boot order=c,help", 0, boot_keys);
    /* QemuOpts' help ends start-up as an error does */
    check_help("-rtc base=utc,help", 1,
               "rtc options:\n  base=<str>\n  clock=<str>\n  driftfix=<str>\n");
}

/*
 * -object monitor-qmp (libvirt's form of -mon): the test's QMP channel is
 * -qmp; a second client on the object's unix socket gets the greeting
 * and answers.
 */
static void test_monitor_object(void)
{
    g_autofree char *dir = g_dir_make_tmp("domopts-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "mon.sock", NULL);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S "
        "-chardev socket,id=charmonitor,path=%s,server=on,wait=off "
        "-object '{\"qom-type\":\"monitor-qmp\",\"id\":\"monitor\","
        "\"chardev\":\"charmonitor\"}'",
        path);
    QTestState *s;
    QmpFd *m;
    JsonObject *rsp;

    if (real_qemu) {
        g_test_skip("QEMU 7.2 has no monitor-qmp object");
        return;
    }
    s = qtest_init(args);
    m = qmp_fd_connect(path);
    rsp = qmp_fd_read(m);
    g_assert_true(json_object_has_member(rsp, "QMP"));
    json_object_unref(rsp);
    rsp = qmp_fd_cmd(m, "{\"execute\": \"qmp_capabilities\"}");
    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    rsp = qmp_fd_cmd(m, "{\"execute\": \"query-status\"}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "return"), "status"),
                    ==, "prelaunch");
    json_object_unref(rsp);
    /* it serves its chardev until exit: object-del refuses */
    rsp =
        qtest_qmp(s,
                  "{'execute': 'object-del', 'arguments': {'id': 'monitor'}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    qmp_fd_free(m);
    qtest_quit(s);
    unlink(path);
    rmdir(dir);
}

/*
 * -chardev socket,fd=N,server=on wants a listening socket (libvirt
 * passes one): QEMU refuses a connected one. Run with a socketpair end
 * as fd 3; return the exit status and stderr.
 */
static int run_with_connected_fd(const char *opt, char **err_text)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s %s",
        real_qemu ? "-accel tcg" : "-accel qtest", opt);
    g_auto(GStrv) argv = NULL;
    GString *err = g_string_new(NULL);
    int sv[2], ep[2], status = 0;
    char buf[1024];
    ssize_t n;
    pid_t pid;

    g_assert_true(g_shell_parse_argv(args, NULL, &argv, NULL));
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), ==, 0);
    g_assert_cmpint(pipe(ep), ==, 0);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        g_autoptr(GPtrArray) a = g_ptr_array_new();

        g_ptr_array_add(a, (char *)binary);
        for (int i = 0; argv[i]; i++) {
            g_ptr_array_add(a, argv[i]);
        }
        g_ptr_array_add(a, NULL);
        dup2(sv[1], 3);
        dup2(ep[1], STDERR_FILENO);
        execv(binary, (char **)a->pdata);
        _exit(127);
    }
    close(sv[1]);
    close(ep[1]);
    while ((n = read(ep[0], buf, sizeof(buf))) > 0) {
        g_string_append_len(err, buf, n);
    }
    close(ep[0]);
    close(sv[0]);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    *err_text = g_string_free(err, FALSE);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_chardev_fd(void)
{
    g_autofree char *err = NULL;

    g_assert_cmpint(
        run_with_connected_fd(
            "-chardev socket,id=charmonitor,fd=3,server=on,wait=off", &err),
        ==, 1);
    g_assert_cmpstr(err, ==,
                    PFX
                    "-chardev socket,id=charmonitor,fd=3,server=on,wait=off: "
                    "Failed to listen on fd socket: Invalid argument\n");
}

/* The emulator's locked memory, from /proc/PID/status (kB) */
static long locked_kb(QTestState *s)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status",
                                            (int)qtest_pid(s));
    g_autofree char *text = NULL;
    const char *field;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    field = strstr(text, "\nVmLck:");
    g_assert_nonnull(field);
    return atol(field + strlen("\nVmLck:"));
}

/* mem-lock=on locks the process's memory, guest RAM included */
static void test_mem_lock(void)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S -m 64 %s "
        "-overcommit mem-lock=on",
        real_qemu ? "-accel tcg" : "");
    QTestState *s;
    struct rlimit rl;

    /* ASan's shadow memory is terabytes of reserved address space */
    if (!g_strcmp0(g_getenv("QTEST_ASAN"), "1")) {
        g_test_skip("mlockall() of an ASan process would lock its shadow");
        return;
    }
    /* unprivileged, the limit must allow it */
    g_assert_cmpint(getrlimit(RLIMIT_MEMLOCK, &rl), ==, 0);
    if (geteuid() != 0 && rl.rlim_cur != RLIM_INFINITY) {
        g_test_skip("RLIMIT_MEMLOCK too low to lock the guest's memory");
        return;
    }
    s = qtest_init_opts(&opts, args);
    g_assert_cmpint(locked_kb(s), >=, 64 * 1024);
    qtest_quit(s);
    s = qtest_init_opts(&opts, "-machine s390-ccw-virtio -nodefaults "
                               "-display none -S -overcommit mem-lock=off");
    g_assert_cmpint(locked_kb(s), ==, 0);
    qtest_quit(s);
}

/* Run @opt with "-qmp stdio" fed @qmp; the exit status and stderr */
static int run_with_qmp_input(const char *opt, const char *qmp, char **err_text)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s -qmp stdio "
        "%s",
        real_qemu ? "-accel tcg" : "-accel qtest", opt);
    g_auto(GStrv) argv = NULL;
    GString *err = g_string_new(NULL);
    int in[2], ep[2], status = 0;
    char buf[1024];
    ssize_t n;
    pid_t pid;

    g_assert_true(g_shell_parse_argv(args, NULL, &argv, NULL));
    g_assert_cmpint(pipe(in), ==, 0);
    g_assert_cmpint(pipe(ep), ==, 0);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        g_autoptr(GPtrArray) a = g_ptr_array_new();
        int null = open("/dev/null", O_WRONLY);

        g_ptr_array_add(a, (char *)binary);
        for (int i = 0; argv[i]; i++) {
            g_ptr_array_add(a, argv[i]);
        }
        g_ptr_array_add(a, NULL);
        dup2(in[0], STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(ep[1], STDERR_FILENO);
        close(in[1]);
        execv(binary, (char **)a->pdata);
        _exit(127);
    }
    close(in[0]);
    close(ep[1]);
    g_assert_cmpint(write(in[1], qmp, strlen(qmp)), ==, strlen(qmp));
    while ((n = read(ep[0], buf, sizeof(buf))) > 0) {
        g_string_append_len(err, buf, n);
    }
    close(ep[0]);
    close(in[1]);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    *err_text = g_string_free(err, FALSE);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* menu=on wants a boot device: said at start and at each reset */
static void test_boot_menu(void)
{
    static const char qmp[] = "{\"execute\":\"qmp_capabilities\"}"
                              "{\"execute\":\"system_reset\"}"
                              "{\"execute\":\"quit\"}\n";
    static const char warning[] = PFX
        "boot menu requires a bootindex to be specified for the IPL "
        "device\n";
    g_autofree char *dir = g_dir_make_tmp("domopts-XXXXXX", NULL);
    g_autofree char *img = g_build_filename(dir, "a.img", NULL);
    g_autofree char *without =
        g_strdup_printf("-boot menu=on -drive file=%s,if=none,id=d1,format=raw "
                        "-device virtio-blk-ccw,drive=d1",
                        img);
    g_autofree char *with = g_strdup_printf("%s,bootindex=1", without);
    g_autofree char *twice = g_strdup_printf("%s%s", warning, warning);
    g_autofree char *err = NULL;

    g_assert_true(g_file_set_contents(img, "", 0, NULL));
    g_assert_cmpint(truncate(img, 1 << 20), ==, 0);
    g_assert_cmpint(run_with_qmp_input(without, qmp, &err), ==, 0);
    g_assert_cmpstr(err, ==, twice);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(run_with_qmp_input(with, qmp, &err), ==, 0);
    g_assert_cmpstr(err, ==, "");
    unlink(img);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/domain-opts/good-lines", test_good_lines);
    g_test_add_func("/domain-opts/bad-lines", test_bad_lines);
    g_test_add_func("/domain-opts/help", test_help);
    g_test_add_func("/domain-opts/monitor-object", test_monitor_object);
    g_test_add_func("/domain-opts/chardev-fd", test_chardev_fd);
    g_test_add_func("/domain-opts/mem-lock", test_mem_lock);
    g_test_add_func("/domain-opts/boot-menu", test_boot_menu);
    return g_test_run();
}
