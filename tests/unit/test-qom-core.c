/*
 * Unit tests for the object model core: what other code and the qtests
 * rely on beyond test-qom.c (class set-up order, interfaces at class
 * level, the property table, defaults, typed access errors, path
 * resolution corner cases, link checks and strong links).
 */
#include "qemu/osdep.h"
#include "qom/object.h"

static GString *trail;

static void note(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void note(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(trail, fmt, ap);
    va_end(ap);
    g_string_append_c(trail, ' ');
}

static void trail_reset(void)
{
    g_string_truncate(trail, 0);
}

static void error_is(Error **err, const char *want)
{
    g_assert_nonnull(*err);
    g_assert_cmpstr(error_get_pretty(*err), ==, want);
    error_free(*err);
    *err = NULL;
}

#define TYPE_IF_BASE  "tc-if-base"
#define TYPE_IF_SUB   "tc-if-sub"
#define TYPE_IF_OTHER "tc-if-other"
#define TYPE_ROOT     "tc-root"
#define TYPE_MID      "tc-mid"
#define TYPE_LEAF     "tc-leaf"
#define TYPE_PLAIN    "tc-plain"

typedef struct IfBaseClass {
    InterfaceClass parent_class;
    int tag;
} IfBaseClass;

typedef struct RootClass {
    ObjectClass parent_class;
    char *seen_by_base_init;
    int depth;
} RootClass;

typedef struct TcObj {
    Object parent_obj;
    bool flag;
    int64_t number;
    char *text;
    Object *peer;
    Object *strong;
    Object *ro;
    Object *child_at_finalize;
} TcObj;

static TcObj *TC_OBJ(void *obj)
{
    return OBJECT_CHECK(TcObj, obj, TYPE_ROOT);
}

static void if_base_class_init(ObjectClass *oc, void *data)
{
    ((IfBaseClass *)oc)->tag = 7;
}

static void root_base_init(ObjectClass *oc, void *data)
{
    note("base:root(%s,%s)", object_class_get_name(oc),
         data ? (const char *)data : "-");
    ((RootClass *)oc)->depth++;
}

static void mid_base_init(ObjectClass *oc, void *data)
{
    note("base:mid(%s)", object_class_get_name(oc));
}

static bool tc_get_flag(Object *obj, Error **errp)
{
    return TC_OBJ(obj)->flag;
}

static void tc_set_flag(Object *obj, bool v, Error **errp)
{
    TC_OBJ(obj)->flag = v;
}

static void tc_get_number(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    visit_type_int(v, name, &TC_OBJ(obj)->number, errp);
}

static void tc_set_number(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    int64_t value;

    if (visit_type_int(v, name, &value, errp)) {
        TC_OBJ(obj)->number = value;
    }
}

static char *tc_get_text(Object *obj, Error **errp)
{
    return g_strdup(TC_OBJ(obj)->text ? TC_OBJ(obj)->text : "");
}

static void tc_set_text(Object *obj, const char *v, Error **errp)
{
    g_free(TC_OBJ(obj)->text);
    TC_OBJ(obj)->text = g_strdup(v);
}

static void refuse_self(const Object *obj, const char *name, Object *val,
                        Error **errp)
{
    if (val == obj) {
        error_setg(errp, "'%s' cannot point to itself", name);
    }
}

static void root_class_init(ObjectClass *oc, void *data)
{
    ObjectProperty *op;

    note("class:root");
    /* a class_init may cast the class it is setting up */
    g_assert_true(object_class_dynamic_cast(oc, TYPE_ROOT) == oc);
    g_assert_true(object_class_by_name(TYPE_ROOT) == oc);
    ((RootClass *)oc)->seen_by_base_init = g_strdup("root");
    op = object_class_property_add_bool(oc, "flag", tc_get_flag, tc_set_flag);
    object_property_set_default_bool(op, true);
    op = object_class_property_add(oc, "number", "int", tc_get_number,
                                   tc_set_number, NULL, NULL);
    object_property_set_default_int(op, -5);
    op = object_class_property_add_str(oc, "text", tc_get_text, tc_set_text);
    object_property_set_default_str(op, "hello");
    object_class_property_add_link(oc, "strong", TYPE_ROOT,
                                   offsetof(TcObj, strong), refuse_self,
                                   OBJ_PROP_LINK_STRONG);
    object_class_property_add_link(oc, "ro", TYPE_OBJECT, offsetof(TcObj, ro),
                                   NULL, 0);
}

static void root_init(Object *obj)
{
    /* class defaults are in place before instance_init */
    note("init:root(flag=%d,number=%" PRId64 ")", TC_OBJ(obj)->flag,
         TC_OBJ(obj)->number);
    object_property_add_link(obj, "peer", TYPE_IF_BASE, &TC_OBJ(obj)->peer,
                             object_property_allow_set_link, 0);
}

static void root_post_init(Object *obj)
{
    note("post:root");
}

static int note_child(Object *child, void *opaque)
{
    TC_OBJ(opaque)->child_at_finalize = child;
    return 0;
}

static void root_finalize(Object *obj)
{
    object_child_foreach(obj, note_child, obj);
    note("fini:root(children=%s)",
         TC_OBJ(obj)->child_at_finalize ? "yes" : "no");
    g_free(TC_OBJ(obj)->text);
}

static void mid_class_init(ObjectClass *oc, void *data)
{
    IfBaseClass *ic = OBJECT_CLASS_CHECK(IfBaseClass, oc, TYPE_IF_BASE);

    note("class:mid(tag=%d)", ic->tag);
    ic->tag = 8;
}

static void mid_init(Object *obj)
{
    note("init:mid");
}

static void mid_post_init(Object *obj)
{
    note("post:mid");
}

static void mid_finalize(Object *obj)
{
    note("fini:mid");
}

static void leaf_class_init(ObjectClass *oc, void *data)
{
    IfBaseClass *ic = OBJECT_CLASS_CHECK(IfBaseClass, oc, TYPE_IF_BASE);

    note("class:leaf(tag=%d,data=%s)", ic->tag, (const char *)data);
}

static void leaf_init(Object *obj)
{
    note("init:leaf");
}

static void leaf_finalize(Object *obj)
{
    note("fini:leaf");
}

static const TypeInfo tc_types[] = {
    {
        .name = TYPE_IF_BASE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(IfBaseClass),
        .class_init = if_base_class_init,
    },
    {
        .name = TYPE_IF_SUB,
        .parent = TYPE_IF_BASE,
        .class_size = sizeof(IfBaseClass),
    },
    {
        .name = TYPE_IF_OTHER,
        .parent = TYPE_INTERFACE,
    },
    {
        .name = TYPE_ROOT,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(TcObj),
        .class_size = sizeof(RootClass),
        .class_base_init = root_base_init,
        .class_init = root_class_init,
        .instance_init = root_init,
        .instance_post_init = root_post_init,
        .instance_finalize = root_finalize,
    },
    {
        .name = TYPE_MID,
        .parent = TYPE_ROOT,
        .class_base_init = mid_base_init,
        .class_init = mid_class_init,
        .instance_init = mid_init,
        .instance_post_init = mid_post_init,
        .instance_finalize = mid_finalize,
        .interfaces = (InterfaceInfo[]){ { TYPE_IF_SUB }, { NULL } },
    },
    {
        .name = TYPE_LEAF,
        .parent = TYPE_MID,
        .class_init = leaf_class_init,
        .class_data = (void *)"leafdata",
        .instance_init = leaf_init,
        .instance_finalize = leaf_finalize,
        .interfaces =
            (InterfaceInfo[]){ { TYPE_IF_OTHER }, { TYPE_IF_BASE }, { NULL } },
    },
    {
        .name = TYPE_PLAIN,
        .parent = TYPE_ROOT,
    },
};

DEFINE_TYPES(tc_types)

/* Must run first: the classes are created on first use. */
static void test_class_setup_order(void)
{
    ObjectClass *leaf;

    trail_reset();
    leaf = object_class_by_name(TYPE_LEAF);
    g_assert_cmpstr(
        trail->str, ==,
        "class:root base:root(tc-mid,-) class:mid(tag=7) "
        "base:mid(tc-leaf) base:root(tc-leaf,leafdata) class:leaf(tag=8,data=leafdata) ");
    /* the parent's class is copied, then base_init runs on the copy */
    g_assert_cmpstr(((RootClass *)leaf)->seen_by_base_init, ==, "root");
    g_assert_cmpint(((RootClass *)leaf)->depth, ==, 2);
    g_assert_cmpint(((RootClass *)object_class_by_name(TYPE_MID))->depth, ==,
                    1);
    g_assert_cmpint(((RootClass *)object_class_by_name(TYPE_ROOT))->depth, ==,
                    0);
    /* a class is set up once */
    trail_reset();
    object_class_by_name(TYPE_LEAF);
    g_assert_cmpstr(trail->str, ==, "");
}

static void test_class_interfaces(void)
{
    ObjectClass *mid = object_class_by_name(TYPE_MID);
    ObjectClass *leaf = object_class_by_name(TYPE_LEAF);
    ObjectClass *plain = object_class_by_name(TYPE_PLAIN);
    ObjectClass *ic_mid, *ic_leaf;
    GSList *list;

    /* an interface inherited through its parent interface */
    ic_mid = object_class_dynamic_cast(mid, TYPE_IF_BASE);
    g_assert_nonnull(ic_mid);
    g_assert_true(object_class_dynamic_cast(mid, TYPE_IF_SUB) == ic_mid);
    g_assert_true(object_class_dynamic_cast(mid, TYPE_INTERFACE) == ic_mid);
    g_assert_true(((InterfaceClass *)ic_mid)->concrete_class == mid);
    g_assert_cmpint(((IfBaseClass *)ic_mid)->tag, ==, 8);
    g_assert_null(object_class_dynamic_cast(mid, TYPE_IF_OTHER));

    /* the subclass has its own copy, started from the parent's */
    ic_leaf = object_class_dynamic_cast(leaf, TYPE_IF_SUB);
    g_assert_nonnull(ic_leaf);
    g_assert_true(ic_leaf != ic_mid);
    g_assert_true(((InterfaceClass *)ic_leaf)->concrete_class == leaf);
    g_assert_cmpint(((IfBaseClass *)ic_leaf)->tag, ==, 8);
    /* re-declaring an inherited interface adds nothing */
    g_assert_true(object_class_dynamic_cast(leaf, TYPE_IF_BASE) == ic_leaf);
    g_assert_nonnull(object_class_dynamic_cast(leaf, TYPE_IF_OTHER));

    g_assert_null(object_class_dynamic_cast(plain, TYPE_IF_BASE));
    g_assert_null(object_class_dynamic_cast(plain, "no-such-type"));
    g_assert_null(object_class_dynamic_cast(NULL, TYPE_OBJECT));
    g_assert_true(object_class_dynamic_cast(plain, TYPE_OBJECT) == plain);

    /* interfaces are abstract types of their own */
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_IF_SUB)));
    g_assert_cmpstr(object_class_get_name(object_class_get_parent(
                        object_class_by_name(TYPE_IF_SUB))),
                    ==, TYPE_IF_BASE);
    g_assert_cmpint(((IfBaseClass *)object_class_by_name(TYPE_IF_BASE))->tag,
                    ==, 7);

    list = object_class_get_list(TYPE_IF_BASE, false);
    g_assert_cmpint(g_slist_length(list), ==, 2);
    g_assert_true(list->data == mid && list->next->data == leaf);
    g_slist_free(list);
    list = object_class_get_list(TYPE_ROOT, true);
    g_assert_cmpint(g_slist_length(list), ==, 4);
    g_assert_true(list->data == object_class_by_name(TYPE_ROOT));
    g_slist_free(list);
}

static void test_object_casts(void)
{
    Object *leaf = object_new(TYPE_LEAF);
    Object *plain = object_new_with_class(object_class_by_name(TYPE_PLAIN));

    g_assert_cmpstr(object_get_typename(plain), ==, TYPE_PLAIN);
    g_assert_true(object_dynamic_cast(leaf, TYPE_IF_OTHER) == leaf);
    g_assert_true(object_dynamic_cast(leaf, TYPE_ROOT) == leaf);
    g_assert_null(object_dynamic_cast(plain, TYPE_IF_SUB));
    g_assert_null(object_dynamic_cast(plain, TYPE_MID));
    g_assert_null(object_dynamic_cast(NULL, TYPE_OBJECT));
    g_assert_null(object_dynamic_cast_assert(NULL, TYPE_MID, __FILE__, __LINE__,
                                             __func__));
    g_assert_true(INTERFACE_CHECK(Object, leaf, TYPE_IF_BASE) == leaf);
    object_unref(leaf);
    object_unref(plain);
}

static void test_bad_cast_aborts(void)
{
    if (g_test_subprocess()) {
        Object *plain = object_new(TYPE_PLAIN);

        OBJECT_CHECK(TcObj, plain, TYPE_MID);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*is not an instance of type tc-mid*");
}

static void test_instance_order(void)
{
    Object *obj;

    object_class_by_name(TYPE_LEAF);
    trail_reset();
    obj = object_new(TYPE_LEAF);
    g_assert_cmpstr(
        trail->str, ==,
        "init:root(flag=1,number=-5) init:mid init:leaf post:mid post:root ");
    g_assert_cmpint(obj->ref, ==, 1);
    g_assert_true(object_ref(obj) == obj);
    g_assert_cmpint(obj->ref, ==, 2);
    object_unref(obj);
    g_assert_null(object_ref(NULL));
    object_unref(NULL);

    /* children are gone before the finalizers run */
    object_property_add_child(obj, "kid", object_new(TYPE_PLAIN));
    object_unref(object_resolve_path_component(obj, "kid"));
    trail_reset();
    object_unref(obj);
    g_assert_cmpstr(
        trail->str, ==,
        "fini:root(children=no) fini:leaf fini:mid fini:root(children=no) ");
}

static void test_embedded_child(void)
{
    Object *parent = object_new(TYPE_PLAIN);
    TcObj inner;

    object_initialize_child(parent, "inner", &inner, TYPE_PLAIN);
    g_assert_cmpint(OBJECT(&inner)->ref, ==, 1);
    g_assert_true(OBJECT(&inner)->parent == parent);
    g_assert_true(object_resolve_path_component(parent, "inner") ==
                  OBJECT(&inner));
    g_assert_true(inner.flag); /* defaults applied */
    object_unparent(OBJECT(&inner));
    g_assert_null(object_property_find(parent, "inner"));
    object_unref(parent);
}

static int release_count;

static void count_release(Object *obj, const char *name, void *opaque)
{
    g_assert_cmpstr(name, ==, opaque);
    release_count++;
}

static void test_property_table(void)
{
    Object *obj = object_new(TYPE_PLAIN);
    ObjectProperty *p0, *p1;
    Error *err = NULL;

    p0 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    p1 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(p0->name, ==, "slot[0]");
    g_assert_cmpstr(p1->name, ==, "slot[1]");
    g_assert_true(object_property_find(obj, "slot[1]") == p1);
    object_property_del(obj, "slot[0]");
    p0 = object_property_add(obj, "slot[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(p0->name, ==, "slot[0]");

    g_assert_null(object_property_try_add(obj, "slot[1]", "int", NULL, NULL,
                                          NULL, NULL, &err));
    error_is(
        &err,
        "attempt to add duplicate property 'slot[1]' to object (type 'tc-plain')");
    /* a class property's name is taken too */
    g_assert_null(object_property_try_add(obj, "flag", "int", NULL, NULL, NULL,
                                          NULL, &err));
    error_is(
        &err,
        "attempt to add duplicate property 'flag' to object (type 'tc-plain')");

    release_count = 0;
    object_property_add(obj, "gone", "int", NULL, NULL, count_release,
                        (void *)"gone");
    object_property_del(obj, "gone");
    g_assert_cmpint(release_count, ==, 1);
    g_assert_null(object_property_find(obj, "gone"));
    object_property_del(obj, "gone"); /* absent: nothing */
    object_property_add(obj, "kept", "int", NULL, NULL, count_release,
                        (void *)"kept");

    g_assert_null(object_property_find_err(obj, "nope", &err));
    error_is(&err, "Property 'tc-plain.nope' not found");
    g_assert_null(
        object_class_property_find_err(object_get_class(obj), "slot[0]", &err));
    error_is(&err, "Property 'tc-plain.slot[0]' not found");
    g_assert_nonnull(object_class_property_find(object_get_class(obj), "flag"));
    g_assert_null(object_property_get_type(obj, "nope", NULL));

    object_property_set_description(obj, "slot[1]", "second slot");
    g_assert_cmpstr(p1->description, ==, "second slot");

    object_unref(obj);
    g_assert_cmpint(release_count, ==, 2); /* released at finalization */
}

static char *names_of(ObjectPropertyIterator *iter)
{
    GString *s = g_string_new("");
    ObjectProperty *prop;

    while ((prop = object_property_iter_next(iter))) {
        g_string_append_printf(s, "%s ", prop->name);
    }
    return g_string_free(s, FALSE);
}

static void test_property_iteration(void)
{
    Object *obj = object_new(TYPE_PLAIN);
    ObjectPropertyIterator iter;
    g_autofree char *all = NULL, *cls = NULL, *empty = NULL;

    object_property_add_bool(obj, "extra", tc_get_flag, NULL);
    object_property_iter_init(&iter, obj);
    all = names_of(&iter);
    g_assert_cmpstr(all, ==, "peer extra flag number text strong ro type ");
    object_class_property_iter_init(&iter, object_get_class(obj));
    cls = names_of(&iter);
    g_assert_cmpstr(cls, ==, "flag number text strong ro type ");
    object_class_property_iter_init(&iter, object_class_by_name(TYPE_OBJECT));
    empty = names_of(&iter);
    g_assert_cmpstr(empty, ==, "type ");
    object_unref(obj);
}

static uint64_t big_value;

static void test_defaults(void)
{
    Object *obj = object_new(TYPE_PLAIN);
    ObjectProperty *prop;
    g_autofree char *text = NULL;
    Error *err = NULL;

    prop = object_property_find(obj, "flag");
    g_assert_true(JSON_NODE_HOLDS_VALUE(prop->defval));
    g_assert_true(json_node_get_boolean(prop->defval));
    prop = object_property_find(obj, "number");
    g_assert_cmpint(json_node_get_int(prop->defval), ==, -5);
    prop = object_property_find(obj, "text");
    g_assert_cmpstr(json_node_get_string(prop->defval), ==, "hello");
    g_assert_null(object_property_find(obj, "strong")->defval);

    g_assert_cmpint(object_property_get_int(obj, "number", &error_abort), ==,
                    -5);
    text = object_property_get_str(obj, "text", &error_abort);
    g_assert_cmpstr(text, ==, "hello");

    prop = object_property_add_uint64_ptr(obj, "big", &big_value, 0);
    g_assert_null(prop->get);
    g_assert_null(prop->set);
    object_property_set_default_uint(prop, UINT64_MAX);
    g_assert_nonnull(prop->defval);
    g_assert_false(object_property_set_int(obj, "big", 1, &err));
    error_is(&err, "Property 'tc-plain.big' is not writable");
    object_unref(obj);
}

static void test_typed_access_errors(void)
{
    Object *obj = object_new(TYPE_PLAIN);
    Error *err = NULL;
    JsonNode *node;

    object_property_get_str(obj, "flag", &err);
    error_is(&err, "Invalid parameter type for 'flag', expected: string");
    object_property_get_bool(obj, "text", &err);
    error_is(&err, "Invalid parameter type for 'text', expected: boolean");
    g_assert_cmpint(object_property_get_int(obj, "text", &err), ==, -1);
    error_is(&err, "Invalid parameter type for 'text', expected: int");
    object_property_get_uint(obj, "flag", &err);
    error_is(&err, "Invalid parameter type for 'flag', expected: uint");
    object_property_get_bool(obj, "missing", &err);
    error_is(&err, "Property 'tc-plain.missing' not found");

    g_assert_false(object_property_set_int(obj, "flag", 1, &err));
    error_is(&err, "Invalid parameter type for 'flag', expected: boolean");
    g_assert_false(object_property_set_str(obj, "number", "12", &err));
    error_is(&err, "Invalid parameter type for 'number', expected: integer");
    g_assert_true(object_property_parse(obj, "number", "12", &error_abort));
    g_assert_cmpint(TC_OBJ(obj)->number, ==, 12);
    g_assert_false(object_property_parse(obj, "flag", "maybe", &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;

    node = object_property_get_qobject(obj, "number", &error_abort);
    g_assert_cmpint(json_node_get_int(node), ==, 12);
    json_node_unref(node);
    node = object_property_get_qobject(obj, "type", &error_abort);
    g_assert_cmpstr(json_node_get_string(node), ==, TYPE_PLAIN);
    json_node_unref(node);
    g_assert_null(object_property_get_qobject(obj, "zz", &err));
    error_is(&err, "Property 'tc-plain.zz' not found");

    object_property_add(obj, "wo", "int", NULL, tc_set_number, NULL, NULL);
    g_assert_null(object_property_get_qobject(obj, "wo", &err));
    error_is(&err, "Property 'tc-plain.wo' is not readable");
    object_unref(obj);
}

static void test_paths(void)
{
    Object *top = container_get(object_get_root(), "/tc/a/b");
    Object *x = object_new(TYPE_PLAIN), *y = object_new(TYPE_LEAF);
    Object *z = object_new(TYPE_PLAIN);
    bool ambiguous = true;
    g_autofree char *path = NULL;

    g_assert_true(container_get(object_get_root(), "/tc/a/b") == top);
    g_assert_true(object_resolve_path("/tc/a/b", NULL) == top);
    g_assert_true(object_resolve_path("/tc//a/b/", NULL) == top);
    g_assert_true(object_resolve_path("/", NULL) == object_get_root());
    g_assert_cmpstr(object_get_typename(top), ==, TYPE_CONTAINER);
    g_assert_true(object_get_container("tc") ==
                  object_resolve_path("/tc", NULL));
    g_assert_true(object_get_objects_root() ==
                  object_resolve_path("/objects", NULL));

    object_property_add_child(top, "x", x);
    object_property_add_child(x, "y", y);
    object_property_add_child(object_get_container("tc"), "x2", z);
    object_unref(x);
    object_unref(y);
    object_unref(z);
    path = object_get_canonical_path(y);
    g_assert_cmpstr(path, ==, "/tc/a/b/x/y");

    /* partial paths: trailing components anywhere in the tree */
    g_assert_true(object_resolve_path("b/x/y", &ambiguous) == y);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("x2", NULL) == z);
    g_assert_null(object_resolve_path("b/nothing", &ambiguous));
    g_assert_false(ambiguous);
    /* typed: only objects of that type (interfaces too) count */
    g_assert_true(object_resolve_path_type("x", TYPE_PLAIN, NULL) == x);
    g_assert_null(object_resolve_path_type("x", TYPE_LEAF, &ambiguous));
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path_type("y", TYPE_IF_OTHER, NULL) == y);
    g_assert_true(object_resolve_path_type("/tc/a/b/x/y", TYPE_IF_BASE, NULL) ==
                  y);
    g_assert_null(object_resolve_path_type("/tc/a/b/x", TYPE_LEAF, NULL));
    g_assert_true(object_resolve_path_type("b", NULL, NULL) == top);

    /* links are followed by absolute and partial paths */
    g_assert_true(object_property_set_link(z, "peer", y, &error_abort));
    g_assert_true(object_resolve_path("/tc/x2/peer", NULL) == y);
    g_assert_true(object_resolve_path("x2/peer", NULL) == y);
    g_assert_true(object_resolve_path_component(z, "peer") == y);
    g_assert_null(object_resolve_path_component(z, "flag"));
    g_assert_null(object_resolve_path_component(z, "absent"));
    g_assert_true(object_resolve_path_at(top, "x/y") == y);
    g_assert_true(object_resolve_path_at(top, "/tc/x2") == z);
    g_assert_null(object_resolve_path_at(top, "y"));

    /* two matches: ambiguous, whatever the typename allows */
    object_property_add_child(y, "x2", object_new(TYPE_PLAIN));
    object_unref(object_resolve_path_component(y, "x2"));
    g_assert_null(object_resolve_path("x2", &ambiguous));
    g_assert_true(ambiguous);
    ambiguous = false;
    g_assert_true(object_resolve_path("a/b/x/y/x2", &ambiguous) ==
                  object_resolve_path_component(y, "x2"));
    g_assert_false(ambiguous);

    object_unparent(x);
    g_assert_null(
        object_get_canonical_path_component(x = object_new(TYPE_PLAIN)));
    g_assert_null(object_get_canonical_path(x));
    object_unref(x);
    g_assert_true(object_property_set_link(z, "peer", NULL, &error_abort));
    object_unparent(z);
    object_unparent(object_get_container("tc"));
}

static int stop_at_second(Object *child, void *opaque)
{
    return ++*(int *)opaque == 2 ? 42 : 0;
}

static void unparent_hook(Object *obj)
{
    note("unparent:%s", object_get_typename(obj));
}

static void test_children(void)
{
    Object *box = object_new(TYPE_CONTAINER);
    Object *a = object_new(TYPE_PLAIN), *b = object_new(TYPE_LEAF);
    ObjectClass *leaf_class = object_class_by_name(TYPE_LEAF);
    ObjectUnparent *saved = leaf_class->unparent;
    Error *err = NULL;
    int n = 0;

    object_property_add_child(box, "a", a);
    g_assert_cmpint(a->ref, ==, 2);
    g_assert_true(a->parent == box);
    g_assert_null(object_property_try_add_child(box, "again", a, &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;
    g_assert_null(object_property_try_add_child(box, "a", b, &err));
    error_is(
        &err,
        "attempt to add duplicate property 'a' to object (type 'container')");
    g_assert_null(b->parent);
    object_property_add_child(box, "b", b);
    g_assert_true(object_property_is_child(object_property_find(box, "b")));
    g_assert_false(object_property_is_link(object_property_find(box, "b")));
    g_assert_true(object_property_is_link(object_property_find(b, "peer")));

    g_assert_cmpint(object_child_foreach(box, stop_at_second, &n), ==, 42);
    g_assert_cmpint(n, ==, 2);

    leaf_class->unparent = unparent_hook;
    trail_reset();
    object_property_del(box, "b");
    g_assert_cmpstr(trail->str, ==, "unparent:tc-leaf ");
    leaf_class->unparent = saved;
    g_assert_null(b->parent);
    g_assert_cmpint(b->ref, ==, 1);
    object_unref(b);

    object_unparent(a);
    g_assert_null(a->parent);
    g_assert_cmpint(a->ref, ==, 1);
    object_unparent(a); /* no parent: nothing */
    object_unref(a);
    object_unref(box);
}

static void test_links(void)
{
    Object *box = container_get(object_get_root(), "/tc-links");
    Object *p = object_new(TYPE_PLAIN), *q = object_new(TYPE_LEAF);
    Error *err = NULL;
    g_autofree char *s = NULL;

    object_property_add_child(box, "p", p);
    object_property_add_child(box, "q", q);
    object_unref(p);
    object_unref(q);

    g_assert_cmpstr(object_property_get_type(p, "strong", NULL), ==,
                    "link<tc-root>");
    g_assert_null(object_property_get_link(p, "strong", &error_abort));

    /* the check may refuse; nothing changes then */
    g_assert_false(object_property_set_link(p, "strong", p, &err));
    error_is(&err, "'strong' cannot point to itself");
    g_assert_null(TC_OBJ(p)->strong);
    g_assert_cmpint(p->ref, ==, 1);

    /* partial path, strong: one reference per link */
    g_assert_true(object_property_set_str(p, "strong", "q", &error_abort));
    g_assert_true(TC_OBJ(p)->strong == q);
    g_assert_cmpint(q->ref, ==, 2);
    s = object_property_get_str(p, "strong", &error_abort);
    g_assert_cmpstr(s, ==, "/tc-links/q");
    g_assert_true(object_property_set_link(p, "strong", q, &error_abort));
    g_assert_cmpint(q->ref, ==, 2);

    /* the link's type is checked, interfaces included */
    g_assert_false(object_property_set_str(q, "peer", "/tc-links/p", &err));
    error_is(&err, "Invalid parameter type for 'peer', expected: tc-if-base");
    g_assert_true(
        object_property_set_str(p, "peer", "/tc-links/q", &error_abort));
    g_assert_true(object_property_get_link(p, "peer", NULL) == q);
    g_assert_cmpint(q->ref, ==, 2); /* weak: unchanged */

    /* no check: read-only */
    g_assert_false(object_property_set_str(p, "ro", "", &err));
    error_is(&err, "Property 'tc-plain.ro' is not writable");

    /* an ambiguous partial path */
    object_property_add_child(q, "p", object_new(TYPE_PLAIN));
    object_unref(object_resolve_path_component(q, "p"));
    g_assert_false(object_property_set_str(q, "strong", "p", &err));
    error_is(&err, "Path 'p' does not uniquely identify an object");

    /* clearing drops the strong reference */
    g_assert_true(object_property_set_str(p, "strong", "", &error_abort));
    g_assert_null(TC_OBJ(p)->strong);
    g_assert_cmpint(q->ref, ==, 1);

    /* release at finalization drops it too */
    g_assert_true(object_property_set_link(q, "strong", p, &error_abort));
    g_assert_cmpint(p->ref, ==, 2);
    g_assert_true(object_property_set_link(p, "peer", NULL, &error_abort));
    object_unparent(q);
    g_assert_cmpint(p->ref, ==, 1);
    object_unparent(p);
    object_unparent(box);
}

int main(int argc, char **argv)
{
    trail = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom-core/a-class-setup-order", test_class_setup_order);
    g_test_add_func("/qom-core/class-interfaces", test_class_interfaces);
    g_test_add_func("/qom-core/object-casts", test_object_casts);
    g_test_add_func("/qom-core/bad-cast-aborts", test_bad_cast_aborts);
    g_test_add_func("/qom-core/instance-order", test_instance_order);
    g_test_add_func("/qom-core/embedded-child", test_embedded_child);
    g_test_add_func("/qom-core/property-table", test_property_table);
    g_test_add_func("/qom-core/property-iteration", test_property_iteration);
    g_test_add_func("/qom-core/defaults", test_defaults);
    g_test_add_func("/qom-core/typed-access-errors", test_typed_access_errors);
    g_test_add_func("/qom-core/paths", test_paths);
    g_test_add_func("/qom-core/children", test_children);
    g_test_add_func("/qom-core/links", test_links);
    return g_test_run();
}
