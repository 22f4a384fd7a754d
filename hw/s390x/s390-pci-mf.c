/*
 * Multi-function slots on the zPCI bridge: which functions form one
 * device (device_del removes them as a unit), and the Query PCI Function
 * values that let a guest rebuild the device (docs/system/s390x/zpci.rst,
 * "Multi-function devices").
 *
 * A guest sees zPCI functions one by one, each with its own fid and
 * handle.  Linux puts the functions that report a RID on a zPCI bus of
 * their own per PCHID, at devfn = RID & 0xff, creates that bus when the
 * function with devfn 0 arrives (its uid becomes the PCI domain) and
 * scans the others then.  So every function of a multi-function slot
 * reports RID available, its function number as the RID (slot 0 of its
 * zPCI bus: where the device is on pci.0 is not the guest's business),
 * and one PCHID shared by the slot and by no other function.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci-bridge.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-hostfn.h"

static PCIDevice *slot_fn(PCIBus *bus, int slot, int fn)
{
    PCIDevice *d = pci_bus_get_device(bus, PCI_DEVFN(slot, fn));

    return d && DEVICE(d)->realized ? d : NULL;
}

bool s390_pci_slot_is_multi(PCIBus *bus, int slot)
{
    for (int fn = 0; fn < PCI_FUNC_MAX; fn++) {
        PCIDevice *d = slot_fn(bus, slot, fn);

        if (d && (fn || d->multifunction)) {
            return true;
        }
    }
    return false;
}

unsigned s390_pci_slot_unit(PCIDevice *pdev, PCIDevice *out[PCI_FUNC_MAX])
{
    PCIBus *bus = pci_get_bus(pdev);
    int slot = PCI_SLOT(pdev->devfn);
    unsigned n = 0;

    if (!s390_pci_slot_is_multi(bus, slot)) {
        out[0] = pdev;
        return 1;
    }
    for (int fn = PCI_FUNC_MAX - 1; fn >= 0; fn--) {
        PCIDevice *d = slot_fn(bus, slot, fn);

        if (d && !object_dynamic_cast(OBJECT(d), TYPE_PCI_BRIDGE)) {
            out[n++] = d;
        }
    }
    return n;
}

/* The PCHID @z's function reports outside a multi-function slot */
static uint16_t plain_pchid(ZpciDevice *z)
{
    ZpciHostFnClass *hc = zpci_host_fn_get_class(OBJECT(z->pdev));
    ClpFunctionInfo f = { 0 };

    if (!hc) {
        return 0; /* emulated functions */
    }
    hc->query(OBJECT(z->pdev), &f);
    return f.pchid;
}

static bool same_slot(PCIDevice *a, PCIDevice *b)
{
    return pci_get_bus(a) == pci_get_bus(b) &&
           PCI_SLOT(a->devfn) == PCI_SLOT(b->devfn);
}

/*
 * Whether a function outside @pdev's slot reports @pchid: a function of
 * another multi-function slot once its slot has one (until then it will
 * keep clear of this one), any other function always.
 */
static bool pchid_taken(S390PciHost *h, PCIDevice *pdev, uint16_t pchid)
{
    for (GList *l = h->zdevs.head; l; l = l->next) {
        ZpciDevice *o = l->data;
        PCIDevice *d = o->pdev;

        if (!d || same_slot(d, pdev)) {
            continue;
        }
        if (o->mf_pchid_set) {
            if (o->mf_pchid == pchid) {
                return true;
            }
        } else if (!s390_pci_slot_is_multi(pci_get_bus(d),
                                           PCI_SLOT(d->devfn)) &&
                   plain_pchid(o) == pchid) {
            return true;
        }
    }
    return false;
}

/*
 * The slot's PCHID: the one given to it when a function of it was first
 * queried (kept while any function of the slot stays), else @want (the
 * queried function's own) or the next value no other function reports.
 */
static uint16_t slot_pchid(S390PciHost *h, ZpciDevice *z, uint16_t want)
{
    PCIBus *bus = pci_get_bus(z->pdev);
    int slot = PCI_SLOT(z->pdev->devfn);
    ZpciDevice *members[PCI_FUNC_MAX] = { 0 };
    uint16_t pchid = want;

    for (int fn = 0; fn < PCI_FUNC_MAX; fn++) {
        PCIDevice *d = slot_fn(bus, slot, fn);
        ZpciDevice *m = d ? s390_pci_find_by_pdev(h, d) : NULL;

        if (m && m->mf_pchid_set) {
            return m->mf_pchid;
        }
        members[fn] = m;
    }
    for (unsigned n = 0; n <= UINT16_MAX && pchid_taken(h, z->pdev, pchid);
         n++) {
        pchid++;
    }
    for (int fn = 0; fn < PCI_FUNC_MAX; fn++) {
        if (members[fn]) {
            members[fn]->mf_pchid_set = true;
            members[fn]->mf_pchid = pchid;
        }
    }
    return pchid;
}

void s390_pci_mf_query(S390PciHost *h, ZpciDevice *z, ClpFunctionInfo *f)
{
    PCIDevice *pdev = z->pdev;

    if (!s390_pci_slot_is_multi(pci_get_bus(pdev), PCI_SLOT(pdev->devfn))) {
        f->rid_valid = false;
        f->rid = 0;
        return;
    }
    f->rid_valid = true;
    f->rid = PCI_FUNC(pdev->devfn);
    f->pchid = slot_pchid(h, z, f->pchid);
}
