/*
 * uid/fid allocator figures: auto-numbering all 65,535 zpci functions,
 * releasing them, random plug/unplug churn around a half-full space, and
 * the memory the allocator holds.  For scale, the same auto-numbering of
 * N = 1,000 with a per-candidate walk over every plugged function (the
 * way QEMU 7.2 numbers them).
 * Times are the thread's CPU time; memory is the heap growth mallinfo2()
 * sees (GLib caches small blocks, so a single run may show as 0 B).
 * Usage: bench-zpci-ids (BENCH_RUNS rounds, default 5; other args ignored)
 */
#include "qemu/osdep.h"
#include <malloc.h>
#include <time.h>
#include "hw/s390x/zpci-ids.h"

typedef struct Fn {
    uint16_t uid;
    uint32_t fid;
} Fn;

/* CPU time: the figures are about the algorithm, not a busy machine */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    return mallinfo2().uordblks;
#else
    return 0;
#endif
}

static int runs(void)
{
    const char *v = getenv("BENCH_RUNS");

    return v && atoi(v) > 0 ? atoi(v) : 5;
}

/* claim @n auto-numbered pairs; returns seconds */
static double claim_auto(ZpciIds *ids, Fn *fns, unsigned n)
{
    double t0 = now();

    for (unsigned i = 0; i < n; i++) {
        fns[i].uid = ZPCI_UID_UNDEFINED;
        if (!zpci_ids_claim(ids, &fns[i].uid, &fns[i].fid, false,
                            &error_abort) ||
            fns[i].uid != i + 1) {
            fprintf(stderr, "bench-zpci-ids: unexpected uid %u\n", fns[i].uid);
            exit(1);
        }
    }
    return now() - t0;
}

static double release_all(ZpciIds *ids, const Fn *fns, unsigned n)
{
    double t0 = now();

    for (unsigned i = 0; i < n; i++) {
        zpci_ids_release(ids, fns[i].uid, fns[i].fid);
    }
    return now() - t0;
}

/* The naive way: try candidates upward, each against every function. */
static bool naive_uid_taken(const Fn *fns, unsigned n, uint16_t uid)
{
    for (unsigned i = 0; i < n; i++) {
        if (fns[i].uid == uid) {
            return true;
        }
    }
    return false;
}

static bool naive_fid_taken(const Fn *fns, unsigned n, uint32_t fid)
{
    for (unsigned i = 0; i < n; i++) {
        if (fns[i].fid == fid) {
            return true;
        }
    }
    return false;
}

static double claim_naive(Fn *fns, unsigned n)
{
    double t0 = now();

    for (unsigned i = 0; i < n; i++) {
        uint16_t uid = 1;
        uint32_t fid = 0;

        while (naive_uid_taken(fns, i, uid)) {
            uid++;
        }
        while (naive_fid_taken(fns, i, fid)) {
            fid++;
        }
        fns[i].uid = uid;
        fns[i].fid = fid;
    }
    return now() - t0;
}

/*
 * Churn: unplug a random function and plug a new one, generated or with
 * a random explicit uid/fid (retried as a user would on "in use").
 */
static double churn(ZpciIds *ids, Fn *fns, unsigned live, unsigned ops,
                    GRand *r)
{
    double t0 = now();

    for (unsigned k = 0; k < ops; k++) {
        unsigned i = g_rand_int_range(r, 0, live);
        bool explicit = g_rand_boolean(r);
        Fn f = { ZPCI_UID_UNDEFINED, 0 };

        zpci_ids_release(ids, fns[i].uid, fns[i].fid);
        do {
            if (explicit) {
                f.uid = g_rand_int_range(r, ZPCI_UID_MIN, ZPCI_UID_MAX + 1);
                f.fid = g_rand_int(r);
            }
        } while (!zpci_ids_claim(ids, &f.uid, &f.fid, explicit, NULL));
        fns[i] = f;
    }
    return now() - t0;
}

int main(int argc, char **argv)
{
    const unsigned all = ZPCI_UID_MAX, naive_n = 1000;
    g_autofree Fn *fns = g_new0(Fn, all);
    g_autoptr(GRand) r = g_rand_new_with_seed(6);
    double best_claim = 1e9, best_release = 1e9, t_naive, t_ours;
    size_t heap0, heap_full, heap_churn;
    unsigned nruns = runs(), churn_ops = 200000;
    ZpciIds *ids = g_new0(ZpciIds, 1);

    printf("# zPCI uid/fid allocator (best of %u rounds)\n", nruns);
    for (unsigned k = 0; k < nruns; k++) {
        double c, rel;

        zpci_ids_init(ids);
        c = claim_auto(ids, fns, all);
        rel = release_all(ids, fns, all);
        best_claim = MIN(best_claim, c);
        best_release = MIN(best_release, rel);
        zpci_ids_destroy(ids);
    }
    printf("allocate all %u (uid+fid)  %8.2f M ops/s  (%.2f ms)\n", all,
           all / best_claim / 1e6, best_claim * 1e3);
    printf("release all %u             %8.2f M ops/s  (%.2f ms)\n", all,
           all / best_release / 1e6, best_release * 1e3);

    zpci_ids_init(ids);
    t_ours = claim_auto(ids, fns, naive_n);
    release_all(ids, fns, naive_n);
    t_naive = claim_naive(fns, naive_n);
    printf(
        "allocate %u: ours %.3f ms, walk every function per candidate %.1f ms (%.0fx)\n",
        naive_n, t_ours * 1e3, t_naive * 1e3, t_naive / t_ours);
    zpci_ids_destroy(ids);

    heap0 = heap_in_use();
    zpci_ids_init(ids);
    claim_auto(ids, fns, all);
    heap_full = heap_in_use();
    printf(
        "memory, all %u plugged: %zu B bitmap + %zd B heap for the fid runs (%u run), %.3f B per function\n",
        all, sizeof(ids->uid), (ssize_t)(heap_full - heap0),
        zpci_fid_set_nr_runs(&ids->fid),
        (double)(sizeof(ids->uid) + heap_full - heap0) / all);

    release_all(ids, fns, all);
    claim_auto(ids, fns, all / 2);
    t_ours = churn(ids, fns, all / 2, churn_ops, r);
    heap_churn = heap_in_use();
    printf("random churn at %u plugged (half explicit) %8.2f M ops/s\n",
           all / 2, churn_ops / t_ours / 1e6);
    printf(
        "memory after churn: %zd B heap for the fid runs (%u runs), %.1f B per function\n",
        (ssize_t)(heap_churn - heap0), zpci_fid_set_nr_runs(&ids->fid),
        (double)(sizeof(ids->uid) + heap_churn - heap0) / (all / 2));
    zpci_ids_destroy(ids);
    g_free(ids);
    return 0;
}
