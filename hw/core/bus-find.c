/*
 * The bus named by a -device bus= value.
 *
 * The value is a list of names separated by '/'; empty names (from "//"
 * or a trailing '/') do not count. A leading '/' starts at the main
 * system bus; otherwise the first name is a bus anywhere in the tree.
 * After the start the names alternate: a device on the current bus (its
 * id, else its type or alias), then one of that device's child buses. A
 * list that ends on a device means the device's only child bus.
 *
 * When a name does not resolve, the error's hint lists what is there,
 * in the format QEMU prints:
 *   devices at "virtual-css": "virtio-net-ccw"/"net0", "vfio-ccw"
 *   child buses at "virtual-css-bridge": "virtual-css"
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "bus-internal.h"

/* ---- the index of buses ---- */

/* name -> GPtrArray of the buses called so; every bus */
static GHashTable *buses_by_name;
static GHashTable *all_buses;

void qbus_index_add(BusState *bus)
{
    if (!all_buses) {
        buses_by_name = g_hash_table_new(g_str_hash, g_str_equal);
        all_buses = g_hash_table_new(g_direct_hash, g_direct_equal);
    }
    g_hash_table_add(all_buses, bus);
}

void qbus_index_add_name(BusState *bus)
{
    GPtrArray *same = g_hash_table_lookup(buses_by_name, bus->name);

    if (!same) {
        same = g_ptr_array_new();
        g_hash_table_insert(buses_by_name, bus->name, same);
    }
    g_ptr_array_add(same, bus);
}

void qbus_index_remove(BusState *bus)
{
    GPtrArray *same = bus->name ? g_hash_table_lookup(buses_by_name, bus->name)
                                : NULL;

    g_hash_table_remove(all_buses, bus);
    if (!same || !g_ptr_array_remove(same, bus)) {
        return;
    }
    /* the key is a bus's name: re-key on a remaining one, or drop it */
    g_hash_table_steal(buses_by_name, bus->name);
    if (same->len) {
        g_hash_table_insert(buses_by_name,
                            ((BusState *)g_ptr_array_index(same, 0))->name,
                            same);
    } else {
        g_ptr_array_free(same, true);
    }
}

/* Whether the tree walk from @top reaches @bus. */
static bool bus_is_below(BusState *bus, BusState *top)
{
    while (bus != top) {
        if (!bus->parent || !bus->parent->parent_bus) {
            return false;
        }
        bus = bus->parent->parent_bus;
    }
    return true;
}

/* ---- searching the whole tree ---- */

typedef struct BusWanted {
    const char *name; /* NULL: any name, but only a bus with room */
    const char *type; /* NULL: any type */
} BusWanted;

static bool bus_is_wanted(BusState *bus, const BusWanted *want)
{
    if (want->name && !g_str_equal(bus->name, want->name)) {
        return false;
    }
    if (want->type && !object_dynamic_cast(OBJECT(bus), want->type)) {
        return false;
    }
    return want->name || !qbus_is_full(bus);
}

/* Pre-order: @bus, then the buses of each child device, in order. */
static BusState *bus_tree_search(BusState *bus, const BusWanted *want)
{
    GList *kid;

    if (bus_is_wanted(bus, want)) {
        return bus;
    }
    for (kid = bus->children; kid; kid = kid->next) {
        DeviceState *dev = ((BusChild *)kid->data)->child;
        GSList *sub;

        for (sub = dev->child_bus; sub; sub = sub->next) {
            BusState *hit = bus_tree_search(sub->data, want);

            if (hit) {
                return hit;
            }
        }
    }
    return NULL;
}

/*
 * The index answers when at most one bus below @top could match: the
 * walk would find that one or nothing.  With several it is the first in
 * pre-order, and the walk decides.
 */
static bool bus_index_search(BusState *top, const BusWanted *want,
                             BusState **hit)
{
    BusState *only = NULL;

    if (want->name) {
        GPtrArray *same = buses_by_name
                              ? g_hash_table_lookup(buses_by_name, want->name)
                              : NULL;

        if (same && same->len > 1) {
            return false;
        }
        only = same ? g_ptr_array_index(same, 0) : NULL;
    } else if (want->type && all_buses) {
        GHashTableIter it;
        gpointer key;

        g_hash_table_iter_init(&it, all_buses);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            if (object_dynamic_cast(OBJECT(key), want->type) &&
                bus_is_below(key, top)) {
                if (only) {
                    return false;
                }
                only = key;
            }
        }
    } else {
        return false;
    }
    *hit = only && bus_is_below(only, top) && bus_is_wanted(only, want) ? only
                                                                        : NULL;
    return true;
}

BusState *qbus_find_recursive(BusState *bus, const char *name, const char *type)
{
    BusWanted want = { .name = name, .type = type };
    BusState *hit;

    if (bus_index_search(bus, &want, &hit)) {
        return hit;
    }
    return bus_tree_search(bus, &want);
}

/* ---- hints ---- */

/* 'LABEL "WHERE": A, B, C' as one hint line; @items is consumed. */
static void hint_listing(Error **errp, const char *label, const char *where,
                         GPtrArray *items)
{
    g_autofree char *joined = NULL;
    bool empty = items->len == 0;

    g_ptr_array_add(items, NULL);
    joined = g_strjoinv(", ", (char **)items->pdata);
    error_append_hint(errp, "%s \"%s\":%s%s\n", label, where, empty ? "" : " ",
                      joined);
    g_ptr_array_free(items, true);
}

static void hint_devices_on(BusState *bus, Error **errp)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    GList *kid;

    for (kid = bus->children; kid; kid = kid->next) {
        DeviceState *dev = ((BusChild *)kid->data)->child;
        const char *type = object_get_typename(OBJECT(dev));

        g_ptr_array_add(items, dev->id ? g_strdup_printf("\"%s\"/\"%s\"", type,
                                                         dev->id)
                                       : g_strdup_printf("\"%s\"", type));
    }
    hint_listing(errp, "devices at", bus->name, items);
}

static void hint_buses_of(DeviceState *dev, Error **errp)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    GSList *sub;

    for (sub = dev->child_bus; sub; sub = sub->next) {
        g_ptr_array_add(items, g_strdup_printf("\"%s\"",
                                               ((BusState *)sub->data)->name));
    }
    hint_listing(errp, "child buses at",
                 dev->id ? dev->id : object_get_typename(OBJECT(dev)), items);
}

/* ---- one step of the path ---- */

static bool device_answers_to(DeviceState *dev, const char *name, bool by_id)
{
    const char *type = object_get_typename(OBJECT(dev));
    const char *alias;

    if (by_id) {
        return dev->id && g_str_equal(dev->id, name);
    }
    alias = qdev_typename_to_alias(type);
    return g_str_equal(type, name) || (alias && g_str_equal(alias, name));
}

/* An id match anywhere on the bus beats a type or alias match. */
static DeviceState *bus_device_named(BusState *bus, const char *name)
{
    int by_id;

    for (by_id = 1; by_id >= 0; by_id--) {
        GList *kid;

        for (kid = bus->children; kid; kid = kid->next) {
            DeviceState *dev = ((BusChild *)kid->data)->child;

            if (device_answers_to(dev, name, by_id)) {
                return dev;
            }
        }
    }
    return NULL;
}

static BusState *device_sole_bus(DeviceState *dev, const char *dev_name,
                                 Error **errp)
{
    if (dev->num_child_bus == 1) {
        return dev->child_bus->data;
    }
    if (!dev->num_child_bus) {
        error_setg(errp, "Device '%s' has no child bus", dev_name);
        return NULL;
    }
    error_setg(errp, "Device '%s' has multiple child buses", dev_name);
    hint_buses_of(dev, errp);
    return NULL;
}

static BusState *device_bus_named(DeviceState *dev, const char *bus_name,
                                  Error **errp)
{
    BusState *below = qdev_get_child_bus(dev, bus_name);

    if (below) {
        return below;
    }
    error_setg(errp, "Bus '%s' not found", bus_name);
    hint_buses_of(dev, errp);
    return NULL;
}

static void refuse_unknown_device(BusState *bus, const char *dev_name,
                                  Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
              dev_name);
    hint_devices_on(bus, errp);
}

/* ---- the whole path ---- */

/* The non-empty names of @path, NULL-terminated. */
static char **path_names(const char *path)
{
    char **names = g_strsplit(path, "/", -1);
    size_t in, out = 0;

    for (in = 0; names[in]; in++) {
        if (*names[in]) {
            names[out++] = names[in];
        } else {
            g_free(names[in]);
        }
    }
    names[out] = NULL;
    return names;
}

BusState *qbus_find(const char *path, Error **errp)
{
    g_auto(GStrv) names = path_names(path);
    BusState *bus = sysbus_get_default();
    size_t next = 0;

    if (path[0] != '/') {
        const char *first = names[0] ? names[0] : "";

        bus = qbus_find_recursive(bus, first, NULL);
        if (!bus) {
            error_setg(errp, "Bus '%s' not found", first);
            return NULL;
        }
        next = names[0] ? 1 : 0;
    }
    while (bus && names[next]) {
        const char *dev_name = names[next++];
        DeviceState *dev = bus_device_named(bus, dev_name);

        if (!dev) {
            refuse_unknown_device(bus, dev_name, errp);
            return NULL;
        }
        bus = names[next] ? device_bus_named(dev, names[next++], errp)
                          : device_sole_bus(dev, dev_name, errp);
    }
    if (bus && qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", path);
        return NULL;
    }
    return bus;
}
