/*
 * The guest suite: each bare-metal program of tests/guest runs under
 * -accel tcg with -no-shutdown; the test waits for the end of the guest
 * (SHUTDOWN: every CPU stopped, or GUEST_PANICKED: a disabled wait) and
 * reads the guest's mailbox over the qtest connection, which works beside
 * the interpreter. Skipped when the programs were not built (no
 * s390x-linux-gnu-gcc).
 */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "libqtest.h"

#define MAILBOX   0xf000
#define MAGIC     UINT64_C(0x5339305847554553)
#define FAIL_ADDR 0xbad000

static const char *guest_dir;

/* Wait for the guest's end: true for SHUTDOWN, false for a panic */
static bool wait_end(QTestState *s, int64_t *panic_addr)
{
    for (;;) {
        JsonObject *ev = qtest_qmp_receive_dict(s);
        const char *name = json_object_has_member(ev, "event")
                               ? json_object_get_string_member(ev, "event")
                               : NULL;
        bool end = false, ok = false;

        g_assert_false(json_object_has_member(ev, "error"));
        if (name && !strcmp(name, "SHUTDOWN")) {
            end = ok = true;
        } else if (name && !strcmp(name, "GUEST_PANICKED")) {
            JsonObject *data = json_object_get_object_member(ev, "data");
            JsonObject *info = json_object_get_object_member(data, "info");

            g_assert_cmpstr(json_object_get_string_member(data, "action"), ==,
                            "pause");
            g_assert_cmpstr(json_object_get_string_member(info, "reason"), ==,
                            "disabled-wait");
            *panic_addr = json_object_get_int_member(info, "psw-addr");
            end = true;
        }
        json_object_unref(ev);
        if (end) {
            return ok;
        }
    }
}

static QTestState *start_guest(const char *name, const char *extra)
{
    QTestInitOptions o = { .no_accel_qtest = true };
    g_autofree char *args = g_strdup_printf(
        "-nodefaults -accel tcg -no-shutdown -S -m 128 -kernel %s/%s.elf %s",
        guest_dir, name, extra ? extra : "");
    QTestState *s = qtest_init_opts(&o, args);

    /*
     * Started stopped: events before the QMP handshake would be lost. The
     * reply to cont is read by wait_end() with the events, in order.
     */
    qtest_qmp_send(s, "{'execute': 'cont'}");
    return s;
}

/* Run guest @name: it must pass every check and stop its CPUs */
static void run_guest(const char *name, const char *extra)
{
    QTestState *s = start_guest(name, extra);
    int64_t panic_addr = -1;
    bool stopped = wait_end(s, &panic_addr);
    uint64_t failed = qtest_readq(s, MAILBOX + 16);

    g_assert_cmphex(qtest_readq(s, MAILBOX), ==, MAGIC);
    if (failed) {
        g_test_message("%s: %" PRIu64 " checks failed, first %" PRIu64, name,
                       failed, qtest_readq(s, MAILBOX + 24));
    }
    g_assert_cmpuint(failed, ==, 0);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 8), >, 0);
    g_assert_true(stopped);
    qtest_quit(s);
}

static void test_insn(void)
{
    run_guest("insn", NULL);
}

/* compiled library code: string built-ins, qsort, hashes, atomics, a trap */
static void test_clib(void)
{
    run_guest("clib", NULL);
}

/* access registers, TR/TRT/TRTR (also under EX), CKSM */
static void test_xlate(void)
{
    run_guest("xlate", NULL);
}

/* load and trap, the execution hints, ECTG, LPP, LPD and their facility bits */
static void test_fac(void)
{
    run_guest("fac", NULL);
}

/* MVCL, CLCL, MVCLE, CLCLE: cc, registers, overlap, EX, LAP part-way */
static void test_mvcl(void)
{
    run_guest("mvcl", NULL);
}

/* the same program on a CPU model with feature properties */
static void test_cpu_features(void)
{
    run_guest("insn", "-cpu qemu,vx=off,stfle45=on,dfp=off");
}

static void test_pgm(void)
{
    run_guest("pgm", NULL);
}

static void test_dat(void)
{
    run_guest("dat", NULL);
}

static void test_clock(void)
{
    run_guest("clock", NULL);
}

static void test_sigp(void)
{
    run_guest("sigp", "-smp 2");
}

static void test_stsi(void)
{
    run_guest("stsi", "-smp 2,maxcpus=3 -name guest1 "
                      "-uuid 00112233-4455-6677-8899-aabbccddeeff");
}

/*
 * DIAG: the guest checks each function, then DIAG 0x308 subcode 1
 * resets the machine (RESET, "guest-reset") and it runs again, sees its
 * marker and the IPL parameter block it set, and stops (mailbox value 2)
 */
static void test_diag(void)
{
    QTestState *s = start_guest("diag", NULL);
    bool reset = false, end = false;

    while (!end) {
        JsonObject *ev = qtest_qmp_receive_dict(s);
        const char *name = json_object_has_member(ev, "event")
                               ? json_object_get_string_member(ev, "event")
                               : "";
        JsonObject *data = json_object_has_member(ev, "data")
                               ? json_object_get_object_member(ev, "data")
                               : NULL;

        g_assert_cmpstr(name, !=, "GUEST_PANICKED");
        if (!strcmp(name, "RESET")) {
            g_assert_cmpstr(json_object_get_string_member(data, "reason"), ==,
                            "guest-reset");
            g_assert_true(json_object_get_boolean_member(data, "guest"));
            reset = true;
        }
        end = !strcmp(name, "SHUTDOWN");
        json_object_unref(ev);
    }
    g_assert_true(reset);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 0);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 8), ==, 2);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 32), ==, 2);
    qtest_quit(s);
}

/*
 * The diag288 watchdog: the guest arms it for 15 s and waits; on expiry
 * WATCHDOG {"action": "inject-nmi"} and a restart of CPU 0, which ends
 * the guest
 */
static void test_watchdog(void)
{
    QTestState *s =
        start_guest("wdog",
                    "-device diag288,id=wd0 -watchdog-action inject-nmi");
    bool fired = false, end = false;

    while (!end) {
        JsonObject *ev = qtest_qmp_receive_dict(s);
        const char *name = json_object_has_member(ev, "event")
                               ? json_object_get_string_member(ev, "event")
                               : "";

        g_assert_cmpstr(name, !=, "GUEST_PANICKED");
        if (!strcmp(name, "WATCHDOG")) {
            JsonObject *data = json_object_get_object_member(ev, "data");

            g_assert_cmpstr(json_object_get_string_member(data, "action"), ==,
                            "inject-nmi");
            g_assert_cmpuint(json_object_get_size(data), ==, 1);
            fired = true;
        }
        end = !strcmp(name, "SHUTDOWN");
        json_object_unref(ev);
    }
    g_assert_true(fired);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 0);
    g_assert_cmphex(qtest_readq(s, MAILBOX + 32), ==, 0x4e4d49);
    qtest_quit(s);
}

/* query-cpus-fast's cpu-state of CPU @i */
static char *cpu_state(QTestState *s, unsigned i)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-cpus-fast'}");
    JsonArray *cpus = json_object_get_array_member(rsp, "return");
    char *st = g_strdup(
        json_object_get_string_member(json_array_get_object_element(cpus, i),
                                      "cpu-state"));

    json_object_unref(rsp);
    return st;
}

/*
 * The CPU states QMP reports while a guest runs on CPU 0 (CPU 1 never
 * started), and after the sigp guest stopped both CPUs itself
 */
static void test_cpus_state(void)
{
    QTestState *s = start_guest("spin", "-smp 2");
    g_autofree char *st0 = NULL, *st1 = NULL;
    int64_t addr = -1;

    json_object_unref(qtest_qmp_receive(s)); /* cont's reply */
    qtest_qmp_eventwait(s, "RESUME");
    while (qtest_readq(s, MAILBOX + 32) < 1000) {
    }
    st0 = cpu_state(s, 0);
    st1 = cpu_state(s, 1);
    g_assert_cmpstr(st0, ==, "operating");
    g_assert_cmpstr(st1, ==, "stopped");
    qtest_quit(s);

    s = start_guest("sigp", "-smp 2");
    g_assert_true(wait_end(s, &addr));
    g_free(st0);
    g_free(st1);
    st0 = cpu_state(s, 0);
    st1 = cpu_state(s, 1);
    g_assert_cmpstr(st0, ==, "stopped");
    g_assert_cmpstr(st1, ==, "stopped");
    qtest_quit(s);
}

static void test_io(void)
{
    run_guest(
        "io",
        "-device ccw-testdev,devno=fe.0.1234,delay-ns=2000000,dev_type=0x1824");
}

/* The CPU counts the instructions it executed (x-insns, for the bench) */
static void test_x_insns(void)
{
    QTestState *s = start_guest("insn", "-no-shutdown");
    int64_t panic_addr = -1;
    JsonObject *r;
    int64_t n;

    g_assert_true(wait_end(s, &panic_addr));
    r = qtest_qmp(s, "{'execute': 'qom-get', 'arguments': {'path': "
                     "'/machine/unattached/device[0]', 'property': "
                     "'x-insns'}}");
    n = json_object_get_int_member(r, "return");
    json_object_unref(r);
    /* the program's checks alone are hundreds of instructions */
    g_assert_cmpint(n, >, 1000);
    r = qtest_qmp(s, "{'execute': 'qom-get', 'arguments': {'path': "
                     "'/machine/unattached/device[0]', 'property': "
                     "'x-insns'}}");
    g_assert_cmpint(json_object_get_int_member(r, "return"), ==, n);
    json_object_unref(r);
    qtest_quit(s);
}

static void test_fpx(void)
{
    run_guest("fpx", NULL);
}

/* decimal instructions, rows checked against QEMU 7.2 and the PoP */
static void test_decimal(void)
{
    run_guest("decimal", NULL);
}

/* extended BFP: the rows of xbfp-rows.h, then compiled long double code */
static void test_xbfp(void)
{
    run_guest("xbfp", NULL);
}

static void test_zpci(void)
{
    run_guest("zpci", "-device zpci,uid=1,fid=5,target=tf0 "
                      "-device pci-testfn,id=tf0");
}

static void test_ipl(void)
{
    g_autofree char *initrd = g_strdup_printf("%s/initrd.bin", guest_dir);
    g_autofree char *args = NULL;

    g_assert_true(g_file_set_contents(initrd, "INITRD-DATA", 11, NULL));
    args = g_strdup_printf("-append 'hello guest' -initrd %s", initrd);
    run_guest("ipl", args);
    unlink(initrd);
}

static void test_sclp(void)
{
    g_autofree char *dir = g_dir_make_tmp("guest-sclp-XXXXXX", NULL);
    g_autofree char *out = g_strdup_printf("%s/out", dir);
    g_autofree char *args = g_strdup_printf(
        "-chardev file,id=c0,path=%s -device sclpconsole,chardev=c0", out);
    g_autofree char *text = NULL;

    run_guest("sclp", args);
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "sclp guest: ok\n");
    unlink(out);
    rmdir(dir);
}

/*
 * make demo's guest on a fresh image: STSCH finds the vfio-ccw DASD, SENSE
 * ID, the read of R1 ends in unit check, the guest writes R1 and reads it
 * back with an I/O interruption, and prints it on the console
 */
static void demo_dasd_run(const char *map_css, const char *want_found)
{
    g_autofree char *dir = g_dir_make_tmp("guest-dasd-XXXXXX", NULL);
    g_autofree char *out = g_strdup_printf("%s/out", dir);
    g_autofree char *img = g_strdup_printf("%s/dasd.img", dir);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-map-css=%s "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1 "
        "-device vfio-ccw,id=dasd0,hostid=0.0.1234 "
        "-chardev file,id=c0,path=%s -device sclpconsole,chardev=c0",
        map_css, img, out);
    g_autofree char *text = NULL;

    run_guest("demo-dasd", args);
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, want_found));
    g_assert_nonnull(strstr(text, "demo-dasd: no record yet, writing one\n"));
    g_assert_nonnull(strstr(text, "demo-dasd: record: hello from the guest, "
                                  "written by the guest    \n"));
    unlink(out);
    unlink(img);
    rmdir(dir);
}

static void test_demo_dasd(void)
{
    g_autofree char *dir = g_dir_make_tmp("guest-dasd-XXXXXX", NULL);
    g_autofree char *out = g_strdup_printf("%s/out", dir);
    g_autofree char *img = g_strdup_printf("%s/dasd.img", dir);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-map-css=off "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1 "
        "-device vfio-ccw,id=dasd0,hostid=0.0.1234 "
        "-chardev file,id=c0,path=%s -device sclpconsole,chardev=c0",
        img, out);
    g_autofree char *text = NULL;
    QTestState *s;
    int64_t panic_addr = -1;

    /* mapped into css fe: the host's devno */
    demo_dasd_run("on", "a 3390 on a 3990, device 1234\n");
    /*
     * not mapped: the device stays in css 0, which a guest without MCSS-E
     * does not see; the program says so and ends with one failed check
     */
    s = start_guest("demo-dasd", args);
    /* a guest that ends with status 1 stops in a disabled wait */
    g_assert_false(wait_end(s, &panic_addr));
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 1);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 24), ==, 1);
    qtest_quit(s);
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "demo-dasd: no 3390 on a 3990 found\n");
    unlink(out);
    unlink(img);
    rmdir(dir);
}

/*
 * system_powerdown reaches the running guest as the SCLP's signal-quiesce
 * event; the guest reads it and stops (tests/guest/quiesce.c)
 */
static void test_quiesce(void)
{
    QTestState *s = start_guest("quiesce", NULL);
    int64_t panic_addr = -1;
    int tries = 0;

    while (qtest_readq(s, MAILBOX + 32) != 1) {
        g_assert_cmpint(++tries, <, 3000); /* 30 s */
        g_usleep(10 * 1000);
    }
    qtest_qmp_send(s, "{'execute': 'system_powerdown'}");
    g_assert_true(wait_end(s, &panic_addr));
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 0);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 32), ==, 2);
    qtest_quit(s);
}

/*
 * CPU hot-plug (virsh setvcpus --live): device_add of CPU 1 while the guest
 * waits; the guest hears of it through the SCLP's CPU-configuration event
 * and finds CPU 1 stopped (tests/guest/cpuplug.c). QEMU 7.2's errors and
 * lists.
 */
static void test_cpu_hotplug(void)
{
    QTestState *s = start_guest("cpuplug", "-smp 1,maxcpus=3");
    int64_t panic_addr = -1;
    JsonObject *rsp;
    int tries = 0;

    while (qtest_readq(s, MAILBOX + 32) != 1) {
        g_assert_cmpint(++tries, <, 3000); /* 30 s */
        g_usleep(10 * 1000);
    }
    qtest_qmp_send(s, "{'execute': 'device_add', 'arguments': "
                      "{'driver': 'qemu-s390x-cpu', 'core-id': 1, "
                      "'id': 'cpu1'}}");
    g_assert_true(wait_end(s, &panic_addr));
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 0);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 32), ==, 2);
    rsp = qtest_qmp(s, "{'execute': 'query-cpus-fast'}");
    g_assert_cmpuint(json_array_get_length(
                         json_object_get_array_member(rsp, "return")),
                     ==, 2);
    json_object_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments': "
                       "{'driver': 'qemu-s390x-cpu', 'core-id': 1}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "Unable to add CPU with core-id: 1, it already exists");
    json_object_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments': "
                       "{'driver': 'qemu-s390x-cpu', 'core-id': 3}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==,
                    "Unable to add CPU with core-id: 3, maximum core-id: 2");
    json_object_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'device_del', 'arguments': "
                       "{'id': 'cpu1'}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "CPU hot unplug not supported on this machine");
    json_object_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'query-hotpluggable-cpus'}");
    {
        JsonArray *l = json_object_get_array_member(rsp, "return");

        g_assert_cmpuint(json_array_get_length(l), ==, 3);
        /* highest core-id first: 2 free, 1 hot-plugged, 0 */
        g_assert_false(
            json_object_has_member(json_array_get_object_element(l, 0),
                                   "qom-path"));
        g_assert_cmpstr(json_object_get_string_member(
                            json_array_get_object_element(l, 1), "qom-path"),
                        ==, "/machine/peripheral/cpu1");
    }
    json_object_unref(rsp);
    qtest_quit(s);
}

/*
 * QMP inject-nmi (virsh inject-nmi) restarts CPU 0 of the running guest,
 * whose restart function ends it (tests/guest/nmi.c)
 */
static void test_inject_nmi(void)
{
    QTestState *s = start_guest("nmi", NULL);
    int64_t panic_addr = -1;
    int tries = 0;

    while (qtest_readq(s, MAILBOX + 32) != 1) {
        g_assert_cmpint(++tries, <, 3000); /* 30 s */
        g_usleep(10 * 1000);
    }
    qtest_qmp_send(s, "{'execute': 'inject-nmi'}");
    g_assert_true(wait_end(s, &panic_addr));
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 0);
    g_assert_cmphex(qtest_readq(s, MAILBOX + 32), ==, 0x4e4d49);
    qtest_quit(s);
}

/*
 * BFP instructions, their traps and a compiled double loop whose result
 * (bit patterns of the harmonic sum H(1000) and of a Newton square root
 * of 2, then both as integers) the guest prints
 */
static void test_bfp(void)
{
    g_autofree char *dir = g_dir_make_tmp("guest-bfp-XXXXXX", NULL);
    g_autofree char *out = g_strdup_printf("%s/out", dir);
    g_autofree char *args = g_strdup_printf(
        "-chardev file,id=c0,path=%s -device sclpconsole,chardev=c0", out);
    g_autofree char *text = NULL;

    run_guest("bfp", args);
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_cmpstr(text, ==,
                    "401df11f45f4e615 3ff6a09e667f3bcc 7485470 -1414213562\n");
    unlink(out);
    rmdir(dir);
}

/* A failed check ends in a disabled wait: GUEST_PANICKED, state kept */
static void test_panic(void)
{
    QTestState *s = start_guest("fail", NULL);
    int64_t addr = -1;
    JsonObject *rsp;

    g_assert_false(wait_end(s, &addr));
    g_assert_cmphex(addr, ==, FAIL_ADDR);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 16), ==, 1);
    g_assert_cmpuint(qtest_readq(s, MAILBOX + 24), ==, 7);
    rsp = qtest_qmp(s, "{'execute': 'query-status'}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "return"), "status"),
                    ==, "guest-panicked");
    json_object_unref(rsp);
    /* cont needs a reset first; system_reset runs the guest again */
    qmp_expect_error_and_unref(qtest_qmp(s, "{'execute': 'cont'}"),
                               "GenericError");
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    qtest_qmp_send(s, "{'execute': 'cont'}");
    g_assert_false(wait_end(s, &addr));
    g_assert_cmphex(addr, ==, FAIL_ADDR);
    qtest_quit(s);
}

static char *hmp_line(QTestState *s, const char *line)
{
    JsonObject *rsp = qtest_qmp(s,
                                "{'execute': 'human-monitor-command', "
                                "'arguments': {'command-line': %s}}",
                                line);
    char *text = g_strdup(json_object_get_string_member(rsp, "return"));

    json_object_unref(rsp);
    return text;
}

/*
 * After a guest's end, what a user debugging it reads: HMP info
 * registers (QEMU's layout) and QMP pmemsave of guest memory
 */
static void test_monitor_dump(void)
{
    QTestState *s = start_guest("fail", "-smp 2");
    g_autofree char *path = g_strdup_printf("/tmp/guest-pmem-%d", getpid());
    g_autofree char *one = NULL, *all = NULL, *bad = NULL, *opt = NULL;
    g_autofree char *expr = NULL, *data = NULL;
    g_auto(GStrv) lines = NULL;
    int64_t addr = -1;
    gsize len = 0;
    JsonObject *rsp;

    g_assert_false(wait_end(s, &addr));
    one = hmp_line(s, "info registers");
    lines = g_strsplit(one, "\r\n", -1);
    /* blank, CPU#0, PSW, 4 x R, 4 x F, 4 x C, blank, and the final "" */
    g_assert_cmpuint(g_strv_length(lines), ==, 17);
    g_assert_cmpstr(lines[0], ==, "");
    g_assert_cmpstr(lines[1], ==, "CPU#0");
    /* the disabled wait of the failing program: wait bit, 64-bit mode */
    g_assert_true(g_str_has_prefix(lines[2], "PSW=mask 0002000180000000 addr "
                                             "0000000000bad000 cc 0"));
    g_assert_true(g_str_has_prefix(lines[3], "R00="));
    g_assert_true(g_str_has_prefix(lines[6], "R12="));
    g_assert_true(g_str_has_prefix(lines[7], "F00="));
    g_assert_true(g_str_has_prefix(lines[11], "C00="));
    g_assert_cmpstr(lines[14] + 63, ==, "C15=0000000000000000");
    g_assert_cmpstr(lines[15], ==, "");
    all = hmp_line(s, "info registers -a");
    g_assert_true(g_str_has_prefix(all, one));
    g_assert_nonnull(strstr(all + strlen(one), "CPU#1\r\nPSW=mask "
                                               "0000000000000000 addr "
                                               "0000000000000000 cc 00\r\n"));
    g_free(all);
    all = hmp_line(s, "info registers 1");
    g_assert_true(g_str_has_prefix(all, "\r\nCPU#1\r\n"));
    bad = hmp_line(s, "info registers 2");
    g_assert_cmpstr(bad, ==, "CPU#2 not available\r\n");
    opt = hmp_line(s, "info registers -x");
    g_assert_cmpstr(opt, ==,
                    "registers: unsupported option -x\r\nTry "
                    "\"help info registers\" for more information\r\n");
    expr = hmp_line(s, "info registers foo");
    g_assert_true(g_str_has_prefix(expr, "invalid char 'f' in expression"));

    /* the mailbox, as the guest left it */
    qtest_qmp_assert_success(s,
                             "{'execute': 'pmemsave', 'arguments': "
                             "{'val': %d, 'size': 32, 'filename': %s}}",
                             MAILBOX, path);
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_assert_cmpuint(len, ==, 32);
    for (unsigned i = 0; i < 4; i++) {
        uint64_t v = 0;

        for (unsigned b = 0; b < 8; b++) {
            v = v << 8 | (uint8_t)data[i * 8 + b];
        }
        g_assert_cmphex(v, ==, qtest_readq(s, MAILBOX + i * 8));
    }
    unlink(path);
    rsp = qtest_qmp(s, "{'execute': 'pmemsave', 'arguments': {'val': 0, "
                       "'size': 8, 'filename': '/nonexistent/dir/f'}}");
    g_assert_nonnull(
        strstr(json_object_get_string_member(
                   json_object_get_object_member(rsp, "error"), "desc"),
               "Could not open '/nonexistent/dir/f'"));
    json_object_unref(rsp);
    qmp_expect_error_and_unref(
        qtest_qmp(s,
                  "{'execute': 'pmemsave', 'arguments': {'val': 0, "
                  "'size': -1, 'filename': %s}}",
                  path),
        "GenericError");
    qtest_quit(s);
}

/*
 * The way test suites start a bare-metal program: the machine's legacy
 * accel= property, no monitor; the process exits when every CPU stopped
 */
static void test_exit_status(void)
{
    g_autofree char *args = g_strdup_printf(
        "-nodefaults -display none -machine s390-ccw-virtio,accel=tcg "
        "-smp 2 -kernel %s/sigp.elf",
        guest_dir);
    g_autofree char *out = NULL, *err = NULL;
    int status = -1;

    out = qtest_run_cmdline(args, &status, &err);
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpstr(err, ==, "");
}

/* -accel qtest keeps today's behaviour: no CPU runs, the image is loaded */
static void test_qtest_accel(void)
{
    g_autofree char *args = g_strdup_printf("-m 128 -kernel %s/spin.elf",
                                            guest_dir);
    QTestState *s = qtest_init(args);

    /* "j guest_entry" at the IPL address, and no guest ran setup */
    g_assert_cmphex(qtest_readw(s, 0x10000), ==, 0xa7f4);
    g_assert_cmphex(qtest_readq(s, MAILBOX), ==, 0);
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    qtest_quit(s);
}

/* Without -no-shutdown a panic powers off: GUEST_PANICKED, SHUTDOWN */
static void test_panic_poweroff(void)
{
    QTestInitOptions o = { .no_accel_qtest = true };
    g_autofree char *args =
        g_strdup_printf("-accel tcg -S -m 128 -kernel %s/fail.elf", guest_dir);
    QTestState *s = qtest_init_opts(&o, args);
    JsonObject *ev, *data;

    qtest_qmp_assert_success(s, "{'execute': 'cont'}");
    ev = qtest_qmp_eventwait_ref(s, "GUEST_PANICKED");
    data = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(data, "action"), ==,
                    "poweroff");
    json_object_unref(ev);
    ev = qtest_qmp_eventwait_ref(s, "SHUTDOWN");
    data = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(data, "reason"), ==,
                    "guest-panic");
    g_assert_true(json_object_get_boolean_member(data, "guest"));
    json_object_unref(ev);
    qtest_wait_qemu(s, NULL);
    qtest_quit(s);
}

/* QMP while a guest runs: stop holds it, cont resumes it, system_reset
 * starts it over, quit ends the process */
static void test_qmp_control(void)
{
    QTestState *s = start_guest("spin", NULL);
    uint64_t a, b;

    json_object_unref(qtest_qmp_receive(s)); /* cont's reply */
    qtest_qmp_eventwait(s, "RESUME");
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    do {
        a = qtest_readq(s, MAILBOX + 32);
    } while (a < 1000);
    qtest_qmp_assert_success(s, "{'execute': 'stop'}");
    qtest_qmp_eventwait(s, "STOP");
    g_assert_cmpstr(qtest_query_status(s), ==, "paused");
    a = qtest_readq(s, MAILBOX + 32);
    g_usleep(20000);
    b = qtest_readq(s, MAILBOX + 32);
    g_assert_cmpuint(a, ==, b);
    qtest_qmp_assert_success(s, "{'execute': 'cont'}");
    do {
        b = qtest_readq(s, MAILBOX + 32);
    } while (b <= a);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(s, "RESET");
    /* the IPL again: guest_setup zeroes the counter, then it counts */
    g_assert_cmpstr(qtest_query_status(s), ==, "running");
    qtest_qmp_assert_success(s, "{'execute': 'quit'}");
    qtest_wait_qemu(s, NULL);
    qtest_quit(s);
}

/* Command-line errors of the loader, with QEMU's wording */
static void test_cmdline_errors(void)
{
    static const struct {
        const char *args, *msg;
    } cases[] = {
        { "-initrd /dev/null", "-initrd only allowed with -kernel option" },
        { "-append x", "-append only allowed with -kernel option" },
        { "-watchdog-action bogus",
          "Parameter 'watchdog' does not accept value 'bogus'" },
        { "-kernel /nonexistent.elf",
          "could not load kernel '/nonexistent.elf'" },
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *args =
            g_strdup_printf("-nodefaults -display none -accel tcg %s",
                            cases[i].args);
        g_autofree char *err = NULL;
        g_autofree char *out = NULL;
        int status;

        out = qtest_run_cmdline(args, &status, &err);
        g_assert_cmpint(status, ==, 1);
        g_assert_nonnull(strstr(err, cases[i].msg));
    }
}

int main(int argc, char **argv)
{
    g_autofree char *probe = NULL;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/guest/cmdline-errors", test_cmdline_errors);
    guest_dir = g_getenv("GUEST_DIR");
    probe = g_strdup_printf("%s/insn.elf", guest_dir ? guest_dir : ".");
    if (!guest_dir || !g_file_test(probe, G_FILE_TEST_EXISTS)) {
        g_test_message("guest programs not built (no s390x-linux-gnu-gcc): "
                       "only the command-line tests run");
        return g_test_run();
    }
    g_test_add_func("/guest/insn", test_insn);
    g_test_add_func("/guest/clib", test_clib);
    g_test_add_func("/guest/xlate", test_xlate);
    g_test_add_func("/guest/fac", test_fac);
    g_test_add_func("/guest/mvcl", test_mvcl);
    g_test_add_func("/guest/cpu-features", test_cpu_features);
    g_test_add_func("/guest/pgm", test_pgm);
    g_test_add_func("/guest/sclp", test_sclp);
    g_test_add_func("/guest/quiesce", test_quiesce);
    g_test_add_func("/guest/inject-nmi", test_inject_nmi);
    g_test_add_func("/guest/cpu-hotplug", test_cpu_hotplug);
    g_test_add_func("/guest/bfp", test_bfp);
    g_test_add_func("/guest/dat", test_dat);
    g_test_add_func("/guest/clock", test_clock);
    g_test_add_func("/guest/sigp", test_sigp);
    g_test_add_func("/guest/io", test_io);
    g_test_add_func("/guest/demo-dasd", test_demo_dasd);
    g_test_add_func("/guest/stsi", test_stsi);
    g_test_add_func("/guest/diag", test_diag);
    g_test_add_func("/guest/watchdog", test_watchdog);
    g_test_add_func("/guest/cpus-state", test_cpus_state);
    g_test_add_func("/guest/ipl", test_ipl);
    g_test_add_func("/guest/panic", test_panic);
    g_test_add_func("/guest/monitor-dump", test_monitor_dump);
    g_test_add_func("/guest/qmp-control", test_qmp_control);
    g_test_add_func("/guest/panic-poweroff", test_panic_poweroff);
    g_test_add_func("/guest/exit-status", test_exit_status);
    g_test_add_func("/guest/qtest-accel", test_qtest_accel);
    g_test_add_func("/guest/zpci", test_zpci);
    g_test_add_func("/guest/fpx", test_fpx);
    g_test_add_func("/guest/decimal", test_decimal);
    g_test_add_func("/guest/xbfp", test_xbfp);
    g_test_add_func("/guest/x-insns", test_x_insns);
    return g_test_run();
}
