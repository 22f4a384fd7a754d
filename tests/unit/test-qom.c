/*
 * Unit tests for the object model (qom/).
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom/object_interfaces.h" /* TYPE_USER_CREATABLE */

/* An event log to check call order. */
static GString *events;

static void log_event(const char *what)
{
    g_string_append(events, what);
    g_string_append_c(events, ' ');
}

#define TYPE_TEST_IFACE "test-iface"
#define TYPE_ANIMAL     "test-animal"
#define TYPE_DOG        "test-dog"
#define TYPE_PUPPY      "test-puppy"

typedef struct TestIfaceClass {
    InterfaceClass parent_class;
    const char *(*speak)(Object *obj);
} TestIfaceClass;

typedef struct Animal {
    Object parent_obj;
    uint8_t legs;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    bool tame;
    char *name;
    int color;
    Object *friend;
    Object *owner;
} Animal;

typedef struct AnimalClass {
    ObjectClass parent_class;
    int class_value;
} AnimalClass;

static Animal *ANIMAL(void *obj)
{
    return OBJECT_CHECK(Animal, obj, TYPE_ANIMAL);
}

static AnimalClass *ANIMAL_GET_CLASS(void *obj)
{
    return OBJECT_GET_CLASS(AnimalClass, obj, TYPE_ANIMAL);
}

static const char *const color_names[] = { "black", "white", "brown", NULL };
static const QEnumLookup color_lookup = { .array = color_names };

static bool animal_get_tame(Object *obj, Error **errp)
{
    return ANIMAL(obj)->tame;
}

static void animal_set_tame(Object *obj, bool value, Error **errp)
{
    ANIMAL(obj)->tame = value;
}

static char *animal_get_name(Object *obj, Error **errp)
{
    return g_strdup(ANIMAL(obj)->name);
}

static void animal_set_name(Object *obj, const char *value, Error **errp)
{
    if (!*value) {
        error_setg(errp, "name must not be empty");
        return;
    }
    g_free(ANIMAL(obj)->name);
    ANIMAL(obj)->name = g_strdup(value);
}

static int animal_get_color(Object *obj, Error **errp)
{
    return ANIMAL(obj)->color;
}

static void animal_set_color(Object *obj, int value, Error **errp)
{
    ANIMAL(obj)->color = value;
}

static void animal_class_init(ObjectClass *oc, void *data)
{
    ObjectProperty *op;

    log_event("class:animal");
    ((AnimalClass *)oc)->class_value = 1;
    op = object_class_property_add_bool(oc, "tame", animal_get_tame,
                                        animal_set_tame);
    object_property_set_default_bool(op, true);
    object_class_property_set_description(oc, "tame", "whether it is tame");
    object_class_property_add_str(oc, "name", animal_get_name, animal_set_name);
    op = object_class_property_add_enum(oc, "color", "Color", &color_lookup,
                                        animal_get_color, animal_set_color);
    object_property_set_default_str(op, "brown");
    object_class_property_add_link(oc, "owner", TYPE_ANIMAL,
                                   offsetof(Animal, owner),
                                   object_property_allow_set_link,
                                   OBJ_PROP_LINK_STRONG);
}

static void animal_init(Object *obj)
{
    Animal *a = ANIMAL(obj);

    log_event("init:animal");
    object_property_add_uint8_ptr(obj, "legs", &a->legs,
                                  OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint16_ptr(obj, "u16", &a->u16,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "u32", &a->u32, OBJ_PROP_FLAG_READ);
    object_property_add_uint64_ptr(obj, "u64", &a->u64,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_link(obj, "friend", TYPE_DOG, &a->friend,
                             object_property_allow_set_link, 0);
    a->legs = 4;
}

static void animal_finalize(Object *obj)
{
    log_event("fini:animal");
    g_free(ANIMAL(obj)->name);
}

static const char *dog_speak(Object *obj)
{
    return "woof";
}

static void dog_class_init(ObjectClass *oc, void *data)
{
    log_event("class:dog");
    g_assert_cmpint(((AnimalClass *)oc)->class_value, ==, 1); /* copied */
    ((AnimalClass *)oc)->class_value = 2;
    /* the interface's class is ready before class_init runs */
    OBJECT_CLASS_CHECK(TestIfaceClass, oc, TYPE_TEST_IFACE)->speak = dog_speak;
}

static void dog_init(Object *obj)
{
    log_event("init:dog");
}

static void dog_post_init(Object *obj)
{
    log_event("post:dog");
}

static void dog_finalize(Object *obj)
{
    log_event("fini:dog");
}

static void puppy_class_init(ObjectClass *oc, void *data)
{
    log_event("class:puppy");
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestIfaceClass),
    },
    {
        .name = TYPE_ANIMAL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(Animal),
        .class_size = sizeof(AnimalClass),
        .class_init = animal_class_init,
        .instance_init = animal_init,
        .instance_finalize = animal_finalize,
    },
    {
        .name = TYPE_DOG,
        .parent = TYPE_ANIMAL,
        .class_init = dog_class_init,
        .instance_init = dog_init,
        .instance_post_init = dog_post_init,
        .instance_finalize = dog_finalize,
        .interfaces = (InterfaceInfo[]){ { TYPE_TEST_IFACE }, { NULL } },
    },
    {
        .name = TYPE_PUPPY,
        .parent = TYPE_DOG,
        .class_init = puppy_class_init,
    },
};

DEFINE_TYPES(test_types)

static void reset_events(void)
{
    g_string_truncate(events, 0);
}

static void test_hierarchy(void)
{
    ObjectClass *puppy = object_class_by_name(TYPE_PUPPY);
    ObjectClass *dog = object_class_by_name(TYPE_DOG);
    GSList *list;

    g_assert_nonnull(puppy);
    g_assert_true(object_class_get_parent(puppy) == dog);
    g_assert_cmpstr(object_class_get_name(dog), ==, TYPE_DOG);
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_ANIMAL)));
    g_assert_false(object_class_is_abstract(dog));
    g_assert_true(object_class_dynamic_cast(puppy, TYPE_ANIMAL) == puppy);
    g_assert_null(object_class_dynamic_cast(dog, TYPE_PUPPY));
    g_assert_null(object_class_by_name("no-such-type"));
    g_assert_true(type_is_registered(TYPE_DOG));
    g_assert_cmpint(((AnimalClass *)dog)->class_value, ==, 2);

    list = object_class_get_list(TYPE_ANIMAL, false);
    g_assert_cmpint(g_slist_length(list), ==, 2);
    g_slist_free(list);
    list = object_class_get_list(TYPE_ANIMAL, true);
    g_assert_cmpint(g_slist_length(list), ==, 3);
    g_slist_free(list);
    list = object_class_get_list(TYPE_TEST_IFACE, false);
    g_assert_cmpint(g_slist_length(list), ==, 2); /* dog and puppy */
    g_slist_free(list);
}

static void test_abstract_new(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract*");
}

static void test_interface(void)
{
    Object *obj = object_new(TYPE_PUPPY);
    TestIfaceClass *ic;

    g_assert_true(object_dynamic_cast(obj, TYPE_TEST_IFACE) == obj);
    ic = OBJECT_GET_CLASS(TestIfaceClass, obj, TYPE_TEST_IFACE);
    g_assert_cmpstr(ic->speak(obj), ==, "woof"); /* inherited from dog */
    g_assert_true(((InterfaceClass *)ic)->concrete_class ==
                  object_get_class(obj));
    g_assert_null(object_dynamic_cast(obj, TYPE_USER_CREATABLE));
    object_unref(obj);
}

static void test_lifecycle_order(void)
{
    Object *obj;

    reset_events();
    obj = object_new(TYPE_PUPPY);
    g_assert_cmpstr(
        events->str, ==,
        "class:animal class:dog class:puppy init:animal init:dog post:dog ");
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_PUPPY);
    g_assert_true(ANIMAL_GET_CLASS(obj)->class_value == 2);
    reset_events();
    object_ref(obj);
    object_unref(obj);
    g_assert_cmpstr(events->str, ==, "");
    object_unref(obj);
    g_assert_cmpstr(events->str, ==, "fini:dog fini:animal ");
}

static void test_props(void)
{
    Object *obj = object_new(TYPE_DOG);
    Error *err = NULL;
    char *s;
    JsonNode *node;

    /* class defaults applied at creation */
    g_assert_true(object_property_get_bool(obj, "tame", &error_abort));
    s = object_property_get_str(obj, "color", &error_abort);
    g_assert_cmpstr(s, ==, "brown");
    g_free(s);
    g_assert_cmpstr(object_property_get_type(obj, "color", NULL), ==, "Color");
    g_assert_cmpstr(object_property_find(obj, "tame")->description, ==,
                    "whether it is tame");

    g_assert_true(object_property_set_bool(obj, "tame", false, NULL));
    g_assert_false(ANIMAL(obj)->tame);
    g_assert_true(object_property_parse(obj, "tame", "on", NULL));
    g_assert_true(ANIMAL(obj)->tame);
    g_assert_true(object_property_set_str(obj, "name", "rex", NULL));
    g_assert_cmpstr(ANIMAL(obj)->name, ==, "rex");
    g_assert_false(object_property_set_str(obj, "name", "", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "name must not be empty");
    error_free(err);
    err = NULL;

    g_assert_true(object_property_set_uint(obj, "legs", 3, NULL));
    g_assert_cmpuint(ANIMAL(obj)->legs, ==, 3);
    g_assert_cmpuint(object_property_get_uint(obj, "legs", NULL), ==, 3);
    g_assert_false(object_property_set_uint(obj, "legs", 256, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'legs' expects uint8_t");
    error_free(err);
    err = NULL;
    g_assert_true(object_property_parse(obj, "u16", "0x1234", NULL));
    g_assert_cmphex(ANIMAL(obj)->u16, ==, 0x1234);
    g_assert_true(object_property_set_int(obj, "u64", 1 << 20, NULL));
    g_assert_cmpuint(ANIMAL(obj)->u64, ==, 1 << 20);
    ANIMAL(obj)->u32 = 77;
    g_assert_cmpint(object_property_get_int(obj, "u32", NULL), ==, 77);
    g_assert_false(object_property_set_uint(obj, "u32", 1, &err));
    {
        g_autofree char *want =
            g_strdup_printf("Property '%s.u32' is not writable",
                            object_get_typename(obj));
        g_assert_cmpstr(error_get_pretty(err), ==, want);
    }
    error_free(err);
    err = NULL;

    g_assert_false(object_property_set_str(obj, "color", "pink", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'color' does not accept value 'pink'");
    error_free(err);
    err = NULL;

    node = json_from_string("\"on\"", NULL);
    g_assert_false(object_property_set_qobject(obj, "tame", node, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'tame', expected: boolean");
    error_free(err);
    err = NULL;
    g_assert_true(object_property_set_keyval(obj, "tame", node, NULL));
    json_node_unref(node);

    g_assert_null(object_property_find(obj, "wings"));
    g_assert_false(object_property_set_bool(obj, "wings", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-dog.wings' not found");
    error_free(err);
    object_unref(obj);
}

static void test_prop_iter(void)
{
    Object *obj = object_new(TYPE_DOG);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GString *names = g_string_new("");

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        g_string_append_printf(names, "%s ", prop->name);
    }
    g_assert_cmpstr(names->str, ==,
                    "legs u16 u32 u64 friend tame name color owner type ");
    g_string_free(names, TRUE);
    object_unref(obj);
}

static int count_child(Object *child, void *opaque)
{
    (*(int *)opaque)++;
    return 0;
}

static void test_tree(void)
{
    Object *root = object_get_root();
    Object *machine = container_get(root, "/machine/peripheral");
    Object *d1 = object_new(TYPE_DOG), *d2 = object_new(TYPE_DOG);
    Object *d3 = object_new(TYPE_PUPPY);
    bool ambiguous = true;
    char *path;
    int n = 0;

    g_assert_true(object_resolve_path("/machine/peripheral", NULL) == machine);
    object_property_add_child(machine, "d1", d1);
    object_property_add_child(d1, "inner", d3);
    object_property_add_child(object_get_container("other"), "inner", d2);
    g_assert_cmpint(d1->ref, ==, 2);
    object_unref(d1);
    object_unref(d2);
    object_unref(d3);

    path = object_get_canonical_path(d3);
    g_assert_cmpstr(path, ==, "/machine/peripheral/d1/inner");
    g_free(path);
    g_assert_cmpstr(object_get_canonical_path_component(d3), ==, "inner");
    path = object_get_canonical_path(root);
    g_assert_cmpstr(path, ==, "/");
    g_free(path);
    path = object_property_get_str(machine, "d1", NULL);
    g_assert_cmpstr(path, ==, "/machine/peripheral/d1");
    g_free(path);
    g_assert_cmpstr(object_property_get_type(machine, "d1", NULL), ==,
                    "child<test-dog>");

    g_assert_true(object_resolve_path("d1", &ambiguous) == d1);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("peripheral/d1/inner", NULL) == d3);
    g_assert_null(object_resolve_path("inner", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_true(object_resolve_path_type("inner", TYPE_PUPPY, &ambiguous) ==
                  d3);
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path("/machine/nothing", NULL));
    g_assert_true(object_resolve_path_at(machine, "d1/inner") == d3);
    g_assert_true(object_resolve_path_component(d1, "inner") == d3);

    object_child_foreach(machine, count_child, &n);
    g_assert_cmpint(n, ==, 1);
    n = 0;
    object_child_foreach_recursive(root, count_child, &n);
    g_assert_cmpint(n, >=, 6);

    reset_events();
    object_unparent(d1);
    g_assert_cmpstr(events->str, ==,
                    "fini:dog fini:animal fini:dog fini:animal ");
    g_assert_null(object_resolve_path("/machine/peripheral/d1", NULL));
    object_unparent(d2);
}

static void test_links(void)
{
    Object *parent = container_get(object_get_root(), "/links");
    Object *a = object_new(TYPE_DOG), *b = object_new(TYPE_PUPPY);
    Object *cat = object_new(TYPE_CONTAINER);
    Error *err = NULL;
    char *s;

    object_property_add_child(parent, "a", a);
    object_property_add_child(parent, "b", b);
    object_property_add_child(parent, "cat", cat);
    object_unref(a);
    object_unref(b);
    object_unref(cat);

    g_assert_cmpstr(object_property_get_type(a, "friend", NULL), ==,
                    "link<test-dog>");
    s = object_property_get_str(a, "friend", NULL);
    g_assert_cmpstr(s, ==, "");
    g_free(s);
    g_assert_true(object_property_set_str(a, "friend", "/links/b", NULL));
    g_assert_true(ANIMAL(a)->friend == b);
    g_assert_cmpint(b->ref, ==, 1); /* weak link */
    g_assert_true(object_resolve_path("/links/a/friend", NULL) == b);
    g_assert_true(object_property_get_link(a, "friend", NULL) == b);

    g_assert_false(object_property_set_str(a, "friend", "/links/cat", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'friend', expected: test-dog");
    error_free(err);
    err = NULL;
    g_assert_false(object_property_set_str(a, "friend", "/links/zzz", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device '/links/zzz' not found");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);

    /* strong class link: holds a reference until released */
    g_assert_true(object_property_set_link(a, "owner", b, NULL));
    g_assert_cmpint(b->ref, ==, 2);
    g_assert_true(object_property_set_str(a, "owner", "", NULL));
    g_assert_cmpint(b->ref, ==, 1);
    g_assert_true(object_property_set_link(b, "owner", a, NULL));
    g_assert_cmpint(a->ref, ==, 2);
    object_unparent(b); /* releases its owner link */
    g_assert_cmpint(a->ref, ==, 1);
    object_unparent(a);
    object_unparent(cat);
}

int main(int argc, char **argv)
{
    events = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    /* first: checks class_init order on first use */
    g_test_add_func("/qom/a-lifecycle-order", test_lifecycle_order);
    g_test_add_func("/qom/hierarchy", test_hierarchy);
    g_test_add_func("/qom/abstract-new", test_abstract_new);
    g_test_add_func("/qom/interface", test_interface);
    g_test_add_func("/qom/props", test_props);
    g_test_add_func("/qom/prop-iter", test_prop_iter);
    g_test_add_func("/qom/tree", test_tree);
    g_test_add_func("/qom/links", test_links);
    return g_test_run();
}
