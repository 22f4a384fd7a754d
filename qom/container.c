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

/* Child @len bytes of @name of @parent, a new container when missing. */
static Object *container_step(Object *parent, const char *name, size_t len)
{
    g_autofree char *part = g_strndup(name, len);
    Object *child = object_resolve_path_component(parent, part);

    if (!child) {
        child = object_new(TYPE_CONTAINER);
        object_property_add_child(parent, part, child);
        object_unref(child); /* the child property holds it */
    }
    return child;
}

Object *container_get(Object *root, const char *path)
{
    Object *at = root;

    while (*path) {
        size_t len = strcspn(path, "/");

        if (len) {
            at = container_step(at, path, len);
        }
        path += len + (path[len] == '/');
    }
    return at;
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
