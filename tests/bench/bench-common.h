/*
 * Shared bits of the benchmarks: which emulators to measure and how to
 * start them.  Each benchmark measures our binary ($QTEST_QEMU_BINARY or
 * argv[1]) and, when installed, Debian's qemu-system-s390x side by side.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libqtest.h"

#define DEBIAN_QEMU "/usr/bin/qemu-system-s390x"

typedef struct BenchTarget {
    const char *name;
    const char *binary;
    const char *args;
    bool accel_qtest;
} BenchTarget;

/* Fill @t (room for 2); returns how many targets there are. */
static inline int bench_targets(int argc, char **argv, BenchTarget *t)
{
    const char *ours = argc > 1 ? argv[1] : getenv("QTEST_QEMU_BINARY");
    int n = 0;

    if (ours) {
        t[n++] = (BenchTarget){ "ours", ours,
                                "-machine s390-ccw-virtio -nodefaults", true };
    } else {
        printf("# our binary: give it as argument or in QTEST_QEMU_BINARY\n");
    }
    if (getenv("BENCH_QEMU") && !strcmp(getenv("BENCH_QEMU"), "0")) {
        printf("# BENCH_QEMU=0: skipping the comparison with %s\n",
               DEBIAN_QEMU);
    } else if (access(DEBIAN_QEMU, X_OK) == 0) {
        t[n++] = (BenchTarget){
            "qemu-7.2", DEBIAN_QEMU,
            "-machine s390-ccw-virtio -accel tcg -S -nodefaults", false
        };
    } else {
        printf(
            "# %s not installed (apt-get install qemu-system-misc): skipping the comparison\n",
            DEBIAN_QEMU);
    }
    return n;
}

static inline QTestState *bench_start(const BenchTarget *t)
{
    QTestInitOptions opts = { .binary = t->binary,
                              .no_accel_qtest = !t->accel_qtest };

    return qtest_init_opts(&opts, t->args);
}

static inline double bench_now(void)
{
    return g_get_monotonic_time() / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static inline double bench_median(double *v, int n)
{
    qsort(v, n, sizeof(*v), bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* CPU seconds (user + system) process @pid has used, 0 if unknown. */
static inline double bench_cpu_seconds(pid_t pid)
{
    char path[64], text[1024];
    unsigned long ut = 0, st = 0;
    const char *p;
    FILE *f;
    size_t n;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    f = fopen(path, "r");
    if (!f) {
        return 0;
    }
    n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = 0;
    p = strrchr(text, ')');
    if (!p ||
        sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
               &ut, &st) != 2) {
        return 0;
    }
    return (double)(ut + st) / sysconf(_SC_CLK_TCK);
}

static inline int bench_iterations(const char *env, int dflt)
{
    const char *v = getenv(env);

    return v && atoi(v) > 0 ? atoi(v) : dflt;
}

#endif
