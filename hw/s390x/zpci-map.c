/*
 * query-s390-pci-map and "info s390-pci-map": every zPCI function with
 * its s390 identity (uid, fid, handle, state), where its PCI function
 * sits in the emulated topology, the address a Linux guest gives it,
 * and for a passed-through function the host function behind it
 * (address, IOMMU group, back end, DMA mappings, interrupts).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "hw/s390x/zpci-map.h"
#include "hw/s390x/zpci-hostfn.h"
#include "hw/vfio/pci-map.h"
#include "monitor/hmp.h"
#include "monitor/qmp.h"

/*
 * The guest's address: CLP List reports UID checking, so Linux makes the
 * uid the PCI domain, every function alone on bus 0 at devfn 0; with a
 * RID (a function of a multi-function device) the functions share the
 * bus of function 0, its uid the domain, each at its own devfn.
 */
static JsonObject *guest_addr(S390PciHost *h, ZpciDevice *z)
{
    JsonObject *o = json_object_new();
    ZpciHostFnClass *hc = zpci_host_fn_get_class(OBJECT(z->pdev));
    ClpFunctionInfo f = { .fid = z->fid, .uid = z->uid };
    uint16_t domain = z->uid;
    uint8_t devfn = 0;

    if (hc && hc->query) {
        hc->query(OBJECT(z->pdev), &f);
    }
    if (f.rid_valid) {
        PCIBus *bus = pci_get_bus(z->pdev);
        PCIDevice *fn0 = pci_bus_get_device(bus,
                                            PCI_DEVFN(PCI_SLOT(z->pdev->devfn),
                                                      0));
        ZpciDevice *z0 = fn0 ? s390_pci_find_by_pdev(h, fn0) : NULL;

        devfn = f.rid & 0xff;
        if (z0) {
            domain = z0->uid;
        }
    }
    json_object_set_int_member(o, "domain", domain);
    json_object_set_int_member(o, "bus", 0);
    json_object_set_int_member(o, "slot", PCI_SLOT(devfn));
    json_object_set_int_member(o, "function", PCI_FUNC(devfn));
    return o;
}

static JsonObject *pci_addr(PCIDevice *pdev)
{
    JsonObject *o = json_object_new();
    PCIBus *bus = pci_get_bus(pdev);

    json_object_set_string_member(o, "bus", bus->qbus.name);
    json_object_set_int_member(o, "number", pci_bus_num(bus));
    json_object_set_int_member(o, "slot", PCI_SLOT(pdev->devfn));
    json_object_set_int_member(o, "function", PCI_FUNC(pdev->devfn));
    return o;
}

/* A vfio-pci function's host side, NULL for an emulated one */
static JsonObject *host_side(ZpciDevice *z)
{
    VFIOPCIMapInfo m;
    JsonObject *o;
    g_autofree char *addr = NULL;
    unsigned irqs;

    if (!vfio_pci_map_info(OBJECT(z->pdev), &m)) {
        return NULL;
    }
    o = json_object_new();
    addr = g_strdup_printf("%04x:%02x:%02x.%x", m.host.domain, m.host.bus,
                           m.host.slot, m.host.func);
    /* vectors that reach the guest: registered (MPCIFC) and the host's */
    irqs = z->airq.registered ? MIN(z->airq.noi, m.vectors) : 0;
    json_object_set_string_member(o, "address", addr);
    json_object_set_int_member(o, "domain", m.host.domain);
    json_object_set_int_member(o, "bus", m.host.bus);
    json_object_set_int_member(o, "slot", m.host.slot);
    json_object_set_int_member(o, "function", m.host.func);
    json_object_set_int_member(o, "iommu-group", m.host.iommu_group);
    json_object_set_string_member(o, "backend", m.backend);
    json_object_set_int_member(o, "dma-mappings", m.dma_maps);
    json_object_set_int_member(o, "vectors", m.vectors);
    json_object_set_int_member(o, "interrupts", irqs);
    return o;
}

static JsonObject *map_entry(S390PciHost *h, ZpciDevice *z)
{
    JsonObject *o = json_object_new();
    JsonObject *host;

    json_object_set_int_member(o, "uid", z->uid);
    json_object_set_int_member(o, "fid", z->fid);
    json_object_set_int_member(o, "fh", z->fh);
    json_object_set_string_member(o, "state", zpci_state_name(z->state));
    if (DEVICE(z)->id) {
        json_object_set_string_member(o, "zpci", DEVICE(z)->id);
    }
    if (!z->pdev) {
        return o;
    }
    if (DEVICE(z->pdev)->id) {
        json_object_set_string_member(o, "id", DEVICE(z->pdev)->id);
    }
    json_object_set_string_member(o, "driver",
                                  object_get_typename(OBJECT(z->pdev)));
    json_object_set_object_member(o, "pci", pci_addr(z->pdev));
    json_object_set_object_member(o, "guest", guest_addr(h, z));
    host = host_side(z);
    if (host) {
        json_object_set_object_member(o, "host", host);
    }
    return o;
}

JsonArray *zpci_map_query(S390PciHost *h)
{
    JsonArray *arr = json_array_new();

    for (GList *l = h ? h->zdevs.head : NULL; l; l = l->next) {
        json_array_add_object_element(arr, map_entry(h, l->data));
    }
    return arr;
}

static bool qmp_query_s390_pci_map(JsonObject *args, JsonNode **ret,
                                   Error **errp)
{
    static const char *const no_args[] = { NULL };
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = zpci_map_query(s390_pci_host_get());
    *ret = json_node_init_array(json_node_alloc(), arr);
    json_array_unref(arr);
    return true;
}

/* ---- "info s390-pci-map" ---- */

static int64_t get_int(JsonObject *o, const char *name)
{
    return json_object_get_int_member(o, name);
}

static const char *get_str(JsonObject *o, const char *name)
{
    return json_object_has_member(o, name)
               ? json_object_get_string_member(o, name)
               : NULL;
}

static void entry_text(JsonObject *e, GString *out)
{
    JsonObject *pci, *guest, *host;

    /* as libvirt writes them: <zpci uid='0x0010' fid='0x00000100'/> */
    g_string_append_printf(out, "zPCI uid 0x%04" PRIx64 " fid 0x%08" PRIx64,
                           get_int(e, "uid"), get_int(e, "fid"));
    if (get_str(e, "zpci")) {
        g_string_append_printf(out, " (zpci \"%s\")", get_str(e, "zpci"));
    }
    g_string_append_printf(out, ": %s, fh 0x%08" PRIx64 "\n",
                           get_str(e, "state"), get_int(e, "fh"));
    if (!json_object_has_member(e, "pci")) {
        g_string_append(out, "  no PCI function\n");
        return;
    }
    pci = json_object_get_object_member(e, "pci");
    guest = json_object_get_object_member(e, "guest");
    g_string_append_printf(out,
                           "  guest %04" PRIx64 ":%02" PRIx64 ":%02" PRIx64
                           ".%" PRIx64 " <- %s \"%s\" on %s (bus %" PRId64
                           ") slot %" PRId64 " function %" PRId64 "\n",
                           get_int(guest, "domain"), get_int(guest, "bus"),
                           get_int(guest, "slot"), get_int(guest, "function"),
                           get_str(e, "driver"),
                           get_str(e, "id") ? get_str(e, "id") : "",
                           get_str(pci, "bus"), get_int(pci, "number"),
                           get_int(pci, "slot"), get_int(pci, "function"));
    if (!json_object_has_member(e, "host")) {
        return;
    }
    host = json_object_get_object_member(e, "host");
    g_string_append_printf(out,
                           "  host %s, IOMMU group %" PRId64
                           ", back end %s: %" PRId64 " DMA mappings, %" PRId64
                           " of %" PRId64 " vectors registered\n",
                           get_str(host, "address"),
                           get_int(host, "iommu-group"),
                           get_str(host, "backend"),
                           get_int(host, "dma-mappings"),
                           get_int(host, "interrupts"),
                           get_int(host, "vectors"));
}

void zpci_map_text(JsonArray *map, GString *out)
{
    for (guint i = 0; i < json_array_get_length(map); i++) {
        entry_text(json_array_get_object_element(map, i), out);
    }
}

static void hmp_info_s390_pci_map(GString *out)
{
    JsonArray *map = zpci_map_query(s390_pci_host_get());

    zpci_map_text(map, out);
    json_array_unref(map);
}

static void zpci_map_register(void)
{
    qmp_register_command("query-s390-pci-map", qmp_query_s390_pci_map,
                         QCO_NO_FLAGS);
    hmp_register_info("s390-pci-map",
                      "show the zPCI functions' host<->guest address map",
                      hmp_info_s390_pci_map);
}

module_init(zpci_map_register)
