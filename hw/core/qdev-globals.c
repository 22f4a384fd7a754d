/*
 * -global driver.prop=value defaults, and -device alias names.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

static GPtrArray *global_props; /* GlobalProperty *, registration order */

static void global_free(gpointer data)
{
    GlobalProperty *g = data;

    g_free(g->driver);
    g_free(g->property);
    g_free(g->value);
    g_free(g);
}

void qdev_prop_register_global(const char *driver, const char *property,
                               const char *value)
{
    GlobalProperty *g = g_new0(GlobalProperty, 1);

    if (!global_props) {
        global_props = g_ptr_array_new_with_free_func(global_free);
    }
    g->driver = g_strdup(driver);
    g->property = g_strdup(property);
    g->value = g_strdup(value);
    g->user_provided = true;
    g_ptr_array_add(global_props, g);
}

void qdev_prop_reset_globals(void)
{
    if (global_props) {
        g_ptr_array_free(global_props, true);
        global_props = NULL;
    }
}

/* "driver.prop=value": the driver ends at the first '.', the name at '='. */
static bool global_parse_dotted(const char *str)
{
    const char *dot = strchr(str, '.');
    const char *eq = strchr(str, '=');
    g_autofree char *driver = NULL;
    g_autofree char *prop = NULL;

    if (!dot || !eq || dot > eq || dot == str || eq == dot + 1) {
        return false;
    }
    driver = g_strndup(str, dot - str);
    prop = g_strndup(dot + 1, eq - dot - 1);
    qdev_prop_register_global(driver, prop, eq + 1);
    return true;
}

/* Next "key=value" of a comma list with ",," escapes. */
static const char *global_next_pair(const char *p, GString *key, GString *val)
{
    g_string_truncate(key, 0);
    g_string_truncate(val, 0);
    while (*p && *p != '=' && *p != ',') {
        g_string_append_c(key, *p++);
    }
    if (*p == '=') {
        for (p++; *p; p++) {
            if (*p == ',' && p[1] != ',') {
                break;
            }
            if (*p == ',') {
                p++;
            }
            g_string_append_c(val, *p);
        }
    }
    return *p == ',' ? p + 1 : p;
}

static bool global_parse_keyval(const char *str, Error **errp)
{
    static const char *const keys[] = { "driver", "property", "value" };
    g_autoptr(GString) key = g_string_new(NULL);
    g_autoptr(GString) val = g_string_new(NULL);
    char *vals[3] = { NULL, NULL, NULL };
    bool ok = true;
    size_t i;

    while (*str && ok) {
        str = global_next_pair(str, key, val);
        for (i = 0; i < 3 && strcmp(key->str, keys[i]); i++) {
        }
        if (i == 3) {
            error_setg(errp, "Invalid parameter '%s'", key->str);
            ok = false;
        } else {
            g_free(vals[i]);
            vals[i] = g_strdup(val->str);
        }
    }
    for (i = 0; ok && i < 3; i++) {
        if (!vals[i]) {
            error_setg(errp, "Parameter '%s' is missing", keys[i]);
            ok = false;
        }
    }
    if (ok) {
        qdev_prop_register_global(vals[0], vals[1], vals[2]);
    }
    for (i = 0; i < 3; i++) {
        g_free(vals[i]);
    }
    return ok;
}

bool qdev_global_parse(const char *optarg, Error **errp)
{
    return global_parse_dotted(optarg) || global_parse_keyval(optarg, errp);
}

bool qdev_prop_set_globals(DeviceState *dev, Error **errp)
{
    guint i;

    for (i = 0; global_props && i < global_props->len; i++) {
        GlobalProperty *g = g_ptr_array_index(global_props, i);
        Error *err = NULL;

        if (!object_dynamic_cast(OBJECT(dev), g->driver)) {
            continue;
        }
        g->used = true;
        if (object_property_parse(OBJECT(dev), g->property, g->value, &err)) {
            continue;
        }
        error_prepend(&err, "can't apply global %s.%s=%s: ", g->driver,
                      g->property, g->value);
        if (dev->hotplugged) {
            warn_report_err(err);
            continue;
        }
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static bool global_check_one(GlobalProperty *g)
{
    ObjectClass *oc = object_class_by_name(g->driver);

    if (g->used || !g->user_provided) {
        return true;
    }
    oc = oc ? object_class_dynamic_cast(oc, TYPE_DEVICE) : NULL;
    if (!oc) {
        warn_report("global %s.%s has invalid class name", g->driver,
                    g->property);
        return false;
    }
    if (!DEVICE_CLASS(oc)->hotpluggable) {
        warn_report("global %s.%s=%s not used", g->driver, g->property,
                    g->value);
        return false;
    }
    return true;
}

int qdev_prop_check_globals(void)
{
    int warnings = 0;
    guint i;

    for (i = 0; global_props && i < global_props->len; i++) {
        warnings += !global_check_one(g_ptr_array_index(global_props, i));
    }
    return warnings;
}

/* ---- aliases ---- */

static GHashTable *alias_to_type;
static GHashTable *type_to_alias;

void qdev_register_alias(const char *typename, const char *alias)
{
    if (!alias_to_type) {
        alias_to_type = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                              g_free);
        type_to_alias = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                              g_free);
    }
    g_hash_table_replace(alias_to_type, g_strdup(alias), g_strdup(typename));
    g_hash_table_replace(type_to_alias, g_strdup(typename), g_strdup(alias));
}

const char *qdev_alias_to_typename(const char *alias)
{
    return alias_to_type ? g_hash_table_lookup(alias_to_type, alias) : NULL;
}

const char *qdev_typename_to_alias(const char *typename)
{
    return type_to_alias ? g_hash_table_lookup(type_to_alias, typename) : NULL;
}
