/*
 * The address map's view of a vfio-pci function (include/hw/vfio/pci-map.h).
 */
#include "qemu/osdep.h"
#include "hw/vfio/pci-map.h"
#include "pci-int.h"

bool vfio_pci_map_info(Object *obj, VFIOPCIMapInfo *info)
{
    VFIOPCIDevice *v = (VFIOPCIDevice *)object_dynamic_cast(obj, TYPE_VFIO_PCI);

    if (!v || !v->h || !v->ops) {
        return false;
    }
    *info = (VFIOPCIMapInfo){
        .host = v->id,
        .backend = v->ops->name,
        .dma_maps = v->dma_maps,
        .vectors = v->nvec,
    };
    return true;
}
