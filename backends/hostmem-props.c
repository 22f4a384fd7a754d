/*
 * memory-backend: the properties shared by every memory back end.
 *
 * Properties that shape the allocation (size, share, reserve) are frozen
 * once the memory exists; the madvise() hints (dump, merge) and prealloc
 * take effect at once when changed later.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "qapi/error.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

static const char *const host_mem_policy_names[] = {
    [HOST_MEM_POLICY_DEFAULT] = "default",
    [HOST_MEM_POLICY_PREFERRED] = "preferred",
    [HOST_MEM_POLICY_BIND] = "bind",
    [HOST_MEM_POLICY_INTERLEAVE] = "interleave",
};

const QEnumLookup HostMemPolicy_lookup = {
    .array = host_mem_policy_names,
    .size = HOST_MEM_POLICY__MAX,
};

size_t hostmem_page_size(HostMemoryBackend *be)
{
    int fd = host_memory_backend_get_fd(be);
    struct stat st;

    if (fd >= 0 && !fstat(fd, &st) && st.st_blksize > 0) {
        return st.st_blksize;
    }
    return sysconf(_SC_PAGESIZE);
}

bool hostmem_check_not_ready(HostMemoryBackend *be, const char *name,
                             Error **errp)
{
    if (be->ready) {
        error_setg(errp, "cannot change property %s of %s ", name,
                   object_get_typename(OBJECT(be)));
        return false;
    }
    return true;
}

static void hostmem_get_size(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    uint64_t value = MEMORY_BACKEND(obj)->size;

    visit_type_size(v, name, &value, errp);
}

static void hostmem_set_size(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    uint64_t value;

    if (!hostmem_check_not_ready(be, name, errp) ||
        !visit_type_size(v, name, &value, errp)) {
        return;
    }
    if (!value) {
        error_setg(errp, "property '%s' of %s doesn't take value '%" PRIu64
                   "'", name, object_get_typename(obj), value);
        return;
    }
    be->size = value;
}

static bool hostmem_get_share(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->share;
}

static void hostmem_set_share(Object *obj, bool value, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    if (hostmem_check_not_ready(be, "share", errp)) {
        be->share = value;
    }
}

static bool hostmem_get_reserve(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->reserve;
}

static void hostmem_set_reserve(Object *obj, bool value, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    if (hostmem_check_not_ready(be, "reserve", errp)) {
        be->reserve = value;
    }
}

static bool hostmem_get_dump(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->dump;
}

static void hostmem_set_dump(Object *obj, bool value, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    be->dump = value;
    if (be->ready) {
        hostmem_apply_dump(be);
    }
}

static bool hostmem_get_merge(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->merge;
}

static void hostmem_set_merge(Object *obj, bool value, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    be->merge = value;
    if (be->ready) {
        hostmem_apply_merge(be);
    }
}

static bool hostmem_get_prealloc(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->prealloc;
}

static void hostmem_set_prealloc(Object *obj, bool value, Error **errp)
{
    HostMemoryBackend *be = MEMORY_BACKEND(obj);

    if (be->ready && value && !be->prealloc &&
        !hostmem_prealloc(be, errp)) {
        return;
    }
    be->prealloc = value;
}

static bool hostmem_get_canonical(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->use_canonical_path;
}

static void hostmem_set_canonical(Object *obj, bool value, Error **errp)
{
    MEMORY_BACKEND(obj)->use_canonical_path = value;
}

static void hostmem_get_threads(Object *obj, Visitor *v, const char *name,
                                void *opaque, Error **errp)
{
    visit_type_uint32(v, name, &MEMORY_BACKEND(obj)->prealloc_threads, errp);
}

static void hostmem_set_threads(Object *obj, Visitor *v, const char *name,
                                void *opaque, Error **errp)
{
    uint32_t value;

    if (!visit_type_uint32(v, name, &value, errp)) {
        return;
    }
    if (!value) {
        error_setg(errp, "property '%s' of %s doesn't take value '%" PRIu32
                   "'", name, object_get_typename(obj), value);
        return;
    }
    /* Pages are faulted in by one thread; the count is accepted. */
    MEMORY_BACKEND(obj)->prealloc_threads = value;
}

static int hostmem_get_policy(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->policy;
}

/* This build has no NUMA support, like a QEMU built without libnuma. */
static void hostmem_set_policy(Object *obj, int value, Error **errp)
{
    if (value != HOST_MEM_POLICY_DEFAULT) {
        error_setg(errp, "NUMA policies are not supported by this QEMU");
        return;
    }
    MEMORY_BACKEND(obj)->policy = value;
}

static void hostmem_get_host_nodes(Object *obj, Visitor *v, const char *name,
                                   void *opaque, Error **errp)
{
    g_autoptr(JsonNode) empty = json_node_init_array(json_node_alloc(),
                                                     json_array_new());

    visit_type_any(v, name, &empty, errp);
}

/* Only an empty node list is accepted. */
static void hostmem_set_host_nodes(Object *obj, Visitor *v, const char *name,
                                   void *opaque, Error **errp)
{
    g_autoptr(JsonNode) value = NULL;

    if (!visit_type_any(v, name, &value, errp)) {
        return;
    }
    if (JSON_NODE_HOLDS_ARRAY(value) &&
        !json_array_get_length(json_node_get_array(value))) {
        return;
    }
    error_setg(errp, "NUMA node binding are not supported by this QEMU");
}

typedef struct HostmemBoolProp {
    const char *name;
    bool (*get)(Object *obj, Error **errp);
    void (*set)(Object *obj, bool value, Error **errp);
    const char *desc;
} HostmemBoolProp;

static const HostmemBoolProp hostmem_bool_props[] = {
    { "merge", hostmem_get_merge, hostmem_set_merge,
      "Let the kernel merge identical pages (KSM)" },
    { "dump", hostmem_get_dump, hostmem_set_dump,
      "Include the memory in core dumps" },
    { "prealloc", hostmem_get_prealloc, hostmem_set_prealloc,
      "Fault in every page when the backend is created" },
    { "share", hostmem_get_share, hostmem_set_share,
      "Map the memory shared (visible to other processes) or private" },
    { "reserve", hostmem_get_reserve, hostmem_set_reserve,
      "Reserve swap space (or huge pages) for the memory" },
    { "x-use-canonical-path-for-ramblock-id", hostmem_get_canonical,
      hostmem_set_canonical, NULL },
};

void hostmem_class_add_props(ObjectClass *oc)
{
    for (size_t i = 0; i < ARRAY_SIZE(hostmem_bool_props); i++) {
        const HostmemBoolProp *p = &hostmem_bool_props[i];

        object_class_property_add_bool(oc, p->name, p->get, p->set);
        if (p->desc) {
            object_class_property_set_description(oc, p->name, p->desc);
        }
    }
    object_class_property_add(oc, "size", "int", hostmem_get_size,
                              hostmem_set_size, NULL, NULL);
    object_class_property_set_description(oc, "size",
        "Size of the memory (e.g. 512M)");
    object_class_property_add(oc, "prealloc-threads", "int",
                              hostmem_get_threads, hostmem_set_threads,
                              NULL, NULL);
    object_class_property_set_description(oc, "prealloc-threads",
        "Threads used for prealloc (accepted; one is used)");
    object_class_property_add(oc, "host-nodes", "int",
                              hostmem_get_host_nodes, hostmem_set_host_nodes,
                              NULL, NULL);
    object_class_property_set_description(oc, "host-nodes",
        "Host NUMA nodes to bind to (only an empty list)");
    object_class_property_add_enum(oc, "policy", "HostMemPolicy",
                                   &HostMemPolicy_lookup, hostmem_get_policy,
                                   hostmem_set_policy);
    object_class_property_set_description(oc, "policy",
        "NUMA policy (only 'default')");
}
