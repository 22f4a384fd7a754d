/*
 * bench-qmp: lockstep QMP round trips per second with query-status.
 * BENCH_QMP_ITERS round trips (default 5000) after a short warm-up.
 */
#include "bench-common.h"

static void bench_one(const BenchTarget *t, int iters)
{
    QTestState *s = bench_start(t);
    double t0, dt;
    int i;

    for (i = 0; i < 100; i++) {
        json_object_unref(qtest_qmp(s, "{'execute': 'query-status'}"));
    }
    t0 = bench_now();
    for (i = 0; i < iters; i++) {
        JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-status'}");

        if (!json_object_has_member(rsp, "return")) {
            printf("# %s: query-status failed\n", t->name);
            json_object_unref(rsp);
            break;
        }
        json_object_unref(rsp);
    }
    dt = bench_now() - t0;
    printf("%-9s QMP query-status  %9.0f round trips/s  (%d in %.3f s)\n",
           t->name, i / dt, i, dt);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int i, n = bench_targets(argc, argv, t);

    printf("# bench-qmp\n");
    for (i = 0; i < n; i++) {
        bench_one(&t[i], bench_iterations("BENCH_QMP_ITERS", 5000));
    }
    return 0;
}
