/*
 * The PCI core: buses of 32 slots x 8 functions and the abstract
 * "pci-device" base every PCI function derives from.  See docs/devel/pci.rst.
 *
 * A bus belongs to a bus owner (a host bridge such as the zPCI bridge)
 * which gives each function its DMA address space and receives its
 * MSI/MSI-X messages (PCIBusOps).  A secondary bus behind a pci-bridge
 * without ops of its own uses the nearest ancestor bus that has them,
 * asking as the bridge (the bridge's devfn on that bus), the way a
 * conventional PCI bridge forwards upstream requests.
 *
 * A device's configuration space is 256 bytes (conventional) or 4 KiB
 * (class is_express).  Every byte has a write mask (wmask: bits software
 * may change) and a write-1-to-clear mask (w1cmask); all other bits are
 * read-only to the guest.  Device code sets values and masks with the
 * helpers below; the bus owner reaches the space with pci_config_read()/
 * pci_config_write() (1, 2 or 4 bytes at any offset, little endian).
 *
 * Properties of every PCI device: addr= ("SLOT[.FUNC]" hex, or -1 for the
 * first free slot), multifunction= (bool).
 */
#ifndef HW_PCI_PCI_H
#define HW_PCI_PCI_H

#include "hw/qdev-core.h"
#include "hw/pci/pci-regs.h"
#include "exec/memory.h"

#define TYPE_PCI_BUS    "PCI"
#define TYPE_PCI_DEVICE "pci-device"

typedef struct PCIBus PCIBus;
typedef struct PCIDevice PCIDevice;
typedef struct PCIDeviceClass PCIDeviceClass;

#define PCI_BAR_UNMAPPED UINT64_MAX

/* ---- bus ---- */

typedef struct PCIBusOps {
    /*
     * The DMA address space of function @devfn on @bus.  Called once per
     * function at realize.  NULL, or no ops: the function cannot DMA
     * (every pci_dma_* access fails with MEMTX_DECODE_ERROR).
     */
    AddressSpace *(*get_dma_as)(PCIBus *bus, int devfn, void *opaque);
    /*
     * An MSI/MSI-X message (address, data) from @dev; @bus/@devfn are as
     * for get_dma_as (the requester seen on the bus that has the ops).
     * Optional: without it the message is what PCI makes of it, a 4-byte
     * little-endian write of @data at @addr in the DMA address space.
     */
    void (*msi_notify)(PCIBus *bus, int devfn, PCIDevice *dev, uint64_t addr,
                       uint32_t data, void *opaque);
    /*
     * Optional: @dev's pci_dma_rw() of @len bytes succeeded (@is_write:
     * into memory); @bus/@devfn as for get_dma_as.  For measurement.
     */
    void (*dma_done)(PCIBus *bus, int devfn, PCIDevice *dev, uint64_t len,
                     bool is_write, void *opaque);
} PCIBusOps;

struct PCIBus {
    BusState qbus;

    PCIDevice *devices[PCI_DEVFN_MAX]; /* by devfn */
    PCIDevice *bridge;                 /* above a secondary bus; NULL: root */
    uint8_t root_bus_num;              /* bus number of a root bus */
    const PCIBusOps *ops;
    void *ops_opaque;
    /* where decoded memory / I/O BARs are mapped (NULL: not mapped) */
    MemoryRegion *mem_space;
    MemoryRegion *io_space;
};

static inline PCIBus *PCI_BUS(void *obj)
{
    return OBJECT_CHECK(PCIBus, obj, TYPE_PCI_BUS);
}

/*
 * A root bus owned by @parent.  With @name NULL it is called "pci.N"
 * (the first one "pci.0", as in QEMU).
 */
PCIBus *pci_root_bus_new(DeviceState *parent, const char *name);
/* Give @bus its owner's hooks (root or secondary bus). */
void pci_bus_set_ops(PCIBus *bus, const PCIBusOps *ops, void *opaque);
void pci_bus_set_address_spaces(PCIBus *bus, MemoryRegion *mem,
                                MemoryRegion *io);
bool pci_bus_is_root(PCIBus *bus);
/* root_bus_num for a root bus; a secondary bus: its bridge's register. */
int pci_bus_num(PCIBus *bus);
PCIDevice *pci_bus_get_device(PCIBus *bus, int devfn);
PCIBus *pci_get_bus(PCIDevice *dev);
/* Call @fn for each function on @bus by ascending devfn. */
void pci_bus_foreach(PCIBus *bus, void (*fn)(PCIBus *, PCIDevice *, void *),
                     void *opaque);

/* ---- device ---- */

typedef struct PCIBar {
    MemoryRegion *mr; /* the device's region; NULL: BAR not registered */
    uint64_t size;
    uint8_t type;       /* PCI_BASE_ADDRESS_* low bits */
    uint64_t mapped_at; /* address in the bus space, or PCI_BAR_UNMAPPED */
} PCIBar;

typedef struct PCIMSIXVector {
    uint64_t addr;
    uint32_t data;
    uint32_t ctrl; /* vector control: PCI_MSIX_ENTRY_CTRL_MASKBIT */
} PCIMSIXVector;

typedef struct PCIMSIX {
    unsigned nvec; /* 0: no MSI-X */
    uint8_t cap;   /* capability offset */
    uint8_t table_bar;
    uint8_t pba_bar;
    uint32_t table_offset;
    uint32_t pba_offset;
    PCIMSIXVector *vec;
    uint64_t *pending; /* PBA bits, nvec rounded up to 64 */
    MemoryRegion table_mr;
    MemoryRegion pba_mr;
    bool was_masked_all; /* function masked (or disabled) at last check */
    /* optional: told when a vector's effective mask changes (vfio) */
    void (*vector_notify)(PCIDevice *dev, unsigned vector, bool masked);
    unsigned messages_sent;
} PCIMSIX;

struct PCIDevice {
    DeviceState qdev;

    /* properties */
    int32_t devfn;      /* addr=; after realize the function's address */
    bool multifunction; /* multifunction= */
    /* set before realize (e.g. by a subclass property): 4 KiB space */
    bool express;

    char *name;      /* type name, for messages */
    bool registered; /* holds bus->devices[devfn] */
    uint32_t config_size;
    uint8_t *config;
    uint8_t *wmask;
    uint8_t *w1cmask;
    uint8_t *used;         /* nonzero: byte is header or capability */
    uint8_t *reset_config; /* the space as realize left it (reset values) */
    PCIBar bars[PCI_NUM_BARS];
    AddressSpace *dma_as;
    PCIMSIX msix;
    unsigned resets; /* function-level and device resets done */
};

struct PCIDeviceClass {
    DeviceClass parent_class;

    /* header values */
    uint16_t vendor_id;
    uint16_t device_id;
    uint8_t revision;
    uint16_t class_id; /* base class << 8 | subclass */
    uint8_t prog_if;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
    uint8_t header_type; /* PCI_HEADER_TYPE_NORMAL or _BRIDGE */
    bool is_express;     /* 4 KiB configuration space (see also express) */

    /*
     * After the core claimed the address and filled the header: register
     * BARs, add capabilities, msix_init().  On failure it frees what it
     * made itself (its BAR regions too); the core forgets the BARs and
     * undoes MSI-X.  unrealize runs after
     * the core has unmapped the BARs and removed MSI-X, so it may free
     * the BAR regions.
     */
    bool (*realize)(PCIDevice *dev, Error **errp);
    void (*unrealize)(PCIDevice *dev);
    /*
     * Reset the device's own state (registers, engines); the core has
     * already restored the writable config bits, unmapped the BARs and
     * reset MSI-X.  Used for device reset and function-level reset.
     */
    void (*reset)(PCIDevice *dev);
    /* config space access (default: pci_config_default_read/write) */
    uint32_t (*config_read)(PCIDevice *dev, uint32_t addr, unsigned len);
    void (*config_write)(PCIDevice *dev, uint32_t addr, uint32_t val,
                         unsigned len);
};

static inline PCIDevice *PCI_DEVICE(void *obj)
{
    return OBJECT_CHECK(PCIDevice, obj, TYPE_PCI_DEVICE);
}

static inline PCIDeviceClass *PCI_DEVICE_CLASS(void *klass)
{
    return OBJECT_CLASS_CHECK(PCIDeviceClass, klass, TYPE_PCI_DEVICE);
}

static inline PCIDeviceClass *PCI_DEVICE_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(PCIDeviceClass, obj, TYPE_PCI_DEVICE);
}

/* "0000:00:03.0" style address (g_free it). */
char *pci_device_address(PCIDevice *dev);

/* ---- config space: access by the bus owner ---- */

/*
 * @len 1, 2 or 4, any offset.  Bytes beyond the space read as 0 and
 * are not written.  Little endian: byte @addr is bits 0-7.
 */
uint32_t pci_config_read(PCIDevice *dev, uint32_t addr, unsigned len);
void pci_config_write(PCIDevice *dev, uint32_t addr, uint32_t val,
                      unsigned len);
/* What the class hooks default to (masks, W1C, BAR/command/FLR effects). */
uint32_t pci_config_default_read(PCIDevice *dev, uint32_t addr, unsigned len);
void pci_config_default_write(PCIDevice *dev, uint32_t addr, uint32_t val,
                              unsigned len);

/* ---- config space: set-up by device code (no masks applied) ---- */

static inline uint64_t pci_le_get(const uint8_t *p, unsigned len)
{
    uint64_t v = 0;

    while (len--) {
        v = v << 8 | p[len];
    }
    return v;
}

static inline void pci_le_set(uint8_t *p, unsigned len, uint64_t v)
{
    unsigned i;

    for (i = 0; i < len; i++, v >>= 8) {
        p[i] = (uint8_t)v;
    }
}

static inline uint64_t pci_get(PCIDevice *dev, uint32_t off, unsigned len)
{
    return pci_le_get(dev->config + off, len);
}

static inline void pci_set(PCIDevice *dev, uint32_t off, unsigned len,
                           uint64_t v)
{
    pci_le_set(dev->config + off, len, v);
}

/* Writable bits of @len bytes at @off (W1C bits there are dropped). */
void pci_set_wmask(PCIDevice *dev, uint32_t off, unsigned len, uint64_t mask);
/* Write-1-to-clear bits (writable bits there are dropped). */
void pci_set_w1cmask(PCIDevice *dev, uint32_t off, unsigned len, uint64_t mask);

/* ---- BARs ---- */

/*
 * Register BAR @n backed by @mr (size a power of two, >= 16 for memory,
 * >= 4 for I/O).  @type: PCI_BASE_ADDRESS_SPACE_IO, or memory with
 * PCI_BASE_ADDRESS_MEM_TYPE_64 and/or _PREFETCH.  A 64-bit BAR also
 * takes register @n + 1.  Sizing works as the spec says: write all-ones,
 * read back ~(size - 1) | type bits.
 */
void pci_register_bar(PCIDevice *dev, int n, uint8_t type, MemoryRegion *mr);
/* The address programmed into BAR @n (type bits removed). */
uint64_t pci_bar_address(PCIDevice *dev, int n);
/* The region of BAR @n, or NULL when it is not registered. */
MemoryRegion *pci_bar_region(PCIDevice *dev, int n);
uint64_t pci_bar_size(PCIDevice *dev, int n);

/* ---- capabilities ---- */

/*
 * Add a standard capability of @size bytes at @offset (0: the first free
 * dword-aligned space after the header).  Its id and next bytes are
 * read-only; it is linked at the end of the list.  Returns the offset,
 * 0 with an error when it does not fit or overlaps.
 */
uint8_t pci_add_capability(PCIDevice *dev, uint8_t id, uint8_t offset,
                           uint8_t size, Error **errp);
/* Offset of the first capability @id, 0 when absent. */
uint8_t pci_find_capability(PCIDevice *dev, uint8_t id);
/* Same as pci_add_capability for the extended space (is_express only). */
uint16_t pci_add_ext_capability(PCIDevice *dev, uint16_t id, uint8_t version,
                                uint16_t offset, uint16_t size, Error **errp);
uint16_t pci_find_ext_capability(PCIDevice *dev, uint16_t id);

/*
 * Function-level reset capabilities: a PCI Express endpoint capability
 * (version 2) with FLR in Device Capabilities, or an Advanced Features
 * capability with FLR.  Writing Initiate FLR resets the function.
 */
uint8_t pci_add_express_endpoint_cap(PCIDevice *dev, bool flr, Error **errp);
uint8_t pci_add_af_cap(PCIDevice *dev, Error **errp);

/* ---- reset ---- */

/*
 * Reset the function: writable and W1C config bits back to their
 * values after realize, BARs unmapped, MSI-X reset, then the class's
 * reset.  This is what a function-level reset and a device reset do.
 */
void pci_device_reset(PCIDevice *dev);

/* ---- DMA and messages: only through the bus owner ---- */

typedef uint64_t dma_addr_t;

/* The function's DMA address space (NULL: the bus owner gave none). */
AddressSpace *pci_get_dma_as(PCIDevice *dev);
/*
 * Access @len bytes at @addr of the DMA address space.  Fails with
 * MEMTX_DECODE_ERROR without an address space or while Bus Master
 * Enable is clear (nothing is accessed then).
 */
MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write);

static inline MemTxResult pci_dma_read(PCIDevice *dev, dma_addr_t addr,
                                       void *buf, dma_addr_t len)
{
    return pci_dma_rw(dev, addr, buf, len, false);
}

static inline MemTxResult pci_dma_write(PCIDevice *dev, dma_addr_t addr,
                                        const void *buf, dma_addr_t len)
{
    return pci_dma_rw(dev, addr, (void *)buf, len, true);
}

/* Send an MSI message (dropped while Bus Master Enable is clear). */
void pci_msi_send(PCIDevice *dev, uint64_t addr, uint32_t data);

#endif
