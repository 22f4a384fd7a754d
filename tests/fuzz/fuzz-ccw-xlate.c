/*
 * libFuzzer target for the CCW translator. Input: a 12-byte ORB, 4 bytes
 * of knobs, then the guest RAM image (the rest). The accessor only ever
 * hands out pointers into that image; after each translation the output
 * invariants are checked: every CCW address field in range, every entry
 * and host IDAW inside RAM (data areas too), TICs never to TICs, every
 * stop slot a NOOP with its result, the CPA mapping total.
 */
#include "qemu/osdep.h"
#include "hw/vfio/ccw-xlate-int.h" /* white box: slot records, IDAL pool */

typedef struct FuzzRam {
    uint8_t *ram;
    uint64_t size;
} FuzzRam;

static bool fz_in(const FuzzRam *f, uint64_t gaddr, uint64_t len)
{
    return gaddr <= f->size && len <= f->size - gaddr;
}

static bool fz_read(void *opaque, uint64_t gaddr, void *buf, uint32_t len)
{
    FuzzRam *f = opaque;

    if (!fz_in(f, gaddr, len)) {
        return false;
    }
    memcpy(buf, f->ram + gaddr, len);
    return true;
}

static void *fz_host_ptr(void *opaque, uint64_t gaddr, uint64_t len, bool write)
{
    FuzzRam *f = opaque;

    return fz_in(f, gaddr, len) ? f->ram + gaddr : NULL;
}

static bool fz_host_in(const FuzzRam *f, uint64_t host, uint64_t len)
{
    uint64_t base = (uintptr_t)f->ram;

    return host >= base && fz_in(f, host - base, len);
}

static void fz_check_slot(const CcwProgram *p, const FuzzRam *f, uint32_t i)
{
    uint64_t entry = p->buf.entries[CCW_PROG_ENTRY_AREA / 8 + i];
    uint64_t pool = (uintptr_t)p->idaws;
    const CcwXlateResult *stop = ccw_prog_stop_result(p, (i + 1) * 8);
    CCW1 c, t;

    ccw1_decode(p->buf.bytes + i * 8, &c);
    assert((stop != NULL) == (p->slot[i].kind == CCW_SLOT_STOP));
    if (stop) {
        assert(c.cmd_code == CCW_CMD_NOOP && c.flags == 0 && c.cda == 0);
        assert(stop->stop_slot == i && stop->cpa == stop->stop_gaddr + 8);
        assert(stop->status != CCW_XLATE_OK);
        assert(ccw_prog_cpa_to_guest(p, (i + 1) * 8) == stop->cpa);
        return;
    }
    if (ccw_cmd_is_tic(c.cmd_code)) {
        assert(c.cda % 8 == 0 && c.cda < p->nr_slots * 8 && c.flags == 0);
        ccw1_decode(p->buf.bytes + c.cda, &t);
        assert(!ccw_cmd_is_tic(t.cmd_code));
        return;
    }
    if (c.cda == 0) {
        assert(!(c.flags & CCW_FLAG_IDA) && entry == 0);
        return;
    }
    assert(c.cda == CCW_PROG_ENTRY_AREA + 8 * i && c.count > 0);
    if (c.flags & CCW_FLAG_IDA) {
        assert(entry >= pool && entry < pool + 8ull * p->nr_idaws);
        assert((entry - pool) % 8 == 0);
    } else if (ccw_cmd_is_read_backward(c.cmd_code)) {
        assert(fz_host_in(f, entry + 1 - c.count, c.count));
    } else {
        assert(fz_host_in(f, entry, c.count));
    }
}

static void fz_check(const CcwProgram *p, const CcwXlateResult *r,
                     const FuzzRam *f, const ORB *orb)
{
    uint32_t i;

    assert(p->nr_slots <= CCW_PROG_MAX_CCWS);
    if (r->status == CCW_XLATE_ORB_INVALID) {
        assert(p->nr_slots == 0);
    } else if (r->status != CCW_XLATE_OK) {
        const CcwXlateResult *s = ccw_prog_stop_result(p,
                                                       (r->stop_slot + 1) * 8);

        assert(s && s->status == r->status && s->reason == r->reason);
        assert(s->stop_gaddr == r->stop_gaddr && s->cpa == r->cpa);
    } else {
        assert(r->stop_slot == p->nr_slots && p->nr_slots > 0);
    }
    for (i = 0; i < p->nr_slots; i++) {
        fz_check_slot(p, f, i);
    }
    for (i = 0; i < p->nr_idaws; i++) {
        assert(fz_host_in(f, p->idaws[i], 1));
    }
    for (i = 0; i <= CCW_PROG_SIZE; i += 4) {
        uint32_t g = ccw_prog_cpa_to_guest(p, i);

        assert(i < 8 || p->nr_slots == 0
                   ? g == orb->cpa
                   : g == p->slot[MIN(i / 8, p->nr_slots) - 1].gaddr + 8);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static CcwProgram *p;
    const CcwXlateResult *r;
    FuzzRam f;
    CcwGuestMem mem = { fz_read, fz_host_ptr, &f };
    ORB orb;

    if (size < 16 + 8 || size > 16 + 256 * KiB) {
        return -1;
    }
    if (!p) {
        p = ccw_prog_new();
    }
    orb_decode(data, &orb);
    f.size = size - 16;
    f.ram = g_malloc(f.size);
    memcpy(f.ram, data + 16, f.size);
    if (!(data[12] & 1)) {
        orb.cpa = (orb.cpa % f.size) & ~7u; /* usually a real start */
    }
    if (!(data[12] & 2)) {
        orb.ctrl0 &= ~ORB_CTRL0_B;
        orb.ctrl1 &= ~(ORB_CTRL1_MIDAW | ORB_CTRL1_RESERVED);
        orb.cpa &= ~ORB_CPA_RESERVED;
    }
    r = ccw_xlate_program(p, &orb, &mem);
    fz_check(p, r, &f, &orb);
    g_free(f.ram);
    return 0;
}
