/*
 * The properties of sim-pci-function (docs/system/s390x/objects.rst): all
 * but the fault injection ones are fixed once the object is complete.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "hw/sim/sim-pci.h"
#include "sim-pci-props.h"

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
                 "DMA mappings at once (the host's dma_entry_limit; "
                 "may change at any time)"),
    SIM_PCI_PROP("start-dma", start_dma, UINT64_C(0x100000000),
                 "BASE: first DMA address"),
    SIM_PCI_PROP("end-dma", end_dma, UINT64_C(0x1ffffffffffffff),
                 "BASE: last DMA address"),
    SIM_PCI_PROP("iova-start", iova_start, 0,
                 "IOMMU: first IOVA (with iova-end; default start-dma)"),
    SIM_PCI_PROP("iova-end", iova_end, 0,
                 "IOMMU: last IOVA (0: the DMA range is the IOVA range)"),
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
    { "reset", offsetof(SimPciFunction, has_reset), true, false,
      "the function offers a reset (VFIO_DEVICE_FLAGS_RESET; off: as a "
      "function with no FLR or PM reset)" },
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
    /* the host's limit may change under a running guest (fault injection) */
    bool runtime = !strcmp(p->name, "dma-limit");
    uint64_t val;

    if ((!runtime && sim_pci_frozen(f, errp)) ||
        !visit_type_uint64(v, name, &val, errp)) {
        return;
    }
    if (runtime && f->realized && !val) {
        error_setg(errp, "sim-pci-function: dma-limit must be at least 1");
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

void sim_pci_props_set_defaults(SimPciFunction *f)
{
    Object *obj = OBJECT(f);

    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_int_props); i++) {
        const SimPciIntProp *p = &sim_pci_int_props[i];

        sim_pci_store_int((uint8_t *)obj + p->offset, p->width, p->def);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(sim_pci_bool_props); i++) {
        const SimPciBoolProp *p = &sim_pci_bool_props[i];

        *(bool *)((uint8_t *)obj + p->offset) = p->def;
    }
    f->iommu_group = -1;
}

void sim_pci_class_add_props(ObjectClass *oc)
{
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
