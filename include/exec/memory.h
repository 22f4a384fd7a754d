/*
 * The memory API: memory regions, address spaces and IOMMU regions.
 *
 * A MemoryRegion is a plain struct that its user embeds or allocates and
 * initialises with one of the memory_region_init*() functions.  Regions
 * form a tree (containers hold subregions at an offset with a priority);
 * an AddressSpace renders the tree below its root into a flat, sorted list
 * of ranges and dispatches accesses through it.  Accesses never crash and
 * never touch host memory outside a region: they return a MemTxResult.
 *
 * See docs/devel/memory.rst.
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "qemu/osdep.h"
#include "exec/memattrs.h"
#include "qapi/error.h"

typedef struct MemoryRegion MemoryRegion;
typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;
typedef struct IOMMUMemoryRegion IOMMUMemoryRegion;

/* Byte order of the values an I/O region's callbacks exchange. */
enum device_endian {
    DEVICE_NATIVE_ENDIAN, /* the guest's: big endian on s390x */
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

typedef struct MemoryRegionOps {
    /* Plain callbacks; @addr is relative to the region, @size in bytes. */
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    /* Optional variants that can fail; used instead of read/write if set. */
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr, uint64_t *data,
                                   unsigned size, MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr, uint64_t data,
                                    unsigned size, MemTxAttrs attrs);
    enum device_endian endianness;
    /* What the guest may do; other accesses fail with MEMTX_ERROR. */
    struct {
        unsigned min_access_size; /* 0 means 1 */
        unsigned max_access_size; /* 0 means 4 */
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size, bool is_write,
                        MemTxAttrs attrs);
    } valid;
    /* What the callbacks implement; accesses are split or widened to fit. */
    struct {
        unsigned min_access_size; /* 0 means 1 */
        unsigned max_access_size; /* 0 means 4 */
        bool unaligned;
    } impl;
} MemoryRegionOps;

/* ---- IOMMU ---- */

typedef enum {
    IOMMU_NONE = 0,
    IOMMU_RO = 1,
    IOMMU_WO = 2,
    IOMMU_RW = 3,
} IOMMUAccessFlags;

#define IOMMU_ACCESS_FLAG(r, w) (((r) ? IOMMU_RO : 0) | ((w) ? IOMMU_WO : 0))

typedef struct IOMMUTLBEntry {
    AddressSpace *target_as;
    hwaddr iova;            /* input address, aligned to addr_mask + 1 */
    hwaddr translated_addr; /* output address in target_as */
    hwaddr addr_mask;       /* page size - 1, e.g. 0xfff */
    IOMMUAccessFlags perm;  /* IOMMU_NONE: not mapped */
} IOMMUTLBEntry;

typedef enum {
    IOMMU_NOTIFIER_NONE = 0,
    IOMMU_NOTIFIER_UNMAP = 0x1,
    IOMMU_NOTIFIER_MAP = 0x2,
} IOMMUNotifierFlag;

#define IOMMU_NOTIFIER_IOTLB_EVENTS (IOMMU_NOTIFIER_MAP | IOMMU_NOTIFIER_UNMAP)
#define IOMMU_NOTIFIER_ALL          IOMMU_NOTIFIER_IOTLB_EVENTS

typedef struct IOMMUTLBEvent {
    IOMMUNotifierFlag type;
    IOMMUTLBEntry entry;
} IOMMUTLBEvent;

typedef struct IOMMUNotifier IOMMUNotifier;
typedef void (*IOMMUNotify)(IOMMUNotifier *notifier, IOMMUTLBEntry *data);

struct IOMMUNotifier {
    IOMMUNotify notify;
    IOMMUNotifierFlag notifier_flags;
    hwaddr start; /* first iova of interest */
    hwaddr end;   /* last iova of interest (inclusive) */
    int iommu_idx;
    IOMMUNotifier *next; /* private */
};

/* Fill @n for memory_region_register_iommu_notifier(). */
static inline void iommu_notifier_init(IOMMUNotifier *n, IOMMUNotify fn,
                                       IOMMUNotifierFlag flags, hwaddr start,
                                       hwaddr end, int iommu_idx)
{
    *n = (IOMMUNotifier){
        .notify = fn,
        .notifier_flags = flags,
        .start = start,
        .end = end,
        .iommu_idx = iommu_idx,
    };
}

typedef struct IOMMUMemoryRegionOps {
    /* Translate @addr (relative to the region); must not fail. */
    IOMMUTLBEntry (*translate)(IOMMUMemoryRegion *iommu, hwaddr addr,
                               IOMMUAccessFlags flag, int iommu_idx);
    /* Optional: told when the union of notifier flags changes. */
    int (*notify_flag_changed)(IOMMUMemoryRegion *iommu,
                               IOMMUNotifierFlag old_flags,
                               IOMMUNotifierFlag new_flags, Error **errp);
    /* Optional: send MAP events for all current mappings to @notifier. */
    void (*replay)(IOMMUMemoryRegion *iommu, IOMMUNotifier *notifier);
    /* Optional: smallest page size (default 4 KiB). */
    uint64_t (*get_min_page_size)(IOMMUMemoryRegion *iommu);
    /* Optional: index for @attrs (default 0) and index count (default 1). */
    int (*attrs_to_index)(IOMMUMemoryRegion *iommu, MemTxAttrs attrs);
    int (*num_indexes)(IOMMUMemoryRegion *iommu);
} IOMMUMemoryRegionOps;

/* ---- regions ---- */

typedef enum MemoryRegionKind {
    MR_KIND_CONTAINER,
    MR_KIND_RAM,
    MR_KIND_IO,
    MR_KIND_ALIAS,
    MR_KIND_IOMMU,
} MemoryRegionKind;

/* All fields are private: use the functions below. */
/*
 * Called after bytes [offset, offset + len) of a RAM region were written
 * through the memory API: address_space_write/_set, the stores of
 * memory-ldst, and address_space_unmap of a writable mapping (for the
 * bytes the user says it wrote). A CPU that keeps pre-decoded guest code
 * uses it to forget code that DMA or the channel subsystem overwrote.
 */
typedef void MemoryRegionWriteNotify(void *opaque, hwaddr offset, hwaddr len);

struct MemoryRegion {
    void *owner; /* opaque, for naming/debug only */
    char *name;
    MemoryRegionKind kind;
    uint64_t size; /* UINT64_MAX stands for 2^64 */
    unsigned refcount;
    bool enabled;
    bool readonly;

    /* position in the container */
    MemoryRegion *container;
    hwaddr addr;
    int priority;
    MemoryRegion *sibling_next;
    MemoryRegion *subregions; /* highest priority first */

    /* RAM */
    uint8_t *ram_ptr;
    int ram_fd;
    bool ram_owned; /* mapping made here: munmap on finalize */
    /* told of writes made through the memory API (see below) */
    MemoryRegionWriteNotify *write_notify;
    void *write_notify_opaque;

    /* I/O */
    const MemoryRegionOps *ops;
    void *opaque;

    /* alias */
    MemoryRegion *alias;
    hwaddr alias_offset;

    bool rendering; /* on the path being rendered: breaks alias loops */
};

struct IOMMUMemoryRegion {
    MemoryRegion parent_obj;
    const IOMMUMemoryRegionOps *iommu_ops;
    void *opaque;
    IOMMUNotifier *notifiers;
    IOMMUNotifierFlag notify_flags; /* union of registered notifier flags */
};

void memory_region_init(MemoryRegion *mr, void *owner, const char *name,
                        uint64_t size);
/* Guest RAM in a memfd (or anonymous memory); pages are committed lazily. */
bool memory_region_init_ram(MemoryRegion *mr, void *owner, const char *name,
                            uint64_t size, Error **errp);
/* Read-only RAM: guest writes fail with MEMTX_ERROR. */
bool memory_region_init_rom(MemoryRegion *mr, void *owner, const char *name,
                            uint64_t size, Error **errp);
/* RAM at caller-provided memory @ptr of @size bytes (not freed here). */
void memory_region_init_ram_ptr(MemoryRegion *mr, void *owner, const char *name,
                                uint64_t size, void *ptr);
void memory_region_init_io(MemoryRegion *mr, void *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
/* A window of @size bytes onto @orig starting at @offset. */
void memory_region_init_alias(MemoryRegion *mr, void *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size);
void memory_region_init_iommu(IOMMUMemoryRegion *iommu_mr, void *owner,
                              const IOMMUMemoryRegionOps *ops, void *opaque,
                              const char *name, uint64_t size);

/* Detach from the tree, detach subregions, free the name, unmap RAM. */
void memory_region_finalize(MemoryRegion *mr);
/* Plain reference count (1 after init); reaching 0 finalizes. */
void memory_region_ref(MemoryRegion *mr);
void memory_region_unref(MemoryRegion *mr);

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion, int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
void memory_region_set_size(MemoryRegion *mr, uint64_t size);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);

/* Batch several tree changes into one flat view rebuild. */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

uint64_t memory_region_size(MemoryRegion *mr);
const char *memory_region_name(const MemoryRegion *mr);
void *memory_region_owner(MemoryRegion *mr);
bool memory_region_is_ram(MemoryRegion *mr);
bool memory_region_is_rom(MemoryRegion *mr);
bool memory_region_is_iommu(MemoryRegion *mr);
bool memory_region_is_mapped(MemoryRegion *mr);
bool memory_region_is_enabled(MemoryRegion *mr);
/* Host pointer to the start of a RAM region (alias: of its window). */
void *memory_region_get_ram_ptr(MemoryRegion *mr);
/* Install (or with NULL remove) the write notifier of RAM region @mr. */
void memory_region_set_write_notify(MemoryRegion *mr,
                                    MemoryRegionWriteNotify *fn, void *opaque);
/* Run @mr's write notifier, if any, for [offset, offset + len). */
void memory_region_notify_write(MemoryRegion *mr, hwaddr offset, hwaddr len);
/*
 * @len bytes were written at host address @host, inside a RAM region or
 * not (a device's DMA through a host mapping): the region's notifier runs.
 */
void memory_ram_notify_host_write(const void *host, hwaddr len);
/* The memfd behind a RAM region, or -1. */
int memory_region_get_fd(MemoryRegion *mr);
IOMMUMemoryRegion *memory_region_get_iommu(MemoryRegion *mr);

/* Direct access to an I/O region (value in the device's own terms). */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs);

/* ---- IOMMU notifiers ---- */

int memory_region_register_iommu_notifier(MemoryRegion *mr, IOMMUNotifier *n,
                                          Error **errp);
void memory_region_unregister_iommu_notifier(MemoryRegion *mr,
                                             IOMMUNotifier *n);
void memory_region_notify_iommu(IOMMUMemoryRegion *iommu_mr, int iommu_idx,
                                IOMMUTLBEvent event);
void memory_region_notify_iommu_one(IOMMUNotifier *notifier,
                                    IOMMUTLBEvent *event);
void memory_region_iommu_replay(IOMMUMemoryRegion *iommu_mr, IOMMUNotifier *n);
uint64_t memory_region_iommu_get_min_page_size(IOMMUMemoryRegion *iommu_mr);
int memory_region_iommu_attrs_to_index(IOMMUMemoryRegion *iommu_mr,
                                       MemTxAttrs attrs);
int memory_region_iommu_num_indexes(IOMMUMemoryRegion *iommu_mr);

/* ---- address spaces ---- */

/* All fields are private. */
struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    AddressSpace *next; /* list of all address spaces */
};

void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name);
void address_space_destroy(AddressSpace *as);

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               void *buf, hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len);
/* Fill @len bytes at @addr with @c. */
MemTxResult address_space_set(AddressSpace *as, hwaddr addr, uint8_t c,
                              hwaddr len, MemTxAttrs attrs);
bool address_space_access_valid(AddressSpace *as, hwaddr addr, hwaddr len,
                                bool is_write, MemTxAttrs attrs);

/*
 * The terminal region (after IOMMU translation) at @addr, the offset in it
 * in *xlat, and *plen clamped to what is contiguous there.  NULL when
 * nothing is mapped or an IOMMU denies the access.
 */
MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen, bool is_write,
                                      MemTxAttrs attrs);

/*
 * Host pointer to guest RAM at @addr for direct (DMA) access.  *plen is
 * shortened to the contiguous RAM there; NULL (and *plen = 0) when @addr
 * is not RAM, or is read-only RAM and @is_write.  Pair with unmap.
 */
void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs);
void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len);

/* Loads and stores; *result (if non-NULL) gets the MemTxResult. */
uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result);
void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val,
                       MemTxAttrs attrs, MemTxResult *result);
uint16_t address_space_lduw_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
void address_space_stw_be(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);
/* Target (big) endian forms. */
uint16_t address_space_lduw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                            MemTxResult *result);
uint32_t address_space_ldl(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result);
uint64_t address_space_ldq(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result);
void address_space_stw(AddressSpace *as, hwaddr addr, uint16_t val,
                       MemTxAttrs attrs, MemTxResult *result);
void address_space_stl(AddressSpace *as, hwaddr addr, uint32_t val,
                       MemTxAttrs attrs, MemTxResult *result);
void address_space_stq(AddressSpace *as, hwaddr addr, uint64_t val,
                       MemTxAttrs attrs, MemTxResult *result);

/* ---- globals ---- */

/* Create the system memory container and address_space_memory (once). */
void memory_system_init(void);
/* The root container of guest physical memory (size 2^64). */
MemoryRegion *get_system_memory(void);
extern AddressSpace address_space_memory;

/* Append the region trees and flat views, like QEMU's "info mtree". */
void mtree_info(GString *out);

#endif
