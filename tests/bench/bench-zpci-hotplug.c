/*
 * bench-zpci-hotplug: QMP hot-plug of N auto-numbered zpci functions, each
 * size in a fresh process, lockstep (one device_add, its reply, the next):
 *
 *   reserved  N x device_add zpci,id=zI,target=tI (no PCI function: the
 *             zpci stays reserved; QEMU refuses a zpci without target)
 *   pairs     N x (device_add zpci,id=zI,target=fI, then the PCI function
 *             fI: pci-testfn here, virtio-rng-pci on QEMU), placed behind
 *             pci-bridges as libvirt does (chassis_nr, bus=pci.B, addr=)
 *
 * N = 1,000, 10,000 and all 65,535 reserved; 1,000 and all 7,937 pairs
 * (the PCI slots 255 bridges give: chassis_nr is 8 bits and s390 allows
 * no multifunction).  Prints the time, the rate, the growth exponent
 * (log-log slope between sizes), the emulator's CPU time, RSS per
 * function, and the ratio to Debian's QEMU at the sizes both ran.
 * QEMU is quadratic: by default it runs only up to 10,000 reserved and
 * 1,000 pairs; BENCH_ZPCI_FULL=1 runs every size (about 40 minutes).
 * BENCH_ZPCI_MAX=N leaves out the sizes above N for every target.
 * Usage: bench-zpci-hotplug [OUR_BINARY]
 */
#include <math.h>

#include "bench-common.h"

#define NR_UIDS    65535
#define NR_BRIDGES 255 /* chassis_nr 1..255 */
#define BUS_SLOTS  32
#define NR_LEAVES  (BUS_SLOTS + NR_BRIDGES * (BUS_SLOTS - 1))

#define QEMU_MAX_RESERVED 10000
#define QEMU_MAX_PAIRS    1000

typedef enum { RESERVED, PAIRS, NR_KINDS } Kind;

static const char *const kind_name[NR_KINDS] = { "reserved", "pairs" };
static const int sizes[NR_KINDS][3] = { { 1000, 10000, NR_UIDS },
                                        { 1000, NR_LEAVES, 0 } };

/* A PCI slot: bus pci.BUS, slot SLOT. */
typedef struct Slot {
    int bus, slot;
} Slot;

/* Bridges needed for @n leaf slots: each adds 32 slots and takes one. */
static int bridges_for(int n)
{
    return n <= BUS_SLOTS ? 0 : (n - 2) / (BUS_SLOTS - 1);
}

/*
 * @nb bridges, breadth first: each takes the first free slot and adds the
 * 32 of its bus at the end, so a bridge's bus exists before anything is
 * put on it.  Bridge k (chassis k, bus pci.k) goes at bridges[k - 1];
 * the 32 + 31 * nb free slots left go to leaves, in order.
 */
static void layout(int nb, Slot *bridges, Slot *leaves)
{
    g_autofree Slot *q = g_new(Slot, BUS_SLOTS * (nb + 1));
    int head = 0, tail = 0;

    for (int b = 0; b <= nb; b++) {
        if (b > 0) {
            bridges[b - 1] = q[head++];
        }
        for (int s = 0; s < BUS_SLOTS; s++) {
            q[tail++] = (Slot){ b, s };
        }
    }
    memcpy(leaves, q + head, (tail - head) * sizeof(*leaves));
}

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

static bool qmp_ok(QTestState *s, JsonObject *rsp, const char *what)
{
    bool ok = json_object_has_member(rsp, "return");

    if (!ok) {
        g_autofree char *text = qmp_to_string(rsp);

        printf("#   %s failed: %s\n", what, text);
    }
    json_object_unref(rsp);
    return ok;
}

/* addr= is hexadecimal */
static const char *slot_addr(const Slot *at, char *buf)
{
    snprintf(buf, 8, "0x%x", at->slot);
    return buf;
}

static bool add_bridge(QTestState *s, int k, const Slot *at)
{
    char addr[8];
    JsonObject *rsp = qtest_qmp(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'pci-bridge', "
        "'chassis_nr': %d, 'id': 'pci.%d', 'bus': 'pci.%d', 'addr': %s}}",
        k, k, at->bus, slot_addr(at, addr));

    return qmp_ok(s, rsp, "pci-bridge");
}

static bool add_zpci(QTestState *s, int i, const char *target)
{
    JsonObject *rsp = qtest_qmp(s,
                                "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'zpci', 'id': 'z%d', "
                                "'target': '%s%d'}}",
                                i, target, i);

    return qmp_ok(s, rsp, "zpci");
}

static bool add_function(QTestState *s, const char *driver, int i,
                         const Slot *at)
{
    char addr[8];
    JsonObject *rsp =
        qtest_qmp(s,
                  "{'execute': 'device_add', 'arguments': {'driver': %s, "
                  "'id': 'f%d', 'bus': 'pci.%d', 'addr': %s}}",
                  driver, i, at->bus, slot_addr(at, addr));

    return qmp_ok(s, rsp, driver);
}

/* The last zpci got the N-th lowest numbers: uid N, fid N - 1. */
static bool check_numbers(QTestState *s, int n)
{
    g_autofree char *path = g_strdup_printf("/machine/peripheral/z%d", n - 1);
    JsonNode *uid = qtest_qom_get(s, path, "uid");
    JsonNode *fid = qtest_qom_get(s, path, "fid");
    bool ok = json_node_get_int(uid) == n && json_node_get_int(fid) == n - 1;

    if (!ok) {
        printf("#   z%d has uid %" G_GINT64_FORMAT " fid %" G_GINT64_FORMAT
               ", not %d and %d\n",
               n - 1, json_node_get_int(uid), json_node_get_int(fid), n, n - 1);
    }
    json_node_unref(uid);
    json_node_unref(fid);
    return ok;
}

typedef struct Result {
    double secs;  /* < 0: not run */
    double cpu;   /* the emulator's CPU seconds meanwhile */
    double bytes; /* RSS growth per function */
} Result;

static Result run_one(const BenchTarget *t, Kind kind, int n)
{
    Slot bridges[NR_BRIDGES];
    g_autofree Slot *leaves = g_new(Slot, NR_LEAVES);
    const char *fn = t->accel_qtest ? "pci-testfn" : "virtio-rng-pci";
    QTestState *s = bench_start(t);
    Result r = { -1, 0, 0 };
    long rss0;
    double t0, c0;
    int i, nb = kind == PAIRS ? bridges_for(n) : 0;
    char note[32] = "";

    layout(nb, bridges, leaves);

    for (i = 0; i < nb; i++) {
        if (!add_bridge(s, i + 1, &bridges[i])) {
            goto out;
        }
    }
    rss0 = rss_kib(qtest_pid(s));
    c0 = bench_cpu_seconds(qtest_pid(s));
    t0 = bench_now();
    for (i = 0; i < n; i++) {
        if (kind == RESERVED
                ? !add_zpci(s, i, "t")
                : !add_zpci(s, i, "f") || !add_function(s, fn, i, &leaves[i])) {
            printf("#   %s: %s N=%d stopped at %d\n", t->name, kind_name[kind],
                   n, i);
            goto out;
        }
    }
    r.secs = bench_now() - t0;
    r.cpu = bench_cpu_seconds(qtest_pid(s)) - c0;
    r.bytes = (rss_kib(qtest_pid(s)) - rss0) * 1024.0 / n;
    if (!check_numbers(s, n)) {
        r.secs = -1;
        goto out;
    }
    if (nb) {
        snprintf(note, sizeof(note), "  (%d bridges)", nb);
    }
    printf("%-9s %-8s N=%5d  %8.3f s  %8.0f /s  CPU %7.2f s  %6.0f B "
           "RSS/function%s\n",
           t->name, kind_name[kind], n, r.secs, n / r.secs, r.cpu, r.bytes,
           note);
    fflush(stdout);
out:
    qtest_quit(s);
    return r;
}

static void print_growth(const BenchTarget *t, Kind kind, const Result *r)
{
    const int *sz = sizes[kind];

    for (int j = 1; j < 3 && sz[j]; j++) {
        if (r[j - 1].secs > 0 && r[j].secs > 0) {
            printf("%-9s %-8s growth %5d -> %5d: exponent %.2f\n", t->name,
                   kind_name[kind], sz[j - 1], sz[j],
                   log(r[j].secs / r[j - 1].secs) /
                       log((double)sz[j] / sz[j - 1]));
        }
    }
}

static bool size_wanted(const BenchTarget *t, Kind kind, int n)
{
    int max = bench_iterations("BENCH_ZPCI_MAX", NR_UIDS);
    bool full = getenv("BENCH_ZPCI_FULL") && atoi(getenv("BENCH_ZPCI_FULL"));

    if (n > max) {
        printf("# %s %s N=%d skipped (BENCH_ZPCI_MAX=%d)\n", t->name,
               kind_name[kind], n, max);
        return false;
    }
    if (!t->accel_qtest && !full &&
        n > (kind == RESERVED ? QEMU_MAX_RESERVED : QEMU_MAX_PAIRS)) {
        printf("# %s %s N=%d skipped: quadratic (BENCH_ZPCI_FULL=1 runs "
               "it)\n",
               t->name, kind_name[kind], n);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int nt = bench_targets(argc, argv, t);
    Result res[2][NR_KINDS][3];

    printf("# bench-zpci-hotplug: QMP device_add of N auto-numbered zpci "
           "functions, lockstep\n");
    for (int i = 0; i < nt; i++) {
        for (int k = 0; k < NR_KINDS; k++) {
            for (int j = 0; j < 3; j++) {
                int n = sizes[k][j];

                res[i][k][j] = (Result){ -1, 0, 0 };
                if (n && size_wanted(&t[i], k, n)) {
                    res[i][k][j] = run_one(&t[i], k, n);
                }
            }
            print_growth(&t[i], k, res[i][k]);
        }
    }
    if (nt == 2) {
        for (int k = 0; k < NR_KINDS; k++) {
            for (int j = 0; j < 3; j++) {
                if (res[0][k][j].secs > 0 && res[1][k][j].secs > 0) {
                    const Result *a = &res[0][k][j], *b = &res[1][k][j];

                    printf("ratio     %-8s N=%5d  %s is %.1fx faster than "
                           "%s (%.1fx by emulator CPU time)\n",
                           kind_name[k], sizes[k][j], t[0].name,
                           b->secs / a->secs, t[1].name,
                           a->cpu > 0 ? b->cpu / a->cpu : 0);
                }
            }
        }
    }
    return 0;
}
