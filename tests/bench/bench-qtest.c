/*
 * bench-qtest: lockstep qtest "readl" round trips per second, and the same
 * exchange over a bare unix socket pair echoed by a second thread, the
 * upper limit for a line protocol.  BENCH_QTEST_ITERS (default 100000).
 */
#include <pthread.h>
#include <sys/socket.h>

#include "bench-common.h"

#define REQ "readl 0x1000\n"
#define RSP "OK 0x0000000000000000\n"

static void bench_one(const BenchTarget *t, int iters)
{
    QTestState *s = bench_start(t);
    double t0, dt;
    int i;

    qtest_writel(s, 0x1000, 0x12345678);
    for (i = 0; i < 1000; i++) {
        qtest_readl(s, 0x1000);
    }
    t0 = bench_now();
    for (i = 0; i < iters; i++) {
        if (qtest_readl(s, 0x1000) != 0x12345678) {
            printf("# %s: readl returned a wrong value\n", t->name);
            break;
        }
    }
    dt = bench_now() - t0;
    printf("%-9s qtest readl       %9.0f round trips/s  (%d in %.3f s)\n",
           t->name, i / dt, i, dt);
    qtest_quit(s);
}

/* Reply RSP to every REQ line, like a minimal server. */
static void *echo_thread(void *opaque)
{
    int fd = *(int *)opaque;
    char buf[256];

    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));

        if (n <= 0) {
            return NULL;
        }
        if (write(fd, RSP, strlen(RSP)) < 0) {
            return NULL;
        }
    }
}

static void bench_echo(int iters)
{
    int sv[2];
    pthread_t th;
    char buf[256];
    double t0, dt;
    int i;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) {
        perror("socketpair");
        return;
    }
    pthread_create(&th, NULL, echo_thread, &sv[1]);
    t0 = bench_now();
    for (i = 0; i < iters; i++) {
        size_t got = 0;

        if (write(sv[0], REQ, strlen(REQ)) < 0) {
            break;
        }
        while (got < strlen(RSP)) {
            ssize_t n = read(sv[0], buf + got, sizeof(buf) - got);

            if (n <= 0) {
                goto out;
            }
            got += n;
        }
    }
out:
    dt = bench_now() - t0;
    printf("%-9s unix socket echo  %9.0f round trips/s  (%d in %.3f s)\n",
           "echo", i / dt, i, dt);
    close(sv[0]);
    pthread_join(th, NULL);
    close(sv[1]);
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int i, n = bench_targets(argc, argv, t);
    int iters = bench_iterations("BENCH_QTEST_ITERS", 100000);

    printf("# bench-qtest\n");
    bench_echo(iters);
    for (i = 0; i < n; i++) {
        bench_one(&t[i], iters);
    }
    return 0;
}
