/*
 * The s390 PCI host bridge: the PCI root bus pci.0, the zpci bus, the
 * per-function DMA address spaces, and the plug rules that pair every
 * PCI function with a zpci device.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/hotplug.h"
#include "hw/pci/pci-bridge.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-event.h"

static S390PciHost *the_host;

S390PciHost *s390_pci_host_get(void)
{
    return the_host;
}

/* ---- lookups ---- */

ZpciDevice *s390_pci_find_by_idx(S390PciHost *h, uint32_t idx)
{
    return g_hash_table_lookup(h->by_idx, GUINT_TO_POINTER(idx));
}

ZpciDevice *s390_pci_find_by_fh(S390PciHost *h, uint32_t fh)
{
    ZpciDevice *z = s390_pci_find_by_idx(h, fh & ZPCI_FH_INDEX);

    return z && z->fh == fh ? z : NULL;
}

/* First zpci in plug order for which @match holds. */
static ZpciDevice *host_find(S390PciHost *h,
                             bool (*match)(ZpciDevice *, const void *),
                             const void *key)
{
    for (GList *l = h->zdevs.head; l; l = l->next) {
        if (match(l->data, key)) {
            return l->data;
        }
    }
    return NULL;
}

static bool match_fid(ZpciDevice *z, const void *key)
{
    return z->ids_held && z->fid == *(const uint32_t *)key;
}

static bool match_target(ZpciDevice *z, const void *key)
{
    return z->target && !strcmp(z->target, key);
}

/* by_target holds the first zpci in plug order of each target. */
static void host_index_target(S390PciHost *h, ZpciDevice *z)
{
    if (!z->target) {
        return;
    }
    if (g_hash_table_contains(h->by_target, z->target)) {
        h->target_dups++;
    } else {
        g_hash_table_insert(h->by_target, z->target, z);
    }
}

static void host_unindex_target(S390PciHost *h, ZpciDevice *z)
{
    ZpciDevice *next;

    if (!z->target) {
        return;
    }
    if (g_hash_table_lookup(h->by_target, z->target) != z) {
        h->target_dups--;
        return;
    }
    g_hash_table_remove(h->by_target, z->target);
    next = h->target_dups ? host_find(h, match_target, z->target) : NULL;
    if (next) {
        h->target_dups--;
        g_hash_table_insert(h->by_target, next->target, next);
    }
}

static bool match_pdev(ZpciDevice *z, const void *key)
{
    return z->pdev == key;
}

ZpciDevice *s390_pci_find_by_fid(S390PciHost *h, uint32_t fid)
{
    return host_find(h, match_fid, &fid);
}

ZpciDevice *s390_pci_find_by_target(S390PciHost *h, const char *target)
{
    return g_hash_table_lookup(h->by_target, target);
}

ZpciDevice *s390_pci_find_by_pdev(S390PciHost *h, PCIDevice *pdev)
{
    return host_find(h, match_pdev, pdev);
}

/* ---- DMA address spaces, one per function ---- */

static char *dma_key(PCIBus *bus, int devfn)
{
    return g_strdup_printf("%p/%d", (void *)bus, devfn);
}

static AddressSpace *host_get_dma_as(PCIBus *bus, int devfn, void *opaque)
{
    S390PciHost *h = opaque;
    g_autofree char *key = dma_key(bus, devfn);
    ZpciDmaSpace *d = g_hash_table_lookup(h->dma, key);

    if (!d) {
        g_autofree char *name = g_strdup_printf("zpci-dma-%s", key);

        d = zpci_dma_space_new(name, &address_space_memory);
        g_hash_table_insert(h->dma, g_steal_pointer(&key), d);
    }
    return zpci_dma_space_as(d);
}

static ZpciDmaSpace *host_dma_of(S390PciHost *h, PCIDevice *pdev)
{
    g_autofree char *key = dma_key(pci_get_bus(pdev), pdev->devfn);

    return g_hash_table_lookup(h->dma, key);
}

static void dma_space_free(gpointer p)
{
    zpci_dma_space_free(p);
}

static void host_drop_dma(S390PciHost *h, PCIBus *bus, int devfn)
{
    g_autofree char *key = dma_key(bus, devfn);

    g_hash_table_remove(h->dma, key);
}

/* MSI-X messages become adapter interruptions (zpci-airq.c). */
static void host_msi_notify(PCIBus *bus, int devfn, PCIDevice *dev,
                            uint64_t addr, uint32_t data, void *opaque)
{
    ZpciDevice *z = s390_pci_find_by_pdev(opaque, dev);

    if (z) {
        zpci_airq_deliver(z, addr, data);
    }
}

/*
 * A DMA of an emulated function went through: its FMB counts the bytes.
 * Every plugged function has an id naming its zpci (hashed): no walk of
 * the zpci list on each DMA.
 */
static void host_dma_done(PCIBus *bus, int devfn, PCIDevice *dev, uint64_t len,
                          bool is_write, void *opaque)
{
    const char *id = DEVICE(dev)->id;
    ZpciDevice *z = id ? s390_pci_find_by_target(opaque, id) : NULL;

    if (z && z->pdev == dev) {
        zpci_fmb_count_dma(z, len, is_write);
    }
}

static const PCIBusOps host_bus_ops = {
    .get_dma_as = host_get_dma_as,
    .msi_notify = host_msi_notify,
    .dma_done = host_dma_done,
};

/* ---- zpci devices: handle indexes and the plug-order list ---- */

/* The next free index, searching round-robin from next_idx. */
static bool host_pick_idx(S390PciHost *h, uint32_t *idx)
{
    uint32_t i = h->next_idx;

    for (unsigned n = 0; n < ZPCI_NR_INDEXES; n++) {
        if (!s390_pci_find_by_idx(h, i)) {
            *idx = i;
            return true;
        }
        i = (i + 1) & ZPCI_FH_INDEX;
    }
    return false;
}

/* A plugged PCI function (not a bridge) whose id is @id, below @bus. */
static PCIDevice *walk_pdev_by_id(PCIBus *bus, const char *id)
{
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        PCIDevice *d = pci_bus_get_device(bus, devfn);
        PCIDevice *found = NULL;

        if (!d || !DEVICE(d)->realized) {
            continue;
        }
        if (object_dynamic_cast(OBJECT(d), TYPE_PCI_BRIDGE)) {
            found = walk_pdev_by_id(pci_bridge_get_sec_bus(PCI_BRIDGE(d)), id);
        } else if (DEVICE(d)->id && !strcmp(DEVICE(d)->id, id)) {
            found = d;
        }
        if (found) {
            return found;
        }
    }
    return NULL;
}

/* Whether walk_pdev_by_id(@root, ...) visits @d. */
static bool pdev_reachable(PCIBus *root, PCIDevice *d)
{
    for (;;) {
        PCIBus *bus = pci_get_bus(d);

        if (!bus || !DEVICE(d)->realized || bus->devices[d->devfn] != d) {
            return false;
        }
        if (bus == root) {
            return true;
        }
        if (!bus->bridge) {
            return false;
        }
        d = bus->bridge;
    }
}

/*
 * The walk in constant time: an id a user gave is unique and names a
 * device in /machine/peripheral; only the "auto_" ids the bridge makes
 * can be shared or stand outside it, and those are walked for.
 */
static PCIDevice *find_pdev_by_id(PCIBus *root, const char *id)
{
    Object *obj;
    PCIDevice *d;

    if (g_str_has_prefix(id, "auto_")) {
        return walk_pdev_by_id(root, id);
    }
    obj = object_resolve_path_component(qdev_get_peripheral(), id);
    d = obj ? (PCIDevice *)object_dynamic_cast(obj, TYPE_PCI_DEVICE) : NULL;
    if (!d || object_dynamic_cast(obj, TYPE_PCI_BRIDGE) ||
        !pdev_reachable(root, d)) {
        return NULL;
    }
    return d;
}

static bool host_zpci_plug(S390PciHost *h, ZpciDevice *z, Error **errp)
{
    PCIDevice *pdev;

    h->next_idx = (z->idx + 1) & ZPCI_FH_INDEX;
    z->fh = z->idx;
    g_hash_table_insert(h->by_idx, GUINT_TO_POINTER(z->idx), z);
    z->idx_held = true;
    g_queue_push_tail(&h->zdevs, z);
    z->zdevs_link = h->zdevs.tail;
    host_index_target(h, z);
    /* an explicit zpci after its target: take the function now */
    pdev = find_pdev_by_id(h->bus, z->target);
    if (pdev && !s390_pci_find_by_pdev(h, pdev)) {
        zpci_attach(z, pdev, host_dma_of(h, pdev));
        if (DEVICE(z)->hotplugged) {
            zpci_event_post_avail(ZPCI_PEC_TO_CONFIGURED, z->fh, z->fid);
        }
    }
    return true;
}

void s390_pci_host_forget(S390PciHost *h, ZpciDevice *z)
{
    if (z->idx_held) {
        g_hash_table_remove(h->by_idx, GUINT_TO_POINTER(z->idx));
        host_unindex_target(h, z);
        g_queue_delete_link(&h->zdevs, z->zdevs_link);
        z->zdevs_link = NULL;
        z->idx_held = false;
    }
}

/* ---- PCI functions ---- */

/* The automatic zpci of a PCI function plugged without one. */
static ZpciDevice *host_new_auto_zpci(S390PciHost *h, const char *target,
                                      Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_ZPCI_DEVICE);
    Error *err = NULL;

    ZPCI_DEVICE(dev)->automatic = true;
    if (!object_property_set_str(OBJECT(dev), "target", target, &err) ||
        !qdev_realize_and_unref(dev, h->zbus, &err)) {
        error_prepend(&err, "zPCI device could not be created: ");
        error_propagate(errp, err);
        if (!OBJECT(dev)->parent) {
            object_unref(OBJECT(dev));
        }
        return NULL;
    }
    return ZPCI_DEVICE(dev);
}

static void host_destroy_zpci(ZpciDevice *z)
{
    qdev_unrealize(DEVICE(z));
    object_unparent(OBJECT(z));
}

static void number_bridges(PCIBus *bus, unsigned *next);

static bool host_plug_bridge(S390PciHost *h, PCIDevice *pdev)
{
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(pdev));
    unsigned next = 0;

    pci_bus_set_ops(sec, &host_bus_ops, h);
    qbus_set_hotplug_handler(&sec->qbus, OBJECT(h));
    /*
     * Numbered at once, as QEMU's s390 bridge does at plug: query-pci
     * and the address map show the buses before the first reset.  The
     * guest never sees bridges (zPCI functions stand alone), so the
     * numbers may change.
     */
    number_bridges(h->bus, &next);
    return true;
}

static bool host_plug_function(S390PciHost *h, PCIDevice *pdev, Error **errp)
{
    DeviceState *dev = DEVICE(pdev);
    ZpciDevice *z;
    bool created = false;

    if (!dev->id) {
        /* QEMU's rule: an id made of the function's address */
        dev->id = g_strdup_printf("auto_%02x:%02x.%01x",
                                  pci_bus_num(pci_get_bus(pdev)),
                                  PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn));
    }
    z = s390_pci_find_by_target(h, dev->id);
    if (!z) {
        z = host_new_auto_zpci(h, dev->id, errp);
        if (!z) {
            return false;
        }
        created = true;
    }
    zpci_attach(z, pdev, host_dma_of(h, pdev));
    if (!pdev->msix.nvec) {
        error_setg(errp, "MSI-X support is mandatory in the S390 architecture");
        zpci_detach(z);
        if (created) {
            host_destroy_zpci(z);
        }
        return false;
    }
    if (dev->hotplugged) {
        /* the guest learns of it: reserved -> configured */
        zpci_event_post_avail(ZPCI_PEC_TO_CONFIGURED, z->fh, z->fid);
    }
    return true;
}

/* ---- hot-plug handler of both buses ---- */

static bool host_pre_plug(HotplugHandler *hh, DeviceState *dev, Error **errp)
{
    S390PciHost *h = S390_PCI_HOST(hh);

    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_DEVICE)) {
        /* multi-function devices too (QEMU refuses them on s390) */
        return true;
    }
    if (!host_pick_idx(h, &ZPCI_DEVICE(dev)->idx)) {
        error_setg(errp, "no slot for plugging zpci device");
        return false;
    }
    return true;
}

static bool host_plug(HotplugHandler *hh, DeviceState *dev, Error **errp)
{
    S390PciHost *h = S390_PCI_HOST(hh);

    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE)) {
        return host_plug_bridge(h, PCI_DEVICE(dev));
    }
    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_DEVICE)) {
        return host_plug_function(h, PCI_DEVICE(dev), errp);
    }
    return host_zpci_plug(h, ZPCI_DEVICE(dev), errp);
}

/*
 * Removal of a zpci and its PCI function, both at once (either may be
 * NULL): the PCI device first, as QEMU.  With @report, the guest is told
 * that a function it could see (standby) became reserved.
 */
static void host_remove(S390PciHost *h, ZpciDevice *z, PCIDevice *pdev,
                        bool report)
{
    if (z && z->pdev) {
        if (report) {
            zpci_event_post_avail(ZPCI_PEC_TO_RESERVED, z->fh, z->fid);
        }
        zpci_detach(z);
    }
    if (pdev) {
        PCIBus *bus = pci_get_bus(pdev);
        int devfn = pdev->devfn;

        qdev_unrealize(DEVICE(pdev));
        host_drop_dma(h, bus, devfn);
        object_unparent(OBJECT(pdev));
    }
    if (z) {
        host_destroy_zpci(z);
    }
}

void s390_pci_host_complete_unplug(S390PciHost *h, ZpciDevice *z)
{
    host_remove(h, z, z->pdev, true);
}

/*
 * One function and its zpci: a function the guest has configured is
 * asked to go first (PEC 0x0303, again on every request, as QEMU); its
 * SCLP deconfigure (or a system reset) completes the removal.  Reserved
 * and standby ones go at once.
 */
static void host_unplug_one(S390PciHost *h, ZpciDevice *z, PCIDevice *pdev)
{
    if (z && zpci_is_configured(z)) {
        z->unplug_requested = true;
        zpci_event_post_avail(ZPCI_PEC_DECONFIG_REQ, z->fh, z->fid);
        return;
    }
    host_remove(h, z, pdev, true);
}

/* The zpci device_del names and its function (either may be NULL) */
static void host_unplug_target(S390PciHost *h, DeviceState *dev, ZpciDevice **z,
                               PCIDevice **pdev)
{
    if (object_dynamic_cast(OBJECT(dev), TYPE_ZPCI_DEVICE)) {
        *z = ZPCI_DEVICE(dev);
        *pdev = (*z)->pdev;
    } else {
        *pdev = PCI_DEVICE(dev);
        *z = s390_pci_find_by_pdev(h, *pdev);
    }
}

/*
 * device_del of a PCI function or of its zpci: both go; of a function
 * of a multi-function slot (or its zpci): every function of the slot,
 * function 0 last, each as above.
 */
static bool host_unplug_request(HotplugHandler *hh, DeviceState *dev,
                                Error **errp)
{
    S390PciHost *h = S390_PCI_HOST(hh);
    PCIDevice *unit[PCI_FUNC_MAX];
    ZpciDevice *z = NULL;
    PCIDevice *pdev = NULL;
    unsigned n;

    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE)) {
        /* as QEMU: the functions behind it would lose their bus */
        error_setg(errp, "PCI bridge hot unplug currently not supported");
        return false;
    }
    host_unplug_target(h, dev, &z, &pdev);
    if (!pdev) {
        host_remove(h, z, NULL, true);
        return true;
    }
    n = s390_pci_slot_unit(pdev, unit);
    for (unsigned i = 0; i < n; i++) {
        PCIDevice *d = unit[i];

        host_unplug_one(h, d == pdev ? z : s390_pci_find_by_pdev(h, d), d);
    }
    return true;
}

/*
 * Removal now, whatever the guest's state (a multi-function device_add
 * undoing the functions it made): the guest is told the function went.
 */
static bool host_unplug(HotplugHandler *hh, DeviceState *dev, Error **errp)
{
    S390PciHost *h = S390_PCI_HOST(hh);
    ZpciDevice *z = NULL;
    PCIDevice *pdev = NULL;

    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE)) {
        error_setg(errp, "PCI bridge hot unplug currently not supported");
        return false;
    }
    host_unplug_target(h, dev, &z, &pdev);
    if (z && zpci_is_configured(z)) {
        zpci_deconfigure(z);
    }
    host_remove(h, z, pdev, true);
    return true;
}

/* System reset: the unplugs the guest did not complete are done now. */
static void host_complete_pending_unplugs(S390PciHost *h)
{
    g_autoptr(GPtrArray) due = g_ptr_array_new();

    for (GList *l = h->zdevs.head; l; l = l->next) {
        ZpciDevice *z = l->data;

        if (z->unplug_requested) {
            g_ptr_array_add(due, z);
        }
    }
    for (guint i = 0; i < due->len; i++) {
        ZpciDevice *z = g_ptr_array_index(due, i);

        zpci_deconfigure(z);
        host_remove(h, z, z->pdev, false);
    }
}

/* ---- bridge numbering (as firmware would, at every reset) ---- */

static void number_bridges(PCIBus *bus, unsigned *next)
{
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        PCIDevice *d = pci_bus_get_device(bus, devfn);
        unsigned mine;

        if (!d || !object_dynamic_cast(OBJECT(d), TYPE_PCI_BRIDGE)) {
            continue;
        }
        mine = ++*next;
        pci_bridge_set_bus_numbers(PCI_BRIDGE(d), pci_bus_num(bus), mine, mine);
        number_bridges(pci_bridge_get_sec_bus(PCI_BRIDGE(d)), next);
        pci_bridge_set_bus_numbers(PCI_BRIDGE(d), pci_bus_num(bus), mine,
                                   *next);
    }
}

static void host_reset(DeviceState *dev)
{
    S390PciHost *h = S390_PCI_HOST(dev);
    unsigned next = 0;

    host_complete_pending_unplugs(h);
    /* a new guest starts from CLP List: no events of the previous life */
    zpci_event_reset();
    number_bridges(h->bus, &next);
}

static void host_instance_init(Object *obj)
{
    S390PciHost *h = S390_PCI_HOST(obj);

    zpci_ids_init(&h->ids);
    h->by_idx = g_hash_table_new(g_direct_hash, g_direct_equal);
    h->by_target = g_hash_table_new(g_str_hash, g_str_equal);
    h->dma = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                   dma_space_free);
    g_queue_init(&h->zdevs);
}

static void host_instance_finalize(Object *obj)
{
    S390PciHost *h = S390_PCI_HOST(obj);

    g_hash_table_destroy(h->dma);
    g_hash_table_destroy(h->by_idx);
    g_hash_table_destroy(h->by_target);
    g_queue_clear(&h->zdevs);
    zpci_ids_destroy(&h->ids);
    if (the_host == h) {
        the_host = NULL;
    }
}

static void host_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    dc->desc = "s390 PCI host bridge";
    dc->user_creatable = false;
    dc->hotpluggable = false;
    dc->reset = host_reset;
    hc->pre_plug = host_pre_plug;
    hc->plug = host_plug;
    hc->unplug_request = host_unplug_request;
    hc->unplug = host_unplug;
}

S390PciHost *s390_pci_host_init(Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_S390_PCI_HOST);
    S390PciHost *h = S390_PCI_HOST(dev);

    object_property_add_child(qdev_get_machine(), TYPE_S390_PCI_HOST,
                              OBJECT(dev));
    h->bus = pci_root_bus_new(dev, NULL);
    pci_bus_set_ops(h->bus, &host_bus_ops, h);
    qbus_set_hotplug_handler(&h->bus->qbus, OBJECT(dev));
    h->zbus = qbus_new(TYPE_S390_PCI_BUS, dev, NULL);
    qbus_set_hotplug_handler(h->zbus, OBJECT(dev));
    if (!sysbus_realize_and_unref(dev, errp)) {
        return NULL;
    }
    the_host = h;
    return h;
}

static const TypeInfo host_types[] = {
    {
        .name = TYPE_S390_PCI_HOST,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(S390PciHost),
        .instance_init = host_instance_init,
        .instance_finalize = host_instance_finalize,
        .class_init = host_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_HOTPLUG_HANDLER }, { NULL } },
    },
    {
        .name = TYPE_S390_PCI_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
    },
};

DEFINE_TYPES(host_types)
