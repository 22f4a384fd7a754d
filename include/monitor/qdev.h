/*
 * Creating devices from -device / device_add, and device help.
 */
#ifndef MONITOR_QDEV_H
#define MONITOR_QDEV_H

#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include <json-glib/json-glib.h>

/*
 * Create, configure and realize the device described by @opts
 * ({"driver": ..., "id": ..., "bus": ..., PROP: VALUE...}). @from_json:
 * values are typed JSON (-device '{...}'), else strings parsed per
 * property type (key=value form, QMP device_add). On failure nothing is
 * left behind. On success the composition tree holds the device; the
 * returned reference is the caller's (object_unref it).
 */
DeviceState *qdev_device_add_from_qdict(JsonObject *opts, bool from_json,
                                        Error **errp);

/*
 * Handle "help" in -device options: "-device help" lists the devices,
 * "-device DRIVER,help" (a "help" or "?" key) lists its properties, both
 * on stdout. Returns true when help was printed (or its error reported).
 */
bool qdev_device_help(JsonObject *opts);
/* The -device help listing. */
void qdev_list_devices(void);

/*
 * device-list-properties for @typename: [{"name", "type", "description"?,
 * "default-value"?}]. "Device 'X' not found" (DeviceNotFound),
 * "Parameter 'typename' expects a non-abstract device type".
 */
JsonArray *qdev_list_properties(const char *typename, Error **errp);

/* device_del: by id or QOM path. */
bool qdev_device_del(const char *id, Error **errp);

#endif
