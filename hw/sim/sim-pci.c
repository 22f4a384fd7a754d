/*
 * sim-pci-function: the user-creatable simulated host PCI function, its
 * properties and the registry of declared functions
 * (include/hw/sim/sim-pci.h, docs/system/s390x/objects.rst).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qom/object_interfaces.h"
#include "qemu/pci-bdf.h"
#include "hw/sim/sim-pci.h"

/*
 * Integer properties: name, field, width, default, description.  The zPCI
 * defaults are the values QEMU uses when the host gives no capability
 * (its default function group 0xff: refresh, MSI address
 * 0xfe00000000000000, mui 4000, 128 interrupts, maxstbl 128; DMA range
 * 0x100000000..0x1ffffffffffffff).
 */
typedef struct SimPciIntProp {
    const char *name;
    size_t offset;
    unsigned width; /* bytes; 0: int32 */
    uint64_t def;
    const char *desc;
} SimPciIntProp;

#define SIM_PCI_PROP(n, field, d, text)                                        \
    {                                                                          \
        .name = n, .offset = offsetof(SimPciFunction, field),                  \
        .width = sizeof(((SimPciFunction *)0)->field), .def = d, .desc = text, \
    }

static const SimPciIntProp sim_pci_int_props[] = {
    SIM_PCI_PROP("vendor-id", vendor_id, 0x1014, "PCI vendor id"),
    SIM_PCI_PROP("device-id", device_id, 0x5343, "PCI device id"),
    SIM_PCI_PROP("subsystem-vendor-id", subsystem_vendor_id, 0x1014,
                 "PCI subsystem vendor id"),
    SIM_PCI_PROP("subsystem-id", subsystem_id, 0, "PCI subsystem id"),
    SIM_PCI_PROP("revision", revision, 1, "PCI revision id"),
    SIM_PCI_PROP("class-code", class_code, 0x028000,
                 "class, subclass, prog-if (24 bits)"),
    SIM_PCI_PROP("msix-vectors", msix_vectors, 8, "MSI-X vectors, 1..128"),
    SIM_PCI_PROP("dma-limit", dma_limit, 65535,
                 "DMA mappings at once (the host's dma_entry_limit)"),
    SIM_PCI_PROP("start-dma", start_dma, UINT64_C(0x100000000),
                 "BASE: first DMA address (and of the IOVA range)"),
    SIM_PCI_PROP("end-dma", end_dma, UINT64_C(0x1ffffffffffffff),
                 "BASE: last DMA address"),
    SIM_PCI_PROP("pchid", pchid, 0, "BASE: physical channel id"),
    SIM_PCI_PROP("vfn", vfn, 0, "BASE: virtual function number"),
    SIM_PCI_PROP("fmb-length", fmb_length, 0, "BASE: measurement block length"),
    SIM_PCI_PROP("pft", pft, 0, "BASE: PCI function type"),
    SIM_PCI_PROP("gid", gid, 0xff, "BASE: function group id"),
    SIM_PCI_PROP("fh", fh, 0, "BASE: host function handle (version 2)"),
    SIM_PCI_PROP("dasm", dasm, 0, "GROUP: DMA address space mask"),
    SIM_PCI_PROP("msi-addr", msi_addr, UINT64_C(0xfe00000000000000),
                 "GROUP: MSI address"),
    SIM_PCI_PROP("mui", mui, 4000, "GROUP: measurement update interval"),
    SIM_PCI_PROP("noi", noi, 128, "GROUP: maximum number of MSIs"),
    SIM_PCI_PROP("maxstbl", maxstbl, 128, "GROUP: maximum store block length"),
    SIM_PCI_PROP("imaxstbl", imaxstbl, 128,
                 "GROUP: interpreted maximum store block length"),
    SIM_PCI_PROP("version", version, 0, "GROUP: PCI version"),
};

typedef struct SimPciBoolProp {
    const char *name;
    size_t offset;
    bool def;
    bool runtime; /* may change after creation (fault injection) */
    const char *desc;
} SimPciBoolProp;

static const SimPciBoolProp sim_pci_bool_props[] = {
    { "zpci-base", offsetof(SimPciFunction, cap_base), true, false,
      "offer the zPCI BASE capability" },
    { "zpci-group", offsetof(SimPciFunction, cap_group), true, false,
      "offer the zPCI GROUP capability" },
    { "refresh", offsetof(SimPciFunction, refresh), true, false,
      "GROUP: program-specified TLB refresh (RPCIT required)" },
    { "dma-error", offsetof(SimPciFunction, fail_dma), false, true,
      "fault injection: every DMA ends in a device error" },
    { "reset-error", offsetof(SimPciFunction, fail_reset), false, true,
      "fault injection: resets fail" },
    { "surprise-removed", offsetof(SimPciFunction, removed), false, true,
      "fault injection: the function is gone from the host" },
};

static bool sim_pci_frozen(SimPciFunction *f, Error **errp)
{
    if (f->realized) {
        error_setg(
            errp,
            "sim-pci-function: properties cannot be changed after creation");
        return true;
    }
    return false;
}

static void sim_pci_get_int(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    const SimPciIntProp *p = opaque;
    uint8_t *field = (uint8_t *)obj + p->offset;
    uint64_t val = 0;

    switch (p->width) {
    case 1:
        val = *field;
        break;
    case 2:
        val = *(uint16_t *)field;
        break;
    case 4:
        val = *(uint32_t *)field;
        break;
    default:
        val = *(uint64_t *)field;
        break;
    }
    visit_type_uint64(v, name, &val, errp);
}

static void sim_pci_store_int(uint8_t *field, unsigned width, uint64_t val)
{
    switch (width) {
    case 1:
        *field = val;
        break;
    case 2:
        *(uint16_t *)field = val;
        break;
    case 4:
        *(uint32_t *)field = val;
        break;
    default:
        *(uint64_t *)field = val;
        break;
    }
}

static void sim_pci_set_int(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    const SimPciIntProp *p = opaque;
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);
    uint64_t max = p->width == 8 ? UINT64_MAX : (1ull << (8 * p->width)) - 1;
    uint64_t val;

    if (sim_pci_frozen(f, errp) || !visit_type_uint64(v, name, &val, errp)) {
        return;
    }
    if (!strcmp(p->name, "class-code")) {
        max = 0xffffff;
    }
    if (val > max) {
        error_setg(errp,
                   "sim-pci-function: %s 0x%" PRIx64
                   " is out of range 0..0x%" PRIx64,
                   p->name, val, max);
        return;
    }
    sim_pci_store_int((uint8_t *)obj + p->offset, p->width, val);
}

static void sim_pci_get_bool(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    const SimPciBoolProp *p = opaque;
    bool val = *(bool *)((uint8_t *)obj + p->offset);

    visit_type_bool(v, name, &val, errp);
}

static void sim_pci_set_bool(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    const SimPciBoolProp *p = opaque;
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);
    bool val, was;

    if ((!p->runtime && sim_pci_frozen(f, errp)) ||
        !visit_type_bool(v, name, &val, errp)) {
        return;
    }
    was = f->removed;
    *(bool *)((uint8_t *)obj + p->offset) = val;
    if (f->realized && !was && f->removed && f->hooks && f->hooks->irq) {
        /* the host asks for the function back, as Linux's vfio does */
        f->hooks->irq(f->hooks_opaque, SIM_PCI_IRQ_REQ, 0);
    }
}

#define SIM_PCI_STR_PROP(field)                                                \
    static char *sim_pci_get_##field(Object *obj, Error **errp)                \
    {                                                                          \
        return g_strdup(SIM_PCI_FUNCTION(obj)->field);                         \
    }                                                                          \
    static void sim_pci_set_##field(Object *obj, const char *v, Error **errp)  \
    {                                                                          \
        SimPciFunction *f = SIM_PCI_FUNCTION(obj);                             \
                                                                               \
        if (!sim_pci_frozen(f, errp)) {                                        \
            g_free(f->field);                                                  \
            f->field = g_strdup(v);                                            \
        }                                                                      \
    }

SIM_PCI_STR_PROP(host)
SIM_PCI_STR_PROP(util_str)
SIM_PCI_STR_PROP(pfip)

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
    if (f->start_dma > f->end_dma || f->start_dma % 4096 ||
        (f->end_dma + 1) % 4096) {
        error_setg(errp,
                   "sim-pci-function: start-dma 0x%" PRIx64
                   " .. end-dma 0x%" PRIx64
                   " is not a range of whole 4 KiB pages",
                   f->start_dma, f->end_dma);
        return false;
    }
    return sim_pci_parse_util(f, errp) && sim_pci_parse_pfip(f, errp);
}

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
}

typedef struct SimPciLookup {
    uint16_t domain;
    uint8_t bus, slot;
    int func; /* -1: collect the slot's functions */
    uint8_t present;
    SimPciFunction *found;
} SimPciLookup;

static int sim_pci_match(Object *child, void *opaque)
{
    SimPciLookup *l = opaque;
    SimPciFunction *f = (SimPciFunction *)
        object_dynamic_cast(child, TYPE_SIM_PCI_FUNCTION);

    if (!f || !f->realized || f->domain != l->domain || f->bus != l->bus ||
        f->slot != l->slot) {
        return 0;
    }
    l->present |= 1u << f->func;
    if (f->func == l->func) {
        l->found = f;
        return 1;
    }
    return 0;
}

SimPciFunction *sim_pci_find(uint16_t domain, uint8_t bus, uint8_t slot,
                             uint8_t func)
{
    SimPciLookup l = {
        .domain = domain,
        .bus = bus,
        .slot = slot,
        .func = func,
    };

    object_child_foreach(object_get_objects_root(), sim_pci_match, &l);
    return l.found;
}

bool sim_pci_slot_present(void *opaque, uint16_t domain, uint8_t bus,
                          uint8_t slot, uint8_t *present, Error **errp)
{
    SimPciLookup l = {
        .domain = domain,
        .bus = bus,
        .slot = slot,
        .func = -1,
    };

    object_child_foreach(object_get_objects_root(), sim_pci_match, &l);
    *present = l.present;
    return true;
}

static bool sim_pci_can_be_deleted(UserCreatable *uc)
{
    return !SIM_PCI_FUNCTION(uc)->opened;
}

static void sim_pci_instance_init(Object *obj)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);

    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_int_props); i++) {
        const SimPciIntProp *p = &sim_pci_int_props[i];

        sim_pci_store_int((uint8_t *)obj + p->offset, p->width, p->def);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_bool_props); i++) {
        const SimPciBoolProp *p = &sim_pci_bool_props[i];

        *(bool *)((uint8_t *)obj + sim_pci_bool_props[i].offset) = p->def;
    }
    f->iommu_group = -1;
    object_property_add_uint64_ptr(obj, "resets", &f->resets,
                                   OBJ_PROP_FLAG_READ);
}

static void sim_pci_finalize(Object *obj)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);

    g_free(f->host);
    g_free(f->util_str);
    g_free(f->pfip);
}

static void sim_pci_get_group(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);
    int32_t val = f->realized ? f->group : f->iommu_group;

    visit_type_int32(v, name, &val, errp);
}

static void sim_pci_set_group(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    SimPciFunction *f = SIM_PCI_FUNCTION(obj);
    int32_t val;

    if (!sim_pci_frozen(f, errp) && visit_type_int32(v, name, &val, errp)) {
        f->iommu_group = val;
    }
}

static void sim_pci_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = sim_pci_complete;
    ucc->can_be_deleted = sim_pci_can_be_deleted;
    object_class_property_add_str(oc, "host", sim_pci_get_host,
                                  sim_pci_set_host);
    object_class_property_set_description(
        oc, "host", "the host address DDDD:BB:DD.F (required)");
    object_class_property_add_str(oc, "util-str", sim_pci_get_util_str,
                                  sim_pci_set_util_str);
    object_class_property_set_description(
        oc, "util-str", "UTIL: the utility string (offered when given)");
    object_class_property_add_str(oc, "pfip", sim_pci_get_pfip,
                                  sim_pci_set_pfip);
    object_class_property_set_description(
        oc, "pfip",
        "PFIP: the function path, 1-4 bytes in hex (offered when given)");
    object_class_property_add(oc, "iommu-group", "int32", sim_pci_get_group,
                              sim_pci_set_group, NULL, NULL);
    object_class_property_set_description(
        oc, "iommu-group", "host IOMMU group number (default: one of its own)");
    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_int_props); i++) {
        const SimPciIntProp *p = &sim_pci_int_props[i];

        object_class_property_add(oc, p->name,
                                  p->width == 1   ? "uint8"
                                  : p->width == 2 ? "uint16"
                                  : p->width == 4 ? "uint32"
                                                  : "uint64",
                                  sim_pci_get_int, sim_pci_set_int, NULL,
                                  (void *)p);
        object_class_property_set_description(oc, p->name, p->desc);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_bool_props); i++) {
        const SimPciBoolProp *p = &sim_pci_bool_props[i];

        object_class_property_add(oc, p->name, "bool", sim_pci_get_bool,
                                  sim_pci_set_bool, NULL, (void *)p);
        object_class_property_set_description(oc, p->name, p->desc);
    }
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
