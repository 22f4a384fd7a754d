/*
 * zPCI DMA figures: RPCIT of 1 GiB of 4 KiB mappings (262,144 pages)
 * through a function's DMA address space, with an IOMMU notifier that
 * hears every MAP (as vfio-pci would); the same RPCIT again with nothing
 * changed; and deregistration (262,144 UNMAPs).  Then device reads
 * through the IOMMU region.  Times are the thread's CPU time, best of
 * BENCH_RUNS rounds (default 5).
 * Usage: bench-zpci-dma (other args ignored)
 */
#include "qemu/osdep.h"
#include <time.h>
#include "qapi/error.h"
#include "exec/memory.h"
#include "hw/s390x/zpci-dma.h"

#define RAM_BYTES (64 * MiB)
#define RT_ORIGIN UINT64_C(0x100000)
#define ST_ORIGIN UINT64_C(0x104000)
#define PT_ORIGIN UINT64_C(0x200000)  /* 1024 page tables of 2 KiB */
#define FRAMES    UINT64_C(0x1000000) /* the pages map into 16..48 MiB */
#define SDMA      UINT64_C(0x100000000)
#define PAGES     262144u
#define SEGMENTS  (PAGES / 256)

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

typedef struct Counter {
    IOMMUNotifier n;
    uint64_t maps, unmaps;
} Counter;

static void count(IOMMUNotifier *n, IOMMUTLBEntry *e)
{
    Counter *c = container_of(n, Counter, n);

    if (e->perm == IOMMU_NONE) {
        c->unmaps++;
    } else {
        c->maps++;
    }
}

static void build_tables(AddressSpace *as)
{
    address_space_stq_be(as, RT_ORIGIN + 2 * 8, ST_ORIGIN | (1 << 2) | 3,
                         MEMTXATTRS_UNSPECIFIED, NULL);
    for (unsigned s = 0; s < SEGMENTS; s++) {
        uint64_t pt = PT_ORIGIN + s * 0x800ull;

        address_space_stq_be(as, ST_ORIGIN + s * 8ull, pt,
                             MEMTXATTRS_UNSPECIFIED, NULL);
        for (unsigned p = 0; p < 256; p++) {
            uint64_t frame = FRAMES + ((s * 256ull + p) % 8192) * 4096;

            address_space_stq_be(as, pt + p * 8ull, frame,
                                 MEMTXATTRS_UNSPECIFIED, NULL);
        }
    }
}

static void check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "bench-zpci-dma: %s\n", what);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    MemoryRegion root, ram;
    AddressSpace guest;
    ZpciDmaSpace *s;
    ZpciDmaConfig cfg = { .sdma = SDMA,
                          .edma = SDMA + 4 * GiB - 1,
                          .dtsm = ZPCI_DTSM_ALL,
                          .budget = 1u << 20 }; /* 1 GiB of pages */
    Counter c = { 0 };
    double best_map = 1e9, best_same = 1e9, best_unmap = 1e9, best_rd = 1e9;
    const unsigned reads = 1000000;

    memory_region_init(&root, NULL, "bench-root", UINT64_MAX);
    check(memory_region_init_ram(&ram, NULL, "bench-ram", RAM_BYTES,
                                 &error_abort),
          "no RAM");
    memory_region_add_subregion(&root, 0, &ram);
    address_space_init(&guest, &root, "bench-guest");
    build_tables(&guest);
    s = zpci_dma_space_new("bench-iommu", &guest);
    iommu_notifier_init(&c.n, count, IOMMU_NOTIFIER_IOTLB_EVENTS, 0, HWADDR_MAX,
                        0);
    memory_region_register_iommu_notifier(zpci_dma_space_iommu(s), &c.n,
                                          &error_abort);

    for (int r = 0; r < runs(); r++) {
        ZpciRpcitResult res;
        uint64_t sum = 0;
        double t0;

        check(zpci_dma_space_register(s, &cfg, RT_ORIGIN | ZPCI_IOTA_DT(1)) ==
                  ZPCI_DMA_OK,
              "register");
        c.maps = c.unmaps = 0;
        t0 = now();
        res = zpci_dma_space_rpcit(s, SDMA, (uint64_t)PAGES * 4096);
        best_map = MIN(best_map, now() - t0);
        check(res.status == ZPCI_RPCIT_OK && c.maps == PAGES, "map");
        t0 = now();
        res = zpci_dma_space_rpcit(s, SDMA, (uint64_t)PAGES * 4096);
        best_same = MIN(best_same, now() - t0);
        check(res.mapped == 0 && res.unmapped == 0, "unchanged");
        t0 = now();
        for (unsigned i = 0; i < reads; i++) {
            uint64_t iova = SDMA + (uint64_t)(i * 2654435761u % PAGES) * 4096;

            sum += address_space_ldl_be(zpci_dma_space_as(s), iova,
                                        MEMTXATTRS_UNSPECIFIED, NULL);
        }
        best_rd = MIN(best_rd, now() - t0);
        check(sum == 0, "reads");
        t0 = now();
        zpci_dma_space_deregister(s);
        best_unmap = MIN(best_unmap, now() - t0);
        check(c.unmaps == PAGES, "unmap");
    }
    printf("# zpci-dma: RPCIT of 1 GiB in 4 KiB pages (%u), best of %d\n",
           PAGES, runs());
    printf("rpcit-map        %8.3f s  %12.0f pages/s\n", best_map,
           PAGES / best_map);
    printf("rpcit-unchanged  %8.3f s  %12.0f pages/s\n", best_same,
           PAGES / best_same);
    printf("deregister       %8.3f s  %12.0f pages/s\n", best_unmap,
           PAGES / best_unmap);
    printf("device-read      %8.3f s  %12.0f reads/s (4 bytes, random page)\n",
           best_rd, reads / best_rd);
    memory_region_unregister_iommu_notifier(zpci_dma_space_iommu(s), &c.n);
    zpci_dma_space_free(s);
    address_space_destroy(&guest);
    memory_region_finalize(&root);
    memory_region_finalize(&ram);
    return 0;
}
