/*
 * What a PCI function backed by a host function (vfio-pci) tells zPCI:
 * the "zpci-host-function" QOM interface, and the simulated function
 * groups made for the host's groups (docs/devel/zpci-internals.rst).
 *
 * The bridge asks a PCI function implementing the interface when it
 * attaches it to its zpci (the function then becomes the owner of its
 * DMA space, gives the zpci its DMA range and lowers the DMA budget to
 * the host's), when it detaches
 * it, when CLP Query PCI Function answers for it (the host's BASE, UTIL,
 * PFIP values) and when the guest disables the function (the host
 * function is reset).
 */
#ifndef HW_S390X_ZPCI_HOSTFN_H
#define HW_S390X_ZPCI_HOSTFN_H

#include "qom/object.h"
#include "hw/s390x/clp.h"

#define TYPE_ZPCI_HOST_FN "zpci-host-function"

typedef struct ZpciDevice ZpciDevice;

typedef struct ZpciHostFnClass {
    InterfaceClass parent_class;

    /*
     * @z took the function (its DMA space is z->dma, may be NULL); it may
     * set z->sdma/edma (its DMA range) and lower z->dma_budget
     */
    void (*attached)(Object *obj, ZpciDevice *z);
    /* ... and let it go (unplug, zpci replaced) */
    void (*detached)(Object *obj, ZpciDevice *z);
    /* Query PCI Function: @f holds the emulated answer; change it */
    void (*query)(Object *obj, ClpFunctionInfo *f);
    /* The guest disabled the function (CLP disable, deconfigure) */
    void (*disabled)(Object *obj);
} ZpciHostFnClass;

/* The class of @obj's interface, NULL when it does not implement it */
ZpciHostFnClass *zpci_host_fn_get_class(Object *obj);

/*
 * Simulated function groups: one per host group, numbered from
 * ZPCI_SIM_GROUP_FIRST as QEMU does.  The group for host group @host_gid
 * with the attributes @g (the first function of that host group decides
 * them); 0 when all are taken (the caller uses the default group).
 */
#define ZPCI_SIM_GROUP_FIRST 0xf0
#define ZPCI_SIM_GROUP_LAST  0xfd
uint8_t zpci_group_for_host(uint8_t host_gid, const ClpGroupInfo *g);
/* The attributes of simulated group @pfgid; false when it is not one */
bool zpci_group_lookup(uint8_t pfgid, ClpGroupInfo *g);
/* The attributes of the default group (QEMU's, for emulated functions) */
ClpGroupInfo zpci_group_default(void);

#endif
