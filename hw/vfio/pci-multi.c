/*
 * vfio-pci's extended host= (docs/system/s390x/vfio-pci.rst,
 * "Multi-function devices"): one -device / device_add whose host= names
 * several host functions (a range, a list, '*', P=V maps) or carries
 * @VSLOT or options stands for one vfio-pci function per host function,
 * all in one guest slot.  The plain DDDD:BB:DD.F is not touched here.
 *
 * The functions are created with the usual device_add path, one by one:
 * host= of one function, addr=SLOT.F, multifunction=on when the slot
 * holds a multi-function device, the id ID for the lowest guest
 * function and ID.F for the others.  They come in descending guest
 * function order, so that function 0 arrives last (QEMU's hot-plug
 * rule; Linux on s390 also scans the slot when its function 0 appears).
 * A failure removes the functions made so far.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/pci-bdf.h"
#include "monitor/qdev.h"
#include "hw/hotplug.h"
#include "hw/qdev-properties-system.h"
#include "pci-int.h"

/* Keys of the device line that host= may not carry as options */
static const char *const mf_reserved_keys[] = {
    "driver", "id", "bus", "addr", "multifunction", "host", "sysfsdev", NULL,
};

typedef struct VfioMf {
    JsonObject *opts;
    bool from_json;
    const char *host;
    PCIBus *bus;
    PciBdfSpec spec;
    PciBdfExpansion x;
    int slot;
} VfioMf;

static const char *mf_opt_string(JsonObject *opts, const char *key)
{
    JsonNode *n = json_object_get_member(opts, key);

    if (!n || !JSON_NODE_HOLDS_VALUE(n) ||
        json_node_get_value_type(n) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(n);
}

/* The scheme: mapping= of the line or of host='s options (not both) */
static bool mf_mapping(VfioMf *m, PciBdfMapping *mapping, Error **errp)
{
    const char *name = mf_opt_string(m->opts, "mapping");

    if (json_object_has_member(m->opts, "mapping") && !name) {
        error_setg(errp, "vfio-pci: mapping: expects identity, least or func0");
        return false;
    }
    if (!name) {
        name = pci_bdf_spec_opt(&m->spec, "mapping");
    }
    if (!name) {
        *mapping = PCI_BDF_MAP_DEFAULT;
        return true;
    }
    if (!pci_bdf_mapping_parse(name, mapping, errp)) {
        error_prepend(errp, "vfio-pci: ");
        return false;
    }
    return true;
}

static bool mf_check_spec_opts(VfioMf *m, Error **errp)
{
    for (unsigned i = 0; i < m->spec.nopts; i++) {
        const char *key = m->spec.opts[i].key;

        if (g_strv_contains(mf_reserved_keys, key)) {
            error_setg(errp,
                       "vfio-pci: host '%s': option '%s' cannot be given "
                       "inside host=",
                       m->host, key);
            return false;
        }
        if (json_object_has_member(m->opts, key)) {
            error_setg(errp,
                       "vfio-pci: host '%s': option '%s' is given both "
                       "inside host= and as a property",
                       m->host, key);
            return false;
        }
    }
    return true;
}

/* addr= of the line: its slot, or -1; it may not name a function > 0 */
static bool mf_addr_slot(VfioMf *m, int *slot, Error **errp)
{
    JsonNode *n = json_object_get_member(m->opts, "addr");
    const char *str = mf_opt_string(m->opts, "addr");
    int32_t devfn = -1;

    *slot = -1;
    if (!n) {
        return true;
    }
    if (str ? pci_devfn_parse(str, &devfn) < 0
            : !(JSON_NODE_HOLDS_VALUE(n) &&
                json_node_get_value_type(n) == G_TYPE_INT64 &&
                (devfn = json_node_get_int(n)) >= 0 && devfn < 256)) {
        error_setg(errp, "vfio-pci: addr: expects SLOT or SLOT.0 (hex)");
        return false;
    }
    if (PCI_FUNC(devfn)) {
        error_setg(errp,
                   "vfio-pci: host '%s': addr=%x.%x names a function; with "
                   "host functions expanded, addr= gives the guest slot "
                   "only (SLOT or SLOT.0)",
                   m->host, PCI_SLOT(devfn), PCI_FUNC(devfn));
        return false;
    }
    *slot = PCI_SLOT(devfn);
    return true;
}

static bool mf_slot_free(VfioMf *m, int slot)
{
    if (pci_bus_get_device(m->bus, PCI_DEVFN(slot, 0))) {
        return false; /* QEMU's automatic slots: function 0 free */
    }
    for (unsigned i = 0; i < m->x.n; i++) {
        if (pci_bus_get_device(m->bus, PCI_DEVFN(slot, m->x.f[i].vfunc))) {
            return false;
        }
    }
    return true;
}

/* The guest slot: @VSLOT, addr= or the lowest free one; all free */
static bool mf_pick_slot(VfioMf *m, Error **errp)
{
    int addr;

    if (!mf_addr_slot(m, &addr, errp)) {
        return false;
    }
    if (addr >= 0 && m->x.vslot != PCI_BDF_NO_VSLOT && addr != m->x.vslot) {
        error_setg(errp,
                   "vfio-pci: host '%s': guest slot 0x%x (@VSLOT) and "
                   "addr=0x%x disagree",
                   m->host, m->x.vslot, addr);
        return false;
    }
    m->slot = addr >= 0 ? addr : m->x.vslot;
    if (m->slot < 0) {
        for (int s = 0; s < PCI_SLOT_MAX && m->slot < 0; s++) {
            if (mf_slot_free(m, s)) {
                m->slot = s;
            }
        }
        if (m->slot < 0) {
            error_setg(errp,
                       "PCI: no slot/function available for vfio-pci, all in "
                       "use or reserved");
            return false;
        }
        return true;
    }
    for (unsigned i = 0; i < m->x.n; i++) {
        PCIDevice *o = pci_bus_get_device(m->bus,
                                          PCI_DEVFN(m->slot, m->x.f[i].vfunc));

        if (o) {
            /* QEMU's words for an occupied function */
            error_setg(errp,
                       "PCI: slot %d function %d not available for vfio-pci, "
                       "in use by %s,id=%s",
                       m->slot, m->x.f[i].vfunc, o->name,
                       DEVICE(o)->id ? DEVICE(o)->id : "(null)");
            return false;
        }
    }
    return true;
}

static void mf_set(JsonObject *o, const char *key, const char *val)
{
    json_object_set_string_member(o, key, val);
}

/* The device line of expanded function @i */
static JsonObject *mf_function_opts(VfioMf *m, unsigned i, unsigned lead)
{
    JsonObject *o = json_object_new();
    g_autoptr(GList) keys = json_object_get_members(m->opts);
    const char *id = mf_opt_string(m->opts, "id");
    const PciBdfFunc *f = &m->x.f[i];
    g_autofree char *host = pci_bdf_format(m->x.domain, m->x.bus, m->x.slot,
                                           f->pfunc);
    g_autofree char *addr = g_strdup_printf("%x.%x", m->slot, f->vfunc);

    for (GList *k = keys; k; k = k->next) {
        json_object_set_member(o, k->data,
                               json_node_copy(
                                   json_object_get_member(m->opts, k->data)));
    }
    for (unsigned j = 0; j < m->spec.nopts; j++) {
        mf_set(o, m->spec.opts[j].key, m->spec.opts[j].value);
    }
    mf_set(o, "host", host);
    mf_set(o, "addr", addr);
    if (m->from_json) {
        json_object_set_boolean_member(o, "multifunction", m->x.multifunction);
    } else {
        mf_set(o, "multifunction", m->x.multifunction ? "on" : "off");
    }
    if (id && i != lead) {
        g_autofree char *sub = g_strdup_printf("%s.%u", id, f->vfunc);

        mf_set(o, "id", sub);
    }
    return o;
}

/* Gone at once (the guest is told): undoing a half-made device */
static void mf_undo(DeviceState *dev)
{
    HotplugHandler *hh = qdev_get_hotplug_handler(dev);

    if (hh) {
        hotplug_handler_unplug(hh, dev, NULL);
    }
    if (OBJECT(dev)->parent) {
        object_unparent(OBJECT(dev));
    }
    object_unref(OBJECT(dev));
}

/* Expansion order index of each guest function, highest first */
static void mf_order(const PciBdfExpansion *x, unsigned order[PCI_BDF_FUNCS])
{
    unsigned n = 0;

    for (int v = PCI_BDF_FUNCS - 1; v >= 0; v--) {
        for (unsigned i = 0; i < x->n; i++) {
            if (x->f[i].vfunc == v) {
                order[n++] = i;
            }
        }
    }
}

static DeviceState *mf_create(VfioMf *m, Error **errp)
{
    unsigned order[PCI_BDF_FUNCS];
    DeviceState *made[PCI_BDF_FUNCS];
    unsigned lead;

    mf_order(&m->x, order);
    lead = order[m->x.n - 1];
    for (unsigned k = 0; k < m->x.n; k++) {
        g_autoptr(JsonObject) o = mf_function_opts(m, order[k], lead);

        made[k] = qdev_device_add_from_qdict(o, m->from_json, errp);
        if (!made[k]) {
            while (k--) {
                mf_undo(made[k]);
            }
            return NULL;
        }
    }
    for (unsigned k = 0; k + 1 < m->x.n; k++) {
        object_unref(OBJECT(made[k]));
    }
    return made[m->x.n - 1];
}

static bool mf_expand(VfioMf *m, Error **errp)
{
    PciBdfMapping mapping;
    const VFIOPCIHostOps *ops;

    if (!mf_check_spec_opts(m, errp) || !mf_mapping(m, &mapping, errp)) {
        return false;
    }
    ops = vfio_pci_host_backend_for(m->host,
                                    mf_opt_string(m->opts, "sysfsdev"));
    if (!pci_bdf_expand(&m->spec, mapping, ops->slot_present, NULL, &m->x,
                        errp)) {
        error_prepend(errp, "vfio-pci: host '%s': ", m->host);
        return false;
    }
    return mf_pick_slot(m, errp);
}

DeviceState *vfio_pci_add_expanded(DeviceClass *dc, JsonObject *opts,
                                   bool from_json, BusState *bus, bool *handled,
                                   Error **errp)
{
    VfioMf m = { .opts = opts, .from_json = from_json };
    DeviceState *dev = NULL;

    m.host = mf_opt_string(opts, "host");
    *handled = false;
    if (!m.host || !bus ||
        !pci_bdf_parse(m.host, PCI_BDF_PLUG, &m.spec, NULL)) {
        return NULL; /* realize says what is wrong */
    }
    if (m.spec.multi || m.spec.vslot != PCI_BDF_NO_VSLOT || m.spec.nopts) {
        *handled = true;
        m.bus = PCI_BUS(bus);
        if (mf_expand(&m, errp)) {
            dev = mf_create(&m, errp);
        }
    }
    pci_bdf_spec_clear(&m.spec);
    return dev;
}
