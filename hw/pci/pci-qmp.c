/*
 * query-pci and "info pci": the PCI functions of every root bus and,
 * through the pci-bridges, of the buses below, in QEMU's reply shape
 * (qapi/schema.json, PciDeviceInfo).  The text is made from the reply,
 * so both always agree.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/pci/pci-bridge.h"
#include "hw/pci/pci-info.h"
#include "monitor/hmp.h"
#include "monitor/qmp.h"

/* Descriptions of the PCI class codes (base class, subclass) */
static const struct {
    uint16_t class_id;
    const char *desc;
} class_descs[] = {
    { 0x0100, "SCSI controller" },    { 0x0101, "IDE controller" },
    { 0x0106, "SATA controller" },    { 0x0107, "SAS controller" },
    { 0x0180, "Storage controller" }, { 0x0200, "Ethernet controller" },
    { 0x0280, "Network controller" }, { 0x0300, "VGA controller" },
    { 0x0380, "Display controller" }, { 0x0500, "RAM controller" },
    { 0x0600, "Host bridge" },        { 0x0604, "PCI bridge" },
    { 0x0c03, "USB controller" },
};

const char *pci_class_desc(uint16_t class_id)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(class_descs); i++) {
        if (class_descs[i].class_id == class_id) {
            return class_descs[i].desc;
        }
    }
    return NULL;
}

/* ---- the reply ---- */

static JsonArray *device_list(PCIBus *bus);

static JsonArray *regions_of(PCIDevice *dev)
{
    JsonArray *arr = json_array_new();

    for (int i = 0; i < PCI_NUM_BARS; i++) {
        const PCIBar *b = &dev->bars[i];
        JsonObject *r;

        if (!b->mr || !b->size) {
            continue;
        }
        r = json_object_new();
        json_object_set_int_member(r, "bar", i);
        if (b->type & PCI_BASE_ADDRESS_SPACE_IO) {
            json_object_set_string_member(r, "type", "io");
        } else {
            json_object_set_string_member(r, "type", "memory");
            json_object_set_boolean_member(r, "prefetch",
                                           b->type &
                                               PCI_BASE_ADDRESS_MEM_PREFETCH);
            json_object_set_boolean_member(r, "mem_type_64",
                                           b->type &
                                               PCI_BASE_ADDRESS_MEM_TYPE_64);
        }
        /* an unmapped BAR: all ones, -1 as a JSON number (QEMU's too) */
        json_object_set_int_member(r, "address", (int64_t)b->mapped_at);
        json_object_set_int_member(r, "size", b->size);
        json_array_add_object_element(arr, r);
    }
    return arr;
}

static JsonObject *range(uint64_t base, uint64_t limit)
{
    JsonObject *o = json_object_new();

    json_object_set_int_member(o, "base", base);
    json_object_set_int_member(o, "limit", limit);
    return o;
}

/*
 * A bridge's windows as the type-1 header defines them: I/O in 4 KiB
 * units (32-bit with the upper-16 registers), memory in 1 MiB units,
 * prefetchable memory with its upper 32 bits when it is 64-bit.
 */
static JsonObject *bridge_bus_of(PCIDevice *dev)
{
    JsonObject *o = json_object_new();
    uint64_t io_base = (pci_get(dev, PCI_IO_BASE, 1) & 0xf0) << 8;
    uint64_t io_limit = (pci_get(dev, PCI_IO_LIMIT, 1) & 0xf0) << 8 | 0xfff;
    uint64_t mem_base = (pci_get(dev, PCI_MEMORY_BASE, 2) & 0xfff0) << 16;
    uint64_t mem_limit = (pci_get(dev, PCI_MEMORY_LIMIT, 2) & 0xfff0) << 16 |
                         0xfffff;
    uint64_t pf_base = (pci_get(dev, PCI_PREF_MEMORY_BASE, 2) & 0xfff0) << 16;
    uint64_t pf_limit = (pci_get(dev, PCI_PREF_MEMORY_LIMIT, 2) & 0xfff0)
                            << 16 |
                        0xfffff;

    if (pci_get(dev, PCI_IO_BASE, 1) & 0x01) {
        io_base |= pci_get(dev, PCI_IO_BASE_UPPER16, 2) << 16;
        io_limit |= pci_get(dev, PCI_IO_LIMIT_UPPER16, 2) << 16;
    }
    if (pci_get(dev, PCI_PREF_MEMORY_BASE, 2) & 0x01) {
        pf_base |= pci_get(dev, PCI_PREF_BASE_UPPER32, 4) << 32;
        pf_limit |= pci_get(dev, PCI_PREF_LIMIT_UPPER32, 4) << 32;
    }
    json_object_set_int_member(o, "number", pci_get(dev, PCI_PRIMARY_BUS, 1));
    json_object_set_int_member(o, "secondary",
                               pci_get(dev, PCI_SECONDARY_BUS, 1));
    json_object_set_int_member(o, "subordinate",
                               pci_get(dev, PCI_SUBORDINATE_BUS, 1));
    json_object_set_object_member(o, "io_range", range(io_base, io_limit));
    json_object_set_object_member(o, "memory_range",
                                  range(mem_base, mem_limit));
    json_object_set_object_member(o, "prefetchable_range",
                                  range(pf_base, pf_limit));
    return o;
}

static JsonObject *bridge_of(PCIDevice *dev)
{
    JsonObject *o = json_object_new();
    uint8_t sec = pci_get(dev, PCI_SECONDARY_BUS, 1);
    PCIBus *child = NULL;

    json_object_set_object_member(o, "bus", bridge_bus_of(dev));
    /* as QEMU: the devices below only once firmware numbered the bus */
    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE) && sec) {
        child = pci_bridge_get_sec_bus(PCI_BRIDGE(dev));
    }
    if (child && pci_bus_num(child) == sec) {
        json_object_set_array_member(o, "devices", device_list(child));
    }
    return o;
}

JsonObject *pci_device_info(PCIBus *bus, PCIDevice *dev)
{
    JsonObject *o = json_object_new();
    JsonObject *cls = json_object_new();
    JsonObject *id = json_object_new();
    uint16_t class_id = pci_get(dev, PCI_CLASS_DEVICE, 2);
    uint8_t type = pci_get(dev, PCI_HEADER_TYPE, 1) &
                   ~PCI_HEADER_TYPE_MULTI_FUNCTION;
    uint8_t pin = pci_get(dev, PCI_INTERRUPT_PIN, 1);

    json_object_set_int_member(o, "bus", pci_bus_num(bus));
    json_object_set_int_member(o, "slot", PCI_SLOT(dev->devfn));
    json_object_set_int_member(o, "function", PCI_FUNC(dev->devfn));
    if (pci_class_desc(class_id)) {
        json_object_set_string_member(cls, "desc", pci_class_desc(class_id));
    }
    json_object_set_int_member(cls, "class", class_id);
    json_object_set_object_member(o, "class_info", cls);
    json_object_set_int_member(id, "device", pci_get(dev, PCI_DEVICE_ID, 2));
    json_object_set_int_member(id, "vendor", pci_get(dev, PCI_VENDOR_ID, 2));
    if (type == PCI_HEADER_TYPE_NORMAL) {
        json_object_set_int_member(id, "subsystem",
                                   pci_get(dev, PCI_SUBSYSTEM_ID, 2));
        json_object_set_int_member(id, "subsystem-vendor",
                                   pci_get(dev, PCI_SUBSYSTEM_VENDOR_ID, 2));
    }
    json_object_set_object_member(o, "id", id);
    if (pin) {
        json_object_set_int_member(o, "irq",
                                   pci_get(dev, PCI_INTERRUPT_LINE, 1));
    }
    json_object_set_int_member(o, "irq_pin", pin);
    json_object_set_string_member(o, "qdev_id",
                                  DEVICE(dev)->id ? DEVICE(dev)->id : "");
    if (type == PCI_HEADER_TYPE_BRIDGE) {
        json_object_set_object_member(o, "pci_bridge", bridge_of(dev));
    }
    json_object_set_array_member(o, "regions", regions_of(dev));
    return o;
}

static JsonArray *device_list(PCIBus *bus)
{
    JsonArray *arr = json_array_new();

    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        PCIDevice *dev = pci_bus_get_device(bus, devfn);

        if (dev) {
            json_array_add_object_element(arr, pci_device_info(bus, dev));
        }
    }
    return arr;
}

static int add_root_bus(Object *obj, void *opaque)
{
    PCIBus *bus = (PCIBus *)object_dynamic_cast(obj, TYPE_PCI_BUS);
    JsonObject *o;

    if (!bus || !pci_bus_is_root(bus)) {
        return 0;
    }
    o = json_object_new();
    json_object_set_int_member(o, "bus", pci_bus_num(bus));
    json_object_set_array_member(o, "devices", device_list(bus));
    json_array_add_object_element(opaque, o);
    return 0;
}

JsonArray *pci_query_info(void)
{
    JsonArray *arr = json_array_new();

    object_child_foreach_recursive(object_get_root(), add_root_bus, arr);
    return arr;
}

static bool qmp_query_pci(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const no_args[] = { NULL };
    JsonArray *arr;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    arr = pci_query_info();
    *ret = json_node_init_array(json_node_alloc(), arr);
    json_array_unref(arr);
    return true;
}

/* ---- "info pci" ---- */

static int64_t member_int(JsonObject *o, const char *name)
{
    return json_object_get_int_member(o, name);
}

static void region_text(JsonObject *r, GString *out)
{
    uint64_t addr = member_int(r, "address"), size = member_int(r, "size");
    bool mapped = addr != PCI_BAR_UNMAPPED;

    g_string_append_printf(out, "      BAR%" PRId64 ": ", member_int(r, "bar"));
    if (!strcmp(json_object_get_string_member(r, "type"), "io")) {
        if (mapped) {
            g_string_append_printf(out,
                                   "I/O at 0x%04" PRIx64 " [0x%04" PRIx64 "]\n",
                                   addr, addr + size - 1);
        } else {
            g_string_append(out, "I/O (not mapped)\n");
        }
        return;
    }
    g_string_append_printf(out, "%d bit%s memory",
                           json_object_get_boolean_member(r, "mem_type_64")
                               ? 64
                               : 32,
                           json_object_get_boolean_member(r, "prefetch")
                               ? " prefetchable"
                               : "");
    if (mapped) {
        g_string_append_printf(out, " at 0x%08" PRIx64 " [0x%08" PRIx64 "]\n",
                               addr, addr + size - 1);
    } else {
        g_string_append(out, " (not mapped)\n");
    }
}

static void device_text(JsonObject *d, GString *out)
{
    JsonObject *cls = json_object_get_object_member(d, "class_info");
    JsonObject *id = json_object_get_object_member(d, "id");
    JsonObject *br = json_object_has_member(d, "pci_bridge")
                         ? json_object_get_object_member(d, "pci_bridge")
                         : NULL;
    JsonArray *regions = json_object_get_array_member(d, "regions");

    g_string_append_printf(out,
                           "  Bus %2" PRId64 ", device %3" PRId64
                           ", function %" PRId64 ":\n    ",
                           member_int(d, "bus"), member_int(d, "slot"),
                           member_int(d, "function"));
    if (json_object_has_member(cls, "desc")) {
        g_string_append(out, json_object_get_string_member(cls, "desc"));
    } else {
        /* QEMU prints the class number in decimal here */
        g_string_append_printf(out, "Class %04" PRId64,
                               member_int(cls, "class"));
    }
    g_string_append_printf(out, ": PCI device %04" PRIx64 ":%04" PRIx64 "\n",
                           member_int(id, "vendor"), member_int(id, "device"));
    if (json_object_has_member(id, "subsystem")) {
        g_string_append_printf(out,
                               "      PCI subsystem %04" PRIx64 ":%04" PRIx64
                               "\n",
                               member_int(id, "subsystem-vendor"),
                               member_int(id, "subsystem"));
    }
    if (json_object_has_member(d, "irq")) {
        g_string_append_printf(out, "      IRQ %" PRId64 ", pin %c\n",
                               member_int(d, "irq"),
                               (char)('A' + member_int(d, "irq_pin") - 1));
    }
    if (br) {
        JsonObject *b = json_object_get_object_member(br, "bus");
        JsonObject *io = json_object_get_object_member(b, "io_range");
        JsonObject *mem = json_object_get_object_member(b, "memory_range");
        JsonObject *pf = json_object_get_object_member(b, "prefetchable_range");

        g_string_append_printf(out,
                               "      BUS %" PRId64
                               ".\n      secondary bus %" PRId64
                               ".\n      subordinate bus %" PRId64 ".\n"
                               "      IO range [0x%04" PRIx64 ", 0x%04" PRIx64
                               "]\n"
                               "      memory range [0x%08" PRIx64
                               ", 0x%08" PRIx64 "]\n"
                               "      prefetchable memory range [0x%08" PRIx64
                               ", 0x%08" PRIx64 "]\n",
                               member_int(b, "number"),
                               member_int(b, "secondary"),
                               member_int(b, "subordinate"),
                               member_int(io, "base"), member_int(io, "limit"),
                               member_int(mem, "base"),
                               member_int(mem, "limit"), member_int(pf, "base"),
                               member_int(pf, "limit"));
    }
    for (guint i = 0; i < json_array_get_length(regions); i++) {
        region_text(json_array_get_object_element(regions, i), out);
    }
    g_string_append_printf(out, "      id \"%s\"\n",
                           json_object_get_string_member(d, "qdev_id"));
    if (br && json_object_has_member(br, "devices")) {
        JsonArray *below = json_object_get_array_member(br, "devices");

        for (guint i = 0; i < json_array_get_length(below); i++) {
            device_text(json_array_get_object_element(below, i), out);
        }
    }
}

void pci_info_text(JsonArray *buses, GString *out)
{
    for (guint b = 0; b < json_array_get_length(buses); b++) {
        JsonObject *bus = json_array_get_object_element(buses, b);
        JsonArray *devs = json_object_get_array_member(bus, "devices");

        for (guint i = 0; i < json_array_get_length(devs); i++) {
            device_text(json_array_get_object_element(devs, i), out);
        }
    }
}

static void hmp_info_pci(GString *out)
{
    JsonArray *buses = pci_query_info();

    pci_info_text(buses, out);
    json_array_unref(buses);
}

static void pci_monitor_register(void)
{
    qmp_register_command("query-pci", qmp_query_pci, QCO_NO_FLAGS);
    hmp_register_info("pci", "show PCI info", hmp_info_pci);
}

module_init(pci_monitor_register)
