/*
 * The command line: lines that must start and reach QMP (including the
 * forms libvirt emits), lines that must exit 1 with QEMU's exact error
 * text on stderr, and the informational options (-version, -h, help).
 *
 * QTEST_REAL_QEMU=1 (with QTEST_QEMU_BINARY pointing at Debian's
 * qemu-system-s390x) runs the checks that do not need testdev or our
 * version string against QEMU 7.2 itself.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "libqtest.h"

#define MiB (1024 * 1024)

static bool real_qemu;

/* ---- good lines ---- */

static QTestState *start(const char *extra)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };
    g_autofree char *args = g_strdup_printf("%s %s",
                                            real_qemu ? "-accel tcg -S" : "",
                                            extra);

    return qtest_init_opts(&opts, args);
}

/* The line starts, QMP answers, and the machine is ours. */
static void check_starts(const char *extra)
{
    QTestState *s = start(extra);
    JsonObject *rsp = qtest_qmp(
        s,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine', 'property': 'type'}}");

    g_assert_cmpstr(json_object_get_string_member(rsp, "return"), ==,
                    "s390-ccw-virtio-7.2-machine");
    json_object_unref(rsp);
    g_assert_nonnull(qtest_query_status(s));
    qtest_quit(s);
}

static void test_good_lines(void)
{
    static const char *const lines[] = {
        "-machine s390-ccw-virtio",
        "-machine s390-ccw-virtio-7.2,usb=off,dump-guest-core=off",
        "-machine s390-ccw-virtio -smp 2",
        "-machine s390-ccw-virtio -smp cpus=2,maxcpus=4",
        "-machine s390-ccw-virtio -name guest=x,debug-threads=on",
        "-machine s390-ccw-virtio -uuid 12345678-1234-1234-1234-123456789abc",
        "-machine s390-ccw-virtio -msg timestamp=on",
        "-machine s390-ccw-virtio -display none -nodefaults",
        "-machine s390-ccw-virtio -nographic",
        "-machine s390-ccw-virtio -no-user-config -nodefaults",
        "-machine s390-ccw-virtio -no-shutdown",
        NULL,
    };
    int i;

    for (i = 0; lines[i]; i++) {
        g_test_message("line: %s", lines[i]);
        check_starts(lines[i]);
    }
}

/* RAM of @size bytes: its last word holds data, the next one is not RAM. */
static void check_ram_size(const char *extra, uint64_t size)
{
    QTestState *s = start(extra);

    qtest_writeq(s, size - 8, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(s, size - 8), ==, 0x0123456789abcdefULL);
    qtest_writeq(s, size, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(s, size), !=, 0x0123456789abcdefULL);
    qtest_quit(s);
}

static void test_memory_sizes(void)
{
    check_ram_size("-machine s390-ccw-virtio", 128 * MiB);
    check_ram_size("-machine s390-ccw-virtio -m 512", 512 * MiB);
    check_ram_size("-machine s390-ccw-virtio -m 512M", 512 * MiB);
    check_ram_size("-machine s390-ccw-virtio -m size=1G", 1024 * MiB);
    check_ram_size("-machine s390-ccw-virtio -m 1.5G", 1536 * MiB);
}

static void test_run_state(void)
{
    QTestState *s = start("-machine s390-ccw-virtio -S");

    g_assert_cmpstr(qtest_query_status(s), ==, "prelaunch");
    qtest_quit(s);
    if (real_qemu) {
        return; /* without a guest, QEMU cannot stay "running" */
    }
    s = start("-machine s390-ccw-virtio");
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    qtest_quit(s);
}

/* Connect to a QMP server socket the emulator listens on; read greeting. */
static void check_qmp_server(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    char buf[4096];
    ssize_t n, got = 0;
    int fd = -1, tries;

    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    for (tries = 0; tries < 500; tries++) {
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            break;
        }
        close(fd);
        fd = -1;
        g_usleep(10 * 1000);
    }
    g_assert_cmpint(fd, >=, 0);
    while (got < (ssize_t)sizeof(buf) - 1 && !memchr(buf, '\n', got)) {
        n = read(fd, buf + got, sizeof(buf) - 1 - got);
        g_assert_cmpint(n, >, 0);
        got += n;
    }
    buf[got] = 0;
    g_assert_true(g_str_has_prefix(buf, "{\"QMP\": {\"version\": "));
    close(fd);
}

static void test_qmp_sockets(void)
{
    g_autofree char *dir = g_dir_make_tmp("cmdline-test-XXXXXX", NULL);
    g_autofree char *p1 = g_build_filename(dir, "a.sock", NULL);
    g_autofree char *p2 = g_build_filename(dir, "b.sock", NULL);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -chardev socket,id=c,path=%s,server=on,wait=off "
        "-mon chardev=c,mode=control -qmp unix:%s,server=on,wait=off",
        p1, p2);
    QTestState *s = start(args);

    check_qmp_server(p1);
    check_qmp_server(p2);
    qtest_quit(s);
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}

static void test_device_forms(void)
{
    QTestState *s;
    JsonNode *v;

    if (real_qemu) {
        g_test_skip("needs testdev");
        return;
    }
    s = start(
        "-machine s390-ccw-virtio -device '{\"driver\":\"testdev\",\"id\":\"t\",\"u8\":5}' "
        "-device testdev,id=t2,label=a,,b,,,,c -global testdev.u32=9 -device testdev,id=t3");
    v = qtest_qom_get(s, "/machine/peripheral/t", "type");
    g_assert_cmpstr(json_node_get_string(v), ==, "testdev");
    json_node_unref(v);
    v = qtest_qom_get(s, "/machine/peripheral/t", "u8");
    g_assert_cmpint(json_node_get_int(v), ==, 5);
    json_node_unref(v);
    v = qtest_qom_get(s, "/machine/peripheral/t2", "label");
    g_assert_cmpstr(json_node_get_string(v), ==, "a,b,,c");
    json_node_unref(v);
    v = qtest_qom_get(s, "/machine/peripheral/t3", "u32");
    g_assert_cmpint(json_node_get_int(v), ==, 9);
    json_node_unref(v);
    v = qtest_qom_get(s, "/machine/peripheral/t3", "realize-count");
    g_assert_cmpint(json_node_get_int(v), ==, 1);
    json_node_unref(v);
    qtest_quit(s);
}

/* ---- bad lines ---- */

enum { BOTH, OURS, REAL };

typedef struct BadLine {
    int who;
    const char *args;
    const char *line1; /* exact first line of stderr */
    const char *line2; /* exact second line, or NULL */
} BadLine;

#define PFX "qemu-system-s390x: "

static const BadLine bad_lines[] = {
    { BOTH, "-foo", PFX "-foo: invalid option" },
    { BOTH, "-m", PFX "-m: requires an argument" },
    { BOTH, "-device", PFX "-device: requires an argument" },
    { BOTH, "-m 1Q",
      PFX "-m 1Q: Parameter 'size' expects a non-negative number below 2^64",
      "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-" },
    { BOTH, "-m 512k", PFX "ram size must be multiples of 1 MiB" },
    { BOTH, "-machine foo", PFX "unsupported machine type",
      "Use -machine help to list supported machines" },
    { BOTH, "-machine s390-ccw-virtio,bogus=on",
      PFX "Property 's390-ccw-virtio-7.2-machine.bogus' not found" },
    { BOTH, "-device foo",
      PFX "-device foo: 'foo' is not a valid device model name" },
    { BOTH, "-uuid xyz",
      PFX "-uuid xyz: failed to parse UUID string: wrong format" },
    { BOTH, "-display foo",
      PFX "-display foo: Parameter 'type' does not accept value 'foo'" },
    /* QEMU's text for a display its build lacks, with the option named */
    { OURS, "-display gtk",
      PFX "-display gtk: Display 'gtk' is not available." },
    /* Debian's x86 build has no KVM for s390x; this program fails as a
     * KVM-capable QEMU does on a host without /dev/kvm (probe-test) */
    { REAL, "-accel kvm", PFX "-accel kvm: invalid accelerator kvm" },
    { BOTH, "-cpu foo", PFX "unable to find CPU model 'foo'" },
    /* feature properties: unknown names, values, features not there */
    { BOTH, "-cpu qemu,foo=on",
      PFX "can't apply global qemu-s390x-cpu.foo=on: Property "
          "'qemu-s390x-cpu.foo' not found" },
    { BOTH, "-cpu qemu,vx=maybe",
      PFX "can't apply global qemu-s390x-cpu.vx=maybe: Parameter 'vx' "
          "expects 'on' or 'off'" },
    { OURS, "-cpu qemu,vx=off,dfp=on,vx",
      PFX "Some features requested in the CPU model are not available in "
          "the configuration: dfp vx" },
    /* keys QEMU does not know are refused, not ignored */
    { BOTH, "-m 128M,bogus=1",
      PFX "-m 128M,bogus=1: Invalid parameter 'bogus'" },
    { BOTH, "-m bogus=1", PFX "-m bogus=1: Invalid parameter 'bogus'" },
    { BOTH, "-msg bogus=1,timestamp=x",
      PFX "-msg bogus=1,timestamp=x: Invalid parameter 'bogus'" },
    { OURS, "-smp 2,bogus=1",
      PFX "-smp 2,bogus=1: Parameter 'smp.bogus' is unexpected" },
    /* "unix:" with no path used to read past the split and crash */
    { OURS, "-qmp unix:",
      PFX "-qmp unix:: Failed to connect to '': Connection refused" },
    { BOTH, "-msg timestamp=maybe",
      PFX "-msg timestamp=maybe: Parameter 'timestamp' expects 'on' or 'off'" },
    { BOTH, "-object foo,id=x",
      PFX
      "-object foo,id=x: Parameter 'qom-type' does not accept value 'foo'" },
    /* the JSON form's qom-type and id must be strings */
    { BOTH, "-object '{\"qom-type\":1,\"id\":\"x\"}'",
      PFX
      "-object {\"qom-type\":1,\"id\":\"x\"}: Invalid parameter type for 'qom-type', expected: string" },
    { BOTH, "-object '{\"qom-type\":\"secret\",\"id\":7,\"data\":\"x\"}'",
      PFX "-object {\"qom-type\":\"secret\",\"id\":7,\"data\":\"x\"}: "
          "Invalid parameter type for 'id', expected: string" },
    { BOTH, "-mon chardev=nope,mode=control",
      PFX "-mon chardev=nope,mode=control: chardev \"nope\" not found" },
    /* what would change a chardev's behaviour is refused, not ignored */
    { OURS, "-chardev stdio,id=s,mux=on,signal=maybe",
      PFX
      "-chardev stdio,id=s,mux=on,signal=maybe: Parameter 'signal' expects 'on' or 'off'" },
    { OURS, "-chardev null,id=n,logfile=/tmp/x",
      PFX
      "-chardev null,id=n,logfile=/tmp/x: chardev parameter 'logfile' is not supported by this program" },
    { OURS, "-hda x",
      PFX "-hda x: option '-hda' is not supported by this program" },
    { OURS, "-drive file=x",
      PFX
      "-drive file=x: if=(default) is not supported by this program: use if=none and -device virtio-blk-ccw,drive=ID" },
    { BOTH, "-device '{\"driver\":\"x\"'",
      PFX "-device {\"driver\":\"x\": JSON parse error, premature EOI" },
    /* property values, named in the error */
    { OURS, "-device testdev,u32=abc",
      PFX "-device testdev,u32=abc: Parameter 'u32' expects integer" },
    { OURS, "-device testdev,u32=4294967296",
      PFX "-device testdev,u32=4294967296: Parameter 'u32' expects uint32_t" },
    { OURS, "-device testdev,u8=256",
      PFX "-device testdev,u8=256: Parameter 'u8' expects uint8_t" },
    { OURS, "-device testdev,flag=maybe",
      PFX
      "-device testdev,flag=maybe: Parameter 'flag' expects 'on' or 'off'" },
    { OURS, "-device testdev,mode=bogus",
      PFX
      "-device testdev,mode=bogus: Parameter 'mode' does not accept value 'bogus'" },
    { OURS, "-device testdev,devno=xyz",
      PFX
      "-device testdev,devno=xyz: Property 'testdev.devno' doesn't take value 'xyz'" },
    { OURS, "-device testdev,bogus=1",
      PFX "-device testdev,bogus=1: Property 'testdev.bogus' not found" },
    { OURS, "-device testdev,id=a -device testdev,id=a",
      PFX "-device testdev,id=a: Duplicate ID 'a' for device" },
    { OURS, "-device testdev,fail-realize=on",
      PFX
      "-device testdev,fail-realize=on: testdev: realize failed on request" },
    { OURS, "-global testdev.u32=abc -device testdev",
      PFX
      "-device testdev: can't apply global testdev.u32=abc: Parameter 'u32' expects uint64" },
    /* the same checks, worded by QEMU for one of its devices */
    { REAL, "-device virtio-rng-ccw,period=abc",
      PFX
      "-device virtio-rng-ccw,period=abc: Parameter 'period' expects integer" },
    { REAL, "-device virtio-rng-ccw,period=4294967296",
      PFX
      "-device virtio-rng-ccw,period=4294967296: Parameter 'period' expects uint32_t" },
    { REAL, "-device virtio-rng-ccw,devno=xyz",
      PFX
      "-device virtio-rng-ccw,devno=xyz: Property 'virtio-rng-ccw.devno' doesn't take value 'xyz'" },
    { REAL, "-device virtio-rng-ccw,id=a -device virtio-rng-ccw,id=a",
      PFX "-device virtio-rng-ccw,id=a: Duplicate ID 'a' for device" },
    { REAL, "-global virtio-rng-ccw.period=abc -device virtio-rng-ccw",
      PFX "-device virtio-rng-ccw: can't apply global "
          "virtio-rng-ccw.period=abc: Parameter 'period' expects uint64" },
};

/* Run @args on the machine; return stderr, assert exit status 1. */
static gchar *run_failing(const char *args)
{
    g_autofree char *full = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s", args);
    g_autofree gchar *out = NULL;
    gchar *err = NULL;
    int status;

    out = qtest_run_cmdline(full, &status, &err);
    g_test_message("%s -> status %d, stderr: %s", args, status, err);
    g_assert_cmpint(status, ==, 1);
    return err;
}

static void test_bad_lines(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad_lines); i++) {
        const BadLine *b = &bad_lines[i];
        g_autofree gchar *err = NULL;
        g_auto(GStrv) lines = NULL;

        if (b->who == (real_qemu ? OURS : REAL)) {
            continue;
        }
        err = run_failing(b->args);
        lines = g_strsplit(err, "\n", -1);
        g_assert_cmpstr(lines[0], ==, b->line1);
        if (b->line2) {
            g_assert_cmpstr(lines[1], ==, b->line2);
        }
    }
}

/* An option we do not implement is refused, naming the option. */
static void test_unsupported_options(void)
{
    static const char *const opts[] = {
        "-hda /dev/null",
        "-nic user",
        "-vnc :0",
        NULL,
    };
    int i;

    if (real_qemu) {
        g_test_skip("QEMU implements these options");
        return;
    }
    for (i = 0; opts[i]; i++) {
        g_autofree gchar *err = run_failing(opts[i]);
        g_autofree gchar *opt = g_strndup(opts[i], strcspn(opts[i], " "));
        g_autofree gchar *want = g_strdup_printf(PFX "%s", opt);

        g_assert_true(g_str_has_prefix(err, want));
    }
}

static void test_msg_timestamp(void)
{
    g_autofree gchar *err = run_failing("-msg timestamp=on -device foo");

    g_assert_true(g_regex_match_simple(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z "
        "qemu-system-s390x: -device foo: 'foo' is not a valid device model "
        "name\n$",
        err, 0, 0));
}

/* ---- informational options ---- */

static gchar *run_ok(const char *args)
{
    g_autofree gchar *err = NULL;
    gchar *out;
    int status;

    out = qtest_run_cmdline(args, &status, &err);
    g_assert_cmpint(status, ==, 0);
    return out;
}

static void test_version(void)
{
    g_autofree gchar *out = run_ok("-version");

    g_assert_true(g_str_has_prefix(out, "QEMU emulator version 7.2."));
    if (!real_qemu) {
        g_assert_true(g_str_has_prefix(
            out, "QEMU emulator version 7.2.0 (qemu-s390x-passthrough"));
    }
}

static void test_help(void)
{
    g_autofree gchar *out = run_ok("-h");

    g_assert_true(g_str_has_prefix(strstr(out, "usage: "),
                                   "usage: qemu-system-s390x [options]"));
    g_assert_nonnull(strstr(out, "\n-device driver[,prop[=value][,...]]\n"));
    g_assert_nonnull(strstr(out, "\n-machine [type=]name[,prop[=value]"));
}

static void test_machine_help(void)
{
    g_autofree gchar *out = run_ok("-machine help");

    g_assert_true(g_str_has_prefix(out, "Supported machines are:\n"));
    g_assert_true(g_regex_match_simple(
        "\ns390-ccw-virtio +Virtual s390x machine \\(version 7\\.2\\) "
        "\\(alias of s390-ccw-virtio-7\\.2\\)\n",
        out, 0, 0));
    g_assert_true(g_regex_match_simple(
        "\ns390-ccw-virtio-7\\.2 +Virtual s390x machine \\(version 7\\.2\\) \\(default\\)\n",
        out, 0, 0));
}

static void test_device_help(void)
{
    g_autofree gchar *out = run_ok("-device help");

    g_assert_nonnull(strstr(out, "Misc devices:\n"));
    if (real_qemu) {
        g_assert_nonnull(strstr(out, "name \"virtio-rng-ccw\", bus "));
        return;
    }
    g_assert_nonnull(strstr(
        out,
        "\nname \"testdev\", desc \"test device: typed properties and hot-plug, for functional tests\"\n"));
}

static void test_device_prop_help(void)
{
    static const char *const want[] = {
        "^testdev options:\n",
        "\n  flag=<bool> +- on/off \\(default: false\\)\n",
        "\n  u8=<uint8>[ \n]",
        "\n  u32=<uint32> .*\\(default: 7\\)\n",
        "\n  i32=<int32>[ \n]",
        "\n  size=<size>[ \n]",
        "\n  label=<str>[ \n]",
        "\n  mode=<OnOffAuto> +- on/off/auto \\(default: \"auto\"\\)\n",
        "\n  devno=<str>[ \n]",
        "\n  addr=<int32>[ \n]",
        "\n  fail-realize=<bool>[ \n]",
        "\n  unplug-delay-ns=<uint64>[ \n]",
        NULL,
    };
    g_autofree gchar *out = NULL;
    int i;

    if (real_qemu) {
        g_test_skip("needs testdev");
        return;
    }
    out = run_ok("-device testdev,help");
    for (i = 0; want[i]; i++) {
        if (!g_regex_match_simple(want[i], out, 0, 0)) {
            g_error("-device testdev,help lacks /%s/:\n%s", want[i], out);
        }
    }
}

static void test_object_help(void)
{
    g_autofree gchar *out = run_ok("-object help");

    g_assert_true(g_str_has_prefix(out, "List of user creatable objects:\n"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;

    g_test_add_func("/cmdline/good-lines", test_good_lines);
    g_test_add_func("/cmdline/memory-sizes", test_memory_sizes);
    g_test_add_func("/cmdline/run-state", test_run_state);
    g_test_add_func("/cmdline/qmp-sockets", test_qmp_sockets);
    g_test_add_func("/cmdline/device-forms", test_device_forms);
    g_test_add_func("/cmdline/bad-lines", test_bad_lines);
    g_test_add_func("/cmdline/unsupported-options", test_unsupported_options);
    g_test_add_func("/cmdline/msg-timestamp", test_msg_timestamp);
    g_test_add_func("/cmdline/version", test_version);
    g_test_add_func("/cmdline/help", test_help);
    g_test_add_func("/cmdline/machine-help", test_machine_help);
    g_test_add_func("/cmdline/device-help", test_device_help);
    g_test_add_func("/cmdline/device-prop-help", test_device_prop_help);
    g_test_add_func("/cmdline/object-help", test_object_help);
    return g_test_run();
}
