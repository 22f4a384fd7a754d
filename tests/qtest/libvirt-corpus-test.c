/*
 * libvirt's command lines for its s390x zPCI test cases
 * (tests/data/libvirt-zpci, see its README.txt), started as libvirt starts
 * them: the environment the file gives, a listening unix socket for the
 * QMP monitor passed as a file descriptor (the file's "@mon-fd@"; the
 * test connects to it as libvirtd does), and the domain's master key
 * file in place. Two things stand in for what libvirt's host
 * has: the key file is written to a temporary directory (its path in the
 * line is rewritten), and the simulated host declares a PCI function
 * (-object sim-pci-function) for each vfio-pci host address. Nothing
 * else of the line changes.
 *
 * A line that starts must talk QMP as libvirt does: qmp_capabilities,
 * query-status (prelaunch: libvirt passes -S), the queries and settings
 * of a domain start (query-chardev shows the monitor's socket connected,
 * query-block, set-action, migrate-set-capabilities ...), query-pci, the
 * address map (query-s390-pci-map: every zpci with libvirt's uid and fid
 * and its target, every vfio-pci on its host address), cont (running),
 * quit (exit status 0).
 *
 * The lines that cannot start say why, in the table below, and the test
 * checks that they fail that way (so a change that fixes one fails here
 * and is noticed): the KVM line fails as QEMU does on a host without an
 * s390x KVM, and the virtio-blk-pci line needs a host block device (it
 * starts and answers with /dev/zero in its place).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/wait.h>

#include "libqtest.h"
#include "qmp-fd.h"

#define MON_FD 3

typedef struct CorpusCase {
    const char *file;
    /* NULL: must start and answer; else a line of its stderr on failure */
    const char *fails_with;
    const char *why;
    /* also run with this host device replaced by /dev/zero (a character
     * device host_device accepts) and expect this error instead, or
     * (NULL) that the line then starts and answers */
    const char *host_dev;
    const char *then_fails_with;
} CorpusCase;

static const CorpusCase cases[] = {
    { "disk-virtio-s390-zpci.s390x-latest.args",
      "qemu-system-s390x: -blockdev {\"driver\":\"host_device\",\"filename\":"
      "\"/dev/HostVG/QEMUGuest1\",\"node-name\":\"libvirt-1-storage\","
      "\"read-only\":false}: Could not open '/dev/HostVG/QEMUGuest1': No such "
      "file or directory",
      "expected failure: libvirt's host LVM volume is absent here (QEMU fails "
      "the same way); with /dev/zero in its place the line starts and "
      "answers (virtio-blk-pci on its zpci)",
      "/dev/HostVG/QEMUGuest1" },
    { "hostdev-vfio-zpci-autogenerate-fids.s390x-latest.args" },
    { "hostdev-vfio-zpci-autogenerate-uids.s390x-latest.args" },
    { "hostdev-vfio-zpci-autogenerate.s390x-latest.args" },
    { "hostdev-vfio-zpci-boundaries.s390x-latest.args" },
    { "hostdev-vfio-zpci-ccw-memballoon.s390x-latest.args",
      "qemu-system-s390x: -accel kvm: failed to initialize kvm: ",
      "-accel kvm: there is no s390x KVM on this host; QEMU fails the same "
      "way without /dev/kvm" },
    { "hostdev-vfio-zpci-multidomain-many.s390x-latest.args" },
    { "hostdev-vfio-zpci.s390x-latest.args" },
};

static char *corpus_dir(void)
{
    const char *src = g_getenv("G_TEST_SRCDIR");

    g_assert_nonnull(src);
    return g_build_filename(src, "..", "data", "libvirt-zpci", NULL);
}

/* @s with every @from replaced by @to (GLib 2.66 has no g_string_replace) */
static char *str_replace(const char *s, const char *from, const char *to)
{
    g_auto(GStrv) parts = g_strsplit(s, from, -1);

    return g_strjoinv(to, parts);
}

typedef struct Line {
    GPtrArray *env;  /* NAME=VALUE */
    GPtrArray *args; /* after the binary */
} Line;

static void line_free(Line *l)
{
    g_ptr_array_free(l->env, TRUE);
    g_ptr_array_free(l->args, TRUE);
    g_free(l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Line, line_free)

/* A .args file: "\"-continued shell words, VAR=value..., binary, args */
static Line *line_read(const char *path)
{
    g_autofree char *text = NULL;
    g_autoptr(GError) err = NULL;
    g_auto(GStrv) words = NULL;
    Line *l = g_new0(Line, 1);
    gboolean in_env = TRUE;
    g_autofree char *joined = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    joined = str_replace(text, "\\\n", " ");
    if (!g_shell_parse_argv(joined, NULL, &words, &err)) {
        g_error("%s: %s", path, err->message);
    }
    l->env = g_ptr_array_new_with_free_func(g_free);
    l->args = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; words[i]; i++) {
        if (in_env && g_regex_match_simple("^[A-Z_]+=", words[i], 0, 0)) {
            g_ptr_array_add(l->env, g_strdup(words[i]));
        } else if (in_env) {
            g_assert_true(g_str_has_suffix(words[i], "qemu-system-s390x"));
            in_env = FALSE;
        } else {
            g_ptr_array_add(l->args, g_strdup(words[i]));
        }
    }
    g_assert_false(in_env);
    return l;
}

/* Replace @from by @to in every argument; returns how many changed. */
static int line_subst(Line *l, const char *from, const char *to)
{
    int n = 0;

    for (guint i = 0; i < l->args->len; i++) {
        char *a = l->args->pdata[i];

        if (strstr(a, from)) {
            l->args->pdata[i] = str_replace(a, from, to);
            g_free(a);
            n++;
        }
    }
    return n;
}

/* The simulated host functions the vfio-pci devices of @l pass through. */
static void line_add_host_functions(Line *l)
{
    g_autoptr(GPtrArray) objs = g_ptr_array_new_with_free_func(g_free);

    for (guint i = 0; i + 1 < l->args->len; i++) {
        g_autoptr(JsonParser) p = json_parser_new();
        JsonObject *dev;
        const char *a = l->args->pdata[i + 1];

        if (strcmp(l->args->pdata[i], "-device") || a[0] != '{' ||
            !json_parser_load_from_data(p, a, -1, NULL)) {
            continue;
        }
        dev = json_node_get_object(json_parser_get_root(p));
        if (!g_strcmp0(json_object_get_string_member_with_default(dev, "driver",
                                                                  ""),
                       "vfio-pci")) {
            g_ptr_array_add(objs, g_strdup("-object"));
            g_ptr_array_add(
                objs,
                g_strdup_printf("sim-pci-function,id=simfn%u,host=%s",
                                objs->len / 2,
                                json_object_get_string_member(dev, "host")));
        }
    }
    for (guint i = 0; i < objs->len; i++) {
        g_ptr_array_insert(l->args, i, g_strdup(objs->pdata[i]));
    }
}

typedef struct Run {
    pid_t pid;
    int err_fd; /* the emulator's stderr */
    QmpFd *qmp;
} Run;

/* A listening unix socket at @path, as libvirt makes for the monitor */
static int listen_unix(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    unlink(path);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    return fd;
}

/*
 * Start the emulator with @l's environment and, as libvirt does, a
 * listening socket bound to @mon_path as MON_FD; connect to it when
 * @connect (the emulator accepts the connection).
 */
static Run run_start(Line *l, const char *mon_path, bool connect)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    int lfd, ep[2];
    Run r = { 0 };

    g_assert_nonnull(binary);
    lfd = listen_unix(mon_path);
    g_assert_cmpint(pipe2(ep, O_CLOEXEC), ==, 0);
    g_ptr_array_add(argv, (char *)binary);
    for (guint i = 0; i < l->args->len; i++) {
        g_ptr_array_add(argv, l->args->pdata[i]);
    }
    g_ptr_array_add(argv, NULL);
    r.pid = fork();
    g_assert_cmpint(r.pid, >=, 0);
    if (r.pid == 0) {
        /* a failed assertion here must not leave it holding our stdout */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        /*
         * Under ASan, LeakSanitizer's check at exit starts a tracer
         * (clone, ptrace) that the lines' -sandbox spawn=deny kills with
         * SIGSYS: no leak check for these runs (the last option wins).
         */
        if (g_getenv("ASAN_OPTIONS")) {
            g_autofree char *ao = g_strconcat(g_getenv("ASAN_OPTIONS"),
                                              ":detect_leaks=0", NULL);

            setenv("ASAN_OPTIONS", ao, 1);
        }
        for (guint i = 0; i < l->env->len; i++) {
            putenv(l->env->pdata[i]);
        }
        if (lfd == MON_FD) {
            fcntl(lfd, F_SETFD, 0); /* dup2 would leave close-on-exec */
        } else {
            dup2(lfd, MON_FD); /* clears close-on-exec */
        }
        dup2(ep[1], STDERR_FILENO);
        execv(binary, (char **)argv->pdata);
        _exit(127);
    }
    close(lfd);
    close(ep[1]);
    r.err_fd = ep[0];
    r.qmp = connect ? qmp_fd_connect(mon_path) : NULL;
    return r;
}

/* Wait (at most 30 s, then kill) for the emulator: exit status, stderr. */
static int run_finish(Run *r, char **stderr_text)
{
    GString *text = g_string_new(NULL);
    char buf[4096];
    ssize_t n;
    int status = 0;

    if (r->qmp) {
        qmp_fd_free(r->qmp);
    }
    while ((n = read(r->err_fd, buf, sizeof(buf))) > 0 ||
           (n < 0 && errno == EINTR)) {
        g_string_append_len(text, buf, MAX(n, 0));
    }
    close(r->err_fd);
    for (int i = 0; waitpid(r->pid, &status, WNOHANG) == 0; i++) {
        if (i == 3000) {
            kill(r->pid, SIGKILL);
        }
        g_usleep(10 * 1000);
    }
    *stderr_text = g_string_free(text, FALSE);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

static const char *status_of(JsonObject *rsp)
{
    JsonObject *ret = json_object_get_object_member(rsp, "return");

    g_assert_nonnull(ret);
    return json_object_get_string_member(ret, "status");
}

static void expect_return(QmpFd *q, const char *cmd)
{
    JsonObject *rsp = qmp_fd_cmd(q, cmd);

    g_assert_nonnull(rsp);
    if (!json_object_has_member(rsp, "return")) {
        g_autoptr(JsonGenerator) gen = json_generator_new();
        JsonNode *root = json_node_init_object(json_node_alloc(), rsp);
        g_autofree char *t = NULL;

        json_generator_set_root(gen, root);
        t = json_generator_to_data(gen, NULL);
        g_error("%s -> %s", cmd, t);
    }
    json_object_unref(rsp);
}

/* The monitor's own chardev as query-chardev shows it */
static void check_monitor_chardev(QmpFd *q, const char *mon_path)
{
    JsonObject *rsp = qmp_fd_cmd(q, "{\"execute\":\"query-chardev\"}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    g_autofree char *want = g_strdup_printf("unix:%s,server=on", mon_path);
    bool found = false;

    g_assert_nonnull(arr);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *o = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(o, "label"), "charmonitor")) {
            g_assert_cmpstr(json_object_get_string_member(o, "filename"), ==,
                            want);
            g_assert_true(json_object_get_boolean_member(o, "frontend-open"));
            found = true;
        }
    }
    g_assert_true(found);
    json_object_unref(rsp);
}

/* What libvirt asks of a domain it started, before it lets it run */
static const char *const libvirt_queries[] = {
    "{\"execute\":\"query-iothreads\"}",
    "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}",
    "{\"execute\":\"query-block\"}",
    "{\"execute\":\"query-blockstats\"}",
    "{\"execute\":\"set-action\",\"arguments\":{\"shutdown\":\"pause\","
    "\"reboot\":\"reset\",\"watchdog\":\"reset\",\"panic\":\"shutdown\"}}",
    "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
    "{\"capabilities\":[{\"capability\":\"events\",\"state\":true}]}}",
    "{\"execute\":\"query-migrate-capabilities\"}",
    "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vm\"}}",
};

/* The JSON -device objects of @l whose driver is @driver */
static GPtrArray *line_devices(Line *l, const char *driver)
{
    GPtrArray *devs = g_ptr_array_new_with_free_func(
        (GDestroyNotify)json_object_unref);

    for (guint i = 0; i + 1 < l->args->len; i++) {
        g_autoptr(JsonParser) p = json_parser_new();
        const char *a = l->args->pdata[i + 1];
        JsonObject *dev;

        if (strcmp(l->args->pdata[i], "-device") || a[0] != '{' ||
            !json_parser_load_from_data(p, a, -1, NULL)) {
            continue;
        }
        dev = json_node_get_object(json_parser_get_root(p));
        if (!g_strcmp0(json_object_get_string_member_with_default(dev, "driver",
                                                                  ""),
                       driver)) {
            g_ptr_array_add(devs, json_object_ref(dev));
        }
    }
    return devs;
}

/*
 * The address map lists each zpci of @l with the uid and fid libvirt gave
 * and its target's id, and each vfio-pci with the host address it names.
 */
static void check_zpci_map(QmpFd *q, Line *l)
{
    g_autoptr(GPtrArray) zpcis = line_devices(l, "zpci");
    g_autoptr(GPtrArray) vfios = line_devices(l, "vfio-pci");
    JsonObject *rsp = qmp_fd_cmd(q, "{\"execute\":\"query-s390-pci-map\"}");
    JsonArray *map;

    g_assert_nonnull(rsp);
    map = json_object_get_array_member(rsp, "return");
    g_assert_nonnull(map);
    for (guint i = 0; i < zpcis->len; i++) {
        JsonObject *z = zpcis->pdata[i];
        const char *target = json_object_get_string_member(z, "target");
        bool found = false;

        for (guint j = 0; j < json_array_get_length(map); j++) {
            JsonObject *e = json_array_get_object_element(map, j);

            if (g_strcmp0(json_object_get_string_member_with_default(e, "zpci",
                                                                     ""),
                          json_object_get_string_member(z, "id"))) {
                continue;
            }
            g_assert_cmpint(json_object_get_int_member(e, "uid"), ==,
                            json_object_get_int_member(z, "uid"));
            g_assert_cmpint(json_object_get_int_member(e, "fid"), ==,
                            json_object_get_int_member(z, "fid"));
            if (json_object_has_member(e, "id")) {
                g_assert_cmpstr(json_object_get_string_member(e, "id"), ==,
                                target);
            }
            found = true;
        }
        g_assert_true(found);
    }
    for (guint i = 0; i < vfios->len; i++) {
        JsonObject *v = vfios->pdata[i];
        bool found = false;

        for (guint j = 0; j < json_array_get_length(map); j++) {
            JsonObject *e = json_array_get_object_element(map, j);

            if (!json_object_has_member(e, "host") ||
                g_strcmp0(json_object_get_string_member_with_default(e, "id",
                                                                     ""),
                          json_object_get_string_member(v, "id"))) {
                continue;
            }
            g_assert_cmpstr(json_object_get_string_member(
                                json_object_get_object_member(e, "host"),
                                "address"),
                            ==, json_object_get_string_member(v, "host"));
            found = true;
        }
        g_assert_true(found);
    }
    json_object_unref(rsp);
}

/* libvirt's first steps with a started domain */
static void talk_like_libvirt(QmpFd *q, const char *mon_path, Line *l)
{
    JsonObject *rsp = qmp_fd_read(q);

    g_assert_nonnull(rsp);
    g_assert_true(json_object_has_member(rsp, "QMP"));
    json_object_unref(rsp);
    expect_return(q, "{\"execute\":\"qmp_capabilities\"}");
    rsp = qmp_fd_cmd(q, "{\"execute\":\"query-status\"}");
    g_assert_cmpstr(status_of(rsp), ==, "prelaunch");
    json_object_unref(rsp);
    check_monitor_chardev(q, mon_path);
    for (size_t i = 0; i < G_N_ELEMENTS(libvirt_queries); i++) {
        expect_return(q, libvirt_queries[i]);
    }
    expect_return(q, "{\"execute\":\"query-pci\"}");
    check_zpci_map(q, l);
    expect_return(q, "{\"execute\":\"cont\"}");
    rsp = qmp_fd_cmd(q, "{\"execute\":\"query-status\"}");
    g_assert_cmpstr(status_of(rsp), ==, "running");
    json_object_unref(rsp);
    expect_return(q, "{\"execute\":\"quit\"}");
}

static void check_fails(Line *l, const char *mon_path, const char *want)
{
    Run r = run_start(l, mon_path, false);
    g_autofree char *err = NULL;
    int status = run_finish(&r, &err);

    g_test_message("exit status %d, stderr: %s", status, err);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, want));
}

/*
 * QEMU on a host without /dev/kvm: a bare line from KVM's set-up, then
 * the error with the program and the option (and -msg's time stamp)
 */
static void check_no_kvm(Line *l, const char *mon_path)
{
    Run r = run_start(l, mon_path, false);
    g_autofree char *err = NULL;
    int status = run_finish(&r, &err);

    g_assert_cmpint(status, ==, 1);
    g_assert_true(g_str_has_prefix(
        err,
        "Could not access KVM kernel module: No such file or directory\n"));
    g_assert_nonnull(
        strstr(err, "Z qemu-system-s390x: -accel kvm: failed to initialize "
                    "kvm: No such file or directory\n"));
}

static void test_case(gconstpointer data)
{
    const CorpusCase *c = data;
    g_autofree char *dir = corpus_dir();
    g_autofree char *path = g_build_filename(dir, c->file, NULL);
    g_autofree char *tmp = g_dir_make_tmp("libvirt-corpus-XXXXXX", NULL);
    g_autofree char *key = g_build_filename(tmp, "master-key.aes", NULL);
    g_autofree char *mon_path = g_build_filename(tmp, "monitor.sock", NULL);
    g_autofree char *mon = g_strdup_printf("fd=%d", MON_FD);
    g_autoptr(Line) l = NULL;
    g_autofree char *err = NULL;
    int status;
    Run r;

    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_test_skip("the libvirt corpus is not in this checkout");
        return;
    }
    l = line_read(path);
    /* 32 bytes, as libvirt's master key */
    g_assert_true(
        g_file_set_contents(key, "0123456789abcdef0123456789abcdef", 32, NULL));
    g_assert_cmpint(line_subst(l, "fd=@mon-fd@", mon), ==, 1);
    g_assert_cmpint(line_subst(l,
                               "/var/lib/libvirt/qemu/domain--1-QEMUGuest1/"
                               "master-key.aes",
                               key) +
                        line_subst(l,
                                   "/var/lib/libvirt/qemu/domain--1-KVMGuest1/"
                                   "master-key.aes",
                                   key),
                    ==, 1);
    line_add_host_functions(l);
    if (c->fails_with) {
        g_test_message("%s: %s", c->file, c->why);
        check_fails(l, mon_path, c->fails_with);
        if (strstr(c->fails_with, "kvm") &&
            !g_file_test("/dev/kvm", G_FILE_TEST_EXISTS)) {
            /* exactly QEMU's two lines on a host without /dev/kvm */
            check_no_kvm(l, mon_path);
        }
        if (c->host_dev) {
            g_assert_cmpint(line_subst(l, c->host_dev, "/dev/zero"), ==, 1);
            if (c->then_fails_with) {
                check_fails(l, mon_path, c->then_fails_with);
            }
        }
    }
    if (!c->fails_with || (c->host_dev && !c->then_fails_with)) {
        r = run_start(l, mon_path, true);
        talk_like_libvirt(r.qmp, mon_path, l);
        status = run_finish(&r, &err);
        g_test_message("exit status %d, stderr: %s", status, err);
        g_assert_cmpint(status, ==, 0);
    }
    unlink(key);
    unlink(mon_path);
    rmdir(tmp);
}

/* Every file of the corpus has its entry: none is skipped unnoticed. */
static void test_all_listed(void)
{
    g_autofree char *dir = corpus_dir();
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    int n = 0;

    if (!d) {
        g_test_skip("the libvirt corpus is not in this checkout");
        return;
    }
    while ((name = g_dir_read_name(d))) {
        bool found = false;

        if (!g_str_has_suffix(name, ".args")) {
            continue;
        }
        for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
            found |= !strcmp(cases[i].file, name);
        }
        if (!found) {
            g_error("%s is not in libvirt-corpus-test's table", name);
        }
        n++;
    }
    g_assert_cmpint(n, ==, G_N_ELEMENTS(cases));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);
    g_test_add_func("/libvirt-corpus/all-listed", test_all_listed);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *name = g_strdup_printf("/libvirt-corpus/%.*s",
                                                (int)strcspn(cases[i].file,
                                                             "."),
                                                cases[i].file);

        g_test_add_data_func(name, &cases[i], test_case);
    }
    return g_test_run();
}
