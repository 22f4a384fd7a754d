/*
 * What a device type offers: device-list-properties, "-device help" and
 * "-device DRIVER,help". The listings follow QEMU's output format:
 *
 *   Misc devices:
 *   name "ccw-testdev", bus virtual-css-bus, desc "..."
 *
 *   ccw-testdev options:
 *     devno=<str>            - Identifier of ... (default: ...)
 */
#include "qemu/osdep.h"
#include "qobject/qjson.h"
#include "monitor/qdev.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

/* ---- device-list-properties ---- */

/* Properties every device has, which QEMU leaves out of the listing. */
static bool prop_is_internal(const char *name)
{
    static const char *const internal[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus", NULL,
    };

    return g_strv_contains(internal, name) || g_str_has_prefix(name, "legacy-");
}

static JsonObject *prop_describe(const ObjectProperty *prop)
{
    JsonObject *entry = json_object_new();

    json_object_set_string_member(entry, "name", prop->name);
    json_object_set_string_member(entry, "type", prop->type);
    if (prop->description) {
        json_object_set_string_member(entry, "description", prop->description);
    }
    if (prop->defval) {
        json_object_set_member(entry, "default-value",
                               json_node_copy(prop->defval));
    }
    return entry;
}

static ObjectClass *listable_device_class(const char *typename, Error **errp)
{
    ObjectClass *oc = object_class_by_name(typename);

    if (!oc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  typename);
        return NULL;
    }
    if (object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp,
                   "Parameter 'typename' expects a non-abstract device type");
        return NULL;
    }
    return oc;
}

/* A temporary instance shows the properties added at instance init too. */
JsonArray *qdev_list_properties(const char *typename, Error **errp)
{
    ObjectPropertyIterator it;
    ObjectProperty *prop;
    JsonArray *out;
    Object *probe;

    if (!listable_device_class(typename, errp)) {
        return NULL;
    }
    out = json_array_new();
    probe = object_new(typename);
    object_property_iter_init(&it, probe);
    while ((prop = object_property_iter_next(&it)) != NULL) {
        if (!prop_is_internal(prop->name)) {
            json_array_add_object_element(out, prop_describe(prop));
        }
    }
    object_unref(probe);
    return out;
}

/* ---- -device DRIVER,help ---- */

/* Where " - description" starts when the name is shorter. */
#define HELP_DESC_COLUMN 24

static const char *entry_string(JsonObject *entry, const char *key)
{
    return json_object_has_member(entry, key)
               ? json_object_get_string_member(entry, key)
               : NULL;
}

static char *help_line(JsonObject *entry)
{
    GString *line = g_string_new("  ");
    const char *desc = entry_string(entry, "description");
    JsonNode *def = json_object_get_member(entry, "default-value");

    g_string_append_printf(line, "%s=<%s>", entry_string(entry, "name"),
                           entry_string(entry, "type"));
    if (desc || def) {
        if (line->len < HELP_DESC_COLUMN) {
            g_string_append_printf(line, "%*s",
                                   (int)(HELP_DESC_COLUMN - line->len), "");
        }
        g_string_append_printf(line, " - %s", desc ? desc : "");
    }
    if (def) {
        /* an unsigned default above INT64_MAX as QEMU prints it */
        g_autofree char *text =
            qjson_node_is_big_uint(def)
                ? g_strdup_printf("%" PRIu64, (uint64_t)json_node_get_int(def))
                : json_to_string(def, false);

        g_string_append_printf(line, " (default: %s)", text);
    }
    return g_string_free(line, false);
}

static gint strptr_cmp(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

static void help_print_props(const char *driver, JsonArray *props)
{
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
    guint n = json_array_get_length(props);
    guint i;

    if (!n) {
        printf("There are no options for %s.\n", driver);
        return;
    }
    for (i = 0; i < n; i++) {
        g_ptr_array_add(lines,
                        help_line(json_array_get_object_element(props, i)));
    }
    g_ptr_array_sort(lines, strptr_cmp);
    printf("%s options:\n", driver);
    for (i = 0; i < lines->len; i++) {
        puts(g_ptr_array_index(lines, i));
    }
}

static const char *help_opt_driver(JsonObject *opts)
{
    JsonNode *node = json_object_get_member(opts, "driver");

    if (!node || !JSON_NODE_HOLDS_VALUE(node) ||
        json_node_get_value_type(node) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(node);
}

bool qdev_device_help(JsonObject *opts)
{
    const char *driver = help_opt_driver(opts);
    Error *err = NULL;
    JsonArray *props;

    if (!driver) {
        return false;
    }
    if (is_help_option(driver)) {
        qdev_list_devices();
        return true;
    }
    if (!json_object_has_member(opts, "help") &&
        !json_object_has_member(opts, "?")) {
        return false;
    }
    if (!object_class_by_name(driver) && qdev_alias_to_typename(driver)) {
        driver = qdev_alias_to_typename(driver);
    }
    props = qdev_list_properties(driver, &err);
    if (!props) {
        error_report_err(err);
        return true;
    }
    help_print_props(driver, props);
    json_array_unref(props);
    return true;
}

/* ---- -device help ---- */

static const char *category_title(int cat)
{
    switch (cat) {
    case DEVICE_CATEGORY_BRIDGE:
        return "Controller/Bridge/Hub";
    case DEVICE_CATEGORY_USB:
        return "USB";
    case DEVICE_CATEGORY_STORAGE:
        return "Storage";
    case DEVICE_CATEGORY_NETWORK:
        return "Network";
    case DEVICE_CATEGORY_INPUT:
        return "Input";
    case DEVICE_CATEGORY_DISPLAY:
        return "Display";
    case DEVICE_CATEGORY_SOUND:
        return "Sound";
    case DEVICE_CATEGORY_MISC:
        return "Misc";
    case DEVICE_CATEGORY_CPU:
        return "CPU";
    case DEVICE_CATEGORY_WATCHDOG:
        return "Watchdog";
    default:
        return "Uncategorized";
    }
}

/* The last section, DEVICE_CATEGORY_MAX, holds devices without category. */
static bool device_listed_under(const DeviceClass *dc, int cat)
{
    unsigned long known = (1UL << DEVICE_CATEGORY_MAX) - 1;

    if (!dc->user_creatable) {
        return false;
    }
    if (cat == DEVICE_CATEGORY_MAX) {
        return (dc->categories & known) == 0;
    }
    return (dc->categories >> cat) & 1;
}

static void device_info_line(DeviceClass *dc)
{
    const char *type = object_class_get_name(OBJECT_CLASS(dc));
    const char *alias = qdev_typename_to_alias(type);
    g_autoptr(GString) line = g_string_new(NULL);

    g_string_append_printf(line, "name \"%s\"", type);
    if (dc->bus_type) {
        g_string_append_printf(line, ", bus %s", dc->bus_type);
    }
    if (alias) {
        g_string_append_printf(line, ", alias \"%s\"", alias);
    }
    if (dc->desc) {
        g_string_append_printf(line, ", desc \"%s\"", dc->desc);
    }
    puts(line->str);
}

void qdev_list_devices(void)
{
    g_autoptr(GSList) types = object_class_get_list_sorted(TYPE_DEVICE, false);
    int cat;

    for (cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool titled = false;
        GSList *t;

        for (t = types; t; t = t->next) {
            DeviceClass *dc = DEVICE_CLASS(t->data);

            if (!device_listed_under(dc, cat)) {
                continue;
            }
            if (!titled) {
                /* sections after the first one are set apart by a blank */
                printf("%s%s devices:\n", cat ? "\n" : "", category_title(cat));
                titled = true;
            }
            device_info_line(dc);
        }
    }
}
