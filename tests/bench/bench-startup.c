/*
 * bench-startup: wall time from spawning the emulator to a negotiated QMP
 * session and back to its exit after QMP "quit", and the child's peak RSS
 * (wait4 rusage).  Median over BENCH_RUNS runs (default 11).
 */
#include <sys/wait.h>

#include "bench-common.h"

static void bench_one(const BenchTarget *t, int runs)
{
    double *ready = g_new(double, runs), *total = g_new(double, runs);
    double *rss = g_new(double, runs);
    int i;

    for (i = 0; i < runs; i++) {
        struct rusage ru;
        double t0 = bench_now();
        QTestState *s = bench_start(t);
        int status;

        ready[i] = bench_now() - t0;
        qtest_qmp_send(s, "{'execute': 'quit'}");
        status = qtest_wait_qemu(s, &ru);
        total[i] = bench_now() - t0;
        rss[i] = ru.ru_maxrss / 1024.0;
        if (!WIFEXITED(status) || WEXITSTATUS(status)) {
            printf("# %s: run %d ended with wait status 0x%x\n", t->name, i,
                   status);
        }
        qtest_quit(s);
    }
    printf("%-9s start->QMP ready %7.2f ms   start->quit->exit %7.2f ms   "
           "peak RSS %6.1f MiB   (median of %d)\n",
           t->name, bench_median(ready, runs) * 1e3,
           bench_median(total, runs) * 1e3, bench_median(rss, runs), runs);
    g_free(ready);
    g_free(total);
    g_free(rss);
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int i, n = bench_targets(argc, argv, t);
    int runs = bench_iterations("BENCH_RUNS", 11);

    printf("# bench-startup\n");
    for (i = 0; i < n; i++) {
        bench_one(&t[i], runs);
    }
    return 0;
}
