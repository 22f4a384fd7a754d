/*
 * The function measurement block of a zPCI function (zpci-fmb.h): the
 * counters the PCI instructions bump, and the virtual-clock timer that
 * stores them into the guest's block every measurement-update interval.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-event.h"
#include "hw/s390x/zpci-hostfn.h"

#define FMB_FORMAT    0
#define FMB_SAMPLES   4
#define FMB_LAST      8
#define FMB_COUNTERS  16
#define FMB_DMA       48   /* bytes read, then bytes written */
#define FMB_DMA_VALID 0x80 /* format indication bit 0 (byte 1) */
#define FMB_UPDATING  1ull /* bit 63 of the last-update doubleword */

/* TOD clock units (bit 51 = 1 microsecond) of a virtual-clock time */
static uint64_t fmb_tod(int64_t ns)
{
    uint64_t n = ns < 0 ? 0 : ns;

    return n / 125 * 512 + n % 125 * 512 / 125;
}

static void put_be64(uint8_t *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8) {
        p[i] = v;
    }
}

/* Store @len bytes of the block at @offset; false when not guest RAM. */
static bool fmb_store(const ZpciFmb *f, unsigned offset, const uint8_t *buf,
                      unsigned len)
{
    return address_space_write(&address_space_memory, f->addr + offset,
                               MEMTXATTRS_UNSPECIFIED, buf, len) == MEMTX_OK;
}

static bool fmb_in_ram(const ZpciFmb *f)
{
    return f->addr + ZPCI_FMB_LEN > f->addr &&
           address_space_access_valid(&address_space_memory, f->addr,
                                      ZPCI_FMB_LEN, true,
                                      MEMTXATTRS_UNSPECIFIED);
}

static void fmb_disarm(ZpciFmb *f)
{
    timer_free(f->timer);
    f->timer = NULL;
    f->addr = 0;
    f->samples = 0;
    memset(f->count, 0, sizeof(f->count));
    f->dma_read = f->dma_written = 0;
}

/* Whether the emulator sees the function's DMA (not a host function's) */
static bool fmb_counts_dma(ZpciDevice *z)
{
    return z->pdev && !zpci_host_fn_get_class(OBJECT(z->pdev));
}

/*
 * One update: the last-update word with the in-progress bit first, then
 * the sample count and the counters, then the time with the bit clear.
 */
static void fmb_update(void *opaque)
{
    ZpciDevice *z = opaque;
    ZpciFmb *f = &z->fmb;
    uint64_t tod = fmb_tod(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL)) << 1;
    uint8_t block[ZPCI_FMB_LEN] = { FMB_FORMAT };

    if (!fmb_in_ram(f)) {
        trace_point("zpci_fmb_error",
                    "fh 0x%08x fmb 0x%" PRIx64 " not in guest RAM", z->fh,
                    f->addr);
        /* as QEMU: an error event naming the block, measurement stops */
        zpci_event_post_error(ZPCI_PEC_FMB_ADDRESS, z->fh, z->fid, f->addr);
        fmb_disarm(f);
        return;
    }
    f->samples++;
    put_be64(block + FMB_LAST, tod | FMB_UPDATING);
    fmb_store(f, FMB_LAST, block + FMB_LAST, 8);
    block[FMB_SAMPLES] = f->samples >> 24;
    block[FMB_SAMPLES + 1] = f->samples >> 16;
    block[FMB_SAMPLES + 2] = f->samples >> 8;
    block[FMB_SAMPLES + 3] = f->samples;
    for (int i = 0; i < ZPCI_FMB_NR_COUNTERS; i++) {
        put_be64(block + FMB_COUNTERS + 8 * i, f->count[i]);
    }
    /* format 0: the DMA byte counters, valid when the emulator keeps them */
    if (fmb_counts_dma(z)) {
        block[1] = FMB_DMA_VALID;
        put_be64(block + FMB_DMA, f->dma_read);
        put_be64(block + FMB_DMA + 8, f->dma_written);
    }
    fmb_store(f, 0, block, FMB_LAST);
    fmb_store(f, FMB_COUNTERS, block + FMB_COUNTERS,
              ZPCI_FMB_LEN - FMB_COUNTERS);
    put_be64(block + FMB_LAST, tod);
    fmb_store(f, FMB_LAST, block + FMB_LAST, 8);
    timer_mod(f->timer, qemu_clock_get_ms(QEMU_CLOCK_VIRTUAL) + f->mui_ms);
}

ZpciFmbResult zpci_fmb_set(ZpciDevice *z, uint64_t addr, uint16_t mui_ms)
{
    ZpciFmb *f = &z->fmb;

    if (addr & ZPCI_FMB_ALIGN_MASK) {
        /* QEMU's answer: measurement stops, an error event, cc 1 */
        fmb_disarm(f);
        zpci_event_post_error(ZPCI_PEC_FMB_PROTECTION, z->fh, z->fid, addr);
        return ZPCI_FMB_BAD_ADDRESS;
    }
    if (!addr) {
        fmb_disarm(f);
        return ZPCI_FMB_OK;
    }
    if (!f->timer) {
        f->timer = timer_new_ms(QEMU_CLOCK_VIRTUAL, fmb_update, z);
    }
    f->addr = addr;
    f->mui_ms = mui_ms ? mui_ms : 1;
    timer_mod(f->timer, qemu_clock_get_ms(QEMU_CLOCK_VIRTUAL) + f->mui_ms);
    return ZPCI_FMB_OK;
}

void zpci_fmb_stop(ZpciDevice *z)
{
    fmb_disarm(&z->fmb);
}

void zpci_fmb_count(ZpciDevice *z, ZpciFmbCounter c)
{
    if (z->fmb.addr) {
        z->fmb.count[c]++;
    }
}

void zpci_fmb_count_dma(ZpciDevice *z, uint64_t len, bool to_memory)
{
    if (!z->fmb.addr) {
        return;
    }
    if (to_memory) {
        z->fmb.dma_written += len;
    } else {
        z->fmb.dma_read += len;
    }
}
