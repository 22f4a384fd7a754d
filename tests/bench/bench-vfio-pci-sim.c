/*
 * vfio-pci host back end figures on the simulated host, through the ops
 * table: DMA map of 1 GiB in 4 KiB pages (262,144 maps, what RPCIT of
 * 1 GiB asks of the host), in ascending and in descending order; DMAs
 * of the simulated function into the mapped memory (4 KiB each,
 * scattered); unmap page by page.  Times are the thread's CPU time, best
 * of BENCH_RUNS rounds (default 5).
 * Usage: bench-vfio-pci-sim [PAGES] (default 262144)
 */
#include "qemu/osdep.h"
#include <time.h>
#include <json-glib/json-glib.h>
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"

#define PAGE 4096u
#define IOVA UINT64_C(0x100000000)

static const VFIOPCIHostOps *ops = &vfio_pci_sim_ops;

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int runs(void)
{
    const char *v = getenv("BENCH_RUNS");

    return v && atoi(v) > 0 ? atoi(v) : 5;
}

static void map_all(VFIOPCIHost *h, uint8_t *mem, unsigned pages, bool down)
{
    for (unsigned i = 0; i < pages; i++) {
        unsigned p = down ? pages - 1 - i : i;
        struct vfio_iommu_type1_dma_map m = {
            .argsz = sizeof(m),
            .flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
            .vaddr = (uintptr_t)(mem + (uint64_t)(p % 256) * PAGE),
            .iova = IOVA + (uint64_t)p * PAGE,
            .size = PAGE,
        };

        if (ops->dma_map(h, &m)) {
            fprintf(stderr, "dma_map %u failed\n", p);
            exit(1);
        }
    }
}

static void unmap_all(VFIOPCIHost *h, unsigned pages)
{
    for (unsigned p = 0; p < pages; p++) {
        struct vfio_iommu_type1_dma_unmap u = {
            .argsz = sizeof(u),
            .iova = IOVA + (uint64_t)p * PAGE,
            .size = PAGE,
        };

        if (ops->dma_unmap(h, &u) || u.size != PAGE) {
            fprintf(stderr, "dma_unmap %u failed\n", p);
            exit(1);
        }
    }
}

static void reg(VFIOPCIHost *h, uint64_t off, uint64_t v, unsigned len)
{
    if (ops->region_write(h, 0, off, &v, len) != len) {
        exit(1);
    }
}

static void dmas(VFIOPCIHost *h, unsigned pages, unsigned n)
{
    uint64_t st = 0;

    reg(h, SIM_PCI_REG_DMA_LEN, PAGE, 4);
    for (unsigned i = 0; i < n; i++) {
        uint64_t p = (uint64_t)i * 7919 % pages;

        reg(h, SIM_PCI_REG_DMA_IOVA, IOVA + p * PAGE, 8);
        reg(h, SIM_PCI_REG_DMA_CMD, SIM_PCI_DMA_TO_MEMORY, 4);
    }
    ops->region_read(h, 0, SIM_PCI_REG_DMA_STATUS, &st, 4);
    if (st != SIM_PCI_DMA_ST_DONE) {
        fprintf(stderr, "DMA status %" PRIu64 "\n", st);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    unsigned pages = argc > 1 && atoi(argv[1]) > 0 ? atoi(argv[1]) : 262144;
    double best[5] = { 1e9, 1e9, 1e9, 1e9, 1e9 };
    const unsigned ndma = 100000;
    g_autofree char *json =
        g_strdup_printf("{\"host\": \"0000:00:01.0\", \"dma-limit\": \"%u\"}",
                        pages);
    JsonNode *node = json_from_string(json, NULL);
    uint8_t *mem = NULL;
    uint16_t cmd = 6;
    VFIOPCIHost *h;

    user_creatable_add_type(TYPE_SIM_PCI_FUNCTION, "f0",
                            json_node_get_object(node), true, &error_abort);
    json_node_unref(node);
    h = ops->open("0000:00:01.0", NULL, &error_abort);
    ops->region_write(h, VFIO_PCI_CONFIG_REGION_INDEX, 4, &cmd, 2);
    if (posix_memalign((void **)&mem, PAGE, 256 * PAGE)) {
        return 1;
    }
    for (int r = 0; r < runs(); r++) {
        double t0 = now(), t1, t2, t3, t4, t5;

        map_all(h, mem, pages, false);
        t1 = now();
        dmas(h, pages, ndma);
        t2 = now();
        unmap_all(h, pages);
        t3 = now();
        map_all(h, mem, pages, true);
        t4 = now();
        unmap_all(h, pages);
        t5 = now();
        best[0] = MIN(best[0], t1 - t0);
        best[1] = MIN(best[1], t2 - t1);
        best[2] = MIN(best[2], t3 - t2);
        best[3] = MIN(best[3], t4 - t3);
        best[4] = MIN(best[4], t5 - t4);
    }
    printf("vfio-pci sim: %u pages of 4 KiB (%.2f GiB)\n", pages,
           pages * (double)PAGE / (1 << 30));
    printf("  dma_map ascending     %8.3f s  %12.0f maps/s\n", best[0],
           pages / best[0]);
    printf("  dma_map descending    %8.3f s  %12.0f maps/s\n", best[3],
           pages / best[3]);
    printf("  dma_unmap per page    %8.3f s  %12.0f unmaps/s\n", best[2],
           pages / best[2]);
    printf("  DMA 4 KiB to memory   %8.3f s  %12.0f DMAs/s (%.0f MB/s)\n",
           best[1], ndma / best[1], ndma * (double)PAGE / best[1] / 1e6);
    ops->close(h);
    free(mem);
    return 0;
}
