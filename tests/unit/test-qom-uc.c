/*
 * Unit tests for the object model: user-creatable objects, dynamic
 * properties, embedded children.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"

#define TYPE_TEST_UC "test-uc"

typedef struct TestUC {
    Object parent_obj;
    uint32_t size;
    bool busy;
    bool completed;
} TestUC;

static TestUC *TEST_UC(void *obj)
{
    return OBJECT_CHECK(TestUC, obj, TYPE_TEST_UC);
}

static void test_uc_complete(UserCreatable *uc, Error **errp)
{
    TestUC *t = TEST_UC(uc);

    if (t->size == 13) {
        error_setg(errp, "unlucky size");
        return;
    }
    t->completed = true;
}

static bool test_uc_can_be_deleted(UserCreatable *uc)
{
    return !TEST_UC(uc)->busy;
}

static void test_uc_init(Object *obj)
{
    object_property_add_uint32_ptr(obj, "size", &TEST_UC(obj)->size,
                                   OBJ_PROP_FLAG_READWRITE);
}

static void test_uc_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = test_uc_complete;
    ucc->can_be_deleted = test_uc_can_be_deleted;
}

static void test_uc_finalize(Object *obj);

static const TypeInfo test_uc_info = {
    .name = TYPE_TEST_UC,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(TestUC),
    .instance_init = test_uc_init,
    .class_init = test_uc_class_init,
    .instance_finalize = test_uc_finalize,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, { NULL } },
};

static void register_uc(void)
{
    type_register_static(&test_uc_info);
}

type_init(register_uc)

static void expect_add_error(const char *type, const char *id, const char *json,
                             bool keyval, const char *msg)
{
    JsonNode *node = json_from_string(json, NULL);
    Error *err = NULL;

    g_assert_null(user_creatable_add_type(type, id, json_node_get_object(node),
                                          keyval, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    json_node_unref(node);
}

static void test_user_creatable(void)
{
    JsonNode *node = json_from_string("{\"size\": \"0x100\"}", NULL);
    Error *err = NULL;
    Object *obj;

    obj = user_creatable_add_type(TYPE_TEST_UC, "uc0",
                                  json_node_get_object(node), true,
                                  &error_abort);
    json_node_unref(node);
    g_assert_true(TEST_UC(obj)->completed);
    g_assert_cmpuint(TEST_UC(obj)->size, ==, 256);
    g_assert_cmpint(obj->ref, ==, 1);
    g_assert_true(object_resolve_path("/objects/uc0", NULL) == obj);

    expect_add_error(
        TYPE_TEST_UC, "uc0", "{}", false,
        "attempt to add duplicate property 'uc0' to object (type 'container')");
    expect_add_error("nope", "x", "{}", false, "invalid object type: nope");
    expect_add_error(TYPE_CONTAINER, "x", "{}", false,
                     "object type 'container' isn't supported by object-add");
    expect_add_error(TYPE_TEST_UC, "x", "{\"size\": \"1\"}", false,
                     "Parameter 'size' expects uint64");
    expect_add_error(TYPE_TEST_UC, "x", "{\"nosuch\": 1}", false,
                     "Property 'test-uc.nosuch' not found");
    expect_add_error(TYPE_TEST_UC, "x", "{\"size\": 13}", false,
                     "unlucky size");
    expect_add_error(TYPE_TEST_UC, "1x", "{}", false,
                     "Parameter 'id' expects an identifier");
    g_assert_null(object_resolve_path("/objects/x", NULL));

    TEST_UC(obj)->busy = true;
    g_assert_false(user_creatable_del("uc0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "object 'uc0' is in use, can not be deleted");
    error_free(err);
    err = NULL;
    TEST_UC(obj)->busy = false;
    g_assert_true(user_creatable_del("uc0", &error_abort));
    g_assert_null(object_resolve_path("/objects/uc0", NULL));
    g_assert_false(user_creatable_del("uc0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "object 'uc0' not found");
    error_free(err);
}

static void release_count(Object *obj, const char *name, void *opaque)
{
    (*(int *)opaque)++;
}

static void test_dynamic_props(void)
{
    Object *obj = object_new(TYPE_TEST_UC);
    int released = 0;
    Error *err = NULL;

    object_property_add(obj, "x", "int", NULL, NULL, release_count, &released);
    g_assert_null(
        object_property_try_add(obj, "x", "int", NULL, NULL, NULL, NULL, &err));
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "attempt to add duplicate property 'x' to object (type 'test-uc')");
    error_free(err);
    g_assert_nonnull(object_property_add(obj, "slot[*]", "int", NULL, NULL,
                                         release_count, &released));
    g_assert_nonnull(object_property_add(obj, "slot[*]", "int", NULL, NULL,
                                         release_count, &released));
    g_assert_nonnull(object_property_find(obj, "slot[1]"));
    object_property_del(obj, "x");
    g_assert_cmpint(released, ==, 1);
    object_unref(obj);
    g_assert_cmpint(released, ==, 3);
}

static int finalized;

static void test_uc_finalize(Object *obj)
{
    finalized++;
}

static void test_initialize_child(void)
{
    Object *holder = object_new(TYPE_CONTAINER);
    TestUC inner;

    object_initialize_child(holder, "inner", &inner, TYPE_TEST_UC);
    g_assert_cmpint(OBJECT(&inner)->ref, ==, 1);
    g_assert_true(object_resolve_path_component(holder, "inner") ==
                  OBJECT(&inner));
    finalized = 0;
    object_unref(holder);
    g_assert_cmpint(finalized, ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/user-creatable", test_user_creatable);
    g_test_add_func("/qom/dynamic-props", test_dynamic_props);
    g_test_add_func("/qom/initialize-child", test_initialize_child);
    return g_test_run();
}
