/*
 * sim-pci-function: the user-creatable simulated host PCI function, the
 * checks at creation and the registry of declared functions
 * (include/hw/sim/sim-pci.h, docs/system/s390x/objects.rst).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qom/object_interfaces.h"
#include "qemu/pci-bdf.h"
#include "hw/sim/sim-pci.h"
#include "sim-pci-props.h"

static bool sim_pci_parse_host(SimPciFunction *f, Error **errp)
{
    PciBdfSpec s;
    Error *err = NULL;
    bool ok;

    if (!f->host) {
        error_setg(errp, "sim-pci-function: parameter 'host' is missing");
        return false;
    }
    if (!pci_bdf_parse(f->host, PCI_BDF_PLUG, &s, &err)) {
        error_prepend(&err, "sim-pci-function: ");
        error_propagate(errp, err);
        return false;
    }
    ok = !s.multi && s.vslot == PCI_BDF_NO_VSLOT && !s.nopts;
    if (ok) {
        f->domain = s.domain;
        f->bus = s.bus;
        f->slot = s.slot;
        f->func = s.pfunc[0];
    } else {
        error_setg(
            errp,
            "sim-pci-function: host '%s' must name one function (DDDD:BB:DD.F); declare one object per function",
            f->host);
    }
    pci_bdf_spec_clear(&s);
    return ok;
}

static bool sim_pci_parse_pfip(SimPciFunction *f, Error **errp)
{
    size_t n = f->pfip ? strlen(f->pfip) : 0;

    if (!f->pfip) {
        return true;
    }
    if (!n || n % 2 || n > 2 * sizeof(f->pfip_bytes) ||
        strspn(f->pfip, "0123456789abcdefABCDEF") != n) {
        error_setg(
            errp,
            "sim-pci-function: pfip '%s' is not 1 to 4 bytes in hex (e.g. 01020304)",
            f->pfip);
        return false;
    }
    for (size_t i = 0; i < n / 2; i++) {
        f->pfip_bytes[i] = g_ascii_xdigit_value(f->pfip[2 * i]) << 4 |
                           g_ascii_xdigit_value(f->pfip[2 * i + 1]);
    }
    f->pfip_len = n / 2;
    return true;
}

/*
 * The utility string as a host reports it: EBCDIC (code page 037) for
 * letters, digits, space and common punctuation.
 */
static int sim_pci_ebcdic(char c)
{
    static const char punct[] = " .<(+|&!$*);-/,%_>?:#@'=\"";
    static const uint8_t punct_e[] = { 0x40, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f, 0x50,
                                       0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x60, 0x61,
                                       0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x7a, 0x7b,
                                       0x7c, 0x7d, 0x7e, 0x7f };
    const char *p;

    G_STATIC_ASSERT(sizeof(punct) - 1 == sizeof(punct_e));
    if (c >= '0' && c <= '9') {
        return 0xf0 + (c - '0');
    }
    if (c >= 'A' && c <= 'I') {
        return 0xc1 + (c - 'A');
    }
    if (c >= 'J' && c <= 'R') {
        return 0xd1 + (c - 'J');
    }
    if (c >= 'S' && c <= 'Z') {
        return 0xe2 + (c - 'S');
    }
    if (c >= 'a' && c <= 'i') {
        return 0x81 + (c - 'a');
    }
    if (c >= 'j' && c <= 'r') {
        return 0x91 + (c - 'j');
    }
    if (c >= 's' && c <= 'z') {
        return 0xa2 + (c - 's');
    }
    p = c ? strchr(punct, c) : NULL;
    return p ? punct_e[p - punct] : -1;
}

static bool sim_pci_parse_util(SimPciFunction *f, Error **errp)
{
    size_t n = f->util_str ? strlen(f->util_str) : 0;

    memset(f->util_ebcdic, 0, sizeof(f->util_ebcdic));
    if (n > sizeof(f->util_ebcdic)) {
        error_setg(errp,
                   "sim-pci-function: util-str is longer than 64 characters");
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        int e = sim_pci_ebcdic(f->util_str[i]);

        if (e < 0) {
            error_setg(
                errp,
                "sim-pci-function: util-str: character %zu ('%c') has no EBCDIC form here",
                i + 1, f->util_str[i]);
            return false;
        }
        f->util_ebcdic[i] = e;
    }
    return true;
}

static bool sim_pci_check(SimPciFunction *f, Error **errp)
{
    if (f->msix_vectors < 1 || f->msix_vectors > SIM_PCI_MAX_VECTORS) {
        error_setg(errp,
                   "sim-pci-function: msix-vectors %u is out of range 1..%u",
                   f->msix_vectors, SIM_PCI_MAX_VECTORS);
        return false;
    }
    if (!f->dma_limit) {
        /* a host always allows some mappings; 0 would read as "unknown" */
        error_setg(errp, "sim-pci-function: dma-limit must be at least 1");
        return false;
    }
    if (f->start_dma > f->end_dma || f->start_dma % 4096 ||
        (f->end_dma + 1) % 4096) {
        error_setg(errp,
                   "sim-pci-function: start-dma 0x%" PRIx64
                   " .. end-dma 0x%" PRIx64
                   " is not a range of whole 4 KiB pages",
                   f->start_dma, f->end_dma);
        return false;
    }
    if (!f->iova_end) {
        if (f->iova_start) {
            error_setg(errp, "sim-pci-function: iova-start needs iova-end");
            return false;
        }
        f->iova_start = f->start_dma;
        f->iova_end = f->end_dma;
    }
    if (f->iova_start > f->iova_end || f->iova_start % 4096 ||
        (f->iova_end + 1) % 4096) {
        error_setg(errp,
                   "sim-pci-function: iova-start 0x%" PRIx64
                   " .. iova-end 0x%" PRIx64
                   " is not a range of whole 4 KiB pages",
                   f->iova_start, f->iova_end);
        return false;
    }
    return sim_pci_parse_util(f, errp) && sim_pci_parse_pfip(f, errp);
}

static void sim_slot_add(SimPciFunction *f);

static void sim_pci_complete(UserCreatable *uc, Error **errp)
{
    static int next_group = 1000;
    SimPciFunction *f = SIM_PCI_FUNCTION(uc);

    if (!sim_pci_parse_host(f, errp) || !sim_pci_check(f, errp)) {
        return;
    }
    if (sim_pci_find(f->domain, f->bus, f->slot, f->func)) {
        g_autofree char *a = pci_bdf_format(f->domain, f->bus, f->slot,
                                            f->func);

        error_setg(errp, "sim-pci-function: host %s is already in use", a);
        return;
    }
    f->group = f->iommu_group >= 0 ? f->iommu_group : next_group++;
    sim_pci_dev_init(f);
    f->realized = true;
    sim_slot_add(f);
}

/*
 * The realized functions by host slot: (domain, bus, slot) -> the slot's
 * eight functions, so that a lookup (every config read of a vfio-pci
 * front end asks whether the slot is multi-function) costs the same with
 * one function declared or thousands.
 */
static GHashTable *sim_slots;

static guint sim_slot_key(uint16_t domain, uint8_t bus, uint8_t slot)
{
    return (guint)domain << 16 | (guint)bus << 8 | slot;
}

static SimPciFunction **sim_slot_get(uint16_t domain, uint8_t bus, uint8_t slot)
{
    return sim_slots ? g_hash_table_lookup(sim_slots,
                                           GUINT_TO_POINTER(
                                               sim_slot_key(domain, bus, slot)))
                     : NULL;
}

static void sim_slot_add(SimPciFunction *f)
{
    SimPciFunction **fns = sim_slot_get(f->domain, f->bus, f->slot);

    if (!sim_slots) {
        sim_slots = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    }
    if (!fns) {
        fns = g_new0(SimPciFunction *, 8);
        g_hash_table_insert(sim_slots,
                            GUINT_TO_POINTER(
                                sim_slot_key(f->domain, f->bus, f->slot)),
                            fns);
    }
    fns[f->func] = f;
}

static void sim_slot_remove(SimPciFunction *f)
{
    SimPciFunction **fns = sim_slot_get(f->domain, f->bus, f->slot);

    if (!fns || fns[f->func] != f) {
        return;
    }
    fns[f->func] = NULL;
    for (int i = 0; i < 8; i++) {
        if (fns[i]) {
            return;
        }
    }
    g_hash_table_remove(sim_slots,
                        GUINT_TO_POINTER(
                            sim_slot_key(f->domain, f->bus, f->slot)));
}

SimPciFunction *sim_pci_find(uint16_t domain, uint8_t bus, uint8_t slot,
                             uint8_t func)
{
    SimPciFunction **fns = sim_slot_get(domain, bus, slot);

    return fns && func < 8 ? fns[func] : NULL;
}

bool sim_pci_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                          uint8_t slot, uint8_t *present, Error **errp)
{
    SimPciFunction **fns = sim_slot_get(domain, bus, slot);

    *present = 0;
    for (int i = 0; fns && i < 8; i++) {
        if (fns[i]) {
            *present |= 1u << i;
        }
    }
    return true;
}

static bool sim_pci_can_be_deleted(UserCreatable *uc)
{
    return !SIM_PCI_FUNCTION(uc)->opened;
}

static void sim_pci_instance_init(Object *obj)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);

    sim_pci_props_set_defaults(f);
    object_property_add_uint64_ptr(obj, "resets", &f->resets,
                                   OBJ_PROP_FLAG_READ);
    object_property_add_uint64_ptr(obj, "reset-calls", &f->reset_calls,
                                   OBJ_PROP_FLAG_READ);
}

static void sim_pci_finalize(Object *obj)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);

    if (f->realized) {
        sim_slot_remove(f);
    }
    g_free(f->host);
    g_free(f->util_str);
    g_free(f->pfip);
}

static void sim_pci_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = sim_pci_complete;
    ucc->can_be_deleted = sim_pci_can_be_deleted;
    sim_pci_class_add_props(oc);
}

static const TypeInfo sim_pci_type = {
    .name = TYPE_SIM_PCI_FUNCTION,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(SimPciFunction),
    .instance_init = sim_pci_instance_init,
    .instance_finalize = sim_pci_finalize,
    .class_init = sim_pci_class_init,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
};

static void sim_pci_register_types(void)
{
    type_register_static(&sim_pci_type);
}

type_init(sim_pci_register_types)
