/*
 * Finding a bus from a -device bus= value.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"

BusState *qbus_find_recursive(BusState *bus, const char *name, const char *type)
{
    bool match = (!name || !strcmp(bus->name, name)) &&
                 (!type || object_dynamic_cast(OBJECT(bus), type));
    GList *l;

    if (match && (name || !qbus_is_full(bus))) {
        return bus;
    }
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = ((BusChild *)l->data)->child;
        GSList *c;

        for (c = dev->child_bus; c; c = c->next) {
            BusState *found = qbus_find_recursive(c->data, name, type);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

static DeviceState *qbus_find_dev(BusState *bus, const char *elem)
{
    GList *l;

    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = ((BusChild *)l->data)->child;

        if (dev->id && !strcmp(dev->id, elem)) {
            return dev;
        }
    }
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = ((BusChild *)l->data)->child;
        const char *type = object_get_typename(OBJECT(dev));
        const char *alias = qdev_typename_to_alias(type);

        if (!strcmp(type, elem) || (alias && !strcmp(alias, elem))) {
            return dev;
        }
    }
    return NULL;
}

static void qbus_hint_devices(BusState *bus, Error **errp)
{
    const char *sep = " ";
    GList *l;

    error_append_hint(errp, "devices at \"%s\":", bus->name);
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = ((BusChild *)l->data)->child;

        error_append_hint(errp, "%s\"%s\"", sep,
                          object_get_typename(OBJECT(dev)));
        if (dev->id) {
            error_append_hint(errp, "/\"%s\"", dev->id);
        }
        sep = ", ";
    }
    error_append_hint(errp, "\n");
}

static void qbus_hint_buses(DeviceState *dev, Error **errp)
{
    const char *sep = " ";
    GSList *l;

    error_append_hint(errp, "child buses at \"%s\":",
                      dev->id ? dev->id : object_get_typename(OBJECT(dev)));
    for (l = dev->child_bus; l; l = l->next) {
        error_append_hint(errp, "%s\"%s\"", sep, ((BusState *)l->data)->name);
        sep = ", ";
    }
    error_append_hint(errp, "\n");
}

/* The bus below device @elem of @bus; @last: @elem ends the path. */
static BusState *qbus_step(BusState *bus, const char *elem,
                           const char *bus_elem, Error **errp)
{
    DeviceState *dev = qbus_find_dev(bus, elem);
    BusState *child;

    if (!dev) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  elem);
        qbus_hint_devices(bus, errp);
        return NULL;
    }
    if (!bus_elem) {
        if (dev->num_child_bus == 1) {
            return dev->child_bus->data;
        }
        if (dev->num_child_bus) {
            error_setg(errp, "Device '%s' has multiple child buses", elem);
            qbus_hint_buses(dev, errp);
        } else {
            error_setg(errp, "Device '%s' has no child bus", elem);
        }
        return NULL;
    }
    child = qdev_get_child_bus(dev, bus_elem);
    if (!child) {
        error_setg(errp, "Bus '%s' not found", bus_elem);
        qbus_hint_buses(dev, errp);
    }
    return child;
}

static BusState *qbus_walk_path(BusState *bus, char **elems, Error **errp)
{
    size_t i;

    for (i = 0; bus && elems[i]; i += 2) {
        bus = qbus_step(bus, elems[i], elems[i + 1], errp);
        if (!elems[i + 1]) {
            break;
        }
    }
    return bus;
}

static char **qbus_split_path(const char *path)
{
    char **parts = g_strsplit(path, "/", -1);
    GPtrArray *elems = g_ptr_array_new();
    char **p;

    for (p = parts; *p; p++) {
        if (**p) {
            g_ptr_array_add(elems, g_strdup(*p));
        }
    }
    g_strfreev(parts);
    g_ptr_array_add(elems, NULL);
    return (char **)g_ptr_array_free(elems, false);
}

BusState *qbus_find(const char *path, Error **errp)
{
    g_auto(GStrv) elems = qbus_split_path(path);
    BusState *bus;
    char **rest = elems;

    if (path[0] == '/') {
        bus = sysbus_get_default();
    } else {
        const char *name = elems[0] ? elems[0] : "";

        bus = qbus_find_recursive(sysbus_get_default(), name, NULL);
        if (!bus) {
            error_setg(errp, "Bus '%s' not found", name);
            return NULL;
        }
        rest = elems[0] ? elems + 1 : elems;
    }
    bus = qbus_walk_path(bus, rest, errp);
    if (bus && qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", path);
        return NULL;
    }
    return bus;
}
