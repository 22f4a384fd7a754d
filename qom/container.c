/*
 * QOM: containers and the roots of the composition tree.
 */
#include "qemu/osdep.h"
#include "qom/object.h"

static const TypeInfo container_info = {
    .name = TYPE_CONTAINER,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Object),
};

static void container_register_types(void)
{
    type_register_static(&container_info);
}

type_init(container_register_types)

Object *container_get(Object *root, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    Object *obj = root;

    for (char **part = parts; *part; part++) {
        Object *child;

        if (!**part) {
            continue;
        }
        child = object_resolve_path_component(obj, *part);
        if (!child) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, *part, child);
            object_unref(child);
        }
        obj = child;
    }
    return obj;
}

Object *object_get_root(void)
{
    static Object *root;

    if (!root) {
        root = object_new(TYPE_CONTAINER);
    }
    return root;
}

Object *object_get_container(const char *name)
{
    g_autofree char *path = g_strdup_printf("/%s", name);

    return container_get(object_get_root(), path);
}

Object *object_get_objects_root(void)
{
    return object_get_container("objects");
}
