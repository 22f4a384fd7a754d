/*
 * The "zpci" device: the s390 identity (uid, fid, function handle, state)
 * of one PCI function, named by the function's id (target=).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qemu/log.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci-bridge.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-event.h"
#include "hw/s390x/zpci-hostfn.h"

static const char *const state_names[] = {
    [ZPCI_FS_RESERVED] = "reserved",
    [ZPCI_FS_STANDBY] = "standby",
    [ZPCI_FS_DISABLED] = "disabled",
    [ZPCI_FS_ENABLED] = "enabled",
    [ZPCI_FS_BLOCKED] = "blocked",
    [ZPCI_FS_ERROR] = "error",
    [ZPCI_FS_PERMANENT_ERROR] = "permanent-error",
};

const char *zpci_state_name(ZpciState s)
{
    return s < G_N_ELEMENTS(state_names) ? state_names[s] : "?";
}

bool zpci_is_configured(const ZpciDevice *z)
{
    return z->state >= ZPCI_FS_DISABLED;
}

/* Forget registered interrupts, translation and measurement. */
static void zpci_clear_controls(ZpciDevice *z)
{
    memset(&z->airq, 0, sizeof(z->airq));
    if (z->dma) {
        zpci_dma_space_deregister(z->dma); /* unmaps everything */
    }
    z->ioat_registered = false;
    z->pba = z->pal = z->iota = 0;
    zpci_fmb_stop(z);
}

AddressSpace *zpci_bar_as(ZpciDevice *z, int n)
{
    return n >= 0 && n < PCI_NUM_BARS && (z->bar_as_live & (1u << n))
               ? &z->bar_as[n]
               : NULL;
}

static void zpci_bar_spaces_init(ZpciDevice *z)
{
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        MemoryRegion *mr = pci_bar_region(z->pdev, n);

        if (mr) {
            address_space_init(&z->bar_as[n], mr, "zpci-bar");
            z->bar_as_live |= 1u << n;
        }
    }
}

static void zpci_bar_spaces_destroy(ZpciDevice *z)
{
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        if (z->bar_as_live & (1u << n)) {
            address_space_destroy(&z->bar_as[n]);
        }
    }
    z->bar_as_live = 0;
}

/* A DMA of the function faulted: it stops in the error state. */
static void zpci_dma_faulted(void *opaque, ZpciDmaFault fault, uint64_t iova,
                             bool is_write)
{
    ZpciDevice *z = opaque;

    trace_point("zpci_dma_fault", "fh 0x%08x %s iova 0x%" PRIx64 " %s", z->fh,
                zpci_dma_fault_name(fault), iova, is_write ? "write" : "read");
    zpci_report_error(z, zpci_dma_fault_pec(fault), iova);
}

void zpci_attach(ZpciDevice *z, PCIDevice *pdev, ZpciDmaSpace *dma)
{
    z->pdev = pdev;
    zpci_bar_spaces_init(z);
    z->dma = dma;
    if (dma) {
        zpci_dma_space_set_fault_handler(dma, zpci_dma_faulted, z);
    }
    z->fh = (z->idx & ZPCI_FH_INDEX) | ZPCI_FH_SHM_EMUL;
    /* cold- and hot-plugged functions start configured, as in QEMU */
    z->state = ZPCI_FS_DISABLED;
    z->sdma = ZPCI_FN_SDMA;
    z->edma = ZPCI_FN_EDMA;
    if (zpci_host_fn_get_class(OBJECT(pdev))) {
        z->fh = (z->idx & ZPCI_FH_INDEX) | ZPCI_FH_SHM_VFIO;
        zpci_host_fn_get_class(OBJECT(pdev))->attached(OBJECT(pdev), z);
    }
}

void zpci_detach(ZpciDevice *z)
{
    ZpciHostFnClass *hc = z->pdev ? zpci_host_fn_get_class(OBJECT(z->pdev))
                                  : NULL;

    if (hc) {
        hc->detached(OBJECT(z->pdev), z);
    }
    zpci_bar_spaces_destroy(z);
    zpci_clear_controls(z);
    if (z->dma) {
        zpci_dma_space_set_fault_handler(z->dma, NULL, NULL);
    }
    z->pdev = NULL;
    z->dma = NULL;
    z->mf_pchid_set = false;
    z->fh = z->idx & ZPCI_FH_INDEX;
    z->state = ZPCI_FS_RESERVED;
}

void zpci_enable(ZpciDevice *z)
{
    z->fh |= ZPCI_FH_ENABLED;
    z->state = ZPCI_FS_ENABLED;
}

/* Disabled; @tell_host: a host function is told (and resets) */
static void zpci_disable_fn(ZpciDevice *z, bool tell_host)
{
    z->fh &= ~ZPCI_FH_ENABLED;
    z->state = ZPCI_FS_DISABLED;
    zpci_clear_controls(z);
    if (tell_host && z->pdev && zpci_host_fn_get_class(OBJECT(z->pdev))) {
        zpci_host_fn_get_class(OBJECT(z->pdev))->disabled(OBJECT(z->pdev));
    }
}

void zpci_disable(ZpciDevice *z)
{
    zpci_disable_fn(z, true);
}

bool zpci_set_error(ZpciDevice *z)
{
    if (z->state != ZPCI_FS_ENABLED && z->state != ZPCI_FS_BLOCKED) {
        return false;
    }
    z->state = ZPCI_FS_ERROR;
    return true;
}

bool zpci_report_error(ZpciDevice *z, uint16_t pec, uint64_t faddr)
{
    if (!zpci_set_error(z)) {
        return false; /* in error already (told once), or not enabled */
    }
    zpci_event_post_error(pec, z->fh, z->fid, faddr);
    return true;
}

void zpci_configure(ZpciDevice *z)
{
    z->state = ZPCI_FS_DISABLED;
}

void zpci_deconfigure(ZpciDevice *z)
{
    zpci_disable(z); /* a standby function has no enabled handle */
    z->state = ZPCI_FS_STANDBY;
}

/*
 * The guest's view of a function that goes without its consent (its
 * zpci replaced by an explicit one at run time): configured -> gone,
 * then standby -> reserved, as Linux follows them.
 */
static void zpci_report_vanished(ZpciDevice *z)
{
    if (zpci_is_configured(z)) {
        zpci_event_post_avail(ZPCI_PEC_CONFIGURED_GONE, z->fh, z->fid);
    }
    if (z->state != ZPCI_FS_RESERVED) {
        zpci_event_post_avail(ZPCI_PEC_TO_RESERVED, z->fh, z->fid);
    }
}

/* ---- realize ---- */

/*
 * An explicit zpci for a function that got an automatic one (because the
 * function came first on the command line) takes its place: the
 * automatic one's numbers are given back before the explicit ones are
 * claimed, and restored if that fails.
 */
static bool zpci_claim_replacing(S390PciHost *h, ZpciDevice *z,
                                 ZpciDevice *prev, Error **errp)
{
    if (prev) {
        zpci_ids_release(&h->ids, prev->uid, prev->fid);
        prev->ids_held = false;
    }
    if (!zpci_ids_claim(&h->ids, &z->uid, &z->fid, z->fid_given, errp)) {
        if (prev) {
            uint16_t uid = prev->uid;
            uint32_t fid = prev->fid;

            prev->ids_held = zpci_ids_claim(&h->ids, &uid, &fid, true, NULL);
        }
        return false;
    }
    z->ids_held = true;
    if (prev) {
        if (DEVICE(z)->hotplugged) {
            zpci_report_vanished(prev);
        }
        zpci_detach(prev);
        qdev_unrealize(DEVICE(prev));
        object_unparent(OBJECT(prev));
    }
    return true;
}

static bool zpci_realize(DeviceState *dev, Error **errp)
{
    ZpciDevice *z = ZPCI_DEVICE(dev);
    S390PciHost *h = s390_pci_host_get();
    ZpciDevice *prev;

    if (!z->target) {
        error_setg(errp, "target must be defined");
        return false;
    }
    prev = s390_pci_find_by_target(h, z->target);
    if (prev && (!prev->automatic || z->automatic)) {
        error_setg(errp, "target %s already has an associated zpci device",
                   z->target);
        return false;
    }
    if (!zpci_claim_replacing(h, z, prev, errp)) {
        return false;
    }
    z->state = ZPCI_FS_RESERVED;
    return true;
}

static void zpci_unrealize(DeviceState *dev)
{
    ZpciDevice *z = ZPCI_DEVICE(dev);
    S390PciHost *h = s390_pci_host_get();

    if (z->pdev) {
        zpci_detach(z);
    }
    if (z->ids_held) {
        zpci_ids_release(&h->ids, z->uid, z->fid);
        z->ids_held = false;
    }
    s390_pci_host_forget(h, z);
}

/*
 * System reset: an enabled function is disabled again.  The PCI function
 * gets its own reset from the machine (a host function's host reset
 * once, not a second time for the disable).
 */
static void zpci_reset(DeviceState *dev)
{
    ZpciDevice *z = ZPCI_DEVICE(dev);

    if (zpci_is_configured(z)) {
        zpci_disable_fn(z, false);
    }
}

/* ---- fid: every value is real, so "given" is recorded apart ---- */

static void zpci_fid_get(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    visit_type_uint32(v, name, &ZPCI_DEVICE(obj)->fid, errp);
}

static void zpci_fid_set(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    ZpciDevice *z = ZPCI_DEVICE(obj);
    uint32_t value;

    if (visit_type_uint32(v, name, &value, errp)) {
        z->fid = value;
        z->fid_given = true;
    }
}

static const PropertyInfo zpci_fid_info = {
    .name = "zpci_fid",
    .get = zpci_fid_get,
    .set = zpci_fid_set,
};

static Property zpci_props[] = {
    DEFINE_PROP_UINT16("uid", ZpciDevice, uid, ZPCI_UID_UNDEFINED),
    DEFINE_PROP("fid", ZpciDevice, fid, zpci_fid_info, uint32_t),
    DEFINE_PROP_STRING("target", ZpciDevice, target),
    DEFINE_PROP_BOOL("interpret", ZpciDevice, interpret, true),
    DEFINE_PROP_BOOL("forwarding-assist", ZpciDevice, forwarding_assist, true),
    DEFINE_PROP_BOOL("relaxed-translation", ZpciDevice, relaxed_translation,
                     false),
    DEFINE_PROP_UINT32("dma-budget", ZpciDevice, dma_budget,
                       ZPCI_DMA_BUDGET_DEFAULT),
    DEFINE_PROP_UINT64("rpcit-walk-limit", ZpciDevice, rpcit_walks,
                       ZPCI_RPCIT_MAX_WALKS_DEFAULT),
    DEFINE_PROP_END_OF_LIST(),
};

static void zpci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "zpci device";
    dc->bus_type = TYPE_S390_PCI_BUS;
    dc->realize = zpci_realize;
    dc->unrealize = zpci_unrealize;
    dc->reset = zpci_reset;
    device_class_set_props(dc, zpci_props);
}

static const TypeInfo zpci_type = {
    .name = TYPE_ZPCI_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(ZpciDevice),
    .class_init = zpci_class_init,
};

static void zpci_register_types(void)
{
    type_register_static(&zpci_type);
}

type_init(zpci_register_types)
