/*
 * The zpci-host-function interface and the simulated function groups
 * (include/hw/s390x/zpci-hostfn.h).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-hostfn.h"

ZpciHostFnClass *zpci_host_fn_get_class(Object *obj)
{
    ObjectClass *oc = object_class_dynamic_cast(object_get_class(obj),
                                                TYPE_ZPCI_HOST_FN);

    return (ZpciHostFnClass *)oc;
}

typedef struct SimGroup {
    bool used;
    uint8_t host_gid;
    ClpGroupInfo info;
} SimGroup;

/* Indexed by pfgid - ZPCI_SIM_GROUP_FIRST; they live as long as QEMU */
static SimGroup sim_groups[ZPCI_SIM_GROUP_LAST - ZPCI_SIM_GROUP_FIRST + 1];

uint8_t zpci_group_for_host(uint8_t host_gid, const ClpGroupInfo *g)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(sim_groups); i++) {
        SimGroup *sg = &sim_groups[i];

        if (!sg->used) {
            sg->used = true;
            sg->host_gid = host_gid;
            sg->info = *g;
        }
        if (sg->host_gid == host_gid) {
            return ZPCI_SIM_GROUP_FIRST + i;
        }
    }
    return 0;
}

bool zpci_group_lookup(uint8_t pfgid, ClpGroupInfo *g)
{
    unsigned i = pfgid - ZPCI_SIM_GROUP_FIRST;

    if (pfgid < ZPCI_SIM_GROUP_FIRST || i >= G_N_ELEMENTS(sim_groups) ||
        !sim_groups[i].used) {
        return false;
    }
    *g = sim_groups[i].info;
    return true;
}

static const TypeInfo zpci_host_fn_types[] = {
    {
        .name = TYPE_ZPCI_HOST_FN,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(ZpciHostFnClass),
    },
};

DEFINE_TYPES(zpci_host_fn_types)

ClpGroupInfo zpci_group_default(void)
{
    return (ClpGroupInfo){
        .noi = ZPCI_GROUP_NOI,
        .refresh = true,
        .maxstbl = ZPCI_GROUP_MAXSTBL,
        .mui = ZPCI_GROUP_MUI_MS,
        .dtsm = ZPCI_GROUP_DTSM,
        .msia = ZPCI_MSI_ADDR,
    };
}
