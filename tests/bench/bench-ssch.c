/*
 * bench-ssch: SSCH -> I/O interrupt -> TSCH round trips per second over
 * qtest, the guest CPU's view of a complete channel program.
 *   - vfio-ccw on the simulated 3390: a NOOP program, translated into the
 *     4 KiB user-space program, run by the sim host, status mapped back;
 *   - ccw-testdev: the same program completed by the css test device
 *     (no translation, no host), the cost of the css and qtest alone.
 * BENCH_SSCH_ITERS round trips (default 5000). Debian's QEMU has no qtest
 * s390x extension, so there is no side-by-side figure here.
 */
#include "bench-common.h"
#include "css-test.h"

static unsigned find_and_enable(QTestState *s, uint16_t devno)
{
    for (unsigned n = 0; n < 0x100; n++) {
        if (inst(s, "s390_stsch 0x%x 0x%x", SID(n), SCHIB_ADDR) != 0) {
            break;
        }
        if (qtest_readw(s, SCHIB_ADDR + 6) == devno) {
            qtest_writew(s, SCHIB_ADDR + 4, (3 << 11) | 0x0080 | 0x0001);
            g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(n), SCHIB_ADDR),
                            ==, 0);
            return n;
        }
    }
    g_error("no subchannel with devno %04x", devno);
}

/* One SSCH, wait for the interrupt, TSCH; false on an unexpected result */
static bool round_trip(QTestState *s, unsigned n)
{
    if (inst(s, "s390_ssch 0x%x 0x%x", SID(n), ORB_ADDR) != 0) {
        return false;
    }
    for (int tries = 0; tries < 100000; tries++) {
        g_autofree gchar *r = cmd(s, "s390_io_intr");

        if (!g_str_has_prefix(r, "OK none")) {
            return inst(s, "s390_tsch 0x%x 0x%x", SID(n), IRB_ADDR) == 0 &&
                   (qtest_readb(s, IRB_ADDR + 8) & 0x0c) == 0x0c; /* CE DE */
        }
    }
    return false;
}

static void bench_one(const char *name, const char *args, uint16_t devno,
                      int iters)
{
    QTestState *s = start(args);
    unsigned n = find_and_enable(s, devno);
    double t0, dt;
    int i;

    g_free(cmd(s, "s390_cr6 0x%x", 0xff000000));    /* every ISC */
    qtest_writeq(s, CCW_ADDR, 0x03200000ull << 32); /* NOOP, SLI */
    qtest_writel(s, ORB_ADDR, 0x12345678);
    qtest_writel(s, ORB_ADDR + 4, 0x0080ff00); /* format 1 */
    qtest_writel(s, ORB_ADDR + 8, CCW_ADDR);
    for (i = 0; i < 100; i++) {
        g_assert_true(round_trip(s, n));
    }
    t0 = bench_now();
    for (i = 0; i < iters && round_trip(s, n); i++) {
    }
    dt = bench_now() - t0;
    printf("%-12s SSCH->intr->TSCH %8.0f round trips/s  (%d in %.3f s)\n", name,
           i / dt, i, dt);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    int iters = bench_iterations("BENCH_SSCH_ITERS", 5000);
    g_autofree char *dir = g_dir_make_tmp("bench-ssch-XXXXXX", NULL);
    g_autofree char *img = g_build_filename(dir, "dasd.img", NULL);
    g_autofree char *vfio = g_strdup_printf(
        "-machine s390-ccw-virtio,s390-map-css=on "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1 "
        "-device vfio-ccw,hostid=0.0.1234",
        img);

    printf("# bench-ssch\n");
    bench_one("vfio-ccw", vfio, 0x1234, iters);
    bench_one("ccw-testdev", "-device ccw-testdev,devno=fe.0.1234", 0x1234,
              iters);
    unlink(img);
    rmdir(dir);
    return 0;
}
