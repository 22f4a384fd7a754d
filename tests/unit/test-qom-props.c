/*
 * Unit tests of QOM instance properties backed by C callbacks
 * (object_property_add_str, object_property_add_enum) and of
 * visitor-level property access (object_property_get/set) with the
 * qobject output and input visitors.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qapi/visitor.h"

#define TYPE_TP_THING "tp-thing"

typedef enum TpMode {
    TP_MODE_OFF,
    TP_MODE_ON,
    TP_MODE_AUTO,
} TpMode;

static const char *const tp_mode_names[] = { "off", "on", "auto" };

static const QEnumLookup tp_mode_lookup = {
    .array = tp_mode_names,
    .size = ARRAY_SIZE(tp_mode_names),
};

typedef struct TpThing {
    Object parent_obj;
    char *label;
    int mode;
    unsigned gets, sets;
    bool fail_get;
} TpThing;

static TpThing *TP_THING(void *obj)
{
    return OBJECT_CHECK(TpThing, obj, TYPE_TP_THING);
}

static char *label_get(Object *obj, Error **errp)
{
    TpThing *t = TP_THING(obj);

    t->gets++;
    if (t->fail_get) {
        error_setg(errp, "label unavailable");
        return NULL;
    }
    return g_strdup(t->label);
}

static void label_set(Object *obj, const char *value, Error **errp)
{
    TpThing *t = TP_THING(obj);

    t->sets++;
    if (g_str_equal(value, "forbidden")) {
        error_setg(errp, "label '%s' refused", value);
        return;
    }
    g_free(t->label);
    t->label = g_strdup(value);
}

static int mode_get(Object *obj, Error **errp)
{
    TpThing *t = TP_THING(obj);

    t->gets++;
    return t->mode;
}

static void mode_set(Object *obj, int value, Error **errp)
{
    TpThing *t = TP_THING(obj);

    t->sets++;
    t->mode = value;
}

static void tp_thing_init(Object *obj)
{
    TpThing *t = TP_THING(obj);

    t->label = g_strdup("initial");
    object_property_add_str(obj, "label", label_get, label_set);
    object_property_add_str(obj, "ro-label", label_get, NULL);
    object_property_add_enum(obj, "mode", "TpMode", &tp_mode_lookup, mode_get,
                             mode_set);
}

static void tp_thing_finalize(Object *obj)
{
    g_free(TP_THING(obj)->label);
}

static const TypeInfo tp_types[] = {
    {
        .name = TYPE_TP_THING,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TpThing),
        .instance_init = tp_thing_init,
        .instance_finalize = tp_thing_finalize,
    },
};

DEFINE_TYPES(tp_types)

static void error_is(Error **err, const char *want)
{
    g_assert_nonnull(*err);
    g_assert_cmpstr(error_get_pretty(*err), ==, want);
    error_free(*err);
    *err = NULL;
}

static void test_str_prop(void)
{
    Object *obj = object_new(TYPE_TP_THING);
    TpThing *t = TP_THING(obj);
    Error *err = NULL;
    g_autofree char *got = NULL;

    g_assert_cmpstr(object_property_get_type(obj, "label", &error_abort), ==,
                    "string");
    got = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(got, ==, "initial");
    g_assert_cmpuint(t->gets, ==, 1);

    g_assert_true(object_property_set_str(obj, "label", "renamed", &err));
    g_assert_null(err);
    g_assert_cmpuint(t->sets, ==, 1);
    g_assert_cmpstr(t->label, ==, "renamed");

    /* the setter's and getter's errors reach the caller */
    g_assert_false(object_property_set_str(obj, "label", "forbidden", &err));
    error_is(&err, "label 'forbidden' refused");
    g_assert_cmpstr(t->label, ==, "renamed");
    t->fail_get = true;
    g_assert_null(object_property_get_str(obj, "label", &err));
    error_is(&err, "label unavailable");
    t->fail_get = false;

    /* no setter: not writable, and the callbacks are not reached */
    t->sets = 0;
    g_assert_false(object_property_set_str(obj, "ro-label", "x", &err));
    error_is(&err, "Property 'tp-thing.ro-label' is not writable");
    g_assert_cmpuint(t->sets, ==, 0);
    g_free(got);
    got = object_property_get_str(obj, "ro-label", &error_abort);
    g_assert_cmpstr(got, ==, "renamed");

    /* a value of the wrong type never reaches the setter */
    g_assert_false(object_property_set_int(obj, "label", 5, &err));
    error_is(&err, "Invalid parameter type for 'label', expected: string");
    g_assert_cmpuint(t->sets, ==, 0);
    object_unref(obj);
}

static void test_enum_prop(void)
{
    Object *obj = object_new(TYPE_TP_THING);
    TpThing *t = TP_THING(obj);
    Error *err = NULL;
    g_autofree char *got = NULL;

    g_assert_cmpstr(object_property_get_type(obj, "mode", &error_abort), ==,
                    "TpMode");
    got = object_property_get_str(obj, "mode", &error_abort);
    g_assert_cmpstr(got, ==, "off");

    /* values by name, both strictly and in string (-global) form */
    g_assert_true(object_property_set_str(obj, "mode", "auto", &err));
    g_assert_null(err);
    g_assert_cmpint(t->mode, ==, TP_MODE_AUTO);
    g_assert_true(object_property_parse(obj, "mode", "on", &error_abort));
    g_assert_cmpint(t->mode, ==, TP_MODE_ON);
    g_free(got);
    got = object_property_get_str(obj, "mode", &error_abort);
    g_assert_cmpstr(got, ==, "on");
    g_assert_cmpuint(t->sets, ==, 2);

    /* a name outside the table: QEMU's error, setter not called */
    g_assert_false(object_property_set_str(obj, "mode", "sideways", &err));
    error_is(&err, "Parameter 'mode' does not accept value 'sideways'");
    g_assert_false(object_property_parse(obj, "mode", "ON", &err));
    error_is(&err, "Parameter 'mode' does not accept value 'ON'");
    g_assert_cmpuint(t->sets, ==, 2);
    g_assert_cmpint(t->mode, ==, TP_MODE_ON);
    object_unref(obj);
}

/*
 * Copy @name from @from to @to through the visitors: read into a JSON
 * node (output visitor), check it holds the string @want, write it back
 * (input visitor).
 */
static void copy_prop(Object *from, Object *to, const char *name,
                      const char *want)
{
    g_autoptr(JsonNode) value = NULL;
    Visitor *out = qobject_output_visitor_new(&value);
    Visitor *in;

    g_assert_true(object_property_get(from, name, out, &error_abort));
    visit_complete(out, &value);
    visit_free(out);
    g_assert_nonnull(value);
    g_assert_cmpstr(json_node_get_string(value), ==, want);

    in = qobject_input_visitor_new(value);
    g_assert_true(object_property_set(to, name, in, &error_abort));
    visit_free(in);
}

static void test_visitor_round_trip(void)
{
    Object *src = object_new(TYPE_TP_THING);
    Object *dst = object_new(TYPE_TP_THING);

    object_property_set_str(src, "label", "copied", &error_abort);
    object_property_set_str(src, "mode", "auto", &error_abort);
    copy_prop(src, dst, "label", "copied");
    copy_prop(src, dst, "mode", "auto");
    g_assert_cmpstr(TP_THING(dst)->label, ==, "copied");
    g_assert_cmpint(TP_THING(dst)->mode, ==, TP_MODE_AUTO);
    g_assert_cmpuint(TP_THING(dst)->sets, ==, 2);
    g_assert_cmpuint(TP_THING(src)->gets, ==, 2);
    object_unref(src);
    object_unref(dst);
}

/* object_property_get of @name fails with @want; the visitor gets nothing. */
static void read_fails(Object *obj, const char *name, const char *want)
{
    JsonNode *value = NULL;
    Visitor *out = qobject_output_visitor_new(&value);
    Error *err = NULL;

    g_assert_false(object_property_get(obj, name, out, &err));
    error_is(&err, want);
    visit_free(out);
    g_assert_null(value);
}

/* object_property_set of @name to @value fails with @want. */
static void write_fails(Object *obj, const char *name, JsonNode *value,
                        const char *want)
{
    Visitor *in = qobject_input_visitor_new(value);
    Error *err = NULL;

    g_assert_false(object_property_set(obj, name, in, &err));
    error_is(&err, want);
    visit_free(in);
}

static void test_visitor_errors(void)
{
    Object *obj = object_new(TYPE_TP_THING);
    TpThing *t = TP_THING(obj);
    g_autoptr(JsonNode) num = json_node_init_int(json_node_alloc(), 1);
    g_autoptr(JsonNode) bad = json_node_init_string(json_node_alloc(), "up");

    read_fails(obj, "nope", "Property 'tp-thing.nope' not found");
    write_fails(obj, "nope", num, "Property 'tp-thing.nope' not found");
    write_fails(obj, "mode", num,
                "Invalid parameter type for 'mode', expected: string");
    write_fails(obj, "mode", bad,
                "Parameter 'mode' does not accept value 'up'");
    write_fails(obj, "ro-label", bad,
                "Property 'tp-thing.ro-label' is not writable");
    g_assert_cmpuint(t->sets, ==, 0);
    t->fail_get = true;
    read_fails(obj, "label", "label unavailable");
    object_unref(obj);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/props/str", test_str_prop);
    g_test_add_func("/qom/props/enum", test_enum_prop);
    g_test_add_func("/qom/props/visitor-round-trip", test_visitor_round_trip);
    g_test_add_func("/qom/props/visitor-errors", test_visitor_errors);
    return g_test_run();
}
