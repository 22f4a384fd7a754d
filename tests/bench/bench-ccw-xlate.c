/*
 * Translator throughput: 256-CCW chains (direct, format-2 IDAL with 4 KiB
 * blocks, format-1 IDAL with 2 KiB blocks) translated again and again,
 * beside a plain memcpy of the same guest bytes (CCWs + IDAWs) into a
 * 4 KiB buffer. Guest memory is a malloc'd buffer behind the accessor.
 * Usage: bench-ccw-xlate [seconds per figure, default 1]
 */
#include "qemu/osdep.h"
#include "hw/vfio/ccw-xlate.h"

#define RAM_SIZE (4 * MiB)
#define CP       0x1000
#define IDAL     0x2000
#define DATA     0x100000
#define NCCW     256

typedef struct BenchRam {
    uint8_t *ram;
} BenchRam;

static bool br_read(void *opaque, uint64_t gaddr, void *buf, uint32_t len)
{
    BenchRam *b = opaque;

    if (gaddr > RAM_SIZE || len > RAM_SIZE - gaddr) {
        return false;
    }
    memcpy(buf, b->ram + gaddr, len);
    return true;
}

static void *br_host_ptr(void *opaque, uint64_t gaddr, uint64_t len, bool write)
{
    BenchRam *b = opaque;

    if (gaddr > RAM_SIZE || len > RAM_SIZE - gaddr) {
        return NULL;
    }
    return b->ram + gaddr;
}

/* kind 0 direct, 1 format-2 IDAL (4K), 2 format-1 IDAL (2 KiB blocks) */
static uint32_t build_chain(uint8_t *ram, int kind)
{
    uint32_t i, idal_bytes = 0;

    for (i = 0; i < NCCW; i++) {
        uint32_t data = DATA + i * 4096;
        CCW1 c = { 0x02, i + 1 < NCCW ? CCW_FLAG_CC : 0, 4096, data };

        if (kind == 1) {
            uint64_t w = GUINT64_TO_BE(data);

            memcpy(ram + IDAL + 8 * i, &w, 8);
            c.flags |= CCW_FLAG_IDA;
            c.cda = IDAL + 8 * i;
            idal_bytes += 8;
        } else if (kind == 2) {
            uint32_t w0 = GUINT32_TO_BE(data), w1 = GUINT32_TO_BE(data + 2048);

            memcpy(ram + IDAL + 8 * i, &w0, 4);
            memcpy(ram + IDAL + 8 * i + 4, &w1, 4);
            c.flags |= CCW_FLAG_IDA;
            c.cda = IDAL + 8 * i;
            idal_bytes += 8;
        }
        ccw1_encode(&c, ram + CP + 8 * i);
    }
    return NCCW * 8 + idal_bytes;
}

static double now(void)
{
    return g_get_monotonic_time() / 1e6;
}

static double bench_xlate(CcwProgram *p, const CcwGuestMem *mem, int kind,
                          double secs)
{
    ORB orb = { .ctrl0 = ORB_CTRL0_FMT | ORB_CTRL0_PFCH |
                         (kind == 1 ? ORB_CTRL0_C64 : 0),
                .cpa = CP };
    double t0 = now(), t;
    uint64_t n = 0;

    do {
        for (int i = 0; i < 256; i++) {
            const CcwXlateResult *r = ccw_xlate_program(p, &orb, mem);

            if (r->status != CCW_XLATE_OK || ccw_prog_nr_slots(p) != NCCW) {
                fprintf(stderr, "bench-ccw-xlate: translation failed: %s\n",
                        ccw_xlate_reason_str(r->reason));
                exit(1);
            }
        }
        n += 256;
        t = now() - t0;
    } while (t < secs);
    return n * NCCW / t;
}

static double bench_memcpy(const uint8_t *ram, uint32_t bytes, double secs)
{
    static uint8_t dst[8192];
    double t0 = now(), t;
    uint64_t n = 0;

    do {
        for (int i = 0; i < 256; i++) {
            memcpy(dst, ram + CP + (i & 1) * 8, bytes);
            __asm__ volatile("" : : "r"(dst) : "memory");
        }
        n += 256;
        t = now() - t0;
    } while (t < secs);
    return n * NCCW / t;
}

int main(int argc, char **argv)
{
    static const char *const names[] = { "direct", "IDAL format-2 4K",
                                         "IDAL format-1 2K" };
    double secs = argc > 1 ? g_ascii_strtod(argv[1], NULL) : 1.0;
    g_autoptr(CcwProgram) p = ccw_prog_new();
    BenchRam b;
    CcwGuestMem mem = { br_read, br_host_ptr, &b };
    void *ram = NULL;

    if (posix_memalign(&ram, 4096, RAM_SIZE) != 0) {
        return 1;
    }
    b.ram = memset(ram, 0, RAM_SIZE);
    printf(
        "# CCW translator, 256-CCW chains of 4 KiB reads (memcpy: the same guest bytes into a buffer)\n");
    for (int kind = 0; kind < 3; kind++) {
        uint32_t bytes = build_chain(b.ram, kind);
        double x = bench_xlate(p, &mem, kind, secs);
        double m = bench_memcpy(b.ram, bytes, secs);

        printf(
            "%-18s translate %7.2f M CCWs/s   memcpy(%u B) %8.2f M CCWs/s   ratio %.1fx\n",
            names[kind], x / 1e6, bytes, m / 1e6, m / x);
    }
    free(ram);
    return 0;
}
