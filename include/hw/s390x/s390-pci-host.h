/*
 * The s390 PCI host bridge ("s390-pcihost", /machine/s390-pcihost) and the
 * zpci devices that give PCI functions their s390 identity.
 *
 * The bridge owns two buses: the PCI root bus "pci.0" that PCI devices
 * (and pci-bridges) plug into, and the zpci bus "s390-pcibus.0" where
 * "zpci" devices live.  A zpci device names its PCI device by id
 * (target=); a PCI device plugged without one gets an automatic zpci.
 * See docs/system/s390x/zpci.rst for the user's view and
 * docs/devel/zpci-internals.rst for the numbering.
 */
#ifndef HW_S390X_S390_PCI_HOST_H
#define HW_S390X_S390_PCI_HOST_H

#include "hw/qdev-core.h"
#include "hw/pci/pci.h"
#include "hw/s390x/zpci-ids.h"
#include "hw/s390x/clp.h"
#include "exec/memory.h"
#include "hw/s390x/zpci-dma.h"
#include "hw/s390x/zpci-fmb.h"

#define TYPE_S390_PCI_HOST "s390-pcihost"
#define TYPE_S390_PCI_BUS  "s390-pcibus"
#define TYPE_ZPCI_DEVICE   "zpci"

/* Function handle bits (ZPCI_FH_*): clp.h */
#define ZPCI_NR_INDEXES (ZPCI_FH_INDEX + 1)

/* The MSI address of the default group (msia): MSI-X messages go here */
#define ZPCI_MSI_ADDR 0xfe00000000000000ull

/* The one function group every emulated function belongs to (QEMU's). */
#define ZPCI_DEFAULT_PFGID 0xff
/* Interruptions (MSI-X vectors) a function of the group may register */
#define ZPCI_GROUP_NOI 128
/* The largest PCI STORE BLOCK of the group, in bytes */
#define ZPCI_GROUP_MAXSTBL 128
/* The same group with relaxed translation allowed (relaxed-translation=on) */
#define ZPCI_RELAXED_PFGID 0xfe

/*
 * The DMA aperture every function reports in CLP Query PCI Function, and
 * the designation types of its group (region-third only): what MPCIFC
 * register I/O address translation accepts.
 */
#define ZPCI_GROUP_DTSM ZPCI_DTSM_BIT(ZPCI_DMA_LEVEL_REGION3)
#define ZPCI_FN_SDMA    0x100000000ull
#define ZPCI_FN_EDMA    0x1ffffffffffffffull

/* The function states of the architecture. */
typedef enum ZpciState {
    ZPCI_FS_RESERVED,        /* no PCI function behind the zpci device */
    ZPCI_FS_STANDBY,         /* present, not configured to the guest */
    ZPCI_FS_DISABLED,        /* configured, handle not enabled */
    ZPCI_FS_ENABLED,         /* configured and enabled */
    ZPCI_FS_BLOCKED,         /* enabled, loads/stores blocked */
    ZPCI_FS_ERROR,           /* enabled, in the error state */
    ZPCI_FS_PERMANENT_ERROR, /* configured, unusable until deconfigured */
} ZpciState;

/*
 * Where a function's DMA goes: one ZpciDmaSpace (zpci-dma.h: an IOMMU
 * region translating through the IOTLB that RPCIT loads) per function,
 * created when the function is realized (the PCI core asks for it then)
 * and freed at unplug; the bridge keeps them by (bus, devfn).  Without a
 * registered translation every access faults.
 */

/* Adapter-interruption registration (MPCIFC function 1). */
typedef struct ZpciAdapterIrq {
    bool registered;
    bool sum; /* summary bit enabled */
    uint8_t isc;
    uint16_t noi;    /* number of interruptions (vectors) */
    uint64_t aibv;   /* adapter interruption bit vector address */
    uint8_t aibvo;   /* its bit offset */
    uint64_t aisb;   /* summary bit address */
    uint8_t aisbo;   /* its bit offset */
    uint32_t raised; /* summary bits set from clear (interruptions due) */
} ZpciAdapterIrq;

typedef struct ZpciDevice {
    DeviceState parent_obj;

    /* properties */
    uint16_t uid;
    uint32_t fid;
    bool fid_given;
    char *target;
    bool interpret;
    bool forwarding_assist;
    bool relaxed_translation; /* the function may turn translation off */
    uint32_t dma_budget;      /* most IOTLB mappings (RPCIT status 16) */
    uint64_t rpcit_walks;     /* most table walks one RPCIT makes */

    bool automatic;    /* created by the bridge for a PCI device */
    bool ids_held;     /* uid and fid are reserved */
    uint32_t idx;      /* handle index (chosen at pre-plug) */
    bool idx_held;     /* idx is in the bridge's table */
    GList *zdevs_link; /* its entry in the bridge's zdevs, while idx_held */
    uint32_t fh;       /* function handle */
    ZpciState state;
    bool unplug_requested; /* device_del: waits for the guest's deconfigure */
    PCIDevice *pdev;       /* the target, once plugged; NULL: reserved */
    ZpciDmaSpace *dma;
    /*
     * The function's DMA range (Query PCI Function's start/end DMA; MPCIFC
     * registers apertures inside it): ZPCI_FN_SDMA..ZPCI_FN_EDMA, or what
     * a host function says at attach (vfio-pci: its host's, clamped to
     * the host's IOVA ranges).
     */
    uint64_t sdma, edma;
    /* what PCI LOAD/STORE reach: each implemented BAR's region tree */
    AddressSpace bar_as[PCI_NUM_BARS];
    uint8_t bar_as_live; /* bit n: bar_as[n] initialized */
    ZpciAdapterIrq airq;
    /* I/O address translation as registered (MPCIFC 4/6, for the DMA step) */
    bool ioat_registered;
    uint64_t pba, pal, iota;
    ZpciFmb fmb; /* function measurement (zpci-fmb.c) */
    /* the PCHID its multi-function slot reports (s390-pci-mf.c) */
    bool mf_pchid_set;
    uint16_t mf_pchid;
} ZpciDevice;

static inline ZpciDevice *ZPCI_DEVICE(void *obj)
{
    return OBJECT_CHECK(ZpciDevice, obj, TYPE_ZPCI_DEVICE);
}

typedef struct S390PciHost {
    DeviceState parent_obj;

    PCIBus *bus;    /* pci.0 */
    BusState *zbus; /* s390-pcibus.0 */
    ZpciIds ids;
    GHashTable *by_idx;    /* handle index -> ZpciDevice */
    GQueue zdevs;          /* ZpciDevice in plug order (CLP List order) */
    GHashTable *by_target; /* target id -> first ZpciDevice in zdevs with it */
    unsigned target_dups;  /* zdevs entries sharing a target with another */
    GHashTable *dma;       /* "bus/devfn" -> ZpciDmaSpace */
    uint32_t next_idx;     /* where the next index search starts */
} S390PciHost;

static inline S390PciHost *S390_PCI_HOST(void *obj)
{
    return OBJECT_CHECK(S390PciHost, obj, TYPE_S390_PCI_HOST);
}

/* Create the bridge and both buses (machine init). */
S390PciHost *s390_pci_host_init(Error **errp);
/* The machine's bridge, NULL before s390_pci_host_init(). */
S390PciHost *s390_pci_host_get(void);

/* --- lookups for the instructions --- */
ZpciDevice *s390_pci_find_by_idx(S390PciHost *h, uint32_t idx);
/* The zpci whose handle is @fh exactly (enable bit included). */
ZpciDevice *s390_pci_find_by_fh(S390PciHost *h, uint32_t fh);
ZpciDevice *s390_pci_find_by_fid(S390PciHost *h, uint32_t fid);
ZpciDevice *s390_pci_find_by_target(S390PciHost *h, const char *target);
/* The zpci a PCI function is attached to, NULL if none. */
ZpciDevice *s390_pci_find_by_pdev(S390PciHost *h, PCIDevice *pdev);

/* The bridge forgets @z (its index and list place); zpci unrealize. */
void s390_pci_host_forget(S390PciHost *h, ZpciDevice *z);
/*
 * Finish the unplug of @z and its PCI function (requested by device_del,
 * now deconfigured by the guest): the guest is told standby -> reserved,
 * both devices go (DEVICE_DELETED).  @z is freed.
 */
void s390_pci_host_complete_unplug(S390PciHost *h, ZpciDevice *z);

/* --- multi-function slots (s390-pci-mf.c) --- */
/*
 * Whether slot @slot of @bus holds a multi-function device: a function
 * other than 0, or one with multifunction=on.
 */
bool s390_pci_slot_is_multi(PCIBus *bus, int slot);
/*
 * What device_del of @pdev removes: every PCI function (not bridge) of
 * its slot when that is multi-function, else @pdev alone; into @out in
 * descending function order (function 0 last).  Their number.
 */
unsigned s390_pci_slot_unit(PCIDevice *pdev, PCIDevice *out[PCI_FUNC_MAX]);
/*
 * Query PCI Function of @z's function (@f holds the answer so far, its
 * host PCHID included): in a multi-function slot, RID available with the
 * function's devfn on its zPCI bus (slot 0) and one PCHID for the whole
 * slot that no other function reports; elsewhere no RID.
 */
void s390_pci_mf_query(S390PciHost *h, ZpciDevice *z, ClpFunctionInfo *f);

/* --- zpci device life (zpci-device.c, used by the bridge) --- */
/* Attach @pdev (plugged) to @z: state configured-disabled, handle kind. */
void zpci_attach(ZpciDevice *z, PCIDevice *pdev, ZpciDmaSpace *dma);
/* Detach its PCI function: back to reserved, handle disabled. */
void zpci_detach(ZpciDevice *z);
/* The address space of BAR @n of an attached function, NULL if none. */
AddressSpace *zpci_bar_as(ZpciDevice *z, int n);
/* Whether the function is configured (disabled, enabled, ... states). */
bool zpci_is_configured(const ZpciDevice *z);
/* Enable / disable the handle (CLP Set PCI Function). */
void zpci_enable(ZpciDevice *z);
void zpci_disable(ZpciDevice *z);
const char *zpci_state_name(ZpciState s);
/*
 * An MSI-X message of @z's function (zpci-airq.c): sets the AIBV and
 * AISB bits when it is for the MSI address, the function is enabled and
 * interruptions are registered.  Whether it was taken.
 */
bool zpci_airq_deliver(ZpciDevice *z, uint64_t addr, uint32_t data);
/*
 * An enabled (or blocked) function enters the error state, as a DMA
 * fault makes it; false in any other state.
 */
bool zpci_set_error(ZpciDevice *z);
/*
 * The same, and the guest gets an error event (@pec, failing address
 * @faddr) for the function; false (no event) in any other state, the
 * error state included: one event per entry into the error state.
 */
bool zpci_report_error(ZpciDevice *z, uint16_t pec, uint64_t faddr);
/* SCLP configure (standby -> configured, disabled) / deconfigure (any
 * configured state -> standby: disabled, registrations dropped). */
void zpci_configure(ZpciDevice *z);
void zpci_deconfigure(ZpciDevice *z);

#endif
