/*
 * Accesses through address spaces: buffers of any length, translation
 * (including IOMMU regions), validity checks and direct mapping of RAM.
 *
 * An access is cut into sections, each inside one flat range (and, behind
 * an IOMMU, inside one translated page).  Every section is checked on its
 * own, so a failing part reports an error without touching anything
 * outside the region it hit; results of all parts are OR'ed together.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "memory-internal.h"

/* More IOMMUs in a row than this is a translation loop. */
#define IOMMU_MAX_DEPTH 8

typedef struct MemSection {
    MemoryRegion *mr; /* NULL: nothing accessible here */
    hwaddr offset;    /* of the first byte inside mr */
    hwaddr len;       /* bytes of the request inside this section (>= 1) */
    bool readonly;
    MemTxResult err; /* why mr is NULL */
} MemSection;

/* Clamp @len (>= 1) to the bytes from @addr to @last inclusive. */
static hwaddr clamp_len(hwaddr addr, hwaddr last, hwaddr len)
{
    return last - addr < len - 1 ? last - addr + 1 : len;
}

static bool iommu_translate_step(MemSection *s, AddressSpace **as, hwaddr *addr,
                                 bool is_write, MemTxAttrs attrs)
{
    IOMMUMemoryRegion *iommu = memory_region_get_iommu(s->mr);
    const IOMMUMemoryRegionOps *ops = iommu->iommu_ops;
    IOMMUAccessFlags need = is_write ? IOMMU_WO : IOMMU_RO;
    IOMMUTLBEntry e;
    hwaddr mask;

    if (!ops || !ops->translate) {
        return false;
    }
    e = ops->translate(iommu, s->offset, need,
                       memory_region_iommu_attrs_to_index(iommu, attrs));
    if (!(e.perm & need) || !e.target_as) {
        return false;
    }
    mask = e.addr_mask;
    s->len = clamp_len(s->offset & mask, mask, s->len);
    *addr = (e.translated_addr & ~mask) | (s->offset & mask);
    *as = e.target_as;
    return true;
}

/* Find what the first byte of [addr, addr + len) reaches (len >= 1). */
static MemSection address_space_resolve(AddressSpace *as, hwaddr addr,
                                        hwaddr len, bool is_write,
                                        MemTxAttrs attrs)
{
    MemSection s = { .len = len, .err = MEMTX_DECODE_ERROR };

    for (int depth = 0; depth < IOMMU_MAX_DEPTH; depth++) {
        FlatView *fv = address_space_to_flatview(as);
        hwaddr hole_last = HWADDR_MAX;
        const FlatRange *fr = fv ? flatview_lookup(fv, addr, &hole_last) : NULL;

        if (!fr) {
            s.len = clamp_len(addr, hole_last, s.len);
            return s;
        }
        s.len = clamp_len(addr, fr->last, s.len);
        s.mr = fr->mr;
        s.offset = fr->offset_in_region + (addr - fr->start);
        s.readonly = fr->readonly;
        if (fr->mr->kind != MR_KIND_IOMMU) {
            return s;
        }
        if (!iommu_translate_step(&s, &as, &addr, is_write, attrs)) {
            s.mr = NULL;
            return s;
        }
    }
    s.mr = NULL;
    return s;
}

static MemTxResult section_ram_access(const MemSection *s, uint8_t *buf,
                                      bool is_write)
{
    MemoryRegion *mr = s->mr;

    if (!mr->ram_ptr || s->offset > mr->size || s->len > mr->size - s->offset) {
        return MEMTX_DECODE_ERROR;
    }
    if (is_write) {
        if (s->readonly) {
            return MEMTX_ERROR;
        }
        memcpy(mr->ram_ptr + s->offset, buf, s->len);
        memory_region_notify_write(mr, s->offset, s->len);
    } else {
        memcpy(buf, mr->ram_ptr + s->offset, s->len);
    }
    return MEMTX_OK;
}

static MemTxResult section_io_access(const MemSection *s, uint8_t *buf,
                                     bool is_write, MemTxAttrs attrs)
{
    MemTxResult res = MEMTX_OK;
    hwaddr offset = s->offset;
    hwaddr len = s->len;

    while (len > 0) {
        unsigned l = memory_region_io_access_size(s->mr, offset, len);

        res |= memory_region_io_access(s->mr, offset, buf, l, is_write, attrs);
        offset += l;
        buf += l;
        len -= l;
    }
    return res;
}

static MemTxResult section_access(const MemSection *s, uint8_t *buf,
                                  bool is_write, MemTxAttrs attrs)
{
    MemTxResult res = s->err;

    if (s->mr && s->mr->kind == MR_KIND_RAM) {
        return section_ram_access(s, buf, is_write);
    }
    if (s->mr && s->mr->kind == MR_KIND_IO) {
        return section_io_access(s, buf, is_write, attrs);
    }
    if (!is_write) {
        memset(buf, 0, s->len);
    }
    return res ? res : MEMTX_DECODE_ERROR;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write)
{
    MemTxResult res = MEMTX_OK;
    uint8_t *p = buf;

    while (len > 0) {
        MemSection s = address_space_resolve(as, addr, len, is_write, attrs);

        res |= section_access(&s, p, is_write, attrs);
        p += s.len;
        len -= s.len;
        if (len > 0 && addr + s.len < addr) {
            /* the request runs past the top of the address space */
            if (!is_write) {
                memset(p, 0, len);
            }
            return res | MEMTX_DECODE_ERROR;
        }
        addr += s.len;
    }
    return res;
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               void *buf, hwaddr len)
{
    return address_space_rw(as, addr, attrs, buf, len, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len)
{
    /* a write only reads from buf */
    return address_space_rw(as, addr, attrs, (void *)buf, len, true);
}

/* Fill one section: RAM directly, holes at once, I/O in pieces. */
static MemTxResult section_set(const MemSection *s, uint8_t c, MemTxAttrs attrs)
{
    uint8_t chunk[64];
    MemTxResult res = MEMTX_OK;
    MemSection piece = *s;
    hwaddr done = 0;

    if (!s->mr || s->mr->kind != MR_KIND_IO) {
        if (s->mr && s->mr->kind == MR_KIND_RAM && s->mr->ram_ptr &&
            !s->readonly && s->offset <= s->mr->size &&
            s->len <= s->mr->size - s->offset) {
            memset(s->mr->ram_ptr + s->offset, c, s->len);
            memory_region_notify_write(s->mr, s->offset, s->len);
            return MEMTX_OK;
        }
        return s->mr && s->mr->kind == MR_KIND_RAM ? MEMTX_ERROR
                                                   : MEMTX_DECODE_ERROR;
    }
    memset(chunk, c, sizeof(chunk));
    while (done < s->len) {
        piece.offset = s->offset + done;
        piece.len = MIN(s->len - done, (hwaddr)sizeof(chunk));
        res |= section_io_access(&piece, chunk, true, attrs);
        done += piece.len;
    }
    return res;
}

MemTxResult address_space_set(AddressSpace *as, hwaddr addr, uint8_t c,
                              hwaddr len, MemTxAttrs attrs)
{
    MemTxResult res = MEMTX_OK;

    while (len > 0) {
        MemSection s = address_space_resolve(as, addr, len, true, attrs);

        res |= section_set(&s, c, attrs);
        len -= s.len;
        if (len > 0 && addr + s.len < addr) {
            return res | MEMTX_DECODE_ERROR;
        }
        addr += s.len;
    }
    return res;
}

static bool section_valid(const MemSection *s, bool is_write, MemTxAttrs attrs)
{
    hwaddr offset = s->offset;
    hwaddr len = s->len;

    if (!s->mr) {
        return false;
    }
    if (s->mr->kind == MR_KIND_RAM) {
        return s->mr->ram_ptr && !(is_write && s->readonly);
    }
    if (s->mr->kind != MR_KIND_IO || !s->mr->ops) {
        return false;
    }
    while (len > 0) {
        unsigned l = memory_region_io_access_size(s->mr, offset, len);

        if (!memory_region_io_access_valid(s->mr, offset, l, is_write, attrs)) {
            return false;
        }
        offset += l;
        len -= l;
    }
    return true;
}

bool address_space_access_valid(AddressSpace *as, hwaddr addr, hwaddr len,
                                bool is_write, MemTxAttrs attrs)
{
    while (len > 0) {
        MemSection s = address_space_resolve(as, addr, len, is_write, attrs);

        if (!section_valid(&s, is_write, attrs)) {
            return false;
        }
        len -= s.len;
        if (len > 0 && addr + s.len < addr) {
            return false;
        }
        addr += s.len;
    }
    return true;
}

MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen, bool is_write,
                                      MemTxAttrs attrs)
{
    hwaddr want = *plen ? *plen : 1;
    MemSection s = address_space_resolve(as, addr, want, is_write, attrs);

    *xlat = s.mr ? s.offset : 0;
    *plen = MIN(*plen, s.len);
    return s.mr;
}

static uint8_t *section_host_ptr(const MemSection *s, bool is_write)
{
    if (!s->mr || s->mr->kind != MR_KIND_RAM || !s->mr->ram_ptr ||
        (is_write && s->readonly) || s->offset > s->mr->size ||
        s->len > s->mr->size - s->offset) {
        return NULL;
    }
    return s->mr->ram_ptr + s->offset;
}

void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs)
{
    hwaddr len = *plen, done;
    MemSection s;
    uint8_t *base;

    *plen = 0;
    if (len == 0) {
        return NULL;
    }
    s = address_space_resolve(as, addr, len, is_write, attrs);
    base = section_host_ptr(&s, is_write);
    if (!base) {
        return NULL;
    }
    /* extend over following pieces that continue the same host memory */
    for (done = s.len; done < len && addr + done > addr; done += s.len) {
        s = address_space_resolve(as, addr + done, len - done, is_write, attrs);
        if (section_host_ptr(&s, is_write) != base + done) {
            break;
        }
    }
    *plen = done;
    return base;
}

void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len)
{
    /* Mappings point straight into guest RAM: nothing to copy back. */
    if (is_write && access_len) {
        memory_ram_notify_host_write(buffer, MIN(access_len, len));
    }
}
