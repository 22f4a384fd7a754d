/*
 * bench-vfio-pci: vfio-pci on the simulated host, driven over qtest and
 * QMP as a Linux guest and a management tool would (docs/system/s390x/
 * vfio-pci.rst, pci-map.rst):
 *
 *   PCILG/PCISTG  lockstep 8-byte loads and stores of the sim-pci-function's
 *                 scratch register through vfio-pci (each a region read or
 *                 write of the back end): round trips/s
 *   RPCIT         1 GiB of 4 KiB I/O pages (262,144) refreshed into host
 *                 DMA mappings, one RPCIT per 1 MiB segment and one for
 *                 the whole range, then page by page for the first
 *                 BENCH_RPCIT_PAGES pages (default 16,384): maps/s, the
 *                 emulator's CPU time; query-s390-pci-map checks the
 *                 mapping count and a host DMA through the last page
 *                 checks where it lands.  Translations are deregistered
 *                 (every mapping dropped) between rounds.
 *   hot-plug      BENCH_VFIO_FUNCTIONS (default 1,000) x (object-add
 *                 sim-pci-function, device_add vfio-pci on it), placed on
 *                 pci.0 and pci-bridges as libvirt does: time, rate,
 *                 emulator CPU, RSS per function; the map lists them all.
 *
 * BENCH_QTEST_ITERS loads and stores (default 20000).  Debian's QEMU has
 * neither s390x qtest instructions nor a simulated host: only our binary
 * is measured.  Usage: bench-vfio-pci [OUR_BINARY]
 */
#include "bench-zpci.h"

#define HOST "0000:00:01.0"
/* sim-pci-function registers (include/hw/sim/sim-pci.h) */
#define REG_SCRATCH  0x08
#define REG_DMA_IOVA 0x10
#define REG_DMA_LEN  0x18
#define REG_DMA_CMD  0x1c
#define REG_BUF      0x1000

#define BUS_SLOTS 32

/* ---- PCILG / PCISTG ---- */

static void bench_load_store(QTestState *s, uint32_t fh, int iters)
{
    uint64_t req = (uint64_t)fh << 32 | 8;
    double t0 = bench_now(), dt;
    int i;

    for (i = 0; i < iters; i++) {
        if (pcistg(s, fh, 0, 8, REG_SCRATCH, i) != 0) {
            printf("# PCISTG: not cc 0\n");
            break;
        }
    }
    dt = bench_now() - t0;
    printf("%-9s PCISTG BAR 0 8 B  %9.0f round trips/s  (%d in %.3f s)\n",
           "ours", i / dt, i, dt);
    t0 = bench_now();
    for (i = 0; i < iters; i++) {
        if (cc_of(cmdf(s, "s390_pcilg 0x%" PRIx64 " 0x%x", req, REG_SCRATCH)) !=
            0) {
            printf("# PCILG: not cc 0\n");
            break;
        }
    }
    dt = bench_now() - t0;
    printf("%-9s PCILG  BAR 0 8 B  %9.0f round trips/s  (%d in %.3f s)\n",
           "ours", i / dt, i, dt);
}

/* ---- RPCIT into host DMA maps ---- */

/* dma-mappings of the first (only) entry of query-s390-pci-map */
static int64_t host_maps(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-s390-pci-map'}");
    JsonArray *map = json_object_get_array_member(rsp, "return");
    JsonObject *e = map && json_array_get_length(map)
                        ? json_array_get_object_element(map, 0)
                        : NULL;
    int64_t n = -1;

    if (e && json_object_has_member(e, "host")) {
        n = json_object_get_int_member(json_object_get_object_member(e, "host"),
                                       "dma-mappings");
    }
    json_object_unref(rsp);
    return n;
}

/* host DMA maps/s of one rpcit_round(), counted by the address map */
static void bench_rpcit(QTestState *s, uint32_t fh, unsigned pages,
                        unsigned step, const char *what)
{
    double dt, cpu;
    unsigned n = rpcit_round(s, fh, pages, step, what, &dt, &cpu);
    int64_t maps;

    maps = host_maps(s);
    printf("%-9s RPCIT %-13s %9.0f maps/s  (%" PRId64 " host DMA maps, %u "
           "RPCIT, %.3f s; emulator CPU %.2f s: %.0f maps/CPU s)\n",
           "ours", what, maps / dt, maps, n / step, dt, cpu,
           cpu > 0 ? maps / cpu : 0);
    if (maps != n) {
        printf("# RPCIT %s: %u pages refreshed, %" PRId64 " host maps\n", what,
               n, maps);
    }
}

/* The host function's DMA engine writes 8 bytes to the last I/O page. */
static bool dma_check(QTestState *s, uint32_t fh)
{
    uint64_t iova = SDMA + (PAGES - 1) * 4096ull;
    uint64_t frame = FRAMES + ((PAGES - 1) % 8192) * 4096ull;
    static const unsigned regs[] = { REG_DMA_IOVA, REG_DMA_IOVA + 4,
                                     REG_DMA_LEN, REG_DMA_CMD };
    uint32_t vals[] = { (uint32_t)iova, iova >> 32, 8, 1 };

    qtest_writeq(s, frame, 0);
    if (pcistg(s, fh, 0, 8, REG_BUF, 0xefcdab8967452301ull) != 0) {
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (pcistg(s, fh, 0, 4, regs[i], GUINT32_SWAP_LE_BE(vals[i])) != 0) {
            return false;
        }
    }
    return qtest_readq(s, frame) == 0xefcdab8967452301ull;
}

/* ---- hot-plug ---- */

static long rss_kib(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status", (int)pid);
    g_autofree char *text = NULL;
    const char *p;

    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        return -1;
    }
    p = strstr(text, "VmRSS:");
    return p ? atol(p + 6) : -1;
}

static bool qmp_ok(JsonObject *rsp, const char *what)
{
    bool ok = json_object_has_member(rsp, "return");

    if (!ok) {
        g_autofree char *text = qmp_to_string(rsp);

        printf("#   %s failed: %s\n", what, text);
    }
    json_object_unref(rsp);
    return ok;
}

/*
 * Function i: host 0000:BB:SS.0 (BB = i / 32, SS = i % 32); in the guest
 * on pci.0 while it has slots, then on bridge pci.K (chassis K) made as
 * the previous bus fills, the bridge taking a slot of the bus before.
 */
static bool plug_function(QTestState *s, int i, int *bus, int *slot)
{
    char host[24], addr[8];

    if (*slot == BUS_SLOTS - 1 && i > 0) {
        /* the last slot of this bus takes the next bridge */
        int k = *bus + 1;

        snprintf(addr, sizeof(addr), "0x%x", *slot);
        if (!qmp_ok(qtest_qmp(s,
                              "{'execute': 'device_add', 'arguments': "
                              "{'driver': 'pci-bridge', 'chassis_nr': %d, "
                              "'id': 'pci.%d', 'bus': 'pci.%d', 'addr': "
                              "%s}}",
                              k, k, *bus, addr),
                    "pci-bridge")) {
            return false;
        }
        *bus = k;
        *slot = 0;
    }
    snprintf(host, sizeof(host), "0000:%02x:%02x.0", (i / 32) & 0xff, i % 32);
    snprintf(addr, sizeof(addr), "0x%x", *slot);
    if (!qmp_ok(qtest_qmp(s,
                          "{'execute': 'object-add', 'arguments': "
                          "{'qom-type': 'sim-pci-function', 'id': 'h%d', "
                          "'host': %s}}",
                          i, host),
                "object-add") ||
        !qmp_ok(qtest_qmp(s,
                          "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'vfio-pci', 'id': 'v%d', 'host': %s, "
                          "'bus': 'pci.%d', 'addr': %s}}",
                          i, host, *bus, addr),
                "vfio-pci")) {
        return false;
    }
    (*slot)++;
    return true;
}

static void bench_hotplug(const BenchTarget *t, int n)
{
    BenchTarget one = *t;
    QTestState *s;
    double t0, dt, c0, cpu;
    long rss0, rss1;
    int bus = 0, slot = 0, i;
    JsonObject *rsp;
    guint listed = 0;

    one.args = "-machine s390-ccw-virtio -nodefaults -m 128M";
    s = running = bench_start(&one);
    rss0 = rss_kib(qtest_pid(s));
    c0 = bench_cpu_seconds(qtest_pid(s));
    t0 = bench_now();
    for (i = 0; i < n; i++) {
        if (!plug_function(s, i, &bus, &slot)) {
            break;
        }
    }
    dt = bench_now() - t0;
    cpu = bench_cpu_seconds(qtest_pid(s)) - c0;
    rss1 = rss_kib(qtest_pid(s));
    rsp = qtest_qmp(s, "{'execute': 'query-s390-pci-map'}");
    if (json_object_has_member(rsp, "return")) {
        listed = json_array_get_length(
            json_object_get_array_member(rsp, "return"));
    }
    json_object_unref(rsp);
    printf("%-9s hot-plug %5d vfio-pci  %8.3f s  %7.0f functions/s  "
           "(%d bridges; emulator CPU %.2f s; RSS %.1f KiB/function)\n",
           "ours", i, dt, i / dt, bus, cpu,
           i ? (double)(rss1 - rss0) / i : 0.0);
    if (listed != (guint)i) {
        printf("# the address map lists %u functions, %d plugged\n", listed, i);
    }
    qtest_quit(s);
    running = NULL;
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int nt = bench_targets(argc, argv, t);
    int iters = bench_iterations("BENCH_QTEST_ITERS", 20000);
    unsigned per_page = bench_iterations("BENCH_RPCIT_PAGES", 16384);
    int nfn = bench_iterations("BENCH_VFIO_FUNCTIONS", 1000);
    BenchTarget ours;
    QTestState *s;
    uint32_t fh;

    bench_zpci_name = "bench-vfio-pci";
    printf("# bench-vfio-pci: vfio-pci on the simulated host, lockstep\n");
    if (nt == 0 || !t[0].accel_qtest) {
        printf("# no binary of ours to measure\n");
        return 0;
    }
    if (nt > 1) {
        printf("# %s: no s390x qtest instructions nor simulated host, "
               "skipped\n",
               t[1].name);
    }
    ours = t[0];
    ours.args = "-machine s390-ccw-virtio -nodefaults -m 128M "
                "-object sim-pci-function,id=h0,host=" HOST ",dma-limit=262144 "
                "-device zpci,uid=1,fid=0,target=p0,dma-budget=262144 "
                "-device vfio-pci,host=" HOST ",id=p0,bus=pci.0";
    s = running = bench_start(&ours);
    fh = enable_first(s);
    /* Memory Space and Bus Master Enable in the Command register */
    if (pcistg(s, fh, 15, 2, 4, 0x0600) != 0) {
        die("PCISTG to the Command register failed");
    }
    bench_load_store(s, fh, iters);
    build_tables(s);
    if (mpcifc(s, fh, 4) != 0) {
        die("MPCIFC register I/O address translation failed");
    }
    bench_rpcit(s, fh, PAGES, 256, "per 1 MiB");
    bench_rpcit(s, fh, PAGES, PAGES, "1 GiB at once");
    if (!dma_check(s, fh)) {
        printf("# host DMA through the last page did not arrive\n");
    }
    bench_rpcit(s, fh, MIN(per_page, PAGES), 1, "per 4 KiB");
    qtest_quit(s);
    running = NULL;
    bench_hotplug(&t[0], nfn);
    return 0;
}
